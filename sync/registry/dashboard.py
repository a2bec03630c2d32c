"""Head office's dashboard: every campus's figures, the devices' sync health, QA samples.

Routes (:func:`dashboard_routes`, mounted beside the public pages)::

    GET  /dashboard/sign-in          the form (a pre-session CSRF token, double-submit cookie)
    POST /dashboard/sign-in          name and password → the session cookie
    POST /dashboard/sign-out         ends the session
    GET  /dashboard                  every campus's figures with totals, two bar charts, and
                                     the devices' sync health (silent > 7 days, clock > 5 min)
    GET  /dashboard/campus/<code>    one campus: its figures, chart, devices and samples
    GET  /dashboard/campuses.csv     the campus figures as CSV (cells safe for spreadsheets)
    GET  /dashboard/devices.csv      the devices' sync health as CSV
    GET  /dashboard/samples          QA samples: draw one for a campus; files received/waiting
    POST /dashboard/samples          draw a sample (the files are asked of the campus)

Without a live session every page redirects to the sign-in form (and back after). Every POST
carries the session's CSRF token (the sign-in form: the token of its cookie); any other is
refused with 403. Cookies are HttpOnly, SameSite=Strict, Path=/dashboard, and Secure when
the request came over HTTPS (``X-Forwarded-Proto: https`` from the reverse proxy). Answers are
``Cache-Control: no-store``. Figures come from :mod:`sync.registry.reports`; the pages are
English or Urdu like the public ones (``resources/web/ur-dashboard.json``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from sync.file_store import FileStore
from sync.registry import reports
from sync.registry.accounts import ABSOLUTE_TIMEOUT, Accounts, Session, SignInRefused
from sync.registry.charts import Chart, bars_by_name, months_chart
from sync.registry.exports import campuses_csv, devices_csv
from sync.registry.pages import client_address, language_of, render
from sync.registry.store import Registry
from sync.registry.web_texts import translator

__all__ = ["PREFIX", "SESSION_COOKIE", "SIGN_IN_COOKIE", "Dashboard", "dashboard_routes"]

PREFIX = "/dashboard"
SESSION_COOKIE = "sanad_session"
SIGN_IN_COOKIE = "sanad_sign_in"
SIGN_IN_FORM_SECONDS = 3600
NO_STORE = {"cache-control": "no-store"}
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")

# Texts the dashboard's Python hands to its templates (the templates translate them).
FORM_EXPIRED = ("This form is out of date or did not come from this dashboard. Go back, "
                "reload the page and try again.")  # fmt: skip
NOT_FOUND = "There is no campus {code} in the registry."
SIZE_WRONG = "Give the number of files as a whole number from 1 to {maximum}."
CHART_MONTHS = "Credentials issued in the last 12 months"
CHART_CAMPUSES = "Credentials issued, by campus"
ERROR_TITLES = {403: "Refused", 404: "Not found"}
ERROR_TITLE = "Something went wrong"
# every text above, for the test that finds each one's Urdu
SHOWN_TEXTS = (FORM_EXPIRED, NOT_FOUND, SIZE_WRONG, CHART_MONTHS, CHART_CAMPUSES,
               *ERROR_TITLES.values(), ERROR_TITLE)  # fmt: skip

Handler = Callable[["Dashboard", Request, Session], Awaitable[Response]]


def _https(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def _set_cookie(response: Response, request: Request, name: str, value: str,
                max_age: int) -> None:  # fmt: skip
    response.set_cookie(name, value, max_age=max_age, path=PREFIX, secure=_https(request),
                        httponly=True, samesite="strict")  # fmt: skip


def _forget_cookie(response: Response, request: Request, name: str) -> None:
    response.delete_cookie(name, path=PREFIX, secure=_https(request), httponly=True,
                           samesite="strict")  # fmt: skip


def _local_next(value: str | None) -> str:
    """Where to go after signing in: a dashboard page of this site, never elsewhere."""
    if not value or "\\" in value or any(ord(c) < 0x21 for c in value):
        return PREFIX
    if value == PREFIX or value.startswith((f"{PREFIX}/", f"{PREFIX}?")):
        return PREFIX if value.startswith(f"{PREFIX}/sign-") else value
    return PREFIX


def _to_sign_in(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.method != "GET":
        target = PREFIX
    return RedirectResponse(f"{PREFIX}/sign-in?next={quote(target, safe='/')}",
                            status_code=303, headers=NO_STORE)  # fmt: skip


def signed_in(handler: Handler) -> Callable[[Dashboard, Request], Awaitable[Response]]:
    """The page for a live session only; a POST also needs the session's CSRF token."""

    @functools.wraps(handler)
    async def page(self: Dashboard, request: Request) -> Response:
        session = await run_in_threadpool(self.accounts.session,
                                          request.cookies.get(SESSION_COOKIE))  # fmt: skip
        if session is None:
            return _to_sign_in(request)
        if request.method == "POST":
            form = await request.form()
            if not session.csrf_matches(_field(form, "csrf")):
                return self.problem(request, session, FORM_EXPIRED, status_code=403)
        response = await handler(self, request, session)
        response.headers.update(NO_STORE)
        return response

    return page


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


