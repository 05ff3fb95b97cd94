"""Pages of leave and travel requests: the request, its steps, the
printable authorisation, the section's lists and the CSV for HR.

Lists come from the catalog with the user's permissions: everyone sees
their own requests, heads their unit's, the General Secretariat all.
"""

from datetime import date
from municipality.intranet import _
from municipality.intranet.browser.csv_download import csv_download
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.follow_up import site_today
from municipality.intranet.goal_proposers import editor_units
from municipality.intranet.staff_request_checks import crowded_days
from municipality.intranet.staff_request_checks import overlap_error
from municipality.intranet.staff_request_checks import STAFF_TYPES
from municipality.intranet.staff_request_texts import kind_label
from municipality.intranet.staff_request_texts import period
from municipality.intranet.staff_units import is_coordinator
from municipality.intranet.staff_units import units_of
from plone import api
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.component import getUtility
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory
from zope.schema.interfaces import IVocabularyFactory

import csv
import io


WORKFLOW = "municipality_staff_request_workflow"
# Transitions that need a written reason, shown with a text box.
NEED_COMMENT = ("reject",)
UNITS = "municipality.intranet.Units"
# Titles of states and transitions, translated with the workflow's strings.
workflow_text = MessageFactory("municipality.intranet")


def state_title(state: str):
    workflow = api.portal.get_tool("portal_workflow")[WORKFLOW]
    definition = workflow.states.get(state)
    return workflow_text(definition.title) if definition is not None else state


def user_title(userid) -> str:
    if not userid:
        return ""
    user = api.user.get(userid=userid)
    if user is None:
        return userid
    return user.getProperty("fullname") or userid


def unit_title(context, uid) -> str:
    units = getUtility(IVocabularyFactory, UNITS)(context)
    return units.getTerm(uid).title if uid in units.by_value else ""


def term(context, vocabulary: str, value) -> str:
    try:
        return getUtility(IVocabularyFactory, vocabulary)(context).getTerm(value).title
    except LookupError:
        return value or ""


class StaffRequestView(BrowserView):
    """The request with its figures, its steps and what the user may do."""

    def kind(self) -> str:
        return kind_label(self.context)

    def period(self) -> str:
        return period(self.context)

    def state(self) -> str:
        return api.content.get_state(self.context)

    def state_title(self):
        return state_title(self.state())

    def unit(self) -> str:
        return unit_title(self.context, self.context.employee_unit)

    def details(self) -> list[dict]:
        """Label and value of each filled field, in reading order."""
        c = self.context
        rows = [
            (_("Employee"), c.employee_name or c.employee),
            (_("Unit"), self.unit()),
            (_("Kind"), self.kind()),
            (_("From"), short_date(c.start)),
            (_("To (last day)"), short_date(c.end)),
            (_("Working days"), c.working_days),
        ]
        if c.portal_type == "LeaveRequest":
            rows += [
                (_("Substitute"), user_title(c.substitute)),
                (_("Reason"), c.reason),
            ]
        else:
            cost = c.estimated_cost
            rows += [
                (_("Destination"), c.destination),
                (_("Purpose"), c.purpose),
                (
                    _("Means of transport"),
                    term(c, "municipality.intranet.TransportModes", c.transport),
                ),
                (_("Estimated cost"), f"{cost:,.2f}" if cost is not None else ""),
                (
                    _("Funding source"),
                    term(c, "municipality.intranet.FundingSources", c.funding_source),
                ),
                (_("Related meeting or decision"), self.related_title()),
            ]
        rows += [
            (_("Endorsed by"), self.signed(c.endorsed_by, c.endorsed_on)),
            (_("Approved by"), self.signed(c.approved_by, c.approved_on)),
            (_("Authorisation number"), c.authorisation_number),
            (_("Reason for the rejection"), c.decision_reason),
        ]
        return [
            {"label": label, "value": value}
            for label, value in rows
            if value not in (None, "")
        ]

    def signed(self, name, day) -> str:
        return f"{name}, {short_date(day)}" if name else ""

    def related_title(self) -> str:
        relation = getattr(self.context, "related_item", None)
        target = getattr(relation, "to_object", None) if relation else None
        if target is None or not api.user.has_permission("View", obj=target):
            return ""
        return target.Title()

    def attachments(self) -> list[dict]:
        found = []
        for name in ("attachment", "attachment_2"):
            file = getattr(self.context, name, None)
            if file is not None:
                found.append(
                    {
                        "url": f"{self.context.absolute_url()}/@@download/{name}",
                        "name": file.filename,
                    }
                )
        return found

    def actions(self) -> list[dict]:
        workflow = api.portal.get_tool("portal_workflow")
        return [
            {
                "id": transition["id"],
                "title": workflow_text(transition["title"]),
                "needs_comment": transition["id"] in NEED_COMMENT,
            }
            for transition in workflow.getTransitionsFor(self.context)
        ]

    def overlap(self):
        if self.state() in ("approved", "rejected", "cancelled"):
            return None
        return overlap_error(self.context)

    def crowded(self) -> list[dict]:
        if self.state() not in ("submitted", "endorsed"):
            return []
        return [
            {"day": short_date(day.day), "away": day.away, "staff": day.staff}
            for day in crowded_days(self.context)
        ]

    def can_print(self) -> bool:
        return bool(self.context.authorisation_number)

    def history(self) -> list[dict]:
        """Every step, for whoever sees the request (the workflow's own
        review_history is for reviewers only: the head would see nothing)."""
        workflow = api.portal.get_tool("portal_workflow")
        entries = self.context.workflow_history.get(WORKFLOW, ())
        rows = []
        for entry in entries:
            if not entry.get("action"):
                continue
            transition = workflow[WORKFLOW].transitions.get(entry["action"])
            rows.append(
                {
                    "action": workflow_text(transition.title)
                    if transition
                    else entry["action"],
                    "actor": user_title(entry.get("actor")),
                    "time": entry["time"].strftime("%d.%m.%Y %H:%M"),
                    "comment": entry.get("comments") or "",
                }
            )
        return rows


