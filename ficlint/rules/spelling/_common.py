"""What S001 and S002 share: the unknown words they may judge, and a name's near-misses."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.rules.spelling._facts import Manuscript, fandom_glossaries, manuscript_vocabulary, scan_for
from ficlint.rules.spelling._glossary import Glossary, enabled_glossaries
from ficlint.rules.spelling._names import near_miss
from ficlint.rules.spelling._scan import Occurrence

_NAME_MIN_LENGTH = 5


def judged(doc: AnalyzedDocument, ctx: Context) -> Iterator[tuple[Occurrence, Manuscript]]:
    """The unknown words of `doc` that may be reported: not in verse, a compound of coinages or a
    dialect cluster (strange words close by that are not names the story or its fandom
    establishes), not a name the story keeps using, not a fandom's term, not a near miss that a
    glossary named in the config reports itself."""
    manuscript = manuscript_vocabulary(doc, ctx)
    named = enabled_glossaries(ctx)
    fandoms = fandom_glossaries(manuscript, ctx)
    for occ in scan_for(doc, ctx).occurrences:
        if not occ.reportable or occ.word in manuscript.names:
            continue
        if any(g.covers(occ.word) for g in named) or any(g.knows(occ.word) for g in fandoms):
            continue
        if any(not _established(n, manuscript, named + fandoms) for n in occ.neighbours):
            continue  # dialect or a foreign phrase
        yield occ, manuscript


def _established(word: str, manuscript: Manuscript, glossaries: list[Glossary]) -> bool:
    """A name or term the manuscript or a glossary knows, or a slip in one (Voldermort): no sign of
    dialect beside it."""
    if word in manuscript.names or word.lower() in manuscript.frequent_names:
        return True
    return any(g.knows(word) or g.near_miss(word) for g in glossaries) \
        or is_capitalised(word) and near_name(word, manuscript) is not None


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def near_name(word: str, manuscript: Manuscript) -> str | None:
    """A name the story uses again and again (three times as often as this spelling), that this
    rarer spelling misses (a slip, a vowel heard wrong, a spelling by ear: _names.near_miss)."""
    if len(word) < _NAME_MIN_LENGTH:
        return None
    own = manuscript.capitalised.get(word, 1)
    name = near_miss(word, manuscript.frequent_names,
                     accept=lambda n: manuscript.capitalised.get(n, 0) >= 3 * own)
    return name


def near_canon(word: str, manuscript: Manuscript, ctx: Context) -> tuple[str, Glossary] | None:
    """A name of the manuscript's fandom that this word misses: a known misspelling of it, or a
    near miss the manuscript uses rarely (an invented name beside a canon one recurs)."""
    for g in fandom_glossaries(manuscript, ctx):
        canonical = g.near_miss(word)
        if canonical is None:
            continue
        known_slip = word.lower() in g.variants
        uses = manuscript.counts[word.lower()]
        if known_slip or uses <= max(2, manuscript.capitalised.get(canonical, 0) // 3):
            return canonical, g
    return None
