"""The dates of an event series as the catalog and the iCalendar feeds need them.

plone.app.event's accessor answers, for a recurring event, its *next*
occurrence as of the moment it is asked. The catalog's ``start`` and ``end``
indexes are written with that answer, so they describe one occurrence chosen
by the day of the last reindex: a range search (a month grid, a list, "coming
meetings") then finds the series only in the month of that occurrence, never
in the months before it or after it, and the result changes with the day the
site is looked at. The iCalendar exporter writes that occurrence as DTSTART
with the series' own rule, which moves the whole series.

The ``start`` and ``end`` indexes are DateRecurringIndexes: they repeat the
value they are given by the event's rule. Given the first occurrence, they
hold every occurrence of the series, whatever the day of indexing; given the
next one, as plone.app.event does, they lose the past ones and add as many
after the rule's end.
"""

from datetime import datetime
from datetime import timedelta
from plone.app.event.base import dt_end_of_day
from plone.app.event.base import dt_start_of_day
from plone.app.event.dx.interfaces import IDXEvent
from plone.base.interfaces import IPloneCatalogTool
from plone.event.interfaces import IOccurrence
from plone.event.utils import pydt
from plone.indexer import indexer


def first_occurrence(event) -> tuple[datetime, datetime]:
    """Start and end of the series' first occurrence, as stored on ``event``."""
    start = pydt(event.start)
    end = pydt(event.end) if getattr(event, "end", None) else start
    if getattr(event, "whole_day", False):
        start, end = dt_start_of_day(start), dt_end_of_day(end)
    elif getattr(event, "open_end", False):
        end = dt_end_of_day(start)
    return start, max(start, end)


def occurrence_dates(item) -> tuple[datetime, datetime]:
    """Start and end of one result of an expanded event search.

    An expansion gives occurrences, and the event itself for its first
    occurrence: asked for its dates, that event would answer its next
    occurrence (a year later, for a yearly holiday whose day has passed).
    """
    if IOccurrence.providedBy(item):
        return item.start, max(item.start, item.end)
    return first_occurrence(item)


def indexed_start(obj) -> datetime:
    """The ``start`` index: the first occurrence's (the index repeats it)."""
    if not getattr(obj, "start", None):
        raise AttributeError("start")
    return first_occurrence(obj)[0]


def indexed_end(obj) -> datetime:
    """The ``end`` index: the first occurrence's (the index repeats it)."""
    if not getattr(obj, "start", None):
        raise AttributeError("end")
    return first_occurrence(obj)[1]


# Registered for every event, before plone.app.event's own indexers: these
# are looked up for the more specific catalog interface.
start_indexer = indexer(IDXEvent, IPloneCatalogTool)(indexed_start)
end_indexer = indexer(IDXEvent, IPloneCatalogTool)(indexed_end)


def series_dates_in_calendar(calendar, events) -> None:
    """Give each recurring event of an exported calendar its first occurrence.

    ``calendar`` is what plone.app.event's ``construct_icalendar`` made of
    ``events``: its DTSTART is the next occurrence, which the rule would
    then repeat from.
    """
    by_uid = {event.UID(): event for event in events}
    for component in calendar.walk("VEVENT"):
        # Behind a request the exporter appends "@host" to the UID.
        event = by_uid.get(str(component.get("UID", "")).split("@", 1)[0])
        if event is None or not getattr(event, "recurrence", None):
            continue
        start, end = first_occurrence(event)
        whole_day = bool(getattr(event, "whole_day", False))
        component.pop("DTSTART", None)
        component.add("dtstart", start.date() if whole_day else start)
        if "DTEND" in component:
            component.pop("DTEND")
            if whole_day:
                # As the exporter does: the day after the last whole day.
                component.add("dtend", end.date() + timedelta(days=1))
            else:
                component.add("dtend", end)
