"""`ficlint lsp` driven by a real LSP client (pygls's) over stdio, as an editor would.

The editor here converts positions with its own code (the encodings' codecs), not ficlint's, and
applies fixes the way editors do: as incremental changes sent back to the server.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import re
import sys
import textwrap
from pathlib import Path
from typing import Union

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from ficlint.lsp.actions import ADD_WORD_COMMAND

TIMEOUT = 60  # generous: a slow CI machine loads every check family on the first lint
CODECS = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}


def editor_converter():  # type: ignore[no-untyped-def]
    """lsprotocol's converter, except that a code action with a `command` stays a CodeAction.

    lsprotocol's client side takes any object with a "command" key in a codeAction result for a
    Command; editors tell them apart by whether "command" is a string, as the protocol says.
    """
    from lsprotocol.converters import get_converter

    converter = get_converter()

    def command_or_action(obj: dict, _: type) -> types.Command | types.CodeAction:
        if isinstance(obj.get("command"), str):
            return converter.structure(obj, types.Command)
        return converter.structure(obj, types.CodeAction)

    # typing.Union, the very key lsprotocol registers its hook under
    converter.register_structure_hook(Union[types.Command, types.CodeAction], command_or_action)  # noqa: UP007
    return converter


# -- the editor's own position arithmetic ------------------------------------------------------

def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


def to_offset(text: str, position: types.Position, encoding: str) -> int:
    """A position's code-point offset; fails loudly for a position inside a character."""
    starts = line_starts(text)
    start = starts[position.line]
    line = text[start:starts[position.line + 1] if position.line + 1 < len(starts) else len(text)]
    codec, width = CODECS[encoding]
    return start + len(line.encode(codec)[:position.character * width].decode(codec))


def to_position(text: str, offset: int, encoding: str) -> types.Position:
    starts = line_starts(text)
    line = max(i for i, s in enumerate(starts) if s <= offset)
    codec, width = CODECS[encoding]
    return types.Position(line=line, character=len(text[starts[line]:offset].encode(codec)) // width)


class Editor:
    """A minimal editor: keeps documents, applies edits, collects published diagnostics and messages."""

    def __init__(self) -> None:
        self.client = LanguageClient("test-editor", "1", converter_factory=editor_converter)
        self.published: dict[str, asyncio.Queue[types.PublishDiagnosticsParams]] = {}
        self.messages: list[str] = []
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.encoding = "utf-16"

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(_client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            self.queue(params.uri).put_nowait(params)

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def on_register(_client: LanguageClient, params: types.RegistrationParams) -> None:
            return None

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(_client: LanguageClient, params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

    def queue(self, uri: str) -> asyncio.Queue[types.PublishDiagnosticsParams]:
        return self.published.setdefault(uri, asyncio.Queue())

    async def start(self, root: Path | None, encodings: list[str] | None = None,
                    resolve: bool = False) -> None:
        """Start the server; `resolve`: the editor asks for a code action's edit when it is picked."""
        await self.client.start_io(sys.executable, "-m", "ficlint", "lsp", cwd=str(root or Path.cwd()))
        resolving = types.ClientCodeActionResolveOptions(properties=["edit"]) if resolve else None
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(did_change_watched_files=(
                types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True))),
            text_document=types.TextDocumentClientCapabilities(
                code_action=types.CodeActionClientCapabilities(resolve_support=resolving)),
            general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None)
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=from_fs_path(str(root)) if root else None)), TIMEOUT)
        assert result.server_info is not None and result.server_info.name == "ficlint"
        self.encoding = str(result.capabilities.position_encoding or "utf-16")
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)

    async def publication(self, uri: str, timeout: float = TIMEOUT) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(self.queue(uri).get(), timeout)

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        """The next diagnostics published for a document, which must be for its current version."""
        published = await self.publication(uri)
        assert published.version == self.versions[uri]
        return list(published.diagnostics)

    def open(self, path_or_uri: Path | str, text: str, language: str = "markdown") -> str:
        uri = from_fs_path(str(path_or_uri)) if isinstance(path_or_uri, Path) else path_or_uri
        assert uri is not None
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, replacements: list[tuple[int, int, str]]) -> None:
        """Send one didChange of incremental changes, each (start, end, text) in code points of the
        text as the changes before it left it, its range in the negotiated encoding."""
        changes: list[types.TextDocumentContentChangeEvent] = []
        text = self.texts[uri]
        for start, end, new_text in replacements:
            rng = types.Range(start=to_position(text, start, self.encoding),
                              end=to_position(text, end, self.encoding))
            changes.append(types.TextDocumentContentChangePartial(range=rng, text=new_text))
            text = text[:start] + new_text + text[end:]
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=changes))

    def replace_all(self, uri: str, text: str) -> None:
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    def apply(self, uri: str, edits: list[types.TextEdit]) -> None:
        """Apply a workspace edit's text edits as editors do: last first, sent as incremental changes."""
        text = self.texts[uri]
        spans = [(to_offset(text, e.range.start, self.encoding), to_offset(text, e.range.end, self.encoding),
                  e.new_text) for e in edits]
        self.change(uri, sorted(spans, reverse=True))

    def text_of(self, uri: str, rng: types.Range) -> str:
        text = self.texts[uri]
        return text[to_offset(text, rng.start, self.encoding):to_offset(text, rng.end, self.encoding)]

    async def code_actions(self, uri: str, rng: types.Range, diagnostics: list[types.Diagnostic],
                           only: list[str] | None = None) -> list[types.CodeAction]:
        result = await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
            context=types.CodeActionContext(diagnostics=diagnostics, only=only))), TIMEOUT)
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    async def quick_fix(self, uri: str, diagnostic: types.Diagnostic) -> None:
        """Apply the preferred quick fix of a diagnostic."""
        actions = await self.code_actions(uri, diagnostic.range, [diagnostic])
        fix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.is_preferred)
        assert fix.edit is not None and fix.edit.changes is not None
        self.apply(uri, list(fix.edit.changes[uri]))

    def watched_file_changed(self, path: Path) -> None:
        uri = from_fs_path(str(path))
        assert uri is not None
        self.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri, type=types.FileChangeType.Changed)]))


