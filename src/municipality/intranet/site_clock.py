"""Today as the municipality counts it: in the site's time zone.

The server may keep UTC while the municipality lives two or three hours
ahead: between midnight in Athens and midnight UTC, ``date.today()`` on the
server is still yesterday. Every default date, deadline and "overdue" asks
here instead.
"""

from datetime import date
from datetime import datetime
from plone import api

import pytz


def site_zone():
    """The site's time zone (``plone.portal_timezone``), UTC when unset."""
    zone = api.portal.get_registry_record("plone.portal_timezone", default="UTC")
    return pytz.timezone(zone or "UTC")


def site_today(now: datetime | None = None) -> date:
    """Today in the municipality's time zone (not the server's)."""
    now = now or datetime.now(pytz.utc)
    if now.tzinfo is None:
        now = pytz.utc.localize(now)
    return now.astimezone(site_zone()).date()
