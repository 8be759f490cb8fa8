"""The web UI in a real browser: Debian's Chromium driven by Playwright against ``python app.py``.

Slow tier (``-m slow``): needs the ``chromium`` package (``.ci/run`` installs it). Screenshots of every
step land in the test's output folder (``tmp_path``), to look at after a run.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DOCS = Path(__file__).parent / "data" / "docs"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# No background connections: the machine's network is closed, and tests must not use it.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
LAPTOP = {"width": 1366, "height": 800}
# The run header names the run once the answer is complete; a new run id means a new answer.
_ANSWERED = """(previous) => {
  const header = document.querySelector('#run-header');
  const match = header && header.innerText.match(/Run (\\S+)/);
  return match !== null && match[1] !== previous;
}"""


@pytest.fixture(scope="module")
def app_url(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``python app.py`` on a free loopback port, with the test session's AEIOU_HOME."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    port = free_port()
    log_path = tmp_path_factory.mktemp("app") / "app.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(port)],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**{k: v for k, v in os.environ.items() if k != "GRADIO_TEMP_DIR"}, "AEIOU_HOME": str(home)},
        )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"app.py exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail(f"app.py did not answer on {url}:\n{log_path.read_text()}")
    assert f"Running on local URL:  http://127.0.0.1:{port}" in log_path.read_text()
    yield url
    process.terminate()
    process.wait(timeout=30)


def _run_id(page) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"Run (\S+)", page.inner_text("#run-header"))
    return match.group(1) if match else ""


def _ask(page, question: str, timeout_ms: int = 120_000) -> None:  # type: ignore[no-untyped-def]
    previous = _run_id(page)
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function(_ANSWERED, arg=previous, timeout=timeout_ms)


def _last_answer(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator('#chat [data-testid="bot"]').last.inner_text()


def _open_tab(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Click a tab, through the overflow menu when the window is too narrow to show it."""
    page.wait_for_selector('[role="tab"]', state="visible")  # the tab bar lays itself out after the page loads
    page.wait_for_timeout(500)
    tab = page.get_by_role("tab", name=name)
    if tab.count() and tab.is_visible():
        tab.click()
        return
    page.click('button[aria-label="More tabs"]')
    page.locator(".overflow-dropdown button", has_text=name).click()


def _trace_tools(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name="Trace").click()
    page.wait_for_selector('#trace [data-testid="cell-0-1"]', timeout=30_000)
    cells = page.locator('#trace [data-testid^="cell-"]')
    texts = {cells.nth(i).get_attribute("data-testid"): cells.nth(i).inner_text() for i in range(cells.count())}
    return [text.strip() for key, text in sorted(texts.items()) if key and re.fullmatch(r"cell-\d+-1", key)]


