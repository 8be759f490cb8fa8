"""Cone searches with the HEALPix index agree exactly with astropy's brute-force separation."""

from __future__ import annotations

import astropy.units as u
import numpy as np
from astropy.coordinates import SkyCoord
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aeiou_agent.store.healpix import SkyIndex, cone_pixel_ranges, cone_pixels, query_order


def test_pleiades_one_degree_has_26_stars(obs):
    index, _cols = obs.store.columns("hipparcos")
    match = index.query(56.75, 24.1167, 1.0)
    assert match.rows.size == 26
    assert np.all(np.diff(match.separation_deg) >= 0)


@settings(max_examples=60, deadline=None)
@given(ra=st.floats(0, 360), dec=st.floats(-90, 90), radius=st.sampled_from([0.05, 0.5, 2.0, 10.0, 45.0, 120.0, 180.0]))
def test_index_matches_astropy(obs, ra, dec, radius):
    index, cols = obs.store.columns("hipparcos")
    coords = SkyCoord(cols["ra_deg"] * u.deg, cols["dec_deg"] * u.deg)
    truth = np.flatnonzero(coords.separation(SkyCoord(ra * u.deg, dec * u.deg)).deg <= radius)
    got = index.query(ra, dec, radius).rows
    assert set(got.tolist()) == set(truth.tolist())


def test_pixel_ranges_cover_the_cone_and_coarsen_with_radius():
    assert query_order(0.01) > query_order(1.0) > query_order(30.0)
    ranges = cone_pixel_ranges(0.0, 90.0, 1.0)
    assert ranges.shape[1] == 2 and np.all(ranges[:, 1] > ranges[:, 0])


@settings(max_examples=80, deadline=None)
@given(
    ra=st.floats(0, 360),
    dec=st.floats(-90, 90),
    radius=st.sampled_from([0.001, 0.05, 1.0, 10.0, 60.0, 89.9, 90.0, 120.0, 170.0]),
    order=st.integers(0, 12),
)
@example(ra=26.0, dec=26.0, radius=10.0, order=3)  # cdshealpix alone missed a pixel the edge grazes
@example(ra=26.0, dec=26.0, radius=10.0, order=6)
def test_cone_pixels_hold_every_point_of_the_cone(ra, dec, radius, order):
    """The candidate pixels contain the pixel (healpy's) of random points in the cone and on its edge."""
    import healpy

    rng = np.random.default_rng(0)
    centre = SkyCoord(ra * u.deg, dec * u.deg)
    angles = rng.uniform(0, 2 * np.pi, 500) * u.rad
    inside = np.arccos(rng.uniform(np.cos(np.radians(radius)), 1, 500)) * u.rad
    points = centre.directional_offset_by(
        np.concatenate([angles, angles]), np.concatenate([inside, np.full(500, radius * (1 - 1e-9)) * u.deg])
    )
    order = min(order, query_order(radius) + 2)  # finer than a search uses would list millions of pixels
    hit = healpy.ang2pix(1 << order, points.ra.deg, points.dec.deg, nest=True, lonlat=True)
    assert np.isin(hit, cone_pixels(ra, dec, radius, order)).all()


def test_small_synthetic_index_poles_and_wraparound():
    ra = np.array([359.99, 0.01, 180.0, 0.0, 10.0])
    dec = np.array([0.0, 0.0, 89.999, -89.999, 0.0])
    index = SkyIndex(ra, dec)
    assert sorted(index.query(0.0, 0.0, 0.1).rows.tolist()) == [0, 1]
    assert index.query(0.0, 90.0, 0.01).rows.tolist() == [2]
    assert index.query(123.0, -90.0, 0.01).rows.tolist() == [3]
