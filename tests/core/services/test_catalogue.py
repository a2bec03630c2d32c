"""The catalogue: micro-credentials by edition, their rubric, pathways, and who may write what."""

from __future__ import annotations

import copy
import json

import pytest

from desktop.core.errors import Duplicate, Immutable, InvalidInput, PermissionDenied
from desktop.core.services import catalogue
from desktop.core.store import SYSTEM
from tests.conftest import RUBRIC, database_bytes, micro_credential_data


def _draft(campus, code="PL-101", **changes):
    data = {**micro_credential_data(campus.track_id, code), **changes}
    return catalogue.create_micro_credential(campus.store, campus.admin, data, scope="campus")


def test_a_new_micro_credential_is_a_draft_with_ids_on_every_part(campus):
    draft = _draft(campus)
    assert (draft["edition"], draft["status"], draft["scope"]) == (1, "draft", "campus")
    assert draft["campus_id"] == campus.admin.campus_id
    assert draft["credit_value"] == 2.0
    for part in ("competencies", "evidence_requirements"):
        assert all(item["id"] for item in json.loads(draft[part]))
    rubric = json.loads(draft["rubric"])
    assert [c["title_en"] for c in rubric["criteria"]] == ["Data preparation", "Analysis"]
    assert rubric["pass_rule"] == {"min_points_each": 1, "min_total": 4}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"level": 9}, "level", "between 1 and 8"),
        ({"credit_value": 1.25}, "credit_value", "in halves"),
        ({"notional_hours": 0}, "notional_hours", "between 1 and 2,000"),
        ({"track_id": "nope"}, "track_id", "is not a learning track"),
        ({"competencies": []}, "competencies", "List at least one thing"),
        ({"evidence_requirements": [{"title_en": "Video", "kinds": ["video"]}]},
         "evidence requirement",
         "evidence requirement 1 ['video']: has an unknown kind of evidence. Use file, link or"
         " reflection"),
    ],
)  # fmt: skip
def test_invalid_fields_are_named(campus, change, field, message):
    before = database_bytes(campus.store)
    with pytest.raises(InvalidInput) as caught:
        _draft(campus, **change)
    assert field in caught.value.fields
    assert message in str(caught.value)
    assert database_bytes(campus.store) == before


def test_rubric_mistakes_are_explained(campus):
    rubric = copy.deepcopy(RUBRIC)
    rubric["levels"] = rubric["levels"][:1]
    with pytest.raises(InvalidInput, match="are fewer than two"):
        _draft(campus, rubric=rubric)
    rubric = copy.deepcopy(RUBRIC)
    rubric["criteria"][1]["descriptors_en"] = ["only one"]
    with pytest.raises(InvalidInput, match="has descriptors for 1 levels, the rubric has 4"):
        _draft(campus, rubric=rubric)
    rubric = copy.deepcopy(RUBRIC)
    rubric["levels"][2]["points"] = 5
    with pytest.raises(InvalidInput, match="must rise in points"):
        _draft(campus, rubric=rubric)
    rubric = copy.deepcopy(RUBRIC)
    rubric["pass_rule"] = {"min_points_each": None, "min_total": 7}
    with pytest.raises(InvalidInput, match="asks for a total no learner can reach"):
        _draft(campus, rubric=rubric)


def test_codes_are_unique(campus):
    with pytest.raises(Duplicate, match="start a new edition of that one"):
        _draft(campus, code="DA-101")


def test_a_draft_can_be_edited_but_not_its_code(campus):
    draft = _draft(campus)
    edited = catalogue.update_micro_credential(
        campus.store, campus.admin, draft["id"], {"title_en": "Python for Analysts"}
    )
    assert edited["title_en"] == "Python for Analysts" and edited["version"] == 2
    with pytest.raises(InvalidInput, match="cannot change"):
        catalogue.update_micro_credential(
            campus.store, campus.admin, draft["id"], {"code": "PL-102"}
        )


def test_a_published_edition_is_frozen_and_a_new_edition_replaces_it(campus):
    first = catalogue.publish_micro_credential(campus.store, campus.admin, _draft(campus)["id"])
    assert first["status"] == "published" and first["published_at"]
    before = database_bytes(campus.store)
    with pytest.raises(Immutable, match="Start a new edition to change it"):
        catalogue.update_micro_credential(
            campus.store, campus.admin, first["id"], {"notional_hours": 80}
        )
    assert database_bytes(campus.store) == before
    second = catalogue.new_edition(campus.store, campus.admin, first["id"])
    assert (second["edition"], second["status"]) == (2, "draft")
    assert second["previous_edition_id"] == first["id"]
    with pytest.raises(Duplicate, match="already has a draft edition"):
        catalogue.new_edition(campus.store, campus.admin, first["id"])
    catalogue.update_micro_credential(
        campus.store, campus.admin, second["id"], {"notional_hours": 80}
    )
    catalogue.publish_micro_credential(campus.store, campus.admin, second["id"])
    statuses = campus.store.query(
        "SELECT edition, status FROM micro_credentials WHERE code = 'PL-101' ORDER BY edition"
    )
    assert statuses == [
        {"edition": 1, "status": "retired"},
        {"edition": 2, "status": "published"},
    ]


def test_retire_only_what_is_published(campus):
    draft = _draft(campus)
    with pytest.raises(InvalidInput, match="Only a published micro-credential can be retired"):
        catalogue.retire_micro_credential(campus.store, campus.admin, draft["id"])


def test_national_records_are_written_at_head_office_only(campus):
    with pytest.raises(InvalidInput, match="records are written at head office only"):
        catalogue.create_micro_credential(
            campus.store,
            campus.admin,
            micro_credential_data(campus.track_id, "NAT-1"),
            scope="national",
        )
    national = catalogue.create_micro_credential(
        campus.store, SYSTEM, micro_credential_data(campus.track_id, "NAT-1"), scope="national"
    )
    assert national["owner"] == "national"
    with pytest.raises(Immutable, match="Only head office changes national records"):
        catalogue.update_micro_credential(
            campus.store, campus.admin, national["id"], {"title_en": "Local change"}
        )
    with pytest.raises(InvalidInput, match="head office only"):
        catalogue.create_track(campus.store, campus.admin, code="BM", name_en="Business")


def test_assessors_do_not_edit_the_catalogue(campus):
    with pytest.raises(PermissionDenied, match="may not add micro-credentials"):
        catalogue.create_micro_credential(
            campus.store, campus.assessor, micro_credential_data(campus.track_id, "X-1")
        )
