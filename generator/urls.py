"""Every page's address, in one place, so links and files can never disagree.

Addresses are the citable identity of the record: readable, derived only from
content (body slug, year, minute number, meeting folder), never from build order.
"""

from __future__ import annotations

import re

from generator.model import Action, Attachment, Body, Meeting, MinuteItem, Paper
from generator.values import slugify

# The longest ref or id an address is made of: a file system takes 255 bytes a name, and an address to cite
# is short (a paper's ref is its letter or number, an action's id a word or two).
LONGEST_PART = 100

RESERVED = {"people", "archive", "static", "search", "pagefind", "data", "feeds", "accessibility"}


def home() -> str:
    return "/"


def body(slug: str) -> str:
    return f"/{slug}/"


def body_year(slug: str, year: int) -> str:
    return f"/{slug}/{year}/"


def meeting(m: Meeting) -> str:
    return f"/{m.body}/{m.date.year}/{m.folder}/"


def item_anchor(item_ref: str) -> str:
    return "item-" + slugify(item_ref)


def agenda_anchor(item_ref: str) -> str:
    """The id of an agenda item's row on its meeting's page."""
    return "agenda-" + slugify(item_ref)


def agenda_item(m: Meeting, item_ref: str) -> str:
    return f"{meeting(m)}#{agenda_anchor(item_ref)}"


def item(m: Meeting, b: Body, i: MinuteItem) -> str:
    if b.numbering.per_meeting:
        return f"{meeting(m)}{item_anchor(i.ref)}/"
    return f"/{m.body}/{m.date.year}/{slugify(i.ref)}/"


def paper(m: Meeting, p: Paper) -> str:
    return f"{meeting(m)}papers/{slugify(p.ref)}/"


def attachment(m: Meeting, p: Paper, a: Attachment) -> str:
    return f"{paper(m, p)}{a.published}"


def action(a: Action) -> str:
    return f"/{a.body}/actions/{slugify(a.id)}/"


def update_anchor(log: Meeting) -> str:
    """The id of an action's update on its page, and of its feed entry: the `body/folder` of the meeting whose log
    gave it, which stays put when a log is entered before it (a meeting entered late), as its place in the list
    does not."""
    return f"update-{log.key}"


def actions(slug: str) -> str:
    return f"/{slug}/actions/"


def actions_closed(slug: str, year: int) -> str:
    """No action's own address: an action id always ends in a number after its minute's (`#1`)."""
    return f"/{slug}/actions/closed/{year}/"


def declarations(slug: str) -> str:
    """The body's register of declarations of interest: a fixed word beside its years, as `actions` is."""
    return f"/{slug}/declarations/"


def declarations_year(slug: str, year: int) -> str:
    return f"/{slug}/declarations/{year}/"


def person(person_id: str) -> str:
    return f"/people/{person_id}/"


def person_year(person_id: str, year: int) -> str:
    """A person's records of one year (pages.person_pages)."""
    return f"/people/{person_id}/{year}/"


def people() -> str:
    return "/people/"


def archive() -> str:
    return "/archive/"


def year(y: int) -> str:
    return f"/archive/{y}/"


def search() -> str:
    return "/search/"


def accessibility() -> str:
    return "/accessibility/"


def not_found() -> str:
    """A file, not a folder: the name Netlify, GitHub Pages and most static hosts serve for an address that has
    no page, with the status 404."""
    return "/404.html"


# Open data: files rather than pages, so their addresses name the file itself.

def open_data() -> str:
    return "/data/"


def data_file(name: str) -> str:
    return f"/data/{name}"


def schema(name: str) -> str:
    return f"/data/schemas/{name}.schema.json"


def actions_csv(slug: str) -> str:
    return f"/data/actions/{slug}.csv"


def actions_json(slug: str) -> str:
    """The records of the body's actions CSV, as actions.json gives them."""
    return f"/data/actions/{slug}.json"


def data_part(dataset: str, slug: str, year: int) -> str:
    """One body's meetings (or minutes) of one calendar year: `/data/minutes/ccb/2019.json`."""
    return f"/data/{dataset}/{slug}/{year:04d}.json"


def feed() -> str:
    return "/feeds/all.xml"


def calendar() -> str:
    return "/feeds/all.ics"


def body_feed(slug: str) -> str:
    return f"/feeds/bodies/{slug}.xml"


def body_calendar(slug: str) -> str:
    return f"/feeds/bodies/{slug}.ics"


def person_feed(person_id: str) -> str:
    return f"/feeds/people/{person_id}.xml"


def action_feed(a: Action) -> str:
    return f"/feeds/actions/{a.body}/{slugify(a.id)}.xml"


def sitemap() -> str:
    return "/sitemap.xml"


def absolute(base_url: str, url: str) -> str:
    """`url` on the published site, for feeds, calendars and data that leave it."""
    return base_url.rstrip("/") + url


# An attribute holding an address on this site written from its root (href="/ccb/"), not a protocol-relative
# one (href="//host/"). Text that looks like one is escaped in a page (`"` is &#34;), so only attributes match.
_FROM_ROOT = re.compile(r"""(\s(?:href|src|action|poster|data)=["'])/(?!/)""")


def below(path: str, html: str) -> str:
    """`html` with every address written from the site's root put below `path`, where the site is published
    ("/minutes" for https://council.example/minutes/; Site.path). Pages are made with addresses from the root
    and moved below the path last, as Hugo's canonifyURLs does, so a clerk's link to /ccb/2019/ and every
    template's link alike lead into the site wherever it is published."""
    return _FROM_ROOT.sub(rf"\g<1>{path}/", html) if path else html


_PLAIN_PART = re.compile(r"[A-Za-z0-9._~-]+")


def plain_path(path: str) -> bool:
    """Whether `path` ("/minutes/", "/ccb/2019/ccbp-19-07/") goes into a link and a folder's name as written:
    letters, digits and - . _ ~ between its slashes, and no part that is . or .. (which would lead out)."""
    inner = path.strip("/")
    return not inner or all(_PLAIN_PART.fullmatch(p) and p not in (".", "..") for p in inner.split("/"))


def output_file(url: str) -> str:
    """The file below the output folder that serves `url`: a folder's index.html, or the file a page that is one
    (not_found) names."""
    if url.endswith(".html"):
        return url.lstrip("/")
    return url.strip("/") + "/index.html" if url.strip("/") else "index.html"
