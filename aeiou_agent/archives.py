"""Remote archives (SIMBAD, NED, Gaia, VizieR, hips2fits) behind one small base, as astroquery's ``BaseQuery`` does.

Every remote request goes through :meth:`Archive.fetch`:

- it is refused unless online is on (``AEIOU_ONLINE=1``, the UI's Settings switch), with a message naming the
  service and the switch; nothing is attempted offline;
- the whole call, retries included, has one deadline (``archive_timeout_s``) and fails closed when it passes;
- HTTP 5xx, 429, timeouts and refused connections are retried (``archive_retries``) with backoff;
- responses are cached under ``$AEIOU_HOME/archive_cache`` keyed by the normalised request, so an answer can be
  replayed from the very bytes it was computed from (``refresh=True`` asks the service again);
- the result carries its provenance (service, URL, request, response SHA-256 and size), which tools put in their
  output so the ledger keeps it; the fetch time goes in the call's summary, so a replay that asks the service again
  (``refresh``) reports a change only when the response itself changed.

TAP services are read with pyvo's DAL result parsing (QUERY_STATUS errors and MAXREC overflow); ADQL passes the
same sqlglot guard as local SQL, with the service's own tables as the allowed list. Services are pointed at a
mirror (or a test server) with ``AEIOU_ARCHIVE_URLS="simbad=http://…,ned=http://…"``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import sys
import threading
import time
import urllib.parse
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from aeiou_agent._json import canonical_json
from aeiou_agent.answer import Citation
from aeiou_agent.config import Settings
from aeiou_agent.exceptions import RemoteServiceError, UnsafeQuery

T = TypeVar("T")

USER_AGENT = "aeiou-agent (offline-first astronomy assistant)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
BACKOFF_S = 0.5  # first wait between attempts; doubles each time


@dataclass(frozen=True)
class Service:
    """A remote archive: where it answers, what it holds, how to cite it, which TAP tables ADQL may read."""

    name: str
    title: str
    url: str
    holds: str
    citation: Citation
    tables: frozenset[str] = frozenset()


SERVICES: dict[str, Service] = {
    service.name: service
    for service in (
        Service(
            "simbad",
            "SIMBAD (CDS, Strasbourg)",
            "https://simbad.cds.unistra.fr/simbad/sim-tap",
            "identifiers, object types, spectral types, magnitudes, parallaxes, redshifts and bibliography of "
            "objects outside the Solar System",
            Citation(
                id="service:simbad",
                title="SIMBAD astronomical database (CDS)",
                reference="Wenger et al. 2000, A&AS 143, 9",
                license="free for scientific use; acknowledge 'This research has made use of the SIMBAD database, "
                "operated at CDS, Strasbourg, France'",
                url="https://simbad.cds.unistra.fr/simbad/",
            ),
            frozenset({"basic", "ident", "ids", "allfluxes", "flux", "ref", "has_ref", "otypedef", "mesplx"}),
        ),
        Service(
            "gaia",
            "the Gaia archive (ESA)",
            "https://gea.esac.esa.int/tap-server/tap",
            "Gaia DR3: positions, parallaxes, proper motions and G, BP, RP photometry of 1.8 billion sources",
            Citation(
                id="dataset:gaia-dr3",
                title="Gaia Data Release 3 (gaiadr3.gaia_source)",
                reference="Gaia Collaboration, Vallenari et al. 2023, A&A 674, A1",
                license="CC BY-SA 3.0 IGO (ESA); acknowledge the Gaia mission and DPAC",
                url="https://gea.esac.esa.int/archive/",
            ),
            frozenset({"gaiadr3.gaia_source"}),
        ),
        Service(
            "vizier",
            "VizieR (CDS, Strasbourg)",
            "https://tapvizier.cds.unistra.fr/TAPVizieR/tap",
            "some 25,000 published catalogs and tables (2MASS, AllWISE, Tycho-2, UCAC4, SDSS, APASS and the tables "
            "of journal articles), searchable by keyword and by position",
            Citation(
                id="service:vizier",
                title="VizieR catalogue access tool (CDS)",
                reference="Ochsenbein, Bauer & Marcout 2000, A&AS 143, 23",
                license="free for research; cite VizieR and each catalog's own paper",
                url="https://vizier.cds.unistra.fr/",
            ),
            frozenset({"tap_schema.tables", "tap_schema.columns"}),
        ),
        Service(
            "hips2fits",
            "hips2fits (CDS image cutouts from HiPS surveys)",
            "https://alasky.cds.unistra.fr/hips-image-services/hips2fits",
            "FITS cutouts of any size and projection from HiPS surveys: DSS2, 2MASS, Pan-STARRS, SDSS and more",
            Citation(
                id="service:hips2fits",
                title="hips2fits: FITS cutouts from HiPS (CDS, Strasbourg)",
                reference="Fernique et al. 2015, A&A 578, A114 (the HiPS scheme hips2fits cuts from)",
                license="free for research; each survey keeps its own terms (DSS: STScI/AURA)",
                url="https://alasky.cds.unistra.fr/hips-image-services/hips2fits",
            ),
        ),
        Service(
            "ned",
            "NED (NASA/IPAC Extragalactic Database)",
            "https://ned.ipac.caltech.edu/srs/ObjectLookup",
            "preferred names, positions, object types and redshifts of extragalactic objects",
            Citation(
                id="service:ned",
                title="NASA/IPAC Extragalactic Database (NED)",
                reference="Helou et al. 1991, ASSL 171, 89; NED is funded by NASA and operated by Caltech/IPAC",
                license="free for research; acknowledge NED as its terms ask",
                url="https://ned.ipac.caltech.edu/",
            ),
        ),
    )
}


def service(name: str) -> Service:
    """The archive called ``name``."""
    try:
        return SERVICES[name]
    except KeyError:
        raise RemoteServiceError(f"no archive called {name!r}; archives: {', '.join(SERVICES)}") from None


@dataclass
class Fetched:
    """A response body, where it came from, when it was fetched and whether the cache answered."""

    body: bytes
    provenance: dict[str, Any]
    cache_hit: bool = False
    fetched_utc: str = ""

    @property
    def when(self) -> str:
        """' (fetched …)' or ' (cached response fetched …)', for a call's summary."""
        return f" ({'cached response ' if self.cache_hit else ''}fetched {self.fetched_utc})"


