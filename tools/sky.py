"""Sky tools: coordinate frames, separations, constellations, units, parallaxes and magnitudes (astropy)."""

from __future__ import annotations

import math
import re
import warnings
from typing import Annotated, Any, Literal

import astropy.constants as const
import astropy.units as u
from aeiou_agent.tools._targets import (
    ASTROPY,
    DecDeg,
    RaDeg,
    TargetName,
    format_dec,
    format_ra,
    locate,
    object_constellation,
)
from astropy.coordinates import SkyCoord
from pydantic import Field

from aeiou_agent.answer import Citation
from aeiou_agent.exceptions import InvalidArguments, UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool

Frame = Literal["icrs", "fk5", "fk4", "galactic", "supergalactic", "ecliptic"]

_FRAMES: dict[str, dict[str, Any]] = {
    "icrs": {"frame": "icrs", "lon": "ra", "lat": "dec", "title": "ICRS"},
    "fk5": {"frame": "fk5", "lon": "ra", "lat": "dec", "title": "FK5 (J2000)", "kwargs": {"equinox": "J2000"}},
    "fk4": {"frame": "fk4", "lon": "ra", "lat": "dec", "title": "FK4 (B1950)", "kwargs": {"equinox": "B1950"}},
    "galactic": {"frame": "galactic", "lon": "l", "lat": "b", "title": "Galactic"},
    "supergalactic": {"frame": "supergalactic", "lon": "sgl", "lat": "sgb", "title": "Supergalactic"},
    "ecliptic": {"frame": "barycentricmeanecliptic", "lon": "lon", "lat": "lat", "title": "Ecliptic (J2000 mean)"},
}


def _frame(name: str) -> Any:
    spec = _FRAMES[name]
    from astropy.coordinates import frame_transform_graph

    cls = frame_transform_graph.lookup_name(spec["frame"])
    return cls(**spec.get("kwargs", {}))


def _lon_lat(coord: SkyCoord) -> tuple[float, float]:
    sph = coord.spherical
    return float(sph.lon.deg), float(sph.lat.deg)


@tool("sky")
def convert_coordinates(
    ctx: ToolContext,
    target: TargetName = None,
    lon_deg: Annotated[float | None, Field(ge=-360, le=360), Kind("sky_position")] = None,
    lat_deg: Annotated[float | None, Field(ge=-90, le=90), Kind("sky_position")] = None,
    from_frame: Annotated[Frame, Kind("frame")] = "icrs",
    to_frame: Annotated[Frame, Kind("frame")] = "galactic",
) -> ToolResult:
    """Convert a position between ICRS, FK5, FK4, galactic, supergalactic and ecliptic frames.

    Also gives RA/Dec in sexagesimal.

    Args:
        target: Object name or coordinate string (ICRS, decimal or sexagesimal), instead of lon/lat.
        lon_deg: Longitude in from_frame (RA for equatorial frames, l for galactic), degrees.
        lat_deg: Latitude in from_frame (Dec, b, ...), degrees.
        from_frame: Frame of lon_deg/lat_deg.
        to_frame: Frame to convert to.
    """
    sources: list[Citation] = []
    if lon_deg is not None or lat_deg is not None:
        if lon_deg is None or lat_deg is None:
            raise InvalidArguments("convert_coordinates", ["give both lon_deg and lat_deg, or a target"])
        lon = lon_deg % 360.0
        start = SkyCoord(lon * u.deg, lat_deg * u.deg, frame=_frame(from_frame))
        label = f"({lon:.4f}°, {lat_deg:+.4f}°) {_FRAMES[from_frame]['title']}"
    else:
        found = locate(ctx, "convert_coordinates", target)
        start = found.coord
        label = found.label
        sources = found.sources
        from_frame = "icrs"
    icrs = start.transform_to("icrs")
    out = icrs.transform_to(_frame(to_frame))
    lon_out, lat_out = _lon_lat(out)
    spec = _FRAMES[to_frame]
    data: dict[str, Any] = {
        "input": label,
        "from_frame": from_frame,
        "to_frame": to_frame,
        "lon_deg": round(lon_out, 6),
        "lat_deg": round(lat_out, 6),
        "lon_name": spec["lon"],
        "lat_name": spec["lat"],
        "icrs_ra_deg": round(float(icrs.ra.deg), 6),
        "icrs_dec_deg": round(float(icrs.dec.deg), 6),
        "icrs_ra_hms": format_ra(float(icrs.ra.deg)),
        "icrs_dec_dms": format_dec(float(icrs.dec.deg)),
    }
    if spec["lon"] == "ra":
        data["ra_hms"] = format_ra(lon_out)
        data["dec_dms"] = format_dec(lat_out)
    summary = f"{label} in {spec['title']}: {spec['lon']} = {lon_out:.4f}°, {spec['lat']} = {lat_out:+.4f}°"
    if "ra_hms" in data:
        summary += f" ({data['ra_hms']}, {data['dec_dms']})"
    return ToolResult(data=data, summary=summary, sources=[*sources, ASTROPY])


