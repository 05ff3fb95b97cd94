"""Recipient units are told by e-mail, through a real SMTP server on localhost."""

from aiosmtpd.controller import Controller
from circular_helpers import create_users
from circular_helpers import issue
from circular_helpers import make_circular
from email.header import decode_header
from email.header import make_header
from mail_inbox import free_port
from mail_inbox import Inbox
from plone import api

import pytest
import transaction


pytestmark = pytest.mark.dated


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def use_mail_server(portal, port):
    # Plone's mail settings (the mail control panel) drive the MailHost.
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record("plone.email_from_address", "grammateia@example.org")
    api.portal.set_registry_record("plone.email_from_name", "Γενική Γραμματεία")


@pytest.fixture
def circular(functional_portal):
    create_users(functional_portal)
    transaction.commit()
    return make_circular(functional_portal)


def subject_of(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def test_issue_mails_the_recipient_unit(functional_portal, smtp, circular):
    controller, inbox = smtp
    use_mail_server(functional_portal, controller.port)
    issue(circular)
    assert inbox.messages == []  # nothing before the commit
    transaction.commit()
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    recipients = message["To"]
    assert "finance_member@example.org" in recipients
    assert "finance_editor@example.org" in recipients
    finance = functional_portal.unrestrictedTraverse(
        "units/mayors-office/general-secretariat/financial-services"
    )
    assert finance.email in recipients
    assert "technical_editor@example.org" not in recipients
    assert circular.protocol_number in subject_of(message)
    assert circular.absolute_url() in message.get_payload(decode=True).decode()


def test_aborted_issue_sends_nothing(functional_portal, smtp, circular):
    controller, inbox = smtp
    use_mail_server(functional_portal, controller.port)
    transaction.commit()
    issue(circular)
    transaction.abort()
    assert inbox.messages == []


def test_mail_server_down_does_not_undo_the_issue(functional_portal, circular):
    use_mail_server(functional_portal, free_port())  # nothing listens there
    issue(circular)
    transaction.commit()
    transaction.begin()
    assert api.content.get_state(circular) == "issued"
    assert circular.protocol_number
    errors = functional_portal.error_log.getLogEntries()
    assert any(
        "ConnectionRefused" in e["type"] or "refused" in e["value"].lower()
        for e in errors
    )


def test_reminder_goes_to_units_that_have_not_read(functional_portal, smtp, circular):
    from municipality.intranet.acknowledgements import acknowledge

    controller, inbox = smtp
    use_mail_server(functional_portal, controller.port)
    issue(circular)
    transaction.commit()
    inbox.messages.clear()
    request = functional_portal.REQUEST
    with api.env.adopt_user(username="reviewer"):
        view = api.content.get_view("remind", circular, request)
        request.method = "POST"
        request.form["_authenticator"] = functional_portal.restrictedTraverse(
            "@@authenticator"
        ).token()
        view()
    transaction.commit()
    assert len(inbox.messages) == 1
    with api.env.adopt_user(username="finance_member"):
        acknowledge(circular, api.user.get(username="finance_member"))
    inbox.messages.clear()
    with api.env.adopt_user(username="reviewer"):
        view()
    transaction.commit()
    assert inbox.messages == []
