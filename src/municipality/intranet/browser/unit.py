"""Pages of units and people."""

from municipality.intranet.behaviors.contact import VIEW_INTERNAL_TITLE
from municipality.intranet.browser.absences import may_see_absences
from municipality.intranet.browser.goals import GoalPresentation
from municipality.intranet.browser.meetings import short_date
from municipality.intranet.circular_recipients import units_of_user
from municipality.intranet.contact_details import person_contact
from municipality.intranet.contact_details import unit_contact
from municipality.intranet.follow_up import is_overdue
from municipality.intranet.follow_up import site_today
from municipality.intranet.follow_up_queries import agenda_items_to_prepare
from municipality.intranet.follow_up_queries import follow_ups
from municipality.intranet.goal_queries import entries
from municipality.intranet.goal_queries import goal_brains
from municipality.intranet.structured_data import as_script
from municipality.intranet.structured_data import person_data
from municipality.intranet.structured_data import unit_data
from plone import api
from Products.Five.browser import BrowserView


def visible_children(context, portal_type: str) -> list:
    """The children of a type the current user may see, in folder order."""
    brains = api.content.find(
        context=context,
        depth=1,
        portal_type=portal_type,
        sort_on="getObjPositionInParent",
    )
    return [brain.getObject() for brain in brains]


def related(relation):
    """The target of a relation if the current user may see it."""
    target = None if relation is None or relation.isBroken() else relation.to_object
    if target is None or not api.user.has_permission("View", obj=target):
        return None
    return target


VIEW_FOLLOW_UP = "municipality.intranet: View follow-up dashboard"


class UnitView(BrowserView):
    """A unit's public page: contact card, head, competences, legal basis."""

    def __call__(self):
        self.contact = unit_contact(self.context)
        self.sub_units = visible_children(self.context, "Unit")
        self.people = visible_children(self.context, "Person")
        self.people_contacts = [person_contact(person) for person in self.people]
        return super().__call__()

    @property
    def can_see_internal(self) -> bool:
        return api.user.has_permission(VIEW_INTERNAL_TITLE, obj=self.context)

    @property
    def has_services(self) -> bool:
        return bool(visible_children(self.context, "ServiceStandard"))

    @property
    def can_import_services(self) -> bool:
        return api.user.has_permission(
            "municipality.intranet: Add ServiceStandard", obj=self.context
        )

    @property
    def can_see_absences(self) -> bool:
        return may_see_absences(self.context, api.user.get_current())

    @property
    def can_manage_groups(self) -> bool:
        return api.user.has_permission(
            "Plone Site Setup: Users and Groups", obj=self.context
        )

    @property
    def head_person(self):
        return related(self.context.head_person)

    @property
    def supervising_unit(self):
        return related(self.context.supervising_unit)

    @property
    def kind_title(self) -> str:
        from zope.component import getUtility
        from zope.schema.interfaces import IVocabularyFactory

        vocabulary = getUtility(IVocabularyFactory, "municipality.intranet.UnitKinds")
        kind = self.context.kind
        return vocabulary(self.context).getTerm(kind).title if kind else ""

    @property
    def decision_date(self) -> str:
        date = self.context.decision_date
        return date.strftime("%d.%m.%Y") if date else ""

    def json_ld(self) -> str:
        return as_script(unit_data(self.context, self.sub_units, self.people))

    def unit_work(self) -> dict | None:
        """For the unit's staff and the General Secretariat: what is due."""
        if api.user.is_anonymous():
            return None
        user = api.user.get_current()
        is_gs = api.user.has_permission(VIEW_FOLLOW_UP, obj=self.context)
        if not is_gs and not units_of_user([self.context], user):
            return None
        today = site_today()
        uid = api.content.get_uuid(self.context)
        return {
            "follow_ups": [
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "deadline": short_date(brain.follow_up_deadline),
                    "overdue": is_overdue(
                        brain.follow_up_status, brain.follow_up_deadline, today
                    ),
                }
                for brain in follow_ups(today, unit=uid)
            ],
            "agenda_items": [
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "deadline": short_date(brain.preparation_deadline),
                    "late": bool(brain.preparation_deadline)
                    and brain.preparation_deadline < today,
                }
                for brain in agenda_items_to_prepare(today, unit=uid)
            ],
            "goals": [
                GoalPresentation(self.context, entry)
                for entry in entries(
                    goal_brains(goal_unit=uid, programme_year=today.year), today
                )
            ],
        }


class PersonView(BrowserView):
    """A person's page: position, unit, phone and e-mail."""

    def __call__(self):
        self.contact = person_contact(self.context)
        return super().__call__()

    @property
    def unit(self):
        return self.context.__parent__

    def json_ld(self) -> str:
        return as_script(person_data(self.context))
