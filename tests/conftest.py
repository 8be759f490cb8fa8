"""Shared fixtures: one observatory home per test session (store built once), no network."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="aeiou-test-home-"))
os.environ["AEIOU_HOME"] = str(_SESSION_HOME)

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in {"localhost", "::1"} or host.startswith("/")):
        return _real_connect(self, address)  # type: ignore[arg-type]
    raise RuntimeError(f"tests must not use the network (tried {address!r})")


REMOTE_TESTS = os.environ.get("AEIOU_REMOTE_TESTS") == "1"  # the remote_data tests ask the real archives
if not REMOTE_TESTS:
    socket.socket.connect = _loopback_only  # type: ignore[method-assign]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "remote_data" in item.keywords and not REMOTE_TESTS:
            item.add_marker(
                pytest.mark.skip(reason="asks the real archives: set AEIOU_REMOTE_TESTS=1 (needs a network)")
            )


@pytest.fixture(scope="session")
def home() -> Path:
    return _SESSION_HOME


@pytest.fixture(scope="session")
def obs(home: Path):  # type: ignore[no-untyped-def]
    from aeiou_agent import Observatory

    observatory = Observatory(home)
    observatory.warm_up()
    return observatory


@pytest.fixture()
def fresh_home(tmp_path: Path) -> Iterator[Path]:
    """An empty AEIOU_HOME for tests that build or break a store."""
    from aeiou_agent.knowledge.store import KnowledgeStore
    from aeiou_agent.store import Store

    yield tmp_path / "home"
    Store.close_all()
    KnowledgeStore.close_all()
