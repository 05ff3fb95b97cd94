"""``@@request-status``: a citizen follows a request by its code and e-mail.

It shows the status, the dates and the public answer, never personal data.
A wrong code and a wrong e-mail get the same answer, and look-ups are
limited per address, so codes cannot be tried one after another.
"""

from municipality.intranet import _
from municipality.intranet.browser.circular import term_title
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.browser.reminders import CronView
from municipality.intranet.follow_up import site_today
from municipality.intranet.login_throttle import client_address
from municipality.intranet.rate_limit import allow_request
from municipality.intranet.request_codes import normalise
from municipality.intranet.request_retention import anonymise_expired
from plone import api
from Products.Five.browser import BrowserView

import hmac


RATE_RECORD = "municipality.intranet.request_rate_limit"

# What the citizen is told for each workflow state.
PUBLIC_STATUS = {
    "received": _("Received: waiting to be assigned"),
    "assigned": _("Being handled by the responsible unit"),
    "in_progress": _("Being handled by the responsible unit"),
    "answered": _("Answered"),
    "closed": _("Closed"),
}


def find(code: str, email: str):
    """The request with this code and e-mail address, or None."""
    code = normalise(code)
    email = (email or "").strip().lower()
    if not code or not email:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="CitizenRequest", tracking_code=code
    ):
        request = brain._unrestrictedGetObject()
        stored = (request.citizen_email or "").strip().lower()
        if stored and hmac.compare_digest(stored.encode(), email.encode()):
            return request
    return None


class RequestStatusView(BrowserView):
    def __call__(self):
        self.result = None
        self.error = None
        response = self.request.response
        response.setHeader("Cache-Control", "private, no-store")
        if self.request.method == "POST":
            self.look_up()
        return self.index()

    def look_up(self) -> None:
        form = self.request.form
        limit = api.portal.get_registry_record(RATE_RECORD, default=10) or 10
        key = f"request-status:{client_address(self.request)}"
        if not allow_request(key, limit):
            self.error = _("Too many look-ups from your address: try again in an hour.")
            self.request.response.setStatus(429)
            return
        found = find(form.get("code", ""), form.get("email", ""))
        if found is None:
            self.error = _(
                "We found no request with this code and e-mail address. Check "
                "both and try again."
            )
            return
        state = api.content.get_state(found)
        self.result = {
            "code": found.tracking_code,
            "kind": term_title(
                found, "municipality.intranet.RequestKinds", found.request_kind
            ),
            "received": short_date(found.received_on),
            "deadline": short_date(found.deadline),
            "status": PUBLIC_STATUS.get(state, state),
            "answered": short_date(found.answered_on),
            "answer": found.answer if state in ("answered", "closed") else "",
        }


class AnonymiseRequestsView(CronView):
    """``@@anonymise-requests``: cron's way in (see ``make anonymise-requests``)."""

    def run(self) -> str:
        count = anonymise_expired(site_today())
        return f"{count} request(s) anonymised.\n"
