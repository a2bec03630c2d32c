"""Verdicts of the registry's pages and API on real certificates, synced from a real campus
(tests/registry/web_fixtures.py): the QR link, an upload of the PDF or JSON, a serial typed
with the name; the documents other verifiers fetch."""

from __future__ import annotations

import json

import httpx
import pytest

from desktop.core.keys import verify_trust_list
from desktop.core.proofs import public_key_from_multikey, verify_proof
from desktop.core.status_lists import decode_list, status_of
from tests.registry.web_fixtures import CASES, registry_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with registry_site(tmp_path_factory.mktemp("registry-site")) as running:
        yield running


@pytest.fixture(scope="module")
def http(site):
    with httpx.Client(base_url=site.url, timeout=30) as client:
        yield client


def _outcome(page: str) -> str:
    return page.split('data-outcome="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("case", CASES)
def test_the_qr_link_the_pdf_and_the_json_agree(site, http, case) -> None:
    certificate = site.certificates[case]
    page = http.get(certificate.qr_path)
    assert page.status_code == 200
    assert _outcome(page.text) == certificate.outcome
    for path in (certificate.pdf, certificate.json):
        upload = http.post("/verify", files={"file": (path.name, path.read_bytes())})
        assert _outcome(upload.text) == certificate.outcome, path.name
        api = http.post("/api/v1/verify", content=path.read_bytes())
        assert api.json()["outcome"] == certificate.outcome, path.name


@pytest.mark.parametrize("case", ["valid", "revoked", "expired"])
def test_a_page_shows_what_the_certificate_shows_and_nothing_more(site, http, case) -> None:
    certificate = site.certificates[case]
    page = http.get(certificate.qr_path, params={"lang": "en"}).text
    facts = page.split('<dl class="facts">', 1)[1].split("</dl>", 1)[0]
    for shown in (certificate.learner, certificate.title, certificate.campus, certificate.serial):
        assert shown in facts
    for private in certificate.private:
        assert private not in page
    urdu = http.get(certificate.qr_path, params={"lang": "ur"}).text
    assert 'dir="rtl"' in urdu and certificate.title_ur in urdu and certificate.campus_ur in urdu


def test_the_status_date_is_when_the_campus_signed_its_list(site, http) -> None:
    answer = http.get("/api/v1/verify", params={"qr": site.certificates["valid"].qr_text})
    body = answer.json()
    assert body["outcome"] == "valid" and body["status_as_of"]
    status_list = http.get("/status/QAU").json()
    assert body["status_as_of"][:19] == status_list["validFrom"][:19]
    assert [c["result"] for c in body["checks"]] == ["pass"] * 6


def test_a_serial_verifies_only_with_the_name_as_printed(site, http) -> None:
    certificate = site.certificates["revoked"]
    answer = http.post("/verify", data={"serial": certificate.serial.lower(),
                                        "name": certificate.learner.upper()},
                       files={"file": ("", b"")})  # fmt: skip
    assert _outcome(answer.text) == "revoked"
    wrong = http.post("/verify", data={"serial": certificate.serial, "name": "Someone Else"},
                      files={"file": ("", b"")})  # fmt: skip
    unknown = http.post("/verify", data={"serial": "QAU-2026-999999", "name": "Someone Else"},
                        files={"file": ("", b"")})  # fmt: skip
    assert wrong.status_code == unknown.status_code == 404
    assert certificate.learner not in wrong.text
    link = http.get(f"/verify/{certificate.serial}")  # the link printed on the certificate
    assert certificate.serial in link.text and 'name="name"' in link.text
    linked = http.get(f"/verify/{certificate.serial}", params={"name": certificate.learner})
    assert _outcome(linked.text) == "revoked"
    api = http.get("/api/v1/verify", params={"serial": certificate.serial,
                                             "name": certificate.learner})  # fmt: skip
    assert api.json()["outcome"] == "revoked"


def test_the_issuer_profile_names_the_key_that_signs(site, http) -> None:
    profile = http.get("/issuers/QAU")
    assert profile.headers["content-type"].startswith("application/ld+json")
    document = profile.json()
    assert document["type"] == ["Profile"] and document["id"].endswith("/issuers/QAU")
    credential = json.loads(site.certificates["valid"].json.read_text())
    assert credential["issuer"]["id"] == document["id"]
    method = credential["proof"][0]["verificationMethod"]
    keys = [k["publicKeyMultibase"] for k in document["verificationMethod"]]
    assert method.split("#", 1)[0].removeprefix("did:key:") in keys


def test_status_list_and_trust_list_are_the_signed_originals(site, http) -> None:
    root = public_key_from_multikey(site.root_public_key)
    trust_list = http.get("/trust-list").json()
    verify_trust_list(trust_list, root)
    status_list = http.get("/status/QAU").json()
    method = status_list["proof"]["verificationMethod"]
    key = method.split("#", 1)[0].removeprefix("did:key:")
    assert key in {c["publicKeyMultibase"] for c in trust_list["certificates"]}
    assert verify_proof(status_list, public_key_from_multikey(key))
    revoked = json.loads(site.certificates["revoked"].json.read_text())
    index = int(revoked["credentialStatus"]["statusListIndex"])
    bits = decode_list(status_list["credentialSubject"]["encodedList"])
    assert status_of(bits, index) == "revoked"
