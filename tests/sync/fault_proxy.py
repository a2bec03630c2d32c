"""A TCP proxy that makes a loopback connection behave like a campus link: it resets, stalls,
truncates, corrupts bytes, runs at a set bit rate and adds latency, on command.

Sync fault tests and the ``bench/`` scripts put it between an HTTP client and a real server::

    with FaultProxy(("127.0.0.1", server_port)) as proxy:
        proxy.reset_after(5_000, "downstream", once=True)   # the link drops once mid-sync
        sync_with(proxy.url)

Every fault counts bytes of one stream of a connection: ``"upstream"`` (client → server),
``"downstream"`` (server → client) or ``"both"`` (each stream counts on its own). The count
starts when the fault is set (when the connection opens, for one opened later), so on a
keep-alive connection ``corrupt_at(10, "downstream")`` spoils the 11th byte of the next response.
A fault set while bytes are moving may fire up to one read (≤ 64 KiB) late.

Threads, not asyncio: tests drive it from synchronous code, and one thread per stream keeps its
byte count, and so the point where a fault fires, exact. Every wait is bounded by
``POLL_SECONDS`` and re-checks for ``close()``, so closing takes about that long.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import math
import selectors
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Literal, NamedTuple

__all__ = ["Direction", "Fault", "FaultEvent", "FaultProxy", "RateLimiter"]

Direction = Literal["upstream", "downstream", "both"]
STREAMS = ("upstream", "downstream")

POLL_SECONDS = 0.05
CHUNK = 64 * 1024
# After a truncation the proxy reads and drops what the peers still send before closing:
# closing a socket with unread bytes makes the kernel send RST, and truncation promises a FIN.
DRAIN_SECONDS = 1.0
CONNECT_TIMEOUT = 5.0
THREAD_PREFIX = "fault-proxy"

_OPEN, _DRAINING, _ABORTED = "open", "draining", "aborted"


def _directions(direction: str) -> frozenset[str]:
    if direction == "both":
        return frozenset(STREAMS)
    if direction in STREAMS:
        return frozenset({direction})
    raise ValueError(f"direction {direction!r} is not one of 'upstream', 'downstream', 'both'")


def _count(name: str, value: int, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be an integer ≥ {minimum}, not {value!r}")
    return value


@dataclass(eq=False)
class Fault:
    """A fault set on the proxy; pass it to :meth:`FaultProxy.remove` to lift it alone.

    ``after`` is the byte count (from arming) at which a reset, stall or truncation fires, or
    the first corrupted position; ``every`` repeats the corruption every that many bytes.
    """

    kind: Literal["reset", "stall", "truncate", "corrupt"]
    directions: frozenset[str]
    after: int
    every: int | None = None
    mask: int = 0x01
    once: bool = False
    active: bool = True
    claimed_by: int | None = None  # the one connection a ``once`` fault fired on

    def positions(self, start: int, lo: int, hi: int) -> Iterator[int]:
        """Stream offsets in ``[lo, hi)`` this corruption, armed at ``start``, flips."""
        first = start + self.after
        if self.every is None:
            if lo <= first < hi:
                yield first
            return
        skipped = max(0, math.ceil((lo - first) / self.every))
        yield from range(first + skipped * self.every, hi, self.every)


class FaultEvent(NamedTuple):
    """One firing: which fault, on which stream of which connection, at which byte of it."""

    kind: str
    direction: str
    connection: int
    offset: int


class RateLimiter:
    """The link's bit rate: a token bucket per direction (a full-duplex link, so an upload and a
    download each get the whole rate), shared by every connection of the proxy.

    One token is one payload byte; TCP/IP headers are not modelled. The bucket holds
    ``burst_seconds`` of traffic (320 bytes at 256 kbit/s), so bytes leave in small, even slices
    rather than bursts. ``tokens_granted`` and :meth:`allowance` let a test check the limit from
    the limiter's own accounting instead of a stopwatch.
    """

    def __init__(
        self,
        bits_per_second: float,
        *,
        burst_seconds: float = 0.01,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not bits_per_second > 0 or not burst_seconds > 0:
            raise ValueError(
                f"rate {bits_per_second!r} bit/s and burst {burst_seconds!r} s must be positive; "
                "use rate_limit(None) to lift the limit"
            )
        self.bits_per_second = bits_per_second
        self.bytes_per_second = bits_per_second / 8
        self.capacity = max(1, int(self.bytes_per_second * burst_seconds))
        self._clock = clock
        self._lock = threading.Lock()
        self.reset_accounting()

    def reset_accounting(self) -> None:
        """Start counting granted tokens afresh (and the allowance from now)."""
        with self._lock:
            now = self._clock()
            self._since = now
            self._tokens = dict.fromkeys(STREAMS, float(self.capacity))
            self._stamp = dict.fromkeys(STREAMS, now)
            self._granted = dict.fromkeys(STREAMS, 0)
            self.largest_grant = 0

    def _refill(self, direction: str) -> float:
        now = self._clock()
        elapsed = max(0.0, now - self._stamp[direction])
        self._stamp[direction] = now
        tokens = min(self.capacity, self._tokens[direction] + elapsed * self.bytes_per_second)
        self._tokens[direction] = tokens
        return tokens

    def take(self, direction: str, wanted: int) -> int:
        """Grant up to ``wanted`` bytes in ``direction`` now; 0 when the bucket is empty."""
        with self._lock:
            granted = min(wanted, int(self._refill(direction)))
            if granted <= 0:
                return 0
            self._tokens[direction] -= granted
            self._granted[direction] += granted
            self.largest_grant = max(self.largest_grant, granted)
            return granted

    def wait_time(self, direction: str, wanted: int) -> float:
        """Seconds until a slice of ``wanted`` bytes (at most a bucketful) can be granted."""
        with self._lock:
            missing = min(wanted, self.capacity) - self._refill(direction)
            return max(0.0, missing / self.bytes_per_second)

    @property
    def tokens_granted(self) -> dict[str, int]:
        """Bytes granted per direction since creation or :meth:`reset_accounting`."""
        with self._lock:
            return dict(self._granted)

    def allowance(self) -> float:
        """The most a direction can have been granted so far: a full bucket plus the rate."""
        with self._lock:
            return self.capacity + (self._clock() - self._since) * self.bytes_per_second


class _Stopped(Exception):
    """The connection was reset, truncated or the proxy closed: this stream stops forwarding."""


def _linger_zero(sock: socket.socket) -> None:
    """Make ``close()`` abort the connection with RST instead of FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class _Connection:
    """One accepted client and its server socket; state changes happen under the proxy lock."""

    def __init__(self, proxy: FaultProxy, ident: int, client: socket.socket,
                 server: socket.socket) -> None:  # fmt: skip
        self.proxy, self.id = proxy, ident
        self.sockets = (client, server)
        self.state = _OPEN
        self.drain_until = 0.0
        self.streams = {
            "upstream": _Stream(self, "upstream", client, server),
            "downstream": _Stream(self, "downstream", server, client),
        }
        self._running = len(self.streams)

    def abort(self) -> None:
        """RST both peers (their sockets close when both streams have stopped)."""
        with self.proxy._lock:
            if self.state != _ABORTED:
                self.state = _ABORTED
                for sock in self.sockets:
                    _linger_zero(sock)
                self.proxy._lock.notify_all()

    def fail(self) -> None:
        """A peer reset or vanished: pass the reset on, unless a fault already ended the link
        (a send racing a truncation must not turn its FIN into RST)."""
        with self.proxy._lock:
            if self.state == _OPEN:
                self.abort()

    def truncate(self) -> None:
        """FIN both peers, then drain them (see ``DRAIN_SECONDS``)."""
        with self.proxy._lock:
            if self.state != _OPEN:
                return
            self.state = _DRAINING
            self.drain_until = time.monotonic() + DRAIN_SECONDS
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_WR)
            self.proxy._lock.notify_all()

    def stream_done(self) -> None:
        with self.proxy._lock:
            self._running -= 1
            if self._running:
                return
            self.proxy._live.discard(self)
        for sock in self.sockets:
            sock.close()


