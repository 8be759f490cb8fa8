"""The web UI: chat with the observatory and see its work — trace, plots, tables, sources, provenance.

A thin Gradio layer over :class:`~aeiou_agent.Observatory`: every answer comes from ``ChatSession.ask``,
every replay from ``Observatory.replay``, every bundle from ``Observatory.export``. Each browser session
has its own conversation; the observatory (store, knowledge store, ledger, language model) is shared.

``aeiou ui`` or ``python app.py`` builds it with :func:`build_ui` and starts it with :func:`launch`.
"""

from __future__ import annotations

import html
import json
import logging
import os
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aeiou_agent.answer import Answer, ToolCall
from aeiou_agent.compose import markdown_literal
from aeiou_agent.exceptions import AeiouError
from aeiou_agent.observatory import ChatSession, Observatory, ProgressEvent

if TYPE_CHECKING:
    import gradio as gr
    import pandas as pd

log = logging.getLogger(__name__)

EXAMPLES = (
    "Which stars brighter than magnitude 4 are within 5 degrees of the Pleiades?",
    "How old was the universe at z = 3?",
    "Is M13 observable from Mauna Kea tonight?",
    "How far away is Vega?",
    "Which paper used CycleGAN to boost SDSS signal-to-noise?",
    "What's up tonight from Cerro Tololo?",
    "Plot the matter power spectrum at z = 1 for sigma8 = 0.8",
    "Simulate a 2D matter density field with sigma8 = 0.9, 256 pixels, 500 Mpc/h",
    "Draw 6 synthetic galaxies with Sersic index 1 and 6 with Sersic index 4",
)
UPLOAD_TYPES = (".pdf", ".bib", ".bibtex", ".txt", ".md", ".markdown", ".jsonl")
MAX_UPLOAD_MB = 50
TRACE_HEADERS = ["step", "tool", "arguments", "ms", "status", "output"]
_TABLE_ROW_LIMIT = 5000
_ARGUMENT_CHARS = 160

CSS = """
.gradio-container {max-width: 1500px !important; margin: auto;}
#aeiou-title h1 {margin-bottom: 0;}
#aeiou-title p {margin-top: 2px; color: var(--body-text-color-subdued);}
#run-header {font-size: 0.9em;}
.example-btn {font-size: 0.85em !important;}
#panels .tab-container button {padding-left: 8px; padding-right: 8px;}
"""


@dataclass
class SessionState:
    """One browser session's conversation and what the panels show."""

    chat: ChatSession | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    last_run_id: str = ""


class ObservatoryPool:
    """The observatories the UI's settings can choose, created on first use and shared by all sessions."""

    def __init__(self, base: Observatory):
        self.base = base
        self._lock = threading.Lock()
        self._by_setting: dict[tuple[str, bool], Observatory] = {(base.planner.name, base.settings.online): base}

    def planners(self) -> list[str]:
        """Planners that can answer here (the LLM planner only once a model is configured: AEIOU_LLM)."""
        configured = bool(self.base.settings.llm) or self.base.planner.name == "llm"
        return ["semantic", "llm"] if configured else ["semantic"]

    def get(self, planner: str, online: bool) -> Observatory:
        """The observatory for a planner and online setting."""
        key = (planner, online)
        with self._lock:
            if key not in self._by_setting:
                settings = replace(self.base.settings, online=online, planner=planner)
                self._by_setting[key] = Observatory(settings=settings, planner=planner, registry=self.base.registry)
            return self._by_setting[key]


# ---------------------------------------------------------------------------------------------- rendering


def _short(value: Any, limit: int = _ARGUMENT_CHARS) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def trace_rows(calls: list[ToolCall], pending: dict[int, str] | None = None) -> list[list[Any]]:
    """Rows of the trace table: one per tool call (and one per call still running)."""
    rows: list[list[Any]] = []
    for step, call in enumerate(calls):
        status = "ok" if call.ok else f"error: {call.error_type or 'failed'}"
        output = call.summary if call.ok else (call.error or "")
        rows.append([step, call.tool, _short(call.args), round(call.ms, 1), status, _short(output, 300)])
    for step, tool in sorted((pending or {}).items()):
        rows.append([step, tool, "", None, "running…", ""])
    return rows


def run_header(answer: Answer) -> str:
    """One line naming the run, the planner, the time taken and whether the numbers are grounded."""
    grounded = "all numbers found in tool outputs" if answer.grounded else "⚠ some numbers not in tool outputs"
    return (
        f"**Run** `{answer.run_id}` · **planner** {answer.planner} · **status** {answer.status} · "
        f"{answer.ms:.0f} ms · {grounded}"
    )


