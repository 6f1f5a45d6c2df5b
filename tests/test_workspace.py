"""Which files form one manuscript: those sharing a config file; without one,
the files of one folder. And each folder's own words file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from ficlint.run import RunOptions, lint_paths
from ficlint.workspace import ConfigCache, series_of


def chapter(folder: Path, name: str, text: str = "She left.\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def manuscripts(results) -> list[list[str]]:
    """Paths grouped by the manuscript facts object they share."""
    groups: dict[int, list[str]] = {}
    for result in results:
        groups.setdefault(id(result.facts), []).append(Path(result.path).name)
    return sorted(groups.values())


def test_files_sharing_a_config_file_are_one_manuscript(tmp_path):
    (tmp_path / ".ficlint.yaml").write_text("dialect: auto\n", encoding="utf-8")
    chapter(tmp_path / "part1", "c1.md")
    chapter(tmp_path / "part2", "c2.md")
    results = lint_paths([tmp_path], RunOptions())
    assert manuscripts(results) == [["c1.md", "c2.md"]]


def test_without_a_config_each_folder_is_a_manuscript(tmp_path):
    chapter(tmp_path / "story-a", "a1.md")
    chapter(tmp_path / "story-a", "a2.md")
    chapter(tmp_path / "story-b", "b1.md")
    results = lint_paths([tmp_path], RunOptions())
    assert manuscripts(results) == [["a1.md", "a2.md"], ["b1.md"]]


def test_an_explicit_config_makes_every_file_one_manuscript(tmp_path):
    config = tmp_path / "ficlint.yaml"
    config.write_text("dialect: en-GB\n", encoding="utf-8")
    a = chapter(tmp_path / "a", "a1.md")
    b = chapter(tmp_path / "b", "b1.md")
    results = lint_paths([a, b], RunOptions(config_file=config, overrides={"dialect": None}))
    assert manuscripts(results) == [["a1.md", "b1.md"]]


def test_each_folder_without_a_config_keeps_its_own_words(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / ".ficlint-words.txt").write_text("# names\nZorblax\n", encoding="utf-8")
    configs = ConfigCache(None, {})
    assert configs.for_file(tmp_path / "a" / "x.md").words == ("Zorblax",)
    assert configs.for_file(tmp_path / "b" / "y.md").words == ()


# -- a few files named: the facts are the whole manuscript's -------------------------------------

BRITISH_1 = ("The colour of the sky was grey. She realised the centre of town was near.\n\n"
             "Her favourite colour was red; the theatre had an honour board.\n")
BRITISH_2 = "He recognised the colour. They travelled to the centre, and the neighbour apologised.\n"
AMERICAN_3 = "The color of the door was blue.\n"


def british_story(folder: Path) -> Path:
    """Chapters 1-2 British, chapter 3 with one American spelling; returns chapter 3."""
    chapter(folder, "ch1.md", BRITISH_1)
    chapter(folder, "ch2.md", BRITISH_2)
    return chapter(folder, "ch3.md", AMERICAN_3)


def v001_lines(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if "[V001]" in line]


def test_one_chapter_named_alone_is_judged_by_the_whole_folder(tmp_path):
    british_story(tmp_path)
    alone = run_cli("check", "-q", "ch3.md", cwd=tmp_path)
    assert alone.code == 1, alone.stdout + alone.stderr
    assert [line.split(": ")[0] for line in v001_lines(alone)] == ["ch3.md:1:5"]
    assert "the British way" in alone.stdout and "1 file" in alone.stdout  # reported on ch3.md only
    everything = run_cli("check", "-q", ".", cwd=tmp_path)
    assert v001_lines(everything) == v001_lines(alone)


def test_the_config_tree_is_the_manuscript_and_its_exclude_holds(tmp_path):
    (tmp_path / ".ficlint.yaml").write_text("exclude: [\"notes/*\"]\n", encoding="utf-8")
    chapter(tmp_path / "part1", "ch1.md", BRITISH_1)
    chapter(tmp_path / "part1", "ch2.md", BRITISH_2)
    chapter(tmp_path / "part2", "ch3.md", AMERICAN_3)
    assert v001_lines(run_cli("check", "-q", "part2/ch3.md", cwd=tmp_path))
    # the British chapters moved to an excluded folder no longer count, nor does a nested config's tree
    (tmp_path / "notes").mkdir()
    for name in ("ch1.md", "ch2.md"):
        (tmp_path / "part1" / name).rename(tmp_path / "notes" / name)
    assert v001_lines(run_cli("check", "-q", "part2/ch3.md", cwd=tmp_path)) == []
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / ".ficlint.yaml").write_text("dialect: auto\n", encoding="utf-8")
    for name in ("ch1.md", "ch2.md"):
        (tmp_path / "notes" / name).rename(tmp_path / "other" / name)
    assert v001_lines(run_cli("check", "-q", "part2/ch3.md", cwd=tmp_path)) == []


def test_other_folders_without_a_config_are_other_manuscripts(tmp_path):
    chapter(tmp_path / "british", "ch1.md", BRITISH_1)
    chapter(tmp_path / "british", "ch2.md", BRITISH_2)
    chapter(tmp_path / "american", "ch3.md", AMERICAN_3)
    assert v001_lines(run_cli("check", "-q", "american/ch3.md", cwd=tmp_path)) == []


def test_text_on_stdin_named_as_a_chapter_joins_its_manuscript(tmp_path):
    british_story(tmp_path)
    named = run_cli("check", "-q", "-", "--stdin-filename", "ch3.md", input=AMERICAN_3, cwd=tmp_path)
    assert [line.split(": ")[0] for line in v001_lines(named)] == ["ch3.md:1:5"]
    nameless = run_cli("check", "-q", "-", input=AMERICAN_3, cwd=tmp_path)
    assert v001_lines(nameless) == []  # no name: a text of its own, the folder is not read


def test_the_other_chapters_facts_come_from_the_cache(tmp_path):
    british_story(tmp_path)
    cache = tmp_path / "cache"
    env = {"FICLINT_CACHE_DIR": str(cache)}
    assert v001_lines(run_cli("check", "-q", "ch3.md", cwd=tmp_path, env=env))
    facts = [p for p in cache.rglob("*") if p.is_file() and p.parent.parent.name == "facts"]
    assert len(facts) == 3  # every chapter's facts, though only ch3.md was checked
    diagnostics = [p for p in cache.rglob("*") if p.is_file() and p.parent.parent.name == "diagnostics"]
    assert len(diagnostics) == 1


def test_fix_of_one_chapter_uses_the_whole_manuscript(tmp_path):
    ch3 = british_story(tmp_path)
    fixed = run_cli("check", "--fix", "-q", "ch3.md", cwd=tmp_path)
    assert ch3.read_text(encoding="utf-8") == "The colour of the door was blue.\n", fixed.stderr
    assert (tmp_path / "ch1.md").read_text(encoding="utf-8") == BRITISH_1  # only the named file is written


# -- which files are one manuscript ------------------------------------------------------------

BRITISH = "She admired the colour of the sea. The colour was grey, and she realised the neighbour saw it.\n"
AMERICAN = "He liked the color of the truck.\n"


def _v001(result) -> list[str]:  # noqa: ANN001 - a CliResult
    return [line.split(":")[0] for line in result.stdout.splitlines() if "[V001]" in line]


def test_a_folder_of_one_shots_is_not_one_manuscript(tmp_path):
    """Without a config, unrelated files in one folder keep their own dialects."""
    (tmp_path / "beach.md").write_text(BRITISH, encoding="utf-8")
    (tmp_path / "trucks.md").write_text(AMERICAN, encoding="utf-8")
    assert _v001(run_cli("check", "-q", "--no-cache", ".", cwd=tmp_path)) == []


def test_numbered_chapters_in_a_folder_are_one_manuscript(tmp_path):
    (tmp_path / "chapter-1.md").write_text(BRITISH, encoding="utf-8")
    (tmp_path / "chapter-2.md").write_text(AMERICAN, encoding="utf-8")
    (tmp_path / "prologue.md").write_text("It began at sea.\n", encoding="utf-8")
    assert _v001(run_cli("check", "-q", "--no-cache", ".", cwd=tmp_path)) == ["chapter-2.md"]
    # named alone (as pre-commit names a staged chapter), it is still judged by its story
    assert _v001(run_cli("check", "-q", "--no-cache", "chapter-2.md", cwd=tmp_path)) == ["chapter-2.md"]


@pytest.mark.parametrize(("setting", "expected"), [
    ("manuscript: folder\n", ["trucks.md"]),
    ("manuscript: file\n", []),
    ("", ["trucks.md"]),  # a config file's files are one manuscript, as before
])
def test_the_config_says_what_one_manuscript_is(tmp_path, setting, expected):
    (tmp_path / ".ficlint.yaml").write_text(setting, encoding="utf-8")
    (tmp_path / "beach.md").write_text(BRITISH, encoding="utf-8")
    (tmp_path / "trucks.md").write_text(AMERICAN, encoding="utf-8")
    assert _v001(run_cli("check", "-q", "--no-cache", ".", cwd=tmp_path)) == expected


def test_manuscript_on_the_command_line(tmp_path):
    (tmp_path / "beach.md").write_text(BRITISH, encoding="utf-8")
    (tmp_path / "trucks.md").write_text(AMERICAN, encoding="utf-8")
    assert _v001(run_cli("check", "-q", "--no-cache", "--manuscript", "folder", ".", cwd=tmp_path)) == [
        "trucks.md"]


@pytest.mark.parametrize(("a", "b", "together"), [
    ("chapter-1.md", "chapter-12.md", True),
    ("ch1.txt", "prologue.txt", True),
    ("01.txt", "02.txt", True),
    ("22366303-ch1.txt", "20386357-ch1.txt", False),  # two AO3 works
    ("the-fare.md", "salt-lines.md", False),
    ("one.txt", "two.txt", True),
])
def test_file_names_that_number_one_work(a, b, together):
    assert (series_of(a) == series_of(b)) is together
