"""Editing a pathway: the micro-credentials it stacks and how many of them earn it.

The dialog collects what ``pathways.create_pathway`` and ``update_pathway`` take, saves on the
writer thread and shows the core's problems next to their fields. Members are ticked in a list
of the catalogue's micro-credentials (filtered as one types); a course without a published
edition is marked, since the pathway cannot be published until it has one. Closing with unsaved
changes asks first.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import pathways
from desktop.core.store import Actor, Store
from desktop.ui.forms import FieldMarks, RecordForm
from desktop.ui.i18n import in_language, ltr
from desktop.ui.session import Session
from desktop.ui.tasks import TaskRunner

__all__ = ["PathwayEditor"]


class PathwayEditor(RecordForm):
    """A new campus pathway, or a draft pathway to change."""

    def __init__(
        self,
        runner: TaskRunner,
        session: Session,
        choices: list[dict[str, Any]],
        record: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, session, record, parent)
        self.setWindowTitle(
            self.tr("New pathway")
            if record is None
            else self.tr("Edit pathway {code}").format(code=record["code"])
        )
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        general = QLabel(self)
        general.setObjectName("editorProblems")
        layout.addWidget(general)
        self.marks = FieldMarks(general)
        form = QFormLayout()
        layout.addLayout(form)
        self.code = self.marks.add_row(form, "code", self.tr("&Code"), QLineEdit(self))
        self.code.setPlaceholderText("PATH-DATA-ANALYST")
        self.title_en = self.marks.add_row(
            form, "title_en", self.tr("Title in &English"), QLineEdit(self)
        )
        self.title_ur = self.marks.add_row(
            form, "title_ur", self.tr("Title in &Urdu"), QLineEdit(self)
        )
        self.rule = self.marks.add_row(form, "rule", self.tr("Earned &by"), QComboBox(self))
        self.rule.addItem(self.tr("passing all of them"), "all_of")
        self.rule.addItem(self.tr("passing a number of them"), "n_of")
        self.required = self.marks.add_row(
            form, "required_count", self.tr("&How many"), QSpinBox(self)
        )
        self.required.setRange(1, 99)
        self.required.setValue(2)
        self.credit = self.marks.add_row(
            form, "credit_awarded", self.tr("C&redit awarded"), QDoubleSpinBox(self)
        )
        self.credit.setRange(0, 200)
        self.credit.setDecimals(1)
        self.credit.setSingleStep(0.5)
        self.credit.setValue(6)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("memberFilter")
        self.filter.setPlaceholderText(self.tr("Filter by code or title"))
        self.filter.setAccessibleName(self.tr("Filter micro-credentials"))
        self.filter.setClearButtonEnabled(True)
        form.addRow(self.tr("&Micro-credentials"), self.filter)
        self.members = QListWidget(self)
        self.members.setAccessibleName(self.tr("Micro-credentials in the pathway"))
        self.marks.add("members", self.members, QLabel(self))
        self.members.setObjectName("members")
        layout.addWidget(self.members, 1)
        layout.addWidget(self.marks.fields["members"][1])
        self.count = QLabel(self)
        self.count.setObjectName("memberCount")
        layout.addWidget(self.count)
        for choice in choices:
            self._add_choice(choice)
        self.add_buttons(layout, self.tr("&Save draft"))
        self.rule.currentIndexChanged.connect(lambda _i: self._rule_changed())
        self.members.itemChanged.connect(lambda _item: self._members_changed())
        self.filter.textChanged.connect(self._filter)
        self._load(record)
        self._rule_changed()
        self._members_changed()
        self.mark_pristine()

    def _add_choice(self, choice: dict[str, Any]) -> QListWidgetItem:
        text = f"{ltr(choice['code'])} — {in_language(choice)}"
        if not choice["published"]:
            text += "  " + self.tr("(no published edition yet)")
        item = QListWidgetItem(text, self.members)
        item.setData(Qt.ItemDataRole.UserRole, choice["code"])
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                      | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def _items(self) -> list[QListWidgetItem]:
        return [self.members.item(row) for row in range(self.members.count())]

    def _load(self, record: dict[str, Any] | None) -> None:
        if record is None:
            return
        self.code.setText(record["code"])
        self.code.setReadOnly(True)
        self.title_en.setText(record["title_en"])
        self.title_ur.setText(record["title_ur"] or "")
        self.rule.setCurrentIndex(max(0, self.rule.findData(record["rule"])))
        self.credit.setValue(record["credit_awarded"])
        chosen = set(json.loads(record["members"]))
        known = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()}
        for code in sorted(chosen - known):
            # A member the list does not offer (withdrawn since) stays until it is unticked.
            self._add_choice({"code": code, "title_en": "", "title_ur": "", "published": False})
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)
        if record["required_count"]:
            # After the ticks: the count can be no more than the members chosen.
            self.required.setValue(record["required_count"])

    def _rule_changed(self) -> None:
        self.required.setEnabled(self.rule.currentData() == "n_of")

    def _members_changed(self) -> None:
        ticked = len(self.chosen_codes())
        self.count.setText(self.tr("%n micro-credential(s) chosen", "", ticked))
        self.required.setMaximum(max(1, ticked))

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def chosen_codes(self) -> list[str]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def values(self) -> dict[str, Any]:
        """What the dialog holds, in the shape the pathway service takes."""
        n_of = self.rule.currentData() == "n_of"
        return {
            "code": self.code.text(),
            "title_en": self.title_en.text(),
            "title_ur": self.title_ur.text(),
            "rule": self.rule.currentData(),
            "members": self.chosen_codes(),
            "required_count": self.required.value() if n_of else None,
            "credit_awarded": self.credit.value(),
        }

    def save_job(self, actor: Actor | None, data: dict[str, Any]) -> Callable[[Store], Any]:
        record = self.record

        def save(store: Store) -> dict[str, Any]:
            if record is None:
                return pathways.create_pathway(store, actor, **data, scope="campus")
            changes = {k: v for k, v in data.items() if k != "code"}
            return pathways.update_pathway(store, actor, record["id"], changes)

        return save
