"""The ProtocolEvent type: FTI, schema, vocabularies, invariant, its section."""

from municipality.intranet.content.protocol_event import IProtocolEvent
from municipality.intranet.content.protocol_event import RepresentativeMissing
from municipality.intranet.interfaces import IPrivateOfficeSection
from plone import api
from plone.app.testing import logout
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import iterSchemataForType
from protocol_helpers import INTERNAL_PERSON
from protocol_helpers import SECRETARY
from protocol_helpers import uid
from zope.component import getUtility
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest


BEHAVIORS = {
    "plone.basic",
    "plone.eventbasic",
    "plone.eventrecurrence",
    "plone.eventlocation",
    "plone.namefromtitle",
    "plone.shortname",
    "plone.excludefromnavigation",
    "plone.versioning",
    "plone.locking",
}


def test_fti(portal):
    fti = queryUtility(IDexterityFTI, name="ProtocolEvent")
    assert fti is not None
    assert set(fti.behaviors) == BEHAVIORS
    assert fti.add_permission == "municipality.intranet.AddProtocolEvent"
    assert fti.global_allow
    assert list(fti.allowed_content_types) == []
    chain = api.portal.get_tool("portal_workflow").getChainForPortalType(
        "ProtocolEvent"
    )
    assert chain == ("municipality_protocol_workflow",)


def test_workflow_states(portal):
    workflow = api.portal.get_tool("portal_workflow")["municipality_protocol_workflow"]
    assert set(workflow.states) == {"draft", "internal", "published"}
    assert workflow.initial_state == "draft"
    assert set(workflow.transitions) == {"make_internal", "publish", "retract"}
    for transition in workflow.transitions.values():
        assert transition.guard.permissions == ("Review portal content",)


@pytest.mark.parametrize(
    "field,required",
    [
        ("protocol_kind", True),
        ("organiser", False),
        ("mayor_attends", False),
        ("represented_by", False),
        ("guests_of_honour", False),
        ("protocol_notes", False),
        ("start", True),
        ("end", True),
        ("location", False),
        ("recurrence", False),
        ("whole_day", False),
    ],
)
def test_schema_fields(portal, field, required):
    fields = {}
    for schemata in iterSchemataForType("ProtocolEvent"):
        for name in schemata:
            fields[name] = schemata[name]
    assert field in fields
    assert bool(fields[field].required) is required


def test_notes_are_read_by_staff_only(portal):
    from plone.autoform.interfaces import READ_PERMISSIONS_KEY

    permissions = IProtocolEvent.queryTaggedValue(READ_PERMISSIONS_KEY)
    assert permissions == {
        "protocol_notes": "municipality.intranet.ViewInternalDetails"
    }


def test_mayor_attends_by_default(portal):
    assert IProtocolEvent["mayor_attends"].default is True


KINDS = [
    "visit",
    "invitation",
    "reception",
    "opening",
    "ceremony",
    "national-holiday",
    "religious-holiday",
    "commemoration",
]


def test_kinds(portal):
    vocabulary = getUtility(IVocabularyFactory, "municipality.intranet.ProtocolKinds")
    assert [term.value for term in vocabulary(portal)] == KINDS


def test_people_name_and_position(portal):
    vocabulary = getUtility(IVocabularyFactory, "municipality.intranet.People")
    with api.env.adopt_roles(["Manager"]):
        terms = vocabulary(portal)
    secretary = terms.getTerm(uid(portal, SECRETARY))
    assert secretary.title == "Παναγιώτης Λαμπράκης – Γραμματέας του Δημάρχου"
    catalog = api.portal.get_tool("portal_catalog")
    assert len(terms) == len(catalog.unrestrictedSearchResults(portal_type="Person"))


def test_people_hides_the_names_a_visitor_may_not_see(portal):
    vocabulary = getUtility(IVocabularyFactory, "municipality.intranet.People")
    logout()
    terms = vocabulary(portal)
    internal = terms.getTerm(uid(portal, INTERNAL_PERSON))
    assert "Χατζηγεωργίου" not in str(internal.title)
    assert "Λαμπράκης" in terms.getTerm(uid(portal, SECRETARY)).title


class Data:
    def __init__(self, **values):
        self.__dict__.update({"mayor_attends": True, "represented_by": None, **values})


def test_representative_needed_when_the_mayor_is_absent(portal):
    IProtocolEvent.validateInvariants(Data())
    IProtocolEvent.validateInvariants(Data(mayor_attends=False, represented_by="x"))
    with pytest.raises(RepresentativeMissing) as raised:
        IProtocolEvent.validateInvariants(Data(mayor_attends=False))
    assert str(raised.value.args[0]).startswith("Represented by")


def test_protocol_section(portal, users):
    section = portal["protocol"]
    assert section.getLayout() == "protocol-calendar"
    assert api.content.get_state(section) == "published"
    assert IPrivateOfficeSection.providedBy(section)
    for user in ("office_editor", "gs_officer"):
        with api.env.adopt_user(username=user):
            addable = [fti.getId() for fti in section.allowedContentTypes()]
        assert addable == ["ProtocolEvent"], user


def test_repository_versions_events(portal):
    repository = api.portal.get_tool("portal_repository")
    assert "ProtocolEvent" in repository.getVersionableContentTypes()
    assert "at_edit_autoversion" in repository.getPolicyMap()["ProtocolEvent"]
