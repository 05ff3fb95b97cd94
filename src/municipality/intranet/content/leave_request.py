"""A member of staff's request for leave."""

from municipality.intranet import _
from municipality.intranet.content.staff_request import IStaffRequest
from municipality.intranet.content.staff_request import StaffRequest
from municipality.intranet.leave_kinds import kind_by_id
from plone.autoform import directives
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class ILeaveRequest(IStaffRequest):
    leave_kind = schema.Choice(
        title=_("Kind of leave"),
        vocabulary="municipality.intranet.LeaveKinds",
        required=True,
    )
    directives.order_before(leave_kind="employee_unit")
    substitute = schema.Choice(
        title=_("Substitute"),
        description=_("The colleague who stands in for you while you are away."),
        vocabulary="municipality.intranet.Colleagues",
        required=False,
    )
    reason = schema.Text(
        title=_("Reason"),
        description=_(
            "Required for some kinds of leave. Seen only by you, your unit's "
            "head and the General Secretariat."
        ),
        max_length=2000,
        required=False,
    )
    directives.order_after(substitute="end", reason="substitute")

    @invariant
    def reason_given(data):
        kind = kind_by_id(getattr(data, "leave_kind", None) or "")
        if kind is not None and kind.needs_reason:
            if not (getattr(data, "reason", None) or "").strip():
                raise Invalid(_("This kind of leave needs a reason."))


@implementer(ILeaveRequest)
class LeaveRequest(StaffRequest):
    """Leave from the first to the last day, both included."""

    def series(self) -> str:
        return f"leave:{self.leave_kind}"
