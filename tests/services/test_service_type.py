"""The ServiceStandard type and its validation."""

from municipality.intranet.content.service_standard import IServiceStandard
from municipality.intranet.validators import InvalidWebAddress
from plone import api
from service_helpers import GOOD
from service_helpers import make_service
from service_helpers import TECHNICAL
from zope.interface import Invalid
from zope.schema.interfaces import TooSmall

import pytest


def test_fti(get_fti):
    fti = get_fti("ServiceStandard")
    assert fti.lookupSchema() is IServiceStandard
    assert fti.add_permission == "municipality.intranet.AddServiceStandard"
    assert "ServiceStandard" in get_fti("Unit").allowed_content_types


def test_workflow(portal):
    chain = portal.portal_workflow.getChainForPortalType("ServiceStandard")
    assert chain == ("municipality_unit_workflow",)


@pytest.mark.parametrize("value", [0, -3])
def test_completion_time_positive(value):
    with pytest.raises(TooSmall):
        IServiceStandard["completion_time"].validate(value)


class Data:
    def __init__(self, **values):
        self.__dict__.update(
            {
                "no_documents": False,
                "channels": [],
                "online_url": None,
                "required_documents": [],
                **values,
            }
        )


def test_documents_or_explicitly_none():
    with pytest.raises(Invalid):
        IServiceStandard.validateInvariants(Data())
    IServiceStandard.validateInvariants(Data(no_documents=True))
    IServiceStandard.validateInvariants(Data(required_documents=["Αίτηση"]))


def test_online_channel_needs_address():
    with pytest.raises(Invalid):
        IServiceStandard.validateInvariants(
            Data(required_documents=["Αίτηση"], channels=["online"])
        )


def test_bad_online_address():
    with pytest.raises(InvalidWebAddress):
        IServiceStandard["online_url"].validate("ftp://example.org")


def test_create(portal):
    unit = portal.unrestrictedTraverse(TECHNICAL)
    service = make_service(unit)
    assert service.completion_time == GOOD["completion_time"]
    assert api.content.get_state(service) == "published"


@pytest.mark.parametrize(
    "field,value",
    [("completion_time", 0), ("completion_unit", "weeks"), ("online_url", "www.x.org")],
)
def test_rest_rejects_bad_values(manager_request, field, value):
    payload = {"@type": "ServiceStandard", "title": "Κακή", **GOOD, field: value}
    response = manager_request.post(f"/{TECHNICAL}", json=payload)
    assert response.status_code == 400
    assert field in response.json()["message"]


def test_rest_rejects_missing_documents(manager_request):
    payload = {
        "@type": "ServiceStandard",
        "title": "Χωρίς",
        **GOOD,
        "required_documents": [],
    }
    response = manager_request.post(f"/{TECHNICAL}", json=payload)
    assert response.status_code == 400
    # The invariant's message starts with the field's (translated) label.
    assert "Απαιτούμενα δικαιολογητικά" in response.json()["message"]
