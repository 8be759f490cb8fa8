"""Evaluation: question sets as data (JSONL), small evaluator functions, a runner that writes a report.

A case looks like::

    {"id": "cone-01", "family": "catalog", "question": "...", "setup": ["earlier question in the chat"],
     "expect": {"status": "answered", "tools": ["cone_search"] (an item may be a list of alternatives),
                "args": {"cone_search": {"radius_deg": 5, "target": "M45"}},
                "numbers": [{"value": 7, "tol": 0}], "contains": ["Lyra"]}}

``status`` may be a list of acceptable statuses (a refusal is ``["not_understood", "refused"]``);
``starts_with`` lists phrases one of which must open the answer (the direct answer first: "Yes", a date);
``artifacts`` lists file kinds the answer must carry ("image/png" for a question that asks for a plot).

Object-name arguments match when both names resolve to the same catalog object ('M45' = 'Pleiades').
"""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aeiou_agent.compose import numbers_in_text

if TYPE_CHECKING:
    from aeiou_agent import Answer, Observatory

OBJECT_ARGS = {"name", "target", "target_1", "target_2"}


def load_cases(path: Path) -> list[dict[str, Any]]:
    """Cases of a JSONL question set (blank lines and lines starting with # are skipped)."""
    cases = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not valid JSON: {exc}") from None
        if "question" not in case or "id" not in case:
            raise ValueError(f"{path}:{number}: a case needs 'id' and 'question'")
        cases.append(case)
    return cases


def check_tools(answer: Answer, expected: list[str | list[str]] | None) -> tuple[bool, str]:
    """Were the expected tools called (each item: a tool or a list of acceptable alternatives)?"""
    if expected is None:
        return True, ""
    called = [c.tool for c in answer.calls]
    if not expected:
        return (not called), ("" if not called else f"expected no tool call, got {called}")
    for item in expected:
        options = [item] if isinstance(item, str) else item
        if not any(o in called for o in options):
            return False, f"expected {options}, got {called}"
    return True, ""


def _same_object(obs: Observatory, a: str, b: str) -> bool:
    names = obs.store.names
    ref_a, ref_b = names.lookup(a), names.lookup(b)
    if ref_a is not None and ref_b is not None:
        return ref_a == ref_b
    return a.strip().lower() == b.strip().lower()


def _same_value(obs: Observatory, key: str, got: Any, want: Any) -> bool:
    if isinstance(want, int | float) and not isinstance(want, bool):
        return isinstance(got, int | float) and abs(float(got) - float(want)) <= 1e-6 * max(1.0, abs(float(want)))
    if isinstance(want, str) and isinstance(got, str):
        if key in OBJECT_ARGS:
            return _same_object(obs, got, want)
        return got.strip().lower() == want.strip().lower()
    return bool(got == want)


def check_args(obs: Observatory, answer: Answer, expected: dict[str, dict[str, Any]] | None) -> tuple[bool | None, str]:
    """Do the calls of each named tool carry the expected argument values? None when nothing is expected."""
    if not expected:
        return None, ""
    for tool, wanted in expected.items():
        calls = [c for c in answer.calls if c.tool == tool]
        if not calls:
            return False, f"no call of {tool}"
        if not any(all(_same_value(obs, k, c.args.get(k), v) for k, v in wanted.items()) for c in calls):
            got = {k: calls[0].args.get(k) for k in wanted}
            return False, f"{tool} args {got} != {wanted}"
    return True, ""


def check_answer(answer: Answer, expect: dict[str, Any]) -> tuple[bool, list[str]]:
    """Status, numbers (with tolerance) and phrases the answer text must contain."""
    problems = []
    status = expect.get("status", "answered")
    statuses = [status] if isinstance(status, str) else status
    if answer.status not in statuses:
        problems.append(f"status {answer.status} != {status}")
    starts = expect.get("starts_with")
    if starts and not any(answer.text.lstrip("*_ ").lower().startswith(s.lower()) for s in starts):
        problems.append(f"answer does not start with {starts}")
    kinds = {a.kind for a in answer.artifacts}
    for kind in expect.get("artifacts", []):
        if kind not in kinds:
            problems.append(f"no {kind} artifact")
    numbers = [value for _token, value, _tol in numbers_in_text(answer.text)]
    for item in expect.get("numbers", []):
        want, tol = float(item["value"]), float(item.get("tol", 0.0))
        rel = float(item.get("rel", 0.0))
        allowed = max(tol, rel * abs(want))
        if not any(abs(v - want) <= allowed + 1e-9 for v in numbers):
            problems.append(f"number {want}±{allowed:g} not in answer")
    lowered = answer.text.lower()
    for phrase in expect.get("contains", []):
        options = [phrase] if isinstance(phrase, str) else phrase
        if not any(o.lower() in lowered for o in options):
            problems.append(f"text lacks {options}")
    for phrase in expect.get("not_contains", []):
        if phrase.lower() in lowered:
            problems.append(f"text contains {phrase!r}")
    return not problems, problems


