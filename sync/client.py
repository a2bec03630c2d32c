"""The client side of sync: a station with its hub, a hub (or head office) with the registry.

One sync (:func:`sync_once`) is, in order:

1. **hello**: who the other side is (it must be the node joined: same device, same key) and its
   time; the difference to this computer's clock corrects the time requests are signed with, and
   more than two minutes is reported ("this computer's clock is 3 h behind head office's").
2. **push**: this node's log from the push position, less what the other side's vector says it
   holds, in batches; after each batch is accepted the position is kept, so a cut push resumes
   with the next batch. A batch sent twice is skipped there.
3. **pull**: the other side's log from the pull position, in batches; each batch is applied and
   the new position kept *in the same transaction*, so a cut pull resumes exactly where it
   stopped and nothing is applied twice.
4. **documents**: the trust list and status lists, both ways, only those whose hash differs.
5. **evidence files**: the files the other side wants (its policy), by resumable tus upload.

Errors come out as :class:`SyncProblem` in plain words, and the outcome of every attempt is kept
on the link (``sync_links``) for the app to show: last success, last error, when it retries.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import platform
import random
import ssl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from cryptography.exceptions import InvalidSignature

from desktop.core.ids import utc_now
from desktop.core.proofs import ProofError, public_key_from_multikey
from desktop.core.store import SYSTEM, Actor, Store
from sync.apply import Refusal, Rights, apply_changes
from sync.changes import VersionVector, changes_page
from sync.identity import PROTOCOL, DeviceKey, device_key, sign_request
from sync.wire import MEDIA_TYPE, BatchProblem, decode_batch, encode_batch

__all__ = [
    "Link",
    "SyncProblem",
    "SyncReport",
    "join",
    "join_station",
    "links",
    "pending_changes",
    "sync_once",
]

BATCH = 2000
CLOCK_WARNING = dt.timedelta(minutes=2)
RETRY_DELAYS = (0.5, 2.0, 5.0)  # within one sync, a request is tried again this often
SCHEDULE_BACKOFF = (5, 15, 60, 180)  # minutes before the next attempt after a failed sync
# Pulled changes come from the node this one joined, which checked ownership when it received
# them; from above, everything it sends is taken.
FROM_UPSTREAM = Rights(default=lambda _device: frozenset({"*"}))
SYNC_ACTOR = Actor(None, "sync", "system")


class SyncProblem(Exception):
    """A sync that could not finish, in words a person can act on; ``retry`` says whether
    trying later may help (the link was down) or a person must act (a revoked device)."""

    def __init__(self, message: str, *, retry: bool = True, code: str = "") -> None:
        super().__init__(message)
        self.retry = retry
        self.code = code


class SyncCancelled(SyncProblem):
    def __init__(self) -> None:
        super().__init__("the sync was cancelled; it continues from here next time", retry=True,
                         code="cancelled")  # fmt: skip


@dataclass
class Link:
    peer_device_id: str
    url: str
    peer_kind: str
    peer_public_key: str
    tls_certificate: str | None
    peer_epoch: str | None
    pull_cursor: int
    push_cursor: int
    last_success_at: str | None = None
    last_error: str | None = None
    next_attempt_at: str | None = None
    clock_offset_seconds: float | None = None

    @property
    def peer_name(self) -> str:
        return "head office" if self.peer_kind == "registry" else "the campus hub"


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    applied: int = 0
    conflicts: int = 0
    refused: list[Refusal] = field(default_factory=list)
    documents: int = 0
    files_sent: int = 0
    file_bytes: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    clock_offset: float = 0.0
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # where the time went, by step


Progress = Callable[[str, int, int | None], None]


def links(store: Store) -> list[Link]:
    columns = ("peer_device_id, url, peer_kind, peer_public_key, tls_certificate, peer_epoch, "
               "pull_cursor, push_cursor, last_success_at, last_error, next_attempt_at, "
               "clock_offset_seconds")  # fmt: skip
    return [Link(**row) for row in store.query(f"SELECT {columns} FROM sync_links")]


def pending_changes(store: Store, link: Link) -> int:
    """Changes this node wrote or relayed since what the other side last accepted (an upper
    bound: some may be ones it already holds)."""
    return store.scalar(
        "SELECT count(*) FROM change_log WHERE rowid > ? AND device_id != ?",
        (link.push_cursor, link.peer_device_id),
    ) or 0


def _fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def _ssl_context(link_certificate: str | None) -> ssl.SSLContext | bool:
    """The hub's pinned certificate is the only one trusted for it (a self-signed certificate
    on a campus LAN, checked by its exact bytes, not by a name)."""
    if link_certificate is None:
        return True
    context = ssl.create_default_context(cadata=link_certificate)
    context.check_hostname = False
    return context


class _Session:
    """Signed requests to one node, with retries and byte counts."""

    def __init__(self, url: str, key: DeviceKey, *, verify: ssl.SSLContext | bool,
                 timeout: float, cancel: Callable[[], bool] | None,
                 transport: httpx.BaseTransport | None = None) -> None:  # fmt: skip
        self.key = key
        self.clock_offset = 0.0
        self.cancel = cancel
        self.sent = 0
        self.received = 0
        self.retry_delays = RETRY_DELAYS
        # ``transport``: tests put the server in the same process (Starlette's TestClient
        # transport, or a fault-injecting one); otherwise a real connection.
        self.client = httpx.Client(
            base_url=url.rstrip("/"), verify=verify, transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
            headers={"user-agent": f"Sanad sync/{PROTOCOL} ({platform.system()})"},
        )  # fmt: skip
        self.base_url = url.rstrip("/")

    def close(self) -> None:
        self.client.close()

    def request(self, method: str, path: str, body: bytes = b"", *,
                content_type: str = "application/json", signed: bool = True,
                retries: tuple[float, ...] | None = None) -> httpx.Response:  # fmt: skip
        retries = self.retry_delays if retries is None else retries
        attempt = 0
        while True:
            if self.cancel is not None and self.cancel():
                raise SyncCancelled()
            target = httpx.URL(self.base_url + path)
            signed_target = target.raw_path.decode("ascii")
            headers = {"content-type": content_type} if body else {}
            if signed:
                headers.update(sign_request(self.key, method, signed_target, body,
                                            clock_offset=self.clock_offset))  # fmt: skip
            try:
                response = self.client.request(method, path, content=body, headers=headers)
            except httpx.TransportError as exc:
                if attempt < len(retries):
                    time.sleep(retries[attempt] * (1 + random.random() / 2))
                    attempt += 1
                    continue
                raise SyncProblem(_transport_words(exc), code="unreachable") from None
            self.sent += len(body) + 200  # with the request line and headers, roughly
            self.received += len(response.content) + 200
            if response.status_code >= 500 and attempt < len(retries):
                time.sleep(retries[attempt])
                attempt += 1
                continue
            if response.status_code >= 400:
                raise _refusal(response)
            return response


def _transport_words(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.ConnectError):
        return "unreachable (no connection)"
    if isinstance(exc, httpx.TimeoutException):
        return "unreachable (nothing moved for too long)"
    return f"unreachable (the connection broke: {type(exc).__name__})"


def _refusal(response: httpx.Response) -> SyncProblem:
    try:
        data = response.json()
        message, code = str(data["message"]), str(data.get("error", ""))
    except (ValueError, KeyError, TypeError):
        message, code = f"answered {response.status_code} {response.reason_phrase}", "http"
    retry = response.status_code >= 500 or code in ("signature",)
    return SyncProblem(message, retry=retry, code=code)


@contextmanager
def _session(store: Store, link: Link, *, timeout: float, cancel: Callable[[], bool] | None,
             transport: httpx.BaseTransport | None) -> Iterator[_Session]:  # fmt: skip
    session = _Session(link.url, device_key(store), verify=_ssl_context(link.tls_certificate),
                       timeout=timeout, cancel=cancel, transport=transport)  # fmt: skip
    try:
        yield session
    finally:
        session.close()


# -- joining ---------------------------------------------------------------------------------


def join(
    store: Store,
    url: str,
    code: str,
    *,
    name: str | None = None,
    transport: httpx.BaseTransport | None = None,
    timeout: float = 30.0,
) -> Link:
    """Join the node at ``url`` with a one-time code: a station its campus hub, a hub (or head
    office's desktop) the registry. Over HTTPS to a hub, the hub's self-signed certificate is
    checked against the code (``sync.server.join_proof``) and pinned."""
    from sync.server import join_proof

    kind = store.setting("node_kind") or "campus"
    if store.device_id is None or (store.campus_id is None and kind != "station"):
        raise SyncProblem("set up this computer's campus first", retry=False)
    joining_kind = {"campus": "hub", "station": "station", "head_office": "head_office"}.get(
        kind, "hub"
    )
    key = device_key(store)
    campus = store.one("SELECT code FROM campuses WHERE id = ?", (store.campus_id,))
    device = store.one("SELECT name FROM devices WHERE id = ?", (store.device_id,))
    body = json.dumps({
        "code": code, "device_id": key.device_id, "public_key": key.public_multikey,
        "name": name or (device["name"] if device else platform.node()), "kind": joining_kind,
        "campus_id": store.campus_id, "campus_code": campus["code"] if campus else None,
        "protocol": PROTOCOL,
    }).encode("utf-8")  # fmt: skip
    https = url.lower().startswith("https://")
    session = _Session(url, key, verify=not https, timeout=timeout, cancel=None,
                       transport=transport)  # fmt: skip
    try:
        response = session.request("POST", "/sync/v1/join", body, retries=())
        certificate = None
        if https:
            stream = response.extensions.get("network_stream")
            ssl_object = stream.get_extra_info("ssl_object") if stream else None
            der = ssl_object.getpeercert(True) if ssl_object else None
            grant = response.json()
            if not der or grant.get("tls_fingerprint") != _fingerprint(der) or grant.get(
                "tls_proof"
            ) != join_proof(code, _fingerprint(der), grant["node_public_key"]):
                raise SyncProblem(
                    "the hub's certificate does not match the code: this may not be your "
                    "campus hub. Check the address with the focal person.",
                    retry=False, code="tls-mismatch",
                )  # fmt: skip
            certificate = ssl.DER_cert_to_PEM_cert(der)
        grant = response.json()
    finally:
        session.close()
    offset = _offset(grant.get("time"))
    with store.transaction(SYSTEM) as tx:
        store.conn.execute(
            "INSERT INTO sync_links (peer_device_id, url, peer_kind, peer_public_key, "
            "tls_certificate, peer_epoch, joined_at, clock_offset_seconds) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (grant["node_device_id"], url.rstrip("/"), grant["node_kind"],
             grant["node_public_key"], certificate, grant["epoch"], utc_now(), offset),
        )  # fmt: skip
        if kind == "station":
            tx.set_setting("campus_id", grant["campus_id"])
        tx.audit("sync.join", "devices", key.device_id,
                 {"url": url, "peer": grant["node_device_id"], "kind": grant["node_kind"]})
    return next(link for link in links(store) if link.peer_device_id == grant["node_device_id"])


def join_station(
    path: Path,
    url: str,
    code: str,
    *,
    name: str | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Store:
    """Make a new database at ``path`` a lab station of the hub at ``url`` and fill it with the
    campus's records (the first sync). A database already set up is refused."""
    from desktop.core.ids import new_id

    store = Store.open(path)
    try:
        if store.device_id is not None:
            raise SyncProblem(f"{path} is already set up; a station starts from a new database",
                              retry=False)  # fmt: skip
        with store.transaction(SYSTEM, device_id=new_id()) as tx:
            tx.set_setting("device_id", tx.device_id)
            tx.set_setting("node_kind", "station")
        try:
            join(store, url, code, name=name, transport=transport)
        except BaseException:
            # Not joined: the database goes back to new, so the address or the code can be
            # corrected and the join tried again (else it would count as set up, and refuse).
            store.execute("DELETE FROM settings WHERE key IN ('device_id', 'node_kind', "
                          "'device_key')")  # fmt: skip
            raise
        sync_once(store, transport=transport)
    except BaseException:
        store.close()
        raise
    return store


def _offset(server_time: str | None) -> float:
    if not server_time:
        return 0.0
    moment = dt.datetime.fromisoformat(server_time.replace("Z", "+00:00"))
    return (moment - dt.datetime.now(dt.UTC)).total_seconds()


# -- one sync --------------------------------------------------------------------------------


def sync_once(
    store: Store,
    link: Link | None = None,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    batch: int = BATCH,
    timeout: float = 60.0,
    transport: httpx.BaseTransport | None = None,
    upload_chunk: int = 256 * 1024,
    retry_delays: tuple[float, ...] = RETRY_DELAYS,
) -> SyncReport:
    """One whole sync with ``link`` (the only link, if not given); the outcome is kept on it."""
    if link is None:
        known = links(store)
        if not known:
            raise SyncProblem("this computer has not joined a hub or the registry yet",
                              retry=False, code="not-joined")  # fmt: skip
        link = known[0]
    if not link.url:
        raise SyncProblem(f"this computer syncs with {link.peer_name} by USB bundles only (no "
                          "address was given when it joined)", retry=False,
                          code="no-address")  # fmt: skip
    report = SyncReport()
    _note(store, link, attempt=True)
    try:
        with _session(store, link, timeout=timeout, cancel=cancel, transport=transport) as s:
            s.retry_delays = retry_delays
            try:
                _run(store, link, s, report, progress or (lambda *_: None), batch, upload_chunk)
            finally:
                report.bytes_sent, report.bytes_received = s.sent, s.received
    except SyncProblem as exc:
        _note(store, link, error=exc, report=report)
        raise
    _note(store, link, report=report)
    return report


def _run(store: Store, link: Link, s: _Session, report: SyncReport, progress: Progress,
         batch: int, upload_chunk: int) -> None:  # fmt: skip
    from sync.documents import exchange_documents
    from sync.evidence_upload import send_evidence

    progress("hello", 0, None)
    sent_at = time.time()
    hello = _json(_verified(s.request("GET", "/sync/v1/hello"), link))
    rtt = time.time() - sent_at
    if hello["device_id"] != link.peer_device_id or hello["public_key"] != link.peer_public_key:
        raise SyncProblem(f"the node at {link.url} is not the {link.peer_name} this computer "
                          "joined (another device answered)", retry=False,
                          code="wrong-peer")  # fmt: skip
    s.clock_offset = _offset(hello["time"]) + rtt / 2
    report.clock_offset = s.clock_offset
    if abs(s.clock_offset) > CLOCK_WARNING.total_seconds():
        report.warnings.append(_clock_words(s.clock_offset, link.peer_name))
    if hello["epoch"] != link.peer_epoch:
        # The other side's log started over (restored from a backup): read it again from the
        # start; what is already held is skipped.
        store.execute("UPDATE sync_links SET pull_cursor = 0, push_cursor = 0, peer_epoch = ? "
                      "WHERE peer_device_id = ?", (hello["epoch"], link.peer_device_id))
        link.pull_cursor = link.push_cursor = 0
        link.peer_epoch = hello["epoch"]
    steps = (
        ("push", lambda: _push(store, link, s, VersionVector(hello["vector"]), report, progress,
                               batch)),
        ("pull", lambda: _pull(store, link, s, report, progress, batch)),
        ("documents", lambda: exchange_documents(store, s, report)),
        ("files", lambda: send_evidence(store, link, s, report, progress, upload_chunk)),
    )  # fmt: skip
    for name, step in steps:
        started = time.perf_counter()
        step()
        report.seconds[name] = time.perf_counter() - started


def _verified(response: httpx.Response, link: Link, *extra: str) -> httpx.Response:
    """The answer, if signed by the node this computer joined (over its body and ``extra``)."""
    from sync.server import HEADER_RESPONSE_SIGNATURE, response_signing_string

    text = response.headers.get(HEADER_RESPONSE_SIGNATURE, "")
    try:
        signature = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        public_key_from_multikey(link.peer_public_key).verify(
            signature, response_signing_string(response.content, *extra))
    except (InvalidSignature, ValueError, ProofError):
        raise SyncProblem(f"an answer from {link.peer_name} arrived damaged or was not signed "
                          "by it; it will be asked for again", code="damaged") from None
    return response


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise SyncProblem("an answer arrived damaged (it is not JSON); it will be asked for "
                          "again", code="damaged") from None


def _clock_words(offset: float, peer: str) -> str:
    minutes = round(abs(offset) / 60)
    amount = f"{minutes} min" if minutes < 120 else f"{minutes // 60} h {minutes % 60} min"
    side = "behind" if offset > 0 else "ahead of"
    return (f"this computer's clock is {amount} {side} {peer}'s: set its date and time, or the "
            "dates it writes will be wrong")


def _push(store: Store, link: Link, s: _Session, held: VersionVector, report: SyncReport,
          progress: Progress, batch: int) -> None:  # fmt: skip
    position = link.push_cursor
    waiting = pending_changes(store, link)
    while True:
        changes, next_position = changes_page(store, held, after=position, limit=batch)
        if not changes:
            if next_position != link.push_cursor:
                _set_cursor(store, link, push=next_position)
            break
        progress("push", report.pushed, waiting)
        answer = _json(s.request("POST", "/sync/v1/push", encode_batch(changes),
                                 content_type=MEDIA_TYPE))  # fmt: skip
        report.pushed += len(changes)
        report.refused.extend(Refusal(r["device"], r["seq"], r["table"], r["row_id"], r["reason"])
                              for r in answer.get("refused", []))  # fmt: skip
        position = next_position
        _set_cursor(store, link, push=position)


def _pull(store: Store, link: Link, s: _Session, report: SyncReport, progress: Progress,
          batch: int) -> None:  # fmt: skip
    from sync.changes import local_vector

    held = local_vector(store)
    while True:
        progress("pull", report.pulled, None)
        body = json.dumps({"after": link.pull_cursor, "limit": batch, "held": held}).encode()
        response = s.request("POST", "/sync/v1/pull", body)
        try:
            _verified(response, link, response.headers.get("sanad-next", ""),
                      response.headers.get("sanad-more", ""))  # fmt: skip
            changes = decode_batch(response.content)
            position = int(response.headers["sanad-next"])
        except (BatchProblem, KeyError, ValueError) as exc:
            raise SyncProblem(f"a batch from {link.peer_name} arrived damaged ({exc}); it will "
                              "be asked for again", code="damaged") from None  # fmt: skip

        def checkpoint(conn: Any, position: int = position) -> None:
            conn.execute("UPDATE sync_links SET pull_cursor = ? WHERE peer_device_id = ?",
                         (position, link.peer_device_id))

        result = apply_changes(store, changes, FROM_UPSTREAM, checkpoint=checkpoint)
        link.pull_cursor = position
        report.pulled += len(changes)
        report.applied += result.applied
        report.conflicts += result.conflicts
        report.refused.extend(result.refused)
        for change in changes:
            held[change.device_id] = max(held.get(change.device_id, 0), change.seq)
        if response.headers.get("sanad-more") != "1":
            break


def _set_cursor(store: Store, link: Link, *, push: int) -> None:
    store.execute("UPDATE sync_links SET push_cursor = ? WHERE peer_device_id = ?",
                  (push, link.peer_device_id))
    link.push_cursor = push


def _note(store: Store, link: Link, *, attempt: bool = False, error: SyncProblem | None = None,
          report: SyncReport | None = None) -> None:  # fmt: skip
    now = utc_now()
    if attempt:
        store.execute("UPDATE sync_links SET last_attempt_at = ? WHERE peer_device_id = ?",
                      (now, link.peer_device_id))
        return
    sent = report.bytes_sent if report else 0
    received = report.bytes_received if report else 0
    if error is None:
        store.execute(
            "UPDATE sync_links SET last_success_at = ?, last_error = NULL, next_attempt_at = NULL, "
            "failures = 0,"
            " clock_offset_seconds = ?, sent_bytes = sent_bytes + ?, received_bytes = "
            "received_bytes + ? WHERE peer_device_id = ?",
            (now, report.clock_offset if report else None, sent, received, link.peer_device_id),
        )
        link.last_success_at, link.last_error = now, None
        return
    failures = store.scalar("SELECT failures FROM sync_links WHERE peer_device_id = ?",
                            (link.peer_device_id,)) or 0
    delay = SCHEDULE_BACKOFF[min(failures, len(SCHEDULE_BACKOFF) - 1)]
    retry_at = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=delay)).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    store.execute(
        "UPDATE sync_links SET last_error = ?, next_attempt_at = ?, failures = failures + 1, "
        "sent_bytes = sent_bytes + ?, "
        "received_bytes = received_bytes + ? WHERE peer_device_id = ?",
        (str(error), retry_at if error.retry else None, sent, received, link.peer_device_id),
    )
    link.last_error, link.next_attempt_at = str(error), retry_at if error.retry else None

