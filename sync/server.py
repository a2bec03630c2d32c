"""The sync server: one Starlette app for head office's registry and for a campus hub.

Routes (all under ``/sync/v1`` but ``/health``)::

    GET  /health           no signature: is the node up, which protocol it speaks
    POST /sync/v1/join     a new device joins with a one-time code (signed by its new key)
    GET  /sync/v1/hello    who the node is, its time (the client corrects its clock) and vector
    POST /sync/v1/push     a compressed batch of changes (sync.wire) → what was applied, refused
    POST /sync/v1/pull     {after, limit, held} → a compressed batch, Sanad-Next, Sanad-More
    POST /sync/v1/documents trust list and status lists, both ways, by hash
    POST /sync/v1/files    which of the offered evidence files the node wants (by policy),
                           and which it asked for by name (QA samples)
    /files/…               tus 1.0 uploads of evidence files (sync.uploads)

Every request but ``/health`` is signed by its device (``sync.identity``); an unknown device,
a revoked one, a bad signature or another protocol version is refused with a JSON body
``{"error": code, "message": plain words}`` that the client shows as it is. Each request is
logged as one JSON line (``sanad.sync`` logger): method, path, device, status, bytes, time.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from sync.identity import (
    HEADER_DEVICE,
    HEADER_PROTOCOL,
    PROTOCOL,
    SignatureProblem,
    verify_request,
)
from sync.node import Document, JoinRefused, JoinRequest, PeerDevice, SyncNode
from sync.wire import MEDIA_TYPE, BatchProblem, decode_batch, encode_batch

__all__ = ["SyncRefusal", "join_proof", "make_app", "response_signing_string"]

log = logging.getLogger("sanad.sync")
MAX_BODY = 64 * 1024 * 1024
MAX_PULL = 5000
HEADER_RESPONSE_SIGNATURE = "sanad-response-signature"
PEER_CACHE_SECONDS = 5.0
SEEN_EVERY_SECONDS = 30.0


class SyncRefusal(HTTPException):
    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(status, message)
        self.error = error


def join_proof(code: str, fingerprint: str, node_public_key: str) -> str:
    """What a hub serving HTTPS proves at joining: that the certificate the station sees is the
    one of the hub that gave out the code (a keyed hash of the certificate's fingerprint and the
    hub's key, with the one-time code as the key). The station pins that certificate."""
    from sync.node import normalise_code

    message = f"{fingerprint}\n{node_public_key}".encode("ascii")
    return hmac.new(normalise_code(code).encode("ascii"), message, hashlib.sha256).hexdigest()


def response_signing_string(body: bytes, *extra: str) -> bytes:
    return "\n".join((hashlib.sha256(body).hexdigest(), *extra)).encode("ascii")


def server_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _time_text(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _target(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def make_app(
    node: SyncNode,
    *,
    tls_fingerprint: str | None = None,
    upload_routes: Callable[
        [Callable[[Request, bytes], Awaitable[str]]], list[BaseRoute]
    ] | None = None,
    clock: Callable[[], dt.datetime] = server_clock,
    extra_routes: list[BaseRoute] | None = None,
    page_error: Callable[[Request, HTTPException], Awaitable[Response] | Response] | None = None,
    wrap: Callable[[Any], Any] | None = None,
) -> Starlette:
    """The ASGI app serving ``node``. ``upload_routes`` builds the evidence upload routes from
    the authentication hook (so the registry and a hub store files where each keeps them).
    ``clock`` is the server's time: what hello tells clients, and what request times are
    checked against. ``extra_routes`` are served beside sync (the registry's web pages);
    ``page_error`` answers their errors (the sync routes' errors stay JSON); ``wrap`` adds
    middleware around the app (inside the request log)."""

    # A sync of many small files is many requests: the device's record is read once a few
    # seconds (a revocation takes effect within PEER_CACHE_SECONDS), and its last contact
    # written at each hello and otherwise at most every SEEN_EVERY_SECONDS.
    peers: dict[str, tuple[float, PeerDevice | None]] = {}
    last_seen: dict[str, float] = {}

    async def lookup(device_id: str) -> PeerDevice | None:
        now = time.monotonic()
        cached = peers.get(device_id)
        if cached is not None and now - cached[0] < PEER_CACHE_SECONDS:
            return cached[1]
        peer = await run_in_threadpool(node.peer, device_id)
        peers[device_id] = (now, peer)
        return peer

    async def body_of(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and int(declared) > MAX_BODY:
            raise SyncRefusal(413, "too-large", "the request is larger than the node accepts")
        try:
            return await request.body()
        except ClientDisconnect:  # the link dropped mid-request: nothing to answer, nothing done
            raise SyncRefusal(400, "disconnected", "the request was cut off") from None

    async def authenticate(request: Request, body: bytes, *, check_time: bool = True
                           ) -> PeerDevice:  # fmt: skip
        protocol = request.headers.get(HEADER_PROTOCOL)
        if protocol is not None and protocol != str(PROTOCOL):
            raise SyncRefusal(
                409, "protocol",
                f"this {node.kind} speaks sync protocol {PROTOCOL} and this computer speaks "
                f"{protocol}: update Sanad on the older one",
            )  # fmt: skip
        device_id = request.headers.get(HEADER_DEVICE, "")
        peer = await lookup(device_id) if device_id else None
        if peer is None:
            raise SyncRefusal(401, "unknown-device",
                              f"this {node.kind} does not know this computer (device "
                              f"{device_id or 'unnamed'}): join it first with a code")  # fmt: skip
        if peer.revoked_at:
            raise SyncRefusal(
                403, "revoked",
                f"this computer ({peer.name}) was removed from sync on {peer.revoked_at[:10]}"
                f"{': ' + peer.revoked_reason if peer.revoked_reason else ''}. Ask "
                f"{'head office' if node.kind == 'registry' else 'the focal person'} to join "
                "it again if that was a mistake.",
            )  # fmt: skip
        try:
            signed = verify_request(request.headers, request.method, _target(request), body,
                                    peer.public_key, check_time=check_time,
                                    now=clock())  # fmt: skip
        except SignatureProblem as exc:
            raise SyncRefusal(401, "signature", f"the request was refused: {exc}") from None
        request.state.device = peer.id
        client = request.client.host if request.client else None
        # Only hello is signed by the device's own clock: the client corrects the time of every
        # later request by the offset hello told it, so those would always say "on time".
        offset = signed.clock_offset if request.url.path.endswith("/sync/v1/hello") else None
        now = time.monotonic()
        if offset is not None or now - last_seen.get(peer.id, -1e9) >= SEEN_EVERY_SECONDS:
            last_seen[peer.id] = now
            await run_in_threadpool(node.seen, peer, address=client, clock_offset=offset)
        return peer

    async def upload_authenticate(request: Request, body: bytes) -> str:
        return (await authenticate(request, body)).id

    async def health(_request: Request) -> Response:
        """Up, and its database answering (a load balancer or a monitor asks this)."""
        try:
            position = await run_in_threadpool(node.log_end)
        except Exception as exc:  # the database is down: say so, with the cause
            log.error(json.dumps({"event": "health", "error": str(exc)[:300]}))
            return JSONResponse({"status": "unavailable", "node": node.kind,
                                 "error": "the database does not answer"}, status_code=503)
        return JSONResponse({"status": "ok", "node": node.kind, "protocol": PROTOCOL,
                             "device": node.identity.device_id, "log_position": position,
                             "time": _time_text(clock())})  # fmt: skip

    async def join(request: Request) -> Response:
        body = await body_of(request)
        try:
            data = json.loads(body)
            join_request = JoinRequest(
                code=str(data["code"]), device_id=str(data["device_id"]),
                public_key=str(data["public_key"]), name=str(data.get("name") or ""),
                kind=str(data["kind"]), campus_id=data.get("campus_id"),
                campus_code=data.get("campus_code"),
            )  # fmt: skip
        except (ValueError, KeyError, TypeError):
            raise SyncRefusal(400, "bad-request", "the join request cannot be read") from None
        if data.get("protocol") not in (None, PROTOCOL):
            raise SyncRefusal(409, "protocol",
                              f"this {node.kind} speaks sync protocol {PROTOCOL} and this "
                              f"computer speaks {data.get('protocol')}: update Sanad")  # fmt: skip
        try:  # the joining device proves it holds the key it registers
            verify_request(request.headers, request.method, _target(request), body,
                           join_request.public_key, check_time=False)  # fmt: skip
        except SignatureProblem as exc:
            raise SyncRefusal(401, "signature", f"the join request was refused: {exc}") from None
        try:
            grant = await run_in_threadpool(node.join, join_request)
        except JoinRefused as exc:
            raise SyncRefusal(403, "join-refused", str(exc)) from None
        log.info(json.dumps({"event": "join", "device": join_request.device_id,
                             "kind": join_request.kind, "campus": grant.campus_code}))
        answer: dict[str, Any] = {
            "node_device_id": grant.node_device_id, "node_public_key": grant.node_public_key,
            "node_kind": grant.node_kind, "campus_id": grant.campus_id,
            "campus_code": grant.campus_code, "campus_name": grant.campus_name,
            "epoch": grant.epoch, "time": _time_text(clock()), "protocol": PROTOCOL,
        }  # fmt: skip
        if tls_fingerprint:
            answer["tls_fingerprint"] = tls_fingerprint
            answer["tls_proof"] = join_proof(join_request.code, tls_fingerprint,
                                             grant.node_public_key)  # fmt: skip
        return JSONResponse(answer)

    def signed(response: Response, *extra: str) -> Response:
        """Sign what the client acts on (``response_signing_string``): a damaged or forged
        answer is refused by the client instead of steering it (a wrong position would skip
        entries; a wrong vector would leave changes unsent)."""
        body = bytes(response.body)
        signature = node.identity.sign(response_signing_string(body, *extra))
        response.headers[HEADER_RESPONSE_SIGNATURE] = (
            base64.urlsafe_b64encode(signature).decode("ascii").rstrip("=")
        )
        return response

    async def hello(request: Request) -> Response:
        peer = await authenticate(request, await body_of(request), check_time=False)
        vector = await run_in_threadpool(node.vector)
        return signed(JSONResponse({
            "device_id": node.identity.device_id, "kind": node.kind,
            "public_key": node.identity.public_multikey, "epoch": node.epoch,
            "time": _time_text(clock()), "protocol": PROTOCOL, "vector": vector,
            "you": {"name": peer.name, "campus_code": peer.campus_code},
        }))  # fmt: skip

    async def push(request: Request) -> Response:
        body = await body_of(request)
        peer = await authenticate(request, body)
        try:
            changes = await run_in_threadpool(decode_batch, body)
        except BatchProblem as exc:
            raise SyncRefusal(400, "bad-batch", str(exc)) from None
        report = await run_in_threadpool(node.receive, peer, changes)
        return JSONResponse({
            "received": len(changes), "applied": report.applied, "kept": report.kept,
            "skipped": report.skipped, "conflicts": report.conflicts,
            "refused": [{"device": r.device_id, "seq": r.seq, "table": r.table,
                         "row_id": r.row_id, "reason": r.reason} for r in report.refused],
        })  # fmt: skip

    async def pull(request: Request) -> Response:
        body = await body_of(request)
        peer = await authenticate(request, body)
        try:
            data = json.loads(body)
            after, limit = int(data.get("after", 0)), int(data.get("limit", 1000))
            held = {str(k): int(v) for k, v in dict(data.get("held") or {}).items()}
        except (ValueError, TypeError, AttributeError):
            raise SyncRefusal(400, "bad-request", "the pull request cannot be read") from None
        limit = max(1, min(limit, MAX_PULL))
        end = await run_in_threadpool(node.log_end)
        if after > end:
            after = 0  # the node's log is shorter than the client knew (restored): start over
        changes, position, more = await run_in_threadpool(
            lambda: node.changes_for(peer, after=after, limit=limit, held=held)
        )
        payload = await run_in_threadpool(encode_batch, changes)
        next_text, more_text = str(position), "1" if more else "0"
        return signed(Response(payload, media_type=MEDIA_TYPE, headers={
            "sanad-next": next_text, "sanad-more": more_text,
            "sanad-count": str(len(changes)), "sanad-epoch": node.epoch,
        }), next_text, more_text)  # fmt: skip

    async def documents(request: Request) -> Response:
        body = await body_of(request)
        peer = await authenticate(request, body)
        try:
            data = json.loads(body)
            held = {str(k): str(v) for k, v in dict(data.get("held") or {}).items()}
            offered = [Document(str(d["key"]), str(d["kind"]), d.get("campus_code"),
                                str(d["document"])) for d in data.get("offer") or []]
        except (ValueError, TypeError, KeyError, AttributeError):
            raise SyncRefusal(400, "bad-request", "the documents request cannot be read") from None
        accepted = await run_in_threadpool(node.receive_documents, peer, offered)
        out = await run_in_threadpool(node.documents_for, peer, held)
        return JSONResponse({"accepted": accepted, "documents": [
            {"key": d.key, "kind": d.kind, "campus_code": d.campus_code, "document": d.document}
            for d in out]})  # fmt: skip

    async def files(request: Request) -> Response:
        body = await body_of(request)
        peer = await authenticate(request, body)
        try:
            offered = [(str(sha), int(size)) for sha, size in json.loads(body)["offered"]]
        except (ValueError, TypeError, KeyError):
            raise SyncRefusal(400, "bad-request", "the files request cannot be read") from None
        wanted = await run_in_threadpool(node.wanted_files, peer, offered)
        # what head office asked for by name (a QA sample): sent even if declined before
        requested = await run_in_threadpool(node.requested_files, peer)
        return JSONResponse({"wanted": wanted, "requested": requested})

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if page_error is not None and not request.url.path.startswith(
            ("/sync/", "/files", "/health", "/api/")
        ):
            answer = page_error(request, exc)
            return await answer if isinstance(answer, Awaitable) else answer
        error = getattr(exc, "error", "http")
        return JSONResponse({"error": error, "message": exc.detail}, status_code=exc.status_code)

    routes: list[BaseRoute] = [
        Route("/health", health),
        Route("/sync/v1/join", join, methods=["POST"]),
        Route("/sync/v1/hello", hello, methods=["GET"]),
        Route("/sync/v1/push", push, methods=["POST"]),
        Route("/sync/v1/pull", pull, methods=["POST"]),
        Route("/sync/v1/documents", documents, methods=["POST"]),
        Route("/sync/v1/files", files, methods=["POST"]),
    ]
    if upload_routes is not None:
        routes.extend(upload_routes(upload_authenticate))
    routes.extend(extra_routes or [])
    app = Starlette(routes=routes, exception_handlers={HTTPException: refused})
    return _Logged(app, wrap(app) if wrap else app)  # type: ignore[return-value]


def _logged_path(scope: dict) -> str:
    """The path as logged: a QR link's digits carry the learner's name and serial, which have
    no business in a log, so ``/V/<digits>`` is logged as ``/V/…``."""
    path = scope["path"]
    if path[:3] in ("/V/", "/v/"):
        return path[:3] + "…"
    return path


class _Logged:
    """One JSON log line per request."""

    def __init__(self, app: Starlette, inner: Any = None) -> None:
        self.starlette = app
        self.app = inner or app
        self.state = app.state

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        counts = {"in": 0, "out": 0, "status": 0}

        async def counted_receive() -> Any:
            message = await receive()
            counts["in"] += len(message.get("body", b""))
            return message

        async def counted_send(message: dict) -> None:
            if message["type"] == "http.response.start":
                counts["status"] = message["status"]
            elif message["type"] == "http.response.body":
                counts["out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counted_receive, counted_send)
        finally:
            headers = dict(scope.get("headers") or [])
            device = headers.get(b"sanad-device", b"").decode("latin-1") or None
            log.info(json.dumps({
                "event": "request", "method": scope["method"], "path": _logged_path(scope),
                "status": counts["status"], "device": device, "bytes_in": counts["in"],
                "bytes_out": counts["out"],
                "ms": round((time.perf_counter() - started) * 1000, 1),
                "client": (scope.get("client") or [None])[0],
            }))  # fmt: skip
