"""Calibrate the semantic planner's refusal threshold on the question sets and report precision and recall.

A question is refused when the planner makes no call and says it can't answer (out of scope, a fact no tool
has, an action it must not take, gibberish). A case expects a refusal when its only right answer is one
(refusal statuses and no tool call). For each similarity threshold below which the planner refuses, this prints
refusal precision, recall and the share of answerable questions refused, and picks the threshold with the best
recall among those that refuse at most 2% of answerable questions with a precision of at least 0.95.

    python evals/calibrate_refusal.py [evals/dev.jsonl evals/core.jsonl ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from aeiou_agent import Observatory
from aeiou_agent.evals import expects_refusal, load_cases
from aeiou_agent.planning import ChatContext, semantic

REFUSALS = {"out_of_scope", "unsupported", "refused_action", "gibberish", "other_language", "injection", "empty"}
SETS = ["dev", "core", "holdout", "holdout2", "literature"]


def refused(plan: semantic.Plan) -> bool:
    return not plan.calls and plan.intent in REFUSALS


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [Path(__file__).with_name(f"{name}.jsonl") for name in SETS]
    obs = Observatory()
    planner = obs.planner
    assert isinstance(planner, semantic.SemanticPlanner)
    cases = [case for path in paths for case in load_cases(path)]
    contexts: list[ChatContext] = []
    for case in cases:  # a chat's earlier turns are answered once, for their context
        context = ChatContext()
        for earlier in case.get("setup", []):
            obs.ask(earlier, context=context)
        contexts.append(context)
    print(f"{len(cases)} cases from {', '.join(p.name for p in paths)}")
    print("threshold  precision  recall  in-scope refused")
    rows = []
    for threshold in (0.30, 0.35, 0.40, 0.45, 0.50, 0.55):
        semantic.MIN_CONFIDENCE = threshold
        hits = false_alarms = misses = answerable = 0
        for case, context in zip(cases, contexts, strict=True):
            plan = planner.plan(case["question"], _copy(context))
            expected = expects_refusal(case.get("expect", {}))
            answerable += not expected
            if refused(plan):
                hits += expected
                false_alarms += not expected
            else:
                misses += expected
        precision = hits / max(1, hits + false_alarms)
        recall = hits / max(1, hits + misses)
        rate = false_alarms / max(1, answerable)
        rows.append((threshold, precision, recall, rate))
        print(f"  {threshold:.2f}      {precision:.3f}    {recall:.3f}   {rate:.3f} ({false_alarms} of {answerable})")
    usable = [r for r in rows if r[3] <= 0.02 and r[1] >= 0.95]
    best = max(usable, key=lambda r: (r[2], r[1], -abs(r[0] - semantic.DEFAULT_MIN_CONFIDENCE))) if usable else None
    print(f"best: {best[0] if best else 'none'} (in use: {semantic.DEFAULT_MIN_CONFIDENCE})")


def _copy(context: ChatContext) -> ChatContext:
    return ChatContext(
        **{
            k: (list(v) if isinstance(v, list) else dict(v) if isinstance(v, dict) else v)
            for k, v in vars(context).items()
        }
    )


if __name__ == "__main__":
    main()
