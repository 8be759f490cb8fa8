"""Catalog tools: resolve names, describe objects, cone searches, guarded SQL/ADQL, dataset cards."""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

import numpy as np
from aeiou_agent.tools._plots import new_figure, save_png
from aeiou_agent.tools._targets import (
    DecDeg,
    RaDeg,
    TargetName,
    format_dec,
    format_ra,
    locate,
    object_constellation,
    resolve_elsewhere,
    sources_for,
)
from pydantic import ConfigDict, Field
from typing_extensions import TypedDict

from aeiou_agent._json import content_hash
from aeiou_agent.answer import Artifact
from aeiou_agent.archives import service as archive_service
from aeiou_agent.exceptions import InvalidArguments, ObjectNotFound, UserError
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool
from aeiou_agent.store import CelestialObject, display_designation

CatalogTable = Literal["hipparcos", "ngc", "star_names"]
ObjectType = Literal[
    "any", "galaxy", "open_cluster", "globular_cluster", "cluster", "nebula", "planetary_nebula", "star"
]

TYPE_CODES: dict[str, tuple[str, ...]] = {
    "galaxy": ("G", "GPair", "GTrpl", "GGroup"),
    "open_cluster": ("OCl", "Cl+N"),
    "globular_cluster": ("GCl",),
    "cluster": ("OCl", "GCl", "Cl+N", "*Ass"),
    "nebula": ("PN", "HII", "EmN", "Neb", "RfN", "SNR", "DrkN", "Cl+N"),
    "planetary_nebula": ("PN",),
    "star": ("*", "**"),
}
NOT_OBJECTS = ("Dup", "NonEx")
AT_CENTRE_DEG = 0.001  # a row this close to a search's centre is the object searched around
MagnitudeBand = Literal["auto", "V", "B"]


class ColumnCondition(TypedDict):
    """One condition on a numeric catalog column, named as in the dataset card: b_v > 1.0, dist_pc <= 20."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    column: Annotated[str, Field(max_length=40, description="a numeric column, e.g. b_v, dist_pc, redshift")]
    op: Literal["<", "<=", ">", ">="]
    value: float


# Columns computed from others, by table: total proper motion is what people ask for ('over 1 arcsec per year').
DERIVED_COLUMNS = {"hipparcos": {"pm_total_mas_yr": ("pmra_mas_yr", "pmdec_mas_yr")}}
# How answers name the columns people filter by.
COLUMN_LABELS = {
    "hpmag": "Hp",
    "vmag": "V",
    "b_v": "B−V",
    "v_i": "V−I",
    "pm_total_mas_yr": "proper motion (mas/yr)",
    "maj_axis_arcmin": "major axis (arcmin)",
    "min_axis_arcmin": "minor axis (arcmin)",
    "dec_deg": "declination (°)",
    "ra_deg": "RA (°)",
    "redshift": "redshift",
    "radvel_km_s": "radial velocity (km/s)",
    "dist_pc": "distance (pc)",
    "plx_mas": "parallax (mas)",
    "surf_brightness": "surface brightness (mag/arcsec²)",
    "messier": "Messier number",
}


def describe_condition(column: str, op: str, value: float) -> str:
    """'B−V > 1', as an answer names a column condition ('a Messier number' for being a Messier object)."""
    if (column, op, value) == ("messier", ">=", 1):
        return "a Messier number"
    return f"{COLUMN_LABELS.get(column, column)} {op.replace('<=', '≤').replace('>=', '≥')} {value:g}"


def _magnitude(obj: CelestialObject) -> tuple[float | None, str]:
    row = obj.row
    if obj.table == "hipparcos":
        return row["hpmag"], "Hp"
    for band in ("vmag", "bmag"):
        if row.get(band) is not None:
            return row[band], band[0].upper()
    return None, ""


def _asterism_facts(obj: CelestialObject) -> dict[str, Any]:
    """An asterism's stars (name, HIP, Hp, position), the constellations they lie in, and its span on the sky."""
    from aeiou_agent.store.catalogs import constellation_names

    names = constellation_names()
    return {
        "stars": [
            {**star, "ra_hms": format_ra(star["ra_deg"]), "dec_dms": format_dec(star["dec_deg"])}
            for star in obj.row["stars"]
        ],
        "star_count": len(obj.row["stars"]),
        "constellations": [names.get(abbr, abbr) for abbr in obj.row["constellations"]],
        "span_deg": obj.row["span_deg"],
    }


def _position(obj: CelestialObject) -> dict[str, Any]:
    return {
        "ra_deg": round(obj.ra_deg, 6),
        "dec_deg": round(obj.dec_deg, 6),
        "ra_hms": format_ra(obj.ra_deg),
        "dec_dms": format_dec(obj.dec_deg),
    }


