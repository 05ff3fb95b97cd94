"""Pages of action programmes and goals: the goals table, its chart and CSV."""

from municipality.intranet import _
from municipality.intranet.browser.circular import term_title
from municipality.intranet.browser.csv_download import csv_download
from municipality.intranet.browser.follow_up import actor_name
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.follow_up import site_today
from municipality.intranet.goal_queries import achievement
from municipality.intranet.goal_queries import current_programme
from municipality.intranet.goal_queries import entries
from municipality.intranet.goal_queries import goal_brains
from municipality.intranet.goal_workflow import approvals
from municipality.intranet.vocabularies.goals import GOAL_CATEGORIES
from municipality.intranet.vocabularies.goals import GOAL_STATUSES
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zope.component import getUtility
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory
from zope.schema.interfaces import IVocabularyFactory

import csv
import io


PMF = MessageFactory("plone")
UNITS = "municipality.intranet.Units"
CATEGORIES = "municipality.intranet.GoalCategories"
STATUSES = "municipality.intranet.GoalStatuses"
ADD_PROGRESS = "municipality.intranet: Add GoalProgress"

# Colour is never alone: each badge says its status in words.
STATUS_CLASSES = {
    "on_track": "bg-success",
    "at_risk": "bg-warning text-dark",
    "achieved": "bg-primary",
    "not_achieved": "bg-danger",
    "not_approved": "bg-secondary",
}


def number(value) -> str:
    """1.0 → 1, 2.5 → 2.5: figures as people write them."""
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def bar_width(percent) -> float:
    return min(max(percent or 0.0, 0.0), 100.0)


class GoalPresentation:
    """Titles and figures of one goal, shared by its page, the table and CSV."""

    def __init__(self, context, entry):
        self.context = context
        self.entry = entry
        goal = entry.goal
        self.goal = goal
        measure = entry.measure
        self.title = goal.Title()
        self.url = goal.absolute_url()
        self.unit = term_title(context, UNITS, goal.goal_unit)
        self.category = term_title(context, CATEGORIES, goal.category)
        self.indicator = goal.indicator
        self.measure_unit = goal.measure_unit
        self.baseline = number(goal.baseline)
        self.target = number(goal.target)
        self.due = short_date(goal.due_date)
        self.due_iso = goal.due_date.isoformat() if goal.due_date else ""
        self.weight = goal.weight
        self.latest = number(measure.latest.value) if measure.latest else ""
        self.latest_date = short_date(measure.latest.on) if measure.latest else ""
        self.percent = measure.percent
        self.percent_text = "" if measure.percent is None else number(measure.percent)
        self.width = bar_width(measure.percent)
        self.status = measure.status
        self.status_title = term_title(context, STATUSES, measure.status)
        self.status_class = STATUS_CLASSES[measure.status]
        self.state = entry.state
        workflow = api.portal.get_tool("portal_workflow")
        # Translated where workflow titles are: in Plone's domain.
        self.state_title = PMF(workflow.getTitleForStateOnType(entry.state, "Goal"))


class GoalsView(BrowserView):
    """The programme's goals per unit and category, with a chart; filtered."""

    def __call__(self):
        self.load()
        return super().__call__()

    def load(self) -> None:
        self.today = site_today()
        form = self.request.form
        units = getUtility(IVocabularyFactory, UNITS)(self.context)
        unit = form.get("unit") or ""
        self.unit = unit if unit in units.by_token else ""
        category = form.get("category") or ""
        self.category = category if category in dict(GOAL_CATEGORIES) else ""
        status = form.get("status") or ""
        self.status = status if status in dict(GOAL_STATUSES) else ""
        query = {}
        if self.unit:
            query["goal_unit"] = self.unit
        if self.category:
            query["goal_category"] = self.category
        # Offer only the units of goals the user may see: the vocabulary
        # holds every unit, also the private ones.
        self.goal_units = {brain.goal_unit for brain in goal_brains(self.context)}
        found = entries(goal_brains(self.context, **query), self.today)
        if self.status:
            found = [entry for entry in found if entry.measure.status == self.status]
        self.entries = found
        self.units_vocabulary = units

    def goals(self) -> list[GoalPresentation]:
        return [GoalPresentation(self.context, entry) for entry in self.entries]

    def groups(self) -> list[dict]:
        """Goals per unit, and in each unit per category."""
        by_unit: dict[str, dict] = {}
        for goal in self.goals():
            unit = by_unit.setdefault(goal.unit, {"unit": goal.unit, "categories": {}})
            unit["categories"].setdefault(goal.category, []).append(goal)
        return [
            {
                "unit": name,
                "categories": [
                    {"category": category, "goals": goals}
                    for category, goals in sorted(group["categories"].items())
                ],
            }
            for name, group in sorted(by_unit.items())
        ]

    def chart(self, key: str) -> list[dict]:
        """Share of target achieved per unit or per category, for the chart."""
        grouped: dict[str, list] = {}
        for entry in self.entries:
            if key == "unit":
                label = term_title(self.context, UNITS, entry.goal.goal_unit)
            else:
                label = term_title(self.context, CATEGORIES, entry.goal.category)
            grouped.setdefault(label, []).append(entry)
        rows = []
        for label, group in sorted(grouped.items()):
            percent = achievement(group)
            if percent is None:
                continue
            rows.append(
                {
                    "label": label,
                    "goals": sum(1 for entry in group if entry.counted),
                    "percent": number(percent),
                    "width": bar_width(percent),
                }
            )
        return rows

    def unit_options(self) -> list[dict]:
        return [
            {"value": term.value, "title": term.title}
            for term in self.units_vocabulary
            if term.value in self.goal_units
        ]

    def category_options(self) -> list[dict]:
        return [{"value": value, "title": title} for value, title in GOAL_CATEGORIES]

    def status_options(self) -> list[dict]:
        return [{"value": value, "title": title} for value, title in GOAL_STATUSES]

    def csv_url(self) -> str:
        values = {"unit": self.unit, "category": self.category, "status": self.status}
        query = urlencode({k: v for k, v in values.items() if v})
        url = f"{self.context.absolute_url()}/@@goals.csv"
        return f"{url}?{query}" if query else url

    def can_add(self) -> bool:
        return bool(
            api.user.has_permission("municipality.intranet: Add Goal", obj=self.context)
        )


