"""Synthetic deep fields of any size: galaxies from the conditional VAE on a DES-like image, with a truth catalog.

After "Generative deep fields" (Smith & Geach 2019, arXiv:1904.10286), which drew survey images of any size from a
spatial GAN trained on the Hubble XDF. Here the galaxies come from AEIOU's conditional VAE (trained on GalSim
Sérsic galaxies seen through the DES-like PSF), so the field is built from parts a user chooses and knows:

- number counts: magnitudes from N(<m) ∝ 10^(count_slope·m) between BRIGHT_MAG and the faint limit, with a chosen
  density of galaxies per square arcminute down to it (or a fixed number);
- sizes: half-light radii log-normal about a chosen median (clipped to the model's 0.3–3″);
- profiles: a chosen fraction of bulges (n 3–5) among discs (n 0.7–1.5); ellipticities uniform in 0–0.6;
- the DES-like survey of the training set: 0.263″ pixels, Moffat PSF of FWHM 0.9″ (in the generated stamps),
  sky and read noise as in aeiou_agent.models.galaxies.DES, Poisson noise on the galaxies.

validate() detects sources with SEP (the Source Extractor library) and compares what it finds with the truth:
completeness, number counts against the input counts with their Poisson errors, and measured sizes against the
sizes of the noise-free galaxies.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aeiou_agent.models.galaxies import DES, RADIUS_RANGE_ARCSEC

ZERO_POINT_MAG = 30.0  # m = ZERO_POINT_MAG − 2.5 log10(electrons) in the DES-like exposure
BRIGHT_MAG = 18.0  # brightest galaxy drawn
CHUNK = 2048  # stamps generated at a time, so that memory stays bounded for any number of galaxies
MATCH_RADIUS_ARCSEC = 0.6  # a detection within this of a galaxy is that galaxy
COUNT_BIN_MAG = 0.5
MAX_OFFSET_MAG = 0.1  # counts are compared in bins whose measured magnitudes are this close to the input ones
COUNTS_AGREE_SHARE = 0.8  # of the compared bins within 2σ, for the counts to count as recovered
SIZE_MIN_SNR = 50.0  # sizes are compared for isolated galaxies at least this bright over the noise


@dataclass(frozen=True)
class FieldSpec:
    """What a deep field is drawn from (each choice a distribution a user can set)."""

    size_pixels: int = 1024
    galaxies_per_arcmin2: float = 20.0
    mag_limit: float = 24.0
    count_slope: float = 0.3
    median_radius_arcsec: float = 0.5
    radius_scatter_dex: float = 0.2
    bulge_fraction: float = 0.3
    galaxy_count: int | None = None
    seed: int = 0

    @property
    def area_arcmin2(self) -> float:
        """The field's area in square arcminutes."""
        return (self.size_pixels * DES.pixel_arcsec / 60.0) ** 2


@dataclass
class DeepField:
    """The image (electrons, sky subtracted), the truth table and how long each step took."""

    image: np.ndarray
    truth: dict[str, np.ndarray]
    spec: FieldSpec
    timings_s: dict[str, float] = field(default_factory=dict)