def sources_markdown(answer: Answer) -> str:
    """The citations as a numbered list, with links where there are any."""
    if not answer.citations:
        return "_This answer rests on no dataset or paper._"
    lines = []
    for i, citation in enumerate(answer.citations, start=1):
        label = markdown_literal(html.escape(citation.label()))
        link = f" — [{citation.url}]({citation.url})" if citation.url else ""
        lines.append(f"{i}. **[{i}]** {label}{link}  \n   _{citation.kind}_ · `{citation.id}`")
    return "\n".join(lines)


def chat_message(answer: Answer) -> str:
    """The answer text with its reference list underneath, as the chat shows it."""
    text = answer.text
    if answer.citations:
        refs = "\n".join(f"[{i}] {markdown_literal(c.label())}" for i, c in enumerate(answer.citations, start=1))
        text += "\n\n<small>\n\n" + refs.replace("\n", "  \n") + "\n\n</small>"
    return text


def result_table(answer: Answer) -> tuple[pd.DataFrame | None, str, str]:
    """The largest tabular result of the answer's calls (rows of dicts), with a caption and its tool's name."""
    import pandas as pd

    count, call = 0, None
    for candidate in answer.calls:
        rows = (candidate.result or {}).get("rows")
        if isinstance(rows, list) and rows and isinstance(rows[0], dict) and len(rows) > count:
            count, call = len(rows), candidate
    if call is None or call.result is None:
        return None, "_No table in this answer._", ""
    frame = pd.DataFrame(call.result["rows"][:_TABLE_ROW_LIMIT])
    frame = frame[[c for c in frame.columns if not isinstance(frame[c].iloc[0], (dict, list))]]
    shown = f"first {_TABLE_ROW_LIMIT:,} of " if count > _TABLE_ROW_LIMIT else ""
    return frame, f"**{call.tool}**: {shown}{count:,} row(s). Click a column header to sort.", call.tool


def write_table_files(frame: pd.DataFrame, folder: Path, stem: str) -> list[str]:
    """The table as CSV and Parquet files under the artifact folder, for download."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, parquet_path = folder / f"{stem}.csv", folder / f"{stem}.parquet"
    frame.to_csv(csv_path, index=False)
    frame.to_parquet(parquet_path, index=False)
    return [str(csv_path), str(parquet_path)]


def gallery_items(answer: Answer) -> list[tuple[str, str]]:
    """The answer's images with their captions."""
    return [(a.path, a.caption) for a in answer.artifacts if a.kind.startswith("image/") and Path(a.path).exists()]


# ---------------------------------------------------------------------------------------------- handlers


