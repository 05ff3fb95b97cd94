"""Meeting pages, the dashboard, its CSV and the calendars, over HTTP."""

from datetime import date
from datetime import timedelta
from meeting_helpers import create_users
from meeting_helpers import FINANCE
from meeting_helpers import make_decision
from meeting_helpers import make_instruction
from meeting_helpers import make_item
from meeting_helpers import make_meeting
from meeting_helpers import PASSWORD
from meeting_helpers import TECHNICAL
from meeting_helpers import transition
from meeting_helpers import uid
from plone import api

import csv
import gzip
import icalendar
import io
import pytest
import requests
import transaction


@pytest.fixture
def site(functional_portal):
    """A public council meeting and an internal coordination council."""
    portal = functional_portal
    create_users(portal)
    finance, technical = uid(portal, FINANCE), uid(portal, TECHNICAL)
    council = make_meeting(portal, title="Συνεδρίαση ΔΣ 21")
    make_item(council, 2, technical, "Συντήρηση οδών", date.today() - timedelta(days=1))
    item = make_item(council, 1, finance, "Προϋπολογισμός 2027")
    late = make_decision(
        item, [finance], date.today() - timedelta(days=2), "Εκπρόθεσμη απόφαση ΜΑΡΚΕΡ-Α"
    )
    later = make_decision(
        item, [finance, technical], date.today() + timedelta(days=30), "Μελλοντική"
    )
    draft = make_decision(item, [finance], date.today(), "Πρόχειρη ΜΑΡΚΕΡ-Δ")
    transition(council, "gs_officer", "publish")
    transition(late, "gs_officer", "publish")
    with api.env.adopt_user(username="finance_member"):
        note = api.content.create(
            container=late,
            type="ProgressNote",
            id="note",
            text="Εσωτερική σημείωση ΜΑΡΚΕΡ-Σ2",
        )
    transition(later, "gs_officer", "record")
    coordination = make_meeting(
        portal, body="coordination-council", title="Συντονιστικό ΜΑΡΚΕΡ-Σ", days=3
    )
    transition(coordination, "gs_officer", "circulate")
    instruction = make_instruction(
        portal, [technical], date.today() - timedelta(days=5), "Εντολή ΜΑΡΚΕΡ-Ε"
    )
    transition(instruction, "gs_officer", "give")
    transaction.commit()
    return {
        "url": portal.absolute_url(),
        "council": council.absolute_url(),
        "coordination": coordination.absolute_url(),
        "item": item.absolute_url(),
        "late": late,
        "later": later,
        "draft": draft.absolute_url(),
        "instruction": instruction.absolute_url(),
        "finance": finance,
        "note": note.absolute_url(),
    }


def get(url, user=None, **kwargs):
    auth = (user, PASSWORD) if user else None
    return requests.get(url, auth=auth, timeout=30, **kwargs)


def row_class(page: str, marker: str) -> str:
    """The class of the dashboard table row holding ``marker``."""
    for chunk in page.split('<tr class="')[1:]:
        if marker in chunk.split("</tr>", 1)[0]:
            return chunk.split('"', 1)[0]
    raise AssertionError(f"no row with {marker}")


def test_council_agenda_is_public(site):
    page = get(site["council"])
    assert page.status_code == 200
    text = page.text
    assert "Δημοτικό Συμβούλιο" in text
    assert text.index("Προϋπολογισμός 2027") < text.index("Συντήρηση οδών")
    # Preparation is staff business.
    assert "agenda-item-preparation" not in text
    assert "Προετοιμασία" not in text
    staff_page = get(site["council"], "staff").text
    assert "badge bg-success" not in staff_page
    assert "Ζητήθηκε" in staff_page


@pytest.mark.parametrize("key", ["coordination", "draft", "instruction"])
def test_internal_pages_are_not_public(site, key):
    response = get(site[key], allow_redirects=False)
    assert response.status_code in (302, 401, 403, 404)
    assert "ΜΑΡΚΕΡ" not in response.text


