"""The optional LanguageTool backend, against a stand-in server on 127.0.0.1
(tests/ltserver.py): what is sent, how offsets map back, deduplication, and
clean failure. No test needs Java or the internet."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from ltserver import StandInLanguageTool

import ficlint.backends.languagetool as lt
from ficlint.config import LanguageToolConfig
from ficlint.diagnostics import Diagnostic
from ficlint.document import Document
from ficlint.engine import Selection
from ficlint.run import RunOptions, lint_paths


@pytest.fixture
def server():
    with StandInLanguageTool() as stand_in:
        yield stand_in


def write_config(folder: Path, url: str, extra: str = "", dialect: str | None = "en-US") -> None:
    """A config that turns LanguageTool on; en-US, so that British spellings are its misspellings."""
    top = f"dialect: {dialect}\n" if dialect else ""
    timeout = "" if "timeout:" in extra else "  timeout: 5\n"  # a key given twice is a config error
    (folder / ".ficlint.yaml").write_text(
        f"{top}languagetool:\n  enabled: true\n  server: {url}\n{timeout}{extra}", encoding="utf-8"
    )


def lint_folder(folder: Path, **options: object):
    return lint_paths([folder], RunOptions(**options))


def lt_findings(results) -> list[tuple[str, str]]:
    """(rule, flagged text) of every LanguageTool diagnostic."""
    out = []
    for result in results:
        for d in result.diagnostics:
            if d.rule.startswith("LT:"):
                out.append((d.rule, result.document.text[d.start : d.end]))
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- what is sent ---------------------------------------------------------------

MARKDOWN = (
    "---\r\ntitle: The Long Night\r\n---\r\n\r\n"
    "A/N: Thanks for all the reviews! See https://example.com/fic for the *art*.\r\n\r\n"
    "# Chapter One\r\n\r\n"
    "She wanted to *favourite* the letter\r\n"
    "before a owl came. <!-- fix later -->\r\n\r\n"
    '> "Your going to miss it," he said.\r\n'
    "> She laughed 😀 and took a apple.\r\n\r\n"
    "***\r\n\r\n"
    "Teh end came at dawn.\r\n"
)


def test_only_prose_is_sent_and_markup_goes_as_markup(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_bytes(MARKDOWN.encode("utf-8"))
    lint_folder(tmp_path)
    plain = "\n".join(server.state.plain_texts)
    assert "She wanted to favourite the letter before a owl came." in plain
    assert '"Your going to miss it," he said. She laughed 😀 and took a apple.' in plain
    for markup in ("#", "*", "<!--", "http", "title:", "\r", "A/N", "Chapter One", ">"):
        assert markup not in plain
    # paragraphs stay apart; a hard-wrapped line does not end one
    assert 'came. \n\n"Your' in plain


def test_author_notes_are_sent_only_when_asked(server, tmp_path):
    write_config(tmp_path, server.url, "  author_notes: true\n")
    (tmp_path / "ch1.md").write_text(
        "A/N: This is a **realise** one, sorry!\n\nThe story starts.\n", encoding="utf-8"
    )
    results = lint_folder(tmp_path)
    plain = "\n".join(server.state.plain_texts)
    assert "This is a realise one, sorry!" in plain and "**" not in plain
    assert ("LT:MORFOLOGIK_RULE_EN_US", "realise") in lt_findings(results)


def test_offsets_map_back_exactly_through_markup_crlf_and_emoji(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_bytes(MARKDOWN.encode("utf-8"))
    found = lt_findings(lint_folder(tmp_path))
    assert ("LT:MORFOLOGIK_RULE_EN_US", "favourite") in found
    assert ("LT:MORFOLOGIK_RULE_EN_US", "Teh") not in found  # capitalised: taken for a name
    assert found.count(("LT:EN_A_VS_AN", "a")) == 2  # "a owl" on a CRLF line, "a apple" after the emoji


def test_positions_in_json_output(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_bytes(MARKDOWN.encode("utf-8"))
    report = run_cli("check", "--format", "json", str(tmp_path / "ch1.md")).json()
    diags = [d for d in report["files"][0]["diagnostics"] if d["rule"] == "LT:EN_A_VS_AN"]
    assert [(d["start"]["line"], d["start"]["column"], d["text"]) for d in diags] == [
        (10, 8, "a"),
        (13, 26, "a"),
    ]
    apple = diags[1]
    assert apple["start"]["character"] == 26  # UTF-16, 0-based: the emoji counts twice
    assert apple["category"] == "grammar" and apple["name"] == "lt-en-a-vs-an"
    assert apple["fixes"] == [
        {"replacement": "an", "safe": False, "start": apple["start"], "end": apple["end"]}
    ]
    assert 'Use "an" instead' in apple["message"]


def test_text_reporter_shows_languagetool_findings(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_text("She wanted to favourite it.\n", encoding="utf-8")
    out = run_cli("check", str(tmp_path))
    assert out.code == 1
    assert ("ch1.md:1:15: warning[LT:MORFOLOGIK_RULE_EN_US] [spelling] Possible spelling mistake found."
            in out.stdout)
    assert out.stderr == ""


def test_utf16_offsets_convert_to_code_points():
    text = "a😀b𝔘c"
    offsets = lt.Utf16Offsets(text)
    units = [len(text[:i].encode("utf-16-le")) // 2 for i in range(len(text) + 1)]
    assert [offsets.code_points(u) for u in units] == list(range(len(text) + 1))
    assert lt.Utf16Offsets("plain").code_points(3) == 3


# -- chunks -----------------------------------------------------------------------


def test_chunks_are_paragraph_aligned_and_tile_the_text():
    paragraphs = [f"Paragraph {i} has a apple in it and some more words to fill it." for i in range(60)]
    doc = Document.from_text("\n\n".join(paragraphs) + "\n")
    pieces = lt.prose_pieces(doc)
    chunks = lt.chunks(doc.text, pieces, limit=500)
    assert len(chunks) > 5
    for chunk in chunks:
        assert chunk.end - chunk.start <= 500
        assert chunk.pieces[0].start == chunk.start and chunk.pieces[-1].end == chunk.end
        assert all(a.end == b.start for a, b in zip(chunk.pieces, chunk.pieces[1:], strict=False))  # no gaps
        assert doc.text[chunk.start : chunk.start + 10] == "Paragraph "  # starts at a paragraph
        assert chunk.plain_text(doc.text).endswith("fill it.")


def test_long_manuscript_goes_in_chunks_and_every_offset_maps_back(server, tmp_path, monkeypatch):
    monkeypatch.setattr(lt, "CHUNK_CHARS", 400)
    write_config(tmp_path, server.url)
    paragraphs = [f"Line {i} 😀 held a apple,\r\nand she kept it." for i in range(40)]
    (tmp_path / "long.md").write_bytes("\r\n\r\n".join(paragraphs).encode("utf-8"))
    found = lt_findings(lint_folder(tmp_path))
    assert found.count(("LT:EN_A_VS_AN", "a")) == 40
    assert len(server.state.requests) > 4
    assert all(len(text) <= 400 for text in server.state.plain_texts)


def test_one_huge_paragraph_is_split_between_its_pieces():
    speech = " ".join(f'"Word {i}," he said.' for i in range(100))
    doc = Document.from_text(speech)
    chunks = lt.chunks(doc.text, lt.prose_pieces(doc), limit=300)
    assert len(chunks) > 3
    assert chunks[0].start == 0 and chunks[-1].end == len(doc.text)


# -- rules and fiction --------------------------------------------------------------


def test_rules_that_misfire_on_fiction_are_disabled_by_default(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_text('"Wait ," she said.  " Hello."\n', encoding="utf-8")
    assert lt_findings(lint_folder(tmp_path)) == []
    disabled = set(server.state.requests[0]["disabledRules"].split(","))
    assert {"WHITESPACE_RULE", "COMMA_PARENTHESIS_WHITESPACE", "EN_QUOTES", "EN_UNPAIRED_QUOTES"} <= disabled
    assert disabled == set(lt.default_disabled_rules())


def test_config_turns_a_default_disabled_rule_back_on_and_disables_others(server, tmp_path):
    write_config(tmp_path, server.url, "  enabled_rules: [EN_QUOTES]\n  disabled_rules: [EN_A_VS_AN]\n")
    (tmp_path / "ch1.md").write_text('"Stop," she said, taking a apple.\n', encoding="utf-8")
    found = lt_findings(lint_folder(tmp_path))
    assert ("LT:EN_QUOTES", '"') in found
    assert not any(rule == "LT:EN_A_VS_AN" for rule, _ in found)
    form = server.state.requests[0]
    assert form["enabledRules"] == "EN_QUOTES"
    assert "EN_QUOTES" not in form["disabledRules"].split(",") and "EN_A_VS_AN" in form["disabledRules"]


def test_names_dialect_and_voices_in_dialogue_are_left_alone(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_text(
        "Hermione glared at Malfoy.\n\n"
        "\"He don't know nothin', that boy,\" said the farmer.\n\n"
        "But he don't care, and he did favourite it.\n",
        encoding="utf-8",
    )
    [result] = lint_folder(tmp_path)
    found = lt_findings([result])
    assert found == [("LT:MORFOLOGIK_RULE_EN_US", "favourite")]
    # the narration's "he don't" is flagged once, by ficlint's own agreement rule (G004)
    own = [(d.rule, result.document.text[d.start:d.end]) for d in result.diagnostics if d.rule == "G004"]
    assert own == [("G004", "don't")]


def test_the_writers_own_words_are_not_misspellings(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / ".ficlint.yaml").write_text((tmp_path / ".ficlint.yaml").read_text() + "words: [realise]\n")
    (tmp_path / "ch1.md").write_text("The realise ones favourite gifts.\n", encoding="utf-8")
    assert lt_findings(lint_folder(tmp_path)) == [("LT:MORFOLOGIK_RULE_EN_US", "favourite")]


def test_style_matches_are_info(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_text("She asked whether or not it mattered.\n", encoding="utf-8")
    [result] = lint_folder(tmp_path)
    [diag] = [d for d in result.diagnostics if d.rule == "LT:WHETHER"]
    assert (diag.category, str(diag.severity)) == ("style", "info")


# -- deduplication -------------------------------------------------------------------


def test_ficlint_wins_where_both_flag_the_same_problem(server, tmp_path):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_text("She walked to the the door.\n", encoding="utf-8")
    [result] = lint_folder(tmp_path)
    rules = [d.rule for d in result.diagnostics]
    assert "M005" in rules and "LT:ENGLISH_WORD_REPEAT_RULE" not in rules
    assert server.state.requests  # LanguageTool was asked, and its duplicate dropped


def test_grammar_rules_win_over_languagetools_on_the_same_words(server, tmp_path):
    write_config(tmp_path, server.url)
    text = "Harry had saw a glimmer of hope. Ron has went home.\n"
    (tmp_path / "ch1.md").write_text(text, encoding="utf-8")
    [result] = lint_folder(tmp_path)
    rules = sorted(d.rule for d in result.diagnostics)
    assert rules == ["G001", "G001"]  # LanguageTool's HAVE_PART_AGREEMENT said the same twice
    assert server.state.requests


def test_fragments_are_left_to_the_writer(server, tmp_path):
    write_config(tmp_path, server.url)
    text = "He stopped. Because he could. As the door creaked open.\n"
    (tmp_path / "ch1.md").write_text(text, encoding="utf-8")
    assert lt_findings(lint_folder(tmp_path)) == []
    assert "SENTENCE_FRAGMENT" in server.state.requests[0]["disabledRules"].split(",")


def test_deduplicate_drops_the_same_words_under_another_name():
    own = [Diagnostic("G005", 10, 14, "possessive", category="grammar")]
    theirs = [
        Diagnostic("LT:TYPO", 10, 14, "spelling", category="spelling"),
        Diagnostic("LT:COMMA", 10, 14, "punctuation", category="punctuation"),
        Diagnostic("LT:NEXT", 15, 20, "next word", category="spelling"),
    ]
    assert [d.rule for d in lt.deduplicate(own, theirs)] == ["LT:COMMA", "LT:NEXT"]


def test_deduplicate_keeps_other_categories_and_other_spans():
    own = [Diagnostic("M005", 10, 17, "doubled", category="grammar")]
    theirs = [
        Diagnostic("LT:A", 14, 17, "same place", category="grammar"),
        Diagnostic("LT:B", 10, 17, "other kind", category="style"),
        Diagnostic("LT:C", 17, 20, "next to it", category="grammar"),
    ]
    assert [d.rule for d in lt.deduplicate(own, theirs)] == ["LT:B", "LT:C"]


# -- selection, severity, suppression ----------------------------------------------------


def test_select_ignore_severity_and_inline_suppression_apply(server, tmp_path):
    text = (
        "She took a apple.\n\n<!-- ficlint-disable-next-line LT -->\nHe took a apple.\n\n"
        "Her favourite one.\n"
    )
    write_config(tmp_path, server.url, "severity:\n  M006: off\n")
    (tmp_path / "ch1.md").write_text(text, encoding="utf-8")
    assert len(lt_findings(lint_folder(tmp_path))) == 2  # the second apple is silenced
    assert lt_findings(lint_folder(tmp_path, selection=Selection(select=("M",)))) == []
    assert lt_findings(lint_folder(tmp_path, selection=Selection(ignore=("spelling",)))) == [
        ("LT:EN_A_VS_AN", "a")
    ]



def test_severity_by_category_and_prefix_reaches_languagetool_rules(server, tmp_path):
    """`severity:` works on LT rules exactly as on ficlint's own: a category, a prefix, an id."""
    (tmp_path / "ch1.md").write_text("She took a apple.\n", encoding="utf-8")
    write_config(tmp_path, server.url, "severity:\n  grammar: info\n")
    assert {(d.rule, str(d.severity)) for r in lint_folder(tmp_path) for d in r.diagnostics
            if d.rule.startswith("LT:")} == {("LT:EN_A_VS_AN", "info")}
    write_config(tmp_path, server.url, "severity:\n  grammar: info\n  LT: error\n")
    assert {str(d.severity) for r in lint_folder(tmp_path) for d in r.diagnostics if d.rule.startswith("LT:")} \
        == {"error"}  # the longer selector wins, as for ficlint's rules
    write_config(tmp_path, server.url, "severity:\n  LT:EN_A_VS_AN: off\n")
    assert lt_findings(lint_folder(tmp_path)) == []


