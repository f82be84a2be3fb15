"""Values made from records, kept while the records stay the very same objects.

The live preview's loader hands back the very same Meeting for a folder whose
files did not change, and each later stage keeps the identity of what it made
from it (build.Memos). So a value made from some records (a check's findings,
a meeting's open-data record) can be kept by the identity of those records,
and made again only when one of them is a new object.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, TypeVar

T = TypeVar("T")
_PLAIN = (str, int, float, bool, dt.date)


class ByIdentity:
    """Made values by (kind, the identity of the records they were made from), kept for one more round.

    Each `get` names the records a value is made from, the first identifying
    it; a value not asked for during a round (its records left the archive)
    is dropped at the end of the next, so the memo holds only what is in use.
    Plain values among the records (a date, a string) compare by equality.
    """

    def __init__(self):
        self._last: dict[str, dict[int, tuple]] = {}  # kind -> id of the first record -> (records, value)
        self._now: dict[str, dict[int, tuple]] = {}

    def get(self, kind: str, records: tuple, make: Callable[[], T]) -> T:
        key = id(records[0])
        now = self._now.get(kind)
        if now is None:
            now = self._now[kind] = {}
        known = now.get(key) or self._last.get(kind, {}).get(key)
        if known is None or not same(known[0], records):
            known = (records, make())  # holding the records keeps their ids theirs
        # A value found again keeps its old entry, not a new one: what a round keeps is then mostly what earlier
        # rounds made, which the live preview's cycle collector has already seen (serve.py), not new objects.
        now[key] = known
        return known[1]

    def __setstate__(self, state: dict) -> None:
        """Read back from the build cache, the records are new objects with new ids: keyed by those."""
        self.__dict__.update(state)
        self._last, self._now = ({kind: rekeyed(entries, lambda entry: entry[0][0]) for kind, entries in d.items()}
                                 for d in (self._last, self._now))

    def round(self) -> None:
        """End a round (a rebuild): what it did not ask for goes."""
        self._last, self._now = self._now, {}


def rekeyed(memo: dict, first=lambda entry: entry[0]) -> dict:
    """A memo keyed by the identity of a record in each entry (`first` of it), keyed again: pickled in the
    build cache together with their records, the entries come back holding the very same (new) objects,
    under the ids of the old ones. Other keys (names, kinds) are kept."""
    return {(id(first(entry)) if type(key) is int else key): entry for key, entry in memo.items()}


def same(old, new) -> bool:
    """Made of the very same objects, looking into tuples and lists (which deps and inputs are made of,
    afresh each time); plain values compare by equality. Records do not change once made, so the same
    objects digest the same (fingerprint.Digests) and make the same values."""
    if old is new:
        return True
    kind = type(old)
    if kind is not type(new):
        return False
    if kind is tuple or kind is list:
        return len(old) == len(new) and all(a is b or same(a, b) for a, b in zip(old, new))
    return kind in _PLAIN and old == new
