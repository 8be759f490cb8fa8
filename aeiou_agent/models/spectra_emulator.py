"""A PCA + neural-network emulator of galaxy spectra from stellar-population synthesis (SPECULATOR, arXiv:1911.11778).

It predicts the rest-frame spectrum log10 L_λ (erg/s/Å per solar mass formed) of a galaxy with a delayed-exponential
star-formation history, given its age, e-folding time τ, metallicity and Calzetti dust A_V, on 2,000 wavelengths
from 1,220 Å to 2.5 µm; Bagpipes (BC03 stars, Cloudy nebular emission) made the training spectra
(:mod:`aeiou_agent.models.sps_spectra`). Mass and redshift are applied exactly: f_λ(λ(1+z)) = M L_λ(λ) / (4π d_L²
(1+z)). Photometry integrates the spectrum through standard filter curves (speclite) into AB magnitudes.

Reproduce the shipped weights (Bagpipes needed only here: ``pip install bagpipes``)::

    python -m aeiou_agent.models.sps_spectra build/sps/test.npz --n 1000 --seed 2 --redshift-check 200
    python -m aeiou_agent.models.sps_spectra build/sps/train.npz --n 30000 --seed 1
    python -m aeiou_agent.models.sps_spectra build/sps/train_dead.npz --n 15000 --seed 3 --min-age-over-tau 5
    python -m aeiou_agent.models.sps_spectra build/sps/train_old.npz --n 15000 --seed 4 --min-age-over-tau 30
    python -m aeiou_agent.models.spectra_emulator build/sps/train.npz build/sps/test.npz \
        --extra-train build/sps/train_dead.npz --fixture tests/data/sps_heldout.npz
    python -m aeiou_agent.models.spectra_emulator build/sps/train.npz build/sps/test.npz \
        --extra-train build/sps/train_dead.npz build/sps/train_old.npz --old-only

Populations whose star formation ended long ago (age/τ > 10) get a second network, which also sees where their
mass lies among Bagpipes' age bins (see the model card).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from aeiou_agent.models import training_parser
from aeiou_agent.models.pca_mlp import PcaMlp, check_box, load_weights, relative_errors, train_pca_mlp
from aeiou_agent.models.sps_spectra import (
    LYMAN_ALPHA_A,
    PARAM_NAMES,
    PARAM_RANGES,
    REST_WAVELENGTHS_A,
    age_over_tau,
    network_inputs,
    old_network_inputs,
)

WEIGHTS_PATH = Path(__file__).parent / "weights" / "spectra_emulator.npz"
RESPONSE_EDGE = 0.01  # a filter's band is where its response exceeds this share of its peak
# Long-dead populations have a network of their own: trained on age/τ above OLD_TRAINED_ABOVE, it takes over from
# the main network between age/τ = OLD_BLEND[0] and OLD_BLEND[1] (a smooth step in log age/τ).
OLD_PREFIX = "old_"
OLD_TRAINED_ABOVE = 7.0
OLD_BLEND = (10.0, 15.0)
CM_PER_MPC = 3.0856775814913673e24
C_ANGSTROM_S = 2.99792458e18


class OutsideSpectraRange(ValueError):
    """Parameters outside the box the spectra emulator was trained on."""


@dataclass(frozen=True)
class StellarPopulation:
    """One galaxy's stellar population, in the emulator's parameters."""

    age_gyr: float
    tau_gyr: float
    metallicity_solar: float
    dust_av_mag: float

    def row(self) -> np.ndarray:
        """The parameters in PARAM_NAMES order."""
        return np.array([getattr(self, name) for name in PARAM_NAMES], dtype=float)


class SpectraEmulator:
    """Rest-frame galaxy spectra from the shipped weights, and what follows from them exactly."""

    def __init__(self, path: Path = WEIGHTS_PATH):
        arrays, self.sha256, self.metrics = load_weights(path, __name__)
        self.path = path
        self.rest_wavelengths_a: np.ndarray = arrays["rest_wavelengths_a"]
        self._network = PcaMlp.from_arrays(arrays)
        self._old_network = PcaMlp.from_arrays(arrays, OLD_PREFIX) if f"{OLD_PREFIX}layers" in arrays else None

    def log10_luminosity(self, params: np.ndarray) -> np.ndarray:
        """log10 L_λ (erg/s/Å per M☉ formed, rest frame) for rows of PARAM_NAMES; shape (n, wavelengths)."""
        params = np.atleast_2d(np.asarray(params, dtype=float))
        check_box(params, PARAM_NAMES, PARAM_RANGES, OutsideSpectraRange)
        spectra = self._network(network_inputs(params))
        if self._old_network is None:
            return spectra
        weight = old_network_weight(params)
        old = weight > 0
        if old.any():
            share = weight[old, None]
            spectra[old] = (1 - share) * spectra[old] + share * self._old_network(old_network_inputs(params[old]))
        return spectra

    def observed(
        self, population: StellarPopulation, *, redshift: float, log10_mass_msun: float, luminosity_distance_mpc: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """(observed wavelengths in Å, f_λ in erg/s/cm²/Å) of ``10**log10_mass_msun`` M☉ formed at ``redshift``.

        At redshift 0 the flux is that at 10 pc (absolute), as the luminosity distance is then not defined.
        """
        luminosity = 10 ** (self.log10_luminosity(population.row())[0] + log10_mass_msun)
        distance_cm = (luminosity_distance_mpc if redshift > 0 else 1e-5) * CM_PER_MPC
        flux = luminosity / (4 * np.pi * distance_cm**2 * (1 + redshift))
        return self.rest_wavelengths_a * (1 + redshift), flux


def old_network_weight(params: np.ndarray) -> np.ndarray:
    """How much the long-dead populations' network counts for each row: 0 below age/τ = 10, 1 above 15."""
    low, high = np.log10(OLD_BLEND)
    step = np.clip((np.log10(age_over_tau(params)) - low) / (high - low), 0.0, 1.0)
    return step * step * (3 - 2 * step)


