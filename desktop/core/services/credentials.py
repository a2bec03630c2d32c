"""Issued credentials and their status: issue, revoke, suspend, reinstate, replace.

An issued credential never changes: its signed document travels to the learner and the registry,
so a correction is a revocation plus a replacement that names the credential it supersedes.
Status changes are records of their own (``credential_status_events``), so the history of a
credential is never lost. Serials are the campus code, the year and a sequence
(``QAU-2026-000123``), allocated at the campus, so they are unique without a network link.

The document itself (an Open Badges 3.0 ``AchievementCredential`` with its proof) is built and
signed by the caller (``services/issuing.py``), inside the same transaction, from the draft this
module allocates: the id, the serial, the status-list index and the dates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import sqlite3
from collections.abc import Callable, Collection
from typing import Any

from desktop.core.errors import (
    Duplicate,
    FieldProblem,
    InvalidInput,
    InvalidTransition,
    NotFound,
    phrase,
)
from desktop.core.ids import new_id, utc_now
from desktop.core.services.access import require_role, require_same_campus
from desktop.core.services.enrolments import get_enrolment
from desktop.core.store import Actor, Store
from desktop.core.validation import require_text

__all__ = [
    "STATUS_ACTIONS",
    "credential_status",
    "free_status_index",
    "issue_credential",
    "next_serial",
    "prepare_credential",
    "record_credential",
    "reinstate_credential",
    "revoke_credential",
    "suspend_credential",
]

STATUS_ACTIONS = ("revoke", "suspend", "reinstate")


def next_serial(store: Store, campus_id: str, year: int) -> str:
    """The next free serial of this campus and year, e.g. ``QAU-2026-000124``."""
    campus = store.get("campuses", campus_id)
    if campus is None:
        raise NotFound.single("campus", campus_id, "does not exist", "Set up the campus first")
    prefix = f"{campus['code']}-{year}-"
    # The highest as text, through the serial index (a batch asks once per credential: a scan
    # of the whole table took 8.6 ms at 100,000 credentials, this 0.06). After 999999 a
    # seven-digit serial sorts below the six-digit ones, so only then count numerically.
    within = (prefix, prefix + "~")  # "~" sorts after every digit
    top = store.scalar(
        "SELECT serial FROM issued_credentials WHERE serial > ? AND serial < ? "
        "ORDER BY serial DESC LIMIT 1",
        within,
    )
    last = int(top[len(prefix):]) if top else 0
    if last >= 999_999:
        last = store.scalar(
            "SELECT MAX(CAST(substr(serial, ?) AS INTEGER)) FROM issued_credentials "
            "WHERE serial > ? AND serial < ?",
            (len(prefix) + 1, *within),
        )
    return f"{prefix}{last + 1:06d}"


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def prepare_credential(
    store: Store,
    actor: Actor,
    enrolment_id: str,
    *,
    issued_on: dt.date | None = None,
    supersedes_id: str | None = None,
    held: Collection[tuple[str, int]] = (),
) -> dict[str, Any]:
    """Check that a passed enrolment may get its credential now and allocate its draft: ``id``,
    ``serial``, ``status_index``, ``issued_at``, ``valid_from``, ``valid_until``,
    ``supersedes_id`` (and the record's other columns). Nothing is written; ``held`` are the
    (serial, status index) pairs of drafts not yet recorded, so a batch allocates ahead.

    A learner holds one live credential per enrolment; a replacement must name (and follows) the
    revoked credential it supersedes.
    """
    require_role(actor, "admin", doing=phrase("issue credentials"))
    enrolment = get_enrolment(store, enrolment_id)
    require_same_campus(actor, enrolment["campus_id"], doing=phrase("issue credentials for it"))
    if enrolment["status"] != "passed":
        raise InvalidTransition.single(
            "enrolment",
            enrolment["status"].replace("_", " "),
            "has not been passed",
            "Issue a credential once an assessment has passed the learner",
        )
    _check_replacement(store, enrolment_id, supersedes_id)
    cohort = store.get("cohorts", enrolment["cohort_id"])
    micro = store.get("micro_credentials", cohort["micro_credential_id"])
    day = issued_on or dt.datetime.now(dt.UTC).date()
    valid_until = (
        _add_months(day, micro["validity_months"]).isoformat() if micro["validity_months"] else None
    )
    serials = {serial for serial, _index in held}
    serial = next_serial(store, enrolment["campus_id"], day.year)
    while serial in serials:
        prefix, number = serial.rsplit("-", 1)
        serial = f"{prefix}-{int(number) + 1:06d}"
    return {
        "id": new_id(),
        "serial": serial,
        "status_index": free_status_index(
            store, enrolment["campus_id"], also_taken={index for _serial, index in held}
        ),
        "issued_at": utc_now(),
        "valid_from": day.isoformat(),
        "valid_until": valid_until,
        "supersedes_id": supersedes_id,
        "campus_id": enrolment["campus_id"],
        "kind": "micro_credential",
        "enrolment_id": enrolment_id,
        "learner_id": enrolment["learner_id"],
        "micro_credential_id": micro["id"],
        "owner": enrolment["owner"],
    }


def _check_replacement(store: Store, enrolment_id: str, supersedes_id: str | None) -> None:
    existing = store.query(
        "SELECT id, serial, supersedes_id FROM issued_credentials WHERE enrolment_id = ?",
        (enrolment_id,),
    )
    if supersedes_id is not None:
        old = next((c for c in existing if c["id"] == supersedes_id), None)
        if old is None:
            raise InvalidInput.single(
                "supersedes",
                supersedes_id,
                "is not a credential of this enrolment",
                "Choose the credential being replaced",
            )
        replaced = next((c for c in existing if c["supersedes_id"] == supersedes_id), None)
        if replaced is not None:
            raise Duplicate.single(
                "supersedes",
                old["serial"],
                "was already replaced by {serial}",
                "Replace the newest credential of this enrolment instead",
                serial=replaced["serial"],
            )
        if credential_status(store, supersedes_id) != "revoked":
            raise InvalidTransition.single(
                "supersedes",
                old["serial"],
                "has not been revoked",
                "Revoke it, with the reason, before issuing its replacement",
            )
    live = [c for c in existing if credential_status(store, c["id"]) != "revoked"]
    if live:
        raise Duplicate.single(
            "enrolment",
            live[0]["serial"],
            "already has a credential",
            "To correct it, revoke it and issue a replacement that supersedes it",
        )
    if supersedes_id is None and existing:
        raise InvalidInput.single(
            "supersedes",
            None,
            "is missing: this enrolment's credential {serial} was revoked",
            "Issue the new one as its replacement, naming the credential it supersedes",
            serial=existing[-1]["serial"],
        )


def record_credential(
    store: Store,
    actor: Actor,
    draft: dict[str, Any],
    document: dict[str, Any],
    qr_text: str | None = None,
) -> dict[str, Any]:
    """Record a signed credential made from ``draft`` (:func:`prepare_credential`), checking
    again, in the transaction, that nothing was issued for the enrolment meanwhile."""
    if not isinstance(document, dict) or not document:
        raise InvalidInput.single(
            "document", document, "is not a credential document", "Build and sign it first"
        )
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    values = {k: v for k, v in draft.items() if k != "owner"}
    with store.transaction(actor) as tx:
        _check_replacement(store, draft["enrolment_id"], draft["supersedes_id"])
        try:
            credential = tx.insert(
                "issued_credentials",
                {
                    **values,
                    "document": text,
                    "document_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    "qr_text": qr_text,
                },
                owner=draft["owner"],
            )
        except sqlite3.IntegrityError:
            raise Duplicate.single(
                "credential", draft["serial"], "was taken by another issue at the same time",
                "Issue it again: it gets the next serial",
            ) from None  # fmt: skip
        tx.audit(
            "credential.issue",
            "issued_credentials",
            credential["id"],
            {"serial": draft["serial"], "enrolment": draft["enrolment_id"],
             "supersedes": draft["supersedes_id"]},
        )  # fmt: skip
    return credential


def issue_credential(
    store: Store,
    actor: Actor,
    enrolment_id: str,
    *,
    document: dict[str, Any] | Callable[[dict[str, Any]], tuple[dict[str, Any], str]],
    issued_on: dt.date | None = None,
    supersedes_id: str | None = None,
) -> dict[str, Any]:
    """Issue the credential of a passed enrolment: ``document`` is the signed credential, or a
    function that makes it from the draft (:func:`prepare_credential`) and returns it with the
    text of its paper certificate's QR code."""
    if not callable(document) and (not isinstance(document, dict) or not document):
        raise InvalidInput.single(
            "document", document, "is not a credential document", "Build and sign it first"
        )
    draft = prepare_credential(store, actor, enrolment_id, issued_on=issued_on,
                               supersedes_id=supersedes_id)  # fmt: skip
    signed, qr_text = document(draft) if callable(document) else (document, None)
    return record_credential(store, actor, draft, signed, qr_text)


STATUS_ENTRIES = 131_072  # the size of a campus's status list (desktop/core/status_lists.py)


def free_status_index(
    store: Store, campus_id: str, *, also_taken: Collection[int] = ()
) -> int:
    """A random unused entry of the campus's status list (and not in ``also_taken``): random,
    so a credential's position tells nothing about when it was issued or to whom."""

    def free(index: int) -> bool:
        return index not in also_taken and store.scalar(
            "SELECT 1 FROM issued_credentials WHERE campus_id = ? AND status_index = ?",
            (campus_id, index),
        ) is None

    # A random probe almost always finds a free entry at once; only when many fail is the list
    # counted (a count per credential cost a few ms in a large campus's batch).
    for _ in range(64):
        index = secrets.randbelow(STATUS_ENTRIES)
        if free(index):
            return index
    used = store.scalar(
        "SELECT count(*) FROM issued_credentials WHERE campus_id = ? AND status_index IS NOT NULL",
        (campus_id,),
    )
    if used + len(also_taken) >= STATUS_ENTRIES:
        raise InvalidInput.single(
            "credential", used, "would exceed the {limit} entries of the campus's status list",
            "Ask head office for a second status list for this campus", limit=STATUS_ENTRIES,
        )  # fmt: skip
    start = secrets.randbelow(STATUS_ENTRIES)  # nearly full: the next free one after a random start
    return next(i % STATUS_ENTRIES for i in range(start, start + STATUS_ENTRIES)
                if free(i % STATUS_ENTRIES))  # fmt: skip


def credential_status(store: Store, credential_id: str) -> str:
    """``active``, ``suspended`` or ``revoked``: what the newest status event made it."""
    if store.scalar("SELECT 1 FROM issued_credentials WHERE id = ?", (credential_id,)) is None:
        raise NotFound.single(
            "credential", credential_id, "was never issued here", "Check the credential's id"
        )
    last = store.one(
        "SELECT action FROM credential_status_events WHERE credential_id = ? AND deleted = 0 "
        "ORDER BY at DESC, id DESC LIMIT 1",
        (credential_id,),
    )
    return {None: "active", "reinstate": "active", "suspend": "suspended", "revoke": "revoked"}[
        last["action"] if last else None
    ]


_ALLOWED_FROM = {"revoke": ("active", "suspended"), "suspend": ("active",),
                 "reinstate": ("suspended",)}  # fmt: skip
_DOING = {
    "revoke": (phrase("revoke credentials"), phrase("revoke this credential")),
    "suspend": (phrase("suspend credentials"), phrase("suspend this credential")),
    "reinstate": (phrase("reinstate credentials"), phrase("reinstate this credential")),
}


def _refuse_status_change(serial: str, current: str, action: str) -> InvalidTransition:
    if current == "revoked":
        problem = FieldProblem(
            "credential",
            serial,
            "is revoked and cannot be {action}",
            "A revocation is final; issue a replacement that supersedes it if one is due",
            {"action": _PAST[action]},
        )
    elif current == "suspended":
        problem = FieldProblem(
            "credential",
            serial,
            "is suspended and cannot be {action}",
            "It is suspended already; reinstate or revoke it",
            {"action": _PAST[action]},
        )
    else:
        problem = FieldProblem(
            "credential",
            serial,
            "is active and cannot be {action}",
            "Only a suspended credential can be reinstated",
            {"action": _PAST[action]},
        )
    return InvalidTransition(problem)


_PAST = {"revoke": "revoked", "suspend": "suspended", "reinstate": "reinstated"}


def _change_status(
    store: Store, actor: Actor, credential_id: str, action: str, reason: str
) -> dict[str, Any]:
    require_role(actor, "admin", doing=_DOING[action][0])
    credential = store.get("issued_credentials", credential_id)
    if credential is None:
        raise NotFound.single(
            "credential", credential_id, "does not exist", "Reload the list of credentials"
        )
    require_same_campus(actor, credential["campus_id"], doing=_DOING[action][1])
    text = require_text(reason, "reason", max_len=500)
    current = credential_status(store, credential_id)
    if current not in _ALLOWED_FROM[action]:
        raise _refuse_status_change(credential["serial"], current, action)
    with store.transaction(actor) as tx:
        event = tx.insert(
            "credential_status_events",
            {
                "credential_id": credential_id,
                "action": action,
                "reason": text,
                "actor_id": actor.user_id,
                "at": tx.now,
            },
            owner=credential["owner"],
        )
        tx.audit(
            f"credential.{action}",
            "issued_credentials",
            credential_id,
            {"serial": credential["serial"], "reason": text},
        )
    return event


def revoke_credential(store: Store, actor: Actor, credential_id: str, reason: str) -> dict:
    """Revoke for good (issued in error, misconduct found). Verifiers will see it revoked."""
    return _change_status(store, actor, credential_id, "revoke", reason)


def suspend_credential(store: Store, actor: Actor, credential_id: str, reason: str) -> dict:
    """Suspend while something is looked into; it can be reinstated."""
    return _change_status(store, actor, credential_id, "suspend", reason)


def reinstate_credential(store: Store, actor: Actor, credential_id: str, reason: str) -> dict:
    return _change_status(store, actor, credential_id, "reinstate", reason)
