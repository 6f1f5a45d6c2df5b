"""LanguageTool as an optional second opinion (`ficlint check --languagetool`).

    documents ──► prose pieces ──► `data` annotation ──► POST /v2/check ──► matches
        ▲                                                                      │
        └──── diagnostics `LT:<RULE_ID>` (offsets mapped back exactly) ◄──────┘

Only prose is sent: narration and dialogue (author's notes if asked), as the
`text` pieces of LanguageTool's `data` annotation; Markdown markup, headings,
line breaks inside a paragraph and emphasis marks go as `markup` pieces. The
pieces of a chunk concatenate to exactly the file's text between two offsets,
so LanguageTool's offsets (UTF-16 code units into that stretch) map back to
the file with a UTF-16 → code point conversion and nothing else.

The server is either one the writer names (`languagetool.server`) or one that
language-tool-python starts (`languagetool.local`: the `ficlint[languagetool]`
extra, Java, and a download of LanguageTool on first use). A named server needs no
package: requests are plain HTTP (urllib). It is opened once per run and closed at the end.
Any failure is a BackendError: one warning line, ficlint's own findings stay.
"""

from __future__ import annotations

import bisect
import json
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ficlint.backends import BackendError
from ficlint.config import Config, LanguageToolConfig
from ficlint.diagnostics import Diagnostic, Fix, Severity
from ficlint.document import Document, RegionKind, Span
from ficlint.engine import FileResult, Linter, suppress
from ficlint.resources import load_data

CHUNK_CHARS = 15_000  # under the public server's 20,000-character limit per request
WORKERS = 4  # requests in flight at once
MAX_FIXES = 5  # replacements kept per match
SOURCE = "languagetool"

# Inside a prose region: a line break with the indentation and blockquote
# marks around it, or blockquote marks opening the paragraph.
_LINE_MARKUP = re.compile(r"[ \t]*\r?\n[ \t]*(?:>[ \t]*)*|^[ \t]*(?:>[ \t]*)+", re.M)
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!>])")
_NOTE_MARKUP = re.compile(r"^[ \t]*[#>]+[ \t]*|[*_]+", re.M)  # author's notes are not split into regions
_SUGGESTION = re.compile(r"</?suggestion>")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# -- settings kept as data -------------------------------------------------------


@cache
def _data() -> dict[str, Any]:
    return load_data("languagetool")


def default_disabled_rules() -> dict[str, str]:
    """LanguageTool rules ficlint turns off because they misfire on fiction, with the reason."""
    return dict(_data()["disabled_rules"])


def ficlint_category(lt_category: str) -> str:
    data = _data()
    return data["categories"].get(lt_category, data["default_category"])


# -- what is sent: prose pieces, chunks, the annotation --------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """doc.text[start:end], sent as prose text or as markup LanguageTool reads as `interpret_as`."""

    start: int
    end: int
    markup: bool = False
    interpret_as: str = ""


@dataclass(frozen=True)
class Chunk:
    """Pieces that tile doc.text[start:end]: one request."""

    start: int
    end: int
    pieces: tuple[Piece, ...]

    def annotation(self, text: str) -> str:
        items: list[dict[str, str]] = []
        for p in self.pieces:
            if p.markup:
                item = {"markup": text[p.start : p.end]}
                if p.interpret_as:
                    item["interpretAs"] = p.interpret_as
                items.append(item)
            else:
                items.append({"text": text[p.start : p.end]})
        return json.dumps({"annotation": items}, ensure_ascii=False)

    def plain_text(self, text: str) -> str:
        """What LanguageTool reads (for tests and debugging)."""
        return "".join(p.interpret_as if p.markup else text[p.start : p.end] for p in self.pieces)


_PROSE_KINDS = frozenset({RegionKind.NARRATION, RegionKind.DIALOGUE})


