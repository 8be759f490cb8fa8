"""Generative galaxy models trained on GalSim galaxies.

Synthetic galaxies (conditional VAE), S/N enhancement (SDSS-like → DES-like), the least-squares Sérsic fit, and
the multimodal product-of-experts VAE over DES-like image, SDSS-like image and parameters: predict parameters (or
the other survey's image) from an image, draw paired observations for given parameters, change one attribute of
a galaxy, find similar galaxies and rank anomalies in AEIOU's simulated reference survey (1,000 GalSim galaxies
with ~3% injected anomalies, rendered once into AEIOU_HOME).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from pydantic import Field

from aeiou_agent._json import content_hash
from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.exceptions import InvalidArguments, UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool

MAX_GALAXIES = 256
MAX_INPUT_BYTES = 50 * 1024 * 1024
STAMP_SUFFIXES = (".fits", ".fit", ".fts", ".npy")

GALSIM = Citation(
    id="software:galsim",
    kind="software",
    title="GalSim: the modular galaxy image simulation toolkit (training images)",
    reference="Rowe et al. 2015, Astronomy and Computing 10, 121",
    url="https://github.com/GalSim-developers/GalSim",
)
SN_ENHANCEMENT_PAPER = Citation(
    id="arXiv:2011.07124",
    kind="paper",
    title="Survey2Survey: A deep learning generative model approach for cross-survey image mapping",
    reference="Buncher, Sharma & Carrasco Kind 2020 (the approach followed here)",
    url="https://arxiv.org/abs/2011.07124",
)
KINGMA = Citation(
    id="arXiv:1312.6114",
    kind="paper",
    title="Auto-Encoding Variational Bayes",
    reference="Kingma & Welling 2014",
    url="https://arxiv.org/abs/1312.6114",
)


@tool("generative")
def generate_galaxies(
    ctx: ToolContext,
    sersic_n: Annotated[
        list[Annotated[float, Field(ge=0.5, le=6.0)]], Field(min_length=1, max_length=8), Kind("galaxy_parameter")
    ] = [1.0],  # noqa: B006
    count_per_index: Annotated[int, Field(ge=1, le=64), Kind("count")] = 4,
    half_light_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0), Kind("galaxy_parameter")] = 1.0,
    ellipticity: Annotated[float, Field(ge=0.0, le=0.7), Kind("galaxy_parameter")] = 0.2,
    seed: Annotated[int | None, Field(ge=0), Kind("seed")] = None,
) -> ToolResult:
    """Draw synthetic DES-like galaxy images (48×48 px, 0.263″/px, 0.9″ seeing) with a conditional VAE.

    The model was trained on GalSim Sérsic galaxies; each requested Sérsic index gets ``count_per_index``
    samples with the given size and ellipticity (orientation varies). Returns an image grid, the stamps as
    a NumPy array and a FITS cube, and the concentration and size measured on the samples.

    Args:
        sersic_n: Sérsic indices to draw (0.5 = flat, 1 = exponential disc, 4 = de Vaucouleurs), up to 8.
        count_per_index: Galaxies per Sérsic index (1–64).
        half_light_radius_arcsec: Intrinsic half-light radius, arcsec (0.3–3).
        ellipticity: Ellipticity (a²−b²)/(a²+b²), 0–0.7.
        seed: Random seed; the run's seed when omitted.
    """
    from aeiou_agent.models.cvae import concentration, load_cvae
    from aeiou_agent.models.cvae import half_light_radius_arcsec as measured_radius

    total = len(sersic_n) * count_per_index
    if total > MAX_GALAXIES:
        raise InvalidArguments("generate_galaxies", [f"{total} galaxies requested; at most {MAX_GALAXIES}"])
    seed = ctx.seed if seed is None else seed
    model = load_cvae()
    indices = np.repeat(np.asarray(sersic_n, dtype=float), count_per_index)
    stamps = model.sample(
        indices, np.full(total, half_light_radius_arcsec), np.full(total, ellipticity), seed=seed
    ).astype(np.float32)
    groups = []
    for group, n in enumerate(sersic_n):
        chunk = stamps[group * count_per_index : (group + 1) * count_per_index]
        groups.append(
            {
                "sersic_n": n,
                "count": count_per_index,
                "concentration_median": float(np.median(concentration(chunk))),
                "half_light_radius_observed_arcsec_median": float(np.median(measured_radius(chunk))),
            }
        )
    key = content_hash(
        {
            "n": list(sersic_n),
            "k": count_per_index,
            "r": half_light_radius_arcsec,
            "e": ellipticity,
            "seed": seed,
            "model": model.sha256,
        }
    )[:12]
    stem = f"galaxies_{key}"
    array_path = ctx.artifact_path(stem, ".npy")
    np.save(array_path, stamps)
    fits_path = ctx.artifact_path(stem, ".fits")
    _write_galaxy_fits(fits_path, stamps, indices, half_light_radius_arcsec, ellipticity, seed, model.sha256)
    grid = _grid(ctx, stem, stamps, sersic_n, count_per_index)
    metrics = model.metrics
    data = {
        "model": "galaxy_cvae",
        "seed": seed,
        "half_light_radius_arcsec": half_light_radius_arcsec,
        "ellipticity": ellipticity,
        "total": total,
        "groups": groups,
        "pixel_arcsec": 0.263,
        "stamp_pixels": int(stamps.shape[-1]),
        "quality": {
            "concentration_spearman_vs_n": metrics.get("concentration_spearman_vs_n"),
            "size_median_relative_error": metrics.get("size_median_relative_error"),
            "size_median_error_percent": 100 * metrics["size_median_relative_error"]
            if "size_median_relative_error" in metrics
            else None,
        },
    }
    summary = f"{total} synthetic galaxies (seed {seed}): " + "; ".join(
        f"n={g['sersic_n']:g}: concentration {g['concentration_median']:.2f}" for g in groups
    )
    citation = cvae_citation(model)
    artifacts = [
        grid,
        Artifact.from_file(array_path, "application/x-npy", "stamps (N, 48, 48), % of flux per pixel"),
        Artifact.from_file(fits_path, "fits", "stamps as a FITS cube with the conditions in the header"),
    ]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[citation, GALSIM, KINGMA])


def cvae_citation(model: Any) -> Citation:
    """How answers cite the galaxy CVAE: its card, its validation figures and its weights' hash."""
    from aeiou_agent.models import model_citation

    metrics = model.metrics
    quality = (
        f"validation: concentration–n rank correlation {metrics['concentration_spearman_vs_n']:.3f}, "
        f"median size error {metrics['size_median_relative_error']:.1%}"
    )
    return model_citation("galaxy_cvae", "AEIOU conditional VAE of galaxy images", model.sha256, quality)


