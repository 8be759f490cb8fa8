"""Archive tools: what SIMBAD and NED say about an object (online only; see aeiou_agent/archives.py).

Offline, each answers with what it would need and how to switch the archives on; it never hangs or guesses.
Each result carries the archive's provenance (URL, request, response hash, fetch time), so the ledger keeps it and
``aeiou replay`` can re-derive the answer from the cached response.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal

from aeiou_agent.tools._plots import new_figure, save_png
from aeiou_agent.tools._targets import DecDeg, RaDeg, TargetName, format_dec, format_ra, locate
from pydantic import Field

from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.archives import (
    SERVICES,
    Archive,
    TapResult,
    adql_text,
    offline_message,
    plain_type,
    simbad_ident,
)
from aeiou_agent.archives import service as archive_service
from aeiou_agent.exceptions import RemoteServiceError, UserError
from aeiou_agent.registry import REGISTRY, Kind, ToolContext, ToolResult, tool

MAX_BIBCODES = 5


def _online_archive(ctx: ToolContext, tool_name: str, service_name: str) -> Archive:
    """The archive a tool asks; offline, the tool's declared offline answer (tools/archives.yaml)."""
    if not ctx.settings.online:
        raise RemoteServiceError(offline_message(REGISTRY.get(tool_name).declaration.offline))
    return Archive(ctx.settings, service_name)


@tool("archive")
def simbad_object(
    ctx: ToolContext, name: Annotated[str, Field(min_length=1, max_length=120), Kind("object")]
) -> ToolResult:
    """What SIMBAD says about an object: type, spectral type, magnitudes, parallax, redshift, identifiers, papers.

    Online only (AEIOU_ONLINE=1). Knows any name SIMBAD knows (HD 209458, alf CMa, Gliese 581, 2MASS J...),
    far beyond the local catalogs; the answer cites SIMBAD and the newest papers it lists for the object.

    Args:
        name: The object's name or designation, as SIMBAD would accept it.
    """
    archive = _online_archive(ctx, "simbad_object", "simbad")
    found = archive.tap(
        "SELECT TOP 1 basic.oid, basic.main_id, basic.ra, basic.dec, basic.otype, otypedef.description, "
        "basic.sp_type, basic.plx_value, basic.plx_err, basic.rvz_redshift, basic.rvz_radvel, basic.nbref, "
        "allfluxes.V, allfluxes.B, ids.ids "
        "FROM basic JOIN ident ON ident.oidref = basic.oid "
        "LEFT JOIN otypedef ON otypedef.otype = basic.otype "
        "LEFT JOIN allfluxes ON allfluxes.oidref = basic.oid "
        "LEFT JOIN ids ON ids.oidref = basic.oid "
        f"WHERE {simbad_ident(name)}",
        max_rows=1,
    )
    if not found.rows:
        raise UserError(
            f"SIMBAD knows no object called '{name}'. SIMBAD names look like 'HD 209458', 'alf CMa', 'M 31' "
            "or 'Gaia DR3 …'."
        )
    row = found.rows[0]
    papers = archive.tap(
        f"SELECT TOP {MAX_BIBCODES} ref.bibcode, ref.year, ref.title FROM ref "
        f"JOIN has_ref ON has_ref.oidbibref = ref.oidbib WHERE has_ref.oidref = {int(row['oid'])} "
        "ORDER BY ref.year DESC",
        max_rows=MAX_BIBCODES,
    )
    plx = row.get("plx_value")
    ra_deg, dec_deg = row.get("ra"), row.get("dec")
    data: dict[str, Any] = {
        "query": name,
        "main_id": " ".join(str(row["main_id"]).split()),
        "otype": row.get("otype"),
        "object_type": plain_type(row.get("description") or row.get("otype")),
        "spectral_type": row.get("sp_type") or None,
        "ra_deg": ra_deg,
        "dec_deg": dec_deg,
        "ra_hms": format_ra(ra_deg) if ra_deg is not None else None,
        "dec_dms": format_dec(dec_deg) if dec_deg is not None else None,
        "v_mag": row.get("V"),
        "b_mag": row.get("B"),
        "parallax_mas": plx,
        "parallax_err_mas": row.get("plx_err"),
        "distance_pc": 1000.0 / plx if plx and plx > 0 else None,
        "redshift": row.get("rvz_redshift"),
        "radial_velocity_km_s": row.get("rvz_radvel"),
        "identifiers": [" ".join(i.split()) for i in str(row.get("ids") or "").split("|") if i.strip()],
        "n_references": row.get("nbref"),
        "recent_papers": [
            {"bibcode": p["bibcode"], "year": p.get("year"), "title": p.get("title")} for p in papers.rows
        ],
        "provenance": [found.provenance, papers.provenance],
    }
    sources = [archive.service.citation] + [
        Citation(
            id=f"bibcode:{p['bibcode']}",
            kind="paper",
            title=str(p.get("title") or p["bibcode"]),
            reference=str(p["bibcode"]),
            url=f"https://ui.adsabs.harvard.edu/abs/{p['bibcode']}",
        )
        for p in papers.rows
    ]
    summary = (
        f"SIMBAD: {data['main_id']} is {data['object_type']}"
        + (f", spectral type {data['spectral_type']}" if data["spectral_type"] else "")
        + found.when
    )
    return ToolResult(data=data, summary=summary, sources=sources)


