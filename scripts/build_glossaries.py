#!/usr/bin/env python3
"""Build the Harry Potter glossary (rules/glossaries/harry-potter.yaml) from the fan
fiction of ../shared/training (train split only), byte for byte.

    python scripts/build_glossaries.py [--training ../shared/training] [--check]

How: every work of the train split tagged with a Harry Potter fandom (Harry
Potter, Fantastic Beasts, the Cursed Child) is read once; for every word that no
dictionary knows (in any capitalisation) the script counts the works it appears
in. A word becomes a term when
- it appears in at least MIN_WORKS_SHARE of those works (one in 400: by many
  writers, so it is canon or fandom-wide usage, not one writer's invention),
- it is not one slip from an ordinary word that is far commoner in the same
  works (a common typo such as "definately" is not canon), and
- it is not itself a near miss of a commoner term (then it is one of the
  term's `variants`: "Hermoine" -> "Hermione", kept when writers make that slip
  in at least MIN_VARIANT_WORKS works, the term is VARIANT_RATIO times commoner,
  and the slip is no term with letters added (Gryffindork, Polyjuiced: wordplay
  and inflection) or a stretch (Shhhhh)).
Names the dictionary already knows (Dumbledore, Snape, Hogwarts, Harry) become
terms too when the works capitalise them CAPITALISED times as often as not,
they appear in MIN_WORKS_SHARE of the works and are NAME_CONTRAST times
commoner there than in the Gutenberg books of the train split, so that their
near misses can be told. Left out: words with an apostrophe, stretches
(Shhhh), short all-capital words (OMG, TBC), fan-fiction slang ficlint accepts
anyway, and two very common words run together (afterall, eachother: other
rules' business).
`capitals` are the fandom's words the dictionary may know in lowercase that
canon writes with a capital (Muggle, Floo, Snitch): words CANON_CONTRAST times
commoner in these works than in the Gutenberg books of the train split (the
fandom's own words, not English ones), used in MIN_WORKS_SHARE of the works, and
written by at least CANON_SHARE of the works that use them (twice or more)
with a capital in the middle of a sentence, on their own, more often than in
lowercase (ficlint's own census of capitals, the one C001 reads). The train
works from index JUDGED_FROM on are left out of that count: C001's findings on
them were judged by hand. Names that are already terms are left out.
A term keeps the spelling most works use. The `signature` (the names that say a
manuscript is Harry Potter fan fiction, for auto-detection) is the SIGNATURE_SIZE
capitalised terms in the most works.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import TRAINING, books, works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.rules.spelling._dictionary import accepted_words, lexicon, misspellings  # noqa: E402
from ficlint.rules.spelling._names import near_miss  # noqa: E402
from ficlint.rules.spelling._suggest import suggestions  # noqa: E402
from ficlint.source import Source  # noqa: E402

OUTPUT = ROOT / "rules" / "glossaries" / "harry-potter.yaml"
HP_FANDOMS = ("Harry Potter", "Fantastic Beasts")
MIN_WORKS_SHARE = 0.0025
MIN_VARIANT_WORKS = 5
COMMONER = 3  # an ordinary word one slip away, this many times commoner: the candidate is its typo
VARIANT_RATIO = 20  # a term this many times commoner than a near miss of it: the near miss is a variant
SIGNATURE_SIZE = 40
NAME_CONTRAST = 50  # a name the dictionary knows is the fandom's when this many times commoner than in books
CAPITALISED = 9  # a word the works capitalise this many times as often as not is a name there (Harry)
CANON_SHARE = 0.35  # of the works using a fandom word, this many capitalise it: canon's capital
CANON_CONTRAST = 100  # a word this many times commoner in the works than in the books is the fandom's
JUDGED_FROM = 2900  # train works (shard order) from here on are held out of the capitals count
COMMON_PART = 1500  # a run-together of two words this common (afterall, eachother) is no term
# A word beside a quotation mark counts ('Riddikulus', Weasleys'), a piece of a word with a letter
# beyond ASCII does not (the clich of cliché): apostrophes bound a word, letters continue it.
_WORD = re.compile(r"(?<!\w)[A-Za-z]+(?:['’][A-Za-z]+)*(?!\w)")
_POSSESSIVE = re.compile(r"['’]s?$")
_STRETCH = re.compile(r"([a-z])\1\1")

HEADER = """\
# The Harry Potter glossary: canonical names and terms of the books, the films
# and fan-wide usage, built by scripts/build_glossaries.py from the train split
# of ../shared/training/fanfic (works tagged with a Harry Potter fandom). Do not
# edit by hand: rerun the script. How it was built is in the script's docstring:
# words no dictionary knows, used in at least 1 work in 400, that are not a
# typo of an ordinary word; `variants` are the slips writers make of them.
#
# With `fandom-glossaries: auto` (the default) ficlint turns these terms on by
# itself when a manuscript uses several of the `signature` names: the terms are
# then never typos, and a capitalised near miss (Dumbeldore) is flagged by S002.
# To report near misses under this pack's own rule id instead, name the pack:
#
#     packs: [glossaries/harry-potter]
"""


def hp_work_ids(training: Path) -> set[int]:
    with (training / "fanfic" / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return {int(row["ao3_work"]) for row in csv.DictReader(fh, delimiter="\t")
                if any(f in row["fandoms"] for f in HP_FANDOMS)}


def count(training: Path) -> tuple[Counter[str], Counter[str], int]:
    """Works each word form appears in, times each form appears, and the number of works."""
    wanted = hp_work_ids(training)
    in_works: Counter[str] = Counter()
    times: Counter[str] = Counter()
    n = 0
    for work_id, text in works("train", root=training):
        if work_id not in wanted:
            continue
        n += 1
        forms = Counter(_POSSESSIVE.sub("", w) for w in _WORD.findall(text))
        times.update(forms)
        in_works.update(forms.keys())
    return in_works, times, n


def book_counts(training: Path, wanted: set[str], fold_case: bool = False) -> tuple[Counter[str], int]:
    """How often each of the `wanted` words appears in the Gutenberg books of the train split (with
    `fold_case`: `wanted` in lowercase, counted in any case)."""
    found: Counter[str] = Counter()
    words = 0
    for _, text in books("train", root=training):
        tokens = _WORD.findall(text)
        words += len(tokens)
        found.update(t for t in (map(str.lower, tokens) if fold_case else tokens) if t in wanted)
    return found, words


def _candidate(form: str) -> bool:
    return len(form) >= 3 and "'" not in form and "’" not in form and not _STRETCH.search(form.lower()) \
        and not (form.isupper() and len(form) <= 4) and form.lower() not in misspellings() \
        and form.lower() not in accepted_words() and not _run_together(form.lower())


def _run_together(low: str) -> bool:
    rank = lexicon().rank
    return any(rank.get(low[:i], COMMON_PART) < COMMON_PART and rank.get(low[i:], COMMON_PART) < COMMON_PART
               for i in range(2, len(low) - 1))


def known_names(in_works: Counter[str], times: Counter[str], n: int, training: Path) -> set[str]:
    """Capitalised names the dictionary knows that are this fandom's (Dumbledore, Snape)."""
    lex = lexicon()
    asked = {form for form, k in in_works.items()
             if k >= MIN_WORKS_SHARE * n and form[:1].isupper() and form[1:].islower() and _candidate(form)
             and lex.knows(form) and times[form] >= CAPITALISED * times[form.lower()]}
    in_books, book_words = book_counts(training, asked)
    fan_words = sum(times.values())
    return {form for form in asked
            if times[form] / fan_words >= NAME_CONTRAST * (in_books[form] + 1) / book_words}


