""".ficlint.yaml: every key, and errors that name the file, the line and the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from ficlint.config import Config, ConfigError, find_config, load_config
from ficlint.registry import Registry
from ficlint.run import lint_text


def write(tmp_path: Path, text: str, name: str = ".ficlint.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def config_error(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        Registry.for_config(load_config(path))  # rules named in the config are checked once they are known
    return str(info.value)


def test_every_key(tmp_path):
    (tmp_path / "packs").mkdir()
    write(tmp_path / "packs", "rules: []\n", "mine.yaml")
    path = write(
        tmp_path,
        """\
dialect: en-GB
select: [M, punctuation]
extend-select: [P003]
ignore: [M006]
severity:
  M001: error
  doubled-word: off
per-file-ignores:
  "notes/*.md": [spelling]
include: ["*.md"]
exclude: ["drafts/*"]
packs: [packs]
words: [Karen, SouthPaw]
encoding: latin-1
options:
  mechanics: {anything: 1}
languagetool:
  enabled: true
  server: http://localhost:8081
  timeout: 5
""",
    )
    config = load_config(path)
    assert config.dialect == "en-GB"
    assert config.select == ("M", "punctuation") and config.extend_select == ("P003",)
    assert config.ignore == ("M006",)
    assert config.severity == {"M001": "error", "doubled-word": "off"}
    assert config.ignored_for(str(tmp_path / "notes" / "a.md")) == ("spelling",)
    assert config.ignored_for(str(tmp_path / "chapter.md")) == ()
    assert config.excludes(str(tmp_path / "drafts" / "old.md"))
    assert config.packs == ((tmp_path / "packs").resolve(),)
    assert config.words == ("Karen", "SouthPaw") and config.encoding == "latin-1"
    assert config.option("mechanics", "anything") == 1
    assert config.languagetool.enabled and config.languagetool.timeout == 5.0


def test_an_empty_file_is_the_default_config(tmp_path):
    config = load_config(write(tmp_path, ""))
    assert config.dialect == "auto" and config.select == ()


def test_numbers_quoted_as_text_and_a_merge_key_are_fine(tmp_path):
    config = load_config(write(tmp_path, 'words: ["5", Karen]\nseverity: &s {M001: error}\noptions:\n'
                                         "  mechanics: {<<: {a: 1}, b: 2}\n"))
    assert config.words == ("5", "Karen") and config.option("mechanics", "a") == 1


def test_a_duplicate_key_is_one_error_line_from_the_cli(tmp_path):
    write(tmp_path, "words: [Karen]\ndialect: en-GB\nwords: [Derek]\n")
    (tmp_path / "c.md").write_text("She left.\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", "c.md", cwd=tmp_path)
    assert result.code == 2
    assert result.stderr == (f"ficlint: error: {tmp_path / '.ficlint.yaml'}:3: duplicate key 'words' "
                             "(first given on line 1)\n")


def test_unknown_key_names_file_line_and_key(tmp_path):
    message = config_error(tmp_path, "dialect: en-US\ncolour: red\n")
    assert message.startswith(f"{tmp_path / '.ficlint.yaml'}:2: unknown key 'colour'")


def test_unknown_nested_key(tmp_path):
    message = config_error(tmp_path, "languagetool:\n  enabled: true\n  sever: x\n")
    assert ":3: unknown key languagetool.sever" in message


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("dialect: en-XX\n", 1, "'dialect' must be one of auto, en-US, en-GB"),
        ("select: {a: 1}\n", 1, "'select' must be a list of strings"),
        ("\nseverity:\n  M001: loud\n", 3, "'severity.M001' must be one of error, warning, info, hint, off"),
        ("severity: [M001]\n", 1, "'severity' must map rule ids to a severity"),
        ("ignore: [M001, Z999]\n", 1, "'ignore': no rule, rule prefix, name or category 'Z999'"),
        ("select:\n  - M\n  - nonsense\n", 3, "'select': no rule, rule prefix, name or category 'nonsense'"),
        ("severity:\n  Q123: error\n", 2, "'severity': no rule"),
        ("packs: [missing.yaml]\n", 1, "'packs': rule pack 'missing.yaml' does not exist"),
        ("languagetool:\n  timeout: -1\n", 2, "'languagetool.timeout' must be a positive number"),
        ("languagetool: maybe\n", 1, "'languagetool' must be true or false"),
        ("- just\n- a list\n", 1, "the top level must be a mapping"),
        ("dialect: en-US\nencoding: klingon\n", 2, "'encoding': unknown encoding 'klingon'"),
        ("min-confidence: 1.5\n", 1, "'min-confidence' must be a number from 0 to 1"),
        ("words: 5\n", 1, "'words' must be a list of strings, not a number ('5'; put it in quotes"),
        ("words:\n  - Karen\n  - 12.5\n", 3, "'words' must be a list of strings, not a number"),
        ("select: [true]\n", 1, "'select' must be a list of strings, not true or false"),
        ("exclude:\n  -\n", 2, "'exclude' must be a list of strings"),
        ("dialect: en-US\nwords: [Karen]\ndialect: en-GB\n", 3, "duplicate key 'dialect' (first given on"),
        ("severity:\n  M001: error\n  M001: off\n", 3, "duplicate key 'M001' (first given on line 2)"),
        ("languagetool:\n  enabled: true\n  enabled: false\n", 3, "duplicate key 'enabled'"),
        ("options:\n  mechanics:\n    a: 1\n    a: 2\n", 4, "duplicate key 'a' (first given on line 3)"),
        ("min-confidence: high\n", 1, "'min-confidence' must be a number from 0 to 1"),
        ("select: [M\n", 2, "not valid YAML"),
        ("dialect: en-US\n  bad indent: x\n", 2, "not valid YAML"),
    ],
)
def test_bad_values_name_file_line_and_key(tmp_path, text, line, expected):
    message = config_error(tmp_path, text)
    assert message.startswith(f"{tmp_path / '.ficlint.yaml'}:{line}: "), message
    assert expected in message


def test_a_broken_pack_named_by_the_config_is_a_config_error(tmp_path):
    write(tmp_path, "rules:\n  - id: P900\n    kind: shout\n", "bad-pack.yaml")
    message = config_error(tmp_path, "packs: [bad-pack.yaml]\n")
    assert "bad-pack.yaml" in message and "kind must be one of" in message


def test_config_is_found_by_walking_up(tmp_path):
    write(tmp_path, "dialect: en-GB\n")
    deep = tmp_path / "story" / "chapters"
    deep.mkdir(parents=True)
    assert find_config(deep / "one.md") == tmp_path / ".ficlint.yaml"


def test_words_file_next_to_the_config_adds_words(tmp_path):
    write(tmp_path, "words: [Karen]\n")
    (tmp_path / ".ficlint-words.txt").write_text("# names\nSouthPaw\n\nDerek\n", encoding="utf-8")
    assert load_config(tmp_path / ".ficlint.yaml").words == ("Karen", "SouthPaw", "Derek")


def test_severity_override_and_off(tmp_path):
    config = load_config(write(tmp_path, "severity:\n  M001: error\n  M005: off\n"))
    found = lint_text("Stop it.. stop it. He went to the the door.", config)
    assert [(d.rule, str(d.severity)) for d in found if d.rule.startswith("M")] == [("M001", "error")]


def test_severity_by_category_prefix_and_id_most_specific_wins(tmp_path):
    config = load_config(
        write(tmp_path, "severity:\n  punctuation: info\n  M00: hint\n  M001: error\n  M005: off\n")
    )
    found = lint_text("Wait.. what. He went to the the door\n\nNext.", config)
    assert [(d.rule, str(d.severity)) for d in found if d.rule.startswith("M")] == [
        ("M001", "error"),
        ("M006", "hint"),
    ]


def test_per_file_ignores_apply_to_matching_files(tmp_path):
    write(tmp_path, 'per-file-ignores:\n  "notes/*.md": [M001]\n')
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "n.md").write_text("Wait.. what.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("Wait.. what.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--select", "M001", ".", cwd=tmp_path)
    counts = {f["path"]: len(f["diagnostics"]) for f in result.json()["files"]}
    assert counts == {"c.md": 1, str(Path("notes") / "n.md"): 0}


def test_cli_config_error_is_one_line_exit_2(tmp_path):
    write(tmp_path, "dialect: en-US\ncolour: red\n")
    (tmp_path / "c.md").write_text("She left.\n", encoding="utf-8")
    result = run_cli("check", "c.md", cwd=tmp_path)
    assert result.code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and lines[0].startswith("ficlint: error: ")
        and ".ficlint.yaml:2: unknown key" in lines[0]
    )


def test_default_config_object():
    config = Config()
    assert config.include == ("*.md", "*.markdown", "*.txt") and config.encoding == "cp1252"


def _homophone_lines(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if "[H001]" in line]


def test_min_confidence_leaves_out_the_less_certain_findings(tmp_path):
    chapter = tmp_path / "c.md"
    chapter.write_text("Their is no time left.\n\nThat is quiet right, my dear.\n", encoding="utf-8")
    everything = _homophone_lines(run_cli("check", "-q", "--no-cache", "--select", "H001", str(chapter)))
    assert len(everything) == 2
    json_out = run_cli("check", "--no-cache", "--select", "H001", "--format", "json", str(chapter))
    confidences = sorted(d["confidence"] for f in json.loads(json_out.stdout)["files"]
                         for d in f["diagnostics"])
    cut = (confidences[0] + confidences[1]) / 2
    from_cli = _homophone_lines(run_cli("check", "-q", "--no-cache", "--select", "H001",
                                        "--min-confidence", f"{cut:.3f}", str(chapter)))
    write(tmp_path, f"min-confidence: {cut:.3f}\n")
    from_config = _homophone_lines(run_cli("check", "-q", "--no-cache", "--select", "H001", str(chapter)))
    assert len(from_cli) == 1 and from_cli == from_config
    assert from_cli[0] in everything


def test_min_confidence_keeps_findings_that_report_no_confidence(tmp_path):
    chapter = tmp_path / "c.md"
    chapter.write_text("She had alot to say.. to them.\n", encoding="utf-8")
    result = run_cli("check", "-q", "--no-cache", "--select", "P001,M001", "--min-confidence", "1",
                     str(chapter))
    found = [line.split()[1] for line in result.stdout.splitlines() if ":1:" in line]
    assert found == ["warning[P001]", "warning[M001]"]
