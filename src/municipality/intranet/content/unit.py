"""Unit: an organisational unit of the municipality, from the Mayor's office down."""

from municipality.intranet import _
from plone.app.vocabularies.catalog import CatalogSource
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


class IUnit(model.Schema):
    """What a unit is, what it does and who heads it."""

    kind = schema.Choice(
        title=_("Kind of unit"),
        vocabulary="municipality.intranet.UnitKinds",
        required=True,
    )
    competences = schema.List(
        title=_("Competences"),
        description=_("One competence per line, in order."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )

    model.fieldset(
        "legal",
        label=_("Legal basis"),
        fields=[
            "legal_basis",
            "decision_number",
            "decision_date",
            "supervising_unit",
            "regulation",
        ],
    )
    legal_basis = schema.Text(
        title=_("Legal basis"),
        description=_("The law, regulation or decision the unit rests on."),
        required=False,
    )
    decision_number = schema.TextLine(
        title=_("Establishing decision number"),
        description=_("e.g. Council decision 82"),
        required=False,
    )
    decision_date = schema.Date(
        title=_("Establishing decision date"),
        required=False,
    )
    supervising_unit = RelationChoice(
        title=_("Supervising unit"),
        description=_("For municipal legal entities and companies."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "supervising_unit",
        pattern_options={"selectableTypes": ["Unit"], "recentlyUsed": True},
    )
    regulation = NamedBlobFile(
        title=_("Regulation document"),
        required=False,
    )

    model.fieldset(
        "head",
        label=_("Head"),
        fields=["head_name", "head_title", "head_person", "deputy_name", "deputy_title"],
    )
    head_name = schema.TextLine(title=_("Head of unit"), required=False)
    head_title = schema.TextLine(
        title=_("Title of the head"),
        description=_("e.g. Director, General Secretary"),
        required=False,
    )
    head_person = RelationChoice(
        title=_("Head's staff entry"),
        description=_("The person entry of the head, if there is one."),
        source=CatalogSource(portal_type="Person"),
        required=False,
    )
    deputy_name = schema.TextLine(title=_("Deputy"), required=False)
    deputy_title = schema.TextLine(title=_("Title of the deputy"), required=False)


@implementer(IUnit)
class Unit(Container):
    """A unit; holds its sub-units and its people."""
