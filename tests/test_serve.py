"""`minutebook serve` (issue 6): the real server, real files, real HTTP.

Each test starts `python -m generator serve --port 0` on a copy of a fixture,
edits files on disk and polls the pages over HTTP with a time bound.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks.build_bench import ctrl_c_heard
from benchmarks.synthetic import Spec, generate
from generator import serve
from generator.build import Options

FIXTURES = Path(__file__).parent / "fixtures"


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(predicate, timeout: float = 15.0, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"condition not met within {timeout} s")


def start(tmp_path: Path, content: Path, *options: str, stderr=subprocess.DEVNULL,
          url_json: bool = True) -> subprocess.Popen:
    """`minutebook serve --port 0` on `content`, as a tool starts it: with `--url-json`, which puts the address
    on stdout as JSON (`address`), unless `url_json` is False (as a clerk runs it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", "0", "--content", str(content),
         "--out", str(tmp_path / "preview"), "--today", "2020-01-01", *options, *(["--url-json"] * url_json)],
        stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL, text=True, cwd=tmp_path,
        preexec_fn=ctrl_c_heard, start_new_session=True)


def address(process: subprocess.Popen) -> str:
    """The preview's address, once its first build is done: the line `--url-json` prints."""
    return json.loads(process.stdout.readline())["url"]


@pytest.fixture
def server(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    with open(tmp_path / "serve.log", "w") as log:  # the preview's log, which tests may read
        process = start(tmp_path, content, "--no-search", stderr=log)
    try:
        line = process.stdout.readline()
        assert line, (tmp_path / "serve.log").read_text()
        url = json.loads(line)["url"]
        assert url.startswith("http://127.0.0.1:")
        yield url.rstrip("/"), content, process
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """Ctrl-C, as a clerk stops the preview; killed if it does not stop."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_a_port_in_use_is_a_one_line_usage_error_before_anything_is_built_or_made(tmp_path):
    """Nothing is left behind either: not even the (default) preview folder, empty."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--port", str(port), "--content",
             str(FIXTURES / "references"), "--no-search"],
            capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=tmp_path, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", (
        f"minutebook serve: error: cannot listen on 127.0.0.1:{port}: Address already in use; another program may "
        "be using the port: choose another with --port, or --port 0 for any free one\n"))
    assert list(tmp_path.iterdir()) == []


def test_a_port_below_1024_the_system_refuses_says_it_needs_administrator_rights(tmp_path, monkeypatch, capsys):
    """Ports below 1024 are taken (root in a container may listen on 80); a clerk without the rights is told why.
    The refusal is the system's, which a test run as root never meets: the socket's error is given here."""
    def refused(preview, host, port):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(serve, "make_server", refused)
    options = Options(content=FIXTURES / "references", out=tmp_path / "preview", search=False)
    assert serve.serve(options, port=80, search=False) == 2
    assert capsys.readouterr() == ("", "minutebook serve: error: cannot listen on 127.0.0.1:80: Permission denied; "
                                   "ports below 1024 need administrator rights: choose another with --port, or "
                                   "--port 0 for any free one\n")
    assert not (tmp_path / "preview").exists()


