"""Which words need checking at all: not dictionary words, slang, acronyms,
stretches (loooong), speech with an elision (goin'), regular derivations a
writer coins (glossless), or the other dialect's form of a word (humourist)."""

from __future__ import annotations

import re
from functools import cache

from ficlint.analysis.lexicon import lexicon as tense_lexicon
from ficlint.resources import load_data
from ficlint.rules.spelling._dictionary import (
    RANKED,
    accepted_words,
    edited_words,
    lexicon,
    misspellings,
    modern_words,
)

KNOWN, CHECK, ODD, MODERN = "known", "check", "odd", "modern"

_STRETCH = re.compile(r"([a-z])\1\1", re.I)
_SUFFIXES = ("'s", "'ll", "'ve", "'re", "'d", "'m", "n't", "s'")
_RUN_TOGETHER_HEAD = 1000  # rank of a short first word (a, in, no, on)
_RUN_TOGETHER_TAIL = 5000  # shorter unknown words are mostly speech (wid, dese), foreign (und) or names


@cache
def classify(token: str) -> tuple[str, str]:
    """(KNOWN | CHECK | ODD | MODERN, the part to check). ODD: speech with an elision
    (goin', t'ink) or a foreign word; KNOWN: a dictionary word, slang, a short
    word, an acronym, mixed case (SouthPaw, iPhone), a stretch (loooong); MODERN: a word
    only the list of modern English knows (tricep, roofies), never a typo itself but, as
    before that list, company that may make a neighbour part of a foreign phrase."""
    if token.lower() in misspellings():
        return CHECK, token
    has = lexicon().has
    if has(token) or has(token.lower()):
        return KNOWN, token
    word = token.replace("’", "'")
    if "'" in word:
        for suffix in _SUFFIXES:
            if word.lower().endswith(suffix) and "'" not in word[: -len(suffix)]:
                word = word[: -len(suffix)]
                break
        else:
            return (KNOWN if word.lower() in accepted_words() or lexicon().knows(word) else ODD), word
        if token.replace("’", "'").endswith("'d") and _elided_past(word):
            return KNOWN, word  # verse's elided -ed: measur'd, inflam'd, convinc'd (measured)
    if not word.isascii():
        return ODD, word
    if misplural(word):
        return CHECK, word  # childs, feets, babys: the regular derivations below would explain them
    if len(word) < 3 or _STRETCH.search(word) or not word[1:].islower() and not word.isupper():
        return KNOWN, word
    if lexicon().knows(word) or word.lower() in accepted_words() or _genre_word(word.lower()) \
            or derived(word.lower()) or dialect_variant(word.lower()) or archaic_verb(word.lower()):
        return KNOWN, word
    if word.isupper() and len(word) <= 5:
        return KNOWN, word  # an acronym
    if _sound(word.lower()) and (word.islower() or _ONSET.match(word.lower()) is None):
        return KNOWN, word  # a sound written out: mrred, tsking, Hmhph (a name may begin oddly: Dvorak)
    if word[:1].isupper() and word.endswith("s") and lexicon().has(word[:-1]):
        return KNOWN, word  # a name in the plural: the Snapes, two Tupperwares
    return (MODERN if _listed(word.lower(), modern_words()) else CHECK), word


_INFLECTIONS = ("s", "es", "ed", "d", "ing")


def _elided_past(stem: str) -> bool:
    """A stem before 'd that is a past with its e elided, as period verse prints it (measur'd,
    convinc'd, spurr'd: measured, convinced, spurred), not a contraction of had or would."""
    return len(stem) >= 3 and stem.isalpha() and lexicon().knows(stem + "ed")


_ARCHAIC_ENDINGS = ("eth", "est")  # heareth, knowest: the old third and second persons


def archaic_verb(word: str) -> bool:
    """A verb with the old -eth or -est ending (heareth, seeketh, knowest): period prose and
    verse, and speech written to sound old, not a slip. The stem must be a verb's base form."""
    forms = tense_lexicon()
    for ending in _ARCHAIC_ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3 \
                and any(s in forms.base_forms for s in (stem, stem + "e")):
            return True
    return False


@cache
def _irregular_plurals() -> dict[str, str]:
    """Singular -> plural of the nouns English does not pluralise with -s (rules/data)."""
    return {str(k): str(v) for k, v in load_data("common-misspellings")["irregular_plurals"].items()}


@cache
def _possessive_plurals() -> frozenset[str]:
    """Plurals of people whose -s form is mostly a possessive without its apostrophe (childrens)."""
    return frozenset(map(str, load_data("common-misspellings")["possessive_plurals"]))


