"""Reminders to units, run by cron through ``make reminders``.

- an agenda item the unit has not prepared, a few days before its deadline;
- a decision or instruction of the unit that has become overdue;
- a weekly digest of the unit's open items;
- before each reporting date, the approved goals without recent progress.

Each reminder is marked as sent in the same transaction that queues its
mail, and the mail leaves only once that transaction has committed: a run
that fails sends nothing and marks nothing, and no reminder goes out twice.
"""

from datetime import date
from datetime import timedelta
from email.message import EmailMessage
from municipality.intranet import _
from municipality.intranet.circular_mail import compose
from municipality.intranet.circular_mail import deliver_after_commit
from municipality.intranet.circular_recipients import member_emails
from municipality.intranet.follow_up import is_overdue
from municipality.intranet.follow_up_queries import agenda_items_to_prepare
from municipality.intranet.follow_up_queries import follow_ups
from municipality.intranet.goal_reminders import goal_reminders
from persistent.list import PersistentList
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.annotation.interfaces import IAnnotations


SENT_KEY = "municipality.intranet.reminders_sent"
DAYS_RECORD = "municipality.intranet.agenda_reminder_days"


def already_sent(obj, key: str) -> bool:
    return key in IAnnotations(obj).get(SENT_KEY, ())


def mark_sent(obj, key: str) -> None:
    annotations = IAnnotations(obj)
    if SENT_KEY not in annotations:
        annotations[SENT_KEY] = PersistentList()
    annotations[SENT_KEY].append(key)


def _mail(unit, subject, lines) -> EmailMessage | None:
    recipients = member_emails(unit)
    return compose(recipients, subject, lines) if recipients else None


def _unit(uid):
    return uuidToObject(uid, unrestricted=True) if uid else None


def agenda_reminders(today: date) -> list[EmailMessage]:
    days = api.portal.get_registry_record(DAYS_RECORD, default=3) or 0
    horizon = today + timedelta(days=days)
    messages = []
    for brain in agenda_items_to_prepare(today, unrestricted=True):
        deadline = brain.preparation_deadline
        if deadline is None or deadline > horizon:
            continue
        item = brain._unrestrictedGetObject()
        key = f"agenda-due:{deadline.isoformat()}"
        unit = _unit(item.rapporteur_unit)
        if unit is None or already_sent(item, key):
            continue
        mapping = {"title": item.Title(), "date": deadline.strftime("%d.%m.%Y")}
        message = _mail(
            unit,
            _("Reminder: prepare the agenda item ${title} by ${date}", mapping=mapping),
            [
                _(
                    "Your unit is the rapporteur of this agenda item and has not "
                    "marked it prepared. Preparation deadline: ${date}.",
                    mapping=mapping,
                ),
                item.absolute_url(),
            ],
        )
        mark_sent(item, key)
        if message is not None:
            messages.append(message)
    return messages


def overdue_reminders(today: date) -> list[EmailMessage]:
    messages = []
    for brain in follow_ups(today, unrestricted=True):
        deadline = brain.follow_up_deadline
        if not is_overdue(brain.follow_up_status, deadline, today):
            continue
        item = brain._unrestrictedGetObject()
        key = f"overdue:{deadline.isoformat()}"
        if already_sent(item, key):
            continue
        mark_sent(item, key)
        mapping = {"title": item.Title(), "date": deadline.strftime("%d.%m.%Y")}
        for uid in item.responsible_units or ():
            unit = _unit(uid)
            if unit is None:
                continue
            message = _mail(
                unit,
                _("Overdue: ${title} (deadline ${date})", mapping=mapping),
                [
                    _(
                        "The implementation deadline of this item, for which your "
                        "unit is responsible, has passed: ${date}. Please report "
                        "progress on its page.",
                        mapping=mapping,
                    ),
                    item.absolute_url(),
                ],
            )
            if message is not None:
                messages.append(message)
    return messages


def weekly_digests(today: date) -> list[EmailMessage]:
    year, week, _day = today.isocalendar()
    key = f"digest:{year}-W{week:02d}"
    per_unit: dict[str, list[str]] = {}
    for brain in follow_ups(today, unrestricted=True):
        overdue = is_overdue(brain.follow_up_status, brain.follow_up_deadline, today)
        deadline = brain.follow_up_deadline
        line = f"- {brain.Title}"
        if deadline:
            line += f" ({deadline.strftime('%d.%m.%Y')})"
        if overdue:
            line += " !"
        line += f"\n  {brain.getURL()}"
        for uid in brain.responsible_units or ():
            per_unit.setdefault(uid, []).append(line)
    for brain in agenda_items_to_prepare(today, unrestricted=True):
        deadline = brain.preparation_deadline
        line = f"- {brain.Title}"
        if deadline:
            line += f" ({deadline.strftime('%d.%m.%Y')})"
        line += f"\n  {brain.getURL()}"
        per_unit.setdefault(brain.rapporteur_unit, []).append(line)
    messages = []
    for uid, lines in sorted(per_unit.items()):
        unit = _unit(uid)
        if unit is None or already_sent(unit, key):
            continue
        mark_sent(unit, key)
        message = _mail(
            unit,
            _(
                "Weekly digest of ${unit}: ${count} open items",
                mapping={"unit": unit.Title(), "count": len(lines)},
            ),
            [
                _(
                    "Open decisions, instructions and agenda items of your unit "
                    "(! marks the overdue ones):"
                ),
                "",
                *lines,
            ],
        )
        if message is not None:
            messages.append(message)
    return messages


def send_reminders(today: date) -> int:
    """Queue every reminder due today; return how many mails will leave."""
    messages = (
        agenda_reminders(today)
        + overdue_reminders(today)
        + weekly_digests(today)
        + goal_reminders(today, _mail, already_sent, mark_sent)
    )
    deliver_after_commit(messages)
    return len(messages)
