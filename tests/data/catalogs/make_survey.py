"""Write the small survey catalog the user-catalog tests import (CSV, FITS with units, Parquet with units).

Run from the repository root with the store built: ``python tests/data/catalogs/make_survey.py``. Deterministic
(seed 15). The rows are made up, not observations: random sources around M67 and the Pleiades, and copies of
Hipparcos stars moved by a known amount, so that cross-match counts are known in advance.

- 600 sources within 1° of M67 and 600 within 2° of the Pleiades (uniform on the sphere), g in [10, 20] mag
- 120 Hipparcos stars (every 737th HIP row) moved by 0.1-0.8″: they match Hipparcos within 1″
- 40 Hipparcos stars moved by 2-4″: they match within 5″, not within 1″
"""

from __future__ import annotations

from pathlib import Path

import astropy.units as u
import numpy as np
from astropy.coordinates import SkyCoord
from astropy.table import Table

HERE = Path(__file__).parent


def _cone(rng: np.random.Generator, ra_deg: float, dec_deg: float, radius_deg: float, n: int) -> SkyCoord:
    """``n`` points uniform on the sphere within ``radius_deg`` of a centre."""
    cos_r = np.cos(np.radians(radius_deg))
    rho = np.degrees(np.arccos(1 - rng.uniform(0, 1, n) * (1 - cos_r)))
    angle = rng.uniform(0, 360, n)
    return SkyCoord(ra_deg * u.deg, dec_deg * u.deg).directional_offset_by(angle * u.deg, rho * u.deg)


def main() -> None:
    from aeiou_agent.config import Settings
    from aeiou_agent.store import Store

    rng = np.random.default_rng(15)
    _index, hip = Store.open(Settings.load()).columns("hipparcos")
    chosen = np.arange(0, len(hip["hip"]), 737)[:160]
    near, far = chosen[:120], chosen[120:160]
    stars = SkyCoord(hip["ra_deg"][chosen[:160]] * u.deg, hip["dec_deg"][chosen[:160]] * u.deg)
    offsets = np.concatenate([rng.uniform(0.1, 0.8, len(near)), rng.uniform(2.0, 4.0, len(far))])
    moved = stars.directional_offset_by(rng.uniform(0, 360, len(offsets)) * u.deg, offsets * u.arcsec)
    parts = [_cone(rng, 132.825, 11.8, 1.0, 600), _cone(rng, 56.75, 24.1167, 2.0, 600), moved]
    ra = np.concatenate([p.ra.deg for p in parts])
    dec = np.concatenate([p.dec.deg for p in parts])
    n = len(ra)
    table = Table(
        {
            "source_id": np.arange(1, n + 1, dtype=np.int64),
            "ra": np.round(ra, 7) * u.deg,
            "dec": np.round(dec, 7) * u.deg,
            "g": np.round(rng.uniform(10, 20, n), 3) * u.mag,
            "parallax": np.round(rng.exponential(2.0, n), 3) * u.mas,
            "bp_rp": np.round(rng.normal(1.0, 0.5, n), 3) * u.mag,
        }
    )
    table.write(HERE / "survey.fits", overwrite=True)
    table.write(HERE / "survey.parquet", overwrite=True)
    table.write(HERE / "survey.csv", overwrite=True)
    print(f"{n} rows: {len(near)} moved < 1″ from a Hipparcos star, {len(far)} moved 2-4″")


if __name__ == "__main__":
    main()
