"""``@@send-reminders``: cron's way in while the instance holds the database.

POST only, for site managers, and only with an ``X-Requested-By`` header:
a browser cannot add that header to a cross-site request, so a forged form
cannot trigger it, while ``curl`` from cron (``make reminders``) can.
"""

from municipality.intranet.follow_up import site_today
from municipality.intranet.reminders import send_reminders
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.interface import alsoProvides


class CronView(BrowserView):
    """POST with X-Requested-By, answered in plain text: ``run()`` says what."""

    def run(self) -> str:
        raise NotImplementedError

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        if self.request.method != "POST" or not self.request.getHeader(
            "X-Requested-By"
        ):
            response.setStatus(400)
            return "POST with an X-Requested-By header.\n"
        alsoProvides(self.request, IDisableCSRFProtection)
        return self.run()


class SendRemindersView(CronView):
    def run(self) -> str:
        count = send_reminders(site_today())
        return f"{count} reminder(s) queued.\n"
