"""Annual action programme: the year's goals of every unit, approved by decision."""

from datetime import date
from municipality.intranet import _
from municipality.intranet.site_clock import site_today
from plone import api
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from plone.uuid.interfaces import IUUID
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


def this_year() -> int:
    return site_today().year


class IActionProgramme(model.Schema):
    programme_year = schema.Int(
        title=_("Year"),
        defaultFactory=this_year,
        min=2000,
        max=2100,
        required=True,
    )
    operational_plan = RelationChoice(
        title=_("Operational plan"),
        description=_("The multi-year operational plan this programme implements."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "operational_plan",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"maximumSelectionSize": 1},
    )

    model.fieldset(
        "approval",
        label=_("Approval"),
        fields=["approving_decision", "approval_number", "approval_date"],
    )
    approving_decision = RelationChoice(
        title=_("Approving decision"),
        description=_("The decision on this site that fixed the programme."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "approving_decision",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "maximumSelectionSize": 1,
            "selectableTypes": ["Decision"],
        },
    )
    approval_number = schema.TextLine(
        title=_("Number of the approving decision"),
        description=_("When the decision is not on this site, e.g. 45/2026."),
        required=False,
        max_length=100,
    )
    approval_date = schema.Date(
        title=_("Date of the approving decision"),
        required=False,
    )

    @invariant
    def one_per_year(data):
        """A year has one programme: the goals of a unit are found by year."""
        year = getattr(data, "programme_year", None)
        if not year:
            return
        context = getattr(data, "__context__", None)
        own = IUUID(context, None) if IActionProgramme.providedBy(context) else None
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(
            portal_type="ActionProgramme", programme_year=year
        ):
            if brain.UID != own:
                raise Invalid(
                    _(
                        "There is already an action programme for ${year}.",
                        mapping={"year": year},
                    )
                )


@implementer(IActionProgramme)
class ActionProgramme(Container):
    """Holds the year's goals; its workflow state is the programme's status."""
