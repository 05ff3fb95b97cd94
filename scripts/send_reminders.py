"""Send the day's reminders to units; run by cron through ``make reminders``.

    zconsole run instance/etc/zope.conf scripts/send_reminders.py

Uses SITE_ID (default Plone). Safe to run many times a day: a reminder is
sent once only.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from municipality.intranet.follow_up import site_today
from municipality.intranet.reminders import send_reminders
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import os
import transaction


def main(app) -> None:
    app = makerequest(app)
    site = app[os.environ.get("SITE_ID", "Plone")]
    setSite(site)
    newSecurityManager(None, system)
    count = send_reminders(site_today())
    transaction.commit()
    print(f"{count} reminder(s) sent from {site.getId()}")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