# -- on and off ----------------------------------------------------------------------------


def test_off_by_default_and_switched_by_the_command_line(server, tmp_path):
    (tmp_path / ".ficlint.yaml").write_text(f"languagetool:\n  server: {server.url}\n", encoding="utf-8")
    (tmp_path / "ch1.md").write_text("She took a apple.\n", encoding="utf-8")
    assert lt_findings(lint_folder(tmp_path)) == [] and server.state.paths == []
    out = run_cli("check", "--languagetool", str(tmp_path))
    assert "LT:EN_A_VS_AN" in out.stdout
    write_config(tmp_path, server.url)
    asked = len(server.state.requests)
    out = run_cli("check", "--no-languagetool", str(tmp_path))
    assert "LT:" not in out.stdout and len(server.state.requests) == asked


def test_language_follows_the_dialect(server, tmp_path):
    write_config(tmp_path, server.url, dialect=None)
    (tmp_path / "ch1.md").write_text("The grey colour of her favourite jumper.\n", encoding="utf-8")
    lint_folder(tmp_path)
    lint_folder(tmp_path, overrides={"dialect": "en-US"})
    write_config(tmp_path, server.url, "  language: en-CA\n", dialect=None)
    lint_folder(tmp_path)
    assert [r["language"] for r in server.state.requests] == ["en-GB", "en-US", "en-CA"]


