"""Planner-level intents, shared answer macros and LLM prompts (YAML, Markdown), shipped as package data."""
