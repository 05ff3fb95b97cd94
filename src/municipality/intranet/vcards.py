"""vCard 3.0 exports of units and people (vobject)."""

from municipality.intranet.contact_details import Contact

import vobject


def vcard(contact: Contact, is_organisation: bool) -> str:
    card = vobject.vCard()
    card.add("fn").value = contact.name
    if is_organisation:
        card.add("n").value = vobject.vcard.Name(family=contact.name)
        card.add("org").value = (
            [contact.organisation, contact.name]
            if contact.organisation
            else [contact.name]
        )
        card.add("x-abshowas").value = "COMPANY"
    else:
        given, _, family = contact.name.rpartition(" ")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if contact.organisation:
            card.add("org").value = [contact.organisation]
        if contact.role:
            card.add("title").value = contact.role
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    for phone in contact.phones:
        tel = card.add("tel")
        tel.value = phone.uri.removeprefix("tel:") if phone.uri else phone.number
        tel.type_param = "WORK"
    if contact.fax:
        fax = card.add("tel")
        fax.value = contact.fax
        fax.type_param = "FAX"
    if contact.street_address or contact.city:
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(
            street=contact.street_address,
            city=contact.city,
            code=contact.postal_code,
            country=contact.country,
        )
        adr.type_param = "WORK"
    card.add("url").value = contact.url
    return card.serialize()
