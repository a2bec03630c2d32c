"""User accounts: create, sign in, change password, change role, deactivate."""

from __future__ import annotations

import re
from typing import Any

from desktop.core.errors import (
    Duplicate,
    FieldProblem,
    InvalidInput,
    NotFound,
    PermissionDenied,
    phrase,
)
from desktop.core.passwords import check_strength, hash_password, needs_rehash, verify_password
from desktop.core.services.access import ROLES, local_campus, require_role, require_same_campus
from desktop.core.store import SYSTEM, Actor, Store
from desktop.core.validation import Checker, require_choice, require_text

__all__ = [
    "authenticate",
    "change_password",
    "create_user",
    "deactivate_user",
    "set_role",
    "validate_username",
]

_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,39}")


def validate_username(value: str, field: str = "username") -> str:
    text = (value or "").strip()
    if not _USERNAME.fullmatch(text):
        raise InvalidInput(
            FieldProblem(
                field,
                value,
                "must be 2–40 letters, digits, dots, dashes or underscores",
                "Use something like ayesha.khan or the registration number",
            )
        )
    return text.lower()


def _actor_for(user: dict[str, Any]) -> Actor:
    return Actor(
        user["id"], user["display_name"], user["role"], user["campus_id"], user["username"]
    )


def create_user(
    store: Store,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    role: str,
    password: str,
    learner_id: str | None = None,
) -> dict[str, Any]:
    """An admin creates an account at their campus; a student account names its learner."""
    require_role(actor, "admin", doing=phrase("create user accounts"))
    check = Checker()
    name = check.check(validate_username, username)
    display = check.check(require_text, display_name, "display_name", max_len=100)
    chosen_role = check.check(require_choice, role, "role", ROLES)
    if name:
        check.check(check_strength, password, name)
    if chosen_role == "student" and not learner_id:
        check.add(
            "learner_id",
            learner_id,
            "is required for a student account",
            "Pick the learner this account belongs to",
        )
    check.done()
    campus_id = actor.campus_id or local_campus(store)
    if learner_id is not None:
        learner = store.get("learners", learner_id)
        if learner is None:
            raise NotFound.single(
                "learner_id", learner_id, "is not a learner here", "Pick a learner from the list"
            )
        if store.one("SELECT 1 FROM users WHERE learner_id = ?", (learner_id,)):
            raise Duplicate.single(
                "learner_id",
                learner["registration_no"],
                "already has an account",
                "Reset that account's password instead",
            )
    if store.one("SELECT 1 FROM users WHERE username = ?", (name,)):
        raise Duplicate.single("username", name, "is already taken", "Choose another user name")
    with store.transaction(actor) as tx:
        user = tx.insert(
            "users",
            {
                "campus_id": campus_id,
                "username": name,
                "display_name": display,
                "role": chosen_role,
                "password_hash": hash_password(password),
                "active": 1,
                "learner_id": learner_id,
            },
            owner=campus_id,
        )
        tx.audit("user.create", "users", user["id"], {"username": name, "role": chosen_role})
    return user


def authenticate(store: Store, username: str, password: str) -> Actor:
    """Sign in. The message never says whether the name or the password was wrong."""
    user = store.one(
        "SELECT * FROM users WHERE username = ? AND deleted = 0", ((username or "").strip(),)
    )
    if user is None or not verify_password(user["password_hash"], password or ""):
        raise PermissionDenied.single(
            "username",
            username,
            "and this password do not match an account",
            "Check the user name and the password (is Caps Lock on?)",
        )
    if not user["active"]:
        raise PermissionDenied.single(
            "username", username, "is deactivated", "Ask the campus focal person to reactivate it"
        )
    if needs_rehash(user["password_hash"]) and store.device_id:
        with store.transaction(SYSTEM) as tx:
            tx.update("users", user["id"], {"password_hash": hash_password(password)})
            tx.audit("user.rehash", "users", user["id"], {"username": user["username"]})
    return _actor_for(user)


def change_password(store: Store, actor: Actor, *, old_password: str, new_password: str) -> None:
    user = store.get("users", actor.user_id or "")
    if user is None:
        raise NotFound.single("user", actor.name, "is not a user here", "Sign in again")
    if not verify_password(user["password_hash"], old_password):
        raise PermissionDenied.single(
            "old_password",
            "•" * len(old_password),
            "is not the current password",
            "Type the password you signed in with",
        )
    check_strength(new_password, user["username"], "new_password")
    with store.transaction(actor) as tx:
        tx.update("users", user["id"], {"password_hash": hash_password(new_password)})
        tx.audit("user.password", "users", user["id"], {"username": user["username"]})


def _managed_user(store: Store, actor: Actor, user_id: str, doing: str) -> dict[str, Any]:
    require_role(actor, "admin", doing=doing)
    user = store.get("users", user_id)
    if user is None:
        raise NotFound.single("user", user_id, "does not exist", "Reload the list of users")
    require_same_campus(actor, user["campus_id"], doing=doing)
    return user


def set_role(store: Store, actor: Actor, user_id: str, role: str) -> dict[str, Any]:
    user = _managed_user(store, actor, user_id, phrase("change roles"))
    new_role = require_choice(role, "role", ROLES)
    if user["id"] == actor.user_id and new_role != "admin":
        raise PermissionDenied.single(
            "role",
            new_role,
            "would take away your own admin rights",
            "Ask another admin to change your role",
        )
    with store.transaction(actor) as tx:
        updated = tx.update("users", user_id, {"role": new_role})
        tx.audit(
            "user.role",
            "users",
            user_id,
            {"username": user["username"], "from": user["role"], "to": new_role},
        )
    return updated


def deactivate_user(store: Store, actor: Actor, user_id: str) -> dict[str, Any]:
    user = _managed_user(store, actor, user_id, phrase("deactivate accounts"))
    if user["id"] == actor.user_id:
        raise PermissionDenied.single(
            "user", user["username"], "is your own account", "Ask another admin to deactivate it"
        )
    with store.transaction(actor) as tx:
        updated = tx.update("users", user_id, {"active": 0})
        tx.audit("user.deactivate", "users", user_id, {"username": user["username"]})
    return updated