# NED's object lookup result codes (its ObjectLookup documentation): 3 means one object was found.
NED_FOUND = 3


@tool("archive")
def ned_object(
    ctx: ToolContext, name: Annotated[str, Field(min_length=1, max_length=120), Kind("object")]
) -> ToolResult:
    """What NED says about an extragalactic object: its preferred name, type, position and redshift.

    Online only (AEIOU_ONLINE=1). Knows galaxies, quasars and other extragalactic objects by any name NED
    resolves (NGC 4993, Mrk 421, 3C 273); the answer cites NED.

    Args:
        name: The object's name or designation, as NED would accept it.
    """
    archive = _online_archive(ctx, "ned_object", "ned")
    answer, fetched = archive.post_json({"json": json.dumps({"name": {"v": name}})})
    preferred = answer.get("Preferred") if isinstance(answer.get("Preferred"), dict) else None
    if answer.get("ResultCode") != NED_FOUND or preferred is None:
        raise UserError(
            f"NED knows no object called '{name}' (NED resolves names like 'NGC 4993', 'Mrk 421', '3C 273')."
        )
    position = preferred.get("Position") or {}
    redshift = preferred.get("Redshift") or {}
    kind = preferred.get("ObjType") or {}
    ra_deg, dec_deg = position.get("RA"), position.get("Dec")
    data: dict[str, Any] = {
        "query": name,
        "preferred_name": preferred.get("Name"),
        "object_type": kind.get("Value"),
        "ra_deg": ra_deg,
        "dec_deg": dec_deg,
        "ra_hms": format_ra(ra_deg) if isinstance(ra_deg, int | float) else None,
        "dec_dms": format_dec(dec_deg) if isinstance(dec_deg, int | float) else None,
        "redshift": redshift.get("Value"),
        "redshift_uncertainty": redshift.get("Uncertainty"),
        "redshift_reference": redshift.get("RefCode"),
        "provenance": [fetched.provenance],
    }
    summary = f"NED: {data['preferred_name']}, z = {data['redshift']}" + fetched.when
    return ToolResult(data=data, summary=summary, sources=[archive.service.citation])


GAIA_COLUMNS = ("source_id", "ra", "dec", "phot_g_mean_mag", "bp_rp", "parallax", "pmra", "pmdec")
GAIA_ROWS_SHOWN = 20
GAIA_SYNC_ROWS = 2000  # more rows than this go as an asynchronous job: a big query can outlast one HTTP request


def gaia_sources(
    gaia: Archive, ra_deg: float, dec_deg: float, radius_deg: float, g_mag_max: float | None, max_rows: int
) -> tuple[str, TapResult]:
    """Gaia DR3 sources in a circle, brightest first (the ADQL sent, and what came back)."""
    limit = f" AND phot_g_mean_mag <= {float(g_mag_max)}" if g_mag_max is not None else ""
    adql = (
        f"SELECT TOP {int(max_rows)} {', '.join(GAIA_COLUMNS)} FROM gaiadr3.gaia_source "
        f"WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', {ra_deg:.7f}, {dec_deg:.7f}, "
        f"{float(radius_deg)})){limit} ORDER BY phot_g_mean_mag"
    )
    return adql, gaia.tap(adql, max_rows=max_rows, job=max_rows > GAIA_SYNC_ROWS)


