"""Follow-up of a decision or an instruction: who implements it, by when.

The implementation status moves through ``@@follow-up-status`` (or a REST
PATCH by the General Secretariat), never through the edit form, so that
every change lands in the item's follow-up history. Whether an item is
overdue is derived from its deadline and status, never stored.
"""

from municipality.intranet import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import provider


CLOSE_FOLLOW_UP = "municipality.intranet.CloseFollowUp"
# Who implements what, by when, is staff business, also on a public decision.
VIEW_INTERNAL = "municipality.intranet.ViewInternalDetails"


@provider(IFormFieldProvider)
class IFollowUp(model.Schema):
    """Responsible units, deadline and implementation status."""

    model.fieldset(
        "follow_up",
        label=_("Follow-up"),
        fields=["responsible_units", "follow_up_deadline", "implementation_status"],
    )
    directives.read_permission(
        responsible_units=VIEW_INTERNAL,
        follow_up_deadline=VIEW_INTERNAL,
        implementation_status=VIEW_INTERNAL,
    )
    responsible_units = schema.List(
        title=_("Responsible units"),
        description=_(
            "The units that implement it and report progress. Leave empty when "
            "nothing needs to be followed up."
        ),
        value_type=schema.Choice(vocabulary="municipality.intranet.Units"),
        default=[],
        required=False,
    )
    directives.widget("responsible_units", CheckBoxFieldWidget)
    follow_up_deadline = schema.Date(
        title=_("Implementation deadline"),
        required=False,
    )
    directives.omitted("implementation_status")
    directives.write_permission(implementation_status=CLOSE_FOLLOW_UP)
    implementation_status = schema.Choice(
        title=_("Implementation status"),
        vocabulary="municipality.intranet.ImplementationStatuses",
        default="pending",
        required=True,
    )