def test_three_kinds_of_question_render_answer_trace_and_plots(app_url: str, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=LAPTOP)
        page.goto(app_url)
        page.wait_for_selector("#question textarea")
        page.screenshot(path=tmp_path / "0-start.png")

        # 1. a catalog search: answer table in the chat, trace rows, and a sky chart in the Plots tab
        _ask(page, "Which stars brighter than magnitude 4 are within 5 degrees of the Pleiades?")
        assert "Alcyone" in _last_answer(page) and "[1]" in _last_answer(page)
        page.wait_for_function(
            "() => { const img = document.querySelector('#plots img');"
            " return img !== null && img.complete && img.naturalWidth > 300; }",
            timeout=60_000,
        )
        page.screenshot(path=tmp_path / "1-cone-search-plot.png")
        assert _trace_tools(page) == ["resolve_object", "cone_search"]
        page.screenshot(path=tmp_path / "1-cone-search-trace.png")
        page.get_by_role("tab", name="Table").click()
        assert "Alcyone" in page.inner_text("#table")

        # 2. a cosmology calculation, then a follow-up that needs the conversation's context
        _ask(page, "How old was the universe at z = 3?")
        assert "2.1438 Gyr" in _last_answer(page)
        assert _trace_tools(page) == ["cosmology_calculator"]
        _ask(page, "and at z=2?")
        assert "z = 2" in _last_answer(page)
        page.screenshot(path=tmp_path / "2-cosmology.png")
        answers = page.locator('#chat [data-testid="bot"]').count()
        page.fill("#question textarea", "")
        page.click("#ask")  # an empty Ask changes nothing: it used to blank the chat and keep its context (U1)
        page.wait_for_timeout(2000)
        assert page.locator('#chat [data-testid="bot"]').count() == answers

        # 3. a literature question: the paper is cited, the Sources tab lists it
        _ask(page, "Which paper used CycleGAN to boost SDSS signal-to-noise?")
        assert "arXiv:2011.07124" in _last_answer(page)
        assert _trace_tools(page) == ["search_literature"]
        page.get_by_role("tab", name="Sources").click()
        assert "2011.07124" in page.inner_text("#sources")
        page.screenshot(path=tmp_path / "3-literature.png")

        # provenance: replay re-executes and says the outputs are identical; the bundle downloads
        page.get_by_role("tab", name="Provenance").click()
        page.click("#replay")
        page.wait_for_function(
            "() => document.querySelector('#replay-status').innerText.includes('identical')", timeout=60_000
        )
        assert "Identical." in page.inner_text("#replay-status")
        page.click("#export")
        link = page.locator("#bundle a").first
        link.wait_for(timeout=60_000)
        with page.expect_download() as download_info:
            link.click()
        bundle = tmp_path / "bundle.zip"
        download_info.value.save_as(bundle)
        assert bundle.read_bytes()[:2] == b"PK"
        page.screenshot(path=tmp_path / "4-provenance.png")

        # documents: upload a note and a file of the wrong type; each gets its own result row
        _open_tab(page, "Documents")
        wrong = tmp_path / "tool.exe"
        wrong.write_bytes(b"MZ")
        page.locator("#uploads input[type=file]").set_input_files([str(DOCS / "notes.md"), str(wrong)])
        page.wait_for_timeout(1500)
        page.click("#ingest")
        page.wait_for_function(
            "() => document.querySelector('#ingest-status').innerText.includes('file(s)')", timeout=120_000
        )
        results = page.inner_text("#ingest-table")
        assert "notes.md" in results and "tool.exe" in results and "skipped" in results
        page.screenshot(path=tmp_path / "5-documents.png")

        # bad input: a readable message in the chat, the page keeps working
        _ask(page, "SELECT * FROM hipparcos; DROP TABLE hipparcos")
        assert "Traceback" not in _last_answer(page) and "nothing was changed" in _last_answer(page).lower()
        page.screenshot(path=tmp_path / "6-refused.png", full_page=True)
        browser.close()


CONCURRENT = {
    "How far away is Vega?": "7.679 ± 0.021 pc",
    "Where is M51?": "Whirlpool Galaxy",
    "How old was the universe at z = 3?": "2.1438 Gyr",
    "What is the angular separation between Betelgeuse and Rigel?": "18.6059°",
    "Which constellation is M31 in?": "Andromeda (And)",
    "How far away is Sirius?": "2.637 ± 0.011 pc",
    "What is the luminosity distance to z=0.5?": "2919.6 Mpc",
    "Where is M13?": "Hercules Globular Cluster",
}


