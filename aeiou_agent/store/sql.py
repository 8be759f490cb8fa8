"""User SQL and ADQL over the catalog tables: translate, guard, run with a row cap.

User SQL is code. The guard parses with ``sqlglot.parse`` (which keeps stacked statements apart),
requires exactly one query, and checks every table reference against the catalog tables. The query then runs in a
child process (:class:`SqlRunner`) on a read-only, locked DuckDB connection without external access, bounded in
time and memory by the operating system, with its result capped in rows and bytes.
"""

from __future__ import annotations

import atexit
import logging
import re
import select
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.optimizer.scope import traverse_scope

from aeiou_agent.exceptions import AeiouError, QueryTimeout, ToolFailed, UnsafeQuery
from aeiou_agent.store import sql_worker

logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its parse warnings would reach the user's terminal

_TOP = re.compile(r"^\s*SELECT\s+(DISTINCT\s+)?TOP\s+(\d+)\s+", re.IGNORECASE)
_FORBIDDEN_FUNCTION_PREFIXES = (
    "read_",
    "glob",
    "getenv",
    "duckdb_",
    "pragma_",
    "sniff_",
    "parquet_",
    "iceberg_",
    "delta_",
    "query",
    "sqlite_",
    "postgres_",
    "mysql_",
    "json_execute",
    "load_",
    "install_",
    "checkpoint",
    "force_checkpoint",
    "current_setting",
    "which_secret",
    "enable_",
    "disable_",
)
_WRITE_NODES = (
    exp.Insert,
    exp.Update,
    exp.Delete,
    exp.Create,
    exp.Drop,
    exp.Command,
    exp.Copy,
    exp.Set,
    exp.Pragma,
    exp.Into,
    exp.Alter,
    exp.Merge,
    exp.TruncateTable,
    exp.Use,
    exp.Attach,
    exp.Detach,
    exp.Install,
)

MAX_NESTING = 100  # parentheses deep: sqlglot's parser recurses, and thousands of levels exhaust Python's stack


def _nesting_depth(query: str) -> int:
    depth = deepest = 0
    for char in query:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(depth - 1, 0)
    return deepest


def _stored_tables(statement: exp.Query) -> list[exp.Table]:
    """The table references that name stored tables, not a CTE visible where they are used.

    Resolved by sqlglot's scopes, so a CTE cannot lend its name to a system table in another scope
    ('SELECT * FROM (WITH pg_settings AS (SELECT 1) SELECT 1) x, pg_settings' reads the real pg_settings), and a
    qualified name is never a CTE. A reference no scope accounts for counts as stored: the stricter reading.
    """
    scopes = traverse_scope(statement)
    ctes = {
        id(table)
        for scope in scopes
        for table in scope.tables
        if table.name.lower() in {name.lower() for name in scope.cte_sources}  # names are case-blind in DuckDB
        and not (table.db or table.catalog)  # 'information_schema.tables' is never the CTE 'tables'
    }
    return [table for table in statement.find_all(exp.Table) if id(table) not in ctes]


_HAVERSINE = (
    "DEGREES(2 * ASIN(SQRT(POWER(SIN(RADIANS(({d2}) - ({d1})) / 2), 2) + COS(RADIANS({d1})) * COS(RADIANS({d2}))"
    " * POWER(SIN(RADIANS(({a2}) - ({a1})) / 2), 2))))"
)


@dataclass
class QueryResult:
    """Rows of a user query, capped: ``overflow`` says more rows existed (like TAP's MAXREC).

    ``overflow_reason`` is 'rows' (the row cap) or 'bytes' (the size cap: a few huge values), None without overflow.
    """

    sql: str
    columns: list[str]
    rows: list[list[Any]]
    overflow: bool
    overflow_reason: str | None = None


def _point_args(node: exp.Expr, function: str) -> list[exp.Expr]:
    if not (isinstance(node, exp.Anonymous) and node.name.upper() == "POINT"):
        raise UnsafeQuery(f"{function} expects POINT('ICRS', ra, dec) arguments")
    args = list(node.expressions)
    if len(args) == 3:
        args = args[1:]
    if len(args) != 2:
        raise UnsafeQuery("POINT takes ('ICRS', ra, dec)")
    return args


