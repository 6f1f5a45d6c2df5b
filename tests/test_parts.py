"""Long files are linted in parts and reported whole: same findings, right offsets, bounded memory."""

from __future__ import annotations

from conftest import run_cli

from ficlint.parts import PART_CHARS, parts_of
from ficlint.source import Source

PARAGRAPH = ("She walked along the river for a long time, thinking about everything that had happened "
             "since the spring. The water was grey and slow, and the gulls followed her. ")
CHAPTER = "\n\n".join([PARAGRAPH * 3] * 20)


def novel(chapters: int) -> str:
    return "\n\n".join(f"# Chapter {n}\n\n{CHAPTER}" for n in range(1, chapters + 1)) + "\n"


def test_a_long_file_is_cut_at_chapter_headings():
    text = novel(40)
    parts = parts_of(Source("novel.md", text))
    assert len(parts) > 2
    assert "".join(p.text for _, p in parts) == text
    for offset, part in parts[1:]:
        assert part.text.startswith("# Chapter"), part.text[:40]
        assert text[offset:offset + len(part.text)] == part.text
        assert len(part.text) <= PART_CHARS


def test_a_cut_never_falls_inside_a_speech_left_open():
    speech = "\"It was a long night," + " and the rain kept on" * 20 + ".\n\n\"In the morning we left.\""
    text = "\n\n".join([PARAGRAPH * 4, speech] * 300)
    for offset, _ in parts_of(Source("novel.md", text))[1:]:
        before = text[:offset].rstrip()
        assert not before.endswith("kept on."), "cut between the paragraphs of one speech"


def test_findings_and_suppression_are_the_same_as_in_one_piece(tmp_path):
    text = novel(40)
    slips = [text.index("Chapter 2\n"), text.index("Chapter 17\n"), text.index("Chapter 39\n")]
    body = list(text)
    for at in reversed(slips):
        body.insert(at + text[at:].index("the spring.") + len("the spring"), ".")  # "spring.." two dots
    text = "".join(body)
    silenced = text.index("# Chapter 30")
    text = text[:silenced] + "<!-- ficlint-disable M001 -->\n\n" + text[silenced:]
    (tmp_path / "novel.md").write_text(text, encoding="utf-8")
    result = run_cli("check", "--no-cache", "--select", "M001", "--format", "json", "novel.md", cwd=tmp_path)
    found = result.json()["files"][0]["diagnostics"]
    assert [text[d["start"]["offset"]:d["end"]["offset"]] for d in found] == ["..", ".."]
    assert [d["start"]["line"] for d in found] == [text[:d["start"]["offset"]].count("\n") + 1 for d in found]


# -- an edit re-checks its own part only, and the findings stay exact -----------------------------

def _edited(text: str, old: str, new: str, after: int) -> str:
    at = text.index(old, after)
    return text[:at] + new + text[at + len(old):]


def _run_findings(run, config, text: str) -> list[tuple[str, int, str]]:
    from ficlint.source import Source as _Source
    result = run.lint(config, [_Source("novel.md", text)], languagetool=False)[0]
    return [(d.rule, d.start, d.message) for d in result.diagnostics]


def _fresh_findings(config, text: str) -> list[tuple[str, int, str]]:
    from ficlint.run import ManuscriptRun, RunOptions
    return _run_findings(ManuscriptRun(RunOptions()), config, text)


def test_an_edit_rechecks_only_its_part_and_findings_stay_exact(tmp_path, monkeypatch):
    from ficlint.cache import MemoryCache
    from ficlint.config import default_config
    from ficlint.engine import Linter
    from ficlint.run import ManuscriptRun, RunOptions

    # The story's name "Zorblax": written in lowercase once in the first chapter, capitalised in
    # the middle of sentences in the last ones; the lowercase use is flagged only because of them.
    text = novel(40)
    text = _edited(text, "thinking about", "thinking about zorblax and", 0)
    for n in (36, 37, 38, 39):
        text = _edited(text, "followed her.", "followed her and Zorblax.", text.index(f"Chapter {n}\n"))
    config = default_config()
    checked: list[int] = []
    original = Linter.check_document

    def spy(self, doc, *args, **kwargs):
        checked.append(len(doc.text))
        return original(self, doc, *args, **kwargs)

    monkeypatch.setattr(Linter, "check_document", spy)
    run = ManuscriptRun(RunOptions(), store=MemoryCache())
    first = _run_findings(run, config, text)
    parts = len(parts_of(Source("novel.md", text)))
    assert len(checked) == parts > 2
    assert any(rule == "C001" for rule, _, _ in first)

    # a word typed in a middle chapter: its part alone is checked again
    checked.clear()
    typed = _edited(text, "the gulls", "the white gulls", text.index("Chapter 20\n"))
    found = _run_findings(run, config, typed)
    assert len(checked) == 1
    assert found == _fresh_findings(config, typed)

    # the capitalised uses taken out: the first part's finding depends on them, so it goes
    checked.clear()
    plain = typed.replace("followed her and Zorblax.", "followed her.")
    after = _run_findings(run, config, plain)
    assert 1 < len(checked) <= parts
    assert after == _fresh_findings(config, plain)
    assert not any(rule == "C001" for rule, _, _ in after)