class Handlers:
    """What the UI's events do; kept apart from the layout so they can be read (and tested) on their own."""

    def __init__(self, pool: ObservatoryPool):
        self.pool = pool

    @property
    def observatory(self) -> Observatory:
        """The default observatory (settings off)."""
        return self.pool.base

    def _session(self, state: SessionState | None, planner: str, online: bool) -> SessionState:
        state = state or SessionState()
        observatory = self.pool.get(planner, online)
        if state.chat is None:
            state.chat = observatory.chat()
            state.chat.context.prefer_plots = True  # the UI has a Plots tab
        elif state.chat.observatory is not observatory:
            context, chat = state.chat.context, observatory.chat()
            chat.context = context
            state.chat = chat
        return state

    def ask(
        self,
        question: str,
        history: list[dict[str, Any]] | None,
        state: SessionState | None,
        planner: str,
        online: bool,
    ) -> Iterator[dict[str, Any]]:
        """Answer ``question`` in this session, streaming the plan and tool calls as they run.

        Yields updates keyed by panel: question, chat, state, header, trace, gallery, table_caption, table,
        table_files, sources, provenance, tabs (panels not named keep their content).
        """
        history = list(history or [])
        question = (question or "").strip()
        if not question:  # nothing to ask: the chat and its context stay as they are (a generator that yields
            yield {"chat": history, "state": state}  # nothing would leave Gradio to blank the chat: issue 18, U1)
            return
        state = self._session(state, planner, online)
        chat = state.chat
        assert chat is not None
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": "_Planning…_"}]
        yield {"question": "", "chat": history, "state": state, "header": "_Planning…_", "trace": [], "gallery": []}

        events: queue.Queue[ProgressEvent | Answer | BaseException] = queue.Queue()

        def work() -> None:
            try:
                events.put(chat.ask(question, on_progress=events.put))
            except BaseException as exc:  # shown to the user below, with the traceback in the log
                events.put(exc)

        threading.Thread(target=work, name="aeiou-ask", daemon=True).start()
        calls: list[ToolCall] = []
        pending: dict[int, str] = {}
        steps = 0
        while True:
            item = events.get()
            if isinstance(item, ProgressEvent):
                update: dict[str, Any] = {}
                if item.stage == "planned" and item.plan is not None:
                    steps = len(item.plan.calls)
                    names = " → ".join(c.tool for c in item.plan.calls) or "no tool call"
                    history[-1]["content"] = f"_Plan: {names}_"
                    update["header"] = f"**Plan** ({item.plan.intent}): {names}"
                elif item.stage == "calling":
                    pending[item.step] = item.tool
                    history[-1]["content"] = f"_Running {item.tool} (step {item.step + 1} of {steps})…_"
                elif item.stage == "working" and item.total > 0:
                    share = f"{item.done / item.total:.0%} ({item.done:,} of {item.total:,})"
                    history[-1]["content"] = f"_Running {item.tool} (step {item.step + 1} of {steps}): {share}…_"
                elif item.call is not None:
                    pending.pop(item.step, None)
                    calls.append(item.call)
                yield {**update, "chat": history, "trace": trace_rows(calls, pending)}
                continue
            if isinstance(item, BaseException):
                log.error("question %r failed", question, exc_info=item)
                history[-1]["content"] = (
                    f"Sorry — something went wrong while answering ({type(item).__name__}: {item}). "
                    "Nothing was changed; the run is recorded in the ledger."
                )
                yield {"chat": history, "header": "**Error**: see the chat", "trace": trace_rows(calls)}
                return
            answer = item
            break
        state.answers[answer.run_id] = answer
        state.last_run_id = answer.run_id
        history[-1]["content"] = chat_message(answer)
        frame, caption, tool_name = result_table(answer)
        files = None
        if frame is not None:
            folder = chat.observatory.settings.artifacts_dir / "tables"
            files = write_table_files(frame, folder, f"{answer.run_id}_{tool_name}")
        images = gallery_items(answer)
        yield {
            "chat": history,
            "state": state,
            "header": run_header(answer),
            "trace": trace_rows(answer.calls),
            "gallery": images,
            "table_caption": caption,
            "table": frame,
            "table_files": files,
            "sources": sources_markdown(answer),
            "provenance": f"Run `{answer.run_id}` is ready to download or replay.",
            "tabs": "plots" if images else "trace",
        }

    def export(self, state: SessionState | None) -> tuple[str | None, str]:
        """Write the last run's provenance bundle; returns (file, message)."""
        if not state or not state.last_run_id:
            return None, "Ask a question first: there is no run to download yet."
        path = self.observatory.export(state.last_run_id)
        return str(path), f"Bundle for run `{state.last_run_id}`: provenance.json and the artifacts, zipped."

    def replay(self, state: SessionState | None) -> tuple[str, list[list[Any]]]:
        """Re-execute the last run's calls and say whether every output is identical."""
        if not state or not state.last_run_id:
            return "Ask a question first: there is no run to replay yet.", []
        try:
            report = self.observatory.replay(state.last_run_id)
        except AeiouError as exc:
            return f"Replay failed: {exc}", []
        mark = "✓ **Identical.**" if report.identical else "✗ **Changed.**"  # glyphs every font has
        rows = [
            [c["step"], c["tool"], "identical" if c["identical"] else "changed", c.get("note", "")]
            for c in report.calls
        ]
        return f"{mark} {report.describe()}", rows

    def upload(self, files: list[Any] | None, arxiv_ids: str, online: bool) -> tuple[str, list[list[Any]]]:
        """Add uploaded documents (and arXiv records, when online) to the knowledge store, file by file."""
        rows: list[list[Any]] = []
        messages: list[str] = []
        paths = []
        for item in files or []:
            path = Path(item if isinstance(item, str) else getattr(item, "name", str(item)))
            if path.suffix.lower() not in UPLOAD_TYPES:
                kind = path.suffix or "no extension"
                rows.append([path.name, "skipped", 0, f"{kind} is not a supported type ({', '.join(UPLOAD_TYPES)})"])
            elif path.stat().st_size > MAX_UPLOAD_MB * 1024 * 1024:
                rows.append([path.name, "skipped", 0, f"larger than {MAX_UPLOAD_MB} MB"])
            else:
                paths.append(path)
        if rows:
            messages.append(f"{len(rows)} file(s) refused (type or size)")
        observatory = self.pool.get(self.observatory.planner.name, online)
        if paths:
            report = observatory.ingest(paths)
            for file in report.files:
                rows.append([Path(file.path).name, file.status, file.added, file.message])
            messages.append(report.summary())
        ids = [i for i in arxiv_ids.replace(",", " ").split() if i]
        if ids:
            try:
                added = observatory.fetch_arxiv(ids)
                messages.append(f"arXiv: {added} new chunk(s) from {', '.join(ids)}")
                rows += [[f"arXiv:{i}", "fetched", "", ""] for i in ids]
            except AeiouError as exc:
                messages.append(f"arXiv: {exc}")
                rows += [[f"arXiv:{i}", "skipped", 0, str(exc)] for i in ids]
        if not rows:
            return "Choose files (PDF, BibTeX, Markdown, text, JSONL) or type arXiv ids first.", []
        return " · ".join(messages) or "Nothing was added.", rows