@cache
def load_spectra_emulator() -> SpectraEmulator:
    """The shipped emulator, loaded once per process."""
    return SpectraEmulator()


@cache
def load_filter(name: str) -> Any:
    """A speclite filter response by name ('sdss2010-r'), read from its file once per process."""
    import speclite.filters

    return speclite.filters.load_filter(name)


def ab_magnitudes(
    wavelengths_a: np.ndarray, flux_flam: np.ndarray, filters: list[str], *, redshift: float
) -> dict[str, float | None]:
    """AB magnitudes of f_λ through speclite filters; None for a band the spectrum does not cover.

    A band is not covered when its response reaches beyond the spectrum or, at redshift z, blueward of
    Lyα (1,216 Å in the rest frame), where the intergalactic medium absorbs and the emulator has no spectrum.
    """
    import astropy.units as u

    magnitudes: dict[str, float | None] = {}
    for name in filters:
        response = load_filter(name)
        passing = response.wavelength[response.response > RESPONSE_EDGE * response.response.max()]
        low, high = float(passing[0]), float(passing[-1])
        if low < max(wavelengths_a[0], LYMAN_ALPHA_A * (1 + redshift)) or high > wavelengths_a[-1]:
            magnitudes[name] = None
            continue
        # the tabulated response reaches further than the band (below 1% of its peak): zero flux there
        flux, wavelengths = response.pad_spectrum(flux_flam, wavelengths_a, method="zero")
        value = response.get_ab_magnitude(flux * u.erg / (u.s * u.cm**2 * u.Angstrom), wavelengths * u.Angstrom)
        magnitudes[name] = float(value)
    return magnitudes


# ------------------------------------------------------------------------------------------------ training


