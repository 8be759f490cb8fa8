"""Training data for the galaxy models: GalSim Sérsic galaxies seen by two surveys, with labelled anomalies.

Each galaxy (Sérsic index n, half-light radius, ellipticity, position angle, flux) is convolved with each
survey's PSF and drawn twice on stamps covering the same ~12.6″ of sky:

- **SDSS-like**: 0.396″ pixels (32×32), Moffat PSF with FWHM 1.4″, a 54 s exposure's depth;
- **DES-like**: 0.263″ pixels (48×48), Moffat PSF with FWHM 0.9″, about four times the exposure.

Noise is CCD noise (Poisson on galaxy + sky, read noise) from GalSim's seeded generator, so one seed gives
identical arrays. A few stamps carry deliberate anomalies, labelled: a merger / close pair, a cosmic-ray
streak, or a saturated star next to the galaxy.

``python -m aeiou_agent.models.galaxies OUT.npz --n 20000 --seed 1`` writes a data set.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

SERSIC_RANGE = (0.5, 6.0)
SERSIC_STEP = 0.05  # GalSim caches a Sérsic profile per index: a grid of indices keeps rendering fast
RADIUS_RANGE_ARCSEC = (0.3, 3.0)
ELLIPTICITY_RANGE = (0.0, 0.7)
LOG10_FLUX_RANGE = (3.7, 5.0)  # DES-like electrons; the SDSS-like exposure collects a quarter of them
ANOMALIES = ("none", "merger", "cosmic_ray", "saturated_star")
PARAM_NAMES = ("sersic_n", "half_light_radius_arcsec", "ellipticity", "log10_flux")


@dataclass(frozen=True)
class Survey:
    """How one survey sees the sky: pixel scale, stamp size, PSF, depth and noise."""

    name: str
    pixel_arcsec: float
    stamp_pixels: int
    psf_fwhm_arcsec: float
    flux_fraction: float  # of the DES-like exposure's electrons
    sky_electrons_per_arcsec2: float
    read_noise_electrons: float
    saturation_electrons: float

    @property
    def sky_electrons_per_pixel(self) -> float:
        """Mean sky level of one pixel, in electrons."""
        return self.sky_electrons_per_arcsec2 * self.pixel_arcsec**2

    @property
    def sky_variance_electrons2(self) -> float:
        """Variance of an empty pixel (sky Poisson plus read noise), in electrons²."""
        return self.sky_electrons_per_pixel + self.read_noise_electrons**2

    @property
    def sky_sigma_electrons(self) -> float:
        """Noise of an empty pixel, in electrons."""
        return self.sky_variance_electrons2**0.5


SDSS = Survey("sdss", 0.396, 32, 1.4, 0.25, 120.0, 5.0, 60_000.0)
DES = Survey("des", 0.263, 48, 0.9, 1.0, 400.0, 7.0, 150_000.0)


@dataclass(frozen=True)
class GalaxyParams:
    """One galaxy: Sérsic index, half-light radius (″), ellipticity |e| = (a²-b²)/(a²+b²), angle, flux."""

    sersic_n: float
    half_light_radius_arcsec: float
    ellipticity: float
    position_angle_deg: float
    log10_flux: float

    def check(self) -> None:
        """Raise ValueError for parameters outside what the generator (and the models) cover."""
        problems = []
        if not SERSIC_RANGE[0] <= self.sersic_n <= SERSIC_RANGE[1]:
            problems.append(f"Sérsic index {self.sersic_n:g} is outside {SERSIC_RANGE[0]}–{SERSIC_RANGE[1]}")
        if not RADIUS_RANGE_ARCSEC[0] <= self.half_light_radius_arcsec <= RADIUS_RANGE_ARCSEC[1]:
            problems.append(
                f"half-light radius {self.half_light_radius_arcsec:g}″ is outside "
                f"{RADIUS_RANGE_ARCSEC[0]}–{RADIUS_RANGE_ARCSEC[1]}″"
            )
        if not ELLIPTICITY_RANGE[0] <= self.ellipticity <= ELLIPTICITY_RANGE[1]:
            problems.append(
                f"ellipticity {self.ellipticity:g} is outside {ELLIPTICITY_RANGE[0]}–{ELLIPTICITY_RANGE[1]}"
            )
        if problems:
            raise ValueError("; ".join(problems))

    def vector(self) -> np.ndarray:
        """The parameters the models condition on, in PARAM_NAMES order."""
        return np.array([self.sersic_n, self.half_light_radius_arcsec, self.ellipticity, self.log10_flux])


def _profile(params: GalaxyParams) -> Any:
    import galsim

    n = round(round(params.sersic_n / SERSIC_STEP) * SERSIC_STEP, 4)
    galaxy = galsim.Sersic(n=n, half_light_radius=params.half_light_radius_arcsec, flux=10**params.log10_flux)
    return galaxy.shear(e=params.ellipticity, beta=params.position_angle_deg * galsim.degrees)


def render(
    params: GalaxyParams,
    survey: Survey,
    seed: int,
    *,
    anomaly: str = "none",
    anomaly_seed: int = 0,
    noise: bool = True,
) -> np.ndarray:
    """One stamp (electrons, sky subtracted) of ``params`` as ``survey`` sees it; deterministic in ``seed``."""
    import galsim

    if anomaly not in ANOMALIES:
        raise ValueError(f"unknown anomaly {anomaly!r}; known: {', '.join(ANOMALIES)}")
    psf = galsim.Moffat(beta=3.5, fwhm=survey.psf_fwhm_arcsec)
    scene = _profile(params)
    layout = np.random.default_rng(anomaly_seed)
    if anomaly == "merger":
        companion = GalaxyParams(
            sersic_n=float(layout.uniform(0.8, 4.0)),
            half_light_radius_arcsec=float(layout.uniform(0.4, 1.5)),
            ellipticity=float(layout.uniform(0.0, 0.6)),
            position_angle_deg=float(layout.uniform(0, 180)),
            log10_flux=params.log10_flux - float(layout.uniform(0.0, 0.4)),
        )
        offset = layout.uniform(1.2, 2.8) * np.exp(1j * layout.uniform(0, 2 * np.pi))
        scene = scene + _profile(companion).shift(offset.real, offset.imag)
    elif anomaly == "saturated_star":
        offset = layout.uniform(2.0, 4.5) * np.exp(1j * layout.uniform(0, 2 * np.pi))
        scene = scene + galsim.DeltaFunction(flux=10 ** layout.uniform(6.8, 7.2)).shift(offset.real, offset.imag)
    flux_scale = survey.flux_fraction
    image = galsim.Convolve(scene * flux_scale, psf).drawImage(
        nx=survey.stamp_pixels, ny=survey.stamp_pixels, scale=survey.pixel_arcsec
    )
    if noise:
        sky = survey.sky_electrons_per_pixel
        generator = galsim.BaseDeviate(seed)
        image.addNoise(galsim.CCDNoise(generator, sky_level=sky, gain=1.0, read_noise=survey.read_noise_electrons))
    pixels = image.array.astype(np.float32)
    if anomaly == "cosmic_ray":
        _add_streak(pixels, layout)
    return np.minimum(pixels, survey.saturation_electrons)


def _add_streak(pixels: np.ndarray, layout: np.random.Generator) -> None:
    """A cosmic-ray track: a thin, sharp line of high counts (not convolved with the PSF)."""
    size = pixels.shape[0]
    start = layout.uniform(0, size, 2)
    angle = layout.uniform(0, np.pi)
    length = layout.uniform(0.3, 0.8) * size
    energy = layout.uniform(3e3, 2e4)
    for t in np.linspace(0, length, int(length * 3)):
        x, y = (start + t * np.array([np.cos(angle), np.sin(angle)])).astype(int)
        if 0 <= x < size and 0 <= y < size:
            pixels[y, x] += energy / 3


def sample_params(rng: np.random.Generator) -> GalaxyParams:
    """A galaxy drawn from the training distribution (uniform in n, log-uniform in size and flux)."""
    steps = round((SERSIC_RANGE[1] - SERSIC_RANGE[0]) / SERSIC_STEP)
    return GalaxyParams(
        sersic_n=SERSIC_RANGE[0] + SERSIC_STEP * int(rng.integers(0, steps + 1)),
        half_light_radius_arcsec=float(np.exp(rng.uniform(*np.log(RADIUS_RANGE_ARCSEC)))),
        ellipticity=float(rng.uniform(*ELLIPTICITY_RANGE)),
        position_angle_deg=float(rng.uniform(0, 180)),
        log10_flux=float(rng.uniform(*LOG10_FLUX_RANGE)),
    )


def make_dataset(n: int, seed: int, *, anomaly_fraction: float = 0.03, progress: bool = True) -> dict[str, np.ndarray]:
    """``n`` paired stamps with parameters and anomaly labels, reproducible from ``seed``."""
    from tqdm import tqdm

    rng = np.random.default_rng(seed)
    sdss = np.empty((n, SDSS.stamp_pixels, SDSS.stamp_pixels), np.float32)
    des = np.empty((n, DES.stamp_pixels, DES.stamp_pixels), np.float32)
    params = np.empty((n, len(PARAM_NAMES)), np.float32)
    angles = np.empty(n, np.float32)
    labels = np.zeros(n, np.int8)
    for i in tqdm(range(n), desc="rendering galaxies", unit="galaxy", disable=not progress):
        galaxy = sample_params(rng)
        anomaly = ANOMALIES[int(rng.integers(1, len(ANOMALIES)))] if rng.random() < anomaly_fraction else "none"
        layout_seed, noise_seed = (int(v) for v in rng.integers(0, 2**31 - 1, 2))
        # A cosmic ray hits one exposure only: the SDSS-like one; mergers and stars are on the sky, in both.
        sdss[i] = render(galaxy, SDSS, noise_seed, anomaly=anomaly, anomaly_seed=layout_seed)
        des_anomaly = "none" if anomaly == "cosmic_ray" else anomaly
        des[i] = render(galaxy, DES, noise_seed + 1, anomaly=des_anomaly, anomaly_seed=layout_seed)
        params[i] = galaxy.vector()
        angles[i] = galaxy.position_angle_deg
        labels[i] = ANOMALIES.index(anomaly)
    return {
        "sdss": sdss,
        "des": des,
        "params": params,
        "param_names": np.array(PARAM_NAMES),
        "position_angle_deg": angles,
        "anomaly": labels,
        "anomaly_names": np.array(ANOMALIES),
        "seed": np.array(seed),
    }


def fit_sersic(
    image: np.ndarray, survey: Survey, *, max_evaluations: int = 300, start: GalaxyParams | None = None
) -> GalaxyParams:
    """Least-squares Sérsic fit of one noisy stamp (the baseline the multimodal VAE is compared with).

    Free: n, half-light radius, the two ellipticity components and the flux (the galaxy is at the stamp's
    centre, the PSF known); residuals weighted by the CCD noise. Starts from ``start`` (e.g. the VAE's
    prediction) or else from n = 2, r = 1″, round, and the summed flux.
    """
    from scipy.optimize import least_squares

    weight = 1 / np.sqrt(survey.sky_variance_electrons2 + np.clip(image, 0, None))
    flux0 = max(float(image.sum()) / survey.flux_fraction, 10 ** LOG10_FLUX_RANGE[0])

    def model(x: np.ndarray) -> np.ndarray:
        n, log_r, e1, e2, log_flux = x
        e = float(min(np.hypot(e1, e2), 0.9))
        angle = float(np.degrees(0.5 * np.arctan2(e2, e1)))
        params = GalaxyParams(float(n), float(np.exp(log_r)), e, angle, float(log_flux))
        return render(params, survey, 0, noise=False)

    low, high = [SERSIC_RANGE[0], np.log(0.1), -0.9, -0.9, 2.0], [SERSIC_RANGE[1], np.log(6.0), 0.9, 0.9, 6.5]
    # a saturated star or a cosmic ray can put the summed flux beyond the bounds: start inside them
    if start is None:
        first = np.array([2.0, np.log(1.0), 0.0, 0.0, float(np.clip(np.log10(flux0), low[4] + 0.01, high[4] - 0.01))])
    else:
        angle = np.radians(2 * start.position_angle_deg)
        first = np.array(
            [
                start.sersic_n,
                np.log(start.half_light_radius_arcsec),
                start.ellipticity * np.cos(angle),
                start.ellipticity * np.sin(angle),
                start.log10_flux,
            ]
        )
        first = np.clip(first, np.array(low) + 1e-3, np.array(high) - 1e-3)
    fit = least_squares(
        lambda x: ((model(x) - image) * weight).ravel(),
        first,
        bounds=(low, high),
        x_scale=[1.0, 0.3, 0.1, 0.1, 0.05],
        diff_step=[0.05, 1e-3, 1e-3, 1e-3, 1e-4],  # n is rendered on a 0.05 grid: a step that sees it
        max_nfev=max_evaluations,
    )
    n, log_r, e1, e2, log_flux = fit.x
    e = float(min(np.hypot(e1, e2), 0.9))
    return GalaxyParams(float(n), float(np.exp(log_r)), e, float(np.degrees(0.5 * np.arctan2(e2, e1))), float(log_flux))


def main() -> None:
    """Command line: write a paired SDSS-like / DES-like data set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--anomaly-fraction", type=float, default=0.03)
    args = parser.parse_args()
    data = make_dataset(args.n, args.seed, anomaly_fraction=args.anomaly_fraction)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **data)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
