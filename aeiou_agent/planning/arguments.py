"""Typed argument extraction from plain-language questions.

Each function reads one kind of argument (an angle with its unit, magnitude limits, a redshift, a
site, a unit conversion, ...) and returns it in the unit the tools expect, or None when the question
does not say. Nothing here guesses a value the question does not contain.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from aeiou_agent.store.names import normalize

NUM = r"[-+−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
# Numbers written in words, as counts ('five closest', 'redshift six') and as values before units ('a degree').
NUMBER_WORDS: dict[str, float] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
    "a couple of": 2,
    "a pair of": 2,
}
_NUMBER_WORDS = {**NUMBER_WORDS, "half a": 0.5, "a": 1}


def to_float(text: str) -> float:
    """A float from a number as people type it (unicode minus allowed)."""
    return float(text.replace("−", "-").replace(",", ""))


_DIGIT_WORDS = {"zero": 0, **{word: int(value) for word, value in NUMBER_WORDS.items() if value in range(1, 10)}}
_POINT = re.compile(
    r"\b({}|zero)\s+point\s+((?:(?:{})\b\s*)+)".format(
        "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)), "|".join(_DIGIT_WORDS)
    ),
    re.IGNORECASE,
)


def words_to_numbers(text: str) -> str:
    """'five degrees' → '5 degrees', 'two point five' → '2.5' (whole numbers only before units: 'a galaxy' stays)."""
    text = _POINT.sub(
        lambda m: "{:g}.{} ".format(
            _NUMBER_WORDS.get(m.group(1).lower(), 0),
            "".join(str(_DIGIT_WORDS[w.lower()]) for w in m.group(2).split()),
        ),
        text,
    )
    units = r"(degrees?|deg|arc\s*minutes?|arcmins?|arc\s*seconds?|arcsecs?|parsecs?|light[- ]years?)"
    pattern = re.compile(
        r"\b({})\s+{}".format("|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)), units), re.IGNORECASE
    )
    return pattern.sub(lambda m: f"{_NUMBER_WORDS[m.group(1).lower()]} {m.group(2)}", text)


_ANGLE = re.compile(
    rf"({NUM})\s*-?\s*(degrees?|degs?|°|arc\s*-?\s*minutes?|arcmins?|′|'|arc\s*-?\s*seconds?|arcsecs?|″|\")(?![a-z])",
    re.IGNORECASE,
)


def angle_to_deg(value: float, unit: str) -> float:
    """Convert a value in degrees, arcminutes or arcseconds (as typed) to degrees."""
    unit = unit.lower().replace(" ", "").replace("-", "")
    if unit.startswith("arcm") or unit in {"′", "'"}:
        return value / 60.0
    if unit.startswith("arcs") or unit in {"″", '"'}:
        return value / 3600.0
    return value


def _angle_rank(unit: str) -> int:
    """0 for degrees, 1 for arcminutes, 2 for arcseconds (as typed)."""
    return {1.0: 0, 1 / 60.0: 1}.get(angle_to_deg(1.0, unit), 2)


def _compound_angle(text: str, match: re.Match[str]) -> float:
    """The angle at ``match`` in degrees, with the smaller units that follow it added: '3 deg 30 arcmin', "1°30'"."""
    total, rank, end = angle_to_deg(to_float(match.group(1)), match.group(2)), _angle_rank(match.group(2)), match.end()
    while (gap := re.match(r"\s*(?:and\s+|,\s*)?", text[end:])) and (following := _ANGLE.match(text, end + gap.end())):
        if _angle_rank(following.group(2)) <= rank:
            break
        total += angle_to_deg(to_float(following.group(1)), following.group(2))
        rank, end = _angle_rank(following.group(2)), following.end()
    return total


def extract_radius_deg(text: str) -> float | None:
    """The search radius, in degrees, from 'within 5 degrees', '30 arcmin', '2°', '3 deg 30 arcmin', '10″'."""
    text = words_to_numbers(text)
    for match in _ANGLE.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()].lower()
        if re.search(r"(dec|ra|b|l|lat|lon|latitude|longitude|altitude|above)\s*[=:]?\s*$", before):
            continue  # a coordinate or altitude, not a radius
        return _compound_angle(text, match)
    return None


def extract_extent_deg(text: str) -> float | None:
    """An extent in degrees ('a field 2 arcmin across', 'of 3 arcminutes'), not a galaxy's radius or the seeing."""
    text = words_to_numbers(text)
    for match in _ANGLE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()].lower()
        if re.search(r"\b(radius|radii|half-light|seeing|psf|fwhm|pixels?|resolution|dec|ra|altitude)\b", before):
            continue  # a size of the galaxies or of the optics, not of the field
        return _compound_angle(text, match)
    return None


_MAG = r"(?:mag(?:nitude)?s?|v|hp|v\s*mag|visual magnitude)"


def extract_magnitude_limits(text: str) -> tuple[float | None, float | None]:
    """(mag_max, mag_min): 'brighter than 5' → (5, None); 'fainter than mag 8' → (None, 8)."""
    t = text.lower().replace("≤", "<=").replace("≥", ">=")
    mag_max = mag_min = None
    between = re.search(rf"{_MAG}\s*(?:between|from)\s*({NUM})\s*(?:and|to|-)\s*({NUM})", t) or re.search(
        rf"between\s*{_MAG}\s*({NUM})\s*(?:and|to)\s*({NUM})", t
    )
    if between:
        low, high = sorted((to_float(between.group(1)), to_float(between.group(2))))
        return high, low
    patterns_max = [
        rf"bri\w*te?r\s+than\s+(?:an?\s+)?(?:{_MAG}\s*)?(?:of\s+)?({NUM})",
        rf"\b{_MAG}\s*(?:<=?|below|under|less\s+than|up\s+to|at\s+most|brighter\s+than)\s*({NUM})",
        rf"(?:down|up)\s+to\s+(?:{_MAG}\s*)?({NUM})",
        rf"(?:limit(?:ing)?\s+{_MAG}|{_MAG}\s+limit)\s*(?:of\s+)?({NUM})",
        rf"\b{_MAG}\s*({NUM})\s+or\s+brighter",
        rf"\b({NUM})\s*(?:mag(?:nitude)?s?\s+)?or\s+brighter",
        rf"\b(?:at\s+least|as\s+bright\s+as)\s+(?:{_MAG}\s*)?({NUM})",
    ]
    for pattern in patterns_max:
        found = re.search(pattern, t)
        if found:
            mag_max = to_float(found.group(1))
            break
    if mag_max is None and re.search(r"naked[- ]eye|visible\s+to\s+the\s+(naked|unaided)\s+eye", t):
        mag_max = 6.0
    patterns_min = [
        rf"fainter\s+than\s+(?:{_MAG}\s*)?(?:of\s+)?({NUM})",
        rf"\b{_MAG}\s*(?:>=?|above|greater\s+than|fainter\s+than)\s*({NUM})",
        rf"\b({NUM})\s*(?:mag(?:nitude)?s?\s+)?or\s+fainter",
    ]
    for pattern in patterns_min:
        found = re.search(pattern, t)
        if found:
            mag_min = to_float(found.group(1))
            break
    return mag_max, mag_min