@tool("archive")
def gaia_cone_search(
    ctx: ToolContext,
    target: TargetName = None,
    radius_deg: Annotated[float, Field(gt=0, le=1.0), Kind("radius")] = 0.1,
    g_mag_max: Annotated[float | None, Field(ge=-2, le=22), Kind("magnitude_limit")] = None,
    max_rows: Annotated[int, Field(ge=1, le=10_000), Kind("count")] = 2000,
    ra_deg: RaDeg = None,
    dec_deg: DecDeg = None,
) -> ToolResult:
    """Gaia DR3 sources around an object or position, brightest first, from the Gaia archive's TAP service (ADQL).

    Online only (AEIOU_ONLINE=1). Goes far deeper than Hipparcos (to G ≈ 21); the result is cut at ``max_rows``
    (TAP MAXREC) and says so when more sources exist.

    Args:
        target: Object name or coordinate string at the centre (or give ra_deg and dec_deg).
        radius_deg: Search radius in degrees (at most 1°: the Galactic plane holds ~10⁶ sources per square degree).
        g_mag_max: Keep sources at least this bright in Gaia's G band (G <= g_mag_max).
        max_rows: Most sources to fetch (the TAP MAXREC); more sets the overflow flag.
        ra_deg: Centre right ascension in degrees (ICRS), instead of a target.
        dec_deg: Centre declination in degrees (ICRS), instead of a target.
    """
    gaia = _online_archive(ctx, "gaia_cone_search", "gaia")
    center = locate(ctx, "gaia_cone_search", target, ra_deg, dec_deg)
    adql, found = gaia_sources(gaia, center.ra_deg, center.dec_deg, radius_deg, g_mag_max, max_rows)
    rows = [
        {
            "source_id": str(row["source_id"]),
            "ra_deg": row.get("ra"),
            "dec_deg": row.get("dec"),
            "g_mag": row.get("phot_g_mean_mag"),
            "bp_rp": row.get("bp_rp"),
            "parallax_mas": row.get("parallax"),
            "pmra_mas_yr": row.get("pmra"),
            "pmdec_mas_yr": row.get("pmdec"),
        }
        for row in found.rows
    ]
    data: dict[str, Any] = {
        "center": {"label": center.label, "ra_deg": center.ra_deg, "dec_deg": center.dec_deg},
        "radius_deg": radius_deg,
        "g_mag_max": g_mag_max,
        "count": len(rows),
        "overflow": found.overflow,
        "max_rows": max_rows,
        "rows_shown": GAIA_ROWS_SHOWN,
        "rows": rows,
        "adql": adql,
        "provenance": [found.provenance],
    }
    more = " (cut at max_rows: more exist)" if found.overflow else ""
    summary = f"Gaia DR3: {len(rows)} sources within {radius_deg:g}° of {center.label}{more}" + found.when
    return ToolResult(data=data, summary=summary, sources=[*center.sources, gaia.service.citation])


# Surveys by the names people use → their HiPS identifiers at CDS.
SURVEYS: dict[str, str] = {
    "DSS2 red": "CDS/P/DSS2/red",
    "DSS2 blue": "CDS/P/DSS2/blue",
    "2MASS J": "CDS/P/2MASS/J",
    "2MASS H": "CDS/P/2MASS/H",
    "2MASS K": "CDS/P/2MASS/K",
    "Pan-STARRS g": "CDS/P/PanSTARRS/DR1/g",
    "Pan-STARRS r": "CDS/P/PanSTARRS/DR1/r",
    "Pan-STARRS i": "CDS/P/PanSTARRS/DR1/i",
    "SDSS r": "CDS/P/SDSS9/r",
}
Survey = Literal[
    "DSS2 red", "DSS2 blue", "2MASS J", "2MASS H", "2MASS K", "Pan-STARRS g", "Pan-STARRS r", "Pan-STARRS i", "SDSS r"
]


