"""Where is the target? One place that turns a name or a coordinate string into a sky position."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated

import astropy.units as u
import numpy as np
from astropy.coordinates import Angle, SkyCoord
from pydantic import Field

from aeiou_agent.answer import Citation
from aeiou_agent.archives import RemotePosition, resolve_name
from aeiou_agent.archives import service as archive_service
from aeiou_agent.exceptions import InvalidArguments, ObjectNotFound, UserError
from aeiou_agent.registry import Kind, ToolContext
from aeiou_agent.store import CelestialObject
from aeiou_agent.store.names import ARCHIVE_DESIGNATION

ASTROPY = Citation(
    id="software:astropy",
    kind="software",
    title="Astropy (coordinates, units, cosmology)",
    reference="Astropy Collaboration 2022, ApJ 935, 167",
    version=__import__("astropy").__version__,
    license="BSD-3-Clause",
    url="https://www.astropy.org",
)

# The arguments every tool about a place on the sky takes: a name or coordinate string, or a position in degrees.
TargetName = Annotated[str | None, Field(max_length=200), Kind("object", "sky_position")]
RaDeg = Annotated[float | None, Field(ge=0, le=360), Kind("sky_position")]
DecDeg = Annotated[float | None, Field(ge=-90, le=90), Kind("sky_position")]

_DECIMAL_PAIR = re.compile(r"^\s*([+-]?\d+(?:\.\d*)?)\s*(?:d|deg|°)?\s*[, ]\s*([+-]?\d+(?:\.\d*)?)\s*(?:d|deg|°)?\s*$")
_SEXAGESIMAL_HINT = re.compile(r"\d\s*[h:]\s*\d|\d\s+\d+\s+\d")


@dataclass
class Target:
    """A position on the sky and what it is."""

    label: str
    ra_deg: float
    dec_deg: float
    obj: CelestialObject | None = None
    sources: list[Citation] = field(default_factory=list)
    time_utc: str = ""  # a Solar System body's moment (its position moves)

    @property
    def coord(self) -> SkyCoord:
        """ICRS SkyCoord of the target."""
        return SkyCoord(self.ra_deg * u.deg, self.dec_deg * u.deg, frame="icrs")


def check_position(ra_deg: float, dec_deg: float) -> None:
    """Raise a clear :class:`UserError` for a position that is not on the sky."""
    if not -90.0 <= dec_deg <= 90.0:
        raise UserError(f"declination {dec_deg}° is out of range: it must lie between -90° and +90°")
    if not 0.0 <= ra_deg <= 360.0:
        raise UserError(f"right ascension {ra_deg}° is out of range: it must lie between 0° and 360° (0h-24h)")


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """RA/Dec in degrees from '83.63 22.01', '05h34m31.9s +22d00m52s' or '05:34:31.9 +22:00:52'.

    Returns None when the text is not coordinates (e.g. an object name).
    """
    decimal = _DECIMAL_PAIR.match(text)
    if decimal:
        ra, dec = float(decimal.group(1)), float(decimal.group(2))
        check_position(ra, dec)
        return ra, dec
    if not _SEXAGESIMAL_HINT.search(text):
        return None
    try:
        coord = SkyCoord(text, unit=(u.hourangle, u.deg), frame="icrs")
    except (ValueError, u.UnitsError) as exc:
        raise UserError(f"could not read {text!r} as coordinates: {exc}") from None
    return float(coord.ra.deg), float(coord.dec.deg)


def format_ra(ra_deg: float) -> str:
    """RA as '05h34m31.94s'."""
    return str(Angle(ra_deg, u.deg).to_string(unit=u.hourangle, sep="hms", precision=2, pad=True))


def format_dec(dec_deg: float) -> str:
    """Dec as '+22d00m52.2s'."""
    return str(Angle(dec_deg, u.deg).to_string(unit=u.deg, sep="dms", precision=1, alwayssign=True, pad=True))


def sources_for(ctx: ToolContext, obj: CelestialObject) -> list[Citation]:
    """Datasets an object's data come from."""
    if obj.table == "asterism":  # a pattern of named Hipparcos stars
        return [ctx.store.citation("hipparcos"), ctx.store.citation("star_names")]
    sources = [ctx.store.citation(obj.table)]
    if obj.table == "hipparcos" and obj.name != obj.designation:
        sources.append(ctx.store.citation("star_names"))
    return sources


