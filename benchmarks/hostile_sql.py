"""Time and memory of hostile SQL (issue 18): each statement answered within its time limit + 1 s, peak ≤ 2 GB.

Runs every statement of tests/adversarial/hostile_sql_corpus.py through the sql_query tool, as a user would, and
prints the slowest against the time limit, how many overran limit + 1 s, and the peak memory of this process and
of the processes that ran the SQL. The baseline is a plain count over the Hipparcos table in the same process.

    python benchmarks/hostile_sql.py
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "adversarial"))

from hostile_sql_corpus import STATEMENTS

from aeiou_agent import Observatory
from aeiou_agent.store import Store


def main() -> None:
    obs = Observatory()
    limit_s = obs.settings.sql_timeout_ms / 1000
    start = time.perf_counter()
    obs.call_tool("sql_query", {"query": "SELECT count(*) FROM hipparcos"})
    baseline_s = time.perf_counter() - start
    timings: list[tuple[float, str, str]] = []
    for statement in STATEMENTS:
        start = time.perf_counter()
        run = obs.call_tool("sql_query", {"query": statement, "max_rows": 10_000})
        timings.append((time.perf_counter() - start, run.call.error_type or "rows", statement))
    Store.close_all()  # the SQL process is waited for, so its peak counts among the children
    worst = max(timings)
    over = [t for t in timings if t[0] > limit_s + 1]
    print(f"{len(STATEMENTS)} hostile statements; outcomes: {dict(Counter(t[1] for t in timings))}")
    print(f"baseline (count over hipparcos): {baseline_s * 1000:.1f} ms")
    print(f"slowest: {worst[0]:.2f} s = {worst[0] / limit_s:.2f} x the {limit_s:g} s limit ({worst[2][:70]!r})")
    print(f"over limit + 1 s: {len(over)}")
    print(f"total: {sum(t[0] for t in timings):.1f} s = {sum(t[0] for t in timings) / baseline_s:.0f} x baseline")
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {self_mb:.0f} MB, SQL processes {children_mb:.0f} MB")


if __name__ == "__main__":
    main()
