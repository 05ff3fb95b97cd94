"""schema.org JSON-LD for unit and person pages."""

from municipality.intranet.contact_details import Contact
from municipality.intranet.contact_details import person_contact
from municipality.intranet.contact_details import unit_contact

import json


def _address(contact: Contact) -> dict | None:
    if not (contact.street_address or contact.city):
        return None
    return {
        "@type": "PostalAddress",
        "streetAddress": contact.street_address or None,
        "postalCode": contact.postal_code or None,
        "addressLocality": contact.city or None,
        "addressCountry": contact.country or None,
    }


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def unit_data(unit, sub_units=(), people=()) -> dict:
    contact = unit_contact(unit)
    phones = [phone.number for phone in contact.phones]
    contact_point = _clean(
        {
            "@type": "ContactPoint",
            "contactType": "customer service",
            "email": contact.email,
            "telephone": phones[0] if phones else None,
            "faxNumber": contact.fax,
            "hoursAvailable": contact.opening_hours,
        }
    )
    parent = unit.__parent__
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "@id": contact.url,
        "name": contact.name,
        "description": unit.Description(),
        "url": contact.url,
        "email": contact.email,
        "telephone": phones,
        "faxNumber": contact.fax,
        "address": _clean(_address(contact) or {}),
        "contactPoint": [contact_point] if len(contact_point) > 2 else [],
        "parentOrganization": (
            {
                "@type": "GovernmentOrganization",
                "name": contact.organisation,
                "url": parent.absolute_url(),
            }
            if contact.organisation
            else None
        ),
        "subOrganization": [
            {
                "@type": "GovernmentOrganization",
                "name": sub.Title(),
                "url": sub.absolute_url(),
            }
            for sub in sub_units
        ],
        "employee": [person_data(person, nested=True) for person in people],
    }
    return _clean(data)


def person_data(person, nested: bool = False) -> dict:
    contact = person_contact(person)
    data = {
        "@type": "Person",
        "name": contact.name,
        "jobTitle": contact.role,
        "email": contact.email,
        "telephone": contact.phones[0].number if contact.phones else None,
        "url": contact.url,
    }
    if not nested:
        unit = person.__parent__
        data = {
            "@context": "https://schema.org",
            **data,
            "worksFor": _clean(
                {
                    "@type": "GovernmentOrganization",
                    "name": contact.organisation,
                    "url": unit.absolute_url(),
                    "address": _clean(_address(contact) or {}),
                }
            ),
        }
    return _clean(data)


def as_script(data: dict) -> str:
    """The JSON for a ``<script type="application/ld+json">``, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # "</script>" inside a string must not end the script element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
