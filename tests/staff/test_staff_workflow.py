"""Who sees and does what on a leave or travel request, state by state."""

from AccessControl.PermissionRole import rolesForPermissionOn
from datetime import date
from datetime import timedelta
from municipality.intranet import _
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from staff_helpers import act
from staff_helpers import approve
from staff_helpers import make_leave
from staff_helpers import make_travel
from staff_helpers import transition
from zope.globalrequest import getRequest
from zope.i18n import translate

import pytest
import re


pytestmark = pytest.mark.dated


STEPS = {
    "draft": [],
    "submitted": [("employee", "submit")],
    "endorsed": [("employee", "submit"), ("head", "endorse")],
    "approved": [
        ("employee", "submit"),
        ("head", "endorse"),
        ("gs_officer", "approve"),
    ],
    "rejected": [("employee", "submit"), ("head", "reject")],
    "cancelled": [("employee", "submit"), ("employee", "cancel")],
}

PEOPLE = (
    "employee",
    "colleague",
    "head",
    "other_unit",
    "other_head",
    "gs_officer",
    "site_admin",
)

# Who sees the request in each state: never colleagues or other units.
SEES = {
    "draft": {"employee", "site_admin"},
    **{
        state: {"employee", "head", "gs_officer", "site_admin"}
        for state in ("submitted", "endorsed", "approved", "rejected", "cancelled")
    },
}
EDITS = {"draft": {"employee", "site_admin"}}
REVIEWS = {"submitted": {"head", "gs_officer"}, "endorsed": {"gs_officer"}}


def short(day) -> str:
    return re.escape(day.strftime("%d.%m.%Y"))


def reach(portal, state, factory=make_leave):
    obj = factory(portal)
    for user, name in STEPS[state]:
        transition(obj, user, name, comment="Λόγος" if name == "reject" else "")
    assert api.content.get_state(obj) == state
    return obj


def allowed(obj, username, permission) -> bool:
    return bool(api.user.has_permission(permission, username=username, obj=obj))


@pytest.mark.parametrize("factory", [make_leave, make_travel])
@pytest.mark.parametrize("state", sorted(STEPS))
def test_permissions_per_role_and_state(portal, users, state, factory):
    obj = reach(portal, state, factory)
    for username in PEOPLE:
        assert allowed(obj, username, "View") is (username in SEES[state]), username
        assert allowed(obj, username, "Modify portal content") is (
            username in EDITS.get(state, set())
        ), username
        assert allowed(
            obj, username, "municipality.intranet: Review staff request"
        ) is (username in REVIEWS.get(state, set())), username
    for role in ("Anonymous", "Authenticated", "Member", "Contributor", "Reader"):
        assert role not in rolesForPermissionOn("View", obj), role


@pytest.mark.parametrize("state", sorted(STEPS))
def test_search_shows_the_request_only_to_whom_may_see_it(portal, users, state):
    obj = reach(portal, state)
    catalog = api.portal.get_tool("portal_catalog")
    for username in PEOPLE:
        with api.env.adopt_user(username=username):
            found = {b.UID for b in catalog(portal_type="LeaveRequest")}
        assert (obj.UID() in found) is (username in SEES[state]), username
    with api.env.adopt_roles(["Anonymous"]):
        assert not catalog(portal_type=["LeaveRequest", "TravelRequest"])


def available(obj, username) -> set[str]:
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=username):
        return {t["id"] for t in workflow.getTransitionsFor(obj)}


def test_steps_offered_to_each(portal, users):
    leave = make_leave(portal)
    assert available(leave, "employee") == {"submit", "cancel"}
    transition(leave, "employee", "submit")
    assert available(leave, "employee") == {"retract", "cancel"}
    assert available(leave, "head") == {"endorse", "reject"}
    assert available(leave, "other_head") == set()
    assert available(leave, "colleague") == set()
    # The General Secretariat may endorse for an absent head.
    assert available(leave, "gs_officer") == {"endorse", "reject"}
    transition(leave, "head", "endorse")
    assert available(leave, "head") == set()
    assert available(leave, "gs_officer") == {"approve", "reject"}
    transition(leave, "gs_officer", "approve")
    assert available(leave, "gs_officer") == set()
    assert available(leave, "employee") == {"cancel"}


def test_nobody_endorses_their_own_request(portal, users):
    # The head asks for leave: only the General Secretariat can endorse it.
    leave = make_leave(portal, user="head")
    transition(leave, "head", "submit")
    assert available(leave, "head") == {"retract", "cancel"}
    transition(leave, "gs_officer", "endorse")
    assert api.content.get_state(leave) == "endorsed"


def test_nobody_approves_their_own_request(portal, users):
    from staff_users import create_users

    create_users({"gs_second": ["general-secretariat"]})
    leave = make_leave(portal, user="gs_officer")
    transition(leave, "gs_officer", "submit")
    transition(leave, "head", "endorse")
    assert "approve" not in available(leave, "gs_officer")
    transition(leave, "gs_second", "approve")
    assert leave.approved_by == "Gs Second"


