"""Editors that pipe an unsaved buffer: `ficlint check - --stdin-filename PATH` must use the
configuration PATH would get, name PATH in the output, and count UTF-16 columns in JSON."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

TEXT = "Harry 😀 said stop it..stop\n"  # M001 (two dots, safe fix) and M006 (no full stop)


def story(tmp_path: Path, select: str) -> Path:
    root = tmp_path / "story"
    (root / "chapters").mkdir(parents=True)
    (root / ".ficlint.yaml").write_text(f"select: [{select}]\n", encoding="utf-8")
    return root


def test_unsaved_buffer_gets_the_config_of_its_folder(tmp_path: Path) -> None:
    root = story(tmp_path, "M006")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    unsaved = root / "chapters" / "not-yet-saved.md"
    result = run_cli("check", "--format", "json", "-", "--stdin-filename", str(unsaved),
                     input=TEXT, cwd=elsewhere)
    report = result.json()
    (file_report,) = report["files"]
    assert file_report["path"] == str(unsaved)
    assert [d["rule"] for d in file_report["diagnostics"]] == ["M006"]  # the story's config, not the default


def test_json_positions_for_editors(tmp_path: Path) -> None:
    root = story(tmp_path, "M001")
    result = run_cli("check", "--format", "json", "-", "--stdin-filename", "chapters/01.md",
                     input=TEXT, cwd=root)
    (diagnostic,) = result.json()["files"][0]["diagnostics"]
    assert diagnostic["start"] == {"offset": 20, "line": 1, "column": 21, "character": 21}
    assert diagnostic["end"]["character"] == 23
    assert diagnostic["fixes"][0]["replacement"] == "..."
    assert diagnostic["fixes"][0]["safe"] is True


def test_stdin_without_a_name_uses_the_working_folder_config(tmp_path: Path) -> None:
    root = story(tmp_path, "M006")
    result = run_cli("check", "-q", "-", input=TEXT, cwd=root)
    assert "M006" in result.stdout and "M001" not in result.stdout
