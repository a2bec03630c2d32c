"""The dashboard as a person uses it, through Starlette's test client: signing in, the figures
on the pages and in the CSV files, the refusals (no session, no CSRF token), and a QA sample
drawn, asked of the campus and received after its sync; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlparse

import pytest

from sync.registry import reports
from sync.registry.accounts import FAILURE_LIMIT, REFUSAL
from sync.registry.dashboard import SESSION_COOKIE, SIGN_IN_COOKIE
from tests.registry.dashboard_kit import (
    PASSWORD,
    build_network,
    expected_figures,
    head_office_on,
)

DATABASES = ["sqlite", "postgresql"]
PAGES = ["/dashboard", "/dashboard/campus/QAU", "/dashboard/campuses.csv",
         "/dashboard/devices.csv", "/dashboard/samples"]  # fmt: skip


@pytest.fixture(scope="module", params=DATABASES)
def network(request, tmp_path_factory):
    """Two campuses synced, and a person who may sign in; read by the tests, never changed."""
    folder = tmp_path_factory.mktemp(request.param)
    with head_office_on(request.param, folder) as office:
        net = build_network(office, folder)
        office.add_user()
        yield net


@pytest.fixture
def office(tmp_path):
    """A head office with no campus yet, and a person who may sign in."""
    with head_office_on("sqlite", tmp_path) as office:
        office.add_user()
        yield office


class _Tables(HTMLParser):
    """The text of each table's cells, by the table's id, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: list[list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = self.tables.setdefault(dict(attrs).get("id") or str(len(self.tables)),
                                                 [])  # fmt: skip
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._table is not None:
            self._table[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def _form_token(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(browser, *, username="sana", password=PASSWORD, next_page="/dashboard", **headers):
    form = browser.get(f"/dashboard/sign-in?next={next_page}", headers=headers)
    assert form.status_code == 200
    return browser.post("/dashboard/sign-in", data={
        "csrf": _form_token(form.text), "username": username, "password": password,
        "next": next_page,
    }, headers=headers, follow_redirects=False)  # fmt: skip


def _cookie_header(response, name):
    return next(h for h in response.headers.get_list("set-cookie") if h.startswith(name + "="))


def _number(text: str) -> int:
    return int(text.replace(",", ""))


@pytest.mark.parametrize("path", PAGES)
def test_without_signing_in_every_page_sends_to_the_sign_in_form(network, path):
    answer = network.office.browser().get(path, follow_redirects=False)
    assert answer.status_code == 303
    target = urlparse(answer.headers["location"])
    assert target.path == "/dashboard/sign-in" and parse_qs(target.query)["next"] == [path]
    assert answer.headers["cache-control"] == "no-store"


def test_a_post_without_a_session_changes_nothing(network):
    browser = network.office.browser()
    for path in ("/dashboard/samples", "/dashboard/sign-out"):
        answer = browser.post(path, data={"campus": "QAU", "size": "3"}, follow_redirects=False)
        assert answer.status_code == 303 and "/dashboard/sign-in" in answer.headers["location"]
    assert reports.samples(network.office.registry) == []


def _attributes(cookie: str) -> set[str]:
    return {p.strip().split("=")[0].lower() for p in cookie.split(";")[1:]}


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_cookies_are_http_only_strict_and_secure_over_https(office, scheme):
    browser = office.browser(scheme)
    form = browser.get("/dashboard/sign-in")
    signed = sign_in(browser)
    assert signed.status_code == 303 and signed.headers["location"] == "/dashboard"
    for cookie in (_cookie_header(form, SIGN_IN_COOKIE), _cookie_header(signed, SESSION_COOKIE)):
        assert {"httponly", "path", "samesite"} <= _attributes(cookie)
        assert "Path=/dashboard" in cookie and "SameSite=strict" in cookie
        assert ("secure" in _attributes(cookie)) is (scheme == "https")
    assert "Max-Age=86400" in _cookie_header(signed, SESSION_COOKIE)
    assert "Max-Age=0" in _cookie_header(signed, SIGN_IN_COOKIE)  # the form's token is done
    assert browser.get("/dashboard").status_code == 200


def test_behind_the_reverse_proxy_https_makes_cookies_secure(office):
    form = office.browser().get("/dashboard/sign-in", headers={"x-forwarded-proto": "https"})
    assert "secure" in _attributes(_cookie_header(form, SIGN_IN_COOKIE))


def test_the_sign_in_form_is_refused_without_its_own_token(office):
    browser = office.browser()
    browser.get("/dashboard/sign-in")
    for token in ("", "x" * 43):
        answer = browser.post("/dashboard/sign-in", data={
            "csrf": token, "username": "sana", "password": PASSWORD}, follow_redirects=False)
        assert answer.status_code == 403 and "out of date" in answer.text
        assert SESSION_COOKIE not in answer.headers.get("set-cookie", "")
    other = office.browser()  # a page elsewhere posting with a token of its own making
    answer = other.post("/dashboard/sign-in", data={
        "csrf": "y" * 43, "username": "sana", "password": PASSWORD}, follow_redirects=False)
    assert answer.status_code == 403


def test_a_wrong_password_gets_one_answer_then_the_throttle(office):
    browser = office.browser()
    for username in ("sana", "nobody"):
        answer = sign_in(browser, username=username, password="not the password")
        assert answer.status_code == 200 and REFUSAL in answer.text
        assert f'value="{username}"' in answer.text  # the name stays typed
    for _ in range(FAILURE_LIMIT - 1):
        sign_in(browser, password="not the password")
    answer = sign_in(browser)  # the right password, too late
    assert answer.status_code == 429 and "Too many failed sign-ins" in answer.text
    assert int(answer.headers["retry-after"]) > 0
    office.clock.advance(minutes=15)
    assert sign_in(browser).status_code == 303


def test_the_overview_shows_every_campus_with_totals_charts_and_devices(network):
    browser = network.office.browser()
    assert sign_in(browser).status_code == 303
    page = browser.get("/dashboard")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert "script-src" not in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in page.text and " style=" not in page.text
    rows = tables(page.text)["campuses"]
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[0] == "Campus" and len(header) == 7
    shown = {row[0].split()[0]: [_number(c) for c in row[1:]] for row in body}
    for code, path in network.campuses.items():
        expected = expected_figures(path)
        assert shown[code] == [expected["learners"], expected["enrolments"], expected["passes"],
                               expected["issued"], expected["revoked"], 0]  # fmt: skip
    assert shown["HO"] == [0] * 6
    assert total[0] == "All campuses"
    assert [_number(c) for c in total[1:]] == [sum(col) for col in zip(*shown.values(),
                                                                       strict=True)]
    assert page.text.count('<svg class="chart"') == 2
    issued = sum(expected_figures(p)["issued"] for p in network.campuses.values())
    assert re.search(rf'class="value"[^>]*>{issued}</text>', page.text)  # this month's bar
    devices = tables(page.text)["devices"]
    assert [row[0] for row in devices[1:]] == ["HO", "KIU", "QAU"]
    assert all(row[-1] == "OK" for row in devices[1:])
    assert "Signed in as Sana Mirza." in page.text


def test_a_campus_page_shows_its_figures_devices_and_samples(network):
    browser = network.office.browser()
    sign_in(browser)
    page = browser.get("/dashboard/campus/qau")
    assert page.status_code == 200
    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", page.text))
    expected = expected_figures(network.campuses["QAU"])
    assert {k: _number(v) for k, v in facts.items()} == {
        "Learners": expected["learners"], "Enrolments": expected["enrolments"],
        "Passes": expected["passes"], "Credentials issued": expected["issued"],
        "Revoked": expected["revoked"], "Evidence files waiting": 0,
    }  # fmt: skip
    assert "Quaid-i-Azam University" in page.text and "No sample has been drawn yet." in page.text
    assert browser.get("/dashboard/campus/NOPE").status_code == 404


def test_the_csv_files_hold_the_figures(network):
    browser = network.office.browser()
    sign_in(browser)
    answer = browser.get("/dashboard/campuses.csv")
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.headers["content-disposition"].startswith('attachment; filename="sanad-campuses')
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    by_code = {r["campus_code"]: r for r in rows}
    assert sorted(by_code) == ["HO", "KIU", "QAU"]
    for code, path in network.campuses.items():
        expected = expected_figures(path)
        row = by_code[code]
        assert row["joined"] == "yes" and row["campus_name"] == network.office.registry.campuses(
        )[["HO", "KIU", "QAU"].index(code)]["name"]  # fmt: skip
        assert [int(row[k]) for k in ("learners", "enrolments", "passes", "credentials_issued",
                                      "credentials_revoked", "evidence_files_waiting")] == [
            expected["learners"], expected["enrolments"], expected["passes"], expected["issued"],
            expected["revoked"], 0]  # fmt: skip
    devices = list(csv.DictReader(io.StringIO(
        browser.get("/dashboard/devices.csv").content.decode("utf-8-sig"))))  # fmt: skip
    assert sorted((d["campus_code"], d["kind"], d["changes_behind"], d["flags"]) for d in devices
                  ) == [("HO", "head_office", "0", ""), ("KIU", "hub", "0", ""),
                        ("QAU", "hub", "0", "")]  # fmt: skip
    assert all(d["last_contact"] and d["days_silent"] == "0" for d in devices)


def test_a_formula_in_a_campus_name_stays_text_in_the_csv(office):
    office.registry.add_campus("EVIL", '=HYPERLINK("http://evil.example","Open me")')
    office.registry.add_campus("MINUS", "-2+3")
    browser = office.browser()
    sign_in(browser)
    text = browser.get("/dashboard/campuses.csv").content.decode("utf-8-sig")
    names = {r["campus_code"]: r["campus_name"] for r in csv.DictReader(io.StringIO(text))}
    assert names == {"EVIL": '\'=HYPERLINK("http://evil.example","Open me")', "MINUS": "'-2+3"}


def test_every_post_needs_the_session_csrf_token(network):
    browser = network.office.browser()
    sign_in(browser)
    for token in (None, "", "not-the-token"):
        data = {"campus": "QAU", "size": "2"} | ({"csrf": token} if token is not None else {})
        answer = browser.post("/dashboard/samples", data=data, follow_redirects=False)
        assert answer.status_code == 403 and "out of date" in answer.text
        answer = browser.post("/dashboard/sign-out", data=data, follow_redirects=False)
        assert answer.status_code == 403
    assert reports.samples(network.office.registry) == []
    assert browser.get("/dashboard").status_code == 200  # still signed in


def test_signing_out_ends_the_session(office):
    browser = office.browser()
    sign_in(browser)
    token = browser.cookies.get(SESSION_COOKIE)
    page = browser.get("/dashboard")
    out = browser.post("/dashboard/sign-out", data={"csrf": _form_token(page.text)},
                       follow_redirects=False)  # fmt: skip
    assert out.status_code == 303 and out.headers["location"] == "/dashboard/sign-in"
    assert "Max-Age=0" in _cookie_header(out, SESSION_COOKIE)
    stolen = office.browser()
    stolen.cookies.set(SESSION_COOKIE, token, domain="registry.test", path="/dashboard")
    assert stolen.get("/dashboard", follow_redirects=False).status_code == 303


def test_an_idle_session_sends_to_the_sign_in_form_again(office):
    browser = office.browser()
    sign_in(browser)
    office.clock.advance(hours=7, minutes=59)
    assert browser.get("/dashboard").status_code == 200
    office.clock.advance(hours=8)
    answer = browser.get("/dashboard/samples", follow_redirects=False)
    assert answer.status_code == 303
    assert parse_qs(urlparse(answer.headers["location"]).query)["next"] == ["/dashboard/samples"]


@pytest.mark.parametrize(
    ("asked", "lands"),
    [("/dashboard/samples", "/dashboard/samples"), ("https://evil.example/", "/dashboard"),
     ("//evil.example/dashboard", "/dashboard"), ("/dashboard/sign-in", "/dashboard"),
     ("/verify", "/dashboard"), ("/dashboardx", "/dashboard"),
     ("/dashboard/sign-out", "/dashboard"), ("/dashboard?lang=ur", "/dashboard?lang=ur"),
     ("/dashboard/\\evil", "/dashboard")],
)  # fmt: skip
def test_after_signing_in_only_a_dashboard_page_is_opened(office, asked, lands):
    assert sign_in(office.browser(), next_page=asked).headers["location"] == lands


def test_the_pages_read_right_to_left_in_urdu(network):
    browser = network.office.browser()
    sign_in(browser)
    for path in ("/dashboard?lang=ur", "/dashboard/campus/QAU", "/dashboard/samples"):
        page = browser.get(path)
        assert 'dir="rtl"' in page.text and 'lang="ur"' in page.text
    assert "سب کیمپس" in browser.get("/dashboard").text
    assert "معیار کی جانچ کے نمونے" in browser.get("/dashboard/samples").text


@pytest.mark.parametrize("database", DATABASES)
def test_a_sample_drawn_on_the_page_is_sent_by_the_campus_and_shown_received(database, tmp_path):
    with head_office_on(database, tmp_path) as office:
        office.registry.set_setting("evidence_policy", "sample:0")
        net = build_network(office, tmp_path)
        office.add_user()
        browser = office.browser()
        sign_in(browser)
        page = browser.get("/dashboard/samples")
        assert "No sample has been drawn yet." in page.text
        refused = browser.post("/dashboard/samples", data={
            "csrf": _form_token(page.text), "campus": "QAU", "size": "lots"})  # fmt: skip
        assert refused.status_code == 400 and "whole number from 1 to 500" in refused.text
        drawn = browser.post("/dashboard/samples", data={
            "csrf": _form_token(page.text), "campus": "QAU", "size": "2",
            "note": "Term 1 moderation"}, follow_redirects=False)  # fmt: skip
        assert drawn.status_code == 303
        page = browser.get(drawn.headers["location"])
        assert "Sample drawn: 2 files asked of QAU." in page.text
        [row] = [r for r in tables(page.text)["samples"][1:] if len(r) == 7]
        assert row[1:] == ["QAU", "Sana Mirza", "Term 1 moderation", "2", "0", "2"]
        assert page.text.count("waiting for the campus&#39;s next sync") == 2
        assert _number(tables(browser.get("/dashboard").text)["campuses"][3][-1]) == 2  # QAU

        assert office.sync(net.campuses["QAU"]).files_sent == 2
        page = browser.get("/dashboard/samples")
        [row] = [r for r in tables(page.text)["samples"][1:] if len(r) == 7]
        assert row[-3:] == ["2", "2", "0"]
        campus = browser.get("/dashboard/campus/QAU").text
        assert "Term 1 moderation" in campus and campus.count(">received<") == 2
        nothing = browser.post("/dashboard/samples", data={
            "csrf": _form_token(page.text), "campus": "KIU", "size": "500"},
            follow_redirects=False)  # fmt: skip
        assert nothing.status_code == 303  # KIU has assessed files too: all of them are asked
        again = browser.post("/dashboard/samples", data={
            "csrf": _form_token(page.text), "campus": "KIU", "size": "1"})  # fmt: skip
        assert again.status_code == 400 and "nothing to sample" in again.text
