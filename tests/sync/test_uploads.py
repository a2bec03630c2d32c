"""Evidence files by tus 1.0: a real uvicorn server on 127.0.0.1, tuspy and our own client."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio.to_thread
import httpx
import pytest
import uvicorn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tusclient import client as tus_client

from sync.file_store import LocalFileStore
from sync.upload_client import (
    JsonResumeFile,
    UploadCancelled,
    UploadProblem,
    upload,
)
from tests.sync.upload_server_app import build_app, signer

ROOT = Path(__file__).resolve().parents[2]
START = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
TUS = {"Tus-Resumable": "1.0.0"}
CHUNK = 64 * 1024
HTTP = httpx.Client()  # one for the whole module: making a client costs a TLS context each time


# -- the server under test -------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


class Recorder:
    """ASGI middleware: how many body bytes each request brought, and faults on demand."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.requests: list[list[Any]] = []  # [method, path, body bytes]
        self.fail_patches: set[int] = set()  # the nth PATCHes (from 0) get 503 after their body
        self.hold_at: int | None = None  # hold the first PATCH starting at or after this offset
        self.held_offset: int | None = None
        self.held = threading.Event()
        self.release = threading.Event()
        self._patches = 0

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        entry = [scope["method"], scope["path"], 0]
        self.requests.append(entry)

        async def counted() -> dict:
            message = await receive()
            if message["type"] == "http.request":
                entry[2] += len(message.get("body", b""))
            return message

        if scope["method"] == "PATCH":
            number, self._patches = self._patches, self._patches + 1
            headers = dict(scope["headers"])
            if number in self.fail_patches:
                while (await counted()).get("more_body"):
                    pass
                await send(
                    {
                        "type": "http.response.start",
                        "status": 503,
                        "headers": [(b"content-type", b"text/plain")],
                    }
                )
                await send({"type": "http.response.body", "body": b"busy, try later\n"})
                return None
            offset = int(headers.get(b"upload-offset", b"0"))
            if self.hold_at is not None and not self.held.is_set() and offset >= self.hold_at:
                self.held_offset = offset
                self.held.set()
                await anyio.to_thread.run_sync(self.release.wait)
        return await self.app(scope, counted, send)

    def patch_bytes(self, since: int = 0) -> int:
        return sum(n for method, _path, n in self.requests[since:] if method == "PATCH")

    def count(self, method: str) -> int:
        return sum(1 for m, _path, _n in self.requests if m == method)


@dataclass
class Registry:
    store: LocalFileStore
    recorder: Recorder
    url: str  # the tus creation URL
    clock: Clock = field(default_factory=Clock)

    def upload(self, path: Path, sha256: str | None = None, **options: Any):
        options.setdefault("resume", {})
        options.setdefault("sign", signer())
        options.setdefault("chunk_size", CHUNK)
        options.setdefault("backoff", 0.0)
        return upload(HTTP, self.url, path, sha256 or _sha(path.read_bytes()), **options)

    def stored(self, sha256: str) -> bytes:
        return self.store.path(sha256).read_bytes()

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.store.uploads.iterdir())


@contextmanager
def serving(app: Any) -> Iterator[str]:
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "the test server did not start"
        time.sleep(0.01)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture
def start_registry(tmp_path) -> Iterator[Callable[..., Registry]]:
    with _registries(tmp_path) as start:
        yield start


@pytest.fixture
def registry(start_registry) -> Registry:
    return start_registry()


