"""`tacitus serve` as a user runs it: a real process on a localhost port."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.store import Store
from tacitus.web.browser import free_port

TACITUS = [sys.executable, "-c", "from tacitus.cli import main; main()"]


def test_serve_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.output


def test_a_running_server_answers_and_never_blocks_a_writer(store_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [*TACITUS, "serve", "--db", str(store_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        status = None
        deadline = time.monotonic() + 60
        while status is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                status = httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=5).json()
            except httpx.TransportError:
                time.sleep(0.2)
        assert status is not None, "tacitus serve did not answer within 60 s"
        assert status["store"] == str(store_path)
        assert status["snapshot"].startswith(f"a snapshot of {store_path}")
        # while it serves, `tacitus code` can still open the store for writing
        with Store(store_path) as writer:
            assert writer.stats()["events"] == status["counts"]["events"]
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in output
    assert "snapshot" in output
