"""Headless Chromium for the registry's pages: Playwright driving the system's Chromium
(``apt-get install chromium``; Playwright's own browser download is not used).

In CI a missing Chromium fails the tests that need it (they must run there); elsewhere they are
skipped with the reason. Every page opened through :func:`watched_page` records what went
wrong in the browser — console errors (a Content-Security-Policy violation is one), script
errors, failed requests, answers of 400 and more — for the test to assert there were none.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

__all__ = ["DESKTOP", "PHONE", "BrowserProblems", "chromium", "chromium_executable",
           "require_chromium", "watched_page"]  # fmt: skip

# A phone as most learners and employers have one, and an office screen.
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
                         "is_mobile": True, "has_touch": True}  # fmt: skip
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_executable() -> str | None:
    """The Chromium to drive: ``SANAD_CHROMIUM`` if set, else the first one on the PATH."""
    explicit = os.environ.get("SANAD_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The Chromium executable; fails the test in CI when there is none, else skips it."""
    found = chromium_executable()
    if found is None:
        reason = ("Chromium is not installed (apt-get install chromium, or set SANAD_CHROMIUM "
                  "to its executable): the registry's pages cannot be tested in a browser")
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@contextmanager
def chromium(executable: str) -> Iterator[Any]:
    """A headless Chromium (a Playwright ``Browser``), closed on leaving."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class BrowserProblems:
    """What went wrong while a page was open."""

    messages: list[str] = field(default_factory=list)
    allowed_status: set[int] = field(default_factory=set)  # answers a test expects (e.g. 404)

    def watch(self, page: Any) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.messages.append(f"script error: {e}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._answered)

    def _failed(self, request: Any) -> None:
        # ERR_ABORTED: the browser itself cancelled the load because the page moved on (a
        # form posted while the icon was still coming); the server refused nothing
        if "ERR_ABORTED" not in str(request.failure):
            self.messages.append(f"request failed: {request.url[:120]} ({request.failure})")

    def _console(self, message: Any) -> None:
        # "Failed to load resource" repeats a response seen by ``_answered`` (which knows the
        # answers a test expects), or is Chromium's own /favicon.ico request, which no page
        # event shows.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            url = (message.location or {}).get("url") or ""
            self.messages.append(f"console: {message.text} ({url[:120]})")

    def _answered(self, response: Any) -> None:
        if response.status >= 400 and response.status not in self.allowed_status:
            self.messages.append(f"HTTP {response.status}: {response.url[:120]}")


@contextmanager
def watched_page(browser: Any, **context: Any) -> Iterator[tuple[Any, BrowserProblems]]:
    """A page in a new browser context (no cookies shared with other tests), and the
    problems seen on it."""
    opened = browser.new_context(**context)
    try:
        page = opened.new_page()
        problems = BrowserProblems()
        problems.watch(page)
        yield page, problems
    finally:
        opened.close()
