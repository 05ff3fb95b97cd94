"""iCalendar of meetings: one meeting, or a subscribable feed of all of them.

Built on plone.app.event's exporter, with each meeting's body as its
category and prefix and its status (cancelled, postponed) as STATUS. The
feed is a catalog search as the requesting user, so anonymous subscribers
get public meetings only.
"""

from municipality.intranet.event_series import series_dates_in_calendar
from municipality.intranet.meeting_bodies import body_title
from plone import api
from plone.app.event.base import get_events
from plone.app.event.base import RET_MODE_OBJECTS
from plone.app.event.ical.exporter import construct_icalendar
from Products.Five.browser import BrowserView


ICS_STATUS = {
    "scheduled": "CONFIRMED",
    "held": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def meetings_calendar(context, meetings):
    """An icalendar.Calendar of ``meetings`` (content objects)."""
    calendar = construct_icalendar(context, meetings)
    series_dates_in_calendar(calendar, meetings)
    by_uid = {meeting.UID(): meeting for meeting in meetings}
    for event in calendar.walk("VEVENT"):
        # Behind a request the exporter appends "@host" to the UID.
        meeting = by_uid.get(str(event.get("UID", "")).split("@", 1)[0])
        if meeting is None:
            continue
        body = body_title(meeting.body) if meeting.body else ""
        if body:
            event.pop("CATEGORIES", None)
            event.add("categories", [body])
            if body not in str(event["SUMMARY"]):
                event["SUMMARY"] = f"{body}: {event['SUMMARY']}"
        status = ICS_STATUS.get(meeting.meeting_status or "")
        if status:
            event.add("status", status)
    return calendar


def respond(request, calendar, filename: str) -> bytes:
    response = request.response
    response.setHeader("Content-Type", "text/calendar; charset=utf-8")
    response.setHeader("Content-Disposition", f'inline; filename="{filename}"')
    if not api.user.is_anonymous():
        response.setHeader("Cache-Control", "private, no-store")
    return calendar.to_ical()


class MeetingCalendar(BrowserView):
    """``ics_view`` of one meeting."""

    def __call__(self):
        calendar = meetings_calendar(self.context, [self.context])
        return respond(self.request, calendar, f"{self.context.getId()}.ics")


class MeetingsCalendar(BrowserView):
    """``@@meetings.ics``: every meeting the requesting user may see."""

    def __call__(self):
        meetings = get_events(
            api.portal.get(),
            ret_mode=RET_MODE_OBJECTS,
            expand=False,
            portal_type="Meeting",
        )
        calendar = meetings_calendar(self.context, list(meetings))
        return respond(self.request, calendar, "meetings.ics")
