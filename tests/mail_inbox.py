"""A real SMTP server on localhost (aiosmtpd) that keeps what it receives."""

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from plone import api

import socket
import time


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_inbox(sender: str = "dimos@example.org"):
    """A running inbox, and the site's mail settings pointed at it.

    Returns the inbox and its controller: stop the controller when done.
    """
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", controller.port)
    api.portal.set_registry_record("plone.email_from_address", sender)
    return inbox, controller


def wait_for(inbox, count: int, timeout: float = 10) -> None:
    """Until ``count`` messages arrived (mails leave after commit, in a thread)."""
    deadline = time.monotonic() + timeout
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
