"""Slots where grammar is certain which word class comes next.

After a modal ("could", "they'll", "didn't") or the infinitive's "to" ("tried to") comes a
base verb; after an article or "my", "every", a noun phrase; after a possessive ("your",
"its"), never a form of "be", an article or a pronoun. A confusable word that cannot fill
its slot is the wrong member of its set ("they'll led" -> "lead", "an which" -> "witch",
"its been" -> "it's"), and the member that can is the one to keep. After "had", "has",
"have" (an adverb may come between) a word followed by its object ("had lead the way",
"has past the gate") is a past participle; so is one after a form of "be" followed by "by"
and its agent ("was lead by the hand"). After "he" or "she" opening a clause, a word followed
by its object is a finite verb, never a bare one ("she lead the way" -> "led", "he choose
the red one" -> "chose"); not after "that" (a subjunctive: "insisted that he lead the
team") nor after a modal or "did" (a question: "did she lead the way?"); after "I", "we",
"they", "you" so placed, a verb of any form ("they no the way" -> "know"). After a verb of going
and before its object, the preposition "past" ("walked passed them"); before a noun the tagger reads
as the subject of the next verb, a possessive ("it's staff were" -> "its", "who's idea was" ->
"whose"); after "be" or "seem", a complement, never a word that is only a base verb ("was loathe
to" -> "loath"; not after "do" in its sentence: "all you have to do is breathe").

    codes = slot_codes(words, sentence)      # one code per token: NONE, BASE_VERB, NOUN_PHRASE...
    fits("led", BASE_VERB)                   # False: "led" is never a base verb
    fits("your", codes[i]) is False          # a possessive before "been"

`words` are the analysis layer's tokens, lowercased with straight apostrophes; `sentence`
the sentence index of each. The word lists are data in rules/data/slots.yaml; the classes
of the words judged come from ficlint/analysis/confusables.py (`word_classes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import repeat
from typing import TYPE_CHECKING

from ficlint.analysis.confusables import TokenForms, word_classes
from ficlint.resources import load_data

if TYPE_CHECKING:
    import numpy as np

    from ficlint.analysis.tagger import Tag

(NONE, BASE_VERB, NOUN_PHRASE, NO_POSSESSIVE, PAST_PARTICIPLE, FINITE_SINGULAR, VERB, NO_CONTRACTION,
 BEFORE_ARTICLE, NOUN_HEAD, COMPARISON, AFTER_BE, PARTICLE, DEGREE, PREDICATE, TAGGED_BASE_VERB,
 NAME_VERB, PASSING, FUSED_BEFORE_NOUN, COMPLEMENT, BE_COMPLEMENT) = range(21)  # slot codes
# (NO_POSSESSIVE: the next word cannot follow a possessive, so this word is not one; NO_CONTRACTION:
# after a preposition, no pronoun fused with a verb; BEFORE_ARTICLE: neither a possessive nor a bare
# adjective; NOUN_HEAD: the head of a noun phrase, before a stop or comma; COMPARISON: after a
# comparative, "than"; AFTER_BE: after a finite "be", no other finite verb ("that's were" -> "where");
# PARTICLE: after a verb of motion and before its object, a particle ("jumped of the" -> "off");
# DEGREE: after "be" and before an adjective, a degree adverb ("was to late" -> "too"); PREDICATE:
# before a predicate adjective or adverb, no possessive ("your ready to" -> "you're"); TAGGED_BASE_VERB:
# a base verb after "will", "can", "may" the tagger reads as modals (it may read a name: "If Will were");
# NAME_VERB: a finite verb after a name opening a clause ("Tom past him" -> "passed"); PASSING: after
# a verb of going and before its object, the preposition "past" ("walked passed them" -> "past");
# FUSED_BEFORE_NOUN: before a noun and its finite verb, a possessive, not a pronoun fused with a verb
# ("it's staff were" -> "its", "who's idea was" -> "whose"); COMPLEMENT: after "be" or "seem", never
# a word that is only a base verb ("she was loathe to" -> "loath"); BE_COMPLEMENT: both AFTER_BE and
# COMPLEMENT (after a finite "be"))
SLOT_CODES = 21

# token kinds for the look-behind
_OTHER, _MODAL, _SUBJECT_MODAL, _SUBJECT, _TO, _BEFORE_TO, _DETERMINER, _ADVERB = range(8)


@cache
def _data() -> dict[str, frozenset[str]]:
    return {key: frozenset(str(w) for w in words) for key, words in load_data("slots").items()}


_KIND = 7  # a word's kind is its code's low bits; the flags above them
_NEVER_AFTER_POSSESSIVE = 8  # a flag added to a word's kind
_HYPHEN = 16  # the code of "-" (a word of no kind): one lookup per token gives both
_PERFECT = 32  # "had", "has", "have": a past participle may follow
_PASSIVE = 64  # a form of "be": a past participle may follow
_BY = 128  # "by", the passive's agent
_OBJECT = 256  # what may open a verb's object ("the", "them")
_SINGULAR = 512  # "he", "she": a subject, third person singular
_CLAUSE_OPENER = 1024  # what may stand before a clause's subject ("and", ",", a quotation mark)
_PERSONAL = 2048  # "i", "we", "they", "you": a subject whose verb may be a bare one
_ARTICLE = 4096  # "the", "a", "an"
_PHRASE_END = 8192  # a mark that ends a noun phrase (".", ",")
_NO_CONTRACTION_AFTER = 16384  # a preposition no fused pronoun and verb follows ("of", "at")
_HEAD_DETERMINER = 32768  # a determiner whose phrase may be one word long ("the", "his")
_DEGREE = 65536  # "as", "so", "too": an adjective may stand before "a" after one ("as new a thing")
# the tagger's classes the slots read
_WORD_CLASS_CODES = {"AUX": 1, "ADJ": 2, "PROPN": 3, "ADV": 4, "VERB": 5, "ADP": 8, "NOUN": 10}
_NOUN_CODE = 10
_VERB_CODE = 5
# an adjective or adverb the tagger reads as comparative, or superlative (xpos): a possessive's phrase may
# end in a superlative ("trying our hardest to"), so it is no predicate
_COMPARATIVE_CODES = {"JJR": 6, "RBR": 7, "JJS": 9, "RBS": 9}
_ADJECTIVE_CODES = (2, 6, 9)
_ADVERB_CODES = (4, 7)
# adjectives and adverbs: what follows a verb, not a possessive. Not particles: "their out of place clothing"
_PREDICATE_CODES = (2, 4, 6, 7)
_FINITE_BE = 131072  # a finite form of "be" ("is", "was", "that's"): no other finite verb follows
_COMPARATIVE_SKIP = 262144  # comparatives of time and extent "then" may follow ("later then", "more then")
_MORE = 524288  # "more", "less": a comparative with the next adjective
_MOTION = 1048576  # a verb of motion or removal: "off" comes before its object, not "of"
_COPULA = 2097152  # "be", "seem", "feel": an adjective or a degree adverb follows
_PREDICATE_FOLLOWER = 4194304  # what may follow a predicate adjective ("ready to", "sure about")
_QUOTE = 16777216  # a quotation mark
_QUANTIFIER = 33554432  # "many", "few": after "seem to" a pronoun, not an adjective
_POSSESSIVE_HEAD = 8388608  # adjectives a possessive's phrase may end in ("your best.", "your own")
_PASSING = 67108864  # a verb of going: "past" comes before its object, not "passed"
_FINITE_AFTER_NOUN = 134217728  # a finite verb a subject noun may have right after it ("staff were")
_COMPLEMENTED = 268435456  # "be", "seem": a complement follows, never a bare verb
_DO = 536870912  # "do", "did": "all I did was breathe" (a pseudo-cleft: a bare verb after "was")


@cache
def _kinds() -> dict[str, int]:
    """Each listed word's kind, plus _NEVER_AFTER_POSSESSIVE for the words no possessive precedes."""
    data = _data()
    kinds: dict[str, int] = {}
    for key, kind in (("subjects", _SUBJECT), ("infinitive_to_after", _BEFORE_TO),
                      ("adverbs_between", _ADVERB), ("noun_phrase_after", _DETERMINER),
                      ("base_verb_after_subject", _SUBJECT_MODAL), ("base_verb_after", _MODAL)):
        kinds.update(dict.fromkeys(data[key], kind))
    kinds["to"] = _TO
    for key, flag in (("never_after_possessive", _NEVER_AFTER_POSSESSIVE), ("perfect_auxiliaries", _PERFECT),
                      ("passive_auxiliaries", _PASSIVE), ("object_starts", _OBJECT),
                      ("singular_subjects", _SINGULAR), ("clause_openers", _CLAUSE_OPENER),
                      ("other_subjects", _PERSONAL), ("articles", _ARTICLE), ("phrase_ends", _PHRASE_END),
                      ("no_contraction_after", _NO_CONTRACTION_AFTER), ("noun_head_after", _HEAD_DETERMINER),
                      ("degree_before_article", _DEGREE), ("finite_be", _FINITE_BE),
                      ("comparative_skip", _COMPARATIVE_SKIP), ("comparative_more", _MORE),
                      ("motion_verbs", _MOTION), ("copulas", _COPULA),
                      ("predicate_followers", _PREDICATE_FOLLOWER), ("possessive_heads", _POSSESSIVE_HEAD),
                      ("quotes", _QUOTE), ("quantifiers", _QUANTIFIER), ("passing_verbs", _PASSING),
                      ("finite_after_noun", _FINITE_AFTER_NOUN), ("complemented", _COMPLEMENTED),
                      ("do_forms", _DO)):
        for word in data[key]:
            kinds[word] = kinds.get(word, _OTHER) | flag
    kinds["by"] = kinds.get("by", _OTHER) | _BY
    kinds["-"] = _OTHER | _HYPHEN
    return kinds


