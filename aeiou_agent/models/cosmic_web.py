"""The cosmic web in slices: a 2LPT simulator, Gaussian and lognormal fields, and the statistics that judge them.

The simulator displaces particles from a uniform grid by second-order Lagrangian perturbation theory (2LPT;
Scoccimarro 1998, Crocce, Pueblas & Scoccimarro 2006) from a Gaussian field with the linear P(k) of the
repo's emulator, deposits them on a grid (cloud-in-cell), and projects slabs of the box to 2D density maps.
It is what the cosmic-web generator (aeiou_agent.models.cosmic_web_gan, after arXiv:1908.05519) learns from,
and what its output is checked against. The lognormal field with the slabs' own power spectrum is the simple
baseline a generator must beat on everything beyond the power spectrum.

Statistics (compare()): the 2D power spectrum, the one-point PDF (KS statistic of log density), peak counts
and the three Minkowski functionals of the smoothed log-density field (area, boundary length, Euler
characteristic) over thresholds.

Make training and held-out slabs::

    python -m aeiou_agent.models.cosmic_web build/cosmic_web/train.npz --boxes 240 --seed 1
    python -m aeiou_agent.models.cosmic_web build/cosmic_web/test.npz --held-out --seed 2
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import numpy as np

from aeiou_agent.models.camb_spectra import PARAM_RANGES, PLANCK18

BOX_MPC_H = 256.0  # side of a simulated box
N_GRID = 128  # particles per side = grid cells per side (2 Mpc/h cells)
SLAB_CELLS = 8  # cells per projected slab: 16 Mpc/h thick, 16 slabs per axis, 48 per box
CONDITIONS = ("sigma8", "omega_m")  # what the generator is conditioned on; the rest is Planck 2018
CONDITION_RANGES = {name: PARAM_RANGES[name] for name in CONDITIONS}
HELD_OUT_POINTS = ((0.8102, 0.3111), (0.65, 0.25), (0.95, 0.40), (0.72, 0.36))  # (σ8, Ωm) judged on
HELD_OUT_BOXES = 8  # boxes per held-out point
MAP_PIXELS = 64  # maps the generator draws and the statistics compare: 128 Mpc/h, quadrants of a slab
PEAK_SMOOTHING_PX = 1.0  # Gaussian σ before peaks and Minkowski functionals
THRESHOLDS = np.linspace(-2.0, 3.0, 21)  # in units of the held-out maps' standardised log density


# --------------------------------------------------------------------------------------------- linear theory


def linear_power(sigma8: float, omega_m: float, z: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """(k [h/Mpc], linear P [(Mpc/h)^3]) from the shipped emulator; other parameters Planck 2018."""
    from aeiou_agent.models.pk_emulator import load_emulator

    omega_b = min(PLANCK18["omega_b"], 0.5 * omega_m)
    row = [[omega_m, omega_b, PLANCK18["h"], PLANCK18["n_s"], sigma8, z]]
    emulator = load_emulator()
    return emulator.k_h_mpc, emulator.predict(np.array(row), "linear")[0]


def _power_at(k: np.ndarray, k_table: np.ndarray, p_table: np.ndarray) -> np.ndarray:
    """P at ``k`` by log-log interpolation (k^n_s below the table, its last slope above)."""
    log_k, log_p = np.log(k_table), np.log(p_table)
    slope_high = (log_p[-1] - log_p[-2]) / (log_k[-1] - log_k[-2])
    lk = np.log(np.maximum(k, 1e-12))
    inside = np.interp(lk, log_k, log_p)
    below = log_p[0] + PLANCK18["n_s"] * (lk - log_k[0])
    above = log_p[-1] + slope_high * (lk - log_k[-1])
    return np.exp(np.where(lk < log_k[0], below, np.where(lk > log_k[-1], above, inside)))


# ------------------------------------------------------------------------------------------------- simulator


def _wavenumbers(n: int, box_mpc_h: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """kx, ky, kz [h/Mpc] broadcastable to the rfftn layout (n, n, n // 2 + 1)."""
    k = 2 * np.pi * np.fft.fftfreq(n, d=box_mpc_h / n)
    kz = 2 * np.pi * np.fft.rfftfreq(n, d=box_mpc_h / n)
    return k[:, None, None], k[None, :, None], kz[None, None, :]


def linear_density_k(
    k_table: np.ndarray, p_table: np.ndarray, n: int, box_mpc_h: float, rng: np.random.Generator
) -> np.ndarray:
    """Fourier modes (rfftn layout) of a Gaussian density field with power spectrum P(k) in a periodic box."""
    from scipy import fft

    kx, ky, kz = _wavenumbers(n, box_mpc_h)
    k = np.sqrt(kx**2 + ky**2 + kz**2)
    white = fft.rfftn(rng.standard_normal((n, n, n)))  # <|W|²> = n³
    delta_k = white * np.sqrt(_power_at(k, k_table, p_table) * n**3 / box_mpc_h**3)
    delta_k[0, 0, 0] = 0.0
    return delta_k


def displacements_2lpt(
    delta_k: np.ndarray, n: int, box_mpc_h: float, omega_m: float, *, second_order: bool = True
) -> np.ndarray:
    """Particle displacements [Mpc/h], shape (3, n, n, n): Zel'dovich plus the second-order term.

    x = q − ∇φ⁽¹⁾ + D₂ ∇φ⁽²⁾ with ∇²φ⁽¹⁾ = δ, ∇²φ⁽²⁾ = Σ_{i>j} (φ⁽¹⁾,ii φ⁽¹⁾,jj − φ⁽¹⁾,ij²) and
    D₂ = −3/7 Ωm^(−1/143) (Bouchet et al. 1995).
    """
    from scipy import fft

    kvec = _wavenumbers(n, box_mpc_h)
    k2 = kvec[0] ** 2 + kvec[1] ** 2 + kvec[2] ** 2
    k2[0, 0, 0] = 1.0
    phi1_k = -delta_k / k2

    def inverse(modes: np.ndarray) -> np.ndarray:
        return fft.irfftn(modes, s=(n, n, n))

    if not second_order:  # the Zel'dovich approximation
        return np.stack([inverse(-1j * kvec[i] * phi1_k) for i in range(3)])
    hessian = {(i, j): inverse(-kvec[i] * kvec[j] * phi1_k) for i in range(3) for j in range(i, 3)}
    source = (
        hessian[0, 0] * hessian[1, 1]
        + hessian[0, 0] * hessian[2, 2]
        + hessian[1, 1] * hessian[2, 2]
        - hessian[0, 1] ** 2
        - hessian[0, 2] ** 2
        - hessian[1, 2] ** 2
    )
    del hessian
    phi2_k = -fft.rfftn(source) / k2
    phi2_k[0, 0, 0] = 0.0
    d2 = -3.0 / 7.0 * omega_m ** (-1.0 / 143.0)
    return np.stack([inverse(-1j * kvec[i] * phi1_k) + d2 * inverse(1j * kvec[i] * phi2_k) for i in range(3)])


def cic_density(positions: np.ndarray, n: int, box_mpc_h: float) -> np.ndarray:
    """Density 1 + δ on an n³ grid from particle positions (3, m) [Mpc/h] by cloud-in-cell, periodic."""
    cells = (positions.reshape(3, -1) / (box_mpc_h / n)) % n
    low = np.floor(cells).astype(np.int64)
    frac = cells - low
    low %= n
    high = (low + 1) % n
    density = np.zeros(n**3)
    for corner in range(8):
        pick = [(corner >> axis) & 1 for axis in range(3)]
        index = np.zeros(low.shape[1], dtype=np.int64)
        weight = np.ones(low.shape[1])
        for axis in range(3):
            index = index * n + (high[axis] if pick[axis] else low[axis])
            weight *= frac[axis] if pick[axis] else 1.0 - frac[axis]
        density += np.bincount(index, weights=weight, minlength=n**3)
    return density.reshape(n, n, n) * (n**3 / low.shape[1])


def simulate_box(
    sigma8: float, omega_m: float, seed: int, *, n: int = N_GRID, box_mpc_h: float = BOX_MPC_H
) -> np.ndarray:
    """Density 1 + δ of a 2LPT box at z = 0 (one particle per cell), same seed same box."""
    k_table, p_table = linear_power(sigma8, omega_m)
    rng = np.random.default_rng(seed)
    displacement = displacements_2lpt(linear_density_k(k_table, p_table, n, box_mpc_h, rng), n, box_mpc_h, omega_m)
    grid = (np.indices((n, n, n)) + 0.5) * (box_mpc_h / n)
    return cic_density(grid + displacement, n, box_mpc_h)


def slabs(density: np.ndarray, slab_cells: int = SLAB_CELLS) -> np.ndarray:
    """2D maps of 1 + δ projected through slabs ``slab_cells`` thick, along each axis: (3 n / slab_cells, n, n)."""
    n = density.shape[0]
    maps = [np.moveaxis(density, axis, 0).reshape(n // slab_cells, slab_cells, n, n).mean(axis=1) for axis in range(3)]
    return np.concatenate(maps)


def quadrants(maps: np.ndarray, size: int = MAP_PIXELS) -> np.ndarray:
    """Split (m, n, n) maps into (m·(n/size)², size, size) tiles, each renormalised to mean density 1."""
    m, n, _ = maps.shape
    tiles = maps.reshape(m, n // size, size, n // size, size).transpose(0, 1, 3, 2, 4).reshape(-1, size, size)
    return tiles / tiles.mean(axis=(1, 2), keepdims=True)


# ------------------------------------------------------------------------------------------ 2D random fields


def grid_k_2d(n_pixels: int, box_mpc_h: float) -> np.ndarray:
    """|k| [h/Mpc] of every mode of an n × n FFT grid over a square of side ``box_mpc_h``."""
    freq = np.fft.fftfreq(n_pixels, d=box_mpc_h / n_pixels) * 2 * np.pi
    return np.sqrt(freq[:, None] ** 2 + freq[None, :] ** 2)


def gaussian_field(power_2d: np.ndarray, box_mpc_h: float, rng: np.random.Generator) -> np.ndarray:
    """A real Gaussian random field on the grid whose expected power spectrum is ``power_2d`` [(Mpc/h)^2]."""
    n = power_2d.shape[0]
    noise = np.fft.fft2(rng.standard_normal((n, n)))
    amplitude = np.sqrt(np.maximum(power_2d, 0.0) * n * n) / box_mpc_h
    amplitude[0, 0] = 0.0
    return np.fft.ifft2(noise * amplitude).real


def lognormal_field(power_2d: np.ndarray, box_mpc_h: float, rng: np.random.Generator) -> np.ndarray:
    """A lognormal field δ = exp(G - σ²/2) - 1 ≥ -1 whose power spectrum approximates ``power_2d``."""
    n = power_2d.shape[0]
    xi = np.fft.ifft2(power_2d * n * n / box_mpc_h**2).real
    xi_gauss = np.log1p(np.maximum(xi, -0.999))
    power_gauss = np.maximum(np.fft.fft2(xi_gauss).real * box_mpc_h**2 / (n * n), 0.0)
    gauss = gaussian_field(power_gauss, box_mpc_h, rng)
    return np.exp(gauss - gauss.var() / 2.0) - 1.0


def power_bin_index(n_pixels: int, box_mpc_h: float, n_bins: int) -> np.ndarray:
    """The log-spaced k bin (fundamental to Nyquist) of every mode of an n × n FFT grid, -1 outside them."""
    k = grid_k_2d(n_pixels, box_mpc_h).ravel()
    edges = np.geomspace(2 * np.pi / box_mpc_h, np.pi * n_pixels / box_mpc_h, n_bins + 1)
    which = np.digitize(k, edges) - 1
    which[(which < 0) | (which >= n_bins)] = -1
    return which


def measure_power_2d(delta: np.ndarray, box_mpc_h: float, n_bins: int = 24) -> dict[str, np.ndarray]:
    """Binned power spectrum of a 2D field: k centres, P, and the number of modes per bin."""
    n = delta.shape[0]
    k = grid_k_2d(n, box_mpc_h)
    power = np.abs(np.fft.fft2(delta)) ** 2 * box_mpc_h**2 / n**4
    which = power_bin_index(n, box_mpc_h, n_bins)
    keep = which >= 0
    modes = np.bincount(which[keep], minlength=n_bins)
    total = np.bincount(which[keep], weights=power.ravel()[keep], minlength=n_bins)
    k_mean = np.bincount(which[keep], weights=k.ravel()[keep], minlength=n_bins)
    filled = modes > 0
    return {"k": k_mean[filled] / modes[filled], "p": total[filled] / modes[filled], "modes": modes[filled]}


def mean_power_2d(maps: np.ndarray, box_mpc_h: float, n_bins: int = 12) -> dict[str, np.ndarray]:
    """The power spectrum of δ averaged over maps (m, n, n) of 1 + δ."""
    measured = [measure_power_2d(m / m.mean() - 1.0, box_mpc_h, n_bins) for m in maps]
    return {"k": measured[0]["k"], "p": np.mean([m["p"] for m in measured], axis=0), "modes": measured[0]["modes"]}


def lognormal_like(maps: np.ndarray, box_mpc_h: float, count: int, seed: int) -> np.ndarray:
    """``count`` lognormal maps of 1 + δ with the mean 2D power spectrum (on the full grid) of ``maps``."""
    n = maps.shape[-1]
    power = np.mean([np.abs(np.fft.fft2(m / m.mean() - 1.0)) ** 2 for m in maps], axis=0) * box_mpc_h**2 / n**4
    rng = np.random.default_rng(seed)
    return np.stack([1.0 + lognormal_field(power, box_mpc_h, rng) for _ in range(count)])


# ------------------------------------------------------------------------------------------------ statistics


def log_density(maps: np.ndarray) -> np.ndarray:
    """log10 of 1 + δ, floored at a tenth of the smallest non-empty value (empty pixels happen in voids)."""
    floor = 0.1 * float(np.min(maps[maps > 0])) if np.any(maps > 0) else 1e-3
    return np.log10(np.maximum(maps, floor))


class Standardiser:
    """Smoothed log density in units of the reference maps' mean and scatter, so thresholds mean one thing."""

    def __init__(self, reference: np.ndarray):
        smoothed = self._smooth(reference)
        self.mean, self.std = float(smoothed.mean()), float(smoothed.std())

    @staticmethod
    def _smooth(maps: np.ndarray) -> np.ndarray:
        from scipy.ndimage import gaussian_filter

        return gaussian_filter(log_density(maps), sigma=(0, PEAK_SMOOTHING_PX, PEAK_SMOOTHING_PX), mode="wrap")

    def __call__(self, maps: np.ndarray) -> np.ndarray:
        """Maps of 1 + δ as standardised, smoothed log density."""
        return (self._smooth(maps) - self.mean) / self.std


def peak_counts(fields: np.ndarray, thresholds: np.ndarray = THRESHOLDS) -> np.ndarray:
    """Mean number per map of local maxima (3 × 3) with heights in each threshold bin."""
    from scipy.ndimage import maximum_filter

    is_peak = fields == maximum_filter(fields, size=(1, 3, 3), mode="wrap")
    counts, _ = np.histogram(fields[is_peak], bins=thresholds)
    return counts / len(fields)


def minkowski_functionals(fields: np.ndarray, thresholds: np.ndarray = THRESHOLDS) -> np.ndarray:
    """Mean (V0 area share, V1 boundary length per pixel, V2 Euler characteristic per pixel) at each threshold."""
    from skimage.measure import euler_number, perimeter

    out = np.zeros((3, len(thresholds)))
    pixels = fields.shape[1] * fields.shape[2]
    for j, nu in enumerate(thresholds):
        above = fields >= nu
        out[0, j] = above.mean()
        out[1, j] = np.mean([perimeter(a) for a in above]) / pixels
        out[2, j] = np.mean([euler_number(a, connectivity=2) for a in above]) / pixels
    return out


def statistics(maps: np.ndarray, standardise: Standardiser, box_mpc_h: float) -> dict[str, Any]:
    """Everything compare() needs of a set of maps of 1 + δ."""
    fields = standardise(maps)
    return {
        "power": mean_power_2d(maps, box_mpc_h),
        "log_density": log_density(maps).ravel(),
        "peaks": peak_counts(fields),
        "minkowski": minkowski_functionals(fields),
    }


def compare(candidate: dict[str, Any], truth: dict[str, Any], k_max_h_mpc: float) -> dict[str, Any]:
    """How far a set of maps is from the truth's, statistic by statistic (0 is identical).

    power: largest |P/P_true − 1| for k ≤ k_max; pdf_ks: two-sample KS statistic of log density; peaks: L1
    difference of the peak-height histograms over the truth's total; minkowski: for each functional the mean
    absolute difference over thresholds relative to the truth's largest value.
    """
    from scipy.stats import ks_2samp

    def sample(values: np.ndarray) -> np.ndarray:  # the same subset of equal-sized sets
        return values if len(values) <= 200_000 else np.random.default_rng(0).choice(values, 200_000, replace=False)

    k = truth["power"]["k"]
    within = k <= k_max_h_mpc
    ratio = candidate["power"]["p"][within] / truth["power"]["p"][within]
    mf_true, mf_candidate = truth["minkowski"], candidate["minkowski"]
    return {
        "power_max_error": float(np.max(np.abs(ratio - 1))),
        "power_ratio": [round(float(r), 4) for r in ratio],
        "power_k_h_mpc": [round(float(v), 4) for v in k[within]],
        "pdf_ks": float(ks_2samp(sample(candidate["log_density"]), sample(truth["log_density"])).statistic),
        "peaks_l1": float(np.abs(candidate["peaks"] - truth["peaks"]).sum() / truth["peaks"].sum()),
        "minkowski": [
            float(np.mean(np.abs(mf_candidate[i] - mf_true[i])) / np.max(np.abs(mf_true[i]))) for i in range(3)
        ],
    }


# ----------------------------------------------------------------------------------------------------- data


def make_slabs(out: Path, points: np.ndarray, seeds: np.ndarray, *, n: int = N_GRID) -> None:
    """Simulate one box per (σ8, Ωm) point and save its slabs (float16 maps of 1 + δ) with their conditions."""
    from tqdm import tqdm

    maps, conditions = [], []
    started = time.perf_counter()
    for (sigma8, omega_m), seed in tqdm(
        list(zip(points, seeds, strict=True)), desc=f"2LPT boxes ({out.name})", unit="box"
    ):
        box_maps = slabs(simulate_box(float(sigma8), float(omega_m), int(seed), n=n))
        maps.append(box_maps.astype(np.float16))
        conditions.append(np.repeat([[sigma8, omega_m, seed]], len(box_maps), axis=0))
    seconds = time.perf_counter() - started
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        maps=np.concatenate(maps),
        conditions=np.concatenate(conditions),  # σ8, Ωm, box seed
        box_mpc_h=BOX_MPC_H,
        slab_cells=SLAB_CELLS,
        simulator_seconds_per_box=seconds / max(len(points), 1),
    )


def main() -> None:
    """Command line: simulate training boxes (a Latin hypercube in σ8, Ωm) or the held-out points."""
    from scipy.stats import qmc

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--boxes", type=int, default=240, help="training boxes (one per hypercube point)")
    parser.add_argument("--held-out", action="store_true", help=f"{HELD_OUT_BOXES} boxes at each held-out point")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.held_out:
        points = np.repeat(np.array(HELD_OUT_POINTS), HELD_OUT_BOXES, axis=0)
    else:
        low = np.array([CONDITION_RANGES[c][0] for c in CONDITIONS])
        high = np.array([CONDITION_RANGES[c][1] for c in CONDITIONS])
        points = low + qmc.LatinHypercube(d=2, seed=args.seed).random(args.boxes) * (high - low)
    seeds = np.random.default_rng(args.seed).integers(0, 2**31, len(points))
    make_slabs(args.out, points, seeds)


if __name__ == "__main__":
    main()
