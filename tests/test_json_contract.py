"""The JSON output is the editors' contract (version 1): exact keys, offsets in
code points, 1-based line and column, 0-based UTF-16 `character`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import run_cli

DIAGNOSTIC_KEYS = {"rule", "name", "category", "severity", "message", "text", "start", "end", "fixes"}
OPTIONAL_KEYS = {"confidence", "data"}
POSITION_KEYS = {"offset", "line", "column", "character"}


def lint_json(tmp_path: Path, text: str, *args: str, name: str = "c.md") -> dict:
    (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    return run_cli("check", "--format", "json", *args, name, cwd=tmp_path).json()


def only_diagnostic(report: dict) -> dict:
    (file,) = report["files"]
    (diag,) = file["diagnostics"]
    return diag


def test_top_level_shape(tmp_path):
    report = lint_json(tmp_path, "She left.. He stayed.\n", "--select", "M001")
    assert set(report) == {"version", "files", "summary"}
    assert report["version"] == 1
    assert report["files"] == [{"path": "c.md", "diagnostics": report["files"][0]["diagnostics"]}]
    assert report["summary"] == {
        "files": 1,
        "diagnostics": 1,
        "errors": 0,
        "failures": 0,
        "by_category": {"punctuation": 1},
        "by_rule": {"M001": 1},
    }


def test_diagnostic_keys_and_values(tmp_path):
    diag = only_diagnostic(lint_json(tmp_path, "She left.. He stayed.\n", "--select", "M001"))
    assert DIAGNOSTIC_KEYS <= set(diag) <= DIAGNOSTIC_KEYS | OPTIONAL_KEYS
    assert diag["rule"] == "M001" and diag["name"] == "two-dot-ellipsis"
    assert diag["category"] == "punctuation" and diag["severity"] == "warning"
    assert diag["text"] == ".."
    assert diag["start"] == {"offset": 8, "line": 1, "column": 9, "character": 8}
    assert diag["end"] == {"offset": 10, "line": 1, "column": 11, "character": 10}
    (fix,) = diag["fixes"]
    assert fix["replacement"] == "..." and fix["safe"] is True
    assert fix["start"]["offset"] == 8 and fix["end"]["offset"] == 10


def test_offsets_are_code_points_and_character_counts_utf16(tmp_path):
    text = "“Café 😀 naïve,” she said.. Then\n"
    diag = only_diagnostic(lint_json(tmp_path, text, "--select", "M001"))
    offset = text.index("..")
    assert diag["start"]["offset"] == offset
    assert diag["start"]["column"] == offset + 1
    assert diag["start"]["character"] == offset + 1  # the emoji is two UTF-16 code units


def test_lines_after_crlf_and_a_bom(tmp_path):
    data = "\ufeffShe left.\r\n\r\nHe went to the the door.\r\n".encode()
    (tmp_path / "c.md").write_bytes(data)
    report = run_cli("check", "--format", "json", "--select", "M005", "c.md", cwd=tmp_path).json()
    diag = only_diagnostic(report)
    text = data.decode("utf-8-sig")
    assert text[diag["start"]["offset"] : diag["end"]["offset"]] == "the the" == diag["text"]
    assert (diag["start"]["line"], diag["start"]["column"]) == (3, 12)


def test_offsets_match_the_file_as_score_py_reads_it(tmp_path):
    text = "Intro.\n\n# Chapter 1\n\n“Wait..” She left.. then came back.\n"
    report = lint_json(tmp_path, text, "--select", "M")
    decoded = (tmp_path / "c.md").read_bytes().decode("utf-8-sig")
    for diag in report["files"][0]["diagnostics"]:
        assert decoded[diag["start"]["offset"] : diag["end"]["offset"]] == diag["text"]


def test_unreadable_file_entry(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    report = run_cli("check", "--format", "json", "b.txt", cwd=tmp_path).json()
    assert report["files"] == [{"path": "b.txt", "error": report["files"][0]["error"], "diagnostics": []}]
    assert "binary" in report["files"][0]["error"]
    assert report["summary"]["errors"] == 1


def test_clean_files_are_listed_with_no_diagnostics(tmp_path):
    report = lint_json(tmp_path, "She left.\n", "--select", "M")
    assert report["files"] == [{"path": "c.md", "diagnostics": []}]
    assert report["summary"]["diagnostics"] == 0


def test_json_is_not_coloured_and_always_utf8(tmp_path):
    (tmp_path / "café.md").write_text("She left.. ok\n", encoding="utf-8")
    result = run_cli(
        "check",
        "--format",
        "json",
        "--color",
        "--select",
        "M001",
        "café.md",
        cwd=tmp_path,
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert "\x1b[" not in result.stdout
    assert result.json()["files"][0]["path"] == "café.md"


def test_text_output_on_a_terminal_that_cannot_show_a_character(tmp_path):
    (tmp_path / "c.md").write_text("漢字 she left.. ok\n", encoding="utf-8")
    result = run_cli("check", "--select", "M001", "c.md", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert result.code == 1 and "Traceback" not in result.stderr
    assert "?? she left.. ok" in result.stdout


_CRASHING_RULE = """
from ficlint.rule import Rule
RULE = Rule(id="M998", name="always-crashes", category="punctuation", summary="Crashes.", why="A test.",
            examples=(("She left.", "She left."),), allows=("She left.",))
def check(doc, ctx):
    raise RuntimeError("boom")
    yield
"""


def test_a_check_that_crashes_is_named_in_the_file_entry_and_the_summary(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "zz_crash.py").write_text(_CRASHING_RULE, encoding="utf-8")
    (tmp_path / "c.md").write_text("She left.. He stayed.\n", encoding="utf-8")
    script = (
        f"import sys, ficlint.rules as r, ficlint.rules.codes as c; r.__path__.append({str(rules)!r}); "
        "c.RULES['M998'] = 'zz_crash'; from ficlint.cli import main; "
        "sys.argv = ['ficlint', 'check', '--no-cache', '--format', 'json', '--select', 'M', 'c.md']; main()"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env={"NO_COLOR": "1", "PATH": ""}, timeout=120)
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    entry = report["files"][0]
    assert "M001" in [d["rule"] for d in entry["diagnostics"]]  # the other checks' findings are kept
    assert len(entry["failures"]) == 1 and "M998" in entry["failures"][0] and "boom" in entry["failures"][0]
    assert report["summary"]["failures"] == 1 and report["summary"]["errors"] == 0
    assert "internal error" in proc.stderr and "Traceback" not in proc.stderr


def test_a_clean_run_reports_no_failures(tmp_path):
    report = lint_json(tmp_path, "She left.\n", "--select", "M")
    assert "failures" not in report["files"][0]
    assert report["summary"]["failures"] == 0
