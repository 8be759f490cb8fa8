"""Knowledge store: ingest throughput and query latency at 1k / 10k / 100k chunks; hybrid vs dense vs BM25.

A synthetic corpus (seeded, astronomy-flavoured sentences) is ingested into a fresh store together with the
bibliography; the paper questions of evals/literature.jsonl are then asked against it, so recall is measured
among many distractors. Ratios are printed against the smallest corpus of the same run.

    python benchmarks/knowledge.py [--sizes 1000 10000 100000] [--queries 40]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from aeiou_agent.config import Settings
from aeiou_agent.knowledge.store import Chunk, KnowledgeStore, bibliography_chunks

_VOCABULARY = (
    "galaxy star cluster nebula redshift spectrum photometry survey telescope magnitude parallax halo disk bulge "
    "quasar supernova lensing shear dust extinction metallicity kinematics rotation curve dark matter baryon "
    "simulation emulator network convolution autoencoder posterior likelihood sampler calibration pipeline "
    "detector exposure seeing flat bias aperture catalogue crossmatch astrometry variability transient pulsar "
    "binary exoplanet transit radial velocity spectrograph resolution wavelength infrared ultraviolet radio"
)
WORDS = _VOCABULARY.split()
EVALS = Path(__file__).parents[1] / "evals" / "literature.jsonl"


def synthetic_chunks(n: int, seed: int = 7) -> list[Chunk]:
    rng = random.Random(seed)
    chunks = []
    for i in range(n):
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."
            for _ in range(rng.randint(3, 6))
        ]
        chunks.append(
            Chunk(
                text=" ".join(sentences),
                source_id=f"synthetic:{i // 5}",
                collection="papers",
                title=f"Synthetic note {i // 5}",
                year=2000 + i % 25,
                kind="text",
                section="synthetic",
            )
        )
    return chunks


def paper_questions(limit: int) -> list[tuple[str, list[str]]]:
    cases = [json.loads(line) for line in EVALS.read_text().splitlines() if line.strip()]
    picked = [
        (c["question"], c["expect"]["sources"]) for c in cases if c["family"] == "literature" and c["expect"]["sources"]
    ]
    return picked[:limit]


def recall(
    store: KnowledgeStore, questions: list[tuple[str, list[str]]], mode: str
) -> tuple[float, float, list[float]]:
    hits, reciprocal, latencies = 0, 0.0, []
    for question, expected in questions:
        start = time.perf_counter()
        passages = store.search(question, k=5, mode=mode)
        latencies.append((time.perf_counter() - start) * 1e3)
        ranked = list(dict.fromkeys(p.source_id for p in passages))
        rank = next((i for i, s in enumerate(ranked, start=1) if s in expected), None)
        hits += rank is not None
        reciprocal += 1 / rank if rank else 0
    return hits / len(questions), reciprocal / len(questions), latencies


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=40)
    args = parser.parse_args()
    questions = paper_questions(args.queries)
    base_rate = base_p50 = None
    print(
        f"{'chunks':>8} {'ingest chunks/s':>16} {'ratio':>6} | {'hybrid p50 ms':>13} {'p95 ms':>7} {'ratio':>6} | "
        f"{'recall@5 hybrid / dense / bm25':>31} | {'MRR hybrid / dense / bm25':>26}"
    )
    for size in args.sizes:
        home = Path(tempfile.mkdtemp(prefix=f"aeiou-kb-{size}-"))
        store = KnowledgeStore(Settings.load(home=home))
        corpus = [*bibliography_chunks(), *synthetic_chunks(size - len(bibliography_chunks()))]
        store.search("warm up the model", k=1)
        start = time.perf_counter()
        store.add(corpus, batch_size=512)
        rate = len(corpus) / (time.perf_counter() - start)
        store.search("warm up bm25", k=1, mode="bm25")
        results = {mode: recall(store, questions, mode) for mode in ("hybrid", "dense", "bm25")}
        p50 = statistics.median(results["hybrid"][2])
        p95 = percentile(results["hybrid"][2], 95)
        base_rate = base_rate or rate
        base_p50 = base_p50 or p50
        recalls = " / ".join(f"{results[m][0]:.3f}" for m in ("hybrid", "dense", "bm25"))
        mrrs = " / ".join(f"{results[m][1]:.3f}" for m in ("hybrid", "dense", "bm25"))
        print(
            f"{len(corpus):>8,} {rate:>16.0f} {rate / base_rate:>6.2f} | {p50:>13.1f} {p95:>7.1f} "
            f"{p50 / base_p50:>6.2f} | {recalls:>31} | {mrrs:>26}",
            flush=True,
        )


if __name__ == "__main__":
    main()
