"""What leave and travel requests share: the employee, the unit, the dates.

The employee is whoever creates the request; their unit is one of the
units whose staff they are. Who signed what, and the authorisation number,
are the workflow's to write (see staff_request_workflow.py).
"""

from AccessControl import ClassSecurityInfo
from AccessControl.class_init import InitializeClass
from municipality.intranet import _
from municipality.intranet.follow_up import site_today
from municipality.intranet.staff_request_checks import check_employee_unit
from municipality.intranet.staff_request_checks import default_employee_unit
from municipality.intranet.staff_request_checks import no_overlap
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant


SET_BY_SYSTEM = "municipality.intranet.SetCircularNumber"
SYSTEM_FIELDS = (
    "employee",
    "employee_name",
    "working_days",
    "authorisation_number",
    "endorsed_by",
    "endorsed_on",
    "approved_by",
    "approved_on",
    "decision_reason",
)


class IStaffRequest(model.Schema):
    directives.omitted(*SYSTEM_FIELDS)
    directives.write_permission(**dict.fromkeys(SYSTEM_FIELDS, SET_BY_SYSTEM))
    employee = schema.TextLine(title=_("Employee's user name"), required=False)
    employee_name = schema.TextLine(title=_("Employee"), required=False)
    working_days = schema.Int(title=_("Working days"), required=False)
    authorisation_number = schema.TextLine(
        title=_("Authorisation number"), required=False
    )
    endorsed_by = schema.TextLine(title=_("Endorsed by"), required=False)
    endorsed_on = schema.Date(title=_("Endorsed on"), required=False)
    approved_by = schema.TextLine(title=_("Approved by"), required=False)
    approved_on = schema.Date(title=_("Approved on"), required=False)
    decision_reason = schema.Text(title=_("Reason for the rejection"), required=False)

    employee_unit = schema.Choice(
        title=_("Your unit"),
        description=_("The unit whose head endorses the request."),
        vocabulary="municipality.intranet.EmployeeUnits",
        defaultFactory=default_employee_unit,
        constraint=check_employee_unit,
        required=True,
    )
    start = schema.Date(title=_("From"), required=True)
    end = schema.Date(title=_("To (last day)"), required=True)
    attachment = NamedBlobFile(
        title=_("Supporting document"),
        description=_("e.g. a medical certificate or an invitation."),
        required=False,
    )
    attachment_2 = NamedBlobFile(
        title=_("Another supporting document"), required=False
    )

    @invariant
    def dates_in_order(data):
        start = getattr(data, "start", None)
        end = getattr(data, "end", None)
        if start and end and end < start:
            raise Invalid(_("The last day cannot be before the first day."))

    @invariant
    def not_already_away(data):
        no_overlap(data)


class StaffRequest(Item):
    """Its title names the kind, the employee and the dates."""

    security = ClassSecurityInfo()

    def Title(self):
        from municipality.intranet.staff_request_texts import request_title

        return request_title(self)

    @security.public
    def is_own_request(self) -> bool:
        """Nobody endorses or approves their own request."""
        user = api.user.get_current()
        return user is not None and user.getId() == getattr(self, "employee", None)

    @security.public
    def not_started(self) -> bool:
        """Requests are cancelled before the first day, not after."""
        return bool(self.start) and self.start > site_today()

    @security.public
    def may_review(self) -> bool:
        return not self.is_own_request()


InitializeClass(StaffRequest)
