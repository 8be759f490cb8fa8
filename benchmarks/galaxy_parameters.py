"""Structural parameters from one image: the multimodal VAE vs the least-squares Sérsic fit, in one process.

The same fresh galaxies (``--n``, seed 77, normal ones only) are rendered with GalSim; the VAE predicts
their parameters from the DES-like stamps (one at a time and as one batch), the least-squares fit fits each
stamp, and the fit started from the VAE's prediction combines the two. Prints seconds per galaxy, the speed-up
ratios, and the median errors of each against the truth.

    python benchmarks/galaxy_parameters.py [--n 40]
"""

from __future__ import annotations

import argparse
import dataclasses
import time

import numpy as np

from aeiou_agent.models.galaxies import DES, GalaxyParams, fit_sersic, make_dataset
from aeiou_agent.models.poe_vae import galaxy_rows, load_poe_vae, parameter_errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="galaxies")
    args = parser.parse_args()
    data = make_dataset(args.n, seed=77, anomaly_fraction=0.0, progress=False)
    des, truth = data["des"], galaxy_rows(data)
    model = load_poe_vae()
    model.predict_params(des=des[:1])  # warm

    start = time.perf_counter()
    single = np.concatenate([model.predict_params(des=stamp[None]) for stamp in des])
    vae_single_s = (time.perf_counter() - start) / args.n
    start = time.perf_counter()
    batch = model.predict_params(des=des)
    vae_batch_s = (time.perf_counter() - start) / args.n
    start = time.perf_counter()
    fitted = np.array([dataclasses.astuple(fit_sersic(stamp, DES)) for stamp in des])
    fit_s = (time.perf_counter() - start) / args.n
    start = time.perf_counter()
    starts = model.predict_params(des=des)
    refined = np.array(
        [
            dataclasses.astuple(fit_sersic(stamp, DES, start=GalaxyParams(*map(float, row))))
            for stamp, row in zip(des, starts, strict=True)
        ]
    )
    combined_s = (time.perf_counter() - start) / args.n
    assert np.allclose(single, batch, atol=1e-4)

    print(f"{args.n} galaxies (DES-like stamps, seed 77)")
    print(f"least-squares fit     {fit_s * 1e3:9.2f} ms/galaxy")
    print(f"VAE, one at a time    {vae_single_s * 1e3:9.2f} ms/galaxy   {fit_s / vae_single_s:7.0f}× faster")
    print(f"VAE, one batch        {vae_batch_s * 1e3:9.2f} ms/galaxy   {fit_s / vae_batch_s:7.0f}× faster")
    print(f"VAE, then the fit     {combined_s * 1e3:9.2f} ms/galaxy   {fit_s / combined_s:7.2f}× the fit's speed")
    for name, predicted in (("least-squares fit", fitted), ("VAE", batch), ("VAE, then the fit", refined)):
        errors = parameter_errors(predicted, truth)
        print(
            f"{name:18s} |Δn| {errors['sersic_n_median_abs_error']:.2f}  |Δr/r| "
            f"{errors['radius_median_relative_error']:.1%}  |Δe| {errors['ellipticity_median_abs_error']:.3f}  "
            f"|Δlog F| {errors['log10_flux_median_abs_error']:.3f}"
        )


if __name__ == "__main__":
    main()
