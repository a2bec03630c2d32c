"""The QR code on a paper certificate: a URL that opens the registry's verification page and carries
a compact signed payload that verifies offline with the national root public key alone.

Pipeline: CBOR claims → COSE_Sign1 (EdDSA, Ed25519, signed by the campus issuer key) → zlib, only
when that is smaller → one big-endian number, in decimal → ``<REGISTRY URL UPPERCASED>/V/<digits>``.
The QR holds two segments: the URL prefix in alphanumeric mode, the digits in numeric mode. A phone
camera opens the URL; the registry reads the digits from the path.

Why digits and not the Base45 of the EU Digital COVID Certificate: Base45 costs 8.25 bits a byte,
but its space and "%" must be percent-escaped in a URL, which adds 9–13 % (more or less, with the
signature bytes), and a typical certificate then needs QR version 18. The product requires version
15 at error correction Q, 2,360 data bits, and 160 of the bytes (two Ed25519 signatures and the
campus public key) are random, so no compression helps. Digits cost 10 bits per 3 in a numeric
segment (8.03 bits a byte), need no escape in a URL path, and the typical certificate takes 2,320
bits.

Bytes of a typical payload (untagged COSE; decoders also accept tag 18, first byte ``D2``)::

    84                      COSE_Sign1 [protected, unprotected, payload, signature]   1
    43 A1 01 27             protected header {1: -8} (alg EdDSA), as a bstr             4
    A0                      unprotected header {}                                     1
    58 nn                   payload: the claims map below, as a bstr                    2
    58 40 <64 bytes>        Ed25519 signature by the campus key                      66
  claims map (short integer keys; 6, 8 and 9 only when present)                       1
    0: bstr   compact campus key certificate (below)                       1 + 2 + 123
    1: [year, number]       serial "<campus code>-<year>-<number, 6 digits>"  1 + 4 + 1–5
       or text              any other serial                               1 + 1 + len
    2: text   learner name (UTF-8)                                       1 + 1–2 + len
    3: text   achievement code                                               1 + 1 + len
    5: int    issued at, epoch seconds      6: int   valid until (if any)        1 + 5
    8: true   present only when the name was shortened to fit                   1 + 1
    9: int    entry in the campus's status list, 0..131071 (if any)         1 + 1–5
    (4 and 7 are unused: drafts carried the title and the credential id, now left to the
    verifier's catalogue and the registry page)
  compact certificate, a COSE_Sign1 like the above signed by the ROOT key          123
    84 43A10127 A0 58 31 [campus code, 32-byte public key, valid from, valid until]
       (84 | 63 "QAU" | 58 20 <key> | 1A <4> | 1A <4> = 49 bytes) | 58 40 <signature>

The QR text, for the bytes above (or their zlib stream, first byte ``78``)::

    HTTPS://REGISTRY.SANAD.EXAMPLE/V/   alphanumeric: 4 + 11 + 11 per 2 characters
                                        (6 for a last one)                         197 bits
    str(int.from_bytes(01 || bytes))    numeric: 4 + 12 + 10 per 3 digits
                                        (4 or 7 for a last 1 or 2)               2,123 bits

The ``01`` before the bytes keeps a leading zero byte, which a number would lose, and fixes the
number of digits by the number of bytes (within one digit), whatever the signature bytes: a
typical credential (25-character name, an end date, a status entry) is 262 bytes, 632 digits, a
665-character text of 2,320 bits, 40 to spare at version 15-Q (an ASCII name of 30 characters
fits). The counts (11 and 12 bits) are those of versions 10 to 26; ``qr_data_bits`` adds them up.

Domain separation costs no bytes: each signature covers an ``external_aad`` (RFC 9052 §4.4) that
says what was signed (``CERTIFICATE_AAD`` or ``CREDENTIAL_AAD``), so the root's signature on a
campus key can never verify as a credential, nor a credential as a certificate. The shapes differ
too (array against map).

If the claims do not fit, the learner's name is shortened (cut on a character, "…" added) and
``truncated`` is set inside the signed claims: the registry page shows the full name. If even an
empty name does not fit, the registry address is too long.

pycose 1.1 makes and checks the signatures (keys converted from ``cryptography``'s raw bytes);
its decoder only accepts tagged messages, so the CBOR array is parsed and shape-checked here and
handed to ``Sign1Message.from_cose_obj``.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import unicodedata
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import cbor2
import segno
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from PIL import Image, UnidentifiedImageError
from pycose.headers import Algorithm
from pycose.keys import OKPKey
from pycose.keys.curves import Ed25519
from pycose.messages import Sign1Message
from segno.consts import MODE_ALPHANUMERIC, MODE_NUMERIC

from desktop.core.status_lists import ENTRIES

__all__ = [
    "ALPHANUMERIC",
    "CERTIFICATE_AAD",
    "CREDENTIAL_AAD",
    "DATA_BITS",
    "ERROR_LEVEL",
    "MAX_VERSION",
    "CompactCertificate",
    "PayloadProblem",
    "QrClaims",
    "QrContents",
    "QrMatrix",
    "VerifiedQr",
    "compact_certificate",
    "decode_image",
    "decode_payload",
    "encode_payload",
    "qr_code",
    "qr_data_bits",
    "qr_modules",
    "read_compact_certificate",
    "verify_payload",
]

MAX_VERSION = 15
ERROR_LEVEL = "q"
DATA_BITS = 2360  # data bits of version 15 at error correction Q (a test checks with segno)
CERTIFICATE_AAD = b"sanad:campus-key-certificate:1"
CREDENTIAL_AAD = b"sanad:credential:1"
PROTECTED = cbor2.dumps({1: -8})
ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
ELLIPSIS = "…"
_SENTINEL = b"\x01"  # before the payload's first byte, so that a leading zero byte survives int()
_URL_CHARACTERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-./:")
_DIGITS = "0123456789"
_PATH = re.compile("/[Vv]/")
_SERIAL = re.compile(r"(?P<code>.+)-(?P<year>\d{4})-(?P<number>\d{6,})")
# int() refuses longer decimal texts (sys.get_int_max_str_digits); a Sanad QR holds < 710 digits
_MOST_DIGITS = 4000


class PayloadProblem(Exception):
    """A QR payload that cannot be made or trusted; ``reason`` is one of "not_sanad", "damaged",
    "certificate_invalid", "signature_invalid", "key_not_valid", "too_long", "unsuitable_url",
    "not_an_image"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class QrClaims:
    """What the QR states. Times are UTC to the second (a naive time is taken as UTC);
    ``status_index`` is the credential's entry in its campus's status list (None: it has none);
    ``truncated`` says the learner's name was shortened to fit."""

    serial: str
    learner_name: str
    achievement_code: str
    issued_at: dt.datetime
    valid_until: dt.datetime | None
    status_index: int | None
    truncated: bool = False


