"""A campus with no link at all: it joins head office by carrying a request file and bringing
back the answer, then syncs by USB bundles both ways — with the commands a focal person and
head office's registrar run."""

from __future__ import annotations

import json
import subprocess
import zipfile

import pytest

from desktop.core.health import check_database
from desktop.core.services import learners
from desktop.core.store import Store
from sync.client import SyncProblem, links, sync_once
from sync.registry.store import Registry
from tests.sync.network import (
    make_campus,
    make_head_office,
    publish_national,
    registry_rows,
    rows_of,
)
from tests.sync.servers import SANAD


def sanad(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([*SANAD, *args], capture_output=True, text=True, timeout=120)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def offline(tmp_path):
    registry_db = f"sqlite:///{tmp_path / 'registry.db'}"
    hub_db, ho_db = tmp_path / "hub.db", tmp_path / "ho.db"
    hub_admin = make_campus(hub_db, "QAU")
    ho_admin = make_head_office(ho_db)
    for code in ("QAU", "HO"):
        sanad("registry", "add-campus", "--db", registry_db, "--code", code, "--name", code)
    return tmp_path, registry_db, hub_db, hub_admin, ho_db, ho_admin


def _join_by_files(folder, registry_db, db, campus, kind="hub"):
    code = sanad("registry", "create-code", "--db", registry_db, "--campus", campus,
                 "--kind", kind).stdout.strip()  # fmt: skip
    request, response = folder / f"{campus}-request.json", folder / f"{campus}-response.json"
    sanad("sync", "join-request", "--db", str(db), "--code", code, "--to", str(request))
    sanad("registry", "join-file", "--db", registry_db, str(request), "--to", str(response))
    sanad("sync", "join-response", "--db", str(db), str(response))
    return request, response


def test_join_by_files_then_usb_bundles_both_ways(offline):
    folder, registry_db, hub_db, hub_admin, ho_db, ho_admin = offline
    _join_by_files(folder, registry_db, hub_db, "QAU")
    _join_by_files(folder, registry_db, ho_db, "HO", kind="head-office")
    national = publish_national(ho_db, ho_admin)
    with Store.open(hub_db) as hub:
        learners.register_learner(hub, hub_admin, {"registration_no": "QAU-1",
                                                   "full_name": "Ayesha Khan"})  # fmt: skip
        hub_device = hub.device_id
        with pytest.raises(SyncProblem) as no_link:
            sync_once(hub)
        assert "by USB bundles only" in str(no_link.value)
    with Store.open(ho_db) as ho:
        ho_device = ho.device_id

    # Up: each campus's bundle to head office (importing one twice is harmless).
    for db, name in ((hub_db, "qau-up.zip"), (ho_db, "ho-up.zip")):
        sanad("bundle", "export", "--db", str(db), "--to", str(folder / name))
        sanad("registry", "bundle-import", "--db", registry_db, str(folder / name))
    again = sanad("registry", "bundle-import", "--db", registry_db, str(folder / "qau-up.zip"))
    assert "0 applied" in again.stdout
    # Down: head office's replies.
    for device, db, name in ((hub_device, hub_db, "qau-down.zip"),
                             (ho_device, ho_db, "ho-down.zip")):  # fmt: skip
        sanad("registry", "bundle-export", "--db", registry_db, "--device", device,
              "--to", str(folder / name))  # fmt: skip
        sanad("bundle", "import", "--db", str(db), str(folder / name))

    with Store.open(hub_db) as hub:
        assert hub.get("micro_credentials", national)["scope"] == "national"
        scope = {hub.campus_id, "national"}
        assert check_database(hub).healthy
    registry = Registry.open(registry_db)
    try:
        assert registry_rows(registry, scope) == rows_of(hub_db, scope)
        assert rows_of(ho_db) == registry_rows(registry)
        # The next reply carries nothing the campus has acknowledged.
        sanad("bundle", "export", "--db", str(hub_db), "--to", str(folder / "qau-up2.zip"))
        sanad("registry", "bundle-import", "--db", registry_db, str(folder / "qau-up2.zip"))
        sanad("registry", "bundle-export", "--db", registry_db, "--device", hub_device,
              "--to", str(folder / "qau-down2.zip"))  # fmt: skip
        with zipfile.ZipFile(folder / "qau-down2.zip") as archive:
            manifest = json.loads(archive.read("manifest.json"))
        assert sum(p["changes"] for p in manifest["parts"]) == 0
    finally:
        registry.close()


def test_a_join_answer_for_another_request_is_refused(offline):
    folder, registry_db, hub_db, _admin, ho_db, _ho_admin = offline
    _request, response = _join_by_files(folder, registry_db, ho_db, "HO", kind="head-office")
    code = sanad("registry", "create-code", "--db", registry_db, "--campus", "QAU").stdout.strip()
    sanad("sync", "join-request", "--db", str(hub_db), "--code", code,
          "--to", str(folder / "qau-request.json"))  # fmt: skip
    refused = sanad("sync", "join-response", "--db", str(hub_db), str(response), ok=False)
    assert refused.returncode == 1 and "answers another request" in refused.stderr
    with Store.open(hub_db) as hub:
        assert links(hub) == []


def test_a_tampered_join_answer_is_refused(offline):
    folder, registry_db, hub_db, *_ = offline
    code = sanad("registry", "create-code", "--db", registry_db, "--campus", "QAU").stdout.strip()
    request, response = folder / "request.json", folder / "response.json"
    sanad("sync", "join-request", "--db", str(hub_db), "--code", code, "--to", str(request))
    sanad("registry", "join-file", "--db", registry_db, str(request), "--to", str(response))
    answer = json.loads(response.read_text())
    answer["grant"]["node_public_key"] = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    response.write_text(json.dumps(answer))
    refused = sanad("sync", "join-response", "--db", str(hub_db), str(response), ok=False)
    assert "is not signed by head office's registry" in refused.stderr


def test_a_bundle_from_a_revoked_campus_is_refused_with_the_reason(offline):
    folder, registry_db, hub_db, *_ = offline
    _join_by_files(folder, registry_db, hub_db, "QAU")
    with Store.open(hub_db) as hub:
        device = hub.device_id
    sanad("bundle", "export", "--db", str(hub_db), "--to", str(folder / "up.zip"))
    sanad("registry", "revoke-device", "--db", registry_db, device, "--reason", "computer lost")
    refused = sanad("registry", "bundle-import", "--db", registry_db, str(folder / "up.zip"),
                    ok=False)  # fmt: skip
    assert refused.returncode == 1
    assert "was removed from sync on" in refused.stderr and "computer lost" in refused.stderr
