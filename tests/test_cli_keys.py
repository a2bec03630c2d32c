"""`sanad keys`: head office makes the root, a campus requests, head office certifies, the
campus installs — by files, as on a USB stick — and every refusal says why."""

from __future__ import annotations

import json

from click.testing import CliRunner

from desktop.cli import cli
from desktop.core.store import Store

PASS = "four unrelated words\n"


def _head_office(tmp_path):
    """A head-office install: a node of its own, set up like a campus, of kind head_office."""
    from desktop.core.services import setup

    path = tmp_path / "head-office.db"
    with Store.open(path) as store:
        setup.initialise_campus(store, code="HEC", name_en="Head office",
                                admin_username="registrar", admin_display_name="Registrar",
                                admin_password="a-long-password")  # fmt: skip
        store.conn.execute("UPDATE settings SET value = 'head_office' WHERE key = 'node_kind'")
    return path


def _run(*args, input=None):
    return CliRunner().invoke(cli, ["keys", *args], input=input)


def test_root_request_certify_install(campus, tmp_path):
    campus.store.close()
    head_office = _head_office(tmp_path)
    made = _run("create-root", "--db", str(head_office), input=PASS + PASS)
    assert made.exit_code == 0, made.output
    root_key = made.output.strip().splitlines()[-1]
    assert root_key.startswith("z6Mk")
    again = _run("create-root", "--db", str(head_office), input=PASS + PASS)
    assert again.exit_code == 1 and "already exists on this computer" in again.output

    request = tmp_path / "qau.request.json"
    asked = _run("request", "--db", str(campus.path), "--out", str(request), input=PASS + PASS)
    assert asked.exit_code == 0, asked.output
    assert json.loads(request.read_text())["campus"]["code"] == "QAU"

    response = tmp_path / "qau.certificate.json"
    wrong = _run("certify", str(request), "--db", str(head_office), "--out", str(response),
                 input="not the passphrase\n")  # fmt: skip
    assert wrong.exit_code == 1 and "does not open this key" in wrong.output
    assert not response.exists()
    done = _run("certify", str(request), "--db", str(head_office), "--out", str(response),
                "--years", "3", "--registry", "https://registry.sanad.example",
                input=PASS)  # fmt: skip
    assert done.exit_code == 0, done.output

    stranger = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    refused = _run("install", str(response), "--db", str(campus.path), "--root", stranger)
    assert refused.exit_code == 1 and "is not trusted" in refused.output
    installed = _run("install", str(response), "--db", str(campus.path), "--root", root_key)
    assert installed.exit_code == 0, installed.output
    listed = _run("list", "--db", str(campus.path))
    assert "campus" in listed.output and "certified until: 20" in listed.output
    with Store.open(campus.path, readonly=True) as store:
        assert store.setting("root_public_key") == root_key
        sealed = store.scalar("SELECT sealed FROM signing_keys")
        actions = [r["action"] for r in store.query("SELECT action FROM audit_log")]
    assert sealed.startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----")
    assert {"key.create_campus", "key.install_certificate"} <= set(actions)


def test_a_short_passphrase_is_refused_and_nothing_is_made(tmp_path):
    head_office = _head_office(tmp_path)
    refused = _run("create-root", "--db", str(head_office), input="short\nshort\n")
    assert refused.exit_code == 1 and "shorter than 12 characters" in refused.output
    with Store.open(head_office, readonly=True) as store:
        assert store.scalar("SELECT COUNT(*) FROM signing_keys") == 0