def read_fits_image(body: bytes, title: str) -> tuple[Any, Any]:
    """(image array, header) of a FITS cutout; an error page or a cut-off file is a RemoteServiceError."""
    import io
    import warnings

    import numpy as np
    from astropy.io import fits

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with fits.open(io.BytesIO(body)) as hdus:
                data = np.asarray(hdus[0].data, dtype=np.float32)
                header = hdus[0].header.copy()
    except Exception as exc:  # an HTML error page, a truncated file
        raise RemoteServiceError(
            f"{title} answered something that is not a FITS image ({type(exc).__name__})"
        ) from None
    if data.ndim != 2 or "CTYPE1" not in header:
        raise RemoteServiceError(f"{title} answered a FITS file without a 2-D image and its WCS")
    return data, header


def cutout(
    ctx: ToolContext, survey: str, ra_deg: float, dec_deg: float, fov_deg: float, pixels: int
) -> tuple[Any, Any, Any]:
    """A north-up TAN cutout from hips2fits: (image, header, fetch record), cached like every archive response."""
    archive = Archive(ctx.settings, "hips2fits")
    form = {
        "hips": SURVEYS[survey],
        "ra": f"{ra_deg:.7f}",
        "dec": f"{dec_deg:.7f}",
        "fov": f"{fov_deg:g}",
        "width": str(pixels),
        "height": str(pixels),
        "projection": "TAN",
        "coordsys": "icrs",
        "rotation_angle": "0",
        "format": "fits",
    }
    (image, header), fetched = archive.fetch(
        "", form, lambda body: read_fits_image(body, archive.service.title), method="GET"
    )
    return image, header, fetched


@tool("archive")
def sky_image(
    ctx: ToolContext,
    target: TargetName = None,
    survey: Annotated[Survey, Kind("survey")] = "DSS2 red",
    fov_deg: Annotated[float, Field(gt=0.001, le=10), Kind("radius")] = 0.25,
    pixels: Annotated[int, Field(ge=64, le=2000), Kind("image_size")] = 600,
    ra_deg: RaDeg = None,
    dec_deg: DecDeg = None,
) -> ToolResult:
    """A survey image of the sky around an object or position (DSS2, 2MASS, Pan-STARRS, SDSS) from CDS hips2fits.

    Online only (AEIOU_ONLINE=1). Returns the FITS cutout (with its WCS) and a PNG with a coordinate grid,
    north up and east left.

    Args:
        target: Object name or coordinate string at the centre (or give ra_deg and dec_deg).
        survey: Which survey and band: 'DSS2 red' (default), 'DSS2 blue', '2MASS J/H/K', 'Pan-STARRS g/r/i', 'SDSS r'.
        fov_deg: Width of the image in degrees ('15 arcmin' is 0.25).
        pixels: Width and height of the image in pixels.
        ra_deg: Centre right ascension in degrees (ICRS), instead of a target.
        dec_deg: Centre declination in degrees (ICRS), instead of a target.
    """
    import numpy as np
    from astropy.io import fits
    from astropy.wcs import WCS

    _online_archive(ctx, "sky_image", "hips2fits")
    center = locate(ctx, "sky_image", target, ra_deg, dec_deg)
    image, header, fetched = cutout(ctx, survey, center.ra_deg, center.dec_deg, fov_deg, pixels)
    stem = f"sky_{center.label}_{survey}_{fov_deg:g}_{pixels}"
    fits_path = ctx.artifact_path(stem, ".fits")
    fits.PrimaryHDU(image, header).writeto(fits_path, overwrite=True)
    fig = new_figure(6.4, 6.6)
    ax = fig.add_subplot(1, 1, 1, projection=WCS(header))
    finite = image[np.isfinite(image)]
    low, high = np.percentile(finite, [1, 99.5]) if finite.size else (0.0, 1.0)
    ax.imshow(image, origin="lower", cmap="gray_r", vmin=low, vmax=high)
    ax.coords.grid(color="tab:blue", alpha=0.4, linestyle=":")
    ax.coords[0].set_axislabel("RA (ICRS)")
    ax.coords[1].set_axislabel("Dec (ICRS)")
    ax.set_title(f"{center.label} · {survey} · {fov_deg * 60:g}′ (hips2fits)", fontsize=9)
    png_path = save_png(fig, ctx.artifact_path(stem, ".png"))
    data: dict[str, Any] = {
        "center": {"label": center.label, "ra_deg": center.ra_deg, "dec_deg": center.dec_deg},
        "survey": survey,
        "hips": SURVEYS[survey],
        "fov_deg": fov_deg,
        "fov_arcmin": fov_deg * 60,
        "pixels": pixels,
        "pixel_scale_arcsec": fov_deg * 3600 / pixels,
        "provenance": [fetched.provenance],
    }
    artifacts = [
        Artifact.from_file(png_path, "image/png", f"{survey} image of {center.label}"),
        Artifact.from_file(fits_path, "fits", f"{survey} FITS cutout of {center.label} (with WCS)"),
    ]
    summary = f"{survey} cutout of {center.label}, {fov_deg:g}° wide" + fetched.when
    return ToolResult(
        data=data,
        summary=summary,
        artifacts=artifacts,
        sources=[*center.sources, archive_service("hips2fits").citation],
    )


