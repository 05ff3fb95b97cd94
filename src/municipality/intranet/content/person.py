"""Person: a member of staff listed in a unit."""

from municipality.intranet import _
from municipality.intranet.validators import check_email
from municipality.intranet.validators import check_phone
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IPerson(model.Schema):
    """How to reach a person and what they do; the name is the title."""

    position = schema.TextLine(
        title=_("Position"),
        description=_("e.g. Head of the Private Office"),
        required=False,
    )
    email = schema.TextLine(title=_("E-mail"), required=False, constraint=check_email)
    phone = schema.TextLine(title=_("Phone"), required=False, constraint=check_phone)
    photo = NamedBlobImage(title=_("Photo"), required=False)


@implementer(IPerson)
class Person(Item):
    """A person of a unit."""
