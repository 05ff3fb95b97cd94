"""Meeting fixtures: users per role, a council meeting with two items."""

from meeting_helpers import create_users
from meeting_helpers import FINANCE
from meeting_helpers import make_item
from meeting_helpers import make_meeting
from meeting_helpers import TECHNICAL
from meeting_helpers import uid
from meeting_helpers import USERS

import pytest


@pytest.fixture
def users(portal):
    create_users(portal)
    return USERS


@pytest.fixture
def meeting(portal, users):
    return make_meeting(portal)


@pytest.fixture
def items(portal, meeting):
    return (
        make_item(meeting, 1, uid(portal, FINANCE), "Προϋπολογισμός 2027"),
        make_item(meeting, 2, uid(portal, TECHNICAL), "Συντήρηση οδών"),
    )
