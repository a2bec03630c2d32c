"""A portable Sanad keeps this computer's settings in its own data folder."""

from __future__ import annotations

import sys

from desktop.core import paths
from desktop.ui.i18n import computer_settings


def test_settings_travel_with_a_portable_program(qapp, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "USB" / "Sanad"
    folder.mkdir(parents=True)
    (folder / "sanad.exe").write_bytes(b"")
    (folder / paths.PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "sanad.exe"))
    monkeypatch.delenv("SANAD_DATA_DIR", raising=False)
    settings = computer_settings()
    settings.setValue("lock_minutes", 7)
    settings.sync()
    ini = folder / "SanadData" / "settings.ini"
    assert ini.is_file() and "lock_minutes=7" in ini.read_text()
    assert int(computer_settings().value("lock_minutes")) == 7
