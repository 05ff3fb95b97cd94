"""The month grid, the list, the event page and both iCalendar feeds, over HTTP."""

from datetime import timedelta
from municipality.intranet import _
from municipality.intranet.browser.protocol_calendar import add_months
from municipality.intranet.browser.protocol_calendar import month_key
from municipality.intranet.follow_up import site_today
from plone.base.i18nl10n import monthname_msgid
from protocol_helpers import at
from protocol_helpers import create_users
from protocol_helpers import make_event
from protocol_helpers import PASSWORD
from protocol_helpers import SECRETARY
from protocol_helpers import uid
from zope.i18n import translate

import icalendar
import pytest
import requests
import transaction


pytestmark = pytest.mark.dated


@pytest.fixture
def site(functional_portal):
    """Events in every state, this month and the next, and a yearly holiday."""
    portal = functional_portal
    create_users(portal)
    today = site_today()
    next_month = add_months(today.replace(day=1), 1)
    public = make_event(
        portal,
        "Υποδοχή αντιπροσωπείας ΠΡΩΤ-Δ",
        "published",
        kind="reception",
        start=at(today, 10, 30),
        organiser="Εμπορικός Σύλλογος",
        mayor_attends=False,
        represented_by=uid(portal, SECRETARY),
        guests_of_honour=["Άννα Ζαφείρη – Πρόξενος"],
        protocol_notes="Δώρο: λεύκωμα της πόλης ΠΡΩΤ-Σ1",
        description="Επίσκεψη αντιπροσωπείας της αδελφοποιημένης πόλης.",
    )
    internal = make_event(
        portal,
        "Εσωτερική σύσκεψη πρωτοκόλλου ΠΡΩΤ-Ε",
        "internal",
        start=at(today, 8),
        hours=1,
        protocol_notes="Σειρά ομιλητών ΠΡΩΤ-Σ2",
    )
    draft = make_event(portal, "Πρόχειρη επίσκεψη ΠΡΩΤ-Π", start=at(today, 12))
    opening = make_event(
        portal,
        "Εγκαίνια παιδικής χαράς ΠΡΩΤ-Ν",
        "published",
        kind="opening",
        start=at(next_month + timedelta(days=4), 17),
        location="Πάρκο Ειρήνης",
    )
    holiday = make_event(
        portal,
        "Εθνική επέτειος ΠΡΩΤ-Ο",
        "published",
        kind="national-holiday",
        start=at(next_month + timedelta(days=9), 0),
        whole_day=True,
        recurrence="RRULE:FREQ=YEARLY;COUNT=5",
    )
    past = make_event(
        portal,
        "Παλαιά τελετή ΠΡΩΤ-Χ",
        "published",
        kind="ceremony",
        start=at(today - timedelta(days=40), 11),
    )
    transaction.commit()
    return {
        "url": portal.absolute_url(),
        "section": portal["protocol"].absolute_url(),
        "public": public.absolute_url(),
        "internal": internal.absolute_url(),
        "draft": draft.absolute_url(),
        "opening": opening.absolute_url(),
        "holiday": holiday.absolute_url(),
        "past": past.absolute_url(),
        "secretary": portal.unrestrictedTraverse(SECRETARY).absolute_url(),
        "today": today,
        "next_month": next_month,
    }


def get(url, user=None, **kwargs):
    auth = (user, PASSWORD) if user else None
    return requests.get(url, auth=auth, timeout=30, **kwargs)


def month_title(day) -> str:
    name = translate(
        monthname_msgid(day.month), domain="plonelocales", target_language="el"
    )
    return f"{name} {day.year}"


def el(message) -> str:
    return translate(message, target_language="el")


def grid(text: str) -> str:
    """The month table alone (Plone's events portlet lists coming events too)."""
    start = text.index('<table class="table table-bordered protocol-month">')
    return text[start : text.index("</table>", start)]