def test_stdin_is_checked_too(server, tmp_path):
    write_config(tmp_path, server.url)
    out = run_cli("check", "--stdin-filename", str(tmp_path / "ch1.md"), "-", input="She took a apple.\n")
    assert "LT:EN_A_VS_AN" in out.stdout


# -- failures are warnings ---------------------------------------------------------------------


def check_warns(tmp_path: Path, url: str, expected: str, extra: str = "") -> None:
    """LanguageTool fails: one warning, ficlint's own findings kept."""
    write_config(tmp_path, url, extra)
    (tmp_path / "ch1.md").write_text("She walked to the the door.\n", encoding="utf-8")
    [result] = lint_folder(tmp_path)
    assert "M005" in [d.rule for d in result.diagnostics] and lt_findings([result]) == []
    [warning] = result.warnings
    assert warning.startswith("LanguageTool skipped: ") and expected in warning, warning


def test_a_failure_is_one_warning_line_and_an_error_only_with_strict(tmp_path):
    write_config(tmp_path, f"http://127.0.0.1:{free_port()}")
    (tmp_path / "ch1.md").write_text("She walked to the the door.\n", encoding="utf-8")
    out = run_cli("check", str(tmp_path))
    assert out.code == 1, out.stderr  # findings, not an error
    assert "M005" in out.stdout and "LT:" not in out.stdout
    [line] = out.stderr.splitlines()
    assert line.startswith("ficlint: warning: LanguageTool skipped: cannot reach http://127.0.0.1:")
    strict = run_cli("check", "--strict", str(tmp_path))
    assert strict.code == 2 and "M005" in strict.stdout and strict.stderr == out.stderr


