"""Shared fixtures: pytest-plone fixtures bound to the product's layers."""

from municipality.intranet.testing import FUNCTIONAL_TESTING
from municipality.intranet.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import itertools
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


@pytest.fixture(scope="session")
def package_name() -> str:
    return "municipality.intranet"


@pytest.fixture(scope="session")
def distribution_name() -> str:
    return "municipality"


# Dexterity caches the generated schema of a site root under a name made from
# the site id; re-creating a site with the same id in one process trips over
# that cache, so every site a test makes gets an id of its own.
_SITE_IDS = itertools.count(1)


@pytest.fixture
def make_site(create_site):
    """Create a site from the ``municipality`` distribution with a fresh id."""
    from municipality.intranet.distribution import pre_handler

    def factory(app, **answers):
        site_id = f"{answers.pop('site_id', 'site')}-{next(_SITE_IDS)}"
        return create_site(app, pre_handler({"site_id": site_id, **answers}))

    return factory