class _Stream:
    """One direction of a connection, forwarded by its own thread."""

    def __init__(self, conn: _Connection, direction: str, src: socket.socket,
                 dst: socket.socket) -> None:  # fmt: skip
        self.conn, self.proxy, self.direction = conn, conn.proxy, direction
        self.src, self.dst = src, dst
        self.offset = 0  # bytes forwarded
        self.armed: dict[Fault, int] = {}  # fault → offset when it was set on this stream
        self.fired: set[Fault] = set()

    def run(self) -> None:
        try:
            with selectors.DefaultSelector() as readable, selectors.DefaultSelector() as writable:
                readable.register(self.src, selectors.EVENT_READ)
                writable.register(self.dst, selectors.EVENT_WRITE)
                self._readable, self._writable = readable, writable
                try:
                    self._pump()
                except _Stopped:
                    pass
                except OSError:  # the peer reset or went away: not an error of the proxy
                    self.conn.fail()
                if self.conn.state == _DRAINING:
                    self._drain()
        finally:
            self.conn.stream_done()

    def _pump(self) -> None:
        """Read and forward. With latency, what was read waits in a queue until it is due and
        reading goes on meanwhile: a link's delay, not a pause after every read (which would
        cap a slow link far below its rate: a bucketful per round trip)."""
        self._fire_due()
        pending: collections.deque[tuple[float, bytes]] = collections.deque()
        ended = False
        while True:
            if pending and pending[0][0] <= time.monotonic():
                self._forward(pending.popleft()[1])
                continue
            if ended and not pending:
                if self.conn.state == _OPEN:
                    self.dst.shutdown(socket.SHUT_WR)  # pass the FIN on; the other way goes on
                return
            wait = pending[0][0] - time.monotonic() if pending else POLL_SECONDS
            if ended:
                self._wait(wait)
                continue
            data = self._recv_within(wait)
            if data is None:
                continue
            if not data:
                ended = True
                continue
            latency = self.proxy._latency[self.direction]
            if latency <= 0 and not pending:
                self._forward(data)
            else:
                pending.append((time.monotonic() + latency, data))

    def _recv_within(self, seconds: float) -> bytes | None:
        """What arrives within ``seconds`` (``b""`` at the end), or None if nothing did."""
        limiter = self.proxy._limiter
        size = CHUNK if limiter is None else min(CHUNK, limiter.capacity)
        self._check()
        if self._readable.select(max(0.0, min(seconds, POLL_SECONDS))):
            try:
                return self.src.recv(size)
            except BlockingIOError:
                return None
        return None

    def _check(self) -> None:
        if self.conn.state != _OPEN:
            raise _Stopped

    def _wait(self, seconds: float) -> None:
        """Sleep, waking early on any change of faults or state."""
        with self.proxy._lock:
            self.proxy._lock.wait(min(seconds, POLL_SECONDS))
        self._check()

    def _eligible(self, fault: Fault) -> bool:
        return fault.active and fault.claimed_by in (None, self.conn.id)

    def _fire(self, fault: Fault, offset: int) -> bool:
        """Record a firing (under the lock); False when a ``once`` fault went to another link."""
        if not self._eligible(fault):
            return False
        if fault.once:
            fault.claimed_by = self.conn.id
        self.proxy._fired.append(FaultEvent(fault.kind, self.direction, self.conn.id, offset))
        return True

    def _fire_due(self) -> None:
        """Fire the resets, stalls and truncations whose byte count has been reached."""
        while True:
            with self.proxy._lock:
                due = [
                    f
                    for f, start in self.armed.items()
                    if f.kind != "corrupt" and f not in self.fired and self._eligible(f)
                    and start + f.after <= self.offset
                ]
                if not due:
                    return
                fault = min(due, key=lambda f: self.armed[f] + f.after)
                self.fired.add(fault)
                if not self._fire(fault, self.offset):
                    continue
            if fault.kind == "reset":
                self.conn.abort()
                raise _Stopped
            if fault.kind == "truncate":
                self.conn.truncate()
                raise _Stopped
            while fault.active:  # a stall: hold everything until the fault is lifted
                self._wait(POLL_SECONDS)

    def _bytes_to_next_fault(self) -> int | None:
        with self.proxy._lock:
            # Never below 0: a fault set while bytes moved may already be passed; it fires now.
            ahead = [
                max(0, start + f.after - self.offset)
                for f, start in self.armed.items()
                if f.kind != "corrupt" and f not in self.fired and self._eligible(f)
            ]
        return min(ahead, default=None)

    def _forward(self, data: bytes) -> None:
        while data:
            self._fire_due()
            ahead = self._bytes_to_next_fault()
            segment = data if ahead is None else data[:ahead]
            self._send(self._corrupt(segment))
            data = data[len(segment):]
        self._fire_due()

    def _corrupt(self, segment: bytes) -> bytes:
        flips: list[tuple[int, int]] = []
        with self.proxy._lock:
            lo, hi = self.offset, self.offset + len(segment)
            for fault, start in self.armed.items():
                if fault.kind == "corrupt":
                    flips.extend((p - lo, fault.mask) for p in fault.positions(start, lo, hi)
                                 if self._fire(fault, p))  # fmt: skip
        if not flips:
            return segment
        spoilt = bytearray(segment)
        for index, mask in flips:
            spoilt[index] ^= mask
        return bytes(spoilt)

    def _send(self, segment: bytes) -> None:
        view = memoryview(segment)
        while view:
            limiter = self.proxy._limiter
            if limiter is None:
                self._send_now(view)
                return
            granted = limiter.take(self.direction, len(view))
            if not granted:
                self._wait(limiter.wait_time(self.direction, len(view)))
                continue
            self._send_now(view[:granted])
            view = view[granted:]

    def _send_now(self, view: memoryview) -> None:
        while view:
            self._check()
            if not self._writable.select(POLL_SECONDS):
                continue
            # Sending and counting under one lock: a client that has the bytes sees them counted.
            with self.proxy._lock:
                self._check()
                try:
                    sent = self.dst.send(view)
                except BlockingIOError:
                    continue
                self.offset += sent
                self.proxy._bytes[self.direction] += sent
            view = view[sent:]

    def _drain(self) -> None:
        while self.conn.state == _DRAINING and time.monotonic() < self.conn.drain_until:
            if self._readable.select(POLL_SECONDS):
                try:
                    if not self.src.recv(CHUNK):
                        return
                except BlockingIOError:
                    continue
                except OSError:
                    return


