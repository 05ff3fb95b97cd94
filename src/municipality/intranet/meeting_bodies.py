"""The bodies that meet: the Council, its committees, coordination councils.

The list is kept in the registry (control panel) as lines of
``id | public | title``: ``public`` bodies (the Council and its committees)
publish their agendas, minutes and decisions on the website; the others
(coordination councils, briefings) keep them for staff.
"""

from municipality.intranet import _
from plone import api
from zope.i18n import translate
from zope.schema import ValidationError


RECORD = "municipality.intranet.meeting_bodies"

# id, title, public: what a new site starts with, in its own language.
DEFAULT_BODIES = (
    ("council", _("Municipal Council"), True),
    ("finance-committee", _("Finance Committee"), True),
    ("quality-of-life-committee", _("Quality of Life Committee"), True),
    ("executive-committee", _("Executive Committee"), True),
    ("coordination-council", _("Coordination Council"), False),
    ("mayor-briefing", _("Mayor's briefing"), False),
    ("goal-setting", _("Goal-setting meeting"), False),
)

PUBLIC, INTERNAL = "public", "internal"


class InvalidBodyLine(ValidationError):
    __doc__ = _(
        "Write each body on its own line as: id | public or internal | title, "
        "with a unique id of lower-case letters, digits and hyphens."
    )


def parse_line(line: str) -> tuple[str, bool, str] | None:
    """``(id, public, title)`` of one line, None for a blank line."""
    if not line.strip():
        return None
    parts = [part.strip() for part in line.split("|")]
    if len(parts) != 3 or parts[1] not in (PUBLIC, INTERNAL) or not parts[2]:
        raise InvalidBodyLine(line)
    body_id = parts[0]
    if not body_id or not all(
        c.isascii() and (c.isalnum() or c == "-") for c in body_id
    ):
        raise InvalidBodyLine(line)
    return body_id.lower(), parts[1] == PUBLIC, parts[2]


def check_lines(lines) -> bool:
    """Constraint of the control panel field: every line parses, ids unique."""
    seen = set()
    for line in lines or ():
        parsed = parse_line(line)
        if parsed is None:
            continue
        if parsed[0] in seen:
            raise InvalidBodyLine(line)
        seen.add(parsed[0])
    return True


def default_lines(language: str) -> list[str]:
    return [
        f"{body_id} | {PUBLIC if public else INTERNAL} | "
        f"{translate(title, target_language=language)}"
        for body_id, title, public in DEFAULT_BODIES
    ]


def bodies() -> list[tuple[str, bool, str]]:
    """The configured bodies, in the order the office listed them."""
    try:
        lines = api.portal.get_registry_record(RECORD, default=None)
    except api.exc.CannotGetPortalError:
        lines = None
    if lines is None:
        lines = default_lines("en")
    result = []
    for line in lines:
        try:
            parsed = parse_line(line)
        except InvalidBodyLine:
            continue
        if parsed is not None:
            result.append(parsed)
    return result


def body_title(body_id: str) -> str:
    for known_id, _public, title in bodies():
        if known_id == body_id:
            return title
    return body_id or ""


def is_public_body(body_id: str) -> bool:
    """Whether the body meets in public; an unknown body is internal."""
    return any(known == body_id and public for known, public, _t in bodies())
