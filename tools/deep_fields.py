"""Synthetic deep fields: a survey image of any size drawn from the galaxy generator, with its truth catalog."""

from __future__ import annotations

from typing import Annotated, Any

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from aeiou_agent.tools.generative import GALSIM, cvae_citation, fits_header
from pydantic import Field

from aeiou_agent._json import content_hash
from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.exceptions import UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool

DEEP_FIELDS_PAPER = Citation(
    id="arXiv:1904.10286",
    kind="paper",
    title="Generative deep fields: arbitrarily sized, random synthetic astronomical images through deep learning",
    reference="Smith & Geach 2019, MNRAS 490, 4985 (the idea followed here)",
    url="https://arxiv.org/abs/1904.10286",
)
SEP = Citation(
    id="software:sep",
    kind="software",
    title="SEP: Source Extractor as a library (detection used to validate the field)",
    reference="Barbary 2016, JOSS 1, 58; Bertin & Arnouts 1996, A&AS 117, 393",
    url="https://github.com/kbarbary/sep",
)
PREVIEW_PIXELS = 1024  # the PNG preview is binned down to at most this many pixels a side
TRUTH_COLUMNS = ("x", "y", "mag", "flux_electrons", "sersic_n", "half_light_radius_arcsec", "ellipticity")


@tool("generative")
def synthetic_deep_field(
    ctx: ToolContext,
    size_pixels: Annotated[int, Field(ge=128, le=8192), Kind("image_size")] = 1024,
    galaxies_per_arcmin2: Annotated[float, Field(gt=0, le=300), Kind("density")] = 20.0,
    mag_max: Annotated[float, Field(ge=20, le=27), Kind("magnitude_limit")] = 24.0,
    count_slope: Annotated[float, Field(ge=0.1, le=0.6), Kind("galaxy_parameter")] = 0.3,
    median_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0), Kind("galaxy_parameter")] = 0.5,
    radius_scatter_dex: Annotated[float, Field(ge=0.0, le=0.5), Kind("galaxy_parameter")] = 0.2,
    bulge_fraction: Annotated[float, Field(ge=0.0, le=1.0), Kind("galaxy_parameter")] = 0.3,
    galaxy_count: Annotated[int | None, Field(ge=1, le=200_000), Kind("count")] = None,
    detect_sources: Annotated[bool, Kind("option")] = True,
    seed: Annotated[int | None, Field(ge=0), Kind("seed")] = None,
    side_arcmin: Annotated[float | None, Field(gt=0, le=36), Kind("angle")] = None,
) -> ToolResult:
    """Draw a DES-like deep field of any size from the galaxy generator, with a truth catalog (FITS image + table).

    Galaxies come from the conditional VAE (GalSim Sérsic galaxies through a 0.9″ Moffat PSF, 0.263″ pixels), with
    magnitudes from number counts N(<m) ∝ 10^(count_slope·m) from 18 to mag_max, log-normal half-light radii,
    a fraction of bulges (Sérsic n 3–5) among discs (n 0.7–1.5), then sky, read and galaxy Poisson noise. With
    detect_sources, SEP detects the sources and the answer says how well they recover the input counts and sizes.

    Args:
        size_pixels: Side of the square field in pixels (0.263″ each; 4096 is about 18′).
        galaxies_per_arcmin2: Density of galaxies brighter than mag_max.
        mag_max: Faintest galaxy drawn (AB-like magnitude with zero point 30 in electrons).
        count_slope: Slope of the number counts, d log10 N / dm.
        median_radius_arcsec: Median intrinsic half-light radius, arcsec (the model covers 0.3–3″).
        radius_scatter_dex: Scatter of the radii, dex.
        bulge_fraction: Share of bulge-like galaxies (Sérsic n 3–5); the rest are discs.
        galaxy_count: A fixed number of galaxies instead of the density.
        detect_sources: Detect sources with SEP and compare them with the truth (validation).
        seed: Random seed; the run's seed when omitted.
        side_arcmin: Side of the field in arcminutes, instead of size_pixels ('a deep field 2 arcmin across').
    """
    from aeiou_agent.models.cvae import load_cvae
    from aeiou_agent.models.deep_field import FieldSpec, render
    from aeiou_agent.models.deep_field import validate as check
    from aeiou_agent.models.galaxies import DES

    if side_arcmin is not None:  # the side asked as an angle: in whole 0.263″ pixels
        size_pixels = round(side_arcmin * 60 / DES.pixel_arcsec)
        if size_pixels < 128:
            raise UserError(f"a field {side_arcmin:g}′ across is under 128 pixels; the smallest is 0.57′ (128 px)")
    seed = ctx.seed if seed is None else seed
    spec = FieldSpec(
        size_pixels=size_pixels,
        galaxies_per_arcmin2=galaxies_per_arcmin2,
        mag_limit=mag_max,
        count_slope=count_slope,
        median_radius_arcsec=median_radius_arcsec,
        radius_scatter_dex=radius_scatter_dex,
        bulge_fraction=bulge_fraction,
        galaxy_count=galaxy_count,
        seed=seed,
    )
    model = load_cvae()
    field = render(spec, progress=ctx.report_progress)
    validation = check(field) if detect_sources else None
    stem = f"deep_field_{content_hash({**spec.__dict__, 'model': model.sha256})[:12]}"
    fits_path = ctx.artifact_path(stem, ".fits")
    _write_fits(fits_path, field, seed, model.sha256)
    csv_path = ctx.artifact_path(f"{stem}_truth", ".csv")
    _write_truth_csv(csv_path, field.truth)
    artifacts = [
        _preview(ctx, stem, field.image),
        Artifact.from_file(fits_path, "fits", "the field (electrons, sky subtracted) and the truth table"),
        Artifact.from_file(csv_path, "text/csv", "truth catalog: one galaxy per row"),
    ]
    if validation is not None:
        artifacts.append(_counts_plot(ctx, stem, validation))
    data: dict[str, Any] = {
        "size_pixels": size_pixels,
        "pixel_arcsec": 0.263,
        "side_arcmin": size_pixels * 0.263 / 60,
        "area_arcmin2": spec.area_arcmin2,
        "galaxies": len(field.truth["mag"]),
        "mag_max": mag_max,
        "galaxies_per_arcmin2": galaxies_per_arcmin2 if galaxy_count is None else None,
        "median_radius_arcsec": median_radius_arcsec,
        "bulge_fraction": bulge_fraction,
        "count_slope": count_slope,
        "seed": seed,
        "seconds": round(field.timings_s["total_s"], 2),
        "validation": validation,
    }
    summary = f"{size_pixels}×{size_pixels} px deep field, {data['galaxies']} galaxies to mag {mag_max:g} (seed {seed})"
    sources = [DEEP_FIELDS_PAPER, cvae_citation(model), GALSIM] + ([SEP] if validation is not None else [])
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=sources)


