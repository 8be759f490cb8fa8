"""Slow tier: the training pipelines run end to end (on small data) and produce weights the tools can load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.slow


def test_camb_data_and_emulator_training_pipeline(tmp_path: Path):
    from aeiou_agent.models.camb_spectra import generate
    from aeiou_agent.models.pk_emulator import PowerSpectrumEmulator, train

    generate(tmp_path / "train.npz", n=12, seed=5, redshifts_per_cosmology=2)
    generate(tmp_path / "test.npz", n=3, seed=6, redshifts_per_cosmology=2)
    with np.load(tmp_path / "train.npz") as data:
        assert data["params"].shape == (24, 6) and data["linear"].shape == (24, 200)
        assert np.all(data["nonlinear"][:, -1] > data["linear"][:, -1]), "halofit adds small-scale power"
    metrics = train(tmp_path / "train.npz", tmp_path / "test.npz", tmp_path / "emulator.npz", epochs=20)
    assert metrics["train_spectra"] == 24 and metrics["test_spectra"] == 6
    emulator = PowerSpectrumEmulator(tmp_path / "emulator.npz")
    assert emulator.predict(np.array([[0.3, 0.05, 0.7, 0.96, 0.8, 0.5]])).shape == (1, 200)
    assert emulator.metrics["linear_median"] == metrics["linear_median"]
