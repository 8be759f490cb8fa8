"""Write evals/simulate.jsonl: power-spectrum and density-field questions, written before tuning the planner on them.

Expected P(k) values come from CAMB directly (not the emulator), compared at 1% (the emulator's stated accuracy);
density-field cases check the routed tool, its arguments and the parameters stated in the answer.

    python evals/make_simulate.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import make_core as mc

from aeiou_agent.models.camb_spectra import PLANCK18, Cosmology, camb_power_spectra

OUT = Path(__file__).with_name("simulate.jsonl")
mc.CASES.clear()
case, num = mc.case, mc.num


def camb_p(k_h_mpc: float, z: float = 0.0, nonlinear: bool = False, **params: float) -> float:
    cosmology = Cosmology(**{**PLANCK18, **params})
    k = np.array([k_h_mpc])
    return float(camb_power_spectra(cosmology, [z], nonlinear=nonlinear, k_h_mpc=k)[0][0])


pk_cases = [
    ("What is the linear matter power spectrum at k = 0.1 h/Mpc today?", 0.1, 0.0, False, {}),
    (
        "P(k) at k=0.05 h/Mpc and z = 1 for Omega_m = 0.3 and sigma8 = 0.8",
        0.05,
        1.0,
        False,
        {"omega_m": 0.3, "sigma8": 0.8},
    ),
    ("non-linear matter power spectrum at k = 1 h/Mpc, z = 0, halofit", 1.0, 0.0, True, {}),
    ("How much power is there at k = 0.2 h/Mpc at redshift 2 for sigma8 = 0.75?", 0.2, 2.0, False, {"sigma8": 0.75}),
    (
        "matter power spectrum at z=0.5 with h = 0.7, n_s = 0.95, at k = 0.3 h/Mpc",
        0.3,
        0.5,
        False,
        {"h": 0.7, "n_s": 0.95},
    ),
    (
        "Give me the halofit power spectrum at k=0.5 h/Mpc for Omega_m = 0.35 at z = 0.3",
        0.5,
        0.3,
        True,
        {"omega_m": 0.35},
    ),
    ("power spectrum P(k = 0.02 h/Mpc) for Omega_b = 0.045, z = 0", 0.02, 0.0, False, {"omega_b": 0.045}),
    (
        "what's the matter power at k = 0.15 h/Mpc for sigma_8 = 0.9 and Omega_m 0.28?",
        0.15,
        0.0,
        False,
        {"sigma8": 0.9, "omega_m": 0.28},
    ),
]
for question, k, z, nonlinear, params in pk_cases:
    args = {"k_h_mpc": k, "z": z, **params}
    if nonlinear:
        args["nonlinear"] = True
    case(
        "simulate",
        question,
        tools=["matter_power_spectrum"],
        args={"matter_power_spectrum": args},
        numbers=[num(camb_p(k, z, nonlinear, **params), rel=0.01)],
    )

case(
    "simulate",
    "Plot the matter power spectrum for Omega_m = 0.25 at z = 0",
    tools=["matter_power_spectrum"],
    args={"matter_power_spectrum": {"omega_m": 0.25, "z": 0.0, "plot": True}},
    contains=["Ωm = 0.25"],
)
case(
    "simulate",
    "Compute the linear P(k) with CAMB directly for sigma8 = 0.7",
    tools=["matter_power_spectrum"],
    args={"matter_power_spectrum": {"sigma8": 0.7, "method": "camb"}},
    contains=["Computed by CAMB"],
)

field_cases = [
    (
        "Simulate a 2D matter density field with sigma8 = 0.9, 256 pixels, 500 Mpc/h",
        {"sigma8": 0.9, "n_pixels": 256, "box_size_mpc_h": 500.0},
        ["σ8 = 0.9", "256×256"],
    ),
    (
        "generate a lognormal density map with 128 pixels in a 1000 Mpc/h box",
        {"kind": "lognormal", "n_pixels": 128, "box_size_mpc_h": 1000.0},
        ["lognormal", "1000 Mpc/h"],
    ),
    (
        "make a Gaussian random field of the matter density at z = 1, seed 11",
        {"kind": "gaussian", "z": 1.0, "seed": 11},
        ["seed 11", "z = 1"],
    ),
    (
        "draw a mock density field for Omega_m = 0.25 and sigma8 = 0.7, 64 pixels",
        {"omega_m": 0.25, "sigma8": 0.7, "n_pixels": 64},
        ["Ωm = 0.25"],
    ),
    (
        "create a 2D slice of the cosmic density field, 200 Mpc/h box, 100 pixels",
        {"box_size_mpc_h": 200.0, "n_pixels": 100},
        ["200 Mpc/h"],
    ),
]
for question, args, phrases in field_cases:
    case("simulate", question, tools=["density_field"], args={"density_field": args}, contains=phrases)

case(
    "simulate",
    "Simulate a density field with 10000 pixels",
    tools=["density_field"],
    status="not_understood",
    contains=["n_pixels"],
)

# generative galaxy model: routing, arguments and what the answer states (the model's quality is tested in tests/)
gen_cases = [
    (
        "Draw 6 synthetic galaxies with Sersic index 1 and 6 with Sersic index 4",
        {"sersic_n": [1.0, 4.0], "count_per_index": 6},
        ["12 synthetic", "Sérsic index 4"],
    ),
    (
        "Generate a galaxy with half-light radius 1.5 arcsec, ellipticity 0.3, seed 7",
        {"count_per_index": 1, "half_light_radius_arcsec": 1.5, "ellipticity": 0.3, "seed": 7},
        ["seed 7", "1.5″"],
    ),
    (
        "make three fake galaxies with a de Vaucouleurs profile",
        {"sersic_n": [4.0], "count_per_index": 3},
        ["Sérsic index 4"],
    ),
    (
        "can you sample 8 galaxy images with Sersic n = 2.5 and ellipticity 0.5?",
        {"sersic_n": [2.5], "count_per_index": 8, "ellipticity": 0.5},
        ["ellipticity 0.5"],
    ),
    (
        "Show me synthetic galaxies with Sersic indices 0.5, 2 and 6, two of each",
        {"sersic_n": [0.5, 2.0, 6.0], "count_per_index": 2},
        ["Sérsic index 6"],
    ),
]
for question, args, phrases in gen_cases:
    case("generative", question, tools=["generate_galaxies"], args={"generate_galaxies": args}, contains=phrases)
case(
    "generative",
    "Draw 10000 galaxies with Sersic index 2",
    tools=["generate_galaxies"],
    status="not_understood",
    contains=["count_per_index"],
)

# S/N enhancement: routing and arguments (the model's quality is tested in tests/test_enhance.py)
case(
    "generative",
    "Enhance the signal-to-noise of a simulated SDSS-like cutout of a Sersic index 4 galaxy, seed 3",
    tools=["enhance_cutout"],
    args={"enhance_cutout": {"sersic_n": 4.0, "seed": 3}},
    contains=["S/N enhancer", "seed 3"],
)
case(
    "generative",
    "denoise an SDSS image of a galaxy with half-light radius 2 arcsec and flux 10^3.8",
    tools=["enhance_cutout"],
    args={"enhance_cutout": {"half_light_radius_arcsec": 2.0, "log10_flux": 3.8}},
    contains=["log10 flux 3.8"],
)
case(
    "generative",
    "and now enhance this cutout once more",
    setup=["Enhance the signal-to-noise of a simulated SDSS-like cutout of an exponential disc galaxy, seed 5"],
    tools=["enhance_cutout"],
    contains=["SDSS-like cutout"],
)
case(
    "generative",
    "Estimate the structural parameters of a simulated noisy galaxy with Sersic index 3, seed 2",
    tools=["fit_galaxy_profile"],
    args={"fit_galaxy_profile": {"sersic_n": 3.0, "seed": 2}},
    contains=["least-squares Sérsic fit", "seed 2"],
)
case(
    "generative",
    "Enhance the signal-to-noise of this SDSS-like cutout",
    tools=[],
    status="not_understood",
    contains=["no earlier image in this conversation"],
)

# multimodal PoE VAE: routing, arguments, chat references (the model's quality is tested in tests/test_multimodal.py)
multimodal_cases = [
    ("Find the 5 galaxies most similar to sample 12", "similar_galaxies", {"sample": 12, "count": 5}, ["#"]),
    ("which survey galaxies look like galaxy 40?", "similar_galaxies", {"sample": 40}, ["latent space"]),
    ("show the 10 most anomalous galaxies", "rank_anomalies", {"count": 10}, ["ROC AUC"]),
    ("which galaxies in the reference survey are outliers?", "rank_anomalies", {}, ["injected anomalies"]),
    (
        "Predict the structural parameters of sample 3 with the multimodal VAE",
        "predict_galaxy_parameters",
        {"sample": 3},
        ["least-squares Sérsic fit", "true values"],
    ),
    (
        "predict the parameters of galaxy 40 from its SDSS image",
        "predict_galaxy_parameters",
        {"sample": 40, "survey": "sdss"},
        ["SDSS-like stamp"],
    ),
    (
        "Change the Sersic index of sample 12 to 4",
        "edit_galaxy",
        {"sample": 12, "attribute": "sersic_n", "value": 4.0},
        ["Sérsic index"],
    ),
    ("make galaxy 7 round", "edit_galaxy", {"sample": 7, "attribute": "ellipticity", "value": 0.0}, ["ellipticity"]),
    (
        "Draw 3 paired SDSS and DES observations of a galaxy with Sersic index 3, seed 4",
        "sample_galaxy_pairs",
        {"count": 3, "sersic_n": 3.0, "seed": 4},
        ["seed 4", "Predicted back"],
    ),
]
for question, tool_name, args, phrases in multimodal_cases:
    case("generative", question, tools=[tool_name], args={tool_name: args}, contains=phrases)
case(
    "generative",
    "predict the parameters of sample 2 of these",
    setup=["show the 6 most anomalous galaxies"],
    tools=["predict_galaxy_parameters"],
    args={"predict_galaxy_parameters": {"index": 2}},
    contains=["DES-like stamp of"],
)
case(
    "generative",
    "Change the Sersic index of this galaxy to 4",
    tools=[],
    status="not_understood",
    contains=["no earlier image in this conversation to change"],
)
case(
    "generative",
    "Find the 5 galaxies most similar to sample 5000",
    tools=["similar_galaxies"],
    status="not_understood",
    contains=["there is no sample 5000"],
)

OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in mc.CASES))
print(f"wrote {len(mc.CASES)} cases to {OUT}")
