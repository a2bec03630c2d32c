"""Pictures of the dashboard in English and Urdu, for looking at (and for the docs).

``python -m tests.registry.dashboard_screens OUT_DIR`` builds a small national network (head
office, three campuses, one not joined yet; credentials over several months; one hub silent
for ten days and one with its clock off, which the picture needs and a few days of real use
would give), serves the registry with uvicorn on loopback and saves PNGs from headless
Chromium. :func:`dashboard_screens` takes the pictures from a Playwright page of any
dashboard, for a screenshot script that builds its own site.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text, update

from sync.registry import reports
from sync.registry import schema as t
from tests.registry.browser import DESKTOP, PHONE, chromium, chromium_executable
from tests.registry.dashboard_kit import PASSWORD, Plan, build_network, head_office_on
from tests.sync.servers import serve_in_thread

__all__ = ["SCREEN_PLANS", "dashboard_screens", "screen_site"]

SCREEN_PLANS = {
    "QAU": Plan("QAU", "Quaid-i-Azam University", learners=26, passes=16, resubmits=3, fails=2,
                submitted=2, withdrawn=2, revoke=2, suspend_reinstate=1, spread_months=7),
    "KIU": Plan("KIU", "Karakoram International University", learners=12, passes=7,
                resubmits=1, fails=1, submitted=1, withdrawn=1, revoke=0, suspend_reinstate=0,
                suspend=1, spread_months=4),
}  # fmt: skip
PAGES = [("overview", "/dashboard"), ("campus", "/dashboard/campus/QAU"),
         ("samples", "/dashboard/samples")]  # fmt: skip


def dashboard_screens(page: Any, base_url: str, *, username: str = "sana",
                      password: str = PASSWORD) -> list[tuple[str, bytes]]:  # fmt: skip
    """Sign in on ``page`` and take each dashboard page, full length, in both languages:
    ``[("dashboard-overview-en.png", png), …]`` (the sign-in form first)."""
    shots = []
    for lang in ("en", "ur"):
        page.goto(f"{base_url}/dashboard/sign-in?lang={lang}")
        shots.append((f"dashboard-sign-in-{lang}.png", page.screenshot(full_page=True)))
    page.goto(f"{base_url}/dashboard/sign-in?lang=en")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#sign-in")
    page.wait_for_url(f"{base_url}/dashboard")
    for lang in ("en", "ur"):
        for name, path in PAGES:
            page.goto(f"{base_url}{path}?lang={lang}")
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            shots.append((f"dashboard-{name}-{lang}.png", page.screenshot(full_page=True)))
    return shots


@contextmanager
def screen_site(folder: Path) -> Iterator[str]:
    """The network of :data:`SCREEN_PLANS` behind a real server; yields its base URL."""
    with head_office_on("sqlite", folder) as office:
        office.registry.set_setting("evidence_policy", "sample:40")
        net = build_network(office, folder, SCREEN_PLANS)
        office.registry.add_campus("LUMS", "Lahore University of Management Sciences")
        user = office.add_user()
        reports.draw_sample(office.registry, "QAU", 4, user.id, "Term 1 moderation",
                            files=office.files)  # fmt: skip
        office.sync(net.campuses["QAU"])
        reports.draw_sample(office.registry, "KIU", 3, user.id, "External examiner",
                            files=office.files)  # fmt: skip
        ten_days_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=10)).strftime(
            "%Y-%m-%dT%H:%M:%S.000Z")  # fmt: skip
        with office.registry.engine.begin() as conn:
            # a credential records when it was written; the kit wrote them all today, dated
            # over past months (valid_from): the chart shows those months
            conn.execute(text(
                "UPDATE registry_rows SET row = json_set(row, '$.issued_at', "
                "json_extract(row, '$.valid_from') || 'T10:00:00.000Z') "
                "WHERE table_name = 'issued_credentials'"))  # fmt: skip
            conn.execute(update(t.devices).where(t.devices.c.campus_code == "KIU")
                         .values(last_seen_at=ten_days_ago))  # fmt: skip
            conn.execute(update(t.devices).where(t.devices.c.campus_code == "QAU")
                         .values(clock_offset_seconds=-432.0))  # fmt: skip
        with serve_in_thread(office.app) as url:
            yield url


def main(out: Path) -> None:
    executable = chromium_executable()
    if executable is None:
        raise SystemExit("no Chromium: apt-get install chromium (or set SANAD_CHROMIUM)")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, screen_site(Path(folder)) as url, \
            chromium(executable) as browser:  # fmt: skip
        for prefix, screen in (("", DESKTOP), ("phone-", PHONE)):
            context = browser.new_context(**screen)
            for name, png in dashboard_screens(context.new_page(), url):
                (out / f"{prefix}{name}").write_bytes(png)
                print(out / f"{prefix}{name}")
            context.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "dashboard-screens"))