@contextmanager
def _registries(folder: Path) -> Iterator[Callable[..., Registry]]:
    stack: list[Any] = []

    def start(**options: Any) -> Registry:
        clock = Clock()
        store = LocalFileStore(folder / f"store-{len(stack)}")
        recorder = Recorder(build_app(store, clock=clock, **options))
        serve = serving(recorder)
        base = serve.__enter__()
        stack.append(serve)
        return Registry(store, recorder, f"{base}/files", clock)

    try:
        yield start
    finally:
        for serve in reversed(stack):
            serve.__exit__(None, None, None)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file(tmp_path: Path, size: int, name: str = "lab-report.pdf", seed: int = 1) -> Path:
    path = tmp_path / name
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def _raw(sign: Callable | None = None) -> Callable[..., httpx.Response]:
    """One signed tus request, for the cases our client is built never to make."""
    sign = sign or signer()

    def send(
        method: str,
        url: str,
        *,
        headers: dict | None = None,
        body: bytes = b"",
        tus: dict | None = TUS,
    ) -> httpx.Response:
        all_headers = {**(tus or {}), **(headers or {}), **sign(method, url, body)}
        return HTTP.request(method, url, headers=all_headers, content=body)

    return send


def _create(registry: Registry, data: bytes, *, sign: Callable | None = None, **meta: str) -> str:
    metadata = {"sha256": _sha(data), "filename": "x.bin", **meta}
    encoded = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in metadata.items())
    response = _raw(sign)(
        "POST", registry.url, headers={"Upload-Length": str(len(data)), "Upload-Metadata": encoded}
    )
    assert response.status_code == 201, response.text
    return str(httpx.URL(registry.url).join(response.headers["location"]))


def _patch(
    url: str,
    offset: int,
    piece: bytes,
    *,
    sign: Callable | None = None,
    checksum: bytes | None = None,
) -> httpx.Response:
    digest = base64.b64encode(checksum or hashlib.sha256(piece).digest()).decode()
    return _raw(sign)(
        "PATCH",
        url,
        body=piece,
        headers={
            "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": f"sha256 {digest}",
        },
    )


# -- the protocol ----------------------------------------------------------------------------


def test_options_announce_version_extensions_limits_and_checksums(registry):
    response = _raw()("OPTIONS", registry.url, tus=None)
    assert response.status_code == 204
    assert response.headers["Tus-Version"] == "1.0.0"
    assert set(response.headers["Tus-Extension"].split(",")) == {
        "creation",
        "creation-with-upload",
        "checksum",
        "termination",
        "expiration",
    }
    assert response.headers["Tus-Max-Size"] == "50000000"
    assert {"sha1", "sha256"} <= set(response.headers["Tus-Checksum-Algorithm"].split(","))


@pytest.mark.parametrize("chunk_size", [None, 50_000], ids=["one-piece", "chunked"])
def test_tuspy_uploads_a_file_and_it_lands_under_its_hash(registry, tmp_path, chunk_size):
    source = _file(tmp_path, 180_000)
    data = source.read_bytes()
    tus = tus_client.TusClient(registry.url, headers={"Authorization": "Bearer token-a"})
    options = {"chunk_size": chunk_size} if chunk_size else {}
    uploader = tus.uploader(
        str(source),
        metadata={"sha256": _sha(data), "filename": source.name},
        upload_checksum=True,
        **options,
    )
    uploader.upload()
    assert uploader.offset == len(data)
    blob = registry.store.root / "blobs" / _sha(data)[:2] / _sha(data)
    assert blob.read_bytes() == data
    assert registry.recorder.count("PATCH") == (1 if chunk_size is None else 4)
    assert registry.leftovers() == [f"{uploader.url.rsplit('/', 1)[1]}.json"]  # the record only


def test_tuspy_still_succeeds_when_the_server_already_holds_the_file(registry, tmp_path):
    source = _file(tmp_path, 20_000)
    registry.upload(source)
    tus = tus_client.TusClient(registry.url, headers={"Authorization": "Bearer token-a"})
    uploader = tus.uploader(str(source), metadata={"sha256": _sha(source.read_bytes())})
    uploader.upload()  # plain tus knows nothing of Sanad-Blob-Held: it sends, and that is fine
    assert registry.stored(_sha(source.read_bytes())) == source.read_bytes()


