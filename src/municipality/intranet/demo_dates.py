"""Demo content that does not age: its dates move to the day a site is made.

The demo (``content/<language>``) describes the municipality as it stood on
``DEMO_TODAY``: meetings held and coming, circulars issued, decisions
followed up, an action programme under way, a protocol calendar. Imported
as written a year later, every "coming" meeting would be past and the
programme a closed year's. So a new site gets a copy whose dates are moved:

- most things move by the same whole number of weeks, the one that brings
  ``DEMO_TODAY`` nearest to the site's today: every interval (a deadline
  ten working days after its request, a session two weeks after the last)
  and every weekday (the council meets on Thursdays) stays as it was;
- the action programme and its goals are year-bound (a programme is one
  calendar year's, goals are due by 30 June or 31 December): they move by
  whole years, to this year's programme; progress that would then be dated
  after today is left out, as it has not happened yet;
- an event on a moving feast (the second day of Ramazan Bayramı) moves to
  the same day of the same feast in its new year (the holidays library);
- holidays and commemorations that recur every year keep their day of the
  year (25 March stays 25 March) and move by the whole years nearest to the
  weeks above; circulars, which speak of their season ("opening hours from
  15 June to 15 September"), keep theirs too and move by the most whole
  years that leave every issue date in the past;
- what the demo says of a date follows it: ids, titles, texts and numbers
  (``council-2026-11-12``, ``Πρόοδος 29.05.2026``, decision ``186/2026``, the
  circular ``2025/0004`` another circular replaces) are rewritten with the
  moved dates and years; the time of day is kept in the site's time zone;
- nothing is recorded after today: creation, modification, publication and
  workflow times later than today are set to today.

Existing sites are never touched: this runs on a copy of the tree, before the
import, only when a site is created.
"""

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from functools import lru_cache
from municipality.intranet.settings import COUNTRY_BY_LANGUAGE
from municipality.intranet.working_days import holiday_names
from pathlib import Path

import json
import pytz
import re
import shutil
import tempfile


# The day the demo content describes as today.
DEMO_TODAY = date(2026, 11, 22)

# Years that a text of the demo may name and that follow its dates.
DEMO_YEARS = (2025, 2026, 2027)

# Fields with the date an item is about (its "reference" date), in order.
REFERENCE_FIELDS = ("start", "issue_date", "given_on", "note_date", "approved_on")
# Fields that hold a number with a year (``186/2026``, ``2026/0002``).
NUMBER_FIELDS = ("protocol_number", "decision_number", "approval_number")
# Record times: when something was done, never after today.
RECORD_FIELDS = ("created", "modified", "effective")
# Days on which something was done (a programme approved): never after today.
DONE_ON_FIELDS = ("approval_date", "approved_on")
# Year-bound content: moved by whole years with the programme.
YEAR_BOUND_TYPES = ("ActionProgramme", "Goal", "GoalProgress")

ISO = (
    r"(?<!\w)\d{4}-\d{2}-\d{2}"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?"
)
DOTTED = r"(?<!\w)\d{2}\.\d{2}\.\d{4}(?!\w)"
# Month names as the demo's texts use them: Greek in the nominative,
# genitive and accusative, Turkish, English ("May" only beside a number).
MONTHS = {
    "el_nom": "Ιανουάριος Φεβρουάριος Μάρτιος Απρίλιος Μάιος Ιούνιος Ιούλιος "
    "Αύγουστος Σεπτέμβριος Οκτώβριος Νοέμβριος Δεκέμβριος",
    "el_gen": "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου "
    "Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου",
    "el_acc": "Ιανουάριο Φεβρουάριο Μάρτιο Απρίλιο Μάιο Ιούνιο Ιούλιο "
    "Αύγουστο Σεπτέμβριο Οκτώβριο Νοέμβριο Δεκέμβριο",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "en": "January February March April May June July August September October "
    "November December",
}
MONTH_OF = {
    name: (form, number)
    for form, names in MONTHS.items()
    for number, name in enumerate(names.split(), start=1)
}
MONTH_NAMES = "|".join(sorted(MONTH_OF, key=len, reverse=True))
# "16 Νοεμβρίου 2026", "12ης Νοεμβρίου", "Νοέμβριος 2026", "Aralık ayı".
MONTH_PHRASE = (
    r"(?<!\w)(?:(?P<day>\d{1,2})(?P<ordinal>ης|η)?\s+)?"
    rf"(?P<month>{MONTH_NAMES})(?!\w)(?:\s+(?P<year>\d{{4}})(?!\w))?"
)
YEAR = r"(?<!\w)(?:" + "|".join(str(year) for year in DEMO_YEARS) + r")(?!\w)"


