"""How sync's state reads on screens: times on this computer's clock, the other side by name,
the last error in a sentence a person can act on.

The sync layer stores plain English (``last_error`` on the link: "unreachable (no connection)").
The messages that are always the same are translated here; the rest (a refusal that names a
device or a date) is shown as the other side wrote it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QGuiApplication

from desktop.ui.i18n import ltr

__all__ = [
    "CLOCK_WARNING_SECONDS",
    "as_sentence",
    "clock_words",
    "grouped_fingerprint",
    "known_error",
    "link_sentence",
    "local_day",
    "local_time",
    "peer_problem",
    "short_status",
    "typed",
]

translate = QCoreApplication.translate
CLOCK_WARNING_SECONDS = 120  # as sync.client.CLOCK_WARNING


class SyncText(QObject):
    """The texts of this module with a count in them (Qt's tools find plural forms only in
    ``self.tr``; the context is this class's name, as for the other texts here)."""

    def waiting_retry(self, count: int) -> str:
        return self.tr("{problem} — %n change(s) waiting, will retry at {time}", "", count)

    def waiting(self, count: int) -> str:
        return self.tr("{problem} — %n change(s) waiting; sync again once it is put right", "",
                       count)  # fmt: skip

    def minutes(self, count: int) -> str:
        return self.tr("%n minute(s)", "", count)

    def hours(self, count: int) -> str:
        return self.tr("%n hour(s)", "", count)


_counted = SyncText()


def _moment(stamp: str | None) -> dt.datetime | None:
    if not stamp:
        return None
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone()


def local_time(stamp: str | None, *, now: dt.datetime | None = None) -> str:
    """A stored UTC time on this computer's clock: ``14:05`` today, else ``2026-11-30 14:05``
    (kept left to right in Urdu)."""
    moment = _moment(stamp)
    if moment is None:
        return ltr(stamp or "")
    today = (now or dt.datetime.now().astimezone()).date()
    shown = moment.strftime("%H:%M" if moment.date() == today else "%Y-%m-%d %H:%M")
    return ltr(shown)


def local_day(stamp: str | None) -> str:
    """The day of a stored UTC time on this computer's clock, ISO-ordered, left to right."""
    moment = _moment(stamp)
    return ltr(moment.date().isoformat() if moment else (stamp or ""))


def typed(text: str) -> str:
    """What a person typed (a reason, a name), kept in its own direction inside a sentence of
    the other direction: Unicode's first-strong isolate in the Urdu interface."""
    if not text or QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return text
    return f"\u2068{text}\u2069"


def as_sentence(text: str) -> str:
    """A message of the sync layer (written to go on after a name) shown on its own."""
    return text[:1].upper() + text[1:]


def known_error(text: str) -> str:
    """A message of the sync layer in the interface language when it is one of the fixed ones;
    otherwise as it came (it names things: a device, a date, an address)."""
    fixed = {
        "unreachable (no connection)":
            translate("SyncText", "unreachable (no connection)"),
        "unreachable (nothing moved for too long)":
            translate("SyncText", "unreachable (nothing moved for too long)"),
        "the sync was cancelled; it continues from here next time":
            translate("SyncText", "the sync was cancelled; it continues from here next time"),
        "this computer has not joined a hub or the registry yet":
            translate("SyncText", "this computer has not joined a hub or the registry yet"),
    }  # fmt: skip
    return fixed.get(text, text)


def peer_problem(link: Mapping[str, Any]) -> str:
    """"Head office unreachable (no connection)": the other side, then what went wrong."""
    error = link.get("last_error") or ""
    shown = known_error(error)
    registry = link.get("peer_kind") == "registry"
    if error.startswith("unreachable"):  # reads on from the name
        text = (translate("SyncText", "Head office {error}") if registry
                else translate("SyncText", "The campus hub {error}"))  # fmt: skip
    else:  # a sentence of its own
        text = (translate("SyncText", "Head office: {error}") if registry
                else translate("SyncText", "The campus hub: {error}"))  # fmt: skip
    return text.format(error=shown)


def link_sentence(link: Mapping[str, Any], waiting: int) -> str:
    """The last error of a link with what it means now: "Head office unreachable (no
    connection) — 214 changes waiting, will retry at 14:30"."""
    problem = peer_problem(link)
    if link.get("next_attempt_at"):
        return _counted.waiting_retry(waiting).format(problem=problem,
                                                      time=local_time(link["next_attempt_at"]))
    return _counted.waiting(waiting).format(problem=problem)


def short_status(link: Mapping[str, Any] | None) -> tuple[str, bool]:
    """One line for a status bar: the last sync, or the error; and whether it is an error."""
    if link is None:
        return "", False
    synced = link.get("last_success_at")
    if link.get("last_error"):
        problem = peer_problem(link)
        if synced:
            text = translate("SyncText", "{problem} — last synced {time}")
            return text.format(problem=problem, time=local_time(synced)), True
        return translate("SyncText", "{problem} — not synced yet").format(problem=problem), True
    if synced:
        return translate("SyncText", "Last synced {time}").format(time=local_time(synced)), False
    return translate("SyncText", "Not synced yet"), False


def clock_words(offset: float | None, peer_kind: str) -> str:
    """A warning when this computer's clock is more than two minutes off the other side's
    ("" when it is not): the dates it writes would be wrong."""
    if offset is None or abs(offset) <= CLOCK_WARNING_SECONDS:
        return ""
    minutes = round(abs(offset) / 60)
    amount = _counted.minutes(minutes) if minutes < 120 else _counted.hours(round(minutes / 60))
    head_office = peer_kind == "registry"
    if offset > 0:
        text = (translate("SyncText", "This computer's clock is {amount} behind head office's: "
                          "set its date and time, or the dates it writes will be wrong.")
                if head_office else
                translate("SyncText", "This computer's clock is {amount} behind the campus "
                          "hub's: set its date and time, or the dates it writes will be "
                          "wrong."))  # fmt: skip
    else:
        text = (translate("SyncText", "This computer's clock is {amount} ahead of head "
                          "office's: set its date and time, or the dates it writes will be "
                          "wrong.")
                if head_office else
                translate("SyncText", "This computer's clock is {amount} ahead of the campus "
                          "hub's: set its date and time, or the dates it writes will be "
                          "wrong."))  # fmt: skip
    return text.format(amount=amount)


def grouped_fingerprint(fingerprint: str) -> str:
    """The first 16 hex digits of a certificate's SHA-256 in groups of four, to read out to
    the person at a lab station: ``8960 F310 6F18 EFF5``."""
    head = fingerprint[:16].upper()
    return ltr(" ".join(head[i : i + 4] for i in range(0, len(head), 4)))
