"""Building the local observatory: catalogs into one DuckDB file, with HEALPix index and dataset cards.

The build writes to a temporary file and moves it into place only after a manifest is written and
the file re-opens and verifies, so a crash mid-build never leaves a half-built store in use. A file
lock keeps two processes from building at once.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import importlib.metadata
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from aeiou_agent._json import content_hash
from aeiou_agent.config import Settings
from aeiou_agent.exceptions import StoreError
from aeiou_agent.store.catalogs import (
    CATALOGS,
    HIPPARCOS,
    OPENNGC,
    STAR_NAMES,
    CatalogSource,
    curated_star_names,
    match_star_names,
    read_hipparcos,
    read_openngc,
    read_star_names,
)
from aeiou_agent.store.healpix import STORE_ORDER, healpix_nested

# Bump when the tables, columns or build logic change: older stores are then rebuilt on open.
STORE_SCHEMA_VERSION = 2


def expected_sources() -> dict[str, str]:
    """Versions of the packages the store is built from; a mismatch means the store is stale."""
    return {c.package: c.package_version for c in CATALOGS}


@contextmanager
def build_lock(store_dir: Path) -> Iterator[None]:
    """Exclusive lock so that only one process builds the store at a time."""
    store_dir.mkdir(parents=True, exist_ok=True)
    with (store_dir / ".build.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest of a complete store at ``path``, or None if missing, partial, stale or unreadable."""
    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        rows = con.execute("SELECT key, value FROM _manifest").fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()
    manifest = {key: json.loads(value) for key, value in rows}
    if manifest.get("complete") is not True or manifest.get("schema_version") != STORE_SCHEMA_VERSION:
        return None
    if manifest.get("sources") != expected_sources():
        return None
    return manifest


def _arrow_table(columns: dict[str, Any], source: CatalogSource) -> pa.Table:
    arrays = {}
    for col in source.columns:
        values = columns[col.name]
        if isinstance(values, np.ndarray) and values.dtype.kind == "f":
            arrays[col.name] = pa.array(values, mask=np.isnan(values))
        else:
            arrays[col.name] = pa.array(values)
    return pa.table(arrays)


def _create_table(con: duckdb.DuckDBPyConnection, source: CatalogSource, table: pa.Table) -> None:
    ddl = ", ".join(f'"{c.name}" {c.sql_type}' for c in source.columns)
    con.execute(f'CREATE TABLE "{source.table}" ({ddl})')
    con.register("_incoming", table)
    names = ", ".join(f'"{c.name}"' for c in source.columns)
    con.execute(f'INSERT INTO "{source.table}" SELECT {names} FROM _incoming ORDER BY healpix')
    con.unregister("_incoming")


def dataset_card(source: CatalogSource, row_count: int, checksum: str, built_at: str) -> dict[str, Any]:
    """The dataset card of one table: what it holds, where it came from, how to cite it."""
    return {
        "table": source.table,
        "title": source.title,
        "description": source.description,
        "columns": [
            {"name": c.name, "type": c.sql_type, "unit": c.unit, "description": c.description} for c in source.columns
        ],
        "row_count": row_count,
        "source_package": source.package,
        "version": source.package_version,
        "source_file": source.source_file().name,
        "checksum_sha256": checksum,
        "reference": source.reference,
        "url": source.url,
        "license": source.license,
        "magnitude_column": source.magnitude_column,
        "id_column": source.id_column,
        "healpix_order": STORE_ORDER,
        "built_at": built_at,
    }


