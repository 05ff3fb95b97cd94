"""The periodic activity report: contents from the demo site, page, CSV, record."""

from datetime import date
from datetime import timedelta
from goal_helpers import create_users
from goal_helpers import PASSWORD
from municipality.intranet.activity_report import compile_report
from municipality.intranet.activity_report import ISSUED
from municipality.intranet.follow_up import change_status
from municipality.intranet.goal_measures import readings
from plone import api
from plone.app.textfield.value import RichTextValue

import csv
import io
import pytest
import re
import requests
import transaction


pytestmark = pytest.mark.dated


START, END = date(2026, 1, 1), date(2026, 11, 22)


def walk(portal, portal_type):
    """Every object of a type, found without the catalog."""
    found = []

    def visit(container):
        for item in container.objectValues():
            if getattr(item, "portal_type", None) == portal_type:
                found.append(item)
            if getattr(item, "isPrincipiaFolderish", False):
                visit(item)

    visit(portal)
    return found


@pytest.fixture
def gs(portal):
    create_users()
    with api.env.adopt_user(username="gs_officer"):
        yield


def test_goals_of_the_period_from_the_demo(portal, gs):
    report = compile_report(START, END)
    expected = {
        goal.UID(): goal
        for goal in walk(portal, "Goal")
        if api.content.get_state(goal) in ("approved", "closed")
        and goal.aq_parent.programme_year == 2026
    }
    assert expected  # the demo has approved goals
    assert {row["goal"].UID() for row in report.goals} == set(expected)
    for row in report.goals:
        goal = row["goal"]
        dated = [
            update.progress_date
            for update in goal.objectValues()
            if update.portal_type == "GoalProgress"
        ]
        assert row["updates"] == len([d for d in dated if START <= d <= END])
        if dated:
            assert row["measure"].latest.on == max(d for d in dated if d <= END)
    # A shorter period: the values as they stood at its end.
    early = compile_report(START, date(2026, 3, 31))
    for row in early.goals:
        latest = row["measure"].latest
        assert latest is None or latest.on <= date(2026, 3, 31)
        assert row["updates"] == len(readings(row["goal"], until=date(2026, 3, 31)))


def test_circulars_and_meetings_of_the_period_from_the_demo(portal, gs):
    report = compile_report(START, END)
    circulars = {
        c.UID()
        for c in walk(portal, "Circular")
        if c.issue_date
        and START <= c.issue_date <= END
        and api.content.get_state(c) in ISSUED
    }
    assert circulars
    assert {c.UID() for c in report.circulars} == circulars
    meetings = {
        m.UID()
        for m in walk(portal, "Meeting")
        if START <= m.start.date() <= END
        and m.meeting_status not in ("cancelled", "postponed")
    }
    assert meetings
    assert {m.UID() for m in report.meetings} == meetings


def test_decisions_implemented_and_still_open(portal, gs):
    unit = portal.unrestrictedTraverse(
        "units/mayors-office/general-secretariat/financial-services"
    )
    today = date.today()
    created = []
    for title in ("Υλοποιημένη ΑΝΑΦ-1", "Ανοιχτή ΑΝΑΦ-2"):
        created.append(
            api.content.create(
                container=portal["instructions"],
                type="Instruction",
                title=title,
                text=RichTextValue("<p>x</p>", "text/html", "text/x-html-safe"),
                responsible_units=[unit.UID()],
                follow_up_deadline=today + timedelta(days=10),
            )
        )
        api.content.transition(obj=created[-1], transition="give")
    change_status(created[0], "implemented", "Έγινε")
    report = compile_report(today - timedelta(days=1), today)
    implemented = {row["item"].Title() for row in report.implemented}
    still_open = {item.Title() for item in report.still_open}
    assert "Υλοποιημένη ΑΝΑΦ-1" in implemented
    assert "Ανοιχτή ΑΝΑΦ-2" in still_open
    assert "Υλοποιημένη ΑΝΑΦ-1" not in still_open
    before = compile_report(today - timedelta(days=30), today - timedelta(days=1))
    assert "Υλοποιημένη ΑΝΑΦ-1" not in {r["item"].Title() for r in before.implemented}
    assert "Ανοιχτή ΑΝΑΦ-2" not in {i.Title() for i in before.still_open}


def get(url, user=None, **kwargs):
    auth = (user, PASSWORD) if user else None
    return requests.get(url, auth=auth, timeout=60, **kwargs)


def test_report_page_csv_and_record(functional_portal):
    create_users()
    transaction.commit()
    url = f"{functional_portal.absolute_url()}/@@activity-report"
    period = {"from": START.isoformat(), "to": END.isoformat()}
    page = get(url, "gs_officer", params=period)
    assert page.status_code == 200
    assert "report-goals" in page.text
    assert "report-circulars" in page.text
    for user in (None, "finance_member"):
        refused = get(url, user, params=period, allow_redirects=False)
        assert refused.status_code in (302, 401, 403), user
        assert "report-goals" not in refused.text
    bad = get(url, "gs_officer", params={"from": "32.13.2026"})
    assert bad.status_code == 200
    assert "alert-danger" in bad.text
    exported = get(f"{url}.csv", "gs_officer", params=period)
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    sections = {row[0] for row in rows[1:]}
    assert len(sections) >= 3  # goals, circulars, meetings at least
    with api.env.adopt_user(username="gs_officer"):
        report = compile_report(START, END)
    entries = (
        report.goals,
        report.implemented,
        report.still_open,
        report.circulars,
        report.meetings,
    )
    assert len(rows) - 1 == sum(len(part) for part in entries)
    assert {row[-1] for row in rows[1:]} >= {c.absolute_url() for c in report.circulars}
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text)
    assert token
    saved = requests.post(
        f"{url}?from={START.isoformat()}&to={END.isoformat()}",
        data={"save": "1", "_authenticator": token.group(1)},
        auth=("gs_officer", PASSWORD),
        timeout=60,
        allow_redirects=False,
    )
    assert saved.status_code == 302, saved.text[:500]
    document_url = saved.headers["Location"]
    assert "/goals/" in document_url
    document = get(document_url, "gs_officer")
    assert "report-goals" in document.text or "Στόχοι" in document.text
    assert get(document_url, allow_redirects=False).status_code in (302, 401, 403)
    forged = requests.post(
        f"{url}?from={START.isoformat()}&to={END.isoformat()}",
        data={"save": "1"},
        auth=("gs_officer", PASSWORD),
        timeout=60,
        allow_redirects=False,
    )
    assert forged.status_code == 403
