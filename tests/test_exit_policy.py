"""Which findings fail a check (exit status 1): `fail-on` in the config or `--fail-on`, `--exit-zero`,
and the severity every finding shows, through the real command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli

SLIP = "She left.. He stayed.\n"  # M001, a warning
LOWERCASE_I = "Then i left the room.\n"  # M003, an error
# What a `-q` line is, documented in the README ("Usage").
QUIET_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info|hint)"
                        r"\[(?P<rule>[^\]]+)\] \[(?P<category>[a-z]+)\] (?P<message>.+)$")


def story(folder: Path, config: str = "", **chapters: str) -> Path:
    if config:
        (folder / ".ficlint.yaml").write_text(config, encoding="utf-8")
    for name, text in (chapters or {"slip": SLIP}).items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def test_quiet_lines_show_the_severity_and_parse(tmp_path):
    story(tmp_path, slip=SLIP, lower=LOWERCASE_I)
    result = run_cli("check", "-q", "--select", "M001,M003", ".", cwd=tmp_path)
    found = [QUIET_LINE.match(line) for line in result.stdout.splitlines()[:-2]]  # then the summary lines
    assert all(found), result.stdout
    assert [(m["path"], m["severity"], m["rule"], m["category"]) for m in found if m] == [
        ("lower.md", "error", "M003", "capitalization"), ("slip.md", "warning", "M001", "punctuation")]


def test_info_findings_are_shown_but_do_not_fail_by_default(tmp_path):
    story(tmp_path, "select: [M001]\nseverity: {M001: info}\n")
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 0, result.stdout
    assert "slip.md:1:9: info[M001] [punctuation]" in result.stdout
    assert "\n1 finding in 1 file; none fails the check.\n" in result.stdout


@pytest.mark.parametrize(("config", "args", "code"), [
    ("fail-on: info\n", [], 1),  # asked for in the config
    ("", ["--fail-on", "info"], 1),  # or on the command line
    ("fail-on: info\n", ["--fail-on", "warning"], 0),  # the command line wins
    ("fail-on: hint\n", [], 1),
])
def test_fail_on_makes_info_findings_fail(tmp_path, config, args, code):
    story(tmp_path, "select: [M001]\nseverity: {M001: info}\n" + config)
    assert run_cli("check", *args, ".", cwd=tmp_path).code == code


def test_fail_on_error_lets_warnings_pass_and_errors_fail(tmp_path):
    story(tmp_path, "select: [M001, M003]\nfail-on: error\n", slip=SLIP)
    warned = run_cli("check", ".", cwd=tmp_path)
    assert warned.code == 0 and "warning[M001]" in warned.stdout
    (tmp_path / "lower.md").write_text(LOWERCASE_I, encoding="utf-8")
    failed = run_cli("check", ".", cwd=tmp_path)
    assert failed.code == 1
    assert "\n2 findings in 2 files; 1 fails the check.\n" in failed.stdout


def test_each_manuscript_keeps_its_own_fail_on(tmp_path):
    strict, relaxed = tmp_path / "strict", tmp_path / "relaxed"
    strict.mkdir()
    relaxed.mkdir()
    story(strict, "select: [M001]\nseverity: {M001: info}\nfail-on: info\n")
    story(relaxed, "select: [M001]\nseverity: {M001: info}\n")
    assert run_cli("check", "relaxed", cwd=tmp_path).code == 0
    assert run_cli("check", "relaxed", "strict", cwd=tmp_path).code == 1


def test_exit_zero_passes_findings_but_not_errors(tmp_path):
    story(tmp_path, "select: [M001]\n")
    passed = run_cli("check", "--exit-zero", ".", cwd=tmp_path)
    assert passed.code == 0 and "warning[M001]" in passed.stdout
    (tmp_path / "cover.md").write_bytes(b"\x00\x01PNG\x00\x00\x00")
    assert run_cli("check", "--exit-zero", ".", cwd=tmp_path).code == 2  # a file that cannot be read
    diff = run_cli("check", "--exit-zero", "--diff", "slip.md", cwd=tmp_path)
    assert diff.code == 0 and "+She left... He stayed." in diff.stdout


def test_stdin_fix_leaving_only_info_findings_passes(tmp_path):
    story(tmp_path, "select: [M001, H002]\nseverity: {H002: info}\n", slip="")
    result = run_cli("check", "--fix", "-", "--stdin-filename", "slip.md",
                     input="They where happy.. for good.\n", cwd=tmp_path)
    assert result.stdout == "They where happy... for good.\n"  # a homophone's fix is never safe
    assert "slip.md:1:6: info[H002]" in result.stderr
    assert result.code == 0


def test_a_bad_fail_on_is_one_error_line(tmp_path):
    story(tmp_path, "fail-on: loud\n")
    result = run_cli("check", ".", cwd=tmp_path)
    assert result.code == 2
    config = tmp_path / ".ficlint.yaml"
    assert result.stderr == (f"ficlint: error: {config}:1: 'fail-on' must be one of error, warning, info, "
                             "hint, not 'loud'\n")