@dataclass(frozen=True)
class CompactCertificate:
    """The root's word that this campus key may sign from ``valid_from`` to ``valid_until``."""

    campus_code: str
    public_key: Ed25519PublicKey
    valid_from: dt.datetime
    valid_until: dt.datetime


@dataclass(frozen=True)
class QrContents:
    """What a QR says, before any signature is checked."""

    claims: QrClaims
    certificate: bytes
    cose: bytes


@dataclass(frozen=True)
class VerifiedQr:
    """Claims signed by a campus key that the root certified for the moment of issue."""

    claims: QrClaims
    certificate: CompactCertificate


@dataclass(frozen=True)
class QrMatrix:
    """Rows of modules (a byte each: 1 is dark), without the light quiet zone of
    ``quiet_zone`` modules that must surround them on every side."""

    modules: list[bytes]
    quiet_zone: int
    version: int


def _damaged(what: str) -> PayloadProblem:
    return PayloadProblem(
        "damaged", f"The QR code looks like a Sanad certificate but {what}. Scan it again in good "
        "light, or look the serial up on the registry.",
    )  # fmt: skip


def _not_sanad() -> PayloadProblem:
    return PayloadProblem("not_sanad", "This is not a Sanad QR code. Scan the code printed on a "
                          "Sanad certificate.")  # fmt: skip


