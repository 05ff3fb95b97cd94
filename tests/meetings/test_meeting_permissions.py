"""Who sees and does what, per role and workflow state.

Roles: anonymous, any member of staff, a member of the responsible or
rapporteur unit (finance), a member of another unit (technical), the
General Secretariat (gs_officer), a site administrator.
"""

from meeting_helpers import can
from meeting_helpers import FINANCE
from meeting_helpers import make_decision
from meeting_helpers import make_instruction
from meeting_helpers import make_meeting
from meeting_helpers import transition
from meeting_helpers import uid
from plone import api
from plone.app.testing import logout
from plone.app.uuid.utils import uuidToObject

import pytest


VIEW = "View"
ADD_NOTE = "municipality.intranet: Add ProgressNote"
CLOSE = "municipality.intranet: Close follow-up"
PREPARE = "municipality.intranet: Prepare agenda item"
DASHBOARD = "municipality.intranet: View follow-up dashboard"

STAFF = ("staff", "finance_member", "technical_member", "gs_officer", "site_admin")


def anonymous_can_view(obj) -> bool:
    logout()
    return bool(api.user.has_permission(VIEW, obj=obj))


def anonymous_finds(portal, obj) -> bool:
    logout()
    catalog = api.portal.get_tool("portal_catalog")
    return bool(catalog(UID=obj.UID()))


# state → who may view (besides Manager)
MEETING_VIEWERS = {
    "draft": {"gs_officer", "site_admin"},
    "internal": set(STAFF),
    "published": set(STAFF) | {"anonymous"},
}


@pytest.mark.parametrize("state", ["draft", "internal", "published"])
def test_meeting_visibility(portal, meeting, state):
    if state == "internal":
        transition(meeting, "gs_officer", "circulate")
    elif state == "published":
        transition(meeting, "gs_officer", "publish")
    for user in STAFF:
        assert can(user, VIEW, meeting) == (user in MEETING_VIEWERS[state]), user
    expected = "anonymous" in MEETING_VIEWERS[state]
    assert anonymous_can_view(meeting) == expected
    assert anonymous_finds(portal, meeting) == expected


def test_internal_bodies_cannot_be_published(portal, users):
    coordination = make_meeting(
        portal, body="coordination-council", title="Συντονιστικό"
    )
    with api.env.adopt_user(username="gs_officer"):
        transitions = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(
                coordination
            )
        }
    assert "publish" not in transitions
    assert "circulate" in transitions
    with pytest.raises(api.exc.InvalidParameterError):
        transition(coordination, "gs_officer", "publish")


def test_rapporteur_unit_sees_and_prepares_its_item_only(portal, meeting, items):
    finance_item, technical_item = items
    # The meeting is still being prepared: staff do not see it...
    assert not can("finance_member", VIEW, meeting)
    # ...but the rapporteur unit sees its own item, and prepares it.
    assert can("finance_member", VIEW, finance_item)
    assert can("finance_member", PREPARE, finance_item)
    assert can("finance_member", "plone.app.contenttypes: Add File", finance_item)
    assert not can("finance_member", VIEW, technical_item)
    assert not can("finance_member", PREPARE, technical_item)
    assert can("technical_member", PREPARE, technical_item)
    assert not can("finance_member", "Modify portal content", finance_item)
    assert can("gs_officer", "Modify portal content", finance_item)
    # Rapporteurs do not write decisions.
    assert not can(
        "finance_member", "municipality.intranet: Add Decision", finance_item
    )
    assert can("gs_officer", "municipality.intranet: Add Decision", finance_item)


def test_only_the_general_secretariat_prepares_meetings(portal, users):
    meetings = portal["meetings"]
    assert can("gs_officer", "municipality.intranet: Add Meeting", meetings)
    for user in ("staff", "finance_member", "technical_member"):
        assert not can(user, "municipality.intranet: Add Meeting", meetings), user
        assert not can(user, "Add portal content", meetings), user


@pytest.mark.parametrize("state", ["draft", "recorded", "published"])
def test_decision_visibility_and_follow_up_rights(portal, meeting, state):
    transition(meeting, "gs_officer", "publish")
    decision = make_decision(meeting, [uid(portal, FINANCE)])
    if state != "draft":
        transition(
            decision, "gs_officer", "record" if state == "recorded" else "publish"
        )
    viewers = {
        "draft": {"gs_officer", "site_admin"},
        "recorded": set(STAFF),
        "published": set(STAFF),
    }[state]
    for user in STAFF:
        assert can(user, VIEW, decision) == (user in viewers), (user, state)
    assert anonymous_can_view(decision) == (state == "published")
    assert anonymous_finds(portal, decision) == (state == "published")
    # Only the responsible unit reports progress, only the GS closes.
    reporters = {"finance_member"} if state != "draft" else set()
    for user in STAFF:
        assert can(user, ADD_NOTE, decision) == (user in reporters), (user, state)
    for user in STAFF:
        assert can(user, CLOSE, decision) == (user in {"gs_officer", "site_admin"})


