"""Templates compiled by many threads at once all compile (see the module)."""

from chameleon import PageTemplate
from chameleon import template
from concurrent.futures import ThreadPoolExecutor

import municipality.intranet  # noqa: F401 - installs the lock


def test_compiling_is_serialised():
    assert getattr(template.BaseTemplate._cook, "_municipality_locked", False)


def test_many_threads_compile_many_templates():
    def render(number: int) -> str:
        body = (
            "".join(
                f'<div tal:condition="python: {number} + {depth} > 0">'
                for depth in range(40)
            )
            + f"<p>${{python: {number} * 2}}</p>"
            + "</div>" * 40
        )
        return PageTemplate(body)()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(render, range(1, 65)))
    assert [f"<p>{n * 2}</p>" in html for n, html in enumerate(results, 1)] == [
        True
    ] * 64
