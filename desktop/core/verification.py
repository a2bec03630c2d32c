"""Verifying a credential: the one implementation behind the Verify screen, ``sanad verify`` and
the registry's page.

It accepts the JSON credential, the PDF certificate (the attached credential *and* the QR code
drawn on the page), a photo or scan of the QR code, or the QR text, and gives one of the
distinct :class:`Outcome` values with an explanation a person can act on.

What is trusted is a :class:`Trust`: the national root public key, the campus key certificates
this computer knows (its own, those in the newest trust list, those head office made) and the
status of credentials — exact for this campus's own credentials, from a cached signed status
list (with the date it was fetched) for others. The checks, in order, each stopping at the
first failure:

1. it is a credential at all (``unreadable``);
2. its signature matches its content (``signature_invalid``: changed since it was signed);
3. its campus key is certified by the root (``unknown_issuer``);
4. that certificate covered the moment it was signed and the key is not revoked
   (``key_not_valid``);
5. its status: ``revoked``, ``suspended``;
6. its dates: ``not_yet_valid``, ``expired``;
7. ``status_unknown`` when no status could be had (offline, no list yet), else ``valid``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.core.keys import CertificateProblem, check_certificate, is_demo_root
from desktop.core.proofs import ProofError, public_key_from_multikey, verify_proof
from desktop.core.status_lists import StatusListProblem

__all__ = [
    "Outcome",
    "StatusAnswer",
    "Trust",
    "Verdict",
    "verify_credential",
    "verify_input",
    "verify_qr_text",
]


class Outcome(enum.StrEnum):
    VALID = "valid"
    SIGNATURE_INVALID = "signature_invalid"
    UNKNOWN_ISSUER = "unknown_issuer"
    KEY_NOT_VALID = "key_not_valid"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    SUSPENDED = "suspended"
    STATUS_UNKNOWN = "status_unknown"
    UNREADABLE = "unreadable"


# Which outcome wins when a PDF's attached credential and its QR code disagree.
_SEVERITY = [Outcome.UNREADABLE, Outcome.SIGNATURE_INVALID, Outcome.UNKNOWN_ISSUER,
             Outcome.KEY_NOT_VALID, Outcome.REVOKED, Outcome.SUSPENDED, Outcome.NOT_YET_VALID,
             Outcome.EXPIRED, Outcome.STATUS_UNKNOWN, Outcome.VALID]  # fmt: skip


@dataclass(frozen=True)
class StatusAnswer:
    """A credential's state and how it is known: ``as_of`` is when the list was fetched
    (``None``: from this campus's own records, current)."""

    state: str
    as_of: dt.datetime | None


@dataclass
class Trust:
    root: Ed25519PublicKey | None
    certificates: dict[str, dict[str, Any]] = field(default_factory=dict)
    revoked_keys: dict[str, dict[str, str]] = field(default_factory=dict)
    # (campus code, status-list index) → the credential's state, or None if unknown here
    status: Callable[[str, int], StatusAnswer | None] = lambda _campus, _index: None
    newest_status_list: dt.datetime | None = None


@dataclass
class Verdict:
    outcome: Outcome
    explanation: str
    source: str  # "json", "qr", "pdf"
    facts: dict[str, Any] = field(default_factory=dict)
    status_as_of: dt.datetime | None = None
    demo: bool = False  # checked against the demonstration root: proves nothing

    @property
    def valid(self) -> bool:
        return self.outcome is Outcome.VALID

    def as_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "explanation": self.explanation,
            "source": self.source,
            "facts": {k: v.isoformat() if isinstance(v, dt.datetime) else v
                      for k, v in self.facts.items()},
            "status_as_of": self.status_as_of.isoformat() if self.status_as_of else None,
            "demonstration": self.demo,
        }  # fmt: skip


def _moment(text: Any) -> dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _day(moment: dt.datetime | None) -> str:
    return moment.strftime("%d %B %Y") if moment else "?"