def _distance_sql(a1: exp.Expr, d1: exp.Expr, a2: exp.Expr, d2: exp.Expr) -> str:
    return _HAVERSINE.format(a1=a1.sql("duckdb"), d1=d1.sql("duckdb"), a2=a2.sql("duckdb"), d2=d2.sql("duckdb"))


def _adql_to_duckdb(node: exp.Expr) -> exp.Expr:
    """Rewrite ADQL geometry (DISTANCE, CONTAINS with POINT/CIRCLE) into plain SQL in degrees."""
    name = node.name.upper() if isinstance(node, exp.Anonymous) else ""
    if name == "DISTANCE":
        args = list(node.expressions)
        if len(args) == 2:
            (a1, d1), (a2, d2) = _point_args(args[0], "DISTANCE"), _point_args(args[1], "DISTANCE")
        elif len(args) == 4:
            a1, d1, a2, d2 = args
        else:
            raise UnsafeQuery("DISTANCE takes (POINT, POINT) or (ra1, dec1, ra2, dec2)")
        return sqlglot.parse_one(_distance_sql(a1, d1, a2, d2), dialect="duckdb")
    contains_args: list[exp.Expr] | None = None
    if name == "CONTAINS":
        contains_args = list(node.expressions)
    elif isinstance(node, exp.Contains):
        contains_args = [node.this, node.expression]
    if contains_args is not None:
        if len(contains_args) != 2:
            raise UnsafeQuery("CONTAINS takes (POINT, CIRCLE)")
        a, d = _point_args(contains_args[0], "CONTAINS")
        circle = contains_args[1]
        if not (isinstance(circle, exp.Anonymous) and circle.name.upper() == "CIRCLE"):
            raise UnsafeQuery("only CONTAINS(POINT(...), CIRCLE('ICRS', ra, dec, radius_deg)) is supported")
        cargs = list(circle.expressions)
        if len(cargs) == 4:
            cargs = cargs[1:]
        if len(cargs) != 3:
            raise UnsafeQuery("CIRCLE takes ('ICRS', ra, dec, radius_deg)")
        a0, d0, radius = cargs
        return sqlglot.parse_one(
            f"CAST(({_distance_sql(a, d, a0, d0)}) <= ({radius.sql('duckdb')}) AS INTEGER)", dialect="duckdb"
        )
    if name in {"POINT", "CIRCLE", "BOX", "POLYGON", "REGION", "INTERSECTS", "AREA", "CENTROID", "COORD1", "COORD2"}:
        raise UnsafeQuery(f"ADQL {name} is only supported inside CONTAINS(POINT, CIRCLE) or DISTANCE(POINT, POINT)")
    return node


# the SQL keywords a misspelling is checked against ('SEELECT', 'WHEER'); statement words first
SQL_STATEMENT_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "DROP", "CREATE", "COPY", "ATTACH", "INSTALL", "PRAGMA")
_SQL_CLAUSE_WORDS = ("FROM", "WHERE", "ORDER", "GROUP", "HAVING", "LIMIT", "DISTINCT", "BETWEEN", "VALUES", "TABLE")


def sql_keyword_slip(word: str, keywords: tuple[str, ...] = SQL_STATEMENT_WORDS + _SQL_CLAUSE_WORDS) -> str | None:
    """The one SQL keyword ``word`` (typed in capitals) misspells, one edit away (two from six letters), or None."""
    from rapidfuzz.distance import OSA

    if not word.isupper() or word in keywords:
        return None
    close = [k for k in keywords if OSA.distance(word, k) <= (1 if len(k) < 6 else 2)]
    return close[0] if len(close) == 1 else None


