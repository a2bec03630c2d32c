"""The paper certificate: one A4 landscape page in English and Urdu, with a QR code, and the
signed credential attached to the PDF.

Layout, inside a thin double border: the campus seal (or logo) and the campus name in both
scripts; two columns, the English wording on the left (name, micro-credential title,
competencies) and the Urdu certifying sentence on the right ("تصدیق کی جاتی ہے کہ … نے … کامیابی
سے مکمل کیا"); along the bottom the serial, dates, level, hours and credit, and the QR code with
the verification address under it. Each text has a box: long names and titles wrap, then
shrink, then end in "…", so nothing leaves its box. Text and lines are black or grey; the one
accent (outer border, seal ring) is a dark green that prints as dark grey.

Two tricks make the Urdu right (both in :mod:`desktop.core.pdf_text`):

- *Shaping*: Nastaliq letters join and change form with their neighbours. HarfBuzz shapes each
  word (as ReportLab does with ``uharfbuzz`` installed and ``shaping=1``; unshaped, letters come
  out unjoined and reversed); a word-level bidi pass orders the words, so a Latin name or a
  number inside an Urdu sentence keeps its left-to-right order.
- *ActualText*: a shaped glyph has no Unicode value of its own, so copying and ``pdftotext``
  would get nonsense. Each HarfBuzz cluster is drawn inside ``/Span <</ActualText <FEFF…>>> BDC
  … EMC`` carrying the characters it shows (UTF-16BE with a byte-order mark).

The QR code is one filled path of rectangles, one per horizontal run of dark modules, with a
four-module quiet zone. The credential JSON is an embedded file named ``credential.json``, in
the catalogue's ``/Names /EmbeddedFiles`` (where viewers and pypdf look) and ``/AF``;
:func:`read_attachment` reads it back. The same face always gives the same bytes: the PDF's
dates are the issue date. Rendering holds a lock, as ReportLab's fonts keep state per document.
"""

from __future__ import annotations

import io
import math
import threading
import zlib
from dataclasses import dataclass
from datetime import date

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from reportlab.lib.colors import Color, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFDocument,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas

from desktop.core.pdf_text import TextStyle, latin, layout, text_block, urdu_font
from desktop.core.qr_payload import qr_modules

__all__ = ["ATTACHMENT_NAME", "CertificateFace", "read_attachment", "render_certificate"]

ATTACHMENT_NAME = "credential.json"
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
QR_SIZE = 40.5 / 25.4 * 72  # the symbol without its quiet zone: at least 40 mm for a phone
INK, GREY = Color(0.05, 0.05, 0.05), Color(0.36, 0.36, 0.36)
ACCENT = Color(0.06, 0.30, 0.20)  # dark green, about 75 % grey in black and white
LEFT_CX, RIGHT_CX, COLUMN, FOOTER_RULE = 232.0, 610.0, 330.0, 204.0
SEAL_X, SEAL_Y = PAGE_WIDTH / 2, PAGE_HEIGHT - 72
MONTHS = "January February March April May June July August September October November December"
UR_HEADING, UR_CERTIFY = "مائیکرو کریڈنشل سند", "تصدیق کی جاتی ہے کہ"
UR_COMPLETED, UR_SUCCESS = "نے مائیکرو کریڈنشل", "کامیابی سے مکمل کیا۔"
# A pathway certificate (micro-credentials stacked into a larger award) says so.
UR_PATHWAY_HEADING, UR_PATHWAY_COMPLETED = "پاتھ وے سند", "نے پاتھ وے"
UR_VERIFY = "اس سند کی تصدیق کیو آر کوڈ سے کی جا سکتی ہے۔"
DEMO_EN = "DEMONSTRATION — NOT A VALID CERTIFICATE"
DEMO_UR = "نمونہ برائے نمائش — یہ معتبر سند نہیں ہے"

_LOCK = threading.Lock()


