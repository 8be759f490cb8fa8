"""Literature tools: hybrid search of the knowledge store (papers, dataset cards, tool docs), with citations."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from aeiou_agent.answer import Citation
from aeiou_agent.knowledge.store import CLOSEST_HINT, relevant_passages, top_relevance
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool

_PARTICLES = {"van", "von", "de", "der", "den", "di", "da", "del", "du", "la", "le"}


def _surname(name: str) -> str:
    """'Floor van Leeuwen' → 'van Leeuwen', 'Mike Wu' → 'Wu'."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _short_authors(authors: str) -> str:
    """'Wu & Goodman', 'Buncher et al.' or 'van Leeuwen' for an author list."""
    names = [a.strip() for a in authors.replace(" and ", ", ").split(",") if a.strip() and a.strip() != "et al."]
    if not names:
        return ""
    if len(names) == 1:
        return _surname(names[0])
    return f"{_surname(names[0])} et al." if len(names) > 2 else f"{_surname(names[0])} & {_surname(names[1])}"


@tool("literature")
def search_literature(
    ctx: ToolContext,
    query: Annotated[str, Field(min_length=2, max_length=1000), Kind("text")],
    k: Annotated[int, Field(ge=1, le=20), Kind("count")] = 5,
    collection: Annotated[Literal["papers", "dataset_cards", "tool_docs", "all"], Kind("option")] = "papers",
    origin: Annotated[Literal["any", "ingested", "bibliography"], Kind("option")] = "any",
    year_min: Annotated[int | None, Field(ge=1000, le=2100), Kind("year")] = None,
    year_max: Annotated[int | None, Field(ge=1000, le=2100), Kind("year")] = None,
    source: Annotated[str | None, Field(max_length=200), Kind("option")] = None,
    mode: Annotated[Literal["hybrid", "dense", "bm25"], Kind("option")] = "hybrid",
) -> ToolResult:
    """Search the knowledge store (BM25 + MiniLM, reciprocal-rank fusion) and return cited passages.

    Finds papers by what they did ('which paper used CycleGAN on SDSS images'), passages of ingested
    documents, dataset cards and tool documentation. Says plainly when nothing relevant is found.

    Args:
        query: What to look for, in plain words.
        k: How many passages to return.
        collection: 'papers' (bibliography and ingested documents), 'dataset_cards', 'tool_docs' or 'all'.
        origin: For papers: 'ingested' (your documents only), 'bibliography' (the built-in one) or 'any'.
        year_min: Only sources from this year on.
        year_max: Only sources up to this year.
        source: Only passages of this source id (e.g. 'arXiv:2011.07124' or 'dataset:ngc').
        mode: Retrieval mode; 'hybrid' unless comparing methods.
    """
    names = ("papers", "dataset_cards", "tool_docs") if collection == "all" else (collection,)
    store = ctx.knowledge
    passages = store.search(
        query, k=max(k * 4, 20), collections=names, mode=mode, year_min=year_min, year_max=year_max, source_id=source
    )
    if origin != "any":
        passages = [p for p in passages if (p.metadata.get("section") == "bibliography") == (origin == "bibliography")]
    ranked_sources = list(dict.fromkeys(p.source_id for p in passages))
    relevant = relevant_passages(passages, query)[:k]
    rows: list[dict[str, Any]] = []
    sources: list[Citation] = []
    for rank, p in enumerate(relevant, start=1):
        meta = p.metadata
        rows.append(
            {
                "rank": rank,
                "source_id": p.source_id,
                "title": meta.get("title", ""),
                "authors": meta.get("authors", ""),
                "authors_short": _short_authors(str(meta.get("authors", ""))),
                "year": meta.get("year"),
                "page": meta.get("page"),
                "section": meta.get("section", ""),
                "url": meta.get("url", ""),
                "kind": meta.get("kind", ""),
                "text": p.text,
                "score": round(p.score, 5),
                "dense_similarity": None if p.dense_similarity is None else round(p.dense_similarity, 4),
                "bm25_score": None if p.bm25_score is None else round(p.bm25_score, 3),
            }
        )
        if p.source_id not in {c.id for c in sources}:
            kind: Literal["dataset", "paper", "software"] = (
                "dataset"
                if p.source_id.startswith("dataset:")
                else "software"
                if p.source_id.startswith("tool:")
                else "paper"
            )
            reference = ", ".join(x for x in (str(meta.get("authors", "")), str(meta.get("year") or "")) if x)
            sources.append(
                Citation(
                    id=p.source_id,
                    kind=kind,
                    title=str(meta.get("title", "")),
                    reference=reference,
                    url=str(meta.get("url", "")),
                )
            )
    for row in rows:
        row["citation"] = next(i for i, c in enumerate(sources, start=1) if c.id == row["source_id"])
    closest = None
    if not rows and passages and top_relevance(passages, query) >= CLOSEST_HINT:
        meta = passages[0].metadata
        closest = {
            "source_id": passages[0].source_id,
            "title": meta.get("title", ""),
            "authors_short": _short_authors(str(meta.get("authors", ""))),
            "year": meta.get("year"),
        }
    data = {
        "query": query,
        "collection": collection,
        "origin": origin,
        "found": bool(rows),
        "passages": rows,
        "closest": closest,  # when nothing answers: the best passage's source, named but not cited
        "ranked_sources": ranked_sources[:20],
        "searched_chunks": store.count(None if collection == "all" else collection, origin=origin),
    }
    if rows:
        summary = f"{len(rows)} relevant passage(s); best: {rows[0]['source_id']} — {rows[0]['title']}"
    else:
        summary = f"nothing relevant in {data['searched_chunks']} chunks of the knowledge store"
    if ctx.settings.chroma:  # the ledger says which shared store answered (outside the output hash)
        summary += f" (Chroma server {ctx.settings.chroma})"
    return ToolResult(data=data, summary=summary, sources=sources)