def check_sources(answer: Answer, expected: list[str] | None) -> dict[str, Any]:
    """Retrieval rank of the expected sources and whether the answer cites them first.

    ``expected`` empty means the question is unanswerable: the answer must cite no paper.
    """
    if expected is None:
        return {}
    result: dict[str, Any] = {}
    ranked = next(
        (c.result.get("ranked_sources") for c in answer.calls if c.tool == "search_literature" and c.result), None
    )
    if expected and ranked is not None:
        rank = next((i for i, source in enumerate(ranked, start=1) if source in expected), None)
        result["rank"] = rank
        result["hit_at_5"] = rank is not None and rank <= 5
        result["reciprocal_rank"] = 1.0 / rank if rank else 0.0
    if expected:
        result["citation_ok"] = bool(answer.citations) and answer.citations[0].id in expected
    else:
        result["citation_ok"] = not any(c.kind == "paper" for c in answer.citations)
    return result


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def run_eval(
    obs: Observatory,
    path: Path,
    *,
    report_path: Path | None = None,
    progress: bool = False,
    without_verbatim_examples: bool = False,
) -> dict[str, Any]:
    """Run every case of ``path`` and return (and write) the report.

    With ``without_verbatim_examples``, routing examples that are one of the set's questions word for word are
    dropped first (the generalisation check); the report says how many.
    """
    cases = load_cases(Path(path))
    dropped = None
    if without_verbatim_examples:
        from aeiou_agent.planning.semantic import SemanticPlanner

        semantic = getattr(obs.planner, "fallback", obs.planner)
        if not isinstance(semantic, SemanticPlanner):
            raise TypeError("the generalisation check needs the semantic planner (or an LLM planner's fallback)")
        questions = [c["question"] for c in cases] + [q for c in cases for q in c.get("setup", [])]
        dropped = semantic.without_examples(questions)
    obs.warm_up()
    results = []
    iterator: Any = cases
    if progress:
        from rich.progress import track

        iterator = track(cases, description=f"evaluating {Path(path).name}", transient=True)
    for case in iterator:
        session = obs.chat()
        for earlier in case.get("setup", []):
            session.ask(earlier)
        answer = session.ask(case["question"])
        expect = case.get("expect", {})
        tool_ok, tool_problem = check_tools(answer, expect.get("tools"))
        args_ok, args_problem = check_args(obs, answer, expect.get("args"))
        answer_ok, answer_problems = check_answer(answer, expect)
        sources = check_sources(answer, expect.get("sources"))
        if sources and not sources["citation_ok"]:
            answer_ok = False
            answer_problems.append(f"cites {[c.id for c in answer.citations][:3]}, expected {expect['sources']}")
        problems = [p for p in (tool_problem, args_problem, *answer_problems) if p]
        results.append(
            {
                "id": case["id"],
                "family": case.get("family", ""),
                "question": case["question"],
                "tools": [c.tool for c in answer.calls],
                "args": [c.args for c in answer.calls],
                "status": answer.status,
                "planner": answer.planner,
                "tool_ok": tool_ok,
                "args_ok": args_ok if args_ok is not None else True,
                "args_checked": args_ok is not None,
                "answer_ok": answer_ok,
                "grounded": answer.grounded,
                "ms": answer.ms,
                "run_id": answer.run_id,
                "problems": problems,
                "text": answer.text,
                "tags": case.get("tags", []),
                "expects_refusal": expects_refusal(expect),
                "refused": answer.status in REFUSAL_STATUSES and not answer.calls,
                **({"sources": sources} if sources else {}),
            }
        )
    latencies = [r["ms"] for r in results]
    checked_args = [r for r in results if r["args_checked"]]
    answered = [r for r in results if r["status"] == "answered"]
    families: dict[str, dict[str, float]] = {}
    for family in sorted({r["family"] for r in results}):
        rows = [r for r in results if r["family"] == family]
        families[family] = {
            "cases": len(rows),
            "tool_selection_accuracy": sum(r["tool_ok"] for r in rows) / len(rows),
            "answer_accuracy": sum(r["answer_ok"] for r in rows) / len(rows),
        }
    summary = {
        "cases": len(results),
        "tool_selection_accuracy": sum(r["tool_ok"] for r in results) / max(1, len(results)),
        "argument_accuracy": sum(r["args_ok"] for r in checked_args) / len(checked_args) if checked_args else None,
        "argument_cases": len(checked_args),
        "answer_accuracy": sum(r["answer_ok"] for r in results) / max(1, len(results)),
        "grounding_rate": sum(r["grounded"] for r in answered) / max(1, len(answered)),
        "latency_ms_p50": statistics.median(latencies) if latencies else 0.0,
        "latency_ms_p95": _percentile(latencies, 95),
        "by_family": families,
        **_source_metrics(results),
        **_refusal_metrics(results),
        **_tag_metrics(results),
        "planner": obs.planner.describe(),
        "verbatim_examples_dropped": dropped,
        "fallback_rate": (
            sum(r["planner"].endswith("(fallback)") for r in results) / max(1, len(results))
            if obs.planner.name == "llm"
            else None
        ),
    }
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    report_path = (
        report_path
        or obs.settings.home / "reports" / f"eval-{re.sub(r'[^A-Za-z0-9_-]', '_', Path(path).stem)}-{stamp}.json"
    )
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report = {"question_set": str(path), "created_at": stamp, "summary": summary, "cases": results}
    report_path.write_text(json.dumps(report, indent=2, default=str))
    report["report_path"] = str(report_path)
    return report


