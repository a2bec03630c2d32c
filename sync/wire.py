"""Batches of changes as they travel over HTTP: columnar JSON, compressed.

A metered link is paid by the byte, so a batch is laid out for the compressor: the entries are
grouped into *blocks* of consecutive entries of one table (the sender's log order, which is
causal, is kept: blocks follow each other in that order), and a block holds each column's values
together, so a column of timestamps, of statuses or of the same cohort id compresses as one
run. Each entry's origin device is an index into the batch's list of devices. The row's id and
version are not repeated outside the row. Then the whole is compressed with zlib::

    {"format": "sanad-batch", "version": 1,
     "devices": ["0192…", …],
     "blocks": [{"table": "enrolments", "columns": ["id", "cohort_id", …],
                 "device": [0, 0, …], "seq": [41, 42, …], "op": ["insert", …],
                 "values": [[…id column…], […cohort_id column…], …]}, …]}

Decoding checks the shape of everything, so a corrupted or hostile batch is refused as a whole
with the reason (:class:`BatchProblem`) before anything is applied.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from typing import Any

from sync.changes import Change

__all__ = ["MEDIA_TYPE", "BatchProblem", "decode_batch", "encode_batch"]

FORMAT = "sanad-batch"
VERSION = 1
MEDIA_TYPE = "application/vnd.sanad.batch+json+zlib"
MAX_DECODED_BYTES = 256 * 1024 * 1024  # refused beyond this (a zip bomb)
_OPS = frozenset({"insert", "update", "delete", "restore"})


class BatchProblem(Exception):
    """A batch that cannot be read; nothing of it is applied."""


def encode_batch(changes: Sequence[Change], *, level: int = 6) -> bytes:
    devices: dict[str, int] = {}
    blocks: list[dict[str, Any]] = []
    block: dict[str, Any] | None = None
    for change in changes:
        columns = list(change.row)
        if block is None or block["table"] != change.table or block["columns"] != columns:
            block = {"table": change.table, "columns": columns, "device": [], "seq": [],
                     "op": [], "values": [[] for _ in columns]}  # fmt: skip
            blocks.append(block)
        block["device"].append(devices.setdefault(change.device_id, len(devices)))
        block["seq"].append(change.seq)
        block["op"].append(change.op)
        for column, value in zip(block["values"], change.row.values(), strict=True):
            column.append(value)
    document = {"format": FORMAT, "version": VERSION, "devices": list(devices), "blocks": blocks}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), level)


def decode_batch(data: bytes) -> list[Change]:
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(data, MAX_DECODED_BYTES)
        if inflater.unconsumed_tail:
            raise BatchProblem("the batch is larger than Sanad accepts in one piece")
        if not inflater.eof:
            raise BatchProblem("the batch was cut short on the way")
        document = json.loads(raw)
    except zlib.error as exc:
        raise BatchProblem(f"the batch is damaged (it does not decompress: {exc})") from None
    except ValueError:
        raise BatchProblem("the batch is damaged (it is not JSON)") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BatchProblem("this is not a Sanad batch")
    if document.get("version") != VERSION:
        raise BatchProblem(
            f"the batch is of format version {document.get('version')}; this Sanad reads "
            f"version {VERSION}: update Sanad"
        )
    devices = document.get("devices")
    blocks = document.get("blocks")
    if not (isinstance(devices, list) and all(isinstance(d, str) for d in devices)):
        raise BatchProblem("the batch's device list is damaged")
    if not isinstance(blocks, list):
        raise BatchProblem("the batch's blocks are damaged")
    changes: list[Change] = []
    for number, block in enumerate(blocks, start=1):
        changes.extend(_block(block, devices, number))
    return changes


def _block(block: Any, devices: list[str], number: int) -> list[Change]:
    def damaged(what: str) -> BatchProblem:
        return BatchProblem(f"block {number} of the batch is damaged ({what})")

    if not isinstance(block, dict):
        raise damaged("not an object")
    table, columns = block.get("table"), block.get("columns")
    device, seq, op, values = (block.get(k) for k in ("device", "seq", "op", "values"))
    if not isinstance(table, str) or not isinstance(columns, list):
        raise damaged("table or columns")
    if not all(isinstance(c, str) for c in columns) or "id" not in columns:
        raise damaged("columns")
    if not all(isinstance(x, list) for x in (device, seq, op, values)):
        raise damaged("entry lists")
    count = len(device)
    if len(seq) != count or len(op) != count or len(values) != len(columns):
        raise damaged("lists of different lengths")
    if any(not isinstance(v, list) or len(v) != count for v in values):
        raise damaged("a column of the wrong length")
    out = []
    for i in range(count):
        d, s, o = device[i], seq[i], op[i]
        if not (isinstance(d, int) and 0 <= d < len(devices)):
            raise damaged(f"device index {d!r}")
        if not (isinstance(s, int) and s > 0) or o not in _OPS:
            raise damaged(f"seq {s!r} or op {o!r}")
        row = {column: values[c][i] for c, column in enumerate(columns)}
        row_id, version = row.get("id"), row.get("version")
        if not isinstance(row_id, str) or not isinstance(version, int):
            raise damaged(f"id or version of entry {i + 1}")
        out.append(Change(devices[d], s, table, row_id, version, o, row))
    return out
