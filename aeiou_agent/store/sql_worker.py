"""The child process that runs user SQL, so that no statement can take the machine's memory or time.

DuckDB's ``memory_limit`` bounds its buffer manager, not every allocation, and its timeout is checked between
chunks, not inside one function: ``SELECT len(range(300000000))`` built a 14.8 GB list in 71 s under a 1 GB limit
and a 5 s timeout. Here the operating system bounds the process (``RLIMIT_AS``), so DuckDB fails with an
out-of-memory error instead, and a timer interrupts the connection; the parent
(:class:`aeiou_agent.store.sql.SqlRunner`) kills the process if no answer comes a second after the time limit, and
starts a new one for the next query.

Run as a script, not imported as part of ``aeiou_agent``: the child loads only ``duckdb`` and the standard library.
Messages both ways are length-prefixed pickles on stdin and stdout (parent and child are the same program).

    python sql_worker.py STORE_PATH DUCKDB_MEMORY_LIMIT PROCESS_MEMORY_MB TIMEOUT_MS [CATALOGS_DIR]

With CATALOGS_DIR, user catalogs (HATS Parquet files below it) can be queried: a request's ``views`` maps a catalog
name to its files' glob, and each becomes a temporary view. DuckDB may read files below that folder and nowhere else
(``allowed_directories`` with external access off).
"""

from __future__ import annotations

import os
import pickle
import resource
import struct
import sys
import threading
from typing import IO, Any

_HEADER = struct.Struct(">Q")


def send(stream: IO[bytes], message: Any) -> None:
    """Write one length-prefixed pickled message."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """Read one message written by :func:`send`; EOFError when the other side has gone."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("the other process closed the pipe")
    (size,) = _HEADER.unpack(header)
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError("the other process closed the pipe mid-message")
    return pickle.loads(payload)


def read_only_config(memory_limit: str, timeout_ms: int) -> dict[str, Any]:
    """DuckDB settings of every connection to the store: read-only, no external access, bounded, one thread.

    Shared by the store's own connection and this worker's (here so that the worker needs no other module).
    """
    return {
        "access_mode": "READ_ONLY",
        "enable_external_access": False,
        "autoload_known_extensions": False,
        "autoinstall_known_extensions": False,
        "threads": 1,
        "memory_limit": memory_limit,
        "max_execution_time": str(timeout_ms),
    }


def _fetch(cursor: Any, max_rows: int, max_bytes: int) -> dict[str, Any]:
    """Rows up to ``max_rows`` and about ``max_bytes`` of pickled data; says which cap stopped it."""
    rows: list[list[Any]] = []
    size = 0
    while len(rows) <= max_rows:
        batch = cursor.fetchmany(min(256, max_rows + 1 - len(rows)))
        if not batch:
            return {"rows": rows, "overflow": None}
        for row in batch:
            row_bytes = len(pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL))
            if size + row_bytes > max_bytes:
                return {"rows": rows, "overflow": "bytes"}
            rows.append(list(row))
            size += row_bytes
    return {"rows": rows[:max_rows], "overflow": "rows"}


def _connect(store_path: str, duckdb_memory_limit: str, timeout_ms: int, catalogs_dir: str) -> Any:
    """The locked read-only connection; with ``catalogs_dir``, files below it (and only those) may be read."""
    import duckdb

    config = read_only_config(duckdb_memory_limit, timeout_ms)
    if not catalogs_dir:
        connection = duckdb.connect(store_path, config=config)
    else:  # the folder must be allowed before external access is switched off
        config["enable_external_access"] = True
        connection = duckdb.connect(store_path, config=config)
        folder = os.path.join(os.path.realpath(catalogs_dir), "")
        connection.execute("SET allowed_directories = [?]", [folder])
        connection.execute("SET enable_external_access = false")
    connection.execute("SET lock_configuration = true")
    return connection


def _create_views(connection: Any, views: dict[str, str], created: dict[str, str]) -> None:
    """Temporary views over user catalogs' Parquet files, made (or remade, if the files moved) when first asked."""
    for name, glob in views.items():
        if created.get(name) != glob:
            quoted = glob.replace("'", "''")
            connection.execute(  # HATS's own columns (its HEALPix index, the folder names) are not the catalog's
                f'CREATE OR REPLACE TEMP VIEW "{name}" AS SELECT * EXCLUDE (_healpix_29) '
                f"FROM read_parquet('{quoted}', hive_partitioning = false)"
            )
            created[name] = glob


def serve(
    store_path: str, duckdb_memory_limit: str, process_memory_mb: int, timeout_ms: int, catalogs_dir: str = ""
) -> None:
    """Answer queries from stdin until it closes; each reply is ``{'ok': True, ...}`` or the error's class and text."""
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # nothing else may write into the reply pipe
    limit = process_memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    connection = _connect(store_path, duckdb_memory_limit, timeout_ms, catalogs_dir)
    views: dict[str, str] = {}
    send(replies, {"ok": True, "ready": True})
    requests = sys.stdin.buffer
    while True:
        try:
            request = receive(requests)
        except EOFError:
            return
        timer = threading.Timer(timeout_ms / 1000, connection.interrupt)
        timer.start()
        try:
            _create_views(connection, request.get("views") or {}, views)
            cursor = connection.execute(request["sql"])  # the connection itself: the temp views are its own
            fetched = _fetch(cursor, request["max_rows"], request["max_bytes"])
            reply = {"ok": True, "columns": [d[0] for d in cursor.description or []], **fetched}
        except MemoryError:
            reply = {"ok": False, "error": "OutOfMemoryException", "message": "out of memory"}
        except Exception as exc:  # every error goes back to the parent, which types it for the user
            reply = {"ok": False, "error": type(exc).__name__, "message": str(exc).splitlines()[0] if str(exc) else ""}
        finally:
            timer.cancel()
        try:
            send(replies, reply)
        except MemoryError:
            send(replies, {"ok": False, "error": "OutOfMemoryException", "message": "the result was too big to send"})


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else "")
