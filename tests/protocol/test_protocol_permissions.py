"""Who sees, edits, adds and moves protocol events, per role and state.

Roles: anonymous, any member of staff, a member of an unrelated unit
(technical services), the Private Office's members and editors (their
groups have Reader, Contributor, Editor and Reviewer in the section), the
General Secretariat, a site administrator.
"""

from plone import api
from plone.app.testing import logout
from protocol_helpers import can
from protocol_helpers import make_event
from protocol_helpers import STATES
from protocol_helpers import transitions_for

import pytest


VIEW = "View"
MODIFY = "Modify portal content"
ADD = "municipality.intranet: Add ProtocolEvent"
NOTES = "municipality.intranet: View internal details"

OFFICE = {"office_member", "office_editor", "gs_officer", "site_admin"}
STAFF = ("staff", "technical_member", *sorted(OFFICE))

VIEWERS = {
    "draft": OFFICE,
    "internal": set(STAFF),
    "published": set(STAFF) | {"anonymous"},
}
EDITORS = {"draft": OFFICE, "internal": OFFICE, "published": OFFICE}
# Transitions each reviewer (the office and the General Secretariat) gets.
TRANSITIONS = {
    "draft": {"make_internal", "publish"},
    "internal": {"publish", "retract"},
    "published": {"make_internal", "retract"},
}


def anonymous_can(permission, obj) -> bool:
    logout()
    return bool(api.user.has_permission(permission, obj=obj))


def anonymous_finds(obj) -> bool:
    logout()
    return bool(api.portal.get_tool("portal_catalog")(UID=obj.UID()))


@pytest.mark.parametrize("state", STATES)
def test_visibility(portal, users, state):
    event = make_event(portal, f"Επίσκεψη {state}", state)
    assert api.content.get_state(event) == state
    for user in STAFF:
        assert can(user, VIEW, event) == (user in VIEWERS[state]), user
    expected = "anonymous" in VIEWERS[state]
    assert anonymous_can(VIEW, event) == expected
    assert anonymous_finds(event) == expected


@pytest.mark.parametrize("state", STATES)
def test_who_edits(portal, users, state):
    event = make_event(portal, f"Υποδοχή {state}", state)
    for user in STAFF:
        assert can(user, MODIFY, event) == (user in EDITORS[state]), user
    assert not anonymous_can(MODIFY, event)


@pytest.mark.parametrize("state", STATES)
def test_who_moves_it_through_the_workflow(portal, users, state):
    event = make_event(portal, f"Τελετή {state}", state)
    for user in ("office_member", "office_editor", "gs_officer", "site_admin"):
        assert transitions_for(user, event) == TRANSITIONS[state], user
    for user in ("staff", "technical_member"):
        assert transitions_for(user, event) == set(), user


@pytest.mark.parametrize("state", STATES)
def test_notes_are_for_staff_only(portal, users, state):
    event = make_event(portal, f"Εγκαίνια {state}", state, protocol_notes="Σημείωση")
    for user in STAFF:
        if user in VIEWERS[state]:
            assert can(user, NOTES, event), user
    assert not anonymous_can(NOTES, event)


def test_who_adds_events(portal, users):
    section = portal["protocol"]
    for user in ("office_member", "office_editor", "gs_officer", "site_admin"):
        assert can(user, ADD, section), user
        assert can(user, "Add portal content", section), user
    for user in ("staff", "technical_member"):
        assert not can(user, ADD, section), user
        assert not can(user, "Add portal content", section), user
    assert not anonymous_can(ADD, section)


def test_other_units_do_not_add_in_their_unit(portal, users):
    unit = portal.unrestrictedTraverse(
        "units/mayors-office/general-secretariat/technical-services"
    )
    assert not can("technical_member", ADD, unit)


def test_the_general_secretariat_prepares_events_too(portal, users):
    event = make_event(portal, "Υποδοχή αντιπροσωπείας", user="gs_officer")
    assert can("office_editor", MODIFY, event)
    assert not can("staff", VIEW, event)


def test_a_retracted_event_leaves_the_public_calendar(portal, users):
    event = make_event(portal, "Εορτή", "published")
    assert anonymous_can(VIEW, event)
    with api.env.adopt_user(username="office_member"):
        api.content.transition(obj=event, transition="retract")
    assert not anonymous_can(VIEW, event)
    assert not can("technical_member", VIEW, event)
