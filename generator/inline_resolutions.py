"""Decisions written in the minutes' text, as minutes taken from a Word or PDF pack write them, and not recorded.

Minutes record what was decided where it was: "It was RESOLVED: That the report be received.", "RESOLVED –
that the Board approves the plan", "The Committee RESOLVED to note the report", "It was resolved that the
report be noted.", "The Committee agreed to defer the item.", "The Board agreed the revised terms of reference.", "The
minutes of the meeting held in April 2018 were approved as an accurate record of the meeting.", "The minutes were
agreed.", a line "It was RESOLVED to:" or "RESOLVED that:"
over a list of the decisions, or "The Board:" over a list of them each opening with its verb in capitals
("RECEIVED the report", "NOTED the risks"). The item's page shows, and minutes.json gives, only the decisions its
```item block lists under `resolutions:`; one pasted in the text alone is in neither, and nothing would say so.
Each (each of a paragraph's, one after another) is a warning naming the entry to write: the decision's words,
a verb that "The Board:" lists as done written as resolutions write it ("**APPROVE** the plan"). A
confidential minute's are not: its resolutions are published no more than its text; nor are a private meeting's
(load_minutes does not look for them). An item whose
`resolutions:` has an entry of two thirds of its words (as inline_actions compares an action's), or whose
`actions:` has one, has it recorded: "It was agreed that an update be given" is tracked as the action it is.

Only the shapes above are read: "RESOLVED" or "AGREED" in capitals, then a colon or dash, "that" or "to";
"Resolved" or "Agreed" opening a line or sentence, then a colon or dash; "resolved" or "agreed" then "that", or
"to" and a verb, after who decided ("It was", the meeting, "Members") opening a sentence, as real minutes write
it; "agreed" (approved, endorsed, ratified, adopted) then "the" or "a" after the meeting opening a sentence that says
no more than what was decided (_decided_what); "The minutes" opening a line or sentence, then "were approved
(agreed, confirmed, accepted)", then "as an accurate (correct, true) record" or the sentence's end (or a comma,
"subject to", an amendment, "and signed"), not "by" or "at" another body, which an entry speaking of the minutes'
approval records. Prose that
speaks of decisions ("the resolution of the previous meeting", "as resolved at minute 24/007",
"as agreed at the last meeting", "the matter was resolved to the satisfaction of"), a person's undertaking ("Ms
Adams agreed to email"), agreement in the discussion ("and therefore it was agreed that the figures were not a
true reflection"), "noted" in any form, a line "APPROVED" alone (for the chair's signature), headings, tables and
code are not (inline_actions.prose reads the paragraphs).
"""

from __future__ import annotations

import re
from functools import partial

from generator.diagnostics import shortened
from generator.inline_actions import (_COMMON, _SENTENCE_END, Prose, _is_header as _over_actions, _plain, _words,
                                       alike, paragraphs)
from generator.model import MinuteItem
from generator.yamltext import scalar

_DASH = r"\s*(?::|[–—]|-(?=\s))"
# "It was RESOLVED: That ...", "RESOLVED – that ...", "The Committee RESOLVED to ...", "Resolved: That ..."
_DECIDED = re.compile(rf"(?:\b(?:RESOLVED|AGREED)(?={_DASH}|\s+(?:that|That|THAT|to|To|TO)\b)"
                      rf"|(?:^|(?<=[.!?])\s+)(?:Resolved|Agreed)(?={_DASH}))(?:{_DASH})?\s*"
                      r"(?:(?:(?P<that>that|That|THAT)|to|To|TO)\b\s*:?)?\s*", re.M)
# "It was resolved that ...", "The Committee agreed to note ...": read only after the subject below. "To" then a
# verb: "agreed to the continuation of" leaves no decision's words to write, nor is "resolved to" "the satisfaction"
_SPOKEN = re.compile(r"\b(?:resolved|agreed|Resolved|Agreed)\s+(?:(?P<that>that)\b|to\s+(?!(?:the|a|an|this|these|"
                     r"those|that|its|their|his|her|our|all|any|each|every|some|no)\b)(?=[a-z]))\s*")
