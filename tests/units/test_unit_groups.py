"""Each unit gets an editors and a members group with local roles."""

from municipality.intranet.unit_groups import unit_group_ids
from plone import api


def test_groups_created(structure):
    unit = structure["a"]
    assert unit_group_ids(unit) == {
        "editors": "unit-a-editors",
        "members": "unit-a-members",
    }
    assert api.group.get(groupname="unit-a-editors") is not None
    assert api.group.get(groupname="unit-a-members") is not None


def test_local_roles(structure):
    unit = structure["a"]
    roles = dict(unit.get_local_roles())
    assert set(roles["unit-a-editors"]) == {"Editor", "Contributor"}
    assert set(roles["unit-a-members"]) == {"Reader"}


def test_group_title_names_unit(structure):
    assert "Unit A" in api.group.get(groupname="unit-a-editors").getProperty("title")


def test_groups_removed_with_unit(structure):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(structure["b"], check_linkintegrity=False)
    assert api.group.get(groupname="unit-b-editors") is None


def test_groups_kept_when_unit_moves(portal, structure):
    with api.env.adopt_roles(["Manager"]):
        api.content.move(source=structure["b"], target=structure["a"])
    assert api.group.get(groupname="unit-b-editors") is not None


def test_general_secretariat_reviews_everything(portal):
    group = api.group.get(groupname="general-secretariat")
    assert "Reviewer" in api.group.get_roles(groupname="general-secretariat")
    assert group.getProperty("title") == "Γενική Γραμματεία"


def test_demo_units_have_groups(portal):
    unit = portal["units"]["mayors-office"]["general-secretariat"]
    assert api.group.get(groupname="general-secretariat-editors") is not None
    assert "general-secretariat-members" in dict(unit.get_local_roles())


def test_same_id_elsewhere_gets_own_groups(portal, structure):
    from unit_helpers import make_unit

    with api.env.adopt_roles(["Manager"]):
        twin = make_unit(structure["b"], "unit-a", "Another unit A")
    assert unit_group_ids(twin) == {
        "editors": "unit-a-2-editors",
        "members": "unit-a-2-members",
    }
    assert "unit-a-editors" not in dict(twin.get_local_roles())


def test_copy_gets_own_groups(portal, structure):
    with api.env.adopt_roles(["Manager"]):
        copy = api.content.copy(source=structure["a"], target=structure["b"])
    roles = dict(copy.get_local_roles())
    assert "unit-a-editors" not in roles
    assert unit_group_ids(copy)["editors"] == "unit-a-2-editors"
    assert set(roles["unit-a-2-editors"]) == {"Editor", "Contributor"}
    # the copied sub-units got groups of their own too
    sub = copy["a-sub-published"]
    assert (
        unit_group_ids(sub)["editors"]
        != unit_group_ids(structure["a"]["a-sub-published"])["editors"]
    )
