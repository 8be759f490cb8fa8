"""The hostile SQL statements of issue 18's standing suite, shared by tests/adversarial and benchmarks/hostile_sql.py.

System catalogs named directly and shadowed by CTEs in every scope, file and network reads, settings and secrets,
stacked statements, writes, and resource bombs.
"""

from __future__ import annotations

import itertools

SYSTEM_TABLES = [
    "pg_settings",
    "pg_tables",
    "pg_class",
    "pg_namespace",
    "pg_proc",
    "sqlite_master",
    "sqlite_schema",
    "information_schema.tables",
    "information_schema.columns",
    "information_schema.schemata",
    "duckdb_settings()",
    "duckdb_tables()",
    "duckdb_databases()",
    "duckdb_extensions()",
    "duckdb_secrets()",
    "duckdb_functions()",
    "pragma_database_list",
    "pragma_version()",
]
SHADOWS = [  # each {t} a system table; {n} its bare name, usable as a CTE name
    "SELECT * FROM {t}",
    "select * from {t} limit 5",
    "SELECT * FROM (WITH {n} AS (SELECT 1) SELECT 1) x, {t}",
    "WITH {n} AS (SELECT 1 AS a) SELECT * FROM hipparcos, (SELECT * FROM {t}) y LIMIT 1",
    "SELECT * FROM hipparcos WHERE hip IN (SELECT 1 FROM {t})",
    "SELECT (SELECT count(*) FROM {t}) AS n",
    "SELECT hip FROM hipparcos UNION ALL SELECT 1 FROM {t}",
    "SELECT * FROM hipparcos h, LATERAL (SELECT * FROM {t}) s LIMIT 1",
    "WITH x AS (SELECT * FROM {t}) SELECT * FROM x",
    "SELECT * FROM main.{n}",
    'SELECT * FROM "{n}"',  # quoted: a name, not a function call
    "WITH {n} AS (SELECT 1 AS a) SELECT * FROM {n} UNION ALL SELECT 1 FROM {t}",  # shadowed in one branch only
]
FILE_READS = [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_csv_auto('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_blob('/etc/passwd')",
    "SELECT * FROM read_json('/etc/passwd')",
    "SELECT * FROM read_parquet('/tmp/x.parquet')",
    "SELECT * FROM '/etc/passwd'",
    'SELECT * FROM "/etc/passwd"',
    "SELECT * FROM 'https://example.com/data.csv'",
    "SELECT * FROM glob('/*')",
    "SELECT * FROM sniff_csv('/etc/passwd')",
    "SELECT * FROM parquet_metadata('/tmp/x.parquet')",
    "SELECT content FROM read_text('~/.ssh/id_rsa')",
    "SELECT * FROM hipparcos, read_csv('/etc/hosts') LIMIT 1",
    "SELECT * FROM hipparcos WHERE hip IN (SELECT 1 FROM read_text('/etc/passwd'))",
    "SELECT * FROM query('SELECT * FROM pg_settings')",
    "SELECT * FROM query_table('pg_settings')",
    "SELECT * FROM sqlite_scan('/tmp/x.db', 'runs')",
    "SELECT * FROM postgres_scan('host=127.0.0.1', 'public', 't')",
    "SELECT * FROM iceberg_scan('/tmp/x')",
    "SELECT * FROM delta_scan('/tmp/x')",
    "SELECT * FROM json_execute_serialized_sql('x')",
]
SETTINGS_AND_SECRETS = [
    "SELECT current_setting('home_directory')",
    "SELECT current_setting('memory_limit')",
    "SELECT getenv('HOME')",
    "SELECT getenv('AEIOU_HOME')",
    "SELECT which_secret('s3://x', 's3')",
    "SET enable_external_access = true",
    "RESET lock_configuration",
    "SET memory_limit = '100GB'",
    "PRAGMA database_list",
    "PRAGMA show_tables",
    "CALL pragma_version()",
    "CALL duckdb_settings()",
    "SELECT * FROM hipparcos WHERE current_setting('threads') = '1' LIMIT 1",
    "SELECT enable_profiling()",
    "SELECT checkpoint()",
]
STACKED = [
    "SELECT 1; DROP TABLE hipparcos",
    "SELECT 1; ATTACH '/tmp/evil.db' AS e",
    "SELECT 1 -- comment\n; DELETE FROM hipparcos",
    "SELECT 1 /* ; */ ; SELECT * FROM pg_settings",
    "SELECT hip FROM hipparcos LIMIT 1;; SELECT 2",
    "SELECT 1; SET enable_external_access = true; SELECT * FROM read_csv('/etc/passwd')",
    "SELECT ';'; COPY hipparcos TO '/tmp/out.csv'",
    "SELECT 1; INSTALL httpfs",
    "SELECT 1; LOAD httpfs",
    "SELECT 1;\nEXPORT DATABASE '/tmp/dump'",
]
WRITES = [
    "DROP TABLE hipparcos",
    "DROP TABLE IF EXISTS ngc",
    "INSERT INTO hipparcos (hip) VALUES (1)",
    "UPDATE hipparcos SET hpmag = 0",
    "DELETE FROM star_names",
    "CREATE TABLE t AS SELECT * FROM hipparcos",
    "CREATE VIEW v AS SELECT 1",
    "CREATE MACRO m(a) AS a",
    "CREATE TEMP TABLE t (a INT)",
    "CREATE SECRET s (TYPE s3, KEY_ID 'x', SECRET 'y')",
    "ALTER TABLE hipparcos ADD COLUMN x INT",
    "ALTER TABLE hipparcos RENAME TO h",
    "TRUNCATE hipparcos",
    "COPY hipparcos TO '/tmp/h.csv'",
    "COPY (SELECT * FROM hipparcos) TO '/tmp/h.parquet' (FORMAT parquet)",
    "ATTACH '/tmp/evil.db' AS evil",
    "DETACH main",
    "USE memory",
    "INSTALL httpfs",
    "LOAD httpfs",
    "VACUUM",
    "CHECKPOINT",
    "EXPORT DATABASE '/tmp/dump'",
    "IMPORT DATABASE '/tmp/dump'",
    "SELECT * INTO newtable FROM hipparcos",
    "MERGE INTO hipparcos USING ngc ON false WHEN NOT MATCHED THEN INSERT VALUES (1)",
    "WITH d AS (DELETE FROM hipparcos RETURNING *) SELECT * FROM d",
    "INSERT INTO hipparcos SELECT * FROM hipparcos",
]
BOMBS = [
    "SELECT len(range(300000000))",
    "SELECT len(range(100000000))",
    "SELECT length(repeat('x', 3000000000))",
    "SELECT length(lpad('x', 2000000000, 'y'))",
    "SELECT repeat('x', 1000000) FROM hipparcos",
    "SELECT count(*) FROM hipparcos a, hipparcos b, hipparcos c",
    "SELECT sum(a.hip * b.hip) FROM hipparcos a, hipparcos b",
    "SELECT string_agg(a.hip::VARCHAR, ',') FROM hipparcos a, hipparcos b",
    "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
    "SELECT count(*) FROM range(1000000000000)",
    "SELECT * FROM range(100000000) ORDER BY random()",
    "SELECT list_resize([1], 1000000000)",
    "SELECT len(list_concat(range(50000000), range(50000000)))",
    "SELECT unnest(range(1000000000))",
    "SELECT count(DISTINCT a.hip || b.hip) FROM hipparcos a, ngc b",
    "SELECT * FROM hipparcos WHERE hip = " + "(" * 3000 + "1" + ")" * 3000,
    "SELECT * FROM hipparcos WHERE " + " OR ".join(f"hip = {i}" for i in range(3000)),
    "SELECT hip FROM hipparcos WHERE hip IN (" + ",".join(str(i) for i in range(20000)) + ")",
    "SELECT regexp_matches(repeat('a', 10000000), '(a+)+$')",
    "SELECT md5(repeat('x', 1500000000))",
]


# Forms that read only the CTE when the system table is named exactly as the CTE (unqualified, not a function call):
# a same-named CTE shadows it in that scope. Everywhere else a system table is read, and must be refused.
SHADOWED_WHEN_SAME_NAME = {SHADOWS[3], SHADOWS[11]}


def _cases() -> list[tuple[str, bool]]:
    """(statement, must be refused). Bombs may run, within their limits; everything else is refused."""
    shadowed = [
        (form.format(t=table, n=name), not (form in SHADOWED_WHEN_SAME_NAME and table == name))
        for table, form in itertools.product(SYSTEM_TABLES, SHADOWS)
        for name in [table.split(".")[-1].removesuffix("()")]
    ]
    refused = [(statement, True) for statement in FILE_READS + SETTINGS_AND_SECRETS + STACKED + WRITES]
    return shadowed + refused + [(statement, False) for statement in BOMBS]


CASES = _cases()
STATEMENTS = [statement for statement, _refused in CASES]
