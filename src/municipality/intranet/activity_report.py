"""The periodic activity report, compiled from what the site already holds.

For a period: the goals of the programmes of its years with the value each
had reached at its end and the updates recorded in it; the decisions and
instructions implemented in it (from their follow-up history) and those
still open at its end; the circulars issued; the meetings held. The report
is read with the permissions of whoever asks for it.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import time
from municipality.intranet.follow_up import history
from municipality.intranet.follow_up import OPEN
from municipality.intranet.follow_up_queries import FOLLOWED_UP_TYPES
from municipality.intranet.goal_measures import measure
from municipality.intranet.goal_measures import readings
from plone import api

import pytz


# Circular states that mean it was issued (in force or no longer).
ISSUED = (
    "issued",
    "published",
    "superseded",
    "superseded_public",
    "withdrawn",
    "withdrawn_public",
)
NOT_HELD = ("cancelled", "postponed")


@dataclass
class Report:
    start: date
    end: date
    goals: list = field(default_factory=list)
    implemented: list = field(default_factory=list)
    still_open: list = field(default_factory=list)
    circulars: list = field(default_factory=list)
    meetings: list = field(default_factory=list)


def _day(value) -> date | None:
    if isinstance(value, datetime):
        return value.astimezone(pytz.utc).date() if value.tzinfo else value.date()
    return value


def _catalog(**query):
    return api.portal.get_tool("portal_catalog")(**query)


def goals_in(start: date, end: date) -> list[dict]:
    years = list(range(start.year, end.year + 1))
    found = []
    for brain in _catalog(
        portal_type="Goal",
        programme_year=years,
        review_state=["approved", "closed"],
        sort_on="sortable_title",
    ):
        goal = brain.getObject()
        recorded = [r for r in readings(goal, until=end) if r.on >= start]
        found.append(
            {"goal": goal, "measure": measure(goal, end), "updates": len(recorded)}
        )
    return found


def implemented_in(start: date, end: date) -> list[dict]:
    found = []
    for brain in _catalog(
        portal_type=FOLLOWED_UP_TYPES, follow_up_status="implemented"
    ):
        item = brain.getObject()
        when = [
            _day(entry["date"])
            for entry in history(item)
            if entry["to"] == "implemented"
        ]
        # Imported items come without their history: their last change then.
        on = when[-1] if when else _day(item.modified().asdatetime())
        if start <= on <= end:
            found.append({"item": item, "on": on})
    return sorted(found, key=lambda row: row["on"])


def open_at(end: date) -> list:
    """Items created by the period's end and not implemented or cancelled."""
    last = datetime.combine(end, time.max).replace(tzinfo=pytz.utc)
    return [
        brain.getObject()
        for brain in _catalog(
            portal_type=FOLLOWED_UP_TYPES,
            follow_up_status=list(OPEN),
            created={"query": last, "range": "max"},
            sort_on="follow_up_deadline",
        )
    ]


def circulars_in(start: date, end: date) -> list:
    return [
        brain.getObject()
        for brain in _catalog(
            portal_type="Circular",
            review_state=list(ISSUED),
            circular_issue_date={
                "query": (start.isoformat(), end.isoformat()),
                "range": "min:max",
            },
            sort_on="circular_issue_date",
        )
    ]


def meetings_in(start: date, end: date) -> list:
    first = datetime.combine(start, time.min).replace(tzinfo=pytz.utc)
    last = datetime.combine(end, time.max).replace(tzinfo=pytz.utc)
    meetings = [
        brain.getObject()
        for brain in _catalog(
            portal_type="Meeting",
            start={"query": (first, last), "range": "min:max"},
            sort_on="start",
        )
    ]
    return [m for m in meetings if getattr(m, "meeting_status", "") not in NOT_HELD]


def compile_report(start: date, end: date) -> Report:
    return Report(
        start=start,
        end=end,
        goals=goals_in(start, end),
        implemented=implemented_in(start, end),
        still_open=open_at(end),
        circulars=circulars_in(start, end),
        meetings=meetings_in(start, end),
    )
