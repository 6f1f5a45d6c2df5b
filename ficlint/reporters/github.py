"""GitHub Actions workflow commands (`--format github`): each finding becomes an
annotation on the pull request's diff.

    ::warning file=chapters/01.md,line=3,col=14,endLine=3,endColumn=19,title=H001 (homophone)::…
"""

from __future__ import annotations

from ficlint.diagnostics import Diagnostic, Severity
from ficlint.document import Document
from ficlint.engine import FileResult

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice",
          Severity.HINT: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(doc: Document, d: Diagnostic) -> str:
    line, col = doc.position(d.start)
    end_line, end_col = doc.position(d.end)
    title = f"{d.rule} {d.name}".strip() if d.name else d.rule
    props = (f"file={escape_property(doc.path)},line={line},col={col},endLine={end_line},endColumn={end_col},"
             f"title={escape_property(title)}")
    message = escape_data(f"{d.rule} [{d.category}] {d.message}")
    return f"::{LEVELS.get(d.severity, 'warning')} {props}::{message}"


def render(results: list[FileResult], extra: dict[str, object]) -> str:
    lines: list[str] = []
    for result in results:
        if result.error is not None or result.document is None:
            lines.append(f"::error file={escape_property(result.path)},title=ficlint::"
                         f"{escape_data(str(result.error or 'unreadable'))}")
            continue
        lines.extend(annotation(result.document, d) for d in result.diagnostics)
    return "".join(line + "\n" for line in lines)
