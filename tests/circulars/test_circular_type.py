"""The Circular type."""

from municipality.intranet.content.circular import ICircular
from plone import api

import pytest


def test_fti(get_fti):
    fti = get_fti("Circular")
    assert fti.lookupSchema() is ICircular
    assert fti.add_permission == "municipality.intranet.AddCircular"
    assert fti.allowed_content_types == ("File",)
    assert fti.global_allow is False


def test_allowed_in_units(get_fti):
    assert "Circular" in get_fti("Unit").allowed_content_types


def test_workflow(portal):
    chain = portal.portal_workflow.getChainForPortalType("Circular")
    assert chain == ("municipality_circular_workflow",)


def test_categories_are_keywords(get_behaviors):
    assert "plone.categorization" in get_behaviors("Circular")


def test_draft_has_no_number(draft):
    assert api.content.get_state(draft) == "draft"
    assert draft.protocol_number is None
    assert draft.issue_date is None


@pytest.mark.parametrize(
    "vocabulary,values",
    [
        ("municipality.intranet.CircularAudiences", {"staff", "public"}),
        ("municipality.intranet.IssuingAuthorities", {"mayor", "general-secretary"}),
    ],
)
def test_vocabularies(portal, get_vocabulary, vocabulary, values):
    terms = {term.value for term in get_vocabulary(vocabulary, portal)}
    assert values <= terms


def test_units_issue_circulars_too(portal, get_vocabulary):
    terms = {
        term.value
        for term in get_vocabulary("municipality.intranet.IssuingAuthorities", portal)
    }
    gs = portal.unrestrictedTraverse("units/mayors-office/general-secretariat")
    assert gs.UID() in terms


def test_circulars_are_versioned(portal):
    repository = api.portal.get_tool("portal_repository")
    assert "Circular" in repository.getVersionableContentTypes()
    assert "at_edit_autoversion" in repository.getPolicyMap()["Circular"]


def test_circulars_section_shows_the_register(portal):
    assert portal["circulars"].getLayout() == "circulars"
