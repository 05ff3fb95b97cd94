"""Test layers: the product installed in a plain Plone site."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import municipality.intranet


class Layer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # dependencies.zcml pulls in everything the product builds on.
        self.loadZCML(package=municipality.intranet)

    def setUpPloneSite(self, portal):
        # plone.app.testing leaves content without workflow; real sites have one.
        portal.portal_workflow.setDefaultChain("simple_publication_workflow")
        applyProfile(portal, "municipality.intranet:default")


FIXTURE = Layer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="MunicipalityIntranetLayer:IntegrationTesting",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="MunicipalityIntranetLayer:FunctionalTesting",
)
