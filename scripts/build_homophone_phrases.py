#!/usr/bin/env python3
"""Mine fixed phrases heard wrong from counts in the train split: a two-word context (the two
words before a member, the one either side, or the two after; or one uncommon word beside it)
in which one member of a confusion set is seen again and again and its fellow never in the
edited books ("martial law", "matter of principle", "right on cue", "flea market").
Writes rules/data/confusables-phrases.yaml, which H001 reads as evidence beside its context
model (ficlint/rules/homophones/_phrases.py: a phrase flags only where the model leans its way).

    python scripts/build_homophone_phrases.py [--training ../shared/training] [--counts C.pkl]
        [--out rules/data/confusables-phrases.yaml] [--tune]

Reads the train split's books and fan-fiction works (scripts/training_data.py; tune and test
are never read for counts) with a plain tokenizer: lowercased words, straight apostrophes,
every other mark a break. Leaves out the train works LEAVE_OUT (shard order): the stretches
stops 34-36 judged by hand, so those stay unseen.

An entry (written w, meant r, context) ships when, in that context,
  - r was seen at least MIN_MEANT times (books and fan fiction),
  - w was never seen in the books, and in the fan fiction (amateur text, with the very slips)
    at most MEANT_PER_WRITTEN times fewer than r;
  - r is not much rarer than w overall (the context must speak louder than w's own
    frequency: r's uses there over all of r's uses, times w's uses, is at least MIN_EXPECTED:
    had w fitted the context as r does, it would have been seen there that often);
  - a one-word context is a word used at most NEIGHBOUR_MAX_RATE times per million (not
    "the", "was", "to") nor a FUNCTION_WORDS one ("whose"), a two-word one has a word used at most
    CONTEXT_MAX_RATE times per million (not "he had", "of a"), and no context word is a member of
    the set itself.
Sets with a member used more than MAX_MEMBER_RATE times per million (the function-word sets,
among them those the word n-gram counts of `_ngrams` speak for) are left out: H001's. The three
numbers were chosen on the tune split with `--tune` (false alarms per 10,000 words of tune books,
where every match is one, and the share of the meant words' uses in tune text a slip there would
be caught at).
Deterministic: the same data give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import TRAINING, books, works  # noqa: E402

from ficlint.analysis.confusables import confusion_sets  # noqa: E402
from ficlint.rules.homophones._collocations import counted_sets  # noqa: E402
from ficlint.rules.homophones._model import load_model  # noqa: E402

# train fan-fiction works (shard order) read by hand in stops 34-36: kept unseen
LEAVE_OUT = frozenset(range(0, 700)) | frozenset(range(700, 1100)) | frozenset(range(1800, 2000)) | \
    frozenset(range(5600, 6000))
MIN_MEANT = 12  # uses of the meant word in the context, at least
MEANT_PER_WRITTEN = 20.0  # fan-fiction uses of the written word there: at most the meant word's / this
MIN_EXPECTED = 20.0  # the written word's expected uses there, had it fitted as the meant word does
NEIGHBOUR_MAX_RATE = 300.0  # uses per million words: a lone neighbour as common as "the" says little
# closed-class words under that rate: a lone one names no phrase ("whose world" / "whose word")
FUNCTION_WORDS = frozenset([
    "whose", "whom", "whoever", "whatever", "whichever", "whether", "whilst", "unto", "upon",
    "thee", "thou", "thy", "thine", "its", "our", "ours", "their", "theirs", "mine", "yours",
    "hers", "these", "those", "such", "each", "every", "either", "neither", "another"])
CONTEXT_MAX_RATE = 1000.0  # a two-word context needs one word at most this common ("he had" says little)
MAX_MEMBER_RATE = 2000.0  # uses per million (the model's): a set with a member this common is H001's
# (the function-word sets, among them those the word n-gram counts of `_ngrams` speak for)
MAX_NAMED_SHARE = 0.5  # of the meant word's uses in a context, capitalised after a word: a name's
SHAPES = ("LL", "LR", "RR", "L", "R")  # two before, one either side, two after, one before, one after

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[^\sa-z0-9]")
_CASED = re.compile(r"[a-zA-Z0-9]+(?:'[a-zA-Z]+)*|[^\sa-zA-Z0-9]")  # _TOKEN before lowercasing
OUT = ROOT / "rules" / "data" / "confusables-phrases.yaml"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def sentences(text: str) -> Iterator[list[str | None]]:
    """Runs of words, None where a mark breaks them; a paragraph at a time."""
    for words, _ in cased_sentences(text):
        yield words


def cased_sentences(text: str) -> Iterator[tuple[list[str | None], list[bool]]]:
    """sentences(), each with whether each word was written with a capital."""
    for paragraph in text.replace("\u2019", "'").replace("\u2018", "'").split("\n\n"):
        tokens = _TOKEN.findall(paragraph.lower())
        cased = _CASED.findall(paragraph)
        yield ([t if t[0].isalnum() else None for t in tokens],
               [t[:1].isupper() for t in cased] if len(cased) == len(tokens) else [False] * len(tokens))


def contexts(words: list[str | None], i: int) -> Iterator[tuple[str, str]]:
    """(shape, context words) around position i, words only (a break ends a context)."""
    n = len(words)
    a = words[i - 2] if i >= 2 else None
    b = words[i - 1] if i >= 1 else None
    c = words[i + 1] if i + 1 < n else None
    d = words[i + 2] if i + 2 < n else None
    if a and b:
        yield "LL", f"{a} {b}"
    if b and c:
        yield "LR", f"{b} {c}"
    if c and d:
        yield "RR", f"{c} {d}"
    if b:
        yield "L", b
    if c:
        yield "R", c


def texts(split: str, root: Path, leave_out: frozenset[int] = frozenset()) -> Iterator[tuple[bool, str]]:
    """(is fan fiction, text) of a split's books, then its works (less `leave_out`, shard order)."""
    for _, text in books(split, root):
        yield False, text
    for n, (_, text) in enumerate(works(split, root)):
        if n not in leave_out:
            yield True, text


