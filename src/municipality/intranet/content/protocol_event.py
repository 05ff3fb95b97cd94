"""ProtocolEvent: an entry of the Mayor's protocol calendar.

Visits, invitations, receptions, openings, ceremonies, national and
religious holidays and local commemorations that the Private Office
organises or follows. Date, time, place and recurrence (yearly holidays)
come from Plone's event behaviors. Whether the event is public or for staff
only is its workflow state; the protocol notes are always internal.
"""

from municipality.intranet import _
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


VIEW_INTERNAL = "municipality.intranet.ViewInternalDetails"


class RepresentativeMissing(Invalid):
    __doc__ = _(
        "Represented by: the Mayor does not attend, so choose the person "
        "who represents the Mayor."
    )


class IProtocolEvent(model.Schema):
    """What kind of event, who organises it, and how the Mayor takes part."""

    protocol_kind = schema.Choice(
        title=_("Kind of event"),
        vocabulary="municipality.intranet.ProtocolKinds",
        required=True,
    )
    organiser = schema.TextLine(
        title=_("Organiser"),
        description=_("Who organises the event or invites the Mayor."),
        max_length=300,
        required=False,
    )
    mayor_attends = schema.Bool(
        title=_("The Mayor attends"),
        description=_("Untick when someone represents the Mayor."),
        default=True,
        required=False,
    )
    represented_by = schema.Choice(
        title=_("Represented by"),
        description=_(
            "A person of the directory who represents the Mayor; required "
            "when the Mayor does not attend."
        ),
        vocabulary="municipality.intranet.People",
        required=False,
    )
    guests_of_honour = schema.List(
        title=_("Guests of honour"),
        description=_("One per line: name – title."),
        value_type=schema.TextLine(max_length=300),
        default=[],
        required=False,
    )

    directives.read_permission(protocol_notes=VIEW_INTERNAL)
    protocol_notes = schema.Text(
        title=_("Protocol notes"),
        description=_(
            "Internal: order of speakers, seating, gifts, contacts. Staff only, "
            "never on the public site or in the public calendar."
        ),
        max_length=10000,
        required=False,
    )

    @invariant
    def representative_when_absent(data):
        if getattr(data, "mayor_attends", True) is False and not getattr(
            data, "represented_by", None
        ):
            raise RepresentativeMissing(RepresentativeMissing.__doc__)


@implementer(IProtocolEvent)
class ProtocolEvent(Item):
    """One event of the protocol calendar."""
