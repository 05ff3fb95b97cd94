"""What happens to a citizen's request: arrival, assignment, answer.

On arrival (from the public form or entered by the Private Office) it gets
its tracking code, the date, a deadline in working days and, when its
subject area is routed to a unit, that unit at once. The citizen is told
the code by e-mail; the answer reaches them by e-mail too. Mails leave
only once the transaction has committed.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from email.message import EmailMessage
from municipality.intranet import _
from municipality.intranet.circular_mail import compose
from municipality.intranet.circular_mail import deliver_after_commit
from municipality.intranet.follow_up import site_today
from municipality.intranet.request_codes import new_code
from municipality.intranet.subject_areas import routed_unit
from municipality.intranet.working_days import add_working_days
from plone import api
from plone.app.uuid.utils import uuidToObject
from Products.CMFCore.WorkflowCore import WorkflowException

import pytz


DEFAULT_DAYS_RECORD = "municipality.intranet.request_deadline_days"


def deadline_for(request, received: date) -> date:
    """The related service's maximum completion time, else the default."""
    service = (
        uuidToObject(request.related_service, unrestricted=True)
        if request.related_service
        else None
    )
    amount = getattr(service, "completion_time", None)
    unit = getattr(service, "completion_unit", None)
    if amount and unit in ("days", "working-days"):
        if unit == "days":
            return received + timedelta(days=amount)
        return add_working_days(received, amount)
    days = api.portal.get_registry_record(DEFAULT_DAYS_RECORD, default=15) or 15
    return add_working_days(received, days)


def citizen_mail(request, subject, lines) -> EmailMessage | None:
    if not request.citizen_email:
        return None
    return compose([request.citizen_email], subject, lines)


def status_url() -> str:
    return f"{api.portal.get().absolute_url()}/@@request-status"


def request_added(request, event) -> None:
    """Code, date, deadline, routing and the acknowledgement."""
    if request.received_on:
        return  # imported or copied: handled where it came from
    today = site_today()
    if not request.tracking_code:
        request.tracking_code = new_code(today.year)
    request.received_on = datetime.now(pytz.utc)
    request.deadline = deadline_for(request, today)
    unit = routed_unit(request.subject_area)
    if unit is not None and not request.assigned_unit:
        request.assigned_unit = unit.UID()
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=request, transition="assign")
    request.reindexObject()
    mapping = {"code": request.tracking_code}
    message = citizen_mail(
        request,
        _("Your request ${code} was received", mapping=mapping),
        [
            _(
                "We received your message. Its tracking code is ${code}. You can "
                "follow it with this code and your e-mail address at:",
                mapping=mapping,
            ),
            status_url(),
        ],
    )
    if message is not None:
        deliver_after_commit([message])


def before_transition(request, event) -> None:
    transition = event.transition
    if transition is None:
        return
    if transition.id == "assign" and not request.assigned_unit:
        raise WorkflowException(_("Choose the unit the request is assigned to."))
    if transition.id == "answer" and not (request.answer or "").strip():
        raise WorkflowException(_("Write the answer to the citizen first."))


def after_transition(request, event) -> None:
    transition = event.transition
    if transition is None or transition.id != "answer":
        return
    request.answered_on = site_today()
    request.reindexObject()
    mapping = {"code": request.tracking_code}
    message = citizen_mail(
        request,
        _("Answer to your request ${code}", mapping=mapping),
        [request.answer, "", status_url()],
    )
    if message is not None:
        deliver_after_commit([message])
