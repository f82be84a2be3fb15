"""`minutebook new site`: a new archive's `site.yaml`, the first file the build reads.

A clerk starting an archive had no command for it: `new body` and `check` said there was no site.yaml and to create
one by hand from the docs, with four required fields, one of them a nested licence. The command writes it from
what it is given, the address checked by the loader's own function (load_registers._site_root), with the licence
most public bodies publish under and the optional fields commented out, so that `minutebook check` takes the file as
it is. Like the other `new` commands, it writes through scaffold.write_all: never over a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator import schema as s
from generator.diagnostics import Report, content_option, named_from_here
from generator.load_registers import _site_root
from generator.scaffold import Refused
from generator.yamltext import scalar

# The Open Government Licence, which UK councils and NHS bodies publish their records under
OGL = ("Open Government Licence v3.0", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")


# What builds make beside the content folder, kept out of the archive's repository: a clerk's `git add -A` after a
# first build committed the build cache and the preview, which hold draft minutes and confidential items, to a
# repository that is often public, and the built site with them
GITIGNORE = """\
# What Minutebook makes, which is no part of the archive's record (README, Using it): the built site, and
# .minutebook/, the build cache and the preview, which hold draft and confidential records: never commit them.
/site/
/.site.tmp-*/
/.site.old-*/
.minutebook/
"""


@dataclass(frozen=True)
class SitePlan:
    """The file to create, and what the command says of it once written."""

    files: dict[Path, str]
    summary: str


def site_yaml(title: str, publisher: str, base_url: str) -> str:
    """The site's settings: the required fields as given, the licence the OGL, and each optional field commented
    out with what it is for, as docs/content-format.md gives them."""
    return "\n".join([
        "# The archive's settings (docs/content-format.md, site.yaml). A line starting with # is a comment: take",
        "# out the # to use the field on it.",
        f"title: {scalar(title)}  # the site's name, at the top of every page",
        f"publisher: {scalar(publisher)}  # who publishes the archive",
        f"base_url: {scalar(base_url)}  # the address of the site's home page, for citations, feeds and links",
        "licence:  # the licence the records are published under: change both lines if it is not the OGL",
        f"  name: {scalar(OGL[0])}",
        f"  url: {OGL[1]}",
        "# language: cy  # the records' language, where not British English (en-GB)",
        "# description: Public meeting records of ...  # on the home page (markdown)",
        "# accessibility:  # for the accessibility statement a public sector body must publish",
        "#   email: web@example.org  # how to report a problem or ask for another format: any of an email address,",
        "#   web: https://example.org/contact  # a contact form's address",
        "#   phone: 0116 000 0000  # and a phone number",
        "#   prepared: YYYY-MM-DD  # when the statement was prepared",
        "#   reviewed: YYYY-MM-DD  # and last reviewed",
        ""])


def plan_site(content: Path, title: str, publisher: str, base_url: str) -> SitePlan:
    """`<content>/site.yaml`, the content folder made with it where there is none yet; refused, with what to
    give, for an address the loader would refuse. One there already is refused by write_all, which never
    overwrites."""
    path = Path(content) / "site.yaml"
    report = Report(root=Path(content))
    try:
        address = _site_root(base_url.strip(), s.Context(path, report))
    except s.Invalid as refused:
        raise Refused([], f"--base-url {base_url}: {refused.message}; {refused.hint}") from None
    address = address if address.endswith("/") else address + "/"
    option = content_option(content)
    files = {path: site_yaml(title.strip(), publisher.strip(), address)}
    ignore = Path(os.path.abspath(content)).parent / ".gitignore"
    if not ignore.exists():
        files[ignore] = GITIGNORE
        kept = f" {named_from_here(ignore)} keeps site/ and .minutebook/ (the build cache and the preview, which " \
            "hold draft and confidential records) out of git."
    elif ".minutebook" not in ignore.read_text(encoding="utf-8", errors="replace"):
        kept = f" Add `/site/` and `.minutebook/` to {named_from_here(ignore)}: the build cache and the preview " \
            "there hold draft and confidential records, never to be committed."
    else:
        kept = ""
    summary = (f"Its licence is the Open Government Licence v3.0: change it in {report._rel(path)} if the records are "
               f"published under another, and give the accessibility statement's contacts there.{kept} Next, start "
               "the first board or committee: minutebook new body --slug hwb --name \"Health and Wellbeing Board\""
               f"{option}")
    return SitePlan(files, summary)
