"""Canonical JSON and content hashes: what makes outputs comparable across replays."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np


def to_jsonable(value: Any) -> Any:
    """Convert numpy scalars/arrays, paths, dates and tuples into plain JSON types."""
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return [to_jsonable(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        return to_jsonable(value.item())
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no whitespace, so equal content gives equal text."""
    return json.dumps(to_jsonable(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(value: Any) -> str:
    """SHA-256 of the canonical JSON of ``value``."""
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()


def json_cached(path: Path, build: Callable[[], Any]) -> Any:
    """The JSON kept at ``path``, or ``build()`` written there first: for data slow to derive at a cold start.

    ``path`` names the version of what it holds (``<stem>-<version>.json``, the version a hash of its sources), so
    a stale file is never read, and is removed when its successor is written; a damaged or unwritable one costs only
    the rebuild. The file is written atomically.
    """
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
        partial.write_text(json.dumps(value, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
        stem = path.name.rsplit("-", 1)[0]
        for stale in path.parent.glob(f"{stem}-*.json"):
            if stale != path and re.fullmatch(rf"{re.escape(stem)}-[0-9a-f]+\.json", stale.name):
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return value


def file_version(*paths: Path | str, extra: str = "") -> str:
    """A short hash of files' bytes (and ``extra``): the version of what is derived from them."""
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