def build(training: Path) -> str:
    in_works, times, n = count(training)
    lex = lexicon()
    names = known_names(in_works, times, n, training)
    by_lower: dict[str, Counter[str]] = defaultdict(Counter)
    for form, k in in_works.items():
        if form in names or _candidate(form) and not lex.knows(form):
            by_lower[form.lower()][form] += k
    works_of = {low: sum(forms.values()) for low, forms in by_lower.items()}
    lower_times = Counter()
    for form, k in times.items():
        lower_times[form.lower()] += k
    minimum = MIN_WORKS_SHARE * n
    terms: dict[str, str] = {}
    for low in sorted(by_lower, key=lambda w: (-works_of[w], w)):
        canonical = by_lower[low].most_common(1)[0][0]
        if works_of[low] < minimum or canonical not in names and _typo_of_ordinary(low, lower_times):
            continue
        commoner = {t: terms[t] for t in terms if works_of[t] >= COMMONER * works_of[low]}
        if near_miss(canonical, commoner, by_ear=True):
            continue  # a common slip of a term (it may become a variant below)
        terms[low] = canonical
    variants: dict[str, str] = {}
    capitalised = {low: form for low, form in terms.items() if form[:1].isupper()}
    for low, forms in sorted(by_lower.items()):
        form = forms.most_common(1)[0][0]
        if low in terms or works_of[low] < MIN_VARIANT_WORKS or not form[:1].isupper():
            continue
        target = near_miss(form, capitalised, by_ear=True, other_forms=False)
        if target and works_of[target.lower()] >= VARIANT_RATIO * works_of[low] \
                and not _extends(low, target.lower()) and not _STRETCH.search(low):
            variants[form] = target
    signature = [form for low, form in sorted(capitalised.items(), key=lambda kv: (-works_of[kv[0]], kv[0]))]
    capitals = canon_capitals(training, set(capitalised))
    return render(sorted(terms.values(), key=str.lower), variants, signature[:SIGNATURE_SIZE], n, capitals)


