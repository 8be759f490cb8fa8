"""Write evals/holdout.jsonl: questions written after the planner was tuned on core.jsonl, never tuned on.

Its figures measure how routing and argument extraction generalise to new phrasings. Expected values
come from the same independent computations as make_core.py.

    python evals/make_holdout.py
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

OUT = Path(__file__).with_name("holdout.jsonl")
mc.CASES.clear()
# Its first score, before it was used to change the planner; it stays in the file's first line.
HEADER = (
    "# holdout.jsonl: written after tuning on core.jsonl; first scored tool selection 0.929, answers 0.946"
    " (commit message of its landing), then tuned on: a development set since, NOT held out."
)
case, num, position = mc.case, mc.num, mc.position

# catalog
for question, target, radius, mag in [
    ("Within a 4 degree radius of Capella, how many stars are brighter than 5th magnitude?", "Capella", 4, 5.0),
    ("I'd like a count of Hipparcos stars inside 90 arcmin of Mizar", "Mizar", 1.5, None),
    ("stars around Aldebaran within 6 deg, mag less than 5.5 — how many?", "Aldebaran", 6, 5.5),
    ("How many stars down to magnitude 6 are within 10 degrees of the pole star Polaris?", "Polaris", 10, 6.0),
]:
    expect_args = {"target": target, "radius_deg": float(radius)}
    if mag is not None:
        expect_args["mag_max"] = mag
    case(
        "catalog",
        question,
        tools=["cone_search"],
        args={"cone_search": expect_args},
        numbers=[num(mc.cone_count(position(target), radius, mag))],
    )
case(
    "catalog",
    "any galaxies within half a degree of M81?",
    tools=["cone_search"],
    args={"cone_search": {"target": "M81", "catalog": "ngc", "object_type": "galaxy"}},
    numbers=[num(mc.ngc_cone_count(position("M81"), 0.5, mc.GALAXY))],
)
for question, target in [
    ("Where in the sky is Deneb?", "Deneb"),
    ("can you give me the coordinates of M 57", "M57"),
    ("Where's the Lagoon Nebula located?", "M8"),
    ("RA/Dec for hip 27989 please", "Betelgeuse"),
    ("position of messier 101", "M101"),
]:
    coord = SkyCoord(*position(target), unit="deg")
    case(
        "catalog",
        question,
        tools=[["resolve_object", "object_info"]],
        contains=[coord.ra.to_string(unit=u.hourangle, sep="hms", precision=2, pad=True)[:6]],
    )
for question, target, phrase in [
    ("What sort of object is M27?", "M27", "planetary nebula"),
    ("give me some info about the Cigar Galaxy", "M82", "galaxy"),
    ("what type of galaxy is M104", "M104", "galaxy"),
    ("Tell me about Sirius", "Sirius", "Canis Major"),
]:
    case("catalog", question, tools=["object_info"], args={"object_info": {"name": target}}, contains=[phrase])
case("catalog", "What units is the right ascension stored in?", tools=["describe_catalog"], contains=["deg"])
case("catalog", "what's the license of the star names table", tools=["describe_catalog"], contains=["MIT"])
case(
    "catalog",
    "select count(*) from ngc where type_code = 'PN'",
    tools=["sql_query"],
    numbers=[num(mc.ONGC.execute("SELECT count(*) FROM objects WHERE type = 'PN'").fetchone()[0])],
)

# bad input
case("bad_input", "delete from hipparcos where hip = 1", tools=["sql_query"], status="refused")
case("bad_input", "Where is the Zorblax Nebula?", status="not_understood", contains=["could not find"])
case("bad_input", "Wo ist der Orionnebel?", tools=[], status="not_understood", contains=["English"])
case(
    "bad_input",
    "what is the moon phase on 2026-04-31",
    tools=[],
    status="not_understood",
    contains=["not a valid date"],
)
case("bad_input", "how many stars within 0 degrees of Vega", status="not_understood", contains=["radius"])
case("bad_input", "who will win the next election?", tools=[], status="not_understood")

# sky
for question, a, b in [
    ("What's the angular separation between Aldebaran and Betelgeuse?", "Aldebaran", "Betelgeuse"),
    ("how far apart on the sky are the Pleiades and Aldebaran", "M45", "Aldebaran"),
    ("separation Vega Deneb", "Vega", "Deneb"),
]:
    sep = SkyCoord(*position(a), unit="deg").separation(SkyCoord(*position(b), unit="deg")).deg
    case("sky", question, tools=["angular_separation"], numbers=[num(sep, 0.0002)])
for question, target in [
    ("In what constellation do we find Fomalhaut?", "Fomalhaut"),
    ("Which constellation is M13 in?", "M13"),
    ("Arcturus is in which constellation", "Arcturus"),
]:
    case("sky", question, tools=["constellation"], contains=[mc.constellation(*position(target))])
gal = SkyCoord(*position("Deneb"), unit="deg").galactic
case("sky", "Deneb in galactic coordinates?", tools=["convert_coordinates"], numbers=[num(gal.l.deg, 0.0002)])
ecl = SkyCoord(*position("Spica"), unit="deg").transform_to("barycentricmeanecliptic")
case("sky", "ecliptic latitude of Spica", tools=["convert_coordinates"], numbers=[num(ecl.lat.deg, 0.0002)])
for question, value, src, dst in [
    ("How many light years is 1 kpc?", 1, u.kpc, u.lyr),
    ("convert 0.5 degrees to arcminutes", 0.5, u.deg, u.arcmin),
    ("what is 100 AU in km", 100, u.AU, u.km),
]:
    case("sky", question, tools=["convert_units"], numbers=[num((value * src).to(dst).value, rel=1e-5)])
case(
    "sky",
    "What is 1.4 GHz in cm?",
    tools=["convert_units"],
    numbers=[num((1.4 * u.GHz).to(u.cm, u.spectral()).value, rel=1e-5)],
)
for name, question in [
    ("Rigel", "How far away is Rigel?"),
    ("Procyon", "distance to Procyon?"),
    ("Capella", "how many parsecs away is Capella"),
]:
    i = mc.ROW_OF_HIP[mc.star_hip(name)]
    case("sky", question, tools=["parallax_distance"], numbers=[num(1000 / mc.PLX[i], 0.006)])
case(
    "sky",
    "what is the distance in parsecs for a parallax of 4 mas",
    tools=["parallax_distance"],
    numbers=[num(250.0, rel=1e-5)],
)
case(
    "sky",
    "absolute magnitude of a star with apparent magnitude 8 at a distance of 250 pc",
    tools=["magnitude_distance"],
    numbers=[num(8 - 5 * np.log10(25), 0.0006)],
)

# cosmology
for question, quantity, z in [
    ("How far away is a galaxy at z = 0.3 in terms of luminosity distance?", "luminosity_distance", 0.3),
    ("what was the age of the universe when z was 1.5", "age", 1.5),
    ("lookback time for z = 0.7 please", "lookback_time", 0.7),
    ("angular size distance at redshift 1.2", "angular_diameter_distance", 1.2),
    ("comoving distance out to z of 3", "comoving_distance", 3.0),
    ("What's the Hubble parameter at redshift 0.5?", "hubble_parameter", 0.5),
    ("kpc per arcsec at z=2", "kpc_per_arcsec", 2.0),
]:
    case(
        "cosmology",
        question,
        tools=["cosmology_calculator"],
        args={"cosmology_calculator": {"z": z, "quantity": quantity}},
        numbers=[num(mc.Q[quantity](cosmo.Planck18, z), rel=2e-4)],
    )

# ephemeris
for question, kind, target, site, date in [
    ("What time is sunset at Kitt Peak on 2026-06-21?", "set", "Sun", "Kitt Peak", "2026-06-21"),
    ("when will Venus set as seen from Paranal on 2026-03-20", "set", "Venus", "Paranal", "2026-03-20"),
    ("Jupiter rise time at Siding Spring, 2026-10-10", "rise", "Jupiter", "Siding Spring", "2026-10-10"),
]:
    case("ephemeris", question, tools=["rise_set"], contains=[mc.hm(mc.event_minutes(kind, target, site, date))])
case(
    "ephemeris",
    "How far is Saturn from Earth on 2026-10-01?",
    tools=["body_position"],
    numbers=[num(mc.distance_au("Saturn", "2026-10-01"), 0.00006)],
)
case(
    "ephemeris",
    "what fraction of the moon is illuminated on 2026-08-01",
    tools=["moon_phase"],
    numbers=[num(mc.moon_illumination("2026-08-01"), 0.06)],
)
case("ephemeris", "Is M13 observable from La Palma on 2026-07-15?", tools=["observability"], contains=["hours above"])

# chat
case(
    "chat",
    "and Betelgeuse?",
    setup=["How far away is Vega?"],
    tools=["parallax_distance"],
    numbers=[num(1000 / mc.PLX[mc.ROW_OF_HIP[mc.star_hip("Betelgeuse")]], 0.006)],
)
case(
    "chat",
    "what constellation is that in?",
    setup=["tell me about NGC 7293"],
    tools=["constellation"],
    contains=["Aquarius"],
)
case(
    "chat",
    "and the lookback time?",
    setup=["luminosity distance at z=1"],
    tools=["cosmology_calculator"],
    numbers=[num(cosmo.Planck18.lookback_time(1).to_value(u.Gyr), rel=2e-4)],
)


def main() -> None:
    with OUT.open("w") as fh:
        fh.write(HEADER + "\n")
        for item in mc.CASES:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(mc.CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
