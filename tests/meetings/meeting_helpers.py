"""Helpers for meeting tests: users per role, meetings, items, decisions."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue

import pytz


GS = "units/mayors-office/general-secretariat"
FINANCE = f"{GS}/financial-services"
TECHNICAL = f"{GS}/technical-services"
PASSWORD = "a long enough secret"

# username → groups; "site_admin" also gets the Site Administrator role.
USERS = {
    "staff": [],
    "finance_member": ["financial-services-members"],
    "finance_editor": ["financial-services-editors"],
    "technical_member": ["technical-services-members"],
    "gs_officer": ["general-secretariat"],
    "site_admin": [],
}

ATHENS = pytz.timezone("Europe/Athens")


def create_users(portal):
    with api.env.adopt_roles(["Manager"]):
        for username, groups in USERS.items():
            if api.user.get(username=username) is None:
                api.user.create(
                    username=username,
                    email=f"{username}@example.org",
                    password=PASSWORD,
                    properties={"fullname": username.replace("_", " ").title()},
                )
            for group in groups:
                api.group.add_user(groupname=group, username=username)
        api.user.grant_roles(username="site_admin", roles=["Site Administrator"])


def uid(portal, path) -> str:
    return portal.unrestrictedTraverse(path).UID()


def html(text: str) -> RichTextValue:
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def make_meeting(portal, body="council", title="Τακτική συνεδρίαση", days=10, **fields):
    start = ATHENS.localize(datetime.combine(date.today(), datetime.min.time()))
    start += timedelta(days=days, hours=18)
    with api.env.adopt_user(username="gs_officer"):
        return api.content.create(
            container=portal["meetings"],
            type="Meeting",
            title=title,
            body=body,
            start=start,
            end=start + timedelta(hours=3),
            location="Αίθουσα Δημοτικού Συμβουλίου",
            **fields,
        )


def make_item(meeting, number, unit_uid, title=None, deadline=None):
    with api.env.adopt_user(username="gs_officer"):
        return api.content.create(
            container=meeting,
            type="AgendaItem",
            title=title or f"Θέμα {number}",
            item_number=number,
            rapporteur_unit=unit_uid,
            preparation_deadline=deadline or date.today() + timedelta(days=5),
        )


def make_decision(container, units, deadline=None, title="Έγκριση προϋπολογισμού"):
    with api.env.adopt_user(username="gs_officer"):
        return api.content.create(
            container=container,
            type="Decision",
            title=title,
            text=html("Εγκρίνεται ο προϋπολογισμός."),
            responsible_units=list(units),
            follow_up_deadline=deadline,
        )


def make_instruction(portal, units, deadline=None, title="Καθαρισμός πλατείας"):
    with api.env.adopt_user(username="gs_officer"):
        return api.content.create(
            container=portal["instructions"],
            type="Instruction",
            title=title,
            given_by="mayor",
            text=html("Να καθαριστεί η πλατεία πριν από τη γιορτή."),
            responsible_units=list(units),
            follow_up_deadline=deadline,
        )


def transition(obj, user, name, **kwargs):
    with api.env.adopt_user(username=user):
        api.content.transition(obj=obj, transition=name, **kwargs)


def can(user, permission, obj) -> bool:
    with api.env.adopt_user(username=user):
        return bool(api.user.has_permission(permission, obj=obj))
