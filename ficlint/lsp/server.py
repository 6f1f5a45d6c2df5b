"""The server: the editor's documents, when they are checked, and what the editor is sent.

The event loop never runs a check. Checks run in a worker process
(ficlint/lsp/worker.py), one at a time: a document is checked a short pause
after the writer stops typing, and only its newest version; a version that
changed while it was being checked is superseded (its findings are dropped,
and the newest version is checked next). Each document's last checked version
is kept with its findings, and code actions are answered from them at once; a
version not checked yet gets no code actions rather than a check.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import from_fs_path, to_fs_path

from ficlint import __version__
from ficlint.config import CONFIG_NAMES, WORDS_FILE, find_config
from ficlint.document.lines import UTF16
from ficlint.lsp.actions import (
    ADD_WORD_COMMAND,
    FIX_ALL_KIND,
    Linted,
    code_actions,
    problem_diagnostic,
    resolve,
)
from ficlint.lsp.linting import LintOutcome, LintRequest
from ficlint.lsp.positions import Lines, preferred_first
from ficlint.lsp.worker import LintWorker, WorkerStopped

log = logging.getLogger(__name__)

LANGUAGES = {"markdown", "plaintext", "text", "txt"}
SUFFIXES = {".md", ".markdown", ".txt", ".text"}
CONFIG_FILES = (*CONFIG_NAMES, WORDS_FILE)
WATCHED = [
    types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES
] + [  # chapters created or deleted change the manuscript
    types.FileSystemWatcher(glob_pattern="**/*.{md,markdown,txt,text}",
                            kind=types.WatchKind.Create | types.WatchKind.Delete),
]
TYPING_PAUSE = 0.15  # seconds without a change before a document is checked


class OpenDocument:
    """A document the editor has open: its current version's text and lines."""

    def __init__(self, uri: str, language_id: str, version: int, lines: Lines) -> None:
        self.uri = uri
        self.language_id = language_id
        self.version = version
        self.lines = lines
        self.changed_at = time.monotonic()  # when this version arrived (for the log)
        fs_path = to_fs_path(uri)  # None for untitled: and any other scheme
        self.path = Path(fs_path) if fs_path else None
        self.is_manuscript = is_manuscript(uri, language_id)

    @property
    def text(self) -> str:
        return self.lines.text

    def change(self, version: int, changes: Sequence[types.TextDocumentContentChangeEvent]) -> None:
        """Apply a `didChange`'s changes in order, each in the agreed position encoding."""
        for change in changes:
            self.lines = self.lines.changed(change)
        self.version = version
        self.changed_at = time.monotonic()


class FicProtocol(LanguageServerProtocol):
    """pygls's protocol, with the position encoding chosen by ficlint's preference
    and incremental changes applied by ficlint's line index."""

    _server: FicServer

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Generator[Any, Any, types.InitializeResult]:
        general = params.capabilities.general
        if general is not None and general.position_encodings:
            general.position_encodings = preferred_first(general.position_encodings)
        return (yield from super().lsp_initialize(params))

    def notify_json(self, method: str, params: dict[str, Any]) -> None:
        """Send a notification whose params are JSON values already: lsprotocol's converter would
        take twice as long as `json` over a novel's thousands of diagnostics, on the event loop."""
        self._send_data({"jsonrpc": self.VERSION, "method": method, "params": params})

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
            self, params: types.DidChangeTextDocumentParams) -> Generator[Any, Any, None]:
        # pygls would apply the changes with str.splitlines (which also ends lines at \f, \x85 and
        # \u2028, where the editor does not) and clamp positions on the last line short of its end
        document = self._server.documents.get(params.text_document.uri)
        if document is not None:
            document.change(params.text_document.version, params.content_changes)
            whole = types.TextDocumentContentChangeWholeDocument(text=document.text)
            with contextlib.suppress(KeyError):  # pygls's copy, kept the same for anything that reads it
                self.workspace.update_text_document(params.text_document, whole)
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None


