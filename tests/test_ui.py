"""The web UI's behaviour without a browser: what each event hands the page (the browser tests are in test_browser)."""

from __future__ import annotations

import asyncio
import zipfile
from pathlib import Path

import pytest

from aeiou_agent.ui import Handlers, ObservatoryPool, SessionState, build_ui

DOCS = Path(__file__).parent / "data" / "docs"


@pytest.fixture(scope="module")
def handlers(obs) -> Handlers:
    return Handlers(ObservatoryPool(obs))


def _final(handlers: Handlers, question: str, state: SessionState | None = None, history=None) -> dict:
    updates = list(handlers.ask(question, history or [], state, "semantic", False))
    merged: dict = {}
    for update in updates:
        merged.update(update)
    merged["_updates"] = updates
    return merged


def test_cone_search_streams_trace_then_shows_answer_plot_table_and_sources(handlers, tmp_path):
    out = _final(handlers, "Which stars brighter than magnitude 4 are within 5 degrees of the Pleiades?")
    stages = [u.get("trace") for u in out["_updates"] if "trace" in u]
    assert any(row[4] == "running…" for rows in stages for row in rows), "a running step is shown while it runs"
    assert out["chat"][-2] == {
        "role": "user",
        "content": "Which stars brighter than magnitude 4 are within 5 degrees of the Pleiades?",
    }
    assert "Alcyone" in out["chat"][-1]["content"] and "[1] OpenNGC" in out["chat"][-1]["content"]
    assert [row[1] for row in out["trace"]] == ["resolve_object", "cone_search"]
    assert all(row[4] == "ok" for row in out["trace"])
    assert out["header"].startswith("**Run** `") and "semantic" in out["header"]
    (image, caption), *_ = out["gallery"]
    assert Path(image).suffix == ".png" and "Sky chart" in caption, "the UI asks tools for their plots"
    assert list(out["table"]["name"])[:1] == ["Alcyone"] and len(out["table"]) == 4
    csv, parquet = map(Path, out["table_files"])
    assert csv.read_text().splitlines()[0].startswith("id,") and parquet.stat().st_size > 0
    assert "Hipparcos" in out["sources"] and out["tabs"] == "plots"


def test_follow_up_in_the_same_session_keeps_context_but_not_across_sessions(handlers):
    first = _final(handlers, "Where is M51?")
    follow = _final(handlers, "which constellation is it in?", first["state"], first["chat"])
    assert "Canes Venatici" in follow["chat"][-1]["content"] and len(follow["chat"]) == 4
    other = _final(handlers, "which constellation is it in?")
    assert "Canes Venatici" not in other["chat"][-1]["content"]


def test_empty_question_changes_nothing(handlers):
    assert list(handlers.ask("   ", [], None, "semantic", False)) == [{"chat": [], "state": None}]
    first = _final(handlers, "Where is M51?")
    (update,) = handlers.ask("", first["chat"], first["state"], "semantic", False)
    assert update == {"chat": first["chat"], "state": first["state"]}  # the chat shown and its context are kept


def test_bad_input_is_a_readable_message_not_a_traceback(handlers):
    out = _final(handlers, "SELECT * FROM hipparcos; DROP TABLE hipparcos")
    text = out["chat"][-1]["content"]
    assert "Traceback" not in text and "nothing was changed" in text.lower()
    out = _final(handlers, "Where is Zorblax Prime?")
    assert "Traceback" not in out["chat"][-1]["content"] and out["header"].startswith("**Run**")


def test_unexpected_failure_is_shown_in_the_chat(handlers, monkeypatch):
    from aeiou_agent.observatory import ChatSession

    def broken(self, question, *, on_progress=None):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ChatSession, "ask", broken)
    out = _final(handlers, "How far away is Vega?")
    assert "something went wrong" in out["chat"][-1]["content"] and "disk on fire" in out["chat"][-1]["content"]


def test_export_and_replay_the_last_run(handlers):
    assert handlers.export(None)[0] is None and "Ask a question first" in handlers.replay(None)[0]
    out = _final(handlers, "How old was the universe at z = 3?")
    path, message = handlers.export(out["state"])
    with zipfile.ZipFile(path) as bundle:
        assert "provenance.json" in bundle.namelist()
    assert out["state"].last_run_id in message
    status, rows = handlers.replay(out["state"])
    assert status.startswith("✓ **Identical.**") and rows and all(r[2] == "identical" for r in rows)


def test_upload_reports_every_file_and_arxiv_needs_online(handlers, tmp_path):
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x00\x01")
    status, rows = handlers.upload([str(DOCS / "notes.md"), str(exe), str(DOCS / "broken.pdf")], "", False)
    by_file = {r[0]: r for r in rows}
    assert by_file["tool.exe"][1] == "skipped" and ".exe" in by_file["tool.exe"][3]
    assert by_file["notes.md"][1] in {"ingested", "unchanged"}
    assert by_file["broken.pdf"][1] == "skipped"
    status, rows = handlers.upload(None, "2011.07124", False)
    assert "online" in status and rows[0][1] == "skipped"
    assert "Choose files" in handlers.upload(None, "", False)[0]


def test_blocks_build_with_every_panel(obs):
    async def build():  # inside a running loop: Gradio otherwise makes event loops it never closes
        return build_ui(obs)

    demo = asyncio.run(build())
    ids = {getattr(block, "elem_id", None) for block in demo.blocks.values()}
    assert {"chat", "question", "ask", "trace", "plots", "table", "sources", "export", "replay", "ingest"} <= ids


def test_the_llm_planner_is_offered_once_configured_and_streams_its_calls(obs, home):
    from fake_llm import ScriptedChatModel, call, final

    from aeiou_agent import Observatory

    assert ObservatoryPool(obs).planners() == ["semantic"]
    model = ScriptedChatModel(script=[call("resolve_object", name="M51"), final("M51 is at RA 202.47°.")])
    llm_handlers = Handlers(ObservatoryPool(Observatory(home, llm=model)))
    assert llm_handlers.pool.planners() == ["semantic", "llm"]
    updates = list(llm_handlers.ask("Where is M51?", [], None, "llm", False))
    merged: dict = {}
    for update in updates:
        merged.update(update)
    assert any(row[4] == "running…" for u in updates if "trace" in u for row in u["trace"])
    assert [row[1] for row in merged["trace"]] == ["resolve_object"]
    assert "planner** llm" in merged["header"] and merged["chat"][-1]["content"].startswith("M51 is at RA 202.47°.")