def test_anonymous_search_and_rest_show_public_items_only(site):
    search = get(f"{site['url']}/@@search", params={"SearchableText": "ΜΑΡΚΕΡ*"})
    assert "ΜΑΡΚΕΡ-Α" in search.text
    for marker in ("ΜΑΡΚΕΡ-Δ", "ΜΑΡΚΕΡ-Σ", "ΜΑΡΚΕΡ-Ε"):
        assert marker not in search.text
    rest = get(
        f"{site['url']}/++api++/@search",
        params={
            "portal_type": ["Meeting", "Decision", "Instruction", "Minutes"],
            "fullobjects": 1,
        },
        headers={"Accept": "application/json"},
    )
    assert rest.status_code == 200
    titles = [item["title"] for item in rest.json()["items"]]
    assert "Εκπρόθεσμη απόφαση ΜΑΡΚΕΡ-Α" in titles
    assert not [t for t in titles if "ΜΑΡΚΕΡ-" in t and "ΜΑΡΚΕΡ-Α" not in t]
    # The public sees the decision, not the follow-up box.
    page = get(site["late"].absolute_url()).text
    assert "follow-up-box" not in page


def test_follow_up_of_a_public_decision_stays_internal(site):
    """The public reads the decision; its notes and follow-up are staff business."""
    decision_url = site["late"].absolute_url()
    assert get(decision_url).status_code == 200
    note = get(site["note"], allow_redirects=False)
    assert note.status_code in (302, 401, 403, 404)
    assert "ΜΑΡΚΕΡ-Σ2" not in note.text
    assert "ΜΑΡΚΕΡ-Σ2" not in get(f"{site['url']}/@@search?SearchableText=ΜΑΡΚΕΡ*").text
    assert "ΜΑΡΚΕΡ-Σ2" in get(site["note"], "gs_officer").text
    assert "ΜΑΡΚΕΡ-Σ2" in get(site["note"], "finance_member").text
    assert get(site["note"], "technical_member").url.endswith("insufficient-privileges")
    rest = get(decision_url, headers={"Accept": "application/json"}).json()
    assert "responsible_units" not in rest
    assert "implementation_status" not in rest
    assert rest["decision_number"]
    staff = get(decision_url, "staff", headers={"Accept": "application/json"}).json()
    assert staff["responsible_units"]
    item = get(site["item"], headers={"Accept": "application/json"}).json()
    assert "preparation_status" not in item
    assert item["rapporteur_unit"]
    sitemap = get(f"{site['url']}/sitemap.xml.gz", params={"page": 1})
    assert sitemap.status_code == 200
    entries = gzip.decompress(sitemap.content).decode()
    assert site["council"] in entries
    assert site["note"] not in entries
    assert site["coordination"] not in entries


def test_ics_feed_parses_and_hides_internal_meetings(site):
    public = icalendar.Calendar.from_ical(get(f"{site['url']}/@@meetings.ics").content)
    summaries = [str(e["SUMMARY"]) for e in public.walk("VEVENT")]
    assert any("Συνεδρίαση ΔΣ 21" in s for s in summaries)
    assert not any("ΜΑΡΚΕΡ-Σ" in s for s in summaries)
    staff = icalendar.Calendar.from_ical(
        get(f"{site['url']}/@@meetings.ics", "staff").content
    )
    events = {str(e["SUMMARY"]): e for e in staff.walk("VEVENT")}
    coordination = next(e for s, e in events.items() if "ΜΑΡΚΕΡ-Σ" in s)
    assert str(coordination["STATUS"]) == "CONFIRMED"
    assert "Συντονιστικό Συμβούλιο" in str(coordination["SUMMARY"])
    one = icalendar.Calendar.from_ical(get(f"{site['council']}/ics_view").content)
    (event,) = one.walk("VEVENT")
    assert event.decoded("DTSTART").utcoffset() is not None


