#!/usr/bin/env python3
"""Build ficlint/data/rules-data.json, the compiled form of the YAML data files in rules/data/
and of the packs and glossaries shipped in rules/.

Every run reads a dozen of those files; parsing them as YAML costs ~35 ms of CPU, reading the same
objects from one JSON file ~2 ms. `ficlint.resources.load_data` reads a file's compiled entry only
while the YAML file still has the length and CRC-32 recorded with it, and parses the YAML otherwise,
so an edit is never read stale; tests/test_resources.py fails until this script is run again.
The shipped packs (rules/*.yaml) and glossaries (rules/glossaries/*.yaml) are compiled the same way,
named by their path under rules/ (`ficlint.resources.compiled_yaml`), so that a run without a
config file or a user's pack never imports PyYAML (~25 ms).

Output (UTF-8 JSON, deterministic: files by name, keys in the YAML's order):
    {"<name> or <path under rules/>": {"source": "<length>:<crc32>", "data": <objects load_yaml gives>}, ...}
A file whose objects JSON cannot carry exactly (keys that are not strings, sets, dates) is left out
and read from its YAML.

    python scripts/build_rules_data.py [--check]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ficlint.resources import COMPILED_DATA, data_dir, load_yaml, rules_dir, source_digest, yaml_text  # noqa: E402


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types all the way down (True == 1, but a flag is not a count)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def compiled() -> str:
    """The text of rules-data.json for the YAML files in rules/data/ now."""
    entries: dict[str, Any] = {}
    data_files = sorted((rules_dir() / "data").glob("*.yaml"))
    packs = sorted([*rules_dir().glob("*.yaml"), *rules_dir().glob("glossaries/*.yaml")])
    names = [path.stem for path in data_files] + [path.relative_to(rules_dir()).as_posix() for path in packs]
    for name, path in zip(names, data_files + packs, strict=True):
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            continue  # a byte-order mark: packs are read as utf-8-sig, data files are not
        data = load_yaml(yaml_text(raw))
        try:
            carried = json.loads(json.dumps(data))
        except (TypeError, ValueError):
            continue
        if same(carried, data):
            entries[name] = {"source": source_digest(raw), "data": data}
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped file is not current")
    args = parser.parse_args()
    out = data_dir() / COMPILED_DATA
    text = compiled()
    if args.check:
        current = out.is_file() and out.read_text(encoding="utf-8") == text
        print(f"{out}: {'current' if current else 'out of date: run scripts/build_rules_data.py'}")
        return 0 if current else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(json.loads(text))} files, {out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
