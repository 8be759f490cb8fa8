"""User catalogs beyond one machine: files imported as HATS (hats-import) and read with LSDB on Dask.

The local store (one DuckDB file, an in-memory HEALPix index) holds the packaged catalogs. A survey or a user's
own table goes here instead: ``aeiou catalog add my.parquet --name mysurvey`` checks the file (a position per row,
in range), imports it with hats-import into ``AEIOU_HOME/catalogs/mysurvey/`` (HEALPix-partitioned Parquet, a
10″ margin cache for cross-matches) and writes a dataset card beside it. Queries open the catalog lazily with LSDB,
so a cone search or a filter reads only the partitions it needs, and run on Dask: a local in-process cluster sized
to the machine by default, or the scheduler ``AEIOU_DASK`` names (``tcp://host:8786``).

A catalog appears only when complete: the import writes into a hidden folder that is renamed into place at the end,
and a failed import leaves nothing behind.
"""

from __future__ import annotations

import atexit
import copy
import datetime as dt
import gc
import hashlib
import json
import logging
import math
import os
import re
import shutil
import threading
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from aeiou_agent.config import Settings
from aeiou_agent.exceptions import AeiouError, UnsafeQuery, UserError
from aeiou_agent.store.catalogs import file_sha256
from aeiou_agent.store.healpix import angular_separation_deg, unit_vectors

if TYPE_CHECKING:
    import lsdb
    import pandas as pd
    from distributed import Client

CARD_FILE = "aeiou_card.json"
MARGIN_ARCSEC = 10.0  # cross-matches up to this radius find pairs across partition edges
NAME = re.compile(r"[a-z][a-z0-9_]{1,39}")
LOCAL_TABLES = ("hipparcos", "ngc")  # store catalogs with positions that can be cross-matched with user catalogs
FORMATS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".fits": "fits", ".fit": "fits", ".fts": "fits"}
_RA_NAMES = ("ra", "ra_deg", "radeg", "raj2000", "ra_icrs", "right_ascension", "alpha_j2000")
_DEC_NAMES = ("dec", "dec_deg", "decdeg", "dej2000", "decj2000", "de_icrs", "dec_icrs", "declination", "delta_j2000")
_BATCH_ROWS = 1_000_000
FOOTPRINT_ORDER = 7  # the footprint is the area of the HEALPix cells of this order (0.21 deg²) holding rows
FULL_SKY_DEG2 = 4 * math.pi * (180 / math.pi) ** 2


class CatalogError(UserError):
    """A catalog cannot be added, found or queried as asked; the message says what to do instead."""


class DaskUnavailable(AeiouError):
    """The Dask scheduler named by AEIOU_DASK cannot be reached."""

    def __init__(self, address: str, reason: str):
        super().__init__(
            f"the Dask scheduler at {address} cannot be reached ({reason}); start it, or unset AEIOU_DASK to use a "
            "local cluster"
        )


# ----------------------------------------------------------------------------------------------- Dask

_CLIENTS: dict[str, Client] = {}
_CLIENTS_LOCK = threading.Lock()


def dask_endpoint(settings: Settings) -> str:
    """Where catalog work runs, as the ledger records it: the scheduler's address, or 'local (N threads)'."""
    return settings.dask or f"local ({os.cpu_count() or 1} threads)"