@tool("catalog")
def resolve_object(
    ctx: ToolContext, name: Annotated[str, Field(min_length=1, max_length=200), Kind("object")]
) -> ToolResult:
    """Find an object by name and return its position and identity.

    Knows Messier, NGC/IC (any spelling: M 31, NGC224, ngc 0224), PGC/UGC numbers, common names
    (Whirlpool Galaxy, Crab Nebula), bright-star proper names (Vega) and HIP numbers; with the online archives on,
    any name SIMBAD resolves (the answer says SIMBAD answered).

    Args:
        name: The object's name or designation.
    """
    try:
        obj = ctx.store.resolve(name)
    except ObjectNotFound as missing:
        remote = resolve_elsewhere(ctx, name, missing)
        found: dict[str, Any] = {
            "query": name,
            "name": remote.main_id,
            "label": f"{remote.main_id} (resolved by {remote.resolver})",
            "designation": remote.main_id,
            "table": "simbad",
            "object_type": remote.object_type or "object",
            "ra_deg": remote.ra_deg,
            "dec_deg": remote.dec_deg,
            "ra_hms": format_ra(remote.ra_deg),
            "dec_dms": format_dec(remote.dec_deg),
            "magnitude": None,
            "resolver": remote.resolver,
            "provenance": [remote.provenance],
        }
        summary = f"{found['label']}: RA {found['ra_hms']}, Dec {found['dec_dms']}"
        return ToolResult(data=found, summary=summary, sources=[archive_service("simbad").citation])
    magnitude, band = _magnitude(obj)
    data: dict[str, Any] = {
        "query": name,
        "name": obj.name,
        "label": obj.label,
        "designation": obj.designation,
        "table": obj.table,
        "object_type": obj.object_type,
        **_position(obj),
        "aliases": list(obj.aliases),
        "magnitude": magnitude,
        "magnitude_band": band,
    }
    if obj.table == "hipparcos":
        data.update(
            hip=obj.row["hip"], plx_mas=obj.row["plx_mas"], e_plx_mas=obj.row["e_plx_mas"], dist_pc=obj.row["dist_pc"]
        )
    elif obj.table == "asterism":
        data.update(_asterism_facts(obj))
    else:
        data.update(redshift=obj.row["redshift"], radvel_km_s=obj.row["radvel_km_s"])
    summary = (
        f"{obj.label}: {obj.object_type} at RA {data['ra_hms']}, Dec {data['dec_dms']} "
        f"({obj.ra_deg:.4f}°, {obj.dec_deg:+.4f}°)"
    )
    return ToolResult(data=data, summary=summary, sources=sources_for(ctx, obj))


@tool("catalog")
def object_info(
    ctx: ToolContext, name: Annotated[str, Field(min_length=1, max_length=200), Kind("object")]
) -> ToolResult:
    """Everything the catalogs know about one object.

    Type (spelled out), constellation, position, magnitudes, size, redshift, identifiers.

    Args:
        name: The object's name or designation.
    """
    obj = ctx.store.resolve(name)
    row = obj.row
    constellation, constellation_abbr = object_constellation(obj, obj.ra_deg, obj.dec_deg)
    data: dict[str, Any] = {
        "name": obj.name,
        "label": obj.label,
        "designation": obj.designation,
        "table": obj.table,
        "object_type": obj.object_type,
        "constellation": constellation,
        "constellation_abbr": constellation_abbr,
        **_position(obj),
        "aliases": list(obj.aliases),
    }
    facts: list[str] = []
    if obj.table == "asterism":
        data.update(_asterism_facts(obj))
        facts.append("stars " + ", ".join(star["name"] for star in row["stars"]))
    elif obj.table == "hipparcos":
        data.update(
            hip=row["hip"],
            hpmag=row["hpmag"],
            b_v=row["b_v"],
            v_i=row["v_i"],
            plx_mas=row["plx_mas"],
            e_plx_mas=row["e_plx_mas"],
            dist_pc=row["dist_pc"],
            dist_ly=None if row["dist_pc"] is None else row["dist_pc"] * 3.261563777,
            # M = m − 5 log10(d / 10 pc) with d = 1000 / parallax (mas): no extinction
            abs_hpmag=None if row["dist_pc"] is None else row["hpmag"] - 5 * math.log10(row["dist_pc"] / 10),
            pmra_mas_yr=row["pmra_mas_yr"],
            pmdec_mas_yr=row["pmdec_mas_yr"],
        )
        facts.append(f"Hp = {row['hpmag']:.2f} mag, B-V = {row['b_v']:.2f}")
        if row["dist_pc"] is not None:
            facts.append(
                f"parallax {row['plx_mas']:.2f} ± {row['e_plx_mas']:.2f} mas (distance {row['dist_pc']:.1f} pc)"
            )
    else:
        for key in (
            "bmag",
            "vmag",
            "jmag",
            "hmag",
            "kmag",
            "surf_brightness",
            "maj_axis_arcmin",
            "min_axis_arcmin",
            "pos_angle_deg",
            "hubble_type",
            "redshift",
            "radvel_km_s",
            "plx_mas",
            "identifiers",
            "common_names",
            "ned_notes",
            "ongc_notes",
            "messier",
        ):
            data[key] = row.get(key)
        mags = [f"{band} = {row[key]:.2f}" for band, key in (("B", "bmag"), ("V", "vmag")) if row.get(key) is not None]
        if mags:
            facts.append(", ".join(mags) + " mag")
        if row.get("maj_axis_arcmin") is not None:
            size = f"{row['maj_axis_arcmin']:g}′"
            if row.get("min_axis_arcmin") is not None:
                size += f" × {row['min_axis_arcmin']:g}′"
            facts.append(f"size {size}")
        if row.get("hubble_type"):
            facts.append(f"morphology {row['hubble_type']}")
        if row.get("redshift") is not None:
            facts.append(f"redshift {row['redshift']:g}")
    summary = f"{obj.label}: {obj.object_type} in {constellation}, RA {data['ra_hms']}, Dec {data['dec_dms']}"
    if facts:
        summary += "; " + "; ".join(facts)
    return ToolResult(data=data, summary=summary, sources=sources_for(ctx, obj))