@dataclass(frozen=True)
class Shift:
    """How one item's dates move: by days or by whole years."""

    days: int = 0
    years: int = 0

    def day(self, value: date) -> date:
        if self.years:
            try:
                return value.replace(year=value.year + self.years)
            except ValueError:  # 29 February in a common year
                return value.replace(year=value.year + self.years, day=28)
        return value + timedelta(days=self.days)

    def moment(self, value: datetime, zone) -> datetime:
        """Move an aware datetime, keeping its time of day in ``zone``."""
        local = value.astimezone(zone)
        moved = zone.localize(
            datetime.combine(self.day(local.date()), local.time().replace(tzinfo=None))
        )
        return moved.astimezone(value.tzinfo) if not value.utcoffset() else moved

    def label_years(self, reference: date) -> int:
        """How many years a year named by the item moves."""
        return self.day(reference).year - reference.year


@dataclass(frozen=True)
class Plan:
    """The moves for a site made on ``today``."""

    today: date
    now: datetime
    zone: pytz.BaseTzInfo

    @property
    def weeks(self) -> Shift:
        return Shift(days=round((self.today - DEMO_TODAY).days / 7) * 7)

    @property
    def yearly(self) -> Shift:
        return Shift(years=round(self.weeks.days / 365.2425))

    @property
    def programme(self) -> Shift:
        return Shift(years=self.today.year - DEMO_TODAY.year)

    @property
    def moves(self) -> bool:
        return bool(self.weeks.days or self.programme.years or self.yearly.years)


def make_plan(today: date | None, zone_name: str) -> Plan:
    """The plan for a site made today (or on ``today``) in ``zone_name``."""
    zone = pytz.timezone(zone_name or "UTC")
    if today is None:
        now = datetime.now(pytz.utc).astimezone(zone)
        return Plan(today=now.date(), now=now, zone=zone)
    now = zone.localize(datetime.combine(today, time(8)))
    return Plan(today=today, now=now, zone=zone)


def day_of(value: str) -> date:
    return date.fromisoformat(value[:10])


@lru_cache(maxsize=64)
def feast_days(country: str, year: int) -> dict[date, str]:
    """The country's public holidays of ``year`` by day, with comparable names.

    The library marks far years' Islamic dates "(estimated)": the same feast.
    """
    return {
        day: re.sub(r"\s*\(.*\)$", "", name)
        for day, name in holiday_names(country, year).items()
    }


def first_day_of(day: date, name: str, country: str) -> date:
    """The first day of a feast of several days (Kurban Bayramı has four)."""
    while (
        feast_days(country, (day - timedelta(days=1)).year).get(day - timedelta(days=1))
        == name
    ):
        day -= timedelta(days=1)
    return day


def parse_day(value) -> date | None:
    """``YYYY-MM-DD`` (or a date) as a date; nothing for nothing."""
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as error:
        raise ValueError(
            f"demo_today must be a date as YYYY-MM-DD, not {value!r}"
        ) from error


