"""`--format sarif` (validated against the official SARIF 2.1.0 schema) and `--format github`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SELECT = ("--select", "M001,M006")


def validate(log: dict) -> None:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def sarif(*args: str, cwd: Path | None = None) -> dict:
    result = run_cli("check", *SELECT, "--format", "sarif", *args, cwd=cwd)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01 opening.md").write_text(
        "Harry 😀 said stop it..stop crying.\n\nShe walked out the door\n", encoding="utf-8")
    (tmp_path / "chapters" / "02.md").write_text("All is well.\n", encoding="utf-8")
    return tmp_path


def test_sarif_validates_against_the_schema(story: Path) -> None:
    log = sarif("chapters", cwd=story)
    validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "ficlint"
    assert [r["ruleId"] for r in run["results"]] == ["M001", "M006"]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {"M001", "M006"}


def test_sarif_regions_count_utf16_and_fixes_are_replacements(story: Path) -> None:
    run = sarif("chapters", cwd=story)["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    m001 = run["results"][0]
    location = m001["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "chapters/01%20opening.md"
    region = location["region"]
    # "Harry 😀 said stop it.." : the emoji is two UTF-16 code units, one code point
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 22, 24)
    assert (region["charOffset"], region["charLength"]) == (20, 2)
    replacement = m001["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "..."
    assert replacement["deletedRegion"]["startColumn"] == 22
    m006 = run["results"][1]
    assert "unsafe" in m006["fixes"][0]["description"]["text"]
    assert run["tool"]["driver"]["rules"][m001["ruleIndex"]]["id"] == "M001"


def test_clean_run_and_unreadable_file_are_valid_sarif(tmp_path: Path) -> None:
    clean = tmp_path / "clean.md"
    clean.write_text("All is well.\n", encoding="utf-8")
    log = sarif(str(clean))
    validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True

    binary = tmp_path / "cover.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    result = run_cli("check", *SELECT, "--format", "sarif", str(binary))
    log = json.loads(result.stdout)
    validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "binary" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_github_annotations(story: Path) -> None:
    result = run_cli("check", *SELECT, "--format", "github", "chapters", cwd=story)
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::warning file=chapters/01 opening.md,line=1,col=21,endLine=1,endColumn=23,"
                               "title=M001 two-dot-ellipsis::M001 [punctuation] ")
    assert lines[1].startswith("::warning file=chapters/01 opening.md,line=3,col=20,")
    assert len(lines) == 2


def test_github_escapes_commas_colons_and_newlines(tmp_path: Path) -> None:
    odd = tmp_path / "a,b:c.md"
    odd.write_text("Wait..what.\n", encoding="utf-8")
    result = run_cli("check", *SELECT, "--format", "github", odd.name, cwd=tmp_path)
    assert result.stdout.startswith("::warning file=a%2Cb%3Ac.md,line=1,col=5,")
    assert "\n" not in result.stdout.rstrip("\n")
