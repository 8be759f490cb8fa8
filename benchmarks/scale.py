"""Catalogs beyond one machine (issue 15): HATS import, LSDB cone search and cross-match against astropy and the
in-memory HEALPix index, on a generated catalog with a realistic sky density; one Dask worker against two.

The catalog is written in chunks of 1M rows (Parquet), with stars concentrated toward the Galactic plane
(half the rows with |b| drawn from an exponential of scale 10°, half uniform on the sphere), and G magnitudes
rising in number toward faint ones. Every figure is measured in this run; ratios compare methods on the same rows.

    python benchmarks/scale.py [--rows 10000000] [--cones 10] [--skip-astropy-crossmatch]

Prints: import time and rows/s; cone search p50 per radius for LSDB (warm), the HEALPix index and astropy (with
the ratio and whether all three agree); cross-match of the catalog with Hipparcos within 1″ in rows/s for LSDB and
astropy (same pairs); the same cone and cross-match on a cluster of one worker and of two; the memory peak.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import astropy.units as u
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from astropy.coordinates import SkyCoord

CHUNK = 1_000_000
RADII_DEG = (0.1, 1.0, 5.0)


def write_catalog(folder: Path, rows: int, seed: int = 15) -> list[Path]:
    """Parquet chunks of a star-like catalog: id, ra, dec (ICRS, degrees), g (mag), parallax (mas)."""
    rng = np.random.default_rng(seed)
    paths = []
    for start in range(0, rows, CHUNK):
        n = min(CHUNK, rows - start)
        disc = rng.uniform(size=n) < 0.5
        sin_b = rng.uniform(-1, 1, n)
        b = np.where(
            disc, np.sign(rng.uniform(-1, 1, n)) * rng.exponential(10.0, n), np.degrees(np.arcsin(sin_b))
        ).clip(-90, 90)
        l_deg = rng.uniform(0, 360, n)
        icrs = SkyCoord(l=l_deg * u.deg, b=b * u.deg, frame="galactic").icrs
        table = pa.table(
            {
                "source_id": np.arange(start, start + n, dtype=np.int64),
                "ra": icrs.ra.deg % 360.0,
                "dec": icrs.dec.deg,
                "g": 21 - rng.exponential(2.5, n).clip(0, 12),
                "parallax": rng.exponential(1.0, n),
            }
        )
        path = folder / f"chunk_{start // CHUNK:04d}.parquet"
        pq.write_table(table, path)
        paths.append(path)
    return paths


def p50_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--cones", type=int, default=10, help="cones per radius")
    parser.add_argument("--skip-astropy-crossmatch", action="store_true")
    parser.add_argument(
        "--lsdb-only", action="store_true", help="no astropy or in-memory index (for 100M rows: they would not fit)"
    )
    options = parser.parse_args()

    from aeiou_agent import Observatory
    from aeiou_agent.catalogs import crossmatch, dask_client, search, user_catalogs
    from aeiou_agent.config import Settings
    from aeiou_agent.store.healpix import SkyIndex

    work = Path(tempfile.mkdtemp(prefix="aeiou-scale-"))
    home = work / "home"
    try:
        print(f"catalog: {options.rows:,} rows in chunks of {CHUNK:,}")
        start = time.perf_counter()
        paths = write_catalog(work, options.rows)
        print(f"  written in {time.perf_counter() - start:.1f} s")
        merged = work / "survey.parquet"
        # hats-import reads one file list; the card's checksum is of one file: join the chunks as row groups
        with pq.ParquetWriter(merged, pq.read_schema(paths[0])) as writer:
            for path in paths:
                writer.write_table(pq.read_table(path))
                path.unlink()
        obs = Observatory(home)
        _ = obs.store
        start = time.perf_counter()
        card = obs.add_catalog(merged, "scalesurvey", progress=False)
        seconds = time.perf_counter() - start
        print(
            f"import (check + hats-import + 10″ margin + checksum): {seconds:.1f} s, "
            f"{options.rows / seconds:,.0f} rows/s; {card['partitions']} partitions"
        )

        settings = obs.settings
        rng = np.random.default_rng(1)
        centres = [(float(rng.uniform(0, 360)), float(np.degrees(np.arcsin(rng.uniform(-1, 1))))) for _ in range(99)]
        if options.lsdb_only:
            search(settings, "scalesurvey", center_deg=centres[-1], radius_deg=1.0)
            for radius in RADII_DEG:
                times, counts = [], []
                for ra0, dec0 in centres[: options.cones]:
                    t0 = time.perf_counter()
                    counts.append(search(settings, "scalesurvey", center_deg=(ra0, dec0), radius_deg=radius).count)
                    times.append(time.perf_counter() - t0)
                print(f"LSDB cone {radius:g}°: p50 {p50_ms(times):.1f} ms, rows p50 {statistics.median(counts):.0f}")
            start = time.perf_counter()
            outcome, _other = crossmatch(settings, obs.store, "scalesurvey", "hipparcos", radius_arcsec=1.0)
            seconds = time.perf_counter() - start
            print(f"LSDB cross-match with Hipparcos: {seconds:.1f} s, {options.rows / seconds:,.0f} rows/s")
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"memory peak of this process: {peak_mb:,.0f} MB")
            return
        source = pq.read_table(merged, columns=["ra", "dec"])
        ra, dec = source["ra"].to_numpy(), source["dec"].to_numpy()
        coords = SkyCoord(ra * u.deg, dec * u.deg)
        start = time.perf_counter()
        index = SkyIndex(ra, dec)
        print(f"HEALPix index built in {time.perf_counter() - start:.1f} s (in memory, all rows)")
        print(f"\ncone search p50 over {options.cones} cones (LSDB warm: count and rows in one pass, sorted)")
        print(
            f"{'radius':>7} {'rows p50':>9} {'LSDB ms':>9} {'index ms':>9} {'astropy ms':>11} {'astropy/LSDB':>13} same"
        )
        search(settings, "scalesurvey", center_deg=centres[-1], radius_deg=1.0)  # warm: catalog opened, cluster up
        for radius in RADII_DEG:
            lsdb_t, index_t, astropy_t, counts, same = [], [], [], [], True
            for ra0, dec0 in centres[: options.cones]:
                t0 = time.perf_counter()
                outcome = search(settings, "scalesurvey", center_deg=(ra0, dec0), radius_deg=radius)
                lsdb_t.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                match = index.query(ra0, dec0, radius)
                index_t.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                inside = np.flatnonzero(coords.separation(SkyCoord(ra0 * u.deg, dec0 * u.deg)) <= radius * u.deg)
                astropy_t.append(time.perf_counter() - t0)
                counts.append(outcome.count)
                same &= outcome.count == len(inside) == len(match.rows)
            print(
                f"{radius:>6g}° {statistics.median(counts):>9.0f} {p50_ms(lsdb_t):>9.1f} {p50_ms(index_t):>9.2f} "
                f"{p50_ms(astropy_t):>11.1f} {p50_ms(astropy_t) / p50_ms(lsdb_t):>12.1f}x {same}"
            )

        print("\ncross-match with Hipparcos (117,955 stars) within 1″, nearest counterpart")
        crossmatch(settings, obs.store, "scalesurvey", "hipparcos", radius_arcsec=1.0)  # Hipparcos written to HATS
        start = time.perf_counter()
        outcome, _other = crossmatch(settings, obs.store, "scalesurvey", "hipparcos", radius_arcsec=1.0)
        lsdb_s = time.perf_counter() - start
        print(f"  LSDB: {lsdb_s:.2f} s, {options.rows / lsdb_s:,.0f} rows/s, {outcome.count} matches")
        if not options.skip_astropy_crossmatch:
            from astropy.coordinates import search_around_sky

            _index, hip = obs.store.columns("hipparcos")
            hip_coords = SkyCoord(hip["ra_deg"] * u.deg, hip["dec_deg"] * u.deg)
            start = time.perf_counter()
            left, _right, _sep, _d = search_around_sky(coords, hip_coords, 1 * u.arcsec)
            around_s = time.perf_counter() - start
            start = time.perf_counter()
            _idx, separation, _d = coords.match_to_catalog_sky(hip_coords)
            nearest_s = time.perf_counter() - start
            matched = int(np.sum(separation < 1 * u.arcsec))
            print(
                f"  astropy search_around_sky: {around_s:.2f} s, {options.rows / around_s:,.0f} rows/s "
                f"({len(np.unique(left))} rows matched); LSDB is {around_s / lsdb_s:.1f}x"
            )
            print(
                f"  astropy match_to_catalog_sky: {nearest_s:.2f} s, {options.rows / nearest_s:,.0f} rows/s "
                f"({matched} matched); LSDB is {nearest_s / lsdb_s:.1f}x; same count: {matched == outcome.count}"
            )

        print("\none worker vs two (a LocalCluster of worker processes, one thread each, used as AEIOU_DASK)")
        from distributed import LocalCluster

        for workers in (1, 2):
            with LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
            ) as cluster:
                remote = Settings.load(home=home, dask=cluster.scheduler_address)
                search(remote, "scalesurvey", center_deg=centres[-1], radius_deg=1.0)
                cone_t = []
                for ra0, dec0 in centres[: options.cones]:
                    t0 = time.perf_counter()
                    search(remote, "scalesurvey", center_deg=(ra0, dec0), radius_deg=5.0)
                    cone_t.append(time.perf_counter() - t0)
                start = time.perf_counter()
                crossmatch(remote, obs.store, "scalesurvey", "hipparcos", radius_arcsec=1.0)
                xmatch_s = time.perf_counter() - start
                print(
                    f"  {workers} worker(s): 5° cone p50 {p50_ms(cone_t):.0f} ms; cross-match {xmatch_s:.2f} s "
                    f"({options.rows / xmatch_s:,.0f} rows/s)"
                )
                dask_client(remote).close()

        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nmemory peak of this process: {peak_mb:,.0f} MB (astropy's SkyCoord of all rows included)")
        on_disk = sum(p.stat().st_size for p in user_catalogs(settings).root.rglob("*") if p.is_file())
        print(f"catalog on disk: {on_disk / 2**20:,.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
