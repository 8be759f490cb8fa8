"""The aeiou command line, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aeiou_agent import cli
from aeiou_agent.cli import app

runner = CliRunner()
DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def wide_console(monkeypatch):
    monkeypatch.setattr(cli.console, "width", 200)


def test_ask_prints_answer_citations_and_run(obs):
    result = runner.invoke(app, ["ask", "What is the luminosity distance to z=0.5 in Planck 2018?"])
    assert result.exit_code == 0, result.output
    assert "2919.6 Mpc" in result.output and "[1] Planck18" in result.output and "run " in result.output


def test_ask_json(obs):
    result = runner.invoke(app, ["ask", "Which constellation is Vega in?", "--json"])
    payload = json.loads(result.output)
    assert payload["calls"][0]["tool"] == "constellation" and payload["status"] == "answered"


def test_log_show_replay_export(obs, tmp_path):
    runner.invoke(app, ["ask", "How far away is Vega?"])
    log = runner.invoke(app, ["log", "-n", "3"])
    assert log.exit_code == 0 and "How far away is Vega?" in log.output
    show = runner.invoke(app, ["show", "last"])
    assert "resolve_object" in show.output and "parallax_distance" in show.output
    replay = runner.invoke(app, ["replay", "last"])
    assert replay.exit_code == 0 and "identical" in replay.output
    out = tmp_path / "run.zip"
    export = runner.invoke(app, ["export", "last", "-o", str(out)])
    assert export.exit_code == 0 and out.exists()
    missing = runner.invoke(app, ["show", "no-such-run"])
    assert missing.exit_code != 0


def test_tools_and_build(obs):
    tools = runner.invoke(app, ["tools", "--json"])
    names = {t["function"]["name"] for t in json.loads(tools.output)}
    assert {"cone_search", "sql_query", "cosmology_calculator", "rise_set"} <= names
    build = runner.invoke(app, ["build"])
    assert build.exit_code == 0 and "117,955" in build.output


def test_eval_command_passes_and_fails_by_threshold(obs, tmp_path):
    ok = runner.invoke(app, ["eval", str(DATA / "mini_eval.jsonl"), "--report", str(tmp_path / "r.json")])
    assert ok.exit_code == 0, ok.output
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["summary"]["cases"] == 4 and report["summary"]["answer_accuracy"] == 1.0
    bad = runner.invoke(app, ["eval", str(DATA / "failing_eval.jsonl"), "--report", str(tmp_path / "f.json")])
    assert bad.exit_code == 1


def test_chat_console_script_with_follow_up(obs):
    """The installed `aeiou chat` in a real process, questions on stdin as a user would type them."""
    script = Path(sys.executable).with_name("aeiou")
    result = subprocess.run(
        [str(script), "chat"],
        input="Where is M51?\nwhich constellation is it in?\n/quit\n",
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert result.returncode == 0, result.stderr
    assert "Canes Venatici" in result.stdout


def test_ui_rejects_malformed_auth_before_starting(monkeypatch):
    import aeiou_agent.ui

    launched = []
    monkeypatch.setattr(aeiou_agent.ui, "launch", lambda **kwargs: launched.append(kwargs))
    result = runner.invoke(app, ["ui", "--auth", "alice"])
    assert result.exit_code == 2 and "user:password" in result.output and not launched
    result = runner.invoke(app, ["ui", "--port", "7999", "--auth", "alice:secret"])
    assert result.exit_code == 0, result.output
    assert launched == [{"host": "127.0.0.1", "port": 7999, "auth": ("alice", "secret"), "concurrency": 4}]


def test_user_mistakes_end_with_a_message_not_a_traceback(obs):
    """Issue 18, U2: 'aeiou show no-such-run' and a huge '-n' printed full tracebacks."""
    env = {**os.environ, "COLUMNS": "200"}
    shown = subprocess.run(
        [sys.executable, "-m", "aeiou_agent.cli", "show", "no-such-run"], capture_output=True, text=True, env=env
    )
    assert shown.returncode == 1 and "no run with id 'no-such-run'" in shown.stderr
    assert "Traceback" not in shown.stderr + shown.stdout
    logged = runner.invoke(app, ["log", "-n", "99999999999999999999"])
    assert logged.exit_code == 2 and "Invalid value" in logged.output
