"""The registry's verification page under load: requests a second and latency of ``GET /V/…``.

A registry is built as in life (``tests/registry/web_fixtures.py``: head office and a campus
synced with a real ``sanad registry serve``, started here with ``--verify-rate 0`` so the rate
limit does not count). A load generator in a second process (asyncio, ``--connections``
keep-alive connections, each with one request in flight) asks for the QR link of a valid
certificate for ``--duration`` seconds after ``--warmup`` seconds, and records every latency.
Its client writes HTTP/1.1 on asyncio streams; ``--client httpx`` uses one
``httpx.AsyncClient`` instead, which costs the load process more CPU than the server spends.
The server's CPU time a request is read from ``/proc`` (Linux).
The baseline, in the same run and the same way: ``GET /health``, the cheapest answer of the
same server (its JSON, no verification, no template). Each figure is the median of ``--runs``
runs; the two endpoints alternate so that both see the same machine.

Target (issue 7): ≥ 500 requests/s with p99 ≤ 50 ms for the verification page. Also printed:
the page weight — bytes of the result page and of ``/static/sanad.css``, as sent and gzipped —
and, with ``--profile``, where one request's time goes inside the server's code (cProfile of
the page handler in this process, on the same registry).

    .venv/bin/python bench/registry_verify.py [--duration 20] [--warmup 3] [--connections 16]
        [--runs 3] [--client raw|httpx] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import median, print_machine, print_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

TARGET_RPS, TARGET_P99_MS = 500, 50.0


def _load(url: str, path: str, expect: str, connections: int, warmup: float, duration: float,
          client: str) -> dict[str, Any]:  # fmt: skip
    """In the load process: ``connections`` keep-alive connections asking for ``path`` back to
    back; the latencies (seconds) of the answers that came inside the measured window."""
    make_client = _RawClient if client == "raw" else _HttpxClient

    async def run() -> dict[str, Any]:
        latencies: list[float] = []
        errors: dict[str, int] = {}
        cpu_started = time.process_time()
        start = time.perf_counter()
        measure_from, stop = start + warmup, start + warmup + duration
        async with make_client(url, connections) as get:

            async def worker() -> None:
                connection = await get.connect()
                while (now := time.perf_counter()) < stop:
                    try:
                        status, body = await get(connection, path)
                        problem = None if status == 200 and expect in body else f"HTTP {status}"
                    except (OSError, ValueError, httpx.HTTPError) as exc:
                        problem = type(exc).__name__
                        connection = await get.connect()
                    done = time.perf_counter()
                    if now >= measure_from and done <= stop:
                        if problem:
                            errors[problem] = errors.get(problem, 0) + 1
                        else:
                            latencies.append(done - now)

            await asyncio.gather(*(worker() for _ in range(connections)))
        cpu = time.process_time() - cpu_started
        return {"latencies": latencies, "errors": errors, "seconds": duration,
                "load_cpu": cpu / (time.perf_counter() - start)}  # fmt: skip

    return asyncio.run(run())


class _HttpxClient:
    """Requests through one ``httpx.AsyncClient`` (its pool keeps the connections alive)."""

    def __init__(self, url: str, connections: int) -> None:
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        self.client = httpx.AsyncClient(base_url=url, limits=limits, timeout=30)

    async def __aenter__(self) -> _HttpxClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    async def connect(self) -> None:
        return None

    async def __call__(self, _connection: None, path: str) -> tuple[int, bytes]:
        response = await self.client.get(path)
        return response.status_code, response.content


class _RawClient:
    """HTTP/1.1 keep-alive requests written on asyncio streams: a client that costs the load
    process a tenth of httpx's CPU, so that the server, not the client, is measured."""

    def __init__(self, url: str, _connections: int) -> None:
        host, port = url.removeprefix("http://").split(":")
        self.host, self.port = host, int(port)
        self.writers: list[asyncio.StreamWriter] = []

    async def __aenter__(self) -> _RawClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        for writer in self.writers:
            writer.close()

    async def connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        self.writers.append(writer)
        return reader, writer

    async def __call__(self, connection: tuple[asyncio.StreamReader, asyncio.StreamWriter],
                       path: str) -> tuple[int, bytes]:  # fmt: skip
        reader, writer = connection
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        return status, await reader.readexactly(length)


