"""Generative models, simulators and emulators: torch/numpy modules, training entry points, shipped weights."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aeiou_agent.answer import Citation


def model_citation(name: str, title: str, sha256: str, quality: str) -> Citation:
    """How an answer cites one of AEIOU's own models: its card, its measured quality and its weights' hash."""
    return Citation(
        id=f"model:{name}",
        kind="software",
        title=f"{title} (model card aeiou_agent/models/weights/{name}.md)",
        reference=quality,
        version=f"weights sha256 {sha256[:12]}",
    )


def load_torch_checkpoint(path: Path, build: Callable[[], Any], trainer: str) -> tuple[Any, dict[str, Any], str]:
    """(model in eval mode, its stored metrics, the file's sha256) from a ``{"state", "metrics"}`` checkpoint.

    ``trainer`` names the module whose command line retrains the weights, for the error when they are missing.
    """
    import torch

    if not path.exists():
        raise FileNotFoundError(f"model weights {path} are missing; `python -m {trainer}` trains them")
    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    model = build()
    model.load_state_dict(checkpoint["state"])
    model.eval()
    return model, json.loads(checkpoint["metrics"]), hashlib.sha256(path.read_bytes()).hexdigest()


def save_torch_checkpoint(path: Path, state: dict[str, Any], metrics: dict[str, Any]) -> None:
    """Write the ``{"state", "metrics"}`` checkpoint :func:`load_torch_checkpoint` reads (metrics as JSON)."""
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"state": state, "metrics": json.dumps(metrics)}, path)


def save_npz_atomically(path: Path, arrays: dict[str, Any]) -> None:
    """Write an .npz so that a reader never sees half of it (two processes may build the same cache)."""
    import numpy as np

    partial = path.with_name(f"{path.stem}.{os.getpid()}.partial.npz")
    np.savez(partial, **arrays)
    os.replace(partial, path)


def training_parser(doc: str, weights: Path, epochs: int) -> argparse.ArgumentParser:
    """The command line every training module shares: TRAIN and TEST data files, --out weights, --epochs."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("train", type=Path, help="training data (.npz)")
    parser.add_argument("test", type=Path, help="held-out data (.npz) the quality is measured on")
    parser.add_argument("--out", type=Path, default=weights, help="weights file to write")
    parser.add_argument("--epochs", type=int, default=epochs)
    return parser
