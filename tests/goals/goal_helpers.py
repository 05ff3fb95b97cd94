"""Helpers for goal tests: users per role, a programme, goals, progress."""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from contextlib import contextmanager
from datetime import date
from municipality.intranet.naming import unique_id
from plone import api
from staff_users import create_users as create_staff
from staff_users import PASSWORD  # noqa: F401 - the tests import it from here


GS = "units/mayors-office/general-secretariat"
FINANCE = f"{GS}/financial-services"
TECHNICAL = f"{GS}/technical-services"

# username → groups; "site_admin" also gets the Site Administrator role.
USERS = {
    "staff": [],
    "finance_editor": ["financial-services-editors"],
    "finance_member": ["financial-services-members"],
    "technical_editor": ["technical-services-editors"],
    "technical_member": ["technical-services-members"],
    "gs_officer": ["general-secretariat"],
    "site_admin": [],
}


def create_users():
    create_staff(USERS, site_admins=["site_admin"])


def uid(portal, path) -> str:
    return portal.unrestrictedTraverse(path).UID()


def make_programme(portal, year=2026, title=None):
    with api.env.adopt_user(username="gs_officer"):
        return api.content.create(
            container=portal["goals"],
            type="ActionProgramme",
            title=title or f"Πρόγραμμα δράσης {year}",
            programme_year=year,
        )


def make_goal(programme, unit_uid, user="finance_editor", **fields):
    values = {
        "title": "Αιτήματα πολιτών εντός προθεσμίας",
        "category": "services",
        "indicator": "Ποσοστό αιτημάτων που απαντήθηκαν εντός προθεσμίας",
        "measure_unit": "%",
        "baseline": 60.0,
        "target": 90.0,
        "due_date": date(programme.programme_year, 12, 31),
        "weight": 2,
    }
    values.update(fields)
    with api.env.adopt_user(username=user):
        return api.content.create(
            container=programme, type="Goal", goal_unit=unit_uid, **values
        )


def transition(obj, user, name, **kwargs):
    with api.env.adopt_user(username=user):
        api.content.transition(obj=obj, transition=name, **kwargs)


def approve(goal):
    transition(goal, "finance_editor", "submit")
    transition(goal, "gs_officer", "approve")


def report(goal, value, on, user="finance_member", note="Πρόοδος"):
    with api.env.adopt_user(username=user):
        return api.content.create(
            container=goal,
            type="GoalProgress",
            id=unique_id(goal, f"progress {on.isoformat()}"),
            progress_date=on,
            value=value,
            note=note,
        )


@contextmanager
def anonymous():
    """Act as a visitor who has not logged in, then as before."""
    manager = getSecurityManager()
    noSecurityManager()
    try:
        yield
    finally:
        setSecurityManager(manager)


def can(user, permission, obj) -> bool:
    if user == "anonymous":
        with anonymous():
            return bool(getSecurityManager().checkPermission(permission, obj))
    with api.env.adopt_user(username=user):
        return bool(api.user.has_permission(permission, obj=obj))