def _percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds a process has used (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _figures(result: dict[str, Any], server_cpu: float, wall: float) -> dict[str, float]:
    ordered = sorted(result["latencies"])
    return {
        "server_cpu": server_cpu / wall,  # the server's CPU use while the load ran (1 = a core)
        "server_ms": server_cpu / wall * result["seconds"] / max(len(ordered), 1) * 1000,
        "load_cpu": result["load_cpu"],
        "rps": len(ordered) / result["seconds"],
        "p50": _percentile(ordered, 0.50) * 1000,
        "p90": _percentile(ordered, 0.90) * 1000,
        "p99": _percentile(ordered, 0.99) * 1000,
        "max": (ordered[-1] if ordered else float("nan")) * 1000,
        "errors": sum(result["errors"].values()),
    }


def _weight(url: str, path: str) -> tuple[int, int, str]:
    """Bytes of the answer as plain text and gzipped (-6), and whether the server
    compresses it for a browser that asks."""
    plain = httpx.get(url + path, headers={"accept-encoding": "identity"}).content
    sent = httpx.get(url + path, headers={"accept-encoding": "gzip"})
    encoding = sent.headers.get("content-encoding", "none")
    return len(plain), len(gzip.compress(plain, 6)), encoding


def _asgi_gets(app: Any, path: str, count: int) -> None:
    """``count`` GETs one after another through the whole ASGI app, in one event loop of this
    process (no sockets, no HTTP parsing)."""
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 5000), "headers": [(b"host", b"127.0.0.1"),
                                                        (b"accept-encoding", b"gzip")]}  # fmt: skip

    async def calls() -> None:
        for _ in range(count):
            answer["body"] = b""
            await app(scope, receive, send)
            assert answer["status"] == 200, answer

    asyncio.run(calls())


