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
     "modifiers": [word forms that are also an adjective or adverb, ...],
     "variants": [[base, [past, ...], [participle, ...]], ...],
     "comparison": [[adjective, [comparative, ...], [superlative, ...]], ...],
     "ing": {base: present participle, ...}}

`verbs` holds each verb's first (commonest) form of each kind; `variants` every form
the table accepts, for the verbs that have more than one past or a participle unlike
their past ("dreamed/dreamt", "hid"/"hidden"): what the grammar rules need to tell
"had hidden" from "had hid". `comparison` gives the adjectives compared with -er and
-est ("clear, clearer, clearest"), for "more clearer".

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


def variant_rows() -> list[list[object]]:
    """[base, pasts, participles] of the verbs with more than one form of a kind, or a
    participle unlike the past."""
    variants: list[list[object]] = []
    for row in read_rows("infl_lu.csv.gz"):
        if len(row) < 6 or row[1] != "verb" or not PLAIN.match(row[0]) or row[0] in SPECIAL:
            continue
        pasts = [f for f in row[2].split("/") if PLAIN.match(f)]
        participles = [f for f in (row[3] or row[2]).split("/") if PLAIN.match(f)]
        if pasts and participles and (len(pasts) > 1 or len(participles) > 1 or pasts != participles):
            variants.append([row[0], pasts, participles])
    return sorted(variants)


def ing_forms() -> dict[str, str]:
    """The -ing form of every verb ("travel" -> "traveling", "lie" -> "lying")."""
    forms: dict[str, str] = {}
    for row in read_rows("infl_lu.csv.gz"):
        if len(row) >= 6 and row[1] == "verb" and PLAIN.match(row[0]) and row[0] not in SPECIAL:
            first = row[4].split("/")[0]
            if PLAIN.match(first):
                forms[row[0]] = first
    return dict(sorted(forms.items()))


def comparison_rows() -> list[list[object]]:
    """[adjective, comparatives, superlatives] of the adjectives compared with -er and -est."""
    compared: list[list[object]] = []
    for row in read_rows("infl_lu.csv.gz"):
        if len(row) < 4 or row[1] != "adj" or not PLAIN.match(row[0]) or not row[2]:
            continue
        comparatives = [f for f in row[2].split("/") if PLAIN.match(f)]
        superlatives = [f for f in row[3].split("/") if PLAIN.match(f)]
        if comparatives and superlatives:
            compared.append([row[0], comparatives, superlatives])
    return sorted(compared)


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
        "variants": variant_rows(),
        "comparison": comparison_rows(),
        "ing": ing_forms(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, separators=(",", ":")).encode("utf-8")
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(payload)  # no time stamp, no name: the same bytes every build
    print(f"{args.out}: {len(verbs)} verbs, {len(data['other'])} forms that are also other parts of speech")


if __name__ == "__main__":
    main()