def test_dashboard_overdue_first_and_filters(site):
    refused = get(f"{site['url']}/@@follow-up", "finance_member")
    assert "insufficient-privileges" in refused.url
    assert "ΜΑΡΚΕΡ" not in refused.text
    page = get(f"{site['url']}/@@follow-up", "gs_officer")
    assert page.status_code == 200
    text = page.text
    # Overdue items (the late decision, the instruction) before the others.
    assert text.index("ΜΑΡΚΕΡ-Α") < text.index("Μελλοντική")
    assert text.index("ΜΑΡΚΕΡ-Ε") < text.index("Μελλοντική")
    assert "table-danger" in row_class(text, "ΜΑΡΚΕΡ-Α")
    assert "table-danger" in row_class(text, "ΜΑΡΚΕΡ-Ε")
    assert "table-danger" not in row_class(text, "Μελλοντική")
    # Drafts are not followed up yet.
    assert "ΜΑΡΚΕΡ-Δ" in text  # the GS sees its own drafts
    filtered = get(
        f"{site['url']}/@@follow-up",
        "gs_officer",
        params={"unit": site["finance"], "body": "council"},
    ).text
    assert "ΜΑΡΚΕΡ-Ε" not in filtered
    assert "ΜΑΡΚΕΡ-Α" in filtered
    ranged = get(
        f"{site['url']}/@@follow-up",
        "gs_officer",
        params={"from": date.today().isoformat()},
    ).text
    assert "ΜΑΡΚΕΡ-Α" not in ranged
    assert "Μελλοντική" in ranged
    bad = get(f"{site['url']}/@@follow-up", "gs_officer", params={"from": "32/13"})
    assert bad.status_code == 200
    assert "δεν είναι έγκυρη" in bad.text


def test_dashboard_csv(site):
    response = get(f"{site['url']}/@@follow-up.csv", "gs_officer")
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert len(header) == 9
    titles = [row[2] for row in body]
    # Overdue rows (column 8 set) come first, whatever else the demo holds.
    overdue = [bool(row[7]) for row in body]
    assert overdue == sorted(overdue, reverse=True)
    assert titles.index("Εκπρόθεσμη απόφαση ΜΑΡΚΕΡ-Α") < titles.index("Μελλοντική")
    late = next(row for row in body if row[2] == "Εκπρόθεσμη απόφαση ΜΑΡΚΕΡ-Α")
    assert late[1].startswith("1/")
    assert late[7]  # overdue
    anonymous = get(f"{site['url']}/@@follow-up.csv")
    assert "ΜΑΡΚΕΡ" not in anonymous.text
    assert "login" in anonymous.url


def test_agenda_preparation_and_unit_page(site, functional_portal):
    page = get(f"{site['url']}/@@agenda-preparation", "gs_officer").text
    assert "Συντήρηση οδών" in page
    assert "Συνεδρίαση ΔΣ 21" in page  # the meeting of each item
    assert "Προϋπολογισμός 2027" in page
    finance_url = functional_portal.unrestrictedTraverse(FINANCE).absolute_url()
    unit_page = get(finance_url, "finance_member").text
    assert "unit-follow-ups" in unit_page
    assert "ΜΑΡΚΕΡ-Α" in unit_page
    assert "Προϋπολογισμός 2027" in unit_page
    assert "Συντήρηση οδών" not in unit_page
    # Other units' staff and the public do not get the section.
    assert "unit-follow-ups" not in get(finance_url, "technical_member").text
    assert "unit-follow-ups" not in get(finance_url).text


def test_rapporteur_marks_prepared_with_a_token_only(site, functional_portal):
    session = requests.Session()
    session.auth = ("finance_member", PASSWORD)
    page = session.get(site["item"]).text
    assert "@@mark-prepared" in page
    forged = session.post(
        f"{site['item']}/@@mark-prepared", data={"status": "prepared"}, timeout=30
    )
    assert forged.status_code == 403
    token = page.split('name="_authenticator"', 1)[1].split('value="', 1)[1]
    token = token.split('"', 1)[0]
    done = session.post(
        f"{site['item']}/@@mark-prepared",
        data={"status": "prepared", "_authenticator": token},
        timeout=30,
    )
    assert done.status_code == 200
    transaction.begin()
    item = api.content.get(path="/" + site["item"].split("/plone/", 1)[1])
    assert item.preparation_status == "prepared"
    other = requests.post(
        site["item"].rsplit("/", 1)[0] + "/syntirisi-odon/@@mark-prepared",
        auth=("finance_member", PASSWORD),
        data={"_authenticator": token},
        timeout=30,
    )
    assert "insufficient-privileges" in other.url


def test_the_office_finds_its_dashboards_in_the_user_menu(site):
    office = get(site["url"], "gs_officer").text
    assert "@@follow-up" in office
    assert "@@agenda-preparation" in office
    staff = get(site["url"], "finance_member").text
    assert "@@follow-up" not in staff
