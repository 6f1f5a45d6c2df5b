"""What S001 and S002 share: the unknown words they may judge, and a name's near-misses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.rules.common import WRITING
from ficlint.rules.spelling._dictionary import RANKED, lexicon
from ficlint.rules.spelling._facts import Manuscript, fandom_glossaries, manuscript_vocabulary, scan_for
from ficlint.rules.spelling._glossary import Glossary, enabled_glossaries
from ficlint.rules.spelling._names import near_miss
from ficlint.rules.spelling._scan import Occurrence, find_word
from ficlint.rules.spelling._suggest import suggest

_NAME_MIN_LENGTH = 5
_LONG_NAME = 7  # letters of a canon name whose slip is reported even beside strange words
_COMMON_RANK = 20000  # a dictionary word ranked above this is an ordinary word, whatever it is near
_RARE_USES = 2  # uses of a would-be name that may still be a slip in a canon name the story spells right
_BESIDE_NAMES_MIN_LENGTH = 6  # letters of a word judged when only unknown names stand close by
# a capitalised word right before, with nothing but spaces between: the two are one phrase
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w’'-]*)[ \t]+$")


def judged(doc: AnalyzedDocument, ctx: Context) -> Iterator[tuple[Occurrence, Manuscript]]:
    """The unknown words of `doc` that may be reported: not in verse, a compound of coinages or a
    dialect cluster (strange words close by that are not names the story or its fandom
    establishes; a slip in a canon name is no dialect, whatever stands beside it), not a name the
    story keeps using, not a fandom's term, not a near miss that a
    glossary named in the config reports itself."""
    manuscript = manuscript_vocabulary(doc, ctx)
    named = enabled_glossaries(ctx)
    fandoms = fandom_glossaries(manuscript, ctx)
    for occ in scan_for(doc, ctx).occurrences:
        if not occ.reportable:
            continue
        if occ.word in manuscript.names and not _outnumbered_slip(occ.word, manuscript, ctx):
            continue
        if any(g.covers(occ.word) for g in named) or any(g.knows(occ.word) for g in fandoms):
            continue
        strangers = [n for n in occ.neighbours if not _established(n, manuscript, named + fandoms)]
        if strangers and not _long_canon_slip(occ.word, fandoms) \
                and not _slip_beside_names(occ.word, strangers, manuscript, _word_before(doc, occ)):
            continue  # dialect or a foreign phrase, unless itself a slip in a long canon name
        yield occ, manuscript


def _outnumbered_slip(word: str, manuscript: Manuscript, ctx: Context) -> bool:
    """A word the manuscript uses often enough to pass for one of its names, which misses a canon name
    that the manuscript itself spells right at least as often (Hogmedes twice beside Hogsmeade three
    times, Griffindor twice beside Gryffindor): the writer's slip, not a name of its own. Only a word
    used _RARE_USES times or fewer: one used more is a name made on purpose (a nickname)."""
    uses = manuscript.counts[word.lower()]
    if uses > _RARE_USES:
        return False  # a nickname used again and again (Lilu beside Lily), not a slip
    canon = near_canon(word, manuscript, ctx)
    return canon is not None and manuscript.capitalised.get(canon[0], 0) >= uses


def _word_before(doc: AnalyzedDocument, occ: Occurrence) -> str:
    """The capitalised word directly before an occurrence on its line, or "" when there is none."""
    found = _CAPITALISED_BEFORE.search(doc.text, max(0, occ.start - 40), occ.start)
    return found.group(1) if found else ""


def _slip_beside_names(word: str, strangers: list[str], manuscript: Manuscript,
                       word_before: str = "") -> bool:
    """A slip whose only strange company is capitalised words, names the story uses once (Azeroth,
    'Mione, Gellert): a name is no sign of dialect or of a foreign phrase, which bring lowercase
    words along (Du bist ein Narr, Gellert). Beside names alone, a lowercase word is judged when its
    likeliest word is a common one and it is not short (in suprise, like an exercice; not a priss or
    the scorchees, a word the dictionary lacks or a coinage; not "i feel weeak like and dissy", a
    letter spelt as its writer speaks), and a capitalised one when it misses a name the story
    keeps using (Kinglsey beside Kingsley). A lowercase word that directly follows a strange capitalised
    one is the second word of their phrase, a spell or a foreign name (Ossio sanare, Avis aurea), not a
    slip beside a name."""
    if any(not is_capitalised(n) for n in strangers):
        return False
    if word_before in strangers and not is_capitalised(word):
        return False
    if is_capitalised(word):
        return near_name(word, manuscript) is not None
    found = suggest(word.lower()) if len(word) >= _BESIDE_NAMES_MIN_LENGTH else ()
    return bool(found) and lexicon().rank.get(found[0], RANKED) < _COMMON_RANK


def _long_canon_slip(word: str, fandoms: list[Glossary]) -> bool:
    """A slip in a long canon name (Grindlewald, Gryiffindor) is no dialect, whatever stands beside
    it; a short word a letter from a short name may be another name or a foreign word (Tonka beside
    Tibbs and Gellie, the pets; Sanctimonia Vincet Semper)."""
    return len(word) >= _LONG_NAME and is_capitalised(word) and any(g.near_miss(word) for g in fandoms)


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


def rare_word_slips(doc: AnalyzedDocument, ctx: Context) -> Iterator[tuple[int, int, str, str, int]]:
    """Names the story writes a rare dictionary word for, now and then (Lilly for the Lily it writes
    twenty times, LILLY when shouted): start, end, the word as written, the name and its uses. The
    dictionary knows such a word (Lilly is a name too), so the scan of unknown words never sees it.
    Only a letter doubled or left single counts (Lilly, Phillip, Ana): a name a letter or a sound
    away is another name (Janet and Jane, Georgie and George, India and Indian); and only a word
    rare in English (past _COMMON_RANK) counts, so Mark is never taken for a slip of Mary."""
    manuscript = manuscript_vocabulary(doc, ctx)
    doubled = manuscript.doubled_names
    if not doubled:
        return
    suspects = {}
    for word in scan_for(doc, ctx).capitalised.keys() & doubled.keys():
        name = doubled[word]
        if manuscript.capitalised.get(name, 0) >= 3 * manuscript.capitalised.get(word, 1) \
                and _rank(word) >= _COMMON_RANK and lexicon().knows(word):
            suspects[word] = name
    if not suspects:
        return
    text = doc.text
    for region in doc.regions_of(*WRITING):
        for word, name in suspects.items():
            for at in find_word(text, word, region.start, region.end):
                yield at, at + len(word), word, name, manuscript.capitalised[name]


def _rank(word: str) -> int:
    """The word's commonest rank in any usual capitalisation (RANKED when rare)."""
    rank = lexicon().rank
    return min(rank.get(w, RANKED) for w in (word, word.lower(), word.capitalize()))