def extract_limit(text: str) -> int | None:
    """How many rows to list: 'top 10', '5 brightest', 'list 20', 'first 3'."""
    t = text.lower()
    found = re.search(
        r"\b(?:top|first|list|show(?:\s+me)?|give\s+me|the)\s+(\d{1,4})\b(?!\s*(?:deg|°|arc|mag|pc|ly))", t
    )
    if not found:
        found = re.search(  # '40 galaxies per square arcminute' is a density, 'magnitude 6 stars' a limit: no counts
            r"(?<![=<>≤≥~])(?<![=<>≤≥~]\s)(?<!magnitude\s)(?<!mag\s)"
            r"\b(\d{1,4})\s+(?:brightest|nearest|closest|faintest|bright|stars|galaxies|objects)\b"
            r"(?!\s*(?:per\b|/|an?\s+(?:square|sq)))",
            t,
        )
    return int(found.group(1)) if found else None


def extract_redshift(text: str) -> float | None:
    """Redshift from 'z=0.5', 'z = 3', 'z~1', 'redshift 2', 'redshift of 0.1'."""
    speed = r"(?!\d|\.\d|\s*(?:c\b|%|km\b|km/|m/s|kilomet))"  # 'redshift is 0.1c': a speed, not a redshift
    found = re.search(
        rf"(?<![a-z])z\s*(?:=|~|≈|of|is|was|equals|equal to|at)?\s*({NUM}){speed}", text, re.IGNORECASE
    ) or re.search(rf"redshift(?:\s+of|\s+z|\s+is)?\s*(?:=|~|≈)?\s*({NUM}){speed}", text, re.IGNORECASE)
    return to_float(found.group(1)) if found else None


_SPEEDS_IN_KM_S = {"km/s": 1.0, "km s-1": 1.0, "km s^-1": 1.0, "kms": 1.0, "kps": 1.0, "m/s": 1e-3}


def extract_velocity_km_s(text: str) -> float | None:
    """A speed written in the question, in km/s: '3000 km/s', '1,500 kilometres per second', '0.1c', '10% of c'."""
    found = re.search(
        rf"({NUM})\s*(km\s*/\s*s(?:ec)?|km\s+s\^?-1|kms|kps|m\s*/\s*s|kilomet(?:er|re)s?\s+(?:per|a)\s+second)\b",
        text.replace(",", ""),
        re.IGNORECASE,
    )
    sign = -1.0 if re.search(r"\b(approach\w*|towards? us|blue-?shift\w*)\b", text, re.IGNORECASE) else 1.0
    if found:
        unit = re.sub(r"\s*/\s*", "/", found.group(2).lower()).replace("sec", "s")
        return sign * abs(to_float(found.group(1))) * _SPEEDS_IN_KM_S.get(unit, 1.0)
    light = re.search(
        rf"({NUM})\s*(%\s*(?:of\s+)?(?:c|the\s+speed\s+of\s+light)|c\b|times\s+the\s+speed\s+of\s+light)",
        text,
        re.IGNORECASE,
    )
    if light:
        fraction = to_float(light.group(1)) / (100.0 if light.group(2).startswith("%") else 1.0)
        return sign * abs(fraction) * 299_792.458 if abs(fraction) < 1 else None
    return None


FRAME_WORDS = {
    "galactic": "galactic",
    "supergalactic": "supergalactic",
    "ecliptic": "ecliptic",
    "fk4": "fk4",
    "b1950": "fk4",
    "fk5": "fk5",
    "j2000": "fk5",
    "icrs": "icrs",
    "equatorial": "icrs",
    "sexagesimal": "icrs",
    "decimal": "icrs",
    "ra and dec": "icrs",
    "ra/dec": "icrs",
    "hms": "icrs",
}


# Reference points of the Galaxy, named in words: (l, b) in degrees. Positions for the question parse, and not
# frame words for extract_frames
_NAMED_POINTS = {
    "centre": (0.0, 0.0),
    "anticentre": (180.0, 0.0),
    "north pole": (0.0, 90.0),
    "south pole": (0.0, -90.0),
}
NAMED_POINT = re.compile(
    r"\bgalactic\s+(?:cent(?:re|er)|anti-?cent(?:re|er))\b|\b(?:north|south)(?:ern)?\s+galactic\s+pole\b"
    r"|\bgalactic\s+(?:north|south)\s+pole\b|\b[ns]gp\b"
    r"|\b(?:cent(?:re|er)|anti-?cent(?:re|er))\s+of\s+(?:the\s+)?(?:milky\s+way|galaxy)\b(?!\s+(?:cluster|group))",
    re.IGNORECASE,
)
_GALACTIC_PART = re.compile(r"\s+(halo|dis[ck]|bulge|nucleus|bar)\b")  # 'the galactic halo' names no frame either


def named_point(phrase: str) -> tuple[float, float]:
    """(l, b) in degrees of the reference point a phrase matched by NAMED_POINT names."""
    lowered = phrase.lower()
    if "pole" in lowered or "gp" in lowered:
        return _NAMED_POINTS["north pole" if lowered.startswith("n") or "north" in lowered else "south pole"]
    return _NAMED_POINTS["anticentre" if "anti" in lowered else "centre"]


def extract_frames(text: str) -> tuple[str | None, str | None]:
    """(from_frame, to_frame) named in the question: 'from galactic to equatorial', 'ecliptic coordinates of'."""
    t = text.lower()
    points = [match.span() for match in NAMED_POINT.finditer(t)]  # 'the Galactic centre' is a place, not a frame
    positions = []
    for word, frame in FRAME_WORDS.items():
        for found in re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z])", t):
            if word == "galactic" and t[max(0, found.start() - 5) : found.start()] == "super":
                continue
            if word == "galactic" and (
                _GALACTIC_PART.match(t, found.end()) or any(a <= found.start() < b for a, b in points)
            ):
                continue
            positions.append((found.start(), frame))
    positions.sort()
    if not positions:
        return None, None
    to_match = re.search(r"\b(?:to|into|in)\s+(?:the\s+)?([a-z0-9/ ]+?)\s*(?:coordinates|frame|system|\?|$)", t)
    to_frame = None
    if to_match:
        for word, frame in FRAME_WORDS.items():
            if word in to_match.group(1):
                to_frame = frame
    from_match = re.search(r"\bfrom\s+(?:the\s+)?([a-z0-9/ ]+?)\s*(?:coordinates|frame|system|\bto\b)", t)
    from_frame = None
    if from_match:
        for word, frame in FRAME_WORDS.items():
            if word in from_match.group(1):
                from_frame = frame
    if to_frame is None:
        candidates = [f for _p, f in positions if f != from_frame]
        to_frame = candidates[-1] if candidates else None
    return from_frame, to_frame