def _sky_plot(
    ctx: ToolContext,
    center_label: str,
    ra0: float,
    dec0: float,
    radius_deg: float,
    rows: list[dict[str, Any]],
    key: str,
) -> Artifact:
    """Tangent-plane chart of cone-search results, marker area scaled by brightness."""
    from matplotlib.patches import Circle

    path = ctx.artifact_path(f"cone_{key}", ".png")
    fig = new_figure(6, 6)
    ax = fig.subplots()
    ra = np.array([r["ra_deg"] for r in rows], dtype=float)
    dec = np.array([r["dec_deg"] for r in rows], dtype=float)
    dra = ((ra - ra0 + 180) % 360 - 180) * np.cos(np.radians(dec0))
    ddec = dec - dec0
    mags = np.array([np.nan if r["magnitude"] is None else r["magnitude"] for r in rows], dtype=float)
    faint = np.nanmax(mags) if np.isfinite(mags).any() else 10.0
    sizes = np.where(np.isfinite(mags), 12 + 30 * np.clip(faint + 1 - mags, 0.2, 8) ** 1.6, 12)
    ax.scatter(dra, ddec, s=sizes, c="navy", alpha=0.8, edgecolors="none")
    for r, x, y in list(zip(rows, dra, ddec, strict=True))[:12]:
        ax.annotate(r.get("name") or r["id"], (x, y), xytext=(5, 4), textcoords="offset points", fontsize=7)
    ax.add_patch(Circle((0, 0), radius_deg, fill=False, ls="--", color="grey"))
    ax.plot([0], [0], marker="+", color="red", ms=12)
    ax.set_xlim(radius_deg * 1.05, -radius_deg * 1.05)  # east to the left, as on the sky
    ax.set_ylim(-radius_deg * 1.05, radius_deg * 1.05)
    ax.set_aspect("equal")
    ax.set_xlabel("ΔRA cos(Dec) [deg]  (east ←)")
    ax.set_ylabel("ΔDec [deg]")
    ax.set_title(f"{len(rows)} objects within {radius_deg:g}° of {center_label}", fontsize=9)
    save_png(fig, path)
    return Artifact.from_file(path, "image/png", f"Sky chart around {center_label}")


