"""Render the current screens to PNG files in this folder (offscreen, no display needed).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make.py

The demo campus is built in a throw-away home folder, so the pictures show the paths a user
would see (``~/.local/share/Sanad/…``) and nothing of the machine that made them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent


def _wait(app, signal) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    loop.exec()
    app.processEvents()


def _wait_until(app, condition) -> None:
    import time

    deadline = time.monotonic() + 15
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def _save(window, name: str) -> None:
    out = HERE / name
    window.grab().save(str(out))
    print(f"wrote {out.relative_to(HERE.parent.parent)}")


def main() -> int:
    with tempfile.TemporaryDirectory() as home:
        os.environ["HOME"] = home
        os.environ["XDG_CONFIG_HOME"] = str(Path(home) / ".config")
        os.environ.pop("SANAD_DATA_DIR", None)
        from PySide6.QtWidgets import QApplication

        from desktop.core.backup import backup_database
        from desktop.core.demo import DEMO_PASSWORDS, create_demo
        from desktop.core.errors import InvalidInput, PermissionDenied
        from desktop.core.paths import demo_database
        from desktop.core.services.learners import validate_learner
        from desktop.core.services.users import authenticate
        from desktop.core.store import Store
        from desktop.ui.cohort_form import CohortForm
        from desktop.ui.enrolment_dialogs import EnrolDialog, StatusDialog
        from desktop.ui.enrolments import ChooseCohortDialog
        from desktop.ui.first_run import FirstRunWizard
        from desktop.ui.i18n import apply_language, ltr
        from desktop.ui.learner_form import LearnerForm
        from desktop.ui.learner_import import LearnerImportWizard
        from desktop.ui.main_window import MainWindow
        from desktop.ui.marking_dialog import MarkingDialog
        from desktop.ui.micro_credential_editor import MicroCredentialEditor
        from desktop.ui.pathway_editor import PathwayEditor
        from desktop.ui.session import Session
        from desktop.ui.settings import BackupSettings, SettingsDialog, save_backup_settings
        from desktop.ui.signin import SignInDialog
        from desktop.ui.signing_key_steps import CertifyDialog, InstallDialog
        from desktop.ui.signing_keys import SigningKeysDialog
        from desktop.ui.student import StudentWindow
        from desktop.ui.tasks import TaskRunner

        app = QApplication.instance() or QApplication(sys.argv[:1])
        db_path = demo_database()
        db_path.parent.mkdir(parents=True)
        create_demo(db_path, learners=400, seed=2026)
        sample_csv = Path(home) / "learners.csv"
        sample_csv.write_bytes(
            (
                "Reg No,Student Name,Father's Name,CNIC,Gender,DOB,Mobile\n"
                "QAU-2026-1001,Mehwish Soomro,Ali Soomro,45504-1234567-2,F,14/03/2004,"
                "0333-5550101\n"
                "QAU-2026-1002,Danish Bugti,Sher Bugti,54400-7654321-1,M,09/01/2003,0300 1112223\n"
                "QAU-2026-1003,Rimsha Awan,Tariq Awan,12345,F,01/01/2002,0345-1234567\n"
                "QAU-2026-1004,Urooj Khattak,Faisal Khattak,17301-1112223-4,F,05-06-2001,\n"
                "QAU-2026-1005,Sikandar Laghari,Ahmed Laghari,,M,31/02/2003,0312-123\n"
                "qau-2026-1001,Mehwish Again,,,F,,\n"
            ).encode("utf-8-sig")
        )
        # Before the signing-key pictures: they give the demo campus head office's root instead
        # of the demonstration root its credentials were signed under.
        _verify_and_certificates(app, db_path, Path(home))
        _credentials(app, db_path)
        head_office, registrar, keys = _signing_keys(Path(home), db_path)
        from sync_screens import make_sync_screens

        make_sync_screens(app, Path(home), _save, _wait, _wait_until)
        for language, search in (("en", "khan"), ("ur", "0300")):
            apply_language(app, language)
            with Store.open(db_path) as store:
                focal = authenticate(store, "focal", DEMO_PASSWORDS["admin"])
            window = MainWindow(db_path, session=Session(focal, demo=True))
            window.resize(1280, 720)
            window.show()
            _wait(app, window.overview.loaded)
            _save(window, f"dashboard-{language}.png")
            window.show_screen(window.learners)
            window.learners.search_box.setText(search)
            _wait(app, window.learners.model.searched)
            _save(window, f"learners-{language}.png")
            window.show_screen(window.catalogue)
            catalogue = window.catalogue.micro
            _wait_until(app, lambda c=catalogue: c.model.rowCount() > 0 and bool(c.tracks))
            draft = next(n for n, r in enumerate(catalogue.model.rows) if r["status"] == "draft")
            catalogue.table.setCurrentIndex(catalogue.model.index(draft, 0))
            _save(window, f"catalogue-{language}.png")
            # As head office sees a national draft (at a campus it is read-only).
            editor = MicroCredentialEditor(
                window.runner, window.session, catalogue.tracks, catalogue.model.rows[draft]
            )
            editor.tabs.setCurrentIndex(3)
            editor.resize(980, 680)
            app.processEvents()
            _save(editor, f"rubric-editor-{language}.png")
            editor.descriptor_language.setCurrentIndex(1)  # the Urdu descriptors
            app.processEvents()
            _save(editor, f"rubric-editor-urdu-descriptors-{language}.png")
            editor.done(0)
            pathways = window.catalogue.pathways
            window.catalogue.tabs.setCurrentWidget(pathways)
            _wait_until(app, lambda p=pathways: p.model.rowCount() > 0 and bool(p.choices))
            pathways.table.selectRow(0)
            _save(window, f"pathways-{language}.png")
            editor = PathwayEditor(
                window.runner, window.session, pathways.choices, pathways.model.rows[0]
            )
            editor.resize(640, 660)
            editor.show()
            app.processEvents()
            _save(editor, f"pathway-editor-{language}.png")
            editor.done(0)
            window.catalogue.tabs.setCurrentIndex(0)
            window.show_screen(window.cohorts)
            _wait_until(app, lambda w=window: w.cohorts.cohorts.rowCount() > 0)
            page = window.cohorts
            page.cohort_table.setCurrentIndex(page.cohorts.index(3, 0))
            _wait_until(app, lambda w=window: w.cohorts.members.rowCount() > 0)
            _save(window, f"cohorts-{language}.png")
            window.show_screen(window.enrolments)
            enrolments = window.enrolments
            _wait_until(app, lambda e=enrolments: e.model.rowCount() > 0
                        and e.micro_filter.count() > 1)  # fmt: skip
            submitted = enrolments.status_filter.findData("submitted")
            enrolments.status_filter.setCurrentIndex(submitted)
            _wait_until(app, lambda e=enrolments: e.model.query.status == "submitted"
                        and e.model.rowCount() > 1)  # fmt: skip
            enrolments.table.setCurrentIndex(enrolments.model.index(1, 0))
            _wait_until(app, lambda e=enrolments: e.status_button.isEnabled())
            _save(window, f"enrolments-{language}.png")
            enrolments.status_filter.setCurrentIndex(0)
            _wait(app, enrolments.model.loaded)
            window.show_screen(window.marking)
            marking = window.marking
            _wait_until(app, lambda m=marking: m.queue.rowCount() > 0)
            marking.table.setCurrentIndex(marking.queue.index(0, 0))
            _save(window, f"marking-{language}.png")
            marking.tabs.setCurrentIndex(1)
            _wait_until(app, lambda m=marking: m.backlog.by_assessor.rowCount() > 0)
            marking.backlog.cohort_table.selectRow(0)
            _save(window, f"marking-backlog-{language}.png")
            marking.tabs.setCurrentIndex(0)
            dialog = MarkingDialog(window.runner, window.session, marking.queue.rows[0]["id"])
            dialog.resize(1180, 760)
            dialog.show()
            _wait_until(app, lambda d=dialog: d.data is not None)
            for group in dialog.levels.values():
                group.buttons()[2].click()
            dialog.decision.buttons()[0].click()
            dialog.feedback.setPlainText(
                "صاف اور مکمل کام۔" if language == "ur" else "Clear, complete and well explained."
            )
            dialog.evidence_list.setCurrentRow(dialog.evidence_list.count() - 1)
            for _ in range(30):
                app.processEvents()
                time.sleep(0.02)
            _save(dialog, f"marking-dialog-{language}.png")
            dialog.done(0)
            with Store.open(db_path) as store:
                username = store.scalar(
                    "SELECT username FROM users WHERE role = 'student' ORDER BY username LIMIT 1"
                )
                student = authenticate(store, username, DEMO_PASSWORDS["student"])
            lab = StudentWindow(db_path, Session(student), lock_ms=0)
            lab.resize(1180, 720)
            lab.show()
            _wait_until(app, lambda w=lab: w.enrolment_list.count() > 0)
            for _ in range(30):
                app.processEvents()
                time.sleep(0.02)
            _save(lab, f"student-{language}.png")
            lab.close()
            chooser = ChooseCohortDialog(window.runner, window.session)
            chooser.show()
            _wait_until(app, lambda d=chooser: d.cohorts.rowCount() > 0)
            _save(chooser, f"choose-cohort-{language}.png")
            chooser.done(0)

            for name, dialog in (
                ("learner-form", LearnerForm(window.runner, window.session,
                                             window.learners.model.rows[0])),
                ("cohort-form", CohortForm(window.runner, window.session)),
                ("enrol", EnrolDialog(window.runner, window.session,
                                      window.cohorts.cohorts.rows[3])),
                ("status", StatusDialog(window.runner, window.session,
                                        window.cohorts.members.rows[0],
                                        window.cohorts.statuses)),
            ):  # fmt: skip
                dialog.show()
                for _ in range(30):
                    app.processEvents()
                    time.sleep(0.02)
                _save(dialog, f"{name}-{language}.png")
                dialog.done(0)

            # A refused form: the core's problems in the person's language, beside the fields.
            form = LearnerForm(window.runner, window.session, None)
            typed = {"registration_no": "QAU-2026-DA-0042", "full_name": "Kiran Awan",
                     "cnic": "35202-12345", "phone": "12345", "gender": "male"}  # fmt: skip
            for field, value in typed.items():
                if field != "gender":
                    getattr(form, field).setText(value)
            try:
                validate_learner(typed)
            except InvalidInput as refused:
                form.marks.show(refused)
            form.show()
            for _ in range(30):
                app.processEvents()
                time.sleep(0.02)
            _save(form, f"learner-form-problems-{language}.png")
            form.done(0)

            folder = Path(home) / "usb"
            folder.mkdir(exist_ok=True)
            with Store.open(db_path) as store:
                for stamp in ("20261121-183002", "20261122-183005"):
                    backup_database(store, folder / f"{db_path.stem}-{stamp}.db")
            # As a person may type it: "~" is their home folder (here the throw-away one).
            save_backup_settings(BackupSettings("~/usb", True, 14))
            settings = SettingsDialog(window.runner, window.session, window.backups)
            settings.show()
            _wait_until(app, lambda d=settings: d.list.rowCount() == 2)
            settings._backed_up(
                window.backups.tr("Backed up to {path}").format(path=ltr("~/usb/…"))
            )
            _wait_until(app, lambda d=settings: d.list.rowCount() == 2)
            settings.list.selectRow(0)
            _save(settings, f"settings-{language}.png")
            settings.done(0)

            dialog = SignInDialog(window.runner, "Quaid-i-Azam University (QAU)")
            dialog.username.setText("focal")
            dialog._refused(PermissionDenied.single("username", "focal",
                                                    "and this password do not match an account",
                                                    "Check"))  # fmt: skip
            dialog.resize(420, 220)
            dialog.show()
            app.processEvents()
            _save(dialog, f"sign-in-{language}.png")
            dialog.close()

            importer = LearnerImportWizard(window.runner, window.session)
            importer.resize(820, 600)
            importer.show()
            importer.file_page.path.setText(str(sample_csv))
            importer.next()
            _wait_until(app, lambda w=importer: w.currentPage() is w.mapping_page)
            importer.next()
            _wait_until(app, lambda w=importer: w.check_page.plan is not None)
            _save(importer, f"import-check-{language}.png")
            importer.close()

            wizard = FirstRunWizard(window.runner)
            wizard.resize(640, 520)
            wizard.show()
            wizard.next()
            wizard.campus.code.setText("U O B")
            wizard.campus.name_en.setText("University of Balochistan")
            wizard.campus.name_ur.setText("جامعہ بلوچستان")
            wizard.campus.region.setCurrentText("Balochistan")
            wizard.campus.city.setText("Quetta")
            wizard.campus.marks.show(
                InvalidInput.single(
                    "code", "U O B", "must be 1–32 capital letters, digits or dashes",
                    "Use something short such as DA-101",
                )
            )  # fmt: skip
            app.processEvents()
            _save(wizard, f"first-run-{language}.png")
            wizard.close()

            # Signing keys: the demo campus (one key certified, a newer one waiting), and head
            # office's computer, with its root key and a campus's request to certify.
            dialog = SigningKeysDialog(window.runner, window.session)
            dialog.resize(1100, 560)
            dialog.show()
            _wait(app, dialog.loaded)
            _save(dialog, f"signing-keys-campus-{language}.png")
            dialog.done(0)
            office_runner = TaskRunner(head_office)
            office = Session(registrar, head_office=True)
            dialog = SigningKeysDialog(office_runner, office)
            dialog.resize(1100, 560)
            dialog.show()
            _wait(app, dialog.loaded)
            _save(dialog, f"signing-keys-head-office-{language}.png")
            dialog.done(0)
            step = CertifyDialog(office_runner, office, keys["request"], keys["registry"],
                                 lambda title, name: "")  # fmt: skip
            step.passphrase.setText("four unrelated words")
            step.show()
            app.processEvents()
            _save(step, f"certify-request-{language}.png")
            step.done(0)
            office_runner.close()
            step = InstallDialog(window.runner, window.session, keys["certificate"], None)
            step.root_key.setText("z6MkrJVn aZkeFzdQ yMZu1cgj g7k1pZZ6 pvBQ7XJP t4swbTQ2")
            step.show()
            step.primary.click()  # a root key that did not sign it: refused, beside the field
            _wait_until(app, lambda s=step: s.primary.isEnabled())
            _save(step, f"install-certificate-problem-{language}.png")
            step.done(0)
            window.close()
    return 0


def _verify_and_certificates(app, db_path: Path, home: Path) -> None:
    """The Verify screen with a valid demo certificate (its PDF) and a revoked one (its QR
    text), and a student's own certificates (the demo student's passed work issued first)."""
    from desktop.core.certificates import credential_pdf
    from desktop.core.credential_lists import CredentialFilter, search_credentials
    from desktop.core.demo import DEMO_PASSWORDS
    from desktop.core.demo.credentials import DEMO_KEY_PASSPHRASE
    from desktop.core.services import issuing
    from desktop.core.services.users import authenticate
    from desktop.core.store import Store
    from desktop.ui.i18n import apply_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session
    from desktop.ui.student import StudentWindow

    with Store.open(db_path) as store:
        focal = authenticate(store, "focal", DEMO_PASSWORDS["admin"])
        rows = search_credentials(store.conn, CredentialFilter(None), limit=1000).rows
        valid = next(r for r in rows if r["state"] == "active")
        revoked = next(r for r in rows if r["state"] == "revoked")
        pdf = home / f"{valid['serial']}.pdf"
        pdf.write_bytes(credential_pdf(store, valid["id"]))
        qr_text = store.get("issued_credentials", revoked["id"])["qr_text"]
        username = store.scalar(
            "SELECT username FROM users WHERE role = 'student' ORDER BY username LIMIT 1"
        )
        student = authenticate(store, username, DEMO_PASSWORDS["student"])
        learner_id = store.scalar("SELECT learner_id FROM users WHERE id = ?", (student.user_id,))
        issuer = issuing.unlock_issuer_key(store, DEMO_KEY_PASSPHRASE)
        for due in issuing.issuable_enrolments(store, store.campus_id):
            if due["learner_id"] == learner_id:
                issuing.issue_for_enrolment(store, focal, due["id"], issuer)
    for language in ("en", "ur"):
        apply_language(app, language)
        window = MainWindow(db_path, session=Session(focal, demo=True))
        window.resize(1280, 760)
        window.show()
        _wait(app, window.overview.loaded)
        window.show_screen(window.verify)
        page = window.verify
        page.check_file(pdf)
        _wait(app, page.checked)
        _save(window, f"verify-valid-{language}.png")
        page.text.setText(qr_text)
        page.check_text()
        _wait(app, page.checked)
        _save(window, f"verify-revoked-{language}.png")
        window.close()
        lab = StudentWindow(db_path, Session(student), lock_ms=0)
        lab.resize(1180, 720)
        lab.show()
        _wait_until(app, lambda w=lab: w.certificates.model.rowCount() > 0)
        lab.tabs.setCurrentWidget(lab.certificates)
        for _ in range(30):
            app.processEvents()
            time.sleep(0.02)
        _save(lab, f"student-certificates-{language}.png")
        lab.close()


def _credentials(app, db_path: Path) -> None:
    """The Credentials screen of the demo campus, the revoke dialog, the issue dialog before and
    after a short batch (with the demo key's passphrase typed), and the share dialog."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView

    from desktop.core.demo import DEMO_PASSWORDS
    from desktop.core.demo.credentials import DEMO_KEY_PASSPHRASE
    from desktop.core.services.users import authenticate
    from desktop.core.store import Store
    from desktop.ui.credential_dialogs import ChangeCredentialDialog, ShareDialog
    from desktop.ui.credential_issuing import IssueDialog
    from desktop.ui.i18n import apply_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session

    with Store.open(db_path) as store:
        focal = authenticate(store, "focal", DEMO_PASSWORDS["admin"])
    for language in ("en", "ur"):
        apply_language(app, language)
        window = MainWindow(db_path, session=Session(focal, demo=True))
        window.resize(1280, 720)
        window.show()
        _wait(app, window.overview.loaded)
        window.show_screen(window.credentials)
        page = window.credentials
        _wait_until(app, lambda p=page: p.model.rowCount() > 0 and p.demo_banner.isVisible())
        suspended = next(n for n, r in enumerate(page.model.rows) if r["state"] == "suspended")
        page.table.setCurrentIndex(page.model.index(suspended, 0))
        _save(window, f"credentials-{language}.png")
        revoke = ChangeCredentialDialog(window.runner, window.session, page.credential(), "revoke",
                                        page.demo_passphrase, window)  # fmt: skip
        revoke.reason.setText("Evidence found to be copied" if language == "en"
                              else "ثبوت نقل شدہ نکلا")  # fmt: skip
        revoke.show()
        app.processEvents()
        _save(revoke, f"revoke-credential-{language}.png")
        revoke.done(0)
        dialog = IssueDialog(window.runner, window.session, page.demo_passphrase, window)
        dialog.show()
        _wait(app, dialog.loaded)
        # A short batch, to see its summary: a learner's work that completes a pathway first.
        choices = dialog.choices
        wanted = _completing_a_pathway(db_path)
        others = [r["id"] for r in choices.rows if r["id"] not in wanted]
        wanted += others[: max(0, 3 - len(wanted))]
        choices.check_all(False)
        for row, record in enumerate(choices.rows):
            if record["id"] in wanted:
                choices.setData(choices.index(row, 0), Qt.CheckState.Checked.value,
                                Qt.ItemDataRole.CheckStateRole)  # fmt: skip
        first = next((n for n, r in enumerate(choices.rows) if r["id"] in wanted), 0)
        dialog.table.scrollTo(choices.index(first, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        dialog.passphrase.setText(DEMO_KEY_PASSPHRASE)
        app.processEvents()
        _save(dialog, f"issue-credentials-{language}.png")
        dialog.submit()
        _wait_until(app, lambda d=dialog: d.pages.currentIndex() == 1)
        _save(dialog, f"issue-credentials-done-{language}.png")
        dialog.done(0)
        page.refresh()
        _wait(app, page.model.loaded)
        page.table.setCurrentIndex(page.model.index(0, 0))  # (selectRow misses in Urdu)
        share = ShareDialog(window.runner, page.credential(), window)
        share.show()
        _wait(app, share.loaded)
        _save(share, f"share-credential-{language}.png")
        share.done(0)
        window.close()


def _completing_a_pathway(db_path: Path) -> list[str]:
    """The waiting enrolments of the first learner whose credentials would complete a
    published pathway (roughly: revocations and expiry are not looked at), or none."""
    import json

    from desktop.core.services import issuing
    from desktop.core.store import Store

    with Store.open(db_path, readonly=True) as store:
        due = issuing.issuable_enrolments(store, store.campus_id)
        ways = store.query(
            "SELECT members, rule, required_count FROM pathways "
            "WHERE status = 'published' AND deleted = 0"
        )
        for learner_id in dict.fromkeys(row["learner_id"] for row in due):
            mine = [row for row in due if row["learner_id"] == learner_id]
            codes = {row["code"] for row in mine} | {
                row["code"] for row in store.query(
                    "SELECT m.code FROM issued_credentials i JOIN micro_credentials m "
                    "ON m.id = i.micro_credential_id WHERE i.learner_id = ?", (learner_id,))
            }  # fmt: skip
            for way in ways:
                members = json.loads(way["members"])
                needed = len(members) if way["rule"] == "all_of" else way["required_count"]
                if sum(code in codes for code in members) >= needed:
                    return [row["id"] for row in mine]
    return []


def _signing_keys(home: Path, campus: Path) -> tuple[Path, object, dict]:
    """Head office's database with its root key, and the demo campus's keys: one certified and
    installed, a newer one whose request is waiting at head office."""
    from desktop.core.demo import DEMO_PASSWORDS
    from desktop.core.services import setup, signing_keys
    from desktop.core.services.users import authenticate
    from desktop.core.store import Store

    passphrase = "four unrelated words"
    path = home / "head-office" / "head-office.db"
    with Store.open(path) as store:
        registrar = setup.initialise_campus(store, code="HEC", name_en="Head office",
                                            admin_username="registrar",
                                            admin_display_name="Nadia Registrar",
                                            admin_password="a-long-password")  # fmt: skip
        store.conn.execute("UPDATE settings SET value = 'head_office' WHERE key = 'node_kind'")
        root = signing_keys.create_root_key(store, registrar, passphrase)
        registry = signing_keys.set_registry_url(store, registrar, "https://registry.sanad.example")
    with Store.open(campus) as store:
        focal = authenticate(store, "focal", DEMO_PASSWORDS["admin"])
        _row, first = signing_keys.create_campus_key(store, focal, passphrase)
    with Store.open(path) as store:
        certificate = signing_keys.certify_request(store, registrar, first, passphrase)
    with Store.open(campus) as store:
        signing_keys.install_certificate(store, focal, certificate, root["public_key"])
        _row, second = signing_keys.create_campus_key(store, focal, passphrase)
    return path, registrar, {"request": second, "certificate": certificate, "registry": registry}


if __name__ == "__main__":
    raise SystemExit(main())
