"""User catalogs (HATS on LSDB/Dask): cone search with filters, cross-match, dataset cards.

The catalogs are the ones added with ``aeiou catalog add``; the backend is :mod:`aeiou_agent.catalogs`. Results are
bounded (rows shown, rows kept in the CSV/Parquet files) and say when more matched. Every output records the catalog's
HATS version and checksum, so a replay on the same catalog gives the same hashes.
"""

from __future__ import annotations

from typing import Annotated, Any

from aeiou_agent.tools._targets import DecDeg, RaDeg, TargetName, locate
from pydantic import Field

from aeiou_agent.answer import Artifact, Citation
from aeiou_agent.catalogs import (
    LOCAL_TABLES,
    MARGIN_ARCSEC,
    RESULT_ROW_CAP,
    QueryOutcome,
    crossmatch,
    dask_endpoint,
    frame_rows,
    search,
    user_catalogs,
)
from aeiou_agent.registry import Kind, ToolContext, ToolResult, tool

UserCatalogName = Annotated[str, Field(min_length=2, max_length=40), Kind("catalog")]
LSDB = Citation(
    id="software:lsdb",
    kind="software",
    title="LSDB and HATS: catalogs partitioned by HEALPix, queried on Dask",
    reference="Using LSDB to enable large-scale catalog distribution, cross-matching, and analytics (RNAAS, "
    "doi:10.3847/2515-5172/ad4da1); hats-import",
    version="lsdb " + __import__("importlib.metadata").metadata.version("lsdb"),
    license="BSD-3-Clause",
    url="https://lsdb.io",
)


def catalog_citation(card: dict[str, Any]) -> Citation:
    """How an answer cites a user catalog: its title, source file and checksum."""
    return Citation(
        id=f"catalog:{card['table']}",
        kind="dataset",
        title=card["title"],
        reference=f"{card['source_file']} (SHA-256 {card['source_sha256'][:12]}…)",
        version=f"HATS {card['hats_version']} · checksum {card['hats_checksum'][:12]}",
        license=card["license"],
    )


def _provenance(card: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": card["table"],
        "rows": card["row_count"],
        "hats_version": card["hats_version"],
        "hats_checksum": card["hats_checksum"],
        "software": card["software"],
    }


def _tables(ctx: ToolContext, stem: str, outcome: QueryOutcome, caption: str) -> list[Artifact]:
    """The result's rows (up to RESULT_ROW_CAP) as CSV and Parquet files."""
    if outcome.frame.empty:
        return []
    csv_path = ctx.artifact_path(stem, ".csv")
    parquet_path = ctx.artifact_path(stem, ".parquet")
    outcome.frame.to_csv(csv_path, index=False)
    outcome.frame.to_parquet(parquet_path, index=False)
    return [
        Artifact.from_file(csv_path, "table/csv", caption + " (CSV)"),
        Artifact.from_file(parquet_path, "table/parquet", caption + " (Parquet)"),
    ]


@tool("catalog")
def search_user_catalog(
    ctx: ToolContext,
    catalog: UserCatalogName,
    target: TargetName = None,
    ra_deg: RaDeg = None,
    dec_deg: DecDeg = None,
    radius_deg: Annotated[float | None, Field(gt=0, le=90), Kind("radius")] = None,
    where: Annotated[str | None, Field(min_length=1, max_length=1000), Kind("column_condition")] = None,
    columns: Annotated[list[str] | None, Field(min_length=1, max_length=50), Kind("option")] = None,
    max_rows: Annotated[int, Field(ge=1, le=1000), Kind("count")] = 20,
) -> ToolResult:
    """Rows of a user catalog (added with `aeiou catalog add`) in a cone and/or meeting conditions on its columns.

    Runs on LSDB: only the HEALPix partitions the cone touches are read, and the condition is applied on the Dask
    cluster. Gives the number of matching rows, the nearest (or first) rows, and every row in CSV and Parquet files.

    Args:
        catalog: The user catalog's name ('mysurvey').
        target: Object name or coordinate string at the cone's centre (or give ra_deg and dec_deg).
        ra_deg: Cone centre right ascension in degrees (ICRS).
        dec_deg: Cone centre declination in degrees (ICRS).
        radius_deg: Cone radius in degrees (1° when a centre is given without one).
        where: Condition on the catalog's columns, SQL style: 'g < 18 AND parallax > 10'.
        columns: Columns to return (all when omitted); read from the files only if asked for.
        max_rows: Rows to show in the answer (all matching rows go to the files).
    """
    card = user_catalogs(ctx.settings).card(catalog)
    center = None
    sources: list[Citation] = []
    if target is not None or ra_deg is not None or dec_deg is not None:
        center = locate(ctx, "search_user_catalog", target, ra_deg, dec_deg)
        sources += center.sources
    radius = radius_deg if radius_deg is not None else (1.0 if center is not None else None)
    outcome = search(
        ctx.settings,
        catalog,
        center_deg=(center.ra_deg, center.dec_deg) if center is not None else None,
        radius_deg=radius,
        where=where,
        columns=columns,
    )
    rows = frame_rows(outcome.frame.head(max_rows))
    region = f"within {radius:g}° of {center.label}" if center is not None and radius is not None else "in the catalog"
    data: dict[str, Any] = {
        "catalog": _provenance(card),
        "center": center.label if center is not None else None,
        "ra_deg": center.ra_deg if center is not None else None,
        "dec_deg": center.dec_deg if center is not None else None,
        "radius_deg": radius,
        "where": where,
        "count": outcome.count,
        "overflow": outcome.overflow,
        "kept_rows": len(outcome.frame),
        "columns": list(outcome.frame.columns),
        "rows": rows,
        "returned": len(rows),
        "region": region,
    }
    stem = f"{catalog}_{center.label if center is not None else 'all'}_{radius}_{where or ''}"
    artifacts = _tables(ctx, stem, outcome, f"{catalog} rows {region}" + (f" with {where}" if where else ""))
    condition = f" with {where}" if where else ""
    summary = f"{outcome.count} {catalog} rows {region}{condition} (Dask: {dask_endpoint(ctx.settings)})"
    if outcome.overflow:
        summary += f"; the first {RESULT_ROW_CAP:,} are kept"
    return ToolResult(data=data, summary=summary, sources=[*sources, catalog_citation(card), LSDB], artifacts=artifacts)


