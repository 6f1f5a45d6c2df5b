"""Evaluate the homophone model on books it has not seen.

    python scripts/eval_homophones.py ../shared/corpus [--holdout BOOK ...] [--seed 7] [--per-set 40]

Trains a model exactly as scripts/train_homophones.py does, but without the
held-out books; then, in each held-out book,

1. lints the untouched text and counts findings per 10,000 words (all of them
   are false alarms, as far as we know: the novels are edited text);
2. injects confusions at random (fixed seed): up to --per-set occurrences of
   each confusion set per book, each member swapped for another member of its
   set, no two injections within MIN_GAP tokens; lints the injected text and
   prints, per set, the injections, the findings, precision and recall. A
   finding is right when it sits on an injected word and suggests the original.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_homophones import corpus_books, read_books, to_json, train_all  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.check import Context  # noqa: E402
from ficlint.config import Config  # noqa: E402
from ficlint.diagnostics import keep_case  # noqa: E402
from ficlint.document import WORD, Document, RegionKind  # noqa: E402
from ficlint.rules.homophones import h002_homophone_pattern as h002  # noqa: E402
from ficlint.rules.homophones._confusables import ConfusionSet, confusion_sets  # noqa: E402
from ficlint.rules.homophones._model import TOKEN, Model, model_from_json, normalize  # noqa: E402
from ficlint.rules.homophones.h001_homophone_in_context import model_findings  # noqa: E402

HOLDOUT = ("carolyn-wells-the-diamond-pin.txt", "twain-the-american-claimant.txt",
           "nesbit-the-railway-children.txt", "doyle-the-tragedy-of-the-korosko.txt")
MIN_GAP = 12


@dataclass(frozen=True)
class Injection:
    start: int
    end: int
    original: str
    set_name: str


def _sets_by_word() -> dict[str, ConfusionSet]:
    return {w: s for s in confusion_sets() for w in s.members}


def findings(text: str, model: Model, min_confidence: float = 0.0) -> list[tuple[int, int, str, str]]:
    doc = AnalyzedDocument.from_text(text)
    ctx = Context(Config(), frozenset({"H001", "H002"}))
    sets = _sets_by_word()
    found = []
    patterns = list(h002.check(doc, ctx))
    taken = {d.start for d in patterns}  # as H001 does: one finding per word, the pattern's
    for d in patterns + [d for d in model_findings(doc, model) if d.start not in taken]:
        if (d.confidence or 0.0) < min_confidence:
            continue
        # a pattern's finding names no set: it counts for the set of the word it flags
        written = normalize(text[d.start:d.end])
        set_name = d.data.get("set") or (sets[written].name if written in sets else "")
        found.append((d.start, d.end, str(d.data.get("intended", "")).lower(), str(set_name)))
    return found


def inject(text: str, rng: random.Random, per_set: int) -> tuple[str, list[Injection]]:
    """The text with confusions swapped in, and where they are."""
    doc = Document.from_text(text)
    sets = _sets_by_word()
    candidates = []
    for para in doc.paragraphs:
        if para.kind is not RegionKind.NARRATION:
            continue
        lowered = normalize(text[para.start:para.end])
        for m in TOKEN.finditer(lowered):
            if m.group(0) in sets:
                candidates.append((para.start + m.start(), para.start + m.end(), m.group(0)))
    rng.shuffle(candidates)
    taken: Counter[str] = Counter()
    chosen: list[tuple[int, int, str]] = []
    for start, end, word in candidates:
        cset = sets[word]
        if taken[cset.name] >= per_set or any(abs(start - s) < MIN_GAP * 6 for s, _, _ in chosen):
            continue
        taken[cset.name] += 1
        chosen.append((start, end, word))
    chosen.sort()
    pieces, injections, at, shift = [], [], 0, 0
    for start, end, word in chosen:
        cset = sets[word]
        swap = rng.choice([w for w in cset.members if w != word])
        swap = keep_case(text[start:end], swap)
        pieces.append(text[at:start])
        pieces.append(swap)
        injections.append(Injection(start + shift, start + shift + len(swap), word, cset.name))
        shift += len(swap) - (end - start)
        at = end
    pieces.append(text[at:])
    return "".join(pieces), injections


def evaluate(books: list[Path], model: Model, seed: int, per_set: int, quiet: bool = False,
             min_confidence: float = 0.0) -> None:
    rng = random.Random(seed)
    injected: Counter[str] = Counter()
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    clean_findings = words = 0
    for path in books:
        text = path.read_text(encoding="utf-8")
        words += len(WORD.findall(text))
        clean = findings(text, model, min_confidence)
        clean_findings += len(clean)
        for start, end, intended, _ in ([] if quiet else clean):
            context = text[max(0, start - 50):end + 30].replace("\n", " ")
            print(f"  clean: {path.name}: {context!r} -> {intended}")
        changed, injections = inject(text, rng, per_set)
        at = {(i.start, i.end): i for i in injections}
        for i in injections:
            injected[i.set_name] += 1
        for start, end, intended, set_name in findings(changed, model, min_confidence):
            hit = at.get((start, end))
            if hit and hit.original == intended:
                right[set_name] += 1
            else:
                wrong[set_name] += 1
    if quiet:
        n, tp, fp = sum(injected.values()), sum(right.values()), sum(wrong.values())
        print(f"precision {_pct(tp, tp + fp)}  recall {_pct(tp, n)}  ", end="")
    else:
        report(injected, right, wrong)
    print(f"{'' if quiet else chr(10)}untouched held-out books: {words} words, {clean_findings} findings, "
          f"{clean_findings / words * 10000:.2f} per 10,000 words")


def report(injected: Counter[str], right: Counter[str], wrong: Counter[str]) -> None:
    print(f"{'set':<28} {'inj':>5} {'TP':>5} {'FP':>4} {'prec':>6} {'recall':>6}")
    for cset in confusion_sets():
        name = cset.name
        n, tp, fp = injected[name], right[name], wrong[name]
        if n or fp:
            print(f"{name:<28} {n:>5} {tp:>5} {fp:>4} {_pct(tp, tp + fp):>6} {_pct(tp, n):>6}")
    n, tp, fp = sum(injected.values()), sum(right.values()), sum(wrong.values())
    print(f"{'ALL':<28} {n:>5} {tp:>5} {fp:>4} {_pct(tp, tp + fp):>6} {_pct(tp, n):>6}")


def _shift_thresholds(model: Model, nats: float) -> None:
    for set_model in model.sets.values():
        step = nats * set_model.scale
        set_model.thresholds = [[t + step for t in row] for row in set_model.thresholds]


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--holdout", nargs="*", default=list(HOLDOUT))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-set", type=int, default=40)
    parser.add_argument("--offsets", type=float, nargs="*", default=[],
                        help="also report overall figures with every threshold moved by these many nats")
    parser.add_argument("--budgets", type=float, nargs="*", default=[],
                        help="also report overall figures with thresholds chosen for these "
                             "cross-validated false alarms per 10,000 words")
    parser.add_argument("--confidences", type=float, nargs="*", default=[],
                        help="also report overall figures leaving out findings below these confidences "
                             "(what `min-confidence` does)")
    args = parser.parse_args(argv)
    held = set(args.holdout)
    held_paths = [p for p in sorted(args.corpus.rglob("*.txt")) if p.name in held]
    train_paths = corpus_books(args.corpus, held)
    print(f"training on {len(train_paths)} books, holding out {len(held_paths)}", file=sys.stderr)
    trained = train_all(read_books(train_paths))
    trained.set_thresholds()
    model = model_from_json(to_json(trained.models, trained.clusters))
    evaluate(held_paths, model, args.seed, args.per_set)
    for budget in args.budgets:
        print(f"false-alarm budget {budget:.2f} per 10k: ", end="")
        trained.set_thresholds(budget)
        evaluate(held_paths, model_from_json(to_json(trained.models, trained.clusters)), args.seed,
                 args.per_set, quiet=True)
    for cut in args.confidences:
        print(f"min-confidence {cut:.2f}: ", end="")
        evaluate(held_paths, model, args.seed, args.per_set, quiet=True, min_confidence=cut)
    for offset in args.offsets:
        print(f"thresholds {offset:+.1f} nats: ", end="")
        _shift_thresholds(model, offset)
        evaluate(held_paths, model, args.seed, args.per_set, quiet=True)
        _shift_thresholds(model, -offset)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
