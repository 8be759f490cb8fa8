"""Generative models, simulators and emulators: torch/numpy modules, training entry points, shipped weights."""

from __future__ import annotations

from aeiou_agent.answer import Citation


def model_citation(name: str, title: str, sha256: str, quality: str) -> Citation:
    """How an answer cites one of AEIOU's own models: its card, its measured quality and its weights' hash."""
    return Citation(
        id=f"model:{name}",
        kind="software",
        title=f"{title} (model card aeiou_agent/models/weights/{name}.md)",
        reference=quality,
        version=f"weights sha256 {sha256[:12]}",
    )
