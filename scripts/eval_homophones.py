"""Evaluate the homophone rules (H001 model, H002 patterns, H003 phrases) on held-out text.

    python scripts/eval_homophones.py [--split test] [--model PATH] [--books N] [--works N]
        [--seed 7] [--table docs/homophones.md] [--sample 100]

Reads the `test` split of ../shared/training (scripts/training_data.py: books and fan
fiction that neither training nor any threshold has seen) and, in each text,

1. lints the untouched text and counts findings per 10,000 words. In the edited books
   every finding is a false alarm as far as we know; fan fiction has real slips too, so
   --sample prints a fixed-seed sample of its findings to judge by hand;
2. injects confusions at natural positions (fixed seed): occurrences of set members
   (inflected forms included) swapped for another member of their set, and correct
   fixed phrases ("sneak peek", "could have") turned into the wrong ones the data
   lists; at most PER_SET per set and text, no two within MIN_GAP tokens; lints the
   injected text and counts, per set, the injections caught (a finding on the injected
   word that suggests the original) and the findings elsewhere.

Prints per-set and overall recall and precision, and writes the per-direction table
(written -> meant: uses, false alarms per 10k uses, injections, recall) to --table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from training_data import TRAINING, books, works  # noqa: E402

from ficlint.analysis import AnalyzedDocument  # noqa: E402
from ficlint.analysis.confusables import confusion_sets, phrases  # noqa: E402
from ficlint.check import Context  # noqa: E402
from ficlint.config import Config  # noqa: E402
from ficlint.diagnostics import Diagnostic, keep_case  # noqa: E402
from ficlint.document import RegionKind  # noqa: E402
from ficlint.resources import data_dir  # noqa: E402
from ficlint.rules.homophones import h002_homophone_pattern as h002  # noqa: E402
from ficlint.rules.homophones import h003_misheard_phrase as h003  # noqa: E402
from ficlint.rules.homophones._model import MODEL_FILE, Model, load_model, read_model  # noqa: E402
from ficlint.rules.homophones.h001_homophone_in_context import model_findings  # noqa: E402

PER_SET = 2  # injections per set and text (books: BOOK_PER_SET)
BOOK_PER_SET = 12
PER_PHRASE = 3
MIN_GAP = 12  # tokens between two injections
_INJECT_IN = (RegionKind.NARRATION, RegionKind.DIALOGUE)


@dataclass(frozen=True)
class Injection:
    start: int
    end: int
    original: str  # lowercase
    written: str  # lowercase
    set_name: str  # or "phrase: <words>"


def findings(doc: AnalyzedDocument, model: Model, min_confidence: float = 0.0) -> list[Diagnostic]:
    """What H001, H002 and H003 report, one finding per word (as the rules do together)."""
    ctx = Context(Config(), frozenset({"H001", "H002", "H003"}))
    fixed = list(h002.check(doc, ctx)) + list(h003.check(doc, ctx))
    taken = {d.start for d in fixed}
    found = fixed + [d for d in model_findings(doc, model) if d.start not in taken]
    return [d for d in found if (d.confidence or 0.0) >= min_confidence]


def inject(text: str, rng: random.Random, per_set: int, phrase_rng: random.Random | None = None
           ) -> tuple[str, list[Injection]]:
    """The text with confusions swapped in, and where they are: set members first (drawn
    from `rng`), then fixed phrases (from `phrase_rng`) where no member was swapped nearby,
    so adding phrases leaves the members' injections as they were."""
    doc = AnalyzedDocument.from_text(text)
    tokens = doc.tokens
    lowered = tokens.lower
    by_word = defaultdict(list)
    for s in confusion_sets():
        for w in s.members:
            by_word[w].append(s)
    candidates: list[tuple[int, int, int, str, str]] = []  # (first token, last token, kind, original, swap)
    for j, word in enumerate(lowered):
        for s in by_word.get(word, ()):
            swap = rng.choice([w for w in s.members if w != word])
            candidates.append((j, j, 0, s.name, swap))
    rng.shuffle(candidates)
    if phrase_rng is not None:
        candidates += _phrase_candidates(lowered, tokens.sentence, phrase_rng)
    taken: Counter[str] = Counter()
    used: list[int] = []
    chosen = []
    for first, last, kind, name, swap in candidates:
        limit = PER_PHRASE if kind else per_set
        if taken[name] >= limit or any(abs(first - u) < MIN_GAP for u in used):
            continue
        start, end = tokens.start[first], tokens.end[last]
        if doc.kind_at(start) not in _INJECT_IN:
            continue
        written = text[start:end]
        if kind == 0 and written[:1].isupper() and written.lower() != written and first > 0 and \
                tokens.sentence[first - 1] == tokens.sentence[first]:
            continue  # a name mid-sentence ("Will"): not a word a writer would misspell
        taken[name] += 1
        used.append(first)
        # the original as the rules spell their suggestions: "it’s" is read as "it's"
        original = " ".join(lowered[first:last + 1])
        chosen.append((start, end, written, original, swap, name))
    chosen.sort()
    pieces, injections, at, shift = [], [], 0, 0
    for start, end, written, original, swap, name in chosen:
        replacement = keep_case(written, swap)
        pieces += [text[at:start], replacement]
        injections.append(Injection(start + shift, start + shift + len(replacement), original,
                                    swap.lower(), name))
        shift += len(replacement) - (end - start)
        at = end
    pieces.append(text[at:])
    return "".join(pieces), injections