def test_eight_concurrent_sessions_get_their_own_answers(app_url: str, tmp_path: Path):
    from playwright.async_api import async_playwright

    async def session(browser, index: int, question: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        context = await browser.new_context(viewport=LAPTOP)
        page = await context.new_page()
        await page.goto(app_url)
        await page.wait_for_selector("#question textarea")
        await page.fill("#question textarea", question)
        await page.click("#ask")
        await page.wait_for_function(_ANSWERED, arg="", timeout=180_000)
        answer = await page.locator('#chat [data-testid="bot"]').last.inner_text()
        header = await page.inner_text("#run-header")
        await page.screenshot(path=tmp_path / f"session-{index}.png")
        await context.close()
        return answer, header

    async def run() -> list[tuple[str, str]]:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            results = await asyncio.gather(*(session(browser, i, q) for i, q in enumerate(CONCURRENT)))
            await browser.close()
            return list(results)

    results = asyncio.run(run())
    run_ids = set()
    for (answer, header), (question, expected) in zip(results, CONCURRENT.items(), strict=True):
        assert expected in answer, f"{question!r} got {answer!r}"
        others = [e for q, e in CONCURRENT.items() if q != question]
        assert not any(e in answer for e in others), f"cross-talk in the answer to {question!r}: {answer!r}"
        run_ids.add(re.search(r"Run (\S+)", header).group(1))  # type: ignore[union-attr]
    assert len(run_ids) == len(CONCURRENT), "each session has its own run"


def test_the_served_ui_refuses_a_foreign_host_header(app_url: str):
    """DNS rebinding (issue 18, E3): a page on another name that resolves to this machine cannot drive the UI."""
    import http.client
    from urllib.parse import urlsplit

    port = urlsplit(app_url).port

    def status(method: str, path: str, host: str) -> int:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request(method, path, body="{}" if method == "POST" else None, headers={"Host": host})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status

    assert status("GET", "/", f"127.0.0.1:{port}") == 200
    assert status("GET", "/", f"localhost:{port}") == 200
    assert status("GET", "/", "evil.example") == 400
    assert status("POST", "/gradio_api/queue/join", f"evil.example:{port}") == 400


def _flate_bomb(path: Path) -> Path:
    """A 0.4 MB PDF whose page content inflates to 300 MB: pypdf stops at its decompression limit."""
    import io
    import zlib

    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    stream = StreamObject()
    stream._data = zlib.compress(b"0 0 m " * 50_000_000, 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_upload_abuse_is_refused_and_nothing_lands_outside_the_upload_folder(app_url: str, home: Path, tmp_path: Path):
    """Issue 18: bombs, wrong types, '../' and absolute names, oversize files, and file-route probes."""
    import http.client
    import uuid
    from urllib.parse import quote, urlsplit

    from playwright.sync_api import sync_playwright

    port = urlsplit(app_url).port
    uploads = home / "uploads"
    store_before = {p: p.read_bytes() for p in (home / "store").glob("*.duckdb")}
    token = uuid.uuid4().hex[:8]  # names no earlier run could have left anywhere

    def request(method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        payload = response.read()
        connection.close()
        return response.status, payload

    def upload(filename: str, content: bytes) -> tuple[int, bytes]:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return request(
            "POST", "/gradio_api/upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )

    # names that try to leave the upload folder are kept inside it, by their last part only
    for name in (f"../../../../tmp/{token}-a.md", f"/tmp/{token}-b.md", f"..\\..\\{token}-c.md"):
        status, payload = upload(name, b"# hostile name\n")
        assert status == 200, payload
        (stored,) = json.loads(payload)
        assert Path(stored).resolve().is_relative_to(uploads.resolve()) and token in Path(stored).name
    assert not list(Path("/tmp").glob(f"{token}*")) and not list(home.glob(f"{token}*"))
    # oversize: refused by the server before it is stored
    status, payload = upload(f"{token}-big.pdf", b"\0" * (51 * 1024 * 1024))
    assert status == 413 and b"maximum allowed size" in payload
    assert not [p for p in uploads.rglob(f"{token}-big.pdf")]
    # the file route serves the artifact and upload folders only
    for target in ("/etc/passwd", home / "ledger.sqlite", *store_before, home / "artifacts" / ".." / "ledger.sqlite"):
        status, _ = request("GET", f"/gradio_api/file={quote(str(target))}")
        assert status in (403, 404), f"{target} answered {status}"

    # through the page: a real flate bomb, a wrong type, a hostile name and a fine note, one result row each
    bomb = _flate_bomb(tmp_path / "bomb.pdf")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=LAPTOP)
        page.goto(app_url)
        page.wait_for_selector("#question textarea")
        _open_tab(page, "Documents")
        page.locator("#uploads input[type=file]").set_input_files(
            [
                {"name": "bomb.pdf", "mimeType": "application/pdf", "buffer": bomb.read_bytes()},
                {"name": "setup.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x90\x00"},
                {"name": f"../../{token}-escape.md", "mimeType": "text/markdown", "buffer": b"# Escape\n\nNothing.\n"},
            ]
        )
        page.wait_for_timeout(1500)
        page.click("#ingest")
        page.wait_for_function(
            "() => document.querySelector('#ingest-status').innerText.includes('file(s)')", timeout=120_000
        )
        rows = page.inner_text("#ingest-table")
        page.screenshot(path=tmp_path / "uploads.png", full_page=True)
        browser.close()
    assert "bomb.pdf" in rows and "setup.exe" in rows and f"{token}-escape.md" in rows, rows
    assert re.search(r"bomb\.pdf\s+skipped", rows) and re.search(r"setup\.exe\s+skipped", rows), rows
    assert re.search(rf"{token}-escape\.md\s+ingested", rows), rows  # by its last name part, inside the uploads
    assert "Traceback" not in rows and "AppError" not in rows
    assert not list(Path("/tmp").glob(f"{token}*")) and not list(home.glob(f"{token}*"))
    assert {p: p.read_bytes() for p in store_before} == store_before  # the catalog store is untouched