def _certified(
    public_key: str, campus_code: str | None, signed_at: dt.datetime, trust: Trust,
    extra: dict[str, Any] | None = None,
) -> tuple[Outcome, str] | None:
    """Why the campus key cannot be trusted for a credential signed at ``signed_at``, or None."""
    if trust.root is None:
        return (Outcome.UNKNOWN_ISSUER, "This computer has no national root key to check the "
                "issuer against. Install head office's root key (Tools → Signing keys).")
    certificate = trust.certificates.get(public_key) or (extra or {}).get(public_key)
    if certificate is None:
        return (Outcome.UNKNOWN_ISSUER, "The key that signed it is not one the national root "
                "certified, as far as this computer knows. Get the newest trust list from the "
                "registry, or ask the issuing campus.")
    try:
        checked = check_certificate(certificate, trust.root)
    except (CertificateProblem, ProofError, KeyError) as exc:
        return (Outcome.UNKNOWN_ISSUER, f"The issuer's key certificate is not the national "
                f"root's: {exc}.")
    if campus_code is not None and checked.campus_code != campus_code:
        return (Outcome.UNKNOWN_ISSUER, f"The key is certified for campus {checked.campus_code},"
                f" but the credential names {campus_code} as its issuer.")
    if not checked.valid_from <= signed_at < checked.valid_until:
        return (Outcome.KEY_NOT_VALID, f"It was signed on {_day(signed_at)}, when the campus "
                f"key was not certified (certified {_day(checked.valid_from)} to "
                f"{_day(checked.valid_until)}).")
    revoked = trust.revoked_keys.get(public_key)
    if revoked:
        return (Outcome.KEY_NOT_VALID, f"Head office revoked the campus key that signed it on "
                f"{revoked.get('revoked', '?')[:10]} ({revoked.get('reason', 'no reason given')})."
                " Ask the campus for a reissued credential.")
    return None


def _status_and_dates(
    facts: dict[str, Any], status: StatusAnswer | None, trust: Trust, now: dt.datetime,
    source: str,
) -> Verdict:
    as_of = status.as_of if status else None
    if status is not None and status.state == "revoked":
        return Verdict(Outcome.REVOKED, "The issuing campus has revoked this credential: it no "
                       "longer certifies anything.", source, facts, as_of)
    if status is not None and status.state == "suspended":
        return Verdict(Outcome.SUSPENDED, "The issuing campus has suspended this credential "
                       "while something is looked into. Check again later.", source, facts, as_of)
    valid_from, valid_until = facts.get("valid_from"), facts.get("valid_until")
    if valid_from and now < valid_from:
        return Verdict(Outcome.NOT_YET_VALID, f"It is valid only from {_day(valid_from)}.",
                       source, facts, as_of)  # fmt: skip
    if valid_until and now >= valid_until:
        return Verdict(Outcome.EXPIRED, f"It expired on {_day(valid_until)}; the learner may "
                       "renew it.", source, facts, as_of)
    if status is None:
        last = (f"The newest status list here is of {_day(trust.newest_status_list)}."
                if trust.newest_status_list else "This computer has no status list yet.")
        return Verdict(Outcome.STATUS_UNKNOWN, "The signature and issuer are good, but whether "
                       f"it has been revoked cannot be checked offline. {last} Connect and "
                       "sync, or check on the registry's page.", source, facts, None)
    when = f" (status list of {_day(as_of)})" if as_of else ""
    return Verdict(Outcome.VALID, f"Signed by a certified campus key, unchanged, and in force"
                   f"{when}.", source, facts, as_of)


def _campus_code(issuer: Any) -> str | None:
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if isinstance(issuer_id, str) and "/issuers/" in issuer_id:
        return issuer_id.rsplit("/issuers/", 1)[1]
    return None


def credential_facts(document: dict[str, Any]) -> dict[str, Any]:
    """What a person reads off a credential: who, what, by whom, when (whatever its state)."""

    def part(value: Any) -> dict[str, Any]:
        return value if isinstance(value, dict) else {}

    subject = part(document.get("credentialSubject"))
    achievement = part(subject.get("achievement"))
    identifiers = subject.get("identifier")
    names = [i.get("identityHash") for i in (identifiers if isinstance(identifiers, list) else [])
             if isinstance(i, dict) and i.get("identityType") == "name"]  # fmt: skip
    issuer = document.get("issuer") or {}
    name = document.get("name")
    return {
        "name": name,
        # Sanad names a credential "<title> — <serial>"; Open Badges has no serial field.
        "serial": name.rsplit(" — ", 1)[1] if isinstance(name, str) and " — " in name else None,
        "learner": names[0] if names else None,
        "achievement": achievement.get("name"),
        "achievement_code": achievement.get("humanCode"),
        "issuer": issuer.get("name") if isinstance(issuer, dict) else issuer,
        "campus_code": _campus_code(issuer),
        "valid_from": _moment(document.get("validFrom")),
        "valid_until": _moment(document.get("validUntil")),
    }


