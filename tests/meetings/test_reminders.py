"""Reminders reach the units through a real SMTP server, once only."""

from datetime import date
from datetime import timedelta
from email.header import decode_header
from email.header import make_header
from mail_inbox import start_inbox
from meeting_helpers import create_users
from meeting_helpers import FINANCE
from meeting_helpers import make_decision
from meeting_helpers import make_item
from meeting_helpers import make_meeting
from meeting_helpers import PASSWORD
from meeting_helpers import TECHNICAL
from meeting_helpers import transition
from meeting_helpers import uid
from municipality.intranet.reminders import send_reminders
from plone import api

import pytest
import requests
import time
import transaction


pytestmark = pytest.mark.dated


@pytest.fixture
def inbox(functional_portal):
    inbox, controller = start_inbox(sender="gg@example.org")
    yield inbox
    controller.stop()


def subjects(inbox) -> list[str]:
    return [str(make_header(decode_header(m["Subject"]))) for m in inbox.messages]


def wait_for(inbox, count, timeout=10):
    deadline = time.monotonic() + timeout
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.fixture
def work(functional_portal):
    """An item due in two days for finance, an overdue decision for technical."""
    portal = functional_portal
    create_users(portal)
    finance, technical = uid(portal, FINANCE), uid(portal, TECHNICAL)
    meeting = make_meeting(portal, title="Συνεδρίαση υπενθυμίσεων")
    make_item(
        meeting, 1, finance, "Θέμα προς προετοιμασία", date.today() + timedelta(2)
    )
    make_item(meeting, 2, technical, "Μακρινό θέμα", date.today() + timedelta(30))
    decision = make_decision(
        meeting, [technical], date.today() - timedelta(days=1), "Καθυστερημένη απόφαση"
    )
    transition(decision, "gs_officer", "record")
    transaction.commit()
    return {"finance": finance, "technical": technical}


def test_reminders_are_sent_once(functional_portal, inbox, work):
    today = date.today()
    count = send_reminders(today)
    transaction.commit()
    wait_for(inbox, count)
    sent = subjects(inbox)
    assert count == len(sent) > 0
    assert any("Θέμα προς προετοιμασία" in s for s in sent)
    assert not any("Μακρινό θέμα" in s and "Υπενθύμιση" in s for s in sent)
    assert any("Καθυστερημένη απόφαση" in s for s in sent)
    digests = [
        m
        for m in inbox.messages
        if "Μακρινό θέμα" in m.get_payload(decode=True).decode()
    ]
    assert digests  # the weekly digest lists everything open
    finance_mail = next(
        m
        for m in inbox.messages
        if "Θέμα προς προετοιμασία" in str(make_header(decode_header(m["Subject"])))
    )
    assert "finance_member@example.org" in finance_mail["X-RcptTo"] or (
        "finance_member@example.org" in finance_mail["To"]
    )
    # A second run the same day (and the same week) sends nothing more.
    assert send_reminders(today) == 0
    transaction.commit()
    # A new week brings a new digest, but the same reminders stay sent.
    next_week = send_reminders(today + timedelta(days=7))
    transaction.commit()
    wait_for(inbox, len(sent) + next_week)
    later = subjects(inbox)[len(sent) :]
    digest = "Εβδομαδιαία σύνοψη"
    assert any(s.startswith(digest) for s in later)
    reminders = {s for s in later if not s.startswith(digest)}
    assert not reminders & set(sent)


def test_a_failed_run_sends_and_marks_nothing(functional_portal, inbox, work):
    send_reminders(date.today())
    transaction.abort()
    time.sleep(0.3)
    assert inbox.messages == []
    assert send_reminders(date.today()) > 0
    transaction.abort()


def test_cron_endpoint(functional_portal, inbox, work):
    url = f"{functional_portal.absolute_url()}/@@send-reminders"
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="admin2", email="a@example.org", password=PASSWORD)
        api.user.grant_roles(username="admin2", roles=["Manager"])
    transaction.commit()
    refused = requests.post(url, auth=("admin2", PASSWORD), timeout=30)
    assert refused.status_code == 400
    assert inbox.messages == []
    staff = requests.post(
        url,
        auth=("finance_member", PASSWORD),
        headers={"X-Requested-By": "cron"},
        timeout=30,
    )
    assert "insufficient-privileges" in staff.url
    done = requests.post(
        url, auth=("admin2", PASSWORD), headers={"X-Requested-By": "cron"}, timeout=30
    )
    assert done.status_code == 200
    queued = int(done.text.split()[0])
    assert queued > 0
    wait_for(inbox, queued)
    assert len(inbox.messages) == queued


def test_long_greek_subjects_keep_their_spaces(functional_portal, inbox, work):
    send_reminders(date.today())
    transaction.commit()
    wait_for(inbox, 1)
    for subject in subjects(inbox):
        assert "γιαΔ" not in subject
        assert "  " not in subject
