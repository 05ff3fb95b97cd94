"""Test layers: sites made by the product's own distribution, as in production.

The layer creates, once per test run, the sites the tests use: ``plone``
(Greek, with demo content: the site of the integration and functional
layers), ``belediye`` (Turkish, with demo content) and ``bare`` (English,
without). The demo is imported as written, as of its own today. Creating
sites over and over in one process trips over plone.dexterity's cache of
generated schemas, so tests never do that.
"""

from municipality.intranet.demo_dates import DEMO_TODAY
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_SITE_ID
from plone.distribution.testing.layer import PloneDistributionFixture
from plone.testing.zope import WSGI_SERVER_FIXTURE


DISTRIBUTION = "municipality"

# The demo sites hold the demo as written, dated around its own today
# (DEMO_TODAY): tests that look at it from another day fix the clock.
SITES = (
    (
        DISTRIBUTION,
        {
            "site_id": PLONE_SITE_ID,
            "default_language": "el",
            "setup_content": True,
            "demo_today": DEMO_TODAY.isoformat(),
        },
    ),
    (
        DISTRIBUTION,
        {
            "site_id": "belediye",
            "default_language": "tr",
            "setup_content": True,
            "demo_today": DEMO_TODAY.isoformat(),
        },
    ),
    (
        DISTRIBUTION,
        {"site_id": "bare", "default_language": "en", "setup_content": False},
    ),
)


class Fixture(PloneDistributionFixture):
    PACKAGE_NAME = "municipality.intranet"
    SITES = SITES
    # Our dependencies.zcml brings in the rest; no Volto here.
    _distribution_products = (
        ("plone.app.contenttypes", {"loadZCML": True}),
        ("plone.distribution", {"loadZCML": True}),
    )


FIXTURE = Fixture()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="MunicipalityIntranetLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="MunicipalityIntranetLayer:FunctionalTesting",
)