def extract_distance_pc(text: str) -> float | None:
    """A distance in parsecs from '100 pc', '10 kpc', '2.5 Mpc', '50 light years'."""
    found = re.search(
        rf"({NUM})\s*(pc|parsecs?|kpc|kiloparsecs?|mpc|megaparsecs?|ly|lyr|light[- ]years?)\b", text, re.IGNORECASE
    )
    if not found:
        return None
    value, unit = to_float(found.group(1)), found.group(2).lower()
    if unit.startswith(("kpc", "kilo")):
        return value * 1e3
    if unit.startswith(("mpc", "mega")):
        return value * 1e6  # 'mpc' typed in any case means megaparsecs; nobody asks in milliparsecs
    if unit.startswith(("ly", "light")):
        return value / 3.261563777
    return value


def extract_parallax_mas(text: str) -> float | None:
    """A parallax in milliarcseconds from '10 mas', '0.1 arcsec', 'parallax of 2.5 milliarcseconds'."""
    found = re.search(
        rf"({NUM})\s*(mas|milli-?arc\s*-?seconds?|milliarcsec|arc\s*-?seconds?|arcsec|″|\")", text, re.IGNORECASE
    )
    if not found:
        return None
    value, unit = to_float(found.group(1)), found.group(2).lower()
    return value if unit.startswith(("mas", "milli")) else value * 1000.0


COSMOLOGY_QUANTITIES: list[tuple[str, str]] = [
    (r"luminosity\s+(?:distance|and\b|&|,)|\bd_?l\b", "luminosity_distance"),
    (r"angular[- ](?:diameter|size)\s+(?:distance|and\b|&|,)|\bd_?a\b", "angular_diameter_distance"),
    (r"comoving\s+volume|\bvolume\b", "comoving_volume"),
    (r"comoving\s+(?:(?:radial\s+)?distance|and\b|&|,)|line[- ]of[- ]sight\s+comoving", "comoving_distance"),
    (r"distance\s+modulus|\bdistmod\b", "distance_modulus"),
    (r"lookback|look[- ]back|light[- ]travel\s+time|how\s+long\s+ago|travel(?:l)?ed\s+for", "lookback_time"),
    (r"\bage\b|\bold\b|how\s+long\s+after\s+the\s+big\s+bang|since\s+the\s+big\s+bang", "age"),
    (
        r"hubble\s+(?:parameter|rate|constant)|expansion\s+rate|\bh\s*\(\s*z\s*\)|how\s+fast\b.*\bexpand"
        r"|rate\s+of\s+(?:the\s+)?expansion",
        "hubble_parameter",
    ),
    (r"critical\s+(?:mass\s+)?density|\bρ_?c(?:rit)?\b|\brho_?c(?:rit)?\b", "critical_density"),
    (r"scale\s+factor|how\s+much\s+(?:has|did|had)\s+the\s+universe\s+(?:expand|grow)", "scale_factor"),
    (
        r"kpc\s*(?:/|per)\s*(?:arc\s*sec|\")|arcsec(?:ond)?\s+correspond|(?:physical|proper)\s+(?:scale|size)"
        r"|angular\s+scale|\bscale\b(?!\s+factor)"
        r"|how\s+many\s+kpc|kiloparsecs?\s+per"
        r"|\bhow\s+many\s+(?:k?pc|mpc|parsecs|kiloparsecs|megaparsecs|light[- ]years)\s+(?:is|are|does|do|in)\b"
        r"(?=.*\barc\s*(?:sec|min))"  # 'how many Mpc is 1 arcminute at z = 0.3'
        r"|\bhow\s+(?:big|large|wide|long)\s+is\s+(?:an?\s+|\d+(?:\.\d+)?\s*)arc\s*(?:sec|min)",
        "kpc_per_arcsec",
    ),
]

COSMOLOGY_NAMES: list[tuple[str, str]] = [
    (r"planck\s*(?:20)?18|planck\s+2018|planck\s+18", "Planck18"),
    (r"planck\s*(?:20)?15|planck\s+2015", "Planck15"),
    (r"planck\s*(?:20)?13|planck\s+2013", "Planck13"),
    (r"wmap\s*-?\s*9|wmap\s+nine", "WMAP9"),
    (r"wmap\s*-?\s*7", "WMAP7"),
    (r"wmap\s*-?\s*5", "WMAP5"),
    (r"wmap\s*-?\s*3", "WMAP3"),
    (r"wmap\s*-?\s*1\b", "WMAP1"),
]


@dataclass
class CosmologyArgs:
    """What a cosmology question asks for."""

    quantity: str | None
    cosmology: str | None
    h0: float | None
    om0: float | None


# A question that asks for the redshift at which a quantity has a value ('what redshift corresponds to a lookback time
# of 10 Gyr?', 'when was the universe 1 Gyr old?', 'at what z is the luminosity distance 2 Gpc?')
_ASKS_REDSHIFT = re.compile(
    r"\b(?:what|which|at\s+what|at\s+which|find\s+the|solve\s+for)\s+(?:the\s+)?(?:redshift|z)\b|\bwhat\s+z\b"
    r"|\bwhen\s+was\s+the\s+universe\b|\bredshift\s+(?:for|at\s+which|where|corresponds?|would)\b",
    re.IGNORECASE,
)
_QUANTITY_VALUE = re.compile(
    rf"({NUM})\s*(gyr|myr|kyr|(?:billion|million|thousand)\s+years|gpc|mpc|kpc|gly|mly|light[- ]years?"
    r"|km\s*/\s*s\s*/\s*mpc|mag(?:nitudes?)?)(?![\w/])",
    re.IGNORECASE,
)
# Unit words of cosmology questions (the first word, lower case) as astropy names them: for a value given
# ('a lookback time of 10 Gyr') and for the unit an answer is asked in ('in Gpc'); 'mag' is the modulus' own unit.
COSMOLOGY_UNITS: dict[str, str | None] = {
    **{"gpc": "Gpc", "mpc": "Mpc", "kpc": "kpc", "pc": "pc", "parsec": "pc", "gly": "Glyr", "mly": "Mlyr"},
    **{"light": "lyr", "gyr": "Gyr", "myr": "Myr", "kyr": "kyr", "year": "yr", "yr": "yr"},
    **{"billion": "Gyr", "million": "Myr", "thousand": "kyr", "km": "km/s/Mpc", "mag": None},
}


