"""The registry's public pages without certificates: forms, errors, headers, limits, the API
document. (Verdicts on real certificates: test_verify_pages.py and, in Chromium,
test_verify_browser.py.)"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from starlette.testclient import TestClient

from sync.registry.openapi import spec
from sync.registry.pages import SECURITY_HEADERS, RateLimit
from sync.registry.store import Registry
from sync.registry.web import MAX_UPLOAD, normalised_name, registry_app


@pytest.fixture
def client(tmp_path):
    registry = Registry.open(f"sqlite:///{tmp_path / 'registry.db'}")
    with TestClient(registry_app(registry, None, verify_rate=0)) as test_client:
        yield test_client
    registry.close()


def test_every_page_carries_the_security_headers(client) -> None:
    for path in ("/verify", "/V/123", "/api/v1/verify?qr=1", "/api/openapi.json", "/nowhere",
                 "/static/sanad.css"):  # fmt: skip
        answer = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers.get(name) == value, (path, name)
        assert "strict-transport-security" not in answer.headers
    proxied = client.get("/verify", headers={"x-forwarded-proto": "https"})
    assert proxied.headers["strict-transport-security"].startswith("max-age=")


def test_the_sync_protocol_is_left_as_it_was(client) -> None:
    answer = client.get("/health")
    assert answer.status_code == 200 and answer.json()["status"] == "ok"
    assert "content-security-policy" not in client.get("/sync/v1/hello").headers


def test_the_form_in_english_and_in_urdu(client) -> None:
    english = client.get("/verify")
    assert english.status_code == 200
    assert '<html lang="en" dir="ltr">' in english.text
    assert 'name="file"' in english.text and 'name="serial"' in english.text
    assert "<script" not in english.text
    urdu = client.get("/verify?lang=ur")
    assert '<html lang="ur" dir="rtl">' in urdu.text
    assert "سند کی تصدیق کریں" in urdu.text
    # the choice is remembered for the next page
    assert '<html lang="ur" dir="rtl">' in client.get("/verify").text


def test_an_empty_form_says_what_to_give_and_a_bad_serial_is_named(client) -> None:
    empty = client.post("/verify", data={"serial": "", "name": ""},
                        files={"file": ("", b"", "application/octet-stream")})  # fmt: skip
    assert empty.status_code == 400
    assert "Choose a certificate file" in empty.text
    bad = client.post("/verify", data={"serial": "QAU 2026/1", "name": "Ali Raza"},
                      files={"file": ("", b"", "application/octet-stream")})  # fmt: skip
    assert bad.status_code == 400
    assert "QAU 2026/1" in bad.text
    assert 'value="Ali Raza"' in bad.text  # what was typed is kept


def test_an_unknown_serial_and_a_wrong_name_get_the_same_answer(client) -> None:
    answer = client.post("/verify", data={"serial": "QAU-2026-000001", "name": "Ali Raza"},
                         files={"file": ("", b"", "application/octet-stream")})  # fmt: skip
    assert answer.status_code == 404
    assert "No certificate QAU-2026-000001 was issued to that name" in answer.text


def test_a_file_too_large_is_refused_before_it_is_read(client) -> None:
    big = b"%PDF" + b"0" * (MAX_UPLOAD + 100_000)
    answer = client.post("/verify", files={"file": ("big.pdf", big, "application/pdf")})
    assert answer.status_code == 400
    assert "a certificate is at most 8 MB" in answer.text


def test_garbage_is_unreadable_not_an_error(client) -> None:
    for data in (b"hello", b"{not json", b"\x89PNG\r\n\x1a\nnot really", b"%PDF-1.7 cut"):
        answer = client.post("/verify", files={"file": ("x", data, "application/octet-stream")})
        assert answer.status_code == 200
        assert 'data-outcome="unreadable"' in answer.text
    assert client.get("/V/12345").status_code == 200
    assert client.get("/api/v1/verify?qr=12345").json()["outcome"] == "unreadable"


def test_the_api_explains_a_bad_request(client) -> None:
    assert client.get("/api/v1/verify").status_code == 400
    assert client.post("/api/v1/verify", content=b"  ").status_code == 400
    missing = client.get("/api/v1/verify", params={"serial": "QAU-2026-000009", "name": "X"})
    assert missing.status_code == 404 and missing.json()["error"] == "not-found"


def test_documents_not_yet_sent_are_404_with_the_reason(client) -> None:
    assert "No campus QAU" in client.get("/issuers/QAU").text
    assert "no status list yet" in client.get("/status/QAU").text
    assert client.get("/trust-list").status_code == 404


def test_the_openapi_document_is_valid_and_lists_what_is_served(client) -> None:
    document = client.get("/api/openapi.json").json()
    validate(document)
    assert document == spec("http://testserver")
    for path in document["paths"]:
        concrete = path.replace("{code}", "QAU")
        assert client.get(concrete).status_code != 405 or path == "/api/v1/verify"
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/v1/verify" in docs.text


def test_rate_limit_lets_bursts_through_then_says_when_to_come_back(tmp_path) -> None:
    registry = Registry.open(f"sqlite:///{tmp_path / 'registry.db'}")
    with TestClient(registry_app(registry, None, verify_rate=0.5, verify_burst=3)) as client:
        answers = [client.get("/V/1") for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert int(answers[-1].headers["retry-after"]) >= 1
        assert "Too many checks" in answers[-1].text
        assert client.get("/api/v1/verify?qr=1").status_code == 429
        # another address has its own allowance (behind the proxy: X-Forwarded-For)
        other = client.get("/V/1", headers={"x-forwarded-for": "203.0.113.9"})
        assert other.status_code in (200, 429)  # TestClient's peer is not the local proxy
        assert client.get("/verify").status_code == 200  # the form itself is never limited
    registry.close()


def test_rate_limit_buckets_per_address() -> None:
    limit = RateLimit(rate=1.0, burst=2)
    assert limit.allow("a") == 0 and limit.allow("a") == 0
    assert limit.allow("a") > 0
    assert limit.allow("b") == 0
    assert RateLimit(rate=0, burst=1).allow("a") == 0


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_name_comparison_ignores_case_spacing_and_punctuation(name) -> None:
    assert normalised_name(name) == normalised_name("  " + name.upper().replace(" ", "  "))
    assert normalised_name(name) == normalised_name(name.replace(".", " "))


def test_pages_are_compressed_for_a_browser_and_sync_is_not(client) -> None:
    page = client.get("/verify", headers={"accept-encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip"
    assert 'name="file"' in page.text  # decoded by the client
    health = client.get("/health", headers={"accept-encoding": "gzip"})
    assert "content-encoding" not in health.headers


def test_a_qr_links_digits_stay_out_of_the_log(client, caplog) -> None:
    with caplog.at_level("INFO", logger="sanad.sync"):
        client.get("/V/1234567890123")
    lines = [r.getMessage() for r in caplog.records if r.name == "sanad.sync"]
    assert any('"/V/…"' in line or "/V/\\u2026" in line for line in lines), lines
    assert not any("1234567890123" in line for line in lines)


def test_the_icon_is_served_so_browsers_ask_for_nothing_else(client) -> None:
    assert '<link rel="icon" href="/icon.svg"' in client.get("/verify").text
    icon = client.get("/icon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"


def test_an_unknown_address_is_explained_in_the_pages_language(client) -> None:
    english = client.get("/nowhere", params={"lang": "en"})
    assert english.status_code == 404 and "There is no page at this address" in english.text
    urdu = client.get("/nowhere", params={"lang": "ur"})
    assert "اس پتے پر کوئی صفحہ نہیں" in urdu.text and "Not Found" not in urdu.text
    docs = client.get("/api/docs", params={"lang": "ur"}).text
    assert '<div lang="en" dir="ltr">' in docs  # the API's own English reads left to right
