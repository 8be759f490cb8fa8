"""Finder charts: the field drawn from the local catalogs, checked against astropy; PNG and PDF; replayable."""

from __future__ import annotations

import math

import numpy as np
from astropy import units as u
from astropy.coordinates import AltAz, EarthLocation, SkyCoord
from astropy.time import Time
from fake_archives import FakeArchiveServer

from aeiou_agent import Observatory


def test_finder_chart_draws_the_field_and_the_zenith_direction(obs):
    answer = obs.ask("finder chart for Albireo, 2 degrees, for Kitt Peak at 2026-08-01T05:00")
    (call,) = answer.calls
    assert call.tool == "finder_chart" and call.args["field_deg"] == 2.0 and call.args["site"] == "Kitt Peak"
    result = call.result
    assert {a.kind for a in answer.artifacts} == {"image/png", "application/pdf"}
    assert result["orientation"] == "north up, east left" and result["brightest"][0]["label"] == "Albireo"

    # every Hipparcos star inside the inscribed circle is drawn; none outside the circumscribed one could be
    _index, stars = obs.store.columns("hipparcos")
    center = SkyCoord(result["center"]["ra_deg"], result["center"]["dec_deg"], unit="deg")
    separation = SkyCoord(stars["ra_deg"], stars["dec_deg"], unit="deg").separation(center).deg
    has_mag = ~np.isnan(stars["hpmag"].astype(float))
    assert (has_mag & (separation <= 1.0)).sum() <= result["stars_drawn"] <= (has_mag & (separation <= 1.42)).sum()

    # altitude and parallactic angle against astropy: the zenith's position angle seen from the target
    kitt_peak = EarthLocation(lat=31.9583 * u.deg, lon=-111.5967 * u.deg, height=2096 * u.m)
    frame = AltAz(obstime=Time("2026-08-01T05:00:00"), location=kitt_peak)
    seen = center.transform_to(frame)
    above = SkyCoord(az=seen.az, alt=seen.alt + 0.01 * u.deg, frame=frame).transform_to("icrs")
    observing = result["observing"]
    assert abs(observing["altitude_deg"] - seen.alt.deg) < 0.05
    expected_q = center.position_angle(above).wrap_at(180 * u.deg).deg
    assert abs((observing["parallactic_angle_deg"] - expected_q + 180) % 360 - 180) < 0.5
    assert f"{observing['parallactic_angle_deg']:+.1f}°" in answer.text
    assert obs.replay(answer.run_id).identical  # PNG and PDF are byte-for-byte reproducible


def test_finder_chart_small_field_says_hipparcos_is_shallow_and_adds_gaia_online(home):
    offline = Observatory(home).call_tool("finder_chart", {"target": "M67", "field_deg": 0.5})
    assert "Hipparcos stars only" in offline.call.result["gaia"]
    with FakeArchiveServer() as server:
        online = Observatory(home / "finder-online", online=True, archive_urls=server.urls())
        run = online.call_tool("finder_chart", {"target": "M67", "field_deg": 1.0})
    assert run.call.result["gaia_stars_drawn"] > 0 and "dataset:gaia-dr3" in {c.id for c in run.citations}
    assert math.isfinite(run.call.result["center"]["ra_deg"])


def test_a_follow_up_changes_one_thing_of_a_finder_chart(obs):
    chat = obs.chat()
    chat.ask("finder chart of M57, 30 arcmin")
    again = chat.ask("and for Albireo?").calls[0].args
    assert again["target"] == "Albireo" and again["field_deg"] == 0.5  # the field it did not change is kept
    assert chat.ask("make it 2 degrees").calls[0].args == {**again, "field_deg": 2.0}
    assert chat.ask("finder chart for M13").calls[0].args.get("field_deg") in (None, 1.0)  # a new request starts clean


def test_show_me_an_object_draws_it_whole(obs):
    """'Show me the Orion Nebula' printed the catalog entry; a 'show me' with a name alone is a finder chart, and a
    chart with no width asked is wide enough for the object's catalogued size (ongc.db: M31 177.83′ → 6°)."""
    import sqlite3

    import pyongc

    with sqlite3.connect(pyongc.DBPATH) as db:
        (m31_arcmin,) = db.execute("SELECT majax FROM objects WHERE name = 'NGC0224'").fetchone()
    shown = obs.ask("show me M31")
    assert shown.calls[0].tool == "finder_chart" and shown.artifacts
    assert shown.calls[0].result["field_deg"] >= 2 * m31_arcmin / 60 and "a 360′ field" in shown.text
    assert obs.ask("Show me the Orion Nebula").calls[0].tool == "finder_chart"
    assert obs.ask("finder chart for M57").calls[0].result["field_deg"] == 1.0  # small: the default degree
    assert obs.ask("Tell me about M31").calls[0].tool == "object_info"
    assert [c.tool for c in obs.ask("show me the stars near Vega").calls][-1] == "cone_search"