@pytest.mark.parametrize("port", ["99999", "eighty"])
def test_a_port_that_is_no_port_is_a_usage_error(tmp_path, port):
    done = subprocess.run([sys.executable, "-m", "generator", "serve", "--port", port, "--content",
                           str(FIXTURES / "references"), "--out", str(tmp_path / "preview")],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, cwd=tmp_path, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.endswith(f"minutebook serve: error: argument --port: '{port}' is not a port: give a number "
                                "from 1 to 65535, or 0 for any free one\n")


def test_serves_the_built_site_on_loopback(server, tmp_path):
    url, content, _ = server
    status, html = fetch(url + "/ccb/2019/ccbp-19-70/")
    assert status == 200 and "Minutes of the meeting held on" in html
    assert "/__minutebook/events" in html  # the reload script is injected when served
    # With --url-json, stdout is the tool's: the sentence a clerk would see goes to the log
    assert f"Preview of {content} at {url}/ (press Ctrl+C to stop)\n" in (tmp_path / "serve.log").read_text()


def test_the_clerk_is_told_in_words_where_the_preview_is_and_how_to_stop_it(tmp_path):
    """`minutebook serve` as the README has a clerk run it printed `{"url": "http://127.0.0.1:8000/"}`: JSON is
    for the tools that start the preview, which ask for it with --url-json."""
    shutil.copytree(FIXTURES / "references", tmp_path / "content")
    process = start(tmp_path, Path("content"), "--no-search", url_json=False)
    try:
        said = re.fullmatch(r"Preview of content at (http://127\.0\.0\.1:\d+/) \(press Ctrl\+C to stop\)\n",
                            process.stdout.readline())
        assert said and fetch(said[1] + "ccb/2019/ccbp-19-70/")[0] == 200
    finally:
        _stop(process)
    assert process.stdout.read() == ""  # the one line


def test_an_address_with_no_page_gets_the_sites_page_not_found_with_the_status_404(server):
    """As Netlify and most static hosts serve the site's 404.html once it is published."""
    url, _, _ = server
    for missing in ("/ccb/2019/ccbp-19-99/", "/no-such-page.html"):
        status, html = fetch(url + missing)
        assert status == 404 and "<h1>Page not found</h1>" in html and 'href="/search/"' in html
        assert "/__minutebook/events" in html  # it reloads with the rest once the page exists
    status, _ = fetch(url + "/static/no-such-file.css")
    assert status == 404


def _left_at_once(url: str, path: str) -> None:
    """A request whose browser goes before the answer comes (a click on, a reload after a save): sent, then the
    connection reset, as a browser's tab closed drops it."""
    host, port = url.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())


def test_a_reader_who_leaves_before_the_page_comes_puts_no_traceback_in_the_clerks_terminal(server, tmp_path):
    """http.server printed "Exception occurred during processing of request" and a ConnectionResetError's (or
    BrokenPipeError's) traceback in the preview's log for each: a page, a stylesheet, the page not found."""
    url, _, process = server
    for path in ("/ccb/2019/ccbp-19-70/", "/static/style.css", "/ccb/2019/ccbp-19-99/"):
        _left_at_once(url, path)
    assert fetch(url + "/ccb/2019/ccbp-19-70/")[0] == 200  # and the next reader is served
    _stop(process)
    log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in log and "Exception occurred" not in log
    assert process.returncode == 0 and log.endswith("minutebook: stopped\n")


def test_ctrl_c_stops_a_preview_started_from_a_job_that_ignores_it(tmp_path):
    """A shell without job control (a script's `command &`, as CI jobs are often started) starts a background
    command with Ctrl+C's signal ignored, and what that starts inherits it: each preview the suite stopped so
    waited out the whole stop and was killed, and a test that asked for its exit status failed. The suite's
    previews are started as from a terminal (ctrl_c_heard)."""
    shutil.copytree(FIXTURES / "references", tmp_path / "content")
    ignored = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with open(tmp_path / "serve.log", "w") as log:
            process = start(tmp_path, tmp_path / "content", "--no-search", stderr=log)
    finally:
        signal.signal(signal.SIGINT, ignored)
    try:
        address(process)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert (tmp_path / "serve.log").read_text().endswith("minutebook: stopped\n")
    finally:
        process.kill()
        process.wait()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_preview_stopped_by_ctrl_c_or_sigterm_says_so_and_exits_0_as_a_dev_server_does(tmp_path, stop):
    """Stopping is how a preview ends (README: hugo server and python -m http.server exit 0 on Ctrl+C, Hugo on
    SIGTERM too), where a build stopped is a build not done (130, 143). SIGTERM, as `kill` or an editor's plugin
    stops it, ended the process by the signal at once (143), saying nothing; it now ends as Ctrl+C does."""
    shutil.copytree(FIXTURES / "references", tmp_path / "content")
    with open(tmp_path / "serve.log", "w") as log:
        process = start(tmp_path, tmp_path / "content", "--no-search", stderr=log)
    try:
        assert fetch(address(process) + "ccb/2019/ccbp-19-70/")[0] == 200
        process.send_signal(stop)
        assert process.wait(timeout=10) == 0
        said = (tmp_path / "serve.log").read_text()
        assert "Traceback" not in said and said.endswith("minutebook: stopped\n"), said
    finally:
        process.kill()
        process.wait()


