"""Public pages meet WCAG 2.1 A and AA, as axe-core (the npm package) checks them."""

from pathlib import Path

import os
import pytest


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


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text()


def violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
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
    assert found == {}


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
    assert found == {}
