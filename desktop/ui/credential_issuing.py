"""Issuing credentials in a batch, from the Credentials screen.

:class:`IssueDialog` lists the passed enrolments that wait for their credential, all checked.
The campus key is opened once with its passphrase and the batch is signed and recorded on the
writer thread, with progress that Cancel stops after the current credential (what was issued
stays). Then a summary: how many were issued, the refusals with their reasons, and the pathway
credentials the batch earned, issued with the same opened key, which the dialog holds only
while it is open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import DomainError
from desktop.core.services.issuing import (
    BatchResult,
    IssuerKey,
    issuable_enrolments,
    issue_batch,
    unlock_issuer_key,
)
from desktop.core.services.stacking import Proposal, issue_pathway_credential
from desktop.core.store import Actor, Store
from desktop.ui.credential_dialogs import HINT_STYLE, credential_line, local_day, selectable
from desktop.ui.forms import ERROR_STYLE, FieldMarks
from desktop.ui.i18n import coded_title, ltr, rtl_line
from desktop.ui.models import RowsModel
from desktop.ui.problems import error_text
from desktop.ui.session import Session
from desktop.ui.sizing import characters, lines
from desktop.ui.tables import rows_table
from desktop.ui.tasks import Progress, TaskRunner

PARALLEL_FROM = 40  # enrolments: below this, starting worker processes costs more than it saves

__all__ = ["BatchProgressDialog", "IssueDialog", "issuable_rows", "issue_job"]


# -- jobs (plain functions: they run on the runner's threads) -----------------------------------


def issuable_rows(conn, campus_id: str | None) -> list[dict[str, Any]]:
    """The passed enrolments waiting for their credential, with the Urdu title of each."""
    if campus_id is None:
        return []
    store = Store(conn, Path())
    rows = issuable_enrolments(store, campus_id)
    urdu = dict(conn.execute(
        "SELECT e.id, m.title_ur FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id "
        "JOIN micro_credentials m ON m.id = c.micro_credential_id "
        "WHERE e.campus_id = ? AND e.status = 'passed' AND e.deleted = 0",
        (campus_id,),
    ).fetchall())  # fmt: skip
    for row in rows:
        row["title_ur"] = urdu.get(row["id"])
    return rows


def issue_job(
    store: Store, actor: Actor | None, enrolment_ids: list[str], passphrase: str,
    progress: Progress,
) -> tuple[IssuerKey, BatchResult, dict[str, str | None]]:  # fmt: skip
    """Open the campus key, then issue the batch, stopping when asked (what was issued stays).
    Returns the opened key (for the pathway credentials), the result and the Urdu title of
    each pathway proposed."""
    issuer = unlock_issuer_key(store, passphrase)
    if progress.cancelled():
        return issuer, BatchResult(cancelled=True), {}
    progress.report(0, len(enrolment_ids))

    def reported(done: int, total: int) -> bool:
        progress.report(done, total)
        return not progress.cancelled()

    # A large batch signs on both cores (worker processes); a few are quicker signed here.
    workers = 2 if len(enrolment_ids) >= PARALLEL_FROM else 1
    result = issue_batch(store, actor, enrolment_ids, issuer, progress=reported, workers=workers)
    titles = {}
    for proposal in result.proposals:
        pathway = store.get("pathways", proposal.pathway_id)
        titles[proposal.pathway_id] = pathway["title_ur"] if pathway else None
    return issuer, result, titles


def issue_pathways_job(
    store: Store, actor: Actor | None, proposals: list[Proposal], issuer: IssuerKey
) -> tuple[list[dict[str, Any]], list[tuple[Proposal, DomainError]]]:
    """Issue each proposed pathway credential; one that is refused does not stop the others."""
    issued, refused = [], []
    for proposal in proposals:
        try:
            issued.append(issue_pathway_credential(store, actor, proposal, issuer))
        except DomainError as exc:
            refused.append((proposal, exc))
    return issued, refused


# -- issuing a batch ----------------------------------------------------------------------------


class ChoiceModel(RowsModel):
    """Rows with a check box in the first column, every row checked when the rows arrive."""

    checks_changed = Signal()

    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent)
        self.checked: set[str] = set()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.checked = {row["id"] for row in rows}
        super().set_rows(rows)
        self.checks_changed.emit()

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            chosen = self.rows[index.row()]["id"] in self.checked
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column():
            return False
        row_id = self.rows[index.row()]["id"]
        if value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value):
            self.checked.add(row_id)
        else:
            self.checked.discard(row_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()
        return True

    def check_all(self, on: bool) -> None:
        self.checked = {row["id"] for row in self.rows} if on else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])  # fmt: skip
        self.checks_changed.emit()

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            on = self.rows[row]["id"] not in self.checked
            state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            self.setData(self.index(row, 0), state, Qt.ItemDataRole.CheckStateRole)

    def chosen_ids(self) -> list[str]:
        return [row["id"] for row in self.rows if row["id"] in self.checked]


class BatchProgressDialog(QDialog):
    """How far a batch has come; Cancel (or Escape) stops it after the current credential."""

    def __init__(self, progress: Progress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.setWindowTitle(self.tr("Issuing credentials"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Opening the campus key…"), self)
        self.label.setObjectName("batchProgressText")
        self.label.setMinimumWidth(characters(self.label, 50))
        layout.addWidget(self.label)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("batchProgress")
        self.bar.setAccessibleName(self.tr("Issuing progress"))
        self.bar.setRange(0, 0)
        layout.addWidget(self.bar)
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.clicked.connect(self.stop)
        layout.addWidget(buttons)
        progress.changed.connect(self._moved)
        self._finished = False

    def _moved(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if not self.progress.cancelled():
            locale = QLocale()
            self.label.setText(self.tr("Signing and recording: {done} of {total}").format(
                done=locale.toString(done), total=locale.toString(total)))  # fmt: skip

    def stop(self) -> None:
        if self.progress.cancelled():
            return
        self.progress.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Stopping after the current credential…"))

    def reject(self) -> None:
        """Escape and the window's close button stop the batch; the dialog closes when it has."""
        if self._finished:
            super().reject()
        else:
            self.stop()

    def finish(self) -> None:
        self._finished = True
        self.accept()


