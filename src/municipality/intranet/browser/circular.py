"""A circular's page, laid out like the official document, and its acknowledgements."""

from municipality.intranet import _
from municipality.intranet.acknowledgements import acknowledge
from municipality.intranet.acknowledgements import pending_units_for
from municipality.intranet.acknowledgements import status
from municipality.intranet.circular_mail import send_after_commit
from municipality.intranet.circular_recipients import recipient_units
from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import html


def term_title(context, vocabulary_name: str, value) -> str:
    vocabulary = getUtility(IVocabularyFactory, vocabulary_name)(context)
    try:
        return vocabulary.getTerm(value).title
    except LookupError:
        return value or ""


def visible(relations) -> list:
    """Targets of relations the current user may see."""
    targets = []
    for relation in relations or ():
        target = None if relation.isBroken() else relation.to_object
        if target is not None and api.user.has_permission("View", obj=target):
            targets.append(target)
    return targets


class CircularView(BrowserView):
    def municipality(self) -> str:
        return api.portal.get().Title()

    def state(self) -> str:
        return api.content.get_state(self.context)

    def is_superseded(self) -> bool:
        return self.state() in ("superseded", "superseded_public")

    def is_withdrawn(self) -> bool:
        return self.state() in ("withdrawn", "withdrawn_public")

    def authority(self) -> str:
        return term_title(
            self.context,
            "municipality.intranet.IssuingAuthorities",
            self.context.issuing_authority,
        )

    def body(self) -> str:
        """The text as safe HTML (a bare string, set by a script, is escaped)."""
        body = self.context.body
        if body is None:
            return ""
        output = getattr(body, "output", None)
        return output if output is not None else html.escape(str(body))

    def recipients(self) -> list:
        return recipient_units(self.context)

    def superseded_by(self):
        """The circular that replaced this one, if the user may see it."""
        uid = getattr(self.context, "superseded_by", None)
        if uid:
            # Unrestricted lookup, then our own check: the visitor may not see it.
            newer = uuidToObject(uid, unrestricted=True)
        else:  # imported registers only have the relation
            relations = api.relation.get(target=self.context, relationship="supersedes")
            newer = relations[0].from_object if relations else None
        if newer is None or not api.user.has_permission("View", obj=newer):
            return None
        return newer

    def supersedes(self) -> list:
        return visible(self.context.supersedes)

    def amends(self) -> list:
        return visible(self.context.amends)

    def attachments(self) -> list:
        return [
            brain.getObject()
            for brain in api.content.find(
                context=self.context, depth=1, portal_type="File"
            )
        ]

    def issue_date(self) -> str:
        date = self.context.issue_date
        return date.strftime("%d.%m.%Y") if date else ""

    def effective_date(self) -> str:
        date = self.context.effective_date
        return date.strftime("%d.%m.%Y") if date else ""

    def units_to_acknowledge(self) -> list:
        if api.user.is_anonymous():
            return []
        return pending_units_for(self.context, api.user.get_current())

    def can_review(self) -> bool:
        return bool(api.user.has_permission("Review portal content", obj=self.context))

    def acknowledgement_status(self) -> list[dict]:
        return status(self.context) if self.can_review() else []


class AcknowledgeView(BrowserView):
    """POST: the current user's units note the circular as read."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        units = acknowledge(self.context, api.user.get_current())
        if units:
            api.portal.show_message(
                _(
                    "Noted as read for ${units}.",
                    mapping={"units": ", ".join(u.Title() for u in units)},
                ),
                self.request,
            )
        else:
            api.portal.show_message(
                _("There is nothing for you to acknowledge here."),
                self.request,
                "warning",
            )
        return self.request.response.redirect(self.context.absolute_url())


class RemindView(BrowserView):
    """POST: reviewers remind the units that have not acknowledged yet."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        late = [row["unit"] for row in status(self.context) if not row["acknowledged"]]
        send_after_commit(
            self.context,
            late,
            _("Reminder: circular ${number}: ${title}"),
            _("Please read circular ${number} and note it as read on its page."),
        )
        api.portal.show_message(
            _("Reminder sent to ${count} units.", mapping={"count": len(late)}),
            self.request,
        )
        return self.request.response.redirect(self.context.absolute_url())
