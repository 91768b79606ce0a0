"""A real ``dragoman serve`` on 127.0.0.1 and a real headless Chromium (Debian's, driven by Playwright)
for the browser tests. Playwright never downloads a browser here: it drives the installed one."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium_path() -> str:
    """Debian's Chromium (``.ci/run`` installs it); a clear error when it is missing."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("the browser tests need Chromium: apt-get install chromium (.ci/run does)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(db: str, log: Path, *extra: str) -> Iterator[str]:
    """``dragoman serve`` in a child process until the block ends; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "dragoman.cli.main", "--db", db, "serve", "--port", str(port), *extra]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=os.environ.copy())
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"dragoman serve exited: {log.read_text(errors='replace')}")
                try:
                    if httpx.get(f"{base}/api/facets", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"dragoman serve did not answer in 60 s: {log.read_text(errors='replace')}")
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