def test_head_reports_offset_length_metadata_expiry_and_no_caching(registry):
    data = b"evidence" * 1000
    url = _create(registry, data, learner="QAU-2026-700001")
    assert _patch(url, 0, data[:3000]).status_code == 204
    head = _raw()("HEAD", url)
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == "3000"
    assert head.headers["Upload-Length"] == str(len(data))
    assert head.headers["Cache-Control"] == "no-store"
    assert head.headers["Upload-Expires"] == "Mon, 02 Mar 2026 09:00:00 GMT"
    pairs = dict(p.split(" ") for p in head.headers["Upload-Metadata"].split(","))
    assert base64.b64decode(pairs["learner"]).decode() == "QAU-2026-700001"


def test_creation_says_when_the_file_is_already_held(registry, tmp_path):
    source = _file(tmp_path, 5000)
    registry.upload(source)
    response = _raw()(
        "POST",
        registry.url,
        headers={
            "Upload-Length": "5000",
            "Upload-Metadata": "sha256 "
            + base64.b64encode(_sha(source.read_bytes()).encode()).decode(),
        },
    )
    assert response.status_code == 201 and response.headers["Sanad-Blob-Held"] == "true"
    assert response.headers["Location"].startswith("/files/")


def test_creation_refuses_a_request_without_the_files_sha256(registry):
    response = _raw()("POST", registry.url, headers={"Upload-Length": "10"})
    assert response.status_code == 400
    assert "sha256" in response.text and "64 hex digits" in response.text


def test_a_wrong_tus_version_is_refused_with_412(registry):
    response = _raw()(
        "POST", registry.url, tus={"Tus-Resumable": "0.2.2"}, headers={"Upload-Length": "10"}
    )
    assert response.status_code == 412
    assert response.headers["Tus-Version"] == "1.0.0"
    assert "0.2.2" in response.text


def test_an_unknown_upload_is_404(registry):
    response = _raw()("HEAD", f"{registry.url}/{'0' * 32}")
    assert response.status_code == 404
    assert "start a new upload" in response.headers["Sanad-Problem"]
    assert _patch(f"{registry.url}/{'0' * 32}", 0, b"x").status_code == 404


def test_a_piece_at_the_wrong_offset_is_409_and_changes_nothing(registry):
    data = bytes(range(256)) * 100
    url = _create(registry, data)
    assert _patch(url, 0, data[:1000]).status_code == 204
    response = _patch(url, 500, data[500:1500])
    assert response.status_code == 409
    assert "is at byte 1000" in response.text and "HEAD" in response.text
    assert _raw()("HEAD", url).headers["Upload-Offset"] == "1000"


def test_a_damaged_piece_is_refused_with_460_and_nothing_is_kept(registry):
    data = b"a learner's essay " * 500
    url = _create(registry, data)
    response = _patch(url, 0, data[:4000], checksum=hashlib.sha256(b"other").digest())
    assert response.status_code == 460
    assert "nothing was kept" in response.text
    assert _raw()("HEAD", url).headers["Upload-Offset"] == "0"
    upload_id = url.rsplit("/", 1)[1]
    data_file = registry.store.uploads / upload_id
    assert not data_file.exists() or data_file.stat().st_size == 0


def test_an_unknown_checksum_algorithm_is_400(registry):
    url = _create(registry, b"0123456789")
    response = _raw()(
        "PATCH",
        url,
        body=b"0123456789",
        headers={
            "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": "crc32 AAAAAA==",
        },
    )
    assert response.status_code == 400 and "crc32" in response.text


def test_a_patch_without_the_offset_content_type_is_415(registry):
    url = _create(registry, b"0123456789")
    response = _raw()(
        "PATCH",
        url,
        body=b"0123456789",
        headers={"Upload-Offset": "0", "Content-Type": "application/octet-stream"},
    )
    assert response.status_code == 415


def test_termination_deletes_the_upload_and_its_bytes(registry):
    data = b"z" * 10_000
    url = _create(registry, data)
    assert _patch(url, 0, data[:4000]).status_code == 204
    assert _raw()("DELETE", url).status_code == 204
    assert _raw()("HEAD", url).status_code == 404
    assert registry.leftovers() == []


def test_method_override_lets_a_post_stand_for_delete(registry):
    url = _create(registry, b"q" * 100)
    response = _raw()("POST", url, headers={"X-HTTP-Method-Override": "DELETE"})
    assert response.status_code == 204
    assert _raw()("HEAD", url).status_code == 404


