"""The steps of Tools → Signing keys, each a small dialog over one core service.

- :class:`NewKeyDialog`: head office's root key, or a campus key and the request file to send.
- :class:`CertifyDialog`: head office certifies a campus's request and saves the certificate.
- :class:`InstallDialog`: a campus installs its certificate, checked against the root key typed.

Each runs its service on the writer thread (sealing and unsealing keys included) and writes its
file on a reader thread. A refusal is shown beside its field and nothing typed is cleared; a
document made but not yet saved can be saved again, and closing before asks first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import FieldProblem, InvalidInput
from desktop.core.keys import MIN_PASSPHRASE
from desktop.core.services import signing_keys
from desktop.core.store import Actor, Store
from desktop.ui.forms import FieldMarks
from desktop.ui.i18n import ltr
from desktop.ui.session import Session
from desktop.ui.signing_keys import (
    file_problem,
    grouped_key,
    leading_alignment,
    local_day,
    monospace_label,
    span,
    write_document,
)
from desktop.ui.sizing import characters
from desktop.ui.tasks import TaskRunner

__all__ = ["CertifyDialog", "InstallDialog", "NewKeyDialog"]

# (title, name suggested) -> the path chosen, or "" (the keys dialog's file chooser)
ChooseSave = Callable[[str, str], str]


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "sealed"}


def _make_root(store: Store, actor: Actor, passphrase: str) -> dict[str, Any]:
    return _public(signing_keys.create_root_key(store, actor, passphrase))


def _make_campus_key(store: Store, actor: Actor, passphrase: str) -> dict[str, Any]:
    row, request = signing_keys.create_campus_key(store, actor, passphrase)
    return {"row": _public(row), "request": request}


def _certify(
    store: Store, actor: Actor, request: dict, passphrase: str, years: int, registry_url: str
) -> dict:
    # As `sanad keys certify --registry` does: a new address is kept for later certificates.
    if registry_url != (store.setting("registry_url") or ""):
        signing_keys.set_registry_url(store, actor, registry_url)
    return signing_keys.certify_request(store, actor, request, passphrase, years=years)


def _install(store: Store, actor: Actor, certificate: dict, root_key: str) -> dict[str, Any]:
    return _public(signing_keys.install_certificate(store, actor, certificate, root_key))


def _today() -> str:
    return dt.date.today().isoformat()


class _Step(QDialog):
    """A step's frame: problems at the top and beside fields, a progress line, the buttons, and
    saving the document the step made."""

    def __init__(self, runner: TaskRunner, session: Session, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.runner, self.session = runner, session
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("stepIntro")
        self.intro.setWordWrap(True)
        # A width for the wrapped texts; the layout widens the dialog for a longer row (a
        # dialog's own minimum width would let its rows be clipped).
        self.intro.setMinimumWidth(characters(self.intro, 80))
        self.layout_.addWidget(self.intro)
        general = QLabel(self)
        general.setObjectName("stepProblems")
        self.layout_.addWidget(general)
        self.marks = FieldMarks(general)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.unsaved: dict[str, Any] | None = None  # a document made, not yet in a file

    def finish(self, primary: str) -> None:
        self.status = QLabel(self)
        self.status.setObjectName("stepStatus")
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.primary = self.buttons.addButton(primary, QDialogButtonBox.ButtonRole.AcceptRole)
        # The base class's own texts take a context of their own: a subclass's tr() would look
        # them up under the subclass's name.
        cancel = QCoreApplication.translate("SigningKeySteps", "Cancel")
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def working(self, text: str) -> None:
        self.primary.setEnabled(not text)
        self.status.setText(text)
        self.grow_to_fit()

    def refused(self, error: BaseException) -> None:
        self.working("")
        self.marks.show_any(error)
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Taller when problems appear under the fields, so nothing is squeezed (never
        narrower or shorter than the person made it)."""
        self.layout_.activate()
        needed = self.heightForWidth(self.width())
        if needed < 0:
            needed = self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def passphrase_row(self, title: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return self.marks.add_row(self.form, "passphrase", title, edit)

    def save(self, choose: ChooseSave, title: str, name: str, saved: Callable[[str], None]):
        """Ask where ``self.unsaved`` goes and write it there; stay open if that fails."""
        path = choose(title, name)
        if not path:
            self.working(self.not_saved_text())
            self.primary.setEnabled(True)
            return
        saving = QCoreApplication.translate("SigningKeySteps", "Saving {file}…")
        self.working(saving.format(file=ltr(path)))

        def failed(error: BaseException) -> None:
            self.refused(OSError(file_problem(path, error, writing=True)))

        def written(_path: str) -> None:
            self.unsaved = None
            self.working("")
            saved(path)

        self.runner.read(write_document, path, self.unsaved, done=written, failed=failed)

    def not_saved_text(self) -> str:
        raise NotImplementedError

    def confirm_close(self) -> bool:
        """Asked when closing with a document not yet saved; tests replace this."""
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.not_saved_text() + "\n\n"
            + QCoreApplication.translate("SigningKeySteps", "Close anyway?"),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Close

    def reject(self) -> None:
        if self.unsaved is not None and not self.confirm_close():
            return
        super().reject()


class NewKeyDialog(_Step):
    """A new key sealed with a passphrase typed twice: head office's root, or a campus key,
    whose request file is then saved to send to head office."""

    made = Signal(object, str)  # the key's row (public parts), the request file ("" for a root)

    def __init__(self, runner: TaskRunner, session: Session, purpose: str,
                 choose_save: ChooseSave, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(runner, session, parent)
        self.purpose, self.choose_save = purpose, choose_save
        self.row: dict[str, Any] | None = None
        if purpose == "root":
            self.setWindowTitle(self.tr("Make the root key"))
            self.intro.setText(self.tr(
                "The national root key certifies the key of every campus. It is made once, on "
                "this computer, and kept sealed with a passphrase."
            ))  # fmt: skip
        else:
            self.setWindowTitle(self.tr("Make a campus key and request"))
            self.intro.setText(self.tr(
                "This campus's issuer key will sign its credentials once head office has "
                "certified it. It is kept sealed with a passphrase. Then you save a request "
                "file, to send to head office on a USB drive or by e-mail."
            ))  # fmt: skip
        self.rule = QLabel(self.tr(
            "At least {minimum} characters. Four or five unrelated words are easy to remember "
            "and hard to guess. Nobody can recover a forgotten passphrase: keep it safe."
        ).format(minimum=self.locale().toString(MIN_PASSPHRASE)), self)  # fmt: skip
        self.rule.setObjectName("passphraseRule")
        self.rule.setWordWrap(True)
        self.form.addRow(self.rule)
        self.passphrase = self.passphrase_row(self.tr("&Passphrase"))
        confirm = QLineEdit(self)
        confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = self.marks.add_row(self.form, "confirm", self.tr("Passphrase &again"),
                                          confirm)  # fmt: skip
        self.finish(self.tr("&Make the key") if purpose == "root"
                    else self.tr("&Make the key and request…"))  # fmt: skip

    def not_saved_text(self) -> str:
        return self.tr(
            "The campus key is made, but its request is not saved yet: head office needs it "
            "to certify the key."
        )

    def submit(self) -> None:
        if self.unsaved is not None:  # the key is made; only its request is left to save
            self._save_request()
            return
        passphrase = self.passphrase.text()
        if passphrase != self.confirm.text():
            self.marks.show(InvalidInput(FieldProblem(
                "confirm", "", self.tr("is not the same passphrase"), self.tr("Type it again"),
            )))  # fmt: skip
            return
        self.marks.clear()
        self.working(self.tr("Making and sealing the key…"))
        job = _make_root if self.purpose == "root" else _make_campus_key
        self.runner.write(job, self.session.actor, passphrase, done=self._made,
                          failed=self.refused)  # fmt: skip

    def _made(self, result: dict[str, Any]) -> None:
        if self.purpose == "root":
            self.working("")
            self.made.emit(result, "")
            self.accept()
            return
        self.row, self.unsaved = result["row"], result["request"]
        for edit in (self.passphrase, self.confirm):
            edit.setEnabled(False)
        self.primary.setText(self.tr("&Save the request…"))
        self._save_request()

    def _save_request(self) -> None:
        code = self.unsaved["campus"]["code"]
        self.save(self.choose_save, self.tr("Save the request for head office"),
                  f"{code}-key-request-{_today()}.json", self._saved)  # fmt: skip

    def _saved(self, path: str) -> None:
        self.made.emit(self.row, path)
        self.accept()


def _campus_line(document: dict[str, Any]) -> str:
    campus = document.get("campus") or {}
    return f"{ltr(str(campus.get('code', '')))} — {campus.get('name', '')}"


def _value(label: QLabel) -> QLabel:
    """A value beside its title in a form, next to the title in either direction (a label
    aligns by its own text otherwise: a Latin value would go to the far side in Urdu)."""
    label.setAlignment(leading_alignment())
    return label


def _summary_key(parent: QWidget, key: str) -> QLabel:
    label = _value(monospace_label(parent))
    label.setObjectName("summaryKey")
    label.setText(ltr(grouped_key(key)))
    return label


class CertifyDialog(_Step):
    """Head office checks what a campus's request names, certifies it for some years with the
    root key, and saves the certificate to send back."""

    certified = Signal(object, str)  # the certificate, the file it is saved in

    def __init__(self, runner: TaskRunner, session: Session, request: dict[str, Any],
                 registry_url: str, choose_save: ChooseSave,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(runner, session, parent)
        self.request, self.choose_save = request, choose_save
        self.certificate: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Certify a campus request"))
        self.intro.setText(self.tr(
            "Certify only a request you know comes from this campus: read its key to them by "
            "telephone, or compare it with the one they gave you on paper."
        ))  # fmt: skip
        self.campus = _value(QLabel(_campus_line(request), self))
        self.campus.setObjectName("requestCampus")
        self.form.addRow(self.tr("Campus"), self.campus)
        self.form.addRow(self.tr("Key"), _summary_key(self, str(request.get("publicKeyMultibase"))))
        self.form.addRow(self.tr("Asked on"),
                         _value(QLabel(local_day(request.get("requested")), self)))  # fmt: skip
        request_error = QLabel(self)
        request_error.setObjectName("requestError")
        self.form.addRow("", request_error)
        self.marks.add("request", self.campus, request_error)
        self.passphrase = self.passphrase_row(self.tr("&Passphrase of the root key"))
        self.years = self.marks.add_row(self.form, "years", self.tr("&Years valid"),
                                        QSpinBox(self))  # fmt: skip
        self.years.setRange(1, 10)
        self.years.setValue(2)
        self.until = QLabel(self)
        self.until.setObjectName("certifiedUntil")
        self.form.addRow("", self.until)
        self.years.valueChanged.connect(self._show_until)
        self._show_until(self.years.value())
        registry = QLineEdit(registry_url, self)
        registry.setPlaceholderText("https://registry.example.pk")
        registry.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.registry_url = self.marks.add_row(self.form, "registry_url",
                                               self.tr("Re&gistry address"), registry)  # fmt: skip
        note = QLabel(self.tr(
            "Written into the certificate: the campus's credentials point to the registry to "
            "be checked online. Kept for the next certificates."
        ), self)  # fmt: skip
        note.setWordWrap(True)
        self.form.addRow("", note)
        self.finish(self.tr("&Certify and save…"))

    def _show_until(self, years: int) -> None:
        today = dt.date.today()
        try:
            until = today.replace(year=today.year + years)
        except ValueError:  # 29 February
            until = today.replace(year=today.year + years, day=28)
        self.until.setText(self.tr("From today until {date}").format(date=ltr(until.isoformat())))

    def not_saved_text(self) -> str:
        return self.tr(
            "The certificate is made, but not saved yet: the campus needs the file to install it."
        )

    def submit(self) -> None:
        if self.unsaved is not None:
            self._save_certificate()
            return
        self.marks.clear()
        self.working(self.tr("Opening the root key and certifying…"))
        self.runner.write(_certify, self.session.actor, self.request, self.passphrase.text(),
                          self.years.value(), self.registry_url.text().strip(),
                          done=self._made, failed=self.refused)  # fmt: skip

    def _made(self, certificate: dict[str, Any]) -> None:
        self.certificate = self.unsaved = certificate
        for widget in (self.passphrase, self.years, self.registry_url):
            widget.setEnabled(False)
        start, until = span(certificate)
        self.until.setText(self.tr("From {start} until {until}").format(start=start, until=until))
        self.primary.setText(self.tr("&Save the certificate…"))
        self._save_certificate()

    def _save_certificate(self) -> None:
        code = self.unsaved["campus"]["code"]
        self.save(self.choose_save, self.tr("Save the certificate for the campus"),
                  f"{code}-key-certificate-{_today()}.json", self._saved)  # fmt: skip

    def _saved(self, path: str) -> None:
        self.certified.emit(self.certificate, path)
        self.accept()


class InstallDialog(_Step):
    """A campus installs head office's certificate for its key, after it is checked against the
    root public key typed in (the trust anchor, given on paper or by telephone)."""

    installed = Signal(object)  # the key's row, with its certificate

    def __init__(self, runner: TaskRunner, session: Session, certificate: dict[str, Any],
                 anchor: str | None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(runner, session, parent)
        self.certificate = certificate
        self.setWindowTitle(self.tr("Install a certificate"))
        self.intro.setText(self.tr(
            "Type the root public key exactly as head office gave it to you, on paper or by "
            "telephone; spaces do not matter. Do not copy it from the e-mail or the file that "
            "brought the certificate: the key is what proves the certificate is head office's."
        ))  # fmt: skip
        summary = self.form
        summary.addRow(self.tr("Campus"), _value(QLabel(_campus_line(certificate), self)))
        summary.addRow(self.tr("Key"),
                       _summary_key(self, str(certificate.get("publicKeyMultibase"))))  # fmt: skip
        start, until = span(certificate)
        self.claimed = _value(
            QLabel(self.tr("From {start} until {until}").format(start=start, until=until), self)
        )
        self.claimed.setObjectName("claimedValidity")
        summary.addRow(self.tr("Valid, as the file says"), self.claimed)
        self.root_key = QLineEdit(anchor or "", self)
        self.root_key.setObjectName("rootKey")
        self.root_key.setAccessibleName(self.tr("Root public key"))
        self.root_key.setPlaceholderText("z6Mk…")
        self.root_key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.root_key.setFont(monospace_label(self).font())
        self.root_key.setMinimumWidth(characters(self.root_key, 62))
        label = QLabel(self.tr("&Root public key"), self)
        label.setBuddy(self.root_key)
        error = QLabel(self)
        error.setObjectName("rootKeyError")
        self.form.addRow(label, self.root_key)
        self.form.addRow("", error)
        # The core names the certificate when it is not trusted: most often the key typed.
        self.marks.add("certificate", self.root_key, error)
        self.finish(self.tr("&Install"))

    def not_saved_text(self) -> str:
        return ""

    def submit(self) -> None:
        root_key = "".join(self.root_key.text().split())
        self.marks.clear()
        self.working(self.tr("Checking the certificate…"))
        self.runner.write(_install, self.session.actor, self.certificate, root_key,
                          done=self._installed, failed=self.refused)  # fmt: skip

    def _installed(self, row: dict[str, Any]) -> None:
        self.working("")
        self.installed.emit(row)
        self.accept()
