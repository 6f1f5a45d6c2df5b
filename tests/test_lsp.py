"""`ficlint lsp` driven by a real LSP client (pygls's) over stdio, as an editor would."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Union

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from ficlint.lsp import ADD_WORD_COMMAND, Lines

TIMEOUT = 60  # generous: a slow CI machine loads every check family on the first lint


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


class Editor:
    """A minimal editor: keeps documents, applies edits, collects published diagnostics."""

    def __init__(self) -> None:
        self.client = LanguageClient("test-editor", "1", converter_factory=editor_converter)
        self.published: dict[str, asyncio.Queue[list[types.Diagnostic]]] = {}
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(_client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            self.queue(params.uri).put_nowait(list(params.diagnostics))

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def on_register(_client: LanguageClient, params: types.RegistrationParams) -> None:
            return None

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(_client: LanguageClient, params: types.ShowMessageParams) -> None:
            print("server says:", params.message)

    def queue(self, uri: str) -> asyncio.Queue[list[types.Diagnostic]]:
        return self.published.setdefault(uri, asyncio.Queue())

    async def start(self, root: Path) -> None:
        await self.client.start_io(sys.executable, "-m", "ficlint", "lsp", cwd=str(root))
        capabilities = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=from_fs_path(str(root)))), TIMEOUT)
        assert result.server_info is not None and result.server_info.name == "ficlint"
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await self.client.stop()

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        return await asyncio.wait_for(self.queue(uri).get(), TIMEOUT)

    def open(self, path: Path, text: str, language: str = "markdown") -> str:
        uri = from_fs_path(str(path))
        assert uri is not None
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def apply(self, uri: str, edits: list[types.TextEdit]) -> None:
        """Apply edits the way an editor does, then tell the server about the new text."""
        text = self.texts[uri]
        lines = Lines(text)
        spans = sorted(((lines.offset(e.range.start), lines.offset(e.range.end), e.new_text) for e in edits),
                       reverse=True)
        for start, end, new_text in spans:
            text = text[:start] + new_text + text[end:]
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    async def code_actions(self, uri: str, rng: types.Range,
                           diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
        result = await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
            context=types.CodeActionContext(diagnostics=diagnostics))), TIMEOUT)
        return [a for a in result or [] if isinstance(a, types.CodeAction)]


def run(coroutine_function, *args):  # type: ignore[no-untyped-def]
    asyncio.run(coroutine_function(*args))


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / ".ficlint.yaml").write_text("select: [M001, M006]\n", encoding="utf-8")
    return tmp_path


def test_diagnostics_with_utf16_positions_and_a_fix_applied(story: Path) -> None:
    async def scenario() -> None:
        editor = Editor()
        await editor.start(story)
        try:
            # the emoji takes two UTF-16 code units, as LSP counts columns
            uri = editor.open(story / "chapter-01.md", "Harry 😀 said stop it..stop crying.\n")
            found = await editor.diagnostics(uri)
            assert [d.code for d in found] == ["M001"]
            (diagnostic,) = found
            assert diagnostic.source == "ficlint"
            assert (diagnostic.range.start.line, diagnostic.range.start.character) == (0, 21)
            assert (diagnostic.range.end.line, diagnostic.range.end.character) == (0, 23)

            actions = await editor.code_actions(uri, diagnostic.range, found)
            fix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.edit)
            assert fix.is_preferred
            assert fix.edit is not None and fix.edit.changes is not None
            editor.apply(uri, list(fix.edit.changes[uri]))
            assert editor.texts[uri] == "Harry 😀 said stop it...stop crying.\n"
            assert await editor.diagnostics(uri) == []
        finally:
            await editor.stop()

    run(scenario)


def test_fix_all_action_and_unsafe_fix_not_preferred(story: Path) -> None:
    async def scenario() -> None:
        editor = Editor()
        await editor.start(story)
        try:
            text = "One..two..three.\n\nShe walked out the door\n"
            uri = editor.open(story / "notes.txt", text, language="plaintext")
            found = await editor.diagnostics(uri)
            assert sorted(str(d.code) for d in found) == ["M001", "M001", "M006"]
            m006 = next(d for d in found if d.code == "M006")
            actions = await editor.code_actions(uri, m006.range, [m006])
            unsafe = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix)
            assert not unsafe.is_preferred and "unsafe" in unsafe.title
            fix_all = next(a for a in actions if str(a.kind).startswith("source.fixAll"))
            assert fix_all.edit is not None and fix_all.edit.changes is not None
            editor.apply(uri, list(fix_all.edit.changes[uri]))
            assert editor.texts[uri] == "One...two...three.\n\nShe walked out the door\n"  # safe fixes only
            assert [d.code for d in await editor.diagnostics(uri)] == ["M006"]
        finally:
            await editor.stop()

    run(scenario)


def test_config_change_is_picked_up_and_word_list_command(story: Path) -> None:
    async def scenario() -> None:
        editor = Editor()
        await editor.start(story)
        try:
            uri = editor.open(story / "chapter-02.md", "Then Hermione left..\n\nShe walked out the door\n")
            assert sorted(str(d.code) for d in await editor.diagnostics(uri)) == ["M001", "M006"]

            (story / ".ficlint.yaml").write_text("select: [M001]\n", encoding="utf-8")
            config_uri = from_fs_path(str(story / ".ficlint.yaml"))
            assert config_uri is not None
            editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=config_uri, type=types.FileChangeType.Changed)]))
            assert [d.code for d in await editor.diagnostics(uri)] == ["M001"]

            result = await asyncio.wait_for(editor.client.workspace_execute_command_async(
                types.ExecuteCommandParams(command=ADD_WORD_COMMAND, arguments=[uri, "Hermione"])), TIMEOUT)
            assert result is not None
            words = (story / ".ficlint-words.txt").read_text(encoding="utf-8")
            assert words == "Hermione\n"
            assert [d.code for d in await editor.diagnostics(uri)] == ["M001"]  # checked again after reload
        finally:
            await editor.stop()

    run(scenario)


def test_other_documents_are_left_alone(story: Path) -> None:
    async def scenario() -> None:
        editor = Editor()
        await editor.start(story)
        try:
            editor.open(story / "script.py", "x = 'stop it..stop'\n", language="python")
            uri = editor.open(story / "chapter-03.md", "Fine..\n")
            assert [d.code for d in await editor.diagnostics(uri)] == ["M001"]
            assert from_fs_path(str(story / "script.py")) not in editor.published
        finally:
            await editor.stop()

    run(scenario)


def test_a_document_is_checked_with_its_manuscript(tmp_path: Path) -> None:
    """Like `ficlint check`, the server gathers manuscript facts from the chapters that share the config."""
    from ficlint.lsp import FicServer

    (tmp_path / ".ficlint.yaml").write_text("select: [M001]\n", encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01.md").write_text("Chapter one.\n", encoding="utf-8")
    (tmp_path / "chapters" / "02.md").write_text("Chapter two.\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / ".ficlint.yaml").write_text("select: [M001]\n", encoding="utf-8")
    (tmp_path / "notes" / "todo.md").write_text("A separate manuscript.\n", encoding="utf-8")

    server = FicServer()
    current = tmp_path / "chapters" / "02.md"
    config = server.config_for(current)
    siblings = server.manuscript_siblings(config, current)
    assert [(Path(d.path).name, on_disk) for d, on_disk in siblings] == [("01.md", True)]
    found = server.lint_in_manuscript(server.linter_for(config), config, current, "Wait..what.\n")
    assert [d.rule for d in found] == ["M001"]


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

    async def scenario() -> None:
        editor = Editor()
        await editor.start(tmp_path)
        try:
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
        finally:
            await editor.stop()

    run(scenario)
