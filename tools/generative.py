"""Generative galaxy models trained on GalSim galaxies: synthetic galaxies (conditional VAE), S/N enhancement."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from pydantic import Field

from aeiou_agent._json import content_hash
from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.exceptions import InvalidArguments, UserError
from aeiou_agent.registry import ToolContext, ToolResult, tool

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
    sersic_n: Annotated[list[Annotated[float, Field(ge=0.5, le=6.0)]], Field(min_length=1, max_length=8)] = [1.0],  # noqa: B006
    count_per_index: Annotated[int, Field(ge=1, le=64)] = 4,
    half_light_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0)] = 1.0,
    ellipticity: Annotated[float, Field(ge=0.0, le=0.7)] = 0.2,
    seed: Annotated[int | None, Field(ge=0)] = None,
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
    from aeiou_agent.models import model_citation
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
    quality = (
        f"validation: concentration–n rank correlation {metrics['concentration_spearman_vs_n']:.3f}, "
        f"median size error {metrics['size_median_relative_error']:.1%}"
    )
    citation = model_citation("galaxy_cvae", "AEIOU conditional VAE of galaxy images", model.sha256, quality)
    artifacts = [
        grid,
        Artifact.from_file(array_path, "application/x-npy", "stamps (N, 48, 48), % of flux per pixel"),
        Artifact.from_file(fits_path, "fits", "stamps as a FITS cube with the conditions in the header"),
    ]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[citation, GALSIM, KINGMA])


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

    Only files under AEIOU_HOME (artifacts, uploads) or the current directory are read.
    """
    file = Path(path).expanduser()
    if not file.is_absolute():
        candidates = [Path.cwd() / file, ctx.settings.artifacts_dir / file]
        file = next((c for c in candidates if c.exists()), candidates[0])
    file = file.resolve()
    roots = [ctx.settings.home.resolve(), Path.cwd().resolve()]
    if not any(file.is_relative_to(root) for root in roots):
        raise UserError(f"I only read images under {roots[0]} or the current folder, not {file}")
    if not file.is_file():
        raise UserError(f"there is no file {file}")
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
    path: str | None = None,
    index: Annotated[int, Field(ge=0)] = 0,
    sersic_n: Annotated[float, Field(ge=0.5, le=6.0)] = 1.0,
    half_light_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0)] = 1.0,
    ellipticity: Annotated[float, Field(ge=0.0, le=0.7)] = 0.2,
    log10_flux: Annotated[float, Field(ge=3.7, le=5.0)] = 4.0,
    seed: Annotated[int | None, Field(ge=0)] = None,
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
    path: str | None = None,
    index: Annotated[int, Field(ge=0)] = 0,
    survey: Literal["auto", "sdss", "des"] = "auto",
    sersic_n: Annotated[float, Field(ge=0.5, le=6.0)] = 2.0,
    half_light_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0)] = 1.0,
    ellipticity: Annotated[float, Field(ge=0.0, le=0.7)] = 0.3,
    log10_flux: Annotated[float, Field(ge=3.7, le=5.0)] = 4.2,
    seed: Annotated[int | None, Field(ge=0)] = None,
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
    sky_variance = (
        instrument.sky_electrons_per_arcsec2 * instrument.pixel_arcsec**2 + instrument.read_noise_electrons**2
    )
    chi2 = float((((image - model) ** 2) / (sky_variance + np.clip(image, 0, None))).sum())
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
    return {
        "pairs": held_out["pairs"],
        "aperture_snr_gain_percent": 100 * enhancer["aperture_snr_gain"],
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
