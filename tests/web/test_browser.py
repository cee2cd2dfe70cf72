"""Browser tests: Playwright driving Debian's headless Chromium against a live uvicorn server.

Skipped with the reason when /usr/bin/chromium or the playwright package is missing
(install: ``apt-get install chromium`` and ``pip install playwright``; never
``playwright install``: the system Chromium is used).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dialogwatch.settings import Settings
from dialogwatch.store.db import open_store

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None  # type: ignore[assignment]

_MISSING = None
if sync_playwright is None:
    _MISSING = "playwright is not installed (pip install playwright)"
elif not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    _MISSING = f"{CHROMIUM} missing (apt-get install chromium)"
if _MISSING and os.environ.get("DIALOGWATCH_REQUIRE_BROWSER") == "1":
    # CI installs both; a silent skip there would hide a broken install step
    raise RuntimeError(f"browser tests required but {_MISSING}")
if _MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=_MISSING)]

UPLOAD_TEXT = """Joint Statement on the Dialogue on Forensic Cooperation

Mexico City, March 3, 2025

The U.S. delegation was led by Assistant Secretary Jane Doe. The Mexican delegation was headed by \
Undersecretary Carlos Pérez.

The United States and Mexico will establish a joint working group on forensic identification by 2026.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_url(tmp_path: Path) -> Iterator[tuple[str, object]]:
    """A seeded SQLite database served by uvicorn in a thread on 127.0.0.1 and a free port."""
    import uvicorn

    from dialogwatch.web.app import create_app
    from web.seed import seed

    url = f"sqlite:///{tmp_path / 'browser.db'}"
    store = open_store(url)
    seeded = seed(store)
    store.close()
    port = _free_port()
    app = create_app(Settings(db=url, secret_key="browser-test"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", seeded
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def page(live_url: tuple[str, object]) -> Iterator[Page]:
    """A fresh Chromium page."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(base_url=live_url[0], locale="en-US")
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        yield pg
        browser.close()


def sign_in(page: Page, user: str = "ed") -> None:
    """Sign in through the form, with the keyboard only."""
    from web.seed import PASSWORD

    page.goto("/login")
    page.get_by_label("User name").fill(user)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator(".who")).to_contain_text(user)


def test_sign_in_and_out(page: Page) -> None:
    sign_in(page, "vi")
    expect(page.locator(".who")).to_contain_text("viewer")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_upload_shows_highlighted_extractions(page: Page, tmp_path: Path) -> None:
    sign_in(page)
    file = tmp_path / "forensic_statement.txt"
    file.write_text(UPLOAD_TEXT, encoding="utf-8")
    page.goto("/documents/upload")
    page.get_by_label("File (.txt, .md, .html, .pdf, .docx)").set_input_files(str(file))
    page.get_by_role("button", name="Upload and extract").click()
    expect(page.locator("p.notice")).to_contain_text("new")
    expect(page.locator("article.doctext mark.hl-commitment").first).to_contain_text("working group")
    expect(page.locator("article.doctext .hl-person").first).to_have_text(re.compile("Jane Doe|Carlos Pérez"))


def test_correct_an_item(page: Page, live_url: tuple[str, object]) -> None:
    seeded = live_url[1]
    sign_in(page)
    page.goto(f"/documents/{seeded.doc_es}")
    item = page.locator(f"#action-{seeded.commitment_es}")
    item.locator("summary").click()
    item.get_by_label("Field").select_option("level")
    item.get_by_label("New value").fill("2")
    item.get_by_role("button", name="Save correction").click()
    expect(page.locator(f"#t-action-{seeded.commitment_es}")).to_have_class(re.compile("level-2"))
    expect(page.locator(f"#action-{seeded.commitment_es} .badge.rs-edited").first).to_be_visible()


def test_status_with_evidence_changes_dashboard(page: Page, live_url: tuple[str, object]) -> None:
    seeded = live_url[1]
    sign_in(page)
    page.goto("/")
    expect(page.locator("#overdue-count")).to_have_text("2")
    page.goto(f"/actions/{seeded.commitment_en}")
    page.get_by_label("Status", exact=True).select_option("fulfilled")
    page.get_by_label("Document id").fill(str(seeded.doc_es))
    page.get_by_label("Rationale").fill("The working group met, as the 2016 statement reports.")
    page.get_by_role("button", name="Record status").click()
    expect(page.locator("#history")).to_contain_text("The working group met")
    page.goto("/")
    expect(page.locator("#overdue-count")).to_have_text("1")


@pytest.mark.parametrize("query", ["desaparición", "desaparicion", "DESAPARICION"])
def test_spanish_search_with_and_without_accents(
    page: Page, live_url: tuple[str, object], query: str
) -> None:
    seeded = live_url[1]
    page.goto("/search")
    page.get_by_label("Search documents and commitments").first.fill(query)
    page.keyboard.press("Enter")
    expect(page.locator("#result-count")).not_to_have_text(re.compile(r"^0 "))
    hit = page.locator(f"ol.hits a[href='/documents/{seeded.doc_es}']").first
    expect(hit.locator("mark")).to_have_text("desaparición")
