"""Build every content type of the product in every workflow state.

Types are discovered from the types tool (every FTI whose class lives in
municipality.intranet); required fields are filled from their schema, so
a new type is built without touching this module, and a new type or state
without a visibility policy fails the tests.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from leak_policy import INHERITED
from leak_policy import POLICY
from plone import api
from plone.app.textfield import RichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.field import NamedBlobFile
from plone.namedfile.field import NamedBlobImage
from plone.namedfile.file import NamedBlobFile as BlobFile
from plone.namedfile.file import NamedBlobImage as BlobImage
from zope import schema
from zope.component import getUtility
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.interfaces import IVocabularyFactory

import base64
import pytz


UNIT = "units/mayors-office/general-secretariat/technical-services"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)

# Field values that make every state reachable where the schema allows more.
OVERRIDES = {
    "Meeting": {"body": "council"},  # a public body can be published
    "Circular": {"audience": "public"},  # only circulars for the public are
}

# Leave and travel requests: filed by a member of staff (the employee, who
# owns them), stepped on by a Manager (nobody steps on their own request).
STAFF_REQUESTS = ("LeaveRequest", "TravelRequest")
EMPLOYEE = "leak-employee"


def product_types() -> list[str]:
    types = api.portal.get_tool("portal_types")
    return sorted(
        fti.getId()
        for fti in types.objectValues()
        if getattr(fti, "klass", "").startswith("municipality.intranet.")
    )


def states_of(portal_type: str) -> list[str]:
    workflow_tool = api.portal.get_tool("portal_workflow")
    chain = workflow_tool.getChainForPortalType(portal_type)
    return list(workflow_tool[chain[0]].states.keys()) if chain else []


def first_term(field, context):
    vocabulary = field.vocabulary
    if vocabulary is None and field.vocabularyName:
        vocabulary = getUtility(IVocabularyFactory, field.vocabularyName)(context)
    elif IContextSourceBinder.providedBy(vocabulary):
        vocabulary = vocabulary(context)
    return next(iter(vocabulary)).value


def value_for(field, marker: str, context, unit_uid: str):
    """A valid value for a required field, carrying the marker where text."""
    if isinstance(field, RichText):
        return RichTextValue(f"<p>{marker}</p>", "text/html", "text/x-html-safe")
    if isinstance(field, NamedBlobImage):
        return BlobImage(data=PNG, filename=f"{marker}.png")
    if isinstance(field, NamedBlobFile):
        return BlobFile(data=marker.encode(), filename=f"{marker}.txt")
    if isinstance(field, schema.Choice):
        if field.vocabularyName in (
            "municipality.intranet.Units",
            "municipality.intranet.EmployeeUnits",
        ):
            return unit_uid
        return first_term(field, context)
    if isinstance(field, (schema.List, schema.Tuple, schema.Set)):
        if isinstance(field.value_type, schema.Choice):
            return [value_for(field.value_type, marker, context, unit_uid)]
        return [marker]
    if isinstance(field, (schema.Text, schema.TextLine)):
        return marker
    if isinstance(field, schema.Float):
        return 1.0
    if isinstance(field, schema.Int):
        return max(field.min or 1, 1)
    if isinstance(field, schema.Datetime):
        return pytz.utc.localize(datetime.now() + timedelta(days=7))
    if isinstance(field, schema.Date):
        return date.today()
    if isinstance(field, schema.Bool):
        return False
    raise NotImplementedError(f"no test value for {field.__name__}: {field}")


def fields_for(portal_type: str, marker: str, container, unit_uid: str) -> dict:
    values = {}
    for schemata in iterSchemataForType(portal_type):
        for name, field in schema.getFieldsInOrder(schemata):
            if name in ("title", "id", "description", "recurrence"):
                continue
            if field.required or isinstance(field, (RichText, schema.Text)):
                values[name] = value_for(field, marker, container, unit_uid)
    if portal_type in ("Decision", "Instruction"):
        values["responsible_units"] = [unit_uid]
    if portal_type == "CitizenRequest":
        values["assigned_unit"] = unit_uid  # assigning needs a unit
    values.update(OVERRIDES.get(portal_type, {}))
    return values


class Built:
    """One item: its type, state, expected visibility and the marker it carries."""

    def __init__(self, obj, portal_type, state, level, marker):
        self.obj = obj
        self.portal_type = portal_type
        self.state = state
        self.level = level
        self.marker = marker
        self.url = obj.absolute_url()
        self.uid = obj.UID()


class LeakSite:
    def __init__(self, portal, unit_path: str = UNIT):
        self.portal = portal
        self.unit = portal.unrestrictedTraverse(unit_path)
        self.unit_uid = self.unit.UID()
        self.items: list[Built] = []
        self.counter = 0
        self.public_parents = {}
        self.staff_requests = 0

    def employee(self) -> str:
        """A member of staff of no unit: only their requests' viewers see them."""
        if api.user.get(username=EMPLOYEE) is None:
            api.user.create(
                username=EMPLOYEE,
                email=f"{EMPLOYEE}@example.org",
                password="a long enough secret",
                properties={"fullname": "Leak Employee"},
            )
        return EMPLOYEE

    def staff_request_fields(self, marker: str) -> dict:
        """Days ahead (cancellable), each request its own: no overlaps."""
        self.staff_requests += 1
        start = date.today() + timedelta(days=7 + 3 * self.staff_requests)
        return {
            "start": start,
            "end": start + timedelta(days=1),
            "attachment": BlobFile(data=marker.encode(), filename=f"{marker}.txt"),
        }

    def marker(self) -> str:
        self.counter += 1
        return f"LEAKMARK{self.counter:03d}X"

    def create(self, portal_type, container, state=None, level=None):
        marker = self.marker()
        fields = fields_for(portal_type, marker, container, self.unit_uid)
        if portal_type in STAFF_REQUESTS:
            fields.update(self.staff_request_fields(marker))
            with api.env.adopt_user(username=self.employee()):
                obj = self.create_object(portal_type, container, state, marker, fields)
        else:
            obj = self.create_object(portal_type, container, state, marker, fields)
        if state and api.content.get_state(obj, default=None) != state:
            # A comment: some transitions (withdrawals) must say why.
            api.content.transition(obj=obj, to_state=state, comment="Leak test")
        built = Built(obj, portal_type, state, level, marker)
        self.items.append(built)
        return built

    def create_object(self, portal_type, container, state, marker, fields):
        return api.content.create(
            container=container,
            type=portal_type,
            title=f"{portal_type} {state or ''} {marker}",
            description=marker,
            **fields,
        )

    def container_for(self, portal_type):
        """A public container that may hold ``portal_type``."""
        if portal_type == "Unit":
            return self.unit.aq_parent
        if portal_type in ("Meeting",):
            return self.portal["meetings"]
        if portal_type in ("ProtocolEvent",):
            return self.portal["protocol"]
        if portal_type in ("Instruction",):
            return self.portal["instructions"]
        if portal_type in ("ActionProgramme",):
            return self.portal["goals"]
        if portal_type in ("CitizenRequest",):
            return self.portal["requests"]
        if portal_type in STAFF_REQUESTS:
            return self.portal["staff-requests"]
        types = api.portal.get_tool("portal_types")
        for parent_type, parent in self.public_parents.items():
            if portal_type in types[parent_type].allowed_content_types:
                return parent
        if portal_type in types["Unit"].allowed_content_types:
            return self.unit
        raise LookupError(f"no container for {portal_type}")

    def build(self):
        """Every type in every state, then the inherited types in each."""
        with api.env.adopt_roles(["Manager"]):
            # Public parents first, so nested types have somewhere to live.
            ordered = sorted(
                product_types(),
                key=lambda t: (
                    t
                    in (
                        "ProgressNote",
                        "Minutes",
                        "Decision",
                        "AgendaItem",
                        "Goal",
                        "GoalProgress",
                    )
                ),
            )
            for portal_type in ordered:
                if portal_type in INHERITED:
                    continue
                states = states_of(portal_type)
                unknown = set(states) - set(POLICY.get(portal_type, {}))
                assert not unknown, (
                    f"{portal_type}: no visibility policy for states {unknown}; "
                    "add them to tests/trust/leak_policy.py"
                )
                for state in states:
                    container = self.container_for(portal_type)
                    if portal_type == "Minutes":
                        # One minutes per meeting: a published meeting each.
                        container = self.create(
                            "Meeting", self.portal["meetings"], "published", "public"
                        ).obj
                    built = self.create(
                        portal_type, container, state, POLICY[portal_type][state]
                    )
                    if POLICY[portal_type][state] == "public":
                        self.public_parents.setdefault(portal_type, built.obj)
                    self.add_inherited(built)
        return self.items

    def add_inherited(self, parent: Built):
        """Children without a workflow (agenda items, files) see as their parent."""
        types = api.portal.get_tool("portal_types")
        allowed = types[parent.portal_type].allowed_content_types
        for child_type in ("AgendaItem", "File", "Image"):
            if child_type in allowed:
                self.create(child_type, parent.obj, None, parent.level)
