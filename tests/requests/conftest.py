"""Request fixtures: users, subject areas, a real SMTP inbox."""

from request_helpers import configure_areas
from request_helpers import create_users
from request_helpers import start_inbox

import pytest
import transaction


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from municipality.intranet import rate_limit

    rate_limit.reset()
    yield
    rate_limit.reset()


@pytest.fixture
def office(functional_portal):
    create_users()
    configure_areas()
    transaction.commit()
    return functional_portal


@pytest.fixture
def inbox(office):
    inbox, controller = start_inbox()
    transaction.commit()
    yield inbox
    controller.stop()
