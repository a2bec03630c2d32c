"""Marking one submitted attempt: its evidence beside its rubric.

The evidence shows inside the app when it can (images, PDF through QtPdf, text); other files
open in the computer's own viewer from a copy in a temporary folder, removed when the dialog
closes, and links open in the browser. The rubric is one box per criterion with each level's
descriptor; the pass rule is checked as levels are chosen. The marker decides and writes
feedback, or gives a blind second marking; a focal person resolves markings that disagree.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.blobs import BlobStore
from desktop.core.marking_lists import submission
from desktop.core.paths import evidence_dir
from desktop.core.rubric import meets_pass_rule
from desktop.core.services import assessments
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import in_language, ltr, rtl_line
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sizing import lines
from desktop.ui.tasks import TaskRunner

__all__ = ["MarkingDialog", "decision_names"]

TEXT_TYPES = ("text/", "application/json", "application/x-ipynb+json", "application/sql")


def decision_names() -> dict[str, str]:
    return {
        "pass": QCoreApplication.translate("Decision", "Pass"),
        "resubmit": QCoreApplication.translate("Decision", "Ask for a resubmission"),
        "fail": QCoreApplication.translate("Decision", "Fail"),
    }


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
        heading = self.tr("{name} ({number}) — {code} {title}, cohort {cohort}, attempt {attempt}")
        self.heading.setText(
            rtl_line(heading.format(
                name=data["full_name"], number=ltr(data["registration_no"]),
                code=ltr(data["micro_code"]), title=in_language(data),
                cohort=ltr(data["cohort_code"]),
                attempt=data["attempt"],
            )
        ))  # fmt: skip
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

