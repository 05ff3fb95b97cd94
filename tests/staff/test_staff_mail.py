"""Each step mails whoever acts next, through a real SMTP server, after commit."""

from mail_inbox import start_inbox
from staff_helpers import create_users
from staff_helpers import make_leave
from staff_helpers import transition
from staff_users import create_users as create_staff

import pytest
import time
import transaction


@pytest.fixture
def inbox(functional_portal):
    create_users()
    # A second member of the General Secretariat: both are told.
    create_staff({"gs_second": ["general-secretariat"]})
    inbox, controller = start_inbox()
    transaction.commit()
    yield inbox
    controller.stop()


def delivered(inbox, count, timeout=10) -> list:
    deadline = time.monotonic() + timeout
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # nothing more on its way
    found = list(inbox.messages)
    inbox.messages.clear()
    return found


def recipients(messages) -> list[set[str]]:
    return [
        {address.strip() for address in message["To"].split(",")}
        for message in messages
    ]


def body(message) -> str:
    return message.get_payload(decode=True).decode()


def step(obj, user, name, **kwargs):
    transition(obj, user, name, **kwargs)
    transaction.commit()


def test_mails_follow_the_request(functional_portal, inbox):
    portal = functional_portal
    leave = make_leave(
        portal, leave_kind="sick", reason="Χειρουργείο", substitute="colleague"
    )
    transaction.commit()
    assert delivered(inbox, 0, timeout=0.2) == []  # a draft tells nobody

    step(leave, "employee", "submit")
    messages = delivered(inbox, 1)
    assert recipients(messages) == [{"head@example.org"}]
    assert leave.absolute_url() in body(messages[0])
    # The reason for sick leave never travels by mail.
    assert "Χειρουργείο" not in body(messages[0])

    step(leave, "head", "endorse")
    messages = delivered(inbox, 2)
    assert sorted(map(sorted, recipients(messages))) == [
        ["employee@example.org"],
        ["gs_officer@example.org", "gs_second@example.org"],
    ]

    step(leave, "gs_officer", "approve")
    messages = delivered(inbox, 2)
    assert sorted(map(sorted, recipients(messages))) == [
        ["colleague@example.org"],
        ["employee@example.org", "head@example.org"],
    ]
    approval = next(m for m in messages if "employee@example.org" in m["To"])
    assert leave.authorisation_number in approval["Subject"]
    assert f"{leave.absolute_url()}/@@authorisation" in body(approval)
    assert all("Χειρουργείο" not in body(m) for m in messages)

    step(leave, "employee", "cancel")
    messages = delivered(inbox, 1)
    assert recipients(messages) == [
        {"head@example.org", "gs_officer@example.org", "gs_second@example.org"}
    ]


def test_rejection_mail_carries_the_reason(functional_portal, inbox):
    leave = make_leave(functional_portal)
    step(leave, "employee", "submit")
    delivered(inbox, 1)
    step(leave, "head", "reject", comment="Απογραφή τέλους έτους")
    messages = delivered(inbox, 1)
    assert recipients(messages) == [{"employee@example.org"}]
    assert "Απογραφή τέλους έτους" in body(messages[0])


def test_nothing_leaves_when_the_step_is_undone(functional_portal, inbox):
    leave = make_leave(functional_portal)
    transaction.commit()
    transition(leave, "employee", "submit")
    transaction.abort()
    assert delivered(inbox, 1, timeout=0.5) == []