def _write_galaxy_fits(
    path: Any, stamps: np.ndarray, indices: np.ndarray, radius: float, e: float, seed: int, sha256: str
) -> None:
    from astropy.io import fits

    header = fits.Header()
    header["BUNIT"] = ("percent", "percent of the galaxy flux per pixel")
    header["PIXSCALE"] = (0.263, "arcsec per pixel (DES-like)")
    header["HLR"] = (radius, "requested half-light radius [arcsec]")
    header["ELLIP"] = (e, "requested ellipticity")
    header["SEED"] = seed
    header["MODEL"] = ("galaxy_cvae", "AEIOU conditional VAE")
    header["MODELSHA"] = sha256[:16]
    primary = fits.PrimaryHDU(stamps, header=header)
    table = fits.BinTableHDU.from_columns([fits.Column(name="SERSIC_N", format="E", array=indices)])
    fits.HDUList([primary, table]).writeto(path, overwrite=True, output_verify="exception")


def _grid(ctx: ToolContext, stem: str, stamps: np.ndarray, sersic_n: list[float], per_row: int) -> Artifact:
    columns = min(per_row, 8)
    rows = len(sersic_n) * -(-per_row // columns)
    fig = new_figure(1.3 * columns + 0.6, 1.35 * rows + 0.3, dpi=100)
    axes = fig.subplots(rows, columns, squeeze=False)
    stretch = np.arcsinh(stamps / 0.02)
    top = float(np.percentile(stretch, 99.8))
    for ax in axes.ravel():
        ax.set_axis_off()
    for i, stamp in enumerate(stretch):
        group, within = divmod(i, per_row)
        row = group * -(-per_row // columns) + within // columns
        ax = axes[row, within % columns]
        ax.imshow(stamp, origin="lower", cmap="gray", vmin=0, vmax=top, interpolation="nearest")
        if within == 0:
            ax.set_title(f"n = {sersic_n[group]:g}", fontsize=8, loc="left")
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", "Synthetic galaxies, one row per Sérsic index (asinh stretch)")


def load_stamp(ctx: ToolContext, path: str, index: int = 0) -> np.ndarray:
    """A 2D image from a FITS or NumPy file (``index`` picks a plane of a cube), with a clear error otherwise.

    Only files under AEIOU_HOME (artifacts, uploads) or the folders in AEIOU_READ_DIRS are read, never the
    process's working folder implicitly; a relative name is looked up in the artifact and upload folders. A
    file that is missing and one outside those folders get the same message, so the answer tells nothing
    about files it may not read.
    """
    roots = [root.resolve() for root in ctx.settings.readable_dirs]
    given = Path(path).expanduser()
    candidates = (
        [given]
        if given.is_absolute()
        else [ctx.settings.artifacts_dir / given, ctx.settings.uploads_dir / given, *(r / given for r in roots)]
    )
    file = next(
        (
            c.resolve()
            for c in candidates
            if c.resolve().is_file() and any(c.resolve().is_relative_to(r) for r in roots)
        ),
        None,
    )
    if file is None:
        raise UserError(
            f"I can't read {path!r}: I read images only from files under {roots[0]} (artifacts, uploads) or the "
            "folders in AEIOU_READ_DIRS"
        )
    if file.suffix.lower() not in STAMP_SUFFIXES:
        raise UserError(f"{file.name} is not a FITS or .npy image (expected one of {', '.join(STAMP_SUFFIXES)})")
    if file.stat().st_size > MAX_INPUT_BYTES:
        raise UserError(f"{file.name} is larger than {MAX_INPUT_BYTES // 2**20} MB")
    if file.suffix.lower() == ".npy":
        try:
            array = np.load(file, allow_pickle=False)
        except ValueError as exc:
            raise UserError(f"{file.name} is not a readable NumPy array: {exc}") from None
    else:
        array = _fits_image(file)
    array = np.asarray(array, dtype=np.float32)
    if array.ndim == 3:
        if not 0 <= index < len(array):
            last = len(array) - 1
            raise UserError(f"{file.name} holds {len(array)} images; sample {index} does not exist (0–{last})")
        array = array[index]
    elif index and array.ndim == 2:
        raise UserError(f"{file.name} holds one image; sample {index} does not exist (use sample 0, or leave it out)")
    if array.ndim != 2:
        raise UserError(f"{file.name} holds a {array.ndim}-dimensional array, not an image")
    return array


def _fits_image(file: Path) -> np.ndarray:
    from astropy.io import fits

    try:
        with fits.open(file, memmap=False) as hdus:
            for hdu in hdus:
                if getattr(hdu, "is_image", False) and hdu.data is not None and hdu.data.ndim >= 2:
                    return np.array(hdu.data)
    except OSError as exc:
        raise UserError(f"{file.name} is not a readable FITS file: {exc}") from None
    raise UserError(f"{file.name} has no image data (only tables or empty HDUs)")


@tool("generative")
def enhance_cutout(
    ctx: ToolContext,
    path: Annotated[str | None, Kind("file")] = None,
    index: Annotated[int, Field(ge=0), Kind("galaxy_reference")] = 0,
    sersic_n: Annotated[float, Field(ge=0.5, le=6.0), Kind("galaxy_parameter")] = 1.0,
    half_light_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0), Kind("galaxy_parameter")] = 1.0,
    ellipticity: Annotated[float, Field(ge=0.0, le=0.7), Kind("galaxy_parameter")] = 0.2,
    log10_flux: Annotated[float, Field(ge=3.7, le=5.0), Kind("galaxy_parameter")] = 4.0,
    seed: Annotated[int | None, Field(ge=0), Kind("seed")] = None,
) -> ToolResult:
    """Enhance the signal-to-noise of an SDSS-like galaxy cutout: predict what the DES-like survey would see.

    A CNN trained on paired GalSim galaxies maps the shallow, blurrier SDSS-like stamp to the deeper, sharper
    DES-like one (the approach of arXiv:2011.07124).
    Give ``path`` (a FITS or .npy file holding a 32×32 stamp of 0.396″ pixels, e.g. an earlier answer's FITS), or
    leave it out to simulate an SDSS-like cutout of a Sérsic galaxy (and its DES-like view for comparison).
    Returns the input/enhanced/truth panels (PNG), the enhanced stamp as FITS, the 2″-aperture fluxes, the
    noise before and after, and the model's held-out quality next to the smoothing and median baselines.

    Args:
        path: FITS or .npy file with the SDSS-like cutout; omit to simulate one.
        index: Which image of a cube (FITS or .npy) to use, from 0.
        sersic_n: Sérsic index of the simulated galaxy (0.5–6).
        half_light_radius_arcsec: Half-light radius of the simulated galaxy, arcsec (0.3–3).
        ellipticity: Ellipticity of the simulated galaxy (0–0.7).
        log10_flux: log10 of the simulated galaxy's flux in DES-like electrons (3.7–5; fainter is noisier).
        seed: Seed of the simulated noise; the run's seed when omitted.
    """
    from aeiou_agent.models import model_citation
    from aeiou_agent.models.enhance import NotAnImage, aperture_flux, load_enhancer, sky_sigma, to_des_grid
    from aeiou_agent.models.galaxies import DES, SDSS, GalaxyParams, render

    seed = ctx.seed if seed is None else seed
    model = load_enhancer()
    truth: np.ndarray | None = None
    clean: np.ndarray | None = None
    if path is None:
        galaxy = GalaxyParams(sersic_n, half_light_radius_arcsec, ellipticity, float(seed * 37 % 180), log10_flux)
        cutout = render(galaxy, SDSS, seed)
        truth = render(galaxy, DES, seed + 1)
        clean = render(galaxy, DES, 0, noise=False)
        source = "simulated"
    else:
        cutout = load_stamp(ctx, path, index)
        source = path
    try:
        enhanced = model.enhance(cutout)
    except NotAnImage as exc:
        raise InvalidArguments("enhance_cutout", [str(exc)]) from None
    resampled = to_des_grid(cutout)
    key = hashlib.sha256(cutout.tobytes() + model.sha256.encode()).hexdigest()[:12]
    stem = f"enhanced_{key}"
    fits_path = ctx.artifact_path(stem, ".fits")
    _write_fits(fits_path, cutout, enhanced, model.sha256, seed if path is None else None)
    panels = {"SDSS-like input": resampled, "enhanced": enhanced}
    if truth is not None:
        panels["DES-like view"] = truth
    picture = stamp_panels(ctx, stem, panels)
    held_out = model.metrics.get("held_out", {})
    data: dict[str, Any] = {
        "source": source,
        "seed": seed if path is None else None,
        "aperture_radius_arcsec": 2.0,
        "aperture_flux_input": float(aperture_flux(resampled)),
        "aperture_flux_enhanced": float(aperture_flux(enhanced)),
        "noise_input": sky_sigma(resampled),
        "noise_enhanced": sky_sigma(enhanced),
        "pixel_arcsec": DES.pixel_arcsec,
        "stamp_pixels": int(enhanced.shape[-1]),
        "quality": _quality(held_out),
    }
    data["noise_reduction"] = data["noise_input"] / max(data["noise_enhanced"], 1e-9)
    if clean is not None and truth is not None:
        data["aperture_flux_true"] = float(aperture_flux(clean))
        data["aperture_flux_des_like"] = float(aperture_flux(truth))
        data["galaxy"] = {
            "sersic_n": sersic_n,
            "half_light_radius_arcsec": half_light_radius_arcsec,
            "ellipticity": ellipticity,
            "log10_flux": log10_flux,
        }
    summary = (
        f"enhanced {'a simulated' if path is None else source} SDSS-like cutout: 2″ aperture flux "
        f"{data['aperture_flux_input']:.0f} → {data['aperture_flux_enhanced']:.0f} e⁻, sky noise down "
        f"{data['noise_reduction']:.1f}×"
    )
    quality = "held-out: " + ", ".join(
        f"{k.replace('_', ' ')} {v:.3g}" for k, v in data["quality"].items() if isinstance(v, float)
    )
    citation = model_citation("sn_enhancer", "AEIOU SDSS-like → DES-like S/N enhancer", model.sha256, quality)
    artifacts = [picture, Artifact.from_file(fits_path, "fits", "enhanced (HDU 0) and input (HDU 1) stamps")]
    if path is None:  # the simulated cutout on its own, for later questions about 'this cutout'
        cutout_path = ctx.artifact_path(f"sdss_cutout_{key}", ".fits")
        header = fits_header(SDSS.pixel_arcsec, "SDSS-like exposure electrons per pixel", seed)
        _fits_module().PrimaryHDU(cutout.astype(np.float32), header=header).writeto(cutout_path, overwrite=True)
        artifacts.append(Artifact.from_file(cutout_path, "fits", "the simulated SDSS-like cutout (32×32, 0.396″)"))
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[citation, SN_ENHANCEMENT_PAPER, GALSIM])


