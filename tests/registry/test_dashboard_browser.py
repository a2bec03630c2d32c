"""The dashboard in headless Chromium, as head office's staff open it: signed in through the
form, every page in English and Urdu without a single browser complaint (a style or script the
Content-Security-Policy blocks would be one), the pictures taken."""

from __future__ import annotations

import pytest

from tests.registry.browser import DESKTOP, PHONE, chromium, require_chromium, watched_page
from tests.registry.dashboard_screens import PAGES, dashboard_screens, screen_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with screen_site(tmp_path_factory.mktemp("screens")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium(require_chromium()) as opened:
        yield opened


@pytest.mark.parametrize("screen", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_page_opens_signed_in_without_a_browser_complaint(site, browser, screen):
    with watched_page(browser, **screen) as (page, problems):
        shots = dashboard_screens(page, site)
        assert problems.messages == []
        assert [name for name, _png in shots] == [
            "dashboard-sign-in-en.png", "dashboard-sign-in-ur.png",
            *(f"dashboard-{name}-{lang}.png" for lang in ("en", "ur") for name, _p in PAGES),
        ]  # fmt: skip
        assert all(png.startswith(b"\x89PNG") and len(png) > 10_000 for _name, png in shots)
        page.goto(f"{site}/dashboard?lang=ur")
        assert page.get_attribute("html", "dir") == "rtl"
        assert page.locator("svg.chart").count() == 2
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"]  # wide tables scroll inside their box


def test_signing_out_in_the_browser_asks_to_sign_in_again(site, browser):
    with watched_page(browser, **DESKTOP) as (page, problems):
        dashboard_screens(page, site)
        page.goto(f"{site}/dashboard")
        page.click("#sign-out")
        page.wait_for_url(f"{site}/dashboard/sign-in")
        page.goto(f"{site}/dashboard/samples")
        assert page.url.startswith(f"{site}/dashboard/sign-in?next=")
        assert page.locator("#sign-in").is_visible()
        assert problems.messages == []