def slot_codes(words: Sequence[str], sentence: Sequence[int],
               upos: Sequence[str] | np.ndarray | None = None, forms: TokenForms | None = None) -> np.ndarray:
    """The slot code of every token (see the module's docstring). With the tagger's word
    classes (`upos`, e.g. doc.tags' upos, or their `word_class_codes`), a noun phrase is also
    recognised after an article and adjectives ("an old _"), and "will", "can", "may" are
    modals wherever tagged AUX.
    `forms` (confusables.token_forms of the same tokens) lets each word form be looked up once."""
    import numpy as np

    n = len(words)
    codes = np.zeros(n, dtype=np.int64)
    if n < 2:
        return codes
    if forms is not None:
        kinds = np.fromiter(map(_kinds().get, forms.lowered, repeat(_OTHER)), dtype=np.int64,
                            count=len(forms.lowered))
        found = kinds[forms.code]
    else:
        found = np.fromiter(map(_kinds().get, words, repeat(_OTHER, n)), dtype=np.int64, count=n)
    kind = found & _KIND
    follows_never = (found & _NEVER_AFTER_POSSESSIVE) != 0
    hyphen = (found & _HYPHEN) != 0
    adjective = None
    sent = np.asarray(sentence, dtype=np.int64)
    same = np.r_[False, sent[1:] == sent[:-1]]  # token i is in the sentence of token i - 1
    if upos is not None:
        classes = upos if isinstance(upos, np.ndarray) else word_class_codes(upos)
        auxiliary = classes == 1
        tagged_modal = (kind == _SUBJECT_MODAL) & auxiliary
        kind[tagged_modal] = _MODAL
        adjective = among(classes, _ADJECTIVE_CODES)
    before = np.r_[_OTHER, kind[:-1]]
    verb_follows = (kind == _MODAL) | (same & (((kind == _SUBJECT_MODAL) & (before == _SUBJECT))
                                               | ((kind == _TO) & (before == _BEFORE_TO))))
    verb_before = np.r_[False, verb_follows[:-1]] & same
    verb_two_before = np.r_[False, False, verb_follows[:-2]] & np.r_[False, same[:-1]]
    after_adverb = (before == _ADVERB) & same & verb_two_before
    codes[(verb_before & (kind != _ADVERB)) | after_adverb] = BASE_VERB
    codes[(before == _DETERMINER) & same] = NOUN_PHRASE
    if adjective is not None:
        codes[_after_article_and_adjectives(kind, adjective, same)] = NOUN_PHRASE
    ends = _ends_phrase(found, same)
    head = _flag_before(found, kind, same, _HEAD_DETERMINER, adverb=False)
    codes[head & ends] = NOUN_HEAD
    codes[(before == _DETERMINER) & same & ends & ~head] = NONE  # "Each knew.": "each" a pronoun
    hyphen_after = np.r_[hyphen[1:], False]
    judged = np.r_[follows_never[1:] & same[1:] & ~hyphen_after[1:], False]  # token i: the next one never
    codes[judged & (codes == NONE)] = NO_POSSESSIVE
    if upos is not None:
        verbal = _verbal_after(words, forms)
        predicate = _predicate_after(found, classes, same) & (verbal != _GERUND)
        codes[np.r_[predicate[1:] & same[1:], False] & (codes == NONE)] = PREDICATE
    # before an article: after "each" or "another" (pronouns too: "each knew the other") no noun phrase
    before_article = (_flag_after(found, same, _ARTICLE) & among(codes, (NONE, NO_POSSESSIVE, NOUN_PHRASE))
                      & ~_flag_before(found, kind, same, _DEGREE, adverb=False))
    codes[before_article] = BEFORE_ARTICLE
    after_preposition = _flag_before(found, kind, same, _NO_CONTRACTION_AFTER, adverb=False)
    codes[after_preposition & (codes == NONE)] = NO_CONTRACTION
    # before an object nothing is a possessive anyway
    open_slot = (codes == NONE) | (codes == NO_POSSESSIVE) | (codes == BEFORE_ARTICLE)
    codes[_participle_slots(found, kind, same) & open_slot] = PAST_PARTICIPLE
    codes[_verb_slots(found, kind, same, _SINGULAR) & open_slot] = FINITE_SINGULAR
    codes[_verb_slots(found, kind, same, _PERSONAL) & open_slot] = VERB
    free = (codes == NONE) | (codes == NO_POSSESSIVE) | (codes == BEFORE_ARTICLE)
    codes[_flag_before(found, kind, same, _FINITE_BE, adverb=False) & free] = AFTER_BE
    motion = (_flag_before(found, kind, same, _MOTION, adverb=False)
              & np.r_[False, False, kind[:-2] != _DETERMINER])  # "the fall of his tie": a noun
    codes[motion & _flag_after(found, same, _OBJECT) & free] = PARTICLE
    passing = _flag_before(found, kind, same, _PASSING, adverb=False) & _flag_after(found, same, _OBJECT)
    complement = _complement_slots(found, kind, same, classes if upos is not None else None)
    still_free = among(codes, (NONE, NO_POSSESSIVE, BEFORE_ARTICLE))
    codes[passing & still_free] = PASSING
    codes[complement & still_free] = COMPLEMENT
    codes[complement & (codes == AFTER_BE)] = BE_COMPLEMENT
    if upos is not None:
        codes[_name_verb_slots(found, kind, classes, same) & open_slot] = NAME_VERB
        after_tagged = np.r_[False, tagged_modal[:-1]] & ~np.r_[False, False, kind[:-2] == _SUBJECT]
        codes[after_tagged & (codes == BASE_VERB)] = TAGGED_BASE_VERB
        codes[_comparison_slots(found, classes, same) & (codes != BASE_VERB)] = COMPARISON
        codes[_degree_slots(found, kind, classes, same, verbal) & (codes != BASE_VERB)] = DEGREE
        fused = _fused_before_noun(found, classes, same, verbal, _ing_after(words, forms))
        codes[fused & among(codes, (NONE, NO_POSSESSIVE, BEFORE_ARTICLE, NO_CONTRACTION))] = FUSED_BEFORE_NOUN
    return codes