def _phrase_candidates(lowered: list[str], sentence: list[int], rng: random.Random
                       ) -> list[tuple[int, int, int, str, str]]:
    """Correct fixed phrases in the text, to be turned into the wrong ones the data lists."""
    found = []
    for phrase in phrases():
        right_of = {v: " ".join(k) for k, v in phrase.fix.items()}
        wrong_to_right = {" ".join(k): v for k, v in phrase.fix.items()}
        corrected = []
        for slot in phrase.slots:
            alternatives = set()
            for word in slot:
                alternatives.add(wrong_to_right.get(word, word))  # the phrase as it should be written
            corrected.append(alternatives)
        fixed_words = set(right_of)
        name = "phrase: " + " ".join("|".join(sorted(s)) for s in phrase.slots)
        for i in range(len(lowered)):
            span = _match(corrected, phrase.optional, lowered, sentence, i)
            if span is None:
                continue
            for j in range(span[0], span[1] + 1):
                for right, wrong in right_of.items():
                    parts = right.split()
                    if lowered[j:j + len(parts)] == parts and right in fixed_words:
                        found.append((j, j + len(parts) - 1, 1, name, wrong))
    rng.shuffle(found)
    return found


def _match(slots: list[set[str]], optional: tuple[bool, ...], words: list[str], sentence: list[int],
           at: int) -> tuple[int, int] | None:
    i = at
    for slot, opt in zip(slots, optional, strict=True):
        multi = [s.split() for s in slot]
        hit = next((p for p in multi if words[i:i + len(p)] == p and sentence[i] == sentence[at]), None)
        if hit is not None:
            i += len(hit)
        elif not opt:
            return None
    return at, i - 1


@dataclass
class Tally:
    words: int = 0
    clean: int = 0
    injected: Counter = None  # type: ignore[assignment]
    caught: Counter = None  # type: ignore[assignment]
    wrong: Counter = None  # type: ignore[assignment]
    uses: Counter = None  # type: ignore[assignment]  # (written, meant) -> uses of `written` in clean text
    alarms: Counter = None  # type: ignore[assignment]  # (written, meant) -> findings in clean text
    dir_injected: Counter = None  # type: ignore[assignment]
    dir_caught: Counter = None  # type: ignore[assignment]
    found: list = None  # type: ignore[assignment]  # every finding, for --dump: (kind, text, offset, ...)

    def __post_init__(self) -> None:
        for name in ("injected", "caught", "wrong", "uses", "alarms", "dir_injected", "dir_caught"):
            setattr(self, name, Counter())
        self.found = []