# Who decides, opening a line (after its paragraph's number, "4.3", if it has one) or sentence: "It was", the
# meeting ("The Committee", "The Health and Wellbeing Board", "Members"); not a person ("The Chair agreed to
# write": an action), nor "the matter was", "as agreed", "For this reason, it was agreed"
_SUBJECT = re.compile(r"(?:(?:^|(?<=\n))(?:\d+(?:\.\d+)*\.?\s+)?|(?<=[.!?])\s+)(?P<subject>(?:It\s+was|(?:The\s+)?"
                      r"[Mm]embers|The\s+(?!(?:Vice[\s-])?Chair)(?:(?:[A-Z][\w&'’-]*|and|of|for|&)\s+){0,5}?"
                      r"(?:[Bb]oard|(?:[Ss]ub-?)?[Cc]ommittee|[Pp]anel|[Cc]ouncil|[Cc]abinet|[Cc]ommission|[Gg]roup|"
                      r"[Ff]orum|[Pp]artnership|[Bb]ody|[Mm]eeting))"
                      r"(?:\s+(?:also|further|then|therefore|unanimously))?)\s+\Z")
# A line over a list of the decisions: "It was RESOLVED to:", "RESOLVED that:", "Resolved:"
_HEADER = re.compile(r"(?:(?:.*\s)?(?:RESOLVED|AGREED)|Resolved|Agreed)(?:\s+(?:that|to|That|To|THAT|TO))?\s*:")
# "The Board:", "The Health and Wellbeing Board:", over a list of decisions each opening with its verb
_BODY = re.compile(r"The\s+[A-Z][\w&'’-]*(?:\s+(?:and|of|for|[A-Z][\w&'’-]*)){0,5}\s*:")
_VERB = re.compile(r"[A-Z]{2,}ED\b")  # "RECEIVED the report", "NOTED the risks", "APPROVED the plan"
# The minutes' approval in the passive, as minutes from a pack write it ("The minutes of the meeting held in April
# 2018 were approved as an accurate record of the meeting."), opening a line or sentence as _SUBJECT's decisions do;
# not another body's approval of its own minutes ("... as a correct record by the Audit Committee", "at its meeting")
# (no verb before "were" is the minutes': "The minutes were circulated and the actions were agreed" is no approval)
_AS_A_RECORD = re.compile(r"(?:(?:^|(?<=\n))(?:\d+(?:\.\d+)*\.?\s+)?|(?<=[.!?])\s+)(?P<minutes>The\s+minutes\b"
                          r"(?:(?!\b(?:were|was|is|are|had|has|have|been)\b)[^.!?]){0,200}?)\s+(?:were|was)\s+"
                          r"(?P<verb>approved|agreed|confirmed|accepted)(?:\s+(?P<record>as\s+(?:an?\s+)?"
                          r"(?:accurate|correct|true)(?:\s+and\s+(?:accurate|correct|true))?\s+records?\b)"
                          r"(?!\s+(?:by|at)\b)"
                          # or no more than that: "The minutes were agreed.", "..., subject to an amendment", "...,
                          # and signed"; not "were agreed to be published", "were approved by the Audit Committee",
                          # "were approved, including ..."
                          r"|(?=\s*(?:[.!?;]|\Z)|,?\s+(?:subject\s+to\b|with(?:out)?\s+(?:the\s+following\s+|one\s+|"
                          r"an?\s+)?amendments?\b|and\s+(?:were\s+|was\s+)?(?:duly\s+)?signed\b)))")
# "The Board agreed the revised terms of reference.", "The Committee approved the budget.": a decision without
# "that" or "to", read after who decided (_SUBJECT, not "It was") and only where the sentence says no more than what
# was decided, as the meeting's own decision; its verb
_DECIDED_WHAT = re.compile(r"(?P<verb>agreed|approved|endorsed|ratified|adopted)\s+(?=(?:the|its|this|these|an?)\s)")
# What makes such a sentence other than the meeting's decision of the day: a clause ("agreed the figures were not a
# true reflection", "approved the plan, which had ..."), a list or a question to follow ("agreed the following:"),
# more done in it ("and asked"), or another time ("previously", and _ANOTHER_DAY's)
_NOT_DECIDED_HERE = re.compile(r"\b(?:was|were|is|are|be|been|being|had|has|have|would|should|could|will|shall|must|"
                               r"might|may|did|does|do|if|whether|when|which|who|following|previously|earlier|already|"
                               r"originally|ago|asked|requested|noted|thanked|welcomed|received|discussed)\b"
                               r"|[:;?()\[\]]")
# "in March 2018", "at its last meeting", "last year": but for the minutes, which name their meeting so ("approved
# the minutes of the meeting held on 14 March 2019")
_ANOTHER_DAY = re.compile(r"\b(?:in|on|during|since|from|until)\s+(?:\d|(?:January|February|March|April|May|June|"
                          r"July|August|September|October|November|December)\b)|\bat\s+(?:its|their|the|a|an)\b"
                          r"[^.!?]*\bmeeting\b|\b(?:last|previous)\b(?!\s+meeting)")
