"""Pathways: stacks of micro-credentials, edited as drafts, published when they can be taken."""

from __future__ import annotations

import json

import pytest

from desktop.core.errors import Immutable, InvalidInput, PermissionDenied
from desktop.core.ids import new_id
from desktop.core.services import catalogue, pathways
from desktop.core.store import SYSTEM
from tests.conftest import micro_credential_data


def _micro(campus, code: str, publish: bool = True) -> dict:
    data = micro_credential_data(campus.track_id, code)
    record = catalogue.create_micro_credential(campus.store, campus.admin, data, scope="campus")
    if publish:
        record = catalogue.publish_micro_credential(campus.store, campus.admin, record["id"])
    return record


def _pathway(campus, **changes) -> dict:
    data = {
        "code": "PATH-DATA",
        "title_en": "Data Analyst",
        "title_ur": "ڈیٹا اینالسٹ",
        "rule": "n_of",
        "members": ["da-101", "PL-101", "DA-101"],
        "required_count": 2,
        "credit_awarded": 4,
        **changes,
    }
    return pathways.create_pathway(campus.store, campus.admin, **data)


def test_a_pathway_stacks_micro_credentials_by_code(campus):
    _micro(campus, "PL-101")
    pathway = _pathway(campus)
    assert json.loads(pathway["members"]) == ["DA-101", "PL-101"]
    assert pathway["required_count"] == 2 and pathway["status"] == "draft"
    assert pathway["scope"] == "campus" and pathway["campus_id"] == campus.admin.campus_id
    published = pathways.publish_pathway(campus.store, campus.admin, pathway["id"])
    assert published["status"] == "published"
    retired = pathways.retire_pathway(campus.store, campus.admin, pathway["id"])
    assert retired["status"] == "retired"
    actions = [
        r["action"]
        for r in campus.store.query("SELECT action FROM audit_log WHERE entity = 'pathways'")
    ]
    assert actions == ["pathway.create", "pathway.publish", "pathway.retire"]


def test_every_problem_is_said_at_once(campus):
    with pytest.raises(InvalidInput) as caught:
        _pathway(campus, code="PATH-BAD", members=["DA-101", "ZZ-999"], required_count=5,
                 credit_awarded=-1)  # fmt: skip
    text = str(caught.value)
    assert "members 'ZZ-999': are not in the catalogue" in text
    assert "required count 5: is out of range" in text
    assert "credit awarded -1: is not a credit value" in text


def test_a_stack_of_one_is_refused(campus):
    with pytest.raises(InvalidInput, match="name fewer than two micro-credentials"):
        _pathway(campus, members=["DA-101", "da-101 "], rule="all_of")


def test_a_draft_is_edited_and_the_edit_audited(campus):
    _micro(campus, "PL-101")
    _micro(campus, "PL-102")
    pathway = _pathway(campus)
    updated = pathways.update_pathway(
        campus.store,
        campus.admin,
        pathway["id"],
        {"rule": "all_of", "members": ["DA-101", "PL-101", "PL-102"], "title_en": "Data Analyst+"},
    )
    assert json.loads(updated["members"]) == ["DA-101", "PL-101", "PL-102"]
    assert updated["required_count"] is None and updated["version"] == pathway["version"] + 1
    detail = campus.store.one("SELECT detail FROM audit_log WHERE action = 'pathway.edit'")[
        "detail"
    ]
    assert json.loads(detail)["fields"] == ["members", "required_count", "rule", "title_en"]


def test_the_code_and_a_published_pathway_do_not_change(campus):
    _micro(campus, "PL-101")
    pathway = _pathway(campus)
    with pytest.raises(InvalidInput, match="cannot change"):
        pathways.update_pathway(campus.store, campus.admin, pathway["id"], {"code": "PATH-X"})
    pathways.publish_pathway(campus.store, campus.admin, pathway["id"])
    with pytest.raises(Immutable, match="is published and can no longer change"):
        pathways.update_pathway(campus.store, campus.admin, pathway["id"], {"title_en": "X"})


def test_publishing_needs_every_member_published(campus):
    _micro(campus, "PL-101", publish=False)
    pathway = _pathway(campus)
    with pytest.raises(InvalidInput) as caught:
        pathways.publish_pathway(campus.store, campus.admin, pathway["id"])
    assert "members 'PL-101': have no published edition" in str(caught.value)
    assert campus.store.get("pathways", pathway["id"])["status"] == "draft"


def test_a_campus_pathway_cannot_stack_another_campus_course(campus):
    campus_id = new_id()
    data = micro_credential_data(campus.track_id, "PL-101")
    with campus.store.transaction(SYSTEM) as tx:
        tx.insert(
            "campuses", {"id": campus_id, "code": "UOP", "name_en": "Peshawar"}, owner=campus_id
        )
        tx.insert(
            "micro_credentials",
            {**{k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in data.items()},
             "edition": 1, "status": "published", "scope": "campus", "campus_id": campus_id},
            owner=campus_id,
        )  # fmt: skip
        tx.audit("test.other_campus", "campuses", campus_id)
    with pytest.raises(InvalidInput, match="'PL-101': are not in the catalogue"):
        _pathway(campus)


def test_assessors_do_not_edit_pathways(campus):
    _micro(campus, "PL-101")
    pathway = _pathway(campus)
    with pytest.raises(PermissionDenied, match="may not edit pathways"):
        pathways.update_pathway(campus.store, campus.assessor, pathway["id"], {"title_en": "X"})
    with pytest.raises(PermissionDenied, match="may not add pathways"):
        pathways.create_pathway(
            campus.store, campus.assessor, code="P-2", title_en="X", rule="all_of",
            members=["DA-101", "PL-101"], credit_awarded=1,
        )  # fmt: skip
