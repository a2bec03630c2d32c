"""W3C Bitstring Status List v1.0: where a verifier learns that a credential was suspended or
revoked.

Every credential's ``credentialStatus`` is one ``BitstringStatusListEntry`` (the Open Badges
3.0 schema allows one) with ``statusPurpose: "message"`` and ``statusSize: 2``, so a single
list per campus says all three states: ``0x0`` active, ``0x1`` suspended, ``0x2`` revoked.
The list is a ``BitstringStatusListCredential`` signed by the campus issuer key with
``eddsa-rdfc-2022``, like the credentials it speaks for.

The ``encodedList`` is multibase base64url (prefix ``u``, no padding) of the GZIP-compressed
bitstring of 131,072 entries (the minimum, for herd privacy); entry *i* is bits
``2i .. 2i+1``, the most significant bit of byte 0 first.
"""

from __future__ import annotations

import base64
import gzip
from collections.abc import Mapping
from typing import Any

__all__ = [
    "ENTRIES",
    "STATUS_MESSAGES",
    "STATUS_SIZE",
    "StatusListProblem",
    "decode_list",
    "encode_list",
    "status_entry",
    "status_list_document",
    "status_of",
]

ENTRIES = 131_072
STATUS_SIZE = 2
# Entry value → state, in the order of ``statusMessage``.
STATUS_MESSAGES = {0: "active", 1: "suspended", 2: "revoked"}
_VALUES = {state: value for value, state in STATUS_MESSAGES.items()}
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"


class StatusListProblem(Exception):
    """A status list or entry that cannot be read, and why."""


def encode_list(states: Mapping[int, str]) -> str:
    """The ``encodedList`` of a list where entry index → state (absent entries are active)."""
    bits = bytearray(ENTRIES * STATUS_SIZE // 8)
    for index, state in states.items():
        if not 0 <= index < ENTRIES:
            raise StatusListProblem(f"status index {index} is outside 0 to {ENTRIES - 1}")
        value = _VALUES[state]
        for bit in range(STATUS_SIZE):
            if value >> (STATUS_SIZE - 1 - bit) & 1:
                position = index * STATUS_SIZE + bit
                bits[position // 8] |= 0x80 >> (position % 8)
    compressed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode_list(encoded: str) -> bytes:
    """The bitstring of an ``encodedList``."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListProblem("the encodedList is not multibase base64url (it must start with u)")
    text = encoded[1:]
    try:
        compressed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        bits = gzip.decompress(compressed)
    except (ValueError, OSError, EOFError) as exc:
        raise StatusListProblem(f"the encodedList cannot be decompressed: {exc}") from exc
    if len(bits) * 8 < ENTRIES:
        raise StatusListProblem(
            f"the list has {len(bits) * 8} bits, fewer than the {ENTRIES} a list must have"
        )
    return bits


def status_of(bits: bytes, index: int, size: int = STATUS_SIZE) -> str:
    """The state of entry ``index`` of a decoded list."""
    if not 0 <= index < len(bits) * 8 // size:
        raise StatusListProblem(f"status index {index} is outside the list")
    value = 0
    for bit in range(size):
        position = index * size + bit
        value = value << 1 | (bits[position // 8] >> (7 - position % 8) & 1)
    if size == 1:
        return "active" if value == 0 else "revoked"
    try:
        return STATUS_MESSAGES[value]
    except KeyError:
        raise StatusListProblem(f"status value {value:#x} is not one Sanad writes") from None


def status_entry(list_url: str, index: int) -> dict[str, Any]:
    """The ``credentialStatus`` of the credential at ``index`` of the list at ``list_url``."""
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "message",
        "statusListIndex": str(index),
        "statusSize": STATUS_SIZE,
        "statusMessage": [
            {"status": f"{value:#x}", "message": state} for value, state in STATUS_MESSAGES.items()
        ],
        "statusListCredential": list_url,
    }


def status_list_document(
    list_url: str, issuer: dict[str, Any], states: Mapping[int, str], *, valid_from: str
) -> dict[str, Any]:
    """The unsigned ``BitstringStatusListCredential`` of a campus's list."""
    return {
        "@context": [VC_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": valid_from,
        "credentialSubject": {
            "id": f"{list_url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "message",
            "encodedList": encode_list(states),
        },
    }
