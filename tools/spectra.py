"""Galaxy spectra and photometry from the stellar-population emulator (PCA + neural network trained on Bagpipes)."""

from __future__ import annotations

import itertools
import math
from typing import Annotated, Any, Literal

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from aeiou_agent.tools.cosmology import cosmology_model
from pydantic import Field

from aeiou_agent._json import content_hash
from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.exceptions import UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool

SPECULATOR = Citation(
    id="arXiv:1911.11778",
    kind="paper",
    title="SPECULATOR: Emulating stellar population synthesis for fast and accurate galaxy spectra and photometry",
    reference="Alsing et al. 2020, ApJS 249, 5 (the emulator design followed here)",
    url="https://arxiv.org/abs/1911.11778",
)
BAGPIPES = Citation(
    id="software:bagpipes",
    kind="software",
    title="Bagpipes: Bayesian Analysis of Galaxies for Physical Inference and Parameter EStimation (training spectra)",
    reference="Carnall et al. 2018, MNRAS 480, 4379; BC03 stellar grids: Bruzual & Charlot 2003, MNRAS 344, 1000",
    version="1.3.6",
    url="https://bagpipes.readthedocs.io",
)
SPECLITE = Citation(
    id="software:speclite",
    kind="software",
    title="speclite: filter response curves and AB magnitudes",
    reference="Kirkby et al., speclite (DESI collaboration software)",
    url="https://github.com/desihub/speclite",
)
#: Filter systems by the names people use, as speclite's filter names.
BAND_SYSTEMS: dict[str, tuple[str, ...]] = {
    "sdss": tuple(f"sdss2010-{b}" for b in "ugriz"),
    "des": tuple(f"decam2014-{b}" for b in ("g", "r", "i", "z", "Y")),
    "lsst": tuple(f"lsst2023-{b}" for b in "ugrizy"),
    "hsc": tuple(f"hsc2017-{b}" for b in "grizy"),
    "panstarrs": tuple(f"panstarrs-{b}" for b in "grizy"),
    "bessell": tuple(f"bessell-{b}" for b in "UBVRI"),
    "2mass": tuple(f"twomass-{b}" for b in ("J", "H", "Ks")),
    "euclid": tuple(f"Euclid-{b}" for b in ("VIS", "Y", "J", "H")),
    "gaia": tuple(f"gaiadr3-{b}" for b in ("BP", "G", "RP")),
    "galex": ("galex-fuv", "galex-nuv"),
    "wise": tuple(f"wise2010-W{b}" for b in "1234"),
}
BandSystem = Literal["sdss", "des", "lsst", "hsc", "panstarrs", "bessell", "2mass", "euclid", "gaia", "galex", "wise"]

D4000_WINDOWS_A = (3850, 3950, 4000, 4100)  # blue and red windows of D_n(4000) (Balogh et al. 1999)
UV_SLOPE_RANGE_A = (1300, 2600)  # where β is fitted (rest frame; the Calzetti et al. 1994 windows lie inside)

Age = Annotated[float, Field(ge=0.03, le=13.5), Kind("galaxy_parameter")]
Tau = Annotated[float, Field(ge=0.03, le=20.0), Kind("galaxy_parameter")]
Metallicity = Annotated[float, Field(ge=0.02, le=2.5), Kind("galaxy_parameter")]
DustAv = Annotated[float, Field(ge=0.0, le=3.0), Kind("galaxy_parameter")]
Redshift = Annotated[float, Field(ge=0.0, le=8.0), Kind("redshift")]
Mass = Annotated[float, Field(ge=1e6, le=1e13), Kind("galaxy_parameter")]


