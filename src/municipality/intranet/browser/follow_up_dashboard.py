"""The General Secretariat's follow-up dashboard, its CSV and agenda preparation."""

from datetime import date
from municipality.intranet import _
from municipality.intranet.browser.circular import term_title
from municipality.intranet.browser.csv_download import csv_download
from municipality.intranet.follow_up import is_overdue
from municipality.intranet.follow_up import OPEN
from municipality.intranet.follow_up import site_today
from municipality.intranet.follow_up_queries import agenda_items_to_prepare
from municipality.intranet.follow_up_queries import follow_ups
from municipality.intranet.follow_up_queries import upcoming_meetings
from municipality.intranet.meeting_bodies import bodies
from municipality.intranet.meeting_bodies import body_title
from plone import api
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

import csv
import io


STATUS_FILTERS = ("open", "pending", "in_progress", "implemented", "cancelled", "all")


def parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        return None


class DashboardFilters:
    """The filters of the request, checked against what is allowed."""

    def __init__(self, context, request, units):
        form = request.form
        unit = form.get("unit") or ""
        self.unit = unit if unit in units.by_token else ""
        body = form.get("body") or ""
        self.body = body if body in {b[0] for b in bodies()} else ""
        status = form.get("status") or "open"
        self.status = status if status in STATUS_FILTERS else "open"
        self.deadline_from = parse_day(form.get("from"))
        self.deadline_to = parse_day(form.get("to"))
        self.errors = []
        if form.get("from") and self.deadline_from is None:
            self.errors.append(_("The first deadline date is not a valid date."))
        if form.get("to") and self.deadline_to is None:
            self.errors.append(_("The last deadline date is not a valid date."))

    def statuses(self) -> tuple:
        if self.status == "open":
            return OPEN
        if self.status == "all":
            return ("pending", "in_progress", "implemented", "cancelled")
        return (self.status,)

    def query_string(self) -> str:
        from urllib.parse import urlencode

        values = {
            "unit": self.unit,
            "body": self.body,
            "status": self.status,
            "from": self.deadline_from.isoformat() if self.deadline_from else "",
            "to": self.deadline_to.isoformat() if self.deadline_to else "",
        }
        return urlencode({k: v for k, v in values.items() if v})


class FollowUpDashboard(BrowserView):
    """Open decisions and instructions, overdue first, with counts per unit."""

    def __call__(self):
        self.load()
        return super().__call__()

    def load(self) -> None:
        """Read the filters and query once; the page and the CSV share it."""
        self.today = site_today()
        self.units = getUtility(IVocabularyFactory, "municipality.intranet.Units")(
            self.context
        )
        self.filters = DashboardFilters(self.context, self.request, self.units)
        self.brains = follow_ups(
            self.today,
            unit=self.filters.unit,
            body=self.filters.body,
            statuses=self.filters.statuses(),
            deadline_from=self.filters.deadline_from,
            deadline_to=self.filters.deadline_to,
        )

    def unit_options(self) -> list[dict]:
        return [{"value": term.value, "title": term.title} for term in self.units]

    def body_options(self) -> list[dict]:
        return [{"value": body_id, "title": title} for body_id, _p, title in bodies()]

    def status_options(self) -> list[dict]:
        titles = {
            "open": _("Open (pending or in progress)"),
            "all": _("All"),
        }
        return [
            {
                "value": value,
                "title": titles.get(value)
                or term_title(
                    self.context, "municipality.intranet.ImplementationStatuses", value
                ),
            }
            for value in STATUS_FILTERS
        ]

    def rows(self) -> list[dict]:
        units = self.units
        rows = []
        for brain in self.brains:
            deadline = brain.follow_up_deadline
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "kind": brain.portal_type,
                    "number": brain.decision_number or "",
                    "body": body_title(brain.meeting_body)
                    if brain.meeting_body
                    else "",
                    "units": [
                        units.getTerm(uid).title
                        for uid in brain.responsible_units or ()
                        if uid in units.by_value
                    ],
                    "deadline": deadline.strftime("%d.%m.%Y") if deadline else "",
                    "deadline_iso": deadline.isoformat() if deadline else "",
                    "status": brain.follow_up_status,
                    "overdue": is_overdue(brain.follow_up_status, deadline, self.today),
                }
            )
        return rows

    def counts(self) -> list[dict]:
        """Open and overdue items per unit, for the chart."""
        units = self.units
        counts = {}
        for brain in self.brains:
            overdue = is_overdue(
                brain.follow_up_status, brain.follow_up_deadline, self.today
            )
            for uid in brain.responsible_units or ():
                entry = counts.setdefault(uid, {"total": 0, "overdue": 0})
                entry["total"] += 1
                entry["overdue"] += int(overdue)
        largest = max((entry["total"] for entry in counts.values()), default=1)
        result = []
        for uid, entry in counts.items():
            if uid not in units.by_value:
                continue
            result.append(
                {
                    "unit": units.getTerm(uid).title,
                    "total": entry["total"],
                    "overdue": entry["overdue"],
                    "width": round(100 * entry["total"] / largest),
                    "overdue_width": round(100 * entry["overdue"] / largest),
                }
            )
        return sorted(result, key=lambda row: (-row["total"], row["unit"]))

    def status_title(self, status: str) -> str:
        return term_title(
            self.context, "municipality.intranet.ImplementationStatuses", status
        )

    def kind_title(self, portal_type: str) -> str:
        return _("Decision") if portal_type == "Decision" else _("Instruction")

    def csv_url(self) -> str:
        query = self.filters.query_string()
        url = f"{self.context.absolute_url()}/@@follow-up.csv"
        return f"{url}?{query}" if query else url


