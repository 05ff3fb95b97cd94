"""Separate ZODB connections to the test site, as separate Zope instances have."""

import transaction


def open_site(db, site_id: str = "plone"):
    """A transaction manager, a connection and the site seen through it."""
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    site = connection.root()["Application"][site_id]
    return manager, connection, site