def test_ctrl_c_during_the_first_build_stops_the_preview_with_no_traceback(tmp_path):
    """A clerk who started the preview on the wrong folder stops it before it is ready: Python's KeyboardInterrupt
    ended it with a traceback."""
    generate(tmp_path / "content", Spec(meetings=60, bodies=3, seed=5))  # a first build of some seconds, forked
    with open(tmp_path / "serve.log", "w") as log:
        process = start(tmp_path, tmp_path / "content", "--no-search", stderr=log)
    try:
        wait_for(lambda: (tmp_path / "preview").is_dir() or process.poll() is not None, every=0.01)
        time.sleep(0.3)  # into the build
        os.killpg(process.pid, signal.SIGINT)  # as a terminal sends it: to the processes the build forked too
        assert process.wait(timeout=30) == 0
        said = (tmp_path / "serve.log").read_text()
        assert "Traceback" not in said and said.endswith("minutebook: stopped\n"), said
        assert process.stdout.read() == ""  # stopped before it gave its address
    finally:
        process.kill()
        process.wait()


def _content_type(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.headers["Content-Type"]


def _netlify_types(relative: str) -> list[str]:
    """The Content-Type netlify.toml's header rules give the file at `relative`, as Netlify matches them: a
    rule's `*` matches anything, across folders too."""
    rules = tomllib.loads((Path(__file__).parent.parent / "netlify.toml").read_text())["headers"]
    return [rule["values"]["Content-Type"] for rule in rules if "Content-Type" in rule["values"]
            and re.fullmatch(".*".join(map(re.escape, rule["for"].split("*"))), "/" + relative)]


def test_feeds_and_calendars_are_served_with_their_own_types_as_netlify_toml_gives_them(server, tmp_path):
    """A feed reader handed a page's <link rel="alternate" type="application/atom+xml"> expects that type back;
    a `.xml` file is otherwise plain XML. The sitemap and the open data keep their usual types."""
    url, _, _ = server
    site = tmp_path / "preview"
    wait_for(lambda: (site / "feeds/all.ics").is_file())
    feeds = sorted(path.relative_to(site).as_posix() for path in (site / "feeds").rglob("*") if path.is_file())
    assert {Path(f).suffix for f in feeds} == {".xml", ".ics"} and any(f.count("/") > 1 for f in feeds)
    for relative in feeds:
        wanted = serve.FEED_TYPES[Path(relative).suffix]
        assert _netlify_types(relative) == [wanted], relative
        assert _content_type(f"{url}/{relative}") == wanted, relative
    for relative in ("sitemap.xml", "data/minutes.json", "robots.txt"):
        assert (site / relative).is_file() and _netlify_types(relative) == []
    assert _content_type(url + "/sitemap.xml") in ("application/xml", "text/xml")


def test_an_edit_is_rebuilt_and_served(server):
    url, content, _ = server
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.write_text(minutes.read_text().replace("Approved.", "Approved with one amendment."))
    wait_for(lambda: "Approved with one amendment." in fetch(url + "/ccb/2019/ccbp-19-60/")[1])
    # The pages come first; the open data, feeds and sitemap follow once the save is rebuilt.
    wait_for(lambda: "Approved with one amendment." in fetch(url + "/data/minutes.json")[1])


def test_a_draft_saved_is_said_once_to_be_left_out_of_the_preview_with_the_option_that_shows_it(server, tmp_path):
    """A new meeting's minutes are draft until approved: a clerk writing them saw `0 pages rendered` after each
    save and the minute's page not found, told nowhere that the preview leaves drafts out without --drafts."""
    _, content, _ = server
    minutes = content / "meetings/ccb/2019-08-22/minutes.md"
    minutes.write_text(minutes.read_text().replace("status: approved", "status: draft"))
    log = tmp_path / "serve.log"
    said = ("content/meetings/ccb/2019-08-22/minutes.md is a draft (`status: draft`): the preview leaves it out, as "
            "the public site does; to see drafts too, each page marked as a preview, run `minutebook serve --drafts`")
    wait_for(lambda: said in log.read_text())
    minutes.write_text(minutes.read_text() + "\nA line more.\n")
    wait_for(lambda: log.read_text().count("ccb/2019-08-22/minutes.md]") >= 3)  # the second save rebuilt
    time.sleep(0.5)
    assert log.read_text().count("is a draft (`status: draft`)") == 1


def test_a_prose_edit_is_written_by_the_fast_path_then_checked_by_the_full_rebuild(server, tmp_path):
    url, content, _ = server
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.write_text(minutes.read_text().replace("Approved.", "Approved in full."))
    wait_for(lambda: "Approved in full." in fetch(url + "/ccb/2019/ccbp-19-60/")[1])
    log = tmp_path / "serve.log"
    lines = wait_for(lambda: (lambda t: t if len(t) == 2 else None)(
        [line for line in log.read_text().splitlines() if "minutes.md]" in line]))
    assert "pages rendered for the edited meeting, 2 written" in lines[0]  # the meeting's page and its item's
    assert "pages rendered, 0 written" in lines[1]  # the full rebuild found the fast path's pages right


def test_an_organisation_put_right_in_the_register_is_written_by_the_fast_path(server, tmp_path):
    url, content, _ = server
    register = content / "people.yaml"
    register.write_text(register.read_text().replace("  initials: SP\n",
                                                      "  initials: SP\n  organisation: NHS Leicester\n"))
    wait_for(lambda: "NHS Leicester" in fetch(url + "/people/sarah-prema/")[1])
    log = tmp_path / "serve.log"
    lines = wait_for(lambda: (lambda t: t if len(t) == 2 else None)(
        [line for line in log.read_text().splitlines() if "people.yaml]" in line]))
    assert "2 pages rendered for the people register, 2 written" in lines[0]  # her page and the people page
    assert "pages rendered, 0 written" in lines[1]  # the full rebuild found them right


def test_a_content_error_shows_in_the_browser_before_the_warnings_and_clears_when_fixed(server, tmp_path):
    """A warning on a line above the error: listed in the order of their files and lines, the warnings (dozens, in
    a large archive) came first, and the error the save made, the one thing stopping the preview, among them."""
    url, content, process = server
    meeting = content / "meetings/ccb/2019-07-18/meeting.md"
    good = meeting.read_text()
    meeting.write_text(good.replace("date: 2019-07-18", "venue: Room #4\ndate: 2019-07-32"))
    status, html = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(fetch(url + "/ccb/2019/ccbp-19-60/")))
    assert re.findall(r"<li><code>([^<]*)</code> <strong>(\w+)</strong>|<h2>([^<]*)</h2>", html) == [
        ("content/meetings/ccb/2019-07-18/meeting.md:4", "error", ""),
        ("", "", "Warnings, which do not stop the build"),
        ("content/meetings/ccb/2019-07-18/meeting.md:3", "warning", "")]
    assert "is not a real date" in html
    assert ('<p class="not-run">Further checks (cross-references, links in the text, templates) were not run: they '
            'run once the errors above are fixed, and may report more.</p>') in html
    wait_for(lambda: "build failed: 1 error; the preview shows it" in (tmp_path / "serve.log").read_text())
    meeting.write_text(good)
    wait_for(lambda: fetch(url + "/ccb/2019/ccbp-19-60/")[0] == 200)
    assert process.poll() is None  # the server survived the mistake