class Dashboard:
    """The dashboard's pages over one registry and its evidence file store."""

    def __init__(self, registry: Registry, files: FileStore | None, *,
                 accounts: Accounts | None = None) -> None:  # fmt: skip
        self.registry, self.files = registry, files
        self.accounts = accounts or Accounts(registry)

    def now(self) -> dt.datetime:
        return self.accounts.clock()

    def routes(self) -> list[BaseRoute]:
        return [
            Route(f"{PREFIX}/sign-in", self.sign_in_form, methods=["GET"]),
            Route(f"{PREFIX}/sign-in", self.sign_in, methods=["POST"]),
            Route(f"{PREFIX}/sign-out", self.sign_out, methods=["POST"]),
            Route(PREFIX, self.overview, methods=["GET"]),
            Route(f"{PREFIX}/campus/{{code:str}}", self.campus, methods=["GET"]),
            Route(f"{PREFIX}/campuses.csv", self.campuses_csv, methods=["GET"]),
            Route(f"{PREFIX}/devices.csv", self.devices_csv, methods=["GET"]),
            Route(f"{PREFIX}/samples", self.samples, methods=["GET"]),
            Route(f"{PREFIX}/samples", self.draw, methods=["POST"]),
        ]

    # -- pages ----------------------------------------------------------------------------

    def page(self, request: Request, template: str, session: Session | None,
             context: dict[str, Any], *, status_code: int = 200) -> Response:  # fmt: skip
        return render(request, template, {"session": session, "view": _View(self.now()),
                                          **context},
                      status_code=status_code, headers=dict(NO_STORE))  # fmt: skip

    def problem(self, request: Request, session: Session | None, message: str, *,
                status_code: int, fields: dict[str, Any] | None = None) -> Response:  # fmt: skip
        titles = ERROR_TITLES
        return self.page(request, "dashboard_problem.html", session, {
            "title": titles.get(status_code, ERROR_TITLE),
            "message": message, "fields": fields or {},
        }, status_code=status_code)  # fmt: skip

    async def sign_in_form(self, request: Request) -> Response:
        session = await run_in_threadpool(self.accounts.session,
                                          request.cookies.get(SESSION_COOKIE))  # fmt: skip
        target = _local_next(request.query_params.get("next"))
        if session is not None:
            return RedirectResponse(target, status_code=303, headers=NO_STORE)
        return self._sign_in_page(request, target)

    def _sign_in_page(self, request: Request, target: str, *, username: str = "",
                      problem: SignInRefused | None = None, status_code: int = 200
                      ) -> Response:  # fmt: skip
        token = request.cookies.get(SIGN_IN_COOKIE, "")
        if not _TOKEN.fullmatch(token):
            token = secrets.token_urlsafe(32)
        response = self.page(request, "dashboard_sign_in.html", None, {
            "csrf": token, "next": target, "username": username,
            "problem": problem.template if problem else None,
            "fields": problem.fields if problem else {},
        }, status_code=status_code)  # fmt: skip
        if problem is not None and problem.retry_after:
            response.headers["retry-after"] = str(max(1, round(problem.retry_after)))
        _set_cookie(response, request, SIGN_IN_COOKIE, token, SIGN_IN_FORM_SECONDS)
        return response

    async def sign_in(self, request: Request) -> Response:
        form = await request.form()
        cookie = request.cookies.get(SIGN_IN_COOKIE, "")
        submitted = _field(form, "csrf")
        if not (_TOKEN.fullmatch(cookie) and hmac.compare_digest(cookie.encode(),
                                                                 submitted.encode())):  # fmt: skip
            return self.problem(request, None, FORM_EXPIRED, status_code=403)
        target = _local_next(_field(form, "next"))
        username = _field(form, "username")[:64]
        try:
            session = await run_in_threadpool(self.accounts.sign_in, username,
                                              _field(form, "password"),
                                              client_address(request))  # fmt: skip
        except SignInRefused as refused:
            return self._sign_in_page(request, target, username=username, problem=refused,
                                      status_code=429 if refused.retry_after else 200)
        response = RedirectResponse(target, status_code=303, headers=NO_STORE)
        _set_cookie(response, request, SESSION_COOKIE, session.token,
                    int(ABSOLUTE_TIMEOUT.total_seconds()))  # fmt: skip
        _forget_cookie(response, request, SIGN_IN_COOKIE)
        return response

    @signed_in
    async def sign_out(self, request: Request, session: Session) -> Response:
        await run_in_threadpool(self.accounts.sign_out, request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse(f"{PREFIX}/sign-in", status_code=303)
        _forget_cookie(response, request, SESSION_COOKIE)
        return response

    @signed_in
    async def overview(self, request: Request, session: Session) -> Response:
        def read() -> dict[str, Any]:
            return {
                "figures": reports.campus_figures(self.registry, self.files),
                "devices": reports.device_health(self.registry),
                "monthly": reports.monthly_issued(self.registry, today=self.now().date()),
            }

        data = await run_in_threadpool(read)
        lang = language_of(request)
        _, rtl = translator(lang), lang == "ur"
        monthly: reports.MonthlyIssued = data["monthly"]
        ranked = sorted(monthly.counts.items(), key=lambda item: (-sum(item[1]), item[0]))
        charts = [
            months_chart(monthly.months, [(code, counts) for code, counts in ranked
                                          if sum(counts)], title=_(CHART_MONTHS),
                         translate=_, rtl=rtl),
            bars_by_name([(f.code, f.issued) for f in data["figures"] if f.joined],
                         title=_(CHART_CAMPUSES), translate=_, rtl=rtl),
        ]  # fmt: skip
        return self.page(request, "dashboard_overview.html", session, {
            "figures": data["figures"], "totals": reports.totals(data["figures"]),
            "devices": data["devices"], "charts": charts,
        })  # fmt: skip

    @signed_in
    async def campus(self, request: Request, session: Session) -> Response:
        code = request.path_params["code"].strip().upper()

        def read() -> dict[str, Any] | None:
            figures = reports.campus_figures(self.registry, self.files, campus_code=code)
            if not figures:
                return None
            return {
                "figures": figures[0],
                "devices": reports.device_health(self.registry, campus_code=code),
                "monthly": reports.monthly_issued(self.registry, today=self.now().date(),
                                                  campus_code=code),
                "samples": reports.samples(self.registry, self.files, campus_code=code),
                "names": self.accounts.display_names(),
            }  # fmt: skip

        data = await run_in_threadpool(read)
        if data is None:
            return self.problem(request, session, NOT_FOUND, status_code=404,
                                fields={"code": code[:16]})  # fmt: skip
        lang = language_of(request)
        _, rtl = translator(lang), lang == "ur"
        monthly: reports.MonthlyIssued = data["monthly"]
        chart: Chart = months_chart(monthly.months, [(code, monthly.counts[code])],
                                    title=_(CHART_MONTHS), translate=_, rtl=rtl)  # fmt: skip
        return self.page(request, "dashboard_campus.html", session, {**data, "chart": chart})

    @signed_in
    async def campuses_csv(self, request: Request, session: Session) -> Response:
        figures = await run_in_threadpool(reports.campus_figures, self.registry, self.files)
        return self._csv(campuses_csv(figures), "campuses")

    @signed_in
    async def devices_csv(self, request: Request, session: Session) -> Response:
        devices = await run_in_threadpool(reports.device_health, self.registry)
        return self._csv(devices_csv(devices, self.now()), "devices")

    def _csv(self, content: str, what: str) -> Response:
        name = f"sanad-{what}-{self.now().date().isoformat()}.csv"
        return Response(content.encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{name}"'})

    @signed_in
    async def samples(self, request: Request, session: Session) -> Response:
        return await self._samples_page(request, session, {
            "campus": request.query_params.get("campus", "").upper(),
            "size": "10", "note": "",
        }, drawn=request.query_params.get("drawn"))  # fmt: skip

    async def _samples_page(self, request: Request, session: Session, values: dict[str, str],
                            *, drawn: str | None = None, problem: str | None = None,
                            fields: dict[str, Any] | None = None,
                            status_code: int = 200) -> Response:  # fmt: skip
        def read() -> dict[str, Any]:
            return {
                "campuses": self._sampled_campuses(),
                "samples": reports.samples(self.registry, self.files),
                "names": self.accounts.display_names(),
            }

        data = await run_in_threadpool(read)
        just_drawn = next((s for s in data["samples"] if s.id == drawn), None)
        return self.page(request, "dashboard_samples.html", session, {
            **data, "values": values, "drawn": just_drawn, "problem": problem,
            "fields": fields or {}, "maximum": reports.MAX_SAMPLE,
        }, status_code=status_code)  # fmt: skip

    def _sampled_campuses(self) -> list[dict[str, Any]]:
        """The campuses whose hub has joined: they hold assessed evidence (head office's own
        desktop does not)."""
        hubs = {d["campus_code"] for d in self.registry.devices() if d["kind"] == "hub"}
        return [c for c in self.registry.campuses() if c["campus_id"] and c["code"] in hubs]

    @signed_in
    async def draw(self, request: Request, session: Session) -> Response:
        form = await request.form()
        values = {"campus": _field(form, "campus").strip().upper(),
                  "size": _field(form, "size").strip(), "note": _field(form, "note")}  # fmt: skip
        try:
            size = int(values["size"])
        except ValueError:
            return await self._samples_page(request, session, values, problem=SIZE_WRONG,
                                            fields={"maximum": reports.MAX_SAMPLE},
                                            status_code=400)  # fmt: skip
        try:
            sample = await run_in_threadpool(lambda: reports.draw_sample(
                self.registry, values["campus"], size, session.user.id, values["note"],
                files=self.files))  # fmt: skip
        except reports.ReportProblem as exc:
            return await self._samples_page(request, session, values, problem=exc.template,
                                            fields=exc.fields, status_code=400)  # fmt: skip
        query = urlencode({"drawn": sample.id})
        return RedirectResponse(f"{PREFIX}/samples?{query}", status_code=303)


class _View:
    """What the templates need to show times and counts."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.stamp = now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")

    @staticmethod
    def number(value: int | None) -> str:
        return "—" if value is None else f"{value:,}"

    @staticmethod
    def moment(text: str | None) -> str:
        """"2026-03-01T09:12:33.123Z" → "2026-03-01 09:12 UTC"."""
        return f"{text[:10]} {text[11:16]} UTC" if text else "—"

    def days_since(self, text: str | None) -> int | None:
        if not text:
            return None
        then = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return max(0, (self.now - then).days)

    @staticmethod
    def clock(offset: float | None) -> tuple[str, int] | None:
        """("behind" | "ahead" | "on time", minutes) of a device's clock against the
        registry's (the offset is the registry's time minus the device's)."""
        if offset is None:
            return None
        minutes = round(abs(offset) / 60)
        if minutes == 0:
            return "on time", 0
        return ("behind" if offset > 0 else "ahead"), minutes

    @staticmethod
    def short_hash(sha256: str) -> str:
        return sha256[:12]


def dashboard_routes(registry: Registry, files: FileStore | None, *,
                     accounts: Accounts | None = None) -> list[BaseRoute]:  # fmt: skip
    """The dashboard's routes, for the registry's app (``accounts`` to inject a clock in
    tests)."""
    return Dashboard(registry, files, accounts=accounts).routes()
