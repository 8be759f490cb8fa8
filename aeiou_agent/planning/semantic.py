"""The SemanticPlanner: the offline default. One parse of the question, then a tool chosen by similarity and coverage.

1. The question is parsed once (:mod:`aeiou_agent.planning.parse`): keywords corrected, positions, numbers in
   their roles, what is asked, facts no tool has, actions AEIOU must not take.
2. Refusals that no routing changes come first, each saying why and what AEIOU can do.
3. Routing picks an *intent* (a tool, or a small plan such as resolve → parallax distance): MiniLM similarity
   to the examples every tool declares, then — among the most similar — the intent whose arguments (by their
   declared kinds) take most of the question's constraints and that provides what is asked.
4. A question that asks several things about one object gets a part per tool.
5. Arguments come from the parse, from the chat context for real follow-ups, or not at all: when something
   required is missing the plan says what to add instead of guessing; a constraint no call uses is named.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import hashlib
import json
import math
import re
import typing
from collections.abc import Callable
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import numpy as np
import yaml

from aeiou_agent._json import file_version, json_cached
from aeiou_agent.exceptions import UserError
from aeiou_agent.knowledge import embedder
from aeiou_agent.knowledge.store import MIN_SIMILARITY, KnowledgeStore, relevant_passages
from aeiou_agent.planning import ChatContext, Plan, PlannedCall, Ref, map_refs
from aeiou_agent.planning import arguments as extract
from aeiou_agent.planning.parse import (
    KEYWORDS,
    OF_MAGNITUDE,
    PHYSICAL_SIZES,
    RADIAL_VELOCITIES_OF_STARS,
    REQUEST,
    SPECTRAL_TYPES,
    MagnitudeLimit,
    Parsed,
    closest_word,
    find_catalog_name,
    find_column_conditions,
    find_positions,
    is_word,
    parse_question,
    question_word_slip,
    with_slips_mended,
    without_actions,
    without_work_words,
)
from aeiou_agent.registry import Registry, default_registry
from aeiou_agent.spelling import typing_slip
from aeiou_agent.store import Store
from aeiou_agent.store.names import ARCHIVE_DESIGNATION, Mention, NameIndex, ObjectRef, body_label, normalize
from aeiou_agent.timeparse import find_when, zone_offset_hours

if TYPE_CHECKING:
    from aeiou_agent.tools.ephemeris import Site

MULTIMODAL_TOOLS = (
    "predict_galaxy_parameters",
    "edit_galaxy",
    "similar_galaxies",
    "rank_anomalies",
    "sample_galaxy_pairs",
)
# The tools for catalogs users add (``aeiou catalog add``); a question naming one is planned among these.
ADDED_CATALOG_TOOLS = ("search_user_catalog", "crossmatch_catalogs", "describe_user_catalog")
# The store's tables an added catalog can be cross-matched with, as questions name them.
LOCAL_CATALOG_WORDS = (
    ("hipparcos", r"\bhipparcos\b|\bHIP\b"),
    ("ngc", r"\b(ngc|ic|openngc|new general catalog(ue)?)\b"),
)
# 'select from mysurvey where g < 18' names no columns: a request for rows, not SQL to run as written
_SELECT_WITHOUT_COLUMNS = re.compile(r"\s*select\s+from\b", re.IGNORECASE)
_PARSED: contextvars.ContextVar[Parsed] = contextvars.ContextVar("parsed_question")
# Intents about one named object, and what the parse may ask of it (for multi-part questions).
OBJECT_FACTS = frozenset(
    {"kind", "size", "colour", "parallax", "hip_number", "proper_motion", "redshift", "morphology", "brightness"}
)
# The object facts a question may ask for, as the answer names them when the tool used cannot give them.
OBJECT_FACTS_SAID = {
    "brightness": "brightness (magnitude)",
    "colour": "colour (B−V)",
    "parallax": "parallax",
    "proper_motion": "proper motion",
    "redshift": "redshift",
    "morphology": "morphological type",
    "hip_number": "Hipparcos number",
}
OBJECT_INTENTS = frozenset(
    {"resolve_object", "object_info", "constellation", "star_distance", "parallax_distance", "convert_coordinates"}
)
# Intents about the Sun, the Moon or a planet at a time, for multi-part questions ('the Moon's phase and moonrise').
BODY_INTENTS = frozenset({"body_position", "rise_set", "moon_phase", "observability"})
# What the position tool gives only from a site: asked without one, the planner asks which site
SITE_FACTS = frozenset({"altitude", "airmass", "hour_angle"})
MAGNITUDE_TOOLS = frozenset({"magnitude_distance", "sql_query", "whats_up"})
CONDITION_TOOLS = frozenset({"cone_search", "find_objects"})  # catalog searches that take column conditions
CATALOG_NAMES = {"hipparcos": "Hipparcos", "ngc": "OpenNGC"}
NOT_TOOLS = ("capabilities", "out_of_scope")
PLANNED_KINDS = {"star_distance": ("object",)}  # intents that are plans of several tools, by what they take
# What the rest of a population is called, for a share asked by its complement ('only disc galaxies': no bulges).
COMPLEMENTARY_KINDS = {"bulge": ("disc", "disk", "spiral", "exponential", "late-type")}
IDENTIFY_RADIUS_DEG = 0.1  # 'what is at <position>': catalogued objects this close
_WHAT_IS_AT = re.compile(
    r"\bwhat(?:'s| is| lies| object is| objects? are)? (?:at|there at)\b|\b(?:anything|something) at\b"
)
# asked of a position given before it: '13 29 52.7 +47 11 43 — which object is that?'
_WHICH_OBJECT_IS_THAT = re.compile(
    r"\b(?:which|what)(?: kind of)? (?:object|galaxy|star|nebula|cluster|source)s? (?:is|are|lies|lie|sits?) "
    r"(?:that|this|there|it)\b|\bidentify (?:it|this|that|the (?:object|source))\b"
)
COVERAGE_MARGIN = 0.12  # how far below the most similar intent a candidate may be
FILTER_KINDS = {"column_condition", "parallax_limit", "magnitude_limit"}  # constraints that select rows
COUNT_ARGS = frozenset({"limit", "count", "count_per_index", "k", "max_rows"})
COUNT_FREE_TOOLS = frozenset({"sql_query"})
ISO_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")
# Below this best similarity the planner says it cannot answer. Calibrated with evals/calibrate_refusal.py on the
# question sets (783 cases, 2026-11-30): 0.40 refuses 95.1% of what should be refused at precision 0.990 and 0.1%
# of answerable questions; 0.50 gains 1% recall for precision 0.933.
DEFAULT_MIN_CONFIDENCE = MIN_CONFIDENCE = 0.40
# Tools whose time argument is the night at a site (find_objects: what is visible from there): no use without a place
TIME_NEEDS_PLACE = frozenset({"find_objects"})
# A request to improve an image ('enhance …', 'can you denoise …', '… of this cutout'), not a question about it.
ENHANCE_REQUEST = re.compile(
    r"^\W*(?:please\s+|now\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:enhance|de-?noise|improve|"
    r"boost|sharpen|deblur|clean\s+up)\b|\b(?:this|that|the\s+same|my)\s+(?:[\w-]+\s+){0,2}(?:cutout|stamp|image)\b"
)
_TIME_OF_RIGHT_ASCENSION = re.compile(
    r"\b(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\s+of\s+(?:ra|right\s+ascension|time)\b", re.IGNORECASE
)


def _arc_unit_meant(unit: str, other: str, text: str) -> str:
    """'minutes' beside an angle ('2 degrees to minutes') are arcminutes, unless of right ascension or of time.

    Hours beside an angle stay hours: the conversion reads them as right ascension (1 h = 15°).
    """
    import astropy.units as u

    from aeiou_agent.tools.sky import parse_unit

    if _TIME_OF_RIGHT_ASCENSION.search(text):
        return unit
    try:
        this, that = parse_unit(unit), parse_unit(other)
    except UserError:
        return unit
    if that.physical_type == "angle" and this in (u.min, u.s):
        return "arcmin" if this == u.min else "arcsec"
    return unit


_TIME_SHIFT = re.compile(
    r"\b(an?|one|two|three|four|five|six|\d+(?:\.\d+)?)\s+(minute|hour|day|night|week)s?\s+"
    r"(later|earlier|before|after|on|afterwards)\b"
    r"|\b(?:the )?(next|following|previous) (?:day|night)\b|\bthe day (after|before)\b"
)


def _time_shift(lowered: str) -> dt.timedelta | None:
    """How far a follow-up moves the conversation's moment: 'the next day', 'an hour later', '30 minutes earlier'."""
    shift = _TIME_SHIFT.search(lowered)
    if shift is None:
        return None
    count, unit, direction, next_or_previous, after_or_before = shift.groups()
    if unit is None:  # 'the next day', 'the previous night', 'the day before'
        count, unit, direction = "1", "day", next_or_previous or after_or_before
    amount = {**extract.NUMBER_WORDS, "a": 1, "an": 1}.get(count) or float(count)
    step = dt.timedelta(**{{"night": "days", "week": "weeks"}.get(unit, unit + "s"): amount})
    return -step if direction in ("earlier", "before", "previous") else step


FOLLOW_UP = re.compile(
    r"^\s*(and|what about|how about|same for|same but|(the )?same (moment|time|night|day|date|thing|question|again)|"
    r"again|now|also|then|only|"
    r"just|instead|with|but|ok(ay)?,? (and|what about)|make it|try|switch to|(change|set) (it|that|this|the \w+) to|"
    r"(widen|increase|decrease|reduce|extend|shrink|enlarge) (it|that|this|the \w+))\b|\binstead\b",
    re.IGNORECASE,
)
_IT = re.compile(r"(?<!n't )(?<!n’t )\b(it's|it’s|its|it)\b", re.IGNORECASE)  # not a tag's "isn't it?"
_ITS_FACT = re.compile(  # "it's" before a fact is a misspelled 'its' ("is it's magnitude below 6?")
    r"\bit['’]s\s+(?=(?:apparent\s+|absolute\s+|v\s+|b-v\s+)?(?:magnitude|mag|distance|parallax|colou?r|size|redshift"
    r"|position|coordinates|constellation|type|brightness|proper\s+motion|declination|dec|ra|right\s+ascension)\b)",
    re.IGNORECASE,
)
# epochs named instead of a redshift: the cosmology gives their redshift ('how old was the universe when the CMB was
# released?')
_NAMED_EPOCHS = (
    (
        r"\brecombination\b|\blast[- ]scattering\b|\bdecoupling\b|\bcmb\b.*\b(?:released|emitted|formed|was\s+made"
        r"|decoupled|came\s+from|originated)\b|\b(?:released|emitted)\b.*\b(?:cmb|cosmic\s+microwave\s+background)\b",
        "recombination",
    ),
    (r"\b(?:matter[- ]radiation|radiation[- ]matter)\s+equality\b|\bequality\s+epoch\b", "matter_radiation_equality"),
)


def _named_epoch(text: str) -> str | None:
    """The epoch a question names instead of a redshift ('when the CMB was released': recombination), or None."""
    lowered = text.lower()
    return next((name for pattern, name in _NAMED_EPOCHS if re.search(pattern, lowered)), None)


# a component letter after a star's name ('Sirius B', 'Alpha Centauri C'), not a band ('Vega B magnitude', 'B-V')
_COMPANION = re.compile(r"\s+([BCD])\b(?!\s*[-−–]\s*V\b|\s*(?:-?band|mag|magnitude)s?\b)")
# quantities only a cosmology gives: a question naming one is for the calculator, whatever else it names
_COSMOLOGY_ONLY = frozenset(
    {
        "luminosity_distance",
        "angular_diameter_distance",
        "comoving_distance",
        "comoving_volume",
        "lookback_time",
        "hubble_parameter",
        "scale_factor",
        "critical_density",
    }
)
# small talk, the whole message: 'thanks!', 'thank you, that was helpful', 'hello', 'great', 'bye'
_SOCIAL = re.compile(
    r"\W*(?:(?:ok(?:ay)?|oh|ah|wow|great|perfect|cool|nice|awesome|excellent|brilliant|super|good|lovely|fantastic)"
    r"[\s,!.]*)*(?:(?:(?P<thanks>thanks?(?:\s+(?:you|a\s+lot|so\s+much|very\s+much))*|thank\s+you(?:\s+(?:so|very)\s+much)?"
    r"|thx|ty|cheers|much\s+appreciated|i\s+appreciate\s+it)|(?P<hello>hello|hi|hey|good\s+(?:morning|afternoon|evening))"
    r"(?:\s+there)?|(?P<bye>bye|goodbye|see\s+you)|great|perfect|cool|nice|awesome|excellent|brilliant|ok(?:ay)?|got\s+it"
    r"|understood|makes\s+sense)[\s,!.]*)+(?:(?:that|this|it)\s+(?:was|is)\s+(?:very\s+|really\s+|so\s+)?"
    r"(?:helpful|useful|great|perfect|interesting)[\s!.]*)?\W*",
    re.IGNORECASE,
)
# a concept asked to be defined, in common words: 'what is dark energy?', 'explain redshift to me'
_DEFINITION = re.compile(
    r"\W*(?:what\s+(?:is|are)|what's|define|explain|describe)\s+(?:an?\s+|the\s+)?[a-z][a-z\s-]*[?.!]*\s*"
)
_NO_NGC_DISTANCES = "OpenNGC lists no distances, so I could not sort by distance: these are by brightness."
ZENITH_STAR_RADIUS_DEG = 10.0  # 'which star is overhead?': the brightest this close to the zenith
_MAKE_IT = re.compile(r"\b(make|makes|making|set|change|do|redo)\s+it\b", re.IGNORECASE)  # a change, not an object
PRONOUN = re.compile(
    r"\b(it|its|it's|this|that|there|them|they|this object|that object|the object|this one|that one)\b", re.IGNORECASE
)
INJECTION = re.compile(
    r"(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+|your\s+|my\s+)?(previous|prior|above|earlier|system|"
    r"your|these)?\s*(instructions?|rules|prompts?|guidelines|directions)|you\s+are\s+now\b|new\s+instructions?:|"
    r"system\s+prompt|developer\s+mode|jailbreak",
    re.IGNORECASE,
)
_FOREIGN_WORDS = {
    "qué",
    "que",
    "dónde",
    "donde",
    "cuál",
    "cuántas",
    "cuantas",
    "está",
    "esta",
    "estrellas",
    "distancia",
    "hay",
    "où",
    "quelle",
    "quel",
    "est",
    "les",
    "des",
    "étoiles",
    "combien",
    "wo",
    "ist",
    "die",
    "der",
    "wie",
    "weit",
    "sterne",
    "welche",
    "entfernt",
    "dove",
    "quanto",
    "stelle",
    "quali",
    "onde",
    "qual",
    "estrelas",
    "fica",
    "waar",
    "hoe",
    "ver",
    "sterren",
    "la",
    "el",
    "los",
    "las",
    "del",
    "une",
    "ein",
    "eine",
    "und",
}
_ENGLISH_WORDS = {
    "what",
    "where",
    "how",
    "is",
    "the",
    "of",
    "which",
    "when",
    "are",
    "many",
    "far",
    "does",
    "do",
    "in",
    "to",
    "a",
    "an",
    "and",
    "tell",
    "me",
    "find",
    "show",
    "list",
    "give",
    "convert",
    "can",
    "stars",
    "star",
    "from",
    "at",
}
_NAME_TRIGGER = re.compile(
    r"\b(?:of|is|about|for|to|around|near|from|called|named|on|locate|find|where's|is the|describe)\s+(?:the\s+)?"
    r"([A-Za-z0-9][A-Za-z0-9'’ \-]{1,60}?)\s*(?:[?.!,;]|$|\s+(?:in the sky|on the sky|located|please|right now|now"
    r"|from earth|away|in light years|in parsecs|in degrees|today|tonight|and|with|according to|in simbad|in ned"
    r"|from simbad|from ned|on simbad|on ned)\b)",
    re.IGNORECASE,
)
_ASKED_FACT = re.compile(
    r"^(?:the\s+)?(?:distance|position|coordinates|location|brightness|magnitude|size|parallax|constellation|"
    r"altitude|redshift)\s+(?:to|of|from|for)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_GROUP_OF_GALAXIES = re.compile(
    r"\b(?:in|of|within|from) (?:the )?(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*)?) (?P<kind>(?i:(?:super)?cluster|group))\b"
)
_FAINTEST = re.compile(r"\b(faintest|dimmest)\b")  # faintest first, in either catalog search
_SUPERLATIVE_FOLLOW_UP = re.compile(  # 'which is the brightest?', 'and the faintest one?', 'which one is closest'
    r"^\W*(?:and\s+)?(?:(?:which|what)(?:\s+(?:one|1))?\s+(?:is|'s|was)\s+)?(?:the\s+)?"  # 'one' may be a digit
    r"(brightest|faintest|dimmest|nearest|closest)(?:\s+(?:one|1))?(?:\s+of\s+(?:them|those|these))?\W*$",
    re.IGNORECASE,
)
_DEGREES_BETWEEN = re.compile(  # an angle between two things: 'how many degrees is the Moon from Jupiter?'
    r"\bhow\s+many\s+(?:degrees|deg|arc\s*-?minutes|arcmin\w*|arc\s*-?seconds|arcsec\w*)\b[^?]*\b(?:from|and)\b"
)
_BY_CONSTELLATION = re.compile(  # a count per constellation, not one list
    r"\b(?:which|what)\s+constellations?\s+(?:has|have|holds?|contains?)\s+the\s+(?:most|largest\s+number)\b"
    r"|\bconstellations?\s+with\s+the\s+(?:most|largest\s+number)\b"
    r"|\b(?:per|in\s+each|for\s+each|by)\s+constellation\b",
    re.IGNORECASE,
)
_THAN_NAMED = re.compile(r"\b(brighter|fainter|dimmer)\s+than\s+(?:the\s+)?$", re.IGNORECASE)
_NEAR_SOMETHING = re.compile(r"\b(near|around|of|from|surround\w*|close to|next to)\s+(the\s+)?[A-Z0-9]")
_NOT_NAMES = {
    "it",
    "this",
    "that",
    "there",
    "here",
    "me",
    "you",
    "us",
    "the sky",
    "earth",
    "the earth",
    "the universe",
    "universe",
    "sky",
    "the observatory",
    "observatory",
    "a star",
    "a galaxy",
    "this object",
}


# 'it', or 'that'/'this' ending the question ('which constellation is that in?'): not 'the paper that learns …'
_POINTS_BACK = re.compile(r"\b(?:it|its|it's)\b|\b(?:that|this)(?:\s+(?:in|on|at|from|one))?\s*\W*$", re.IGNORECASE)
# what 'it'/'that' is asked for when it can only be an object ('how far is it?', 'where is that?')
POINTED_FACTS = OBJECT_FACTS | {"distance", "position", "constellation", "altitude", "rise_set"}
WHICH_OBJECT = (
    "Which object do you mean? I could not find an object name I know in the question "
    "(try a Messier or NGC/IC number, a common name like 'Whirlpool Galaxy', a bright star or 'HIP 32349')."
)


class NeedInfo(Exception):
    """The question lacks something a tool needs; the message says what to add."""


# 'the brightest galaxy', 'the biggest nebula': one object asked for
# 'the nearest star to Vega', 'closest stars to Polaris on the sky': nearest a named object, not the Sun
_NEAREST_TO_OBJECT = re.compile(
    r"\b(?:nearest|closest)\s+(?:\w+\s+){0,2}(?:to|from)\s+(?!(?:the\s+sun|us|earth|the\s+earth)\b)\w"
)
_SUPERLATIVE = r"(brightest|nearest|closest|faintest|biggest|largest|smallest|reddest|bluest|farthest|furthest)"
# one object asked for by a superlative: 'which star is the brightest in Lyra?', 'the biggest nebula'
_ONE_ASKED = re.compile(
    rf"\b{_SUPERLATIVE}\s+((messier|ngc|ic|caldwell|hipparcos|open|globular|star|planetary|spiral|elliptical|emission|"
    r"reflection|dark)\s+)?(star|galaxy|cluster|nebula|object|remnant)\b(?!s)"
    r"|\b(which|what)\s+(star|galaxy|cluster|nebula|object)\s+(is|was)\s+(the\s+)?"
    rf"{_SUPERLATIVE}\b"
)


