"""Cone search: HEALPix index (sorted numpy, exact test on candidates) vs astropy brute force, same rows.

Prints, for Hipparcos (the real store) and for a generated 10-million-row catalog, the median time per
cone of each method, the speed-up ratio, and whether both return exactly the same rows.

    python benchmarks/cone_search.py [--rows 10000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import astropy.units as u
import numpy as np
from astropy.coordinates import SkyCoord

from aeiou_agent import Observatory
from aeiou_agent.store.healpix import SkyIndex

CONES = [(56.75, 24.1167, 1.0), (83.82, -5.39, 3.0), (279.23, 38.78, 5.0), (10.68, 41.27, 0.2), (0.0, 89.9, 2.0)]


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def compare(label: str, ra: np.ndarray, dec: np.ndarray, index: SkyIndex, repeat: int, brute_repeat: int) -> float:
    coords = SkyCoord(ra * u.deg, dec * u.deg)
    ratios = []
    print(f"\n{label}: {ra.size:,} rows")
    print(f"{'cone (ra, dec, r)':>26} {'rows':>8} {'healpix ms':>11} {'astropy ms':>11} {'ratio':>8}  same")
    for ra0, dec0, radius in CONES:
        center = SkyCoord(ra0 * u.deg, dec0 * u.deg)
        t_index, match = timed(lambda r=ra0, d=dec0, rad=radius: index.query(r, d, rad), repeat)
        t_brute, truth = timed(
            lambda c=center, rad=radius: np.flatnonzero(coords.separation(c).deg <= rad), brute_repeat
        )
        same = set(match.rows.tolist()) == set(truth.tolist())  # type: ignore[attr-defined, union-attr]
        ratios.append(t_brute / t_index)
        print(
            f"{f'({ra0}, {dec0}, {radius}°)':>26} {len(truth):>8,} {t_index * 1e3:>11.3f} {t_brute * 1e3:>11.1f} "  # type: ignore[arg-type]
            f"{t_brute / t_index:>7.0f}×  {'yes' if same else 'NO'}"
        )
        assert same, "HEALPix index and astropy disagree"
    geo = float(np.exp(np.mean(np.log(ratios))))
    print(f"{label}: geometric-mean speed-up {geo:,.0f}× (target ≥ 20×)")
    return geo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    obs = Observatory()
    index, cols = obs.store.columns("hipparcos")
    compare("Hipparcos", cols["ra_deg"].astype(float), cols["dec_deg"].astype(float), index, args.repeat, args.repeat)

    rng = np.random.default_rng(42)
    ra = rng.uniform(0, 360, args.rows)
    dec = np.degrees(np.arcsin(rng.uniform(-1, 1, args.rows)))  # uniform on the sphere
    start = time.perf_counter()
    big = SkyIndex(ra, dec)
    print(f"\nbuilt the HEALPix index over {args.rows:,} generated rows in {time.perf_counter() - start:.1f} s")
    compare("generated catalog", ra, dec, big, args.repeat, 1)


if __name__ == "__main__":
    main()
