"""Sending one evidence file to a tus 1.0 server (``sync.uploads``) over a slow, metered link.

Nothing is sent twice that need not be:

1. ``HEAD {base}/sha256/<hex>`` first: a file the other side already holds is not sent at all;
2. an upload begun earlier (its URL is kept in ``resume``, which outlives the process) is
   continued from the offset the server reports; one the server no longer knows (404, 410) is
   forgotten and a new one created;
3. the file goes in pieces of ``chunk_size`` bytes, each with its ``Upload-Checksum`` (SHA-256),
   so a damaged piece is refused and sent again rather than stored.

A dropped connection, a timeout or a 5xx answer is tried again after a pause that doubles each
time (with jitter, so many stations coming back at once do not all retry together), and the
server is asked for its offset before sending on: the offset on the server, never a count kept
here, says where to continue. ``max_retries`` counts failures in a row; a piece that gets
through resets it, so a long upload over a link that drops now and then still finishes.

Time-outs are for a link that has stopped moving: connect, read and write each wait
``stall_timeout`` seconds, and there is no deadline on the whole upload, which on a slow link may
rightly take hours. ``cancel`` is asked between pieces, while a piece is being sent and while
pausing; a cancelled upload is kept on the server and continues next time.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

import httpx

from desktop.core.files import write_bytes_atomically
from sync.uploads import HELD_HEADER, PROBLEM_HEADER, TUS_VERSION

__all__ = [
    "JsonResumeFile",
    "Sign",
    "UploadCancelled",
    "UploadProblem",
    "UploadResult",
    "upload",
]

Sign = Callable[[str, str, bytes], Mapping[str, str]]

OFFSET_TYPE = "application/offset+octet-stream"
MAX_PAUSE = 120.0  # seconds; a pause longer than this only delays the moment the link is back
_SEND_SLICE = 16 * 1024  # how often, in bytes, a piece in flight looks at ``cancel``
_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_SHA256 = re.compile(r"[0-9a-f]{64}")
_METADATA_KEY = re.compile(r"[!-+\--~]+")


class UploadProblem(Exception):
    """The file could not be sent; the message says why and what to do."""


class UploadCancelled(Exception):
    """``cancel`` asked to stop; what was sent is kept on the server and continues next time."""


@dataclass(frozen=True)
class UploadResult:
    sha256: str
    size: int
    already_held: bool  # the other side had the file: nothing was sent
    sent_bytes: int  # bytes of the file this call put on the wire (a piece sent again counts again)
    resumed_at: int  # the offset this call started sending from (0 for a fresh upload)
    url: str | None  # the upload's URL on the server (None when nothing was uploaded)


class _Transient(Exception):
    """A failure worth another try after a pause."""


def upload(
    client: httpx.Client,
    base_url: str,
    path: Path,
    sha256: str,
    *,
    resume: MutableMapping[str, str],
    sign: Sign | None = None,
    chunk_size: int = 256 * 1024,
    metadata: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    stall_timeout: float = 60.0,
    max_retries: int = 8,
    backoff: float = 1.0,
    peer: str = "the registry",
    known_missing: bool = False,
) -> UploadResult:
    """Send ``path`` (whose SHA-256 is ``sha256``) to the tus server whose creation URL is
    ``base_url`` (e.g. ``https://registry.example/files``).

    ``resume`` maps SHA-256s to upload URLs and must outlive the process (``JsonResumeFile``).
    ``sign(method, url, body)`` returns headers to add to each request (its signature).
    ``progress(sent, total)`` hears the bytes the server has confirmed. ``backoff`` is the first
    pause in seconds after a failure; ``peer`` names the other side in messages.
    ``known_missing``: the other side has just said it wants this file (sync asks for the
    whole list at once), so the first ``HEAD`` is skipped: on a link with a long round trip,
    each request saved matters for a campus's many small files.
    Raises ``UploadProblem`` (refused, or the link stayed down) or ``UploadCancelled``."""
    sha256 = sha256.strip().lower()
    if not _SHA256.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1 byte, not {chunk_size}")
    extra = dict(metadata or {})
    for key in extra:
        if not _METADATA_KEY.fullmatch(key) or key == "sha256":
            raise ValueError(
                f"{key!r} cannot be an upload metadata key (tus keys are ASCII without spaces "
                f"or commas, and sha256 is set from the sha256 argument)"
            )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UploadProblem(f"cannot read {path}: {exc.strerror}") from None
    job = _Upload(
        client=client,
        base_url=base_url.rstrip("/"),
        path=path,
        sha256=sha256,
        size=size,
        resume=resume,
        sign=sign,
        chunk_size=chunk_size,
        metadata=extra,
        progress=progress,
        cancel=cancel,
        timeout=httpx.Timeout(stall_timeout),  # each of connect, read, write: no total deadline
        max_retries=max_retries,
        backoff=backoff,
        peer=peer,
        checked_held=known_missing,
    )
    if known_missing:
        job.url = job._remembered()
    return job.run()


@dataclass
class _Upload:
    client: httpx.Client
    base_url: str
    path: Path
    sha256: str
    size: int
    resume: MutableMapping[str, str]
    sign: Sign | None
    chunk_size: int
    metadata: dict[str, str]
    progress: Callable[[int, int], None] | None
    cancel: Callable[[], bool] | None
    timeout: httpx.Timeout
    max_retries: int
    backoff: float
    peer: str
    url: str | None = None  # the upload on the server, once known
    checked_held: bool = False
    failures: int = 0  # in a row
    sent: int = 0
    resumed_at: int | None = None
    created_offset: int = 0

    def run(self) -> UploadResult:
        while True:
            self._check_cancel()
            try:
                return self._attempt()
            except _Transient as exc:
                self.failures += 1
                if self.failures > self.max_retries:
                    raise UploadProblem(
                        f"could not send {self.path.name} to {self.peer}: {exc} (tried "
                        f"{self.failures} times in a row). What was sent is kept; try again "
                        f"when the link is back"
                    ) from None
                self._pause()

    def _attempt(self) -> UploadResult:
        if not self.checked_held:
            if self._held():
                self._forget()
                return self._result(already_held=True)
            self.checked_held = True
            self.url = self._remembered()
        offset = None
        if self.url is not None:
            offset = self._offset(self.url)
        confirmed: int | None = None
        if offset is None:
            self.url = self._create()
            if self.url is None:
                return self._result(already_held=True)
            if self.resumed_at is None:
                self.resumed_at = 0
            offset = self.created_offset
            if offset:
                confirmed = offset
                self.sent += offset
        if self.resumed_at is None:
            self.resumed_at = offset
        self._report(offset)
        while offset < self.size:
            self._check_cancel()
            offset = confirmed = self._send_piece(self.url, offset)
            self.failures = 0
            self._report(offset)
        if confirmed is None:  # nothing was sent in this attempt: ask what the server holds
            confirmed = self._offset(self.url)
        if confirmed is None:
            raise _Transient("the upload vanished on the server before it was confirmed")
        if confirmed < self.size:
            raise _Transient(f"the server holds only {confirmed} of the {self.size} bytes")
        self._forget()
        return self._result(already_held=False)

    # -- the requests --------------------------------------------------------------------------

    def _held(self) -> bool:
        response = self._request("HEAD", f"{self.base_url}/sha256/{self.sha256}")
        if response.status_code == 200:
            return True
        if response.status_code == 404:
            return False
        raise self._failure(response)

    def _remembered(self) -> str | None:
        url = self.resume.get(self.sha256)
        # A URL kept for another server (the same file sent elsewhere) is no use here.
        return url if url and url.startswith(f"{self.base_url}/") else None

    def _offset(self, url: str) -> int | None:
        """Where the upload stands on the server; ``None`` if it is gone (forgotten here too)."""
        response = self._request("HEAD", url)
        if response.status_code in (200, 204):
            try:
                offset = int(response.headers["upload-offset"])
                length = int(response.headers["upload-length"])
            except (KeyError, ValueError):
                raise _Transient(
                    f"the server's answer about {url} had no usable Upload-Offset and Upload-Length"
                ) from None
            if length == self.size and 0 <= offset <= length:
                return offset
            # Begun for a file of another size: the file changed since, so start afresh.
        elif response.status_code not in (403, 404, 410):
            raise self._failure(response)
        self._forget()
        return None

    def _create(self) -> str | None:
        """A new upload's URL, or ``None`` if the server turns out to hold the file already.
        A file of one piece goes with the POST itself (tus creation-with-upload): one request
        instead of two, which is what a campus's many small files cost on a long round trip."""
        metadata = {"sha256": self.sha256, "filename": self.path.name, **self.metadata}
        headers = {
            "Upload-Length": str(self.size),
            "Upload-Metadata": ",".join(
                f"{key} {base64.b64encode(value.encode('utf-8')).decode('ascii')}"
                for key, value in metadata.items()
            ),
        }
        body = b""
        if 0 < self.size <= self.chunk_size and self.checked_held:
            body = self.path.read_bytes()[: self.size]
            headers["Content-Type"] = OFFSET_TYPE
            headers["Upload-Checksum"] = "sha256 " + base64.b64encode(
                hashlib.sha256(body).digest()).decode("ascii")  # fmt: skip
        response = self._request("POST", self.base_url, headers=headers, body=body)
        self.created_offset = 0
        if body and response.status_code == 201:
            with contextlib.suppress(KeyError, ValueError):
                self.created_offset = int(response.headers["upload-offset"])
        if response.status_code != 201:
            raise self._failure(response)
        location = response.headers.get("location")
        if not location:
            raise UploadProblem(
                f"{self.peer} created an upload for {self.path.name} but did "
                f"not say where (no Location header); it is not a tus server"
            )
        url = str(httpx.URL(self.base_url).join(location))
        if response.headers.get(HELD_HEADER, "").lower() == "true":
            # Held after all (it arrived from elsewhere since we asked): tidy up, send nothing.
            with contextlib.suppress(_Transient):  # if not, it expires on the server by itself
                self._request("DELETE", url)
            return None
        self.resume[self.sha256] = url
        return url

    def _send_piece(self, url: str, offset: int) -> int:
        with open(self.path, "rb") as source:
            source.seek(offset)
            piece = source.read(min(self.chunk_size, self.size - offset))
        if not piece:
            raise UploadProblem(
                f"{self.path} became shorter while it was being sent; "
                f"send it again once it is no longer being changed"
            )
        checksum = base64.b64encode(hashlib.sha256(piece).digest()).decode("ascii")
        headers = {
            "Upload-Offset": str(offset),
            "Content-Type": OFFSET_TYPE,
            "Content-Length": str(len(piece)),
            "Upload-Checksum": f"sha256 {checksum}",
        }
        response = self._request(
            "PATCH", url, headers=headers, body=piece, stream=self._slices(piece)
        )
        if response.status_code == 204:
            try:
                reached = int(response.headers["upload-offset"])
            except (KeyError, ValueError):
                raise _Transient(
                    "the server accepted a piece without saying where the upload now stands"
                ) from None
            if reached != offset + len(piece):
                raise _Transient(
                    f"the server stands at byte {reached} after a piece ending "
                    f"at byte {offset + len(piece)}"
                )
            return reached
        if response.status_code == 409:
            raise _Transient("the server's upload stood elsewhere than expected")
        if response.status_code == 460:
            raise _Transient("a piece was damaged on the way and refused")
        if response.status_code in (404, 410):
            self._forget()
            self.url = None
            raise _Transient("the server no longer had the upload; it starts again")
        raise self._failure(response)

    def _slices(self, piece: bytes) -> Iterator[bytes]:
        for start in range(0, len(piece), _SEND_SLICE):
            self._check_cancel()
            chunk = piece[start : start + _SEND_SLICE]
            self.sent += len(chunk)
            yield chunk

    def _request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
        stream: Iterator[bytes] | None = None,
    ) -> httpx.Response:
        signed = dict(self.sign(method, url, body)) if self.sign else {}
        try:
            return self.client.request(
                method,
                url,
                headers={"Tus-Resumable": TUS_VERSION, **(headers or {}), **signed},
                content=body if stream is None else stream,
                timeout=self.timeout,
            )
        except httpx.TransportError as exc:
            raise _Transient(_describe(exc)) from None

    # -- outcomes ------------------------------------------------------------------------------

    def _failure(self, response: httpx.Response) -> Exception:
        """The exception for an answer that is not the one hoped for."""
        status = response.status_code
        if status in _RETRY_STATUSES:
            return _Transient(f"{self.peer} answered {status} {response.reason_phrase}")
        detail = (
            response.text.strip()
            or response.headers.get(PROBLEM_HEADER, "")
            or response.reason_phrase
        )
        name = self.path.name
        if status == 401:
            return UploadProblem(
                f"{self.peer} did not recognise this device while it sent "
                f"{name}: {detail}. Check that this device is registered with "
                f"{self.peer}"
            )
        if status == 413 and "tus-max-size" in response.headers:
            self._forget()
            limit = int(response.headers["tus-max-size"])
            return UploadProblem(
                f"{self.peer} refused the file {name}: it is "
                f"{_megabytes(self.size)}, larger than the "
                f"{_megabytes(limit)} it accepts"
            )
        if status == 413:
            return UploadProblem(
                f"{self.peer} refused a piece of {name}: {detail}. Send it "
                f"with a smaller chunk_size than {self.chunk_size} bytes"
            )
        if status == 422:
            self._forget()
            return UploadProblem(
                f"{self.peer} refused the file {name}: its contents do not "
                f"match the SHA-256 it was sent under ({self.sha256}). The "
                f"file may have changed since it was hashed; hash it again "
                f"and send it again"
            )
        return UploadProblem(f"{self.peer} refused the file {name} ({status}): {detail}")

    def _result(self, *, already_held: bool) -> UploadResult:
        if already_held:
            self._report(self.size)
        return UploadResult(
            self.sha256,
            self.size,
            already_held,
            self.sent,
            self.resumed_at or 0,
            None if already_held else self.url,
        )

    def _forget(self) -> None:
        self.resume.pop(self.sha256, None)

    def _report(self, offset: int) -> None:
        if self.progress is not None:
            self.progress(offset, self.size)

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise UploadCancelled(
                f"sending {self.path.name} was cancelled; what was sent is "
                f"kept and the next try continues from there"
            )

    def _pause(self) -> None:
        delay = min(self.backoff * 2 ** (self.failures - 1), MAX_PAUSE)
        deadline = time.monotonic() + delay * random.uniform(0.5, 1.0)
        while (left := deadline - time.monotonic()) > 0:
            self._check_cancel()
            time.sleep(min(left, 0.25))


def _describe(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "the link stopped moving (timed out)"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect ({exc})"
    return f"the connection broke ({exc or type(exc).__name__})"


def _megabytes(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.3g} MB"
    if size >= 1000:
        return f"{size / 1000:.3g} kB"
    return f"{size} bytes"


class JsonResumeFile(MutableMapping[str, str]):
    """``sha256 → upload URL`` kept in a JSON file, rewritten whole and durably on each change
    (temporary file, sync, rename), so a crash never leaves half a file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            loaded = {}
        except (OSError, ValueError):
            # Only ever a lost head start: the uploads it named start again from byte 0.
            loaded = {}
        self._urls: dict[str, str] = (
            {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
        )

    def __getitem__(self, sha256: str) -> str:
        return self._urls[sha256]

    def __setitem__(self, sha256: str, url: str) -> None:
        with self._lock:
            self._urls[sha256] = url
            self._save()

    def __delitem__(self, sha256: str) -> None:
        with self._lock:
            del self._urls[sha256]
            self._save()

    def __iter__(self) -> Iterator[str]:
        return iter(dict(self._urls))

    def __len__(self) -> int:
        return len(self._urls)

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self._urls, indent=1, sort_keys=True)
        write_bytes_atomically(self.path, text.encode("utf-8"))