def run(coroutine_function, *args):  # type: ignore[no-untyped-def]
    asyncio.run(coroutine_function(*args))


async def with_editor(root: Path | None, scenario, encodings: list[str] | None = None,  # type: ignore[no-untyped-def]
                      resolve: bool = False):
    editor = Editor()
    await editor.start(root, encodings, resolve)
    try:
        await scenario(editor)
    finally:
        await editor.stop()


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / ".ficlint.yaml").write_text("select: [M001, M006]\n", encoding="utf-8")
    return tmp_path


# -- positions in every encoding ---------------------------------------------------------------

SLIP_LINE = 'He’s there—waiting 😀. "stop it..stop crying"'


@pytest.mark.parametrize(("offered", "encoding", "column"), [
    (["utf-16", "utf-8"], "utf-8", 37),  # preferred although the client lists it second
    (["utf-16", "utf-32"], "utf-32", 30),
    (None, "utf-16", 31),  # a client that says nothing gets the protocol's default
])
def test_positions_fixes_and_changes_in_the_negotiated_encoding(tmp_path: Path, offered: list[str] | None,
                                                                encoding: str, column: int) -> None:
    (tmp_path / ".ficlint.yaml").write_text("select: [M001]\n", encoding="utf-8")

    async def scenario(editor: Editor) -> None:
        assert editor.encoding == encoding
        # a form feed (a page break in old plain-text books) ends no line for an editor, nor here
        uri = editor.open(tmp_path / "chapter-01.md", f"# He’s back\r\n\f\r\n{SLIP_LINE}\r\n")
        (found,) = await editor.diagnostics(uri)
        assert found.code == "M001"
        assert (found.range.start.line, found.range.start.character) == (2, column)
        assert editor.text_of(uri, found.range) == ".."

        await editor.quick_fix(uri, found)
        assert editor.texts[uri] == '# He’s back\r\n\f\r\nHe’s there—waiting 😀. "stop it...stop crying"\r\n'
        assert await editor.diagnostics(uri) == []

        # one didChange, two changes: the second's range is in the text the first left
        text = editor.texts[uri]
        crying = text.index("crying") + len("crying")
        line = text.index("He’s there")
        editor.change(uri, [(crying, crying, "—please..please"), (line, line, "’Twas late. ")])
        (found,) = await editor.diagnostics(uri)
        assert editor.text_of(uri, found.range) == ".."
        await editor.quick_fix(uri, found)
        assert editor.texts[uri] == ('# He’s back\r\n\f\r\n’Twas late. He’s there—waiting 😀. '
                                     '"stop it...stop crying—please...please"\r\n')
        assert await editor.diagnostics(uri) == []

    run(with_editor, tmp_path, scenario, offered)


