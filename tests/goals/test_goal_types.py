"""The goal types: installed, with their schema, containment and workflows."""

from goal_helpers import FINANCE
from goal_helpers import make_goal
from goal_helpers import uid
from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import iterSchemataForType
from zope import schema
from zope.component import getUtility
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest


pytestmark = pytest.mark.dated


TYPES = {
    # type: (allowed inside, workflow, add permission)
    "ActionProgramme": (
        {"Goal", "File"},
        "municipality_programme_workflow",
        "municipality.intranet.AddActionProgramme",
    ),
    "Goal": (
        {"GoalProgress"},
        "municipality_goal_workflow",
        "municipality.intranet.AddGoal",
    ),
    "GoalProgress": (
        set(),
        "municipality_goal_progress_workflow",
        "municipality.intranet.AddGoalProgress",
    ),
}

FIELDS = {
    "ActionProgramme": {
        "programme_year": (schema.Int, True),
        "operational_plan": (schema.Choice, False),
        "approving_decision": (schema.Choice, False),
        "approval_number": (schema.TextLine, False),
        "approval_date": (schema.Date, False),
    },
    "Goal": {
        "goal_unit": (schema.Choice, True),
        "category": (schema.Choice, True),
        "indicator": (schema.TextLine, True),
        "measure_unit": (schema.TextLine, True),
        "baseline": (schema.Float, True),
        "target": (schema.Float, True),
        "due_date": (schema.Date, True),
        "weight": (schema.Int, True),
        "parent_goal": (schema.Choice, False),
        "related_meeting": (schema.Choice, False),
    },
    "GoalProgress": {
        "progress_date": (schema.Date, True),
        "value": (schema.Float, True),
        "note": (schema.Text, False),
    },
}


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_fti(portal, portal_type):
    allowed, workflow, permission = TYPES[portal_type]
    fti = queryUtility(IDexterityFTI, name=portal_type)
    assert fti is not None
    assert set(fti.allowed_content_types) == allowed
    assert fti.add_permission == permission
    assert "plone.versioning" in fti.behaviors
    chain = api.portal.get_tool("portal_workflow").getChainForPortalType(portal_type)
    assert chain == (workflow,)


@pytest.mark.parametrize(
    "portal_type,name",
    [(t, name) for t, fields in sorted(FIELDS.items()) for name in sorted(fields)],
)
def test_schema(portal, portal_type, name):
    kind, required = FIELDS[portal_type][name]
    found = {}
    for schemata in iterSchemataForType(portal_type):
        found.update(schema.getFieldsInOrder(schemata))
    assert isinstance(found[name], kind)
    assert found[name].required is required


def test_only_programmes_in_the_goals_section(portal):
    section = portal["goals"]
    with api.env.adopt_roles(["Manager"]):
        allowed = {fti.getId() for fti in section.allowedContentTypes()}
    assert "ActionProgramme" in allowed
    assert "Goal" not in allowed
    assert api.content.get_state(section) == "published"


def test_categories_are_the_three_of_the_evaluation_system(portal):
    vocabulary = getUtility(IVocabularyFactory, "municipality.intranet.GoalCategories")(
        portal
    )
    assert [term.value for term in vocabulary] == [
        "services",
        "organisation",
        "skills",
    ]


def test_parent_goal_lists_the_other_goals_of_the_programme(portal, programme):
    first = make_goal(programme, uid(portal, FINANCE), title="Γενικός στόχος")
    second = make_goal(programme, uid(portal, FINANCE), title="Ειδικός στόχος")
    factory = getUtility(IVocabularyFactory, "municipality.intranet.ProgrammeGoals")
    with api.env.adopt_user(username="gs_officer"):
        assert [t.value for t in factory(second)] == [first.UID()]
        assert {t.value for t in factory(programme)} == {first.UID(), second.UID()}
    # Another unit's staff cannot see proposed goals: nor their titles here.
    with api.env.adopt_user(username="technical_member"):
        assert list(factory(programme)) == []


def test_due_date_defaults_to_the_end_of_the_programme_year(portal, users):
    from goal_helpers import make_programme
    from municipality.intranet.content.goal import end_of_programme_year

    programme = make_programme(portal, 2029)
    assert str(end_of_programme_year(programme)) == "2029-12-31"
