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


WIDTH = 16  # bytes of every digest
_NONE = bytes(WIDTH)
_NONE_FED = b"NoneType=None;"  # None fed into a digest (_NAMES and repr, as any plain value)
_SIMPLE = (int, float, bool, type(None), dt.date, dt.datetime, dt.time)


class Shared(tuple):
    """A tuple that many pages hold, however short (what a meeting's texts link to, a page's backlinks):
    Digests digest it once, by identity, like a record."""

    __slots__ = ()


# How each type is fed into a digest, decided once per type (a build feeds millions of values): the kinds of
# `_feed` and of `_record` below. Only the type decides, and the length of a tuple.
_STR, _SEQUENCE, _PLAIN, _RECORD_KIND = "str", "sequence", "plain", "record"
_VIEW, _SET, _DICT, _FIELDS, _PICKLE = "view", "set", "dict", "fields", "pickle"
_FEED: dict[type, str] = {}
_RECORD: dict[type, str] = {}


class _Names(dict):
    """type -> its name as a digest spells it (`__name__` of a plain value, `__qualname__` of a record)."""

    def __init__(self, attribute: str):
        super().__init__()
        self.attribute = attribute

    def __missing__(self, kind: type) -> bytes:
        name = self[kind] = getattr(kind, self.attribute).encode() + (b"=" if self.attribute == "__name__" else b"")
        return name


_NAMES, _QUALNAMES = _Names("__name__"), _Names("__qualname__")


def _feed_kind(kind: type) -> str:
    if issubclass(kind, str):
        return _STR
    if kind is tuple or kind is list:
        return _SEQUENCE  # a tuple of more than 8 is fed as a record
    if kind is not Shared and issubclass(kind, _SIMPLE):
        return _PLAIN
    return _RECORD_KIND


