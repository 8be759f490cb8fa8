"""Ingestion of documents into the knowledge store: PDF, BibTeX, JSONL, Markdown and plain text.

Each file becomes chunks that respect paragraphs (with one paragraph of overlap), keyed by content hash so
re-ingesting is a no-op. A broken, encrypted or oversized file is reported and skipped; the rest goes in.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aeiou_agent.exceptions import UserError
from aeiou_agent.knowledge.chunks import Chunk, chunk_text, paper_chunks
from aeiou_agent.knowledge.store import KnowledgeStore

SUFFIXES = {".pdf", ".bib", ".jsonl", ".md", ".markdown", ".txt", ".rst"}
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_CHUNKS_PER_FILE = 20_000


class IngestError(UserError):
    """A file that cannot be ingested (unreadable, encrypted, too large, wrong type)."""


@dataclass
class FileReport:
    """What happened to one file."""

    path: str
    status: str  # "ingested", "unchanged", "skipped"
    chunks: int = 0
    added: int = 0
    message: str = ""


@dataclass
class IngestReport:
    """What happened to every file of one ingest call."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def added(self) -> int:
        """Chunks newly added."""
        return sum(f.added for f in self.files)

    @property
    def skipped(self) -> list[FileReport]:
        """Files that could not be ingested."""
        return [f for f in self.files if f.status == "skipped"]

    def summary(self) -> str:
        """One line for people."""
        counts: dict[str, int] = {}
        for f in self.files:
            counts[f.status] = counts.get(f.status, 0) + 1
        parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        return f"{len(self.files)} file(s): {parts}; {self.added} new chunk(s)"


def _file_id(path: Path) -> str:
    return "file:" + hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def read_pdf(path: Path) -> list[Chunk]:
    """Chunks of a PDF's text, page by page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{path.name} is encrypted; decrypt it first (no password is tried)")
        info: Any = reader.metadata or {}
        title = str(info.get("/Title") or path.stem)
        authors = str(info.get("/Author") or "")
        pages = [(number, page.extract_text() or "") for number, page in enumerate(reader.pages, start=1)]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise IngestError(f"{path.name} is not a readable PDF ({type(exc).__name__}: {exc})") from None
    source = _file_id(path)
    chunks = [
        Chunk(
            text=text,
            source_id=source,
            collection="papers",
            title=title,
            authors=authors,
            page=number,
            path=str(path),
            kind="pdf",
        )
        for number, page_text in pages
        for text in chunk_text(page_text)
    ]
    if not chunks:
        raise IngestError(f"{path.name} has no extractable text (a scanned PDF needs OCR first)")
    return chunks


def _bib_field(entry: Any, name: str) -> str:
    value = entry.fields_dict.get(name)
    return re.sub(r"[{}]", "", str(value.value)).strip() if value is not None else ""


def read_bibtex(path: Path) -> list[Chunk]:
    """One chunk per BibTeX entry (title, authors, year, venue, abstract, keywords)."""
    import bibtexparser

    try:
        library = bibtexparser.parse_string(path.read_text(encoding="utf-8", errors="replace"))
    except Exception as exc:
        raise IngestError(f"{path.name} is not valid BibTeX ({type(exc).__name__}: {exc})") from None
    chunks: list[Chunk] = []
    for entry in library.entries:
        title = _bib_field(entry, "title")
        if not title:
            continue
        eprint = _bib_field(entry, "eprint")
        doi = _bib_field(entry, "doi")
        source = f"arXiv:{eprint}" if eprint else f"doi:{doi}" if doi else f"bib:{entry.key}"
        authors = [a.strip() for a in _bib_field(entry, "author").split(" and ") if a.strip()]
        year_text = _bib_field(entry, "year")
        year = int(year_text) if year_text.isdigit() else None
        chunks += paper_chunks(
            source_id=source,
            title=title,
            authors=authors,
            year=year,
            venue=_bib_field(entry, "journal") or _bib_field(entry, "booktitle"),
            body=_bib_field(entry, "abstract"),
            keywords=[k.strip() for k in _bib_field(entry, "keywords").split(",") if k.strip()],
            url=f"https://arxiv.org/abs/{eprint}" if eprint else "",
            path=str(path),
            kind="bibtex",
        )
    if not chunks and library.failed_blocks:
        raise IngestError(f"{path.name}: no BibTeX entry could be parsed")
    return chunks


def read_jsonl(path: Path) -> list[Chunk]:
    """Records with title/authors/year and text, abstract or description; an 'id' or 'arxiv' names the source."""
    chunks: list[Chunk] = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(f"{path.name}:{number} is not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise IngestError(f"{path.name}:{number} is not a JSON object")
        body = record.get("text") or record.get("abstract") or record.get("description") or ""
        title = str(record.get("title", ""))
        if not (body or title):
            continue
        source = record.get("id") or (
            f"arXiv:{record['arxiv']}" if record.get("arxiv") else f"{_file_id(path)}#{number}"
        )
        year = record.get("year") if isinstance(record.get("year"), int) else None
        if title:
            chunks += paper_chunks(
                source_id=str(source),
                title=title,
                authors=record.get("authors", ""),
                year=year,
                body=str(body),
                path=str(path),
                kind="jsonl",
            )
        else:
            chunks += [
                Chunk(text=piece, source_id=str(source), collection="papers", path=str(path), kind="jsonl")
                for piece in chunk_text(str(body))
            ]
    return chunks


def read_text(path: Path) -> list[Chunk]:
    """Markdown or plain text, chunked by paragraphs; Markdown headings become sections."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if "\x00" in raw:
        raise IngestError(f"{path.name} looks binary, not text")
    source = _file_id(path)
    title_match = re.search(r"^#\s+(.+)$", raw, re.MULTILINE)
    title = title_match.group(1).strip() if title_match else path.stem
    sections = re.split(r"^(#{1,6}\s+.+)$", raw, flags=re.MULTILINE)
    chunks: list[Chunk] = []
    heading = ""
    for part in sections:
        if re.match(r"^#{1,6}\s+", part):
            heading = part.lstrip("#").strip()
            continue
        for piece in chunk_text(part):
            text = f"{heading}: {piece}" if heading else piece
            chunks.append(
                Chunk(
                    text=text,
                    source_id=source,
                    collection="papers",
                    title=title,
                    section=heading,
                    path=str(path),
                    kind="text",
                )
            )
    return chunks


