"""The registry's web pages in English and Urdu.

The pages are written in English; each Urdu catalogue in ``resources/web/ur*.json`` maps an
English text to its Urdu. A text missing from the catalogues shows in English (a test checks
that every text the templates use has its Urdu). The language is the ``lang`` query parameter
(``en`` or ``ur``), then the ``sanad_lang`` cookie, then the browser's Accept-Language.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["LANGUAGES", "choose_language", "translator", "urdu_catalogue"]

LANGUAGES = ("en", "ur")
COOKIE = "sanad_lang"


def _web_resources() -> Any:
    return resources.files("sanad_resources") / "web"


@cache
def urdu_catalogue() -> dict[str, str]:
    catalogue: dict[str, str] = {}
    for entry in sorted(_web_resources().iterdir(), key=lambda e: e.name):
        if entry.name.startswith("ur") and entry.name.endswith(".json"):
            catalogue.update(json.loads(entry.read_text(encoding="utf-8")))
    return catalogue


def translator(lang: str) -> Callable[..., str]:
    """``_("Text {n}", n=3)``: the text in ``lang``, its fields filled in."""
    catalogue = urdu_catalogue() if lang == "ur" else {}

    def translate(text: str, **fields: Any) -> str:
        chosen = catalogue.get(text, text)
        return chosen.format(**fields) if fields else chosen

    return translate


def choose_language(query: str | None, cookie: str | None, accept: str | None) -> str:
    for value in (query, cookie):
        if value in LANGUAGES:
            return value
    for part in (accept or "").split(","):
        tag = part.split(";", 1)[0].strip().lower()
        if tag.startswith("ur"):
            return "ur"
        if tag.startswith("en"):
            return "en"
    return "en"
