"""Catalog queries behind the follow-up dashboard, unit pages and reminders.

Everything is read from indexes and metadata, so that a dashboard over tens
of thousands of decisions never wakes an object.
"""

from datetime import date
from datetime import datetime
from datetime import time
from municipality.intranet.follow_up import is_overdue
from municipality.intranet.follow_up import OPEN
from plone import api

import pytz


FOLLOWED_UP_TYPES = ("Decision", "Instruction")


def _search(unrestricted: bool, **query):
    catalog = api.portal.get_tool("portal_catalog")
    if unrestricted:
        return catalog.unrestrictedSearchResults(**query)
    return catalog(**query)


def follow_ups(
    today: date,
    unit: str | None = None,
    body: str | None = None,
    statuses=OPEN,
    deadline_from: date | None = None,
    deadline_to: date | None = None,
    unrestricted: bool = False,
) -> list:
    """Followed-up items, overdue first, then by deadline (none last)."""
    query = {
        "portal_type": FOLLOWED_UP_TYPES,
        "follow_up_status": list(statuses),
    }
    if unit:
        query["responsible_units"] = unit
    if body:
        query["meeting_body"] = body
    if deadline_from and deadline_to:
        query["follow_up_deadline"] = {
            "query": (deadline_from, deadline_to),
            "range": "min:max",
        }
    elif deadline_from:
        query["follow_up_deadline"] = {"query": deadline_from, "range": "min"}
    elif deadline_to:
        query["follow_up_deadline"] = {"query": deadline_to, "range": "max"}
    brains = _search(unrestricted, **query)

    def order(brain):
        deadline = brain.follow_up_deadline
        overdue = is_overdue(brain.follow_up_status, deadline, today)
        return (not overdue, deadline is None, deadline or date.max, brain.Title)

    return sorted(brains, key=order)


def upcoming_meetings(today: date, unrestricted: bool = False) -> list:
    """Meetings that have not ended by the start of ``today``, soonest first."""
    zone = api.portal.get_registry_record("plone.portal_timezone", default="UTC")
    start_of_day = pytz.timezone(zone or "UTC").localize(
        datetime.combine(today, time())
    )
    return _search(
        unrestricted,
        portal_type="Meeting",
        end={"query": start_of_day, "range": "min"},
        sort_on="start",
    )


def upcoming_meeting_paths(today: date, unrestricted: bool = False) -> list[str]:
    return [brain.getPath() for brain in upcoming_meetings(today, unrestricted)]


def agenda_items_to_prepare(
    today: date, unit: str | None = None, unrestricted: bool = False
) -> list:
    """Unprepared items of meetings that have not ended, by deadline."""
    paths = upcoming_meeting_paths(today, unrestricted)
    if not paths:
        return []
    query = {
        "portal_type": "AgendaItem",
        "preparation_status": "requested",
        "path": {"query": paths, "depth": 1},
    }
    if unit:
        query["rapporteur_unit"] = unit
    brains = _search(unrestricted, **query)
    return sorted(
        brains,
        key=lambda b: (
            b.preparation_deadline is None,
            b.preparation_deadline or date.max,
        ),
    )
