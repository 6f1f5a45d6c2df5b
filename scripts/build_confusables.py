#!/usr/bin/env python3
"""Build rules/data/confusables-inflected.yaml: the inflected confusion sets and every member's word classes.

    pip install lemminflect        # build time only; ficlint never imports it
    python scripts/build_confusables.py [--out rules/data/confusables-inflected.yaml]
        [--treebank ../shared/training/ud-ewt/train.conllu.xz]

Reads the hand-written sets of rules/data/confusables.yaml. For every set marked
`inflect: true` it makes the sets of the members' regular inflected forms, one
per Penn tag (NNS, VBZ, VBD, VBN, VBG), from lemminflect's inflection tables:
reign/rein/rain -> reigns/reins/rains, reigned/reined/rained,
reigning/reining/raining. A form counts only when it is regular (the lemma plus
-s, -es, -ed, -d, -ing, with the usual spelling changes: a doubled consonant, a
dropped e, y -> ie), so "bore" (past of "bear") is never paired with "bared";
only when ficlint's dictionary knows it (no "safed"); and only when at least
two members have one. A set the hand-written data already has is not repeated.
Each form's gloss is made from its lemma's: `past of "rein" (a strap to steer
a horse)`.

It also writes `classes`: the Penn tags every member (hand-written and
inflected) can have, from lemminflect's tables and the Universal Dependencies
English Web Treebank (a tag seen for at least 5% of a word's uses, at least
twice), or as the data file's own `classes` give them (contractions, which the
treebank splits), so the slot constraints (ficlint/analysis/slots.py) know that "led" is
never a base verb and "which" never a noun.

Deterministic: sets in the data file's order, tags in a fixed order, sorted
keys; the same inputs give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import lzma
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCE = ROOT / "rules" / "data" / "confusables.yaml"
OUT = ROOT / "rules" / "data" / "confusables-inflected.yaml"
TREEBANK = ROOT.parent / "shared" / "training" / "ud-ewt" / "train.conllu.xz"
DICTIONARY = ROOT / "ficlint" / "data" / "english-words.txt"
SET_KEYS = ("inflect", "rare", "before_vowel", "margin")
# One set per group of tags: a plural and an -s form are written alike ("reins"), and so are a
# regular past and participle ("reined").
TAG_GROUPS = (("NNS", "VBZ"), ("VBD", "VBN"), ("VBG",))
WORD_TAGS = ("NN", "NNS", "NNP", "VB", "VBP", "VBZ", "VBD", "VBN", "VBG", "JJ", "JJR", "JJS", "RB", "RBR",
             "DT", "PDT", "PRP", "PRP$", "WDT", "WP", "WP$", "WRB", "IN", "TO", "CC", "MD", "CD", "UH", "RP",
             "EX", "POS")
TREEBANK_SHARE = 0.05


def regular(lemma: str, form: str, tag: str) -> bool:
    """Is `form` the regular `tag` inflection of `lemma`?"""
    stem_e = lemma[:-1] if lemma.endswith("e") else lemma
    doubled = lemma + lemma[-1]
    if tag in ("NNS", "VBZ"):
        return form in (lemma + "s", lemma + "es", lemma[:-1] + "ies")
    if tag in ("VBD", "VBN"):
        return form in (lemma + "ed", lemma + "d", lemma[:-1] + "ied", doubled + "ed")
    return form in (lemma + "ing", stem_e + "ing", doubled + "ing", lemma[:-2] + "ying")


def inflections(lemma: str, tag: str) -> list[str]:
    """The regular `tag` forms lemminflect's tables give `lemma` (VBN falls back on VBD)."""
    from lemminflect import getAllInflections

    upos = "NOUN" if tag == "NNS" else "VERB"
    table = getAllInflections(lemma, upos=upos)
    forms = table.get(tag) or (table.get("VBD") if tag == "VBN" else None) or ()
    return [f for f in forms if regular(lemma, f, tag)]


