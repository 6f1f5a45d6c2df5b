"""Reporters turn lint results into output: text for people, JSON for editors.

A reporter takes the results and returns a string; it never runs a check.
"""

from __future__ import annotations

from collections.abc import Callable

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


FORMATS = ("text", "json", "sarif", "github", "html")
