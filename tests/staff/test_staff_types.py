"""The leave and travel types: installed, their schema, where they are added,
who the employee is, working days, titles and ids, field rules."""

from datetime import date
from datetime import timedelta
from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import iterSchemataForType
from Products.CMFPlone.interfaces.constrains import ISelectableConstrainTypes
from staff_helpers import FINANCE
from staff_helpers import make_leave
from staff_helpers import make_travel
from staff_helpers import next_monday
from staff_helpers import TECHNICAL
from staff_helpers import uid
from types import SimpleNamespace
from zope import schema
from zope.component import getUtility
from zope.container.interfaces import INameChooser
from zope.i18n import translate
from zope.interface import Invalid

import contextlib
import pytest


pytestmark = pytest.mark.dated


TYPES = {
    "LeaveRequest": "municipality.intranet.AddLeaveRequest",
    "TravelRequest": "municipality.intranet.AddTravelRequest",
}

FIELDS = {
    "LeaveRequest": {
        "leave_kind": (schema.Choice, True),
        "employee_unit": (schema.Choice, True),
        "start": (schema.Date, True),
        "end": (schema.Date, True),
        "substitute": (schema.Choice, False),
        "reason": (schema.Text, False),
    },
    "TravelRequest": {
        "travel_scope": (schema.Choice, True),
        "destination": (schema.TextLine, True),
        "purpose": (schema.Text, True),
        "employee_unit": (schema.Choice, True),
        "start": (schema.Date, True),
        "end": (schema.Date, True),
        "transport": (schema.Choice, True),
        "estimated_cost": (schema.Float, False),
        "funding_source": (schema.Choice, True),
    },
}


def fields_of(type_name) -> dict:
    found = {}
    for schemata in iterSchemataForType(type_name):
        found.update(schema.getFieldsInOrder(schemata))
    return found


@pytest.mark.parametrize("type_name", sorted(TYPES))
def test_fti(portal, type_name):
    fti = getUtility(IDexterityFTI, name=type_name)
    assert fti.add_permission == TYPES[type_name]
    workflow = api.portal.get_tool("portal_workflow")
    assert workflow.getChainForPortalType(type_name) == (
        "municipality_staff_request_workflow",
    )


@pytest.mark.parametrize(
    "type_name,field",
    [(t, f) for t in sorted(FIELDS) for f in sorted(FIELDS[t])],
)
def test_fields(portal, type_name, field):
    kind, required = FIELDS[type_name][field]
    found = fields_of(type_name)[field]
    assert isinstance(found, kind)
    assert found.required is required


def test_section_is_private_and_takes_only_requests(portal):
    section = portal["staff-requests"]
    assert api.content.get_state(section) == "private"
    constraints = ISelectableConstrainTypes(section)
    assert set(constraints.getLocallyAllowedTypes()) == set(TYPES)
    assert section.getLayout() == "staff-requests"


@pytest.mark.parametrize(
    "username,allowed",
    [
        ("employee", True),
        ("head", True),
        ("other_unit", True),
        ("gs_officer", True),
    ],
)
def test_every_member_of_staff_may_ask(portal, users, username, allowed):
    with api.env.adopt_user(username=username):
        addable = {
            fti.getId() for fti in portal["staff-requests"].allowedContentTypes()
        }
    assert (set(TYPES) <= addable) is allowed


def test_requests_are_added_only_in_their_section(portal, users):
    unit = portal.unrestrictedTraverse(FINANCE)
    with api.env.adopt_user(username="head"):
        addable = {fti.getId() for fti in unit.allowedContentTypes()}
    assert not set(TYPES) & addable


def test_the_creator_is_the_employee(portal, users):
    leave = make_leave(portal, user="colleague")
    assert leave.employee == "colleague"
    assert leave.employee_name == "Colleague"
    assert "Colleague" in leave.Title()
    # Forms and REST name it by kind and date, never by the person.
    chosen = INameChooser(portal["staff-requests"]).chooseName(None, leave)
    assert chosen.startswith(f"leave-{leave.start.isoformat()}")
    assert leave.getOwner().getId() == "colleague"


def test_working_days_skip_weekends_and_holidays(portal, users):
    monday = next_monday()
    wednesday = monday + timedelta(days=2)
    api.portal.set_registry_record(
        "municipality.intranet.public_holidays",
        [f"{wednesday.isoformat()} | Holiday of the test"],
    )
    # Monday to the next Tuesday: 8 weekdays, less the Wednesday holiday.
    leave = make_leave(portal, start=monday, end=monday + timedelta(days=8))
    assert leave.working_days == 6
    leave.end = monday + timedelta(days=5)  # to Saturday
    api.content.get_view("edit", leave, portal.REQUEST)  # views do not recount
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    notify(ObjectModifiedEvent(leave))
    assert leave.working_days == 4


