"""What every registry web page shares: templates, the language, security headers, rate limits.

- Templates are Jinja2 (``resources/web/templates``), escaped by default; every page gets
  ``lang``, ``_`` (the translator) and the link to the page in the other language.
- Every answer carries the security headers of :data:`SECURITY_HEADERS`: no scripts at all
  (the pages work without JavaScript, which also keeps them small on a 2G phone), no framing,
  no sniffing, no referrer beyond the origin. HSTS is sent when the request came over HTTPS
  (the reverse proxy says so with ``X-Forwarded-Proto``).
- :class:`RateLimit`: a token bucket per client address, for the verification pages and API.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from desktop.core.resources import resource_path
from sync.registry.web_texts import COOKIE, choose_language, translator

__all__ = ["SECURITY_HEADERS", "RateLimit", "SecurityHeaders", "client_address", "language_of",
           "render"]  # fmt: skip

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
}

_environment = Environment(
    loader=FileSystemLoader(str(resource_path("web", "templates"))),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def language_of(request: Request) -> str:
    return choose_language(request.query_params.get("lang"), request.cookies.get(COOKIE),
                           request.headers.get("accept-language"))  # fmt: skip


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, *,
    status_code: int = 200, headers: dict[str, str] | None = None,
) -> HTMLResponse:  # fmt: skip
    """``template`` filled in, in the request's language (a ``lang`` in the query is
    remembered in a cookie for the next pages)."""
    lang = language_of(request)
    other = "en" if lang == "ur" else "ur"
    query = {k: v for k, v in request.query_params.items() if k != "lang"}
    query["lang"] = other
    page = _environment.get_template(template).render(
        lang=lang,
        _=translator(lang),
        _ur=translator("ur"),
        other_lang=other,
        other_language_name="English" if other == "en" else "اردو",
        other_language_url=f"{request.url.path}?{urlencode(query)}",
        request=request,
        **(context or {}),
    )
    response = HTMLResponse(page, status_code=status_code, headers=headers)
    if request.query_params.get("lang") in ("en", "ur"):
        response.set_cookie(COOKIE, lang, max_age=365 * 86400, samesite="lax",
                            httponly=True)  # fmt: skip
    return response


def client_address(request: Request) -> str:
    """The client's address: the first hop of ``X-Forwarded-For`` when the request came
    through the reverse proxy on this machine, else the connection's peer."""
    peer = request.client.host if request.client else "?"
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded and peer in ("127.0.0.1", "::1"):
        return forwarded.split(",", 1)[0].strip()
    return peer


class RateLimit:
    """At most ``rate`` requests a second per client, with bursts of ``burst`` (a token bucket
    per address; the least recently seen addresses are forgotten past ``clients``).
    ``rate = 0`` turns it off."""

    def __init__(self, rate: float, burst: int, *, clients: int = 50_000) -> None:
        self.rate, self.burst, self.clients = rate, burst, clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, address: str) -> float:
        """0 if the request may go ahead, else the seconds to wait."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        with self._lock:
            tokens, stamp = self._buckets.pop(address, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - stamp) * self.rate)
            if tokens >= 1:
                self._buckets[address] = (tokens - 1, now)
                wait = 0.0
            else:
                self._buckets[address] = (tokens, now)
                wait = (1 - tokens) / self.rate
            while len(self._buckets) > self.clients:
                self._buckets.popitem(last=False)
        return wait


def _is_sync(scope: Scope) -> bool:
    return scope["type"] != "http" or scope["path"].startswith(("/sync/", "/files"))


class SecurityHeaders:
    """ASGI middleware for the web pages: :data:`SECURITY_HEADERS` (and HSTS over HTTPS) on
    every answer, and gzip for a browser that accepts it (a 2G phone) but on the dashboard.
    The sync protocol's answers go through untouched: its batches are compressed already."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.compressed = GZipMiddleware(app, minimum_size=600, compresslevel=6)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if _is_sync(scope):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        https = scope.get("scheme") == "https" or headers.get(b"x-forwarded-proto") == b"https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                if https:
                    extra.append((b"strict-transport-security", b"max-age=31536000"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        # not the dashboard: its pages hold a CSRF token beside text a request can choose,
        # which compression would leak a byte at a time (BREACH)
        answer = self.app if scope["path"].startswith("/dashboard") else self.compressed
        await answer(scope, receive, send_with_headers)


TOO_MANY = ("Too many checks came from this address in a short time. Wait {seconds} seconds "
            "and try again.")


def too_many(request: Request, wait: float) -> Response:
    seconds = max(1, round(wait + 0.5))
    return render(request, "problem.html", {
        "title": "Too many checks from this address",
        "message": TOO_MANY, "fields": {"seconds": seconds},
    }, status_code=429, headers={"retry-after": str(seconds)})  # fmt: skip
