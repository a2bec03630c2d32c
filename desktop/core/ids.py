"""Identifiers and timestamps that can be made offline on any device."""

from __future__ import annotations

import datetime as dt

import uuid_utils

__all__ = ["new_id", "utc_now", "utc_today"]


def new_id() -> str:
    """A UUIDv7 as text: time-ordered, so inserts stay local in B-tree indexes,
    and random enough that two campuses never collide without talking."""
    return str(uuid_utils.uuid7())


def utc_now() -> str:
    """Now, in UTC, as ISO 8601 with milliseconds and a ``Z``."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
