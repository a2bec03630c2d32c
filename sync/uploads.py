"""Receiving evidence files by the tus 1.0 resumable-upload protocol (https://tus.io).

Evidence files travel apart from records: a campus hub sends them to the head-office registry,
a station to its hub, over links that drop and cost money by the byte. ``upload_routes`` gives
the Starlette routes of a tus 1.0.0 server with the extensions creation, checksum, termination
and expiration, storing into a ``sync.file_store.FileStore``:

- ``OPTIONS {prefix}``: what the server supports (no authentication needed by tus, but the
  ``authenticate`` hook is still asked, like for every request);
- ``POST {prefix}``: create an upload. ``Upload-Metadata`` must carry ``sha256``, the file's
  SHA-256 in hex; the finished file is checked against it. When the server already holds that
  file the answer is still ``201 Created`` with a Location (so a plain tus client such as tuspy
  carries on and simply sends bytes that end up discarded), plus the header
  ``Sanad-Blob-Held: true``: a client that knows it sends nothing and deletes the upload;
- ``HEAD {prefix}/sha256/<hex>``: ``200`` if the server holds that file, ``404`` if not, so a
  client never sends a file the other side already has;
- ``HEAD``/``PATCH``/``DELETE {prefix}/<upload id>``: the tus core and termination.

Every request is first passed, body and all, to ``authenticate(request, body)``, which returns the
requesting device's id or raises ``starlette.exceptions.HTTPException`` (401 or 403 with a
plain-language detail, sent back as the answer). An upload can only be continued, looked at or
deleted by the device that created it. Bodies are bounded (``max_chunk``) because a signature
over the body can only be checked once the whole body is in hand; for the same reason a piece
is kept whole or not at all: a PATCH cut off mid-way stores nothing, and is sent again.

Refusals come with a plain-text body saying what was wrong and what to do; answers to HEAD
cannot have a body, so they carry the same sentence in the header ``Sanad-Problem``. A file whose
whole SHA-256 differs from the declared one is refused with ``422`` and deleted (``460`` is the
tus status for a *piece* whose ``Upload-Checksum`` does not match; that piece is not kept).

An upload expires ``expiry`` after its last piece (active uploads on a slow link do not run out
of time); an expired upload answers ``410 Gone`` until ``FileStore.sweep_expired`` deletes it,
which the server's owner calls from time to time.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import email.utils
import hashlib
import re
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from sync.file_store import FileStore, HashMismatch, OffsetMismatch, UploadInfo, UploadNotFound

__all__ = [
    "DEFAULT_MAX_CHUNK",
    "HELD_HEADER",
    "PROBLEM_HEADER",
    "TUS_VERSION",
    "Authenticate",
    "upload_routes",
]

TUS_VERSION = "1.0.0"
EXTENSIONS = "creation,creation-with-upload,checksum,termination,expiration"
CHECKSUMS: dict[str, Callable[[bytes], Any]] = {
    "sha1": hashlib.sha1,
    "sha256": hashlib.sha256,
    "md5": hashlib.md5,
}
HELD_HEADER = "Sanad-Blob-Held"
PROBLEM_HEADER = "Sanad-Problem"
MAX_CHUNK_HEADER = "Sanad-Max-Chunk"
DEFAULT_MAX_CHUNK = 8 * 1024 * 1024
OFFSET_TYPE = "application/offset+octet-stream"

Authenticate = Callable[[Request, bytes], Awaitable[str]]

_SHA256 = re.compile(r"[0-9a-f]{64}")
_NUMBER = re.compile(r"[0-9]{1,19}")
_METADATA_KEY = re.compile(r"[!-+\--~]+")  # printable ASCII without space or comma


class _Refusal(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def upload_routes(
    files: FileStore,
    *,
    authenticate: Authenticate,
    max_size: int,
    expiry: dt.timedelta,
    prefix: str = "/files",
    max_chunk: int = DEFAULT_MAX_CHUNK,
    clock: Callable[[], dt.datetime] = _now,
) -> list[BaseRoute]:
    """The routes of a tus 1.0 server under ``prefix``. ``max_size`` bounds a whole file,
    ``max_chunk`` one request's body; ``clock`` (aware, UTC) is replaceable for tests."""
    server = _TusServer(files, authenticate, max_size, expiry, prefix.rstrip("/"), max_chunk, clock)
    return [
        Route(f"{server.prefix}/sha256/{{sha256}}", server.blob, methods=["HEAD"]),
        Route(server.prefix, server.creation, methods=["OPTIONS", "POST"]),
        Route(
            f"{server.prefix}/{{upload_id}}",
            server.resource,
            methods=["OPTIONS", "HEAD", "PATCH", "DELETE", "POST"],
        ),
    ]


