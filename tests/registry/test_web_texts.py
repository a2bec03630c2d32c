"""Every text the registry's public pages show has its Urdu (the pages are read in both)."""

from __future__ import annotations

import re
from pathlib import Path

from sync.registry import pages, web
from sync.registry.web_texts import choose_language, translator, urdu_catalogue

TEMPLATES = Path(web.__file__).resolve().parents[2] / "resources" / "web" / "templates"
LITERAL = re.compile(r"""_\(\s*"((?:[^"\\]|\\.)*)"|_\(\s*'((?:[^'\\]|\\.)*)'""")


def template_texts(pattern: str = "*.html") -> set[str]:
    found = set()
    for template in TEMPLATES.glob(pattern):
        for match in LITERAL.finditer(template.read_text(encoding="utf-8")):
            found.add(match.group(1) if match.group(1) is not None else match.group(2))
    return found


def public_texts() -> set[str]:
    texts = {t for t in template_texts() if t} - template_texts("dashboard*.html")
    texts |= {look[2] for look in web._LOOK.values()}
    texts |= set(web._MEANING.values()) | set(web._CHECKS) | set(web._MONTHS)
    texts |= set(web._PROBLEMS.values()) | {pages.TOO_MANY} | set(web._ERROR_MESSAGES.values())
    texts |= {"Not found", "Not allowed", "Too many checks from this address",
              "Something went wrong", "The registry could not answer."}
    return texts


def test_every_public_text_has_its_urdu() -> None:
    catalogue = urdu_catalogue()
    missing = sorted(t for t in public_texts() if t not in catalogue)
    assert not missing, f"no Urdu for: {missing}"


def test_urdu_keeps_every_placeholder() -> None:
    for english, urdu in urdu_catalogue().items():
        assert set(re.findall(r"\{(\w+)\}", english)) == set(re.findall(r"\{(\w+)\}", urdu)), (
            english
        )


def test_translator_fills_fields_and_falls_back_to_english() -> None:
    assert translator("ur")("Not a text anyone wrote {n}", n=3) == "Not a text anyone wrote 3"
    assert translator("en")(pages.TOO_MANY, seconds=4).startswith("Too many checks")
    assert "4" in translator("ur")(pages.TOO_MANY, seconds=4)


def test_language_is_query_then_cookie_then_browser() -> None:
    assert choose_language("ur", "en", "en-GB") == "ur"
    assert choose_language(None, "ur", "en-GB") == "ur"
    assert choose_language("xx", None, "ur-PK,ur;q=0.9,en;q=0.8") == "ur"
    assert choose_language(None, None, "de-DE,en;q=0.5") == "en"
    assert choose_language(None, None, None) == "en"