class FaultProxy:
    """A TCP proxy to ``target`` listening on ``host:port`` (0: any free port) until closed."""

    def __init__(self, target: tuple[str, int], *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.target = target
        self._lock = threading.Condition()  # guards all state below; notified on every change
        self._faults: list[Fault] = []
        self._limiter: RateLimiter | None = None
        self._latency = dict.fromkeys(STREAMS, 0.0)
        self._live: set[_Connection] = set()
        self._threads: list[threading.Thread] = []
        self._ids = itertools.count(1)
        self._closed = False
        self._bytes = dict.fromkeys(STREAMS, 0)
        self._accepted = 0
        self._fired: list[FaultEvent] = []
        self._listener = socket.create_server((host, port))
        self._listener.settimeout(POLL_SECONDS)
        self.address: tuple[str, int] = self._listener.getsockname()[:2]
        self._acceptor = threading.Thread(
            target=self._accept_loop, name=f"{THREAD_PREFIX}-{self.address[1]}-accept", daemon=True
        )
        self._acceptor.start()

    @property
    def url(self) -> str:
        return f"http://{self.address[0]}:{self.address[1]}"

    # -- faults ---------------------------------------------------------------------------------

    def reset_after(self, n_bytes: int, direction: Direction = "both", *,
                    once: bool = False) -> Fault:  # fmt: skip
        """After ``n_bytes`` more bytes, abort the connection with RST to both peers."""
        return self._add(self._threshold("reset", n_bytes, direction, once))

    def stall_after(self, n_bytes: int, direction: Direction = "both", *,
                    once: bool = False) -> Fault:  # fmt: skip
        """After ``n_bytes``, forward nothing more in that direction (and read nothing, so the
        sender's buffers fill) until the fault is lifted; then the held bytes go on."""
        return self._add(self._threshold("stall", n_bytes, direction, once))

    def truncate_after(self, n_bytes: int, direction: Direction = "both", *,
                       once: bool = False) -> Fault:  # fmt: skip
        """After ``n_bytes``, close both peers cleanly (FIN); bytes still in flight are dropped."""
        return self._add(self._threshold("truncate", n_bytes, direction, once))

    def corrupt_at(self, offset: int, direction: Direction = "both", *, mask: int = 0x01,
                   once: bool = False) -> Fault:  # fmt: skip
        """XOR ``mask`` (one bit by default) into the byte at ``offset`` (0-based, from now)."""
        return self._add(Fault("corrupt", _directions(direction), _count("offset", offset, 0),
                               mask=self._mask(mask), once=once))  # fmt: skip

    def corrupt_every(self, n: int, direction: Direction = "both", *, mask: int = 0x01,
                      once: bool = False) -> Fault:  # fmt: skip
        """XOR ``mask`` into every ``n``-th byte (offsets n-1, 2n-1, …); with ``once``, into
        those of the first connection it fires on only."""
        n = _count("n", n, 1)
        return self._add(Fault("corrupt", _directions(direction), n - 1, every=n,
                               mask=self._mask(mask), once=once))  # fmt: skip

    def rate_limit(self, bits_per_second: float | None, *,
                   burst_seconds: float = 0.01) -> RateLimiter | None:  # fmt: skip
        """Limit the link to ``bits_per_second`` in each direction (see :class:`RateLimiter`);
        ``None`` lifts the limit. Applies to open connections at once."""
        limiter = None if bits_per_second is None else RateLimiter(
            bits_per_second, burst_seconds=burst_seconds)  # fmt: skip
        with self._lock:
            self._limiter = limiter
            self._lock.notify_all()
        return limiter

    def latency(self, seconds: float, direction: Direction = "both") -> None:
        """Hold each read ``seconds`` before forwarding it (one way; a round trip pays twice).
        The stream is not read meanwhile, so bytes arriving during the hold wait up to twice as
        long: right for round-trip effects, not a precise delay line."""
        if not seconds >= 0:
            raise ValueError(f"latency must be ≥ 0 seconds, not {seconds!r}")
        with self._lock:
            for name in _directions(direction):
                self._latency[name] = float(seconds)
            self._lock.notify_all()

    def remove(self, fault: Fault) -> None:
        """Lift one fault (a stalled stream resumes)."""
        with self._lock:
            fault.active = False
            if fault in self._faults:
                self._faults.remove(fault)
            for conn in self._live:
                for stream in conn.streams.values():
                    stream.armed.pop(fault, None)
            self._lock.notify_all()

    def clear(self) -> None:
        """Lift every fault, the rate limit and the latency: traffic passes untouched again."""
        with self._lock:
            for fault in list(self._faults):
                self.remove(fault)
            self._limiter = None
            self._latency = dict.fromkeys(STREAMS, 0.0)
            self._lock.notify_all()

    @staticmethod
    def _threshold(kind: Literal["reset", "stall", "truncate"], n_bytes: int, direction: str,
                   once: bool) -> Fault:  # fmt: skip
        return Fault(kind, _directions(direction), _count("n_bytes", n_bytes, 0), once=once)

    @staticmethod
    def _mask(mask: int) -> int:
        if isinstance(mask, bool) or not isinstance(mask, int) or not 1 <= mask <= 0xFF:
            raise ValueError(f"mask must be an integer from 1 to 255, not {mask!r}")
        return mask

    def _add(self, fault: Fault) -> Fault:
        with self._lock:
            if self._closed:
                raise RuntimeError("the proxy is closed; open a new FaultProxy")
            self._faults.append(fault)
            for conn in self._live:
                for name in fault.directions:
                    stream = conn.streams[name]
                    stream.armed[fault] = stream.offset
            self._lock.notify_all()
        return fault

    # -- accounting -----------------------------------------------------------------------------

    @property
    def bytes_up(self) -> int:
        """Bytes forwarded client → server."""
        with self._lock:
            return self._bytes["upstream"]

    @property
    def bytes_down(self) -> int:
        """Bytes forwarded server → client."""
        with self._lock:
            return self._bytes["downstream"]

    @property
    def connections(self) -> int:
        """Connections accepted."""
        with self._lock:
            return self._accepted

    @property
    def active_connections(self) -> int:
        with self._lock:
            return len(self._live)

    @property
    def faults_fired(self) -> list[FaultEvent]:
        """Every firing in order (a corruption fires once per byte it flips)."""
        with self._lock:
            return list(self._fired)

    @property
    def rate_limiter(self) -> RateLimiter | None:
        return self._limiter

    def reset_counters(self) -> None:
        """Zero the byte and connection counts, the firings and the rate limiter's accounting."""
        with self._lock:
            self._bytes = dict.fromkeys(STREAMS, 0)
            self._accepted = 0
            self._fired = []
            if self._limiter is not None:
                self._limiter.reset_accounting()

    # -- connections ----------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                if self._closed:
                    return
                time.sleep(POLL_SECONDS)  # e.g. out of file descriptors: try again shortly
                continue
            self._open(client)

    def _open(self, client: socket.socket) -> None:
        with self._lock:
            self._accepted += 1
        try:
            server = socket.create_connection(self.target, timeout=CONNECT_TIMEOUT)
        except OSError:  # the server is down: the client sees the link refuse
            _linger_zero(client)
            client.close()
            return
        for sock in (client, server):
            sock.setblocking(False)
            # Slices of a rate-limited link must leave as they are, not wait for Nagle.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            conn = _Connection(self, next(self._ids), client, server)
            if self._closed:
                conn.abort()
                for sock in conn.sockets:
                    sock.close()
                return
            self._live.add(conn)
            for fault in self._faults:
                if fault.claimed_by is None:
                    for name in fault.directions:
                        conn.streams[name].armed[fault] = 0
            self._threads = [t for t in self._threads if t.is_alive()]
            for name, stream in conn.streams.items():
                thread = threading.Thread(
                    target=stream.run, name=f"{THREAD_PREFIX}-{self.address[1]}-{conn.id}-{name}",
                    daemon=True,
                )  # fmt: skip
                self._threads.append(thread)
                thread.start()

    def close(self) -> None:
        """Abort every connection (RST) and stop every thread; safe to call twice."""
        with self._lock:
            self._closed = True
            for conn in list(self._live):
                conn.abort()
            self._lock.notify_all()
        self._acceptor.join()
        self._listener.close()
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=5)
        stuck = [t.name for t in threads if t.is_alive()]
        if stuck:
            raise RuntimeError(f"fault proxy threads did not stop within 5 s: {stuck}")

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        self.close()
