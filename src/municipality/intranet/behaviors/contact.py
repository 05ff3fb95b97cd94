"""Contact details of a unit: where it is and how to reach it."""

from municipality.intranet import _
from municipality.intranet.validators import check_email
from municipality.intranet.validators import check_phone
from municipality.intranet.validators import check_phones
from municipality.intranet.validators import check_postal_code
from municipality.intranet.validators import check_web_address
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


# The permission's id (for zope.security) and title (for Zope 2 checks).
VIEW_INTERNAL = "municipality.intranet.ViewInternalDetails"
VIEW_INTERNAL_TITLE = "municipality.intranet: View internal details"


@provider(IFormFieldProvider)
class IContactInfo(model.Schema):
    """Public contact card, plus details only staff may read."""

    model.fieldset(
        "contact",
        label=_("Contact"),
        fields=[
            "email",
            "phones",
            "fax",
            "street_address",
            "postal_code",
            "city",
            "floor_room",
            "opening_hours",
            "website",
            "internal_extension",
            "internal_notes",
        ],
    )

    email = schema.TextLine(
        title=_("E-mail"),
        required=False,
        constraint=check_email,
    )
    phones = schema.List(
        title=_("Phone numbers"),
        description=_("One per line, in local or international form."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        constraint=check_phones,
    )
    fax = schema.TextLine(title=_("Fax"), required=False, constraint=check_phone)
    street_address = schema.TextLine(title=_("Street address"), required=False)
    postal_code = schema.TextLine(
        title=_("Postal code"),
        required=False,
        constraint=check_postal_code,
    )
    city = schema.TextLine(title=_("City"), required=False)
    floor_room = schema.TextLine(
        title=_("Floor and room"),
        description=_("e.g. 4th floor, room 402"),
        required=False,
    )
    opening_hours = schema.TextLine(
        title=_("Opening hours"),
        description=_("e.g. Monday to Friday, 08:00–15:00"),
        required=False,
    )
    website = schema.TextLine(
        title=_("Website"),
        required=False,
        constraint=check_web_address,
    )

    directives.read_permission(internal_extension=VIEW_INTERNAL)
    internal_extension = schema.TextLine(
        title=_("Internal extension"),
        description=_("Seen by staff only."),
        required=False,
    )
    directives.read_permission(internal_notes=VIEW_INTERNAL)
    internal_notes = schema.Text(
        title=_("Internal contact notes"),
        description=_("Seen by staff only, e.g. who covers for whom."),
        required=False,
    )
