"""The goals journey in Chromium: proposal, approval, progress, dashboard, report."""

from datetime import date
from municipality.intranet import _
from plone import api
from zope.i18n import translate

import pytest
import transaction


PASSWORD = "a long enough secret"
USERS = {
    "finance_editor": "financial-services-editors",
    "finance_member": "financial-services-members",
    "gs_officer": "general-secretariat",
}
GS = "units/mayors-office/general-secretariat"
FINANCE = f"{GS}/financial-services"
RISK_MARGIN = 10.0  # the registry's default


def el(msgid: str) -> str:
    """A message as the Greek site shows it, whatever its translation is today."""
    return translate(_(msgid), target_language="el")


@pytest.fixture
def setup(functional_portal):
    for username, group in USERS.items():
        api.user.create(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            properties={"fullname": username.replace("_", " ").title()},
        )
        api.group.add_user(groupname=group, username=username)
    year = date.today().year
    with api.env.adopt_user(username="gs_officer"):
        programme = api.content.create(
            container=functional_portal["goals"],
            type="ActionProgramme",
            title=f"Πρόγραμμα ΔΟΚΙΜΗ {year}",  # beside the demo programme
            programme_year=year,
        )
    finance = functional_portal.unrestrictedTraverse(FINANCE)
    transaction.commit()
    return {
        "year": year,
        "programme": programme.absolute_url(),
        "finance_uid": finance.UID(),
        "finance_title": finance.Title(),
    }


def save(page):
    page.locator("[name='form.buttons.save']").click()
    page.wait_for_load_state()
    return page.url.rsplit("/view", 1)[0]


def set_date(page, name, value):
    """Date widgets are enhanced by a pattern: set the submitted field itself."""
    page.eval_on_selector(
        f"[name='{name}']", "(el, value) => { el.value = value; }", value
    )


def do_transition(page, url, transition):
    """Follow the transition's link of the state menu on the item's page."""
    page.goto(url)
    page.goto(page.locator(f"#workflow-transition-{transition}").get_attribute("href"))
    page.wait_for_load_state()


def expected_status(percent: float, year: int) -> str:
    """A goal due on 31 December, measured from 1 January, as it stands today."""
    start, due, today = date(year, 1, 1), date(year, 12, 31), date.today()
    if percent >= 100:
        return "Achieved"
    expected = 100.0 * (today - start).days / (due - start).days
    return "At risk" if percent < expected - RISK_MARGIN else "On track"


def propose(page, setup, title, category, indicator, measure, baseline, target, w):
    page.goto(setup["programme"])
    page.locator(".action-programme a.btn[href$='/++add++Goal']").click()
    page.wait_for_load_state()
    assert page.url.endswith("/++add++Goal")
    # An editor of one unit proposes for it: the unit comes preselected.
    unit = page.locator("[name='form.widgets.goal_unit:list']")
    assert unit.input_value() == setup["finance_uid"]
    page.locator("[name='form.widgets.IBasic.title']").fill(title)
    page.select_option("[name='form.widgets.category:list']", category)
    # The unit sets the figures it will be measured by.
    for field in ("indicator", "measure_unit", "baseline", "target"):
        assert page.locator(f"[name='form.widgets.{field}']").count() == 1, (
            f"the add form offers the unit's editor no field {field!r}"
        )
    page.locator("[name='form.widgets.indicator']").fill(indicator)
    page.locator("[name='form.widgets.measure_unit']").fill(measure)
    page.locator("[name='form.widgets.baseline']").fill(baseline)
    page.locator("[name='form.widgets.target']").fill(target)
    set_date(page, "form.widgets.due_date", f"{setup['year']}-12-31")
    page.locator("[name='form.widgets.weight']").fill(w)
    url = save(page)
    assert url.startswith(setup["programme"] + "/")
    assert page.get_by_role("heading", level=1).inner_text() == title
    facts = page.locator(".goal-facts").inner_text()
    assert setup["finance_title"] in facts
    assert indicator in facts
    assert f"{target} {measure}" in facts
    assert "31.12." in facts
    return url


