"""Helpers for service standards tests."""

from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


GS = "units/mayors-office/general-secretariat"
TECHNICAL = f"{GS}/technical-services"
FINANCE = f"{GS}/financial-services"
PASSWORD = "a long enough secret"

GOOD = {
    "sequence": 91,
    "required_documents": ["Αίτηση", "Αντίγραφο ταυτότητας"],
    "completion_time": 5,
    "completion_unit": "working-days",
    "channels": ["in-person", "online"],
    "online_url": "https://www.example.org/aitisi",
}


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def make_service(unit, title="Βεβαίωση χρήσης γης", state="published", **fields):
    with api.env.adopt_roles(["Manager"]):
        service = api.content.create(
            container=unit, type="ServiceStandard", title=title, **{**GOOD, **fields}
        )
        if state == "published":
            api.content.transition(service, "publish")
        elif state == "internal":
            api.content.transition(service, "publish_internally")
    return service


def create_editors(portal):
    with api.env.adopt_roles(["Manager"]):
        for username, group in (
            ("technical_editor", "technical-services-editors"),
            ("finance_editor", "financial-services-editors"),
        ):
            api.user.create(
                username=username, email=f"{username}@example.org", password=PASSWORD
            )
            api.group.add_user(groupname=group, username=username)
