"""Device keys and signed requests.

Every node (station, hub, head office, registry) holds an Ed25519 *device key*. Its public half
is what the node proved when it joined (kept by the other side, with the device's record); every
sync request and every USB bundle is signed with the private half.

The device key is not sealed with a passphrase, unlike the campus signing key: a scheduled sync
runs with nobody at the keyboard. It lives in the database's local ``settings`` (never
replicated), so a backup restored on a new computer keeps the computer's place in sync. Losing it
costs little: the focal person revokes the device and joins it again; it can sign no credential.

A signed request carries four headers::

    Sanad-Protocol: 1
    Sanad-Device: <device id>
    Sanad-Time: <UTC time, ISO 8601>
    Sanad-Signature: <base64url of Ed25519 over the signing string>

and the signing string is ``method \\n path?query \\n time \\n device \\n sha256(body) hex``, so a
changed body, path, time or device breaks the signature. The time is the client's clock corrected
by the offset it measured against the server (``hello``), so a computer whose clock is wrong still
syncs, and is told so.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.core.proofs import ProofError, public_key_from_multikey, public_key_multikey
from desktop.core.store import SYSTEM, Store

__all__ = [
    "PROTOCOL",
    "DeviceKey",
    "SignatureProblem",
    "device_key",
    "sign_request",
    "signing_string",
    "verify_request",
]

PROTOCOL = 1
HEADER_PROTOCOL = "sanad-protocol"
HEADER_DEVICE = "sanad-device"
HEADER_TIME = "sanad-time"
HEADER_SIGNATURE = "sanad-signature"
# How far a request's time may be from the server's (after the client's correction): a
# replayed request older than this is refused.
TIME_WINDOW = dt.timedelta(minutes=15)
_SETTING = "device_key"


class SignatureProblem(Exception):
    """A request whose signature cannot be accepted, with the reason in plain words."""


@dataclass(frozen=True)
class DeviceKey:
    device_id: str
    private: Ed25519PrivateKey

    @property
    def public_multikey(self) -> str:
        return public_key_multikey(self.private.public_key())

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)


def device_key(store: Store) -> DeviceKey:
    """This node's device key, made on first use (and its public half recorded on the node's
    own ``devices`` row, so it travels with the campus's records)."""
    device_id = store.device_id
    if device_id is None:
        raise RuntimeError("this database has no device identity yet: set up the campus first")
    text = store.setting(_SETTING)
    if text is not None:
        return DeviceKey(device_id, Ed25519PrivateKey.from_private_bytes(base64.b64decode(text)))
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes_raw()
    public = public_key_multikey(private.public_key())
    with store.transaction(SYSTEM) as tx:
        tx.set_setting(_SETTING, base64.b64encode(raw).decode("ascii"))
        row = store.one("SELECT public_key FROM devices WHERE id = ?", (device_id,))
        if row is not None and row["public_key"] != public:
            tx.update("devices", device_id, {"public_key": public})
            tx.audit("device.key", "devices", device_id, {"public_key": public})
    return DeviceKey(device_id, private)


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def signing_string(method: str, target: str, time: str, device_id: str, body: bytes) -> bytes:
    return "\n".join(
        (method.upper(), target, time, device_id, hashlib.sha256(body).hexdigest())
    ).encode("utf-8")


def sign_request(
    key: DeviceKey, method: str, target: str, body: bytes, *, clock_offset: float = 0.0
) -> dict[str, str]:
    """The headers that sign a request to ``target`` (path and query) with ``body``."""
    now = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=clock_offset)
    time = _utc(now)
    signature = key.sign(signing_string(method, target, time, key.device_id, body))
    return {
        HEADER_PROTOCOL: str(PROTOCOL),
        HEADER_DEVICE: key.device_id,
        HEADER_TIME: time,
        HEADER_SIGNATURE: base64.urlsafe_b64encode(signature).decode("ascii").rstrip("="),
    }


@dataclass(frozen=True)
class SignedRequest:
    device_id: str
    time: dt.datetime
    clock_offset: float  # server time minus the request's time, in seconds


def verify_request(
    headers: Mapping[str, str],
    method: str,
    target: str,
    body: bytes,
    public_key: str | Ed25519PublicKey,
    *,
    now: dt.datetime | None = None,
    check_time: bool = True,
) -> SignedRequest:
    """Check a request's signature with the device's known public key; raise
    :class:`SignatureProblem` with the reason if it does not hold."""
    device_id = headers.get(HEADER_DEVICE, "")
    time_text = headers.get(HEADER_TIME, "")
    signature_text = headers.get(HEADER_SIGNATURE, "")
    if not (device_id and time_text and signature_text):
        raise SignatureProblem("the request is not signed by a device (Sanad-* headers missing)")
    try:
        moment = dt.datetime.fromisoformat(time_text.replace("Z", "+00:00"))
        signature = base64.urlsafe_b64decode(signature_text + "=" * (-len(signature_text) % 4))
    except ValueError:
        raise SignatureProblem("the request's time or signature cannot be read") from None
    if moment.tzinfo is None:
        raise SignatureProblem("the request's time has no time zone")
    key = public_key
    if isinstance(key, str):
        try:
            key = public_key_from_multikey(key)
        except (ProofError, ValueError):
            raise SignatureProblem("the device's recorded key cannot be read") from None
    try:
        key.verify(signature, signing_string(method, target, time_text, device_id, body))
    except InvalidSignature:
        raise SignatureProblem(
            f"the request is not signed with the key device {device_id} joined with"
        ) from None
    current = now or dt.datetime.now(dt.UTC)
    offset = (current - moment).total_seconds()
    if check_time and abs(offset) > TIME_WINDOW.total_seconds():
        raise SignatureProblem(
            f"the request was signed at {time_text}, {abs(offset) / 60:.0f} minutes from the "
            "server's time: it is a replay, or the computer's clock changed during the sync"
        )
    return SignedRequest(device_id, moment, offset)
