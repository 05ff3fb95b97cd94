"""Circular fixtures: users per role and a draft addressed to one unit."""

from circular_helpers import create_users
from circular_helpers import make_circular
from circular_helpers import USERS

import pytest


@pytest.fixture
def users(portal):
    create_users(portal)
    return USERS


@pytest.fixture
def draft(portal, users):
    return make_circular(portal)
