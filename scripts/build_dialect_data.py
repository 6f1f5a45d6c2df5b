#!/usr/bin/env python3
"""Build ficlint/data/dialect-variants.json.gz, the British/American spelling
pairs of the dialect rules (ficlint/rules/dialect/_variants.py).

Source: the spelling tables of the PyPI package `breame`
(breame/data/spelling_constants.py, BRITISH_ENGLISH_SPELLINGS: about 1,700
British spellings with their American counterparts; Apache-2.0). Only this
build step needs breame (`pip install breame`, in the `test` extra so the test
suite can check that the compiled file is current); ficlint reads the small
compiled file and has no run-time dependency on it.

The hand-kept rules/data/dialect-exceptions.yaml corrects the source: pairs to
drop (different words, both standard, wrong pairs), spellings that are standard
in both dialects (neutral), and a few pairs the source lacks.

Each pair is classed by the pattern that separates its spellings, so the check
can judge consistency pattern by pattern (a writer who keeps "theatre" and
"travelling" but writes "color" is following a period American style, not
mixing dialects) and so Oxford spelling (-ize with British -our/-re) works.

Output (gzipped JSON, deterministic):
    {"source": "breame 0.1.2",
     "pairs": [[british, american, class, family], ...],
        # class: our, ise, yse, re, ll, ce, ogue, ae, oe, other; family: what differs and where (colo|u|)
     "neutral": [spelling, ...]}

    python scripts/build_dialect_data.py [--out ficlint/data/dialect-variants.json.gz]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ficlint" / "data" / "dialect-variants.json.gz"
EXCEPTIONS = ROOT / "rules" / "data" / "dialect-exceptions.yaml"
PLAIN = re.compile(r"^[a-z]+$")

# (class, British piece, American piece): one substitution turns the British
# spelling into the American one. Order matters: the first that fits wins.
PATTERNS = (
    ("our", "our", "or"),
    ("ise", "is", "iz"),
    ("yse", "ys", "yz"),
    ("re", "re", "er"),
    ("ll", "ll", "l"),
    ("ll", "l", "ll"),
    ("ce", "ce", "se"),
    ("ce", "se", "ce"),
    ("ogue", "ogue", "og"),
    ("ae", "ae", "e"),
    ("oe", "oe", "e"),
)


def classify(british: str, american: str) -> str:
    for name, gb, us in PATTERNS:
        for m in re.finditer(gb, british):
            if british[:m.start()] + us + british[m.end():] == american:
                return name
    return "other"


def family(british: str, american: str) -> str:
    """What differs and where: "mo|u|" for mould/mold, moulding/molding, mouldy/moldy. Shipped
    with each pair so the check does not work it out for 1,952 pairs at every start."""
    prefix = 0
    while prefix < min(len(british), len(american)) and british[prefix] == american[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < min(len(british), len(american)) - prefix
           and british[-1 - suffix] == american[-1 - suffix]):
        suffix += 1
    british_part = british[prefix:len(british) - suffix]
    american_part = american[prefix:len(american) - suffix]
    return f"{british[:prefix]}|{british_part}|{american_part}"


def source_pairs() -> dict[str, str]:
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return {gb: us for gb, us in BRITISH_ENGLISH_SPELLINGS.items() if PLAIN.match(gb) and PLAIN.match(us)}


def derived_pairs(pairs: dict[str, str]) -> dict[str, str]:
    """Nouns in -isation the source lists only as verbs (civilise -> civilisation)."""
    out = {}
    for gb, us in pairs.items():
        if gb.endswith("ise") and us.endswith("ize"):
            noun_gb, noun_us = gb[:-1] + "ation", us[:-1] + "ation"
            if noun_gb not in pairs:
                out[noun_gb] = noun_us
                out[noun_gb + "s"] = noun_us + "s"
    return out


def build() -> dict[str, object]:
    exceptions = yaml.safe_load(EXCEPTIONS.read_text(encoding="utf-8"))
    drop = set(exceptions.get("drop", []))
    neutral = set(exceptions.get("neutral", [])) | set(exceptions.get("neutral_added", []))
    pairs = source_pairs()
    pairs.update(derived_pairs(pairs))
    pairs.update({gb: us for gb, us in exceptions.get("add", [])})
    kept = sorted((gb, us) for gb, us in pairs.items() if gb not in drop and us not in drop and gb != us)
    forms = {w for pair in kept for w in pair}
    unknown = sorted(neutral - forms)
    if unknown:
        raise SystemExit(f"dialect-exceptions.yaml: neutral spellings that are in no pair: {unknown}")
    return {
        "source": f"breame {version('breame')}",
        "pairs": [[gb, us, classify(gb, us), family(gb, us)] for gb, us in kept],
        "neutral": sorted(neutral),
    }


def write(data: dict[str, object], out: Path) -> None:
    raw = json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with out.open("wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
        gz.write(raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build()
    write(data, args.out)
    pairs, neutral = len(data["pairs"]), len(data["neutral"])
    print(f"{args.out}: {pairs} pairs, {neutral} neutral spellings ({data['source']})")


if __name__ == "__main__":
    main()
