"""Meeting: a session of the Council, a committee or a coordination council.

Date, time, place and recurrence come from Plone's event behaviors, so a
meeting is an event: it is in the calendar and has an iCalendar export.
Its agenda items, minutes and decisions live inside it.
"""

from municipality.intranet import _
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer


class IMeeting(model.Schema):
    body = schema.Choice(
        title=_("Body"),
        description=_("Who meets; the list is kept in the intranet settings."),
        vocabulary="municipality.intranet.MeetingBodies",
        required=True,
    )
    session_number = schema.Int(
        title=_("Session number"),
        description=_("Number of the session in the year, e.g. 12."),
        min=1,
        max=9999,
        required=False,
    )
    meeting_status = schema.Choice(
        title=_("Status"),
        vocabulary="municipality.intranet.MeetingStatuses",
        default="scheduled",
        required=True,
    )
    convened_by = schema.TextLine(
        title=_("Convened by"),
        description=_("e.g. the President of the Council, the General Secretary"),
        required=False,
    )
    invited_units = schema.List(
        title=_("Invited units"),
        value_type=schema.Choice(vocabulary="municipality.intranet.Units"),
        default=[],
        required=False,
    )
    directives.widget("invited_units", CheckBoxFieldWidget)
    invited_people = schema.List(
        title=_("Invited people"),
        description=_("One per line: name and role."),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )

    model.fieldset(
        "attendance",
        label=_("Attendance"),
        fields=["present", "excused", "absent"],
    )
    present = schema.List(
        title=_("Present"),
        description=_("One per line."),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )
    excused = schema.List(
        title=_("Excused"),
        description=_("One per line."),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )
    absent = schema.List(
        title=_("Absent"),
        description=_("One per line."),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )


@implementer(IMeeting)
class Meeting(Container):
    """A meeting; holds its agenda items, its minutes and its decisions."""

    # Not called ``minutes``: that is the natural id of the minutes inside.
    def find_minutes(self):
        """The meeting's minutes, or None (there is at most one)."""
        for item in self.objectValues():
            if getattr(item, "portal_type", None) == "Minutes":
                return item
        return None

    def allowedContentTypes(self, context=None):
        """Minutes can be added once only."""
        allowed = super().allowedContentTypes(context)
        if self.find_minutes() is not None:
            allowed = [fti for fti in allowed if fti.getId() != "Minutes"]
        return allowed