_SIGNED = re.compile(r",?\s+and\s+(?:were\s+|was\s+)?(?:duly\s+)?signed\b[^.!?]*")  # by the chair: no part of it
# "record", a word re looks for as such, then the word before it: a pattern starting with that word ("accurate") took
# three times what the rest of may_hold does over the CCB's minutes (30 kB) without a decision in them
_RECORD = re.compile(r"record\b")
# An entry that records the minutes' approval, whatever it calls the meeting ("APPROVE the minutes of the last
# meeting"): the minutes, and their approval or their being a record
_APPROVING = {"approv", "agre", "confirm", "accept", "record"}
_MAY_HOLD = re.compile(r"\b(?:[A-Z]{2,}ED|Resolved|Agreed)\b")
# "resolved" or "agreed" as _SPOKEN reads them (then "that", or "to", across emphasis or a line's end) or as
# _DECIDED reads "Resolved:": nearly every minutes text says "agreed" somewhere, and most of those in no such way.
# Each pattern starts with its word, which re looks for as such, and only in a text that says it
_MAY_SAY = tuple((word, re.compile(word + r"(?:[\s*_]+t(?:o|hat)\b|[\s*_]*(?::|[–—]|-\s))"))
                 for word in ("greed", "esolved"))
# Where _DECIDED_WHAT or _AS_A_RECORD without "record" may read: each verb then what was decided, looked for as such
# (a pattern starting with its word) in a text that says it, across emphasis, then the end of _SUBJECT's meeting
# before it; or "The minutes" before "were agreed". "agreed the" alone is in most minutes: looking for it alone made
# this check eight times as costly over the synthetic archive's minutes
_PLAINLY = tuple((word, re.compile(word + r"[\s*_]+(?:the|its|this|these|an?)\s"))
                 for word in ("agreed", "approved", "endorsed", "ratified", "adopted"))
_SUBJECT_ENDS = re.compile(r"(?:[Bb]oard|[Cc]ommittee|[Pp]anel|[Cc]ouncil|[Cc]abinet|[Cc]ommission|[Gg]roup|[Ff]orum|"
                           r"[Pp]artnership|[Bb]ody|[Mm]eeting|[Mm]embers|also|further|then|therefore|unanimously)"
                           r"[*_]*\s+[*_]*\Z")
_PASSED = re.compile(r"(?:were|was)\s+(?:approved|agreed|confirmed|accepted)\b")
# in every line _SPOKEN reads, before emphasis goes ("It was **agreed** that"), or ending it ("It was agreed" over
# "that the ...", as minutes written in an editor wrap)
_SPOKEN_HINT = re.compile(r"(?:resolved|agreed)(?:[\s*_]+t(?:o|hat)\b|[\s*_]*$)")
# "report" is what most decisions are about ("That the report be received"): a word to compare them by
_OWN_COMMON = (_COMMON - {"report"}) | {"that", "resolved", "agreed"}
_ENDING = re.compile(r"(?:ing|ed|es|e|s|d)$")  # "received" is "RECEIVE"'d, "approves" "APPROVE"d
# How a verb in capitals loses its "-ED" ("APPROVED the plan", as "The Board:" lists decisions) to be written as
# resolutions write it ("**APPROVE** the plan"): a consonant doubled before it goes ("DEFERRED", "CANCELLED"), and
# the "E" the verb ends with comes back where English spelling wants it ("NOTED", "RECEIVED", "ENDORSED", "DECLINED")
_DOUBLED = re.compile(r"(?:([BGMNPRT])\1|(?<=\w{3}[EO]L)L)$")
_WANTS_E = re.compile(r"(?:[UV]|[^S]S|[^C]C|[^Z]Z|(?<!O)NG|[^NG]G|(?:[^AEIOU]|QU)[AEIOU][DKMB]|(?:[^AEIOU]|QU)"
                      r"(?:[AIOU]R|[AIU]N|[IOU]L|[AE]P|[AOU]T))$")
_E_OR_NOT = {"COMPLET": True, "DELET": True, "COMPET": True, "INVIT": True, "UNIT": True, "CREAT": True,
             "POSTPON": True, "FOCUS": False, "MONITOR": False, "SPONSOR": False}