def _fused_before_noun(found: np.ndarray, classes: np.ndarray, same: np.ndarray,
                       verbal: np.ndarray, ing: np.ndarray) -> np.ndarray:
    """Tokens before a word the tagger reads as a noun (not an -ing form: "what you're saying is")
    followed by a finite verb of its own ("the firm and it's staff were", "who's idea was it"): the
    noun is a subject, so the word before it is its determiner, not a pronoun fused with a verb."""
    import numpy as np

    noun = (classes == _NOUN_CODE) & (verbal != _GERUND)
    noun_next = np.r_[noun[1:], False] & np.r_[same[1:], False]
    # a finite verb of the list, or one the tagger reads as a verb that is no base or -ing form
    # ("eyes widened")
    finite = ((found & _FINITE_AFTER_NOUN) != 0) | ((classes == _VERB_CODE) & (verbal == 0) & ~ing)
    return noun_next & np.r_[finite[2:], False, False] & np.r_[same[2:] & same[1:-1], False, False]


def _complement_slots(found: np.ndarray, kind: np.ndarray, same: np.ndarray,
                      classes: np.ndarray | None) -> np.ndarray:
    """Tokens after "be" or "seem" (an adverb may come between: one of adverbs_between, or one
    the tagger reads as an adverb: "is suddenly soar"): a complement's place, where a word that is
    only a base verb cannot stand ("was loathe to" -> "loath"). Not in a sentence that has "do"
    or "did" before (a pseudo-cleft: "all you have to do is breathe")."""
    import numpy as np

    after = _flag_before(found, kind, same, _COMPLEMENTED)
    if classes is not None:
        adverb = np.r_[False, among(classes[:-1], _ADVERB_CODES)] & same
        after |= adverb & np.r_[False, False, (found[:-2] & _COMPLEMENTED) != 0] & np.r_[False, same[:-1]]
    do = (found & _DO) != 0
    if not do.any():
        return after
    # a "do" earlier in the token's sentence: count the do-forms seen so far, per sentence
    seen = np.cumsum(do)
    first = np.r_[0, np.flatnonzero(~same[1:]) + 1] if len(same) else np.zeros(0, dtype=np.int64)
    starts = np.zeros(len(found), dtype=np.int64)
    starts[first] = 1
    sentence_no = np.cumsum(starts) - 1
    before_sentence = (seen - do)[first]  # do-forms before each sentence's first token
    earlier = seen - do - before_sentence[sentence_no] > 0
    return after & ~earlier


