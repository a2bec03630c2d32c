"""Fixtures of the UI tests beyond the shared campus (``tests/conftest.py``)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@pytest.fixture(autouse=True)
def sync_settings_restored():
    """Serving lab stations and the sync schedule are settings of this computer: a test that
    turns serving on must not leave the next test's window serving on port 8765."""
    yield
    from desktop.ui.i18n import computer_settings

    settings = computer_settings()
    for key in ("hub_serve", "hub_port", "sync_interval_minutes"):
        settings.remove(key)
    settings.sync()


@pytest.fixture
def no_retries(monkeypatch):
    """A dead link fails at once, not after the client's three retries (0.5 + 2 + 5 s)."""
    from sync.client import _Session

    monkeypatch.setitem(_Session.request.__kwdefaults__, "retries", ())


@dataclass
class ServedRegistry:
    """The registry, the address it is served at, and a way to take it off the network."""

    node: Any
    url: str
    stop: Callable[[], None]


@pytest.fixture
def registry(tmp_path):
    """Head office's registry on SQLite, campus QAU registered, served on loopback."""
    from sync.registry.store import Registry
    from sync.server import make_app
    from tests.sync.servers import serve_in_thread

    node = Registry.open(f"sqlite:///{tmp_path / 'registry.db'}")
    node.add_campus("QAU", "Quaid-i-Azam University")
    with contextlib.ExitStack() as serving:
        url = serving.enter_context(serve_in_thread(make_app(node)))
        yield ServedRegistry(node, url, serving.close)
    node.close()
