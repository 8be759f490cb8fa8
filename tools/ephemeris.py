"""Ephemeris tools (skyfield + JPL DE421 from skyfield-data).

Positions, alt/az, rise/transit/set, Moon phase and observability.

All times are UTC (rise/set events also in the site's time zone). Observing sites come from :data:`SITES`
(each with its IANA time zone), GeoNames cities, or explicit latitude/longitude.
"""

from __future__ import annotations

import atexit
import datetime as dt
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from aeiou_agent.tools._targets import Target, constellation_of, format_dec, format_ra, locate
from pydantic import Field
from rapidfuzz import fuzz, process

from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.exceptions import InvalidArguments, UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool
from aeiou_agent.store.names import body_label, normalize
from aeiou_agent.timeparse import format_utc, parse_utc

DE421 = Citation(
    id="dataset:de421",
    kind="dataset",
    title="JPL planetary ephemeris DE421 (via skyfield-data)",
    reference="Folkner, Williams & Boggs 2009, IPN Progress Report 42-178",
    version="skyfield " + __import__("skyfield").__version__,
    license="public domain (JPL)",
    url="https://ssd.jpl.nasa.gov/planets/eph_export.html",
)

MAGNITUDES = Citation(
    id="paper:mallama2018",
    kind="paper",
    title="Computing apparent planetary magnitudes for The Astronomical Almanac (skyfield's planetary_magnitude); "
    "the Moon: Allen's phase law; the Sun: V = −26.74 at 1 AU",
    reference="Mallama & Hilton 2018, Astronomy and Computing 25, 10; Allen 1976, Astrophysical Quantities",
)
SUN_V_AT_1_AU = -26.74
C_KM_S = 299_792.458  # the speed of light, exact
AU_PER_10_PC = 10 * 648_000 / math.pi  # 10 parsecs in astronomical units (1 pc = 648000/π AU, IAU 2015)
MOON_V_FULL_AT_MEAN_DISTANCE = -12.73  # Allen: V = −12.73 + 0.026|α| + 4×10⁻⁹ α⁴ at 384,400 km, 1 AU from the Sun
MOON_MEAN_DISTANCE_KM = 384_400.0


def apparent_v_magnitude(label: str, apparent: Any, eph: Any, t: Any) -> float | None:
    """Apparent V magnitude of a Solar System body seen from Earth (None where no law applies, as for Pluto)."""
    from skyfield.magnitudelib import planetary_magnitude

    name = label.lower()
    distance_au = float(apparent.distance().au)
    if name == "sun":
        return SUN_V_AT_1_AU + 5 * math.log10(distance_au)
    if name == "moon":
        phase_angle = float(apparent.phase_angle(eph["sun"]).degrees)
        sun_au = float(eph["moon"].at(t).observe(eph["sun"]).distance().au)
        scale = 5 * math.log10(float(apparent.distance().km) / MOON_MEAN_DISTANCE_KM * sun_au)
        return MOON_V_FULL_AT_MEAN_DISTANCE + 0.026 * phase_angle + 4e-9 * phase_angle**4 + scale
    if name in {"mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune"}:
        value = float(planetary_magnitude(apparent))
        return value if math.isfinite(value) else None
    return None


@dataclass(frozen=True)
class Site:
    """An observatory: geodetic latitude/longitude (east positive) and elevation."""

    name: str
    latitude_deg: float
    longitude_deg: float
    elevation_m: float
    aliases: tuple[str, ...] = ()
    time_zone: str = ""  # IANA name, for local times; empty where unknown


SITES: tuple[Site, ...] = (
    Site("Kitt Peak", 31.9583, -111.5967, 2096, ("kpno", "kitt peak national observatory"), "America/Phoenix"),
    Site("Cerro Tololo", -30.1691, -70.8062, 2207, ("ctio", "tololo"), "America/Santiago"),
    Site(
        "Cerro Pachón",
        -30.2407,
        -70.7366,
        2715,
        ("cerro pachon", "pachon", "rubin", "vera rubin observatory", "gemini south"),
        "America/Santiago",
    ),
    Site(
        "Mauna Kea",
        19.8207,
        -155.4681,
        4205,
        ("keck", "subaru", "gemini north", "cfht", "maunakea"),
        "Pacific/Honolulu",
    ),
    Site(
        "La Palma",
        28.7606,
        -17.8816,
        2396,
        ("roque de los muchachos", "gtc", "orm", "william herschel telescope"),
        "Atlantic/Canary",
    ),
    Site("Paranal", -24.6272, -70.4042, 2635, ("cerro paranal", "vlt", "eso paranal"), "America/Santiago"),
    Site("La Silla", -29.2567, -70.7346, 2400, ("eso la silla",), "America/Santiago"),
    Site("Las Campanas", -29.0146, -70.6926, 2380, ("magellan", "lco", "las campanas observatory"), "America/Santiago"),
    Site("Apache Point", 32.7803, -105.8203, 2788, ("apo", "apache point observatory"), "America/Denver"),
    Site(
        "Palomar",
        33.3563,
        -116.8650,
        1712,
        ("mount palomar", "palomar observatory", "hale telescope"),
        "America/Los_Angeles",
    ),
    Site("Siding Spring", -31.2733, 149.0617, 1165, ("sso", "aat", "anglo-australian telescope"), "Australia/Sydney"),
    Site("McDonald", 30.6797, -104.0247, 2075, ("mcdonald observatory", "hobby-eberly", "het"), "America/Chicago"),
    Site("Lick", 37.3414, -121.6429, 1283, ("mount hamilton", "lick observatory"), "America/Los_Angeles"),
    Site("Mount Wilson", 34.2247, -118.0572, 1742, ("mt wilson", "mount wilson observatory"), "America/Los_Angeles"),
    Site("Sutherland", -32.3794, 20.8117, 1798, ("saao", "salt"), "Africa/Johannesburg"),
    Site("Calar Alto", 37.2236, -2.5463, 2168, ("caha",), "Europe/Madrid"),
    Site("Chajnantor", -23.0293, -67.7551, 5058, ("alma", "llano de chajnantor"), "America/Santiago"),
    Site("Greenwich", 51.4769, -0.0005, 46, ("royal observatory greenwich",), "Europe/London"),
    Site("Jodrell Bank", 53.2366, -2.3085, 77, ("lovell telescope",), "Europe/London"),
    Site("Green Bank", 38.4331, -79.8398, 807, ("gbt",), "America/New_York"),
)