def train(
    train_path: Path,
    test_path: Path,
    out: Path = WEIGHTS_PATH,
    *,
    epochs: int = 1200,
    extra_train: tuple[Path, ...] = (),
    old_only: bool = False,
) -> dict[str, Any]:
    """Train the emulator on Bagpipes spectra, measure it on the held-out ones, save weights and metrics.

    ``extra_train`` files add spectra where the emulator needs more (long-dead populations), to the hypercube's.
    Two networks are trained: the main one on every spectrum, and one for long-dead populations on those with
    age/τ above OLD_TRAINED_ABOVE. With ``old_only``, the main network is kept from ``out`` and only the second one
    is trained (its half of the training time).
    """
    parts = [_inside_box(np.load(path)) for path in (train_path, *extra_train)]
    test_data = _inside_box(np.load(test_path))
    if not all(np.allclose(part["rest_wavelengths_a"], REST_WAVELENGTHS_A) for part in parts):
        raise ValueError("training spectra are on a different wavelength grid")
    train_data: dict[str, np.ndarray] = {
        "params": np.concatenate([part["params"] for part in parts]),
        "log10_luminosity": np.concatenate([part["log10_luminosity"] for part in parts]),
        # the hypercube's timing: extra files may be made on a loaded machine, so their times are no speed figure
        "sps_seconds_per_spectrum": parts[0]["sps_seconds_per_spectrum"],
    }
    started = time.perf_counter()
    network = {"n_pca": 64, "hidden": 384, "n_layers": 4, "epochs": epochs, "batch": 512}
    if old_only:
        with np.load(out, allow_pickle=False) as shipped:
            arrays: dict[str, Any] = {k: shipped[k] for k in shipped.files if not k.startswith(OLD_PREFIX)}
        shipped_metrics = json.loads(str(arrays["metrics_json"]))
        main_seconds = float(shipped_metrics.get("main_train_seconds", shipped_metrics["train_seconds"]))
    else:
        arrays = train_pca_mlp(
            network_inputs(train_data["params"]),
            train_data["log10_luminosity"],
            description="training spectra emulator",
            **network,
        )
        main_seconds = time.perf_counter() - started
    started = time.perf_counter()
    params = train_data["params"]
    old = age_over_tau(params) > OLD_TRAINED_ABOVE
    old_arrays = train_pca_mlp(
        old_network_inputs(params[old]),
        train_data["log10_luminosity"][old],
        description="training its network for long-dead populations",
        **network,
    )
    arrays.update({f"{OLD_PREFIX}{key}": value for key, value in old_arrays.items()})
    arrays["rest_wavelengths_a"] = REST_WAVELENGTHS_A
    metrics: dict[str, Any] = {
        "train_spectra": len(params),
        "old_train_spectra": int(old.sum()),
        "test_spectra": len(test_data["params"]),
        "main_train_seconds": main_seconds,
        "old_train_seconds": time.perf_counter() - started,
        "sps_seconds_per_spectrum": float(train_data["sps_seconds_per_spectrum"]),
    }
    arrays["metrics_json"] = np.array(json.dumps(metrics))
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
    metrics.update(measure(SpectraEmulator(out), test_data))
    arrays["metrics_json"] = np.array(json.dumps(metrics))
    np.savez_compressed(out, **arrays)
    return metrics


def _inside_box(data: Any) -> dict[str, np.ndarray]:
    """The spectra whose parameters are inside PARAM_RANGES (the hypercube of an older, wider box may reach out)."""
    arrays = {key: data[key] for key in data.files}
    params = arrays["params"]
    inside = np.all(
        [
            (params[:, i] >= PARAM_RANGES[n][0]) & (params[:, i] <= PARAM_RANGES[n][1])
            for i, n in enumerate(PARAM_NAMES)
        ],
        axis=0,
    )
    arrays["params"] = params[inside]
    arrays["log10_luminosity"] = arrays["log10_luminosity"][inside].astype(np.float64)
    return arrays


def measure(emulator: SpectraEmulator, test_data: dict[str, np.ndarray]) -> dict[str, Any]:
    """Errors on held-out SPS spectra: rest-frame, per wavelength, observed-frame (redshifted) and photometric."""
    predicted = 10 ** emulator.log10_luminosity(test_data["params"])
    truth = 10 ** test_data["log10_luminosity"]
    errors = np.abs(predicted / truth - 1)
    metrics: dict[str, Any] = {f"rest_{k}": v for k, v in relative_errors(predicted, truth).items()}
    metrics["per_wavelength_median"] = np.median(errors, axis=0).round(5).tolist()
    metrics["per_wavelength_p99"] = np.percentile(errors, 99, axis=0).round(5).tolist()
    dead_for = age_over_tau(test_data["params"])
    for name, low, high in (("le10", 0, 10), ("10to30", 10, 30), ("gt30", 30, np.inf)):  # star formation ended …
        rows = (dead_for > low) & (dead_for <= high)
        metrics[f"age_over_tau_{name}"] = {"spectra": int(rows.sum()), **relative_errors(predicted[rows], truth[rows])}
    if "observed_flux" in test_data:
        metrics.update(_observed_errors(emulator, test_data))
    return metrics


