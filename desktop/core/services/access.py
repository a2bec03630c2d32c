"""Who may do what. Checked in the core, so no screen, CLI or sync path can skip it."""

from __future__ import annotations

from desktop.core.errors import FieldProblem, PermissionDenied
from desktop.core.store import Actor, Store

__all__ = ["ROLES", "local_campus", "require_role", "require_same_campus"]

ROLES = ("admin", "assessor", "student")


def require_role(actor: Actor, *roles: str, doing: str) -> None:
    """Allow the system actor and the given roles; refuse everyone else, saying who may.

    ``doing`` names what was refused; mark it with :func:`~desktop.core.errors.phrase`."""
    if actor.is_system or actor.role in roles:
        return
    if roles == ("admin",):
        problem = FieldProblem(
            "role",
            actor.role,
            "may not {doing}",
            "Ask an admin to do it, or sign in with such an account",
            {"doing": doing},
        )
    else:
        problem = FieldProblem(
            "role",
            actor.role,
            "may not {doing}",
            "Ask someone whose role is {roles} to do it, or sign in with such an account",
            {"doing": doing, "roles": list(roles)},
        )
    raise PermissionDenied(problem)


def require_same_campus(actor: Actor, campus_id: str | None, *, doing: str) -> None:
    """Campus records are written at their own campus only (one writer per record)."""
    if actor.is_system or actor.campus_id is None or actor.campus_id == campus_id:
        return
    raise PermissionDenied(
        FieldProblem(
            "campus",
            campus_id,
            "belongs to another campus, so this account may not {doing}",
            "Records are changed at the campus that owns them",
            {"doing": doing},
        )
    )


def local_campus(store: Store) -> str:
    campus = store.campus_id
    if campus is None:
        raise RuntimeError("this database has no campus: run the first-run set-up")
    return campus
