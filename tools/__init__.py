"""Tool families. Importing this package registers every tool in the default registry."""

from aeiou_agent.tools import catalog, cosmology, ephemeris, generative, literature, places, simulate, sky

__all__ = ["catalog", "cosmology", "ephemeris", "generative", "literature", "places", "simulate", "sky"]
