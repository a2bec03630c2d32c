"""Accounts and sign-in, and the first-run set-up of a campus."""

from __future__ import annotations

import pytest

from desktop.core.errors import Duplicate, InvalidInput, NotFound, PermissionDenied
from desktop.core.services import setup, users
from desktop.core.store import Store
from tests.conftest import ADMIN_PASSWORD, ASSESSOR_PASSWORD, database_bytes


def test_sign_in_gives_the_account_its_role_and_campus(campus):
    actor = users.authenticate(campus.store, "DR.FARHAN", ASSESSOR_PASSWORD)
    assert (actor.name, actor.role, actor.campus_id) == (
        "Dr Farhan Qureshi",
        "assessor",
        campus.admin.campus_id,
    )


def test_wrong_name_and_wrong_password_look_the_same(campus):
    messages = []
    for name, password in (("focal", "wrong-password"), ("nobody", ADMIN_PASSWORD)):
        with pytest.raises(PermissionDenied) as caught:
            users.authenticate(campus.store, name, password)
        messages.append(str(caught.value).replace(repr(name), "NAME"))
    assert messages[0] == messages[1]
    assert "is Caps Lock on?" in messages[0]


def test_create_user_checks_everything(campus):
    with pytest.raises(InvalidInput) as caught:
        users.create_user(
            campus.store,
            campus.admin,
            username="x",
            display_name="",
            role="dean",
            password="short",
        )
    assert set(caught.value.fields) == {"username", "display_name", "role"}
    with pytest.raises(InvalidInput, match="is the same as the user name"):
        users.create_user(
            campus.store,
            campus.admin,
            username="rubina.baloch",
            display_name="Rubina Baloch",
            role="assessor",
            password="Rubina.Baloch",
        )
    with pytest.raises(Duplicate, match="is already taken"):
        users.create_user(
            campus.store,
            campus.admin,
            username="Focal",
            display_name="Another",
            role="admin",
            password="another-long-one",
        )
    with pytest.raises(InvalidInput, match="is required for a student account"):
        users.create_user(
            campus.store,
            campus.admin,
            username="student1",
            display_name="Student",
            role="student",
            password="student-password",
        )


def test_a_student_account_belongs_to_one_learner(campus):
    learner = campus.learner_ids[0]
    user = users.create_user(
        campus.store,
        campus.admin,
        username="qau-2026-0001",
        display_name="Ayesha Khan",
        role="student",
        password="ayesha-password",
        learner_id=learner,
    )
    assert user["learner_id"] == learner
    with pytest.raises(Duplicate, match="already has an account"):
        users.create_user(
            campus.store,
            campus.admin,
            username="ayesha2",
            display_name="Ayesha Khan",
            role="student",
            password="ayesha-password",
            learner_id=learner,
        )
    with pytest.raises(NotFound):
        users.create_user(
            campus.store,
            campus.admin,
            username="ghost",
            display_name="Ghost",
            role="student",
            password="ghost-password",
            learner_id="no-such-learner",
        )


def test_change_password(campus):
    with pytest.raises(PermissionDenied, match="is not the current password"):
        users.change_password(
            campus.store, campus.admin, old_password="guess", new_password="new-long-password"
        )
    users.change_password(
        campus.store,
        campus.admin,
        old_password=ADMIN_PASSWORD,
        new_password="new-long-password",
    )
    assert users.authenticate(campus.store, "focal", "new-long-password").role == "admin"
    with pytest.raises(PermissionDenied):
        users.authenticate(campus.store, "focal", ADMIN_PASSWORD)


def test_role_changes_are_audited_and_admins_keep_their_own_rights(campus):
    users.set_role(campus.store, campus.admin, campus.assessor.user_id, "admin")
    entry = campus.store.one("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert entry["action"] == "user.role"
    assert '"from": "assessor"' in entry["detail"] and '"to": "admin"' in entry["detail"]
    with pytest.raises(PermissionDenied, match="would take away your own admin rights"):
        users.set_role(campus.store, campus.admin, campus.admin.user_id, "assessor")
    with pytest.raises(PermissionDenied, match="may not change roles"):
        users.set_role(campus.store, campus.assessor, campus.admin.user_id, "student")


def test_a_deactivated_account_cannot_sign_in(campus):
    users.deactivate_user(campus.store, campus.admin, campus.assessor.user_id)
    with pytest.raises(PermissionDenied, match="is deactivated"):
        users.authenticate(campus.store, "dr.farhan", ASSESSOR_PASSWORD)
    with pytest.raises(PermissionDenied, match="is your own account"):
        users.deactivate_user(campus.store, campus.admin, campus.admin.user_id)


def test_first_run_creates_campus_device_and_admin(tmp_path):
    with Store.open(tmp_path / "new.db") as store:
        admin = setup.initialise_campus(
            store,
            code="uob",
            name_en="University of Balochistan",
            name_ur="جامعہ بلوچستان",
            region="Balochistan",
            city="Quetta",
            admin_username="focal",
            admin_display_name="Bibi Marri",
            admin_password="a-long-password",
        )
        assert admin.role == "admin" and admin.campus_id == store.campus_id
        assert store.get("campuses", store.campus_id)["code"] == "UOB"
        device = store.get("devices", store.device_id)
        assert (device["kind"], device["campus_id"]) == ("hub", store.campus_id)
        assert store.setting("node_kind") == "campus"
        before = database_bytes(store)
        with pytest.raises(Duplicate, match="is already set up for a campus"):
            setup.initialise_campus(
                store,
                code="X",
                name_en="Again",
                admin_username="focal2",
                admin_display_name="Again",
                admin_password="a-long-password",
            )
        assert database_bytes(store) == before


def test_first_run_reports_every_problem_and_writes_nothing(tmp_path):
    with Store.open(tmp_path / "new.db") as store:
        with pytest.raises(InvalidInput) as caught:
            setup.initialise_campus(
                store,
                code="Q A U",
                name_en="",
                admin_username="f",
                admin_display_name="Focal",
                admin_password="short",
            )
        assert set(caught.value.fields) == {"code", "name_en", "username"}
        assert store.device_id is None
        assert store.scalar("SELECT COUNT(*) FROM change_log") == 0
