"""Evidence for an attempt (files, links, written reflections) and submitting the attempt."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from desktop.core.blobs import BlobStore, TooLarge
from desktop.core.errors import (
    FieldProblem,
    InvalidInput,
    InvalidTransition,
    PermissionDenied,
    phrase,
)
from desktop.core.evidence_files import SNIFF_BYTES, judge_content, max_evidence_bytes
from desktop.core.services.access import require_role, require_same_campus
from desktop.core.services.enrolments import get_enrolment, move
from desktop.core.store import Actor, Store, Transaction

__all__ = [
    "MAX_LIMIT_MB",
    "add_file",
    "add_link",
    "add_reflection",
    "attempt_evidence",
    "set_evidence_limit",
    "submit_attempt",
]

OPEN_FOR_EVIDENCE = ("enrolled", "in_progress", "resubmit")
MAX_LIMIT_MB = 4000


def _writable_enrolment(store: Store, actor: Actor, enrolment_id: str) -> dict[str, Any]:
    require_role(actor, "admin", "student", doing=phrase("add evidence"))
    enrolment = get_enrolment(store, enrolment_id)
    require_same_campus(
        actor, enrolment["campus_id"], doing=phrase("add evidence to this enrolment")
    )
    if actor.role == "student":
        own = store.one("SELECT learner_id FROM users WHERE id = ?", (actor.user_id,))
        if own is None or own["learner_id"] != enrolment["learner_id"]:
            raise PermissionDenied.single(
                "enrolment",
                enrolment_id,
                "belongs to another learner",
                "Sign in with your own account",
            )
    if enrolment["status"] not in OPEN_FOR_EVIDENCE:
        raise InvalidTransition.single(
            "enrolment",
            enrolment["status"].replace("_", " "),
            "does not take evidence now",
            "Evidence is added while enrolled, in progress, or asked to resubmit",
        )
    return enrolment


def _requirement(
    store: Store, enrolment: dict[str, Any], requirement_id: str, kind: str
) -> dict[str, Any]:
    credential = store.one(
        "SELECT m.evidence_requirements FROM cohorts c "
        "JOIN micro_credentials m ON m.id = c.micro_credential_id WHERE c.id = ?",
        (enrolment["cohort_id"],),
    )
    for requirement in json.loads(credential["evidence_requirements"]):
        if requirement["id"] == requirement_id:
            if kind not in requirement["kinds"]:
                raise InvalidInput.single(
                    "evidence",
                    kind,
                    "is not accepted for '{requirement}'",
                    "Submit it as {kinds}",
                    requirement=requirement["title_en"],
                    kinds=requirement["kinds"],
                )
            return requirement
    raise InvalidInput.single(
        "requirement",
        requirement_id,
        "is not a requirement of this micro-credential",
        "Choose one of the listed requirements",
    )


def _add(
    store: Store, actor: Actor, enrolment: dict[str, Any], values: dict[str, Any]
) -> dict[str, Any]:
    with store.transaction(actor) as tx:
        row = _insert_evidence(tx, enrolment, values)
        if enrolment["status"] == "enrolled":
            move(tx, enrolment, "in_progress", "evidence added")
        tx.audit(
            "evidence.add",
            "evidence",
            row["id"],
            {
                "enrolment": enrolment["id"],
                "attempt": row["attempt"],
                "kind": row["kind"],
                "sha256": row["sha256"],
            },
        )
    return row


def _insert_evidence(
    tx: Transaction, enrolment: dict[str, Any], values: dict[str, Any]
) -> dict[str, Any]:
    row = tx.insert(
        "evidence",
        {
            **values,
            "enrolment_id": enrolment["id"],
            "attempt": enrolment["attempt"],
            "added_by": tx.actor.user_id,
        },
        owner=enrolment["owner"],
    )
    if row["sha256"]:
        tx.store.conn.execute(
            "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)",
            (row["sha256"], row["size"], tx.now),
        )
    return row


class _Rest:
    """The file's first bytes (already read to judge it), then the rest of it."""

    def __init__(self, head: bytes, source: BinaryIO) -> None:
        self.head, self.source = head, source

    def read(self, size: int = -1) -> bytes:
        if self.head:
            head, self.head = self.head, b""
            return head
        return self.source.read(size)


