"""Tools → Signing keys: head office makes the root key and certifies a campus's request file,
the campus installs the certificate checked against the root key typed in, and every refusal
says why beside its field, keeping what was typed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.core.services import signing_keys
from desktop.core.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from desktop.ui.signing_key_steps import CertifyDialog, InstallDialog
from desktop.ui.signing_keys import SigningKeysDialog, grouped_key
from desktop.ui.tasks import TaskRunner

PASS = "four unrelated words"
REGISTRY = "https://registry.sanad.example"
STRANGER = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"


@pytest.fixture
def opened(qtbot):
    """Opens the keys dialog of a database as someone; closes the runners afterwards."""
    runners = []

    def open_dialog(path, actor) -> SigningKeysDialog:
        runner = TaskRunner(path)
        runners.append(runner)
        dialog = SigningKeysDialog(runner, Session(actor))
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=10_000):
            dialog.show()
        return dialog

    yield open_dialog
    for runner in runners:
        runner.close()


def _cell(dialog: SigningKeysDialog, row: int, column: int) -> str:
    return dialog.model.data(dialog.model.index(row, column))


def _type_passphrase(step, text: str, again: str | None = None) -> None:
    step.passphrase.setText(text)
    step.confirm.setText(text if again is None else again)


def _certified_elsewhere(campus, head_office, tmp_path):
    """A campus key made and certified through the core, its certificate in a file: the root
    public key and the file."""
    _row, request = signing_keys.create_campus_key(campus.store, campus.admin, PASS)
    campus.store.close()
    with Store.open(head_office.path) as store:
        root = signing_keys.create_root_key(store, head_office.admin, PASS)
        signing_keys.set_registry_url(store, head_office.admin, REGISTRY)
        certificate = signing_keys.certify_request(store, head_office.admin, request, PASS)
    path = tmp_path / "QAU-key-certificate.json"
    path.write_text(json.dumps(certificate), encoding="utf-8")
    return root["public_key"], path


def test_head_office_certifies_and_the_campus_installs(qtbot, opened, campus, head_office,
                                                       tmp_path):  # fmt: skip
    campus.store.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    office = opened(head_office.path, head_office.admin)
    assert office.make_root.isVisible() and office.certify.isVisible()
    assert not office.certify.isEnabled()  # nothing to certify with yet
    assert not office.make_campus.isVisible() and not office.install.isVisible()
    office.make_root.click()
    step = office.step
    _type_passphrase(step, PASS)
    with qtbot.waitSignal(office.loaded, timeout=20_000):
        step.primary.click()
    root = office.live_root()["public_key"]
    assert root.startswith("z6Mk") and not step.isVisible()
    assert not office.make_root.isVisible() and office.certify.isEnabled()
    assert office.anchor == root
    assert office.anchor_key.text() == grouped_key(root)  # to read out on the telephone
    assert "on paper or by telephone" in office.anchor_note.text()
    assert _cell(office, 0, 0) == "National root"
    assert office.model.data(office.model.index(0, 1), 3) == root  # the tooltip: all of it
    office.copy_anchor.click()
    assert QGuiApplication.clipboard().text() == root

    # The campus makes its key and saves the request for head office.
    desk = opened(campus.path, campus.admin)
    assert desk.make_campus.isVisible() and desk.install.isVisible()
    assert not desk.certify.isVisible() and not desk.make_root.isVisible()
    suggested = []
    desk._choose_save_file = lambda title, name: suggested.append(name) or str(usb / "request")
    desk.make_campus.click()
    step = desk.step
    _type_passphrase(step, PASS)
    with qtbot.waitSignal(desk.loaded, timeout=20_000):
        step.primary.click()
    request_file = usb / "request.json"
    request = json.loads(request_file.read_text(encoding="utf-8"))
    assert request["type"] == "SanadKeyCertificateRequest" and request["campus"]["code"] == "QAU"
    assert suggested[0].endswith(f"QAU-key-request-{dt.date.today().isoformat()}.json")
    assert request_file.read_text(encoding="utf-8").startswith('{\n  "type"')  # as the CLI
    assert not list(usb.glob(".*partial"))
    assert "Send that file to head office" in desk.message.text()
    assert _cell(desk, 0, 0) == "Campus issuer key"
    assert _cell(desk, 0, 3) == "Not certified yet — send the request file to head office"

    # Head office reads the request, sees whom it names, and certifies it for three years.
    office._choose_open_file = lambda title: str(request_file)
    office._choose_save_file = lambda title, name: str(usb / "QAU-certificate.json")
    office.certify.click()
    qtbot.waitUntil(lambda: isinstance(office.step, CertifyDialog), timeout=10_000)
    step = office.step
    assert step.campus.text() == "QAU — Quaid-i-Azam University"
    assert step.findChild(type(step.campus), "summaryKey").text() == grouped_key(
        request["publicKeyMultibase"]
    )
    assert step.years.value() == 2
    step.passphrase.setText(PASS)
    step.years.setValue(3)
    step.registry_url.setText(REGISTRY)
    with qtbot.waitSignal(step.certified, timeout=20_000):
        step.primary.click()
    certificate = json.loads((usb / "QAU-certificate.json").read_text(encoding="utf-8"))
    start, until = certificate["validFrom"], certificate["validUntil"]
    assert int(until[:4]) == int(start[:4]) + 3
    assert "Certified QAU from" in office.message.text()

    # The campus installs it with the root key as read out to them, spaces and all.
    desk._choose_open_file = lambda title: str(usb / "QAU-certificate.json")
    desk.install.click()
    qtbot.waitUntil(lambda: isinstance(desk.step, InstallDialog), timeout=10_000)
    step = desk.step
    assert step.root_key.text() == ""  # nothing to trust yet: it is typed in
    step.root_key.setText(grouped_key(root))
    with qtbot.waitSignal(desk.loaded, timeout=20_000):
        step.primary.click()
    assert "Installed: this campus's key is certified from" in desk.message.text()
    assert _cell(desk, 0, 3) == f"From {start[:10]} until {until[:10]}"
    assert desk.anchor == root
    with Store.open(campus.path, readonly=True) as store:
        assert store.setting("root_public_key") == root
        audit = store.query("SELECT action, actor_name FROM audit_log WHERE action LIKE 'key.%'")
    # The person signed in did it, not the system actor the command line uses.
    assert {(a["action"], a["actor_name"]) for a in audit} == {
        ("key.create_campus", "Sana Mirza"),
        ("key.install_certificate", "Sana Mirza"),
    }


def test_a_short_passphrase_is_shown_beside_it_and_kept(qtbot, opened, head_office):
    office = opened(head_office.path, head_office.admin)
    office.make_root.click()
    step = office.step
    assert "At least 12 characters" in step.rule.text()
    _type_passphrase(step, "short", again="shirt")
    step.primary.click()
    confirm_error = step.marks.fields["confirm"][1]
    assert confirm_error.isVisibleTo(step) and "not the same passphrase" in confirm_error.text()
    step.confirm.setText("short")
    step.primary.click()
    error = step.marks.fields["passphrase"][1]
    qtbot.waitUntil(lambda: error.isVisibleTo(step), timeout=10_000)
    assert "shorter than 12 characters" in error.text()
    assert step.passphrase.property("invalid") and not confirm_error.isVisibleTo(step)
    assert step.isVisible() and step.primary.isEnabled()
    assert (step.passphrase.text(), step.confirm.text()) == ("short", "short")
    with Store.open(head_office.path, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM signing_keys") == 0


def test_a_wrong_root_key_is_refused_and_installs_nothing(qtbot, opened, campus, head_office,
                                                          tmp_path):  # fmt: skip
    root, certificate_file = _certified_elsewhere(campus, head_office, tmp_path)
    desk = opened(campus.path, campus.admin)
    desk._choose_open_file = lambda title: str(certificate_file)
    desk.install.click()
    qtbot.waitUntil(lambda: isinstance(desk.step, InstallDialog), timeout=10_000)
    step = desk.step
    step.root_key.setText(STRANGER)
    step.primary.click()
    error = step.marks.fields["certificate"][1]
    qtbot.waitUntil(lambda: error.isVisibleTo(step), timeout=10_000)
    assert "Is not trusted" in error.text() and "Check the root key you typed" in error.text()
    assert step.isVisible() and step.root_key.text() == STRANGER
    with Store.open(campus.path, readonly=True) as store:
        assert store.setting("root_public_key") is None
        assert store.scalar("SELECT certificate FROM signing_keys") is None
    step.root_key.setText(root)  # the right one, after a telephone call
    with qtbot.waitSignal(step.installed, timeout=20_000):
        step.primary.click()


def test_a_request_not_saved_can_be_saved_again_without_a_second_key(qtbot, opened, campus,
                                                                      tmp_path):  # fmt: skip
    campus.store.close()
    desk = opened(campus.path, campus.admin)
    desk._choose_save_file = lambda title, name: ""  # the person cancels the file dialog
    desk.make_campus.click()
    step = desk.step
    _type_passphrase(step, PASS)
    step.primary.click()
    qtbot.waitUntil(lambda: "not saved yet" in step.status.text(), timeout=20_000)
    assert step.isVisible() and step.primary.text() == "&Save the request…"
    asked = []
    step.confirm_close = lambda: asked.append(True) or False
    step.reject()  # closing now would lose the request: it asks, and stays when told to
    assert asked and step.isVisible()
    target = tmp_path / "missing-folder" / "request.json"
    desk._choose_save_file = lambda title, name: str(target)
    step.primary.click()
    qtbot.waitUntil(lambda: step.marks.general.isVisibleTo(step), timeout=10_000)
    assert "could not be written" in step.marks.general.text()
    target.parent.mkdir()
    with qtbot.waitSignal(step.made, timeout=10_000):
        step.primary.click()
    assert json.loads(target.read_text(encoding="utf-8"))["campus"]["code"] == "QAU"
    with Store.open(campus.path, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM signing_keys") == 1


def test_the_demo_says_its_keys_are_not_valid_and_files_are_checked(qtbot, opened, campus,
                                                                     tmp_path):  # fmt: skip
    campus.store.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('demo', '1')")
    _row, request = signing_keys.create_campus_key(campus.store, campus.admin, PASS)
    campus.store.close()
    request_file = tmp_path / "request.json"
    request_file.write_text(json.dumps(request), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{ not json", encoding="utf-8")
    desk = opened(campus.path, campus.admin)
    assert desk.demo_banner.isVisible() and "not valid" in desk.demo_banner.text()
    desk._choose_open_file = lambda title: str(request_file)
    desk.install.click()
    qtbot.waitUntil(lambda: "request, not a certificate" in desk.message.text(), timeout=10_000)
    desk._choose_open_file = lambda title: str(tmp_path / "broken.json")
    desk.install.click()
    qtbot.waitUntil(lambda: "could not be read" in desk.message.text(), timeout=10_000)
    assert desk.step is None  # nothing to install from either file


def test_only_a_focal_person_gets_the_keys(qtbot, campus):
    campus.store.close()
    window = MainWindow(campus.path, session=Session(campus.assessor))
    qtbot.addWidget(window)
    window.show()
    tools = window.menuBar().actions()[0].menu()
    assert window.keys_action in tools.actions() and not window.keys_action.isVisible()
    window.session.sign_in(campus.admin)
    assert window.keys_action.isVisible()
    letters = [a.text().split("&")[1][0].lower() for a in tools.actions() if "&" in a.text()]
    assert len(letters) == len(set(letters)) == 3
    window.keys_action.trigger()
    with qtbot.waitSignal(window.keys_dialog.loaded, timeout=10_000):
        pass
    assert window.keys_dialog.make_campus.isEnabled()
    window.session.sign_in(campus.assessor)
    assert not window.keys_action.isVisible()
    window.close()


@pytest.fixture
def urdu(qapp):
    from desktop.ui.i18n import apply_language

    apply_language(qapp, "ur")
    yield
    apply_language(qapp, "en")


def test_in_urdu_keys_and_dates_stay_left_to_right(qtbot, urdu, opened, campus, head_office,
                                                   tmp_path):  # fmt: skip
    from PySide6.QtCore import Qt

    root, certificate_file = _certified_elsewhere(campus, head_office, tmp_path)
    desk = opened(campus.path, campus.admin)
    assert desk.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # A row is chosen, so Copy works (QTableView.selectRow chooses nothing right to left).
    assert desk.table.currentIndex().isValid() and desk.copy_key.isEnabled()
    assert _cell(desk, 0, 2).startswith("\u2066")  # the date, isolated left to right
    desk._choose_open_file = lambda title: str(certificate_file)
    desk.install.click()
    qtbot.waitUntil(lambda: isinstance(desk.step, InstallDialog), timeout=10_000)
    step = desk.step
    assert step.root_key.layoutDirection() == Qt.LayoutDirection.LeftToRight
    key = step.findChild(type(step.claimed), "summaryKey")
    assert key.text().startswith("\u2066z6Mk") and key.alignment() & Qt.AlignmentFlag.AlignRight
    step.root_key.setText(root)
    with qtbot.waitSignal(step.installed, timeout=20_000):
        step.primary.click()
