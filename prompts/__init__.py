"""Planner utterances and answer templates (YAML), shipped as package data."""
