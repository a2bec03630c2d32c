"""Field validators shared by every service.

Each validator returns the normalised value or raises :class:`InvalidInput` naming the field,
the value and what to do. ``Checker`` collects several problems so a form can mark them all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from desktop.core.errors import FieldProblem, InvalidInput

__all__ = [
    "GENDERS",
    "Checker",
    "format_cnic",
    "format_phone",
    "normalise_cnic",
    "normalise_email",
    "normalise_phone",
    "parse_date",
    "require_choice",
    "require_code",
    "require_int",
    "require_text",
]

T = TypeVar("T")

GENDERS = ("female", "male", "other")

_CNIC_DIGITS = re.compile(r"\d{13}")
_CNIC_DASHED = re.compile(r"\d{5}-\d{7}-\d")
_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,31}")


def _invalid(field: str, value: Any, problem: str, remedy: str, **params: Any) -> InvalidInput:
    return InvalidInput(FieldProblem(field, value, problem, remedy, params))


def normalise_cnic(value: str, field: str = "cnic") -> str:
    """Return the 13 CNIC digits; accept ``12345-1234567-1`` or 13 bare digits.

    Spaces are tolerated (people copy from cards), other separators are not: a
    mistyped dash usually means a mistyped digit too.
    """
    text = (value or "").strip().replace(" ", "")
    if _CNIC_DASHED.fullmatch(text):
        digits = text.replace("-", "")
    elif _CNIC_DIGITS.fullmatch(text):
        digits = text
    else:
        count = sum(ch.isdigit() for ch in text)
        raise _invalid(
            field,
            value,
            "a CNIC has 13 digits written as 12345-1234567-1, this has {count}",
            "Type the number exactly as it is printed on the card",
            count=count,
        )
    if digits[0] == "0":
        raise _invalid(
            field, value, "no CNIC starts with 0", "Check the first digit against the card"
        )
    return digits


def format_cnic(digits: str) -> str:
    """``3520212345671`` → ``35202-1234567-1``."""
    return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"


def cnic_gender_conflict(digits: str, gender: str | None) -> FieldProblem | None:
    """NADRA gives men an odd last digit and women an even one; say so if they disagree."""
    if gender not in ("female", "male"):
        return None
    odd = int(digits[-1]) % 2 == 1
    if odd and gender == "female":
        return FieldProblem(
            "cnic",
            format_cnic(digits),
            "ends in an odd digit, which NADRA gives to men, but the gender is female",
            "Check the CNIC and the gender",
        )
    if not odd and gender == "male":
        return FieldProblem(
            "cnic",
            format_cnic(digits),
            "ends in an even digit, which NADRA gives to women, but the gender is male",
            "Check the CNIC and the gender",
        )
    return None


def normalise_phone(value: str, field: str = "phone") -> str:
    """Return a Pakistani phone number in E.164 (``+923001234567``).

    Accepts ``0300-1234567``, ``0300 1234567``, ``+92 300 1234567``, ``0092…``, ``92300…``
    and landlines with their area code (``051-1234567``).
    """
    import phonenumbers  # deferred: a large import that start-up does not need

    text = (value or "").strip()
    candidate = text
    digits = re.sub(r"\D", "", text)
    if text.startswith("00"):
        candidate = "+" + digits[2:]
    elif digits.startswith("92") and not text.startswith("0") and len(digits) >= 11:
        candidate = "+" + digits
    try:
        number = phonenumbers.parse(candidate, "PK")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or number.country_code != 92 or not phonenumbers.is_valid_number(number):
        raise _invalid(
            field,
            value,
            "is not a Pakistani phone number",
            "Write a mobile as 0300-1234567 or +92 300 1234567, a landline with its area code",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """``+923001234567`` → ``0300 1234567``, the way it is written in Pakistan."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, "PK")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def normalise_email(value: str, field: str = "email") -> str:
    """Return the address with its domain lower-cased; no network look-up."""
    from email_validator import EmailNotValidError, validate_email  # deferred, as above

    try:
        result = validate_email((value or "").strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise _invalid(
            field, value, "is not an email address", "Write it as name@example.edu.pk"
        ) from exc
    return result.normalized


def parse_date(value: str | dt.date, field: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat((value or "").strip())
    except ValueError:
        raise _invalid(
            field, value, "is not a date", "Write it as YYYY-MM-DD, e.g. 2026-03-14"
        ) from None


def require_text(
    value: Any, field: str, *, max_len: int = 200, required: bool = True
) -> str | None:
    text = ("" if value is None else str(value)).strip()
    text = " ".join(text.split())
    if not text:
        if required:
            raise _invalid(field, value, "is required", "Fill it in")
        return None
    if len(text) > max_len:
        raise _invalid(
            field,
            value[:40] + "…",
            "is {length} characters long",
            "Keep it to {max_len}",
            length=len(text),
            max_len=max_len,
        )
    return text


def require_code(value: Any, field: str = "code") -> str:
    text = (value or "").strip().upper()
    if not _CODE.fullmatch(text):
        raise _invalid(
            field,
            value,
            "must be 1–32 capital letters, digits or dashes",
            "Use something short such as DA-101",
        )
    return text


def require_int(value: Any, field: str, *, minimum: int = 0, maximum: int | None = None) -> int:
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except (TypeError, ValueError):
        raise _invalid(field, value, "is not a whole number", "Type digits only") from None
    if isinstance(number, bool) or number < minimum or (maximum is not None and number > maximum):
        if maximum is None:
            raise _invalid(
                field,
                value,
                "is out of range",
                "Use a number of at least {minimum}",
                minimum=minimum,
            )
        raise _invalid(
            field,
            value,
            "is out of range",
            "Use a number between {minimum} and {maximum}",
            minimum=minimum,
            maximum=maximum,
        )
    return number


def require_choice(value: Any, field: str, choices: Iterable[str]) -> str:
    options = tuple(choices)
    text = (value or "").strip().lower() if isinstance(value, str) else value
    if text not in options:
        raise _invalid(
            field, value, "is not one of the allowed values", "Choose {options}", options=options
        )
    return text


class Checker:
    """Runs several validators and raises one :class:`InvalidInput` listing every problem."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def check(self, validate: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return validate(*args, **kwargs)
        except InvalidInput as exc:
            self.problems.extend(exc.problems)
            return None

    def add(self, field: str, value: Any, problem: str, remedy: str, **params: Any) -> None:
        self.problems.append(FieldProblem(field, value, problem, remedy, params))

    def done(self) -> None:
        if self.problems:
            raise InvalidInput(list(self.problems))
