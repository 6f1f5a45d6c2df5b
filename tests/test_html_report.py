"""The HTML report, rendered in a real headless Chromium: every finding of the
JSON output is highlighted at its text, the overview chart is there, and a
chapter's own markup shows as text. The screenshot is kept in test-artifacts/."""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli

ARTIFACTS = ROOT / "test-artifacts"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("Chromium is needed for the HTML report test (apt-get install chromium)")
    pytest.skip("Chromium is not installed")


def _browser(*args: str) -> subprocess.CompletedProcess[str]:
    profile = tempfile.mkdtemp(prefix="ficlint-chromium-")
    try:
        return subprocess.run(
            [
                _chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def rendered_dom(page: Path, fragment: str = "") -> str:
    """The page's DOM after its scripts ran."""
    proc = _browser("--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri() + fragment)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


# Resolves, once the report's script has run, to the expression's value as JSON (or the error it threw).
WAIT_FOR_THE_SCRIPT = """new Promise(done => {
  const ready = () => {
    if (!document.body || document.body.dataset.ready !== "true") return setTimeout(ready, 50);
    try { done(JSON.stringify(EXPRESSION)); } catch (e) { done(JSON.stringify({error: String(e)})); }
  };
  ready();
})"""


def in_a_browser(page: Path, fragment: str, expression: str, width: int = 390, height: int = 844) -> object:
    """Open the page in headless Chromium on a phone-sized screen (390 x 844 CSS
    pixels, as an iPhone 14's), wait for its script, and return the value of a
    JavaScript expression: real layout, through the DevTools protocol on a pipe."""
    commands_read, commands_write = os.pipe()
    replies_read, replies_write = os.pipe()

    def chromium_pipes() -> None:  # Chromium reads commands on fd 3 and answers on fd 4
        read_end, write_end = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (commands_read, replies_write))
        os.dup2(read_end, 3)  # dup2 leaves the new descriptors open across exec
        os.dup2(write_end, 4)

    profile = tempfile.mkdtemp(prefix="ficlint-chromium-")
    proc = subprocess.Popen(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
        preexec_fn=chromium_pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(commands_read)
    os.close(replies_write)
    replies = os.fdopen(replies_read, "rb")
    pending = b""
    counter = 0
    deadline = time.monotonic() + 90

    def send(method: str, params: dict, session: str | None = None) -> dict:
        nonlocal pending, counter
        counter += 1
        message = {"id": counter, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(commands_write, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in pending:
                ready, _, _ = select.select([replies], [], [], max(0.0, deadline - time.monotonic()))
                assert ready, f"Chromium did not answer {method} in time"
                chunk = replies.read1(65536)
                assert chunk, "Chromium closed the DevTools pipe"
                pending += chunk
            raw, pending = pending.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == counter:
                assert "error" not in reply, reply
                return reply["result"]

    try:
        target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        send("Emulation.setDeviceMetricsOverride",
             {"width": width, "height": height, "deviceScaleFactor": 3, "mobile": True}, session)
        send("Page.navigate", {"url": page.resolve().as_uri() + fragment}, session)
        waited = WAIT_FOR_THE_SCRIPT.replace("EXPRESSION", expression)
        result = send("Runtime.evaluate", {"expression": waited, "awaitPromise": True, "returnByValue": True,
                                           "timeout": 20000}, session)["result"]
        value = json.loads(result["value"])
        assert not (isinstance(value, dict) and "error" in value), value
        return value
    finally:
        os.close(commands_write)
        replies.close()
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)


class _Highlights(HTMLParser):
    """Collects, per finding id, the text of every <mark data-f> segment covering it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text_by_id: dict[int, str] = defaultdict(str)
        self.stack: list[list[int]] = []
        self.svg_bars = 0
        self.scripts = 0
        self.data = ""
        self._in_data = False
        self.ready = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark" and a.get("data-f"):
            self.stack.append([int(i) for i in (a["data-f"] or "").split()])
        elif tag == "rect" and "bar" in (a.get("class") or ""):
            self.svg_bars += 1
        elif tag == "script":
            self.scripts += 1
            self._in_data = a.get("id") == "ficlint-data"
        elif tag == "body":
            self.ready = a.get("data-ready") == "true"

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.stack:
            self.stack.pop()
        if tag == "script":
            self._in_data = False

    def handle_data(self, data: str) -> None:
        if self._in_data:
            self.data += data
        for ids in self.stack:
            for i in ids:
                self.text_by_id[i] += data


def parse(dom: str) -> _Highlights:
    parser = _Highlights()
    parser.feed(dom)
    return parser


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, _Highlights, Path]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    made = run_cli("report", str(SEEDS), "-o", str(out))
    assert made.code == 0, made.stderr
    findings = run_cli("check", "--format", "json", str(SEEDS))
    assert findings.code in (0, 1), findings.stderr
    return findings.json(), parse(rendered_dom(out)), out


def test_every_json_finding_is_highlighted_at_its_text(seeds_report):
    report, dom, _ = seeds_report
    assert dom.ready, "the report's script did not run"
    shown = json.loads(dom.data)["findings"]
    expected = [
        (Path(f["path"]).name, d["rule"], d["start"]["line"], d["start"]["column"], d["text"])
        for f in report["files"]
        for d in f["diagnostics"]
    ]
    assert expected, "the seeds should give findings"
    assert len(shown) == len(expected)
    highlighted = []
    for finding in shown:
        text = dom.text_by_id.get(finding["id"], "")
        highlighted.append((finding["rule"], finding["line"], finding["column"], text))
    for (name, rule, line, column, text), got in zip(expected, highlighted, strict=True):
        want_text = text or got[3]  # an insertion point shows its neighbouring character
        assert got == (rule, line, column, want_text), f"{name}: {rule} at {line}:{column}"


def test_overview_chart_and_screenshot(seeds_report):
    _, dom, page = seeds_report
    assert dom.svg_bars >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    proc = _browser(
        "--window-size=1280,1600", "--hide-scrollbars", f"--screenshot={shot}", page.resolve().as_uri()
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.stat().st_size > 10_000


def test_chapter_markup_is_shown_as_text(tmp_path):
    chapter = tmp_path / "evil.md"
    chapter.write_text(
        'She typed <script>alert("x")</script> into the box.. and <b>waited</b>\n', encoding="utf-8"
    )
    out = tmp_path / "r.html"
    assert run_cli("report", str(chapter), "-o", str(out)).code == 0
    dom_text = rendered_dom(out)
    dom = parse(dom_text)
    assert dom.scripts == 2, "only the report's own data and script elements may exist"
    assert "&lt;script&gt;alert" in dom_text
    assert re.search(r"<mark[^>]*>\.\.</mark>", dom_text), "the two-dot ellipsis is highlighted"


def test_check_format_html_writes_the_same_page(tmp_path):
    chapter = tmp_path / "c.txt"
    chapter.write_text("so i hope you enjoy it..\n", encoding="utf-8")
    result = run_cli("check", "--format", "html", str(chapter))
    assert result.code == 1
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert 'data-f="' in result.stdout


def test_navigating_to_a_finding_marks_it_and_shows_its_message(seeds_report):
    report, _, page = seeds_report
    diagnostics = [d for f in report["files"] for d in f["diagnostics"]]
    dom = rendered_dom(page, "#show=4")  # the fourth finding, counted from 1 as the page counts
    assert re.search(r'<mark class="hl current" data-f="(?:\d+ )*3(?: \d+)*"', dom), "finding 4 is current"
    assert f'<span id="position" aria-live="polite">4 / {len(diagnostics)}</span>' in dom
    popover = re.search(r'<div id="popover" role="tooltip"([^>]*)>(.*?)</div>\s*<dialog', dom, re.S)
    assert popover and "hidden" not in popover.group(1), "the message is shown"
    assert diagnostics[3]["rule"] in popover.group(2)


def test_the_link_and_the_counter_number_findings_alike(seeds_report):
    _, _, page = seeds_report
    for n in (1, 4):
        shown = in_a_browser(page, f"#show={n}", "{position: document.getElementById('position').textContent,"
                                                 " link: location.hash}")
        assert shown["position"].split(" / ")[0] == str(n)
        assert shown["link"] == f"#show={n}"


POPOVER_BOX = """(() => { const box = document.getElementById('popover').getBoundingClientRect();
  return {hidden: document.getElementById('popover').hidden, left: box.left, right: box.right,
          top: box.top, bottom: box.bottom, width: window.innerWidth, height: window.innerHeight,
          page: document.documentElement.scrollWidth}; })()"""


@pytest.mark.parametrize("show", ["#show=1", "#show=5", "#show=40"])
def test_the_page_and_its_popover_fit_a_phone_screen(seeds_report, show):
    _, _, page = seeds_report
    box = in_a_browser(page, show, POPOVER_BOX)
    # Nothing wider than the phone, which would make it zoom the whole page out.
    assert box["width"] == 390 and box["page"] == 390, box
    assert not box["hidden"]
    assert box["left"] >= 0 and box["right"] <= box["width"], box
    assert box["top"] >= 0 and box["bottom"] <= box["height"], box


MARKDOWN_CHAPTER = """# Chapter One

**A/N:** thanks for reading..

She said *never again..* and __left__ <b>now</b>.
"""


def test_markdown_is_drawn_as_headings_bold_and_italics_with_findings_on_their_text(tmp_path):
    chapter = tmp_path / "ch1.md"
    chapter.write_text(MARKDOWN_CHAPTER, encoding="utf-8")
    out = tmp_path / "r.html"
    assert run_cli("report", str(chapter), "-o", str(out)).code == 0
    findings = run_cli("check", "--no-cache", "--format", "json", "--select", "M001", str(chapter)).json()
    texts = [d["text"] for d in findings["files"][0]["diagnostics"]]
    assert texts == ["..", ".."]
    dom = parse(rendered_dom(out))
    assert [dom.text_by_id[i] for i in range(len(texts))][:2] == texts  # M001 comes first: ids 0 and 1
    seen = in_a_browser(out, "", """{text: document.querySelector('.prose').innerText,
        heading: getComputedStyle(document.querySelector('.md-heading')).fontWeight,
        bold: getComputedStyle(document.querySelector('.md-strong')).fontWeight,
        italic: getComputedStyle(document.querySelector('.md-em')).fontStyle,
        scripts: document.scripts.length, bolds: document.querySelectorAll('.prose b').length}""")
    assert seen["text"].splitlines() == ["Chapter One", "", "A/N: thanks for reading..", "",
                                         "She said never again.. and left <b>now</b>."]
    assert seen["heading"] == "700" and seen["bold"] == "700" and seen["italic"] == "italic"
    assert seen["scripts"] == 2 and seen["bolds"] == 0  # the chapter's own HTML stays text
