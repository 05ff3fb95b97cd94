"""The kinds of leave, configured by the General Secretariat.

Registry lines ``id | title | reason``: a third part (any text) means the
kind needs a written reason. Titles are translated when they are one of
ours ("Annual leave"), shown as written otherwise.
"""

from municipality.intranet import _
from plone import api
from typing import NamedTuple
from zope.schema import ValidationError


LEAVE_KINDS_RECORD = "municipality.intranet.leave_kinds"

# The default lines, so that their titles are in the translation catalog.
DEFAULT_TITLES = (
    _("Annual leave"),
    _("Sick leave"),
    _("Unpaid leave"),
    _("Special leave"),
)


class LeaveKind(NamedTuple):
    id: str
    title: str
    needs_reason: bool


class InvalidLeaveKindLine(ValidationError):
    __doc__ = _(
        "Write each kind of leave as id | title, or id | title | reason when "
        "the kind needs a written reason; the id in small Latin letters."
    )


def parse_kind(line: str) -> LeaveKind:
    parts = [part.strip() for part in line.split("|")]
    kind_id = parts[0]
    if not kind_id or not kind_id.replace("-", "").isalnum() or not kind_id.isascii():
        raise ValueError(line)
    title = parts[1] if len(parts) > 1 and parts[1] else kind_id
    return LeaveKind(kind_id.lower(), title, len(parts) > 2 and bool(parts[2]))


def check_kind_lines(value) -> bool:
    for line in value or ():
        try:
            parse_kind(line)
        except ValueError as error:
            raise InvalidLeaveKindLine(line) from error
    return True


def leave_kinds() -> list[LeaveKind]:
    lines = api.portal.get_registry_record(LEAVE_KINDS_RECORD, default=None) or ()
    kinds, seen = [], set()
    for line in lines:
        try:
            kind = parse_kind(line)
        except ValueError:
            continue
        if kind.id not in seen:
            seen.add(kind.id)
            kinds.append(kind)
    return kinds


def kind_by_id(kind_id: str) -> LeaveKind | None:
    for kind in leave_kinds():
        if kind.id == kind_id:
            return kind
    return None