@tool("catalog")
def crossmatch_catalogs(
    ctx: ToolContext,
    catalog: UserCatalogName,
    other: UserCatalogName = "hipparcos",
    radius_arcsec: Annotated[float, Field(gt=0, le=MARGIN_ARCSEC), Kind("radius")] = 1.0,
    max_rows: Annotated[int, Field(ge=1, le=1000), Kind("count")] = 20,
) -> ToolResult:
    """Cross-match a user catalog with Hipparcos, NGC/IC or another user catalog: each row's nearest counterpart.

    Runs LSDB's cross-match on the Dask cluster, partition by partition, with the other catalog's 10″ margin so
    that pairs across partition edges are found. Gives the number of matched rows, the closest pairs, and every pair
    in CSV and Parquet files.

    Args:
        catalog: The user catalog's name ('mysurvey').
        other: 'hipparcos', 'ngc' or another user catalog.
        radius_arcsec: Largest separation of a match, in arcseconds (up to 10).
        max_rows: Pairs to show in the answer (all pairs go to the files).
    """
    card = user_catalogs(ctx.settings).card(catalog)
    outcome, other_card = crossmatch(ctx.settings, ctx.store, catalog, other, radius_arcsec=radius_arcsec)
    rows = frame_rows(outcome.frame.head(max_rows))
    local = {"name": other, "store_version": ctx.store.data_version}
    data: dict[str, Any] = {
        "catalog": _provenance(card),
        "other": _provenance(other_card) if other_card is not None else local,
        "radius_arcsec": radius_arcsec,
        "count": outcome.count,
        "catalog_rows": card["row_count"],
        "overflow": outcome.overflow,
        "kept_rows": len(outcome.frame),
        "columns": list(outcome.frame.columns),
        "rows": rows,
        "returned": len(rows),
    }
    artifacts = _tables(
        ctx, f"xmatch_{catalog}_{other}_{radius_arcsec:g}", outcome, f"{catalog} × {other} within {radius_arcsec:g}″"
    )
    sources = [catalog_citation(card), catalog_citation(other_card) if other_card else ctx.store.citation(other), LSDB]
    summary = (
        f"{outcome.count} of {card['row_count']} {catalog} rows have a {other} counterpart within "
        f"{radius_arcsec:g}″ (Dask: {dask_endpoint(ctx.settings)})"
    )
    return ToolResult(data=data, summary=summary, sources=sources, artifacts=artifacts)


@tool("catalog")
def describe_user_catalog(
    ctx: ToolContext, catalog: Annotated[str | None, Field(min_length=2, max_length=40), Kind("catalog")] = None
) -> ToolResult:
    """The dataset card of a user catalog (columns with units, rows, footprint, source, checksum), or the list.

    Args:
        catalog: The user catalog's name; leave empty to list every added catalog.
    """
    catalogs = user_catalogs(ctx.settings)
    if catalog is None:
        cards = [catalogs.card(name) for name in catalogs.names()]
        data: dict[str, Any] = {
            "catalog_count": len(cards),
            "catalogs": [
                {"name": c["table"], "title": c["title"], "rows": c["row_count"], "footprint_deg2": c["footprint_deg2"]}
                for c in cards
            ],
            "local_tables": list(LOCAL_TABLES),
        }
        summary = "; ".join(f"{c['table']} ({c['row_count']} rows)" for c in cards) or "no user catalog added"
        return ToolResult(data=data, summary=summary, sources=[catalog_citation(c) for c in cards])
    card = catalogs.card(catalog)
    columns = ", ".join(c["name"] + (f" [{c['unit']}]" if c["unit"] else "") for c in card["columns"])
    summary = f"{catalog}: {card['row_count']} rows, {card['footprint_deg2']:g} deg²; columns: {columns}"
    return ToolResult(data=card, summary=summary, sources=[catalog_citation(card)])