def prose_pieces(doc: Document, author_notes: bool = False) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of every stretch of prose to send, markup cut out."""
    kinds = _PROSE_KINDS | ({RegionKind.AUTHOR_NOTE} if author_notes else frozenset())
    spans = [(r.start, r.end, r.paragraph, r.kind) for r in doc.regions if r.kind in kinds]
    cuts = _merged(_cuts(doc, spans))
    cut_ends = [c.end for c in cuts]
    out: list[tuple[int, int, int]] = []
    for start, end, paragraph, _ in spans:
        pos = start
        i = bisect.bisect_right(cut_ends, start)
        while i < len(cuts) and cuts[i].start < end:
            if cuts[i].start > pos:
                out.append((pos, cuts[i].start, paragraph))
            pos = max(pos, cuts[i].end)
            i += 1
        if pos < end:
            out.append((pos, end, paragraph))
    return out


def _cuts(doc: Document, spans: Iterable[tuple[int, int, int, RegionKind]]) -> Iterable[Span]:
    """Markdown inside prose: line breaks, blockquote marks, emphasis marks, escapes, inline markup."""
    text = doc.text
    for start, end, _, kind in spans:
        patterns = (_LINE_MARKUP, _ESCAPE) + ((_NOTE_MARKUP,) if kind is RegionKind.AUTHOR_NOTE else ())
        for pattern in patterns:
            for m in pattern.finditer(text, start, end):
                if m.end() > m.start():
                    yield Span(m.start(), m.end())
    for span in doc.emphasis:
        lead = _run_length(text, span.start, 1)
        trail = _run_length(text, span.end - 1, -1)
        yield Span(span.start, span.start + lead)
        yield Span(span.end - trail, span.end)
    yield from doc.markup


def _run_length(text: str, at: int, step: int) -> int:
    """How many of the same emphasis mark (`*` or `_`, at most two) stand at `at`, going `step`."""
    mark = text[at]
    n = 1
    while n < 2 and 0 <= at + step * n < len(text) and text[at + step * n] == mark:
        n += 1
    return n


def _merged(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans):
        if out and s.start <= out[-1].end:
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
    return out


def chunks(text: str, pieces: Sequence[tuple[int, int, int]], limit: int | None = None) -> list[Chunk]:
    """Paragraph-aligned chunks of at most `limit` characters (CHUNK_CHARS); a
    paragraph longer than that is split between its pieces."""
    limit = limit or CHUNK_CHARS
    out: list[Chunk] = []
    current: list[tuple[int, int, int]] = []
    for paragraph in _by_paragraph(pieces):
        if current and paragraph[-1][1] - current[0][0] > limit:
            out.append(_chunk(text, current))
            current = []
        if paragraph[-1][1] - paragraph[0][0] <= limit:
            current.extend(paragraph)
            continue
        for piece in paragraph:
            if current and piece[1] - current[0][0] > limit:
                out.append(_chunk(text, current))
                current = []
            current.append(piece)
    if current:
        out.append(_chunk(text, current))
    return out


def _by_paragraph(pieces: Sequence[tuple[int, int, int]]) -> Iterable[list[tuple[int, int, int]]]:
    group: list[tuple[int, int, int]] = []
    for piece in pieces:
        if group and piece[2] != group[-1][2]:
            yield group
            group = []
        group.append(piece)
    if group:
        yield group


def _chunk(text: str, pieces: Sequence[tuple[int, int, int]]) -> Chunk:
    """The text pieces, with markup pieces filling the gaps between them."""
    out: list[Piece] = []
    for i, (start, end, paragraph) in enumerate(pieces):
        if i:
            gap, previous_paragraph = pieces[i - 1][1], pieces[i - 1][2]
            if start > gap:
                out.append(
                    Piece(gap, start, True, _interpret_gap(text, gap, start, paragraph != previous_paragraph))
                )
        out.append(Piece(start, end))
    return Chunk(out[0].start, out[-1].end, tuple(out))


def _interpret_gap(text: str, start: int, end: int, new_paragraph: bool) -> str:
    if new_paragraph:
        return "\n\n"
    return " " if "\n" in text[start:end] else ""


# -- UTF-16 offsets --------------------------------------------------------------


class Utf16Offsets:
    """Converts UTF-16 code-unit offsets (LanguageTool's, Java's) into code points."""

    def __init__(self, text: str) -> None:
        # the UTF-16 offset of every character outside the Basic Multilingual Plane
        self._astral = [m.start() + j for j, m in enumerate(_ASTRAL.finditer(text))]

    def code_points(self, utf16: int) -> int:
        return utf16 - bisect.bisect_left(self._astral, utf16) if self._astral else utf16


# -- talking to a server -----------------------------------------------------------


def request(url: str, form: dict[str, str] | None, timeout: float) -> Any:
    """GET (no form) or POST a form; the JSON answer, or a BackendError that says what went wrong."""
    import socket
    import urllib.error
    import urllib.parse
    import urllib.request

    from ficlint import __version__

    data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
    req = urllib.request.Request(
        url, data=data, headers={"Accept": "application/json", "User-Agent": f"ficlint/{__version__}"}
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
    except urllib.error.HTTPError as err:
        detail = err.read(400).decode("utf-8", "replace").strip().splitlines()
        raise BackendError(
            f"{url} answered HTTP {err.code}" + (f": {detail[0][:200]}" if detail else "")
        ) from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, (TimeoutError, socket.timeout)):
            raise BackendError(_timeout_message(url, timeout)) from None
        raise BackendError(f"cannot reach {url}: {err.reason}") from None
    except TimeoutError:
        raise BackendError(_timeout_message(url, timeout)) from None
    except OSError as err:
        raise BackendError(f"lost the connection to {url}: {err}") from None
    try:
        return json.loads(body)
    except ValueError:
        raise BackendError(f"{url} did not answer like a LanguageTool server (no JSON)") from None


def _timeout_message(url: str, timeout: float) -> str:
    return f"{url} gave no answer within {timeout:g} s (raise `languagetool.timeout`)"


def api_url(server: str) -> str:
    """`http://host:8081`, `…/v2` or `…/v2/` → `http://host:8081/v2/`."""
    base = server.strip().rstrip("/")
    if not re.match(r"https?://", base):
        raise BackendError(f"`languagetool.server` must be an http:// or https:// URL, not {server!r}")
    return base + "/" if base.endswith("/v2") else base + "/v2/"


class Server:
    """A LanguageTool server ready for /v2/check: a remote one, or a local one
    language-tool-python started (closed by `close`)."""

    def __init__(self, url: str, timeout: float, close: Callable[[], None] | None = None) -> None:
        self.url = url
        self.timeout = timeout
        self._close = close

    @classmethod
    def open(cls, settings: LanguageToolConfig, language: str) -> Server:
        if settings.server:
            server = cls(api_url(settings.server), settings.timeout)
            server.require_language(language)
            return server
        if settings.local:
            return cls.start_local(settings, language)
        raise BackendError(
            "no server: set `languagetool.server` (a URL) or `languagetool.local: true` in .ficlint.yaml"
        )

    @classmethod
    def start_local(cls, settings: LanguageToolConfig, language: str) -> Server:
        try:
            import language_tool_python
        except ImportError:
            raise BackendError(
                "`languagetool.local` needs the languagetool extra: pip install 'ficlint[languagetool]' "
                "(or set `languagetool.server`)"
            ) from None
        if shutil.which("java") is None:
            raise BackendError(
                "`languagetool.local` needs Java 17 or later, and `java` is not on PATH; "
                "install Java or set `languagetool.server`"
            )
        try:
            tool = language_tool_python.LanguageTool(language)
        except Exception as err:  # the library raises many kinds; all mean "no local server"
            raise BackendError(f"could not start a local LanguageTool server: {_one_line(err)}") from None
        url = getattr(tool, "url", None) or tool._url  # older versions keep only `_url`
        return cls(str(url), settings.timeout, tool.close)

    def require_language(self, language: str) -> None:
        languages = request(self.url + "languages", None, self.timeout)
        if not isinstance(languages, list):
            raise BackendError(f"{self.url}languages did not answer like a LanguageTool server")
        codes = {
            str(item.get(key)) for item in languages if isinstance(item, dict) for key in ("code", "longCode")
        }
        if language not in codes:
            raise BackendError(f"the server at {self.url} does not check {language!r}")

    def check(self, form: dict[str, str]) -> list[dict[str, Any]]:
        answer = request(self.url + "check", form, self.timeout)
        matches = answer.get("matches") if isinstance(answer, dict) else None
        if not isinstance(matches, list):
            raise BackendError(f"{self.url}check did not answer like a LanguageTool server (no matches)")
        return matches

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


# -- which English -------------------------------------------------------------------


def language_for(config: Config, docs: Sequence[Document], facts: dict[str, object] | None = None) -> str:
    """`languagetool.language`, or the English that follows ficlint's dialect:
    configured, or as the dialect check decided for the manuscript, or by a
    count of a few telltale spellings."""
    if config.languagetool.language != "auto":
        return config.languagetool.language
    decided = getattr((facts or {}).get("dialect"), "dialect", None)
    dialect = config.dialect if config.dialect != "auto" else decided or "auto"
    if dialect.startswith("en-GB"):
        return "en-GB"
    if dialect == "en-US":
        return "en-US"
    gb, us = _dialect_markers()
    text = "\n".join(doc.text for doc in docs)
    return "en-GB" if len(gb.findall(text)) > len(us.findall(text)) else "en-US"


@cache
def _dialect_markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    markers = _data()["dialect_markers"]
    return tuple(re.compile(r"\b(?:" + "|".join(markers[d]) + r")\b", re.I) for d in ("en-GB", "en-US"))


def rule_form(settings: LanguageToolConfig, language: str) -> dict[str, str]:
    """The request fields every chunk shares."""
    enabled = set(settings.enabled_rules)
    disabled = (set(default_disabled_rules()) - enabled) | set(settings.disabled_rules)
    form = {"language": language, "disabledRules": ",".join(sorted(disabled))}
    if enabled:
        form["enabledRules"] = ",".join(sorted(enabled))
    return form


# -- matches → diagnostics -------------------------------------------------------------


def to_diagnostic(match: dict[str, Any], chunk: Chunk, offsets: Utf16Offsets) -> Diagnostic | None:
    """One LanguageTool match as a ficlint diagnostic, offsets in the file's code points."""
    try:
        offset, length = int(match["offset"]), int(match["length"])
        rule = match["rule"]
        rule_id = re.sub(r"[^A-Z0-9_]", "_", str(rule["id"]).upper())
    except (KeyError, TypeError, ValueError):
        return None
    start = chunk.start + offsets.code_points(offset)
    end = chunk.start + offsets.code_points(offset + length)
    if not chunk.start <= start <= end <= chunk.end:
        return None  # not in what was sent: a server bug, nothing to show
    lt_category = str((rule.get("category") or {}).get("id", ""))
    category = ficlint_category(lt_category)
    replacements = [
        r["value"] for r in match.get("replacements") or () if isinstance(r, dict) and "value" in r
    ]
    message = _SUGGESTION.sub('"', str(match.get("message") or match.get("shortMessage") or rule_id)).strip()
    return Diagnostic(
        rule=f"LT:{rule_id}",
        start=start,
        end=end,
        message=message,
        fixes=tuple(Fix(start, end, value, safe=False) for value in replacements[:MAX_FIXES]),
        name="lt-" + rule_id.lower().replace("_", "-").strip("-"),
        category=category,
        severity=Severity.INFO if category == "style" else Severity.WARNING,
        data={"source": SOURCE, "lt_category": lt_category, "issue_type": str(rule.get("issueType", ""))},
    )