def listing(text: str) -> str:
    start = text.index('<div class="protocol-list"')
    return text[start : text.index('class="protocol-feeds', start)]


def directives(response) -> dict:
    value = response.headers.get("Cache-Control", "")
    parts = (part.strip().partition("=") for part in value.split(","))
    return {name: argument for name, _eq, argument in parts if name}


def test_month_view_is_the_section_page(site):
    page = get(site["section"])
    assert page.status_code == 200
    text = page.text
    assert "<caption" in text
    assert 'scope="col"' in text
    assert month_title(site["today"]) in text
    assert f'data-date="{site["today"].isoformat()}"' in text
    assert 'aria-current="date"' in text
    assert "ΠΡΩΤ-Δ" in text
    assert "10:30" in text
    for marker in ("ΠΡΩΤ-Ε", "ΠΡΩΤ-Π", "ΠΡΩΤ-Σ"):
        assert marker not in text
    # Visitors get the public feed only.
    assert "@@protocol.ics" in text
    assert "@@protocol-internal.ics" not in text
    assert "++add++ProtocolEvent" not in text


def test_staff_see_internal_events_the_office_its_drafts(site):
    month = month_key(site["today"])
    url = f"{site['section']}/@@protocol-calendar?month={month}"
    staff = get(url, "technical_member").text
    assert "ΠΡΩΤ-Ε" in staff
    assert "ΠΡΩΤ-Π" not in staff
    assert "ΠΡΩΤ-Σ" not in staff  # notes are on the event page only
    assert "@@protocol-internal.ics" in staff
    office = get(url, "office_editor").text
    assert "ΠΡΩΤ-Π" in office
    assert "++add++ProtocolEvent" in office


def test_month_navigation(site):
    page = get(site["section"]).text
    following = month_key(site["next_month"])
    previous = month_key(add_months(site["today"].replace(day=1), -1))
    assert f"month={following}" in page
    assert f"month={previous}" in page
    assert "ΠΡΩΤ-Ν" not in grid(page)
    nxt = get(f"{site['section']}/@@protocol-calendar", params={"month": following})
    assert nxt.status_code == 200
    assert month_title(site["next_month"]) in nxt.text
    assert "ΠΡΩΤ-Ν" in grid(nxt.text)
    assert "ΠΡΩΤ-Ο" in grid(nxt.text)
    assert "ΠΡΩΤ-Δ" not in grid(nxt.text)
    # The yearly holiday comes back a year later.
    year_later = add_months(site["next_month"], 12)
    again = get(
        f"{site['section']}/@@protocol-calendar",
        params={"month": month_key(year_later)},
    ).text
    assert "ΠΡΩΤ-Ο" in grid(again)
    assert "ΠΡΩΤ-Ν" not in grid(again)


@pytest.mark.parametrize("month", ["2026-13", "abcd", "0000-01", "2026-1", "../"])
def test_bad_month_shows_this_month(site, month):
    page = get(f"{site['section']}/@@protocol-calendar", params={"month": month})
    assert page.status_code == 200
    assert month_title(site["today"]) in page.text
    assert "ΠΡΩΤ-Δ" in grid(page.text)


def test_kind_filter(site):
    url = f"{site['section']}/@@protocol-calendar"
    month = month_key(site["next_month"])
    openings = get(url, params={"month": month, "kind": "opening"}).text
    assert "ΠΡΩΤ-Ν" in grid(openings)
    assert "ΠΡΩΤ-Ο" not in grid(openings)
    # The filter is kept when changing month.
    assert "kind=opening" in openings
    unknown = get(url, params={"month": month, "kind": "party"})
    assert unknown.status_code == 200
    assert "ΠΡΩΤ-Ν" in grid(unknown.text)
    assert "ΠΡΩΤ-Ο" in grid(unknown.text)