def test_goal_proposal_approval_progress_dashboard_report(login_as, site_url, setup):
    year = setup["year"]
    programme = setup["programme"]

    # A unit editor proposes two goals for the finance unit and submits them.
    editor = login_as("finance_editor", PASSWORD)
    answers = propose(
        editor,
        setup,
        "Αιτήματα πολιτών εντός προθεσμίας",
        "services",
        "Ποσοστό αιτημάτων που απαντήθηκαν εντός προθεσμίας",
        "%",
        "60",
        "90",
        "3",
    )
    training = propose(
        editor,
        setup,
        "Εκπαίδευση προσωπικού",
        "skills",
        "Ώρες εκπαίδευσης ανά υπάλληλο",
        "ώρες",
        "0",
        "40",
        "1",
    )
    assert answers != training
    for url in (answers, training):
        editor.goto(url)
        assert el("Proposed") in editor.locator(".goal-summary").inner_text()
        do_transition(editor, url, "submit")
        editor.goto(url)
        summary = editor.locator(".goal-summary").inner_text()
        assert el("Submitted") in summary
        assert el("Not approved yet") in summary
    # Submitted goals are no longer the unit's to approve.
    assert editor.locator("#workflow-transition-approve").count() == 0

    # The General Secretariat sees them waiting on the dashboard, approves both.
    gs = login_as("gs_officer", PASSWORD)
    gs.goto(programme)
    waiting = gs.locator(".goals-unit .goal-row")
    assert waiting.count() == 2
    for row in waiting.all():
        assert el("Submitted") in row.inner_text()
        assert row.locator(".goal-status").inner_text() == el("Not approved yet")
    # Nothing approved yet: no chart.
    assert gs.locator(".goals-charts").count() == 0
    for url in (answers, training):
        do_transition(gs, url, "approve")
        gs.goto(url)
        assert el("Approved") in gs.locator(".goal-summary").inner_text()
        assert gs.locator(".goal-approvals li").count() == 1

    # A member of the unit records progress on the first goal.
    member = login_as("finance_member", PASSWORD)
    member.goto(answers)
    assert el("No progress recorded yet.") in member.locator(".goal-facts").inner_text()
    member.locator(".goal-updates a[href$='/++add++GoalProgress']").click()
    member.wait_for_load_state()
    assert member.url == f"{answers}/++add++GoalProgress"
    today = date.today()
    set_date(member, "form.widgets.progress_date", today.isoformat())
    member.locator("[name='form.widgets.value']").fill("84")
    member.locator("[name='form.widgets.note']").fill(
        "Νέα διαδικασία διεκπεραίωσης αιτημάτων."
    )
    save(member)
    member.goto(answers)
    facts = member.locator(".goal-facts").inner_text()
    assert f"84 % ({today.strftime('%d.%m.%Y')})" in facts
    assert "80%" in facts  # (84 - 60) / (90 - 60)
    status = expected_status(80.0, year)
    badge = member.locator(".goal-summary .goal-status")
    assert badge.inner_text() == el(status)
    colour = "bg-success" if status == "On track" else "bg-warning"
    assert colour in badge.get_attribute("class")
    assert member.locator(".goal-progress").get_attribute("aria-valuenow") == "80.0"
    timeline = member.locator(".goal-timeline").inner_text()
    assert "Νέα διαδικασία διεκπεραίωσης αιτημάτων." in timeline
    assert "84 %" in timeline

    # The General Secretariat's dashboard: both goals, chart, badges.
    gs.goto(programme)
    assert el("Achievement per unit") in gs.locator("#chart-units").inner_text()
    unit_rows = gs.locator("section[aria-labelledby='chart-units'] tbody tr")
    assert unit_rows.count() == 1
    assert setup["finance_title"] in unit_rows.nth(0).inner_text()
    # Weighted: (3 × 80 + 1 × 0) / 4.
    assert unit_rows.nth(0).locator(".goals-chart-percent").inner_text() == "60%"
    assert unit_rows.nth(0).locator("td").nth(0).inner_text() == "2"
    assert unit_rows.nth(0).locator("svg rect").nth(1).get_attribute("width") == "60.0"
    per_category = gs.locator("section[aria-labelledby='chart-categories'] tbody tr")
    assert per_category.count() == 2
    services = per_category.filter(has_text=el("Services provided"))
    assert services.locator(".goals-chart-percent").inner_text() == "80%"
    skills = per_category.filter(
        has_text=el("Knowledge, skills and competences of the staff")
    )
    assert skills.locator(".goals-chart-percent").inner_text() == "0%"
    assert gs.locator(".goals-unit .goal-row").count() == 2
    table = gs.locator(".goals-unit").inner_text()
    assert setup["finance_title"] in table
    answers_row = gs.locator(".goal-row", has_text="Αιτήματα πολιτών")
    assert "84" in answers_row.locator("td").nth(2).inner_text()
    assert "60 → 90" in answers_row.inner_text()
    assert answers_row.locator(".goal-status").inner_text() == el(status)
    training_row = gs.locator(".goal-row", has_text="Εκπαίδευση προσωπικού")
    assert "0 → 40" in training_row.inner_text()
    assert training_row.locator(".goal-status").inner_text() == el(
        expected_status(0.0, year)
    )

    # The activity report for the year: the goal and the value reached.
    gs.goto(f"{site_url}/@@activity-report?from={year}-01-01&to={year}-12-31")
    assert (
        f"01.01.{year} – 31.12.{year}"
        in gs.get_by_role("heading", level=1).inner_text()
    )
    rows = gs.locator(".report-goals tbody tr")  # the demo's goals too
    report_row = rows.filter(has=gs.locator(f"a[href='{answers}']"))
    assert report_row.count() == 1
    cells = report_row.locator("td").all_inner_texts()
    assert cells[0] == "Αιτήματα πολιτών εντός προθεσμίας"
    assert cells[1] == setup["finance_title"]
    assert cells[2] == "90 %"
    assert cells[3] == "84"
    assert cells[4] == "80%"
    # At the period's end the schedule expects the whole target.
    assert cells[5] == el("At risk")
    assert cells[6] == "1"  # updates in the period
    other = rows.filter(has=gs.locator(f"a[href='{training}']"))
    assert other.locator("td").nth(3).inner_text() == ""
    assert other.locator("td").nth(6).inner_text() == "0"
