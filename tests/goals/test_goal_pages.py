"""Programme and goal pages, filters, chart, CSV and the unit page, over HTTP."""

from datetime import date
from goal_helpers import approve
from goal_helpers import create_users
from goal_helpers import FINANCE
from goal_helpers import make_goal
from goal_helpers import make_programme
from goal_helpers import PASSWORD
from goal_helpers import report
from goal_helpers import TECHNICAL
from goal_helpers import transition
from goal_helpers import uid
from plone import api

import csv
import io
import pytest
import requests
import transaction


YEAR = date.today().year


@pytest.fixture
def site(functional_portal):
    portal = functional_portal
    create_users()
    finance, technical = uid(portal, FINANCE), uid(portal, TECHNICAL)
    # One programme a year: this year's demo one makes way for the test's.
    with api.env.adopt_roles(["Manager"]):
        for brain in api.content.find(portal_type="ActionProgramme"):
            if brain.programme_year == YEAR:
                api.content.delete(obj=brain.getObject(), check_linkintegrity=False)
    programme = make_programme(portal, YEAR, title="Πρόγραμμα ΔΟΚΙΜΗ")
    answered = make_goal(programme, finance, title="Απαντήσεις ΣΤΟΧΟΣ-Α")
    approve(answered)
    report(answered, 75.0, date(YEAR, 1, 1), note="Εσωτερική ΣΗΜΕΙΩΣΗ-Χ")
    training = make_goal(
        programme,
        technical,
        user="technical_editor",
        title="Εκπαίδευση ΣΤΟΧΟΣ-Ε",
        category="skills",
        indicator="Ώρες εκπαίδευσης ανά υπάλληλο",
        measure_unit="ώρες",
        baseline=0.0,
        target=20.0,
        weight=1,
    )
    transition(training, "technical_editor", "submit")
    transition(training, "gs_officer", "approve")
    report(training, 20.0, date(YEAR, 1, 1), user="technical_member")
    proposed = make_goal(programme, finance, title="Πρόταση ΣΤΟΧΟΣ-Π")
    transition(programme, "gs_officer", "approve")
    transaction.commit()
    return {
        "portal": portal,
        "url": portal.absolute_url(),
        "programme": programme,
        "answered": answered,
        "training": training,
        "proposed": proposed,
        "finance_unit": portal.unrestrictedTraverse(FINANCE).absolute_url(),
    }


def get(url, user=None, **kwargs):
    auth = (user, PASSWORD) if user else None
    return requests.get(url, auth=auth, timeout=30, **kwargs)


def test_staff_see_the_approved_goals_with_figures_and_chart(site):
    page = get(site["programme"].absolute_url(), "staff")
    assert page.status_code == 200
    text = page.text
    assert "Απαντήσεις ΣΤΟΧΟΣ-Α" in text
    assert "Εκπαίδευση ΣΤΟΧΟΣ-Ε" in text
    assert "ΣΤΟΧΟΣ-Π" not in text  # proposed: its unit and the GS only
    assert 'aria-labelledby="chart-units"' in text
    assert "50%" in text  # 60 → 90, 75 reached
    assert "100%" in text
    assert "goal-status" in text
    assert "ΣΤΟΧΟΣ-Π" in get(site["programme"].absolute_url(), "finance_editor").text


def test_filters(site):
    url = site["programme"].absolute_url()
    text = get(url, "gs_officer", params={"category": "skills"}).text
    assert "ΣΤΟΧΟΣ-Ε" in text
    assert "ΣΤΟΧΟΣ-Α" not in text
    text = get(url, "gs_officer", params={"status": "achieved"}).text
    assert "ΣΤΟΧΟΣ-Ε" in text
    assert "ΣΤΟΧΟΣ-Α" not in text
    finance = site["answered"].goal_unit
    text = get(url, "gs_officer", params={"unit": finance}).text
    assert "ΣΤΟΧΟΣ-Α" in text
    assert "ΣΤΟΧΟΣ-Π" in text
    assert "ΣΤΟΧΟΣ-Ε" not in text
    # Unknown values are ignored, not an error.
    assert get(url, "gs_officer", params={"status": "<x>"}).status_code == 200


def test_csv_parses_back(site):
    response = get(f"{site['programme'].absolute_url()}/@@goals.csv", "gs_officer")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    by_title = {
        row[header.index("Στόχος")]: dict(zip(header, row, strict=False))
        for row in body
    }
    assert set(by_title) == {
        "Απαντήσεις ΣΤΟΧΟΣ-Α",
        "Εκπαίδευση ΣΤΟΧΟΣ-Ε",
        "Πρόταση ΣΤΟΧΟΣ-Π",
    }
    answered = by_title["Απαντήσεις ΣΤΟΧΟΣ-Α"]
    assert answered["Τιμή-στόχος"] == "90"
    assert answered["Τελευταία τιμή"] == "75"
    assert answered["Ποσοστό του στόχου (%)"] == "50"
    assert by_title["Εκπαίδευση ΣΤΟΧΟΣ-Ε"]["Ποσοστό του στόχου (%)"] == "100"
    # Workflow states in the site's language, as on the page.
    assert by_title["Πρόταση ΣΤΟΧΟΣ-Π"]["Κατάσταση"] == "Προτάθηκε"