@tool("sky")
def angular_separation(
    ctx: ToolContext,
    target_1: Annotated[str, Field(min_length=1, max_length=200), Kind("object", "sky_position")],
    target_2: Annotated[str, Field(min_length=1, max_length=200), Kind("object", "sky_position")],
    time_utc: Annotated[str | None, Field(min_length=8, max_length=40), Kind("time")] = None,
) -> ToolResult:
    """Angular distance on the sky between two objects or positions.

    Also the position angle of the second as seen from the first. The Sun, the Moon and the planets are where the
    ephemeris puts them (geocentric, astrometric) at ``time_utc``.

    Args:
        target_1: First object name or coordinate string.
        target_2: Second object name or coordinate string.
        time_utc: Moment for Solar System bodies, YYYY-MM-DDTHH:MM (UTC); now if not given.
    """
    from aeiou_agent.tools.ephemeris import body_target

    first = body_target(target_1, time_utc) or locate(ctx, "angular_separation", target_1)
    second = body_target(target_2, time_utc) or locate(ctx, "angular_separation", target_2)
    sep = first.coord.separation(second.coord)
    pa = first.coord.position_angle(second.coord)
    data = {
        "target_1": first.label,
        "target_2": second.label,
        "separation_deg": round(float(sep.deg), 6),
        "separation_arcmin": round(float(sep.arcmin), 4),
        "separation_arcsec": round(float(sep.arcsec), 3),
        "position_angle_deg": round(float(pa.deg), 3),
    }
    moments = [t.time_utc for t in (first, second) if t.time_utc]
    if moments:
        data["time_utc"] = moments[0]
    summary = (
        f"{first.label} and {second.label} are {sep.deg:.4f}° apart ({sep.arcmin:.2f}′); "
        f"position angle {pa.deg:.1f}° east of north"
    )
    return ToolResult(
        data=data, summary=summary, sources=list(dict.fromkeys([*first.sources, *second.sources, ASTROPY]))
    )


@tool("sky")
def constellation(
    ctx: ToolContext,
    target: TargetName = None,
    ra_deg: RaDeg = None,
    dec_deg: DecDeg = None,
) -> ToolResult:
    """The IAU constellation that contains an object or position.

    Args:
        target: Object name or coordinate string.
        ra_deg: Right ascension in degrees (ICRS), instead of a target.
        dec_deg: Declination in degrees (ICRS), instead of a target.
    """
    found = locate(ctx, "constellation", target, ra_deg, dec_deg)
    name, abbr = object_constellation(found.obj, found.ra_deg, found.dec_deg)
    data = {
        "target": found.label,
        "constellation": name,
        "constellation_abbr": abbr,
        "ra_deg": round(found.ra_deg, 6),
        "dec_deg": round(found.dec_deg, 6),
    }
    return ToolResult(data=data, summary=f"{found.label} is in {name} ({abbr})", sources=[*found.sources, ASTROPY])


