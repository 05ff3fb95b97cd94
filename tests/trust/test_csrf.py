"""A forged cross-site POST (the victim's cookie, no CSRF token) changes nothing."""

from plone import api

import pytest
import re
import requests
import transaction


PASSWORD = "a long enough secret"
UNIT = "units/mayors-office/general-secretariat/technical-services"


@pytest.fixture
def victim(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.user.create(username="gs_victim", email="v@example.org", password=PASSWORD)
        api.group.add_user(groupname="general-secretariat", username="gs_victim")
        api.user.grant_roles(username="gs_victim", roles=["Site Administrator"])
        meeting = api.content.create(
            container=functional_portal["meetings"],
            type="Meeting",
            title="Συνεδρίαση προς δημοσίευση",
            body="council",
        )
    transaction.commit()
    session = requests.Session()
    url = functional_portal.absolute_url()
    session.post(
        f"{url}/login",
        data={
            "__ac_name": "gs_victim",
            "__ac_password": PASSWORD,
            "buttons.login": "1",
        },
    )
    assert "__ac" in session.cookies
    return session, meeting.absolute_url(), "/".join(meeting.getPhysicalPath())


def state_of(path):
    transaction.begin()
    return api.content.get_state(api.content.get(path=path))


def forged(session, url, data):
    # What a hostile page's auto-submitting form sends with the victim's cookie.
    return session.post(url, data=data, headers={"Referer": "https://evil.example/"})


def test_forged_workflow_transition_is_refused(victim):
    session, url, path = victim
    response = forged(
        session, f"{url}/content_status_modify", {"workflow_action": "publish"}
    )
    assert response.status_code in (200, 403)
    assert state_of(path) == "draft"
    # The same request with the page's token is accepted: the check is real.
    page = session.get(url).text
    token = re.search(r"_authenticator=([0-9a-f]+)", page).group(1)
    session.post(
        f"{url}/content_status_modify",
        data={"workflow_action": "publish", "_authenticator": token},
    )
    assert state_of(path) == "published"


def test_forged_edit_is_refused(victim):
    session, url, path = victim
    forged(
        session,
        f"{url}/@@edit",
        {
            "form.widgets.IBasic.title": "Πειραγμένος τίτλος",
            "form.widgets.body:list": "council",
            "form.buttons.save": "Save",
        },
    )
    transaction.begin()
    assert api.content.get(path=path).Title() == "Συνεδρίαση προς δημοσίευση"


def test_forged_follow_up_status_change_is_refused(victim, functional_portal):
    session, url, path = victim
    response = forged(session, f"{url}/@@follow-up-status", {"status": "implemented"})
    assert response.status_code in (403, 404)
