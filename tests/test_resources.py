"""Shipped data loads as PyYAML would load it, only faster."""

from __future__ import annotations

import pytest
import yaml

from ficlint.resources import SafeLoader, load_yaml, rules_dir


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