# ---------------------------------------------------------------------------------------------- layout


def build_ui(observatory: Observatory | None = None) -> gr.Blocks:
    """The Gradio Blocks app around ``observatory`` (a default one when omitted)."""
    import gradio as gr

    handlers = Handlers(ObservatoryPool(observatory or Observatory()))
    with gr.Blocks(title="AEIOU — an observatory you can talk to") as demo:
        state = gr.State(None)
        gr.Markdown(
            "# AEIOU\nAn observatory you can talk to: catalogs, coordinates, cosmology, ephemerides and papers — "
            "every answer computed by typed tools, cited, and recorded for replay.",
            elem_id="aeiou-title",
        )
        with gr.Row(equal_height=False):
            with gr.Column(scale=1, min_width=420):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    height=560,
                    elem_id="chat",
                    buttons=["copy"],
                    feedback_options=None,
                    placeholder="Ask about stars, galaxies, the sky tonight, cosmology or papers.",
                )
                with gr.Row():
                    question = gr.Textbox(
                        placeholder="e.g. How old was the universe at z = 3?",
                        show_label=False,
                        scale=8,
                        max_lines=4,
                        elem_id="question",
                        autofocus=True,
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="ask")
                gr.Markdown("**Try:**")
                with gr.Row():
                    example_buttons = [
                        gr.Button(text, size="sm", elem_classes=["example-btn"], min_width=160) for text in EXAMPLES
                    ]
                clear = gr.Button("New conversation", size="sm", variant="secondary")
            with gr.Column(scale=1, min_width=420):
                header = gr.Markdown("_Ask a question: its plan and tool calls appear here._", elem_id="run-header")
                with gr.Tabs(elem_id="panels") as tabs:
                    with gr.Tab("Trace", id="trace"):
                        trace = gr.Dataframe(
                            headers=TRACE_HEADERS,
                            value=[],
                            interactive=False,
                            wrap=True,
                            elem_id="trace",
                            label="Tool calls",
                            column_widths=["7%", "17%", "30%", "9%", "10%", "27%"],
                        )
                    with gr.Tab("Plots", id="plots"):
                        gallery = gr.Gallery(
                            label="Plots", columns=1, height=460, object_fit="contain", elem_id="plots", preview=False
                        )
                    with gr.Tab("Table", id="table"):
                        table_caption = gr.Markdown("_No table yet._")
                        table = gr.Dataframe(interactive=False, elem_id="table", max_height=380, label="Rows")
                        table_files = gr.File(label="Download (CSV, Parquet)", file_count="multiple", height=80)
                    with gr.Tab("Sources", id="sources"):
                        sources = gr.Markdown("_Citations of the last answer appear here._", elem_id="sources")
                    with gr.Tab("Provenance", id="provenance"):
                        provenance_status = gr.Markdown("_Ask a question first._", elem_id="provenance-status")
                        with gr.Row():
                            export_btn = gr.Button("Prepare run bundle (.zip)", elem_id="export")
                            replay_btn = gr.Button("Replay this run", elem_id="replay")
                        bundle = gr.File(label="Run bundle", elem_id="bundle", height=80)
                        replay_status = gr.Markdown(elem_id="replay-status")
                        replay_table = gr.Dataframe(
                            headers=["step", "tool", "outputs", "note"], value=[], interactive=False, label="Replay"
                        )
                    with gr.Tab("Documents", id="documents"):
                        gr.Markdown(
                            f"Add papers and notes to the knowledge store ({', '.join(UPLOAD_TYPES)}, "
                            f"up to {MAX_UPLOAD_MB} MB each); then ask about them, e.g. _what do my papers say "
                            "about photometric redshifts?_"
                        )
                        uploads = gr.File(
                            label="Documents",
                            file_count="multiple",  # no file_types: wrong types get a per-file message below
                            height=120,
                            elem_id="uploads",
                        )
                        arxiv_ids = gr.Textbox(
                            label="arXiv ids (metadata; needs online backends)", placeholder="2011.07124 1802.05335"
                        )
                        ingest_btn = gr.Button("Add to knowledge store", variant="primary", elem_id="ingest")
                        ingest_status = gr.Markdown(elem_id="ingest-status")
                        ingest_table = gr.Dataframe(
                            headers=["file", "status", "new chunks", "message"],
                            value=[],
                            interactive=False,
                            elem_id="ingest-table",
                        )
                    with gr.Tab("Settings", id="settings"):
                        planner = gr.Radio(
                            handlers.pool.planners(),
                            value=handlers.observatory.planner.name,
                            label="Planner",
                            info="semantic: the embedded offline planner; llm: the model named by AEIOU_LLM.",
                        )
                        online = gr.Checkbox(
                            value=handlers.observatory.settings.online,
                            label="Online backends",
                            info="Allow remote services: SIMBAD, NED, arXiv metadata. Off by default: everything "
                            "else is local.",
                        )

        panels: dict[str, Any] = {
            "question": question,
            "chat": chatbot,
            "state": state,
            "header": header,
            "trace": trace,
            "gallery": gallery,
            "table_caption": table_caption,
            "table": table,
            "table_files": table_files,
            "sources": sources,
            "provenance": provenance_status,
            "tabs": tabs,
        }

        def ask(*inputs: Any) -> Iterator[dict[Any, Any]]:
            for update in handlers.ask(*inputs):
                if "tabs" in update:
                    update["tabs"] = gr.Tabs(selected=update["tabs"])
                yield {panels[name]: value for name, value in update.items()}

        ask_inputs = [question, chatbot, state, planner, online]
        ask_outputs = list(panels.values())
        shared = "observatory"  # one concurrency limit for everything that uses the observatory
        send.click(ask, ask_inputs, ask_outputs, concurrency_id=shared)
        question.submit(ask, ask_inputs, ask_outputs, concurrency_id=shared)
        for button, text in zip(example_buttons, EXAMPLES, strict=True):
            button.click(lambda t=text: t, None, question, queue=False).then(
                ask, ask_inputs, ask_outputs, concurrency_id=shared
            )
        clear.click(lambda: ([], None, "_New conversation._"), None, [chatbot, state, header], queue=False)
        export_btn.click(handlers.export, [state], [bundle, provenance_status], concurrency_id=shared)
        replay_btn.click(handlers.replay, [state], [replay_status, replay_table], concurrency_id=shared)
        ingest_btn.click(
            handlers.upload, [uploads, arxiv_ids, online], [ingest_status, ingest_table], concurrency_id=shared
        )
    demo.queue(default_concurrency_limit=4, max_size=64)
    return demo


