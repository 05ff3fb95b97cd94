"""ServiceStandard: one service of a unit, as its public service standards table states it."""

from municipality.intranet import _
from municipality.intranet.validators import check_web_address
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from decimal import Decimal
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class DocumentsMissing(Invalid):
    __doc__ = _(
        "Required documents: list at least one document, or tick "
        "'No documents required'."
    )


class ChannelURLMissing(Invalid):
    __doc__ = _("Application channels: online application needs its web address.")


class IServiceStandard(model.Schema):
    """What the citizen brings, how long it takes, and where to complain."""

    sequence = schema.Int(
        title=_("Number in the unit's table"),
        min=1,
        max=9999,
        required=True,
    )
    required_documents = schema.List(
        title=_("Required documents"),
        description=_("One document per line, in order."),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )
    no_documents = schema.Bool(
        title=_("No documents required"),
        default=False,
        required=False,
    )
    completion_time = schema.Int(
        title=_("Maximum completion time"),
        min=1,
        max=9999,
        required=True,
    )
    completion_unit = schema.Choice(
        title=_("Unit of the completion time"),
        vocabulary="municipality.intranet.TimeUnits",
        default="days",
        required=True,
    )
    fee_amount = schema.Decimal(
        title=_("Fee"),
        description=_("Leave empty if the service is free."),
        min=Decimal(0),
        required=False,
    )
    fee_currency = schema.Choice(
        title=_("Currency"),
        values=["EUR", "TRY"],
        required=False,
    )
    legal_basis = schema.Text(title=_("Legal basis"), required=False)
    channels = schema.List(
        title=_("Application channels"),
        value_type=schema.Choice(vocabulary="municipality.intranet.ServiceChannels"),
        default=[],
        required=False,
    )
    online_url = schema.TextLine(
        title=_("Online application address"),
        required=False,
        constraint=check_web_address,
    )

    model.fieldset(
        "complaints",
        label=_("Where to complain"),
        fields=["first_point", "second_point"],
    )
    first_point = RelationChoice(
        title=_("First point of application"),
        description=_("A person or a unit of the directory."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "first_point",
        pattern_options={"selectableTypes": ["Person", "Unit"]},
    )
    second_point = RelationChoice(
        title=_("Second point of application"),
        description=_("A person or a unit of the directory."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "second_point",
        pattern_options={"selectableTypes": ["Person", "Unit"]},
    )
    last_reviewed = schema.Date(title=_("Last reviewed"), required=False)

    @invariant
    def documents_or_none(data):
        if not getattr(data, "no_documents", False) and not getattr(
            data, "required_documents", None
        ):
            raise DocumentsMissing(DocumentsMissing.__doc__)

    @invariant
    def online_needs_url(data):
        if "online" in (getattr(data, "channels", None) or ()) and not getattr(
            data, "online_url", None
        ):
            raise ChannelURLMissing(ChannelURLMissing.__doc__)


@implementer(IServiceStandard)
class ServiceStandard(Item):
    """One row of a unit's service standards table."""
