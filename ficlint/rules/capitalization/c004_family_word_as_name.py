"""C004 family-word-case: a family word used as a name in lowercase (`told mum`), or capitalised after a
possessive (`her Dad`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.capitals import Capitals, capitalised
from ficlint.check import Context, SummedFacts
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.capitalization._common import candidates, word_list, words
from ficlint.rules.common import PERIOD_STYLE_FACTS, capitalized, in_period_style

RULE = Rule(
    id="C004",
    name="family-word-case",
    category="capitalization",
    summary="A family word used as a name but written in lowercase (`I don't want mum to know`, "
            "`\"Thanks, dad.\"`), or capitalised where it is an ordinary noun (`her Dad`, `his Godson`).",
    why="Mum, Dad, Grandma and the like are names when they stand for the person (`I told Mum`, `\"Thanks, "
        "Dad.\"`), so they take a capital; after a possessive or an article they are ordinary nouns (`my "
        "mum`, `her dad`, `his godson`, `her poor old dad`) and stay lowercase, unless a name follows (`Aunt "
        "Petunia`). A form the manuscript repeats is its house style and left alone: a name always in "
        "lowercase (`forgive mummy`, three times in a story, twice in a novel), a title after a possessive "
        "at least as often capitalised as not (`her Aunt`, as older novels print it). An edition of a "
        "century ago (to-day, to-morrow) follows its time's use throughout (`your Uncle and Aunt`, a "
        "servant's `mum` for ma'am) and is left alone.",
    examples=examples(
        ("I don't want mum to know.", "I don't want Mum to know."),
        ("\"I love you too, daddy.\"", "\"I love you too, Daddy.\""),
        ("She heard her Dad's footsteps.", "She heard her dad's footsteps."),
        ("He had not seen his Godson in years.", "He had not seen his godson in years."),
        ("Stay with your Aunt and Uncle.", "Stay with your aunt and uncle."),
    ),
    allows=("She told her mum.", "I told Mum.", "Her Aunt Petunia shrieked.", "Mum said no.",
            "My dad jokes were bad.", "She was a mum of three.", "Explain it to Dad.",
            "He hated his mum and dad.",
            "\"Stay, mummy!\" he cried. \"Wait for mummy,\" she said. \"Forgive mummy.\"",
            "She saw her Aunt. \"Go,\" said her Aunt. She hugged her Aunt. Then her aunt left."),
    fix_safety="Unsafe: the story may use the word differently (a pet name, a title).",
)

_NOT_AS_NAME = frozenset([
    "a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this", "that", "every", "some",
    "any", "no", "one's", "whose", "own", "new", "old", "good", "bad", "poor", "step", "real", "biological",
    "future"])


@dataclass(slots=True)
class FamilyUses:
    """The uses of family words by (word, form), and the number of long files or parts (a dataclass
    of mappings: a check's reads are watched key by key, so an edit elsewhere re-checks nothing)."""

    uses: Counter[tuple[str, str]] = field(default_factory=Counter)


class HouseStyleFacts(SummedFacts):
    """How the manuscript writes each family word, counted by use: as a name in lowercase
    (`forgive mummy`) or with a capital (`told Mummy`), and after a possessive with a capital
    (`her Aunt`) or in lowercase (`her aunt`). A form the manuscript repeats is its house style
    (older novels print `Good-bye, dad`, and titles after a possessive, `her Aunt`), see
    `_house_style`; `her Dad` is no title, and no style."""

    name = "family-words"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> FamilyUses:
        return doc.memo(_uses)

    def empty(self) -> FamilyUses:
        return FamilyUses()

    def add_into(self, total: FamilyUses, one: FamilyUses) -> None:
        total.uses.update(one.uses)


FACTS = HouseStyleFacts()
# the manuscript's period style too, so a chapter of a period edition is judged by its book whatever
# rules are selected
ALSO_FACTS = (PERIOD_STYLE_FACTS,)
_LOWER_NAME, _CAPITAL_NAME = "lower name", "capital name"
_CAPITAL_NOUN, _LOWER_NOUN = "capital noun", "lower noun"
_HOUSE_STYLE = 2  # uses of a form that make it a novel's style (a shorter story needs one more)
_LONG_PART_WORDS = 10000  # a file or part this long makes the manuscript a novel
_LONG_PARTS = ("", "long parts")  # counted with the uses


def _uses(doc: AnalyzedDocument) -> FamilyUses:
    """Each family word's uses in this file, by form (see HouseStyleFacts), and whether it is long."""
    caps = doc.capitals
    w = words()
    found: Counter[tuple[str, str]] = Counter()
    if len(caps.keys) >= _LONG_PART_WORDS:
        found[_LONG_PARTS] = 1
    for i, k in candidates(caps, w.family_names | w.family_nouns):
        word = caps.text(i)
        if caps.free[i] or word.isupper():
            continue
        if k in w.family_names and _used_as_name(caps, i) and not _described(doc, caps, i):
            found[(k, _LOWER_NAME if word[:1].islower() else _CAPITAL_NAME)] += 1
        if k in w.family_nouns and _after_possessive(caps, i):
            found[(k, _LOWER_NOUN if word[:1].islower() else _CAPITAL_NOUN)] += 1
    return FamilyUses(found)


def _after_possessive(caps: Capitals, i: int) -> bool:
    """`her aunt`, `her Aunt`: right after a lowercase possessive, no name after it."""
    a, b = caps.after[i], caps.before[i]
    return not (a >= 0 and capitalised(caps.text(a))) and b >= 0 \
        and caps.keys[b] in words().possessives and caps.text(b)[:1].islower()


def _house_style(uses: Counter[tuple[str, str]], k: str, form: str, other: str, novel: bool) -> bool:
    """Is `form` the manuscript's style for k: repeated (twice in a novel, three times in a
    shorter story), and as a lowercase name never contradicted (a story that writes Daddy once
    knows the capital), after a possessive at least as common as the other form (`her Aunt`
    twice beside `her aunt` once)?"""
    n = uses[(k, form)]
    if n < (_HOUSE_STYLE if novel else _HOUSE_STYLE + 1):
        return False
    return uses[(k, other)] == 0 if form == _LOWER_NAME else uses[(k, other)] <= n


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if in_period_style(doc, ctx):
        return  # `your Uncle and Aunt`, `He looks like the dead, mum`: the use of its time
    caps = doc.capitals
    w = words()
    uses = (ctx.facts(FACTS.name) or doc.memo(_uses)).uses
    novel = uses[_LONG_PARTS] > 0
    lowered: set[int] = set()
    for i, k in candidates(caps, w.family_names | w.family_nouns):
        word = caps.text(i)
        if caps.free[i] or word.isupper():
            continue
        if word[:1].islower() and k in w.family_names and _used_as_name(caps, i) \
                and not _described(doc, caps, i):
            if not _house_style(uses, k, _LOWER_NAME, _CAPITAL_NAME, novel):
                yield _change(caps, i, capitalized(word),
                              "stands for the person here, as a name does, so it takes a capital")
        elif capitalised(word) and k in w.family_nouns and _ordinary_noun(caps, i, lowered):
            lowered.add(i)
            if k not in w.titles or not _house_style(uses, k, _CAPITAL_NOUN, _LOWER_NOUN, novel):
                yield _change(caps, i, word[0].lower() + word[1:],
                              "follows a possessive, so it is an ordinary noun here and stays lowercase")


def _used_as_name(caps: Capitals, i: int) -> bool:
    """No article, possessive or adjective before it, not plural, no noun after it (`mum jeans`)."""
    b = caps.before[i]
    if b >= 0 and (caps.keys[b] in _NOT_AS_NAME or caps.text(b).endswith(("'s", "’s", "'", "’"))):
        return False  # "my mum", "Harry's dad"
    if caps.mark_after(i) == "-" or caps.mark_before(i) in ("-", "'", "’"):
        return False  # "mummy-dust"
    if b >= 0 and caps.keys[b] in ("and", "or") and caps.before[b] >= 0:
        bb = caps.before[caps.before[b]] if caps.before[caps.before[b]] >= 0 else -1
        if bb >= 0 and caps.keys[bb] in _NOT_AS_NAME:
            return False  # "his mum and dad": the possessive goes with both
    a = caps.after[i]
    if a >= 0 and capitalised(caps.text(a)) and not caps.keys[a].startswith("i'"):
        return False  # "aunty Queenie": a title (the title rule's); not "daddy I'll miss you"
    return not (a >= 0 and caps.keys[a] in word_list("family_word_compounds"))



def _described(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """`my fucking mum`, `her poor old dad`: a possessive or an article, then words that describe,
    before the family word make it an ordinary noun, as the possessive alone does. (The words are
    read first; the tagger only where a possessive or an article stands up to three words back.)"""
    between: list[int] = []
    b = caps.before[i]
    while b >= 0 and len(between) < 3 and caps.keys[b] not in _NOT_AS_NAME:
        between.append(b)
        b = caps.before[b]
    if not between or b < 0 or caps.keys[b] not in _NOT_AS_NAME:
        return False
    tags = [doc.tags[caps.token[j]].xpos for j in reversed(between)]  # in text order
    return all(tag in _DESCRIBING or tag in _DEGREE and k + 1 < len(tags) and tags[k + 1] in _DESCRIBING
               for k, tag in enumerate(tags))


_DESCRIBING = frozenset(["JJ", "JJR", "JJS", "VBG", "VBN"])
# an adverb only before a describing word ("her very tired mum"), not alone ("before mum kills me")
_DEGREE = frozenset(["RB", "RBR", "RBS"])


def _ordinary_noun(caps: Capitals, i: int, lowered: set[int]) -> bool:
    """`her Dad`, `your Aunt and Uncle`: after a possessive, or joined by "and" to one, with no
    name after it."""
    a = caps.after[i]
    if a >= 0 and capitalised(caps.text(a)):
        return False  # her Aunt Petunia: a title with a name
    b = caps.before[i]
    if b >= 0 and caps.keys[b] in ("and", "or") and caps.before[b] in lowered:
        return True
    if caps.keys[i] in word_list("pet_names"):
        return False  # "my Daddy": a child's name for a parent, a name even after "my"
    # "How He Lied to Her Husband": a title, every word capitalised
    return b >= 0 and caps.keys[b] in words().possessives and caps.text(b)[:1].islower()




def _change(caps: Capitals, i: int, fixed: str, why: str) -> Diagnostic:
    word = caps.text(i)
    start = caps.start(i)
    return Diagnostic(RULE.id, start, caps.end(i), f"\"{word}\" {why}: write \"{fixed}\".",
                      (Fix(start, start + 1, fixed[0], safe=False),))