READERS: dict[str, Callable[[Path], list[Chunk]]] = {
    ".pdf": read_pdf,
    ".bib": read_bibtex,
    ".jsonl": read_jsonl,
    ".md": read_text,
    ".markdown": read_text,
    ".txt": read_text,
    ".rst": read_text,
}


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files to ingest: the given files, and supported files under given folders (sorted)."""
    files: list[Path] = []
    for item in paths:
        path = Path(item).expanduser()
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            files.append(path)
    return files


def ingest(store: KnowledgeStore, paths: Iterable[str | Path], *, progress: bool = False) -> IngestReport:
    """Ingest files and folders; every file gets a FileReport, a bad file never stops the others."""
    report = IngestReport()
    files = expand(paths)
    iterator: Iterable[Path] = files
    if progress and files:
        from rich.progress import track

        iterator = track(files, description="ingesting", transient=True)
    for path in iterator:
        try:
            if not path.exists():
                raise IngestError(f"{path} does not exist")
            if path.suffix.lower() not in READERS:
                raise IngestError(
                    f"{path.name}: unsupported type {path.suffix or '(none)'}; use " + ", ".join(sorted(READERS))
                )
            if path.stat().st_size > MAX_FILE_BYTES:
                raise IngestError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB")
            chunks = READERS[path.suffix.lower()](path)
            if len(chunks) > MAX_CHUNKS_PER_FILE:
                raise IngestError(f"{path.name} would make {len(chunks)} chunks (limit {MAX_CHUNKS_PER_FILE})")
        except IngestError as exc:
            report.files.append(FileReport(str(path), "skipped", message=str(exc)))
            continue
        added, _present = store.add(chunks)
        status = "ingested" if added else "unchanged"
        report.files.append(FileReport(str(path), status, chunks=len(chunks), added=added))
    return report
