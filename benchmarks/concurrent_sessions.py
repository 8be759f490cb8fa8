"""Many users on one AEIOU_HOME: chat sessions in one process (as the web UI runs them), CLI processes and MCP clients.

Each simulated user asks where an object of its own is, then a follow-up about "it", then other questions, with a
pause between questions (a person reading the answer; --think-s, 0 for back-to-back load). Checked, not timed:
every answer comes back, no "database is locked", and each follow-up is about its own session's object (no
context leaks between sessions). Printed: p50/p95 latency per load, as a ratio to one user alone measured in the
same run (issue 18's figure: p95 ≤ 2× single-user), the CLI processes' outcome, and MCP clients calling tools at
once over streamable HTTP (``aeiou serve-mcp --http``) against one MCP client alone.

    python benchmarks/concurrent_sessions.py [--sessions 8 32] [--think-s 1.0] [--cli 4] [--mcp 8 32]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
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


MCP_CALLS = [
    ("cone_search", {"target": "M45", "radius_deg": 2, "mag_max": 6}),
    ("cosmology_calculator", {"z": 1, "quantity": "lookback_time"}),
    ("angular_separation", {"target_1": "Betelgeuse", "target_2": "Rigel"}),
    ("object_info", {"name": "M31"}),
]


def mcp_server() -> tuple[subprocess.Popen[str], int]:
    """``aeiou serve-mcp --http`` on a free loopback port, answering."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    script = Path(sys.executable).with_name("aeiou")
    process = subprocess.Popen(
        [str(script), "serve-mcp", "--http", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, port
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("the MCP HTTP server did not start") from None
            time.sleep(0.2)


def mcp_load(port: int, clients: int, think_s: float) -> tuple[list[float], list[str]]:
    """``clients`` MCP clients at once, each calling every tool of MCP_CALLS; per-call latencies and failures."""
    from mcp.client.client import Client

    latencies: list[float] = []
    problems: list[str] = []

    async def one(index: int) -> None:
        async with Client(f"http://127.0.0.1:{port}/mcp") as client:
            for tool, args in MCP_CALLS:
                started = time.perf_counter()
                try:
                    result = await client.call_tool(tool, args)
                    if result.is_error:
                        problems.append(f"mcp client {index}: {tool} → error")
                except Exception as exc:  # a benchmark reports every failure, of any kind
                    problems.append(f"mcp client {index}: {tool} → {type(exc).__name__}: {exc}")
                latencies.append(time.perf_counter() - started)
                await asyncio.sleep(think_s)

    async def run() -> None:
        await asyncio.gather(*(one(i) for i in range(clients)))

    asyncio.run(run())
    return latencies, problems


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--think-s", type=float, default=1.0)
    parser.add_argument("--cli", type=int, default=4)
    parser.add_argument("--mcp", type=int, nargs="*", default=[8, 32], help="MCP client counts (none: skip)")
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
    service_s = statistics.mean(alone)  # one user alone: the time an answer needs, nearly all of it CPU
    cores = os.cpu_count() or 1
    print(f"  1 session     p50 {base50 * 1000:7.1f} ms  p95 {base95 * 1000:7.1f} ms  (baseline)")
    for sessions in args.sessions:
        latencies, found = load(obs, sessions, args.think_s)
        problems += found
        p50, p95 = pct(latencies, 50), pct(latencies, 95)
        # offered load: each user asks once per (think + answer) time; ≥ 1 means the cores cannot keep up at all
        utilisation = sessions * service_s / ((args.think_s + service_s) * cores)
        print(
            f"  {sessions:2d} sessions   p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
            f"p95 ratio {p95 / base95:5.2f}× (target ≤ 2×: {'met' if p95 <= 2 * base95 else 'NOT met'})  "
            f"{len(latencies)} answers; offered load {utilisation:.2f} of {cores} cores"
            + ("  (over capacity: queues grow whatever the code does)" if utilisation >= 1 else "")
        )
    failures = cli_processes(args.cli) if args.cli else []
    print(f"  {args.cli} CLI processes at once: {args.cli - len(failures)} answered, {len(failures)} failed")
    if args.mcp:
        server, port = mcp_server()
        try:
            mcp_load(port, 1, 0)  # warm the server: its first call loads the store
            alone = []
            for _ in range(3):  # one client alone, three times, for a steadier baseline
                latencies, found = mcp_load(port, 1, args.think_s)
                alone += latencies
                problems += found
            mcp95 = pct(alone, 95)
            mcp_service_s = statistics.mean(alone)
            print(f"  MCP, 1 client  p50 {pct(alone, 50) * 1000:7.1f} ms  p95 {mcp95 * 1000:7.1f} ms  (baseline)")
            for clients in args.mcp:
                latencies, found = mcp_load(port, clients, args.think_s)
                problems += found
                p95 = pct(latencies, 95)
                # clients starting together: the last of a burst waits for the others' work, clients/cores calls
                burst = clients * mcp_service_s / cores
                print(
                    f"  MCP, {clients:2d} clients p50 {pct(latencies, 50) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
                    f"p95 ratio {p95 / mcp95:5.2f}× (target ≤ 2×: {'met' if p95 <= 2 * mcp95 else 'NOT met'})  "
                    f"{len(latencies)} calls; a burst of {clients} on {cores} cores needs ≥ {burst * 1000:.0f} ms "
                    f"({burst / mcp95:.1f}× the baseline p95) for its last call"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    for line in [*problems, *failures][:20]:
        print("  problem:", line)
    print(f"problems: {len(problems) + len(failures)}")


if __name__ == "__main__":
    main()
