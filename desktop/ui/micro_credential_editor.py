"""Editing a micro-credential: details, competencies, evidence requirements and the rubric.

The dialog collects exactly what ``catalogue.create_micro_credential`` and
``update_micro_credential`` take, saves on the writer thread, and shows the core's problems:
detail fields next to their inputs, problems of the structured parts (competency 2, rubric
criterion 1 …) at the top with the tab they are on. Closing with unsaved changes asks first.

The rubric's descriptors are written in English and in Urdu: the criteria table shows one
language at a time, chosen above it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.services import catalogue
from desktop.core.store import Actor, Store
from desktop.ui.forms import FieldMarks, RecordForm
from desktop.ui.i18n import ScriptFontDelegate
from desktop.ui.session import Session
from desktop.ui.sizing import lines
from desktop.ui.tasks import TaskRunner

__all__ = ["MicroCredentialEditor"]

KINDS = ("file", "link", "reflection")
DEFAULT_LEVELS = (("Beginning", "ابتدائی", 0), ("Developing", "ترقی پذیر", 1),
                  ("Proficient", "ماہر", 2), ("Exemplary", "مثالی", 3))  # fmt: skip
NONE = -1  # a pass-rule spin box at this value means "no such rule"
# The criteria table shows the descriptors of one language at a time; each row's first cell
# keeps both lists, and the shown one is written back to it when the language is switched.
DESCRIPTORS = {"en": Qt.ItemDataRole.UserRole + 1, "ur": Qt.ItemDataRole.UserRole + 2}


def _item(text: str | None, key: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text or "")
    if key:
        item.setData(Qt.ItemDataRole.UserRole, key)
    return item


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item else ""


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setItemDelegate(ScriptFontDelegate(table))
    return table


def _rows_editor(parent: QWidget, table: QTableWidget, add_text: str, remove_text: str,
                 on_add) -> QWidget:  # fmt: skip
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.addWidget(table, 1)
    buttons = QHBoxLayout()
    add = QPushButton(add_text, box)
    remove = QPushButton(remove_text, box)
    add.clicked.connect(on_add)
    remove.clicked.connect(lambda: table.removeRow(table.currentRow()))
    buttons.addWidget(add)
    buttons.addWidget(remove)
    buttons.addStretch(1)
    layout.addLayout(buttons)
    return box


class MicroCredentialEditor(RecordForm):
    """A new micro-credential (campus-local draft), or a draft edition to change."""

    def __init__(
        self,
        runner: TaskRunner,
        session: Session,
        tracks: list[dict[str, Any]],
        record: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, session, record, parent)
        self.setWindowTitle(
            self.tr("New micro-credential")
            if record is None
            else self.tr("Edit {code} edition {edition}").format(
                code=record["code"], edition=record["edition"]
            )
        )
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        general = QLabel(self)
        general.setObjectName("editorProblems")
        layout.addWidget(general)
        self.marks = FieldMarks(general)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._details(tracks)
        self._competencies()
        self._evidence()
        self._rubric()
        self.add_buttons(layout, self.tr("&Save draft"))
        self._load(record)
        self.mark_pristine()

    # -- building the tabs -----------------------------------------------------------------------

    def _details(self, tracks: list[dict[str, Any]]) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.code = self.marks.add_row(form, "code", self.tr("&Code"), QLineEdit(page))
        self.title_en = self.marks.add_row(
            form, "title_en", self.tr("Title in &English"), QLineEdit(page)
        )
        self.title_ur = self.marks.add_row(
            form, "title_ur", self.tr("Title in &Urdu"), QLineEdit(page)
        )
        self.description_en = self.marks.add_row(
            form, "description_en", self.tr("Description in English"), QPlainTextEdit(page)
        )
        self.description_ur = self.marks.add_row(
            form, "description_ur", self.tr("Description in Urdu"), QPlainTextEdit(page)
        )
        for box in (self.description_en, self.description_ur):
            box.setTabChangesFocus(True)
            box.setFixedHeight(lines(box, 4.5))
        self.track = self.marks.add_row(form, "track_id", self.tr("&Track"), QComboBox(page))
        for track in tracks:
            self.track.addItem(f"{track['name_en']} ({track['code']})", track["id"])
        self.level = self.marks.add_row(form, "level", self.tr("PNQF &level"), QSpinBox(page))
        self.level.setRange(1, 8)
        self.level.setValue(5)
        self.hours = self.marks.add_row(
            form, "notional_hours", self.tr("Notional &hours"), QSpinBox(page)
        )
        self.hours.setRange(1, 2000)
        self.hours.setValue(60)
        self.credit = self.marks.add_row(
            form, "credit_value", self.tr("C&redit hours"), QDoubleSpinBox(page)
        )
        self.credit.setRange(0, 60)
        self.credit.setSingleStep(0.5)
        self.credit.setDecimals(1)
        self.credit.setValue(2)
        self.validity = self.marks.add_row(
            form, "validity_months", self.tr("&Valid for (months)"), QSpinBox(page)
        )
        self.validity.setRange(0, 600)
        self.validity.setSpecialValueText(self.tr("no end"))
        self.tabs.addTab(page, self.tr("Details"))

    def _competencies(self) -> None:
        self.competencies = _table(self, "competencies", [self.tr("English"), self.tr("Urdu")])
        self.tabs.addTab(
            _rows_editor(self, self.competencies, self.tr("Add a competency"), self.tr("Remove"),
                         lambda: self._add_row(self.competencies)),
            self.tr("Competencies"),
        )  # fmt: skip

    def _evidence(self) -> None:
        self.evidence = _table(
            self,
            "evidence",
            [self.tr("English"), self.tr("Urdu"), self.tr("File"), self.tr("Link"),
             self.tr("Reflection")],
        )  # fmt: skip
        self.tabs.addTab(
            _rows_editor(self, self.evidence, self.tr("Add a requirement"), self.tr("Remove"),
                         lambda: self._add_evidence(None)),
            self.tr("Evidence"),
        )  # fmt: skip

    def _rubric(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Levels, lowest first, with their points"), page))
        self.levels = _table(
            page, "levels", [self.tr("English"), self.tr("Urdu"), self.tr("Points")]
        )
        self.levels.setFixedHeight(
            self.levels.verticalHeader().defaultSectionSize() * 5 + lines(self.levels, 1.5)
        )
        layout.addWidget(self.levels)
        level_buttons = QHBoxLayout()
        add_level = QPushButton(self.tr("Add a level"), page)
        remove_level = QPushButton(self.tr("Remove the level"), page)
        add_level.clicked.connect(lambda: self._add_level("", "", self.levels.rowCount()))
        remove_level.clicked.connect(self._remove_level)
        level_buttons.addWidget(add_level)
        level_buttons.addWidget(remove_level)
        level_buttons.addStretch(1)
        layout.addLayout(level_buttons)
        criteria_header = QHBoxLayout()
        criteria_header.addWidget(
            QLabel(self.tr("Criteria: what each level looks like for each criterion"), page), 1
        )
        self.descriptor_language = QComboBox(page)
        self.descriptor_language.setObjectName("descriptorLanguage")
        self.descriptor_language.addItem(self.tr("Descriptors in English"), "en")
        self.descriptor_language.addItem(self.tr("Descriptors in Urdu"), "ur")
        self.descriptor_language.setAccessibleName(self.tr("Language of the descriptors shown"))
        self._shown_language = "en"
        self.descriptor_language.currentIndexChanged.connect(
            lambda _i: self._show_descriptors(self.descriptor_language.currentData())
        )
        criteria_header.addWidget(self.descriptor_language)
        layout.addLayout(criteria_header)
        self.criteria = _table(page, "criteria", [])
        layout.addWidget(
            _rows_editor(page, self.criteria, self.tr("Add a criterion"), self.tr("Remove"),
                         lambda: self._add_row(self.criteria)),
            1,
        )  # fmt: skip
        rule = QFormLayout()
        self.min_each = QSpinBox(page)
        self.min_each.setObjectName("min_points_each")
        self.min_each.setRange(NONE, 100)
        self.min_each.setSpecialValueText(self.tr("no rule"))
        self.min_each.setAccessibleName(self.tr("Points every criterion needs"))
        self.min_total = QSpinBox(page)
        self.min_total.setObjectName("min_total")
        self.min_total.setRange(NONE, 1000)
        self.min_total.setSpecialValueText(self.tr("no rule"))
        self.min_total.setAccessibleName(self.tr("Total points needed"))
        rule.addRow(self.tr("To pass, every criterion needs at least"), self.min_each)
        rule.addRow(self.tr("and the total must be at least"), self.min_total)
        layout.addLayout(rule)
        self.levels.itemChanged.connect(lambda _item: self._criteria_headers())
        self.tabs.addTab(page, self.tr("Rubric"))

    # -- rows ------------------------------------------------------------------------------------

    def _add_row(self, table: QTableWidget, values: list[str] | None = None,
                 key: str | None = None) -> None:  # fmt: skip
        row = table.rowCount()
        table.insertRow(row)
        for column in range(table.columnCount()):
            value = (values or [])[column] if values and column < len(values) else ""
            table.setItem(row, column, _item(value, key if column == 0 else None))

    def _add_evidence(self, requirement: dict[str, Any] | None) -> None:
        row = self.evidence.rowCount()
        self.evidence.insertRow(row)
        requirement = requirement or {"kinds": ["file"]}
        self.evidence.setItem(row, 0, _item(requirement.get("title_en"), requirement.get("id")))
        self.evidence.setItem(row, 1, _item(requirement.get("title_ur")))
        for offset, kind in enumerate(KINDS):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            checked = kind in requirement.get("kinds", [])
            check.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.evidence.setItem(row, 2 + offset, check)

    def _add_level(self, label_en: str, label_ur: str, points: int) -> None:
        self._add_row(self.levels, [label_en, label_ur, str(points)])
        self._criteria_headers()

    def _remove_level(self) -> None:
        row = self.levels.currentRow()
        if row < 0:
            return
        # The level's descriptors go with it, in both languages, not the last column's.
        self._stash_descriptors()
        for r in range(self.criteria.rowCount()):
            first = self.criteria.item(r, 0)
            for role in DESCRIPTORS.values():
                kept = list(first.data(role) or [])
                if row < len(kept):
                    del kept[row]
                first.setData(role, kept)
        self.levels.removeRow(row)
        self._criteria_headers()
        self._unstash_descriptors()

    # -- descriptors in two languages ------------------------------------------------------------

    def _stash_descriptors(self) -> None:
        """Write the shown descriptors back to their language's list in each row."""
        role = DESCRIPTORS[self._shown_language]
        for r in range(self.criteria.rowCount()):
            first = self.criteria.item(r, 0)
            if first is not None:
                first.setData(role, self._descriptors(r, self._shown_language))

    def _unstash_descriptors(self) -> None:
        role = DESCRIPTORS[self._shown_language]
        for r in range(self.criteria.rowCount()):
            first = self.criteria.item(r, 0)
            kept = (first.data(role) if first is not None else None) or []
            for c in range(2, self.criteria.columnCount()):
                n = c - 2
                self.criteria.setItem(r, c, _item(kept[n] if n < len(kept) else ""))

    def _show_descriptors(self, language: str) -> None:
        if language == self._shown_language:
            return
        self._stash_descriptors()
        self._shown_language = language
        self._criteria_headers()
        self._unstash_descriptors()

    def _urdu_descriptors(self, row: int) -> list[str]:
        """None written means the rubric has no Urdu; some written is checked by the core."""
        urdu = self._descriptors(row, "ur")
        return urdu if any(urdu) else []

    def _descriptors(self, row: int, language: str) -> list[str]:
        """One row's descriptors in a language, one per level (blank where none is written)."""
        if language == self._shown_language:
            return [_text(self.criteria, row, c) for c in range(2, self.criteria.columnCount())]
        first = self.criteria.item(row, 0)
        kept = list((first.data(DESCRIPTORS[language]) if first is not None else None) or [])
        levels = self.criteria.columnCount() - 2
        return (kept + [""] * levels)[:levels]

    def _criteria_headers(self) -> None:
        # Level names in the language of the descriptors shown, English where Urdu is missing.
        label = 1 if getattr(self, "_shown_language", "en") == "ur" else 0
        names = [_text(self.levels, r, label) or _text(self.levels, r, 0)
                 or self.tr("Level {n}").format(n=r + 1)
                 for r in range(self.levels.rowCount())]  # fmt: skip
        headers = [self.tr("Criterion"), self.tr("Criterion (Urdu)"), *names]
        self.criteria.setColumnCount(len(headers))
        self.criteria.setHorizontalHeaderLabels(headers)
        for row in range(self.criteria.rowCount()):
            for column in range(len(headers)):
                if self.criteria.item(row, column) is None:
                    self.criteria.setItem(row, column, _item(""))

    # -- values ----------------------------------------------------------------------------------

    def _load(self, record: dict[str, Any] | None) -> None:
        if record is None:
            for label_en, label_ur, points in DEFAULT_LEVELS:
                self._add_level(label_en, label_ur, points)
            self._add_row(self.competencies)
            self._add_evidence(None)
            self._add_row(self.criteria)
            self.min_each.setValue(1)
            self.min_total.setValue(NONE)
            return
        self.code.setText(record["code"])
        self.code.setReadOnly(True)
        self.title_en.setText(record["title_en"])
        self.title_ur.setText(record["title_ur"] or "")
        self.description_en.setPlainText(record["description_en"])
        self.description_ur.setPlainText(record["description_ur"] or "")
        self.track.setCurrentIndex(max(0, self.track.findData(record["track_id"])))
        self.level.setValue(record["level"])
        self.hours.setValue(record["notional_hours"])
        self.credit.setValue(record["credit_value"])
        self.validity.setValue(record["validity_months"] or 0)
        for item in json.loads(record["competencies"]):
            self._add_row(self.competencies, [item["text_en"], item.get("text_ur") or ""],
                          item["id"])  # fmt: skip
        for requirement in json.loads(record["evidence_requirements"]):
            self._add_evidence(requirement)
        rubric = json.loads(record["rubric"])
        for level in rubric["levels"]:
            self._add_level(level["label_en"], level.get("label_ur") or "", level["points"])
        for criterion in rubric["criteria"]:
            self._add_row(
                self.criteria,
                [criterion["title_en"], criterion.get("title_ur") or "",
                 *criterion["descriptors_en"]],
                criterion["id"],
            )  # fmt: skip
            first = self.criteria.item(self.criteria.rowCount() - 1, 0)
            first.setData(DESCRIPTORS["en"], criterion["descriptors_en"])
            first.setData(DESCRIPTORS["ur"], criterion.get("descriptors_ur") or [])
        rule = rubric["pass_rule"]
        self.min_each.setValue(
            NONE if rule.get("min_points_each") is None else rule["min_points_each"]
        )
        self.min_total.setValue(NONE if rule.get("min_total") is None else rule["min_total"])

    def values(self) -> dict[str, Any]:
        """What the dialog holds, in the shape the catalogue service takes."""
        levels = []
        for r in range(self.levels.rowCount()):
            points = _text(self.levels, r, 2)
            levels.append(
                {
                    "label_en": _text(self.levels, r, 0),
                    "label_ur": _text(self.levels, r, 1) or None,
                    "points": int(points) if points.lstrip("-").isdigit() else points,
                }
            )
        criteria = []
        for r in range(self.criteria.rowCount()):
            first = self.criteria.item(r, 0)
            criteria.append(
                {
                    "id": first.data(Qt.ItemDataRole.UserRole) if first else None,
                    "title_en": _text(self.criteria, r, 0),
                    "title_ur": _text(self.criteria, r, 1) or None,
                    "descriptors_en": self._descriptors(r, "en"),
                    "descriptors_ur": self._urdu_descriptors(r),
                }
            )  # fmt: skip
        competencies = [
            {
                "id": self.competencies.item(r, 0).data(Qt.ItemDataRole.UserRole),
                "text_en": _text(self.competencies, r, 0),
                "text_ur": _text(self.competencies, r, 1) or None,
            }
            for r in range(self.competencies.rowCount())
        ]
        evidence = [
            {
                "id": self.evidence.item(r, 0).data(Qt.ItemDataRole.UserRole),
                "title_en": _text(self.evidence, r, 0),
                "title_ur": _text(self.evidence, r, 1) or None,
                "kinds": [kind for offset, kind in enumerate(KINDS)
                          if self.evidence.item(r, 2 + offset).checkState()
                          == Qt.CheckState.Checked],
            }
            for r in range(self.evidence.rowCount())
        ]  # fmt: skip
        return {
            "code": self.code.text(),
            "title_en": self.title_en.text(),
            "title_ur": self.title_ur.text(),
            "description_en": self.description_en.toPlainText(),
            "description_ur": self.description_ur.toPlainText(),
            "track_id": self.track.currentData(),
            "level": self.level.value(),
            "notional_hours": self.hours.value(),
            "credit_value": self.credit.value(),
            "validity_months": self.validity.value() or None,
            "competencies": competencies,
            "evidence_requirements": evidence,
            "rubric": {
                "levels": levels,
                "criteria": criteria,
                "pass_rule": {
                    "min_points_each": None if self.min_each.value() == NONE
                    else self.min_each.value(),
                    "min_total": None if self.min_total.value() == NONE
                    else self.min_total.value(),
                },
            },
        }  # fmt: skip

    # -- saving ----------------------------------------------------------------------------------

    def save_job(self, actor: Actor | None, data: dict[str, Any]) -> Callable[[Store], Any]:
        record = self.record

        def save(store: Store) -> dict[str, Any]:
            if record is None:
                return catalogue.create_micro_credential(store, actor, data, scope="campus")
            changes = {k: v for k, v in data.items() if k != "code"}
            return catalogue.update_micro_credential(store, actor, record["id"], changes)

        return save
