"""Shipped data loads as PyYAML would load it, only faster."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import modules_at_exit

from ficlint.resources import (
    COMPILED_DATA,
    SafeLoader,
    compiled_data,
    compiled_yaml,
    data_dir,
    load_data,
    load_yaml,
    rules_dir,
    source_digest,
    yaml_text,
)

ROOT = Path(__file__).resolve().parent.parent


def _same(a: object, b: object) -> bool:
    """Equal, with the same types all the way down (True == 1, but a flag is not a count)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    return a == b


@pytest.mark.parametrize("path", sorted(rules_dir().glob("**/*.yaml")), ids=lambda p: p.name)
def test_every_shipped_data_file_loads_as_pyyaml_loads_it(path):
    raw = path.read_text(encoding="utf-8")
    assert _same(load_yaml(raw), yaml.load(raw, Loader=SafeLoader))  # noqa: S506 - a safe loader


def test_numbers_flags_aliases_merges_and_tags_load_as_pyyaml_loads_them():
    raw = """
a: &x {k: [1, 2.5, true, null, ~, '3', 2001-12-14, 0x1f, .inf, "yes", yes]}
b: *x
c: {<<: *x, z: 1}
d: !!set {p, q}
e: [*x, *x]
f: |
  block
  text
1: one
"""
    loaded = load_yaml(raw)
    assert _same(loaded, yaml.load(raw, Loader=SafeLoader))  # noqa: S506 - a safe loader
    assert loaded["b"] is loaded["a"] and loaded["e"][0] is loaded["e"][1]


@pytest.mark.parametrize("raw", ["? [complex, key]\n: 1\n", "a: [1\n", "x: *nope\n"])
def test_bad_yaml_fails_as_pyyaml_fails(raw):
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.load(raw, Loader=SafeLoader)  # noqa: S506 - a safe loader
    with pytest.raises(yaml.YAMLError) as found:
        load_yaml(raw)
    assert str(found.value) == str(expected.value)


# -- the compiled form of rules/data/*.yaml (ficlint/data/rules-data.json) ------------------------

DATA_FILES = sorted((rules_dir() / "data").glob("*.yaml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_file_is_compiled_from_its_yaml_as_it_is_now(path):
    """Fails when a data file was edited and scripts/build_rules_data.py not run again (the run would
    still be right, reading the YAML, only slower)."""
    raw = path.read_bytes()
    entry = compiled_data().get(path.stem)
    assert entry is not None, "run: python scripts/build_rules_data.py"
    assert entry["source"] == source_digest(raw), "run: python scripts/build_rules_data.py"
    assert _same(entry["data"], load_yaml(yaml_text(raw)))
    assert _same(load_data(path.stem), yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader))  # noqa: S506


def test_the_compiled_data_is_what_the_build_script_writes_byte_for_byte():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_rules_data
    finally:
        sys.path.pop(0)
    shipped = (data_dir() / COMPILED_DATA).read_text(encoding="utf-8")
    assert shipped == build_rules_data.compiled(), "run: python scripts/build_rules_data.py"


@pytest.mark.parametrize("path", DATA_FILES[:3], ids=lambda p: p.name)
def test_an_edited_data_file_no_longer_matches_its_compiled_entry(path):
    raw = path.read_bytes()
    edited = raw.replace(b"\n", b"\n# an edit\n", 1)
    assert source_digest(edited) != compiled_data()[path.stem]["source"]
    assert source_digest(raw.replace(b"a", b"b", 1)) != compiled_data()[path.stem]["source"]


def test_line_ends_are_read_as_a_text_mode_file_reads_them():
    assert yaml_text(b"a: 1\r\nb: [x,\r y]\r\n") == "a: 1\nb: [x,\n y]\n"


@pytest.mark.parametrize("path", DATA_FILES[:3], ids=lambda p: p.name)
def test_a_checkout_with_crlf_line_ends_reads_the_same_compiled_entry(path):
    raw = path.read_bytes()
    crlf = raw.replace(b"\n", b"\r\n")
    assert source_digest(crlf) == source_digest(raw) == compiled_data()[path.stem]["source"]
    assert _same(load_yaml(yaml_text(crlf)), compiled_data()[path.stem]["data"])


# -- shipped packs and glossaries, compiled the same way (read without PyYAML) ---------------------

PACK_FILES = sorted([*rules_dir().glob("*.yaml"), *rules_dir().glob("glossaries/*.yaml")])


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.name)
def test_every_shipped_pack_is_compiled_from_its_yaml_as_it_is_now(path):
    text = path.read_text(encoding="utf-8-sig")
    compiled = compiled_yaml(path, text)
    assert compiled is not None, "run: python scripts/build_rules_data.py"
    assert _same(compiled, yaml.load(text, Loader=SafeLoader))  # noqa: S506 - a safe loader


def test_an_edited_pack_or_a_file_outside_rules_is_parsed_not_read_compiled(tmp_path):
    path = PACK_FILES[0]
    text = path.read_text(encoding="utf-8")
    assert compiled_yaml(path, text + "# an edit\n") is None
    copy = tmp_path / path.name
    copy.write_text(text, encoding="utf-8")
    assert compiled_yaml(copy, text) is None


def test_loading_the_shipped_packs_does_not_import_pyyaml():
    code = ("import sys\n"
            "from ficlint.packs import load_pack\n"
            "from ficlint.resources import rules_dir\n"
            "checks = [c for p in sorted(rules_dir().glob('*.yaml')) for c in load_pack(p)]\n"
            "assert checks\n"
            "print(sorted(m for m in sys.modules if m.startswith('yaml.')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "[]"


def test_a_default_check_of_a_chapter_does_not_import_pyyaml(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("Harry sat beside Hermione in the Gryffindor common room.\n\n"
                       "\"Its late,\" she said.\n", encoding="utf-8")
    done = modules_at_exit(['check', '--no-cache', str(chapter)], "m.startswith('yaml.')", tmp_path)
    assert "in 1 file" in done.stdout  # the check ran
    assert done.stderr.strip().splitlines()[-1] == "[]"


def _lists_of_words_with_a_flag(data: object, where: str = "") -> list[str]:
    """Lists that hold words and also a boolean: YAML reads a bare yes/no/on/off as true/false."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _lists_of_words_with_a_flag(value, f"{where}.{key}")
    elif isinstance(data, list):
        if any(isinstance(x, str) for x in data) and any(isinstance(x, bool) for x in data):
            found.append(where)
        for i, item in enumerate(data):
            found += _lists_of_words_with_a_flag(item, f"{where}[{i}]")
    return found


@pytest.mark.parametrize("path", sorted(rules_dir().glob("**/*.yaml")), ids=lambda p: p.name)
def test_no_word_list_reads_a_bare_yes_no_on_or_off_as_a_boolean(path):
    assert _lists_of_words_with_a_flag(load_yaml(path.read_text(encoding="utf-8"))) == [], \
        'quote the word: "no", "on"'
