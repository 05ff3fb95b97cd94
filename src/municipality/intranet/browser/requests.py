"""Staff pages of citizens' requests: the list, its CSV and the statistics.

Everything is read from the catalog (what the user may see: the Private
Office and the General Secretariat see all, a unit its own) and nothing
personal is shown or exported: the code stands for the citizen.
"""

from municipality.intranet import _
from municipality.intranet.browser.circular import term_title
from municipality.intranet.browser.csv_download import csv_download
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.follow_up import site_today
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.component import getUtility
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory
from zope.schema.interfaces import IVocabularyFactory

import csv
import io


PMF = MessageFactory("plone")
OPEN = ("received", "assigned", "in_progress")
STATES = ("received", "assigned", "in_progress", "answered", "closed")
KINDS = "municipality.intranet.RequestKinds"
UNITS = "municipality.intranet.Units"


def is_overdue(state: str, deadline, today) -> bool:
    return state in OPEN and bool(deadline) and deadline < today


def in_time(brain) -> bool | None:
    """Answered by its deadline; None while not answered."""
    if not brain.request_answered_on:
        return None
    return (
        not brain.request_deadline
        or brain.request_answered_on <= brain.request_deadline
    )


def received_day(brain):
    return brain.created.asdatetime().date()


class RequestsView(BrowserView):
    """Requests per unit and status, overdue first, then by deadline."""

    def __call__(self):
        self.load()
        return super().__call__()

    def load(self) -> None:
        self.today = site_today()
        form = self.request.form
        self.units = getUtility(IVocabularyFactory, UNITS)(self.context)
        unit = form.get("unit") or ""
        self.unit = unit if unit in self.units.by_token else ""
        status = form.get("status") or "open"
        self.status = status if status in (*STATES, "open", "all") else "open"
        kind = form.get("kind") or ""
        self.kind = (
            kind if kind in ("request", "complaint", "suggestion", "thanks") else ""
        )
        query = {"portal_type": "CitizenRequest"}
        if self.unit:
            query["request_unit"] = self.unit
        if self.kind:
            query["request_kind"] = self.kind
        if self.status == "open":
            query["review_state"] = list(OPEN)
        elif self.status != "all":
            query["review_state"] = self.status
        brains = api.portal.get_tool("portal_catalog")(**query)

        def order(brain):
            overdue = is_overdue(brain.review_state, brain.request_deadline, self.today)
            deadline = brain.request_deadline
            return (not overdue, deadline is None, deadline or self.today, brain.Title)

        self.brains = sorted(brains, key=order)

    def state_title(self, state: str):
        workflow = api.portal.get_tool("portal_workflow")
        return PMF(workflow.getTitleForStateOnType(state, "CitizenRequest"))

    def rows(self) -> list[dict]:
        rows = []
        for brain in self.brains:
            unit = brain.request_unit
            rows.append(
                {
                    "code": brain.tracking_code or brain.Title,
                    "url": brain.getURL(),
                    "kind": term_title(self.context, KINDS, brain.request_kind),
                    "unit": self.units.getTerm(unit).title
                    if unit in self.units.by_value
                    else "",
                    "received": short_date(received_day(brain)),
                    "received_iso": received_day(brain).isoformat(),
                    "deadline": short_date(brain.request_deadline),
                    "deadline_iso": brain.request_deadline.isoformat()
                    if brain.request_deadline
                    else "",
                    "answered_iso": brain.request_answered_on.isoformat()
                    if brain.request_answered_on
                    else "",
                    "state": brain.review_state,
                    "status": self.state_title(brain.review_state),
                    "overdue": is_overdue(
                        brain.review_state, brain.request_deadline, self.today
                    ),
                    "in_time": in_time(brain),
                }
            )
        return rows

    def unit_options(self) -> list[dict]:
        used = {brain.request_unit for brain in self.brains} | {self.unit}
        return [
            {"value": t.value, "title": t.title} for t in self.units if t.value in used
        ]

    def status_options(self) -> list[dict]:
        options = [
            {"value": "open", "title": _("Open")},
            {"value": "all", "title": _("All")},
        ]
        return options + [
            {"value": state, "title": self.state_title(state)} for state in STATES
        ]

    def kind_options(self) -> list[dict]:
        vocabulary = getUtility(IVocabularyFactory, KINDS)(self.context)
        return [{"value": t.value, "title": t.title} for t in vocabulary]

    def query_string(self) -> str:
        values = {"unit": self.unit, "status": self.status, "kind": self.kind}
        return urlencode({k: v for k, v in values.items() if v})

    def csv_url(self) -> str:
        return f"{self.context.absolute_url()}/@@requests.csv?{self.query_string()}"

    def can_add(self) -> bool:
        return bool(
            api.user.has_permission(
                "municipality.intranet: Add CitizenRequest", obj=self.context
            )
        )


class RequestsCSV(RequestsView):
    """The list without personal data, for spreadsheets (UTF-8 with BOM)."""

    def __call__(self):
        self.load()

        def tr(message) -> str:
            return translate(message, context=self.request)

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                tr(_("Tracking code")),
                tr(_("Kind")),
                tr(_("Assigned unit")),
                tr(_("Received on")),
                tr(_("Deadline")),
                tr(_("Answered on")),
                tr(_("Status")),
                tr(_("Answered in time")),
            ]
        )
        for row in self.rows():
            answered_in_time = {True: tr(_("yes")), False: tr(_("no")), None: ""}
            writer.writerow(
                [
                    row["code"],
                    tr(row["kind"]),
                    row["unit"],
                    row["received_iso"],
                    row["deadline_iso"],
                    row["answered_iso"],
                    tr(row["status"]),
                    answered_in_time[row["in_time"]],
                ]
            )
        return csv_download(self.request.response, "requests.csv", out.getvalue())


class RequestStatisticsView(RequestsView):
    """Counts per kind, unit and month, and the share answered in time."""

    def __call__(self):
        self.request.form.setdefault("status", "all")
        self.load()
        return self.index()

    def table(self, key) -> list[dict]:
        groups: dict[str, dict] = {}
        for row in self.rows():
            label = key(row)
            entry = groups.setdefault(
                label, {"label": label, "total": 0, "answered": 0, "in_time": 0}
            )
            entry["total"] += 1
            if row["in_time"] is not None:
                entry["answered"] += 1
                entry["in_time"] += int(row["in_time"])
        result = []
        for entry in groups.values():
            answered = entry["answered"]
            entry["share"] = (
                round(100 * entry["in_time"] / answered) if answered else None
            )
            result.append(entry)
        return sorted(result, key=lambda e: str(e["label"]))

    def per_kind(self):
        return self.table(lambda row: row["kind"])

    def per_unit(self):
        return self.table(
            lambda row: (
                row["unit"] or translate(_("Not assigned yet"), context=self.request)
            )
        )

    def per_month(self):
        return self.table(lambda row: row["received_iso"][:7])