def misplural(word: str) -> tuple[str, ...]:
    """The plural (and the possessive) meant by a lowercase plural made with -s where English makes
    it otherwise: on an irregular noun or its plural (childs, childrens, feets, deers), on a
    consonant + y (babys: babies) or an -lf or -fe (werewolfs, lifes: werewolves, lives). () for any other
    word, and for one the dictionary knows (leafs, knifes and wolfs are verbs too)."""
    if word[:1].isupper() and word[1:].islower():
        return _capitalised_misplural(word)
    if not word.islower() or not word.endswith("s") or lexicon().has(word):
        return ()
    has = lexicon().has
    plurals = _irregular_plurals()
    base = word[:-1]
    for singular in (base, word[:-2] if word.endswith("es") else ""):
        if singular in plurals:
            return plurals[singular], singular + "'s"
    if base in plurals.values():
        return (base + "'s", base) if base in _possessive_plurals() else (base, base + "'s")
    if base[-1:] == "y" and base[-2:-1] not in ("a", "e", "i", "o", "u", "") and has(base) \
            and has(base[:-1] + "ies"):
        return base[:-1] + "ies", base + "'s"
    for ending in ("lf", "fe"):  # not sheafs, hoofs, wharfs, scarfs: printed variants of their -ves
        stem = base[:-1] if ending == "lf" else base[:-2]
        if base.endswith(ending) and len(stem) >= 2 and has(base) and has(stem + "ves") \
                and not _only_a_verb(stem + "ves"):
            return stem + "ves", base + "'s"
    return ()


def _capitalised_misplural(word: str) -> tuple[str, ...]:
    """`misplural` of a word capitalised at a sentence's start (Childrens, Werewolfs), but not of a
    name's possessive without its apostrophe (Percys: a -y plural is left to the name checks)."""
    lowered = word.lower()
    if lowered.endswith("ys"):
        return ()
    return tuple(found[:1].upper() + found[1:] for found in misplural(lowered))


def _only_a_verb(form: str) -> bool:
    """An -s form of a verb that is no noun's plural ("strives": strifes is no slip for it)."""
    forms = tense_lexicon()
    return form in forms.third_forms and form not in forms.noun_like


def _genre_word(word: str) -> bool:
    """A word edited books print or many fan-fiction writers use, or an inflection of one (hokages
    beside hokage, daleks beside dalek): the lists hold the form most writers used, not every form."""
    return _listed(word, edited_words())


def _listed(word: str, words: frozenset[str]) -> bool:
    """`word` or the word it inflects is in `words`."""
    return word in words or any(word.endswith(e) and word[:-len(e)] in words for e in _INFLECTIONS)


_PREFIXES = ("un", "non", "re", "dis", "mis", "over", "under", "out", "half", "self", "fore", "counter",
             "sub", "super", "pre", "post", "anti", "semi", "inter", "ultra", "multi", "pseudo", "quasi",
             "mid")
_COMPOUND_PART = 4  # two dictionary words this long, written as one, are a coinage (brickred, babycentric)
_SUFFIXES_AFTER_E_DROP = ("ed", "ing", "er", "ers", "est", "y", "ish")  # choky: choke + y
_DERIVING_SUFFIXES = ("s", "es", "ly", "ness", "less", "ful", "like", "ish", "y", "ey", "ed", "ing", "er",
                      "ers", "est", "ment", "ments")
_VARIETY_SWAPS = (("our", "or"), ("or", "our"), ("ise", "ize"), ("ize", "ise"), ("yse", "yze"),
                  ("yze", "yse"), ("tre", "ter"), ("ter", "tre"), ("ll", "l"), ("l", "ll"), ("ence", "ense"),
                  ("ense", "ence"), ("ogue", "og"), ("ae", "e"), ("oe", "e"), ("ey", "y"), ("y", "ey"),
                  ("izing", "ising"), ("ising", "izing"), ("yzing", "ysing"), ("ysing", "yzing"),
                  ("ization", "isation"), ("isation", "ization"))
_VOWELS = frozenset("aeiouy")
# Endings either dialect may put on any word (strategize/strategise, analyze/analyse): the other
# form need only be a dictionary word, where -our or -re must be a listed pair (vigourous is a typo).
_PRODUCTIVE = frozenset({"ise", "ize", "yse", "yze", "izing", "ising", "yzing", "ysing", "ization",
                         "isation"})


def dialect_variant(word: str) -> bool:
    """The other dialect's form of a word that is spelt two ways (humourist beside humorist,
    colourlessly beside colorlessly): consistency between the two is the dialect rules' job, not a
    typo. The other form must be a variant spelling of the other dialect (or made from one by a
    suffix that keeps the spelling): "vigourous" is no British "vigorous" (British writes vigorous
    too), only a typo."""
    if word in _dialect_spellings():
        return True  # glamor: itself one side of a pair the dictionary lacks
    for a, b in _VARIETY_SWAPS:
        at = word.find(a, 1)
        while at >= 0:
            variant = word[:at] + b + word[at + len(a):]
            if _swap_allowed(a, word[at + len(a):]) and (_variant_spelling(variant)
                                                         or a in _PRODUCTIVE and _free_ending(variant)):
                return True
            at = word.find(a, at + 1)
    return False


