"""Measure the part-of-speech tagger (ficlint/analysis/tagger.py).

    python scripts/eval_tagger.py ../shared/training [--split test] [--model PATH]

Prints, on the UD English Web Treebank split (test by default; dev was used for choices):
UPOS and XPOS accuracy per treebank word (fused predictions for "don't", "Harry's" are expanded
back to the treebank's words), accuracy on known words (seen in training, lowercase) and unknown
ones; the accuracy on the hand-tagged fiction sample (scripts/data/fiction-pos-sample.tsv) with its
errors; and the speed in tokens per second of CPU time.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_tagger import align, expand, read_conllu  # noqa: E402

from ficlint.analysis import tagger as T  # noqa: E402
from ficlint.resources import data_dir  # noqa: E402

SAMPLE = Path(__file__).resolve().parent / "data" / "fiction-pos-sample.tsv"


def evaluate_ud(tagger: T.Tagger, training: Path, split: str) -> None:
    train = read_conllu(training / "ud-ewt" / "train.conllu.xz")
    train_words = {w.form.lower() for s in train for w in s.words}
    sentences = read_conllu(training / "ud-ewt" / f"{split}.conllu.xz")
    tokens = [align(s) for s in sentences]
    words, starts = [], []
    for toks in tokens:
        starts.append(len(words))
        words += [t.form for t in toks]
    began = time.process_time()
    predicted = tagger.tag(words, starts)
    spent = time.process_time() - began
    total = upos = xpos = 0
    known = Counter()
    confusions = Counter()
    at = 0
    for sentence, toks in zip(sentences, tokens, strict=True):
        expanded = expand(sentence, toks, predicted[at:at + len(toks)])
        at += len(toks)
        for word, tag in zip(sentence.words, expanded, strict=True):
            total += 1
            kind = "known" if word.form.lower() in train_words else "unknown"
            known[kind, "all"] += 1
            if tag is not None and tag.upos == word.upos:
                upos += 1
                known[kind, "ok"] += 1
            else:
                confusions[word.upos, tag.upos if tag else None] += 1
            xpos += tag is not None and tag.xpos == word.xpos
    print(f"UD EWT {split}: {total} words")
    print(f"  UPOS accuracy {100 * upos / total:.2f}%   XPOS accuracy {100 * xpos / total:.2f}%")
    for kind in ("known", "unknown"):
        print(f"  {kind} words: {known[kind, 'all']} ({100 * known[kind, 'all'] / total:.1f}%), "
              f"UPOS {100 * known[kind, 'ok'] / max(1, known[kind, 'all']):.2f}%")
    print("  commonest UPOS confusions (gold -> predicted): "
          + ", ".join(f"{g}->{p} {c}" for (g, p), c in confusions.most_common(8)))
    print(f"  first call (type vectors worked out): {len(words) / spent:,.0f} tokens/s CPU")
    began = time.process_time()
    tagger.tag(words, starts)
    spent = time.process_time() - began
    print(f"  again (types known): {len(words) / spent:,.0f} tokens/s CPU")


def read_sample(path: Path = SAMPLE) -> list[tuple[str, list[str], list[T.Tag]]]:
    """The hand-tagged sentences: (source, tokens, tags)."""
    sentences = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.split("\n") if line]
        rows = [line.split("\t") for line in lines if not line.startswith("#")]
        source = next((line[len("# source = "):] for line in lines if line.startswith("# source = ")), "")
        if rows:
            sentences.append((source, [r[0] for r in rows], [T.Tag(r[1], r[2]) for r in rows]))
    return sentences


def evaluate_fiction(tagger: T.Tagger, show_errors: bool = True) -> None:
    sentences = read_sample()
    words, starts = [], []
    for _, tokens, _ in sentences:
        starts.append(len(words))
        words += tokens
    predicted = tagger.tag(words, starts)
    gold = [tag for _, _, tags in sentences for tag in tags]
    wordy = [any(c.isalpha() for c in w) for w in words]
    for name, keep in (("words", wordy), ("all tokens", [True] * len(words))):
        pairs = [(g, p) for g, p, k in zip(gold, predicted, keep, strict=True) if k]
        upos = sum(g.upos == p.upos for g, p in pairs)
        xpos = sum(g.xpos == p.xpos for g, p in pairs)
        print(f"fiction sample, {name}: {len(pairs)}, UPOS {100 * upos / len(pairs):.2f}%, "
              f"XPOS {100 * xpos / len(pairs):.2f}%")
    if show_errors:
        at = 0
        for _, tokens, tags in sentences:
            for i, (word, g) in enumerate(zip(tokens, tags, strict=True)):
                p = predicted[at + i]
                if g.upos != p.upos or g.xpos != p.xpos:
                    before, after = " ".join(tokens[max(0, i - 3):i]), " ".join(tokens[i + 1:i + 3])
                    context = f"{before} [{word}] {after}"
                    kind = "UPOS" if g.upos != p.upos else "XPOS"
                    print(f"  {kind} {g.upos}/{g.xpos} tagged {p.upos}/{p.xpos}: {context}")
            at += len(tokens)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("training", type=Path)
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument("--model", type=Path, default=data_dir() / T.MODEL_FILE)
    args = parser.parse_args()
    began = time.process_time()
    tagger = T.Tagger(*T.read_model(str(args.model)))
    print(f"model {args.model.name}: {args.model.stat().st_size:,} bytes, "
          f"loaded in {1000 * (time.process_time() - began):.0f} ms CPU")
    evaluate_ud(tagger, args.training, args.split)
    evaluate_fiction(tagger)


if __name__ == "__main__":
    main()


# -- the fiction sample ----------------------------------------------------------
SAMPLE_SEED = 15
SAMPLE_FILES = 4  # from each of realfic/ and written/
SAMPLE_WORDS_PER_FILE = 33
_EMPHASIS = re.compile(r"(?<![\w*])\*[^\s*][^*]*\*|(?<!\w)_[^\s_][^_]*_")
_QUOTE = re.compile(r"[\"“”]")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’*_]*\s+(?=[\"“‘*_]*[A-Z])")


def draw_sample(devset: Path) -> list[tuple[str, str]]:
    """Whole sentences drawn with a fixed seed from SAMPLE_FILES files of each devset part:
    (where, sentence text with emphasis marks removed)."""
    rng = random.Random(SAMPLE_SEED)
    drawn = []
    for part in ("realfic", "written"):
        files = sorted(p for p in (devset / part).glob("*/*") if p.suffix in (".txt", ".md"))
        for path in rng.sample(files, SAMPLE_FILES):
            paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n")
                          if p.strip() and not p.lstrip().startswith(("#", "**", "A/N", "Disclaimer"))]
            sentences = [(i, s.strip()) for i, p in enumerate(paragraphs) for s in _SENTENCE.split(p.strip())
                         if 4 <= len(T.WORD.findall(s)) <= 30]
            # one sentence with emphasis and one with speech first, when the file has them, then any
            picked: list[tuple[int, str]] = []
            for wanted in (_EMPHASIS.search, _QUOTE.search, None):
                pool = [s for s in sentences if (wanted is None or wanted(s[1]))
                        and T.WORD.findall(s[1]) not in [T.WORD.findall(t) for _, t in picked]]
                rng.shuffle(pool)
                for candidate in pool[:1] if wanted else pool:
                    if sum(len(T.WORD.findall(t)) for _, t in picked) >= SAMPLE_WORDS_PER_FILE:
                        break
                    picked.append(candidate)
            drawn += [(f"{path.relative_to(devset)} paragraph {i + 1}", text) for i, text in sorted(picked)]
    return drawn
