"""C005 common-noun-capitalized: an ordinary noun capitalised mid-sentence (`the Summer`, `a Professor`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.capitals import Capitals, Census, capitalised
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import RegionKind
from ficlint.rule import Rule, examples
from ficlint.rules.capitalization._common import (
    CAPITALS,
    candidates,
    census,
    common_in_dictionary,
    fan_fiction,
    fiction_names,
    word_list,
    words,
)

RULE = Rule(
    id="C005",
    name="common-noun-capitalized",
    category="capitalization",
    summary="An ordinary noun capitalised in the middle of a sentence: a season (`the Summer`), a title "
            "with no name (`as a Professor`, `a nursery for Professors`), a kind of place (`since "
            "University`), or words the story itself writes in lowercase (`the Common Room` beside `the "
            "common room`).",
    why="Only names take a capital in the middle of a sentence. Seasons are not names (in the autumn), a "
        "title with no name is an ordinary noun (`as a professor`, `for professors`), and so is a kind of "
        "place that no name makes one place (`at university`). Capitals the story repeats (Spring "
        "capitalised every time, a King in a land of kings), names of several words (the Winter Ball, "
        "Stanford University) and a capital after \"the\" that may name the story's one place (the "
        "University) are its own choices and left alone; so are a book's capitalised offices (a "
        "Minister, our Kings), the convention of older prose, and a word said to someone in place of "
        "a name (`\"Thank you, Kings.\"`).",
    examples=examples(
        ("They met the Summer before.", "They met the summer before."),
        ("The professor left. She worked as a Professor for years.",
         "The professor left. She worked as a professor for years."),
        ("They built a nursery for Professors.", "They built a nursery for professors."),
        ("They had been friends since University.", "They had been friends since university."),
        ("He sat in the common room. The common room was empty. He left the Common Room at noon.",
         "He sat in the common room. The common room was empty. He left the common room at noon."),
    ),
    allows=("They danced at the Winter Ball.", "Summer smiled at him.", "The Ministry fell. The ministry had "
            "fallen before, but the Ministry rose.", "They ate in the Great Hall. The hall was full.",
            "The room was dark. A room, a room. They found the Room of Requirement.",
            "She studied at the University.", "He went through Stanford University.",
            "The board of governors met. A board of governors sat. The Board of Governors voted.",
            "She was fond of the Aunties.", "Days at Lords' were long.",
            "He saw the spring. Hints of another Spring came."),
    fix_safety="Unsafe: the story may mean a name (a character called Summer, a place called the Courtroom).",
)
FACTS = CAPITALS

_SEASON_MARKERS = frozenset([
    "the", "this", "that", "last", "next", "early", "late", "mid", "every", "each", "in", "during"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    caps = doc.capitals
    counts = census(doc, ctx)
    w = words()
    found: list[Diagnostic] = []
    plural_titles = ({t + "s" for t in w.titles} - w.titles - word_list("canon_plural_titles")) \
        | word_list("plain_plural_titles")
    # a book (no fan fiction) capitalises offices by the convention of its time (a Minister, the best
    # of Kings, Pope and Cardinals): only its seasons and kinds of places are weighed
    offices = w.titles | plural_titles if fan_fiction(caps, counts) else frozenset()
    for i, k in candidates(caps, w.seasons | offices | w.institutions):
        word = caps.text(i)
        if caps.free[i] or not capitalised(word) or _in_name(caps, i) or _addressed(caps, i) \
                or _listed_with_capital_title(caps, i, w.titles | plural_titles):
            continue
        if k in w.seasons and _season(caps, counts, i):
            found.append(_lowercase(caps, i, "is a season, and seasons are not names"))
        elif _title_as_noun(caps, i) and counts.alone[k] <= 1 and (counts.lower[k] or k in w.address_titles):
            found.append(_lowercase(caps, i, "is a title used as an ordinary noun (no name goes with it)"))
        elif k in plural_titles and _plural_title_as_noun(doc, caps, counts, i):
            found.append(_lowercase(caps, i, "is a title in the plural, an ordinary noun (no name goes "
                                             "with it)"))
        elif k in w.institutions and _institution_as_noun(doc, caps, i):
            found.append(_lowercase(caps, i, "names a kind of place, not one place: an ordinary noun"))
    found.extend(_learned_pairs(doc, caps, counts))
    yield from sorted(found, key=lambda d: d.start)


_REPEATED = 2  # capitalised uses of a plural title that make it the story's own term (the Healers)
_LEARNED_LOWER = 2  # lowercase uses of a pair, and more than its capitalised ones, make these slips...
_LEARNED_CAPITALISED = 2  # ...when it is capitalised this often at most


def _plural_title_as_noun(doc: AnalyzedDocument, caps: Capitals, counts: Census, i: int) -> bool:
    """`nursery for Professors`, `no spying Headmasters`: a plural title ending its phrase, not the
    story's own term (capitalised alone three times and more), not after "the" or a capital (`the
    Aunties`, `Jolly Brothers`), nor a possessive (`at Lords'`)."""
    return _ends_phrase(caps, i) and counts.alone[caps.keys[i]] <= _REPEATED and not _after_the(caps, i) \
        and not _after_capital(doc, caps, i) and caps.mark_after(i) not in ("'", "’")