def test_no_server_reachable(tmp_path):
    check_warns(tmp_path, f"http://127.0.0.1:{free_port()}", "cannot reach http://127.0.0.1:")


def test_slow_server_times_out(server, tmp_path):
    server.state.delay = 3
    check_warns(tmp_path, server.url, "gave no answer within 0.5 s", "  timeout: 0.5\n")


def test_http_error(server, tmp_path):
    server.state.fail_status = 500
    check_warns(tmp_path, server.url, "answered HTTP 500: Error: Internal Error")


def test_not_a_languagetool_server(server, tmp_path):
    server.state.not_languagetool = True
    check_warns(tmp_path, server.url, "did not answer like a LanguageTool server")


def test_unknown_language(server, tmp_path):
    check_warns(tmp_path, server.url, "does not check 'xx-YY'", "  language: xx-YY\n")


def test_no_server_configured(tmp_path):
    (tmp_path / "ch1.md").write_text("She walked to the the door.\n", encoding="utf-8")
    out = run_cli("check", "--languagetool", str(tmp_path))
    assert out.code == 1 and "M005" in out.stdout
    assert "set `languagetool.server`" in out.stderr


def test_local_server_without_java(tmp_path):
    (tmp_path / ".ficlint.yaml").write_text(
        "languagetool:\n  enabled: true\n  local: true\n", encoding="utf-8"
    )
    (tmp_path / "ch1.md").write_text("She walked to the the door.\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    out = run_cli("check", str(tmp_path / "ch1.md"), env={"PATH": str(bin_dir)})
    assert out.code == 1 and "M005" in out.stdout
    assert "needs Java 17 or later, and `java` is not on PATH" in out.stderr


def test_a_failed_server_is_not_asked_again_in_the_same_run(tmp_path):
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "ch.md").write_text("She took a apple.\n", encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}"
    config = tmp_path / "shared.yaml"
    config.write_text(f"languagetool:\n  enabled: true\n  server: {url}\n", encoding="utf-8")
    results = lint_paths([tmp_path / "a", tmp_path / "b"], RunOptions(config_file=config))
    assert all(len(r.warnings) == 1 for r in results)


