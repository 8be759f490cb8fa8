"""Write evals/holdout2.jsonl: a second held-out set, written at the end of session 1 after the planner was
tuned on core.jsonl and holdout.jsonl. Its first score is the honest measure of generalisation; later sessions
should add a fresh set rather than tune on this one.

    python evals/make_holdout2.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import astropy.units as u
import numpy as np
from astropy import cosmology as cosmo
from astropy.coordinates import SkyCoord

sys.path.insert(0, str(Path(__file__).parent))
import make_core as mc

OUT = Path(__file__).with_name("holdout2.jsonl")
mc.CASES.clear()
# Its first score, before it was used to change the planner; it stays in the file's first line.
HEADER = (
    "# holdout2.jsonl: written after all tuning of session 1; first scored tool selection 0.949, answers 0.949"
    " (commit 45376d0), then tuned on: a development set since, NOT held out."
)
case, num, position = mc.case, mc.num, mc.position

case(
    "catalog",
    "Give me the number of stars brighter than mag 4.5 within 12 degrees of Regulus",
    tools=["cone_search"],
    numbers=[num(mc.cone_count(position("Regulus"), 12, 4.5))],
)
case(
    "catalog",
    "are there bright stars close to the Crab Nebula? search 3 degrees",
    tools=["cone_search"],
    numbers=[num(mc.cone_count(position("M1"), 3))],
)
case(
    "catalog",
    "What's the position of the Trifid Nebula?",
    tools=[["resolve_object", "object_info"]],
    contains=[
        SkyCoord(*mc.ongc_position("NGC6514"), unit="deg").ra.to_string(unit=u.hourangle, sep="hms", pad=True)[:6]
    ],
)
case("catalog", "ngc 891 — what is it?", tools=["object_info"], contains=["galaxy"])
case("catalog", "Is NGC 2244 a cluster or a nebula?", tools=["object_info"], contains=["cluster"])
case("catalog", "what does the b_v column of the hipparcos table mean?", tools=["describe_catalog"], contains=["B-V"])
case("catalog", "SELECT max(plx_mas) FROM hipparcos", tools=["sql_query"], numbers=[num(float(mc.PLX.max()))])
HIP_CONST = np.asarray(mc.get_constellation(mc.HIP_COORDS, short_name=True))
in_cyg = np.flatnonzero(HIP_CONST == "Cyg")
case(
    "catalog",
    "brightest star in Cygnus?",
    tools=["find_objects"],
    contains=[f"HIP {int(mc.HIP[in_cyg[np.argmin(mc.HP[in_cyg])]])}"],
)
n_pn = mc.ONGC.execute("SELECT count(*) FROM objects WHERE type = 'PN' AND const = 'Sgr'").fetchone()[0]
case("catalog", "how many planetary nebulae are in Sagittarius?", tools=["find_objects"], numbers=[num(n_pn)])
case("catalog", "what are the nearest stars?", tools=["find_objects"], contains=["HIP 71681"])

case("bad_input", "UPDATE ngc SET vmag = 0", tools=["sql_query"], status="refused")
case("bad_input", "SELECT * FROM read_json('/root/.ssh/id_rsa')", tools=["sql_query"], status="refused")
case("bad_input", "Where is NGC 99999?", status="not_understood", contains=["could not find"])
case("bad_input", "cosmology at z = -3", status="not_understood")
case("bad_input", "what's the best pizza in town", tools=[], status="not_understood")

for question, a, b in [
    ("distance on the sky from Antares to Shaula", "Antares", "Shaula"),
    ("What is the angular separation of M81 and M101?", "M81", "M101"),
]:
    sep = SkyCoord(*position(a), unit="deg").separation(SkyCoord(*position(b), unit="deg")).deg
    case("sky", question, tools=["angular_separation"], numbers=[num(sep, 0.0002)])
case("sky", "In which constellation is the Sombrero Galaxy?", tools=["constellation"], contains=["Virgo"])
case(
    "sky",
    "galactic l and b of Antares",
    tools=["convert_coordinates"],
    numbers=[num(SkyCoord(*position("Antares"), unit="deg").galactic.b.deg, 0.0002)],
)
case(
    "sky",
    "turn RA 202.47 Dec 47.20 into galactic coordinates",
    tools=["convert_coordinates"],
    numbers=[num(SkyCoord(202.47 * u.deg, 47.20 * u.deg).galactic.l.deg, 0.0002)],
)
case(
    "sky",
    "how many parsecs in 100 light years",
    tools=["convert_units"],
    numbers=[num((100 * u.lyr).to_value(u.pc), rel=1e-5)],
)
case("sky", "convert 6563 Angstrom to nm", tools=["convert_units"], numbers=[num(656.3, rel=1e-5)])
i = mc.ROW_OF_HIP[mc.star_hip("Deneb")]
case("sky", "Deneb: how far?", tools=["parallax_distance"], numbers=[num(1000 / mc.PLX[i], 0.006)])
case(
    "sky",
    "What is the distance modulus of a star 25 pc away?",
    tools=["magnitude_distance"],
    numbers=[num(5 * np.log10(2.5), 0.0006)],
)

for question, quantity, z in [
    ("What's the luminosity distance of a supernova at z=0.08?", "luminosity_distance", 0.08),
    ("how old was the Universe at redshift 2.5?", "age", 2.5),
    ("lookback time at z=4", "lookback_time", 4.0),
    ("comoving volume within z = 1", "comoving_volume", 1.0),
]:
    case(
        "cosmology",
        question,
        tools=["cosmology_calculator"],
        numbers=[num(mc.Q[quantity](cosmo.Planck18, z), rel=2e-4)],
    )
case(
    "cosmology",
    "angular diameter distance at z=1 in WMAP5",
    tools=["cosmology_calculator"],
    numbers=[num(cosmo.WMAP5.angular_diameter_distance(1).to_value(u.Mpc), rel=2e-4)],
)

for question, kind, target, site, date in [
    ("When does the Moon set at Mauna Kea on 2026-07-04?", "set", "Moon", "Mauna Kea", "2026-07-04"),
    ("sunrise at Apache Point on 2026-03-20", "rise", "Sun", "Apache Point", "2026-03-20"),
    (
        "At what time does Betelgeuse transit at Kitt Peak on 2026-01-10?",
        "transit",
        "Betelgeuse",
        "Kitt Peak",
        "2026-01-10",
    ),
]:
    case("ephemeris", question, tools=["rise_set"], contains=[mc.hm(mc.event_minutes(kind, target, site, date))])
case(
    "ephemeris",
    "How far is Venus from Earth on 2026-12-01?",
    tools=["body_position"],
    numbers=[num(mc.distance_au("Venus", "2026-12-01"), 0.00006)],
)
case(
    "ephemeris",
    "moon phase on 2026-09-07",
    tools=["moon_phase"],
    numbers=[num(mc.moon_illumination("2026-09-07"), 0.06)],
)
case("ephemeris", "Can we see M51 from Palomar on 2026-05-01?", tools=["observability"], contains=["hours above"])
case(
    "ephemeris",
    "altitude of Sirius from Siding Spring at 2026-02-01 12:00",
    tools=["body_position"],
    numbers=[num(mc.altitude("Sirius", "Siding Spring", "2026-02-01T12:00"), 0.06)],
)

case(
    "chat",
    "how far is it?",
    setup=["Tell me about Altair"],
    tools=["parallax_distance"],
    numbers=[num(1000 / mc.PLX[mc.ROW_OF_HIP[mc.star_hip("Altair")]], 0.006)],
)
case(
    "chat",
    "and its distance from the Pleiades on the sky?",
    setup=["where is Aldebaran"],
    tools=["angular_separation"],
    numbers=[
        num(SkyCoord(*position("Aldebaran"), unit="deg").separation(SkyCoord(*position("M45"), unit="deg")).deg, 0.0002)
    ],
)
case(
    "chat",
    "what about at z=3?",
    setup=["age of the universe at z=1"],
    tools=["cosmology_calculator"],
    numbers=[num(cosmo.Planck18.age(3).to_value(u.Gyr), rel=2e-4)],
)


def main() -> None:
    with OUT.open("w") as fh:
        fh.write(HEADER + "\n")
        for item in mc.CASES:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(mc.CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
