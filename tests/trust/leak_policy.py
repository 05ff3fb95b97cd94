"""Who may see each content type in each workflow state: the leak tests' oracle.

PUBLIC: everybody. STAFF: every signed-in member of staff, also of an
unrelated unit. RESTRICTED: only the item's own unit, its responsible units
and the General Secretariat. PERSONAL: only the person it concerns, the head
(editors) of their unit and the General Secretariat, never the rest of the
unit. A type or state missing here fails the tests:
whoever adds one decides its visibility here, on purpose.
"""

PUBLIC, STAFF, RESTRICTED = "public", "staff", "restricted"
PERSONAL = "personal"

STAFF_REQUEST_STATES = (
    "draft",
    "submitted",
    "endorsed",
    "approved",
    "rejected",
    "cancelled",
)

POLICY = {
    "Unit": {"private": RESTRICTED, "internal": STAFF, "published": PUBLIC},
    "Person": {"private": RESTRICTED, "internal": STAFF, "published": PUBLIC},
    "ServiceStandard": {"private": RESTRICTED, "internal": STAFF, "published": PUBLIC},
    "Circular": {
        "draft": RESTRICTED,
        "pending": RESTRICTED,
        "issued": STAFF,
        "published": PUBLIC,
        "superseded": STAFF,
        "superseded_public": PUBLIC,
        "withdrawn": STAFF,
        "withdrawn_public": PUBLIC,
    },
    "Meeting": {"draft": RESTRICTED, "internal": STAFF, "published": PUBLIC},
    # Its protocol notes are staff-only even when the event is public.
    "ProtocolEvent": {"draft": RESTRICTED, "internal": STAFF, "published": PUBLIC},
    "Minutes": {
        "draft": RESTRICTED,
        "approved": RESTRICTED,
        "published": PUBLIC,
        "circulated": STAFF,
    },
    "Decision": {"draft": RESTRICTED, "recorded": STAFF, "published": PUBLIC},
    "Instruction": {"draft": RESTRICTED, "given": RESTRICTED},
    # Never public, even on a public decision.
    "ProgressNote": {"recorded": RESTRICTED},
    "ActionProgramme": {
        "draft": STAFF,
        "approved": STAFF,
        "published": PUBLIC,
        "closed": STAFF,
        "closed_public": PUBLIC,
    },
    # Approved goals take their programme's visibility: the builder puts them
    # in a published programme (tests/goals covers the internal ones).
    "Goal": {
        "proposed": RESTRICTED,
        "submitted": RESTRICTED,
        "approved": PUBLIC,
        "closed": PUBLIC,
    },
    # Only their figures appear, on the goal's page.
    "GoalProgress": {"recorded": RESTRICTED},
    # Personal data: the Private Office, the General Secretariat and the
    # assigned unit only, in every state (the status page shows no item).
    "CitizenRequest": {
        "received": RESTRICTED,
        "assigned": RESTRICTED,
        "in_progress": RESTRICTED,
        "answered": RESTRICTED,
        "closed": RESTRICTED,
    },
    # Leave and travel of a member of staff: never public, in no state.
    "LeaveRequest": dict.fromkeys(STAFF_REQUEST_STATES, PERSONAL),
    "TravelRequest": dict.fromkeys(STAFF_REQUEST_STATES, PERSONAL),
}

# Types without a workflow take their container's visibility.
INHERITED = {"AgendaItem", "File", "Image"}


def sees(persona: str, level: str) -> bool:
    if persona == "anonymous":
        return level == PUBLIC
    if persona == "outsider":
        return level in (PUBLIC, STAFF)
    raise ValueError(persona)