ArchiveName = Literal["simbad", "ned", "gaia", "vizier", "hips2fits"]


@tool("archive")
def describe_archive(ctx: ToolContext, service: Annotated[ArchiveName | None, Kind("catalog")] = None) -> ToolResult:
    """The card of an online archive AEIOU can ask (what it holds, license, how to cite it), or of all of them.

    Works offline: it says whether the archives are switched on and how to switch them on.

    Args:
        service: 'simbad', 'ned', 'gaia', 'vizier' or 'hips2fits'; all of them when omitted.
    """
    chosen = [SERVICES[service]] if service else list(SERVICES.values())
    cards = [
        {
            "name": s.name,
            "title": s.title,
            "holds": s.holds,
            "url": Archive(ctx.settings, s.name).url,
            "license": s.citation.license,
            "reference": s.citation.reference,
            "tables": sorted(s.tables),
        }
        for s in chosen
    ]
    data = {"online": ctx.settings.online, "cards": cards}
    summary = "Archive cards: " + ", ".join(s.title for s in chosen)
    return ToolResult(data=data, summary=summary, sources=[s.citation for s in chosen])


# VizieR catalog identifiers: 'II/246' (a catalog), 'II/246/out' (its table), 'J/A+A/600/A1/table2'.
VIZIER_ID = re.compile(r"^(?:[IVX]+/\d+[A-Za-z]?|[BJ]/[\w+&.-]+(?:/[\w+&.-]+)*?)(?:/[\w.+-]+)?$")
VIZIER_ROWS_SHOWN = 5
VIZIER_COLUMNS_SHOWN = 14
_SEARCH_NOISE = {"the", "catalog", "catalogue", "survey", "table", "vizier", "of", "in", "all", "sky", "from"}


def _vizier_tables(vizier: Archive, catalog: str) -> list[dict[str, Any]]:
    """VizieR tables matching an identifier ('II/246') or keywords ('2MASS point sources'), best first."""
    if VIZIER_ID.match(catalog.strip()):
        ident = catalog.strip()
        where = f"table_name = {adql_text(ident)} OR table_name LIKE {adql_text(ident + '/%')}"
    else:
        words = [w for w in re.findall(r"[a-z0-9+-]{2,}", catalog.lower()) if w not in _SEARCH_NOISE][:4]
        if not words:
            raise UserError(f"'{catalog}' names no catalog to look for in VizieR (try '2MASS' or 'II/246')")
        where = " AND ".join(f"LOWER(description) LIKE {adql_text('%' + w + '%')}" for w in words)
    found = vizier.tap(f"SELECT TOP 25 table_name, description FROM TAP_SCHEMA.tables WHERE {where}", max_rows=25)
    # the survey catalogs people mean have short identifiers ('II/246/out' before 'J/AJ/131/1163/table2')
    return sorted(found.rows, key=lambda row: (len(str(row["table_name"])), str(row["table_name"])))