def test_with_strict_the_warnings_are_what_stops_the_preview_and_it_says_so(tmp_path):
    """`serve --strict` on an archive with warnings: the log said "build failed: 0 errors; the preview shows them"."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    with open(tmp_path / "serve.log", "w") as log:
        process = start(tmp_path, content, "--strict", "--no-search", stderr=log)
    try:
        url = address(process).rstrip("/")
        status, html = fetch(url + "/")
        assert status == 500 and html.count("<strong>warning</strong>") == 5 and "<h2>" not in html
        assert ('<p class="not-run">Further checks (links in the text, templates) were not run: they run once the '
                'warnings above (errors under --strict) are fixed, and may report more.</p>') in html
        assert ("[start] build failed: 5 warnings, which --strict counts as errors; the preview shows them\n"
                in (tmp_path / "serve.log").read_text())
    finally:
        _stop(process)


def test_a_file_whose_permissions_are_put_right_is_read_again(server, tmp_path):
    """"The file cannot be read; check that it exists and is readable": the clerk puts its permissions right
    (chmod), which writes nothing to it. Unless that alone is seen as a save, the preview keeps showing the error
    until some other file is saved."""
    _, content, _ = server
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.chmod(0o600)
    wait_for(lambda: "meetings/ccb/2019-07-18/minutes.md] " in (tmp_path / "serve.log").read_text())


def test_an_emacs_save_of_a_bodys_file_shows_no_error(server, tmp_path):
    """Emacs keeps a lock, `.#ccb.md` (a link to nowhere), beside a file while it has unsaved changes, and takes
    it away once the file is saved. Read as a body's file, it made every such save an error, which stayed on
    every page once the lock had gone, until some other register was saved."""
    url, content, _ = server
    log = tmp_path / "serve.log"
    lock = content / "bodies/.#ccb.md"
    lock.symlink_to("clerk@laptop.4242:1717171717")
    body = content / "bodies/ccb.md"
    body.write_text(body.read_text() + "\nSaved from Emacs.\n")
    wait_for(lambda: rebuilds(log) >= 1)  # read with the lock beside it
    lock.unlink()
    status, html = fetch(url + "/ccb/")
    assert status == 200 and "Saved from Emacs." in html
    assert "error" not in log.read_text()


def test_the_log_names_a_link_that_changed_by_its_own_name(server, tmp_path):
    """A paper's file linked from elsewhere: the clerk looking for what changed was to be told of the file it
    leads to, which is not in the content (so was an Emacs lock's `clerk@laptop.4242:1717171717`, which is no
    file at all)."""
    _, content, _ = server
    log = tmp_path / "serve.log"
    (tmp_path / "elsewhere.pdf").write_bytes(b"%PDF-1.4\n")
    (content / "meetings/ccb/2019-07-18/papers/plan.pdf").symlink_to(tmp_path / "elsewhere.pdf")
    wait_for(lambda: rebuilds(log) == 1)
    assert "[content/meetings/ccb/2019-07-18/papers/plan.pdf] " in log.read_text()
    assert "elsewhere" not in log.read_text()


def test_editors_files_are_not_named_as_changed_and_a_save_renamed_over_the_file_shows(server, tmp_path):
    """What editors write beside a file while they save it: the log named `papers/sedZYMfl7` (sed -i), `4913`
    (Vim, seeing whether it may write the folder), swap files, backups, locks and `.tmp` files as changed files,
    and rebuilt for them. sed -i writes the new text to such a file and renames it over the old: that is seen."""
    url, content, _ = server
    log = tmp_path / "serve.log"
    folder = content / "meetings/ccb/2019-07-18"
    for name in ("4913", ".minutes.md.swp", "minutes.md~", "#minutes.md#", "notes.tmp", "papers/c.md.tmp"):
        (folder / name).write_text("being saved\n")
        (folder / name).unlink()
    (folder / ".#minutes.md").symlink_to("clerk@laptop.4242:1717171717")
    subprocess.run(["sed", "-i", "s/Approved\\./Approved, as sed saves it./", str(folder / "minutes.md")],
                   check=True)
    wait_for(lambda: "Approved, as sed saves it." in fetch(url + "/ccb/2019/ccbp-19-60/")[1])
    wait_for(lambda: rebuilds(log) >= 1)
    named = re.findall(r"^\[(?!start\])(.*?)\] ", log.read_text(), re.M)
    assert named and set(named) == {"content/meetings/ccb/2019-07-18/minutes.md"}


def rebuilds(log: Path) -> int:
    """How many rebuilds after saves the preview's log reports as done, whether the site was written or not."""
    return len(re.findall(r"^\[(?!start\]).*\] (\d+ pages rendered, |build failed)", log.read_text(), re.M))


