"""A PCA + neural-network emulator of CAMB's matter power spectrum (the CosmoPower design, arXiv:2106.03846).

The target is log10 P(k) - 2 log10 sigma8 on a fixed k grid (sigma8 sets the linear amplitude exactly, so
the network only learns shapes and growth); PCA compresses the standardised target to a few components
and a small MLP maps the six parameters (Omega_m, Omega_b, h, n_s, sigma8, z) to them. Training uses torch;
the shipped weights are a NumPy file evaluated with NumPy alone, so answering needs no torch import.

Reproduce the shipped weights::

    python -m aeiou_agent.models.camb_spectra build/pk/test.npz --n 100 --seed 2
    python -m aeiou_agent.models.camb_spectra build/pk/train.npz --n 900 --seed 1
    python -m aeiou_agent.models.pk_emulator build/pk/train.npz build/pk/test.npz
"""

from __future__ import annotations

import json
import time
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np

from aeiou_agent.models import training_parser
from aeiou_agent.models.camb_spectra import K_GRID_H_MPC, PARAM_NAMES, PARAM_RANGES
from aeiou_agent.models.pca_mlp import PcaMlp, check_box, load_weights, relative_errors, train_pca_mlp

WEIGHTS_DIR = Path(__file__).parent / "weights"
WEIGHTS_PATH = WEIGHTS_DIR / "pk_emulator.npz"
Kind = Literal["linear", "nonlinear"]
_LOW = np.array([PARAM_RANGES[p][0] for p in PARAM_NAMES])
_HIGH = np.array([PARAM_RANGES[p][1] for p in PARAM_NAMES])


class OutsideEmulatorRange(ValueError):
    """Parameters outside the box the emulator was trained on (use CAMB instead)."""


class PowerSpectrumEmulator:
    """Linear and halofit P(k, z) in (Mpc/h)^3 on :data:`K_GRID_H_MPC`, from the shipped weights."""

    def __init__(self, path: Path = WEIGHTS_PATH):
        arrays, self.sha256, self.metrics = load_weights(path, __name__)
        self.path = path
        self.k_h_mpc = arrays["k_h_mpc"]
        self._networks = {kind: PcaMlp.from_arrays(arrays, f"{kind}_") for kind in ("linear", "nonlinear")}

    def predict(self, params: np.ndarray, kind: Kind = "linear") -> np.ndarray:
        """P(k) for rows of (Omega_m, Omega_b, h, n_s, sigma8, z); shape (n, len(k))."""
        params = np.atleast_2d(np.asarray(params, dtype=float))
        check_box(params, PARAM_NAMES, PARAM_RANGES, OutsideEmulatorRange)
        unit = (params - _LOW) / (_HIGH - _LOW)
        log_shape = self._networks[kind](unit)
        return 10.0 ** (log_shape + 2 * np.log10(params[:, 4:5]))


@cache
def load_emulator() -> PowerSpectrumEmulator:
    """The shipped emulator, loaded once per process."""
    return PowerSpectrumEmulator()


# ------------------------------------------------------------------------------------------------ training


def _targets(params: np.ndarray, spectra: np.ndarray) -> np.ndarray:
    return np.log10(spectra) - 2 * np.log10(params[:, 4:5])


def train_network(params: np.ndarray, spectra: np.ndarray, *, epochs: int = 3000) -> dict[str, np.ndarray]:
    """Fit PCA (24 components) and an MLP to (params, spectra); returns the arrays one emulator needs."""
    return train_pca_mlp((params - _LOW) / (_HIGH - _LOW), _targets(params, spectra), n_pca=24, epochs=epochs)


def train(train_path: Path, test_path: Path, out: Path = WEIGHTS_PATH, *, epochs: int = 3000) -> dict[str, float]:
    """Train the linear and non-linear emulators, measure them on the test set, save weights and metrics."""
    train_data, test_data = np.load(train_path), np.load(test_path)
    if not np.allclose(train_data["k_h_mpc"], K_GRID_H_MPC):
        raise ValueError("training spectra are on a different k grid")
    started = time.perf_counter()
    arrays: dict[str, np.ndarray] = {"k_h_mpc": K_GRID_H_MPC}
    for kind in ("linear", "nonlinear"):
        network = train_network(train_data["params"], train_data[kind], epochs=epochs)
        arrays.update({f"{kind}_{key}": value for key, value in network.items()})
    metrics: dict[str, float] = {
        "train_spectra": float(len(train_data["params"])),
        "test_spectra": float(len(test_data["params"])),
        "train_seconds": time.perf_counter() - started,
        "camb_seconds_per_cosmology": float(train_data["camb_seconds_per_cosmology"]),
    }
    arrays["metrics_json"] = np.array(json.dumps(metrics))
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    emulator = PowerSpectrumEmulator(out)
    for kind in ("linear", "nonlinear"):
        predicted = emulator.predict(test_data["params"], kind)  # type: ignore[arg-type]
        for name, value in relative_errors(predicted, test_data[kind]).items():
            metrics[f"{kind}_{name}"] = value
    arrays["metrics_json"] = np.array(json.dumps(metrics))
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    return metrics


def main() -> None:
    """Command line: train the shipped emulator from CAMB spectra files."""
    parser = training_parser(__doc__, WEIGHTS_PATH, epochs=3000)
    args = parser.parse_args()
    metrics = train(args.train, args.test, args.out, epochs=args.epochs)
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