class FicServer(LanguageServer):
    protocol: FicProtocol

    def __init__(self) -> None:
        super().__init__("ficlint", __version__, protocol_cls=FicProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents: dict[str, OpenDocument] = {}
        self.linted: dict[str, Linted] = {}  # each open document's last checked version
        self.worker = LintWorker()
        self.settings = 0  # bumped when a config or word list changes
        self.files = 0  # bumped when chapter files may have been created or deleted
        self.told: set[str] = set()
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._waiting: dict[str, None] = {}  # documents to check, oldest request first
        self._checking: asyncio.Task[None] | None = None

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or UTF16)

    def current(self, uri: str) -> Linted | None:
        """The findings of a document's current version, if it has been checked."""
        document, linted = self.documents.get(uri), self.linted.get(uri)
        if document is None or linted is None or linted.version != document.version:
            return None
        return linted

    def resolves_edits(self) -> bool:
        """Whether the editor asks for a code action's edit when the writer picks the action."""
        text_document = self.client_capabilities.text_document
        code_action = text_document.code_action if text_document else None
        support = code_action.resolve_support if code_action else None
        return bool(support and "edit" in support.properties)

    def root(self) -> str | None:
        """The workspace folder: it configures documents that are not files."""
        if self.workspace.root_path:
            return str(self.workspace.root_path)
        for folder in self.workspace.folders.values():
            if path := to_fs_path(folder.uri):
                return path
        return None

    # -- when documents are checked ----------------------------------------------------

    def check_soon(self, uri: str, delay: float = 0.0) -> None:
        """Check a document after `delay` seconds, unless it changes again before."""
        if timer := self._timers.pop(uri, None):
            timer.cancel()
        if delay > 0:
            self._timers[uri] = asyncio.get_running_loop().call_later(delay, self.check_soon, uri)
            return
        self._waiting[uri] = None
        if self._checking is None or self._checking.done():
            self._checking = asyncio.get_running_loop().create_task(self._check_waiting())

    def check_all(self) -> None:
        for uri, document in self.documents.items():
            if document.is_manuscript:
                self.check_soon(uri)

    def forget(self, uri: str) -> None:
        if timer := self._timers.pop(uri, None):
            timer.cancel()
        self._waiting.pop(uri, None)
        self.documents.pop(uri, None)
        self.linted.pop(uri, None)

    async def _check_waiting(self) -> None:
        while self._waiting:
            uri = next(iter(self._waiting))
            del self._waiting[uri]
            document = self.documents.get(uri)
            if document is None or not document.is_manuscript:
                continue
            version, settings = document.version, self.settings
            try:
                outcome = await self.lint_document(uri, document.text, version)
            except Exception:  # never leave the other documents unchecked
                log.exception("checking %s failed", uri)
                continue
            # still the same document (not closed and opened again), version and configuration?
            current = self.documents.get(uri) is document and document.version == version
            if current and self.settings == settings:
                self.publish(document, outcome)
            else:
                log.info("dropped the findings for %s version %d: superseded", uri, version)

    async def lint_document(self, uri: str, text: str, version: int) -> LintOutcome:
        """ficlint's findings for one version of a document (the one call into the engine, in the worker)."""
        document = self.documents.get(uri)
        path = document.path if document is not None else None
        buffers = {str(d.path): d.text for d in self.documents.values()
                   if d.uri != uri and d.path is not None and d.is_manuscript}
        request = LintRequest(uri, version, text, str(path) if path else None, self.root(), buffers,
                              self.settings, self.files)
        try:
            return await self.worker.lint(request)
        except WorkerStopped as err:
            return LintOutcome(uri, version, problem=str(err))

    def publish(self, document: OpenDocument, outcome: LintOutcome) -> None:
        """Keep a check's findings for code actions, and send them."""
        for failure in outcome.failures:
            self.tell_once(f"internal error: {failure} (please report this)")
        linted = Linted(outcome.uri, outcome.version, document.lines, outcome.diagnostics, outcome.fix_all)
        self.linted[outcome.uri] = linted
        if outcome.problem is not None:
            self.tell_once(outcome.problem)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=outcome.uri, version=outcome.version, diagnostics=[problem_diagnostic(outcome.problem)]))
        else:
            self.protocol.notify_json(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, {
                "uri": outcome.uri, "version": outcome.version, "diagnostics": linted.published()})
        log.info("checked %s version %d in %.3f s, published %.3f s after the change", outcome.uri,
                 outcome.version, outcome.seconds, time.monotonic() - document.changed_at)

    def reload_configuration(self) -> None:
        """A config or word list changed: forget everything derived from them, check every document again."""
        self.settings += 1
        self.told.clear()
        self.check_all()

    def tell_once(self, message: str) -> None:
        if message in self.told:
            return
        self.told.add(message)
        log.error(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                         message=f"ficlint: {message}"))


