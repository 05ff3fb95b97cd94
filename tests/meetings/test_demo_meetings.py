"""The demo meetings, decisions and instructions import as written."""

from datetime import date
from municipality.intranet.follow_up import is_overdue
from plone import api

import pytest


pytestmark = pytest.mark.dated


COUNCIL = "meetings/council-2026-11-12"
TODAY = date(2026, 11, 22)  # the day the demo describes


def test_council_meeting_with_minutes_and_decisions(portal):
    council = portal.unrestrictedTraverse(COUNCIL)
    assert council.body == "council"
    assert council.meeting_status == "held"
    assert api.content.get_state(council) == "published"
    minutes = council.find_minutes()
    assert api.content.get_state(minutes) == "published"
    assert minutes.approved_on == date(2026, 11, 19)
    catalog = api.portal.get_tool("portal_catalog")
    decisions = catalog.unrestrictedSearchResults(
        portal_type="Decision", path="/".join(council.getPhysicalPath())
    )
    numbers = {brain.decision_number for brain in decisions}
    assert numbers == {"186/2026", "187/2026", "188/2026"}


def test_progress_notes_keep_their_titles(portal):
    catalog = api.portal.get_tool("portal_catalog")
    notes = catalog.unrestrictedSearchResults(portal_type="ProgressNote")
    assert notes
    for brain in notes:
        assert brain.Title
        assert "admin" not in brain.Title


def test_some_follow_ups_are_overdue(portal):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=["Decision", "Instruction"],
        follow_up_status=["pending", "in_progress"],
    )
    overdue = [
        brain
        for brain in brains
        if is_overdue(brain.follow_up_status, brain.follow_up_deadline, TODAY)
    ]
    assert {brain.portal_type for brain in overdue} == {"Decision", "Instruction"}


def test_instructions_are_given_and_internal(portal):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Instruction")
    assert len(brains) == 4
    assert {brain.review_state for brain in brains} == {"given"}
    for roles in (["Anonymous"], ["Member"]):
        assert not catalog.unrestrictedSearchResults(
            portal_type="Instruction", allowedRolesAndUsers=roles
        )


def test_goal_setting_series_recurs(portal):
    series = portal.unrestrictedTraverse("meetings/goal-setting-meetings")
    assert series.body == "goal-setting"
    assert "INTERVAL=2" in series.recurrence
    assert api.content.get_state(series) == "internal"


@pytest.mark.parametrize("site_id", ["belediye"])
def test_turkish_meetings(app, site_id):
    from zope.component.hooks import site

    with site(app[site_id]):
        catalog = api.portal.get_tool("portal_catalog")
        meetings = catalog.unrestrictedSearchResults(portal_type="Meeting")
        assert len(meetings) == 4
        assert (
            "Belediye Meclisi"
            in api.portal.get_registry_record("municipality.intranet.meeting_bodies")[0]
        )
        assert catalog.unrestrictedSearchResults(
            portal_type="Decision", review_state="published"
        )


def test_series_recurs_in_the_staff_calendar(portal):
    from municipality.intranet.browser.meeting_calendar import meetings_calendar

    import icalendar

    series = portal.unrestrictedTraverse("meetings/goal-setting-meetings")
    calendar = icalendar.Calendar.from_ical(
        meetings_calendar(portal, [series]).to_ical()
    )
    (event,) = calendar.walk("VEVENT")
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["INTERVAL"] == [2]


def test_upgrade_step_is_idempotent(portal):
    from municipality.intranet.upgrades.v2026112301 import upgrade

    with api.env.adopt_roles(["Manager"]):
        upgrade(api.portal.get_tool("portal_setup"))
    assert portal["meetings"].getLayout() == "event_listing"
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog.unrestrictedSearchResults(
        portal_type="Decision", meeting_body="council"
    )


def test_reminder_script_runs_against_the_site(
    functional_app, functional_portal, capsys
):
    from pathlib import Path

    import importlib.util
    import os
    import transaction

    transaction.commit()
    path = Path(__file__).parents[2] / "scripts" / "send_reminders.py"
    spec = importlib.util.spec_from_file_location("send_reminders", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    os.environ["SITE_ID"] = functional_portal.getId()
    try:
        module.main(functional_app)
    finally:
        del os.environ["SITE_ID"]
    assert "reminder(s) sent from plone" in capsys.readouterr().out


def test_series_page_lists_the_next_sessions(portal, demo_clock):
    series = portal.unrestrictedTraverse("meetings/goal-setting-meetings")
    with api.env.adopt_roles(["Manager"]):
        view = series.restrictedTraverse("@@view")
        sessions = view.next_sessions()
    assert 1 <= len(sessions) <= 6
    assert all(session.endswith("09:00") for session in sessions)
