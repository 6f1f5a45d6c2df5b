"""The JSON contract for editors and scripts (version 1). See README, "JSON output".

    {"version": 1,
     "files": [{"path": P, "diagnostics": [D, ...]}],   # files with an error have "error" instead
     "summary": {"files": N, "diagnostics": N, "errors": N, "failures": N,
                 "by_category": {...}, "by_rule": {...}}}

A file on which a check crashed (a bug in ficlint) also has "failures": [message, ...]:
its other checks' diagnostics are still there, so an editor can show them and say that
one check is missing.

Each D: rule, name, category, severity, message, text, start, end, fixes
(and confidence where the check gives one). start/end are
{"offset", "line", "column", "character"}: offset in code points into the
decoded text, line and column 1-based in code points, character 0-based in
UTF-16 code units as the Language Server Protocol counts them.
"""

from __future__ import annotations

import json
from collections import Counter

from ficlint.diagnostics import Diagnostic
from ficlint.document import Document
from ficlint.engine import FileResult

VERSION = 1


def position(doc: Document, offset: int) -> dict[str, int]:
    line, column = doc.position(offset)
    return {"offset": offset, "line": line, "column": column, "character": doc.utf16_character(offset)}


def diagnostic_json(doc: Document, d: Diagnostic) -> dict[str, object]:
    out: dict[str, object] = {
        "rule": d.rule,
        "name": d.name,
        "category": d.category,
        "severity": str(d.severity),
        "message": d.message,
        "text": doc.text[d.start:d.end],
        "start": position(doc, d.start),
        "end": position(doc, d.end),
        "fixes": [
            {"replacement": f.replacement, "safe": f.safe,
             "start": position(doc, f.start), "end": position(doc, f.end)}
            for f in d.fixes
        ],
    }
    if d.confidence is not None:
        out["confidence"] = round(d.confidence, 3)
    if d.data:
        out["data"] = d.data
    return out


def report(results: list[FileResult], extra: dict[str, object] | None = None) -> dict[str, object]:
    files: list[dict[str, object]] = []
    by_category: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    errors = failures = 0
    for result in results:
        if result.error is not None or result.document is None:
            errors += 1
            problem = result.error.problem if result.error else "unreadable"
            files.append({"path": result.path, "error": str(problem), "diagnostics": []})
            continue
        diags = [diagnostic_json(result.document, d) for d in result.diagnostics]
        by_category.update(d.category for d in result.diagnostics)
        by_rule.update(d.rule for d in result.diagnostics)
        entry: dict[str, object] = {"path": result.path, "diagnostics": diags}
        if result.failures:
            entry["failures"] = list(result.failures)
            failures += len(result.failures)
        files.append(entry)
    summary = {
        "files": len(results),
        "diagnostics": sum(by_category.values()),
        "errors": errors,
        "failures": failures,
        "by_category": dict(sorted(by_category.items())),
        "by_rule": dict(sorted(by_rule.items())),
    }
    out: dict[str, object] = {"version": VERSION, "files": files, "summary": summary}
    if extra:
        out.update(extra)
    return out


def render(results: list[FileResult], extra: dict[str, object]) -> str:
    document = report(results, extra.get("json") if extra else None)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