def add_file(
    store: Store,
    actor: Actor,
    blobs: BlobStore,
    enrolment_id: str,
    requirement_id: str,
    path: str | Path,
) -> dict[str, Any]:
    """Copy a file into the evidence store and record it for the current attempt.

    The file is judged by its content, kept only if it is whole, no larger than the campus's
    limit, and not a program; it is streamed, never read whole. Whatever goes wrong, nothing
    is recorded and no partial copy stays in the store.
    """
    enrolment = _writable_enrolment(store, actor, enrolment_id)
    _requirement(store, enrolment, requirement_id, "file")
    source = Path(path)
    limit = max_evidence_bytes(store.conn)
    megabytes = limit // 1_000_000
    try:
        handle = open(source, "rb")  # noqa: SIM115 (closed below, after the copy)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise InvalidInput.single(
            "file", str(source), "does not exist or is not a file", "Choose the file again"
        ) from None
    except OSError as error:
        raise InvalidInput.single(
            "file", source.name, "could not be read ({reason})",
            "Check the drive, then choose it again", reason=error.strerror or str(error),
        ) from error  # fmt: skip
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            raise InvalidInput.single("file", source.name, "is empty", "Choose the finished file")
        if size > limit:
            raise InvalidInput.single(
                "file", source.name, "is {size} MB, more than the {limit} MB allowed",
                "Make it smaller (compress it, or split it), or share it as a link",
                size=-(-size // 1_000_000), limit=megabytes,
            )  # fmt: skip
        head = handle.read(SNIFF_BYTES)
        media_type, refusal = judge_content(head, source.name)
        if refusal == "program":
            raise InvalidInput.single(
                "file", source.name, "is a program ({found}), not a document, whatever its "
                "name says", "Attach a document, image, text or recording", found=media_type,
            )  # fmt: skip
        if refusal == "unopenable":
            raise InvalidInput.single(
                "file", source.name, "is a kind of file assessors cannot open ({found})",
                "Attach a document, image, text or recording", found=media_type,
            )  # fmt: skip
        if refusal is not None:
            raise InvalidInput.single(
                "file", source.name, "is of a type Sanad does not recognise",
                "Attach a document, image, text or recording",
            )  # fmt: skip
        try:
            stored = blobs.put_stream(_Rest(head, handle), max_bytes=limit)
        except TooLarge:
            raise InvalidInput.single(
                "file", source.name, "grew past the {limit} MB allowed while it was copied",
                "Wait until it is finished, then add it again", limit=megabytes,
            ) from None  # fmt: skip
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise InvalidInput.single(
                    "file", source.name, "could not be stored: the disk is full",
                    "Free some space on the disk that holds the evidence folder, then add it "
                    "again",
                ) from error  # fmt: skip
            raise InvalidInput.single(
                "file", source.name, "could not be copied ({reason})",
                "It may have been moved, or its drive removed: choose it again",
                reason=error.strerror or str(error),
            ) from error  # fmt: skip
    if stored.size != size:
        if not stored.already_present:
            blobs.discard(stored.sha256)
        raise InvalidInput.single(
            "file", source.name, "changed while it was being copied",
            "Close the program that is writing it, then add it again",
        )  # fmt: skip
    return _add(
        store,
        actor,
        enrolment,
        {
            "requirement_id": requirement_id,
            "kind": "file",
            "sha256": stored.sha256,
            "size": stored.size,
            "media_type": media_type,
            "original_name": source.name,
        },
    )


def add_link(
    store: Store, actor: Actor, enrolment_id: str, requirement_id: str, url: str
) -> dict[str, Any]:
    enrolment = _writable_enrolment(store, actor, enrolment_id)
    _requirement(store, enrolment, requirement_id, "link")
    text = (url or "").strip()
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InvalidInput(
            FieldProblem(
                "link",
                url,
                "is not a web address",
                "Paste the full address, starting with https://",
            )
        )
    return _add(
        store, actor, enrolment, {"requirement_id": requirement_id, "kind": "link", "url": text}
    )


def add_reflection(
    store: Store, actor: Actor, enrolment_id: str, requirement_id: str, text: str
) -> dict[str, Any]:
    enrolment = _writable_enrolment(store, actor, enrolment_id)
    _requirement(store, enrolment, requirement_id, "reflection")
    body = (text or "").strip()
    if len(body) < 20:
        raise InvalidInput.single(
            "reflection",
            body,
            "is shorter than 20 characters",
            "Write a few sentences about what you did and learned",
        )
    if len(body) > 20000:
        raise InvalidInput.single(
            "reflection",
            body[:40] + "…",
            "is {length} characters",
            "Keep it under {limit} characters, or attach it as a file",
            length=len(body),
            limit=20000,
        )
    return _add(
        store,
        actor,
        enrolment,
        {"requirement_id": requirement_id, "kind": "reflection", "text": body},
    )


def attempt_evidence(
    store: Store, enrolment_id: str, attempt: int | None = None
) -> list[dict[str, Any]]:
    enrolment = get_enrolment(store, enrolment_id)
    return store.query(
        "SELECT * FROM evidence WHERE enrolment_id = ? AND attempt = ? AND deleted = 0 "
        "ORDER BY created_at, id",
        (enrolment_id, attempt or enrolment["attempt"]),
    )


def submit_attempt(store: Store, actor: Actor, enrolment_id: str) -> dict[str, Any]:
    """Hand in the current attempt once every evidence requirement has something in it."""
    enrolment = _writable_enrolment(store, actor, enrolment_id)
    credential = store.one(
        "SELECT m.evidence_requirements FROM cohorts c "
        "JOIN micro_credentials m ON m.id = c.micro_credential_id WHERE c.id = ?",
        (enrolment["cohort_id"],),
    )
    covered = {e["requirement_id"] for e in attempt_evidence(store, enrolment_id)}
    missing = [
        r["title_en"]
        for r in json.loads(credential["evidence_requirements"])
        if r["id"] not in covered
    ]
    if missing:
        raise InvalidInput.single(
            "evidence",
            ", ".join(missing),
            "has nothing submitted yet",
            "Add evidence for every requirement, then submit",
        )
    with store.transaction(actor) as tx:
        updated = move(tx, enrolment, "submitted", f"attempt {enrolment['attempt']} submitted")
        tx.audit("enrolment.submit", "enrolments", enrolment_id, {"attempt": enrolment["attempt"]})
    return updated


def set_evidence_limit(store: Store, actor: Actor, megabytes: int) -> int:
    """The largest evidence file this computer's database takes, in MB (a focal person's
    choice; audited)."""
    require_role(actor, "admin", doing=phrase("change the evidence size limit"))
    if type(megabytes) is not int or not 1 <= megabytes <= MAX_LIMIT_MB:
        raise InvalidInput.single(
            "evidence_max_mb", megabytes, "is not between 1 and {most} MB",
            "Choose a size such as 200", most=MAX_LIMIT_MB,
        )  # fmt: skip
    before = max_evidence_bytes(store.conn) // 1_000_000
    with store.transaction(actor) as tx:
        tx.set_setting("evidence_max_mb", str(megabytes))
        tx.audit("settings.evidence_limit", "settings", "evidence_max_mb",
                 {"before": before, "after": megabytes})  # fmt: skip
    return megabytes