# -- fixes and code actions --------------------------------------------------------------------

def test_fix_all_action_and_unsafe_fix_not_preferred(story: Path) -> None:
    async def scenario(editor: Editor) -> None:
        text = "One..two..three.\n\nShe walked out the door\n"
        uri = editor.open(story / "notes.txt", text, language="plaintext")
        found = await editor.diagnostics(uri)
        assert sorted(str(d.code) for d in found) == ["M001", "M001", "M006"]
        m006 = next(d for d in found if d.code == "M006")
        actions = await editor.code_actions(uri, m006.range, [m006])
        unsafe = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix)
        assert not unsafe.is_preferred and "unsafe" in unsafe.title
        (fix_all,) = await editor.code_actions(uri, m006.range, [], only=["source"])
        assert fix_all.kind == "source.fixAll.ficlint" and fix_all.edit is None  # sent when picked
        fix_all = await asyncio.wait_for(editor.client.code_action_resolve_async(fix_all), TIMEOUT)
        assert fix_all.edit is not None and fix_all.edit.changes is not None
        editor.apply(uri, list(fix_all.edit.changes[uri]))
        assert editor.texts[uri] == "One...two...three.\n\nShe walked out the door\n"  # safe fixes only
        assert [d.code for d in await editor.diagnostics(uri)] == ["M006"]

    run(with_editor, story, scenario, None, True)


def test_only_the_newest_version_is_published_and_code_actions_never_wait_for_a_check(story: Path) -> None:
    async def scenario(editor: Editor) -> None:
        uri = editor.open(story / "chapter-01.md", "Wait..what.\n")  # checked at once: the check starts
        for i in range(2, 7):  # typing, while version 1 is checked
            editor.replace_all(uri, "Wait.\n" * i + "Then..what.\n")
        # nothing is checked of version 6 yet: no code actions, rather than a check on the event loop
        line = types.Range(start=types.Position(line=6, character=0), end=types.Position(line=6, character=9))
        assert await editor.code_actions(uri, line, []) == []
        published = await editor.publication(uri)
        assert published.version == 6  # version 1's findings were dropped, versions 2 to 5 never checked
        found = [(d.range.start.line, editor.text_of(uri, d.range)) for d in published.diagnostics]
        assert found == [(6, "..")]
        actions = await editor.code_actions(uri, line, list(published.diagnostics))
        assert [a.kind for a in actions] == ["quickfix", "source.fixAll.ficlint"]
        assert all(a.edit is not None for a in actions)  # this editor cannot resolve edits later

    run(with_editor, story, scenario)


# -- configuration -----------------------------------------------------------------------------

def test_config_change_is_picked_up_and_word_list_command(story: Path) -> None:
    async def scenario(editor: Editor) -> None:
        uri = editor.open(story / "chapter-02.md", "Then Hermione left..\n\nShe walked out the door\n")
        assert sorted(str(d.code) for d in await editor.diagnostics(uri)) == ["M001", "M006"]

        (story / ".ficlint.yaml").write_text("select: [M001]\n", encoding="utf-8")
        editor.watched_file_changed(story / ".ficlint.yaml")
        assert [d.code for d in await editor.diagnostics(uri)] == ["M001"]

        result = await asyncio.wait_for(editor.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=ADD_WORD_COMMAND, arguments=[uri, "Hermione"])), TIMEOUT)
        assert result is not None
        assert (story / ".ficlint-words.txt").read_text(encoding="utf-8") == "Hermione\n"
        assert [d.code for d in await editor.diagnostics(uri)] == ["M001"]  # checked again after reload

    run(with_editor, story, scenario)


