"""The meeting types: installed, with their schema, containment and workflows."""

from meeting_helpers import FINANCE
from meeting_helpers import make_decision
from meeting_helpers import uid
from municipality.intranet.meeting_bodies import check_lines
from municipality.intranet.meeting_bodies import InvalidBodyLine
from municipality.intranet.meeting_bodies import is_public_body
from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from zope.component import getUtility
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest


TYPES = {
    # type: (allowed inside, workflow, behaviors that must be there)
    "Meeting": (
        {"AgendaItem", "Minutes", "Decision", "File"},
        "municipality_meeting_workflow",
        {"plone.eventbasic", "plone.eventrecurrence", "plone.eventlocation"},
    ),
    "AgendaItem": ({"File", "Decision"}, None, {"plone.versioning"}),
    "Minutes": (set(), "municipality_minutes_workflow", {"plone.versioning"}),
    "Decision": (
        {"ProgressNote", "File"},
        "municipality_decision_workflow",
        {"municipality.intranet.follow_up", "plone.versioning"},
    ),
    "Instruction": (
        {"ProgressNote", "File"},
        "municipality_instruction_workflow",
        {"municipality.intranet.follow_up", "plone.versioning"},
    ),
    "ProgressNote": (set(), "municipality_note_workflow", {"plone.versioning"}),
}


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_fti(portal, portal_type):
    allowed, workflow, behaviors = TYPES[portal_type]
    fti = queryUtility(IDexterityFTI, name=portal_type)
    assert fti is not None
    assert set(fti.allowed_content_types) == allowed
    assert behaviors <= set(fti.behaviors)
    chain = api.portal.get_tool("portal_workflow").getChainForPortalType(portal_type)
    assert chain == ((workflow,) if workflow else ())


@pytest.mark.parametrize(
    "portal_type,field",
    [
        ("Meeting", "body"),
        ("Meeting", "session_number"),
        ("Meeting", "meeting_status"),
        ("Meeting", "invited_units"),
        ("Meeting", "present"),
        ("AgendaItem", "rapporteur_unit"),
        ("AgendaItem", "preparation_deadline"),
        ("AgendaItem", "preparation_status"),
        ("AgendaItem", "outcome"),
        ("Minutes", "text"),
        ("Minutes", "approved_on"),
        ("Decision", "decision_number"),
        ("Instruction", "given_by"),
        ("ProgressNote", "attachment"),
    ],
)
def test_schema_fields(portal, portal_type, field):
    fti = getUtility(IDexterityFTI, name=portal_type)
    assert field in fti.lookupSchema()


def test_meetings_and_instructions_sections(portal, users):
    assert portal["meetings"].getLayout() == "event_listing"
    assert api.content.get_state(portal["meetings"]) == "published"
    assert api.content.get_state(portal["instructions"]) == "private"
    roles = portal["instructions"].get_local_roles_for_userid("general-secretariat")
    assert {"Contributor", "Editor"} <= set(roles)
    with api.env.adopt_user(username="gs_officer"):
        for name, expected in (
            ("instructions", "Instruction"),
            ("meetings", "Meeting"),
        ):
            addable = [fti.getId() for fti in portal[name].allowedContentTypes()]
            assert addable == [expected]


def test_bodies_in_the_site_language(portal):
    vocabulary = getUtility(IVocabularyFactory, "municipality.intranet.MeetingBodies")
    titles = {term.value: term.title for term in vocabulary(portal)}
    assert titles["council"] == "Δημοτικό Συμβούλιο"
    assert is_public_body("council")
    assert not is_public_body("coordination-council")
    assert not is_public_body("no-such-body")


@pytest.mark.parametrize(
    "lines",
    [
        ["council | public"],
        ["council | sometimes | Council"],
        ["Council Room | public | Council"],
        ["council | public | A", "council | internal | B"],
        ["council | public | "],
    ],
)
def test_body_lines_are_checked(lines):
    with pytest.raises(InvalidBodyLine):
        check_lines(lines)


def test_good_body_lines(portal):
    assert check_lines(["council | public | Council", "", "gs-1 | internal | GS"])


def test_minutes_once_per_meeting(portal, meeting):
    def addable():
        with api.env.adopt_user(username="gs_officer"):
            return {fti.getId() for fti in meeting.allowedContentTypes()}

    assert "Minutes" in addable()
    with api.env.adopt_user(username="gs_officer"):
        api.content.create(container=meeting, type="Minutes", title="Πρακτικά")
    assert "Minutes" not in addable()
    assert {"AgendaItem", "Decision"} <= addable()


def test_closed_items_take_no_progress_notes(portal, meeting):
    def addable(obj):
        with api.env.adopt_roles(["Manager"]):
            return {fti.getId() for fti in obj.allowedContentTypes()}

    decision = make_decision(meeting, [uid(portal, FINANCE)])
    assert "ProgressNote" in addable(decision)
    decision.implementation_status = "implemented"
    assert "ProgressNote" not in addable(decision)
    unfollowed = make_decision(meeting, [], title="Έγκριση πρακτικών")
    assert "ProgressNote" not in addable(unfollowed)
