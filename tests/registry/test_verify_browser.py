"""The registry's verification pages as a phone and an office computer meet them: real headless
Chromium on a real ``sanad registry serve`` over a registry that head office and a campus
synced with (``web_fixtures``). A certificate's QR link, the upload form (PDF, JSON), the
serial-and-name form, pasted QR text, and the Urdu pages; each page must show the verdict, the
learner, credential and campus the certificate itself shows, nothing more (no CNIC,
registration number, phone or e-mail), and load without a browser error (a blocked style or
script, under the pages' Content-Security-Policy, is one)."""

from __future__ import annotations

import pytest

from tests.registry.browser import DESKTOP, PHONE, chromium, require_chromium, watched_page
from tests.registry.web_fixtures import CASES, RegistrySite, registry_site

HEADLINES = {
    "valid": "Valid certificate",
    "revoked": "Revoked",
    "expired": "Expired",
    "signature_invalid": "Not genuine: changed after it was signed",
}
# What a result page may say about the certificate: what is printed on it.
SHOWN = {"Learner", "Credential", "Campus", "Serial number", "Issued", "Valid until"}


@pytest.fixture(scope="session")
def browser():
    with chromium(require_chromium()) as launched:
        yield launched


@pytest.fixture(scope="session")
def site(browser, tmp_path_factory):
    with registry_site(tmp_path_factory.mktemp("registry-web")) as running:
        yield running


@pytest.fixture
def page(request, browser):
    """A page at a phone's size (or a desktop's, with ``indirect`` parameters); the test fails
    if the browser saw a problem."""
    size = PHONE if getattr(request, "param", "phone") == "phone" else DESKTOP
    with watched_page(browser, **size) as (
            opened, problems):  # fmt: skip
        opened.problems = problems
        yield opened
        assert not problems.messages, problems.messages


def _verdict(page) -> tuple[str, dict[str, str]]:
    """The outcome a result page gives, and its facts (label → value)."""
    section = page.locator("section.verdict")
    outcome = section.get_attribute("data-outcome")
    labels = section.locator("dl.facts dt").all_inner_texts()
    values = section.locator("dl.facts dd").all_inner_texts()
    return outcome, dict(zip(labels, values, strict=True))


def _assert_nothing_private(page, site: RegistrySite) -> None:
    html, text = page.content(), page.locator("body").inner_text()
    for certificate in site.certificates.values():
        for private in certificate.private:
            assert private not in html and private not in text, private


def _assert_styled(page) -> None:
    """The stylesheet loaded and applies (the verdict box has its border)."""
    assert page.evaluate("document.styleSheets.length") == 1
    border = page.locator("section.verdict").evaluate("e => getComputedStyle(e).borderTopWidth")
    assert border == "2px"


BOTH_SIZES = pytest.mark.parametrize("page", ["phone", "desktop"], indirect=True)


@BOTH_SIZES
@pytest.mark.parametrize("case", CASES)
def test_the_qr_link_gives_the_verdict_and_only_what_the_certificate_shows(page, site, case):
    certificate = site.certificates[case]
    page.goto(site.link(case))
    outcome, facts = _verdict(page)
    assert outcome == certificate.outcome
    assert page.locator("section.verdict h1").inner_text().endswith(HEADLINES[outcome])
    assert page.title().startswith(HEADLINES[outcome])
    if case == "tampered":  # what a forgery claims is not repeated as if it were proven
        assert facts == {}
        assert certificate.learner not in page.locator("body").inner_text()
    else:
        assert set(facts) <= SHOWN
        assert facts["Learner"] == certificate.learner
        assert facts["Serial number"] == certificate.serial
        assert facts["Credential"].startswith(certificate.title)
        assert facts["Campus"] == certificate.campus
    _assert_nothing_private(page, site)
    _assert_styled(page)


