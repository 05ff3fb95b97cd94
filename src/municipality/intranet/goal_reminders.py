"""Reminders to units before each reporting date of their goals.

A unit whose approved goals have no progress update since the previous
reporting date gets one mail listing them, a configured number of days
before the next one. Each goal is marked per reporting date in the same
transaction that queues the mail, so no reminder is sent twice.
"""

from datetime import date
from datetime import timedelta
from municipality.intranet import _
from municipality.intranet.goal_measures import readings
from plone import api
from plone.app.uuid.utils import uuidToObject


DATES_RECORD = "municipality.intranet.goal_reporting_dates"
DAYS_RECORD = "municipality.intranet.goal_reminder_days"


def reporting_dates(year: int) -> list[date]:
    """The configured reporting dates of a year, in order."""
    found = []
    for line in api.portal.get_registry_record(DATES_RECORD, default=None) or ():
        try:
            month, day = (int(part) for part in line.strip().split("-"))
            found.append(date(year, month, day))
        except ValueError:
            continue  # 02-29 in a common year, or a line the form let through
    return sorted(set(found))


def due_reporting(today: date) -> tuple[date, date] | None:
    """(previous reporting date, next one) when the next is close enough."""
    days = api.portal.get_registry_record(DAYS_RECORD, default=7) or 0
    dates = reporting_dates(today.year)
    upcoming = [d for d in dates if today <= d <= today + timedelta(days=days)]
    if not upcoming:
        return None
    following = upcoming[0]
    earlier = [d for d in dates if d < following]
    previous = earlier[-1] if earlier else date(today.year - 1, 12, 31)
    return previous, following


def goal_reminders(today: date, mail, already_sent, mark_sent) -> list:
    """The reminders due today, one message per unit (``mail`` builds it)."""
    due = due_reporting(today)
    if due is None:
        return []
    previous, following = due
    key = f"goal-report:{following.isoformat()}"
    catalog = api.portal.get_tool("portal_catalog")
    per_unit: dict[str, list] = {}
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Goal",
        review_state="approved",
        programme_year=today.year,
        sort_on="sortable_title",
    ):
        goal = brain._unrestrictedGetObject()
        if already_sent(goal, key):
            continue
        if any(reading.on > previous for reading in readings(goal, until=today)):
            continue
        mark_sent(goal, key)
        per_unit.setdefault(goal.goal_unit, []).append(goal)
    messages = []
    mapping = {"date": following.strftime("%d.%m.%Y")}
    for uid, goals in sorted(per_unit.items()):
        unit = uuidToObject(uid, unrestricted=True) if uid else None
        if unit is None:
            continue
        message = mail(
            unit,
            _("Report the progress of your goals by ${date}", mapping=mapping),
            [
                _(
                    "No progress has been recorded since the last reporting date "
                    "on these goals of your unit. Please record the value each "
                    "has reached by ${date}:",
                    mapping=mapping,
                ),
                "",
                *(f"- {goal.Title()}\n  {goal.absolute_url()}" for goal in goals),
            ],
        )
        if message is not None:
            messages.append(message)
    return messages
