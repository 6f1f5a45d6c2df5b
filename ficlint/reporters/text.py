"""Annotated text output, the way rustc and ruff show findings:

    seeds/000.txt:3:36: warning[H001] [homophone] "threw" here is probably "through".
      |
    3 | …watery eyes threw the vanity as tears…
      |              ^^^^^
      = help: replace "threw" with "through"
"""

from __future__ import annotations

import os
import sys
from collections import Counter

from ficlint.diagnostics import Diagnostic, Severity
from ficlint.document import Document
from ficlint.engine import FileResult
from ficlint.reporters import fix_preview

WINDOW = 100  # characters of a long source line shown around the span

_COLORS = {"bold": "1", "italic": "3", "red": "31", "yellow": "33", "blue": "34", "cyan": "36", "dim": "2",
           "green": "32"}
_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue",
                   Severity.HINT: "cyan"}


def use_color(stream: object = None, force: bool | None = None) -> bool:
    if force is not None:
        return force
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


class Painter:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles:
            return text
        codes = ";".join(_COLORS[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


def render(results: list[FileResult], extra: dict[str, object]) -> str:
    """Each finding annotated (or one line each with `quiet`), or with
    `statistics` only the count per rule (as ruff does); then the summary."""
    paint = Painter(bool(extra.get("color")))
    quiet = bool(extra.get("quiet"))
    counts_only = bool(extra.get("statistics"))
    out: list[str] = []
    for result in results:
        if result.error is not None:
            out.append(paint(f"{result.error}", "red", "bold"))
            continue
        doc = result.document
        assert doc is not None
        if not counts_only:
            out.extend(format_diagnostic(doc, d, paint, quiet) for d in result.diagnostics)
    if counts_only:
        out.append(statistics(results))
    if not quiet or any(r.diagnostics for r in results):
        out.append(summary_line(results, paint, extra.get("failing")))
        fixable = fixable_line(results, bool(extra.get("unsafe_fixes")))
        if fixable:
            out.append(fixable)
    return "\n".join(out) + "\n" if out else ""


def format_diagnostic(doc: Document, d: Diagnostic, paint: Painter, quiet: bool = False) -> str:
    line, column = doc.position(d.start)
    color = _SEVERITY_COLOR.get(d.severity, "yellow")
    where = paint(f"{doc.path}:{line}:{column}:", "bold")
    head = f"{where} {paint(f'{d.severity}[{d.rule}]', color, 'bold')} [{d.category}] {d.message}"
    if quiet:
        return head
    source_line = doc.line_text(line)
    line_start = doc.line_starts[line - 1]
    span_start = d.start - line_start
    span_end = min(d.end - line_start, len(source_line))
    if span_end <= span_start:
        span_end = span_start + 1
    shown, caret_at, caret_len = _window(source_line, span_start, span_end)
    gutter = " " * len(str(line))
    lines = [
        head,
        f"{gutter} {paint('|', 'blue')}",
        f"{paint(str(line), 'blue')} {paint('|', 'blue')} {shown}",
        f"{gutter} {paint('|', 'blue')} {' ' * caret_at}{paint('^' * caret_len, color, 'bold')}",
    ]
    for fix in d.fixes[:1]:
        before, after = fix_preview(doc.text, d, fix)
        what = f'replace "{_one_line(before)}" with "{_one_line(after)}"'
        safety = "" if fix.safe else " (unsafe fix)"
        lines.append(f"{gutter} {paint('=', 'blue')} {paint('help', 'green', 'bold')}: {what}{safety}")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text else text


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of a long line around [start, end), with the caret position in it."""
    display = line.replace("\t", " ")
    if len(display) <= WINDOW:
        return display, _width(display[:start]), max(1, _width(display[start:end]))
    left = max(0, start - WINDOW // 3)
    right = min(len(display), max(end + WINDOW // 3, left + WINDOW))
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(display) else ""
    shown = prefix + display[left:right] + suffix
    return shown, len(prefix) + _width(display[left:start]), max(1, _width(display[start:min(end, right)]))


def _width(text: str) -> int:
    """Terminal columns of a string: wide East Asian characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def summary_line(results: list[FileResult], paint: Painter, failing: object = None) -> str:
    """`N findings in M files.`; when some findings are below the `fail-on` level, how many fail the check."""
    count = sum(len(r.diagnostics) for r in results)
    errors = sum(1 for r in results if r.error is not None)
    files = len(results)
    parts = [f"{count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"]
    if isinstance(failing, int) and failing < count:
        parts[0] += f"; {failing or 'none'} fail{'s' if failing in (0, 1) else ''} the check"
    if errors:
        parts.append(f"{errors} file{'s' if errors != 1 else ''} could not be read")
    text = ", ".join(parts) + "."
    return paint(text, "bold") if count or errors else paint(text, "green", "bold")


def fixable_line(results: list[FileResult], unsafe_fixes: bool) -> str:
    """How many findings `--fix` would fix, as ruff says it: "3 fixable with
    `--fix` (1 more with `--fix --unsafe-fixes`)."; empty when none would be."""
    diagnostics = [d for r in results for d in r.diagnostics if d.fixes]
    safe = sum(1 for d in diagnostics if d.fixes[0].safe)  # --fix applies a finding's first fix
    unsafe = len(diagnostics) - safe
    if unsafe_fixes:
        return f"{len(diagnostics)} fixable with `--fix --unsafe-fixes`." if diagnostics else ""
    if safe and unsafe:
        return f"{safe} fixable with `--fix` ({unsafe} more with `--fix --unsafe-fixes`)."
    if safe:
        return f"{safe} fixable with `--fix`."
    return f"{unsafe} fixable with `--fix --unsafe-fixes`." if unsafe else ""


def statistics(results: list[FileResult]) -> str:
    by_rule: Counter[tuple[str, str, str]] = Counter()
    for r in results:
        by_rule.update((d.rule, d.name, d.category) for d in r.diagnostics)
    rows = [f"{n:>5}  {rule:<6} {name} [{category}]" for (rule, name, category), n in by_rule.most_common()]
    return "\n".join(rows) + ("\n" if rows else "")
