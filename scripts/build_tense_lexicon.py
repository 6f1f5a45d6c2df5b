#!/usr/bin/env python3
"""Build ficlint/data/tense-lexicon.json.gz, the verb lexicon of the tense check.

Source: the English inflection and lemma tables that ship inside the PyPI
package `lemminflect` (resources/infl_lu.csv.gz, resources/lemma_lu.csv.gz;
MIT licence). Only this build step needs lemminflect (`pip install
lemminflect`); ficlint itself reads the small compiled file and has no
run-time dependency on it.

Output (gzipped JSON):
    {"verbs": [[base, past, participle, third_singular], ...],
     "other": [word forms that are also a noun, adjective or adverb, ...],
     "modifiers": [word forms that are also an adjective or adverb, ...]}

The lemma table says which forms are also something other than a verb
("walks" the noun, "left" the adjective), so the check can demand stronger
context before it calls such a word a finite verb.

    python scripts/build_tense_lexicon.py [--out ficlint/data/tense-lexicon.json.gz]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ficlint" / "data" / "tense-lexicon.json.gz"
PLAIN = re.compile(r"^[a-z]+$")
SPECIAL = {"be", "have", "do"}  # handled by the check's own table of auxiliaries


def resources() -> Path:
    import lemminflect

    return Path(lemminflect.__file__).resolve().parent / "resources"


def read_rows(name: str) -> list[list[str]]:
    with gzip.open(resources() / name, "rt", encoding="utf-8") as fh:
        return list(csv.reader(io.StringIO(fh.read())))


def verb_rows() -> list[list[str]]:
    verbs = []
    for row in read_rows("infl_lu.csv.gz"):
        if len(row) < 6 or row[1] != "verb" or not PLAIN.match(row[0]) or row[0] in SPECIAL:
            continue
        base, past, participle, _, third = row[0], row[2], row[3] or row[2], row[4], row[5]
        first = [form.split("/")[0] for form in (past, participle, third)]
        if all(PLAIN.match(f) for f in first):
            verbs.append([base, *first])
    return sorted(verbs)


def other_forms(verb_forms: set[str], kinds: tuple[str, ...]) -> list[str]:
    """Verb forms that the lemma table also lists as one of `kinds` (noun, adj, adv)."""
    other = set()
    for row in read_rows("lemma_lu.csv.gz"):
        if len(row) >= 2 and row[0] in verb_forms and row[1] in kinds:
            other.add(row[0])
    return sorted(other)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    verbs = verb_rows()
    forms = {form for row in verbs for form in row}
    data = {
        "source": "lemminflect 0.2.3 (MIT), resources/infl_lu.csv.gz + lemma_lu.csv.gz",
        "verbs": verbs,
        "other": other_forms(forms, ("noun", "adj", "adv")),
        "modifiers": other_forms(forms, ("adj", "adv")),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))
    print(f"{args.out}: {len(verbs)} verbs, {len(data['other'])} forms that are also other parts of speech")


if __name__ == "__main__":
    main()
