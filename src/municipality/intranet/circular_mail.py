"""E-mail to recipient units, sent only once the transaction has committed.

A mail server that is down must not undo the issue of a circular: the
failure is logged and recorded in the site's error log for administrators.
"""

from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from email.utils import getaddresses
from email.utils import make_msgid
from email.utils import parseaddr
from municipality.intranet import _
from municipality.intranet import logger
from municipality.intranet.circular_recipients import member_emails
from plone import api
from zope.i18n import interpolate
from zope.i18n import translate
from zope.i18nmessageid import Message

import sys
import transaction


def _message(circular, subject_msgid, lead_msgid) -> tuple[str, str]:
    language = api.portal.get_default_language()
    mapping = {"number": circular.protocol_number or "", "title": circular.Title()}
    subject = translate(_(subject_msgid, mapping=mapping), target_language=language)
    lead = translate(_(lead_msgid, mapping=mapping), target_language=language)
    body = "\n\n".join(
        part for part in (lead, circular.summary or "", circular.absolute_url()) if part
    )
    return subject, body


def site_text(message) -> str:
    """A message in the site's language (placeholders filled even untranslated)."""
    if not isinstance(message, Message):
        return message
    text = translate(message, target_language=api.portal.get_default_language())
    return interpolate(text, message.mapping or {})


def compose(recipients, subject, lines) -> EmailMessage:
    """A plain-text mail from the site; messages in the site's language."""
    sender = api.portal.get_registry_record("plone.email_from_address", default="")
    sender_name = api.portal.get_registry_record("plone.email_from_name", default="")
    message = EmailMessage()
    message["Subject"] = site_text(subject)
    message["From"] = f"{sender_name} <{sender}>" if sender_name else sender
    message["To"] = ", ".join(recipients)
    message.set_content("\n".join(site_text(line) for line in lines))
    return message


def send_after_commit(circular, units, subject_msgid, lead_msgid) -> list[str]:
    """Queue one mail per unit; return the addresses it will go to."""
    subject, body = _message(circular, subject_msgid, lead_msgid)
    messages = []
    for unit in units:
        recipients = member_emails(unit)
        if recipients:
            messages.append(compose(recipients, subject, [body]))
    deliver_after_commit(messages)
    return [m["To"] for m in messages]


def deliver_after_commit(messages) -> None:
    """Send ``messages`` once the current transaction has committed."""
    if messages:
        site = api.portal.get()
        transaction.get().addAfterCommitHook(_deliver, args=(site, messages))


# CRLF line ends; headers folded only past RFC 5322's hard limit, because
# Python's folding of encoded words drops the space at a fold ("για
# Διεύθυνση" arrives as "γιαΔιεύθυνση" in every mail client).
WIRE = SMTP.clone(max_line_length=998)


def _wire_format(message: EmailMessage) -> tuple[str, list[str], bytes]:
    """Sender, recipients and the message with CRLF line ends.

    MailHost.send() re-serialises messages with bare LF line ends, which
    strict SMTP servers refuse (since the "SMTP smuggling" fixes) once a
    message is longer than one line limit: we hand the wire format to
    MailHost's mailer ourselves.
    """
    if "Date" not in message:
        message["Date"] = formatdate(localtime=True)
    if "Message-ID" not in message:
        message["Message-ID"] = make_msgid()
    sender = parseaddr(message["From"])[1]
    recipients = [address for _name, address in getaddresses(message.get_all("To"))]
    return sender, recipients, message.as_bytes(policy=WIRE)


def _deliver(committed: bool, site, messages) -> None:
    if not committed:
        return
    mailer = site.MailHost._makeMailer()
    for message in messages:
        try:
            mailer.send(*_wire_format(message))
        except Exception:
            logger.exception("Could not send the notice to %s", message["To"])
            site.error_log.raising(sys.exc_info())