def _write_fits(path: Any, field: Any, seed: int, model_sha256: str) -> None:
    from astropy.io import fits
    from astropy.table import Table

    from aeiou_agent.models.deep_field import ZERO_POINT_MAG

    header = fits_header(0.263, "electron", seed)
    header["MAGZERO"] = (ZERO_POINT_MAG, "m = MAGZERO - 2.5 log10(electrons)")
    header["PSF_FWHM"] = (0.9, "Moffat PSF FWHM, arcsec")
    header["MODEL"] = (model_sha256[:16], "sha256 of the galaxy CVAE weights")
    table = Table(
        {name: np.asarray(field.truth[name]) for name in (*TRUTH_COLUMNS, "observed_half_light_radius_arcsec")}
    )
    truth = fits.BinTableHDU(table, name="TRUTH")
    fits.HDUList([fits.PrimaryHDU(field.image, header=header), truth]).writeto(path, overwrite=True)


def _write_truth_csv(path: Any, truth: dict[str, np.ndarray]) -> None:
    columns = [*TRUTH_COLUMNS, "observed_half_light_radius_arcsec"]
    rows = np.column_stack([np.asarray(truth[c], dtype=float) for c in columns])
    np.savetxt(path, rows, delimiter=",", header=",".join(columns), comments="", fmt="%.6g")


def _preview(ctx: ToolContext, stem: str, image: np.ndarray) -> Artifact:
    """The field binned to at most PREVIEW_PIXELS a side, asinh-stretched, as a PNG."""
    factor = max(1, -(-image.shape[0] // PREVIEW_PIXELS))
    size = image.shape[0] // factor * factor
    binned = image[:size, :size].reshape(size // factor, factor, size // factor, factor).mean(axis=(1, 3))
    noise = float(np.median(np.abs(binned - np.median(binned)))) * 1.4826 or 1.0
    stretched = np.arcsinh(binned / (3 * noise))
    fig = new_figure(7, 7)
    ax = fig.add_subplot()
    ax.imshow(stretched, origin="lower", cmap="gray_r", vmin=-1, vmax=float(np.percentile(stretched, 99.8)))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(f"synthetic deep field, {image.shape[0]}×{image.shape[0]} px (binned ×{factor})")
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", "the field (asinh stretch)")


def _counts_plot(ctx: ToolContext, stem: str, validation: dict[str, Any]) -> Artifact:
    """Number counts in and out, and completeness, per magnitude bin."""
    bins = validation["count_bins"]
    centres = [(b["mag_min"] + b["mag_max"]) / 2 for b in bins]
    fig = new_figure(7, 4.5)
    ax = fig.add_subplot()
    ax.step(centres, [max(b["input"], 0.5) for b in bins], where="mid", label="input")
    ax.errorbar(centres, [max(b["detected"], 0.5) for b in bins], fmt="o", label="detected (SEP, Kron magnitudes)")
    ax.set_yscale("log")
    ax.set_xlabel("magnitude")
    ax.set_ylabel("galaxies per 0.5 mag")
    twin = ax.twinx()
    twin.plot(centres, [b["completeness"] if b["completeness"] is not None else np.nan for b in bins], "k--")
    twin.set_ylim(0, 1.05)
    twin.set_ylabel("completeness (dashed)")
    ax.legend(loc="upper left")
    path = save_png(fig, ctx.artifact_path(f"{stem}_counts", ".png"))
    return Artifact.from_file(path, "image/png", "number counts in and out, and completeness")
