"""Learners: register one, import many, edit, remove."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import Duplicate, FieldProblem, InvalidInput, NotFound, phrase
from desktop.core.ids import utc_today
from desktop.core.services.access import local_campus, require_role, require_same_campus
from desktop.core.store import Actor, Store
from desktop.core.validation import (
    GENDERS,
    Checker,
    cnic_gender_conflict,
    format_cnic,
    normalise_cnic,
    normalise_email,
    normalise_phone,
    parse_date,
    require_choice,
    require_text,
)

__all__ = [
    "LEARNER_FIELDS",
    "ImportResult",
    "check_learners",
    "delete_learner",
    "register_learner",
    "register_learners",
    "update_learner",
    "validate_learner",
]

LEARNER_FIELDS = (
    "registration_no",
    "full_name",
    "guardian_name",
    "cnic",
    "gender",
    "date_of_birth",
    "email",
    "phone",
    "programme",
)
_REGISTRATION = re.compile(r"[A-Z0-9][A-Z0-9/_.-]{0,39}")


def _registration(value: Any, field: str = "registration_no") -> str:
    text = (value or "").strip().upper()
    if not _REGISTRATION.fullmatch(text):
        raise InvalidInput(
            FieldProblem(
                field,
                value,
                "must be 1–40 letters, digits, dashes, dots or slashes",
                "Type it as printed on the student card, e.g. QAU-2026-DA-0042",
            )
        )
    return text


def _birth_date(value: Any, field: str = "date_of_birth") -> str:
    born = parse_date(value, field)
    today = utc_today()
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if not 12 <= age <= 100:
        raise InvalidInput(
            FieldProblem(
                field,
                value,
                "makes the learner {age} years old",
                "Check the year; learners are between 12 and 100",
                {"age": age},
            )
        )
    return born.isoformat()


def validate_learner(data: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise every field of a learner, reporting all problems at once."""
    unknown = set(data) - set(LEARNER_FIELDS)
    if unknown:
        raise ValueError(f"unknown learner fields {sorted(unknown)}")
    check = Checker()
    clean: dict[str, Any] = {
        "registration_no": check.check(_registration, data.get("registration_no")),
        "full_name": check.check(require_text, data.get("full_name"), "full_name", max_len=100),
        "guardian_name": check.check(
            require_text, data.get("guardian_name"), "guardian_name", max_len=100, required=False
        ),
        "programme": check.check(
            require_text, data.get("programme"), "programme", max_len=120, required=False
        ),
    }
    for name, validate in (
        ("cnic", normalise_cnic),
        ("email", normalise_email),
        ("phone", normalise_phone),
        ("date_of_birth", _birth_date),
    ):
        value = data.get(name)
        blank = value is None or (isinstance(value, str) and not value.strip())
        clean[name] = None if blank else check.check(validate, value, name)
    gender = data.get("gender")
    clean["gender"] = None if not gender else check.check(require_choice, gender, "gender", GENDERS)
    if clean["cnic"] and clean["gender"]:
        conflict = cnic_gender_conflict(clean["cnic"], clean["gender"])
        if conflict:
            check.problems.append(conflict)
    check.done()
    return clean


def _duplicates(
    store: Store, campus_id: str, clean: dict[str, Any], exclude_id: str | None = None
) -> list[FieldProblem]:
    problems = []
    other = store.one(
        "SELECT full_name FROM learners WHERE campus_id = ? AND registration_no = ? AND id != ?",
        (campus_id, clean["registration_no"], exclude_id or ""),
    )
    if other:
        problems.append(
            FieldProblem(
                "registration_no",
                clean["registration_no"],
                "already belongs to {name}",
                "Check the number; each learner has their own",
                {"name": other["full_name"]},
            )
        )
    if clean["cnic"]:
        other = store.one(
            "SELECT full_name, registration_no FROM learners "
            "WHERE cnic = ? AND deleted = 0 AND id != ?",
            (clean["cnic"], exclude_id or ""),
        )
        if other:
            problems.append(
                FieldProblem(
                    "cnic",
                    format_cnic(clean["cnic"]),
                    "is already registered to {name} ({registration_no})",
                    "Open that learner instead of adding them twice",
                    {"name": other["full_name"], "registration_no": other["registration_no"]},
                )
            )
    return problems


def register_learner(store: Store, actor: Actor, data: dict[str, Any]) -> dict[str, Any]:
    require_role(actor, "admin", doing=phrase("register learners"))
    clean = validate_learner(data)
    campus_id = actor.campus_id or local_campus(store)
    problems = _duplicates(store, campus_id, clean)
    if problems:
        raise Duplicate(problems)
    with store.transaction(actor) as tx:
        learner = tx.insert("learners", {**clean, "campus_id": campus_id}, owner=campus_id)
        tx.audit(
            "learner.register",
            "learners",
            learner["id"],
            {"registration_no": learner["registration_no"]},
        )
    return learner


@dataclass
class ImportResult:
    """What a batch registration did: rows created, and the problems of rows it skipped."""

    created: list[dict[str, Any]] = field(default_factory=list)
    problems: dict[int, list[FieldProblem]] = field(default_factory=dict)


