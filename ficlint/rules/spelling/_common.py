"""What S001 and S002 share: the unknown words they may judge, and a name's near-misses."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.rules.spelling._facts import Manuscript, manuscript_vocabulary, scan_for
from ficlint.rules.spelling._glossary import enabled_glossaries
from ficlint.rules.spelling._scan import Occurrence
from ficlint.rules.spelling._suggest import edit_cost, one_edit

_NAME_MIN_LENGTH = 5


def judged(doc: AnalyzedDocument, ctx: Context) -> Iterator[tuple[Occurrence, Manuscript]]:
    """The unknown words of `doc` that may be reported: not in a compound, italics, verse or a
    dialect cluster, not a name the story keeps using, not a glossary's term or its near-miss."""
    manuscript = manuscript_vocabulary(doc, ctx)
    glossaries = enabled_glossaries(ctx)
    for occ in scan_for(doc, ctx).occurrences:
        if not occ.reportable or occ.word in manuscript.names:
            continue
        if any(g.covers(occ.word) for g in glossaries):
            continue  # a term of the fandom, or a near-miss its glossary rule reports
        yield occ, manuscript


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def near_name(word: str, manuscript: Manuscript) -> str | None:
    """A name the story uses again and again, one cheap slip away from this
    rarer spelling (not its plural: the two Erwyns; not an ordinary word: Now)."""
    lower = word.lower()
    if len(word) < _NAME_MIN_LENGTH:
        return None
    own = manuscript.capitalised.get(word, 1)
    for candidate in sorted(one_edit(lower) & manuscript.frequent_names.keys()):
        name = manuscript.frequent_names[candidate]
        if candidate[:1] != lower[:1] or _plural_pair(lower, candidate) \
                or edit_cost(lower, candidate) > 0.9:
            continue
        if manuscript.capitalised.get(name, 0) >= 3 * own:
            return name
    return None


def _plural_pair(a: str, b: str) -> bool:
    """One is the other's plural: Erwyn and Erwyns, Growleywog and Growleywogs."""
    return a in (b + "s", b + "es") or b in (a + "s", a + "es")
