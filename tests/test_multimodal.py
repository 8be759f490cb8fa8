"""The multimodal product-of-experts VAE: shipped weights, its five tools, and the questions that reach them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from astropy.io import fits

from aeiou_agent.models.poe_vae import galaxy_rows, load_poe_vae, parameter_errors, params_from_vector, params_vector

HELD_OUT = Path(__file__).parent / "data" / "galaxy_pairs_heldout.npz"


def test_parameter_modality_round_trips_including_the_orientation():
    rows = np.array([[4.0, 1.5, 0.3, 30.0, 4.2], [1.0, 0.5, 0.6, 170.0, 3.9], [2.5, 2.0, 0.0, 0.0, 4.8]])
    back = params_from_vector(params_vector(rows))
    assert np.allclose(back[:2], rows[:2], atol=1e-4)
    assert np.allclose(back[2, [0, 1, 2, 4]], rows[2, [0, 1, 2, 4]], atol=1e-4)  # a round galaxy has no angle


def test_shipped_vae_predicts_parameters_from_one_image_of_unseen_galaxies():
    model = load_poe_vae()
    with np.load(HELD_OUT) as data:
        truth, des, sdss, normal = galaxy_rows(data), data["des"], data["sdss"], data["anomaly"] == 0
    from_des = parameter_errors(model.predict_params(des=des[normal]), truth[normal])
    from_sdss = parameter_errors(model.predict_params(sdss=sdss[normal]), truth[normal])
    # what the card reports on 2,000 held-out galaxies, with room for 60 galaxies' scatter
    assert from_des["sersic_n_median_abs_error"] < 1.0, from_des
    assert from_des["radius_median_relative_error"] < 0.2, from_des
    assert from_des["ellipticity_median_abs_error"] < 0.1, from_des
    assert from_des["log10_flux_median_abs_error"] < 0.06, from_des
    assert from_sdss["radius_median_relative_error"] < 0.25, from_sdss
    assert from_sdss["ellipticity_median_abs_error"] < 0.15, from_sdss


def test_anomaly_ranking_finds_the_injected_anomalies_of_the_reference_survey(obs):
    result = obs.run_tool("rank_anomalies", {"count": 10})
    assert result.call.ok, result.call.error
    data = result.call.result
    assert data["survey_galaxies"] == 1000 and 10 <= data["injected_anomalies"] <= 60
    assert data["roc_auc_survey"] >= 0.9, data["roc_auc_survey"]  # galaxies the model never saw (seed 2026)
    assert data["injected_in_top"] >= 7
    scores = [row["score"] for row in data["ranked"]]
    assert scores == sorted(scores, reverse=True) and [row["rank"] for row in data["ranked"]] == list(range(1, 11))
    assert np.load(result.artifacts[1].path).shape == (10, 48, 48)


def test_similar_galaxies_are_closer_in_structure_than_the_survey_at_large(obs):
    result = obs.run_tool("similar_galaxies", {"sample": 12, "count": 8})
    assert result.call.ok, result.call.error
    data = result.call.result
    assert len(data["neighbours"]) == 8 and 12 not in [row["sample"] for row in data["neighbours"]]
    distances = [row["distance"] for row in data["neighbours"]]
    assert distances == sorted(distances)
    assert data["sersic_n_median_abs_difference"] < data["sersic_n_median_abs_difference_survey"]
    assert data["radius_median_difference_percent"] < 0.5 * data["radius_median_difference_percent_survey"]


def test_prediction_beside_the_least_squares_fit_and_the_truth(obs):
    result = obs.run_tool("predict_galaxy_parameters", {"sample": 3})
    assert result.call.ok, result.call.error
    data = result.call.result
    assert set(data) >= {"predicted", "posterior_std", "least_squares_fit", "truth"}
    assert abs(data["predicted"]["log10_flux"] - data["truth"]["log10_flux"]) < 0.15  # a faint one: 3.7 dex
    assert [a.kind for a in result.artifacts] == ["image/png", "fits"]
    with fits.open(result.artifacts[1].path) as hdus:
        assert hdus[0].data.shape == (48, 48) and hdus["SDSS"].data.shape == (32, 32)
    again = obs.run_tool("predict_galaxy_parameters", {"sample": 3})
    assert again.call.output_hash == result.call.output_hash  # seeded posterior draws: replayable


def test_changing_an_attribute_moves_it_towards_the_request(obs):
    result = obs.run_tool("edit_galaxy", {"sample": 40, "attribute": "half_light_radius_arcsec", "value": 2.5})
    assert result.call.ok, result.call.error
    data = result.call.result
    before, reached = data["before"]["half_light_radius_arcsec"], data["reached"]
    assert abs(reached - 2.5) < 0.5 * abs(before - 2.5), data
    assert abs(data["after"]["sersic_n"] - data["before"]["sersic_n"]) < 1.0


def test_paired_conditional_samples_are_seeded_and_predicted_back(obs):
    args = {"sersic_n": 4.0, "half_light_radius_arcsec": 1.5, "ellipticity": 0.4, "count": 3, "seed": 5}
    result = obs.run_tool("sample_galaxy_pairs", args)
    assert result.call.ok, result.call.error
    back = result.call.result["predicted_back_median"]
    assert abs(back["half_light_radius_arcsec"] / 1.5 - 1) < 0.25 and abs(back["ellipticity"] - 0.4) < 0.15
    with fits.open(result.artifacts[1].path) as hdus:
        assert hdus[0].data.shape == (3, 48, 48) and hdus["SDSS"].data.shape == (3, 32, 32)
    assert obs.run_tool("sample_galaxy_pairs", args).call.output_hash == result.call.output_hash
    assert obs.run_tool("sample_galaxy_pairs", {**args, "seed": 6}).call.output_hash != result.call.output_hash


@pytest.mark.parametrize(
    "tool, args, problem",
    [
        ("predict_galaxy_parameters", {"sample": 5000}, "there is no sample 5000"),
        ("predict_galaxy_parameters", {}, "give path"),
        ("predict_galaxy_parameters", {"sample": 1, "path": "x.npy"}, "not both"),
        ("similar_galaxies", {"sample": 1, "count": 10_000}, "count"),
        ("edit_galaxy", {"sample": 1, "attribute": "sersic_n", "value": 50}, "outside the model's range 0.5–6"),
        ("edit_galaxy", {"sample": 1, "attribute": "colour", "value": 1}, "attribute"),
        ("sample_galaxy_pairs", {"sersic_n": 50}, "sersic_n"),
        ("sample_galaxy_pairs", {"count": 10_000}, "count"),
        ("rank_anomalies", {"count": 0}, "count"),
    ],
)
def test_bad_requests_are_refused_clearly(obs, tool, args, problem):
    call = obs.run_tool(tool, args).call
    assert not call.ok and problem in call.error


def test_files_that_are_not_galaxy_stamps(obs, home):
    uploads = home / "uploads"
    uploads.mkdir(exist_ok=True)
    np.save(uploads / "big.npy", np.ones((64, 64), np.float32))
    np.save(uploads / "one.npy", np.ones((48, 48), np.float32))
    odd = obs.run_tool("predict_galaxy_parameters", {"path": str(uploads / "big.npy")}).call
    assert not odd.ok and "neither a DES-like stamp (48×48" in odd.error
    missing = obs.run_tool("similar_galaxies", {"path": str(uploads / "one.npy"), "index": 3}).call
    assert not missing.ok and "holds one image; sample 3 does not exist" in missing.error
    fits.BinTableHDU.from_columns([fits.Column(name="A", format="E", array=np.ones(3))]).writeto(uploads / "t.fits")
    table = obs.run_tool("edit_galaxy", {"path": str(uploads / "t.fits"), "attribute": "sersic_n", "value": 2}).call
    assert not table.ok and "has no image data" in table.error


@pytest.mark.parametrize(
    "question, tool, expected",
    [
        ("Find the 5 galaxies most similar to sample 12", "similar_galaxies", {"sample": 12, "count": 5}),
        ("show the 10 most anomalous galaxies", "rank_anomalies", {"count": 10}),
        ("which galaxies in the survey are outliers?", "rank_anomalies", {}),
        (
            "Predict the structural parameters of sample 3 with the multimodal VAE",
            "predict_galaxy_parameters",
            {"sample": 3},
        ),
        (
            "predict the parameters of galaxy 40 from its SDSS image",
            "predict_galaxy_parameters",
            {"sample": 40, "survey": "sdss"},
        ),
        (
            "Change the Sersic index of sample 12 to 4",
            "edit_galaxy",
            {"sample": 12, "attribute": "sersic_n", "value": 4.0},
        ),
        ("make galaxy 7 round", "edit_galaxy", {"sample": 7, "attribute": "ellipticity", "value": 0.0}),
        (
            "Draw 3 paired SDSS and DES observations of a galaxy with Sersic index 3, seed 4",
            "sample_galaxy_pairs",
            {"count": 3, "sersic_n": 3.0, "seed": 4},
        ),
    ],
)
def test_issue_questions_reach_the_multimodal_tools(obs, question, tool, expected):
    answer = obs.ask(question)
    assert answer.ok and answer.grounded, answer.text
    (call,) = answer.calls
    assert call.tool == tool and {k: call.args[k] for k in expected} == expected, call.args
    assert "multimodal VAE" in answer.text and answer.artifacts[0].kind == "image/png"
    assert any(c.id == "arXiv:1802.05335" for c in answer.citations)
    assert obs.replay(answer.run_id).identical  # seeds, the cached survey and the weights hash make it replayable


def test_a_chat_refers_to_galaxies_of_earlier_answers(obs):
    session = obs.chat()
    session.ask("show the 6 most anomalous galaxies")
    second = session.ask("predict the parameters of sample 2 of these")
    (call,) = second.calls
    assert call.tool == "predict_galaxy_parameters" and call.args["index"] == 2
    assert call.args["path"].endswith(".npy") and "anomalies_" in call.args["path"]
    changed = session.ask("what would this galaxy look like with a half-light radius of 2 arcsec?")
    (call,) = changed.calls
    assert call.tool == "edit_galaxy" and call.args["attribute"] == "half_light_radius_arcsec"
    assert call.args["path"].endswith(".fits") and "poe_predict_" in call.args["path"]


def test_a_galaxy_question_without_a_galaxy_asks_which(obs):
    answer = obs.ask("Change the Sersic index of this galaxy to 4")
    assert answer.status == "not_understood" and "no earlier image in this conversation to change" in answer.text
