"""The language server (`ficlint lsp`): ficlint's findings in any editor that speaks LSP.

- Diagnostics for Markdown and plain-text documents on open, change and save,
  configured by the `.ficlint.yaml` found from the document's folder, exactly as
  `ficlint check` would configure that file.
- Code actions: each fix (preferred when safe), "fix all safe findings"
  (`source.fixAll.ficlint`), and, for spelling findings, adding the word to the
  story's word list (`.ficlint-words.txt` beside the config).
- Configuration is reloaded when a config or word-list file changes (watched
  files, or saved in the editor), and every open document is checked again.

Positions are UTF-16 code units, as LSP counts them by default.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from ficlint import __version__
from ficlint.analysis import AnalyzedDocument as Document
from ficlint.config import CONFIG_NAMES, WORDS_FILE, Config, ConfigError
from ficlint.diagnostics import Diagnostic, Fix, Severity
from ficlint.document.lines import LineIndex
from ficlint.engine import Linter
from ficlint.fixer import apply_fixes, choose_fixes
from ficlint.packs import PackError
from ficlint.reporters import describe_fix
from ficlint.source import InputError, Source, read_source
from ficlint.workspace import ConfigCache, discover, manuscript_key

log = logging.getLogger(__name__)

ADD_WORD_COMMAND = "ficlint.addWord"
FIX_ALL_KIND = "source.fixAll.ficlint"
LANGUAGES = {"markdown", "plaintext", "text", "txt"}
SUFFIXES = {".md", ".markdown", ".txt", ".text"}
WATCHED = tuple(f"**/{name}" for name in (*CONFIG_NAMES, WORDS_FILE))
WORD_CATEGORIES = {"spelling"}
TYPING_PAUSE = 0.15  # seconds to wait after a change before checking
MAX_MANUSCRIPT_FILES = 500  # beyond this, a document is checked on its own
MAX_MANUSCRIPT_BYTES = 40 * 1024 * 1024
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


# -- positions -------------------------------------------------------------------

class Lines:
    """Code-point offsets <-> LSP positions (0-based line, UTF-16 character) for one text."""

    def __init__(self, text: str) -> None:
        self.index = LineIndex(text)

    @property
    def text(self) -> str:
        return self.index.text

    def position(self, offset: int) -> types.Position:
        line, character = self.index.utf16_position(offset)
        return types.Position(line=line, character=character)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        return self.index.offset_at(position.line, position.character)


# -- the server ------------------------------------------------------------------

class FicServer(LanguageServer):
    """Keeps one config cache and one linter per configuration, until a config file changes."""

    def __init__(self) -> None:
        super().__init__("ficlint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.reset()

    def reset(self) -> None:
        self.configs = ConfigCache(None, {})
        self.linters: dict[int, Linter] = {}
        self.reported_errors: set[str] = set()
        # chapters read from disk, with the (mtime, size) they had
        self.on_disk: dict[Path, tuple[tuple[int, int], Document]] = {}
        self.sibling_facts: dict[tuple[int, str], tuple[Document, dict[str, object]]] = {}

    def config_for(self, path: Path) -> Config:
        return self.configs.for_file(path)

    def linter_for(self, config: Config) -> Linter:
        key = id(config)
        if key not in self.linters:
            self.linters[key] = Linter(config)
        return self.linters[key]

    def lint(self, uri: str, text: str) -> list[Diagnostic] | None:
        """Findings for a document, or None when its configuration is broken (the user is told)."""
        path = document_path(uri)
        try:
            config = self.config_for(path)
            linter = self.linter_for(config)
            if config.path is not None and config.excludes(str(path)):
                return []
            return self.lint_in_manuscript(linter, config, path, text)
        except (ConfigError, PackError) as err:
            self.tell_once(str(err))
            return None

    def lint_in_manuscript(self, linter: Linter, config: Config, path: Path, text: str) -> list[Diagnostic]:
        """Check one document the way `ficlint check` checks it: as part of its manuscript (the other
        files that share its config, read from open buffers or disk), so names learned and the dialect
        found across chapters count here too. Only this document is checked."""
        doc = Document(Source(str(path), text))
        enabled = linter.enabled_for(str(path))
        linter.failures = []
        per_file: list[dict[str, object]] = []
        enabled_per_file: list[frozenset[str]] = []
        for sibling, on_disk in self.manuscript_siblings(config, path):
            sibling_enabled = linter.enabled_for(sibling.path)
            per_file.append(self.facts_of(linter, sibling, sibling_enabled) if on_disk
                            else linter.gather_one(sibling, sibling_enabled))
            enabled_per_file.append(sibling_enabled)
        per_file.append(linter.gather_one(doc, enabled))
        enabled_per_file.append(enabled)
        manuscript = linter.combine(per_file, enabled_per_file)
        failures: list[str] = []
        diagnostics = linter.check_document(doc, enabled, manuscript, failures)
        for failure in linter.failures + failures:
            self.tell_once(f"internal error: {failure} (please report this)")
        return diagnostics

    def facts_of(self, linter: Linter, doc: Document, enabled: frozenset[str]) -> dict[str, object]:
        """A chapter's manuscript facts, gathered once while the file on disk stays the same."""
        key = (id(linter), doc.path)
        cached = self.sibling_facts.get(key)
        if cached is None or cached[0] is not doc:
            cached = (doc, linter.gather_one(doc, enabled))
            self.sibling_facts[key] = cached
        return cached[1]

    def manuscript_siblings(self, config: Config, path: Path) -> list[tuple[Document, bool]]:
        """The other files of the document's manuscript, each with whether it was read from disk
        (False: from the editor's open buffer)."""
        key = manuscript_key(config, path)
        root = config.root if config.path else path.parent
        candidates = [p for p in discover([root], config.include) if p.resolve() != path.resolve()]
        if len(candidates) > MAX_MANUSCRIPT_FILES:
            return []
        documents: list[tuple[Document, bool]] = []
        total = 0
        for candidate in candidates:
            if self.configs.for_file(candidate) is not config or manuscript_key(config, candidate) != key:
                continue
            if config.excludes(str(candidate)):
                continue
            buffer = self.open_buffer(candidate)
            doc = Document(Source(str(candidate), buffer)) if buffer is not None else self.disk_document(
                candidate, config)
            if doc is None:
                continue
            total += len(doc.text)
            if total > MAX_MANUSCRIPT_BYTES:
                return []
            documents.append((doc, buffer is None))
        return documents

    def disk_document(self, path: Path, config: Config) -> Document | None:
        """A chapter as saved, read again only when its modification time or size changes."""
        try:
            stat = path.stat()
        except OSError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self.on_disk.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            doc = Document(read_source(path, config.encoding))
        except (InputError, LookupError):
            return None
        self.on_disk[path] = (stamp, doc)
        return doc

    def open_buffer(self, path: Path) -> str | None:
        """The editor's text of a file that is open (perhaps unsaved), or None."""
        uri = from_fs_path(str(path))
        try:
            documents = self.workspace.text_documents
        except RuntimeError:  # not initialized yet
            return None
        return documents[uri].source if uri in documents else None

    def tell_once(self, message: str) -> None:
        if message in self.reported_errors:
            return
        self.reported_errors.add(message)
        log.error(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                         message=f"ficlint: {message}"))


