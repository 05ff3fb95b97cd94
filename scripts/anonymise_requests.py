"""Remove citizens' personal data past its retention; run by cron.

    zconsole run instance/etc/zope.conf scripts/anonymise_requests.py

Uses SITE_ID (default Plone). Safe to run every day: a request is
anonymised once.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from municipality.intranet.follow_up import site_today
from municipality.intranet.request_retention import anonymise_expired
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import transaction


def main(app) -> None:
    app = makerequest(app)
    site = app[os.environ.get("SITE_ID", "Plone")]
    setSite(site)
    newSecurityManager(None, system)
    count = anonymise_expired(site_today())
    transaction.commit()
    print(f"{count} request(s) anonymised in {site.getId()}")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