def _credential_verdict(
    document: Any, trust: Trust, *, now: dt.datetime | None = None,
    extra_certificates: dict[str, Any] | None = None,
) -> Verdict:
    """The verdict on a JSON credential."""
    now = now or dt.datetime.now(dt.UTC)
    if not isinstance(document, dict) or "proof" not in document:
        return Verdict(Outcome.UNREADABLE, "This is not a signed credential.", "json")
    facts = credential_facts(document)
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    method = proof.get("verificationMethod", "") if isinstance(proof, dict) else ""
    if not isinstance(method, str) or not method.startswith("did:key:z"):
        return Verdict(Outcome.SIGNATURE_INVALID, "It carries no signature by a campus key "
                       "that can be checked.", "json", facts)
    public_key = method.split("#", 1)[0].removeprefix("did:key:")
    try:
        good = verify_proof(document, public_key_from_multikey(public_key))
    except (ProofError, ValueError) as exc:
        return Verdict(Outcome.SIGNATURE_INVALID, f"Its signature cannot be checked: {exc}.",
                       "json", facts)  # fmt: skip
    if not good:
        return Verdict(Outcome.SIGNATURE_INVALID, "Its signature does not match its content: "
                       "it was changed after it was signed. Do not rely on it.", "json", facts)
    types = document.get("type")
    if not isinstance(types, list) or not {"AchievementCredential", "OpenBadgeCredential"} & set(
        t for t in types if isinstance(t, str)
    ):
        return Verdict(Outcome.UNREADABLE, "It is signed, but it is not an Open Badges "
                       "credential.", "json", facts)  # fmt: skip
    signed_at = _moment(proof.get("created")) or facts["valid_from"] or now
    problem = _certified(public_key, facts["campus_code"], signed_at, trust, extra_certificates)
    if problem:
        return Verdict(problem[0], problem[1], "json", facts)
    entry = document.get("credentialStatus") or {}
    status = None
    if isinstance(entry, dict) and facts["campus_code"]:
        try:
            status = trust.status(facts["campus_code"], int(entry["statusListIndex"]))
        except (KeyError, ValueError, TypeError, StatusListProblem):
            status = None
    return _status_and_dates(facts, status, trust, now, "json")


def _qr_verdict(
    text: str, trust: Trust, *, now: dt.datetime | None = None
) -> Verdict:
    """The verdict on the text of a certificate's QR code, checked offline."""
    from desktop.core.proofs import public_key_multikey
    from desktop.core.qr_payload import PayloadProblem, decode_payload, verify_payload

    now = now or dt.datetime.now(dt.UTC)
    if trust.root is None:
        # Step 1 first: text that is no Sanad QR code is unreadable, root key or not.
        try:
            contents = decode_payload(text)
        except PayloadProblem as exc:
            return Verdict(Outcome.UNREADABLE, str(exc), "qr")
        return Verdict(Outcome.UNKNOWN_ISSUER, "This computer has no national root key to check "
                       "the issuer against. Install head office's root key.", "qr",
                       _qr_facts(contents.claims))  # fmt: skip
    try:
        checked = verify_payload(text, trust.root)
    except PayloadProblem as exc:
        facts = {}
        with contextlib.suppress(PayloadProblem):
            facts = _qr_facts(decode_payload(text).claims)
        outcome = {
            "certificate_invalid": Outcome.UNKNOWN_ISSUER,
            "signature_invalid": Outcome.SIGNATURE_INVALID,
            "key_not_valid": Outcome.KEY_NOT_VALID,
        }.get(exc.reason, Outcome.UNREADABLE)
        return Verdict(outcome, str(exc), "qr", facts)
    facts = _qr_facts(checked.claims)
    facts["campus_code"] = checked.certificate.campus_code
    public_key = public_key_multikey(checked.certificate.public_key)
    revoked = trust.revoked_keys.get(public_key)
    if revoked:
        return Verdict(Outcome.KEY_NOT_VALID, f"Head office revoked the campus key that signed "
                       f"it on {revoked.get('revoked', '?')[:10]}.", "qr", facts)
    status = None
    if checked.claims.status_index is not None:
        status = trust.status(checked.certificate.campus_code, checked.claims.status_index)
    return _status_and_dates(facts, status, trust, now, "qr")


def _qr_facts(claims: Any) -> dict[str, Any]:
    return {
        "serial": claims.serial,
        "learner": claims.learner_name,
        "achievement_code": claims.achievement_code,
        "valid_from": claims.issued_at,
        "valid_until": claims.valid_until,
        "truncated": claims.truncated,
    }


DEMO_NOTE = ("DEMONSTRATION DATA: this computer trusts the public demonstration root, so this "
             "check proves nothing about a real certificate. ")


def _marked(verdict: Verdict, trust: Trust) -> Verdict:
    if is_demo_root(trust.root):
        verdict.demo = True
        verdict.explanation = DEMO_NOTE + verdict.explanation
    return verdict


def _worst(verdicts: list[Verdict]) -> Verdict:
    return min(verdicts, key=lambda v: _SEVERITY.index(v.outcome))