def present(verb: str) -> str:
    """The verb, in capitals and ending "-ED", as a resolution writes it: "APPROVED" is "APPROVE"."""
    if verb.endswith("IED"):
        return verb[:-3] + "Y"  # "RATIFIED"
    if verb.endswith("EED"):
        return verb[:-1]  # "AGREED"
    stem = verb[:-2]
    if _DOUBLED.search(stem):
        return stem[:-1]
    return stem + "E" if _E_OR_NOT.get(stem, bool(_WANTS_E.search(stem))) else stem


def _deciding(line: str) -> bool:
    """Whether _DECIDED or _SPOKEN may read the line: substrings first, as the lines of most paragraphs of a large
    archive's minutes hold none, and a pattern over each, even one of its words, was four times the check's cost."""
    if "greed" in line or "esolved" in line:  # "agreed", "Agreed", "resolved", "Resolved"
        return "Agreed" in line or "Resolved" in line or "AGREED" in line or "RESOLVED" in line \
            or _SPOKEN_HINT.search(line) is not None
    return "AGREED" in line or "RESOLVED" in line


def may_hold(text: str) -> bool:
    """Whether the minutes may hold such a line: most of a large archive's hold none."""
    # substrings first: a pattern over every line of a large archive's minutes was a tenth of loading them
    return ("ED" in text and bool(_MAY_HOLD.search(text))) or any(
        word in text and said.search(text) for word, said in _MAY_SAY) or (
        "record" in text and any(text[max(0, found.start() - 12):found.start()].rstrip().endswith(
            ("accurate", "correct", "true")) for found in _RECORD.finditer(text))) or (  # where _AS_A_RECORD may read
        _may_say_plainly(text))


def _may_say_plainly(text: str) -> bool:
    """Whether _DECIDED_WHAT, or _AS_A_RECORD without "record", may read `text` (_PLAINLY)."""
    for word, said in _PLAINLY:
        if word in text and any(_SUBJECT_ENDS.search(text, max(0, found.start() - 30), found.start())
                                for found in said.finditer(text)):
            return True
    return "inutes" in text and any("inutes" in text[max(0, found.start() - 210):found.start()]
                                    for found in _PASSED.finditer(text))


def _is_header(line: str) -> bool:
    """"ACTIONS AGREED:" is over the actions agreed (inline_actions), not decisions."""
    plain = _plain(line).strip()
    return bool(_HEADER.fullmatch(plain) or _BODY.fullmatch(plain)) and not _over_actions(line)


prose = partial(paragraphs, is_header=_is_header)


def _words_of(text: str) -> set[str]:
    """The decision's words, each without its ending: one minuted "be received" is recorded as "RECEIVE"."""
    return {_ENDING.sub("", word) for word in _words(text, _OWN_COMMON)}


def _decisions(text: str):
    """(match, who decided or "", where it starts, where its sentence ends) of each decision written in `text` (a
    paragraph made plain), one after another: a paragraph may record two ("It was RESOLVED: That ... It was
    further RESOLVED: That ...")."""
    pos = 0
    while True:
        found = _DECIDED.search(text, pos)
        subject, starts = "", 0
        spoken = _SPOKEN.search(text, pos, found.start() if found else len(text))
        while spoken is not None:  # "agreed that" is read only after who decided, so most are not decisions
            opening = _SUBJECT.search(text, max(0, spoken.start() - 100), spoken.start())
            if opening is not None:
                found, subject, starts = spoken, opening["subject"], opening.start("subject")
                break
            spoken = _SPOKEN.search(text, spoken.end(), found.start() if found else len(text))
        if found is None:
            return
        if not subject:  # "Resolved:" on the line below a sentence's end: the match starts at that end
            starts = found.end() - len(found.group(0).lstrip())
        ends = _SENTENCE_END.search(text, found.end())
        pos = ends.end() if ends else len(text)
        yield found, subject, starts, pos


# What joins a council's numbered decisions ("1) that the report be noted; and"), which is no part of each
_JOINED = re.compile(r"\s*;\s*(?:and|or)?\s*$", re.I)


