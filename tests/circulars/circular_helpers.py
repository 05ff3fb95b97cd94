"""Helpers for circular tests: users per role, drafts, transitions."""

from plone import api
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


GS = "units/mayors-office/general-secretariat"
FINANCE = f"{GS}/financial-services"
TECHNICAL = f"{GS}/technical-services"
PASSWORD = "a long enough secret"

# username → groups; "site_admin" also gets the Site Administrator role.
USERS = {
    "staff": [],
    "finance_member": ["financial-services-members"],
    "finance_editor": ["financial-services-editors"],
    "technical_editor": ["technical-services-editors"],
    "reviewer": ["general-secretariat"],
    "site_admin": [],
}


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def create_users(portal):
    with api.env.adopt_roles(["Manager"]):
        for username, groups in USERS.items():
            api.user.create(
                username=username, email=f"{username}@example.org", password=PASSWORD
            )
            for group in groups:
                api.group.add_user(groupname=group, username=username)
        api.user.grant_roles(username="site_admin", roles=["Site Administrator"])


def make_circular(
    portal,
    title="Ωράριο αρχείου",
    audience="staff",
    author="technical_editor",
    **fields,
):
    """A draft circular of the Technical Services, addressed to Financial Services."""
    container = portal.unrestrictedTraverse(TECHNICAL)
    finance = portal.unrestrictedTraverse(FINANCE)
    values = {
        "summary": "Το αρχείο ανοίγει μόνο τα πρωινά.",
        "body": RichTextValue(
            "<p>Από τη Δευτέρα το αρχείο λειτουργεί 08:00–12:00.</p>",
            "text/html",
            "text/x-html-safe",
        ),
        # The unit's own series: the demo has no circulars of it yet.
        "issuing_authority": container.UID(),
        "signatory_name": "Ανδρέας Βλαχογιάννης",
        "signatory_role": "Γενικός Γραμματέας",
        "audience": audience,
        "recipient_units": [relation(finance)],
        **fields,
    }
    with api.env.adopt_user(username=author):
        circular = api.content.create(
            container=container, type="Circular", title=title, **values
        )
    return circular


def transition(circular, user, name, **kwargs):
    with api.env.adopt_user(username=user):
        api.content.transition(obj=circular, transition=name, **kwargs)


def issue(circular):
    transition(circular, "technical_editor", "submit")
    transition(circular, "reviewer", "issue")
