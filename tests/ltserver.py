"""A stand-in LanguageTool server on 127.0.0.1 for the tests: no Java, no internet.

It speaks LanguageTool's documented HTTP API v2 (https://languagetool.org/http-api/):

- `POST /v2/check` (or GET) with form fields `text` or `data` (a JSON annotation
  of `text` and `markup` pieces, markup read as its `interpretAs`), `language`,
  `enabledRules`, `disabledRules`, `enabledOnly`; the answer's `matches` carry
  `offset`/`length` in UTF-16 code units into the original text (markup
  included), `message`, `shortMessage`, `replacements`, `context`, `sentence`,
  and `rule: {id, description, issueType, category: {id, name}}`;
- `GET /v2/languages` and `GET /v2/healthcheck`, which language-tool-python calls.

Its rules are a handful of LanguageTool's own, by id, category and message,
implemented with regular expressions on the plain text. It records every
check request, and can be made slow (`delay`) or broken (`fail_status`).
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_TEXT_LENGTH = 20_000

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

_CATEGORY_NAMES = {
    "TYPOS": "Possible Typo",
    "MISC": "Miscellaneous",
    "CASING": "Capitalization",
    "TYPOGRAPHY": "Typography",
    "CONFUSED_WORDS": "Commonly Confused Words",
    "GRAMMAR": "Grammar",
    "REDUNDANCY": "Redundant Phrases",
    "PUNCTUATION": "Punctuation",
}
# LanguageTool's spell checker knows no character names, no dialect, and only
# its own variety of English.
_MISSPELLINGS = {
    "en-US": {
        "colour": ["color"],
        "favourite": ["favorite"],
        "realise": ["realize"],
        "nothin": ["nothing"],
        "Hermione": ["Hermine"],
        "Malfoy": ["Mallory"],
        "Teh": ["The"],
    },
    "en-GB": {
        "color": ["colour"],
        "favorite": ["favourite"],
        "realize": ["realise"],
        "nothin": ["nothing"],
        "Hermione": ["Hermine"],
        "Malfoy": ["Mallory"],
        "Teh": ["The"],
    },
}


@dataclass
class StandInRule:
    id: str
    category: str
    issue_type: str
    pattern: re.Pattern[str]
    message: str
    short: str
    suggest: object  # callable(match) -> list[str]
    default_on: bool = True


def _capitalize(m: re.Match[str]) -> list[str]:
    word = m.group(0)
    return [word[:1].upper() + word[1:]]


RULES = [
    StandInRule(
        "EN_A_VS_AN",
        "MISC",
        "misspelling",
        re.compile(r"\b[Aa](?= [aeiou]\w)"),
        "Use <suggestion>an</suggestion> instead of ‘a’ if the following word starts with a vowel sound, "
        "e.g. ‘an article’, ‘an hour’.",
        "Wrong article",
        lambda m: ["an" if m.group(0) == "a" else "An"],
    ),
    StandInRule(
        "ENGLISH_WORD_REPEAT_RULE",
        "MISC",
        "duplication",
        re.compile(r"\b(\w+) \1\b", re.I),
        "Possible typo: you repeated a word.",
        "Word repetition",
        lambda m: [m.group(1)],
    ),
    StandInRule(
        "UPPERCASE_SENTENCE_START",
        "CASING",
        "typographical",
        re.compile(r"(?:(?<=^)|(?<=[.!?] ))[a-z]\w*", re.M),
        "This sentence does not start with an uppercase letter.",
        "",
        _capitalize,
    ),
    StandInRule(
        "WHITESPACE_RULE",
        "TYPOGRAPHY",
        "whitespace",
        re.compile(r"(?<=\S)  +(?=\S)"),
        "Possible typo: you repeated a whitespace",
        "",
        lambda m: [" "],
    ),
    StandInRule(
        "COMMA_PARENTHESIS_WHITESPACE",
        "TYPOGRAPHY",
        "whitespace",
        re.compile(r" (?=[,.])|(?<=\") (?=\w)"),
        "Don't put a space before the full stop or comma.",
        "",
        lambda m: [""],
    ),
    StandInRule(
        "EN_QUOTES",
        "TYPOGRAPHY",
        "typographical",
        re.compile(r"\""),
        "Use a smart opening or closing quote here: <suggestion>“</suggestion>.",
        "",
        lambda m: ["“", "”"],
    ),
    StandInRule(
        "YOUR_YOU_RE",
        "CONFUSED_WORDS",
        "grammar",
        re.compile(r"\b[Yy]our(?= (?:going|gonna|welcome|right)\b)"),
        "Did you mean <suggestion>you're</suggestion> (= you are)?",
        "Confused words",
        lambda m: ["you're" if m.group(0)[0] == "y" else "You're"],
    ),
    StandInRule(
        "HE_VERB_AGR",
        "GRAMMAR",
        "grammar",
        re.compile(r"(?<=\b[Hh]e )don't|(?<=\b[Ss]he )don't"),
        "The pronoun ‘he’ or ‘she’ must be used with a third-person verb: <suggestion>doesn't</suggestion>.",
        "Grammatical problem",
        lambda m: ["doesn't"],
    ),
    StandInRule(
        "HAVE_PART_AGREEMENT",
        "GRAMMAR",
        "grammar",
        re.compile(r"(?:(?<=\bhad )|(?<=\bhas )|(?<=\bhave ))(?:saw|went|came|took|ran|swam|hid)\b"),
        "Possible agreement error: use the past participle here.",
        "Grammatical problem",
        lambda m: [{"saw": "seen", "went": "gone", "came": "come", "took": "taken", "ran": "run",
                    "swam": "swum", "hid": "hidden"}[m.group(0)]],
    ),
    StandInRule(
        "SENTENCE_FRAGMENT",
        "GRAMMAR",
        "grammar",
        re.compile(r"(?:(?<=^)|(?<=[.!?] ))(?:Because|As|When)\b(?=[^.!?,\"]*[.!?])"),
        "This sentence may be incomplete: it is only a subordinate clause.",
        "Sentence fragment",
        lambda m: [],
    ),
    StandInRule(
        "WHETHER",
        "REDUNDANCY",
        "style",
        re.compile(r"\bwhether or not\b"),
        "Consider shortening this phrase to just ‘whether’.",
        "Redundant phrase",
        lambda m: ["whether"],
    ),
]


def _spelling_rule(language: str) -> StandInRule:
    words = _MISSPELLINGS.get(language, _MISSPELLINGS["en-US"])
    return StandInRule(
        f"MORFOLOGIK_RULE_{language.replace('-', '_').upper()}",
        "TYPOS",
        "misspelling",
        re.compile(r"\b(?:" + "|".join(words) + r")\b"),
        "Possible spelling mistake found.",
        "Spelling mistake",
        lambda m: words[m.group(0)],
    )


@dataclass
class Segment:
    plain_start: int
    plain_end: int
    orig_start: int
    is_text: bool


def parse_annotation(data: str) -> tuple[str, str, list[Segment]]:
    """(original, plain, segments) from a `data` annotation."""
    original: list[str] = []
    plain: list[str] = []
    segments: list[Segment] = []
    p = o = 0
    for item in json.loads(data)["annotation"]:
        if "text" in item:
            piece, read = item["text"], item["text"]
            is_text = True
        else:
            piece, read = item["markup"], item.get("interpretAs", "")
            is_text = False
        segments.append(Segment(p, p + len(read), o, is_text))
        original.append(piece)
        plain.append(read)
        p += len(read)
        o += len(piece)
    return "".join(original), "".join(plain), segments


def to_original(segments: list[Segment], plain_offset: int, is_end: bool) -> int:
    for s in segments:
        inside = (
            s.plain_start < plain_offset <= s.plain_end
            if is_end
            else s.plain_start <= plain_offset < s.plain_end
        )
        if inside:
            return s.orig_start + (plain_offset - s.plain_start if s.is_text else 0)
    return segments[-1].orig_start if segments else 0


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le", "surrogatepass")) // 2


@dataclass
class StandInState:
    requests: list[dict[str, str]] = field(default_factory=list)  # every /v2/check form
    plain_texts: list[str] = field(default_factory=list)  # what the rules read
    paths: list[str] = field(default_factory=list)  # every path asked for
    delay: float = 0.0  # seconds to wait before answering /v2/check
    fail_status: int = 0  # answer /v2/check with this HTTP status
    not_languagetool: bool = False  # answer everything with an HTML page


def check(form: dict[str, str]) -> tuple[int, object]:
    language = form.get("language", "")
    if language not in {lang["longCode"] for lang in LANGUAGES} | {"auto"}:
        return 400, f"Error: '{language}' is not a language code known to LanguageTool."
    if "data" in form:
        original, plain, segments = parse_annotation(form["data"])
    else:
        original = plain = form.get("text", "")
        segments = [Segment(0, len(plain), 0, True)]
    if len(plain) > MAX_TEXT_LENGTH:
        return 413, f"Error: Your text exceeds the limit of {MAX_TEXT_LENGTH} characters"
    enabled = {r for r in form.get("enabledRules", "").split(",") if r}
    disabled = {r for r in form.get("disabledRules", "").split(",") if r}
    only = form.get("enabledOnly") == "true"
    matches = []
    for rule in [*RULES, _spelling_rule(language)]:
        active = rule.id in enabled if only else (rule.default_on or rule.id in enabled)
        if not active or rule.id in disabled:
            continue
        for m in rule.pattern.finditer(plain):
            matches.append(_match(rule, m, plain, original, segments))
    matches.sort(key=lambda item: item["offset"])
    return 200, {
        "software": {
            "name": "LanguageTool",
            "version": "6.4",
            "buildDate": "2024-03-28",
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": language,
            "code": language,
            "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9},
        },
        "matches": matches,
        "sentenceRanges": [[0, utf16(original, len(original))]],
    }


def _match(rule: StandInRule, m: re.Match[str], plain: str, original: str, segments: list[Segment]) -> dict:
    start = to_original(segments, m.start(), False)
    end = to_original(segments, m.end(), True)
    ctx_start = max(0, m.start() - 40)
    ctx = plain[ctx_start : m.end() + 40]
    return {
        "message": rule.message,
        "shortMessage": rule.short,
        "replacements": [{"value": v} for v in rule.suggest(m)],
        "offset": utf16(original, start),
        "length": utf16(original, end) - utf16(original, start),
        "context": {"text": ctx, "offset": m.start() - ctx_start, "length": m.end() - m.start()},
        "sentence": plain[max(0, plain.rfind(".", 0, m.start()) + 1) : m.end()].strip(),
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule.id,
            "description": rule.message.split(".")[0],
            "issueType": rule.issue_type,
            "category": {"id": rule.category, "name": _CATEGORY_NAMES.get(rule.category, rule.category)},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        self._route(url.path, dict(urllib.parse.parse_qsl(url.query)))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        self._route(urllib.parse.urlsplit(self.path).path, dict(urllib.parse.parse_qsl(body)))

    def _route(self, path: str, form: dict[str, str]) -> None:
        state = self.server.state
        state.paths.append(path)
        if state.not_languagetool:
            return self._send(200, "<html><body>It works!</body></html>", "text/html")
        if path == "/v2/healthcheck":
            return self._send(200, "OK", "text/plain")
        if path == "/v2/languages":
            return self._send(200, LANGUAGES)
        if path != "/v2/check":
            return self._send(404, "Error: unknown path", "text/plain")
        if state.delay:
            time.sleep(state.delay)
        if state.fail_status:
            return self._send(
                state.fail_status, "Error: Internal Error: java.lang.OutOfMemoryError", "text/plain"
            )
        state.requests.append(form)
        status, answer = check(form)
        if status == 200 and "data" in form:
            state.plain_texts.append(parse_annotation(form["data"])[1])
        elif status == 200:
            state.plain_texts.append(form.get("text", ""))
        self._send(status, answer, "application/json" if status == 200 else "text/plain")

    def _send(self, status: int, answer: object, kind: str = "application/json") -> None:
        body = (json.dumps(answer) if not isinstance(answer, str) else answer).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: StandInState


class StandInLanguageTool:
    """`with StandInLanguageTool() as lt:` … `lt.url` is `http://127.0.0.1:PORT`."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = StandInState()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def state(self) -> StandInState:
        return self._server.state

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> StandInLanguageTool:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
