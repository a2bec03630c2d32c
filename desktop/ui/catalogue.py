"""The Catalogue screen: micro-credentials by edition, with their status; new, edit (drafts),
publish, start a new edition, retire.

Publishing freezes an edition (cohorts, assessments and certificates point at it), so it is
confirmed first. Every rule is the core's; its refusals are shown as they come.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.catalogue_lists import list_micro_credentials, list_tracks
from desktop.core.services import catalogue
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.micro_credential_editor import MicroCredentialEditor
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["CataloguePage"]


class CataloguePage(QWidget):
    """Micro-credentials and what an admin can do with each."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.tracks: list[dict[str, Any]] = []
        self.status_names = {
            "draft": self.tr("draft"),
            "published": self.tr("published"),
            "retired": self.tr("retired"),
        }
        self.model = RowsModel(
            [
                ("code", self.tr("Code"), lambda r: ltr(r["code"])),
                ("edition", self.tr("Edition"), lambda r: str(r["edition"])),
                ("title_en", self.tr("Title"), self._title),
                ("track_en", self.tr("Track"), self._track),
                ("level", self.tr("Level"), lambda r: str(r["level"])),
                ("credit_value", self.tr("Credits"), lambda r: f"{r['credit_value']:g}"),
                ("status", self.tr("Status"), lambda r: self.status_names[r["status"]]),
                ("scope", self.tr("Scope"), lambda r: self.tr("national")
                 if r["scope"] == "national" else self.tr("campus")),
            ],
            self,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("catalogueSearch")
        self.search.setPlaceholderText(self.tr("Search by code or title"))
        self.search.setAccessibleName(self.tr("Search the catalogue"))
        layout.addWidget(self.search)
        self.table = QTableView(self)
        self.table.setObjectName("catalogueTable")
        self.table.setAccessibleName(self.tr("Micro-credentials"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setObjectName("catalogueMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.publish_button = QPushButton(self.tr("&Publish"), self)
        self.edition_button = QPushButton(self.tr("New e&dition"), self)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        for button in (self.new_button, self.edit_button, self.publish_button,
                       self.edition_button, self.retire_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.publish_button.clicked.connect(self.publish)
        self.edition_button.clicked.connect(self.new_edition)
        self.retire_button.clicked.connect(self.retire)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.search.textChanged.connect(lambda _text: self.refresh())
        session.changed.connect(lambda _actor: self._enable())
        self._sized = False
        self._enable()
        self._loaded = False

    def showEvent(self, event) -> None:
        # Loaded when first shown, so start-up does not wait for it.
        if not self._loaded:
            self._loaded = True
            self.runner.read(list_tracks, done=self._tracks_in)
            self.refresh()
        super().showEvent(event)

    def _title(self, row: dict[str, Any]) -> str:
        urdu = self.layoutDirection() == Qt.LayoutDirection.RightToLeft and row["title_ur"]
        return row["title_ur"] if urdu else row["title_en"]

    def _track(self, row: dict[str, Any]) -> str:
        urdu = self.layoutDirection() == Qt.LayoutDirection.RightToLeft and row["track_ur"]
        return row["track_ur"] if urdu else row["track_en"]

    def _tracks_in(self, tracks: list[dict[str, Any]]) -> None:
        self.tracks = tracks

    def refresh(self, select_id: str | None = None) -> None:
        self.runner.read(
            list_micro_credentials,
            self.search.text(),
            done=lambda rows: self._rows_in(rows, select_id),
        )

    def _rows_in(self, rows: list[dict[str, Any]], select_id: str | None) -> None:
        chosen = select_id or (self.selected() or {}).get("id")
        self.model.set_rows(rows)
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        for number, row in enumerate(rows):
            if row["id"] == chosen:
                self.table.selectRow(number)
        self._enable()
        self.changed.emit()

    def selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _enable(self) -> None:
        actor = self.session.actor
        admin = bool(actor) and actor.role == "admin"
        row = self.selected()
        # The core refuses the same: national records change at head office only.
        writable = (
            admin and row is not None and (row["scope"] == "campus" or self.session.head_office)
        )
        status = row["status"] if writable else None
        self.new_button.setEnabled(admin)
        self.edit_button.setEnabled(admin and status == "draft")
        self.publish_button.setEnabled(admin and status == "draft")
        self.edition_button.setEnabled(admin and status in ("published", "retired"))
        self.retire_button.setEnabled(admin and status == "published")

    # -- actions ---------------------------------------------------------------------------------

    def _editor(self, record: dict[str, Any] | None) -> None:
        editor = MicroCredentialEditor(self.runner, self.session, self.tracks, record, self)
        editor.accepted.connect(lambda: self.refresh(editor.saved["id"] if editor.saved else None))
        editor.open()
        self.editor = editor

    def new(self) -> None:
        self._editor(None)

    def edit(self) -> None:
        if self.edit_button.isEnabled():
            self._editor(self.selected())

    def confirm(self, title: str, text: str) -> bool:
        """Asked before a change that cannot be undone; tests replace it."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _act(self, action, row: dict[str, Any]) -> None:
        actor = self.session.actor
        self.message.clear()
        self.runner.write(
            lambda store: action(store, actor, row["id"]),
            done=lambda record: self.refresh(record["id"]),
            failed=self._refused,
        )

    def publish(self) -> None:
        row = self.selected()
        if row is None:
            return
        if self.confirm(
            self.tr("Publish"),
            self.tr(
                "Publish {code} edition {edition}? Cohorts can then offer it, and it can no "
                "longer change; a later change is a new edition."
            ).format(code=row["code"], edition=row["edition"]),
        ):
            self._act(catalogue.publish_micro_credential, row)

    def new_edition(self) -> None:
        row = self.selected()
        if row is not None:
            self._act(catalogue.new_edition, row)

    def retire(self) -> None:
        row = self.selected()
        if row is not None and self.confirm(
            self.tr("Retire"),
            self.tr("Retire {code}? No new cohort can offer it.").format(code=row["code"]),
        ):
            self._act(catalogue.retire_micro_credential, row)

    def _refused(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
