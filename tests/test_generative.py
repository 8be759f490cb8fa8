"""Generative galaxy models: the shipped conditional VAE, its tool, and the questions that reach it."""

from __future__ import annotations

import numpy as np
import pytest
from astropy.io import fits

from aeiou_agent.models.cvae import concentration, load_cvae, validate


def test_shipped_cvae_follows_its_condition_on_fresh_galaxies():
    metrics = validate(load_cvae(), seed=123, n=150)  # not the seed the weights were validated with
    assert metrics["concentration_spearman_vs_n"] >= 0.9, metrics
    assert metrics["size_median_relative_error"] <= 0.10, metrics


def test_samples_are_deterministic_in_the_seed():
    model = load_cvae()
    args = (np.array([1.0, 4.0]), np.array([1.0, 1.0]), np.array([0.2, 0.2]))
    first, again, other = model.sample(*args, seed=5), model.sample(*args, seed=5), model.sample(*args, seed=6)
    assert first.shape == (2, 48, 48) and np.array_equal(first, again) and not np.array_equal(first, other)


def test_tool_draws_groups_with_grid_array_and_fits(obs):
    result = obs.run_tool("generate_galaxies", {"sersic_n": [1, 4], "count_per_index": 6, "seed": 2})
    assert result.call.ok, result.call.error
    data = result.call.result
    assert data["total"] == 12 and [g["sersic_n"] for g in data["groups"]] == [1, 4]
    assert data["groups"][1]["concentration_median"] > data["groups"][0]["concentration_median"]
    kinds = [a.kind for a in result.artifacts]
    assert kinds == ["image/png", "application/x-npy", "fits"]
    stamps = np.load(result.artifacts[1].path)
    assert stamps.shape == (12, 48, 48)
    with fits.open(result.artifacts[2].path) as hdus:
        assert hdus[0].header["SEED"] == 2 and hdus[0].data.shape == (12, 48, 48)
        assert list(hdus[1].data["SERSIC_N"]) == [1.0] * 6 + [4.0] * 6
    again = obs.run_tool("generate_galaxies", {"sersic_n": [1, 4], "count_per_index": 6, "seed": 2})
    assert again.call.output_hash == result.call.output_hash
    assert np.all(np.diff(concentration(stamps[:6])) != 0)  # not six copies of one galaxy


@pytest.mark.parametrize(
    "args, problem",
    [
        ({"sersic_n": [50]}, "sersic_n"),
        ({"half_light_radius_arcsec": -1}, "half_light_radius_arcsec"),
        ({"count_per_index": 10_000}, "count_per_index"),
        ({"sersic_n": [1, 2, 3, 4, 5], "count_per_index": 64}, "at most 256"),
    ],
)
def test_bad_requests_are_refused_clearly(obs, args, problem):
    result = obs.run_tool("generate_galaxies", args)
    assert result.call.error_type == "InvalidArguments" and problem in result.call.error


@pytest.mark.parametrize(
    "question, expected",
    [
        (
            "Draw 6 synthetic galaxies with Sersic index 1 and 6 with Sersic index 4",
            {"sersic_n": [1.0, 4.0], "count_per_index": 6},
        ),
        (
            "Generate a galaxy with half-light radius 1.5 arcsec, ellipticity 0.3, seed 7",
            {"count_per_index": 1, "half_light_radius_arcsec": 1.5, "ellipticity": 0.3, "seed": 7},
        ),
        ("draw five synthetic galaxies with Sérsic index 4", {"sersic_n": [4.0], "count_per_index": 5}),
    ],
)
def test_issue_questions_reach_the_generator(obs, question, expected):
    answer = obs.ask(question)
    assert answer.ok and answer.grounded, answer.text
    (call,) = answer.calls
    assert call.tool == "generate_galaxies" and {k: call.args[k] for k in expected} == expected
    assert "conditional VAE" in answer.text and "seed" in answer.text and answer.artifacts[0].kind == "image/png"


def test_sersic_index_50_gets_a_clear_answer(obs):
    answer = obs.ask("Draw galaxies with Sersic index 50")
    assert answer.status == "not_understood" and "sersic_n" in answer.text


def test_structural_parameters_of_a_simulated_galaxy_and_of_this_cutout(obs):
    session = obs.chat()
    simulated = session.ask(
        "Estimate the structural parameters of a simulated noisy galaxy with Sersic index 3, seed 2"
    )
    (call,) = simulated.calls
    assert call.tool == "fit_galaxy_profile" and call.args["sersic_n"] == 3.0 and simulated.grounded
    fit, truth = call.result["fit"], call.result["truth"]
    assert abs(fit["sersic_n"] - truth["sersic_n"]) < 0.6
    assert abs(fit["half_light_radius_arcsec"] / truth["half_light_radius_arcsec"] - 1) < 0.15
    assert 0.7 < call.result["reduced_chi2"] < 1.3  # the noise model fits the simulated noise
    assert [a.kind for a in simulated.artifacts] == ["image/png"]
    session.ask("Enhance the signal-to-noise of a simulated SDSS-like cutout of a Sersic index 4 galaxy, seed 3")
    this = session.ask("Estimate the structural parameters of this noisy galaxy")
    (call,) = this.calls
    assert call.tool == "fit_galaxy_profile" and call.args["path"].endswith(".fits")
    assert call.result["survey"] == "sdss" and "sdss_cutout_" in call.args["path"]


def test_structural_parameters_need_an_image(obs, home):
    answer = obs.ask("Estimate the structural parameters of this noisy galaxy")
    assert answer.status == "not_understood" and "no earlier image in this conversation to fit" in answer.text
    odd = home / "uploads" / "odd.npy"
    odd.parent.mkdir(exist_ok=True)
    np.save(odd, np.ones((20, 20), np.float32))
    call = obs.run_tool("fit_galaxy_profile", {"path": str(odd)}).call
    assert not call.ok and "neither SDSS-like (32×32, 0.396″) nor DES-like" in call.error