def test_travel_days_and_title(portal, users):
    travel = make_travel(portal, travel_scope="domestic")
    assert travel.working_days == 3
    assert travel.getId().startswith("travel-")
    assert travel.Title().startswith(("Domestic travel", "Μετακίνηση", "Ταξίδι"))


def invariant_errors(schemata, **values):
    data = SimpleNamespace(**values)
    errors = []
    with contextlib.suppress(Invalid):
        schemata.validateInvariants(data, errors)
    return [translate(error.args[0], target_language="en") for error in errors]


def test_last_day_before_first_is_refused(portal, users):
    from municipality.intranet.content.leave_request import ILeaveRequest

    start = next_monday()
    with api.env.adopt_user(username="employee"):
        errors = invariant_errors(
            ILeaveRequest, leave_kind="annual", start=start, end=start - timedelta(1)
        )
    assert errors == ["The last day cannot be before the first day."]


@pytest.mark.parametrize("kind,needs", [("annual", False), ("sick", True)])
def test_reason_needed_for_some_kinds(portal, users, kind, needs):
    from municipality.intranet.content.leave_request import ILeaveRequest

    start = next_monday()
    with api.env.adopt_user(username="employee"):
        errors = invariant_errors(
            ILeaveRequest, leave_kind=kind, start=start, end=start, reason=" "
        )
    assert ("This kind of leave needs a reason." in errors) is needs


def test_kinds_come_from_the_settings(portal):
    api.portal.set_registry_record(
        "municipality.intranet.leave_kinds",
        ["annual | Annual leave", "study | Εκπαιδευτική άδεια | reason"],
    )
    factory = getUtility(
        schema.interfaces.IVocabularyFactory, "municipality.intranet.LeaveKinds"
    )
    vocabulary = factory(portal)
    assert [term.value for term in vocabulary] == ["annual", "study"]
    assert vocabulary.getTerm("study").title == "Εκπαιδευτική άδεια"


def test_malformed_kind_lines_are_refused(portal):
    from municipality.intranet.leave_kinds import check_kind_lines
    from municipality.intranet.leave_kinds import InvalidLeaveKindLine

    assert check_kind_lines(["annual | Annual leave", "sick | Sick | reason"])
    with pytest.raises(InvalidLeaveKindLine):
        check_kind_lines([" | no id"])
    with pytest.raises(InvalidLeaveKindLine):
        check_kind_lines(["άδεια | Greek id"])


def test_own_units_only(portal, users):
    from municipality.intranet.staff_request_checks import check_employee_unit
    from municipality.intranet.staff_request_checks import NotYourUnit

    finance, technical = uid(portal, FINANCE), uid(portal, TECHNICAL)
    with api.env.adopt_user(username="employee"):
        assert check_employee_unit(finance)
        with pytest.raises(NotYourUnit):
            check_employee_unit(technical)
        factory = getUtility(
            schema.interfaces.IVocabularyFactory,
            "municipality.intranet.EmployeeUnits",
        )
        assert [t.value for t in factory(portal["staff-requests"])] == [finance]
    with api.env.adopt_user(username="gs_officer"):
        assert check_employee_unit(technical)


def test_substitutes_are_colleagues(portal, users):
    factory = getUtility(
        schema.interfaces.IVocabularyFactory, "municipality.intranet.Colleagues"
    )
    with api.env.adopt_user(username="employee"):
        values = {term.value for term in factory(portal["staff-requests"])}
    assert {"colleague", "head"} <= values
    assert "employee" not in values
    assert "other_unit" not in values


def test_the_default_unit_is_the_employees(portal, users):
    from municipality.intranet.staff_request_checks import default_employee_unit

    with api.env.adopt_user(username="other_unit"):
        assert default_employee_unit() == uid(portal, TECHNICAL)


def test_overlap_with_an_approved_request_is_refused(portal, users):
    from municipality.intranet.content.leave_request import ILeaveRequest
    from staff_helpers import approve

    first = make_leave(portal)
    approve(first)
    with api.env.adopt_user(username="employee"):
        errors = invariant_errors(
            ILeaveRequest,
            leave_kind="annual",
            start=first.end,
            end=first.end + timedelta(days=3),
        )
        clear = invariant_errors(
            ILeaveRequest,
            leave_kind="annual",
            start=first.end + timedelta(days=1),
            end=first.end + timedelta(days=3),
        )
    assert len(errors) == 1
    assert first.start.strftime("%d.%m.%Y") in errors[0]
    assert clear == []
    # A colleague may be away on the same days.
    with api.env.adopt_user(username="colleague"):
        assert (
            invariant_errors(
                ILeaveRequest, leave_kind="annual", start=first.start, end=first.end
            )
            == []
        )


def test_dates_in_the_past_are_allowed_for_sick_leave(portal, users):
    # Sick leave is often recorded after the days it covers.
    start = date.today() - timedelta(days=10)
    leave = make_leave(
        portal, leave_kind="sick", reason="Γρίπη", start=start, end=start
    )
    assert leave.start == start