def keep_for_fiction(diag: Diagnostic, doc: Document, words: frozenset[str]) -> bool:
    """Drop what LanguageTool gets wrong about fiction: character names and
    the writer's own words as misspellings, characters' voices as grammar."""
    flagged = doc.text[diag.start : diag.end]
    region = doc.region_at(diag.start)
    in_dialogue = region is not None and region.kind is RegionKind.DIALOGUE
    if diag.category == "spelling":
        if flagged.lower() in words or flagged[:1].isupper():
            return False  # a name, a place, a spell, a shout
        if in_dialogue and _elided(doc.text, diag.start, diag.end):
            return False  # dialect elision: nothin', 'em, y'know
    return not (in_dialogue and diag.category in _data()["not_in_dialogue"])


def _elided(text: str, start: int, end: int) -> bool:
    """An apostrophe in, just before or just after the word."""
    return any(q in text[max(0, start - 1) : end + 1] for q in "'’")


def deduplicate(own: Sequence[Diagnostic], extra: Iterable[Diagnostic]) -> list[Diagnostic]:
    """LanguageTool's diagnostics that ficlint has not already made: a ficlint diagnostic of the
    same category on an overlapping span wins, and so does one about the same words under another
    name (the words' grammar, sound-alike, spelling or tense: LanguageTool calls "had saw" a
    grammar slip, "Toms shoulder" a spelling one, ficlint both grammar)."""
    by_category: dict[str, list[Diagnostic]] = {}
    for d in own:
        by_category.setdefault(d.category, []).append(d)
    about_words = [d for d in own if d.category in _WORD_CATEGORIES]
    return [
        d for d in extra
        if not any(_overlap(d, o) for o in by_category.get(d.category, ()))
        and not (d.category in _WORD_CATEGORIES and any(_overlap(d, o) for o in about_words))
    ]