def test_the_qr_text_as_printed_opens_the_page(page, site):
    """The QR holds the address in capitals (a smaller QR code); a phone opens it as it is."""
    certificate = site.certificates["valid"]
    assert certificate.qr_text.startswith("HTTP://127.0.0.1:")
    page.goto(certificate.qr_text)
    assert _verdict(page)[0] == "valid"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("kind", ["pdf", "json"])
def test_an_uploaded_certificate_gets_the_same_verdict(page, site, case, kind):
    certificate = site.certificates[case]
    page.goto(site.url + "/verify")
    page.set_input_files("input[name=file]", str(getattr(certificate, kind)))
    with page.expect_navigation():
        page.click("#verify-file")
    outcome, facts = _verdict(page)
    assert outcome == certificate.outcome
    if case == "tampered":
        assert facts == {}
    else:
        assert facts["Learner"] == certificate.learner
        assert facts["Campus"] == certificate.campus
        assert facts["Serial number"] == certificate.serial
    _assert_nothing_private(page, site)


def test_the_serial_with_the_name_as_printed_is_verified(page, site):
    certificate = site.certificates["revoked"]
    page.goto(site.url + "/verify")
    page.fill("input[name=serial]", certificate.serial.lower())
    page.fill("input[name=name]", certificate.learner.upper())
    with page.expect_navigation():
        page.click("#verify-serial")
    outcome, facts = _verdict(page)
    assert outcome == "revoked"
    assert facts["Learner"] == certificate.learner


def test_a_serial_with_another_name_reveals_nothing(page, site):
    """A serial alone must not tell who holds it: a wrong name is answered as an unknown
    serial, and the form keeps what was typed."""
    certificate = site.certificates["valid"]
    page.problems.allowed_status.add(404)
    page.goto(site.url + "/verify")
    page.fill("input[name=serial]", certificate.serial)
    page.fill("input[name=name]", "Someone Else")
    with page.expect_navigation():
        page.click("#verify-serial")
    assert page.locator("section.verdict").count() == 0
    assert certificate.serial in page.locator(".problem").inner_text()
    assert page.input_value("input[name=serial]") == certificate.serial
    text = page.locator("body").inner_text()
    for other in site.certificates.values():
        assert other.learner not in text
    _assert_nothing_private(page, site)


def test_pasted_qr_text_is_verified(page, site):
    page.goto(site.url + "/verify")
    page.fill("textarea[name=qr]", site.certificates["expired"].qr_text)
    with page.expect_navigation():
        page.click("#verify-qr")
    assert _verdict(page)[0] == "expired"


@BOTH_SIZES
@pytest.mark.parametrize("case", ["valid", "revoked"])
def test_the_urdu_page_reads_right_to_left_in_urdu(page, site, case):
    from sync.registry.web_texts import urdu_catalogue

    urdu = urdu_catalogue()
    certificate = site.certificates[case]
    page.goto(site.link(case) + "?lang=ur")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ur", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    outcome, facts = _verdict(page)
    assert outcome == certificate.outcome
    assert page.locator("section.verdict h1").inner_text().endswith(
        urdu[HEADLINES[outcome]])  # fmt: skip
    assert facts[urdu["Learner"]] == certificate.learner  # a name is shown as printed
    assert facts[urdu["Credential"]].startswith(certificate.title_ur)
    assert facts[urdu["Campus"]] == certificate.campus_ur
    _assert_nothing_private(page, site)

    # The other language is one tap away, on the same certificate.
    with page.expect_navigation():
        page.click("a.lang")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert _verdict(page)[1]["Learner"] == certificate.learner


def test_the_language_chosen_on_the_form_is_kept_for_the_result(page, site):
    from sync.registry.web_texts import urdu_catalogue

    urdu = urdu_catalogue()
    page.goto(site.url + "/verify?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == urdu["Verify a certificate"]
    assert page.locator("#verify-file").inner_text() == urdu["Verify the file"]
    page.set_input_files("input[name=file]", str(site.certificates["valid"].pdf))
    with page.expect_navigation():
        page.click("#verify-file")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("section.verdict h1").inner_text().endswith(urdu["Valid certificate"])
