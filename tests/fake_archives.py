"""A local stand-in for SIMBAD's and Gaia's TAP services and NED's ObjectLookup on 127.0.0.1, with faults.

Tests point the archives at it through ``AEIOU_ARCHIVE_URLS`` (the real HTTP path runs: requests, retries, the
deadline, VOTable parsing). The answers come from tests/data/archives/*.json, written in the services' documented
shapes. The first path segment picks a behaviour: ``ok``, ``status500`` (always HTTP 500), ``flaky`` (HTTP 503 once,
then ok), ``slow`` (answers after ``SLOW_S`` seconds), ``truncate`` (half a VOTable), ``overflow`` (QUERY_STATUS
OVERFLOW, as when MAXREC cuts a result).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np

DATA = Path(__file__).parent / "data" / "archives"
SLOW_S = 3.0


def votable(rows: list[dict[str, Any]], columns: list[str], status: str = "OK") -> bytes:
    """A TAP result document: a VOTable 1.4 whose RESOURCE carries INFO QUERY_STATUS, as DALI asks.

    Written by hand (astropy's writer warns about column names such as '2MASS' that are not XML IDs).
    """

    def kind(column: str) -> str:
        values = [row[column] for row in rows if row.get(column) is not None]
        if values and all(isinstance(v, bool) for v in values):
            return 'datatype="boolean"'
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return 'datatype="long"'
        if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            return 'datatype="double"'
        return 'datatype="char" arraysize="*"'

    fields = "".join(f'<FIELD name="{escape(c)}" ID="col{i}" {kind(c)}/>' for i, c in enumerate(columns))
    cells = "".join(
        "<TR>" + "".join(f"<TD>{'' if row.get(c) is None else escape(str(row[c]))}</TD>" for c in columns) + "</TR>"
        for row in rows
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">'
        f'<INFO name="QUERY_STATUS" value="{status}"/><TABLE>{fields}<DATA><TABLEDATA>{cells}</TABLEDATA></DATA>'
        "</TABLE></RESOURCE></VOTABLE>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    server: FakeArchiveServer

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        """hips2fits answers GET requests: a FITS cutout for the parameters."""
        path, _, query = self.path.partition("?")
        form = {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}
        parts = path.strip("/").split("/")
        mode, service = parts[0], parts[1] if len(parts) > 1 else ""
        self.server.seen.append((mode, service, form))
        if len(parts) >= 4 and parts[2] == "async":  # a UWS job: /mode/gaia/async/<id>[/phase|/error|/results/result]
            self._job(mode, parts[3], "/".join(parts[4:]))
        elif service != "hips2fits":
            self._send(404, b"no such service", "text/plain")
        elif mode == "status500":
            self._send(500, b"Internal error", "text/plain")
        else:
            body = self.server.cutout(form)
            self._send(200, body[: len(body) // 2] if mode == "truncate" else body, "application/fits")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}
        parts = self.path.strip("/").split("/")
        mode, service = parts[0], parts[1] if len(parts) > 1 else ""
        self.server.seen.append((mode, service, form))
        if mode == "status500" or (mode == "flaky" and self.server.count(mode) == 1):
            self._send(503 if mode == "flaky" else 500, b"Internal error", "text/plain")
            return
        if len(parts) >= 3 and parts[2] == "async":
            if len(parts) == 3:  # submit: the job is created and, with PHASE=RUN, started
                job = self.server.new_job(form)
                self.send_response(303)
                self.send_header("Location", f"/{mode}/{service}/async/{job}")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:  # PHASE=ABORT on /async/<id>/phase
                self.server.jobs[parts[3]]["phase"] = "ABORTED"
                self._send(200, b"", "text/plain")
            return
        if mode == "slow":  # a slow answer; in this mode a job never finishes instead
            time.sleep(SLOW_S)
        if service == "simbad":
            body = self.server.simbad(form.get("QUERY", ""), overflow=mode == "overflow")
            if mode == "truncate":
                body = body[: len(body) // 2]
            self._send(200, body, "application/x-votable+xml")
        elif service == "vizier":
            self._send(200, self.server.vizier(form.get("QUERY", ""), int(form.get("MAXREC") or 0)), "text/xml")
        elif service == "gaia":
            self._send(200, self.server.gaia(form.get("QUERY", ""), int(form.get("MAXREC") or 0)), "text/xml")
        elif service == "ned":
            self._send(200, self.server.ned(form.get("json", "{}")), "application/json")
        else:
            self._send(404, b"no such service", "text/plain")

    def do_DELETE(self) -> None:
        parts = self.path.strip("/").split("/")
        self.server.jobs.pop(parts[-1], None)
        self._send(200, b"", "text/plain")

    def _job(self, mode: str, job_id: str, what: str) -> None:
        """UWS: the phase runs EXECUTING for two polls (forever in 'slow' mode), then COMPLETED; then the result."""
        job = self.server.jobs.get(job_id)
        if job is None:
            self._send(404, b"no such job", "text/plain")
        elif what == "phase":
            job["polls"] += 1
            if job["phase"] == "EXECUTING" and job["polls"] > 2 and mode != "slow":
                job["phase"] = "COMPLETED"
            self._send(200, job["phase"].encode(), "text/plain")
        elif what == "results/result":
            self._send(200, self.server.gaia(job["QUERY"], int(job.get("MAXREC") or 0)), "text/xml")
        else:
            self._send(200, b"no error", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up at its deadline
            self.wfile.write(body)


class FakeArchiveServer(ThreadingHTTPServer):
    """The server; ``url(service, mode)`` is what a test puts in AEIOU_ARCHIVE_URLS."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.jobs: dict[str, dict[str, Any]] = {}
        self._simbad = json.loads((DATA / "simbad.json").read_text(encoding="utf-8"))
        self._ned = json.loads((DATA / "ned.json").read_text(encoding="utf-8"))
        self._gaia = json.loads((DATA / "gaia.json").read_text(encoding="utf-8"))["rows"]
        self._vizier = json.loads((DATA / "vizier.json").read_text(encoding="utf-8"))
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self) -> FakeArchiveServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()

    def url(self, service: str, mode: str = "ok") -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{mode}/{service}"

    def urls(self, mode: str = "ok") -> str:
        """An AEIOU_ARCHIVE_URLS value sending every archive here."""
        return ",".join(f"{name}={self.url(name, mode)}" for name in ("simbad", "ned", "gaia", "vizier", "hips2fits"))

    def new_job(self, form: dict[str, str]) -> str:
        job_id = f"job{len(self.jobs) + 1}"
        self.jobs[job_id] = {**form, "phase": "EXECUTING" if form.get("PHASE") == "RUN" else "PENDING", "polls": 0}
        return job_id

    def count(self, mode: str) -> int:
        return sum(1 for seen_mode, _service, _form in self.seen if seen_mode == mode)

    def simbad(self, query: str, *, overflow: bool) -> bytes:
        status = "OVERFLOW" if overflow else "OK"
        ident = re.search(r"ident\.id = '((?:[^']|'')*)'", query)
        if ident:
            name = ident.group(1).replace("''", "'")
            key = self._simbad["aliases"].get(name.lower(), name)
            row = self._simbad["objects"].get(key)
            columns = list(next(iter(self._simbad["objects"].values())))
            return votable([row] if row else [], columns, status)
        oid = re.search(r"has_ref\.oidref = (\d+)", query)
        if oid:
            papers = self._simbad["references"].get(oid.group(1), [])
            return votable(papers, ["bibcode", "year", "title"], status)
        error = votable([], ["error"], "ERROR")
        return error.replace(b'value="ERROR"/>', b'value="ERROR">this fake knows no such query</INFO>')

    def vizier(self, query: str, maxrec: int) -> bytes:
        """TAP_SCHEMA.tables by LIKE words or identifier, TAP_SCHEMA.columns of a table, or a cone on a table."""
        if "FROM TAP_SCHEMA.tables" in query:
            words = re.findall(r"LIKE '%([^%']+)%'", query)
            ident = re.search(r"table_name = '([^']+)'", query)
            rows = [
                t
                for t in self._vizier["tables"]
                if (ident and (t["table_name"] == ident.group(1) or t["table_name"].startswith(ident.group(1) + "/")))
                or (words and all(w in t["description"].lower() for w in words))
            ]
            return votable(rows, ["table_name", "description"])
        if "FROM TAP_SCHEMA.columns" in query:
            table = re.search(r"table_name = '([^']+)'", query)
            rows = self._vizier["columns"].get(table.group(1), []) if table else []
            return votable(rows, ["column_name", "unit", "ucd", "description"])
        table = re.search(r'FROM "([^"]+)"', query)
        circle = re.search(r"CIRCLE\('ICRS', ([\d.+-]+), ([\d.+-]+), ([\d.]+)\)", query)
        if not (table and circle):
            return votable([], ["error"], "ERROR")
        ra0, dec0, radius = (float(v) for v in circle.groups())
        out = []
        for row in self._vizier["rows"].get(table.group(1), []):
            ra, dec = np.radians(row["RAJ2000"]), np.radians(row["DEJ2000"])
            cos_sep = np.sin(np.radians(dec0)) * np.sin(dec) + np.cos(np.radians(dec0)) * np.cos(dec) * np.cos(
                ra - np.radians(ra0)
            )
            separation = float(np.degrees(np.arccos(np.clip(cos_sep, -1, 1))))
            if separation <= radius:
                out.append({**row, "_r": separation})
        columns = [c["column_name"] for c in self._vizier["columns"][table.group(1)]] + ["_r"]
        return votable(out[:maxrec] if maxrec else out, columns, "OVERFLOW" if maxrec and len(out) > maxrec else "OK")

    def gaia(self, query: str, maxrec: int) -> bytes:
        """The rows inside the query's CIRCLE (and G limit), brightest first, cut at MAXREC with OVERFLOW."""
        circle = re.search(r"CIRCLE\('ICRS', ([\d.+-]+), ([\d.+-]+), ([\d.]+)\)", query)
        limit = re.search(r"phot_g_mean_mag <= ([\d.+-]+)", query)
        columns = list(self._gaia[0])
        if circle is None:
            return votable([], columns, "ERROR")
        ra0, dec0, radius = (np.radians(float(v)) for v in circle.groups())
        rows = []
        for row in self._gaia:
            ra, dec = np.radians(row["ra"]), np.radians(row["dec"])
            cos_sep = np.sin(dec0) * np.sin(dec) + np.cos(dec0) * np.cos(dec) * np.cos(ra - ra0)
            inside = np.arccos(np.clip(cos_sep, -1, 1)) <= radius
            if inside and (limit is None or row["phot_g_mean_mag"] <= float(limit.group(1))):
                rows.append(row)
        rows.sort(key=lambda row: row["phot_g_mean_mag"])
        overflow = bool(maxrec) and len(rows) > maxrec
        return votable(rows[:maxrec] if maxrec else rows, columns, "OVERFLOW" if overflow else "OK")

    def cutout(self, form: dict[str, str]) -> bytes:
        """A synthetic stand-in for a survey cutout: the stand-in Gaia rows as Gaussian stars on noise, with a TAN WCS.

        It has the shape and header hips2fits gives (so WCS, plotting and caching are exercised), not real pixels.
        """
        from astropy.io import fits
        from astropy.wcs import WCS

        width, height, fov = int(form["width"]), int(form["height"]), float(form["fov"])
        wcs = WCS(naxis=2)
        wcs.wcs.ctype = ["RA---TAN", "DEC--TAN"]
        wcs.wcs.crval = [float(form["ra"]), float(form["dec"])]
        wcs.wcs.crpix = [width / 2 + 0.5, height / 2 + 0.5]
        wcs.wcs.cdelt = [-fov / width, fov / width]
        rng = np.random.default_rng(0)
        image = 100.0 + rng.normal(0, 2.0, (height, width))
        x, y = wcs.wcs_world2pix([r["ra"] for r in self._gaia], [r["dec"] for r in self._gaia], 0)
        yy, xx = np.mgrid[0:height, 0:width]
        for xs, ys, row in zip(x, y, self._gaia, strict=True):
            if -10 < xs < width + 10 and -10 < ys < height + 10:
                flux = 5000.0 * 10 ** (-0.4 * (row["phot_g_mean_mag"] - 8.0))
                image += flux * np.exp(-((xx - xs) ** 2 + (yy - ys) ** 2) / (2 * 2.0**2))
        header = wcs.to_header()
        header["COMMENT"] = "Synthetic stand-in served by tests/fake_archives.py, not survey pixels"
        header["HIPS"] = form.get("hips", "")
        out = io.BytesIO()
        fits.PrimaryHDU(image.astype(np.float32), header).writeto(out)
        return out.getvalue()

    def ned(self, request: str) -> bytes:
        name = str(json.loads(request).get("name", {}).get("v", ""))
        found = self._ned["objects"].get(" ".join(name.lower().split()))
        answer = {"Supplied": name, "ResultCode": 3 if found else 0, "StatusCode": 100}
        if found:
            answer["Preferred"] = found
        return json.dumps(answer).encode()
