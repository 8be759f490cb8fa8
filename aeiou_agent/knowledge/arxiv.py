"""Optional online backend: arXiv metadata by id (export.arxiv.org Atom API), only when online is enabled.

Offline (the default) every call raises :class:`RemoteServiceError` saying how to enable it; tests feed a
recorded Atom response through ``fetch``.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from aeiou_agent.config import Settings
from aeiou_agent.exceptions import RemoteServiceError, UserError
from aeiou_agent.knowledge.chunks import Chunk, paper_chunks

API = "https://export.arxiv.org/api/query?id_list={ids}"
TIMEOUT_S = 15
_ATOM = {"atom": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}
_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")


def _download(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "aeiou-agent (offline-first astronomy assistant)"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            return bytes(response.read())
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise RemoteServiceError(f"arXiv could not be reached ({exc}); the knowledge store is unchanged") from None


def parse_atom(xml: bytes) -> list[dict[str, Any]]:
    """Records (id, title, authors, year, abstract, categories) from an arXiv Atom feed."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise RemoteServiceError(f"arXiv returned something that is not an Atom feed ({exc})") from None
    records = []
    for entry in root.findall("atom:entry", _ATOM):
        raw_id = (entry.findtext("atom:id", "", _ATOM) or "").rsplit("/abs/", 1)[-1]
        title = re.sub(r"\s+", " ", entry.findtext("atom:title", "", _ATOM) or "").strip()
        if not raw_id or title == "Error":
            continue
        arxiv_id = re.sub(r"v\d+$", "", raw_id)
        published = entry.findtext("atom:published", "", _ATOM) or ""
        records.append(
            {
                "id": f"arXiv:{arxiv_id}",
                "arxiv": arxiv_id,
                "title": title,
                "authors": [a.findtext("atom:name", "", _ATOM) for a in entry.findall("atom:author", _ATOM)],
                "year": int(published[:4]) if published[:4].isdigit() else None,
                "abstract": re.sub(r"\s+", " ", entry.findtext("atom:summary", "", _ATOM) or "").strip(),
                "categories": [c.get("term", "") for c in entry.findall("atom:category", _ATOM)],
            }
        )
    return records


def fetch_metadata(
    settings: Settings, arxiv_ids: list[str], fetch: Callable[[str], bytes] = _download
) -> list[dict[str, Any]]:
    """Fetch arXiv metadata for ``arxiv_ids`` (online only)."""
    ids = [i.strip().removeprefix("arXiv:").removeprefix("arxiv:") for i in arxiv_ids]
    bad = [i for i in ids if not _ID.match(i)]
    if bad:
        raise UserError(f"not arXiv identifiers: {', '.join(bad)} (expected e.g. 2011.07124)")
    if not settings.online:
        raise RemoteServiceError(
            "fetching from arXiv needs the online backend: set AEIOU_ONLINE=1 (it is off by default)"
        )
    records = parse_atom(fetch(API.format(ids=",".join(ids))))
    if not records:
        raise RemoteServiceError(f"arXiv knows none of {', '.join(ids)}")
    return records


def record_chunks(records: list[dict[str, Any]]) -> list[Chunk]:
    """Knowledge-store chunks for fetched arXiv records (title, authors, year, abstract)."""
    return [
        chunk
        for r in records
        for chunk in paper_chunks(
            source_id=r["id"],
            title=r["title"],
            authors=r["authors"],
            year=r["year"],
            body=r["abstract"],
            url=f"https://arxiv.org/abs/{r['arxiv']}",
            kind="arxiv",
            section="arxiv",
        )
    ]
