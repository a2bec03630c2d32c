"""Fixtures of the UI tests beyond the shared campus (``tests/conftest.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.services import setup
from desktop.core.store import Actor, Store

HEAD_OFFICE_PASSWORD = "a-long-password"


@dataclass
class HeadOffice:
    """Head office's own database and its registrar (a focal person)."""

    path: Path
    admin: Actor


def make_head_office(path: Path) -> HeadOffice:
    """A head-office install: set up like a campus, of kind head_office (there is no head-office
    set-up of its own yet, docs/design.md)."""
    with Store.open(path) as store:
        admin = setup.initialise_campus(store, code="HEC", name_en="Head office",
                                        admin_username="registrar",
                                        admin_display_name="Nadia Registrar",
                                        admin_password=HEAD_OFFICE_PASSWORD)  # fmt: skip
        store.conn.execute("UPDATE settings SET value = 'head_office' WHERE key = 'node_kind'")
    return HeadOffice(path, admin)


@pytest.fixture
def head_office(tmp_path) -> HeadOffice:
    return make_head_office(tmp_path / "head-office.db")
