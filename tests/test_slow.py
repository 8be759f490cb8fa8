"""Slow tier: a cold start on an empty AEIOU_HOME, as on a fresh machine (build with progress, model load, answer)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_cold_start_builds_store_and_answers(tmp_path: Path):
    script = Path(sys.executable).with_name("aeiou")
    env = {**os.environ, "AEIOU_HOME": str(tmp_path / "home"), "COLUMNS": "200"}
    result = subprocess.run(
        [
            str(script),
            "ask",
            "How many Hipparcos stars brighter than magnitude 5 lie within 5 degrees of the Pleiades?",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "building observatory store" in result.stderr
    assert "There are 7 Hipparcos stars" in result.stdout
    assert (tmp_path / "home" / "store" / "cards" / "hipparcos.json").exists()
    replay = subprocess.run([str(script), "replay", "last"], capture_output=True, text=True, timeout=600, env=env)
    assert replay.returncode == 0 and "identical" in replay.stdout
