"""A recurring meeting (a series) makes each session a meeting of its own."""

from datetime import timedelta
from meeting_helpers import create_users
from meeting_helpers import PASSWORD
from municipality.intranet.meeting_series import make_next_session
from municipality.intranet.meeting_series import sessions_of
from plone import api
from plone.app.event.base import localized_now

import pytest
import re
import requests
import transaction


pytestmark = pytest.mark.dated


SERIES = "meetings/goal-setting-meetings"


def test_sessions_follow_the_rule(portal, users, demo_clock):
    series = portal.unrestrictedTraverse(SERIES)
    with api.env.adopt_user(username="gs_officer"):
        first = make_next_session(series)
        second = make_next_session(series)
    assert first.start > localized_now(series)
    # Every two weeks, at the series' time of day, for its length.
    assert second.start - first.start == timedelta(days=14)
    assert first.start.strftime("%H:%M") == series.start.strftime("%H:%M")
    assert first.end - first.start == series.end - series.start
    assert first.body == "goal-setting"
    assert first.invited_units == series.invited_units
    assert not first.recurrence
    assert first.start.strftime("%d.%m.%Y") in first.Title()
    assert sessions_of(series) == [first, second]
    assert api.content.get_state(first) == "draft"


def test_only_the_general_secretariat_prepares_sessions(functional_portal):
    create_users(functional_portal)
    # Every two weeks without end: the demo's twelve sessions end in 2027,
    # and a functional test cannot move the clock back to them.
    series = functional_portal.unrestrictedTraverse(SERIES)
    series.recurrence = "RRULE:FREQ=WEEKLY;INTERVAL=2"
    series.reindexObject()
    transaction.commit()
    url = f"{functional_portal.absolute_url()}/{SERIES}"
    staff = requests.Session()
    staff.auth = ("finance_member", PASSWORD)
    page = staff.get(url).text
    assert "@@next-session" not in page
    office = requests.Session()
    office.auth = ("gs_officer", PASSWORD)
    page = office.get(url).text
    assert "@@next-session" in page
    # The token of the office's page (the state menu's links carry it too).
    token = re.search(r"_authenticator=([0-9a-f]+)", page).group(1)
    # Staff with a valid token of their own are still refused.
    staff_token = re.search(r'data-token="([0-9a-f]+)"', staff.get(url).text).group(1)
    refused = staff.post(f"{url}/@@next-session", data={"_authenticator": staff_token})
    assert "insufficient-privileges" in refused.url
    assert len(sessions_in(functional_portal)) == 0
    made = office.post(f"{url}/@@next-session", data={"_authenticator": token})
    assert made.status_code == 200
    assert made.url.rstrip("/") != url
    assert "meeting-series-link" in made.text
    assert url in made.text  # the session links back to its series
    assert len(sessions_in(functional_portal)) == 1


def sessions_in(portal) -> list:
    transaction.begin()
    return sessions_of(portal.unrestrictedTraverse(SERIES))