def test_uploads_expire_answer_410_and_are_swept(registry):
    stale = _create(registry, b"s" * 1000)
    active = _create(registry, b"a" * 1000)
    registry.clock.now = START + dt.timedelta(hours=20)
    assert _patch(active, 0, b"a" * 500).status_code == 204  # activity moves its expiry on
    registry.clock.now = START + dt.timedelta(hours=25)
    assert _raw()("HEAD", stale).status_code == 410
    gone = _patch(stale, 0, b"s" * 10)
    assert gone.status_code == 410 and "expired" in gone.text
    assert _raw()("HEAD", active).headers["Upload-Offset"] == "500"
    swept = registry.store.sweep_expired(registry.clock.now)
    assert swept == [stale.rsplit("/", 1)[1]]
    assert _raw()("HEAD", stale).status_code == 404
    assert registry.leftovers() == sorted(
        [active.rsplit("/", 1)[1], active.rsplit("/", 1)[1] + ".json"]
    )


def test_a_file_over_the_size_limit_is_refused_with_413(start_registry, tmp_path):
    registry = start_registry(max_size=100_000)
    source = _file(tmp_path, 150_000)
    with pytest.raises(UploadProblem) as refused:
        registry.upload(source)
    assert str(refused.value) == (
        "the registry refused the file lab-report.pdf: it is 150 kB, "
        "larger than the 100 kB it accepts"
    )
    assert registry.recorder.count("PATCH") == 0 and registry.leftovers() == []


def test_a_piece_over_the_chunk_limit_is_refused_with_413(start_registry, tmp_path):
    registry = start_registry(max_chunk=32 * 1024)
    source = _file(tmp_path, 100_000)
    with pytest.raises(UploadProblem) as refused:
        registry.upload(source, chunk_size=CHUNK)
    assert "at most 32768 bytes" in str(refused.value)
    assert "smaller chunk_size" in str(refused.value)
    assert registry.upload(source, chunk_size=32 * 1024).sent_bytes == 100_000


def test_an_upload_by_one_device_cannot_be_continued_or_deleted_by_another(registry):
    data = b"mine " * 2000
    url = _create(registry, data, sign=signer("token-a"))
    other = signer("token-b")
    assert _raw(other)("HEAD", url).status_code == 403
    refused = _patch(url, 0, data[:100], sign=other)
    assert refused.status_code == 403 and "another device" in refused.text
    assert _raw(other)("DELETE", url).status_code == 403
    assert _patch(url, 0, data).status_code == 204  # its own device carries on
    assert _raw()("HEAD", url).headers["Upload-Offset"] == str(len(data))


def test_the_authenticate_hook_sees_every_body_and_its_refusal_reaches_the_person(
    registry, tmp_path
):
    source = _file(tmp_path, 10_000)

    def tampering(method: str, url: str, body: bytes) -> dict[str, str]:
        return {**signer()(method, url, body), "Sanad-Body-SHA256": _sha(body + b"!")}

    with pytest.raises(UploadProblem) as refused:
        registry.upload(source, sign=tampering)
    assert "signature does not match its body" in str(refused.value)
    with pytest.raises(UploadProblem) as unknown:
        registry.upload(source, sign=signer("token-unknown"))
    assert "did not recognise this device" in str(unknown.value)
    assert "not registered here" in str(unknown.value)


# -- our client ------------------------------------------------------------------------------


def test_our_client_uploads_and_the_file_lands_under_its_hash(registry, tmp_path):
    source = _file(tmp_path, 300_000)
    resume: dict[str, str] = {}
    seen: list[tuple[int, int]] = []
    result = registry.upload(source, resume=resume, progress=lambda s, t: seen.append((s, t)))
    sha = _sha(source.read_bytes())
    assert registry.stored(sha) == source.read_bytes()
    assert not result.already_held and result.sent_bytes == 300_000 and result.resumed_at == 0
    assert registry.recorder.patch_bytes() == 300_000
    assert seen[0] == (0, 300_000) and seen[-1] == (300_000, 300_000)
    assert resume == {}  # finished: nothing left to resume


