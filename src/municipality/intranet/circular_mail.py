"""E-mail to recipient units, sent only once the transaction has committed.

A mail server that is down must not undo the issue of a circular: the
failure is logged and recorded in the site's error log for administrators.
"""

from email.message import EmailMessage
from municipality.intranet import _
from municipality.intranet import logger
from municipality.intranet.circular_recipients import member_emails
from plone import api
from zope.i18n import translate

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


def send_after_commit(circular, units, subject_msgid, lead_msgid) -> list[str]:
    """Queue one mail per unit; return the addresses it will go to."""
    subject, body = _message(circular, subject_msgid, lead_msgid)
    sender = api.portal.get_registry_record("plone.email_from_address", default="")
    sender_name = api.portal.get_registry_record("plone.email_from_name", default="")
    messages = []
    for unit in units:
        recipients = member_emails(unit)
        if not recipients:
            continue
        message = EmailMessage()
        message["Subject"] = subject
        message["From"] = f"{sender_name} <{sender}>" if sender_name else sender
        message["To"] = ", ".join(recipients)
        message.set_content(body)
        messages.append(message)
    if messages:
        site = api.portal.get()
        transaction.get().addAfterCommitHook(_deliver, args=(site, messages))
    return [m["To"] for m in messages]


def _deliver(committed: bool, site, messages) -> None:
    if not committed:
        return
    mailhost = site.MailHost
    for message in messages:
        try:
            mailhost.send(message, immediate=True)
        except Exception:
            logger.exception("Could not send the circular notice to %s", message["To"])
            site.error_log.raising(sys.exc_info())