@tool("catalog")
def cone_search(
    ctx: ToolContext,
    target: TargetName = None,
    radius_deg: Annotated[float, Field(gt=0, le=180), Kind("radius")] = 1.0,
    catalog: Annotated[Literal["hipparcos", "ngc"], Kind("catalog")] = "hipparcos",
    mag_max: Annotated[float | None, Field(ge=-30, le=40), Kind("magnitude_limit")] = None,
    mag_min: Annotated[float | None, Field(ge=-30, le=40), Kind("magnitude_limit")] = None,
    object_type: Annotated[ObjectType, Kind("object_type")] = "any",
    order_by: Annotated[Literal["separation", "magnitude", "magnitude_desc", "distance"], Kind("order")] = "separation",
    limit: Annotated[int, Field(ge=1, le=1000), Kind("count")] = 20,
    ra_deg: RaDeg = None,
    dec_deg: DecDeg = None,
    plot: Annotated[bool, Kind("output")] = False,
    mag_band: Annotated[MagnitudeBand, Kind("magnitude_limit")] = "auto",
    where: Annotated[list[ColumnCondition], Field(max_length=8), Kind("column_condition")] = [],  # noqa: B006
    sort_by: Annotated[str | None, Field(max_length=40), Kind("order")] = None,
    descending: Annotated[bool, Kind("order")] = False,
) -> ToolResult:
    """Objects within a radius of a target or position, with magnitude and type filters, using the HEALPix index.

    Args:
        target: Object name or coordinate string at the centre (or give ra_deg and dec_deg).
        radius_deg: Search radius in degrees.
        catalog: 'hipparcos' for stars, 'ngc' for NGC/IC/Messier deep-sky objects.
        mag_max: Keep objects at least this bright (magnitude <= mag_max; Hp for Hipparcos, V or B for NGC).
        mag_min: Keep objects at least this faint (magnitude >= mag_min).
        object_type: Type filter for the NGC catalog (galaxy, cluster, nebula, ...).
        order_by: 'separation' (nearest first), 'magnitude' (brightest first), 'magnitude_desc' (faintest first) or
            'distance' (nearest to the Sun, stars).
        limit: Most rows to return; the total count is always reported.
        ra_deg: Centre right ascension in degrees (ICRS), instead of a target.
        dec_deg: Centre declination in degrees (ICRS), instead of a target.
        plot: Also draw a sky chart of the results.
        mag_band: For NGC: the band of the magnitude limits, 'V', 'B', or 'auto' (V where known, else B).
        where: Conditions on other numeric columns of the table ('b_v > 1.0', 'redshift > 0.01', 'dist_pc <= 20';
            pm_total_mas_yr is the total proper motion); an object without a value fails its condition.
        sort_by: A numeric column to sort by instead of order_by ('b_v' for the reddest, 'plx_mas', 'redshift').
        descending: With sort_by: largest values first.
    """
    center = locate(ctx, "cone_search", target, ra_deg, dec_deg)
    index, cols = ctx.store.columns(catalog)
    match = index.query(center.ra_deg, center.dec_deg, radius_deg)
    rows_idx, sep = match.rows, match.separation_deg
    mags = _magnitudes(catalog, cols, rows_idx, mag_band)
    keep = _filter(catalog, cols, rows_idx, mags, object_type, mag_max, mag_min, where)
    rows_idx, sep, mags = rows_idx[keep], sep[keep], mags[keep]
    order = _order(catalog, cols, rows_idx, mags, order_by, sep, sort_by, descending)
    total = int(rows_idx.size)
    sort_column = _shown_sort_column(catalog, sort_by)
    shown = order[:limit]
    rows = _rows(ctx, catalog, cols, rows_idx[shown], mags[shown], sep[shown], sort_by if sort_column else None)
    filters = {
        "mag_max": mag_max,
        "mag_min": mag_min,
        "object_type": object_type,
        "mag_band": _band(catalog, mag_band),
        "where": where,
        "conditions": [describe_condition(c["column"], c["op"], c["value"]) for c in where],
    }
    data: dict[str, Any] = {
        "center": {"label": center.label, "ra_deg": round(center.ra_deg, 6), "dec_deg": round(center.dec_deg, 6)},
        "radius_deg": radius_deg,
        "catalog": catalog,
        "filters": filters,
        "order_by": order_by if sort_by is None else "column",
        "sort_label": _sort_label(sort_by, descending),
        "sort_column": sort_column,
        "count": total,
        "returned": len(rows),
        "overflow": total > len(rows),
        "rows": rows,
        "candidates_tested": match.candidates_tested,
    }
    summary = f"{total} {_what(catalog)} within {radius_deg:g}° of {center.label}{_cuts(filters)}" + _shown(
        rows, order_by
    )
    artifacts = []
    if plot and rows:
        artifacts.append(
            _sky_plot(ctx, center.label, center.ra_deg, center.dec_deg, radius_deg, rows, content_hash(data)[:16])
        )
    sources = [*center.sources, ctx.store.citation(catalog)]
    if catalog == "hipparcos" and any(r["name"] for r in rows):
        sources.append(ctx.store.citation("star_names"))
    return ToolResult(data=data, summary=summary, artifacts=artifacts, sources=list(dict.fromkeys(sources)))


def _band(catalog: str, band: str) -> str:
    """The band magnitudes were compared in: 'Hp', 'V', 'B' or 'V (or B)'."""
    if catalog == "hipparcos":
        return "Hp"
    return "V (or B)" if band == "auto" else band


def _what(catalog: str) -> str:
    return "Hipparcos stars" if catalog == "hipparcos" else "NGC/IC objects"


def _cuts(filters: dict[str, Any]) -> str:
    """' (magnitude ≤ 5, galaxy)' for a summary line."""
    cuts = []
    if filters.get("constellation"):
        cuts.append(f"in {filters['constellation']}")
    band = filters.get("mag_band", "")
    if filters.get("mag_max") is not None:
        cuts.append(f"{band} magnitude ≤ {filters['mag_max']:g}".strip())
    if filters.get("mag_min") is not None:
        cuts.append(f"{band} magnitude ≥ {filters['mag_min']:g}".strip())
    if filters.get("min_parallax_mas") is not None:
        cuts.append(f"parallax > {filters['min_parallax_mas']:g} mas")
    if filters.get("object_type", "any") != "any":
        cuts.append(filters["object_type"].replace("_", " "))
    cuts += filters.get("conditions") or []
    return f" ({', '.join(cuts)})" if cuts else ""


def _shown(rows: list[dict[str, Any]], order_by: str) -> str:
    """'; first 5 by magnitude: Alcyone (2.85 mag, 0.00°), ...' for a summary line."""
    if not rows:
        return ""
    shown = ", ".join(
        f"{r['name'] or r['id']} ({'?' if r['magnitude'] is None else r['magnitude']} mag"
        + (f", {r['separation_deg']:.2f}°)" if "separation_deg" in r else ")")
        for r in rows[:5]
    )
    order = {"magnitude_desc": "faintness", "column": "the column asked for"}.get(order_by, order_by)
    return f"; first {min(5, len(rows))} by {order}: {shown}"


# Columns every table of that catalog shows already; a search sorted by another column shows it as well
_SHOWN_COLUMNS = {"hipparcos": {"b_v", "dist_pc", "magnitude"}, "ngc": {"magnitude"}}


