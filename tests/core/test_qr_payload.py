"""The certificate's QR code: a URL carrying a signed payload that verifies offline with the root
public key alone, always small enough for QR version 15 at error correction Q."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
import zlib
from dataclasses import replace

import cbor2
import pytest
import segno
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from desktop.core.qr_payload import (
    ALPHANUMERIC,
    CERTIFICATE_AAD,
    CREDENTIAL_AAD,
    DATA_BITS,
    MAX_VERSION,
    PayloadProblem,
    QrClaims,
    compact_certificate,
    decode_image,
    decode_payload,
    encode_payload,
    qr_code,
    qr_data_bits,
    qr_modules,
    read_compact_certificate,
    verify_payload,
)
from desktop.core.status_lists import ENTRIES

REGISTRY = "https://registry.sanad.example"
PREFIX = "HTTPS://REGISTRY.SANAD.EXAMPLE/V/"
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2028, 1, 1, tzinfo=dt.UTC)
TYPICAL = QrClaims(
    serial="QAU-2026-000123",
    learner_name="Muhammad Ahmed Khan Niazi",
    achievement_code="DA-101",
    issued_at=dt.datetime(2026, 5, 4, 10, 30, 15, tzinfo=dt.UTC),
    valid_until=dt.datetime(2029, 5, 4, tzinfo=dt.UTC),
    status_index=98765,
)
LATIN = st.characters(min_codepoint=0x20, max_codepoint=0x24F)
URDU = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
LETTERS = st.one_of(LATIN, URDU, st.characters(codec="utf-8"))
NAMES = st.one_of(st.text(LETTERS, max_size=40), st.text(LETTERS, min_size=120, max_size=200))
FIXTURES = [HealthCheck.function_scoped_fixture]  # module-scoped keys: the same for every example
HOSTS = st.from_regex(r"[a-z0-9][a-z0-9.-]{0,38}[a-z0-9]", fullmatch=True)  # 2 to 40 characters
STATUS = st.one_of(st.none(), st.integers(0, ENTRIES - 1))


def _key(name: str) -> Ed25519PrivateKey:
    """A fixed key, so that the typical QR (whose signature bytes vary with the key) is the same
    on every run."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(name.encode()).digest())


@pytest.fixture(scope="module")
def root():
    return _key("root")


@pytest.fixture(scope="module")
def campus_key():
    return _key("campus QAU")


@pytest.fixture(scope="module")
def certificate(root, campus_key):
    return compact_certificate("QAU", campus_key.public_key(), START, END, root)


@pytest.fixture(scope="module")
def typical(campus_key, certificate):
    return encode_payload(TYPICAL, campus_key, certificate, REGISTRY)


def _claims(name: str = "A", issued: dt.datetime = START, **changes) -> QrClaims:
    fields = {"serial": "QAU-2026-000123", "learner_name": name, "achievement_code": "DA-101",
              "issued_at": issued, "valid_until": None, "status_index": 7} | changes  # fmt: skip
    return QrClaims(**fields)


def _as_qr(cose: bytes) -> str:
    """The QR text of ``cose`` as the format says: zlib when smaller, a 01 byte, decimal."""
    packed = zlib.compress(cose, 9)
    data = packed if len(packed) < len(cose) else cose
    return PREFIX + _digits(b"\x01" + data)


def _digits(data: bytes) -> str:
    return str(int.from_bytes(data, "big"))


