"""Helpers for unit tests: units and people in a given workflow state."""

from plone import api


GOOD_UNIT = {
    "kind": "directorate",
    "description": "Keeps the municipal register.",
    "competences": ["Keeps the register", "Issues certificates"],
    "email": "register@example.org",
    "phones": ["213-2008048", "+30 213 2008049"],
    "street_address": "Odos Dokimis 1",
    "postal_code": "174 55",
    "city": "Kallithea",
    "floor_room": "2nd floor",
    "opening_hours": "Mon–Fri 08:00–15:00",
    "internal_extension": "4711",
    "head_name": "Anna Dokimou",
    "head_title": "Director",
}

STATES = {"private": None, "internal": "publish_internally", "published": "publish"}


def make_unit(container, id, title, state="published", **fields):
    unit = api.content.create(
        container=container, type="Unit", id=id, title=title, **{**GOOD_UNIT, **fields}
    )
    if STATES[state]:
        api.content.transition(unit, STATES[state])
    return unit


def make_person(unit, id, title, state="published", **fields):
    person = api.content.create(
        container=unit,
        type="Person",
        id=id,
        title=title,
        position=fields.pop("position", "Clerk"),
        email=fields.pop("email", f"{id}@example.org"),
        phone=fields.pop("phone", "210 3456789"),
        **fields,
    )
    if STATES[state]:
        api.content.transition(person, STATES[state])
    return person