SITE_KEYS: dict[str, Site] = {}
for _site in SITES:
    for _key in (_site.name, *_site.aliases):
        SITE_KEYS[normalize(_key)] = _site

# Mean radii in km (IAU/IERS values), for apparent angular diameters.
RADIUS_KM = {
    "sun": 695_700.0,
    "moon": 1_737.4,
    "mercury": 2_439.7,
    "venus": 6_051.8,
    "mars": 3_389.5,
    "jupiter": 69_911.0,
    "saturn": 58_232.0,
    "uranus": 25_362.0,
    "neptune": 24_622.0,
    "pluto": 1_188.3,
}

SOLAR_SYSTEM = {
    "sun": "sun",
    "moon": "moon",
    "mercury": "mercury",
    "venus": "venus",
    "mars": "mars",
    "jupiter": "jupiter barycenter",
    "saturn": "saturn barycenter",
    "uranus": "uranus barycenter",
    "neptune": "neptune barycenter",
    "pluto": "pluto barycenter",
}


def find_site(name: str) -> Site:
    """A site by name or alias ('CTIO', 'Cerro Tololo', 'keck'); a close misspelling is accepted."""
    key = normalize(name)
    if key in SITE_KEYS:
        return SITE_KEYS[key]
    best = process.extractOne(key, list(SITE_KEYS), scorer=fuzz.WRatio, score_cutoff=88)
    if best:
        return SITE_KEYS[best[0]]
    from aeiou_agent.tools.places import lookup_place

    place = lookup_place(name)
    if place is not None:  # a city: its GeoNames position, at sea level (GeoNames lists no elevation)
        return Site(place.label, place.latitude_deg, place.longitude_deg, 0.0, time_zone=place.timezone)
    known = ", ".join(s.name for s in SITES)
    raise UserError(
        f"I don't know an observatory or city called {name!r}. Known sites: {known}; or a city with its country "
        "('Santiago, Chile'), or latitude and longitude"
    )


@cache
def _skyfield() -> tuple[Any, Any]:
    """(timescale, DE421 ephemeris), loaded once from skyfield-data without expiry checks or downloads."""
    import skyfield_data
    from skyfield.api import Loader

    loader = Loader(str(Path(skyfield_data.__file__).parent / "data"), expire=False, verbose=False)
    ephemeris = loader("de421.bsp")
    atexit.register(ephemeris.close)  # the kernel keeps its file open (memory-mapped) for the process
    return loader.timescale(builtin=True), ephemeris


_DE421_START = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
_DE421_END = dt.datetime(2053, 10, 1, tzinfo=dt.UTC)


def _when(text: str) -> dt.datetime:
    moment = parse_utc(text)
    if not _DE421_START <= moment <= _DE421_END:
        raise UserError(f"{text} is outside the DE421 ephemeris (1900-01-01 to 2053-10-01)")
    return moment


def _observer_site(
    tool_name: str, site: str | None, latitude_deg: float | None, longitude_deg: float | None, elevation_m: float
) -> Site | None:
    if latitude_deg is not None or longitude_deg is not None:
        if latitude_deg is None or longitude_deg is None:
            raise InvalidArguments(tool_name, ["give both latitude_deg and longitude_deg, or a site name"])
        return Site(f"lat {latitude_deg:+.4f}°, lon {longitude_deg:+.4f}°", latitude_deg, longitude_deg, elevation_m)
    if site:
        return find_site(site)
    return None


def body_target(target: str, time_utc: str | None) -> Target | None:
    """A Solar System body where it is (geocentric, astrometric ICRS) at ``time_utc`` (now if None), or None."""
    key = normalize(target)
    if key not in SOLAR_SYSTEM:
        return None
    ts, eph = _skyfield()
    moment = _when(time_utc) if time_utc else dt.datetime.now(dt.UTC)
    t = ts.from_datetime(moment)
    ra, dec, _distance = eph["earth"].at(t).observe(eph[SOLAR_SYSTEM[key]]).radec()
    return Target(body_label(key.title()), float(ra._degrees), float(dec.degrees), sources=[DE421], time_utc=_iso(t))


def _body(ctx: ToolContext, tool_name: str, target: str) -> tuple[Any, str, Target | None]:
    """The skyfield body for a Solar System name or a catalog object (as a fixed star)."""
    from skyfield.api import Star

    _ts, eph = _skyfield()
    key = normalize(target)
    if key in SOLAR_SYSTEM:
        return eph[SOLAR_SYSTEM[key]], key.title(), None
    centre = None if ctx.store.names.lookup(target) else ctx.store.constellation_centre(target)
    if centre is not None:  # 'when does Orion rise?': the centre of the constellation
        name, ra_deg, dec_deg = centre
        found = Target(
            f"{name} (the centre of the constellation)", ra_deg, dec_deg, sources=[ctx.store.citation("hipparcos")]
        )
    else:
        found = locate(ctx, tool_name, target)
    return Star(ra_hours=found.ra_deg / 15.0, dec_degrees=found.dec_deg), found.label, found


def _topos(site: Site) -> Any:
    from skyfield.api import wgs84

    return wgs84.latlon(site.latitude_deg, site.longitude_deg, elevation_m=site.elevation_m)


def _site_data(site: Site) -> dict[str, Any]:
    return {
        "name": site.name,
        "latitude_deg": site.latitude_deg,
        "longitude_deg": site.longitude_deg,
        "elevation_m": site.elevation_m,
        **({"time_zone": site.time_zone} if site.time_zone else {}),
    }