@tool("generative")
def fit_galaxy_profile(
    ctx: ToolContext,
    path: Annotated[str | None, Kind("file")] = None,
    index: Annotated[int, Field(ge=0), Kind("galaxy_reference")] = 0,
    survey: Annotated[Literal["auto", "sdss", "des"], Kind("survey")] = "auto",
    sersic_n: Annotated[float, Field(ge=0.5, le=6.0), Kind("galaxy_parameter")] = 2.0,
    half_light_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0), Kind("galaxy_parameter")] = 1.0,
    ellipticity: Annotated[float, Field(ge=0.0, le=0.7), Kind("galaxy_parameter")] = 0.3,
    log10_flux: Annotated[float, Field(ge=3.7, le=5.0), Kind("galaxy_parameter")] = 4.2,
    seed: Annotated[int | None, Field(ge=0), Kind("seed")] = None,
) -> ToolResult:
    """Estimate a galaxy's structural parameters (Sérsic index, half-light radius, ellipticity, flux) from a stamp.

    A least-squares fit of a PSF-convolved Sérsic profile (GalSim), weighted by the CCD noise, to a 32×32
    SDSS-like or 48×48 DES-like stamp from a FITS/.npy file (e.g. an earlier answer's cutout), or to a noisy
    DES-like stamp simulated from the given parameters (then the truth is shown beside the fit).

    Args:
        path: FITS or .npy file with the stamp; omit to simulate one.
        index: Which image of a cube to use, from 0.
        survey: 'sdss' (0.396″ pixels, 1.4″ seeing), 'des' (0.263″, 0.9″) or 'auto' (from the stamp size).
        sersic_n: Sérsic index of the simulated galaxy (0.5–6).
        half_light_radius_arcsec: Half-light radius of the simulated galaxy, arcsec (0.3–3).
        ellipticity: Ellipticity of the simulated galaxy (0–0.7).
        log10_flux: log10 of the simulated galaxy's flux in DES-like electrons (3.7–5).
        seed: Seed of the simulated noise; the run's seed when omitted.
    """
    from aeiou_agent.models.galaxies import DES, SDSS, GalaxyParams, fit_sersic, render

    seed = ctx.seed if seed is None else seed
    truth: GalaxyParams | None = None
    if path is None:
        truth = GalaxyParams(sersic_n, half_light_radius_arcsec, ellipticity, float(seed * 37 % 180), log10_flux)
        instrument = SDSS if survey == "sdss" else DES
        image = render(truth, instrument, seed)
    else:
        image = load_stamp(ctx, path, index)
        by_size = {SDSS.stamp_pixels: SDSS, DES.stamp_pixels: DES}
        if survey == "auto":
            if image.shape[0] != image.shape[1] or image.shape[0] not in by_size:
                raise UserError(
                    f"a {image.shape[0]}×{image.shape[1]} stamp is neither SDSS-like (32×32, 0.396″) nor DES-like "
                    "(48×48, 0.263″); say which survey it is, or give one of those"
                )
            instrument = by_size[image.shape[0]]
        else:
            instrument = SDSS if survey == "sdss" else DES
            if image.shape != (instrument.stamp_pixels, instrument.stamp_pixels):
                raise UserError(f"a {instrument.name.upper()}-like stamp is {instrument.stamp_pixels} pixels square")
    fit = fit_sersic(image, instrument)
    model = render(fit, instrument, 0, noise=False)
    chi2 = float((((image - model) ** 2) / (instrument.sky_variance_electrons2 + np.clip(image, 0, None))).sum())
    dof = image.size - 5
    key = hashlib.sha256(image.tobytes() + instrument.name.encode()).hexdigest()[:12]
    picture = stamp_panels(ctx, f"sersic_fit_{key}", {"stamp": image, "Sérsic fit": model, "residual": image - model})
    fitted = {
        "sersic_n": fit.sersic_n,
        "half_light_radius_arcsec": fit.half_light_radius_arcsec,
        "ellipticity": fit.ellipticity,
        "position_angle_deg": fit.position_angle_deg % 180,
        "log10_flux": fit.log10_flux,
    }
    data: dict[str, Any] = {
        "source": "simulated" if path is None else path,
        "survey": instrument.name,
        "fit": fitted,
        "reduced_chi2": chi2 / dof,
        "seed": seed if path is None else None,
    }
    if truth is not None:
        data["truth"] = {
            "sersic_n": truth.sersic_n,
            "half_light_radius_arcsec": truth.half_light_radius_arcsec,
            "ellipticity": truth.ellipticity,
            "log10_flux": truth.log10_flux,
        }
    summary = (
        f"Sérsic fit ({instrument.name.upper()}-like stamp): n = {fit.sersic_n:.2f}, r_e = "
        f"{fit.half_light_radius_arcsec:.2f}″, e = {fit.ellipticity:.2f}, log10 flux = {fit.log10_flux:.2f}, "
        f"reduced χ² = {chi2 / dof:.2f}"
    )
    artifacts = [picture]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[GALSIM])


