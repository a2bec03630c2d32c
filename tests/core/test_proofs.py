"""Data Integrity proofs against the official test vectors: W3C eddsa-rdfc-2022 and
eddsa-jcs-2022, and 1EdTech's Open Badges 3.0 example; tampering shows as an invalid signature."""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.proofs import (
    ProofError,
    canonical_document,
    create_proof,
    multibase_decode,
    offline_loader,
    public_key_from_multikey,
    public_key_multikey,
    verify_proof,
)

VECTORS = Path(__file__).resolve().parents[1] / "fixtures" / "standards"
W3C = VECTORS / "w3c-vc-di-eddsa"
EXAMPLES = "https://www.w3.org/ns/credentials/examples/v2"


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def loader():
    return offline_loader({EXAMPLES: _json(VECTORS / "credentials-examples-v2.jsonld")})


@pytest.fixture(scope="module")
def w3c_keys():
    pair = _json(W3C / "keyPair.json")
    secret = multibase_decode(pair["privateKeyMultibase"])
    assert secret[:2] == b"\x80\x26"  # multicodec ed25519-priv
    private = Ed25519PrivateKey.from_private_bytes(secret[2:])
    public = public_key_from_multikey(pair["publicKeyMultibase"])
    assert public_key_multikey(private.public_key()) == pair["publicKeyMultibase"]
    return private, public


@pytest.mark.parametrize(
    ("suite", "folder", "signed_file", "canon_file"),
    [
        ("eddsa-rdfc-2022", "eddsa-rdfc-2022", "signedDataInt.json", "canonDocDataInt.txt"),
        ("eddsa-jcs-2022", "eddsa-jcs-2022", "signedJCS.json", "canonDocJCS.txt"),
    ],
)
def test_the_w3c_vectors_verify_and_signing_reproduces_them(
    loader, w3c_keys, suite, folder, signed_file, canon_file
):
    private, public = w3c_keys
    signed = _json(W3C / folder / signed_file)
    assert verify_proof(signed, public, loader=loader)
    unsigned = _json(W3C / "unsigned.json")
    expected_canon = (W3C / folder / canon_file).read_text(encoding="utf-8")
    assert canonical_document(unsigned, suite, loader).decode() == expected_canon.rstrip("\n") + (
        "\n" if suite == "eddsa-rdfc-2022" else ""
    )
    made = create_proof(
        unsigned, private, verification_method=signed["proof"]["verificationMethod"],
        created=signed["proof"]["created"], cryptosuite=suite, loader=loader,
    )  # fmt: skip
    assert made["proof"]["proofValue"] == signed["proof"]["proofValue"]  # Ed25519 is deterministic
    assert made == signed


def test_the_1edtech_open_badge_vector_verifies_with_the_bundled_context():
    signed = _json(VECTORS / "1edtech-ob3" / "signed-ob3-eddsa-rdfc-2022.json")
    key = public_key_from_multikey(signed["proof"]["verificationMethod"].split("#", 1)[1])
    assert verify_proof(signed, key)  # only contexts Sanad ships, nothing fetched
    expected = (VECTORS / "1edtech-ob3" / "document-canon.txt").read_text(encoding="utf-8")
    unsigned = {k: v for k, v in signed.items() if k != "proof"}
    assert canonical_document(unsigned, "eddsa-rdfc-2022").decode().strip() == expected.strip()


def _paths(value, prefix=()):
    """Every leaf of a JSON document, as a path of keys and indexes."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))
    else:
        yield prefix


OB3 = _json(VECTORS / "1edtech-ob3" / "signed-ob3-eddsa-rdfc-2022.json")
OB3_LEAVES = [p for p in _paths(OB3) if p[0] not in ("proof", "@context")]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(OB3_LEAVES), text=st.text(min_size=1, max_size=12))
def test_changing_any_field_breaks_the_signature(path, text):
    key = public_key_from_multikey(OB3["proof"]["verificationMethod"].split("#", 1)[1])
    changed = copy.deepcopy(OB3)
    holder = changed
    for step in path[:-1]:
        holder = holder[step]
    old = holder[path[-1]]
    new = f"{old}{text}" if isinstance(old, str) else (old + 1 if isinstance(old, int) else text)
    holder[path[-1]] = new
    # A change that leaves the document unreadable as JSON-LD is refused outright instead.
    with contextlib.suppress(ProofError):
        assert not verify_proof(changed, key)


def test_another_key_does_not_verify(w3c_keys, loader):
    signed = _json(W3C / "eddsa-rdfc-2022" / "signedDataInt.json")
    assert not verify_proof(signed, Ed25519PrivateKey.generate().public_key(), loader=loader)


def test_a_context_that_is_not_shipped_is_refused_not_fetched(w3c_keys):
    signed = _json(W3C / "eddsa-rdfc-2022" / "signedDataInt.json")
    with pytest.raises(ProofError, match="examples/v2 is not one Sanad ships"):
        verify_proof(signed, w3c_keys[1])  # the examples context is not in resources/


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.pop("proof"), "has no proof"),
        (lambda d: d["proof"].update(type="Ed25519Signature2020"), "is not DataIntegrityProof"),
        (lambda d: d["proof"].update(cryptosuite="ecdsa-rdfc-2019"), "is not one of"),
        (lambda d: d["proof"].pop("proofValue"), "has no proofValue"),
        (lambda d: d["proof"].update(proofValue="u1234"), "is not multibase base58btc"),
    ],
)
def test_a_proof_that_cannot_be_checked_says_why(w3c_keys, loader, change, reason):
    signed = _json(W3C / "eddsa-rdfc-2022" / "signedDataInt.json")
    change(signed)
    with pytest.raises(ProofError, match=reason):
        verify_proof(signed, w3c_keys[1], loader=loader)


def test_a_credential_signed_here_verifies_here():
    key = Ed25519PrivateKey.generate()
    credential = {k: v for k, v in OB3.items() if k != "proof"}
    signed = create_proof(credential, key, verification_method="https://qau.example/key#1",
                          created="2026-12-01T10:00:00Z")  # fmt: skip
    assert signed["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert "@context" not in signed["proof"]
    assert verify_proof(signed, key.public_key())