def _predicate_after(found: np.ndarray, classes: np.ndarray, same: np.ndarray) -> np.ndarray:
    """Tokens a possessive cannot precede: an adjective, adverb or particle (as the tagger reads
    it here) before a word that goes on a predicate ("your ready to", "your out of"), unless a
    possessive's phrase may end in it ("your best to", "on your own for")."""

    predicate = among(classes, _PREDICATE_CODES) & ((found & _POSSESSIVE_HEAD) == 0)
    return predicate & _flag_after(found, same, _PREDICATE_FOLLOWER)


def _name_verb_slots(found: np.ndarray, kind: np.ndarray, classes: np.ndarray,
                     same: np.ndarray) -> np.ndarray:
    """Tokens after a name (the tagger's PROPN) opening a clause and before an object, where a
    finite verb stands ("Tom past him on the stairs" -> "passed")."""
    import numpy as np

    opens = ~same | np.r_[False, ((found[:-1] & _CLAUSE_OPENER) != 0) & ((found[:-1] & _QUOTE) == 0)]
    name = (classes == 3) & opens  # not after a quotation mark: a capitalised word opening speech
    after = np.r_[False, name[:-1]] & same
    return after & _flag_after(found, same, _OBJECT)


def _comparison_slots(found: np.ndarray, classes: np.ndarray, same: np.ndarray) -> np.ndarray:
    """Tokens after a comparative ("taller _", "more creative _"), before a word that goes on
    the sentence: where "than" stands, not "then". Not after comparatives of time or of bare
    amount ("see you later then", "he wanted more then"), nor before a stop."""
    import numpy as np

    comparative = among(classes, (6, 7)) & ((found & _COMPARATIVE_SKIP) == 0)
    more_adjective = (among(classes, _ADJECTIVE_CODES + _ADVERB_CODES)
                      & np.r_[False, (found[:-1] & _MORE) != 0] & same)
    after = np.r_[False, (comparative | more_adjective)[:-1]] & same
    goes_on = np.r_[same[1:], False] & ~_flag_after(found, same, _PHRASE_END)
    return after & goes_on


