"""Implementation status, its history, and overdue around deadlines."""

from AccessControl import Unauthorized
from datetime import date
from datetime import datetime
from meeting_helpers import FINANCE
from meeting_helpers import make_decision
from meeting_helpers import make_instruction
from meeting_helpers import transition
from meeting_helpers import uid
from municipality.intranet.follow_up import allowed_statuses
from municipality.intranet.follow_up import change_status
from municipality.intranet.follow_up import history
from municipality.intranet.follow_up import is_overdue
from municipality.intranet.follow_up import site_today
from municipality.intranet.follow_up import StatusChangeRefused
from plone import api

import pytest
import pytz


pytestmark = pytest.mark.dated


UTC = pytz.utc


@pytest.mark.parametrize(
    "status,deadline,today,overdue",
    [
        ("pending", date(2026, 11, 20), date(2026, 11, 20), False),  # on the day
        ("pending", date(2026, 11, 20), date(2026, 11, 21), True),  # the day after
        ("in_progress", date(2026, 11, 20), date(2026, 12, 1), True),
        ("implemented", date(2026, 11, 20), date(2026, 12, 1), False),
        ("cancelled", date(2026, 11, 20), date(2026, 12, 1), False),
        ("pending", None, date(2030, 1, 1), False),  # no deadline, never late
    ],
)
def test_overdue(status, deadline, today, overdue):
    assert is_overdue(status, deadline, today) is overdue


@pytest.mark.parametrize(
    "now_utc,athens_day",
    [
        # 21:59 UTC is 23:59 in Athens (winter time, UTC+2): still the 20th.
        (datetime(2026, 11, 20, 21, 59), date(2026, 11, 20)),
        # 22:00 UTC is already midnight in Athens: the 21st.
        (datetime(2026, 11, 20, 22, 0), date(2026, 11, 21)),
        # Summer time (UTC+3): 21:00 UTC is midnight.
        (datetime(2026, 7, 10, 21, 0), date(2026, 7, 11)),
    ],
)
def test_today_is_the_municipality_s_day(portal, now_utc, athens_day):
    assert api.portal.get_registry_record("plone.portal_timezone") == "Europe/Athens"
    assert site_today(UTC.localize(now_utc)) == athens_day


def test_deadline_passes_at_local_midnight(portal):
    deadline = date(2026, 11, 20)
    before = site_today(UTC.localize(datetime(2026, 11, 20, 21, 59)))
    after = site_today(UTC.localize(datetime(2026, 11, 20, 22, 0)))
    assert not is_overdue("pending", deadline, before)
    assert is_overdue("pending", deadline, after)


@pytest.fixture
def decision(portal, meeting):
    decision = make_decision(meeting, [uid(portal, FINANCE)], date(2026, 12, 31))
    transition(decision, "gs_officer", "record")
    return decision


def statuses_for(user, obj):
    with api.env.adopt_user(username=user):
        return allowed_statuses(obj)


def test_who_may_move_the_status(portal, decision):
    assert statuses_for("finance_member", decision) == ["in_progress"]
    assert statuses_for("technical_member", decision) == []
    assert statuses_for("staff", decision) == []
    assert statuses_for("gs_officer", decision) == [
        "in_progress",
        "implemented",
        "cancelled",
    ]
    with api.env.adopt_user(username="finance_member"):
        change_status(decision, "in_progress", "Ξεκίνησαν οι εργασίες")
        # A unit never closes its own item.
        with pytest.raises(StatusChangeRefused):
            change_status(decision, "implemented")
    assert decision.implementation_status == "in_progress"
    with api.env.adopt_user(username="gs_officer"):
        change_status(decision, "implemented", "Ολοκληρώθηκε")
    assert statuses_for("gs_officer", decision) == ["in_progress"]  # reopen
    assert statuses_for("finance_member", decision) == []


def test_cancelling_needs_a_reason(portal, decision):
    with (
        api.env.adopt_user(username="gs_officer"),
        pytest.raises(StatusChangeRefused),
    ):
        change_status(decision, "cancelled", "  ")
    assert decision.implementation_status == "pending"
    assert history(decision) == []


def test_every_change_is_in_the_history(portal, decision):
    with api.env.adopt_user(username="finance_member"):
        change_status(decision, "in_progress")
    with api.env.adopt_user(username="gs_officer"):
        change_status(decision, "implemented", "Έγινε")
        change_status(decision, "in_progress", "Επανέλεγχος")
    entries = history(decision)
    assert [(e["from"], e["to"], e["actor"]) for e in entries] == [
        ("pending", "in_progress", "finance_member"),
        ("in_progress", "implemented", "gs_officer"),
        ("implemented", "in_progress", "gs_officer"),
    ]
    assert entries[1]["comment"] == "Έγινε"
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog(UID=decision.UID(), follow_up_status="in_progress")


def test_a_first_progress_note_starts_the_work(portal, decision):
    with api.env.adopt_user(username="finance_member"):
        note = api.content.create(
            container=decision,
            type="ProgressNote",
            id="note",
            text="Συγκεντρώθηκαν οι προσφορές.",
        )
    assert decision.implementation_status == "in_progress"
    assert note.Title() == f"{note.note_date:%d.%m.%Y} – Finance Member"
    assert [e["actor"] for e in history(decision)] == ["finance_member"]


def test_gs_cannot_add_notes_and_other_units_cannot_either(portal, decision):
    for user in ("gs_officer", "technical_member", "staff"):
        with api.env.adopt_user(username=user), pytest.raises(Unauthorized):
            api.content.create(
                container=decision, type="ProgressNote", id="x", text="Όχι"
            )


def test_instruction_follow_up(portal, users):
    instruction = make_instruction(portal, [uid(portal, FINANCE)], date(2026, 1, 5))
    transition(instruction, "gs_officer", "give")
    assert is_overdue(
        instruction.implementation_status,
        instruction.follow_up_deadline,
        date(2026, 1, 6),
    )
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        UID=instruction.UID(), follow_up_status="pending"
    )
    assert brains[0].follow_up_deadline == date(2026, 1, 5)
    assert brains[0].responsible_units == [uid(portal, FINANCE)]
