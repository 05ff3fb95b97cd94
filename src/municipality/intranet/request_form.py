"""The public form of citizens' requests: a collective.easyform form.

The profile creates it (``ensure_request_form``) with its fields and one
action of ours, which turns a valid submission into a CitizenRequest in
the internal requests section. Spam is kept out without third parties:
a field people leave empty (hidden from sight, labelled for screen
readers), a signed time stamp (a form sent within seconds of being served
is a robot's), and a limit of submissions per address and hour.
"""

from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.config import FORM_ERROR_MARKER
from municipality.intranet import _
from municipality.intranet.follow_up import site_today
from municipality.intranet.login_throttle import client_address
from municipality.intranet.naming import unique_id
from municipality.intranet.rate_limit import allow_request
from municipality.intranet.request_codes import CODE
from municipality.intranet.request_codes import new_code
from municipality.intranet.validators import check_email
from municipality.intranet.validators import check_phone
from pathlib import Path
from plone import api
from plone.keyring.interfaces import IKeyManager
from plone.supermodel.exportimport import BaseHandler
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.i18n import translate
from zope.schema import ValidationError

import hashlib
import hmac
import time


FORM_ID = "submit-request"
RATE_RECORD = "municipality.intranet.request_rate_limit"
MIN_SECONDS = 3  # a person needs longer to fill in the form
MAX_SECONDS = 24 * 3600
CODE_KEY = "municipality_tracking_code"
# After the transaction has committed, the citizen is sent to the page with
# the code: easyform's "traverse_to" would stream that page before the
# commit, and a retried (conflicting) submission would show a code that was
# never stored.
THANKS = (
    "python:'%s/@@request-received?code=%s' % "
    "(object_url, request.get('municipality_tracking_code', ''))"
)


def _secret() -> bytes:
    return getUtility(IKeyManager).secret().encode()


def form_token(now: float | None = None) -> str:
    """When the form was served, signed so that it cannot be forged."""
    stamp = str(int(time.time() if now is None else now))
    signature = hmac.new(_secret(), stamp.encode(), hashlib.sha256).hexdigest()
    return f"{stamp}.{signature[:32]}"


def token_age(token: str, now: float | None = None) -> float | None:
    """Seconds since the form was served; None for a forged or broken token."""
    stamp, _dot, signature = (token or "").partition(".")
    if not stamp.isdigit():
        return None
    expected = hmac.new(_secret(), stamp.encode(), hashlib.sha256).hexdigest()[:32]
    if not hmac.compare_digest(expected, signature):
        return None
    return (time.time() if now is None else now) - int(stamp)


def _message(request, message) -> str:
    return translate(message, context=request)


# Field validators of the form (easyform calls them by name).


def not_robot_fast(value, REQUEST=None):
    age = token_age(value or "")
    if age is None or age < MIN_SECONDS or age > MAX_SECONDS:
        return _message(
            REQUEST,
            _("The form could not be sent. Please reload the page and try again."),
        )
    return None


def left_empty(value, REQUEST=None):
    if value:
        return _message(REQUEST, _("Leave this field empty."))
    return None


def _checked(check, value, request):
    if not value:
        return None
    try:
        check(value)
    except ValidationError as error:
        return _message(request, error.doc())
    return None


def valid_email(value, REQUEST=None):
    return _checked(check_email, value, REQUEST)


def valid_phone(value, REQUEST=None):
    return _checked(check_phone, value, REQUEST)


class FormTokenView(BrowserView):
    """The time stamp of the form (its hidden field's default)."""

    def __call__(self):
        return form_token()


class CreateCitizenRequest(Action):
    """Store the submission as a request in the internal section."""

    def onSuccess(self, fields, request):
        if not (fields.get("email") or fields.get("phone")):
            return {
                "email": _message(
                    request, _("Give an e-mail address or a phone number.")
                )
            }
        limit = api.portal.get_registry_record(RATE_RECORD, default=10) or 10
        if not allow_request(f"request-form:{client_address(request)}", limit):
            return {
                FORM_ERROR_MARKER: _message(
                    request,
                    _(
                        "Too many requests from your address: please try again "
                        "in an hour."
                    ),
                )
            }
        site = api.portal.get()
        section = site["requests"]
        code = new_code(site_today().year)
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=section,
                type="CitizenRequest",
                id=unique_id(section, code),
                tracking_code=code,
                request_kind=fields.get("kind"),
                subject_area=fields.get("subject_area"),
                related_service=fields.get("related_service") or None,
                text=fields.get("description"),
                citizen_name=fields.get("name"),
                citizen_email=(fields.get("email") or "").strip() or None,
                citizen_phone=(fields.get("phone") or "").strip() or None,
                attachment=fields.get("attachment") or None,
            )
        request.set(CODE_KEY, code)
        return None


CreateCitizenRequestAction = ActionFactory(
    CreateCitizenRequest,
    _("Create a citizen's request"),
    "municipality.intranet.AddCitizenRequest",
)
CreateCitizenRequestHandler = BaseHandler(CreateCitizenRequest)


class RequestReceivedView(BrowserView):
    """The form's thanks page: the tracking code, and what happens next."""

    def __call__(self):
        code = self.request.form.get("code", "")
        self.code = code if CODE.match(code) else ""
        if not self.code:
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def status_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/@@request-status"


def _model(name: str) -> str:
    return (Path(__file__).parent / "forms" / name).read_text()


def ensure_request_form() -> None:
    """The public form at the site's root, published; created once."""
    site = api.portal.get()
    if site.get(FORM_ID) is not None or site.get("requests") is None:
        return
    language = api.portal.get_default_language()

    def tr(message) -> str:
        return translate(message, target_language=language)

    with api.env.adopt_roles(["Manager"]):
        form = api.content.create(
            container=site,
            type="EasyForm",
            id=FORM_ID,
            title=tr(_("Requests and complaints")),
            description=tr(
                _(
                    "Send the municipality a request, a complaint, a suggestion or "
                    "a thank-you. You get a tracking code to follow it."
                )
            ),
            submitLabel=tr(_("Send")),
            thankstitle=tr(_("Thank you")),
            thanksPageOverrideAction="redirect_to",
            thanksPageOverride=THANKS,
        )
        form.fields_model = _model("request_fields.xml")
        form.actions_model = _model("request_actions.xml")
        api.content.transition(obj=form, to_state="published")
