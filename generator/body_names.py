"""Bodies named in words, as minutes cite another body's meeting: "minute 12 of the Health Scrutiny Committee on
5 March 2020", "item 5 of the JCCCG meeting of 5 March 2020".

A body is named by its `name`, its `short_name` or its folder's name, or by the last words of its name ("the
Health Scrutiny Committee" for the Joint Health Scrutiny Committee), in any case, and with a word naming a kind of
meeting before it or not ("the Public Commissioning Collaborative Board"). Words the last words of several
bodies' names ("the Committee") name the text's own body where it is one of them, and otherwise none: a reference
is linked only where it is known whose it is (references._named_minutes).
"""

from __future__ import annotations

import re

# Words that say which of a body's meetings it was, not which body: "the Special Meeting held on 28 September 2018"
_KINDS = frozenset({"special", "extraordinary", "annual", "additional", "informal", "public", "reconvened",
                    "adjourned", "last", "previous"})
_MEETING = re.compile(r"\s+(?:meeting|sitting)$", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
_SPACES = re.compile(r"\s+")

OWN = ""  # what `BodyNames.find` gives for words that name no body but a kind of meeting: the text's own body's


class BodyNames:
    """Finds the body that words name (`find`)."""

    def __init__(self, bodies: dict):
        self.whole: dict[str, str] = {}  # a body's name, short name or slug, in lower case -> its slug
        self.endings: dict[str, set[str]] = {}  # the last words of a body's name (two or more, or one) -> slugs
        for slug, body in sorted(bodies.items()):
            for name in (slug, body.short_name, body.name):
                if name:
                    self.whole.setdefault(_SPACES.sub(" ", name.strip().lower()), slug)
            words = _SPACES.sub(" ", (body.name or "").strip().lower()).split(" ")
            for start in range(1, len(words)):
                self.endings.setdefault(" ".join(words[start:]), set()).add(slug)

    def find(self, written: str, own: str | None) -> str | None:
        """The slug of the body `written` names ("the Health Scrutiny Committee's", "JHSC"); OWN for words naming
        a kind of meeting alone ("Special Meeting"); None where they name no body of the archive, or several of
        which the text's own body (`own`) is not one."""
        words = _SPACES.sub(" ", _MEETING.sub("", _POSSESSIVE.sub("", written.strip()))).lower()
        words = words[4:] if words.startswith("the ") else words
        if words in ("", "meeting", "sitting") or words in _KINDS:
            return OWN
        if words in self.whole:
            return self.whole[words]
        found = self.endings.get(words, set())
        if len(found) == 1:
            return next(iter(found))
        if own in found:
            return own
        kind, _, rest = words.partition(" ")
        # "the Public Commissioning Collaborative Board meeting", as a board's minutes name its meetings in public
        return self.find(rest, own) if kind in _KINDS and rest and not found else None
