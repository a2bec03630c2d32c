"""Issuing and verifying signed certificates: throughput against reportlab's own QR widget.

A demo campus is built once (``--learners``; the demo leaves most passed enrolments waiting for
their credential). Each run copies it and:

- *issues* ``--count`` credentials with ``services.issuing.issue_batch`` (built from the
  records, schema-checked, signed with ``eddsa-rdfc-2022``, QR payload signed, recorded one
  transaction each) and renders each one's PDF certificate with its QR code, as
  ``sanad credentials export`` does: once with everything in this process, once with the
  signing and the rendering in two worker processes (this machine's cores);
- *verifies* the JSON credentials (``verification.verify_credential``: RDFC canonicalisation,
  signature, certificate chain, status) and the QR texts (``verify_qr_text``).

Baseline in the same process: the same certificate page with its QR drawn by reportlab's
built-in widget (``reportlab.graphics.barcode.qr.QrCodeWidget``), plus the same signing.

Targets (issue 5): issuing with PDF ≥ 100 per second; verifying ≥ 200 per second.

    .venv/bin/python bench/credentials.py [--learners 2600] [--count 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import median, print_machine, print_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.certificate_pdf import render_certificate  # noqa: E402
from desktop.core.certificates import certificate_face  # noqa: E402
from desktop.core.demo import create_demo  # noqa: E402
from desktop.core.demo.credentials import DEMO_KEY_PASSPHRASE  # noqa: E402
from desktop.core.services import issuing  # noqa: E402
from desktop.core.store import SYSTEM, Store  # noqa: E402
from desktop.core.trust import trust_from_store  # noqa: E402
from desktop.core.verification import Outcome, verify_credential, verify_qr_text  # noqa: E402


def _render(face) -> int:
    return len(render_certificate(face))


def _issue_and_render(db: Path, count: int, workers: int) -> tuple[float, int]:
    """Seconds to issue ``count`` credentials and render their PDFs; the PDF bytes made."""
    with Store.open(db) as store:
        issuer = issuing.unlock_issuer_key(store, DEMO_KEY_PASSPHRASE)
        due = [r["id"] for r in issuing.issuable_enrolments(store, store.campus_id)][:count]
        if len(due) < count:
            raise SystemExit(f"only {len(due)} enrolments wait; use more --learners")
        started = time.perf_counter()  # the worker processes' start is counted
        if workers > 1:
            with issuing.worker_pool(workers) as pool:
                result = issuing.issue_batch(store, SYSTEM, due, issuer, pool=pool)
                faces = (certificate_face(store, row) for row in result.issued)
                size = sum(pool.map(_render, faces, chunksize=16))
        else:
            result = issuing.issue_batch(store, SYSTEM, due, issuer)
            size = sum(_render(certificate_face(store, row)) for row in result.issued)
        elapsed = time.perf_counter() - started
        assert len(result.issued) == count, result.refused[:3]
    return elapsed, size


def _baseline(db: Path, count: int) -> float:
    """Seconds per certificate: the same signing, and the page with reportlab's QR widget."""
    import io
    from dataclasses import replace

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    with Store.open(db) as store:
        issuer = issuing.unlock_issuer_key(store, DEMO_KEY_PASSPHRASE)
        due = [r["id"] for r in issuing.issuable_enrolments(store, store.campus_id)][:count]
        started = time.perf_counter()
        for enrolment_id in due:
            row = issuing.issue_for_enrolment(store, SYSTEM, enrolment_id, issuer)
            face = certificate_face(store, row)
            render_certificate(replace(face, qr_text=""))  # the page without our QR
            out = io.BytesIO()
            page = Canvas(out, pagesize=landscape(A4))
            widget = QrCodeWidget(row["qr_text"], barLevel="Q")
            drawing = Drawing(115, 115)
            drawing.add(widget)
            renderPDF.draw(drawing, page, 680, 60)
            page.showPage()
            page.save()
        return (time.perf_counter() - started) / len(due)


