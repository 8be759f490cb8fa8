"""Remote archives against the local fake server (tests/fake_archives.py): what AEIOU's archive layer costs.

Prints, in one process, the median time of
- a bare HTTP POST of the same TAP request (requests, no parsing): the baseline a live call cannot beat;
- the same request through ``Archive.tap`` with the cache bypassed (deadline thread, retries wrapper, VOTable
  parsing, cache write): its overhead over the bare POST;
- the same request answered from the cache;
- ``simbad_object`` asked live (refresh) and the replay of that run from the cache;
and the ratios. Nothing here touches the network beyond 127.0.0.1.

    python benchmarks/remote.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from fake_archives import FakeArchiveServer

from aeiou_agent import Observatory
from aeiou_agent.archives import Archive

QUERY = (
    "SELECT TOP 1 basic.oid, basic.main_id, basic.ra, basic.dec FROM basic JOIN ident ON ident.oidref = basic.oid "
    "WHERE ident.id = 'HD 209458'"
)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    repeat = parser.parse_args().repeat
    import requests

    with FakeArchiveServer() as server, tempfile.TemporaryDirectory() as home:
        obs = Observatory(Path(home), online=True, archive_urls=server.urls())
        refreshing = Observatory(Path(home), online=True, archive_urls=server.urls(), archive_refresh=True)
        archive = Archive(obs.settings, "simbad")
        form = {"REQUEST": "doQuery", "LANG": "ADQL", "FORMAT": "votable", "MAXREC": "1", "QUERY": QUERY}
        url = server.url("simbad") + "/sync"
        archive.tap(QUERY, max_rows=1)  # warm: imports, connection, cache entry
        bare = median_ms(lambda: requests.post(url, data=form, timeout=10).content, repeat)
        through = median_ms(lambda: archive.tap(QUERY, max_rows=1, refresh=True), repeat)
        cached = median_ms(lambda: archive.tap(QUERY, max_rows=1), repeat)
        run = obs.call_tool("simbad_object", {"name": "HD 209458"})
        live = median_ms(lambda: refreshing.call_tool("simbad_object", {"name": "HD 209458"}), max(5, repeat // 3))
        replay = median_ms(lambda: obs.replay(run.run_id), max(5, repeat // 3))
    print(f"{'step':<46} {'median ms':>10}")
    print(f"{'bare HTTP POST (baseline)':<46} {bare:>10.2f}")
    print(f"{'Archive.tap, cache bypassed':<46} {through:>10.2f}   {through / bare:.2f}x the bare POST")
    print(f"{'Archive.tap, from the cache':<46} {cached:>10.2f}   {cached / through:.2f}x a fetched call")
    print(f"{'simbad_object, asked live (2 TAP queries)':<46} {live:>10.2f}")
    print(f"{'replay of that run, from the cache':<46} {replay:>10.2f}   {replay / live:.2f}x the live call")


if __name__ == "__main__":
    main()