def test_open_pages_are_told_to_reload(server):
    url, content, _ = server
    events = urllib.request.urlopen(url + "/__minutebook/events", timeout=10)
    first = events.readline().decode().strip()
    assert first.startswith("data: ")
    events.readline()  # blank line ending the event
    minutes = content / "meetings/ccb/2019-07-18/minutes.md"
    minutes.write_text(minutes.read_text().replace("Approved.", "Approved again."))
    line = events.readline().decode().strip()
    while not line.startswith("data: "):
        line = events.readline().decode().strip()
    assert line != first
    events.close()


def test_a_new_meeting_folder_appears_and_a_deleted_one_disappears(server):
    url, content, _ = server
    folder = content / "meetings/ccb/2019-10-17"
    folder.mkdir()
    (folder / "meeting.md").write_text("---\nbody: ccb\ndate: 2019-10-17\n---\n")
    wait_for(lambda: fetch(url + "/ccb/2019/2019-10-17/")[0] == 200)
    shutil.rmtree(folder)
    wait_for(lambda: fetch(url + "/ccb/2019/2019-10-17/")[0] == 404)


def test_files_published_at_the_top_and_static_files_show_as_saved_and_go_when_taken_out(server):
    """They change no page, so nothing else would make the preview write them (content/root/, root_files.py)."""
    url, content, _ = server
    (content / "root/.well-known").mkdir(parents=True)
    security = content / "root/.well-known/security.txt"
    security.write_text("Contact: mailto:security@example.gov.uk\n")
    wait_for(lambda: fetch(url + "/.well-known/security.txt") == (200, security.read_text()))
    security.write_text("Contact: https://example.gov.uk/security\n")
    wait_for(lambda: fetch(url + "/.well-known/security.txt") == (200, security.read_text()))
    security.unlink()
    wait_for(lambda: fetch(url + "/.well-known/security.txt")[0] == 404)
    (content / "templates/static").mkdir(parents=True)
    print_css = content / "templates/static/print.css"
    print_css.write_text("body { color: black }\n")
    wait_for(lambda: fetch(url + "/static/print.css")[0] == 200)
    print_css.unlink()
    wait_for(lambda: fetch(url + "/static/print.css")[0] == 404)


