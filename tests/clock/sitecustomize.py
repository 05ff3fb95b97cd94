"""Moves the clock of a Python subprocess started by a dated test run.

``pytest --today=DAY`` (tests/conftest.py) puts this folder on PYTHONPATH and
sets ``MUNICIPALITY_TEST_CLOCK_OFFSET`` to the seconds its own clock was
moved by, so that a Zope instance or a script started by a test keeps the
same day as the test that started it.
"""

import os


_offset = os.environ.get("MUNICIPALITY_TEST_CLOCK_OFFSET")
if _offset:
    import time
    import time_machine

    time_machine.travel(time.time() + float(_offset), tick=True).start()