def describe(tag: str, lemma: str, gloss: str, both: bool) -> str:
    """The gloss of an inflected form; `both`: it is a plural and an -s form of a verb."""
    if both:
        what = f"plural of \"{lemma}\", or \"{lemma}\" + -s"
    elif tag == "NNS":
        what = f"plural of \"{lemma}\""
    elif tag == "VBZ":
        what = f"\"{lemma}\" + -s"
    elif tag in ("VBD", "VBN"):
        what = f"past of \"{lemma}\""
    else:
        what = f"\"{lemma}\" + -ing"
    return f"{what} ({gloss})"


def inflected_sets(sets: list[dict], known: set[str]) -> list[dict[str, str]]:
    existing = {frozenset(k for k in s if k not in SET_KEYS) for s in sets}
    made: list[dict[str, str]] = []
    for entry in sets:
        if not entry.get("inflect"):
            continue
        members = [k for k in entry if k not in SET_KEYS]
        for group in TAG_GROUPS:
            forms: dict[str, str] = {}
            for member in members:
                for tag in group:
                    found = [f for f in inflections(member, tag) if f in known and f not in forms]
                    if found:
                        plural = found[0] in inflections(member, "NNS")
                        third = found[0] in inflections(member, "VBZ")
                        forms[found[0]] = describe(tag, member, entry[member], plural and third)
                        break
            key = frozenset(forms)
            if len(forms) >= 2 and key not in existing:
                existing.add(key)
                made.append(forms)
    return made


def treebank_tags(path: Path) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = defaultdict(Counter)
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                found[cols[1].lower().replace("’", "'")][cols[4]] += 1
    return found


def lexicon_tags(word: str) -> set[str]:
    from lemminflect import getAllInflections, getAllLemmas

    tags: set[str] = set()
    for upos, lemmas in getAllLemmas(word).items():
        for lemma in lemmas:
            for tag, forms in getAllInflections(lemma, upos=upos).items():
                if word in forms:
                    tags.add(tag)
            if upos == "VERB" and word in getAllInflections(lemma, upos="VERB").get("VBD", ()) and \
                    "VBN" not in getAllInflections(lemma, upos="VERB"):
                tags.add("VBN")  # lemminflect leaves out a participle that is the past form
            if upos == "ADJ" and word == lemma:
                tags.add("JJ")
            if upos == "ADV" and word == lemma:
                tags.add("RB")
    return tags


def word_classes(words: list[str], treebank: dict[str, Counter[str]],
                 given: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each word's tags; `given` (the data file's `classes`) wins for the words it names."""
    classes: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if word in given:
            classes[word] = list(given[word])
            continue
        tags = lexicon_tags(word)
        seen = treebank.get(word, Counter())
        total = sum(seen.values())
        tags |= {t for t, n in seen.items() if n >= 2 and n >= TREEBANK_SHARE * total}
        ordered = [t for t in WORD_TAGS if t in tags]
        if ordered:
            classes[word] = ordered
    return classes


def render(made: list[dict[str, str]], classes: dict[str, list[str]]) -> str:
    lines = ["# Generated by scripts/build_confusables.py from rules/data/confusables.yaml (sets marked",
             "# `inflect: true`), lemminflect's inflection tables and the UD English Web Treebank.",
             "# Do not edit: change confusables.yaml and run the script again.",
             "",
             "sets:"]
    for forms in made:
        pairs = ", ".join(f"{_quote(w)}: {_quote(g)}" for w, g in forms.items())
        lines.append(f"  - {{{pairs}}}")
    lines += ["", "# The Penn tags each member can have (for the slot constraints).", "classes:"]
    for word, tags in classes.items():
        lines.append(f"  {_quote(word)}: [{', '.join(_quote(t) for t in tags)}]")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--treebank", type=Path, default=TREEBANK)
    args = parser.parse_args(argv)
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    sets = data["sets"]
    known = set(DICTIONARY.read_text(encoding="utf-8").split())
    made = inflected_sets(sets, known)
    members = [k for s in sets for k in s if k not in SET_KEYS] + [w for forms in made for w in forms]
    classes = word_classes(members, treebank_tags(args.treebank), data.get("classes", {}))
    text = render(made, classes)
    assert yaml.safe_load(text)["sets"] == made, "the rendered YAML must read back as built"
    args.out.write_text(text, encoding="utf-8")
    print(f"{len(made)} inflected sets, classes of {len(classes)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
