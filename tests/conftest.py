"""Shared fixtures: pytest-plone fixtures bound to the product's layers."""

from municipality.intranet.testing import FUNCTIONAL_TESTING
from municipality.intranet.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import os
import pytest


# Compile our .po files when the ZCML loads, as the instance does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


def pytest_collection_modifyitems(items):
    """Under pytest-xdist (`make pytest`), the files with slow tests first.

    Each worker takes whole files, in this order (``--dist loadfile
    --no-loadscope-reorder``): a file of minutes started last would keep one
    worker busy long after the others are done.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)


@pytest.fixture(scope="session")
def package_name() -> str:
    return "municipality.intranet"


@pytest.fixture(scope="session")
def distribution_name() -> str:
    return "municipality"


@pytest.fixture(autouse=True)
def _forget_failed_logins():
    """Failed logins are counted per process: each test starts afresh."""
    from municipality.intranet import login_throttle

    login_throttle.reset()
    yield
    login_throttle.reset()
