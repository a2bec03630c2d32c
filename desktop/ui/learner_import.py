"""The CSV import wizard: choose a file, match its columns, see every problem, import.

The work is ``desktop.core.learner_import``: reading runs on a reader thread, checking and
importing on the writer thread with progress; the window never waits. Importing is all or
nothing: cancelling leaves the campus as it was. The list of refused rows (line, column, value,
reason) can be saved as a CSV to correct in the spreadsheet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.learner_import import (
    CsvTable,
    ImportCancelled,
    ImportPlan,
    guess_mapping,
    plan_import,
    read_csv,
    run_import,
    write_problem_report,
)
from desktop.core.services.learners import LEARNER_FIELDS
from desktop.core.store import Store
from desktop.ui.forms import ERROR_STYLE
from desktop.ui.i18n import ltr
from desktop.ui.problems import error_text, problem_text
from desktop.ui.session import Session
from desktop.ui.tasks import Progress, TaskRunner

__all__ = ["LearnerImportWizard"]

PREVIEW_ROWS = 5


def _read(_conn, path: str) -> CsvTable:
    return read_csv(path)


class _FilePage(QWizardPage):
    def __init__(self, wizard: LearnerImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the CSV file"))
        self.setSubTitle(
            self.tr("One learner a row, with a header row. Save it from the spreadsheet as CSV.")
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.setAccessibleName(self.tr("CSV file"))
        browse = QPushButton(self.tr("B&rowse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table: CsvTable | None = None
        self.path.textChanged.connect(self._forget)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the CSV file"),
            "",
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if name:
            self.path.setText(name)

    def _forget(self) -> None:
        self.table = None
        self.message.clear()

    def validatePage(self) -> bool:
        if self.table is not None:
            return True
        if not self.path.text().strip():
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Choose a file first."))
            return False
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Reading…"))
        self.owner.runner.read(
            _read, self.path.text().strip(), done=self._read, failed=self._failed
        )
        return False

    def _read(self, table: CsvTable) -> None:
        self.table = table
        self.message.setText(
            self.tr("%Ln row(s) read ({encoding}).", "", len(table.rows)).format(
                encoding=table.encoding
            )
        )
        self.owner.next()

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))


class _MappingPage(QWizardPage):
    def __init__(self, wizard: LearnerImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Sanad guessed from the headers; correct it where it is wrong."))
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.sample = QTableWidget(self)
        self.sample.setObjectName("importSample")
        self.sample.setAccessibleName(self.tr("First rows of the file"))
        layout.addWidget(self.sample, 1)
        self.titles = {
            "registration_no": self.tr("Registration number (required)"),
            "full_name": self.tr("Name (required)"),
            "guardian_name": self.tr("Guardian"),
            "cnic": self.tr("CNIC"),
            "gender": self.tr("Gender"),
            "date_of_birth": self.tr("Date of birth"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "programme": self.tr("Programme"),
        }
        self.choices: dict[str, QComboBox] = {}
        for name in LEARNER_FIELDS:
            box = QComboBox(self)
            box.setObjectName(f"map_{name}")
            box.setAccessibleName(self.titles[name])
            self.choices[name] = box
            self.form.addRow(self.titles[name], box)

    def initializePage(self) -> None:
        table = self.owner.file_page.table
        guessed = guess_mapping(table.headers)
        for name, box in self.choices.items():
            box.clear()
            box.addItem(self.tr("(not in the file)"), -1)
            for index, header in enumerate(table.headers):
                box.addItem(header, index)
            box.setCurrentIndex(guessed.get(name, -1) + 1)
        self.sample.setColumnCount(len(table.headers))
        self.sample.setHorizontalHeaderLabels(table.headers)
        shown = table.rows[:PREVIEW_ROWS]
        self.sample.setRowCount(len(shown))
        for r, row in enumerate(shown):
            for c, value in enumerate(row):
                self.sample.setItem(r, c, QTableWidgetItem(value))

    def mapping(self) -> dict[str, int]:
        return {
            name: box.currentData() for name, box in self.choices.items() if box.currentData() >= 0
        }


class _CheckPage(QWizardPage):
    def __init__(self, wizard: LearnerImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Check every row"))
        # After this page the import starts; there is no going back to change the file.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        layout = QVBoxLayout(self)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Checking progress"))
        layout.addWidget(self.bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QTableWidget(0, 4, self)
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName(self.tr("Rows that will not be imported"))
        self.problems.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Column"), self.tr("Value"), self.tr("Problem")]
        )
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().setVisible(False)
        layout.addWidget(self.problems, 1)
        self.save = QPushButton(self.tr("&Save the list of problems…"), self)
        self.save.clicked.connect(self._save)
        self.save.hide()
        layout.addWidget(self.save)
        self.plan: ImportPlan | None = None

    def initializePage(self) -> None:
        self.plan = None
        self.problems.setRowCount(0)
        self.save.hide()
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Checking…"))
        progress = Progress(self)
        progress.changed.connect(lambda done, total: (self.bar.setMaximum(total),
                                                      self.bar.setValue(done)))  # fmt: skip
        table, mapping = self.owner.file_page.table, self.owner.mapping_page.mapping()

        def check(store: Store) -> ImportPlan:
            return plan_import(store, table, mapping, progress=progress.report)

        self.owner.runner.write(check, done=self._checked, failed=self._failed)

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.bar.setMaximum(max(plan.total, 1))
        self.bar.setValue(plan.total)
        ready, refused = len(plan.valid), len(plan.refused_lines)
        text = self.tr("%Ln learner(s) are ready to import.", "", ready)
        if refused:
            text += " " + self.tr("%Ln row(s) will be left out:", "", refused)
        self.summary.setText(text)
        self.problems.setRowCount(len(plan.problems))
        for r, problem in enumerate(plan.problems):
            # The value reads left to right (a CNIC, a number); the reason in the person's language.
            for c, value in enumerate((str(problem.line), problem.column, ltr(problem.value),
                                       problem_text(problem.problem))):  # fmt: skip
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.problems.setItem(r, c, item)
        self.problems.resizeColumnsToContents()
        self.save.setVisible(bool(plan.problems))
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(error_text(error))

    def isComplete(self) -> bool:
        return self.plan is not None and bool(self.plan.valid)

    def choose_report_file(self) -> str:
        """Ask where to save the list of problems; ``""`` if cancelled. Tests replace this."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the list of problems"), "import-problems.csv",
            self.tr("CSV files (*.csv)"),
        )  # fmt: skip
        return name

    def _save(self) -> None:
        name = self.choose_report_file()
        if name and self.plan is not None:
            headers = (self.tr("line"), self.tr("column"), self.tr("value"), self.tr("problem"))
            try:
                write_problem_report(self.plan, name, describe=problem_text, headers=headers)
            except OSError as exc:
                self.summary.setStyleSheet(ERROR_STYLE)
                self.summary.setText(
                    self.tr(
                        "{file} could not be written ({reason}). Check the drive has space and "
                        "is not read-only, or choose another folder."
                    ).format(file=ltr(name), reason=exc.strerror or str(exc))
                )


