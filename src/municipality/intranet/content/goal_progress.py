"""Progress update: the value a goal's unit has reached on a date."""

from datetime import date
from datetime import timedelta
from municipality.intranet import _
from municipality.intranet.site_clock import site_today
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema import ValidationError


def today() -> date:
    return site_today()


class FutureProgressDate(ValidationError):
    __doc__ = _("Progress is recorded for a day that has come, not a future one.")


def check_not_future(value: date) -> bool:
    # A day of grace: the server's date may be behind the municipality's.
    if value > site_today() + timedelta(days=1):
        raise FutureProgressDate(value)
    return True


class IGoalProgress(model.Schema):
    directives.omitted("title")
    title = schema.TextLine(title=_("Title"), required=False)
    progress_date = schema.Date(
        title=_("Date"),
        defaultFactory=today,
        constraint=check_not_future,
        required=True,
    )
    value = schema.Float(
        title=_("Value reached"),
        description=_("The indicator's value on that date, in the goal's unit."),
        required=True,
    )
    note = schema.Text(
        title=_("Note"),
        description=_("What was done, what is in the way."),
        required=False,
    )
    attachment = NamedBlobFile(
        title=_("Attachment"),
        description=_("A document, spreadsheet, image or PDF, up to the size limit."),
        required=False,
    )


@implementer(IGoalProgress)
class GoalProgress(Item):
    """A dated value in the history of its goal."""

    def Title(self):
        title = getattr(self, "title", "")
        if title:
            return title
        when = self.progress_date.strftime("%d.%m.%Y") if self.progress_date else ""
        author = api.user.get(userid=self.Creator())
        name = (author.getProperty("fullname") if author else "") or self.Creator()
        return " – ".join(part for part in (when, name) if part)
