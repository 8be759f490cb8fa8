"""The closed tool registry: typed functions become validated, schema-described tools.

A tool is a plain function in ``tools/<family>.py`` decorated with :func:`tool`, and declares itself there:

- its docstring's first paragraph is its description, the ``Args:`` section describes each argument;
- its signature (with pydantic ``Field`` constraints) is its schema, and each argument carries a :class:`Kind`
  saying what in a question fills it (an object, a sky position, a radius, a magnitude limit, ...);
- ``tools/<family>.yaml`` beside the module holds, per tool, the example questions planners route by, the
  answer template, and the facts it can answer about (``provides``).

Planners, the composer, the CLI, MCP and the UI read all of it from here; nothing lists tools a second time.
A missing description, kind, example or template is an error at registration, not a silent gap.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from aeiou_agent._json import content_hash
from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.config import Settings
from aeiou_agent.exceptions import InvalidArguments, ToolDefinitionError, UnknownTool
from aeiou_agent.prompts import parse_yaml

if TYPE_CHECKING:
    from aeiou_agent.knowledge.store import KnowledgeStore
    from aeiou_agent.store import Store

Family = Literal["catalog", "sky", "cosmology", "ephemeris", "generative", "simulate", "literature", "archive"]
FAMILIES: tuple[str, ...] = typing.get_args(Family)

# What can fill an argument, as the planner's question parse finds it. A tool argument names one or more.
KINDS = frozenset(
    {
        "object",  # a catalog object or Solar System body by name
        "sky_position",  # coordinates written in the question (any notation, any frame)
        "frame",  # a coordinate frame ('galactic', 'B1950')
        "time",  # a date or a moment
        "place",  # an observatory, a city, or latitude/longitude
        "magnitude_limit",  # 'brighter than V = 6'
        "magnitude",  # an apparent or absolute magnitude as a value
        "radius",  # a search radius
        "angle",  # an angle on the sky to turn into a size ('10 arcsec at z = 0.5')
        "altitude_limit",  # 'above 30 degrees'
        "redshift",
        "velocity",  # a line-of-sight speed: '3000 km/s', '0.1c'
        "parallax",
        "parallax_limit",  # 'parallax above 100 mas'
        "column_condition",  # a condition on another catalog column: 'B-V above 1.0', 'north of dec +80'
        "distance",
        "count",  # how many rows or samples
        "order",  # brightest, nearest
        "object_type",  # galaxies, open clusters, stars
        "catalog",  # which table
        "constellation",  # a constellation as a region of the sky
        "cosmology",  # a named parameter set
        "cosmology_parameter",  # H0, Ωm, σ8, h, ...
        "quantity",  # which computed quantity (luminosity distance, age, ...)
        "wavenumber",
        "unit",
        "number",  # a plain value to convert or set
        "sql",
        "text",  # free text (a literature query)
        "year",
        "file",  # a FITS or .npy file
        "galaxy_reference",  # 'sample 12', 'this galaxy'
        "galaxy_parameter",  # Sérsic index, size, ellipticity, flux, angle of a model galaxy
        "survey",
        "seed",
        "image_size",  # pixels, box size
        "density",  # galaxies per square arcminute
        "output",  # a wish: plot
        "option",  # a switch of the tool's own (method, mode, collection)
        "label",  # text shown in the answer
    }
)


@dataclass(frozen=True)
class Kind:
    """What fills a tool argument, put in its annotation: ``Annotated[float, Field(gt=0), Kind("radius")]``.

    Several kinds mean any of them (``Kind("object", "sky_position")`` for a target given by name or position).
    """

    names: tuple[str, ...]

    def __init__(self, *names: str) -> None:
        unknown = set(names) - KINDS
        if not names or unknown:
            raise ToolDefinitionError(f"unknown argument kind(s) {sorted(unknown)}; use some of {sorted(KINDS)}")
        object.__setattr__(self, "names", tuple(names))


@dataclass(frozen=True)
class Declaration:
    """What a tool's YAML entry declares: example questions, answer template, what it can do, facts it answers."""

    examples: tuple[str, ...]
    answer: str
    can: str = ""  # 'convert units': how the capabilities message names it
    provides: tuple[str, ...] = ()
    offline: str = ""  # set for a tool that needs the network: what an offline answer says instead
    # other words people use for an argument ('old' for age_gyr, 'A_V' for dust_av_mag); 'no dust = 0' sets a value
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the result keys that hold a fact, unit last in the key ('parallax': plx_mas): a fact asked in another unit
    # ('the parallax of Procyon in arcseconds') is converted from the first of them
    quantities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # groups of arguments a question gives one of ('velocity_km_s' or 'z'): a follow-up giving one drops the others
    one_of: tuple[tuple[str, ...], ...] = ()


