"""Synthetic deep fields: time to draw a field of a given size, against GalSim drawing the same galaxies.

The field's galaxies come from the conditional VAE (aeiou_agent.models.deep_field). The baseline renders a sample
of the same galaxies with GalSim (Sérsic profile through the 0.9″ Moffat PSF, as the training set was made), in
the same process, and scales its time per galaxy to the field's count. Printed: the field's time (issue 16 asks
for 4096² in at most 60 s on 2 cores), the detection check's time, and the ratio to GalSim.

    python benchmarks/deep_field.py [--size 4096] [--baseline-galaxies 300]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from aeiou_agent.models.deep_field import FieldSpec, render, validate
from aeiou_agent.models.galaxies import DES, GalaxyParams
from aeiou_agent.models.galaxies import render as galsim_render


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--baseline-galaxies", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    spec = FieldSpec(size_pixels=options.size, seed=options.seed)
    started = time.perf_counter()
    field = render(spec)
    drawn_s = time.perf_counter() - started
    count = len(field.truth["mag"])
    check = validate(field)
    truth = field.truth
    sample = np.random.default_rng(0).choice(count, size=min(options.baseline_galaxies, count), replace=False)
    started = time.perf_counter()
    for i in sample:
        params = GalaxyParams(
            sersic_n=float(truth["sersic_n"][i]),
            half_light_radius_arcsec=float(truth["half_light_radius_arcsec"][i]),
            ellipticity=float(truth["ellipticity"][i]),
            position_angle_deg=0.0,
            log10_flux=float(np.log10(truth["flux_electrons"][i])),
        )
        galsim_render(params, DES, seed=int(i), noise=False)
    galsim_per_galaxy_s = (time.perf_counter() - started) / len(sample)
    galsim_s = galsim_per_galaxy_s * count
    print(
        f"field {options.size}² px, {count} galaxies: drawn in {drawn_s:.1f} s "
        f"(VAE {field.timings_s['galaxies_s']:.1f} s)"
    )
    print(
        f"detection check (SEP): {check['validation_s']:.1f} s; counts recovered: {check['counts_recovered']}, "
        f"{check['count_bins_within_2_sigma']}/{check['count_bins_compared']} bins within 2σ; "
        f"size ratio {check['sizes'].get('median_ratio', float('nan')):.3f}"
    )
    print(
        f"GalSim, same galaxies ({len(sample)} timed): {galsim_per_galaxy_s * 1000:.1f} ms each → {galsim_s:.1f} s "
        f"for the field's galaxies; generator/GalSim time ratio {drawn_s / galsim_s:.2f} "
        f"(speed-up {galsim_s / drawn_s:.1f}×)"
    )


if __name__ == "__main__":
    main()
