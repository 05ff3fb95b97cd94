"""A real SMTP server on localhost (aiosmtpd) that keeps what it receives."""

from aiosmtpd.handlers import Message

import socket


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
