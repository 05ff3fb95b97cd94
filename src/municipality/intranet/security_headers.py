"""Security headers on every response of the site."""

HEADERS = {
    # Browsers must not guess content types (uploaded files, exports).
    "X-Content-Type-Options": "nosniff",
    # Our pages may be framed by our own pages only (Plone's modals), not by others.
    "X-Frame-Options": "SAMEORIGIN",
    # Other sites see where a visitor came from, never the full intranet address.
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def add_security_headers(event) -> None:
    response = event.request.response
    for name, value in HEADERS.items():
        if not response.getHeader(name):
            response.setHeader(name, value)