def members() -> dict[str, set[str]]:
    """member -> its fellows, over every set but those with a member used more than
    MAX_MEMBER_RATE times per million words (the model's rates) or a member of a set the word
    n-gram counts speak for (its/it's, here/hear: H001 has their counts)."""
    model = load_model()
    counted = {w for i in counted_sets() for w in model.sets[i].members}
    fellows: dict[str, set[str]] = {}
    for s in model.sets:
        if max(s.rate) > MAX_MEMBER_RATE or counted.intersection(s.members):
            continue
        for m in s.members:
            fellows.setdefault(m, set()).update(x for x in s.members if x != m)
    return fellows


def count(root: Path, words_of_sets: frozenset[str]) -> tuple[Counter, Counter, Counter, Counter]:
    """(shape, context, member) -> uses in books, and in fan fiction; every word's uses; and
    (shape, context, member) -> uses with a capital after a word of its run (a name's word:
    "the Knight Bus", not a sentence's first word)."""
    book: Counter = Counter()
    fan: Counter = Counter()
    every: Counter = Counter()
    capital: Counter = Counter()
    for n, (fanfic, text) in enumerate(texts("train", root, LEAVE_OUT)):
        found = fan if fanfic else book
        for words, upper in cased_sentences(text):
            every.update(w for w in words if w)
            for i, w in enumerate(words):
                if w in words_of_sets:
                    named = upper[i] and i > 0 and words[i - 1] is not None
                    for shape, ctx in contexts(words, i):
                        found[shape, ctx, w] += 1
                        if named:
                            capital[shape, ctx, w] += 1
        if n % 1000 == 0:
            log(f"{n} texts, {len(book)} + {len(fan)} keys")
    return book, fan, every, capital


def mine(book: Counter, fan: Counter, every: Counter, fellows: dict[str, set[str]],
         min_meant: int = MIN_MEANT, per_written: float = MEANT_PER_WRITTEN,
         min_expected: float = MIN_EXPECTED, capital: Counter | None = None
         ) -> list[tuple[str, str, str, str, int]]:
    """(shape, context, written, meant, meant's uses there), sorted. A context where the meant
    word is mostly a name's word (MAX_NAMED_SHARE of its uses there capitalised after a word:
    "the Knight Bus") ships no phrase: the common noun beside it ("the night bus") is no slip."""
    total = sum(every.values())
    common = frozenset(w for w, n in every.items() if n * 1e6 > NEIGHBOUR_MAX_RATE * total)
    very_common = frozenset(w for w, n in every.items() if n * 1e6 > CONTEXT_MAX_RATE * total)
    found = []
    seen = Counter()
    for key, n in book.items():
        seen[key] += n
    for key, n in fan.items():
        seen[key] += n
    for (shape, ctx, meant), n in sorted(seen.items()):
        if n < min_meant or meant not in fellows:
            continue
        if capital is not None and capital[shape, ctx, meant] > MAX_NAMED_SHARE * n:
            continue
        if len(shape) == 1 and (ctx in common or ctx in FUNCTION_WORDS or not ctx.isalpha()):
            continue
        ctx_words = ctx.split()
        if all(w in very_common for w in ctx_words):
            continue
        share = n / max(1, every[meant])
        for written in sorted(fellows[meant]):
            if written in ctx_words or meant in ctx_words or any(w in fellows[meant] for w in ctx_words):
                continue
            if book.get((shape, ctx, written), 0) or fan.get((shape, ctx, written), 0) * per_written > n:
                continue
            if share * every[written] < min_expected:
                continue
            found.append((shape, ctx, written, meant, n))
    return found


