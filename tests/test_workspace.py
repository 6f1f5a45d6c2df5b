"""Which files form one manuscript: those sharing a config file; without one,
the files of one folder. And each folder's own words file."""

from __future__ import annotations

from pathlib import Path

from ficlint.workspace import ConfigCache, RunOptions, lint_paths


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
