"""Real servers on loopback for the sync tests: uvicorn in a thread, or a ``sanad`` process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn

SANAD = [sys.executable, "-m", "desktop.cli"]


@contextmanager
def serve_in_thread(app: Any, **ssl: Any) -> Iterator[str]:
    """``app`` served by uvicorn on 127.0.0.1 (a free port); yields its base URL."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                            lifespan="off", **ssl)  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    scheme = "https" if ssl else "http"
    try:
        yield f"{scheme}://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SanadProcess:
    """A ``sanad …`` server in its own process (so a test can ``kill -9`` it)."""

    def __init__(self, args: list[str], *, port: int, scheme: str = "http",
                 env: dict[str, str] | None = None, log: Path | None = None) -> None:  # fmt: skip
        self.args, self.port, self.scheme = args, port, scheme
        self.env = {**os.environ, **(env or {})}
        self.log = log
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self) -> SanadProcess:
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen([*SANAD, *self.args], stdout=out, stderr=out,
                                        env=self.env, start_new_session=True)  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"sanad {' '.join(self.args)} exited with "
                                   f"{self.process.returncode}: {self._tail()}")  # fmt: skip
            try:
                if httpx.get(self.url + "/health", verify=False, timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"sanad {' '.join(self.args)} did not answer: {self._tail()}")

    def _tail(self) -> str:
        return self.log.read_text(errors="replace")[-2000:] if self.log else ""

    def kill(self) -> None:
        """``kill -9``: no chance to clean up."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> SanadProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
