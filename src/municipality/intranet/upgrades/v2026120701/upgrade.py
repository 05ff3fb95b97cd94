"""Recurring events indexed from their first occurrence (event_series.py)."""

from plone import api
from plone.app.event.dx.interfaces import IDXEvent

import logging


logger = logging.getLogger("municipality.intranet")


def upgrade(setup_tool) -> None:
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(object_provides=IDXEvent.__identifier__)
    for brain in brains:
        brain._unrestrictedGetObject().reindexObject(idxs=["start", "end"])
    logger.info("Reindexed the dates of %d events.", len(brains))
