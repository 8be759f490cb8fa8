"""Hostile SQL through the tool and through ``ask``: nothing outside the catalog tables is read, nothing is written.

Issue 18's standing suite (SQL part): system catalogs named directly and shadowed by CTEs in every scope, file and
network reads, settings and secrets, stacked statements, writes, and resource bombs. Every statement must come back
as a typed refusal or error, or as rows that hold none of the canaries (the store's path, settings, file contents);
every one is in the ledger; the store file never changes. Time and memory per statement are measured by
benchmarks/hostile_sql.py, not asserted here.

    make test-adversarial
"""

from __future__ import annotations

import hashlib
import json

import pytest
from hostile_sql_corpus import CASES, STATEMENTS

pytestmark = pytest.mark.adversarial

ALLOWED_ERRORS = {"UnsafeQuery", "QueryTimeout", "ToolFailed", "ValidationError", "InvalidArguments"}


def _canaries(obs) -> list[str]:  # type: ignore[no-untyped-def]
    """Strings that only a read outside the catalog tables could return."""
    return [
        str(obs.settings.home),
        str(obs.settings.store_path),
        "root:x:0:0",
        "enable_external_access",
        "memory_limit",
        "lock_configuration",
        "home_directory",
    ]


def test_the_suite_is_big_enough():
    assert len(STATEMENTS) >= 300 and len(set(STATEMENTS)) == len(STATEMENTS)


@pytest.fixture(scope="module")
def store_digest(obs):  # type: ignore[no-untyped-def]
    digest = hashlib.sha256(obs.settings.store_path.read_bytes()).hexdigest()
    yield digest
    assert hashlib.sha256(obs.settings.store_path.read_bytes()).hexdigest() == digest  # nothing was written


@pytest.mark.parametrize(("statement", "must_refuse"), CASES, ids=range(len(CASES)))
def test_hostile_sql_through_the_tool(obs, store_digest, statement, must_refuse):
    run = obs.call_tool("sql_query", {"query": statement, "max_rows": 10_000})
    recorded = obs.show(run.run_id)
    assert recorded["question"] or recorded["calls"]  # every call is in the ledger
    if must_refuse:  # refused before it runs: rows of '1' from information_schema.columns still tell its size
        assert run.call.error_type in {"UnsafeQuery", "InvalidArguments"}, (statement, run.call.summary)
    if run.call.error is not None:
        assert run.call.error_type in ALLOWED_ERRORS, (run.call.error_type, run.call.error)
        assert "Traceback" not in run.call.error
        return
    shown = json.dumps(run.call.result, default=str)[:2_000_000]
    for canary in _canaries(obs):
        assert canary not in shown, f"{statement!r} returned {canary!r}"
    assert set(run.call.result["executed_sql"].lower().split()) & {"select", "with"}


@pytest.mark.parametrize("statement", STATEMENTS[::6], ids=range(len(STATEMENTS[::6])))
def test_hostile_sql_through_ask(obs, store_digest, statement):
    answer = obs.ask(statement)
    assert obs.show(answer.run_id)["status"] == answer.status  # recorded, not raised
    for canary in _canaries(obs):
        assert canary not in answer.text, f"{statement!r} answered with {canary!r}"
