"""Finder charts from the local catalogs: Hipparcos stars by magnitude, NGC/IC outlines from their sizes.

North up, east left (as the sky looks), on a gnomonic (TAN) projection of the field, with labels, a scale bar and,
for a time and site, the target's altitude and the parallactic angle (the direction of the zenith on the chart).
PNG for the screen, PDF for print. Works offline.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from aeiou_agent.tools._targets import ASTROPY, DecDeg, RaDeg, TargetName, format_dec, format_ra, locate
from aeiou_agent.tools.archives import cutout, gaia_sources
from aeiou_agent.tools.ephemeris import SiteName, _skyfield, _topos, find_site
from pydantic import Field

from aeiou_agent.answer import Artifact
from aeiou_agent.archives import Archive
from aeiou_agent.archives import service as archive_service
from aeiou_agent.exceptions import RemoteServiceError, UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool
from aeiou_agent.timeparse import format_utc, parse_utc

LABELLED_STARS = 8  # the brightest stars get their HIP number (or name) on the chart


def _field_wcs(ra_deg: float, dec_deg: float, field_deg: float, pixels: int) -> Any:
    """A TAN projection of the field, north up and east left, ``pixels`` across."""
    from astropy.wcs import WCS

    wcs = WCS(naxis=2)
    wcs.wcs.ctype = ["RA---TAN", "DEC--TAN"]
    wcs.wcs.crval = [ra_deg, dec_deg]
    wcs.wcs.crpix = [pixels / 2 + 0.5, pixels / 2 + 0.5]
    wcs.wcs.cdelt = [-field_deg / pixels, field_deg / pixels]  # RA grows to the left
    return wcs


def _scale_bar_arcmin(field_deg: float) -> float:
    """A round length near a quarter of the field, in arcminutes."""
    quarter = field_deg * 60 / 4
    return float(min((1, 2, 5, 10, 15, 20, 30, 60, 120, 300), key=lambda v: abs(math.log(v / quarter))))


def _observing(target_ra_deg: float, target_dec_deg: float, time_utc: str, site: str) -> dict[str, Any]:
    """Altitude, azimuth and parallactic angle of a fixed position at a time, from a site (skyfield)."""
    from skyfield.api import Star

    ts, eph = _skyfield()
    where = find_site(site)
    when = parse_utc(time_utc)
    t = ts.from_datetime(when)
    observer = eph["earth"] + _topos(where)
    apparent = observer.at(t).observe(Star(ra_hours=target_ra_deg / 15.0, dec_degrees=target_dec_deg)).apparent()
    alt, az, _distance = apparent.altaz()
    hour_angle, dec, _ = apparent.hadec()
    h, d, lat = hour_angle.radians, dec.radians, math.radians(where.latitude_deg)
    parallactic = math.degrees(math.atan2(math.sin(h), math.tan(lat) * math.cos(d) - math.sin(d) * math.cos(h)))
    return {
        "site": where.name,
        "time_utc": format_utc(when),
        "altitude_deg": float(alt.degrees),
        "azimuth_deg": float(az.degrees),
        "parallactic_angle_deg": parallactic,
    }


GAIA_G_MAX = 17.0  # Gaia stars drawn under Hipparcos when the archives are on: a finder needs faint stars
GAIA_MAX_ROWS = 5000


def _gaia_stars(
    ctx: ToolContext, ra_deg: float, dec_deg: float, radius_deg: float, wcs: Any, pixels: int
) -> dict[str, Any]:
    """Gaia stars on the chart (pixel positions) when online, and what happened, said plainly."""
    if not ctx.settings.online:
        return {"x": [], "y": [], "note": "offline: Hipparcos stars only (to about magnitude 12)"}
    try:
        _adql, found = gaia_sources(
            Archive(ctx.settings, "gaia"), ra_deg, dec_deg, min(radius_deg, 1.0), GAIA_G_MAX, GAIA_MAX_ROWS
        )
    except (RemoteServiceError, UserError) as exc:
        return {"x": [], "y": [], "note": f"Gaia stars could not be added: {exc}"}
    ras = [float(r["ra"]) for r in found.rows]
    decs = [float(r["dec"]) for r in found.rows]
    x, y = wcs.wcs_world2pix(ras, decs, 0) if ras else (np.array([]), np.array([]))
    inside = (x >= 0) & (x < pixels) & (y >= 0) & (y < pixels)
    more = " (cut at the row limit)" if found.overflow else ""
    return {
        "x": x[inside].tolist(),
        "y": y[inside].tolist(),
        "note": f"{int(inside.sum())} Gaia DR3 stars to G = {GAIA_G_MAX:g} added{more}",
    }


def _size(value: Any, default: float) -> float:
    """A catalog size or angle, or ``default`` where the catalog has none (NULL, NaN, 0)."""
    number = float(value) if value is not None else math.nan
    return number if math.isfinite(number) and number > 0 else default


BACKGROUND_SURVEY = "DSS2 red"


def _survey_background(
    ctx: ToolContext, ra_deg: float, dec_deg: float, field_deg: float, pixels: int
) -> tuple[Any, str]:
    """A DSS2 image of the field when online (hips2fits), and what happened, said plainly."""
    if not ctx.settings.online:
        return None, "no survey image (offline)"
    try:
        image, _header, _fetched = cutout(ctx, BACKGROUND_SURVEY, ra_deg, dec_deg, field_deg, pixels)
    except (RemoteServiceError, UserError) as exc:
        return None, f"the survey image could not be added: {exc}"
    return image, f"{BACKGROUND_SURVEY} image from hips2fits underneath"


@tool("sky")
def finder_chart(
    ctx: ToolContext,
    target: TargetName = None,
    field_deg: Annotated[float | None, Field(gt=0.01, le=30), Kind("radius")] = None,
    mag_max: Annotated[float | None, Field(ge=-2, le=14), Kind("magnitude_limit")] = None,
    time_utc: Annotated[str | None, Field(min_length=8, max_length=40), Kind("time")] = None,
    site: SiteName = None,
    ra_deg: RaDeg = None,
    dec_deg: DecDeg = None,
) -> ToolResult:
    """A finder chart of the field around an object or position, from the local catalogs (offline).

    Stars from Hipparcos sized by magnitude, NGC/IC objects drawn from their catalogued sizes and position angles,
    labels, a scale bar, north up and east left; with a time and site, the altitude and the parallactic angle
    (an arrow to the zenith). PNG and PDF.

    Args:
        target: Object name or coordinate string at the centre (or give ra_deg and dec_deg).
        field_deg: Width of the chart in degrees ('30 arcmin' is 0.5); by default 1°, or twice a larger object's
            catalogued size (M31: 6°), so that the whole object is in the chart.
        mag_max: Faintest stars to draw (Hipparcos Hp); by default all Hipparcos has (to about 12).
        time_utc: UTC time (YYYY-MM-DDTHH:MM) for the altitude and parallactic angle; needs a site.
        site: Observatory or city for the altitude and parallactic angle (with time_utc).
        ra_deg: Centre right ascension in degrees (ICRS), instead of a target.
        dec_deg: Centre declination in degrees (ICRS), instead of a target.
    """
    from matplotlib.patches import Ellipse

    center = locate(ctx, "finder_chart", target, ra_deg, dec_deg)
    if field_deg is None:
        size_arcmin = (center.obj.row.get("maj_axis_arcmin") if center.obj else None) or 0.0
        field_deg = min(30.0, max(1.0, math.ceil(4 * float(size_arcmin) / 60) / 2))  # to the next half degree
    pixels = 1000
    wcs = _field_wcs(center.ra_deg, center.dec_deg, field_deg, pixels)
    search_deg = field_deg * math.sqrt(2) / 2 + 0.01  # the corners of the square field

    star_index, stars = ctx.store.columns("hipparcos")
    found = star_index.query(center.ra_deg, center.dec_deg, search_deg)
    hp = stars["hpmag"][found.rows].astype(float)
    keep = ~np.isnan(hp) & (hp <= mag_max if mag_max is not None else True)
    rows, hp = found.rows[keep], hp[keep]
    x, y = wcs.wcs_world2pix(stars["ra_deg"][rows].astype(float), stars["dec_deg"][rows].astype(float), 0)
    inside = (x >= 0) & (x < pixels) & (y >= 0) & (y < pixels)
    rows, hp, x, y = rows[inside], hp[inside], x[inside], y[inside]
    order = np.argsort(hp)
    faintest = float(np.nanmax(hp)) if hp.size else 12.0

    deep_index, deep = ctx.store.columns("ngc")
    near = deep_index.query(center.ra_deg, center.dec_deg, search_deg)
    deep_rows = [r for r in near.rows if deep["type_code"][r] not in ("Dup", "NonEx")]

    fig = new_figure(7.0, 7.4)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_facecolor("white")
    background, background_note = _survey_background(ctx, center.ra_deg, center.dec_deg, field_deg, pixels)
    if background is not None:  # the same TAN geometry as the chart: pixel for pixel under it
        finite = background[np.isfinite(background)]
        low, high = np.percentile(finite, [5, 99.5]) if finite.size else (0.0, 1.0)
        ax.imshow(background, origin="lower", cmap="gray_r", vmin=low, vmax=high, alpha=0.6, zorder=0)
    gaia = _gaia_stars(ctx, center.ra_deg, center.dec_deg, search_deg, wcs, pixels)
    if gaia["x"]:
        ax.scatter(gaia["x"], gaia["y"], s=1.5, c="0.55", linewidths=0, zorder=1)
    sizes = np.minimum(3.0 * 2.0 ** (faintest - hp), 400.0)  # a magnitude brighter, twice the area
    ax.scatter(x, y, s=sizes, c="black", linewidths=0, zorder=2)
    star_names = ctx.store.star_names_by_hip
    labelled = []
    for i in order[:LABELLED_STARS]:
        hip = int(stars["hip"][rows[i]])
        label = (star_names.get(hip) or [f"HIP {hip}"])[0]
        ax.annotate(f"{label} ({hp[i]:.1f})", (x[i], y[i]), xytext=(5, 4), textcoords="offset points", fontsize=7)
        labelled.append({"hip": hip, "label": label, "hp_mag": float(hp[i])})
    objects = []
    scale_px_per_arcmin = pixels / (field_deg * 60)
    for r in deep_rows:
        ox, oy = wcs.wcs_world2pix([float(deep["ra_deg"][r])], [float(deep["dec_deg"][r])], 0)
        if not (0 <= ox[0] < pixels and 0 <= oy[0] < pixels):
            continue
        major = _size(deep["maj_axis_arcmin"][r], 1.0)  # an object without a size gets a 1' circle
        minor = _size(deep["min_axis_arcmin"][r], major)
        angle = _size(deep["pos_angle_deg"][r], 0.0)  # east of north; north up, east left: counter-clockwise
        ax.add_patch(
            Ellipse(
                (ox[0], oy[0]),
                width=minor * scale_px_per_arcmin,
                height=major * scale_px_per_arcmin,
                angle=angle,
                fill=False,
                edgecolor="tab:blue",
                linewidth=1.0,
            )
        )
        name = str(deep["name"][r])
        messier = deep["messier"][r]
        shown = f"M{int(messier)} ({name})" if messier and not np.isnan(float(messier)) else name
        ax.annotate(shown, (ox[0], oy[0]), xytext=(0, -10), textcoords="offset points", fontsize=7, color="tab:blue")
        objects.append({"name": shown, "type": str(deep["object_type"][r]), "major_axis_arcmin": major})

    ax.plot([pixels / 2], [pixels / 2], marker="+", markersize=18, color="tab:red", markeredgewidth=1.2)
    bar_arcmin = _scale_bar_arcmin(field_deg)
    bar_px = bar_arcmin * scale_px_per_arcmin
    ax.plot([pixels * 0.05, pixels * 0.05 + bar_px], [pixels * 0.05] * 2, color="black", linewidth=2)
    ax.annotate(f"{bar_arcmin:g}′", (pixels * 0.05 + bar_px / 2, pixels * 0.065), ha="center", fontsize=8)
    ax.annotate("N", (pixels * 0.93, pixels * 0.95), ha="center", fontsize=9, weight="bold")
    ax.annotate("E", (pixels * 0.86, pixels * 0.88), ha="center", fontsize=9, weight="bold")
    ax.annotate("", (pixels * 0.93, pixels * 0.94), (pixels * 0.93, pixels * 0.88), arrowprops={"arrowstyle": "->"})
    ax.annotate("", (pixels * 0.87, pixels * 0.88), (pixels * 0.93, pixels * 0.88), arrowprops={"arrowstyle": "->"})

    observing = None
    if time_utc and site:
        observing = _observing(center.ra_deg, center.dec_deg, time_utc, site)
        q = math.radians(observing["parallactic_angle_deg"])  # the zenith lies at this angle from north, via east
        dx, dy = -math.sin(q) * pixels * 0.08, math.cos(q) * pixels * 0.08
        ax.annotate(
            "",
            (pixels * 0.12 + dx, pixels * 0.88 + dy),
            (pixels * 0.12, pixels * 0.88),
            arrowprops={"arrowstyle": "->", "color": "tab:green"},
        )
        ax.annotate("zenith", (pixels * 0.12 + dx, pixels * 0.88 + dy), fontsize=7, color="tab:green")

    ax.set_xlim(0, pixels)
    ax.set_ylim(0, pixels)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    title = f"{center.label}  ·  RA {format_ra(center.ra_deg)}, Dec {format_dec(center.dec_deg)}  ·  " + (
        f"{field_deg:g}° field" if field_deg > 1 else f"{field_deg * 60:g}′ field"
    )
    if observing:
        title += (
            f"\n{observing['site']}, {observing['time_utc']}: altitude {observing['altitude_deg']:.1f}°, "
            f"parallactic angle {observing['parallactic_angle_deg']:+.1f}°"
        )
    ax.set_title(title, fontsize=8)
    stem = f"finder_{center.label}_{field_deg:g}_{mag_max}_{time_utc}_{site}"
    png = save_png(fig, ctx.artifact_path(stem, ".png"))
    pdf = ctx.artifact_path(stem, ".pdf")
    fig.savefig(pdf, format="pdf", metadata={"Creator": None, "Producer": None, "CreationDate": None})
    data: dict[str, Any] = {
        "center": {"label": center.label, "ra_deg": center.ra_deg, "dec_deg": center.dec_deg},
        "field_deg": field_deg,
        "field_arcmin": field_deg * 60,
        "mag_max": mag_max,
        "stars_drawn": int(rows.size),
        "faintest_drawn_hp": faintest if hp.size else None,
        "brightest": labelled,
        "deep_sky_objects": objects,
        "scale_bar_arcmin": bar_arcmin,
        "orientation": "north up, east left",
        "observing": observing,
        "gaia_stars_drawn": len(gaia["x"]),
        "gaia": gaia["note"],
        "background": background_note,
    }
    summary = f"Finder chart of {center.label}: {rows.size} stars, {len(objects)} NGC/IC objects, {field_deg:g}° field"
    artifacts = [
        Artifact.from_file(png, "image/png", f"Finder chart of {center.label}"),
        Artifact.from_file(pdf, "application/pdf", f"Finder chart of {center.label} (PDF, for print)"),
    ]
    sources = [*center.sources, ctx.store.citation("hipparcos"), ctx.store.citation("ngc"), ASTROPY]
    if gaia["x"]:
        sources.append(archive_service("gaia").citation)
    if background is not None:
        sources.append(archive_service("hips2fits").citation)
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=sources)
