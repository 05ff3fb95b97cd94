"""Caching fixtures: a staff member and an intranet page on the functional site."""

from plone import api

import pytest
import transaction


PASSWORD = "a long enough secret"
UNIT = "units/mayors-office/general-secretariat/technical-services"


@pytest.fixture
def staff(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(
            username="clerk",
            email="clerk@example.org",
            password=PASSWORD,
            properties={"fullname": "Κ. Υπάλληλος"},
        )
        api.group.add_user(groupname="technical-services-members", username="clerk")
    transaction.commit()
    return ("clerk", PASSWORD)


@pytest.fixture
def intranet_page(functional_portal):
    """An internal unit page: staff see it, visitors never."""
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(
            container=functional_portal.unrestrictedTraverse(UNIT),
            type="Document",
            id="internal-roster",
            title="Εσωτερικό πρόγραμμα βαρδιών",
        )
    transaction.commit()
    return page