def _shown_sort_column(catalog: str, sort_by: str | None) -> str | None:
    """The label of the column a search was sorted by, when the table needs a column for it ('major axis (arcmin)')."""
    if sort_by is None or sort_by in _SHOWN_COLUMNS.get(catalog, set()):
        return None
    label = COLUMN_LABELS.get(sort_by, sort_by)
    return label[:1].upper() + label[1:]


def _rows(
    ctx: ToolContext,
    catalog: str,
    cols: dict[str, Any],
    rows_idx: np.ndarray,
    mags: np.ndarray,
    sep: np.ndarray | None,
    shown_column: str | None = None,
) -> list[dict[str, Any]]:
    """Result rows (JSON-able) for catalog rows ``rows_idx``, with separations when a centre was given.

    Sorted by a column the table does not show (``shown_column``; 'the biggest nebulae': the major axis), each row
    has its value too.
    """
    sorted_values = None if shown_column is None else _column(catalog, cols, rows_idx, shown_column)
    star_names = {hip: names[0] for hip, names in ctx.store.star_names_by_hip.items()} if catalog == "hipparcos" else {}
    rows: list[dict[str, Any]] = []
    for i, r in enumerate(int(x) for x in rows_idx):
        mag = None if np.isnan(mags[i]) else round(float(mags[i]), 4)
        row: dict[str, Any]
        if catalog == "hipparcos":
            hip = int(cols["hip"][r])
            dist = cols["dist_pc"][r]
            row = {
                "id": f"HIP {hip}",
                "name": star_names.get(hip),
                "ra_deg": round(float(cols["ra_deg"][r]), 6),
                "dec_deg": round(float(cols["dec_deg"][r]), 6),
                "magnitude": mag,
                "b_v": None if np.isnan(cols["b_v"][r]) else float(cols["b_v"][r]),
                "dist_pc": None if np.isnan(dist) else round(float(dist), 2),
                "constellation": str(cols["constellation"][r]),
            }
        else:
            messier = cols["messier"][r]
            common = cols["common_names"][r]
            row = {
                "id": display_designation(str(cols["name"][r])),  # 'NGC 2903', as the answers' labels write it
                "name": (f"M{int(messier)}" if messier is not None and not np.isnan(messier) else None)
                or (common.split(",")[0] if common else None),
                "ra_deg": round(float(cols["ra_deg"][r]), 6),
                "dec_deg": round(float(cols["dec_deg"][r]), 6),
                "magnitude": mag,
                "object_type": str(cols["object_type"][r]),
                "constellation": cols["constellation"][r],
            }
        if sep is not None:
            row["separation_deg"] = round(float(sep[i]), 5)
            row["at_centre"] = bool(sep[i] < AT_CENTRE_DEG)
        if sorted_values is not None:
            row["sorted_value"] = None if np.isnan(sorted_values[i]) else round(float(sorted_values[i]), 6)
        rows.append(row)
    return rows


def column_sql(catalog: str, column: str) -> str:
    """A column as SQL over the store's table: derived ones spelled out, 'magnitude' as _magnitudes reads it."""
    if column == "magnitude":
        return "hpmag" if catalog == "hipparcos" else "coalesce(vmag, bmag)"
    derived = DERIVED_COLUMNS.get(catalog, {}).get(column)
    return f"sqrt({' + '.join(f'{c} * {c}' for c in derived)})" if derived else column


def _magnitudes(catalog: str, cols: dict[str, Any], rows_idx: np.ndarray, band: str = "auto") -> np.ndarray:
    """Hp for Hipparcos; for OpenNGC the band asked for, or V where known and B otherwise ('auto')."""
    if catalog == "hipparcos":
        return cols["hpmag"][rows_idx].astype(float)
    vmag = cols["vmag"][rows_idx].astype(float)
    bmag = cols["bmag"][rows_idx].astype(float)
    if band == "V":
        return vmag
    if band == "B":
        return bmag
    return np.where(np.isnan(vmag), bmag, vmag)


def _column(catalog: str, cols: dict[str, Any], rows_idx: np.ndarray, column: str) -> np.ndarray:
    """A numeric column's values for ``rows_idx`` (NaN where unknown), or a UserError naming the ones there are."""
    derived = DERIVED_COLUMNS.get(catalog, {}).get(column)
    if derived is not None:
        return np.hypot(*(cols[c][rows_idx].astype(float) for c in derived))
    values = cols.get(column)
    if values is None or values.dtype.kind not in "fiu" or column in ("healpix", "hip"):
        numeric = [c for c, v in cols.items() if v.dtype.kind in "fiu" and c not in ("healpix", "hip")]
        numeric += list(DERIVED_COLUMNS.get(catalog, {}))
        raise UserError(
            f"the {catalog} table has no numeric column {column!r} to filter by; it has {', '.join(numeric)}"
        )
    return values[rows_idx].astype(float)


def _where(catalog: str, cols: dict[str, Any], rows_idx: np.ndarray, where: list[ColumnCondition]) -> np.ndarray:
    """Boolean mask over ``rows_idx`` for every column condition (an unknown value fails its condition)."""
    keep = np.ones(rows_idx.size, dtype=bool)
    compare = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
    for condition in where:
        values = _column(catalog, cols, rows_idx, condition["column"])
        with np.errstate(invalid="ignore"):
            keep &= compare[condition["op"]](values, condition["value"])
    return keep


