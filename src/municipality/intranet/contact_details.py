"""The public contact details of units and people, ready for pages and exports."""

from dataclasses import dataclass
from dataclasses import field
from municipality.intranet.content.person import IPerson
from municipality.intranet.content.unit import IUnit
from municipality.intranet.settings import site_country
from municipality.intranet.validators import tel_uri


@dataclass
class Phone:
    number: str
    uri: str | None


@dataclass
class Contact:
    """What a visitor needs to reach a unit or a person. Never internal fields."""

    name: str
    url: str
    organisation: str = ""
    role: str = ""
    email: str = ""
    phones: list[Phone] = field(default_factory=list)
    fax: str = ""
    street_address: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = ""
    floor_room: str = ""
    opening_hours: str = ""
    website: str = ""

    @property
    def address_line(self) -> str:
        place = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street_address, place) if part)


def _phones(numbers, country: str) -> list[Phone]:
    return [
        Phone(number, tel_uri(number, country)) for number in numbers or () if number
    ]


def parent_unit(obj):
    """The nearest Unit above ``obj``, or None."""
    parent = obj.__parent__
    while parent is not None and not IUnit.providedBy(parent):
        parent = getattr(parent, "__parent__", None)
    return parent


def unit_contact(unit) -> Contact:
    country = site_country()
    parent = parent_unit(unit)
    return Contact(
        name=unit.Title(),
        url=unit.absolute_url(),
        organisation=parent.Title() if parent is not None else "",
        email=unit.email or "",
        phones=_phones(unit.phones, country),
        fax=unit.fax or "",
        street_address=unit.street_address or "",
        postal_code=unit.postal_code or "",
        city=unit.city or "",
        country=country,
        floor_room=unit.floor_room or "",
        opening_hours=unit.opening_hours or "",
        website=unit.website or "",
    )


def person_contact(person) -> Contact:
    """A person's own e-mail and phone, at the address of their unit."""
    country = site_country()
    unit = parent_unit(person)
    where = unit_contact(unit) if unit is not None else None
    return Contact(
        name=person.Title(),
        url=person.absolute_url(),
        organisation=unit.Title() if unit is not None else "",
        role=IPerson(person).position or "",
        email=person.email or "",
        phones=_phones([person.phone], country),
        street_address=where.street_address if where else "",
        postal_code=where.postal_code if where else "",
        city=where.city if where else "",
        country=country,
        floor_room=where.floor_room if where else "",
    )