def test_a_broken_config_is_said_once_marks_each_document_and_mends(story: Path) -> None:
    async def scenario(editor: Editor) -> None:
        first = editor.open(story / "chapter-01.md", "Wait..what.\n")
        assert [d.code for d in await editor.diagnostics(first)] == ["M001"]

        (story / ".ficlint.yaml").write_text("select: [M001\n", encoding="utf-8")
        editor.watched_file_changed(story / ".ficlint.yaml")
        (problem,) = await editor.diagnostics(first)  # the stale finding is gone
        assert problem.severity == types.DiagnosticSeverity.Error
        assert (problem.range.start.line, problem.range.start.character) == (0, 0)
        assert ".ficlint.yaml" in problem.message and "could not check" in problem.message
        second = editor.open(story / "chapter-02.md", "Fine..\n")
        assert [d.message for d in await editor.diagnostics(second)] == [problem.message]
        assert len([m for m in editor.messages if ".ficlint.yaml" in m]) == 1

        (story / ".ficlint.yaml").write_text("select: [M001]\n", encoding="utf-8")
        editor.watched_file_changed(story / ".ficlint.yaml")
        mended = {uri: [d.code for d in await editor.diagnostics(uri)] for uri in (first, second)}
        assert mended == {first: ["M001"], second: ["M001"]}

    run(with_editor, story, scenario)


# -- which files are read ----------------------------------------------------------------------

def test_a_file_is_checked_with_its_manuscript_an_untitled_document_alone(tmp_path: Path) -> None:
    """A name used in another chapter is learned for a file of the manuscript; an untitled buffer
    with the same text is checked alone (with the workspace's config), not as a file of the folder
    the server was started in."""
    (tmp_path / ".ficlint.yaml").write_text("select: [S]\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text("They asked Kalen to stay. Then they saw Kalen.\n", encoding="utf-8")
    text = "Kalen smiled at them..\n"  # no M001 here: the config selects only spelling

    async def scenario(editor: Editor) -> None:
        chapter = editor.open(tmp_path / "two.txt", text, language="plaintext")
        assert await editor.diagnostics(chapter) == []
        untitled = editor.open("untitled:Untitled-1", text, language="plaintext")
        found = await editor.diagnostics(untitled)
        assert [(str(d.code)[0], editor.text_of(untitled, d.range)) for d in found] == [("S", "Kalen")]
        editor.open(tmp_path / "script.py", "x = 'stop it..stop'\n", language="python")
        editor.open("untitled:Untitled-2", "Also..this\n", language="plaintext")
        await editor.publication("untitled:Untitled-2")
        assert from_fs_path(str(tmp_path / "script.py")) not in editor.published

    run(with_editor, tmp_path, scenario)


def _spelling_example() -> tuple[str, str] | None:
    """A spelling rule of the registry and the first text it must flag (run by test_rule_examples)."""
    from ficlint.config import Config
    from ficlint.registry import Registry

    for rule in Registry.for_config(Config()).rules.values():
        plain = rule.enabled_by_default and not rule.options.get("examples_config")
        if rule.category == "spelling" and plain:
            return rule.id, rule.flags[0]
    return None


def test_spelling_finding_offers_to_add_the_word(tmp_path: Path) -> None:
    example = _spelling_example()
    if example is None:
        pytest.skip("no spelling rule is registered")
    rule_id, text = example
    (tmp_path / ".ficlint.yaml").write_text(f"select: [{rule_id}]\n", encoding="utf-8")

    async def scenario(editor: Editor) -> None:
        uri = editor.open(tmp_path / "chapter.md", text + "\n")
        found = [d for d in await editor.diagnostics(uri) if d.code == rule_id]
        assert found, f"{rule_id} should flag its own example {text!r}"
        actions = await editor.code_actions(uri, found[0].range, found)
        add = next(a for a in actions if a.command and a.command.command == ADD_WORD_COMMAND)
        word = add.command.arguments[1]
        await asyncio.wait_for(editor.client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=ADD_WORD_COMMAND, arguments=add.command.arguments)), TIMEOUT)
        assert word in (tmp_path / ".ficlint-words.txt").read_text(encoding="utf-8").split()
        again = await editor.diagnostics(uri)  # re-checked with the new word list
        assert not [d for d in again if d.code == rule_id and d.range == found[0].range]

    run(with_editor, tmp_path, scenario)