_UNIT_SYNONYMS = {
    "light year": "lyr",
    "light-year": "lyr",
    "lightyear": "lyr",
    "ly": "lyr",
    "lyr": "lyr",
    "parsec": "pc",
    "kiloparsec": "kpc",
    "megaparsec": "Mpc",
    "gigaparsec": "Gpc",
    "astronomical unit": "AU",
    "au": "AU",
    "kilometer": "km",
    "kilometre": "km",
    "meter": "m",
    "metre": "m",
    "centimeter": "cm",
    "mile": "mi",
    "foot": "ft",
    "feet": "ft",
    "inch": "inch",
    "yard": "yd",
    "centimetre": "cm",
    "pound": "lb",
    "arcsecond": "arcsec",
    "arc second": "arcsec",
    "arcminute": "arcmin",
    "arc minute": "arcmin",
    "degree": "deg",
    "radian": "rad",
    "milliarcsecond": "mas",
    "microarcsecond": "uas",
    "hour angle": "hourangle",
    "hms": "hourangle",
    "h m s": "hourangle",
    "hours, minutes and seconds": "hourangle",
    "solar mass": "M_sun",
    "msun": "M_sun",
    "solar radius": "R_sun",
    "solar radii": "R_sun",
    "rsun": "R_sun",
    "solar luminosity": "L_sun",
    "lsun": "L_sun",
    "earth mass": "M_earth",
    "jupiter mass": "M_jup",
    "earth radius": "R_earth",
    "earth radii": "R_earth",
    "jupiter radius": "R_jup",
    "jupiter radii": "R_jup",
    "jansky": "Jy",
    "millijansky": "mJy",
    "angstrom": "Angstrom",
    "nanometer": "nm",
    "nanometre": "nm",
    "micron": "um",
    "micrometer": "um",
    "micrometre": "um",
    "millimeter": "mm",
    "electronvolt": "eV",
    "kiloelectronvolt": "keV",
    "kelvin": "K",
    "celsius": "deg_C",
    "degrees celsius": "deg_C",
    "degree celsius": "deg_C",
    "fahrenheit": "deg_F",
    "degrees fahrenheit": "deg_F",
    "degree fahrenheit": "deg_F",
    "hertz": "Hz",
    "gigahertz": "GHz",
    "megahertz": "MHz",
    "year": "yr",
    "gigayear": "Gyr",
    "megayear": "Myr",
    "day": "day",
    "second": "s",
    "erg per second": "erg/s",
    "watt": "W",
    "joule": "J",
    "gram": "g",
    "kilogram": "kg",
}


_NO_PLURAL_S = frozenset({"celsius", "fahrenheit", "feet", "foot", "hertz", "inch", "kelvin", "lsun", "msun"})
# unit names people write out, plural included (what a misspelled unit is read as: 'radinas' → 'radians')
UNIT_WORDS = frozenset(
    f"{name}{plural}"
    for name in (*(k for k in _UNIT_SYNONYMS if k.isalpha() and len(k) >= 4), "radian", "arcsecond", "arcminute")
    for plural in ("", *(() if name in _NO_PLURAL_S else ("s",)))
)
# the distance light travels in a second, minute, hour, day ('how many light minutes is the Sun from Earth?')
_LIGHT_TIMES = {
    f"light {span}": u.def_unit(f"light {span}", (const.c * (1 * unit)).to(u.m))
    for span, unit in (("second", u.s), ("minute", u.min), ("hour", u.h), ("day", u.day))
}
_UNIT_WORD = re.compile(r"(?:(?!\d)\w)+")  # what astropy's unit lexer reads as one unit name


def _names_known(candidate: str) -> bool:
    """Whether every word of ``candidate`` is a unit name astropy knows (with the units enabled now).

    A phrase with an unknown word is no unit; asking astropy anyway costs ~40 ms, spent composing a
    'did you mean' message over its whole registry, and the planner tries many phrases per question.
    """
    registry = u.get_current_unit_registry()
    return all(word in registry.registry or word in registry.aliases for word in _UNIT_WORD.findall(candidate))