def _local(t: Any, site: Site) -> str | None:
    """The site's clock time and date of a skyfield time ('19:31 MST on 2026-05-31'), if its time zone is known."""
    if not site.time_zone:
        return None
    local = _utc_second(t).astimezone(ZoneInfo(site.time_zone))  # the instant shown in UTC, to the second
    return f"{local:%H:%M} {local.tzname()} on {local:%Y-%m-%d}"


def _utc_second(t: Any) -> dt.datetime:
    """A skyfield time as an aware UTC datetime rounded to the nearest second (as every time is shown)."""
    return (t.utc_datetime() + dt.timedelta(microseconds=500_000)).replace(microsecond=0)


def _iso(t: Any) -> str:
    return _utc_second(t).strftime("%Y-%m-%dT%H:%M:%SZ")


SiteName = Annotated[str | None, Field(max_length=100), Kind("place")]
Latitude = Annotated[float | None, Field(ge=-90, le=90), Kind("place")]
Longitude = Annotated[float | None, Field(ge=-180, le=360), Kind("place")]
Elevation = Annotated[float, Field(ge=-500, le=9000), Kind("place")]
TimeText = Annotated[str, Field(min_length=8, max_length=40), Kind("time")]


@tool("ephemeris")
def body_position(
    ctx: ToolContext,
    target: Annotated[str, Field(min_length=1, max_length=200), Kind("object")],
    time_utc: TimeText,
    site: SiteName = None,
    latitude_deg: Latitude = None,
    longitude_deg: Longitude = None,
    elevation_m: Elevation = 0.0,
) -> ToolResult:
    """Where a Solar System body (Sun, Moon, planets) or a catalog object is at a given time.

    RA/Dec, distance, constellation, and altitude/azimuth from a site.

    Args:
        target: 'Sun', 'Moon', a planet, any catalog object name, or a constellation (its centre).
        time_utc: UTC time, ISO format (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS).
        site: Observatory name (Kitt Peak, Cerro Tololo, Mauna Kea, Paranal, ...) for altitude/azimuth.
        latitude_deg: Observer latitude in degrees, instead of a site.
        longitude_deg: Observer longitude in degrees east, instead of a site.
        elevation_m: Observer elevation in metres (with latitude/longitude).
    """
    ts, eph = _skyfield()
    moment = _when(time_utc)
    t = ts.from_datetime(moment)
    body, label, fixed = _body(ctx, "body_position", target)
    where = _observer_site("body_position", site, latitude_deg, longitude_deg, elevation_m)
    earth = eph["earth"]
    observer = earth + _topos(where) if where else earth
    astrometric = observer.at(t).observe(body)
    ra, dec, distance = astrometric.radec()
    ra_deg, dec_deg = float(ra._degrees), float(dec.degrees)
    constellation, abbr = constellation_of(ra_deg, dec_deg)
    data: dict[str, Any] = {
        "target": label,
        "time_utc": _iso(t),
        "ra_deg": round(ra_deg, 5),
        "dec_deg": round(dec_deg, 5),
        "ra_hms": format_ra(ra_deg),
        "dec_dms": format_dec(dec_deg),
        "frame": "astrometric ICRS",
        "constellation": constellation,
        "constellation_abbr": abbr,
    }
    summary = f"{label} at {format_utc(moment)}: RA {data['ra_hms']}, Dec {data['dec_dms']}, in {constellation}"
    sources = [DE421] if fixed is None else [*fixed.sources, DE421]
    if fixed is None:
        data["distance_au"] = float(distance.au)
        data["distance_km"] = float(distance.km)
        data["light_time_s"] = float(distance.km) / C_KM_S  # how long its light takes to reach the observer
        data["light_time_min"] = data["light_time_s"] / 60.0
        diameter = 2 * np.degrees(np.arcsin(RADIUS_KM[label.lower()] / float(distance.km)))
        data["angular_diameter_arcsec"] = float(diameter * 3600)
        data["angular_diameter_arcmin"] = float(diameter * 60)
        summary += f"; distance {distance.au:.4f} AU; apparent diameter {diameter * 3600:.1f}″"
        apparent = earth.at(t).observe(body).apparent()
        magnitude = apparent_v_magnitude(label, apparent, eph, t)
        if magnitude is not None:
            data["vmag"] = round(magnitude, 2)
            sources.append(MAGNITUDES)
            summary += f"; V = {magnitude:.2f}"
        if magnitude is not None and label == "Sun":  # its V from 10 pc: M = m − 5 log10(d / 10 pc)
            data["absolute_vmag"] = round(magnitude - 5 * math.log10(float(distance.au) / AU_PER_10_PC), 2)
        data["radius_km"] = RADIUS_KM[label.lower()]
        data["diameter_km"] = 2 * RADIUS_KM[label.lower()]
        if label != "Sun":
            from_sun = eph["sun"].at(t).observe(body).distance()
            data["sun_distance_au"] = float(from_sun.au)
            data["sun_distance_km"] = float(from_sun.km)
            data["illuminated_fraction"] = float(apparent.fraction_illuminated(eph["sun"]))
            data["illuminated_percent"] = round(100 * data["illuminated_fraction"], 1)
            sun_dir = earth.at(t).observe(eph["sun"]).apparent()
            data["elongation_deg"] = float(apparent.separation_from(sun_dir).degrees)
            summary += f"; {data['elongation_deg']:.1f}° from the Sun"
            if label != "Moon":  # east of the Sun it sets after it (an evening star); west, it rises before it
                from skyfield.framelib import ecliptic_frame

                lon_body = apparent.frame_latlon(ecliptic_frame)[1].degrees
                lon_sun = sun_dir.frame_latlon(ecliptic_frame)[1].degrees
                data["side_of_sun"] = "east" if (lon_body - lon_sun) % 360 < 180 else "west"
    if where:
        apparent_topocentric = astrometric.apparent()
        alt, az, _ = apparent_topocentric.altaz(temperature_C=10.0, pressure_mbar="standard")
        hour_angle, _dec, _distance = apparent_topocentric.hadec()
        data.update(
            site=_site_data(where),
            altitude_deg=round(float(alt.degrees), 3),
            azimuth_deg=round(float(az.degrees), 3),
            above_horizon=bool(alt.degrees > 0),
            hour_angle_h=round(float((hour_angle.hours + 12) % 24 - 12), 4),  # west of the meridian is positive
        )
        summary += f"; from {where.name}: altitude {alt.degrees:.1f}°, azimuth {az.degrees:.1f}°"
        if alt.degrees > 0:
            data["airmass"] = round(airmass(float(alt.degrees)), 3)
            summary += f", airmass {data['airmass']:.2f}"
        else:
            summary += " (below the horizon)"
    return ToolResult(data=data, summary=summary, sources=sources)


