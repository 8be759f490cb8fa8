"""The local observatory store: catalogs in one DuckDB file, opened read-only, built on first use."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from aeiou_agent.store.sql import QueryResult, SqlRunner

from aeiou_agent._json import file_version, json_cached
from aeiou_agent.answer import Citation
from aeiou_agent.config import Settings
from aeiou_agent.exceptions import ObjectNotFound, StoreError
from aeiou_agent.store import names as names_module
from aeiou_agent.store import sql_worker
from aeiou_agent.store.build import build_store, read_manifest
from aeiou_agent.store.catalogs import CATALOGS, CatalogSource
from aeiou_agent.store.healpix import SkyIndex
from aeiou_agent.store.names import NameIndex, ObjectRef, build_name_index

__all__ = ["CelestialObject", "Store", "build_store"]

_OPEN: dict[Path, Store] = {}
_OPEN_LOCK = threading.Lock()
ROWS_KEPT = 4096  # catalog rows kept after a point lookup (a few MB at most)


def display_designation(name: str) -> str:
    """'NGC0224' → 'NGC 224', 'IC0434' → 'IC 434', 'Mel022' → 'Mel 22', 'M040' → 'M40'."""
    match = re.fullmatch(r"([A-Za-z]+)0*(\d+)(.*)", name)
    if not match:
        return name
    prefix, number, rest = match.groups()
    separator = "" if prefix == "M" else " "
    return f"{prefix}{separator}{number}{rest}"


@dataclass(frozen=True)
class CelestialObject:
    """A resolved catalog object with its position and catalog row."""

    name: str
    designation: str
    table: str
    ra_deg: float
    dec_deg: float
    object_type: str
    aliases: tuple[str, ...] = ()
    row: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """'M31 (NGC 224, Andromeda Galaxy)' or 'Vega (HIP 91262)'."""
        extra = [a for a in self.aliases if a != self.name]
        return f"{self.name} ({', '.join(extra)})" if extra else self.name


def mean_direction(ra_deg: Any, dec_deg: Any) -> tuple[float, float]:
    """The mean direction (RA, Dec in degrees) of positions on the sky: the centre of a constellation or asterism."""
    ra, dec = np.radians(np.asarray(ra_deg, dtype=float)), np.radians(np.asarray(dec_deg, dtype=float))
    x, y, z = (np.cos(dec) * np.cos(ra)).sum(), (np.cos(dec) * np.sin(ra)).sum(), np.sin(dec).sum()
    return float(np.degrees(np.arctan2(y, x)) % 360), float(np.degrees(np.arctan2(z, np.hypot(x, y))))


class Store:
    """Read-only access to the observatory's catalogs, dataset cards and name index.

    One instance per store file per process (see :meth:`open`); thread-safe for readers.
    """

    def __init__(self, settings: Settings, connection: duckdb.DuckDBPyConnection, manifest: dict[str, Any]):
        self.settings = settings
        self._connection = connection
        self.manifest = manifest
        self._lock = threading.Lock()
        self._sky: dict[str, tuple[SkyIndex, dict[str, NDArray[Any]]]] = {}
        # The store is opened read-only: a card or a row read once is the same the next time (~1-5 ms a query).
        self._card_texts: dict[str, str] = {}
        self._rows: dict[tuple[str, str, Any], dict[str, Any] | None] = {}

    @classmethod
    def open(cls, settings: Settings, *, show_progress: bool = True) -> Store:
        """Open the store, building it first if it is missing, partial, stale or corrupt."""
        path = settings.store_path
        with _OPEN_LOCK:
            if path in _OPEN:
                return _OPEN[path]
            manifest = read_manifest(path)
            if manifest is None:
                manifest = build_store(settings, show_progress=show_progress)
            connection = duckdb.connect(
                str(path), config=sql_worker.read_only_config(settings.sql_memory_limit, settings.sql_timeout_ms)
            )
            connection.execute("SET lock_configuration = true")
            store = cls(settings, connection, manifest)
            _OPEN[path] = store
            return store

    @classmethod
    def close_all(cls) -> None:
        """Close every open store (tests and rebuilds)."""
        with _OPEN_LOCK:
            for store in _OPEN.values():
                if "_sql_runner" in store.__dict__:
                    store._sql_runner.close()
                store._connection.close()
            _OPEN.clear()

    @cached_property
    def _sql_runner(self) -> SqlRunner:
        from aeiou_agent.store.sql import SqlRunner

        return SqlRunner(
            self.settings.store_path,
            duckdb_memory_limit=self.settings.sql_memory_limit,
            process_memory_mb=self.settings.sql_process_memory_mb,
            timeout_ms=self.settings.sql_timeout_ms,
            catalogs_dir=self.settings.catalogs_dir,
        )

    def run_sql(self, sql: str, max_rows: int, views: dict[str, str] | None = None) -> QueryResult:
        """Run guarded user SQL (see :func:`aeiou_agent.store.sql.guard_and_translate`) in its bounded process.

        ``views``: user catalogs the query may read, name → Parquet glob (:class:`aeiou_agent.catalogs.UserCatalogs`).
        """
        return self._sql_runner.run(sql, max_rows, self.settings.sql_result_max_bytes, views)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on the locked, read-only connection (one per query or thread)."""
        return self._connection.cursor()

    @property
    def data_version(self) -> str:
        """Short hash identifying the data the store was built from."""
        return str(self.manifest["data_version"])

    @property
    def tables(self) -> list[str]:
        """Catalog tables users may query."""
        return [c.table for c in CATALOGS]

    def source(self, table: str) -> CatalogSource:
        """The catalog description behind ``table``."""
        for catalog in CATALOGS:
            if catalog.table == table:
                return catalog
        raise StoreError(f"no catalog table {table!r}; tables: {', '.join(self.tables)}")

    def card(self, table: str) -> dict[str, Any]:
        """The dataset card of ``table`` (columns with units, source, license, version, checksum)."""
        if table not in self._card_texts:
            self.source(table)
            row = self.cursor().execute('SELECT card FROM _cards WHERE "table" = ?', [table]).fetchone()
            if row is None:
                raise StoreError(f"the store has no dataset card for {table}; rebuild with `aeiou build --force`")
            self._card_texts[table] = row[0]
        card: dict[str, Any] = json.loads(self._card_texts[table])  # a new dict: callers may change theirs
        return card

    def citation(self, table: str) -> Citation:
        """How to cite ``table`` in an answer."""
        card = self.card(table)
        return Citation(
            id=f"dataset:{table}",
            kind="dataset",
            title=card["title"],
            reference=card["reference"],
            version=f"{card['source_package']} {card['version']}",
            license=card["license"],
            url=card["url"],
        )

    def columns(self, table: str) -> tuple[SkyIndex, dict[str, NDArray[Any]]]:
        """All rows of ``table`` with a position, as numpy columns, with a HEALPix sky index over them."""
        with self._lock:
            if table not in self._sky:
                self.source(table)
                arrow = self.cursor().sql(f'SELECT * FROM "{table}" WHERE ra_deg IS NOT NULL').to_arrow_table()
                cols = {name: arrow[name].to_numpy(zero_copy_only=False) for name in arrow.column_names}
                index = SkyIndex(
                    cols["ra_deg"].astype(float), cols["dec_deg"].astype(float), cols["healpix"].astype(np.int64)
                )
                self._sky[table] = (index, cols)
            return self._sky[table]

    @cached_property
    def names(self) -> NameIndex:
        """The resolver's name index over designations, common names and star names (kept in the cache folder)."""

        def build() -> dict[str, Any]:
            cur = self.cursor()
            ngc = cur.execute(
                "SELECT name, type_code, messier, ngc_cross, ic_cross, identifiers, common_names FROM ngc ORDER BY name"
            ).fetchall()
            stars = cur.execute("SELECT name, hip FROM star_names ORDER BY name").fetchall()
            return build_name_index(ngc, stars).to_jsonable()

        version = file_version(names_module.__file__, __file__, extra=self.data_version)  # its rules, query, data
        return NameIndex.from_jsonable(json_cached(self.settings.home / "cache" / f"names-{version}.json", build))

    @cached_property
    def star_names_by_hip(self) -> dict[int, list[str]]:
        """HIP number → its proper names, the preferred spelling first (:data:`PREFERRED_STAR_NAMES`), then A-Z."""
        from aeiou_agent.store.catalogs import PREFERRED_STAR_NAMES

        names: dict[int, list[str]] = {}
        for name, hip in self.cursor().execute("SELECT name, hip FROM star_names ORDER BY name").fetchall():
            names.setdefault(int(hip), []).append(name)
        for listed in names.values():
            listed.sort(key=lambda name: (name not in PREFERRED_STAR_NAMES, name))
        return names

    def _row(self, table: str, where: str, value: Any) -> dict[str, Any] | None:
        key = (table, where, value)
        if key not in self._rows:
            if len(self._rows) >= ROWS_KEPT:
                self._rows.clear()
            cur = self.cursor().execute(f'SELECT * FROM "{table}" WHERE {where} = ?', [value])
            row = cur.fetchone()
            self._rows[key] = None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))
        kept = self._rows[key]
        return None if kept is None else dict(kept)

    def get(self, ref: ObjectRef) -> CelestialObject | None:
        """The object a name-index reference points to, or None if the row does not exist."""
        if ref.table == "asterism":
            return self._asterism(str(ref.key))
        if ref.table == "hipparcos":
            row = self._row("hipparcos", "hip", int(ref.key))
            if row is None:
                return None
            names = self.star_names_by_hip.get(int(row["hip"]), [])
            designation = f"HIP {row['hip']}"
            return CelestialObject(
                name=names[0] if names else designation,
                designation=designation,
                table="hipparcos",
                ra_deg=row["ra_deg"],
                dec_deg=row["dec_deg"],
                object_type="Star",
                aliases=tuple([*names, designation]),
                row=row,
            )
        row = self._row("ngc", "name", str(ref.key))
        if row is None or row["ra_deg"] is None:
            return None
        designation = display_designation(row["name"])
        aliases = [designation]
        if row["ngc_cross"]:
            aliases.append(f"NGC {int(row['ngc_cross'])}" if row["ngc_cross"].isdigit() else f"NGC {row['ngc_cross']}")
        if row["ic_cross"]:
            aliases.append(f"IC {int(row['ic_cross'])}" if row["ic_cross"].isdigit() else f"IC {row['ic_cross']}")
        if row["common_names"]:
            aliases.extend(n.strip() for n in row["common_names"].split(","))
        name = f"M{row['messier']}" if row["messier"] else designation
        if name not in aliases:
            aliases.insert(0, name)
        return CelestialObject(
            name=name,
            designation=designation,
            table="ngc",
            ra_deg=row["ra_deg"],
            dec_deg=row["dec_deg"],
            object_type=row["object_type"],
            aliases=tuple(dict.fromkeys(aliases)),
            row=row,
        )

    def _asterism(self, name: str) -> CelestialObject | None:
        """A star pattern as one object: at the mean direction of its stars, with the stars and its span in ``row``."""
        from astropy.coordinates import SkyCoord

        from aeiou_agent.store.names import ASTERISMS

        names, stars = next(((n, s) for n, s in ASTERISMS.items() if n[0] == name), ((), ()))
        members = [self.get(ref) for ref in (self.names.lookup(star) for star in stars) if ref is not None]
        if not members or None in members:
            return None
        found = [m for m in members if m is not None]
        coords = SkyCoord([m.ra_deg for m in found], [m.dec_deg for m in found], unit="deg")
        centre_ra, centre_dec = mean_direction(coords.ra.deg, coords.dec.deg)
        span = max(float(a.separation(b).deg) for a in coords for b in coords)
        row = {
            "stars": [
                {
                    "name": m.name,
                    "hip": int(m.row["hip"]),
                    "hpmag": m.row["hpmag"],
                    "dist_pc": m.row["dist_pc"],
                    "ra_deg": m.ra_deg,
                    "dec_deg": m.dec_deg,
                }
                for m in found
            ],
            "span_deg": span,
            "constellations": list(dict.fromkeys(str(m.row["constellation"]) for m in found)),
        }
        return CelestialObject(
            name=names[0],
            designation=names[0],
            table="asterism",
            ra_deg=centre_ra,
            dec_deg=centre_dec,
            object_type="Asterism",
            aliases=tuple(names),
            row=row,
        )

    def constellation_centre(self, name: str) -> tuple[str, float, float] | None:
        """A constellation named ('Orion', 'the constellation Orion', 'Ori') as a point, or None.

        Its IAU name and the centre of its Hipparcos stars (RA, Dec in degrees): the mean direction of the stars
        inside its boundary, for 'when does Orion rise?'.
        """
        from aeiou_agent.store.catalogs import constellation_names

        key = re.sub(r"^(the\s+)?constellation(\s+of)?\s+", "", name.strip(), flags=re.IGNORECASE).casefold()
        abbr = next((a for a, full in constellation_names().items() if key in (a.casefold(), full.casefold())), None)
        if abbr is None:
            return None
        _index, cols = self.columns("hipparcos")
        inside = cols["constellation"] == abbr
        centre_ra, centre_dec = mean_direction(
            cols["ra_deg"][inside].astype(float), cols["dec_deg"][inside].astype(float)
        )
        return constellation_names()[abbr], centre_ra, centre_dec

    def resolve(self, name: str) -> CelestialObject:
        """Resolve any spelling of a catalog name, or raise :class:`ObjectNotFound` with suggestions."""
        ref = self.names.lookup(name)
        found = self.get(ref) if ref is not None else None
        if found is None:
            from aeiou_agent.store.catalogs import constellation_names

            constellation = next((c for c in constellation_names().values() if c.lower() == name.strip().lower()), "")
            hint = (  # 'stars within 5 degrees of Orion'
                f"{constellation} is a constellation, a region rather than a point: for a search around a point name "
                f"an object in it or a position, or ask for objects in {constellation} to search all of it."
                if constellation
                else ""
            )
            raise ObjectNotFound(name.strip(), self.names.suggestions(name), hint=hint)
        return found