class GoalsCSV(GoalsView):
    """The filtered goals as CSV (UTF-8 with BOM, for spreadsheets)."""

    def __call__(self):
        self.load()
        language = api.portal.get_current_language()

        def tr(message) -> str:
            return translate(message, context=self.request, target_language=language)

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                tr(_("Unit")),
                tr(_("Category")),
                tr(_("Goal")),
                tr(_("Indicator")),
                tr(_("Unit of measure")),
                tr(_("Baseline")),
                tr(_("Target value")),
                tr(_("Latest value")),
                tr(_("Date of the latest value")),
                tr(_("Share of target (%)")),
                tr(_("Status")),
                tr(_("Due date")),
                tr(_("Weight")),
                tr(_("State")),
                tr(_("Address")),
            ]
        )
        for goal in self.goals():
            latest = goal.entry.measure.latest
            writer.writerow(
                [
                    goal.unit,
                    goal.category,
                    goal.title,
                    goal.indicator,
                    goal.measure_unit,
                    goal.baseline,
                    goal.target,
                    goal.latest,
                    latest.on.isoformat() if latest else "",
                    goal.percent_text,
                    tr(goal.status_title),
                    goal.due_iso,
                    goal.weight,
                    tr(goal.state_title),
                    goal.url,
                ]
            )
        return csv_download(
            self.request.response, "goals.csv", out.getvalue(), private=False
        )


class CurrentGoalsView(BrowserView):
    """``@@goals`` on the site: this year's programme, or the latest one."""

    def __call__(self):
        programme = current_programme(site_today())
        if programme is None:
            section = self.context.get("goals")
            target = section if section is not None else self.context
            return self.request.response.redirect(target.absolute_url())
        return self.request.response.redirect(programme.absolute_url())


class GoalView(BrowserView):
    """A goal: its figures, status, approvals and progress updates."""

    def __call__(self):
        from municipality.intranet.goal_measures import measure
        from municipality.intranet.goal_queries import GoalEntry

        state = api.content.get_state(self.context)
        self.goal = GoalPresentation(
            self.context,
            GoalEntry(self.context, state, measure(self.context, site_today())),
        )
        return super().__call__()

    def parent(self):
        """The broader goal, if the user may see it."""
        uid = self.context.parent_goal
        if not uid:
            return None
        brains = api.portal.get_tool("portal_catalog")(UID=uid)
        return brains[0].getObject() if brains else None

    def related(self):
        relation = self.context.related_meeting
        if relation is None or relation.isBroken():
            return None
        target = relation.to_object
        if target is None or not api.user.has_permission("View", obj=target):
            return None
        return target

    def approvals(self) -> list[dict]:
        rows = []
        for entry in reversed(approvals(self.context)):
            rows.append(
                {
                    "date": short_date(entry["date"].date()),
                    "actor": actor_name(entry["actor"]),
                    "indicator": entry["indicator"],
                    "baseline": number(entry["baseline"]),
                    "target": number(entry["target"]),
                    "measure_unit": entry["measure_unit"],
                }
            )
        return rows

    def updates(self) -> list:
        """The progress updates the user may see, newest first."""
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type="GoalProgress",
            path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
        )
        updates = [brain.getObject() for brain in brains]
        return sorted(
            updates, key=lambda u: (u.progress_date, u.created()), reverse=True
        )

    def update_date(self, update) -> str:
        return short_date(update.progress_date)

    def number(self, value) -> str:
        return number(value)

    def can_report(self) -> bool:
        return bool(api.user.has_permission(ADD_PROGRESS, obj=self.context))

    def staff(self) -> bool:
        return not api.user.is_anonymous()
