"""The Catalogue screen: a tab of micro-credentials by edition and a tab of pathways.

Micro-credentials: new, edit (drafts), publish, start a new edition, retire. Publishing freezes
an edition (cohorts, assessments and certificates point at it), so it is confirmed first. Every
rule is the core's; its refusals are shown as they come.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.core.catalogue_lists import list_micro_credentials, list_tracks
from desktop.core.services import catalogue
from desktop.ui.catalogue_tab import CatalogueTab
from desktop.ui.i18n import ltr
from desktop.ui.micro_credential_editor import MicroCredentialEditor
from desktop.ui.models import Column
from desktop.ui.pathways import PathwaysPanel
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["CataloguePage", "MicroCredentialsPanel"]


class CataloguePage(QWidget):
    """The two tabs of the catalogue."""

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("catalogueTabs")
        self.micro = MicroCredentialsPanel(runner, session, self.tabs)
        self.pathways = PathwaysPanel(runner, session, self.tabs)
        self.tabs.addTab(self.micro, self.tr("&Micro-credentials"))
        self.tabs.addTab(self.pathways, self.tr("Pat&hways"))
        layout.addWidget(self.tabs)


class MicroCredentialsPanel(CatalogueTab):
    """Micro-credentials and what an admin can do with each."""

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(runner, session, "catalogue", parent)
        self.tracks: list[dict[str, Any]] = []
        self.search.setPlaceholderText(self.tr("Search by code or title"))
        self.search.setAccessibleName(self.tr("Search the catalogue"))
        self.table.setAccessibleName(self.tr("Micro-credentials"))
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.publish_button = QPushButton(self.tr("&Publish"), self)
        self.edition_button = QPushButton(self.tr("New e&dition"), self)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.add_buttons([self.new_button, self.edit_button, self.publish_button,
                          self.edition_button, self.retire_button])  # fmt: skip
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.publish_button.clicked.connect(self.publish)
        self.edition_button.clicked.connect(lambda: self.act(catalogue.new_edition))
        self.retire_button.clicked.connect(self.retire)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.enable()

    def columns(self) -> list[Column]:
        return [
            ("code", self.tr("Code"), lambda r: ltr(r["code"])),
            ("edition", self.tr("Edition"), lambda r: str(r["edition"])),
            ("title_en", self.tr("Title"), lambda r: self.localised(r, "title_en", "title_ur")),
            ("track_en", self.tr("Track"), lambda r: self.localised(r, "track_en", "track_ur")),
            ("level", self.tr("Level"), lambda r: str(r["level"])),
            ("credit_value", self.tr("Credits"), lambda r: f"{r['credit_value']:g}"),
            ("status", self.tr("Status"), lambda r: self.status_names[r["status"]]),
            ("scope", self.tr("Scope"), self.scope_name),
        ]

    def load(self, select_id: str | None) -> None:
        if not self.tracks:
            self.runner.read(list_tracks, done=self._tracks_in)
        self.runner.read(
            list_micro_credentials,
            self.search.text(),
            done=lambda rows: self.rows_in(rows, select_id),
        )

    def _tracks_in(self, tracks: list[dict[str, Any]]) -> None:
        self.tracks = tracks

    def enable(self) -> None:
        admin, status = self.writable_status()
        self.new_button.setEnabled(admin)
        self.edit_button.setEnabled(status == "draft")
        self.publish_button.setEnabled(status == "draft")
        self.edition_button.setEnabled(status in ("published", "retired"))
        self.retire_button.setEnabled(status == "published")

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

    def publish(self) -> None:
        row = self.selected()
        if row is not None and self.confirm(
            self.tr("Publish"),
            self.tr(
                "Publish {code} edition {edition}? Cohorts can then offer it, and it can no "
                "longer change; a later change is a new edition."
            ).format(code=row["code"], edition=row["edition"]),
        ):
            self.act(catalogue.publish_micro_credential)

    def retire(self) -> None:
        row = self.selected()
        if row is not None and self.confirm(
            self.tr("Retire"),
            self.tr("Retire {code}? No new cohort can offer it.").format(code=row["code"]),
        ):
            self.act(catalogue.retire_micro_credential)
