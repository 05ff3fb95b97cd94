"""Pages of meetings, agenda items and minutes; agenda items marked prepared."""

from itertools import islice
from municipality.intranet import _
from municipality.intranet.browser.circular import term_title
from municipality.intranet.meeting_bodies import body_title
from municipality.intranet.meeting_series import make_next_session
from municipality.intranet.meeting_series import SERIES_ATTRIBUTE
from municipality.intranet.meeting_series import sessions_of
from municipality.intranet.meeting_workflow import meeting_of
from municipality.intranet.meeting_workflow import meets_in_public
from plone import api
from plone.app.event.base import localized_now
from plone.app.uuid.utils import uuidToObject
from plone.event.interfaces import IRecurrenceSupport
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import html


PREPARE_TITLE = "municipality.intranet: Prepare agenda item"


def rich_text(value) -> str:
    """A RichText value as safe HTML (a bare string is escaped)."""
    if value is None:
        return ""
    output = getattr(value, "output", None)
    return output if output is not None else html.escape(str(value))


def short_date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def unit_titles(context, uids) -> list[str]:
    """Titles of units by UID, from one vocabulary (one catalog query)."""
    units = getUtility(IVocabularyFactory, "municipality.intranet.Units")(context)
    return [
        units.getTerm(uid).title if uid in units.by_value else uid for uid in uids or ()
    ]


def children(context, portal_type, sort_on="getObjPositionInParent", **query) -> list:
    return [
        brain.getObject()
        for brain in api.content.find(
            context=context, depth=1, portal_type=portal_type, sort_on=sort_on, **query
        )
    ]


def is_staff() -> bool:
    return not api.user.is_anonymous()


class MeetsInPublicView(BrowserView):
    """Guard of the publish transitions: true for the Council and committees."""

    def __call__(self) -> bool:
        return meets_in_public(self.context)


class MeetingView(BrowserView):
    """The meeting as the official agenda: body, session, time, place, items."""

    def body(self) -> str:
        return body_title(self.context.body)

    def status(self) -> str:
        return term_title(
            self.context,
            "municipality.intranet.MeetingStatuses",
            self.context.meeting_status,
        )

    def when(self) -> str:
        start, end = self.context.start, self.context.end
        if start is None:
            return ""
        text = start.strftime("%d.%m.%Y %H:%M")
        if end is not None:
            same_day = end.date() == start.date()
            text += " – " + end.strftime("%H:%M" if same_day else "%d.%m.%Y %H:%M")
        return text

    def agenda(self) -> list[dict]:
        items = sorted(
            children(self.context, "AgendaItem"),
            key=lambda item: (item.item_number or 0, item.Title()),
        )
        units = unit_titles(self.context, [item.rapporteur_unit for item in items])
        return [agenda_row(item, unit) for item, unit in zip(items, units, strict=True)]

    def minutes(self):
        found = children(self.context, "Minutes")
        return found[0] if found else None

    def decisions(self) -> list:
        brains = api.content.find(
            context=self.context, portal_type="Decision", sort_on="decision_number"
        )
        return [brain.getObject() for brain in brains]

    def next_sessions(self, count: int = 6) -> list[str]:
        """The coming dates of a recurring meeting (a series), if it is one."""
        if not getattr(self.context, "recurrence", None):
            return []
        occurrences = IRecurrenceSupport(self.context).occurrences(
            range_start=localized_now(self.context)
        )
        dates = []
        for occurrence in islice(occurrences, count):
            dates.append(occurrence.start.strftime("%d.%m.%Y %H:%M"))
        return dates

    def can_make_session(self) -> bool:
        container = self.context.aq_parent
        return (
            bool(getattr(self.context, "recurrence", None))
            and bool(
                api.user.has_permission(
                    "municipality.intranet: Add Meeting", obj=container
                )
            )
            and bool(api.user.has_permission("Add portal content", obj=container))
        )

    def series(self):
        """The series this meeting is a session of, if the user may see it."""
        uid = getattr(self.context, SERIES_ATTRIBUTE, None)
        if not uid:
            return None
        series = uuidToObject(uid, unrestricted=True)
        if series is None or not api.user.has_permission("View", obj=series):
            return None
        return series

    def sessions(self) -> list:
        return [
            meeting
            for meeting in sessions_of(self.context)
            if api.user.has_permission("View", obj=meeting)
        ]

    def invited_units(self) -> list[str]:
        return unit_titles(self.context, self.context.invited_units)

    def show_preparation(self) -> bool:
        return is_staff()

    def documents(self) -> list:
        return children(self.context, "File")


def agenda_row(item, unit: str | None = None) -> dict:
    """One line of the agenda; ``unit``: the rapporteur's title if known."""
    if unit is None:
        (unit,) = unit_titles(item, [item.rapporteur_unit])
    return {
        "item": item,
        "number": item.item_number,
        "unit": unit,
        "deadline": short_date(item.preparation_deadline),
        "prepared": item.preparation_status == "prepared",
        "preparation": term_title(
            item,
            "municipality.intranet.PreparationStatuses",
            item.preparation_status,
        ),
        "outcome": term_title(
            item, "municipality.intranet.AgendaOutcomes", item.outcome
        )
        if item.outcome
        else "",
    }


class AgendaItemView(BrowserView):
    def row(self) -> dict:
        return agenda_row(self.context)

    def meeting(self):
        return meeting_of(self.context)

    def proposal(self) -> str:
        return rich_text(self.context.proposal)

    def documents(self) -> list:
        return children(self.context, "File")

    def decisions(self) -> list:
        return children(self.context, "Decision")

    def can_prepare(self) -> bool:
        return bool(api.user.has_permission(PREPARE_TITLE, obj=self.context))

    def show_preparation(self) -> bool:
        return is_staff()


class MarkPreparedView(BrowserView):
    """POST: the rapporteur unit marks its item prepared (or back to requested)."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        status = self.request.form.get("status", "prepared")
        if status not in ("prepared", "requested"):
            status = "prepared"
        self.context.preparation_status = status
        self.context.reindexObject(idxs=["preparation_status"])
        message = (
            _("The item is marked prepared.")
            if status == "prepared"
            else _("The item is marked as still to be prepared.")
        )
        api.portal.show_message(message, self.request)
        return self.request.response.redirect(self.context.absolute_url())


class NextSessionView(BrowserView):
    """POST: make the next session of a series a meeting of its own."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        container = self.context.aq_parent
        if not api.user.has_permission(
            "municipality.intranet: Add Meeting", obj=container
        ):
            raise Unauthorized("Only the General Secretariat prepares meetings.")
        session = make_next_session(self.context)
        if session is None:
            api.portal.show_message(
                _("The series has no more dates."), self.request, "warning"
            )
            return self.request.response.redirect(self.context.absolute_url())
        api.portal.show_message(
            _(
                "The session of ${date} is ready for its agenda.",
                mapping={"date": session.start.strftime("%d.%m.%Y")},
            ),
            self.request,
        )
        return self.request.response.redirect(session.absolute_url())


class MinutesView(BrowserView):
    def meeting(self):
        return meeting_of(self.context)

    def text(self) -> str:
        return rich_text(self.context.text)

    def present(self) -> list[str]:
        meeting = self.meeting()
        return list(self.context.present or (meeting.present if meeting else []) or [])

    def approved_on(self) -> str:
        return short_date(self.context.approved_on)

    def body(self) -> str:
        meeting = self.meeting()
        return body_title(meeting.body) if meeting is not None else ""