_BASE, _GERUND = 1, 2  # what `_verbal` finds


def among(values: np.ndarray, members: tuple[int, ...]) -> np.ndarray:
    """`np.isin` for small non-negative codes (word classes, slot codes): one table lookup."""
    return _table(members)[values]


@cache
def _table(members: tuple[int, ...]) -> np.ndarray:
    import numpy as np

    table = np.zeros(64, dtype=bool)
    table[list(members)] = True
    return table


def _verbal_after(words: Sequence[str], forms: TokenForms | None) -> np.ndarray:
    """`_verbal` of every token (looked up once per word form when `forms` is given)."""
    import numpy as np

    if forms is not None:
        lowered = forms.lowered
        return np.fromiter(map(_verbal, lowered), dtype=np.int8, count=len(lowered))[forms.code]
    return np.fromiter(map(_verbal, words), dtype=np.int8, count=len(words))


def _ing_after(words: Sequence[str], forms: TokenForms | None) -> np.ndarray:
    """Does each token end in "-ing" (a participle the verb forms may lack: "having")?"""
    import numpy as np

    if forms is not None:
        lowered = forms.lowered
        return np.fromiter((w.endswith("ing") for w in lowered), dtype=bool, count=len(lowered))[forms.code]
    return np.fromiter((w.endswith("ing") for w in words), dtype=bool, count=len(words))