@dataclass
class TapResult:
    """Rows of a TAP query (column name → value, masked values as None) and the overflow flag (MAXREC)."""

    rows: list[dict[str, Any]]
    overflow: bool
    provenance: dict[str, Any] = field(default_factory=dict)
    fetched: Fetched | None = None

    @property
    def when(self) -> str:
        """' (fetched …)' or ' (cached response fetched …)', for a call's summary."""
        return self.fetched.when if self.fetched else ""


def offline_message(why: str) -> str:
    """What an offline answer says: ``why`` (a tool's declared ``offline`` text), then how to go online."""
    return (
        f"{why.strip()} AEIOU is offline (the default): set AEIOU_ONLINE=1, or tick 'Online backends' in the web "
        "UI's Settings, to use it."
    )


def _run_before(deadline_s: float, work: Callable[[], T], too_late: str) -> T:
    """``work()``'s result, or :class:`RemoteServiceError` if it has not returned within ``deadline_s``.

    The worker thread is a daemon: a connection that hangs past the deadline cannot hold the answer or the process.
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=run, name="aeiou-archive", daemon=True)
    worker.start()
    worker.join(deadline_s)
    if worker.is_alive():
        raise RemoteServiceError(too_late)
    if "error" in box:
        raise box["error"]
    return box["value"]


class Archive:
    """One remote service, bound to the settings that say whether and where to reach it."""

    def __init__(self, settings: Settings, name: str) -> None:
        self.settings = settings
        self.service = service(name)

    @property
    def url(self) -> str:
        """The service's base URL: the configured one (a mirror, a test server) or its public address."""
        return self.settings.archive_urls_by_name().get(self.service.name, self.service.url).rstrip("/")

    def _cache_dir(self) -> Path:
        return self.settings.home / "archive_cache" / self.service.name

    def fetch(
        self,
        path: str,
        form: dict[str, str],
        read: Callable[[bytes], T],
        *,
        refresh: bool = False,
        method: str = "POST",
        job: bool = False,
    ) -> tuple[T, Fetched]:
        """Send ``form`` to ``url + path`` (POST, or GET parameters) and ``read`` the body; cached unless ``refresh``.

        ``read`` raises :class:`RemoteServiceError` for a body it cannot use (a cut-off VOTable, an error page):
        such a response is never cached.
        """
        title = self.service.title
        if not self.settings.online:
            raise RemoteServiceError(offline_message(f"This needs {title}, an online archive."))
        url = self.url + path
        request: dict[str, Any] = {"service": self.service.name, "url": url, "form": dict(sorted(form.items()))}
        if method != "POST":
            request["method"] = method
        if job:
            request["mode"] = "async"
        key = hashlib.sha256(canonical_json(request).encode()).hexdigest()[:32]
        cached = None if refresh or self.settings.archive_refresh else self._cached(key)
        if cached is not None:
            return read(cached.body), cached
        if job:
            timeout_s = float(self.settings.archive_job_timeout_s)
            too_late = (
                f"{title} did not finish the job within {self.settings.archive_job_timeout_s} s; it was aborted and "
                "nothing was changed. Ask for fewer rows, or raise AEIOU_ARCHIVE_JOB_TIMEOUT_S."
            )
            body = _run_before(timeout_s + 1.0, lambda: self._run_job(url, form, timeout_s), too_late)
        else:
            timeout_s = float(self.settings.archive_timeout_s)
            too_late = (
                f"{title} did not answer within {self.settings.archive_timeout_s} s; nothing was changed. Try again "
                "later, or raise AEIOU_ARCHIVE_TIMEOUT_S."
            )
            body = _run_before(timeout_s + 0.5, lambda: self._send_with_retries(method, url, form, timeout_s), too_late)
        provenance = {
            "service": self.service.name,
            "url": url,
            "request": request["form"],
            "response_sha256": hashlib.sha256(body).hexdigest(),
            "response_bytes": len(body),
        }
        fetched_utc = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        parsed = read(body)
        self._store(key, body, {**provenance, "fetched_utc": fetched_utc})
        return parsed, Fetched(body, provenance, fetched_utc=fetched_utc)

    def _send_with_retries(self, method: str, url: str, form: dict[str, str], timeout_s: float) -> bytes:
        import requests

        title = self.service.title
        deadline = time.monotonic() + timeout_s
        attempts = 1 + max(self.settings.archive_retries, 0)
        problem = ""
        for attempt in range(attempts):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                response = requests.request(
                    method,
                    url,
                    params=form if method == "GET" else None,
                    data=None if method == "GET" else form,
                    timeout=(min(remaining, 10.0), remaining),
                    headers={"User-Agent": USER_AGENT},
                )
            except requests.Timeout:
                problem = f"it did not answer within {self.settings.archive_timeout_s} s"
            except requests.RequestException as exc:
                problem = f"it could not be reached ({type(exc).__name__})"
            else:
                if response.status_code < 400:
                    return bytes(response.content)
                problem = f"it answered HTTP {response.status_code}"
                if response.status_code not in RETRY_STATUS:
                    raise RemoteServiceError(f"{title} refused the request: {problem} ({_reason(response.text)})")
            pause = BACKOFF_S * 2**attempt
            if attempt + 1 < attempts and deadline - time.monotonic() > pause:
                time.sleep(pause)
        raise RemoteServiceError(
            f"{title} failed: {problem or 'no time was left to ask it'} (after {attempts} attempt(s)); "
            "nothing was changed. Try again later."
        )

    def _run_job(self, url: str, form: dict[str, str], timeout_s: float) -> bytes:
        """An asynchronous TAP job (UWS): submit with PHASE=RUN, poll its phase with a progress line, fetch the result.

        A job still running at the deadline is aborted on the service; the job is deleted when done.
        """
        import requests
        from tqdm import tqdm

        title = self.service.title
        deadline = time.monotonic() + timeout_s
        each = (10.0, float(self.settings.archive_timeout_s))
        headers = {"User-Agent": USER_AGENT}
        try:
            created = requests.post(
                url, data={**form, "PHASE": "RUN"}, allow_redirects=False, timeout=each, headers=headers
            )
            if created.status_code >= 400:
                raise RemoteServiceError(
                    f"{title} refused the job: HTTP {created.status_code} ({_reason(created.text)})"
                )
            location = created.headers.get("Location")
            if not location:
                raise RemoteServiceError(f"{title} accepted the job but did not say where it is (no Location header)")
            job = urllib.parse.urljoin(url + "/", location).rstrip("/")
            wait, phase = 0.2, ""
            with tqdm(
                desc=f"{title} job", bar_format="{desc}: {postfix} [{elapsed}]", disable=not sys.stderr.isatty()
            ) as bar:
                while phase != "COMPLETED":
                    phase = requests.get(job + "/phase", timeout=each, headers=headers).text.strip().upper()
                    bar.set_postfix_str(phase.lower() or "?")
                    if phase in {"ERROR", "ABORTED"}:
                        why = requests.get(job + "/error", timeout=each, headers=headers).text
                        raise RemoteServiceError(f"{title} job ended in {phase}: {_reason(why)}")
                    if phase != "COMPLETED":
                        if time.monotonic() + wait > deadline:
                            requests.post(job + "/phase", data={"PHASE": "ABORT"}, timeout=each, headers=headers)
                            raise RemoteServiceError(
                                f"{title} did not finish the job within {self.settings.archive_job_timeout_s} s; "
                                "it was aborted and nothing was changed."
                            )
                        time.sleep(wait)
                        wait = min(wait * 2, 5.0)
            result = requests.get(job + "/results/result", timeout=each, headers=headers)
            if result.status_code >= 400:
                raise RemoteServiceError(f"{title} did not hand over the job's result: HTTP {result.status_code}")
            with contextlib.suppress(requests.RequestException):
                requests.delete(job, timeout=each, headers=headers)  # tidy the service; the result is ours
            return bytes(result.content)
        except requests.RequestException as exc:
            raise RemoteServiceError(
                f"{title} failed during the job ({type(exc).__name__}); nothing was changed"
            ) from None

    def _cached(self, key: str) -> Fetched | None:
        meta_path = self._cache_dir() / f"{key}.json"
        body_path = self._cache_dir() / f"{key}.body"
        try:
            provenance = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(provenance, dict) or hashlib.sha256(body).hexdigest() != provenance.get("response_sha256"):
            return None  # a torn or edited entry is not evidence: ask again
        fetched_utc = str(provenance.pop("fetched_utc", ""))
        return Fetched(body, provenance, cache_hit=True, fetched_utc=fetched_utc)

    def _store(self, key: str, body: bytes, provenance: dict[str, Any]) -> None:
        folder = self._cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, content in ((".body", body), (".json", canonical_json(provenance).encode())):
            partial = folder / f"{key}{suffix}.{os.getpid()}.{threading.get_ident()}.part"
            partial.write_bytes(content)
            os.replace(partial, folder / f"{key}{suffix}")  # the body first: metadata marks the entry complete

    def tap(
        self,
        adql: str,
        *,
        max_rows: int,
        refresh: bool = False,
        also_tables: frozenset[str] = frozenset(),
        job: bool = False,
    ) -> TapResult:
        """Run ``adql`` on the service's TAP endpoint with MAXREC = ``max_rows``.

        Synchronously, or as an asynchronous job (``job``) for a big query, which may take minutes.
        ``also_tables``: tables found at run time that the query may read besides the service's fixed ones (a VizieR
        catalog table the keyword search chose).
        """
        check_adql(adql, self.service, also_tables)
        (rows, overflow), fetched = self.fetch(
            "/async" if job else "/sync",
            {"REQUEST": "doQuery", "LANG": "ADQL", "FORMAT": "votable", "MAXREC": str(max_rows), "QUERY": adql},
            lambda body: _votable_rows(body, self.service.title),
            refresh=refresh,
            job=job,
        )
        provenance = {**fetched.provenance, "rows": len(rows), "overflow": overflow}
        return TapResult(rows, overflow, provenance, fetched)

    def post_json(self, form: dict[str, str], *, refresh: bool = False) -> tuple[dict[str, Any], Fetched]:
        """POST ``form`` to the service's URL and read the JSON it answers."""
        return self.fetch("", form, lambda body: _json_object(body, self.service.title), refresh=refresh)


