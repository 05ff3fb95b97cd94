"""Citizens' personal data is kept only as long as configured.

A closed request whose closing lies further back than the retention period
loses its name, e-mail, phone, description, answer and attachment (requests
keep no versions, which would hold them too); what the statistics need
stays: kind, subject, unit, dates, whether it was answered in time. Run
daily by cron (``make anonymise-requests``).
"""

from datetime import date
from datetime import timedelta
from plone import api

import pytz


RETENTION_RECORD = "municipality.intranet.request_retention_days"
PERSONAL = ("citizen_name", "citizen_email", "citizen_phone", "attachment")
PLACEHOLDER = "–"


def closed_on(request) -> date | None:
    """The day of the request's last move to closed."""
    workflow = api.portal.get_tool("portal_workflow")
    for entry in reversed(workflow.getInfoFor(request, "review_history", []) or []):
        if entry.get("review_state") == "closed":
            moment = entry["time"].asdatetime().astimezone(pytz.utc)
            return moment.date()
    return None


def anonymise(request, today: date) -> None:
    for name in PERSONAL:
        setattr(request, name, None)
    request.text = PLACEHOLDER
    request.answer = PLACEHOLDER if request.answer else None
    request.anonymised_on = today
    request.reindexObject()


def anonymise_expired(today: date) -> int:
    """Anonymise every request past its retention; return how many."""
    days = api.portal.get_registry_record(RETENTION_RECORD, default=730) or 730
    limit = today - timedelta(days=days)
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(
        portal_type="CitizenRequest", review_state="closed"
    ):
        request = brain._unrestrictedGetObject()
        if request.anonymised_on:
            continue
        closed = closed_on(request)
        if closed is not None and closed < limit:
            anonymise(request, today)
            count += 1
    return count
