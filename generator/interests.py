"""The type of each interest declared, checked against the types its body declares by.

NHS boards minute a declaration by the four types of NHS England's conflicts of
interest guidance, councils by those of their code of conduct; each body words
them its own way ("Financial Interests", "DPI"). A type is what a reader looks
through a member's declarations for (every pecuniary interest), so one mistyped
would be a type of its own: each must be one the body lists (`interest_types:`
in its file, else site.yaml's, else model.INTEREST_TYPES), and is published as
the list spells it.
"""

from __future__ import annotations

import dataclasses
from difflib import SequenceMatcher
from pathlib import PurePosixPath

from generator import schema as s
from generator.diagnostics import shortened
from generator.model import Body, Declaration, InterestTypes, Site
from generator.numbering import file_of
from generator.schema import Context
from generator.yamltext import LList, line_of


def folded(name: str) -> str:
    """What two spellings of one type share: case, hyphens for spaces and a plural s apart, as packs write
    "Non-Financial Personal Interests" in the table members declare by and minutes "non-financial personal
    interest" below it."""
    words = " ".join(name.lower().replace("-", " ").split())
    return words[:-1] if words.endswith("s") and not words.endswith("ss") else words


def listed(value, ctx: Context) -> tuple[str, ...]:
    """`interest_types:` in a body's file or site.yaml: the types, each once. Two spellings of one type (folded)
    would leave the page to choose between them: the second is an error on its line."""
    entries = value if isinstance(value, list) else [value]
    names: dict[str, str] = {}
    for index, entry in enumerate(entries):
        if entry is None:
            continue
        line = line_of(entry, value.line_of(index) if isinstance(value, LList) else line_of(value))
        try:
            name = " ".join(s.text(entry, ctx).split())
        except s.Invalid as exc:
            ctx.report.error(ctx.path, line, f"interest_types: {exc.message}", exc.hint)
            continue
        if not name:
            continue
        if folded(name) in names:
            ctx.report.error(ctx.path, line, f"interest_types: '{shortened(name)}' is the type "
                             f"'{shortened(names[folded(name)])}' again, as declarations are matched to types "
                             "whatever their case, hyphens or plural s", "keep one of them")
            continue
        names[folded(name)] = name
    return tuple(names.values())


def inherited(site: Site | None) -> InterestTypes:
    """The types of a body whose file lists none: site.yaml's, else Minutebook's own."""
    return site.interest_types if site is not None and site.interest_types is not None else InterestTypes()


def of_body(own: tuple[str, ...] | None, file: str, site_types: InterestTypes) -> InterestTypes:
    """Body.interest_types: those its file lists (`own`, None where it lists none), else `site_types`. `file`: the
    body's, as messages name it (numbering.file_of)."""
    return site_types if own is None else InterestTypes(own, file)


def typed(declarations: tuple[Declaration, ...], body: Body, ctx: Context) -> tuple[Declaration, ...]:
    """The declarations, each type spelt as the body's list spells it; a type the list lacks is an error on its
    line, naming the types there are and the file to add one to."""
    types = body.interest_types
    spelt = {folded(name): name for name in types.names}
    out = []
    for declaration in declarations:
        written = declaration.type
        if not written:
            out.append(declaration)
            continue
        name = spelt.get(folded(written))
        if name is None:
            ctx.report.error(ctx.path, line_of(written), _unknown(written, body), _what_to_do(written, body))
        out.append(dataclasses.replace(declaration, type=name or str(written)))
    return tuple(out)


def _unknown(written: str, body: Body) -> str:
    types = body.interest_types
    if not types.names:
        return (f"type: '{shortened(written)}', but {body.short_name} declares interests by no type "
                f"(`interest_types: []` in {types.declared_in})")
    return (f"type: '{shortened(written)}' is not one of {body.short_name}'s types of interest: "
            f"{', '.join(types.names)}")


def _what_to_do(written: str, body: Body) -> str:
    types, own = body.interest_types, file_of(body)
    if not types.names:
        return f"take `type:` out, or list the types {body.short_name} declares by under `interest_types:`"
    where = own if types.declared_in == own else \
        f"{types.declared_in}, or list {body.short_name}'s own in {own}" if types.declared_in else None
    add = f"add '{shortened(written)}' to `interest_types:` in {where}" if where else \
        (f"list the types {body.short_name} declares by under `interest_types:` in {own} (in "
         f"{PurePosixPath(own).parent.parent / 'site.yaml'}, for every body)")
    meant = _meant(written, types.names)
    return f"did you mean '{meant}'? If not, {add}" if meant else f"write one of them, or {add}"


def _meant(written: str, names: tuple[str, ...]) -> str | None:
    """The type `written` most likely means, where one stands out: a misspelling of it (far closer to it than
    to any other: "registrable interest" is as near the other registrable interests as the non-registrable),
    its initials (DPI), or its own words with "interest" left out or some of them left out, where no other type
    has them ("financial", "pecuniary"). None rather than a guess: "non-pecuniary" is not the pecuniary."""
    by_key = {folded(name): name for name in names}
    key = folded(written)
    scored = sorted(((SequenceMatcher(None, key, known).ratio(), known) for known in by_key), reverse=True)
    if scored and scored[0][0] >= 0.85 and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 0.05):
        return by_key[scored[0][1]]
    initials = [name for known, name in by_key.items() if "".join(w[0] for w in known.split()) == key.replace(" ", "")]
    if len(initials) == 1:
        return initials[0]
    words = set(key.split()) - {"interest"}
    for fits in (lambda known: words == set(known.split()) - {"interest"}, lambda known: words <= set(known.split())):
        found = [name for known, name in by_key.items() if words and fits(known)]
        if len(found) == 1:
            return found[0]
    return None
