"""``@@activity-report``: the periodic report, as a page, CSV, or a document."""

from datetime import date
from municipality.intranet import _
from municipality.intranet.activity_report import compile_report
from municipality.intranet.browser.circular import term_title
from municipality.intranet.browser.csv_download import csv_download
from municipality.intranet.browser.follow_up_dashboard import parse_day
from municipality.intranet.browser.goals import number
from municipality.intranet.browser.goals import STATUS_CLASSES
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.browser.meetings import unit_titles
from municipality.intranet.follow_up import site_today
from municipality.intranet.meeting_bodies import body_title
from municipality.intranet.sections import section
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.i18n import translate

import csv
import io


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


class ActivityReportView(BrowserView):
    """The report for ``from``–``to`` (this quarter so far by default)."""

    body_template = ViewPageTemplateFile("templates/activity_report_body.pt")

    def __call__(self):
        self.load()
        if self.request.method == "POST" and self.request.form.get("save"):
            return self.save()
        return self.index()

    def load(self) -> None:
        form = self.request.form
        today = site_today()
        self.errors = []
        start, end = parse_day(form.get("from")), parse_day(form.get("to"))
        if form.get("from") and start is None:
            self.errors.append(_("The first day of the period is not a valid date."))
        if form.get("to") and end is None:
            self.errors.append(_("The last day of the period is not a valid date."))
        start = start or quarter_start(today)
        end = end or today
        if end < start:
            self.errors.append(_("The period ends before it starts."))
            start, end = end, start
        self.start, self.end = start, end
        self.report = compile_report(start, end)

    def period(self) -> str:
        return f"{short_date(self.start)} – {short_date(self.end)}"

    def query_string(self) -> str:
        return urlencode({"from": self.start.isoformat(), "to": self.end.isoformat()})

    def csv_url(self) -> str:
        return (
            f"{self.context.absolute_url()}/@@activity-report.csv?{self.query_string()}"
        )

    # Rows shared by the page, the saved document and the CSV.

    def goal_rows(self) -> list[dict]:
        rows = []
        for found in self.report.goals:
            goal, measure = found["goal"], found["measure"]
            rows.append(
                {
                    "title": goal.Title(),
                    "url": goal.absolute_url(),
                    "unit": term_title(
                        self.context, "municipality.intranet.Units", goal.goal_unit
                    ),
                    "target": f"{number(goal.target)} {goal.measure_unit}",
                    "value": number(measure.latest.value) if measure.latest else "",
                    "percent": number(measure.percent)
                    if measure.percent is not None
                    else "",
                    "status": term_title(
                        self.context,
                        "municipality.intranet.GoalStatuses",
                        measure.status,
                    ),
                    "status_class": STATUS_CLASSES[measure.status],
                    "updates": found["updates"],
                }
            )
        return rows

    def _item_row(self, item, on=None) -> dict:
        return {
            "title": item.Title(),
            "url": item.absolute_url(),
            "number": getattr(item, "decision_number", "") or "",
            "units": ", ".join(unit_titles(self.context, item.responsible_units)),
            "deadline": short_date(item.follow_up_deadline),
            "date": short_date(on),
        }

    def implemented_rows(self) -> list[dict]:
        return [self._item_row(r["item"], r["on"]) for r in self.report.implemented]

    def open_rows(self) -> list[dict]:
        return [self._item_row(item) for item in self.report.still_open]

    def circular_rows(self) -> list[dict]:
        return [
            {
                "title": circular.Title(),
                "url": circular.absolute_url(),
                "number": circular.protocol_number or "",
                "date": short_date(circular.issue_date),
            }
            for circular in self.report.circulars
        ]

    def meeting_rows(self) -> list[dict]:
        return [
            {
                "title": meeting.Title(),
                "url": meeting.absolute_url(),
                "body": body_title(meeting.body),
                "date": short_date(meeting.start),
            }
            for meeting in self.report.meetings
        ]

    def body(self) -> str:
        return self.body_template()

    def can_save(self) -> bool:
        folder = section("goals")
        return folder is not None and bool(
            api.user.has_permission("plone.app.contenttypes: Add Document", obj=folder)
        )

    def save(self):
        """Keep the report as a (private) document in the goals section."""
        CheckAuthenticator(self.request)
        folder = section("goals")
        if self.errors or not self.can_save():
            api.portal.show_message(
                _("The report could not be saved."), self.request, type="error"
            )
            return self.index()
        title = translate(
            _("Activity report ${period}", mapping={"period": self.period()}),
            context=self.request,
        )
        document = api.content.create(
            container=folder,
            type="Document",
            title=title,
            text=RichTextValue(self.body(), "text/html", "text/x-html-safe"),
        )
        api.portal.show_message(_("The report was saved."), self.request)
        return self.request.response.redirect(document.absolute_url())


class ActivityReportCSV(ActivityReportView):
    """The report as CSV: one row per entry, its section first."""

    def __call__(self):
        self.load()

        def tr(message) -> str:
            return translate(message, context=self.request)

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                tr(_("Section")),
                tr(_("Title")),
                tr(_("Unit")),
                tr(_("Number")),
                tr(_("Date")),
                tr(_("Value")),
                tr(_("Share of target (%)")),
                tr(_("Status")),
                tr(_("Address")),
            ]
        )
        for row in self.goal_rows():
            writer.writerow(
                [
                    tr(_("Goals")),
                    row["title"],
                    row["unit"],
                    "",
                    "",
                    row["value"],
                    row["percent"],
                    tr(row["status"]),
                    row["url"],
                ]
            )
        for name, rows in (
            (_("Decisions and instructions implemented"), self.implemented_rows()),
            (_("Decisions and instructions still open"), self.open_rows()),
        ):
            for row in rows:
                writer.writerow(
                    [
                        tr(name),
                        row["title"],
                        row["units"],
                        row["number"],
                        row["date"] or row["deadline"],
                        "",
                        "",
                        "",
                        row["url"],
                    ]
                )
        for row in self.circular_rows():
            writer.writerow(
                [
                    tr(_("Circulars issued")),
                    row["title"],
                    "",
                    row["number"],
                    row["date"],
                    "",
                    "",
                    "",
                    row["url"],
                ]
            )
        for row in self.meeting_rows():
            writer.writerow(
                [
                    tr(_("Meetings held")),
                    row["title"],
                    row["body"],
                    "",
                    row["date"],
                    "",
                    "",
                    "",
                    row["url"],
                ]
            )
        return csv_download(
            self.request.response,
            f"activity-report-{self.start}-{self.end}.csv",
            out.getvalue(),
        )