# -- user patterns that backtrack --------------------------------------------------------------

def write_pack(folder: Path, patterns: list[tuple[str, str]]) -> None:
    """A user pack with one rule for each (pattern, text it flags)."""
    rules = "".join(textwrap.dedent(f"""\
          - id: P9{i:02d}
            name: slow-{i}
            category: style
            summary: A pattern that backtracks.
            why: To test that it cannot stall the server.
            kind: existence
            patterns: ['{pattern}']
            flags: ['{flagged}']
            allows: ['c']
        """) for i, (pattern, flagged) in enumerate(patterns, 1))
    (folder / "slow.yaml").write_text("rules:\n" + textwrap.indent(rules, "  "), encoding="utf-8")
    (folder / ".ficlint.yaml").write_text("select: [M001, P9]\npacks: [slow.yaml]\n", encoding="utf-8")


LONG_LINE = "Wait..what.\n\n" + "a" * 40 + "!\n"  # each pattern tries every way to split the a's


def test_the_server_answers_while_a_pattern_backtracks(tmp_path: Path) -> None:
    """Checks run off the event loop: a check that does not end (with Python's `re`, this pattern on
    this line runs for hours) leaves the server answering, and shutting down (with a linear-time
    engine the check ends, and the answers are the same)."""
    write_pack(tmp_path, [("(a|aa)+$", "aa")])

    async def scenario(editor: Editor) -> None:
        uri = editor.open(tmp_path / "chapter.md", LONG_LINE)
        await asyncio.sleep(0.5)  # the check has started
        a_line = types.Range(start=types.Position(line=2, character=0),
                             end=types.Position(line=2, character=41))
        quick_fixes = editor.code_actions(uri, a_line, [], only=["quickfix"])  # none on that line
        assert await asyncio.wait_for(quick_fixes, 10) == []
        editor.replace_all(uri, LONG_LINE + "More..\n")
        assert await asyncio.wait_for(editor.code_actions(uri, a_line, [], only=["quickfix"]), 10) == []

    run(with_editor, tmp_path, scenario)


def test_catastrophic_patterns_in_a_user_pack_do_not_hang_the_server(tmp_path: Path) -> None:
    """A writer's patterns run in linear time (ficlint/safe_regex.py): the document is checked."""
    write_pack(tmp_path, [("(a|aa)+$", "aa"), ("(a|a)+b$", "aab"), ("(a+)+$", "aa")])

    async def scenario(editor: Editor) -> None:
        uri = editor.open(tmp_path / "chapter.md", LONG_LINE)
        published = await editor.publication(uri, timeout=20)
        assert "M001" in [d.code for d in published.diagnostics]

    run(with_editor, tmp_path, scenario)


def test_a_check_that_takes_too_long_is_stopped_and_the_next_runs_in_a_new_worker() -> None:
    from ficlint.lsp.linting import LintRequest
    from ficlint.lsp.worker import LintWorker, WorkerStopped

    async def scenario() -> None:
        worker = LintWorker(timeout=0.001)  # no check is this fast: the first is stopped
        request = LintRequest("untitled:Untitled-1", 1, "Wait..what.\n", path=None, root=None)
        try:
            with pytest.raises(WorkerStopped, match="took longer than"):
                await worker.lint(request)
            assert not [p for p in multiprocessing.active_children() if p.name == "ficlint-lint-worker"]
            worker.timeout = TIMEOUT
            outcome = await worker.lint(request)
            assert outcome.problem is None and "M001" in [d.rule for d in outcome.diagnostics]
        finally:
            worker.stop()

    run(scenario)
