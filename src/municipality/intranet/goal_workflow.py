"""What happens when goals and action programmes move through their workflows.

Approving a goal fixes its indicator and target: each approval is kept in
the goal's approval history, so a target changed later (the goal revised
and approved again) shows both values, who approved them and when.
Closing a programme's year closes its approved goals; reopening it opens
them again.
"""

from datetime import datetime
from municipality.intranet import _
from municipality.intranet.content.goal import IGoal
from persistent.list import PersistentList
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.annotation.interfaces import IAnnotations

import pytz


APPROVALS_KEY = "municipality.intranet.goal_approvals"
CLOSING = ("close", "close_public")
REOPENING = ("reopen", "reopen_public")


def approvals(goal) -> list[dict]:
    """Every approval of the goal, oldest first."""
    return list(IAnnotations(goal).get(APPROVALS_KEY, ()))


def record_approval(goal) -> None:
    annotations = IAnnotations(goal)
    if APPROVALS_KEY not in annotations:
        annotations[APPROVALS_KEY] = PersistentList()
    user = api.user.get_current()
    annotations[APPROVALS_KEY].append(
        {
            "date": datetime.now(pytz.utc),
            "actor": user.getId() if user is not None else "",
            "indicator": goal.indicator,
            "measure_unit": goal.measure_unit,
            "baseline": goal.baseline,
            "target": goal.target,
            "due_date": goal.due_date,
        }
    )


def require_revision_reason(goal, event) -> None:
    """An approved goal is reopened for change only with a reason."""
    transition = event.transition
    if transition is None or transition.id != "revise":
        return
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if not comment:
        raise WorkflowException(_("Give the reason for changing the approved goal."))


def goal_transitioned(goal, event) -> None:
    transition = event.transition
    if transition is not None and transition.id == "approve":
        record_approval(goal)


def _goals(programme, state: str):
    return [
        goal
        for goal in programme.objectValues()
        if IGoal.providedBy(goal) and api.content.get_state(goal) == state
    ]


def programme_transitioned(programme, event) -> None:
    transition = event.transition
    if transition is None:
        return
    if transition.id in CLOSING:
        moves = [(goal, "close") for goal in _goals(programme, "approved")]
    elif transition.id in REOPENING:
        moves = [(goal, "reopen") for goal in _goals(programme, "closed")]
    else:
        return
    # The year closes as a whole, whoever closes it.
    with api.env.adopt_roles(["Manager"]):
        for goal, name in moves:
            api.content.transition(obj=goal, transition=name)
