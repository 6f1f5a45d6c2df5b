"""SARIF 2.1.0 output (`--format sarif`), for GitHub code scanning and other SARIF viewers.

One run; the tool's rules are the rules that have findings, with their summary
and why. Columns are UTF-16 code units (`columnKind: utf16CodeUnits`), as
GitHub and Visual Studio count them; regions also carry `charOffset` and
`charLength` in code points. Each fix becomes a SARIF `fix` whose
replacement is described by the same region. Files that could not be read are
tool execution notifications, and make `executionSuccessful` false.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from ficlint import __version__
from ficlint.diagnostics import Diagnostic, Fix, Severity
from ficlint.document import Document
from ficlint.engine import FileResult
from ficlint.reporters import describe_fix

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/ficlint/"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}


def artifact_uri(path: str) -> str:
    """A URI for a file as it was named: relative paths stay relative (SARIF viewers
    resolve them against the checkout), absolute ones become file: URIs."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix())


def _utf16_column(doc: Document, offset: int) -> tuple[int, int]:
    """1-based line and 1-based column in UTF-16 code units."""
    line, _ = doc.position(offset)
    return line, doc.utf16_character(offset) + 1


def region(doc: Document, start: int, end: int) -> dict[str, int]:
    start_line, start_column = _utf16_column(doc, start)
    end_line, end_column = _utf16_column(doc, end)
    return {"startLine": start_line, "startColumn": start_column,
            "endLine": end_line, "endColumn": end_column,
            "charOffset": start, "charLength": end - start}


def _fix(doc: Document, uri: str, fix: Fix) -> dict[str, object]:
    what = describe_fix(doc.text, fix)
    return {
        "description": {"text": what + ("" if fix.safe else " (unsafe fix)")},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri},
            "replacements": [{"deletedRegion": region(doc, fix.start, fix.end),
                              "insertedContent": {"text": fix.replacement}}],
        }],
    }


def result(doc: Document, d: Diagnostic, uri: str, rule_index: int) -> dict[str, object]:
    out: dict[str, object] = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(d.severity, "warning"),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                            "region": region(doc, d.start, d.end)}}],
    }
    if d.fixes:
        out["fixes"] = [_fix(doc, uri, f) for f in d.fixes]
    properties: dict[str, object] = {"category": d.category}
    if d.confidence is not None:
        properties["confidence"] = round(d.confidence, 3)
    out["properties"] = properties
    return out


def rule_descriptor(d: Diagnostic) -> dict[str, object]:
    descriptor: dict[str, object] = {"id": d.rule, "name": d.name or d.rule,
                                     "properties": {"category": d.category, "tags": [d.category]}}
    rule = _rule_metadata(d.rule)
    if rule is not None:
        descriptor["shortDescription"] = {"text": rule.summary}
        descriptor["fullDescription"] = {"text": rule.why}
        descriptor["help"] = {"text": f"{rule.summary} {rule.why}".strip()}
        descriptor["defaultConfiguration"] = {"level": LEVELS.get(rule.severity, "warning")}
    return descriptor


def _rule_metadata(rule_id: str):  # type: ignore[no-untyped-def]
    from ficlint.config import Config
    from ficlint.registry import Registry

    try:
        return Registry.for_config(Config()).rules.get(rule_id)
    except Exception:  # a pack that fails to load must not stop the report
        return None


def report(results: list[FileResult]) -> dict[str, object]:
    rules: list[dict[str, object]] = []
    rule_index: dict[str, int] = {}
    sarif_results: list[dict[str, object]] = []
    notifications: list[dict[str, object]] = []
    for file_result in results:
        uri = artifact_uri(file_result.path)
        if file_result.error is not None or file_result.document is None:
            problem = str(file_result.error or f"{file_result.path}: unreadable")
            notifications.append({"level": "error", "message": {"text": problem},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            continue
        for failure in file_result.failures:
            notifications.append({"level": "error", "message": {"text": f"internal error: {failure}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
        for d in file_result.diagnostics:
            if d.rule not in rule_index:
                rule_index[d.rule] = len(rules)
                rules.append(rule_descriptor(d))
            sarif_results.append(result(file_result.document, d, uri, rule_index[d.rule]))
    run: dict[str, object] = {
        "tool": {"driver": {"name": "ficlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "columnKind": "utf16CodeUnits",
        "results": sarif_results,
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: list[FileResult], extra: dict[str, object]) -> str:
    return json.dumps(report(results), ensure_ascii=False, indent=2) + "\n"