def _quality(held_out: dict[str, Any]) -> dict[str, Any]:
    """The held-out figures an answer quotes: the enhancer's and the baselines' S/N gains, PSNR and SSIM."""
    if not held_out:
        return {}
    enhancer = held_out["enhancer"]
    low, high = enhancer.get("aperture_snr_gain_interval", [float("nan")] * 2)
    linear = held_out.get("linear_filter", {})
    return {
        "pairs": held_out["pairs"],
        "interval_percent": 95,
        "aperture_snr_gain_percent": 100 * enhancer["aperture_snr_gain"],
        "aperture_snr_gain_low_percent": 100 * low,
        "aperture_snr_gain_high_percent": 100 * high,
        "aperture_flux_bias_percent": 100 * enhancer["aperture_flux_bias"],
        "aperture_snr_gain_linear_percent": 100 * linear.get("aperture_snr_gain", float("nan")),
        "psnr_db_linear": linear.get("psnr_vs_noise_free_des_db", float("nan")),
        "aperture_snr_gain_gaussian_percent": 100 * held_out["gaussian_smoothing"]["aperture_snr_gain"],
        "aperture_snr_gain_median_percent": 100 * held_out["median_filter"]["aperture_snr_gain"],
        "psnr_db": enhancer["psnr_vs_noise_free_des_db"],
        "psnr_db_input": held_out["sdss_input"]["psnr_vs_noise_free_des_db"],
        "ssim": enhancer["ssim_vs_noise_free_des"],
        "ssim_input": held_out["sdss_input"]["ssim_vs_noise_free_des"],
    }


def _fits_module() -> Any:
    from astropy.io import fits

    return fits


def fits_header(pixel_arcsec: float, unit: str, seed: int | None = None) -> Any:
    """A FITS header with the pixel scale, units and (for simulated images) the seed."""
    header = _fits_module().Header()
    header["BUNIT"] = ("electron", unit)
    header["PIXSCALE"] = (pixel_arcsec, "arcsec per pixel")
    if seed is not None:
        header["SEED"] = seed
    return header


def _write_fits(path: Path, cutout: np.ndarray, enhanced: np.ndarray, sha256: str, seed: int | None) -> None:
    fits = _fits_module()
    header = fits_header(0.263, "DES-like exposure electrons per pixel", seed)
    header["MODEL"] = ("sn_enhancer", "AEIOU SDSS-like -> DES-like S/N enhancer")
    header["MODELSHA"] = sha256[:16]
    primary = fits.PrimaryHDU(enhanced.astype(np.float32), header=header)
    original = fits.ImageHDU(cutout.astype(np.float32), header=fits_header(0.396, "SDSS-like electrons"), name="INPUT")
    fits.HDUList([primary, original]).writeto(path, overwrite=True, output_verify="exception")


def stamp_panels(ctx: ToolContext, stem: str, panels: dict[str, np.ndarray]) -> Artifact:
    """Named stamps side by side on one asinh stretch (set by the first), residuals shown both ways."""
    fig = new_figure(2.4 * len(panels), 2.6, dpi=100)
    axes = fig.subplots(1, len(panels), squeeze=False)[0]
    scale = max(float(np.percentile(np.abs(next(iter(panels.values()))), 50)), 1e-3)
    stretched = {name: np.arcsinh(image / scale) for name, image in panels.items()}
    top = max(float(np.percentile(image, 99.5)) for image in stretched.values())
    for ax, (name, image) in zip(axes, stretched.items(), strict=True):
        low = -top if name == "residual" else 0  # residuals go both ways
        ax.imshow(image, origin="lower", cmap="gray", vmin=low, vmax=top, interpolation="nearest")
        ax.set_title(name, fontsize=9)
        ax.set_axis_off()
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", ", ".join(panels) + " (asinh stretch)")


# ------------------------------------------------------------------ the multimodal (product-of-experts) VAE

WU_GOODMAN = Citation(
    id="arXiv:1802.05335",
    kind="paper",
    title="Multimodal Generative Models for Scalable Weakly-Supervised Learning",
    reference="Wu & Goodman 2018 (the product-of-experts VAE followed here)",
    url="https://arxiv.org/abs/1802.05335",
)
ATTRIBUTES = ("sersic_n", "half_light_radius_arcsec", "ellipticity", "position_angle_deg", "log10_flux")
Attribute = Literal["sersic_n", "half_light_radius_arcsec", "ellipticity", "position_angle_deg", "log10_flux"]
SurveyChoice = Literal["auto", "des", "sdss"]
POSTERIOR_DRAWS = 200