def _epoch(moment: dt.datetime) -> int:
    return int((moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).timestamp())


def _moment(seconds: int) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise _damaged(f"its date {seconds} is impossible") from None


def _sign(payload: bytes, key: Ed25519PrivateKey, aad: bytes) -> bytes:
    message = Sign1Message(phdr={Algorithm: -8}, payload=payload, external_aad=aad)
    public = key.public_key().public_bytes_raw()
    message.key = OKPKey(crv=Ed25519, d=key.private_bytes_raw(), x=public)
    return message.encode(tag=False)


def _parts(cose: bytes, what: str, inside: bool = False) -> list[Any]:
    """The four parts of a COSE_Sign1 signed the way Sanad signs (tagged or not); one signed
    some other way is not Sanad's, unless it sits ``inside`` a Sanad payload (then: damaged)."""
    try:
        obj = cbor2.loads(cose)
    except (cbor2.CBORDecodeError, ValueError, TypeError, RecursionError):
        raise _damaged(f"its {what} cannot be read") from None
    if isinstance(obj, cbor2.CBORTag) and obj.tag == 18:
        obj = list(obj.value) if isinstance(obj.value, tuple) else obj.value  # tagged: immutable
    if not (isinstance(obj, list) and len(obj) == 4 and obj[0] == PROTECTED):
        raise _damaged(f"its {what} is incomplete") if inside else _not_sanad()
    if not (obj[1] == {} and isinstance(obj[2], bytes) and isinstance(obj[3], bytes)):
        raise _damaged(f"its {what} is incomplete")
    return [obj[0], {}, obj[2], obj[3]]


def _signed_by(parts: list[Any], key: Ed25519PublicKey, aad: bytes) -> bool:
    message = Sign1Message.from_cose_obj(list(parts), allow_unknown_attributes=True)
    message.external_aad = aad
    message.key = OKPKey(crv=Ed25519, x=key.public_bytes_raw())
    return bool(message.verify_signature())


def compact_certificate(
    campus_code: str,
    campus_public_key: Ed25519PublicKey,
    valid_from: dt.datetime,
    valid_until: dt.datetime,
    root: Ed25519PrivateKey,
) -> bytes:
    """Head office: the root's certificate for a campus key, small enough to ride in every QR."""
    if _epoch(valid_until) <= _epoch(valid_from):
        raise ValueError(f"the certificate for {campus_code} would end before it starts")
    body = [campus_code, campus_public_key.public_bytes_raw(), _epoch(valid_from),
            _epoch(valid_until)]  # fmt: skip
    return _sign(cbor2.dumps(body), root, CERTIFICATE_AAD)


def _certificate_fields(parts: list[Any]) -> tuple[str, bytes, int, int]:
    try:
        code, key, start, end = cbor2.loads(parts[2])
    except (cbor2.CBORDecodeError, ValueError, TypeError):
        raise _damaged("its campus key certificate cannot be read") from None
    if not (isinstance(code, str) and isinstance(key, bytes) and len(key) == 32
            and type(start) is int and type(end) is int):  # fmt: skip
        raise _damaged("its campus key certificate is incomplete")
    return code, key, start, end


def read_compact_certificate(data: bytes, root_public: Ed25519PublicKey) -> CompactCertificate:
    """The certificate in ``data`` if the root signed it (else "certificate_invalid").

    Every certificate of a campus carries the same few bytes, so a check that passed is
    remembered (by those bytes and the root's): a registry verifying many QR codes checks each
    campus certificate's signature once. A refusal is not remembered."""
    return _checked_certificate(bytes(data), root_public.public_bytes_raw())


