"""Catalog indexers for circulars: register filters without waking objects."""

from municipality.intranet.content.circular import ICircular
from plone.indexer import indexer


@indexer(ICircular)
def circular_authority(obj):
    return obj.issuing_authority


@indexer(ICircular)
def circular_year(obj):
    return obj.issue_date.year if obj.issue_date else None


@indexer(ICircular)
def circular_recipients(obj):
    """UIDs of the recipient units, or "all"."""
    if obj.all_units:
        return ["all"]
    return [
        relation.to_object.UID()
        for relation in obj.recipient_units or ()
        if not relation.isBroken() and relation.to_object is not None
    ]


@indexer(ICircular)
def protocol_number(obj):
    return obj.protocol_number or ""


@indexer(ICircular)
def circular_issue_date(obj):
    return obj.issue_date.isoformat() if obj.issue_date else ""
