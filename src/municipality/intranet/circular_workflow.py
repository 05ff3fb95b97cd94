"""What happens when a circular moves through its workflow."""

from municipality.intranet import _
from municipality.intranet.circular_mail import send_after_commit
from municipality.intranet.circular_numbering import first_free
from municipality.intranet.circular_numbering import format_number
from municipality.intranet.circular_recipients import recipient_units
from municipality.intranet.site_clock import site_today
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException


IN_FORCE = ("issued", "published")
WITHDRAWALS = ("withdraw", "withdraw_public")

# A circular the public could read stays public once out of force, with a banner.
SUPERSEDE_FROM = {"issued": "supersede", "published": "supersede_public"}


def require_withdrawal_reason(circular, event) -> None:
    """Refuse to withdraw a circular without saying why."""
    transition = event.transition
    if transition is None or transition.id not in WITHDRAWALS:
        return
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if not comment:
        raise WorkflowException(_("Give the reason for withdrawing the circular."))


def after_transition(circular, event) -> None:
    transition = event.transition
    if transition is None:
        return
    if transition.id == "issue":
        issue(circular)
    elif transition.id in WITHDRAWALS:
        circular.withdrawal_reason = (event.kwargs or {}).get("comment", "").strip()
        circular.reindexObject()


def free_number(year: int, authority: str) -> str:
    """The next protocol number of the authority's series for the year."""
    catalog = api.portal.get_tool("portal_catalog")
    return first_free(
        year,
        authority,
        lambda number: format_number(year, number, authority),
        lambda text: bool(
            catalog.unrestrictedSearchResults(
                portal_type="Circular",
                protocol_number=text,
                circular_authority=authority,
            )
        ),
    )


def issue(circular) -> None:
    """Number and date the circular, supersede what it replaces, tell the units.

    A circular that already carries a number comes from an imported register
    (the demo content, a migration): it keeps its number and date, and
    nobody is sent mail about an old circular.
    """
    if circular.protocol_number:
        return
    today = site_today()
    circular.protocol_number = free_number(today.year, circular.issuing_authority)
    circular.issue_date = today
    circular.reindexObject()
    for relation in circular.supersedes or ():
        target = None if relation.isBroken() else relation.to_object
        state = api.content.get_state(target) if target is not None else None
        if state in SUPERSEDE_FROM:
            target.superseded_by = api.content.get_uuid(circular)
            with api.env.adopt_roles(["Manager"]):
                api.content.transition(obj=target, transition=SUPERSEDE_FROM[state])
    send_after_commit(
        circular,
        recipient_units(circular),
        _("New circular ${number}: ${title}"),
        _("Circular ${number} has been issued to your unit."),
    )
