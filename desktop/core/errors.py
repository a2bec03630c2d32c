"""Domain errors: each says what was wrong, with which value, and what to do.

A :class:`FieldProblem` keeps its texts as templates (``"is shorter than {minimum} characters"``)
with the values apart in ``params``, so a screen can translate the template and fill it in the
person's language; ``str()`` gives the English sentence for logs and the command line. Forms use
:attr:`FieldProblem.field` to mark the input. Templates are literal strings at every call site
(a test enforces it) so the translation tooling can collect them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

__all__ = [
    "FIELD_TITLES",
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
    "phrase",
    "sentence",
]


def phrase(text: str) -> str:
    """Mark a phrase a screen shows in the person's language, such as what someone may not do
    (``phrase("edit learners")``); returns it unchanged. The translation tooling collects every
    marked phrase and every problem template."""
    return text


# What a person calls each field a problem can name. Keys are the names forms and services use;
# a title may use the problem's params ("rubric criterion {criterion}").
FIELD_TITLES: dict[str, str] = {
    "account": "account",
    "certificate": "key certificate",
    "request": "key certificate request",
    "years": "years",
    "registry_url": "registry address",
    "trust_list": "trust list",
    "status_list": "status list",
    "key": "signing key",
    "passphrase": "passphrase",
    "assessors": "assessors",
    "backup": "backup",
    "campus": "campus",
    "capacity": "capacity",
    "cnic": "CNIC",
    "code": "code",
    "cohort": "cohort",
    "competencies": "competencies",
    "credit_awarded": "credit awarded",
    "credit_value": "credit value",
    "members": "members",
    "required_count": "required count",
    "competency": "competency {item}",
    "confirm": "password again",
    "credential": "credential",
    "database": "database",
    "date_of_birth": "date of birth",
    "decision": "decision",
    "delivery_mode": "mode",
    "description_en": "description",
    "description_ur": "Urdu description",
    "destination": "destination",
    "document": "document",
    "email": "email",
    "ends_on": "end date",
    "enrolment": "enrolment",
    "evidence": "evidence",
    "evidence requirement": "evidence requirement {item}",
    "evidence_max_mb": "largest evidence file",
    "evidence_requirements": "evidence requirements",
    "feedback": "feedback",
    "file": "file",
    "full_name": "full name",
    "gender": "gender",
    "guardian_name": "father's or guardian's name",
    "learner": "learner",
    "learner_id": "learner",
    "level": "level",
    "link": "link",
    "micro-credential": "micro-credential",
    "micro_credential": "micro-credential",
    "name": "name",
    "name_en": "English name",
    "name_ur": "Urdu name",
    "new_password": "new password",
    "notional_hours": "learning hours",
    "old_password": "current password",
    "pass rule": "pass rule",
    "password": "password",
    "pathway": "pathway",
    "phone": "phone",
    "programme": "programme",
    "reason": "reason",
    "reflection": "reflection",
    "region": "region",
    "registration_no": "registration number",
    "requirement": "requirement",
    "role": "role",
    "rubric": "rubric",
    "rubric criteria": "rubric criteria",
    "rubric criterion": "rubric criterion {criterion}",
    "rubric level": "rubric level {level}",
    "rubric levels": "rubric levels",
    "score": "score",
    "score for": "score for '{criterion}'",
    "scope": "scope",
    "starts_on": "start date",
    "status": "status",
    "supersedes": "replaced credential",
    "title_en": "English title",
    "title_ur": "Urdu title",
    "track": "track",
    "track_id": "learning track",
    "url": "address",
    "user": "user",
    "username": "user name",
    "valid_months": "validity",
    "zone": "zone",
    # tables, named when a row is missing or may not change
    "campuses": "campus",
    "devices": "device",
    "users": "user account",
    "learners": "learner",
    "tracks": "learning track",
    "micro_credentials": "micro-credential",
    "pathways": "pathway",
    "cohorts": "cohort",
    "cohort_assessors": "cohort assessor",
    "enrolments": "enrolment",
    "enrolment_events": "enrolment history entry",
    "assessment": "marking",
    "assessments": "assessment",
    "attempt": "attempt",
    "issued_credentials": "credential",
    "credential_status_events": "credential status entry",
}


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one input field.

    ``problem`` and ``remedy`` are templates filled from ``params``; ``value`` is what was given.
    """

    field: str
    value: Any
    problem: str
    remedy: str
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)

    @property
    def title(self) -> str:
        """The field as a person calls it, in English."""
        return self._fill(FIELD_TITLES.get(self.field, self.field.replace("_", " ")))

    @property
    def problem_text(self) -> str:
        return self._fill(self.problem)

    @property
    def remedy_text(self) -> str:
        return self._fill(self.remedy)

    def _fill(self, template: str) -> str:
        return template.format_map({key: _shown(value) for key, value in self.params.items()})

    def __str__(self) -> str:
        shown = "(empty)" if self.value in (None, "") else repr(self.value)
        return f"{self.title} {shown}: {self.problem_text}. {self.remedy_text}"


def _shown(value: Any) -> str:
    """A param as English text: ``20,000``; a list as the choices it offers, ``a, b or c``."""
    if isinstance(value, list | tuple):
        words = [_shown(item) for item in value]
        return " or ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)

    def __str__(self) -> str:
        shown = "(empty)" if self.value in (None, "") else repr(self.value)
        return f"{self.title} {shown}: {self.problem_text}. {self.remedy_text}"


def sentence(problem: FieldProblem) -> str:
    """The problem and the remedy as a sentence, for a message beside the field it names."""
    text = problem.problem_text
    return f"{text[:1].upper()}{text[1:]}. {problem.remedy_text}."


class DomainError(Exception):
    """Base of every error a person can act on."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("; ".join(str(p) for p in self.problems))

    @property
    def fields(self) -> list[str]:
        return [p.field for p in self.problems]

    @classmethod
    def single(
        cls, field: str, value: Any, problem: str, remedy: str, **params: Any
    ) -> DomainError:
        return cls(FieldProblem(field, value, problem, remedy, params))


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