def guard(query: str, allowed_tables: set[str]) -> exp.Query:
    """The parsed statement if ``query`` is one read-only SELECT over ``allowed_tables``; else :class:`UnsafeQuery`.

    ADQL's ``SELECT TOP n`` becomes a LIMIT; the ADQL geometry is left for :func:`translate`, so a statement meant
    for a remote TAP service is checked without being rewritten.
    """
    if not query or not query.strip():
        raise UnsafeQuery("the query is empty")
    limit: int | None = None
    top = _TOP.match(query)
    if top:
        limit = int(top.group(2))
        query = "SELECT " + (top.group(1) or "") + query[top.end() :]
    if _nesting_depth(query) > MAX_NESTING:
        raise UnsafeQuery(f"the query is nested more than {MAX_NESTING} parentheses deep; write it flatter")
    try:
        statements = [s for s in sqlglot.parse(query, dialect="duckdb") if s is not None]
    except RecursionError:
        raise UnsafeQuery("the query is nested too deeply to read; write it flatter") from None
    except sqlglot.errors.SqlglotError as exc:
        first = str(exc).splitlines()[0]
        slips = [
            f"'{word}' for {meant}"
            for word in re.findall(r"\b[A-Za-z]{4,}\b", query)
            if (meant := sql_keyword_slip(word))
        ]
        hint = f" (a misspelled keyword? {', '.join(slips)})" if slips else ""
        raise UnsafeQuery(f"the query could not be parsed: {first}{hint}") from None
    if len(statements) != 1:
        raise UnsafeQuery(f"send exactly one SELECT statement, not {len(statements)} statements")
    statement = statements[0]
    if not isinstance(statement, exp.Query):
        raise UnsafeQuery(f"only read-only SELECT queries are allowed (this is {statement.key.upper()})")
    for node in statement.walk():
        if isinstance(node, _WRITE_NODES):
            raise UnsafeQuery(f"only read-only SELECT queries are allowed (found {node.key.upper()})")
    try:
        stored = _stored_tables(statement)
    except sqlglot.errors.SqlglotError as exc:
        raise UnsafeQuery(f"the query's tables could not be resolved: {str(exc).splitlines()[0]}") from None
    for table in stored:
        if not isinstance(table.this, exp.Identifier):
            raise UnsafeQuery(
                "table functions and file reads are not allowed; query the catalog tables: "
                + ", ".join(sorted(allowed_tables))
            )
        name = table.name.lower()
        qualified = f"{table.db.lower()}.{name}" if table.db else name  # 'gaiadr3.gaia_source' on a TAP service
        if table.catalog or (table.db and table.db.lower() != "main" and qualified not in allowed_tables):
            raise UnsafeQuery(f"only the catalog tables may be queried, not {table.sql('duckdb')}")
        if name not in allowed_tables and qualified not in allowed_tables:
            raise UnsafeQuery(
                f"unknown table {table.name!r}; the catalog tables are: " + ", ".join(sorted(allowed_tables))
            )
    for func in statement.find_all(exp.Func):
        fname = (func.name if isinstance(func, exp.Anonymous) else func.sql_name()).lower()
        if fname.startswith(_FORBIDDEN_FUNCTION_PREFIXES):
            raise UnsafeQuery(f"the function {fname}() is not allowed in catalog queries")
    return statement.limit(limit) if limit is not None else statement


def translate(statement: exp.Query) -> str:
    """DuckDB SQL for a statement :func:`guard` passed: ADQL's CONTAINS/DISTANCE become great-circle arithmetic."""
    return statement.transform(_adql_to_duckdb).sql(dialect="duckdb")


def guard_and_translate(query: str, allowed_tables: set[str]) -> str:
    """Return DuckDB SQL for one read-only SELECT over ``allowed_tables``, or raise :class:`UnsafeQuery`."""
    return translate(guard(query, allowed_tables))


_DATABASE_REJECTS = {
    "BinderException",
    "CatalogException",
    "ParserException",
    "ConversionException",
    "InvalidInputException",
}


