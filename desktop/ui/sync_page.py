"""The Sync screen (Ctrl+9, focal persons): this computer's links to head office or to the
campus hub, the lab stations it serves, and the conflicts sync found.

For each link: who is at the other end and where, when it last synced (this computer's clock),
how many changes wait to be sent, the bytes sent and received, the last error as a sentence
("Head office unreachable (no connection) — 214 changes waiting, will retry at 14:30"), the
clock warning, and the changes the other side refused in the last sync with their reasons.
"Sync now" runs the :class:`SyncScheduler` at once, with the stage and a Cancel. A campus that
has not joined head office joins here; with no network at all, a USB bundle carries the changes.

Everything is read on a reader thread (:func:`read_sync_state`); syncing, joining and the hub's
server run on network threads; bundles are written and applied on the writer thread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.hub_service import HubService
from desktop.ui.i18n import ltr
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sync_dialogs import JoinDialog
from desktop.ui.sync_hub_panel import HubPanel
from desktop.ui.sync_link_box import LinkBox, table_title
from desktop.ui.sync_scheduler import SyncScheduler, save_sync_interval, sync_interval_minutes
from desktop.ui.sync_texts import local_time
from desktop.ui.tables import rows_table
from desktop.ui.tasks import TaskRunner

__all__ = ["SyncPage", "read_sync_state"]

CONFLICTS_SHOWN = 1000
REFRESH_MS = 30_000  # while the screen is shown: stations come and go, retry times pass


# -- jobs (plain functions: they run on the runner's threads) -----------------------------------


def read_sync_state(conn: Any) -> dict[str, Any]:
    """What the screen shows: the kind of node, its links with the changes waiting, the
    unresolved conflicts, and (at a hub) the lab stations."""
    from sync.client import links, pending_changes
    from sync.hub import stations

    store = Store(conn, Path())
    kind = store.setting("node_kind") or "campus"
    shown = []
    for link in links(store):
        extra = store.one(
            "SELECT last_attempt_at, joined_at, sent_bytes, received_bytes FROM sync_links "
            "WHERE peer_device_id = ?", (link.peer_device_id,)
        )  # fmt: skip
        shown.append({**dataclasses.asdict(link), **(extra or {}),
                      "waiting": pending_changes(store, link)})  # fmt: skip
    conflicts = store.query(
        "SELECT c.id, c.table_name, c.row_id, c.detected_at, c.losing_device, "
        "d.name AS device_name FROM sync_conflicts c LEFT JOIN devices d ON d.id = c.losing_device "
        "WHERE c.resolved_at IS NULL ORDER BY c.detected_at DESC, c.id DESC LIMIT ?",
        (CONFLICTS_SHOWN,),
    )
    return {
        "kind": kind,
        "links": shown,
        "conflicts": conflicts,
        "conflict_count": store.scalar(
            "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL") or 0,
        "stations": stations(store) if kind == "campus" and store.campus_id else [],
    }  # fmt: skip


def export_bundle(store: Store, path: str) -> int:
    from sync.bundles import export_for_peer

    return export_for_peer(store, Path(path)).changes


def import_bundle(store: Store, path: str) -> dict[str, Any]:
    from sync.bundles import import_from_file

    summary = import_from_file(store, Path(path))
    report = summary.report
    return {"changes": summary.changes, "sender": summary.sender,
            "applied": report.applied if report else 0,
            "skipped": report.skipped if report else 0,
            "refused": len(report.refused) if report else 0}  # fmt: skip


# -- the screen ---------------------------------------------------------------------------------


class SyncPage(QWidget):
    """Links, syncing now, USB bundles; lab stations at a hub; conflicts."""

    loaded = Signal()  # the state is read and shown (after every refresh)
    bundle_done = Signal(str)  # an export or import ended: what the screen says

    def __init__(self, runner: TaskRunner, session: Session, parent: QWidget | None = None, *,
                 scheduler: SyncScheduler, hub: HubService) -> None:  # fmt: skip
        super().__init__(parent)
        self.runner, self.session, self.scheduler, self.hub = runner, session, scheduler, hub
        self.state: dict[str, Any] | None = None
        self.boxes: dict[str, LinkBox] = {}
        self.folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("syncTabs")
        outer.addWidget(self.tabs)
        self.tabs.addTab(self._status_tab(), self.tr("Sync &status"))
        self.hub_panel = HubPanel(runner, session, hub, self.tabs)
        self.hub_panel.changed.connect(self.refresh)
        self.tabs.addTab(self.hub_panel, self.tr("&Lab stations"))
        self.tabs.addTab(self._conflicts_tab(), self.tr("C&onflicts"))
        self.tabs.setTabVisible(1, False)

        # Bound methods, not lambdas: they are disconnected when the screen is rebuilt.
        scheduler.started.connect(self._sync_started)
        scheduler.progress.connect(self._progress)
        scheduler.finished.connect(self._sync_finished)
        scheduler.failed.connect(self._sync_ended)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(lambda: self.isVisible() and self.refresh())
        self.timer.start()
        self._running(scheduler.running)
        self._loaded = False

    def _status_tab(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setObjectName("syncStatusScroll")
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        self.links_layout = QVBoxLayout()
        layout.addLayout(self.links_layout)
        join_row = QHBoxLayout()
        self.join_intro = QLabel(self.tr(
            "This computer has not joined head office yet. Join with the registry's address "
            "and the one-time code head office gave you; until then, carry changes on a USB "
            "drive."
        ), body)  # fmt: skip
        self.join_intro.setObjectName("joinIntro")
        self.join_intro.setWordWrap(True)
        join_row.addWidget(self.join_intro, 1)
        self.join_button = QPushButton(self.tr("&Join head office…"), body)
        self.join_button.setObjectName("joinHeadOffice")
        self.join_button.clicked.connect(self.join_head_office)
        join_row.addWidget(self.join_button)
        layout.addLayout(join_row)
        self.join_intro.hide()
        self.join_button.hide()

        sync_row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync &now"), body)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sync_row.addWidget(self.sync_button)
        self.stage = QLabel(body)
        self.stage.setObjectName("syncStage")
        sync_row.addWidget(self.stage)
        self.progress = QProgressBar(body)
        self.progress.setObjectName("syncProgress")
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setTextVisible(False)
        sync_row.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(self.tr("&Cancel"), body)
        self.cancel_button.setObjectName("cancelSync")
        self.cancel_button.clicked.connect(self.cancel_sync)
        sync_row.addWidget(self.cancel_button)
        sync_row.addStretch(0)
        layout.addLayout(sync_row)
        self.message = QLabel(body)
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        schedule_row = QHBoxLayout()
        self.interval = QSpinBox(body)
        self.interval.setObjectName("syncInterval")
        self.interval.setAccessibleName(self.tr("Minutes between automatic syncs"))
        self.interval.setRange(0, 24 * 60)
        self.interval.setSpecialValueText(self.tr("Only when asked"))
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setValue(sync_interval_minutes())
        self.interval.valueChanged.connect(save_sync_interval)
        interval_label = QLabel(self.tr("Sync automatically &every"), body)
        interval_label.setBuddy(self.interval)
        schedule_row.addWidget(interval_label)
        schedule_row.addWidget(self.interval)
        schedule_row.addStretch(1)
        layout.addLayout(schedule_row)

        usb = QGroupBox(self.tr("USB drive"), body)
        usb_layout = QVBoxLayout(usb)
        usb_text = QLabel(self.tr(
            "No network? Export a bundle, carry it on a USB drive to the other computer and "
            "import it there; its reply comes back the same way. A bundle is signed: a changed "
            "or cut one is refused whole."
        ), usb)  # fmt: skip
        usb_text.setWordWrap(True)
        usb_layout.addWidget(usb_text)
        usb_row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("E&xport bundle…"), usb)
        self.export_button.setObjectName("exportBundle")
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = QPushButton(self.tr("&Import bundle…"), usb)
        self.import_button.setObjectName("importBundle")
        self.import_button.clicked.connect(self.import_bundle)
        usb_row.addWidget(self.export_button)
        usb_row.addWidget(self.import_button)
        usb_row.addStretch(1)
        usb_layout.addLayout(usb_row)
        self.bundle_message = QLabel(usb)
        self.bundle_message.setObjectName("bundleMessage")
        self.bundle_message.setWordWrap(True)
        usb_layout.addWidget(self.bundle_message)
        layout.addWidget(usb)
        layout.addStretch(1)
        scroll.setWidget(body)
        return scroll

    def _conflicts_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.conflict_count = QLabel(tab)
        self.conflict_count.setObjectName("conflictCount")
        self.conflict_count.setWordWrap(True)
        layout.addWidget(self.conflict_count)
        self.conflicts = RowsModel([
            ("table_name", self.tr("Record"), lambda r: table_title(r["table_name"])),
            ("detected_at", self.tr("When"), lambda r: local_time(r["detected_at"])),
            ("device_name", self.tr("Edit kept aside, from"),
             lambda r: r["device_name"] or ltr(r["losing_device"][:13])),
        ], self)  # fmt: skip
        self.conflict_table = rows_table(tab, "conflictTable", self.tr("Sync conflicts"),
                                         self.conflicts)  # fmt: skip
        layout.addWidget(self.conflict_table, 1)
        return tab

    # -- reading -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self.runner.read(read_sync_state, done=self._state_in,
                         failed=lambda error: self.say(error_text(error), error=True))  # fmt: skip

    def _state_in(self, state: dict[str, Any]) -> None:
        self.state = state
        links = state["links"]
        for peer in [p for p in self.boxes if p not in {lk["peer_device_id"] for lk in links}]:
            self.boxes.pop(peer).deleteLater()
        for link in links:
            box = self.boxes.get(link["peer_device_id"])
            if box is None:
                box = LinkBox(self)
                self.boxes[link["peer_device_id"]] = box
                self.links_layout.addWidget(box)
            box.show_link(link, self.scheduler.reports.get(link["peer_device_id"]))
        joinable = state["kind"] in ("campus", "head_office") and not any(
            lk["peer_kind"] == "registry" for lk in links)  # fmt: skip
        self.join_intro.setVisible(joinable)
        self.join_button.setVisible(joinable)
        self.tabs.setTabVisible(1, state["kind"] == "campus")
        self.hub_panel.show_stations(state["stations"])
        count = state["conflict_count"]
        self.tabs.setTabText(2, self.tr("C&onflicts ({count})").format(count=count)
                             if count else self.tr("C&onflicts"))  # fmt: skip
        self.conflicts.set_rows(state["conflicts"])
        self.conflict_count.setText(self.tr(
            "%n record(s) were edited in two places at once. The newer edit was kept "
            "everywhere; the one listed here was kept aside for you to review.", "", count
        ) if count else self.tr("No conflicts: no record was edited in two places at once."))
        if state["conflicts"]:
            self.conflict_table.resizeColumnsToContents()
        self._running(self.scheduler.running)
        self.loaded.emit()

    # -- syncing -------------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.say("")
        self.scheduler.sync_now()

    def cancel_sync(self) -> None:
        self.scheduler.cancel()
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Stopping…"))

    def _running(self, running: bool) -> None:
        has_links = bool(self.state and self.state["links"])
        self.sync_button.setEnabled(not running and has_links)
        self.sync_button.setVisible(has_links)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        if running:
            if not self.stage.text():
                self._progress("hello", 0, None)
        else:
            self.stage.clear()

    def _progress(self, stage: str, done: Any, total: Any) -> None:
        if not self.cancel_button.isEnabled() and self.progress.isVisible():
            return  # stopping: the words say so
        words = {
            "hello": self.tr("Checking…"),
            "push": self.tr("Sending changes…"),
            "pull": self.tr("Receiving changes…"),
            "files": self.tr("Sending evidence files…"),
        }
        self.stage.setText(words.get(stage, ""))
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        if total:  # in thousandths: a file's bytes do not fit the bar's int
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, int(done * 1000 // total)))
        else:
            self.progress.setRange(0, 0)

    def _sync_started(self) -> None:
        self._running(True)

    def _sync_finished(self, _report: Any) -> None:
        self._sync_ended("")

    def _sync_ended(self, message: str) -> None:
        self._running(False)
        if message and not (self.state and self.state["links"]):
            self.say(message, error=True)  # not a link's problem: nowhere else to show it
        self.refresh()

    def join_head_office(self) -> None:
        link = JoinDialog.ask(self, self.scheduler)
        if link is None:
            return
        self.say(self.tr("Joined head office. The first sync sends this campus's records."))
        self.refresh()
        self.scheduler.sync_now()

    # -- USB bundles (tests replace the two file choosers) --------------------------------------

    def choose_export_path(self, suggested: str) -> str:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export a bundle"), suggested,
                                              self.tr("Sanad bundles (*.sanad)"))  # fmt: skip
        return name

    def choose_import_path(self) -> str:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a bundle"), self.folder,
                                              self.tr("Sanad bundles (*.sanad)"))  # fmt: skip
        return name

    def export_bundle(self) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        path = self.choose_export_path(str(Path(self.folder) / f"sanad-{stamp}.sanad"))
        if not path:
            return
        if Path(path).suffix.lower() != ".sanad":
            path += ".sanad"
        self.folder = str(Path(path).parent)
        self._bundle_say(self.tr("Writing the bundle…"), final=False)
        self.runner.write(export_bundle, path, done=lambda changes: self._bundle_say(
            self.tr("Wrote {file}: %n change(s). Carry it to the other computer and import it "
                    "there.", "", changes).format(file=ltr(path))),
            failed=lambda error: self._bundle_say(error_text(error), error=True))  # fmt: skip

    def import_bundle(self) -> None:
        path = self.choose_import_path()
        if not path:
            return
        self.folder = str(Path(path).parent)
        self._bundle_say(self.tr("Checking and applying the bundle…"), final=False)
        self.runner.write(import_bundle, path, done=lambda result: self._imported(path, result),
                          failed=lambda error: self._bundle_say(self.tr(
                              "Nothing was imported: {reason}").format(reason=error_text(error)),
                              error=True))  # fmt: skip

    def _imported(self, path: str, result: dict[str, Any]) -> None:
        locale = self.locale()
        self._bundle_say(self.tr(
            "Imported {file}: %n change(s), {applied} new, {skipped} already here, "
            "{refused} refused.", "", result["changes"]
        ).format(file=ltr(Path(path).name), applied=locale.toString(result["applied"]),
                 skipped=locale.toString(result["skipped"]),
                 refused=locale.toString(result["refused"])))  # fmt: skip
        self.refresh()

    def _bundle_say(self, text: str, *, error: bool = False, final: bool = True) -> None:
        self.bundle_message.setStyleSheet(ERROR_STYLE if error else "")
        self.bundle_message.setText(text)
        if final:
            self.bundle_done.emit(text)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))
