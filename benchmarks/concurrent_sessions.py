"""Many users on one AEIOU_HOME: chat sessions in one process (as the web UI runs them) and CLI processes at once.

Each simulated user asks where an object of its own is, then a follow-up about "it", then other questions, with a
pause between questions (a person reading the answer; --think-s, 0 for back-to-back load). Checked, not timed:
every answer comes back, no "database is locked", and each follow-up is about its own session's object (no
context leaks between sessions). Printed: p50/p95 latency per load, as a ratio to one user alone measured in the
same run (issue 18's figure: p95 ≤ 2× single-user), and the CLI processes' outcome.

    python benchmarks/concurrent_sessions.py [--sessions 8 32] [--think-s 1.0] [--cli 4]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from aeiou_agent import Observatory

OBJECTS = [("M31", "Andromeda"), ("Vega", "Lyra"), ("M42", "Orion"), ("Deneb", "Cygnus"), ("M13", "Hercules")]
OTHERS = [
    "How old was the universe at z = 3?",
    "How many stars brighter than magnitude 6 are within 2 degrees of Vega?",
    "convert 10 parsecs to light years",
    "When does Saturn rise at Cerro Tololo on 2026-09-01?",
]


def user(obs: Observatory, index: int, think_s: float, latencies: list[float], problems: list[str]) -> None:
    """One person's conversation: an object of their own, a follow-up about it, then other questions."""
    name, constellation = OBJECTS[index % len(OBJECTS)]
    chat = obs.chat()
    for question in [f"Where is {name}?", "which constellation is it in?", *OTHERS]:
        started = time.perf_counter()
        answer = chat.ask(question)
        latencies.append(time.perf_counter() - started)
        if answer.status != "answered":
            problems.append(f"user {index}: {question!r} → {answer.status}: {answer.text[:80]}")
        if question.startswith("which constellation") and constellation not in answer.text:
            problems.append(f"user {index}: follow-up about {name} answered {answer.text[:80]!r} (context leak?)")
        time.sleep(think_s)


def load(obs: Observatory, sessions: int, think_s: float) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    problems: list[str] = []
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        for i in range(sessions):
            pool.submit(user, obs, i, think_s, latencies, problems)
    return latencies, problems


def cli_processes(count: int) -> list[str]:
    """``count`` one-shot CLI processes at once on the same home; their failures."""
    script = Path(sys.executable).with_name("aeiou")
    procs = [
        subprocess.Popen(
            [str(script), "ask", OTHERS[i % len(OTHERS)]], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for i in range(count)
    ]
    failures = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        if proc.returncode != 0 or "locked" in (out + err).lower():
            failures.append(f"exit {proc.returncode}: {(err or out)[-200:]}")
    return failures


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--think-s", type=float, default=1.0)
    parser.add_argument("--cli", type=int, default=4)
    args = parser.parse_args()
    obs = Observatory()
    obs.warm_up()
    obs.ask("Where is M31?")
    print(f"AEIOU_HOME={obs.settings.home}, {os.cpu_count()} cores, think time {args.think_s} s between questions")
    alone: list[float] = []
    problems: list[str] = []
    for _ in range(3):  # one user alone, three conversations for a steadier baseline
        latencies, found = load(obs, 1, args.think_s)
        alone += latencies
        problems += found
    base50, base95 = pct(alone, 50), pct(alone, 95)
    print(f"  1 session     p50 {base50 * 1000:7.1f} ms  p95 {base95 * 1000:7.1f} ms  (baseline)")
    for sessions in args.sessions:
        latencies, found = load(obs, sessions, args.think_s)
        problems += found
        p50, p95 = pct(latencies, 50), pct(latencies, 95)
        print(
            f"  {sessions:2d} sessions   p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
            f"p95 ratio {p95 / base95:5.2f}× (target ≤ 2×: {'met' if p95 <= 2 * base95 else 'NOT met'})  "
            f"{len(latencies)} answers"
        )
    failures = cli_processes(args.cli) if args.cli else []
    print(f"  {args.cli} CLI processes at once: {args.cli - len(failures)} answered, {len(failures)} failed")
    for line in [*problems, *failures][:20]:
        print("  problem:", line)
    print(f"problems: {len(problems) + len(failures)}")


if __name__ == "__main__":
    main()
