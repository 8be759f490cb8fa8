"""Settings: one place that reads environment variables and ``aeiou.toml``.

Precedence: explicit keyword arguments > environment (``AEIOU_*``) > ``$AEIOU_HOME/aeiou.toml`` > defaults.
"""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from aeiou_agent.exceptions import ConfigError

# The default path must never reach a model hub: the packaged MiniLM is loaded from disk.
for _offline_var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ.setdefault(_offline_var, "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _as_bool(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Where AEIOU keeps its files and how it plans and executes.

    Attributes:
        home: Root of everything AEIOU writes (store, ledger, artifacts); ``AEIOU_HOME``.
        planner: ``semantic`` (offline default) or ``llm``; ``llm`` when only ``AEIOU_LLM`` is set.
        llm: Chat model for the LLM planner: ``openai:gpt-4o-mini``, ``ollama:llama3.1``, ``hf:/path/to/model``.
        llm_base_url: OpenAI-compatible (or Ollama) endpoint, e.g. ``http://127.0.0.1:8000/v1``.
        llm_timeout_s: Wall-clock limit of the LLM planner per question (then it falls back).
        online: Whether remote archives may be contacted (off by default).
        archive_timeout_s: Wall-clock limit of one archive request, retries included; then it fails closed.
        archive_retries: Further attempts after an HTTP 5xx/429, a timeout or a refused connection (with backoff).
        archive_urls: Archive endpoints other than the public ones, ``simbad=http://…,ned=http://…`` (a mirror or
            a test server); ``AEIOU_ARCHIVE_URLS``.
        archive_refresh: Ask the archives again instead of answering from their cached responses.
        archive_job_timeout_s: Wall-clock limit of an asynchronous TAP job (a big query), from submission to result.
        sql_row_cap: Most rows a SQL query returns; more sets the overflow flag.
        sql_timeout_ms: Wall-clock limit per SQL query.
        sql_memory_limit: DuckDB memory limit for user SQL.
        sql_process_memory_mb: Address-space limit of the process that runs user SQL (DuckDB cannot bound every
            function's memory itself).
        sql_result_max_bytes: Most bytes of values a SQL result returns; more sets the overflow flag.
        max_question_chars: Longer questions are refused with a clear message.
        seed: Default seed recorded with every run.
        ui_hosts: Host names (comma-separated) the web UI answers to besides the address it is bound to and the
            loopback names; ``AEIOU_UI_HOSTS``. Any other Host header is refused (DNS rebinding).
        dask: Address of an existing Dask scheduler (``tcp://host:8786``) that runs catalog work; a local in-process
            cluster when empty. ``AEIOU_DASK``.
        chroma: URL of a Chroma server (``http://host:8000``) for the knowledge store, shared by several processes;
            the local persistent store under AEIOU_HOME when empty. ``AEIOU_CHROMA``.
        read_dirs: Folders (separated by ``os.pathsep``) besides AEIOU_HOME that tools may read images from;
            ``AEIOU_READ_DIRS``. The working folder is not one unless named here.
    """

    home: Path = field(default_factory=lambda: Path("~/.aeiou").expanduser())
    planner: str = "semantic"
    llm: str = ""
    llm_base_url: str = ""
    llm_timeout_s: int = 60
    online: bool = False
    archive_timeout_s: int = 30
    archive_retries: int = 2
    archive_urls: str = ""
    archive_refresh: bool = False
    archive_job_timeout_s: int = 600
    sql_row_cap: int = 1000
    sql_timeout_ms: int = 5000
    sql_memory_limit: str = "1GB"
    sql_process_memory_mb: int = 2048
    sql_result_max_bytes: int = 8_000_000
    max_question_chars: int = 2000
    seed: int = 0
    read_dirs: str = ""
    ui_hosts: str = ""
    dask: str = ""
    chroma: str = ""

    @property
    def store_dir(self) -> Path:
        """Folder of the local observatory store (DuckDB file and dataset cards)."""
        return self.home / "store"

    @property
    def store_path(self) -> Path:
        """The DuckDB file holding the catalogs."""
        return self.store_dir / "observatory.duckdb"

    @property
    def catalogs_dir(self) -> Path:
        """Where user catalogs live, one HATS catalog with its card per folder (``aeiou catalog add``)."""
        return self.home / "catalogs"

    @property
    def ledger_path(self) -> Path:
        """The SQLite ledger of runs and tool calls."""
        return self.home / "ledger.sqlite"

    @property
    def artifacts_dir(self) -> Path:
        """Where tools write images, tables and data files."""
        return self.home / "artifacts"

    @property
    def uploads_dir(self) -> Path:
        """Where the web UI keeps files users upload (its Gradio upload folder)."""
        return self.home / "uploads"

    def archive_urls_by_name(self) -> dict[str, str]:
        """``archive_urls`` as service name → base URL."""
        pairs = (item.split("=", 1) for item in self.archive_urls.split(",") if "=" in item)
        return {name.strip().lower(): url.strip() for name, url in pairs if url.strip()}

    @property
    def readable_dirs(self) -> list[Path]:
        """Where tools may read files a user names: AEIOU_HOME (artifacts, uploads), then ``read_dirs``."""
        extra = [Path(p).expanduser() for p in self.read_dirs.split(os.pathsep) if p.strip()]
        return [self.home, *extra]

    def ui_allowed_hosts(self, bound_host: str) -> list[str]:
        """Host header values the web UI accepts when bound to ``bound_host``.

        The loopback names, the bound address, and ``ui_hosts``; bound to every interface (0.0.0.0), this machine's
        own names too. A page on another name that resolves here (DNS rebinding) is refused.
        """
        hosts = ["127.0.0.1", "localhost", "::1"]
        if bound_host in {"0.0.0.0", "::", ""}:
            hosts += [socket.gethostname(), socket.getfqdn()]
        else:
            hosts.append(bound_host)
        hosts += [h.strip() for h in self.ui_hosts.split(",") if h.strip()]
        return list(dict.fromkeys(hosts))

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Build settings from defaults, ``aeiou.toml``, the environment and ``overrides``."""
        home = Path(overrides.pop("home", None) or os.environ.get("AEIOU_HOME") or "~/.aeiou").expanduser()
        values: dict[str, Any] = {}
        toml_path = home / "aeiou.toml"
        if toml_path.exists():
            try:
                values.update(tomllib.loads(toml_path.read_text()))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{toml_path} is not valid TOML: {exc}") from exc
        known = {f.name: f for f in fields(cls)}
        for name in known:
            env_value = os.environ.get(f"AEIOU_{name.upper()}")
            if env_value is not None and name != "home":
                values[name] = env_value
        values.update(overrides)
        unknown = set(values) - set(known)
        if unknown:
            raise ConfigError(f"unknown settings {sorted(unknown)}; known: {sorted(known)}")
        settings = cls(home=home)
        coerced: dict[str, Any] = {}
        for name, value in values.items():
            default = getattr(settings, name)
            try:
                if isinstance(default, bool):
                    coerced[name] = _as_bool(value)
                elif isinstance(default, int):
                    coerced[name] = int(value)
                else:
                    coerced[name] = str(value)
            except ValueError as exc:
                raise ConfigError(f"setting {name}={value!r} is not a valid {type(default).__name__}") from exc
        if coerced.get("planner", settings.planner) not in {"semantic", "llm"}:
            raise ConfigError(f"planner must be 'semantic' or 'llm', not {coerced['planner']!r}")
        if "planner" not in coerced and coerced.get("llm"):
            coerced["planner"] = "llm"  # AEIOU_LLM alone means: plan with that model
        return replace(settings, **coerced)