@tool("generative")
def galaxy_spectrum(
    ctx: ToolContext,
    age_gyr: Age = 5.0,
    tau_gyr: Tau = 1.0,
    metallicity_solar: Metallicity = 1.0,
    dust_av_mag: DustAv = 0.0,
    redshift: Redshift = 0.0,
    mass_formed_msun: Mass = 1e10,
) -> ToolResult:
    """A galaxy's spectrum from 1,220 Å to 2.5 µm (rest frame) emulated from stellar-population synthesis.

    The stellar population formed ``mass_formed_msun`` with a delayed-exponential history SFR ∝ t·exp(−t/τ)
    starting ``age_gyr`` before it is seen, at one metallicity, with nebular emission and Calzetti dust. The emulator
    (PCA + neural network, the SPECULATOR design) was trained on Bagpipes spectra (BC03 stars, Cloudy nebulae); at a
    redshift the spectrum is shifted and dimmed exactly (Planck18 distances). Returns the spectrum as CSV and a plot,
    with the 4000 Å break, the UV slope β and the star-formation rate now.

    Args:
        age_gyr: Time since star formation began, Gyr (0.03–13.5; below the age of the universe at the redshift).
        tau_gyr: e-folding time τ of the delayed-exponential star-formation history, Gyr (0.03–20).
        metallicity_solar: Stellar metallicity in units of the Sun's (0.02–2.5).
        dust_av_mag: V-band dust attenuation A_V with the Calzetti law, mag (0–3).
        redshift: Redshift the galaxy is seen at (0: rest frame, fluxes at 10 pc).
        mass_formed_msun: Stellar mass formed, solar masses.
    """
    emulator = _emulator()
    wavelengths, flux, distance_mpc, cosmology_citation = _observed_spectrum(
        emulator, age_gyr, tau_gyr, metallicity_solar, dust_av_mag, redshift, mass_formed_msun
    )
    rest = wavelengths / (1 + redshift)
    stem = (
        "galaxy_spectrum_"
        + content_hash(
            {
                "params": [age_gyr, tau_gyr, metallicity_solar, dust_av_mag, redshift, mass_formed_msun],
                "model": emulator.sha256,
            }
        )[:12]
    )
    csv_path = ctx.artifact_path(stem, ".csv")
    header = "observed_wavelength_angstrom,rest_wavelength_angstrom,flux_erg_s_cm2_angstrom"
    table = np.column_stack([wavelengths, rest, flux])
    np.savetxt(csv_path, table, delimiter=",", header=header, comments="", fmt=("%.4f", "%.4f", "%.6e"))
    data: dict[str, Any] = {
        **_inputs(age_gyr, tau_gyr, metallicity_solar, dust_av_mag, redshift, mass_formed_msun, distance_mpc),
        "observed_wavelength_min_angstrom": float(wavelengths[0]),
        "observed_wavelength_max_angstrom": float(wavelengths[-1]),
        "points": len(wavelengths),
        "d4000_narrow": _d4000(rest, flux),
        "d4000_windows_angstrom": list(D4000_WINDOWS_A),
        "uv_slope_beta": _uv_slope(rest, flux),
        "uv_slope_range_angstrom": list(UV_SLOPE_RANGE_A),
        "sfr_now_msun_per_yr": _sfr_now(age_gyr, tau_gyr, mass_formed_msun),
        "flux_unit": "erg/s/cm²/Å" + (" at 10 pc" if redshift == 0 else ""),
    }
    artifacts = [
        _spectrum_plot(ctx, stem, wavelengths, flux, redshift, data),
        Artifact.from_file(csv_path, "text/csv", "the spectrum: observed and rest wavelength (Å), f_λ"),
    ]
    summary = (
        f"spectrum of a {age_gyr:g} Gyr old population (τ = {tau_gyr:g} Gyr, Z = {metallicity_solar:g} Z☉, "
        f"A_V = {dust_av_mag:g}) at z = {redshift:g}: D4000 {data['d4000_narrow']:.2f}"
    )
    return ToolResult(data, summary, artifacts, _sources(emulator, cosmology_citation, redshift))


