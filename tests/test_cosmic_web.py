"""The cosmic-web simulator (2LPT) and the statistics that judge generated slices, on real runs of it."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import fft
from scipy.ndimage import gaussian_filter

from aeiou_agent.models import cosmic_web as cw

N, BOX = 64, 128.0  # 2 Mpc/h cells, as in the training boxes


def _particles_density(delta_k: np.ndarray, *, second_order: bool, n: int = N, box: float = BOX) -> np.ndarray:
    displacement = cw.displacements_2lpt(delta_k, n, box, 0.3111, second_order=second_order)
    grid = (np.indices((n, n, n)) + 0.5) * (box / n)
    return cw.cic_density(grid + displacement, n, box) - 1.0


def test_particles_displaced_by_a_weak_field_carry_its_linear_power_spectrum():
    k_table, p_table = cw.linear_power(0.8102, 0.3111)
    weak = 0.01 * p_table  # σ8 ≈ 0.08: linear theory holds, so the particles must reproduce P(k)
    delta_k = cw.linear_density_k(k_table, weak, N, BOX, np.random.default_rng(3))
    delta = _particles_density(delta_k, second_order=True)
    kx, ky, kz = cw._wavenumbers(N, BOX)
    k = np.sqrt(kx**2 + ky**2 + kz**2)
    cell = BOX / N
    cic_window = (np.sinc(kx * cell / 2 / np.pi) * np.sinc(ky * cell / 2 / np.pi) * np.sinc(kz * cell / 2 / np.pi)) ** 4
    measured = np.abs(fft.rfftn(delta)) ** 2 * BOX**3 / N**6 / cic_window
    # compare with the realisation's own modes (no cosmic variance), up to a quarter of Nyquist
    realised = np.abs(delta_k) ** 2 * BOX**3 / N**6
    band = (k > 0.05) & (k < 0.4)
    assert measured[band].sum() / realised[band].sum() == pytest.approx(1.0, abs=0.03)
    expected = cw._power_at(k[band], k_table, weak)
    assert realised[band].mean() / expected.mean() == pytest.approx(1.0, abs=0.1)


def test_the_second_order_term_adds_the_tree_level_skewness_of_gravity():
    # tree-level perturbation theory: S3 = 34/7 + smoothing term, the Zel'dovich approximation 4 + the same term
    k_table, p_table = cw.linear_power(0.8102, 0.3111)
    differences = []
    for seed in range(2):
        delta_k = cw.linear_density_k(k_table, 0.03 * p_table, N, BOX * 2, np.random.default_rng(seed))
        s3 = []
        for second_order in (False, True):
            delta = gaussian_filter(_particles_density(delta_k, second_order=second_order, box=BOX * 2), 2, mode="wrap")
            s3.append((delta**3).mean() / (delta**2).mean() ** 2)
        differences.append(s3[1] - s3[0])
    assert np.mean(differences) == pytest.approx(6 / 7, abs=0.25)  # a wrong sign of D2 gives −6/7


def test_a_box_projects_to_slabs_and_quadrants_of_mean_density_one():
    density = cw.simulate_box(0.8102, 0.3111, seed=5, n=N, box_mpc_h=BOX)
    assert density.mean() == pytest.approx(1.0) and density.min() >= 0
    assert np.array_equal(density, cw.simulate_box(0.8102, 0.3111, seed=5, n=N, box_mpc_h=BOX))  # same seed
    maps = cw.slabs(density)
    assert maps.shape == (3 * N // cw.SLAB_CELLS, N, N)
    assert maps.mean() == pytest.approx(1.0)  # each slab's own mean varies with the large-scale modes
    tiles = cw.quadrants(maps, size=32)
    assert tiles.shape == (4 * len(maps), 32, 32) and np.allclose(tiles.mean(axis=(1, 2)), 1.0)
    # gravity made the slabs skewed: the densest pixels are far above the mean, voids near empty
    assert maps.max() > 4 and np.percentile(maps, 5) < 0.4


def test_the_lognormal_baseline_has_the_power_of_the_slabs_but_not_their_pdf_peaks_or_topology():
    maps = np.concatenate(
        [cw.quadrants(cw.slabs(cw.simulate_box(0.8102, 0.3111, seed, n=N, box_mpc_h=BOX)), 32) for seed in range(8)]
    )
    standardise = cw.Standardiser(maps)
    side = 32 * 2.0
    truth = cw.statistics(maps, standardise, side)
    first, second = (cw.statistics(part, standardise, side) for part in np.split(maps, 2))  # four boxes each
    boxes = cw.compare(first, second, 0.8)  # how far independent simulations are from each other
    lognormal = cw.compare(cw.statistics(cw.lognormal_like(maps, side, len(maps), 0), standardise, side), truth, 0.8)
    assert cw.compare(truth, truth, 0.8)["power_max_error"] == 0 and cw.compare(truth, truth, 0.8)["pdf_ks"] == 0
    assert np.median(np.abs(np.array(lognormal["power_ratio"]) - 1)) < 0.05
    assert lognormal["pdf_ks"] > 2 * boxes["pdf_ks"]  # the statistics beyond P(k) tell a lognormal field from gravity's
    assert lognormal["peaks_l1"] > boxes["peaks_l1"]
    assert lognormal["minkowski"][2] > 2 * boxes["minkowski"][2]


# ------------------------------------------------------------------------------------- the generator and its tool


@pytest.fixture(scope="module")
def fresh_boxes() -> np.ndarray:
    """Quadrant maps of two 2LPT boxes at Planck 2018 with seeds the training never drew (its are from rng(1))."""
    return np.concatenate([cw.quadrants(cw.slabs(cw.simulate_box(0.8102, 0.3111, seed))) for seed in (11, 12)])


def test_the_shipped_generator_holds_its_card_figures_against_fresh_simulations(fresh_boxes):
    from aeiou_agent.models.cosmic_web_gan import load_generator

    model = load_generator()
    card = next(p for p in model.metrics["held_out"] if p["sigma8"] == pytest.approx(0.8102))
    standardise = cw.Standardiser(fresh_boxes)
    side = cw.MAP_PIXELS * 2.0
    truth = cw.statistics(fresh_boxes, standardise, side)
    drawn = model.sample(0.8102, 0.3111, len(fresh_boxes), 1)
    generated = cw.compare(cw.statistics(drawn, standardise, side), truth, 0.8)
    lognormal = cw.compare(
        cw.statistics(cw.lognormal_like(fresh_boxes, side, len(fresh_boxes), 1), standardise, side), truth, 0.8
    )
    # two boxes have more cosmic variance than the card's eight: its figure plus a margin for that
    assert generated["power_max_error"] < card["generator"]["power_max_error"] + 0.08, generated["power_ratio"]
    assert generated["pdf_ks"] < lognormal["pdf_ks"]
    assert generated["minkowski"][2] < lognormal["minkowski"][2]
    assert np.array_equal(model.sample(0.8102, 0.3111, 3, 5), model.sample(0.8102, 0.3111, 3, 5))  # same seed


def test_the_spectral_calibration_scales_amplitudes_only_and_the_card_meets_the_power_target():
    from aeiou_agent.models.cosmic_web_gan import apply_spectral_gain, load_generator, spectral_gain

    field = np.random.default_rng(0).standard_normal((3, 64, 64))
    gain = np.full((64, 64), 1.1)
    gain[0, 0] = 1.0
    before, after = np.fft.fft2(field), np.fft.fft2(apply_spectral_gain(field, gain))
    assert np.allclose(np.abs(after[:, 1:, :]), 1.1 * np.abs(before[:, 1:, :]))
    assert np.allclose(np.angle(after[:, 1:, :]), np.angle(before[:, 1:, :]))  # the network's phases, untouched
    model = load_generator()
    assert model.calibration is not None and spectral_gain(model.calibration, 0.8, 0.3, 128).shape == (128, 128)
    # the target, on the held-out boxes (checked against fresh simulations by the test above)
    assert max(p["generator"]["power_max_error"] for p in model.metrics["held_out"]) < 0.05


def test_the_generator_follows_sigma8_as_the_simulator_does(fresh_boxes):
    from aeiou_agent.models.cosmic_web_gan import load_generator

    drawn = {s8: (load_generator().sample(s8, 0.3111, 192, 2) - 1).std() for s8 in (0.65, 0.95)}
    simulated = {s8: (cw.quadrants(cw.slabs(cw.simulate_box(s8, 0.3111, 11))) - 1).std() for s8 in (0.65, 0.95)}
    assert drawn[0.95] > drawn[0.65]  # more clustering with a larger σ8, as much more as in the simulator
    assert drawn[0.95] / drawn[0.65] == pytest.approx(simulated[0.95] / simulated[0.65], rel=0.03)
    assert drawn[0.65] == pytest.approx(simulated[0.65], rel=0.05)


def test_cosmic_web_from_a_question_with_its_constraints_and_artifacts(obs):
    answer = obs.ask("draw 3 slices of the cosmic web for sigma8 = 0.7 and Omega_m = 0.25, seed 2")
    (call,) = answer.calls
    assert call.tool == "generate_cosmic_web"
    assert (call.args["sigma8"], call.args["omega_m"], call.args["count"], call.args["seed"]) == (0.7, 0.25, 3, 2)
    assert answer.status == "answered" and "σ8 = 0.7, Ωm = 0.25" in answer.text and "lognormal" in answer.text
    maps = np.load(next(a.path for a in answer.artifacts if a.path.endswith(".npy")))
    assert maps.shape == (3, 64, 64) and np.allclose(maps.mean(axis=(1, 2)), 1.0, atol=1e-4)
    assert any(a.path.endswith(".png") for a in answer.artifacts)
    assert any(c.id == "model:cosmic_web_gan" for c in answer.citations)
    simulated = obs.ask("run the 2LPT simulator and show 2 cosmic web slices, seed 4")
    assert simulated.calls[0].args["method"] == "simulator" and "2LPT simulator itself" in simulated.text
    # a request naming a mode only this tool has runs it, and the answer says what the simulator is not
    n_body = obs.ask("simulate the large-scale structure of the universe with an N-body code")
    assert [(c.tool, c.args["method"]) for c in n_body.calls] == [("generate_cosmic_web", "simulator")]
    assert "not a full N-body code" in n_body.text
    # words for the default mode are too common to route by: 'neural network' alone does not
    assert "generate_cosmic_web" not in [
        c.tool for c in obs.ask("give me a neural network that classifies galaxies").calls
    ]
    # a method described, nothing to run it with: a question about the paper, not a request to the generator
    for question in (
        "generating 256^3 cosmological volumes with a scalable GAN",
        "a model that adds hot gas to dark-matter-only simulation outputs",
    ):
        assert [c.tool for c in obs.ask(question).calls] == ["search_literature"], question


def test_cosmic_web_outside_the_training_range_is_refused_clearly(obs):
    result = obs.run_tool("generate_cosmic_web", {"sigma8": 1.5})
    assert result.call.error_type == "InvalidArguments" and "sigma8" in result.call.error
