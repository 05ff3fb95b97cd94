"""Circular: an instruction of the Mayor or the General Secretary to the units."""

from municipality.intranet import _
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer


# Only the workflow (and a Manager correcting a record) writes these.
SET_NUMBER = "municipality.intranet.SetCircularNumber"


class ICircular(model.Schema):
    """The circular as the official document states it."""

    summary = schema.Text(
        title=_("Summary"),
        description=_("Two or three sentences: what changes and for whom."),
        required=False,
    )
    body = RichText(title=_("Text"), required=True)

    issuing_authority = schema.Choice(
        title=_("Issuing authority"),
        vocabulary="municipality.intranet.IssuingAuthorities",
        required=True,
    )
    signatory_name = schema.TextLine(title=_("Signed by"), required=False)
    signatory_role = schema.TextLine(
        title=_("Role of the signatory"),
        description=_("e.g. Mayor, General Secretary"),
        required=False,
    )
    all_units = schema.Bool(
        title=_("Addressed to all units"),
        default=False,
        required=False,
    )
    recipient_units = RelationList(
        title=_("Recipient units"),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        default=[],
        required=False,
    )
    directives.widget(
        "recipient_units",
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Unit"], "recentlyUsed": True},
    )
    audience = schema.Choice(
        title=_("Audience"),
        vocabulary="municipality.intranet.CircularAudiences",
        default="staff",
        required=True,
    )
    effective_date = schema.Date(title=_("In force from"), required=False)

    model.fieldset(
        "relations",
        label=_("Related circulars"),
        fields=["supersedes", "amends"],
    )
    supersedes = RelationList(
        title=_("Supersedes"),
        description=_("Circulars this one replaces: they become superseded when it is issued."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        default=[],
        required=False,
    )
    directives.widget(
        "supersedes",
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Circular"]},
    )
    amends = RelationList(
        title=_("Amends"),
        description=_("Circulars this one changes in part; they stay in force."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        default=[],
        required=False,
    )
    directives.widget(
        "amends",
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Circular"]},
    )

    # Set by the workflow when the circular is issued, never by hand.
    directives.omitted("protocol_number", "issue_date", "withdrawal_reason")
    directives.write_permission(
        protocol_number=SET_NUMBER, issue_date=SET_NUMBER, withdrawal_reason=SET_NUMBER
    )
    protocol_number = schema.TextLine(title=_("Protocol number"), required=False)
    issue_date = schema.Date(title=_("Issue date"), required=False)
    withdrawal_reason = schema.Text(title=_("Reason for withdrawal"), required=False)


@implementer(ICircular)
class Circular(Container):
    """A circular; its attachments (files) live inside it."""