@tool("generative")
def galaxy_photometry(
    ctx: ToolContext,
    age_gyr: Age = 5.0,
    tau_gyr: Tau = 1.0,
    metallicity_solar: Metallicity = 1.0,
    dust_av_mag: DustAv = 0.0,
    redshift: Redshift = 0.0,
    mass_formed_msun: Mass = 1e10,
    bands: Annotated[BandSystem, Kind("survey")] = "sdss",
) -> ToolResult:
    """AB magnitudes and colours of a model galaxy in a survey's filters, from the emulated spectrum.

    The same stellar population as galaxy_spectrum, integrated through the filters' response curves (speclite).
    At redshift 0 the magnitudes are absolute (the galaxy at 10 pc). A band is left out when it reaches beyond the
    emulated spectrum: redder than 2.5 µm or, at a redshift, bluer than Lyman-α in the rest frame (where the
    intergalactic medium absorbs).

    Args:
        age_gyr: Time since star formation began, Gyr.
        tau_gyr: e-folding time τ of the delayed-exponential star-formation history, Gyr.
        metallicity_solar: Stellar metallicity in units of the Sun's.
        dust_av_mag: V-band dust attenuation A_V with the Calzetti law, mag.
        redshift: Redshift the galaxy is seen at (0: absolute magnitudes).
        mass_formed_msun: Stellar mass formed, solar masses.
        bands: Filter system: sdss, des, lsst, hsc, panstarrs, bessell, 2mass, euclid, gaia, galex or wise.
    """
    from aeiou_agent.models.spectra_emulator import ab_magnitudes

    emulator = _emulator()
    wavelengths, flux, distance_mpc, cosmology_citation = _observed_spectrum(
        emulator, age_gyr, tau_gyr, metallicity_solar, dust_av_mag, redshift, mass_formed_msun
    )
    filters = list(BAND_SYSTEMS[bands])
    magnitudes = ab_magnitudes(wavelengths, flux, filters, redshift=redshift)
    short = {name: name.split("-", 1)[1] for name in filters}
    measured = {short[name]: value for name, value in magnitudes.items() if value is not None}
    left_out = [short[name] for name, value in magnitudes.items() if value is None]
    if not measured:
        raise UserError(
            f"None of the {bands} bands falls on the emulated spectrum at z = {redshift:g} "
            f"(rest frame 1,220 Å – 2.5 µm); try another filter system or redshift."
        )
    names = list(measured)
    colours = {f"{a}-{b}": measured[a] - measured[b] for a, b in itertools.pairwise(names)}
    data: dict[str, Any] = {
        **_inputs(age_gyr, tau_gyr, metallicity_solar, dust_av_mag, redshift, mass_formed_msun, distance_mpc),
        "bands": bands,
        "magnitudes_ab": measured,
        "colours": colours,
        "bands_left_out": left_out,
        "absolute": redshift == 0,
    }
    stem = "galaxy_photometry_" + content_hash({**data, "model": emulator.sha256})[:12]
    artifacts = [_photometry_plot(ctx, stem, wavelengths, flux, filters, magnitudes, data)]
    summary = f"{bands} AB magnitudes: " + ", ".join(f"{b} {m:.2f}" for b, m in measured.items())
    return ToolResult(data, summary, artifacts, [*_sources(emulator, cosmology_citation, redshift), SPECLITE])


def _emulator() -> Any:
    from aeiou_agent.models.spectra_emulator import load_spectra_emulator

    return load_spectra_emulator()


def _observed_spectrum(
    emulator: Any,
    age_gyr: float,
    tau_gyr: float,
    metallicity_solar: float,
    dust_av_mag: float,
    redshift: float,
    mass_formed_msun: float,
) -> tuple[np.ndarray, np.ndarray, float, Citation]:
    """(observed Å, f_λ, luminosity distance in Mpc, the cosmology's citation); refuses impossible ages.

    Distances are Planck18's; a population older than the universe at the redshift is refused with the age limit.
    """
    from aeiou_agent.models.spectra_emulator import StellarPopulation

    cosmology, _label, citation = cosmology_model("Planck18")
    universe_gyr = float(cosmology.age(redshift).value)
    if age_gyr > universe_gyr:
        raise UserError(
            f"At z = {redshift:g} the universe was {universe_gyr:.2f} Gyr old (Planck18), so no population there is "
            f"{age_gyr:g} Gyr old; give an age below {universe_gyr:.2f} Gyr or a lower redshift."
        )
    distance = float(cosmology.luminosity_distance(redshift).value) if redshift > 0 else 0.0
    population = StellarPopulation(age_gyr, tau_gyr, metallicity_solar, dust_av_mag)
    wavelengths, flux = emulator.observed(
        population, redshift=redshift, log10_mass_msun=math.log10(mass_formed_msun), luminosity_distance_mpc=distance
    )
    return wavelengths, flux, distance, citation


def _inputs(
    age_gyr: float,
    tau_gyr: float,
    metallicity_solar: float,
    dust_av_mag: float,
    redshift: float,
    mass_formed_msun: float,
    distance_mpc: float,
) -> dict[str, Any]:
    return {
        "age_gyr": age_gyr,
        "tau_gyr": tau_gyr,
        "metallicity_solar": metallicity_solar,
        "dust_av_mag": dust_av_mag,
        "redshift": redshift,
        "mass_formed_msun": mass_formed_msun,
        "luminosity_distance_mpc": distance_mpc if redshift > 0 else None,
        "quality": _quality(),
    }


def _quality() -> dict[str, float]:
    """The emulator's measured errors on held-out SPS spectra, in percent (from its weights file)."""
    metrics = _emulator().metrics
    return {"rest_median_percent": 100 * metrics["rest_median"], "rest_p99_percent": 100 * metrics["rest_p99"]}


def _sources(emulator: Any, cosmology_citation: Citation, redshift: float) -> list[Citation]:
    from aeiou_agent.models import model_citation

    metrics = emulator.metrics
    quality = (
        f"held-out Bagpipes spectra: median error {metrics['rest_median']:.2%}, "
        f"99th percentile {metrics['rest_p99']:.2%}"
    )
    card = model_citation("spectra_emulator", "AEIOU galaxy-spectra emulator", emulator.sha256, quality)
    return [card, SPECULATOR, BAGPIPES, *([cosmology_citation] if redshift > 0 else [])]


