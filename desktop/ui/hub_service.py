"""The campus hub's server for lab stations, inside the focal person's app.

When "Serve lab stations on this network" is on (a setting of this computer: ``hub_serve``,
``hub_port``), the main window starts :class:`sync.hub_server.HubServer` at start-up and stops
it when it closes. Starting makes the certificate on first use and waits for the port, stopping
waits for the server's thread: both run on a network thread, never on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

from desktop.ui.i18n import computer_settings
from desktop.ui.network import NetworkJobs, Note

__all__ = ["HubService", "HubSettings", "hub_settings", "save_hub_settings"]

DEFAULT_PORT = 8765  # as sync.hub_server.DEFAULT_PORT (imported only when serving)


@dataclass(frozen=True)
class HubSettings:
    serve: bool
    port: int


def hub_settings() -> HubSettings:
    settings = computer_settings()
    serve = str(settings.value("hub_serve", "false")).lower() == "true"
    try:
        port = int(settings.value("hub_port", DEFAULT_PORT))
    except (TypeError, ValueError):
        port = DEFAULT_PORT
    return HubSettings(serve, port if 0 < port < 65536 else DEFAULT_PORT)


def save_hub_settings(chosen: HubSettings) -> None:
    settings = computer_settings()
    settings.setValue("hub_serve", "true" if chosen.serve else "false")
    settings.setValue("hub_port", chosen.port)
    settings.sync()


def _start(_note: Note, server: Any) -> str:
    from sync.tls import hub_certificate

    server.start()
    return hub_certificate(server.database).fingerprint if server.tls else ""


def _stop(_note: Note, server: Any) -> None:
    server.stop()


class HubService(QObject):
    """Starts and stops the hub's server off the UI thread; ``changed`` after each (read
    :attr:`running`, :attr:`error`, :attr:`port` and :attr:`fingerprint`)."""

    changed = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None, *,
                 host: str = "0.0.0.0") -> None:  # fmt: skip
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.host = host
        # For tests: listen on a port the system chooses (0), whatever port is chosen.
        self.any_port = False
        self.jobs = NetworkJobs(self)
        self.server: Any = None
        self.busy = False
        self.error = ""
        self.fingerprint = ""

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running and not self.busy

    @property
    def port(self) -> int | None:
        return self.server.port if self.running else None

    def addresses(self) -> list[str]:
        """Where lab stations reach this hub: ``https://<address>:<port>`` for each address of
        this computer a station could use (the one it listens on, if only one)."""
        if not self.running:
            return []
        scheme = "https" if self.server.tls else "http"
        if self.host not in ("0.0.0.0", ""):
            hosts = [self.host]
        else:
            ipv4 = QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
            hosts = [a.toString() for a in QNetworkInterface.allAddresses()
                     if a.protocol() == ipv4 and not a.isLoopback()]  # fmt: skip
        return [f"{scheme}://{host}:{self.port}" for host in hosts]

    def start(self, port: int) -> None:
        if self.busy or self.running:
            return
        from sync.hub_server import HubServer

        self.busy = True
        self.error = ""
        server = HubServer(self.db_path, host=self.host, port=0 if self.any_port else port)
        self.server = server
        self.jobs.run(_start, server, done=self._started, failed=self._not_started)

    def _started(self, fingerprint: str) -> None:
        self.busy = False
        self.fingerprint = fingerprint
        self.changed.emit()

    def _not_started(self, error: BaseException) -> None:
        self.busy = False
        self.server = None
        self.error = str(error) or type(error).__name__
        self.changed.emit()

    def stop(self) -> None:
        if self.busy or self.server is None:
            return
        self.busy = True
        server, self.server = self.server, None
        self.jobs.run(_stop, server, done=self._stopped, failed=self._stopped)

    def _stopped(self, _result: object = None) -> None:
        self.busy = False
        self.changed.emit()

    def close(self) -> None:
        """Stop serving as the window closes (the server's thread ends on its own)."""
        if self.server is not None:
            server, self.server = self.server, None
            self.jobs.run(_stop, server)
        self.jobs.close()
