"""Screenshots of the registry's public verification pages, taken with headless Chromium.

    .venv/bin/python docs/screenshots/make_web.py

Builds a registry as in life (``tests/registry/web_fixtures.py``: head office and a campus
synced with a real ``sanad registry serve``), then saves, at a phone's size (390 × 844 CSS
pixels, device scale 2) and at a desktop's (1280 × 800), whole pages into this folder:
``web-<page>-<language>-<phone|desktop>.png`` for the verify form (English, Urdu), a valid
certificate's QR link (English, Urdu), a revoked one and a forged one (English); then head
office's dashboard (``tests/registry/dashboard_screens.py``: three campuses, a silent hub, a
hub with a wrong clock, QA samples) signed in: ``web-dashboard-<page>-<language>-<size>.png``.
Needs the system's Chromium (``apt-get install chromium``, or ``SANAD_CHROMIUM``).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

import tests.conftest  # noqa: E402, F401  (settings of "this computer" go to a temporary folder)
from tests.registry.browser import (  # noqa: E402
    DESKTOP,
    PHONE,
    chromium,
    chromium_executable,
    watched_page,
)
from tests.registry.dashboard_screens import dashboard_screens, screen_site  # noqa: E402
from tests.registry.web_fixtures import registry_site  # noqa: E402

SIZES = {"phone": PHONE, "desktop": DESKTOP}


def pages(site) -> dict[str, str]:
    """Screenshot name (without size) → the page's address."""
    return {
        "web-verify-form-en": site.url + "/verify?lang=en",
        "web-verify-form-ur": site.url + "/verify?lang=ur",
        "web-valid-en": site.link("valid") + "?lang=en",
        "web-valid-ur": site.link("valid") + "?lang=ur",
        "web-revoked-en": site.link("revoked") + "?lang=en",
        "web-tampered-en": site.link("tampered") + "?lang=en",
    }


def main() -> None:
    executable = chromium_executable()
    if executable is None:
        raise SystemExit("Chromium is not installed: apt-get install chromium (or set "
                         "SANAD_CHROMIUM to its executable)")  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="sanad-web-screens-"))
    try:
        with registry_site(folder / "site") as site, chromium(executable) as browser:
            for size, options in SIZES.items():
                for name, url in pages(site).items():
                    with watched_page(browser, **options) as (page, problems):
                        page.goto(url)
                        target = HERE / f"{name}-{size}.png"
                        page.screenshot(path=str(target), full_page=True)
                        print(target.relative_to(HERE.parents[1]))
                        if problems.messages:
                            print("  problems:", *problems.messages, sep="\n    ")
        with screen_site(folder / "dashboard") as url, chromium(executable) as browser:
            for size, options in SIZES.items():
                context = browser.new_context(**options)
                for name, png in dashboard_screens(context.new_page(), url):
                    target = HERE / f"web-{name.removesuffix('.png')}-{size}.png"
                    target.write_bytes(png)
                    print(target.relative_to(HERE.parents[1]))
                context.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
