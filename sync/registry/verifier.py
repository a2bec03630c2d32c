"""What the registry trusts when it verifies a certificate, read from what campuses sent it.

The same :class:`~desktop.core.verification.Trust` the desktop builds from its database
(``desktop.core.trust``), built here from the registry's store:

- the national root: the ``root_public_key`` setting (set by ``sanad registry root --set``, or
  taken from the first trust list head office's desktop sent, whose signature it checks);
- campus key certificates and revoked keys: from the newest trust list, checked against the root;
- each campus's status: from the signed Bitstring Status List its hub last sent, kept only if
  it is signed by that campus's certified key; a verdict's status date is the moment the
  campus signed that list (``validFrom``).

Building it decodes every campus's list (16 KiB each), so it is cached: rebuilt when this
process stores a new document and at most every ``ttl`` seconds otherwise (another process,
such as a second worker, may have stored one).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from typing import TYPE_CHECKING, Any

from desktop.core.keys import CertificateProblem, check_certificate, verify_trust_list
from desktop.core.proofs import ProofError, public_key_from_multikey, verify_proof
from desktop.core.status_lists import StatusListProblem, decode_list, status_of
from desktop.core.verification import StatusAnswer, Trust

if TYPE_CHECKING:
    from sync.registry.store import Registry

__all__ = ["RegistryTrust", "trust_from_registry"]


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def trust_from_registry(registry: Registry) -> Trust:
    """The :class:`Trust` of the registry as its store has it now."""
    root_text = registry.setting("root_public_key")
    if root_text is None:
        return Trust(root=None)
    root = public_key_from_multikey(root_text)
    certificates: dict[str, dict[str, Any]] = {}
    revoked: dict[str, dict[str, str]] = {}
    lists = registry.documents_of("trust_list")
    newest = max((json.loads(d["document"]) for d in lists),
                 key=lambda d: d.get("version", 0), default=None)  # fmt: skip
    if newest is not None:
        try:
            verify_trust_list(newest, root)
        except (CertificateProblem, ProofError, KeyError, ValueError):
            newest = None
    if newest is not None:
        for certificate in newest.get("certificates", []):
            certificates[certificate["publicKeyMultibase"]] = certificate
        revoked.update(newest.get("revocations", {}))

    bits_by_campus: dict[str, tuple[bytes, dt.datetime]] = {}
    for row in registry.documents_of("status_list"):
        try:
            document = json.loads(row["document"])
            method = document["proof"]["verificationMethod"]
            key = method.split("#", 1)[0].removeprefix("did:key:")
            certificate = certificates.get(key)
            if certificate is None:
                continue
            code = check_certificate(certificate, root).campus_code
            if code != row["campus_code"] or key in revoked:
                continue
            if not verify_proof(document, public_key_from_multikey(key)):
                continue
            bits = decode_list(document["credentialSubject"]["encodedList"])
            made = _moment(document["validFrom"])
        except (CertificateProblem, ProofError, StatusListProblem, KeyError, ValueError,
                TypeError):  # fmt: skip
            continue
        kept = bits_by_campus.get(code)
        if kept is None or kept[1] < made:
            bits_by_campus[code] = (bits, made)

    def status(campus_code: str, index: int) -> StatusAnswer | None:
        found = bits_by_campus.get(campus_code)
        if found is None:
            return None
        try:
            return StatusAnswer(status_of(found[0], index), found[1])
        except StatusListProblem:
            return None

    newest_list = max((made for _bits, made in bits_by_campus.values()), default=None)
    return Trust(root=root, certificates=certificates, revoked_keys=revoked, status=status,
                 newest_status_list=newest_list)  # fmt: skip


class RegistryTrust:
    """:func:`trust_from_registry`, cached (see the module's note)."""

    def __init__(self, registry: Registry, *, ttl: float = 30.0) -> None:
        self.registry, self.ttl = registry, ttl
        self._lock = threading.Lock()
        self._trust: Trust | None = None
        self._built_at = 0.0
        self._version = -1

    def get(self) -> Trust:
        now = time.monotonic()
        trust = self._trust
        if (trust is not None and self._version == self.registry.documents_version
                and now - self._built_at < self.ttl):  # fmt: skip
            return trust
        with self._lock:
            if (self._trust is None or self._version != self.registry.documents_version
                    or time.monotonic() - self._built_at >= self.ttl):  # fmt: skip
                version = self.registry.documents_version
                self._trust = trust_from_registry(self.registry)
                self._version, self._built_at = version, time.monotonic()
            return self._trust
