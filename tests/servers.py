"""Helpers for tests that start real servers (Dask, Chroma, the web UI) on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import time


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout_s: float = 60) -> None:
    """Return once something accepts connections on ``port``; fail if ``process`` exits or time runs out."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with code {process.returncode} before listening") from None
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing listened on port {port} within {timeout_s:g} s") from None
            time.sleep(0.2)
