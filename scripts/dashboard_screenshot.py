"""The README's screenshots of the dashboard, taken in headless chromium over the demo store.

    make demo && .venv/bin/python scripts/dashboard_screenshot.py [--db demo.duckdb]

Writes docs/dashboard.png (the overview) and docs/dashboard-article.png (one event opened
in its article, with the trigger, actors, place and quotes highlighted).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tacitus.web.app import create_app
from tacitus.web.browser import chromium, serve_in_thread
from tacitus.web.snapshot import open_snapshot

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default="demo.duckdb")
    ap.add_argument("--code", default="042", help="CAMEO code of the event to open")
    args = ap.parse_args()
    snap = open_snapshot(args.db)
    try:
        with serve_in_thread(create_app(snap.store)) as url, chromium() as browser:
            page = browser.new_page()
            page.goto(url + "/")
            page.wait_for_selector("body[data-ready='1']")
            page.screenshot(path=str(DOCS / "dashboard.png"))
            page.goto(f"{url}/?code={args.code}")
            page.wait_for_selector("body[data-ready='1']")
            page.locator("#events tbody tr").first.click()
            page.locator("#article-text .trigger").first.wait_for()
            page.screenshot(path=str(DOCS / "dashboard-article.png"))
    finally:
        snap.close()
    print(f"wrote {DOCS / 'dashboard.png'} and {DOCS / 'dashboard-article.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
