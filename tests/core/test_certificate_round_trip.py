"""The paper certificate as an employer meets it: printed (rendered by poppler), photographed
(the QR decoded from the image), and verified offline with nothing but the root public key."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import replace

import pytest

from desktop.core.certificate_pdf import read_attachment, render_certificate
from desktop.core.certificates import certificate_face, credential_pdf
from desktop.core.qr_payload import decode_image
from desktop.core.services import issuing, setup
from desktop.core.status_lists import decode_list, status_of
from desktop.core.store import SYSTEM, Store
from desktop.core.trust import install_status_list, trust_from_store
from desktop.core.verification import Outcome, StatusAnswer, Trust, verify_input, verify_qr_text
from tests.credential_kit import certify_campus, passed_enrolment

URDU_TITLE = "ڈیٹا اینالیٹکس کی بنیادیں"
URDU_CAMPUS = "قائداعظم یونیورسٹی"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} (poppler-utils) must be installed in CI")
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


@pytest.fixture
def certificate(campus, tmp_path):
    keys = certify_campus(campus.store)
    enrolment_id = passed_enrolment(campus, tmp_path)
    row = issuing.issue_for_enrolment(campus.store, campus.admin, enrolment_id, keys.issuer)
    pdf = tmp_path / f"{row['serial']}.pdf"
    pdf.write_bytes(credential_pdf(campus.store, row["id"]))
    return row, keys, pdf


def test_print_photograph_and_verify_offline_with_only_the_root_key(campus, certificate, tmp_path):
    row, keys, pdf = certificate
    subprocess.run([_tool("pdftoppm"), "-r", "150", "-png", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    texts = decode_image(tmp_path / "page.png")
    assert texts == [row["qr_text"]]
    assert texts[0].startswith("HTTPS://REGISTRY.SANAD.EXAMPLE/V/")

    only_the_root = Trust(root=keys.root.public_key())
    verdict = verify_qr_text(texts[0], only_the_root)
    # Signature, issuer and key validity hold; revocation cannot be known without a list.
    assert verdict.outcome is Outcome.STATUS_UNKNOWN, verdict.explanation
    assert verdict.facts["serial"] == row["serial"]
    assert verdict.facts["campus_code"] == "QAU"

    # With the campus's status list as a phone or laptop would have cached it: valid.
    listed = issuing.sign_status_list(campus.store, SYSTEM, keys.issuer)
    bits = decode_list(listed["credentialSubject"]["encodedList"])
    only_the_root.status = lambda code, index: StatusAnswer(status_of(bits, index), None)
    assert verify_qr_text(texts[0], only_the_root).outcome is Outcome.VALID


def test_the_urdu_and_english_text_can_be_copied_out_of_the_pdf(certificate):
    row, _keys, pdf = certificate
    text = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    assert URDU_TITLE in text
    assert URDU_CAMPUS in text
    assert row["serial"] in text
    assert "Data Analytics Fundamentals" in text


def test_the_pdf_carries_the_credential_and_verifies_as_a_whole(campus, certificate):
    row, _keys, pdf = certificate
    assert read_attachment(pdf.read_bytes()) == row["document"].encode("utf-8")
    verdict = verify_input(pdf, trust_from_store(campus.store))
    assert verdict.outcome is Outcome.VALID, verdict.explanation
    assert verdict.source == "pdf"


def test_a_pdf_whose_qr_belongs_to_another_credential_is_refused(campus, certificate, tmp_path):
    row, keys, _pdf = certificate
    second = passed_enrolment(campus, tmp_path, 1)
    other = issuing.issue_for_enrolment(campus.store, campus.admin, second, keys.issuer)
    face = certificate_face(campus.store, campus.store.get("issued_credentials", row["id"]))
    glued = replace(face, qr_text=other["qr_text"])
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(render_certificate(glued))
    verdict = verify_input(forged, trust_from_store(campus.store))
    assert verdict.outcome is Outcome.SIGNATURE_INVALID
    assert "different credentials" in verdict.explanation


def test_another_campus_s_status_list_is_kept_and_used_with_its_date(campus, certificate, tmp_path):
    row, keys, _pdf = certificate
    issuing.change_status(campus.store, campus.admin, row["id"], "revoke", "Error", keys.issuer)
    listed = json.loads(campus.store.scalar("SELECT document FROM status_lists"))
    # An employer's computer that knows the root and the campus's certificate, nothing else.
    with Store.open(tmp_path / "employer.db") as employer:
        setup.initialise_campus(employer, code="EMP", name_en="Employer desk",
                                admin_username="hr", admin_display_name="HR",
                                admin_password="a-long-password")  # fmt: skip
        certificate_json = campus.store.scalar(
            "SELECT certificate FROM signing_keys WHERE certificate IS NOT NULL")
        employer.conn.execute(
            "INSERT INTO key_certificates (public_key, campus_code, certificate, certified_at) "
            "VALUES (?, 'QAU', ?, '2026-01-01T00:00:00Z')",
            (json.loads(certificate_json)["publicKeyMultibase"], certificate_json))
        with employer.transaction(SYSTEM) as tx:
            tx.set_setting("root_public_key", keys.root_multikey)
        document = json.loads(row["document"])
        assert verify_input(row["document"].encode(), trust_from_store(employer)).outcome is (
            Outcome.STATUS_UNKNOWN)
        install_status_list(employer, SYSTEM, listed)
        verdict = verify_input(json.dumps(document).encode(), trust_from_store(employer))
        assert verdict.outcome is Outcome.REVOKED and verdict.status_as_of is not None