# what a word is, as opposed to the punctuation or the style around it
_WORD_CATEGORIES = frozenset(["grammar", "homophone", "spelling", "tense"])


def _overlap(a: Diagnostic, b: Diagnostic) -> bool:
    return a.start < b.end and b.start < a.end or (a.start == b.start and a.end == b.end)


# -- one run -----------------------------------------------------------------------------


@dataclass
class _Job:
    result: FileResult
    chunk: Chunk


class LanguageToolRun:
    """LanguageTool for one ficlint run: servers are opened when first needed,
    once each, and closed by `close`; a server that failed is not tried again."""

    def __init__(self, requested: bool | None = None) -> None:
        self.requested = requested  # --languagetool / --no-languagetool; None: the config decides
        self._servers: dict[tuple[str | None, bool, str], Server] = {}
        self._broken: dict[tuple[str | None, bool, str], BackendError] = {}

    def wanted(self, config: Config) -> bool:
        return config.languagetool.enabled if self.requested is None else self.requested

    def add(self, results: Sequence[FileResult], linter: Linter) -> None:
        """Add LanguageTool's findings to the results of one manuscript, or a
        warning to each result when LanguageTool could not run. Its findings pass
        the linter's selection and severity, as ficlint's own do, then inline suppression."""
        config = linter.config
        if not self.wanted(config):
            return
        readable = [r for r in results if r.document is not None]
        if not readable:
            return
        try:
            found = self._check(readable, config)
        except BackendError as err:
            for result in results:
                result.warnings.append(f"LanguageTool skipped: {err}")
            return
        words = frozenset(w.lower() for w in config.words)
        for result in readable:
            doc = result.document
            assert doc is not None
            mine = [d for d in found.get(id(result), ()) if keep_for_fiction(d, doc, words)]
            mine = [d for d in mine if linter.admit(d, result.path)]
            mine = suppress(doc, deduplicate(result.diagnostics, mine))
            result.diagnostics = sorted(result.diagnostics + mine, key=lambda d: d.sort_key)

    def _check(self, results: Sequence[FileResult], config: Config) -> dict[int, list[Diagnostic]]:
        settings = config.languagetool
        docs = [r.document for r in results if r.document is not None]
        language = language_for(config, docs, results[0].facts)
        server = self._server(settings, language)
        form = rule_form(settings, language)
        jobs = [
            _Job(r, c)
            for r in results
            if r.document is not None
            for c in chunks(r.document.text, prose_pieces(r.document, settings.author_notes))
        ]
        found: dict[int, list[Diagnostic]] = {}
        if not jobs:
            return found

        def run(job: _Job) -> tuple[_Job, list[dict[str, Any]]]:
            assert job.result.document is not None
            return job, server.check({**form, "data": job.chunk.annotation(job.result.document.text)})

        from concurrent.futures import ThreadPoolExecutor  # only when LanguageTool runs: start-up time

        try:
            with ThreadPoolExecutor(max_workers=min(WORKERS, len(jobs))) as pool:
                answers = list(pool.map(run, jobs))
        except BackendError as err:
            self._broken[_key(settings, language)] = err
            raise
        for job, matches in answers:
            assert job.result.document is not None
            offsets = Utf16Offsets(job.result.document.text[job.chunk.start : job.chunk.end])
            diags = (to_diagnostic(m, job.chunk, offsets) for m in matches if isinstance(m, dict))
            found.setdefault(id(job.result), []).extend(d for d in diags if d is not None)
        return found

    def _server(self, settings: LanguageToolConfig, language: str) -> Server:
        key = _key(settings, language)
        if key in self._broken:
            raise self._broken[key]
        if key not in self._servers:
            try:
                self._servers[key] = Server.open(settings, language)
            except BackendError as err:
                self._broken[key] = err
                raise
        return self._servers[key]

    def close(self) -> None:
        for server in self._servers.values():
            server.close()
        self._servers.clear()


def _key(settings: LanguageToolConfig, language: str) -> tuple[str | None, bool, str]:
    return (settings.server, settings.local and not settings.server, language if settings.server else "")
