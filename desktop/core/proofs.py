"""Data Integrity proofs with Ed25519: the W3C cryptosuites ``eddsa-rdfc-2022`` (what Sanad signs
with, and what 1EdTech's Open Badges 3.0 conformance requires) and ``eddsa-jcs-2022`` (verified).

Signing follows "Data Integrity EdDSA Cryptosuites v1.0": the proof options (the proof without
``proofValue``, with the document's ``@context``) and the document without its proof are each
canonicalised — RDF Dataset Canonicalization (RDFC-1.0, by ``pyld``) for ``rdfc``, the JSON
Canonicalization Scheme (RFC 8785, by ``rfc8785``) for ``jcs`` — and hashed with SHA-256; the
signature is over the proof hash followed by the document hash, and ``proofValue`` is its
multibase base58btc form (``z…``).

JSON-LD contexts come from ``resources/contexts`` through an offline document loader that refuses
any other URL: nothing is fetched, so a credential verifies the same without a network.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import base58
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld import jsonld
from pyld.context_resolver import ContextResolver

from desktop.core.resources import resource_path

__all__ = [
    "CONTEXT_FILES",
    "CRYPTOSUITES",
    "ProofError",
    "canonical_document",
    "create_proof",
    "multibase_decode",
    "multibase_encode",
    "offline_loader",
    "public_key_from_multikey",
    "public_key_multikey",
    "verify_proof",
]

CRYPTOSUITES = ("eddsa-rdfc-2022", "eddsa-jcs-2022")
# Context URL → file in resources/contexts (the only contexts a credential may use).
CONTEXT_FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3.json",
}
_ED25519_PUB = b"\xed\x01"  # multicodec prefix of an Ed25519 public key (multikey)


class ProofError(Exception):
    """A proof that cannot be checked or made, with the reason (not: a signature that fails)."""


def multibase_encode(data: bytes) -> str:
    return "z" + base58.b58encode(data).decode("ascii")


def multibase_decode(text: str) -> bytes:
    if not text.startswith("z"):
        raise ProofError(f"{text[:12]!r} is not multibase base58btc (it must start with z)")
    try:
        return base58.b58decode(text[1:])
    except ValueError as exc:
        raise ProofError(f"{text[:12]!r} is not valid base58") from exc


def public_key_multikey(key: Ed25519PublicKey) -> str:
    """The key as a Multikey ``publicKeyMultibase`` (``z6Mk…``)."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return multibase_encode(_ED25519_PUB + key.public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_key_from_multikey(text: str) -> Ed25519PublicKey:
    raw = multibase_decode(text)
    if not raw.startswith(_ED25519_PUB) or len(raw) != 34:
        raise ProofError(f"{text[:12]!r} is not an Ed25519 multikey")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


@cache
def _bundled(url: str) -> dict[str, Any]:
    return json.loads(resource_path("contexts", CONTEXT_FILES[url]).read_text(encoding="utf-8"))


def offline_loader(extra: Mapping[str, dict[str, Any]] | None = None) -> Callable[..., dict]:
    """A pyld document loader for the bundled contexts (and ``extra`` ones, for tests);
    any other URL is refused, never fetched."""
    extra = dict(extra or {})

    def load(url: str, _options: dict | None = None) -> dict[str, Any]:
        if url in extra:
            document = extra[url]
        elif url in CONTEXT_FILES:
            document = _bundled(url)
        else:
            raise jsonld.JsonLdError(
                f"the context {url} is not one Sanad ships; it is not fetched",
                "jsonld.LoadDocumentError",
                code="loading document failed",
            )
        loaded = {"contextUrl": None, "documentUrl": url, "document": document}
        if url not in extra:
            # "static": pyld keeps a bundled context resolved across operations (a quarter of
            # the time of signing); a test's extra context is never kept beyond its loader.
            loaded["tag"] = "static"
        return loaded

    return load


class _BundledContexts(ContextResolver):
    """pyld's context resolver for the bundled contexts only, kept across operations.

    pyld keys every embedded context (Open Badges declares one per type) by its canonical JSON,
    computed again at every use: a third of the time of signing a credential. These contexts
    come from files that never change, so the resolution of each is remembered by the very
    object it was made for (held here, so its ``id`` is never reused)."""

    def __init__(self, loader: Callable[..., dict]) -> None:
        super().__init__({}, loader)
        self._by_object: dict[int, tuple[dict, Any]] = {}

    def resolve(self, active_ctx, context, base, cycles=None):  # type: ignore[override]
        if not isinstance(context, dict) or "@context" in context:
            return super().resolve(active_ctx, context, base, cycles)
        known = self._by_object.get(id(context))
        if known is not None and known[0] is context:
            return known[1]
        resolved = super().resolve(active_ctx, context, base, cycles)
        self._by_object[id(context)] = (context, resolved)
        return resolved


