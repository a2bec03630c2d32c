"""The core's refusals in the person's language.

A :class:`~desktop.core.errors.FieldProblem` carries English templates and its values apart. Here
the field title, the problem and the remedy are looked up in Qt's translations (contexts
``Field`` and ``Problem``, collected from the core into ``core_texts.py``) and filled with the
values, each shown the local way: numbers by the locale, states and roles translated (``Term``),
what someone may not do translated (``Phrase``), lists as "a, b or c", names and codes kept as
typed but isolated so right-to-left text does not reorder them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication

from desktop.core.errors import FIELD_TITLES, DomainError, FieldProblem

__all__ = ["error_text", "field_title", "problem_line", "problem_text", "shown_value"]


translate = QCoreApplication.translate


def _tr(context: str, text: str) -> str:
    """Look up a text collected from the core (literal texts call ``translate`` directly, so
    the translation tools find them)."""
    return translate(context, text)


def _isolated(text: str) -> str:
    """Text kept in its own direction inside a right-to-left sentence (a Latin name or code in
    Urdu, an Urdu name among Latin words): Unicode's first-strong isolate."""
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u2068{text}\u2069"


def shown_value(value: Any) -> str:
    """A value filled into a template, as the person reads it."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, dt.date):
        return _isolated(value.isoformat())
    if isinstance(value, list | tuple):
        words = [shown_value(item) for item in value]
        if len(words) < 2:
            return "".join(words)
        separator = translate("Problem", ", ", "between the items of a list")
        return translate("Problem", "{items} or {last}").format(
            items=separator.join(words[:-1]), last=words[-1]
        )
    text = str(value)
    for context in ("Phrase", "Term"):
        translated = _tr(context, text)
        if translated != text:
            return translated
    if text.isidentifier() and text.islower():  # an untranslated state such as in_progress
        return text.replace("_", " ")
    return _isolated(text)


def _fill(template: str, params: Mapping[str, Any]) -> str:
    values = {key: shown_value(value) for key, value in params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):  # a damaged translation: show it unfilled
        return template


def field_title(problem: FieldProblem) -> str:
    title = FIELD_TITLES.get(problem.field, problem.field.replace("_", " "))
    return _fill(_tr("Field", title), problem.params)


def problem_text(problem: FieldProblem) -> str:
    """What a person reads under a field: the problem and the remedy (the field is obvious)."""
    text = _fill(_tr("Problem", problem.problem), problem.params)
    remedy = _fill(_tr("Problem", problem.remedy), problem.params)
    return translate("Problem", "{problem}. {remedy}.").format(
        problem=text[:1].upper() + text[1:], remedy=remedy
    )


def problem_line(problem: FieldProblem) -> str:
    """The whole problem, naming the field and the value, for a message apart from the form."""
    if problem.value in (None, ""):
        value = translate("Problem", "(empty)")
    else:
        value = translate("Problem", "“{value}”").format(value=_isolated(str(problem.value)))
    return translate("Problem", "{field} {value}: {problem}. {remedy}.").format(
        field=field_title(problem),
        value=value,
        problem=_fill(_tr("Problem", problem.problem), problem.params),
        remedy=_fill(_tr("Problem", problem.remedy), problem.params),
    )


def error_text(error: BaseException) -> str:
    """A refusal from the core in the person's language, one line per problem; any other error
    as it describes itself."""
    if isinstance(error, DomainError):
        return "\n".join(problem_line(p) for p in error.problems)
    return str(error) or type(error).__name__