def build_store(settings: Settings, *, force: bool = False, show_progress: bool = True) -> dict[str, Any]:
    """Build (or verify) the store under ``settings.store_dir`` and return its manifest.

    Idempotent: a complete, current store is left as it is unless ``force``.
    """
    target = settings.store_path
    with build_lock(settings.store_dir):
        if not force:
            existing = read_manifest(target)
            if existing is not None:
                return existing
        console = Console(stderr=True, quiet=not show_progress)
        progress = Progress(
            TextColumn("[bold]building observatory store[/] {task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        steps = [
            "reading Hipparcos",
            "reading OpenNGC",
            "matching star names",
            "writing tables",
            "writing dataset cards",
            "verifying",
        ]
        tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
        for leftover in (tmp, Path(f"{tmp}.wal")):
            leftover.unlink(missing_ok=True)
        built_at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        with progress:
            task = progress.add_task(steps[0], total=len(steps))

            def advance(step: int) -> None:
                progress.update(task, completed=step, description=steps[step] if step < len(steps) else "done")

            hip = read_hipparcos(HIPPARCOS.source_file())
            hip["healpix"] = healpix_nested(hip["ra_deg"], hip["dec_deg"])
            advance(1)
            ngc_rows = read_openngc(OPENNGC.source_file())
            ngc = {c.name: [r[c.name] for r in ngc_rows] for c in OPENNGC.columns if c.name != "healpix"}
            ra = np.array([np.nan if v is None else v for v in ngc["ra_deg"]])
            dec = np.array([np.nan if v is None else v for v in ngc["dec_deg"]])
            has_pos = ~np.isnan(ra)
            pix = np.full(ra.size, -1, dtype=np.int64)
            pix[has_pos] = healpix_nested(ra[has_pos], dec[has_pos])
            ngc["healpix"] = [None if p < 0 else int(p) for p in pix]
            advance(2)
            names = match_star_names(read_star_names(), hip) + curated_star_names(hip)
            star_cols: dict[str, Any] = {
                c.name: [r[c.name] for r in names] for c in STAR_NAMES.columns if c.name != "healpix"
            }
            star_cols["healpix"] = healpix_nested(np.array(star_cols["ra_deg"]), np.array(star_cols["dec_deg"]))
            advance(3)
            con = duckdb.connect(str(tmp))
            try:
                tables: dict[CatalogSource, dict[str, Any]] = {
                    HIPPARCOS: dict(hip),
                    OPENNGC: ngc,
                    STAR_NAMES: star_cols,
                }
                counts = {}
                for source, columns in tables.items():
                    _create_table(con, source, _arrow_table(columns, source))
                    counts[source.table] = con.execute(f'SELECT count(*) FROM "{source.table}"').fetchone()[0]  # type: ignore[index]
                advance(4)
                con.execute('CREATE TABLE _cards ("table" VARCHAR PRIMARY KEY, card JSON)')
                checksums = {}
                cards_dir = settings.store_dir / "cards"
                cards_dir.mkdir(parents=True, exist_ok=True)
                for source in tables:
                    checksums[source.table] = source.checksum()
                    card = dataset_card(source, counts[source.table], checksums[source.table], built_at)
                    con.execute("INSERT INTO _cards VALUES (?, ?)", [source.table, json.dumps(card)])
                    (cards_dir / f"{source.table}.json").write_text(json.dumps(card, indent=2) + "\n")
                advance(5)
                sources = expected_sources()
                manifest: dict[str, Any] = {
                    "schema_version": STORE_SCHEMA_VERSION,
                    "built_at": built_at,
                    "sources": sources,
                    "checksums": checksums,
                    "row_counts": counts,
                    "healpix_order": STORE_ORDER,
                    "duckdb_version": importlib.metadata.version("duckdb"),
                }
                manifest["data_version"] = content_hash(
                    {"schema": STORE_SCHEMA_VERSION, "sources": sources, "checksums": checksums}
                )[:12]
                manifest["complete"] = True
                con.execute("CREATE TABLE _manifest (key VARCHAR PRIMARY KEY, value JSON)")
                con.executemany(
                    "INSERT INTO _manifest VALUES (?, ?)", [[k, json.dumps(v)] for k, v in manifest.items()]
                )
                con.execute("CHECKPOINT")
            finally:
                con.close()
            if read_manifest(tmp) is None:
                tmp.unlink(missing_ok=True)
                raise StoreError(f"the freshly built store {tmp} did not verify; nothing was replaced")
            os.replace(tmp, target)
            Path(f"{target}.wal").unlink(missing_ok=True)
            advance(6)
        return manifest
