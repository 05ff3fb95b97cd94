"""Who of a unit is away when: approved leave and travel, month by month.

For the unit's own staff and the General Secretariat; it shows names and
days only, never the kind of absence or its reason.
"""

from calendar import monthrange
from datetime import date
from datetime import timedelta
from municipality.intranet import _
from municipality.intranet.follow_up import site_today
from municipality.intranet.goal_proposers import groups_of
from municipality.intranet.staff_request_checks import approved_in_unit
from municipality.intranet.staff_units import is_coordinator
from municipality.intranet.staff_units import unit_staff
from municipality.intranet.unit_groups import unit_group_ids
from municipality.intranet.working_days import holidays
from municipality.intranet.working_days import is_working_day
from plone import api
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized

import re


WEEKDAYS = (_("Mo"), _("Tu"), _("We"), _("Th"), _("Fr"), _("Sa"), _("Su"))


def may_see_absences(unit, user) -> bool:
    if user is None or api.user.is_anonymous():
        return False
    if is_coordinator(user):
        return True
    return bool(set(unit_group_ids(unit).values()) & groups_of(user))


class AbsencesView(BrowserView):
    """A month of the unit: a row per person, a column per day."""

    def __call__(self):
        if not may_see_absences(self.context, api.user.get_current()):
            raise Unauthorized("absences")
        self.first = self.month_start()
        last_day = monthrange(self.first.year, self.first.month)[1]
        self.last = self.first.replace(day=last_day)
        return super().__call__()

    def month_start(self) -> date:
        value = self.request.form.get("month") or ""
        match = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if 1900 < year < 3000 and 1 <= month <= 12:
                return date(year, month, 1)
        return site_today().replace(day=1)

    def url_for(self, day: date) -> str:
        return f"{self.context.absolute_url()}/@@absences?month={day:%Y-%m}"

    def previous_url(self) -> str:
        return self.url_for(self.first - timedelta(days=1))

    def next_url(self) -> str:
        return self.url_for(self.last + timedelta(days=1))

    def days(self) -> list[dict]:
        closed = holidays()
        found, day = [], self.first
        while day <= self.last:
            found.append(
                {
                    "day": day,
                    "number": day.day,
                    "weekday": WEEKDAYS[day.weekday()],
                    "working": is_working_day(day, closed),
                }
            )
            day += timedelta(days=1)
        return found

    def rows(self) -> list[dict]:
        """Everyone of the unit, and whoever asked for leave through it."""
        away: dict[str, list] = {}
        names = dict(unit_staff(self.context))
        for obj in approved_in_unit(self.context.UID(), self.first, self.last):
            away.setdefault(obj.employee, []).append((obj.start, obj.end))
            names.setdefault(obj.employee, obj.employee_name or obj.employee)
        days = self.days()
        rows = []
        for userid, name in sorted(names.items(), key=lambda item: item[1]):
            periods = away.get(userid, [])
            cells = [
                {
                    "away": any(start <= cell["day"] <= end for start, end in periods),
                    "working": cell["working"],
                }
                for cell in days
            ]
            rows.append(
                {
                    "name": name,
                    "cells": cells,
                    "count": sum(1 for c in cells if c["away"] and c["working"]),
                    "periods": [
                        (max(start, self.first), min(end, self.last))
                        for start, end in sorted(periods)
                    ],
                }
            )
        return rows
