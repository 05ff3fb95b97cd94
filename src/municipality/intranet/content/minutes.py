"""Minutes of a meeting: drafted, approved, then published or circulated."""

from municipality.intranet import _
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IMinutes(model.Schema):
    text = RichText(title=_("Minutes"), required=True)
    present = schema.List(
        title=_("Present"),
        description=_("One per line; taken from the meeting's attendance if empty."),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )
    # Written by the workflow on approval.
    directives.omitted("approved_on", "approved_by")
    approved_on = schema.Date(title=_("Approved on"), required=False)
    approved_by = schema.TextLine(title=_("Approved by"), required=False)


@implementer(IMinutes)
class Minutes(Item):
    """The minutes; one per meeting."""
