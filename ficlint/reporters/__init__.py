"""Reporters turn lint results into output: text for people, JSON for editors.

A reporter takes the results and returns a string; it never runs a check.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ficlint.diagnostics import Diagnostic, Fix
from ficlint.engine import FileResult

Reporter = Callable[[list[FileResult], dict[str, object]], str]


def reporter(name: str) -> Reporter:
    """The `render` of one output format; only that format's module is imported (start-up time)."""
    if name not in FORMATS:
        raise KeyError(name)
    render: Reporter = importlib.import_module(f"ficlint.reporters.{name}").render
    return render


def describe_fix(text: str, fix: Fix) -> str:
    """A fix as an editor's menu item or a SARIF description: Delete/Insert/Replace with."""
    if not fix.replacement:
        return f'Delete "{text[fix.start:fix.end]}"'
    if fix.start == fix.end:
        return f'Insert "{fix.replacement}"'
    return f'Replace with "{fix.replacement}"'


def fix_preview(text: str, diagnostic: Diagnostic, fix: Fix) -> tuple[str, str]:
    """The flagged words before and after a fix, for people: a fix that swaps
    one letter of "stop" reads as "stop" -> "Stop", not as "S"."""
    start, end = min(diagnostic.start, fix.start), max(diagnostic.end, fix.end)
    before = text[start:end]
    after = text[start:fix.start] + fix.replacement + text[fix.end:end]
    return before, after


FORMATS = ("text", "json", "sarif", "github", "html")
