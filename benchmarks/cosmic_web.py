"""Cosmic-web generator vs its 2LPT simulator, in one process: time per map and per new independent map.

The simulator makes a 256 Mpc/h box of 128³ particles and cuts it into 192 maps of 64² (48 slabs, four quadrants
each); the generator draws maps one at a time or in batches. Both at Planck 2018 σ8 and Ωm. Prints median times
and the ratios: a map the simulator gives costs a whole box (no fresh map without a fresh box), spread over the
box's maps it costs 1/192 of one.

    python benchmarks/cosmic_web.py [--boxes 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from aeiou_agent.models.cosmic_web import quadrants, simulate_box, slabs
from aeiou_agent.models.cosmic_web_gan import load_generator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boxes", type=int, default=3, help="simulator boxes to time")
    args = parser.parse_args()
    sigma8, omega_m = 0.8102, 0.3111
    box_times, maps_per_box = [], 0
    for seed in range(args.boxes):
        start = time.perf_counter()
        maps_per_box = len(quadrants(slabs(simulate_box(sigma8, omega_m, seed))))
        box_times.append(time.perf_counter() - start)
    box_s = statistics.median(box_times)
    generator = load_generator()
    generator.sample(sigma8, omega_m, 1, 0)  # warm
    one_times = []
    for seed in range(20):
        start = time.perf_counter()
        generator.sample(sigma8, omega_m, 1, seed)
        one_times.append(time.perf_counter() - start)
    one_s = statistics.median(one_times)
    start = time.perf_counter()
    generator.sample(sigma8, omega_m, maps_per_box, 1)
    batch_s = (time.perf_counter() - start) / maps_per_box
    print(
        f"2LPT simulator: {box_s:8.3f} s per box of {maps_per_box} maps ({box_s / maps_per_box * 1e3:.2f} ms per map)"
    )
    print(f"generator, one map:        {one_s * 1e3:8.2f} ms")
    print(f"generator, {maps_per_box} maps at once: {batch_s * 1e3:8.2f} ms per map")
    print(f"speed-up for one new map (a box vs one drawn map): {box_s / one_s:8.0f}×")
    print(f"speed-up per map, whole box vs batch:              {box_s / maps_per_box / batch_s:8.2f}×")


if __name__ == "__main__":
    main()