class IssueDialog(QDialog):
    """Issue the credentials of the chosen passed enrolments, then the pathway credentials they
    earn. ``changed`` fires whenever credentials were issued (the screen reloads)."""

    changed = Signal()
    loaded = Signal()  # the enrolments are in

    def __init__(self, runner: TaskRunner, session: Session, demo_passphrase: str | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.runner, self.session = runner, session
        self.issuer: IssuerKey | None = None  # held only while this dialog is open
        self.result: BatchResult | None = None
        self.progress_dialog: BatchProgressDialog | None = None
        self._working = False
        self.setWindowTitle(self.tr("Issue credentials"))
        self.resize(characters(self, 110), lines(self, 30))
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._choose_page(demo_passphrase))
        self.pages.addWidget(self._summary_page())
        self.buttons = QDialogButtonBox(self)
        self.issue_button = self.buttons.addButton(
            self.tr("&Issue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.issue_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        actor = session.actor
        runner.read(issuable_rows, actor.campus_id if actor else None, done=self._rows_in,
                    failed=self.marks.show_any)  # fmt: skip

    def _choose_page(self, demo_passphrase: str | None) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr(
            "Passed enrolments that wait for their credential. Each chosen one is signed with "
            "the campus key and recorded; the learner can then take it away as a PDF and a "
            "JSON file."
        ), page)  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = ChoiceModel([
            ("full_name", self.tr("Learner"), lambda r: r["full_name"]),
            ("registration_no", self.tr("Registration no."), lambda r: ltr(r["registration_no"])),
            ("code", self.tr("Micro-credential"), lambda r: coded_title(r, "code")),
            ("status_changed_at", self.tr("Passed on"),
             lambda r: local_day(r["status_changed_at"])),
        ], self)  # fmt: skip
        self.table = rows_table(page, "issuableEnrolments", self.tr("Enrolments to issue"),
                                self.choices)  # fmt: skip
        self.table.installEventFilter(self)  # Space checks the current row (see eventFilter)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.chosen_label = QLabel(self.tr("Reading the passed enrolments…"), page)
        self.chosen_label.setObjectName("issueChosenCount")
        row.addWidget(self.chosen_label, 1)
        self.all_button = QPushButton(self.tr("Check &all"), page)
        self.all_button.setObjectName("checkAll")
        self.all_button.clicked.connect(lambda: self.choices.check_all(True))
        self.none_button = QPushButton(self.tr("Check &none"), page)
        self.none_button.setObjectName("checkNone")
        self.none_button.clicked.connect(lambda: self.choices.check_all(False))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        layout.addLayout(row)
        self.general = QLabel(page)
        self.general.setObjectName("issueProblem")
        layout.addWidget(self.general)
        self.marks = FieldMarks(self.general)
        form = QFormLayout()
        self.passphrase = QLineEdit(page)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.marks.add_row(form, "passphrase", self.tr("Campus key &passphrase"), self.passphrase)
        layout.addLayout(form)
        self.demo_hint = selectable(QLabel(page))
        self.demo_hint.setObjectName("demoPassphrase")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet(HINT_STYLE)
        if demo_passphrase:
            self.demo_hint.setText(self.tr(
                "Demonstration campus: its key's passphrase is {passphrase}."
            ).format(passphrase=ltr(demo_passphrase)))  # fmt: skip
        else:
            self.demo_hint.hide()
        layout.addWidget(self.demo_hint)
        self.choices.checks_changed.connect(self._count_chosen)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = selectable(QLabel(page))
        self.summary.setObjectName("issueSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.issued_list = QListWidget(page)
        self.issued_list.setObjectName("issuedCredentials")
        self.issued_list.setAccessibleName(self.tr("Credentials issued"))
        layout.addWidget(self.issued_list, 1)
        self.next_step = QLabel(self.tr(
            "Each can now be saved as a PDF and a JSON file for the learner, or shared, from "
            "the Credentials screen."
        ), page)  # fmt: skip
        self.next_step.setWordWrap(True)
        layout.addWidget(self.next_step)
        self.cancelled_note = QLabel(self.tr(
            "You stopped the batch: the credentials issued before that are kept, and the rest "
            "still wait for their credential."
        ), page)  # fmt: skip
        self.cancelled_note.setObjectName("issueCancelled")
        self.cancelled_note.setWordWrap(True)
        layout.addWidget(self.cancelled_note)
        self.refusals_title = QLabel(self.tr("Not issued:"), page)
        layout.addWidget(self.refusals_title)
        self.refusals = QListWidget(page)
        self.refusals.setObjectName("issueRefusals")
        self.refusals.setAccessibleName(self.tr("Enrolments not issued, and why"))
        self.refusals.setWordWrap(True)
        self.refusals.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.refusals, 1)

        self.pathway_box = QGroupBox(self.tr("Pathway credentials earned"), page)
        box = QVBoxLayout(self.pathway_box)
        explained = QLabel(self.tr(
            "With these credentials, these learners hold every micro-credential a pathway asks "
            "for. Their pathway credentials are signed with the same campus key."
        ), self.pathway_box)  # fmt: skip
        explained.setWordWrap(True)
        box.addWidget(explained)
        self.proposals = RowsModel([
            ("learner_name", self.tr("Learner"), lambda r: r["learner_name"]),
            ("code", self.tr("Pathway"), lambda r: coded_title(r, "code")),
        ], self)  # fmt: skip
        self.proposal_table = rows_table(
            self.pathway_box,
            "pathwayProposals",
            self.tr("Pathway credentials earned"),
            self.proposals,
        )
        self.proposal_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        box.addWidget(self.proposal_table, 1)
        row = QHBoxLayout()
        self.pathway_result = selectable(QLabel(self.pathway_box))
        self.pathway_result.setObjectName("pathwayResult")
        self.pathway_result.setWordWrap(True)
        row.addWidget(self.pathway_result, 1)
        self.pathway_button = QPushButton(self.tr("Issue pathway &credentials"), self.pathway_box)
        self.pathway_button.setObjectName("issuePathways")
        self.pathway_button.clicked.connect(self.issue_pathways)
        row.addWidget(self.pathway_button)
        box.addLayout(row)
        layout.addWidget(self.pathway_box, 2)
        layout.addStretch(0)  # takes the room only when the lists above are hidden
        return page

    def eventFilter(self, watched, event) -> bool:
        """Space checks or unchecks the current row, whichever of its cells is current (the
        view itself toggles only the check box's own cell)."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Space and not event.modifiers()):  # fmt: skip
            self.choices.toggle(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    @classmethod
    def ask(cls, runner: TaskRunner, session: Session, demo_passphrase: str | None = None,
            parent: QWidget | None = None, changed=None) -> bool:  # fmt: skip
        """Run the dialog; ``changed`` is called each time credentials were issued. Returns
        whether any were."""
        dialog = cls(runner, session, demo_passphrase, parent)
        issued = []
        dialog.changed.connect(lambda: issued.append(True))
        if changed is not None:
            dialog.changed.connect(changed)
        dialog.exec()
        dialog.deleteLater()
        return bool(issued)

    def _rows_in(self, rows: list[dict[str, Any]]) -> None:
        self.choices.set_rows(rows)
        self.table.resizeColumnsToContents()
        # The title takes what the others leave, so the dialog needs no sideways scrolling.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.loaded.emit()

    def _count_chosen(self) -> None:
        chosen, total = len(self.choices.checked), len(self.choices.rows)
        if not total:
            text = self.tr("No passed enrolment waits for its credential.")
        else:
            text = self.tr("%Ln of {total} chosen", "", chosen).format(
                total=QLocale().toString(total)
            )
        self.chosen_label.setText(text)
        self.issue_button.setEnabled(bool(chosen) and self.pages.currentIndex() == 0)

    def submit(self) -> None:
        if self.pages.currentIndex() != 0:
            self.accept()
            return
        ids = self.choices.chosen_ids()
        if not ids:
            self.marks.clear()
            self.general.setText(self.tr("Check at least one enrolment to issue."))
            self.general.show()
            return
        self.marks.clear()
        self.issue_button.setEnabled(False)
        progress = Progress(self)
        self.progress_dialog = BatchProgressDialog(progress, self)
        self.progress_dialog.show()
        self.runner.write(issue_job, self.session.actor, ids, self.passphrase.text(), progress,
                          done=self._issued, failed=self._refused)  # fmt: skip

    def _end_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.finish()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _refused(self, error: BaseException) -> None:
        self._end_progress()
        self.issue_button.setEnabled(True)
        self.marks.show_any(error)

    def _issued(self, outcome: tuple[IssuerKey, BatchResult, dict[str, str | None]]) -> None:
        self._end_progress()
        self.issuer, result, titles = outcome
        self.show_summary(result, titles)
        if result.issued:
            self.changed.emit()

    def show_summary(self, result: BatchResult, titles: dict[str, str | None]) -> None:
        """The second page: what was issued, refused or left, and the pathways earned."""
        self.result = result
        self.pages.setCurrentIndex(1)
        self.issue_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.summary.setText(self.tr("%Ln credential(s) issued.", "", len(result.issued)))
        self.cancelled_note.setVisible(result.cancelled)
        rows = {row["id"]: row for row in self.choices.rows}
        self.issued_list.clear()
        for credential in result.issued:
            row = rows.get(credential.get("enrolment_id"))
            shown = {**row, "serial": credential["serial"]} if row else None
            self.issued_list.addItem(credential_line(shown) if shown else credential["serial"])
        self.issued_list.setVisible(bool(result.issued))
        self.next_step.setVisible(bool(result.issued))
        self.refusals.clear()
        for enrolment_id, error in result.refused:
            row = rows.get(enrolment_id)
            who = (f"{row['full_name']} ({ltr(row['registration_no'])}), {ltr(row['code'])}: "
                   if row else "")  # fmt: skip
            self.refusals.addItem(rtl_line(who + error_text(error)))
        self.refusals_title.setVisible(bool(result.refused))
        self.refusals.setVisible(bool(result.refused))
        self.proposals.set_rows([
            {"id": f"{p.learner_id} {p.pathway_id}", "learner_name": p.learner_name,
             "code": p.pathway_code, "title_en": p.title_en,
             "title_ur": titles.get(p.pathway_id), "proposal": p}
            for p in result.proposals
        ])  # fmt: skip
        self.pathway_box.setVisible(bool(result.proposals))
        self.pathway_button.setEnabled(bool(result.proposals))
        self.close_button.setFocus()

    def issue_pathways(self) -> None:
        if self.issuer is None or not self.proposals.rows:
            return
        self._working = True
        self.pathway_button.setEnabled(False)
        self.pathway_result.setStyleSheet("")
        self.pathway_result.setText(self.tr("Signing the pathway credentials…"))
        proposals = [row["proposal"] for row in self.proposals.rows]
        self.runner.write(issue_pathways_job, self.session.actor, proposals, self.issuer,
                          done=self._pathways_issued, failed=self._pathways_refused)  # fmt: skip

    def _pathways_issued(self, outcome) -> None:
        self._working = False
        issued, refused = outcome
        text = self.tr("%Ln pathway credential(s) issued.", "", len(issued))
        for proposal, error in refused:
            text += "\n" + rtl_line(
                f"{proposal.learner_name}, {ltr(proposal.pathway_code)}: {error_text(error)}"
            )
        self.pathway_result.setStyleSheet(ERROR_STYLE if refused else "")
        self.pathway_result.setText(text)
        if issued:
            self.changed.emit()

    def _pathways_refused(self, error: BaseException) -> None:
        self._working = False
        self.pathway_button.setEnabled(True)
        self.pathway_result.setStyleSheet(ERROR_STYLE)
        self.pathway_result.setText(error_text(error))

    def reject(self) -> None:
        if self.progress_dialog is not None:  # a batch is running: it is stopped, not left
            self.progress_dialog.stop()
            return
        if not self._working:  # pathway credentials being signed: the screen must hear of them
            super().reject()

    def done(self, result: int) -> None:
        self.issuer = None  # the opened key lives no longer than the dialog
        super().done(result)