@tool("ephemeris")
def zenith(
    ctx: ToolContext,
    time_utc: TimeText,
    site: SiteName = None,
    latitude_deg: Latitude = None,
    longitude_deg: Longitude = None,
    elevation_m: Elevation = 0.0,
) -> ToolResult:
    """The local sidereal time at a site and the point of the sky overhead (the zenith): RA/Dec, constellation.

    The zenith's right ascension is the local sidereal time and its declination the site's latitude, in the
    equator of date; it is given in ICRS as every position is, and the constellation is looked up there.

    Args:
        time_utc: UTC time, ISO format (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS).
        site: Observatory or city name.
        latitude_deg: Observer latitude in degrees, instead of a site.
        longitude_deg: Observer longitude in degrees east, instead of a site.
        elevation_m: Observer elevation in metres (with latitude/longitude).
    """
    ts, eph = _skyfield()
    moment = _when(time_utc)
    t = ts.from_datetime(moment)
    where = _observer_site("zenith", site, latitude_deg, longitude_deg, elevation_m)
    if where is None:
        raise InvalidArguments("zenith", ["give a site (an observatory or a city) or latitude_deg and longitude_deg"])
    overhead = (eph["earth"] + _topos(where)).at(t).from_altaz(alt_degrees=90.0, az_degrees=0.0)
    ra, dec, _distance = overhead.radec()
    ra_deg, dec_deg = float(ra._degrees), float(dec.degrees)
    constellation, abbr = constellation_of(ra_deg, dec_deg)
    sidereal_h = float((t.gast + where.longitude_deg / 15.0) % 24.0)  # apparent (Greenwich apparent + longitude)
    data: dict[str, Any] = {
        "time_utc": _iso(t),
        "site": _site_data(where),
        "local_sidereal_time_h": round(sidereal_h, 6),
        "local_sidereal_time_hms": format_ra(sidereal_h * 15.0),
        "ra_deg": round(ra_deg, 5),
        "dec_deg": round(dec_deg, 5),
        "ra_hms": format_ra(ra_deg),
        "dec_dms": format_dec(dec_deg),
        "constellation": constellation,
        "constellation_abbr": abbr,
    }
    local = _local(t, where)
    if local:
        data["time_local"] = local
    summary = (
        f"{where.name} at {format_utc(moment)}: local sidereal time {data['local_sidereal_time_hms']}; zenith at "
        f"RA {data['ra_hms']}, Dec {data['dec_dms']}, in {constellation}"
    )
    return ToolResult(data=data, summary=summary, sources=[DE421])


def airmass(altitude_deg: float) -> float:
    """Relative air mass at an apparent altitude above the horizon (Pickering 2002; 1 at the zenith, ~38 at 0°).

    Plane-parallel sec z diverges at the horizon; Pickering's fit follows the real atmosphere there.
    """
    return 1.0 / math.sin(math.radians(altitude_deg + 244.0 / (165.0 + 47.0 * altitude_deg**1.1)))


