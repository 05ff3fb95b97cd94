"""Who may see and edit units and people, per role and workflow state."""

from plone import api

import pytest


STATES = ("private", "internal", "published")

# Who may view a unit/person of unit B (not their own) in each state.
VIEW_OTHER_UNIT = {
    "anonymous": {"published"},
    "staff": {"internal", "published"},
    "member_a": {"internal", "published"},
    "editor_a": {"internal", "published"},
    "reviewer": {"private", "internal", "published"},
    "site_admin": {"private", "internal", "published"},
}
# ... and in their own unit A: unit members read its private content too.
VIEW_OWN_UNIT = {
    **VIEW_OTHER_UNIT,
    "member_a": {"private", "internal", "published"},
    "editor_a": {"private", "internal", "published"},
}
EDIT_OWN_UNIT = {"editor_a", "site_admin"}


def check(user, permission, obj):
    if user == "anonymous":
        with api.env.adopt_roles(["Anonymous"]):
            return bool(api.user.has_permission(permission, obj=obj))
    return bool(api.user.has_permission(permission, username=user, obj=obj))


@pytest.mark.parametrize("user", sorted(VIEW_OTHER_UNIT))
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", ["sub", "person"])
def test_view(users, structure, user, state, kind):
    for unit_name, expected in (("a", VIEW_OWN_UNIT), ("b", VIEW_OTHER_UNIT)):
        obj = structure[unit_name][f"{unit_name}-{kind}-{state}"]
        assert check(user, "View", obj) is (state in expected[user]), (unit_name, obj)


@pytest.mark.parametrize("user", sorted(VIEW_OTHER_UNIT))
@pytest.mark.parametrize("state", STATES)
def test_edit(users, structure, user, state):
    own = structure["a"][f"a-person-{state}"]
    other = structure["b"][f"b-person-{state}"]
    assert check(user, "Modify portal content", own) is (user in EDIT_OWN_UNIT)
    assert check(user, "Modify portal content", other) is (user == "site_admin")


@pytest.mark.parametrize(
    "user,may_add_person,may_add_unit",
    [
        ("anonymous", False, False),
        ("staff", False, False),
        ("member_a", False, False),
        ("editor_a", True, False),
        ("reviewer", False, False),
        ("site_admin", True, True),
    ],
)
def test_add(users, structure, user, may_add_person, may_add_unit):
    unit = structure["a"]
    assert check(user, "municipality.intranet: Add Person", unit) is may_add_person
    assert check(user, "municipality.intranet: Add Unit", unit) is may_add_unit
    assert check(user, "municipality.intranet: Add Person", structure["b"]) is (
        user == "site_admin"
    )


@pytest.mark.parametrize(
    "user,transitions",
    [
        ("editor_a", {"publish_internally"}),
        ("reviewer", {"publish_internally", "publish"}),
        ("site_admin", {"publish_internally", "publish"}),
        ("member_a", set()),
    ],
)
def test_transitions_from_private(users, structure, user, transitions):
    obj = structure["a"]["a-person-private"]
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=user):
        available = {t["id"] for t in workflow.getTransitionsFor(obj)}
    assert available == transitions


def test_internal_details_only_for_staff(users, structure):
    unit = structure["a"]
    permission = "municipality.intranet: View internal details"
    assert check("anonymous", permission, unit) is False
    assert check("staff", permission, unit) is True
