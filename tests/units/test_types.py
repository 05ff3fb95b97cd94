"""The Unit and Person content types."""

from municipality.intranet.content.person import IPerson
from municipality.intranet.content.unit import IUnit
from plone import api
from plone.dexterity.fti import DexterityFTI

import pytest


@pytest.mark.parametrize(
    "portal_type,schema,add_permission,global_allow",
    [
        ("Unit", IUnit, "municipality.intranet.AddUnit", True),
        ("Person", IPerson, "municipality.intranet.AddPerson", False),
    ],
)
class TestFTI:
    def test_fti(self, get_fti, portal_type, schema, add_permission, global_allow):
        fti = get_fti(portal_type)
        assert isinstance(fti, DexterityFTI)
        assert fti.lookupSchema() is schema
        assert fti.add_permission == add_permission
        assert fti.global_allow is global_allow

    def test_workflow(self, portal, portal_type, schema, add_permission, global_allow):
        chain = portal.portal_workflow.getChainForPortalType(portal_type)
        assert chain == ("municipality_unit_workflow",)

    def test_basic_behaviors(
        self, get_behaviors, portal_type, schema, add_permission, global_allow
    ):
        behaviors = get_behaviors(portal_type)
        assert "plone.basic" in behaviors
        assert "plone.namefromtitle" in behaviors


def test_unit_has_contact_behavior(get_behaviors):
    assert "municipality.intranet.contact" in get_behaviors("Unit")


def test_unit_allows_units_and_people(get_fti):
    allowed = get_fti("Unit").allowed_content_types
    assert {"Unit", "Person"} <= set(allowed)


def test_person_only_inside_units(portal):
    with (
        api.env.adopt_roles(["Manager"]),
        pytest.raises(api.exc.InvalidParameterError),
    ):
        api.content.create(container=portal, type="Person", title="Nobody")


def test_create_unit_starts_private(portal):
    with api.env.adopt_roles(["Manager"]):
        unit = api.content.create(
            container=portal, type="Unit", title="Τμήμα Δοκιμών", kind="department"
        )
    assert IUnit.providedBy(unit)
    assert api.content.get_state(unit) == "private"
    assert unit.kind == "department"


def test_unit_kinds_translated(portal, get_vocabulary):
    from zope.i18n import translate

    vocabulary = get_vocabulary("municipality.intranet.UnitKinds", portal)
    assert len(vocabulary) == 8
    titles = {term.value: term.title for term in vocabulary}
    assert translate(titles["directorate"], target_language="tr") == "Müdürlük"
    assert translate(titles["department"], target_language="el") == "Τμήμα"
