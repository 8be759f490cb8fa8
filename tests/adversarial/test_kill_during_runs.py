"""kill -9 at random points in 50 runs: no acknowledged run lost, none left 'running', the ledger intact.

Each kill waits for 0-3 acknowledged answers first (so a slow machine still kills mid-conversation, not only during
start-up), then lands at a random moment.

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
import select
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


def _lines_after(child: subprocess.Popen[str], count: int, timeout_s: float = 60.0) -> list[str]:
    """The first ``count`` run ids the child acknowledges (each printed after its answer), waiting at most timeout_s."""
    assert child.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout_s
    while len(lines) < count and time.monotonic() < deadline:
        ready, _, _ = select.select([child.stdout], [], [], max(0.0, deadline - time.monotonic()))
        line = child.stdout.readline() if ready else ""
        if not line:
            break
        lines.append(line.strip())
    return lines


def test_runs_survive_kill_minus_nine(fresh_home: Path) -> None:
    built = Observatory(fresh_home)
    built.build()
    built.ask("Where is M31?")  # a first answer writes the planner's example-embedding cache that children read
    store_file = built.settings.store_path
    checksum = hashlib.sha256(store_file.read_bytes()).hexdigest()
    rng = random.Random(18)
    acknowledged: list[str] = []
    kills_after_answers = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(fresh_home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "AEIOU_HOME": str(fresh_home)},
        )
        answers_first = rng.choice([0, 1, 1, 2, 3])  # a fifth of the kills land during start-up, before any answer
        seen = _lines_after(child, answers_first)  # timed by the child's progress, not the machine's speed
        time.sleep(rng.uniform(0.05, 1.5))  # then at a random moment: in an import, a plan, a tool, a ledger write
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=60)
        acknowledged += seen + out.split()
        kills_after_answers += bool(seen)
    assert kills_after_answers >= KILLS // 2 and len(acknowledged) >= kills_after_answers  # after answers and before
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
