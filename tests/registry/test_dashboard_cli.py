"""``sanad registry add-user | users | disable-user | set-password``, driven as head office's
administrator would: the password from a file or typed twice, hidden, never an argument."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from desktop.cli import cli
from sync.registry.accounts import Accounts, SignInRefused
from sync.registry.store import Registry

PASSWORD = "a long head office password"


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'registry.db'}"


def sanad(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def _signs_in(db_url: str, username: str, password: str) -> bool:
    registry = Registry.open(db_url)
    try:
        Accounts(registry).sign_in(username, password, "127.0.0.1")
        return True
    except SignInRefused:
        return False
    finally:
        registry.close()


def test_a_user_added_from_a_password_file_signs_in(db_url, tmp_path):
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n")
    done = sanad("registry", "add-user", "--db", db_url, "--username", "Sana.Mirza",
                 "--name", "Sana Mirza", "--password-file", str(secret))  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "Added sana.mirza (Sana Mirza)" in done.output and PASSWORD not in done.output
    assert _signs_in(db_url, "sana.mirza", PASSWORD)
    listed = sanad("registry", "users", "--db", db_url)
    assert "sana.mirza" in listed.output and "Sana Mirza" in listed.output
    assert "active" in listed.output and "never" not in listed.output


def test_a_typed_password_is_asked_twice_and_not_shown(db_url):
    done = sanad("registry", "add-user", "--db", db_url, "--username", "bilal", "--name",
                 "Bilal Ahmed", input=f"{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "Password again" in done.output and PASSWORD not in done.output
    assert _signs_in(db_url, "bilal", PASSWORD)
    mismatch = sanad("registry", "add-user", "--db", db_url, "--username", "hira", "--name",
                     "Hira", input=f"{PASSWORD}\nsomething else entirely\n")  # fmt: skip
    assert mismatch.exit_code != 0 and "do not match" in mismatch.output
    assert "hira" not in sanad("registry", "users", "--db", db_url).output


@pytest.mark.parametrize(
    ("args", "says"),
    [(["--username", "x y", "--name", "X"], "not usable"),
     (["--username", "sana", "--name", "Sana"], "shorter than 8 characters")],
)  # fmt: skip
def test_a_refused_user_says_why(db_url, tmp_path, args, says):
    secret = tmp_path / "password.txt"
    secret.write_text("short\n")
    done = sanad("registry", "add-user", "--db", db_url, *args, "--password-file", str(secret))
    assert done.exit_code == 1 and done.output.startswith("Error: ") and says in done.output


def test_an_empty_or_missing_password_file_is_refused(db_url, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for path in (empty, tmp_path / "missing.txt"):
        done = sanad("registry", "add-user", "--db", db_url, "--username", "sana", "--name",
                     "Sana", "--password-file", str(path))  # fmt: skip
        assert done.exit_code == 1 and "Error: the password file" in done.output


def test_disabling_a_user_and_setting_a_new_password(db_url, tmp_path):
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n")
    sanad("registry", "add-user", "--db", db_url, "--username", "sana", "--name", "Sana Mirza",
          "--password-file", str(secret))  # fmt: skip
    renewed = sanad("registry", "set-password", "sana", "--db", db_url,
                    input="a brand new password\na brand new password\n")  # fmt: skip
    assert renewed.exit_code == 0 and "New password set for sana" in renewed.output
    assert _signs_in(db_url, "sana", "a brand new password")
    assert not _signs_in(db_url, "sana", PASSWORD)
    disabled = sanad("registry", "disable-user", "sana", "--db", db_url)
    assert disabled.exit_code == 0 and "Disabled sana (Sana Mirza)" in disabled.output
    assert not _signs_in(db_url, "sana", "a brand new password")
    assert "disabled" in sanad("registry", "users", "--db", db_url).output
    again = sanad("registry", "disable-user", "sana", "--db", db_url)
    assert again.exit_code == 1 and "already disabled" in again.output
    unknown = sanad("registry", "set-password", "nobody", "--db", db_url, "--password-file",
                    str(secret))  # fmt: skip
    assert unknown.exit_code == 1 and "no user 'nobody'" in unknown.output


def test_no_users_yet_says_how_to_add_one(db_url):
    assert "sanad registry add-user" in sanad("registry", "users", "--db", db_url).output
