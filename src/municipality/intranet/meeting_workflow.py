"""What happens when decisions and minutes move through their workflows."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from datetime import date
from municipality.intranet.circular_numbering import first_free
from municipality.intranet.content.meeting import IMeeting
from municipality.intranet.meeting_bodies import is_public_body
from municipality.intranet.site_clock import site_today
from plone import api


NUMBERING = ("record", "publish")
DECISION_FORMAT = "{number}/{year}"


def meeting_of(obj):
    """The meeting an agenda item, decision or minutes belong to, or None."""
    current = aq_inner(obj)
    while current is not None:
        if IMeeting.providedBy(current):
            return current
        current = aq_parent(current)
    return None


def meeting_date(meeting) -> date | None:
    start = getattr(meeting, "start", None)
    return start.date() if start is not None else None


def meets_in_public(obj) -> bool:
    meeting = meeting_of(obj)
    return meeting is not None and is_public_body(meeting.body)


def free_decision_number(body: str, year: int) -> str:
    """The next number of the body's series for the year, ``N/YYYY``.

    The circulars' counter (one persistent counter per series, a conflict
    on it retries the request), in a series of its own per body.
    """
    catalog = api.portal.get_tool("portal_catalog")
    return first_free(
        year,
        f"decision:{body}",
        lambda number: DECISION_FORMAT.format(number=number, year=year),
        lambda text: bool(
            catalog.unrestrictedSearchResults(
                portal_type="Decision", decision_number=text, meeting_body=body
            )
        ),
    )


def number_decision(decision, event) -> None:
    transition = event.transition
    if transition is None or transition.id not in NUMBERING:
        return
    if decision.decision_number:
        return
    meeting = meeting_of(decision)
    body = meeting.body if meeting is not None else ""
    when = (meeting_date(meeting) if meeting is not None else None) or site_today()
    decision.decision_body = body
    decision.decision_year = when.year
    decision.decision_number = free_decision_number(body, when.year)
    decision.reindexObject()


def approve_minutes(minutes, event) -> None:
    transition = event.transition
    if transition is None:
        return
    if transition.id == "approve" and not minutes.approved_on:
        user = api.user.get_current()
        minutes.approved_on = site_today()
        minutes.approved_by = user.getProperty("fullname") or user.getId()
    elif transition.id == "send_back":
        minutes.approved_on = None
        minutes.approved_by = None