def test_a_site_published_below_a_path_is_previewed_below_it(tmp_path):
    """base_url https://refs.example.org/minutes/: the preview serves the site at /minutes/, as it will be
    published, so a link that left the path would fail here as it would there."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text().replace("https://refs.example.org/", "https://refs.example.org/minutes/"))
    process = start(tmp_path, content, "--no-search")
    try:
        url = address(process)
        assert url.startswith("http://127.0.0.1:") and url.endswith("/minutes/")
        root = url.removesuffix("minutes/")
        status, html = fetch(url + "ccb/2019/ccbp-19-70/")
        assert status == 200 and "Minutes of the meeting held on" in html
        assert 'href="/minutes/static/style.css"' in html and 'href="/minutes/ccb/2019/2019-07-18/"' in html
        assert fetch(url + "static/style.css")[0] == 200
        with urllib.request.urlopen(root, timeout=5) as response:  # the domain's root leads to the home page
            assert response.url == url and 'aria-current="page">Home<' in response.read().decode("utf-8")
        with urllib.request.urlopen(url + "ccb", timeout=5) as response:  # a folder without its slash
            assert response.url == url + "ccb/"
        status, html = fetch(root + "ccb/2019/ccbp-19-70/")
        assert status == 404 and "published below /minutes/" in html
    finally:
        _stop(process)


def test_search_index_is_rebuilt_after_an_edit(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    process = start(tmp_path, content, stderr=subprocess.PIPE)
    try:
        url = address(process).rstrip("/")
        entry = url + "/pagefind/bodies/ccb/pagefind-entry.json"
        first = wait_for(lambda: (lambda r: r[1] if r[0] == 200 else None)(fetch(entry)), timeout=30)
        minutes = content / "meetings/ccb/2019-07-18/minutes.md"
        minutes.write_text(minutes.read_text().replace("Approved.", "Approved. Zanzibarian wording added."))
        wait_for(lambda: (lambda r: r[0] == 200 and r[1] != first)(fetch(entry)), timeout=30)
        # Re-indexed in place, the bundle comes to hold what a build of the content makes, and not also the
        # fragment, meta file and index the run before wrote (which a build into the same folder then kept, and
        # the date table listed). The edit's rebuild may index it once more, after the first run.
        fresh = tmp_path / "fresh"
        subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(fresh),
                        "--no-cache", "--today", "2020-01-01"], check=True, capture_output=True, cwd=tmp_path)
        bundle = "pagefind/bodies/ccb"
        expected = _tree(fresh / bundle)
        wait_for(lambda: _settled(tmp_path / "preview" / bundle, expected), timeout=30)
    finally:
        _stop(process)


def test_a_meeting_folder_renamed_or_deleted_leaves_the_preview_and_its_search_files_as_a_full_build(tmp_path):
    """What the watcher reports of a folder renamed (the new folder and its files, not the old) or deleted, as
    serve takes it: a meeting moved to 2018 and back, then a body's only meeting deleted. The preview's folder,
    its search bundles and reference shards (indexed in place) included, comes to be a full build's: it kept
    the shard of 2018 and the deleted body's whole bundle."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "references", content)
    process = start(tmp_path, content)

    def as_built(step: str) -> None:
        fresh = tmp_path / f"fresh-{step}"
        subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(fresh),
                        "--no-cache", "--today", "2020-01-01"], check=True, capture_output=True, cwd=tmp_path)
        expected = _tree(fresh)
        wait_for(lambda: _settled(tmp_path / "preview", expected), timeout=60, every=0.5)

    def moved(old: str, new: str) -> None:
        (content / "meetings/ccb" / old).rename(content / "meetings/ccb" / new)
        meeting = content / "meetings/ccb" / new / "meeting.md"
        meeting.write_text(meeting.read_text().replace(f"date: {old}", f"date: {new}"))

    try:
        url = address(process)
        wait_for(lambda: fetch(url + "pagefind/bodies/jhsc/pagefind-entry.json")[0] == 200, timeout=30)
        moved("2019-07-18", "2018-07-18")
        as_built("2018")
        assert (tmp_path / "preview/search/references/ccb/2018.json").is_file()
        moved("2018-07-18", "2019-07-18")
        as_built("back")
        shutil.rmtree(content / "meetings/jhsc/2019-09-02")
        as_built("deleted")
        assert not (tmp_path / "preview/pagefind/bodies/jhsc").exists()
    finally:
        _stop(process)


