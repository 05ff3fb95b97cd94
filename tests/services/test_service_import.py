"""Bulk CSV import: all rows or none, per-row errors, idempotent, per-unit rights."""

from municipality.intranet.service_import import import_services
from municipality.intranet.service_import import ImportFailed
from plone import api
from plone.testing.zope import Browser
from service_helpers import create_editors
from service_helpers import FINANCE
from service_helpers import PASSWORD
from service_helpers import TECHNICAL

import io
import pytest
import transaction


HEADER = (
    "sequence;title;required_documents;completion_time;completion_unit;"
    "fee_amount;channels;online_url\n"
)
GOOD = (
    HEADER
    + "101;Άδεια κατάληψης πεζοδρομίου;Αίτηση|Σχέδιο;10;working-days;20,00;in-person|online;https://www.example.org/a\n"
    + "102;Αποκομιδή ογκωδών;;2;days;;phone;\n"
).replace(";;2;days", ";Κανένα;2;days")
BAD = (
    HEADER
    + "101;Άδεια κατάληψης πεζοδρομίου;Αίτηση;10;working-days;;in-person;\n"
    + "102;Αποκομιδή ογκωδών;Αίτηση;0;fortnights;abc;online;\n"
)


def services(unit):
    return sorted(
        (s for s in unit.objectValues() if s.portal_type == "ServiceStandard"),
        key=lambda s: s.sequence,
    )


@pytest.fixture
def unit(portal):
    return portal.unrestrictedTraverse(TECHNICAL)


def test_good_file_imports_every_row(unit):
    with api.env.adopt_roles(["Manager"]):
        counts = import_services(unit, ("\ufeff" + GOOD).encode())
    assert counts == {"created": 2, "updated": 0, "unchanged": 0}
    imported = [s for s in services(unit) if s.sequence >= 101]
    assert [s.Title() for s in imported] == [
        "Άδεια κατάληψης πεζοδρομίου",
        "Αποκομιδή ογκωδών",
    ]
    assert imported[0].required_documents == ["Αίτηση", "Σχέδιο"]
    assert str(imported[0].fee_amount) == "20.00"
    assert imported[0].channels == ["in-person", "online"]


def test_comma_separated_file(unit):
    text = GOOD.replace(";", ",").replace("20,00", "20.00")
    with api.env.adopt_roles(["Manager"]):
        counts = import_services(unit, text.encode())
    assert counts["created"] == 2


def test_bad_file_imports_nothing_and_reports_each_cell(unit):
    before = len(services(unit))
    with pytest.raises(ImportFailed) as failure, api.env.adopt_roles(["Manager"]):
        import_services(unit, BAD.encode())
    cells = {(e.row, e.column) for e in failure.value.errors}
    assert {
        (3, "completion_time"),
        (3, "completion_unit"),
        (3, "fee_amount"),
        (3, "channels"),
    } <= cells
    assert not any(row == 2 for row, _column in cells)
    assert len(services(unit)) == before


def test_reimport_changes_nothing(unit):
    with api.env.adopt_roles(["Manager"]):
        import_services(unit, GOOD.encode())
        modified = {s.sequence: s.modified() for s in services(unit)}
        counts = import_services(unit, GOOD.encode())
    assert counts == {"created": 0, "updated": 0, "unchanged": 2}
    assert {s.sequence: s.modified() for s in services(unit)} == modified


def test_changed_row_updates_in_place(unit):
    with api.env.adopt_roles(["Manager"]):
        import_services(unit, GOOD.encode())
        counts = import_services(
            unit, GOOD.replace(";10;working-days", ";7;working-days").encode()
        )
    assert counts == {"created": 0, "updated": 1, "unchanged": 1}
    assert [s.completion_time for s in services(unit) if s.sequence == 101] == [7]


def upload(browser, url, text):
    browser.open(f"{url}/@@import-service-standards")
    control = browser.getControl(name="csvfile")
    control.add_file(io.BytesIO(text.encode()), "text/csv", "services.csv")
    browser.getForm(action="import-service-standards").submit()


@pytest.fixture
def editor_browser(functional_app, functional_portal):
    create_editors(functional_portal)
    transaction.commit()
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic technical_editor:{PASSWORD}")
    return browser


def test_editor_imports_through_the_form(editor_browser, functional_portal):
    url = functional_portal.unrestrictedTraverse(TECHNICAL).absolute_url()
    upload(editor_browser, url, BAD)
    assert "import-errors" in editor_browser.contents
    assert "completion_time" in editor_browser.contents
    upload(editor_browser, url, GOOD)
    assert "import-done" in editor_browser.contents
    transaction.begin()
    unit = functional_portal.unrestrictedTraverse(TECHNICAL)
    assert {101, 102} <= {s.sequence for s in services(unit)}


def test_editor_cannot_import_into_another_unit(functional_app, functional_portal):
    create_editors(functional_portal)
    transaction.commit()
    browser = Browser(functional_app)
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic technical_editor:{PASSWORD}")
    finance = functional_portal.unrestrictedTraverse(FINANCE).absolute_url()
    browser.open(f"{finance}/@@import-service-standards")
    assert 'name="csvfile"' not in browser.contents
    assert "insufficient-privileges" in browser.url
