"""Where Python's own ways with memory keep more than a build needs, and how the build avoids it.

A build allocates millions of records that live until it ends, so it runs
with the cycle collector off (build.without_cycle_collector), and its forked
processes inherit that. Two costs come with it, both measured at 2,000
meetings (docs/performance-history.md, "Memory: what rendering left behind"): a
rendering process kept every reference cycle its pages left, and memory the
build freed stayed with the process instead of going back to the system. The
live preview, a process that lives for hours, hands freed memory back too,
whenever nobody has saved for half a second (incremental.Session.between_saves).
"""

from __future__ import annotations

import ctypes
import functools
import gc


def collect_in_worker() -> None:
    """In a forked process that makes and forgets many objects (rendering pages): turn the cycle collector
    back on for what this process allocates, with everything it inherited frozen, so the collector neither
    looks through the parent's records again nor writes to the memory it shares with the parent.

    Rendering a page leaves reference cycles (Jinja's context and the macro module a template imports `with
    context` hold each other). With the collector off, a rendering process kept them all: it grew from 619
    to 922 MB at 2,000 meetings, the largest process of the build; with it on, to 681 MB."""
    gc.freeze()
    gc.enable()


@functools.cache
def _trim():
    """glibc's malloc_trim, or None where the C library has none (musl, macOS). Looked up once: a CDLL made
    for each call would leave a reference cycle (its function pointer class) after every call, for the cycle
    collector the live preview runs while nobody saves (tests/test_incremental.py counts what is left in
    cycles)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # TypeError: no C library to name (Windows)
        return None


def give_back_freed() -> None:
    """Return to the system what the process has freed but the C library still holds, where it allows that.

    Python frees a string of more than 512 bytes (rendered Markdown, most of
    it) to the C library's heap, which keeps it for the process's next
    allocations rather than giving it back; the next large allocations (the
    build cache's pickling table) are mapped afresh beside it. After the
    parent lets go of the reference scan's HTML, about 110 MB at 2,000
    meetings went back this way, in 14 ms."""
    trim = _trim()
    if trim is not None:
        trim(0)
