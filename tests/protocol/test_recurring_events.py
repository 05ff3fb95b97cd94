"""A recurring event is found in every month it occurs in, whatever the day.

The catalog once held the occurrence that was next on the day of indexing:
the month grid then dropped a yearly holiday as soon as its day had passed,
and showed it in no later year but the next one. Each test fixes the clock
on either side of the event's day, indexes on one day and looks on another.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from municipality.intranet.follow_up_queries import upcoming_meetings
from plone import api
from plone.app.event.base import get_events
from plone.app.event.base import RET_MODE_OBJECTS
from types import SimpleNamespace

import icalendar
import pytest
import pytz


ATHENS = pytz.timezone("Europe/Athens")
FEAST = ATHENS.localize(datetime(2026, 12, 6, 9, 0))
PROFILE = "municipality.intranet:default"


def add_feast(portal, recurrence="RRULE:FREQ=YEARLY;COUNT=10"):
    with api.env.adopt_roles(["Manager"]):
        event = api.content.create(
            container=portal["protocol"],
            type="ProtocolEvent",
            title="Εορτή πολιούχου ΣΕΙΡΑ-1",
            protocol_kind="religious-holiday",
            start=FEAST,
            end=FEAST + timedelta(hours=3),
            recurrence=recurrence,
        )
        api.content.transition(obj=event, transition="publish")
    return event


def days_listing(portal, month: str) -> dict:
    """Day (ISO) → titles in the month grid of ``month``, as visitors see it."""
    view = portal["protocol"].restrictedTraverse("@@protocol-calendar")
    view.request.form["month"] = month
    view()
    return {
        cell["iso"]: [row["title"] for row in cell["events"]]
        for week in view.weeks()
        for cell in week
        if cell["events"]
    }


# (the day the event is indexed, the day the calendar is looked at)
DAYS = [
    (date(2026, 12, 5), date(2026, 12, 5)),
    (date(2026, 12, 5), date(2026, 12, 7)),
    (date(2026, 12, 7), date(2026, 12, 7)),
    (date(2026, 12, 7), date(2027, 1, 2)),
    (date(2028, 2, 29), date(2030, 6, 15)),
]


@pytest.mark.parametrize("indexed_on,seen_on", DAYS)
def test_month_grid_keeps_every_occurrence(portal, clock, indexed_on, seen_on):
    clock(indexed_on)
    add_feast(portal)
    clock(seen_on)
    for year in (2026, 2027, 2030, 2035):
        found = days_listing(portal, f"{year}-12")
        assert "Εορτή πολιούχου ΣΕΙΡΑ-1" in found.get(f"{year}-12-06", []), year
        assert "Εορτή πολιούχου ΣΕΙΡΑ-1" not in sum(
            (titles for day, titles in found.items() if day != f"{year}-12-06"), []
        )
    # Ten times from 2026: none before, none after 2035.
    for month in ("2025-12", "2036-12", "2026-11"):
        assert "Εορτή πολιούχου ΣΕΙΡΑ-1" not in str(days_listing(portal, month))


def test_series_without_end_is_found_far_ahead(portal, clock):
    clock(date(2026, 12, 1))
    add_feast(portal, "RRULE:FREQ=YEARLY")
    clock(date(2027, 3, 1))
    found = days_listing(portal, "2061-12")
    assert "Εορτή πολιούχου ΣΕΙΡΑ-1" in found.get("2061-12-06", [])


def test_past_and_coming_lists_split_on_today(portal, clock):
    clock(date(2026, 12, 5))
    add_feast(portal)
    clock(date(2026, 12, 7))
    view = portal["protocol"].restrictedTraverse("@@protocol-list")
    coming = [row["date"] for month in view.months() for row in month["rows"]]
    assert "06.12.2027" in coming
    assert "06.12.2026" not in coming
    view.request.form["past"] = "1"
    past = [row["date"] for month in view.months() for row in month["rows"]]
    assert "06.12.2026" in past
    assert "06.12.2027" not in past


@pytest.mark.parametrize("seen_on", [date(2026, 12, 5), date(2027, 6, 1)])
def test_feed_starts_the_series_on_its_first_day(portal, clock, seen_on):
    clock(date(2026, 12, 1))
    event = add_feast(portal)
    clock(seen_on)
    view = portal["protocol"].restrictedTraverse("@@protocol.ics")
    calendar = icalendar.Calendar.from_ical(view())
    (component,) = [
        c for c in calendar.walk("VEVENT") if "ΣΕΙΡΑ-1" in str(c["SUMMARY"])
    ]
    assert component.decoded("DTSTART") == FEAST
    assert component.decoded("DTEND") == FEAST + timedelta(hours=3)
    assert component["RRULE"]["COUNT"] == [10]
    assert event.UID() in str(component["UID"])


def test_whole_day_series_in_the_feed(portal, clock):
    clock(date(2026, 12, 1))
    event = add_feast(portal)
    event.whole_day = True
    event.reindexObject()
    clock(date(2027, 2, 1))
    view = portal["protocol"].restrictedTraverse("@@protocol.ics")
    calendar = icalendar.Calendar.from_ical(view())
    (component,) = [
        c for c in calendar.walk("VEVENT") if "ΣΕΙΡΑ-1" in str(c["SUMMARY"])
    ]
    assert component.decoded("DTSTART") == date(2026, 12, 6)
    assert component.decoded("DTEND") == date(2026, 12, 7)


def add_series(portal):
    start = ATHENS.localize(datetime(2026, 11, 26, 9, 0))
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["meetings"],
            type="Meeting",
            title="Συναντήσεις στοχοθεσίας ΣΕΙΡΑ-2",
            body="coordination",
            start=start,
            end=start + timedelta(hours=2),
            recurrence="RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=12",
        )


@pytest.mark.parametrize("seen_on", [date(2026, 11, 25), date(2027, 1, 20)])
def test_meeting_series_stays_upcoming_until_its_last_session(portal, clock, seen_on):
    clock(date(2026, 11, 20))
    series = add_series(portal)
    clock(seen_on)
    paths = [brain.getPath() for brain in upcoming_meetings(seen_on, True)]
    assert "/".join(series.getPhysicalPath()) in paths
    # The twelfth and last session is on 2027-04-29.
    clock(date(2027, 4, 30))
    paths = [brain.getPath() for brain in upcoming_meetings(date(2027, 4, 30), True)]
    assert "/".join(series.getPhysicalPath()) not in paths


def test_meeting_series_occurrences_in_a_later_month(portal, clock):
    clock(date(2026, 11, 20))
    series = add_series(portal)
    clock(date(2027, 2, 1))
    start = ATHENS.localize(datetime(2027, 3, 1))
    found = get_events(
        portal["meetings"],
        start=start,
        end=start + timedelta(days=31),
        ret_mode=RET_MODE_OBJECTS,
        expand=True,
        portal_type="Meeting",
    )
    assert [item.start.date() for item in found if "ΣΕΙΡΑ-2" in item.Title()] == [
        date(2027, 3, 4),
        date(2027, 3, 18),
    ]
    assert series.UID() in {item.UID() for item in found}


def test_upgrade_reindexes_series_of_existing_sites(portal, clock):
    """A site indexed the old way gets the past occurrences back."""
    clock(date(2026, 12, 1))
    event = add_feast(portal)
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(event.getPhysicalPath()))
    clock(date(2026, 12, 7))
    # As plone.app.event indexed it on 7 December: from the next occurrence.
    following = SimpleNamespace(
        start=FEAST.replace(year=2027),
        end=FEAST.replace(year=2027) + timedelta(hours=3),
        recurrence=event.recurrence,
    )
    for name in ("start", "end"):
        catalog._catalog.getIndex(name).index_object(rid, following)
    assert "Εορτή πολιούχου ΣΕΙΡΑ-1" not in str(days_listing(portal, "2026-12"))
    setup_tool = api.portal.get_tool("portal_setup")
    with api.env.adopt_roles(["Manager"]):
        setup_tool.setLastVersionForProfile(PROFILE, "2026112701")
        setup_tool.upgradeProfile(PROFILE, "2026120701")
    assert setup_tool.getLastVersionForProfile(PROFILE) == ("2026120701",)
    assert "Εορτή πολιούχου ΣΕΙΡΑ-1" in days_listing(portal, "2026-12")["2026-12-06"]


def test_meetings_feed_starts_a_series_on_its_first_session(portal, clock):
    clock(date(2026, 11, 20))
    series = add_series(portal)
    clock(date(2027, 2, 1))
    view = portal.restrictedTraverse("@@meetings.ics")
    calendar = icalendar.Calendar.from_ical(view())
    (component,) = [c for c in calendar.walk("VEVENT") if series.UID() in str(c["UID"])]
    assert component.decoded("DTSTART") == ATHENS.localize(datetime(2026, 11, 26, 9))
    assert component.decoded("DTEND") == ATHENS.localize(datetime(2026, 11, 26, 11))
    assert component["RRULE"]["COUNT"] == [12]