@dataclass
class GalaxyInput:
    """The stamp a tool works on, which survey it is from, where it came from and (if known) its truth."""

    image: np.ndarray
    modality: str
    source: str
    truth: np.ndarray | None = None  # GalaxyParams-ordered row
    anomaly: str | None = None


def _poe_model() -> Any:
    from aeiou_agent.models.poe_vae import load_poe_vae

    return load_poe_vae()


def _reference_survey(ctx: ToolContext) -> dict[str, np.ndarray]:
    from aeiou_agent.models.poe_vae import reference_survey

    return reference_survey(ctx.settings.home / "galaxies", _poe_model())


def _check_sample(sample: int) -> None:
    from aeiou_agent.models.poe_vae import REFERENCE_GALAXIES

    if not 0 <= sample < REFERENCE_GALAXIES:
        raise UserError(f"the reference survey has galaxies 0–{REFERENCE_GALAXIES - 1}; there is no sample {sample}")


def _galaxy_input(
    ctx: ToolContext, path: str | None, index: int, sample: int | None, survey: SurveyChoice, tool_name: str
) -> GalaxyInput:
    """The stamp named by ``path`` (+ ``index``) or by ``sample`` of the reference survey."""
    from aeiou_agent.models.galaxies import ANOMALIES
    from aeiou_agent.models.poe_vae import image_modality

    if path is not None and sample is not None:
        raise InvalidArguments(tool_name, ["give either path (an image file) or sample (a survey galaxy), not both"])
    if path is None and sample is None:
        raise InvalidArguments(
            tool_name, ["give path (a FITS/.npy stamp) or sample (a galaxy of the reference survey, 0–999)"]
        )
    if sample is not None:
        _check_sample(sample)
        reference = _reference_survey(ctx)
        modality = "sdss" if survey == "sdss" else "des"
        return GalaxyInput(
            image=reference[modality][sample],
            modality=modality,
            source=f"reference survey galaxy {sample}",
            truth=reference["galaxies"][sample],
            anomaly=ANOMALIES[int(reference["anomaly"][sample])],
        )
    assert path is not None
    image = load_stamp(ctx, path, index)
    try:
        modality = image_modality(image)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if survey != "auto" and survey != modality:
        raise UserError(f"{path} holds a {modality.upper()}-like stamp ({image.shape[0]} pixels), not {survey.upper()}")
    return GalaxyInput(image=image, modality=modality, source=path if index == 0 else f"{path}[{index}]")


def _param_dict(row: np.ndarray) -> dict[str, float]:
    values = dict(zip(ATTRIBUTES, (float(v) for v in row), strict=True))
    values["position_angle_deg"] %= 180
    return values


def _poe_sources(model: Any) -> list[Citation]:
    """The model (card, measured quality, weights hash), the method's paper, and GalSim (its training images)."""
    from aeiou_agent.models import model_citation

    held_out = model.metrics.get("held_out", {})
    quality = f"held-out anomaly ROC AUC {held_out.get('anomaly_roc_auc') or float('nan'):.3f}"
    title = "AEIOU multimodal product-of-experts VAE of galaxies"
    return [model_citation("galaxy_poe_vae", title, model.sha256, quality), WU_GOODMAN, GALSIM]


def _poe_quality(model: Any) -> dict[str, Any]:
    """The held-out figures an answer quotes: anomaly ROC AUC, parameter errors beside the fit, edit accuracy."""
    held_out = model.metrics.get("held_out", {})
    quality: dict[str, Any] = {"anomaly_roc_auc": held_out.get("anomaly_roc_auc")}
    for source in ("des", "sdss"):
        if f"params_from_{source}" in held_out:
            errors = held_out[f"params_from_{source}"]
            quality[f"from_{source}"] = _errors_for_answer(errors)
            subset = next((k for k in held_out if k.startswith("subset_") and k.endswith(f"_from_{source}")), None)
            if subset:  # 'subset_100_from_des': the least-squares fit on the first 100 of the same galaxies
                baseline = _errors_for_answer(held_out[subset]["least_squares_fit"])
                quality[f"from_{source}"]["baseline"] = {"galaxies": int(subset.split("_")[1]), **baseline}
    if "edit_sersic_n" in held_out:
        quality["edit_sersic_n"] = held_out["edit_sersic_n"]
    return quality


def _errors_for_answer(errors: dict[str, float]) -> dict[str, Any]:
    return {
        "sersic_n_median_abs_error": errors["sersic_n_median_abs_error"],
        "radius_median_error_percent": 100 * errors["radius_median_relative_error"],
        "ellipticity_median_abs_error": errors["ellipticity_median_abs_error"],
    }


def _write_pair_fits(path: Any, des: np.ndarray, sdss: np.ndarray, model: Any, seed: int | None, what: str) -> None:
    from astropy.io import fits

    header = fits_header(0.263, "DES-like exposure electrons per pixel", seed)
    header["CONTENT"] = what[:68]
    header["MODEL"] = ("galaxy_poe_vae", "AEIOU multimodal PoE VAE")
    header["MODELSHA"] = model.sha256[:16]
    primary = fits.PrimaryHDU(des.astype(np.float32), header=header)
    other = fits.ImageHDU(sdss.astype(np.float32), header=fits_header(0.396, "SDSS-like electrons", seed), name="SDSS")
    fits.HDUList([primary, other]).writeto(path, overwrite=True, output_verify="exception")


