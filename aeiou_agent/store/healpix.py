"""HEALPix (nested) cone searches: a sorted index in numpy, exact test on the candidates.

Rows carry a nested HEALPix pixel at :data:`STORE_ORDER`. Because nested indices nest, a pixel at a
coarser order ``k`` covers the contiguous range ``[p << 2(S-k), (p+1) << 2(S-k))`` at the store order, so
a cone becomes a few ``searchsorted`` calls on the sorted pixel column followed by an exact angular test.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

STORE_ORDER = 12  # nside 4096, pixels of ~0.86 arcmin


def healpix_nested(
    ra_deg: NDArray[np.float64], dec_deg: NDArray[np.float64], order: int = STORE_ORDER
) -> NDArray[np.int64]:
    """Nested HEALPix pixel of each position at ``order``."""
    import healpy  # imported on first use: it pulls in matplotlib, ~1 s a one-shot question need not pay

    return np.asarray(healpy.ang2pix(1 << order, ra_deg, dec_deg, nest=True, lonlat=True), dtype=np.int64)


def unit_vectors(ra_deg: NDArray[np.float64], dec_deg: NDArray[np.float64]) -> NDArray[np.float64]:
    """Cartesian unit vectors (n, 3) for RA/Dec in degrees."""
    ra = np.radians(ra_deg)
    dec = np.radians(dec_deg)
    cos_dec = np.cos(dec)
    return np.stack([cos_dec * np.cos(ra), cos_dec * np.sin(ra), np.sin(dec)], axis=-1)


def angular_separation_deg(vectors: NDArray[np.float64], center: NDArray[np.float64]) -> NDArray[np.float64]:
    """Great-circle separation in degrees between rows of ``vectors`` and ``center``.

    The atan2 form stays exact near 0° and 180°, where acos of a dot product loses precision.
    """
    dot = vectors @ center
    cross = np.linalg.norm(np.cross(vectors, center), axis=-1)
    return np.degrees(np.arctan2(cross, dot))


def pixel_resolution_deg(order: int) -> float:
    """The side of a HEALPix pixel at ``order`` (the square root of its area), in degrees."""
    return float(np.degrees(np.sqrt(4 * np.pi / (12 * 4**order))))


def query_order(radius_deg: float, store_order: int = STORE_ORDER) -> int:
    """The coarsest-useful order for a cone: pixels about a third of the radius, capped at the store order."""
    for order in range(store_order, -1, -1):
        if pixel_resolution_deg(order) >= radius_deg / 3:
            return order
    return 0


def cone_pixels(ra_deg: float, dec_deg: float, radius_deg: float, order: int) -> NDArray[np.int64]:
    """Nested pixels of ``order`` that touch the cone, sorted (every pixel for a cone wider than a hemisphere).

    cdshealpix rather than healpy, whose import pulls in matplotlib (1 s at a cold start). Its cone search misses
    pixels of cones wider than 120° (checked against random points in cones), and such a cone covers most of the
    sky anyway, so above 90° every pixel is a candidate and the exact test does the rest. It can also miss a pixel
    the cone's edge grazes (a 10° cone at RA 26°, Dec 26° lost a pixel at orders 3 and 6; 2 of 600 random cones
    checked on 2,000 edge points), so the cone asked for is 1% and a twentieth of a pixel wider (0 of 600): a few
    more candidates, none lost.
    """
    if radius_deg > 90.0:
        return np.arange(12 * 4**order, dtype=np.int64)
    import astropy.units as u
    from astropy.coordinates import Latitude, Longitude
    from cdshealpix.nested import cone_search

    padded_deg = min(radius_deg * 1.01 + 0.05 * pixel_resolution_deg(order), 90.0)
    pixels, _depths, _full = cone_search(
        Longitude(ra_deg * u.deg), Latitude(dec_deg * u.deg), padded_deg * u.deg, depth=order, flat=True
    )
    return np.sort(np.asarray(pixels, dtype=np.int64))


def cone_pixel_ranges(
    ra_deg: float, dec_deg: float, radius_deg: float, store_order: int = STORE_ORDER
) -> NDArray[np.int64]:
    """Half-open ranges (m, 2) of store-order pixels that cover the cone (inclusive: may over-cover)."""
    order = query_order(radius_deg, store_order)
    pixels = cone_pixels(ra_deg, dec_deg, radius_deg, order)
    if pixels.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    breaks = np.flatnonzero(np.diff(pixels) != 1) + 1
    starts = pixels[np.concatenate([[0], breaks])]
    ends = pixels[np.concatenate([breaks - 1, [pixels.size - 1]])] + 1
    shift = 2 * (store_order - order)
    return np.stack([starts.astype(np.int64) << shift, ends.astype(np.int64) << shift], axis=-1)


@dataclass
class ConeMatch:
    """Rows of a :class:`SkyIndex` inside a cone, nearest first."""

    rows: NDArray[np.int64]
    separation_deg: NDArray[np.float64]
    candidates_tested: int


class SkyIndex:
    """Positions sorted by nested HEALPix pixel, for fast exact cone searches in memory."""

    def __init__(
        self,
        ra_deg: NDArray[np.float64],
        dec_deg: NDArray[np.float64],
        pixels: NDArray[np.int64] | None = None,
        store_order: int = STORE_ORDER,
    ):
        self.store_order = store_order
        pix = healpix_nested(ra_deg, dec_deg, store_order) if pixels is None else np.asarray(pixels, dtype=np.int64)
        self.order = np.argsort(pix, kind="stable")
        self.sorted_pixels = pix[self.order]
        self.vectors = unit_vectors(np.asarray(ra_deg)[self.order], np.asarray(dec_deg)[self.order])

    def __len__(self) -> int:
        return int(self.sorted_pixels.size)

    def query(self, ra_deg: float, dec_deg: float, radius_deg: float) -> ConeMatch:
        """Original row numbers within ``radius_deg`` of (ra, dec), sorted by separation."""
        ranges = cone_pixel_ranges(ra_deg, dec_deg, radius_deg, self.store_order)
        lo = np.searchsorted(self.sorted_pixels, ranges[:, 0], side="left")
        hi = np.searchsorted(self.sorted_pixels, ranges[:, 1], side="left")
        keep = hi > lo
        if not keep.any():
            empty = np.empty(0, dtype=np.int64)
            return ConeMatch(empty, np.empty(0), 0)
        lengths = hi[keep] - lo[keep]
        candidate_positions = np.repeat(lo[keep] - np.cumsum(np.concatenate([[0], lengths[:-1]])), lengths) + np.arange(
            lengths.sum()
        )
        center = unit_vectors(np.array([ra_deg]), np.array([dec_deg]))[0]
        separation = angular_separation_deg(self.vectors[candidate_positions], center)
        inside = separation <= radius_deg
        positions = candidate_positions[inside]
        separation = separation[inside]
        nearest_first = np.argsort(separation, kind="stable")
        return ConeMatch(self.order[positions[nearest_first]], separation[nearest_first], int(candidate_positions.size))