def extract_value_to_solve(text: str) -> tuple[float, str | None] | None:
    """The value (and its unit) of a quantity whose redshift is asked: 'a lookback time of 10 Gyr' → (10, 'Gyr')."""
    if not _ASKS_REDSHIFT.search(text):
        return None
    found = _QUANTITY_VALUE.search(text)
    if not found:
        return None
    word = re.split(r"[\s/-]", found.group(2).lower())[0]
    return to_float(found.group(1)), COSMOLOGY_UNITS["mag" if word.startswith("mag") else word]


_FRACTION_WORDS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
    "a quarter": 0.25, "one quarter": 0.25, "a fourth": 0.25, "three quarters": 0.75, "a tenth": 0.1,
    "one tenth": 0.1, "a fifth": 0.2, "one fifth": 0.2,
}  # fmt: skip
_FRACTION_OF_TODAY = re.compile(
    r"\b(?P<fraction>"
    + "|".join(sorted(map(re.escape, _FRACTION_WORDS), key=len, reverse=True))
    + r"|\d+(?:\.\d+)?\s*(?:%|percent)|0?\.\d+)\s+(?:of\s+)?(?:its|the(?:\s+universe'?s)?)\s+"
    r"(?:current|present(?:[- ]day)?|today'?s|modern)\s+(?P<what>age|size)\b",
    re.IGNORECASE,
)


def extract_fraction_of_today(text: str) -> tuple[float, str] | None:
    """'half its present age' → (0.5, 'age'); '10% of its current size' → (0.1, 'scale_factor')."""
    found = _FRACTION_OF_TODAY.search(text)
    if found is None:
        return None
    word = found.group("fraction").lower()
    number = re.match(r"[\d.]+", word)
    fraction = _FRACTION_WORDS.get(word) or (
        float(number.group(0)) / (100 if "%" in word or "percent" in word else 1) if number else 0
    )
    if not 0 < fraction < 1:
        return None
    return fraction, "age" if found.group("what").lower() == "age" else "scale_factor"


def extract_cosmology(text: str) -> CosmologyArgs:
    """Quantity, named parameter set and custom H0/Ωm from a cosmology question."""
    t = text.lower()
    quantity = next((q for pattern, q in COSMOLOGY_QUANTITIES if re.search(pattern, t)), None)
    name = next((n for pattern, n in COSMOLOGY_NAMES if re.search(pattern, t)), None)
    h0 = re.search(_parameter_pattern("H0"), t)  # one pattern per parameter, shared
    om0 = re.search(_parameter_pattern("omega_m"), t)
    return CosmologyArgs(
        quantity=quantity,
        cosmology=name,
        h0=to_float(h0.group(1)) if h0 else None,
        om0=to_float(om0.group(1)) if om0 else None,
    )


@dataclass
class SimulationArgs:
    """Cosmological parameters and map settings named in a power-spectrum or density-field question."""

    values: dict[str, Any]


# How a parameter is tied to its value: 'H0 = 70', 'H0 of 70', 'if H0 were 67', 'sigma8 set to 0.9'.
_LINK = r"(?:=|:|~|≈|\bof|\bis|\bwas|\bwere|\bare|\bbe|\bequals?|\bequal\s+to|\bset\s+to)?"

_SIMULATION_PATTERNS: dict[str, str] = {
    "sigma8": r"(?:\bsigma_?\s?8|σ_?8|\bs8)\s*{LINK}\s*({NUM})",
    "omega_m": r"(?:\bomega[\s_]?m(?:atter)?\b|\bom0|\bom(?=\s*=)|\bω_?m|\bωm|matter\s+density)\s*{LINK}"
    r"\s*({NUM})",
    "omega_b": r"(?:\bomega_?b(?:aryon)?|\bob0|\bω_?b|\bωb|\bomega\s+b\b|baryon\s+density)\s*{LINK}\s*({NUM})",
    "h": r"(?<![a-z0-9/])h\s*(?:=|of|is|:)\s*({NUM})|(?<![a-z0-9/])h\s+({NUM})",
    "H0": r"\bh_?0\s*{LINK}\s*({NUM})",
    "n_s": r"(?:\bn_?s|spectral\s+index)\s*{LINK}\s*({NUM})",
    "k_h_mpc": r"(?<![a-z])k\s*(?:=|of|is|:|~)?\s*({NUM})\s*(?:h\s*/\s*mpc|h\s*mpc\^?-1)?",
    "box_size_mpc_h": r"({NUM})\s*(?:mpc\s*/\s*h|h\^?-1\s*mpc|mpc/h|mpc)\b",
    "n_pixels": r"({NUM})\s*(?:x\s*\d+\s*)?(?:pixels?|px|cells?)\b|({NUM})\s*(?:x|×)\s*\d+|({NUM})\s*(?:\^2|²)",
    "seed": r"\bseed\s*{LINK}\s*(\d+)",
}


_DENSITY = re.compile(
    rf"({NUM})\s*(?:[a-z]+\s+){{0,2}}(?:per|/|an?)\s*(?:square\s+arc\s*-?\s*min(?:ute)?s?|sq\.?\s*arcmin|arcmin(?:\^?2|²))",
    re.IGNORECASE,
)


def extract_density_per_arcmin2(text: str) -> float | None:
    """A surface density: '30 galaxies per square arcminute', '40/arcmin²', '25 per sq arcmin'."""
    found = _DENSITY.search(text)
    return to_float(found.group(1)) if found else None


# Unit words that end argument names ('median_radius_arcsec'): the rest of the name is what people call it.
_NAME_UNITS = {
    "arcsec",
    "arcmin",
    "deg",
    "dex",
    "mas",
    "pc",
    "mpc",
    "kpc",
    "pixels",
    "px",
    "yr",
    "gyr",
    "km",
    "s",
    "msun",
    "mag",
    "solar",
}
_FRACTION_WORDS = {"none": 0.0, "no": 0.0, "a quarter": 0.25, "a third": 1 / 3, "half": 0.5, "all": 1.0, "only": 1.0}


def _name_words(name: str) -> list[str]:
    return [word for word in name.lower().split("_") if word not in _NAME_UNITS]


