"""The evidence upload server on its own, as a process a test can ``kill -9`` and start again,
and the test credentials its requests are checked with.

Run as ``python -m tests.sync.upload_server_app`` with, in the environment:

- ``SANAD_UPLOAD_DIR``: the store's folder;
- ``SANAD_UPLOAD_FD``: a listening socket inherited from the test, so a restarted server answers
  at the same address, and connections made while it is down wait in that socket's queue;
- ``SANAD_UPLOAD_HANG_AT`` (optional): the first piece that takes an upload to this many bytes
  or more is synced to the disk, then the server writes the file ``SANAD_UPLOAD_HANG_MARK`` and
  stops dead before recording the new offset: the most awkward moment to be killed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import threading
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request

from sync.file_store import FileStore, LocalFileStore, UploadInfo
from sync.upload_client import Sign
from sync.uploads import upload_routes

__all__ = ["TOKENS", "authenticate", "build_app", "signer"]

TOKENS = {"token-a": "device-a", "token-b": "device-b"}


async def authenticate(request: Request, body: bytes) -> str:
    """A bearer token names the device; a body hash, when sent, must match the body (the
    stand-in for a real signature, which tuspy cannot make)."""
    token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    device = TOKENS.get(token)
    if device is None:
        raise HTTPException(401, "this device is not registered here; join it first")
    claimed = request.headers.get("sanad-body-sha256")
    if claimed is not None and claimed != hashlib.sha256(body).hexdigest():
        raise HTTPException(403, "the request's signature does not match its body")
    return device


def signer(token: str = "token-a") -> Sign:
    def sign(_method: str, _url: str, body: bytes) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {token}",
            "Sanad-Body-SHA256": hashlib.sha256(body).hexdigest(),
        }

    return sign


def build_app(files: FileStore, **options: Any) -> Starlette:
    settings = {"max_size": 50_000_000, "expiry": dt.timedelta(hours=24), **options}
    return Starlette(routes=upload_routes(files, authenticate=authenticate, **settings))


class _HangingStore(LocalFileStore):
    def __init__(self, root: Path, hang_at: int, mark: Path) -> None:
        super().__init__(root)
        self.hang_at, self.mark = hang_at, mark

    def _write_info(self, info: UploadInfo) -> None:
        if not info.complete and 0 < self.hang_at <= info.offset:
            self.mark.write_text(info.upload_id)
            threading.Event().wait()  # until killed
        super()._write_info(info)


def main() -> None:
    root = Path(os.environ["SANAD_UPLOAD_DIR"])
    hang_at = int(os.environ.get("SANAD_UPLOAD_HANG_AT", "0"))
    store = (
        _HangingStore(root, hang_at, Path(os.environ["SANAD_UPLOAD_HANG_MARK"]))
        if hang_at
        else LocalFileStore(root)
    )
    listening = socket.socket(fileno=int(os.environ["SANAD_UPLOAD_FD"]))
    config = uvicorn.Config(build_app(store), log_level="warning", lifespan="off")
    uvicorn.Server(config).run(sockets=[listening])


if __name__ == "__main__":
    main()
