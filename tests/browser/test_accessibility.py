"""Public pages meet WCAG 2.1 A and AA, as axe-core (the npm package) checks them.

So do the internal pages of leave and travel, for whoever they are for.
"""

from datetime import date
from datetime import timedelta
from pathlib import Path
from plone import api
from staff_users import create_users
from staff_users import PASSWORD

import os
import pytest
import transaction


AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PUBLIC_PAGES = [
    "",
    "/units",
    "/circulars",
    "/login",
    "/contact-info",
    "/sitemap",
    "/@@search?SearchableText=%CE%B4%CE%AE%CE%BC%CE%BF%CF%82",
    "/@@contact-directory",
    "/@@contact-directory?order=az&q=%CE%B3%CE%B5%CE%BD%CE%B9%CE%BA%CE%B7",
    "/units/mayors-office/general-secretariat",
    "/units/mayors-office/general-secretariat/eleni-stamatopoulou",
    "/circulars",
    "/circulars/@@circulars?q=%CF%89%CF%81%CE%B1%CF%81%CE%B9%CE%BF",
    "/units/mayors-office/general-secretariat/summer-opening-hours",
    "/@@service-standards",
    "/units/mayors-office/general-secretariat/technical-services/@@service-standards",
    "/units/mayors-office/general-secretariat/administrative-services/family-status-certificate",
    "/meetings",
    "/meetings/council-2026-11-12",
    "/meetings/council-2026-11-12/session-minutes",
    "/meetings/council-2026-11-12/budget-amendment-2026-5",
    "/meetings/council-2026-11-12/budget-amendment-2026-5/decision-186-2026",
    "/goals/action-programme-2026",
    "/goals/action-programme-2026?category=skills",
    "/goals/action-programme-2026/requests-answered-on-time",
    "/protocol",
    "/protocol/@@protocol-calendar?month=2026-12",
    "/protocol/@@protocol-list",
    "/protocol/twin-town-reception-2026-12-09",
    "/submit-request",
    "/@@request-status",
]


# The Turkish site: every public page type again, in the other first language.
TURKISH_PAGES = [
    "",
    "/units",
    "/@@contact-directory",
    "/units/baskanlik/genel-sekreterlik",
    "/units/baskanlik/ozel-kalem/gamze-yurtsever",
    "/@@service-standards",
    "/units/baskanlik/genel-sekreterlik/imar-sehircilik/@@service-standards",
    "/units/baskanlik/genel-sekreterlik/imar-sehircilik/imar-durumu-belgesi",
    "/circulars",
    "/units/baskanlik/genel-sekreterlik/yaz-donemi-hizmet-saatleri",
    "/meetings",
    "/meetings/meclis-2026-11-12",
    "/meetings/meclis-2026-11-12/tutanak",
    "/meetings/meclis-2026-11-12/odenek-aktarmasi-2026/karar-245-2026",
    "/@@search?SearchableText=meclis",
    "/goals/eylem-programi-2026",
    "/goals/eylem-programi-2026/imar-durumu-belgesi-suresi",
    "/protocol",
    "/protocol/@@protocol-calendar?month=2026-12",
    "/protocol/@@protocol-list?past=1",
    "/protocol/kardes-sehir-heyeti-2026-12-10",
    "/submit-request",
    "/@@request-status",
]


# Leave and travel: internal pages, each seen by whom it is for.
FINANCE = "units/mayors-office/general-secretariat/financial-services"
STAFF_USERS = {
    "employee": ["financial-services-members"],
    "colleague": ["financial-services-members"],
    "head": ["financial-services-editors"],
    "gs_officer": ["general-secretariat"],
}
# Plone's own toolbar, on every page of a signed-in user, is not ours to fix:
# axe finds an aria-label on a link without href (.toolbar-collapse), an
# icon-only History link and the red "private" state label in low contrast.
PLONE_TOOLBAR = ("#edit-zone",)
STAFF_PAGES = {
    "employee": [
        "/staff-requests",
        "/staff-requests/++add++LeaveRequest",
        "/staff-requests/{leave}",
        "/staff-requests/{leave}/@@authorisation",
        "/staff-requests/{travel}",
        "/staff-requests/{travel}/@@authorisation",
        f"/{FINANCE}/@@absences?month={{month}}",
    ],
    # Endorse, or do not approve with a reason.
    "head": [
        "/staff-requests",
        "/staff-requests/{submitted}",
        f"/{FINANCE}/@@absences?month={{month}}",
    ],
    "gs_officer": [
        "/staff-requests",
        "/staff-requests/{endorsed}",
    ],
}