def _found(paragraphs: list[Prose]) -> list[tuple[int, str, str, bool]]:
    """(index of the line in the minutes' text, the words that record it, the entry's text, whether it is the
    minutes' approval) of each decision."""
    found, below = [], set()  # the paragraphs that are a decision's words, under "It was RESOLVED:"
    # looked for in each paragraph only where the item says it, as in most it does not: in each, it was half the check
    plainly = _may_say_plainly("\n\n".join("\n".join(paragraph.lines) for paragraph in paragraphs))
    for n, paragraph in enumerate(paragraphs):
        if paragraph.listed is None and not any(_deciding(line) or "record" in line for line in paragraph.lines) \
                and not (plainly and _may_say_plainly("\n".join(paragraph.lines))):
            continue  # most paragraphs: the words are looked for before each line is made plain
        if paragraph.listed is not None:  # an item of the list under "RESOLVED to:" or "The Board:"
            whole = " ".join(_plain(line).strip() for line in paragraph.lines).strip()
            header = _HEADER.fullmatch(_plain(paragraph.header).strip())
            verb = _VERB.match(whole)
            if whole and (header or verb):
                entry = " ".join(" ".join(paragraph.lines).split())  # as written: "**RECEIVE** the report"
                that = header and re.search(r"\bthat\s*:$", header.group(0), re.I)  # "RESOLVED that:", "- the ..."
                entry = _JOINED.sub("", entry)
                if verb and not that:  # "APPROVED the plan" under "The Board:" is resolved as "APPROVE the plan"
                    entry = entry.replace(verb.group(0), present(verb.group(0)), 1)
                found.append((paragraph.line, whole, f"That {entry}" if that else entry[:1].upper() + entry[1:],
                              False))
            continue
        following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        text = _plain("\n".join(paragraph.lines))
        for match, subject, starts, ends in _decisions(text):
            if _over_actions(paragraph.lines[min(text.count("\n", 0, match.start()), len(paragraph.lines) - 1)]):
                continue  # "ACTIONS AGREED:", over actions
            said = " ".join(text[match.end():ends].split())
            written = " ".join(f"{subject} {match.group(0)}".split())  # "It was agreed that", "RESOLVED: That"
            if not said and not text[ends:].strip():
                if following is None or following.listed is not None:  # its list's items are the decisions
                    break
                said = " ".join(" ".join(_plain(line) for line in following.lines).split())  # "RESOLVED:" above it
                said = next((part for part in _SENTENCE_END.split(said) if part.strip()), "")
                below.add(n + 1)
            if said:
                text_of = f"That {said}" if match["that"] else said[:1].upper() + said[1:]
                found.append((paragraph.line + text.count("\n", 0, starts), f"{written} {said}", text_of,
                              _of_the_minutes(said)))
        if n in below:
            continue
        found.extend(_decided_what(text, paragraph.line))
        for approval in _AS_A_RECORD.finditer(text):
            ends = _SENTENCE_END.search(text, approval.end())
            stop = ends.start() if ends else len(text)
            minutes = " ".join(approval["minutes"].split())  # "The minutes of the meeting held on 14 March 2019"
            minutes = f"{present(approval['verb'].upper())} {minutes[:1].lower()}{minutes[1:]}"
            if approval["record"]:
                record = _SIGNED.sub("", " ".join(text[approval.start("record"):stop].split()))  # "as a record of"
                entry = f"{minutes} {record}"
            else:  # "." or ", subject to ...", to the sentence's end or a semicolon, without the chair's signing
                rest = _SIGNED.sub("", " ".join(text[approval.end():stop].split())).split(";")[0].rstrip()
                entry = f"{minutes}{'' if rest[:1] in ('', ',', '.') else ' '}{rest}"
                entry = entry if entry.endswith((".", "!", "?")) else f"{entry}."
            found.append((paragraph.line + text.count("\n", 0, approval.start("minutes")),
                          " ".join(text[approval.start("minutes"):stop].split()), entry, True))
    return found


# A council's resolution on its minutes ("RESOLVED: that the minutes of the meeting held on 21 January 2019 be
# confirmed as a correct record"): the minutes' approval, which any entry approving the minutes records
_THE_MINUTES = re.compile(r"(?:that\s+)?the\s+minutes\b", re.I)


def _of_the_minutes(said: str) -> bool:
    """Whether a resolution in the text approves the minutes, as the passive "The minutes were approved" does."""
    return _THE_MINUTES.match(said) is not None and bool(_words_of(said) & _APPROVING)


