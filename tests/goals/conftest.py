"""Goal fixtures: users per role, this year's programme, a finance goal."""

from goal_helpers import create_users
from goal_helpers import FINANCE
from goal_helpers import make_goal
from goal_helpers import make_programme
from goal_helpers import uid
from goal_helpers import USERS

import pytest


@pytest.fixture
def users(portal):
    create_users()
    return USERS


@pytest.fixture
def programme(portal, users):
    return make_programme(portal)


@pytest.fixture
def goal(portal, programme):
    return make_goal(programme, uid(portal, FINANCE))
