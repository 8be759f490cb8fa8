"""Figures for tool artifacts: matplotlib's object API (no pyplot state), so threads can plot at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def new_figure(width_in: float, height_in: float, dpi: int = 110) -> Figure:
    """A figure not registered with pyplot: safe to build in any thread, freed when dropped."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width_in, height_in), dpi=dpi)


def save_png(fig: Figure, path: Path) -> Path:
    """Write ``fig`` as a PNG with no timestamp or software metadata, so equal plots hash equal."""
    fig.tight_layout()
    fig.savefig(path, format="png", metadata={"Software": None})
    return path