class FollowUpCSV(FollowUpDashboard):
    """The dashboard's rows as CSV (UTF-8 with BOM, for spreadsheets)."""

    def __call__(self):
        self.load()
        language = api.portal.get_current_language()

        def tr(message) -> str:
            return translate(message, context=self.request, target_language=language)

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                tr(_("Kind")),
                tr(_("Number")),
                tr(_("Title")),
                tr(_("Body")),
                tr(_("Responsible units")),
                tr(_("Implementation deadline")),
                tr(_("Implementation status")),
                tr(_("Overdue")),
                tr(_("Address")),
            ]
        )
        for row in self.rows():
            writer.writerow(
                [
                    tr(self.kind_title(row["kind"])),
                    row["number"],
                    row["title"],
                    row["body"],
                    "; ".join(row["units"]),
                    row["deadline_iso"],
                    tr(self.status_title(row["status"])),
                    tr(_("yes")) if row["overdue"] else "",
                    row["url"],
                ]
            )
        return csv_download(self.request.response, "follow-up.csv", out.getvalue())


class AgendaPreparationView(BrowserView):
    """Agenda items of upcoming meetings not yet prepared, by deadline and unit."""

    def __call__(self):
        self.today = site_today()
        units = getUtility(IVocabularyFactory, "municipality.intranet.Units")(
            self.context
        )
        unit = self.request.form.get("unit") or ""
        self.unit = unit if unit in units.by_token else ""
        self.brains = agenda_items_to_prepare(self.today, unit=self.unit or None)
        self.meetings = {
            brain.getPath(): brain for brain in upcoming_meetings(self.today)
        }
        self.units = units
        return super().__call__()

    def unit_options(self) -> list[dict]:
        return [{"value": term.value, "title": term.title} for term in self.units]

    def rows(self) -> list[dict]:
        rows = []
        for brain in self.brains:
            deadline = brain.preparation_deadline
            unit = brain.rapporteur_unit
            meeting = self.meetings.get(brain.getPath().rsplit("/", 1)[0])
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "meeting": meeting.Title if meeting is not None else "",
                    "meeting_url": meeting.getURL() if meeting is not None else "",
                    "meeting_date": meeting.start.strftime("%d.%m.%Y")
                    if meeting is not None and meeting.start
                    else "",
                    "unit": self.units.getTerm(unit).title
                    if unit in self.units.by_value
                    else "",
                    "deadline": deadline.strftime("%d.%m.%Y") if deadline else "",
                    "late": bool(deadline) and deadline < self.today,
                }
            )
        return rows
