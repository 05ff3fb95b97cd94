"""Helpers for leave and travel tests: users per role, requests, steps."""

from datetime import date
from datetime import timedelta
from municipality.intranet.working_days import national_holidays
from plone import api
from staff_users import create_users as create_staff
from staff_users import PASSWORD  # noqa: F401 - the tests import it from here


GS = "units/mayors-office/general-secretariat"
FINANCE = f"{GS}/financial-services"
TECHNICAL = f"{GS}/technical-services"

# username → groups; "site_admin" also gets the Site Administrator role.
USERS = {
    "employee": ["financial-services-members"],
    "colleague": ["financial-services-members"],
    "head": ["financial-services-editors"],
    "other_unit": ["technical-services-members"],
    "other_head": ["technical-services-editors"],
    "gs_officer": ["general-secretariat"],
    "site_admin": [],
}


def create_users():
    create_staff(USERS, site_admins=["site_admin"])


def uid(portal, path) -> str:
    return portal.unrestrictedTraverse(path).UID()


def next_monday(after: date | None = None) -> date:
    """A Monday at least a week ahead: cancellable, clear of holidays' edges.

    The two weeks from it hold no public holiday of the Greek demo site, so
    that a request's working days are its weekdays whatever the day.
    """
    day = (after or date.today()) + timedelta(days=7)
    monday = day + timedelta(days=(7 - day.weekday()) % 7)
    while any(
        (each.year, each.month, each.day) in national_holidays("GR", each.year)
        for each in (monday + timedelta(days=n) for n in range(14))
    ):
        monday += timedelta(days=7)
    return monday


def create(portal, type_name, user, values, fields):
    """A request created by ``user``, named like the forms name it."""
    values.update(fields)
    prefix = "travel" if type_name == "TravelRequest" else "leave"
    with api.env.adopt_user(username=user):
        return api.content.create(
            container=portal["staff-requests"],
            type=type_name,
            safe_id=True,
            id=f"{prefix}-{values['start'].isoformat()}",
            **values,
        )


def make_leave(portal, user="employee", unit=FINANCE, **fields):
    start = fields.pop("start", None) or next_monday()
    values = {
        "leave_kind": "annual",
        "start": start,
        "end": start + timedelta(days=4),
        "employee_unit": uid(portal, unit),
    }
    return create(portal, "LeaveRequest", user, values, fields)


def make_travel(portal, user="employee", unit=FINANCE, **fields):
    start = fields.pop("start", None) or next_monday()
    values = {
        "travel_scope": "abroad",
        "destination": "Βρυξέλλες, Βέλγιο",
        "purpose": "Συνέδριο για την ψηφιακή διακυβέρνηση των δήμων",
        "transport": "plane",
        "funding_source": "programme",
        "estimated_cost": 850.0,
        "start": start,
        "end": start + timedelta(days=2),
        "employee_unit": uid(portal, unit),
    }
    return create(portal, "TravelRequest", user, values, fields)


def transition(obj, user, name, **kwargs):
    with api.env.adopt_user(username=user):
        api.content.transition(obj=obj, transition=name, **kwargs)


def act(obj, user, name, **kwargs):
    """A step as the web and REST take it: our WorkflowException, unwrapped."""
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=user):
        workflow.doActionFor(obj, name, **kwargs)


def approve(obj, employee="employee", head="head", gs="gs_officer"):
    transition(obj, employee, "submit")
    transition(obj, head, "endorse")
    transition(obj, gs, "approve")