class SqlRunner:
    """Runs guarded SQL in a child process (see :mod:`aeiou_agent.store.sql_worker`) bounded in memory and time.

    One query at a time; a query that overruns its time limit by ``kill_after_s`` has its process killed, and the next
    query starts a new one. The store file is opened read-only by the child as it is by the parent.
    """

    def __init__(
        self,
        store_path: Path,
        *,
        duckdb_memory_limit: str,
        process_memory_mb: int,
        timeout_ms: int,
        kill_after_s: float = 1.0,
        catalogs_dir: Path | None = None,
    ):
        self.store_path = store_path
        self.catalogs_dir = catalogs_dir  # user catalogs' files below it may be read (views made per request)
        self.duckdb_memory_limit = duckdb_memory_limit
        self.process_memory_mb = process_memory_mb
        self.timeout_ms = timeout_ms
        self.kill_after_s = kill_after_s  # past the time limit, the process is killed if it has not answered
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        atexit.register(self.close)

    def _start(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [
                sys.executable,
                str(Path(sql_worker.__file__)),
                str(self.store_path),
                self.duckdb_memory_limit,
                str(self.process_memory_mb),
                str(self.timeout_ms),
                str(self.catalogs_dir or ""),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        try:
            self._reply(process, _STARTUP_S)
        except ToolFailed:
            self._stop(process)
            raise ToolFailed(f"the database process did not start within {_STARTUP_S:g} s; please ask again") from None
        return process

    def _reply(self, process: subprocess.Popen[bytes], timeout_s: float) -> dict[str, Any]:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], timeout_s)
        if not ready:
            self._stop(process)
            raise self._timed_out()
        try:
            reply: dict[str, Any] = sql_worker.receive(process.stdout)
        except EOFError:
            self._stop(process)
            raise ToolFailed(
                "the query stopped the database process (it may have needed more than "
                f"{self.process_memory_mb} MB); nothing was returned. Ask for fewer or smaller values"
            ) from None
        return reply

    def _stop(self, process: subprocess.Popen[bytes]) -> None:
        process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()
        if process is self._process:
            self._process = None

    def run(self, sql: str, max_rows: int, max_bytes: int, views: dict[str, str] | None = None) -> QueryResult:
        """Execute guarded ``sql``: at most ``max_rows`` rows and about ``max_bytes`` of values.

        ``views`` maps user catalog names to their Parquet files' glob (below ``catalogs_dir``).
        """
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._process = self._start()
            assert self._process.stdin is not None
            try:
                request = {"sql": sql, "max_rows": max_rows, "max_bytes": max_bytes, "views": views or {}}
                sql_worker.send(self._process.stdin, request)
            except OSError:
                self._stop(self._process)
                raise ToolFailed("the database process was not running; please ask again") from None
            reply = self._reply(self._process, self.timeout_ms / 1000 + self.kill_after_s)
        if not reply["ok"]:
            raise self._error(reply["error"], reply["message"])
        return QueryResult(
            sql=sql,
            columns=reply["columns"],
            rows=reply["rows"],
            overflow=bool(reply["overflow"]),
            overflow_reason=reply["overflow"],
        )

    def _timed_out(self) -> QueryTimeout:
        return QueryTimeout(
            f"the query ran past its time limit ({self.timeout_ms / 1000:g} s) and was stopped; "
            "add a WHERE clause or a LIMIT"
        )

    def _error(self, error: str, message: str) -> AeiouError:
        """The typed exception, with an actionable message, for an error the child reported by class name."""
        if error == "InterruptException":
            return self._timed_out()
        if error == "OutOfMemoryException":
            return ToolFailed(
                f"the query needed more memory than its limit ({self.duckdb_memory_limit} for the database, "
                f"{self.process_memory_mb} MB in all) and was stopped; ask for fewer or smaller values"
            )
        if error == "PermissionException":
            return UnsafeQuery(f"refused by the database: {message}")
        if error in _DATABASE_REJECTS:
            return UnsafeQuery(f"the database rejected the query: {message}")
        return ToolFailed(f"the query failed: {message}")

    def close(self) -> None:
        """Stop the child process (it also stops on its own when this process exits)."""
        with self._lock:
            if self._process is not None:
                self._stop(self._process)


_STARTUP_S = 60.0  # a cold child imports duckdb and opens the store: seconds on a loaded machine