def test_a_file_the_server_holds_is_never_sent_again(registry, tmp_path):
    source = _file(tmp_path, 100_000)
    registry.upload(source)
    before = len(registry.recorder.requests)
    again = registry.upload(source)
    assert again.already_held and again.sent_bytes == 0
    assert [r[0] for r in registry.recorder.requests[before:]] == ["HEAD"]  # the sha256 HEAD
    assert registry.recorder.patch_bytes(before) == 0


def test_an_empty_file_uploads(registry, tmp_path):
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    result = registry.upload(source)
    assert result.size == 0 and registry.stored(_sha(b"")) == b""


def test_a_cancelled_upload_resumes_and_sends_only_the_rest(registry, tmp_path):
    source = _file(tmp_path, 400_000)
    resume: dict[str, str] = {}
    reached = [0]
    with pytest.raises(UploadCancelled):
        registry.upload(
            source,
            resume=resume,
            progress=lambda s, _t: reached.__setitem__(0, s),
            cancel=lambda: reached[0] >= 200_000,
        )
    stopped_at = reached[0]
    assert 200_000 <= stopped_at < 400_000 and list(resume) == [_sha(source.read_bytes())]
    before = len(registry.recorder.requests)
    result = registry.upload(source, resume=resume)
    assert result.resumed_at == stopped_at
    assert registry.recorder.patch_bytes(before) == result.sent_bytes == 400_000 - stopped_at
    assert registry.stored(_sha(source.read_bytes())) == source.read_bytes()


def test_a_piece_cut_off_mid_way_is_not_kept_and_is_sent_again(registry, tmp_path):
    source = _file(tmp_path, 3 * CHUNK)
    resume: dict[str, str] = {}
    asked = [0]

    def cancel_inside_the_second_piece() -> bool:
        asked[0] += 1
        # Asked once at the start, before each piece and before each 16 KiB slice of a piece:
        # the 10th question comes with two slices of the second piece sent.
        return asked[0] >= 10

    with pytest.raises(UploadCancelled):
        registry.upload(source, resume=resume, cancel=cancel_inside_the_second_piece)
    head = _raw()("HEAD", resume[_sha(source.read_bytes())])
    assert head.headers["Upload-Offset"] == str(CHUNK)  # the cut piece left nothing behind
    result = registry.upload(source, resume=resume)
    assert result.resumed_at == CHUNK and result.sent_bytes == 2 * CHUNK
    assert registry.stored(_sha(source.read_bytes())) == source.read_bytes()


def test_failures_are_retried_and_the_true_offset_asked_for_again(registry, tmp_path):
    source = _file(tmp_path, 4 * CHUNK)
    registry.recorder.fail_patches = {1, 2}
    result = registry.upload(source)
    assert registry.stored(_sha(source.read_bytes())) == source.read_bytes()
    assert result.sent_bytes == registry.recorder.patch_bytes() == 6 * CHUNK
    # The sha256 question and one per failure; the last piece's answer confirms the whole.
    assert registry.recorder.count("HEAD") == 3


def test_a_link_that_stays_down_gives_up_with_a_plain_message(registry, tmp_path):
    source = _file(tmp_path, 2 * CHUNK)
    registry.recorder.fail_patches = set(range(100))
    resume: dict[str, str] = {}
    with pytest.raises(UploadProblem) as down:
        registry.upload(source, resume=resume, max_retries=3)
    assert "could not send lab-report.pdf to the registry" in str(down.value)
    assert "503" in str(down.value) and "tried 4 times" in str(down.value)
    assert list(resume) == [_sha(source.read_bytes())]  # kept for the next try


