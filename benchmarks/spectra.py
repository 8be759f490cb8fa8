"""Galaxy-spectra emulator vs Bagpipes, side by side in one process: time per spectrum and accuracy.

For ``--n`` stellar populations drawn from the emulator's box (a fresh Latin hypercube, seed 99), Bagpipes computes
each rest-frame spectrum (one model object, updated per population, as the training spectra were made) and the
emulator predicts them one at a time and as one batch. Prints median time per spectrum, the speed-up ratios and
|ΔL/L| per wavelength (median and 99th percentile). Bagpipes is a training-time dependency: without it the
benchmark times the emulator alone and prints the Bagpipes time recorded when the training spectra were made.

    python benchmarks/spectra.py [--n 50]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from aeiou_agent.models.pca_mlp import relative_errors
from aeiou_agent.models.spectra_emulator import load_spectra_emulator
from aeiou_agent.models.sps_spectra import latin_hypercube


def _bagpipes_spectra(points: np.ndarray) -> tuple[list[float], np.ndarray] | None:
    try:
        import bagpipes
    except ImportError:
        return None
    from aeiou_agent.models.sps_spectra import REST_WAVELENGTHS_A, components

    model = bagpipes.model_galaxy(components(points[0]), spec_wavs=REST_WAVELENGTHS_A)  # built once, then updated
    times, spectra = [], []
    for point in points:
        start = time.perf_counter()
        model.update(components(point))
        spectra.append(model.spectrum[:, 1].copy())
        times.append(time.perf_counter() - start)
    return times, np.array(spectra)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="stellar populations")
    args = parser.parse_args()
    points = latin_hypercube(args.n, seed=99)
    emulator = load_spectra_emulator()
    emulator.log10_luminosity(points[:1])  # warm
    times = []
    for point in points:
        start = time.perf_counter()
        emulator.log10_luminosity(point[None, :])
        times.append(time.perf_counter() - start)
    one = statistics.median(times)
    start = time.perf_counter()
    batch = 1000
    emulator.log10_luminosity(np.repeat(points, batch // len(points) + 1, axis=0)[:batch])
    batch_s = (time.perf_counter() - start) / batch
    print(f"{args.n} stellar populations, {len(emulator.rest_wavelengths_a)} wavelengths (1,220 Å – 2.5 µm)")
    print(f"emulator, one at a time: {one * 1e3:9.3f} ms per spectrum")
    print(f"emulator, batch of {batch}: {batch_s * 1e3:8.4f} ms per spectrum")
    measured = _bagpipes_spectra(points)
    if measured is None:
        recorded = emulator.metrics["sps_seconds_per_spectrum"]
        print(f"Bagpipes not installed; when the training spectra were made it took {recorded * 1e3:.1f} ms each")
        print(f"speed-up (against that record): {recorded / one:8.0f}× one at a time, {recorded / batch_s:8.0f}× batch")
        return
    sps_times, truth = measured
    sps = statistics.median(sps_times)
    print(f"Bagpipes (model updated):  {sps * 1e3:9.1f} ms per spectrum")
    print(f"speed-up: {sps / one:8.0f}× one at a time, {sps / batch_s:8.0f}× batched")
    errors = relative_errors(10 ** emulator.log10_luminosity(points), truth)
    print(f"|ΔL/L| over every spectrum and wavelength: median {errors['median']:.3%}, 99th pct {errors['p99']:.3%}")


if __name__ == "__main__":
    main()