def tune_report(found: list[tuple[str, str, str, str, int]], root: Path) -> None:
    """False alarms per 10k words of tune books and fan fiction, and the share of the meant
    words' uses (in the tune text) a slip at would be caught."""
    table: dict[tuple[str, str, str], str] = {(s, c, w): m for s, c, w, m, _ in found}
    meant_keys = {(s, c, m) for s, c, w, m, _ in found}
    meant_words = {m for _, _, _, m, _ in found}
    words_of = {w for _, _, w, _, _ in found} | meant_words
    for fanfic_wanted in (False, True):
        words = alarms = covered = meant_uses = 0
        examples: Counter = Counter()
        for fanfic, text in texts("tune", root):
            if fanfic != fanfic_wanted:
                continue
            for sent in sentences(text):
                words += sum(1 for w in sent if w)
                for i, w in enumerate(sent):
                    if w not in words_of:
                        continue
                    ctxs = list(contexts(sent, i))
                    if any((s, c, w) in table for s, c in ctxs):
                        alarms += 1
                        where = " | ".join(f"{s}:{c}" for s, c in ctxs if (s, c, w) in table)
                        examples[w + " @ " + where] += 1
                    if w in meant_words:
                        meant_uses += 1
                        if any((s, c, w) in meant_keys for s, c in ctxs):
                            covered += 1
        kind = "fan fiction" if fanfic_wanted else "books"
        log(f"tune {kind}: {words} words, {alarms} matches ({alarms * 1e4 / max(1, words):.3f} per 10k); "
            f"meant words' uses {meant_uses}, in a shipped context {covered} "
            f"({covered / max(1, meant_uses):.1%})")
        for ex, n in examples.most_common(40):
            log(f"   {n} {ex}")


def gloss_of() -> dict[str, str]:
    glosses: dict[str, str] = {}
    for s in confusion_sets():
        for m, g in zip(s.members, s.glosses, strict=True):
            glosses.setdefault(m, g)
    return glosses


def write(found: list[tuple[str, str, str, str, int]]) -> str:
    """The YAML text: one phrase per entry, as the hand-written ones are (`words`, `fix`, `gloss`)."""
    glosses = gloss_of()
    lines = ["# Generated by scripts/build_homophone_phrases.py from the train split's counts (see there).",
             "# Do not edit: change the script or the confusion sets and run it again.",
             "", "phrases:"]
    for shape, ctx, written, meant, _count in found:
        c = ctx.split()
        words = {"LL": [*c, written], "LR": [*c[:1], written, *c[1:]], "RR": [written, *c],
                 "L": [*c, written], "R": [written, *c]}[shape]
        said = " ".join(meant if w == written else w for w in words)
        gloss = f"the usual phrase is \"{said}\" (\"{meant}\": {glosses[meant]})"
        lines.append(f"  - {{words: {_q(' '.join(words))}, fix: {{{_q(written)}: {_q(meant)}}}, "
                     f"gloss: {_q(gloss)}}}")
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--training", type=Path, default=TRAINING)
    parser.add_argument("--counts", type=Path, default=None, help="keep (or reuse) the raw counts here")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--tune", action="store_true", help="report false alarms and coverage on tune")
    parser.add_argument("--min-meant", type=int, default=MIN_MEANT)
    parser.add_argument("--per-written", type=float, default=MEANT_PER_WRITTEN)
    parser.add_argument("--min-expected", type=float, default=MIN_EXPECTED)
    args = parser.parse_args(argv)
    fellows = members()
    if args.counts is not None and args.counts.is_file():
        book, fan, every, capital = pickle.loads(args.counts.read_bytes())
    else:
        book, fan, every, capital = count(args.training, frozenset(fellows))
        if args.counts is not None:
            args.counts.write_bytes(pickle.dumps((book, fan, every, capital), protocol=4))
    found = mine(book, fan, every, fellows, args.min_meant, args.per_written, args.min_expected, capital)
    log(f"{len(found)} phrases")
    if args.tune:
        tune_report(found, args.training)
        return 0
    args.out.write_text(write(found), encoding="utf-8")
    log(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