# -- a local server, started by language-tool-python once per run ----------------------------------


class FakeLocalTool:
    """Stands in for language_tool_python.LanguageTool: 'starts' a server (the stand-in)."""

    started: list[str] = []
    closed = 0
    url = ""

    def __init__(self, language: str) -> None:
        FakeLocalTool.started.append(language)

    def close(self) -> None:
        FakeLocalTool.closed += 1


def test_local_server_is_started_once_and_closed(server, tmp_path, monkeypatch):
    import language_tool_python

    monkeypatch.setattr(language_tool_python, "LanguageTool", FakeLocalTool)
    monkeypatch.setattr(lt.shutil, "which", lambda name: "/usr/bin/java")
    monkeypatch.setattr(FakeLocalTool, "url", server.url + "/v2/")
    monkeypatch.setattr(FakeLocalTool, "started", [])
    for name in ("one", "two"):  # two folders without config files: two manuscripts
        folder = tmp_path / name
        folder.mkdir()
        (folder / "ch.md").write_text("She took a apple.\n", encoding="utf-8")
    config = tmp_path / "local.yaml"
    config.write_text("languagetool:\n  enabled: true\n  local: true\n", encoding="utf-8")
    results = lint_paths([tmp_path / "one", tmp_path / "two"], RunOptions(config_file=config))
    assert lt_findings(results) == [("LT:EN_A_VS_AN", "a"), ("LT:EN_A_VS_AN", "a")]
    assert FakeLocalTool.started == ["en-US"] and FakeLocalTool.closed == 1
    assert "/v2/languages" not in server.state.paths  # the library checked the language itself