def _verify_pdf(data: bytes, trust: Trust, now: dt.datetime | None) -> Verdict:
    from desktop.core.certificate_pdf import read_attachment
    from desktop.core.qr_payload import decode_image

    verdicts = []
    extra: dict[str, Any] = {}
    try:
        attached = read_attachment(data)
    except Exception:  # a damaged PDF: pypdf raises many kinds
        attached = None
    qr_texts = _page_qr_texts(data, decode_image)
    if attached is None and not qr_texts:
        return Verdict(Outcome.UNREADABLE, "This PDF carries neither a Sanad credential nor a "
                       "QR code that can be read.", "pdf")
    if attached is not None:
        try:
            verdicts.append(_credential_verdict(json.loads(attached), trust, now=now,
                                                extra_certificates=extra))  # fmt: skip
        except ValueError:
            verdicts.append(Verdict(Outcome.UNREADABLE, "The credential attached to this PDF "
                                    "is not readable JSON.", "pdf"))
    verdicts.extend(_qr_verdict(text, trust, now=now) for text in qr_texts)
    worst = _worst(verdicts)
    if len(verdicts) == 2 and all(v.facts for v in verdicts):
        json_facts, qr_facts = verdicts[0].facts, verdicts[1].facts
        same = (json_facts.get("achievement_code") == qr_facts.get("achievement_code")
                and json_facts.get("valid_from") == qr_facts.get("valid_from")
                and (qr_facts.get("truncated")
                     or json_facts.get("learner") == qr_facts.get("learner")))  # fmt: skip
        if not same:
            return Verdict(Outcome.SIGNATURE_INVALID, "The QR code and the credential attached "
                           "to this PDF are of different credentials: the PDF was put together "
                           "from pieces. Do not rely on it.", "pdf", qr_facts)
    return Verdict(worst.outcome, worst.explanation, "pdf",
                   {**verdicts[-1].facts, **verdicts[0].facts}, worst.status_as_of)  # fmt: skip


def _page_qr_texts(data: bytes, decode_image: Callable[[Any], list[str]]) -> list[str]:
    """The QR codes on the PDF's first page, rendered at 150 dpi."""
    import io

    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return []
    try:
        if len(document) == 0:
            return []
        image = document[0].render(scale=150 / 72, grayscale=True).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return decode_image(buffer.getvalue())


def _input_verdict(
    source: bytes | str | Path, trust: Trust, *, now: dt.datetime | None = None
) -> Verdict:
    """The verdict on a file (JSON, PDF, PNG/JPEG of a QR code) or on QR text."""
    from desktop.core.qr_payload import decode_image

    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except OSError as exc:
            return Verdict(Outcome.UNREADABLE, f"{source} cannot be read: {exc.strerror}.", "file")
    elif isinstance(source, str):
        return _qr_verdict(source.strip(), trust, now=now)
    else:
        data = source
    if data.startswith(b"%PDF"):
        return _verify_pdf(data, trust, now)
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        try:
            document = json.loads(data)
        except ValueError:
            return Verdict(Outcome.UNREADABLE, "The file is not readable JSON.", "json")
        return _credential_verdict(document, trust, now=now)
    if data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff":
        from desktop.core.qr_payload import PayloadProblem

        try:
            texts = decode_image(data)
        except PayloadProblem as exc:  # a damaged or cut image
            return Verdict(Outcome.UNREADABLE, str(exc), "qr")
        if not texts:
            return Verdict(Outcome.UNREADABLE, "No QR code could be read in this image. Take "
                           "the photo closer, straight on, in good light.", "qr")
        return _worst([_qr_verdict(text, trust, now=now) for text in texts])
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        return Verdict(Outcome.UNREADABLE, "This is not a credential, a certificate PDF, a QR "
                       "image or QR text.", "file")
    return _qr_verdict(text, trust, now=now)


def verify_credential(
    document: Any, trust: Trust, *, now: dt.datetime | None = None,
    extra_certificates: dict[str, Any] | None = None,
) -> Verdict:
    """The verdict on a JSON credential (``extra_certificates``: campus key certificates that
    came with it, by public key; each is still checked against the root)."""
    return _marked(_credential_verdict(document, trust, now=now,
                                       extra_certificates=extra_certificates), trust)  # fmt: skip


def verify_qr_text(text: str, trust: Trust, *, now: dt.datetime | None = None) -> Verdict:
    """The verdict on the text of a certificate's QR code, checked offline."""
    return _marked(_qr_verdict(text, trust, now=now), trust)


def verify_input(
    source: bytes | str | Path, trust: Trust, *, now: dt.datetime | None = None
) -> Verdict:
    """The verdict on a file's bytes or path (JSON, PDF, PNG/JPEG of a QR code) or on QR text."""
    return _marked(_input_verdict(source, trust, now=now), trust)
