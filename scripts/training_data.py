"""The training data in ../shared/training/, split once for every script: train, tune, test.

Every trained model and every threshold in ficlint comes from these splits, so no
figure is ever measured on text a model learnt from or a threshold was chosen on:

- train: what models and lists learn from;
- tune:  where thresholds and other settings are chosen;
- test:  held out from both, for the figures reported in closing notes and docs/.

Gutenberg books are split by file (the number in `0042.txt.xz`), fan-fiction works by
their AO3 work id (each shard holds works separated by a form feed, and the manifest
lists their ids in order), both modulo 10: 0 and 1 go to test, 2 to tune, the rest to
train. `../shared/corpus/` (the 14 edited novels) is none of these: it only ever counts
false alarms.

    from training_data import books, works
    for name, text in books("test"): ...
    for work_id, text in works("train", limit=500): ...
"""

from __future__ import annotations

import csv
import lzma
from collections.abc import Iterator
from pathlib import Path

TRAINING = Path(__file__).resolve().parent.parent.parent / "shared" / "training"
SPLITS = ("train", "tune", "test")


def split_of(number: int) -> str:
    """The split a book number or an AO3 work id belongs to."""
    digit = number % 10
    return "test" if digit in (0, 1) else "tune" if digit == 2 else "train"


def books(split: str, root: Path = TRAINING, limit: int | None = None) -> Iterator[tuple[str, str]]:
    """(file name, text) of the Gutenberg books in a split, in file order."""
    _check(split)
    count = 0
    for path in sorted((root / "gutenberg").glob("*.txt.xz")):
        if limit is not None and count >= limit:
            return
        if split_of(int(path.name.split(".")[0])) != split:
            continue
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            yield path.name, fh.read()
        count += 1


def works(split: str, root: Path = TRAINING, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """(AO3 work id, text) of the fan-fiction works in a split, in shard order."""
    _check(split)
    ids: dict[str, list[int]] = {}
    with (root / "fanfic" / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            ids.setdefault(row["shard"], []).append(int(row["ao3_work"]))
    count = 0
    for shard in sorted(ids):
        if limit is not None and count >= limit:
            return
        with lzma.open(root / "fanfic" / shard, "rt", encoding="utf-8") as fh:
            texts = fh.read().split("\f")
        texts = [t.strip("\n") for t in texts if t.strip()]
        for work_id, text in zip(ids[shard], texts, strict=False):
            if limit is not None and count >= limit:
                return
            if split_of(work_id) != split:
                continue
            yield work_id, text
            count += 1


def write_or_check(output: Path, data: str | bytes, check: bool) -> None:
    """Write a built data file (text as UTF-8, or bytes as they are), or with `check` compare it
    with the shipped one and exit 0 if it is up to date, 1 if it differs (the build scripts' --check)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if check:
        same = output.exists() and output.read_bytes() == raw
        print("up to date" if same else "differs: run without --check")
        raise SystemExit(0 if same else 1)
    output.write_bytes(raw)


def _check(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")


if __name__ == "__main__":
    for split in SPLITS:
        book_words = sum(len(t.split()) for _, t in books(split))
        work_words = sum(len(t.split()) for _, t in works(split))
        print(f"{split}: {book_words:,} words of books, {work_words:,} words of fan fiction")