def _after_the(caps: Capitals, i: int) -> bool:
    """Right after "the": a capital there may make the noun the story's name for one place or
    one group (the University, the Aunties)."""
    b = caps.before[i]
    return b >= 0 and caps.keys[b] == "the"


def _institution_as_noun(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """`since University`, `at University`, `the same University in Dublin`: a kind of place with no
    name, after a preposition, a verb or "same"; not after "the", an adjective or a possessive,
    where it may be one place the story calls so (`the University`, `the mellow University`, `my
    Hospital`), nor after a name (`Stanford University`, even at a line's start)."""
    b = caps.before[i]
    if _after_capital(doc, caps, i) or not _ends_phrase(caps, i):
        return False
    return b < 0 or caps.keys[b] in word_list("before_a_kind_of_place") \
        or doc.tags[caps.token[b]].xpos in ("IN", "TO") or doc.tags[caps.token[b]].xpos.startswith("VB")




def _after_capital(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """Right after a capitalised name or adjective, a sentence's first too (`Grammar School`,
    `Stanford⏎University`; not `Since University`)."""
    b = caps.before[i]
    return b >= 0 and _capital(caps.text(b)) and doc.tags[caps.token[b]].xpos in _NAME_TAGS


_NAME_TAGS = frozenset(["NNP", "NNPS", "NN", "NNS", "JJ", "VBG", "CD"])


def _learned_pairs(doc: AnalyzedDocument, caps: Capitals, counts: Census) -> Iterator[Diagnostic]:
    """A pair of common words the chapter writes in lowercase twice and more, and more often than the
    manuscript capitalises it (once or twice), capitalised in the middle of a sentence of narration
    (`the Common Room` beside `the common room`). (The lowercase pairs are counted in the file alone:
    counting every pair of a manuscript costs more than the rule is worth.) Not in speech,
    where a capital may be the speaker's emphasis (`that's the Tin Castle!`), nor in a longer name."""
    lowered: Counter[tuple[str, str]] = Counter()
    keys, after, texts = caps.keys, caps.after, caps.text
    pairs = {pair for pair, n in counts.names.items() if n <= _LEARNED_CAPITALISED}
    if not pairs:
        return
    firsts = {first for first, _ in pairs}
    for first in firsts:
        for i in caps.positions.get(first, ()):
            a = after[i]
            if a >= 0 and texts(i)[:1].islower() and texts(a)[:1].islower():
                lowered[(first, keys[a])] += 1
    w = words()
    for pair in pairs:
        first = pair[0]
        if lowered[pair] < max(_LEARNED_LOWER, counts.names[pair] + 1) \
                or first in w.titles or first in w.determiners \
                or first in word_list("not_pair_openers") or any(not common_in_dictionary(k) for k in pair) \
                or " ".join(pair) in fiction_names():
            continue  # "The Boy Who Lived", "You Know Who", fan fiction's Great Hall
        for i in caps.positions[pair[0]]:
            a = after[i]
            if a >= 0 and keys[a] == pair[1] and capitalised(texts(i)) and capitalised(texts(a)) \
                    and not caps.free[i] and not _in_longer_name(caps, i, a) \
                    and doc.tags[caps.token[a]].xpos in _NOUN and doc.tags[caps.token[i]].xpos in _MODIFIER \
                    and doc.kind_at(caps.start(i)) is RegionKind.NARRATION and _determined(doc, caps, i):
                yield _lowercase_pair(caps, i, a, lowered[pair])


_NOUN = frozenset(["NN", "NNS", "NNP", "NNPS"])
_MODIFIER = frozenset(["NN", "NNS", "NNP", "NNPS", "JJ", "VBG"])  # not "Back Home", "Seventeen Cents"


def _determined(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """After an article, a possessive or a number (`the Common Room`, `One Roller Coaster ride`): a
    noun phrase, not an adverb and a noun (`the glory that was Back Home`)."""
    b = caps.before[i]
    return b >= 0 and (caps.keys[b] in words().determiners or doc.tags[caps.token[b]].xpos == "CD")


def _in_longer_name(caps: Capitals, i: int, a: int) -> bool:
    """`the Gryffindor Common Room`, `the Tall Man`, `the most Noble House of Malfoy`, `Care of
    Magical Creatures`, `Curved Sword and Searching`: a capitalised word beside the pair, or "of",
    "and" joining it to one."""
    b, after = caps.before[i], caps.after[a]
    if b >= 0 and capitalised(caps.text(b)) and not caps.free[b]:
        return True
    if after >= 0 and capitalised(caps.text(after)):
        return True
    if after >= 0 and caps.keys[after] == "of":
        return True
    if after >= 0 and caps.keys[after] in ("and", "or") and caps.after[after] >= 0 \
            and capitalised(caps.text(caps.after[after])):
        return True  # "his Curved Sword and Searching skill": names of a game's skills, listed
    if b >= 0 and caps.keys[b] == "the" and caps.before[b] >= 0:
        b = caps.before[b]  # "The Incident of the Seventeen Cents"
    return b >= 0 and caps.keys[b] == "of" and caps.before[b] >= 0 and capitalised(caps.text(caps.before[b]))


def _lowercase_pair(caps: Capitals, i: int, a: int, lowered: int) -> Diagnostic:
    start, end = caps.start(i), caps.end(a)
    written = caps.doc_text[start:end]
    fixed = written[0].lower() + written[1:caps.start(a) - start] + written[caps.start(a) - start].lower() \
        + written[caps.start(a) - start + 1:]
    return Diagnostic(RULE.id, start, end,
                      f"\"{written}\" is an ordinary noun the story writes in lowercase {lowered} times: "
                      f"write \"{fixed}\".",
                      (Fix(start, end, fixed, safe=False),))


def _in_name(caps: Capitals, i: int) -> bool:
    """Part of a name of several words (the Winter Ball, Hogwarts Castle, the Room of Requirement,
    a Time-Turner, Not A Good Thing), or before a number (District 12)."""
    b, a = caps.before[i], caps.after[i]
    tokens = caps.tokens
    t = caps.token[i] + 1
    if t < len(tokens) and (tokens.text[t][:1].isdigit() or tokens.text[t] == "-"):
        return True
    if caps.mark_before(i) == "-":
        return True
    if a >= 0 and _capital(caps.text(a)) or b >= 0 and not caps.free[b] and _capital(caps.text(b)):
        return True
    if b >= 0 and caps.keys[b] == "of" and caps.before[b] >= 0 and _capital(caps.text(caps.before[b])):
        return True  # the Board of Governors
    if a >= 0 and caps.keys[a] == "of":  # the Room of Requirement, Head of House
        a2 = caps.after[a]
        a3 = caps.after[a2] if a2 >= 0 and caps.keys[a2] == "the" else a2
        return a3 >= 0 and _capital(caps.text(a3))
    return False


_END_OF_ADDRESS = frozenset([",", ".", "!", "?", "?!", "!?", "…", "...", "!!", "??"])


def _addressed(caps: Capitals, i: int) -> bool:
    """Said to someone between a comma and an end mark (`"Thank you, Kings."`, `"Hi, Summer!"`): a
    word in place of a name is the name someone is called by (Kings for Kingsley), not a noun."""
    return caps.mark_before(i) == "," and caps.mark_after(i) in _END_OF_ADDRESS


def _listed_with_capital_title(caps: Capitals, i: int, titles: frozenset[str]) -> bool:
    """Joined by "and" or "or" to a title capitalised mid-sentence (`Pope and Cardinals`, `Kings and
    Queens`): the writer capitalises that order of offices on purpose, not this word alone."""
    for joint, other in ((caps.before[i], -1), (caps.after[i], 1)):
        if joint < 0 or caps.keys[joint] not in ("and", "or"):
            continue
        j = caps.before[joint] if other < 0 else caps.after[joint]
        if j >= 0 and not caps.free[j] and _capital(caps.text(j)) and caps.keys[j] in titles:
            return True
    return False


def _capital(word: str) -> bool:
    return word[:1].isupper() and word != "I"


def _title_as_noun(caps: Capitals, i: int) -> bool:
    """`as a Professor`, `every Doctor`: a title after "a", with no name after it (not the ranks
    and callings fan fiction capitalises by canon: an Auror, a Healer)."""
    k = caps.keys[i]
    b = caps.before[i]
    return k in words().titles and k not in _CANON_CAPITALS and common_in_dictionary(caps.text(i)) \
        and b >= 0 and caps.keys[b] in ("a", "an", "every", "each", "another") and _ends_phrase(caps, i)


_CANON_CAPITALS = frozenset([
    "healer", "auror", "sensei", "master", "mistress", "coach", "chief", "officer", "agent"])
# Words that may follow a noun that ends its phrase: `the Courtroom in Dublin`, `a Professor and`.
_AFTER_A_NOUN = frozenset([
    "in", "on", "at", "to", "of", "for", "from", "with", "by", "into", "onto", "over", "under", "about",
    "after", "before", "since", "during", "through", "across", "and", "or", "but", "nor", "so", "yet", "was",
    "were", "is", "are", "had", "has", "have", "would", "could", "will", "should", "can", "might", "must",
    "did", "does", "do", "who", "which", "that", "whose", "whom", "when", "where", "while", "as", "than",
    "then", "too", "also", "if", "unless", "because", "though", "although", "until", "till", "once",
    "whether"])


def _ends_phrase(caps: Capitals, i: int) -> bool:
    """Does the noun end its phrase, not qualify the next word (`her Charms textbook`, `the Angel
    family`: a name used as a modifier)?"""
    a = caps.after[i]
    return a < 0 or caps.keys[a] in _AFTER_A_NOUN


def _season(caps: Capitals, counts: Census, i: int) -> bool:
    """`the Summer`, `last Autumn`, or a season the story writes in lowercase as often (not a
    character called Summer)."""
    b = caps.before[i]
    k = caps.keys[i]
    if counts.middle[k] > 1 or _beside_capitalised_season(caps, i):
        return False  # the story capitalises the seasons: its choice (Spring, Summer and Winter)
    if b >= 0 and caps.keys[b] in _SEASON_MARKERS:
        return True
    return counts.lower[k] >= 1 and k not in words().ambiguous_seasons  # "to spring" is no season


def _beside_capitalised_season(caps: Capitals, i: int) -> bool:
    """Is another season capitalised in the same list (`Spring, Summer and Winter`, `of Spring
    and Summer`)? Seasons named together with capitals are personified, not slips."""
    tokens, t = caps.tokens, caps.token[i]
    seasons = words().seasons
    near = [*range(max(t - 2, 0), t), *range(t + 1, min(t + 3, len(tokens)))]
    return any(tokens.text[n].lower() in seasons and capitalised(tokens.text[n]) for n in near)


def _lowercase(caps: Capitals, i: int, why: str) -> Diagnostic:
    word = caps.text(i)
    fixed = word[0].lower() + word[1:]
    start = caps.start(i)
    return Diagnostic(RULE.id, start, caps.end(i), f"\"{word}\" {why}: write \"{fixed}\".",
                      (Fix(start, start + 1, fixed[0], safe=False),))