def _filter(
    catalog: str,
    cols: dict[str, Any],
    rows_idx: np.ndarray,
    mags: np.ndarray,
    object_type: str,
    mag_max: float | None,
    mag_min: float | None,
    where: list[ColumnCondition] | None = None,
) -> np.ndarray:
    """Boolean mask over ``rows_idx``: real objects of the wanted type within the magnitude limits and conditions."""
    keep = _where(catalog, cols, rows_idx, where or [])
    if catalog == "ngc":
        types = cols["type_code"][rows_idx]
        keep &= ~np.isin(types, NOT_OBJECTS)
        if object_type != "any":
            keep &= np.isin(types, TYPE_CODES[object_type])
    if mag_max is not None:
        keep &= mags <= mag_max
    if mag_min is not None:
        keep &= mags >= mag_min
    return keep


def _sort_label(sort_by: str | None, descending: bool) -> str | None:
    """'B−V, largest first' for an answer's 'Top 5, by …'."""
    if sort_by is None:
        return None
    return f"{COLUMN_LABELS.get(sort_by, sort_by)}, {'largest' if descending else 'smallest'} first"


def _order(
    catalog: str,
    cols: dict[str, Any],
    rows_idx: np.ndarray,
    mags: np.ndarray,
    order_by: str,
    tie: np.ndarray,
    sort_by: str | None = None,
    descending: bool = False,
) -> np.ndarray:
    """Indices sorting the rows: by a column (``sort_by``), magnitude, distance from the Sun, or ``tie`` alone.

    Magnitude sorts brightest first ('magnitude_desc': faintest first); unknown values go last.
    """
    if sort_by is not None:
        values = _column(catalog, cols, rows_idx, sort_by)
        return np.lexsort((tie, np.where(np.isnan(values), np.inf, -values if descending else values)))
    if order_by == "magnitude":
        return np.lexsort((tie, np.where(np.isnan(mags), np.inf, mags)))
    if order_by == "magnitude_desc":  # faintest first; objects without a magnitude last
        return np.lexsort((tie, np.where(np.isnan(mags), np.inf, -mags)))
    if order_by == "distance" and catalog == "hipparcos":
        dist = cols["dist_pc"][rows_idx].astype(float)
        return np.lexsort((tie, np.where(np.isnan(dist), np.inf, dist)))
    return np.argsort(tie, kind="stable")


def constellation_abbreviation(name: str) -> str:
    """IAU abbreviation for a constellation given by abbreviation or name ('Ori', 'Orion', 'canes venatici')."""
    from aeiou_agent.store.catalogs import constellation_names

    names = constellation_names()
    key = name.strip().casefold()
    for abbr, full in names.items():
        if key in (abbr.casefold(), full.casefold()):
            return abbr
    raise UserError(f"{name!r} is not an IAU constellation; use a name like 'Orion' or an abbreviation like 'Ori'")