def draw_truth(spec: FieldSpec) -> dict[str, np.ndarray]:
    """The galaxies of a field: position, magnitude, Sérsic index, half-light radius, ellipticity (seeded)."""
    rng = np.random.default_rng(spec.seed)
    count = (
        spec.galaxy_count
        if spec.galaxy_count is not None
        else int(rng.poisson(spec.galaxies_per_arcmin2 * spec.area_arcmin2))
    )
    slope = spec.count_slope * math.log(10.0)  # N(<m) ∝ exp(slope·m): inverse of its CDF between the limits
    low, high = math.exp(slope * (BRIGHT_MAG - spec.mag_limit)), 1.0
    mag = spec.mag_limit + np.log(low + rng.uniform(size=count) * (high - low)) / slope
    radius = 10 ** (math.log10(spec.median_radius_arcsec) + spec.radius_scatter_dex * rng.standard_normal(count))
    bulge = rng.uniform(size=count) < spec.bulge_fraction
    sersic = np.where(bulge, rng.uniform(3.0, 5.0, count), rng.uniform(0.7, 1.5, count))
    corner = rng.integers(-DES.stamp_pixels // 2, spec.size_pixels - DES.stamp_pixels // 2, size=(count, 2))
    centre = (DES.stamp_pixels - 1) / 2  # GalSim draws the profile at the stamp's true centre
    return {
        "x": corner[:, 0] + centre,
        "y": corner[:, 1] + centre,
        "corner_x": corner[:, 0],
        "corner_y": corner[:, 1],
        "mag": mag,
        "flux_electrons": 10 ** (-0.4 * (mag - ZERO_POINT_MAG)),
        "sersic_n": sersic,
        "half_light_radius_arcsec": np.clip(radius, *RADIUS_RANGE_ARCSEC),
        "ellipticity": rng.uniform(0.0, 0.6, count),
        "bulge": bulge,
    }


def render(spec: FieldSpec, progress: Any = None) -> DeepField:
    """Draw the truth, generate each galaxy with the conditional VAE, place it, and add the survey's noise."""
    from aeiou_agent.models.cvae import load_cvae

    timings: dict[str, float] = {}
    started = time.perf_counter()
    truth = draw_truth(spec)
    model = load_cvae()
    size, stamp = spec.size_pixels, DES.stamp_pixels
    image = np.zeros((size, size), np.float32)
    count = len(truth["mag"])
    observed_r50 = np.empty(count)
    generating = 0.0
    for start in range(0, count, CHUNK):
        part = slice(start, min(start + CHUNK, count))
        began = time.perf_counter()
        stamps = model.sample(
            truth["sersic_n"][part],
            truth["half_light_radius_arcsec"][part],
            truth["ellipticity"][part],
            seed=spec.seed * 1_000_003 + start,
        )
        generating += time.perf_counter() - began
        stamps *= (truth["flux_electrons"][part] / 100.0)[:, None, None]  # % of flux per pixel → electrons
        observed_r50[part] = circular_half_light_radius_pixels(stamps) * DES.pixel_arcsec
        for stamp_pixels, x0, y0 in zip(stamps, truth["corner_x"][part], truth["corner_y"][part], strict=True):
            xs, ys = max(x0, 0), max(y0, 0)
            xe, ye = min(x0 + stamp, size), min(y0 + stamp, size)
            if xe > xs and ye > ys:
                image[ys:ye, xs:xe] += stamp_pixels[ys - y0 : ye - y0, xs - x0 : xe - x0]
        if progress is not None:
            progress(part.stop, count)
    timings["galaxies_s"] = generating
    rng = np.random.default_rng([spec.seed, 1])
    variance = DES.sky_variance_electrons2 + np.clip(image, 0.0, None)
    image += (np.sqrt(variance) * rng.standard_normal((size, size), dtype=np.float32)).astype(np.float32)
    truth["observed_half_light_radius_arcsec"] = observed_r50
    timings["total_s"] = time.perf_counter() - started
    return DeepField(image=image, truth=truth, spec=spec, timings_s=timings)


def circular_half_light_radius_pixels(stamps: np.ndarray) -> np.ndarray:
    """Radius of the circle about each stamp's centre that holds half its light (noise-free stamps)."""
    n = stamps.shape[-1]
    y, x = np.mgrid[:n, :n] - (n - 1) / 2
    radius = np.hypot(x, y).ravel()
    order = np.argsort(radius)
    light = np.clip(stamps.reshape(len(stamps), -1)[:, order], 0.0, None)
    cumulative = np.cumsum(light, axis=1) / np.maximum(light.sum(axis=1, keepdims=True), 1e-12)
    sorted_radius = radius[order]
    return np.array([np.interp(0.5, c, sorted_radius) for c in cumulative])


def detect(image: np.ndarray) -> dict[str, np.ndarray]:
    """Sources found by SEP: positions, Kron (AUTO) magnitudes and half-light radii, as Source Extractor does it."""
    import sep

    data = np.ascontiguousarray(image, dtype=np.float64)
    background = sep.Background(data, bw=256, bh=256)  # meshes larger than the galaxies
    data = data - background.back()
    rms = background.globalrms
    sources = sep.extract(data, 1.5, err=rms, minarea=5, deblend_cont=0.005)
    x, y, a, b, theta = (sources[k] for k in ("x", "y", "a", "b", "theta"))
    kron, _flags = sep.kron_radius(data, x, y, a, b, theta, 6.0)
    # Source Extractor's PHOT_AUTOPARAMS 2.5, 3.5: the ellipse is 2.5 Kron radii, and at least 3.5 (in a and b)
    flux, _err, _flag = sep.sum_ellipse(data, x, y, a, b, theta, np.maximum(2.5 * kron, 3.5), subpix=1)
    r50, _flag = sep.flux_radius(data, x, y, 6.0 * a, 0.5, normflux=flux, subpix=5)
    positive = flux > 0
    return {
        "x": x[positive],
        "y": y[positive],
        "mag": ZERO_POINT_MAG - 2.5 * np.log10(flux[positive]),
        "half_light_radius_arcsec": r50[positive] * DES.pixel_arcsec,
        "background_rms": np.array([rms]),
    }


def validate(field_: DeepField) -> dict[str, Any]:
    """Detect the field's sources and compare with the truth: completeness, number counts and sizes.

    Number counts: per 0.5 mag bin, detections (by their measured magnitude) against the input galaxies (by their
    true magnitude), in the bins where detection is 90% complete and the measured magnitudes are within 0.1 mag of
    the input ones; a bin agrees within 2σ of the input's Poisson error.
    Sizes: the measured half-light radius of isolated galaxies detected at S/N > ``SIZE_MIN_SNR`` against the same
    radius of their noise-free images (median ratio with a bootstrap interval, and the two-sample KS test).
    """
    from scipy.spatial import cKDTree

    truth, spec = field_.truth, field_.spec
    started = time.perf_counter()
    found = detect(field_.image)
    inside = (truth["x"] >= 0) & (truth["x"] < spec.size_pixels) & (truth["y"] >= 0) & (truth["y"] < spec.size_pixels)
    truth_xy = np.column_stack([truth["x"], truth["y"]])[inside]
    found_xy = np.column_stack([found["x"], found["y"]])
    matched = np.full(len(truth_xy), -1)
    if len(found_xy) and len(truth_xy):
        distance, nearest = cKDTree(found_xy).query(
            truth_xy, distance_upper_bound=MATCH_RADIUS_ARCSEC / DES.pixel_arcsec
        )
        order = np.argsort(truth["mag"][inside])  # a detection goes to the brightest galaxy it is near
        taken: set[int] = set()
        for i in order:
            if np.isfinite(distance[i]) and int(nearest[i]) not in taken:
                matched[i] = int(nearest[i])
                taken.add(int(nearest[i]))
    mags = truth["mag"][inside]
    edges = np.arange(BRIGHT_MAG, spec.mag_limit + 1.0 + 1e-9, COUNT_BIN_MAG)
    truth_counts = np.histogram(mags, edges)[0]
    found_counts = np.histogram(found["mag"], edges)[0]
    matched_counts = np.histogram(mags[matched >= 0], edges)[0]
    completeness = np.where(truth_counts > 0, matched_counts / np.maximum(truth_counts, 1), np.nan)
    offsets = found["mag"][matched[matched >= 0]] - mags[matched >= 0]  # measured − input, per detected galaxy
    which = np.digitize(mags[matched >= 0], edges) - 1
    offset = np.array(
        [np.median(offsets[which == i]) if (which == i).sum() >= 3 else np.nan for i in range(len(edges) - 1)]
    )
    # compared where the detection is complete and the photometry unbiased (as any count is, to its limits)
    complete = (completeness >= 0.9) & (truth_counts >= 5)
    reliable = complete & (np.abs(offset) <= MAX_OFFSET_MAG)
    within = np.abs(found_counts - truth_counts) <= 2 * np.sqrt(np.maximum(truth_counts, 1))
    bins = [
        {
            "mag_min": float(edges[i]),
            "mag_max": float(edges[i + 1]),
            "input": int(truth_counts[i]),
            "detected": int(found_counts[i]),
            "completeness": None if np.isnan(completeness[i]) else float(completeness[i]),
            "median_offset_mag": None if np.isnan(offset[i]) else float(offset[i]),
            "compared": bool(reliable[i]),
            "within_2_sigma": bool(within[i]),
        }
        for i in range(len(edges) - 1)
    ]
    limit_90 = float(edges[1:][complete].max()) if complete.any() else None
    sizes = _size_check(truth, inside, truth_xy, matched, found)
    return {
        "detector": "SEP (Source Extractor library): 1.5σ, 5 pixels, Kron (AUTO) magnitudes",
        "detected": len(found["x"]),
        "input_in_field": int(inside.sum()),
        "matched": int((matched >= 0).sum()),
        "completeness_90_mag": limit_90,
        "count_bins": bins,
        "count_bins_compared": int(reliable.sum()),
        "count_bins_within_2_sigma": int((within & reliable).sum()),
        "counts_recovered": bool(reliable.any() and (within & reliable).sum() >= COUNTS_AGREE_SHARE * reliable.sum()),
        "sizes": sizes,
        "validation_s": time.perf_counter() - started,
    }


def _size_check(
    truth: dict[str, np.ndarray],
    inside: np.ndarray,
    xy: np.ndarray,
    matched: np.ndarray,
    found: dict[str, np.ndarray],
) -> dict[str, Any]:
    """Measured against noise-free half-light radii of isolated, bright, detected galaxies (``xy``: those inside)."""
    from scipy.spatial import cKDTree
    from scipy.stats import ks_2samp

    neighbours = cKDTree(xy).query(xy, k=2)[0][:, 1] if len(xy) > 1 else np.full(len(xy), np.inf)
    isolated = neighbours * DES.pixel_arcsec > 4.0
    flux = truth["flux_electrons"][inside]
    r50_true = truth["observed_half_light_radius_arcsec"][inside]
    noise = DES.sky_sigma_electrons * np.sqrt(np.pi) * (r50_true / DES.pixel_arcsec) * 2  # noise in a 2×r50 circle
    bright = flux / noise > SIZE_MIN_SNR
    chosen = (matched >= 0) & isolated & bright
    if chosen.sum() < 10:
        return {"galaxies": int(chosen.sum())}
    measured = found["half_light_radius_arcsec"][matched[chosen]]
    expected = r50_true[chosen]
    ratio = measured / expected
    rng = np.random.default_rng(0)
    medians = [float(np.median(rng.choice(ratio, len(ratio)))) for _ in range(500)]
    return {
        "galaxies": int(chosen.sum()),
        "median_ratio": float(np.median(ratio)),
        "median_ratio_interval_95": [float(np.percentile(medians, 2.5)), float(np.percentile(medians, 97.5))],
        "median_input_arcsec": float(np.median(expected)),
        "median_measured_arcsec": float(np.median(measured)),
        "ks_p_value": float(ks_2samp(measured, expected).pvalue),
    }