_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# a value as people write large numbers: '1e11', '10^11', '10**11', '2×10^10', '10 billion'
_VALUE = (
    rf"(?:{NUM}\s*(?:x|×|\*)\s*)?10\s*(?:\^|\*\*)\s*[-+−]?\d+(?:\.\d+)?"
    rf"|{NUM}(?:\s+(?:{'|'.join(_SCALE_WORDS)})\b(?!\s+years?))?"
)
# units an argument's name can end in that people also write in other units, and the factor to the name's unit
_UNIT_FACTORS: dict[str, dict[str, float]] = {
    "gyr": {"gyr": 1.0, "billion year": 1.0, "myr": 1e-3, "million year": 1e-3, "kyr": 1e-6, "yr": 1e-9, "year": 1e-9},
}
_UNIT_WORDS = {
    "gyr": r"gyrs?|billion\s+years?|myrs?|million\s+years?|kyrs?|yrs?|years?",
}


_LINKS = r"(?:with|and|at|in|for|to|on|by|or|but|plus|from|then)"  # words that end an adjective run: '2 with age'


def _value(text: str) -> float:
    """A float from a :data:`_VALUE` match: '10^11' → 1e11, '2×10^10' → 2e10, '10 billion' → 1e10."""
    power = re.match(rf"(?:({NUM})\s*(?:x|×|\*)\s*)?10\s*(?:\^|\*\*)\s*([-+−]?\d+(?:\.\d+)?)$", text.strip())
    if power:
        return (to_float(power.group(1)) if power.group(1) else 1.0) * 10 ** to_float(power.group(2))
    number, *scale = text.split()
    return to_float(number) * (_SCALE_WORDS[scale[0].lower()] if scale else 1.0)


def _in_name_unit(value: float, unit: str | None, name: str) -> float:
    """``value`` written in ``unit`` ('500 Myr') converted to the unit the argument's name ends in (age_gyr)."""
    factors = _UNIT_FACTORS.get(name.rsplit("_", 1)[-1], {})
    if not unit:
        return value
    key = re.sub(r"\s+", " ", unit.lower()).rstrip("s")
    return value * factors.get(key, 1.0)


def extract_named_value(text: str, name: str, words: Iterable[str] = ()) -> float | None:
    """A value given by an argument's name or one of the other ``words`` for it (from the tool's declaration).

    'median half-light radius 1 arcsec' for median_radius_arcsec, 'count slope of 0.35' for count_slope: the name's
    words in order, a few words allowed between them, the unit word not needed. ``words`` are phrases written before
    the value ('A_V = 0.5', 'tau of 1 Gyr') or after it ('500 Myr old', '10^11 solar masses'); a value written in
    another unit of the name's ('Myr' for age_gyr) is converted. A phrase with '= value' sets that value when no
    number is given ('solar metallicity = 1', 'no dust = 0').
    """
    unit_suffix = name.rsplit("_", 1)[-1]
    unit = rf"(?:\s*-?\s*(?P<unit>{_UNIT_WORDS[unit_suffix]})\b)?" if unit_suffix in _UNIT_WORDS else ""
    phrases, fixed = [], []
    lowered = text.lower()  # a phrase whose words are not all in the text cannot match: its pattern is not built
    own = _name_words(name)
    if own and all(word.lower() in lowered for word in own):
        phrases.append(r"(?:\s+[\w-]+){0,2}?\s+".join(re.escape(word) + r"\w*" for word in own))
    for word in words:
        phrase, _, setting = word.partition(" = ")
        if not all(part.lower() in lowered for part in phrase.split()):
            continue
        pattern = r"[\s-]+".join(re.escape(part) for part in phrase.split())
        if setting:
            fixed.append((pattern, float(setting)))
        else:
            phrases.append(pattern + r"(?!\w)")
    for phrase in phrases:
        before = re.search(
            rf"(?<![\w-]){phrase}\s*(?:=|:|of|is|at|to|~|≈)?\s*(?:about|around|roughly|~|≈)?\s*(?P<value>{_VALUE}){unit}",
            text,
            re.IGNORECASE,
        )
        after = re.search(
            rf"(?<![\w.])(?P<value>{_VALUE}){unit}[\s-]*(?:(?![\d.]|{_LINKS}\b)[\w-]+\s+){{0,2}}?{phrase}",
            text,
            re.IGNORECASE,
        )
        found = before or after  # 'at redshift 2 with age 1 Gyr': the value after the name
        if found:
            return _in_name_unit(_value(found.group("value")), found.groupdict().get("unit"), name)
    settings = [
        (m.start(), -len(m.group(0)), value)
        for pattern, value in fixed
        for m in [re.search(rf"(?<![\w-]){pattern}(?!\w)", text, re.IGNORECASE)]
        if m
    ]
    return min(settings)[2] if settings else None


def named_choice_word(text: str, words: Iterable[str]) -> str | None:
    """The choice a declared 'phrase = choice' word sets when the question uses the phrase ('2LPT = simulator')."""
    for word in words:
        phrase, _, choice = word.partition(" = ")
        pattern = r"[\s-]+".join(re.escape(part) for part in phrase.split())
        if choice and re.search(rf"(?<![\w-]){pattern}(?!\w)", text, re.IGNORECASE):
            return choice
    return None


def extract_fraction_of(text: str, noun: str, complements: tuple[str, ...] = ()) -> float | None:
    """A share of things that are ``noun``: '30% bulges', 'half the galaxies are bulges', 'no bulges', 'only bulges'.

    'only disc galaxies' is 0 when 'disc' is among ``complements``.
    """
    lowered = text.lower()
    noun_re = rf"{re.escape(noun)}s?\b"
    found = re.search(
        rf"({NUM})\s*(?:%|per\s*cent|percent)\s+(?:of\s+(?:the\s+)?\w+\s+(?:are|as)\s+)?{noun_re}", lowered
    )
    if found:
        return to_float(found.group(1)) / 100.0
    words = "|".join(sorted(_FRACTION_WORDS, key=len, reverse=True))
    found = re.search(rf"\b({words})\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+(?:(?:are|as|being)\s+)?)?{noun_re}", lowered)
    if found:
        return _FRACTION_WORDS[found.group(1)]
    if complements and re.search(rf"\b(?:only|all)\s+(?:{'|'.join(map(re.escape, complements))})", lowered):
        return 0.0
    return None


def negates(text: str, name: str) -> bool:
    """Whether the question turns an option off: 'without running source detection' for detect_sources."""
    stems = "|".join(re.escape(word[:5]) for word in _name_words(name) if len(word) > 2)
    return bool(stems) and bool(
        re.search(rf"\b(?:without|no|skip|skipping|don'?t|do\s+not|not)\b(?:\s+\w+){{0,2}}?\s+(?:{stems})", text, re.I)
    )


