"""Galaxy spectra from a stellar-population synthesis code: what the spectra emulator is trained on and checked against.

The SPS code is Bagpipes (Carnall et al. 2018) with the Bruzual & Charlot (2003) stellar grids and Cloudy nebular
grids its wheel ships. One model everywhere: a delayed-exponential star-formation history SFR ∝ t·exp(−t/τ)
that began ``age_gyr`` ago, one stellar metallicity, nebular emission (continuum and lines, log U = −3) and the
Calzetti (2000) dust law with ``dust_av_mag`` of V-band attenuation. Spectra are rest-frame luminosities L_λ in
erg/s/Å per solar mass formed, on :data:`REST_WAVELENGTHS_A` (1,220 Å – 2.5 µm, R ≈ 660): redshift and mass
are applied exactly afterwards, so they need no emulating (SPECULATOR, arXiv:1911.11778, does the same).

Bagpipes is needed only here (to train and to validate); answering uses the emulator alone. Install it with
``pip install bagpipes`` (a 250 MB wheel). ``python -m aeiou_agent.models.sps_spectra OUT.npz --n 30000 --seed 1``
draws a Latin hypercube and writes the spectra; ``--redshift-check`` also writes observed-frame spectra at
random redshifts, to check the emulator's redshifting against Bagpipes' own.
"""

from __future__ import annotations

import argparse
import os
import time
from functools import cache
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

PARAM_NAMES = ("age_gyr", "tau_gyr", "metallicity_solar", "dust_av_mag")
#: The hypercube the emulator is trained in (and the range it answers for); log-spaced except A_V.
PARAM_RANGES: dict[str, tuple[float, float]] = {
    "age_gyr": (0.03, 13.4),  # Bagpipes' universe (H0 = 70, Ωm = 0.3) is 13.47 Gyr old: older spectra are empty
    "tau_gyr": (0.03, 20.0),
    "metallicity_solar": (0.02, 2.5),
    "dust_av_mag": (0.0, 3.0),
}
LOG_PARAMS = frozenset({"age_gyr", "tau_gyr", "metallicity_solar"})
LOG_U = -3.0  # ionisation parameter of the nebular emission
LYMAN_ALPHA_A = 1215.67
REST_MIN_A, REST_MAX_A, N_WAVELENGTHS = 1220.0, 25_000.0, 2000
#: Rest-frame wavelengths of every spectrum (log-spaced); blueward of Lyα the intergalactic medium would matter.
REST_WAVELENGTHS_A = np.geomspace(REST_MIN_A, REST_MAX_A, N_WAVELENGTHS)
BAGPIPES_H0, BAGPIPES_OMEGA_M = 70.0, 0.3  # the cosmology Bagpipes puts galaxies at redshift in


def to_unit(params: np.ndarray) -> np.ndarray:
    """Rows of PARAM_NAMES → the unit hypercube (log10 for the log-spaced parameters)."""
    params = np.atleast_2d(np.asarray(params, dtype=float))
    unit = np.empty_like(params)
    for column, name in enumerate(PARAM_NAMES):
        low, high = PARAM_RANGES[name]
        value = params[:, column]
        if name in LOG_PARAMS:
            value, low, high = np.log10(value), np.log10(low), np.log10(high)
        unit[:, column] = (value - low) / (high - low)
    return unit


RECENT_MYR = (10.0, 100.0)  # windows of the recent-star-formation inputs
RECENT_FLOOR = 1e-10  # a share formed below this is no different from none
MASS_WEIGHTED_AGE_GYR = (0.01, 13.4)  # the span of the mass-weighted-age input (log-scaled to 0–1)


def age_over_tau(params: np.ndarray) -> np.ndarray:
    """age/τ of each row of PARAM_NAMES: how long dead a population is (≫ 1: its stars formed long ago)."""
    params = np.atleast_2d(np.asarray(params, dtype=float))
    return np.asarray(params[:, 0] / params[:, 1])


def still_to_form(time_gyr: np.ndarray, tau_gyr: np.ndarray) -> np.ndarray:
    """e^(−t/τ)(1 + t/τ): the share of a delayed-exponential history's mass still to form after its own time t."""
    return np.asarray(np.exp(-time_gyr / tau_gyr) * (1 + time_gyr / tau_gyr))


def recent_share(params: np.ndarray, window_gyr: float) -> np.ndarray:
    """Share of the mass formed in the last ``window_gyr`` of a delayed-exponential history (exact).

    M(<t) ∝ 1 − e^(−t/τ)(1 + t/τ); the difference is taken term by term so that a long-dead population (age ≫ τ)
    gives a tiny share rather than a rounding error.
    """
    age, tau = params[:, 0], params[:, 1]
    start = np.clip(age - window_gyr, 0.0, None)
    return (still_to_form(start, tau) - still_to_form(age, tau)) / (1 - still_to_form(age, tau))


