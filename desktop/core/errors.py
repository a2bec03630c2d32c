"""Domain errors: each says what was wrong, with which value, and what to do.

Screens show ``str(error)``; forms use :attr:`FieldProblem.field` to mark the input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "CohortClosed",
    "CohortFull",
    "DomainError",
    "Duplicate",
    "FieldProblem",
    "Immutable",
    "IncompleteAssessment",
    "InvalidInput",
    "InvalidTransition",
    "NotFound",
    "PermissionDenied",
    "SchemaTooNew",
]


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one input field."""

    field: str
    value: Any
    problem: str
    remedy: str

    def __str__(self) -> str:
        shown = "(empty)" if self.value in (None, "") else repr(self.value)
        return f"{self.field} {shown}: {self.problem}. {self.remedy}"


class DomainError(Exception):
    """Base of every error a person can act on."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("; ".join(str(p) for p in self.problems))

    @property
    def fields(self) -> list[str]:
        return [p.field for p in self.problems]

    @classmethod
    def single(cls, field: str, value: Any, problem: str, remedy: str) -> DomainError:
        return cls(FieldProblem(field, value, problem, remedy))


class InvalidInput(DomainError):
    """One or more fields failed validation; nothing was written."""


class Duplicate(DomainError):
    """A value that must be unique is already taken."""


class NotFound(DomainError):
    """A record named by the caller does not exist (or was deleted)."""


class PermissionDenied(DomainError):
    """The signed-in role may not do this."""


class InvalidTransition(DomainError):
    """An enrolment (or other lifecycle) cannot move from its state to the one asked."""


class CohortFull(DomainError):
    """The cohort has reached its capacity."""


class CohortClosed(DomainError):
    """The cohort does not take enrolments any more."""


class IncompleteAssessment(DomainError):
    """An assessment lacks scores for some rubric criteria, or its decision breaks the pass rule."""


class Immutable(DomainError):
    """The record may not change: an issued credential, a published edition, an audit entry."""


class SchemaTooNew(DomainError):
    """The database was written by a newer Sanad than this one."""
