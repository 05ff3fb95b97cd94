"""Service standards tables: rows, complaint points and open-data records."""

from municipality.intranet.contact_details import person_contact
from municipality.intranet.contact_details import unit_contact
from municipality.intranet.content.person import IPerson
from plone import api
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


def services_of(unit) -> list:
    """The unit's services the current user may see, by their number."""
    brains = api.content.find(context=unit, depth=1, portal_type="ServiceStandard")
    return sorted((b.getObject() for b in brains), key=lambda s: s.sequence or 0)


def public_units_with_services() -> list:
    """(unit, services) for every visible unit with visible services.

    Two catalog queries in all, whatever the number of units.
    """
    units = {
        b.getPath(): b for b in api.content.find(portal_type="Unit", sort_on="path")
    }
    by_unit = {}
    for brain in api.content.find(portal_type="ServiceStandard"):
        parent = brain.getPath().rsplit("/", 1)[0]
        if parent in units:
            by_unit.setdefault(parent, []).append(brain.getObject())
    return [
        (units[path].getObject(), sorted(services, key=lambda s: s.sequence or 0))
        for path, services in sorted(by_unit.items())
    ]


def point_of_application(relation):
    """A complaint point's contact, read from the directory (so it stays current)."""
    target = None if relation is None or relation.isBroken() else relation.to_object
    if target is None or not api.user.has_permission("View", obj=target):
        return None
    return (
        person_contact(target) if IPerson.providedBy(target) else unit_contact(target)
    )


def term(vocabulary_name: str, value, request) -> str:
    vocabulary = getUtility(IVocabularyFactory, vocabulary_name)(None)
    try:
        return translate(
            vocabulary.getTerm(value).title,
            target_language=api.portal.get_current_language(),
        )
    except LookupError:
        return value or ""


def completion(service, request) -> str:
    unit = term("municipality.intranet.TimeUnits", service.completion_unit, request)
    return f"{service.completion_time} {unit}"


def fee(service) -> str:
    if service.fee_amount is None:
        return ""
    return f"{service.fee_amount:.2f} {service.fee_currency or ''}".strip()


def record(service, request) -> dict:
    """A flat, stable record for CSV/JSON exports (id = UID)."""
    unit = service.__parent__
    first = point_of_application(service.first_point)
    second = point_of_application(service.second_point)
    return {
        "id": service.UID(),
        "unit_id": unit.UID(),
        "unit": unit.Title(),
        "sequence": service.sequence,
        "service": service.Title(),
        "description": service.Description(),
        "required_documents": []
        if service.no_documents
        else list(service.required_documents or ()),
        "completion_time": service.completion_time,
        "completion_unit": service.completion_unit,
        "fee_amount": str(service.fee_amount)
        if service.fee_amount is not None
        else None,
        "fee_currency": service.fee_currency
        if service.fee_amount is not None
        else None,
        "channels": list(service.channels or ()),
        "online_url": service.online_url or None,
        "first_point": first.name if first else None,
        "second_point": second.name if second else None,
        "last_reviewed": service.last_reviewed.isoformat()
        if service.last_reviewed
        else None,
        "url": service.absolute_url(),
    }


def service_jsonld(service, request) -> dict:
    unit = service.__parent__
    contact = unit_contact(unit)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": service.absolute_url(),
        "name": service.Title(),
        "description": service.Description(),
        "url": service.absolute_url(),
        "provider": {
            "@type": "GovernmentOrganization",
            "name": unit.Title(),
            "url": unit.absolute_url(),
            "email": contact.email or None,
            "telephone": contact.phones[0].number if contact.phones else None,
        },
        "availableChannel": [
            {
                "@type": "ServiceChannel",
                "name": term("municipality.intranet.ServiceChannels", channel, request),
                **(
                    {"serviceUrl": service.online_url}
                    if channel == "online" and service.online_url
                    else {}
                ),
            }
            for channel in service.channels or ()
        ],
        "serviceOutput": service.Title(),
        "termsOfService": service.legal_basis or None,
        "requiredDocuments": None
        if service.no_documents
        else list(service.required_documents or ()),
    }
    data["provider"] = {k: v for k, v in data["provider"].items() if v is not None}
    return {k: v for k, v in data.items() if v not in (None, [], "")}