_ABOUT_PAPERS = re.compile(r"\b(papers?|articles?|authors?|et al|arxiv|publications?|proposed|published)\b", re.I)
# a name as typed: capitalised words, a leading number ('61 Cygin'), a possessive ("Bsrnard's Star")
# or one run into digits or an underscore ('Placnk18', 'Omgea_m')
_CAPITALISED_PHRASE = re.compile(
    r"\b(?:\d{1,3}\s+)?[A-Z][^\W\d_A-Z]+(?:['’]s)?(?:\s+[A-Z][^\W\d_A-Z]+(?:['’]s)?){0,2}(?![^\W\d_])"
)  # letters as Unicode has them: 'Cerro Pachón' whole
# words that put a place after them ('sunset in Lonodn', 'where is Tucsno?': a city when no sky name is as close)
_BEFORE_A_PLACE = re.compile(r"\b(?:in|from|at|near|over|for|where\s+is|where's)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_CORRECTED = {"i", "is", "are", "what", "where", "which", "when", "how", "who", "why", "the", "a", "an"}
# capitalised words of questions that are no objects: catalogs, cosmological parameters, months and days
_OTHER_NAMES = (
    *("Messier", "Hipparcos", "Caldwell", "Omega", "Planck", "Hubble"),
    *("January", "February", "March", "April", "June", "July", "August", "September", "October", "November"),
    *("December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
)


@cache
def _sky_names() -> dict[str, str]:
    """Names a capitalised word may misspell besides an object's: planets, constellations, catalogs, months."""
    from aeiou_agent.store.catalogs import ENGLISH_CONSTELLATION_NAMES, constellation_names

    sky = {body: body.capitalize() for body in extract.SOLAR_SYSTEM_BODIES}
    sky |= {normalize(name): name for name in constellation_names().values()}
    sky |= {normalize(name): name for name in ENGLISH_CONSTELLATION_NAMES}
    return sky | {normalize(word): word for word in _OTHER_NAMES}


def _closest_name(typed: str, names: NameIndex, *, place: bool = True) -> str | None:
    """The one name ``typed`` misspells: an object's, a constellation's, an observatory's, a city's or a catalog's.

    One edit away (a swap of two letters is one) for short names, two from seven letters; None when nothing is that
    close or two names are equally close (of cities, the far bigger one is taken: 'Marid' is Madrid, not Maricá).
    Observatories and cities only where ``place`` (the words put a place there: 'in', 'from', 'at').
    """
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    from aeiou_agent.tools.ephemeris import SITES
    from aeiou_agent.tools.places import big_city_names, city_population

    key = normalize(typed)
    if len(key) < 4:
        return None
    limit = 1 if len(key) < 7 else 2
    sky = _sky_names()
    fuzzy = names.best_fuzzy(typed, max_edits=limit)
    if fuzzy is not None:
        sky = {**sky, normalize(fuzzy[0]): fuzzy[0]}
    # the nearest name, a typing slip before another edit ('in Pars' is Paris, not Mars), then the sky's names before
    # places (a city's name is often a star's, one letter off)
    places = ({normalize(site.name): site.name for site in SITES}, big_city_names()) if place else ()
    found: list[tuple[int, bool, int, str]] = []
    for index, kind in enumerate((sky, *places)):
        close = process.extract(key, list(kind), scorer=OSA.distance, score_cutoff=limit, limit=None)
        found += [(int(distance), not typing_slip(key, name), index, str(kind[name])) for name, distance, _i in close]
    if not found:
        return None
    best = min(item[:3] for item in found)
    nearest = sorted({item[3] for item in found if item[:3] == best})
    if best[2] > 0 and len(nearest) > 1:  # cities alike: the far bigger one ('Marid' is Madrid, not Maricá)
        sizes = sorted(((city_population(name), name) for name in nearest), reverse=True)
        nearest = [sizes[0][1]] if sizes[0][0] >= 5 * sizes[1][0] else nearest
    return nearest[0] if len(nearest) == 1 else None  # two names equally close: a guess would be a coin toss


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)


def _object_arg(mention: Mention) -> str:
    return re.sub(r"^(the)\s+", "", mention.text.strip(), flags=re.IGNORECASE)


def _literature_query(question: str) -> str:
    """What the literature search looks for: the user's own words, as typed (typing slips mended).

    Not keyword-corrected ('injects' must not become 'objects'); without year filters ('since 2019', passed as
    arguments) and words like 'paper'.
    """
    years = re.sub(r"\b(?:from|since|after|before|until|up to|in|of)\s+(?:19|20)\d\d\b", " ", question)
    return without_work_words(years)


def _takes_text(annotation: Any) -> bool:
    """Whether an argument's type takes text ('str', 'str | None'), not only numbers."""
    return annotation is str or str in typing.get_args(annotation)


def _named_choice(text: str, annotation: Any) -> str | None:
    """The allowed value of a ``Literal`` argument that the question names, longest first ('2MASS K', not 'K')."""
    allowed: list[str] = []
    for part in (annotation, *typing.get_args(annotation)):  # Literal[...] or Literal[...] | None
        if typing.get_origin(part) is typing.Literal:
            allowed += [str(v) for v in typing.get_args(part) if isinstance(v, str)]
    choices = sorted(dict.fromkeys(allowed), key=len, reverse=True)
    spaced = re.sub(r"[^a-z0-9]+", " ", text.lower())
    for choice in choices:
        if re.search(rf"\b{re.escape(re.sub(r'[^a-z0-9]+', ' ', choice.lower()).strip())}\b", spaced):
            return choice
    return None


def _of_one_object(phrase: str) -> bool:
    """Whether a spectral-type phrase asks about one object ('spectral type of Rigel'), not a list by type."""
    return not re.match(r"(list|all|how many|which (stars|objects)|stars|objects)\b", phrase)


@cache
def _intents() -> dict[str, Any]:
    """prompts/intents.yaml: the planner's own intents (capabilities, out of scope, ...) with their examples."""
    from aeiou_agent.prompts import prompt_yaml

    loaded: dict[str, Any] = prompt_yaml("intents.yaml")
    return loaded


def routing_examples(registry: Registry) -> dict[str, list[str]]:
    """Example questions per tool (from its declaration) and per planner intent: what questions are routed by."""
    examples = {spec.name: list(spec.examples) for spec in registry}
    examples.update({name: list(entry["examples"]) for name, entry in _intents().items()})
    return examples


def question_words(registry: Registry, *, leave_out: tuple[str, ...] = ()) -> frozenset[str]:
    """The words questions are made of, as the planner knows them (typo correction aims at these).

    Without the examples of the tools in ``leave_out``, these are the names a user catalog may not take: 'stars'
    would take over every question about stars (the added-catalog tools' examples name made-up catalogs).
    """
    from aeiou_agent.tools.ephemeris import SITE_KEYS

    examples = routing_examples(registry)
    phrases = [x for tool, ex in examples.items() if tool not in leave_out for x in ex] + list(SITE_KEYS)
    words = {w.lower() for e in phrases for w in re.findall(r"[A-Za-z]{3,}", e)}
    return frozenset(words | KEYWORDS)


@cache
def _bibliography_texts() -> tuple[str, ...]:
    """Each seed bibliography entry's title, description, keywords and authors, as one text."""
    from importlib import resources

    text = resources.files("aeiou_agent.knowledge").joinpath("data/bibliography.jsonl").read_text(encoding="utf-8")
    entries = [json.loads(line) for line in text.splitlines() if line.strip()]
    return tuple(
        " ".join([e.get("title") or "", e.get("description") or "", *e.get("keywords", []), *e.get("authors", [])])
        for e in entries
    )


@cache
def bibliography_words() -> frozenset[str]:
    """The words of the seed bibliography's titles and descriptions ('baryons', 'injects').

    Real words of the field, never corrected as typos, though MiniLM's vocabulary may lack them.
    """
    return frozenset(w.lower() for text in _bibliography_texts() for w in re.findall(r"[A-Za-z]{4,}", text))


# a code name as papers coin them: 'CosmoPower', 'RadioGAN', 'SPECULATOR', 'Survey2Survey'
_CODE_NAME = re.compile(
    r"(?<![\w-])(?=[A-Za-z0-9-]*(?:[a-z][A-Z]|[A-Z]{5}|[A-Za-z]{2}\d|\d[A-Za-z]{2}))[A-Za-z][A-Za-z0-9]{4,}(?![\w-])"
)


@cache
def bibliography_code_names() -> dict[str, str]:
    """The code names the seed bibliography coins ('CRADLE' and 'CLASS' in capitals, not 'eXtreme'), by lower case."""
    found = (m.group(0) for text in _bibliography_texts() for m in _CODE_NAME.finditer(text))
    return {name.lower(): name for name in found if name.isupper() or not is_word(name)}


def _closest_code_name(typed: str) -> str | None:
    """The one code name of the bibliography ``typed`` misspells ('CosomPower', 'RdioGAN'), or None."""
    key = typed.lower()
    known = bibliography_code_names()
    if key in known or is_word(key):
        return None
    nearest = closest_word(key, known, 1 if len(key) < 7 else 2)
    return known[nearest] if nearest else None


def description_words(registry: Registry) -> frozenset[str]:
    """Words the tools use to say what they do ('emulator', 'simulator'): real words, never corrected as typos.

    They are not correction targets: 'reddest' is no misspelled 'redder'.
    """
    texts = [text for spec in registry for text in (spec.description, spec.declaration.can)]
    return frozenset(w.lower() for text in texts for w in re.findall(r"[A-Za-z]{3,}", text))


class SemanticPlanner:
    """Embedded, offline planner. One instance per Observatory; the utterance embeddings are computed once."""

    name = "semantic"

    def __init__(
        self,
        store: Callable[[], Store],
        now: Callable[[], dt.datetime] = _utcnow,
        max_question_chars: int = 2000,
        knowledge: Callable[[], KnowledgeStore] | None = None,
        registry: Registry | None = None,
        cache_dir: Path | None = None,
        online: bool = False,
    ):
        self._store = store
        self.online = online  # whether tools that need the network may be planned
        self._cache_dir = cache_dir
        self._last_ranking: tuple[str, tuple[tuple[str, float], ...]] | None = None
        self._knowledge = knowledge
        self._now = now
        self._last_guess: tuple[str, str | None] | None = None
        self.max_question_chars = max_question_chars
        self.registry = registry or default_registry()
        self.capabilities = self.registry.capabilities()
        examples = routing_examples(self.registry)
        intents = _intents()
        self.provides = {spec.name: set(spec.declaration.provides) for spec in self.registry}
        local = {fact for spec in self.registry if not spec.declaration.offline for fact in spec.declaration.provides}
        # what only a tool that needs the network gives ('simbad', 'spectral_type'): asked, it is a candidate
        self.network_facts = {
            spec.name: set(spec.declaration.provides) - local for spec in self.registry if spec.declaration.offline
        }
        self.provides.update({name: set(entry.get("provides") or ()) for name, entry in intents.items()})
        self.prompts_hash = hashlib.sha256(yaml.safe_dump(examples).encode()).hexdigest()[:12]
        self.vocabulary = question_words(self.registry)
        self.known_words = description_words(self.registry) | bibliography_words()
        self.intents: list[str] = []
        self.examples: list[str] = []
        for intent, utterances in examples.items():
            for utterance in utterances:
                self.intents.append(intent)
                self.examples.append(utterance)

    @cached_property
    def _example_vectors(self) -> np.ndarray:
        store = self._store()

        def masked_examples() -> list[str]:  # names and positions masked, as questions are when routed
            return [mask_names(e, store.names.mentions(e), find_positions(e)[1]) for e in self.examples]

        if not self._cache_dir:
            return embedder.embed(masked_examples())
        # kept, as the vectors are: masking ~1,000 examples cost a cold start ~0.2 s
        from aeiou_agent import store as store_module
        from aeiou_agent.planning import parse
        from aeiou_agent.store import names as names_module

        version = file_version(
            __file__,
            parse.__file__,
            names_module.__file__,
            store_module.__file__,
            extra=f"{store.data_version}\n" + "\n".join(self.examples),
        )
        masked = json_cached(self._cache_dir / f"routing-examples-{version}.json", masked_examples)
        return embedder.embed_cached(masked, self._cache_dir)

    def without_examples(self, questions: list[str]) -> int:
        """Drop the routing examples that are, word for word, one of ``questions``; return how many were dropped.

        For the generalisation check of an evaluation: a question set scored without its own verbatim
        examples shows how the planner does on questions it has not seen.
        """
        asked = {_verbatim(q) for q in questions}
        keep = [(i, e) for i, e in zip(self.intents, self.examples, strict=True) if _verbatim(e) not in asked]
        dropped = len(self.examples) - len(keep)
        self.intents = [i for i, _e in keep]
        self.examples = [e for _i, e in keep]
        self.__dict__.pop("_example_vectors", None)
        self._last_ranking = None
        return dropped

    def describe(self) -> dict[str, Any]:
        """Planner identity for the ledger."""
        return {"planner": self.name, "model": embedder.model_version(), "prompts_hash": self.prompts_hash}

    def warm_up(self) -> None:
        """Load the embedding model and embed the example utterances now rather than on the first question."""
        _ = self._example_vectors

    def classify(self, question: str) -> list[tuple[str, float]]:
        """Intents ranked by the mean of their two most similar examples.

        Object names (known, and name-like phrases that are not) and sky positions are masked first, in the
        question and in the examples alike, so that routing depends on what is asked, not about which object or
        where ('separation between 12 30 49.4 +12 23 28 and …' is mostly digits to the embedding).
        """
        last = self._last_ranking  # one question is classified by the cue, the refusal and the routing alike
        if last is not None and last[0] == question:
            return list(last[1])
        masked = mask_names(
            question, self._store().names.mentions(question), unknown_name_spans(question) + find_positions(question)[1]
        )
        vector = embedder.embed([masked])[0]
        sims = self._example_vectors @ vector
        scores: dict[str, list[float]] = {}
        for intent, sim in zip(self.intents, sims, strict=True):
            scores.setdefault(intent, []).append(float(sim))
        ranked = [(intent, float(np.mean(sorted(s, reverse=True)[:2]))) for intent, s in scores.items()]
        ranking = sorted(ranked, key=lambda item: item[1], reverse=True)
        self._last_ranking = (question, tuple(ranking))  # one tuple assigned: safe for concurrent sessions
        return ranking

    # ------------------------------------------------------------------ planning

    def plan(self, question: str, context: ChatContext) -> Plan:
        """Plan tool calls for ``question`` (see module docstring)."""
        text = question.strip()
        if not text:
            return Plan(
                "empty",
                status="refused",
                confidence=0.0,
                message="Please ask a question, for example 'Where is M31?'. " + self.capabilities,
            )
        if len(text) > self.max_question_chars:
            return Plan(
                "too_long",
                status="refused",
                confidence=0.0,
                message=f"That question is {len(text):,} characters long; I accept up to "
                f"{self.max_question_chars:,}. Please ask one shorter question at a time.",
            )
        social = _SOCIAL.fullmatch(text)
        if social:  # 'thanks!', 'hello': a reply, not a question (in a chat it must not re-run the last tool)
            leaving = social.group("bye")
            greeting = (
                "You're welcome."
                if social.group("thanks")
                else "Hello."
                if social.group("hello")
                else "Goodbye."
                if leaving
                else "Good."
            )
            message = greeting if leaving else f"{greeting} Ask me another question. {self.capabilities}"
            return Plan("capabilities", confidence=1.0, message=message)
        if _is_foreign(text):
            return Plan(
                "other_language",
                status="not_understood",
                confidence=0.0,
                message="I can only understand questions in English so far. Could you ask in English? "
                "For example: 'How far away is Vega?'",
            )
        notes: list[str] = []
        if not INJECTION.search(text) and INJECTION.search(mended := with_slips_mended(text)):
            text = mended  # 'Ignore previous instructinos': a slip hides nothing
        if INJECTION.search(text):
            notes.append(
                "I ignore requests to change my instructions; I only run my astronomy tools, with their checks."
            )
            text = re.sub(
                r"^\W*(and|then|instead|now)\b", "", INJECTION.sub(" ", text).strip(" ,.;:-"), flags=re.IGNORECASE
            )
            text = text.strip(" ,.;:-")
            if len(re.findall(r"[A-Za-z0-9]{2,}", text)) < 2:
                return Plan(
                    "injection",
                    status="refused",
                    confidence=0.0,
                    notes=notes,
                    message="I can't change my instructions or rules. " + self.capabilities,
                )
        try:
            plan = self._plan(text, context)
        except NeedInfo as need:
            plan = Plan("needs_information", status="not_understood", message=str(need))
        except UserError as exc:
            plan = Plan("invalid_input", status="not_understood", message=str(exc))
        plan.notes[:0] = notes
        return plan

    def _correct_names(self, text: str, protected: list[tuple[int, int]]) -> tuple[str, list[tuple[str, str]]]:
        """Misspelled names read as the name one or two letters away, before the parse ('Siirius', 'Lonodn').

        Only a capitalised phrase that is no known name, no everyday word and nothing the question protects, and
        only when one name is closest (an object, a constellation, an observatory, a city of 100,000 or more, or a
        catalog: 'Cygns', 'Paraeal', 'Mssier'). Not in questions about papers, whose authors no catalog holds.
        """
        names = self._store().names
        taken = [*protected, *((m.start, m.end) for m in names.mentions(text))]
        corrections: list[tuple[str, str]] = []
        out, last = [], 0
        for match in _CODE_NAME.finditer(text):  # 'What is RdioGAN?': a paper's code name, also in paper questions
            meant = (
                None
                if any(match.start() < e and match.end() > s for s, e in taken)
                else _closest_code_name(match.group(0))
            )
            if meant is not None:
                out += [text[last : match.start()], meant]
                last = match.end()
                corrections.append((match.group(0), meant))
        text, out, last = "".join(out) + text[last:], [], 0
        if _ABOUT_PAPERS.search(text):
            return text, corrections
        taken = [*protected, *((m.start, m.end) for m in names.mentions(text))]
        for match in _CAPITALISED_PHRASE.finditer(text):
            if any(match.start() < e and match.end() > s for s, e in taken):
                continue
            words = list(re.finditer(r"\S+", match.group(0)))
            while words and (  # 'Is Siirius …', 'Whare is …': the name after the question's first word
                words[0].group(0).lower() in _NOT_CORRECTED or question_word_slip(words[0].group(0))
            ):
                words.pop(0)
            meant = None
            spans = [(i, j) for i in range(len(words)) for j in range(len(words), i, -1)]  # the longest first
            for first, stop in spans:  # "Bsrnard's Star", '61 Cygin', and '14 Feburary' without the 14
                start, end = match.start() + words[first].start(), match.start() + words[stop - 1].end()
                bare = re.sub(r"['’]s$", "", text[start:end])
                if all(is_word(word, self.known_words) for word in bare.split() if not word.isdigit()):
                    continue
                place = bool(_BEFORE_A_PLACE.search(text[:start]))  # 'sunset in Lonodn', not 'Hyper Suprime-Cam'
                meant = _closest_name(bare, names, place=place)
                if meant is not None:
                    end = start + len(bare)
                    break
            if meant is None or normalize(meant) == normalize(text[start:end]):
                continue
            out += [text[last:start], meant]
            last = end
            corrections.append((text[start:end], meant))
        return "".join(out) + text[last:], corrections

    def _resolve_it(self, text: str, context: ChatContext) -> str:
        """'it' and 'its' in a chat turn that names nothing else: the conversation's catalog object, by name.

        Read before the parse, so the turn is understood as if the object were named ('show me a picture of it',
        'plot it', 'what's its B-V?'). Not a Solar System body (its turns keep the pronoun, to keep the moment and
        site), not 'make it …' (a change to the last search), not an object an answer found ('that').
        """
        if not context.objects or context.answer_objects or not _IT.search(text) or _MAKE_IT.search(text):
            return text  # 'what is its B-V?' after 'the brightest star near M31': the star the answer found
        last = context.objects[-1]
        if extract.extract_bodies(last) or extract.extract_bodies(text) or self._store().names.mentions(text):
            return text
        if self._table_of(last) is None:
            return text
        said = {"it": last, "its": f"{last}'s", "it's": f"{last} is", "it’s": f"{last} is"}
        text = _ITS_FACT.sub("its ", text)  # "it's" is 'it is', unless a fact follows: "is it's magnitude below 6?"
        return _IT.sub(lambda m: said.get(m.group(0).lower(), m.group(0)), text)

    def _plan(self, text: str, context: ChatContext) -> Plan:
        catalogs = self._added_catalogs_in(text)
        if extract.looks_like_sql(text) and not (catalogs and _SELECT_WITHOUT_COLUMNS.match(text)):
            sql = extract.extract_sql(text) or text
            return Plan("sql_query", [PlannedCall("sql_query", {"query": sql})])
        in_digits = extract.words_to_numbers(text)  # 'ten parsecs', 'redshift two point five': every tool reads digits
        if in_digits != text:
            text, catalogs = in_digits, self._added_catalogs_in(in_digits)  # the names' places may have moved
        names = self._store().names
        text = self._resolve_it(text, context)
        text, misspelled = self._correct_names(text, [span for _name, span in catalogs])
        protected = [(m.start, m.end) for m in names.mentions(text)] + [span for _name, span in catalogs]
        parsed = parse_question(text, self.vocabulary, protected, known=self.known_words)
        parsed.corrections[:0] = misspelled
        parsed.names_read = misspelled
        if (
            parsed.compares
            and not protected
            and not extract.extract_bodies(text)
            and len(text.split()) <= 6
            and len(context.recent_objects) >= 2
        ):  # 'which is brighter?' after Vega, then Altair: the conversation's last two objects, compared
            first, second = context.recent_objects[-2:]
            plan = self._plan(f"{text.rstrip(' ?.!')}, {first} or {second}?", context)
            plan.notes.insert(0, f"I compared {first} and {second}, the last two objects of this conversation.")
            return plan
        if parsed.action:  # '… and also write me a poem': answer the rest, and say what was not done
            rest, refusal = without_actions(text)
            if rest and rest != text and refusal:
                plan = self._plan(rest, context)
                if plan.status == "ok" and plan.calls:
                    plan.notes.append(refusal.replace("I can't answer that:", "I answered the rest, not all of it:"))
                    return plan
        parsed.catalogs = list(dict.fromkeys(name for name, _span in catalogs))
        token = _PARSED.set(parsed)
        try:
            plan = self._plan_parsed(parsed, context)
        finally:
            _PARSED.reset(token)
        plan.asks = plan.asks or list(parsed.asks)
        if not plan.asks and plan.intent == context.intent and FOLLOW_UP.search(text) and context.asks:
            plan.asks = list(context.asks)  # 'what about Rigel?' after Betelgeuse's B-V: Rigel's B-V
        plan.clock = parsed.clock
        plan.magnitude_threshold, plan.kind_asked = parsed.magnitude_threshold, parsed.kind_asked
        plan.text = plan.text or parsed.text
        plan.notes += [note for note in dict.fromkeys(parsed.notes) if note not in plan.notes]
        return self._in_wished_unit(plan, parsed)

    def _in_wished_unit(self, plan: Plan, parsed: Parsed) -> Plan:
        """Add a conversion when the fact asked is wanted in a unit the tool does not give it in.

        'The parallax of Procyon in arcseconds': the tool declares that its parallax is ``plx_mas``; astropy converts
        it (a recorded convert_units call), and the converted value opens the answer.
        """
        from aeiou_agent.registry import unit_of_key
        from aeiou_agent.tools.sky import parse_unit

        wish = parsed.unit_wish
        if not wish or plan.status != "ok" or not plan.calls or plan.parts or plan.intent == "convert_units":
            return plan
        last = len(plan.calls) - 1
        quantities = self.registry.get(plan.calls[last].tool).declaration.quantities
        wanted = parse_unit(wish)

        def named_in_question(key: str) -> str | None:  # 'radius_km' → 'radius', when the words say 'radius'
            stem = key.rsplit("_", 1)[0].replace("_", " ")
            return stem if re.search(rf"\b{stem}\b", parsed.text, re.IGNORECASE) else None

        # the facts asked; when the words name none ('the separation of Mizar and Alcor in arcsec'), what it gives:
        # an angle is first a size ('how many arcseconds is the Ring Nebula?'), a length first a distance
        first = ["size"] if wanted.physical_type == "angle" else ["distance", "size"]
        unnamed = sorted(quantities, key=lambda fact: first.index(fact) if fact in first else len(first))
        # one fact the words name by itself or by its key comes first, even in the unit the answer gives it in:
        # 'the RA of Polaris in hours', 'the dec of Vega in degrees' (not the parallax, the first angle it has)
        facts_named = [
            fact
            for fact in quantities
            if fact not in parsed.asks
            and (
                re.search(rf"\b{fact.replace('_', ' ')}\b", parsed.text, re.IGNORECASE)
                or any(named_in_question(key) for key in quantities[fact])
            )
        ]
        facts_named = facts_named if len(facts_named) == 1 else []
        for fact in facts_named or parsed.asks or unnamed:
            units = {key: parse_unit(unit_of_key(key) or "") for key in quantities.get(fact, ())}
            if not units or (wanted in units.values() and not facts_named):
                continue  # the answer gives it in that unit already
            to_unit = wish
            if fact == "right_ascension" and wanted.physical_type == "time":
                to_unit, wanted = "hourangle", parse_unit("hourangle")  # 'the RA of Polaris in hours': 02h31m47s
            for key, unit in sorted(units.items(), key=lambda item: named_in_question(item[0]) is None):
                if not unit.is_equivalent(wanted):  # 'the angular diameter in arcminutes' is not the km one
                    continue
                named = plan.calls[0].args.get("name") or plan.calls[0].args.get("target")
                stem = key.rsplit("_", 1)[0].replace("_", " ")  # what the value is: 'the diameter', not 'the size'
                said = (named_in_question(key) if len(stem) > 3 else None) or (  # not 'the dec', 'the plx'
                    stem if stem in {"diameter", "radius"} else None
                )
                label = f"the {said or fact.replace('_', ' ')}"
                if "target_2" not in plan.calls[last].args:  # of one object; a separation is between two
                    label += f" of {body_label(named)}" if isinstance(named, str) else ""
                args = {"value": Ref(last, key), "from_unit": unit.to_string(), "to_unit": to_unit, "label": label}
                plan.calls.append(PlannedCall("convert_units", args, f"{label} in {wish}"))
                plan.parts = [("convert_units", last + 1, last + 2), (plan.intent, 0, last + 1)]
                plan.asks = [a for a in plan.asks if a != fact]  # the conversion answers it: no second lead
                return plan
        return plan

    def _added_catalogs_in(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        """User catalogs (``aeiou catalog add``) the question names, with where: 'mysurvey sources with g < 18'."""
        from aeiou_agent.catalogs import user_catalogs

        names = user_catalogs(self._store().settings).names()
        if not names:
            return []
        pattern = r"\b(" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")\b"
        return [(m.group(1).lower(), (m.start(), m.end())) for m in re.finditer(pattern, text, re.IGNORECASE)]

    def _which_catalog(self) -> str:
        """What to say to a question about an added catalog that names none."""
        from aeiou_agent.catalogs import user_catalogs

        names = user_catalogs(self._store().settings).names()
        if names:
            added = ", ".join(names)
            return f"Which catalog do you mean? The catalogs you added are: {added}. Name one in the question."
        return (
            "You have not added a catalog yet. Add a Parquet, CSV or FITS table with `aeiou catalog add FILE --name "
            "NAME` (a position per row), then ask about it by its name; the built-in catalogs are hipparcos and ngc."
        )

    def _plan_added_catalog(self, parsed: Parsed, context: ChatContext) -> Plan:
        """A question that names an added catalog: its search, cross-match or card, as the tools' examples rank them.

        Conditions are read against the catalog's own columns; a comparison on a column it lacks is named.
        """
        ranking = self.classify(parsed.text)
        intent = next(name for name, _score in ranking if name in ADDED_CATALOG_TOOLS)
        plan = self._build_from_kinds(intent, parsed, context)
        plan.confidence = 1.0
        _conditions, lacking, columns = self._conditions_on(parsed)
        listed = ", ".join(columns)
        plan.notes += [f"I did not apply the condition on '{word}': {parsed.catalogs[0]} has no such column ({listed})."
                       for word in lacking]  # fmt: skip
        return plan

    def _conditions_on(self, parsed: Parsed) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
        """Conditions on the first added catalog's columns, SQL style ('g < 18 AND parallax > 10'), read once.

        Also the words compared that are no column of it, and its columns, for the note that names them.
        """
        from aeiou_agent.catalogs import user_catalogs

        if parsed.catalog_conditions is None:
            card = user_catalogs(self._store().settings).card(parsed.catalogs[0])
            columns = tuple(c["name"] for c in card["columns"])
            conditions, lacking = find_column_conditions(parsed.text, list(columns))
            sql = " AND ".join(f"{column} {op} {value:g}" for column, op, value in conditions) or None
            parsed.catalog_conditions = (sql, tuple(lacking), columns)
        return parsed.catalog_conditions

    def _plan_parsed(self, parsed: Parsed, context: ChatContext) -> Plan:
        text = parsed.text
        if (
            not parsed.catalogs
            and context.intent in ADDED_CATALOG_TOOLS
            and context.args.get("catalog")
            and FOLLOW_UP.search(text)
        ):  # 'and within 3 degrees?', 'what about around M67?' after a search of an added catalog
            parsed.catalogs = [str(context.args["catalog"])]
        if parsed.catalogs and not parsed.action:
            return self._plan_added_catalog(parsed, context)
        notes = [f"I read '{wrong}' as '{right}'." for wrong, right in parsed.corrections]
        mentions = self._store().names.mentions(text)
        for mention in mentions:  # 'Is Sirius B a white dwarf?': the catalog's one entry is the bright star
            companion = _COMPANION.match(text, mention.end)
            if companion and mention.ref.table == "hipparcos":
                name = text[mention.start : mention.end]
                notes.append(
                    f"Hipparcos has one entry for {name} (its brightest component); it has no separate entry for "
                    f"{name} {companion.group(1)}: this answer is about {name} as catalogued."
                )
        bodies = extract.extract_bodies(text)
        routed = text  # the words the tool is chosen by
        last_bodies = extract.extract_bodies(context.objects[-1]) if context.objects else []
        if last_bodies and not (bodies or mentions or parsed.positions) and _IT.search(text):
            # 'how high does it get?' after a question about Jupiter: the body, chosen by as if named (the words
            # alone point nowhere) and planned with the pronoun kept, so the conversation's moment and site stay
            bodies = last_bodies
            routed = _IT.sub(lambda m: body_label(bodies[0]) + ("'s" if m.group(0).lower() != "it" else ""), text)
        self._magnitude_follow_up(parsed, mentions, context)
        superlative = self._superlative_follow_up(parsed, mentions, context)
        if superlative is not None:
            return superlative
        cue = self._strong_cue(text, mentions)
        refusal = self._refusal(parsed, mentions, bodies, context, cue=cue)
        if refusal is not None:
            return refusal
        if self._points_at_no_object(parsed, mentions, bodies, context):
            raise NeedInfo(WHICH_OBJECT)
        ranking = self.classify(routed)
        intent, confidence = ranking[0]
        if cue and not self._can_run(cue, parsed, mentions, bodies, context):
            cue = None  # a form that points to a tool whose input the question lacks ('what can I observe from …')
        remainder = FOLLOW_UP.sub("", text).strip()
        follow_up = bool(FOLLOW_UP.search(text)) and len(remainder.split()) <= 6
        follow_up = follow_up or (len(text.split()) <= 4 and not mentions and not bodies)
        inherited = False
        if cue:
            intent = cue
        elif (
            context.intent
            and follow_up
            and (confidence < 0.75 or intent in {"capabilities", "out_of_scope"} or FOLLOW_UP.search(text))
            and self._answers_same_facts(context.intent, parsed)
        ):
            intent, inherited = context.intent, True
        elif context.intent and follow_up and (providers := self._sole_provider(parsed, mentions, bodies, context)):
            intent, inherited = providers, True  # 'and twilight?' after a sunset time: the tool that has it, there
        elif follow_up and context.objects and PRONOUN.search(text) and _searches_around(text):
            intent = "cone_search"  # 'any galaxies near it?': a search around the conversation's object
        elif (
            not (mentions or bodies or parsed.positions)
            and set(parsed.asks) & OBJECT_FACTS
            and self._previous_object(parsed, mentions, bodies, context)
            and (
                intent in NOT_TOOLS
                or confidence < MIN_CONFIDENCE
                or not self.provides.get(intent, set()) & OBJECT_FACTS
            )
        ):
            # 'how big is it?', 'what is its proper motion?': a fact of the conversation's object, from the tool
            # that has it, however weakly the words alone point there
            asked = set(parsed.asks)
            intent = max(
                (name for name in OBJECT_INTENTS if self._can_run(name, parsed, mentions, bodies, context)),
                key=lambda name: (len(self.provides.get(name, set()) & asked), name == "object_info"),
            )
        elif intent == "out_of_scope" or confidence < MIN_CONFIDENCE:
            # no tool fits, but the knowledge store knows about it; a concept asked to be defined ('what is dark
            # energy?') only if a passage names it, not because a title shares its words (The Dark Energy Survey)
            if self._in_the_literature(text, naming=bool(_DEFINITION.fullmatch(text))):
                return self._build_search_literature(text, mentions, bodies, context)
            return Plan(
                "out_of_scope",
                status="not_understood",
                confidence=confidence,
                message="I can't answer that with my tools. " + self.capabilities,
            )
        if intent == "capabilities":
            if not parsed.domain or len(text.split()) <= 6:
                return Plan("capabilities", confidence=confidence, message=self.capabilities)
            intent = next(i for i, _s in ranking if i not in {"capabilities", "out_of_scope"})
        if not inherited:
            intent = self._adjust_intent(intent, text, mentions, bodies, context)
            if not cue:
                intent = self._by_coverage(intent, parsed, mentions, bodies, context, ranking)
        weak = not inherited and self._weakly_supported(intent, text, mentions, bodies)  # a follow-up has its context
        if weak and self._in_the_literature(text, naming=intent in {"object_info", "resolve_object", "star_distance"}):
            intent = "search_literature"
        offline = self.registry.get(intent).declaration.offline if intent in self.registry else ""
        if offline and not self.online:  # the question is one for an archive: say so, and how to go online
            from aeiou_agent.archives import offline_message

            return Plan(intent, status="not_understood", confidence=confidence, message=offline_message(offline))
        if intent in ADDED_CATALOG_TOOLS[:2]:  # about an added catalog, naming none: say which there are, or how to add
            return Plan(intent, status="not_understood", confidence=confidence, message=self._which_catalog())
        plan = self._multi_part(intent, parsed, mentions, bodies, context)
        if plan is None:
            builder = getattr(self, f"_build_{intent}", None)
            plan = (
                builder(text, mentions, bodies, context) if builder else self._build_from_kinds(intent, parsed, context)
            )
        plan.confidence = confidence
        if parsed.compares and mentions and bodies and plan.status == "ok":  # 'which is brighter, Vega or the Moon?'
            used = " ".join(str(value) for call in plan.calls for value in call.args.values())
            left = [body_label(body) for body in bodies if body not in used]
            if left:
                notes.append(
                    f"I did not compare {' or '.join(left)}: for the Sun, the Moon and the planets I compare "
                    "brightness, distance and size from the ephemeris, not the catalogs' other facts."
                )
        if plan.intent != self._provider("reference"):  # the literature search gets the words as typed
            plan.notes[:0] = notes
        if plan.status == "ok":
            plan.notes += self._unused_constraints(parsed, plan)
        return plan

    @staticmethod
    def _magnitude_follow_up(parsed: Parsed, mentions: list[Mention], context: ChatContext) -> None:
        """'make it magnitude 6' after a search with a magnitude limit: the new limit, not a brightness question."""
        limits = {bound: context.args.get(f"mag_{bound}") for bound in ("max", "min")}
        bound = next((name for name, value in limits.items() if value is not None), None)
        if bound is None and context.intent in ("find_objects", "cone_search"):
            bound = "max"  # 'what about magnitude 4?' after a search with no limit: that bright or brighter
        if bound is None or mentions or parsed.magnitude_limits or not FOLLOW_UP.search(parsed.text):
            return
        found = re.search(rf"\b(?:mag(?:nitude)?s?)\s*(?:=|of|to)?\s*({extract.NUM})\b", parsed.text, re.IGNORECASE)
        if found:
            parsed.magnitude_limits = [MagnitudeLimit(extract.to_float(found.group(1)), bound, None, found.group(0))]
            parsed.asks = [a for a in parsed.asks if a != "brightness"]

    @staticmethod
    def _superlative_follow_up(parsed: Parsed, mentions: list[Mention], context: ChatContext) -> Plan | None:
        """'which is the brightest?' after a search: the same search, its first row in that order."""
        found = _SUPERLATIVE_FOLLOW_UP.match(parsed.text)
        if found is None or mentions or context.intent not in ("find_objects", "cone_search"):
            return None
        word = found.group(1).lower()
        orders = {"brightest": "magnitude", "faintest": "magnitude_desc", "dimmest": "magnitude_desc"}
        near = "separation" if context.intent == "cone_search" else "distance"  # nearest the centre, or the Sun
        order = orders.get(word, near)  # the nearest to a centre: the first row is the centre object itself
        centred_on_object = order == "separation" and bool(context.args.get("target"))
        args = {**context.args, "limit": 2 if centred_on_object else 1, "order_by": order}
        args.pop("sort_by", None)
        args.pop("group_by", None)
        return Plan(context.intent, [PlannedCall(context.intent, args, f"the {word} of the last search")])

    def _build_from_kinds(self, tool: str, parsed: Parsed, context: ChatContext) -> Plan:
        """A plan for a tool the planner has no special knowledge of: each argument filled by its declared kind.

        This is how a newly declared tool is planned for without touching the planner.
        """
        spec = self.registry.get(tool)
        text = parsed.text
        mentions = self._store().names.mentions(text)
        args: dict[str, Any] = {}
        # a follow-up of the same tool ('and for Albireo?', 'make it 2 degrees') keeps what it does not change
        kept = context.args if context.intent == tool and (FOLLOW_UP.search(text) or len(text.split()) <= 2) else {}

        def tool_gives(fact: str) -> bool:
            return fact in self.provides.get(tool, set())

        given: dict[str, bool] = {}  # argument → whether this question gave it (False: kept from the last turn)
        catalog_pool = list(parsed.catalogs)  # added catalogs, then the store's tables, in the order named
        if catalog_pool:
            catalog_pool += [table for table, words in LOCAL_CATALOG_WORDS if re.search(words, text, re.IGNORECASE)]
            text = re.sub(rf"\b({'|'.join(map(re.escape, parsed.catalogs))})\b", "catalog", text, flags=re.I)
            mentions = self._store().names.mentions(text)  # a catalog's name is no object's
        for name, kinds in spec.kinds.items():
            value: Any = None
            if "object" in kinds:
                try:  # a name the local index lacks ('HD 209458') is passed on as typed: an archive may know it
                    value = self._objects(text, mentions, context)[0]
                except NeedInfo:
                    value = None
            elif "sky_position" in kinds and parsed.positions:
                value = parsed.positions[0].target()
            elif "place" in kinds and _takes_text(spec.args_model.model_fields[name].annotation):
                # beside an object, only a known site or city ('for M57' names no place); latitudes are numbers
                takes_object = any("object" in k for k in spec.kinds.values())
                value = self._named_place(text) if takes_object else self._place_phrase(text)
                if value is None and context.site and context.intent:  # the conversation's site, as _site keeps it
                    value, given[name] = context.site, False
            elif "time" in kinds and (
                find_when(text, self._now())
                or context.when
                or ("local_time" in parsed.asks and tool_gives("local_time"))  # 'what time is it in Tokyo?': now
            ):
                value = self._when(text, context, date_only=name == "date")  # an argument named date takes a day
            elif "count" in kinds and parsed.count is not None:
                value = parsed.count
            elif "radius" in kinds or "angle" in kinds:  # 'within 2 degrees', 'a field 2 arcmin across'
                value = (extract.extract_radius_deg if "radius" in kinds else extract.extract_extent_deg)(
                    parsed.numbers_text
                )
                scale = 3600.0 if name.endswith("_arcsec") else 60.0 if name.endswith("_arcmin") else 1.0
                value = value * scale if value is not None else None  # the argument's own unit, from its name
            elif "magnitude_limit" in kinds and name.endswith(("max", "min")):  # not a band argument
                bound = "min" if name.endswith("min") else "max"  # mag_max: 'brighter than', mag_min: 'fainter than'
                value = next((limit.value for limit in parsed.magnitude_limits if limit.bound == bound), None)
            elif "redshift" in kinds:
                value = extract.extract_redshift(text)
            elif "velocity" in kinds:  # '3000 km/s', '0.1c'
                value = extract.extract_velocity_km_s(parsed.numbers_text)
            elif "image_size" in kinds or "seed" in kinds:  # '2048 x 2048 pixels', 'seed 7'
                value = extract.extract_simulation(text).values.get("n_pixels" if "image_size" in kinds else "seed")
            elif "density" in kinds:
                value = extract.extract_density_per_arcmin2(text)
            elif "galaxy_parameter" in kinds and name.endswith("_fraction"):  # 'half the galaxies are bulges'
                noun = name.removesuffix("_fraction")
                value = extract.extract_fraction_of(text, noun, COMPLEMENTARY_KINDS.get(noun, ()))
            elif "galaxy_parameter" in kinds:  # by its name or its declared words: 'radius 1 arcsec', '2 Gyr old'
                value = extract.extract_named_value(parsed.numbers_text, name, spec.declaration.words.get(name, ()))
            elif "cosmology_parameter" in kinds:  # 'sigma8 = 0.9', 'Omega_m of 0.25'
                value = extract.extract_simulation(parsed.numbers_text).values.get(name)
            elif "option" in kinds and spec.args_model.model_fields[name].annotation is bool:
                value = False if extract.negates(text, name) else None  # 'without running source detection'
            elif "option" in kinds:  # a Literal: the choice named, or one of its declared words ('2LPT = simulator')
                annotation = spec.args_model.model_fields[name].annotation
                value = _named_choice(text, annotation) or extract.named_choice_word(
                    text, spec.declaration.words.get(name, ())
                )
            elif "text" in kinds:
                value = text
            elif "catalog" in kinds and catalog_pool:  # added catalogs first ('cross-match hipparcos with mine')
                value = catalog_pool.pop(0)
            elif "column_condition" in kinds and parsed.catalogs:
                value = self._conditions_on(parsed)[0]
            elif set(kinds) & {"survey", "catalog"}:  # a Literal of names: the one the question names ('2MASS K image')
                annotation = spec.args_model.model_fields[name].annotation
                value = find_catalog_name(text) if annotation is str else _named_choice(text, annotation)
            if value is None and name in kept and not set(kinds) & {"object", "sky_position"}:
                value = kept[name]
                given[name] = False
            if value is not None:
                args[name] = value
                given.setdefault(name, True)
        for group in spec.declaration.one_of:  # 'what about z = 0.1?' after a velocity: the redshift, alone
            if any(given.get(name) for name in group):
                args = {name: value for name, value in args.items() if name not in group or given.get(name)}
        missing = [n for n, f in spec.args_model.model_fields.items() if f.is_required() and n not in args]
        if missing:
            described = "; ".join(f"{n}: {spec.args_model.model_fields[n].description}" for n in missing)
            raise NeedInfo(f"To run {tool} I need {described}")
        return Plan(tool, [PlannedCall(tool, args)])

    def _place_phrase(self, text: str) -> str | None:
        """The place a question names: an observatory, a city, or a capitalised name after 'is'/'of'/'in'."""
        site = self._named_place(text)
        if site:
            return site
        found = re.search(
            r"\b(?:is|of|in|for)\s+((?:[A-Z][\w'.-]*)(?:\s+[A-Z][\w'.-]*){0,2}(?:,\s*[A-Z][\w ]+)?)", text
        )
        return found.group(1).strip() if found else None

    def _sole_provider(
        self, parsed: Parsed, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> str | None:
        """The one tool that gives the facts a follow-up asks for and can run in the conversation, or None."""
        asks = set(parsed.asks) - {"position"}
        found = [name for name, facts in self.provides.items() if asks and asks <= facts]
        if len(found) != 1 or found[0] == context.intent:  # 'how far is it?': many give distances, decided below
            return None
        return found[0] if self._can_run(found[0], parsed, mentions, bodies, context) else None

    def _answers_same_facts(self, intent: str, parsed: Parsed) -> bool:
        """Whether the previous turn's intent gives the facts this follow-up asks for.

        'what is its B-V?' after a cone search asks for something else; 'and from Paranal?' asks for no fact.
        """
        asks = set(parsed.asks) - {"position"}
        if _searches_around(parsed.text) and intent not in {"cone_search", "find_objects"}:
            return False  # 'any galaxies near it?' after 'tell me about M31': a search around it, not M31 again
        frame = extract.extract_frames(parsed.text)[1]
        if frame not in (None, "icrs") and intent != "convert_coordinates":
            return False
        provided = self.provides.get(intent, set())
        specific = asks - provided - {"distance", "size", "brightness", "altitude", "redshift"}
        if specific and any(specific & facts for name, facts in self.provides.items() if name != intent):
            return False  # 'and twilight?' after a sunset time: another tool's fact, not the sunset again
        of_an_object = asks & OBJECT_FACTS
        if intent in CONDITION_TOOLS:  # 'how far is it?' after a search: the distance of the object it found
            of_an_object |= asks & {"distance", "constellation"}
        return not asks or not provided.isdisjoint(asks) or (intent not in OBJECT_INTENTS and not of_an_object)

    def _refusal(
        self, parsed: Parsed, mentions: list[Mention], bodies: list[str], context: ChatContext, *, cue: str | None
    ) -> Plan | None:
        """A refusal that no routing can change: an action AEIOU must not take, facts no tool has, no words.

        Each says what went wrong and what AEIOU can do instead. A question about the literature may name what no
        tool computes ('papers on exoplanet atmospheres'): the search answers it. A question in the form of a
        tool's request (``cue``: 'a 128x128 lognormal field') is in scope even without astronomy words.
        """
        literature = cue == self._provider("reference")

        def refuse(intent: str, why: str) -> Plan:
            return Plan(intent, status="not_understood", confidence=0.0, message=f"{why} {self.capabilities}")

        literature = literature or bool(
            re.search(r"\b(which|what) (source|database|reference)\b", parsed.text, re.IGNORECASE)
        )
        if parsed.action and not literature:
            return refuse("refused_action", parsed.action)
        deep_sky_only = bool(mentions) and all(m.ref.table == "ngc" for m in mentions)
        unsupported = [
            (what, phrase)
            for what, phrase in parsed.unsupported
            if not (what == RADIAL_VELOCITIES_OF_STARS and deep_sky_only)
            and not (what == SPECTRAL_TYPES and _of_one_object(phrase))
            and not (what == PHYSICAL_SIZES and bodies and not mentions)  # 'the diameter of the Moon in km'
            and not self._given_as_input(parsed, phrase)
        ]
        if unsupported and not literature and not self._declared_values(parsed):
            what = " or ".join(dict.fromkeys(what for what, _phrase in unsupported))
            asked = ", ".join(dict.fromkeys(f"'{phrase}'" for _what, phrase in unsupported))
            return refuse(
                "unsupported",
                f"I can't answer that: you asked about {asked}, and the local catalogs and tools have no {what}.",
            )
        group = _GROUP_OF_GALAXIES.search(parsed.text)
        if group and not literature and not any(m.start <= group.start("name") < m.end for m in mentions):
            return refuse(  # 'how many galaxies are in the Virgo cluster?' is no count over the whole sky
                "unsupported",
                f"I can't answer that: the catalogs do not say which objects belong to the "
                f"{group.group('name')} {group.group('kind')} (or any cluster or group of galaxies). Name a "
                "constellation ('galaxies in Virgo') or a centre and radius ('galaxies within 3° of M87').",
            )
        if "distance" in parsed.asks and len(parsed.positions) == 1 and not (mentions or bodies or literature):
            where = parsed.positions[0].text.strip()
            return refuse(
                "unsupported",
                f"I can't answer that: '{where}' is a position on the sky, not a catalogued object, and a position "
                "has no distance. The catalogs give distances of Hipparcos stars (from their parallaxes): ask which "
                "stars lie within a small radius of it.",
            )
        attribute = parsed.unknown_attribute
        holder = (
            self._named_at(parsed.text, attribute.object_start, attribute.object_end, mentions) if attribute else None
        )
        if attribute and holder and not literature and not parsed.asks:
            return refuse(
                "unsupported",
                f"I can't answer that: you asked for {attribute.of(holder)}, and none of my catalogs or "
                f"tools has that (ask 'tell me about {holder}' for what they do have).",
            )
        body = bodies[0].lower() if bodies and not mentions else None
        if (
            body
            and "morning_evening" not in parsed.asks
            and re.search(  # 'is Pluto a planet?', 'what kind of object is Mars?' (not 'is it a full moon?')
                rf"\b(is|are) (the )?{body} (an?|the)\b|\b(kind|type|sort|class) of \w+ is (the )?{body}\b",
                parsed.text.lower(),
            )
        ):
            return refuse(
                "unsupported",
                f"I can't answer that: for {body_label(bodies[0])} I have positions, distances, rise and set times "
                "and phases from the ephemeris, but no classification of Solar System bodies.",
            )
        if "distance" in parsed.asks and not (mentions or bodies or parsed.positions) and self._city(parsed.text):
            return refuse(
                "unsupported", "I can't answer that: distances between places on Earth are not astronomy I compute."
            )
        from aeiou_agent.tools.sky import is_unit

        anchored = bool(
            extract.extract_unit_conversion(parsed.text, is_unit)  # '1 Jy in erg/s/cm2/Hz' is a question for AEIOU
            or mentions
            or bodies
            or parsed.positions
            or parsed.magnitudes
            or parsed.magnitude_limits
            or self._names_a_site(parsed.text)
        )
        if parsed.gibberish and not anchored:
            return refuse("gibberish", "I can't answer that: I couldn't read it as a question.")
        follow_up = bool(context.intent) and bool(
            FOLLOW_UP.search(parsed.text) or PRONOUN.search(parsed.text) or re.search(r"\b(these|those)\b", parsed.text)
        )
        named = bool(parsed.asks and unknown_name_spans(parsed.text)) or bool(
            self._guess_name(parsed.text, exclude=[], notes=None, fuzzy_only=True)
        )
        if not (parsed.domain or anchored or follow_up or named or cue):
            if self.classify(parsed.text)[0][0] == "capabilities" or self._in_the_literature(parsed.text):
                return None
            if self._points_at_no_object(parsed, mentions, bodies, context):
                raise NeedInfo(WHICH_OBJECT)
            return refuse("out_of_scope", "I can't answer that with my tools.")
        return None

    @staticmethod
    def _named_at(text: str, start: int, end: int, mentions: list[Mention]) -> str | None:
        """The object or Solar System body named at the start of ``text[start:end]`` (after 'the'), if any."""
        lead = start + len(text[start:end]) - len(re.sub(r"^\s*(the\s+)?", "", text[start:end], flags=re.IGNORECASE))
        for mention in mentions:
            if lead <= mention.start <= lead + 1 or (mention.start <= start and start < mention.end <= end):
                return mention.text
        bodies = extract.extract_bodies(text[lead:end])
        if bodies and text[lead:end].lower().startswith(bodies[0].lower()):
            return body_label(bodies[0])
        return None

    def _provider(self, fact: str) -> str:
        """The tool that declares it provides ``fact`` (the literature search for 'reference')."""
        return next(name for name, facts in self.provides.items() if fact in facts)

    def _in_the_literature(self, text: str, *, naming: bool = False, loosely: bool = False) -> bool:
        """Whether the knowledge store has a passage that answers the question (a fallback, not a first choice).

        With ``naming``, the passage must also name the question's unknown proper noun ('What is CosmoPower?'),
        so that an unknown object ('Where is the Zorblax Nebula?') still gets the resolver's 'not found'.
        """
        if self._knowledge is None:
            return False
        knowledge = self._knowledge()
        query = _literature_query(_PARSED.get().typed_with_slips_mended)
        found = knowledge.search(query, k=20, collections=("papers",))
        if loosely:  # about the same research as a passage, even if not close enough to quote it
            return any((p.dense_similarity or 0.0) >= MIN_SIMILARITY for p in found[:3])
        passages = relevant_passages(found, query)
        return any("names" in p.ranks for p in passages) if naming else bool(passages)

    def _by_coverage(
        self,
        intent: str,
        parsed: Parsed,
        mentions: list[Mention],
        bodies: list[str],
        context: ChatContext,
        ranking: list[tuple[str, float]],
    ) -> str:
        """Correct the routed intent by what the parse found: a tool must be able to use the question's constraints.

        Positions written in the question go to the tools that take positions; a question that asks for facts of
        one object goes to the tool that has them; a tool whose required input the question lacks gives way to
        the next one in the ranking that can run.
        """
        lowered = parsed.text.lower()
        if parsed.compares and len(mentions) >= 2 and intent in OBJECT_INTENTS:
            return intent  # 'which of these stars is farther: Deneb or Rigel?': the fact compared decides
        if parsed.single_ra_deg is not None and not parsed.positions:
            return "convert_units"
        if parsed.positions and not mentions and not bodies:
            if len(parsed.positions) >= 2 and re.search(r"\b(apart|between|separation|distance|angle)\b", lowered):
                return "angular_separation"
            if "constellation" in parsed.asks:
                return "constellation"
            sky_facts = [fact for fact in ("visibility", "rise_set", "altitude") if fact in parsed.asks]
            if sky_facts and (bodies or self._named_place(parsed.text) or self._place_phrase(parsed.text)):
                return self._provider(sky_facts[0])  # 'is 12h51m +27d up from Paranal at …': where it is in the sky
            if (
                intent in {"cone_search", "find_objects"}
                or re.search(r"\b(within|around|near|how many|count|list|stars|galaxies)\b", lowered)
                or (_WHAT_IS_AT.search(lowered) and not re.search(r"\bcoordinates?\b", lowered))
                or _WHICH_OBJECT_IS_THAT.search(lowered)
            ):
                return "cone_search"
            return "convert_coordinates"
        if intent == "body_position" and parsed.wants_plot and not re.search(r"\d{1,2}:\d{2}", parsed.text):
            return "observability"
        if not (mentions or bodies or parsed.positions) and (
            (intent in OBJECT_INTENTS and self._is_a_place(parsed.text, observatories=False))
            or ({"position", "altitude"} & set(parsed.asks) and self._about_a_place(parsed.text))
        ):
            return self._provider("place")  # 'where is Tucson?', 'where is Mauna Kea?': a place on Earth, not the sky
        facts = OBJECT_FACTS - {"brightness"}  # resolve_object gives the brightness itself

        if intent in {"resolve_object", "constellation", "describe_catalog"} and mentions and facts & set(parsed.asks):
            return "object_info"
        if intent in {"parallax_distance", "magnitude_distance"} and parsed.magnitudes:
            return "magnitude_distance"
        if self._cosmology_parameter(lowered) and extract.extract_redshift(parsed.text) is None:
            return "cosmology_calculator"
        if len(mentions) + len(bodies) >= 2 and re.search(r"\b(apart|between|separation|separated|angle)\b", lowered):
            return "angular_separation"  # 'how far apart are Jupiter and Saturn on the sky?'
        return self._best_covering(intent, parsed, mentions, bodies, context, ranking)

    def _best_covering(
        self,
        intent: str,
        parsed: Parsed,
        mentions: list[Mention],
        bodies: list[str],
        context: ChatContext,
        ranking: list[tuple[str, float]],
    ) -> str:
        """Among the intents the question is most similar to, the one that uses most of its constraints.

        Each constraint the parse found (an object, a radius, a magnitude limit, a place, a time, ...) that an
        intent's arguments can take counts for it, each it cannot take against it, and each thing asked for that
        it provides (an altitude, a rise time, a phase) for it. The best count wins; on a tie the
        routed intent stays, then the most similar. Intents that cannot run on what the question holds are skipped.
        """
        constraints = self._constraints(parsed, mentions, bodies)
        asks = set(parsed.asks)
        objects = len(mentions) + len(bodies) + int(self._previous_object(parsed, mentions, bodies, context))
        if objects >= 2 and "distance" in asks:
            asks.add("separation")  # 'how far is M32 from M31': a distance between two objects is on the sky
        similarity = dict(ranking)
        best = ranking[0][1]
        stuck = not self._can_run(intent, parsed, mentions, bodies, context)  # then look further down the ranking
        candidates = [intent] + [
            name
            for name, sim in ranking[:8]
            if (stuck or sim >= best - COVERAGE_MARGIN) and name not in (intent, *NOT_TOOLS)
        ]
        if asks and not asks & self.provides.get(intent, set()):  # the routed tool gives nothing that is asked:
            candidates += [  # a tool that does is a candidate however the question is worded
                name
                for name, facts in self.provides.items()
                if facts & asks and name not in candidates and name not in NOT_TOOLS and name in similarity
            ]
        candidates += [name for name, facts in self.network_facts.items() if facts & asks and name not in candidates]
        filters = constraints & FILTER_KINDS - self._kinds_of(intent)
        if filters:  # the routed tool would drop a filter ('Messier', 'B-V above 1'): the tools that apply it compete
            candidates += [
                name
                for name, _sim in ranking
                if filters <= self._kinds_of(name) and name not in (*candidates, *NOT_TOOLS)
            ]
        scored = []
        for name in candidates:
            if not self._can_run(name, parsed, mentions, bodies, context):
                continue
            if name != intent and name in self.network_facts and not asks & self.network_facts[name]:
                continue  # an archive is not the way to a fact a local tool gives, unless it is asked for
            takes = self._kinds_of(name)
            if name in TIME_NEEDS_PLACE and "place" not in constraints:
                takes = takes - {"time"}  # a night's date keeps what is visible from a site; alone it keeps nothing
            coverage = len(constraints & takes) - len(constraints - takes) + len(asks & self.provides.get(name, set()))
            scored.append((coverage, name == intent, similarity.get(name, best), name))
        return max(scored)[3] if scored else intent

    def _kinds_of(self, intent: str) -> set[str]:
        """What an intent can take: its tool's argument kinds (a plan of several tools: theirs together)."""
        if intent in self.registry:
            return {k for kinds in self.registry.get(intent).kinds.values() for k in kinds}
        return set(PLANNED_KINDS.get(intent, ()))

    def _constraints(self, parsed: Parsed, mentions: list[Mention], bodies: list[str]) -> set[str]:
        """The kinds of constraint a question states (the same kinds tools declare for their arguments)."""
        text, numbers = parsed.text, parsed.numbers_text
        found = set()
        if mentions or bodies:
            found.add("object")
        if parsed.positions:
            found.add("sky_position")
        if parsed.magnitude_limits:
            found.add("magnitude_limit")
        elif parsed.magnitudes:
            found.add("magnitude")
        if extract.extract_radius_deg(numbers) is not None and re.search(r"\b(within|radius|around|of)\b", text):
            found.add("radius")
        if parsed.count is not None:
            found.add("count")
        if parsed.counted is not None and re.search(
            r"\b(how many|count|list|which|brightest|nearest|closest)\b", text, re.I
        ):
            found.add("object_type")
        if extract.extract_redshift(text) is not None:
            found.add("redshift")
            if re.search(rf"\b{extract.NUM}\s*(?:arc\s*-?\s*(?:sec|min)\w*|″|′)", numbers, re.IGNORECASE):
                found.add("angle")  # '1 arcminute at redshift 0.3': an angle to turn into a size
        if extract.extract_velocity_km_s(numbers) is not None:
            found.add("velocity")
        if parsed.column_cuts:
            found.add("column_condition")
        if parsed.parallax_limit_mas is not None:
            found.add("parallax_limit")
        elif extract.extract_parallax_mas(numbers) is not None:
            found.add("parallax")
        elif extract.extract_distance_pc(numbers) is not None:
            found.add("distance")
        if self._names_a_site(text):
            found.add("place")
        if find_when(text, self._now()):
            found.add("time")
        if extract.extract_frames(text)[1] not in (None, "icrs"):
            found.add("frame")
        if self._constellation(text):
            found.add("constellation")
        elif not (mentions or bodies or parsed.positions) and self._constellation(text, bare=True):
            found.add("object")  # 'when does Orion rise?': a constellation named alone is what is asked about
        return found

    @staticmethod
    def _cosmology_parameter(lowered: str) -> str | None:
        """'H0', 'Om0', 'Ode0', 'hubble_scale' or 'parameters': a cosmology's parameters asked, not a quantity at z.

        With a cosmology named ('H0 in Planck 2018'), or asked for plainly ('what's the Hubble constant?', 'what
        value of Omega matter do you use?': the default's), with no number and nothing a map or spectrum would take.
        """
        if re.search(r"\bhubble (time|distance|length|radius)\b", lowered):
            return "hubble_scale"  # 1/H0 and c/H0, of any cosmology ('for H0 = 70')
        named = re.search(r"\b(planck|wmap|cosmolog\w*|lcdm|λcdm)", lowered)
        for_a_model = re.search(r"\b(power[ -]spectr\w*|fields?|maps?|simulat\w*|cubes?|box(es)?|emulat\w*)\b", lowered)
        plainly = re.search(r"\b(what|what's|whats|which|value|tell me|give me)\b", lowered) and not (
            for_a_model or re.search(r"(?<![a-zω_])\d", lowered)
        )
        if not (named or plainly):
            return None
        if re.search(r"\bhubble constant\b|\bh_?0\b(?!\s*=)|\bhubble (parameter|rate) (today|now)\b", lowered):
            return "H0"
        if re.search(r"\bomega[\s_]?m(atter)?\b(?!\s*=)|\bmatter density\b|\bω_?m\b(?!\s*=)|\bom0\b(?!\s*=)", lowered):
            return "Om0"
        if re.search(r"\bdark energy density\b|\bomega_?(lambda|de)\b|\bode0\b", lowered):
            return "Ode0"
        if plainly and re.search(
            r"\bcosmological parameters\b|\bparameters of (the|your) (cosmology|universe)\b", lowered
        ):
            return "parameters"  # 'what cosmological parameters do you use?'
        return None

    @staticmethod
    def _previous_object(parsed: Parsed, mentions: list[Mention], bodies: list[str], context: ChatContext) -> bool:
        """Whether a chat turn is about the conversation's object: 'it', or a bare 'what constellation?'.

        The object may be one an answer found ('what's at <position>?', 'the brightest star near M31'): 'that'.
        """
        if PRONOUN.search(parsed.text) and context.answer_objects:
            return True
        if not context.objects:
            return False
        if PRONOUN.search(parsed.text):
            return True
        bare = not (mentions or bodies or parsed.positions) and len(parsed.text.split()) <= 4
        return bare and bool(set(parsed.asks) & (OBJECT_FACTS | {"constellation", "distance", "position", "altitude"}))

    def _can_run(
        self, intent: str, parsed: Parsed, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> bool:
        """Whether the question (or, for a follow-up, the conversation) holds what ``intent`` cannot do without."""
        text = parsed.text
        has_object = (
            bool(mentions or bodies)
            or self._previous_object(parsed, mentions, bodies, context)
            or bool(ARCHIVE_DESIGNATION.search(text))  # 'HD 209458': the local index lacks it, SIMBAD may not
        )
        if intent == "magnitude_distance":
            return bool(
                parsed.magnitudes
                or extract.extract_distance_pc(text) is not None
                or re.search(r"\bmodulus\b", text, re.IGNORECASE)
            )
        if intent == "angular_separation":  # between two: 'the dec of Polaris in degrees' names one object
            named = len({m.ref.key for m in mentions}) + len(set(bodies)) + len(parsed.positions)
            return (
                named >= 2
                or bool(named and context.objects and PRONOUN.search(text))
                or (not named and len(context.recent_objects) >= 2)
            )
        if intent == "parallax_distance":
            return (
                extract.extract_parallax_mas(text) is not None
                or has_object
                or self._parallax_of_a_distance(text, mentions)
            )
        if intent in {"star_distance", "object_info", "resolve_object", "constellation"}:
            catalogued = has_object and not (bodies and not mentions and intent != "constellation")
            return (  # the Moon and the planets are in no catalog: the ephemeris tools take them
                catalogued
                or bool(parsed.positions)
                or bool(unknown_name_spans(text))
                or self._guessed_name(text) is not None
            )
        if intent == "convert_units":
            from aeiou_agent.tools.sky import is_unit

            return parsed.single_ra_deg is not None or extract.extract_unit_conversion(text, is_unit) is not None
        if intent in {"observability", "rise_set", "body_position"}:  # a constellation is a point here: its centre
            return (
                has_object
                or bool(re.search(r"\b(sun|moon)(rise|set)\b", text, re.IGNORECASE))
                or self._constellation(text, bare=True) is not None
            )
        if intent == "cone_search":  # a search around something: without a centre it is a search of the whole sky
            keeps_centre = context.intent == intent and bool(FOLLOW_UP.search(text))  # 'and brighter than 7?'
            return has_object or keeps_centre or bool(parsed.positions) or self._guessed_name(text) is not None
        if intent == "cosmology_calculator":
            return bool(
                extract.extract_redshift(text) is not None
                or extract.extract_value_to_solve(text) is not None  # the redshift is what is asked
                or self._cosmology_parameter(text.lower())
                or extract.extract_cosmology(text).quantity in _COSMOLOGY_ONLY  # then: at which redshift?
                or re.search(r"\b(universe|cosmos|big bang)\b", text, re.IGNORECASE)
                or _named_epoch(text)
                or context.intent == "cosmology_calculator"
            )
        if intent in self.registry and not hasattr(self, f"_build_{intent}"):  # planned from its declared kinds
            kinds = {k for names in self.registry.get(intent).kinds.values() for k in names}
            if kinds & {"object", "sky_position"}:  # a tool about a target cannot run on a question without one
                return bool(has_object or parsed.positions or self._guessed_name(text))
            if "velocity" in kinds:  # a Doppler shift: the speed, or a redshift whose speed is asked
                return extract.extract_velocity_km_s(text) is not None or (
                    extract.extract_redshift(text) is not None
                    and bool(re.search(r"\b(velocity|speed|how fast|km/s|reced\w*|recession|moving)\b", text, re.I))
                )
        return True

    def _multi_part(
        self, intent: str, parsed: Parsed, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan | None:
        """One plan with a part per group of facts asked about one object ('distance and how bright it looks').

        Each fact goes to the tool that gives it; a tool that gives several is used once. None when the question
        asks one thing (the routed intent answers it).
        """
        if parsed.compares and len(mentions) == 1 and intent in OBJECT_INTENTS:
            mentions = self._with_unknown_name(parsed.text, mentions)  # 'is M44 brighter than Xyzzy?': say so
        if parsed.compares and len(mentions) >= 2 and intent in OBJECT_INTENTS:  # the same fact for each object
            if parsed.comparative == "higher":  # 'is Capella higher than Vega at … from London?': altitudes
                intent = "body_position"
            plan = self._parts([(intent, [m], bodies) for m in mentions], parsed, context)
            plan.comparative = parsed.comparative
            return plan
        if parsed.compares and parsed.comparative and bodies and len(mentions + bodies) >= 2:
            # 'is Jupiter brighter than Sirius?', 'which is closer, Mars or Venus?': the catalog's facts and the
            # ephemeris's, in the order named
            lowered = parsed.text.lower()
            named: list[tuple[int, tuple[str, list[Mention], list[str]]]] = [
                (m.start, ("object_info", [m], [])) for m in mentions
            ]
            named += [(lowered.find(body.lower()), ("body_position", [], [body])) for body in bodies]
            plan = self._parts([part for _start, part in sorted(named, key=lambda item: item[0])], parsed, context)
            plan.comparative = parsed.comparative
            return plan
        asks = set(parsed.asks)
        if bodies and not mentions and not parsed.positions and intent in BODY_INTENTS:
            wishes = asks | ({"plot"} if parsed.wants_plot else set())  # 'plot how high the Moon gets': one part
            if parsed.wants_plot and not re.search(r"\b\d{1,2}:\d{2}\b", parsed.text):
                wishes -= {"altitude"}  # 'plot the altitude of Mars tonight': the plotted curve is the altitude
            if len(asks) < 2:
                return None
            return self._cover(intent, wishes, BODY_INTENTS, parsed, mentions, bodies, context)
        if intent == "angular_separation":
            asks -= {"distance", "position"}
        has_object = bool(mentions) or self._previous_object(parsed, mentions, bodies, context)
        if bodies or parsed.positions or not has_object or len(asks) < (1 if intent == "angular_separation" else 2):
            return None
        if intent not in OBJECT_INTENTS | {"angular_separation"}:
            return None
        frame = extract.extract_frames(parsed.text)[1]
        if "position" in asks and frame not in (None, "icrs"):
            asks = (asks - {"position"}) | {"frame_position"}
        return self._cover(intent, asks, OBJECT_INTENTS, parsed, mentions, bodies, context)

    def _with_unknown_name(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The known names and a capitalised name the index does not know, in the order written (to say so)."""
        for match in re.finditer(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b", text):
            phrase, start = match.group(0), match.start()
            if any(m.start <= start < m.end for m in mentions) or _NOT_UNKNOWN_NAMES.match(phrase.split()[0]):
                continue
            if normalize(phrase) in _NOT_NAMES or self._names_a_site(phrase) or self._constellation(phrase):
                continue
            found = Mention(phrase, start, match.end(), ObjectRef("unknown", phrase))
            return sorted([*mentions, found], key=lambda m: m.start)
        return mentions

    def _cover(
        self,
        intent: str,
        asks: set[str],
        intents: frozenset[str],
        parsed: Parsed,
        mentions: list[Mention],
        bodies: list[str],
        context: ChatContext,
    ) -> Plan | None:
        """The fewest of ``intents`` that provide every fact asked, one part each; None if ``intent`` alone does."""
        candidates = {name: facts for name, facts in self.provides.items() if name in intents and facts}
        if not candidates:
            return None
        parts: list[str] = [intent] if intent == "angular_separation" else []
        remaining = set(asks)
        while remaining:
            best = max(candidates, key=lambda name: len(candidates[name] & remaining))
            if not candidates[best] & remaining:
                break
            parts.append(best)
            remaining -= candidates[best]
        if not parts:
            return None
        if len(parts) == 1:
            return (
                None
                if parts[0] == intent
                else getattr(self, f"_build_{parts[0]}")(parsed.text, mentions, bodies, context)
            )
        return self._parts(
            [(part, mentions[:1] if part != intent else mentions, bodies) for part in parts], parsed, context
        )

    def _parts(self, parts: list[tuple[str, list[Mention], list[str]]], parsed: Parsed, context: ChatContext) -> Plan:
        """One plan of several parts, each an intent's plan for its objects and bodies, rendered in order."""
        calls: list[PlannedCall] = []
        spans: list[tuple[str, int, int]] = []
        notes: list[str] = []
        leads: list[str] = []
        for part, objects, bodies in parts:
            built: Plan = getattr(self, f"_build_{part}")(parsed.text, objects, bodies, context)
            if built.lead and built.lead not in leads and not parsed.compares:  # 'redshift of M87 and its distance
                leads.append(built.lead)
            if any(span[0] == built.intent and calls[span[1] : span[2]] == built.calls for span in spans):
                continue  # that part falls back on a part already planned (M87's catalog entry): once is enough
            offset = len(calls)

            def shifted(ref: Ref, offset: int = offset) -> Ref:
                return Ref(ref.step + offset, ref.key)

            for call in built.calls:
                args = map_refs(call.args, shifted)
                calls.append(PlannedCall(call.tool, args, call.purpose))
            spans.append((built.intent, offset, len(calls)))
            notes += [n for n in built.notes if n not in notes]
        return Plan("multi_part", calls, notes=notes, parts=spans, lead=" ".join(leads))

    def _unused_constraints(self, parsed: Parsed, plan: Plan) -> list[str]:
        """Constraints the parse found that no planned call uses: named, never silently dropped."""
        used = {key for call in plan.calls for key, value in call.args.items() if value is not None}
        tools = {call.tool for call in plan.calls}
        if tools == {self._provider("reference")}:
            return []  # the literature search takes the question's own words, 'morphology' and '2019' included
        notes = []
        limit_args = {
            name
            for call in plan.calls
            if call.tool in self.registry
            for name in self.registry.get(call.tool).arguments_of_kind("magnitude_limit")
        }
        if parsed.magnitude_limits and not used & ({"mag_max", "mag_min"} | limit_args) and not tools & MAGNITUDE_TOOLS:
            limit = parsed.magnitude_limits[0]
            what = limit.text.strip() or f"magnitude {limit.value:g}"
            notes.append(f"I did not apply the magnitude limit ({what}): no tool here filters by magnitude.")
        if parsed.count is not None and not used & COUNT_ARGS and not tools & COUNT_FREE_TOOLS:
            notes.append(f"I could not limit the answer to {parsed.count}: the tool used lists a fixed set.")
        applied = [(c["column"], c["op"], c["value"]) for call in plan.calls for c in call.args.get("where") or []]
        searched = {call.args.get("catalog", "hipparcos") for call in plan.calls if call.tool in CONDITION_TOOLS}
        for cut in parsed.column_cuts:
            if searched and (cut.column, cut.op, cut.value) not in applied:
                lacking = " and ".join(CATALOG_NAMES[c] for c in sorted(searched - set(cut.catalogs)))
                holders = " and ".join(CATALOG_NAMES[c] for c in cut.catalogs)
                notes.append(f"I did not apply '{cut.text}': {lacking} has no {cut.label}; only {holders} has.")
        radius_deg = extract.extract_radius_deg(parsed.numbers_text)
        radius_args = {
            name
            for call in plan.calls
            if call.tool in self.registry
            for name in self.registry.get(call.tool).arguments_of_kind("radius")
        }
        search_radius = re.search(r"\bwithin\b|(?<!half-light )(?<!effective )\bradius\b|\bcone\b", parsed.text, re.I)
        if radius_deg is not None and search_radius and not used & radius_args:
            notes.append(f"I did not use the radius ({radius_deg:g}°): the search here has no centre to measure from.")
        plots = any(call.args.get("plot") or "plot" in self.provides.get(call.tool, ()) for call in plan.calls)
        if parsed.wants_plot and not plots:
            notes.append("I have no plot for this answer; the numbers are below.")
        given = {fact for tool in tools for fact in self.provides.get(tool, ())}
        if tools:  # 'the B-V of the Sun': the position tool gives other facts of it, not this one
            limits = {"brightness"} if parsed.magnitude_limits else set()  # 'brighter than magnitude 4' asks nothing
            if parsed.parallax_limit_mas is not None:
                limits.add("parallax")  # 'with parallax > 200 mas' filters; it asks for no parallax
            if parsed.column_order is not None or parsed.aggregate is not None:
                limits |= set(OBJECT_FACTS_SAID)  # 'the largest parallax', 'the mean B-V': an order or a statistic
            missing = [OBJECT_FACTS_SAID[a] for a in parsed.asks if a in OBJECT_FACTS_SAID and a not in given | limits]
            if missing:  # 'how bright is Jupiter': the ephemeris has its position, not its magnitude
                notes.append(f"I have no {' or '.join(missing)} for this: the tool used does not give it.")
        return notes

    @staticmethod
    def _points_at_no_object(parsed: Parsed, mentions: list[Mention], bodies: list[str], context: ChatContext) -> bool:
        """'how far is it?', 'which constellation is that in?' with nothing to point back to: ask which object.

        A fact of some object asked of 'it'/'that' when the question names none and the chat has none; not a
        count, a search by limits or a paper. A distance, position, altitude or rising time is such a fact too, unless
        the question has numbers it may be computed from ('m - M = 12.3, how far is it?', 'how far is it at z = 2?'):
        then only facts of objects alone count (kind, brightness, constellation, ...).
        """
        facts = OBJECT_FACTS | {"constellation"} if re.search(r"\d", parsed.text) else POINTED_FACTS
        return bool(
            _POINTS_BACK.search(parsed.text)
            and not (mentions or bodies or parsed.positions or context.objects or context.answer_objects)
            and parsed.counted is None
            and not (parsed.magnitude_limits or parsed.column_cuts or "reference" in parsed.asks)
            and not re.search(r"\b(universe|cosmos)\b", parsed.text, re.IGNORECASE)  # 'half its present age'
            and set(parsed.asks) & facts
        )

    def _weakly_supported(self, intent: str, text: str, mentions: list[Mention], bodies: list[str]) -> bool:
        """An intent chosen without the arguments it needs: an unknown name, or a catalog search with no filter."""
        lowered = text.lower()
        if intent in {
            "generate_galaxies",
            "synthetic_deep_field",
            "density_field",
            "matter_power_spectrum",
            "enhance_cutout",
            "fit_galaxy_profile",
            *MULTIMODAL_TOOLS,
        }:
            # models run on request ('draw …', 'simulate …', 'P(k) …'); a bare topic is a literature question
            return self._strong_cue(text, mentions) != intent
        spec = self.registry.get(intent) if intent in self.registry else None
        if spec and spec.family in {"simulate", "generative"} and not hasattr(self, f"_build_{intent}"):
            parsed = _PARSED.get()
            if parsed.describes_method:  # 'generating 256^3 volumes with a scalable GAN': a method, not a request
                try:
                    filled = self._build_from_kinds(intent, parsed, ChatContext()).calls[0].args
                except NeedInfo:
                    filled = {}
                values = [name for name in filled if "option" not in spec.kinds.get(name, ())]  # 'GAN' is no value
                return not values  # unless it gives the tool something to run with ('… with sigma8 = 0.9')
        if intent in {"object_info", "resolve_object", "star_distance"} and not mentions and not bodies:
            return not re.search(r"\b(ra|dec|coordinates?)\b|\d", lowered) or bool(re.search(r"[a-z]\d", lowered))
        if intent in {"find_objects", "cone_search"} and not mentions:
            has_filter = (
                self._constellation(text)
                or extract.extract_radius_deg(text) is not None
                or any(v is not None for v in extract.extract_magnitude_limits(text))
                or _PARSED.get().positions
            )
            asks_catalog = _PARSED.get().column_order is not None or re.search(
                r"\b(how many|list|count|brightest|faintest|nearest|closest|show|which stars)\b", lowered
            )
            return not has_filter and not asks_catalog
        return False

    @staticmethod
    def _multimodal_cue(lowered: str) -> str | None:
        """One of the multimodal VAE's tools, when the question leaves no doubt."""
        galaxy = re.search(r"\b(galax(y|ies)|samples?|stamps?|cutouts?|images?|#\s*\d)", lowered)
        if not galaxy or re.search(r"\b(papers?|articles?|literature|arxiv|catalog(ue)?s?)\b", lowered):
            return None
        if re.search(r"\b(anomal(ous|y|ies)|outliers?|(weird|strange|unusual|odd)(est)?)\b", lowered):
            return "rank_anomalies"
        if re.search(r"\b(similar|nearest\s+neighbou?rs?|look(s|ing)?\s+(most\s+)?like\s+(sample|galaxy|#))", lowered):
            return "similar_galaxies"
        if re.search(
            r"\bpaired\b|\bpairs?\s+of\b|\b(sdss|des)(-like)?\s+(and|&)\s+(sdss|des)\b", lowered
        ) and re.search(r"\b(draw|generate|sample|simulate|make|create|give|show|produce|observations?)\b", lowered):
            return "sample_galaxy_pairs"
        reference = re.search(r"\b(this|that|the\s+same|sample\s*#?\s*\d+|galaxy\s*#?\s*\d+)\b|#\s*\d", lowered)
        if (
            reference
            and re.search(
                r"\b(change|set|make|turn|modify|edit|rotate|give|would\s+.+\s+look\s+like\s+(with|if)|increase|decrease|"
                r"double|halve)\b",
                lowered,
            )
            and extract.extract_galaxy_edit(lowered)
        ):
            return "edit_galaxy"
        model = re.search(r"\bpredict|\b(multi-?modal|poe|product[- ]of[- ]experts|latent|vae)\b", lowered)
        if model and re.search(
            r"\b(param\w*|s[eé]rsic|structur\w*|size|radius|ellipticity|flux|des(-like)?|sdss(-like)?)\b", lowered
        ):
            return "predict_galaxy_parameters"
        return None

    def _declared_values(self, parsed: Parsed) -> dict[str, int]:
        """Tools whose declared argument words (and a redshift) give two or more values here, with how many each gets.

        'a 1 Gyr old, solar metallicity population of 10^9 solar masses' fills three of galaxy_spectrum's (and
        galaxy_photometry's) arguments: a request for that tool, and those words are its inputs, not facts asked of
        a catalog object ('metallicity', 'mass of' are otherwise refused as facts no catalog has).
        """
        if parsed.declared_values is None:
            counts = {}
            for spec in self.registry:
                if not spec.declaration.words:
                    continue
                found = sum(
                    extract.extract_named_value(parsed.numbers_text, name, words) is not None
                    for name, words in spec.declaration.words.items()
                    if "option" not in spec.kinds.get(name, ())  # a choice's words ('2LPT') set no value
                ) + bool(spec.arguments_of_kind("redshift") and extract.extract_redshift(parsed.text) is not None)
                if found >= 2:
                    counts[spec.name] = found
            parsed.declared_values = counts
        return parsed.declared_values

    def _given_as_input(self, parsed: Parsed, phrase: str) -> bool:
        """Whether ``phrase`` ('metallicity') names a tool's argument that the question gives a value for.

        'photometry of a galaxy with twice the solar metallicity' describes an input; 'the metallicity of Vega' asks
        a fact no tool has.
        """
        for spec in self.registry:
            for name, words in spec.declaration.words.items():
                if "option" in spec.kinds.get(name, ()):
                    continue
                if any(phrase.lower() in word.lower() for word in words) and (
                    extract.extract_named_value(parsed.numbers_text, name, words) is not None
                ):
                    return True
        return False

    def _offering_choice(self, text: str) -> str | None:
        """The one tool with a mode the question asks for by a declared word ('N-body = simulator').

        Only choices other than the tool's default count: those name what the tool does ('2LPT', 'N-body'),
        where words for the default ('GAN', 'neural network') are as often about other things.
        """
        offering = set()
        for spec in self.registry:
            for name, words in spec.declaration.words.items():
                if "option" not in spec.kinds.get(name, ()):
                    continue
                choice = extract.named_choice_word(text, words)
                if choice is not None and choice != spec.args_model.model_fields[name].default:
                    offering.add(spec.name)
        return offering.pop() if len(offering) == 1 else None

    def _similarity(self, text: str, intent: str) -> float:
        """How similar the question is to ``intent``'s examples (its classification score)."""
        return dict(self.classify(text)).get(intent, 0.0)

    def _strong_cue(self, text: str, mentions: list[Mention]) -> str | None:
        """An intent the question's form leaves no doubt about, whatever the embedding says."""
        lowered = text.lower()
        parsed = _PARSED.get()
        if "reference" in parsed.asks:
            return self._provider("reference")
        named_bodies = extract.extract_bodies(text)
        if len(mentions) + len(named_bodies) >= 2 and "Sun" not in named_bodies and _DEGREES_BETWEEN.search(lowered):
            return "angular_separation"  # 'how many degrees is the Moon from Jupiter?' (from the Sun: the elongation)
        catalog_words = r"\b(stars?|galax(y|ies)|clusters?|nebula[es]*|objects|hipparcos|ngc|openngc|catalog(ue)?)\b"
        if parsed.aggregate is not None and re.search(catalog_words, lowered):
            return "sql_query"  # 'the average B-V colour of stars brighter than 3': a statistic SQL computes
        if _BY_CONSTELLATION.search(text) and re.search(catalog_words, lowered) and not mentions:
            return "find_objects"  # 'number of globular clusters per constellation': a count in each
        unanchored = not (mentions or parsed.positions or re.search(r"\d(?![\d.]*\s*-?d\b)", text, re.IGNORECASE))
        if parsed.describes_method and unanchored and self._in_the_literature(text, loosely=True):
            return self._provider("reference")
        declared = self._declared_values(parsed)
        if declared and not mentions:  # values for two or more of a tool's declared arguments: '2 Gyr old, A_V = 1'
            asks = set(parsed.asks)
            return max(
                declared,
                key=lambda tool: (declared[tool], len(asks & self.provides[tool]), self._similarity(text, tool)),
            )
        if extract.extract_fraction_of_today(text) and re.search(r"\b(universe|cosmos|redshift)\b", lowered):
            return "cosmology_calculator"  # 'when was the universe a quarter of its present age?'
        asks_kind = re.match(r"\W*(?:is|was)\s+(?:the\s+)?", lowered)
        if (  # 'is M13 a globular cluster in Hercules?': a yes or no about the object named, not a search of a type
            asks_kind
            and len(mentions) == 1
            and mentions[0].start <= asks_kind.end() + 4
            and re.match(r"\s*(?:an?)\s", text[mentions[0].end :])
        ):
            return "object_info"
        if not (mentions or named_bodies) and re.search(r"\boverhead\b|\bzenith\b", lowered):
            return (
                "zenith"  # 'which star is directly overhead in Honolulu at …?': the zenith there, and what is near it
            )
        if not (mentions or named_bodies or parsed.positions) and _ONE_ASKED.search(lowered):
            return "find_objects"  # 'what is the largest galaxy by angular size?': a search for one, not a name
        if not mentions and _named_epoch(lowered):
            return "cosmology_calculator"  # 'the Hubble parameter at last scattering': an epoch stands for its z
        if not (mentions or named_bodies or parsed.positions) and extract.extract_cosmology(text).quantity in (
            _COSMOLOGY_ONLY
        ):
            return "cosmology_calculator"  # 'the luminosity distance in WMAP9' names no object: at which redshift?
        request = REQUEST.search(lowered)
        multimodal = self._multimodal_cue(lowered)
        if multimodal:
            return multimodal
        if (
            re.search(r"\b(enhanc|de-?nois|signal[- ]to[- ]noise|s/n\b|snr\b|sharpen|deblur)", lowered)
            and re.search(r"\b(cutouts?|stamps?|images?|galax(y|ies)|sdss|fits|npy)\b", lowered)
            and (request or ENHANCE_REQUEST.search(lowered) or extract.extract_image_path(text))
        ):
            return "enhance_cutout"
        if re.search(
            r"\b(structural\s+param\w*|s[eé]rsic\s+(fit|profile\s+fit|param\w*)|fit\s+(a\s+)?s[eé]rsic|"
            r"morpholog\w+\s+param\w*)\b",
            lowered,
        ) and (
            re.search(r"\b(estimate|measure|fit|what|get|find|derive)\b", lowered) or extract.extract_image_path(text)
        ):
            return "fit_galaxy_profile"
        simulation_values = extract.extract_simulation(text).values
        asked_values = simulation_values or extract.extract_density_per_arcmin2(text)
        made = re.search(r"\b(mock|synthetic|simulated|fake)\b", lowered) and not re.match(
            r"\W*(what|why|how|\w+ing)\b",
            lowered,  # 'making mock deep fields of any size' describes a method
        )
        if (request or asked_values or made or _PARSED.get().count) and re.search(
            r"\bdeep[- ](fields?|images?)\b|\b(mock|synthetic|simulated|fake)\s+(survey|galaxy)\s+(images?|fields?)\b",
            lowered,
        ):
            return "synthetic_deep_field"  # a field of many galaxies, not stamps of a few or a matter density field
        if (
            re.search(r"\bgalax(y|ies)\b", lowered)
            and (request or "sersic_n" in extract.extract_galaxy_request(text))
            and (
                re.search(
                    r"\b(s[eé]rsic|synthetic|fake|mock|random|generate|generative|simulated?|draw|sample)\b", lowered
                )
                or (  # real galaxies are listed or mapped, never made: 'make 3 disc galaxies' asks the generator
                    re.search(r"\b(make|create|produce|render)\b", lowered)
                    and not (mentions or self._constellation(text) or re.search(r"\b(list|table|map)\b", lowered))
                )
            )
            and not re.search(r"\b(papers?|articles?|catalog(ue)?s?|how many|brightest|nearest)\b", lowered)
            and not re.search(r"\b(spectr(um|a|al)|seds?|photometry|magnitudes?|colou?rs?)\b", lowered)  # of its light
        ):
            return "generate_galaxies"
        if (request or simulation_values) and (
            re.search(r"\b(density|random|gaussian|log-?normal|mock|matter)\s+(density\s+)?(field|map)s?\b", lowered)
            or (re.search(r"\b(simulate|generate|draw|make|create)\b", lowered) and re.search(r"\bfields?\b", lowered))
        ):
            return "density_field"
        if request and (offering := self._offering_choice(text)):
            return offering  # 'simulate the large-scale structure with an N-body code': one tool has that choice
        if re.search(r"\bpower[ -]spectr(um|a)\b|\bp\s*\(\s*k\s*[,)]|\bcamb\b", lowered):
            return "matter_power_spectrum"
        redshift = extract.extract_redshift(text)
        if (
            not mentions
            and extract.extract_value_to_solve(text) is not None
            and extract.extract_cosmology(text).quantity
        ):
            return "cosmology_calculator"  # 'what redshift corresponds to a lookback time of 10 Gyr?'
        if (
            redshift is not None
            and not mentions
            and re.search(
                r"\b(distance|age|old|lookback|look-back|hubble|h\(z\)|volume|kpc|modulus|universe|scale|size|d_?l|d_?a|ago|"
                r"expansion|cosmolog\w*)\b",
                lowered,
            )
        ):
            return "cosmology_calculator"
        if re.search(
            r"\b(phase of the moon|moon'?s? phase|lunar phase|full moon|new moon|first quarter|last quarter|"
            r"how full is the moon|moon illumination|illumination of the moon|moon.{0,20}illuminated)\b",
            lowered,
        ):
            return "moon_phase"
        if re.search(r"\b(sunrise|sunset|moonrise|moonset)\b", lowered) or (
            re.search(r"\b(when|what time|time|times)\b", lowered) and _asks_rise_or_set(parsed)
        ):
            return self._provider("rise_set")
        if (
            self._constellation(text)
            and extract.extract_radius_deg(text) is None
            and re.search(
                r"\b(stars?|galax(y|ies)|clusters?|nebula[es]*|objects?|brightest|faintest|nearest)\b", lowered
            )
        ):
            return "find_objects"
        if (
            not mentions
            and re.search(
                r"\b(units?|columns?|schema|licen[cs]e|stored|tables?|data ?sets?|cards?|rows)\b"
                r"|\b(which|what) catalog(ue)?s\b",
                lowered,
            )
            and not re.search(r"\d", text)
            and not re.search(r"\b(convert|stars? (within|near|around))\b", lowered)
            and re.search(
                r"\b(hipparcos|ngc|openngc|ic|star[ _]names|catalog(ue)?s?|tables?|columns?|observatory|"
                r"your|you|store)\b|\b(ra|dec|right ascension|declination|parallax|magnitude)\b",
                lowered,
            )
        ):
            return "describe_catalog"
        if (
            re.search(r"\b(distance modulus|absolute magnitude|apparent magnitude)\b", lowered)
            or re.search(r"(?<![A-Za-z_])[mM]\s*=\s*[-+−]?\d", text)
        ) and not (named_bodies and not mentions and not parsed.magnitudes):
            return "magnitude_distance"  # not 'the absolute magnitude of the Sun': the ephemeris has the Sun's
        if not mentions:
            from aeiou_agent.tools.sky import is_unit

            if (
                not _PARSED.get().positions
                and extract.extract_unit_conversion(text, is_unit) is not None
                and (
                    not re.search(
                        r"\b(ra|dec|galactic|ecliptic|equatorial|icrs|fk[45]|sexagesimal|coordinates?)\b", lowered
                    )
                    or _TIME_OF_RIGHT_ASCENSION.search(lowered)  # '20 minutes of RA in degrees': a unit, not a place
                )
            ):
                return "convert_units"
        if "whats_up" in parsed.asks and not mentions and self._names_a_site(text):
            return self._provider("whats_up")
        if (
            re.search(r"\b(visible|observable|observe|observing|altitude curve|observability|see|seen)\b", lowered)
            and not re.search(r"\d{1,2}:\d{2}|naked|\bcircumpolar\b|\bnever sets?\b", lowered)  # rise_set's
            and "ever_rises" not in parsed.asks  # 'is Sirius ever visible from Oslo': on any night, not this one
            and (
                self._names_a_site(text)
                # 'is Jupiter visible tonight?': a night's visibility, for which the site is then asked
                or (
                    re.search(
                        r"\b(visible|observable|see|seen)\b[^.?]*\b(tonight|this (evening|night)|tomorrow night)\b",
                        lowered,
                    )
                    and bool(mentions or extract.extract_bodies(text))
                    and extract.extract_radius_deg(text) is None  # 'observing tonight: what lies within 1° of M13?'
                )
            )
        ):
            return "observability"
        return None

    def _adjust_intent(
        self, intent: str, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> str:
        """Let the arguments correct the routing where they make the intent unambiguous."""
        lowered = text.lower()
        parsed = _PARSED.get()
        solar_only = bool(bodies) and not mentions
        if not (mentions or bodies or parsed.positions) and self._previous_object(parsed, mentions, bodies, context):
            # 'what constellation is that in?' after 'where is Jupiter on …': the conversation's body, at its time
            solar_only = bool(context.objects) and context.objects[-1].lower() in extract.SOLAR_SYSTEM_BODIES
        if (
            intent in {"resolve_object", "object_info", "constellation", "star_distance", "convert_coordinates"}
            and solar_only
        ):
            return "body_position"
        if parsed.compares and len(mentions) >= 2:  # 'which of Altair and Vega is closer?': the fact the word asks
            if parsed.comparative in {"closer", "nearer", "farther", "further"}:
                return "star_distance"
            described = {"brighter", "fainter", "redder", "bluer", "bigger", "larger", "smaller"}  # object_info's facts
            if parsed.comparative in described and intent not in OBJECT_INTENTS:
                return "object_info"
        if intent == "star_distance":
            targets = len(mentions) + (1 if PRONOUN.search(text) and context.objects else 0)
            if targets >= 2 and not parsed.compares and re.search(r"\b(from|between|apart|and)\b", lowered):
                return "angular_separation"
            if extract.extract_parallax_mas(text) is not None and not mentions:
                return "parallax_distance"
        if intent in {"parallax_distance", "magnitude_distance"}:
            if _PARSED.get().magnitudes or "modulus" in lowered:
                return "magnitude_distance"
            if extract.extract_parallax_mas(text) is not None or self._parallax_of_a_distance(text, mentions):
                return "parallax_distance"
        if intent in {"object_info", "resolve_object"} and re.search(r"\bconstellation\b", lowered):
            return "constellation"
        if intent in {"resolve_object", "object_info"} and self._names_a_site(text):
            return "body_position"  # 'Where is Polaris from Greenwich?' asks for altitude and azimuth there
        if intent == "object_info" and re.search(
            r"\b(how far|distance to|light[- ]years? away|parsecs? away)\b", lowered
        ):
            return "star_distance"
        if intent in {"resolve_object", "object_info"} and re.search(
            r"\bgalactic|ecliptic|supergalactic|sexagesimal|b1950\b", lowered
        ):
            return "convert_coordinates"
        if (
            "redshift" not in self._kinds_of(intent)  # a tool that takes the redshift itself keeps it
            and extract.extract_redshift(text) is not None
            and not mentions
            and re.search(r"\b(distance|age|old|lookback|hubble|volume|kpc|modulus|universe|scale)\b", lowered)
        ):
            return "cosmology_calculator"
        rise_words = _asks_rise_or_set(_PARSED.get())
        if intent == "body_position" and rise_words:
            return "rise_set"
        if intent == "rise_set" and not rise_words:
            return "body_position"
        if intent == "observability" and re.search(r"\d{1,2}:\d{2}", text):
            return "body_position"  # a clock time asks where it is then, not about the whole night
        if intent == "moon_phase" and re.search(
            r"\b(diameter|size|big|far|distance|altitude|azimuth|where|position|ra|dec|up|above|below|horizon|high)\b",
            lowered,
        ):
            return "body_position"  # about the Moon, but not its phase
        return intent

    # ------------------------------------------------------------------ argument helpers

    def _objects(
        self, text: str, mentions: list[Mention], context: ChatContext, needed: int = 1, notes: list[str] | None = None
    ) -> list[str]:
        """Object names for a plan: from the question, then (for 'it', 'that') from the conversation.

        A misspelled name in a follow-up ('and Betelguese?') is the new object, not the previous one again.
        """
        names = [_object_arg(m) for m in mentions]
        if len(names) < needed and not PRONOUN.search(text):
            guess = self._guess_name(text, exclude=names, notes=notes, fuzzy_only=True)
            if guess:
                names.append(guess)
        if (
            len(names) < needed
            and context.answer_objects
            and PRONOUN.search(text)
            and set(_PARSED.get().asks)
            & {"colour", "distance", "kind", "parallax", "brightness", "size", "constellation"}
        ):
            names.insert(0, context.answer_objects[0])  # 'what is its B-V?' after 'the brightest star near M31'
        refers_back = PRONOUN.search(text) or FOLLOW_UP.search(text) or len(text.split()) <= 4
        if len(names) < needed and context.objects and refers_back:
            for previous in reversed(context.objects):
                if previous not in names and len(names) < needed:
                    names.insert(0, previous)
        if len(names) < needed:
            guess = self._guess_name(text, exclude=names, notes=notes)
            if guess:
                names.append(guess)
        if len(names) < needed:
            raise NeedInfo(WHICH_OBJECT)
        return names

    def _guessed_name(self, text: str) -> str | None:
        """:meth:`_guess_name` with nothing excluded, remembered for the last question: every candidate tool asks."""
        last = self._last_guess  # one tuple, swapped whole: sessions in other threads may plan at the same time
        if last is None or last[0] != text:
            last = self._last_guess = (text, self._guess_name(text, exclude=[], notes=None))
        return last[1]

    def _guess_name(
        self, text: str, exclude: list[str], notes: list[str] | None, fuzzy_only: bool = False
    ) -> str | None:
        """A name-like phrase the index did not know: a close misspelling is corrected, else passed on as typed.

        With ``fuzzy_only``, only a close misspelling of a known name counts.
        """
        names = self._store().names
        if not fuzzy_only:  # a designation the local index lacks, whole: an archive tool may know it
            designation = next(
                (m.group(0) for m in ARCHIVE_DESIGNATION.finditer(text) if m.group(0) not in exclude), ""
            )
            if designation:
                return " ".join(designation.split())
        # 'what is the distance to the Galactic centre': the name follows the fact asked
        candidates = [_ASKED_FACT.sub("", m.group(1).strip()) for m in _NAME_TRIGGER.finditer(text)]
        candidates += re.findall(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b", text)
        filters = tuple(cut.text.lower() for cut in _PARSED.get().column_cuts)  # 'Messier galaxies': no name
        candidates = [c for c in candidates if not c.lower().startswith(filters) and not PRONOUN.match(c)]
        for candidate in candidates:
            words = candidate.split()
            if not words or _NOT_UNKNOWN_NAMES.match(words[0].strip("'’s")) or self._names_a_site(candidate):
                continue
            for size in range(len(words), 0, -1):
                phrase = " ".join(words[:size])
                if normalize(phrase) in _NOT_NAMES or phrase in exclude or len(phrase) < 3:
                    continue
                fuzzy = names.best_fuzzy(phrase)
                if fuzzy:
                    display, _ref = fuzzy
                    if notes is not None and normalize(display) != normalize(phrase):
                        notes.append(f"I read '{phrase}' as '{display}'.")
                    return display
        if fuzzy_only:
            return None
        for candidate in candidates:
            if not candidate.split() or _NOT_UNKNOWN_NAMES.match(candidate.split()[0].strip("'’s")):
                continue
            if self._names_a_site(candidate):
                continue
            if normalize(candidate) not in _NOT_NAMES and candidate.lower() not in extract.SOLAR_SYSTEM_BODIES:
                cleaned = re.sub(r"^(the|a|an)\s+", "", candidate, flags=re.IGNORECASE).strip()
                if len(cleaned) >= 2 and not re.fullmatch(r"[\d.\s]+", cleaned):
                    return cleaned
        return None

    def _constellation(self, text: str, *, bare: bool = False) -> str | None:
        """A constellation named as a region of the sky ('in Orion'), not as part of a name ('Hercules Cluster').

        With ``bare``, one named alone too ('when does Orion rise?'), for the tools that take it as a point.
        """
        masked = mask_names(text, self._store().names.mentions(text), [])
        return extract.named_constellation(masked, bare=bare)

    def _names_a_site(self, text: str) -> bool:
        return extract.extract_latlon(text) is not None or self._named_place(text) is not None

    def _named_place(self, text: str) -> str | None:
        """An observatory ('Paranal', 'CTIO') or a city ('Santiago, Chile') named in the question."""
        return extract.extract_site(text, _site_names()) or self._city(text)

    def _about_a_place(self, text: str) -> bool:
        """Whether the question is about a place itself, named last ('where is Mauna Kea?', 'elevation of Paranal').

        Not a site named as where one looks from ('where is Cassiopeia from London at 22:00?').
        """
        found = re.search(r"\b(?:is|of)\s+(?:the\s+)?([A-Za-z][\w'’. -]*?)(?:\s+observatory)?\s*[?.!]*\s*$", text, re.I)
        return found is not None and self._is_a_place(f"where is {found.group(1)}")

    def _is_a_place(self, text: str, *, observatories: bool = True) -> bool:
        """Whether the place a question names is a city (or an observatory): 'where is Tucson?', '… Mauna Kea?'."""
        from aeiou_agent.tools.ephemeris import SITE_KEYS
        from aeiou_agent.tools.places import lookup_place

        phrase = self._place_phrase(text)
        if not phrase:
            return False
        return (observatories and normalize(phrase) in SITE_KEYS) or lookup_place(phrase) is not None

    def _city(self, text: str, *, loose: bool = False) -> str | None:
        """A city named as the place of observation ('sunset in Santiago, Chile'), not an object or planet.

        ``loose`` when the tool needs a place and the question names none otherwise: smaller cities count too.
        """
        from aeiou_agent.store.catalogs import constellation_names
        from aeiou_agent.tools.ephemeris import SITE_KEYS
        from aeiou_agent.tools.places import find_place_in_text

        names = self._store().names
        exclude = {normalize(m.text) for m in names.mentions(text)} | set(extract.SOLAR_SYSTEM_BODIES) | set(SITE_KEYS)
        exclude |= {normalize(name) for name in constellation_names().values()}  # 'stars in phoenix': the sky's
        return find_place_in_text(text, exclude, is_word=is_word, loose=loose)

    def _site(self, text: str, context: ChatContext, tool: str, required: bool) -> dict[str, Any]:
        latlon = extract.extract_latlon(text)
        if latlon:
            return {"latitude_deg": latlon[0], "longitude_deg": latlon[1]}
        site = self._named_place(text)
        if site:
            return {"site": site}
        if context.site and (FOLLOW_UP.search(text) or PRONOUN.search(text) or context.intent):
            return {"site": context.site}
        city = self._city(text, loose=True) if required else None
        if city:  # 'sunset in reykjavik': a place is needed, and a smaller city typed in lower case is one
            return {"site": city}
        from aeiou_agent.tools.places import country_named

        country = country_named(text)
        if country:  # 'is Orion visible from Chile?': a country is too big a place to compute from
            raise NeedInfo(
                f"Where in {country}? Name an observatory (Kitt Peak, Cerro Tololo, Cerro Pachón, Mauna Kea, La Palma, "
                f"Paranal, La Silla, Siding Spring, ...), a city with its country (e.g. 'Santiago, Chile') or give "
                f"latitude and longitude for {tool}."
            )
        if required:
            raise NeedInfo(
                f"From which observatory? Name a site (Kitt Peak, Cerro Tololo, Cerro Pachón, Mauna Kea, La Palma, "
                f"Paranal, Apache Point, Palomar, Siding Spring, ...), a city ('from Madrid') or give latitude and "
                f"longitude for {tool}."
            )
        return {}

    def _when(self, text: str, context: ChatContext, date_only: bool) -> str:
        """The UTC moment (or day) the question is about: written in it, relative to the conversation, or now.

        'at 22:00 CET' is converted to UTC; 'and at 23:00?' and 'the next day' change the conversation's moment;
        'after 2026-05-01' means once that day is over.
        """
        now = self._now()
        lowered = text.lower()
        clock = re.search(r"\b(\d{1,2}):(\d{2})\b", text)
        offset = zone_offset_hours(text)
        shift = _time_shift(lowered)
        if context.when and not ISO_DATE.search(text) and (shift or (clock and FOLLOW_UP.search(text))):
            base = dt.datetime.fromisoformat(context.when[:19] if len(context.when) > 10 else context.when + "T00:00")
            base += shift or dt.timedelta()
            site = None
            if clock and not offset and _clock_is_local(text) and context.clock != "utc":  # the site's clock
                site = self._site_with_zone(self._named_place(text) or context.site)
            if clock:
                _PARSED.get().clock = "local" if site else "utc"
            if clock and site:  # 'and at 23:00?' after '… at 22:00 in Madrid': 23:00 in Madrid that day
                day = base.date()
                if len(context.when) > 10:  # a moment (UTC): the local day it fell on
                    day = base.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(str(site.time_zone))).date()
                iso = self._local_to_utc(f"{day}T{int(clock.group(1)):02d}:{clock.group(2)}:00", site)
                return iso[:10] if date_only else iso
            if clock:  # 'the next day at 22:00 UTC'
                base = base.replace(hour=int(clock.group(1)), minute=int(clock.group(2)), second=0)
            elif len(context.when) == 10 and shift and shift % dt.timedelta(days=1) == dt.timedelta():
                return base.strftime("%Y-%m-%d")  # whole days from a day stay a day
            if clock and offset:  # 'the next day at 22:00 CET'
                base -= dt.timedelta(hours=offset)
            iso = base.strftime("%Y-%m-%dT%H:%M:%S")
            return iso[:10] if date_only else iso
        found = find_when(text, now)
        if found and found[1].lower() == "now" and context.when and re.match(r"\W*now\b(?!\s*\?)", lowered):
            found = None  # 'now from La Palma' in a chat: 'now' changes one thing, not the moment
        local = False
        if found:
            iso, phrase, has_time = found
            if date_only and phrase in ("tonight", "midnight"):
                # a night is named by its evening's date, whatever the hour asked: the site's, where it is known
                # ('tonight from Palomar' at 00:03 UTC is the night of the day before there); 02:00 is still last night
                site = self._site_with_zone(self._named_place(text) or context.site)
                there = now.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(str(site.time_zone))) if site else None
                iso = (there - dt.timedelta(hours=6)).strftime("%Y-%m-%d") if there else now.strftime("%Y-%m-%d")
            elif phrase == "tonight" and len(iso) == 10:  # a moment tonight: 22:00 at the site, not the day's start
                iso = self._tonight(iso, self._site_with_zone(self._named_place(text) or context.site), now)
            elif re.match(r"today\b", phrase.lower()) and len(iso) == 10 and not date_only:
                iso = now.strftime("%Y-%m-%dT%H:%M:00")  # 'the Moon's distance today': now, not the day's start
            if re.search(rf"\bafter\s+{re.escape(phrase)}", text) and len(iso) == 10:
                iso = (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()
            local = has_time and not date_only and not offset and _clock_is_local(text)
        elif context.when and (FOLLOW_UP.search(text) or (PRONOUN.search(text) and context.objects)):
            iso = context.when  # 'and Mars?', 'what constellation is it in?': the moment the conversation is at
        else:
            iso = now.strftime("%Y-%m-%dT%H:%M:00")
        if offset and len(iso) > 10:
            moment = dt.datetime.fromisoformat(iso) - dt.timedelta(hours=offset)
            iso = moment.strftime("%Y-%m-%dT%H:%M:%S")
        elif local and len(iso) > 10 and (site := self._site_with_zone(self._named_place(text))):
            iso = self._local_to_utc(iso, site)
            _PARSED.get().clock = "local"
        elif found and found[2] and len(iso) > 10:
            _PARSED.get().clock = "utc"
        return iso[:10] if date_only else iso

    @staticmethod
    def _site_with_zone(place: str | None) -> Site | None:
        """The observatory or city ``place`` names, if it has a known time zone."""
        from aeiou_agent.tools.ephemeris import find_site

        try:
            site = find_site(place) if place else None
        except UserError:
            return None
        return site if site is not None and site.time_zone else None

    @staticmethod
    def _tonight(day: str, site: Site | None, now: dt.datetime) -> str:
        """'Where is Jupiter tonight?': 22:00 local time at the site (UTC without one), or now if that has passed."""
        evening = dt.datetime.fromisoformat(f"{day}T22:00:00")
        if site is not None:
            evening = evening.replace(tzinfo=ZoneInfo(str(site.time_zone))).astimezone(dt.UTC).replace(tzinfo=None)
        moment = max(evening, now.replace(tzinfo=None))
        where = f"local time at {site.name}" if site is not None else "UTC (name a site for its local evening)"
        said = "now" if moment > evening else f"22:00 {where}"
        _PARSED.get().notes.append(f"I took 'tonight' as {said}: {moment:%Y-%m-%d %H:%M} UTC.")
        return moment.strftime("%Y-%m-%dT%H:%M:%S")

    @staticmethod
    def _local_to_utc(iso: str, site: Site) -> str:
        """A clock time at ``site`` ('at 22:00 from Tokyo') as UTC, with a note saying how it was read."""
        written = dt.datetime.fromisoformat(iso).replace(tzinfo=ZoneInfo(str(site.time_zone)))
        moment, zone = written.astimezone(dt.UTC), written.tzname()
        _PARSED.get().notes.append(
            f"I read {written:%H:%M} as local time at {site.name} ({zone}), {moment:%Y-%m-%d %H:%M} UTC; "
            "write 'UTC' after a time to mean UTC."
        )
        return moment.strftime("%Y-%m-%dT%H:%M:%S")

    def _target(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext, notes: list[str]
    ) -> str:
        """One target for ephemeris tools: a Solar System body or a catalog object."""
        if mentions:
            return _object_arg(mentions[0])
        if len(bodies) > 1 and "Sun" in bodies and re.search(r"\bfrom the sun\b", text, re.IGNORECASE):
            bodies = [body for body in bodies if body != "Sun"]  # 'how far from the Sun is Venus?': the origin
        if bodies:
            return bodies[0]
        positions = _PARSED.get().positions
        if positions:  # 'is 12h51m +27d up', 'when does the Galactic centre rise'
            return positions[0].target()
        constellation = self._constellation(text, bare=True)
        if constellation and not self._previous_object(_PARSED.get(), mentions, bodies, context):
            return constellation  # 'when does Orion rise?': the tools take the centre of the constellation
        return self._objects(text, mentions, context, notes=notes)[0]

    # ------------------------------------------------------------------ intents

    def _build_resolve_object(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        notes: list[str] = []
        name = self._objects(text, mentions, context, notes=notes)[0]
        return Plan("resolve_object", [PlannedCall("resolve_object", {"name": name})], notes=notes)

    def _build_object_info(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        notes: list[str] = []
        name = self._objects(text, mentions, context, notes=notes)[0]
        return Plan("object_info", [PlannedCall("object_info", {"name": name})], notes=notes)

    def _build_constellation(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        positions = _PARSED.get().positions
        if positions and not mentions:
            ra, dec = positions[0].icrs()
            return Plan(
                "constellation", [PlannedCall("constellation", {"ra_deg": round(ra, 6), "dec_deg": round(dec, 6)})]
            )
        notes: list[str] = []
        name = self._objects(text, mentions, context, notes=notes)[0]
        return Plan("constellation", [PlannedCall("constellation", {"target": name})], notes=notes)

    def _build_star_distance(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        notes: list[str] = []
        name = self._objects(text, mentions, context, notes=notes)[0]
        ref = self._store().names.lookup(name)
        if ref is not None and ref.table == "asterism":
            lead = (
                f"{ref.key} is an asterism, a pattern of stars, not one object: each of its stars has its own distance."
            )
            return Plan("object_info", [PlannedCall("object_info", {"name": name})], notes=notes, lead=lead)
        if ref is not None and ref.table == "ngc":
            lead = f"I have no distance for {name}: OpenNGC lists no distances (only Hipparcos stars have parallaxes)."
            return Plan(
                "object_info",
                [PlannedCall("object_info", {"name": name})],
                notes=notes,
                lead=lead + " What the catalog has on it:",
            )
        calls = [
            PlannedCall("resolve_object", {"name": name}, "find the star and its Hipparcos parallax"),
            PlannedCall(
                "parallax_distance",
                {
                    "parallax_mas": Ref(0, "plx_mas"),
                    "parallax_error_mas": Ref(0, "e_plx_mas"),
                    "star_label": Ref(0, "label"),
                },
                "distance from the parallax",
            ),
        ]
        return Plan("star_distance", calls, notes=notes)

    def _build_angular_separation(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        notes: list[str] = []
        coords = [p.target() for p in _PARSED.get().positions][:2]
        if bodies:  # 'the separation between Jupiter and Saturn on 2027-05-01': where the ephemeris puts them then
            lowered = text.lower()
            named = sorted(
                [(m.start, _object_arg(m)) for m in mentions] + [(lowered.find(b.lower()), b) for b in bodies]
            )
            targets = (coords + [name for _start, name in named])[:2]
            if len(targets) == 2:
                moving = {"target_1": targets[0], "target_2": targets[1], "time_utc": self._when(text, context, False)}
                return Plan("angular_separation", [PlannedCall("angular_separation", moving)], notes=notes)
        names = self._objects(text, mentions, context, needed=2 - len(coords), notes=notes) if len(coords) < 2 else []
        targets = (coords + names)[:2]
        if len(targets) < 2:
            raise NeedInfo("Name two objects to measure the separation between, e.g. 'How far apart are M31 and M33?'")
        calls: list[PlannedCall] = []
        args: dict[str, Any] = {}
        for key, target in zip(("target_1", "target_2"), targets, strict=True):
            if target in coords:
                args[key] = target
            else:  # resolve each name first, so the plan shows (and the ledger keeps) what each name means
                calls.append(PlannedCall("resolve_object", {"name": target}, f"resolve {target}"))
                args[key] = Ref(len(calls) - 1, "name")
        calls.append(PlannedCall("angular_separation", args, "separation on the sky"))
        return Plan("angular_separation", calls, notes=notes)

    def _build_cone_search(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        compared = _compared_by_brightness(text, mentions)
        if compared is not None:
            return self._brightness_compared(text, *compared, mentions, bodies, context)
        notes: list[str] = []
        lowered = text.lower()
        args: dict[str, Any] = {}
        parsed = _PARSED.get()
        numbers_text = parsed.numbers_text
        previous = context.args if context.intent == "cone_search" and FOLLOW_UP.search(text) else {}
        if parsed.positions:
            ra, dec = parsed.positions[0].icrs()
            args.update(ra_deg=round(ra, 6), dec_deg=round(dec, 6))
        elif not (mentions or PRONOUN.search(text)) and previous.get("dec_deg") is not None:
            args.update(ra_deg=previous["ra_deg"], dec_deg=previous["dec_deg"])  # 'and within 5°?' of a position
        elif not (
            mentions or PRONOUN.search(text) or FOLLOW_UP.search(text) or _NEAR_SOMETHING.search(numbers_text)
        ):  # no centre ('within 20 pc of the Sun' is a distance condition, not a centre): search the whole sky
            return self._build_find_objects(text, mentions, bodies, context)
        else:
            args["target"] = self._objects(text, mentions, context, notes=notes)[0]
        radius = extract.extract_radius_deg(numbers_text)
        if radius is None and isinstance(args.get("target"), str) and self._is_asterism(args["target"]):
            return self._asterism_stars(args["target"], parsed, notes)  # its own stars, not a cone round its centre
        identify = (_WHAT_IS_AT.search(lowered) and parsed.counted is None) or _WHICH_OBJECT_IS_THAT.search(lowered)
        if radius is None and parsed.positions and identify:
            return self._what_is_at(args, notes)  # 'what's at 13 29 52.7 +47 11 43?': what lies nearest
        if radius is None:
            radius = previous.get("radius_deg", 1.0)
            if not previous:
                notes.append(f"No radius given, so I searched within {radius:g}°.")
        args["radius_deg"] = radius
        catalog, object_type = _catalog_and_type(lowered, parsed.counted)
        if previous and parsed.counted is None:
            catalog, object_type = previous.get("catalog", catalog), previous.get("object_type", object_type)
        catalog = _catalog_for_conditions(catalog, parsed)
        args["catalog"] = catalog
        if object_type != "any":
            args["object_type"] = object_type
        for key in ("mag_max", "mag_min", "mag_band", "where", "order_by", "limit"):
            if key in previous:
                args[key] = previous[key]
        args.update(self._magnitude_filter(parsed, catalog, notes))
        args.update(_column_conditions(parsed, catalog, previous.get("where", [])))
        if re.search(r"\b(brightest|bright|brighter|most luminous)\b", lowered):
            args["order_by"] = "magnitude"
        if _FAINTEST.search(lowered):
            args["order_by"] = "magnitude_desc"
        args.update(_column_order(parsed, catalog))
        limit = parsed.count
        if limit is None and _ONE_ASKED.search(lowered) and args.get("order_by") in ("magnitude", "magnitude_desc"):
            star = self._table_of(args.get("target")) == "hipparcos"
            limit = 2 if star else 1  # 'the brightest star near Vega': Vega is a row
        if "target" in args and _NEAREST_TO_OBJECT.search(lowered):
            args["order_by"] = "separation"  # 'the nearest star to Vega on the sky': Vega itself is the first row
            limit = (limit or 1) + 1
        elif catalog == "hipparcos" and re.search(
            r"\b(nearest|closest)\s+(stars?\s+)?(to\s+(the\s+sun|us|earth)|stars)|\bnearest\s+stars?\b", lowered
        ):
            args["order_by"] = "distance"
        if limit is not None:
            args["limit"] = max(1, min(limit, 1000))
        if parsed.wants_plot or re.search(r"\b(map|picture|image|finder)\b", lowered):
            args["plot"] = True
        if "target" in args:  # a name: resolve it first, then search around what it resolved to
            name = args["target"]
            args["target"] = Ref(0, "name")
            calls = [
                PlannedCall("resolve_object", {"name": name}, f"resolve {name}"),
                PlannedCall("cone_search", args, "search around it, filter and sort"),
            ]
            return Plan("cone_search", calls, notes=notes)
        return Plan("cone_search", [PlannedCall("cone_search", args)], notes=notes)

    def _table_of(self, name: object) -> str | None:
        """The table of the object ``name`` designates ('hipparcos', 'ngc', 'asterism'), or None if it is no name."""
        ref = self._store().names.lookup(name) if isinstance(name, str) else None
        return ref.table if ref is not None else None

    def _is_asterism(self, name: str) -> bool:
        return self._table_of(name) == "asterism"

    @staticmethod
    def _asterism_stars(name: str, parsed: Parsed, notes: list[str]) -> Plan:
        """An asterism's own stars: its entry, which lists them ('which stars make up the Summer Triangle?').

        A superlative ('the faintest star in the Big Dipper') opens the answer with that star.
        """
        found = re.search(rf"\b{_SUPERLATIVE}\b", parsed.text, re.IGNORECASE)
        asks = [*parsed.asks, found.group(1).lower().replace("closest", "nearest")] if found else list(parsed.asks)
        return Plan("object_info", [PlannedCall("object_info", {"name": name})], notes=notes, asks=asks)

    @staticmethod
    def _what_is_at(position: dict[str, Any], notes: list[str]) -> Plan:
        """The NGC/IC objects and Hipparcos stars nearest a written position, within IDENTIFY_RADIUS_DEG."""
        notes.append(f"I looked for catalogued objects within {IDENTIFY_RADIUS_DEG * 60:g}′ of the position.")
        search = {**position, "radius_deg": IDENTIFY_RADIUS_DEG, "order_by": "separation", "limit": 5}
        calls = [PlannedCall("cone_search", {**search, "catalog": catalog}) for catalog in ("ngc", "hipparcos")]
        return Plan("what_is_at", calls, notes=notes, parts=[("cone_search", 0, 1), ("cone_search", 1, 2)])

    def _brightness_compared(
        self,
        text: str,
        compared: Mention,
        brighter: bool,
        mentions: list[Mention],
        bodies: list[str],
        context: ChatContext,
    ) -> Plan:
        """'how many stars are brighter than Vega?': the named object's magnitude, then the search below it.

        The object named after 'brighter than' is the limit, not the centre: it is resolved first and its
        magnitude becomes the search's condition (strictly brighter, so it is not counted itself). Other objects,
        a position or a constellation still place the search.
        """
        built = self._build_cone_search(text, [m for m in mentions if m is not compared], bodies, context)
        search = built.calls[-1]
        column = "hpmag" if search.args.get("catalog", "hipparcos") == "hipparcos" else "vmag"
        condition = {"column": column, "op": "<" if brighter else ">", "value": Ref(0, "magnitude")}
        name = _object_arg(compared)
        calls = [PlannedCall("resolve_object", {"name": name}, f"the magnitude of {name}")]
        for call in built.calls:  # the search's own steps move one on
            args = map_refs(call.args, lambda ref: Ref(ref.step + 1, ref.key))
            if call is search:
                args["where"] = [*args.get("where", []), condition]
            calls.append(PlannedCall(call.tool, args, call.purpose))
        return Plan(built.intent, calls, notes=built.notes)

    def _build_find_objects(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        compared = _compared_by_brightness(text, mentions)
        if compared is not None:
            return self._brightness_compared(text, *compared, mentions, bodies, context)
        lowered = text.lower()
        parsed = _PARSED.get()
        notes: list[str] = []
        previous = context.args if context.intent == "find_objects" and FOLLOW_UP.search(text) else {}
        catalog, object_type = _catalog_and_type(lowered, parsed.counted)
        if previous and parsed.counted is None:
            catalog, object_type = previous.get("catalog", catalog), previous.get("object_type", object_type)
        catalog = _catalog_for_conditions(catalog, parsed)
        args: dict[str, Any] = {"catalog": catalog}
        if object_type != "any":
            args["object_type"] = object_type
        constellation = self._constellation(text)
        if constellation:
            args["constellation"] = constellation
        args.update(self._magnitude_filter(parsed, catalog, notes))
        args.update(_column_conditions(parsed, catalog, previous.get("where", [])))
        nearest = re.search(r"\b(nearest|closest|nearby)\b", lowered)
        if catalog == "hipparcos" and nearest:
            args["order_by"] = "distance"
        elif nearest and catalog == "ngc" and "order_by" not in _column_order(parsed, catalog):
            notes.append(_NO_NGC_DISTANCES)
        elif _FAINTEST.search(lowered):
            args["order_by"] = "magnitude_desc"
        random = re.search(r"\brandom(ly)?\b", lowered)
        if random:  # 'show me a random star': a seeded draw (the run's seed is recorded, so it replays)
            args["order_by"] = "random"
        args.update(_column_order(parsed, catalog))
        if _BY_CONSTELLATION.search(text):  # 'which constellation has the most Messier objects?': a count per one
            listed = 10 if re.search(r"\bthe\s+(most|largest\s+number)\b", lowered) else 88  # or every one
            args.update(group_by="constellation", limit=parsed.count or listed)
        # 'the brightest stars in Phoenix' names the constellation, not the city
        site = self._named_place(
            re.sub(rf"\b{re.escape(constellation)}\b", " ", text, flags=re.I) if constellation else text
        )
        if site:  # 'the brightest stars visible from Sydney tonight': those that climb high in its darkness
            args.update(site=site, date=self._when(text, context, date_only=True))
            above = re.search(rf"(?:above|higher than|over)\s+({extract.NUM})\s*(?:°|deg|degrees)", text, re.I)
            if above:
                args["min_altitude_deg"] = extract.to_float(above.group(1))
        if parsed.parallax_limit_mas is not None and catalog == "hipparcos":
            args["min_parallax_mas"] = parsed.parallax_limit_mas
        elif re.search(r"\bparallax\b", lowered) and re.search(r"\bhow many\b|\bcount\b", lowered):
            notes.append("I could not read the parallax limit.")
        limit = parsed.count
        if limit is not None:
            args["limit"] = max(1, min(limit, 1000))
        elif random and re.search(
            r"\b(a|one) random(ly chosen)? ([a-z]+ )?(star|galaxy|cluster|nebula|object)\b(?!s)", lowered
        ):
            args["limit"] = 1
        elif _ONE_ASKED.search(lowered):
            args["limit"] = 1  # 'what is the brightest galaxy in the sky', 'the brightest open cluster' ask for one
        elif parsed.column_order is not None and re.search(
            r"\b(which|what)\s+(star|galaxy|object|cluster|nebula)\b(?!s)", lowered
        ):
            args["limit"] = 1  # 'which star has the largest parallax?'
        for key, value in previous.items():  # 'and in Cygnus?' changes the constellation and keeps the limits
            if key not in args and not (key == "constellation" and re.search(r"\b(whole|all|entire)\s+sky\b", lowered)):
                args[key] = value
        lead = ""
        if _NO_NGC_DISTANCES in notes and args.get("limit") == 1:  # 'the closest galaxy': say first it cannot be told
            notes.remove(_NO_NGC_DISTANCES)
            lead = "OpenNGC lists no distances, so I cannot tell which is closest; the brightest instead:"
        return Plan("find_objects", [PlannedCall("find_objects", args)], notes=notes, lead=lead)

    @staticmethod
    def _magnitude_filter(parsed: Parsed, catalog: str, notes: list[str]) -> dict[str, Any]:
        """mag_max / mag_min (and the band, for OpenNGC) from the question's magnitude limits."""
        args: dict[str, Any] = {}
        for limit in parsed.magnitude_limits:
            args["mag_max" if limit.bound == "max" else "mag_min"] = limit.value
            if OF_MAGNITUDE.fullmatch(limit.text):
                notes.append(f"I read '{limit.text}' as magnitude {limit.value:g} or brighter.")
            if limit.band in ("V", "B") and catalog == "ngc":
                args["mag_band"] = limit.band
            elif limit.band and limit.band != "Hp" and catalog == "hipparcos":
                notes.append(f"Hipparcos gives Hp magnitudes, not {limit.band}; I applied the limit to Hp.")
            elif limit.band and limit.band not in ("V", "B") and catalog == "ngc":
                notes.append(f"OpenNGC has V and B magnitudes, not {limit.band}; I applied the limit to V (or B).")
        return args

    def _build_sql_query(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        sql = extract.extract_sql(text)
        parsed = _PARSED.get()
        notes: list[str] = []
        if not sql and parsed.aggregate is not None:
            sql = self._aggregate_sql(parsed, mentions, notes)
            return Plan("sql_query", [PlannedCall("sql_query", {"query": sql})], notes=notes)
        if not sql:
            raise NeedInfo("Write the SQL you want to run, e.g. 'SELECT count(*) FROM hipparcos WHERE hpmag < 3'.")
        return Plan("sql_query", [PlannedCall("sql_query", {"query": sql})])

    def _aggregate_sql(self, parsed: Parsed, mentions: list[Mention], notes: list[str]) -> str:
        """The SELECT for a statistic in words ('the average B-V of stars brighter than 3 in Orion').

        Every condition the question states goes in: magnitude limits, column conditions, constellation, type.
        """
        from aeiou_agent.tools.catalog import NOT_OBJECTS, TYPE_CODES, column_sql, constellation_abbreviation

        aggregate = parsed.aggregate
        assert aggregate is not None
        lowered = parsed.text.lower()
        catalog, object_type = _catalog_and_type(lowered, parsed.counted)
        if catalog not in aggregate.catalogs:
            catalog = aggregate.catalogs[0]
        magnitude = column_sql(catalog, "magnitude")
        where: list[str] = []
        for limit in parsed.magnitude_limits:
            where.append(f"{magnitude} {'<=' if limit.bound == 'max' else '>='} {limit.value:g}")
        for cut in parsed.column_cuts:
            if catalog in cut.catalogs:
                where.append(f"{column_sql(catalog, cut.column)} {cut.op} {cut.value:g}")
        constellation = self._constellation(parsed.text)
        if constellation:
            where.append(f"constellation = '{constellation_abbreviation(constellation)}'")
        centre = parsed.positions[0].icrs() if parsed.positions else None
        if centre is None and mentions:
            found = self._store().resolve(mentions[0].text)
            centre = (found.ra_deg, found.dec_deg)
        if centre is not None:  # 'within 2 degrees of M87': the statistic is over that circle, in ADQL
            radius = extract.extract_radius_deg(parsed.numbers_text)
            if radius is None:
                radius = 1.0
                notes.append("No radius given, so I used the objects within 1°.")
            where.append(
                f"CONTAINS(POINT('ICRS', ra_deg, dec_deg), CIRCLE('ICRS', {centre[0]:.6f}, {centre[1]:.6f}, "
                f"{radius:g})) = 1"
            )
        if catalog == "ngc":
            excluded = ", ".join(f"'{t}'" for t in NOT_OBJECTS)
            where.append(f"type_code NOT IN ({excluded})")
            if object_type != "any":
                where.append(f"type_code IN ({', '.join(repr(t) for t in TYPE_CODES[object_type])})")
        column = column_sql(catalog, aggregate.column)
        condition = f" WHERE {' AND '.join(where)}" if where else ""
        return (
            f"SELECT {aggregate.function}({column}) AS {aggregate.function}_{aggregate.column}, "
            f"count({column}) AS objects FROM {catalog}{condition}"
        )

    def _build_describe_catalog(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        lowered = text.lower()
        table = next(
            (
                name
                for name in self._store().tables
                if any(re.search(rf"\b{re.escape(c['name'])}\b", lowered) for c in self._store().card(name)["columns"])
                and re.search(r"_|column", lowered)
            ),
            None,
        )
        if table:
            pass
        elif re.search(r"star[_ ]names|proper names|named stars|star names", lowered):
            table = "star_names"
        elif re.search(
            r"hipparcos|\bhip\b|parallax|hpmag|\bstars?\b|proper motion|right ascension|declination|"
            r"\bra\b|\bdec\b|magnitude",
            lowered,
        ):
            table = "hipparcos"
        elif re.search(r"\bngc\b|openngc|\bic\b|messier|deep[- ]sky|galax|nebula|cluster", lowered):
            table = "ngc"
        args = {"table": table} if table else {}
        return Plan("describe_catalog", [PlannedCall("describe_catalog", args)])

    def _build_convert_coordinates(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        from_frame, to_frame = extract.extract_frames(text)
        previous = context.args if context.intent == "convert_coordinates" and FOLLOW_UP.search(text) else {}
        args: dict[str, Any] = {}
        positions = _PARSED.get().positions
        notes: list[str] = []
        if positions and not mentions:
            position = positions[0]
            args.update(lon_deg=round(position.lon_deg % 360.0, 6), lat_deg=round(position.lat_deg, 6))
            args["from_frame"] = position.frame if position.frame != "icrs" else (from_frame or "icrs")
            if position.frame == "galactic" and to_frame in (None, "galactic"):
                to_frame = "icrs"
        elif previous and not mentions and not PRONOUN.search(text):
            args = {k: v for k, v in previous.items() if k in ("target", "lon_deg", "lat_deg", "from_frame")}
        else:
            args["target"] = self._objects(text, mentions, context, notes=notes)[0]
        in_degrees = re.search(
            r"\b(?:to|in|into|as)\s+(?:decimal\s+)?(?:degrees|deg)\b|\bdecimal\b", text, re.IGNORECASE
        )
        if to_frame is None and in_degrees and args.get("from_frame", "icrs") == "icrs":
            to_frame = "icrs"  # 'convert 12h30m49s +12d23m28s to degrees': the same position, in decimal degrees
        if to_frame is None or (to_frame == args.get("from_frame") and to_frame != "icrs"):
            to_frame = "icrs" if args.get("from_frame", "icrs") != "icrs" else "galactic"
        if args.get("from_frame") == "icrs":
            args.pop("from_frame")
        args["to_frame"] = to_frame
        return Plan("convert_coordinates", [PlannedCall("convert_coordinates", args)], notes=notes)

    def _build_convert_units(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        from aeiou_agent.tools.sky import is_unit

        ra_deg = _PARSED.get().single_ra_deg
        if ra_deg is not None and re.search(r"\b(in|to|into)\s+(decimal\s+)?deg(rees?)?\b", text, re.IGNORECASE):
            args = {"value": ra_deg / 15.0, "from_unit": "hourangle", "to_unit": "deg"}  # 'RA 15h in degrees'
            return Plan("convert_units", [PlannedCall("convert_units", args)])
        if ra_deg is not None:  # 'RA 83.633 degrees in h m s': an angle in hours, minutes and seconds
            args = {"value": ra_deg, "from_unit": "deg", "to_unit": "hourangle"}
            return Plan("convert_units", [PlannedCall("convert_units", args)])
        conversion = extract.extract_unit_conversion(text, is_unit)
        previous = context.args if context.intent == "convert_units" and FOLLOW_UP.search(text) else {}
        if conversion is None and previous:  # 'and 100 pc?', 'and in km?': the last conversion with one thing changed
            args = dict(previous)
            value = re.search(rf"(?<![\w.])({extract.NUM})\s*([^\s?,]+(?:\s+[^\s?,]+)?)?", text)
            target = re.search(r"\b(?:in|to|into)\s+([^?]+?)\s*\??$", text)
            if target and is_unit(target.group(1)):
                args["to_unit"] = target.group(1)
            if value:
                args["value"] = extract.to_float(value.group(1))
                unit = (value.group(2) or "").strip()
                if unit and is_unit(unit):
                    args["from_unit"] = unit
            if args != previous:
                return Plan("convert_units", [PlannedCall("convert_units", args)])
        if conversion is None:
            raise NeedInfo("Say what to convert and into which unit, e.g. 'convert 10 parsecs to light years'.")
        args = {
            "value": conversion.value,
            "from_unit": _arc_unit_meant(conversion.from_unit, conversion.to_unit, text),
            "to_unit": _arc_unit_meant(conversion.to_unit, conversion.from_unit, text),
        }
        return Plan("convert_units", [PlannedCall("convert_units", args)])

    def _build_parallax_distance(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        parallax = extract.extract_parallax_mas(text)
        if parallax is None and self._parallax_of_a_distance(text, mentions):  # 'what parallax has a star at 50 pc?'
            distance_pc = extract.extract_distance_pc(text)
            return Plan("parallax_distance", [PlannedCall("parallax_distance", {"distance_pc": distance_pc})])
        if parallax is None:
            if mentions or context.objects:
                return self._build_star_distance(text, mentions, bodies, context)
            raise NeedInfo("Give the parallax with its unit, e.g. 'parallax of 10 mas'.")
        return Plan("parallax_distance", [PlannedCall("parallax_distance", {"parallax_mas": parallax})])

    @staticmethod
    def _parallax_of_a_distance(text: str, mentions: list[Mention]) -> bool:
        """Whether the question asks the parallax a distance gives: 'what parallax would a star at 50 pc have?'."""
        return (
            not mentions
            and bool(re.search(r"\bparallax\b", text, re.IGNORECASE))
            and extract.extract_parallax_mas(text) is None
            and extract.extract_distance_pc(text) is not None
        )

    def _build_magnitude_distance(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        parsed = _PARSED.get()
        args: dict[str, Any] = {}
        notes: list[str] = []
        modulus = re.search(
            rf"\bmodulus\s+(?:of\s+|is\s+)?({extract.NUM})\s*(?:mag)?|\bm\s*[-−–]\s*M\s*(?:=|is|of)?\s*({extract.NUM})",
            parsed.original,
        )
        written_as_difference = bool(modulus and modulus.group(2))  # 'm - M = 12.3': not an absolute magnitude
        for magnitude in [] if written_as_difference else parsed.magnitudes:
            args.setdefault(f"{magnitude.kind}_mag", magnitude.value)
            if magnitude.band:
                args.setdefault("band", magnitude.band)
        parallax = extract.extract_parallax_mas(parsed.numbers_text)
        distance = extract.extract_distance_pc(parsed.numbers_text)
        if distance is not None:
            args["distance_pc"] = distance
        elif parallax is not None:
            args["parallax_mas"] = parallax
        elif modulus and not args:
            args.update(apparent_mag=extract.to_float(modulus.group(1) or modulus.group(2)), absolute_mag=0.0)
            notes.append("A distance modulus m − M is read as m with M = 0.")
        given = sum(k in args for k in ("apparent_mag", "absolute_mag")) + int(
            "distance_pc" in args or "parallax_mas" in args
        )
        if given < 2 and not ("distance_pc" in args or "parallax_mas" in args):
            raise NeedInfo(
                "Give two of: apparent magnitude (m = ...), absolute magnitude (M = ...) and a distance or parallax."
            )
        return Plan("magnitude_distance", [PlannedCall("magnitude_distance", args)], notes=notes)

    def _build_cosmology_calculator(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        lowered = text.lower()
        z = extract.extract_redshift(text)
        cosmo = extract.extract_cosmology(text)
        refers_back = (  # 'and at z=3?', 'in WMAP9?', 'the age at that redshift?'
            FOLLOW_UP.search(text)
            or len(text.split()) <= 4
            or re.search(r"\b(that|this|the same)\s+(redshift|z|epoch|cosmology|model)\b", lowered)
        )
        previous = context.args if context.intent == "cosmology_calculator" and refers_back else {}
        notes: list[str] = []
        parameter = self._cosmology_parameter(lowered)
        quantities = [q for pattern, q in extract.COSMOLOGY_QUANTITIES if re.search(pattern, lowered)]
        fraction = extract.extract_fraction_of_today(text) if z is None else None
        if fraction is not None:  # 'when was the universe half its present age (size)?': z where age (a) is half
            share: dict[str, Any] = {"quantity": fraction[1], "fraction_of_today": round(fraction[0], 6)}
            self._cosmology_model_args(share, text, previous, notes)
            return Plan("cosmology_calculator", [PlannedCall("cosmology_calculator", share)], notes=notes)
        solve = extract.extract_value_to_solve(text) if z is None and len(set(quantities)) == 1 else None
        if solve is not None:  # 'what redshift corresponds to a lookback time of 10 Gyr?': z is the answer
            value, unit = solve
            args: dict[str, Any] = {"quantity": quantities[0], "value": value}
            if unit:
                args["value_unit"] = args["unit"] = unit
            self._cosmology_model_args(args, text, previous, notes)
            return Plan("cosmology_calculator", [PlannedCall("cosmology_calculator", args)], notes=notes)
        epoch = _named_epoch(lowered) if z is None else None
        if z is None and epoch is None:
            present = re.search(
                r"\b(is|'s|are)\b.*\b(universe|cosmos)\b|\bage of the (universe|cosmos)\b", lowered
            ) and (
                not re.search(r"\b(was|were|when|then)\b", lowered)
            )  # 'how old is the universe?', 'Planck 2013 age of the universe' ask about today
            without_leading_now = re.sub(
                r"^\W*(ok(ay)?\W+)?now\b(?!\s*\?)", "", lowered
            )  # 'now with WMAP9': a follow-up's 'now'
            today = re.search(r"\b(today|now|current|present|at z\s*=\s*0)\b", without_leading_now)
            if parameter or present or today or set(quantities) == {"critical_density"}:  # like H0: today's
                z = 0.0
            elif "z" in previous:
                z = previous["z"]
            else:
                raise NeedInfo("At which redshift? For example 'luminosity distance at z = 0.5'.")
        args = {"z": z} if epoch is None else {"epoch": epoch}  # 'when the CMB was released': the cosmology's z*
        if parameter and not quantities:
            args["quantity"] = "parameters"
        elif len(set(quantities)) == 1 or (quantities and cosmo.quantity):
            if len(set(quantities)) == 1:
                args["quantity"] = quantities[0]
        elif not quantities and previous.get("quantity"):
            args["quantity"] = previous["quantity"]
        self._cosmology_model_args(args, text, previous, notes)
        wanted = re.search(  # 'how many years ago' is answered in Gyr; 'in years' in years
            r"\b(?:in|into|how\s+many(?!\s+years))\s+(gpc|mpc|kpc|pc|parsecs?|gly|mly|light[- ]years?|gyr|myr|kyr|"
            r"(?:billions?|millions?|thousands?)(?:\s+of)?\s+years|years?|yrs?)\b(?!\s*(?:per|/|\^|³|\d))",
            lowered,
        )
        if wanted:  # 'luminosity distance in Gpc', 'age in years'; 'light years' and 'light-year' are lyr
            args["unit"] = extract.COSMOLOGY_UNITS.get(wanted.group(1).split()[0].rstrip("s")) or "lyr"
        angle = re.search(
            rf"\b({extract.NUM})\s*(?:(arc\s*-?\s*sec(?:ond)?s?|arcsecs?|″|\")|(arc\s*-?\s*min(?:ute)?s?|′|'))", lowered
        )
        if angle and "quantity" not in args and args.get("unit") in ("kpc", "Mpc", "pc"):
            args["quantity"] = "kpc_per_arcsec"  # 'what is 5 arcsec at z=0.5 in kpc': an angle as a length there
        if angle and args.get("quantity") == "kpc_per_arcsec":  # 'proper size of 10 arcsec (or 1 arcmin) at z = 0.5'
            args["angle_arcsec"] = extract.to_float(angle.group(1)) * (60 if angle.group(3) else 1)
        size_pc = None if angle else extract.extract_distance_pc(text)
        if size_pc is not None and re.search(
            r"\barc\s*-?\s*(?:sec|min)|\bangle\b|\bangular\b|\bsubtend|\blook|\bappear|\bon\s+the\s+sky\b", lowered
        ):  # 'how big does 10 kpc look at z = 2?', 'angular size of a 30 kpc galaxy at z = 1': a size as an angle
            args.update(quantity="kpc_per_arcsec", size_kpc=size_pc / 1e3)
            args.pop("unit", None)
        return Plan("cosmology_calculator", [PlannedCall("cosmology_calculator", args)], notes=notes)

    @staticmethod
    def _cosmology_model_args(args: dict[str, Any], text: str, previous: dict[str, Any], notes: list[str]) -> None:
        """The cosmology a question names into ``args``: a realisation, or H0 and Ωm of a custom flat ΛCDM."""
        lowered = text.lower()
        cosmo = extract.extract_cosmology(text)
        name = cosmo.cosmology or previous.get("cosmology")
        if name:
            args["cosmology"] = name
        little_h = re.search(rf"(?<![a-z0-9_/])h\s*(?:=|of|is)\s*({extract.NUM})", lowered)
        h0 = cosmo.h0 if cosmo.h0 is not None else (extract.to_float(little_h.group(1)) * 100 if little_h else None)
        h0 = h0 if h0 is not None else previous.get("H0_km_s_mpc")
        om0 = cosmo.om0 if cosmo.om0 is not None else previous.get("Om0")
        if h0 is not None:
            args["H0_km_s_mpc"] = h0
        if om0 is not None:
            args["Om0"] = om0
        if (h0 is None) != (om0 is None):
            kept = "Ωm" if om0 is None else "H0"
            notes.append(f"Only one parameter was given, so {kept} is {name or 'Planck18'}'s (shown in the answer).")

    def _simulation_args(
        self, intent: str, text: str, context: ChatContext, allowed: tuple[str, ...]
    ) -> dict[str, Any]:
        """Arguments named in the question; a follow-up ('and for sigma8 = 0.9?') keeps the previous ones."""
        args = dict(context.args) if context.intent == intent and FOLLOW_UP.search(text) else {}
        args.pop("plot", None)
        found = extract.extract_simulation(text).values
        z = extract.extract_redshift(text)
        if z is not None:
            found["z"] = z
        args.update({k: v for k, v in found.items() if k in allowed})
        return args

    def _build_matter_power_spectrum(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        allowed = ("z", "omega_m", "omega_b", "h", "n_s", "sigma8", "nonlinear", "method", "k_h_mpc")
        args = self._simulation_args("matter_power_spectrum", text, context, allowed)
        if re.search(r"\b(plot|chart|draw|show|picture|graph|figure)\b", text.lower()):
            args["plot"] = True
        return Plan("matter_power_spectrum", [PlannedCall("matter_power_spectrum", args)])

    def _build_fit_galaxy_profile(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        (call,) = self._build_enhance_cutout(text, mentions, bodies, context, what="fit").calls
        args = dict(call.args)
        for survey in ("sdss", "des"):
            if re.search(rf"\b{survey}\b", text, re.IGNORECASE):
                args["survey"] = survey
        return Plan("fit_galaxy_profile", [PlannedCall("fit_galaxy_profile", args)])

    def _build_enhance_cutout(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext, what: str = "enhance"
    ) -> Plan:
        args: dict[str, Any] = {}
        path = extract.extract_image_path(text)
        sample = re.search(r"\b(?:sample|image|stamp|galaxy|number|#)\s*#?\s*(\d+)\b", text, re.IGNORECASE)
        refers_back = re.search(r"\b(this|that|it|the same|previous|last|above|these|those)\b", text, re.IGNORECASE)
        if path:
            args["path"] = path
        elif refers_back and not re.search(r"\b(simulated?|synthetic|mock|fake|new|random)\b", text, re.IGNORECASE):
            if not context.artifacts:
                raise NeedInfo(
                    f"There is no earlier image in this conversation to {what}. Give the path of a FITS or .npy "
                    f"file with a galaxy stamp, or ask me to simulate one (e.g. '{what} a simulated "
                    "SDSS cutout of a Sersic 4 galaxy')."
                )
            args["path"] = context.artifacts[-1]
        if sample and "path" in args:
            args["index"] = int(sample.group(1))
        if "path" not in args:
            galaxy = extract.extract_galaxy_request(text)
            if galaxy.get("sersic_n"):
                args["sersic_n"] = galaxy["sersic_n"][0]
            for key in ("half_light_radius_arcsec", "ellipticity", "seed"):
                if key in galaxy:
                    args[key] = galaxy[key]
            flux = re.search(rf"\bflux\s*(?:of|=|:)?\s*(?:10\^|1e)?\s*({extract.NUM})", text, re.IGNORECASE)
            if flux:
                value = extract.to_float(flux.group(1))
                args["log10_flux"] = value if value < 10 else math.log10(value)
        return Plan("enhance_cutout", [PlannedCall("enhance_cutout", args)])

    def _galaxy_reference(self, text: str, context: ChatContext, what: str) -> dict[str, Any]:
        """path/index or sample of the galaxy a multimodal question is about ('sample 12', 'this galaxy', a file)."""
        path = extract.extract_image_path(text)
        number = extract.extract_galaxy_number(text)
        refers_back = re.search(
            r"\b(this|that|these|those|the same|previous|last|above|it)\b(?!\s+(?:sample|galaxy)\s*#?\s*\d)",
            text,
            re.IGNORECASE,
        )
        if path:
            return {"path": path, **({"index": number} if number is not None else {})}
        if (
            refers_back
            and context.artifacts
            and (number is None or re.search(r"\b(of|from|in)\s+(these|those|th(is|at)\s+\w+)", text, re.IGNORECASE))
        ):
            return {"path": context.artifacts[-1], **({"index": number} if number is not None else {})}
        if number is not None:
            return {"sample": number}
        if refers_back:
            raise NeedInfo(
                f"There is no earlier image in this conversation to {what}. Give a FITS or .npy file, or a galaxy "
                "of the reference survey by number (e.g. 'sample 12', 0–999)."
            )
        raise NeedInfo(
            f"Which galaxy should I {what}? Give a FITS or .npy file, a galaxy of the reference survey by number "
            "(e.g. 'sample 12', 0–999), or say 'this galaxy' after an answer that showed one."
        )

    def _build_predict_galaxy_parameters(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        args = self._galaxy_reference(text, context, "predict the parameters of")
        survey = re.search(r"\b(sdss|des)\b", text, re.IGNORECASE)
        if survey and "sample" in args:
            args["survey"] = survey.group(1).lower()
        return Plan("predict_galaxy_parameters", [PlannedCall("predict_galaxy_parameters", args)])

    def _build_edit_galaxy(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        change = extract.extract_galaxy_edit(text)
        if change is None:
            raise NeedInfo(
                "What should I change, and to what? For example 'change the Sersic index of sample 12 to 4' or "
                "'give this galaxy a half-light radius of 2 arcsec'."
            )
        args = self._galaxy_reference(text, context, "change")
        args.update(attribute=change[0], value=change[1])
        return Plan("edit_galaxy", [PlannedCall("edit_galaxy", args)])

    def _build_similar_galaxies(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        args = self._galaxy_reference(text, context, "compare")
        count = re.search(
            r"\b(?:top\s+)?(\d+)\s+(?:\w+\s+){0,2}?(?:galax(?:y|ies)|neighbou?rs?|most)\b", text, re.IGNORECASE
        )
        if count and int(count.group(1)) != args.get("sample"):
            args["count"] = int(count.group(1))
        return Plan("similar_galaxies", [PlannedCall("similar_galaxies", args)])

    def _build_rank_anomalies(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        count = _PARSED.get().count
        args = {"count": count} if count is not None else {}
        return Plan("rank_anomalies", [PlannedCall("rank_anomalies", args)])

    def _build_sample_galaxy_pairs(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        galaxy = extract.extract_galaxy_request(text)
        args: dict[str, Any] = {
            key: galaxy[key] for key in ("half_light_radius_arcsec", "ellipticity", "seed") if key in galaxy
        }
        if galaxy.get("sersic_n"):
            args["sersic_n"] = galaxy["sersic_n"][0]
        count = re.search(
            r"\b(\d+)\s+(?:[\w/-]+\s+){0,4}?(?:pairs?|observations?|images?|galax(?:y|ies))\b",
            re.sub(extract.SERSIC_ASSIGNMENT, " ", text, flags=re.IGNORECASE),  # not 'n=4 galaxies'
            re.IGNORECASE,
        )
        if count:
            args["count"] = int(count.group(1))
        change = extract.extract_galaxy_edit(text)
        if change and change[0] in ("position_angle_deg", "log10_flux"):
            args[change[0]] = change[1]
        return Plan("sample_galaxy_pairs", [PlannedCall("sample_galaxy_pairs", args)])

    def _build_generate_galaxies(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        args = dict(context.args) if context.intent == "generate_galaxies" and FOLLOW_UP.search(text) else {}
        args.update(extract.extract_galaxy_request(text))
        return Plan("generate_galaxies", [PlannedCall("generate_galaxies", args)])

    def _build_density_field(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        allowed = ("z", "omega_m", "sigma8", "box_size_mpc_h", "n_pixels", "kind", "seed", "method")
        args = self._simulation_args("density_field", text, context, allowed)
        return Plan("density_field", [PlannedCall("density_field", args)])

    def _build_body_position(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        notes: list[str] = []
        target = self._target(text, mentions, bodies, context, notes)
        args: dict[str, Any] = {"target": target, "time_utc": self._when(text, context, date_only=False)}
        from_a_site = set(_PARSED.get().asks) & SITE_FACTS  # 'the altitude of Vega now': from where?
        args.update(self._site(text, context, f"the {_fact_words(from_a_site)}", required=bool(from_a_site)))
        return Plan("body_position", [PlannedCall("body_position", args)], notes=notes)

    def _build_zenith(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        """The zenith at a site and moment; asked 'which star is overhead', also the brightest star near it."""
        args: dict[str, Any] = {"time_utc": self._when(text, context, date_only=False)}
        asked = "the local sidereal time" if "sidereal_time" in _PARSED.get().asks else "what is overhead"
        args.update(self._site(text, context, asked, required=True))
        plan = Plan("zenith", [PlannedCall("zenith", args)])
        found = re.search(r"\b(?:which|what)\s+(star|galaxy|object|cluster|nebula)s?\b", text, re.IGNORECASE)
        if not found:
            return plan
        kind = found.group(1).lower()
        search: dict[str, Any] = {
            "ra_deg": Ref(0, "ra_deg"),
            "dec_deg": Ref(0, "dec_deg"),
            "radius_deg": ZENITH_STAR_RADIUS_DEG,
            "catalog": "hipparcos" if kind == "star" else "ngc",
            "order_by": "magnitude",
            "limit": 1,
        }
        if kind in ("galaxy", "cluster", "nebula"):
            search["object_type"] = kind
        plan.calls.append(PlannedCall("cone_search", search, "the brightest near the zenith"))
        plan.parts = [("zenith", 0, 1), ("cone_search", 1, 2)]
        plan.asks = ["brightest"]
        plan.notes.append(
            f"Nothing catalogued is exactly at the zenith: I give the brightest {kind} within "
            f"{ZENITH_STAR_RADIUS_DEG:g}° of it."
        )
        return plan

    def _build_rise_set(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        notes: list[str] = []
        lowered = text.lower()
        event = re.search(r"\b(?:(after|before|at|until|around)\s+)?(sun|moon)(rise|set)\b", lowered)
        others = [b for b in bodies if event is None or b != event.group(2).title()]
        also = None
        if event and event.group(1) and (mentions or others):
            # 'is Mercury visible after sunset?': Mercury's times, then the Sun's to compare them with
            target, also = self._target(text, mentions, others, context, notes), event.group(2).title()
        elif event:
            target = event.group(2).title()
        else:
            target = self._target(text, mentions, bodies, context, notes)
        args: dict[str, Any] = {"target": target, "date": self._when(text, context, date_only=True)}
        args.update(self._site(text, context, "rise and set times", required=True))
        if re.search(r"\blocal (day|date|time|calendar)\b|\bin local\b", lowered) and "site" in args:
            args["local_day"] = True
        elif re.search(r"\bnext\b", lowered) and not find_when(text, self._now()) and not context.when:
            args["after_utc"] = self._now().strftime("%Y-%m-%dT%H:%M:%S")  # 'when does Jupiter next rise?': from now
        elif re.search(r"\btonight\b", lowered) and (site := self._site_with_zone(args.get("site"))):
            # 'how high will Saturn get tonight from Paranal?': the night from local noon, not the UTC day (whose
            # transit at 00:11 UTC was the night before, in Chile)
            zone = ZoneInfo(str(site.time_zone))
            noon = dt.datetime.combine(dt.date.fromisoformat(args["date"]), dt.time(12), zone)
            args["after_utc"] = noon.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
        if also is None:
            return Plan("rise_set", [PlannedCall("rise_set", args)], notes=notes)
        calls = [PlannedCall("rise_set", args), PlannedCall("rise_set", {**args, "target": also})]
        plan = Plan("rise_set", calls, notes=notes, parts=[("rise_set", 0, 1), ("rise_set", 1, 2)])
        if event and event.group(1) in ("after", "before", "at") and also == "Sun":
            plan.comparative = f"up_at_sun{event.group(3)}"  # 'is Mercury visible after sunset?': up when it sets
        return plan

    def _build_moon_phase(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        return Plan("moon_phase", [PlannedCall("moon_phase", {"time_utc": self._when(text, context, date_only=False)})])

    def _build_search_literature(
        self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext
    ) -> Plan:
        lowered = text.lower()
        parsed = _PARSED.get()
        args: dict[str, Any] = {"query": _literature_query(parsed.typed_with_slips_mended)}
        # the corrections the search was given: names and typing slips, not other keyword corrections
        read = [f"I read '{wrong}' as '{right}'." for wrong, right in [*parsed.names_read, *parsed.slips_mended]]
        if re.search(r"\bmy (papers?|notes|documents|files|pdfs|library)\b|\bi (ingested|uploaded|added)\b", lowered):
            args["origin"] = "ingested"
        if re.search(r"\b(tools?|functions?)\b.*\b(can|could|do|does|which|what)\b|\bwhich tool\b", lowered):
            args["collection"] = "tool_docs"
        after = re.search(r"\b(?:since|after|from)\s+((?:19|20)\d\d)\b", lowered)
        before = re.search(r"\b(?:before|until|up to)\s+((?:19|20)\d\d)\b", lowered)
        exact = re.search(r"\b(?:in|of)\s+((?:19|20)\d\d)\b", lowered)
        if after:
            args["year_min"] = int(after.group(1)) + (1 if "after" in after.group(0) else 0)
        if before:
            args["year_max"] = int(before.group(1)) - (1 if "before" in before.group(0) else 0)
        if exact and not (after or before):
            args["year_min"] = args["year_max"] = int(exact.group(1))
        return Plan("search_literature", [PlannedCall("search_literature", args)], notes=read)

    def _build_whats_up(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        args: dict[str, Any] = {"date": self._when(text, context, date_only=True)}
        args.update(self._site(text, context, "what is up tonight", required=True))
        above = re.search(rf"(?:above|higher than|over)\s+({extract.NUM})\s*(?:°|deg|degrees)", text, re.IGNORECASE)
        if above:
            args["min_altitude_deg"] = extract.to_float(above.group(1))
        return Plan("whats_up", [PlannedCall("whats_up", args)])

    def _build_observability(self, text: str, mentions: list[Mention], bodies: list[str], context: ChatContext) -> Plan:
        notes: list[str] = []
        target = self._target(text, mentions, bodies, context, notes)
        args: dict[str, Any] = {"target": target, "date": self._when(text, context, date_only=True)}
        args.update(self._site(text, context, "observability", required=True))
        above = re.search(rf"(?:above|higher than|over)\s+({extract.NUM})\s*(?:°|deg|degrees)", text, re.IGNORECASE)
        if above:
            args["min_altitude_deg"] = extract.to_float(above.group(1))
        return Plan("observability", [PlannedCall("observability", args)], notes=notes)


_NOT_UNKNOWN_NAMES = re.compile(
    r"^(what|where|which|when|how|who|why|is|are|the|a|an|i|my|tell|show|give|find|list|select|count|search|sun|moon|earth|mercury|venus|"
    r"mars|jupiter|saturn|uranus|neptune|pluto|planck\w*|wmap\w*|hipparcos|ngc|ic|openngc|utc|today|tonight|tomorrow|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)$",
    re.IGNORECASE,
)


def _fact_words(facts: set[str]) -> str:
    """'altitude and airmass': asked facts as words, in a fixed order."""
    return " and ".join(sorted(fact.replace("_", " ") for fact in facts))


def _clock_is_local(text: str) -> bool:
    """Whether a clock time is written as people write local times ('at 22:00', 'at 10 pm', 'midnight').

    A time written onto an ISO date ('2026-07-01 03:00', '…T22:00') or marked UTC/UT/Z/GMT stays UTC.
    """
    if re.search(r"\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}|\b(utc|ut|gmt|z)\b", text, re.IGNORECASE):
        return False
    return bool(re.search(r"\b\d{1,2}(:\d{2})?\s*([ap]\.?m\.?)\b|\b\d{1,2}:\d{2}\b|\bmidnight\b|\bnoon\b", text, re.I))


def _searches_around(text: str) -> bool:
    """Whether the words ask for objects of a kind around something ('any galaxies near it?')."""
    return bool(
        re.search(r"\b(stars?|galax(y|ies)|clusters?|nebula[es]*|objects)\b", text, re.IGNORECASE)
        and re.search(r"\b(near|around|within|close to|next to)\b", text, re.IGNORECASE)
    )


def _asks_rise_or_set(parsed: Parsed) -> bool:
    """A rise, set or transit asked for; the bare verbs 'rise'/'set' too, which the parse's ask leaves out."""
    day_events = {"rise_set", "rising", "setting", "culmination", "ever_rises"}
    return bool(day_events & set(parsed.asks)) or bool(re.search(r"\b(rise|set)\b", parsed.text, re.IGNORECASE))


@cache
def _site_names() -> dict[str, str]:
    """Observatory name or alias (normalized) → site name, built once."""
    from aeiou_agent.tools.ephemeris import SITE_KEYS

    return {key: site.name for key, site in SITE_KEYS.items()}


def _verbatim(text: str) -> str:
    """A question reduced to its words, to tell when an evaluation question is a routing example word for word."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def unknown_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans that look like object names the index does not know ('Xyzzy-5', 'Andromedda'), for masking.

    Only short phrases right after words such as 'is', 'about', 'of', 'near' that start with a capital
    letter or look like a designation ('xyz 12') count; observatory sites, planets, months and other
    known words do not.
    """
    from aeiou_agent.tools.ephemeris import SITE_KEYS

    spans = []
    for match in _NAME_TRIGGER.finditer(text):
        phrase = match.group(1).strip()
        first = phrase.split()[0] if phrase.split() else ""
        designation_like = re.match(r"[A-Za-z]+[ -]?\d", phrase) is not None  # 'NGC 99999', 'xyz-5'
        if not phrase or (_NOT_UNKNOWN_NAMES.match(first) and not designation_like) or normalize(phrase) in SITE_KEYS:
            continue
        if len(phrase.split()) > 4 or not (phrase[0].isupper() or designation_like):
            continue
        start = match.start(1) + match.group(1).index(phrase)
        spans.append((start, start + len(phrase)))
    return spans


def _compared_by_brightness(text: str, mentions: list[Mention]) -> tuple[Mention, bool] | None:
    """The object a search is compared with ('stars brighter than Vega'), and whether brighter (else fainter)."""
    for mention in mentions:
        found = _THAN_NAMED.search(text[: mention.start])
        if found:
            return mention, found.group(1).lower() == "brighter"
    return None


def mask_names(text: str, mentions: list[Mention], extra_spans: list[tuple[int, int]]) -> str:
    """Replace object names with 'X' so that similarity reflects the question's form, not the object."""
    spans = sorted({(m.start, m.end) for m in mentions} | set(extra_spans), reverse=True)
    taken: list[tuple[int, int]] = []
    for start, end in spans:
        if any(start < e and end > s for s, e in taken):
            continue
        text = text[:start] + "X" + text[end:]
        taken.append((start, end))
    return text


def _column_order(parsed: Parsed, catalog: str) -> dict[str, Any]:
    """sort_by/descending for a superlative on a column ``catalog`` has ('the 5 reddest stars')."""
    order = parsed.column_order
    if order is None or catalog not in order.catalogs:
        return {}
    return {"sort_by": order.column, "descending": order.descending}


def _catalog_for_conditions(catalog: str, parsed: Parsed) -> str:
    """The other catalog when the column conditions are all on columns only it has, and no type was asked for.

    'objects with redshift above 0.01' searches OpenNGC.
    """
    tables = {table for cut in parsed.column_cuts for table in cut.catalogs}
    if parsed.column_order is not None:
        tables |= set(parsed.column_order.catalogs)
    if parsed.counted is None and tables and catalog not in tables and len(tables) == 1:
        return tables.pop()
    return catalog


def _column_conditions(parsed: Parsed, catalog: str, previous: list[dict[str, Any]]) -> dict[str, Any]:
    """``where`` conditions for a catalog search: the question's, on columns ``catalog`` has, and earlier ones.

    A follow-up keeps the conditions on other columns: 'what about B-V above 1.5?' replaces only the B−V one.
    """
    new = [{"column": c.column, "op": c.op, "value": c.value} for c in parsed.column_cuts if catalog in c.catalogs]
    kept = [c for c in previous if c["column"] not in {n["column"] for n in new}]
    where = kept + new
    return {"where": where} if where else {}


def _catalog_and_type(lowered: str, counted: str | None = None) -> tuple[str, str]:
    """Which catalog and object type a search question is about: what it counts or lists, else what it names."""
    if counted == "star":
        return "hipparcos", "any"
    if counted == "any_deep_sky":
        return "ngc", "any"
    if counted is not None:
        return "ngc", counted
    if re.search(r"\bplanetary\s+nebula", lowered):
        return "ngc", "planetary_nebula"
    if re.search(r"\bglobular", lowered):
        return "ngc", "globular_cluster"
    if re.search(r"\bopen\s+clusters?\b", lowered):
        return "ngc", "open_cluster"
    if re.search(r"\bgalax(y|ies)\b", lowered) and not re.search(r"\bstars?\b", lowered.split("galax")[0][-30:]):
        return "ngc", "galaxy"
    if re.search(r"\bclusters\b|\bstar clusters?\b", lowered):
        return "ngc", "cluster"
    if re.search(r"\bnebula(e|s)\b", lowered):
        return "ngc", "nebula"
    if re.search(
        r"\b(deep[- ]sky|dsos?|ngc\s+objects|ngc/ic|messier\s+objects|objects|ngc\s+catalog)\b", lowered
    ) and not re.search(r"\bstars?\b", lowered):
        return "ngc", "any"
    return "hipparcos", "any"


def _is_foreign(text: str) -> bool:
    """True for questions clearly not in English (another script, or foreign function words and no English ones)."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(1 for c in letters if ord(c) > 0x24F) / len(letters) > 0.3:
        return True
    words = re.findall(r"[^\W\d_]+", text.lower())
    foreign = sum(1 for w in words if w in _FOREIGN_WORDS)
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    return (foreign >= 2 and english == 0) or (foreign >= 3 and foreign > 2 * english) or text.lstrip().startswith("¿")
