"""Signing-key services: who may use them, and a certificate made on 29 February."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest

from desktop.core.errors import PermissionDenied
from desktop.core.keys import certificate_request
from desktop.core.services import signing_keys
from desktop.core.store import SYSTEM
from tests.credential_kit import PASSPHRASE


@pytest.mark.parametrize(
    ("service", "args"),
    [
        (signing_keys.create_root_key, (PASSPHRASE,)),
        (signing_keys.create_campus_key, (PASSPHRASE,)),
        (signing_keys.set_registry_url, ("https://registry.example.pk",)),
        (signing_keys.certify_request, ({}, PASSPHRASE)),
        (signing_keys.install_certificate, ({}, "z6Mk")),
        (signing_keys.revoke_campus_key, ("z6Mk", "stolen")),
        (signing_keys.make_trust_list, (PASSPHRASE,)),
        (signing_keys.install_trust_list, ({},)),
    ],
)
def test_only_admins_touch_signing_keys(campus, service, args):
    with pytest.raises(PermissionDenied):
        service(campus.store, campus.assessor, *args)
    assert campus.store.scalar("SELECT count(*) FROM signing_keys") == 0


def test_a_certificate_made_on_29_february_ends_on_1_march(campus):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    signing_keys.create_root_key(campus.store, SYSTEM, PASSPHRASE)
    signing_keys.set_registry_url(campus.store, SYSTEM, "https://registry.example.pk")
    request = certificate_request({"id": "c1", "code": "UOB", "name": "Balochistan"},
                                  Ed25519PrivateKey.generate())  # fmt: skip
    leap_day = dt.datetime(2028, 2, 29, 9, 30, tzinfo=dt.UTC)

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return leap_day

    with mock.patch.object(signing_keys.dt, "datetime", Clock):
        certificate = signing_keys.certify_request(campus.store, SYSTEM, request, PASSPHRASE,
                                                   years=2)  # fmt: skip
    assert certificate["validFrom"] == "2028-02-29T09:30:00Z"
    assert certificate["validUntil"] == "2030-03-01T09:30:00Z"
