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
