"""The demo action programmes, goals and progress updates import as written.

The Greek demo is the ``plone`` site of the test layer, the Turkish one the
``belediye`` site; the English tree is not imported by the layer, so its
files are checked as written, as are those of the other two languages.
"""

from datetime import date
from municipality.intranet.distribution import demo_content_dir
from municipality.intranet.goal_measures import measure
from municipality.intranet.goal_measures import percent_of_target
from municipality.intranet.goal_measures import status_of
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.component.hooks import site as active_site

import json
import pytest


pytestmark = pytest.mark.dated


TODAY = date(2026, 11, 22)  # the day the demo describes
CATEGORIES = {"services", "organisation", "skills"}

# Goal id: (review state, status on TODAY).
GOALS_EL_EN = {
    "requests-answered-on-time": ("approved", "on_track"),
    "council-proposals-on-time": ("approved", "at_risk"),
    "administrative-requests-on-time": ("approved", "on_track"),
    "residence-certificate-days": ("approved", "achieved"),
    "staff-training-hours": ("approved", "on_track"),
    "digital-procedures": ("approved", "not_achieved"),
    "e-document-training": ("approved", "on_track"),
    "mayor-appointment-replies": ("approved", "on_track"),
    "supplier-payment-days": ("submitted", "not_approved"),
    "accessible-service-training": ("proposed", "not_approved"),
}
GOALS_TR = {
    "vatandas-taleplerinin-suresinde-yanitlanmasi": ("approved", "on_track"),
    "dilek-ve-sikayetlerin-yanitlanmasi": ("approved", "on_track"),
    "meclis-gundem-maddelerinin-zamaninda-teslimi": ("approved", "at_risk"),
    "imar-durumu-belgesi-suresi": ("approved", "achieved"),
    "hizmet-ici-egitim-saati": ("approved", "on_track"),
    "elektronik-surecler": ("approved", "not_achieved"),
    "kisisel-veri-egitimi": ("approved", "on_track"),
    "cevrim-ici-sorularin-yanitlanmasi": ("approved", "on_track"),
    "tedarikci-odeme-suresi": ("submitted", "not_approved"),
    "protokol-egitimi": ("proposed", "not_approved"),
}

DEMOS = {
    "el": {
        "site": "plone",
        "section": "Στόχοι και προγράμματα δράσης",
        "programme": "action-programme-2026",
        "approval_number": "45/2026",
        "goals": GOALS_EL_EN,
        # broken-down goal: its parent
        "children": {"administrative-requests-on-time": "requests-answered-on-time"},
    },
    "tr": {
        "site": "belediye",
        "section": "Hedefler ve eylem programları",
        "programme": "eylem-programi-2026",
        "approval_number": "38/2026",
        "goals": GOALS_TR,
        "children": {
            "dilek-ve-sikayetlerin-yanitlanmasi": (
                "vatandas-taleplerinin-suresinde-yanitlanmasi"
            )
        },
    },
    "en": {
        "section": "Goals and action programmes",
        "programme": "action-programme-2026",
        "approval_number": "45/2026",
        "goals": GOALS_EL_EN,
        "children": {"administrative-requests-on-time": "requests-answered-on-time"},
    },
}


@pytest.fixture(params=["el", "tr"])
def demo(request, app):
    """The demo of a language as imported: (expectations, site)."""
    expected = DEMOS[request.param]
    site = app[expected["site"]]
    with active_site(site):
        yield expected, site


@pytest.fixture
def demo_programme(demo):
    expected, site = demo
    return site.unrestrictedTraverse(f"goals/{expected['programme']}")


def goals_of(programme) -> dict:
    return {
        goal.getId(): goal
        for goal in programme.objectValues()
        if goal.portal_type == "Goal"
    }


def progress_of(goal) -> list:
    return [item for item in goal.objectValues() if item.portal_type == "GoalProgress"]


def test_section_and_programme_published(demo, demo_programme):
    programme = demo_programme
    expected, site = demo
    section = site["goals"]
    assert section.portal_type == "Folder"
    assert section.Title() == expected["section"]
    assert section.Description()
    assert api.content.get_state(section) == "published"
    assert programme.portal_type == "ActionProgramme"
    assert api.content.get_state(programme) == "published"
    assert programme.programme_year == 2026
    assert programme.approval_number == expected["approval_number"]
    assert programme.approval_date.year == 2026
    assert programme.approval_date.month == 2
    assert programme.Description()
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog.unrestrictedSearchResults(
        portal_type="ActionProgramme",
        programme_year=2026,
        allowedRolesAndUsers=["Anonymous"],
    )


def test_goals_cover_categories_and_units(demo, demo_programme):
    programme = demo_programme
    expected, site = demo
    goals = goals_of(programme)
    assert set(goals) == set(expected["goals"])
    assert {goal.category for goal in goals.values()} == CATEGORIES
    units = {goal.goal_unit for goal in goals.values()}
    assert len(units) >= 4
    for uid in units:
        unit = uuidToObject(uid, unrestricted=True)
        assert unit is not None
        assert unit.portal_type == "Unit"
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Goal", programme_year=2026)
    assert {brain.getId for brain in brains} == set(goals)
    for category in CATEGORIES:
        assert catalog.unrestrictedSearchResults(
            portal_type="Goal", goal_category=category
        )


def test_goal_fields(demo, demo_programme):
    programme = demo_programme
    for goal in goals_of(programme).values():
        assert goal.indicator
        assert goal.measure_unit
        assert isinstance(goal.baseline, float)
        assert isinstance(goal.target, float)
        assert goal.baseline != goal.target
        assert 1 <= goal.weight <= 100
        assert goal.due_date.year == 2026


