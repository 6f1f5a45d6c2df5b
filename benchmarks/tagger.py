#!/usr/bin/env python3
"""The part-of-speech tagger's cost on a novel: CPU seconds per 100,000 words.

    python benchmarks/tagger.py ../shared/corpus/lewis-main-street.txt [--repeat 3]

Reads the book, finds its tokens with tagger.TOKEN and its sentences by a simple rule (neither is
timed: the analysis layer works them out for every family), then times, in CPU seconds:
loading the model; tagging the whole book once in a fresh process state (every word type's score
vectors worked out: what a one-shot `ficlint check` pays); and tagging it again (types known: what
an editor pays on the next keystroke).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ficlint.analysis import tagger as T  # noqa: E402

_ENDS = frozenset({".", "!", "?", "...", "…", "?!", "!!", "!?"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "_"})


def tokens_and_starts(text: str) -> tuple[list[str], list[int]]:
    """The tokens of every paragraph, and the index of each sentence's first token: a paragraph's
    first, and the first after terminal punctuation (and closing quotes) that is capitalised or
    opens a quotation."""
    words: list[str] = []
    starts: list[int] = []
    for paragraph in text.split("\n\n"):
        tokens = [m.group(0) for m in T.TOKEN.finditer(paragraph)]
        if not tokens:
            continue
        first = len(words)
        starts.append(first)
        for i in range(1, len(tokens)):
            if tokens[i][0].isupper() or tokens[i] in T.OPEN_QUOTES:
                j = i - 1
                while j > 0 and tokens[j] in _CLOSERS:
                    j -= 1
                if tokens[j] in _ENDS:
                    starts.append(first + i)
        words += tokens
    return words, starts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("book", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="repeats of the warm run (the best is kept)")
    args = parser.parse_args()
    words, starts = tokens_and_starts(args.book.read_text(encoding="utf-8"))
    n_words = sum(1 for w in words if w[:1].isalpha())
    per = 100_000 / n_words

    began = time.process_time()
    import numpy  # noqa: F401 - the tagger imports it when it loads

    numpy_import = time.process_time() - began
    began = time.process_time()
    tagger = T.load_tagger()
    load = time.process_time() - began
    began = time.process_time()
    tagger.tag(words, starts)
    cold = time.process_time() - began
    warm = min(_timed(tagger, words, starts) for _ in range(args.repeat))
    print(f"{args.book.name}: {n_words:,} words, {len(words):,} tokens, {len(starts):,} sentences")
    print(f"  import numpy                      {1000 * numpy_import:7.1f} ms CPU")
    print(f"  model load                        {1000 * load:7.1f} ms CPU")
    print(f"  tag, first time (types new)       {cold:7.3f} s CPU = {cold * per:.3f} s per 100,000 words")
    print(f"  tag again (types known)           {warm:7.3f} s CPU = {warm * per:.3f} s per 100,000 words")


def _timed(tagger: T.Tagger, words: list[str], starts: list[int]) -> float:
    began = time.process_time()
    tagger.tag(words, starts)
    return time.process_time() - began


if __name__ == "__main__":
    main()
