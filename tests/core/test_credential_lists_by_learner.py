"""The credential list narrowed to one learner (a student's own certificates)."""

from __future__ import annotations

from desktop.core.credential_lists import CredentialFilter, count_credentials, search_credentials
from desktop.core.services import issuing
from tests.credential_kit import certify_campus, passed_enrolment


def test_a_learner_filter_gives_that_learners_credentials_only(campus, tmp_path):
    keys = certify_campus(campus.store)
    issued = [
        issuing.issue_for_enrolment(campus.store, campus.admin,
                                    passed_enrolment(campus, tmp_path, n), keys.issuer)
        for n in (0, 1)
    ]  # fmt: skip
    issuing.change_status(campus.store, campus.admin, issued[1]["id"], "revoke",
                          "Issued to the wrong learner", keys.issuer)  # fmt: skip
    conn = campus.store.conn
    everyone = CredentialFilter(campus.admin.campus_id)  # as before: no learner named
    assert {r["id"] for r in search_credentials(conn, everyone).rows} == {i["id"] for i in issued}
    for row, learner_id in zip(issued, campus.learner_ids, strict=False):
        own = CredentialFilter(None, learner_id=learner_id)
        page = search_credentials(conn, own)
        assert [r["id"] for r in page.rows] == [row["id"]]
        assert page.rows[0]["learner_id"] == learner_id
        assert count_credentials(conn, own) == 1
    revoked = CredentialFilter(None, state="revoked", learner_id=campus.learner_ids[0])
    assert search_credentials(conn, revoked).rows == []
    nobody = CredentialFilter(None, learner_id=campus.learner_ids[4])
    assert search_credentials(conn, nobody).rows == [] and count_credentials(conn, nobody) == 0
