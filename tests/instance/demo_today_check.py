"""What a visitor of a new demo site sees today: run with ``zconsole run``.

Prints, as JSON: the site's today, the coming meetings, the action
programmes with their years and states, and the events of this month's
protocol calendar. Used by test_demo_today.py, as anonymous.
"""

from AccessControl.SecurityManagement import noSecurityManager
from datetime import datetime
from municipality.intranet.interfaces import IBrowserLayer
from municipality.intranet.site_clock import site_today
from municipality.intranet.site_clock import site_zone
from plone import api
from plone.app.event.base import get_events
from plone.app.event.base import RET_MODE_OBJECTS
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from zope.interface import alsoProvides

import json
import pytz


app = makerequest(app)  # noqa: F821 (zconsole binds ``app``)
setRequest(app.REQUEST)
# The product's views are registered for its browser layer.
alsoProvides(app.REQUEST, IBrowserLayer)
site = app["Plone"]
setSite(site)
noSecurityManager()
today = site_today()
now = datetime.now(pytz.utc).astimezone(site_zone())
coming = get_events(
    site, start=now, ret_mode=RET_MODE_OBJECTS, expand=True, portal_type="Meeting"
)
catalog = api.portal.get_tool("portal_catalog")
programmes = [
    {"year": brain.getObject().programme_year, "title": brain.Title}
    for brain in catalog(portal_type="ActionProgramme")
]
view = site["protocol"].restrictedTraverse("@@protocol-calendar")
view.request.form["month"] = today.strftime("%Y-%m")
view()
this_month = [
    {"day": cell["iso"], "title": row["title"]}
    for week in view.weeks()
    for cell in week
    for row in cell["events"]
]
print(
    json.dumps(
        {
            "today": today.isoformat(),
            "coming_meetings": [
                {"title": item.Title(), "start": item.start.isoformat()}
                for item in coming
            ],
            "programmes": programmes,
            "this_month": this_month,
        }
    )
)
