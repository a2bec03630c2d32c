"""First run: set up this computer's campus and its first admin, or open the demo campus.

The wizard collects the campus (code, names in English and Urdu, region, city) and the first
admin account, then asks the core to create them (``initialise_campus``) on the writer thread.
Every problem the core finds is shown next to its field, on its page; nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.errors import DomainError, FieldProblem, InvalidInput
from desktop.core.services.setup import initialise_campus
from desktop.core.store import Actor, Store
from desktop.ui.forms import FieldMarks
from desktop.ui.tasks import TaskRunner

__all__ = ["FirstRunWizard"]

REGIONS = (
    "Islamabad Capital Territory",
    "Punjab",
    "Sindh",
    "Khyber Pakhtunkhwa",
    "Balochistan",
    "Gilgit-Baltistan",
    "Azad Jammu and Kashmir",
)
CAMPUS_FIELDS = ("code", "name_en", "name_ur", "region", "city")
ADMIN_FIELDS = ("username", "display_name", "password", "confirm")


def _set_up(store: Store, values: dict[str, str]) -> Actor:
    return initialise_campus(
        store,
        code=values["code"],
        name_en=values["name_en"],
        name_ur=values["name_ur"] or None,
        region=values["region"] or None,
        city=values["city"] or None,
        admin_username=values["username"],
        admin_display_name=values["display_name"],
        admin_password=values["password"],
    )


class _ChoicePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Sanad"))
        self.setSubTitle(
            self.tr(
                "Sanad keeps this campus's micro-credentials, learners and certificates on "
                "this computer, and works without internet."
            )
        )
        layout = QVBoxLayout(self)
        self.new_campus = QRadioButton(self.tr("&Set up a new campus on this computer"), self)
        self.demo = QRadioButton(
            self.tr("&Try the demo campus (invented people, to explore Sanad)"), self
        )
        self.new_campus.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.new_campus)
        group.addButton(self.demo)
        layout.addWidget(self.new_campus)
        layout.addWidget(self.demo)

    def nextId(self) -> int:
        return -1 if self.demo.isChecked() else FirstRunWizard.CAMPUS


class _CampusPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your campus"))
        self.setSubTitle(self.tr("The code starts every certificate number, e.g. QAU-2026-000123."))
        form = QFormLayout(self)
        general = QLabel(self)
        form.addRow(general)
        self.marks = FieldMarks(general)
        self.code = self.marks.add_row(form, "code", self.tr("Campus &code"), QLineEdit())
        self.code.setPlaceholderText("QAU")
        self.name_en = self.marks.add_row(form, "name_en", self.tr("Name in &English"), QLineEdit())
        self.name_ur = self.marks.add_row(form, "name_ur", self.tr("Name in &Urdu"), QLineEdit())
        region = QComboBox()
        region.setEditable(True)
        region.addItems(["", *REGIONS])
        self.region = self.marks.add_row(form, "region", self.tr("&Region"), region)
        self.city = self.marks.add_row(form, "city", self.tr("C&ity"), QLineEdit())

    def values(self) -> dict[str, str]:
        return {
            "code": self.code.text(),
            "name_en": self.name_en.text(),
            "name_ur": self.name_ur.text(),
            "region": self.region.currentText(),
            "city": self.city.text(),
        }


class _AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The first admin"))
        self.setSubTitle(
            self.tr("The campus focal person signs in with this account and adds the others.")
        )
        form = QFormLayout(self)
        general = QLabel(self)
        general.setObjectName("adminGeneral")
        form.addRow(general)
        self.marks = FieldMarks(general)
        self.username = self.marks.add_row(form, "username", self.tr("&User name"), QLineEdit())
        self.display_name = self.marks.add_row(
            form, "display_name", self.tr("Full &name"), QLineEdit()
        )
        self.password = self.marks.add_row(form, "password", self.tr("&Password"), QLineEdit())
        self.confirm = self.marks.add_row(form, "confirm", self.tr("Password &again"), QLineEdit())
        for widget in (self.password, self.confirm):
            widget.setEchoMode(QLineEdit.EchoMode.Password)
        self.done = False

    def values(self) -> dict[str, str]:
        return {
            "username": self.username.text(),
            "display_name": self.display_name.text(),
            "password": self.password.text(),
        }

    def validatePage(self) -> bool:
        if self.done:
            return True
        self.wizard().submit()
        return False


class FirstRunWizard(QWizard):
    """Sets up the campus, or chooses the demo; see :attr:`actor` and :attr:`chose_demo`."""

    CHOICE, CAMPUS, ADMIN = range(3)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Set up Sanad"))
        self.choice = _ChoicePage()
        self.campus = _CampusPage()
        self.admin = _AdminPage()
        self.setPage(self.CHOICE, self.choice)
        self.setPage(self.CAMPUS, self.campus)
        self.setPage(self.ADMIN, self.admin)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create the campus"))
        # Qt has no Urdu translation of its own buttons, so they are named here.
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    @property
    def chose_demo(self) -> bool:
        return self.choice.demo.isChecked()

    @classmethod
    def ask(cls, runner: TaskRunner, parent: QWidget | None = None) -> tuple[str, Actor | None]:
        """``("campus", admin)`` once set up, ``("demo", None)`` or ``("cancel", None)``."""
        wizard = cls(runner, parent)
        if wizard.exec() != QWizard.DialogCode.Accepted:
            return "cancel", None
        return ("demo", None) if wizard.chose_demo else ("campus", wizard.actor)

    def submit(self) -> None:
        self.campus.marks.clear()
        self.admin.marks.clear()
        values = {**self.campus.values(), **self.admin.values()}
        if self.admin.password.text() != self.admin.confirm.text():
            self._show(
                InvalidInput(
                    FieldProblem(
                        "confirm", "", self.tr("is not the same password"), self.tr("Type it again")
                    )
                )
            )
            return
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.runner.write(_set_up, values, done=self._created, failed=self._refused)

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.admin.done = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if not isinstance(error, DomainError):
            error = InvalidInput(
                FieldProblem(
                    "campus",
                    "",
                    self.tr("could not be set up: {reason}"),
                    self.tr("Try again"),
                    {"reason": str(error)},
                )
            )
        self._show(error)

    def _show(self, error: DomainError) -> None:
        campus_problems = [p for p in error.problems if p.field in CAMPUS_FIELDS]
        admin_problems = [p for p in error.problems if p not in campus_problems]
        if admin_problems:
            self.admin.marks.show(type(error)(admin_problems))
        if campus_problems:
            self.campus.marks.show(type(error)(campus_problems))
            while self.currentId() != self.CAMPUS:
                self.back()
