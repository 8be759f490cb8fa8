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

import hashlib
import itertools
import json
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np

from aeiou_agent.models import training_parser
from aeiou_agent.models.camb_spectra import K_GRID_H_MPC, PARAM_NAMES, PARAM_RANGES

WEIGHTS_DIR = Path(__file__).parent / "weights"
WEIGHTS_PATH = WEIGHTS_DIR / "pk_emulator.npz"
Kind = Literal["linear", "nonlinear"]
_LOW = np.array([PARAM_RANGES[p][0] for p in PARAM_NAMES])
_HIGH = np.array([PARAM_RANGES[p][1] for p in PARAM_NAMES])


class OutsideEmulatorRange(ValueError):
    """Parameters outside the box the emulator was trained on (use CAMB instead)."""


@dataclass(frozen=True)
class _Network:
    """One emulator (linear or non-linear): normalisation, PCA basis and MLP weights."""

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    target_mean: np.ndarray
    target_std: np.ndarray
    pca_components: np.ndarray  # (n_pca, n_k)
    pca_mean: np.ndarray
    pca_scale: np.ndarray

    def __call__(self, unit_params: np.ndarray) -> np.ndarray:
        hidden = unit_params
        for weight, bias in zip(self.weights[:-1], self.biases[:-1], strict=True):
            hidden = hidden @ weight + bias
            hidden = hidden / (1.0 + np.exp(-hidden))  # SiLU
        coefficients = (hidden @ self.weights[-1] + self.biases[-1]) * self.pca_scale + self.pca_mean
        standardised = coefficients @ self.pca_components
        return standardised * self.target_std + self.target_mean


class PowerSpectrumEmulator:
    """Linear and halofit P(k, z) in (Mpc/h)^3 on :data:`K_GRID_H_MPC`, from the shipped weights."""

    def __init__(self, path: Path = WEIGHTS_PATH):
        if not path.exists():
            raise FileNotFoundError(f"emulator weights {path} are missing; see {__name__} to train them")
        with np.load(path, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
        self.path = path
        self.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        self.k_h_mpc = arrays["k_h_mpc"]
        self.metrics: dict[str, float] = json.loads(str(arrays["metrics_json"]))
        self._networks = {kind: _network(arrays, kind) for kind in ("linear", "nonlinear")}

    def predict(self, params: np.ndarray, kind: Kind = "linear") -> np.ndarray:
        """P(k) for rows of (Omega_m, Omega_b, h, n_s, sigma8, z); shape (n, len(k))."""
        params = np.atleast_2d(np.asarray(params, dtype=float))
        check_range(params)
        unit = (params - _LOW) / (_HIGH - _LOW)
        log_shape = self._networks[kind](unit)
        return 10.0 ** (log_shape + 2 * np.log10(params[:, 4:5]))


def check_range(params: np.ndarray) -> None:
    """Raise OutsideEmulatorRange naming the first parameter outside the training box."""
    for column, name in enumerate(PARAM_NAMES):
        low, high = PARAM_RANGES[name]
        values = params[:, column]
        if np.any((values < low) | (values > high)):
            bad = values[(values < low) | (values > high)][0]
            raise OutsideEmulatorRange(f"{name} = {bad:g} is outside the emulator's range {low:g}–{high:g}")


def _network(arrays: dict[str, np.ndarray], kind: str) -> _Network:
    layers = int(arrays[f"{kind}_layers"])
    return _Network(
        weights=tuple(arrays[f"{kind}_w{i}"].astype(np.float64) for i in range(layers)),
        biases=tuple(arrays[f"{kind}_b{i}"].astype(np.float64) for i in range(layers)),
        target_mean=arrays[f"{kind}_target_mean"],
        target_std=arrays[f"{kind}_target_std"],
        pca_components=arrays[f"{kind}_pca_components"].astype(np.float64),
        pca_mean=arrays[f"{kind}_pca_mean"],
        pca_scale=arrays[f"{kind}_pca_scale"],
    )


@cache
def load_emulator() -> PowerSpectrumEmulator:
    """The shipped emulator, loaded once per process."""
    return PowerSpectrumEmulator()


# ------------------------------------------------------------------------------------------------ training


def relative_errors(predicted: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    """Median, 99th percentile and maximum of |P_emu / P_camb - 1| over every spectrum and k."""
    errors = np.abs(predicted / truth - 1.0)
    return {
        "median": float(np.median(errors)),
        "p99": float(np.percentile(errors, 99)),
        "max": float(errors.max()),
        "p99_of_worst_k_per_spectrum": float(np.percentile(errors.max(axis=1), 99)),
    }


def _targets(params: np.ndarray, spectra: np.ndarray) -> np.ndarray:
    return np.log10(spectra) - 2 * np.log10(params[:, 4:5])


def train_network(
    params: np.ndarray,
    spectra: np.ndarray,
    *,
    n_pca: int = 24,
    hidden: int = 256,
    n_layers: int = 4,
    epochs: int = 3000,
    seed: int = 0,
    validation: tuple[np.ndarray, np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Fit PCA and an MLP to (params, spectra); returns the arrays one emulator needs."""
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    torch.set_num_threads(1)  # small matrices: one thread is as fast, and the run is reproducible
    targets = _targets(params, spectra)
    target_mean, target_std = targets.mean(axis=0), targets.std(axis=0)
    standardised = (targets - target_mean) / target_std
    _u, _s, vt = np.linalg.svd(standardised - standardised.mean(axis=0), full_matrices=False)
    components = vt[:n_pca]
    coefficients = standardised @ components.T
    pca_mean, pca_scale = coefficients.mean(axis=0), coefficients.std(axis=0)
    x = torch.tensor((params - _LOW) / (_HIGH - _LOW), dtype=torch.float32)
    y = torch.tensor(standardised, dtype=torch.float32)
    basis = torch.tensor(components, dtype=torch.float32)
    mean_t, scale_t = torch.tensor(pca_mean, dtype=torch.float32), torch.tensor(pca_scale, dtype=torch.float32)
    sizes = [x.shape[1], *[hidden] * (n_layers - 1), n_pca]
    layers: list[torch.nn.Module] = []
    for i, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
        layers.append(torch.nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(torch.nn.SiLU())
    model = torch.nn.Sequential(*layers)
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=2e-3, total_steps=epochs)
    batch = 256
    generator = torch.Generator().manual_seed(seed)
    scale_per_k = torch.tensor(target_std, dtype=torch.float32)
    progress = tqdm(range(epochs), desc="training emulator", unit="epoch")
    for _epoch in progress:
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), batch):
            index = order[start : start + batch]
            predicted = ((model(x[index]) * scale_t + mean_t) @ basis) * scale_per_k
            loss = torch.mean(((predicted - y[index] * scale_per_k) * np.log(10)) ** 2)  # ≈ (ΔP/P)^2
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        schedule.step()
        if _epoch % 100 == 0:
            progress.set_postfix(rms_rel=f"{float(loss.detach()) ** 0.5:.2e}")
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    arrays = {
        "layers": np.array(len(linears)),
        "target_mean": target_mean,
        "target_std": target_std,
        "pca_components": components.astype(np.float32),
        "pca_mean": pca_mean,
        "pca_scale": pca_scale,
    }
    for i, linear in enumerate(linears):
        arrays[f"w{i}"] = linear.weight.detach().numpy().T.astype(np.float32)
        arrays[f"b{i}"] = linear.bias.detach().numpy().astype(np.float32)
    return arrays


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
