"""Argument extraction from plain language, and date parsing."""

from __future__ import annotations

import datetime as dt

import pytest
from aeiou_agent.tools.sky import is_unit

from aeiou_agent.exceptions import UserError
from aeiou_agent.planning import arguments as ex
from aeiou_agent.timeparse import find_when, parse_utc


@pytest.mark.parametrize(
    ("text", "deg"),
    [
        ("within 5 degrees of", 5.0),
        ("within 30 arcmin", 0.5),
        ("within 2°", 2.0),
        ("a 10 arcsec radius", 10 / 3600),
        ("within 45'", 0.75),
        ("within five degrees", 5.0),
        ("within 3 deg 30 arcmin of Spica", 3.5),
        ("within 1°30' of M42", 1.5),
        ("2 degrees and 15 arcminutes", 2.25),
        ("within 1 deg, 0.5 deg", 1.0),  # two angles of the same unit are not one compound angle
        ("RA 83.6 deg, Dec 22 deg", None),
    ],
)
def test_radius(text, deg):
    got = ex.extract_radius_deg(text)
    assert got == pytest.approx(deg) if deg is not None else got is None


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("brighter than magnitude 5", (5.0, None)),
        ("stars with Hp < 4", (4.0, None)),
        ("mag <= 6.5", (6.5, None)),
        ("magnitude 5 or brighter", (5.0, None)),
        ("naked-eye stars", (6.0, None)),
        ("fainter than mag 8", (None, 8.0)),
        ("brigter than 6", (6.0, None)),
        ("between magnitude 4 and 6", (6.0, 4.0)),
        ("stars near Vega", (None, None)),
    ],
)
def test_magnitude_limits(text, limits):
    assert ex.extract_magnitude_limits(text) == limits


def test_redshift_cosmology_and_units():
    assert ex.extract_redshift("at z=0.5") == 0.5
    assert ex.extract_redshift("redshift of 3") == 3.0
    assert ex.extract_redshift("Omega_m = 0.3 at z ~ 2") == 2.0
    assert ex.extract_redshift("at z = 0.5.") == 0.5 and ex.extract_redshift("redshift 2.") == 2.0
    assert ex.extract_redshift("what redshift is 0.1c?") is None  # a speed as a fraction of c
    assert ex.extract_redshift("the redshift of 1500 km/s") is None
    assert ex.extract_velocity_km_s("receding at 1,500 km/s") == 1500.0
    assert ex.extract_velocity_km_s("moving towards us at 30 kilometres per second") == -30.0
    assert ex.extract_velocity_km_s("10% of the speed of light") == pytest.approx(29979.2458)
    assert ex.extract_velocity_km_s("at 3 m/s") == 0.003 and ex.extract_velocity_km_s("at 2c") is None
    args = ex.extract_cosmology("luminosity distance with H0 = 70 and Omega_m = 0.3 in WMAP9")
    assert (args.quantity, args.cosmology, args.h0, args.om0) == ("luminosity_distance", "WMAP9", 70.0, 0.3)
    args = ex.extract_cosmology("if H0 were 67 and Omega matter 0.32, how old would the universe be today?")
    assert (args.h0, args.om0) == (67.0, 0.32)
    assert ex.extract_simulation("power spectrum with sigma8 set to 0.9").values["sigma8"] == 0.9
    conv = ex.extract_unit_conversion("How many kilometres are in 1 AU?", is_unit)
    assert conv is not None and (conv.value, conv.from_unit, conv.to_unit) == (1.0, "AU", "kilometres")
    conv = ex.extract_unit_conversion("convert 10 parsecs to light years", is_unit)
    assert conv is not None and (conv.from_unit, conv.to_unit) == ("parsecs", "light years")
    for terse in (
        "3.26 light-years = ? parsec",
        "3.26 light-years is how many parsec?",
        "3.26 light-years equals parsec",
    ):
        conv = ex.extract_unit_conversion(terse, is_unit)
        assert conv is not None and (conv.value, conv.from_unit, conv.to_unit) == (3.26, "light-years", "parsec")
    assert ex.extract_unit_conversion("how big is 1 arcsec at z=2?", is_unit) is None  # a scale, not 'arcsec = 2'


def test_coordinates_sites_and_sql():
    assert ex.extract_latlon("latitude 19.8 longitude -155.5") == (19.8, -155.5)
    assert ex.extract_latlon("lat 30 S, lon 70 W") == (-30.0, -70.0)
    assert ex.looks_like_sql("SELECT count(*) FROM hipparcos")
    assert ex.looks_like_sql("DROP TABLE hipparcos")
    assert not ex.looks_like_sql("select the brightest stars near Vega")
    assert ex.extract_sql("run this: SELECT 1 FROM ngc?") == "SELECT 1 FROM ngc"


NOW = dt.datetime(2026, 11, 25, 17, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on 2026-09-01", "2026-09-01"),
        ("at 2026-03-04 22:00", "2026-03-04T22:00:00"),
        ("on 2026-05-20 at 22:00 UTC", "2026-05-20T22:00:00"),
        ("tomorrow", "2026-11-26"),
        ("on September 1st 2026", "2026-09-01"),
        ("on 1 Sep 2026", "2026-09-01"),
        ("right now", "2026-11-25T17:30:00"),
        ("at 22:00 CET on 2026-12-10", "2026-12-10T22:00:00"),  # the clock before the date (the zone is the planner's)
        ("tonight at 22:00", "2026-11-25T22:00:00"),  # a clock with 'tonight' was dropped: the night's 00:00 UTC
        ("at 01:00 UTC tonight", "2026-11-26T01:00:00"),  # after midnight: the next date
        ("tonight at 11 pm", "2026-11-25T23:00:00"),
        ("at midnight", "2026-11-26T00:00:00"),  # the coming midnight
    ],
)
def test_dates(text, iso):
    found = find_when(f"moon {text}", NOW)
    assert found is not None and found[0] == iso


