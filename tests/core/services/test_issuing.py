"""Issuing signed Open Badges 3.0 credentials, and every verification outcome they can meet."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.credential_document import identity_hash, schema_problems
from desktop.core.errors import Duplicate, InvalidInput, NotFound, PermissionDenied
from desktop.core.services import issuing
from desktop.core.services.credentials import credential_status
from desktop.core.status_lists import decode_list, status_of
from desktop.core.trust import trust_from_store
from desktop.core.verification import Outcome, StatusAnswer, Trust, verify_credential
from tests.credential_kit import PASSPHRASE, certify_campus, passed_enrolment


@pytest.fixture
def keys(campus):
    return certify_campus(campus.store)


@pytest.fixture
def issued(campus, keys, tmp_path):
    enrolment_id = passed_enrolment(campus, tmp_path)
    row = issuing.issue_for_enrolment(campus.store, campus.admin, enrolment_id, keys.issuer)
    return row, json.loads(row["document"])


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path, value


def test_the_credential_is_open_badges_3_and_says_what_was_earned(campus, issued):
    row, document = issued
    assert schema_problems(document) == []
    assert document["type"] == ["VerifiableCredential", "AchievementCredential"]
    assert [p["cryptosuite"] for p in document["proof"]] == ["eddsa-rdfc-2022"]
    achievement = document["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "MicroCredential"
    assert achievement["humanCode"] == "DA-101"
    assert achievement["creditsAvailable"] == 2.0
    assert "PQF level 5" in achievement["tag"] and "60 notional hours" in achievement["tag"]
    assert [a["targetName"] for a in achievement["alignment"]] == ["Clean a data set"]
    assert "Clean a data set" in achievement["criteria"]["narrative"]
    assert document["validFrom"].startswith(row["valid_from"])
    assert document["validUntil"].startswith(row["valid_until"])
    entry = document["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry"
    assert int(entry["statusListIndex"]) == row["status_index"]
    assert document["credentialSchema"][0]["type"] == "1EdTechJsonSchemaValidator2019"


def test_the_learner_is_named_and_identified_by_a_salted_hash_never_the_cnic(campus, issued):
    row, document = issued
    learner = campus.store.get("learners", row["learner_id"])
    name, hashed = document["credentialSubject"]["identifier"]
    assert (name["identityType"], name["hashed"], name["identityHash"]) == (
        "name", False, learner["full_name"])  # fmt: skip
    assert hashed["hashed"] is True
    kind, value = ("nationalIdentityNumber", learner["cnic"]) if learner["cnic"] else (
        "identifier", learner["registration_no"])  # fmt: skip
    assert hashed["identityType"] == kind
    assert hashed["identityHash"] == identity_hash(value, hashed["salt"])
    assert value not in row["document"]


def test_evidence_entries_carry_each_file_sha256(campus, issued):
    row, document = issued
    files = campus.store.query(
        "SELECT sha256 FROM evidence WHERE enrolment_id = ? AND kind = 'file'",
        (row["enrolment_id"],),
    )
    described = " ".join(e.get("description", "") for e in document["evidence"])
    assert files and all(f["sha256"] in described for f in files)
    assert any(e["id"] == "https://example.org/da" for e in document["evidence"])


def test_a_fresh_credential_verifies_valid_at_its_campus(campus, issued):
    verdict = verify_credential(issued[1], trust_from_store(campus.store))
    assert verdict.outcome is Outcome.VALID, verdict.explanation
    assert verdict.facts["achievement_code"] == "DA-101"


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_changing_any_field_gives_signature_invalid(campus, issued, data):
    _row, document = issued
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    path, value = data.draw(st.sampled_from(list(_leaves(unsigned))))
    changed = copy.deepcopy(document)
    target = changed
    for step in path[:-1]:
        target = target[step]
    if data.draw(st.booleans(), label="remove the field instead"):
        del target[path[-1]]
    elif isinstance(value, bool):
        target[path[-1]] = not value
    elif isinstance(value, int | float):
        target[path[-1]] = value + 1
    else:
        target[path[-1]] = f"{value}x"
    verdict = verify_credential(changed, trust_from_store(campus.store))
    assert verdict.outcome is Outcome.SIGNATURE_INVALID, (path, verdict.explanation)


def test_a_key_certified_by_another_root_is_an_unknown_issuer(campus, issued):
    stranger = Ed25519PrivateKey.generate().public_key()
    trust = trust_from_store(campus.store)
    trust.root = stranger
    assert verify_credential(issued[1], trust).outcome is Outcome.UNKNOWN_ISSUER
    assert verify_credential(issued[1], Trust(root=None)).outcome is Outcome.UNKNOWN_ISSUER
    unknown = Trust(root=trust_from_store(campus.store).root)  # root known, key never seen
    assert verify_credential(issued[1], unknown).outcome is Outcome.UNKNOWN_ISSUER


def test_a_key_signing_outside_its_certificate_is_not_valid(campus, tmp_path):
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    keys = certify_campus(campus.store, valid_from=start,
                          valid_until=start + dt.timedelta(days=365))  # fmt: skip
    row = issuing.issue_for_enrolment(campus.store, campus.admin,
                                      passed_enrolment(campus, tmp_path), keys.issuer)  # fmt: skip
    verdict = verify_credential(json.loads(row["document"]), trust_from_store(campus.store))
    assert verdict.outcome is Outcome.KEY_NOT_VALID
    assert "was not certified" in verdict.explanation


def test_a_revoked_campus_key_is_not_valid(campus, issued, keys):
    trust = trust_from_store(campus.store)
    key = keys.issuer.checked.public_key_multibase
    trust.revoked_keys[key] = {"revoked": "2026-06-01T00:00:00Z", "reason": "laptop stolen"}
    verdict = verify_credential(issued[1], trust)
    assert verdict.outcome is Outcome.KEY_NOT_VALID and "laptop stolen" in verdict.explanation


def test_dates_not_yet_valid_and_expired(campus, issued):
    trust = trust_from_store(campus.store)
    document = issued[1]
    before = dt.datetime.fromisoformat(document["validFrom"]) - dt.timedelta(days=1)
    after = dt.datetime.fromisoformat(document["validUntil"]) + dt.timedelta(days=1)
    assert verify_credential(document, trust, now=before).outcome is Outcome.NOT_YET_VALID
    assert verify_credential(document, trust, now=after).outcome is Outcome.EXPIRED


def test_revoke_and_suspend_are_seen_and_the_status_list_is_re_signed(campus, issued, keys):
    row, document = issued
    store = campus.store
    issuing.change_status(store, campus.admin, row["id"], "suspend", "Complaint", keys.issuer)
    assert verify_credential(document, trust_from_store(store)).outcome is Outcome.SUSPENDED
    listed = json.loads(store.scalar("SELECT document FROM status_lists"))
    bits = decode_list(listed["credentialSubject"]["encodedList"])
    assert status_of(bits, row["status_index"]) == "suspended"
    issuing.change_status(store, campus.admin, row["id"], "reinstate", "Dismissed", keys.issuer)
    assert verify_credential(document, trust_from_store(store)).outcome is Outcome.VALID
    issuing.change_status(store, campus.admin, row["id"], "revoke", "Misconduct", keys.issuer)
    assert verify_credential(document, trust_from_store(store)).outcome is Outcome.REVOKED
    listed = json.loads(store.scalar("SELECT document FROM status_lists"))
    bits = decode_list(listed["credentialSubject"]["encodedList"])
    assert status_of(bits, row["status_index"]) == "revoked"
    assert status_of(bits, (row["status_index"] + 1) % 131072) == "active"


def test_elsewhere_the_cached_status_list_decides_and_without_one_status_is_unknown(
    campus, issued, keys
):
    row, document = issued
    store = campus.store
    here = trust_from_store(store)
    # An employer's computer: the root and the certificates, but not this campus's records.
    elsewhere = Trust(root=here.root, certificates=here.certificates)
    verdict = verify_credential(document, elsewhere)
    assert verdict.outcome is Outcome.STATUS_UNKNOWN and "offline" in verdict.explanation
    issuing.change_status(store, campus.admin, row["id"], "revoke", "Misconduct", keys.issuer)
    fetched = dt.datetime(2026, 11, 30, tzinfo=dt.UTC)
    listed = json.loads(store.scalar("SELECT document FROM status_lists"))
    bits = decode_list(listed["credentialSubject"]["encodedList"])
    elsewhere.status = lambda code, index: StatusAnswer(status_of(bits, index), fetched)
    verdict = verify_credential(document, elsewhere)
    assert verdict.outcome is Outcome.REVOKED and verdict.status_as_of == fetched


def test_a_batch_issues_each_reports_refusals_and_can_stop(campus, keys, tmp_path):
    first = passed_enrolment(campus, tmp_path, 0)
    second = passed_enrolment(campus, tmp_path, 1)
    third = passed_enrolment(campus, tmp_path, 2)
    seen = []
    def progress(done, total):
        seen.append((done, total))
        return done < 3

    result = issuing.issue_batch(campus.store, campus.admin, [first, "missing", second, third],
                                 keys.issuer, progress=progress)  # fmt: skip
    assert [r["enrolment_id"] for r in result.issued] == [first, second]
    assert result.refused[0][0] == "missing" and isinstance(result.refused[0][1], NotFound)
    assert result.cancelled and seen == [(1, 4), (2, 4), (3, 4)]
    assert [e["id"] for e in issuing.issuable_enrolments(campus.store, campus.admin.campus_id)] == [
        third]  # fmt: skip
    again = issuing.issue_batch(campus.store, campus.admin, [first], keys.issuer)
    assert isinstance(again.refused[0][1], Duplicate)


def test_only_admins_issue_and_the_passphrase_must_open_the_key(campus, keys, tmp_path):
    with pytest.raises(PermissionDenied):
        issuing.issue_batch(campus.store, campus.assessor, [], keys.issuer)
    with pytest.raises(InvalidInput, match="does not open this key"):
        issuing.unlock_issuer_key(campus.store, "not the passphrase")
    assert issuing.unlock_issuer_key(campus.store, PASSPHRASE).checked.campus_code == "QAU"


def test_a_campus_without_a_certified_key_cannot_issue(campus):
    with pytest.raises(NotFound, match="not certified yet"):
        issuing.unlock_issuer_key(campus.store, PASSPHRASE)


def test_every_issued_credential_has_a_unique_status_index(campus, keys, tmp_path):
    rows = [issuing.issue_for_enrolment(campus.store, campus.admin,
                                        passed_enrolment(campus, tmp_path, n), keys.issuer)
            for n in range(3)]  # fmt: skip
    assert len({r["status_index"] for r in rows}) == 3
    assert all(credential_status(campus.store, r["id"]) == "active" for r in rows)


def test_reissue_revokes_the_old_and_the_new_names_what_it_supersedes(campus, issued, keys):
    row, _document = issued
    new = issuing.reissue(campus.store, campus.admin, row["id"], "Name misspelt", keys.issuer)
    assert credential_status(campus.store, row["id"]) == "revoked"
    assert new["supersedes_id"] == row["id"] and new["serial"] != row["serial"]
    document = json.loads(new["document"])
    assert {"id": f"urn:uuid:{row['id']}", "type": ["Evidence"],
            "name": "Supersedes an earlier credential",
            "genre": "Superseded credential"} in document["evidence"]  # fmt: skip
    assert verify_credential(document, trust_from_store(campus.store)).outcome is Outcome.VALID


@pytest.fixture(scope="module")
def demo_campus(tmp_path_factory):
    from desktop.core.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(path, learners=80, seed=5)
    return path


def test_a_batch_signed_in_worker_processes_matches_one_signed_here(demo_campus, tmp_path):
    from desktop.core.demo.credentials import DEMO_KEY_PASSPHRASE
    from desktop.core.store import SYSTEM, Store
    from tests.conftest import copy_database

    with Store.open(copy_database(demo_campus, tmp_path / "demo.db")) as store:
        issuer = issuing.unlock_issuer_key(store, DEMO_KEY_PASSPHRASE)
        due = [row["id"] for row in issuing.issuable_enrolments(store, store.campus_id)]
        assert len(due) >= 20
        seen = []

        def stop_after_ten(done, total):
            seen.append(done)
            return done < 10

        stopped = issuing.issue_batch(store, SYSTEM, due, issuer, progress=stop_after_ten,
                                      workers=2)  # fmt: skip
        assert stopped.cancelled and len(stopped.issued) == 10 and seen == list(range(1, 11))
        rest = [row["id"] for row in issuing.issuable_enrolments(store, store.campus_id)]
        assert len(rest) == len(due) - 10
        result = issuing.issue_batch(store, SYSTEM, [*rest, due[0]], issuer, workers=2)
        assert len(result.issued) == len(rest) and not result.cancelled
        assert isinstance(result.refused[0][1], Duplicate)  # due[0] was issued in the first run
        serials = store.query("SELECT serial, status_index FROM issued_credentials")
        assert len({r["serial"] for r in serials}) == len(serials)
        assert len({r["status_index"] for r in serials}) == len(serials)
        trust = trust_from_store(store)
        for row in result.issued[:5] + stopped.issued[:5]:
            verdict = verify_credential(json.loads(row["document"]), trust)
            assert verdict.outcome is Outcome.VALID, verdict.explanation
            assert verdict.demo  # the demo's root is the public demonstration root


def test_every_demo_credential_conforms_to_the_open_badges_schema(demo_campus):
    from desktop.core.store import Store

    with Store.open(demo_campus, readonly=True) as store:
        documents = [json.loads(r["document"]) for r in store.query(
            "SELECT document FROM issued_credentials")]  # fmt: skip
    assert len(documents) >= 20
    for document in documents:
        assert schema_problems(document) == [], document["id"]