def _parameter_pattern(name: str) -> str:
    """The regular expression that finds a parameter's value (_SIMULATION_PATTERNS, placeholders filled)."""
    return _SIMULATION_PATTERNS[name].replace("{NUM}", NUM).replace("{LINK}", _LINK)


def extract_simulation(text: str) -> SimulationArgs:
    """Parameters for matter_power_spectrum / density_field: σ8, Ωm, Ωb, h (or H0), n_s, k, box, pixels, seed."""
    lowered = text.lower()
    values: dict[str, Any] = {}
    for name in _SIMULATION_PATTERNS:
        found = re.search(_parameter_pattern(name), lowered)
        if found:
            number = next(g for g in found.groups() if g is not None)
            values[name] = to_float(number)
    if "H0" in values:
        h0 = values.pop("H0")
        values.setdefault("h", h0 / 100.0 if h0 > 10 else h0)
    for name in ("n_pixels", "seed"):
        if name in values:
            values[name] = int(values[name])
    if re.search(r"\b(non-?linear|halofit|hmcode)\b", lowered):
        values["nonlinear"] = True
    if re.search(r"\blog-?normal\b", lowered):
        values["kind"] = "lognormal"
    elif re.search(r"\bgaussian\b", lowered):
        values["kind"] = "gaussian"
    if re.search(r"\b(camb|exact|directly)\b", lowered) and not re.search(r"\bemulat", lowered):
        values["method"] = "camb"
    elif re.search(r"\bemulat", lowered):
        values["method"] = "emulator"
    return SimulationArgs(values)


_SERSIC = r"s[eé]rsic(?:\s+(?:index|indices|profile))?(?:\s+(?:of|n))?\s*(?:=|:)?\s*"
# 'n=4', 'index: 2.5': a Sérsic index set by name, never a count ('n=4 galaxies' is one index, not four galaxies)
SERSIC_ASSIGNMENT = rf"\b(?:index|n)\s*(?:=|:)\s*({NUM})"
_GALAXY_WORDS = r"(?:synthetic\s+|fake\s+|mock\s+|simulated\s+|new\s+|random\s+)*(?:galax(?:y|ies)|stamps?|images?)"


def extract_galaxy_request(text: str) -> dict[str, Any]:
    """Arguments of generate_galaxies: Sérsic indices with counts, size, ellipticity, seed.

    '6 galaxies with Sersic index 1 and 6 with Sersic index 4' → n [1, 4], 6 each; 'Sersic index 1 and 4'
    → both indices; 'half-light radius 1.5 arcsec', 'ellipticity 0.3', 'seed 7'.
    """
    number_words = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    lowered = re.sub(
        rf"\b({number_words})\s+(?=(?:[a-z]+\s+){{0,2}}(?:galax|stamps?\b|of\s+each))",
        lambda m: f"{_NUMBER_WORDS[m.group(1)]} ",
        text.lower(),
    )
    args: dict[str, Any] = {}
    indices: list[float] = []
    listed = rf"({NUM}(?:\s*(?:,|and|or|&)\s*{NUM}(?!\s*(?:more\s+)?(?:with|synthetic|galax|of\s+each)))*)"
    for found in re.finditer(_SERSIC + listed, lowered):
        indices.extend(to_float(v) for v in re.findall(NUM, found.group(1)))
    if indices:  # '… with Sersic index 1 and two with index 4': the later groups name the index alone
        for found in re.finditer(rf"\bwith\s+(?:index|n)\s*(?:=|:|of)?\s*({NUM})", lowered):
            indices.append(to_float(found.group(1)))
    if not indices:  # 'n=4 galaxies' is an index; 'index 4 galaxies' may be a count
        for found in re.finditer(
            rf"{SERSIC_ASSIGNMENT}|\b(?:index|n)\s*(?:of\s*)?({NUM})(?!\s*(?:galax|stamps?|more))",
            lowered,
        ):
            indices.append(to_float(found.group(1) or found.group(2)))
    if not indices:  # shape words, in the order the question names them
        named = []
        for pattern, value in (
            (r"de\s+vaucouleurs|elliptical|early[- ]type|bulge[- ]dominated", 4.0),
            (r"exponential|spiral|\bdis[ck]s?\b|late[- ]type", 1.0),
            (r"gaussian", 0.5),
        ):
            shape = re.search(pattern, lowered)
            if shape:
                named.append((shape.start(), value))
        indices += [value for _start, value in sorted(named)]
    if indices:
        args["sersic_n"] = list(dict.fromkeys(indices))
    counting = re.sub(_SERSIC + listed, " sersic ", lowered)  # so 'index 4 galaxies' is not a count of 4
    counting = re.sub(SERSIC_ASSIGNMENT, " sersic ", counting)  # nor 'n=4 galaxies'
    counts = [
        int(to_float(v))
        for v in re.findall(rf"({NUM})\s+(?:more\s+)?(?:[a-zé'-]+\s+){{0,3}}?(?:galax(?:y|ies)|stamps?)", counting)
    ]
    counts += [int(to_float(v)) for v in re.findall(rf"\band\s+({NUM})\s+(?:more\s+)?with\b", counting)]
    counts += [int(to_float(v)) for v in re.findall(rf"\b({NUM})\s+of\s+(?:each|them)\b", counting)]
    if counts:
        args["count_per_index"] = max(counts)
    elif re.search(r"\b(a|one|single)\s+(synthetic\s+|fake\s+|mock\s+)?galaxy\b", lowered):
        args["count_per_index"] = 1
    radius = re.search(
        rf"(?:half[- ]light\s+radius|effective\s+radius|r_?e|size)\s*(?:of|=|:)?\s*({NUM})\s*(?:arc\s?sec|″|\"|as)?",
        lowered,
    )
    if radius:
        args["half_light_radius_arcsec"] = to_float(radius.group(1))
    ellipticity = re.search(rf"(?:ellipticity|\be)\s*(?:of|=|:)?\s*({NUM})", lowered)
    if ellipticity:
        args["ellipticity"] = to_float(ellipticity.group(1))
    elif re.search(r"\b(round|circular|face[- ]on)\b", lowered):
        args["ellipticity"] = 0.0
    seed = re.search(r"\bseed\s*(?:=|of|:)?\s*(\d+)", lowered)
    if seed:
        args["seed"] = int(seed.group(1))
    return args


_IMAGE_PATH = re.compile(r"""(?:^|[\s'"(])((?:~|\.{1,2})?/?[\w./~-]*[\w-]\.(?:fits?|fts|npy))\b""", re.IGNORECASE)


def extract_image_path(text: str) -> str | None:
    """A FITS or .npy file named in the question ('/data/cutout.fits', 'stamps.npy')."""
    found = _IMAGE_PATH.search(text)
    return found.group(1) if found else None


