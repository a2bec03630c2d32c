"""The registry's public web: verifying a certificate, and the documents other verifiers need.

Served by ``sanad registry serve`` beside the sync protocol (one Starlette app,
:func:`registry_app`)::

    GET  /verify                 the form: upload a PDF/JSON/photo, paste QR text, or type a
                                 serial with the learner's name
    POST /verify                 the same, answered with the verdict page
    GET  /V/<digits>             what a phone opens when it scans a certificate's QR code
    GET  /verify/<serial>        the link printed beside the QR (asks for the learner's name)
    GET  /issuers/<campus code>  the campus's Open Badges issuer profile, with its keys
    GET  /status/<campus code>   the campus's signed Bitstring Status List credential
    GET  /trust-list             head office's signed trust list
    GET  /api/v1/verify          ?qr=… or ?serial=…&name=… → the verdict as JSON
    POST /api/v1/verify          a credential, PDF or QR text in the body → the verdict
    GET  /api/openapi.json       the JSON API (OpenAPI 3.1), read by people at /api/docs
    /dashboard/…                 head office's dashboard (sync.registry.dashboard)

Every verdict comes from ``desktop.core.verification``, the module the desktop's Verify screen
and ``sanad verify`` use, against what the registry trusts (:mod:`sync.registry.verifier`).
A page shows only what the certificate itself shows: the learner's name, the credential, the
campus and the dates. A serial alone reveals nothing (serials are sequential, so anyone could
walk them): it must come with the learner's name as printed, and a wrong name gets the same
answer as an unknown serial.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
import unicodedata
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from desktop.core.resources import resource_path
from desktop.core.verification import Outcome, Verdict, verify_credential, verify_input
from sync.file_store import FileStore
from sync.registry.pages import (
    RateLimit,
    SecurityHeaders,
    client_address,
    render,
    too_many,
)
from sync.registry.store import Registry
from sync.registry.verifier import RegistryTrust
from sync.server import make_app, server_clock

__all__ = ["MAX_UPLOAD", "VerifyPages", "registry_app"]

MAX_UPLOAD = 8 * 1024 * 1024  # a certificate PDF is ~100 KB; a phone photo a few MB

# How each outcome reads: its class on the page (good, bad, unsure) and its headline.
_LOOK = {
    Outcome.VALID: ("good", "✓", "Valid certificate"),
    Outcome.SIGNATURE_INVALID: ("bad", "✗", "Not genuine: changed after it was signed"),
    Outcome.UNKNOWN_ISSUER: ("bad", "✗", "Unknown issuer"),
    Outcome.KEY_NOT_VALID: ("bad", "✗", "The issuer's key was not valid"),
    Outcome.REVOKED: ("bad", "✗", "Revoked"),
    Outcome.SUSPENDED: ("unsure", "!", "Suspended"),
    Outcome.NOT_YET_VALID: ("unsure", "!", "Not valid yet"),
    Outcome.EXPIRED: ("bad", "✗", "Expired"),
    Outcome.STATUS_UNKNOWN: ("unsure", "?", "Genuine, but its status is unknown"),
    Outcome.UNREADABLE: ("bad", "✗", "Not a certificate that can be read"),
}
_MEANING = {
    Outcome.VALID: "It was issued by a campus that head office certified, it has not been "
                   "changed since, and the campus has not revoked it.",
    Outcome.SIGNATURE_INVALID: "Its content was changed after the campus signed it. Do not "
                               "rely on it.",
    Outcome.UNKNOWN_ISSUER: "It was not signed by a campus key that head office certified.",
    Outcome.KEY_NOT_VALID: "The campus key that signed it was not certified at that time, or "
                           "head office has revoked it.",
    Outcome.REVOKED: "The campus that issued it has withdrawn it. It is no longer valid.",
    Outcome.SUSPENDED: "The campus has suspended it for now. Ask the campus before relying "
                       "on it.",
    Outcome.NOT_YET_VALID: "It is genuine, but its validity starts later.",
    Outcome.EXPIRED: "It is genuine, but its validity has ended.",
    Outcome.STATUS_UNKNOWN: "It is genuine, but the registry has no status list from its "
                            "campus, so it cannot tell whether it was revoked.",
    Outcome.UNREADABLE: "This is not a Sanad certificate, or the file or code is damaged.",
}
# The checks, in the order verification makes them; the outcome says which one stopped it.
_CHECKS = [
    "It is a certificate that can be read",
    "Its signature matches its content",
    "Its campus's key is certified by head office",
    "That key was valid when it signed, and is not revoked",
    "It is not revoked or suspended",
    "It is within its dates",
]
_STOPPED_AT = {
    Outcome.UNREADABLE: 0, Outcome.SIGNATURE_INVALID: 1, Outcome.UNKNOWN_ISSUER: 2,
    Outcome.KEY_NOT_VALID: 3, Outcome.REVOKED: 4, Outcome.SUSPENDED: 4,
    Outcome.NOT_YET_VALID: 5, Outcome.EXPIRED: 5,
}  # fmt: skip
# What the form says when it cannot verify what it was given (each also in Urdu).
_PROBLEMS = {
    "too_large": "The file is {size} MB; a certificate is at most {limit} MB. Upload the "
                 "certificate's PDF or JSON file itself.",
    "unreadable_form": "The form could not be read. Choose the file again, at most {limit} MB.",
    "nothing": "Choose a certificate file, paste the text of its QR code, or type its serial "
               "number and the learner's name.",
    "bad_serial": "The serial number {serial} is not one Sanad prints: it looks like "
                  "QAU-2026-000123.",
    "no_name": "Type the learner's name as it is printed on the certificate, with the serial "
               "number.",
    "not_found": "No certificate {serial} was issued to that name. Check the serial number and "
                 "the name as printed; a forged certificate has no record here.",
}
# Outcomes whose facts nobody vouches for (changed, or signed by a key head office did not
# certify then): the page does not repeat them, lest a forged name read as confirmed.
_UNPROVEN = {Outcome.UNREADABLE, Outcome.SIGNATURE_INVALID, Outcome.UNKNOWN_ISSUER,
             Outcome.KEY_NOT_VALID}  # fmt: skip
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip


def _checks(outcome: Outcome) -> list[tuple[str, str]]:
    """Each check with ``pass``, ``fail``, ``unknown`` or ``skipped``."""
    if outcome is Outcome.VALID:
        return [(text, "pass") for text in _CHECKS]
    if outcome is Outcome.STATUS_UNKNOWN:
        return [(text, "unknown" if i == 4 else "pass") for i, text in enumerate(_CHECKS)]
    stop = _STOPPED_AT[outcome]
    return [(text, "pass" if i < stop else "fail" if i == stop else "skipped")
            for i, text in enumerate(_CHECKS)]  # fmt: skip


def normalised_name(name: str) -> str:
    """A name as compared with the one on a certificate: case, accents' forms, spacing and
    punctuation do not count."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(c if c.isalnum() or c.isspace() else " " for c in text)
    return " ".join(text.split())


