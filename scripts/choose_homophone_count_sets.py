"""Choose, on the tune split, which confusion sets H001 lets the word n-gram counts speak for
(the `sets` of ficlint/data/homophone-ngrams.bin.gz; see ficlint/rules/homophones/_ngrams.py).

    python scripts/choose_homophone_count_sets.py --model MODEL_WITHOUT_COUNTS_THRESHOLDS
        --table FULL_TABLE --counts COUNTS.npz [--cache DIR] [--floors 0,30,100,300,1000]
        [--out sets.json [--floor F]]

Scores every tune use twice, with the counts (the full table: every set in it) and without
(the linear model alone), then for each floor F:
  1. a set whose rarest member was seen fewer than F times in train gets no counts: a
     member seen 20 times gets a large negative lift in every context where the common one
     was counted (smoothing with 2 prior occurrences cannot tell "never here" from "seldom
     anywhere"), which made new false alarms of rare words written right (buoy, tolled, lyre);
  2. thresholds are chosen as scripts/train_homophones.py chooses them (0.2 per 10k);
  3. at the price per false alarm that choice settles on, a set keeps the counts only if its
     own curves are worth more with them (slips caught - price x expected false alarms);
     the thresholds are then chosen again.
It logs, per floor, the tune slips caught and the tune-book uses flagged (every one a false
alarm: the books are edited) and writes every floor's count sets to --out, or with --floor F that
floor's list alone, the form scripts/build_homophone_ngrams.py --sets reads
(scripts/homophone-count-sets.json is --floor 10000).
Nothing here reads the test split.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
import train_homophones as th  # noqa: E402

from ficlint.analysis.confusables import confusion_sets  # noqa: E402
from ficlint.rules.homophones import _model as hm  # noqa: E402
from ficlint.rules.homophones import _ngrams as ng  # noqa: E402
from ficlint.rules.homophones._judge import accepted_uses, manuscript_margins, margin_matrix  # noqa: E402

Use = tuple[int, np.ndarray, float, bool]  # written member, margin matrix, false-alarm weight, in a book


def edited_bigrams(model: hm.Model, header: dict, root: Path, cache: Path | None) -> th.EditedBigrams:
    sets = confusion_sets()
    index = {w: i for i, w in enumerate(header["vocab"])}
    is_member = np.zeros(len(index), dtype=bool)
    is_member[[index[w] for s in sets for w in s.members]] = True
    encoded = []
    for text in th.train_texts(root, cache):
        if not text.fanfic:
            words, sentence = text.flat()
            encoded.append((hm.token_ids(words, index), hm.new_sentences(sentence), False))
    return th.EditedBigrams.of(encoded, is_member)


def tune_uses(model: hm.Model, table: ng.NgramTable, edited: th.EditedBigrams, root: Path,
              cache: Path | None) -> tuple[dict[str, list[list[Use]]], float]:
    """Per variant ("plain", "counts"), per set, every tune use; and the tune words as the
    budget counts them."""
    found = {v: [[] for _ in model.sets] for v in ("plain", "counts")}
    width = max(len(s.members) for s in model.sets)
    words_total = 0.0
    for n, text in enumerate(th.split_texts("tune", root, cache)):
        uses = th.text_uses(model, text)
        if uses is None:
            continue
        words, sentence, ids, new, token, set_index, written, enc, n_words = uses
        with th.without_ngrams():
            base = hm.score(model, enc, token, set_index, written)
        lifts = ng.lifts(model, enc, token, set_index, width, table, every_set=True)
        upos = text.upos()
        words_total += n_words * (th.FANFIC_ALARM_WEIGHT if text.fanfic else 1.0)
        left, right = th.neighbours(ids, new)
        for variant, scores in (("plain", base.scores), ("counts", base.scores + ng.NGRAM_WEIGHT * lifts)):
            scored = hm.Scored(token, set_index, written, scores)
            extra = manuscript_margins(model, accepted_uses(model, scored, words), n_words)
            matrices = margin_matrix(model, scored, words, sentence, extra, upos)
            for s, a, matrix, weight in th.weighted_uses(model, matrices, token, set_index, written, left,
                                                         right, edited, text.fanfic, th.MIN_THRESHOLD):
                found[variant][s].append((a, matrix, weight, not text.fanfic))
        if n % 200 == 0:
            th.log(f"tune text {n}")
    return found, words_total


def curves_of(uses: list[list[Use]]) -> list[list[th.Curve]]:
    return th.set_curves_all([[(a, m, w) for a, m, w, _ in set_uses] for set_uses in uses], confusion_sets())


def price_of(curves: list[th.Curve], words: float, per_10k: float) -> float:
    """The price per false alarm `th.choose_thresholds` settles on."""
    return th.price_within(curves, per_10k * words / 10000)


def set_values(curves_by_set: list[list[th.Curve]], price: float) -> list[float]:
    """Each set's best worth at `price` (its curves' expected false alarms shrunk among all curves)."""
    flat = [c for curves in curves_by_set for c in curves]
    alarms = iter(th.expected_false_alarms(flat))
    grid = np.array(th.GRID)
    values = []
    for curves in curves_by_set:
        total = 0.0
        for c in curves:
            value = np.where(grid >= c.floor, c.weight * c.catches - price * next(alarms), -np.inf)
            total += float(value.max())
        values.append(total)
    return values


def book_alarms(uses: list[list[Use]], thresholds: list[list[list[float]]]) -> int:
    """Tune-book uses some suggestion clears its threshold for: false alarms, every one."""
    n = 0
    for s, set_uses in enumerate(uses):
        limit = np.array(thresholds[s])
        for a, matrix, _, in_book in set_uses:
            if in_book and (matrix[a] > limit[a]).any():
                n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--table", type=Path, required=True, help="a counts table with every set")
    parser.add_argument("--counts", type=Path, required=True,
                        help="build_homophone_ngrams' full counts (.npz)")
    parser.add_argument("--training", type=Path, default=th.TRAINING)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--floors", default="0,30,100,300,1000")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--floor", type=int, default=None,
                        help="write only this floor's count sets (the list --sets of build_homophone_ngrams)")
    args = parser.parse_args(argv)
    raw = args.model.read_bytes()
    header, _ = hm.model_parts(raw)
    model = hm.read_model(raw)
    table = ng.read_table(gzip.decompress(args.table.read_bytes()))
    uses_by_member = np.load(args.counts)["uses"]
    sets = confusion_sets()
    rarest = [int(uses_by_member[s, :len(c.members)].min()) for s, c in enumerate(sets)]
    th.log("edited books of train")
    edited = edited_bigrams(model, header, args.training, args.cache)
    th.log("tune")
    found, words = tune_uses(model, table, edited, args.training, args.cache)
    plain, counted = curves_of(found["plain"]), curves_of(found["counts"])
    alone = th.thresholds_for(plain, sets, words, 0.2)
    th.log(f"no counts: {book_alarms(found['plain'], alone)} tune-book alarms")
    chosen: dict[int, list[int]] = {}
    for floor in (int(f) for f in args.floors.split(",")):
        allowed = [rarest[s] >= floor for s in range(len(sets))]
        mixed = [counted[s] if allowed[s] else plain[s] for s in range(len(sets))]
        price = price_of([c for cs in mixed for c in cs], words, 0.2)
        with_counts = set_values(mixed, price)
        without = set_values(plain, price)
        keep = [s for s in range(len(sets)) if allowed[s] and with_counts[s] > without[s]]
        final = [counted[s] if s in keep else plain[s] for s in range(len(sets))]
        uses = [found["counts"][s] if s in keep else found["plain"][s] for s in range(len(sets))]
        thresholds = th.thresholds_for(final, sets, words, 0.2)
        th.log(f"floor {floor}: {sum(allowed)} sets allowed counts, {len(keep)} kept them; "
               f"{book_alarms(uses, thresholds)} tune-book alarms; dropped: "
               + ", ".join(sets[s].name for s in range(len(sets)) if allowed[s] and s not in keep))
        chosen[floor] = keep
    if args.out and args.floor is not None:  # one floor's count sets: [set names]
        if args.floor not in chosen:
            parser.error(f"--floor {args.floor} is not among --floors {args.floors}")
        args.out.write_text(json.dumps([sets[s].name for s in chosen[args.floor]], indent=0) + "\n")
    elif args.out:  # the count sets of every floor: {floor: [set names]}
        names = {f: [sets[s].name for s in keep] for f, keep in chosen.items()}
        args.out.write_text(json.dumps(names, indent=0) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