@dataclass(frozen=True)
class CertificateFace:
    """What the certificate shows, and the signed credential it carries."""

    serial: str
    learner_name: str
    learner_name_ur: str | None
    title_en: str
    title_ur: str | None
    campus_name_en: str
    campus_name_ur: str | None
    campus_code: str
    level: int
    notional_hours: int
    credit_value: float
    competencies: list[str]
    issued_on: date
    valid_until: date | None
    qr_text: str
    verify_url: str
    credential_json: bytes
    demo: bool = False
    pathway: bool = False  # a pathway certificate: its "competencies" are its components
    logo: bytes | None = None


def _qr_matrix(text: str) -> tuple[bytes, ...]:
    """The QR modules row by row, 1 for dark; none for an empty text."""
    if not text:
        return ()
    return tuple(qr_modules(text).modules)


class _FastFlate:
    """Flate at level 1: a third of the time of ReportLab's level 6, for a few % in size."""

    pdfname = "FlateDecode"

    def encode(self, data: str | bytes) -> bytes:
        return zlib.compress(data.encode() if isinstance(data, str) else data, 1)


_FAST_FLATE = _FastFlate()

# --- the page -----------------------------------------------------------------------------------


def _rgb(colour: Color, op: str) -> str:
    return f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} {op}"


def _circle(r: float) -> str:
    k = r * 0.5523  # the Bézier control distance for a quarter circle
    quarters = ((r, k, k, r, 0, r), (-k, r, -r, k, -r, 0), (-r, -k, -k, -r, 0, -r))
    points = [*quarters, (k, -r, r, -k, r, 0)]
    curves = " ".join(" ".join(f"{v:.2f}" for v in point) + " c" for point in points)
    return f"{r:.2f} 0 m {curves} h"


# Line work the same on every certificate, as PDF operators made once: the double border, the
# column divider, the footer rule and the ornament under the header; and the seal.
_FRAME = (
    f"q {_rgb(ACCENT, 'RG')} 2.2 w 18 18 {PAGE_WIDTH - 36:.2f} {PAGE_HEIGHT - 36:.2f} re S "
    f"{_rgb(INK, 'RG')} 0.6 w 24 24 {PAGE_WIDTH - 48:.2f} {PAGE_HEIGHT - 48:.2f} re S 0.4 w "
    f"{PAGE_WIDTH / 2:.2f} 418 m {PAGE_WIDTH / 2:.2f} {FOOTER_RULE + 22} l 56 {FOOTER_RULE} m "
    f"{PAGE_WIDTH - 56:.2f} {FOOTER_RULE} l S 1 0 0 1 {PAGE_WIDTH / 2:.2f} 432 cm -90 0 m "
    f"-8 0 l 8 0 m 90 0 l S {_rgb(INK, 'rg')} 0 3 m 3.5 0 l 0 -3 l -3.5 0 l f Q"
)
_SEAL = (
    f"q 1 0 0 1 {SEAL_X:.2f} {SEAL_Y:.2f} cm {_rgb(ACCENT, 'RG')} 1.8 w {_circle(29)} S "
    f"{_rgb(INK, 'RG')} 0.5 w {_circle(26.5)} S {_circle(17)} S 0.35 w "
    + " ".join(
        f"{19 * math.cos(a):.2f} {19 * math.sin(a):.2f} m "
        f"{24.5 * math.cos(a):.2f} {24.5 * math.sin(a):.2f} l"
        for a in (i * math.pi / 30 for i in range(60))
    )
    + " S Q"
)


def _long_date(day: date) -> str:
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def _label(c: Canvas, text: str, x: float, y: float, size: float = 7, centre: bool = False) -> None:
    """Small grey capitals, letter-spaced."""
    c.setFillColor(GREY)
    if centre:
        x -= (pdfmetrics.stringWidth(text, "Times-Roman", size) + 0.12 * size * len(text)) / 2
    latin(c, text, "Times-Roman", size, x, y, 0.12 * size)
    c.setFillColor(INK)


