"""Pages of decisions and instructions: text, follow-up box and timeline."""

from municipality.intranet import _
from municipality.intranet.browser.circular import term_title
from municipality.intranet.browser.meetings import rich_text
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.browser.meetings import unit_titles
from municipality.intranet.follow_up import ADD_PROGRESS_NOTE
from municipality.intranet.follow_up import allowed_statuses
from municipality.intranet.follow_up import change_status
from municipality.intranet.follow_up import history
from municipality.intranet.follow_up import is_followed_up
from municipality.intranet.follow_up import is_overdue
from municipality.intranet.follow_up import site_today
from municipality.intranet.follow_up import StatusChangeRefused
from municipality.intranet.meeting_bodies import body_title
from municipality.intranet.meeting_workflow import meeting_of
from municipality.intranet.progress_notes import notes
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

import pytz


STATUSES = "municipality.intranet.ImplementationStatuses"


def status_title(context, status) -> str:
    return term_title(context, STATUSES, status)


def actor_name(userid: str) -> str:
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname") or userid) if user is not None else userid


class FollowUpView(BrowserView):
    """A decision or an instruction with its follow-up."""

    def text(self) -> str:
        return rich_text(self.context.text)

    def meeting(self):
        return meeting_of(self.context)

    def body(self) -> str:
        meeting = self.meeting()
        return body_title(meeting.body) if meeting is not None else ""

    def given_by(self) -> str:
        return term_title(
            self.context,
            "municipality.intranet.InstructionAuthorities",
            getattr(self.context, "given_by", None),
        )

    def given_on(self) -> str:
        return short_date(getattr(self.context, "given_on", None))

    def followed_up(self) -> bool:
        return is_followed_up(self.context)

    def show_follow_up(self) -> bool:
        """Staff only: the public sees the decision, not its implementation."""
        return self.followed_up() and not api.user.is_anonymous()

    def units(self) -> list[str]:
        return unit_titles(self.context, self.context.responsible_units)

    def deadline(self) -> str:
        return short_date(self.context.follow_up_deadline)

    def status(self) -> str:
        return status_title(self.context, self.context.implementation_status)

    def overdue(self) -> bool:
        return is_overdue(
            self.context.implementation_status,
            self.context.follow_up_deadline,
            site_today(),
        )

    def status_choices(self) -> list[dict]:
        return [
            {"value": value, "title": status_title(self.context, value)}
            for value in allowed_statuses(self.context)
        ]

    def can_add_note(self) -> bool:
        allowed = [fti.getId() for fti in self.context.allowedContentTypes()]
        return "ProgressNote" in allowed and bool(
            api.user.has_permission(ADD_PROGRESS_NOTE, obj=self.context)
        )

    def timeline(self) -> list[dict]:
        """Progress notes and status changes, newest first."""
        zone = pytz.timezone(
            api.portal.get_registry_record("plone.portal_timezone", default="UTC")
            or "UTC"
        )
        entries = []
        for brain in notes(self.context):
            note = brain.getObject()
            created = note.created().asdatetime().astimezone(zone)
            entries.append(
                {
                    "kind": "note",
                    "sort": created,
                    "date": short_date(note.note_date),
                    "author": actor_name(note.Creator()),
                    "text": note.text,
                    "attachment": note.attachment,
                    "url": note.absolute_url(),
                }
            )
        for change in history(self.context):
            when = change["date"].astimezone(zone)
            entries.append(
                {
                    "kind": "status",
                    "sort": when,
                    "date": when.strftime("%d.%m.%Y %H:%M"),
                    "author": actor_name(change["actor"]),
                    "text": change.get("comment") or "",
                    "from": status_title(self.context, change["from"]),
                    "to": status_title(self.context, change["to"]),
                }
            )
        return sorted(entries, key=lambda entry: entry["sort"], reverse=True)


class FollowUpStatusView(BrowserView):
    """POST: change the implementation status, with an optional comment."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        new = self.request.form.get("status", "")
        comment = self.request.form.get("comment", "")
        try:
            change_status(self.context, new, comment)
        except StatusChangeRefused as refusal:
            api.portal.show_message(refusal.args[0], self.request, "error")
        else:
            api.portal.show_message(
                _(
                    "Implementation status: ${status}.",
                    mapping={"status": status_title(self.context, new)},
                ),
                self.request,
            )
        return self.request.response.redirect(self.context.absolute_url())
