"""The core question set meets the issue's targets; evaluators behave."""

from __future__ import annotations

from pathlib import Path

import pytest

from aeiou_agent.answer import Answer, ToolCall
from aeiou_agent.evals import check_answer, check_tools, load_cases, run_eval

CORE = Path(__file__).parents[1] / "evals" / "core.jsonl"


def test_core_set_is_large_and_covers_every_family():
    cases = load_cases(CORE)
    assert len(cases) >= 150
    assert {c["family"] for c in cases} >= {"catalog", "sky", "cosmology", "ephemeris", "bad_input", "chat"}


@pytest.mark.parametrize("question_set", sorted(CORE.parent.glob("*.jsonl")), ids=lambda p: p.stem)
def test_every_question_set_meets_targets(obs, tmp_path, question_set):
    report = run_eval(obs, question_set, report_path=tmp_path / "report.json")
    summary = report["summary"]
    failures = [(c["id"], c["problems"]) for c in report["cases"] if not (c["tool_ok"] and c["answer_ok"])]
    assert summary["tool_selection_accuracy"] >= 0.97, failures
    assert summary["answer_accuracy"] >= 0.95, failures
    assert summary["grounding_rate"] >= 0.95


def test_evaluators():
    answer = Answer(question="q", text="It is 7.68 pc away in Lyra.", calls=[ToolCall(tool="constellation", args={})])
    assert check_tools(answer, [["resolve_object", "constellation"]])[0]
    assert not check_tools(answer, ["cone_search"])[0]
    assert check_answer(answer, {"numbers": [{"value": 7.68}], "contains": ["lyra"]})[0]
    ok, problems = check_answer(answer, {"numbers": [{"value": 7.7, "tol": 0.01}], "status": "refused"})
    assert not ok and len(problems) == 2