_DEFAULT_LOADER = offline_loader()
_RESOLVER = _BundledContexts(_DEFAULT_LOADER)


def _rdfc(document: dict[str, Any], loader: Callable[..., dict] | None) -> bytes:
    options: dict[str, Any] = {"algorithm": "URDNA2015", "format": "application/n-quads"}
    if loader is None:  # the bundled contexts: their resolutions are kept
        options.update(documentLoader=_DEFAULT_LOADER, contextResolver=_RESOLVER)
    else:  # a caller's loader (tests' extra contexts): resolved afresh every time
        options["documentLoader"] = loader
    try:
        nquads = jsonld.normalize(document, options)
    except jsonld.JsonLdError as exc:
        raise ProofError(f"the document cannot be canonicalised: {_reason(exc)}") from exc
    return nquads.encode("utf-8")


def _reason(exc: BaseException) -> str:
    """The innermost cause's message (pyld wraps the loader's refusal three times)."""
    inner = exc
    while (inner.__cause__ or inner.__context__) is not None:
        inner = inner.__cause__ or inner.__context__
    return str(inner.args[0] if inner.args else inner)


def canonical_document(
    document: dict[str, Any], cryptosuite: str, loader: Callable[..., dict] | None = None
) -> bytes:
    """The canonical bytes of a document (or proof options) under a cryptosuite."""
    if cryptosuite == "eddsa-rdfc-2022":
        return _rdfc(document, loader)
    if cryptosuite == "eddsa-jcs-2022":
        return rfc8785.dumps(document)
    raise ProofError(f"the cryptosuite {cryptosuite!r} is not one of {', '.join(CRYPTOSUITES)}")


def _hash_data(
    unsigned: dict[str, Any], options: dict[str, Any], loader: Callable[..., dict] | None
) -> bytes:
    suite = options["cryptosuite"]
    proof_hash = hashlib.sha256(canonical_document(options, suite, loader)).digest()
    document_hash = hashlib.sha256(canonical_document(unsigned, suite, loader)).digest()
    return proof_hash + document_hash


def create_proof(
    document: dict[str, Any],
    key: Ed25519PrivateKey,
    *,
    verification_method: str,
    created: str,
    cryptosuite: str = "eddsa-rdfc-2022",
    proof_purpose: str = "assertionMethod",
    loader: Callable[..., dict] | None = None,
) -> dict[str, Any]:
    """A copy of ``document`` with a Data Integrity proof made with ``key``."""
    unsigned = {k: v for k, v in copy.deepcopy(document).items() if k != "proof"}
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": cryptosuite,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
        "@context": unsigned.get("@context"),
    }
    signature = key.sign(_hash_data(unsigned, options, loader))
    proof = {k: v for k, v in options.items() if k != "@context" or cryptosuite == "eddsa-jcs-2022"}
    proof["proofValue"] = multibase_encode(signature)
    return {**unsigned, "proof": proof}


def verify_proof(
    signed: dict[str, Any],
    public_key: Ed25519PublicKey,
    *,
    loader: Callable[..., dict] | None = None,
) -> bool:
    """``True`` if the document's proof is a valid signature by ``public_key`` of exactly this
    document; ``False`` if the signature does not match (tampered, or another key). A proof
    that cannot be checked at all raises :class:`ProofError` with the reason."""
    proof = signed.get("proof")
    if isinstance(proof, list):
        # A proof set of one, as the Open Badges 3.0 JSON Schema requires ("proof" is an array).
        if len(proof) != 1:
            raise ProofError(f"the document has {len(proof)} proofs; Sanad checks exactly one")
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofError("the document has no proof")
    if proof.get("type") != "DataIntegrityProof":
        raise ProofError(f"the proof type {proof.get('type')!r} is not DataIntegrityProof")
    suite = proof.get("cryptosuite")
    if suite not in CRYPTOSUITES:
        raise ProofError(f"the cryptosuite {suite!r} is not one of {', '.join(CRYPTOSUITES)}")
    if "proofValue" not in proof:
        raise ProofError("the proof has no proofValue")
    signature = multibase_decode(proof["proofValue"])
    unsigned = {k: v for k, v in signed.items() if k != "proof"}
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    if suite == "eddsa-rdfc-2022":
        options["@context"] = unsigned.get("@context")
    elif "@context" in options and options["@context"] != unsigned.get("@context"):
        return False  # jcs: the proof's context must be the document's
    try:
        public_key.verify(signature, _hash_data(unsigned, options, loader))
    except InvalidSignature:
        return False
    return True
