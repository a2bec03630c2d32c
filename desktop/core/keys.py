"""Keys and trust: the national root key, campus issuer keys certified by it, the trust list.

- A private key is kept only *sealed*: PKCS #8 encrypted with a passphrase (``cryptography``'s
  best available encryption), never in the clear on disk.
- A campus makes its issuer key and a *request* signed by that key (so the request proves the
  campus holds it), carried to head office on USB or by e-mail. Head office *certifies* it with
  the root key for a period, and the *certificate* travels back the same way.
- The root signs the *trust list*: every campus key with its validity and, if revoked, when and
  why. A new campus key never invalidates the old one: what the old key signed while it was
  valid stays valid.

Requests, certificates and trust lists are JSON documents with an ``eddsa-jcs-2022`` Data
Integrity proof (``desktop.core.proofs``): they need no JSON-LD context and verify anywhere.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PrivateFormat,
    load_pem_private_key,
    load_ssh_private_key,
)

from desktop.core.errors import InvalidInput
from desktop.core.proofs import (
    ProofError,
    create_proof,
    public_key_from_multikey,
    public_key_multikey,
    verify_proof,
)

__all__ = [
    "MIN_PASSPHRASE",
    "CertificateProblem",
    "KeyCertificate",
    "certificate_request",
    "certify",
    "check_certificate",
    "demo_root",
    "demo_root_multikey",
    "is_demo_root",
    "seal",
    "sign_trust_list",
    "unseal",
    "verify_trust_list",
]

MIN_PASSPHRASE = 12
# The demonstration root's private key is the SHA-256 of this public sentence: anyone can make
# it, so what chains to it proves nothing, and every verifier says so.
DEMO_ROOT_SENTENCE = b"Sanad demonstration root key: it certifies nothing real."
SUITE = "eddsa-jcs-2022"


class CertificateProblem(Exception):
    """A request, certificate or trust list that must not be trusted, and why."""


def demo_root() -> Ed25519PrivateKey:
    """The demonstration root of the demo campus (never of a real one)."""
    import hashlib

    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(DEMO_ROOT_SENTENCE).digest())


@functools.cache
def demo_root_multikey() -> str:
    return public_key_multikey(demo_root().public_key())


def is_demo_root(key: str | Ed25519PublicKey | None) -> bool:
    """Whether ``key`` is the demonstration root (public knowledge, so never to be trusted)."""
    if isinstance(key, Ed25519PublicKey):
        key = public_key_multikey(key)
    return key is not None and key == demo_root_multikey()


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# bcrypt rounds of the passphrase (OpenSSH's own default is 16): about a quarter of a second
# each time a key is opened here, for whoever guesses a passphrase the same for every guess.
# PKCS #8 in ``cryptography`` only offers PBKDF2 at 2,048 iterations, a thousandth of that.
KDF_ROUNDS = 32


def seal(key: Ed25519PrivateKey, passphrase: str) -> bytes:
    """The private key encrypted with ``passphrase``, the only form it is stored in: the
    OpenSSH private-key format (bcrypt KDF, AES-256-CTR), which ``ssh-keygen`` also reads."""
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise InvalidInput.single(
            "passphrase", None, "is shorter than {minimum} characters",
            "Choose a longer passphrase, such as four unrelated words", minimum=MIN_PASSPHRASE,
        )  # fmt: skip
    encryption = (
        PrivateFormat.OpenSSH.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .build(passphrase.encode("utf-8"))
    )
    return key.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, encryption)


def unseal(sealed: bytes, passphrase: str) -> Ed25519PrivateKey:
    """The private key, if ``passphrase`` opens it (keys sealed as PKCS #8 by earlier versions
    open too)."""
    secret = (passphrase or "").encode("utf-8")
    try:
        if b"OPENSSH PRIVATE KEY" in sealed[:64]:
            key = load_ssh_private_key(sealed, secret)
        else:
            key = load_pem_private_key(sealed, secret)
    except (ValueError, TypeError):
        raise InvalidInput.single(
            "passphrase", None, "does not open this key",
            "Type the passphrase chosen when the key was made",
        ) from None  # fmt: skip
    if not isinstance(key, Ed25519PrivateKey):
        raise InvalidInput.single("key", None, "is not an Ed25519 key", "Use a key made by Sanad")
    return key


def _signed(document: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    method = f"urn:sanad:key:{public_key_multikey(key.public_key())}"
    return create_proof(document, key, verification_method=method, created=_now(),
                        cryptosuite=SUITE)  # fmt: skip


def _verified(document: dict[str, Any], key: Ed25519PublicKey, what: str) -> None:
    try:
        good = verify_proof(document, key)
    except ProofError as exc:
        raise CertificateProblem(f"the {what} cannot be checked: {exc}") from exc
    if not good:
        raise CertificateProblem(f"the {what} is not signed by the key it should be (changed?)")


def certificate_request(
    campus: dict[str, str], key: Ed25519PrivateKey
) -> dict[str, Any]:
    """A campus's request for its issuer key to be certified, signed by that key."""
    return _signed(
        {
            "type": "SanadKeyCertificateRequest",
            "campus": {k: campus[k] for k in ("id", "code", "name")},
            "publicKeyMultibase": public_key_multikey(key.public_key()),
            "requested": _now(),
        },
        key,
    )