server = FicServer()


def document_path(uri: str) -> Path:
    path = to_fs_path(uri)
    return Path(path) if path else Path.cwd() / "untitled.md"


def is_manuscript(uri: str, language_id: str | None = None) -> bool:
    if language_id and language_id.lower() in LANGUAGES:
        return True
    return Path(to_fs_path(uri) or uri).suffix.lower() in SUFFIXES


def to_lsp(lines: Lines, d: Diagnostic) -> types.Diagnostic:
    return types.Diagnostic(
        range=lines.range(d.start, d.end),
        message=d.message,
        severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.rule,
        source="ficlint",
        data={"name": d.name, "category": d.category, "word": lines.text[d.start:d.end]},
    )


def publish(ls: FicServer, uri: str) -> None:
    document = ls.workspace.get_text_document(uri)
    if not is_manuscript(uri, document.language_id):
        return
    found = ls.lint(uri, document.source)
    if found is None:
        return
    lines = Lines(document.source)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
        uri=uri, version=document.version, diagnostics=[to_lsp(lines, d) for d in found]))


def relint_open_documents(ls: FicServer) -> None:
    for uri in list(ls.workspace.text_documents):
        publish(ls, uri)


def is_config_file(uri: str) -> bool:
    return Path(to_fs_path(uri) or uri).name in (*CONFIG_NAMES, WORDS_FILE)


@server.feature(types.INITIALIZED)
def initialized(ls: FicServer, params: types.InitializedParams) -> None:
    watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
        registration = types.Registration(id="ficlint-config-watch",
                                          method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                          register_options=options)
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FicServer, params: types.DidOpenTextDocumentParams) -> None:
    publish(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: FicServer, params: types.DidChangeTextDocumentParams) -> None:
    """Check after a short pause in typing; a newer change supersedes this one."""
    uri, version = params.text_document.uri, params.text_document.version
    await asyncio.sleep(TYPING_PAUSE)
    if ls.workspace.get_text_document(uri).version == version:
        publish(ls, uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FicServer, params: types.DidSaveTextDocumentParams) -> None:
    if is_config_file(params.text_document.uri):
        reload_configuration(ls)
    else:
        publish(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FicServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                        diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: FicServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(is_config_file(change.uri) for change in params.changes):
        reload_configuration(ls)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: FicServer, params: types.DidChangeConfigurationParams) -> None:
    reload_configuration(ls)