def mass_weighted_age_gyr(params: np.ndarray) -> np.ndarray:
    """Mass-weighted age of a delayed-exponential history (exact): age − ⟨t_formed⟩, ⟨t⟩ = 2τ·P(3, x)/P(2, x).

    P is the regularised lower incomplete gamma function and x = age/τ; a long-dead population (x ≫ 1) is close
    to a single burst of this age, which is what its spectrum follows.
    """
    from scipy.special import gammainc

    age, tau = params[:, 0], params[:, 1]
    x = age_over_tau(params)
    return age - 2 * tau * gammainc(3, x) / gammainc(2, x)


def network_inputs(params: np.ndarray) -> np.ndarray:
    """What the emulator's network sees: the unit-box parameters and two exact features of the history.

    The features are the log share of the mass formed in the last 10 and 100 Myr (the young stars that make the UV
    and the emission lines) and the log mass-weighted age (what a long-dead population's spectrum follows).
    Learning those from age and τ alone cost the first emulator its accuracy for long-dead populations (age ≫ τ).
    """
    params = np.atleast_2d(np.asarray(params, dtype=float))
    recent = [
        (np.log10(np.clip(recent_share(params, myr / 1e3), RECENT_FLOOR, 1.0)) - np.log10(RECENT_FLOOR))
        / -np.log10(RECENT_FLOOR)
        for myr in RECENT_MYR
    ]
    low, high = np.log10(MASS_WEIGHTED_AGE_GYR)
    mass_weighted = (np.log10(mass_weighted_age_gyr(params)) - low) / (high - low)
    return np.column_stack([to_unit(params), *recent, mass_weighted])


@cache
def bagpipes_age_bins() -> tuple[np.ndarray, np.ndarray]:
    """(log10 centres in years, edges in Gyr) of the age bins Bagpipes sums its stellar grid over (its config.py).

    Centres every 0.1 dex from 10^6 yr to the age of its universe (H0 = 70, Ωm = 0.3); edges halfway between
    centres in log age, the first at 0 and the last at the age of the universe.
    """
    from astropy.cosmology import FlatLambdaCDM

    universe_gyr = float(FlatLambdaCDM(H0=BAGPIPES_H0, Om0=BAGPIPES_OMEGA_M).age(0).value)
    centres = np.arange(6.0, np.log10(universe_gyr) + 9.0, 0.1)
    edges = np.concatenate([[0.0], 10 ** ((centres[1:] + centres[:-1]) / 2 - 9), [universe_gyr]])
    return centres, edges


def binned_age_features(params: np.ndarray) -> np.ndarray:
    """The mean and spread of log age over Bagpipes' age bins, weighted by the mass formed in each (exact).

    Bagpipes gives a population the spectra of its 0.1-dex age bins, weighted by the mass formed in each: a
    population whose stars formed in a short burst long ago has a spectrum that stays put while the burst lies
    inside one bin and moves when it crosses into the next. Its mass-weighted age moves smoothly; these follow
    the bins, as the spectrum does.
    """
    params = np.atleast_2d(np.asarray(params, dtype=float))
    centres, edges = bagpipes_age_bins()
    age, tau = params[:, :1], params[:, 1:2]
    since_start = age - np.minimum(edges[None, :], age)  # the galaxy's own time at each bin edge
    formed = 1 - still_to_form(since_start, tau)  # share of the mass formed by then
    weights = np.clip(formed[:, :-1] - formed[:, 1:], 0.0, None)
    weights /= weights.sum(axis=1, keepdims=True)
    mean = weights @ centres
    spread = np.sqrt(np.clip(weights @ centres**2 - mean**2, 0.0, None))
    return np.column_stack([(mean - 6.0) / 4.2, spread / 0.5])  # log age 6–10.2 and a spread up to 0.5 dex → 0–1


def old_network_inputs(params: np.ndarray) -> np.ndarray:
    """What the network for long-dead populations sees: :func:`network_inputs` and :func:`binned_age_features`."""
    return np.column_stack([network_inputs(params), binned_age_features(params)])


def from_unit(unit: np.ndarray) -> np.ndarray:
    """The unit hypercube → rows of PARAM_NAMES (inverse of :func:`to_unit`)."""
    params = np.empty_like(unit)
    for column, name in enumerate(PARAM_NAMES):
        low, high = PARAM_RANGES[name]
        if name in LOG_PARAMS:
            params[:, column] = 10 ** (np.log10(low) + unit[:, column] * (np.log10(high) - np.log10(low)))
        else:
            params[:, column] = low + unit[:, column] * (high - low)
    return params


def latin_hypercube(n: int, seed: int) -> np.ndarray:
    """``n`` parameter rows from a Latin hypercube over PARAM_RANGES."""
    rng = np.random.default_rng(seed)
    unit = (np.stack([rng.permutation(n) for _ in PARAM_NAMES], axis=1) + rng.random((n, len(PARAM_NAMES)))) / n
    return from_unit(unit)