def _header(c: Canvas, face: CertificateFace) -> None:
    """The logo, or a vector seal with the campus code; the campus name in both scripts."""
    if face.logo:
        logo, box = ImageReader(io.BytesIO(face.logo)), (SEAL_X - 30, SEAL_Y - 30, 60, 60)
        c.drawImage(logo, *box, preserveAspectRatio=True, anchor="c", mask="auto")
    else:
        c._code.append(_SEAL)
        text_block(c, face.campus_code, TextStyle("Times-Bold", 11), SEAL_X, SEAL_Y + 5, 30, 12, 5)
    name = TextStyle("Times-Bold", 17)
    y = text_block(c, face.campus_name_en, name, SEAL_X, PAGE_HEIGHT - 106, 640, 22, 11)
    if face.campus_name_ur:
        urdu = TextStyle("Times-Roman", 14, True)
        text_block(c, face.campus_name_ur, urdu, SEAL_X, y - 4, 640, min(34, y - 440), 9)


def _english(c: Canvas, face: CertificateFace) -> None:
    heading = "PATHWAY CERTIFICATE" if face.pathway else "MICRO-CREDENTIAL CERTIFICATE"
    _label(c, heading, LEFT_CX, 406, 10, centre=True)
    italic, left = TextStyle("Times-Italic", 12), LEFT_CX - COLUMN / 2
    y = text_block(c, "This is to certify that", italic, LEFT_CX, 393, COLUMN, 16)
    name, title = TextStyle("Times-Bold", 24), TextStyle("Times-Bold", 17)
    y = text_block(c, face.learner_name, name, LEFT_CX, y - 7, COLUMN, 64, 13)
    completed = ("has completed the micro-credentials of the pathway" if face.pathway
                 else "has successfully completed the micro-credential")  # fmt: skip
    y = text_block(c, completed, italic, LEFT_CX, y - 7, COLUMN, 16)
    room = min(66, y - 7 - FOOTER_RULE - 24)
    y = text_block(c, face.title_en, title, LEFT_CX, y - 7, COLUMN, room, 10)
    shown, rows = face.competencies, int((y - 16 - FOOTER_RULE - 10) // 10.5)
    if len(shown) > rows:
        keep = max(rows - 1, 0)
        shown = [*shown[:keep], f"and {len(shown) - keep} more, listed in the attached credential"]
    if shown and rows > 0:
        _label(c, "MICRO-CREDENTIALS HELD" if face.pathway else "COMPETENCIES DEMONSTRATED",
               left, y - 16, 7.5)  # fmt: skip
    for i, line in enumerate(shown[: max(rows, 0)]):
        latin(c, "•", "Times-Roman", 8.5, left, y - 26.5 - 10.5 * i)
        item = TextStyle("Times-Roman", 8.5)
        text_block(c, line, item, left + 8, y - 19.8 - 10.5 * i, COLUMN - 8, 10, align="left")


def _urdu(c: Canvas, face: CertificateFace) -> None:
    """The certifying sentence; the name and the title share what the fixed lines leave."""
    plain, gap = TextStyle("Times-Roman", 12.5, True), 5
    heading = plain._replace(size=13.5)
    top, completed = ((UR_PATHWAY_HEADING, UR_PATHWAY_COMPLETED) if face.pathway
                      else (UR_HEADING, UR_COMPLETED))  # fmt: skip
    fixed = [(top, heading), (UR_CERTIFY, plain), (completed, plain)]
    ending = layout(UR_SUCCESS, plain, COLUMN, 40, plain.size)[2]
    free = 416 - FOOTER_RULE - 8 - ending - 5 * gap
    free -= sum(layout(text, style, COLUMN, 40, style.size)[2] for text, style in fixed)
    name, title = TextStyle("Times-Bold", 20, True), TextStyle("Times-Bold", 16.5, True)
    y = text_block(c, top, heading, RIGHT_CX, 416, COLUMN, 40)
    y = text_block(c, UR_CERTIFY, plain, RIGHT_CX, y - gap, COLUMN, 40)
    learner = face.learner_name_ur or face.learner_name
    y = text_block(c, learner, name, RIGHT_CX, y - gap, COLUMN, min(62, free * 0.45), 9)
    y = text_block(c, completed, plain, RIGHT_CX, y - gap, COLUMN, 40)
    room = min(90, y - 2 * gap - ending - FOOTER_RULE - 8)
    y = text_block(c, face.title_ur or face.title_en, title, RIGHT_CX, y - gap, COLUMN, room, 8)
    text_block(c, UR_SUCCESS, plain, RIGHT_CX, y - gap, COLUMN, 40)


def _footer(c: Canvas, face: CertificateFace, matrix: tuple[bytearray, ...]) -> None:
    """The facts in a grid; the QR code with a note and the verification address."""
    valid = _long_date(face.valid_until) if face.valid_until else "Does not expire"
    credit = f"{face.credit_value:g} credit{'' if face.credit_value == 1 else 's'}"
    cells = [("SERIAL NUMBER", face.serial), ("ISSUED ON", _long_date(face.issued_on))]
    hours = f"{face.notional_hours} hours" if face.notional_hours else "—"  # none for a pathway
    cells += [("VALID UNTIL", valid), ("LEVEL", str(face.level) if face.level else "—")]
    cells += [("NOTIONAL HOURS", hours), ("CREDIT VALUE", credit)]
    cells += [("AWARDED BY", f"{face.campus_name_en} ({face.campus_code})")]
    value = TextStyle("Times-Bold", 10.5)
    for i, (label, text) in enumerate(cells):
        x, y = 60 + (i % 3) * 145, FOOTER_RULE - 22 - (i // 3) * 32
        _label(c, label, x, y)
        text_block(c, text, value, x, y - 3, 415 if i == 6 else 138, 13, 6, align="left")
    if not matrix:
        return
    n = len(matrix)
    module = QR_SIZE / n
    x, y = PAGE_WIDTH - 42 - 4 * module - QR_SIZE, 60.0
    c.setFillColor(GREY)
    note = "This certificate is digitally signed. Scan the code to check it, even offline."
    english, urdu = TextStyle("Times-Italic", 8.5), TextStyle("Times-Roman", 9, True)
    below = text_block(c, note, english, x - 16, 150, 170, 36, 6, align="right")
    text_block(c, UR_VERIFY, urdu, x - 16, below - 5, 190, 40, 6, align="right")
    c.setFillColor(white)
    quiet = 4 * module
    c.rect(x - quiet, y - quiet, QR_SIZE + 2 * quiet, QR_SIZE + 2 * quiet, 0, 1)
    runs = []  # one rectangle per horizontal run of dark modules, in module units
    for r, row in enumerate(matrix):
        at, row_y = 0, f" {n - 1 - r} "
        for run in bytes(row).split(b"\x00"):
            if run:
                runs.append(f"{at}{row_y}{len(run)} 1 re")
            at += len(run) + 1
    c._code.append(f"q 0 g {module:.5f} 0 0 {module:.5f} {x:.2f} {y:.2f} cm {' '.join(runs)} f Q")
    c.setFillColor(INK)
    url = TextStyle("Times-Roman", 7)
    right = x + QR_SIZE  # the address ends under the code's right edge, on one line if it can
    text_block(c, face.verify_url, url, right, y - quiet + 1, 250, 17, 5, align="right")


def _demo_mark(c: Canvas) -> None:
    """A notice along the top that text extraction finds, and a diagonal mark across the page
    that it does not (an empty ActualText), so the page's own text still reads in order."""
    notice = TextStyle("Times-Bold", 9)
    text_block(c, DEMO_EN, notice, 44, PAGE_HEIGHT - 34, 330, 12, 6, align="left")
    right = (PAGE_WIDTH - 44, PAGE_HEIGHT - 29, 330, 24, 6)
    text_block(c, DEMO_UR, notice._replace(rtl=True), *right, align="right")
    c.saveState()
    c._code.append("/Span <</ActualText ()>> BDC")
    c.setFillColor(Color(0.3, 0.3, 0.3, alpha=0.3))
    c.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2 + 20)
    c.rotate(28)
    mark = TextStyle("Times-Bold", 36, spans=False)
    text_block(c, DEMO_EN, mark, 0, 44, 720, 44, 20)
    text_block(c, DEMO_UR, mark._replace(size=30, rtl=True), 0, 6, 720, 80, 16)
    c._code.append("EMC")
    c.restoreState()


def _attach(c: Canvas, data: bytes) -> None:
    """``credential.json`` as an embedded file, listed in ``/Names /EmbeddedFiles`` (where
    viewers and pypdf look) and in ``/AF`` with the relationship ``/Data`` (PDF/A-3, PDF 2.0)."""
    doc, name = c._doc, PDFString(ATTACHMENT_NAME)
    about = {"Type": PDFName("EmbeddedFile"), "Subtype": "/application#2Fjson"}
    about["Params"] = PDFDictionary({"Size": len(data)})
    stream = PDFStream(PDFDictionary(about), content=data, filters=[_FAST_FLATE])
    spec = {"Type": PDFName("Filespec"), "F": name, "UF": name, "AFRelationship": PDFName("Data")}
    spec["Desc"] = PDFString("The signed credential (Open Badges 3.0)")
    spec["EF"] = PDFDictionary({"F": doc.Reference(stream)})
    reference = doc.Reference(PDFDictionary(spec))
    names = PDFDictionary({"Names": PDFArray([name, reference])})
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": names})
    doc.Catalog.AF = PDFArray([reference])
    doc.Catalog.__NoDefault__ = [*doc.Catalog.__NoDefault__, "AF"]  # it writes listed keys only


def _fast_streams(doc: PDFDocument) -> None:
    """Every stream Flate-compressed at level 1 and none ASCII85-encoded (ReportLab's default
    for the page): a third of the time, for a few per cent in size."""
    page = doc.Pages[-1]
    page.Contents = PDFStream(content=page.stream, filters=[_FAST_FLATE])
    for font in doc.delayedFonts:  # embed the font subsets now, to reach their streams
        font.addObjects(doc)
    doc.delayedFonts = []
    for thing in doc.idToObject.values():
        if isinstance(thing, PDFStream) and thing.filters == [PDFZCompress]:
            thing.filters = [_FAST_FLATE]


def render_certificate(face: CertificateFace) -> bytes:
    """The certificate as PDF bytes: one A4 landscape page. The same face gives the same bytes
    (the PDF's dates are the issue date)."""
    matrix = _qr_matrix(face.qr_text)
    with _LOCK:
        urdu_font()  # registered once, on first use
        out = io.BytesIO()
        size = (PAGE_WIDTH, PAGE_HEIGHT)
        c = Canvas(out, pagesize=size, pageCompression=1, invariant=1, lang="en")
        day = face.issued_on
        c.setDateFormatter(lambda *_: f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000Z")
        c.setTitle(f"{face.title_en} — {face.serial}")
        c.setAuthor(face.campus_name_en)
        c.setSubject("Micro-credential certificate")
        c.setCreator("Sanad")
        c._code.append(_FRAME)
        c.setFillColor(INK)
        _header(c, face)
        _english(c, face)
        _urdu(c, face)
        _footer(c, face, matrix)
        if face.demo:
            _demo_mark(c)
        _attach(c, face.credential_json)
        c.showPage()
        _fast_streams(c._doc)
        c.save()
        return out.getvalue()


def read_attachment(pdf: bytes) -> bytes | None:
    """The ``credential.json`` a certificate PDF carries, or None if it carries none. Raises
    ValueError for bytes that are not a readable PDF."""
    try:
        found = PdfReader(io.BytesIO(pdf)).attachments.get(ATTACHMENT_NAME)
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        raise ValueError(
            f"This file is not a readable PDF ({error}); open the certificate PDF Sanad issued."
        ) from error
    return found[0] if found else None