def dask_client(settings: Settings) -> Client:
    """The Dask client for ``settings``: connected to AEIOU_DASK, or a local in-process cluster; one per process."""
    key = settings.dask or "local"
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(key)
        if client is not None and client.status in {"running", "connecting"}:
            return client
        from distributed import Client, LocalCluster

        if settings.dask:
            try:
                client = Client(settings.dask, timeout="5s", set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise DaskUnavailable(
                    settings.dask, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                ) from None
        else:
            logging.getLogger("distributed").setLevel(logging.ERROR)  # its shutdown chatter is not the user's concern
            cluster = LocalCluster(  # in this process, on loopback: nothing probes the network for an address
                n_workers=1,
                threads_per_worker=os.cpu_count() or 1,
                processes=False,
                host="127.0.0.1",
                protocol="tcp",
                dashboard_address=None,
                # the scheduler's own HTTP routes would take 127.0.0.1:8787, and warn in a second AEIOU process
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            )
            client = Client(cluster, set_as_default=False)
        _CLIENTS[key] = client
        return client


@atexit.register
def _close_all() -> None:
    """Let go of open catalogs and clients while the interpreter is whole (their finalizers need their modules)."""
    _SHARED.clear()
    LOCAL.forget()
    for client in list(_CLIENTS.values()):
        with suppress(Exception):
            client.close(timeout=5)
    _CLIENTS.clear()
    gc.collect()


@contextmanager
def on_dask(settings: Settings) -> Iterator[Client]:
    """Run LSDB and hats-import work inside the block on the settings' Dask client."""
    client = dask_client(settings)
    with client.as_current():
        yield client


# ----------------------------------------------------------------------------------------------- reading the input


@dataclass(frozen=True)
class InputTable:
    """A file to import: its format, columns (name → type), units where the file gives them, and position columns."""

    path: Path
    format: str
    columns: dict[str, str]
    units: dict[str, str]
    ra_column: str
    dec_column: str


def _find_column(columns: list[str], wanted: str | None, candidates: tuple[str, ...], what: str) -> str:
    by_lower = {c.lower(): c for c in columns}
    if wanted:
        if wanted in columns:
            return wanted
        if wanted.lower() in by_lower:
            return by_lower[wanted.lower()]
        raise CatalogError(f"the file has no column {wanted!r} for {what}; its columns are: {', '.join(columns)}")
    for candidate in candidates:
        if candidate in by_lower:
            return by_lower[candidate]
    flag = "--ra" if what == "right ascension" else "--dec"
    raise CatalogError(
        f"the file has no {what} column (looked for {', '.join(candidates[:4])}, ...); name it with {flag} "
        f"COLUMN. Its columns are: {', '.join(columns)}"
    )


def read_input(path: Path, ra_column: str | None = None, dec_column: str | None = None) -> InputTable:
    """Describe ``path`` (Parquet, CSV or FITS table) without reading its rows; CatalogError when unusable."""
    if not path.exists():
        raise CatalogError(f"no file {str(path)!r}")
    if not path.is_file():
        raise CatalogError(f"{str(path)!r} is a folder; give one Parquet, CSV or FITS file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise CatalogError(f"{path.name}: give a Parquet (.parquet), CSV (.csv) or FITS (.fits) table")
    if path.stat().st_size == 0:
        raise CatalogError(f"{path.name} is empty")
    columns: dict[str, str] = {}
    units: dict[str, str] = {}
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            schema = pq.read_schema(path)
            columns = {f.name: str(f.type) for f in schema}
            units = _parquet_units(schema.metadata or {})
        elif fmt == "csv":
            import pyarrow.csv as pacsv

            with pacsv.open_csv(path) as reader:
                columns = {f.name: str(f.type) for f in reader.schema}
        else:
            from astropy.io import fits

            with fits.open(path, memmap=True) as hdus:
                table = next((h for h in hdus if isinstance(h, fits.BinTableHDU | fits.TableHDU)), None)
                if table is None:
                    raise CatalogError(f"{path.name} has no table extension (only images)")
                for column in table.columns:
                    columns[column.name] = str(column.format)
                    if column.unit:
                        units[column.name] = str(column.unit)
    except CatalogError:
        raise
    except Exception as exc:  # a truncated or foreign file: say what the reader said
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CatalogError(f"{path.name} cannot be read as {fmt.upper()}: {reason}") from None
    if not columns:
        raise CatalogError(f"{path.name} has no columns")
    names = list(columns)
    ra = _find_column(names, ra_column, _RA_NAMES, "right ascension")
    dec = _find_column(names, dec_column, _DEC_NAMES, "declination")
    return InputTable(path, fmt, columns, units, ra, dec)


def _parquet_units(metadata: dict[bytes, bytes]) -> dict[str, str]:
    """Units astropy writes into a Parquet file's metadata (``table_meta_yaml``)."""
    raw = metadata.get(b"table_meta_yaml")
    if not raw:
        return {}
    import yaml

    try:
        meta = yaml.safe_load(raw.decode("utf-8", "replace").replace("!astropy.table.SerializedColumn", ""))
    except yaml.YAMLError:
        return {}
    datatypes = meta.get("datatype", []) if isinstance(meta, dict) else []
    return {str(d["name"]): str(d["unit"]) for d in datatypes if isinstance(d, dict) and d.get("unit")}


def _positions(table: InputTable) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The file's RA and Dec in batches, read column by column (a 100M-row file is not loaded whole)."""
    if table.format == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(table.path).iter_batches(_BATCH_ROWS, columns=[table.ra_column, table.dec_column]):
            yield _floats(batch.column(0)), _floats(batch.column(1))
    elif table.format == "csv":
        import pyarrow.csv as pacsv

        options = pacsv.ConvertOptions(include_columns=[table.ra_column, table.dec_column])
        with pacsv.open_csv(table.path, convert_options=options) as reader:
            for batch in reader:
                yield _floats(batch.column(table.ra_column)), _floats(batch.column(table.dec_column))
    else:
        from astropy.io import fits

        with fits.open(table.path, memmap=True) as hdus:
            data = next(h for h in hdus if isinstance(h, fits.BinTableHDU | fits.TableHDU)).data
            for start in range(0, len(data), _BATCH_ROWS):
                chunk = data[start : start + _BATCH_ROWS]
                yield (
                    np.asarray(chunk[table.ra_column], dtype=float),
                    np.asarray(chunk[table.dec_column], dtype=float),
                )


def _floats(column: Any) -> np.ndarray:
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        return np.asarray(pc.cast(column, pa.float64()).to_numpy(zero_copy_only=False), dtype=float)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        raise CatalogError(f"a position column holds values that are not numbers ({column.type})") from None


def check_positions(table: InputTable) -> int:
    """Rows in the file, after checking every row has RA in [0, 360) and Dec in [-90, 90] degrees."""
    rows = 0
    for ra, dec in _positions(table):
        missing = ~(np.isfinite(ra) & np.isfinite(dec))
        if missing.any():
            row = rows + int(np.argmax(missing))
            raise CatalogError(
                f"{table.path.name}: row {row + 1} has no position ({int(missing.sum())} such rows in this part); "
                "every row needs RA and Dec"
            )
        bad_ra = (ra < 0) | (ra >= 360)
        bad_dec = (dec < -90) | (dec > 90)
        if bad_ra.any() or bad_dec.any():
            first = int(np.argmax(bad_ra | bad_dec))
            what = (
                f"{table.ra_column} = {ra[first]:g} (RA must be in [0, 360) degrees)"
                if bad_ra[first]
                else f"{table.dec_column} = {dec[first]:g} (Dec must be in [-90, 90] degrees)"
            )
            hint = " Is it in hours or radians?" if bad_ra[first] and ra.max() < 7 else ""
            raise CatalogError(f"{table.path.name}: row {rows + first + 1} has {what}.{hint}")
        rows += len(ra)
    if rows == 0:
        raise CatalogError(f"{table.path.name} has no rows")
    return rows


# ----------------------------------------------------------------------------------------------- the catalogs


class UserCatalogs:
    """The HATS catalogs under ``AEIOU_HOME/catalogs``: add, list, open, remove."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.root = settings.catalogs_dir
        self._opened: dict[tuple[str, str, tuple[str, ...]], lsdb.Catalog] = {}
        self._lock = threading.Lock()
        self._listed: tuple[int, list[str]] = (-1, [])  # (folder mtime, names): the planner asks every question
        self._cards: dict[str, tuple[int, dict[str, Any]]] = {}

    def names(self) -> list[str]:
        """Names of the complete catalogs (those with a card), A-Z.

        Read again only when the folder changes (an add renames a finished catalog into it, a remove deletes one).
        """
        try:
            changed = self.root.stat().st_mtime_ns
        except FileNotFoundError:
            return []
        if self._listed[0] != changed:
            found = (p.name for p in self.root.iterdir() if (p / CARD_FILE).is_file() and NAME.fullmatch(p.name))
            self._listed = (changed, sorted(found))
        return list(self._listed[1])

    def card(self, name: str) -> dict[str, Any]:
        """The dataset card of catalog ``name``; CatalogError naming the catalogs there are."""
        path = self.root / name / CARD_FILE
        if not NAME.fullmatch(name) or not path.is_file():
            there = self.names()
            listed = f"the added catalogs are: {', '.join(there)}" if there else "no catalog has been added"
            raise CatalogError(
                f"no catalog called {name!r}; {listed} (add one with `aeiou catalog add FILE --name NAME`)"
            )
        changed = path.stat().st_mtime_ns
        cached = self._cards.get(name)
        if cached is None or cached[0] != changed:
            cached = self._cards[name] = (changed, json.loads(path.read_text(encoding="utf-8")))
        return copy.deepcopy(cached[1])

    def hats_path(self, name: str) -> Path:
        """Folder of the HATS catalog ``name``."""
        return self.root / name / "hats"

    def parquet_glob(self, name: str) -> str:
        """The catalog's Parquet files as one glob (for DuckDB views)."""
        return str(self.hats_path(name) / "dataset" / "Norder=*" / "Dir=*" / "Npix=*.parquet")

    def open(self, name: str, columns: tuple[str, ...] = ()) -> lsdb.Catalog:
        """The catalog as a lazy LSDB catalog with its margin cache (opened once per process, checksum, columns).

        With ``columns``, only those are read from the Parquet files.
        """
        card = self.card(name)
        key = (name, card["hats_checksum"], columns)
        with self._lock:
            if key not in self._opened:
                import lsdb

                margin = self.root / name / "margin"
                self._opened[key] = lsdb.open_catalog(
                    self.hats_path(name),
                    columns=list(columns) or None,
                    margin_cache=margin if margin.is_dir() else None,
                )
            return self._opened[key]

    def add(
        self,
        source: Path,
        name: str,
        *,
        ra_column: str | None = None,
        dec_column: str | None = None,
        title: str = "",
        license: str = "",
        progress: bool = True,
        reserved: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """Import ``source`` as catalog ``name`` and return its card. Nothing is left behind if anything fails."""
        if not NAME.fullmatch(name):
            raise CatalogError(
                f"{name!r} cannot name a catalog: use 2-40 lower-case letters, digits and '_', starting with a letter"
            )
        if name in LOCAL_TABLES:
            raise CatalogError(f"{name!r} is the name of a built-in catalog; choose another name")
        if name in reserved:
            raise CatalogError(
                f"{name!r} is a word questions use ('{name}' in a question would mean your catalog); choose a name "
                f"such as 'my_{name}'"
            )
        if (self.root / name).exists():
            raise CatalogError(
                f"a catalog called {name!r} exists already; remove it first (`aeiou catalog remove {name}`)"
            )
        table = read_input(source, ra_column, dec_column)
        rows = check_positions(table)
        self.root.mkdir(parents=True, exist_ok=True)
        staging = self.root / f".incoming-{name}-{uuid.uuid4().hex[:8]}"
        try:
            staging.mkdir()
            self._import(table, name, staging, progress)
            card = self._card(table, name, staging, rows, title, license)
            (staging / CARD_FILE).write_text(json.dumps(card, indent=2, sort_keys=True), encoding="utf-8")
            shutil.rmtree(staging / "tmp", ignore_errors=True)
            try:
                staging.rename(self.root / name)
            except OSError:
                raise CatalogError(f"a catalog called {name!r} was added by another process meanwhile") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return card

    def _import(self, table: InputTable, name: str, staging: Path, progress: bool) -> None:
        from hats_import.catalog.arguments import ImportArguments
        from hats_import.margin_cache.margin_cache_arguments import MarginCacheArguments
        from hats_import.pipeline import pipeline_with_client

        common: dict[str, Any] = {
            "progress_bar": progress,
            "simple_progress_bar": True,
            "tmp_dir": staging / "tmp",
            "resume": False,
        }
        with on_dask(self.settings) as client:
            pipeline_with_client(
                ImportArguments(
                    ra_column=table.ra_column,
                    dec_column=table.dec_column,
                    input_file_list=[str(table.path)],
                    file_reader=table.format,
                    output_artifact_name="hats",
                    output_path=staging,
                    pixel_threshold=150_000,  # partitions of at most 150k rows: a small cone reads little
                    **common,
                ),
                client,
            )
            with warnings.catch_warnings():  # hats-import reads back the margin it wrote, and says so
                warnings.filterwarnings("ignore", message="Computing partitions from catalog parquet files")
                pipeline_with_client(
                    MarginCacheArguments(
                        input_catalog_path=staging / "hats",
                        output_artifact_name="margin",
                        output_path=staging,
                        margin_threshold=MARGIN_ARCSEC,
                        **common,
                    ),
                    client,
                )

    def _card(self, table: InputTable, name: str, staging: Path, rows: int, title: str, license: str) -> dict[str, Any]:
        import hats
        import hats_import
        import lsdb
        from hats.io.skymap import read_skymap

        catalog = lsdb.open_catalog(staging / "hats")
        properties = _properties(staging / "hats" / "hats.properties")
        pixels = catalog.get_healpix_pixels()
        counts = read_skymap(hats.read_hats(staging / "hats"), FOOTPRINT_ORDER)
        sky_fraction = float(np.count_nonzero(counts)) / counts.size
        hidden = {"_healpix_29"}
        columns = [
            {"name": column, "type": str(dtype).replace("[pyarrow]", ""), "unit": table.units.get(column)}
            for column, dtype in catalog.dtypes.items()
            if column not in hidden
        ]
        return {
            "table": name,
            "title": title or f"{name} (imported from {table.path.name})",
            "kind": "hats",
            "source_file": str(table.path.resolve()),
            "source_format": table.format,
            "source_sha256": file_sha256(table.path),
            "license": license or "as supplied by the user (not stated)",
            "row_count": rows,
            "columns": columns,
            "ra_column": table.ra_column,
            "dec_column": table.dec_column,
            "partitions": len(pixels),
            "healpix_orders": sorted({int(p.order) for p in pixels}),
            "footprint_deg2": round(sky_fraction * FULL_SKY_DEG2, 3),
            "footprint_order": FOOTPRINT_ORDER,
            "sky_fraction": sky_fraction,
            "margin_arcsec": MARGIN_ARCSEC,
            "hats_version": properties.get("hats_version", ""),
            "software": f"hats-import {hats_import.__version__}, hats {hats.__version__}, lsdb {lsdb.__version__}",
            "hats_checksum": _tree_checksum(staging / "hats" / "dataset"),
            "created_utc": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }

    def remove(self, name: str) -> None:
        """Delete catalog ``name`` (its card first, so that a half-removed catalog is never listed)."""
        self.card(name)
        (self.root / name / CARD_FILE).unlink()
        shutil.rmtree(self.root / name, ignore_errors=True)


_SHARED: dict[tuple[Path, str], UserCatalogs] = {}


def user_catalogs(settings: Settings) -> UserCatalogs:
    """The process's :class:`UserCatalogs` for ``settings`` (shared, so each catalog is opened once)."""
    key = (settings.catalogs_dir, settings.dask)
    with _CLIENTS_LOCK:
        return _SHARED.setdefault(key, UserCatalogs(settings))


def _properties(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and not line.startswith("#"))
    return {k.strip(): v.strip() for k, v in pairs}


def _tree_checksum(folder: Path) -> str:
    """One SHA-256 over every file below ``folder`` (relative path and content), in a fixed order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(bytes.fromhex(file_sha256(path)))
    return digest.hexdigest()


# ----------------------------------------------------------------------------------------------- filters


def where_to_pandas(where: str, columns: list[str]) -> str:
    """A pandas ``query`` expression for an SQL-style condition on ``columns`` ('g < 18 AND ruwe < 1.4').

    Only comparisons, BETWEEN, IS [NOT] NULL, AND/OR/NOT, numbers, quoted strings and the catalog's column names are
    accepted (parsed with sqlglot), so nothing else can reach pandas' evaluator.
    """
    import sqlglot
    from sqlglot import exp

    by_lower = {c.lower(): c for c in columns}
    try:
        condition = sqlglot.parse_one(f"SELECT 1 WHERE {where}", dialect="duckdb").args["where"].this
    except (sqlglot.errors.SqlglotError, KeyError, AttributeError):
        raise UnsafeQuery(
            f"the condition {where!r} could not be read; write it like 'g < 18 AND parallax > 10'"
        ) from None
    binary = {exp.EQ: "==", exp.NEQ: "!=", exp.GT: ">", exp.GTE: ">=", exp.LT: "<", exp.LTE: "<="}

    def render(node: exp.Expr) -> str:
        if isinstance(node, exp.Paren):
            return f"({render(node.this)})"
        if isinstance(node, exp.And | exp.Or):
            joiner = " & " if isinstance(node, exp.And) else " | "
            return f"({render(node.left)}{joiner}{render(node.right)})"
        if isinstance(node, exp.Not):
            inner = node.this
            if isinstance(inner, exp.Is):
                return f"{render(inner.this)}.notna()"
            return f"~({render(inner)})"
        if isinstance(node, exp.Binary) and type(node) in binary:
            return f"({render(node.left)} {binary[type(node)]} {render(node.right)})"
        if isinstance(node, exp.Between):
            column = render(node.this)
            return f"({column} >= {render(node.args['low'])}) & ({column} <= {render(node.args['high'])})"
        if isinstance(node, exp.Is) and isinstance(node.expression, exp.Null):
            return f"{render(node.this)}.isna()"
        if isinstance(node, exp.Column) and not node.table:
            found = by_lower.get(node.name.lower())
            if found is None:
                raise UnsafeQuery(f"the catalog has no column {node.name!r}; its columns are: {', '.join(columns)}")
            return f"`{found}`"
        if isinstance(node, exp.Neg):
            return f"-{render(node.this)}"
        if isinstance(node, exp.Literal):
            if node.is_string:
                return repr(node.this)
            return repr(float(node.this))
        if isinstance(node, exp.Boolean):
            return "True" if node.this else "False"
        raise UnsafeQuery(f"'{node.sql()}' is not allowed in a catalog condition; use comparisons joined by AND/OR")

    return render(condition)


# ----------------------------------------------------------------------------------------------- local catalogs


class LocalCatalogs:
    """The store's Hipparcos and NGC tables as HATS catalogs (with 10″ margins), for cross-matches.

    Written once per store version under ``AEIOU_HOME/store/hats/`` (from the store's own rows), so that Dask workers
    read them from disk like any other catalog rather than receiving them inside the task graph.
    """

    COLUMNS: ClassVar[dict[str, list[str]]] = {
        "hipparcos": ["hip", "ra_deg", "dec_deg", "hpmag", "plx_mas", "b_v"],
        "ngc": ["name", "ra_deg", "dec_deg", "object_type", "vmag", "maj_axis_arcmin"],
    }

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._opened: dict[Path, lsdb.Catalog] = {}

    def forget(self) -> None:
        """Drop the opened catalogs (at exit, or after a store rebuild)."""
        with self._lock:
            self._opened.clear()

    def path(self, store: Any, table: str) -> Path:
        """Folder of ``table``'s HATS collection for this store version."""
        return Path(store.settings.store_dir) / "hats" / f"{table}-{store.data_version}"

    def open(self, store: Any, table: str) -> lsdb.Catalog:
        """``table`` of ``store`` as an LSDB catalog, written to HATS on first use."""
        import lsdb

        path = self.path(store, table)
        with self._lock:
            if path not in self._opened:
                if not path.is_dir():
                    self._write(store, table, path)
                self._opened[path] = lsdb.open_catalog(path)
            return self._opened[path]

    def _write(self, store: Any, table: str, path: Path) -> None:
        import lsdb
        import pandas as pd

        _index, columns = store.columns(table)
        frame = pd.DataFrame({c: columns[c] for c in self.COLUMNS[table]})
        catalog = lsdb.from_dataframe(
            frame, ra_column="ra_deg", dec_column="dec_deg", catalog_name=table, margin_threshold=MARGIN_ARCSEC
        )
        staging = path.with_name(f".incoming-{path.name}-{uuid.uuid4().hex[:8]}")
        try:
            catalog.write_catalog(staging, as_collection=True, progress_bar=False)
            with suppress(OSError):  # another process wrote it meanwhile: theirs is the same
                staging.rename(path)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


LOCAL = LocalCatalogs()


def frame_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows of a result frame (NaN → None, numpy scalars → Python)."""
    rows: list[dict[str, Any]] = []
    for record in frame.to_dict(orient="records"):
        row: dict[str, Any] = {}
        for key, value in record.items():
            if isinstance(value, np.generic):
                value = value.item()
            if isinstance(value, float) and not math.isfinite(value):
                value = None
            row[str(key)] = value
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------------------------- queries

RESULT_ROW_CAP = 1_000_000  # most rows one query brings into memory (and into its CSV/Parquet files)


@dataclass(frozen=True)
class QueryOutcome:
    """Rows of a catalog query (all of them up to RESULT_ROW_CAP), how many matched, and whether rows were cut."""

    frame: pd.DataFrame
    count: int
    overflow: bool


def _collect(catalog: lsdb.Catalog, client: Client) -> QueryOutcome:
    """The rows (up to RESULT_ROW_CAP, in HEALPix order) and how many there are, in one pass over the partitions.

    Each partition is reduced on the cluster to its length and its first rows; they are gathered one at a time, so
    memory holds the rows kept and one partition's head, however many rows match.
    """
    import pandas as pd
    from dask import delayed

    cap = RESULT_ROW_CAP

    def length_and_head(frame: pd.DataFrame) -> tuple[int, pd.DataFrame]:  # sent by value to remote workers
        return len(frame), frame.head(cap)

    futures = client.compute([delayed(length_and_head)(part) for part in catalog.to_delayed()])
    kept: list[pd.DataFrame] = []
    count = 0
    for future in futures:
        rows, head = future.result()
        future.release()
        if count < cap and rows:
            kept.append(head.iloc[: cap - count])
        count += rows
    frame = pd.concat(kept) if kept else catalog.meta.copy()
    return QueryOutcome(frame, count, count > cap)


def search(
    settings: Settings,
    name: str,
    *,
    center_deg: tuple[float, float] | None = None,
    radius_deg: float | None = None,
    where: str | None = None,
    columns: list[str] | None = None,
) -> QueryOutcome:
    """Rows of user catalog ``name`` in a cone and/or meeting ``where``; sorted by distance from the centre.

    The cone and the filter are pushed down to LSDB (only the partitions the cone touches are read).
    """
    catalogs = user_catalogs(settings)
    card = catalogs.card(name)
    known = [c["name"] for c in card["columns"]]
    if columns:
        unknown = [c for c in columns if c not in known]
        if unknown:
            raise CatalogError(f"{name} has no column(s) {', '.join(unknown)}; its columns are: {', '.join(known)}")
    expression = where_to_pandas(where, known) if where else None
    read: tuple[str, ...] = ()
    if columns:  # only what is shown, placed, filtered on or sorted by is read from the files
        needed = {
            *columns,
            card["ra_column"],
            card["dec_column"],
            known[0],
            *re.findall(r"`([^`]+)`", expression or ""),
        }
        read = tuple(c for c in known if c in needed)
    with on_dask(catalogs.settings) as client:
        catalog = catalogs.open(name, read)
        if center_deg is not None:
            catalog = catalog.cone_search(center_deg[0], center_deg[1], (radius_deg or 1.0) * 3600)
        if expression:
            catalog = catalog.query(expression)
        outcome = _collect(catalog, client)
    import pandas as pd

    frame = pd.DataFrame(outcome.frame.drop(columns=["_healpix_29"], errors="ignore")).reset_index(drop=True)
    if center_deg is not None:
        frame.insert(
            0,
            "distance_arcsec",
            3600.0
            * angular_separation_deg(
                unit_vectors(frame[card["ra_column"]].to_numpy(float), frame[card["dec_column"]].to_numpy(float)),
                unit_vectors(np.array(center_deg[0]), np.array(center_deg[1])),
            ),
        )
        frame = frame.sort_values(["distance_arcsec", *known[:1]], kind="stable").reset_index(drop=True)
    if columns:
        keep = (["distance_arcsec"] if center_deg is not None else []) + columns
        frame = frame[keep]
    return QueryOutcome(frame, outcome.count, outcome.overflow)


def crossmatch(
    settings: Settings, store: Any, name: str, other: str, *, radius_arcsec: float
) -> tuple[QueryOutcome, dict[str, Any] | None]:
    """Each row of user catalog ``name`` with its nearest ``other`` row within ``radius_arcsec``.

    ``other`` is a local table (hipparcos, ngc) or another user catalog (then its card comes back too). Sorted by
    separation. Pairs across partition edges are found through the right catalog's margin (10″).
    """
    if not 0 < radius_arcsec <= MARGIN_ARCSEC:
        raise CatalogError(f"cross-match radii go up to {MARGIN_ARCSEC:g} arcsec (the catalogs' margins)")
    catalogs = user_catalogs(settings)
    catalogs.card(name)
    other_card = None
    if other in LOCAL_TABLES:
        right = LOCAL.open(store, other)
    else:
        other_card = catalogs.card(other)
        if other == name:
            raise CatalogError("cross-match a catalog with another one, not with itself")
    import pandas as pd

    with on_dask(settings) as client:
        left = catalogs.open(name)
        if other_card is not None:
            right = catalogs.open(other)
        matched = left.crossmatch(
            right,
            radius_arcsec=radius_arcsec,
            n_neighbors=1,
            suffixes=("", f"_{other}"),
            suffix_method="all_columns",
            log_changes=False,
        )
        outcome = _collect(matched, client)
    frame = outcome.frame.drop(columns=["_healpix_29", f"_healpix_29_{other}"], errors="ignore").reset_index(drop=True)
    frame = frame.rename(columns={"_dist_arcsec": "separation_arcsec"})
    first = [c for c in frame.columns if c != "separation_arcsec"][:1]
    frame = frame.sort_values(["separation_arcsec", *first], kind="stable").reset_index(drop=True)
    frame = pd.DataFrame(frame)
    return QueryOutcome(frame, outcome.count, outcome.overflow), other_card