class DemoTree:
    """The items of one plone.exportimport tree, with their moves."""

    def __init__(self, root: Path, plan: Plan):
        self.root = root
        self.plan = plan
        self.files = {}
        self.items = {}
        for path in sorted((root / "content").glob("*/data.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            self.files[data["UID"]] = path
            self.items[data["UID"]] = data
        self.by_path = {data["@id"]: uid for uid, data in self.items.items()}
        self.circulars = Shift(years=self.circular_years())

    def circular_years(self) -> int:
        """The most whole years circulars move with none issued after today.

        A circular speaks of its season and dates ("opening hours from 15
        June to 15 September"): it keeps its day of the year and stays in
        the register's past.
        """
        issued = [
            day_of(data["issue_date"])
            for data in self.items.values()
            if data.get("@type") == "Circular" and data.get("issue_date")
        ]
        years = self.plan.programme.years
        while years > 0 and any(
            Shift(years=years).day(day) > self.plan.today for day in issued
        ):
            years -= 1
        return max(years, 0)

    def parent(self, data) -> dict | None:
        parent = data.get("parent") or {}
        uid = parent.get("UID") or self.by_path.get(parent.get("@id"))
        return self.items.get(uid)

    def shift_of(self, data) -> Shift:
        if self.year_bound(data):
            return self.plan.programme
        if "FREQ=YEARLY" in (data.get("recurrence") or ""):
            return self.plan.yearly
        if data.get("@type") == "Circular":
            return self.circulars
        if data.get("@type") == "ProtocolEvent" and data.get("start"):
            moved = self.holiday_shift(day_of(data["start"]))
            if moved is not None:
                return moved
        return self.plan.weeks

    def holiday_shift(self, start: date) -> Shift | None:
        """An event on a public holiday moves to the same holiday.

        Ramazan Bayramı or Orthodox Easter move from year to year: an event on
        its second day lands on the second day of the same feast nearest the
        date the weeks would give, not on an ordinary day.
        """
        country = COUNTRY_BY_LANGUAGE.get(self.root.name)
        if not country:
            return None
        name = feast_days(country, start.year).get(start)
        if name is None:
            return None
        target = self.plan.weeks.day(start)
        offset = (start - first_day_of(start, name, country)).days
        firsts = [
            day
            for year in (target.year - 1, target.year, target.year + 1)
            for day, each in feast_days(country, year).items()
            if each == name and first_day_of(day, name, country) == day
        ]
        if not firsts:
            return None
        nearest = min(firsts, key=lambda day: abs((day - target).days))
        return Shift(days=(nearest + timedelta(days=offset) - start).days)

    def year_bound(self, data) -> bool:
        while data is not None:
            if data.get("@type") in YEAR_BOUND_TYPES:
                return True
            data = self.parent(data)
        return False

    def reference(self, data) -> date:
        """The day an item is about: its own date, its meeting's, or creation."""
        item = data
        while item is not None:
            for name in REFERENCE_FIELDS:
                if item.get(name):
                    return day_of(str(item[name]))
            if item.get("@type") in ("Folder", "Unit", "Plone Site"):
                break
            item = self.parent(item)
        return day_of(str(data.get("created") or DEMO_TODAY))

    def label_years(self, data) -> int:
        return self.shift_of(data).label_years(self.reference(data))

    def numbers(self) -> dict[str, str]:
        """Each number the demo gives (``186/2026``) and what it becomes."""
        found = {}
        for data in self.items.values():
            years = self.label_years(data)
            for name in NUMBER_FIELDS:
                value = data.get(name)
                if isinstance(value, str) and value:
                    found[value] = moved_years(value, years)
        return found


def moved_years(text: str, years: int) -> str:
    """``text`` with each year the demo names moved by ``years``."""
    return re.sub(YEAR, lambda match: str(int(match.group()) + years), text)


class Rewriter:
    """Rewrites the dates, years and numbers in one item's strings."""

    def __init__(
        self, plan: Plan, shift: Shift, years: int, numbers: dict, reference: date
    ):
        self.plan = plan
        self.shift = shift
        self.years = years
        self.numbers = numbers
        self.reference = reference
        known = sorted(numbers, key=len, reverse=True)
        alternatives = [re.escape(number) for number in known if number]
        alternatives += [ISO, DOTTED, MONTH_PHRASE, YEAR]
        self.pattern = re.compile("|".join(f"(?:{a})" for a in alternatives))

    def __call__(self, text: str) -> str:
        return self.pattern.sub(self.replace, text)

    def replace(self, match) -> str:
        found = match.group()
        if found in self.numbers:
            return self.numbers[found]
        if re.fullmatch(ISO, found):
            return self.iso(found)
        if re.fullmatch(DOTTED, found):
            day = datetime.strptime(found, "%d.%m.%Y").date()
            return self.shift.day(day).strftime("%d.%m.%Y")
        if match.group("month"):
            return self.month_phrase(match)
        return str(int(found) + self.years)

    def month_phrase(self, match) -> str:
        """A date or a month in words, moved; its year only if it had one."""
        form, month = MONTH_OF[match.group("month")]
        day, year = match.group("day"), match.group("year")
        if form == "en" and month == 5 and not (day or year):
            return match.group()  # "May" the verb
        if year is None:
            year = self.nearest_year(month, int(day or 15))
        try:
            moved = self.shift.day(date(int(year), month, int(day or 15)))
        except ValueError:  # 31 in a shorter month: not a date, leave it
            return match.group()
        text = MONTHS[form].split()[moved.month - 1]
        if day:
            text = f"{moved.day}{match.group('ordinal') or ''} {text}"
        if match.group("year"):
            text = f"{text} {moved.year}"
        return text

    def nearest_year(self, month: int, day: int) -> int:
        """The year that brings a day named without one nearest the item's."""
        years = range(self.reference.year - 1, self.reference.year + 2)
        return min(
            years,
            key=lambda year: abs(
                (date(year, month, min(day, 28)) - self.reference).days
            ),
        )

    def iso(self, found: str) -> str:
        if len(found) == 10:
            return self.shift.day(date.fromisoformat(found)).isoformat()
        value = datetime.fromisoformat(found.replace("Z", "+00:00"))
        if value.tzinfo is None:
            value = self.plan.zone.localize(value)
        return self.shift.moment(value, self.plan.zone).isoformat()


def rewrite(value, rewriter: Rewriter):
    """Every string in ``value`` rewritten (lists and mappings followed)."""
    if isinstance(value, str):
        return rewriter(value)
    if isinstance(value, list):
        return [rewrite(item, rewriter) for item in value]
    if isinstance(value, dict):
        return {key: rewrite(item, rewriter) for key, item in value.items()}
    return value


def not_after(text: str, plan: Plan) -> str:
    """A record time no later than the plan's now."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = plan.zone.localize(value)
    if value <= plan.now:
        return text
    return plan.now.astimezone(value.tzinfo).isoformat()


RECORD_TIME = re.compile(r"('time': ')([^']+)(')")


def moved_item(data: dict, tree: DemoTree, numbers: dict) -> dict:
    plan = tree.plan
    shift = tree.shift_of(data)
    years = tree.label_years(data)
    rewriter = Rewriter(plan, shift, years, numbers, tree.reference(data))
    moved = {}
    for key, value in data.items():
        if key in ("UID", "@type", "parent", "@id"):
            moved[key] = value
        elif isinstance(value, int) and not isinstance(value, bool):
            moved[key] = value + years if key.endswith("_year") else value
        else:
            moved[key] = rewrite(value, rewriter)
    for name in RECORD_FIELDS:
        if moved.get(name):
            moved[name] = not_after(moved[name], plan)
    for name in DONE_ON_FIELDS:
        value = moved.get(name)
        if (
            isinstance(value, str)
            and len(value) == 10
            and value > plan.today.isoformat()
        ):
            moved[name] = plan.today.isoformat()
    history = moved.get("workflow_history")
    if isinstance(history, str):  # as some exports write it: a Python repr
        moved["workflow_history"] = RECORD_TIME.sub(
            lambda m: m.group(1) + not_after(m.group(2), plan) + m.group(3), history
        )
    elif isinstance(history, dict):
        for entries in history.values():
            for entry in entries:
                if isinstance(entry, dict) and entry.get("time"):
                    entry["time"] = not_after(entry["time"], plan)
    return moved


def in_the_future(data: dict, plan: Plan) -> bool:
    """Progress reported for a day after today has not happened yet."""
    value = data.get("progress_date")
    return (
        data.get("@type") == "GoalProgress"
        and bool(value)
        and (day_of(value) > plan.today)
    )


def move_tree(source: Path, target: Path, plan: Plan) -> Path:
    """Copy the tree ``source`` to ``target`` with its dates moved by ``plan``."""
    shutil.copytree(source, target)
    tree = DemoTree(source, plan)
    numbers = tree.numbers()
    moved = {uid: moved_item(data, tree, numbers) for uid, data in tree.items.items()}
    dropped = {uid for uid, data in moved.items() if in_the_future(data, plan)}
    # New paths: each item's moved id under its parent's new path.
    paths = {}

    def path_of(uid: str) -> str:
        if uid not in paths:
            data = tree.items[uid]
            parent = tree.parent(data)
            if data.get("@type") == "Plone Site":
                paths[uid] = "/"
            else:
                # A parent outside the tree (made by the profile) keeps its path.
                base = (
                    path_of(parent["UID"])
                    if parent is not None
                    else (data.get("parent") or {}).get("@id", "/")
                )
                paths[uid] = f"{base.rstrip('/')}/{moved[uid]['id']}"
        return paths[uid]

    for uid, data in moved.items():
        target_file = target / tree.files[uid].relative_to(source)
        if uid in dropped:
            shutil.rmtree(target_file.parent)
            continue
        if data.get("@type") != "Plone Site":
            data["@id"] = path_of(uid)
        parent = tree.parent(tree.items[uid])
        if parent is not None and isinstance(data.get("parent"), dict):
            data["parent"] = {**data["parent"], "@id": path_of(parent["UID"])}
        target_file.write_text(
            json.dumps(data, ensure_ascii=False, indent=4), encoding="utf-8"
        )
    if dropped:
        forget(
            target,
            dropped,
            {tree.files[uid].relative_to(source / "content") for uid in dropped},
        )
    return target


def forget(target: Path, uids: set, files: set) -> None:
    """Leave the items left out out of the tree's metadata and relations."""
    metadata_file = target / "content" / "__metadata__.json"
    metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
    names = {str(path) for path in files}
    metadata["_data_files_"] = [
        name for name in metadata.get("_data_files_", []) if name not in names
    ]
    for key in ("default_page", "local_roles", "ordering"):
        if isinstance(metadata.get(key), dict):
            metadata[key] = {
                uid: value for uid, value in metadata[key].items() if uid not in uids
            }
    metadata_file.write_text(
        json.dumps(metadata, ensure_ascii=False, indent=4), encoding="utf-8"
    )
    relations_file = target / "relations.json"
    if relations_file.is_file():
        relations = json.loads(relations_file.read_text(encoding="utf-8"))
        relations = [
            relation
            for relation in relations
            if relation.get("from_uuid") not in uids
            and relation.get("to_uuid") not in uids
        ]
        relations_file.write_text(
            json.dumps(relations, ensure_ascii=False, indent=2), encoding="utf-8"
        )


def demo_for(
    source: Path, plan: Plan
) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    """The tree to import: ``source`` itself, or a moved copy of it.

    The caller keeps the returned TemporaryDirectory (if any) until the
    import is done, then cleans it up.
    """
    if not plan.moves:
        return source, None
    folder = tempfile.TemporaryDirectory(prefix="municipality-demo-")
    return move_tree(source, Path(folder.name) / source.name, plan), folder
