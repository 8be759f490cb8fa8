"""Planner-level intents, shared answer macros and LLM prompts (YAML, Markdown), shipped as package data."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


def parse_yaml(text: str) -> Any:
    """YAML text parsed safely, with libyaml's C parser when the wheel has it (ten times faster at a cold start)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


@cache
def prompt_yaml(name: str) -> Any:
    """A YAML file of this package ('intents.yaml'), parsed once per process."""
    return parse_yaml(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