def test_command_line_and_config_accept_languagetool_selectors(server, tmp_path):
    write_config(tmp_path, server.url, "severity:\n  LT:EN_A_VS_AN: error\n  lt-whether: off\n")
    (tmp_path / "ch1.md").write_text(
        "She took a apple, whether or not it was her favourite.\n", encoding="utf-8"
    )
    out = run_cli("check", "-q", str(tmp_path))
    assert "LT:EN_A_VS_AN" in out.stdout and "LT:WHETHER" not in out.stdout
    report = run_cli("check", "--format", "json", str(tmp_path)).json()
    [article] = [d for d in report["files"][0]["diagnostics"] if d["rule"] == "LT:EN_A_VS_AN"]
    assert article["severity"] == "error"
    out = run_cli("check", "-q", "--ignore", "LT:EN_A_VS_AN", str(tmp_path))
    assert out.code == 1 and "LT:EN_A_VS_AN" not in out.stdout and "LT:MORFOLOGIK_RULE_EN_US" in out.stdout
    only = run_cli("check", "-q", "--select", "LT", str(tmp_path))
    rules = {line.split()[1].split("[")[1].rstrip("]") for line in only.stdout.splitlines() if ": " in line}
    assert rules == {
        "LT:EN_A_VS_AN",
        "LT:MORFOLOGIK_RULE_EN_US",
    }


def test_readme_lists_every_rule_off_by_default():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## LanguageTool") :]
    assert all(f"`{rule}`" in section for rule in lt.default_disabled_rules())


# -- offsets, for any text ------------------------------------------------------------------------

_BITS = [
    "She took a apple",
    " and a egg",
    "😀",
    "𝔘",
    "é",
    "*",
    "**",
    "_",
    '"',
    "“",
    "”",
    "'",
    " ",
    "  ",
    "\r\n",
    "\n",
    "\n\n",
    "\r\n\r\n",
    "> ",
    "# Heading\n\n",
    "<!-- note -->",
    "https://x.org/a",
    "whether or not",
    "favourite",
    "the the",
    ". ",
    "—",
    "\\*",
]


@given(st.lists(st.sampled_from(_BITS), min_size=1, max_size=60), st.integers(min_value=40, max_value=400))
@settings(max_examples=150, deadline=None)
def test_every_match_maps_back_to_the_text_languagetool_read(bits, limit):
    from ltserver import check

    doc = Document.from_text("".join(bits))
    form = lt.rule_form(LanguageToolConfig(), "en-US")
    for chunk in lt.chunks(doc.text, lt.prose_pieces(doc), limit=limit):
        assert "".join(doc.text[p.start : p.end] for p in chunk.pieces) == doc.text[chunk.start : chunk.end]
        assert "\r" not in chunk.plain_text(doc.text)
        status, answer = check({**form, "data": chunk.annotation(doc.text)})
        assert status == 200
        offsets = lt.Utf16Offsets(doc.text[chunk.start : chunk.end])
        for match in answer["matches"]:
            diag = lt.to_diagnostic(match, chunk, offsets)
            context = match["context"]
            read = context["text"][context["offset"] : context["offset"] + context["length"]]
            if doc.text[diag.start : diag.end] != read:  # only a match across markup may differ
                assert any(p.markup and diag.start < p.end and p.start < diag.end for p in chunk.pieces)