def test_anonymous_sees_nothing_until_the_programme_is_published(site):
    for obj in (site["programme"], site["answered"], site["proposed"]):
        response = get(obj.absolute_url(), allow_redirects=False)
        assert response.status_code in (302, 401, 403, 404), obj
        assert "ΣΤΟΧΟΣ-" not in response.text
    search = get(f"{site['url']}/@@search?SearchableText=ΣΤΟΧΟΣ*").text
    assert "ΣΤΟΧΟΣ-" not in search
    transition(site["programme"], "gs_officer", "publish")
    transaction.commit()
    page = get(site["programme"].absolute_url())
    assert page.status_code == 200
    assert "ΣΤΟΧΟΣ-Α" in page.text
    assert "ΣΤΟΧΟΣ-Π" not in page.text
    goal = get(site["answered"].absolute_url())
    assert goal.status_code == 200
    assert "50%" in goal.text  # the figures are public …
    assert "ΣΗΜΕΙΩΣΗ-Χ" not in goal.text  # … the unit's notes are not
    assert "goal-updates" not in goal.text
    proposed = get(site["proposed"].absolute_url(), allow_redirects=False)
    assert proposed.status_code in (302, 401, 403, 404)
    search = get(f"{site['url']}/@@search?SearchableText=ΣΤΟΧΟΣ*").text
    assert "ΣΤΟΧΟΣ-Α" in search
    assert "ΣΤΟΧΟΣ-Π" not in search


def test_goal_page_for_its_unit(site):
    text = get(site["answered"].absolute_url(), "finance_member").text
    assert "ΣΗΜΕΙΩΣΗ-Χ" in text
    assert "++add++GoalProgress" in text  # the unit reports progress
    assert (
        "++add++GoalProgress"
        not in get(site["answered"].absolute_url(), "gs_officer").text
    )
    assert "Εγκρίθηκε στις" in text or "Approved on" in text


def test_unit_page_lists_this_years_goals_for_its_staff(site):
    text = get(site["finance_unit"], "finance_member").text
    assert "unit-goals" in text
    assert "ΣΤΟΧΟΣ-Α" in text
    assert "ΣΤΟΧΟΣ-Ε" not in text  # another unit's goal
    assert "unit-goals" not in get(site["finance_unit"]).text


def test_site_goals_link_opens_this_years_programme(site):
    response = get(f"{site['url']}/@@goals", "staff", allow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"] == site["programme"].absolute_url()


def rest(method, url, user, **kwargs):
    return requests.request(
        method,
        url,
        auth=(user, PASSWORD),
        headers={"Accept": "application/json"},
        timeout=30,
        **kwargs,
    )


def goal_json(unit_uid, **changes):
    data = {
        "@type": "Goal",
        "title": "Ψηφιακές διαδικασίες",
        "goal_unit": unit_uid,
        "category": "organisation",
        "indicator": "Διαδικασίες σε ψηφιακή μορφή",
        "measure_unit": "διαδικασίες",
        "baseline": 2,
        "target": 10,
        "due_date": f"{YEAR}-12-31",
        "weight": 3,
    }
    data.update(changes)
    return data


def test_rest_create_and_refusals(site):
    programme_url = site["programme"].absolute_url()
    finance = site["answered"].goal_unit
    technical = site["training"].goal_unit
    created = rest("POST", programme_url, "finance_editor", json=goal_json(finance))
    assert created.status_code == 201, created.text
    assert created.json()["review_state"] == "proposed"
    for changes, field in (
        ({"goal_unit": technical}, "goal_unit"),
        ({"target": "πολύ"}, "target"),
        ({"weight": 500}, "weight"),
        ({"category": "other"}, "category"),
        ({"due_date": "31/12/2026"}, "due_date"),
    ):
        data = goal_json(finance, title="Απορρίπτεται", **changes)
        response = rest("POST", programme_url, "finance_editor", json=data)
        assert response.status_code == 400, (field, response.text)
        assert field in response.text
    listing = rest(
        "GET",
        f"{programme_url}/@search",
        "gs_officer",
        params={"portal_type": "Goal", "b_size": 100},
    )
    titles = [item["title"] for item in listing.json()["items"]]
    assert "Απορρίπτεται" not in titles
    assert "Ψηφιακές διαδικασίες" in titles
    # Staff outside any unit propose nothing (their own unit: none).
    refused = rest("POST", programme_url, "staff", json=goal_json(finance))
    assert refused.status_code == 400
    assert "goal_unit" in refused.text


def test_rest_progress_and_programme_refusals(site):
    goal_url = site["answered"].absolute_url()
    progress = {"@type": "GoalProgress", "progress_date": f"{YEAR}-01-01", "value": 80}
    created = rest("POST", goal_url, "finance_member", json=progress)
    assert created.status_code == 201, created.text
    assert created.json()["value"] == 80.0
    future = {**progress, "progress_date": f"{YEAR + 1}-06-01"}
    refused = rest("POST", goal_url, "finance_member", json=future)
    assert refused.status_code == 400
    assert "progress_date" in refused.text
    other_unit = rest("POST", goal_url, "technical_member", json=progress)
    assert other_unit.status_code in (401, 403)
    values = [
        item["value"]
        for item in rest(
            "GET",
            f"{goal_url}/@search",
            "gs_officer",
            params={"portal_type": "GoalProgress", "fullobjects": 1},
        ).json()["items"]
    ]
    assert sorted(values) == [75.0, 80.0]
    # One programme a year.
    again = rest(
        "POST",
        f"{site['url']}/goals",
        "gs_officer",
        json={"@type": "ActionProgramme", "title": "Δεύτερο", "programme_year": YEAR},
    )
    assert again.status_code == 400
    assert str(YEAR) in again.text
    other_year = rest(
        "POST",
        f"{site['url']}/goals",
        "gs_officer",
        json={
            "@type": "ActionProgramme",
            "title": "Επόμενο",
            "programme_year": YEAR + 1,
        },
    )
    assert other_year.status_code == 201, other_year.text
    # Editing a programme keeps its own year.
    edited = rest(
        "PATCH",
        site["programme"].absolute_url(),
        "gs_officer",
        json={"programme_year": YEAR, "description": "Ετήσιο"},
    )
    assert edited.status_code == 204, edited.text
