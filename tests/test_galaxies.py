"""The galaxy training-data generator: paired survey stamps, reproducible, with labelled anomalies."""

from __future__ import annotations

import numpy as np
import pytest

from aeiou_agent.models.galaxies import ANOMALIES, DES, SDSS, GalaxyParams, make_dataset, render


@pytest.fixture(scope="module")
def sample() -> dict[str, np.ndarray]:
    return make_dataset(60, seed=11, anomaly_fraction=0.25, progress=False)


def test_pairs_cover_the_same_sky_in_two_surveys(sample):
    assert sample["sdss"].shape == (60, 32, 32) and sample["des"].shape == (60, 48, 48)
    assert abs(SDSS.pixel_arcsec * 32 - DES.pixel_arcsec * 48) < 0.1  # the same ~12.6″ of sky
    assert sample["params"].shape == (60, 4)


def test_same_seed_same_arrays_other_seed_other_noise(sample):
    again = make_dataset(5, seed=11, anomaly_fraction=0.25, progress=False)
    assert np.array_equal(again["sdss"], sample["sdss"][:5]) and np.array_equal(again["des"], sample["des"][:5])
    other = make_dataset(5, seed=12, anomaly_fraction=0.25, progress=False)
    assert not np.array_equal(other["des"], sample["des"][:5])


def test_des_like_images_are_deeper_and_sharper():
    galaxy = GalaxyParams(2.0, 1.0, 0.2, 30.0, 4.3)
    noisy = [render(galaxy, survey, seed=3) for survey in (SDSS, DES)]
    clean = [render(galaxy, survey, seed=3, noise=False) for survey in (SDSS, DES)]
    snr = [c.sum() / (n - c).std() / np.sqrt(c.size) for n, c in zip(noisy, clean, strict=True)]
    assert snr[1] > 1.5 * snr[0]
    # sharper: the DES-like peak holds a larger share of the light per square arcsecond
    peak_density = [c.max() / c.sum() / s.pixel_arcsec**2 for c, s in zip(clean, (SDSS, DES), strict=True)]
    assert peak_density[1] > peak_density[0]


def test_anomalies_are_labelled_and_visible(sample):
    labels = sample["anomaly"]
    assert set(np.unique(labels)) <= set(range(len(ANOMALIES))) and (labels > 0).sum() >= 8
    cosmic = labels == ANOMALIES.index("cosmic_ray")
    if cosmic.any():  # a streak in the SDSS-like exposure only
        assert sample["sdss"][cosmic].max() > 1000
    star = labels == ANOMALIES.index("saturated_star")
    if star.any():
        for survey in (SDSS, DES):
            peaks = sample[survey.name][star].max(axis=(1, 2))
            assert np.allclose(peaks, survey.saturation_electrons), "every saturated star saturates"


def test_concentration_grows_with_sersic_index():
    def concentration(image: np.ndarray) -> float:
        n = image.shape[0]
        y, x = np.mgrid[:n, :n] - (n - 1) / 2
        r = np.hypot(x, y)
        return float(image[r < 2].sum() / image[r < 8].sum())

    values = [concentration(render(GalaxyParams(n, 1.2, 0.0, 0.0, 4.5), DES, 0, noise=False)) for n in (0.5, 2, 4, 6)]
    assert values == sorted(values)


@pytest.mark.parametrize(
    "params, problem",
    [
        (GalaxyParams(50, 1.0, 0.2, 0, 4), "Sérsic index 50"),
        (GalaxyParams(2, -1.0, 0.2, 0, 4), "half-light radius -1"),
        (GalaxyParams(2, 1.0, 0.95, 0, 4), "ellipticity 0.95"),
    ],
)
def test_out_of_range_parameters_are_named(params, problem):
    with pytest.raises(ValueError, match=problem):
        params.check()


def test_least_squares_fit_survives_a_saturated_star(sample):
    # the stamp's summed flux starts the fit; a saturated star put that start beyond the flux bounds (a crash)
    from aeiou_agent.models.galaxies import fit_sersic

    star = int(np.flatnonzero(sample["anomaly"] == ANOMALIES.index("saturated_star"))[0])
    fit = fit_sersic(sample["des"][star], DES, max_evaluations=20)
    assert 2.0 <= fit.log10_flux <= 6.5
