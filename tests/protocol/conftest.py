"""Protocol calendar fixtures: users per role."""

from protocol_helpers import create_users
from protocol_helpers import USERS

import pytest


@pytest.fixture
def users(portal):
    create_users(portal)
    return USERS