REFUSAL_STATUSES = ("not_understood", "refused")


def expects_refusal(expect: dict[str, Any]) -> bool:
    """A case whose only right answer is a refusal: refusal statuses and no tool call."""
    status = expect.get("status", "answered")
    statuses = {status} if isinstance(status, str) else set(status)
    return bool(statuses) and statuses <= set(REFUSAL_STATUSES) and expect.get("tools") == []


def _refusal_metrics(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision and recall of refusing, and how often a question that should be answered was refused."""
    should = [r for r in results if r["expects_refusal"]]
    if not should:
        return {}
    refused = [r for r in results if r["refused"]]
    in_scope = [r for r in results if not r["expects_refusal"]]
    return {
        "refusal_cases": len(should),
        "refusal_recall": sum(r["refused"] for r in should) / len(should),
        "refusal_precision": sum(r["expects_refusal"] for r in refused) / len(refused) if refused else None,
        "in_scope_refused_rate": sum(r["refused"] for r in in_scope) / len(in_scope) if in_scope else None,
    }


def _tag_metrics(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Answer accuracy per tag (the class of question: typo, multi_part, follow_up, ...)."""
    tags = sorted({t for r in results for t in r["tags"]})
    if not tags:
        return {}
    by_tag = {}
    for tag in tags:
        rows = [r for r in results if tag in r["tags"]]
        by_tag[tag] = {
            "cases": len(rows),
            "answer_accuracy": sum(r["answer_ok"] and r["tool_ok"] for r in rows) / len(rows),
        }
    return {"by_tag": by_tag}


def _source_metrics(results: list[dict[str, Any]]) -> dict[str, Any]:
    """recall@5 and MRR of retrieval, and citation accuracy, over the cases that name expected sources."""
    with_sources = [r["sources"] for r in results if "sources" in r]
    if not with_sources:
        return {}
    ranked = [s for s in with_sources if "hit_at_5" in s]
    return {
        "retrieval_cases": len(ranked),
        "recall_at_5": sum(s["hit_at_5"] for s in ranked) / len(ranked) if ranked else None,
        "mrr": sum(s["reciprocal_rank"] for s in ranked) / len(ranked) if ranked else None,
        "citation_cases": len(with_sources),
        "citation_accuracy": sum(s["citation_ok"] for s in with_sources) / len(with_sources),
    }
