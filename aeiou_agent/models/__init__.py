"""Generative models, simulators and emulators: torch/numpy modules, training entry points, shipped weights."""