class _ImportPage(QWizardPage):
    def __init__(self, wizard: LearnerImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Import"))
        layout = QVBoxLayout(self)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Import progress"))
        layout.addWidget(self.bar)
        self.message = QLabel(self)
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.stop = QPushButton(self.tr("S&top the import"), self)
        layout.addWidget(self.stop)
        layout.addStretch(1)
        self.created = 0
        self.finished = False
        self.progress: Progress | None = None

    def initializePage(self) -> None:
        self.finished = False
        plan = self.owner.check_page.plan
        self.progress = Progress(self)
        self.progress.changed.connect(lambda done, total: (self.bar.setMaximum(total),
                                                           self.bar.setValue(done)))  # fmt: skip
        self.stop.clicked.connect(self.progress.cancel)
        self.stop.setEnabled(True)
        self.message.setText(self.tr("Importing… the campus stays as it was until the end."))
        progress, actor = self.progress, self.owner.session.actor
        source = Path(self.owner.file_page.path.text()).name

        def work(store: Store) -> int:
            return len(
                run_import(
                    store,
                    actor,
                    plan,
                    source=source,
                    progress=progress.report,
                    cancelled=progress.cancelled,
                )
            )

        self.owner.runner.write(work, done=self._done, failed=self._failed)

    def _done(self, created: int) -> None:
        self.created = created
        self.finished = True
        self.stop.setEnabled(False)
        self.message.setText(self.tr("%Ln learner(s) imported.", "", created))
        self.completeChanged.emit()
        self.owner.imported.emit(created)

    def _failed(self, error: BaseException) -> None:
        self.finished = True
        self.stop.setEnabled(False)
        if isinstance(error, ImportCancelled):
            self.message.setText(self.tr("Stopped. Nothing was imported."))
        else:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(error_text(error))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished


class LearnerImportWizard(QWizard):
    """Import learners from a CSV file into the signed-in admin's campus."""

    imported = Signal(int)

    def __init__(self, runner: TaskRunner, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.setWindowTitle(self.tr("Import learners from a CSV file"))
        self.file_page = _FilePage(self)
        self.mapping_page = _MappingPage(self)
        self.check_page = _CheckPage(self)
        self.import_page = _ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.check_page, self.import_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self.resize(760, 560)
