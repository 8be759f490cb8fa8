"""Synthetic deep fields: the field, its truth catalog, the detection check, and the questions that reach the tool."""

from __future__ import annotations

import math

import numpy as np
from astropy.io import fits

from aeiou_agent.models.deep_field import BRIGHT_MAG, FieldSpec, draw_truth
from aeiou_agent.planning import ChatContext


def test_truth_follows_the_chosen_distributions():
    spec = FieldSpec(size_pixels=4096, galaxies_per_arcmin2=20, mag_limit=24, count_slope=0.3, seed=11)
    truth = draw_truth(spec)
    expected = 20 * spec.area_arcmin2
    assert abs(len(truth["mag"]) - expected) < 4 * math.sqrt(expected)  # Poisson about the asked density
    assert truth["mag"].min() >= BRIGHT_MAG and truth["mag"].max() <= 24
    counts, edges = np.histogram(truth["mag"], np.arange(19, 24.01, 0.5))
    slope = np.polyfit(edges[:-1], np.log10(counts), 1)[0]
    assert abs(slope - 0.3) < 0.03  # d log10 N / dm as asked
    assert abs(np.median(truth["half_light_radius_arcsec"]) - 0.5) < 0.03
    assert abs(truth["bulge"].mean() - 0.3) < 0.03 and np.all(truth["sersic_n"][truth["bulge"]] >= 3)


def test_tool_draws_a_field_whose_detections_recover_the_input(obs):
    run = obs.run_tool("synthetic_deep_field", {"size_pixels": 2048, "seed": 4})
    assert run.call.ok, run.call.error
    data = run.call.result
    assert [a.kind for a in run.artifacts] == ["image/png", "fits", "text/csv", "image/png"]
    with fits.open(run.artifacts[1].path) as hdus:
        assert hdus[0].data.shape == (2048, 2048) and hdus[0].header["SEED"] == 4
        truth = hdus["TRUTH"].data
        assert len(truth) == data["galaxies"] and {"x", "y", "mag", "sersic_n"} <= set(truth.columns.names)
    rows = np.loadtxt(run.artifacts[2].path, delimiter=",", skiprows=1)
    assert rows.shape[0] == data["galaxies"]
    check = data["validation"]
    assert check["counts_recovered"] and check["count_bins_compared"] >= 3, check
    assert 22.0 <= check["completeness_90_mag"] <= 23.0
    low, high = check["sizes"]["median_ratio_interval_95"]
    assert check["sizes"]["galaxies"] >= 50 and low >= 0.95 and high <= 1.05, check["sizes"]
    again = obs.run_tool("synthetic_deep_field", {"size_pixels": 2048, "seed": 4, "detect_sources": False})
    assert again.artifacts[1].sha256 == run.artifacts[1].sha256  # the same seed draws the same field
    assert again.call.result["validation"] is None


def test_bad_sizes_are_refused_with_the_range(obs):
    run = obs.run_tool("synthetic_deep_field", {"size_pixels": 100})
    assert not run.call.ok and "128" in run.call.error


def test_questions_reach_the_tool_with_their_numbers(obs):
    plan = obs.planner.plan(
        "simulate a deep field with 40 galaxies per square arcminute down to magnitude 25, seed 7", ChatContext()
    )
    (call,) = plan.calls
    assert call.tool == "synthetic_deep_field"
    assert call.args["galaxies_per_arcmin2"] == 40 and call.args["mag_max"] == 25 and call.args["seed"] == 7
    assert "galaxy_count" not in call.args or call.args["galaxy_count"] is None  # a density, not 40 galaxies
    plan = obs.planner.plan("make a synthetic deep field of 2048 x 2048 pixels", ChatContext())
    assert plan.calls[0].tool == "synthetic_deep_field" and plan.calls[0].args["size_pixels"] == 2048
    assert obs.planner.plan("what is a deep field?", ChatContext()).calls[0].tool == "search_literature"
    described = "generating synthetic deep fields of any size with neural networks"  # a method, not a request
    assert obs.planner.plan(described, ChatContext()).calls[0].tool == "search_literature"
    question = "a 512 pixel mock deep image with only disc galaxies, median radius 0.8 arcsec, without source detection"
    (call,) = obs.planner.plan(question, ChatContext()).calls  # no request verb; each choice read by its name
    assert call.tool == "synthetic_deep_field" and call.args["size_pixels"] == 512
    assert call.args["bulge_fraction"] == 0 and call.args["median_radius_arcsec"] == 0.8
    assert call.args["detect_sources"] is False


def test_a_long_field_reports_its_progress_while_it_is_drawn(obs):
    events = []
    answer = obs.ask(
        "simulate a deep field of 5000 galaxies, 1024 pixels, without source detection", on_progress=events.append
    )
    assert answer.calls and answer.calls[0].tool == "synthetic_deep_field" and answer.calls[0].ok
    working = [(e.done, e.total) for e in events if e.stage == "working"]
    assert len(working) >= 2 and working[-1] == (5000, 5000)  # one report per chunk of stamps, the last at the end
    assert [d for d, _ in working] == sorted(d for d, _ in working)
    stages = [e.stage for e in events]
    assert stages.index("calling") < stages.index("working") < stages.index("called")