def _observed_errors(emulator: SpectraEmulator, test_data: dict[str, np.ndarray]) -> dict[str, Any]:
    """The redshifted emulator against Bagpipes' own observed-frame spectra, and SDSS/2MASS magnitudes of both."""
    from astropy.cosmology import FlatLambdaCDM

    from aeiou_agent.models.sps_spectra import BAGPIPES_H0, BAGPIPES_OMEGA_M

    cosmology = FlatLambdaCDM(H0=BAGPIPES_H0, Om0=BAGPIPES_OMEGA_M)
    filters = [*(f"sdss2010-{b}" for b in "ugriz"), *(f"twomass-{b}" for b in ("J", "H", "Ks"))]
    flux_errors: list[np.ndarray] = []
    magnitude_errors: list[float] = []
    for row, z, truth in zip(
        test_data["observed_params"], test_data["observed_redshifts"], test_data["observed_flux"], strict=True
    ):
        population = StellarPopulation(*row)
        distance = float(cosmology.luminosity_distance(z).value)
        wavelengths, flux = emulator.observed(
            population, redshift=z, log10_mass_msun=0.0, luminosity_distance_mpc=distance
        )
        flux_errors.append(np.abs(flux / truth - 1)[1:-1])  # the end pixels are half-covered when resampled
        ours = ab_magnitudes(wavelengths, flux, filters, redshift=z)
        theirs = ab_magnitudes(wavelengths, truth, filters, redshift=z)
        for band in filters:
            mine, reference = ours[band], theirs[band]
            if mine is not None and reference is not None:
                magnitude_errors.append(abs(mine - reference))
    flux_error = np.concatenate(flux_errors)
    return {
        "observed_spectra": len(flux_errors),
        "observed_median": float(np.median(flux_error)),
        "observed_p99": float(np.percentile(flux_error, 99)),
        "photometry_bands": len(magnitude_errors),
        "photometry_median_mag": float(np.median(magnitude_errors)),
        "photometry_p99_mag": float(np.percentile(magnitude_errors, 99)),
    }


def write_fixture(test_path: Path, out: Path, *, rest: int = 40, observed: int = 8) -> None:
    """The first held-out spectra, for the fast test (tests/data/sps_heldout.npz)."""
    test_data = np.load(test_path)
    np.savez_compressed(
        out,
        params=test_data["params"][:rest],
        log10_luminosity=test_data["log10_luminosity"][:rest],
        observed_params=test_data["observed_params"][:observed],
        observed_redshifts=test_data["observed_redshifts"][:observed],
        observed_flux=test_data["observed_flux"][:observed],
    )


def main() -> None:
    """Command line: train the shipped emulator from SPS spectra files."""
    parser = training_parser(__doc__, WEIGHTS_PATH, epochs=1200)
    parser.add_argument("--fixture", type=Path, help="also write the first held-out spectra here (the fast test's)")
    parser.add_argument("--extra-train", type=Path, nargs="*", default=[], help="more training spectra (.npz)")
    parser.add_argument(
        "--old-only", action="store_true", help="keep the main network of --out; train only the long-dead one"
    )
    args = parser.parse_args()
    if args.fixture:
        write_fixture(args.test, args.fixture)
    metrics = train(
        args.train,
        args.test,
        args.out,
        epochs=args.epochs,
        extra_train=tuple(args.extra_train),
        old_only=args.old_only,
    )
    print(json.dumps({k: v for k, v in metrics.items() if not k.startswith("per_wavelength")}, indent=2))


if __name__ == "__main__":
    main()
