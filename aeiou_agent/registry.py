"""The closed tool registry: typed functions become validated, schema-described tools.

A tool is a plain function in ``tools/<family>.py`` decorated with :func:`tool`. Its docstring's first
paragraph is its description; its signature (with pydantic ``Field`` constraints) is its schema; the
``Args:`` section of its Google-style docstring describes each argument. A missing description is an
error at registration, not a silent gap.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from aeiou_agent._json import content_hash
from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.config import Settings
from aeiou_agent.exceptions import InvalidArguments, ToolDefinitionError, UnknownTool

if TYPE_CHECKING:
    from aeiou_agent.knowledge.store import KnowledgeStore
    from aeiou_agent.store import Store

Family = Literal["catalog", "sky", "cosmology", "ephemeris", "generative", "simulate", "literature"]
FAMILIES: tuple[str, ...] = typing.get_args(Family)


@dataclass
class ToolResult:
    """What a tool returns.

    Attributes:
        data: JSON-able result (numbers with units in the key names).
        summary: Short text for a planner's context; never a raw large table.
        artifacts: Files written (images, tables).
        sources: Datasets, software and papers the result rests on.
    """

    data: dict[str, Any]
    summary: str
    artifacts: list[Artifact] = field(default_factory=list)
    sources: list[Citation] = field(default_factory=list)


@dataclass
class ToolContext:
    """What a tool may use: settings, the local store, a seed. Tests swap in their own."""

    settings: Settings
    seed: int = 0
    artifacts_dir: Path | None = None
    _store: Store | None = None

    @property
    def store(self) -> Store:
        """The local observatory store, opened (and built if needed) on first use."""
        if self._store is None:
            from aeiou_agent.store import Store

            self._store = Store.open(self.settings)
        return self._store

    @property
    def knowledge(self) -> KnowledgeStore:
        """The knowledge store (Chroma), with the bibliography, dataset cards and tool docs indexed."""
        from aeiou_agent.knowledge.store import KnowledgeStore

        knowledge = KnowledgeStore.open(self.settings)
        knowledge.seed(self.store, default_registry())
        return knowledge

    def artifact_path(self, stem: str, suffix: str) -> Path:
        """A path for a new artifact; the name is derived from content-relevant ``stem``."""
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", stem)[:80]
        folder = self.artifacts_dir or self.settings.artifacts_dir
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{safe}{suffix}"


@dataclass(frozen=True)
class ToolSpec:
    """A registered tool."""

    name: str
    family: str
    description: str
    func: Callable[..., ToolResult]
    args_model: type[BaseModel]
    definition_hash: str

    @property
    def parameters_schema(self) -> dict[str, Any]:
        """JSON Schema of the arguments."""
        schema = self.args_model.model_json_schema()
        schema.pop("title", None)
        for prop in schema.get("properties", {}).values():
            prop.pop("title", None)
        return schema

    def json_schema(self) -> dict[str, Any]:
        """OpenAI/LangChain function-tool schema (also used for MCP)."""
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.parameters_schema,
            },
        }

    def validate(self, args: dict[str, Any]) -> dict[str, Any]:
        """Validated, defaults-filled arguments, or :class:`InvalidArguments` saying what is wrong."""
        try:
            model = self.args_model.model_validate(args)
        except ValidationError as exc:
            problems = []
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"]) or "arguments"
                message = err["msg"]
                if err["type"] == "extra_forbidden":
                    allowed = ", ".join(self.args_model.model_fields)
                    message = f"is not an argument of {self.name} (arguments: {allowed})"
                problems.append(f"{where} {message}" if err["type"] == "extra_forbidden" else f"{where}: {message}")
            raise InvalidArguments(self.name, problems) from None
        return model.model_dump()


_SECTION = re.compile(r"^\s*(Args|Arguments|Returns|Raises|Yields|Examples?|Notes?):\s*$")


def _parse_docstring(func: Callable[..., Any]) -> tuple[str, dict[str, str]]:
    """Split a Google-style docstring into description and per-argument descriptions."""
    doc = inspect.getdoc(func)
    if not doc:
        raise ToolDefinitionError(f"tool {func.__name__} has no docstring: its docstring is its description")
    description_lines: list[str] = []
    arg_docs: dict[str, str] = {}
    section = None
    current: str | None = None
    for line in doc.splitlines():
        heading = _SECTION.match(line)
        if heading:
            section = heading.group(1)
            current = None
            continue
        if section is None:
            description_lines.append(line)
        elif section in {"Args", "Arguments"}:
            item = re.match(r"^\s{2,}(\w+)(?:\s*\([^)]*\))?:\s*(.*)$", line)
            if item and (len(line) - len(line.lstrip())) <= 4:
                current = item.group(1)
                arg_docs[current] = item.group(2).strip()
            elif current and line.strip():
                arg_docs[current] += " " + line.strip()
    description = "\n".join(description_lines).strip()
    return description, arg_docs


class Registry:
    """Name → tool. Closed: the planner can only call what is registered here."""

    def __init__(self) -> None:
        self._tools: dict[str, ToolSpec] = {}

    def register(self, func: Callable[..., ToolResult], family: str) -> ToolSpec:
        """Register ``func`` as a tool of ``family``; raises :class:`ToolDefinitionError` if incomplete."""
        if family not in FAMILIES:
            raise ToolDefinitionError(f"unknown family {family!r}; use one of {FAMILIES}")
        name = func.__name__
        if name in self._tools:
            raise ToolDefinitionError(f"tool {name} is registered twice")
        description, arg_docs = _parse_docstring(func)
        hints = typing.get_type_hints(func, include_extras=True)
        fields: dict[str, Any] = {}
        for param in inspect.signature(func).parameters.values():
            if param.name == "ctx":
                continue
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                raise ToolDefinitionError(f"tool {name}: *args/**kwargs cannot be described in a schema")
            if param.name not in hints:
                raise ToolDefinitionError(f"tool {name}: argument {param.name} has no type annotation")
            if param.name not in arg_docs:
                raise ToolDefinitionError(f"tool {name}: argument {param.name} is not described under Args:")
            default = ... if param.default is inspect.Parameter.empty else param.default
            fields[param.name] = (hints[param.name], Field(default, description=arg_docs[param.name]))
        extra = set(arg_docs) - set(fields)
        if extra:
            raise ToolDefinitionError(f"tool {name}: docstring describes unknown arguments {sorted(extra)}")
        model = create_model(f"{name}_args", __config__=ConfigDict(extra="forbid"), **fields)
        try:
            source = inspect.getsource(func)
        except OSError:  # pragma: no cover - functions defined in a REPL
            source = name
        spec = ToolSpec(
            name=name,
            family=family,
            description=description,
            func=func,
            args_model=model,
            definition_hash=content_hash({"source": source, "schema": model.model_json_schema()})[:16],
        )
        self._tools[name] = spec
        return spec

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def __iter__(self) -> Iterator[ToolSpec]:
        return iter(self._tools.values())

    def __len__(self) -> int:
        return len(self._tools)

    def get(self, name: str) -> ToolSpec:
        """The tool called ``name``, or :class:`UnknownTool` listing what exists."""
        try:
            return self._tools[name]
        except KeyError:
            raise UnknownTool(f"there is no tool called {name!r}; tools: {', '.join(sorted(self._tools))}") from None

    def names(self) -> list[str]:
        """Registered tool names, sorted."""
        return sorted(self._tools)

    def json_schemas(self) -> list[dict[str, Any]]:
        """Every tool's function schema, for LangChain ``bind_tools`` and MCP."""
        return [spec.json_schema() for spec in self._tools.values()]

    def run(self, name: str, args: dict[str, Any], ctx: ToolContext) -> ToolResult:
        """Validate ``args`` and run the tool. Raises the tool's own exceptions."""
        spec = self.get(name)
        validated = spec.validate(args)
        result = spec.func(ctx, **validated)
        if not isinstance(result, ToolResult):
            raise ToolDefinitionError(f"tool {name} returned {type(result).__name__}, not ToolResult")
        return result


REGISTRY = Registry()


def tool(family: Family) -> Callable[[Callable[..., ToolResult]], Callable[..., ToolResult]]:
    """Register the decorated function in the default registry as a tool of ``family``."""

    def decorate(func: Callable[..., ToolResult]) -> Callable[..., ToolResult]:
        REGISTRY.register(func, family)
        return func

    return decorate


def default_registry() -> Registry:
    """The registry with every tool family in ``tools/`` imported."""
    import aeiou_agent.tools  # noqa: F401  (importing registers the tools)

    return REGISTRY
