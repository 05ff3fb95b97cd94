"""Issue, numbering, supersession and withdrawal of circulars."""

from circular_helpers import issue
from circular_helpers import make_circular
from circular_helpers import relation
from circular_helpers import transition
from datetime import date
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


pytestmark = pytest.mark.dated


def test_issue_numbers_and_dates(draft):
    issue(draft)
    today = date.today()
    assert api.content.get_state(draft) == "issued"
    assert draft.protocol_number == f"{today.year}/0001"
    assert draft.issue_date == today


def test_numbers_increase_in_order_of_issue(portal, users):
    first, second, third = (
        make_circular(portal, title=f"Εγκύκλιος {n}") for n in "ABC"
    )
    for circular in (second, third, first):
        issue(circular)
    year = date.today().year
    assert second.protocol_number == f"{year}/0001"
    assert third.protocol_number == f"{year}/0002"
    assert first.protocol_number == f"{year}/0003"


def test_each_authority_has_its_series(portal, users):
    unit = make_circular(portal, title="Της Διεύθυνσης")
    mayor = make_circular(portal, title="Του Δημάρχου", issuing_authority="mayor")
    issue(unit)
    issue(mayor)
    assert unit.protocol_number == f"{date.today().year}/0001"
    assert mayor.protocol_number.startswith(f"{date.today().year}/")


def test_numbers_already_taken_are_skipped(portal, users):
    """An imported circular's number is never handed out again."""
    from municipality.intranet.circular_numbering import last_number
    from municipality.intranet.circular_workflow import free_number

    year = date.today().year
    upcoming = last_number(portal, year, "mayor") + 1
    imported = make_circular(portal, title="Εισηγμένη", issuing_authority="mayor")
    imported.protocol_number = f"{year}/{upcoming:04d}"
    imported.reindexObject()
    assert free_number(year, "mayor") == f"{year}/{upcoming + 1:04d}"


def test_number_format_from_registry(draft):
    api.portal.set_registry_record(
        "municipality.intranet.circular_number_format", "Εγκ. {number}/{year}"
    )
    issue(draft)
    assert draft.protocol_number == f"Εγκ. 1/{date.today().year}"


@pytest.mark.parametrize("user", ["technical_editor", "reviewer", "site_admin"])
def test_number_not_writable_by_hand(draft, user):
    permission = "municipality.intranet: Set circular number"
    assert not api.user.has_permission(permission, username=user, obj=draft)


def test_send_back_with_comment(draft):
    transition(draft, "technical_editor", "submit")
    transition(draft, "reviewer", "send_back", comment="Λείπει η ημερομηνία έναρξης.")
    assert api.content.get_state(draft) == "draft"
    history = draft.workflow_history["municipality_circular_workflow"]
    assert history[-1]["comments"] == "Λείπει η ημερομηνία έναρξης."


def test_supersession(portal, users):
    old = make_circular(portal, title="Παλιά διαδικασία")
    issue(old)
    new = make_circular(portal, title="Νέα διαδικασία", supersedes=[relation(old)])
    transition(new, "technical_editor", "submit")
    assert api.content.get_state(old) == "issued"  # not before the new one is issued
    transition(new, "reviewer", "issue")
    assert api.content.get_state(old) == "superseded"
    assert old.superseded_by == new.UID()
    assert old.protocol_number.endswith("/0001")


def test_reviewer_cannot_supersede_by_hand(draft):
    issue(draft)
    with pytest.raises(api.exc.InvalidParameterError):
        transition(draft, "reviewer", "supersede")


def test_withdraw_requires_reason(draft):
    issue(draft)
    # plone.api reports the refusal as an invalid transition
    with pytest.raises(api.exc.InvalidParameterError):
        transition(draft, "reviewer", "withdraw")
    with (
        pytest.raises(WorkflowException, match="reason"),
        api.env.adopt_user("reviewer"),
    ):
        api.portal.get_tool("portal_workflow").doActionFor(draft, "withdraw")
    assert api.content.get_state(draft) == "issued"
    transition(draft, "reviewer", "withdraw", comment="Εκδόθηκε εκ παραδρομής.")
    assert api.content.get_state(draft) == "withdrawn"
    assert draft.withdrawal_reason == "Εκδόθηκε εκ παραδρομής."
    assert draft.protocol_number.endswith("/0001")  # keeps its number


def test_publish_only_public_circulars(portal, users):
    staff_only = make_circular(portal, title="Εσωτερική")
    public = make_circular(portal, title="Δημόσια", audience="public")
    issue(staff_only)
    issue(public)
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="reviewer"):
        assert "publish" not in {
            t["id"] for t in workflow.getTransitionsFor(staff_only)
        }
    transition(public, "reviewer", "publish")
    assert api.content.get_state(public) == "published"