def test_list_of_coming_events(site):
    page = get(f"{site['section']}/@@protocol-list")
    assert page.status_code == 200
    text = page.text
    assert text.index("ΠΡΩΤ-Δ") < text.index("ΠΡΩΤ-Ν")
    assert f'<h2 id="protocol-{month_key(site["next_month"])}"' in text
    assert month_title(site["next_month"]) in text
    assert el(_("Opening")) in text
    assert "Πάρκο Ειρήνης" in text
    assert "Παναγιώτης Λαμπράκης" in text  # represents the Mayor
    assert el(_("The Mayor attends")) in text
    for marker in ("ΠΡΩΤ-Ε", "ΠΡΩΤ-Π", "ΠΡΩΤ-Σ", "ΠΡΩΤ-Χ"):
        assert marker not in text
    assert "past=1" in text


def test_list_of_past_events(site):
    past = listing(get(f"{site['section']}/@@protocol-list", params={"past": "1"}).text)
    assert "ΠΡΩΤ-Χ" in past
    assert "ΠΡΩΤ-Ν" not in past
    assert "ΠΡΩΤ-Δ" not in past  # today's events are coming ones
    staff = get(f"{site['section']}/@@protocol-list", "technical_member").text
    assert "ΠΡΩΤ-Ε" in listing(staff)
    assert "ΠΡΩΤ-Σ" not in staff


def test_event_page_for_visitors(site):
    page = get(site["public"])
    assert page.status_code == 200
    text = page.text
    assert el(_("Reception of guests")) in text
    assert "Εμπορικός Σύλλογος" in text
    assert "Άννα Ζαφείρη – Πρόξενος" in text
    assert "Δημαρχείο, αίθουσα τελετών" in text
    assert f'href="{site["secretary"]}"' in text
    assert "ΠΡΩΤ-Σ1" not in text
    assert "protocol-notes" not in text


def test_event_page_notes_for_staff(site):
    assert "ΠΡΩΤ-Σ1" in get(site["public"], "technical_member").text
    assert "ΠΡΩΤ-Σ2" in get(site["internal"], "office_member").text


@pytest.mark.parametrize("key", ["internal", "draft"])
def test_unpublished_events_are_not_public(site, key):
    response = get(site[key], allow_redirects=False)
    assert response.status_code in (302, 401, 403, 404)
    assert "ΠΡΩΤ" not in response.text


def test_draft_is_not_for_other_staff(site):
    response = get(site["draft"], "technical_member")
    assert "insufficient-privileges" in response.url
    assert "ΠΡΩΤ-Π" not in response.text


def test_recurring_holiday_page(site):
    text = get(site["holiday"]).text
    assert el(_("National holiday")) in text
    following = site["next_month"] + timedelta(days=9)
    assert following.replace(year=following.year + 1).strftime("%d.%m.%Y") in text


def events(calendar) -> dict:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.parametrize("where", ["url", "section"])
@pytest.mark.parametrize("user", [None, "office_editor"])
def test_public_feed(site, where, user):
    response = get(f"{site[where]}/@@protocol.ics", user)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert "ΠΡΩΤ-Σ" not in response.text
    found = events(icalendar.Calendar.from_ical(response.content))
    titles = " ".join(found)
    for marker in ("ΠΡΩΤ-Δ", "ΠΡΩΤ-Ν", "ΠΡΩΤ-Ο", "ΠΡΩΤ-Χ"):
        assert marker in titles
    for marker in ("ΠΡΩΤ-Ε", "ΠΡΩΤ-Π"):
        assert marker not in titles
    reception = next(e for s, e in found.items() if "ΠΡΩΤ-Δ" in s)
    start = reception.decoded("DTSTART")
    assert start == at(site["today"], 10, 30)
    assert reception.decoded("DTEND") - start == timedelta(hours=2)
    assert str(reception["LOCATION"]) == "Δημαρχείο, αίθουσα τελετών"
    assert "Παναγιώτης Λαμπράκης" in str(reception["DESCRIPTION"])
    assert el(_("Reception of guests")) in reception["CATEGORIES"].to_ical().decode()
    holiday = next(e for s, e in found.items() if "ΠΡΩΤ-Ο" in s)
    assert holiday.decoded("DTSTART") == site["next_month"] + timedelta(days=9)
    assert holiday["RRULE"]["FREQ"] == ["YEARLY"]


