"""kill -9 at random points in 50 runs: no acknowledged run lost, none left 'running', the ledger intact.

Issue 18's standing suite (faults part). A child process asks questions in a loop and prints each run id only after
``ask`` returned (an acknowledged answer); the parent kills it with SIGKILL at a random moment, 50 times, reopening
the same AEIOU_HOME each time. Afterwards every acknowledged run is in the ledger as finished, no run is left
'running' (runs of killed processes are marked 'interrupted' when the ledger opens), and SQLite's integrity check
passes for the ledger; the catalog store's file is unchanged.

    make test-adversarial
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aeiou_agent import Observatory
from aeiou_agent.ledger import Ledger

pytestmark = pytest.mark.adversarial

KILLS = 50
CHILD = """
import sys
from aeiou_agent import Observatory
obs = Observatory(sys.argv[1])
questions = ["Where is M31?", "How far away is Vega?", "age of the universe at z=2", "stars within 3 deg of Sirius",
             "When does Saturn rise at Paranal on 2026-09-01?", "draw 2 galaxies with Sersic index 4"]
for i in range(10_000):
    answer = obs.ask(questions[i % len(questions)])
    print(answer.run_id, flush=True)
"""


def test_runs_survive_kill_minus_nine(fresh_home: Path) -> None:
    built = Observatory(fresh_home)
    built.build()
    built.ask("Where is M31?")  # a first answer writes the planner's example-embedding cache that children read
    store_file = built.settings.store_path
    checksum = hashlib.sha256(store_file.read_bytes()).hexdigest()
    rng = random.Random(18)
    acknowledged: list[str] = []
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(fresh_home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "AEIOU_HOME": str(fresh_home)},
        )
        time.sleep(rng.uniform(0.2, 4.0))  # from import time to several answers in
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=60)
        acknowledged += out.split()
    assert len(acknowledged) >= KILLS  # the kills landed after answers as well as before
    ledger = Ledger(fresh_home / "ledger.sqlite")  # opening it marks the killed processes' runs
    runs = {row["id"]: row["status"] for row in ledger._db.execute("SELECT id, status FROM runs")}
    lost = [run_id for run_id in acknowledged if runs.get(run_id) in {None, "running", "interrupted"}]
    assert not lost, lost[:5]
    assert "running" not in runs.values()
    interrupted = sum(status == "interrupted" for status in runs.values())
    print(f"{KILLS} kills: {len(acknowledged)} acknowledged runs all finished, {interrupted} marked interrupted")
    assert ledger._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ledger.close()
    assert hashlib.sha256(store_file.read_bytes()).hexdigest() == checksum  # readers never change the catalogs
    obs = Observatory(fresh_home)
    assert obs.ask("Where is M31?").status == "answered"  # the home still works
