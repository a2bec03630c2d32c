"""The app meets a database from a newer Sanad (an older program left on a computer after an
upgrade elsewhere): it says so in the person's language and changes nothing."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core.store import Store
from desktop.ui import app as app_module
from desktop.ui.i18n import apply_language


@pytest.mark.parametrize(("language", "words"), [("en", "newer Sanad"), ("ur", "سند کے نئے ورژن")])
def test_a_newer_database_is_refused_with_a_message_and_left_alone(
    qapp, tmp_path, monkeypatch, language, words
) -> None:
    path = tmp_path / "campus.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('sanad', '0099_from_the_future', '2030-01-01')")  # fmt: skip
    before = path.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical",
                        lambda _parent, _title, text: shown.append(text))  # fmt: skip
    try:
        assert app_module.run(path, language=language) == 1
    finally:
        apply_language(qapp, "en")  # the other tests' application speaks English
    assert len(shown) == 1 and words in shown[0] and "0099_from_the_future" in shown[0]
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if ".before-schema-" in p.name] == []