@pytest.mark.parametrize(
    "path", ["/@@protocol.ics", "", "/@@protocol-list", "/@@protocol-calendar"]
)
def test_public_pages_are_shared_by_caches(site, path):
    response = get(f"{site['section']}{path}")
    cache = directives(response)
    assert int(cache["s-maxage"]) > 0
    assert "private" not in cache
    assert response.headers["ETag"]
    event = directives(get(site["public"]))
    assert int(event["s-maxage"]) > 0


def test_public_feed_is_private_for_staff(site):
    staff = directives(get(f"{site['section']}/@@protocol.ics", "technical_member"))
    assert {"private", "no-store"} <= staff.keys()


def test_internal_feed_is_for_staff(site):
    refused = get(f"{site['url']}/@@protocol-internal.ics", allow_redirects=False)
    assert refused.status_code in (302, 401, 403)
    assert "ΠΡΩΤ" not in refused.text
    response = get(f"{site['url']}/@@protocol-internal.ics", "technical_member")
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response).keys()
    assert "s-maxage" not in directives(response)
    assert "ETag" not in response.headers
    found = events(icalendar.Calendar.from_ical(response.content))
    internal = next(e for s, e in found.items() if "ΠΡΩΤ-Ε" in s)
    assert "ΠΡΩΤ-Σ2" in str(internal["DESCRIPTION"])
    reception = next(e for s, e in found.items() if "ΠΡΩΤ-Δ" in s)
    assert "ΠΡΩΤ-Σ1" in str(reception["DESCRIPTION"])
    assert not any("ΠΡΩΤ-Π" in s for s in found)
    office = events(
        icalendar.Calendar.from_ical(
            get(f"{site['section']}/@@protocol-internal.ics", "office_editor").content
        )
    )
    assert any("ΠΡΩΤ-Π" in s for s in office)


def test_one_event_calendar_has_no_notes(site):
    response = get(f"{site['public']}/ics_view", "office_editor")
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert "ΠΡΩΤ-Δ" in str(event["SUMMARY"])
    assert "ΠΡΩΤ-Σ" not in response.text


def test_rest_never_gives_visitors_the_notes(site):
    json = {"Accept": "application/json"}
    public = get(site["public"], headers=json).json()
    assert "protocol_notes" not in public
    assert public["represented_by"]["title"].startswith("Παναγιώτης Λαμπράκης")
    assert public["protocol_kind"]["token"] == "reception"
    search = get(
        f"{site['url']}/++api++/@search",
        headers=json,
        params={"portal_type": "ProtocolEvent", "fullobjects": 1},
    )
    items = search.json()["items"]
    assert any("ΠΡΩΤ-Δ" in item["title"] for item in items)
    assert not any("protocol_notes" in item for item in items)
    assert "ΠΡΩΤ-Σ" not in str(items)
    staff = get(site["public"], "technical_member", headers=json).json()
    assert staff["protocol_notes"] == "Δώρο: λεύκωμα της πόλης ΠΡΩΤ-Σ1"


def test_add_form_offers_the_directory(site):
    form = get(f"{site['section']}/++add++ProtocolEvent", "office_editor")
    assert form.status_code == 200
    assert 'id="form-widgets-represented_by"' in form.text
    assert "Παναγιώτης Λαμπράκης – Γραμματέας του Δημάρχου" in form.text
    assert 'id="form-widgets-protocol_notes"' in form.text
    refused = get(f"{site['section']}/++add++ProtocolEvent", "technical_member")
    assert "insufficient-privileges" in refused.url
