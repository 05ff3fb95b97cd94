"""Checks of leave and travel requests: the unit, overlaps, absent shares.

An employee cannot be away twice: dates that overlap an approved request
of theirs are refused, in forms and REST when the request is saved, and
again at each step (another request may have been approved meanwhile).
A unit too empty on some days only gets a warning: the head decides.
"""

from datetime import timedelta
from municipality.intranet import _
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.staff_request_texts import kind_label
from municipality.intranet.staff_units import is_coordinator
from municipality.intranet.staff_units import unit_staff
from municipality.intranet.staff_units import units_of
from municipality.intranet.working_days import holidays
from municipality.intranet.working_days import is_working_day
from plone import api
from plone.app.uuid.utils import uuidToObject
from typing import NamedTuple
from zope.interface import Invalid
from zope.schema import ValidationError


STAFF_TYPES = ("LeaveRequest", "TravelRequest")
SHARE_RECORD = "municipality.intranet.absence_share_warning"


class NotYourUnit(ValidationError):
    __doc__ = _("Choose a unit whose staff you are.")


def current_user():
    try:
        return api.user.get_current()
    except api.exc.CannotGetPortalError:
        return None


def default_employee_unit():
    """The (first) unit of the current user."""
    user = current_user()
    if user is None or api.user.is_anonymous():
        return None
    units = units_of(user)
    return units[0].UID() if units else None


def check_employee_unit(value: str) -> bool:
    """Constraint: a unit of the current user (anyone's for coordinators)."""
    user = current_user()
    if user is None or is_coordinator(user):
        return True
    if value not in {unit.UID() for unit in units_of(user)}:
        raise NotYourUnit(value)
    return True


def is_staff_request(obj) -> bool:
    return getattr(obj, "portal_type", None) in STAFF_TYPES


def approved_overlaps(employee, start, end, exclude_uid=None) -> list:
    """The employee's approved requests that share a day with start–end."""
    if not (employee and start and end):
        return []
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=list(STAFF_TYPES),
        staff_employee=employee,
        review_state="approved",
        absence_start={"query": end, "range": "max"},
        absence_end={"query": start, "range": "min"},
        sort_on="absence_start",
    )
    return [
        brain._unrestrictedGetObject() for brain in brains if exclude_uid != brain.UID
    ]


def overlap_mapping(other) -> dict:
    return {
        "kind": kind_label(other),
        "start": short_date(other.start),
        "end": short_date(other.end),
        "name": other.employee_name or other.employee,
    }


def no_overlap(data) -> None:
    """Invariant: no day in common with an approved request of the employee."""
    start = getattr(data, "start", None)
    end = getattr(data, "end", None)
    if not (start and end) or end < start:
        return
    context = getattr(data, "__context__", None)
    if is_staff_request(context) and getattr(context, "employee", None):
        employee, exclude = context.employee, context.UID()
    else:
        user = current_user()
        employee, exclude = (user.getId() if user is not None else None), None
    clashes = approved_overlaps(employee, start, end, exclude)
    if clashes:
        raise Invalid(
            _(
                "These dates overlap your approved request (${kind}, ${start} "
                "to ${end}).",
                mapping=overlap_mapping(clashes[0]),
            )
        )


def overlap_error(obj):
    """The message for a request whose employee is already away, or None."""
    clashes = approved_overlaps(obj.employee, obj.start, obj.end, obj.UID())
    if not clashes:
        return None
    return _(
        "These dates overlap an approved request of ${name} (${kind}, ${start} "
        "to ${end}).",
        mapping=overlap_mapping(clashes[0]),
    )


class CrowdedDay(NamedTuple):
    day: object
    away: int
    staff: int


def share_limit() -> int:
    return api.portal.get_registry_record(SHARE_RECORD, default=30) or 30


def approved_in_unit(unit_uid, start, end) -> list:
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type=list(STAFF_TYPES),
            staff_unit=unit_uid,
            review_state="approved",
            absence_start={"query": end, "range": "max"},
            absence_end={"query": start, "range": "min"},
        )
    ]


def crowded_days(obj) -> list[CrowdedDay]:
    """Working days of the request on which, with it, more than the
    configured share of the unit's staff would be away. One person alone
    away is never "too many": a unit of two would always be warned."""
    if not (obj.start and obj.end and obj.employee_unit):
        return []
    unit = uuidToObject(obj.employee_unit, unrestricted=True)
    if unit is None:
        return []
    staff = set(unit_staff(unit)) | {obj.employee}
    others = [
        other
        for other in approved_in_unit(obj.employee_unit, obj.start, obj.end)
        if other.employee != obj.employee
    ]
    limit, closed, found = share_limit(), holidays(), []
    day = obj.start
    while day <= obj.end:
        if is_working_day(day, closed):
            away = {obj.employee} | {
                other.employee for other in others if other.start <= day <= other.end
            }
            if len(away) > 1 and len(away) * 100 > limit * len(staff):
                found.append(CrowdedDay(day, len(away), len(staff)))
        day += timedelta(days=1)
    return found
