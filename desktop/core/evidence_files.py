"""What an evidence file is, judged by its content rather than its name, and how large it may be.

A learner's file is accepted if its first bytes show a document, image, text, archive, audio or
video format that assessors can open; a program is refused whatever its name says (an ``.exe``
renamed ``.pdf`` is still a program), and so is a binary format nobody recognises. Detection is
by signature (the ``filetype`` library); files without one are accepted as text when they
decode as UTF-8 or UTF-16 and hold no NUL bytes.
"""

from __future__ import annotations

import codecs
import sqlite3
from pathlib import PurePath

import filetype

__all__ = [
    "DEFAULT_MAX_MB",
    "SNIFF_BYTES",
    "judge_content",
    "max_evidence_bytes",
]

DEFAULT_MAX_MB = 200
# Enough for every signature filetype knows (the longest it reads is 8 KiB).
SNIFF_BYTES = 8192

PROGRAMS = {
    "application/x-msdownload",
    "application/x-executable",
    "application/x-mach-binary",
    "application/x-sharedlib",
    "application/vnd.microsoft.portable-executable",
    "application/x-dex",
    "application/vnd.android.package-archive",
}
ACCEPTED_PREFIXES = ("image/", "audio/", "video/", "application/vnd.openxmlformats-officedocument.",
                     "application/vnd.oasis.opendocument.", "application/vnd.ms-")  # fmt: skip
ACCEPTED = {
    "application/pdf",
    "application/zip",
    "application/x-7z-compressed",
    "application/x-rar-compressed",
    "application/gzip",
    "application/msword",
    "application/rtf",
    "application/epub+zip",
}
# Text formats named by their extension (text has no signature).
TEXT_TYPES = {
    ".csv": "text/csv",
    ".md": "text/markdown",
    ".json": "application/json",
    ".ipynb": "application/x-ipynb+json",
    ".html": "text/html",
    ".py": "text/x-python",
    ".r": "text/x-r",
    ".sql": "application/sql",
}


def judge_content(head: bytes, name: str) -> tuple[str | None, str | None]:
    """What a file starting with ``head`` is: ``(media type, None)`` when it is accepted,
    ``(what was found, why not)`` when refused, the reason one of ``"program"``,
    ``"unopenable"`` (a known format assessors cannot open) or ``"unknown"``."""
    kind = filetype.guess(head)
    if kind is not None:
        if kind.mime in PROGRAMS:
            return kind.extension, "program"
        if kind.mime in ACCEPTED or kind.mime.startswith(ACCEPTED_PREFIXES):
            return kind.mime, None
        return kind.extension, "unopenable"
    if _looks_like_text(head):
        suffix = PurePath(name).suffix.lower()
        return TEXT_TYPES.get(suffix, "text/plain"), None
    return None, "unknown"


def _looks_like_text(head: bytes) -> bool:
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return _decodes(head[len(bom) :], encoding)
    return b"\x00" not in head and _decodes(head, "utf-8")


def _decodes(data: bytes, encoding: str) -> bool:
    # The head may end inside a character: an incremental decoder does not mind.
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def max_evidence_bytes(conn: sqlite3.Connection) -> int:
    """The largest evidence file this campus takes (setting ``evidence_max_mb``, else 200 MB)."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'evidence_max_mb'").fetchone()
    try:
        megabytes = int(row[0]) if row else DEFAULT_MAX_MB
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return max(megabytes, 1) * 1000 * 1000