@functools.lru_cache(maxsize=256)
def _checked_certificate(data: bytes, root_raw: bytes) -> CompactCertificate:
    root_public = Ed25519PublicKey.from_public_bytes(root_raw)
    parts = _parts(data, "campus key certificate")
    code, key, start, end = _certificate_fields(parts)
    if not _signed_by(parts, root_public, CERTIFICATE_AAD):
        raise PayloadProblem(
            "certificate_invalid", f"The issuer key of campus {code!r} is not certified by the "
            "national root key this app trusts: the issuer is unknown. Check the certificate "
            "with the registry, and make sure this app has the right root key.",
        )  # fmt: skip
    return CompactCertificate(code, Ed25519PublicKey.from_public_bytes(key), _moment(start),
                              _moment(end))  # fmt: skip


def _cut(text: str, keep: int) -> str:
    if keep >= len(text):
        return text
    kept = text[:keep]
    # do not leave a bare combining mark or joiner, nor a space, before the ellipsis
    while kept and (unicodedata.combining(kept[-1]) or kept[-1] in "\u200c\u200d"
                    or kept[-1].isspace()):  # fmt: skip
        kept = kept[:-1]
    return kept + ELLIPSIS


def _claims_map(claims: QrClaims, certificate: bytes, campus_code: str) -> dict[int, Any]:
    serial: Any = claims.serial
    found = _SERIAL.fullmatch(claims.serial)
    if found and found["code"] == campus_code:
        year, number = int(found["year"]), int(found["number"])
        if f"{campus_code}-{year:04d}-{number:06d}" == claims.serial:
            serial = [year, number]
    out: dict[int, Any] = {0: certificate, 1: serial, 2: claims.learner_name,
                           3: claims.achievement_code, 5: _epoch(claims.issued_at)}  # fmt: skip
    if claims.valid_until is not None:
        out[6] = _epoch(claims.valid_until)
    if claims.truncated:
        out[8] = True
    if claims.status_index is not None:
        out[9] = claims.status_index
    return out


def _segments(text: str) -> tuple[str, str]:
    """``text`` as its alphanumeric prefix and its trailing decimal digits."""
    prefix = text.rstrip(_DIGITS)
    if not set(prefix) <= ALPHANUMERIC:
        raise ValueError(f"{text[:60]!r} is not a Sanad QR text: its part before the digits "
                         "has characters outside the QR alphanumeric set")  # fmt: skip
    return prefix, text[len(prefix) :]


