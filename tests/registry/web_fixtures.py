"""A registry as head office runs it, holding certificates in the states a verifier meets.

Head office's desktop makes the national root and names the registry's address; a campus
makes its key, head office certifies it (the certificate carries the registry's loopback
address, so the QR codes point at the registry under test) and signs a trust list. The campus
issues three credentials — one valid, one revoked at the campus (its status list says so), one
issued four years ago whose validity has run out — and a fourth file is a forgery: the valid
certificate with the learner's name changed after signing (JSON, PDF and QR). Both nodes then
join and sync with a real ``sanad registry serve`` process over HTTP, as in life.

The address must be known before the campus key is certified, so a free port is chosen first
and the server is started on it. :func:`registry_site` is shared by the browser tests, the
benchmark (``bench/registry_verify.py``) and the screenshots (``docs/screenshots/make_web.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import cbor2

from desktop.core.certificate_pdf import render_certificate
from desktop.core.certificates import certificate_face, credential_json, credential_pdf
from desktop.core.keys import certify, unseal
from desktop.core.qr_payload import decode_payload
from desktop.core.services import cohorts, issuing, learners, setup, signing_keys
from desktop.core.store import Actor, Store
from desktop.core.validation import format_cnic
from sync.client import join, sync_once
from sync.registry.store import Registry
from tests.conftest import ADMIN_PASSWORD, Campus
from tests.credential_kit import PASSPHRASE, passed_enrolment
from tests.sync.network import make_head_office, publish_national
from tests.sync.servers import SanadProcess, free_port

__all__ = ["CASES", "Certificate", "RegistrySite", "registry_site"]

CASES = ("valid", "revoked", "expired", "tampered")
FORGED_NAME = "Ayesha Siddiqa Khan"
CAMPUS_EN = "Quaid-i-Azam University"
CAMPUS_UR = "قائداعظم یونیورسٹی"
LEARNERS = [  # name, CNIC, gender, e-mail: the certificate shows the name alone
    ("Ayesha Khan", "35202-1234567-2", "female", "ayesha.khan@example.pk"),
    ("Bilal Ahmed", "61101-7654321-1", "male", "bilal.ahmed@example.pk"),
    ("Hira Baloch", "54400-1112223-4", "female", None),
]


@dataclass(frozen=True)
class Certificate:
    """One certificate as a learner holds it, and what a verifier should be told about it."""

    case: str
    outcome: str  # the verification outcome expected (``data-outcome`` of the result page)
    serial: str
    learner: str  # the name the certificate shows
    title: str
    title_ur: str
    campus: str
    campus_ur: str
    qr_text: str  # as printed: ``HTTP://127.0.0.1:<PORT>/V/<digits>``
    pdf: Path
    json: Path
    private: tuple[str, ...]  # the learner's CNIC, registration number, phone, e-mail

    @property
    def qr_path(self) -> str:
        """``/V/<digits>``: the QR's path, which a phone opens on the registry."""
        return "/V/" + self.qr_text.split("/V/", 1)[1]


@dataclass(frozen=True)
class RegistrySite:
    """The registry's database and running server, and the certificates it can verify."""

    folder: Path
    db_url: str
    server: SanadProcess
    certificates: dict[str, Certificate]
    root_public_key: str

    @property
    def url(self) -> str:
        return self.server.url

    def link(self, case: str) -> str:
        """The QR code's link as a phone opens it (scheme and host in lower case)."""
        return self.url + self.certificates[case].qr_path


