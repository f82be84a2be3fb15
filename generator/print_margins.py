"""What the margins of every printed page say: the body and meeting, the page's own reference, its address.

A page's words print once, so only the first sheet of a printout named its body and meeting: the third sheet of
a meeting's minutes, an action's history or a paper, found loose on a desk, said nothing of whose it was. CSS's
`@page` margin boxes (`@top-left { content: ... }`, Chromium 131 and later) print on every sheet, but take no
text from the page (Chromium has no `string-set`), so base.html writes their words into a `<style>` of the
page's own, as CSS strings. Where a page has margin boxes Chromium leaves off its own header and footer (the
page's title and address), which is why the address is given there too.
"""

from __future__ import annotations

from markupsafe import Markup


def printed_name(meeting, body) -> str:
    """The meeting as a printed sheet's margin names it: the body's full name, as the sheet has no site header
    beside it ('Testshire Health and Wellbeing Board'), then the meeting's title where it is more than the
    body's name ('...: Extraordinary meeting'), not where it is the title a meeting has by default ('JCCCG
    meeting'); the template adds its date."""
    title = meeting.title
    if title.lower() in body.name.lower() or title == f"{body.short_name} meeting":
        return body.name
    if body.name.lower() in title.lower():
        return title
    return f"{body.name}: {title}"


def css_string(text) -> Markup:
    """`text` (a rendered block, HTML-escaped, or a plain string) as a CSS string for a `<style>`: its entities
    read back to characters, quotes and backslashes escaped, and `<` escaped so that no title can close the
    element; lines joined, as a margin box holds one."""
    plain = text.unescape() if isinstance(text, Markup) else str(text)
    plain = " ".join(plain.split())
    escaped = plain.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return Markup(f'"{escaped}"')
