"""Write evals/literature.jsonl: literature and dataset questions with the sources that answer them.

Expected sources come from the seed bibliography's facts (../shared/data/seed_papers.jsonl, restated in
aeiou_agent/knowledge/data/bibliography.jsonl) and from the dataset cards; unanswerable questions expect
no citation and an explicit 'found nothing'.

    python evals/make_literature.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("literature.jsonl")

# (question, expected source ids) — several phrasings per paper: what it did, its method, its data, its authors.
PAPERS: list[tuple[str, list[str]]] = [
    ("Which paper used CycleGAN to increase the signal-to-noise of SDSS images?", ["arXiv:2011.07124"]),
    ("Is there work that maps SDSS galaxy cutouts to what DES would see?", ["arXiv:2011.07124"]),
    ("paper on cross-survey image translation using Stripe 82", ["arXiv:2011.07124"]),
    ("Who wrote Survey2Survey?", ["arXiv:2011.07124"]),
    ("which paper introduced StyleGAN?", ["arXiv:1812.04948"]),
    ("What paper proposed a mapping network and per-layer styles for GAN generators?", ["arXiv:1812.04948"]),
    ("where was the FFHQ face dataset released?", ["arXiv:1812.04948"]),
    ("Which paper generates CMB temperature maps with a GAN instead of CAMB?", ["arXiv:1908.04682"]),
    ("fast simulation of cosmic microwave background patches with deep learning", ["arXiv:1908.04682"]),
    ("Who are the authors of CMB-GAN?", ["arXiv:1908.04682"]),
    ("Which paper emulates reionization simulations with a convolutional autoencoder?", ["arXiv:1905.06958"]),
    ("what is CRADLE?", ["arXiv:1905.06958"]),
    ("deep learning to predict reionization times from density maps", ["arXiv:1905.06958"]),
    ("Which paper benchmarks GANs on 3D N-body dark matter cubes?", ["arXiv:1908.05519"]),
    ("generating 256^3 cosmological volumes with a scalable GAN", ["arXiv:1908.05519"]),
    ("paper by Perraudin on N-body simulations as a challenge for generative models", ["arXiv:1908.05519"]),
    ("Which paper paints baryons onto N-body simulations?", ["arXiv:1903.12173"]),
    ("mapping dark matter to gas pressure with a VAE trained on BAHAMAS", ["arXiv:1903.12173"]),
    ("who produced tSZ maps for SLICS light cones with deep generative models?", ["arXiv:1903.12173"]),
    ("Which paper made arbitrarily large synthetic deep fields with a spatial GAN?", ["arXiv:1904.10286"]),
    ("GAN trained on the Hubble eXtreme Deep Field", ["arXiv:1904.10286"]),
    ("Smith and Geach generative deep fields paper", ["arXiv:1904.10286"]),
    ("Which paper uses generative models to test hypotheses about galaxy evolution?", ["arXiv:1812.01114"]),
    ("latent space manipulation to study quenching of star formation in galaxies", ["arXiv:1812.01114"]),
    ("what did Schawinski, Turp and Zhang propose?", ["arXiv:1812.01114"]),
    ("Which paper translates between FIRST and NVSS radio images?", ["arXiv:1906.03874"]),
    ("what is RadioGAN?", ["arXiv:1906.03874"]),
    ("conditional GAN for radio survey translation recovering extended flux", ["arXiv:1906.03874"]),
    ("Which paper chains a DCGAN and a StackGAN to make galaxy images?", ["arXiv:1811.03081"]),
    ("high-resolution synthetic galaxies for weak lensing shape calibration", ["arXiv:1811.03081"]),
    ("Forging new worlds paper authors", ["arXiv:1811.03081"]),
    ("Which paper introduced the multimodal VAE with a product-of-experts posterior?", ["arXiv:1802.05335"]),
    ("how can one VAE handle missing modalities?", ["arXiv:1802.05335"]),
    ("sub-sampled ELBO training for weak supervision", ["arXiv:1802.05335"]),
    ("Which paper emulates stellar population synthesis with PCA and a neural network?", ["arXiv:1911.11778"]),
    ("What is SPECULATOR?", ["arXiv:1911.11778"]),
    ("fast emulation of galaxy spectra and photometry for SED fitting", ["arXiv:1911.11778"]),
    ("Which paper emulates cosmological power spectra with neural networks?", ["arXiv:2106.03846"]),
    ("What is CosmoPower?", ["arXiv:2106.03846"]),
    ("replacing Boltzmann codes with PCA plus neural network emulators in likelihoods", ["arXiv:2106.03846"]),
    ("What is the reference for the Hipparcos new reduction?", ["arXiv:0708.1752", "book:vanLeeuwen2007"]),
    ("which paper validates the re-reduced Hipparcos astrometry?", ["arXiv:0708.1752"]),
    ("Is there a book documenting the new reduction of the raw Hipparcos data?", ["book:vanLeeuwen2007"]),
    ("Which source merges NED, HyperLEDA and SIMBAD data for NGC and IC objects?", ["web:OpenNGC", "dataset:ngc"]),
    ("Which paper describes the second Dark Energy Survey data release?", ["arXiv:2101.05765"]),
    ("How much sky does DES DR2 cover and in which bands?", ["arXiv:2101.05765"]),
    ("papers from 2022 about emulators", ["arXiv:2106.03846"]),
    ("papers before 2008 about astrometry", ["arXiv:0708.1752", "book:vanLeeuwen2007"]),
    ("What did the Survey2Survey paper find about the morphology of translated galaxies?", ["arXiv:2011.07124"]),
    ("what summary statistics were used to check CMB-GAN patches?", ["arXiv:1908.04682"]),
    ("literature on GANs for radio astronomy", ["arXiv:1906.03874"]),
]

DATASETS: list[tuple[str, list[str]]] = [
    ("What is OpenNGC and where do its values come from?", ["web:OpenNGC", "dataset:ngc"]),
    ("What license is the NGC/IC catalog under?", ["dataset:ngc"]),
    ("What columns does the Hipparcos table have, and in which units is the parallax?", ["dataset:hipparcos"]),
    ("how many rows does the star names table have?", ["dataset:star_names"]),
    ("what is the source of the Hipparcos data in this observatory?", ["dataset:hipparcos"]),
    ("Describe the ngc table", ["dataset:ngc"]),
    ("which version of pyongc is the NGC table built from?", ["dataset:ngc"]),
    ("what does the healpix column of the hipparcos table contain?", ["dataset:hipparcos"]),
    ("in which units are the sizes of NGC objects given?", ["dataset:ngc"]),
]

UNANSWERABLE = [
    "Which paper measured the Hubble constant with gravitational-wave standard sirens?",
    "papers about exoplanet atmospheres observed with JWST",
    "what does the literature say about baking sourdough bread?",
    "Which paper discovered the cosmic microwave background?",
    "Is there a paper on fast radio burst localisation with CHIME?",
    "papers on the stock market",
    "Who wrote the paper on photometric redshift errors in my documents?",
    "what do my papers say about tidal disruption events?",
]


def main() -> None:
    cases = []
    for i, (question, sources) in enumerate(PAPERS, start=1):
        tools: list[object] = ["search_literature"]
        if any(source.startswith("dataset:") for source in sources):  # a dataset card may answer it too
            tools = [["search_literature", "describe_catalog"]]
        cases.append(
            {
                "id": f"paper-{i:03d}",
                "family": "literature",
                "question": question,
                "expect": {"tools": tools, "sources": sources},
            }
        )
    for i, (question, sources) in enumerate(DATASETS, start=1):
        cases.append(
            {
                "id": f"dataset-{i:03d}",
                "family": "dataset",
                "question": question,
                "expect": {"tools": [["describe_catalog", "search_literature"]], "sources": sources},
            }
        )
    for i, question in enumerate(UNANSWERABLE, start=1):
        cases.append(
            {
                "id": f"none-{i:03d}",
                "family": "unanswerable",
                "question": question,
                "expect": {"tools": ["search_literature"], "sources": [], "contains": ["found nothing"]},
            }
        )
    with OUT.open("w") as fh:
        for case in cases:
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