def locate(
    ctx: ToolContext, tool: str, target: str | None = None, ra_deg: float | None = None, dec_deg: float | None = None
) -> Target:
    """The position of a named object, a coordinate string, or explicit RA/Dec in degrees."""
    if ra_deg is not None or dec_deg is not None:
        if ra_deg is None or dec_deg is None:
            raise InvalidArguments(tool, ["give both ra_deg and dec_deg, or a target name"])
        check_position(ra_deg, dec_deg)
        return Target(f"RA {ra_deg:.4f}°, Dec {dec_deg:+.4f}°", ra_deg, dec_deg)
    if not target or not target.strip():
        raise InvalidArguments(tool, ["give a target (an object name or coordinates) or ra_deg and dec_deg"])
    coords = parse_coordinates(target)
    if coords is not None:
        return Target(f"RA {coords[0]:.4f}°, Dec {coords[1]:+.4f}°", coords[0], coords[1])
    try:
        obj = ctx.store.resolve(target)
    except ObjectNotFound as missing:
        remote = resolve_elsewhere(ctx, target, missing)
        label = f"{remote.main_id} (position from {remote.resolver})"
        return Target(label, remote.ra_deg, remote.dec_deg, sources=[archive_service("simbad").citation])
    return Target(obj.label, obj.ra_deg, obj.dec_deg, obj, sources_for(ctx, obj))


def resolve_elsewhere(ctx: ToolContext, name: str, missing: ObjectNotFound) -> RemotePosition:
    """Where SIMBAD puts a name the local catalogs lack (online); else ``missing``, saying when an archive might know.

    A misspelling with local suggestions stays a misspelling: it is not sent anywhere.
    """
    if missing.suggestions:
        raise missing
    if not ctx.settings.online:
        if ARCHIVE_DESIGNATION.fullmatch(name.strip()):
            raise ObjectNotFound(
                missing.name, hint="SIMBAD may know it: set AEIOU_ONLINE=1 to let AEIOU ask online archives."
            ) from None
        raise missing
    remote = resolve_name(ctx.settings, name.strip())
    if remote is None:
        raise ObjectNotFound(missing.name, hint="SIMBAD does not know it either.") from None
    return remote


def object_constellation(obj: CelestialObject | None, ra_deg: float, dec_deg: float) -> tuple[str, str]:
    """IAU constellation (full name, abbreviation) of an object at ``ra_deg``, ``dec_deg``.

    A Hipparcos star's was computed with the same astropy boundaries from the same position when the store was built
    (a lookup instead of ~13 ms of precession); OpenNGC's own column is not used, as it may disagree near a boundary.
    """
    abbreviation = obj.row.get("constellation") if obj is not None and obj.table == "hipparcos" else None
    if abbreviation:
        from aeiou_agent.store.catalogs import constellation_names

        return constellation_names()[abbreviation], abbreviation
    return constellation_of(ra_deg, dec_deg)


@cache
def _constellation_boundaries() -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """The IAU boundary rows astropy uses (Roman 1987, B1875): lower and upper RA (h), lower Dec (°), name."""
    from astropy.utils.data import get_pkg_data_contents

    rows = [
        line.split()
        for line in get_pkg_data_contents("data/constellation_data_roman87.dat", package="astropy.coordinates")
        .strip()
        .splitlines()
        if line.strip() and not line.startswith("#")
    ]
    columns = np.array([row[:3] for row in rows], dtype=float).T
    return columns[0], columns[1], columns[2], [row[3] for row in rows]


def constellation_of(ra_deg: float, dec_deg: float) -> tuple[str, str]:
    """IAU constellation (full name, abbreviation) containing an ICRS position.

    As astropy's get_constellation (the same precession to B1875 and the same boundary table), with the table
    scanned in one vectorised step instead of row by row in Python (most of its ~10 ms for one position).
    """
    import erfa
    from astropy.coordinates import PrecessedGeocentric

    from aeiou_agent.store.catalogs import constellation_names

    with warnings.catch_warnings():  # ERFA calls 1875 a 'dubious year'; it is plenty for constellations
        warnings.simplefilter("ignore", erfa.ErfaWarning)
        b1875 = SkyCoord(ra_deg * u.deg, dec_deg * u.deg, frame="icrs").transform_to(
            PrecessedGeocentric(equinox="B1875")
        )
    ra_lower_h, ra_upper_h, dec_lower_deg, names = _constellation_boundaries()
    ra_h, dec = float(b1875.ra.hour), float(b1875.dec.deg)
    inside = (ra_lower_h < ra_h) & (ra_h < ra_upper_h) & (dec > dec_lower_deg)
    if not inside.any():
        raise UserError(f"no constellation holds RA {ra_deg}°, Dec {dec_deg}°: is the position on the sky?")
    abbreviation = names[int(np.argmax(inside))]  # the first row that holds it, as astropy takes
    return constellation_names()[abbreviation], abbreviation
