#!/usr/bin/env python3
"""How often S001's first suggestion is the word meant, on common typos.

    pip install codespell   # its dictionary.txt: misspellings collected from Wikipedia's lists
    python scripts/eval_suggestions.py [--common 10000] [--show 20]

The typo list is built from codespell's dictionary (read from the installed
package, never shipped): every entry with one correction, where the correction is
one of the `--common` commonest words of ficlint's dictionary (a common word, as
a fan-fiction writer would mistype it), the misspelling is no dictionary word,
and neither is on ficlint's own common-misspellings list (that list is data
ficlint looks up, not a guess). Reported: how many typos get a suggestion at all,
how many get the meant word first, for all of them and for those one slip from
the word meant (S001 only suggests words one slip away).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ficlint.rules.spelling._dictionary import lexicon, misspellings  # noqa: E402
from ficlint.rules.spelling._suggest import one_edit, suggestions  # noqa: E402


def typo_list(common: int) -> list[tuple[str, str]]:
    import codespell_lib

    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    lex = lexicon()
    ours = misspellings()
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, fixes = line.partition("->")
        fixes = fixes.strip().rstrip(",")
        if not wrong or "," in fixes or not wrong.isalpha() or not fixes.isalpha():
            continue
        if lex.rank.get(fixes, common) >= common or lex.knows(wrong) or wrong in ours:
            continue
        pairs.append((wrong, fixes))
    return sorted(pairs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--common", type=int, default=10000)
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    pairs = typo_list(args.common)
    one_slip = [(w, r) for w, r in pairs if r in one_edit(w)]
    for name, subset in (("all", pairs), ("one slip away", one_slip)):
        suggested = right = 0
        wrong_first = []
        for wrong, meant in subset:
            found = suggestions(wrong)
            suggested += bool(found)
            right += bool(found) and found[0] == meant
            if found and found[0] != meant:
                wrong_first.append((wrong, meant, found[0]))
        print(f"{name}: {len(subset)} typos, {suggested} with a suggestion, first suggestion right for "
              f"{right} ({right / max(suggested, 1):.1%} of those suggested, "
              f"{right / max(len(subset), 1):.1%} of all)")
        for wrong, meant, first in wrong_first[:args.show]:
            print(f"    {wrong}: meant {meant}, first suggestion {first}")


if __name__ == "__main__":
    main()
