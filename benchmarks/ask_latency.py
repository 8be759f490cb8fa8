"""Latency of Observatory.ask: the one-shot CLI from a cold process, cold start in-process, and warm p50/p95.

Baselines, measured in the same run: for the one-shot CLI, a bare Python interpreter start (the floor any
command pays); for warm asks, the bare tool call for the same question (registry.run with the arguments the
planner chose): the ratios show what AEIOU adds. Issue 13's targets: one-shot CLI ≤ 3 s on an idle 2-core
machine, warm p50 ≤ 30 ms.

    python benchmarks/ask_latency.py [--rounds 5] [--cli-runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

QUESTIONS = [
    "Where is M31?",
    "Which constellation is Vega in?",
    "What is the luminosity distance to z=0.5?",
    "how old was the universe at z = 3?",
    "How many stars brighter than magnitude 6 are within 2 degrees of Vega?",
    "convert 10 parsecs to light years",
    "What are the galactic coordinates of M51?",
    "How far apart are M31 and M33 on the sky?",
    "When does Saturn rise at Cerro Tololo on 2026-09-01?",
    "What is the phase of the Moon on 2026-12-24?",
    "Tell me about M87",
    "SELECT count(*) FROM hipparcos WHERE hpmag < 2",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def timed_command(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    return time.perf_counter() - start


def one_shot_cli(runs: int) -> None:
    """`aeiou ask` in a new process each time (the store built and the example embeddings cached already)."""
    question = "Where is M31?"
    timed_command([sys.executable, "-m", "aeiou_agent.cli", "ask", question])  # builds caches if this home is new
    cli = statistics.median(
        timed_command([sys.executable, "-m", "aeiou_agent.cli", "ask", question]) for _ in range(runs)
    )
    bare = statistics.median(timed_command([sys.executable, "-c", "pass"]) for _ in range(runs))
    print("one-shot CLI (new process per question)")
    print(f"  aeiou ask '{question}'  median {cli:5.2f} s   (target ≤ 3 s: {'met' if cli <= 3 else 'NOT met'})")
    print(f"  baseline: bare interpreter start {bare:5.2f} s   ratio {cli / bare:4.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cli-runs", type=int, default=3)
    parser.add_argument("--fresh-home", action="store_true", help="also time building the store in an empty home")
    args = parser.parse_args()
    one_shot_cli(args.cli_runs)

    t0 = time.perf_counter()
    from aeiou_agent import Observatory
    from aeiou_agent.registry import ToolContext

    t_import = time.perf_counter() - t0
    home = tempfile.mkdtemp(prefix="aeiou-bench-") if args.fresh_home else None
    t1 = time.perf_counter()
    obs = Observatory(home)
    _ = obs.store
    t_store = time.perf_counter() - t1
    t2 = time.perf_counter()
    obs.warm_up()
    t_model = time.perf_counter() - t2
    t3 = time.perf_counter()
    obs.ask("Where is M31?")
    t_first = time.perf_counter() - t3
    print("cold start")
    print(f"  import aeiou_agent        {t_import * 1e3:8.0f} ms")
    print(f"  open store{' (build)' if home else ''}          {t_store * 1e3:8.0f} ms")
    print(f"  load MiniLM + embed examples {t_model * 1e3:5.0f} ms")
    print(f"  first answer              {t_first * 1e3:8.0f} ms")
    print(f"  total                     {(t_import + t_store + t_model + t_first):8.1f} s")

    ask_ms: list[float] = []
    tool_ms: list[float] = []
    ctx = ToolContext(obs.settings, _store=obs.store)
    for _ in range(args.rounds):
        for question in QUESTIONS:
            start = time.perf_counter()
            answer = obs.ask(question)
            ask_ms.append((time.perf_counter() - start) * 1e3)
            for call in answer.calls:
                start = time.perf_counter()
                obs.registry.run(call.tool, call.args, ctx)
                tool_ms.append((time.perf_counter() - start) * 1e3)
    p50, p95 = statistics.median(ask_ms), percentile(ask_ms, 95)
    base = statistics.median(tool_ms)
    print(f"\nwarm, {len(ask_ms)} asks of {len(QUESTIONS)} single-tool questions")
    print(f"  ask p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   (target p50 ≤ 30 ms: {'met' if p50 <= 30 else 'NOT met'})")
    print(f"  baseline bare tool call p50 {base:6.1f} ms   ratio ask/tool {p50 / base:4.1f}×")


if __name__ == "__main__":
    main()
