"""What the editor sees of a check: diagnostics, and code actions answered from
them without checking again.

- Each fix of a finding is a quick fix (the first one preferred when safe);
  spelling findings also offer to add the word to the story's word list.
- "Fix all safe ficlint findings" (`source.fixAll.ficlint`) applies what one
  `ficlint check --fix` pass would. Its edit (thousands of changes in a messy
  novel) is sent only when the writer picks it (`codeAction/resolve`), to
  editors that can ask for it so; editors ask for code actions on every move
  of the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types

from ficlint.diagnostics import Diagnostic, Fix, Severity
from ficlint.lsp.positions import Lines
from ficlint.reporters import describe_fix

ADD_WORD_COMMAND = "ficlint.addWord"
FIX_ALL_KIND = "source.fixAll.ficlint"
WORD_CATEGORIES = {"spelling"}
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


@dataclass
class Linted:
    """One checked version of a document: its text, ficlint's findings, and the fix-all's fixes."""

    uri: str
    version: int
    lines: Lines
    diagnostics: list[Diagnostic]
    fixes: list[Fix] = field(default_factory=list)  # what one `--fix` pass would apply
    _fix_all: types.CodeAction | None = field(default=None, init=False)

    def published(self) -> list[dict[str, Any]]:
        """The findings as the editor is sent them, as JSON values (see FicProtocol.notify_json)."""
        return [lsp_json(self.lines, d) for d in self.diagnostics]

    def fix_all(self, with_edit: bool = True) -> types.CodeAction | None:
        """The fix-all action, its edit made once for this version (editors ask on every cursor move)."""
        if not self.fixes:
            return None
        title = f"Fix all safe ficlint findings ({len(self.fixes)})"
        if not with_edit:  # sent by codeAction/resolve when the writer picks it
            return types.CodeAction(title=title, kind=FIX_ALL_KIND,
                                    data={"uri": self.uri, "version": self.version})
        if self._fix_all is None:
            edit = types.WorkspaceEdit(changes={self.uri: [text_edit(self.lines, f) for f in self.fixes]})
            self._fix_all = types.CodeAction(title=title, kind=FIX_ALL_KIND, edit=edit)
        return self._fix_all


def to_lsp(lines: Lines, d: Diagnostic) -> types.Diagnostic:
    return types.Diagnostic(
        range=lines.range(d.start, d.end),
        message=d.message,
        severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.rule,
        source="ficlint",
        data={"name": d.name, "category": d.category, "word": lines.text[d.start:d.end]},
    )


def lsp_json(lines: Lines, d: Diagnostic) -> dict[str, Any]:
    """The same as `to_lsp`, as JSON values: a novel's thousands of findings are sent in half the time."""
    (line, character), (end_line, end_character) = lines.index_position(d.start), lines.index_position(d.end)
    return {
        "range": {"start": {"line": line, "character": character},
                  "end": {"line": end_line, "character": end_character}},
        "message": d.message,
        "severity": int(_SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning)),
        "code": d.rule,
        "source": "ficlint",
        "data": {"name": d.name, "category": d.category, "word": lines.text[d.start:d.end]},
    }


def problem_diagnostic(problem: str) -> types.Diagnostic:
    """Why a document was not checked (a broken config), at its very start: the editor's list of
    problems says it for as long as it lasts, and the stale findings are gone."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(range=types.Range(start=start, end=start), source="ficlint",
                            severity=types.DiagnosticSeverity.Error,
                            message=f"ficlint could not check this document: {problem}")


def code_actions(linted: Linted, rng: types.Range, only: Sequence[str] | None,
                 resolve_edits: bool = False) -> list[types.CodeAction]:
    """The quick fixes of the findings that touch a range, and the fix-all action (without its
    edit when the editor resolves edits later)."""
    start, end = linted.lines.span(rng)
    actions: list[types.CodeAction] = []
    if wanted(types.CodeActionKind.QuickFix, only):
        for d in linted.diagnostics:
            if d.start <= end and start <= d.end:
                actions.extend(quick_fixes(linted, d, to_lsp(linted.lines, d)))
    if wanted(FIX_ALL_KIND, only):
        fix_all = linted.fix_all(with_edit=not resolve_edits)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def resolve(action: types.CodeAction, linted: Linted | None) -> types.CodeAction:
    """A fix-all action with its edit, if the document is still at the version it was offered for."""
    data = action.data if isinstance(action.data, dict) else {}
    if action.kind == FIX_ALL_KIND and linted is not None and data.get("version") == linted.version:
        fix_all = linted.fix_all()
        if fix_all is not None:
            action.edit = fix_all.edit
    return action


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether a client's `only` asks for a kind; kinds are dotted: "source" covers "source.fixAll.x"."""
    return not only or any(kind == k or kind.startswith(f"{k}.") for k in map(str, only))


def quick_fixes(linted: Linted, d: Diagnostic, published: types.Diagnostic) -> list[types.CodeAction]:
    lines, uri = linted.lines, linted.uri
    actions = [types.CodeAction(
        title=f"{fix_title(lines.text, fix)} ({d.rule})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[published],
        is_preferred=fix.safe and i == 0,
        edit=types.WorkspaceEdit(changes={uri: [text_edit(lines, fix)]}),
    ) for i, fix in enumerate(d.fixes)]
    word = lines.text[d.start:d.end].strip()
    if d.category in WORD_CATEGORIES and word and " " not in word:
        actions.append(types.CodeAction(
            title=f'Add "{word}" to the story\'s word list',
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[published],
            command=types.Command(title="Add to word list", command=ADD_WORD_COMMAND, arguments=[uri, word]),
        ))
    return actions


def fix_title(text: str, fix: Fix) -> str:
    return describe_fix(text, fix) + ("" if fix.safe else " (unsafe)")


def text_edit(lines: Lines, fix: Fix) -> types.TextEdit:
    return types.TextEdit(range=lines.range(fix.start, fix.end), new_text=fix.replacement)