def _stamp_grid(
    ctx: ToolContext,
    stem: str,
    stamps: np.ndarray,
    titles: Sequence[str | None],
    caption: str,
    columns: int = 6,
    *,
    per_stamp: bool = False,
) -> Artifact:
    """Stamps in a grid on one asinh stretch, or (``per_stamp``) each on its own; a None title leaves a gap."""
    columns = min(len(stamps), columns)
    rows = -(-len(stamps) // columns)
    fig = new_figure(1.5 * columns + 0.3, 1.6 * rows + 0.2, dpi=100)
    axes = fig.subplots(rows, columns, squeeze=False)
    scale = max(float(np.median([np.percentile(np.abs(s), 50) for s in stamps])), 1e-3)
    stretch = np.arcsinh(stamps / scale)
    tops = [float(np.percentile(s, 99.7)) for s in stretch] if per_stamp else [float(np.percentile(stretch, 99.7))]
    for ax in axes.ravel():
        ax.set_axis_off()
    for i, (ax, stamp, title) in enumerate(zip(axes.ravel(), stretch, titles, strict=False)):
        if title is None:
            continue
        top = tops[i] if per_stamp else tops[0]
        ax.imshow(stamp, origin="lower", cmap="gray", vmin=0, vmax=top, interpolation="nearest")
        ax.set_title(title, fontsize=7, loc="left")
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", caption + " (asinh stretch)")


@tool("generative")
def predict_galaxy_parameters(
    ctx: ToolContext,
    path: Annotated[str | None, Kind("file")] = None,
    index: Annotated[int, Field(ge=0), Kind("galaxy_reference")] = 0,
    sample: Annotated[int | None, Field(ge=0), Kind("galaxy_reference")] = None,
    survey: Annotated[SurveyChoice, Kind("survey")] = "auto",
    compare_fit: Annotated[bool, Kind("option")] = True,
    seed: Annotated[int | None, Field(ge=0), Kind("seed")] = None,
) -> ToolResult:
    """Predict a galaxy's structural parameters, and its image in the other survey, with the multimodal VAE.

    The image (a 48×48 DES-like or 32×32 SDSS-like stamp from a FITS/.npy file, or galaxy ``sample`` of the
    reference survey) is encoded by its survey's expert; the latent is decoded into Sérsic index, half-light
    radius, ellipticity, position angle and flux (with the spread of 200 posterior draws) and into both surveys'
    images. A least-squares Sérsic fit of the same stamp is given beside it as the baseline.

    Args:
        path: FITS or .npy file with the stamp (e.g. an earlier answer's cutout).
        index: Which image of a cube to use, from 0.
        sample: A galaxy of the reference survey (0–999) instead of a file; its true parameters are shown.
        survey: 'auto' (from the stamp size), 'des' or 'sdss' (for a survey sample: which of its two images).
        compare_fit: Also run the least-squares Sérsic fit (about a second) as the baseline.
        seed: Seed of the posterior draws; the run's seed when omitted.
    """
    from aeiou_agent.models.galaxies import DES, SDSS, fit_sersic

    seed = ctx.seed if seed is None else seed
    galaxy = _galaxy_input(ctx, path, index, sample, survey, "predict_galaxy_parameters")
    model = _poe_model()
    mu, sigma = model.encode(**{galaxy.modality: galaxy.image[None]})
    decoded = model.decode(mu)
    draws = model.decode(model.sample_latents(mu, sigma, POSTERIOR_DRAWS, seed)[0])["params"]
    spread = {
        "sersic_n": float(np.std(draws[:, 0])),
        "half_light_radius_arcsec": float(np.std(draws[:, 1])),
        "ellipticity": float(np.std(draws[:, 2])),
        "log10_flux": float(np.std(draws[:, 4])),
    }
    data: dict[str, Any] = {
        "source": galaxy.source,
        "survey": galaxy.modality,
        "predicted": _param_dict(decoded["params"][0]),
        "posterior_std": spread,
        "posterior_draws": POSTERIOR_DRAWS,
        "seed": seed,
        "quality": _poe_quality(model),
    }
    if compare_fit:
        fit = fit_sersic(galaxy.image, DES if galaxy.modality == "des" else SDSS)
        data["least_squares_fit"] = _param_dict(
            np.array(
                [fit.sersic_n, fit.half_light_radius_arcsec, fit.ellipticity, fit.position_angle_deg, fit.log10_flux]
            )
        )
    if galaxy.truth is not None:
        data["truth"] = _param_dict(galaxy.truth)
        data["anomaly"] = galaxy.anomaly
    key = hashlib.sha256(galaxy.image.tobytes() + model.sha256.encode()).hexdigest()[:12]
    stem = f"poe_predict_{key}"
    fits_path = ctx.artifact_path(stem, ".fits")
    _write_pair_fits(fits_path, decoded["des"][0], decoded["sdss"][0], model, None, "predicted by the VAE")
    picture = stamp_panels(
        ctx,
        stem,
        {
            f"{galaxy.modality.upper()}-like input": galaxy.image,
            "VAE: DES-like": decoded["des"][0],
            "VAE: SDSS-like": decoded["sdss"][0],
        },
    )
    p = data["predicted"]
    summary = (
        f"VAE prediction from the {galaxy.modality.upper()}-like stamp ({galaxy.source}): n = {p['sersic_n']:.2f} "
        f"± {spread['sersic_n']:.2f}, r_e = {p['half_light_radius_arcsec']:.2f}″, e = {p['ellipticity']:.2f}"
    )
    artifacts = [
        picture,
        Artifact.from_file(fits_path, "fits", "the VAE's DES-like (HDU 0) and SDSS-like (HDU 1) images of the galaxy"),
    ]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=_poe_sources(model))


@tool("generative")
def sample_galaxy_pairs(
    ctx: ToolContext,
    sersic_n: Annotated[float, Field(ge=0.5, le=6.0), Kind("galaxy_parameter")] = 2.0,
    half_light_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0), Kind("galaxy_parameter")] = 1.0,
    ellipticity: Annotated[float, Field(ge=0.0, le=0.7), Kind("galaxy_parameter")] = 0.3,
    position_angle_deg: Annotated[float, Field(ge=0.0, le=180.0), Kind("galaxy_parameter")] = 45.0,
    log10_flux: Annotated[float, Field(ge=3.7, le=5.0), Kind("galaxy_parameter")] = 4.2,
    count: Annotated[int, Field(ge=1, le=32), Kind("count")] = 4,
    seed: Annotated[int | None, Field(ge=0), Kind("seed")] = None,
) -> ToolResult:
    """Draw paired DES-like and SDSS-like observations of a galaxy with given parameters (conditional sampling).

    Latents are drawn from the multimodal VAE's posterior given the parameters alone, decoded into both
    surveys' images, and observed with each survey's CCD noise. As a check, the parameters are predicted back
    from every noisy DES-like image.

    Args:
        sersic_n: Sérsic index (0.5–6).
        half_light_radius_arcsec: Half-light radius, arcsec (0.3–3).
        ellipticity: Ellipticity (a²−b²)/(a²+b²), 0–0.7.
        position_angle_deg: Position angle of the major axis, degrees (0–180).
        log10_flux: log10 of the flux in DES-like exposure electrons (3.7–5).
        count: Number of pairs (1–32).
        seed: Random seed; the run's seed when omitted.
    """
    from aeiou_agent.models.galaxies import DES, SDSS

    seed = ctx.seed if seed is None else seed
    model = _poe_model()
    condition = np.array([[sersic_n, half_light_radius_arcsec, ellipticity, position_angle_deg, log10_flux]])
    mu, sigma = model.encode(params=condition)
    decoded = model.decode(model.sample_latents(mu, sigma, count, seed)[0])
    rng = np.random.default_rng(seed)
    observed = {}
    for name, survey in (("des", DES), ("sdss", SDSS)):
        mean = decoded[name]
        variance = survey.sky_variance_electrons2 + np.clip(mean, 0, None)
        observed[name] = (mean + rng.standard_normal(mean.shape) * np.sqrt(variance)).astype(np.float32)
    back = model.predict_params(des=observed["des"])
    data: dict[str, Any] = {
        "condition": _param_dict(condition[0]),
        "count": count,
        "seed": seed,
        "predicted_back_median": {
            "sersic_n": float(np.median(back[:, 0])),
            "half_light_radius_arcsec": float(np.median(back[:, 1])),
            "ellipticity": float(np.median(back[:, 2])),
            "log10_flux": float(np.median(back[:, 4])),
        },
        "quality": _poe_quality(model),
    }
    key = hashlib.sha256(condition.tobytes() + f"{count}-{seed}".encode() + model.sha256.encode()).hexdigest()[:12]
    stem = f"poe_pairs_{key}"
    fits_path = ctx.artifact_path(stem, ".fits")
    _write_pair_fits(fits_path, observed["des"], observed["sdss"], model, seed, "VAE sample + CCD noise")
    array_path = ctx.artifact_path(f"{stem}_des", ".npy")
    np.save(array_path, observed["des"])
    shown = min(count, 6)
    stamps = np.concatenate([observed["des"][:shown], _to_des_size(observed["sdss"][:shown])])
    titles = [f"DES-like {i}" for i in range(shown)] + [f"SDSS-like {i}" for i in range(shown)]
    caption = "paired DES-like (top) and SDSS-like (bottom, resampled to the DES-like grid) observations"
    grid = _stamp_grid(ctx, stem, stamps, titles, caption, columns=shown)
    summary = f"{count} paired DES-like/SDSS-like observations of an n={sersic_n:g} galaxy (seed {seed})"
    artifacts = [
        grid,
        Artifact.from_file(fits_path, "fits", "DES-like cube (HDU 0) and SDSS-like cube (HDU 1)"),
        Artifact.from_file(array_path, "application/x-npy", "the DES-like observations (N, 48, 48), electrons"),
    ]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=_poe_sources(model))


