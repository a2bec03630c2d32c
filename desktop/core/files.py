"""Writing a file so that it is either whole or not there at all.

A file is written under a temporary name beside its destination, flushed to the disk, and only
then renamed over the destination; the folder is synced so the rename itself survives a power
cut. A failure or a cancel removes the temporary file and leaves any earlier file as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["fsync_path", "replace_durably", "write_bytes_atomically", "write_text_atomically"]


def fsync_path(path: str | Path) -> None:
    """Flush a file, or a folder's entries, to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_durably(temp: str | Path, destination: str | Path) -> Path:
    """Sync ``temp``, rename it to ``destination`` and sync the folder; returns the destination."""
    dest = Path(destination)
    fsync_path(temp)
    os.replace(temp, dest)
    fsync_path(dest.parent)
    return dest


@contextmanager
def write_text_atomically(
    destination: str | Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[TextIO]:
    """Open a text file for writing that appears at ``destination`` only when the block ends
    without an exception."""
    dest = Path(destination)
    temp = dest.with_name(f".{dest.name}.partial")
    try:
        with open(temp, "w", encoding=encoding, newline=newline) as out:
            yield out
        replace_durably(temp, dest)
    finally:
        temp.unlink(missing_ok=True)


def write_bytes_atomically(destination: str | Path, data: bytes) -> Path:
    """Write ``data`` so that ``destination`` holds all of it or is left as it was."""
    dest = Path(destination)
    temp = dest.with_name(f".{dest.name}.partial")
    try:
        temp.write_bytes(data)
        return replace_durably(temp, dest)
    finally:
        temp.unlink(missing_ok=True)
