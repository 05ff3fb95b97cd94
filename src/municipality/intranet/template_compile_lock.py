"""Chameleon compiles one template at a time in a process.

CPython 3.11 (before 3.11.8) can fail when two threads build Python ASTs at
the same moment ("AST constructor recursion depth mismatch"): under load,
the first requests after a start, each compiling a template, then get a
500. Compiling takes a lock; a compiled template is cached, so only the
first rendering of each template ever waits for it.
"""

from chameleon import template

import threading


_lock = threading.RLock()  # re-entrant: a template's macros cook others
_cook = template.BaseTemplate._cook


def _cook_alone(self, *args, **kwargs):
    with _lock:
        return _cook(self, *args, **kwargs)


if not getattr(template.BaseTemplate._cook, "_municipality_locked", False):
    _cook_alone._municipality_locked = True
    template.BaseTemplate._cook = _cook_alone
