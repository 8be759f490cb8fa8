"""The ``aeiou`` command line: a thin layer over :class:`aeiou_agent.Observatory`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from aeiou_agent import Answer, Observatory
    from aeiou_agent.observatory import ProgressCallback, ProgressEvent

app = typer.Typer(add_completion=False, no_args_is_help=True, help="AEIOU — an observatory you can talk to.")
console = Console()
err = Console(stderr=True)


def _observatory(planner: str | None = None) -> Observatory:
    from aeiou_agent import Observatory

    return Observatory(planner=planner)


@contextmanager
def _tool_progress() -> Iterator[ProgressCallback | None]:
    """A progress bar on the terminal while a long tool works (nothing when stderr is not a terminal)."""
    if not err.is_terminal:
        yield None
        return
    from rich.progress import Progress, TaskID

    with Progress(console=err, transient=True) as bar:
        tasks: dict[int, TaskID] = {}

        def show(event: ProgressEvent) -> None:
            if event.stage == "working" and event.total > 0:
                if event.step not in tasks:
                    tasks[event.step] = bar.add_task(event.tool, total=event.total)
                bar.update(tasks[event.step], completed=event.done)

        yield show


def _print_answer(answer: Answer, *, trace: bool = False) -> None:
    console.print(Markdown(answer.text))
    if answer.citations:
        console.print()
        for i, citation in enumerate(answer.citations, start=1):
            console.print(f"[dim][{i}] {escape(citation.label())}[/dim]", highlight=False)
    for artifact in answer.artifacts:
        console.print(f"[cyan]{artifact.kind}[/cyan] {artifact.path}  [dim]{artifact.caption}[/dim]", highlight=False)
    if trace:
        for call in answer.calls:
            status = "[red]error[/red]" if call.error else "[green]ok[/green]"
            console.print(
                f"[dim]  → {call.tool}({json.dumps(call.args, default=str)}) {status} {call.ms:.1f} ms[/dim]",
                highlight=False,
            )
    console.print(f"[dim]run {answer.run_id} · {answer.planner} planner · {answer.ms:.0f} ms[/dim]", highlight=False)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Your question, in quotes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole Answer as JSON.")] = False,
    trace: Annotated[bool, typer.Option("--trace", help="Show the tool calls.")] = False,
) -> None:
    """Ask one question and print the answer with its citations."""
    with _tool_progress() as on_progress:
        answer = _observatory().ask(question, on_progress=on_progress)
    if as_json:
        console.print_json(answer.model_dump_json())
    else:
        _print_answer(answer, trace=trace)


@app.command()
def chat() -> None:
    """Talk to the observatory; follow-up questions keep their context. /quit ends, /trace shows tool calls."""
    obs = _observatory()
    _ = obs.store  # builds the store on the very first start, with its own progress bar
    with err.status("Loading the language model…"):
        obs.warm_up()
    session = obs.chat()
    console.print(
        "[bold]AEIOU[/bold] — ask about objects, catalogs, coordinates, cosmology and ephemerides. "
        "Type /help for examples, /quit to leave."
    )
    trace = False
    while True:
        try:
            question = console.input("[bold cyan]you>[/bold cyan] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        command = question.strip().lower()
        if command in {"/quit", "/exit", "quit", "exit"}:
            break
        if command == "/trace":
            trace = not trace
            console.print(f"[dim]tool trace {'on' if trace else 'off'}[/dim]")
            continue
        if command == "/help":
            console.print(
                "Examples: 'Where is M51?' · 'which constellation is it in?' · 'How far away is Vega?' · "
                "'stars brighter than magnitude 5 within 5 degrees of the Pleiades' · "
                "'luminosity distance to z=0.5' · 'When does Saturn rise at Cerro Tololo on 2026-09-01?'"
            )
            continue
        if not command:
            continue
        with _tool_progress() as on_progress:
            answer = session.ask(question, on_progress=on_progress)
        _print_answer(answer, trace=trace)


@app.command()
def build(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if the store is complete.")] = False,
) -> None:
    """Build (or verify) the local observatory store under AEIOU_HOME."""
    manifest = _observatory().build(force=force)
    table = Table("table", "rows", title=f"store {manifest['data_version']} (built {manifest['built_at']})")
    for name, rows in manifest["row_counts"].items():
        table.add_row(name, f"{rows:,}")
    console.print(table)
    console.print(
        f"knowledge store: {manifest['knowledge']['chunks']} built-in chunks (bibliography, cards, tool docs)"
    )


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders: PDF, BibTeX, JSONL, Markdown, text.")
    ] = None,
    arxiv: Annotated[
        list[str] | None, typer.Option("--arxiv", help="arXiv id to fetch metadata for (needs AEIOU_ONLINE=1).")
    ] = None,
) -> None:
    """Add documents to the knowledge store (re-ingesting is a no-op; bad files are reported and skipped)."""
    obs = _observatory()
    if arxiv:
        from aeiou_agent.exceptions import AeiouError

        try:
            console.print(f"arXiv: {obs.fetch_arxiv(list(arxiv))} new chunk(s)")
        except AeiouError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from None
    if not paths:
        if not arxiv:
            err.print("give files or folders to ingest, or --arxiv ID")
            raise typer.Exit(2)
        return
    report = obs.ingest(paths, progress=sys.stderr.isatty())
    table = Table("file", "status", "chunks", "new", "message")
    for item in report.files:
        colour = {"ingested": "green", "unchanged": "dim", "skipped": "red"}[item.status]
        status = f"[{colour}]{item.status}[/{colour}]"
        table.add_row(escape(item.path), status, str(item.chunks), str(item.added), escape(item.message))
    console.print(table)
    console.print(report.summary())
    if report.skipped and len(report.skipped) == len(report.files):
        raise typer.Exit(1)


catalog_app = typer.Typer(no_args_is_help=True, help="User catalogs (HATS, queried with LSDB on Dask).")
app.add_typer(catalog_app, name="catalog")


@catalog_app.command("add")
def catalog_add(
    path: Annotated[Path, typer.Argument(help="A Parquet, CSV or FITS table with a position per row.")],
    name: Annotated[str, typer.Option("--name", help="The catalog's name in questions: lower case, digits, '_'.")],
    ra: Annotated[str | None, typer.Option("--ra", help="RA column, in degrees (found if omitted).")] = None,
    dec: Annotated[str | None, typer.Option("--dec", help="Declination column, in degrees (found if omitted).")] = None,
    title: Annotated[str, typer.Option("--title", help="A title for the dataset card.")] = "",
    license: Annotated[str, typer.Option("--license", help="The data's license, for the card and citations.")] = "",
) -> None:
    """Import a table as a HATS catalog (hats-import on Dask) and write its dataset card."""
    card = _observatory().add_catalog(
        path, name, ra_column=ra, dec_column=dec, title=title, license=license, progress=sys.stderr.isatty()
    )
    console.print(
        f"added [bold]{card['table']}[/bold]: {card['row_count']:,} rows, {len(card['columns'])} columns, "
        f"{card['partitions']} HEALPix partitions over {card['footprint_deg2']:,.1f} deg² "
        f"(HATS {card['hats_version']}, checksum {card['hats_checksum'][:12]})"
    )
    console.print(f'ask about it: aeiou ask "How many {card["table"]} rows lie within 1 degree of M31?"')


@catalog_app.command("list")
def catalog_list() -> None:
    """List the added catalogs with their rows, footprint and columns."""
    from aeiou_agent.catalogs import user_catalogs
    from aeiou_agent.config import Settings

    catalogs = user_catalogs(Settings.load())
    names = catalogs.names()
    if not names:
        console.print("no catalog added yet: aeiou catalog add FILE --name NAME")
        return
    table = Table("name", "rows", "deg²", "columns", "source", "added (UTC)")
    for name in names:
        card = catalogs.card(name)
        columns = ", ".join(c["name"] + (f" [{c['unit']}]" if c["unit"] else "") for c in card["columns"])
        table.add_row(
            name,
            f"{card['row_count']:,}",
            f"{card['footprint_deg2']:,.1f}",
            escape(columns[:80]),
            escape(Path(card["source_file"]).name),
            card["created_utc"][:16].replace("T", " "),
        )
    console.print(table)


@catalog_app.command("remove")
def catalog_remove(name: Annotated[str, typer.Argument(help="The catalog to delete.")]) -> None:
    """Delete an added catalog (its HATS files and card)."""
    from aeiou_agent.catalogs import user_catalogs
    from aeiou_agent.config import Settings

    user_catalogs(Settings.load()).remove(name)
    console.print(f"removed {name}")


@app.command()
def log(
    limit: Annotated[int, typer.Option("-n", "--limit", help="How many runs.", min=1, max=100_000)] = 20,
) -> None:
    """List recent runs from the ledger."""
    runs = _observatory().runs(limit)
    table = Table("run", "time (UTC)", "status", "calls", "ms", "question")
    for run in runs:
        table.add_row(
            run["id"],
            run["created_at"][:19].replace("T", " "),
            run["status"],
            str(run["n_calls"]),
            f"{run['duration_ms'] or 0:.0f}",
            run["question"][:70],
        )
    console.print(table)


@app.command()
def show(
    run_id: Annotated[str, typer.Argument(help="Run id (or a unique prefix, or 'last').")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show one run: question, plan, every tool call and the answer."""
    run = _observatory().show(run_id)
    if as_json:
        console.print_json(json.dumps(run, default=str))
        return
    console.print(
        f"[bold]run {run['id']}[/bold]  {run['created_at']}  status={run['status']}  "
        f"planner={run['planner']['planner']}  data={run['data_version']}  seed={run['seed']}",
        highlight=False,
    )
    console.print(f"[bold]question:[/bold] {run['question']}", highlight=False)
    if run["planner"].get("model") and run.get("transcript") is not None:
        where = f" at {run['planner']['endpoint']}" if run["planner"].get("endpoint") else ""
        console.print(
            f"[bold]model:[/bold] {run['planner']['model']}{where}; {len(run['transcript'])} messages exchanged "
            "(--json shows them)",
            highlight=False,
        )
    if run.get("plan"):
        console.print(
            f"[bold]plan:[/bold] intent={run['plan']['intent']} confidence={run['plan']['confidence']}", highlight=False
        )
    for call in run["calls"]:
        state = (
            f"[red]{call['error_type']}: {call['error']}[/red]" if call["error"] else f"hash {call['output_hash'][:12]}"
        )
        console.print(
            f"  {call['step']}. {call['tool']} {json.dumps(call['args'], default=str)} "
            f"({call['duration_ms'] or 0:.1f} ms) {state}",
            highlight=False,
        )
        if call["summary"]:
            console.print(f"     [dim]{call['summary']}[/dim]", highlight=False)
    if run["answer"]:
        console.print(Markdown(run["answer"]))


