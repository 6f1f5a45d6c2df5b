#!/usr/bin/env python3
"""diffruns.py OLD.json NEW.json [--show] : what changed between two `ficlint check --format json`
runs of the same texts: findings added and removed per rule (matched by file, rule and span) and
findings whose message or fix changed; with --show, every added and removed finding with its context,
one tab-separated line each."""

import argparse
import collections
import json
from pathlib import Path

Key = tuple[str, str, int, int]


def findings(path: str) -> dict[Key, dict]:
    with open(path, encoding="utf-8") as fh:
        run = json.load(fh)
    return {
        (f["path"], d["rule"], d["start"]["offset"], d["end"]["offset"]): d
        for f in run["files"]
        for d in f["diagnostics"]
    }


def context(key: Key) -> str:
    text = Path(key[0]).read_text(encoding="utf-8")
    start, end = key[2], key[3]
    before, after = text[max(0, start - 150):start], text[end:end + 100]
    return (before + "[[" + text[start:end] + "]]" + after).replace("\n", " / ")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    old, new = findings(args.old), findings(args.new)
    added = sorted(k for k in new if k not in old)
    removed = sorted(k for k in old if k not in new)
    changed = [k for k in new if k in old and (old[k]["message"], old[k].get("fixes")) != (new[k]["message"],
                                                                                          new[k].get("fixes"))]
    print(f"{len(old)} -> {len(new)} findings")
    for name, keys in (("added", added), ("removed", removed), ("message or fix changed", changed)):
        print(name, dict(collections.Counter(k[1] for k in keys)))
    if args.show:
        for tag, keys, run in (("ADDED", added, new), ("REMOVED", removed, old)):
            for k in keys:
                print(f"{tag}\t{Path(k[0]).name}\t{k[1]}\t{context(k)}\t{run[k]['message'][:150]}")


if __name__ == "__main__":
    main()
