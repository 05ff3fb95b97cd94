"""The circular journey in Chromium: draft, submit, issue, acknowledge, check."""

from plone import api

import pytest
import transaction


PASSWORD = "a long enough secret"
USERS = {
    "technical_editor": "technical-services-editors",
    "reviewer": "general-secretariat",
    "finance_member": "financial-services-members",
}
UNIT = "units/mayors-office/general-secretariat/technical-services"


@pytest.fixture
def people(functional_portal):
    for username, group in USERS.items():
        api.user.create(
            username=username, email=f"{username}@example.org", password=PASSWORD
        )
        api.group.add_user(groupname=group, username=username)
    transaction.commit()


def transition(page, transition_id):
    """Follow the state menu's link for the transition (it carries the CSRF token)."""
    link = page.locator(f"#workflow-transition-{transition_id}")
    page.goto(link.get_attribute("href"))
    page.wait_for_load_state()


def test_draft_issue_acknowledge(login_as, site_url, people):
    editor = login_as("technical_editor", PASSWORD)
    editor.goto(f"{site_url}/{UNIT}/++add++Circular")
    editor.locator("[name='form.widgets.IBasic.title']").fill("Καθαριότητα γραφείων")
    body = editor.frame_locator(".tox-edit-area iframe").locator("body")
    body.click()
    body.type("Τα γραφεία καθαρίζονται κάθε απόγευμα.")
    editor.select_option(
        "[name='form.widgets.issuing_authority:list']", "general-secretary"
    )
    editor.locator("[name='form.widgets.all_units:list']").check()
    editor.locator("[name='form.buttons.save']").click()
    editor.wait_for_load_state()
    circular_url = editor.url.rsplit("/view", 1)[0]
    assert "kathariotita-grafeion" in circular_url
    transition(editor, "submit")

    reviewer = login_as("reviewer", PASSWORD)
    reviewer.goto(circular_url)
    transition(reviewer, "issue")
    number = reviewer.locator(".circular-number").inner_text()
    assert number.startswith(f"{__import__('datetime').date.today().year}/")

    member = login_as("finance_member", PASSWORD)
    member.goto(circular_url)
    assert member.locator(".circular-number").inner_text() == number
    member.locator("form.circular-acknowledge button").click()
    member.wait_for_load_state()
    assert member.locator("form.circular-acknowledge").count() == 0

    reviewer.reload()
    done = reviewer.locator(".circular-acknowledgements tr.acknowledged")
    assert "Οικονομικών" in done.inner_text()
    assert "finance_member" in done.inner_text()


def test_prints_as_a_document(page, site_url):
    circular = (
        f"{site_url}/units/mayors-office/general-secretariat/summer-opening-hours"
    )
    page.goto(circular)
    page.emulate_media(media="print")
    assert not page.locator("#portal-globalnav").is_visible()
    assert not page.locator("#portal-footer-wrapper").is_visible()
    assert page.locator(".circular-number").is_visible()
    assert page.locator(".circular-body").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
