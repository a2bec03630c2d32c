"""First run: set up this computer's campus and its first admin, join a campus hub as a lab
station, or open the demo campus.

The wizard collects the campus (code, names in English and Urdu, region, city) and the first
admin account, then asks the core to create them (``initialise_campus``) on the writer thread.
Every problem the core finds is shown next to its field, on its page; nothing typed is lost.

A lab station joins the hub at the address and with the one-time code the focal person gives
(``sync.client.join_station``) and takes the campus's records in a first sync, on a network
thread with a busy indicator; the accounts come with them, so people sign in next. A refusal is
shown as the hub wrote it, with the address and code left as typed. If the join went through
but the first sync did not finish, the next start continues it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.errors import DomainError, FieldProblem, InvalidInput
from desktop.core.services.setup import initialise_campus
from desktop.core.store import Actor, Store
from desktop.ui.forms import ERROR_STYLE, FieldMarks
from desktop.ui.network import NetworkJobs, Note
from desktop.ui.sync_texts import as_sentence
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


def join_lab_station(_note: Note, path: Path, url: str, code: str, name: str) -> None:
    """The job: make the database at ``path`` a lab station of the hub at ``url`` and fill it
    (or, joined before, finish the first sync that did not)."""
    from sync.client import join_station, links, sync_once

    with Store.open(path) as store:
        if links(store):
            sync_once(store)
            return
    join_station(path, url, code, name=name or None).close()


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
        self.station = QRadioButton(self.tr("&Join a campus hub (this is a lab station)"), self)
        self.new_campus.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.new_campus, self.station, self.demo):
            group.addButton(button)
            layout.addWidget(button)

    def nextId(self) -> int:
        if self.demo.isChecked():
            return -1
        return FirstRunWizard.STATION if self.station.isChecked() else FirstRunWizard.CAMPUS


class _StationPage(QWizardPage):
    """The hub's address and the one-time code the focal person gave."""

    def __init__(self, joined_url: str) -> None:
        super().__init__()
        self.setTitle(self.tr("Join the campus hub"))
        self.setSubTitle(self.tr(
            "The focal person's computer is the campus hub. On its Sync screen, under Lab "
            "stations, it shows its address and gives a one-time code for this computer."
        ))  # fmt: skip
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Join the hub"))
        form = QFormLayout(self)
        self.url = QLineEdit(joined_url, self)
        self.url.setObjectName("hubUrl")
        self.url.setAccessibleName(self.tr("Hub address"))
        self.url.setPlaceholderText("https://192.168.1.20:8765")
        form.addRow(self.tr("Hub &address"), self.url)
        self.code = QLineEdit(self)
        self.code.setObjectName("stationCode")
        self.code.setAccessibleName(self.tr("One-time code"))
        self.code.setPlaceholderText("7K3M-Q9XD-2PWA-H4TN")
        form.addRow(self.tr("One-time &code"), self.code)
        self.name = QLineEdit(self)
        self.name.setObjectName("stationName")
        self.name.setAccessibleName(self.tr("Name of this computer"))
        self.name.setPlaceholderText(self.tr("e.g. Lab 2, PC 14"))
        form.addRow(self.tr("&Name of this computer"), self.name)
        for edit in (self.url, self.code):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # addresses and codes
        self.joined = bool(joined_url)
        if self.joined:
            # Joined before; the first sync did not finish. No code is needed to go on.
            self.url.setReadOnly(True)
            self.code.setEnabled(False)
            self.name.setEnabled(False)
        self.note = QLabel(self.tr(
            "This computer joined the hub, but its first sync did not finish. Join the hub "
            "again to go on: no new code is needed."
        ) if self.joined else "", self)  # fmt: skip
        self.note.setWordWrap(True)
        form.addRow(self.note)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("stationBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        form.addRow(self.busy)
        self.message = QLabel(self)
        self.message.setObjectName("stationMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.message)
        self.done = False

    def validatePage(self) -> bool:
        if self.done:
            return True
        self.wizard().join_hub()
        return False


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

    def nextId(self) -> int:
        return -1  # the last page of a new campus (the station's page comes after it by id)

    def validatePage(self) -> bool:
        if self.done:
            return True
        self.wizard().submit()
        return False


class FirstRunWizard(QWizard):
    """Sets up the campus, or chooses the demo; see :attr:`actor` and :attr:`chose_demo`."""

    CHOICE, CAMPUS, ADMIN, STATION = range(4)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *,
                 joined_url: str = "") -> None:  # fmt: skip
        super().__init__(parent)
        self.runner = runner
        self.actor: Actor | None = None
        self.network = NetworkJobs(self)
        self.setWindowTitle(self.tr("Set up Sanad"))
        self.choice = _ChoicePage()
        self.campus = _CampusPage()
        self.admin = _AdminPage()
        self.station = _StationPage(joined_url)
        self.setPage(self.CHOICE, self.choice)
        self.setPage(self.CAMPUS, self.campus)
        self.setPage(self.ADMIN, self.admin)
        self.setPage(self.STATION, self.station)
        if joined_url:
            self.choice.station.setChecked(True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create the campus"))
        # Qt has no Urdu translation of its own buttons, so they are named here.
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("&Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    @property
    def chose_demo(self) -> bool:
        return self.choice.demo.isChecked()

    @property
    def chose_station(self) -> bool:
        return self.choice.station.isChecked()

    @classmethod
    def ask(cls, runner: TaskRunner, parent: QWidget | None = None, *,
            joined_url: str = "") -> tuple[str, Actor | None]:  # fmt: skip
        """``("campus", admin)`` once set up, ``("station", None)`` once joined (people sign
        in next), ``("demo", None)`` or ``("cancel", None)``."""
        wizard = cls(runner, parent, joined_url=joined_url)
        accepted = wizard.exec() == QWizard.DialogCode.Accepted
        wizard.network.close()
        if not accepted:
            return "cancel", None
        if wizard.chose_demo:
            return "demo", None
        return ("station", None) if wizard.chose_station else ("campus", wizard.actor)

    def join_hub(self) -> None:
        page = self.station
        url, code = page.url.text().strip(), page.code.text().strip()
        if not url or (not code and not page.joined):
            page.message.setText(self.tr(
                "Type the hub's address and the code the focal person gave you."
            ))  # fmt: skip
            return
        if "://" not in url:
            url = f"https://{url}"  # the hub serves stations over HTTPS
            page.url.setText(url)
        page.message.clear()
        self._joining(True)
        self.network.run(join_lab_station, self.runner.db_path, url, code, page.name.text().strip(),
                         done=self._joined, failed=self._not_joined)  # fmt: skip

    def _joining(self, joining: bool) -> None:
        page = self.station
        page.busy.setVisible(joining)
        for button in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            self.button(button).setEnabled(not joining)
        for edit in (page.url, page.code, page.name):
            edit.setEnabled(not joining and not (page.joined and edit is not page.url))

    def _joined(self, _result: object) -> None:
        self._joining(False)
        self.station.done = True
        self.accept()

    def _not_joined(self, error: BaseException) -> None:
        self._joining(False)
        # As the hub (or the network) said it: it names what to check.
        self.station.message.setText(as_sentence(str(error) or type(error).__name__))

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