class StaffRequestActionView(BrowserView):
    """POST: take a step of the workflow, with its reason where needed."""

    def __call__(self):
        url = self.context.absolute_url()
        if self.request.method != "POST":
            return self.request.response.redirect(url)
        CheckAuthenticator(self.request)
        transition = self.request.form.get("transition", "")
        comment = (self.request.form.get("comment") or "").strip()
        workflow = api.portal.get_tool("portal_workflow")
        allowed = {t["id"] for t in workflow.getTransitionsFor(self.context)}
        if transition not in allowed:
            api.portal.show_message(
                _("This step is not possible now."), self.request, "error"
            )
            return self.request.response.redirect(url)
        try:
            workflow.doActionFor(self.context, transition, comment=comment)
        except WorkflowException as error:
            api.portal.show_message(str(error), self.request, "error")
            return self.request.response.redirect(url)
        api.portal.show_message(
            _("Done: ${state}.", mapping={"state": self.translated_state()}),
            self.request,
        )
        crowded = crowded_days(self.context) if transition == "submit" else []
        if crowded:
            api.portal.show_message(
                self.crowded_message(crowded), self.request, "warning"
            )
        return self.request.response.redirect(url)

    def translated_state(self) -> str:
        state = api.content.get_state(self.context)
        return translate(state_title(state), context=self.request)

    def crowded_message(self, crowded) -> str:
        return translate(
            _(
                "Note: on ${count} working days more than ${share}% of your unit "
                "would be away (first: ${day}).",
                mapping={
                    "count": len(crowded),
                    "share": api.portal.get_registry_record(
                        "municipality.intranet.absence_share_warning", default=30
                    ),
                    "day": short_date(crowded[0].day),
                },
            ),
            context=self.request,
        )


class AuthorisationView(StaffRequestView):
    """The numbered authorisation, to print and sign."""

    def __call__(self):
        if not self.context.authorisation_number:
            raise NotFound(self.context, "authorisation", self.request)
        return super().__call__()

    def site_title(self) -> str:
        return api.portal.get().Title()

    def cancelled(self) -> bool:
        return self.state() == "cancelled"

    def substitute(self) -> str:
        return user_title(getattr(self.context, "substitute", None))

    def transport(self) -> str:
        return term(
            self.context, "municipality.intranet.TransportModes", self.context.transport
        )

    def funding(self) -> str:
        return term(
            self.context,
            "municipality.intranet.FundingSources",
            self.context.funding_source,
        )

    def requested_on(self) -> str:
        return short_date(self.context.created().asdatetime().date())

    def short_date(self, value) -> str:
        return short_date(value)