def _json_object(body: bytes, title: str) -> dict[str, Any]:
    try:
        parsed = json.loads(body)
    except ValueError:
        raise RemoteServiceError(f"{title} answered something that is not JSON; nothing was changed") from None
    if not isinstance(parsed, dict):
        raise RemoteServiceError(f"{title} answered JSON of an unexpected shape; nothing was changed")
    return parsed


def adql_text(value: str) -> str:
    """A string literal for ADQL: quotes doubled, control characters dropped."""
    cleaned = "".join(ch for ch in value if ch.isprintable())
    return "'" + cleaned.replace("'", "''") + "'"


def simbad_ident(name: str) -> str:
    """ADQL condition on SIMBAD's ``ident.id`` (which SIMBAD normalises); proper names carry its 'NAME ' prefix."""
    return f"ident.id = {adql_text(name)} OR ident.id = {adql_text('NAME ' + name)}"


@dataclass
class RemotePosition:
    """Where an archive puts an object the local catalogs do not know."""

    query: str
    main_id: str
    ra_deg: float
    dec_deg: float
    object_type: str | None
    resolver: str
    provenance: dict[str, Any]


def resolve_name(settings: Settings, name: str) -> RemotePosition | None:
    """The position SIMBAD gives for ``name`` (online only), or None when SIMBAD does not know it."""
    simbad = Archive(settings, "simbad")
    found = simbad.tap(
        "SELECT TOP 1 basic.main_id, basic.ra, basic.dec, basic.otype, otypedef.description FROM basic "
        "JOIN ident ON ident.oidref = basic.oid LEFT JOIN otypedef ON otypedef.otype = basic.otype "
        f"WHERE {simbad_ident(name)}",
        max_rows=1,
    )
    if not found.rows or found.rows[0].get("ra") is None:
        return None
    row = found.rows[0]
    return RemotePosition(
        name,
        " ".join(str(row["main_id"]).split()),
        float(row["ra"]),
        float(row["dec"]),
        plain_type(row.get("description") or row.get("otype")),
        "SIMBAD",
        found.provenance,
    )


