"""The ledger: a SQLite record of every run and tool call, so any answer can be shown, exported and replayed.

SQLite in WAL mode with ``synchronous=FULL`` (durable across power loss) and a busy timeout for
concurrent writers. The schema evolves through numbered, add-only migrations, so old ledgers keep opening.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import socket
import sqlite3
import threading
from pathlib import Path
from typing import Any

from aeiou_agent._json import canonical_json
from aeiou_agent.answer import Answer, ToolCall
from aeiou_agent.exceptions import UserError

MIGRATIONS: list[str] = [
    # 1: runs and calls
    """
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        question TEXT NOT NULL,
        session_id TEXT,
        planner TEXT NOT NULL,
        planner_json TEXT NOT NULL,
        plan_json TEXT,
        versions_json TEXT NOT NULL,
        data_version TEXT,
        seed INTEGER NOT NULL,
        status TEXT NOT NULL,
        answer TEXT,
        answer_json TEXT,
        duration_ms REAL,
        error TEXT
    );
    CREATE TABLE calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL REFERENCES runs(id),
        step INTEGER NOT NULL,
        tool TEXT NOT NULL,
        tool_hash TEXT,
        args_json TEXT NOT NULL,
        output_json TEXT,
        output_hash TEXT,
        summary TEXT,
        artifacts_json TEXT NOT NULL DEFAULT '[]',
        duration_ms REAL,
        error TEXT,
        error_type TEXT,
        traceback TEXT
    );
    CREATE INDEX calls_by_run ON calls(run_id, step);
    CREATE INDEX runs_by_time ON runs(created_at);
    """,
    # 2: the LLM planner's conversation with its model (prompts, replies, raw tool calls)
    """
    ALTER TABLE runs ADD COLUMN transcript_json TEXT;
    """,
    # 3: which process runs a run, so a run its dead process left 'running' can be marked 'interrupted'
    """
    ALTER TABLE runs ADD COLUMN pid INTEGER;
    ALTER TABLE runs ADD COLUMN host TEXT;
    """,
    # 4: opening a ledger looks for runs left 'running'; without an index that reads every run
    """
    CREATE INDEX runs_by_status ON runs(status);
    """,
]
RUN_ID_ATTEMPTS = 8  # a run id already taken is drawn again (see Ledger.start_run)
MAX_STORED_OUTPUT_CHARS = 1_000_000  # a tool output longer than this is stored as a preview with its size and hash
INTERRUPTED_AFTER = dt.timedelta(days=1)  # a 'running' run without a process id (older ledgers) is over by then

LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # never part of valid text in a Python str


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _bounded(output_json: str) -> str:
    """The output as stored: whole, or past MAX_STORED_OUTPUT_CHARS a preview with the full size and SHA-256.

    One SQL call once put 95 MB in the ledger (issue 18, C4). Replay compares the call's output hash, which is
    computed from the full output, so a bounded record still replays.
    """
    if len(output_json) <= MAX_STORED_OUTPUT_CHARS:
        return output_json
    return json.dumps(
        {
            "truncated": True,
            "chars": len(output_json),
            "sha256": hashlib.sha256(output_json.encode("utf-8", "surrogatepass")).hexdigest(),
            "preview": output_json[:4096],
        }
    )


def new_run_id(now: dt.datetime | None = None) -> str:
    """Time-sortable, readable run id: '20261125-171330-3fa9c1'."""
    now = now or dt.datetime.now(dt.UTC)
    return now.strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


class Ledger:
    """Append-mostly record of runs; safe to share between threads of one process."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30.0, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        # A run's start and its calls are committed without waiting for the disk (a killed process loses nothing:
        # the operating system holds the write); its finish waits (synchronous=FULL for that one commit), and the
        # fsync of the write-ahead log carries the earlier frames of the run with it. One sync per answer, not one
        # per row (~2.5 ms each).
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=30000")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        self._mark_interrupted()

    def _mark_interrupted(self) -> None:
        """Runs left 'running' by a process that is gone (killed, crashed) become 'interrupted' (issue 18, L1)."""
        host = socket.gethostname()
        cutoff = (dt.datetime.now(dt.UTC) - INTERRUPTED_AFTER).isoformat(timespec="milliseconds")
        with self._lock:
            rows = self._db.execute("SELECT id, pid, host, created_at FROM runs WHERE status = 'running'").fetchall()
            over = [
                row["id"]
                for row in rows
                if (row["pid"] is not None and row["host"] == host and not _process_alive(row["pid"]))
                or (row["pid"] is None and row["created_at"] < cutoff)
            ]
            for run_id in over:
                self._db.execute(
                    "UPDATE runs SET status = 'interrupted', error = ? WHERE id = ? AND status = 'running'",
                    ("the process running it ended before it finished (killed or crashed)", run_id),
                )

    def _migrate(self) -> None:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("CREATE TABLE IF NOT EXISTS _migrations (number INTEGER PRIMARY KEY, applied_at TEXT)")
                done = {row[0] for row in self._db.execute("SELECT number FROM _migrations")}
                for number, script in enumerate(MIGRATIONS, start=1):
                    if number in done:
                        continue
                    for statement in script.split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                    self._db.execute(
                        "INSERT INTO _migrations VALUES (?, ?)", (number, dt.datetime.now(dt.UTC).isoformat())
                    )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._db.close()

    def _write(self, sql: str, params: tuple[Any, ...], *, durable: bool = False) -> None:
        # A lone surrogate ('\udcff' from a badly decoded argument) cannot be stored as UTF-8: it becomes U+FFFD
        # here, for every text the ledger keeps (questions, arguments, outputs), so that no input fails a run.
        params = tuple(LONE_SURROGATE.sub("\ufffd", p) if isinstance(p, str) else p for p in params)
        with self._lock:
            if not durable:
                self._db.execute(sql, params)
                return
            self._db.execute("PRAGMA synchronous=FULL")
            try:
                self._db.execute(sql, params)
            finally:
                self._db.execute("PRAGMA synchronous=NORMAL")

    def start_run(
        self,
        question: str,
        *,
        planner: dict[str, Any],
        versions: dict[str, str],
        data_version: str | None,
        seed: int,
        session_id: str | None = None,
    ) -> str:
        """Record a run as started (so even a crash leaves a trace) and return its id.

        Ids are the second plus 24 random bits: a few hundred runs in one second (an MCP client, a fuzzer) make a
        clash likely enough to happen (it failed one CI run in about a hundred), so a taken id is drawn again.
        """
        for attempt in range(RUN_ID_ATTEMPTS):
            run_id = new_run_id()
            try:
                self._write(
                    "INSERT INTO runs (id, created_at, question, session_id, planner, planner_json, versions_json,"
                    " data_version, seed, status, pid, host) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)",
                    (
                        run_id,
                        dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                        question,
                        session_id,
                        planner.get("planner", "?"),
                        json.dumps(planner),
                        json.dumps(versions),
                        data_version,
                        seed,
                        os.getpid(),
                        socket.gethostname(),
                    ),
                )
                return run_id
            except sqlite3.IntegrityError:
                if attempt == RUN_ID_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def record_call(
        self,
        run_id: str,
        step: int,
        call: ToolCall,
        *,
        tool_hash: str | None,
        artifacts: list[dict[str, Any]],
        traceback: str | None = None,
    ) -> None:
        """Record one executed (or failed) tool call."""
        self._write(
            "INSERT INTO calls (run_id, step, tool, tool_hash, args_json, output_json, output_hash, summary,"
            " artifacts_json, duration_ms, error, error_type, traceback)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                run_id,
                step,
                call.tool,
                tool_hash,
                canonical_json(call.args),
                None if call.result is None else _bounded(canonical_json(call.result)),
                call.output_hash,
                call.summary,
                json.dumps(artifacts),
                call.ms,
                call.error,
                call.error_type,
                traceback,
            ),
        )

    def finish_run(
        self,
        run_id: str,
        answer: Answer | None,
        *,
        status: str,
        duration_ms: float,
        plan: dict[str, Any] | None = None,
        error: str | None = None,
        transcript: list[dict[str, Any]] | None = None,
    ) -> None:
        """Record the outcome of a run: the plan, the answer (without the calls, which have their own rows)."""
        self._write(
            "UPDATE runs SET status = ?, answer = ?, answer_json = ?, plan_json = ?, duration_ms = ?, error = ?,"
            " transcript_json = ? WHERE id = ?",
            (
                status,
                answer.text if answer else None,
                answer.model_dump_json(exclude={"calls"}) if answer else None,
                None if plan is None else canonical_json(plan),
                duration_ms,
                error,
                None if transcript is None else json.dumps(transcript, ensure_ascii=False, default=str),
                run_id,
            ),
            durable=True,
        )

    def resolve_id(self, prefix: str) -> str:
        """The full run id starting with ``prefix`` ('last' for the newest run)."""
        with self._lock:
            if prefix in {"last", "latest"}:
                row = self._db.execute("SELECT id FROM runs ORDER BY created_at DESC, rowid DESC LIMIT 1").fetchone()
                if row is None:
                    raise UserError("the ledger has no runs yet")
                return str(row[0])
            rows = self._db.execute(
                "SELECT id FROM runs WHERE id LIKE ? ORDER BY id LIMIT 3", (prefix.replace("%", "") + "%",)
            ).fetchall()
        if not rows:
            raise UserError(f"no run with id {prefix!r} in the ledger ({self.path}); `aeiou log` lists runs")
        if len(rows) > 1:
            raise UserError(f"{prefix!r} matches several runs; give more characters of the id")
        return str(rows[0][0])

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The newest runs, newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT r.id, r.created_at, r.question, r.planner, r.status, r.duration_ms,"
                " (SELECT count(*) FROM calls c WHERE c.run_id = r.id) AS n_calls"
                " FROM runs r ORDER BY r.created_at DESC, r.rowid DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [dict(row) for row in rows]

    def run(self, run_id: str) -> dict[str, Any]:
        """One run with its calls (arguments, outputs, hashes, errors)."""
        run_id = self.resolve_id(run_id)
        with self._lock:
            row = self._db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
            calls = self._db.execute("SELECT * FROM calls WHERE run_id = ? ORDER BY step, id", (run_id,)).fetchall()
        run = dict(row)
        for key, name in (
            ("planner_json", "planner"),
            ("plan_json", "plan"),
            ("versions_json", "versions"),
            ("answer_json", "answer_detail"),
            ("transcript_json", "transcript"),
        ):
            run[name] = json.loads(run.pop(key)) if run.get(key) else None
        run["calls"] = []
        for call in calls:
            item = dict(call)
            item["args"] = json.loads(item.pop("args_json"))
            item["output"] = json.loads(item.pop("output_json")) if item.get("output_json") else None
            item["artifacts"] = json.loads(item.pop("artifacts_json"))
            run["calls"].append(item)
        return run

    def count(self) -> int:
        """Number of runs recorded."""
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM runs").fetchone()[0])
