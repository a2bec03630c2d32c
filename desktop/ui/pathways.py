"""The Pathways tab of the Catalogue: stacks of micro-credentials, with their rule and status;
new, edit (drafts), publish, retire.

Publishing is confirmed first, since a published pathway no longer changes. Every rule is the
core's (``desktop.core.services.pathways``); its refusals are shown as they come.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QPushButton

from desktop.core.catalogue_lists import list_member_choices, list_pathways
from desktop.core.services import pathways
from desktop.ui.catalogue_tab import CatalogueTab
from desktop.ui.i18n import ltr
from desktop.ui.models import Column
from desktop.ui.pathway_editor import PathwayEditor
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["PathwaysPanel"]


class PathwaysPanel(CatalogueTab):
    """Pathways and what an admin can do with each."""

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(runner, session, "pathway", parent)
        self.choices: list[dict[str, Any]] = []
        self.search.setPlaceholderText(self.tr("Search by code, title or micro-credential"))
        self.search.setAccessibleName(self.tr("Search the pathways"))
        self.table.setAccessibleName(self.tr("Pathways"))
        self.new_button = QPushButton(self.tr("&New pathway…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.publish_button = QPushButton(self.tr("&Publish"), self)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.add_buttons(
            [self.new_button, self.edit_button, self.publish_button, self.retire_button]
        )
        self.new_button.clicked.connect(lambda: self._editor(None))
        self.edit_button.clicked.connect(self.edit)
        self.publish_button.clicked.connect(self.publish)
        self.retire_button.clicked.connect(self.retire)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.enable()

    def columns(self) -> list[Column]:
        return [
            ("code", self.tr("Code"), lambda r: ltr(r["code"])),
            ("title_en", self.tr("Title"), lambda r: self.localised(r, "title_en", "title_ur")),
            ("rule", self.tr("Earned by"), self._rule),
            ("members", self.tr("Micro-credentials"),
             lambda r: ltr(", ".join(json.loads(r["members"])))),
            ("credit_awarded", self.tr("Credits"), lambda r: f"{r['credit_awarded']:g}"),
            ("status", self.tr("Status"), lambda r: self.status_names[r["status"]]),
            ("scope", self.tr("Scope"), self.scope_name),
        ]  # fmt: skip

    def _rule(self, row: dict[str, Any]) -> str:
        total = len(json.loads(row["members"]))
        if row["rule"] == "all_of":
            return self.tr("all %n", "", total)
        return self.tr("any {count} of %n", "", total).format(count=row["required_count"])

    def load(self, select_id: str | None) -> None:
        actor = self.session.actor
        self.runner.read(
            list_member_choices, actor.campus_id if actor else None, done=self._choices_in
        )
        self.runner.read(
            list_pathways, self.search.text(), done=lambda rows: self.rows_in(rows, select_id)
        )

    def _choices_in(self, choices: list[dict[str, Any]]) -> None:
        self.choices = choices

    def enable(self) -> None:
        admin, status = self.writable_status()
        self.new_button.setEnabled(admin)
        self.edit_button.setEnabled(status == "draft")
        self.publish_button.setEnabled(status == "draft")
        self.retire_button.setEnabled(status == "published")

    # -- actions ---------------------------------------------------------------------------------

    def _editor(self, record: dict[str, Any] | None) -> None:
        editor = PathwayEditor(self.runner, self.session, self.choices, record, self)
        editor.accepted.connect(lambda: self.refresh(editor.saved["id"] if editor.saved else None))
        editor.open()
        self.editor = editor

    def edit(self) -> None:
        if self.edit_button.isEnabled():
            self._editor(self.selected())

    def publish(self) -> None:
        row = self.selected()
        if row is not None and self.confirm(
            self.tr("Publish"),
            self.tr(
                "Publish the pathway {code}? Learners can then follow it, and it can no longer "
                "change."
            ).format(code=row["code"]),
        ):
            self.act(pathways.publish_pathway)

    def retire(self) -> None:
        row = self.selected()
        if row is not None and self.confirm(
            self.tr("Retire"),
            self.tr(
                "Retire the pathway {code}? Nobody new can follow it; what learners have "
                "earned toward it stands."
            ).format(code=row["code"]),
        ):
            self.act(pathways.retire_pathway)
