"""The meeting journey in Chromium: agenda, preparation, decision, follow-up."""

from plone import api

import pytest
import transaction


PASSWORD = "a long enough secret"
USERS = {
    "gs_officer": "general-secretariat",
    "finance_member": "financial-services-members",
    "technical_member": "technical-services-members",
}
GS = "units/mayors-office/general-secretariat"


@pytest.fixture
def people(functional_portal):
    for username, group in USERS.items():
        api.user.create(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            properties={"fullname": username.replace("_", " ").title()},
        )
        api.group.add_user(groupname=group, username=username)
    transaction.commit()
    return {
        "finance": functional_portal.unrestrictedTraverse(
            f"{GS}/financial-services"
        ).UID(),
        "technical": functional_portal.unrestrictedTraverse(
            f"{GS}/technical-services"
        ).UID(),
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


def add_item(page, meeting_url, number, title, unit):
    page.goto(f"{meeting_url}/++add++AgendaItem")
    page.locator("[name='form.widgets.IBasic.title']").fill(title)
    page.locator("[name='form.widgets.item_number']").fill(str(number))
    page.select_option("[name='form.widgets.rapporteur_unit:list']", unit)
    return save(page)


def test_meeting_agenda_decision_follow_up(login_as, site_url, people):
    gs = login_as("gs_officer", PASSWORD)
    gs.goto(f"{site_url}/meetings/++add++Meeting")
    gs.locator("[name='form.widgets.IBasic.title']").fill(
        "Τακτική συνεδρίαση Δεκεμβρίου"
    )
    gs.select_option("[name='form.widgets.body:list']", "council")
    meeting_url = save(gs)
    assert "/meetings/taktiki-synedriasi-dekembrioy" in meeting_url
    budget = add_item(gs, meeting_url, 1, "Προϋπολογισμός 2027", people["finance"])
    add_item(gs, meeting_url, 2, "Συντήρηση οδικού δικτύου", people["technical"])
    gs.goto(meeting_url)
    rows = gs.locator(".meeting-agenda-table tbody tr")
    assert rows.count() == 2
    assert "Προϋπολογισμός 2027" in rows.nth(0).inner_text()

    # The rapporteur unit marks its item prepared.
    finance = login_as("finance_member", PASSWORD)
    finance.goto(budget)
    finance.get_by_role("button", name="Σήμανση ως προετοιμασμένο").click()
    finance.wait_for_load_state()
    assert "Προετοιμάστηκε" in finance.locator(".agenda-item-preparation").inner_text()

    # The General Secretariat records a decision with a deadline.
    gs.goto(f"{budget}/++add++Decision")
    gs.locator("[name='form.widgets.IBasic.title']").fill("Έγκριση προϋπολογισμού 2027")
    body = gs.frame_locator(".tox-edit-area iframe").locator("body")
    body.click()
    body.type("Εγκρίνεται ο προϋπολογισμός του έτους 2027.")
    gs.locator("#autotoc-item-autotoc-1").click()  # the Follow-up fieldset
    gs.locator(
        f"[name='form.widgets.IFollowUp.responsible_units:list'][value='{people['finance']}']"
    ).check()
    set_date(gs, "form.widgets.IFollowUp.follow_up_deadline", "2027-01-31")
    decision_url = save(gs)
    gs.goto(gs.locator("#workflow-transition-record").get_attribute("href"))
    gs.wait_for_load_state()
    number = gs.locator(".decision-number").inner_text()
    serial, year = number.split("/")
    assert serial.isdigit()
    assert len(year) == 4
    assert "31.01.2027" in gs.locator(".follow-up-box").inner_text()

    # The responsible unit reports progress.
    finance.goto(decision_url)
    finance.get_by_role("link", name="Προσθήκη σημειώματος προόδου").click()
    finance.locator("[name='form.widgets.text']").fill("Στάλθηκε στις υπηρεσίες.")
    finance.locator("[name='form.buttons.save']").click()
    finance.wait_for_load_state()
    finance.goto(decision_url)
    timeline = finance.locator(".follow-up-timeline").inner_text()
    assert "Στάλθηκε στις υπηρεσίες." in timeline
    assert "Σε εξέλιξη" in finance.locator(".follow-up-current-status").inner_text()

    # The dashboard shows it; the General Secretariat closes it.
    gs.goto(f"{site_url}/@@follow-up")
    assert "Έγκριση προϋπολογισμού 2027" in gs.locator(".follow-up-table").inner_text()
    gs.goto(decision_url)
    gs.select_option("#follow-up-new-status", "implemented")
    gs.locator("#follow-up-comment").fill("Εκτελέστηκε.")
    gs.locator(".follow-up-status-form button[type='submit']").click()
    gs.wait_for_load_state()
    assert "Υλοποιήθηκε" in gs.locator(".follow-up-current-status").inner_text()
    gs.goto(f"{site_url}/@@follow-up")
    table = gs.locator(".follow-up-dashboard").inner_text()
    assert "Έγκριση προϋπολογισμού 2027" not in table
