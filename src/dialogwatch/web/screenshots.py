"""Take the README screenshots: ``python -m dialogwatch.web.screenshots DB_URL OUT_DIR``.

Serves ``DB_URL`` with uvicorn on a free local port and drives Debian's headless
Chromium through Playwright (``pip install playwright``; ``apt-get install
chromium``). Writes dashboard.png, reader.png, heatmap.png and tracker.png.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from dialogwatch.settings import Settings
from dialogwatch.store.models import Action, Meeting, Series

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


def _targets(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with app.state.store.session() as s:
        doc = s.execute(
            select(Action.document_id, func.count())
            .group_by(Action.document_id)
            .order_by(func.count().desc())
        ).first()
        series = s.execute(
            select(Series.id, func.count(Meeting.id))
            .join(Meeting, Meeting.series_id == Series.id)
            .group_by(Series.id)
            .order_by(func.count(Meeting.id).desc())
        ).first()
    return {
        "dashboard": "/",
        "reader": f"/documents/{doc[0] if doc else 1}",
        "heatmap": f"/series/{series[0] if series else 1}/topics",
        "tracker": "/tracker",
    }


def main(db: str, out: str) -> None:
    """Serve ``db`` and save one PNG per page into ``out``."""
    import uvicorn
    from playwright.sync_api import sync_playwright

    from dialogwatch.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(Settings(db=db))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    Path(out).mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(
                viewport={"width": 1360, "height": 900}, base_url=f"http://127.0.0.1:{port}"
            )
            for name, path in _targets(app).items():
                page.goto(path)
                page.screenshot(path=str(Path(out) / f"{name}.png"), full_page=name != "reader")
                print(f"{name}: {path}")
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m dialogwatch.web.screenshots DB_URL OUT_DIR")
    main(sys.argv[1], sys.argv[2])