def components(params: np.ndarray, redshift: float = 0.0) -> dict[str, Any]:
    """The Bagpipes model for one row of PARAM_NAMES (1 M☉ formed)."""
    age, tau, metallicity, av = (float(v) for v in params)
    return {
        "redshift": redshift,
        "delayed": {"age": age, "tau": tau, "massformed": 0.0, "metallicity": metallicity},
        "nebular": {"logU": LOG_U},
        "dust": {"type": "Calzetti", "Av": av},
    }


def _bagpipes() -> Any:
    os.environ.setdefault("MPLBACKEND", "Agg")
    try:
        import bagpipes
    except ImportError as exc:  # a training-time dependency only
        raise SystemExit("Bagpipes is needed to make training spectra: pip install bagpipes") from exc
    return bagpipes


def _spectra(job: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """Bagpipes spectra for rows of params at the given redshifts, each resampled onto ``wavelengths`` (observed)."""
    params, redshifts, wavelengths = job
    pipes = _bagpipes()
    model = None
    out = np.empty((len(params), len(wavelengths)))
    for i, (row, z) in enumerate(zip(params, redshifts, strict=True)):
        spec = components(row, float(z))
        if model is None:
            model = pipes.model_galaxy(spec, spec_wavs=wavelengths * (1 + z))
        else:
            model.update(spec)
        out[i] = model.spectrum[:, 1]
    return out


def sps_spectra(params: np.ndarray, redshifts: np.ndarray | None = None, *, processes: int = 2) -> np.ndarray:
    """Bagpipes L_λ (erg/s/Å per M☉ formed, rest frame; z = 0) or f_λ (erg/s/cm²/Å, observed, at ``redshifts``).

    Observed spectra are on REST_WAVELENGTHS_A × (1 + z); Bagpipes keeps one wavelength grid per model object,
    so each redshift gets its own.
    """
    params = np.atleast_2d(params)
    if redshifts is None:
        jobs = [(part, np.zeros(len(part)), REST_WAVELENGTHS_A) for part in np.array_split(params, processes * 8)]
    else:
        jobs = [(params[i : i + 1], redshifts[i : i + 1], REST_WAVELENGTHS_A) for i in range(len(params))]
    jobs = [job for job in jobs if len(job[0])]
    if processes == 1:
        return np.concatenate([_spectra(job) for job in jobs])
    from tqdm import tqdm

    with Pool(processes) as pool:
        parts = list(tqdm(pool.imap(_spectra, jobs), total=len(jobs), desc="Bagpipes spectra", unit="batch"))
    return np.concatenate(parts)


def _observable(params: np.ndarray, count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``count`` rows with a redshift in 0.05–3 at which the universe (Bagpipes' cosmology) is older than the galaxy."""
    import astropy.units as u
    from astropy.cosmology import FlatLambdaCDM, z_at_value

    cosmology = FlatLambdaCDM(H0=BAGPIPES_H0, Om0=BAGPIPES_OMEGA_M)
    rows, redshifts = [], []
    for row in params:
        if cosmology.age(0.05).value <= row[0] + 0.01:
            continue
        z_max = (
            3.0
            if cosmology.age(3.0).value > row[0] + 0.01
            else float(z_at_value(cosmology.age, (row[0] + 0.01) * u.Gyr))
        )
        rows.append(row)
        redshifts.append(rng.uniform(0.05, z_max))
        if len(rows) == count:
            break
    return np.array(rows), np.array(redshifts)


def main() -> None:
    """Command line: write a hypercube of SPS spectra (and optionally observed-frame ones) to an .npz file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--redshift-check", type=int, default=0, help="also this many observed-frame spectra")
    parser.add_argument(
        "--min-age-over-tau",
        type=float,
        default=0.0,
        help="keep only populations with age/τ above this (more training spectra where star formation long ended)",
    )
    args = parser.parse_args()
    params = latin_hypercube(args.n, args.seed)
    if args.min_age_over_tau:
        draws = latin_hypercube(args.n * 20, args.seed)
        params = draws[age_over_tau(draws) > args.min_age_over_tau][: args.n]
    started = time.perf_counter()
    rest = sps_spectra(params, processes=args.processes)
    seconds = (time.perf_counter() - started) * args.processes / len(params)
    arrays: dict[str, Any] = {
        "params": params,
        "rest_wavelengths_a": REST_WAVELENGTHS_A,
        "log10_luminosity": np.log10(np.clip(rest, 1e-300, None)).astype(np.float32),
        "sps_seconds_per_spectrum": np.array(seconds),
        "seed": np.array(args.seed),  # the hypercube's, so the file can be remade
        "min_age_over_tau": np.array(args.min_age_over_tau),
    }
    if args.redshift_check:
        chosen, redshifts = _observable(params, args.redshift_check, np.random.default_rng(args.seed + 1000))
        arrays["observed_params"] = chosen
        arrays["observed_redshifts"] = redshifts
        arrays["observed_flux"] = sps_spectra(chosen, redshifts, processes=args.processes)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)
    print(f"{len(params)} spectra, {seconds * 1e3:.1f} ms each (one core), written to {args.out}")


if __name__ == "__main__":
    main()