def _to_des_size(stamps: np.ndarray) -> np.ndarray:
    """SDSS-like stamps resampled to the DES-like grid, for showing them side by side."""
    from aeiou_agent.models.enhance import to_des_grid

    return np.stack([to_des_grid(s) for s in stamps]) if len(stamps) else stamps


@tool("generative")
def edit_galaxy(
    ctx: ToolContext,
    attribute: Annotated[Attribute, Kind("galaxy_parameter")],
    value: Annotated[float, Kind("number")],
    path: Annotated[str | None, Kind("file")] = None,
    index: Annotated[int, Field(ge=0), Kind("galaxy_reference")] = 0,
    sample: Annotated[int | None, Field(ge=0), Kind("galaxy_reference")] = None,
    survey: Annotated[SurveyChoice, Kind("survey")] = "auto",
) -> ToolResult:
    """Change one attribute of an existing galaxy (e.g. its Sérsic index or size) and show the result.

    The galaxy's image is encoded; its latent is moved by the difference between the parameter expert's latents
    for the changed and the unchanged parameters, and decoded into both surveys' images. The parameters decoded
    after the change show whether the attribute reached the requested value and the others stayed.

    Args:
        attribute: sersic_n, half_light_radius_arcsec, ellipticity, position_angle_deg or log10_flux.
        value: The new value (within the training range: n 0.5–6, radius 0.3–3″, ellipticity 0–0.7,
            angle 0–180°, log10 flux 3.7–5).
        path: FITS or .npy file with the stamp (e.g. an earlier answer's cutout).
        index: Which image of a cube to use, from 0.
        sample: A galaxy of the reference survey (0–999) instead of a file.
        survey: 'auto' (from the stamp size), 'des' or 'sdss' (for a survey sample: which of its two images).
    """
    from aeiou_agent.models.galaxies import ELLIPTICITY_RANGE, LOG10_FLUX_RANGE, RADIUS_RANGE_ARCSEC, SERSIC_RANGE

    ranges = {
        "sersic_n": SERSIC_RANGE,
        "half_light_radius_arcsec": RADIUS_RANGE_ARCSEC,
        "ellipticity": ELLIPTICITY_RANGE,
        "position_angle_deg": (0.0, 180.0),
        "log10_flux": LOG10_FLUX_RANGE,
    }
    low, high = ranges[attribute]
    if not low <= value <= high:
        raise InvalidArguments(
            "edit_galaxy", [f"{attribute} = {value:g} is outside the model's range {low:g}–{high:g}"]
        )
    galaxy = _galaxy_input(ctx, path, index, sample, survey, "edit_galaxy")
    model = _poe_model()
    mu, _sigma = model.encode(**{galaxy.modality: galaxy.image[None]})
    column = ATTRIBUTES.index(attribute)
    edited = model.edit(mu, {column: value})
    before, after = model.decode(mu), model.decode(edited)
    data: dict[str, Any] = {
        "source": galaxy.source,
        "survey": galaxy.modality,
        "attribute": attribute,
        "requested": value,
        "before": _param_dict(before["params"][0]),
        "after": _param_dict(after["params"][0]),
        "quality": _poe_quality(model),
    }
    data["reached"] = data["after"][attribute]
    others = [a for a in ATTRIBUTES if a not in (attribute, "position_angle_deg")]
    data["largest_other_change"] = max(
        others, key=lambda a: abs(data["after"][a] - data["before"][a]) / max(abs(data["before"][a]), 1e-6)
    )
    key = hashlib.sha256(galaxy.image.tobytes() + f"{attribute}={value}".encode() + model.sha256.encode()).hexdigest()
    stem = f"poe_edit_{key[:12]}"
    fits_path = ctx.artifact_path(stem, ".fits")
    _write_pair_fits(fits_path, after["des"][0], after["sdss"][0], model, None, f"{attribute} changed to {value:g}")
    picture = stamp_panels(
        ctx,
        stem,
        {
            "input": galaxy.image,
            "VAE before": before[galaxy.modality][0],
            f"{attribute} = {value:g}": after[galaxy.modality][0],
        },
    )
    summary = f"{galaxy.source}: {attribute} {data['before'][attribute]:.2f} → {data['reached']:.2f} (asked {value:g})"
    artifacts = [picture, Artifact.from_file(fits_path, "fits", "the changed galaxy, DES-like (HDU 0) and SDSS-like")]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=_poe_sources(model)[:2])