def _free_ending(variant: str) -> bool:
    """Is `variant` (the word with its -ise/-ize ending swapped) a dictionary word whose ending
    may be spelt either way (strategising), not one spelt -ise in both dialects (surprising)?"""
    return lexicon().has(variant) and not any(root in variant for root in _ise_in_both())


@cache
def _ise_in_both() -> tuple[str, ...]:
    """The roots of the words spelt -ise in both dialects (surpris, advertis)."""
    return tuple(str(w)[:-1] for w in load_data("common-misspellings")["ise_in_both"])


# Suffixes after which a variant keeps its dialect's spelling (humourist, colourless, honourable);
# not -ous, before which British drops the u too (vigorous, humorous, glamorous).
_VARIANT_SUFFIXES = ("s", "es", "ed", "ing", "er", "ers", "ist", "ists", "ism", "ly", "less", "lessly",
                     "ful", "fully", "ness", "able", "ably", "ite", "ites", "y")


def _variant_spelling(word: str) -> bool:
    spellings = _dialect_spellings()
    if word in spellings:
        return True
    for suffix in _VARIANT_SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and (base in spellings or base + "e" in spellings):
            return True
    return False


@cache
def _dialect_spellings() -> frozenset[str]:
    """Both spellings of every British/American pair (colour, color, glamour, glamor…)."""
    from ficlint.rules.dialect._variants import variants  # the dialect family's data, read-only

    return variants().spellings


def _swap_allowed(swapped: str, rest: str) -> bool:
    """l and ll differ by variety before a vowel (travelling/traveling) and l
    may double at the end (fulfil/fulfill); wonderfull is no variant of wonderful."""
    if swapped == "ll":
        return rest[:1] in _VOWELS
    if swapped == "l":
        return rest == "" or rest[:1] in _VOWELS
    return True


def derived(word: str) -> bool:
    """A regular derivation of a dictionary word (tappings, moony, pantingly,
    glossless, unbathed), which writers coin freely, and not a classic slip of
    the spelling rules (occured, comming, truely, untill)."""
    return _derivation(word) and not _spelling_rule_slip(word)


def _spelling_rule_slip(word: str) -> bool:
    """A dictionary word is this one with a consonant doubled or undoubled, or an e dropped."""
    knows = lexicon().has
    for i in range(1, len(word)):
        c = word[i]
        if c == word[i - 1] and knows(word[:i] + word[i + 1:]):
            return True  # comming -> coming, untill -> until
        if c not in "aeiou" and c != word[i - 1] and knows(word[:i + 1] + c + word[i + 1:]):
            return True  # occured -> occurred, realy -> really
        if c == "e" and knows(word[:i] + word[i + 1:]):
            return True  # truely -> truly
    return False


def _derivation(word: str) -> bool:
    knows = lexicon().has
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4 and knows(word[len(prefix):]):
            return True
    for suffix in _DERIVING_SUFFIXES:
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 3:
            continue
        if knows(base) or suffix in _SUFFIXES_AFTER_E_DROP and knows(base + "e"):
            return True
        if base.endswith("i") and knows(base[:-1] + "y"):
            return True  # ruddied, rosier, meatily: ruddy, rosy, meaty
        if base[-1:] == base[-2:-1] and suffix in _SUFFIXES_AFTER_E_DROP and knows(base[:-1]):
            return True  # scamming: scam + m + ing
    parts = range(_COMPOUND_PART, len(word) - _COMPOUND_PART + 1)
    return any(knows(word[:i]) and knows(word[i:]) for i in parts)  # brickred: brick + red


def _sound(word: str) -> bool:
    """A sound written out (mrred, tsking, hmph, pfft): its letters before the first vowel begin no
    English word, or it has no vowel at all."""
    onset = _ONSET.match(word)
    return onset is None or onset.group(0) not in _onsets()


_ONSET = re.compile(r"[^aeiouy]*(?=[aeiouy])")


@cache
def _onsets() -> frozenset[str]:
    """How the commoner English words begin before their first vowel: "", "str", "sch", "ch"…"""
    # _ONSET at the start of every line of the words (one search at C speed, half the time of one
    # match a word); a newline stands in no word, so no onset runs into the next one
    return frozenset(_LINE_ONSET.findall("\n".join(lexicon().rank)))


_LINE_ONSET = re.compile(r"^[^aeiouy\n]*(?=[aeiouy])", re.M)


def run_together(word: str) -> bool:
    """Two common words typed as one (noone, infact, abit): a missing space,
    which the run-together rules report, not a misspelt word."""
    rank = lexicon().rank
    for i in range(1, min(3, len(word) - 2) + 1):
        head, tail = word[:i], word[i:]
        if rank.get(head, RANKED) < _RUN_TOGETHER_HEAD and rank.get(tail, RANKED) < _RUN_TOGETHER_TAIL:
            return True
    return False
