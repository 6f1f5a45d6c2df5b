"""Write the held-out census slices from ../shared/training into a folder (default scripts/census/slices/).

    python scripts/census/slices.py [FOLDER]

Each slice is a set of plain-text files, one a work or book, named as in the judged findings of
docs/evaluations/census/ (`work-<AO3 id>.txt`, `book-<number>.txt`), so a finding's key (set, file, rule,
start offset, text) is the same in every checkout. The texts never change; the files are rebuilt byte
for byte.

    ffb/        holdout-2b: test-split fan fiction, sample_findings.write_stretch(1070000, 133000):
                test works 400-447, 48 works, 133,170 words. RESERVED for the end-of-stop measurement:
                nobody reads its findings to find mechanisms.
    ff/         holdout-2: write_stretch(1930000, 150000): test works 734-798, 65 works, 150,448 words
                (precision2's stretch of stop 30 overlaps it and s26 judged tense on 12 of its works).
    books/      holdout-2 books: test-split Gutenberg 0330 0350 0360, whole files, 301,107 words.
    audit-ff/   stop 30's audit slice: write_stretch(2150000, 150000), 64 works, 151,740 words.
    audit-books/  the audit's books: test-split Gutenberg 0320 0321 0371 0381, 329,977 words.

The audit slices are measured text (the audit's false findings were read for mechanisms). Their judged
findings (docs/evaluations/census/audit-s30/audit-census.tsv) are keyed by file, rule, line and text, not
offset: rejudge.py does not score them.
"""
from __future__ import annotations

import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SCRIPTS))
from sample_findings import write_stretch  # noqa: E402
from training_data import books  # noqa: E402

HERE = Path(__file__).resolve().parent
STRETCHES = {"ffb": (1070000, 133000), "ff": (1930000, 150000), "audit-ff": (2150000, 150000)}
BOOKS = {"books": ("0330", "0350", "0360"), "audit-books": ("0320", "0321", "0371", "0381")}


def write(root: Path) -> dict[str, int]:
    """Write every slice under root; return each slice's word count."""
    counts = {}
    for name, (skip, words) in STRETCHES.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        counts[name] = write_stretch(folder, skip, words)
    wanted = {number: name for name, numbers in BOOKS.items() for number in numbers}
    for name in BOOKS:
        (root / name).mkdir(parents=True, exist_ok=True)
        counts[name] = 0
    for file_name, text in books("test"):
        number = file_name.split(".")[0]
        if number in wanted:
            name = wanted[number]
            (root / name / f"book-{number}.txt").write_text(text + "\n", encoding="utf-8")
            counts[name] += len(text.split())
    return counts


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "slices"
    for name, words in write(root).items():
        print(f"{root / name}: {len(list((root / name).glob('*.txt')))} files, {words:,} words")


if __name__ == "__main__":
    main()
