#!/usr/bin/env python3
"""compare.py BASE_OUT NEW_OUT [--fixes] [--sets seeds,realfic,written,corpus]
Diff the findings two measure.sh runs kept: added and removed findings by (file, rule, start, end),
with the line around each; --fixes also lists matched findings whose message or fix changed."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    data = json.loads(path.read_text() or "{}")
    out = {}
    for f in data.get("files", []):
        p = os.path.realpath(f["path"])
        for d in f.get("diagnostics", []):
            key = (p, d["rule"], d["start"]["offset"], d["end"]["offset"])
            fixes = [(x["start"]["offset"], x["end"]["offset"], x["replacement"]) for x in d.get("fixes", [])]
            out[key] = (d.get("message", ""), fixes, d.get("start", {}).get("line"))
    return out

def context(path: str, start: int, end: int) -> str:
    text = Path(path).read_bytes().decode("utf-8-sig")
    a, b = max(0, start - 60), min(len(text), end + 60)
    return (text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]).replace("\n", " / ")

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("--fixes", action="store_true")
    ap.add_argument("--sets", default="seeds,realfic,written,corpus")
    a = ap.parse_args()
    for name in a.sets.split(","):
        old, new = load(Path(a.base) / f"{name}.json"), load(Path(a.new) / f"{name}.json")
        added = sorted(set(new) - set(old))
        removed = sorted(set(old) - set(new))
        changed = [k for k in sorted(set(old) & set(new)) if old[k][:2] != new[k][:2]]
        print(f"== {name}: {len(old)} -> {len(new)} findings; +{len(added)} -{len(removed)}"
              + (f" ~{len(changed)} changed" if a.fixes else ""))
        for sign, keys, src in (("+", added, new), ("-", removed, old)):
            for k in keys:
                msg, fixes, line = src[k]
                where = f"{Path(k[0]).parent.name}/{Path(k[0]).name}:{line}"
                print(f"{sign} {where} {k[1]} {context(k[0], k[2], k[3])}")
                print(f"    {msg[:160]} fix={[f[2] for f in fixes]}")
        if a.fixes:
            for k in changed:
                print(f"~ {Path(k[0]).name}:{old[k][2]} {k[1]} {context(k[0], k[2], k[3])}")
                print(f"    old: {old[k][0][:120]} {[f[2] for f in old[k][1]]}")
                print(f"    new: {new[k][0][:120]} {[f[2] for f in new[k][1]]}")

if __name__ == "__main__":
    main()
