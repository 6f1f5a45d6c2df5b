#!/usr/bin/env python3
"""Put tense slips and drifted paragraphs into held-out text and measure how many the tense rules find.

Text: the held-out split of ../shared/training (scripts/training_data.py): Gutenberg books and
AO3 fan fiction, `--split test` for the figures, `--split tune` while choosing settings; never
the train split (the slip model learns there) and never the corpus books (those only count false
alarms). Each document's scenes (the analysis layer's) say which direction it can take:

    past-tense scenes     -> present-tense slips (T001 should find them)
    present-tense scenes  -> past-tense slips (T002 should find them)

Two kinds of injection (scripts/tense_injection.py: the word classes and the verb lexicon, not the
rules' own verb finder), each into its own copy of the document:

    single  one verb (not a modal) of a paragraph put in the other tense, in paragraphs 3 apart
    run     a whole paragraph put in the other tense: every finite verb of its narration, modals too

Each slip is counted by kind:

    subject   pronoun (he, she, they, I, we), it-there, name, noun-phrase ("the old radio",
              "her hands"), relative (who, which, that), and (a verb after "and" or a comma)
    clause    main, or subordinate (after when, as, while, because, who, which, that …)
    injection single or run

and the untouched text's findings per 10,000 words are reported; `--show-clean N` prints a fixed
sample of N of them (from `--sample-source`) for judging by hand: real drifts in amateur text are
not false alarms.

    python scripts/eval_tense.py [--split test] [--books 8] [--works 200] [--seed 17] [-v]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tense_injection import fresh_tagger, inject  # noqa: E402
from training_data import books, works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.analysis.lexicon import PAST, PRESENT  # noqa: E402
from ficlint.config import Config  # noqa: E402
from ficlint.run import lint_text  # noqa: E402
from ficlint.source import Source  # noqa: E402

CONFIG = Config()
SUBJECTS = ("pronoun", "it-there", "name", "noun-phrase", "relative", "and")


def findings(text: str) -> list[tuple[int, int, str]]:
    return [(d.start, d.end, d.rule) for d in lint_text(text, CONFIG, ["T"])]


def documents(split: str, n_books: int, n_works: int) -> Iterator[tuple[str, str, str]]:
    for name, text in books(split, limit=n_books):
        yield "book", name, text
    for work_id, text in works(split, limit=n_works):
        yield "fanfic", str(work_id), text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", choices=("tune", "test"))
    parser.add_argument("--books", type=int, default=8, help="how many held-out books")
    parser.add_argument("--works", type=int, default=200, help="how many held-out fan-fiction works")
    parser.add_argument("--singles", type=int, default=40, help="single slips per document at most")
    parser.add_argument("--runs", type=int, default=3, help="converted paragraphs per document at most")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--show-clean", type=int, default=0, help="print a fixed sample of N clean-text findings")
    parser.add_argument("--sample-source", default="fanfic", choices=("book", "fanfic"))
    parser.add_argument("-v", "--verbose", action="store_true", help="show the slips that were missed")
    args = parser.parse_args()
    found: Counter[tuple[str, ...]] = Counter()
    total: Counter[tuple[str, ...]] = Counter()
    clean_findings: Counter[str] = Counter()
    clean_words: Counter[str] = Counter()
    clean_sample: list[str] = []
    extra: Counter[str] = Counter()
    for count, (source, name, text) in enumerate(documents(args.split, args.books, args.works)):
        if source == "book" or count % 10 == 0:
            fresh_tagger()
        base = findings(text)
        clean_findings[source] += len(base)
        clean_words[source] += len(text.split())
        if source == args.sample_source:
            clean_sample.extend(_context(source, name, rule, text, s, e) for s, e, rule in base)
        doc = AnalyzedDocument(Source(name, text))
        for tense in (PAST, PRESENT):
            rng = random.Random(f"{args.seed}:{name}:{tense}")
            direction = "T001 past->present" if tense == PAST else "T002 present->past"
            for changed, slips in inject(doc, tense, rng, args.singles, args.runs):
                if not slips:
                    continue
                now = findings(changed)
                for slip in slips:
                    key = (direction, source, slip.injection, slip.subject, slip.clause)
                    total[key] += 1
                    if any(s < slip.end + 2 and e > slip.start - 2 for s, e, _ in now):
                        found[key] += 1
                    elif args.verbose:
                        print(f"  missed {' '.join(key)}: {_context('', name, '', changed, slip.start, slip.end)}")
                on_slips = sum(1 for s, e, _ in now if any(s < sl.end + 2 and e > sl.start - 2 for sl in slips))
                extra[direction] += max(0, len(now) - on_slips - len(base))
    _report(found, total)
    for source in sorted(clean_words):
        rate = clean_findings[source] / clean_words[source] * 10000 if clean_words[source] else 0.0
        print(f"clean {source}: {clean_findings[source]} findings in {clean_words[source]:,} words = {rate:.2f} per 10k")
    for direction, n in sorted(extra.items()):
        print(f"new findings away from the injected slips ({direction}): {n}")
    if args.show_clean:
        rng = random.Random(args.seed)
        for i, line in enumerate(sorted(rng.sample(clean_sample, min(args.show_clean, len(clean_sample)))), 1):
            print(f"{i:3}. {line}")
    return 0


def _context(source: str, name: str, rule: str, text: str, start: int, end: int) -> str:
    snippet = f"…{text[max(0, start - 160):start]}[[{text[start:end]}]]{text[end:end + 80]}…"
    return f"{source} {name} {rule}: {snippet}".replace("\n", " ⏎ ")


def _report(found: Counter[tuple[str, ...]], total: Counter[tuple[str, ...]]) -> None:
    def line(label: str, keys: list[tuple[str, ...]]) -> None:
        t = sum(total[k] for k in keys)
        f = sum(found[k] for k in keys)
        if t:
            print(f"  {label:48} {f:5}/{t:<5} {f / t:6.1%}")

    for direction in sorted({k[0] for k in total}):
        print(direction)
        for source in sorted({k[1] for k in total if k[0] == direction}):
            keys = [k for k in total if k[:2] == (direction, source)]
            for injection in ("single", "run"):
                inj = [k for k in keys if k[2] == injection]
                line(f"{source} {injection}", inj)
                for subject in SUBJECTS:
                    line(f"{source} {injection}  subject={subject}", [k for k in inj if k[3] == subject])
                for clause in ("main", "subordinate"):
                    line(f"{source} {injection}  clause={clause}", [k for k in inj if k[4] == clause])
        for injection in ("single", "run"):
            line(f"ALL {injection}", [k for k in total if k[0] == direction and k[2] == injection])


if __name__ == "__main__":
    sys.exit(main())