ROLES = (
    "staff",
    "finance_member",
    "finance_editor",
    "technical_editor",
    "reviewer",
    "site_admin",
)
# state → users who may view / edit a circular of Technical Services to Finance
VIEW = {
    "draft": {"technical_editor", "reviewer", "site_admin"},
    "pending": {"technical_editor", "reviewer", "site_admin"},
    "issued": set(ROLES),
    "published": set(ROLES),
    "superseded": set(ROLES),
    "withdrawn": set(ROLES),
    "superseded_public": set(ROLES),
    "withdrawn_public": set(ROLES),
}
EDIT = {
    "draft": {"technical_editor", "site_admin"},
    "pending": {"reviewer", "site_admin"},
    "issued": {"site_admin"},
    "published": {"site_admin"},
    "superseded": {"site_admin"},
    "withdrawn": {"site_admin"},
    "superseded_public": {"site_admin"},
    "withdrawn_public": {"site_admin"},
}
PUBLIC = {"published", "superseded_public", "withdrawn_public"}
PATHS = {
    "draft": [],
    "pending": [("technical_editor", "submit", {})],
    "issued": [("technical_editor", "submit", {}), ("reviewer", "issue", {})],
    "published": [
        ("technical_editor", "submit", {}),
        ("reviewer", "issue", {}),
        ("reviewer", "publish", {}),
    ],
    "withdrawn": [
        ("technical_editor", "submit", {}),
        ("reviewer", "issue", {}),
        ("reviewer", "withdraw", {"comment": "Λάθος"}),
    ],
    "withdrawn_public": [
        ("technical_editor", "submit", {}),
        ("reviewer", "issue", {}),
        ("reviewer", "publish", {}),
        ("reviewer", "withdraw_public", {"comment": "Λάθος"}),
    ],
}


def circular_in(portal, state):
    circular = make_circular(portal, audience="public")
    if state in ("superseded", "superseded_public"):
        issue(circular)
        if state == "superseded_public":
            transition(circular, "reviewer", "publish")
        newer = make_circular(portal, title="Νεότερη", supersedes=[relation(circular)])
        issue(newer)
    for user, name, kwargs in PATHS.get(state, []):
        transition(circular, user, name, **kwargs)
    assert api.content.get_state(circular) == state
    return circular


@pytest.mark.parametrize("state", sorted(VIEW))
def test_view_and_edit_per_role(portal, users, state):
    circular = circular_in(portal, state)
    for user in ROLES:
        assert bool(api.user.has_permission("View", username=user, obj=circular)) is (
            user in VIEW[state]
        ), (user, state)
        assert bool(
            api.user.has_permission(
                "Modify portal content", username=user, obj=circular
            )
        ) is (user in EDIT[state]), (user, state)
    with api.env.adopt_roles(["Anonymous"]):
        assert bool(api.user.has_permission("View", obj=circular)) is (state in PUBLIC)


@pytest.mark.parametrize(
    "user,state,allowed",
    [
        ("technical_editor", "draft", {"submit"}),
        ("finance_editor", "draft", set()),
        ("reviewer", "pending", {"issue", "send_back"}),
        ("technical_editor", "pending", set()),
        ("reviewer", "issued", {"publish", "withdraw"}),
        ("finance_member", "issued", set()),
        ("reviewer", "published", {"withdraw_public"}),
        ("site_admin", "issued", {"publish", "withdraw"}),
    ],
)
def test_transitions_per_role(portal, users, user, state, allowed):
    circular = circular_in(portal, state)
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=user):
        available = {t["id"] for t in workflow.getTransitionsFor(circular)}
    assert available == allowed


def test_unit_editors_add_circulars_only_in_their_unit(portal, users):
    technical = portal.unrestrictedTraverse(
        "units/mayors-office/general-secretariat/technical-services"
    )
    finance = portal.unrestrictedTraverse(
        "units/mayors-office/general-secretariat/financial-services"
    )
    permission = "municipality.intranet: Add Circular"
    assert api.user.has_permission(
        permission, username="technical_editor", obj=technical
    )
    assert not api.user.has_permission(
        permission, username="technical_editor", obj=finance
    )
    assert not api.user.has_permission(permission, username="staff", obj=technical)


def test_admin_correction_after_issue_is_versioned(functional_app, functional_portal):
    """Only site administrators edit an issued circular, and each save is kept."""
    from circular_helpers import create_users
    from plone.testing.zope import Browser

    import transaction

    create_users(functional_portal)
    circular = make_circular(functional_portal, title="Προς διόρθωση")
    issue(circular)
    transaction.commit()
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", "Basic site_admin:a long enough secret")
    browser.open(f"{circular.absolute_url()}/edit")
    browser.getControl(name="form.widgets.IBasic.title").value = "Διορθωμένη"
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    assert circular.Title() == "Διορθωμένη"
    with api.env.adopt_roles(["Manager"]):
        history = api.portal.get_tool("portal_repository").getHistoryMetadata(circular)
        assert history
        assert history.getLength(countPurged=False) >= 1
