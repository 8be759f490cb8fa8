"""Matter power spectra from CAMB: the reference the emulator is trained on and checked against.

One parameterisation everywhere: (Omega_m, Omega_b, h, n_s, sigma8, z), flat LCDM, massless neutrinos,
P(k) in (Mpc/h)^3 on a fixed grid of k in h/Mpc. sigma8 fixes the amplitude: the transfer functions do
not depend on A_s, so one CAMB run per cosmology gives the spectra for any sigma8 (linear exactly,
halofit by re-running only the cheap non-linear step).

``python -m aeiou_agent.models.camb_spectra OUT.npz --n 1200 --seed 1`` draws a Latin hypercube and
writes the spectra; the emulator's training script reads those files.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PARAM_NAMES = ("omega_m", "omega_b", "h", "n_s", "sigma8", "z")
#: Box of the Latin hypercube, and the range the emulator is valid in.
PARAM_RANGES: dict[str, tuple[float, float]] = {
    "omega_m": (0.20, 0.45),
    "omega_b": (0.035, 0.060),
    "h": (0.60, 0.80),
    "n_s": (0.90, 1.02),
    "sigma8": (0.60, 1.00),
    "z": (0.0, 3.0),
}
#: Planck 2018 (TT,TE,EE+lowE+lensing+BAO), flat, massless neutrinos: the defaults a cosmologist expects.
PLANCK18 = {"omega_m": 0.3111, "omega_b": 0.0490, "h": 0.6766, "n_s": 0.9665, "sigma8": 0.8102}
K_MIN_H_MPC, K_MAX_H_MPC, N_K = 1e-3, 5.0, 200
K_GRID_H_MPC = np.logspace(np.log10(K_MIN_H_MPC), np.log10(K_MAX_H_MPC), N_K)
_AS_REFERENCE = 2.1e-9


@dataclass(frozen=True)
class Cosmology:
    """Flat LCDM parameters (massless neutrinos)."""

    omega_m: float = 0.3
    omega_b: float = 0.049
    h: float = 0.677
    n_s: float = 0.965
    sigma8: float = 0.81

    def check(self) -> None:
        """Raise ValueError for parameters outside what CAMB handles sensibly."""
        if not 0.05 <= self.omega_m <= 0.9:
            raise ValueError(f"Omega_m = {self.omega_m} is outside 0.05–0.9")
        if not 0.0 < self.omega_b < self.omega_m:
            raise ValueError(f"Omega_b = {self.omega_b} must be positive and below Omega_m = {self.omega_m}")
        if not 0.4 <= self.h <= 1.0:
            raise ValueError(f"h = {self.h} is outside 0.4–1.0")
        if not 0.8 <= self.n_s <= 1.2:
            raise ValueError(f"n_s = {self.n_s} is outside 0.8–1.2")
        if not 0.1 <= self.sigma8 <= 2.0:
            raise ValueError(f"sigma8 = {self.sigma8} is outside 0.1–2.0")


def camb_power_spectra(
    cosmology: Cosmology, redshifts: list[float], *, nonlinear: bool = False, k_h_mpc: np.ndarray = K_GRID_H_MPC
) -> np.ndarray:
    """P(k, z) in (Mpc/h)^3 from CAMB, shape (len(redshifts), len(k)); sigma8 is the z = 0 linear value."""
    linear, halofit = camb_linear_and_halofit(cosmology, redshifts, k_h_mpc=k_h_mpc, with_halofit=nonlinear)
    return halofit if halofit is not None else linear


def camb_linear_and_halofit(
    cosmology: Cosmology, redshifts: list[float], *, k_h_mpc: np.ndarray = K_GRID_H_MPC, with_halofit: bool = True
) -> tuple[np.ndarray, np.ndarray | None]:
    """Linear and (optionally) halofit P(k, z) from one CAMB run; each of shape (len(redshifts), len(k))."""
    import camb

    cosmology.check()
    if not redshifts or any(not 0.0 <= z <= 10.0 for z in redshifts):
        raise ValueError("give one or more redshifts in 0–10")
    h = cosmology.h
    pars = camb.CAMBparams()
    pars.set_cosmology(
        H0=100 * h,
        ombh2=cosmology.omega_b * h**2,
        omch2=(cosmology.omega_m - cosmology.omega_b) * h**2,
        mnu=0.0,
        num_massive_neutrinos=0,
        omk=0.0,
    )
    pars.InitPower.set_params(As=_AS_REFERENCE, ns=cosmology.n_s)
    # CAMB wants redshifts in decreasing order; z = 0 is always there for the sigma8 normalisation.
    ordered = sorted({*map(float, redshifts), 0.0}, reverse=True)
    pars.set_matter_power(redshifts=ordered, kmax=float(k_h_mpc.max()) * 1.2 * h + 1.0)
    pars.NonLinear = camb.model.NonLinear_none
    transfers = camb.get_transfer_functions(pars)
    transfers.calc_power_spectra(pars)
    sigma8_reference = float(transfers.get_sigma8_0())
    pars.InitPower.set_params(As=_AS_REFERENCE * (cosmology.sigma8 / sigma8_reference) ** 2, ns=cosmology.n_s)
    transfers.power_spectra_from_transfer(pars.InitPower)
    extrapolate = float(k_h_mpc.max()) * 2

    def evaluate(nonlinear: bool) -> np.ndarray:
        interpolator = transfers.get_matter_power_interpolator(
            nonlinear=nonlinear, hubble_units=True, k_hunit=True, extrap_kmax=extrapolate
        )
        return np.array([interpolator.P(float(z), k_h_mpc) for z in redshifts])

    linear = evaluate(False)
    if not with_halofit:
        return linear, None
    pars.NonLinear = camb.model.NonLinear_both
    pars.NonLinearModel.set_params(halofit_version="mead2020")
    transfers.calc_power_spectra(pars)
    return linear, evaluate(True)


def latin_hypercube(n: int, seed: int) -> np.ndarray:
    """``n`` points of the parameter box (columns in PARAM_NAMES order), stratified in every dimension."""
    from scipy.stats import qmc

    unit = qmc.LatinHypercube(d=len(PARAM_NAMES), seed=seed).random(n)
    low = np.array([PARAM_RANGES[p][0] for p in PARAM_NAMES])
    high = np.array([PARAM_RANGES[p][1] for p in PARAM_NAMES])
    return low + unit * (high - low)


def generate(out: Path, n: int, seed: int, *, redshifts_per_cosmology: int = 4) -> None:
    """Run CAMB on an ``n``-point Latin hypercube and save linear and non-linear spectra to ``out`` (npz).

    Each cosmology contributes its hypercube redshift plus ``redshifts_per_cosmology - 1`` uniform random
    ones (one CAMB run gives all of them), so the emulator sees z densely.
    """
    from tqdm import tqdm

    rng = np.random.default_rng(seed)
    points = latin_hypercube(n, seed)
    rows: list[list[float]] = []
    linear: list[np.ndarray] = []
    nonlinear: list[np.ndarray] = []
    started = time.perf_counter()
    for point in tqdm(points, desc=f"CAMB spectra ({out.name})", unit="cosmology"):
        cosmology = Cosmology(*map(float, point[:5]))
        z_low, z_high = PARAM_RANGES["z"]
        redshifts = [float(point[5]), *rng.uniform(z_low, z_high, redshifts_per_cosmology - 1).tolist()]
        spectra_linear, spectra_halofit = camb_linear_and_halofit(cosmology, redshifts)
        assert spectra_halofit is not None
        linear.append(spectra_linear)
        nonlinear.append(spectra_halofit)
        rows.extend([*map(float, point[:5]), z] for z in redshifts)
    seconds = time.perf_counter() - started
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        params=np.array(rows),
        param_names=np.array(PARAM_NAMES),
        k_h_mpc=K_GRID_H_MPC,
        linear=np.concatenate(linear).astype(np.float64),
        nonlinear=np.concatenate(nonlinear).astype(np.float64),
        camb_seconds_per_cosmology=seconds / max(n, 1),
        seed=seed,
    )


def main() -> None:
    """Command line: generate a training or test set of CAMB spectra."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1200, help="cosmologies in the Latin hypercube")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--redshifts", type=int, default=4, help="redshifts per cosmology")
    args = parser.parse_args()
    generate(args.out, args.n, args.seed, redshifts_per_cosmology=args.redshifts)


if __name__ == "__main__":
    main()
