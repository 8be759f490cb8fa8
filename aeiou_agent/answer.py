"""Result types of the public API: what ``Observatory.ask`` returns."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

AnswerStatus = Literal["answered", "partial", "not_understood", "error", "refused"]


class Artifact(BaseModel):
    """A file a tool produced: an image, a table or a data array."""

    model_config = ConfigDict(frozen=True)

    path: str
    kind: str = Field(description="MIME-like kind, e.g. image/png, table/parquet, fits")
    caption: str = ""
    sha256: str

    @classmethod
    def from_file(cls, path: Path, kind: str, caption: str = "") -> Artifact:
        """Describe an existing file, hashing its content."""
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        return cls(path=str(path), kind=kind, caption=caption, sha256=digest)


class Citation(BaseModel):
    """A dataset or paper an answer rests on."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="stable id, e.g. 'dataset:hipparcos' or 'arXiv:2011.07124'")
    kind: Literal["dataset", "paper", "software"] = "dataset"
    title: str
    reference: str = ""
    version: str = ""
    license: str = ""
    url: str = ""

    def label(self) -> str:
        """One line for a reference list: 'arXiv:2011.07124 — title, authors, year' for papers."""
        if self.kind == "paper" and not self.id.startswith("cosmology:"):
            return " — ".join(p for p in (self.id, self.title, self.reference) if p)
        parts = [self.title]
        if self.reference:
            parts.append(self.reference)
        if self.version:
            parts.append(f"version {self.version}")
        if self.license:
            parts.append(f"license {self.license}")
        return " — ".join(parts)


class ToolCall(BaseModel):
    """One executed tool call: what was asked, what came back, how long it took."""

    model_config = ConfigDict(frozen=True)

    tool: str
    args: dict[str, Any]
    result: dict[str, Any] | None = None
    summary: str = ""
    ms: float = 0.0
    error: str | None = None
    error_type: str | None = None
    output_hash: str | None = None

    @property
    def ok(self) -> bool:
        """True when the tool returned a result."""
        return self.error is None


class Answer(BaseModel):
    """The observatory's answer to one question."""

    model_config = ConfigDict(frozen=True)

    question: str
    text: str
    calls: list[ToolCall] = Field(default_factory=list)
    artifacts: list[Artifact] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    run_id: str = ""
    planner: str = "semantic"
    status: AnswerStatus = "answered"
    grounded: bool = True
    ungrounded_numbers: list[str] = Field(default_factory=list)
    ms: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the question was answered from tool outputs."""
        return self.status == "answered"

    def __str__(self) -> str:
        return self.text