class _TusServer:
    def __init__(
        self,
        files: FileStore,
        authenticate: Authenticate,
        max_size: int,
        expiry: dt.timedelta,
        prefix: str,
        max_chunk: int,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.files = files
        self.authenticate = authenticate
        self.max_size = max_size
        self.expiry = expiry
        self.prefix = prefix
        self.max_chunk = max_chunk
        self.clock = clock

    # -- endpoints -----------------------------------------------------------------------------

    async def blob(self, request: Request) -> Response:
        return await self._serve(request, {"HEAD": self._held})

    async def creation(self, request: Request) -> Response:
        return await self._serve(request, {"OPTIONS": self._options, "POST": self._create})

    async def resource(self, request: Request) -> Response:
        return await self._serve(
            request,
            {
                "OPTIONS": self._options,
                "HEAD": self._head,
                "PATCH": self._patch,
                "DELETE": self._delete,
            },
        )

    async def _serve(self, request: Request, handlers: dict[str, Any]) -> Response:
        # tus lets a client behind a proxy that only passes GET and POST name the real method.
        method = request.headers.get("x-http-method-override", request.method).upper()
        try:
            handler = handlers.get(method)
            if handler is None:
                raise _Refusal(
                    405,
                    f"{method} is not used at {request.url.path}; the tus "
                    f"methods here are {', '.join(handlers)}",
                    {"Allow": ", ".join(handlers)},
                )
            if method != "OPTIONS":
                _check_version(request)
            body = await self._read_body(request)
            try:
                device = await self.authenticate(request, body)
            except HTTPException as exc:
                raise _Refusal(exc.status_code, exc.detail, dict(exc.headers or {})) from None
            response: Response = await handler(request, device, body)
        except _Refusal as refusal:
            response = _refusal_response(refusal, request.method)
        except ClientDisconnect:
            # The client went away mid-body: nothing was kept, and nobody reads this answer.
            response = Response(status_code=400)
        response.headers["Tus-Resumable"] = TUS_VERSION
        return response

    async def _options(self, _request: Request, _device: str, _body: bytes) -> Response:
        return Response(
            status_code=204,
            headers={
                "Tus-Version": TUS_VERSION,
                "Tus-Extension": EXTENSIONS,
                "Tus-Max-Size": str(self.max_size),
                "Tus-Checksum-Algorithm": ",".join(CHECKSUMS),
            },
        )

    async def _held(self, request: Request, _device: str, _body: bytes) -> Response:
        sha256 = request.path_params["sha256"].lower()
        if not _SHA256.fullmatch(sha256):
            raise _Refusal(404, f"{sha256!r} is not a SHA-256 (64 hex digits)")
        held = await run_in_threadpool(self.files.has, sha256)
        if not held:
            raise _Refusal(404, f"the file with SHA-256 {sha256} is not held here")
        return Response(status_code=200, headers={"Cache-Control": "no-store"})

    async def _create(self, request: Request, device: str, body: bytes) -> Response:
        headers = request.headers
        if "upload-defer-length" in headers:
            raise _Refusal(
                400,
                "this server needs Upload-Length when the upload is created "
                "(it does not offer creation-defer-length)",
            )
        length = _number(headers.get("upload-length"), "Upload-Length")
        if length > self.max_size:
            raise _Refusal(
                413,
                f"the file is {length} bytes, larger than the {self.max_size} "
                f"bytes this server accepts; send a smaller file or ask the "
                f"server's administrator to raise the limit",
                {"Tus-Max-Size": str(self.max_size)},
            )
        if body:  # creation-with-upload: the first piece comes with the POST
            content_type = headers.get("content-type", "")
            if content_type.split(";")[0].strip().lower() != OFFSET_TYPE:
                raise _Refusal(
                    415, f"bytes sent with the POST need Content-Type {OFFSET_TYPE}, not "
                    f"{content_type!r}",
                )  # fmt: skip
            if len(body) > length:
                raise _Refusal(413, f"{len(body)} bytes is more than the Upload-Length of "
                                    f"{length}")  # fmt: skip
            _check_checksum(headers.get("upload-checksum"), body)
        metadata = _parse_metadata(headers.get("upload-metadata", ""))
        sha256 = metadata.get("sha256", "").strip().lower()
        if not _SHA256.fullmatch(sha256):
            got = f"{sha256!r}" if "sha256" in metadata else "nothing"
            raise _Refusal(
                400,
                f"Upload-Metadata must carry the key sha256 with the file's "
                f"SHA-256 as 64 hex digits (base64-encoded, like every tus "
                f"metadata value); it carried {got}",
            )
        held = await run_in_threadpool(self.files.has, sha256)
        now = self.clock()
        info = await run_in_threadpool(
            lambda: self.files.create_upload(
                length=length,
                sha256=sha256,
                device=device,
                metadata=metadata,
                now=now,
                expires=now + self.expiry,
            )
        )
        if body:
            info = await run_in_threadpool(
                lambda: self.files.append(info.upload_id, 0, body, expires=now + self.expiry)
            )
        if info.offset == length:
            info = await self._finish(info)
        location = f"{request.scope.get('root_path', '')}{self.prefix}/{info.upload_id}"
        response = Response(status_code=201, headers={
            "Location": location, "Upload-Offset": str(info.offset), **self._expires(info)})
        if held:
            response.headers[HELD_HEADER] = "true"
        return response

    async def _head(self, request: Request, device: str, _body: bytes) -> Response:
        info = await self._owned(request, device)
        if not info.complete and info.offset == info.length:
            info = await self._finish(info)  # the server stopped between last piece and check
        headers = {
            "Upload-Offset": str(info.offset),
            "Upload-Length": str(info.length),
            "Cache-Control": "no-store",
            **self._expires(info),
        }
        if info.metadata:
            headers["Upload-Metadata"] = _format_metadata(info.metadata)
        return Response(status_code=200, headers=headers)

    async def _patch(self, request: Request, device: str, body: bytes) -> Response:
        content_type = request.headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() != OFFSET_TYPE:
            raise _Refusal(
                415, f"a PATCH must have Content-Type {OFFSET_TYPE}, not {content_type!r}"
            )
        offset = _number(request.headers.get("upload-offset"), "Upload-Offset")
        info = await self._owned(request, device)
        if offset != info.offset:
            raise self._conflict(info.upload_id, info.offset, offset)
        if offset + len(body) > info.length:
            raise _Refusal(
                413,
                f"{len(body)} bytes at byte {offset} would take the upload past "
                f"its length of {info.length} bytes",
            )
        _check_checksum(request.headers.get("upload-checksum"), body)
        if body:
            now = self.clock()
            try:
                info = await run_in_threadpool(
                    lambda: self.files.append(
                        info.upload_id, offset, body, expires=now + self.expiry
                    )
                )
            except OffsetMismatch as exc:  # another request for the same upload came first
                raise self._conflict(info.upload_id, exc.expected, offset) from None
        if not info.complete and info.offset == info.length:
            info = await self._finish(info)
        return Response(
            status_code=204, headers={"Upload-Offset": str(info.offset), **self._expires(info)}
        )

    async def _delete(self, request: Request, device: str, _body: bytes) -> Response:
        info = await self._owned(request, device, expired_too=True)
        with contextlib.suppress(UploadNotFound):  # deleted meanwhile: done all the same
            await run_in_threadpool(self.files.delete_upload, info.upload_id)
        return Response(status_code=204)

    # -- helpers -------------------------------------------------------------------------------

    async def _read_body(self, request: Request) -> bytes:
        declared = request.headers.get("content-length", "")
        if _NUMBER.fullmatch(declared) and int(declared) > self.max_chunk:
            raise self._too_big(int(declared))
        parts, size = [], 0
        async for piece in request.stream():
            size += len(piece)
            if size > self.max_chunk:
                raise self._too_big(size)
            parts.append(piece)
        return b"".join(parts)

    def _too_big(self, size: int) -> _Refusal:
        return _Refusal(
            413,
            f"this request carries {size} bytes or more; one piece may be at "
            f"most {self.max_chunk} bytes, so send the file in smaller pieces",
            {MAX_CHUNK_HEADER: str(self.max_chunk)},
        )

    def _conflict(self, upload_id: str, expected: int, given: int) -> _Refusal:
        return _Refusal(
            409,
            f"upload {upload_id} is at byte {expected}, but this piece starts "
            f"at byte {given}; ask for the offset with HEAD and continue from "
            f"there",
        )

    async def _owned(
        self, request: Request, device: str, *, expired_too: bool = False
    ) -> UploadInfo:
        upload_id = request.path_params["upload_id"]
        try:
            info = await run_in_threadpool(self.files.upload_info, upload_id)
        except UploadNotFound:
            raise _Refusal(
                404,
                f"there is no upload {upload_id} here (it was finished long "
                f"ago, deleted, or never made); start a new upload",
            ) from None
        if info.device != device:
            raise _Refusal(
                403,
                f"upload {upload_id} was started by another device; a device "
                f"may only continue its own uploads, so start a new one",
            )
        if not expired_too and not info.complete and info.expires <= self.clock():
            raise _Refusal(
                410,
                f"upload {upload_id} expired at {_http_date(info.expires)} "
                f"after going unused; start a new upload",
            )
        return info

    async def _finish(self, info: UploadInfo) -> UploadInfo:
        try:
            return await run_in_threadpool(
                lambda: self.files.complete(info.upload_id, expires=self.clock() + self.expiry)
            )
        except HashMismatch as exc:
            raise _Refusal(
                422,
                f"the file's SHA-256 is {exc.actual}, not {exc.declared} as "
                f"declared when the upload was created, so nothing was kept; "
                f"hash the file again and start a new upload",
            ) from None

    def _expires(self, info: UploadInfo) -> dict[str, str]:
        # Upload-Expires is about unfinished uploads; a finished one no longer runs out.
        return {} if info.complete else {"Upload-Expires": _http_date(info.expires)}


def _check_version(request: Request) -> None:
    asked = request.headers.get("tus-resumable")
    if asked != TUS_VERSION:
        said = f"tus {asked!r}" if asked else "no Tus-Resumable header"
        raise _Refusal(
            412,
            f"this server speaks tus {TUS_VERSION}; the request had {said}. Use a tus 1.0 client",
            {"Tus-Version": TUS_VERSION},
        )


def _number(value: str | None, name: str) -> int:
    if value is None:
        raise _Refusal(400, f"the request has no {name} header; it must give a number of bytes")
    if not _NUMBER.fullmatch(value.strip()):
        raise _Refusal(400, f"{name} must be a whole number of bytes, not {value!r}")
    return int(value)


def _parse_metadata(header: str) -> dict[str, str]:
    metadata: dict[str, str] = {}
    if not header.strip():
        return metadata
    for pair in header.split(","):
        key, _, encoded = pair.strip().partition(" ")
        if not _METADATA_KEY.fullmatch(key) or " " in encoded.strip():
            raise _Refusal(
                400,
                f"Upload-Metadata must be 'key base64value' pairs separated by "
                f"commas; {pair.strip()!r} is not one",
            )
        if key in metadata:
            raise _Refusal(400, f"Upload-Metadata gives the key {key!r} twice")
        try:
            metadata[key] = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise _Refusal(
                400, f"the Upload-Metadata value of {key!r} is not base64-encoded UTF-8 text"
            ) from None
    return metadata


def _format_metadata(metadata: dict[str, str]) -> str:
    return ",".join(
        f"{key} {base64.b64encode(value.encode('utf-8')).decode('ascii')}" if value else key
        for key, value in metadata.items()
    )


def _check_checksum(header: str | None, body: bytes) -> None:
    if header is None:
        return
    algorithm, _, encoded = header.strip().partition(" ")
    hasher = CHECKSUMS.get(algorithm.lower())
    if hasher is None:
        raise _Refusal(
            400,
            f"Upload-Checksum uses {algorithm!r}, which this server does not "
            f"know; use one of {', '.join(CHECKSUMS)}",
        )
    try:
        expected = base64.b64decode(encoded.strip(), validate=True)
    except binascii.Error:
        raise _Refusal(
            400, f"Upload-Checksum must be '{algorithm} <base64 digest>'; {encoded!r} is not base64"
        ) from None
    if hasher(body).digest() != expected:
        raise _Refusal(
            460,
            f"the piece's {algorithm} checksum does not match its bytes (they "
            f"were damaged on the way?); nothing was kept, send the piece again",
        )


def _refusal_response(refusal: _Refusal, method: str) -> Response:
    if method == "HEAD":
        # A HEAD answer has no body; the header must be Latin-1, so keep to plain ASCII.
        problem = refusal.message.encode("ascii", "replace").decode("ascii")
        return Response(
            status_code=refusal.status, headers={**refusal.headers, PROBLEM_HEADER: problem}
        )
    return PlainTextResponse(
        refusal.message + "\n", status_code=refusal.status, headers=refusal.headers
    )


def _http_date(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment.astimezone(dt.UTC), usegmt=True)
