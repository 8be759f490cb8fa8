"""User catalogs (issue 15): `aeiou catalog add` imports with hats-import, questions run on LSDB/Dask.

The catalog is tests/data/catalogs/survey.* (made by make_survey.py there: sources around M67 and the Pleiades and
Hipparcos stars moved by a known amount). Every count is checked against astropy on the same file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import astropy.units as u
import numpy as np
import pytest
from astropy.coordinates import SkyCoord
from astropy.table import Table
from servers import free_port
from typer.testing import CliRunner

from aeiou_agent import Observatory
from aeiou_agent.catalogs import CatalogError, DaskUnavailable, search, user_catalogs, where_to_pandas
from aeiou_agent.cli import app
from aeiou_agent.exceptions import UnsafeQuery

DATA = Path(__file__).parent / "data" / "catalogs"
runner = CliRunner()


@pytest.fixture(scope="module")
def cat_home(home: Path) -> Path:
    return home / "user-catalogs"


@pytest.fixture(scope="module")
def cat_obs(cat_home: Path) -> Iterator[Observatory]:
    """An observatory with the survey added three times: from CSV (CLI), FITS and Parquet (Python API)."""
    result = runner.invoke(
        app, ["catalog", "add", str(DATA / "survey.csv"), "--name", "testsurvey", "--license", "CC0"],
        env={"AEIOU_HOME": str(cat_home)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    observatory = Observatory(cat_home)
    observatory.add_catalog(DATA / "survey.fits", "fitssurvey")
    observatory.add_catalog(DATA / "survey.parquet", "pqsurvey")
    yield observatory


@pytest.fixture(scope="module")
def survey() -> Table:
    return Table.read(DATA / "survey.fits")


def _coords(table: Table) -> SkyCoord:
    return SkyCoord(np.asarray(table["ra"]) * u.deg, np.asarray(table["dec"]) * u.deg)


def test_added_catalogs_are_listed_with_their_cards(cat_obs: Observatory, cat_home: Path) -> None:
    listed = runner.invoke(app, ["catalog", "list"], env={"AEIOU_HOME": str(cat_home)})
    assert listed.exit_code == 0 and "testsurvey" in listed.output and "1,360" in listed.output
    catalogs = user_catalogs(cat_obs.settings)
    assert catalogs.names() == ["fitssurvey", "pqsurvey", "testsurvey"]
    card = catalogs.card("testsurvey")
    assert card["row_count"] == 1360 and card["license"] == "CC0" and card["hats_version"].startswith("v")
    assert [c["name"] for c in card["columns"]] == ["source_id", "ra", "dec", "g", "parallax", "bp_rp"]
    assert 0 < card["footprint_deg2"] < 100  # two small fields and 160 single stars, not the whole sky
    units = {c["name"]: c["unit"] for c in catalogs.card("fitssurvey")["columns"]}
    assert units["g"] == "mag" and units["parallax"] == "mas" and units["ra"] == "deg"  # from TUNITn
    assert {c["name"]: c["unit"] for c in catalogs.card("pqsurvey")["columns"]}["parallax"] == "mas"  # astropy meta
    assert not [p for p in (cat_home / "catalogs").iterdir() if p.name.startswith(".")]  # no half-written import


def test_cone_search_with_a_condition_matches_astropy(cat_obs: Observatory, survey: Table) -> None:
    answer = cat_obs.ask("How many testsurvey sources within 0.5 degrees of M67 have g < 18?")
    assert [c.tool for c in answer.calls] == ["search_user_catalog"], answer.text
    args = answer.calls[0].args
    assert args["catalog"] == "testsurvey" and args["radius_deg"] == 0.5 and args["where"] == "g < 18"
    m67 = cat_obs.store.resolve("M67")
    inside = _coords(survey).separation(SkyCoord(m67.ra_deg * u.deg, m67.dec_deg * u.deg)) < 0.5 * u.deg
    expected = int(np.sum(inside & (np.asarray(survey["g"]) < 18)))
    assert expected > 50
    assert answer.calls[0].result["count"] == expected
    assert answer.text.startswith(f"{expected} rows of testsurvey within 0.5° of M67")
    distances = [row["distance_arcsec"] for row in answer.calls[0].result["rows"]]
    assert distances == sorted(distances) and distances[-1] < 1800
    kinds = {a.kind for a in answer.artifacts}
    assert {"table/csv", "table/parquet"} <= kinds
    assert any(c.id == "catalog:testsurvey" for c in answer.citations)


def test_every_format_gives_the_same_rows(cat_obs: Observatory) -> None:
    counts = {
        name: search(cat_obs.settings, name, center_deg=(56.75, 24.1167), radius_deg=1.5, where="bp_rp > 1").count
        for name in ("testsurvey", "fitssurvey", "pqsurvey")
    }
    assert len(set(counts.values())) == 1 and counts["testsurvey"] > 100


def test_filter_without_a_cone_names_the_column_it_lacks(cat_obs: Observatory, survey: Table) -> None:
    answer = cat_obs.ask("Select from testsurvey where parallax > 10 and ruwe < 1.4")
    assert [c.tool for c in answer.calls] == ["search_user_catalog"], answer.text
    assert answer.calls[0].args["where"] == "parallax > 10"
    assert answer.calls[0].result["count"] == int(np.sum(np.asarray(survey["parallax"]) > 10))
    assert "ruwe" in answer.text and "no such column" in answer.text  # used or named, never dropped


def test_crossmatch_with_hipparcos_finds_the_moved_stars(cat_obs: Observatory, survey: Table) -> None:
    answer = cat_obs.ask("Cross-match testsurvey with hipparcos within 1 arcsec")
    assert [c.tool for c in answer.calls] == ["crossmatch_catalogs"], answer.text
    result = answer.calls[0].result
    _index, hip = cat_obs.store.columns("hipparcos")
    _idx, separation, _d3 = _coords(survey).match_to_catalog_sky(
        SkyCoord(hip["ra_deg"] * u.deg, hip["dec_deg"] * u.deg)
    )
    assert result["count"] == int(np.sum(separation < 1 * u.arcsec)) == 120
    assert all(row["separation_arcsec"] < 1 for row in result["rows"])
    assert {"hip_hipparcos", "hpmag_hipparcos"} <= set(result["columns"])
    wider = cat_obs.call_tool("crossmatch_catalogs", {"catalog": "testsurvey", "radius_arcsec": 5})
    assert wider.call.result["count"] == int(np.sum(separation < 5 * u.arcsec)) == 160


def test_two_added_catalogs_cross_match(cat_obs: Observatory) -> None:
    run = cat_obs.call_tool("crossmatch_catalogs", {"catalog": "testsurvey", "other": "pqsurvey", "radius_arcsec": 1})
    assert run.call.ok and run.call.result["count"] == 1360  # the same rows: each finds itself at 0″
    assert max(row["separation_arcsec"] for row in run.call.result["rows"]) < 1e-3


def test_sql_reads_an_added_catalog_and_nothing_else(cat_obs: Observatory, survey: Table) -> None:
    run = cat_obs.call_tool("sql_query", {"query": "SELECT count(*) FROM testsurvey WHERE parallax > 5 AND g < 15"})
    expected = int(np.sum((np.asarray(survey["parallax"]) > 5) & (np.asarray(survey["g"]) < 15)))
    assert run.call.ok and run.call.result["rows"] == [[expected]]
    assert run.call.result["columns"] == ["count_star()"]
    star = cat_obs.call_tool("sql_query", {"query": "SELECT * FROM testsurvey LIMIT 1"})
    assert star.call.result["columns"] == ["source_id", "ra", "dec", "g", "parallax", "bp_rp"]  # no HATS columns
    glob = user_catalogs(cat_obs.settings).parquet_glob("testsurvey")
    for hostile in (f"SELECT * FROM read_parquet('{glob}')", "SELECT * FROM read_csv('/etc/passwd')"):
        refused = cat_obs.call_tool("sql_query", {"query": hostile})
        assert not refused.call.ok and refused.call.error_type == "UnsafeQuery"


def test_follow_up_changes_the_radius_only(cat_obs: Observatory) -> None:
    chat = cat_obs.chat()
    first = chat.ask("show testsurvey rows brighter than g = 12 around the Pleiades within 1 degree")
    assert first.calls[0].args["where"] == "g < 12" and first.calls[0].args["radius_deg"] == 1.0
    second = chat.ask("and within 2 degrees?")
    assert second.calls[0].tool == "search_user_catalog"
    assert second.calls[0].args["radius_deg"] == 2.0 and second.calls[0].args["where"] == "g < 12"
    assert second.calls[0].result["count"] > first.calls[0].result["count"]
    assert chat.ask("Where is M31?").calls[0].tool == "resolve_object"  # a new topic starts clean


def test_replay_gives_identical_hashes(cat_obs: Observatory) -> None:
    answer = cat_obs.ask("Cross-match testsurvey with hipparcos within 1 arcsec")
    assert cat_obs.replay(answer.run_id).identical
    answer = cat_obs.ask("How many testsurvey sources within 1 degree of the Pleiades have bp_rp above 1.2?")
    assert answer.calls[0].args["where"] == "bp_rp > 1.2"
    assert cat_obs.replay(answer.run_id).identical


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("id,ra,dec\n1,10,20\n2,400,20\n", "badra", "row 2 has ra = 400"),
        ("id,ra,dec\n1,10,20\n2,10,-95\n", "baddec", r"row 2 has dec = -95 \(Dec must be in \[-90, 90\]"),
        ("id,ra,dec\n1,10,\n", "nopos", "row 1 has no position"),
        ("id,x,y\n1,2,3\n", "nocols", "no right ascension column"),
        ("id,ra,dec\n", "empty", "has no rows"),
        ("id,ra,dec\n1,10,20\n", "Bad-Name", "cannot name a catalog"),
        ("id,ra,dec\n1,10,20\n", "testsurvey", "exists already"),
        ("id,ra,dec\n1,10,20\n", "hipparcos", "built-in catalog"),
        ("id,ra,dec\n1,10,20\n", "stars", "a word questions use"),
    ],
)
def test_bad_input_is_refused_and_leaves_nothing(
    cat_obs: Observatory, cat_home: Path, tmp_path: Path, content: str, name: str, message: str
) -> None:
    path = tmp_path / "input.csv"
    path.write_text(content)
    before = sorted(p.name for p in (cat_home / "catalogs").iterdir())
    with pytest.raises(CatalogError, match=message):
        cat_obs.add_catalog(path, name)
    assert sorted(p.name for p in (cat_home / "catalogs").iterdir()) == before


def test_broken_files_are_refused_through_the_cli(cat_obs: Observatory, cat_home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.parquet"
    broken.write_bytes((DATA / "survey.parquet").read_bytes()[:3000])
    result = runner.invoke(app, ["catalog", "add", str(broken), "--name", "broken"], env={"AEIOU_HOME": str(cat_home)})
    assert result.exit_code != 0 and "cannot be read as PARQUET" in str(result.exception)
    image = tmp_path / "image.fits"
    from astropy.io import fits

    fits.PrimaryHDU(np.zeros((4, 4))).writeto(image)
    with pytest.raises(CatalogError, match="no table extension"):
        cat_obs.add_catalog(image, "picture1")
    assert not (cat_home / "catalogs" / "broken").exists()


def test_an_unknown_catalog_is_named_with_the_ones_there_are(cat_obs: Observatory) -> None:
    run = cat_obs.call_tool("search_user_catalog", {"catalog": "nosuch", "target": "M67"})
    assert not run.call.ok and "the added catalogs are: fitssurvey, pqsurvey, testsurvey" in run.call.error


@pytest.mark.parametrize(
    "where",
    ["__import__('os').system('x') > 0", "g < 18; DROP TABLE x", "@g < 1", "g.__class__ > 1", "nosuch < 3", "g < `x`"],
)
def test_conditions_reach_pandas_only_as_checked_comparisons(where: str) -> None:
    with pytest.raises(UnsafeQuery):
        where_to_pandas(where, ["g", "parallax"])


def test_conditions_translate_to_pandas() -> None:
    assert where_to_pandas("g < 18 AND (parallax >= 2 OR NOT bp_rp BETWEEN 0 AND 1)", ["g", "parallax", "bp_rp"]) == (
        "((`g` < 18.0) & (((`parallax` >= 2.0) | ~((`bp_rp` >= 0.0) & (`bp_rp` <= 1.0)))))"
    )


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[str]:
    """A real `dask scheduler` and two `dask worker` processes on 127.0.0.1."""
    dask = shutil.which("dask", path=str(Path(sys.executable).parent))
    assert dask, "the dask command comes with distributed"
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [
        subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **quiet)  # type: ignore[call-overload]
    ]
    for _ in range(2):
        worker = [dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"]
        processes.append(subprocess.Popen(worker, **quiet))  # type: ignore[call-overload]
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=60)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def test_an_existing_dask_cluster_runs_the_queries(cat_obs: Observatory, cat_home: Path, dask_cluster: str) -> None:
    local = cat_obs.ask("How many testsurvey sources within 1 degree of M67 have g < 16?")
    remote_obs = Observatory(cat_home, dask=dask_cluster)
    remote = remote_obs.ask("How many testsurvey sources within 1 degree of M67 have g < 16?")
    assert remote.calls[0].result["count"] == local.calls[0].result["count"] > 10
    assert remote.calls[0].output_hash == local.calls[0].output_hash  # the cluster changes nothing in the answer
    assert f"Dask: {dask_cluster}" in remote.calls[0].summary  # the ledger says where it ran
    matched = remote_obs.call_tool("crossmatch_catalogs", {"catalog": "testsurvey", "radius_arcsec": 1})
    assert matched.call.ok and matched.call.result["count"] == 120
    from aeiou_agent.catalogs import dask_client

    workers = dask_client(remote_obs.settings).scheduler_info()["workers"]
    assert len(workers) == 2


def test_an_unreachable_dask_scheduler_is_a_clear_error(cat_obs: Observatory, cat_home: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"
    obs = Observatory(cat_home, dask=address)
    with pytest.raises(DaskUnavailable, match="unset AEIOU_DASK"):
        search(obs.settings, "testsurvey", where="g < 12")
    answer = obs.ask("How many testsurvey sources have g < 12?")
    assert answer.status != "answered" and "cannot be reached" in answer.text


def test_columns_asked_for_are_the_only_ones_read(cat_obs: Observatory) -> None:
    run = cat_obs.call_tool(
        "search_user_catalog",
        {"catalog": "testsurvey", "target": "M67", "radius_deg": 0.3, "where": "bp_rp > 1", "columns": ["g"]},
    )
    assert run.call.ok and run.call.result["columns"] == ["distance_arcsec", "g"]
    full = search(cat_obs.settings, "testsurvey", center_deg=(132.825, 11.8), radius_deg=0.3, where="bp_rp > 1")
    assert run.call.result["count"] == full.count > 0
    bad = cat_obs.call_tool("search_user_catalog", {"catalog": "testsurvey", "columns": ["ruwe"]})
    assert not bad.call.ok and "no column(s) ruwe" in bad.call.error


def test_a_question_naming_no_added_catalog_is_told_which_there_are(cat_obs: Observatory, tmp_path: Path) -> None:
    answer = cat_obs.ask("cross-match my catalog with Hipparcos within 2 arcsec")
    assert answer.status == "not_understood" and not answer.calls
    assert "fitssurvey, pqsurvey, testsurvey" in answer.text
    empty = Observatory(tmp_path / "home", settings=None)
    text = empty.ask("cross-match my catalog with Hipparcos within 2 arcsec").text
    assert "You have not added a catalog yet" in text and "aeiou catalog add" in text


def test_a_second_process_runs_queries_while_another_holds_the_dask_port(cat_obs: Observatory, cat_home: Path) -> None:
    """The local cluster binds nothing fixed: a UI and a CLI on one machine each get their own (no port warning)."""
    import socket

    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))  # Dask's default; if something else holds it already, all the better
        holder.listen()
    except OSError:
        pass
    try:
        script = (
            "from aeiou_agent.catalogs import search, dask_client\n"
            "from aeiou_agent.config import Settings\n"
            f"settings = Settings.load(home={str(cat_home)!r})\n"
            "print(search(settings, 'testsurvey', where='g < 12').count)\n"
            "print(dask_client(settings).cluster.scheduler.http_server.port)\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    finally:
        holder.close()
    assert done.returncode == 0, done.stderr[-2000:]
    count, http_port = done.stdout.split()
    assert int(count) == search(cat_obs.settings, "testsurvey", where="g < 12").count and int(http_port) != 8787
    assert "already in use" not in done.stderr
