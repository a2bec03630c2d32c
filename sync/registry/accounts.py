"""Head office's dashboard accounts: people, signing in, sessions, and the forms' CSRF tokens.

- *People* (``registry_users``) are head office's staff, not campus accounts. A user name is 2
  to 40 letters, digits, dots, dashes or underscores, starting with a letter, kept in lower
  case; passwords are Argon2id hashes (``desktop.core.passwords``) and must pass its
  ``check_strength``. A person is disabled, never deleted (samples name who drew them).
- *Signing in* answers one sentence whatever was wrong (no such name, a wrong password, a
  disabled account), and spends the same Argon2 work on a name that does not exist.
  :class:`SignInThrottle` refuses further tries after :data:`FAILURE_LIMIT` failures for one
  name from one address within :data:`FAILURE_WINDOW` (and after :data:`ADDRESS_LIMIT` from
  one address whatever the names), even with the right password, until the window has passed.
- *Sessions* (``registry_sessions``): the cookie carries a random token; the registry keeps
  only its SHA-256, so a copy of the database signs nobody in. A session ends after
  :data:`IDLE_TIMEOUT` without use and :data:`ABSOLUTE_TIMEOUT` after signing in, at signing
  out, and when its person is disabled or given a new password.
- *CSRF*: each session has its own random token, which every form the dashboard shows posts
  back (:meth:`Session.csrf_matches`).

The clock is injected (``clock``), so expiry and throttling are tested without waiting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from desktop.core.errors import InvalidInput
from desktop.core.ids import new_id
from desktop.core.passwords import check_strength, hash_password, needs_rehash, verify_password
from sync.registry import schema as t
from sync.registry.store import Registry

__all__ = [
    "ABSOLUTE_TIMEOUT",
    "FAILURE_LIMIT",
    "FAILURE_WINDOW",
    "IDLE_TIMEOUT",
    "AccountProblem",
    "Accounts",
    "Session",
    "SignInRefused",
    "SignInThrottle",
    "User",
    "normalise_username",
]

IDLE_TIMEOUT = dt.timedelta(hours=8)
ABSOLUTE_TIMEOUT = dt.timedelta(hours=24)
FAILURE_LIMIT = 5  # failed sign-ins for one name from one address …
FAILURE_WINDOW = dt.timedelta(minutes=15)  # … within this time
ADDRESS_LIMIT = 30  # failed sign-ins from one address, whatever the names, in the window
MAX_PASSWORD = 1000
TOUCH_EVERY = dt.timedelta(minutes=1)  # a session's last use is written at most this often
REFUSAL = "The user name or the password is not right, or the account is disabled."
THROTTLED = "Too many failed sign-ins with this name from this address: try again in {minutes} min."

_USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,39}")

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _text(moment: dt.datetime) -> str:
    moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@cache
def _decoy_hash() -> str:
    """A hash to verify against when the name is unknown: the same work as a real check."""
    return hash_password(secrets.token_urlsafe(16))


class AccountProblem(Exception):
    """A request about accounts that is refused, with what to do."""


class SignInRefused(AccountProblem):
    """Signing in was refused; ``retry_after`` (seconds) when it is the throttle. ``template``
    and ``fields`` let a page say it in its own language."""

    def __init__(self, template: str, *, retry_after: float | None = None,
                 **fields: Any) -> None:  # fmt: skip
        super().__init__(template.format(**fields))
        self.template, self.fields, self.retry_after = template, fields, retry_after


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    created_at: str
    disabled_at: str | None
    last_sign_in_at: str | None

    @classmethod
    def of(cls, row: Any) -> User:
        return cls(row["id"], row["username"], row["display_name"], row["created_at"],
                   row["disabled_at"], row["last_sign_in_at"])  # fmt: skip


@dataclass(frozen=True)
class Session:
    """A signed-in person. ``token`` (what the cookie carries) is known only when the session
    is made; afterwards the registry holds only its hash."""

    token_hash: str
    user: User
    csrf_token: str
    created_at: str
    expires_at: str
    token: str = ""

    def csrf_matches(self, submitted: str | None) -> bool:
        return bool(submitted) and hmac.compare_digest(
            self.csrf_token.encode("utf-8"), str(submitted).encode("utf-8")
        )


def normalise_username(text: str) -> str:
    """A typed user name as stored (lower case, no surrounding spaces), or AccountProblem."""
    name = (text or "").strip().lower()
    if not _USERNAME.fullmatch(name):
        raise AccountProblem(
            f"user name {text!r} is not usable: use 2 to 40 letters, digits, dots, dashes or "
            "underscores, starting with a letter (e.g. sana.mirza)"
        )
    return name


class SignInThrottle:
    """Failed sign-ins remembered in this process, per (name, address) and per address. Past
    the limits, :meth:`wait` says how long until the oldest failure leaves the window."""

    def __init__(self, *, limit: int = FAILURE_LIMIT, address_limit: int = ADDRESS_LIMIT,
                 window: dt.timedelta = FAILURE_WINDOW, clock: Clock = _utc_now,
                 keys: int = 100_000) -> None:  # fmt: skip
        self.limit, self.address_limit, self.window = limit, address_limit, window
        self.clock, self.keys = clock, keys
        self._failures: OrderedDict[tuple[str, ...], deque[dt.datetime]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, ...], now: dt.datetime) -> deque[dt.datetime]:
        times = self._failures.get(key, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    def wait(self, username: str, address: str) -> float:
        """0 if a try may go ahead, else the seconds until one may."""
        now = self.clock()
        waits = [0.0]
        with self._lock:
            for key, limit in (((username, address), self.limit),
                               (("*", address), self.address_limit)):  # fmt: skip
                times = self._recent(key, now)
                if len(times) >= limit:
                    waits.append((times[-limit] + self.window - now).total_seconds())
        return max(waits)

    def failed(self, username: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key in ((username, address), ("*", address)):
                times = self._recent(key, now)
                times.append(now)
                self._failures[key] = times
                self._failures.move_to_end(key)
            while len(self._failures) > self.keys:
                self._failures.popitem(last=False)

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username, address), None)


class Accounts:
    """Head office's dashboard accounts and sessions, kept in the registry's database."""

    def __init__(self, registry: Registry, *, clock: Clock = _utc_now,
                 throttle: SignInThrottle | None = None) -> None:  # fmt: skip
        self.registry = registry
        self.engine = registry.engine
        self.clock = clock
        self.throttle = throttle or SignInThrottle(clock=clock)

    # -- people ---------------------------------------------------------------------------

    def add_user(self, username: str, display_name: str, password: str) -> User:
        name = normalise_username(username)
        shown = " ".join((display_name or "").split())
        if not shown or len(shown) > 100:
            raise AccountProblem("give the person's name as it should be shown (1 to 100 "
                                 "characters), e.g. --name \"Sana Mirza\"")  # fmt: skip
        self._check_password(password, name)
        record = {"id": new_id(), "username": name, "display_name": shown,
                  "password_hash": hash_password(password), "created_at": _text(self.clock()),
                  "disabled_at": None, "last_sign_in_at": None}  # fmt: skip
        try:
            with self.engine.begin() as conn:
                conn.execute(t.users.insert().values(**record))
        except IntegrityError:
            raise AccountProblem(f"user name {name} is taken: choose another") from None
        return User.of(record)

    def users(self) -> list[User]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.users).order_by(t.users.c.username)).mappings()
            return [User.of(r) for r in rows]

    def user(self, username: str) -> User:
        name = (username or "").strip().lower()
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.username == name)).mappings()
            found = row.first()
        if found is None:
            raise AccountProblem(f"there is no user {name!r}: see sanad registry users")
        return User.of(found)

    def disable_user(self, username: str) -> User:
        """Shut a person out: no new sign-in, and their sessions end now."""
        found = self.user(username)
        if found.disabled_at:
            raise AccountProblem(f"user {found.username} was already disabled on "
                                 f"{found.disabled_at[:10]}")  # fmt: skip
        now = _text(self.clock())
        with self.engine.begin() as conn:
            conn.execute(update(t.users).where(t.users.c.id == found.id)
                         .values(disabled_at=now))  # fmt: skip
            conn.execute(delete(t.sessions).where(t.sessions.c.user_id == found.id))
        return User(found.id, found.username, found.display_name, found.created_at, now,
                    found.last_sign_in_at)  # fmt: skip

    def change_password(self, username: str, password: str) -> None:
        """A new password; every session of the person ends (one may have been someone else's)."""
        found = self.user(username)
        self._check_password(password, found.username)
        with self.engine.begin() as conn:
            conn.execute(update(t.users).where(t.users.c.id == found.id)
                         .values(password_hash=hash_password(password)))  # fmt: skip
            conn.execute(delete(t.sessions).where(t.sessions.c.user_id == found.id))

    @staticmethod
    def _check_password(password: str, username: str) -> None:
        if len(password) > MAX_PASSWORD:
            raise AccountProblem(f"the password is longer than {MAX_PASSWORD} characters: "
                                 "choose a shorter one")  # fmt: skip
        try:
            check_strength(password, username)
        except InvalidInput as exc:
            raise AccountProblem(str(exc)) from None

    # -- signing in -----------------------------------------------------------------------

    def sign_in(self, username: str, password: str, address: str) -> Session:
        """A new session for the person, or :class:`SignInRefused` (the same words whatever
        was wrong; other words, with the wait, when the throttle refuses)."""
        name = (username or "").strip().lower()[:64]
        wait = self.throttle.wait(name, address)
        if wait > 0:
            minutes = max(1, round(wait / 60 + 0.49))
            raise SignInRefused(THROTTLED, retry_after=wait, minutes=minutes)
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.username == name)).mappings()
            found = row.first()
        stored = found["password_hash"] if found is not None else _decoy_hash()
        # a password longer than any that can be set is wrong without hashing megabytes
        right = len(password or "") <= MAX_PASSWORD and verify_password(stored, password or "")
        if found is None or not right or found["disabled_at"]:
            self.throttle.failed(name, address)
            raise SignInRefused(REFUSAL)
        self.throttle.succeeded(name, address)
        now = self.clock()
        token = secrets.token_urlsafe(32)
        record = {"token_hash": _token_hash(token), "user_id": found["id"],
                  "csrf_token": secrets.token_urlsafe(32), "created_at": _text(now),
                  "expires_at": _text(now + ABSOLUTE_TIMEOUT),
                  "last_used_at": _text(now)}  # fmt: skip
        with self.engine.begin() as conn:
            # sessions that ran out are forgotten here, so the table does not grow
            conn.execute(delete(t.sessions).where(
                (t.sessions.c.expires_at < _text(now))
                | (t.sessions.c.last_used_at < _text(now - IDLE_TIMEOUT))))  # fmt: skip
            conn.execute(t.sessions.insert().values(**record))
            values: dict[str, Any] = {"last_sign_in_at": _text(now)}
            if needs_rehash(stored):
                values["password_hash"] = hash_password(password)
            conn.execute(update(t.users).where(t.users.c.id == found["id"]).values(**values))
        user = User.of({**dict(found), "last_sign_in_at": _text(now)})
        return Session(record["token_hash"], user, record["csrf_token"], record["created_at"],
                       record["expires_at"], token=token)  # fmt: skip

    def session(self, token: str | None) -> Session | None:
        """The live session of a cookie's token (its last use noted), or None: unknown, idle
        too long, past its end, or its person disabled."""
        if not token:
            return None
        digest = _token_hash(token)
        now = self.clock()
        u = t.users.c
        query = (select(t.sessions, u.username, u.display_name, u.disabled_at, u.last_sign_in_at,
                        u.created_at.label("user_created_at"))
                 .join(t.users, u.id == t.sessions.c.user_id)
                 .where(t.sessions.c.token_hash == digest))  # fmt: skip
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        if row is None:
            return None
        last_used = _moment(row["last_used_at"])
        if (now >= _moment(row["expires_at"]) or now - last_used >= IDLE_TIMEOUT
                or row["disabled_at"]):  # fmt: skip
            self.sign_out(token)
            return None
        if now - last_used >= TOUCH_EVERY:
            with self.engine.begin() as conn:
                conn.execute(update(t.sessions).where(t.sessions.c.token_hash == digest)
                             .values(last_used_at=_text(now)))  # fmt: skip
        user = User(row["user_id"], row["username"], row["display_name"],
                    row["user_created_at"], row["disabled_at"], row["last_sign_in_at"])  # fmt: skip
        return Session(digest, user, row["csrf_token"], row["created_at"], row["expires_at"])

    def sign_out(self, token: str | None) -> None:
        if token:
            with self.engine.begin() as conn:
                conn.execute(delete(t.sessions).where(
                    t.sessions.c.token_hash == _token_hash(token)))  # fmt: skip

    def display_names(self) -> dict[str, str]:
        """Each user id's shown name (for who drew a sample)."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(t.users.c.id, t.users.c.display_name)).all())