def row(context, brain) -> dict:
    obj = brain.getObject()
    return {
        "url": brain.getURL(),
        "kind": kind_label(obj),
        "employee": obj.employee_name or obj.employee,
        "unit": unit_title(context, obj.employee_unit),
        "period": period(obj),
        "days": obj.working_days,
        "state": brain.review_state,
        "status": state_title(brain.review_state),
        "number": obj.authorisation_number or "",
        "obj": obj,
    }


class StaffRequestsView(BrowserView):
    """The section: my requests; what awaits me as head or as GS."""

    def search(self, **query) -> list:
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type=list(STAFF_TYPES),
            sort_on="absence_start",
            sort_order="descending",
            **query,
        )
        return [row(self.context, brain) for brain in brains]

    def user(self):
        return api.user.get_current()

    def mine(self) -> list[dict]:
        return self.search(staff_employee=self.user().getId())

    def to_endorse(self) -> list[dict]:
        units = editor_units(self.user())
        if not units:
            return []
        me = self.user().getId()
        return [
            r
            for r in self.search(review_state="submitted", staff_unit=list(units))
            if r["obj"].employee != me
        ]

    def is_coordinator(self) -> bool:
        return is_coordinator(self.user())

    def to_approve(self) -> list[dict]:
        if not self.is_coordinator():
            return []
        me = self.user().getId()
        return [
            r for r in self.search(review_state="endorsed") if r["obj"].employee != me
        ]

    def waiting_for_heads(self) -> list[dict]:
        """Submitted, not endorsed yet (the GS may endorse for an absent head)."""
        if not self.is_coordinator():
            return []
        return self.search(review_state="submitted")

    @memoize
    def units(self) -> list:
        return units_of(self.user())

    def has_unit(self) -> bool:
        return bool(self.units())

    def can_add(self, type_name: str) -> bool:
        return self.has_unit() and bool(
            api.user.has_permission(
                f"municipality.intranet: Add {type_name}", obj=self.context
            )
        )

    def calendars(self) -> list[dict]:
        units = self.units()
        return [
            {"title": unit.Title(), "url": f"{unit.absolute_url()}/@@absences"}
            for unit in units
        ]

    def can_export(self) -> bool:
        return bool(
            api.user.has_permission(
                "municipality.intranet: Export staff requests", obj=self.context
            )
        )


class StaffRequestsCSV(BrowserView):
    """Every request of a year, for HR (UTF-8 with BOM for spreadsheets)."""

    def year(self) -> int:
        try:
            return int(self.request.form.get("year") or 0) or self.this_year()
        except ValueError:
            return self.this_year()

    def this_year(self) -> int:
        return site_today().year

    def __call__(self):
        year = self.year()
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type=list(STAFF_TYPES),
            absence_start={"query": date(year, 12, 31), "range": "max"},
            absence_end={"query": date(year, 1, 1), "range": "min"},
            sort_on="absence_start",
        )

        def tr(message) -> str:
            return translate(message, context=self.request)

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                tr(_("Authorisation number")),
                tr(_("Kind")),
                tr(_("Employee")),
                tr(_("Employee's user name")),
                tr(_("Unit")),
                tr(_("From")),
                tr(_("To (last day)")),
                tr(_("Working days")),
                tr(_("Status")),
                tr(_("Endorsed by")),
                tr(_("Endorsed on")),
                tr(_("Approved by")),
                tr(_("Approved on")),
                tr(_("Destination")),
                tr(_("Estimated cost")),
                tr(_("Funding source")),
            ]
        )
        for brain in brains:
            obj = brain.getObject()
            travel = obj.portal_type == "TravelRequest"
            writer.writerow(
                [
                    obj.authorisation_number or "",
                    kind_label(obj),
                    obj.employee_name or "",
                    obj.employee or "",
                    unit_title(self.context, obj.employee_unit),
                    obj.start.isoformat(),
                    obj.end.isoformat(),
                    obj.working_days if obj.working_days is not None else "",
                    tr(state_title(brain.review_state)),
                    obj.endorsed_by or "",
                    obj.endorsed_on.isoformat() if obj.endorsed_on else "",
                    obj.approved_by or "",
                    obj.approved_on.isoformat() if obj.approved_on else "",
                    obj.destination if travel else "",
                    obj.estimated_cost if travel and obj.estimated_cost else "",
                    tr(
                        term(
                            obj,
                            "municipality.intranet.FundingSources",
                            obj.funding_source,
                        )
                    )
                    if travel
                    else "",
                ]
            )
        return csv_download(
            self.request.response, f"leave-and-travel-{year}.csv", out.getvalue()
        )