@tool("generative")
def similar_galaxies(
    ctx: ToolContext,
    sample: Annotated[int | None, Field(ge=0), Kind("galaxy_reference")] = None,
    path: Annotated[str | None, Kind("file")] = None,
    index: Annotated[int, Field(ge=0), Kind("galaxy_reference")] = 0,
    count: Annotated[int, Field(ge=1, le=50), Kind("count")] = 5,
) -> ToolResult:
    """Find the galaxies of the reference survey most similar to a given one: nearest neighbours in latent space.

    The query is galaxy ``sample`` of AEIOU's simulated reference survey (1,000 GalSim galaxies) or a stamp from
    a file; similarity is the Euclidean distance between posterior means of the multimodal VAE. Returns the
    neighbours with their true parameters, and how much closer in Sérsic index and size they are than the
    survey at large.

    Args:
        sample: A galaxy of the reference survey (0–999).
        path: Or a FITS/.npy file with a DES-like (48×48) or SDSS-like (32×32) stamp.
        index: Which image of a cube to use, from 0.
        count: How many neighbours (1–50).
    """
    reference = _reference_survey(ctx)
    from aeiou_agent.models.galaxies import ANOMALIES

    if sample is not None and path is None:
        _check_sample(sample)
        query = reference["latent"][sample]
        source = f"reference survey galaxy {sample}"
        query_image = reference["des"][sample]
    else:
        galaxy = _galaxy_input(ctx, path, index, sample, "auto", "similar_galaxies")
        query = _poe_model().encode(**{galaxy.modality: galaxy.image[None]})[0][0]
        source, query_image = galaxy.source, galaxy.image
    distance = np.linalg.norm(reference["latent"] - query, axis=1)
    if sample is not None:
        distance[sample] = np.inf  # not its own neighbour
    nearest = np.argsort(distance, kind="stable")[:count]
    truth = reference["galaxies"]
    rows = [
        {
            "sample": int(i),
            "distance": float(distance[i]),
            **_param_dict(truth[i]),
            "anomaly": ANOMALIES[int(reference["anomaly"][i])],
        }
        for i in nearest
    ]
    data: dict[str, Any] = {"query": source, "count": count, "neighbours": rows}
    if sample is not None:
        others = np.delete(np.arange(len(truth)), sample)
        data["query_truth"] = _param_dict(truth[sample])
        data["sersic_n_median_abs_difference"] = float(np.median(np.abs(truth[nearest, 0] - truth[sample, 0])))
        data["sersic_n_median_abs_difference_survey"] = float(np.median(np.abs(truth[others, 0] - truth[sample, 0])))
        ratio = truth[nearest, 1] / truth[sample, 1]
        data["radius_median_difference_percent"] = float(100 * np.median(np.abs(ratio - 1)))
        data["radius_median_difference_percent_survey"] = float(
            100 * np.median(np.abs(truth[others, 1] / truth[sample, 1] - 1))
        )
    model = _poe_model()
    key = hashlib.sha256(query.tobytes() + str(count).encode() + model.sha256.encode()).hexdigest()[:12]
    stem = f"similar_{key}"
    stamps = np.concatenate(
        [
            query_image[None] if query_image.shape[0] == 48 else _to_des_size(query_image[None]),
            reference["des"][nearest],
        ]
    )
    titles = ["query"] + [f"#{r['sample']} n={r['sersic_n']:.1f}" for r in rows]
    grid = _stamp_grid(ctx, stem, stamps, titles, "the query and its nearest neighbours in latent space (DES-like)")
    array_path = ctx.artifact_path(stem, ".npy")
    np.save(array_path, reference["des"][nearest])
    summary = f"{count} nearest neighbours of {source}: " + ", ".join(f"#{r['sample']}" for r in rows)
    artifacts = [grid, Artifact.from_file(array_path, "application/x-npy", "the neighbours' DES-like stamps")]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=_poe_sources(model))


ANOMALY_GRID_GALAXIES = 12


def _anomaly_grid(
    ctx: ToolContext, stem: str, reference: dict[str, np.ndarray], shown: np.ndarray, rows: list[dict[str, Any]]
) -> Artifact:
    """Each ranked galaxy in both surveys (a cosmic ray hits the SDSS-like exposure only), each on its own stretch."""
    columns = min(len(shown), 6)
    stamps: list[np.ndarray] = []
    titles: list[str | None] = []
    for start in range(0, len(shown), columns):
        chunk = shown[start : start + columns]
        gap = columns - len(chunk)  # a short last row: keep each SDSS-like stamp under its DES-like one
        labels = [row["injected"].replace("_", " ") if row["injected"] != "none" else "" for row in rows[start:]]
        blank = [np.zeros_like(reference["des"][0])] * gap
        stamps += [*reference["des"][chunk], *blank, *_to_des_size(reference["sdss"][chunk]), *blank]
        titles += [f"#{i} {label}" for i, label in zip(chunk, labels, strict=False)] + [None] * gap
        titles += ["SDSS-like"] * len(chunk) + [None] * gap
    caption = f"the {len(shown)} most anomalous galaxies: DES-like row, SDSS-like row below it"
    return _stamp_grid(ctx, stem, np.stack(stamps), titles, caption, columns=columns, per_stamp=True)


@tool("generative")
def rank_anomalies(ctx: ToolContext, count: Annotated[int, Field(ge=1, le=100), Kind("count")] = 10) -> ToolResult:
    """Rank the reference survey's galaxies by how anomalous the multimodal VAE finds them.

    The score is the negative ELBO per pixel of both images (posterior from both): galaxies the model explains
    badly — mergers, cosmic-ray streaks, saturated stars — score high. The survey has ~3% injected anomalies
    with known labels, so the answer also gives the ROC AUC of the ranking on this survey and on held-out data.

    Args:
        count: How many of the most anomalous galaxies to show (1–100).
    """
    from aeiou_agent.models.galaxies import ANOMALIES
    from aeiou_agent.models.poe_vae import REFERENCE_SEED, roc_auc_score

    reference = _reference_survey(ctx)
    model = _poe_model()
    scores, labels = reference["anomaly_score"], reference["anomaly"]
    top = np.argsort(-scores, kind="stable")[:count]
    rows = [
        {"rank": rank, "sample": int(i), "score": float(scores[i]), "injected": ANOMALIES[int(labels[i])]}
        for rank, i in enumerate(top, start=1)
    ]
    injected = int((labels > 0).sum())
    found = int((labels[top] > 0).sum())
    data: dict[str, Any] = {
        "count": count,
        "survey_galaxies": len(scores),
        "survey_seed": REFERENCE_SEED,
        "injected_anomalies": injected,
        "injected_in_top": found,
        "roc_auc_survey": roc_auc_score(labels > 0, scores),
        "roc_auc_held_out": model.metrics.get("held_out", {}).get("anomaly_roc_auc"),
        "ranked": rows,
    }
    stem = f"anomalies_{model.sha256[:8]}_{count}"
    grid = _anomaly_grid(ctx, stem, reference, top[:ANOMALY_GRID_GALAXIES], rows)
    array_path = ctx.artifact_path(stem, ".npy")
    np.save(array_path, reference["des"][top])
    summary = f"top {count} anomalies: {found} of them injected ({injected} in the survey)"
    artifacts = [grid, Artifact.from_file(array_path, "application/x-npy", "their DES-like stamps, in rank order")]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=_poe_sources(model))
