"""Decision of a body, numbered per body and year when it is recorded."""

from municipality.intranet import _
from municipality.intranet.content.followed_up import FollowedUpContainer
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


SET_NUMBER = "municipality.intranet.SetCircularNumber"


class IDecision(model.Schema):
    text = RichText(title=_("Decision"), required=True)

    # Set by the workflow when the decision is recorded, never by hand.
    directives.omitted("decision_number", "decision_year", "decision_body")
    directives.write_permission(
        decision_number=SET_NUMBER, decision_year=SET_NUMBER, decision_body=SET_NUMBER
    )
    decision_number = schema.TextLine(title=_("Decision number"), required=False)
    decision_year = schema.Int(title=_("Year"), required=False)
    decision_body = schema.TextLine(title=_("Body"), required=False)


@implementer(IDecision)
class Decision(FollowedUpContainer):
    """A decision; its progress notes live inside it."""
