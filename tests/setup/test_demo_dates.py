"""The demo content moves to the day a site is made, keeping what it says true.

These tests read the demo trees of ``content/`` and their moved copies as
plain JSON: no site is made (a site made on a given day: tests/instance).
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from dateutil.rrule import rrulestr
from municipality.intranet.demo_dates import demo_for
from municipality.intranet.demo_dates import DEMO_TODAY
from municipality.intranet.demo_dates import feast_days
from municipality.intranet.demo_dates import first_day_of
from municipality.intranet.demo_dates import make_plan
from municipality.intranet.demo_dates import move_tree
from municipality.intranet.demo_dates import parse_day
from municipality.intranet.demo_dates import Rewriter
from municipality.intranet.demo_dates import Shift
from pathlib import Path

import ast
import json
import pytest
import pytz


CONTENT = Path(__file__).parents[2] / "content"
LANGUAGES = ("el", "tr", "en")
ZONES = {"el": "Europe/Athens", "tr": "Europe/Istanbul", "en": "Europe/Athens"}
DAYS = (
    date(2026, 12, 31),
    date(2027, 1, 1),
    date(2028, 2, 29),
    date(2028, 3, 1),
    date(2030, 6, 15),
)


def items(root: Path) -> dict:
    found = {}
    for path in (root / "content").glob("*/data.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[data["UID"]] = data
    return found


def moment(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def day(value: str) -> date:
    return date.fromisoformat(value[:10])


@pytest.fixture(scope="module", params=[(lang, d) for lang in LANGUAGES for d in DAYS])
def moved(request, tmp_path_factory):
    """(original items, moved items, plan) for one language and one day."""
    language, today = request.param
    plan = make_plan(today, ZONES[language])
    target = tmp_path_factory.mktemp("demo") / language
    move_tree(CONTENT / language, target, plan)
    return items(CONTENT / language), items(target), plan, target


@pytest.mark.parametrize("offset", [-3, 0, 3])
def test_the_demo_is_imported_as_written_around_its_own_today(offset):
    plan = make_plan(DEMO_TODAY + timedelta(days=offset), "Europe/Athens")
    tree, temporary = demo_for(CONTENT / "el", plan)
    assert not plan.moves
    assert (tree, temporary) == (CONTENT / "el", None)


def test_a_later_day_imports_a_moved_copy():
    plan = make_plan(date(2027, 5, 4), "Europe/Athens")
    tree, temporary = demo_for(CONTENT / "el", plan)
    try:
        assert tree != CONTENT / "el"
        assert (tree / "content" / "__metadata__.json").is_file()
        assert (CONTENT / "el" / "content" / "__metadata__.json").is_file()
    finally:
        temporary.cleanup()
    assert not tree.exists()


@pytest.mark.parametrize("value", ["2028-02-30", "tomorrow", "01/03/2028"])
def test_a_wrong_day_is_refused(value):
    with pytest.raises(ValueError, match="demo_today"):
        parse_day(value)


def test_meetings_keep_their_weekday_and_some_are_coming(moved):
    before, after, plan, _root = moved
    meetings = [uid for uid, data in after.items() if data["@type"] == "Meeting"]
    assert meetings
    for uid in meetings:
        assert moment(after[uid]["start"]).weekday() == (
            moment(before[uid]["start"]).weekday()
        )
        length = moment(after[uid]["end"]) - moment(after[uid]["start"])
        assert length == moment(before[uid]["end"]) - moment(before[uid]["start"])
    starts = [moment(after[uid]["start"]).date() for uid in meetings]
    assert any(start > plan.today for start in starts)
    assert any(start < plan.today for start in starts)


def test_deadlines_keep_their_distance_to_the_meeting(moved):
    before, after, _plan, _root = moved
    by_path = {data["@id"]: data for data in after.values()}
    checked = 0
    for uid, data in after.items():
        if data["@type"] != "AgendaItem" or not data.get("preparation_deadline"):
            continue
        meeting = by_path[data["parent"]["@id"]]
        original_meeting = before[meeting["UID"]]
        assert moment(meeting["start"]).date() - day(
            data["preparation_deadline"]
        ) == moment(original_meeting["start"]).date() - day(
            before[uid]["preparation_deadline"]
        )
        checked += 1
    assert checked


def test_the_programme_is_this_years(moved):
    _before, after, plan, _root = moved
    (programme,) = [d for d in after.values() if d["@type"] == "ActionProgramme"]
    assert programme["programme_year"] == plan.today.year
    assert str(plan.today.year) in programme["title"]
    assert str(plan.today.year) in programme["id"]
    assert day(programme["approval_date"]) <= plan.today
    goals = [d for d in after.values() if d["@type"] == "Goal"]
    assert goals
    assert all(day(goal["due_date"]).year == plan.today.year for goal in goals)
    for progress in (d for d in after.values() if d["@type"] == "GoalProgress"):
        assert day(progress["progress_date"]) <= plan.today
        assert progress["@id"].startswith(programme["@id"] + "/")


def occurrences(event) -> list[datetime]:
    start = moment(event["start"])
    if not event.get("recurrence"):
        return [start]
    rule = event["recurrence"].replace("RRULE:", "")
    return list(rrulestr(rule, dtstart=start))


def test_the_protocol_calendar_has_events_this_month(moved):
    _before, after, plan, _root = moved
    events = [d for d in after.values() if d["@type"] == "ProtocolEvent"]
    this_month = [
        event
        for event in events
        for start in occurrences(event)
        if (start.year, start.month) == (plan.today.year, plan.today.month)
    ]
    assert this_month
    for event in events:
        if "FREQ=YEARLY" in (event.get("recurrence") or ""):
            # A holiday keeps its day of the year, and comes again.
            assert any(start.date() >= plan.today for start in occurrences(event))


def test_holidays_keep_their_day_of_the_year(moved):
    before, after, _plan, _root = moved
    for uid, data in after.items():
        if "FREQ=YEARLY" in (data.get("recurrence") or ""):
            old, new = moment(before[uid]["start"]), moment(data["start"])
            assert (new.month, new.day, new.hour) == (old.month, old.day, old.hour)


def test_nothing_is_recorded_after_today(moved):
    _before, after, plan, _root = moved
    for data in after.values():
        for name in ("created", "modified", "effective"):
            if data.get(name):
                assert moment(data[name]) <= plan.now, (data["@id"], name)
        history = data.get("workflow_history")
        if isinstance(history, str):
            history = ast.literal_eval(history)
        if history:
            for entries in history.values():
                for entry in entries:
                    assert moment(entry["time"]) <= plan.now, data["@id"]
        if data["@type"] == "Circular" and data.get("issue_date"):
            assert day(data["issue_date"]) <= plan.today


def test_numbers_follow_their_years(moved):
    _before, after, _plan, _root = moved
    by_path = {data["@id"]: data for data in after.values()}
    for data in after.values():
        if data["@type"] == "Circular" and data.get("protocol_number"):
            year = data["protocol_number"].split("/")[0]
            assert year == data["issue_date"][:4], data["@id"]
        if data["@type"] == "Decision" and "/" in (data.get("decision_number") or ""):
            meeting = by_path[data["parent"]["@id"]]
            while meeting["@type"] != "Meeting":
                meeting = by_path[meeting["parent"]["@id"]]
            year = meeting["start"][:4]
            assert data["decision_number"].endswith(f"/{year}"), data["@id"]
            assert data["decision_year"] == int(year)


def test_paths_stay_whole(moved):
    before, after, _plan, root = moved
    paths = {data["@id"] for data in after.values()}
    for uid, data in after.items():
        if data["@type"] == "Plone Site":
            continue
        assert data["@id"].rsplit("/", 1)[1] == data["id"]
        parent = data["parent"]["@id"]
        if data["parent"]["UID"] == "plone_site_root":
            assert parent == "/"
        elif data["parent"]["UID"] in after:
            assert parent in paths, data["@id"]
        else:  # a section the profile makes, outside the tree
            assert parent == before[uid]["parent"]["@id"]
    metadata = json.loads((root / "content" / "__metadata__.json").read_text())
    for name in metadata["_data_files_"]:
        assert (root / "content" / name).is_file()
    relations = json.loads((root / "relations.json").read_text())
    uids = set(after)
    for relation in relations:
        assert {relation["from_uuid"], relation["to_uuid"]} <= uids


ATHENS = pytz.timezone("Europe/Athens")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Πέμπτη 12 Νοεμβρίου 2026, 18:00", "Πέμπτη 17 Φεβρουαρίου 2028, 18:00"),
        ("της 12ης Νοεμβρίου", "της 17ης Φεβρουαρίου"),
        ("διευθυντών – Νοέμβριος 2026", "διευθυντών – Φεβρουάριος 2028"),
        ("από τον Δεκέμβριο 2026", "από τον Μάρτιο 2028"),
        ("12 Kasım 2026 Perşembe", "17 Şubat 2028 Perşembe"),
        ("Aralık ayı toplantısı", "Mart ayı toplantısı"),
        ("Thursday 12 November 2026", "Thursday 17 February 2028"),
        ("you may come in May", "you may come in May"),
        ("council-2026-11-12", "council-2028-02-17"),
        ("Πρόοδος 12.11.2026", "Πρόοδος 17.02.2028"),
        ("προϋπολογισμός 2027", "προϋπολογισμός 2029"),
        ("Ν. 3852/2010", "Ν. 3852/2010"),
        ("a2026bc2026-11-12", "a2026bc2026-11-12"),
        ("2026-11-12T18:00:00+02:00", "2028-02-17T18:00:00+02:00"),
        ("2026-06-12T18:00:00+03:00", "2027-09-17T18:00:00+03:00"),
        ("2026-11-12T16:00:00+00:00", "2028-02-17T16:00:00+00:00"),
        ("αρ. 2025/0004 και 186/2026", "αρ. 2026/0004 και 186/2028"),
    ],
)
def test_texts_name_the_moved_dates(text, expected):
    plan = make_plan(date(2028, 3, 1), "Europe/Athens")
    numbers = {"2025/0004": "2026/0004", "186/2026": "186/2028"}
    rewriter = Rewriter(plan, Shift(days=462), 2, numbers, date(2026, 11, 12))
    assert rewriter(text) == expected


def test_summer_time_keeps_the_hour_of_the_day():
    """09:00 in Athens in November is 09:00 in Athens in June."""
    plan = make_plan(date(2027, 6, 20), "Europe/Athens")
    shift = Shift(days=7 * 30)
    winter = ATHENS.localize(datetime(2026, 11, 26, 9, 0))
    moved_ = shift.moment(winter, plan.zone)
    assert moved_.astimezone(ATHENS).hour == 9
    assert moved_.utcoffset() == timedelta(hours=3)


def test_events_on_moving_feasts_stay_on_them(moved):
    before, after, _plan, root = moved
    country = {"el": "GR", "tr": "TR", "en": "GR"}[root.name]
    checked = 0
    for uid, data in after.items():
        if data["@type"] != "ProtocolEvent" or data.get("recurrence"):
            continue
        old, new = day(before[uid]["start"]), day(data["start"])
        name = feast_days(country, old.year).get(old)
        if name is None:
            continue
        assert feast_days(country, new.year).get(new) == name, data["@id"]
        assert (old - first_day_of(old, name, country)) == (
            new - first_day_of(new, name, country)
        )
        assert str(new.year) in data["id"]
        checked += 1
    if root.name == "tr":
        assert checked  # the second day of Ramazan Bayramı