class _Names:
    """Credential titles and campus names in English and Urdu, from the national catalogue
    and campus records the registry holds (re-read at most every minute): a QR code carries
    only codes."""

    def __init__(self, registry: Registry, ttl: float = 60.0) -> None:
        self.registry, self.ttl = registry, ttl
        self._lock = threading.Lock()
        self._read_at = -ttl
        self.achievements: dict[str, tuple[str, str | None]] = {}
        self.campuses: dict[str, tuple[str, str | None]] = {}

    def refresh(self) -> None:
        if time.monotonic() - self._read_at < self.ttl:
            return
        with self._lock:
            if time.monotonic() - self._read_at < self.ttl:
                return
            achievements: dict[str, tuple[str, str | None]] = {}
            for table in ("micro_credentials", "pathways"):
                for row in self.registry.rows(table).values():
                    if row.get("code") and row.get("title_en"):
                        achievements[row["code"]] = (row["title_en"], row.get("title_ur"))
            campuses = {row["code"]: (row["name_en"], row.get("name_ur"))
                        for row in self.registry.rows("campuses").values()
                        if row.get("code") and row.get("name_en")}  # fmt: skip
            for campus in self.registry.campuses():
                campuses.setdefault(campus["code"], (campus["name"], None))
            self.achievements, self.campuses = achievements, campuses
            self._read_at = time.monotonic()


