"""What a logged-in user receives is private: no shared cache, no browser copy.

plone.app.caching sets the headers of each page by its rule set; it keeps
the responses of logged-in users out of shared caches, but leaves browsers
free to store them. Intranet pages hold personal data and unpublished
decisions, so they are not kept on shared office computers either. Theme,
scripts and styles are the same for everybody and stay cacheable.
"""

from plone.caching.utils import findOperation


SHARED_RULESETS = ("plone.resource", "plone.stableResource")
PRIVATE = "private, no-store, max-age=0"


def is_authenticated(request) -> bool:
    user = request.get("AUTHENTICATED_USER")
    return user is not None and user.getUserName() != "Anonymous User"


def keep_private_responses_private(event) -> None:
    request = event.request
    if not is_authenticated(request):
        return
    rule, _name, _operation = findOperation(request)
    if rule in SHARED_RULESETS:
        return
    response = request.response
    response.setHeader("Cache-Control", PRIVATE)
    response.setHeader("Expires", "0")
    # Validators would let a browser keep a copy to revalidate: none here.
    for name in list(response.headers):
        if name.lower() in ("etag", "last-modified"):
            del response.headers[name]