def _decided_what(text: str, line: int) -> list[tuple[int, str, str, bool]]:
    """Each decision `text` (a paragraph made plain, its first line the minutes' `line`) writes without "that" or
    "to" ("The Board agreed the revised terms of reference."), as _found gives them: read only where the meeting
    (not "It was") opens the sentence and the sentence says no more than what it decided (_NOT_DECIDED_HERE), as
    one reported or of another day would publish a decision that was not made."""
    found = []
    for verb in _DECIDED_WHAT.finditer(text):
        opening = _SUBJECT.search(text, max(0, verb.start() - 100), verb.start())
        if opening is None or opening["subject"].startswith("It"):
            continue
        ends = _SENTENCE_END.search(text, verb.end())
        stop = ends.start() if ends else len(text)
        what = " ".join(text[verb.end():stop].split())
        minutes = what.startswith("the minutes ")
        if len(what) > 200 or _NOT_DECIDED_HERE.search(what) or not minutes and _ANOTHER_DAY.search(what):
            continue
        found.append((line + text.count("\n", 0, opening.start("subject")),
                      " ".join(text[opening.start("subject"):stop].split()),
                      f"{present(verb['verb'].upper())} {what}", minutes))
    return found


# A word in capitals an entry opens with ("APPROVE the budget.", "APPROVE: the plan", "NOT APPROVE the paper"), and
# the verbs resolutions write so. Any words in capitals were bolded as the verb: a body's initials ("HSCP to report
# back" under "AGREED:"), the initials after the verb ("**NOTE NHS** Tayside's report"), most of a line written
# wholly in capitals; and a verb before a colon was not
_CAPITALS = re.compile(r"([A-Z]{2,})(?![\w'’&-])\s*")
_DECISION_VERBS = frozenset("""ACCEPT ACKNOWLEDGE ADD ADOPT AGREE ALLOCATE AMEND APPOINT APPROVE ASK AUTHORISE AUTHORIZE
    AWARD CALL CANCEL COMMEND COMMISSION COMPLETE CONFIRM CONSIDER CONTINUE DECIDE DECLINE DEFER DELAY DELEGATE
    DIRECT DISCUSS ELECT ENDORSE EXCLUDE EXTEND GRANT INSTRUCT INVITE MONITOR NOMINATE NOTE POSTPONE RATIFY RECEIVE
    RECOMMEND REFER REFUSE REJECT RENEW REQUEST REQUIRE RESOLVE REVIEW SUBMIT SUPPORT THANK WELCOME WITHDRAW""".split())
_VERB_ENDING = re.compile(r"[A-Z]{3,}(?:ISE|IZE|ATE|IFY)")  # "PRIORITISE", "NOMINATE": no body's initials


def _is_verb(word: str) -> bool:
    return word in _DECISION_VERBS or bool(_VERB_ENDING.fullmatch(word)) or (
        word.endswith("ED") and present(word) in _DECISION_VERBS)


def _in_bold(entry: str) -> str:
    """The entry with the verb it opens with in bold, as resolutions write it ("**APPROVE** the budget.") and the
    docs show the entry; "NOT" and verbs joined by "AND" or "OR" with it ("**NOTE AND APPROVE** the plan")."""
    pos, end = 0, 0
    while (word := _CAPITALS.match(entry, pos)) is not None:
        if _is_verb(word[1]):
            end = word.end(1)
        elif word[1] not in ("NOT", "AND", "OR") or not end and word[1] != "NOT":
            break
        pos = word.end()
    return f"**{entry[:end]}**{entry[end:]}" if end else entry


def check(item: MinuteItem, paragraphs: list[Prose], body_line: int, block: int | None, ctx) -> None:
    """Warn of each decision `paragraphs` (the item's) record in the text that the item's `resolutions:` does not
    list. `block`: the line of the item's block, None where it has none."""
    if item.confidential:  # its resolutions are published no more than its text is: there is nothing to miss
        return
    # a decision that something be done ("It was agreed that an update be given to the next meeting") may be
    # recorded as the action it is
    recorded = [_words_of(entry) for entry in item.resolutions] + [_words_of(action.text) for action in item.actions]
    told = set()
    for line, written, text, approval in _found(paragraphs):
        words = _words_of(text)
        if any(alike(words, entry) or approval and "minut" in entry and entry & _APPROVING for entry in recorded) \
                or frozenset(words) in told:
            continue
        told.add(frozenset(words))
        where = f"list it under `resolutions:` in the item's ```item block (line {block})" if block is not None \
            else "give the item an ```item block listing it under `resolutions:`"
        ctx.report.warning(ctx.path, body_line + line, f"'{shortened(written, 60)}' records a decision in the text "
                           f"of minute {item.number} only, not under `resolutions:`, so the minute's page shows no "
                           f"decision and the open data has none",
                           f"to record it, {where} as `- {scalar(_in_bold(text))}`")
