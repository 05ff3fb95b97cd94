"""A citizen's request, complaint, suggestion or thanks, and its handling.

Created from the public form (an easyform with our action), never by hand
on the public site; it lives in the internal ``requests`` section.
"""

from municipality.intranet import _
from municipality.intranet.validators import check_email
from municipality.intranet.validators import check_phone
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


# Set by the product (code, deadline, dates), never typed.
SET_BY_SYSTEM = "municipality.intranet.SetCircularNumber"


class ICitizenRequest(model.Schema):
    directives.omitted("tracking_code", "received_on", "answered_on", "anonymised_on")
    directives.write_permission(
        tracking_code=SET_BY_SYSTEM,
        received_on=SET_BY_SYSTEM,
        answered_on=SET_BY_SYSTEM,
        anonymised_on=SET_BY_SYSTEM,
    )
    tracking_code = schema.TextLine(title=_("Tracking code"), required=False)
    received_on = schema.Datetime(title=_("Received on"), required=False)
    answered_on = schema.Date(title=_("Answered on"), required=False)
    anonymised_on = schema.Date(title=_("Personal data removed on"), required=False)

    request_kind = schema.Choice(
        title=_("Kind"),
        vocabulary="municipality.intranet.RequestKinds",
        required=True,
    )
    subject_area = schema.Choice(
        title=_("Subject"),
        vocabulary="municipality.intranet.SubjectAreas",
        required=True,
    )
    related_service = schema.Choice(
        title=_("Related service"),
        vocabulary="municipality.intranet.PublicServices",
        required=False,
    )
    text = schema.Text(
        title=_("Description"),
        max_length=5000,
        required=True,
    )
    citizen_name = schema.TextLine(title=_("Name"), max_length=200, required=True)
    citizen_email = schema.TextLine(
        title=_("E-mail"), max_length=200, required=False, constraint=check_email
    )
    citizen_phone = schema.TextLine(
        title=_("Phone"), max_length=50, required=False, constraint=check_phone
    )
    attachment = NamedBlobFile(title=_("Attachment"), required=False)

    model.fieldset(
        "handling",
        label=_("Handling"),
        fields=["assigned_unit", "deadline", "answer"],
    )
    assigned_unit = schema.Choice(
        title=_("Assigned unit"),
        vocabulary="municipality.intranet.Units",
        required=False,
    )
    deadline = schema.Date(title=_("Deadline"), required=False)
    answer = schema.Text(
        title=_("Answer to the citizen"),
        description=_(
            "Sent to the citizen by e-mail and shown on the status page: no "
            "internal notes here."
        ),
        max_length=10000,
        required=False,
    )

    @invariant
    def reachable(data):
        if not getattr(data, "citizen_email", None) and not getattr(
            data, "citizen_phone", None
        ):
            raise Invalid(_("Give an e-mail address or a phone number."))


@implementer(ICitizenRequest)
class CitizenRequest(Item):
    """Its title is its tracking code: no personal data in listings."""

    def Title(self):
        return getattr(self, "tracking_code", "") or getattr(self, "title", "") or ""
