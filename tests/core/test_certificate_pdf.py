"""The PDF certificate: one A4 landscape page, Urdu shaped and extractable, the credential
attached, long texts kept in their boxes, the QR code readable from a rendering.

poppler's ``pdftotext`` and ``pdftoppm`` read the PDFs as a reader's tools would; they are
installed in CI, where a missing one fails the test instead of skipping it.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from desktop.core import pdf_text
from desktop.core.certificate_pdf import (
    ATTACHMENT_NAME,
    DEMO_EN,
    DEMO_UR,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    UR_CERTIFY,
    CertificateFace,
    read_attachment,
    render_certificate,
)

# The real QR text's shape: the registry address, then the signed payload as digits.
QR_TEXT = "HTTPS://REGISTRY.SANAD.EXAMPLE/V/1" + "".join(str(i * 7 % 10) for i in range(420))
CREDENTIAL = json.dumps(
    {"type": ["VerifiableCredential", "OpenBadgeCredential"], "name": "ڈیٹا اینالیٹکس کی بنیادیں"},
    ensure_ascii=False,
).encode()
# No Arabic comma (،) in the campus name: poppler's pdftotext treats it as a number separator
# and splits the line's right-to-left run there, whatever the PDF says.
CAMPUS_UR = "قائداعظم یونیورسٹی اسلام آباد"
TITLE_UR = "ڈیٹا اینالیٹکس کی بنیادیں"


@pytest.fixture
def face() -> CertificateFace:
    return CertificateFace(
        serial="QAU-2026-000123",
        learner_name="Ayesha Siddiqa Khan",
        learner_name_ur="عائشہ صدیقہ خان",
        title_en="Data Analytics Fundamentals",
        title_ur=TITLE_UR,
        campus_name_en="Quaid-i-Azam University, Islamabad",
        campus_name_ur=CAMPUS_UR,
        campus_code="QAU",
        level=5,
        notional_hours=60,
        credit_value=2.5,
        competencies=["Cleans tabular data", "Chooses summary statistics", "Builds honest charts"],
        issued_on=date(2026, 3, 14),
        valid_until=None,
        qr_text=QR_TEXT,
        verify_url="https://registry.sanad.example/c/QAU-2026-000123",
        credential_json=CREDENTIAL,
    )


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} (poppler-utils) is missing: CI must install it")
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def _pdftotext(pdf: bytes, folder: Path, *options: str) -> str:
    path = folder / "certificate.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        [_tool("pdftotext"), *options, str(path), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def _png(pdf: bytes, folder: Path, dpi: int) -> Path:
    path = folder / "certificate.pdf"
    path.write_bytes(pdf)
    command = [_tool("pdftoppm"), "-png", "-r", str(dpi), "-singlefile", str(path)]
    subprocess.run([*command, str(folder / "page")], capture_output=True, check=True)
    return folder / "page.png"


def test_one_a4_landscape_page_with_metadata(face):
    pdf = render_certificate(face)

    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    assert reader.metadata.title == "Data Analytics Fundamentals — QAU-2026-000123"
    assert reader.metadata.author == "Quaid-i-Azam University, Islamabad"
    assert reader.metadata.subject == "Micro-credential certificate"


def test_the_same_face_gives_the_same_bytes_dated_on_the_issue_day(face):
    pdf = render_certificate(face)

    assert render_certificate(face) == pdf
    assert PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"] == "D:20260314000000Z"


def test_the_credential_is_attached_as_credential_json(face):
    pdf = render_certificate(face)

    assert read_attachment(pdf) == CREDENTIAL
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.attachments == {ATTACHMENT_NAME: [CREDENTIAL]}
    catalog = reader.trailer["/Root"]
    spec = catalog["/AF"][0].get_object()
    assert spec["/AFRelationship"] == "/Data"
    assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/json"


def test_read_attachment_is_none_without_one_and_refuses_what_is_not_a_pdf():
    out = io.BytesIO()
    plain = Canvas(out)
    plain.drawString(72, 72, "no attachment here")
    plain.save()

    assert read_attachment(out.getvalue()) is None
    with pytest.raises(ValueError, match="not a readable PDF"):
        read_attachment(b"this is not a PDF at all")


@pytest.mark.parametrize("options", [(), ("-layout",)], ids=["reading-order", "layout"])
def test_text_extraction_finds_both_scripts_in_logical_order(face, tmp_path, options):
    text = _pdftotext(render_certificate(face), tmp_path, *options)

    for expected in (TITLE_UR, CAMPUS_UR, "عائشہ صدیقہ خان", UR_CERTIFY):
        assert expected in text
    for expected in ("Ayesha Siddiqa Khan", "QAU-2026-000123", "Data Analytics Fundamentals"):
        assert expected in text
    for expected in ("14 March 2026", "Does not expire", "60 hours", "2.5 credits"):
        assert expected in text
    assert "Quaid-i-Azam University, Islamabad (QAU)" in text
    assert face.verify_url in text
    assert DEMO_EN not in text


def test_a_latin_name_inside_the_urdu_sentence_keeps_its_order(face, tmp_path):
    text = _pdftotext(render_certificate(replace(face, learner_name_ur=None)), tmp_path)

    assert text.count("Ayesha Siddiqa Khan") == 2  # the English column and the Urdu sentence


def test_urdu_is_shaped_into_joined_forms_and_ordered_right_to_left():
    clusters = pdf_text._shape("کامیابی")[0]

    glyphs = "".join(glyphs for glyphs, _ in clusters)
    assert any(0xE000 <= ord(g) <= 0xF8FF for g in glyphs)  # contextual forms, not the letters
    assert "".join(chars for _, chars in reversed(clusters)) == "کامیابی"  # drawn right to left
    tokens = pdf_text._tokens("تصدیق Ayesha Khan نے")
    drawn = [token.text for token, _ in pdf_text._visual(tokens, rtl=True)]
    assert drawn == ["نے", "Ayesha", "Khan", "تصدیق"]


def test_the_demonstration_mark_is_in_the_text(face, tmp_path):
    text = _pdftotext(render_certificate(replace(face, demo=True)), tmp_path)

    assert DEMO_EN in text
    assert DEMO_UR in text
    assert TITLE_UR in text  # the diagonal mark hides from extraction: the page still reads


def test_pdftoppm_renders_the_page(face, tmp_path):
    png = _png(render_certificate(face), tmp_path, 100)

    data = png.read_bytes()
    assert data.startswith(b"\x89PNG")
    width, height = int.from_bytes(data[16:20]), int.from_bytes(data[20:24])
    assert abs(width - 1169) <= 1 and abs(height - 827) <= 1  # A4 landscape at 100 dpi


def _word_boxes(pdf: bytes, folder: Path) -> list[tuple[str, float, float, float, float]]:
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        _pdftotext(pdf, folder, "-bbox"),
    )
    return [(text, *map(float, box)) for *box, text in found]


@pytest.mark.parametrize("urdu", [False, True], ids=["latin", "urdu"])
def test_long_names_and_titles_stay_on_the_page_without_overlapping(face, tmp_path, urdu):
    long = replace(
        face,
        learner_name=(
            "Muhammad Abdul Rehman Khan Niazi Yousafzai Chaudhry Malik Qureshi Baig " * 2
        )[:80],
        title_en=("Advanced Certificate in Data Analytics and Machine Learning Operations " * 3)[
            :150
        ],
        learner_name_ur="محمد عبدالرحمٰن خان نیازی یوسفزئی چودھری ملک قریشی صدیقی بیگ"
        if urdu
        else None,
        title_ur="ڈیٹا اینالیٹکس اور مشین لرننگ آپریشنز میں اعلیٰ سرٹیفکیٹ " * 3 if urdu else None,
        competencies=[f"Competency {i} stated at some length for the test" for i in range(12)],
    )
    pdf = render_certificate(long)

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    words = _word_boxes(pdf, tmp_path)
    assert "Muhammad" in [w[0] for w in words]
    for text, x0, y0, x1, y1 in words:  # all inside the inner border
        assert 24 < x0 < x1 < PAGE_WIDTH - 24 and 24 < y0 < y1 < PAGE_HEIGHT - 24, text
    latin = [w for w in words if w[0].isascii()]  # poppler boxes Nastaliq by its font's bbox
    for i, (a, ax0, ay0, ax1, ay1) in enumerate(latin):
        for b, bx0, by0, bx1, by1 in latin[i + 1 :]:
            overlap_x, overlap_y = min(ax1, bx1) - max(ax0, bx0), min(ay1, by1) - max(ay0, by0)
            assert overlap_x <= 0.5 or overlap_y <= 0.5, f"{a!r} overlaps {b!r}"


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_URDU = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےآأۓۂ"
_OTHERS = "0123456789۰۱۲۳۴۵۶۷۸۹ .,-'()،۔—&/\u200c\u064eé中"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(alphabet=_LETTERS + _URDU + _OTHERS, max_size=100),
    title=st.text(alphabet=_LETTERS + _URDU + _OTHERS, max_size=100),
    urdu=st.booleans(),
)
def test_any_mix_of_scripts_renders_one_page_and_keeps_the_credential(face, name, title, urdu):
    mixed = replace(
        face,
        learner_name=name,
        title_en=title,
        learner_name_ur=name[::-1] if urdu else None,
        title_ur=title if urdu else None,
        credential_json=json.dumps({"name": name, "title": title}).encode(),
    )
    pdf = render_certificate(mixed)

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert read_attachment(pdf) == mixed.credential_json


def test_a_logo_takes_the_place_of_the_seal(face):
    image = pytest.importorskip("PIL.Image")
    logo = io.BytesIO()
    image.new("RGBA", (120, 80), (20, 60, 40, 255)).save(logo, "PNG")

    pdf = render_certificate(replace(face, logo=logo.getvalue()))

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) == 1
    assert not PdfReader(io.BytesIO(render_certificate(face))).pages[0].images


def test_without_qr_text_the_page_has_no_code(face):
    pdf = render_certificate(replace(face, qr_text=""))

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_a_phone_can_read_the_qr_code_from_a_rendering(face, tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    image = pytest.importorskip("PIL.Image")
    png = _png(render_certificate(face), tmp_path, 150)

    found = zxingcpp.read_barcodes(image.open(png))

    assert [code.text for code in found] == [QR_TEXT]


def test_a_pathway_certificate_says_it_is_one(face, tmp_path):
    components = ["QAU-2026-000001 Data Analytics Fundamentals", "QAU-2026-000007 SQL"]
    text = _pdftotext(render_certificate(replace(face, pathway=True, competencies=components)),
                      tmp_path)  # fmt: skip
    assert "PATHWAY CERTIFICATE" in text and "MICRO-CREDENTIALS HELD" in text
    assert "QAU-2026-000007 SQL" in text
    assert "پاتھ وے سند" in text
    assert "MICRO-CREDENTIAL CERTIFICATE" not in text
