"""Digests of page inputs that compare across builds, for rebuilding only what changed.

The live preview compares each page's `deps` (pages.py) with `==` against the
previous rebuild's, in memory. A build in a new process cannot: it keeps a
digest of each page's deps in the build cache instead. The same record (a
meeting, a person, an action's track) sits in the deps of many pages, so each
object is digested once per build, by identity, and pages combine those
digests; pickling each page's deps whole would pickle every meeting an action
touches once per page.

A record may say what of it counts, with a `__digest__` method returning
plain values (actions.Track: of the meetings it holds, only how they are named
and linked), so that a change to something no page shows of it changes none.

A digest is sound in one direction only, and that is the one that matters: two
values with different content always get different digests. Equal values may
get different digests (1 and 1.0, say), which costs a needless re-render,
never a stale page.
"""

from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import hashlib
import pickle
import sys

@functools.lru_cache(maxsize=None)
def _fields(kind: type) -> tuple[tuple[str, bytes], ...]:
    return tuple((f.name, f.name.encode() + b":") for f in dataclasses.fields(kind))


_SIMPLE = (int, float, bool, type(None), dt.date, dt.datetime, dt.time)


class Shared(tuple):
    """A tuple that many pages hold, however short (what a meeting's texts link to, a page's backlinks):
    Digests digest it once, by identity, like a record."""

    __slots__ = ()


class Digests:
    """One build's memo of record digests; the records must stay alive while it is used.

    Records (dataclasses, dicts, sets, long tuples) are digested once each and
    memoised by identity; short tuples, lists and plain values are fed into the
    digest of whatever holds them, which keeps the number of hash computations
    to about one per record and one per page.
    """

    def __init__(self, previous: "Digests | None" = None):
        # The live preview's previous rebuild: its records that are still in use (the same objects, reused
        # by the loader and publish.py) keep their digests, whether or not this rebuild asks for them.
        self._memo: dict[int, bytes] = previous._memo if previous is not None else {}
        self._keep: list = previous._keep if previous is not None else []  # memoised records: ids stay theirs
        self._counted = previous._counted if previous is not None else 0  # len(_keep) at forget_unused

    def __len__(self) -> int:
        """How many records the memo holds (and keeps alive)."""
        return len(self._keep)

    def forget_unused(self, growth: float = 0.25, now: bool = False) -> None:
        """Drop the records nothing but this memo holds any more (they left the archive), once the memo has
        grown by `growth` since the last time: a long preview session need not keep every version of
        every record alive. `now`: whatever the growth. A reference count read wrongly either way costs
        only a digest computed again or a record kept a while longer, never a wrong digest: an id stays in
        the memo only while the memo itself holds its record."""
        if not now and len(self._keep) <= (1 + growth) * self._counted:
            return
        while True:  # a record held by another that goes (a backlink's place, its meeting) goes the time after
            # Three references: the list's, the loop's and getrefcount's own; a fourth is a holder elsewhere.
            alive = [record for record in self._keep if sys.getrefcount(record) > 3]
            if len(alive) == len(self._keep):
                break
            self._keep = alive
        self._memo = {id(record): self._memo[id(record)] for record in self._keep}
        self._counted = len(self._keep)

    def of(self, value) -> bytes:
        parts: list[bytes] = []
        self._feed(value, parts)
        return hashlib.blake2b(b"".join(parts), digest_size=16).digest()

    def hexdigest(self, value) -> str:
        return self.of(value).hex()

    def _feed(self, value, parts: list) -> None:
        kind = type(value)
        if kind is str or isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            parts.append(b"s%d:" % len(data))
            parts.append(data)
        elif kind is Shared or (kind is tuple and len(value) > 8):  # passed again and again: memoised
            parts.append(b"r" + self._record(value))
        elif kind is tuple or kind is list:
            parts.append(b"(%d" % len(value))
            for part in value:
                self._feed(part, parts)
            parts.append(b")")
        elif isinstance(value, _SIMPLE):
            parts.append(kind.__name__.encode() + b"=" + repr(value).encode() + b";")
        else:
            parts.append(b"r" + self._record(value))

    def _record(self, value) -> bytes:
        key = id(value)
        found = self._memo.get(key)
        if found is not None:
            return found
        self._memo[key] = b"cycle"  # a record reaching itself again contributes a constant
        self._keep.append(value)
        parts = [type(value).__qualname__.encode(), b"{"]
        view = getattr(type(value), "__digest__", None)
        if view is not None:  # a record that says what of it anything made from it can show
            self._feed(view(value), parts)
        elif type(value) is tuple or type(value) is Shared:
            for part in value:
                self._feed(part, parts)
        elif isinstance(value, (set, frozenset)):
            inner = []
            for v in value:
                one: list[bytes] = []
                self._feed(v, one)
                inner.append(b"".join(one))
            parts += sorted(inner)
        elif isinstance(value, dict):
            for k, v in value.items():
                self._feed(k, parts)
                self._feed(v, parts)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for name, label in _fields(type(value)):
                parts.append(label)
                self._feed(getattr(value, name), parts)
        else:  # anything else: its whole pickle (exact, if slower)
            parts.append(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        parts.append(b"}")
        self._memo[key] = result = hashlib.blake2b(b"".join(parts), digest_size=16).digest()
        return result
