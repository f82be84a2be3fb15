"""What a meeting's `kind:` says of its business, for `minutebook new meeting --kind`.

`kind:` is free text, as bodies name their meetings in their own words; most meetings are of no kind. Two kinds
change what the scaffold writes: an annual meeting opens with the year's elections (numbering.ANNUAL, scaffold's
_annual_items), and a meeting called for a purpose (an extraordinary or special meeting) takes only the business
it was called for, as councils' and NHS boards' standing orders say: no minutes of the previous meeting,
matters arising, action log, other business or date of the next meeting. Two words a clerk may give as a kind
are none: a reconvened sitting is made from the meeting it continues (`--reconvenes`), and whether a meeting
was quorate is `quorate:`, said once it has met.
"""

from __future__ import annotations

import re

# The words naming a meeting called for a stated purpose: "Extraordinary Council", "Special Meeting", "Emergency
# meeting of the Board", "Urgent meeting"
CALLED = frozenset({"extraordinary", "special", "emergency", "urgent"})
_WORDS = re.compile(r"[a-z]+")


def called(kind: str) -> bool:
    """Whether a meeting of `kind` takes only the business it was called for (CALLED names it, in any case)."""
    return any(word in CALLED for word in _WORDS.findall(kind.lower()))


def no_kind(kind: str) -> tuple[str, str] | None:
    """(what is wrong, what to do) where `kind` is a word `--kind` takes for something other than a meeting's kind:
    a reconvened or adjourned sitting, scaffolded as one by `--reconvenes`, and a meeting that was inquorate, which
    says so with `quorate: no`. Else None."""
    words = set(_WORDS.findall(kind.lower()))
    if words & {"reconvened", "adjourned", "continued", "resumed"}:
        return ("a reconvened sitting is of the meeting it continues, and is made from it",
                "leave --kind out and give --reconvenes with the folder of the meeting that adjourned: the sitting "
                "then takes the items it did not reach, under their numbers")
    if words & {"inquorate", "unquorate", "quorate"}:
        return ("whether a meeting was quorate is said by `quorate:` in its meeting.md, not by its kind",
                "leave --kind out, and write `quorate: no` in the meeting.md once the meeting has been held")
    return None
