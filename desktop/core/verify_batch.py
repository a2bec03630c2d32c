"""Verifying many credentials at once, on every core: a registry's bulk check, an employer's
folder of applications, ``sanad verify *.json``.

Each worker process opens its own read-only connection to the database whose trust it uses
(or trusts only the root key given) and verifies what it is handed; the verdicts come back in
the order of the inputs. JSON-LD canonicalisation is pure Python, so threads would not help.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from desktop.core.verification import Trust, Verdict, verify_input

__all__ = ["verify_all"]

_TRUST: list[Trust] = []


def _trust(db_path: str | None, root_key: str | None) -> tuple[Trust, Any]:
    """The trust to verify with, and the open database it reads status from (or None)."""
    trust, store = Trust(root=None), None
    if db_path is not None:
        from desktop.core.store import Store
        from desktop.core.trust import trust_from_store

        store = Store.open(Path(db_path), readonly=True)
        trust = trust_from_store(store)
    if root_key:
        from desktop.core.proofs import public_key_from_multikey

        trust.root = public_key_from_multikey(root_key)
    return trust, store


def _start(db_path: str | None, root_key: str | None) -> None:
    _TRUST[:] = [_trust(db_path, root_key)[0]]  # the worker's connection lives as long as it


def _check(source: bytes | str | Path) -> Verdict:
    return verify_input(source, _TRUST[0])


def verify_all(
    sources: Iterable[bytes | str | Path],
    *,
    db_path: Path | None = None,
    root_key: str | None = None,
    workers: int = 1,
) -> Iterator[Verdict]:
    """The verdict on each source, in order, with ``workers`` processes (1: this one)."""
    items = list(sources)
    db = str(db_path) if db_path is not None else None
    if workers <= 1 or len(items) < 4 * workers:
        trust, store = _trust(db, root_key)
        try:
            for item in items:
                yield verify_input(item, trust)
        finally:
            if store is not None:
                store.close()
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(db, root_key)) as pool:  # fmt: skip
        yield from pool.map(_check, items, chunksize=8)
