"""Goals through their workflow: who proposes, approves, reports; the lock."""

from datetime import date
from goal_helpers import anonymous
from goal_helpers import approve
from goal_helpers import can
from goal_helpers import FINANCE
from goal_helpers import make_goal
from goal_helpers import report
from goal_helpers import TECHNICAL
from goal_helpers import transition
from goal_helpers import uid
from municipality.intranet.goal_measures import measure
from municipality.intranet.goal_proposers import check_own_unit
from municipality.intranet.goal_proposers import NotYourUnit
from municipality.intranet.goal_workflow import approvals
from plone import api

import pytest


pytestmark = pytest.mark.dated


CHANGE_TARGET = "municipality.intranet: Change goal target"
ADD_PROGRESS = "municipality.intranet: Add GoalProgress"
ADD_GOAL = "municipality.intranet: Add Goal"


def test_an_editor_proposes_for_their_own_unit_only(portal, users):
    finance, technical = uid(portal, FINANCE), uid(portal, TECHNICAL)
    with api.env.adopt_user(username="finance_editor"):
        assert check_own_unit(finance)
        with pytest.raises(NotYourUnit):
            check_own_unit(technical)
    with api.env.adopt_user(username="finance_member"), pytest.raises(NotYourUnit):
        check_own_unit(finance)
    with api.env.adopt_user(username="gs_officer"):
        assert check_own_unit(technical)


def test_the_editors_unit_is_the_default(portal, programme):
    from municipality.intranet.goal_proposers import default_unit

    with api.env.adopt_user(username="finance_editor"):
        assert default_unit() == uid(portal, FINANCE)
    with api.env.adopt_user(username="gs_officer"):
        assert default_unit() is None


def test_new_goal_is_proposed_and_seen_by_its_unit_and_the_gs(goal):
    assert api.content.get_state(goal) == "proposed"
    for user in ("finance_editor", "finance_member", "gs_officer", "site_admin"):
        assert can(user, "View", goal), user
    for user in ("anonymous", "staff", "technical_member", "technical_editor"):
        assert not can(user, "View", goal), user


def test_only_the_gs_approves(goal):
    transition(goal, "finance_editor", "submit")
    with pytest.raises(api.exc.InvalidParameterError):
        transition(goal, "finance_editor", "approve")
    assert not can("finance_editor", "Modify portal content", goal)
    transition(goal, "gs_officer", "approve")
    assert api.content.get_state(goal) == "approved"


def test_approval_locks_target_and_indicator(goal):
    assert can("finance_editor", CHANGE_TARGET, goal)
    approve(goal)
    for user in ("finance_editor", "gs_officer", "site_admin"):
        assert not can(user, CHANGE_TARGET, goal), user
    assert can("gs_officer", "Modify portal content", goal)
    assert not can("finance_editor", "Modify portal content", goal)


def test_only_the_goals_unit_reports_progress(goal):
    assert not can("finance_member", ADD_PROGRESS, goal)  # not approved yet
    approve(goal)
    for user in ("finance_member", "finance_editor"):
        assert can(user, ADD_PROGRESS, goal), user
    for user in ("technical_member", "gs_officer", "staff", "site_admin"):
        assert not can(user, ADD_PROGRESS, goal), user
    note = report(goal, 70.0, date(2026, 3, 31))
    assert api.content.get_state(note) == "recorded"
    assert can("finance_member", "View", note)
    assert can("gs_officer", "View", note)
    assert not can("technical_member", "View", note)
    assert not can("staff", "View", note)


def test_changing_an_approved_target_needs_a_reason_and_reapproval(goal):
    approve(goal)
    # plone.api reports the refusal (WorkflowException) as a bad transition.
    with pytest.raises(api.exc.InvalidParameterError):
        transition(goal, "finance_editor", "revise")
    assert api.content.get_state(goal) == "approved"
    transition(goal, "finance_editor", "revise", comment="Νέο προσωπικό")
    assert api.content.get_state(goal) == "proposed"
    assert can("finance_editor", CHANGE_TARGET, goal)
    goal.target = 95.0
    approve(goal)
    history = approvals(goal)
    assert [entry["target"] for entry in history] == [90.0, 95.0]
    assert {entry["actor"] for entry in history} == {"gs_officer"}
    assert history[0]["indicator"] == goal.indicator


