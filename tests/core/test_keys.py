"""Keys and trust: sealed private keys, a campus key certified by the root through request and
response files, and the signed trust list."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.core.errors import InvalidInput
from desktop.core.keys import (
    CertificateProblem,
    certificate_request,
    certify,
    check_certificate,
    seal,
    sign_trust_list,
    unseal,
    verify_trust_list,
)

REGISTRY = "https://registry.sanad.example"
CAMPUS = {"id": "01a2-qau", "code": "QAU", "name": "Quaid-i-Azam University"}
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2028, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def root():
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def campus_key():
    return Ed25519PrivateKey.generate()


def _through_a_file(document, tmp_path, name):
    """As carried on a USB stick: written, read back."""
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_key_sealed_by_an_earlier_version_as_pkcs8_still_opens(campus_key):
    from cryptography.hazmat.primitives.serialization import (
        BestAvailableEncryption,
        Encoding,
        PrivateFormat,
    )

    pkcs8 = BestAvailableEncryption(b"four unrelated words here")
    old = campus_key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, pkcs8)
    assert unseal(old, "four unrelated words here").public_key() == campus_key.public_key()
    with pytest.raises(InvalidInput, match="does not open this key"):
        unseal(old, "a wrong passphrase!")


def test_a_private_key_is_stored_only_sealed(campus_key):
    sealed = seal(campus_key, "four unrelated words here")
    assert sealed.startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----")
    assert b"bcrypt" in base64.b64decode(b"".join(sealed.splitlines()[1:-1]))  # the KDF
    opened = unseal(sealed, "four unrelated words here")
    assert opened.public_key().public_bytes_raw() == campus_key.public_key().public_bytes_raw()
    with pytest.raises(InvalidInput, match="does not open this key"):
        unseal(sealed, "a wrong passphrase!")
    with pytest.raises(InvalidInput, match="is shorter than 12 characters"):
        seal(campus_key, "short")


def test_a_campus_key_is_certified_by_request_and_response_files(root, campus_key, tmp_path):
    request = _through_a_file(certificate_request(CAMPUS, campus_key), tmp_path, "qau.request")
    certificate = _through_a_file(
        certify(request, root, valid_from=START, valid_until=END, registry_url=REGISTRY),
        tmp_path,
        "qau.certificate",
    )
    checked = check_certificate(certificate, root.public_key(), at=START + dt.timedelta(days=9))
    assert checked.campus_code == "QAU"
    assert checked.public_key.public_bytes_raw() == campus_key.public_key().public_bytes_raw()


def test_a_request_not_signed_by_its_key_is_refused(root, campus_key):
    request = certificate_request(CAMPUS, campus_key)
    request["publicKeyMultibase"] = certificate_request(
        CAMPUS, Ed25519PrivateKey.generate())["publicKeyMultibase"]  # fmt: skip
    with pytest.raises(CertificateProblem, match="request is not signed by the key"):
        certify(request, root, valid_from=START, valid_until=END, registry_url=REGISTRY)


@pytest.mark.parametrize("field", ["validUntil", "publicKeyMultibase", "campus"])
def test_a_changed_certificate_is_not_trusted(root, campus_key, field):
    certificate = certify(certificate_request(CAMPUS, campus_key), root,
                          valid_from=START, valid_until=END, registry_url=REGISTRY)  # fmt: skip
    other = certify(certificate_request({**CAMPUS, "code": "UOB"}, Ed25519PrivateKey.generate()),
                    root, valid_from=START, valid_until=END + dt.timedelta(days=1),
                    registry_url=REGISTRY)  # fmt: skip
    certificate[field] = other[field]
    with pytest.raises(CertificateProblem, match="not signed by the key it should be"):
        check_certificate(certificate, root.public_key())


def test_a_certificate_from_another_root_is_not_trusted(root, campus_key):
    stranger = Ed25519PrivateKey.generate()
    certificate = certify(certificate_request(CAMPUS, campus_key), stranger,
                          valid_from=START, valid_until=END, registry_url=REGISTRY)  # fmt: skip
    with pytest.raises(CertificateProblem):
        check_certificate(certificate, root.public_key())


def test_a_key_counts_only_while_certified_and_a_new_one_does_not_undo_the_old(root):
    old, new = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    middle = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    old_cert = certify(certificate_request(CAMPUS, old), root, valid_from=START,
                       valid_until=middle, registry_url=REGISTRY)  # fmt: skip
    new_cert = certify(certificate_request(CAMPUS, new), root, valid_from=middle,
                       valid_until=END, registry_url=REGISTRY)  # fmt: skip
    signed_in_2026 = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    assert check_certificate(old_cert, root.public_key(), at=signed_in_2026)  # still valid
    with pytest.raises(CertificateProblem, match="was not certified at 2027-06-01"):
        check_certificate(old_cert, root.public_key(), at=dt.datetime(2027, 6, 1, tzinfo=dt.UTC))
    with pytest.raises(CertificateProblem, match="was not certified at"):
        check_certificate(new_cert, root.public_key(), at=signed_in_2026)
    with pytest.raises(CertificateProblem, match="would end before it starts"):
        certify(certificate_request(CAMPUS, new), root, valid_from=END, valid_until=START,
                registry_url=REGISTRY)  # fmt: skip


def test_the_trust_list_is_signed_and_lists_revocations(root, campus_key, tmp_path):
    certificate = certify(certificate_request(CAMPUS, campus_key), root,
                          valid_from=START, valid_until=END, registry_url=REGISTRY)  # fmt: skip
    revoked = {certificate["publicKeyMultibase"]: {"revoked": "2026-06-01T00:00:00Z",
                                                   "reason": "laptop stolen"}}  # fmt: skip
    trust = _through_a_file(sign_trust_list([certificate], revoked, root, version=3),
                            tmp_path, "trust.json")  # fmt: skip
    checked = verify_trust_list(trust, root.public_key())
    assert checked["version"] == 3
    assert checked["revocations"][certificate["publicKeyMultibase"]]["reason"] == "laptop stolen"
    trust["revocations"] = {}
    with pytest.raises(CertificateProblem, match="trust list is not signed"):
        verify_trust_list(trust, root.public_key())
