"""The signed documents that travel with sync: the trust list (head office) and each campus's
status list — which a node sends up, and how one received is kept (checked against this node's
root where it is installed)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from desktop.core.store import SYSTEM, Store
from sync.hub import node_documents
from sync.node import Document

if TYPE_CHECKING:
    from sync.client import SyncReport, _Session

__all__ = ["documents_to_offer", "exchange_documents", "install_documents"]


def documents_to_offer(store: Store) -> list[Document]:
    """The signed documents this node makes and sends up: its own status lists, and at head
    office the trust list."""
    made_here = {r["url"] for r in store.query("SELECT url FROM status_lists WHERE made_here = 1")}
    return [d for d in node_documents(store)
            if d.key in made_here or (d.kind == "trust_list" and store.is_head_office)]


def install_documents(store: Store, documents: list[Document]) -> tuple[int, list[str]]:
    """Keep the trust list and other campuses' status lists received (each checked against
    this node's root where it is installed); how many were kept, and why others were not."""
    from desktop.core.errors import DomainError
    from desktop.core.services.signing_keys import install_trust_list
    from desktop.core.trust import install_status_list

    made_here = {r["url"] for r in store.query("SELECT url FROM status_lists WHERE made_here = 1")}
    kept, warnings = 0, []
    for item in sorted(documents, key=lambda d: d.kind != "trust_list"):  # trust list first
        if item.key in made_here:
            continue
        try:
            document = json.loads(item.document)
            if item.kind == "trust_list":
                install_trust_list(store, SYSTEM, document)
            elif item.kind == "status_list":
                install_status_list(store, SYSTEM, document)
            kept += 1
        except (DomainError, ValueError) as exc:
            warnings.append(f"a {item.kind.replace('_', ' ')} received was not kept: {exc}")
    return kept, warnings


def exchange_documents(store: Store, s: _Session, report: SyncReport) -> None:
    """Send this node's own documents up; keep those received."""
    mine = node_documents(store)
    offer = documents_to_offer(store)
    body = json.dumps({
        "held": {d.key: d.sha256 for d in mine},
        "offer": [{"key": d.key, "kind": d.kind, "campus_code": d.campus_code,
                   "document": d.document} for d in offer],
    }).encode("utf-8")  # fmt: skip
    from sync.client import _json

    answer = _json(s.request("POST", "/sync/v1/documents", body))
    received = [Document(str(d["key"]), str(d["kind"]), d.get("campus_code"), str(d["document"]))
                for d in answer.get("documents", [])]  # fmt: skip
    kept, warnings = install_documents(store, received)
    report.documents += kept
    report.warnings.extend(warnings)