class VerifyPages:
    """The public pages and the JSON API over one registry."""

    def __init__(self, registry: Registry, *, verify_rate: float = 1.0,
                 verify_burst: int = 60, clock: Any = server_clock) -> None:  # fmt: skip
        self.registry = registry
        self.trust = RegistryTrust(registry)
        self.names = _Names(registry)
        self.limit = RateLimit(verify_rate, verify_burst)
        self.clock = clock

    # -- verdicts ---------------------------------------------------------------------------

    def _verdict_of_input(self, source: bytes | str) -> Verdict:
        return verify_input(source, self.trust.get(), now=self.clock())

    def _verdict_of_serial(self, serial: str, name: str) -> Verdict | None:
        """The verdict on the credential of that serial if it was issued to that name."""
        row = self.registry.credential_by_serial(serial.strip().upper())
        if row is None:
            return None
        try:
            document = json.loads(row["document"])
        except (KeyError, TypeError, ValueError):
            return None
        verdict = verify_credential(document, self.trust.get(), now=self.clock())
        learner = verdict.facts.get("learner")
        if not isinstance(learner, str) or normalised_name(learner) != normalised_name(name):
            return None
        return verdict

    def _shown(self, verdict: Verdict, lang: str) -> dict[str, Any]:
        """What a page or the API shows of a verdict: the certificate's own facts, the
        credential's title and the campus's name (from the registry's catalogue), and no
        more."""
        self.names.refresh()
        facts = verdict.facts
        code = facts.get("achievement_code")
        title_en, title_ur = self.names.achievements.get(code or "", (None, None))
        campus_en, campus_ur = self.names.campuses.get(facts.get("campus_code") or "",
                                                       (None, None))  # fmt: skip
        title = facts.get("achievement") or title_en
        campus = facts.get("issuer") or campus_en
        if lang == "ur":
            title, campus = title_ur or title, campus_ur or campus
        return {
            "serial": facts.get("serial"),
            "learner": facts.get("learner"),
            "learner_shortened": bool(facts.get("truncated")),
            "credential": title,
            "credential_code": code,
            "campus": campus,
            "campus_code": facts.get("campus_code"),
            "valid_from": facts.get("valid_from"),
            "valid_until": facts.get("valid_until"),
        }

    def _page(self, request: Request, verdict: Verdict, *, status: int = 200) -> Response:
        from sync.registry.pages import language_of

        lang = language_of(request)
        look, mark, headline = _LOOK[verdict.outcome]
        return render(request, "verdict.html", {
            "verdict": verdict, "outcome": verdict.outcome.value, "look": look, "mark": mark,
            "headline": headline, "meaning": _MEANING[verdict.outcome],
            "shown": self._shown(verdict, lang), "checks": _checks(verdict.outcome),
            "proven": verdict.outcome not in _UNPROVEN,
            "day": lambda moment: _day(moment, lang),
        }, status_code=status, headers={"cache-control": "no-store"})  # fmt: skip

    def _limited(self, request: Request) -> float:
        return self.limit.allow(client_address(request))

    # -- pages ------------------------------------------------------------------------------

    async def form(self, request: Request) -> Response:
        return render(request, "verify.html", {"values": {}, "problem": None})

    async def submit(self, request: Request) -> Response:
        wait = self._limited(request)
        if wait:
            return too_many(request, wait)
        length = int(request.headers.get("content-length") or 0)
        if length > MAX_UPLOAD + 64 * 1024:
            return self._form_problem(request, {}, "too_large", size=round(length / 1e6, 1),
                                      limit=MAX_UPLOAD // 1_000_000)
        try:
            async with request.form(max_files=1, max_fields=8,
                                    max_part_size=MAX_UPLOAD) as form:  # fmt: skip
                values = {k: str(form.get(k) or "") for k in ("qr", "serial", "name")}
                upload = form.get("file")
                data = await upload.read() if upload is not None and not isinstance(
                    upload, str) else b""  # fmt: skip
        except HTTPException:
            return self._form_problem(request, {}, "unreadable_form",
                                      limit=MAX_UPLOAD // 1_000_000)
        if data:
            return self._page(request, await run_in_threadpool(self._verdict_of_input, data))
        if values["qr"].strip():
            return self._page(request, await run_in_threadpool(
                self._verdict_of_input, values["qr"].strip()))  # fmt: skip
        if values["serial"].strip() or values["name"].strip():
            return await self._serial_answer(request, values)
        return self._form_problem(request, values, "nothing")

    async def _serial_answer(self, request: Request, values: dict[str, str]) -> Response:
        serial, name = values.get("serial", "").strip(), values.get("name", "").strip()
        if not re.fullmatch(r"[A-Za-z0-9-]{3,40}", serial):
            return self._form_problem(request, values, "bad_serial", serial=serial or "—")
        if not name:
            return self._form_problem(request, values, "no_name")
        verdict = await run_in_threadpool(self._verdict_of_serial, serial, name)
        if verdict is None:
            return self._form_problem(request, values, "not_found", status=404,
                                      serial=serial.upper())
        return self._page(request, verdict)

    def _form_problem(self, request: Request, values: dict[str, str], problem: str, *,
                      status: int = 400, **fields: Any) -> Response:  # fmt: skip
        return render(request, "verify.html", {
            "values": values, "problem": _PROBLEMS[problem], "fields": fields,
        }, status_code=status)  # fmt: skip

    async def qr_link(self, request: Request) -> Response:
        wait = self._limited(request)
        if wait:
            return too_many(request, wait)
        digits = request.path_params["digits"]
        # verified here, not in the thread pool: a QR code costs ≈ 0.3 ms of CPU (its campus
        # certificate's check is remembered), less than the hop to a thread
        verdict = self._verdict_of_input("/V/" + digits)
        return self._page(request, verdict)

    async def serial_link(self, request: Request) -> Response:
        values = {"serial": request.path_params["serial"],
                  "name": request.query_params.get("name", "")}  # fmt: skip
        if not values["name"]:
            return render(request, "verify.html", {"values": values, "problem": None,
                                                   "focus_name": True})  # fmt: skip
        wait = self._limited(request)
        if wait:
            return too_many(request, wait)
        return await self._serial_answer(request, values)

    # -- documents --------------------------------------------------------------------------

    async def issuer(self, request: Request) -> Response:
        code = request.path_params["code"].upper()
        profile = await run_in_threadpool(self._issuer_profile, request, code)
        if profile is None:
            raise HTTPException(404, f"No campus {code} is registered here.")
        return _ld_json(profile)

    def _issuer_profile(self, request: Request, code: str) -> dict[str, Any] | None:
        self.names.refresh()
        if code not in self.names.campuses:
            return None
        name_en, name_ur = self.names.campuses[code]
        base = str(request.base_url).rstrip("/")
        profile_id = f"{base}/issuers/{code}"
        trust = self.trust.get()
        keys = []
        for key, certificate in sorted(trust.certificates.items()):
            if certificate.get("campus", {}).get("code") != code:
                continue
            entry = {
                "id": f"did:key:{key}#{key}",
                "type": "Multikey",
                "controller": f"did:key:{key}",
                "publicKeyMultibase": key,
                "validFrom": certificate.get("validFrom"),
                "validUntil": certificate.get("validUntil"),
            }
            if key in trust.revoked_keys:
                entry["revoked"] = trust.revoked_keys[key].get("revoked")
            keys.append(entry)
        profile: dict[str, Any] = {
            "@context": ["https://www.w3.org/ns/credentials/v2",
                         "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": profile_id,
            "type": ["Profile"],
            "name": name_en,
            "url": profile_id,
            "verificationMethod": keys,
        }
        if name_ur:
            profile["description"] = name_ur
        return profile

    async def status_list(self, request: Request) -> Response:
        code = request.path_params["code"].upper()
        rows = await run_in_threadpool(self.registry.documents_of, "status_list")
        found = [r for r in rows if r["campus_code"] == code]
        if not found:
            raise HTTPException(404, f"Campus {code} has sent no status list yet.")
        newest = max(found, key=lambda r: json.loads(r["document"]).get("validFrom", ""))
        return _ld_json(json.loads(newest["document"]), cache_seconds=300)

    async def trust_list(self, request: Request) -> Response:
        rows = await run_in_threadpool(self.registry.documents_of, "trust_list")
        if not rows:
            raise HTTPException(404, "Head office has sent no trust list yet.")
        newest = max((json.loads(r["document"]) for r in rows), key=lambda d: d.get("version", 0))
        return JSONResponse(newest, headers={"cache-control": "public, max-age=300"})

    # -- API --------------------------------------------------------------------------------

    def _api(self, request: Request, verdict: Verdict | None) -> Response:
        if verdict is None:
            return JSONResponse({"error": "not-found", "message": "No certificate of that "
                                 "serial was issued to that name."}, status_code=404)
        body = verdict.as_json()
        body["facts"] = {k: v.isoformat() if isinstance(v, dt.datetime) else v
                         for k, v in self._shown(verdict, "en").items()}  # fmt: skip
        body["headline"] = _LOOK[verdict.outcome][2]
        body["checks"] = [{"check": text, "result": result}
                          for text, result in _checks(verdict.outcome)]  # fmt: skip
        return JSONResponse(body, headers={"cache-control": "no-store"})

    async def api_verify(self, request: Request) -> Response:
        wait = self._limited(request)
        if wait:
            return JSONResponse({"error": "rate-limited", "message": "Too many checks from "
                                 "this address: wait and try again."}, status_code=429,
                                headers={"retry-after": str(max(1, round(wait + 0.5)))})
        if request.method == "GET":
            query = request.query_params
            if query.get("qr"):
                verdict = await run_in_threadpool(self._verdict_of_input, query["qr"])
                return self._api(request, verdict)
            if query.get("serial") and query.get("name"):
                return self._api(request, await run_in_threadpool(
                    self._verdict_of_serial, query["serial"], query["name"]))  # fmt: skip
            return JSONResponse({"error": "bad-request", "message": "Give qr, or serial and "
                                 "name, in the query; or POST the credential, PDF or QR "
                                 "text."}, status_code=400)  # fmt: skip
        body = await request.body()
        if len(body) > MAX_UPLOAD:
            return JSONResponse({"error": "too-large", "message": f"At most {MAX_UPLOAD} bytes."},
                                status_code=413)  # fmt: skip
        if not body.strip():
            return JSONResponse({"error": "bad-request", "message": "The body is empty."},
                                status_code=400)  # fmt: skip
        return self._api(request, await run_in_threadpool(self._verdict_of_input, body))

    async def openapi(self, request: Request) -> Response:
        from sync.registry.openapi import spec

        return JSONResponse(spec(str(request.base_url).rstrip("/")))

    async def api_docs(self, request: Request) -> Response:
        from sync.registry.openapi import spec

        return render(request, "api.html", {"spec": spec(str(request.base_url).rstrip("/"))})

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/", lambda _r: RedirectResponse("/verify", status_code=302)),
            Route("/verify", self.form, methods=["GET"]),
            Route("/verify", self.submit, methods=["POST"]),
            Route("/V/{digits:str}", self.qr_link),
            Route("/v/{digits:str}", self.qr_link),
            Route("/verify/{serial:str}", self.serial_link),
            Route("/issuers/{code:str}", self.issuer),
            Route("/status/{code:str}", self.status_list),
            Route("/trust-list", self.trust_list),
            Route("/api/v1/verify", self.api_verify, methods=["GET", "POST"]),
            Route("/api/openapi.json", self.openapi),
            Route("/api/docs", self.api_docs),
            *static_routes(),
        ]


def static_routes() -> list[BaseRoute]:
    """The style sheet and the icon every page links to."""
    return [
        Route("/icon.svg", lambda _r: FileResponse(
            resource_path("icons", "sanad.svg"), media_type="image/svg+xml",
            headers={"cache-control": "public, max-age=604800"})),
        Mount("/static", app=StaticFiles(directory=str(resource_path("web", "static"))),
              name="static"),
    ]  # fmt: skip


def _day(moment: Any, lang: str) -> str:
    if not isinstance(moment, dt.datetime):
        return "—"
    from sync.registry.web_texts import translator

    month = translator(lang)(_MONTHS[moment.month - 1])
    return f"{moment.day} {month} {moment.year}"


def _ld_json(document: dict[str, Any], *, cache_seconds: int = 3600) -> Response:
    return Response(json.dumps(document, ensure_ascii=False), media_type="application/ld+json",
                    headers={"cache-control": f"public, max-age={cache_seconds}",
                             "access-control-allow-origin": "*"})  # fmt: skip


# Starlette's own words for a route it has not, in words a person reads (in Urdu too)
_ERROR_MESSAGES = {
    "Not Found": "There is no page at this address. Check the link, or verify a certificate "
                 "from the form.",
    "Method Not Allowed": "This page cannot be used that way. Open it from the form.",
}


def _page_error(request: Request, exc: HTTPException) -> Response:
    titles = {404: "Not found", 405: "Not allowed", 429: "Too many checks from this address"}
    return render(request, "problem.html", {
        "title": titles.get(exc.status_code, "Something went wrong"),
        "message": _ERROR_MESSAGES.get(exc.detail, exc.detail) if exc.status_code != 500
        else "The registry could not answer.",
    }, status_code=exc.status_code)  # fmt: skip


def registry_app(
    registry: Registry,
    files: FileStore | None = None,
    *,
    upload_routes: Any = None,
    verify_rate: float = 1.0,
    verify_burst: int = 60,
    clock: Any = server_clock,
) -> Any:
    """The registry's whole ASGI app: sync, evidence uploads, the public pages, the API and
    the dashboard. ``verify_rate`` is the verifications a second allowed per client address
    (bursts of ``verify_burst``); 0 turns the limit off."""
    from sync.registry.dashboard import dashboard_routes

    pages = VerifyPages(registry, verify_rate=verify_rate, verify_burst=verify_burst,
                        clock=clock)  # fmt: skip
    routes = pages.routes()
    routes += dashboard_routes(registry, files)
    return make_app(registry, upload_routes=upload_routes, clock=clock, extra_routes=routes,
                    page_error=_page_error, wrap=SecurityHeaders)  # fmt: skip
