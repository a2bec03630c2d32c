"""Sending evidence files with a sync: ask the other side which it wants (its policy), send
those by resumable tus upload a few at a time, and remember which it holds or declined. Files
the other side asks for by name (head office's QA samples: ``requested`` in its answer) are
sent when this computer holds them, even if they were declined before."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from desktop.core.ids import utc_now
from desktop.core.paths import evidence_dir
from desktop.core.store import SYSTEM, Store
from sync.identity import sign_request
from sync.upload_client import UploadProblem, upload

if TYPE_CHECKING:
    from sync.client import Link, Progress, SyncReport, _Session

__all__ = ["UPLOAD_WORKERS", "send_evidence"]

UPLOAD_WORKERS = 4
_SHA256 = re.compile(r"[0-9a-f]{64}")


def send_evidence(store: Store, link: Link, s: _Session, report: SyncReport,
                  progress: Progress, chunk: int) -> None:  # fmt: skip
    """Offer the evidence files the other side has not confirmed; send those it wants, and
    those it asked for by name that this computer holds."""
    from sync.client import SyncProblem, _json

    folder = evidence_dir(store.path)
    rows = store.query(
        "SELECT e.sha256, max(e.size) AS size, min(e.original_name) AS original_name "
        "FROM evidence e LEFT JOIN files_sent f ON f.sha256 = e.sha256 AND f.peer_device_id = ?"
        " WHERE e.kind = 'file' AND e.deleted = 0 AND f.sha256 IS NULL GROUP BY e.sha256",
        (link.peer_device_id,),
    )
    present = [r for r in rows if (folder / r["sha256"][:2] / r["sha256"]).exists()]
    wanted: set[str] = set()
    requested: set[str] = set()
    # asked at least once, with nothing to offer too: the answer names what head office
    # asked for by name (a QA sample), which may be files it declined before
    for start in range(0, max(len(present), 1), 2000):
        chunk_rows = present[start : start + 2000]
        body = json.dumps({"offered": [[r["sha256"], r["size"] or 0] for r in chunk_rows]})
        answer = _json(s.request("POST", "/sync/v1/files", body.encode()))
        wanted.update(answer["wanted"])
        requested.update(sha for sha in answer.get("requested") or [] if _is_sha256(sha))
    not_wanted = [r["sha256"] for r in present if r["sha256"] not in wanted]
    _mark_sent(store, link, not_wanted)
    todo = [r for r in present if r["sha256"] in wanted]
    todo += _requested_here(store, folder, requested - {r["sha256"] for r in todo})
    if not todo:
        return
    total = sum(r["size"] or 0 for r in todo)
    lock = threading.Lock()
    sent: dict[str, int] = {}
    failed = threading.Event()
    resume = _ResumeTable(store, link.peer_device_id, lock)

    def send(row: dict[str, Any]) -> None:
        path = folder / row["sha256"][:2] / row["sha256"]

        def step(done: int, _total: int | None) -> None:
            with lock:
                sent[row["sha256"]] = done
                progress("files", sum(sent.values()), total)

        try:
            upload(s.client, s.base_url + "/files", path, row["sha256"], resume=resume,
                   sign=lambda method, url, body: sign_request(
                       s.key, method, httpx.URL(url).raw_path.decode("ascii"), body,
                       clock_offset=s.clock_offset),
                   chunk_size=chunk, progress=step, known_missing=True, peer=link.peer_name,
                   cancel=lambda: failed.is_set() or bool(s.cancel and s.cancel()),
                   metadata={"filename": row["original_name"] or row["sha256"]})  # fmt: skip
        except UploadProblem as exc:
            failed.set()
            raise SyncProblem(f"the evidence file {row['original_name']} could not be sent: "
                              f"{exc}") from None  # fmt: skip
        with lock:
            report.files_sent += 1
            report.file_bytes += row["size"] or 0
            done.append(row["sha256"])
            if len(done) >= 50:  # one commit for many files (one is redone if cut here)
                _mark_sent(store, link, done)
                done.clear()

    # A few files at once: a campus has many small files, and over a long round trip each
    # costs two requests' waiting more than its bytes.
    done: list[str] = []
    try:
        with ThreadPoolExecutor(max_workers=UPLOAD_WORKERS) as pool:
            outcomes = [pool.submit(send, row) for row in todo]
    finally:
        _mark_sent(store, link, done)
    problems = [f.exception() for f in outcomes if f.exception() is not None]
    cancelled = [p for p in problems if not isinstance(p, SyncProblem)]
    if problems:
        raise next((p for p in problems if isinstance(p, SyncProblem)), None) or cancelled[0]


def _is_sha256(value: object) -> bool:
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def _requested_here(store: Store, folder: Path, hashes: set[str]) -> list[dict[str, Any]]:
    """The requested files this computer holds: recorded as evidence, and in its folder."""
    found: list[dict[str, Any]] = []
    ordered = sorted(hashes)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        found += store.query(
            "SELECT sha256, max(size) AS size, min(original_name) AS original_name FROM evidence "
            f"WHERE kind = 'file' AND deleted = 0 AND sha256 IN ({', '.join('?' * len(chunk))}) "
            "GROUP BY sha256", tuple(chunk))  # fmt: skip
    return [r for r in found if (folder / r["sha256"][:2] / r["sha256"]).exists()]


def _mark_sent(store: Store, link: Link, hashes: list[str]) -> None:
    if hashes:
        now = utc_now()
        with store.transaction(SYSTEM):
            store.conn.executemany(
                "INSERT OR IGNORE INTO files_sent (sha256, peer_device_id, sent_at) "
                "VALUES (?, ?, ?)",
                [(h, link.peer_device_id, now) for h in hashes],
            )


class _ResumeTable:
    """Where an unfinished upload continues, kept in the database (``upload_resume``)."""

    def __init__(self, store: Store, peer: str, lock: threading.Lock) -> None:
        self.store, self.peer, self.lock = store, peer, lock

    def __getitem__(self, sha256: str) -> str:
        with self.lock:
            row = self.store.one("SELECT url FROM upload_resume WHERE sha256 = ? AND "
                                 "peer_device_id = ?", (sha256, self.peer))  # fmt: skip
        if row is None:
            raise KeyError(sha256)
        return row["url"]

    def get(self, sha256: str, default: str | None = None) -> str | None:
        try:
            return self[sha256]
        except KeyError:
            return default

    def __setitem__(self, sha256: str, url: str) -> None:
        with self.lock:
            self.store.execute("INSERT INTO upload_resume (sha256, peer_device_id, url) VALUES "
                               "(?, ?, ?) ON CONFLICT DO UPDATE SET url = excluded.url",
                               (sha256, self.peer, url))  # fmt: skip

    def __delitem__(self, sha256: str) -> None:
        with self.lock:
            self.store.execute("DELETE FROM upload_resume WHERE sha256 = ? AND "
                               "peer_device_id = ?", (sha256, self.peer))  # fmt: skip

    def pop(self, sha256: str, default: Any = None) -> Any:
        value = self.get(sha256, default)
        del self[sha256]
        return value

    def __contains__(self, sha256: object) -> bool:
        return isinstance(sha256, str) and self.get(sha256) is not None

    def __iter__(self) -> Iterator[str]:
        with self.lock:
            rows = self.store.query("SELECT sha256 FROM upload_resume WHERE peer_device_id = ?",
                                    (self.peer,))  # fmt: skip
        return iter([r["sha256"] for r in rows])

    def __len__(self) -> int:
        return len(list(iter(self)))
