"""The register of circulars: listing with filters, RSS/Atom feed, CSV export."""

from feedgen.feed import FeedGenerator
from municipality.intranet import _
from municipality.intranet.behaviors.contact import VIEW_INTERNAL_TITLE
from municipality.intranet.browser.csv_download import csv_download
from municipality.intranet.search_lexicon import prefix_query
from plone import api
from plone.base.batch import Batch
from Products.Five.browser import BrowserView
from Products.ZCTextIndex.ParseTree import ParseError
from urllib.parse import urlencode
from zExceptions import Unauthorized
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
from ZTUtils.Lazy import LazyCat

import csv
import io


IN_FORCE = ("issued", "published")
PAGE_SIZE = 20


def circular_brains(query: dict, text: str = "", order: str = ""):
    """Circulars the current user may see, filtered and in register order.

    The catalog filters and sorts, and the result stays lazy: a page of the
    register over a hundred thousand circulars wakes only its twenty.
    """
    query = {"portal_type": "Circular", **query}
    if text:
        words = prefix_query(text)
        if not words:
            return []
        query["circular_text"] = words
    if order == "number":
        return _find(query, ("circular_issue_date", "protocol_number"))
    # In-force circulars first, each group newest first.
    states = query.pop("review_state", None)
    wanted = [states] if isinstance(states, str) else states
    in_force = [s for s in IN_FORCE if wanted is None or s in wanted]
    others = (
        {"not": list(IN_FORCE)}
        if wanted is None
        else [s for s in wanted if s not in IN_FORCE]
    )
    groups = [
        _find({**query, "review_state": states}, "circular_issue_date")
        for states in (in_force, others)
        if states
    ]
    return LazyCat(groups)


def _find(query: dict, sort_on):
    catalog = api.portal.get_tool("portal_catalog")
    try:
        return catalog(sort_on=sort_on, sort_order="descending", **query)
    except ParseError:  # a search of nothing but, say, a lone "*"
        return []


class CircularsView(BrowserView):
    """``@@circulars``: the register, as the current user may see it."""

    FILTERS = ("year", "authority", "unit", "state", "category")

    def __call__(self):
        form = self.request.form
        self.filters = {name: (form.get(name) or "").strip() for name in self.FILTERS}
        self.text = (form.get("q") or "").strip()
        self.order = "number" if form.get("sort") == "number" else ""
        brains = circular_brains(self.query(), self.text, self.order)
        self.count = len(brains)
        self.batch = Batch(brains, PAGE_SIZE, int(form.get("b_start", 0) or 0))
        return super().__call__()

    def query(self) -> dict:
        query = {}
        if self.filters["year"].isdigit():
            query["circular_year"] = int(self.filters["year"])
        if self.filters["authority"]:
            query["circular_authority"] = self.filters["authority"]
        if self.filters["unit"]:
            query["circular_recipients"] = [self.filters["unit"], "all"]
        if self.filters["state"]:
            state = self.filters["state"]
            # One choice for a state and its public variant.
            query["review_state"] = [state, f"{state}_public"]
        if self.filters["category"]:
            query["Subject"] = self.filters["category"]
        return query

    def authorities(self) -> list:
        """The Mayor, the General Secretary and the units the user may see.

        The vocabulary holds every unit (a stored value must keep its title);
        a filter must not name the units a visitor may not see.
        """
        vocabulary = getUtility(
            IVocabularyFactory, "municipality.intranet.IssuingAuthorities"
        )
        visible = {brain.UID for brain in api.content.find(portal_type="Unit")}
        return [
            {"value": t.value, "title": t.title}
            for t in vocabulary(self.context)
            if t.value in visible or t.value in ("mayor", "general-secretary")
        ]

    def units(self) -> list:
        return [
            {"value": b.UID, "title": b.Title}
            for b in api.content.find(portal_type="Unit", sort_on="sortable_title")
        ]

    def years(self) -> list:
        catalog = api.portal.get_tool("portal_catalog")
        return sorted(
            (y for y in catalog.uniqueValuesFor("circular_year") if y), reverse=True
        )

    def categories(self) -> list:
        """Keywords of the circulars the user may see."""
        brains = api.content.find(portal_type="Circular")
        return sorted({s for b in brains for s in (b.Subject or ())})

    def states(self) -> list:
        workflow = api.portal.get_tool("portal_workflow")[
            "municipality_circular_workflow"
        ]
        return [
            {"value": sid, "title": state.title}
            for sid, state in workflow.states.items()
            if not sid.endswith("_public")
        ]

    def state_title(self, state: str) -> str:
        """The state's title in the page's language (Plone's domain, as the toolbar)."""
        workflow = api.portal.get_tool("portal_workflow")[
            "municipality_circular_workflow"
        ]
        title = workflow.states[state].title if state in workflow.states else state
        return translate(
            title, domain="plone", target_language=api.portal.get_current_language()
        )

    def issue_date(self, brain) -> str:
        value = brain.circular_issue_date
        return ".".join(reversed(value.split("-"))) if value else ""

    def url(self, **changes) -> str:
        params = {**self.filters, "q": self.text, "sort": self.order, **changes}
        query = urlencode({k: v for k, v in params.items() if v})
        return f"{self.context.absolute_url()}/@@circulars" + (
            f"?{query}" if query else ""
        )

    def can_export(self) -> bool:
        return bool(api.user.has_permission(VIEW_INTERNAL_TITLE, obj=self.context))


