"""A member of staff's request to travel on duty (secondment)."""

from municipality.intranet import _
from municipality.intranet.content.staff_request import IStaffRequest
from municipality.intranet.content.staff_request import StaffRequest
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


class ITravelRequest(IStaffRequest):
    travel_scope = schema.Choice(
        title=_("Domestic or abroad"),
        vocabulary="municipality.intranet.TravelScopes",
        required=True,
    )
    destination = schema.TextLine(
        title=_("Destination"),
        description=_("City and country, e.g. Thessaloniki or Brussels, Belgium."),
        max_length=200,
        required=True,
    )
    purpose = schema.Text(
        title=_("Purpose"),
        description=_("The meeting, training or mission the travel is for."),
        max_length=2000,
        required=True,
    )
    directives.order_before(
        travel_scope="employee_unit",
        destination="employee_unit",
        purpose="employee_unit",
    )
    transport = schema.Choice(
        title=_("Means of transport"),
        vocabulary="municipality.intranet.TransportModes",
        required=True,
    )
    estimated_cost = schema.Float(
        title=_("Estimated cost"),
        description=_(
            "In the local currency: fares, accommodation and allowances together."
        ),
        min=0.0,
        required=False,
    )
    funding_source = schema.Choice(
        title=_("Funding source"),
        vocabulary="municipality.intranet.FundingSources",
        required=True,
    )
    related_item = RelationChoice(
        title=_("Related meeting or decision"),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "related_item",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "maximumSelectionSize": 1,
            "selectableTypes": ["Meeting", "Decision", "AgendaItem"],
        },
    )


@implementer(ITravelRequest)
class TravelRequest(StaffRequest):
    """Travel on duty from the first to the last day, both included."""

    def series(self) -> str:
        return "travel"
