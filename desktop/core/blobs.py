"""Content-addressed file store for evidence: ``<root>/<aa>/<sha256>``.

Files are streamed in chunks (never read whole), written to a temporary file in the same
directory, fsynced and renamed into place, so a crash leaves either the whole file or nothing.
A file already present is not written again.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

__all__ = ["BlobStore", "StoredBlob", "TooLarge"]

CHUNK = 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")


class TooLarge(Exception):
    """The stream went past the size allowed; nothing was kept."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} bytes")
        self.limit = limit


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    already_present: bool


class BlobStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_stream(
        self, source: BinaryIO, *, durable: bool = True, max_bytes: int | None = None
    ) -> StoredBlob:
        """Copy a stream into the store. ``durable=False`` skips the fsyncs (bulk demo data,
        followed by one :func:`os.sync`). Past ``max_bytes`` it stops and raises
        :class:`TooLarge`; whatever goes wrong, the partial copy is removed."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as temp:
                while chunk := source.read(CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise TooLarge(max_bytes)
                    digest.update(chunk)
                    temp.write(chunk)
                temp.flush()
                if durable:
                    os.fsync(temp.fileno())
            sha256 = digest.hexdigest()
            final = self.path_for(sha256)
            if final.is_file():
                os.unlink(temp_name)
                return StoredBlob(sha256, size, already_present=True)
            final.parent.mkdir(exist_ok=True)
            os.replace(temp_name, final)
            if durable:
                _fsync_dir(final.parent)
            return StoredBlob(sha256, size, already_present=False)
        except BaseException:
            if os.path.exists(temp_name):
                os.unlink(temp_name)
            raise

    def put_bytes(self, data: bytes, *, durable: bool = True) -> StoredBlob:
        import io

        return self.put_stream(io.BytesIO(data), durable=durable)

    def put_file(self, path: str | Path) -> StoredBlob:
        with open(path, "rb") as source:
            return self.put_stream(source)

    def remove_partial_copies(self, older_than_s: float = 3600) -> int:
        """Delete copies left unfinished by a crash or a power cut (``.incoming-*`` files not
        touched for ``older_than_s`` seconds: a copy in progress writes all the time).
        Returns how many were removed."""
        import time

        removed = 0
        if not self.root.is_dir():
            return removed
        cutoff = time.time() - older_than_s
        for partial in self.root.glob(".incoming-*"):
            try:
                if partial.stat().st_mtime < cutoff:
                    partial.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed

    def discard(self, sha256: str) -> None:
        """Remove a stored file nothing refers to (one just written, then refused)."""
        self.path_for(sha256).unlink(missing_ok=True)

    def open(self, sha256: str) -> BinaryIO:
        return open(self.path_for(sha256), "rb")

    def verify(self, sha256: str) -> bool:
        """Re-hash a stored file; ``False`` if it is missing or its content changed."""
        path = self.path_for(sha256)
        if not path.is_file():
            return False
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest() == sha256

    def __iter__(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for entry in sorted(sub.iterdir()):
                    if _SHA256.fullmatch(entry.name):
                        yield entry.name


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
