"""The knowledge store on a Chroma server (issue 15): AEIOU_CHROMA, shared by processes that ingest at once.

A real server (`chroma run`, from the chromadb package) on 127.0.0.1; two `aeiou ingest` processes with homes of
their own write overlapping documents into it at the same time; nothing is lost and nothing is there twice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import free_port, wait_for_port

from aeiou_agent import Observatory
from aeiou_agent.knowledge.store import ChromaUnavailable

TOPICS = ["quasar variability", "white dwarf cooling", "tidal streams", "pulsar timing", "dust lanes", "comet tails"]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent))
    assert chroma, "the chroma command comes with chromadb"
    port = free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    server = subprocess.Popen(
        [chroma, "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _documents(folder: Path, topics: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for topic in topics:
        path = folder / f"{topic.replace(' ', '_')}.md"
        body = "\n\n".join(
            f"Section {i} on {topic}: observation {i} of {topic} measured with instrument {i * 7 % 11}." * 8
            for i in range(6)
        )
        path.write_text(f"# Notes on {topic}\n\n{body}\n")
        paths.append(path)
    return paths


def test_two_processes_ingest_into_one_server_at_once(tmp_path: Path, home: Path, chroma_url: str) -> None:
    first = _documents(tmp_path / "a", TOPICS[:4])
    second = _documents(tmp_path / "b", TOPICS[2:])  # two documents in both sets
    aeiou = str(Path(sys.executable).parent / "aeiou")
    processes = []
    for n, paths in enumerate((first, second)):
        env = {**os.environ, "AEIOU_HOME": str(tmp_path / f"home{n}"), "AEIOU_CHROMA": chroma_url}
        command = [aeiou, "ingest", *map(str, paths)]
        processes.append(subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT))
    for process in processes:
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, output.decode(errors="replace")[-2000:]

    local = Observatory(tmp_path / "local")  # the same six documents ingested once, into a local store
    local.ingest([*first, *second[2:]])
    expected = local.knowledge.count("papers", origin="ingested")

    shared = Observatory(tmp_path / "reader", chroma=chroma_url)
    knowledge = shared.knowledge
    knowledge.seed(shared.store, shared.registry)
    assert knowledge.count("papers", origin="ingested") == expected > 6  # nothing lost, nothing twice
    texts = knowledge._all("papers", where={"section": {"$ne": "bibliography"}}, include=["documents"])["documents"]
    assert len(texts) == len(set(texts))
    hits = knowledge.search("white dwarf cooling instrument", k=3)
    assert hits and "white dwarf cooling" in hits[0].text  # written by the other process, found by this one


def test_an_unreachable_chroma_server_is_a_clear_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    obs = Observatory(tmp_path / "home", chroma=url)
    with pytest.raises(ChromaUnavailable, match="unset AEIOU_CHROMA"):
        _ = obs.knowledge
    result = subprocess.run(
        [str(Path(sys.executable).parent / "aeiou"), "ingest", str(tmp_path)],
        env={**os.environ, "AEIOU_HOME": str(tmp_path / "home2"), "AEIOU_CHROMA": url},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1 and "cannot be reached" in result.stderr and "Traceback" not in result.stderr
