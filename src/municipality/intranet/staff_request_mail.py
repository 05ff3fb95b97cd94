"""Mails of leave and travel requests, one step at a time.

Submitted: the unit's head (editors). Endorsed: the General Secretariat
and the employee. Approved: the employee, the head and the substitute.
Rejected: the employee. Cancelled: whoever was already asked to act.
Mails are in the site's language and leave after commit; they carry
no reason for leave (a mail travels further than the site).
"""

from municipality.intranet import _
from municipality.intranet.circular_mail import compose
from municipality.intranet.circular_mail import deliver_after_commit
from municipality.intranet.staff_request_texts import kind_label
from municipality.intranet.staff_request_texts import period
from municipality.intranet.staff_units import emails
from municipality.intranet.staff_units import general_secretariat
from municipality.intranet.staff_units import unit_editors
from plone import api


def employee_users(obj) -> list:
    user = api.user.get(userid=obj.employee) if obj.employee else None
    return [user] if user is not None else []


def heads(obj) -> list:
    return [u for u in unit_editors(obj.employee_unit) if u.getId() != obj.employee]


def mapping(obj) -> dict:
    return {
        "kind": kind_label(obj),
        "name": obj.employee_name or obj.employee,
        "period": period(obj),
        "number": obj.authorisation_number or "",
        "days": obj.working_days or 0,
    }


def message(recipients, subject, lines):
    addresses = emails(recipients)
    return compose(addresses, subject, lines) if addresses else None


def step_messages(obj, transition: str, previous_state: str, comment: str) -> list:
    values = mapping(obj)
    url = obj.absolute_url()
    summary = _("${kind}: ${name}, ${period} (${days} working days).", mapping=values)
    found = []
    if transition == "submit":
        found.append(
            message(
                heads(obj),
                _("To endorse: ${kind} of ${name}", mapping=values),
                [
                    _("A request awaits your endorsement.", mapping=values),
                    summary,
                    url,
                ],
            )
        )
    elif transition == "endorse":
        found.append(
            message(
                general_secretariat(),
                _("To approve: ${kind} of ${name}", mapping=values),
                [_("An endorsed request awaits approval."), summary, url],
            )
        )
        found.append(
            message(
                employee_users(obj),
                _("Your request was endorsed: ${kind}, ${period}", mapping=values),
                [
                    _(
                        "Your unit's head endorsed your request; it now goes to "
                        "the General Secretary for approval."
                    ),
                    summary,
                    url,
                ],
            )
        )
    elif transition == "approve":
        found.append(
            message(
                employee_users(obj) + heads(obj),
                _("Approved: ${kind} of ${name}, no. ${number}", mapping=values),
                [
                    _(
                        "The request was approved with authorisation no. ${number}.",
                        mapping=values,
                    ),
                    summary,
                    f"{url}/@@authorisation",
                ],
            )
        )
        substitute = getattr(obj, "substitute", None)
        user = api.user.get(userid=substitute) if substitute else None
        if user is not None:
            found.append(
                message(
                    [user],
                    _("You stand in for ${name} (${period})", mapping=values),
                    [
                        _(
                            "${name} is away ${period} and named you as substitute.",
                            mapping=values,
                        ),
                    ],
                )
            )
    elif transition == "reject":
        found.append(
            message(
                employee_users(obj),
                _("Not approved: ${kind}, ${period}", mapping=values),
                [
                    _("Your request was not approved. The reason:"),
                    comment,
                    "",
                    url,
                ],
            )
        )
    elif transition == "cancel" and previous_state != "draft":
        recipients = heads(obj)
        if previous_state in ("endorsed", "approved"):
            recipients += general_secretariat()
        found.append(
            message(
                recipients,
                _("Cancelled: ${kind} of ${name}, ${period}", mapping=values),
                [_("The employee cancelled the request."), summary, url],
            )
        )
    return [item for item in found if item is not None]


def send_step(obj, transition: str, previous_state: str, comment: str = "") -> None:
    deliver_after_commit(step_messages(obj, transition, previous_state, comment))
