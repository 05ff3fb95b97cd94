"""Helpers for the protocol calendar tests: users per role, events in a state."""

from datetime import datetime
from datetime import time
from datetime import timedelta
from municipality.intranet.follow_up import site_today
from plone import api
from staff_users import create_users as create_staff
from staff_users import PASSWORD  # noqa: F401 - the tests import it from here

import pytz


PROTOCOL = "protocol"
OFFICE = "units/mayors-office/private-office"
# Panagiotis Lamprakis, Secretary to the Mayor (published) and Sofia
# Chatzigeorgiou (internal), in the Greek demo directory.
SECRETARY = f"{OFFICE}/panagiotis-lamprakis"
INTERNAL_PERSON = f"{OFFICE}/sofia-chatzigeorgiou"

# username → groups; "site_admin" also gets the Site Administrator role.
USERS = {
    "staff": [],
    "technical_member": ["technical-services-members"],
    "office_member": ["private-office-members"],
    "office_editor": ["private-office-editors"],
    "gs_officer": ["general-secretariat"],
    "site_admin": [],
}
ATHENS = pytz.timezone("Europe/Athens")

STATES = ("draft", "internal", "published")
# The transition that brings a new (draft) event into each state.
TO_STATE = {"draft": None, "internal": "make_internal", "published": "publish"}


def create_users(portal):
    create_staff(USERS, site_admins=["site_admin"])


def uid(portal, path) -> str:
    return portal.unrestrictedTraverse(path).UID()


def at(day, hour=11, minute=0) -> datetime:
    return ATHENS.localize(datetime.combine(day, time(hour, minute)))


def make_event(
    portal,
    title,
    state="draft",
    kind="visit",
    start=None,
    hours=2,
    user="office_editor",
    **fields,
):
    start = start or at(site_today() + timedelta(days=1))
    values = {
        "protocol_kind": kind,
        "start": start,
        "end": start + timedelta(hours=hours),
        "location": "Δημαρχείο, αίθουσα τελετών",
        **fields,
    }
    with api.env.adopt_user(username=user):
        event = api.content.create(
            container=portal[PROTOCOL],
            type="ProtocolEvent",
            title=title,
            **values,
        )
        if TO_STATE[state]:
            api.content.transition(obj=event, transition=TO_STATE[state])
    return event


def transition(obj, user, name):
    with api.env.adopt_user(username=user):
        api.content.transition(obj=obj, transition=name)


def can(user, permission, obj) -> bool:
    with api.env.adopt_user(username=user):
        return bool(api.user.has_permission(permission, obj=obj))


def transitions_for(user, obj) -> set[str]:
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=user):
        return {t["id"] for t in workflow.getTransitionsFor(obj)}