@tool("ephemeris")
def rise_set(
    ctx: ToolContext,
    target: Annotated[str, Field(min_length=1, max_length=200), Kind("object")],
    date: TimeText,
    site: SiteName = None,
    latitude_deg: Latitude = None,
    longitude_deg: Longitude = None,
    elevation_m: Elevation = 0.0,
    local_day: Annotated[bool, Kind("option")] = False,
    after_utc: Annotated[str | None, Field(min_length=8, max_length=40), Kind("time")] = None,
) -> ToolResult:
    """Rise, transit and set times of the Sun, Moon, a planet or a catalog object from a site during one day.

    Times are UTC, each with the site's local clock time and date where its time zone is known (an evening event
    at a site west of Greenwich can fall early in the next UTC day).

    Args:
        target: 'Sun', 'Moon', a planet, any catalog object name, or a constellation (its centre).
        date: The day, YYYY-MM-DD: events between 00:00 and 24:00 UTC are reported (site time with local_day).
        site: Observatory name (Kitt Peak, Cerro Tololo, Mauna Kea, Paranal, ...).
        latitude_deg: Observer latitude in degrees, instead of a site.
        longitude_deg: Observer longitude in degrees east, instead of a site.
        elevation_m: Observer elevation in metres (with latitude/longitude).
        local_day: Search the site's local calendar day (midnight to midnight in its time zone) instead of the
            UTC day; needs a site whose time zone is known (observatories and cities).
        after_utc: Search the 24 hours after this moment instead of a day ('when does Jupiter next rise?').
    """
    from skyfield import almanac

    ts, eph = _skyfield()
    where = _observer_site("rise_set", site, latitude_deg, longitude_deg, elevation_m)
    if where is None:
        raise InvalidArguments(
            "rise_set", ["give an observing site (e.g. 'Cerro Tololo') or latitude_deg/longitude_deg"]
        )
    requested = _when(date)
    day = requested.replace(hour=0, minute=0, second=0)
    if after_utc:  # the next events, whatever day they fall on
        day = _when(after_utc).replace(microsecond=0)
    elif local_day:
        if not where.time_zone:
            raise InvalidArguments("rise_set", ["local_day needs a named observatory or city (its time zone)"])
        local_midnight = dt.datetime.combine(day.date(), dt.time(), tzinfo=ZoneInfo(where.time_zone))
        day = local_midnight.astimezone(dt.UTC)
    body, label, fixed = _body(ctx, "rise_set", target)
    observer = eph["earth"] + _topos(where)
    t0, t1 = ts.from_datetime(day), ts.from_datetime(day + dt.timedelta(days=1))
    rises, rise_ok = almanac.find_risings(observer, body, t0, t1)
    sets, set_ok = almanac.find_settings(observer, body, t0, t1)
    transits = almanac.find_transits(observer, body, t0, t1)
    events: list[dict[str, Any]] = []
    for kind, times, oks in (("rise", rises, rise_ok), ("set", sets, set_ok)):
        for t, ok in zip(times, oks, strict=True):
            if ok:
                events.append({"event": kind, "time_utc": _iso(t), "time_local": _local(t, where)})
    for t in transits:
        alt, _az, _ = observer.at(t).observe(body).apparent().altaz()
        events.append(
            {
                "event": "transit",
                "time_utc": _iso(t),
                "time_local": _local(t, where),
                "altitude_deg": round(float(alt.degrees), 2),
            }
        )
    events.sort(key=lambda e: e["time_utc"])
    data: dict[str, Any] = {
        "target": label,
        "date": requested.strftime("%Y-%m-%d"),
        "day": f"the 24 h after {format_utc(day)}"
        if after_utc
        else f"local day, {where.time_zone}"
        if local_day
        else "UTC day",
        "site": _site_data(where),
        "events": events,
    }
    for kind in ("rise", "transit", "set"):
        first = next((e for e in events if e["event"] == kind), None)
        data[f"{kind}_utc"] = first["time_utc"] if first else None
    if not any(e["event"] == "rise" for e in events) and not any(e["event"] == "set" for e in events):
        alt_mid = (
            observer.at(ts.from_datetime(day + dt.timedelta(hours=12))).observe(body).apparent().altaz()[0].degrees
        )
        data["always"] = "up" if alt_mid > 0 else "down"
    else:  # it rises or sets that day, but perhaps not both: say which is missing rather than leave it unsaid
        data["missing"] = [kind for kind in ("rise", "set") if data[f"{kind}_utc"] is None]
    parts = [
        f"{e['event']} {e['time_utc'][11:16]} UTC"
        + (f" ({e['time_local']} local time)" if e["time_local"] else "")
        + (f" (altitude {e['altitude_deg']:.1f}°)" if "altitude_deg" in e else "")
        for e in events
    ]
    summary = f"{label} from {where.name} on {data['date']} ({data['day']}): " + (
        ", ".join(parts) if parts else "no events"
    )
    if "always" in data:
        summary += f"; it stays {'above' if data['always'] == 'up' else 'below'} the horizon all day"
    sources = [DE421] if fixed is None else [*fixed.sources, DE421]
    return ToolResult(data=data, summary=summary, sources=sources)


# skyfield's dark_twilight_day counts 0 (night) .. 4 (day); a step between two values is one of these events
_TWILIGHT_STEPS = {
    (4, 3): ("sunset", "sunset", -0.8333),
    (3, 2): ("civil_dusk", "civil twilight ends", -6.0),
    (2, 1): ("nautical_dusk", "nautical twilight ends", -12.0),
    (1, 0): ("astronomical_dusk", "astronomical twilight ends (darkness begins)", -18.0),
    (0, 1): ("astronomical_dawn", "astronomical twilight begins (darkness ends)", -18.0),
    (1, 2): ("nautical_dawn", "nautical twilight begins", -12.0),
    (2, 3): ("civil_dawn", "civil twilight begins", -6.0),
    (3, 4): ("sunrise", "sunrise", -0.8333),
}


def _hours_between(start_iso: str, end_iso: str) -> float:
    return (dt.datetime.fromisoformat(end_iso) - dt.datetime.fromisoformat(start_iso)).total_seconds() / 3600


_ALL_NIGHT = {
    4: "the Sun stays above the horizon all night",
    3: "the Sun stays in civil twilight (0–6° below the horizon) all night",
    2: "the Sun stays in nautical twilight (6–12° below the horizon) all night",
    1: "the Sun stays in astronomical twilight (12–18° below the horizon) all night",
    0: "the Sun stays more than 18° below the horizon all day",
}
DateText = Annotated[str | None, Field(min_length=8, max_length=40), Kind("time")]