def theme() -> gr.themes.Base:
    """A quiet theme on the system's own fonts (no web-font downloads: the UI works offline)."""
    import gradio as gr

    system_sans = ["ui-sans-serif", "system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"]
    system_mono = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]
    return gr.themes.Soft(primary_hue="indigo", secondary_hue="slate", font=system_sans, font_mono=system_mono)


def launch(
    observatory: Observatory | None = None,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    auth: tuple[str, str] | None = None,
    concurrency: int = 4,
    prevent_thread_lock: bool = False,
) -> gr.Blocks:
    """Build the store and model if needed, then serve the UI on ``host`` (loopback by default)."""
    observatory = observatory or Observatory()
    _ = observatory.store  # first start: builds the store with its progress bar
    observatory.warm_up()
    uploads = observatory.settings.uploads_dir
    uploads.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("GRADIO_TEMP_DIR", str(uploads))  # uploads stay in AEIOU_HOME, not a shared /tmp/gradio
    demo = build_ui(observatory)
    demo.queue(default_concurrency_limit=concurrency, max_size=64)
    artifacts = observatory.settings.artifacts_dir
    exports = observatory.settings.home / "exports"
    for folder in (artifacts, exports):
        folder.mkdir(parents=True, exist_ok=True)
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    allowed_hosts = observatory.settings.ui_allowed_hosts(host)
    demo.launch(
        app_kwargs={"middleware": [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)]},
        server_name=host,
        server_port=port,
        auth=auth,
        allowed_paths=[str(artifacts), str(exports)],
        blocked_paths=[str(observatory.settings.store_dir), str(observatory.settings.ledger_path)],
        max_file_size=f"{MAX_UPLOAD_MB}mb",
        prevent_thread_lock=prevent_thread_lock,
        footer_links=[],
        theme=theme(),
        css=CSS,
        show_error=False,
        quiet=False,
    )
    return demo