@tool("catalog")
def find_objects(
    ctx: ToolContext,
    catalog: Annotated[Literal["hipparcos", "ngc"], Kind("catalog")] = "hipparcos",
    constellation: Annotated[str | None, Field(max_length=40), Kind("constellation")] = None,
    object_type: Annotated[ObjectType, Kind("object_type")] = "any",
    mag_max: Annotated[float | None, Field(ge=-30, le=40), Kind("magnitude_limit")] = None,
    mag_min: Annotated[float | None, Field(ge=-30, le=40), Kind("magnitude_limit")] = None,
    order_by: Annotated[
        Literal["magnitude", "magnitude_desc", "distance", "name", "random"], Kind("order")
    ] = "magnitude",
    limit: Annotated[int, Field(ge=1, le=1000), Kind("count")] = 20,
    mag_band: Annotated[MagnitudeBand, Kind("magnitude_limit")] = "auto",
    min_parallax_mas: Annotated[float | None, Field(gt=0), Kind("parallax_limit")] = None,
    where: Annotated[list[ColumnCondition], Field(max_length=8), Kind("column_condition")] = [],  # noqa: B006
    sort_by: Annotated[str | None, Field(max_length=40), Kind("order")] = None,
    descending: Annotated[bool, Kind("order")] = False,
    site: Annotated[str | None, Field(max_length=100), Kind("place")] = None,
    date: Annotated[str | None, Field(min_length=8, max_length=40), Kind("time")] = None,
    min_altitude_deg: Annotated[float, Field(ge=0, le=89), Kind("altitude_limit")] = 30.0,
    group_by: Annotated[Literal["constellation"] | None, Kind("order")] = None,
) -> ToolResult:
    """Objects anywhere on the sky (or in one constellation) by type and magnitude, sorted; no centre or radius.

    For 'the brightest stars in Orion', 'the nearest stars to the Sun', 'globular clusters brighter than 8', and
    with a site and a date 'the brightest stars visible from Sydney tonight'.

    Args:
        catalog: 'hipparcos' for stars, 'ngc' for NGC/IC/Messier deep-sky objects.
        constellation: IAU constellation name or abbreviation ('Orion', 'Ori'); empty for the whole sky.
        object_type: Type filter for the NGC catalog (galaxy, cluster, nebula, ...).
        mag_max: Keep objects at least this bright (magnitude <= mag_max; Hp for Hipparcos, V or B for NGC).
        mag_min: Keep objects at least this faint (magnitude >= mag_min).
        order_by: 'magnitude' (brightest first), 'magnitude_desc' (faintest first), 'distance' (nearest to the Sun,
            stars), 'name', or 'random' (a draw seeded by the run's seed: the same question gives the same pick).
        limit: Most rows to return; the total count is always reported.
        mag_band: For NGC: the band of the magnitude limits, 'V', 'B', or 'auto' (V where known, else B).
        min_parallax_mas: Hipparcos only: keep stars with a parallax at least this large, in milliarcseconds.
        where: Conditions on other numeric columns of the table ('b_v > 1.0', 'maj_axis_arcmin > 20',
            'dec_deg > 80'; pm_total_mas_yr is the total proper motion); an object without a value fails its condition.
        sort_by: A numeric column to sort by instead of order_by ('b_v' for the reddest, 'maj_axis_arcmin').
        descending: With sort_by: largest values first.
        site: Keep only objects that climb above min_altitude_deg in astronomical darkness from this observatory or
            city, on the night of ``date``.
        date: Evening date of that night, YYYY-MM-DD (with site).
        min_altitude_deg: Altitude in degrees an object must reach in darkness to count as visible (with site).
        group_by: 'constellation' to count the objects found in each constellation, most first ('which
            constellation has the most Messier objects?'); ``limit`` then caps the constellations listed.
    """
    if (site is None) != (date is None):
        raise InvalidArguments("find_objects", ["give both a site and the night's date to keep what is visible"])
    _index, cols = ctx.store.columns(catalog)
    rows_idx = np.arange(len(cols["ra_deg"]))
    abbr = constellation_abbreviation(constellation) if constellation else None
    if abbr is not None:
        rows_idx = rows_idx[cols["constellation"] == abbr]
    if min_parallax_mas is not None:
        if catalog != "hipparcos":
            raise UserError("only the Hipparcos catalog has parallaxes; OpenNGC objects have none to filter by")
        rows_idx = rows_idx[cols["plx_mas"][rows_idx].astype(float) > min_parallax_mas]
    mags = _magnitudes(catalog, cols, rows_idx, mag_band)
    keep = _filter(catalog, cols, rows_idx, mags, object_type, mag_max, mag_min, where)
    rows_idx, mags = rows_idx[keep], mags[keep]
    visible: dict[str, Any] | None = None
    if site is not None and date is not None:
        from aeiou_agent.tools.ephemeris import visible_in_dark

        ra, dec = cols["ra_deg"][rows_idx].astype(float), cols["dec_deg"][rows_idx].astype(float)
        night, best_alt = visible_in_dark(site, date, ra, dec)
        up = best_alt >= min_altitude_deg
        rows_idx, mags = rows_idx[up], mags[up]
        visible = {**night, "min_altitude_deg": min_altitude_deg}
    ids = cols["hip"][rows_idx] if catalog == "hipparcos" else cols["name"][rows_idx].astype(str)
    if order_by == "random":  # 'show me a random star': reproducible, the seed is recorded with the run
        order = np.random.default_rng(ctx.seed).permutation(rows_idx.size)
    else:
        order = _order(catalog, cols, rows_idx, mags, order_by, ids, sort_by, descending)
    sort_column = _shown_sort_column(catalog, sort_by)
    shown = order[:limit]
    rows = _rows(ctx, catalog, cols, rows_idx[shown], mags[shown], None, sort_by if sort_column else None)
    from aeiou_agent.store.catalogs import constellation_names

    region = constellation_names()[abbr] if abbr else None
    filters = {
        "constellation": region,
        "mag_max": mag_max,
        "mag_min": mag_min,
        "object_type": object_type,
        "mag_band": _band(catalog, mag_band),
        "min_parallax_mas": min_parallax_mas,
        "where": where,
        "conditions": [describe_condition(c["column"], c["op"], c["value"]) for c in where],
    }
    data: dict[str, Any] = {
        "catalog": catalog,
        "constellation": region,
        "constellation_abbr": abbr,
        "filters": filters,
        "order_by": order_by if sort_by is None else "column",
        "sort_label": _sort_label(sort_by, descending),
        "sort_column": sort_column,
        "count": int(rows_idx.size),
        "returned": len(rows),
        "overflow": rows_idx.size > len(rows),
        "rows": rows,
    }
    if visible is not None:
        data["visible"] = visible
    if order_by == "random":
        data["seed"] = ctx.seed
    if group_by == "constellation":
        data["groups"], data["constellations_holding"] = _by_constellation(cols["constellation"][rows_idx], limit)
    scope = f"in {region}" if region else "on the whole sky"
    summary = f"{rows_idx.size} {_what(catalog)} {scope}{_cuts({**filters, 'constellation': None})}" + _shown(
        rows, order_by
    )
    sources = [ctx.store.citation(catalog)]
    if catalog == "hipparcos" and any(r["name"] for r in rows):
        sources.append(ctx.store.citation("star_names"))
    return ToolResult(data=data, summary=summary, sources=sources)


