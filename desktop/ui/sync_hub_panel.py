"""The Sync screen's "Lab stations" tab, at a campus hub: serving the campus's lab stations on
this network, one-time codes for new stations, and the stations that joined.

Serving is a setting of this computer (:mod:`desktop.ui.hub_service`): when it is on, the app
serves from start-up until it closes. The table shows when each station last synced, from
which address, a warning when its clock is more than two minutes off, and whether it was
revoked; a revoked station is refused from its next request and told why.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import Actor, Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.hub_service import HubService, HubSettings, hub_settings, save_hub_settings
from desktop.ui.i18n import ltr
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sizing import lines
from desktop.ui.sync_dialogs import RevokeStationDialog, StationCodeDialog
from desktop.ui.sync_texts import (
    CLOCK_WARNING_SECONDS,
    grouped_fingerprint,
    local_day,
    local_time,
    typed,
)
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["HubPanel"]


def _new_code(store: Store, actor: Actor) -> tuple[str, str]:
    from sync.hub import create_station_code

    return create_station_code(store, actor)


def _revoke(store: Store, actor: Actor, device_id: str, reason: str) -> dict[str, Any]:
    from sync.hub import revoke_station

    return revoke_station(store, actor, device_id, reason)


class HubPanel(QWidget):
    """Serve lab stations, give codes, list and revoke stations."""

    changed = Signal()  # a station was added or revoked: read the stations again

    def __init__(self, runner: TaskRunner, session: Session, hub: HubService,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.runner, self.session, self.hub = runner, session, hub
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Lab stations sync with this computer over the campus network. Keep Sanad open "
            "here while students work at the stations."
        ), self)  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        chosen = hub_settings()
        serve_row = QHBoxLayout()
        self.serve = QCheckBox(self.tr("Serve lab stations on this net&work"), self)
        self.serve.setObjectName("serveStations")
        self.serve.setChecked(chosen.serve)
        self.serve.toggled.connect(self._serve_toggled)
        serve_row.addWidget(self.serve)
        serve_row.addStretch(1)
        self.port = QSpinBox(self)
        self.port.setObjectName("hubPort")
        self.port.setAccessibleName(self.tr("Port"))
        self.port.setRange(1024, 65535)
        self.port.setValue(chosen.port)
        self.port.valueChanged.connect(lambda _v: self._save())
        port_label = QLabel(self.tr("&Port"), self)
        port_label.setBuddy(self.port)
        serve_row.addWidget(port_label)
        serve_row.addWidget(self.port)
        layout.addLayout(serve_row)
        self.state = QLabel(self)
        self.state.setObjectName("hubState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.addresses = QLabel(self)
        self.addresses.setObjectName("hubAddresses")
        self.addresses.setWordWrap(True)
        layout.addWidget(self.addresses)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("hubFingerprint")
        self.fingerprint.setWordWrap(True)
        layout.addWidget(self.fingerprint)

        self.model = RowsModel([
            ("name", self.tr("Station"), lambda r: r["name"]),
            ("last_seen_at", self.tr("Last synced"),
             lambda r: local_time(r["last_seen_at"]) if r["last_seen_at"] else self.tr("Never")),
            ("last_address", self.tr("From"), lambda r: ltr(r["last_address"] or "")),
            ("clock_offset_seconds", self.tr("Clock"), self._clock),
            ("revoked_at", self.tr("State"), self._state),
        ], self)  # fmt: skip
        self.table = rows_table(self, "stationTable", self.tr("Lab stations"), self.model)
        self.table.setMinimumHeight(lines(self.table, 6))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.code_button = QPushButton(self.tr("New station &code…"), self)
        self.code_button.setObjectName("newStationCode")
        self.code_button.clicked.connect(self.new_code)
        self.revoke_button = QPushButton(self.tr("&Revoke…"), self)
        self.revoke_button.setObjectName("revokeStation")
        self.revoke_button.clicked.connect(self.revoke)
        buttons.addWidget(self.code_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revoke_button)
        layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setObjectName("hubMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        hub.changed.connect(self.show_state)
        self.show_state()

    # -- serving ---------------------------------------------------------------------------------

    def _save(self) -> None:
        save_hub_settings(HubSettings(self.serve.isChecked(), self.port.value()))

    def _serve_toggled(self, on: bool) -> None:
        self._save()
        if on:
            self.hub.start(self.port.value())
        else:
            self.hub.stop()
        self.show_state()

    def show_state(self) -> None:
        hub = self.hub
        self.serve.setEnabled(not hub.busy)
        self.port.setEnabled(not hub.busy and not hub.running)
        self.state.setStyleSheet("")
        self.addresses.clear()
        self.fingerprint.clear()
        self.addresses.hide()
        self.fingerprint.hide()
        if hub.busy:
            self.state.setText(self.tr("Starting…") if self.serve.isChecked()
                               else self.tr("Stopping…"))  # fmt: skip
        elif hub.running:
            self.state.setText(self.tr("Serving lab stations on port {port}.").format(
                port=ltr(str(hub.port))))  # fmt: skip
            found = hub.addresses()
            self.addresses.show()
            if found:
                self.addresses.setText(self.tr("Stations join at: {addresses}").format(
                    addresses=", ".join(ltr(a) for a in found)))  # fmt: skip
            else:
                self.addresses.setText(self.tr(
                    "This computer has no network address now: connect it to the campus network."
                ))  # fmt: skip
            if hub.fingerprint:
                self.fingerprint.show()
                self.fingerprint.setText(self.tr(
                    "Certificate fingerprint: {fingerprint} — a station checks it when it "
                    "joins; read it out if someone asks."
                ).format(fingerprint=grouped_fingerprint(hub.fingerprint)))  # fmt: skip
        elif hub.error:
            self.state.setStyleSheet(ERROR_STYLE)
            self.state.setText(self.tr("Not serving: {error}").format(error=hub.error))
            if self.serve.isChecked():
                self.serve.blockSignals(True)
                self.serve.setChecked(False)
                self.serve.blockSignals(False)
                self._save()
        else:
            self.state.setText(self.tr("Not serving lab stations."))
        self._enable()

    # -- stations --------------------------------------------------------------------------------

    def show_stations(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.station()
        self.model.set_rows(rows)
        if rows:
            self.table.resizeColumnsToContents()
            row = next((n for n, r in enumerate(rows) if chosen and r["id"] == chosen["id"]), 0)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._enable()

    def station(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _clock(self, row: dict[str, Any]) -> str:
        offset = row.get("clock_offset_seconds")
        if offset is None or abs(offset) <= CLOCK_WARNING_SECONDS:
            return ""
        minutes = round(abs(offset) / 60)
        if offset > 0:  # the hub's time is later than the station's
            return self.tr("⚠ %n min behind", "", minutes)
        return self.tr("⚠ %n min ahead", "", minutes)

    def _state(self, row: dict[str, Any]) -> str:
        if not row["revoked_at"]:
            return self.tr("Active")
        day = local_day(row["revoked_at"])
        if row.get("revoked_reason"):
            return self.tr("Revoked {day}: {reason}").format(day=day,
                                                            reason=typed(row["revoked_reason"]))
        return self.tr("Revoked {day}").format(day=day)

    def _enable(self) -> None:
        actor = self.session.actor
        admin = bool(actor) and actor.role == "admin"
        station = self.station()
        self.code_button.setEnabled(admin)
        self.revoke_button.setEnabled(admin and station is not None and not station["revoked_at"])

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def new_code(self) -> None:
        self.code_button.setEnabled(False)
        self.runner.write(_new_code, self.session.actor, done=self._code_made,
                          failed=self._refused)  # fmt: skip

    def _code_made(self, made: tuple[str, str]) -> None:
        self._enable()
        code, expires = made
        self.say("")
        StationCodeDialog.ask(self, code, expires, self.hub.addresses())

    def revoke(self) -> None:
        station = self.station()
        if station is None:
            return
        reason = RevokeStationDialog.ask(self, station["name"])
        if reason is None:
            return
        self.runner.write(_revoke, self.session.actor, station["id"], reason,
                          done=self._revoked, failed=self._refused)  # fmt: skip

    def _revoked(self, row: dict[str, Any]) -> None:
        self.say(self.tr("{name} is revoked: it is refused from its next sync.").format(
            name=row["name"]))  # fmt: skip
        self.changed.emit()

    def _refused(self, error: BaseException) -> None:
        self._enable()
        self.say(error_text(error), error=True)