def _record_kind(kind: type) -> str:
    if getattr(kind, "__digest__", None) is not None:
        return _VIEW
    if kind is tuple or kind is Shared:
        return _SEQUENCE
    if issubclass(kind, tuple):  # a NamedTuple (pages.Attended): its values under its name, as a record's fields
        return _SEQUENCE
    if issubclass(kind, (set, frozenset)):
        return _SET
    if issubclass(kind, dict):
        return _DICT
    if dataclasses.is_dataclass(kind):
        return _FIELDS
    return _PICKLE


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

    def seed(self, known: Known) -> None:
        """Take the (record, digest) pairs `known` (see `handed_down`) as already worked out."""
        memo, keep, digests = self._memo, self._keep, known.digests
        for n, record in enumerate(known.records):
            if id(record) not in memo:
                memo[id(record)] = digests[n * WIDTH:(n + 1) * WIDTH]
                keep.append(record)

    def in_use(self, kinds: tuple[type, ...], besides=()) -> Known:
        """(record, digest) of the records of exactly `kinds` in the memo that something besides it holds: for
        the build cache to keep beside its other parts, which hold them (see `handed_down`). Those in the
        Known `besides` are left out: the cache holds their pairs already."""
        self.forget_unused(now=True)
        kept = {id(record) for known in besides for record in known.records}
        return Known.of((record, self._memo[id(record)]) for record in self._keep
                        if type(record) in kinds and id(record) not in kept)

    def __len__(self) -> int:
        """How many records the memo holds (and keeps alive)."""
        return len(self._keep)

    def baseline(self) -> None:
        """Measure the next `forget_unused`'s growth from the memo as it is: right after a first build nothing
        in it has been replaced, and a pass over it (over a second at 2,000 meetings) would find nothing."""
        self._counted = len(self._keep)

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
        return hashlib.blake2b(b"".join(parts), digest_size=WIDTH).digest()

    def of_record(self, record) -> bytes:
        """The digest of one record, memoised by identity, or sixteen zero bytes for None: fixed-width, so two
        joined side by side tell their pair apart, for pairs compared by the thousand (a page's backlinks and
        references) with no hashing beyond their records' own."""
        return _NONE if record is None else self._record(record)

    def hexdigest(self, value) -> str:
        return self.of(value).hex()

    def _feed(self, value, parts: list) -> None:
        if value is None:  # the commonest value of all, spelled as _PLAIN spells it
            parts.append(_NONE_FED)
            return
        kind = type(value)
        how = _FEED.get(kind)
        if how is None:
            how = _FEED[kind] = _feed_kind(kind)
        if how is _STR:
            data = value.encode("utf-8", "surrogatepass")
            parts.append(b"s%d:" % len(data))
            parts.append(data)
        elif how is _SEQUENCE and (kind is list or len(value) <= 8):
            parts.append(b"(%d" % len(value))
            feed = self._feed
            for part in value:
                feed(part, parts)
            parts.append(b")")
        elif how is _PLAIN:
            parts.append(_NAMES[kind] + repr(value).encode() + b";")
        else:  # a record, a Shared, a long tuple (passed again and again: memoised, and most often known)
            found = self._memo.get(id(value))
            parts.append(b"r" + (found if found is not None else self._record(value)))

    def _record(self, value) -> bytes:
        key = id(value)
        found = self._memo.get(key)
        if found is not None:
            return found
        self._memo[key] = b"cycle"  # a record reaching itself again contributes a constant
        self._keep.append(value)
        kind = type(value)
        how = _RECORD.get(kind)
        if how is None:
            how = _RECORD[kind] = _record_kind(kind)
        parts = [_QUALNAMES[kind], b"{"]
        if how is _VIEW:  # a record that says what of it anything made from it can show
            self._feed(kind.__digest__(value), parts)
        elif how is _SEQUENCE:
            for part in value:
                self._feed(part, parts)
        elif how is _SET:
            inner = []
            for v in value:
                one: list[bytes] = []
                self._feed(v, one)
                inner.append(b"".join(one))
            parts += sorted(inner)
        elif how is _DICT:
            for k, v in value.items():
                self._feed(k, parts)
                self._feed(v, parts)
        elif how is _FIELDS:
            for name, label in _fields(kind):
                parts.append(label)
                self._feed(getattr(value, name), parts)
        else:  # anything else: its whole pickle (exact, if slower)
            parts.append(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        parts.append(b"}")
        self._memo[key] = result = hashlib.blake2b(b"".join(parts), digest_size=WIDTH).digest()
        return result


@dataclasses.dataclass(frozen=True)
class Known:
    """(record, digest) pairs as the build cache keeps them (`handed_down`, Digests.in_use): the records in one
    tuple and their digests side by side in one bytes object. Kept as pairs, each pair was a tuple and a bytes
    object of its own: 400,000 objects at 2,000 meetings, a tenth of all the cache wrote and read back."""

    records: tuple = ()
    digests: bytes = b""

    @classmethod
    def of(cls, pairs) -> "Known":
        pairs = tuple(pairs)
        return cls(tuple(record for record, _ in pairs), b"".join(digest for _, digest in pairs))

    def __iter__(self):
        digests = self.digests
        return ((record, digests[n * WIDTH:(n + 1) * WIDTH]) for n, record in enumerate(self.records))

    def __len__(self) -> int:
        return len(self.records)


def handed_down(record, kinds: tuple[type, ...]) -> Known:
    """(record, digest) of `record` and of every record of `kinds` within it, for the build cache to keep beside
    it. Small records (a source line, a name) are left out: digested inside their holders, they are only
    digested alone when a holder was made anew, and a pair costs more to pickle than such a digest.

    A warm build in a new process has none of the previous build's records in
    memory, only the loader's cached ones, unpickled; digesting each of them
    again was the largest part of a warm build. Pickled in the same cache as
    the records, these pairs come back holding the very same objects, which
    `Digests.seed` then knows without looking inside. The records must not
    change after this (the model's are frozen).
    """
    memo = Digests()
    memo.of(record)
    return Known.of((kept, memo._memo[id(kept)]) for kept in memo._keep if isinstance(kept, kinds))
