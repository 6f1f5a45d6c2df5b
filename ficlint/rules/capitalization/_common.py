"""What the capitalization rules share: the manuscript's census, the word lists, the dictionary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.capitals import WORDS_COUNTED_BY, Capitals, Census, capitalised
from ficlint.check import Context, SummedFacts
from ficlint.resources import data_dir, load_data
from ficlint.rules.spelling._dictionary import lexicon as dictionary


class CapitalsFacts(SummedFacts):
    """How the whole manuscript capitalises its words: the census of every file, summed."""

    name = "capitals"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> Census:
        return doc.capitals.census

    def empty(self) -> Census:
        return Census()

    def add_into(self, total: Census, one: Census) -> None:
        total.add(one)


CAPITALS = CapitalsFacts()


def census(doc: AnalyzedDocument, ctx: Context) -> Census:
    """The manuscript's census (this file's alone when the run gathered none)."""
    return ctx.facts(CAPITALS.name) or doc.capitals.census


@dataclass(frozen=True)
class Words:
    months: frozenset[str]
    ambiguous_months: frozenset[str]
    days: frozenset[str]
    holidays: frozenset[str]
    holiday_phrases: frozenset[tuple[str, ...]]
    titles: frozenset[str]
    address_titles: frozenset[str]
    family_names: frozenset[str]
    family_nouns: frozenset[str]
    seasons: frozenset[str]
    determiners: frozenset[str]
    possessives: frozenset[str]
    name_nouns: frozenset[str]
    kin_titles: frozenset[str]
    address_nouns: frozenset[str]
    ambiguous_seasons: frozenset[str]
    institutions: frozenset[str]
    order_titles: frozenset[str]


@cache
def word_list(name: str) -> frozenset[str]:
    """One further list of rules/data/capitalization.yaml, lowercased (a rule's own context words)."""
    return frozenset(str(w).lower().replace("’", "'") for w in load_data("capitalization")[name])


@cache
def words() -> Words:
    """The word lists of rules/data/capitalization.yaml."""
    data = load_data("capitalization")

    def of(name: str) -> frozenset[str]:
        return frozenset(str(w).lower().replace("’", "'") for w in data[name])

    phrases = frozenset(tuple(str(p).lower().split()) for p in data["holiday_phrases"])
    return Words(of("months"), of("ambiguous_months"), of("days"), of("holidays"), phrases, of("titles"),
                 of("address_titles"), of("family_names"), of("family_nouns"), of("seasons"),
                 of("determiners"), of("possessives"), of("name_nouns"), of("kin_titles"),
                 of("address_nouns"), of("ambiguous_seasons"),
                 of("institutions"), of("order_titles"))


_COMMON_PROPER_RANK = 25000  # names the dictionary ranks among its commoner words (London, Hogwarts)


def stem(word: str) -> str:
    """The word without a possessive, in lowercase, straight apostrophes (`Harry’s` -> `harry`)."""
    lower = word.lower().replace("’", "'")
    return lower[:-2] if lower.endswith("'s") else lower.rstrip("'")


@lru_cache(maxsize=65536)
def proper_in_dictionary(word: str) -> bool:
    """Does the dictionary know the word only with a capital, and as a common name (London,
    Hogwarts, Sunday), not a rare surname that is also a typo (Alway, Brock)?"""
    lower = stem(word)
    lex = dictionary()
    rank = lex.rank.get(lower.capitalize())
    return rank is not None and rank < _COMMON_PROPER_RANK and not lex.has(lower)


@lru_cache(maxsize=65536)
def common_in_dictionary(word: str) -> bool:
    """Does the dictionary know the word in lowercase (place, summer, sue)?"""
    return dictionary().has(stem(word))


def capitalised_word(caps: Capitals, i: int) -> bool:
    return capitalised(caps.text(i))


def neighbours_capitalised(caps: Capitals, i: int) -> bool:
    """Is a word right before or after this one capitalised (part of a longer name)?"""
    return any(j >= 0 and capitalised(caps.text(j)) for j in (caps.before[i], caps.after[i]))


def candidates(caps: Capitals, keys: Iterable[str]) -> list[tuple[int, str]]:
    """The words whose key is one of `keys` (index, key), in text order: a rule about a few
    words looks only at those."""
    positions = caps.positions
    return sorted((i, k) for k in keys for i in positions.get(k, ()))


@cache
def fiction_names() -> frozenset[str]:
    """Names fan fiction writes with a capital that the dictionary doesn't know (Hogsmeade,
    Grimmauld Place), one or two words, lowercase: ficlint/data/fiction-names.txt, built by
    scripts/build_fiction_names.py from the training split."""
    path = data_dir() / "fiction-names.txt"
    return frozenset(path.read_text(encoding="utf-8").split("\n")) - {""}


# A novel that never capitalises one of fan fiction's own names is no fan fiction, and what fan
# fiction capitalises says nothing there ("as it is moony"); a scene is too short to tell.
_FANDOM_TEST_WORDS = 5000
# ...and two of them: a novel may name one by chance (Scott's Hermione, Lang's Victoire, a Barebone
# in Swift), fan fiction names its cast
_FANDOM_NAMES = 2


def fan_fiction(caps: Capitals, counts: Census) -> bool:
    """May the manuscript be fan fiction: this file (or part) and the whole manuscript short, or the
    manuscript capitalising two names of fan fiction's own (Azkaban, Castiel) in the middle of a
    sentence? (The census is read name by name, never whole: an edit elsewhere must not re-check
    every part; its size is read in whole thousands of words.)"""
    manuscript = counts.size["thousands"] * WORDS_COUNTED_BY
    if len(caps.keys) < _FANDOM_TEST_WORDS and manuscript < _FANDOM_TEST_WORDS:
        return True  # a short story, not a short chapter of a long book
    found = 0
    for k in fandom_names():
        if k in counts.middle:
            found += 1
            if found >= _FANDOM_NAMES:
                return True
    return False


@cache
def fandom_names() -> frozenset[str]:
    """The fan-fiction names the dictionary knows in no case (Azkaban, Dumbledore, Castiel; not
    Jane, Paris or Hermione, which older novels use too)."""
    lex = dictionary()
    return frozenset(k for k in fiction_names()
                     if " " not in k and not lex.has(k) and not lex.has(k.capitalize()))
