"""The command line as a writer uses it: exit codes, stdin, output, `rules`,
`explain`, `init`, and bad input that never shows a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import SEEDS, run_cli

from ficlint.config import load_config

CLEAN = "She left the room. He stayed behind.\n"
SLIP = "She left.. He stayed.\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "slip.md").write_text(SLIP, encoding="utf-8")
    return tmp_path


def no_traceback(result) -> bool:
    return "Traceback" not in result.stderr and "Traceback" not in result.stdout


# -- exit codes ---------------------------------------------------------------------------


def test_exit_0_when_clean(story):
    result = run_cli("check", "clean.md", cwd=story)
    assert result.code == 0
    assert result.stdout == "0 findings in 1 file.\n"


def test_exit_1_with_findings_and_annotated_output(story):
    result = run_cli("check", "--select", "M001", "slip.md", cwd=story)
    assert result.code == 1
    assert result.stdout == textwrap.dedent("""\
        slip.md:1:9: warning[M001] [punctuation] Two dots: an ellipsis has three ("...").
          |
        1 | She left.. He stayed.
          |         ^^
          = help: replace ".." with "..."

        1 finding in 1 file.
        1 fixable with `--fix`.
        """)


def test_exit_2_for_usage_errors(story):
    for args in (
        ["check", "--format", "yaml", "slip.md"],
        ["check", "--select", "Z999", "slip.md"],
        ["nonsense"],
        ["check", "--config", "missing.yaml", "slip.md"],
    ):
        result = run_cli(*args, cwd=story)
        assert result.code == 2, args
        assert no_traceback(result)


def test_exit_2_when_a_file_cannot_be_read_but_others_are_still_checked(story):
    result = run_cli("check", "--select", "M001", "slip.md", "missing.md", cwd=story)
    assert result.code == 2
    assert "missing.md: no such file" in result.stdout
    assert "slip.md:1:9: warning[M001]" in result.stdout
    assert "1 file could not be read" in result.stdout


def test_checking_the_current_folder_by_default(story):
    result = run_cli("check", "--select", "M001", "-q", cwd=story)
    assert result.code == 1
    assert result.stdout.splitlines()[0].startswith("slip.md:1:9: warning[M001]")


# -- selection and output options ---------------------------------------------------------


@pytest.mark.parametrize("selector", ["M001", "M00", "two-dot-ellipsis", "punctuation", "m001"])
def test_select_by_id_prefix_name_or_category(story, selector):
    result = run_cli("check", "--select", selector, "--format", "json", "slip.md", cwd=story)
    rules = {d["rule"] for f in result.json()["files"] for d in f["diagnostics"]}
    assert "M001" in rules


def test_ignore_and_comma_separated_lists(story):
    result = run_cli("check", "--select", "M001,M005", "--ignore", "two-dot-ellipsis", "slip.md", cwd=story)
    assert result.code == 0


def test_selecting_only_languagetool_rules_while_it_is_off_is_an_error(story):
    result = run_cli("check", "--no-cache", "--select", "LT:FOO", "slip.md", cwd=story)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == (
        "ficlint: error: --select LT:FOO: these are LanguageTool rules and LanguageTool is off, so nothing "
        "would be checked (turn it on with --languagetool, or `languagetool: true` in .ficlint.yaml)\n")


def test_languagetool_rules_beside_ficlint_rules_while_it_is_off_are_a_warning(story):
    result = run_cli("check", "--no-cache", "-q", "--select", "M001,lt-en-a-vs-an", "slip.md", cwd=story)
    assert result.code == 1 and "M001" in result.stdout
    assert result.stderr.startswith("ficlint: warning: lt-en-a-vs-an: LanguageTool rules select nothing "
                                    "while LanguageTool is off")
    ignored = run_cli("check", "--no-cache", "-q", "--ignore", "LT", "slip.md", cwd=story)
    assert ignored.code == 1 and ignored.stderr == ""


def test_quiet_and_statistics(story):
    quiet = run_cli("check", "--select", "M001", "-q", "slip.md", cwd=story)
    assert (
        quiet.stdout.splitlines()[0]
        == 'slip.md:1:9: warning[M001] [punctuation] Two dots: an ellipsis has three ("...").'
    )
    assert "|" not in quiet.stdout
    assert run_cli("check", "-q", "clean.md", cwd=story).stdout == ""
    stats = run_cli("check", "--select", "M001", "--statistics", "slip.md", cwd=story)
    assert "    1  M001   two-dot-ellipsis [punctuation]" in stats.stdout


MIXED = "She left.. He went to the the door\n\nThey where there.\n"  # M001, M005 safe; M006, H002 not


def test_statistics_prints_only_the_counts_and_the_summary(tmp_path):
    (tmp_path / "ch.md").write_text(MIXED, encoding="utf-8")
    stats = run_cli("check", "--no-cache", "--statistics", "ch.md", cwd=tmp_path)
    assert stats.code == 1
    assert stats.stdout == textwrap.dedent("""\
            1  M001   two-dot-ellipsis [punctuation]
            1  M005   doubled-word [grammar]
            1  M006   missing-end-punctuation [punctuation]
            1  H002   homophone-pattern [homophone]

        4 findings in 1 file.
        2 fixable with `--fix` (2 more with `--fix --unsafe-fixes`).
        """)


def test_the_summary_says_how_many_findings_the_fix_flags_would_fix(tmp_path):
    (tmp_path / "ch.md").write_text(MIXED, encoding="utf-8")
    plain = run_cli("check", "--no-cache", "-q", "ch.md", cwd=tmp_path).stdout.splitlines()
    assert plain[-1] == "2 fixable with `--fix` (2 more with `--fix --unsafe-fixes`)."
    unsafe = run_cli("check", "--no-cache", "-q", "--unsafe-fixes", "ch.md", cwd=tmp_path).stdout
    assert unsafe.splitlines()[-1] == "4 fixable with `--fix --unsafe-fixes`."
    only_unsafe = run_cli("check", "--no-cache", "-q", "--select", "H002", "ch.md", cwd=tmp_path).stdout
    assert only_unsafe.splitlines()[-1] == "1 fixable with `--fix --unsafe-fixes`."
    no_fix = run_cli("check", "--no-cache", "--select", "M006", "--fix", "ch.md", cwd=tmp_path)
    assert no_fix.stdout.splitlines()[-1] == "1 fixable with `--fix --unsafe-fixes`."
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    assert run_cli("check", "--no-cache", "clean.md", cwd=tmp_path).stdout == "0 findings in 1 file.\n"


@pytest.mark.parametrize("flags", [["--diff"], ["--diff", "--unsafe-fixes"]])
def test_the_diff_names_the_flags_that_would_apply_it(tmp_path, flags):
    (tmp_path / "ch.md").write_text(MIXED, encoding="utf-8")
    result = run_cli("check", "--no-cache", *flags, "ch.md", cwd=tmp_path)
    apply = " ".join(["--fix", *flags[1:]])
    fixes = 4 if "--unsafe-fixes" in flags else 2
    expected = f"ficlint: {fixes} fixes would be applied to 1 file (run with {apply} to apply).\n"
    assert result.stderr == expected
    assert ("+They were there." in result.stdout) == ("--unsafe-fixes" in flags)
    assert (tmp_path / "ch.md").read_text(encoding="utf-8") == MIXED


def test_no_cache_is_accepted(story):
    assert run_cli("check", "--no-cache", "clean.md", cwd=story).code == 0


def test_colour_only_when_asked_or_on_a_terminal(story):
    plain = run_cli("check", "--select", "M001", "slip.md", cwd=story)
    assert "\x1b[" not in plain.stdout
    forced = run_cli("check", "--select", "M001", "--color", "slip.md", cwd=story)
    assert "\x1b[" in forced.stdout


def test_caret_under_exactly_the_span_after_wide_characters(tmp_path):
    (tmp_path / "w.md").write_text("漢字 she said.. no\n", encoding="utf-8")
    out = run_cli("check", "--select", "M001", "w.md", cwd=tmp_path).stdout.splitlines()
    assert out[2] == "1 | 漢字 she said.. no"
    assert out[3] == "  |              ^^"  # 漢字 take two columns each


# -- stdin -------------------------------------------------------------------------------


def test_stdin_with_dash():
    result = run_cli("check", "--select", "M001", "-", input=SLIP)
    assert result.code == 1
    assert result.stdout.startswith("-:1:9: warning[M001]")


def test_stdin_filename_names_the_text_and_finds_its_config(tmp_path):
    (tmp_path / "story").mkdir()
    (tmp_path / ".ficlint.yaml").write_text("ignore: [M001]\n", encoding="utf-8")
    name = tmp_path / "story" / "ch1.md"
    result = run_cli(
        "check",
        "--format",
        "json",
        "--stdin-filename",
        str(name),
        "-",
        input=SLIP + "\nHe went to the the door.\n",
    )
    (file,) = result.json()["files"]
    assert file["path"] == str(name)
    assert [d["rule"] for d in file["diagnostics"]] == ["M005"]


def test_stdin_binary_and_cp1252():
    binary = run_cli("check", "-", input=b"\x00\x01\x02\x03")
    assert binary.code == 2 and "binary" in binary.stdout and no_traceback(binary)
    word = run_cli(
        "check", "--format", "json", "--select", "M001", "-", input="Caf\u00e9.. “hi”".encode("cp1252")
    )
    (diag,) = word.json()["files"][0]["diagnostics"]
    assert diag["text"] == ".." and diag["start"]["offset"] == 4


def test_stdin_uses_the_configured_encoding(tmp_path):
    (tmp_path / ".ficlint.yaml").write_text("encoding: mac-roman\n", encoding="utf-8")
    result = run_cli(
        "check",
        "--format",
        "json",
        "--select",
        "M004",
        "--stdin-filename",
        "c.txt",
        "-",
        cwd=tmp_path,
        input="She left. café stayed open.".encode("mac-roman"),
    )
    (diag,) = result.json()["files"][0]["diagnostics"]
    assert diag["text"] == "café"  # read as cp1252 it would be "cafŽ"


def test_stdin_cannot_be_mixed_with_paths(story):
    result = run_cli("check", "-", "slip.md", cwd=story, input=SLIP)
    assert result.code == 2 and "stdin" in result.stderr


# -- bad input ------------------------------------------------------------------------------


def test_bad_files_are_reported_one_line_each_and_never_lose_text(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "word.txt").write_bytes("She said “hi”.. café".encode("cp1252"))
    result = run_cli("check", "--format", "json", "--select", "M001", ".", cwd=tmp_path)
    assert result.code == 2 and no_traceback(result)
    files = {f["path"]: f for f in result.json()["files"]}
    assert "binary" in files["binary.txt"]["error"]
    assert files["empty.md"]["diagnostics"] == []
    assert [d["text"] for d in files["word.txt"]["diagnostics"]] == [".."]


def test_folder_with_no_manuscripts(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run_cli("check", str(tmp_path))
    assert result.code == 0 and no_traceback(result)
    assert "no manuscripts" in result.stderr


def test_a_broken_symlink_in_a_folder_is_skipped_with_one_warning(tmp_path):
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "c.md").write_text(SLIP, encoding="utf-8")
    try:
        (tmp_path / "story" / "old.md").symlink_to(tmp_path / "gone.md")
    except OSError:
        pytest.skip("no symlinks here")
    result = run_cli("check", "--no-cache", "--select", "M001", "-q", "story", cwd=tmp_path)
    assert result.code == 1 and no_traceback(result)
    assert result.stdout.splitlines() == [
        f"{Path('story/c.md')}:1:9: warning[M001] [punctuation] Two dots: an ellipsis has three (\"...\").",
        "1 finding in 1 file.",
        "1 fixable with `--fix`.",
    ]
    link, target = Path("story/old.md"), tmp_path / "gone.md"
    assert result.stderr == f"ficlint: warning: {link}: a broken symbolic link (to {target}), skipped\n"
    named = run_cli("check", "--no-cache", "story/old.md", cwd=tmp_path)  # named, it is a missing file
    assert named.code == 2 and "story/old.md: no such file" in named.stdout


def test_a_symlink_loop_in_a_folder_is_walked_once(tmp_path):
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "c.md").write_text(SLIP, encoding="utf-8")
    try:
        (tmp_path / "story" / "loop").symlink_to(tmp_path / "story", target_is_directory=True)
    except OSError:
        pytest.skip("no symlinks here")
    result = run_cli("check", "--select", "M001", "-q", "story", cwd=tmp_path)
    assert result.code == 1 and no_traceback(result)
    assert result.stdout.count("M001") == 1


def test_broken_pack_is_one_line_exit_2(tmp_path):
    (tmp_path / "pack.yaml").write_text(
        "rules:\n  - id: P900\n    kind: substitution\n  swap: [\n", encoding="utf-8"
    )
    (tmp_path / ".ficlint.yaml").write_text("packs: [pack.yaml]\n", encoding="utf-8")
    (tmp_path / "c.md").write_text(CLEAN, encoding="utf-8")
    for args in (["check", "c.md"], ["rules"], ["explain", "M001"]):
        extra = ["--config", ".ficlint.yaml"] if args[0] != "check" else []
        result = run_cli(*args, *extra, cwd=tmp_path)
        assert result.code == 2 and no_traceback(result), args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "pack.yaml" in lines[0] and "not valid YAML" in lines[0]


def test_a_rule_module_that_fails_to_import_is_one_internal_error(tmp_path):
    broken = tmp_path / "rules"
    broken.mkdir()
    (broken / "zz_broken.py").write_text("raise RuntimeError('boom')\n", encoding="utf-8")
    (tmp_path / "slip.md").write_text(SLIP, encoding="utf-8")
    script = (
        f"import sys, ficlint.rules as r, ficlint.rules.codes as c; r.__path__.append({str(broken)!r}); "
        "c.RULES['M999'] = 'zz_broken'; "
        "from ficlint.cli import main; sys.argv = ['ficlint', 'check', '--select', 'M001', 'slip.md']; main()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"NO_COLOR": "1", "PATH": ""},
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() == (
        "ficlint: internal error: rule M999 (zz_broken) could not be loaded: "
        "RuntimeError: boom (please report this)"
    )
    assert "slip.md:1:9: warning[M001]" in proc.stdout  # the other checks still ran


# -- rules, explain, init ------------------------------------------------------------------


def test_rules_lists_every_rule():
    result = run_cli("rules")
    assert result.code == 0
    rows = result.stdout.splitlines()
    assert any(r.startswith("M001    two-dot-ellipsis") and "punctuation" in r for r in rows)
    assert any(r.startswith("P001    run-together-words") for r in rows)
    assert run_cli("rules", "--category", "capitalization").stdout.count("\n") >= 2


def test_rules_markdown_covers_every_registered_rule():
    from ficlint.config import Config
    from ficlint.registry import Registry

    result = run_cli("rules", "--format", "markdown")
    assert result.code == 0 and result.stdout.startswith("# ficlint rules\n")
    for rule in Registry.for_config(Config()).rules.values():
        assert f"\n## {rule.id} {rule.name}\n" in result.stdout
        assert f"| [{rule.id}](#" in result.stdout
        assert rule.flags[0].splitlines()[0] in result.stdout


def test_rules_json():
    import json

    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    m001 = next(r for r in rules if r["id"] == "M001")
    assert set(m001) >= {"id", "name", "category", "severity", "summary", "why", "flags", "allows"}


def test_explain_by_id_or_name():
    for key in ("M005", "doubled-word", "m005"):
        result = run_cli("explain", key)
        assert result.code == 0
        assert result.stdout.startswith("# M005 doubled-word\n")
        assert "## Why it matters" in result.stdout and "She walked to the the door." in result.stdout


def run_on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """Run the CLI with its standard output on a pseudo-terminal, as a writer's shell has it."""
    import os
    import pty

    main, secondary = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen([sys.executable, "-m", "ficlint", *args], stdout=secondary,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env={**full_env, **env})
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert proc.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