def canon_capitals(training: Path, names: set[str]) -> list[str]:
    """The fandom's words that most writers who use them capitalise, as canon does (see the
    docstring), capitalised; not the capitalised terms (`names`, lowercase) already kept."""
    wanted = hp_work_ids(training)
    using: Counter[str] = Counter()
    capitalising: Counter[str] = Counter()
    written: Counter[str] = Counter()
    n = 0
    for index, (work_id, text) in enumerate(works("train", root=training)):
        if index >= JUDGED_FROM:
            break
        if work_id not in wanted:
            continue
        n += 1
        census = AnalyzedDocument(Source("work", text)).capitals.census
        written.update(census.middle)
        written.update(census.lower)
        for k in census.alone.keys() | census.lower.keys():
            alone, lower = census.alone[k], census.lower[k]
            if alone + lower >= 2:
                using[k] += 1
                capitalising[k] += alone > lower
    asked = {k for k, u in using.items() if u >= MIN_WORKS_SHARE * n and k.isalpha() and k not in names
             and capitalising[k] >= CANON_SHARE * u}
    in_books, book_words = book_counts(training, asked, fold_case=True)
    fan_words = sum(written.values()) or 1  # a --limit run may read no work or no book
    return sorted(k.capitalize() for k in asked
                  if written[k] / fan_words >= CANON_CONTRAST * (in_books[k] + 1) / (book_words or 1))


def _extends(low: str, target: str) -> bool:
    """Is `low` the term (or its singular) with letters added: Gryffindork, Gryffindorish, Polyjuiced?"""
    stem = target[:-1] if target.endswith("s") else target
    return len(low) > len(stem) and low.startswith(stem)


def _typo_of_ordinary(low: str, lower_times: Counter[str]) -> bool:
    """Is `low` one slip from an ordinary word that these works use far more?"""
    return any(lower_times[s] >= COMMONER * lower_times[low] for s in suggestions(low, limit=3))


def render(terms: list[str], variants: dict[str, str], signature: list[str], n: int,
           capitals: list[str]) -> str:
    lines = [HEADER, "pack: harry-potter",
             "description: Names and terms of the Harry Potter books and films.",
             "rules:", "  - id: S100", "    name: harry-potter-glossary", "    kind: glossary",
             "    category: spelling", "    fandom: Harry Potter",
             "    summary: A near-miss of a Harry Potter name or term (`Hermoine` for `Hermione`).",
             "    why: Readers of a fandom know its names by heart; a misspelt one stands out at once.",
             "    message: '\"{match}\": the canonical spelling is \"{replacement}\".'",
             f"    # {len(terms)} terms from {n} works of the train split",
             "    terms:"]
    lines += [f"      - {t}" for t in terms]
    lines.append("    variants:")
    lines += [f"      {k}: {v}" for k, v in sorted(variants.items())]
    lines.append("    signature:")
    lines += [f"      - {s}" for s in signature]
    lines.append("    # canon's capitals for words the dictionary may know in lowercase (C001 reads them)")
    lines.append("    capitals:")
    lines += [f"      - {c}" for c in capitals]
    lines += ["    flags:", "      - \"Hermoine raised her hand before Snape had finished.\"",
              "      - \"Dumbeldore smiled at the Griffindor table.\"", "    allows:",
              "      - \"Hermione raised her hand before Snape had finished.\"",
              "      - \"Harry Hardy was a muggle-born boy from Surrey.\""]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--training", type=Path, default=TRAINING)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args()
    text = build(args.training)
    if args.check:
        same = OUTPUT.read_text(encoding="utf-8") == text
        print("up to date" if same else "differs: run without --check")
        raise SystemExit(0 if same else 1)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
