"""Goal of a unit in an action programme, measured by an indicator."""

from datetime import date
from municipality.intranet import _
from municipality.intranet.goal_proposers import check_own_unit
from municipality.intranet.goal_proposers import default_unit
from municipality.intranet.site_clock import site_today
from municipality.intranet.vocabularies.goals import programme_of
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema.interfaces import IContextAwareDefaultFactory


# Fixed when the General Secretariat approves the goal; a change needs
# the goal to go through approval again (see goal_workflow.py).
CHANGE_TARGET = "municipality.intranet.ChangeGoalTarget"
LOCKED_FIELDS = ("indicator", "measure_unit", "baseline", "target")


@provider(IContextAwareDefaultFactory)
def end_of_programme_year(context) -> date:
    programme = programme_of(context)
    year = getattr(programme, "programme_year", None) or site_today().year
    return date(year, 12, 31)


class IGoal(model.Schema):
    goal_unit = schema.Choice(
        title=_("Unit"),
        description=_("The unit that pursues the goal and reports its progress."),
        vocabulary="municipality.intranet.Units",
        defaultFactory=default_unit,
        constraint=check_own_unit,
        required=True,
    )
    category = schema.Choice(
        title=_("Category"),
        vocabulary="municipality.intranet.GoalCategories",
        required=True,
    )

    directives.write_permission(
        indicator=CHANGE_TARGET,
        measure_unit=CHANGE_TARGET,
        baseline=CHANGE_TARGET,
        target=CHANGE_TARGET,
    )
    indicator = schema.TextLine(
        title=_("Indicator"),
        description=_("What is measured, e.g. share of requests answered in time."),
        required=True,
        max_length=300,
    )
    measure_unit = schema.TextLine(
        title=_("Unit of measure"),
        description=_("e.g. %, days, requests, training hours."),
        required=True,
        max_length=50,
    )
    baseline = schema.Float(
        title=_("Baseline"),
        description=_("The value at the start of the year."),
        default=0.0,
        required=True,
    )
    target = schema.Float(
        title=_("Target value"),
        description=_(
            "The value to reach by the due date; lower than the baseline when "
            "the aim is to reduce (e.g. days to answer)."
        ),
        required=True,
    )
    due_date = schema.Date(
        title=_("Due date"),
        defaultFactory=end_of_programme_year,
        required=True,
    )
    weight = schema.Int(
        title=_("Weight"),
        description=_("How much the goal counts in the unit's achievement (1-100)."),
        default=1,
        min=1,
        max=100,
        required=True,
    )

    model.fieldset(
        "relations",
        label=_("Related"),
        fields=["parent_goal", "related_meeting"],
    )
    parent_goal = schema.Choice(
        title=_("Part of the goal"),
        description=_("The broader goal of the programme this one makes specific."),
        vocabulary="municipality.intranet.ProgrammeGoals",
        required=False,
    )
    related_meeting = RelationChoice(
        title=_("Related meeting or agenda item"),
        description=_("Where the goal was set or discussed."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    directives.widget(
        "related_meeting",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "maximumSelectionSize": 1,
            "selectableTypes": ["Meeting", "AgendaItem"],
        },
    )

    @invariant
    def target_differs(data):
        baseline = getattr(data, "baseline", None)
        target = getattr(data, "target", None)
        if baseline is not None and target is not None and baseline == target:
            raise Invalid(_("The target value must differ from the baseline."))


@implementer(IGoal)
class Goal(Container):
    """A goal; its progress updates live inside it."""