@tool("ephemeris")
def twilight(
    ctx: ToolContext,
    site: SiteName = None,
    date: DateText = None,
    latitude_deg: Latitude = None,
    longitude_deg: Longitude = None,
    elevation_m: Elevation = 0.0,
) -> ToolResult:
    """Sunset, the ends of civil, nautical and astronomical twilight, and their morning starts, for a night at a site.

    The night of a date runs from local mean noon to the next, so the evening's events fall on the date and the
    morning's on the next day. The Sun is 6°, 12° and 18° below the horizon at the ends of civil, nautical and
    astronomical twilight; sunset and sunrise are for its upper limb with standard refraction (−0.8333°).

    Args:
        site: Observatory name (Kitt Peak, Paranal, La Palma, ...) or a city.
        date: The night's evening, YYYY-MM-DD (today when not given).
        latitude_deg: Observer latitude in degrees, instead of a site.
        longitude_deg: Observer longitude in degrees east, instead of a site.
        elevation_m: Observer elevation in metres (with latitude/longitude).
    """
    from skyfield import almanac

    ts, eph = _skyfield()
    where = _observer_site("twilight", site, latitude_deg, longitude_deg, elevation_m)
    if where is None:
        raise InvalidArguments("twilight", ["give an observing site (e.g. 'Paranal') or latitude_deg/longitude_deg"])
    day = (_when(date) if date else dt.datetime.now(dt.UTC)).replace(hour=12, minute=0, second=0, microsecond=0)
    start = day - dt.timedelta(hours=where.longitude_deg / 15.0)  # local mean noon
    t0, t1 = ts.from_datetime(start), ts.from_datetime(start + dt.timedelta(days=1))
    times, values = almanac.find_discrete(t0, t1, almanac.dark_twilight_day(eph, _topos(where)))
    before = int(almanac.dark_twilight_day(eph, _topos(where))(t0))
    events: list[dict[str, Any]] = []
    for t, value in zip(times, values, strict=True):
        step = _TWILIGHT_STEPS.get((before, int(value)))
        before = int(value)
        if step is not None:
            key, words, sun_altitude_deg = step
            events.append(
                {
                    "event": key,
                    "what": words,
                    "time_utc": _iso(t),
                    "time_local": _local(t, where),
                    "sun_altitude_deg": sun_altitude_deg,
                }
            )
    data: dict[str, Any] = {"site": _site_data(where), "night_of": day.strftime("%Y-%m-%d"), "events": events}
    if not events:  # a polar summer or winter: one state all night
        data["all_night"] = _ALL_NIGHT[before]
    for key, _words, _altitude in _TWILIGHT_STEPS.values():
        data[f"{key}_utc"] = next((e["time_utc"] for e in events if e["event"] == key), None)
    sunset, sunrise = data["sunset_utc"], data["sunrise_utc"]
    if sunset and sunrise:  # the night from sunset to sunrise
        data["night_hours"] = round(_hours_between(sunset, sunrise), 2)
    dusk, dawn = data["astronomical_dusk_utc"], data["astronomical_dawn_utc"]
    if dusk and dawn:
        data["dark_hours"] = round(_hours_between(dusk, dawn), 2)
    else:  # a summer night far from the equator: the Sun never gets 18° below the horizon
        data["dark_hours"] = 0.0 if not dusk and not dawn else None
    parts = [
        f"{e['what']} {e['time_utc'][11:16]} UTC" + (f" ({e['time_local']})" if e["time_local"] else "") for e in events
    ]
    summary = f"Night of {data['night_of']} at {where.name}: " + ("; ".join(parts) if parts else data["all_night"])
    return ToolResult(data=data, summary=summary, sources=[DE421])


_PHASES = (
    "new moon",
    "waxing crescent",
    "first quarter",
    "waxing gibbous",
    "full moon",
    "waning gibbous",
    "last quarter",
    "waning crescent",
)


