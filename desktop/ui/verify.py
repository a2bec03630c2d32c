"""The Verify screen: is this certificate genuine, unchanged and in force?

Anyone signed in may check a credential here (it reads only): its JSON file, its PDF
certificate, a photo of its QR code, or the QR code's text, pasted or typed by a USB barcode
scanner (which types the text and presses Enter). Files are opened with the button or dropped
onto the screen. The checking is the core's (``desktop/core/verification.py``, the same as
``sanad verify`` and the registry's page) and runs on a reader thread: a PDF is rendered and
its QR code decoded, about a tenth of a second.

The answer is told by a symbol, words and a frame style together (✓ solid, ? dashed, ✗ double),
never by colour alone, then what it means, the core's own explanation (English, so it stays
left to right in Urdu) and what the credential says of itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import Store
from desktop.core.trust import trust_from_store
from desktop.core.verification import DEMO_NOTE, Outcome, Verdict, verify_input
from desktop.ui.i18n import ltr
from desktop.ui.session import Session
from desktop.ui.sizing import lines
from desktop.ui.tasks import TaskRunner

__all__ = ["MAX_FILE_BYTES", "FileTooLarge", "VerdictPanel", "VerifyPage", "check"]

# A certificate PDF is tens of kilobytes and a phone photo a few megabytes: a file larger than
# this is something else, and is not read into memory to find that out.
MAX_FILE_BYTES = 30 * 1024 * 1024


class FileTooLarge(Exception):
    def __init__(self, path: Path, size: int) -> None:
        super().__init__(f"{path} is {size} bytes")
        self.path, self.size = path, size


class Tone(enum.Enum):
    """How an outcome is shown: a symbol and a frame style, so it reads without colour."""

    GOOD = ("✓", "solid", "#1a7f37", "#e8f5ec")
    UNSURE = ("?", "dashed", "#8a5a00", "#fff6e0")
    BAD = ("✗", "double", "#a4262c", "#fbeaea")


TONES = {Outcome.VALID: Tone.GOOD, Outcome.STATUS_UNKNOWN: Tone.UNSURE}


def check(conn, source: bytes | str | Path) -> Verdict:
    """The verdict on ``source`` against what this computer trusts (a reader job). The trust
    reads the database as it goes, so it is made and used here, on one connection."""
    if isinstance(source, Path):
        with contextlib.suppress(OSError):  # an unreadable file is the core's to explain
            size = source.stat().st_size
            if size > MAX_FILE_BYTES:
                raise FileTooLarge(source, size)
    elif isinstance(source, str) and source.lstrip().startswith("{"):
        source = source.encode("utf-8")  # pasted JSON is a credential, not QR text
    store = Store(conn, Path())
    verdict = verify_input(source, trust_from_store(store))
    code = verdict.facts.get("achievement_code")
    if code and not verdict.facts.get("achievement"):  # a QR names the code only
        known = store.one(
            "SELECT title_en FROM micro_credentials WHERE code = ? AND deleted = 0 "
            "UNION ALL SELECT title_en FROM pathways WHERE code = ? AND deleted = 0 LIMIT 1",
            (code, code),
        )
        if known:
            verdict.facts["achievement"] = known["title_en"]
    return verdict


def _day(moment: Any) -> str:
    """A day as the person reads it (the core's days are UTC days, and so are these)."""
    if not isinstance(moment, dt.datetime):
        return ""
    day = moment.astimezone(dt.UTC).date()
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def _serial(facts: dict[str, Any]) -> str:
    """The serial; a JSON credential carries it only at the end of its name ("… — QAU-…")."""
    if facts.get("serial"):
        return facts["serial"]
    name = facts.get("name") or ""
    tail = name.rsplit(" — ", 1)[-1] if " — " in name else ""
    return tail if tail and " " not in tail else ""


class VerdictPanel(QFrame):
    """One verdict: headline, meaning, the credential's facts, and the core's details."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("verdict")
        layout = QVBoxLayout(self)
        self.demo = QLabel(self)
        self.demo.setObjectName("demoBanner")
        self.demo.setWordWrap(True)
        self.demo.setText(self.tr(
            "⚠ DEMONSTRATION: this computer trusts the public demonstration key, which anyone "
            "can use. This check proves nothing about a real certificate."))  # fmt: skip
        self.demo.setStyleSheet(
            "QLabel { font-weight: bold; color: #1f1f1f; background: #ffe066;"
            " border: 2px dashed #1f1f1f; padding: 6px; }"
        )
        layout.addWidget(self.demo)
        self.headline = QLabel(self)
        self.headline.setObjectName("verdictHeadline")
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.meaning = QLabel(self)
        self.meaning.setObjectName("verdictMeaning")
        self.meaning.setWordWrap(True)
        layout.addWidget(self.meaning)
        layout.addSpacing(lines(self.meaning, 0.5))
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.facts)
        self.status_as_of = QLabel(self)
        self.status_as_of.setObjectName("statusAsOf")
        layout.addWidget(self.status_as_of)
        layout.addSpacing(lines(self.meaning, 0.5))
        self.details_title = QLabel(self.tr("Details"), self)
        bold = QFont(self.details_title.font())
        bold.setBold(True)
        self.details_title.setFont(bold)
        layout.addWidget(self.details_title)
        # The core's explanation is English: it reads left to right in the Urdu interface too.
        self.details = QLabel(self)
        self.details.setObjectName("verdictDetails")
        self.details.setWordWrap(True)
        self.details.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.checked = QLabel(self)
        self.checked.setObjectName("checkedWhat")
        self.checked.setWordWrap(True)
        layout.addWidget(self.checked)
        layout.addStretch(1)
        self.verdict: Verdict | None = None
        self.clear()

    def headlines(self) -> dict[Outcome, str]:
        return {
            Outcome.VALID: self.tr("Valid"),
            Outcome.SIGNATURE_INVALID: self.tr("Not valid: changed after signing"),
            Outcome.UNKNOWN_ISSUER: self.tr("Issuer not recognised"),
            Outcome.KEY_NOT_VALID: self.tr("Issuer key not valid"),
            Outcome.NOT_YET_VALID: self.tr("Not valid yet"),
            Outcome.EXPIRED: self.tr("Expired"),
            Outcome.REVOKED: self.tr("Revoked"),
            Outcome.SUSPENDED: self.tr("Suspended"),
            Outcome.STATUS_UNKNOWN: self.tr("Status unknown (offline)"),
            Outcome.UNREADABLE: self.tr("Not a credential"),
        }

    def meanings(self) -> dict[Outcome, str]:
        return {
            Outcome.VALID: self.tr(
                "It is genuine: signed by a campus that head office certifies, unchanged since, "
                "and in force."),
            Outcome.SIGNATURE_INVALID: self.tr(
                "Something in it was changed after the campus signed it, or it was never "
                "signed: do not rely on it."),
            Outcome.UNKNOWN_ISSUER: self.tr(
                "It was not signed by a campus key that head office certifies, as far as this "
                "computer knows: do not rely on it until the issuer is confirmed."),
            Outcome.KEY_NOT_VALID: self.tr(
                "The campus key that signed it was not certified at the time, or head office "
                "has withdrawn it since: do not rely on it."),
            Outcome.NOT_YET_VALID: self.tr(
                "It is genuine, but the period it is valid for has not begun yet."),
            Outcome.EXPIRED: self.tr(
                "It is genuine, but the period it was valid for has ended."),
            Outcome.REVOKED: self.tr(
                "The campus that issued it has withdrawn it: it no longer certifies anything."),
            Outcome.SUSPENDED: self.tr(
                "The campus that issued it has set it aside while something is looked into: "
                "do not rely on it for now."),
            Outcome.STATUS_UNKNOWN: self.tr(
                "The signature and the issuer are genuine, but whether the campus has since "
                "withdrawn it cannot be checked without a newer status list."),
            Outcome.UNREADABLE: self.tr(
                "This is not a Sanad credential, certificate PDF, QR code photo or QR code "
                "text."),
        }  # fmt: skip

    def clear(self) -> None:
        self.verdict = None
        self.demo.hide()
        self.headline.setText(self.tr("Nothing checked yet"))
        self._tone(None)
        self.meaning.setText(self.tr(
            "The answer appears here: whether the certificate is genuine, unchanged and in "
            "force, and what it says."))  # fmt: skip
        self._facts({})
        for label in (self.status_as_of, self.details_title, self.details, self.checked):
            label.hide()

    def busy(self, what: str) -> None:
        self.clear()
        self.headline.setText(self.tr("Checking…"))
        self.meaning.setText(what)

    def failed(self, headline: str, text: str) -> None:
        """Something stopped the check itself (a file too large, a database error)."""
        self.clear()
        self._tone(Tone.BAD)
        self.headline.setText(f"{Tone.BAD.value[0]}  {headline}")
        self.meaning.setText(text)

    def show_verdict(self, verdict: Verdict, what: str) -> None:
        self.verdict = verdict
        tone = TONES.get(verdict.outcome, Tone.BAD)
        self._tone(tone)
        self.demo.setVisible(verdict.demo)
        self.headline.setText(f"{tone.value[0]}  {self.headlines()[verdict.outcome]}")
        self.meaning.setText(self.meanings()[verdict.outcome])
        self._facts(verdict.facts)
        if verdict.status_as_of is not None:
            self.status_as_of.setText(
                self.tr("Status as of {date}").format(date=_day(verdict.status_as_of))
            )
        self.status_as_of.setVisible(verdict.status_as_of is not None)
        explanation = verdict.explanation
        if verdict.demo:  # the banner says it, in the person's language
            explanation = explanation.removeprefix(DEMO_NOTE)
        self.details.setText(explanation)
        self.details_title.show()
        self.details.show()
        self.checked.setText(what)
        self.checked.show()

    def _tone(self, tone: Tone | None) -> None:
        self.setProperty("tone", tone.name.lower() if tone else "")
        if tone is None:
            self.setStyleSheet("QFrame#verdict { border: 1px solid palette(mid); }")
            return
        _symbol, style, ink, paper = tone.value
        width = 6 if style == "double" else 3
        self.setStyleSheet(
            f"QFrame#verdict {{ border: {width}px {style} {ink}; background: {paper}; }}"
            f" QFrame#verdict QLabel {{ color: #1f1f1f; background: transparent; }}"
            f" QLabel#verdictHeadline {{ color: {ink}; }}"
        )

    def _facts(self, facts: dict[str, Any]) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        learner = facts.get("learner") or ""
        if learner and facts.get("truncated"):
            learner += "…"
        code, title = facts.get("achievement_code") or "", facts.get("achievement") or ""
        issuer, campus = facts.get("issuer") or "", facts.get("campus_code") or ""
        if issuer and campus:
            issuer = self.tr("{name} ({code})").format(name=issuer, code=ltr(campus))
        rows = [
            (self.tr("Learner"), learner),
            (self.tr("Credential"), " ".join(p for p in (ltr(code), title) if p)),
            (self.tr("Issued by"), issuer or ltr(campus)),
            (self.tr("Serial"), ltr(_serial(facts))),
            (self.tr("Issued"), _day(facts.get("valid_from"))),
        ]
        if facts.get("valid_from"):
            until = _day(facts.get("valid_until"))
            rows.append((self.tr("Valid until"), until or self.tr("No end date")))
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for title_text, value in rows:
            if not value:
                continue
            shown = QLabel(value, self)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setObjectName("fact")
            # Beside its title whatever the value's script (a wrapped label would align a
            # Latin name to the far left in the Urdu interface).
            side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            shown.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
            self.facts.addRow(title_text, shown)


class VerifyPage(QWidget):
    """Open, drop, paste or scan a credential; the verdict shows below."""

    checked = Signal(object)  # the Verdict shown

    def __init__(self, runner: TaskRunner, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session = session
        self.setAcceptDrops(True)
        self._asked = 0  # the newest check: an older one's answer is dropped
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Check a Sanad certificate: open its PDF, its JSON file or a photo of its QR code, "
            "or drop the file here. Or paste the QR code's text, or scan the code with a "
            "barcode scanner."), self)  # fmt: skip
        intro.setWordWrap(True)
        outer.addWidget(intro)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open a file…"), self)
        self.open_button.setObjectName("openCredentialFile")
        self.open_button.clicked.connect(self.open_file)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        text_row = QHBoxLayout()
        self.text = QLineEdit(self)
        self.text.setObjectName("qrText")
        self.text.setAccessibleName(self.tr("The QR code's text"))
        self.text.setPlaceholderText(self.tr("The text of the QR code, starting HTTPS://"))
        self.text.setAcceptDrops(False)  # a dropped file is the page's, not text to paste
        self.text.returnPressed.connect(self.check_text)
        text_label = QLabel(self.tr("&Paste or scan the QR code"), self)
        text_label.setBuddy(self.text)
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.setObjectName("checkText")
        self.check_button.clicked.connect(self.check_text)
        text_row.addWidget(text_label)
        text_row.addWidget(self.text, 1)
        text_row.addWidget(self.check_button)
        outer.addLayout(text_row)
        self.panel = VerdictPanel(self)
        scroll = QScrollArea(self)
        scroll.setObjectName("verdictArea")
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        # What one person checked is not left on the screen for the next one.
        session.changed.connect(lambda _actor: self.forget())

    def forget(self) -> None:
        self._asked += 1  # an answer still on its way is for the person who asked
        self.text.clear()
        self.panel.clear()

    # -- asking ----------------------------------------------------------------------------------

    def choose_file(self) -> str:
        """Ask which file to check; "" when the person cancels. Tests replace this."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a certificate or credential"), "",
            self.tr("Certificates, credentials and QR photos (*.pdf *.json *.png *.jpg *.jpeg)"
                    ";;All files (*)"),
        )  # fmt: skip
        return name

    def open_file(self) -> None:
        path = self.choose_file()
        if path:
            self.check_file(Path(path))

    def check_file(self, path: Path) -> None:
        what = self.tr("Checked: the file {name}").format(name=ltr(path.name))
        self._check(path, what)

    def check_text(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.text.setFocus()
            return
        # Kept, and selected: a failed check can be mended, and the next scan replaces it
        # (a scanner types wherever the focus is: it goes back to the text).
        self.text.setFocus()
        self.text.selectAll()
        self._check(text, self.tr("Checked: the text typed or scanned"))

    def _check(self, source: bytes | str | Path, what: str) -> None:
        self._asked += 1
        asked = self._asked
        self.panel.busy(what)
        self.runner.read(
            check, source,
            done=lambda verdict: self._answer(asked, verdict, what),
            failed=lambda error: self._failed(asked, error),
        )  # fmt: skip

    def _answer(self, asked: int, verdict: Verdict, what: str) -> None:
        if asked != self._asked:
            return
        self.panel.show_verdict(verdict, what)
        self.checked.emit(verdict)

    def _failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        if isinstance(error, FileTooLarge):
            megabytes = QLocale().toString(error.size / 1_000_000, "f", 0)
            self.panel.failed(
                self.tr("Not a credential"),
                self.tr("{name} is {size} MB: far larger than a certificate, a credential or a "
                        "photo of a QR code. Choose the certificate's own file.").format(
                    name=ltr(error.path.name), size=megabytes),
            )  # fmt: skip
            return
        self.panel.failed(
            self.tr("Could not check"),
            self.tr("The check stopped: {reason}. Try again; if it happens again, report it.")
            .format(reason=ltr(str(error))),
        )  # fmt: skip

    # -- dropping --------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        data = event.mimeData()
        files = [u for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        if len(files) == 1 or (not data.hasUrls() and data.hasText()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        files = [u.toLocalFile() for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []
        if len(files) == 1:
            event.acceptProposedAction()
            self.check_file(Path(files[0]))
        elif data.hasText():
            event.acceptProposedAction()
            self.text.setText(data.text().strip())
            self.check_text()