def _by_constellation(abbreviations: np.ndarray, limit: int) -> tuple[list[dict[str, Any]], int]:
    """How many of the objects lie in each constellation, most first (ties by name), at most ``limit`` of them.

    Also how many constellations hold any.
    """
    from aeiou_agent.store.catalogs import constellation_names

    names = constellation_names()
    known = [str(abbr) for abbr in abbreviations if abbr]
    found, counts = np.unique(np.asarray(known, dtype=str), return_counts=True)
    groups = sorted(zip(found.tolist(), counts.tolist(), strict=True), key=lambda g: (-g[1], names.get(g[0], g[0])))
    listed = [{"constellation": names.get(abbr, abbr), "abbr": abbr, "count": int(n)} for abbr, n in groups[:limit]]
    return listed, len(groups)


@tool("catalog")
def sql_query(
    ctx: ToolContext,
    query: Annotated[str, Field(min_length=1, max_length=10_000), Kind("sql")],
    max_rows: Annotated[int, Field(ge=1, le=10_000), Kind("count")] = 100,
) -> ToolResult:
    """Run one read-only SQL or ADQL SELECT over the catalog tables (hipparcos, ngc, star_names) and added catalogs.

    ADQL subset: TOP n, CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', ra0, dec0, radius_deg)) = 1 and
    DISTANCE(POINT(...), POINT(...)) in degrees. Positions are columns ra_deg and dec_deg. Rows are capped;
    the result says when more rows existed.

    Args:
        query: The SELECT statement (SQL in DuckDB syntax, or ADQL).
        max_rows: Most rows to return (at most the configured cap).
    """
    from aeiou_agent.tools.user_catalogs import catalog_citation
    from sqlglot import exp  # sqlglot's import is 0.1-0.2 s that a question without SQL need not pay

    from aeiou_agent.catalogs import user_catalogs
    from aeiou_agent.store.sql import guard, translate

    cap = min(max_rows, ctx.settings.sql_row_cap)
    added = user_catalogs(ctx.settings)
    statement = guard(query, set(ctx.store.tables) | set(added.names()))
    sql = translate(statement)
    named = {table.name.lower() for table in statement.find_all(exp.Table)}
    views = {name: added.parquet_glob(name) for name in added.names() if name in named}  # read from their Parquet
    result = ctx.store.run_sql(sql, cap, views)
    data = {
        "query": query,
        "executed_sql": sql,
        "columns": result.columns,
        "rows": result.rows,
        "row_count": len(result.rows),
        "overflow": result.overflow,
        "overflow_reason": result.overflow_reason,
        "max_rows": cap,
    }
    more = {
        "rows": f" (capped at {cap}; more rows exist)",
        "bytes": f" (stopped at {ctx.settings.sql_result_max_bytes:,} bytes of values; more rows exist)",
    }.get(result.overflow_reason or "", "")
    preview = "; ".join(
        ", ".join(
            f"{c}={v:.6g}" if isinstance(v, float) else f"{c}={str(v)[:60]}"
            for c, v in zip(result.columns, row, strict=True)
        )
        for row in result.rows[:5]
    )
    summary = f"{len(result.rows)} row(s){more}" + (f": {preview}" if preview else "")
    tables = sorted({t for t in ctx.store.tables if t in named})
    sources = [ctx.store.citation(t) for t in tables] + [catalog_citation(added.card(name)) for name in sorted(views)]
    return ToolResult(data=data, summary=summary, sources=sources)


@tool("catalog")
def describe_catalog(ctx: ToolContext, table: Annotated[CatalogTable | None, Kind("catalog")] = None) -> ToolResult:
    """The dataset card of a catalog table, or the list of tables.

    A card gives the columns with units and meaning, row count, source, reference, license, version, checksum.

    Args:
        table: 'hipparcos', 'ngc' or 'star_names'; leave empty to list every table.
    """
    if table is None:
        from aeiou_agent.catalogs import user_catalogs

        added = user_catalogs(ctx.settings)
        cards = [ctx.store.card(t) for t in ctx.store.tables]
        data: dict[str, Any] = {
            "table_count": len(cards),
            "tables": [
                {"table": c["table"], "title": c["title"], "row_count": c["row_count"], "license": c["license"]}
                for c in cards
            ],
            "added": [{"name": name, "rows": added.card(name)["row_count"]} for name in added.names()],
        }
        summary = "; ".join(f"{c['table']}: {c['title']} ({c['row_count']} rows)" for c in cards)
        return ToolResult(data=data, summary=summary, sources=[ctx.store.citation(t) for t in ctx.store.tables])
    card = ctx.store.card(table)
    columns = ", ".join(f"{c['name']}" + (f" [{c['unit']}]" if c["unit"] else "") for c in card["columns"])
    summary = (
        f"{card['table']}: {card['title']}; {card['row_count']} rows; license {card['license']}; "
        f"source {card['source_package']} {card['version']}; columns: {columns}"
    )
    return ToolResult(data=card, summary=summary, sources=[ctx.store.citation(table)])
