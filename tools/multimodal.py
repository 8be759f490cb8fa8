"""The multimodal galaxy VAE (product of experts over DES-like image, SDSS-like image and parameters) as tools.

Predict parameters (or the other survey's image) from an image, draw paired observations for given
parameters, change one attribute of a galaxy, find similar galaxies and rank anomalies in AEIOU's simulated
reference survey (1,000 GalSim galaxies with ~3% injected anomalies, rendered once into AEIOU_HOME).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from aeiou_agent.tools.generative import GALSIM, fits_header, load_stamp, stamp_panels
from pydantic import Field

from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.exceptions import InvalidArguments, UserError
from aeiou_agent.registry import ToolContext, ToolResult, tool

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


def _model() -> Any:
    from aeiou_agent.models.poe_vae import load_poe_vae

    return load_poe_vae()


def _survey(ctx: ToolContext) -> dict[str, np.ndarray]:
    from aeiou_agent.models.poe_vae import reference_survey

    return reference_survey(ctx.settings.home / "galaxies", _model())


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
        reference = _survey(ctx)
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


def _citation(model: Any) -> Citation:
    from aeiou_agent.models import model_citation

    held_out = model.metrics.get("held_out", {})
    quality = f"held-out anomaly ROC AUC {held_out.get('anomaly_roc_auc', float('nan')):.3f}"
    return model_citation(
        "galaxy_poe_vae", "AEIOU multimodal product-of-experts VAE of galaxies", model.sha256, quality
    )


def _quality(model: Any) -> dict[str, Any]:
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


def _stamp_grid(ctx: ToolContext, stem: str, stamps: np.ndarray, titles: list[str], caption: str) -> Artifact:
    columns = min(len(stamps), 6)
    rows = -(-len(stamps) // columns)
    fig = new_figure(1.5 * columns + 0.3, 1.6 * rows + 0.2, dpi=100)
    axes = fig.subplots(rows, columns, squeeze=False)
    scale = max(float(np.median([np.percentile(np.abs(s), 50) for s in stamps])), 1e-3)
    stretch = np.arcsinh(stamps / scale)
    top = float(np.percentile(stretch, 99.7))
    for ax in axes.ravel():
        ax.set_axis_off()
    for ax, stamp, title in zip(axes.ravel(), stretch, titles, strict=False):
        ax.imshow(stamp, origin="lower", cmap="gray", vmin=0, vmax=top, interpolation="nearest")
        ax.set_title(title, fontsize=7, loc="left")
    path = save_png(fig, ctx.artifact_path(stem, ".png"))
    return Artifact.from_file(path, "image/png", caption + " (asinh stretch)")


@tool("multimodal")
def predict_galaxy_parameters(
    ctx: ToolContext,
    path: str | None = None,
    index: Annotated[int, Field(ge=0)] = 0,
    sample: Annotated[int | None, Field(ge=0)] = None,
    survey: SurveyChoice = "auto",
    compare_fit: bool = True,
    seed: Annotated[int | None, Field(ge=0)] = None,
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
    model = _model()
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
        "quality": _quality(model),
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
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[_citation(model), WU_GOODMAN, GALSIM])


@tool("multimodal")
def sample_galaxy_pairs(
    ctx: ToolContext,
    sersic_n: Annotated[float, Field(ge=0.5, le=6.0)] = 2.0,
    half_light_radius_arcsec: Annotated[float, Field(ge=0.3, le=3.0)] = 1.0,
    ellipticity: Annotated[float, Field(ge=0.0, le=0.7)] = 0.3,
    position_angle_deg: Annotated[float, Field(ge=0.0, le=180.0)] = 45.0,
    log10_flux: Annotated[float, Field(ge=3.7, le=5.0)] = 4.2,
    count: Annotated[int, Field(ge=1, le=32)] = 4,
    seed: Annotated[int | None, Field(ge=0)] = None,
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
    from aeiou_agent.models.poe_vae import sky_sigma_electrons

    seed = ctx.seed if seed is None else seed
    model = _model()
    condition = np.array([[sersic_n, half_light_radius_arcsec, ellipticity, position_angle_deg, log10_flux]])
    mu, sigma = model.encode(params=condition)
    decoded = model.decode(model.sample_latents(mu, sigma, count, seed)[0])
    rng = np.random.default_rng(seed)
    observed = {}
    for name, survey in (("des", DES), ("sdss", SDSS)):
        mean = decoded[name]
        variance = sky_sigma_electrons(survey) ** 2 + np.clip(mean, 0, None)
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
        "quality": _quality(model),
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
    grid = _stamp_grid(ctx, stem, stamps, titles, "paired DES-like (top) and SDSS-like (bottom) observations")
    summary = f"{count} paired DES-like/SDSS-like observations of an n={sersic_n:g} galaxy (seed {seed})"
    artifacts = [
        grid,
        Artifact.from_file(fits_path, "fits", "DES-like cube (HDU 0) and SDSS-like cube (HDU 1)"),
        Artifact.from_file(array_path, "application/x-npy", "the DES-like observations (N, 48, 48), electrons"),
    ]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[_citation(model), WU_GOODMAN, GALSIM])


def _to_des_size(stamps: np.ndarray) -> np.ndarray:
    """SDSS-like stamps resampled to the DES-like grid, for showing them side by side."""
    from aeiou_agent.models.enhance import to_des_grid

    return np.stack([to_des_grid(s) for s in stamps]) if len(stamps) else stamps


@tool("multimodal")
def edit_galaxy(
    ctx: ToolContext,
    attribute: Attribute,
    value: float,
    path: str | None = None,
    index: Annotated[int, Field(ge=0)] = 0,
    sample: Annotated[int | None, Field(ge=0)] = None,
    survey: SurveyChoice = "auto",
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
    model = _model()
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
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[_citation(model), WU_GOODMAN])


@tool("multimodal")
def similar_galaxies(
    ctx: ToolContext,
    sample: Annotated[int | None, Field(ge=0)] = None,
    path: str | None = None,
    index: Annotated[int, Field(ge=0)] = 0,
    count: Annotated[int, Field(ge=1, le=50)] = 5,
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
    reference = _survey(ctx)
    from aeiou_agent.models.galaxies import ANOMALIES

    if sample is not None and path is None:
        _check_sample(sample)
        query = reference["latent"][sample]
        source = f"reference survey galaxy {sample}"
        query_image = reference["des"][sample]
    else:
        galaxy = _galaxy_input(ctx, path, index, sample, "auto", "similar_galaxies")
        query = _model().encode(**{galaxy.modality: galaxy.image[None]})[0][0]
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
    model = _model()
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
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[_citation(model), WU_GOODMAN, GALSIM])


@tool("multimodal")
def rank_anomalies(ctx: ToolContext, count: Annotated[int, Field(ge=1, le=100)] = 10) -> ToolResult:
    """Rank the reference survey's galaxies by how anomalous the multimodal VAE finds them.

    The score is the negative ELBO per pixel of both images (posterior from both): galaxies the model explains
    badly — mergers, cosmic-ray streaks, saturated stars — score high. The survey has ~3% injected anomalies
    with known labels, so the answer also gives the ROC AUC of the ranking on this survey and on held-out data.

    Args:
        count: How many of the most anomalous galaxies to show (1–100).
    """
    from aeiou_agent.models.galaxies import ANOMALIES
    from aeiou_agent.models.poe_vae import REFERENCE_SEED, roc_auc_score

    reference = _survey(ctx)
    model = _model()
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
    titles = [f"#{r['sample']} {r['injected'] if r['injected'] != 'none' else ''}" for r in rows]
    grid = _stamp_grid(ctx, stem, reference["des"][top], titles, f"the {count} most anomalous galaxies (DES-like)")
    array_path = ctx.artifact_path(stem, ".npy")
    np.save(array_path, reference["des"][top])
    summary = f"top {count} anomalies: {found} of them injected ({injected} in the survey)"
    artifacts = [grid, Artifact.from_file(array_path, "application/x-npy", "their DES-like stamps, in rank order")]
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=[_citation(model), WU_GOODMAN, GALSIM])
