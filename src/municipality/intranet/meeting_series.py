"""Sessions of a recurring meeting (a series with a recurrence rule).

The series stays one event in the calendar; each session that needs its own
agenda, minutes and decisions is made a meeting of its own, on the next date
of the rule that has no session yet, with the series' body, place and
invitations.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from datetime import timedelta
from plone import api
from plone.app.event.base import localized_now
from plone.event.interfaces import IRecurrenceSupport


SERIES_ATTRIBUTE = "series_uid"
COPIED = ("body", "location", "convened_by", "invited_units", "invited_people")


def sessions_of(series) -> list:
    """The meetings made from ``series``, by date."""
    uid = api.content.get_uuid(series)
    container = aq_parent(aq_inner(series))
    sessions = [
        item
        for item in container.objectValues()
        if getattr(item, SERIES_ATTRIBUTE, None) == uid
    ]
    return sorted(sessions, key=lambda meeting: meeting.start)


def next_date(series):
    """The next occurrence after now and after the last session made, or None."""
    sessions = sessions_of(series)
    after = localized_now(series)
    if sessions and sessions[-1].start >= after:
        after = sessions[-1].start + timedelta(minutes=1)
    occurrences = IRecurrenceSupport(series).occurrences(range_start=after)
    for occurrence in occurrences:
        if occurrence.start >= after:
            return occurrence.start, occurrence.end
    return None


def make_next_session(series):
    """Create the meeting of the next session; None when the rule has ended."""
    dates = next_date(series)
    if dates is None:
        return None
    start, end = dates
    container = aq_parent(aq_inner(series))
    values = {name: getattr(series, name, None) for name in COPIED}
    session = api.content.create(
        container=container,
        type="Meeting",
        title=f"{series.Title()} – {start.strftime('%d.%m.%Y')}",
        start=start,
        end=end,
        meeting_status="scheduled",
        **{name: value for name, value in values.items() if value is not None},
    )
    setattr(session, SERIES_ATTRIBUTE, api.content.get_uuid(series))
    return session
