"""The small dialogs of the Sync screen.

- :class:`JoinDialog`: a campus hub (or head office's desktop) joins head office's registry with
  the one-time code head office gave it; the join runs on a network thread, a refusal is shown
  as the registry wrote it and nothing typed is cleared.
- :class:`StationCodeDialog`: a new one-time code for a lab station, large, with its expiry and
  what to type at the station.
- :class:`RevokeStationDialog`: asks why a lab station is removed from sync.

Each has an ``ask`` classmethod that tests replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.network import Note
from desktop.ui.sizing import characters
from desktop.ui.sync_scheduler import SyncScheduler
from desktop.ui.sync_texts import as_sentence, local_time

__all__ = ["JoinDialog", "RevokeStationDialog", "StationCodeDialog", "join_registry"]


def join_registry(_note: Note, db_path: Path, url: str, code: str) -> Any:
    """The job: join the registry at ``url`` on this thread's own connection."""
    from sync.client import join

    with Store.open(db_path) as store:
        return join(store, url, code)


def _selectable(label: QLabel) -> QLabel:
    flags = Qt.TextInteractionFlag
    label.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard)
    return label


class JoinDialog(QDialog):
    """Join head office: its registry's address and a one-time code."""

    def __init__(self, scheduler: SyncScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scheduler = scheduler
        self.link: Any = None
        self.setWindowTitle(self.tr("Join head office"))
        self.setMinimumWidth(characters(self, 70))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Head office gives each campus its registry's address and a one-time code. Once "
            "joined, this computer sends the campus's records to head office and receives the "
            "national catalogue."
        ), self)  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url = QLineEdit(self)
        self.url.setObjectName("registryUrl")
        self.url.setAccessibleName(self.tr("Registry address"))
        self.url.setPlaceholderText("https://registry.example.pk")
        form.addRow(self.tr("Registry &address"), self.url)
        self.code = QLineEdit(self)
        self.code.setObjectName("joinCode")
        self.code.setAccessibleName(self.tr("One-time code"))
        self.code.setPlaceholderText("7K3M-Q9XD-2PWA-H4TN")
        form.addRow(self.tr("One-time &code"), self.code)
        for edit in (self.url, self.code):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # addresses and codes
        layout.addLayout(form)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("joinBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.message = _selectable(QLabel(self))
        self.message.setObjectName("joinMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.primary = buttons.addButton(self.tr("&Join"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.primary.setObjectName("joinButton")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget, scheduler: SyncScheduler) -> Any:
        """The link made (``sync.client.Link``), or None if the person gave up."""
        dialog = cls(scheduler, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.link if accepted else None

    def submit(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code:
            self.message.setText(self.tr(
                "Type the registry's address and the code head office gave you."
            ))  # fmt: skip
            (self.code if url else self.url).setFocus()
            return
        if "://" not in url:
            url = f"https://{url}"  # head office's registry is served over HTTPS
            self.url.setText(url)
        self.message.clear()
        self._waiting(True)
        self.scheduler.run_job(join_registry, self.scheduler.db_path, url, code,
                               done=self._joined, failed=self._refused)  # fmt: skip

    def _waiting(self, waiting: bool) -> None:
        self.busy.setVisible(waiting)
        for widget in (self.url, self.code, self.primary):
            widget.setEnabled(not waiting)

    def _joined(self, link: Any) -> None:
        self.link = link
        self._waiting(False)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._waiting(False)
        # As the registry (or the network) said it: it names what to check.
        self.message.setText(as_sentence(str(error) or type(error).__name__))
        self.code.setFocus()


class StationCodeDialog(QDialog):
    """A one-time code for a lab station, large enough to read across the room."""

    def __init__(self, code: str, expires: str, addresses: list[str],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.code = code
        self.setWindowTitle(self.tr("New station code"))
        self.setMinimumWidth(characters(self, 72))
        layout = QVBoxLayout(self)
        self.code_label = _selectable(QLabel(ltr(code), self))
        self.code_label.setObjectName("stationCode")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 2.2)
        font.setBold(True)
        self.code_label.setFont(font)
        layout.addWidget(self.code_label)
        self.expiry = QLabel(self.tr("It works once, until {time}.").format(
            time=local_time(expires)), self)  # fmt: skip
        self.expiry.setObjectName("stationCodeExpiry")
        self.expiry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.expiry)
        if addresses:
            steps = self.tr(
                "At the lab station, start Sanad and choose “Join a campus hub (this is a lab "
                "station)”. Type this hub's address and the code:"
            )  # fmt: skip
        else:
            steps = self.tr(
                "This computer is not serving lab stations yet: turn on “Serve lab stations on "
                "this network” first. Then, at the lab station, start Sanad, choose “Join a "
                "campus hub (this is a lab station)” and type this hub's address and the code."
            )  # fmt: skip
        self.steps = QLabel(steps, self)
        self.steps.setObjectName("stationCodeSteps")
        self.steps.setWordWrap(True)
        layout.addWidget(self.steps)
        self.address = _selectable(QLabel("\n".join(ltr(a) for a in addresses), self))
        self.address.setObjectName("stationCodeAddress")
        address_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        address_font.setPointSizeF(max(address_font.pointSizeF(), 10) * 1.4)
        self.address.setFont(address_font)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setVisible(bool(addresses))
        layout.addWidget(self.address)
        buttons = QDialogButtonBox(self)
        copy = QPushButton(self.tr("&Copy the code"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget, code: str, expires: str, addresses: list[str]) -> None:
        dialog = cls(code, expires, addresses, parent)
        dialog.exec()
        dialog.deleteLater()


class RevokeStationDialog(QDialog):
    """Why a lab station is removed from sync (the station is told)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revoke a lab station"))
        self.setMinimumWidth(characters(self, 64))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "Revoke {name}? It can no longer sync with this hub and is told why. What it "
            "already holds stays on it. If this is a mistake, join it again with a new code."
        ).format(name=name), self)  # fmt: skip
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("revokeReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. the computer was stolen"))
        form.addRow(self.tr("&Reason"), self.reason)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        self.primary = buttons.addButton(self.tr("Re&voke"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget, name: str) -> str | None:
        """The reason given, or None if the person gave up (the core checks the reason)."""
        dialog = cls(name, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        reason = dialog.reason.text()
        dialog.deleteLater()
        return reason if accepted else None
