"""Progress note: what a responsible unit reports on a decision or instruction."""

from datetime import date
from municipality.intranet import _
from municipality.intranet.site_clock import site_today
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


def today() -> date:
    return site_today()


class IProgressNote(model.Schema):
    # Imported notes keep their own title; new ones are named by date and author.
    directives.omitted("title")
    title = schema.TextLine(title=_("Title"), required=False)
    note_date = schema.Date(
        title=_("Date"),
        defaultFactory=today,
        required=True,
    )
    text = schema.Text(
        title=_("Progress"),
        description=_("What has been done, what is left, what is in the way."),
        required=True,
    )
    attachment = NamedBlobFile(
        title=_("Attachment"),
        description=_("A document, spreadsheet, image or PDF, up to the size limit."),
        required=False,
    )


@implementer(IProgressNote)
class ProgressNote(Item):
    """A dated note in the timeline of its decision or instruction."""

    def Title(self):
        title = getattr(self, "title", "")
        if title:
            return title
        when = self.note_date.strftime("%d.%m.%Y") if self.note_date else ""
        author = api.user.get(userid=self.Creator())
        name = (author.getProperty("fullname") if author else "") or self.Creator()
        return " – ".join(part for part in (when, name) if part)
