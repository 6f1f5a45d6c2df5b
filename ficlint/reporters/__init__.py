"""Reporters turn lint results into output: text for people, JSON for editors.

A reporter takes the results and returns a string; it never runs a check.
"""

from __future__ import annotations

from collections.abc import Callable

from ficlint.diagnostics import Diagnostic, Fix
from ficlint.engine import FileResult

Reporter = Callable[[list[FileResult], dict[str, object]], str]


def reporter(name: str) -> Reporter:
    from ficlint.reporters import github as github_reporter
    from ficlint.reporters import html as html_reporter
    from ficlint.reporters import json as json_reporter
    from ficlint.reporters import sarif as sarif_reporter
    from ficlint.reporters import text as text_reporter

    reporters: dict[str, Reporter] = {"text": text_reporter.render, "json": json_reporter.render,
                                      "sarif": sarif_reporter.render, "github": github_reporter.render,
                                      "html": html_reporter.render}
    return reporters[name]


def fix_preview(text: str, diagnostic: Diagnostic, fix: Fix) -> tuple[str, str]:
    """The flagged words before and after a fix, for people: a fix that swaps
    one letter of "stop" reads as "stop" -> "Stop", not as "S"."""
    start, end = min(diagnostic.start, fix.start), max(diagnostic.end, fix.end)
    before = text[start:end]
    after = text[start:fix.start] + fix.replacement + text[fix.end:end]
    return before, after


FORMATS = ("text", "json", "sarif", "github", "html")
