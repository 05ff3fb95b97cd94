"""Instruction of the Mayor or the General Secretary to units, followed up."""

from datetime import date
from municipality.intranet import _
from municipality.intranet.content.followed_up import FollowedUpContainer
from municipality.intranet.site_clock import site_today
from plone.app.textfield import RichText
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


def today() -> date:
    return site_today()


class IInstruction(model.Schema):
    given_by = schema.Choice(
        title=_("Given by"),
        vocabulary="municipality.intranet.InstructionAuthorities",
        default="mayor",
        required=True,
    )
    given_on = schema.Date(
        title=_("Given on"),
        defaultFactory=today,
        required=True,
    )
    text = RichText(
        title=_("Instruction"),
        description=_("What is to be done, as it was given."),
        required=True,
    )


@implementer(IInstruction)
class Instruction(FollowedUpContainer):
    """An instruction; its progress notes live inside it."""
