"""Verification outcomes that depend on what this computer trusts (the order of the checks)."""

from __future__ import annotations

from desktop.core.services import issuing
from desktop.core.verification import Outcome, Trust, verify_input, verify_qr_text
from tests.credential_kit import certify_campus, passed_enrolment


def test_without_a_root_key_text_that_is_no_sanad_code_is_unreadable_not_an_unknown_issuer():
    nothing_trusted = Trust(root=None)
    for text in ("HTTPS://EXAMPLE.ORG/NOT-OURS", "Shopping: flour, tea, sugar"):
        assert verify_qr_text(text, nothing_trusted).outcome is Outcome.UNREADABLE
        assert verify_input(text.encode(), nothing_trusted).outcome is Outcome.UNREADABLE


def test_without_a_root_key_a_sanad_code_is_an_unknown_issuer_with_what_it_says(
    campus, tmp_path
):
    keys = certify_campus(campus.store)
    enrolment_id = passed_enrolment(campus, tmp_path)
    row = issuing.issue_for_enrolment(campus.store, campus.admin, enrolment_id, keys.issuer)
    verdict = verify_qr_text(row["qr_text"], Trust(root=None))
    assert verdict.outcome is Outcome.UNKNOWN_ISSUER
    assert "no national root key" in verdict.explanation
    assert verdict.facts["serial"] == row["serial"]


def test_a_damaged_image_is_unreadable_with_the_reason_not_an_error():
    nothing_trusted = Trust(root=None)
    for data in (b"\x89PNG\r\n\x1a\ncut short", b"\xff\xd8\xff\xe0 not a jpeg"):
        verdict = verify_input(data, nothing_trusted)
        assert verdict.outcome is Outcome.UNREADABLE
        assert "not an image that can be read" in verdict.explanation