def check_learners(
    store: Store,
    campus_id: str,
    rows: Sequence[dict[str, Any]],
    *,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[dict[str, Any]], dict[int, list[FieldProblem]]]:
    """Validate rows as :func:`register_learners` would, writing nothing: the clean rows, and the
    problems of every refused row by its index (invalid, or duplicating an existing learner or
    an earlier row). ``progress(done)`` is called every 1,000 rows."""
    valid: list[dict[str, Any]] = []
    refused: dict[int, list[FieldProblem]] = {}
    seen_reg: dict[str, int] = {}
    seen_cnic: dict[str, int] = {}
    existing_reg = {
        r["registration_no"]
        for r in store.query(
            "SELECT registration_no FROM learners WHERE campus_id = ?", (campus_id,)
        )
    }
    existing_cnic = {
        r["cnic"]
        for r in store.query("SELECT cnic FROM learners WHERE cnic IS NOT NULL AND deleted = 0")
    }
    for index, data in enumerate(rows):
        if progress is not None and index % 1000 == 0:
            progress(index)
        try:
            clean = validate_learner(data)
        except InvalidInput as exc:
            refused[index] = exc.problems
            continue
        problems = []
        reg = clean["registration_no"]
        if reg in existing_reg:
            problems.append(
                FieldProblem(
                    "registration_no",
                    reg,
                    "is already registered here",
                    "Leave the row out, or correct the number",
                )
            )
        elif reg in seen_reg:
            problems.append(
                FieldProblem(
                    "registration_no",
                    reg,
                    "repeats row {row} of this file",
                    "Keep one of the two rows",
                    {"row": seen_reg[reg] + 1},
                )
            )
        cnic = clean["cnic"]
        if cnic and cnic in existing_cnic:
            problems.append(
                FieldProblem(
                    "cnic",
                    format_cnic(cnic),
                    "is already registered here",
                    "Leave the row out, or correct the CNIC",
                )
            )
        elif cnic and cnic in seen_cnic:
            problems.append(
                FieldProblem(
                    "cnic",
                    format_cnic(cnic),
                    "repeats row {row} of this file",
                    "Keep one of the two rows",
                    {"row": seen_cnic[cnic] + 1},
                )
            )
        if problems:
            refused[index] = problems
            continue
        seen_reg[reg] = index
        if cnic:
            seen_cnic[cnic] = index
        valid.append({**clean, "campus_id": campus_id})
    return valid, refused


def register_learners(
    store: Store, actor: Actor, rows: Sequence[dict[str, Any]], *, source: str = "batch"
) -> ImportResult:
    """Register many learners in one transaction. Rows with problems (invalid, or duplicating an
    existing learner or an earlier row) are skipped and reported by their index; the rest are
    written together, with one audit entry for the batch."""
    require_role(actor, "admin", doing=phrase("import learners"))
    campus_id = actor.campus_id or local_campus(store)
    result = ImportResult()
    valid, result.problems = check_learners(store, campus_id, rows)
    if valid:
        with store.transaction(actor) as tx:
            result.created = tx.insert_many("learners", valid, owner=campus_id)
            tx.audit(
                "learner.import",
                "learners",
                None,
                {"source": source, "created": len(valid), "skipped": len(result.problems)},
            )
    return result


def _live_learner(store: Store, learner_id: str) -> dict[str, Any]:
    learner = store.get("learners", learner_id)
    if learner is None:
        raise NotFound.single(
            "learner", learner_id, "does not exist or was removed", "Reload the list of learners"
        )
    return learner


def update_learner(
    store: Store, actor: Actor, learner_id: str, changes: dict[str, Any]
) -> dict[str, Any]:
    require_role(actor, "admin", doing=phrase("edit learners"))
    learner = _live_learner(store, learner_id)
    require_same_campus(actor, learner["campus_id"], doing=phrase("edit this learner"))
    merged = {name: learner[name] for name in LEARNER_FIELDS}
    if merged["cnic"]:
        merged["cnic"] = format_cnic(merged["cnic"])
    merged.update(changes)
    clean = validate_learner(merged)
    problems = _duplicates(store, learner["campus_id"], clean, exclude_id=learner_id)
    if problems:
        raise Duplicate(problems)
    with store.transaction(actor) as tx:
        updated = tx.update("learners", learner_id, clean)
        changed = sorted(k for k in clean if clean[k] != learner[k])
        if changed:
            tx.audit(
                "learner.edit",
                "learners",
                learner_id,
                {"registration_no": updated["registration_no"], "fields": changed},
            )
    return updated


def delete_learner(store: Store, actor: Actor, learner_id: str) -> None:
    require_role(actor, "admin", doing=phrase("remove learners"))
    learner = _live_learner(store, learner_id)
    require_same_campus(actor, learner["campus_id"], doing=phrase("remove this learner"))
    active = store.scalar(
        "SELECT COUNT(*) FROM enrolments WHERE learner_id = ? AND deleted = 0", (learner_id,)
    )
    if active:
        raise InvalidInput.single(
            "learner",
            learner["registration_no"],
            "has enrolments ({count})",
            "Withdraw them instead; a learner with a record stays on file",
            count=active,
        )
    with store.transaction(actor) as tx:
        tx.delete("learners", learner_id)
        tx.audit(
            "learner.remove",
            "learners",
            learner_id,
            {"registration_no": learner["registration_no"]},
        )