def test_saves_in_quick_succession_leave_the_preview_as_a_full_build_leaves_the_site(tmp_path):
    """An editor's autosave: saves to two meetings a few tens of milliseconds apart, each landing while the
    rebuild after the one before runs (and is given up for it, interrupt.py) or its data files are written.
    Every save shows on its meeting's page, and once the saves stop the preview is byte for byte a full build."""
    from benchmarks.synthetic import Spec, generate
    from generator.build import Options, run

    content = tmp_path / "content"
    generate(content, Spec(meetings=24, bodies=2, seed=7, items=(4, 8), papers=(1, 2), cross_body_rate=0.2))
    folders = sorted(p.parent for p in content.glob("meetings/*/*/minutes.md"))[:2]
    process = start(tmp_path, content, "--no-search")
    try:
        url = address(process).rstrip("/")
        for number in range(8):
            minutes = folders[number % 2] / "minutes.md"
            text = minutes.read_text()
            minutes.write_text(text.replace("\n\n## ", f"\n\nAutosaved {number}.\n\n## ", 1) if number < 2
                               else text.replace(f"Autosaved {number - 2}.", f"Autosaved {number}."))
            time.sleep(0.03 * (number % 3))
        for number, folder in ((6, folders[0]), (7, folders[1])):
            body, name = folder.parent.name, folder.name
            page = f"{url}/{body}/{name[:4]}/{name}/"
            wait_for(lambda page=page, number=number: f"Autosaved {number}." in fetch(page)[1], timeout=30)
        result = run(Options(content=content, out=tmp_path / "full", today=dt.date(2020, 1, 1), search=False,
                             cache=False))
        assert result.ok
        full = _tree(tmp_path / "full")
        wait_for(lambda: _settled(tmp_path / "preview", full), timeout=60, every=0.5)
    finally:
        _stop(process)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _settled(root: Path, expected: dict[str, bytes]) -> bool:
    """Whether the preview's folder `root` is now `expected`; not yet where a file listed was gone by the time it was
    read, as the preview was still writing (a search bundle is rewritten in place): read while it wrote, the
    whole-suite run failed with FileNotFoundError, where the wait was meant to look again."""
    try:
        return _tree(root) == expected
    except FileNotFoundError:
        return False