SOLAR_SYSTEM_BODIES = ("sun", "moon", "mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto")


def extract_bodies(text: str) -> list[str]:
    """Solar System bodies named in the question, in order ('Saturn', 'Moon')."""
    t = text.lower()
    return [m.group(1).title() for m in re.finditer(r"\b({})\b".format("|".join(SOLAR_SYSTEM_BODIES)), t)]


def extract_site(text: str, site_keys: dict[str, str]) -> str | None:
    """An observatory named in the question (keys: normalized name or alias → site name)."""
    t = normalize(text)
    tokens = t.split()
    for size in range(5, 0, -1):
        for i in range(len(tokens) - size + 1):
            key = " ".join(tokens[i : i + size])
            if key in site_keys:
                return site_keys[key]
    return None


def extract_latlon(text: str) -> tuple[float, float] | None:
    """(latitude, longitude) in degrees from 'latitude 19.8 longitude -155.5' or 'lat=52.2, lon=0.1'."""
    found = re.search(
        rf"\b(?:lat(?:itude)?)\s*[=:]?\s*({NUM})\s*°?\s*([ns])?\s*,?\s*(?:and\s+)?(?:lon(?:g(?:itude)?)?)\s*[=:]?\s*({NUM})\s*°?\s*([ew])?",
        text,
        re.IGNORECASE,
    )
    if not found:
        return None
    lat, lon = to_float(found.group(1)), to_float(found.group(3))
    if (found.group(2) or "").lower() == "s":
        lat = -abs(lat)
    if (found.group(4) or "").lower() == "w":
        lon = -abs(lon)
    return lat, lon


@dataclass
class UnitConversion:
    """A requested conversion: value, from unit, to unit (as typed)."""

    value: float
    from_unit: str
    to_unit: str


_UNIT_TEXT = r"[A-Za-zÅ°'\"/^0-9µ_\- ]+?"


def extract_unit_conversion(text: str, is_unit: Callable[[str], bool]) -> UnitConversion | None:
    """'convert 10 parsecs to light years', 'what is 1 AU in km', 'how many km are in 1 AU'.

    ``is_unit`` is a callable telling whether a phrase is a unit; the phrase is shortened word by word
    from the end until it is one.
    """
    t = text.strip().rstrip("?.! ")

    def trim(phrase: str, from_end: bool = True) -> str | None:
        words = phrase.strip().split()
        while words:
            candidate = " ".join(words)
            if is_unit(candidate):
                return candidate
            words = words[:-1] if from_end else words[1:]
        return None

    how_many = re.search(
        rf"how\s+many\s+({_UNIT_TEXT})\s+(?:are\s+)?(?:there\s+)?(?:in|is|are|make)\s+(?:a\s+|an\s+|one\s+)?({NUM})?\s*({_UNIT_TEXT})$",
        t,
        re.IGNORECASE,
    )
    if how_many:
        to_unit = trim(how_many.group(1))
        from_unit = trim(how_many.group(3))
        if to_unit and from_unit:
            value = to_float(how_many.group(2)) if how_many.group(2) else 1.0
            return UnitConversion(value, from_unit, to_unit)
    direct = re.search(
        rf"({NUM})\s*({_UNIT_TEXT})\s*(?:\s(?:to|in|into|as|in\s+terms\s+of)\s|(=|\s(?:is|are|equals?|makes?)\s)\s*"
        rf"(?:\?\s*|how\s+many\s+|what\s+in\s+)?)({_UNIT_TEXT})$",
        t,
        re.IGNORECASE,
    )
    if direct:
        from_unit = trim(direct.group(2))
        to_unit = trim(direct.group(4))
        equated = direct.group(3) is not None  # '3.26 ly = ? pc': both sides whole units, not '1 arcsec at z = 2'
        if (
            from_unit
            and to_unit
            and re.search(r"[^\W\d]", to_unit)
            and not (equated and from_unit != direct.group(2).strip())
        ):
            return UnitConversion(to_float(direct.group(1)), from_unit, to_unit)
    is_form = re.search(rf"how\s+many\s+({_UNIT_TEXT})\s+(?:is|are)\s+({NUM})\s*({_UNIT_TEXT})$", t, re.IGNORECASE)
    is_form = is_form or re.search(  # 'how many light years 10 parsecs is'
        rf"how\s+many\s+({_UNIT_TEXT})\s+({NUM})\s*({_UNIT_TEXT})\s+(?:is|are|makes?)$", t, re.IGNORECASE
    )
    if is_form:
        to_unit, from_unit = trim(is_form.group(1)), trim(is_form.group(3))
        if to_unit and from_unit:
            return UnitConversion(to_float(is_form.group(2)), from_unit, to_unit)
    return _quantity_wished(t, trim)


_QUANTITY_WISH = re.compile(
    r"\b(?:what|which)(?:'s|\s+is|\s+are)?\s+(?:the\s+)?(?:wavelength|frequency|energy|temperature|mass|length|"
    r"speed|velocity|luminosity|flux(?:\s+density)?|angle|duration)\s+(?:in|as)\s+([^\W\d_][\w°Å/^µ-]*(?:\s+[a-z]+)?)",
    re.IGNORECASE,
)


def _quantity_wished(text: str, trim: Callable[[str], str | None]) -> UnitConversion | None:
    """'what wavelength in nm does a 5 eV photon have?': the one quantity in the text, in the unit wished."""
    wish = _QUANTITY_WISH.search(text)
    to_unit = trim(wish.group(1)) if wish else None
    if wish is None or to_unit is None:
        return None
    rest = text[: wish.start()] + " " + text[wish.end() :]
    quantities = [
        (found.group(1), unit)
        for found in re.finditer(rf"(?<![\w.])({NUM})\s*([^\W\d_][\w°Å/^µ-]*(?:\s+[^\W\d_]+){{0,2}})", rest)
        if (unit := trim(re.sub(r"\s+(?:photons?|light|line|waves?)\b.*", "", found.group(2)))) and unit != to_unit
    ]  # 'a 500 nm photon' is in nm (astropy would read 'nm photon' as nm·ph)
    if len(quantities) != 1:
        return None
    return UnitConversion(to_float(quantities[0][0]), quantities[0][1], to_unit)


SQL_START = re.compile(
    r"\b(SELECT|WITH|DROP|INSERT|DELETE|UPDATE|COPY|ATTACH|INSTALL|CREATE|PRAGMA|SET|LOAD|ALTER|DETACH|EXPORT|IMPORT|CALL)\b",
    re.IGNORECASE,
)


