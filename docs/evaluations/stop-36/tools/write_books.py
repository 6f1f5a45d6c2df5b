#!/usr/bin/env python3
"""write_books.py FOLDER NUMBER... : write the Gutenberg books with these numbers (e.g. 0027) to FOLDER, one
file a book (book-NNNN.txt), and print the word count. Refuses test-split books."""
import lzma
import sys
from pathlib import Path

sys.path.insert(0, "/work/main/scripts")
from training_data import TRAINING, split_of

folder = Path(sys.argv[1])
folder.mkdir(parents=True, exist_ok=True)
total = 0
for number in sys.argv[2:]:
    if split_of(int(number)) == "test":
        sys.exit(f"book {number} is in the test split")
    with lzma.open(TRAINING / "gutenberg" / f"{number}.txt.xz", "rt", encoding="utf-8") as fh:
        text = fh.read()
    (folder / f"book-{number}.txt").write_text(text, encoding="utf-8")
    total += len(text.split())
print(f"{len(sys.argv) - 2} books, {total:,} words in {folder}")
