#!/usr/bin/env python3
"""Inject tense slips into held-out corpus books and measure how many the tense check finds.

For each book, narration paragraphs of past-tense prose get at most one slip
each, chosen with a fixed seed, of four kinds a hasty writer makes:

    subject   she walked -> she walks, they walked -> they walk
    name      Karen smiled -> Karen smiles
    be-have   was -> is, were -> are, had -> has
    and       blew and checked her -> blew and check her

The slips are placed by plain patterns over the narration, not by the check's
own finder, so recall is measured against slips the check has not chosen. A
subjunctive or conditional "were" / "had" ("as if she were") is not a past tense
and gets no slip. The default books (HELD_OUT) were never looked at while the
check was tuned; other books may be named with --books.
The script reports recall by kind and the tense findings elsewhere per 10,000
words (beyond those the unchanged book already has).

    python scripts/eval_tense.py /work/shared/corpus [--books us/a.txt gb/b.txt] [--seed 6] [-v]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ficlint.analysis.lexicon import lexicon
from ficlint.config import Config
from ficlint.document import Document, RegionKind
from ficlint.engine import Linter, Selection

# Books never looked at while the check was tuned for recall.
HELD_OUT = (
    "us/carolyn-wells-the-diamond-pin.txt",
    "us/baum-the-emerald-city-of-oz.txt",
    "gb/christie-the-secret-adversary.txt",
    "gb/doyle-the-tragedy-of-the-korosko.txt",
)
PER_BOOK = 150
PRONOUN_PAST = re.compile(r"\b(?P<subj>[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e) (?P<verb>[a-z]+ed|[a-z]+)\b(?= [a-z])")
NAME_PAST = re.compile(r"(?<=[a-z,] )(?P<subj>[A-Z][a-z]{2,}) (?P<verb>[a-z]+)\b(?= [a-z])")
BE_HAVE = re.compile(r"\b(?P<verb>was|were|had)\b(?= [a-z])")
AND_PAST = re.compile(
    r"\b(?P<first>[a-z]+),? and (?P<verb>[a-z]+)(?= (?:her|his|him|them|the|a|an|their|its|up|down|"
    r"out|back|at|to|into|on|off|away|over|in)\b)"
)
# "as if she were", "if he had known": a subjunctive or a condition, not the past tense of narration
SUBJUNCTIVE = re.compile(r"\b(?:if|though|wish|wished|unless|lest)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
SWAPS = {"was": "is", "were": "are", "had": "has"}


@dataclass
class Slip:
    kind: str
    start: int  # in the changed text
    end: int
    before: str
    after: str


def narration_paragraphs(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of narration regions long enough to hold a sentence."""
    return [
        (r.start, r.end)
        for r in doc.regions_of(RegionKind.NARRATION)
        if r.end - r.start > 60 and not doc.in_emphasis(r.start)
    ]


def candidates(text: str, start: int, end: int) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, replacement) for every slip that could be made in text[start:end]."""
    lex = lexicon()
    found = []
    for m in PRONOUN_PAST.finditer(text, start, end):
        verb = m.group("verb")
        if verb in lex.past_forms and verb not in lex.other:
            person = "3sg" if m.group("subj").lower() in ("he", "she") else "plural"
            present = lex.present_form(verb, person)
            if present:
                found.append(("subject", m.start("verb"), m.end("verb"), present))
    for m in NAME_PAST.finditer(text, start, end):
        verb = m.group("verb")
        if verb in lex.past_forms and verb not in lex.other and m.group("subj").lower() not in lex.past_of:
            found.append(("name", m.start("verb"), m.end("verb"), lex.third_of[verb]))
    for m in BE_HAVE.finditer(text, start, end):
        if not SUBJUNCTIVE.search(text, max(start, m.start() - 30), m.start()):
            found.append(("be-have", m.start("verb"), m.end("verb"), SWAPS[m.group("verb")]))
    for m in AND_PAST.finditer(text, start, end):
        first, verb = m.group("first"), m.group("verb")
        if first in lex.past_forms and verb in lex.past_forms and verb not in lex.other:
            found.append(("and", m.start("verb"), m.end("verb"), lex.base_of[verb]))
    return found


def inject(text: str, rng: random.Random, count: int) -> tuple[str, list[Slip]]:
    doc = Document.from_text(text)
    paragraphs = narration_paragraphs(doc)
    rng.shuffle(paragraphs)
    chosen: list[tuple[str, int, int, str]] = []
    for start, end in paragraphs:
        options = candidates(text, start, end)
        if options:
            kind = rng.choice(sorted({o[0] for o in options}))
            chosen.append(rng.choice([o for o in options if o[0] == kind]))
        if len(chosen) >= count:
            break
    chosen.sort(key=lambda c: c[1])
    pieces, slips, pos, shift = [], [], 0, 0
    for kind, start, end, replacement in chosen:
        pieces.append(text[pos:start])
        pieces.append(replacement)
        new_start = start + shift
        slips.append(Slip(kind, new_start, new_start + len(replacement), text[start:end], replacement))
        shift += len(replacement) - (end - start)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), slips


def tense_findings(text: str) -> list[tuple[int, int, str]]:
    linter = Linter(Config(), Selection(select=("T",)))
    return [(d.start, d.end, d.rule) for d in linter.lint_text(text)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the corpus folder (with us/ and gb/)")
    parser.add_argument("--books", nargs="*", default=list(HELD_OUT), help="book paths inside the corpus")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--per-book", type=int, default=PER_BOOK)
    parser.add_argument("-v", "--verbose", action="store_true", help="show the slips that were missed")
    args = parser.parse_args()
    found_by_kind: Counter[str] = Counter()
    total_by_kind: Counter[str] = Counter()
    extra = words = 0
    for book in args.books:
        text = (args.corpus / book).read_bytes().decode("utf-8-sig")
        rng = random.Random(f"{args.seed}:{book}")
        changed, slips = inject(text, rng, args.per_book)
        baseline = len(tense_findings(text))
        findings = tense_findings(changed)
        hits = 0
        for slip in slips:
            total_by_kind[slip.kind] += 1
            if any(s < slip.end + 2 and e > slip.start - 2 for s, e, _ in findings):
                found_by_kind[slip.kind] += 1
                hits += 1
            elif args.verbose:
                context = changed[max(0, slip.start - 90) : slip.start].replace("\n", " ")
                after = changed[slip.end : slip.end + 40].replace("\n", " ")
                print(f"  missed {slip.kind}: …{context}[[{slip.after}]]{after}…")
        on_slips = sum(1 for s, e, _ in findings if any(s < sl.end + 2 and e > sl.start - 2 for sl in slips))
        book_extra = max(0, len(findings) - on_slips - baseline)
        extra += book_extra
        words += len(text.split())
        print(
            f"{book}: {hits}/{len(slips)} slips found, {book_extra} new findings elsewhere, "
            f"{baseline} before injection"
        )
    total = sum(total_by_kind.values())
    found = sum(found_by_kind.values())
    for kind in sorted(total_by_kind):
        print(
            f"  {kind:8} {found_by_kind[kind]:4}/{total_by_kind[kind]:<4} "
            f"{found_by_kind[kind] / total_by_kind[kind]:.0%}"
        )
    recall = found / total if total else 0.0
    print(f"RESULT recall={recall:.3f} ({found}/{total}) extra_per10k={extra / words * 10000:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