def _band_mean_fnu(rest: np.ndarray, flux: np.ndarray, low: float, high: float) -> float:
    inside = (rest >= low) & (rest <= high)
    return float(np.mean(flux[inside] * rest[inside] ** 2))  # f_ν ∝ λ² f_λ


def _d4000(rest: np.ndarray, flux: np.ndarray) -> float:
    """The narrow 4000 Å break D_n(4000) (Balogh et al. 1999): mean f_ν in 4000–4100 Å over 3850–3950 Å."""
    blue_low, blue_high, red_low, red_high = D4000_WINDOWS_A
    return _band_mean_fnu(rest, flux, red_low, red_high) / _band_mean_fnu(rest, flux, blue_low, blue_high)


def _uv_slope(rest: np.ndarray, flux: np.ndarray) -> float:
    """UV slope β of f_λ ∝ λ^β fitted over 1,300–2,600 Å (rest), where the Calzetti windows lie."""
    inside = (rest >= UV_SLOPE_RANGE_A[0]) & (rest <= UV_SLOPE_RANGE_A[1])
    return float(np.polyfit(np.log10(rest[inside]), np.log10(flux[inside]), 1)[0])


def _sfr_now(age_gyr: float, tau_gyr: float, mass_formed_msun: float) -> float:
    """Star-formation rate when seen (M☉/yr), exact for SFR ∝ t·exp(−t/τ) normalised to the mass formed."""
    x = age_gyr / tau_gyr
    formed_per_unit = tau_gyr**2 * (1 - math.exp(-x) * (1 + x))  # ∫₀^age t·exp(−t/τ) dt, Gyr²
    return mass_formed_msun * age_gyr * math.exp(-x) / formed_per_unit / 1e9


def _spectrum_plot(
    ctx: ToolContext,
    stem: str,
    wavelengths: np.ndarray,
    flux: np.ndarray,
    redshift: float,
    data: dict[str, Any],
) -> Artifact:
    fig = new_figure(8, 4)
    ax = fig.add_subplot()
    ax.plot(wavelengths, flux, lw=0.8, color="k")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("observed wavelength (Å)" if redshift > 0 else "rest wavelength (Å)")
    ax.set_ylabel("f_λ (erg s⁻¹ cm⁻² Å⁻¹)" + ("" if redshift > 0 else ", at 10 pc"))
    for rest_a, label in ((3727.0, "[O II]"), (4000.0, "4000 Å"), (4861.0, "Hβ"), (6563.0, "Hα")):
        ax.axvline(rest_a * (1 + redshift), color="tab:blue", lw=0.5, alpha=0.4)
        ax.text(rest_a * (1 + redshift), ax.get_ylim()[1], label, fontsize=7, rotation=90, va="top", ha="right")
    ax.set_title(
        f"age {data['age_gyr']:g} Gyr, τ {data['tau_gyr']:g} Gyr, Z {data['metallicity_solar']:g} Z☉, "
        f"A_V {data['dust_av_mag']:g}, z = {redshift:g}",
        fontsize=9,
    )
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", "the emulated spectrum (log–log)")


def _photometry_plot(
    ctx: ToolContext,
    stem: str,
    wavelengths: np.ndarray,
    flux: np.ndarray,
    filters: list[str],
    magnitudes: dict[str, float | None],
    data: dict[str, Any],
) -> Artifact:
    from aeiou_agent.models.spectra_emulator import load_filter

    fig = new_figure(8, 4)
    ax = fig.add_subplot()
    c_angstrom_s = 2.99792458e18
    f_nu = flux * wavelengths**2 / c_angstrom_s
    ax.plot(wavelengths, -2.5 * np.log10(np.clip(f_nu, 1e-300, None)) - 48.6, lw=0.7, color="0.5", label="spectrum")
    for name in filters:
        value = magnitudes[name]
        if value is None:
            continue
        response = load_filter(name)
        ax.plot(response.effective_wavelength.value, value, "o", color="tab:red")
        ax.annotate(
            name.split("-", 1)[1],
            (response.effective_wavelength.value, value),
            fontsize=8,
            xytext=(3, 3),
            textcoords="offset points",
        )
    ax.set_xscale("log")
    ax.invert_yaxis()
    ax.set_xlabel("observed wavelength (Å)")
    ax.set_ylabel("AB magnitude" + (" (absolute)" if data["absolute"] else ""))
    ax.legend(fontsize=8)
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", f"{data['bands']} magnitudes on the spectrum")