@cache
def _declarations(module_file: str) -> dict[str, Any]:
    """The YAML file beside a tool module (``tools/sky.py`` → ``tools/sky.yaml``), parsed once."""
    path = Path(module_file).with_suffix(".yaml")
    if not path.exists():
        return {}
    loaded = parse_yaml(path.read_text(encoding="utf-8")) or {}
    return loaded if isinstance(loaded, dict) else {}


def _declaration(func: Callable[..., Any]) -> Declaration:
    name = func.__name__
    source = inspect.getsourcefile(func)
    entry = _declarations(source)[name] if source and name in _declarations(source) else None
    where = f"{Path(source).with_suffix('.yaml').name}" if source else "the YAML file beside its module"
    if not isinstance(entry, dict):
        raise ToolDefinitionError(f"tool {name} is not declared in {where} (examples and answer template)")
    examples = tuple(str(e) for e in entry.get("examples") or ())
    if len(examples) < 3:
        raise ToolDefinitionError(f"tool {name}: {where} gives {len(examples)} example questions; give at least 3")
    if not entry.get("answer"):
        raise ToolDefinitionError(f"tool {name}: {where} has no answer template")
    words = entry.get("words") or {}
    if not isinstance(words, dict) or not all(isinstance(v, list) for v in words.values()):
        raise ToolDefinitionError(f"tool {name}: 'words' in {where} maps argument names to lists of words")
    quantities = entry.get("quantities") or {}
    if not isinstance(quantities, dict) or not all(isinstance(v, list) for v in quantities.values()):
        raise ToolDefinitionError(f"tool {name}: 'quantities' in {where} maps facts to lists of result keys")
    for key in (key for keys in quantities.values() for key in keys):
        if unit_of_key(key) is None:
            raise ToolDefinitionError(f"tool {name}: result key {key!r} in {where} does not end in a known unit")
    one_of = entry.get("one_of") or []
    arguments = set(inspect.signature(func).parameters)
    if not isinstance(one_of, list) or not all(isinstance(g, list) and set(g) <= arguments for g in one_of):
        raise ToolDefinitionError(f"tool {name}: 'one_of' in {where} lists groups of the tool's argument names")
    return Declaration(
        examples,
        str(entry["answer"]),
        str(entry.get("can") or ""),
        tuple(str(p) for p in entry.get("provides") or ()),
        str(entry.get("offline") or ""),
        {str(argument): tuple(str(w) for w in listed) for argument, listed in words.items()},
        {str(fact): tuple(str(k) for k in keys) for fact, keys in quantities.items()},
        tuple(tuple(str(a) for a in group) for group in one_of),
    )


# The units result keys end in (numbers with units in the key names, see ToolResult), as astropy spells them.
KEY_UNITS = {
    "mas": "mas",
    "arcsec": "arcsec",
    "arcmin": "arcmin",
    "deg": "deg",
    "pc": "pc",
    "kpc": "kpc",
    "mpc": "Mpc",
    "ly": "lyr",
    "au": "AU",
    "km": "km",
    "gyr": "Gyr",
}


