"""Nothing a visitor may not see shows up anywhere they can look.

Every content type in every workflow state carries a unique marker; an
anonymous visitor and a member of an unrelated unit then crawl the site
from its home page, read the sitemap, the feeds and exports, the REST API
(search per type, navigation, breadcrumbs, each item by path and by UID)
and the site search. A marker of an item they may not see must appear in
none of it; an item they may see must be reachable (so the crawl is real).
"""

from collections import deque
from html.parser import HTMLParser
from leak_content import LeakSite
from leak_content import product_types
from leak_policy import sees
from plone import api
from urllib.parse import urldefrag
from urllib.parse import urljoin
from urllib.parse import urlparse

import gzip
import pytest
import requests
import transaction


PASSWORD = "a long enough secret"
OUTSIDER_GROUP = "social-protection-members"
MAX_PAGES = 600
# Links a crawler must not follow: they change state or only repeat pages.
SKIP = (
    "logout",
    "@@edit",
    "/edit",
    "delete",
    "content_status_modify",
    "++add++",
    "@@history",
    "folder_contents",
    "@@search?",
    "sitemap",
    "login",
    "mail_password",
    "@@register",
    "RSS",
    "?set_language",
    "@@multilingual",
)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def build(portal, unit_path, outsider_group):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="outsider", email="o@example.org", password=PASSWORD)
        api.group.add_user(groupname=outsider_group, username="outsider")
    items = LeakSite(portal, unit_path).build()
    transaction.commit()
    return portal.absolute_url(), items


@pytest.fixture
def built(functional_portal):
    return build(
        functional_portal,
        "units/mayors-office/general-secretariat/technical-services",
        OUTSIDER_GROUP,
    )


@pytest.fixture
def built_turkish(functional_app, functional_portal):
    from zope.component.hooks import setSite

    site = functional_app["belediye"]
    setSite(site)
    try:
        yield build(
            site,
            "units/baskanlik/genel-sekreterlik/imar-sehircilik",
            "mali-hizmetler-members",
        )
    finally:
        setSite(functional_portal)


def session_for(persona):
    session = requests.Session()
    if persona == "outsider":
        session.auth = ("outsider", PASSWORD)
    return session


def crawl(session, root: str) -> dict[str, str]:
    """Every page of the site reachable from the home page by links."""
    seen, pages = {root}, {}
    queue = deque([root])
    host = urlparse(root).netloc
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        response = session.get(url, timeout=30)
        pages[url] = (
            response.text
            if "text" in response.headers.get("Content-Type", "")
            else response.content.decode("latin-1")
        )
        if "html" not in response.headers.get("Content-Type", ""):
            continue
        parser = Links()
        parser.feed(response.text)
        for link in parser.links:
            target = urldefrag(urljoin(url, link))[0]
            parsed = urlparse(target)
            if parsed.netloc != host or not parsed.path.startswith(urlparse(root).path):
                continue
            if any(skip in target for skip in SKIP) or "++resource++" in target:
                continue
            if (
                "++plone++" in target
                or "++theme++" in target
                or "/++webpack++" in target
            ):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return pages


def sources(session, root: str, items) -> tuple[dict[str, str], dict[str, int]]:
    """What else a visitor can read: sitemap, feeds, exports, REST, search.

    Also the status of every download and image scale, by item marker: the
    bytes of a file or an image need not contain the marker.
    """
    found, binaries = {}, {}

    def read(url, **kwargs):
        response = session.get(url, timeout=30, **kwargs)
        body = response.content
        if url.endswith(".gz") and response.ok:
            body = gzip.decompress(body)
        found[url + str(kwargs.get("params", ""))] = body.decode("utf-8", "replace")
        return response

    read(f"{root}/sitemap.xml.gz", params={"page": 1})
    for view in (
        "circulars.rss",
        "circulars.atom",
        "circulars.csv",
        "meetings.ics",
        "service-standards.csv",
        "service-standards.json",
        "follow-up.csv",
        "agenda-preparation",
        "follow-up",
        "@@contact-directory",
        "@@service-standards",
        "@@circulars",
        "staff-requests",
        "staff-requests/@@staff-requests.csv",
        "RSS",
        "search_rss",
    ):
        read(f"{root}/{view}")
    json = {"Accept": "application/json"}
    for portal_type in [*product_types(), "File"]:
        read(
            f"{root}/++api++/@search",
            params={"portal_type": portal_type, "fullobjects": 1, "b_size": 500},
        )
    read(f"{root}/++api++/@navigation", params={"expand.navigation.depth": 4})
    read(f"{root}/@search", headers=json, params={"SearchableText": "LEAKMARK*"})
    read(f"{root}/@@search", params={"SearchableText": "LEAKMARK*"})
    for item in items:
        read(item.url, headers=json)
        read(f"{item.url}/@breadcrumbs", headers=json)
        read(f"{root}/resolveuid/{item.uid}")
        read(f"{root}/++api++/@search", params={"UID": item.uid, "fullobjects": 1})
        if item.portal_type == "File":
            binaries[item.marker] = read(
                f"{item.url}/@@download/file", allow_redirects=False
            ).status_code
        if item.portal_type == "Image":
            for scale in ("@@images/image", "@@images/image/thumb"):
                status = read(f"{item.url}/{scale}", allow_redirects=False).status_code
                # Served if any scale is.
                binaries[item.marker] = min(binaries.get(item.marker, 999), status)
        if item.portal_type == "Meeting":
            read(f"{item.url}/ics_view")
        if item.portal_type in ("LeaveRequest", "TravelRequest"):
            read(f"{item.url}/@@authorisation")
            read(f"{item.url}/@@download/attachment")
    return found, binaries


@pytest.mark.slow
@pytest.mark.parametrize("persona", ["anonymous", "outsider"])
def test_nothing_leaks(built, persona):
    check_site(*built, persona)


@pytest.mark.slow
def test_nothing_leaks_on_the_turkish_site(built_turkish):
    check_site(*built_turkish, "anonymous")


def check_site(root, items, persona):
    assert {item.portal_type for item in items} >= set(product_types()) - {"AgendaItem"}
    session = session_for(persona)
    pages = crawl(session, root)
    found, binaries = sources(session, root, items)
    pages.update(found)
    text = "\n".join(pages.values())
    figures = {
        "persona": persona,
        "items": len(items),
        "types_states": len({(i.portal_type, i.state) for i in items if i.state}),
        "pages_crawled": len(pages) - len(found),
        "other_urls": len(found),
    }
    print(figures)
    leaks = [
        f"{item.portal_type}/{item.state or 'inherited'} ({item.level}) {item.marker}"
        f" in {[url for url, body in pages.items() if item.marker in body][:5]}"
        for item in items
        if not sees(persona, item.level) and item.marker in text
    ]
    assert not leaks, f"{persona} sees: {leaks}"
    # The check is only as good as the crawl: visible items must be found.
    missing = [
        f"{item.portal_type}/{item.state} {item.marker}"
        for item in items
        if sees(persona, item.level) and item.marker not in text
    ]
    assert not missing, f"{persona} cannot find: {missing}"
    # Files and image scales: served to whoever may see the item, to nobody else.
    for item in items:
        if item.marker in binaries:
            served = binaries[item.marker] == 200
            assert served == sees(persona, item.level), (
                item.portal_type,
                item.level,
                item.url,
            )
    assert len(pages) > 50
