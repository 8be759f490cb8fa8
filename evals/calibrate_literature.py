"""Fit the knowledge store's relevance model (does the best passage answer the question?) on a calibration set.

evals/calibration/literature.jsonl holds questions written for fitting only: paraphrases of each bibliography
entry, many as indirect as a user who does not know the paper's terms, and topics the store does not hold. For
each, the planner's literature query is searched as the tool searches it, and relevance_features of the best
passage are computed as the tool computes them (a passage that names the question's proper nouns answers it
whatever the model says). A class-balanced logistic regression is fitted to "the best
passage is the right paper"; the threshold on its probability is the one with the most calibration questions
answered right (a paraphrase citing its paper, an absent topic answered 'found nothing') among those that cite at
least MIN_PARAPHRASES_CITED of the paraphrases, all under leave-one-out, so the figures printed are estimates for
questions the fit has not seen. Prints the constants to paste into aeiou_agent/knowledge/store.py.

    python evals/calibrate_literature.py

Only the bibliography's passages count, so documents you ingested do not change the fit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from aeiou_agent import Observatory
from aeiou_agent.evals import load_cases
from aeiou_agent.knowledge.store import RELEVANCE_FEATURES, names_it, relevance_features
from aeiou_agent.planning import ChatContext

CALIBRATION = Path(__file__).parent / "calibration" / "literature.jsonl"
THRESHOLDS = np.round(np.arange(0.2, 0.81, 0.01), 2)
# A user who describes a paper in other words must find it at least this often (leave-one-out); within that, the
# threshold answers as many calibration questions right as it can. Missing a paper the store holds is the failure
# users reported; an absent topic still gets the closest entry named as not matching (CLOSEST_HINT), never cited.
MIN_PARAPHRASES_CITED = 0.8


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 30) -> np.ndarray:
    """Class-balanced, L2-regularised logistic regression by Newton's method; the last weight is the bias."""
    design = np.hstack([x, np.ones((len(x), 1))])
    sample_weight = np.where(y, len(y) / (2 * y.sum()), len(y) / (2 * (~y).sum()))
    penalty = np.diag([l2] * x.shape[1] + [0.0])
    theta = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ theta))
        gradient = design.T @ (sample_weight * (p - y)) + penalty @ theta
        hessian = (design * (sample_weight * p * (1 - p))[:, None]).T @ design + penalty
        theta -= np.linalg.solve(hessian, gradient)
    return theta


def _probability(theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ theta[:-1] + theta[-1])))


def _accuracies(
    probability: np.ndarray, by_name: np.ndarray, right_top: np.ndarray, present: np.ndarray, threshold: float
) -> tuple[float, float]:
    """(share of paraphrases cited right, share of absent topics answered 'found nothing') at ``threshold``."""
    found = by_name | (probability >= threshold)
    return float((found & right_top)[present].mean()), float((~found)[~present].mean())


def calibrate(obs: Observatory) -> dict[str, Any]:
    """Fit the relevance model on the calibration set; the constants for store.py and leave-one-out figures."""
    knowledge = obs.knowledge
    features, named, right_top, present = [], [], [], []
    for case in load_cases(CALIBRATION):
        question, expected = case["question"], case["expect"]["sources"]
        plan = obs.planner.plan(question, ChatContext())
        call = plan.calls[0] if plan.calls else None
        query = str(call.args["query"]) if call and call.tool == "search_literature" else question
        found = knowledge.search(query, k=40, collections=("papers",))
        passages = [p for p in found if p.metadata.get("section") == "bibliography"][:20]  # not your own documents
        if not passages:
            continue
        features.append(relevance_features(passages[0], query, passages))
        named.append(names_it(passages[0], query))
        present.append(bool(expected))
        right_top.append(bool(expected) and passages[0].source_id == expected[0])
    x, y, is_present, by_name = np.array(features), np.array(right_top), np.array(present), np.array(named)
    theta = fit_logistic(x, y)
    held_out = np.array([_probability(fit_logistic(np.delete(x, i, 0), np.delete(y, i)), x[i]) for i in range(len(x))])
    share = is_present.mean()
    by_threshold = [_accuracies(held_out, by_name, y, is_present, t) for t in THRESHOLDS]
    overall = [share * cited + (1 - share) * nothing for cited, nothing in by_threshold]
    allowed = [i for i, (cited, _nothing) in enumerate(by_threshold) if cited >= MIN_PARAPHRASES_CITED] or [0]
    best = max(allowed, key=lambda i: overall[i])
    return {
        "questions": len(x),
        "paraphrases": int(is_present.sum()),
        "ranked_first": int(y.sum()),
        "weights": tuple(round(float(w), 3) for w in theta[:-1]),
        "bias": round(float(theta[-1]), 3),
        "threshold": float(THRESHOLDS[best]),
        "accuracy": overall[best],
        "cited": by_threshold[best][0],
        "nothing": by_threshold[best][1],
        "by_threshold": dict(zip(THRESHOLDS.tolist(), by_threshold, strict=True)),
    }


def main() -> None:
    fit = calibrate(Observatory())
    print(
        f"{fit['questions']} questions: {fit['paraphrases']} paraphrases ({fit['ranked_first']} with the right paper "
        f"ranked first), {fit['questions'] - fit['paraphrases']} absent topics"
    )
    print(
        f"leave-one-out at threshold {fit['threshold']}: {fit['accuracy']:.3f} right; paraphrases cited right "
        f"{fit['cited']:.3f}, absent topics 'found nothing' {fit['nothing']:.3f}"
    )
    print(
        "by threshold (paraphrases, absent):",
        " ".join(f"{t:g}:{a:.2f},{b:.2f}" for t, (a, b) in list(fit["by_threshold"].items())[::10]),
    )
    print(f"RELEVANCE_FEATURES = {RELEVANCE_FEATURES}")
    print(f"RELEVANCE_WEIGHTS = {fit['weights']}")
    print(f"RELEVANCE_BIAS = {fit['bias']}")
    print(f"RELEVANCE_THRESHOLD = {fit['threshold']}")


if __name__ == "__main__":
    main()
