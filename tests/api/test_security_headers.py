"""Security headers on pages, REST answers and downloads (plain Plone lacks two)."""

import pytest
import requests


@pytest.mark.parametrize(
    "path,headers",
    [
        ("", {}),
        ("/@@contact-directory", {}),
        ("/units/mayors-office/@@vcard", {}),
        ("/++api++/", {"Accept": "application/json"}),
        ("/no-such-page", {}),
    ],
)
def test_headers_everywhere(functional_portal, path, headers):
    response = requests.get(
        functional_portal.absolute_url() + path, headers=headers, timeout=30
    )
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