def unit_of_key(key: str) -> str | None:
    """The astropy unit a result key is in ('plx_mas' → 'mas', 'distance_au' → 'AU'), or None."""
    return KEY_UNITS.get(key.rsplit("_", 1)[-1].lower())


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
    on_progress: Callable[[int, int], None] | None = None

    def report_progress(self, done: int, total: int) -> None:
        """Tell whoever is waiting (the web UI, the CLI's bar) how far a long tool has got: ``done`` of ``total``."""
        if self.on_progress is not None:
            self.on_progress(done, total)

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
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    declaration: Declaration = Declaration((), "")

    @cached_property
    def definition_hash(self) -> str:
        """Hash of the tool's source and argument schema, recorded with each call.

        Computed when first asked: reading the sources of 45 tools cost a cold start ~0.2 s.
        """
        try:
            source = inspect.getsource(self.func)
        except OSError:  # pragma: no cover - functions defined in a REPL
            source = self.name
        return content_hash({"source": source, "schema": self.args_model.model_json_schema()})[:16]

    @property
    def examples(self) -> tuple[str, ...]:
        """Example questions the planner routes by."""
        return self.declaration.examples

    @property
    def answer_template(self) -> str:
        """The Jinja2 answer template of the semantic path."""
        return self.declaration.answer

    def arguments_of_kind(self, kind: str) -> list[str]:
        """Names of the arguments a ``kind`` of question span can fill."""
        return [name for name, kinds in self.kinds.items() if kind in kinds]

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

    def register(
        self, func: Callable[..., ToolResult], family: str, declaration: Declaration | None = None
    ) -> ToolSpec:
        """Register ``func`` as a tool of ``family``; raises :class:`ToolDefinitionError` if incomplete.

        The declaration (examples, answer template) is read from the YAML file beside ``func``'s module
        unless given.
        """
        if family not in FAMILIES:
            raise ToolDefinitionError(f"unknown family {family!r}; use one of {FAMILIES}")
        name = func.__name__
        if name in self._tools:
            raise ToolDefinitionError(f"tool {name} is registered twice")
        description, arg_docs = _parse_docstring(func)
        hints = typing.get_type_hints(func, include_extras=True)
        fields: dict[str, Any] = {}
        kinds: dict[str, tuple[str, ...]] = {}
        for param in inspect.signature(func).parameters.values():
            if param.name == "ctx":
                continue
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                raise ToolDefinitionError(f"tool {name}: *args/**kwargs cannot be described in a schema")
            if param.name not in hints:
                raise ToolDefinitionError(f"tool {name}: argument {param.name} has no type annotation")
            if param.name not in arg_docs:
                raise ToolDefinitionError(f"tool {name}: argument {param.name} is not described under Args:")
            kind = next((m for m in getattr(hints[param.name], "__metadata__", ()) if isinstance(m, Kind)), None)
            if kind is None:
                raise ToolDefinitionError(f"tool {name}: argument {param.name} has no Kind(...) in its annotation")
            kinds[param.name] = kind.names
            default = ... if param.default is inspect.Parameter.empty else param.default
            fields[param.name] = (hints[param.name], Field(default, description=arg_docs[param.name]))
        extra = set(arg_docs) - set(fields)
        if extra:
            raise ToolDefinitionError(f"tool {name}: docstring describes unknown arguments {sorted(extra)}")
        model = create_model(f"{name}_args", __config__=ConfigDict(extra="forbid"), **fields)
        declaration = declaration or _declaration(func)
        unknown_words = set(declaration.words) - set(fields)
        if unknown_words:
            raise ToolDefinitionError(f"tool {name}: 'words' names arguments it does not have: {sorted(unknown_words)}")
        spec = ToolSpec(
            name=name,
            family=family,
            description=description,
            func=func,
            args_model=model,
            kinds=kinds,
            declaration=declaration,
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

    def capabilities(self) -> str:
        """What AEIOU can do, from each tool's declaration (for refusals and 'what can you do?')."""
        parts = [spec.declaration.can or spec.description.split(".")[0].lower() for spec in self._tools.values()]
        return "I can " + "; ".join(dict.fromkeys(parts)) + "."

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