@dataclass(frozen=True)
class KeyCertificate:
    """A checked certificate: this campus key may sign from ``valid_from`` to ``valid_until``."""

    campus_id: str
    campus_code: str
    public_key: Ed25519PublicKey
    public_key_multibase: str
    valid_from: dt.datetime
    valid_until: dt.datetime


def _moment(text: str, what: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        raise CertificateProblem(f"the {what} {text!r} is not a date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def certify(
    request: dict[str, Any],
    root: Ed25519PrivateKey,
    *,
    valid_from: dt.datetime,
    valid_until: dt.datetime,
    registry_url: str,
) -> dict[str, Any]:
    """Head office: the root's certificate for a campus key, after checking that the request
    was signed by the key it names. It names the registry the campus's credentials point to,
    and carries ``compact``: the same certificate in the few bytes a QR code can hold
    (``desktop.core.qr_payload``), signed by the root too."""
    from desktop.core.proofs import multibase_encode
    from desktop.core.qr_payload import compact_certificate

    if request.get("type") != "SanadKeyCertificateRequest":
        raise CertificateProblem("this is not a key certificate request made by Sanad")
    key = public_key_from_multikey(request["publicKeyMultibase"])
    _verified(request, key, "request")
    if valid_until <= valid_from:
        raise CertificateProblem("the certificate would end before it starts")
    valid_from = valid_from.astimezone(dt.UTC).replace(microsecond=0)
    valid_until = valid_until.astimezone(dt.UTC).replace(microsecond=0)
    compact = compact_certificate(request["campus"]["code"], key, valid_from, valid_until, root)
    return _signed(
        {
            "type": "SanadKeyCertificate",
            "campus": request["campus"],
            "publicKeyMultibase": request["publicKeyMultibase"],
            "validFrom": valid_from.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "validUntil": valid_until.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "issuer": f"urn:sanad:key:{public_key_multikey(root.public_key())}",
            "registry": registry_url.rstrip("/"),
            "compact": multibase_encode(compact),
        },
        root,
    )


def check_certificate(
    certificate: dict[str, Any], root: Ed25519PublicKey, *, at: dt.datetime | None = None
) -> KeyCertificate:
    """A certificate signed by ``root``; with ``at``, one valid at that moment (a credential's
    issue time, not today: what a key signed while valid stays valid)."""
    if certificate.get("type") != "SanadKeyCertificate":
        raise CertificateProblem("this is not a key certificate made by Sanad")
    _verified(certificate, root, "certificate")
    checked = KeyCertificate(
        campus_id=certificate["campus"]["id"],
        campus_code=certificate["campus"]["code"],
        public_key=public_key_from_multikey(certificate["publicKeyMultibase"]),
        public_key_multibase=certificate["publicKeyMultibase"],
        valid_from=_moment(certificate["validFrom"], "start"),
        valid_until=_moment(certificate["validUntil"], "end"),
    )
    if at is not None and not checked.valid_from <= at < checked.valid_until:
        raise CertificateProblem(
            f"the key of {checked.campus_code} was not certified at {at.isoformat()} "
            f"(only {checked.valid_from.isoformat()} to {checked.valid_until.isoformat()})"
        )
    return checked


def sign_trust_list(
    certificates: list[dict[str, Any]],
    revocations: dict[str, dict[str, str]],
    root: Ed25519PrivateKey,
    *,
    version: int,
) -> dict[str, Any]:
    """The root's list of every campus key it certified, with revocations (key multibase →
    {"revoked": time, "reason": text}); ``version`` rises with every list."""
    return _signed(
        {
            "type": "SanadTrustList",
            "version": version,
            "issued": _now(),
            "certificates": certificates,
            "revocations": revocations,
        },
        root,
    )


def verify_trust_list(trust_list: dict[str, Any], root: Ed25519PublicKey) -> dict[str, Any]:
    """The trust list, if the root signed it and every certificate in it."""
    if trust_list.get("type") != "SanadTrustList":
        raise CertificateProblem("this is not a trust list made by Sanad")
    _verified(trust_list, root, "trust list")
    for certificate in trust_list["certificates"]:
        check_certificate(certificate, root)
    return trust_list
