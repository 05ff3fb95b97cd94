"""A small structure of units and people in every workflow state."""

from plone import api
from unit_helpers import make_person
from unit_helpers import make_unit
from unit_helpers import STATES

import pytest
import transaction


@pytest.fixture
def structure(portal):
    """Units A and B (published), each with a sub-unit and a person per state."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=portal, type="Folder", id="org", title="Org"
        )
        api.content.transition(folder, "publish")
        units = {}
        for name in ("a", "b"):
            unit = make_unit(folder, f"unit-{name}", f"Unit {name.upper()}")
            units[name] = unit
            for state in STATES:
                make_unit(
                    unit, f"{name}-sub-{state}", f"{name.upper()} sub {state}", state
                )
                make_person(
                    unit, f"{name}-person-{state}", f"Person {name} {state}", state
                )
    return units


@pytest.fixture
def users(portal, structure):
    """One user per role of interest, with the groups that give them the role."""
    people = {
        "member_a": ["unit-a-members"],
        "editor_a": ["unit-a-editors"],
        "reviewer": ["general-secretariat"],
        "site_admin": [],
        "staff": [],
    }
    with api.env.adopt_roles(["Manager"]):
        for username, groups in people.items():
            api.user.create(
                username=username,
                email=f"{username}@example.org",
                password="a long enough secret",
            )
            for group in groups:
                api.group.add_user(groupname=group, username=username)
        api.user.grant_roles(username="site_admin", roles=["Site Administrator"])
    return people


@pytest.fixture
def committed_structure(functional_portal):
    """The structure, committed so the functional server sees it."""
    from zope.component.hooks import setSite

    setSite(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            container=functional_portal, type="Folder", id="org", title="Org"
        )
        api.content.transition(folder, "publish")
        unit = make_unit(folder, "unit-a", "Γενικός Γραμματέας")
        make_unit(folder, "ozel-kalem", "Özel Kalem Müdürlüğü")
        hidden = make_unit(folder, "hidden", "Κρυφή Μονάδα", state="internal")
        make_person(unit, "public-person", "Νίκη Δοκιμή")
        make_person(unit, "internal-person", "Εσωτερικό Πρόσωπο", state="internal")
    transaction.commit()
    return {"unit": unit, "hidden": hidden}
