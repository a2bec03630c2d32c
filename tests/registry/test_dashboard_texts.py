"""Every text the dashboard shows has its Urdu, with the same placeholders."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from sync.registry import accounts, charts, dashboard, reports
from sync.registry.web_texts import urdu_catalogue

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "resources" / "web" / "templates"
CATALOGUE = ROOT / "resources" / "web" / "ur-dashboard.json"
LITERAL = re.compile(r"""_\(\s*"((?:[^"\\]|\\.)*)"|_\(\s*'((?:[^'\\]|\\.)*)'""")


def _template_texts() -> set[str]:
    found = set()
    for template in TEMPLATES.glob("dashboard*.html"):
        for match in LITERAL.finditer(template.read_text(encoding="utf-8")):
            found.add(match.group(1) if match.group(1) is not None else match.group(2))
    return found


def _first_arguments(module: object, *callees: str) -> set[str]:
    """The literal first argument of every call to one of ``callees`` in ``module``."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if name in callees and isinstance(first, ast.Constant) and isinstance(first.value,
                                                                                  str):
                found.add(first.value)
    return found


def dashboard_texts() -> set[str]:
    texts = _template_texts()
    texts |= set(dashboard.SHOWN_TEXTS)
    texts |= _first_arguments(charts, "translate") | set(charts._MONTHS)
    texts |= _first_arguments(reports, "ReportProblem")
    texts |= {accounts.REFUSAL, accounts.THROTTLED}
    return texts


def test_the_texts_are_found():
    texts = dashboard_texts()
    assert {"Sign in", "Every campus", "Other campuses", "Jan", accounts.REFUSAL,
            dashboard.FORM_EXPIRED} <= texts  # fmt: skip
    assert any("nothing to sample" in text for text in texts)
    assert len(texts) > 80


def test_every_dashboard_text_has_its_urdu():
    catalogue = urdu_catalogue()
    missing = sorted(t for t in dashboard_texts() if t not in catalogue)
    assert not missing, f"no Urdu for: {missing}"


def test_the_dashboard_catalogue_keeps_placeholders_and_has_nothing_unused():
    own = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    for english, urdu in own.items():
        assert set(re.findall(r"\{(\w+)\}", english)) == set(re.findall(r"\{(\w+)\}", urdu)), (
            english
        )
        assert urdu.strip() and urdu != english, english
    assert sorted(set(own) - dashboard_texts()) == []
