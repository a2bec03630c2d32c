"""First run: give a new database its device identity, its campus and its first admin."""

from __future__ import annotations

from typing import Any

from desktop.core.errors import Duplicate, FieldProblem
from desktop.core.ids import new_id
from desktop.core.passwords import check_strength, hash_password
from desktop.core.services.users import validate_username
from desktop.core.store import SYSTEM, Actor, Store
from desktop.core.validation import Checker, require_code, require_text

__all__ = ["initialise_campus"]


def initialise_campus(
    store: Store,
    *,
    code: str,
    name_en: str,
    name_ur: str | None = None,
    region: str | None = None,
    city: str | None = None,
    admin_username: str,
    admin_display_name: str,
    admin_password: str,
    device_name: str = "Campus hub",
) -> Actor:
    """Make this database the hub of a new campus; return the admin, signed in."""
    if store.device_id is not None:
        raise Duplicate(
            FieldProblem(
                "database",
                str(store.path),
                "is already set up for a campus",
                "Open it and sign in, or choose a new file for a new campus",
            )
        )
    check = Checker()
    campus_code = check.check(require_code, code, "code")
    english = check.check(require_text, name_en, "name_en", max_len=120)
    urdu = check.check(require_text, name_ur, "name_ur", max_len=120, required=False)
    region_text = check.check(require_text, region, "region", max_len=60, required=False)
    city_text = check.check(require_text, city, "city", max_len=60, required=False)
    username = check.check(validate_username, admin_username)
    display = check.check(require_text, admin_display_name, "display_name", max_len=100)
    if username:
        check.check(check_strength, admin_password, username)
    check.done()

    device_id = new_id()
    campus_id = new_id()
    with store.transaction(SYSTEM, device_id=device_id) as tx:
        tx.set_setting("device_id", device_id)
        tx.set_setting("campus_id", campus_id)
        tx.set_setting("node_kind", "campus")
        campus: dict[str, Any] = tx.insert(
            "campuses",
            {
                "id": campus_id,
                "code": campus_code,
                "name_en": english,
                "name_ur": urdu,
                "region": region_text,
                "city": city_text,
            },
            owner=campus_id,
        )
        tx.insert(
            "devices",
            {"id": device_id, "campus_id": campus_id, "name": device_name, "kind": "hub"},
            owner=campus_id,
        )
        admin = tx.insert(
            "users",
            {
                "campus_id": campus_id,
                "username": username,
                "display_name": display,
                "role": "admin",
                "password_hash": hash_password(admin_password),
                "active": 1,
            },
            owner=campus_id,
        )
        tx.audit(
            "campus.initialise",
            "campuses",
            campus_id,
            {"code": campus["code"], "admin": username, "device": device_id},
        )
    return Actor(admin["id"], display, "admin", campus_id, username)
