"""Agenda item: a point on a meeting's agenda, prepared by a rapporteur unit.

Its supporting documents are files inside it; the rapporteur unit adds them
and marks the item prepared before the preparation deadline.
"""

from municipality.intranet import _
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


PREPARE = "municipality.intranet.PrepareAgendaItem"
# The public sees the agenda, not how far its preparation has come.
VIEW_INTERNAL = "municipality.intranet.ViewInternalDetails"


class IAgendaItem(model.Schema):
    item_number = schema.Int(
        title=_("Item number"),
        description=_("Its place on the agenda."),
        min=1,
        max=9999,
        required=True,
    )
    rapporteur_unit = schema.Choice(
        title=_("Rapporteur unit"),
        description=_("The unit that prepares the item and reports on it."),
        vocabulary="municipality.intranet.Units",
        required=True,
    )
    preparation_deadline = schema.Date(
        title=_("Preparation deadline"),
        description=_("The day by which the unit's proposal must be ready."),
        required=False,
    )
    preparation_status = schema.Choice(
        title=_("Preparation"),
        vocabulary="municipality.intranet.PreparationStatuses",
        default="requested",
        required=True,
    )
    directives.write_permission(preparation_status=PREPARE)
    directives.read_permission(
        preparation_deadline=VIEW_INTERNAL, preparation_status=VIEW_INTERNAL
    )
    outcome = schema.Choice(
        title=_("Outcome"),
        vocabulary="municipality.intranet.AgendaOutcomes",
        required=False,
    )
    proposal = RichText(
        title=_("Proposal"),
        description=_("The rapporteur unit's proposal; documents go inside the item."),
        required=False,
    )


@implementer(IAgendaItem)
class AgendaItem(Container):
    """An agenda item; its supporting documents and decisions live inside."""