def test_a_file_that_does_not_match_its_declared_hash_is_reported_and_not_kept(registry, tmp_path):
    source = _file(tmp_path, 150_000)
    wrong = _sha(b"some other file")
    resume: dict[str, str] = {}
    with pytest.raises(UploadProblem) as mismatch:
        registry.upload(source, wrong, resume=resume)
    assert "do not match the SHA-256" in str(mismatch.value) and wrong in str(mismatch.value)
    assert not registry.store.has(wrong) and not registry.store.has(_sha(source.read_bytes()))
    assert registry.leftovers() == [] and resume == {}


def test_a_remembered_upload_the_server_swept_starts_over(registry, tmp_path):
    source = _file(tmp_path, 4 * CHUNK)
    resume: dict[str, str] = {}
    with pytest.raises(UploadCancelled):
        registry.upload(source, resume=resume, cancel=lambda: registry.recorder.count("PATCH") >= 2)
    registry.clock.now = START + dt.timedelta(days=2)
    registry.store.sweep_expired(registry.clock.now)
    result = registry.upload(source, resume=resume)
    assert result.resumed_at == 0 and result.sent_bytes == 4 * CHUNK
    assert registry.stored(_sha(source.read_bytes())) == source.read_bytes()


def test_the_resume_file_survives_a_new_process(tmp_path):
    path = tmp_path / "state" / "resume.json"
    first = JsonResumeFile(path)
    first["ab" * 32] = "http://hub/files/1"
    first["cd" * 32] = "http://hub/files/2"
    del first["cd" * 32]
    assert dict(JsonResumeFile(path)) == {"ab" * 32: "http://hub/files/1"}
    assert not list(path.parent.glob(".*partial"))


# -- the store's durability rule -------------------------------------------------------------


def _stopped_mid_piece(store: LocalFileStore, data: bytes, recorded: int, synced: int) -> str:
    """An upload as a crash leaves it: the record says ``recorded``, the bytes are ``synced``."""
    info = store.create_upload(
        length=len(data),
        sha256=_sha(data),
        device="device-a",
        metadata={},
        now=START,
        expires=START + dt.timedelta(days=1),
    )
    if recorded:
        store.append(info.upload_id, 0, data[:recorded], expires=START + dt.timedelta(days=1))
    with open(store.uploads / info.upload_id, "r+b" if recorded else "wb") as out:
        out.truncate(0)
        out.write(data[:synced])
    return info.upload_id


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(min_size=1, max_size=5000),
    cuts=st.tuples(st.integers(0, 5000), st.integers(0, 5000)),
)
def test_an_upload_reopened_after_a_crash_stands_at_the_smaller_length(tmp_path, data, cuts):
    recorded, synced = (min(c, len(data)) for c in cuts)
    root = tmp_path / f"store-{os.urandom(4).hex()}"
    upload_id = _stopped_mid_piece(LocalFileStore(root), data, recorded, synced)
    store = LocalFileStore(root)  # opened again, as after a restart
    info = store.upload_info(upload_id)
    assert info.offset == min(recorded, synced)
    assert (store.uploads / upload_id).stat().st_size == info.offset  # anything beyond is cut
    end = START + dt.timedelta(days=1)
    store.append(upload_id, info.offset, data[info.offset :], expires=end)
    store.complete(upload_id, expires=end)
    assert store.path(_sha(data)).read_bytes() == data


@pytest.fixture(scope="module")
def shared_registry(tmp_path_factory) -> Iterator[Registry]:
    with _registries(tmp_path_factory.mktemp("shared")) as start:
        yield start()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.integers(0, 150_000),
    first=st.integers(4096, 70_000),
    second=st.integers(4096, 70_000),
    cut=st.floats(0.0, 1.0),
    seed=st.integers(0, 250),
)
def test_any_pieces_and_any_cut_store_the_file_exactly(
    shared_registry, tmp_path, size, first, second, cut, seed
):
    source = _file(tmp_path, size, name=f"f-{os.urandom(4).hex()}.bin", seed=seed)
    data = source.read_bytes() + os.urandom(8)  # unique, so it is never held already
    source.write_bytes(data)
    resume: dict[str, str] = {}
    confirmed = [0]
    # A cut inside the last piece comes too late to cancel: the file is whole already.
    with contextlib.suppress(UploadCancelled):
        shared_registry.upload(
            source,
            resume=resume,
            chunk_size=first,
            progress=lambda s, _t: confirmed.__setitem__(0, s),
            cancel=lambda: confirmed[0] >= int(cut * len(data)),
        )
    result = shared_registry.upload(source, resume=resume, chunk_size=second)
    if not result.already_held:
        assert result.resumed_at == confirmed[0]
        assert result.resumed_at + result.sent_bytes == len(data)
    assert shared_registry.stored(_sha(data)) == data


