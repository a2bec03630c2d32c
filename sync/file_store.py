"""Where a server keeps evidence files, whole and in the middle of an upload.

Whole files are content-addressed (``<root>/blobs/<aa>/<sha256>``, the layout of
``desktop.core.blobs``). An upload in progress is two files under ``<root>/uploads/``: its bytes
(``<id>``) and a small JSON record of it (``<id>.json``: length, offset, metadata, the SHA-256
declared at creation, the device that created it, when it was created and when it expires).

The record is the truth about an upload. A piece is appended to the bytes and synced *before*
the record is replaced (temporary file, sync, rename) with the new offset, so a ``kill -9`` or a
power cut at any moment leaves the bytes at least as long as the record says. When an upload is
opened again its offset is the smaller of the record's offset and the bytes' real length, and any
bytes beyond it are cut off: a piece whose record was never written is sent again, never trusted
half-way. (The bytes are never shorter than the record unless the disk lost synced data; taking
the smaller length keeps the upload sound even then.)

Completing an upload checks the whole file against the SHA-256 declared at creation, then renames
it into the blobs (same filesystem, folder synced). A file that does not match is deleted.

``FileStore`` is the interface the upload server needs, so an S3-compatible object store can take
the place of ``LocalFileStore`` later. ``LocalFileStore`` serialises the work on each upload with a
lock, which is enough for one server process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import secrets
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Protocol

from desktop.core.blobs import BlobStore
from desktop.core.files import fsync_path, write_bytes_atomically

__all__ = [
    "FileStore",
    "HashMismatch",
    "LocalFileStore",
    "OffsetMismatch",
    "UploadInfo",
    "UploadNotFound",
    "sweep_periodically",
]

_UPLOAD_ID = re.compile(r"[0-9a-f]{32}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_HASH_READ = 1024 * 1024


class UploadNotFound(LookupError):
    """No upload by that id (never created, finished and swept, deleted, or expired and swept)."""

    def __init__(self, upload_id: str) -> None:
        super().__init__(f"there is no upload {upload_id!r} here")
        self.upload_id = upload_id


class OffsetMismatch(Exception):
    """A piece did not start where the upload stands; nothing was written."""

    def __init__(self, upload_id: str, expected: int, given: int) -> None:
        super().__init__(f"upload {upload_id} is at byte {expected}, not {given}")
        self.upload_id = upload_id
        self.expected = expected
        self.given = given


class HashMismatch(Exception):
    """The whole file's SHA-256 is not the one declared when the upload began; it was deleted."""

    def __init__(self, upload_id: str, declared: str, actual: str) -> None:
        super().__init__(
            f"the file of upload {upload_id} has SHA-256 {actual}, not {declared} as declared"
        )
        self.upload_id = upload_id
        self.declared = declared
        self.actual = actual


@dataclass(frozen=True)
class UploadInfo:
    upload_id: str
    length: int
    offset: int
    sha256: str
    device: str
    created: dt.datetime
    expires: dt.datetime
    metadata: dict[str, str] = field(default_factory=dict)
    complete: bool = False


class FileStore(Protocol):
    """What the upload server needs from its storage."""

    def has(self, sha256: str) -> bool: ...

    def size(self, sha256: str) -> int: ...

    def open(self, sha256: str) -> BinaryIO: ...

    def create_upload(
        self,
        *,
        length: int,
        sha256: str,
        device: str,
        metadata: Mapping[str, str],
        now: dt.datetime,
        expires: dt.datetime,
    ) -> UploadInfo: ...

    def upload_info(self, upload_id: str) -> UploadInfo: ...

    def append(
        self, upload_id: str, offset: int, data: bytes, *, expires: dt.datetime
    ) -> UploadInfo: ...

    def complete(self, upload_id: str, *, expires: dt.datetime) -> UploadInfo: ...

    def delete_upload(self, upload_id: str) -> None: ...

    def sweep_expired(self, now: dt.datetime) -> list[str]: ...


