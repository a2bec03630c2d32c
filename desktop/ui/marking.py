"""The Marking screen: submitted attempts waiting for marks, and the marking of one of them.

An assessor sees the attempts of their own cohorts, the longest waiting first; a focal person
sees every cohort, and the attempts held because their markings disagree, which they resolve.
Opening an attempt shows its evidence (images, PDF and text inside the app; other files open
in the computer's own viewer), earlier attempts' feedback, and the rubric: a level chosen for
each criterion with its descriptor in view, the pass rule checked as levels are chosen, the
decision and written feedback. "Blind second marking" records an independent marking for
quality assurance that decides nothing by itself.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.blobs import BlobStore
from desktop.core.marking_lists import QueueFilter, marking_queue, submission
from desktop.core.paths import evidence_dir
from desktop.core.rubric import meets_pass_rule
from desktop.core.services import assessments
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sizing import lines
from desktop.ui.tasks import TaskRunner

__all__ = ["MarkingDialog", "MarkingPage", "decision_names"]

SHOWN_INSIDE = ("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf")
TEXT_TYPES = ("text/", "application/json", "application/x-ipynb+json", "application/sql")


def decision_names() -> dict[str, str]:
    return {
        "pass": QCoreApplication.translate("Decision", "Pass"),
        "resubmit": QCoreApplication.translate("Decision", "Ask for a resubmission"),
        "fail": QCoreApplication.translate("Decision", "Fail"),
    }


class MarkingPage(QWidget):
    """The queue of submitted attempts, with filters; open one to mark it."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.queue = RowsModel(
            [
                ("registration_no", self.tr("Registration no."),
                 lambda r: ltr(r["registration_no"])),
                ("full_name", self.tr("Name"), lambda r: r["full_name"]),
                ("cohort_code", self.tr("Cohort"), lambda r: ltr(r["cohort_code"])),
                ("micro_code", self.tr("Micro-credential"), self._title),
                ("attempt", self.tr("Attempt"), lambda r: str(r["attempt"])),
                ("waiting_days", self.tr("Waiting"),
                 lambda r: self.tr("%n day(s)", "", r["waiting_days"])),
                ("state", self.tr("State"), self._state),
            ],
            self,
        )  # fmt: skip
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("markingTabs")
        outer.addWidget(self.tabs)
        submissions = QWidget(self.tabs)
        self.tabs.addTab(submissions, self.tr("&Submissions"))
        from desktop.ui.marking_backlog import BacklogPanel

        # The focal person's tab; shown while an admin is signed in.
        self.backlog = BacklogPanel(runner, session, self.tabs)
        self.tabs.addTab(self.backlog, self.tr("&Backlog and assessors"))
        actor = session.actor
        self.tabs.setTabVisible(1, bool(actor) and actor.role == "admin")
        session.changed.connect(
            lambda who: self.tabs.setTabVisible(1, bool(who) and who.role == "admin")
        )
        layout = QVBoxLayout(submissions)
        filters = QHBoxLayout()
        self.micro_filter = QComboBox(self)
        self.micro_filter.setObjectName("markingMicroFilter")
        self.micro_filter.setAccessibleName(self.tr("Micro-credential"))
        self.micro_filter.addItem(self.tr("Every micro-credential"), None)
        micro_label = QLabel(self.tr("&Micro-credential"), self)
        micro_label.setBuddy(self.micro_filter)
        self.waiting_filter = QSpinBox(self)
        self.waiting_filter.setObjectName("waitingFilter")
        self.waiting_filter.setAccessibleName(self.tr("Waiting at least, in days"))
        self.waiting_filter.setRange(0, 365)
        self.waiting_filter.setSuffix(self.tr(" days"))
        waiting_label = QLabel(self.tr("Waiting at &least"), self)
        waiting_label.setBuddy(self.waiting_filter)
        self.cohort_filter = QComboBox(self)
        self.cohort_filter.setObjectName("markingCohortFilter")
        self.cohort_filter.setAccessibleName(self.tr("Cohort"))
        self.cohort_filter.addItem(self.tr("Every cohort"), None)
        cohort_label = QLabel(self.tr("Co&hort"), self)
        cohort_label.setBuddy(self.cohort_filter)
        filters.addWidget(cohort_label)
        filters.addWidget(self.cohort_filter, 1)
        filters.addWidget(micro_label)
        filters.addWidget(self.micro_filter, 2)
        filters.addWidget(waiting_label)
        filters.addWidget(self.waiting_filter)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.count_label = QLabel(self.tr("Loading the submissions…"), self)
        self.count_label.setObjectName("markingCount")
        layout.addWidget(self.count_label)
        self.table = QTableView(self)
        self.table.setObjectName("markingQueue")
        self.table.setAccessibleName(self.tr("Submissions to mark"))
        self.table.setModel(self.queue)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open the submission…"), self)
        self.open_button.setObjectName("openSubmission")
        self.open_button.setEnabled(False)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.micro_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.cohort_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.waiting_filter.valueChanged.connect(lambda _v: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.open_button.setEnabled(self.chosen() is not None)
        )
        self.table.activated.connect(lambda _index: self.open_chosen())
        self.open_button.clicked.connect(self.open_chosen)
        session.changed.connect(lambda _actor: self._loaded and self.refresh())
        self._loaded = False
        self._sized = False

    def showEvent(self, event) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh()
        super().showEvent(event)

    def _title(self, row: dict[str, Any]) -> str:
        urdu = self.layoutDirection() == Qt.LayoutDirection.RightToLeft and row["title_ur"]
        return f"{ltr(row['micro_code'])} {row['title_ur'] if urdu else row['title_en']}"

    def _state(self, row: dict[str, Any]) -> str:
        actor = self.session.actor
        if row["state"] == "disagreement":
            return self.tr("Markings disagree: the focal person resolves")
        if actor and actor.user_id in row["marked_by"]:
            return self.tr("You marked it; waiting for the deciding marking")
        if row["blind_markings"]:
            return self.tr("To mark (%n second marking(s) done)", "", row["blind_markings"])
        return self.tr("To mark")

    def current_filter(self) -> QueueFilter:
        actor = self.session.actor
        return QueueFilter(
            campus_id=actor.campus_id if actor else None,
            assessor_id=actor.user_id if actor and actor.role == "assessor" else None,
            cohort_id=self.cohort_filter.currentData(),
            micro_code=self.micro_filter.currentData(),
            waiting_days=self.waiting_filter.value() or None,
        )

    def refresh(self) -> None:
        wanted = self.current_filter()
        self.runner.read(lambda conn: marking_queue(conn, wanted), done=self._queue_in)

    def _queue_in(self, rows: list[dict[str, Any]]) -> None:
        self.queue.set_rows(rows)
        self.count_label.setText(self.tr("%n submission(s) waiting", "", len(rows)))
        if self.micro_filter.count() == 1 and self.cohort_filter.count() == 1:
            # Filled once, from the whole queue: the choices are what is waiting.
            micro: dict[str, str] = {}
            cohort: dict[str, str] = {}
            for row in rows:
                micro.setdefault(row["micro_code"], self._title(row))
                cohort.setdefault(row["cohort_code"], row["cohort_id"])
            for code, title in sorted(micro.items()):
                self.micro_filter.addItem(title, code)
            for code, cohort_id in sorted(cohort.items()):
                self.cohort_filter.addItem(ltr(code), cohort_id)
        if rows and not self._sized:
            self.table.resizeColumnsToContents()
            self._sized = True
        self.open_button.setEnabled(self.chosen() is not None)
        self.changed.emit()

    def chosen(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.queue.rows[index.row()] if index.isValid() else None

    def open_chosen(self) -> None:
        row = self.chosen()
        if row is not None and MarkingDialog.ask(self.runner, self.session, row["id"], self):
            self.refresh()


class MarkingDialog(QDialog):
    """One submitted attempt: its evidence, and the rubric to mark it with."""

    loaded = Signal()

    def __init__(self, runner: TaskRunner, session: Session, enrolment_id: str, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.enrolment_id = enrolment_id
        self.blobs = BlobStore(evidence_dir(runner.db_path))
        self.data: dict[str, Any] | None = None
        self.levels: dict[str, QButtonGroup] = {}
        self._opened: list[Path] = []
        self.setWindowTitle(self.tr("Marking"))
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Loading the submission…"), self)
        self.heading.setObjectName("markingHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        splitter = QSplitter(self)
        layout.addWidget(splitter, 1)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Evidence of this attempt"), left))
        self.evidence_list = QListWidget(left)
        self.evidence_list.setObjectName("evidenceList")
        self.evidence_list.setAccessibleName(self.tr("Evidence of this attempt"))
        self.evidence_list.setMaximumHeight(lines(self.evidence_list, 6))
        left_layout.addWidget(self.evidence_list)
        self.viewer = QStackedWidget(left)
        self.viewer.setObjectName("evidenceViewer")
        self.image = QLabel(self.viewer)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image_scroll = QScrollArea(self.viewer)
        image_scroll.setWidget(self.image)
        image_scroll.setWidgetResizable(True)
        self.text = QPlainTextEdit(self.viewer)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The evidence's text"))
        self.outside = QWidget(self.viewer)
        outside_layout = QVBoxLayout(self.outside)
        self.outside_label = QLabel(self.outside)
        self.outside_label.setWordWrap(True)
        self.outside_button = QPushButton(self.tr("Open with this computer's viewer"), self.outside)
        self.outside_button.setObjectName("openOutside")
        self.outside_button.clicked.connect(self.open_outside)
        outside_layout.addWidget(self.outside_label)
        outside_layout.addWidget(self.outside_button)
        outside_layout.addStretch(1)
        self.pdf = None  # made when a PDF is first shown (QtPdf loads a moment)
        self.viewer.addWidget(image_scroll)
        self.viewer.addWidget(self.text)
        self.viewer.addWidget(self.outside)
        left_layout.addWidget(self.viewer, 1)
        self.earlier = QLabel(left)
        self.earlier.setObjectName("earlierAttempts")
        self.earlier.setWordWrap(True)
        self.earlier.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left_layout.addWidget(self.earlier)
        self.evidence_list.currentRowChanged.connect(self.show_evidence)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Rubric"), right))
        self.rubric_box = QWidget(right)
        self.rubric_box.setObjectName("rubric")
        self.rubric_layout = QVBoxLayout(self.rubric_box)
        rubric_scroll = QScrollArea(right)
        rubric_scroll.setWidget(self.rubric_box)
        rubric_scroll.setWidgetResizable(True)
        right_layout.addWidget(rubric_scroll, 1)
        self.rule_label = QLabel(right)
        self.rule_label.setObjectName("passRule")
        self.rule_label.setWordWrap(True)
        right_layout.addWidget(self.rule_label)
        decision_row = QHBoxLayout()
        self.decision = QButtonGroup(self)
        for key, name in decision_names().items():
            button = QRadioButton(name, right)
            button.setObjectName(f"decision_{key}")
            button.setProperty("decision", key)
            self.decision.addButton(button)
            decision_row.addWidget(button)
        right_layout.addLayout(decision_row)
        feedback_label = QLabel(self.tr("Written &feedback for the learner"), right)
        self.feedback = QPlainTextEdit(right)
        self.feedback.setObjectName("feedback")
        self.feedback.setAccessibleName(self.tr("Written feedback for the learner"))
        self.feedback.setMaximumHeight(lines(self.feedback, 6))
        feedback_label.setBuddy(self.feedback)
        right_layout.addWidget(feedback_label)
        right_layout.addWidget(self.feedback)
        self.blind = QCheckBox(self.tr("&Blind second marking (quality assurance: decides nothing "
                                       "by itself)"), right)  # fmt: skip
        self.blind.setObjectName("blindMarking")
        right_layout.addWidget(self.blind)
        self.markings = QLabel(right)
        self.markings.setObjectName("otherMarkings")
        self.markings.setWordWrap(True)
        right_layout.addWidget(self.markings)
        self.resolution = QWidget(right)
        resolution_layout = QHBoxLayout(self.resolution)
        resolution_layout.setContentsMargins(0, 0, 0, 0)
        self.chosen_marking = QComboBox(self.resolution)
        self.chosen_marking.setObjectName("chosenMarking")
        self.chosen_marking.setAccessibleName(self.tr("The marking that stands"))
        self.resolution_reason = QLineEdit(self.resolution)
        self.resolution_reason.setObjectName("resolutionReason")
        self.resolution_reason.setAccessibleName(self.tr("Reason"))
        self.resolution_reason.setPlaceholderText(self.tr("Reason"))
        self.resolve_button = QPushButton(self.tr("&Resolve"), self.resolution)
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.clicked.connect(self.resolve)
        resolution_layout.addWidget(self.chosen_marking, 2)
        resolution_layout.addWidget(self.resolution_reason, 2)
        resolution_layout.addWidget(self.resolve_button)
        self.resolution.hide()
        right_layout.addWidget(self.resolution)
        self.message = QLabel(right)
        self.message.setObjectName("markingMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        right_layout.addWidget(self.message)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 580])

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save the marking"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setEnabled(False)
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        actor = session.actor
        runner.read(lambda conn: submission(conn, actor, enrolment_id), done=self._in,
                    failed=self._refused)  # fmt: skip

    @classmethod
    def ask(cls, runner: TaskRunner, session: Session, enrolment_id: str, parent=None) -> bool:
        return cls(runner, session, enrolment_id, parent).exec() == QDialog.DialogCode.Accepted

    # -- the submission --------------------------------------------------------------------------

    def _urdu(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _in(self, data: dict[str, Any]) -> None:
        self.data = data
        urdu = self._urdu() and data["title_ur"]
        title = data["title_ur"] if urdu else data["title_en"]
        heading = self.tr("{name} ({number}) — {code} {title}, cohort {cohort}, attempt {attempt}")
        # In Urdu the line must read right to left even when it starts with a Latin name.
        mark = "\u200f" if self._urdu() else ""
        self.heading.setText(
            mark
            + heading.format(
                name=data["full_name"], number=ltr(data["registration_no"]),
                code=ltr(data["micro_code"]), title=title, cohort=ltr(data["cohort_code"]),
                attempt=data["attempt"],
            )
        )  # fmt: skip
        requirements = {r["id"]: r for r in data["evidence_requirements"]}
        for item in data["evidence"]:
            requirement = requirements.get(item["requirement_id"], {})
            label = requirement.get("title_ur") if self._urdu() else None
            label = label or requirement.get("title_en", "")
            shown = {
                "file": lambda e: e["original_name"],
                "link": lambda e: e["url"],
                "reflection": lambda _e: self.tr("Written reflection"),
            }[item["kind"]](item)
            entry = QListWidgetItem(f"{label}: {shown}", self.evidence_list)
            entry.setData(Qt.ItemDataRole.UserRole, item)
        self.earlier.setText(
            "\n".join(
                self.tr("Attempt {n}: {decision} — {feedback} ({marker})").format(
                    n=row["attempt"], decision=decision_names()[row["decision"]],
                    feedback=row["feedback"], marker=row["marker"] or "",
                )
                for row in data["earlier"]
            )
        )  # fmt: skip
        self._build_rubric(data["rubric"])
        self._show_markings(data)
        if data["evidence"]:
            self.evidence_list.setCurrentRow(0)
        waiting = data["status"] == "submitted"
        decided = any(not m["blind"] for m in data["markings"])
        mine = any(m["marker_id"] == self.session.actor.user_id for m in data["markings"])
        self.save_button.setEnabled(waiting and not decided and not mine)
        if not waiting:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("This attempt is no longer waiting to be marked."))
        elif mine:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("You have marked this attempt."))
        self.loaded.emit()

    def _build_rubric(self, rubric: dict[str, Any]) -> None:
        """One box per criterion, its levels one under another with their descriptors: a
        grid of criteria × levels does not fit beside the evidence without scrolling sideways."""
        urdu = self._urdu()
        levels = rubric["levels"]
        for criterion in rubric["criteria"]:
            title = (criterion.get("title_ur") if urdu else None) or criterion["title_en"]
            box = QGroupBox(title, self.rubric_box)
            box.setObjectName(f"criterion_{criterion['id']}")
            box_layout = QVBoxLayout(box)
            group = QButtonGroup(self)
            descriptors = (criterion.get("descriptors_ur") if urdu else None) or criterion[
                "descriptors_en"
            ]
            for level, descriptor in zip(levels, descriptors, strict=False):
                name = (level.get("label_ur") if urdu else None) or level["label_en"]
                text = f"{name} ({level['points']}): {descriptor}"
                button = QRadioButton(text, box)
                button.setObjectName(f"level_{criterion['id']}_{level['points']}")
                button.setAccessibleName(f"{title}: {text}")
                button.setToolTip(text)
                button.setProperty("points", level["points"])
                group.addButton(button)
                box_layout.addWidget(button)
                button.toggled.connect(lambda _on: self._rule_state())
            self.rubric_layout.addWidget(box)
            self.levels[criterion["id"]] = group
        self.rubric_layout.addStretch(1)
        self._rule_state()

    def scores(self) -> dict[str, int]:
        return {
            criterion_id: group.checkedButton().property("points")
            for criterion_id, group in self.levels.items()
            if group.checkedButton() is not None
        }

    def _rule_state(self) -> None:
        if self.data is None:
            return
        rubric = self.data["rubric"]
        scores = self.scores()
        if len(scores) < len(rubric["criteria"]):
            self.rule_label.setText(
                self.tr("%n criterion(s) still to score", "", len(rubric["criteria"]) - len(scores))
            )
            return
        total = sum(scores.values())
        if meets_pass_rule(rubric, scores):
            self.rule_label.setText(
                self.tr("Total {total}: meets the pass rule").format(total=total)
            )
        else:
            self.rule_label.setText(
                self.tr("Total {total}: does not meet the pass rule").format(total=total)
            )

    def _show_markings(self, data: dict[str, Any]) -> None:
        lines_shown = []
        for marking in data["markings"]:
            kind = self.tr("blind second marking") if marking["blind"] else self.tr("deciding")
            lines_shown.append(
                self.tr("{marker} ({kind}): {decision}, total {total} — {feedback}").format(
                    marker=marking["marker"] or "", kind=kind,
                    decision=decision_names()[marking["decision"]],
                    total=sum(marking["scores"].values()), feedback=marking["feedback"],
                )
            )  # fmt: skip
        self.markings.setText("\n".join(lines_shown))
        actor = self.session.actor
        held = data["status"] == "submitted" and any(not m["blind"] for m in data["markings"])
        if held and actor and actor.role == "admin":
            self.chosen_marking.clear()
            for marking in data["markings"]:
                self.chosen_marking.addItem(
                    f"{marking['marker'] or ''}: {decision_names()[marking['decision']]}",
                    marking["id"],
                )
            self.resolution.show()

    # -- evidence --------------------------------------------------------------------------------

    def show_evidence(self, row: int) -> None:
        item = self.evidence_list.item(row)
        if item is None:
            return
        evidence = item.data(Qt.ItemDataRole.UserRole)
        if evidence["kind"] == "reflection":
            self.text.setPlainText(evidence["text"])
            self.viewer.setCurrentWidget(self.text)
            return
        if evidence["kind"] == "link":
            self.outside_label.setText(ltr(evidence["url"]))
            self.outside_button.setText(self.tr("Open the link in the browser"))
            self.viewer.setCurrentWidget(self.outside)
            return
        media = evidence["media_type"] or ""
        path = self.blobs.path_for(evidence["sha256"])
        if media.startswith("image/"):
            pixmap = QPixmap(str(path))
            self.image.setPixmap(pixmap)
            self.viewer.setCurrentIndex(0)
        elif media == "application/pdf":
            self._show_pdf(path)
        elif media.startswith(TEXT_TYPES) and evidence["size"] <= 2_000_000:
            self.text.setPlainText(path.read_text(encoding="utf-8", errors="replace"))
            self.viewer.setCurrentWidget(self.text)
        else:
            self.outside_label.setText(
                self.tr("{name}: this kind of file opens in the computer's own viewer.").format(
                    name=evidence["original_name"]
                )
            )
            self.outside_button.setText(self.tr("Open with this computer's viewer"))
            self.viewer.setCurrentWidget(self.outside)

    def _show_pdf(self, path: Path) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self.pdf is None:
            self.pdf_document = QPdfDocument(self)
            self.pdf = QPdfView(self.viewer)
            self.pdf.setPageMode(QPdfView.PageMode.MultiPage)
            self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.pdf.setDocument(self.pdf_document)
            self.viewer.addWidget(self.pdf)
        self.pdf_document.load(str(path))
        self.viewer.setCurrentWidget(self.pdf)

    def open_outside(self) -> None:
        """Links in the browser; files through a copy with their own name (viewers go by the
        name), in a folder removed when the dialog closes."""
        item = self.evidence_list.currentItem()
        if item is None:
            return
        evidence = item.data(Qt.ItemDataRole.UserRole)
        if evidence["kind"] == "link":
            QDesktopServices.openUrl(QUrl(evidence["url"]))
            return
        folder = Path(tempfile.mkdtemp(prefix="sanad-evidence-"))
        self._opened.append(folder)
        copy = folder / Path(evidence["original_name"]).name
        shutil.copyfile(self.blobs.path_for(evidence["sha256"]), copy)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def done(self, result: int) -> None:
        for folder in self._opened:
            shutil.rmtree(folder, ignore_errors=True)
        self._opened.clear()
        super().done(result)

    # -- saving ----------------------------------------------------------------------------------

    def submit(self) -> None:
        button = self.decision.checkedButton()
        decision = button.property("decision") if button else None
        scores = self.scores()
        feedback = self.feedback.toPlainText()
        blind = self.blind.isChecked()
        actor, enrolment_id = self.session.actor, self.enrolment_id
        self.save_button.setEnabled(False)
        self.runner.write(
            lambda store: assessments.record_assessment(
                store, actor, enrolment_id, scores=scores, decision=decision or "",
                feedback=feedback, blind=blind,
            ),
            done=lambda _row: self.accept(),
            failed=self._refused,
        )  # fmt: skip

    def resolve(self) -> None:
        actor, enrolment_id = self.session.actor, self.enrolment_id
        chosen, reason = self.chosen_marking.currentData(), self.resolution_reason.text()
        self.resolve_button.setEnabled(False)
        self.runner.write(
            lambda store: assessments.resolve_disagreement(
                store, actor, enrolment_id, chosen, reason
            ),
            done=lambda _row: self.accept(),
            failed=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(self.data is not None)
        self.resolve_button.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))

