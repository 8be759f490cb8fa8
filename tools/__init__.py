"""Tool families. Importing this package registers every tool in the default registry."""

from aeiou_agent.tools import (
    archives,
    catalog,
    cosmology,
    deep_fields,
    ephemeris,
    finder,
    generative,
    literature,
    places,
    simulate,
    sky,
    spectra,
    user_catalogs,
)

__all__ = [
    "archives",
    "catalog",
    "cosmology",
    "deep_fields",
    "ephemeris",
    "finder",
    "generative",
    "literature",
    "places",
    "simulate",
    "sky",
    "spectra",
    "user_catalogs",
]