def _carried(text: str) -> bytes:
    """The bytes the digits of a QR text carry, the 01 byte removed."""
    number = int(text.split("/V/", 1)[1])
    return number.to_bytes((number.bit_length() + 7) // 8, "big")[1:]


def _rewrapped(text: str, change) -> str:
    """``text`` with ``change`` applied to its claims map, keeping the old signature."""
    cose = decode_payload(text).cose
    protected, unprotected, payload, signature = cbor2.loads(cose)
    claims = cbor2.loads(payload)
    change(claims)
    return _as_qr(cbor2.dumps([protected, unprotected, cbor2.dumps(claims), signature]))


def _reason(text: str, root) -> str:
    with pytest.raises(PayloadProblem) as refused:
        verify_payload(text, root.public_key())
    assert refused.value.message == str(refused.value)
    return refused.value.reason


def _segno_version(prefix: str, digits: str) -> int:
    """The version segno picks for the two segments, without ``qr_code``'s own bit count."""
    segments = [(prefix, segno.consts.MODE_ALPHANUMERIC), (digits, segno.consts.MODE_NUMERIC)]
    return segno.make(segments, error="q", micro=False, boost_error=False).version


def test_data_bits_are_those_of_version_15_q():
    assert segno.consts.SYMBOL_CAPACITY[MAX_VERSION][segno.consts.ERROR_LEVEL_Q] == DATA_BITS
    assert qr_data_bits(PREFIX + "1" * 644) == DATA_BITS  # 197 + 16 + 214 · 10 + 7


# prefixes of 33 to 36 characters end on every (characters % 2, digits % 3) at the limit
@pytest.mark.parametrize("length", [33, 34, 35, 36])
def test_a_text_at_the_limit_is_version_15_and_one_digit_more_is_not(length):
    prefix = "HTTPS://" + "R" * (length - 11) + "/V/"
    digits = "9" * 600
    while qr_data_bits(prefix + digits + "9") <= DATA_BITS:
        digits += "9"
    assert qr_data_bits(prefix + digits) > DATA_BITS - 10  # a digit costs at least 3 bits
    assert qr_code(prefix + digits).version == MAX_VERSION == _segno_version(prefix, digits)
    assert _segno_version(prefix, digits + "9") == MAX_VERSION + 1
    longer = qr_data_bits(prefix + "R" + digits) > DATA_BITS
    assert (_segno_version(prefix + "R", digits) > MAX_VERSION) is longer
    with pytest.raises(PayloadProblem) as refused:
        qr_code(prefix + digits + "9")
    assert refused.value.reason == "too_long"


def test_round_trip(typical, root, certificate):
    verified = verify_payload(typical, root.public_key())
    assert verified.claims == TYPICAL
    assert verified.certificate.campus_code == "QAU"
    assert (verified.certificate.valid_from, verified.certificate.valid_until) == (START, END)
    assert decode_payload(typical).certificate == certificate


def test_typical_certificate_fits_version_15_untruncated(typical, root, capsys):
    assert not verify_payload(typical, root.public_key()).claims.truncated
    prefix, digits = typical.split("/V/")
    assert prefix + "/V/" == PREFIX and digits.isascii() and digits.isdigit()
    assert digits == str(int.from_bytes(b"\x01" + decode_payload(typical).cose, "big"))
    code = qr_code(typical)
    assert code.version <= MAX_VERSION and code.error == "Q"
    bits = qr_data_bits(typical)
    with capsys.disabled():
        print(f"\ntypical QR: {len(typical)} characters ({len(digits)} digits), version "
              f"{code.version}-Q, {bits} bits, {DATA_BITS - bits} to spare")  # fmt: skip


@pytest.mark.parametrize(
    ("name", "truncated"),
    [("Muhammad Ahmed Khan Niazi Baig", False), ("Muhammad Ahmed Khan Niazi Malik", True)],
)
def test_an_ascii_name_of_30_characters_fits_the_demo_registry(
    campus_key, certificate, root, name, truncated
):
    claims = replace(TYPICAL, learner_name=name)
    got = verify_payload(encode_payload(claims, campus_key, certificate, REGISTRY),
                         root.public_key()).claims  # fmt: skip
    assert got.truncated is truncated
    assert got == claims or name.startswith(got.learner_name.removesuffix("…"))


def test_other_serials_no_end_date_and_no_status_entry(campus_key, certificate, root):
    claims = _claims(serial="Q-1", achievement_code="B", status_index=None)
    text = encode_payload(claims, campus_key, certificate, REGISTRY + "/")
    assert verify_payload(text, root.public_key()).claims == claims
    assert 9 not in cbor2.loads(cbor2.loads(decode_payload(text).cose)[2])


@pytest.mark.parametrize("index", [0, 23, 24, ENTRIES - 1])
def test_every_status_list_entry_is_carried(campus_key, certificate, root, index):
    text = encode_payload(_claims(status_index=index), campus_key, certificate, REGISTRY)
    assert verify_payload(text, root.public_key()).claims.status_index == index


@pytest.mark.parametrize("index", [-1, ENTRIES])
def test_a_status_entry_outside_the_list_is_refused(campus_key, certificate, typical, root, index):
    with pytest.raises(ValueError, match=f"{index} is not in 0..{ENTRIES - 1}"):
        encode_payload(_claims(status_index=index), campus_key, certificate, REGISTRY)

    def apply(found):
        found[9] = index

    assert _reason(_rewrapped(typical, apply), root) == "damaged"


FORMS = {
    "as-printed": lambda t: t,
    "lower-case": lambda t: t.lower(),
    "other-host": lambda t: "https://elsewhere.example/v/" + t.split("/V/", 1)[1],
    "whitespace": lambda t: "\n  " + t + " \r\n",
    "digits": lambda t: t.split("/V/", 1)[1],
    "digits-whitespace": lambda t: "\t" + t.split("/V/", 1)[1] + "\n",
    "path": lambda t: "/V/" + t.split("/V/", 1)[1],
    "path-lower-case": lambda t: "/v/" + t.split("/V/", 1)[1],
}


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_decoding_accepts_every_form_a_scanner_or_server_gives(typical, root, form):
    assert verify_payload(form(typical), root.public_key()).claims == TYPICAL


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
@given(name=NAMES, host=HOSTS, status=STATUS, until=st.sampled_from([None, END]))
def test_any_name_and_short_url_fit_version_15(
    campus_key, certificate, root, name, host, status, until
):
    url = f"https://{host}"
    claims = _claims(name, serial="QAU-2026-999999", status_index=status, valid_until=until)
    text = encode_payload(claims, campus_key, certificate, url)
    assert text.startswith(url.upper() + "/V/") and set(text) <= ALPHANUMERIC
    assert qr_data_bits(text) <= DATA_BITS
    assert qr_code(text).version <= MAX_VERSION
    got = verify_payload(text, root.public_key()).claims
    if got.truncated:
        assert got.learner_name.endswith("…") and name.startswith(got.learner_name[:-1])
        assert replace(got, learner_name=name, truncated=False) == claims
    else:
        assert got == claims


def _scrambled(letters: str, length: int) -> str:
    """Text zlib cannot shrink much (repeated letters would compress into a few bytes)."""
    pick = random.Random(length)
    return "".join(pick.choice(letters) for _ in range(length))


def test_a_long_name_is_cut_to_what_fits(campus_key, certificate, root):
    name = _scrambled("ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھءیے", 200)  # no spaces: an exact cut
    text = encode_payload(_claims(name), campus_key, certificate, REGISTRY)
    got = verify_payload(text, root.public_key()).claims
    assert got.truncated and got.learner_name == name[: len(got.learner_name) - 1] + "…"
    # one more letter is 2 bytes, at least 16 bits more: the cut keeps all that fits
    assert DATA_BITS - qr_data_bits(text) < 16


def test_an_absurdly_long_registry_address_is_refused(campus_key, certificate):
    url = "https://" + "a" * 300 + ".example"
    with pytest.raises(PayloadProblem, match="is 316 characters") as refused:
        encode_payload(TYPICAL, campus_key, certificate, url)
    assert refused.value.reason == "too_long"


def test_a_long_registry_address_leaves_no_room_even_for_an_empty_name(campus_key, certificate):
    url = "https://" + "a" * 120 + ".example"
    with pytest.raises(PayloadProblem, match="is 136 characters") as refused:
        encode_payload(_claims(""), campus_key, certificate, url)
    assert refused.value.reason == "too_long"


@pytest.mark.parametrize(
    "url",
    ["https://registry.example/v/x", "https://registry.example/?a=b", "https://straße.example",
     "https://registry.example/a b", "https://registry.example/100%"],
)  # fmt: skip
def test_a_registry_address_a_qr_cannot_hold_is_refused(campus_key, certificate, url):
    with pytest.raises(PayloadProblem) as refused:
        encode_payload(TYPICAL, campus_key, certificate, url)
    assert refused.value.reason == "unsuitable_url"


@pytest.mark.parametrize(
    "text",
    [
        "hello, world",
        "HELLO WORLD",
        "https://example.com/page",
        "https://video.example/v/dQw4w9WgXcQ",
        "",
        "   ",
        "12345",
        "١٢٣٤٥",
        "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N",
    ],
)
def test_text_that_is_not_a_sanad_qr(text, root):
    assert _reason(text, root) == "not_sanad"


@settings(max_examples=200, deadline=None, suppress_health_check=FIXTURES)
@given(
    st.one_of(
        st.text(),
        st.from_regex(r"[0-9]{1,900}", fullmatch=True),
        st.from_regex(r"[0-9]{1,900}", fullmatch=True).map(lambda digits: PREFIX + digits),
        st.binary(max_size=300).map(lambda data: PREFIX + _digits(b"\x01" + data)),
        st.binary(max_size=300).map(lambda data: _digits(b"\x01\x84" + data)),
    )
)
def test_random_text_is_not_sanad_or_damaged(root, text):
    assert _reason(text, root) in {"not_sanad", "damaged"}


@pytest.mark.parametrize("where", [b"Muhammad", b"DA-101", None], ids=["name", "code", "signature"])
def test_a_changed_byte_is_signature_invalid(typical, root, where):
    cose = bytearray(decode_payload(typical).cose)
    cose[-1 if where is None else cose.index(where)] ^= 0x01  # M → L, D → E: still text
    assert _reason(_as_qr(bytes(cose)), root) == "signature_invalid"


def test_a_cut_or_lengthened_payload_is_damaged(typical, root):
    assert _reason(typical[:-6], root) == "damaged"
    assert _reason(typical[:-1], root) == "damaged"
    assert _reason(typical + "0", root) == "damaged"
    cose = decode_payload(typical).cose
    assert _reason(_as_qr(cose[:-20]), root) == "damaged"


def test_any_flipped_byte_is_refused(typical, root):
    cose = decode_payload(typical).cose
    seen = set()
    for at in range(len(cose)):
        forged = bytearray(cose)
        forged[at] ^= 0x20
        seen.add(_reason(_as_qr(bytes(forged)), root))
    assert seen <= {"damaged", "not_sanad", "signature_invalid", "certificate_invalid"}
    assert {"signature_invalid", "certificate_invalid", "damaged"} <= seen


def test_a_key_certified_by_another_root_is_an_unknown_issuer(campus_key, root):
    stranger = _key("another root")
    certificate = compact_certificate("QAU", campus_key.public_key(), START, END, stranger)
    text = encode_payload(TYPICAL, campus_key, certificate, REGISTRY)
    assert _reason(text, root) == "certificate_invalid"
    assert verify_payload(text, stranger.public_key()).claims == TYPICAL


def test_a_certificate_is_only_the_roots(root, certificate):
    assert read_compact_certificate(certificate, root.public_key()).campus_code == "QAU"
    with pytest.raises(PayloadProblem) as refused:
        read_compact_certificate(certificate, _key("another root").public_key())
    assert refused.value.reason == "certificate_invalid"


def test_a_credential_signed_by_another_key_is_signature_invalid(certificate, root):
    text = encode_payload(TYPICAL, _key("not certified"), certificate, REGISTRY)
    assert _reason(text, root) == "signature_invalid"


@pytest.mark.parametrize(("aad", "reason"), [(CREDENTIAL_AAD, None),
                                             (CERTIFICATE_AAD, "signature_invalid"),
                                             (b"", "signature_invalid")])  # fmt: skip
def test_signatures_are_for_one_purpose(root, typical, aad, reason):
    """Domain separation: the Sig_structure of RFC 9052, written out here, verifies only with the
    credential's external_aad; what the root signs as a certificate never passes for a
    credential, even one whose campus key is the root's own."""
    certificate = compact_certificate("QAU", root.public_key(), START, END, root)
    protected, _, payload, _ = cbor2.loads(decode_payload(typical).cose)
    claims = cbor2.loads(payload)
    claims[0] = certificate
    payload = cbor2.dumps(claims)
    signature = root.sign(cbor2.dumps(["Signature1", protected, aad, payload]))
    text = _as_qr(cbor2.dumps([protected, {}, payload, signature]))
    if reason is None:
        assert verify_payload(text, root.public_key()).claims == TYPICAL
    else:
        assert _reason(text, root) == reason


def test_a_tagged_cose_message_is_read_too(typical, root):
    assert verify_payload(_as_qr(b"\xd2" + decode_payload(typical).cose), root.public_key())


def test_repetitive_text_is_compressed(campus_key, certificate, root):
    claims = _claims("A" * 300)
    text = encode_payload(claims, campus_key, certificate, REGISTRY)
    assert _carried(text)[:1] == b"\x78"
    assert verify_payload(text, root.public_key()).claims == claims


@pytest.mark.parametrize("issued", [START - dt.timedelta(seconds=1), END, END + dt.timedelta(9)])
def test_issued_outside_the_key_certificate_is_key_not_valid(campus_key, certificate, root, issued):
    text = encode_payload(_claims(issued=issued), campus_key, certificate, REGISTRY)
    assert _reason(text, root) == "key_not_valid"


CHANGES = {
    1: st.tuples(st.just(2026), st.integers(0, 999_999)).map(list),
    2: st.text(min_size=1, max_size=30),
    3: st.text(min_size=1, max_size=8),
    5: st.integers(1_767_225_600, 1_830_000_000),
    6: st.integers(0, 2**32),
    8: st.just(True),
    9: st.integers(0, ENTRIES - 1),
}


@settings(max_examples=80, deadline=None, suppress_health_check=FIXTURES)
@given(st.sampled_from(sorted(CHANGES)).flatmap(lambda key: st.tuples(st.just(key), CHANGES[key])))
def test_changing_any_signed_claim_is_signature_invalid(typical, root, change):
    key, value = change
    claims = cbor2.loads(cbor2.loads(decode_payload(typical).cose)[2])
    if claims.get(key) == value:
        return

    def apply(found):
        found[key] = value

    assert _reason(_rewrapped(typical, apply), root) == "signature_invalid"


@pytest.mark.parametrize("key", [6, 9])
def test_removing_a_signed_claim_is_signature_invalid(typical, root, key):
    def apply(found):
        del found[key]

    assert _reason(_rewrapped(typical, apply), root) == "signature_invalid"


def test_swapping_in_another_certificate_is_signature_invalid(typical, root):
    other = compact_certificate("QAU", _key("campus QAU, new").public_key(), START, END, root)

    def apply(found):
        found[0] = other

    assert _reason(_rewrapped(typical, apply), root) == "signature_invalid"


def test_qr_image_round_trip(typical, root, tmp_path):
    code = qr_code(typical)
    assert code.mode is None  # segno's word for more than one segment mode
    image = io.BytesIO()
    code.save(image, kind="png", scale=4)
    assert decode_image(image.getvalue()) == [typical]
    (tmp_path / "scan.png").write_bytes(image.getvalue())
    [found] = decode_image(tmp_path / "scan.png")
    assert verify_payload(found, root.public_key()).claims == TYPICAL
    photo = (
        Image.open(io.BytesIO(image.getvalue()))
        .convert("RGB")
        .rotate(7, expand=True, fillcolor="white")
    )
    jpeg = io.BytesIO()
    photo.save(jpeg, "JPEG", quality=60)
    assert decode_image(jpeg.getvalue()) == [typical]


def test_an_image_without_a_qr_and_a_file_that_is_not_an_image():
    image = io.BytesIO()
    segno.make("", micro=False).save(image, kind="png", scale=1, border=0, dark="white")
    assert decode_image(image.getvalue()) == []
    with pytest.raises(PayloadProblem) as refused:
        decode_image(b"not an image")
    assert refused.value.reason == "not_an_image"


def test_modules_for_the_pdf_renderer(typical):
    matrix = qr_modules(typical)
    size = 17 + 4 * matrix.version
    assert matrix.version == qr_code(typical).version <= MAX_VERSION and matrix.quiet_zone == 4
    assert len(matrix.modules) == size and all(len(row) == size for row in matrix.modules)
    assert matrix.modules[0][:8] == bytes([1] * 7 + [0])  # a finder pattern's top edge
    with pytest.raises(PayloadProblem) as refused:
        qr_modules(PREFIX + "1" * 700)
    assert refused.value.reason == "too_long"


def test_the_modules_drawn_read_back_as_the_same_text(typical):
    matrix = qr_modules(typical)
    quiet, scale = matrix.quiet_zone, 4
    side = (len(matrix.modules) + 2 * quiet) * scale
    image = Image.new("L", (side, side), 255)
    for r, row in enumerate(matrix.modules):
        for c, dark in enumerate(row):
            if dark:
                x, y = (c + quiet) * scale, (r + quiet) * scale
                image.paste(0, (x, y, x + scale, y + scale))
    png = io.BytesIO()
    image.save(png, format="PNG")
    assert decode_image(png.getvalue()) == [typical]