@cache
def _verbal(word: str) -> int:
    """_BASE if the word can be a base verb (after "was to" an infinitive: "the alliance was to
    last", "was to faint"), _GERUND if an -ing form (after a possessive a gerund: "your interfering
    with"), else 0."""
    from ficlint.analysis.verbforms import verb_forms  # cached there; loaded only when a slot needs it

    forms = verb_forms()
    return _GERUND if word in forms.present_participle else _BASE if word in forms.base else 0


def _degree_slots(found: np.ndarray, kind: np.ndarray, classes: np.ndarray, same: np.ndarray,
                  verbal: np.ndarray) -> np.ndarray:
    """Each "to" after "be" (or "seem", "feel") and before an adjective or adverb that ends its
    phrase, or that the tagger itself reads as an adverb there: "it was to late." -> "too"."""
    import numpy as np

    copula = _flag_before(found, kind, same, _COPULA, adverb=False)
    next_class = np.r_[classes[1:], 0]
    before_predicate = (among(next_class, _ADJECTIVE_CODES + _ADVERB_CODES) & np.r_[verbal[1:] == 0, False]
                        & ~np.r_[(found[1:] & _QUANTIFIER) != 0, False])  # "it may seem to many,"
    ends = _flag_after(found, same, _PREDICATE_FOLLOWER | _PHRASE_END, 2)
    return copula & (kind == _TO) & ((before_predicate & ends) | among(classes, _ADVERB_CODES))


def _flag_before(found: np.ndarray, kind: np.ndarray, same: np.ndarray, flag: int,
                 adverb: bool = True) -> np.ndarray:
    """Tokens whose previous token (or, with `adverb`, the one before it, an adverb between) has `flag`."""
    import numpy as np

    once = np.r_[False, (found[:-1] & flag) != 0] & same
    if not adverb:
        return once
    twice = np.r_[False, False, (found[:-2] & flag) != 0] & np.r_[False, same[:-1]]
    adverb = np.r_[_OTHER, kind[:-1]] == _ADVERB
    return once | (twice & adverb & same)