# -- processes killed with SIGKILL ---------------------------------------------------------------


def _wait_for(condition: Callable[[], bool], what: str, *, alive: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60  # a safety net for a broken test, not a measurement
    while not condition():
        assert alive(), f"stopped before {what}"
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def _server_process(store_dir: Path, listening: socket.socket, **env: str) -> subprocess.Popen:
    environment = {
        **os.environ,
        "SANAD_UPLOAD_DIR": str(store_dir),
        "SANAD_UPLOAD_FD": str(listening.fileno()),
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tests.sync.upload_server_app"],
        cwd=ROOT,
        env=environment,
        pass_fds=(listening.fileno(),),
    )


def test_the_server_killed_mid_upload_restarts_and_the_client_completes(tmp_path):
    source = _file(tmp_path, 8 * CHUNK)
    data = source.read_bytes()
    store_dir, mark = tmp_path / "store", tmp_path / "hung"
    # The test holds the listening socket: while no server runs, connections wait in its queue.
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen(64)
    base = f"http://127.0.0.1:{listening.getsockname()[1]}/files"
    server = _server_process(
        store_dir,
        listening,
        SANAD_UPLOAD_HANG_AT=str(4 * CHUNK + 1),
        SANAD_UPLOAD_HANG_MARK=str(mark),
    )
    outcome: dict[str, Any] = {}

    def send() -> None:
        try:
            with httpx.Client() as client:
                outcome["result"] = upload(
                    client,
                    base,
                    source,
                    _sha(data),
                    resume={},
                    sign=signer(),
                    chunk_size=CHUNK,
                    backoff=0.01,
                    max_retries=20,
                    stall_timeout=30,
                )
        except Exception as exc:
            outcome["error"] = exc

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        _wait_for(mark.exists, "the server hung mid-piece", alive=lambda: server.poll() is None)
        server.send_signal(signal.SIGKILL)
        server.wait()
        upload_id = mark.read_text()
        record = json.loads((store_dir / "uploads" / f"{upload_id}.json").read_text())
        # Killed between syncing the fifth piece and recording it: the bytes run ahead.
        assert record["offset"] == 4 * CHUNK
        assert (store_dir / "uploads" / upload_id).stat().st_size == 5 * CHUNK
        server = _server_process(store_dir, listening)
        sender.join(timeout=120)
        assert "error" not in outcome, outcome.get("error")
        result = outcome["result"]
        assert result.sent_bytes == len(data) + CHUNK  # only the piece never recorded, again
        blob = store_dir / "blobs" / _sha(data)[:2] / _sha(data)
        assert blob.read_bytes() == data and _sha(blob.read_bytes()) == result.sha256
    finally:
        server.kill()
        server.wait()
        listening.close()


CLIENT_PROCESS = """
import json, sys
from pathlib import Path
import httpx
from sync.upload_client import JsonResumeFile, upload
from tests.sync.upload_server_app import signer
base, source, sha256, resume = sys.argv[1:5]
with httpx.Client() as client:
    result = upload(client, base, Path(source), sha256, resume=JsonResumeFile(Path(resume)),
                    sign=signer(), chunk_size=int(sys.argv[5]), backoff=0.0)
print(json.dumps({"sent": result.sent_bytes, "resumed_at": result.resumed_at}))
"""


def test_a_client_killed_mid_upload_is_finished_by_a_fresh_process(registry, tmp_path):
    source = _file(tmp_path, 8 * CHUNK)
    data = source.read_bytes()
    resume_file = tmp_path / "resume.json"
    command = [
        sys.executable,
        "-c",
        CLIENT_PROCESS,
        registry.url,
        str(source),
        _sha(data),
        str(resume_file),
        str(CHUNK),
    ]
    registry.recorder.hold_at = 4 * CHUNK  # a piece in flight when the client dies
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE)
    try:
        _wait_for(
            registry.recorder.held.is_set,
            "the client sent half",
            alive=lambda: first.poll() is None,
        )
        first.send_signal(signal.SIGKILL)
        first.wait()
    finally:
        registry.recorder.release.set()
        first.kill()
        first.wait()
        first.stdout.close()
    assert registry.recorder.held_offset == 4 * CHUNK
    assert list(json.loads(resume_file.read_text())) == [_sha(data)]
    before = len(registry.recorder.requests)
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    outcome = json.loads(second.stdout)
    resent = registry.recorder.patch_bytes(before)
    assert resent == outcome["sent"] == len(data) - outcome["resumed_at"]
    # Nothing before the piece in flight is sent again; that piece at most once more.
    assert len(data) - 4 * CHUNK - CHUNK <= resent <= len(data) - 4 * CHUNK
    assert registry.stored(_sha(data)) == data
    assert json.loads(resume_file.read_text()) == {}


