"""Chunks: passages with their provenance, and how documents and bibliographic records are cut into them."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

CHUNK_CHARS = 900  # MiniLM reads 256 word pieces: about this many characters of English prose


@dataclass(frozen=True)
class Chunk:
    """A passage with where it came from. ``id`` is a content hash, so re-adding it is a no-op."""

    text: str
    source_id: str
    collection: str
    title: str = ""
    authors: str = ""
    year: int | None = None
    section: str = ""
    page: int | None = None
    url: str = ""
    path: str = ""
    kind: str = "paper"

    @property
    def content_hash(self) -> str:
        """SHA-256 of the source id and the text."""
        return hashlib.sha256(f"{self.source_id}\n{self.text}".encode()).hexdigest()

    @property
    def id(self) -> str:
        """Chunk id: collection and content hash."""
        return f"{self.collection}:{self.content_hash[:32]}"

    def metadata(self) -> dict[str, Any]:
        """Chroma metadata (scalars only; missing values left out)."""
        meta: dict[str, Any] = {
            "source_id": self.source_id,
            "title": self.title,
            "authors": self.authors,
            "section": self.section,
            "url": self.url,
            "path": self.path,
            "kind": self.kind,
            "content_hash": self.content_hash,
            "collection": self.collection,
        }
        if self.year is not None:
            meta["year"] = int(self.year)
        if self.page is not None:
            meta["page"] = int(self.page)
        return meta


def chunk_text(text: str, max_chars: int = CHUNK_CHARS) -> list[str]:
    """Split text into chunks of whole paragraphs (long paragraphs by sentences), overlapping by one paragraph."""
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    pieces: list[str] = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if len(paragraph) <= max_chars:
            pieces.append(paragraph)
            continue
        sentences = re.split(r"(?<=[.!?])\s+", paragraph)
        current = ""
        for sentence in sentences:
            while len(sentence) > max_chars:  # a 'sentence' without punctuation: cut it
                pieces.append(sentence[:max_chars])
                sentence = sentence[max_chars:]
            if current and len(current) + 1 + len(sentence) > max_chars:
                pieces.append(current)
                current = sentence
            else:
                current = f"{current} {sentence}".strip()
        if current:
            pieces.append(current)
    chunks: list[str] = []
    current_parts: list[str] = []
    for piece in pieces:
        if current_parts and sum(len(p) + 1 for p in current_parts) + len(piece) > max_chars:
            chunks.append(" ".join(current_parts))
            overlap = current_parts[-1]
            current_parts = [overlap] if len(overlap) + len(piece) + 1 <= max_chars else []
        current_parts.append(piece)
    if current_parts:
        chunks.append(" ".join(current_parts))
    return chunks


def paper_chunks(
    *,
    source_id: str,
    title: str,
    authors: Sequence[str] | str,
    year: int | None,
    body: str,
    kind: str,
    venue: str = "",
    keywords: Sequence[str] = (),
    url: str = "",
    path: str = "",
    section: str = "",
) -> list[Chunk]:
    """Chunks of a bibliographic record: 'Title. Authors (year). Venue. Body Keywords: ...'."""
    author_text = authors if isinstance(authors, str) else ", ".join(authors)
    head = f"{title}. {author_text} ({year or 'n.d.'})." + (f" {venue}." if venue else "")
    text = f"{head} {body}".strip() + (f" Keywords: {', '.join(keywords)}." if keywords else "")
    return [
        Chunk(
            text=piece,
            source_id=source_id,
            collection="papers",
            title=title,
            authors=author_text,
            year=year,
            url=url,
            path=path,
            kind=kind,
            section=section,
        )
        for piece in chunk_text(text)
    ]
