"""Object names: the resolver's index over catalog designations, common names and star names.

Every spelling is reduced to one canonical key (``M 31``, ``m31``, ``Messier 031`` → ``m31``; ``NGC 0224``,
``ngc224`` → ``ngc224``; ``the Whirlpool Galaxy`` → ``whirlpool galaxy``) and looked up in one dict.
Misspellings get suggestions from a fuzzy match over the names people actually type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from aeiou_agent.spelling import typing_slip

# Names in common use that OpenNGC does not list as common names (checked against SIMBAD's "NAME" ids).
EXTRA_COMMON_NAMES: dict[str, str] = {
    "Pinwheel Galaxy": "NGC5457",
    "Sculptor Galaxy": "NGC0253",
    "Jewel Box": "NGC4755",
    "Heart Nebula": "IC1805",
    "Elephant's Trunk Nebula": "IC1396",
    "Cone Nebula": "NGC2264",
    "Seven Sisters": "Mel022",
    "Southern Pleiades": "IC2602",
    "Great Hercules Cluster": "NGC6205",
    "Little Dumbbell": "NGC0650",
    "Lagoon": "NGC6523",
    "Praesepe": "NGC2632",
    "Omega Centauri Cluster": "NGC5139",
    "47 Tucanae": "NGC0104",
    "Small Magellanic Cloud": "NGC0292",
    "LMC": "ESO056-115",  # the Magellanic Clouds by the abbreviations astronomers use
    "SMC": "NGC0292",
}

# Bayer (Greek letter) and Flamsteed (number) designations of the named stars, by the name the star list gives
# them (IAU WGSN; Yale Bright Star Catalogue): 'alpha Lyrae', 'α Lyr', 'alf Lyr' and 'Vega' are one star.
STAR_DESIGNATIONS: dict[str, str] = {
    "Acamar": "theta Eri", "Achernar": "alpha Eri", "Acrux": "alpha Cru", "Adhara": "epsilon CMa",
    "Albireo": "beta Cyg", "Alcor": "80 UMa", "Alcyone": "eta Tau", "Aldebaran": "alpha Tau",
    "Alderamin": "alpha Cep", "Alfirk": "beta Cep", "Algenib": "gamma Peg", "Algieba": "gamma Leo",
    "Algol": "beta Per", "Alhena": "gamma Gem", "Alioth": "epsilon UMa", "Alkaid": "eta UMa", "Almach": "gamma And",
    "Alnair": "alpha Gru", "Alnilam": "epsilon Ori", "Alnitak": "zeta Ori", "Alphard": "alpha Hya",
    "Alphecca": "alpha CrB", "Alpheratz": "alpha And", "Alshain": "beta Aql", "Altair": "alpha Aql",
    "Ankaa": "alpha Phe", "Antares": "alpha Sco", "Arcturus": "alpha Boo", "Arkab Prior": "beta1 Sgr",
    "Arkab Posterior": "beta2 Sgr", "Arneb": "alpha Lep", "Atlas": "27 Tau", "Atria": "alpha TrA",
    "Avior": "epsilon Car",
    "Bellatrix": "gamma Ori", "Betelgeuse": "alpha Ori", "Canopus": "alpha Car", "Capella": "alpha Aur",
    "Caph": "beta Cas", "Castor": "alpha Gem", "Cebalrai": "beta Oph", "Deneb": "alpha Cyg", "Denebola": "beta Leo",
    "Diphda": "beta Cet", "Dubhe": "alpha UMa", "Electra": "17 Tau", "Elnath": "beta Tau", "Eltanin": "gamma Dra",
    "Enif": "epsilon Peg", "Fomalhaut": "alpha PsA", "Gacrux": "gamma Cru", "Gienah": "gamma Crv",
    "Hadar": "beta Cen", "Hamal": "alpha Ari", "Izar": "epsilon Boo", "Kaus Australis": "epsilon Sgr",
    "Kochab": "beta UMi", "Maia": "20 Tau", "Markab": "alpha Peg", "Megrez": "delta UMa", "Menkalinan": "beta Aur",
    "Menkar": "alpha Cet", "Menkent": "theta Cen", "Merak": "beta UMa", "Merope": "23 Tau", "Miaplacidus": "beta Car",
    "Mimosa": "beta Cru", "Minkar": "epsilon Crv", "Mintaka": "delta Ori", "Mirach": "beta And", "Mirfak": "alpha Per",
    "Mirzam": "beta CMa", "Mizar": "zeta UMa", "Naos": "zeta Pup", "Nihal": "beta Lep", "Nunki": "sigma Sgr",
    "Peacock": "alpha Pav", "Phecda": "gamma UMa", "Polaris": "alpha UMi", "Pollux": "beta Gem",
    "Procyon": "alpha CMi", "Rasalgethi": "alpha Her", "Rasalhague": "alpha Oph", "Regulus": "alpha Leo",
    "Rigel": "beta Ori", "Alpha Centauri": "alpha Cen", "Rukbat": "alpha Sgr", "Sabik": "eta Oph",
    "Sadalmelik": "alpha Aqr", "Sadr": "gamma Cyg", "Saiph": "kappa Ori", "Scheat": "beta Peg", "Schedar": "alpha Cas",
    "Shaula": "lambda Sco", "Sheliak": "beta Lyr", "Sirius": "alpha CMa", "Spica": "alpha Vir", "Suhail": "lambda Vel",
    "Sulafat": "gamma Lyr", "Tarazed": "gamma Aql", "Taygeta": "19 Tau", "Thuban": "alpha Dra",
    "Unukalhai": "alpha Ser", "Vega": "alpha Lyr", "Vindemiatrix": "epsilon Vir", "Wezen": "delta CMa",
    "Zaurak": "gamma Eri", "Zubenelgenubi": "alpha2 Lib", "Mira": "omicron Cet",
}  # fmt: skip
# Asterisms: star patterns people name, by their member stars' proper names (the first name is the one answers use).
ASTERISMS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("Big Dipper", "Plough", "Plow", "Saucepan"): ("Dubhe", "Merak", "Phecda", "Megrez", "Alioth", "Mizar", "Alkaid"),
    ("Pointers",): ("Merak", "Dubhe"),
    ("Summer Triangle",): ("Vega", "Deneb", "Altair"),
    ("Winter Triangle",): ("Betelgeuse", "Sirius", "Procyon"),
    ("Winter Hexagon", "Winter Circle"): ("Sirius", "Procyon", "Pollux", "Capella", "Aldebaran", "Rigel"),
    ("Orion's Belt", "Belt of Orion", "Three Kings"): ("Alnitak", "Alnilam", "Mintaka"),
    ("Great Square of Pegasus", "Square of Pegasus", "Great Square"): ("Markab", "Scheat", "Alpheratz", "Algenib"),
    ("Spring Triangle",): ("Arcturus", "Spica", "Regulus"),
    ("Southern Pointers",): ("Alpha Centauri", "Hadar"),
}  # fmt: skip
CONSTELLATION_GENITIVES: dict[str, str] = {
    "And": "Andromedae", "Aqr": "Aquarii", "Aql": "Aquilae", "Ari": "Arietis", "Aur": "Aurigae", "Boo": "Bootis",
    "CMa": "Canis Majoris", "CMi": "Canis Minoris", "Car": "Carinae", "Cas": "Cassiopeiae", "Cen": "Centauri",
    "Cep": "Cephei", "Cet": "Ceti", "CrB": "Coronae Borealis", "Cru": "Crucis", "Crv": "Corvi", "Cyg": "Cygni",
    "Dra": "Draconis", "Eri": "Eridani", "Gem": "Geminorum", "Gru": "Gruis", "Her": "Herculis", "Hya": "Hydrae",
    "Leo": "Leonis", "Lep": "Leporis", "Lib": "Librae", "Lyr": "Lyrae", "Oph": "Ophiuchi", "Ori": "Orionis",
    "Pav": "Pavonis", "Peg": "Pegasi", "Per": "Persei", "Phe": "Phoenicis", "PsA": "Piscis Austrini",
    "Pup": "Puppis", "Sco": "Scorpii", "Ser": "Serpentis", "Sgr": "Sagittarii", "Tau": "Tauri",
    "TrA": "Trianguli Australis", "UMa": "Ursae Majoris", "UMi": "Ursae Minoris", "Vel": "Velorum", "Vir": "Virginis",
}  # fmt: skip
# Greek letters: the spelled name, the symbol and SIMBAD's three-letter form ('alf', 'bet', 'mu.')
GREEK_LETTERS: dict[str, tuple[str, str]] = {
    "alpha": ("α", "alf"), "beta": ("β", "bet"), "gamma": ("γ", "gam"), "delta": ("δ", "del"),
    "epsilon": ("ε", "eps"), "zeta": ("ζ", "zet"), "eta": ("η", "eta"), "theta": ("θ", "tet"), "iota": ("ι", "iot"),
    "kappa": ("κ", "kap"), "lambda": ("λ", "lam"), "mu": ("μ", "mu"), "nu": ("ν", "nu"), "xi": ("ξ", "ksi"),
    "omicron": ("ο", "omi"), "pi": ("π", "pi"), "rho": ("ρ", "rho"), "sigma": ("σ", "sig"), "tau": ("τ", "tau"),
    "upsilon": ("υ", "ups"), "phi": ("φ", "phi"), "chi": ("χ", "chi"), "psi": ("ψ", "psi"), "omega": ("ω", "ome"),
}  # fmt: skip
_GREEK_SYMBOLS = str.maketrans({symbol: f" {letter} " for letter, (symbol, _) in GREEK_LETTERS.items()})


def designation_spellings(designation: str) -> list[str]:
    """The ways people write a Bayer or Flamsteed designation ('alpha Lyr' → 'alpha Lyrae', 'alf Lyr', ...).

    A Flamsteed number is indexed with the genitive only ('27 Tauri'): '27 Tau' could be a number and a τ.
    """
    letter, abbreviation, *component = designation.split()
    genitive = " ".join([CONSTELLATION_GENITIVES[abbreviation], *component])
    if letter.isdigit():
        return [f"{letter} {genitive}"]
    base = letter.rstrip("0123456789")
    suffix = letter[len(base) :]
    forms = {base, GREEK_LETTERS[base][1]}
    constellations = [genitive] if component else [genitive, abbreviation]
    numbered = [f"{form}{suffix} {where}" for form in sorted(forms) for where in constellations]
    # 'alpha Librae' for alpha2: the bare letter goes to the first component listed (the brighter, by convention)
    return numbered + ([f"{form} {where}" for form in sorted(forms) for where in constellations] if suffix else [])


_PREFIXES = {
    "messier": "m",
    "m": "m",
    "ngc": "ngc",
    "ic": "ic",
    "hip": "hip",
    "hipparcos": "hip",
    "pgc": "pgc",
    "leda": "pgc",
    "ugc": "ugc",
    "mel": "mel",
    "melotte": "mel",
    "caldwell": "c",
    "c": "c",
    "barnard": "b",
    "b": "b",
    "cl": "cl",
    "hcg": "hcg",
    "mwsc": "mwsc",
    "h": "h",
}
_PREFIX_ALTERNATION = "|".join(sorted(_PREFIXES, key=len, reverse=True))
_DESIGNATION = re.compile(rf"^({_PREFIX_ALTERNATION})\s*-?\s*0*(\d+)\s*([a-z]?)$")
# Designations found inside free text: only prefixes that cannot be ordinary words or units.
TEXT_DESIGNATION = re.compile(
    r"\b(messier|m|ngc|ic|hip|hipparcos|pgc|leda|ugc|melotte|mel|caldwell|barnard|hcg)\s?-?\s?(\d{1,6})([a-d])?\b",
    re.IGNORECASE,
)
# Designations of catalogs the local store does not index but archives (SIMBAD, NED) resolve: found in free text so
# the name reaches an archive tool whole ('HD 209458', 'BD+18 4917', 'Gaia DR3 1779546757669063552', '2MASS J...').
ARCHIVE_DESIGNATION = re.compile(
    r"\b(?:(?:HD|HR|HDE|SAO|GJ|Gliese|Gl|LHS|LTT|Ross|Wolf|Luyten|Kepler|K2|KOI|TOI|TIC|WASP|HAT-P|XO|TrES|CoRoT"
    r"|Mrk|Markarian|Arp|UGC|PGC|ESO|MCG|Abell|ACO|NGC|IC|3C|4C|PKS|QSO|Ton|PG|Haro|Zw|VV)\s?-?\s?\d[\d.+-]*[a-z]?"
    r"|(?:BD|CD|CPD)\s?[+-]\d{1,2}\s+\d{1,5}|TYC\s?\d{1,5}-\d{1,5}-\d"
    r"|Gaia\s+(?:DR[1-3]|EDR3)\s+\d{6,20}|(?:2MASS|SDSS|WISE|2MASX|PSR|FRB)\s?J\d{4,}[\d.]*[+-]\d{4,}[\d.]*)(?![\w-])",
    re.IGNORECASE,
)
_GENERIC_SUFFIX = re.compile(r"\s+(galaxy|galaxies|nebula|cluster|star cluster|globular cluster)$")
# Short forms that would shadow other things people name: planets, and constellations other than the two
# whose galaxies are usually called by the constellation's name (Andromeda, Triangulum).
_NO_SHORT_FORM = {
    "sun",
    "moon",
    "mercury",
    "venus",
    "earth",
    "mars",
    "jupiter",
    "jupiters ghost",
    "saturn",
    "uranus",
    "neptune",
    "pluto",
    "virgo",
    "sculptor",
    "orion",
    "carina",
    "perseus",
    "fornax",
    "coma",
    "hercules",
    "centaurus",
    "sextans",
    "circinus",
    "california",
    "north america",
    "pelican",
    "s nor",
    "eta car",
    "omega",
    "coalsack",
    "leo",
    "crab",
}


def body_label(name: str) -> str:
    """How a sentence names a Solar System body: 'the Sun', 'the Moon', 'Mars' (any other name as given)."""
    return f"the {name}" if name in ("Sun", "Moon") else name


_NOT_KEY_CHARACTERS = re.compile(r"[^0-9a-z+]+")
_LEADING_THE = re.compile(r"^the\s+")


def normalize(text: str) -> str:
    """Lowercase, drop apostrophes and punctuation, collapse spaces, drop a leading 'the'."""
    text = text.translate(_GREEK_SYMBOLS).casefold().replace("&", " and ").replace("'", "").replace("’", "")
    text = _NOT_KEY_CHARACTERS.sub(" ", text).strip()
    return _LEADING_THE.sub("", text) if text.startswith("the") else text


def canonical(text: str) -> str:
    """The lookup key of a name: catalog designations without padding zeros, other names normalized."""
    norm = normalize(text)
    match = _DESIGNATION.match(norm)
    if match:
        prefix, number, suffix = match.groups()
        return f"{_PREFIXES[prefix]}{int(number)}{suffix}"
    return norm


@dataclass(frozen=True)
class ObjectRef:
    """What a name points to: a row of ``ngc`` (by name) or of ``hipparcos`` (by HIP number)."""

    table: str
    key: str | int


@dataclass(frozen=True)
class Mention:
    """A name found in free text."""

    text: str
    start: int
    end: int
    ref: ObjectRef


class NameIndex:
    """Canonical name → object, with fuzzy suggestions for names that are not found."""

    def __init__(self) -> None:
        self._mentions: dict[str, list[Mention]] = {}  # text → names in it; a planner asks several times per question
        self._keys: dict[str, ObjectRef] = {}
        self._display: dict[str, str] = {}  # canonical key → name as people write it (for suggestions)
        self._capitalized_only: set[str] = set()
        self._lowercase_after_the: set[str] = set()  # of those, the ones 'the' names in lower case too ('the plough')

    def add(
        self,
        name: str,
        ref: ObjectRef,
        *,
        suggest: bool = False,
        capitalized_only: bool = False,
        lowercase_after_the: bool = False,
    ) -> None:
        """Index ``name`` for ``ref``; the first object to claim a key keeps it.

        ``capitalized_only``: a word that is a name only when capitalised ('Ring'), unless it follows the words of a
        cone's centre, or 'the' when ``lowercase_after_the`` ('where is the plough').
        """
        key = canonical(name)
        if not key or key in self._keys:
            return
        self._mentions.clear()
        self._keys[key] = ref
        if suggest:
            self._display[key] = name
        if capitalized_only:
            self._capitalized_only.add(key)
        if lowercase_after_the:
            self._lowercase_after_the.add(key)

    def add_common_name(self, name: str, ref: ObjectRef) -> None:
        """Index a common name, plus its short form without 'Galaxy'/'Nebula'/'Cluster' ('Andromeda')."""
        self.add(name, ref, suggest=True)
        short = _GENERIC_SUFFIX.sub("", canonical(name))
        if short != canonical(name) and len(short) >= 4 and short not in _NO_SHORT_FORM:
            self.add(short.title(), ref, capitalized_only=True)

    def __len__(self) -> int:
        return len(self._keys)

    def to_jsonable(self) -> dict[str, Any]:
        """The index as plain JSON, to keep on disk: building it takes a second, reading it a tenth."""
        return {
            "keys": {key: [ref.table, ref.key] for key, ref in self._keys.items()},
            "display": self._display,
            "capitalized_only": sorted(self._capitalized_only),
            "lowercase_after_the": sorted(self._lowercase_after_the),
        }

    @classmethod
    def from_jsonable(cls, data: dict[str, Any]) -> NameIndex:
        """The index :meth:`to_jsonable` wrote."""
        index = cls()
        index._keys = {key: ObjectRef(table, ref) for key, (table, ref) in data["keys"].items()}
        index._display = dict(data["display"])
        index._capitalized_only = set(data["capitalized_only"])
        index._lowercase_after_the = set(data["lowercase_after_the"])
        return index

    def lookup(self, name: str) -> ObjectRef | None:
        """The object ``name`` designates, or None. ``HIP n`` always maps to Hipparcos row ``n``."""
        key = canonical(name)
        hip = re.fullmatch(r"hip(\d+)", key)
        if hip:
            return ObjectRef("hipparcos", int(hip.group(1)))
        return self._keys.get(key)

    def suggestions(self, name: str, limit: int = 3) -> list[str]:
        """Names close to ``name`` (typos, missing words), best first."""
        key = canonical(name)
        if not key or _DESIGNATION.match(key.replace(" ", "")):
            return []
        found = process.extract(key, list(self._display), scorer=fuzz.WRatio, limit=limit, score_cutoff=80)
        return [self._display[candidate] for candidate, _score, _i in found]

    def best_fuzzy(self, name: str, min_score: float = 88.0, max_edits: int = 1) -> tuple[str, ObjectRef] | None:
        """The single closest name when it is close enough to be a typo (e.g. 'Betelguese').

        Close enough: a similarity ratio of ``min_score`` or more, or ``max_edits`` edits (a swap is one).
        """
        key = canonical(name)
        if len(key) < 4:
            return None
        if len(key) >= 5:  # one slip a typist makes beats a closer ratio: 'Mizra' is Mizar swapped, not Mira plus z
            close = process.extract(key, list(self._display), scorer=OSA.distance, score_cutoff=1, limit=None)
            slips = [candidate for candidate, _distance, _i in close if typing_slip(key, candidate)]
            if len({self._keys[candidate] for candidate in slips}) == 1:
                return self._display[slips[0]], self._keys[slips[0]]
        found = process.extract(key, list(self._display), scorer=fuzz.ratio, score_cutoff=min_score, limit=None)
        best = [item for item in found if item[1] == found[0][1]] if found else []
        primary = [item for item in best if item[0] == f"{key} a"]
        if primary and all(re.fullmatch(rf"{re.escape(key)} [a-d]", item[0]) for item in best):
            best = primary  # '61 Cygni': a double star's components A and B alike; the name is the primary's
        if len({self._keys[candidate] for candidate, _score, _i in best}) == 1:
            return self._display[best[0][0]], self._keys[best[0][0]]
        if best:
            return None  # 'Alair': Altair and Alnair alike; a guess would be a coin toss
        if len(key) < 5:
            return None
        # one swapped, missing, extra or wrong letter ('Siruis', 'Antres'): the ratio above counts a swap as two
        close = process.extract(key, list(self._display), scorer=OSA.distance, score_cutoff=max_edits, limit=None)
        nearest = min((distance for _candidate, distance, _i in close), default=0)
        close = [item for item in close if item[1] == nearest]
        objects = {self._keys[candidate] for candidate, _distance, _i in close}
        if len(objects) != 1:
            return None  # none, or two objects a letter away: a guess would be a coin toss
        closest = close[0][0]
        return self._display[closest], self._keys[closest]

    def mentions(self, text: str) -> list[Mention]:
        """Object names in free text, left to right, longest match first, without overlaps (remembered per text)."""
        found = self._mentions.get(text)
        if found is None:
            found = self._find_mentions(text)
            if len(self._mentions) > 2048:
                self._mentions.clear()
            self._mentions[text] = found
        return list(found)

    def _find_mentions(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e in taken)

        for match in TEXT_DESIGNATION.finditer(text):
            ref = self.lookup(match.group(0))
            if ref is not None and free(match.start(), match.end()):
                found.append(Mention(match.group(0), match.start(), match.end(), ref))
                taken.append((match.start(), match.end()))
        tokens = list(re.finditer(r"[A-Za-z0-9α-ω][A-Za-z0-9α-ω'’\-]*", text))
        for size in range(6, 0, -1):
            for i in range(len(tokens) - size + 1):
                start, end = tokens[i].start(), tokens[i + size - 1].end()
                if not free(start, end):
                    continue
                span = text[start:end]
                if re.search(r"['’]s$", span):  # "Vega's coordinates": the name without its possessive
                    end -= 2
                    span = text[start:end]
                key = canonical(span)
                ref = self._keys.get(key)
                if ref is None:
                    continue
                if (
                    key in self._capitalized_only
                    and not span[:1].isupper()
                    and not _CENTRE_BEFORE.search(text[:start])
                    and not (key in self._lowercase_after_the and re.search(r"\bthe\s+$", text[:start], re.I))
                ):
                    continue  # 'the ring', 'andromeda' are words, but 'within 10 deg of andromeda' names a centre
                if _DESIGNATION.match(key) and not TEXT_DESIGNATION.fullmatch(span.strip()):
                    continue  # 'c 5', 'h 3' in prose are not catalog designations
                found.append(Mention(span, start, end, ref))
                taken.append((start, end))
        return sorted(found, key=lambda m: m.start)


# a cone's centre comes next: 'within 10 deg of ', 'around the ', 'near '
_CENTRE_BEFORE = re.compile(
    r"\b(?:within\s+[\d.]+\s*(?:°|[a-z]+)?\s+(?:of|from|around)|around|near)\s+(?:the\s+)?$", re.IGNORECASE
)


def build_name_index(
    ngc_rows: Iterable[tuple[str, str, int | None, str | None, str | None, str | None, str | None]],
    star_names: Iterable[tuple[str, int]],
) -> NameIndex:
    """Index OpenNGC rows and bright-star names.

    Rows are ``(name, type_code, messier, ngc_cross, ic_cross, identifiers, common_names)``; stars are
    ``(star name, hip)`` pairs. Duplicate records (type ``Dup``) point to the object they duplicate.
    """
    index = NameIndex()
    rows = list(ngc_rows)
    for name, _type, _messier, _ngc, _ic, _ids, _common in rows:
        if _type != "Dup":
            index.add(name, ObjectRef("ngc", name))
    for name, _type, messier, _ngc, _ic, _ids, _common in rows:
        if messier and _type != "Dup":
            index.add(f"M{messier}", ObjectRef("ngc", name))
    for name, _type, messier, ngc_cross, ic_cross, _ids, _common in rows:
        if _type == "Dup":
            target = (
                f"NGC{ngc_cross}" if ngc_cross else f"IC{ic_cross}" if ic_cross else f"M{messier}" if messier else None
            )
            ref = index.lookup(target) if target else None
            if ref is not None:
                index.add(name, ref)
    hip_of_star = {}
    for star, hip in star_names:
        index.add(star, ObjectRef("hipparcos", hip), suggest=True)
        hip_of_star[star] = hip
    for star, designation in STAR_DESIGNATIONS.items():
        if star in hip_of_star:
            for spelling in designation_spellings(designation):
                index.add(spelling, ObjectRef("hipparcos", hip_of_star[star]))
    for names, stars in ASTERISMS.items():
        if all(star in hip_of_star for star in stars):
            for name in names:
                # one word ('Plough', 'Pointers') is a name when capitalised or after 'the' ('where is the plough')
                one_word = " " not in name
                ref = ObjectRef("asterism", names[0])
                index.add(name, ref, suggest=True, capitalized_only=one_word, lowercase_after_the=one_word)
    for name, _type, _messier, _ngc, _ic, _ids, common in rows:
        if common and _type != "Dup":
            for common_name in common.split(","):
                index.add_common_name(common_name.strip(), ObjectRef("ngc", name))
    for common_name, name in EXTRA_COMMON_NAMES.items():
        index.add_common_name(common_name, ObjectRef("ngc", name))
    for name, _type, _messier, _ngc, _ic, ids, _common in rows:
        if ids and _type != "Dup":
            for ident in ids.split(","):
                ident = ident.strip()
                # 'HD ' with its number lost is only a catalogue's prefix: it would claim every 'HD 209458'
                if re.search(r"\d", ident) and not ident.upper().startswith("HIP"):
                    index.add(ident, ObjectRef("ngc", name))
    return index
