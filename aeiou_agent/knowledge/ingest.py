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


def read_pdf(path: Path, notes: list[str]) -> list[Chunk]:
    """Chunks of a PDF's text, page by page."""
    from pypdf import PdfReader

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
    except Exception as exc:  # pypdf raises anything on hostile input: AssertionError, LimitReachedError (bombs), …
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


def read_bibtex(path: Path, notes: list[str]) -> list[Chunk]:
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


def _text_field(record: dict[str, Any], name: str) -> str:
    """A text field of a JSONL record: a string, or a number written as text; anything else is refused."""
    value = record.get(name)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:g}" if isinstance(value, float) else str(value)
    raise IngestError(f"'{name}' must be text, not {_json_kind(value)}")


def _authors_field(record: dict[str, Any]) -> str | list[str]:
    """'authors' as a string ('A. Smith and B. Jones') or a list of names (numbers become text)."""
    value = record.get("authors")
    if isinstance(value, list):
        if not all(isinstance(a, str | int | float) and not isinstance(a, bool) for a in value):
            raise IngestError("'authors' must be a list of names (text), not a list with objects or lists in it")
        return [str(a) for a in value]
    return _text_field(record, "authors")


def _year_field(record: dict[str, Any]) -> int | None:
    """'year' as a whole number: 2019, '2019' and 2019.0 all count; anything else is refused."""
    value = record.get("year")
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    raise IngestError(f"'year' must be a whole number such as 2019, not {_json_kind(value)} {json.dumps(value)[:40]}")


def _json_kind(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", str: "text"}.get(type(value), "a number")


def read_jsonl(path: Path, notes: list[str]) -> list[Chunk]:
    """Records with title/authors/year and text, abstract or description; an 'id' or 'arxiv' names the source.

    A field of the wrong type is coerced where the meaning is plain (a year written as text, a number as a title);
    a record that cannot be read is skipped and named in ``notes``, and the rest of the file is ingested.
    """
    chunks: list[Chunk] = []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise IngestError("not a JSON object")
            texts = (_text_field(record, key) for key in ("text", "abstract", "description"))
            body = next((text for text in texts if text), "")
            title = _text_field(record, "title")
            authors, year = _authors_field(record), _year_field(record)
            arxiv = _text_field(record, "arxiv")
            named = _text_field(record, "id") or (f"arXiv:{arxiv}" if arxiv else "")
        except json.JSONDecodeError as exc:
            notes.append(f"line {number} skipped: not valid JSON ({exc.msg})")
            continue
        except IngestError as exc:
            notes.append(f"line {number} skipped: {exc}")
            continue
        if not (body or title):
            continue
        source = named or f"{_file_id(path)}#{number}"
        if title:
            chunks += paper_chunks(
                source_id=source, title=title, authors=authors, year=year, body=body, path=str(path), kind="jsonl"
            )
        else:
            chunks += [
                Chunk(text=piece, source_id=source, collection="papers", path=str(path), kind="jsonl")
                for piece in chunk_text(body)
            ]
    if not chunks and notes:
        raise IngestError(f"{path.name}: no record could be read ({notes[0]}{'; …' if len(notes) > 1 else ''})")
    return chunks


def read_text(path: Path, notes: list[str]) -> list[Chunk]:
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


# Each reader returns a file's chunks and appends what it had to skip inside the file to its notes.
READERS: dict[str, Callable[[Path, list[str]], list[Chunk]]] = {
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
        notes: list[str] = []
        try:
            if not path.exists():
                raise IngestError(f"{path} does not exist")
            if path.suffix.lower() not in READERS:
                raise IngestError(
                    f"{path.name}: unsupported type {path.suffix or '(none)'}; use " + ", ".join(sorted(READERS))
                )
            if path.stat().st_size > MAX_FILE_BYTES:
                raise IngestError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB")
            chunks = READERS[path.suffix.lower()](path, notes)
            if len(chunks) > MAX_CHUNKS_PER_FILE:
                raise IngestError(f"{path.name} would make {len(chunks)} chunks (limit {MAX_CHUNKS_PER_FILE})")
        except IngestError as exc:
            report.files.append(FileReport(str(path), "skipped", message=str(exc)))
            continue
        except Exception as exc:  # each file in its own boundary: a reader bug skips one file
            message = f"{path.name} could not be read ({type(exc).__name__}: {str(exc)[:200]})"
            report.files.append(FileReport(str(path), "skipped", message=message))
            continue
        added, _present = store.add(chunks)
        status = "ingested" if added else "unchanged"
        message = "; ".join(notes[:5]) + (f"; and {len(notes) - 5} more" if len(notes) > 5 else "")
        report.files.append(FileReport(str(path), status, chunks=len(chunks), added=added, message=message))
    return report
