"""Render sample certificates to PNG files in this folder (no Qt, no display needed).

    python docs/screenshots/certificates.py

Writes ``certificate-en.png`` (a learner registered in Latin script, a long title and many
competencies) and ``certificate-ur.png`` (an Urdu name and title, marked as demonstration data),
by rendering each PDF and rasterising it with poppler's ``pdftoppm``. The English text is in
the standard Times fonts, which a PDF viewer supplies; for pictures true to print, give poppler
metric-compatible ones (Debian's ``fonts-urw-base35``), or it spaces another serif by Times's
widths.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from desktop.core.certificate_pdf import CertificateFace, render_certificate

HERE = Path(__file__).resolve().parent


def _qr_text(serial: str, name: str, code: str, issued: date, until: date | None) -> str:
    """A real signed QR payload, under the public demonstration root (a phone reads it)."""
    import datetime as dt

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.core.keys import demo_root
    from desktop.core.qr_payload import QrClaims, compact_certificate, encode_payload

    campus_key = Ed25519PrivateKey.from_private_bytes(bytes(32))  # a fixed, sample-only key
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    certificate = compact_certificate(serial.split("-")[0], campus_key.public_key(), start,
                                      start.replace(year=2028), demo_root())  # fmt: skip
    moment = dt.datetime.combine(issued, dt.time(10), tzinfo=dt.UTC)
    ends = dt.datetime.combine(until, dt.time(), tzinfo=dt.UTC) if until else None
    claims = QrClaims(serial=serial, learner_name=name, achievement_code=code,
                      issued_at=moment, valid_until=ends, status_index=4242)  # fmt: skip
    return encode_payload(claims, campus_key, certificate, "https://registry.sanad.example")


ENGLISH = CertificateFace(
    serial="QAU-2026-000123",
    learner_name="Ayesha Siddiqa Khan",
    learner_name_ur=None,
    title_en="Data Analytics with Python and Spreadsheets for Public Sector Decision Making",
    title_ur=None,
    campus_name_en="Quaid-i-Azam University, Islamabad",
    campus_name_ur="قائداعظم یونیورسٹی، اسلام آباد",
    campus_code="QAU",
    level=5,
    notional_hours=60,
    credit_value=2,
    competencies=[
        "Cleans and joins tabular data from several sources with documented steps",
        "Chooses summary statistics suited to the question and the data",
        "Builds charts that show a trend or comparison honestly",
        "Writes a reproducible analysis notebook others can rerun",
        "Explains findings and their limits to a non-specialist audience",
        "Protects personal data when sharing results",
        "Uses version control for analysis code",
        "Reviews a colleague's analysis against a checklist",
    ],
    issued_on=date(2026, 3, 14),
    valid_until=None,
    qr_text=_qr_text("QAU-2026-000123", "Ayesha Siddiqa Khan", "DA-201", date(2026, 3, 14), None),
    verify_url="https://registry.sanad.example/verify/QAU-2026-000123",
    credential_json=json.dumps({"type": ["VerifiableCredential"], "sample": True}).encode(),
)

URDU = CertificateFace(
    serial="UOP-2026-000042",
    learner_name="Muhammad Bilal Ahmed",
    learner_name_ur="محمد بلال احمد",
    title_en="Foundations of Digital Marketing",
    title_ur="ڈیجیٹل مارکیٹنگ کی بنیادیں",
    campus_name_en="University of Peshawar",
    campus_name_ur="جامعہ پشاور",
    campus_code="UOP",
    level=4,
    notional_hours=40,
    credit_value=1.5,
    competencies=[
        "Plans a small social media campaign with a budget and a goal",
        "Reads campaign analytics and adjusts the plan",
        "Writes persuasive copy in Urdu and English",
    ],
    issued_on=date(2026, 5, 2),
    valid_until=date(2029, 5, 1),
    qr_text=_qr_text("UOP-2026-000042", "Muhammad Bilal Ahmed", "BM-101", date(2026, 5, 2),
                     date(2029, 5, 1)),
    verify_url="https://registry.sanad.example/verify/UOP-2026-000042",
    credential_json=json.dumps({"type": ["VerifiableCredential"], "sample": True}).encode(),
    demo=True,
)


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed to rasterise the PDFs", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for name, face in (("certificate-en", ENGLISH), ("certificate-ur", URDU)):
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(render_certificate(face))
            subprocess.run(
                ["pdftoppm", "-png", "-r", "110", "-singlefile", str(pdf), str(HERE / name)],
                check=True,
            )
            print(f"wrote docs/screenshots/{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