def _pieces(site: Any, requests: int = 300) -> None:
    """Where a verification page's time goes inside the server's code, in this process on the
    same registry: the verdict alone, the page (verdict, template, headers, gzip), the whole
    app (routing, middleware, the thread hop), and a cProfile of the whole app."""
    import cProfile
    import logging
    import pstats

    from starlette.requests import Request

    from sync.registry.store import Registry
    from sync.registry.web import VerifyPages, registry_app

    logging.getLogger("sanad.sync").setLevel(logging.WARNING)  # as the server logs: to a file
    registry = Registry.open(site.db_url)
    path = site.certificates["valid"].qr_path
    pages = VerifyPages(registry, verify_rate=0)
    app = registry_app(registry, verify_rate=0)
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"",
             "headers": [], "server": ("127.0.0.1", 80), "scheme": "http"}  # fmt: skip
    verdict = pages._verdict_of_input(path)
    calls = requests // 5
    timings = {
        "verdict (verify_input of the QR text)": lambda: [pages._verdict_of_input(path)
                                                          for _ in range(calls)],
        "result page from a verdict (template)": lambda: [pages._page(Request(scope), verdict)
                                                          for _ in range(calls)],
        "whole app, /V/ (ASGI, one event loop)": lambda: _asgi_gets(app, path, calls),
        "whole app, /health (ASGI, one event loop)": lambda: _asgi_gets(app, "/health", calls),
    }  # fmt: skip
    rows = []
    for label, work in timings.items():
        work()  # the trust and the names are built on the first calls
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            work()
            samples.append((time.perf_counter() - started) / calls * 1000)
        rows.append([label, f"{median(samples):.2f}"])
    print(f"\nIn this process, on the same registry (median of 5 × {calls} calls):")
    print_table(["piece", "ms a call"], rows)
    profiler = cProfile.Profile()
    profiler.enable()
    _asgi_gets(app, path, requests)
    profiler.disable()
    print("\ncProfile of the whole app on /V/, by own time:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(18)
    registry.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds measured a run")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds before measuring")
    parser.add_argument("--connections", type=int, default=16, help="requests in flight")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--client", choices=["raw", "httpx"], default="raw",
                        help="the load generator's HTTP client (default: raw asyncio streams)")
    parser.add_argument("--profile", action="store_true",
                        help="also time the pieces of a page in process, and cProfile it")
    args = parser.parse_args()

    import tests.conftest  # noqa: F401  (settings of "this computer" go to a temporary folder)
    from tests.registry.web_fixtures import registry_site

    folder = Path(tempfile.mkdtemp(prefix="sanad-bench-verify-"))
    print_machine(folder)
    try:
        started = time.perf_counter()
        with registry_site(folder / "site", verify_rate=0) as site:
            print(f"Registry built and synced in {time.perf_counter() - started:.1f} s; "
                  f"{args.client} client, {args.connections} connections, "
                  f"{args.warmup:g} s warm-up, {args.duration:g} s measured, "
                  f"{args.runs} runs\n")  # fmt: skip
            valid = site.certificates["valid"]
            cases = {"verify": (valid.qr_path, b'data-outcome="valid"'),
                     "health": ("/health", b'"status":"ok"')}  # fmt: skip
            runs: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
            spawn = multiprocessing.get_context("spawn")
            with spawn.Pool(1) as load_process:
                for _run in range(args.runs):
                    for name, (path, expect) in cases.items():
                        pid = site.server.process.pid
                        cpu, wall = _cpu_seconds(pid), time.perf_counter()
                        load = (site.url, path, expect, args.connections, args.warmup,
                                args.duration, args.client)  # fmt: skip
                        result = load_process.apply(_load, load)
                        cpu, wall = _cpu_seconds(pid) - cpu, time.perf_counter() - wall
                        runs[name].append(_figures(result, cpu, wall))
            _report(runs)
            _weights(site.url, valid.qr_path)
            if args.profile:
                _pieces(site)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _report(runs: dict[str, list[dict[str, float]]]) -> None:
    summary = {name: {k: median([r[k] for r in results]) for k in results[0]}
               for name, results in runs.items()}  # fmt: skip
    verify, health = summary["verify"], summary["health"]
    labels = {"verify": "GET /V/<digits> (valid certificate)", "health": "baseline: GET /health"}
    rows = []
    for name, figures in summary.items():
        rows.append([labels[name], f"{figures['rps']:.0f}", f"{figures['p50']:.1f}",
                     f"{figures['p90']:.1f}", f"{figures['p99']:.1f}", f"{figures['max']:.0f}",
                     f"{figures['errors']:.0f}", f"{figures['rps'] / health['rps']:.2f}",
                     f"{figures['server_ms']:.2f}",
                     f"{figures['server_cpu']:.0%} / {figures['load_cpu']:.0%}"])  # fmt: skip
    print_table(["request", "requests/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors",
                 "× baseline requests/s", "server CPU ms/request",
                 "CPU: server / load generator"], rows)  # fmt: skip
    print("runs (requests/s): " + str({name: [round(r["rps"]) for r in results]
                                       for name, results in runs.items()}))  # fmt: skip
    met = verify["rps"] >= TARGET_RPS and verify["p99"] <= TARGET_P99_MS
    print(f"\nTarget ≥ {TARGET_RPS} requests/s with p99 ≤ {TARGET_P99_MS:g} ms: "
          f"{'met' if met else 'NOT met'} ({verify['rps']:.0f}/s, p99 {verify['p99']:.1f} ms)")


def _weights(url: str, page: str) -> None:
    rows = []
    for label, path in (("result page (valid, English)", page),
                        ("result page (valid, Urdu)", page + "?lang=ur"),
                        ("/static/sanad.css", "/static/sanad.css")):  # fmt: skip
        plain, packed, encoding = _weight(url, path)
        rows.append([label, f"{plain:,}", f"{packed:,}", encoding])
    print()
    print_table(["page weight", "bytes", "gzip -6 bytes", "served to a browser with"], rows)


if __name__ == "__main__":
    main()
