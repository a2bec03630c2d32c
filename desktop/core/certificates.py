"""Issued credentials as the learner takes them away: the JSON, the PDF, and the links to share.

The PDF is drawn on demand from the recorded credential and the QR text signed at issue, so any
computer of the campus prints it without the campus key. Exports are written file by file,
each through a temporary file renamed into place, so an interrupted export leaves whole files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from desktop.core.certificate_pdf import CertificateFace, render_certificate
from desktop.core.files import write_bytes_atomically
from desktop.core.store import Store

__all__ = [
    "certificate_face",
    "credential_json",
    "credential_pdf",
    "export_credentials",
    "linkedin_url",
    "verification_url",
]


def verification_url(document: dict[str, Any], serial: str) -> str:
    """The registry page that shows this credential's current status."""
    issuer = document.get("issuer", {}).get("id", "")
    registry = issuer.rsplit("/issuers/", 1)[0] if "/issuers/" in issuer else issuer
    return f"{registry}/verify/{serial}"


def linkedin_url(document: dict[str, Any], serial: str) -> str:
    """LinkedIn's "Add licence or certification" link, filled in for this credential."""
    issued = dt.date.fromisoformat(document["validFrom"][:10])
    fields = {
        "startTask": "CERTIFICATION_NAME",
        "name": document["credentialSubject"]["achievement"]["name"],
        "organizationName": document["issuer"]["name"],
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "certUrl": verification_url(document, serial),
        "certId": serial,
    }
    if document.get("validUntil"):
        until = dt.date.fromisoformat(document["validUntil"][:10])
        fields.update(expirationYear=until.year, expirationMonth=until.month)
    return "https://www.linkedin.com/profile/add?" + urlencode(fields)


def certificate_face(store: Store, credential: dict[str, Any]) -> CertificateFace:
    """What the paper certificate of a recorded credential shows."""
    document = json.loads(credential["document"])
    campus = store.get("campuses", credential["campus_id"])
    learner = store.get("learners", credential["learner_id"])
    if credential["kind"] == "pathway":
        pathway = store.get("pathways", credential["pathway_id"])
        title_en, title_ur = pathway["title_en"], pathway["title_ur"]
        level = hours = 0
        credit = pathway["credit_awarded"]
        competencies = [
            f"{c['serial']} {c['title']}" for c in _components(store, credential["components"])
        ]
    else:
        micro = store.get("micro_credentials", credential["micro_credential_id"])
        title_en, title_ur = micro["title_en"], micro["title_ur"]
        level, hours, credit = micro["level"], micro["notional_hours"], micro["credit_value"]
        competencies = [c["text_en"] for c in json.loads(micro["competencies"])]
    return CertificateFace(
        serial=credential["serial"],
        learner_name=learner["full_name"],
        learner_name_ur=None,
        title_en=title_en,
        title_ur=title_ur,
        campus_name_en=campus["name_en"],
        campus_name_ur=campus["name_ur"],
        campus_code=campus["code"],
        level=level,
        notional_hours=hours,
        credit_value=credit,
        competencies=competencies,
        issued_on=dt.date.fromisoformat(credential["valid_from"]),
        valid_until=_date(credential["valid_until"]),
        qr_text=credential["qr_text"] or "",
        verify_url=verification_url(document, credential["serial"]),
        credential_json=credential["document"].encode("utf-8"),
        demo=store.setting("demo") == "1",
        pathway=credential["kind"] == "pathway",
    )


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _components(store: Store, components: str | None) -> list[dict[str, Any]]:
    ids = json.loads(components or "[]")
    rows = []
    for credential_id in ids:
        row = store.one(
            "SELECT i.serial, m.title_en AS title FROM issued_credentials i "
            "JOIN micro_credentials m ON m.id = i.micro_credential_id WHERE i.id = ?",
            (credential_id,),
        )
        if row:
            rows.append(row)
    return rows


def credential_json(document: str) -> bytes:
    """A recorded credential as the learner's JSON file: indented, UTF-8, the same document
    (indentation changes no signature: the proof covers the canonical form)."""
    return (json.dumps(json.loads(document), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def credential_pdf(store: Store, credential_id: str) -> bytes:
    """The PDF certificate of a recorded credential."""
    credential = store.get("issued_credentials", credential_id)
    if credential is None:
        from desktop.core.errors import NotFound

        raise NotFound.single("credential", credential_id, "was never issued here",
                              "Reload the list of credentials")  # fmt: skip
    return render_certificate(certificate_face(store, credential))


def export_credentials(
    store: Store,
    out: Path,
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> list[Path]:
    """Write every credential of this database as ``<serial>.json`` and ``<serial>.pdf`` into
    ``out``; ``progress(done, total)`` returns False to stop. Returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    ids = [
        row["id"]
        for row in store.query(
            "SELECT id FROM issued_credentials WHERE deleted = 0 ORDER BY issued_at, serial"
        )
    ]
    written: list[Path] = []
    for done, credential_id in enumerate(ids, start=1):
        credential = store.get("issued_credentials", credential_id)
        json_path = out / f"{credential['serial']}.json"
        write_bytes_atomically(json_path, credential_json(credential["document"]))
        pdf_path = out / f"{credential['serial']}.pdf"
        write_bytes_atomically(pdf_path, render_certificate(certificate_face(store, credential)))
        written += [json_path, pdf_path]
        if progress is not None and not progress(done, len(ids)):
            break
    return written
