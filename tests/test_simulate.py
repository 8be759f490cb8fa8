"""Simulators: the shipped P(k) emulator against held-out CAMB spectra, CAMB itself, and 2D density fields."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from aeiou_agent.models.camb_spectra import Cosmology, camb_linear_and_halofit
from aeiou_agent.models.pca_mlp import relative_errors
from aeiou_agent.models.pk_emulator import OutsideEmulatorRange, load_emulator

HELDOUT = Path(__file__).parent / "data" / "pk_heldout.npz"


@pytest.fixture(scope="module")
def heldout() -> dict[str, np.ndarray]:
    with np.load(HELDOUT) as data:
        return {key: data[key] for key in data.files}


def test_heldout_fixture_is_real_camb_output(heldout):
    omega_m, omega_b, h, n_s, sigma8, z = heldout["params"][7]
    linear, halofit = camb_linear_and_halofit(Cosmology(omega_m, omega_b, h, n_s, sigma8), [float(z)])
    np.testing.assert_allclose(linear[0], heldout["linear"][7], rtol=1e-6)
    np.testing.assert_allclose(halofit[0], heldout["nonlinear"][7], rtol=1e-6)


@pytest.mark.parametrize("kind", ["linear", "nonlinear"])
def test_emulator_meets_the_accuracy_targets_on_heldout_cosmologies(heldout, kind):
    predicted = load_emulator().predict(heldout["params"], kind)
    errors = relative_errors(predicted, heldout[kind])
    assert errors["median"] < 0.005 and errors["p99"] < 0.01, errors


def test_emulator_refuses_parameters_outside_its_training_box():
    with pytest.raises(OutsideEmulatorRange, match=r"omega_m = 0\.6"):
        load_emulator().predict(np.array([[0.6, 0.05, 0.7, 0.96, 0.8, 0.0]]))


def test_power_spectrum_tool_emulator_agrees_with_camb_and_falls_back_outside_range(obs):
    emulated = obs.run_tool("matter_power_spectrum", {"omega_m": 0.3, "sigma8": 0.8, "k_h_mpc": 0.1})
    direct = obs.run_tool("matter_power_spectrum", {"omega_m": 0.3, "sigma8": 0.8, "k_h_mpc": 0.1, "method": "camb"})
    assert emulated.call.result["method"] == "emulator" and direct.call.result["method"] == "camb"
    ratio = emulated.call.result["p_at_k_mpc3_h3"] / direct.call.result["p_at_k_mpc3_h3"]
    assert abs(ratio - 1) < 0.01
    assert {c.id for c in emulated.sources} >= {"software:camb", "model:pk_emulator", "arXiv:2106.03846"}
    outside = obs.run_tool("matter_power_spectrum", {"omega_m": 0.6})
    assert outside.call.result["method"] == "camb" and "outside the emulator's range" in outside.call.result["notes"][0]
    refused = obs.run_tool("matter_power_spectrum", {"omega_m": 0.6, "method": "emulator"})
    assert refused.call.error_type == "InvalidArguments" and "method 'camb'" in refused.call.error


@pytest.mark.parametrize(
    "args, problem",
    [
        ({"sigma8": 5}, "sigma8"),
        ({"omega_b": 0.1, "omega_m": 0.08}, "must be below omega_m"),
        ({"z": -1}, "z"),
    ],
)
def test_power_spectrum_bad_arguments_are_clear(obs, args, problem):
    result = obs.run_tool("matter_power_spectrum", args)
    assert result.call.error_type == "InvalidArguments" and problem in result.call.error


def _chi2_per_bin(result) -> float:
    measured = np.array(result["measured_p_mpc2_h2"])
    expected = np.array(result["expected_p_mpc2_h2"])
    modes = np.array(result["modes"])
    sigma = expected / np.sqrt(modes / 2)  # a real field: half the modes are independent
    return float(np.mean(((measured - expected) / sigma) ** 2))


def test_gaussian_field_power_matches_the_input_within_cosmic_variance(obs):
    chi2 = []
    for seed in range(4):
        result = obs.run_tool("density_field", {"n_pixels": 128, "box_size_mpc_h": 400, "seed": seed}).call.result
        chi2.append(_chi2_per_bin(result))
        assert abs(result["power_ratio_median"] - 1) < 0.1
    assert 0.4 < np.mean(chi2) < 2.0, chi2


def test_more_sigma8_means_more_contrast_and_the_same_seed_the_same_field(obs):
    low = obs.run_tool("density_field", {"sigma8": 0.6, "n_pixels": 64, "seed": 1})
    high = obs.run_tool("density_field", {"sigma8": 1.0, "n_pixels": 64, "seed": 1})
    ratio = high.call.result["delta_std"] / low.call.result["delta_std"]
    assert ratio == pytest.approx(1.0 / 0.6, rel=0.01)  # linear theory: δ ∝ σ8 (to the emulator's accuracy)
    again = obs.run_tool("density_field", {"sigma8": 0.6, "n_pixels": 64, "seed": 1})
    assert again.call.output_hash == low.call.output_hash
    other = obs.run_tool("density_field", {"sigma8": 0.6, "n_pixels": 64, "seed": 2})
    assert other.call.output_hash != low.call.output_hash
    kinds = {a.kind for a in low.artifacts}
    assert kinds == {"image/png", "application/x-npy"}
    field = np.load(next(a.path for a in low.artifacts if a.kind == "application/x-npy"))
    assert field.shape == (64, 64)


def test_lognormal_field_is_a_positive_density_with_the_input_power_on_large_scales(obs):
    result = obs.run_tool("density_field", {"kind": "lognormal", "n_pixels": 128, "seed": 3}).call.result
    assert result["delta_min"] >= -1.0
    k = np.array(result["measured_k_h_mpc"])
    ratio = np.array(result["measured_p_mpc2_h2"]) / np.array(result["expected_p_mpc2_h2"])
    large = (k > 0.05) & (k < 0.3)
    assert abs(np.median(ratio[large]) - 1) < 0.15, ratio


@pytest.mark.parametrize(
    "args, problem",
    [
        ({"n_pixels": 10_000}, "n_pixels"),
        ({"box_size_mpc_h": -5}, "box_size_mpc_h"),
        ({"n_pixels": 2048, "box_size_mpc_h": 100}, "at most 159 pixels"),
        ({"kind": "voronoi"}, "kind"),
    ],
)
def test_density_field_limits(obs, args, problem):
    result = obs.run_tool("density_field", args)
    assert result.call.error_type == "InvalidArguments" and problem in result.call.error


@pytest.mark.parametrize(
    "question, tool, expected",
    [
        (
            "Matter power spectrum at z=0 for Omega_m=0.3, sigma8=0.8",
            "matter_power_spectrum",
            {"z": 0.0, "omega_m": 0.3, "sigma8": 0.8},
        ),
        (
            "What is P(k) at k = 0.1 h/Mpc at z = 1 with halofit?",
            "matter_power_spectrum",
            {"z": 1.0, "k_h_mpc": 0.1, "nonlinear": True},
        ),
        ("Run CAMB for h = 0.7 and n_s = 0.95", "matter_power_spectrum", {"h": 0.7, "n_s": 0.95, "method": "camb"}),
        (
            "Simulate a 2D matter density field with sigma8 = 0.9, 256 pixels, 500 Mpc/h",
            "density_field",
            {"sigma8": 0.9, "n_pixels": 256, "box_size_mpc_h": 500.0},
        ),
        (
            "make a lognormal density map, 128 pixels, seed 4",
            "density_field",
            {"kind": "lognormal", "n_pixels": 128, "seed": 4},
        ),
    ],
)
def test_questions_plan_the_simulators_with_their_arguments(obs, question, tool, expected):
    answer = obs.ask(question)
    assert answer.ok and answer.grounded, answer.text
    (call,) = answer.calls
    assert call.tool == tool and {k: call.args[k] for k in expected} == expected


def test_density_field_answer_states_model_seed_and_attaches_map(obs):
    answer = obs.ask("Simulate a 2D matter density field with sigma8 = 0.9, 128 pixels, 500 Mpc/h, seed 5")
    assert "seed 5" in answer.text and "σ8 = 0.9" in answer.text and "emulator" in answer.text
    assert [a.kind for a in answer.artifacts] == ["image/png", "application/x-npy"]
    assert obs.replay(answer.run_id).identical


def test_follow_up_changes_one_parameter(obs):
    chat = obs.chat()
    chat.ask("Matter power spectrum at z = 0.5 for Omega_m = 0.28")
    answer = chat.ask("and for sigma8 = 0.9?")
    assert answer.calls[0].args["omega_m"] == 0.28 and answer.calls[0].args["sigma8"] == 0.9
    assert answer.calls[0].args["z"] == 0.5
