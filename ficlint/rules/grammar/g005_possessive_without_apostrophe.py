"""G005 possessive-without-apostrophe: an owner's -s with no apostrophe ("Toms shoulder", "the boys
forehead")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import lexicon
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.grammar._frames import word_set
from ficlint.rules.grammar._view import OTHER, View, view

RULE = Rule(
    id="G005",
    name="possessive-without-apostrophe",
    category="grammar",
    summary='An owner\'s -s without its apostrophe ("bumped into Toms shoulder", "the boys forehead").',
    why=(
        'A possessive takes an apostrophe: "Tom\'s shoulder", "the boy\'s forehead" (one boy) or "the boys\' '
        'forehead" (several). ficlint flags a name written with a bare -s where the same story writes that '
        'name\'s possessive with an apostrophe elsewhere ("Tom\'s nails" … "against Toms"), and a noun in -s '
        'that the word classes read as an owner between a determiner and the thing owned ("his friends '
        'house"). It leaves alone plurals used as modifiers ("the sports car", "the Potions class"), '
        'families ("the Potters"), and names that end in s ("James").'
    ),
    examples=examples(
        (
            "Tom’s nails were bitten short. Tom smiled. She bumped into Toms shoulder.",
            "Tom’s nails were bitten short. Tom smiled. She bumped into Tom’s shoulder.",
        ),
        (
            "Tom's hand was warm. Tom laughed as Harry bumped his shoulder with Toms.",
            "Tom's hand was warm. Tom laughed as Harry bumped his shoulder with Tom's.",
        ),
        "She smeared a wobbly smiley face onto the boys forehead.",
        ("They were wrapped in each others arms.", "They were wrapped in each other's arms."),
    ),
    allows=(
        "They drove the sports car to the Potions class.",
        "Tom's owl hooted. The Toms of this world never learn.",
        "James car was parked outside.",
        "He gave the boys dinner and went to bed.",
        "The other teachers gossip about the news.",
        "Harry's broom was new. Mr Harrys taught Latin.",
        "Harry's broom was new. Harry smiled. Harrys sighs and rolls over.",
    ),
    fix_safety=(
        "Safe for a name (the story's own possessive of it) and \"each other's\". A common noun gets no "
        'fix: only the writer knows whether one owner is meant ("boy\'s") or several ("boys\'").'
    ),
)



def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    v = view(doc)
    owned = {w[:-2] for w in v.with_apostrophe() if w[-2:] == "'s"}  # the story's own possessives: "tom's"
    names = [n + "s" for n in owned if len(n) >= 3 and n + "s" in v.vocabulary]  # "toms" beside "tom's"
    before_sake = [i - 1 for i in v.positions("sake")]
    for i in sorted({*v.at(*names, *(_plural_owners() & v.vocabulary)), *before_sake}):
        word = v.text[i]
        if v.voice[i] == OTHER or not word.endswith("s") or word.endswith(("ss", "us")) or len(word) < 4:
            continue
        if word[0].isupper():
            apostrophe = _apostrophe(v, word[:-1])
            if apostrophe and word[1:].islower() and _name_owner(v, i) and _slip_of(v, word, doc.text):
                fixed = word[:-1] + apostrophe + "s"
                yield Diagnostic(
                    RULE.id,
                    v.start[i],
                    v.end[i],
                    f'A possessive needs its apostrophe: "{fixed}", as this story writes it elsewhere.',
                    (Fix(v.start[i], v.end[i], fixed),),
                )
        elif word.isalpha() and word.islower() and _noun_owner(v, i):
            yield _common(v, i)


def _apostrophe(v: View, name: str) -> str:
    """The apostrophe the story writes in the name's possessive ("Tom’s": ’), "" if it never does
    with the name capitalised."""
    for k in v.positions(name.lower() + "'s"):
        if v.text[k][:1].isupper():
            return v.text[k][len(name)]
    return ""


@cache
def _plural_owners() -> frozenset[str]:
    """The -s words that may be an owner missing its apostrophe ("friends", "babies", "witches",
    "others"): every word whose `_owner_noun` is one of the owners, made from the list once."""
    owners = word_set("owners")
    made = {form for o in owners for form in (o + "s", o + "es", o[:-1] + "ies")}
    return frozenset([*(w for w in made if _owner_noun(w) in owners), "others"])


def _slip_of(v: View, word: str, text: str) -> bool:
    """Is the name in -s a slip for the possessive of a name the story uses ("Toms" beside many
    "Tom" and "Tom's"), not a name of its own ("Andrews", "Andrews' sister")?"""
    name = word[:-1].lower()
    plain = len(v.positions(name))
    possessive = len(v.positions(name + "'s"))
    written = len(v.positions(word.lower()))
    if re.search(re.escape(word) + r"['’](?!\w)", text):
        return False  # the story writes "Andrews'": a name in s
    return plain + possessive >= 2 * written


def _name_owner(v: View, i: int) -> bool:
    """A name in -s that owns what follows, or stands for what it owns ("with Toms.")."""
    if v.same_sentence(i - 1, i) and (
        v.low[i - 1] in word_set("before_a_plural_name") or v.xpos[i - 1] in ("DT", "CD", "PRP$", "JJ")
    ):
        return False  # "Mr Andrews", "the Potters", "two Toms", "my Ruskins", "bloodthirsty Badgers"
    if v.same_sentence(i, i + 1) and v.text[i + 1].islower() and v.xpos[i + 1] in ("NN", "NNS"):
        return v.low[i + 1] not in lexicon().third_forms  # "Toms shoulder", not "Harrys sighs and"
    # standing for what it owns, after a preposition, what it owns named just before: "his
    # shoulder bumping against Toms", "his fingers between Toms"
    if not v.same_sentence(i - 1, i) or v.xpos[i - 1] != "IN" or v.low[i - 1] in ("of", "like", "than", "as"):
        return False
    if v.same_sentence(i, i + 1) and v.is_word(i + 1) and v.low[i + 1] not in ("to", "and", "instead"):
        return False
    return any(v.xpos[k] == "PRP$" for k in range(max(0, i - 8), i - 1) if v.same_sentence(k, i))


def _noun_owner(v: View, i: int) -> bool:
    """A lowercase noun in -s between a determiner (or "each") and a singular or plural noun it
    owns: "his friends house", "the dogs head", "each others arms"."""
    if not v.same_sentence(i - 1, i + 1) or v.glued(i + 1):
        return False  # "the professors *mus* t know": a word cut by markup
    before, tag = v.low[i - 1], v.xpos[i - 1]
    if not (tag in ("DT", "PRP$") or before in ("each", "other")) or before in ("all", "both", "some", "no"):
        return False
    if v.low[i + 1] == "sake" or before == "each" and v.low[i] == "others" and v.xpos[i + 1] in ("NN", "NNS"):
        return True  # "for his friends sake", "each others arms"
    if "+POS" not in v.xpos[i] or _owner_noun(v.low[i]) not in word_set("owners"):
        return False  # "the sports car", "his trousers pockets": a plural as a modifier, not an owner
    if (
        v.xpos[i + 1] not in ("NN", "NNS")
        or not v.text[i + 1].islower()
        or v.low[i + 1] in word_set("not_owned")
    ):
        return False
    after = v.low[i + 1]
    lex = lexicon()
    if v.word(i + 2) in ("ago", "later", "earlier", "before", "old"):
        return False  # "one of her sisters years ago": a measure of time, no owner
    if (
        after.endswith("ing")
        or after in lex.past_forms
        and after not in lex.noun_like
        or v.word(i + 2) == "by"
    ):
        return False  # "the dogs waiting", "the visitors partook", "their horses side by side"
    if after in lex.base_forms and v.same_sentence(i, i + 2) and v.tag(i + 2) not in (".", ",", ":"):
        return False  # "the other teachers gossip about it", "the boys call him": a verb and its subject
    if v.same_sentence(i - 2, i - 1) and (v.xpos[i - 2] == "MD" or v.low[i - 2] in lex.auxiliaries):
        return False  # "Would the students notice?": a question's subject and its verb
    if v.same_sentence(i - 2, i - 1) and lexicon().base_of.get(v.low[i - 2]) in word_set("two_object_verbs"):
        return False  # "gave the boys dinner", "watched the others toil": no owner
    return not (v.same_sentence(i + 1, i + 2) and v.xpos[i + 2] in ("NN", "NNS"))  # "the sports car park"


def _owner_noun(word: str) -> str:
    """The singular of an -s noun: "boys" -> "boy", "babies" -> "baby", "witches" -> "witch"."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


def _common(v: View, i: int) -> Diagnostic:
    word = v.text[i]
    if v.low[i] == "others" and v.low[i - 1] == "each":
        return Diagnostic(
            RULE.id,
            v.start[i],
            v.end[i],
            'A possessive needs its apostrophe: "each other\'s".',
            (Fix(v.start[i], v.end[i], word[:-1] + "'s"),),
        )
    return Diagnostic(
        RULE.id,
        v.start[i],
        v.end[i],
        f'A possessive needs its apostrophe: "{word[:-1]}\'s" (one owner) or "{word}\'" (several).',
    )