def qr_data_bits(text: str) -> int:
    """The data bits ``qr_code(text)`` needs at versions 10 to 26: mode indicator (4 bits),
    character count (11 bits alphanumeric, 12 numeric) and the characters of each segment."""
    prefix, digits = _segments(text)
    bits = 0
    if prefix:
        bits += 4 + 11 + 11 * (len(prefix) // 2) + 6 * (len(prefix) % 2)
    if digits:
        bits += 4 + 12 + 10 * (len(digits) // 3) + (0, 4, 7)[len(digits) % 3]
    return bits


def _text(prefix: str, claims: dict[int, Any], key: Ed25519PrivateKey) -> str | None:
    """The QR text of ``claims`` signed by ``key``, or None when it does not fit."""
    cose = _sign(cbor2.dumps(claims), key, CREDENTIAL_AAD)
    packed = zlib.compress(cose, 9)
    data = packed if len(packed) < len(cose) else cose
    if len(data) >= DATA_BITS // 8:  # every byte costs more than 8 bits in digits
        return None
    text = prefix + str(int.from_bytes(_SENTINEL + data, "big"))
    return text if qr_data_bits(text) <= DATA_BITS else None


def encode_payload(
    claims: QrClaims, campus_key: Ed25519PrivateKey, certificate: bytes, registry_url: str
) -> str:
    """The QR text for ``claims``, signed by ``campus_key``: always at most ``DATA_BITS`` bits
    (``qr_data_bits``), so QR version ``MAX_VERSION`` or less. The learner's name is shortened
    (and ``truncated`` set) when needed."""
    if claims.status_index is not None and not 0 <= claims.status_index < ENTRIES:
        raise ValueError(f"status list entry {claims.status_index} is not in 0..{ENTRIES - 1}")
    address = registry_url.strip().rstrip("/")
    prefix = address.upper() + "/V/"
    # ASCII first: "ß".upper() is "SS", which would put another host in the QR
    if not (address.isascii() and set(prefix) <= _URL_CHARACTERS
            and prefix.find("/V/") == len(prefix) - 3):  # fmt: skip
        raise PayloadProblem(
            "unsuitable_url", f"The registry address {registry_url!r} cannot go in a QR code: "
            "use only letters, digits and . / : - (no '/v/' in it).",
        )  # fmt: skip
    campus_code = _certificate_fields(_parts(certificate, "campus key certificate"))[0]

    def text_for(name: str, truncated: bool) -> str | None:
        shortened = replace(claims, learner_name=name, truncated=truncated)
        return _text(prefix, _claims_map(shortened, certificate, campus_code), campus_key)

    text = text_for(claims.learner_name, claims.truncated)
    if text is not None:
        return text
    full = claims.learner_name
    fits, too_long = -1, len(full)  # characters kept: _cut(full, fits) fits, too_long does not
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        candidate = text_for(_cut(full, middle), True)
        if candidate is not None:
            fits, text = middle, candidate
        else:
            too_long = middle
    if text is not None:
        return text
    raise PayloadProblem(
        "too_long", f"Even with the learner's name cut short, the QR code would not fit: the "
        f"registry address {registry_url!r} is {len(registry_url)} characters. Use a shorter "
        "registry address.",
    )  # fmt: skip


def _payload_bytes(text: str) -> bytes:
    """The bytes that the digits of ``text`` carry (after its first "/V/", or all of it)."""
    body = text.strip()
    found = _PATH.search(body)
    if found:
        body = body[found.end() :]
    # ASCII digits only: str.isdigit() takes "١٢٣" too, and int() would read it
    if not body or body.strip(_DIGITS):
        raise _not_sanad()
    if len(body) > _MOST_DIGITS:
        raise _damaged("it has too many digits") if found else _not_sanad()
    number = int(body)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    if raw[:1] != _SENTINEL:
        raise _damaged("its digits are incomplete") if found else _not_sanad()
    return raw[1:]


def _contents(text: str) -> QrContents:
    data = _payload_bytes(text)
    if data[:1] == b"\x78":
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(data, 1 << 16)  # a QR holds < 300 bytes: no zip bombs
        except zlib.error:
            raise _damaged("its compressed data is broken") from None
        if inflater.unconsumed_tail or not inflater.eof:
            raise _damaged("its compressed data is broken")
    if data[:1] not in (b"\x84", b"\xd2"):
        raise _not_sanad()
    parts = _parts(data, "credential")
    try:
        found = cbor2.loads(parts[2])
        certificate = found[0]
        code = _certificate_fields(_parts(certificate, "campus key certificate", inside=True))[0]
        serial = found[1]
        if isinstance(serial, list):
            year, number = serial
            serial = f"{code}-{year:04d}-{number:06d}"
        until, index = found.get(6), found.get(9)
        claims = QrClaims(
            serial=serial, learner_name=found[2], achievement_code=found[3],
            issued_at=_moment(found[5]), valid_until=None if until is None else _moment(until),
            status_index=index, truncated=found.get(8) is True,
        )  # fmt: skip
    except (cbor2.CBORDecodeError, ValueError, TypeError, KeyError, IndexError, AttributeError,
            OverflowError):  # fmt: skip
        raise _damaged("its details cannot be read") from None
    if not all(isinstance(t, str) for t in (claims.serial, claims.learner_name,
                                            claims.achievement_code)):  # fmt: skip
        raise _damaged("its details are incomplete")
    if index is not None and not (type(index) is int and 0 <= index < ENTRIES):
        raise _damaged(f"its status list entry {index!r} is impossible")
    return QrContents(claims, certificate, data)


def decode_payload(text: str) -> QrContents:
    """What the QR text says, without checking any signature. Accepts the full URL (any case,
    any host: the digits after the first "/V/"), "/V/<digits>", or the digits alone; whitespace
    around them is ignored."""
    return _contents(text)


def verify_payload(text: str, root_public: Ed25519PublicKey) -> VerifiedQr:
    """The claims of a QR text whose campus key certificate ``root_public`` signed, signed by
    that campus key while it was certified. Expiry and revocation are for the caller."""
    contents = decode_payload(text)
    certificate = read_compact_certificate(contents.certificate, root_public)
    if not _signed_by(_parts(contents.cose, "credential"), certificate.public_key, CREDENTIAL_AAD):
        raise PayloadProblem(
            "signature_invalid", f"The details in this QR code were changed after campus "
            f"{certificate.campus_code} signed them. Do not trust this certificate; check its "
            "serial with the registry.",
        )  # fmt: skip
    issued = contents.claims.issued_at
    if not certificate.valid_from <= issued < certificate.valid_until:
        raise PayloadProblem(
            "key_not_valid", f"Campus {certificate.campus_code} signed this on "
            f"{issued:%Y-%m-%d %H:%M} UTC, when its key was not certified (only from "
            f"{certificate.valid_from:%Y-%m-%d} to {certificate.valid_until:%Y-%m-%d}). Do not "
            "trust this certificate; check its serial with the registry.",
        )  # fmt: skip
    return VerifiedQr(contents.claims, certificate)


def qr_code(text: str) -> segno.QRCode:
    """The QR code for ``text`` at error correction Q, in the smallest version that holds it:
    an alphanumeric segment for the URL, then a numeric segment for the trailing digits."""
    bits = qr_data_bits(text)
    if bits > DATA_BITS:
        raise PayloadProblem("too_long", f"The QR text needs {bits} bits, more than the "
                             f"{DATA_BITS} that QR version {MAX_VERSION} holds at error "
                             "correction Q.")  # fmt: skip
    prefix, digits = _segments(text)
    segments = [
        (part, mode) for part, mode in ((prefix, MODE_ALPHANUMERIC), (digits, MODE_NUMERIC)) if part
    ]
    # segno 1.6 wants a segment's mode as its number: the name ("numeric") only works for mode=
    return segno.make(segments, error=ERROR_LEVEL, micro=False, boost_error=False)


def qr_modules(text: str) -> QrMatrix:
    """The modules of the QR code of ``text`` at error correction Q, for a renderer that draws
    each dark one. Encoded by zxing-cpp (1.3 ms; segno's mask search takes 19 ms, too slow for
    a hundred certificates a second), whose encoder segments the text as well as
    :func:`qr_code` does; the version is checked all the same."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="Q")
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    size = image.shape[0]
    version = (size - 17) // 4
    if version > MAX_VERSION or barcode.ec_level != "Q":
        raise PayloadProblem("too_long", f"The QR text is {len(text)} characters: it needs QR "
                             f"version {version}, more than {MAX_VERSION}.")  # fmt: skip
    dark = bytes(memoryview(image)).translate(_DARK)  # one byte per module: 1 dark, 0 light
    rows = [dark[row * size : (row + 1) * size] for row in range(size)]
    return QrMatrix(rows, quiet_zone=4, version=version)


_DARK = bytes(1 if value < 128 else 0 for value in range(256))


def decode_image(data: bytes | str | Path) -> list[str]:
    """The texts of every QR code in a PNG or JPEG image (bytes, or a file's path)."""
    try:
        with Image.open(io.BytesIO(data) if isinstance(data, bytes) else data) as image:
            grey = image.convert("L")
    except FileNotFoundError:
        raise
    except (UnidentifiedImageError, OSError) as exc:
        raise PayloadProblem("not_an_image", f"This file is not an image that can be read "
                             f"({exc}). Use a PNG or JPEG photo or scan.") from None  # fmt: skip
    found = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found]