def evaluate(texts: list[tuple[str, str]], model: Model, seed: int, per_set: int, label: str,
             samples: list[tuple[str, str, str]] | None = None, min_confidence: float = 0.0) -> Tally:
    rng = random.Random(seed)
    phrase_rng = random.Random(f"phrases {seed}")  # its own stream: phrases leave members' draws alone
    tally = Tally()
    members = {w for s in confusion_sets() for w in s.members}
    for name, text in texts:
        doc = AnalyzedDocument.from_text(text)
        tally.words += sum(doc.tokens.is_word)
        for word in doc.tokens.lower:
            if word in members:
                tally.uses[word] += 1
        for d in findings(doc, model, min_confidence):
            tally.clean += 1
            written = text[d.start:d.end].lower()
            tally.alarms[written, str(d.data.get("intended", "")).lower()] += 1
            tally.found.append(("untouched", name, d.start, written, str(d.data.get("intended", "")),
                                text[max(0, d.start - 60):d.end + 40].replace("\n", " ")))
            if samples is not None:
                context = text[max(0, d.start - 80):d.end + 60].replace("\n", " ")
                what = f"{text[d.start:d.end]} -> {d.data.get('intended')} [{d.rule}]"
                samples.append((name, context, what))
        changed, injections = inject(text, rng, per_set, phrase_rng)
        at = {(i.start, i.end): i for i in injections}
        for i in injections:
            tally.injected[i.set_name] += 1
            tally.dir_injected[i.written, i.original] += 1
            tally.found.append(("injected", name, i.start, i.written, i.original,
                                changed[max(0, i.start - 60):i.end + 40].replace("\n", " ")))
        for d in findings(AnalyzedDocument.from_text(changed), model, min_confidence):
            hit = at.get((d.start, d.end))
            intended = str(d.data.get("intended", "")).lower()
            if hit and hit.original == intended:
                tally.caught[hit.set_name] += 1
                tally.dir_caught[hit.written, hit.original] += 1
                tally.found.append(("caught", name, d.start, hit.written, hit.original, ""))
            else:
                tally.found.append(("stray", name, d.start, changed[d.start:d.end].lower(), intended,
                                    changed[max(0, d.start - 60):d.end + 40].replace("\n", " ")))
                tally.wrong[hit.set_name if hit else str(d.data.get("set", d.data.get("pattern", "?")))] += 1
    n, tp, fp = sum(tally.injected.values()), sum(tally.caught.values()), sum(tally.wrong.values())
    if not texts:
        return tally
    print(f"{label}: {len(texts)} texts, {tally.words} words; untouched: {tally.clean} findings, "
          f"{per_10k(tally.clean, tally.words)} per 10,000 words; injected: {n}, caught {tp} "
          f"(recall {pct(tp, n)}), other findings {fp} (precision {pct(tp, tp + fp)})")
    return tally


def per_10k(count: int, words: int) -> str:
    return f"{10000 * count / words:.2f}" if words else "-"


def pct(a: float, b: float) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def per_set_report(tallies: list[Tally]) -> None:
    print(f"\n{'set':<40} {'inj':>5} {'TP':>5} {'FP':>4} {'prec':>7} {'recall':>7}")
    names = [s.name for s in confusion_sets()]
    names += sorted({k for t in tallies for k in t.injected if k.startswith("phrase: ")})
    for name in names:
        n = sum(t.injected[name] for t in tallies)
        tp = sum(t.caught[name] for t in tallies)
        fp = sum(t.wrong[name] for t in tallies)
        if n or fp:
            print(f"{name[:40]:<40} {n:>5} {tp:>5} {fp:>4} {pct(tp, tp + fp):>7} {pct(tp, n):>7}")