def _flag_after(found: np.ndarray, same: np.ndarray, flag: int, step: int = 1) -> np.ndarray:
    """Tokens whose `step`-th next token, in the same sentence, has `flag`."""
    import numpy as np

    ok = np.ones(len(found), dtype=bool)
    for k in range(1, step + 1):
        ok &= np.r_[same[k:], np.zeros(k, dtype=bool)]
    return np.r_[(found[step:] & flag) != 0, np.zeros(step, dtype=bool)] & ok


def _ends_phrase(found: np.ndarray, same: np.ndarray) -> np.ndarray:
    """Tokens followed by a mark that ends a noun phrase (or by nothing: the end of the sentence)."""
    import numpy as np

    last = ~np.r_[same[1:], False]
    return last | _flag_after(found, same, _PHRASE_END)


def _verb_slots(found: np.ndarray, kind: np.ndarray, same: np.ndarray, subjects: int) -> np.ndarray:
    """Tokens after a subject of the `subjects` flag opening a clause (the sentence's first
    word, or after a clause opener) and before an object: a verb's place."""
    import numpy as np

    opens = ~same | np.r_[False, (found[:-1] & _CLAUSE_OPENER) != 0]
    subject = ((found & subjects) != 0) & opens
    after_subject = _flag_before(np.where(subject, found, 0), kind, same, subjects)
    return after_subject & _flag_after(found, same, _OBJECT)


def _participle_slots(found: np.ndarray, kind: np.ndarray, same: np.ndarray) -> np.ndarray:
    """Tokens where only a past participle fits: after "had"/"has"/"have" (or one of the
    adverbs that may come between) and before the start of an object ("had _ the way"), or
    after a form of "be" and before "by" and its agent ("was _ by the")."""
    perfect = _flag_before(found, kind, same, _PERFECT) & _flag_after(found, same, _OBJECT)
    passive = (_flag_before(found, kind, same, _PASSIVE) & _flag_after(found, same, _BY)
               & _flag_after(found, same, _OBJECT, 2))
    return perfect | passive


def word_class_codes(upos: Sequence[str]) -> np.ndarray:
    """The code of each word class the slots read (int8, 0 for the others): what `slot_codes`
    makes of its `upos`, for a caller that has the codes already."""
    import numpy as np

    return np.fromiter(map(_WORD_CLASS_CODES.get, upos, repeat(0)), dtype=np.int8, count=len(upos))


@cache
def _tag_codes() -> dict[Tag, int]:
    from ficlint.analysis.tagger import load_tagger

    return {tag: _COMPARATIVE_CODES.get(tag.xpos) or _WORD_CLASS_CODES.get(tag.upos, 0)
            for tag in load_tagger().tags}


def tag_codes(tags: Sequence[Tag]) -> np.ndarray:
    """`word_class_codes` of the tagger's tags (doc.tags), one dictionary lookup per token."""
    import numpy as np

    return np.fromiter(map(_tag_codes().__getitem__, tags), dtype=np.int8, count=len(tags))


def _after_article_and_adjectives(kind: np.ndarray, adjective: np.ndarray, same: np.ndarray) -> np.ndarray:
    """Tokens after an article and one to three adjectives of its sentence ("an old _")."""
    import numpy as np

    n = len(kind)
    found = np.zeros(n, dtype=bool)
    run = np.ones(n, dtype=bool)  # tokens i-k..i-1 are adjectives of i's sentence
    for k in range(1, 4):
        if k + 1 > n:
            break
        run = run & np.r_[np.zeros(k, dtype=bool), adjective[:-k] & same[1:n - k + 1]]
        article = np.r_[np.zeros(k + 1, dtype=bool), (kind[:-(k + 1)] == _DETERMINER) & same[1:n - k]]
        found |= run & article & same
    return found


