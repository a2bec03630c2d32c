"""The registry's reads behind the pages, on SQLite and PostgreSQL: a credential by its serial
(through the serial index), documents, and the national root it trusts."""

from __future__ import annotations

import json
from contextlib import contextmanager

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text

from desktop.core.keys import sign_trust_list
from desktop.core.proofs import public_key_multikey
from sync.node import Document, PeerDevice
from sync.registry import schema as t
from sync.registry.store import Registry
from tests.sync.network import postgres_database


@contextmanager
def _opened(kind, tmp_path):
    if kind == "sqlite":
        registry = Registry.open(f"sqlite:///{tmp_path / 'registry.db'}")
        try:
            yield registry
        finally:
            registry.close()
    else:
        with postgres_database() as url:
            registry = Registry.open(url)
            try:
                yield registry
            finally:
                registry.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def registry(request, tmp_path):
    with _opened(request.param, tmp_path) as opened:
        yield opened


def _credential_rows(count: int) -> list[dict]:
    return [{"table_name": table, "row_id": f"row-{table}-{n}", "owner": "campus-1",
             "version": 1, "last_device": "d",
             "row": json.dumps({"id": f"row-{table}-{n}", "serial": f"QAU-2026-{n:06d}",
                                "document": "{}"})}
            for n in range(count) for table in ("issued_credentials", "learners")]  # fmt: skip


def test_a_credential_is_found_by_its_serial_and_only_a_credential(registry) -> None:
    with registry.engine.begin() as conn:
        conn.execute(t.rows.insert(), _credential_rows(300))
    found = registry.credential_by_serial("QAU-2026-000123")
    assert found is not None and found["id"] == "row-issued_credentials-123"
    assert registry.credential_by_serial("QAU-2026-999999") is None
    assert registry.credential_by_serial("' OR 1=1 --") is None


def test_the_serial_lookup_uses_its_index(tmp_path) -> None:
    with _opened("sqlite", tmp_path) as registry:
        with registry.engine.begin() as conn:
            conn.execute(t.rows.insert(), _credential_rows(50))
            conn.execute(text("ANALYZE"))
            plan = conn.execute(text(
                "EXPLAIN QUERY PLAN SELECT row FROM registry_rows WHERE table_name = "
                "'issued_credentials' AND json_extract(row, '$.serial') = 'x'")).all()  # fmt: skip
        assert "registry_rows_serial" in " ".join(str(step) for step in plan)


def _head_office(registry: Registry) -> PeerDevice:
    return PeerDevice("ho-device", "head_office", "Head office", "campus-ho", "HO",
                      "z6Mk-unused", None, None)  # fmt: skip


def _trust_list(root: Ed25519PrivateKey, version: int) -> Document:
    document = sign_trust_list([], {}, root, version=version)
    return Document("trust-list", "trust_list", None, json.dumps(document))


def test_the_first_trust_list_names_the_root_and_another_root_is_refused(registry) -> None:
    root, impostor = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    head_office = _head_office(registry)
    assert registry.receive_documents(head_office, [_trust_list(root, 1)]) == 1
    assert registry.setting("root_public_key") == public_key_multikey(root.public_key())
    assert registry.receive_documents(head_office, [_trust_list(impostor, 2)]) == 0
    assert json.loads(registry.document("trust-list")["document"])["version"] == 1
    assert registry.receive_documents(head_office, [_trust_list(root, 2)]) == 1
    hub = PeerDevice("hub", "hub", "Hub", "campus-1", "QAU", "z6Mk-unused", None, None)
    assert registry.receive_documents(hub, [_trust_list(root, 3)]) == 0  # not head office's


def test_sanad_registry_root_shows_sets_and_refuses_a_second_root(tmp_path) -> None:
    from click.testing import CliRunner

    from desktop.cli import cli as main

    url = f"sqlite:///{tmp_path / 'registry.db'}"
    runner = CliRunner()
    shown = runner.invoke(main, ["registry", "root", "--db", url])
    assert shown.exit_code == 0 and "no root key yet" in shown.output
    key = public_key_multikey(Ed25519PrivateKey.generate().public_key())
    assert runner.invoke(main, ["registry", "root", "--db", url, "--set", key]).exit_code == 0
    assert key in runner.invoke(main, ["registry", "root", "--db", url]).output
    other = public_key_multikey(Ed25519PrivateKey.generate().public_key())
    refused = runner.invoke(main, ["registry", "root", "--db", url, "--set", other])
    assert refused.exit_code != 0 and "already trusts root" in refused.output
    garbage = runner.invoke(main, ["registry", "root", "--db", url, "--set", "z6Mkxyz"])
    assert garbage.exit_code != 0 and "is not an Ed25519 public key" in garbage.output