@contextmanager
def registry_site(folder: Path, *, verify_rate: float | None = 0.0) -> Iterator[RegistrySite]:
    """Build head office, a campus and their credentials in ``folder``, synced with a real
    ``sanad registry serve`` (``--verify-rate verify_rate``; ``None``: the server's default),
    and yield it running; it stops on leaving."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    db_url = f"sqlite:///{folder / 'registry.db'}"
    args = ["registry", "serve", "--db", db_url, "--port", str(port),
            "--files", str(folder / "registry-files")]  # fmt: skip
    if verify_rate is not None:
        args += ["--verify-rate", f"{verify_rate:g}"]
    server = SanadProcess(args, port=port, log=folder / "registry.log")
    with ExitStack() as stack:
        head_office, head_office_admin, root_public_key = _head_office(folder, url)
        stack.callback(head_office.close)
        campus_store, campus_admin = _campus(folder / "campus.db")
        stack.callback(campus_store.close)
        head_office_code, campus_code = _registry_database(db_url, root_public_key)
        _certify_campus(head_office, head_office_admin, campus_store, campus_admin)
        stack.enter_context(server)
        # Head office sends the national catalogue and the trust list; the campus joins and
        # gets them, runs its term, issues, and sends its records and status list.
        join(head_office, url, head_office_code)
        sync_once(head_office)
        join(campus_store, url, campus_code)
        sync_once(campus_store)
        campus = _run_term(campus_store, campus_admin, folder)
        certificates = _issue(campus, folder)
        for store in (campus_store, head_office):
            report = sync_once(store)
            assert not report.refused, report.refused[:3]
        stack.pop_all()
    head_office.close()
    campus_store.close()
    try:
        yield RegistrySite(folder, db_url, server, certificates, root_public_key)
    finally:
        server.stop()


def _registry_database(db_url: str, root_public_key: str) -> tuple[str, str]:
    """The registry's campuses and join codes, and the national root head office's operator
    gives it (``sanad registry root --set``)."""
    registry = Registry.open(db_url)
    try:
        registry.add_campus("HO", "Micro-credential Centre, head office")
        registry.add_campus("QAU", CAMPUS_EN)
        registry.set_setting("root_public_key", root_public_key)
        return (registry.create_code("HO", kind="head_office")[0],
                registry.create_code("QAU")[0])  # fmt: skip
    finally:
        registry.close()


def _head_office(folder: Path, registry_url: str) -> tuple[Store, Actor, str]:
    """Head office's desktop: the national catalogue, the root key, the registry's address."""
    path = folder / "head-office.db"
    admin = make_head_office(path)
    publish_national(path, admin)
    store = Store.open(path)
    root = signing_keys.create_root_key(store, admin, PASSPHRASE)
    signing_keys.set_registry_url(store, admin, registry_url)
    return store, admin, root["public_key"]


def _campus(path: Path) -> tuple[Store, Actor]:
    store = Store.open(path)
    admin = setup.initialise_campus(store, code="QAU", name_en=CAMPUS_EN, name_ur=CAMPUS_UR,
                                    admin_username="focal", admin_display_name="Sana Mirza",
                                    admin_password=ADMIN_PASSWORD)  # fmt: skip
    return store, admin


def _certify_campus(head_office: Store, admin: Actor, campus: Store, campus_admin: Actor
                    ) -> None:  # fmt: skip
    """Head office certifies the campus key from five years ago (so that a credential issued
    four years ago was signed while the key was certified) and signs the trust list.

    ``signing_keys.certify_request`` always starts a certificate now; this does what it does
    with an earlier start: ``certify`` with the root, kept in ``key_certificates``."""
    _row, request = signing_keys.create_campus_key(campus, campus_admin, PASSPHRASE)
    root_row = head_office.one("SELECT * FROM signing_keys WHERE purpose = 'root'")
    root = unseal(root_row["sealed"], PASSPHRASE)
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=5 * 365)
    certificate = certify(request, root, valid_from=start,
                          valid_until=start + dt.timedelta(days=7 * 365),
                          registry_url=head_office.setting("registry_url"))  # fmt: skip
    head_office.execute(
        "INSERT INTO key_certificates (public_key, campus_code, certificate, certified_at) "
        "VALUES (?, ?, ?, ?)",
        (request["publicKeyMultibase"], request["campus"]["code"],
         json.dumps(certificate, ensure_ascii=False), certificate["validFrom"]),
    )  # fmt: skip
    signing_keys.make_trust_list(head_office, admin, PASSPHRASE)
    signing_keys.install_certificate(campus, campus_admin, certificate, root_row["public_key"])


def _run_term(store: Store, admin: Actor, folder: Path) -> Campus:
    """A cohort of the national micro-credential, three learners registered and enrolled."""
    micro = store.one("SELECT id, track_id FROM micro_credentials WHERE scope = 'national'")
    today = dt.date.today()
    cohort = cohorts.create_cohort(
        store, admin, micro_credential_id=micro["id"], assessor_ids=[], code="DA-101-A",
        starts_on=(today - dt.timedelta(days=60)).isoformat(),
        ends_on=(today + dt.timedelta(days=7)).isoformat(), mode="hybrid", capacity=10,
    )  # fmt: skip
    created = learners.register_learners(store, admin, [
        {"registration_no": f"QAU-R-{70 + n:04d}", "full_name": name, "cnic": cnic,
         "gender": gender, "phone": f"0300-12345{n:02d}", "email": email}
        for n, (name, cnic, gender, email) in enumerate(LEARNERS, 1)
    ]).created  # fmt: skip
    return Campus(path=store.path, store=store, admin=admin, assessor=admin,
                  track_id=micro["track_id"], micro_credential_id=micro["id"],
                  cohort_id=cohort["id"], learner_ids=[row["id"] for row in created])  # fmt: skip


def _issue(campus: Campus, folder: Path) -> dict[str, Certificate]:
    store = campus.store
    issuer = issuing.unlock_issuer_key(store, PASSPHRASE)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    four_years_ago = now - dt.timedelta(days=4 * 365)
    rows = {
        case: issuing.issue_for_enrolment(store, campus.admin,
                                          passed_enrolment(campus, folder, n), issuer,
                                          issued_at=four_years_ago if case == "expired" else None)
        for n, case in enumerate(("valid", "revoked", "expired"))
    }  # fmt: skip
    issuing.change_status(store, campus.admin, rows["revoked"]["id"], "revoke",
                          "Issued to the wrong learner", issuer)  # fmt: skip
    out = folder / "certificates"
    out.mkdir(exist_ok=True)
    certificates = {}
    for case, row in rows.items():
        record = store.get("issued_credentials", row["id"])
        pdf, document = out / f"{case}.pdf", out / f"{case}.json"
        pdf.write_bytes(credential_pdf(store, row["id"]))
        document.write_bytes(credential_json(record["document"]))
        certificates[case] = _certificate(store, case, record, pdf, document)
    certificates["tampered"] = _tampered(store, certificates["valid"], out)
    return certificates


def _certificate(store: Store, case: str, record: dict, pdf: Path, document: Path
                 ) -> Certificate:  # fmt: skip
    face = certificate_face(store, record)
    learner = store.get("learners", record["learner_id"])
    phone = learner["phone"] or ""
    local_phone = f"0{phone[3:6]}-{phone[6:]}" if phone.startswith("+92") else None
    private = tuple(v for v in (learner["cnic"], learner["cnic"] and format_cnic(learner["cnic"]),
                                learner["registration_no"], phone, local_phone, learner["email"])
                    if v)  # fmt: skip
    outcome = {"valid": "valid", "revoked": "revoked", "expired": "expired"}[case]
    return Certificate(case, outcome, face.serial, face.learner_name, face.title_en,
                       face.title_ur or "", face.campus_name_en, face.campus_name_ur or "",
                       face.qr_text, pdf, document, private)  # fmt: skip


def _tampered(store: Store, valid: Certificate, out: Path) -> Certificate:
    """The valid certificate with another learner's name put in after signing: in the JSON
    (the proof no longer matches), the PDF (its face and attachment) and the QR (claims changed,
    the old signature kept)."""
    record = store.one("SELECT * FROM issued_credentials WHERE serial = ?", (valid.serial,))
    document = json.loads(record["document"])
    for identifier in document["credentialSubject"]["identifier"]:
        if identifier["identityType"] == "name":
            identifier["identityHash"] = FORGED_NAME
    forged = json.dumps(document, ensure_ascii=False)
    forged_qr = _forged_qr(valid.qr_text, FORGED_NAME)
    face = replace(certificate_face(store, record), learner_name=FORGED_NAME, qr_text=forged_qr,
                   credential_json=forged.encode("utf-8"))  # fmt: skip
    pdf, path = out / "tampered.pdf", out / "tampered.json"
    pdf.write_bytes(render_certificate(face))
    path.write_bytes(credential_json(forged))
    return replace(valid, case="tampered", outcome="signature_invalid", learner=FORGED_NAME,
                   qr_text=forged_qr, pdf=pdf, json=path)  # fmt: skip


def _forged_qr(text: str, name: str) -> str:
    """``text`` with the learner's name changed in its signed claims, the signature kept
    (the format of ``desktop.core.qr_payload``: zlib when smaller, a 01 byte, decimal)."""
    prefix = text.split("/V/", 1)[0] + "/V/"
    protected, unprotected, payload, signature = cbor2.loads(decode_payload(text).cose)
    claims = cbor2.loads(payload)
    claims[2] = name
    cose = cbor2.dumps([protected, unprotected, cbor2.dumps(claims), signature])
    packed = zlib.compress(cose, 9)
    data = packed if len(packed) < len(cose) else cose
    return prefix + str(int.from_bytes(b"\x01" + data, "big"))
