"""Head office's dashboard accounts: people, passwords, signing in, the throttle, sessions and
their expiry (a hand-moved clock, never a wait), on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from sync.registry import schema as t
from sync.registry.accounts import (
    ABSOLUTE_TIMEOUT,
    FAILURE_LIMIT,
    FAILURE_WINDOW,
    IDLE_TIMEOUT,
    REFUSAL,
    AccountProblem,
    Accounts,
    SignInRefused,
    SignInThrottle,
)
from sync.registry.store import Registry
from tests.registry.dashboard_kit import Clock
from tests.sync.network import postgres_database

PASSWORD = "a long head office password"
ADDRESS = "203.0.113.7"


@pytest.fixture(params=["sqlite", "postgresql"])
def registry(request, tmp_path):
    if request.param == "sqlite":
        node = Registry.open(f"sqlite:///{tmp_path / 'registry.db'}")
        yield node
        node.close()
        return
    with postgres_database() as url:
        node = Registry.open(url)
        yield node
        node.close()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def accounts(registry, clock):
    people = Accounts(registry, clock=clock)
    people.add_user("Sana.Mirza", "Sana  Mirza", PASSWORD)
    return people


def _stored(registry, table):
    with registry.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(table)).mappings()]


def test_a_user_is_kept_with_an_argon2id_hash_and_a_lower_case_name(registry, accounts):
    [user] = accounts.users()
    assert (user.username, user.display_name) == ("sana.mirza", "Sana Mirza")
    [row] = _stored(registry, t.users)
    assert row["password_hash"].startswith("$argon2id$") and PASSWORD not in row["password_hash"]
    assert accounts.sign_in("SANA.MIRZA ", PASSWORD, ADDRESS).user.id == user.id


@pytest.mark.parametrize(
    ("username", "name", "password", "says"),
    [
        ("s", "Sana", PASSWORD, "not usable"),
        ("9lives", "Sana", PASSWORD, "not usable"),
        ("sana mirza", "Sana", PASSWORD, "not usable"),
        ("x" * 41, "Sana", PASSWORD, "not usable"),
        ("bilal", "", PASSWORD, "person's name"),
        ("bilal", "Bilal", "short", "shorter than 8 characters"),
        ("bilal.khan", "Bilal", "Bilal.Khan", "same as the user name"),
        ("sana.mirza", "Another Sana", PASSWORD, "is taken"),
        ("bilal", "Bilal", "x" * 1001, "longer than 1000 characters"),
    ],
)  # fmt: skip
def test_refused_accounts_say_why(accounts, username, name, password, says):
    with pytest.raises(AccountProblem, match=says):
        accounts.add_user(username, name, password)
    assert [u.username for u in accounts.users()] == ["sana.mirza"]


def test_the_refusal_is_the_same_whatever_was_wrong(accounts):
    accounts.add_user("bilal", "Bilal Ahmed", PASSWORD)
    accounts.disable_user("bilal")
    said = []
    for username, password in (("sana.mirza", "wrong password!"), ("nobody", PASSWORD),
                               ("bilal", PASSWORD), ("sana.mirza", PASSWORD * 100)):  # fmt: skip
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in(username, password, ADDRESS)
        assert refused.value.retry_after is None
        said.append(str(refused.value))
    assert said == [REFUSAL] * 4


def test_only_the_tokens_hash_is_kept(registry, accounts):
    session = accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)
    [row] = _stored(registry, t.sessions)
    assert row["token_hash"] == hashlib.sha256(session.token.encode()).hexdigest()
    assert session.token not in str(row.values())
    assert row["csrf_token"] == session.csrf_token and len(session.csrf_token) >= 40
    again = accounts.session(session.token)
    assert again.user.username == "sana.mirza" and again.token == ""
    assert accounts.session(session.token_hash) is None  # the hash is not a token
    assert accounts.session("") is None and accounts.session(None) is None


def test_repeated_failures_are_throttled_per_name_and_address(accounts, clock):
    for _ in range(FAILURE_LIMIT):
        with pytest.raises(SignInRefused, match="not right"):
            accounts.sign_in("sana.mirza", "wrong password!", ADDRESS)
    with pytest.raises(SignInRefused, match="Too many failed sign-ins") as refused:
        accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)  # the right one, too late
    assert 0 < refused.value.retry_after <= FAILURE_WINDOW.total_seconds()
    assert refused.value.fields == {"minutes": 15}
    # another address, or another name from this one, is not held back
    assert accounts.sign_in("sana.mirza", PASSWORD, "198.51.100.2")
    accounts.add_user("bilal", "Bilal Ahmed", PASSWORD)
    assert accounts.sign_in("bilal", PASSWORD, ADDRESS)
    clock.advance(seconds=FAILURE_WINDOW.total_seconds() - 1)
    with pytest.raises(SignInRefused, match="try again in 1 min"):
        accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)
    clock.advance(seconds=1)
    assert accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)


def test_a_success_forgets_earlier_failures():
    clock = Clock()
    throttle = SignInThrottle(limit=3, clock=clock)
    for _ in range(2):
        throttle.failed("sana", ADDRESS)
    throttle.succeeded("sana", ADDRESS)
    for _ in range(2):
        throttle.failed("sana", ADDRESS)
    assert throttle.wait("sana", ADDRESS) == 0
    throttle.failed("sana", ADDRESS)
    assert throttle.wait("sana", ADDRESS) == FAILURE_WINDOW.total_seconds()


def test_one_address_trying_many_names_is_throttled_too():
    clock = Clock()
    throttle = SignInThrottle(limit=5, address_limit=10, clock=clock)
    for n in range(10):
        throttle.failed(f"name{n}", ADDRESS)
    assert throttle.wait("someone-new", ADDRESS) > 0
    assert throttle.wait("someone-new", "198.51.100.2") == 0


def test_a_session_ends_after_eight_idle_hours(accounts, clock):
    token = accounts.sign_in("sana.mirza", PASSWORD, ADDRESS).token
    for _ in range(3):  # used within the idle time: it lives on
        clock.advance(seconds=IDLE_TIMEOUT.total_seconds() - 60)
        assert accounts.session(token) is not None
    clock.advance(seconds=IDLE_TIMEOUT.total_seconds())
    assert accounts.session(token) is None
    clock.advance(seconds=-IDLE_TIMEOUT.total_seconds())  # and it is gone, not just hidden
    assert accounts.session(token) is None


def test_a_session_ends_24_hours_after_signing_in_however_used(accounts, clock):
    token = accounts.sign_in("sana.mirza", PASSWORD, ADDRESS).token
    used = dt.timedelta()
    while used + dt.timedelta(hours=4) < ABSOLUTE_TIMEOUT:
        clock.advance(hours=4)
        used += dt.timedelta(hours=4)
        assert accounts.session(token) is not None
    clock.advance(seconds=(ABSOLUTE_TIMEOUT - used).total_seconds())
    assert accounts.session(token) is None


def test_signing_out_disabling_and_a_new_password_end_sessions(registry, accounts):
    first = accounts.sign_in("sana.mirza", PASSWORD, ADDRESS).token
    second = accounts.sign_in("sana.mirza", PASSWORD, ADDRESS).token
    accounts.sign_out(first)
    assert accounts.session(first) is None and accounts.session(second) is not None
    accounts.change_password("sana.mirza", "another long password")
    assert accounts.session(second) is None
    with pytest.raises(SignInRefused):
        accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)
    third = accounts.sign_in("sana.mirza", "another long password", ADDRESS).token
    disabled = accounts.disable_user("sana.mirza")
    assert disabled.disabled_at and accounts.session(third) is None
    assert _stored(registry, t.sessions) == []
    with pytest.raises(AccountProblem, match="already disabled"):
        accounts.disable_user("sana.mirza")
    with pytest.raises(AccountProblem, match="no user"):
        accounts.disable_user("nobody")


def test_the_csrf_token_must_match_exactly(accounts):
    session = accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)
    assert session.csrf_matches(session.csrf_token)
    for wrong in ("", None, session.csrf_token[:-1], session.csrf_token + "x", session.token):
        assert not session.csrf_matches(wrong)
    other = accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)
    assert not session.csrf_matches(other.csrf_token)


def test_expired_sessions_are_removed_at_the_next_sign_in(registry, accounts, clock):
    accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)
    clock.advance(hours=9)
    accounts.sign_in("sana.mirza", PASSWORD, ADDRESS)
    assert len(_stored(registry, t.sessions)) == 1