class LocalFileStore:
    """A ``FileStore`` in a folder of this computer."""

    def __init__(self, root: Path, *, blobs: Path | None = None) -> None:
        """``blobs``: where whole files go, if not ``root/blobs`` (a campus hub puts them
        straight into its own evidence folder, the same layout)."""
        self.root = Path(root)
        self.blobs = BlobStore(Path(blobs) if blobs is not None else self.root / "blobs")
        self.uploads = self.root / "uploads"
        self.uploads.mkdir(parents=True, exist_ok=True)
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    # -- whole files ---------------------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        return self.blobs.has(sha256)

    def size(self, sha256: str) -> int:
        return self.blobs.path_for(sha256).stat().st_size

    def open(self, sha256: str) -> BinaryIO:
        return self.blobs.open(sha256)

    def path(self, sha256: str) -> Path:
        """Where a whole file lies (this store only; not part of ``FileStore``)."""
        return self.blobs.path_for(sha256)

    # -- uploads -------------------------------------------------------------------------------

    def create_upload(
        self,
        *,
        length: int,
        sha256: str,
        device: str,
        metadata: Mapping[str, str],
        now: dt.datetime,
        expires: dt.datetime,
    ) -> UploadInfo:
        if length < 0:
            raise ValueError(f"an upload's length cannot be negative ({length})")
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        info = UploadInfo(
            secrets.token_hex(16), length, 0, sha256, device, now, expires, dict(metadata)
        )
        # The record comes first: bytes without a record could never be found again, while a
        # record without bytes is simply an upload at byte 0.
        self._write_info(info)
        return info

    def upload_info(self, upload_id: str) -> UploadInfo:
        try:
            with self._lock(upload_id):
                return self._load(upload_id)
        except UploadNotFound:
            self._forget_lock(upload_id)  # asking for ids that do not exist must not cost memory
            raise

    def append(
        self, upload_id: str, offset: int, data: bytes, *, expires: dt.datetime
    ) -> UploadInfo:
        """Add ``data`` at ``offset`` (which must be where the upload stands) and sync it."""
        with self._lock(upload_id):
            info = self._load(upload_id)
            if info.complete or offset != info.offset:
                raise OffsetMismatch(upload_id, info.offset, offset)
            if offset + len(data) > info.length:
                raise ValueError(
                    f"{len(data)} bytes at {offset} would take upload {upload_id} "
                    f"past its length of {info.length}"
                )
            with open(self._data(upload_id), "ab") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            info = replace(info, offset=offset + len(data), expires=expires)
            self._write_info(info)
            return info

    def complete(self, upload_id: str, *, expires: dt.datetime) -> UploadInfo:
        """Check the whole file against its declared SHA-256 and move it into the blobs.
        On a mismatch the upload is deleted and ``HashMismatch`` raised. ``expires`` is when
        the finished upload's record may be swept (the file itself stays)."""
        with self._lock(upload_id):
            info = self._load(upload_id)
            if info.complete:
                return info
            if info.offset != info.length:
                raise ValueError(
                    f"upload {upload_id} holds {info.offset} of its "
                    f"{info.length} bytes; it cannot be completed yet"
                )
            data = self._data(upload_id)
            data.touch()  # an empty file never had a piece appended
            actual = _sha256_of(data)
            if actual != info.sha256:
                self._remove(upload_id)
                raise HashMismatch(upload_id, info.sha256, actual)
            if self.blobs.has(info.sha256):
                data.unlink()  # the same bytes arrived by another upload meanwhile
            else:
                self._move_into_blobs(data, self.blobs.path_for(info.sha256))
            info = replace(info, complete=True, expires=expires)
            self._write_info(info)
            return info

    def delete_upload(self, upload_id: str) -> None:
        """Forget an upload and its bytes (a finished file stays in the blobs)."""
        try:
            with self._lock(upload_id):
                self._read_info(upload_id)
                self._remove(upload_id)
        finally:
            self._forget_lock(upload_id)

    def sweep_expired(self, now: dt.datetime) -> list[str]:
        """Delete every upload that expired before ``now``; returns their ids."""
        swept = []
        for record in sorted(self.uploads.glob("*.json")):
            upload_id = record.stem
            if not _UPLOAD_ID.fullmatch(upload_id):
                continue
            with self._lock(upload_id):
                try:
                    expired = self._read_info(upload_id).expires <= now
                except UploadNotFound:
                    continue  # deleted meanwhile
                if expired:
                    self._remove(upload_id)
                    swept.append(upload_id)
        for upload_id in swept:
            self._forget_lock(upload_id)
        return swept

    # -- inside --------------------------------------------------------------------------------

    def _data(self, upload_id: str) -> Path:
        return self.uploads / upload_id

    def _record(self, upload_id: str) -> Path:
        return self.uploads / f"{upload_id}.json"

    def _lock(self, upload_id: str) -> threading.Lock:
        if not _UPLOAD_ID.fullmatch(upload_id):
            raise UploadNotFound(upload_id)
        with self._guard:
            return self._locks.setdefault(upload_id, threading.Lock())

    def _forget_lock(self, upload_id: str) -> None:
        with self._guard:
            self._locks.pop(upload_id, None)

    def _read_info(self, upload_id: str) -> UploadInfo:
        try:
            raw = json.loads(self._record(upload_id).read_bytes())
        except FileNotFoundError:
            raise UploadNotFound(upload_id) from None
        raw["created"] = dt.datetime.fromisoformat(raw["created"])
        raw["expires"] = dt.datetime.fromisoformat(raw["expires"])
        return UploadInfo(**raw)

    def _write_info(self, info: UploadInfo) -> None:
        raw = asdict(info)
        raw["created"] = info.created.isoformat()
        raw["expires"] = info.expires.isoformat()
        text = json.dumps(raw, ensure_ascii=False, indent=1)
        write_bytes_atomically(self._record(info.upload_id), text.encode("utf-8"))

    def _load(self, upload_id: str) -> UploadInfo:
        """The record, with the durability rule applied (see the module's docstring)."""
        info = self._read_info(upload_id)
        if info.complete:
            return info
        data = self._data(upload_id)
        try:
            real = data.stat().st_size
        except FileNotFoundError:
            if info.offset == info.length and self.blobs.has(info.sha256):
                # Stopped between moving the bytes into the blobs and recording it.
                info = replace(info, complete=True)
                self._write_info(info)
                return info
            real = 0
        offset = min(info.offset, real)
        if real > offset:
            # A piece synced whose record never was: cut it off, the client sends it again.
            with open(data, "r+b") as out:
                out.truncate(offset)
                os.fsync(out.fileno())
        return replace(info, offset=offset)

    def _move_into_blobs(self, data: Path, blob: Path) -> None:
        made = [d for d in (blob.parent.parent, blob.parent) if not d.is_dir()]
        blob.parent.mkdir(parents=True, exist_ok=True)
        for folder in made:
            fsync_path(folder.parent)  # a new folder is only there for good once its parent is
        fsync_path(data)
        os.replace(data, blob)
        fsync_path(blob.parent)
        fsync_path(self.uploads)

    def _remove(self, upload_id: str) -> None:
        # The bytes go first: a record without bytes is a sound upload at byte 0, bytes without
        # a record would be litter nobody can find.
        self._data(upload_id).unlink(missing_ok=True)
        self._record(upload_id).unlink(missing_ok=True)
        fsync_path(self.uploads)


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(_HASH_READ):
            digest.update(chunk)
    return digest.hexdigest()


def sweep_periodically(files: FileStore, *, every: float = 3600.0,
                       stop: threading.Event | None = None) -> threading.Thread:  # fmt: skip
    """Remove expired unfinished uploads now and then every ``every`` seconds, on a daemon
    thread, until ``stop`` is set (tus expiration: an abandoned upload does not stay)."""
    stop = stop or threading.Event()
    log = logging.getLogger("sanad.sync")

    def sweep() -> None:
        while True:
            try:
                removed = files.sweep_expired(dt.datetime.now(dt.UTC))
                if removed:
                    log.info(json.dumps({"event": "uploads_expired", "count": len(removed)}))
            except OSError as exc:
                log.error(json.dumps({"event": "uploads_sweep_failed", "error": str(exc)}))
            if stop.wait(every):
                return

    thread = threading.Thread(target=sweep, name="sanad-upload-sweep", daemon=True)
    thread.start()
    return thread