def test_impossible_dates_are_explained():
    with pytest.raises(UserError, match="February 2026 has 28 days"):
        find_when("moon on 2026-02-30", NOW)
    with pytest.raises(UserError, match="impossible time"):
        parse_utc("2026-01-01T25:00")
    assert find_when("stars within 5 degrees of M45", NOW) is None
    assert find_when("how far is Mars from the Sun?", NOW) is None  # the Sun, not Sunday
    assert find_when("sunrise on Sunday", NOW) == ("2026-11-29", "on Sunday", False)


@pytest.mark.parametrize(
    ("text", "constellation"),
    [
        ("the 5 brightest stars in Orion", "Orion"),
        ("brightest 5 stars in UMa", "Ursa Major"),  # IAU abbreviations, as written
        ("galaxies in CVn brighter than 10", "Canes Venatici"),
        ("in the constellation Cyg", "Cygnus"),
        ("stars in uma", None),  # not how the abbreviation is written
        ("what is up in Oct 2026", None),  # a month, not Octans
        ("how far is Andromeda", None),
    ],
)
def test_constellations_by_name_and_by_iau_abbreviation(text, constellation):
    from aeiou_agent.store.catalogs import constellation_names

    assert ex.extract_constellation(text, constellation_names()) == constellation


def test_values_read_by_an_arguments_name_share_and_negated_option():
    """How a tool planned from its declarations gets values the planner has no parser of its own for."""
    text = "a synthetic galaxy field with bigger galaxies, median half-light radius 1 arcsec"
    assert ex.extract_named_value(text, "median_radius_arcsec") == 1.0  # unit word of the name not needed
    assert ex.extract_named_value("count slope of 0.35", "count_slope") == 0.35
    assert ex.extract_named_value("a deep field of 1024 pixels", "median_radius_arcsec") is None
    discs = ("disc", "spiral")
    ages = ("age", "aged", "old", "young = 0.1", "old = 10")
    assert ex.extract_named_value("a 500 Myr old starburst", "age_gyr", ages) == 0.5  # Myr for an argument in Gyr
    assert ex.extract_named_value("500 million years old", "age_gyr", ages) == 0.5
    assert ex.extract_named_value("at redshift 2 with age 1 Gyr", "age_gyr", ages) == 1.0  # not the redshift's 2
    assert ex.extract_named_value("an old elliptical", "age_gyr", ages) == 10  # a phrase that sets a value
    assert ex.extract_named_value("a 2 Gyr old, young-looking disc", "age_gyr", ages) == 2  # a number first
    masses = ("stellar mass", "solar masses", "solar mass", "M☉")
    assert ex.extract_named_value("a 10^11 solar mass galaxy", "mass_formed_msun", masses) == 1e11
    assert ex.extract_named_value("2×10^10 M☉", "mass_formed_msun", masses) == 2e10
    assert ex.extract_named_value("10 billion solar masses", "mass_formed_msun", masses) == 1e10
    metallicities = ("metallicity", "times solar", "solar metallicity = 1", "half-solar = 0.5")
    assert ex.extract_named_value("half-solar metallicity", "metallicity_solar", metallicities) == 0.5  # leftmost
    assert ex.extract_named_value("0.4 times solar", "metallicity_solar", metallicities) == 0.4
    assert ex.extract_named_value("A(V)=1.5", "dust_av_mag", ("A(V)",)) == 1.5
    assert ex.extract_fraction_of("with 30% bulges", "bulge") == pytest.approx(0.3)
    assert ex.extract_fraction_of("where half the galaxies are bulges", "bulge") == 0.5
    assert ex.extract_fraction_of("a third of them bulges", "bulge") == pytest.approx(1 / 3)
    assert ex.extract_fraction_of("no bulges please", "bulge") == 0.0
    assert ex.extract_fraction_of("with only disc galaxies", "bulge", discs) == 0.0
    assert ex.extract_fraction_of("with only disc galaxies", "bulge") is None  # no complement declared: unread
    assert ex.negates("a field without running source detection", "detect_sources")
    assert not ex.negates("a field with source detection", "detect_sources")
    assert ex.extract_density_per_arcmin2("40 galaxies per square arcminute") == 40
    assert ex.extract_density_per_arcmin2("within 3 arcmin of M31") is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("at 22:00", "2026-11-25T22:00:00"),  # a bare clock was dropped: now was used
        ("at 10pm in London", "2026-11-25T22:00:00"),  # 'Mars' and '10pm' gave a date without the time
        ("is Mars up at 1 am", "2026-11-26T01:00:00"),  # after midnight: the next date
        ("at 22:00 from Tokyo tomorrow", "2026-11-26T22:00:00"),  # the clock hid 'tomorrow' from the date parser
        ("at 9:30 pm on 2027-01-05", "2027-01-05T21:30:00"),  # 'pm' was dropped before an ISO date
        ("at noon on Friday", "2026-11-27T12:00:00"),
        ("this galaxy at 9pm", "2026-11-25T21:00:00"),
    ],
)
def test_clock_times_as_people_write_them(text, iso):
    found = find_when(text, NOW)
    assert found is not None and found[0] == iso and found[2]


def test_sexagesimal_coordinates_are_no_clock():
    assert find_when("constellation at 05:35:17 -05:23:28", NOW) is None
    assert find_when("count stars within 30' of 05:35:17 -05:23:28", NOW) is None
