#!/usr/bin/env python3
"""write_works.py SPLIT START END FOLDER : write works number START..END-1 (0-based, in works(SPLIT) order)
of the fan-fiction split, one file a work (work-<id>.txt), and print the word count."""
import sys
from pathlib import Path

sys.path.insert(0, "/work/main/scripts")
from training_data import works

split, start, end, folder = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
folder.mkdir(parents=True, exist_ok=True)
total = 0
for i, (work_id, text) in enumerate(works(split)):
    if i >= end:
        break
    if i >= start:
        (folder / f"work-{work_id}.txt").write_text(text + "\n", encoding="utf-8")
        total += len(text.split())
print(f"{split} works {start}-{end - 1}: {end - start} files, {total:,} words in {folder}")