def parse_unit(text: str) -> u.UnitBase:
    """An astropy unit from what people type ('light years', 'parsecs', 'km/s', 'solar masses')."""
    from astropy.units import imperial

    key = re.sub(r"\s+", " ", text.strip().lower())
    candidates = [key, key.rstrip("s"), key[:-2] if key.endswith("es") else key, key.replace("ies", "y")]
    with imperial.enable():  # 'feet', 'miles', 'inches' as people type them
        for candidate in candidates:
            light_time = _LIGHT_TIMES.get(candidate.replace("-", " "))
            if light_time is not None:
                return light_time
            if candidate in _UNIT_SYNONYMS:
                return u.Unit(_UNIT_SYNONYMS[candidate])
        for candidate in dict.fromkeys((text.strip(), *candidates)):  # 'minutes', 'seconds': astropy knows the singular
            if not _names_known(candidate):
                continue
            try:
                with warnings.catch_warnings():  # 'erg/s/cm2/Hz' is read fine; astropy only warns about FITS style
                    warnings.simplefilter("ignore", u.UnitsWarning)
                    return u.Unit(candidate)
            except ValueError:
                continue
    raise UserError(f"I don't know the unit {text!r}; try e.g. pc, lyr, AU, km, arcsec, mas, Jy, nm, eV")


# a system of units asked for instead of one unit ('1 Jy in SI units'): the quantity in its base units
_UNIT_SYSTEMS = {"si": "si", "si units": "si", "cgs": "cgs", "cgs units": "cgs", "mks": "si"}


def _unit_system(text: str) -> str | None:
    return _UNIT_SYSTEMS.get(re.sub(r"\s+", " ", text.strip().lower()))


def is_unit(text: str) -> bool:
    """Whether ``text`` names a unit :func:`parse_unit` understands, or a system of units ('SI units')."""
    if _unit_system(text):
        return True
    try:
        parse_unit(text)
    except UserError:
        return False
    return True


_EQUIVALENCIES = [*u.parallax(), *u.spectral(), *u.temperature(), *u.temperature_energy(), *u.mass_energy()]
_TIME_AS_RIGHT_ASCENSION = [(u.hour, u.hourangle, lambda x: x, lambda x: x)]  # minutes and seconds scale with it


@tool("sky")
def convert_units(
    ctx: ToolContext,
    value: Annotated[float, Kind("number")],
    from_unit: Annotated[str, Field(min_length=1, max_length=60), Kind("unit")],
    to_unit: Annotated[str, Field(min_length=1, max_length=60), Kind("unit")],
    label: Annotated[str | None, Field(max_length=200), Kind("label")] = None,
) -> ToolResult:
    """Convert a quantity between units with astropy.

    Includes parallax↔distance, wavelength↔frequency↔energy and temperatures.

    Args:
        value: The number to convert.
        from_unit: Unit of the value (e.g. pc, light years, arcsec, mas, nm, GHz, eV, solar masses).
        to_unit: Unit wanted.
        label: What the value is, when it comes from another tool ('the parallax of Procyon').
    """
    source, system = parse_unit(from_unit), _unit_system(to_unit)
    target = None if system else parse_unit(to_unit)
    read_as = None
    try:
        if system:  # 'in SI units': astropy's decomposition into the system's base units
            converted = getattr(value * source, system)
        else:
            converted = (value * source).to(target, equivalencies=_EQUIVALENCIES)
    except u.UnitConversionError:
        # 'how many degrees is 1 hour of right ascension': time between an angle and a time is right ascension's
        try:
            converted = (value * source).to(target, equivalencies=_TIME_AS_RIGHT_ASCENSION)
        except u.UnitConversionError:
            raise UserError(f"{source} cannot be converted to {target}: they measure different things") from None
        read_as = "the time as an hour angle (right ascension): 1 h = 15°"
    unit_out = converted.unit if system else target
    assert unit_out is not None
    target = unit_out
    result = float(converted.value)
    if not math.isfinite(result):
        raise UserError(f"{value} {source} has no finite value in {target}")
    data: dict[str, Any] = {
        "value": value,
        "from_unit": source.to_string(),
        "to_unit": target.to_string(),
        "result": result,
    }
    if read_as:
        data["read_as"] = read_as
    if label:
        data["label"] = label
    summary = f"{value:g} {source.to_string()} = {result:.6g} {target.to_string()}"
    if source == u.hourangle:  # '23h 59m 59s to degrees': the input as written, the degrees to a second of time
        data["sexagesimal_in"] = format_ra(value * 15.0)
    if target == u.hourangle:  # an angle in hours is read as hours, minutes and seconds
        data["sexagesimal"] = format_ra(float(converted.to_value(u.deg)))
        summary += f" ({data['sexagesimal']})"
    return ToolResult(data=data, summary=summary, sources=[ASTROPY])


