"""The registry's public JSON API, described in OpenAPI 3.1 (served at ``/api/openapi.json``
and, for people, at ``/api/docs``). The sync protocol (``/sync/v1``) is Sanad's own, between
Sanad nodes, and documented in docs/design.md rather than here."""

from __future__ import annotations

from typing import Any

__all__ = ["spec"]

OUTCOMES = ["valid", "signature_invalid", "unknown_issuer", "key_not_valid", "revoked",
            "suspended", "not_yet_valid", "expired", "status_unknown", "unreadable"]  # fmt: skip

_VERDICT = {
    "type": "object",
    "required": ["outcome", "headline", "explanation", "facts", "checks", "status_as_of",
                 "demonstration"],
    "properties": {
        "outcome": {"type": "string", "enum": OUTCOMES,
                    "description": "The first check that failed, or valid."},
        "headline": {"type": "string", "description": "The outcome in a few English words."},
        "explanation": {"type": "string", "description": "Why, in plain English."},
        "source": {"type": "string", "enum": ["json", "qr", "pdf", "file"]},
        "facts": {
            "type": "object",
            "description": "What the certificate itself shows, and nothing more.",
            "properties": {
                "serial": {"type": ["string", "null"]},
                "learner": {"type": ["string", "null"]},
                "learner_shortened": {"type": "boolean"},
                "credential": {"type": ["string", "null"]},
                "credential_code": {"type": ["string", "null"]},
                "campus": {"type": ["string", "null"]},
                "campus_code": {"type": ["string", "null"]},
                "valid_from": {"type": ["string", "null"], "format": "date-time"},
                "valid_until": {"type": ["string", "null"], "format": "date-time"},
            },
        },
        "checks": {"type": "array", "items": {
            "type": "object", "required": ["check", "result"],
            "properties": {"check": {"type": "string"},
                           "result": {"type": "string",
                                      "enum": ["pass", "fail", "unknown", "skipped"]}},
        }},
        "status_as_of": {"type": ["string", "null"], "format": "date-time",
                         "description": "When the campus signed the status list used."},
        "demonstration": {"type": "boolean",
                          "description": "Checked against the public demonstration root: "
                                         "proves nothing."},
    },
}  # fmt: skip

_ERROR = {
    "type": "object", "required": ["error", "message"],
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
}  # fmt: skip


def _json(schema: dict[str, Any], description: str,
          media: str = "application/json") -> dict[str, Any]:  # fmt: skip
    return {"description": description, "content": {media: {"schema": schema}}}


def spec(base_url: str) -> dict[str, Any]:
    """The OpenAPI document, with ``base_url`` as its server."""
    error = {"$ref": "#/components/schemas/Error"}
    verdict = {"$ref": "#/components/schemas/Verdict"}
    limited = _json(error, "Too many checks from this address; see Retry-After.")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Sanad registry",
            "version": "1",
            "description": "Verify Sanad micro-credential certificates, and fetch the signed "
                           "documents an Open Badges 3.0 verifier needs: issuer profiles with "
                           "their keys, status lists and head office's trust list. No "
                           "sign-in. Verification is rate-limited per address.",
        },
        "servers": [{"url": base_url}],
        "paths": {
            "/api/v1/verify": {
                "get": {
                    "summary": "Verify a QR code's text, or a serial number with the name",
                    "operationId": "verifyQuery",
                    "parameters": [
                        {"name": "qr", "in": "query", "schema": {"type": "string"},
                         "description": "The text of the certificate's QR code."},
                        {"name": "serial", "in": "query", "schema": {"type": "string"},
                         "example": "QAU-2026-000123"},
                        {"name": "name", "in": "query", "schema": {"type": "string"},
                         "description": "The learner's name as printed (with serial)."},
                    ],
                    "responses": {
                        "200": _json(verdict, "The verdict."),
                        "400": _json(error, "Neither qr nor serial and name."),
                        "404": _json(error, "No certificate of that serial for that name."),
                        "429": limited,
                    },
                },
                "post": {
                    "summary": "Verify a credential (JSON), a certificate PDF, a QR photo or "
                               "QR text",
                    "operationId": "verifyBody",
                    "requestBody": {"required": True, "content": {
                        "application/json": {"schema": {"type": "object"}},
                        "application/pdf": {"schema": {"type": "string",
                                                       "format": "binary"}},
                        "image/png": {"schema": {"type": "string", "format": "binary"}},
                        "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
                        "text/plain": {"schema": {"type": "string"}},
                    }},
                    "responses": {
                        "200": _json(verdict, "The verdict."),
                        "400": _json(error, "The body is empty."),
                        "413": _json(error, "The body is larger than 8 MiB."),
                        "429": limited,
                    },
                },
            },
            "/issuers/{code}": {"get": {
                "summary": "A campus's issuer profile (Open Badges 3.0 Profile) with its keys",
                "operationId": "issuerProfile",
                "parameters": [{"name": "code", "in": "path", "required": True,
                                "schema": {"type": "string"}, "example": "QAU"}],
                "responses": {
                    "200": _json({"type": "object"}, "The profile (JSON-LD).",
                                 "application/ld+json"),
                    "404": {"description": "No such campus."},
                },
            }},
            "/status/{code}": {"get": {
                "summary": "A campus's signed Bitstring Status List credential",
                "operationId": "statusList",
                "parameters": [{"name": "code", "in": "path", "required": True,
                                "schema": {"type": "string"}}],
                "responses": {
                    "200": _json({"type": "object"}, "The status list credential, signed by "
                                 "the campus (eddsa-rdfc-2022).", "application/ld+json"),
                    "404": {"description": "The campus has sent no status list yet."},
                },
            }},
            "/trust-list": {"get": {
                "summary": "Head office's signed trust list: every campus key and revocation",
                "operationId": "trustList",
                "responses": {
                    "200": _json({"type": "object"}, "The trust list, signed by the national "
                                 "root (eddsa-jcs-2022)."),
                    "404": {"description": "Head office has sent no trust list yet."},
                },
            }},
            "/health": {"get": {
                "summary": "Is the registry up",
                "operationId": "health",
                "responses": {"200": _json({"type": "object"}, "Up.")},
            }},
        },
        "components": {"schemas": {"Verdict": _VERDICT, "Error": _ERROR}},
    }
