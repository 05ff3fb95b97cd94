"""Before a reporting date, units hear of goals without progress: by SMTP, once."""

from datetime import date
from email.header import decode_header
from email.header import make_header
from goal_helpers import approve
from goal_helpers import create_users
from goal_helpers import FINANCE
from goal_helpers import make_goal
from goal_helpers import make_programme
from goal_helpers import report
from goal_helpers import TECHNICAL
from goal_helpers import transition
from goal_helpers import uid
from mail_inbox import start_inbox
from municipality.intranet import reminders
from municipality.intranet.circular_mail import deliver_after_commit
from municipality.intranet.goal_reminders import due_reporting
from municipality.intranet.goal_reminders import goal_reminders
from plone import api

import pytest
import time
import transaction


pytestmark = pytest.mark.dated


YEAR = 2031  # a year of its own: the demo programme has goals of its own


@pytest.fixture
def inbox(functional_portal):
    inbox, controller = start_inbox(sender="gg@example.org")
    yield inbox
    controller.stop()


@pytest.fixture
def goals(functional_portal):
    portal = functional_portal
    create_users()
    programme = make_programme(portal, YEAR)
    quiet = make_goal(programme, uid(portal, FINANCE), title="Σιωπηλός στόχος")
    approve(quiet)
    report(quiet, 65.0, date(YEAR, 2, 1))  # before the previous reporting date
    busy = make_goal(
        programme, uid(portal, TECHNICAL), user="technical_editor", title="Ενεργός"
    )
    transition(busy, "technical_editor", "submit")
    transition(busy, "gs_officer", "approve")
    report(busy, 70.0, date(YEAR, 4, 10), user="technical_member")
    make_goal(programme, uid(portal, FINANCE), title="Μη εγκεκριμένος")
    transaction.commit()
    return {"quiet": quiet, "busy": busy}


def run(day):
    messages = goal_reminders(
        day, reminders._mail, reminders.already_sent, reminders.mark_sent
    )
    deliver_after_commit(messages)
    transaction.commit()
    return messages


def wait_for(inbox, count, timeout=10):
    deadline = time.monotonic() + timeout
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)


def test_reporting_window(functional_portal):
    assert due_reporting(date(YEAR, 6, 23)) == (date(YEAR, 3, 31), date(YEAR, 6, 30))
    assert due_reporting(date(YEAR, 6, 30)) == (date(YEAR, 3, 31), date(YEAR, 6, 30))
    assert due_reporting(date(YEAR, 6, 22)) is None  # 8 days before
    assert due_reporting(date(YEAR, 3, 28)) == (
        date(YEAR - 1, 12, 31),
        date(YEAR, 3, 31),
    )


def test_units_without_progress_are_reminded_once(functional_portal, inbox, goals):
    assert run(date(YEAR, 5, 1)) == []  # no reporting date near
    sent = run(date(YEAR, 6, 25))
    assert len(sent) == 1
    wait_for(inbox, 1)
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    subject = str(make_header(decode_header(message["Subject"])))
    assert "30.06." in subject
    body = message.get_payload(decode=True).decode()
    assert "Σιωπηλός στόχος" in body
    assert "Ενεργός" not in body
    assert "Μη εγκεκριμένος" not in body
    recipients = message["X-RcptTo"] + message["To"]
    assert "finance_member@example.org" in recipients
    assert "technical_member@example.org" not in recipients
    # Again the next day: nothing more for that reporting date.
    assert run(date(YEAR, 6, 26)) == []
    # The next reporting date: both are quiet since 30 June.
    later = run(date(YEAR, 9, 28))
    assert len(later) == 2
    wait_for(inbox, 3)
    assert len(inbox.messages) == 3


def test_reporting_dates_are_configurable(functional_portal, goals):
    api.portal.set_registry_record(
        "municipality.intranet.goal_reporting_dates", ["05-15", "11-15"]
    )
    api.portal.set_registry_record("municipality.intranet.goal_reminder_days", 3)
    assert due_reporting(date(YEAR, 6, 25)) is None
    assert due_reporting(date(YEAR, 5, 12)) == (
        date(YEAR - 1, 12, 31),
        date(YEAR, 5, 15),
    )
