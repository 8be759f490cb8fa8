"""P(k) emulator vs CAMB, side by side in one process: time per spectrum and accuracy on the same cosmologies.

For ``--n`` cosmologies drawn from the emulator's box (a fresh Latin hypercube, seed 99), CAMB computes the
linear and halofit spectra (one run per cosmology, as the emulator's training data were made); the emulator
predicts them one at a time and as one batch. Prints median seconds per spectrum, the speed-up ratios
(target ≥ 1000×) and |ΔP/P| (target: median < 0.5%, 99th percentile < 1%).

    python benchmarks/power_spectrum.py [--n 20]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from aeiou_agent.models.camb_spectra import Cosmology, camb_linear_and_halofit, camb_power_spectra, latin_hypercube
from aeiou_agent.models.pca_mlp import relative_errors
from aeiou_agent.models.pk_emulator import load_emulator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="cosmologies")
    args = parser.parse_args()
    points = latin_hypercube(args.n, seed=99)
    emulator = load_emulator()
    emulator.predict(points[:1])  # warm

    camb_linear_s, camb_both_s, linear, halofit = [], [], [], []
    for point in points:
        cosmology, z = Cosmology(*map(float, point[:5])), float(point[5])
        start = time.perf_counter()
        camb_power_spectra(cosmology, [z])
        camb_linear_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        lin, nl = camb_linear_and_halofit(cosmology, [z])
        camb_both_s.append(time.perf_counter() - start)
        linear.append(lin[0])
        halofit.append(nl[0])

    one_at_a_time = {}
    for kind in ("linear", "nonlinear"):
        times = []
        for point in points:
            start = time.perf_counter()
            emulator.predict(point[None, :], kind)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
        one_at_a_time[kind] = statistics.median(times)
    start = time.perf_counter()
    batch = 1000
    emulator.predict(np.repeat(points, batch // len(points) + 1, axis=0)[:batch])
    batch_s = (time.perf_counter() - start) / batch

    camb_lin = statistics.median(camb_linear_s)
    print(f"{args.n} cosmologies, k grid of {len(emulator.k_h_mpc)} values in 1e-3–5 h/Mpc")
    print(f"CAMB linear:               {camb_lin * 1e3:9.1f} ms per spectrum")
    print(f"CAMB linear + halofit run: {statistics.median(camb_both_s) * 1e3:9.1f} ms per cosmology")
    for kind in ("linear", "nonlinear"):
        seconds = one_at_a_time[kind]
        print(f"emulator {kind:9s} (single): {seconds * 1e6:9.1f} µs  → {camb_lin / seconds:,.0f}× faster than CAMB")
    print(f"emulator linear (batch of {batch}): {batch_s * 1e6:6.2f} µs per spectrum → {camb_lin / batch_s:,.0f}×")
    for kind, truth in (("linear", linear), ("nonlinear", halofit)):
        errors = relative_errors(emulator.predict(points, kind), np.array(truth))  # type: ignore[arg-type]
        print(f"|ΔP/P| {kind:9s}: median {errors['median']:.3%}, p99 {errors['p99']:.3%}, max {errors['max']:.3%}")


if __name__ == "__main__":
    main()
