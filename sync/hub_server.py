"""Running the campus hub's sync server: from ``sanad hub serve``, or inside the focal
person's app (a thread beside the window, started and stopped from the Sync screen)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

from desktop.core.blobs import BlobStore
from desktop.core.paths import evidence_dir
from sync.file_store import LocalFileStore, sweep_periodically
from sync.hub import HubNode
from sync.server import make_app
from sync.tls import hub_certificate
from sync.uploads import upload_routes

__all__ = ["DEFAULT_PORT", "HubServer", "hub_app"]

DEFAULT_PORT = 8765
MAX_EVIDENCE = 512 * 1024 * 1024


def hub_app(
    database: Path, *, tls: bool = True, stop: threading.Event | None = None
) -> tuple[Any, HubNode, dict[str, str]]:
    """The ASGI app of the hub of ``database``, its node, and uvicorn's TLS settings. Files
    that stations upload land in the hub's own evidence folder; abandoned uploads are swept
    hourly until ``stop`` is set."""
    blobs = BlobStore(evidence_dir(database))
    files = LocalFileStore(database.with_name(database.name + ".uploads"), blobs=blobs.root)
    sweep_periodically(files, stop=stop)
    node = HubNode(database, evidence_has=blobs.has)
    settings: dict[str, str] = {}
    fingerprint = None
    if tls:
        certificate = hub_certificate(database)
        settings = {"ssl_certfile": str(certificate.certificate),
                    "ssl_keyfile": str(certificate.key)}  # fmt: skip
        fingerprint = certificate.fingerprint
    app = make_app(node, tls_fingerprint=fingerprint, upload_routes=lambda auth: upload_routes(
        files, authenticate=auth, max_size=MAX_EVIDENCE, expiry=dt.timedelta(days=7),
        prefix="/files"))  # fmt: skip
    return app, node, settings


class HubServer:
    """The hub's server on a thread of this process."""

    def __init__(self, database: Path, *, host: str = "0.0.0.0", port: int = DEFAULT_PORT,
                 tls: bool = True) -> None:  # fmt: skip
        self.database, self.host, self.port, self.tls = database, host, port, tls
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self.node: HubNode | None = None
        self.error: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> None:
        """Start serving; raise ``OSError`` (e.g. the port is taken) if it cannot."""
        import uvicorn

        self._stop_sweeping = threading.Event()
        app, self.node, settings = hub_app(self.database, tls=self.tls, stop=self._stop_sweeping)
        config = uvicorn.Config(app, host=self.host, port=self.port, log_level="warning",
                                access_log=False, lifespan="off", **settings)  # fmt: skip
        self._server = uvicorn.Server(config)
        self._server.install_signal_handlers = lambda: None  # not the main thread

        def run() -> None:
            try:
                self._server.run()
            except BaseException as exc:  # reported to whoever started it
                self.error = exc

        self._thread = threading.Thread(target=run, name="sanad-hub-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise OSError(f"the hub could not listen on port {self.port}: it may be in use "
                              "by another program; choose another port")  # fmt: skip
            time.sleep(0.02)
        if self.port == 0:
            self.port = self._server.servers[0].sockets[0].getsockname()[1]

    def stop(self) -> None:
        if getattr(self, "_stop_sweeping", None) is not None:
            self._stop_sweeping.set()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        if self.node is not None:
            self.node.close()
            self.node = None
        self._thread = None