# slots judged by the word itself: (the data's members that fit, those that cannot)
_MEMBER_SLOTS = {COMPARISON: ("comparison_fits", "comparison_never"),
                 AFTER_BE: ("after_be_fits", "after_be_never"), PASSING: ("passing_fits", "passing_never"),
                 PARTICLE: ("particle_fits", "particle_never"), DEGREE: ("degree_fits", "degree_never")}
_ADJECTIVE_ONLY = frozenset({"JJ", "JJR", "JJS", "NNP"})  # "new" is also a name's word ("New York")


@cache
def _slot_classes() -> dict[int, frozenset[str]]:
    return {BASE_VERB: frozenset({"VB"}), TAGGED_BASE_VERB: frozenset({"VB"}),
            NOUN_PHRASE: _data()["noun_phrase_classes"], NAME_VERB: frozenset({"VBD", "VBZ", "MD"}),
            NOUN_HEAD: _data()["noun_head_classes"],
            PAST_PARTICIPLE: frozenset({"VBN"}), FINITE_SINGULAR: frozenset({"VBD", "VBZ", "MD"}),
            VERB: frozenset({"VB", "VBP", "VBD", "VBZ", "MD"})}


def fits(word: str, slot: int) -> bool | None:
    """Can `word` fill a slot of this code? None: no slot, or the word's classes are unknown."""
    found = fit_row(word)[slot]
    return None if found < 0 else bool(found)


def fit_row(word: str) -> list[int]:
    """`fits(word, code)` for every slot code, as 1 (fits), 0 (cannot) or -1 (None), all from one
    look at the word's classes: the homophone judge's table of its sets' ~1,100 members, asked
    code by code, cost ~20 ms of every run."""
    row = [-1] * SLOT_CODES
    classes = word_classes().get(word)
    if classes is None:
        return row
    no_possessive = "PRP$" not in classes
    row[NO_POSSESSIVE] = row[PREDICATE] = int(no_possessive)
    # a personal pronoun fused with its verb; "who's" may open a clause there ("talked about who's coming")
    row[NO_CONTRACTION] = int(not any(tag.startswith("PRP+") for tag in classes))
    row[BEFORE_ARTICLE] = int(no_possessive and not classes <= _ADJECTIVE_ONLY)
    data = _data()
    for slot, (fit, never) in _MEMBER_SLOTS.items():
        row[slot] = 1 if word in data[fit] else 0 if word in data[never] else -1
    row[FUSED_BEFORE_NOUN] = (0 if any(tag.startswith(("PRP+", "WP+")) for tag in classes)
                              else 1 if classes & {"PRP$", "WP$"} else -1)
    row[COMPLEMENT] = _complement_fit(word, classes)
    row[BE_COMPLEMENT] = row[AFTER_BE] if row[AFTER_BE] >= 0 else row[COMPLEMENT]
    parts = {tag.split("+")[0] for tag in classes}  # a contraction by its first part
    number = "CD" in classes  # "had one the size of a fist": a number may be the object itself
    for slot, wanted in _slot_classes().items():
        row[slot] = -1 if number and slot in _OBJECT_SLOTS else int(not parts.isdisjoint(wanted))
    return row


_BARE_VERB = frozenset({"VB", "VBP"})
# what may follow "be"
_COMPLEMENT_CLASSES = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "RB", "VBN", "VBG", "IN"})


def _complement_fit(word: str, classes: frozenset[str]) -> int:
    """After "be": a word that is only a base verb cannot stand there; one that may be an adjective,
    noun, adverb or participle can ("loath", "known")."""
    if word in _data()["complement_skip"]:
        return -1
    if classes <= _BARE_VERB:
        return 0
    return 1 if classes & _COMPLEMENT_CLASSES else -1


_OBJECT_SLOTS = frozenset({PAST_PARTICIPLE, FINITE_SINGULAR, VERB, NAME_VERB})  # a number may be their object