def _verify_on_two(db: Path, count: int) -> float:
    """Seconds per JSON verification with two worker processes (``sanad verify`` of many)."""
    from desktop.core.verify_batch import verify_all

    with Store.open(db, readonly=True) as store:
        documents = [r["document"].encode() for r in store.query(
            "SELECT document FROM issued_credentials ORDER BY issued_at DESC LIMIT ?",
            (count,))]  # fmt: skip
    started = time.perf_counter()
    verdicts = list(verify_all(documents, db_path=db, workers=2))
    each = (time.perf_counter() - started) / len(documents)
    assert all(v.outcome is not Outcome.SIGNATURE_INVALID for v in verdicts)
    return each


def _verify(db: Path, count: int) -> tuple[float, float]:
    """Seconds per JSON verification and per QR verification (the campus's own trust)."""
    with Store.open(db, readonly=True) as store:
        rows = store.query("SELECT document, qr_text FROM issued_credentials "
                           "ORDER BY issued_at DESC LIMIT ?", (count,))  # fmt: skip
        documents = [json.loads(r["document"]) for r in rows]
        trust = trust_from_store(store)
        started = time.perf_counter()
        outcomes = [verify_credential(d, trust).outcome for d in documents]
        json_each = (time.perf_counter() - started) / len(rows)
        started = time.perf_counter()
        qr = [verify_qr_text(r["qr_text"], trust).outcome for r in rows]
        qr_each = (time.perf_counter() - started) / len(rows)
    good = {Outcome.VALID, Outcome.REVOKED, Outcome.SUSPENDED, Outcome.EXPIRED}
    assert set(outcomes) <= good and set(qr) <= good, (set(outcomes), set(qr))
    return json_each, qr_each


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--learners", type=int, default=2600)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print_machine()
    work = Path(tempfile.mkdtemp(prefix="sanad-bench-credentials-"))
    try:
        template = work / "template.db"
        started = time.perf_counter()
        create_demo(template, learners=args.learners, seed=7)
        print(f"demo campus of {args.learners} learners built in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        rates: dict[str, list[float]] = {"one": [], "two": [], "base": [], "json": [],
                                         "json2": [], "qr": []}  # fmt: skip
        for run in range(args.runs):
            for workers, key in ((1, "one"), (2, "two")):
                db = work / f"run-{run}-{workers}.db"
                shutil.copy(template, db)  # issuing reads evidence rows, not the files
                elapsed, _size = _issue_and_render(db, args.count, workers)
                rates[key].append(args.count / elapsed)
            rates["base"].append(1 / _baseline(work / f"run-{run}-1.db", 100))
            json_each, qr_each = _verify(work / f"run-{run}-2.db", args.count)
            rates["json"].append(1 / json_each)
            rates["json2"].append(1 / _verify_on_two(work / f"run-{run}-2.db", args.count))
            rates["qr"].append(1 / qr_each)
        base = median(rates["base"])
        print_table(
            ["what", "per second (median)", "× baseline", "target"],
            [
                ["issue + PDF, one process", f"{median(rates['one']):.0f}",
                 f"{median(rates['one']) / base:.1f}", "≥ 100"],
                ["issue + PDF, two worker processes", f"{median(rates['two']):.0f}",
                 f"{median(rates['two']) / base:.1f}", "≥ 100"],
                ["baseline: issue + page with reportlab's QR widget", f"{base:.1f}", "1.0", ""],
                ["verify JSON credential, one process", f"{median(rates['json']):.0f}", "",
                 "≥ 200"],
                ["verify JSON credential, two worker processes", f"{median(rates['json2']):.0f}",
                 "", "≥ 200"],
                ["verify QR text", f"{median(rates['qr']):.0f}", "", "≥ 200"],
            ],
        )  # fmt: skip
        print("runs:", {k: [round(v, 1) for v in values] for k, values in rates.items()})
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
