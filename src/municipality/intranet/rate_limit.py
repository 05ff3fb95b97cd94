"""How often one address may use a public form: counted per Zope process.

Like the login throttle: kept in memory (a flood cannot fill the database),
cleared by a restart, per instance when there are several.
"""

from collections import deque

import threading
import time
import transaction


WINDOW = 3600  # seconds

_lock = threading.Lock()
_uses: dict[str, deque] = {}


def _recent(key: str, now: float) -> deque:
    uses = _uses.setdefault(key, deque())
    while uses and uses[0] <= now - WINDOW:
        uses.popleft()
    return uses


def allow(key: str, limit: int, now: float | None = None) -> bool:
    """Count one use of ``key``; False once it had ``limit`` in the window."""
    now = time.monotonic() if now is None else now
    with _lock:
        uses = _recent(key, now)
        if len(uses) >= limit:
            return False
        uses.append(now)
        return True


def allow_request(key: str, limit: int) -> bool:
    """Whether the current request may go on; it counts once it committed.

    Zope runs a request again after a conflict: counting at commit counts
    each request once, however often it was tried.
    """
    with _lock:
        if len(_recent(key, time.monotonic())) >= limit:
            return False

    def count(committed: bool) -> None:
        if committed:
            with _lock:
                _recent(key, time.monotonic()).append(time.monotonic())

    transaction.get().addAfterCommitHook(count)
    return True


def reset() -> None:
    with _lock:
        _uses.clear()
