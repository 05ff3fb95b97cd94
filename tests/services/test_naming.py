"""Ids chosen before creation, for imports."""

from municipality.intranet.naming import unique_id
from plone import api


UNIT = "units/mayors-office/general-secretariat/technical-services"


def test_id_from_the_title_free_in_the_container(portal):
    unit = portal.unrestrictedTraverse(UNIT)
    first = unique_id(unit, "Άδεια τομής οδοστρώματος")
    assert first == "adeia-tomes-odostromatos"
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=unit, type="Document", id=first, title="x")
    assert unique_id(unit, "Άδεια τομής οδοστρώματος") == f"{first}-2"


def test_never_a_view_or_attribute_of_the_container(portal):
    unit = portal.unrestrictedTraverse(UNIT)
    assert unique_id(unit, "view") != "view"
    assert unique_id(unit, "title") != "title"
    assert unique_id(unit, "!!!") == "item"