server = FicServer()


def is_manuscript(uri: str, language_id: str | None = None) -> bool:
    if language_id and language_id.lower() in LANGUAGES:
        return True
    return Path(to_fs_path(uri) or uri).suffix.lower() in SUFFIXES


def is_config_file(uri: str) -> bool:
    return Path(to_fs_path(uri) or uri).name in CONFIG_FILES


@server.feature(types.INITIALIZED)
def initialized(ls: FicServer, params: types.InitializedParams) -> None:
    ls.worker.start()  # its start-up overlaps the editor's opening of documents
    watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
    if watch and watch.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=WATCHED)
        registration = types.Registration(id="ficlint-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                          register_options=options)
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


@server.feature(types.SHUTDOWN)
def shutdown(ls: FicServer, params: None) -> None:
    ls.worker.stop()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: FicServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    document = OpenDocument(item.uri, item.language_id, item.version, Lines(item.text, ls.encoding))
    ls.documents[item.uri] = document
    if document.is_manuscript:
        ls.check_soon(item.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: FicServer, params: types.DidChangeTextDocumentParams) -> None:
    """The text is already changed (FicProtocol); check after a pause in typing."""
    document = ls.documents.get(params.text_document.uri)
    if document is not None and document.is_manuscript:
        ls.check_soon(document.uri, TYPING_PAUSE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: FicServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if is_config_file(uri):
        ls.reload_configuration()
        return
    ls.files += 1  # perhaps a new chapter
    document = ls.documents.get(uri)
    if document is not None and document.is_manuscript:
        ls.check_soon(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: FicServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                        diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: FicServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(is_config_file(change.uri) for change in params.changes):
        ls.reload_configuration()
    elif any(change.type != types.FileChangeType.Changed for change in params.changes):
        ls.files += 1


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: FicServer, params: types.DidChangeConfigurationParams) -> None:
    ls.reload_configuration()


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL_KIND],
    resolve_provider=True))
def code_action(ls: FicServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    """Answered from the findings of the version the editor has, never by checking on the event loop."""
    linted = ls.current(params.text_document.uri)
    if linted is None:
        return []
    return code_actions(linted, params.range, params.context.only, ls.resolves_edits())


@server.feature(types.CODE_ACTION_RESOLVE)
def code_action_resolve(ls: FicServer, action: types.CodeAction) -> types.CodeAction:
    data = action.data if isinstance(action.data, dict) else {}
    return resolve(action, ls.current(str(data.get("uri", ""))))


@server.command(ADD_WORD_COMMAND)
def add_word(ls: FicServer, *args: Any) -> dict[str, str] | None:
    """Append a word to `.ficlint-words.txt` beside the document's config (or in its folder)."""
    arguments = list(args[0]) if len(args) == 1 and isinstance(args[0], (list, tuple)) else list(args)
    if len(arguments) < 2:
        ls.tell_once(f"{ADD_WORD_COMMAND} needs a document URI and a word")
        return None
    uri, word = str(arguments[0]), str(arguments[1]).strip()
    fs_path, root = to_fs_path(uri), ls.root()
    folder = Path(fs_path).parent if fs_path else Path(root) if root else None
    if folder is None:
        ls.tell_once("open a folder (or save the document) to keep a word list")
        return None
    config_path = find_config(folder)
    words_file = (config_path.parent if config_path else folder) / WORDS_FILE
    add_to_word_list(words_file, word)
    ls.reload_configuration()
    return {"wordsFile": from_fs_path(str(words_file)) or str(words_file), "word": word}


def add_to_word_list(words_file: Path, word: str) -> None:
    existing = words_file.read_text(encoding="utf-8-sig") if words_file.is_file() else ""
    if word in (line.strip() for line in existing.splitlines()):
        return
    separator = "" if not existing or existing.endswith("\n") else "\n"
    with words_file.open("a", encoding="utf-8", newline="") as handle:
        handle.write(f"{separator}{word}\n")


def main(worker: LintWorker | None = None, stdin: BinaryIO | None = None,
         stdout: BinaryIO | None = None) -> None:
    if worker is not None:
        server.worker = worker
    server.start_io(stdin, stdout)
