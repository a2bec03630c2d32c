"""Who may do what. Checked in the core, so no screen, CLI or sync path can skip it."""

from __future__ import annotations

from desktop.core.errors import FieldProblem, PermissionDenied
from desktop.core.store import Actor, Store

__all__ = ["ROLES", "local_campus", "require_role", "require_same_campus"]

ROLES = ("admin", "assessor", "student")


def require_role(actor: Actor, *roles: str, doing: str) -> None:
    """Allow the system actor and the given roles; refuse everyone else, saying who may."""
    if actor.is_system or actor.role in roles:
        return
    allowed = " or ".join(f"an {r}" if r[0] in "aeiou" else f"a {r}" for r in roles)
    raise PermissionDenied(
        FieldProblem(
            "role",
            actor.role,
            f"may not {doing}",
            f"Ask {allowed} to do it, or sign in with such an account",
        )
    )


def require_same_campus(actor: Actor, campus_id: str | None, *, doing: str) -> None:
    """Campus records are written at their own campus only (one writer per record)."""
    if actor.is_system or actor.campus_id is None or actor.campus_id == campus_id:
        return
    raise PermissionDenied(
        FieldProblem(
            "campus",
            campus_id,
            f"belongs to another campus, so this account may not {doing}",
            "Records are changed at the campus that owns them",
        )
    )


def local_campus(store: Store) -> str:
    campus = store.campus_id
    if campus is None:
        raise RuntimeError("this database has no campus: run the first-run set-up")
    return campus