def test_language_follows_the_dialect_ficlint_decided(server, tmp_path):
    write_config(tmp_path, server.url, dialect=None)
    (tmp_path / "ch1.md").write_text(
        "She realised the colour had faded. Her favourite coat was grey.\n", encoding="utf-8"
    )
    [result] = lint_folder(tmp_path)
    assert getattr(result.facts.get("dialect"), "dialect", None) == "en-GB"
    assert server.state.requests[0]["language"] == "en-GB"


def test_a_match_outside_what_was_sent_is_dropped():
    doc = Document.from_text("She took a apple.")
    [chunk] = lt.chunks(doc.text, lt.prose_pieces(doc))
    match = {"offset": 40, "length": 3, "message": "?", "rule": {"id": "X", "category": {"id": "MISC"}}}
    assert lt.to_diagnostic(match, chunk, lt.Utf16Offsets(doc.text)) is None
    assert lt.to_diagnostic({"offset": 1}, chunk, lt.Utf16Offsets(doc.text)) is None  # malformed


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_other_output_formats_show_languagetool_findings(server, tmp_path, fmt):
    write_config(tmp_path, server.url)
    (tmp_path / "ch1.md").write_text("She took a apple.\n", encoding="utf-8")
    out = run_cli("check", "--format", fmt, str(tmp_path))
    assert out.code == 1 and "LT:EN_A_VS_AN" in out.stdout, out.stderr


def test_with_fix_languagetool_reports_on_the_fixed_text(server, tmp_path):
    write_config(tmp_path, server.url)
    chapter = tmp_path / "ch1.md"
    chapter.write_text("She waited.. then took a apple.\n", encoding="utf-8")
    out = run_cli("check", "--fix", str(tmp_path))
    assert chapter.read_text(encoding="utf-8") == "She waited... then took a apple.\n"  # ficlint's safe fix
    assert out.stdout.count("LT:EN_A_VS_AN") == 1 and "M001" not in out.stdout
    assert "waited... then" in server.state.plain_texts[-1]  # asked again about the fixed text


def test_languagetool_suggestions_are_applied_only_as_unsafe_fixes(server, tmp_path):
    write_config(tmp_path, server.url)
    chapter = tmp_path / "ch1.md"
    chapter.write_text("She took a apple.\n", encoding="utf-8")
    run_cli("check", "--fix", str(tmp_path))
    assert chapter.read_text(encoding="utf-8") == "She took a apple.\n"
    out = run_cli("check", "--fix", "--unsafe-fixes", str(tmp_path))
    assert chapter.read_text(encoding="utf-8") == "She took an apple.\n" and out.code == 0


def test_per_file_ignores_apply_to_languagetool(server, tmp_path):
    write_config(tmp_path, server.url, "per-file-ignores:\n  notes-*.md: [LT]\n")
    (tmp_path / "ch1.md").write_text("She took a apple.\n", encoding="utf-8")
    (tmp_path / "notes-1.md").write_text("She took a apple.\n", encoding="utf-8")
    results = lint_folder(tmp_path)
    assert [(Path(r.path).name, len(lt_findings([r]))) for r in results] == [("ch1.md", 1), ("notes-1.md", 0)]


def test_local_server_without_the_languagetool_extra_is_one_warning(tmp_path):
    """language-tool-python is the `ficlint[languagetool]` extra: without it, `local: true` says so."""
    config = "languagetool:\n  enabled: true\n  local: true\n"
    (tmp_path / ".ficlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "ch1.md").write_text("She walked to the the door.\n", encoding="utf-8")
    script = ("import sys; sys.modules['language_tool_python'] = None; from ficlint.cli import main; "
              "sys.argv = ['ficlint', 'check', 'ch1.md']; main()")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1 and "M005" in proc.stdout  # ficlint's own findings still print
    assert proc.stderr.splitlines() == [
        "ficlint: warning: LanguageTool skipped: `languagetool.local` needs the languagetool extra: "
        "pip install 'ficlint[languagetool]' (or set `languagetool.server`)"]
