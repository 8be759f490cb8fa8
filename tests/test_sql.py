"""The SQL guard: one read-only SELECT over catalog tables; ADQL subset; row and byte caps; time and memory limits."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from aeiou_agent.exceptions import QueryTimeout, UnsafeQuery
from aeiou_agent.store.sql import SqlRunner, guard_and_translate

TABLES = {"hipparcos", "ngc", "star_names"}

UNSAFE = [
    "DROP TABLE hipparcos",
    "INSERT INTO hipparcos VALUES (1)",
    "DELETE FROM hipparcos",
    "UPDATE hipparcos SET hpmag = 0",
    "COPY hipparcos TO '/tmp/x.csv'",
    "ATTACH '/tmp/x.db' AS x",
    "INSTALL httpfs",
    "LOAD httpfs",
    "PRAGMA database_list",
    "SET VARIABLE x = 1",
    "CREATE TEMP TABLE t AS SELECT 1",
    "SELECT 1; DROP TABLE hipparcos",
    "SELECT * FROM hipparcos; SELECT * FROM ngc",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM '/etc/passwd'",
    "SELECT * FROM read_parquet('x.parquet')",
    "SELECT * FROM glob('*')",
    "SELECT getenv('HOME')",
    "SELECT * FROM duckdb_settings()",
    "SELECT * FROM information_schema.tables",
    "SELECT * FROM other.hipparcos",
    "SELECT * INTO newtable FROM hipparcos",
    "SELECT * FROM sqlite_master",
    "SELECT * FROM range(10)",
    # a CTE's name does not make a system table of the same name in another scope safe (issue 18, E1)
    "SELECT * FROM (WITH pg_settings AS (SELECT 1) SELECT 1) x, pg_settings",
    "SELECT * FROM (WITH duckdb_databases AS (SELECT 1) SELECT 1) x, duckdb_databases",
    "SELECT * FROM (WITH duckdb_tables AS (SELECT 1) SELECT 1) x, duckdb_tables",
    "SELECT * FROM (WITH sqlite_master AS (SELECT 1) SELECT 1) x, sqlite_master",
    # nor does a CTE named like a qualified one's last part: 'tables' is not information_schema.tables
    "WITH tables AS (SELECT 1 AS a) SELECT * FROM tables UNION ALL SELECT 1 FROM information_schema.tables",
    "SELECT " + "(" * 3000 + "1" + ")" * 3000,  # deep nesting is refused, not a RecursionError (C1)
    "",
    "selec * from",
]


@pytest.mark.parametrize("query", UNSAFE)
def test_guard_refuses(query):
    with pytest.raises(UnsafeQuery):
        guard_and_translate(query, TABLES)


def test_ctes_joins_and_unions_of_catalog_tables_are_fine():
    for query in [
        "WITH a AS (SELECT * FROM hipparcos) SELECT count(*) FROM a",
        "SELECT h.hip FROM hipparcos h JOIN star_names s USING (hip)",
        "SELECT name FROM ngc UNION SELECT name FROM star_names",
        "FROM hipparcos LIMIT 1",
        "SELECT * FROM main.hipparcos LIMIT 1",
        "WITH A AS (SELECT 1) SELECT * FROM (SELECT * FROM a) b",  # a CTE seen from a subquery, in any case
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
    ]:
        guard_and_translate(query, TABLES)


def test_adql_contains_counts_like_the_cone_search(obs):
    sql = guard_and_translate(
        "SELECT count(*) FROM hipparcos "
        "WHERE CONTAINS(POINT('ICRS', ra_deg, dec_deg), CIRCLE('ICRS', 56.75, 24.1167, 1)) = 1",
        TABLES,
    )
    assert obs.store.run_sql(sql, 10).rows == [[26]]


def test_adql_top_and_distance(obs):
    sql = guard_and_translate(
        "SELECT TOP 3 name, DISTANCE(POINT('ICRS', ra_deg, dec_deg), POINT('ICRS', 10.6848, 41.2691)) AS d "
        "FROM ngc ORDER BY d",
        TABLES,
    )
    result = obs.store.run_sql(sql, 100)
    assert [r[0] for r in result.rows] == ["NGC0224", "NGC0221", "NGC0205"]
    assert result.rows[0][1] < 0.001


def test_row_cap_sets_overflow_flag(obs):
    result = obs.store.run_sql(guard_and_translate("SELECT hip FROM hipparcos", TABLES), 5)
    assert len(result.rows) == 5 and result.overflow
    small = obs.store.run_sql(guard_and_translate("SELECT hip FROM hipparcos LIMIT 3", TABLES), 5)
    assert len(small.rows) == 3 and not small.overflow


def test_runaway_query_is_interrupted_and_store_untouched(obs):
    path = obs.settings.store_path
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(QueryTimeout):
        obs.store.run_sql(
            guard_and_translate("SELECT count(*) FROM hipparcos a, hipparcos b, hipparcos c", TABLES),
            10,
        )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_shadowed_system_tables_and_deep_nesting_are_refused_through_ask(obs):
    for question in (
        "SELECT * FROM (WITH pg_settings AS (SELECT 1) SELECT 1) x, pg_settings",
        "SELECT * FROM hipparcos WHERE hip = " + "(" * 500 + "1" + ")" * 500,
    ):
        answer = obs.ask(question)
        assert answer.status == "refused" and "did not run" in answer.text
        assert obs.show(answer.run_id)["question"] == question  # recorded, not raised


def test_a_long_result_says_how_many_rows_without_an_unverified_number(obs):
    answer = obs.ask("SELECT name, vmag FROM ngc WHERE vmag < 5")
    assert "Only the first twenty rows are shown; all 43 are in the result data." in answer.text
    assert answer.grounded, answer.ungrounded_numbers  # '23 more rows' was flagged as a number in no output


def test_a_memory_bomb_is_stopped_by_the_process_limit_and_the_next_query_runs(obs):
    # DuckDB's own memory limit does not bound this list: it once took 14.8 GB and 71 s (issue 18, H1)
    run = obs.call_tool("sql_query", {"query": "SELECT len(range(300000000))"})
    assert run.call.error_type == "ToolFailed" and "more memory than its limit" in run.call.error
    assert obs.store.run_sql("SELECT count(*) FROM ngc", 5).rows == [[14033]]


def test_huge_values_stop_at_the_byte_cap_with_an_overflow_flag(obs):
    run = obs.call_tool(
        "sql_query", {"query": "SELECT hip, repeat('x', 100000) AS pad FROM hipparcos", "max_rows": 1000}
    )
    result = run.call.result
    assert result["overflow"] and result["overflow_reason"] == "bytes"
    assert 0 < result["row_count"] < 100  # 8 MB of 100 kB values, not a thousand rows
    answer = obs.ask("SELECT hip, repeat('x', 100000) AS pad FROM hipparcos LIMIT 200")
    assert "result size limit" in answer.text and len(answer.text) < 20_000  # long values are cut in the table
    stored = obs.show(answer.run_id)["calls"][0]["output"]
    assert stored["truncated"] and stored["chars"] > 4_000_000  # the ledger keeps a preview, size and hash
    assert obs.replay(answer.run_id).identical  # replay compares the full output's hash, not the stored preview
    (table,) = [a for a in answer.artifacts if a.kind == "table/parquet"]  # the whole table, in the artifact folder
    assert stored["sha256"].startswith(Path(table.path).stem.rsplit("_", 1)[1])  # named by the hash the ledger keeps
    full = pq.read_table(table.path)
    assert full.column_names == ["hip", "pad"] and full.num_rows == len(answer.calls[0].result["rows"])
    assert full.column("pad")[0].as_py() == "x" * 100000  # the values uncut, unlike the preview and the answer
    small = obs.ask("SELECT hip FROM hipparcos LIMIT 5")
    assert not small.artifacts  # a table the ledger keeps whole gets no copy


def test_a_query_that_ignores_interrupts_has_its_process_killed(obs):
    runner = SqlRunner(  # killed 0.1 s in: building the list takes far longer, however fast the machine
        obs.settings.store_path, duckdb_memory_limit="1GB", process_memory_mb=2048, timeout_ms=50, kill_after_s=0.05
    )
    try:
        with pytest.raises(QueryTimeout, match="time limit"):
            runner.run("SELECT len(range(25000000))", 5, 1_000_000)  # one list: DuckDB checks no interrupt inside
        assert runner.run("SELECT count(*) FROM star_names", 5, 1_000_000).rows[0][0] > 0  # a new process
    finally:
        runner.close()