@tool("archive")
def vizier_query(
    ctx: ToolContext,
    catalog: Annotated[str, Field(min_length=2, max_length=80), Kind("catalog")],
    target: TargetName = None,
    radius_arcsec: Annotated[float, Field(gt=0, le=3600), Kind("radius")] = 5.0,
    max_rows: Annotated[int, Field(ge=1, le=1000), Kind("count")] = 50,
    ra_deg: RaDeg = None,
    dec_deg: DecDeg = None,
) -> ToolResult:
    """Rows of a VizieR catalog around an object or position: find the catalog by keyword or ID, then cone-search it.

    Online only (AEIOU_ONLINE=1). '2MASS' finds the 2MASS point-source table (II/246/out), 'II/246' names it; the
    answer says which table answered, lists the other matches, and gives the nearest row's columns with units.

    Args:
        catalog: Keywords of the catalog ('2MASS', 'AllWISE', 'Tycho-2') or its VizieR identifier ('II/246/out').
        target: Object name or coordinate string at the centre (or give ra_deg and dec_deg).
        radius_arcsec: Search radius in arcseconds.
        max_rows: Most rows to fetch (TAP MAXREC); more sets the overflow flag.
        ra_deg: Centre right ascension in degrees (ICRS), instead of a target.
        dec_deg: Centre declination in degrees (ICRS), instead of a target.
    """
    vizier = _online_archive(ctx, "vizier_query", "vizier")
    center = locate(ctx, "vizier_query", target, ra_deg, dec_deg)
    tables = _vizier_tables(vizier, catalog)
    if not tables:
        raise UserError(f"VizieR has no catalog matching '{catalog}' (try other words, or its identifier)")
    table = str(tables[0]["table_name"])
    columns = vizier.tap(
        f"SELECT column_name, unit, ucd, description FROM TAP_SCHEMA.columns WHERE table_name = {adql_text(table)}",
        max_rows=500,
    ).rows
    ucds = {str(c.get("ucd") or "").lower(): str(c["column_name"]) for c in columns}
    ra_col, dec_col = ucds.get("pos.eq.ra;meta.main"), ucds.get("pos.eq.dec;meta.main")
    if not ra_col or not dec_col:
        raise UserError(f"VizieR table {table} has no main position columns to search around a position")
    quoted = '"' + table.replace('"', "") + '"'
    point = f'POINT(\'ICRS\', "{ra_col}", "{dec_col}")'
    found = vizier.tap(
        f"SELECT TOP {int(max_rows)} *, DISTANCE({point}, POINT('ICRS', {center.ra_deg:.7f}, {center.dec_deg:.7f})) "
        f"AS \"_r\" FROM {quoted} WHERE 1 = CONTAINS({point}, CIRCLE('ICRS', {center.ra_deg:.7f}, "
        f'{center.dec_deg:.7f}, {radius_arcsec / 3600.0:.8f})) ORDER BY "_r"',
        max_rows=max_rows,
        also_tables=frozenset({table.lower()}),
    )
    units = {str(c["column_name"]): str(c.get("unit") or "") for c in columns}
    rows = [{k: v for k, v in row.items()} for row in found.rows]
    for row in rows:
        row["_r_arcsec"] = float(row.pop("_r")) * 3600.0 if row.get("_r") is not None else None
    shown = [name for name in (str(c["column_name"]) for c in columns)][:VIZIER_COLUMNS_SHOWN]
    data: dict[str, Any] = {
        "catalog_query": catalog,
        "table": table,
        "description": tables[0].get("description"),
        "alternatives": [{"table": str(t["table_name"]), "description": t.get("description")} for t in tables[1:6]],
        "center": {"label": center.label, "ra_deg": center.ra_deg, "dec_deg": center.dec_deg},
        "radius_arcsec": radius_arcsec,
        "count": len(rows),
        "overflow": found.overflow,
        "columns": [{"name": name, "unit": units.get(name, "")} for name in shown],
        "rows": rows,
        "rows_shown": VIZIER_ROWS_SHOWN,
        "provenance": [found.provenance],
    }
    summary = f"VizieR {table}: {len(rows)} rows within {radius_arcsec:g}″ of {center.label}" + found.when
    citation = Citation(
        id=f"vizier:{table}",
        title=str(tables[0].get("description") or table),
        reference=f"VizieR catalog {table}",
        url=f"https://vizier.cds.unistra.fr/viz-bin/VizieR?-source={table}",
    )
    return ToolResult(data=data, summary=summary, sources=[*center.sources, vizier.service.citation, citation])