PC_TO_LY = float((1 * u.pc).to(u.lyr).value)
C_KM_S = float(const.c.to_value(u.km / u.s))


@tool("sky")
def doppler_shift(
    ctx: ToolContext,
    velocity_km_s: Annotated[float | None, Field(gt=-C_KM_S, lt=C_KM_S), Kind("velocity")] = None,
    z: Annotated[float | None, Field(gt=-1, le=1e4), Kind("redshift")] = None,
) -> ToolResult:
    """Redshift of a line-of-sight velocity, or the velocity of a redshift, by the Doppler formula.

    Relativistic, 1 + z = sqrt((1 + v/c) / (1 − v/c)) (astropy's doppler_redshift), beside the low-velocity cz.
    A galaxy's cosmological redshift is no Doppler velocity beyond a few hundred Mpc: distances at a redshift come
    from the cosmology calculator.

    Args:
        velocity_km_s: Radial velocity in km/s (positive: receding).
        z: Redshift (negative: blueshift), instead of a velocity.
    """
    if (velocity_km_s is None) == (z is None):
        raise InvalidArguments("doppler_shift", ["give a velocity_km_s or a redshift z, one of the two"])
    if velocity_km_s is not None:
        z = float((velocity_km_s * u.km / u.s).to_value(u.dimensionless_unscaled, equivalencies=u.doppler_redshift()))
        derived = "z"
    else:
        assert z is not None
        velocity_km_s = float((z * u.dimensionless_unscaled).to_value(u.km / u.s, equivalencies=u.doppler_redshift()))
        derived = "velocity_km_s"
    data = {
        "derived": derived,
        "velocity_km_s": velocity_km_s,
        "z": z,
        "z_cz": velocity_km_s / C_KM_S if derived == "z" else None,  # the low-velocity approximation z = v/c
        "cz_km_s": z * C_KM_S,  # the velocity z × c often quoted for galaxies
        "beta": velocity_km_s / C_KM_S,
    }
    summary = f"v = {velocity_km_s:.6g} km/s ↔ z = {z:.6g} (relativistic Doppler; cz = {z * C_KM_S:.6g} km/s)"
    return ToolResult(data=data, summary=summary, sources=[ASTROPY])


@tool("sky")
def parallax_distance(
    ctx: ToolContext,
    parallax_mas: Annotated[float | None, Kind("parallax")] = None,
    parallax_error_mas: Annotated[float | None, Field(ge=0), Kind("parallax")] = None,
    star_label: Annotated[str | None, Field(max_length=200), Kind("label")] = None,
    distance_pc: Annotated[float | None, Field(gt=0), Kind("distance")] = None,
) -> ToolResult:
    """Distance from a trigonometric parallax (d = 1/parallax), or the parallax a star at a distance would have.

    Distances come in parsecs and light years, with their uncertainty when the parallax has one.

    Args:
        parallax_mas: Parallax in milliarcseconds.
        parallax_error_mas: Uncertainty of the parallax in milliarcseconds, if known.
        star_label: Name of the star, for the answer text.
        distance_pc: A distance in parsecs, to give the parallax of (instead of parallax_mas).
    """
    if distance_pc is not None and parallax_mas is None:
        parallax = 1000.0 / distance_pc
        data = {
            "derived": "parallax",
            "distance_pc": distance_pc,
            "distance_ly": distance_pc * PC_TO_LY,
            "parallax_mas": parallax,
            "parallax_arcsec": parallax / 1000.0,
        }
        summary = f"{distance_pc:g} pc → parallax {parallax:.6g} mas"
        return ToolResult(data=data, summary=summary, sources=[ASTROPY])
    if parallax_mas is None or distance_pc is not None:
        raise UserError("give either a parallax (parallax_mas) or a distance (distance_pc), not both or neither")
    if parallax_mas <= 0:
        raise UserError(
            f"a parallax of {parallax_mas} mas does not give a distance (it must be positive); "
            "the star is too far for Hipparcos to measure"
        )
    dist_pc = 1000.0 / parallax_mas
    data = {
        "derived": "distance",
        "star": star_label,
        "parallax_mas": parallax_mas,
        "distance_pc": dist_pc,
        "distance_ly": dist_pc * PC_TO_LY,
    }
    summary = (
        f"{star_label + ': ' if star_label else ''}parallax {parallax_mas:g} mas → "
        f"{dist_pc:.2f} pc ({dist_pc * PC_TO_LY:.1f} ly)"
    )
    if parallax_error_mas is not None:
        err_pc = dist_pc * parallax_error_mas / parallax_mas
        fraction = parallax_error_mas / parallax_mas
        data.update(
            parallax_error_mas=parallax_error_mas,
            distance_error_pc=err_pc,
            distance_error_ly=err_pc * PC_TO_LY,
            fractional_error=fraction,
        )
        summary += f" ± {err_pc:.2f} pc"
        if fraction > 0.2:
            summary += " (parallax error above 20%: 1/parallax is biased, treat as rough)"
    return ToolResult(data=data, summary=summary, sources=[ASTROPY])