def test_instruction_is_for_its_units_and_the_general_secretariat(portal, users):
    instruction = make_instruction(portal, [uid(portal, FINANCE)])
    assert not can("finance_member", VIEW, instruction)
    transition(instruction, "gs_officer", "give")
    assert can("finance_member", VIEW, instruction)
    assert can("finance_member", ADD_NOTE, instruction)
    assert can("gs_officer", VIEW, instruction)
    assert not can("gs_officer", ADD_NOTE, instruction)
    for user in ("staff", "technical_member"):
        assert not can(user, VIEW, instruction), user
    assert not anonymous_can_view(instruction)
    assert not anonymous_finds(portal, instruction)


def test_changing_the_responsible_unit_moves_access(portal, users):
    from meeting_helpers import TECHNICAL
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    instruction = make_instruction(portal, [uid(portal, FINANCE)])
    transition(instruction, "gs_officer", "give")
    with api.env.adopt_user(username="gs_officer"):
        instruction.responsible_units = [uid(portal, TECHNICAL)]
        notify(ObjectModifiedEvent(instruction))
    assert not can("finance_member", VIEW, instruction)
    assert can("technical_member", VIEW, instruction)
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username="technical_member"):
        assert catalog(UID=instruction.UID())
    with api.env.adopt_user(username="finance_member"):
        assert not catalog(UID=instruction.UID())


def test_dashboard_is_for_the_general_secretariat(portal, users):
    for user in ("staff", "finance_member", "technical_member"):
        assert not can(user, DASHBOARD, portal), user
    assert can("gs_officer", DASHBOARD, portal)
    assert can("site_admin", DASHBOARD, portal)


def test_unit_uids_resolve(portal):
    assert uuidToObject(uid(portal, FINANCE)) is not None


@pytest.mark.parametrize(
    "body,path,viewers,public",
    [
        ("council", ["approve"], {"gs_officer", "site_admin"}, False),
        ("council", ["approve", "publish"], set(STAFF), True),
        ("coordination-council", ["approve", "circulate"], set(STAFF), False),
    ],
)
def test_minutes_visibility(portal, users, body, path, viewers, public):
    meeting = make_meeting(portal, body=body, title=f"Συνεδρίαση {body}")
    with api.env.adopt_user(username="gs_officer"):
        minutes = api.content.create(
            container=meeting, type="Minutes", title="Πρακτικά"
        )
    assert not can("staff", VIEW, minutes)
    for name in path:
        transition(minutes, "gs_officer", name)
    assert minutes.approved_on is not None
    for user in STAFF:
        assert can(user, VIEW, minutes) == (user in viewers), user
    assert anonymous_can_view(minutes) == public
    # Approved minutes are no longer edited by the office, only corrected by admins.
    assert not can("gs_officer", "Modify portal content", minutes)


def test_minutes_of_internal_bodies_are_never_published(portal, users):
    meeting = make_meeting(portal, body="mayor-briefing", title="Ενημέρωση Δημάρχου")
    with api.env.adopt_user(username="gs_officer"):
        minutes = api.content.create(
            container=meeting, type="Minutes", title="Πρακτικά"
        )
    transition(minutes, "gs_officer", "approve")
    with pytest.raises(api.exc.InvalidParameterError):
        transition(minutes, "gs_officer", "publish")


def test_edits_of_decisions_are_versioned(portal, meeting):
    decision = make_decision(meeting, [uid(portal, FINANCE)])
    transition(decision, "gs_officer", "record")
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_user(username="gs_officer"):
        repository.save(decision, comment="Πρώτη μορφή")
        decision.title = "Έγκριση τροποποιημένου προϋπολογισμού"
        repository.save(decision, comment="Διόρθωση τίτλου")
        history = repository.getHistoryMetadata(decision)
        assert history.getLength(countPurged=False) >= 2
    assert repository.isVersionable(decision)
    assert repository.supportsPolicy(decision, "at_edit_autoversion")
