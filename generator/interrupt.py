"""Giving up the live preview's rebuild when another save is waiting.

After each save the preview writes the edited meeting's pages at once
(quick.py), then rebuilds the whole archive to write the other pages the edit
shows on and to report messages, then writes the feeds and open data: three to
six seconds in all at 2,000 meetings. An editor that saves a second after
typing stops saves again well within that time, and the save would wait for
all of it, though its result is stale by then. So the rebuild and the data
files ask, at points where giving up leaves every cache and memo as valid as it
was, whether another save is waiting (`stop`), and if so raise Interrupted: the
next save's own pages come first, and the rebuild after it covers both saves
(docs/performance-history.md, "The live preview when saves come in quick succession").

Every memo a stage keeps between rebuilds (build.Memos) is replaced only when
the stage has finished, and every cache is keyed by what its entries were made
from, so a stage given up half way leaves them as a finished one would, or as
they were. A build (`minutebook build`) never stops: its `stop` is `never`.
"""

from __future__ import annotations


class Interrupted(Exception):
    """Another save is waiting: what this rebuild would write is already out of date."""


def never() -> bool:
    return False


def check(stop) -> None:
    """Raise Interrupted if `stop()` says another save is waiting."""
    if stop():
        raise Interrupted()