@tool("sky")
def magnitude_distance(
    ctx: ToolContext,
    apparent_mag: Annotated[float | None, Field(ge=-30, le=40), Kind("magnitude")] = None,
    absolute_mag: Annotated[float | None, Field(ge=-30, le=40), Kind("magnitude")] = None,
    distance_pc: Annotated[float | None, Field(gt=0), Kind("distance")] = None,
    parallax_mas: Annotated[float | None, Field(gt=0), Kind("parallax")] = None,
    band: Annotated[str | None, Field(max_length=12), Kind("magnitude")] = None,
) -> ToolResult:
    """Distance modulus m - M = 5 log10(d / 10 pc), in any photometric band.

    Give any two of apparent magnitude, absolute magnitude and distance (or parallax) to get the rest:
    the absolute magnitude of a star from its apparent magnitude and distance, how bright a star of known
    absolute magnitude looks from a distance, or how far away a star is. No extinction is applied.

    Args:
        apparent_mag: Apparent magnitude m.
        absolute_mag: Absolute magnitude M.
        distance_pc: Distance in parsecs.
        parallax_mas: Parallax in milliarcseconds (instead of distance_pc).
        band: The photometric band both magnitudes are in (V, B, G, K, Hp, ...), for the answer.
    """
    if parallax_mas is not None:
        if distance_pc is not None:
            raise InvalidArguments("magnitude_distance", ["give distance_pc or parallax_mas, not both"])
        distance_pc = 1000.0 / parallax_mas
    known = sum(v is not None for v in (apparent_mag, absolute_mag, distance_pc))
    if known < 2 and distance_pc is None:
        raise InvalidArguments(
            "magnitude_distance", ["give two of apparent_mag, absolute_mag and distance_pc/parallax_mas"]
        )
    derived = "distance_modulus"
    if distance_pc is not None:
        modulus = 5.0 * math.log10(distance_pc / 10.0)
        if apparent_mag is not None and absolute_mag is None:
            absolute_mag, derived = apparent_mag - modulus, "absolute_mag"
        elif absolute_mag is not None and apparent_mag is None:
            apparent_mag, derived = absolute_mag + modulus, "apparent_mag"
    else:
        assert apparent_mag is not None and absolute_mag is not None
        modulus = apparent_mag - absolute_mag
        distance_pc, derived = 10.0 ** (modulus / 5.0 + 1.0), "distance_pc"
    data = {
        "apparent_mag": apparent_mag,
        "absolute_mag": absolute_mag,
        "distance_pc": distance_pc,
        "distance_kpc": distance_pc / 1e3,
        "distance_mpc": distance_pc / 1e6,
        "distance_ly": distance_pc * PC_TO_LY,
        "distance_modulus": modulus,
        "derived": derived,
        "band": band,
    }
    parts = [f"distance modulus {modulus:.3f} mag at {distance_pc:.4g} pc"]
    if apparent_mag is not None:
        parts.append(f"m = {apparent_mag:.3f}")
    if absolute_mag is not None:
        parts.append(f"M = {absolute_mag:.3f}")
    return ToolResult(data=data, summary="; ".join(parts), sources=[ASTROPY])
