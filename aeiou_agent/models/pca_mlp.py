"""The PCA + neural-network emulator shared by the P(k) and galaxy-spectra emulators (CosmoPower, SPECULATOR).

A target vector (log10 P(k), log10 L_λ) is standardised per element, compressed by PCA to a few components, and
a small MLP maps parameters scaled to the unit box to those components. Training uses torch; the weights are
plain arrays evaluated with NumPy alone, so answering needs no torch import.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


def load_weights(path: Path, trainer: str) -> tuple[dict[str, np.ndarray], str, dict[str, Any]]:
    """(arrays, sha256, metrics) of an emulator's ``.npz`` weights; ``trainer`` names the module that retrains them."""
    if not path.exists():
        raise FileNotFoundError(f"emulator weights {path} are missing; `python -m {trainer}` trains them")
    with np.load(path, allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    return arrays, hashlib.sha256(path.read_bytes()).hexdigest(), json.loads(str(arrays["metrics_json"]))


def check_box(
    params: np.ndarray,
    names: Sequence[str],
    ranges: Mapping[str, tuple[float, float]],
    error: type[ValueError],
) -> None:
    """Raise ``error`` naming the first parameter (a column of ``params``) outside the training box."""
    for column, name in enumerate(names):
        low, high = ranges[name]
        values = params[:, column]
        bad = values[(values < low) | (values > high)]
        if len(bad):
            raise error(f"{name} = {bad[0]:g} is outside the emulator's range {low:g}–{high:g}")


@dataclass(frozen=True)
class PcaMlp:
    """One trained emulator: normalisation, PCA basis and MLP weights (SiLU between layers)."""

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    target_mean: np.ndarray
    target_std: np.ndarray
    pca_components: np.ndarray  # (n_pca, n_target)
    pca_mean: np.ndarray
    pca_scale: np.ndarray

    def __call__(self, unit_params: np.ndarray) -> np.ndarray:
        """Targets for rows of parameters scaled to the unit box."""
        hidden = unit_params
        for weight, bias in zip(self.weights[:-1], self.biases[:-1], strict=True):
            hidden = hidden @ weight + bias
            hidden = hidden / (1.0 + np.exp(-hidden))  # SiLU
        coefficients = (hidden @ self.weights[-1] + self.biases[-1]) * self.pca_scale + self.pca_mean
        standardised = coefficients @ self.pca_components
        return standardised * self.target_std + self.target_mean

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str = "") -> PcaMlp:
        """Read the arrays :func:`train_pca_mlp` returned (each key after ``prefix``) from a weights file."""
        layers = int(arrays[f"{prefix}layers"])
        return cls(
            weights=tuple(arrays[f"{prefix}w{i}"].astype(np.float64) for i in range(layers)),
            biases=tuple(arrays[f"{prefix}b{i}"].astype(np.float64) for i in range(layers)),
            target_mean=arrays[f"{prefix}target_mean"],
            target_std=arrays[f"{prefix}target_std"],
            pca_components=arrays[f"{prefix}pca_components"].astype(np.float64),
            pca_mean=arrays[f"{prefix}pca_mean"],
            pca_scale=arrays[f"{prefix}pca_scale"],
        )


def train_pca_mlp(
    unit_params: np.ndarray,
    targets: np.ndarray,
    *,
    n_pca: int = 24,
    hidden: int = 256,
    n_layers: int = 4,
    epochs: int = 3000,
    seed: int = 0,
    batch: int = 256,
    learning_rate: float = 2e-3,
    description: str = "training emulator",
) -> dict[str, np.ndarray]:
    """Fit PCA and an MLP to (parameters in the unit box, log10 targets); returns the arrays of a :class:`PcaMlp`.

    The loss is the mean squared error of the targets times ln 10: for log10 targets, about (ΔX/X)².
    """
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    torch.set_num_threads(1)  # small matrices: one thread is as fast, and the run is reproducible
    target_mean, target_std = targets.mean(axis=0), targets.std(axis=0)
    standardised = (targets - target_mean) / target_std
    _u, _s, vt = np.linalg.svd(standardised - standardised.mean(axis=0), full_matrices=False)
    components = vt[:n_pca]
    coefficients = standardised @ components.T
    pca_mean, pca_scale = coefficients.mean(axis=0), coefficients.std(axis=0)
    x = torch.tensor(unit_params, dtype=torch.float32)
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
    optimiser = torch.optim.Adam(model.parameters(), lr=learning_rate)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=learning_rate, total_steps=epochs)
    generator = torch.Generator().manual_seed(seed)
    scale_per_target = torch.tensor(target_std, dtype=torch.float32)
    progress = tqdm(range(epochs), desc=description, unit="epoch")
    for _epoch in progress:
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), batch):
            index = order[start : start + batch]
            predicted = ((model(x[index]) * scale_t + mean_t) @ basis) * scale_per_target
            loss = torch.mean(((predicted - y[index] * scale_per_target) * np.log(10)) ** 2)
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


def relative_errors(predicted: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    """Median, 99th percentile and maximum of |predicted / truth − 1| over every row and element."""
    errors = np.abs(predicted / truth - 1.0)
    return {
        "median": float(np.median(errors)),
        "p99": float(np.percentile(errors, 99)),
        "max": float(errors.max()),
        "p99_of_worst_k_per_spectrum": float(np.percentile(errors.max(axis=1), 99)),
    }
