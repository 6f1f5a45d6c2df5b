"""C005 common-noun-capitalized: an ordinary noun capitalised mid-sentence (`the Summer`, `a Professor`)."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.capitals import Capitals, Census, capitalised
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.capitalization._common import CAPITALS, candidates, census, common_in_dictionary, words

RULE = Rule(
    id="C005",
    name="common-noun-capitalized",
    category="capitalization",
    summary="An ordinary noun capitalised in the middle of a sentence: a season (`the Summer`), or a title "
            "with no name (`as a Professor` where the story writes `the professor` too).",
    why="Only names take a capital in the middle of a sentence. Seasons are not names (in the autumn), and a "
        "title with no name is an ordinary noun (`as a professor`). Capitals the story repeats (Spring "
        "capitalised every time, a King in a land of kings) and names of several words (the Winter Ball) "
        "are its own choices and left alone.",
    examples=examples(
        ("They met the Summer before.", "They met the summer before."),
        ("The professor left. She worked as a Professor for years.",
         "The professor left. She worked as a professor for years."),
    ),
    allows=("They danced at the Winter Ball.", "Summer smiled at him.", "The Ministry fell. The ministry had "
            "fallen before, but the Ministry rose.", "They ate in the Great Hall. The hall was full.",
            "The room was dark. A room, a room. They found the Room of Requirement.",
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
    for i, k in candidates(caps, w.seasons | w.titles):
        word = caps.text(i)
        if caps.free[i] or not capitalised(word) or _in_name(caps, i):
            continue
        if k in w.seasons and _season(caps, counts, i):
            yield _lowercase(caps, i, "is a season, and seasons are not names")
        elif _title_as_noun(caps, i) and counts.lower[k] >= 1 and counts.alone[k] <= 1:
            yield _lowercase(caps, i, "is a title used as an ordinary noun (no name goes with it)")


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
    if a >= 0 and caps.keys[a] == "of":  # the Room of Requirement, Head of House
        a2 = caps.after[a]
        a3 = caps.after[a2] if a2 >= 0 and caps.keys[a2] == "the" else a2
        return a3 >= 0 and _capital(caps.text(a3))
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
    "then", "too", "also"])


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
