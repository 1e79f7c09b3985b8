"""A server in a thread and a headless Chromium, for the dashboard's tests, benchmark and
README screenshot.

Chromium is Debian's (`apt-get install chromium`), driven by Playwright through its
executable path: Playwright's own browser download is never used, so nothing is fetched at
run time. Playwright is a test dependency; it is imported only when a browser is asked for.
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI

from tacitus.errors import TacitusError

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

# Headless, and nothing that talks to the network or to a profile outside the fresh one.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip
VIEWPORT = {"width": 1400, "height": 900}


def find_chromium() -> str | None:
    """The path of an installed chromium, or None."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_in_thread(app: FastAPI, *, start_timeout: float = 30.0) -> Iterator[str]:
    """Run `app` on a free localhost port for the duration; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise TacitusError(f"the dashboard server did not start within {start_timeout} s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(
    executable: str | None = None, *, timeout_ms: int = 30_000
) -> Iterator[BrowserContext]:
    """A headless Chromium with a fresh profile, removed afterwards."""
    from playwright.sync_api import sync_playwright

    path = executable or find_chromium()
    if path is None:
        raise TacitusError("no chromium found: apt-get install chromium")
    with (
        sync_playwright() as p,
        tempfile.TemporaryDirectory(prefix="tacitus-chromium-") as profile,
    ):
        # Playwright hands the fresh profile to chromium as --user-data-dir itself.
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=path,
            args=list(CHROMIUM_FLAGS),
            headless=True,
            viewport={"width": VIEWPORT["width"], "height": VIEWPORT["height"]},
        )
        context.set_default_timeout(timeout_ms)
        try:
            yield context
        finally:
            context.close()
