"""``@@vcard``: a unit's or a person's contact card as a vCard download."""

from municipality.intranet.contact_details import person_contact
from municipality.intranet.contact_details import unit_contact
from municipality.intranet.content.unit import IUnit
from municipality.intranet.vcards import vcard
from Products.Five.browser import BrowserView


class VCardView(BrowserView):
    def __call__(self):
        is_unit = IUnit.providedBy(self.context)
        contact = (unit_contact if is_unit else person_contact)(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "text/vcard; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}.vcf"'
        )
        return vcard(contact, is_organisation=is_unit).encode("utf-8")
