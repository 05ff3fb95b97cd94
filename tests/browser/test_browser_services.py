"""Service standards in Chromium: a visitor finds a service, an editor imports a CSV."""

from plone import api

import pytest
import transaction


PASSWORD = "a long enough secret"
UNIT = "units/mayors-office/general-secretariat/technical-services"
HEADER = "sequence;title;required_documents;completion_time;completion_unit\n"
BAD = HEADER + "201;Άδεια κοπής δέντρου;Αίτηση;0;days\n"
GOOD = HEADER + "201;Άδεια κοπής δέντρου;Αίτηση;15;days\n"


def test_visitor_filters_and_opens_a_service(page, site_url):
    page.goto(f"{site_url}/@@service-standards")
    rows = page.locator("tr.service-row")
    total = rows.count()
    assert total > 5
    page.locator("#directory-filter").fill("πιστοποιητικο οικογενειακης")
    visible = page.locator("tr.service-row:visible")
    assert 0 < visible.count() < total
    visible.get_by_role("link", name="Πιστοποιητικό οικογενειακής κατάστασης").click()
    assert "family-status-certificate" in page.url
    assert page.locator("script[type='application/ld+json']").count() == 1
    assert "Μέγιστος χρόνος διεκπεραίωσης" in page.content()


@pytest.fixture
def editor(login_as, functional_portal):
    api.user.create(
        username="roads_editor", email="roads@example.org", password=PASSWORD
    )
    api.group.add_user(groupname="technical-services-editors", username="roads_editor")
    transaction.commit()
    return login_as("roads_editor", PASSWORD)


def test_editor_fixes_a_bad_row_and_imports(editor, site_url, tmp_path):
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(BAD, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    editor.goto(f"{site_url}/{UNIT}/@@import-service-standards")
    editor.set_input_files("#csvfile", str(bad))
    editor.locator(
        "form[action$='import-service-standards'] button[type=submit]"
    ).click()
    errors = editor.locator(".import-errors")
    assert errors.is_visible()
    assert "completion_time" in errors.inner_text()
    editor.set_input_files("#csvfile", str(good))
    editor.locator(
        "form[action$='import-service-standards'] button[type=submit]"
    ).click()
    assert editor.locator(".import-done").is_visible()
    editor.goto(f"{site_url}/{UNIT}/@@service-standards")
    assert (
        "Άδεια κοπής δέντρου"
        in editor.locator("table.service-standards-table").inner_text()
    )


def test_unit_table_prints_for_the_notice_board(page, site_url):
    page.goto(f"{site_url}/{UNIT}/@@service-standards")
    page.emulate_media(media="print")
    assert not page.locator("#portal-globalnav").is_visible()
    assert page.locator("table.service-standards-table").is_visible()
    assert page.locator("footer.service-complaints").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