def reload_configuration(ls: FicServer) -> None:
    ls.reset()
    relint_open_documents(ls)


# -- code actions ------------------------------------------------------------------

@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll,
                       FIX_ALL_KIND], resolve_provider=False))
def code_action(ls: FicServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    if not is_manuscript(uri, document.language_id):
        return None
    found = ls.lint(uri, document.source) or []
    lines = Lines(document.source)
    start, end = lines.offset(params.range.start), lines.offset(params.range.end)
    only = params.context.only
    actions: list[types.CodeAction] = []
    if not only or types.CodeActionKind.QuickFix in only:
        for d in found:
            if d.start <= end and start <= d.end:
                actions.extend(quick_fixes(ls, uri, lines, d))
    if not only or any(str(kind).startswith("source.fixAll") for kind in only):
        fix_all = fix_all_action(uri, lines, found)
        if fix_all is not None:
            actions.append(fix_all)
    return actions


def quick_fixes(ls: FicServer, uri: str, lines: Lines, d: Diagnostic) -> list[types.CodeAction]:
    lsp_diagnostic = to_lsp(lines, d)
    actions = [types.CodeAction(
        title=f"{fix_title(lines.text, fix)} ({d.rule})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic],
        is_preferred=fix.safe and i == 0,
        edit=types.WorkspaceEdit(changes={uri: [text_edit(lines, fix)]}),
    ) for i, fix in enumerate(d.fixes)]
    word = lines.text[d.start:d.end]
    if d.category in WORD_CATEGORIES and word.strip() and " " not in word.strip():
        actions.append(types.CodeAction(
            title=f'Add "{word.strip()}" to the story\'s word list',
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[lsp_diagnostic],
            command=types.Command(title="Add to word list", command=ADD_WORD_COMMAND,
                                  arguments=[uri, word.strip()]),
        ))
    return actions


def fix_title(text: str, fix: Fix) -> str:
    return describe_fix(text, fix) + ("" if fix.safe else " (unsafe)")


def text_edit(lines: Lines, fix: Fix) -> types.TextEdit:
    return types.TextEdit(range=lines.range(fix.start, fix.end), new_text=fix.replacement)


def fix_all_action(uri: str, lines: Lines, found: list[Diagnostic]) -> types.CodeAction | None:
    """One edit with every safe fix that can be applied together (what one `--fix` pass does)."""
    fixes = choose_fixes(found, unsafe=False)
    if not fixes or apply_fixes(lines.text, fixes) == lines.text:
        return None
    return types.CodeAction(
        title=f"Fix all safe ficlint findings ({len(fixes)})",
        kind=FIX_ALL_KIND,
        edit=types.WorkspaceEdit(changes={uri: [text_edit(lines, f) for f in fixes]}),
    )


@server.command(ADD_WORD_COMMAND)
def add_word(ls: FicServer, *args: Any) -> dict[str, str] | None:
    """Append a word to `.ficlint-words.txt` beside the document's config (or in its folder)."""
    arguments = list(args[0]) if len(args) == 1 and isinstance(args[0], (list, tuple)) else list(args)
    if len(arguments) < 2:
        ls.tell_once(f"{ADD_WORD_COMMAND} needs a document URI and a word")
        return None
    uri, word = str(arguments[0]), str(arguments[1]).strip()
    path = document_path(uri)
    try:
        config = ls.config_for(path)
    except ConfigError as err:
        ls.tell_once(str(err))
        return None
    words_file = (config.path.parent if config.path else path.parent) / WORDS_FILE
    add_to_word_list(words_file, word)
    reload_configuration(ls)
    return {"wordsFile": from_fs_path(str(words_file)) or str(words_file), "word": word}


def add_to_word_list(words_file: Path, word: str) -> None:
    existing = words_file.read_text(encoding="utf-8-sig") if words_file.is_file() else ""
    if word in (line.strip() for line in existing.splitlines()):
        return
    separator = "" if not existing or existing.endswith("\n") else "\n"
    with words_file.open("a", encoding="utf-8", newline="") as handle:
        handle.write(f"{separator}{word}\n")


def main() -> None:
    server.start_io()