def test_goal_states_and_statuses(demo, demo_programme):
    programme = demo_programme
    expected, site = demo
    goals = goals_of(programme)
    for goal_id, (state, status) in expected["goals"].items():
        goal = goals[goal_id]
        assert api.content.get_state(goal) == state, goal_id
        assert measure(goal, TODAY).status == status, goal_id
    statuses = {status for _state, status in expected["goals"].values()}
    assert {"on_track", "at_risk", "achieved", "not_achieved"} <= statuses
    # A goal to reduce a figure: its target lies below its baseline.
    assert any(goal.target < goal.baseline for goal in goals.values())


def test_only_approved_goals_are_public(demo):
    expected, site = demo
    catalog = api.portal.get_tool("portal_catalog")
    public = {
        brain.getId
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Goal", allowedRolesAndUsers=["Anonymous"]
        )
    }
    approved = {
        goal_id
        for goal_id, (state, _status) in expected["goals"].items()
        if state == "approved"
    }
    assert public == approved


def test_progress_updates(demo, demo_programme):
    programme = demo_programme
    expected, site = demo
    for goal_id, goal in goals_of(programme).items():
        updates = progress_of(goal)
        if expected["goals"][goal_id][0] != "approved":
            assert not updates, goal_id
            continue
        assert 1 <= len(updates) <= 3, goal_id
        for update in updates:
            assert api.content.get_state(update) == "recorded"
            assert date(2026, 1, 1) <= update.progress_date < date(2026, 11, 20)
            assert isinstance(update.value, float)
            assert update.note
            assert "admin" not in update.Title()
        assert measure(goal, TODAY).latest is not None


def test_broken_down_goals_resolve(demo, demo_programme):
    programme = demo_programme
    expected, site = demo
    goals = goals_of(programme)
    with_parent = {goal_id: goal for goal_id, goal in goals.items() if goal.parent_goal}
    assert set(with_parent) == set(expected["children"])
    for goal_id, goal in with_parent.items():
        parent = uuidToObject(goal.parent_goal, unrestricted=True)
        assert parent is not None
        assert parent.getId() == expected["children"][goal_id]
        assert parent.aq_parent.UID() == programme.UID()
        assert api.content.get_state(parent) == "approved"
        assert api.content.get_state(goal) == "approved"


# The trees as written, English included.


def read_tree(language: str) -> tuple[dict, dict]:
    """The metadata and the items by UID of a language's demo content."""
    base = demo_content_dir(language) / "content"
    metadata = json.loads((base / "__metadata__.json").read_text("utf-8"))
    items = {}
    for name in metadata["_data_files_"]:
        data = json.loads((base / name).read_text("utf-8"))
        items[data["UID"]] = data
    return metadata, items


@pytest.mark.parametrize("language", ["el", "tr", "en"])
def test_demo_files(language):
    expected = DEMOS[language]
    metadata, items = read_tree(language)
    by_path = {data["@id"]: data for data in items.values()}
    position = {
        name.split("/")[0]: index for index, name in enumerate(metadata["_data_files_"])
    }
    section = by_path["/goals"]
    assert section["title"] == expected["section"]
    assert section["review_state"] == "published"
    programme = by_path[f"/goals/{expected['programme']}"]
    assert programme["review_state"] == "published"
    assert programme["programme_year"] == 2026
    assert programme["approval_number"] == expected["approval_number"]

    goals = {
        data["id"]: data
        for data in items.values()
        if data["@type"] == "Goal" and data["parent"]["UID"] == programme["UID"]
    }
    assert set(goals) == set(expected["goals"])
    assert {goal["category"] for goal in goals.values()} == CATEGORIES
    units = {goal["goal_unit"] for goal in goals.values()}
    assert len(units) >= 4
    assert {items[uid]["@type"] for uid in units} == {"Unit"}

    new = [section, programme, *goals.values()]
    for goal_id, goal in goals.items():
        state, status = expected["goals"][goal_id]
        assert goal["review_state"] == state
        history = goal["workflow_history"]["municipality_goal_workflow"]
        assert history[-1]["review_state"] == state
        parent_uid = goal.get("parent_goal")
        if parent_uid:
            assert items[parent_uid]["id"] == expected["children"][goal_id]
            assert position[parent_uid] < position[goal["UID"]]
        updates = sorted(
            (
                data
                for data in items.values()
                if data["@type"] == "GoalProgress"
                and data["parent"]["UID"] == goal["UID"]
            ),
            key=lambda data: data["progress_date"],
        )
        new.extend(updates)
        if state != "approved":
            assert not updates
            continue
        # The status the site derives, from the files alone.
        percent = percent_of_target(
            goal["baseline"], goal["target"], updates[-1]["value"]
        )
        due = date.fromisoformat(goal["due_date"])
        assert status_of(percent, date(2026, 1, 1), due, TODAY, 10) == status

    for data in new:
        uid = data["UID"]
        assert data["@id"].rsplit("/", 1)[-1] == data["id"]
        parent_uid = data["parent"]["UID"]
        if parent_uid != "plone_site_root":
            assert position[parent_uid] < position[uid]
            assert items[parent_uid]["@id"] == data["parent"]["@id"]
        assert uid in metadata["ordering"]
        assert metadata["local_roles"][uid] == {"local_roles": {"admin": ["Owner"]}}
        (workflow_history,) = data["workflow_history"].values()
        assert workflow_history[-1]["review_state"] == data["review_state"]
        assert data["created"] <= data["modified"]
