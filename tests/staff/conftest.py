"""Leave and travel fixtures: users per role in the financial services."""

from staff_helpers import create_users
from staff_helpers import USERS

import pytest


@pytest.fixture
def users(portal):
    create_users()
    return USERS