def extract_sql(text: str) -> str | None:
    """The SQL statement in a question, from its first SQL keyword to the end (trailing '?' removed)."""
    found = SQL_START.search(_sql_word_mended(text))  # a mended first word is where the statement starts, as typed
    if not found:
        return None
    sql = text[found.start() :].strip()
    if sql.count("'") % 2 == 0:
        sql = sql.rstrip("?").strip()
    return sql.strip("`").strip()


def _sql_word_mended(text: str) -> str:
    """``text`` with its first word in capitals spelled right if it misspells an SQL statement's ('SEELECT', 'INSRET').

    Only to recognise the statement: the query runs as typed, and the guard's error names the slip.
    """
    from aeiou_agent.store.sql import SQL_STATEMENT_WORDS, sql_keyword_slip

    first = re.search(r"(?<![\w'])([A-Z]{4,})\b", text)
    meant = sql_keyword_slip(first.group(1), SQL_STATEMENT_WORDS) if first else None
    return text[: first.start(1)] + meant + text[first.end(1) :] if first and meant else text


def looks_like_sql(text: str) -> bool:
    """True when the question contains an SQL statement (not just the word 'select' in prose)."""
    t = _sql_word_mended(text.strip())
    if re.search(r"\bSELECT\b[\s\S]+\bFROM\b", t, re.IGNORECASE) and re.search(r"\bSELECT\b", t):
        return True
    if re.search(r"\bselect\s+(\*|count\s*\(|top\s+\d|\w+\s*,\s*\w+)[\s\S]*\bfrom\s+\w+", t, re.IGNORECASE):
        return True
    return bool(
        re.search(
            r"^\s*(?:run|execute|sql:?)?\s*(DROP|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|COPY\s+\w+|ATTACH|INSTALL|"
            r"CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?(?:TABLE|VIEW|MACRO)|PRAGMA|SET\s+VARIABLE|LOAD\s+\w+)\b",
            t,
            re.IGNORECASE,
        )
    )


def extract_constellation(
    text: str, names: dict[str, str], *, bare: bool = False, english: Mapping[str, str] | None = None
) -> str | None:
    """A constellation the question names as a place: 'in Orion', 'in the constellation of Ursa Major'.

    ``names`` maps IAU abbreviations to full names, ``english`` English names to full names ('the Southern
    Cross'). Only names after 'in'/'of the constellation' count, so 'Andromeda' alone stays the galaxy and 'Leo' in
    'Leo I' stays a name. With ``bare``, a capitalised full name alone counts too ('when does Orion rise?': the
    ephemeris tools take a constellation as a point).
    """
    full_names = {name.casefold(): name for name in names.values()}
    full_names.update({common.casefold(): name for common, name in (english or {}).items()})
    alternatives = "|".join(sorted((re.escape(n) for n in names.values()), key=len, reverse=True))
    spoken = "|".join(sorted((re.escape(n) for n in full_names), key=len, reverse=True))
    if bare:
        alone = re.search(rf"\b({alternatives})\b(?!\s+(?:galaxy|nebula|cluster|[IVX]+\b))", text)
        if alone:
            return alone.group(1)
    found = re.search(
        rf"\b(?:in|within|inside|from|of)\s+(?:the\s+)?(?:constellation\s+(?:of\s+)?)?({spoken})\b"
        r"(?!\s+(?:galaxy|nebula|cluster))",
        text,
        re.IGNORECASE,
    )
    if not found:
        written = sorted((a for a in names if a not in _NOT_ABBREVIATIONS), key=len, reverse=True)
        abbreviations = "|".join(map(re.escape, written))
        found = re.search(  # IAU abbreviations as written ('stars in UMa', 'in CVn'): case counts, 'uma' is not one
            rf"\b(?i:in|within|inside|of)\s+(?i:the\s+)?(?i:constellation\s+)?({abbreviations})\b(?![-'’])", text
        )
        return names[found.group(1)] if found else None
    return full_names[found.group(1).casefold()]


_NOT_ABBREVIATIONS = {"Oct"}  # 'in Oct 2026' is a month, not Octans


def named_constellation(text: str, *, bare: bool = False) -> str | None:
    """The IAU name of a constellation ``text`` names as a place, by its IAU, English or abbreviated name.

    The one place the parse, the planner and the answers read it ('is Acrux in the Southern Cross?' → Crux).
    """
    from aeiou_agent.store.catalogs import ENGLISH_CONSTELLATION_NAMES, constellation_names

    return extract_constellation(text, constellation_names(), bare=bare, english=ENGLISH_CONSTELLATION_NAMES)


_GALAXY_NUMBER = re.compile(r"\b(?:sample|galaxy|stamp|image|number|no\.?)\s*#?\s*(\d+)\b|#\s*(\d+)\b", re.IGNORECASE)


def extract_galaxy_number(text: str) -> int | None:
    """The galaxy a question points at by number: 'sample 12', 'galaxy #417', '#3'."""
    found = _GALAXY_NUMBER.search(text)
    return int(found.group(1) or found.group(2)) if found else None


_EDITABLE = (
    ("sersic_n", r"s[eé]rsic(?:\s+(?:index|n))?|\bn\b"),
    ("half_light_radius_arcsec", r"half[- ]light\s+radius|effective\s+radius|\bradius|\bsize"),
    ("ellipticity", r"ellipticity"),
    ("position_angle_deg", r"position\s+angle|orientation|\bpa\b"),
    ("log10_flux", r"(?:log(?:10)?\s+)?flux|brightness"),
)


def extract_galaxy_edit(text: str) -> tuple[str, float] | None:
    """The attribute to change and its new value: 'change the Sersic index of sample 12 to 4' → (sersic_n, 4).

    Flux is log10 of DES-like electrons ('flux 10^4.5', 'flux 30000' → 4.477); 'make it round' is ellipticity 0.
    """
    lowered = _GALAXY_NUMBER.sub(" ", text.lower())
    lowered = re.sub(
        r"\b(?:of|for)\s+(?:this|that|the|my|its)\s+(?:\w+\s+)?(?:galaxy|stamp|image|cutout)\b", " ", lowered
    )
    for attribute, words in _EDITABLE:
        found = re.search(
            rf"(?:{words})\s*(?:\(\s*n\s*\))?\s*(?:of\s+)?(?:\w+\s+){{0,2}}?(?:to|=|:|of|at|be|becomes?|is)?\s*"
            rf"(?:10\^|1e)?\s*({NUM})",
            lowered,
        )
        if found:
            value = to_float(found.group(1))
            if attribute == "log10_flux" and value >= 10:
                value = math.log10(value)
            return attribute, value
    if re.search(r"\b(round|circular|face[- ]on)\b", lowered):
        return "ellipticity", 0.0
    return None
