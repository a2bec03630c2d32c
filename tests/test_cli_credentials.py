"""`sanad credentials` and `sanad verify`, end to end by files: head office certifies the campus
key, the campus issues and exports, anyone verifies; a revoked campus key reaches the campus by
a trust list file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from desktop.core.store import Store
from tests.credential_kit import passed_enrolment
from tests.test_cli_keys import _head_office

PASS = "four unrelated words"
REGISTRY = "https://registry.sanad.example"


def _run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def issuing_campus(campus, tmp_path):
    """A campus whose key head office certified through files, with two passed enrolments."""
    for n in range(2):
        passed_enrolment(campus, tmp_path, n)
    campus.store.close()
    head_office = _head_office(tmp_path)
    made = _run("keys", "create-root", "--db", str(head_office), "--passphrase", PASS)
    root_key = made.output.strip().splitlines()[-1]
    request, response = tmp_path / "request.json", tmp_path / "certificate.json"
    assert _run("keys", "request", "--db", str(campus.path), "--out", str(request),
                "--passphrase", PASS).exit_code == 0  # fmt: skip
    certified = _run("keys", "certify", str(request), "--db", str(head_office), "--out",
                     str(response), "--registry", REGISTRY, "--passphrase", PASS)  # fmt: skip
    assert certified.exit_code == 0, certified.output
    assert _run("keys", "install", str(response), "--db", str(campus.path), "--root",
                root_key).exit_code == 0  # fmt: skip
    return campus.path, head_office, root_key


def test_issue_list_export_and_verify(issuing_campus, tmp_path):
    campus_db, _head, root_key = issuing_campus
    wrong = _run("credentials", "issue", "--db", str(campus_db), "--passphrase", "not it at all")
    assert wrong.exit_code == 1 and "does not open this key" in wrong.output
    issued = _run("credentials", "issue", "--db", str(campus_db), "--passphrase", PASS)
    assert issued.exit_code == 0, issued.output
    assert "Issued 2 credentials." in issued.output
    listed = _run("credentials", "list", "--db", str(campus_db))
    serials = [line.split()[0] for line in listed.output.splitlines()]
    assert len(serials) == 2 and all(s.startswith("QAU-") for s in serials)
    assert "active" in listed.output

    out = tmp_path / "export"
    exported = _run("credentials", "export", "--db", str(campus_db), "--out", str(out))
    assert exported.exit_code == 0, exported.output
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted([f"{s}.json" for s in serials] + [f"{s}.pdf" for s in serials])

    json_file, pdf_file = out / f"{serials[0]}.json", out / f"{serials[0]}.pdf"
    checked = _run("verify", str(json_file), str(pdf_file), "--db", str(campus_db))
    assert checked.exit_code == 0, checked.output
    assert checked.output.count(": VALID") == 2

    as_json = _run("verify", str(json_file), "--db", str(campus_db), "--json")
    verdict = json.loads(as_json.output)
    assert verdict["outcome"] == "valid" and verdict["facts"]["achievement_code"] == "DA-101"

    tampered = tmp_path / "tampered.json"
    document = json.loads(json_file.read_text())
    document["credentialSubject"]["achievement"]["name"] += " (Honours)"
    tampered.write_text(json.dumps(document))
    refused = _run("verify", str(tampered), "--db", str(campus_db))
    assert refused.exit_code == 1 and "SIGNATURE INVALID" in refused.output

    # An employer with only the root key: the QR verifies, its status cannot be known offline.
    with Store.open(campus_db, readonly=True) as store:
        qr_text = store.scalar("SELECT qr_text FROM issued_credentials WHERE serial = ?",
                               (serials[0],))  # fmt: skip
    offline = _run("verify", qr_text, "--root", root_key, "--json")
    assert offline.exit_code == 1
    assert json.loads(offline.output)["outcome"] == "status_unknown"
    not_ours = _run("verify", "hello", "--root", root_key)
    assert not_ours.exit_code == 1 and "UNREADABLE" in not_ours.output


def test_a_campus_key_revoked_by_trust_list_is_refused(issuing_campus, tmp_path):
    campus_db, head_office, _root = issuing_campus
    assert _run("credentials", "issue", "--db", str(campus_db), "--passphrase", PASS).exit_code == 0
    with Store.open(campus_db, readonly=True) as store:
        document = store.scalar("SELECT document FROM issued_credentials LIMIT 1")
        campus_key = store.scalar("SELECT public_key FROM signing_keys")
    credential = tmp_path / "credential.json"
    credential.write_text(document)

    revoked = _run("keys", "revoke-campus-key", campus_key, "--db", str(head_office),
                   "--reason", "Office computer stolen")  # fmt: skip
    assert revoked.exit_code == 0, revoked.output
    trust_list = tmp_path / "trust-list.json"
    signed = _run("keys", "trust-list", "--db", str(head_office), "--out", str(trust_list),
                  "--passphrase", PASS)  # fmt: skip
    assert signed.exit_code == 0 and "1 revoked" in signed.output
    installed = _run("keys", "trust-install", str(trust_list), "--db", str(campus_db))
    assert installed.exit_code == 0, installed.output
    replay = _run("keys", "trust-install", str(trust_list), "--db", str(campus_db))
    assert replay.exit_code == 1 and "is not newer than version 1" in replay.output

    checked = _run("verify", str(credential), "--db", str(campus_db))
    assert checked.exit_code == 1 and "KEY NOT VALID" in checked.output
    assert "Office computer stolen" in checked.output


def test_many_inputs_are_verified_on_both_cores_in_order(issuing_campus, tmp_path):
    campus_db, _head, _root = issuing_campus
    assert _run("credentials", "issue", "--db", str(campus_db), "--passphrase", PASS).exit_code == 0
    out = tmp_path / "export"
    assert _run("credentials", "export", "--db", str(campus_db), "--out", str(out)).exit_code == 0
    files = sorted(str(p) for p in out.glob("*.json"))
    tampered = tmp_path / "tampered.json"
    document = json.loads(Path(files[0]).read_text())
    document["validFrom"] = "2020-01-01T00:00:00Z"
    tampered.write_text(json.dumps(document))
    inputs = files * 8 + [str(tampered)]  # 17: enough for worker processes
    checked = _run("verify", *inputs, "--db", str(campus_db), "--json")
    verdicts = [json.loads(line) for line in checked.output.splitlines()]
    assert [v["input"] for v in verdicts] == inputs
    assert [v["outcome"] for v in verdicts] == ["valid"] * 16 + ["signature_invalid"]
    assert checked.exit_code == 1