@app.command()
def replay(
    run_id: Annotated[str, typer.Argument(help="Run id (or a unique prefix, or 'last').")],
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Ask online archives again instead of their cached responses.")
    ] = False,
) -> None:
    """Re-execute a run's tool calls and report whether every output is identical (exit 1 if not).

    Archive answers are re-derived from the cached responses they came from; with --refresh the archives are asked
    again, and a 'changed' call is drift in the archive.
    """
    from aeiou_agent import Observatory

    report = (Observatory(archive_refresh=True) if refresh else _observatory()).replay(run_id)
    for call in report.calls:
        mark = "[green]identical[/green]" if call["identical"] else "[red]changed[/red]"
        console.print(f"  {call['step']}. {call['tool']}: {mark}")
    console.print(report.describe())
    raise typer.Exit(0 if report.identical else 1)


@app.command()
def export(
    run_id: Annotated[str, typer.Argument(help="Run id (or a unique prefix, or 'last').")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Zip file to write.")] = None,
) -> None:
    """Write a run's provenance bundle (JSON + artifacts) as a zip file."""
    path = _observatory().export(run_id, output)
    console.print(f"wrote {path}")


@app.command()
def tools(as_json: Annotated[bool, typer.Option("--json", help="Print the JSON schemas.")] = False) -> None:
    """List the tools the planner can call."""
    from aeiou_agent.registry import default_registry

    registry = default_registry()
    if as_json:
        console.print_json(json.dumps(registry.json_schemas()))
        return
    table = Table("tool", "family", "description")
    for spec in sorted(registry, key=lambda s: (s.family, s.name)):
        table.add_row(spec.name, spec.family, spec.description.split("\n")[0])
    console.print(table)


@app.command(name="eval")
def evaluate(
    path: Annotated[Path, typer.Argument(help="Question set (JSONL).", exists=True, dir_okay=False)],
    report: Annotated[Path | None, typer.Option("--report", help="Where to write the JSON report.")] = None,
    min_answer: Annotated[float, typer.Option(help="Fail below this answer accuracy.")] = 0.95,
    min_tool: Annotated[float, typer.Option(help="Fail below this tool-selection accuracy.")] = 0.97,
    show_failures: Annotated[bool, typer.Option("--failures/--no-failures")] = True,
    planner: Annotated[
        str | None, typer.Option(help="semantic or llm (AEIOU_LLM names the model); default from the settings.")
    ] = None,
    without_verbatim_examples: Annotated[
        bool,
        typer.Option(
            "--without-verbatim-examples",
            help="Generalisation check: drop the routing examples that are one of the set's questions word for word.",
        ),
    ] = False,
) -> None:
    """Run an evaluation question set and print accuracy, grounding and latency figures."""
    from aeiou_agent.evals import run_eval

    obs = _observatory(planner)
    result = run_eval(
        obs, path, report_path=report, progress=sys.stderr.isatty(), without_verbatim_examples=without_verbatim_examples
    )
    summary: dict[str, Any] = result["summary"]
    identity = summary["planner"]
    model = f" · {identity['model']}" if identity.get("model") else ""
    table = Table(
        "metric", "value", title=f"{path.name}: {summary['cases']} cases · {identity['planner']} planner{model}"
    )
    for key in ("tool_selection_accuracy", "argument_accuracy", "answer_accuracy", "grounding_rate"):
        value = summary[key]
        table.add_row(key.replace("_", " "), "n/a (no cases)" if value is None else f"{value:.3f}")
    for key in (
        "recall_at_5",
        "mrr",
        "citation_accuracy",
        "refusal_recall",
        "refusal_precision",
        "in_scope_refused_rate",
    ):
        if summary.get(key) is not None:
            table.add_row(key.replace("_at_5", "@5").replace("_", " "), f"{summary[key]:.3f}")
    if summary.get("verbatim_examples_dropped") is not None:
        table.add_row("verbatim examples dropped", str(summary["verbatim_examples_dropped"]))
    table.add_row("latency p50 (ms)", f"{summary['latency_ms_p50']:.1f}")
    table.add_row("latency p95 (ms)", f"{summary['latency_ms_p95']:.1f}")
    if summary.get("fallback_rate") is not None:
        table.add_row("fell back to semantic", f"{summary['fallback_rate']:.3f}")
    console.print(table)
    if show_failures:
        for case in result["cases"]:
            if not (case["tool_ok"] and case["answer_ok"] and case["args_ok"]):
                console.print(
                    f"[red]✗[/red] {case['id']}: {case['question']}  tools={case['tools']} problems={case['problems']}",
                    highlight=False,
                )
    console.print(f"report: {result['report_path']}")
    if summary["answer_accuracy"] < min_answer or summary["tool_selection_accuracy"] < min_tool:
        err.print(f"[red]below threshold[/red] (answer ≥ {min_answer}, tool selection ≥ {min_tool})")
        raise typer.Exit(1)


@app.command()
def ui(
    host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int | None, typer.Option(help="Port; the first free one from 7860 when omitted.")] = None,
    auth: Annotated[str | None, typer.Option(help="Require a login, given as user:password.")] = None,
    concurrency: Annotated[int, typer.Option(help="Questions answered at the same time.", min=1, max=32)] = 4,
) -> None:
    """Start the web UI (chat, tool trace, plots, tables, sources, provenance) and print its address."""
    from aeiou_agent.ui import launch

    credentials = None
    if auth is not None:
        user, sep, password = auth.partition(":")
        if not sep or not user or not password:
            err.print("--auth must look like user:password")
            raise typer.Exit(2)
        credentials = (user, password)
    if host not in {"127.0.0.1", "localhost", "::1"} and credentials is None:
        err.print(f"[yellow]Serving on {host} without --auth: anyone who can reach it can use it.[/yellow]")
    launch(host=host, port=port, auth=credentials, concurrency=concurrency)


@app.command(name="serve-mcp")
def serve_mcp(
    http: Annotated[
        str | None, typer.Option("--http", help="Serve streamable HTTP on host:port (e.g. 127.0.0.1:8765).")
    ] = None,
) -> None:
    """Expose AEIOU's tools to other agents over MCP (stdio by default); calls are recorded in the ledger."""
    from aeiou_agent.mcp_server import serve

    if http is not None:
        host, sep, port = http.rpartition(":")
        if not sep or not port.isdigit():
            err.print("--http must look like host:port, e.g. 127.0.0.1:8765")
            raise typer.Exit(2)
        if host.strip("[]") not in {"127.0.0.1", "localhost", "::1"}:
            err.print(f"[yellow]Serving MCP on {host} without authentication: anyone who can reach it can use it.")
    obs = _observatory(planner="semantic")
    _ = obs.store  # build or open the store before the first request
    serve(obs, http=http)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``aeiou`` console script (``argv`` for ``app.py`` and tests).

    A user's mistake ('aeiou show no-such-run') ends with its one-line message, not a traceback.
    """
    from aeiou_agent.exceptions import AeiouError

    try:
        app(args=argv)
    except AeiouError as exc:
        err.print(f"[red]{exc}[/red]", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