@tool("ephemeris")
def moon_phase(ctx: ToolContext, time_utc: TimeText) -> ToolResult:
    """The Moon's phase and illuminated fraction at a time, and the dates of the next phases.

    Args:
        time_utc: UTC time, ISO format (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS).
    """
    from skyfield import almanac

    ts, eph = _skyfield()
    moment = _when(time_utc)
    t = ts.from_datetime(moment)
    phase_deg = float(almanac.moon_phase(eph, t).degrees)
    earth = eph["earth"]
    illuminated = float(earth.at(t).observe(eph["moon"]).apparent().fraction_illuminated(eph["sun"]))
    name = _PHASES[int(((phase_deg + 22.5) % 360) // 45)]
    times, kinds = almanac.find_discrete(t, ts.from_datetime(moment + dt.timedelta(days=40)), almanac.moon_phases(eph))
    upcoming = [
        {"phase": almanac.MOON_PHASES[int(k)].lower(), "time_utc": _iso(tt)} for tt, k in zip(times, kinds, strict=True)
    ]
    data = {
        "time_utc": _iso(t),
        "phase_angle_deg": round(phase_deg, 3),
        "phase_name": name,
        "illuminated_fraction": round(illuminated, 4),
        "illuminated_percent": round(100 * illuminated, 1),
        "upcoming": upcoming,
    }
    nxt = "; ".join(f"{p['phase']} {p['time_utc'][:10]}" for p in upcoming)
    summary = f"Moon at {format_utc(moment)}: {name}, {100 * illuminated:.1f}% illuminated; next: {nxt}"
    return ToolResult(data=data, summary=summary, sources=[DE421])


@dataclass
class _Night:
    """A night at a site sampled on a regular grid: local mean noon to the next local noon."""

    day: dt.datetime
    start: dt.datetime
    minutes: np.ndarray
    t: Any
    observer: Any
    sun_alt: np.ndarray

    @property
    def dark(self) -> np.ndarray:
        """Astronomical darkness: the Sun more than 18° below the horizon."""
        return self.sun_alt < -18

    def best_in_dark(self, where: Site, ra_deg: np.ndarray, dec_deg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Highest altitude in darkness (°; −90 without darkness) of fixed positions, and the sample it is reached at.

        Geometric altitudes from the local sidereal time of each sample (no refraction, positions as given); done in
        chunks so that a whole catalog fits in memory.
        """
        lat = np.radians(where.latitude_deg)
        lst = np.radians(self.t.gast * 15.0 + where.longitude_deg)  # local sidereal time per sample
        best_alt, best_index = np.empty(len(ra_deg)), np.empty(len(ra_deg), dtype=int)
        for start in range(0, len(ra_deg), 10_000):
            ra, dec = np.radians(ra_deg[start : start + 10_000]), np.radians(dec_deg[start : start + 10_000])
            hour_angle = lst[:, None] - ra[None, :]
            sin_alt = np.sin(lat) * np.sin(dec) + np.cos(lat) * np.cos(dec) * np.cos(hour_angle)
            alt_dark = np.where(self.dark[:, None], np.degrees(np.arcsin(sin_alt)), -90.0)
            best_alt[start : start + 10_000] = alt_dark.max(axis=0)
            best_index[start : start + 10_000] = alt_dark.argmax(axis=0)
        return best_alt, best_index

    def describe(self, where: Site) -> dict[str, Any]:
        """The site and the night's darkness, as the tools report them."""
        dark, step_h = self.dark, float(self.minutes[1] - self.minutes[0]) / 60
        return {
            "site": _site_data(where),
            "night_of": self.day.strftime("%Y-%m-%d"),
            "dark_hours": round(float(dark.sum() * step_h), 2),
            "dark_start_utc": _iso(self.t[int(np.flatnonzero(dark)[0])]) if dark.any() else None,
            "dark_end_utc": _iso(self.t[int(np.flatnonzero(dark)[-1])]) if dark.any() else None,
        }


def visible_in_dark(site: str, date: str, ra_deg: np.ndarray, dec_deg: np.ndarray) -> tuple[dict[str, Any], np.ndarray]:
    """The night at a site (site, darkness) and the highest altitude in darkness of each position (for filters)."""
    where = find_site(site)
    night = _night(where, date, step_minutes=10)
    best_alt, _index = night.best_in_dark(where, ra_deg, dec_deg)
    return night.describe(where), best_alt


def _night(where: Site, date: str, step_minutes: int) -> _Night:
    ts, eph = _skyfield()
    day = _when(date).replace(hour=12, minute=0, second=0)
    start = day - dt.timedelta(hours=where.longitude_deg / 15.0)  # local mean noon
    minutes = np.arange(0, 24 * 60 + 1, step_minutes)
    t = ts.from_datetimes([start + dt.timedelta(minutes=int(m)) for m in minutes])
    observer = eph["earth"] + _topos(where)
    sun_alt = observer.at(t).observe(eph["sun"]).apparent().altaz()[0].degrees
    return _Night(day, start, minutes, t, observer, sun_alt)


@tool("ephemeris")
def whats_up(
    ctx: ToolContext,
    date: TimeText,
    site: SiteName = None,
    latitude_deg: Latitude = None,
    longitude_deg: Longitude = None,
    elevation_m: Elevation = 0.0,
    min_altitude_deg: Annotated[float, Field(ge=0, le=89), Kind("altitude_limit")] = 30.0,
    limit: Annotated[int, Field(ge=1, le=110), Kind("count")] = 10,
) -> ToolResult:
    """What is up on a night from a site: planets and the Moon, and the best-placed Messier objects.

    A planet counts when it climbs above the altitude limit during astronomical darkness; Messier objects
    (J2000 positions, precession neglected, ~0.3°) are those above the limit in darkness, brightest first.

    Args:
        date: Evening date of the night, YYYY-MM-DD (the night runs from local noon to local noon).
        site: Observatory name (Kitt Peak, Cerro Tololo, Mauna Kea, Paranal, ...).
        latitude_deg: Observer latitude in degrees, instead of a site.
        longitude_deg: Observer longitude in degrees east, instead of a site.
        elevation_m: Observer elevation in metres (with latitude/longitude).
        min_altitude_deg: Altitude limit in degrees that counts as observable.
        limit: How many Messier objects to list.
    """
    _ts, eph = _skyfield()
    where = _observer_site("whats_up", site, latitude_deg, longitude_deg, elevation_m)
    if where is None:
        raise InvalidArguments("whats_up", ["give an observing site (e.g. 'Paranal') or latitude_deg/longitude_deg"])
    night = _night(where, date, step_minutes=10)
    dark, t, step_h = night.dark, night.t, 10 / 60
    data: dict[str, Any] = {**night.describe(where), "min_altitude_deg": min_altitude_deg}
    if not dark.any():
        data.update(planets=[], messier=[], moon=None)
        summary = f"No astronomical darkness at {where.name} on the night of {data['night_of']}"
        return ToolResult(data=data, summary=summary, sources=[DE421])
    planets = []
    for name in ("Moon", "Mercury", "Venus", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"):
        alt = night.observer.at(t).observe(eph[SOLAR_SYSTEM[name.lower()]]).apparent().altaz()[0].degrees
        in_dark = np.where(dark, alt, -90.0)
        best = int(np.argmax(in_dark))
        entry: dict[str, Any] = {
            "name": name,
            "max_altitude_deg": round(float(in_dark[best]), 1),
            "best_time_utc": _iso(t[best]),
            "hours_above_limit": round(float((in_dark >= min_altitude_deg).sum() * step_h), 2),
        }
        if name == "Moon":
            apparent = eph["earth"].at(t[best]).observe(eph["moon"]).apparent()
            entry["illuminated_percent"] = round(100 * float(apparent.fraction_illuminated(eph["sun"])), 1)
            data["moon"] = entry
        elif entry["max_altitude_deg"] >= min_altitude_deg:
            planets.append(entry)
    data["planets"] = planets
    _index, cols = ctx.store.columns("ngc")
    messier = np.flatnonzero(~np.isnan(cols["messier"].astype(float)) & (cols["type_code"] != "Dup"))
    best_alt, best_time = night.best_in_dark(
        where, cols["ra_deg"][messier].astype(float), cols["dec_deg"][messier].astype(float)
    )
    vmag = cols["vmag"][messier].astype(float)
    mags = np.where(np.isnan(vmag), cols["bmag"][messier].astype(float), vmag)
    up = np.flatnonzero(best_alt >= min_altitude_deg)
    up = up[np.lexsort((-best_alt[up], np.where(np.isnan(mags[up]), 99, mags[up])))]
    data["messier_up_count"] = int(up.size)
    data["messier"] = [
        {
            "name": f"M{int(cols['messier'][messier[i]])}",
            "id": str(cols["name"][messier[i]]),
            "object_type": str(cols["object_type"][messier[i]]),
            "magnitude": None if np.isnan(mags[i]) else round(float(mags[i]), 2),
            "max_altitude_deg": round(float(best_alt[i]), 1),
            "best_time_utc": _iso(t[int(best_time[i])]),
            "constellation": cols["constellation"][messier[i]],
        }
        for i in up[:limit]
    ]
    shown = ", ".join(f"{p['name']} ({p['max_altitude_deg']:.0f}°)" for p in planets) or "no planets"
    summary = (
        f"Night of {data['night_of']} at {where.name} ({data['dark_hours']:.1f} h dark): {shown} above "
        f"{min_altitude_deg:g}°; {up.size} Messier objects well placed, brightest "
        + ", ".join(m["name"] for m in data["messier"][:5])
    )
    return ToolResult(data=data, summary=summary, sources=[DE421, ctx.store.citation("ngc")])


@tool("ephemeris")
def observability(
    ctx: ToolContext,
    target: Annotated[str, Field(min_length=1, max_length=200), Kind("object")],
    date: TimeText,
    site: SiteName = None,
    latitude_deg: Latitude = None,
    longitude_deg: Longitude = None,
    elevation_m: Elevation = 0.0,
    min_altitude_deg: Annotated[float, Field(ge=0, le=89), Kind("altitude_limit")] = 30.0,
) -> ToolResult:
    """How well a target can be observed during one night from a site.

    The night runs from local noon of the date to the next local noon: altitude curve plot, astronomical
    darkness, hours above an altitude limit, the Moon.

    Args:
        target: 'Moon', a planet, any catalog object name, or a constellation (its centre).
        date: Evening date of the night, YYYY-MM-DD (the night runs from local noon to local noon).
        site: Observatory name (Kitt Peak, Cerro Tololo, Mauna Kea, Paranal, ...).
        latitude_deg: Observer latitude in degrees, instead of a site.
        longitude_deg: Observer longitude in degrees east, instead of a site.
        elevation_m: Observer elevation in metres (with latitude/longitude).
        min_altitude_deg: Altitude limit in degrees that counts as observable.
    """
    _ts, eph = _skyfield()
    where = _observer_site("observability", site, latitude_deg, longitude_deg, elevation_m)
    if where is None:
        raise InvalidArguments(
            "observability", ["give an observing site (e.g. 'Paranal') or latitude_deg/longitude_deg"]
        )
    body, label, fixed = _body(ctx, "observability", target)
    night = _night(where, date, step_minutes=5)
    day, start, minutes, t, observer = night.day, night.start, night.minutes, night.t, night.observer
    alt = observer.at(t).observe(body).apparent().altaz()[0].degrees
    sun_alt = night.sun_alt
    moon_alt = observer.at(t).observe(eph["moon"]).apparent().altaz()[0].degrees
    dark = night.dark
    good = dark & (alt >= min_altitude_deg)
    step_h = 5 / 60
    dark_idx = np.flatnonzero(dark)
    best = int(np.argmax(np.where(dark, alt, -90))) if dark.any() else int(np.argmax(alt))
    data: dict[str, Any] = {
        "target": label,
        "site": _site_data(where),
        "night_of": day.strftime("%Y-%m-%d"),
        "dark_start_utc": _iso(t[int(dark_idx[0])]) if dark.any() else None,
        "dark_end_utc": _iso(t[int(dark_idx[-1])]) if dark.any() else None,
        "dark_hours": round(float(dark.sum() * step_h), 2),
        "hours_above_limit_in_dark": round(float(good.sum() * step_h), 2),
        "min_altitude_deg": min_altitude_deg,
        "max_altitude_deg": round(float(alt.max()), 2),
        "best_time_utc": _iso(t[best]),
        "best_altitude_deg": round(float(alt[best]), 2),
    }
    artifact = _altitude_plot(ctx, label, where, data, minutes, alt, sun_alt, moon_alt, min_altitude_deg, start)
    summary = (
        f"{label} from {where.name}, night of {data['night_of']}: {data['hours_above_limit_in_dark']:.1f} h above "
        f"{min_altitude_deg:g}° in astronomical darkness ({data['dark_hours']:.1f} h dark); highest in the dark at "
        f"{data['best_time_utc'][11:16]} UTC ({data['best_altitude_deg']:.1f}°)"
    )
    sources = [DE421] if fixed is None else [*fixed.sources, DE421]
    return ToolResult(data=data, summary=summary, artifacts=[artifact], sources=sources)


def _altitude_plot(
    ctx: ToolContext,
    label: str,
    where: Site,
    data: dict[str, Any],
    minutes: Any,
    alt: Any,
    sun_alt: Any,
    moon_alt: Any,
    min_alt: float,
    start: dt.datetime,
) -> Artifact:
    hours = minutes / 60.0
    short = label.split(" (")[0]
    fig = new_figure(8, 4)
    ax = fig.subplots()
    ax.fill_between(hours, -90, 90, where=sun_alt < -18, color="#1b2a49", alpha=0.25, label="astronomical night")
    ax.fill_between(
        hours, -90, 90, where=(sun_alt < 0) & (sun_alt >= -18), color="#8aa1c1", alpha=0.2, label="twilight"
    )
    ax.plot(hours, alt, color="crimson", lw=2, label=short)
    ax.plot(hours, moon_alt, color="grey", lw=1, ls="--", label="Moon")
    ax.axhline(min_alt, color="k", lw=0.8, ls=":")
    ax.set_ylim(0, 90)
    ax.set_xlim(hours[0], hours[-1])
    ticks = np.arange(0, 25, 3)
    ax.set_xticks(ticks)
    ax.set_xticklabels([(start + dt.timedelta(hours=int(h))).strftime("%H:%M") for h in ticks])
    ax.set_xlabel("UTC (from local noon)")
    ax.set_ylabel("altitude [deg]")
    ax.set_title(f"{short} from {where.name}, night of {data['night_of']}", fontsize=9)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    path = ctx.artifact_path(f"altitude_{normalize(short)}_{normalize(where.name)}_{data['night_of']}", ".png")
    save_png(fig, path)
    return Artifact.from_file(path, "image/png", f"Altitude of {short} from {where.name}, night of {data['night_of']}")
