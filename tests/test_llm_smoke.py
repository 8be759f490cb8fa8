"""Slow smoke test: the whole LLM pipeline on a real small local model (SmolLM2-135M-Instruct, GGUF, CPU).

Quality is not asserted (a 135M model rarely follows the tool protocol); validity is: the model loads from the
package without a hub, its prompt carries the tool documentation, its replies are recorded, and every question
ends in an answer from it or from the semantic fallback, never a crash.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aeiou_agent import Observatory
from aeiou_agent.planning.llm import LLMPlanner, chat_model

pytestmark = pytest.mark.slow


def test_smollm2_runs_the_pipeline_end_to_end(home: Path) -> None:
    obs = Observatory(home, llm=chat_model("hf:smollm2"))
    assert isinstance(obs.planner, LLMPlanner) and obs.planner.tool_protocol == "text"
    for question in ("How old was the universe at z = 3?", "Which constellation is Betelgeuse in?"):
        answer = obs.ask(question)
        assert answer.status == "answered"
        assert answer.planner in {"llm", "semantic (fallback)"}
        run = obs.show(answer.run_id)
        assert run["planner"]["model"].endswith(".gguf") and run["planner"]["endpoint"] == "local"
        transcript = run["transcript"]
        assert "- cone_search(" in transcript[0]["content"]
        asked = next(i for i, m in enumerate(transcript) if m["role"] == "human" and m["content"] == question)
        assert transcript[1]["content"] == "Where is M31?"  # the worked examples come first
        reply = transcript[asked + 1]
        assert reply["role"] == "ai" and reply["content"].strip()
        if answer.planner.endswith("(fallback)"):
            assert "Answered by the semantic planner because the LLM planner" in answer.text
        else:
            assert answer.calls and all(c.tool in obs.registry for c in answer.calls)