@pytest.fixture
def staff_requests(functional_portal) -> dict:
    """Requests at each step: approved (leave and travel), submitted, endorsed."""
    create_users(STAFF_USERS)
    section = functional_portal["staff-requests"]
    unit = functional_portal.unrestrictedTraverse(FINANCE).UID()
    monday = date.today() + timedelta(days=7)
    monday += timedelta(days=(7 - monday.weekday()) % 7)

    def request(user, type_name, name, week, steps, **fields):
        start = monday + timedelta(weeks=week)
        with api.env.adopt_user(username=user):
            obj = api.content.create(
                container=section,
                type=type_name,
                id=f"{name}-{start.isoformat()}",
                employee_unit=unit,
                start=start,
                end=start + timedelta(days=4),
                **fields,
            )
        signers = (user, "head", "gs_officer")
        for step, who in zip(steps, signers[: len(steps)], strict=True):
            with api.env.adopt_user(username=who):
                api.content.transition(obj=obj, transition=step)
        return obj.getId()

    travel = {
        "travel_scope": "abroad",
        "destination": "Βρυξέλλες, Βέλγιο",
        "purpose": "Συνέδριο για την ψηφιακή διακυβέρνηση των δήμων",
        "transport": "plane",
        "funding_source": "programme",
        "estimated_cost": 850.0,
    }
    approved = ("submit", "endorse", "approve")
    pages = {
        "leave": request(
            "employee",
            "LeaveRequest",
            "leave",
            0,
            approved,
            leave_kind="annual",
            substitute="colleague",
        ),
        "travel": request("employee", "TravelRequest", "travel", 2, approved, **travel),
        "submitted": request(
            "colleague",
            "LeaveRequest",
            "leave",
            1,
            ("submit",),
            leave_kind="special",
            reason="Γάμος",
        ),
        "endorsed": request(
            "colleague", "TravelRequest", "travel", 3, ("submit", "endorse"), **travel
        ),
        "month": monday.strftime("%Y-%m"),
    }
    transaction.commit()
    return pages


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text()


def violations(page, axe_source: str, exclude=()) -> list[str]:
    """What axe-core finds on the page, but in the parts ``exclude`` selects."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """([tags, exclude]) => axe.run(
            exclude.length ? {exclude: exclude.map(s => [s])} : document,
            {runOnly: {type: 'tag', values: tags}})""",
        [WCAG_TAGS, list(exclude)],
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
    ]


def test_public_pages_have_no_wcag_violations(page, site_url, axe_source):
    found = {}
    for path in PUBLIC_PAGES:
        response = page.goto(site_url + path)
        assert response.status == 200, path
        if problems := violations(page, axe_source):
            found[path] = problems
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_turkish_public_pages_have_no_wcag_violations(
    chromium, functional_app, functional_portal, axe_source
):
    site_url = functional_app["belediye"].absolute_url()
    context = chromium.new_context(locale="tr-TR")
    page = context.new_page()
    found = {}
    try:
        for path in TURKISH_PAGES:
            response = page.goto(site_url + path)
            assert response.status == 200, path
            assert 'lang="tr"' in page.content()
            if problems := violations(page, axe_source):
                found[path] = problems
    finally:
        context.close()
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_staff_request_pages_have_no_wcag_violations(
    login_as, site_url, axe_source, staff_requests
):
    found = {}
    for username, paths in STAFF_PAGES.items():
        page = login_as(username, PASSWORD)
        for path in paths:
            path = path.format(**staff_requests)
            response = page.goto(site_url + path)
            assert response.status == 200, (username, path)
            if problems := violations(page, axe_source, exclude=PLONE_TOOLBAR):
                found[f"{username}: {path}"] = problems
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())