def test_latest_value_and_status_are_derived(goal):
    approve(goal)
    report(goal, 80.0, date(2026, 6, 30))
    report(goal, 70.0, date(2026, 3, 31))  # entered late, older date
    found = measure(goal, date(2026, 7, 2), margin=10)
    assert found.latest.value == 80.0
    assert found.percent == pytest.approx(66.7)
    assert found.status == "on_track"
    # As the goal stood in April: only the March value counts.
    found = measure(goal, date(2026, 4, 1), margin=10)
    assert found.latest.value == 70.0
    assert found.percent == pytest.approx(33.3)
    assert measure(goal, date(2027, 1, 2)).status == "not_achieved"
    report(goal, 91.0, date(2026, 11, 1))
    assert measure(goal, date(2026, 11, 2)).status == "achieved"


def test_a_proposed_goal_has_no_status(goal):
    assert measure(goal, date(2026, 7, 1)).status == "not_approved"


@pytest.mark.parametrize(
    "programme_state,public",
    [("draft", False), ("approved", False), ("published", True)],
)
def test_visibility_per_role_and_state(portal, programme, programme_state, public):
    finance = uid(portal, FINANCE)
    goals = {
        state: make_goal(programme, finance, title=f"Στόχος {state}")
        for state in ("proposed", "submitted", "approved", "closed")
    }
    transition(goals["submitted"], "finance_editor", "submit")
    approve(goals["approved"])
    approve(goals["closed"])
    transition(goals["closed"], "gs_officer", "close")
    path = {"draft": [], "approved": ["approve"], "published": ["approve", "publish"]}
    for name in path[programme_state]:
        transition(programme, "gs_officer", name)
    assert can("staff", "View", programme)
    assert can("anonymous", "View", programme) is public
    restricted = ("proposed", "submitted")
    for state, goal in goals.items():
        seen_by_all_staff = state not in restricted
        assert can("anonymous", "View", goal) is (public and seen_by_all_staff), state
        assert can("staff", "View", goal) is seen_by_all_staff, state
        assert can("technical_member", "View", goal) is seen_by_all_staff, state
        for user in ("finance_member", "finance_editor", "gs_officer"):
            assert can(user, "View", goal), (user, state)
    catalog = api.portal.get_tool("portal_catalog")
    with anonymous():
        found = {
            brain.getObject()
            for brain in catalog(
                portal_type="Goal", path="/".join(programme.getPhysicalPath())
            )
        }
    expected = {goals["approved"], goals["closed"]} if public else set()
    assert found == expected


def test_goals_are_proposed_while_the_programme_is_open(programme):
    assert can("finance_editor", ADD_GOAL, programme)
    # The add form shows indicator and target to whoever may propose.
    assert can("finance_editor", CHANGE_TARGET, programme)
    assert can("staff", ADD_GOAL, programme)  # the unit field limits them
    assert not can("anonymous", ADD_GOAL, programme)
    transition(programme, "gs_officer", "approve")
    assert can("finance_editor", ADD_GOAL, programme)
    transition(programme, "gs_officer", "close")
    assert not can("finance_editor", ADD_GOAL, programme)
    assert not can("finance_editor", CHANGE_TARGET, programme)
    assert not can("gs_officer", ADD_GOAL, programme)


def test_closing_the_year_closes_approved_goals(portal, programme, goal):
    finance = uid(portal, FINANCE)
    other = make_goal(programme, finance, title="Άλλος στόχος")
    approve(goal)
    transition(programme, "gs_officer", "approve")
    transition(programme, "gs_officer", "publish")
    transition(programme, "gs_officer", "close_public")
    assert api.content.get_state(goal) == "closed"
    assert api.content.get_state(other) == "proposed"
    assert not can("finance_member", ADD_PROGRESS, goal)
    assert can("anonymous", "View", goal)
    transition(programme, "gs_officer", "reopen_public")
    assert api.content.get_state(goal) == "approved"


def test_units_cannot_run_the_programme(programme):
    for name in ("approve",):
        with pytest.raises(api.exc.InvalidParameterError):
            transition(programme, "finance_editor", name)
    assert not can("finance_editor", "Modify portal content", programme)
    assert can("gs_officer", "Modify portal content", programme)


def test_the_zope_administrator_proposes_for_any_unit(portal, users):
    """The root folder's administrator (no groups) is no unit's editor."""
    from municipality.intranet.goal_proposers import default_unit
    from plone.app.testing import SITE_OWNER_NAME

    with api.env.adopt_user(username=SITE_OWNER_NAME):
        assert default_unit() is None
        assert check_own_unit(uid(portal, TECHNICAL))