D001_ON_A_TERMINAL = """\
D001 speech-tag-after-full-stop
dialogue · default severity: warning · defined in: ficlint/rules/dialogue/d001_speech_tag_after_full_stop.py

What it does
    A speech tag after a full stop inside the quotation (`"Hello." she said`).

Why it matters
    A speech tag is part of the quotation's sentence, so the quotation ends with
    a comma, not a full stop: `"Hello," she said.` A full stop ends the
"""


def test_explain_on_a_terminal_is_plain_text_and_markdown_when_piped():
    plain = run_on_a_terminal("explain", "D001", env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert plain.startswith(D001_ON_A_TERMINAL)
    assert "#" not in plain and "```" not in plain
    assert ("Flagged (and what the fix gives)\n    \"I'll be there.\" she said.\n"
            "  → \"I'll be there,\" she said.\n") in plain
    coloured = run_on_a_terminal("explain", "D001", env={"COLUMNS": "80"})
    assert coloured.startswith("\x1b[1mD001\x1b[0m \x1b[1mspeech-tag-after-full-stop\x1b[0m\n")
    assert '(\x1b[36m"Hello." she said\x1b[0m)' in coloured and "`" not in coloured
    piped = run_cli("explain", "D001")
    assert piped.stdout.startswith("# D001 speech-tag-after-full-stop\n")
    assert run_cli("explain", "D001", "--format", "text").stdout.startswith(D001_ON_A_TERMINAL)
    assert run_cli("explain", "D001", "--format", "json").json()["name"] == "speech-tag-after-full-stop"


def test_explain_unknown_rule_is_one_line_exit_2():
    result = run_cli("explain", "Z999")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == "ficlint: error: unknown rule 'Z999' (see `ficlint rules`)\n"


def test_init_writes_a_valid_commented_config(tmp_path):
    result = run_cli("init", cwd=tmp_path)
    assert result.code == 0
    path = tmp_path / ".ficlint.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ficlint configuration.")
    assert isinstance(yaml.safe_load(text), dict)
    assert load_config(path).dialect == "auto"
    again = run_cli("init", cwd=tmp_path)
    assert again.code == 2 and "already exists" in again.stderr
    assert run_cli("init", "--force", cwd=tmp_path).code == 0


def test_init_into_a_missing_folder_and_rules_of_an_unknown_category(tmp_path):
    result = run_cli("init", str(tmp_path / "missing" / "sub"))
    assert result.code == 2 and result.stderr.startswith("ficlint: error: ") and no_traceback(result)
    assert run_cli("rules", "--category", "vibes").code == 2


def test_version_and_help():
    assert run_cli("--version").stdout.startswith("ficlint, version ")
    assert "check" in run_cli("--help").stdout


def test_seeds_show_annotated_findings():
    result = run_cli("check", "--select", "M", str(SEEDS))
    assert result.code == 1
    assert "000_fc2cc3dfa4e754d1.txt:1:36: error[M003] [capitalization]" in result.stdout
    assert '= help: replace "i" with "I"' in result.stdout