def test_approval_signs_numbers_and_dates(portal, users):
    leave = make_leave(portal)
    approve(leave)
    assert leave.endorsed_by == "Head"
    assert leave.approved_by == "Gs Officer"
    assert leave.endorsed_on == leave.approved_on
    year = leave.approved_on.year
    assert leave.authorisation_number == f"{year}/0001"


def test_numbers_run_per_year_and_kind(portal, users):
    monday = make_leave(portal).start
    first = make_leave(portal, user="colleague", start=monday + timedelta(days=7))
    second = make_leave(portal, user="colleague", start=monday + timedelta(days=14))
    sick = make_leave(
        portal,
        user="colleague",
        leave_kind="sick",
        reason="Ίωση",
        start=monday + timedelta(days=21),
    )
    travel = make_travel(portal, user="colleague", start=monday + timedelta(days=28))
    for obj in (first, second, sick, travel):
        approve(obj, employee="colleague")
    year = first.approved_on.year
    assert [first.authorisation_number, second.authorisation_number] == [
        f"{year}/0001",
        f"{year}/0002",
    ]
    assert sick.authorisation_number == f"{year}/0001"
    assert travel.authorisation_number == f"{year}/0001"
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog.unrestrictedSearchResults(
        authorisation_number=f"{year}/0001", staff_series="travel"
    )
    assert len(found) == 1


def test_imported_numbers_are_skipped(portal, users):
    imported = make_leave(portal)
    imported.authorisation_number = f"{date.today().year}/0001"
    imported.reindexObject()
    leave = make_leave(portal, user="colleague")
    approve(leave, employee="colleague")
    assert leave.authorisation_number == f"{leave.approved_on.year}/0002"


def test_rejection_needs_a_reason(portal, users):
    leave = make_leave(portal)
    transition(leave, "employee", "submit")
    reason = translate(
        _("Give the reason why the request is not approved."), context=getRequest()
    )
    with pytest.raises(WorkflowException, match=re.escape(reason)):
        act(leave, "head", "reject", comment="  ")
    assert api.content.get_state(leave) == "submitted"
    transition(leave, "head", "reject", comment="Αιχμή εργασιών στο κλείσιμο έτους")
    assert leave.decision_reason == "Αιχμή εργασιών στο κλείσιμο έτους"
    assert not leave.authorisation_number


def test_the_general_secretary_may_reject_an_endorsed_request(portal, users):
    leave = make_leave(portal)
    transition(leave, "employee", "submit")
    transition(leave, "head", "endorse")
    transition(leave, "gs_officer", "reject", comment="Δεν επαρκεί το προσωπικό")
    assert api.content.get_state(leave) == "rejected"


def test_cancel_only_before_the_first_day(portal, users):
    started = make_leave(portal, start=date.today(), end=date.today())
    approve(started)
    assert "cancel" not in available(started, "employee")
    future = make_leave(portal, user="colleague")
    approve(future, employee="colleague")
    transition(future, "colleague", "cancel")
    assert api.content.get_state(future) == "cancelled"
    # The number stays given: the printed authorisation shows it cancelled.
    assert future.authorisation_number


def test_retract_to_change_the_dates(portal, users):
    leave = make_leave(portal)
    transition(leave, "employee", "submit")
    transition(leave, "employee", "retract")
    assert api.content.get_state(leave) == "draft"
    assert allowed(leave, "employee", "Modify portal content")


def test_overlap_found_at_each_step(portal, users):
    leave = make_leave(portal)
    twin = make_leave(portal, start=leave.start, end=leave.end)
    transition(twin, "employee", "submit")
    transition(twin, "head", "endorse")
    approve(leave)
    # The message names the approved request's dates.
    with pytest.raises(WorkflowException, match=short(leave.start)):
        act(twin, "gs_officer", "approve")
    assert api.content.get_state(twin) == "endorsed"
    draft = make_leave(portal, start=leave.end, end=leave.end + timedelta(days=3))
    with pytest.raises(WorkflowException, match=short(leave.end)):
        act(draft, "employee", "submit")


def test_travel_overlapping_leave_is_an_overlap(portal, users):
    leave = make_leave(portal)
    approve(leave)
    travel = make_travel(portal, start=leave.start + timedelta(days=1))
    with pytest.raises(WorkflowException, match=short(leave.start)):
        act(travel, "employee", "submit")


def test_warning_when_too_many_of_the_unit_are_away(portal, users):
    from municipality.intranet.staff_request_checks import crowded_days

    away = make_leave(portal, user="colleague")
    approve(away, employee="colleague")
    leave = make_leave(portal, start=away.start, end=away.start + timedelta(days=1))
    # employee, colleague and head are the unit: two of three away.
    days = crowded_days(leave)
    assert [(d.day, d.away, d.staff) for d in days] == [
        (leave.start, 2, 3),
        (leave.start + timedelta(days=1), 2, 3),
    ]
    api.portal.set_registry_record("municipality.intranet.absence_share_warning", 70)
    assert crowded_days(leave) == []
    # Alone away is never "too many", whatever the share.
    api.portal.set_registry_record("municipality.intranet.absence_share_warning", 1)
    alone = make_leave(
        portal, start=away.end + timedelta(days=3), end=away.end + timedelta(days=3)
    )
    assert crowded_days(alone) == []
