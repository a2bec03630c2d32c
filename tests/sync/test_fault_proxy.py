"""The fault proxy the sync tests and benchmarks rely on does what it says: it passes bytes
untouched, and each fault breaks the link exactly where and how it was told to, against a plain
echo server and a real uvicorn server, and without leaving threads or tracebacks behind."""

from __future__ import annotations

import hashlib
import queue
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from hypothesis import given
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.sync.fault_proxy import THREAD_PREFIX, FaultProxy, RateLimiter

# A traceback in a proxy thread is a bug of the proxy, even when the test's own checks pass.
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")


def pattern(n: int) -> bytes:
    """``n`` bytes whose every position is easy to tell from its neighbours (251 is prime)."""
    return (bytes(range(251)) * (n // 251 + 1))[:n]


# -- the servers behind the proxy ---------------------------------------------------------------


class EchoServer:
    """Echoes every connection back; records how each ended: ``"eof"`` or ``"reset"``."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.address = self._listener.getsockname()[:2]
        self.outcomes: queue.Queue[str] = queue.Queue()
        self.received: queue.Queue[int] = queue.Queue()
        self._closed = False
        self._thread = threading.Thread(target=self._accept, name="echo-accept", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._echo, args=(conn,), name="echo", daemon=True).start()

    def _echo(self, conn: socket.socket) -> None:
        received = 0
        with conn:
            try:
                while data := conn.recv(65536):
                    received += len(data)
                    conn.sendall(data)
                outcome = "eof"
            except (ConnectionResetError, BrokenPipeError):
                outcome = "reset"
        self.received.put(received)
        self.outcomes.put(outcome)

    def close(self) -> None:
        self._closed = True
        self._thread.join()
        self._listener.close()


async def download(request: Request) -> Response:
    return Response(pattern(int(request.path_params["n"])), media_type="application/octet-stream")


async def upload(request: Request) -> Response:
    try:
        body = await request.body()
    except ClientDisconnect:  # the proxy cut the upload: nobody is left to answer
        return Response(status_code=400)
    return JSONResponse({"length": len(body), "sha256": hashlib.sha256(body).hexdigest()})


APP = Starlette(routes=[Route("/bytes/{n:int}", download), Route("/upload", upload,
                                                                 methods=["POST"])])  # fmt: skip


@pytest.fixture(scope="module")
def http_server() -> Iterator[tuple[str, int]]:
    """A real uvicorn server on a free loopback port, in a thread."""
    sock = socket.create_server(("127.0.0.1", 0))
    config = uvicorn.Config(APP, log_level="error", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn")
    thread.start()
    for _ in range(500):
        if server.started:
            break
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    yield sock.getsockname()[:2]
    server.should_exit = True
    thread.join()


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    server = EchoServer()
    yield server
    server.close()


@pytest.fixture
def echo_proxy(echo: EchoServer) -> Iterator[FaultProxy]:
    with FaultProxy(echo.address) as proxy:
        yield proxy


@pytest.fixture
def http_proxy(http_server: tuple[str, int]) -> Iterator[FaultProxy]:
    with FaultProxy(http_server) as proxy:
        yield proxy


@pytest.fixture
def client(http_proxy: FaultProxy) -> Iterator[httpx.Client]:
    """An HTTP client through the proxy that gives up reading after half a second."""
    timeout = httpx.Timeout(5.0, read=0.5)
    with httpx.Client(base_url=http_proxy.url, timeout=timeout, trust_env=False) as http:
        yield http


def connect(proxy: FaultProxy) -> socket.socket:
    return socket.create_connection(proxy.address, timeout=5)


def recv_exactly(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        assert chunk, f"the stream ended after {len(data)} of {n} bytes"
        data += chunk
    return data


def recv_to_end(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def kinds(proxy: FaultProxy) -> list[str]:
    return [event.kind for event in proxy.faults_fired]


# -- pass-through -------------------------------------------------------------------------------


def test_echo_passes_through_byte_exact(echo_proxy):
    sent = pattern(300_000)
    with connect(echo_proxy) as sock:
        sock.sendall(sent)
        assert recv_exactly(sock, len(sent)) == sent
    assert (echo_proxy.bytes_up, echo_proxy.bytes_down) == (len(sent), len(sent))
    assert echo_proxy.connections == 1
    assert echo_proxy.faults_fired == []


def test_http_download_and_upload_pass_through_on_one_keep_alive_connection(http_proxy, client):
    assert client.get("/bytes/100000").content == pattern(100_000)
    body = pattern(200_000)
    answer = client.post("/upload", content=body).json()
    assert answer == {"length": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    assert client.get("/bytes/10").content == pattern(10)
    assert http_proxy.connections == 1
    assert http_proxy.bytes_up > 200_000 and http_proxy.bytes_down > 100_000


def test_latency_keeps_the_bytes_intact(echo_proxy):
    echo_proxy.latency(0.02)
    with connect(echo_proxy) as sock:
        sock.sendall(pattern(50_000))
        assert recv_exactly(sock, 50_000) == pattern(50_000)


def test_a_server_that_is_down_resets_the_client():
    vacated = socket.create_server(("127.0.0.1", 0))
    address = vacated.getsockname()[:2]
    vacated.close()
    # The RST may beat the end of the client's connect() or come at its first read.
    with FaultProxy(address) as proxy, pytest.raises(ConnectionResetError), connect(proxy) as sock:
        recv_to_end(sock)
    assert proxy.connections == 1 and proxy.bytes_up == 0


# -- reset --------------------------------------------------------------------------------------


def test_reset_aborts_both_peers_after_the_set_bytes(echo, echo_proxy):
    echo_proxy.reset_after(1000, "upstream")
    with connect(echo_proxy) as sock:
        sock.sendall(pattern(5000))
        with pytest.raises(ConnectionResetError):
            recv_to_end(sock)
    assert echo.outcomes.get(timeout=5) == "reset"
    assert echo.received.get(timeout=5) <= 1000
    assert echo_proxy.bytes_up == 1000
    assert echo_proxy.faults_fired[0][:2] == ("reset", "upstream")


def test_reset_mid_response_is_a_read_error_for_httpx(http_proxy, client):
    http_proxy.reset_after(500, "downstream")
    with pytest.raises(httpx.ReadError):
        client.get("/bytes/100000")
    assert http_proxy.bytes_down == 500
    assert kinds(http_proxy) == ["reset"]


def test_a_fault_applies_to_an_open_keep_alive_connection(http_proxy, client):
    assert client.get("/bytes/1000").content == pattern(1000)
    http_proxy.reset_after(100, "downstream")
    with pytest.raises(httpx.ReadError):
        client.get("/bytes/1000")
    assert http_proxy.connections == 1


# -- stall --------------------------------------------------------------------------------------


def test_stall_makes_httpx_time_out_while_no_byte_moves(http_proxy, client):
    http_proxy.stall_after(0, "downstream")
    with pytest.raises(httpx.ReadTimeout):
        client.get("/bytes/1000")
    assert http_proxy.bytes_down == 0
    assert http_proxy.bytes_up > 0  # the request itself went through
    assert kinds(http_proxy) == ["stall"]
    http_proxy.clear()
    assert client.get("/bytes/1000").content == pattern(1000)


def test_stall_holds_the_bytes_until_cleared_then_forwards_them(echo_proxy):
    echo_proxy.stall_after(100, "downstream")
    sent = pattern(1000)
    with connect(echo_proxy) as sock:
        sock.sendall(sent)
        received = recv_exactly(sock, 100)
        sock.settimeout(0.3)
        with pytest.raises(TimeoutError):
            sock.recv(1)
        assert echo_proxy.bytes_down == 100
        echo_proxy.clear()
        sock.settimeout(5)
        received += recv_exactly(sock, 900)
    assert received == sent
    assert (echo_proxy.bytes_up, echo_proxy.bytes_down) == (1000, 1000)


# -- truncate -----------------------------------------------------------------------------------


def test_truncate_closes_both_peers_cleanly(echo, echo_proxy):
    echo_proxy.truncate_after(100, "downstream")
    with connect(echo_proxy) as sock:
        sock.sendall(pattern(1000))
        assert recv_to_end(sock) == pattern(100)  # then EOF, not a reset
    assert echo.outcomes.get(timeout=5) == "eof"
    assert kinds(echo_proxy) == ["truncate"]


def test_truncated_response_is_incomplete_for_httpx(http_proxy, client):
    http_proxy.truncate_after(300, "downstream")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/bytes/10000")
    assert http_proxy.bytes_down == 300


def test_truncated_upload_gets_no_answer(http_proxy, client):
    http_proxy.truncate_after(1000, "upstream")
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("/upload", content=pattern(100_000))
    assert http_proxy.bytes_up == 1000


# -- corrupt ------------------------------------------------------------------------------------


def differences(a: bytes, b: bytes) -> list[int]:
    assert len(a) == len(b)
    return [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]


def test_corrupt_at_flips_exactly_the_chosen_byte(echo_proxy):
    echo_proxy.corrupt_at(123, "downstream", mask=0x80)
    sent = pattern(1000)
    with connect(echo_proxy) as sock:
        sock.sendall(sent)
        received = recv_exactly(sock, len(sent))
    assert differences(sent, received) == [123]
    assert received[123] == sent[123] ^ 0x80
    assert [(e.kind, e.direction, e.offset) for e in echo_proxy.faults_fired] == [
        ("corrupt", "downstream", 123)
    ]


def test_corrupt_at_counts_from_when_it_is_set(echo_proxy):
    with connect(echo_proxy) as sock:
        sock.sendall(pattern(50))
        assert recv_exactly(sock, 50) == pattern(50)
        echo_proxy.corrupt_at(10, "upstream")
        sock.sendall(pattern(50))
        assert differences(pattern(50), recv_exactly(sock, 50)) == [10]


def test_corrupt_every_flips_every_nth_byte(echo_proxy):
    echo_proxy.corrupt_every(100, "upstream")
    sent = pattern(1000)
    with connect(echo_proxy) as sock:
        sock.sendall(sent)
        received = recv_exactly(sock, len(sent))
    assert differences(sent, received) == list(range(99, 1000, 100))


def test_corrupted_upload_reaches_the_server_with_another_digest(http_proxy, client):
    body = pattern(10_000)
    http_proxy.corrupt_every(5000, "upstream")  # the headers are shorter: a body byte flips
    answer = client.post("/upload", content=body).json()
    assert answer["length"] == len(body)
    assert answer["sha256"] != hashlib.sha256(body).hexdigest()


# -- rate limit ---------------------------------------------------------------------------------


def test_rate_limit_grants_a_token_for_every_byte_and_no_more_than_the_link(http_proxy, client):
    limiter = http_proxy.rate_limit(256_000)
    assert limiter is http_proxy.rate_limiter
    assert limiter.capacity == 320  # 10 ms of a 256 kbit/s link: the slices stay small
    assert client.get("/bytes/16000").content == pattern(16_000)
    granted = limiter.tokens_granted
    assert granted == {"upstream": http_proxy.bytes_up, "downstream": http_proxy.bytes_down}
    assert granted["downstream"] > 16_000
    assert granted["downstream"] <= limiter.allowance()
    assert limiter.largest_grant <= limiter.capacity


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_has_one_budget_per_direction():
    clock = FakeClock()
    limiter = RateLimiter(256_000, clock=clock)
    assert limiter.take("downstream", 10_000) == 320  # a full bucket, no more
    assert limiter.take("downstream", 10_000) == 0
    assert limiter.wait_time("downstream", 10_000) == pytest.approx(0.01)
    assert limiter.take("upstream", 10_000) == 320  # full duplex: the upload has its own
    clock.now += 0.005
    assert limiter.take("downstream", 10_000) == 160
    clock.now += 100
    assert limiter.take("downstream", 10_000) == 320  # idle time does not save up a burst
    assert limiter.tokens_granted == {"upstream": 320, "downstream": 800}


@given(
    st.lists(
        st.tuples(
            st.floats(0, 0.05), st.sampled_from(["upstream", "downstream"]), st.integers(1, 5000)
        ),
        max_size=60,
    )
)
def test_rate_limiter_never_grants_more_than_its_allowance(steps):
    clock = FakeClock()
    limiter = RateLimiter(64_000, clock=clock)
    total = {"upstream": 0, "downstream": 0}
    for advance, direction, wanted in steps:
        clock.now += advance
        granted = limiter.take(direction, wanted)
        assert 0 <= granted <= min(wanted, limiter.capacity)
        total[direction] += granted
        assert total[direction] <= limiter.allowance()
    assert limiter.tokens_granted == total


# -- once, clear, validation --------------------------------------------------------------------


def test_once_drops_one_connection_then_the_link_comes_back(http_proxy, client):
    http_proxy.reset_after(500, "downstream", once=True)
    with pytest.raises(httpx.ReadError):
        client.get("/bytes/10000")
    assert client.get("/bytes/10000").content == pattern(10_000)
    assert client.get("/bytes/10000").content == pattern(10_000)
    assert kinds(http_proxy) == ["reset"]
    assert http_proxy.connections == 2


def test_once_spares_the_other_open_connections(echo_proxy):
    with connect(echo_proxy) as first, connect(echo_proxy) as second:
        payload = pattern(100)
        for sock in (first, second):  # both open before the fault is set
            sock.sendall(b"x")
            recv_exactly(sock, 1)
        echo_proxy.reset_after(10, "upstream", once=True)
        first.sendall(payload)
        with pytest.raises(ConnectionResetError):
            recv_to_end(first)
        second.sendall(payload)
        assert recv_exactly(second, 100) == payload
    assert [e.connection for e in echo_proxy.faults_fired] == [1]


def test_clear_restores_pass_through(http_proxy, client):
    http_proxy.stall_after(0)
    http_proxy.corrupt_every(7)
    http_proxy.rate_limit(64_000)
    http_proxy.latency(0.2)
    http_proxy.clear()
    assert http_proxy.rate_limiter is None
    assert client.get("/bytes/50000").content == pattern(50_000)
    assert http_proxy.faults_fired == []


def test_remove_lifts_one_fault_and_reset_counters_zeroes_the_accounting(echo_proxy):
    stall = echo_proxy.stall_after(0, "downstream")
    echo_proxy.corrupt_at(0, "downstream")
    echo_proxy.remove(stall)
    with connect(echo_proxy) as sock:
        sock.sendall(b"ab")
        assert recv_exactly(sock, 2) == b"`b"  # "a" with its lowest bit flipped
    echo_proxy.reset_counters()
    assert (echo_proxy.bytes_up, echo_proxy.bytes_down, echo_proxy.connections) == (0, 0, 0)
    assert echo_proxy.faults_fired == []


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda p: p.reset_after(10, "sideways"), "'upstream', 'downstream', 'both'"),
        (lambda p: p.stall_after(-1), "n_bytes must be an integer ≥ 0"),
        (lambda p: p.corrupt_every(0), "n must be an integer ≥ 1"),
        (lambda p: p.corrupt_at(5, mask=256), "mask must be an integer from 1 to 255"),
        (lambda p: p.rate_limit(0), "use rate_limit(None)"),
        (lambda p: p.latency(-1), "latency must be ≥ 0"),
    ],
)
def test_a_wrong_argument_says_what_was_wrong(echo_proxy, call, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call(echo_proxy)


# -- shutting down ------------------------------------------------------------------------------


def proxy_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(THREAD_PREFIX)]


def test_close_stops_every_connection_and_thread(echo, http_server):
    with FaultProxy(http_server) as http_proxy, FaultProxy(echo.address) as echo_proxy:
        idle = httpx.Client(base_url=http_proxy.url, trust_env=False)
        assert idle.get("/bytes/10").content == pattern(10)  # a keep-alive connection stays
        stalled = connect(echo_proxy)
        stalled.sendall(b"x")
        recv_exactly(stalled, 1)  # the proxy has taken the connection
        echo_proxy.stall_after(0, "downstream")
        stalled.sendall(b"held")
        assert http_proxy.active_connections == 1 and echo_proxy.active_connections == 1
        assert len(proxy_threads()) == 6  # two acceptors, two streams per connection
    assert proxy_threads() == []
    assert http_proxy.active_connections == 0 and echo_proxy.active_connections == 0
    with stalled, pytest.raises(ConnectionResetError):
        recv_to_end(stalled)
    idle.close()
    echo_proxy.close()  # a second close is harmless


def test_faults_print_nothing_to_stderr(echo_proxy, http_proxy, client, capfd):
    for fault in (http_proxy.reset_after, http_proxy.truncate_after):
        fault(200, "downstream", once=True)
        with pytest.raises(httpx.TransportError):
            client.get("/bytes/10000")
    http_proxy.stall_after(0, "downstream", once=True)
    with pytest.raises(httpx.ReadTimeout):
        client.get("/bytes/10000")
    http_proxy.clear()
    assert client.get("/bytes/10000").content == pattern(10_000)
    with connect(echo_proxy) as sock:
        echo_proxy.reset_after(0)
        sock.sendall(b"x")
        with pytest.raises(ConnectionResetError):
            recv_to_end(sock)
    http_proxy.close()
    echo_proxy.close()
    assert capfd.readouterr().err == ""