def write_table(path: Path, tallies: dict[str, Tally], summary: list[str], measured: list[str]) -> None:
    """The per-direction table: for each set and each direction written -> meant, the uses
    in the untouched held-out text, the findings there (false alarms in the books) per
    10,000 uses, and the injected slips caught."""
    sources = [k for k, t in tallies.items() if t.words]
    together = {("books",): "Held-out books only, so every alarm is a false alarm.",
                ("fanfic",): "Held-out fan fiction only: some alarms are the writer's real slips.",
                ("books", "fanfic"): "Books and fan fiction together (in fan fiction some alarms are the "
                                     "writer's real slips)."}[tuple(sources)]
    lines = ["# Homophones: false alarms and recall per pair", "",
             "Generated by `scripts/eval_homophones.py` (do not edit) on the `test` split of the training",
             "data (books and fan fiction that neither the model nor its thresholds have seen).", "",
             "The model: per confusion set, a logistic regression over the words and word classes around "
             "the word, plus the word n-gram counts of each member beside the same neighbours in the "
             "train split (`ficlint/rules/homophones/_ngrams.py`), with the word-class slots of "
             "`ficlint/analysis/slots.py`; one threshold per "
             "direction chosen on the `tune` split for a budget of false alarms counted on the edited "
             "books (a fan-fiction finding counts only as far as the edited books vouch for the written "
             "word beside its neighbours); see `scripts/train_homophones.py`.", "",
             *measured, "", *summary, "",
             "How to read a row (*written* → *meant*): **uses** is how often the held-out text has the "
             "written word; **alarms** how often ficlint said it should be the meant word there, and **per "
             "10k uses** that rate (2 alarms in 40,000 uses of *their* is about one needless question per "
             "20,000 times you write *their*); **injected** is how many times the slip was made on purpose "
             "at a natural place (a correct *meant* swapped for *written*), and **recall** how many of "
             "those ficlint caught. A pair with low recall is one to proofread yourself; a pair with a high "
             "alarm rate is one where a finding deserves a second look before you accept it (or raise "
             "`min-confidence`). Rows with a few dozen uses or injections are anecdotes, not rates. "
             f"{together}", "",
             "| set | written → meant | uses | alarms | per 10k uses | injected | recall |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    uses, alarms, injected, caught = Counter(), Counter(), Counter(), Counter()
    for t in tallies.values():
        uses.update(t.uses)
        alarms.update(t.alarms)
        injected.update(t.dir_injected)
        caught.update(t.dir_caught)
    for s in confusion_sets():
        for a in s.members:
            for b in s.members:
                if a == b or not (uses[a] or injected[a, b]):
                    continue
                n = injected[a, b]
                rate = f"{10000 * alarms[a, b] / uses[a]:.1f}" if uses[a] else "-"
                lines.append(f"| {s.name} | {a} → {b} | {uses[a]} | {alarms[a, b]} | {rate} | {n} | "
                             f"{pct(caught[a, b], n)} |")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def how_measured(args: argparse.Namespace, argv: list[str], commit: str, model_path: Path,
                 tallies: dict[str, Tally], n_books: int, n_works: int) -> list[str]:
    """Where the table's figures come from: the code, the model, the texts and the seed."""
    digest = hashlib.sha256(model_path.read_bytes()).hexdigest()[:12]
    texts = []
    if n_books:
        texts.append(f"the first {_count(n_books, 'book')} of the split in file order "
                     f"({tallies['books'].words:,} words, at most {args.book_per_set} injections per set "
                     "and book)")
    if n_works:
        texts.append(f"the first {_count(n_works, 'fan-fiction work')} in shard order "
                     f"({tallies['fanfic'].words:,} words, at most {PER_SET} per set and work)")
    return [f"- code: commit `{commit}`; model: `{model_path.name}` (sha256 `{digest}…`); command: "
            f"`python scripts/eval_homophones.py {' '.join(argv)}`",
            f"- text: split `{args.split}`, {'; '.join(texts)}; words as ficlint counts them",
            f"- injections: seed {args.seed}, at most {PER_PHRASE} per phrase and text, no two within "
            f"{MIN_GAP} tokens, only in narration and dialogue; a catch is a finding on the injected word "
            "that suggests the original"]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "ficlint", "rules", "scripts"],
                               cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} with local changes" if dirty else head


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--training", type=Path, default=TRAINING)
    parser.add_argument("--model", type=Path, default=None, help="a model file (default: the shipped one)")
    parser.add_argument("--books", type=int, default=None, help="at most this many books")
    parser.add_argument("--works", type=int, default=None, help="at most this many fan-fiction works")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--book-per-set", type=int, default=BOOK_PER_SET,
                        help="injections per set and book (the first model's evaluation used 40)")
    parser.add_argument("--table", type=Path, default=None, help="write the per-pair table here")
    parser.add_argument("--sample", type=int, default=0, help="print this many fan-fiction findings (seeded)")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--dump", type=Path, default=None,
                        help="write every injection and finding (untouched, caught, stray) here as JSON "
                             "lines, to diff two runs")
    parser.add_argument("--files", type=Path, nargs="*", default=None,
                        help="evaluate these edited texts instead of the split (e.g. the four corpus books "
                             "the first model was measured on)")
    args = parser.parse_args(argv)
    model_path = args.model or data_dir() / MODEL_FILE
    commit = _commit()  # before the run: the tree may move on while it runs
    model = read_model(args.model.read_bytes()) if args.model else load_model()  # either layout
    if model is None:
        parser.error("no model")
    if args.files is not None:
        book_texts = [(p.name, p.read_text(encoding="utf-8")) for p in args.files]
        work_texts = []
    else:
        book_texts = list(books(args.split, args.training, args.books))
        work_texts = [(str(i), t) for i, t in works(args.split, args.training, args.works)]
    samples: list[tuple[str, str, str]] = []
    tallies = {
        "books": evaluate(book_texts, model, args.seed, args.book_per_set, "held-out books", None,
                          args.min_confidence),
        "fanfic": evaluate(work_texts, model, args.seed, PER_SET, "held-out fan fiction", samples,
                           args.min_confidence),
    }
    per_set_report(list(tallies.values()))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for label, tally in tallies.items():
                for row in tally.found:
                    fh.write(json.dumps([label, *row], ensure_ascii=False) + "\n")
    n = sum(sum(t.injected.values()) for t in tallies.values())
    tp = sum(sum(t.caught.values()) for t in tallies.values())
    fp = sum(sum(t.wrong.values()) for t in tallies.values())
    summary = [f"- held-out {k}: {t.words:,} words, {t.clean} findings on the untouched text "
               f"({per_10k(t.clean, t.words)} per 10,000 words); {sum(t.injected.values())} injected, "
               f"recall {pct(sum(t.caught.values()), sum(t.injected.values()))}" for k, t in tallies.items()
               if t.words]
    summary.append(f"- all injections: {n}, caught {tp} (recall {pct(tp, n)}), precision {pct(tp, tp + fp)}")
    print("\n".join(summary))
    if args.table:
        argv = sys.argv[1:] if argv is None else argv
        write_table(args.table, tallies, summary,
                    how_measured(args, argv, commit, model_path, tallies, len(book_texts), len(work_texts)))
    if args.sample:
        rng = random.Random(args.seed)
        chosen = sorted(rng.sample(range(len(samples)), min(args.sample, len(samples))))
        print(f"\nfan-fiction findings, {len(chosen)} of {len(samples)} (seed {args.seed}):")
        for k, i in enumerate(chosen, 1):
            name, context, what = samples[i]
            print(f"{k:3}. [{name}] {what}\n     {context!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
