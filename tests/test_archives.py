"""Remote archives (SIMBAD, NED) over real HTTP against a local fake server: answers, provenance, cache, faults.

Each fault test checks the answer text, the ledger row, and that nothing hangs (fail closed within timeout + 1 s).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_archives import SLOW_S, FakeArchiveServer

from aeiou_agent import Observatory
from aeiou_agent.archives import Archive
from aeiou_agent.exceptions import RemoteServiceError, UnsafeQuery


@pytest.fixture()
def server() -> Iterator[FakeArchiveServer]:
    with FakeArchiveServer() as running:
        yield running


def _online(home: Path, urls: str, **settings: object) -> Observatory:
    """An online observatory whose archives are the fake server; its store is built first (not timed)."""
    obs = Observatory(home, online=True, archive_urls=urls, archive_timeout_s=2, **settings)
    assert obs.store.names is not None
    return obs


def test_simbad_answers_with_spectral_type_papers_and_provenance(home, server):
    obs = _online(home / "simbad-ok", server.urls())
    answer = obs.ask("What does SIMBAD say about HD 209458?")
    assert answer.status == "answered", answer.text
    assert [c.tool for c in answer.calls] == ["simbad_object"]
    assert "F9V" in answer.text and "HIP 108859" in answer.text and "2000ApJ...529L..45C" in answer.text
    assert {"service:simbad", "bibcode:2000ApJ...529L..45C"} <= {c.id for c in answer.citations}
    recorded = obs.show(answer.run_id)["calls"][0]
    provenance = recorded["output"]["provenance"][0]
    assert provenance["service"] == "simbad" and provenance["url"].startswith("http://127.0.0.1:")
    assert "ident.id = 'HD 209458'" in provenance["request"]["QUERY"] and len(provenance["response_sha256"]) == 64
    assert "(fetched 20" in recorded["summary"]  # the fetch time is kept in the ledger, outside the output hash
    asked = len(server.seen)
    report = obs.replay(answer.run_id)  # from the cached responses: identical, and the service is not asked again
    assert report.identical and len(server.seen) == asked


def test_replay_with_refresh_asks_the_service_again(home, server):
    obs = _online(home / "simbad-refresh", server.urls())
    run = obs.call_tool("simbad_object", {"name": "Sirius"})
    assert run.call.ok and run.call.result["spectral_type"] == "A1V+DA"
    asked = len(server.seen)
    refreshed = Observatory(home / "simbad-refresh", online=True, archive_urls=server.urls(), archive_refresh=True)
    assert refreshed.replay(run.run_id).identical  # the fake answers the same: no drift
    assert len(server.seen) == asked + 2


def test_ned_gives_the_redshift(home, server):
    answer = _online(home / "ned-ok", server.urls()).ask("What is the redshift of NGC 4993 in NED?")
    assert [c.tool for c in answer.calls] == ["ned_object"], answer.text
    assert "0.009727" in answer.text and "service:ned" in {c.id for c in answer.citations}


def test_offline_the_answer_names_the_service_and_the_switch(home, server):
    obs = Observatory(home / "offline", archive_urls=server.urls())
    for question in ("spectral type of Sirius", "What is the spectral type of Sirius?", "Polaris's luminosity class"):
        answer = obs.ask(question)
        assert answer.status == "not_understood" and not answer.calls, question  # nothing is attempted offline
        assert "AEIOU_ONLINE=1" in answer.text and "SIMBAD" in answer.text and "no spectral types" in answer.text
        assert obs.show(answer.run_id)["status"] == "not_understood"  # the ledger keeps the answer
    assert server.seen == []
    run = obs.call_tool("simbad_object", {"name": "Sirius"})  # called directly (MCP, Python): the same message
    assert "AEIOU_ONLINE=1" in (run.call.error or "") and server.seen == []


def test_an_unknown_name_is_said_plainly(home, server):
    run = _online(home / "unknown", server.urls()).call_tool("simbad_object", {"name": "Xyzzy 12345"})
    assert not run.call.ok and "SIMBAD knows no object called 'Xyzzy 12345'" in (run.call.error or "")


@pytest.mark.parametrize(
    ("mode", "message", "attempts"),
    [
        ("status500", "HTTP 500", 3),  # retried twice with backoff, then a clear failure
        ("truncate", "not a complete VOTable", 1),
        ("slow", "did not answer within 2 s", 1),
    ],
)
def test_faults_fail_closed_with_a_clear_message(home, server, mode, message, attempts):
    obs = _online(home / f"fault-{mode}", server.urls(mode))
    started = time.monotonic()
    run = obs.call_tool("simbad_object", {"name": "HD 209458"})
    elapsed = time.monotonic() - started
    assert elapsed < 2 + 1, f"{mode}: took {elapsed:.1f} s"
    assert not run.call.ok and message in (run.call.error or ""), run.call.error
    assert obs.show(run.run_id)["calls"][0]["error"] == run.call.error  # the ledger keeps the failure
    assert server.count(mode) == attempts
    assert not list((home / f"fault-{mode}" / "archive_cache").glob("**/*.json"))  # nothing bad was cached


def test_a_service_that_is_down_fails_within_the_timeout(home):
    obs = _online(home / "down", "simbad=http://127.0.0.1:9/simbad")  # nothing listens on port 9
    started = time.monotonic()
    run = obs.call_tool("simbad_object", {"name": "HD 209458"})
    assert time.monotonic() - started < 2 + 1
    assert "could not be reached" in (run.call.error or "")


def test_a_passing_5xx_is_retried(home, server):
    run = _online(home / "flaky", server.urls("flaky")).call_tool("simbad_object", {"name": "HD 209458"})
    assert run.call.ok and server.count("flaky") == 3  # 503, then the object, then its papers


def test_tap_overflow_flag_and_adql_guard(home, server):
    obs = _online(home / "tap", server.urls("overflow"))
    archive = Archive(obs.settings, "simbad")
    result = archive.tap(
        "SELECT TOP 1 basic.main_id FROM basic JOIN ident ON ident.oidref = basic.oid WHERE ident.id = 'HD 209458'",
        max_rows=1,
    )
    assert result.overflow and result.rows[0]["main_id"] == "HD 209458"
    for hostile in (
        "DROP TABLE basic",
        "SELECT * FROM basic; SELECT 1",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM secret_table",
    ):
        with pytest.raises(UnsafeQuery):
            archive.tap(hostile, max_rows=10)
    assert server.count("overflow") == 1  # refused queries never leave the machine


def test_a_torn_cache_entry_is_not_used(home, server):
    obs = _online(home / "torn", server.urls())
    archive = Archive(obs.settings, "ned")
    archive.post_json({"json": '{"name": {"v": "NGC 4993"}}'})
    (body,) = (home / "torn" / "archive_cache" / "ned").glob("*.body")
    body.write_bytes(b"{}")
    answer, fetched = archive.post_json({"json": '{"name": {"v": "NGC 4993"}}'})
    assert not fetched.cache_hit and answer["ResultCode"] == 3 and server.count("ok") == 2


def test_offline_archive_raises_before_any_request(home, server):
    archive = Archive(Observatory(home / "offline-archive", archive_urls=server.urls()).settings, "simbad")
    with pytest.raises(RemoteServiceError, match="AEIOU_ONLINE=1"):
        archive.tap("SELECT TOP 1 main_id FROM basic", max_rows=1)
    assert server.seen == [] and SLOW_S > 2  # the slow fault outlasts the 2 s deadline the tests set


def test_the_archive_question_set_against_the_fake_server(home, server):
    """tests/data/archives/questions.jsonl: routing, arguments and answers of archive questions (online)."""
    from aeiou_agent.evals import run_eval

    report = run_eval(
        _online(home / "archive-eval", server.urls()), Path(__file__).parent / "data" / "archives" / "questions.jsonl"
    )
    failures = [(r["id"], r["problems"]) for r in report["cases"] if not (r["answer_ok"] and r["tool_ok"])]
    assert not failures


def test_names_the_local_catalogs_lack_are_resolved_by_simbad_when_online(home, server):
    obs = _online(home / "resolver", server.urls())
    answer = obs.ask("Where is HD 209458?")
    assert answer.calls[0].tool == "resolve_object" and "resolved by SIMBAD" in answer.text
    assert "22h03m10.77s" in answer.text and "service:simbad" in {c.id for c in answer.citations}
    answer = obs.ask("When does HD 209458 rise at La Silla on 2026-08-01?")  # any tool that takes a position
    assert answer.calls[0].tool == "rise_set" and "position from SIMBAD" in answer.text
    asked = len(server.seen)
    assert obs.ask("where is Betelguese").calls[0].args["name"] == "Betelgeuse"  # a typo is corrected locally,
    assert len(server.seen) == asked  # never sent to an archive


def test_offline_an_archive_designation_says_simbad_may_know_it(home, server):
    answer = Observatory(home / "resolver-offline", archive_urls=server.urls()).ask("Where is HD 209458?")
    assert "could not find an object called 'HD 209458'" in answer.text and "AEIOU_ONLINE=1" in answer.text
    assert server.seen == []


def test_gaia_cone_search_counts_what_astropy_counts_and_flags_overflow(home, server):
    import json

    from astropy.coordinates import SkyCoord

    obs = _online(home / "gaia", server.urls())
    m67 = obs.store.resolve("M67")
    rows = json.loads((Path(__file__).parent / "data" / "archives" / "gaia.json").read_text())["rows"]
    stars = SkyCoord([r["ra"] for r in rows], [r["dec"] for r in rows], unit="deg")
    inside = stars.separation(SkyCoord(m67.ra_deg, m67.dec_deg, unit="deg")).deg <= 0.7
    run = obs.call_tool("gaia_cone_search", {"target": "M67", "radius_deg": 0.7})
    assert run.call.ok and run.call.result["count"] == int(inside.sum()) > 2 and not run.call.result["overflow"]
    cut = obs.call_tool("gaia_cone_search", {"target": "M67", "radius_deg": 0.7, "max_rows": 2}).call.result
    assert cut["overflow"] and cut["count"] == 2  # MAXREC cut it: the answer says more exist
    request = cut["provenance"][0]["request"]
    assert request["MAXREC"] == "2" and "FROM gaiadr3.gaia_source" in request["QUERY"]
    answer = obs.ask("Gaia sources within 0.7 degrees of M67 brighter than G = 9")
    assert answer.calls[0].args["g_mag_max"] == 9.0 and "more exist" not in answer.text
    assert "dataset:gaia-dr3" in {c.id for c in answer.citations}


def test_sky_image_is_a_fits_cutout_with_its_wcs_and_a_gridded_png(home, server):
    from astropy.io import fits
    from astropy.wcs import WCS

    obs = _online(home / "image", server.urls())
    answer = obs.ask("get a 2MASS K image of M67, 1 degree wide")
    (call,) = answer.calls
    assert call.tool == "sky_image" and call.args["survey"] == "2MASS K" and call.args["fov_deg"] == 1.0
    fits_file = next(a for a in answer.artifacts if a.kind == "fits")
    with fits.open(fits_file.path) as hdus:
        wcs = WCS(hdus[0].header)
        assert hdus[0].data.shape == (600, 600) and hdus[0].header["HIPS"] == "CDS/P/2MASS/K"
    m67 = obs.store.resolve("M67")
    centre = wcs.pixel_to_world(299.5, 299.5)
    assert abs(centre.ra.deg - m67.ra_deg) < 1e-6 and abs(centre.dec.deg - m67.dec_deg) < 1e-6
    assert "image/png" in {a.kind for a in answer.artifacts} and "service:hips2fits" in {c.id for c in answer.citations}
    broken = _online(home / "image-cut", server.urls("truncate")).call_tool("sky_image", {"target": "M67"})
    assert "not a FITS image" in (broken.call.error or "")
    offline = Observatory(home / "image-offline").ask("Show me a DSS image of M51")
    assert offline.status == "not_understood" and "hips2fits" in offline.text and not offline.calls


@pytest.mark.remote_data
def test_live_archives_answer_as_the_fake_server_does(tmp_path):
    """The real services (AEIOU_REMOTE_TESTS=1): the same questions, checked on facts that do not drift."""
    obs = Observatory(tmp_path, online=True)
    simbad = obs.call_tool("simbad_object", {"name": "HD 209458"}).call
    assert (
        simbad.ok and simbad.result["spectral_type"].startswith("F9") and "HIP 108859" in simbad.result["identifiers"]
    )
    ned = obs.call_tool("ned_object", {"name": "NGC 4993"}).call
    assert ned.ok and abs(ned.result["redshift"] - 0.0098) < 0.0005
    gaia = obs.call_tool("gaia_cone_search", {"target": "M67", "radius_deg": 0.1, "g_mag_max": 12}).call
    assert gaia.ok and gaia.result["count"] > 0


def test_archive_cards_work_offline_and_say_how_to_switch_on(home):
    answer = Observatory(home / "cards").ask("which online archives can you query?")
    assert [c.tool for c in answer.calls] == ["describe_archive"]
    assert all(name in answer.text for name in ("SIMBAD", "NED", "Gaia", "hips2fits", "AEIOU_ONLINE=1"))
    assert {"service:simbad", "service:ned", "dataset:gaia-dr3", "service:hips2fits"} <= {
        c.id for c in answer.citations
    }


def test_vizier_finds_the_catalog_by_keyword_then_cone_searches_it(home, server):
    from astropy.coordinates import SkyCoord

    obs = _online(home / "vizier", server.urls())
    result = obs.call_tool("vizier_query", {"catalog": "2MASS", "target": "Vega"}).call.result
    assert result["table"] == "II/246/out" and result["alternatives"][0]["table"] == "II/281/2mass6x"
    nearest = result["rows"][0]
    assert (nearest["Jmag"], nearest["Hmag"], nearest["Kmag"]) == (-0.177, -0.029, 0.129)
    vega = obs.store.resolve("Vega")
    separation = SkyCoord(vega.ra_deg, vega.dec_deg, unit="deg").separation(
        SkyCoord(nearest["RAJ2000"], nearest["DEJ2000"], unit="deg")
    )
    assert abs(nearest["_r_arcsec"] - separation.arcsec) < 0.01  # Hipparcos epoch J1991.25 vs 2MASS: ~3″ apart
    assert 'FROM "II/246/out"' in result["provenance"][0]["request"]["QUERY"]
    hostile = obs.call_tool("vizier_query", {"catalog": "II/246' OR '1'='1", "target": "Vega"}).call
    assert not hostile.ok and "VizieR has no catalog matching" in (hostile.error or "")  # quoted, not run as SQL


def test_a_big_gaia_query_runs_as_an_asynchronous_job_and_a_stuck_job_is_aborted(home, server):
    obs = _online(home / "gaia-job", server.urls())
    sync = obs.call_tool("gaia_cone_search", {"target": "M67", "radius_deg": 0.7}).call.result
    job = obs.call_tool("gaia_cone_search", {"target": "M67", "radius_deg": 0.7, "max_rows": 5000}).call.result
    assert job["count"] == sync["count"] and job["provenance"][0]["url"].endswith("/async")
    assert {m for m, _service, form in server.seen if form.get("PHASE") == "RUN"} == {"ok"}
    assert not server.jobs  # deleted once its result was read
    stuck = Observatory(home / "gaia-job", online=True, archive_urls=server.urls("slow"), archive_job_timeout_s=2)
    started = time.monotonic()
    run = stuck.call_tool("gaia_cone_search", {"target": "M67", "radius_deg": 0.7, "max_rows": 5000})
    assert time.monotonic() - started < 2 + 1
    assert "did not finish the job within 2 s" in (run.call.error or "")
    assert [j["phase"] for j in server.jobs.values()] == ["ABORTED"]
