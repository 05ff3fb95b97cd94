"""Leave and travel requests: who the employee is, and each step's effects.

draft → submitted → endorsed (the unit's head) → approved (the General
Secretariat, with a numbered authorisation) — or rejected, with a reason,
at either step; cancelled by the employee before the first day.
"""

from municipality.intranet import _
from municipality.intranet.authorisation_numbers import assign_number
from municipality.intranet.follow_up import site_today
from municipality.intranet.staff_request_checks import overlap_error
from municipality.intranet.staff_request_mail import send_step
from municipality.intranet.working_days import working_days_between
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


def user_name(user) -> str:
    return (user.getProperty("fullname") or user.getId()) if user else ""


def update_days(obj) -> None:
    if obj.start and obj.end and obj.end >= obj.start:
        obj.working_days = working_days_between(obj.start, obj.end)
    else:
        obj.working_days = None


def request_added(obj, event) -> None:
    """The creator is the employee (an imported request keeps its own)."""
    if not getattr(obj, "employee", None):
        user = api.user.get_current()
        obj.employee = user.getId()
        obj.employee_name = user_name(user)
    update_days(obj)


def request_modified(obj, event) -> None:
    update_days(obj)
    obj.reindexObject()
    obj.reindexObjectSecurity()


def request_copied(obj, event) -> None:
    """A copy is a new request of whoever copies it, never an authorisation."""
    for name in ("employee", "employee_name", "authorisation_number"):
        setattr(obj, name, None)
    for name in ("endorsed_by", "endorsed_on", "approved_by", "approved_on"):
        setattr(obj, name, None)
    obj.decision_reason = None


def refuse(message) -> None:
    raise WorkflowException(translate(message, context=getRequest()))


def before_transition(obj, event) -> None:
    transition = event.transition
    if transition is None:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    if transition.id == "reject" and not comment.strip():
        refuse(_("Give the reason why the request is not approved."))
    if transition.id in ("submit", "endorse", "approve"):
        error = overlap_error(obj)
        if error is not None:
            refuse(error)


def after_transition(obj, event) -> None:
    transition = event.transition
    if transition is None:
        return
    comment = (event.kwargs or {}).get("comment") or ""
    user = api.user.get_current()
    today = site_today()
    if transition.id == "endorse":
        obj.endorsed_by, obj.endorsed_on = user_name(user), today
    elif transition.id == "approve":
        obj.approved_by, obj.approved_on = user_name(user), today
        assign_number(obj, today.year)
    elif transition.id == "reject":
        obj.decision_reason = comment.strip()
    elif transition.id == "retract":
        obj.endorsed_by = obj.endorsed_on = None
    obj.reindexObject()
    send_step(obj, transition.id, event.old_state.id, comment)