class CircularsFeed(BrowserView):
    """``@@circulars.rss`` / ``@@circulars.atom``: published circulars only."""

    kind = "rss"

    def __call__(self):
        site = api.portal.get()
        feed = FeedGenerator()
        title = translate(
            _("Circulars"), target_language=api.portal.get_current_language()
        )
        feed.title(f"{site.Title()} – {title}")
        feed.link(href=f"{self.context.absolute_url()}/@@circulars", rel="alternate")
        feed.link(
            href=f"{self.context.absolute_url()}/@@circulars.{self.kind}", rel="self"
        )
        feed.id(f"{self.context.absolute_url()}/@@circulars")
        feed.description(
            translate(
                _("Circulars in force, newest first."),
                target_language=api.portal.get_current_language(),
            )
        )
        feed.language(api.portal.get_default_language())
        # Only what the public may read, whoever asks: feeds get cached and shared.
        brains = circular_brains({"review_state": "published"})[:50]
        for brain in reversed(brains):
            entry = feed.add_entry()
            entry.id(brain.getURL())
            entry.link(href=brain.getURL())
            entry.title(f"{brain.protocol_number} – {brain.Title}")
            entry.description(brain.Description or brain.Title)
            if brain.effective and brain.effective.year() > 1900:
                entry.published(brain.effective.asdatetime())
                entry.updated(brain.modified.asdatetime())
            else:
                entry.updated(brain.modified.asdatetime())
        response = self.request.response
        if self.kind == "atom":
            response.setHeader("Content-Type", "application/atom+xml; charset=utf-8")
            return feed.atom_str(pretty=True)
        response.setHeader("Content-Type", "application/rss+xml; charset=utf-8")
        return feed.rss_str(pretty=True)


class CircularsAtomFeed(CircularsFeed):
    kind = "atom"


class CircularsCSV(BrowserView):
    """``@@circulars.csv``: the register for staff, as they may see it."""

    COLUMNS = (
        ("protocol_number", _("Protocol number")),
        ("issue_date", _("Issue date")),
        ("title", _("Subject")),
        ("authority", _("Issuing authority")),
        ("state", _("State")),
        ("url", _("Address")),
    )

    def __call__(self):
        if not api.user.has_permission(VIEW_INTERNAL_TITLE, obj=self.context):
            raise Unauthorized("The register export is for staff.")
        authorities = {
            t.value: t.title
            for t in getUtility(
                IVocabularyFactory, "municipality.intranet.IssuingAuthorities"
            )(self.context)
        }
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                translate(title, target_language=api.portal.get_current_language())
                for _key, title in self.COLUMNS
            ]
        )
        for brain in circular_brains({}):
            writer.writerow(
                [
                    brain.protocol_number or "",
                    brain.circular_issue_date or "",
                    brain.Title,
                    translate(
                        authorities.get(brain.circular_authority, ""),
                        target_language=api.portal.get_current_language(),
                    ),
                    brain.review_state,
                    brain.getURL(),
                ]
            )
        return csv_download(
            self.request.response, "circulars.csv", buffer.getvalue(), private=False
        )