def plain_type(description: str | None) -> str | None:
    """SIMBAD's Title Case type in running text: 'High Proper Motion Star' → 'high proper motion star' (HII kept)."""
    if not description:
        return None
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in str(description).split())


def _reason(text: str) -> str:
    first = " ".join(text.split())[:160]
    return first or "no reason given"


def check_adql(adql: str, remote: Service, also: frozenset[str] = frozenset()) -> None:
    """Raise :class:`UnsafeQuery` unless ``adql`` is one read-only SELECT over ``remote``'s tables (and ``also``)."""
    from aeiou_agent.store.sql import guard

    try:
        guard(adql, {t.lower() for t in remote.tables | also})
    except UnsafeQuery as exc:
        raise UnsafeQuery(f"{remote.title}: {exc}") from None


def _votable_rows(body: bytes, title: str) -> tuple[list[dict[str, Any]], bool]:
    """Rows of a TAP VOTable response and whether MAXREC cut it (QUERY_STATUS = OVERFLOW)."""
    import numpy as np
    from astropy.io.votable import parse as parse_votable
    from pyvo.dal import DALQueryError
    from pyvo.dal.tap import TAPResults

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # VOTable spec warnings are the service's business, not the user's
            results = TAPResults(parse_votable(io.BytesIO(body), verify="ignore"))
            table = results.to_table()
    except DALQueryError as exc:
        raise RemoteServiceError(f"{title} rejected the query: {exc}") from None
    except Exception as exc:  # expat, VOTable and format errors: a cut-off or garbled response
        raise RemoteServiceError(
            f"{title} answered something that is not a complete VOTable ({type(exc).__name__}); nothing was changed"
        ) from None
    rows = []
    for record in table:
        row: dict[str, Any] = {}
        for name in table.colnames:
            value = record[name]
            if np.ma.is_masked(value):
                row[name] = None
            elif isinstance(value, bytes):
                row[name] = value.decode("utf-8", "replace")
            elif isinstance(value, np.generic):
                item = value.item()
                row[name] = None if isinstance(item, float) and np.isnan(item) else item
            else:
                row[name] = value
        rows.append(row)
    return rows, results.query_status == "OVERFLOW"
