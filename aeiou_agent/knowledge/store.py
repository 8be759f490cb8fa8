"""The knowledge store: Chroma collections of paper chunks, dataset cards and tool docs, with hybrid retrieval.

Dense retrieval uses the packaged MiniLM through our own embedding function (Chroma's default would
download a model); lexical retrieval uses BM25 (bm25s) over the same chunks; the two rankings are fused
by reciprocal rank. Chroma's PersistentClient is thread-safe but not process-safe, so every write holds
a file lock; several processes should share a Chroma server instead.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import re
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from aeiou_agent.config import Settings
from aeiou_agent.exceptions import UserError
from aeiou_agent.knowledge.chunks import Chunk, paper_chunks

if TYPE_CHECKING:
    from aeiou_agent.registry import Registry
    from aeiou_agent.store import Store

COLLECTIONS = ("papers", "dataset_cards", "tool_docs")
# Whether the best passage answers a question: a logistic model over relevance_features, fitted by
# evals/calibrate_literature.py on evals/calibration/literature.jsonl (paraphrases of the bibliography written in
# other words, and topics the store does not hold). Re-run it after changing the features or the bibliography.
RELEVANCE_FEATURES = ("similarity", "gap", "soft_recall", "soft_recall_gap")
RELEVANCE_WEIGHTS = (1.942, 2.148, 2.273, 2.896)
RELEVANCE_BIAS = -2.731
RELEVANCE_THRESHOLD = 0.4
# Below the threshold but above this, the answer names the best passage's source as the closest entry, uncited.
CLOSEST_HINT = 0.25
# Passages listed besides the best must themselves be relevant by these older, stricter rules, and about as
# similar to the question as the best one.
MIN_SIMILARITY = 0.33
CLEAR_SIMILARITY = 0.5  # similar enough on its own
MIN_COVERAGE = 0.3  # below CLEAR_SIMILARITY, this share of the question's content words must occur in the passage
MIN_BM25_WITH_SIMILARITY = (0.8, 0.2)  # (BM25 score per query term, dense similarity)
SIMILARITY_SPREAD = 0.15
MIN_SIMILARITY_WITH_NAME = 0.05  # a passage naming the question's proper noun answers it if it also has
MIN_COVERAGE_WITH_NAME = 0.75  # this share of its content words ('what did Schawinski, Turp and Zhang propose?')
RRF_K = 60
# The fused ranking's best passages are re-ordered by soft_recall (how well each covers every idea of the question)
# less RERANK_PRIOR per place in the fused ranking: on evals/calibration/literature.jsonl the right paper came first
# for 94 of 102 paraphrases routed to the search before, 100 after (99 by soft_recall alone).
RERANK_DEPTH = 6
RERANK_PRIOR = 0.02
PAGE = 5000  # records per Chroma read
CHANGES_MARKER = "changes"  # rewritten with a new token on every write, so other processes know to reload
# Version of how the built-in knowledge (bibliography, cards, tool docs) is chunked; bump to re-index it.
SEED_SCHEMA = 1


@dataclass
class Passage:
    """A retrieved chunk with its scores."""

    id: str
    text: str
    metadata: dict[str, Any]
    score: float
    dense_similarity: float | None = None
    bm25_score: float | None = None
    bm25_per_term: float | None = None
    ranks: dict[str, int] = field(default_factory=dict)
    soft_recall: float | None = None  # set for the passages rerank() re-ordered

    @property
    def source_id(self) -> str:
        """Id of the document the passage belongs to."""
        return str(self.metadata.get("source_id", ""))

    def name_matches(self, terms: Sequence[str]) -> int:
        """How many of ``terms`` appear as whole words in the title, authors or text."""
        haystack = " ".join((str(self.metadata.get("title", "")), str(self.metadata.get("authors", "")), self.text))
        return sum(
            1
            for t in terms
            if re.search(rf"(?<![\w-]){re.escape(t.removesuffix('s'))}s?(?![\w-])", haystack, re.IGNORECASE)
        )


def _stem(words: list[str]) -> list[str]:
    """A light English stemmer for BM25: plural -s and -es, -ing, -ed."""
    out = []
    for word in words:
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix) and not word.endswith("ss"):
                word = word[: -len(suffix)]
                break
        out.append(word)
    return out


class _MiniLM:
    """Chroma embedding function backed by the packaged MiniLM (no download, loaded once per process)."""

    def __init__(self) -> None:
        pass

    def __call__(self, input: Sequence[str]) -> list[np.ndarray]:
        from aeiou_agent.knowledge.embedder import embed

        return list(embed(list(input)))

    def embed_query(self, input: Sequence[str]) -> list[np.ndarray]:
        return self(input)

    @staticmethod
    def name() -> str:
        return "aeiou-minilm-l6-v2"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> _MiniLM:
        return _MiniLM()

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]


def _embedding_function() -> Any:
    """Our MiniLM wrapped as a registered chromadb EmbeddingFunction."""
    from chromadb.api.types import EmbeddingFunction
    from chromadb.utils.embedding_functions import register_embedding_function

    global _EF_CLASS
    if _EF_CLASS is None:

        @register_embedding_function
        class AeiouMiniLM(_MiniLM, EmbeddingFunction):  # type: ignore[misc]
            pass

        _EF_CLASS = AeiouMiniLM
    return _EF_CLASS()


_EF_CLASS: Any = None


class _BM25:
    """BM25 over one collection's chunks, rebuilt when the collection changes."""

    def __init__(self, ids: list[str], texts: list[str], metadatas: list[dict[str, Any]]):
        import bm25s

        self.ids, self.texts, self.metadatas = ids, texts, metadatas
        self.retriever = bm25s.BM25()
        if ids:
            tokens = bm25s.tokenize(texts, stopwords="en", stemmer=_stem, show_progress=False)
            self.retriever.index(tokens, show_progress=False)

    @staticmethod
    def terms(query: str) -> list[str]:
        import bm25s

        return list(bm25s.tokenize([query], stopwords="en", stemmer=_stem, return_ids=False, show_progress=False)[0])

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        if not self.ids:
            return []
        tokens = [self.terms(query)]
        if not tokens[0]:
            return []
        docs, scores = self.retriever.retrieve(tokens, k=min(k, len(self.ids)), show_progress=False)
        return [(int(d), float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]


class ChromaUnavailable(UserError):
    """The Chroma server AEIOU_CHROMA names cannot be used."""

    def __init__(self, url: str, reason: str):
        super().__init__(
            f"the Chroma server at {url} cannot be reached ({reason}); start one with `chroma run --path DIR --port "
            "8000`, or unset AEIOU_CHROMA to use the local store"
        )


class KnowledgeStore:
    """Chroma collections + BM25, with ingestion and hybrid search. One per knowledge folder per process."""

    _instances: ClassVar[dict[Path, KnowledgeStore]] = {}
    _instances_lock = threading.Lock()

    def __init__(self, settings: Settings):
        self.settings = settings
        self.path = settings.home / "knowledge"
        self.path.mkdir(parents=True, exist_ok=True)
        self._seen_changes = ""
        self.client = self._open_client()
        self._seen_changes = self._changes()
        self._ef = _embedding_function()
        self._lock = threading.RLock()
        self._bm25: dict[str, _BM25] = {}

    def _open_client(self) -> Any:
        """Chroma's local persistent store under AEIOU_HOME, or the server AEIOU_CHROMA names (shared by processes)."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if not self.settings.chroma:
            return chromadb.PersistentClient(path=str(self.path / "chroma"), settings=chroma_settings)
        from urllib.parse import urlsplit

        url = urlsplit(self.settings.chroma if "://" in self.settings.chroma else f"http://{self.settings.chroma}")
        if url.scheme not in {"http", "https"} or not url.hostname:
            raise ChromaUnavailable(self.settings.chroma, "give it as http://host:port")
        try:
            client = chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as exc:  # connection refused, timeout, not a Chroma server: one clear message
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            raise ChromaUnavailable(self.settings.chroma, reason) from None
        return client

    def _changes(self) -> str:
        """A token that changes when any process writes ('' before the first write).

        Locally, the marker file every write rewrites; on a Chroma server (written to from other machines too), the
        number of records in the collections.
        """
        if self.settings.chroma:
            client = getattr(self, "client", None)
            if client is None:
                return ""
            try:
                counts = [c.count() for c in client.list_collections() if c.name in COLLECTIONS]
            except Exception:  # the server went away: keep what is loaded; the next request says what happened
                return self._seen_changes
            return f"server:{sum(counts)}"
        try:
            return (self.path / CHANGES_MARKER).read_text()
        except OSError:
            return ""

    def _mark_changed(self) -> None:
        """Tell other processes' stores that the collections changed (called under the write lock)."""
        if self.settings.chroma:  # the server's record count is the token: nothing to write
            self._seen_changes = self._changes()
            return
        token = uuid.uuid4().hex
        partial = self.path / f"{CHANGES_MARKER}.{os.getpid()}.part"
        partial.write_text(token)
        partial.replace(self.path / CHANGES_MARKER)
        self._seen_changes = token

    def refresh(self) -> bool:
        """Reopen Chroma and drop the BM25 indexes if another process wrote since this one last looked.

        A long-running process (the web UI, the MCP server) keeps Chroma's HNSW index and its own BM25 indexes in
        memory; without this it would not see documents another process ingested until restarted.
        """
        if self._changes() == self._seen_changes:
            return False
        with self._lock:
            token = self._changes()
            if token == self._seen_changes:
                return False
            self.client.close()
            self.client = self._open_client()
            self._bm25.clear()
            self._seen_changes = token
        return True

    @classmethod
    def open(cls, settings: Settings) -> KnowledgeStore:
        """The store for ``settings.home`` (shared within the process)."""
        path = settings.home / "knowledge"
        with cls._instances_lock:
            if path not in cls._instances:
                cls._instances[path] = cls(settings)
            return cls._instances[path]

    @classmethod
    def close_all(cls) -> None:
        """Forget open stores (tests that build fresh homes)."""
        with cls._instances_lock:
            cls._instances.clear()

    def collection(self, name: str) -> Any:
        """A Chroma collection (cosine space, our embedding function)."""
        if name not in COLLECTIONS:
            raise UserError(f"unknown collection {name!r}; collections: {', '.join(COLLECTIONS)}")
        return self.client.get_or_create_collection(
            name, embedding_function=self._ef, configuration={"hnsw": {"space": "cosine"}}
        )

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Exclusive lock across processes for writes to this Chroma folder."""
        with (self.path / ".write.lock").open("w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def count(self, collection: str | None = None, origin: str = "any") -> int:
        """Number of chunks in one collection or in all; ``origin`` 'ingested' or 'bibliography' narrows papers."""
        self.refresh()
        names = [collection] if collection else list(COLLECTIONS)
        if origin == "any":
            return sum(int(self.collection(n).count()) for n in names)
        where = {"section": {"$eq" if origin == "bibliography" else "$ne": "bibliography"}}
        return sum(len(self._all(n, where=where)["ids"]) for n in names)

    def add(self, chunks: Iterable[Chunk], batch_size: int = 128) -> tuple[int, int]:
        """Add chunks not already present (by content hash). Returns (added, already present)."""
        by_collection: dict[str, dict[str, Chunk]] = {}
        for chunk in chunks:
            by_collection.setdefault(chunk.collection, {})[chunk.id] = chunk
        added = present = 0
        with self._lock, self.write_lock():
            self.refresh()  # never write through a stale index
            for name, items in by_collection.items():
                collection = self.collection(name)
                ids = list(items)
                existing: set[str] = set()
                for start in range(0, len(ids), 1000):
                    existing.update(collection.get(ids=ids[start : start + 1000], include=[])["ids"])
                new = [items[i] for i in ids if i not in existing]
                present += len(ids) - len(new)
                for start in range(0, len(new), batch_size):
                    batch = new[start : start + batch_size]
                    collection.add(
                        ids=[c.id for c in batch],
                        documents=[c.text for c in batch],
                        metadatas=[c.metadata() for c in batch],
                    )
                added += len(new)
                if new:
                    self._bm25.pop(name, None)
            if added:
                self._mark_changed()
        return added, present

    def _all(self, name: str, where: dict[str, Any] | None = None, include: Sequence[str] = ()) -> dict[str, list[Any]]:
        """Every record of a collection, read in pages (one large read exceeds SQLite's variable limit)."""
        collection = self.collection(name)
        out: dict[str, list[Any]] = {"ids": [], "documents": [], "metadatas": []}
        offset = 0
        while True:
            page = collection.get(where=where, include=list(include), limit=PAGE, offset=offset)
            out["ids"] += page["ids"]
            for key in ("documents", "metadatas"):
                out[key] += page.get(key) or []
            if len(page["ids"]) < PAGE:
                return out
            offset += PAGE

    def _bm25_for(self, name: str) -> _BM25:
        with self._lock:
            if name not in self._bm25:
                got = self._all(name, include=["documents", "metadatas"])
                self._bm25[name] = _BM25(got["ids"], got["documents"], got["metadatas"])
            return self._bm25[name]

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        collections: Sequence[str] = ("papers",),
        mode: str = "hybrid",
        year_min: int | None = None,
        year_max: int | None = None,
        source_id: str | None = None,
        candidates: int = 30,
    ) -> list[Passage]:
        """Top ``k`` passages for ``query``: 'hybrid' (BM25 + dense, reciprocal-rank fusion), 'dense' or 'bm25'."""
        if mode not in {"hybrid", "dense", "bm25"}:
            raise UserError(f"mode must be hybrid, dense or bm25, not {mode!r}")
        self.refresh()

        def keep(meta: dict[str, Any]) -> bool:
            year = meta.get("year")
            if year_min is not None and (year is None or year < year_min):
                return False
            if year_max is not None and (year is None or year > year_max):
                return False
            return source_id is None or meta.get("source_id") == source_id

        found: dict[str, Passage] = {}
        for name in collections:
            if mode in {"hybrid", "dense"}:
                where = _where(year_min, year_max, source_id)
                collection = self.collection(name)
                n = min(candidates, int(collection.count()))
                if n:
                    result = collection.query(
                        query_texts=[query], n_results=n, where=where, include=["documents", "metadatas", "distances"]
                    )
                    for rank, (cid, text, meta, dist) in enumerate(
                        zip(
                            result["ids"][0],
                            result["documents"][0],
                            result["metadatas"][0],
                            result["distances"][0],
                            strict=True,
                        )
                    ):
                        passage = found.setdefault(cid, Passage(cid, text, dict(meta), 0.0))
                        passage.dense_similarity = 1.0 - float(dist)
                        passage.ranks[f"dense:{name}"] = rank
            if mode in {"hybrid", "bm25"}:
                index = self._bm25_for(name)
                hits = [(i, s) for i, s in index.search(query, candidates * 3) if keep(index.metadatas[i])][:candidates]
                for rank, (i, score) in enumerate(hits):
                    cid = index.ids[i]
                    passage = found.setdefault(cid, Passage(cid, index.texts[i], dict(index.metadatas[i]), 0.0))
                    passage.bm25_score = score
                    passage.bm25_per_term = score / max(1, len(_BM25.terms(query)))
                    passage.ranks[f"bm25:{name}"] = rank
        # A third ranking, counted twice: passages naming the query's proper nouns. A term found in more than
        # three candidates ('GAN', 'SDSS') is not distinctive and is dropped.
        names = [t for t in distinctive_terms(query) if sum(p.name_matches([t]) > 0 for p in found.values()) <= 3]
        if names:
            matches = {cid: p.name_matches(names) for cid, p in found.items()}
            named = sorted((cid for cid, n in matches.items() if n), key=lambda cid: -matches[cid])
            for rank, cid in enumerate(named):
                found[cid].ranks["names"] = rank
        for passage in found.values():
            passage.score = sum(
                (2.0 if key == "names" else 1.0) / (RRF_K + 1 + rank) for key, rank in passage.ranks.items()
            )
        fused = sorted(found.values(), key=lambda p: (-p.score, p.id))
        return (rerank(fused, query) if mode == "hybrid" else fused)[:k]

    # ------------------------------------------------------------------ built-in knowledge

    def _remove_stale_seed(self, chunks: list[Chunk]) -> int:
        """Delete built-in chunks that the current bibliography, cards and tool docs no longer contain."""
        keep = {c.id for c in chunks}
        removed = 0
        with self._lock, self.write_lock():
            self.refresh()
            for name in COLLECTIONS:
                collection = self.collection(name)
                owned = self._all(name, where=_seed_owned(name))["ids"]
                stale = [i for i in owned if i not in keep]
                if stale:
                    collection.delete(ids=stale)
                    self._bm25.pop(name, None)
                    removed += len(stale)
            if removed:
                self._mark_changed()
        return removed

    def seed(self, store: Store, registry: Registry) -> dict[str, Any]:
        """Index the bibliography, the dataset cards and the tool docs (idempotent; cheap when unchanged)."""
        chunks = [*bibliography_chunks(), *card_chunks(store), *tool_doc_chunks(registry)]
        where = self.settings.chroma  # the same home may seed a local store and a server
        content = json.dumps([SEED_SCHEMA, where, sorted(c.id for c in chunks)])
        fingerprint = hashlib.sha256(content.encode()).hexdigest()[:16]
        marker = self.path / "seed.json"
        if marker.exists() and json.loads(marker.read_text()).get("fingerprint") == fingerprint:
            return json.loads(marker.read_text())
        removed = self._remove_stale_seed(chunks)
        added, present = self.add(chunks)
        info = {
            "fingerprint": fingerprint,
            "chunks": len(chunks),
            "added": added,
            "present": present,
            "removed": removed,
        }
        marker.write_text(json.dumps(info))
        return info


def _seed_owned(collection: str) -> dict[str, Any] | None:
    """Which chunks of a collection the seed owns: all cards and tool docs; the bibliography's papers."""
    return {"section": "bibliography"} if collection == "papers" else None


def _where(year_min: int | None, year_max: int | None, source_id: str | None) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if year_min is not None:
        clauses.append({"year": {"$gte": year_min}})
    if year_max is not None:
        clauses.append({"year": {"$lte": year_max}})
    if source_id is not None:
        clauses.append({"source_id": source_id})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def load_bibliography() -> list[dict[str, Any]]:
    """The project's bibliography: the papers behind its methods, with descriptions written for AEIOU."""
    text = resources.files("aeiou_agent.knowledge").joinpath("data/bibliography.jsonl").read_text()
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def bibliography_chunks() -> list[Chunk]:
    """Chunks of the bibliography (one per entry: they are short)."""
    return [
        chunk
        for r in load_bibliography()
        for chunk in paper_chunks(
            source_id=r["id"],
            title=r["title"],
            authors=r.get("authors", []),
            year=r.get("year"),
            body=r["description"],
            venue=r.get("venue") or "",
            keywords=r.get("keywords", []),
            url=r.get("url", ""),
            kind="paper",
            section="bibliography",
        )
    ]


def card_chunks(store: Store) -> list[Chunk]:
    """One chunk per dataset card: what the table holds, its source, license and columns with units."""
    chunks = []
    for table in store.tables:
        card = store.card(table)
        columns = "; ".join(
            f"{c['name']}" + (f" [{c['unit']}]" if c["unit"] else "") + f": {c['description']}" for c in card["columns"]
        )
        text = (
            f"Dataset card of table {table}: {card['title']}. {card['description']} Rows: {card['row_count']}. "
            f"Source: package {card['source_package']} {card['version']}, file {card['source_file']}. "
            f"Reference: {card['reference']}. License: {card['license']}. Columns: {columns}."
        )
        chunks.append(
            Chunk(
                text=text,
                source_id=f"dataset:{table}",
                collection="dataset_cards",
                title=card["title"],
                kind="dataset",
                url=card["url"],
                section="card",
            )
        )
    return chunks


def tool_doc_chunks(registry: Registry) -> list[Chunk]:
    """One chunk per tool: what it does and its arguments."""
    chunks = []
    for spec in registry:
        props = spec.parameters_schema.get("properties", {})
        args = "; ".join(f"{name}: {p.get('description', '')}" for name, p in props.items())
        text = f"Tool {spec.name} ({spec.family}): {spec.description} Arguments: {args}"
        chunks.append(
            Chunk(
                text=text,
                source_id=f"tool:{spec.name}",
                collection="tool_docs",
                title=spec.name,
                kind="tool",
                section=spec.family,
            )
        )
    return chunks


_COMMON_WORDS = """what which who whom where when why how is are was were the a an and paper papers find show list
tell give does did do can could there any search cite my i in of on for about with from to by this that say says
wrote write written authors author propose proposed introduced used"""
_COMMON_CAPITALISED = frozenset(_COMMON_WORDS.split())


def distinctive_terms(query: str) -> list[str]:
    """Proper nouns and code names in a query ('Survey2Survey', 'CRADLE', 'Schawinski'): rare words worth matching."""
    terms = []
    for token in re.findall(r"[A-Za-z][A-Za-z0-9'-]*[A-Za-z0-9]", query):
        if token.lower() in _COMMON_CAPITALISED or len(token) < 3:
            continue
        if token[0].isupper() or any(ch.isdigit() for ch in token) or (token.isupper() and len(token) > 2):
            terms.append(token)
    return list(dict.fromkeys(terms))


def _coverage(query: str, passage: Passage) -> float:
    """Share of the query's content words that occur in the passage (title, authors, text).

    A word counts in any inflection ('VAEs' for 'VAE', 'astrometry' for 'astrometric'): its stem, or for a long
    word its first six letters, must occur; hyphenated words count part by part ('product-of-experts').
    """
    words = _content_words(query)
    if not words:
        return 0.0
    haystack = " ".join(
        (str(passage.metadata.get("title", "")), str(passage.metadata.get("authors", "")), passage.text)
    ).lower()

    def occurs(word: str) -> bool:
        stem = _stem([word])[0]
        if stem == word and word.endswith("s") and len(word) > 3:
            stem = word[:-1]  # a short plural the stemmer leaves alone ('VAEs', 'GANs')
        return stem in haystack or (len(stem) > 6 and stem[:6] in haystack)

    return sum(map(occurs, words)) / len(words)


def _content_words(query: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9][a-z0-9']+", query.lower()) if w not in _COMMON_CAPITALISED and len(w) > 2]


def soft_recall(query: str, passage: Passage) -> float:
    """How well the passage covers each of the query's content words in meaning (BERTScore recall with MiniLM).

    Every content word of the query is matched to its most similar token of the passage (contextual MiniLM token
    vectors, cosine); the mean over words is high when each idea of the question has a counterpart in the passage,
    even in other words, and low when one is missing ('Galaxy Zoo' against a paper on GANs).
    """
    from aeiou_agent.knowledge.embedder import token_vectors

    query_encoding, query_vectors = token_vectors(query)
    text = " ".join((str(passage.metadata.get("title", "")), passage.text))
    passage_encoding, passage_vectors = token_vectors(text)
    inner = [i for i, word in enumerate(passage_encoding.word_ids) if word is not None]
    if not inner:
        return 0.0
    best = (query_vectors @ passage_vectors[inner].T).max(axis=1)
    pieces: dict[int, list[int]] = {}
    for i, word in enumerate(query_encoding.word_ids):
        if word is not None:
            pieces.setdefault(word, []).append(i)
    scores = []
    for tokens in pieces.values():
        start, end = query_encoding.offsets[tokens[0]][0], query_encoding.offsets[tokens[-1]][1]
        if _content_words(query[start:end]):
            scores.append(float(best[tokens].mean()))
    return float(np.mean(scores)) if scores else 0.0


def rerank(passages: Sequence[Passage], query: str) -> list[Passage]:
    """The first RERANK_DEPTH passages ordered by soft_recall (set on each) less a prior for their fused place."""
    head = list(passages[:RERANK_DEPTH])
    for p in head:
        p.soft_recall = soft_recall(query, p)
    order = sorted(range(len(head)), key=lambda i: RERANK_PRIOR * i - (head[i].soft_recall or 0.0))
    return [head[i] for i in order] + list(passages[RERANK_DEPTH:])


def relevance_features(top: Passage, query: str, passages: Sequence[Passage]) -> list[float]:
    """The features (RELEVANCE_FEATURES) that decide whether ``top``, the best of ``passages``, answers ``query``.

    Its dense similarity, and its margin over the other sources' best; its soft_recall, and its margin over the
    other reranked sources' (a question whose ideas one paper covers clearly better than the rest is about it).
    """
    similarity = top.dense_similarity or 0.0
    covered = top.soft_recall if top.soft_recall is not None else soft_recall(query, top)
    others = [p for p in passages if p.source_id != top.source_id]
    dense_gap = similarity - max((p.dense_similarity or 0.0 for p in others), default=0.0)
    soft_gap = covered - max((p.soft_recall for p in others if p.soft_recall is not None), default=0.0)
    return [similarity, dense_gap, covered, soft_gap]


def relevance(features: Sequence[float]) -> float:
    """Probability that a passage answers the question, from its relevance_features."""
    logit = float(np.dot(RELEVANCE_WEIGHTS, features)) + RELEVANCE_BIAS
    return 1.0 / (1.0 + math.exp(-logit))


def names_it(p: Passage, query: str) -> bool:
    """Whether a passage names the query's proper noun (a paper's name, an author) and covers the question's words."""
    similarity = p.dense_similarity or 0.0
    named = "names" in p.ranks and similarity >= MIN_SIMILARITY_WITH_NAME
    return named and _coverage(query, p) >= MIN_COVERAGE_WITH_NAME


def _also_relevant(p: Passage, query: str) -> bool:
    """Whether a passage besides the best one is worth listing too (stricter rules than for the best)."""
    similarity = p.dense_similarity if p.dense_similarity is not None else 0.0
    strong_bm25, weak_similarity = MIN_BM25_WITH_SIMILARITY
    if names_it(p, query) or similarity >= CLEAR_SIMILARITY:
        return True
    if similarity >= MIN_SIMILARITY and _coverage(query, p) >= MIN_COVERAGE:
        return True  # similar, and about the question's own words (not just the same field)
    return (p.bm25_per_term or 0.0) >= strong_bm25 and similarity >= weak_similarity


def top_relevance(passages: Sequence[Passage], query: str) -> float:
    """Probability that the best-ranked passage answers ``query`` (0 with no passages).

    1 if it names the question's proper nouns (names_it), else the relevance model's (RELEVANCE_WEIGHTS).
    """
    if not passages:
        return 0.0
    top = passages[0]
    return 1.0 if names_it(top, query) else relevance(relevance_features(top, query, passages))


def relevant_passages(passages: Sequence[Passage], query: str) -> list[Passage]:
    """The passages that answer ``query``, best first; empty means 'nothing found'.

    The best-ranked passage decides (top_relevance); others are listed with it when they too are relevant and about
    as similar to the question.
    """
    if top_relevance(passages, query) < RELEVANCE_THRESHOLD:
        return []
    top = passages[0]
    kept = [top, *(p for p in passages[1:] if _also_relevant(p, query))]
    best = max(p.dense_similarity or 0.0 for p in kept)
    return [p for p in kept if p is top or (p.dense_similarity or 0.0) >= best - SIMILARITY_SPREAD]
