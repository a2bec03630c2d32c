"""Where data lives: the platform's folder, ``SANAD_DATA_DIR``, or beside a portable program."""

from __future__ import annotations

import sys

import pytest

from desktop.core import paths


@pytest.fixture
def program(tmp_path, monkeypatch):
    """An installed (frozen) Sanad in ``tmp_path/Sanad``, as on a USB stick."""
    folder = tmp_path / "Sanad"
    folder.mkdir()
    executable = folder / "sanad.exe"
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    monkeypatch.delenv("SANAD_DATA_DIR", raising=False)
    return folder


def test_without_the_marker_data_is_in_the_platforms_folder(program) -> None:
    assert paths.portable_dir() is None
    assert paths.settings_file() is None
    assert paths.data_dir() != program / "SanadData"
    assert paths.data_dir().name == "Sanad"


def test_with_the_marker_everything_is_beside_the_program(program) -> None:
    (program / paths.PORTABLE_MARKER).write_bytes(b"")
    assert paths.data_dir() == (program / "SanadData").resolve()
    assert paths.default_database() == (program / "SanadData" / "sanad.db").resolve()
    assert paths.settings_file() == (program / "SanadData" / "settings.ini").resolve()


def test_sanad_data_dir_still_wins(program, tmp_path, monkeypatch) -> None:
    (program / paths.PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.setenv("SANAD_DATA_DIR", str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"


def test_a_program_run_from_source_is_never_portable(tmp_path, monkeypatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    (tmp_path / paths.PORTABLE_MARKER).write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert paths.portable_dir() is None
    assert paths.portable_dir(tmp_path / "python") == tmp_path.resolve() / "SanadData"