def test_a_file_sync_was_told_is_wanted_costs_one_request_if_it_is_small(registry, tmp_path):
    """When sync has just asked which files the other side wants, a file of one piece costs one
    request: no question whether it is held, and its bytes go with the POST that creates the
    upload (tus creation-with-upload); a larger file costs the POST and its pieces, and no
    final check (the last piece's answer says the whole file is there)."""
    small = _file(tmp_path, CHUNK // 2)
    registry.upload(small, known_missing=True)
    assert [m for m, _p, _n in registry.recorder.requests] == ["POST"]
    assert registry.stored(_sha(small.read_bytes())) == small.read_bytes()
    larger = tmp_path / "larger.bin"
    larger.write_bytes(os.urandom(CHUNK + CHUNK // 2))
    before = len(registry.recorder.requests)
    registry.upload(larger, known_missing=True)
    assert [m for m, _p, _n in registry.recorder.requests[before:]] == ["POST", "PATCH", "PATCH"]
    assert registry.stored(_sha(larger.read_bytes())) == larger.read_bytes()


def test_creation_with_upload_refuses_a_damaged_first_piece(registry, tmp_path):
    data = b"first and only piece"
    wrong = base64.b64encode(hashlib.sha256(b"something else").digest()).decode("ascii")
    response = _raw()("POST", registry.url, headers={
        "Upload-Length": str(len(data)), "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": f"sha256 {wrong}",
        "Upload-Metadata": "sha256 " + base64.b64encode(_sha(data).encode()).decode(),
    }, body=data)  # fmt: skip
    assert response.status_code == 460
    assert not registry.store.has(_sha(data)) and registry.leftovers() == []


def test_abandoned_uploads_are_swept_by_the_periodic_sweeper(tmp_path):
    """What ``sanad registry serve`` and a hub run: an upload past its expiry goes, one still
    within it stays."""
    import datetime as dt
    import threading
    import time

    from sync.file_store import LocalFileStore, sweep_periodically

    files = LocalFileStore(tmp_path / "files")
    now = dt.datetime.now(dt.UTC)
    old = files.create_upload(length=10, sha256="a" * 64, device="d", metadata={},
                              now=now - dt.timedelta(days=2), expires=now - dt.timedelta(days=1))
    fresh = files.create_upload(length=10, sha256="b" * 64, device="d", metadata={},
                                now=now, expires=now + dt.timedelta(days=1))
    stop = threading.Event()
    thread = sweep_periodically(files, every=0.05, stop=stop)
    deadline = time.monotonic() + 30
    while (tmp_path / "files" / "uploads" / f"{old.upload_id}.json").exists():
        assert time.monotonic() < deadline, "the expired upload was never swept"
        time.sleep(0.02)
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
    assert files.upload_info(fresh.upload_id).offset == 0
