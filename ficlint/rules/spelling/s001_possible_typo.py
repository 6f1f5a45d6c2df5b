"""S001 possible-typo: a word in no dictionary, one slip away from a common word.

A word is checked only when nothing explains it: not the dictionary, not the
project word list (`words:` / .ficlint-words.txt), not fandom slang
(rules/data/fandom-words.yaml), not a name the story uses (a capitalised word
that recurs, mid-sentence, across the manuscript), not a deliberate stretch
(loooong, Nooo), not speech spelt as spoken (goin', 'em). It is flagged only
when a close dictionary word exists (one slip away, or in a long word of narration
two slips from a common word); that word is the (unsafe) fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import vocabulary
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.resources import load_data
from ficlint.rule import Rule, examples
from ficlint.rules.common import PERIOD_STYLE_FACTS, in_period_style
from ficlint.rules.spelling._common import is_capitalised, judged, near_canon, near_name
from ficlint.rules.spelling._dictionary import RANKED, genre_names, lexicon, misspellings
from ficlint.rules.spelling._facts import VOCABULARY, Manuscript, fandom_glossaries
from ficlint.rules.spelling._glossary import shipped_glossaries
from ficlint.rules.spelling._scan import MIN_TYPO_LENGTH, Occurrence
from ficlint.rules.spelling._suggest import edit_cost, far_suggestion, suggest
from ficlint.rules.spelling._words import misplural, run_together

RULE = Rule(
    id="S001",
    name="possible-typo",
    category="spelling",
    summary="A word that is in no dictionary and is one slip away from a common word (`tighly`).",
    why="Typos are the most common slip of all and the one readers notice first. Names the story uses, "
        "fandom slang, deliberate stretches (`loooong`) and speech spelt as spoken are left alone.",
    examples=examples(
        ("She pulled her jacket tighly around her.", "She pulled her jacket tightly around her."),
        ("Some characters (particulatly Karen) are different.",
         "Some characters (particularly Karen) are different."),
        ("He walked into the kitchne.", "He walked into the kitchen."),
    ),
    allows=("She pulled her jacket tightly around her.", "It took a loooong time.",
            "A/N: my first fanfic, R&R please!", "The colour deepened; the color deepened.",
            "\"I ain't goin' nowhere,\" he said. \"Gonna stay.\""),
    fix_safety="Unsafe: the first suggestion is the likeliest word, not a certainty.",
)
FACTS = VOCABULARY
ALSO_FACTS = (PERIOD_STYLE_FACTS,)  # a chapter of a period edition is judged by its book

_RECURRING_MIN = 2
_MIN_SPOKEN_TYPO_LENGTH = 6
_NAME_NEAR_MISS = "S002"
_COMMON_RANK = 20000  # a slip of a word this common is a typo even before a surname


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    period = in_period_style(doc, ctx) or _elided_verse(doc.text)
    for occ, manuscript in judged(doc, ctx):
        found = _verdict(occ, manuscript, ctx)
        if found and period and not _swapped(occ.word.lower(), found[0].lower()):
            continue
        if found and is_capitalised(occ.word) and _a_name_or_a_spell(doc.text, occ, manuscript, found[0]):
            continue
        if found:
            yield _diagnostic(occ, found)


def _verdict(occ: Occurrence, manuscript: Manuscript, ctx: Context) -> tuple[str, ...]:
    """The words `occ` may have meant, best first; () when it is no typo."""
    word = occ.word
    capitalised = is_capitalised(word)
    if capitalised and ctx.is_enabled(_NAME_NEAR_MISS) \
            and (near_name(word, manuscript) or near_canon(word, manuscript, ctx)):
        return ()  # a slip in a name the story or its fandom uses: the name rule reports it
    if word.lower() in misspellings():
        return (misspellings()[word.lower()],)
    plural = () if capitalised and occ.mid_sentence else misplural(word)
    if plural:
        # a plural made with -s where English makes it otherwise: a slip in narration however often it
        # recurs; in speech, a character's way of saying it ("them childs")
        name = _name_in_lowercase(word[:-1], manuscript, ctx)
        return () if occ.spoken else (f"{name}'s",) if name else plural
    if _a_fandom_term(word, ctx):
        return ()
    if capitalised and (occ.mid_sentence or word.lower() in genre_names()):
        return ()  # a proper noun the dictionary does not know, or a name many writers use (Squalo)
    if manuscript.counts[word.lower()] >= _RECURRING_MIN or len(word) < MIN_TYPO_LENGTH:
        return ()  # used again and again: deliberate (an invented word, a dialect form)
    if run_together(word.lower()):
        return ()
    found = suggest(word.lower()) or _two_slips(occ)
    if occ.broken_off and any(f.startswith(word.lower()) for f in found):
        return ()  # a word cut short in speech or thought ("until I finish my missio-", "jackas- wait")
    if occ.spoken and _g_dropped(word.lower()):
        return ()  # speech spelt as spoken without the apostrophe ("Fightin gives me a thirst")
    if found and capitalised and _rare_name_like(word, found[0]):
        return ()  # a name or a foreign word opening a sentence (Satine, Algiz), not a slip of a rare word
    coined = occ.emphasised or occ.compound
    if found and (occ.spoken or coined) and not _slip(word.lower(), found[0], common=coined):
        return ()  # a character's way of saying it (fixin, thixty, darlint), a foreign or coined word
    return found


_ELIDED = re.compile(r"(?<![\w'’])([a-z]{3,})['’]d\b")
_ELIDED_VERSE = 5  # elided pasts (measur'd, convinc'd) that make a text period verse


def _elided_verse(text: str) -> bool:
    """Does `text` print its pasts with the e elided (measur'd, convinc'd, spurr'd), as verse of two
    centuries ago does? Such a text is a period edition too, though it hyphenates nothing."""
    seen = 0
    has = lexicon().has
    for m in _ELIDED.finditer(text):
        stem = m.group(1)
        if not has(stem) and has(stem + "ed"):
            seen += 1
            if seen >= _ELIDED_VERSE:
                return True
    return False


def _swapped(word: str, suggestion: str) -> bool:
    """Two neighbouring letters typed in the wrong order (presisted: persisted). In an edition of a
    century ago (`in_period_style`) this is the one slip S001 reports: its other unknown words are
    that time's spellings (chymistry, ancles, potatoe, bigotted, sirname), dialect (stanes, girning),
    foreign and archaic words, which one added, dropped or changed letter also separates from
    today's word; no period spells a word by swapping two of its letters."""
    if len(word) != len(suggestion):
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, suggestion, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == suggestion[diff[1]] \
        and word[diff[1]] == suggestion[diff[0]]


def _name_in_lowercase(word: str, manuscript: Manuscript, ctx: Context) -> str | None:
    """The name `word` is, written in lowercase (harrys: Harry's, not harries): one the story keeps
    using or one of its fandom's."""
    if word in manuscript.frequent_names:
        return manuscript.frequent_names[word]
    return next((g.names[word] for g in fandom_glossaries(manuscript, ctx) if word in g.names), None)


def _a_fandom_term(word: str, ctx: Context) -> bool:
    """A term of a shipped glossary spelt as the fandom spells it (an auror, had flooed) where the
    manuscript says too little to be detected as of that fandom (a short chapter, a crossover): the
    fandom's word, no typo. Detection still decides whether near misses of its names are slips
    (S002); `fandom-glossaries: off` turns this off too."""
    return getattr(ctx.config, "fandom_glossaries", "auto") == "auto" \
        and any(g.knows(word) for g in shipped_glossaries())


_NAME_LENGTH = 10  # letters: longer capitalised words are mostly long words, not names
_HAND_SLIP = 0.6  # edit_cost of two letters swapped or a doubled letter typed once


def _rare_name_like(word: str, suggestion: str) -> bool:
    """A capitalised word of name length whose nearest word is a rare one (Satine: satins; Algiz:
    algid; GLACIUS: glacis): writers misspell the words they use, so a capital one slip from a rare
    word is more often a name, a spell or a foreign word than a typo of it. One slip from a word shaped
    like a spell (*Ennervate!*, enervate) it is a slip in that spell; two letters swapped or a doubled
    letter typed once (Sephiorth, sephiroth) are slips of the hand, whatever the word."""
    low = suggestion.lower()
    return len(word) < _NAME_LENGTH and low not in lexicon().rank \
        and not low.endswith(_incantation_endings()) and edit_cost(word.lower(), low) != _HAND_SLIP


def _g_dropped(word: str) -> bool:
    """An -ing word with its g dropped, as a character says it (fightin, nothin, somethin, fixins)."""
    return word.endswith("in") and lexicon().has(word + "g") \
        or word.endswith("ins") and lexicon().has(word[:-1] + "gs")


def _a_name_or_a_spell(text: str, occ: Occurrence, manuscript: Manuscript, suggestion: str) -> bool:
    """A capitalised word used as a name or a spell, not a typo."""
    return _named(text, occ, suggestion) or bool(manuscript.fandoms) and _incantation(text, occ, suggestion)


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _named(text: str, occ: Occurrence, suggestion: str) -> bool:
    """A capitalised word at a sentence start used as a name: the speaker of a speech verb ("Tixie
    whispered"), or the first word of a name of several ("Tempestus Nott", "‘Oberman Centre for
    Research’": a capitalised word follows mid-sentence), unless it is a slip of a common word
    ("Profesor McGonagall", "Theri expression")."""
    following = _NEXT_WORD.match(text, occ.end)
    if following is None or occ.end - occ.start != len(occ.word):
        return False
    after = following.group(1)
    if after.lower() in vocabulary().speech:
        return True
    rare = lexicon().rank.get(suggestion.lower(), RANKED) >= _COMMON_RANK
    return after[:1].isupper() and after != "I" and rare


_OPENS_UTTERANCE = "\"“‘'*_"
_CLOSES_UTTERANCE = re.compile(r"[.!\"”’'*_]")


def _incantation(text: str, occ: Occurrence, suggestion: str) -> bool:
    """A spell's word opening speech or italics and ending it or a sentence (“Reversio.”, *Expedire!
    Avada Kedavra!*): fan fiction of a fandom with spells invents them on every page. One slip from
    a word that sounds like a spell itself (*“Ennervate!”*, Enervate) it is a slip in that spell."""
    opens = text[occ.start - 1:occ.start] in _OPENS_UTTERANCE
    closes = _CLOSES_UTTERANCE.match(text, occ.end) is not None
    whole = opens and closes and occ.end - occ.start == len(occ.word)
    endings = _incantation_endings()
    return whole and occ.word.lower().endswith(endings) and not suggestion.lower().endswith(endings)


@cache
def _incantation_endings() -> tuple[str, ...]:
    return tuple(map(str, load_data("common-misspellings")["incantation_endings"]))


def _two_slips(occ: Occurrence) -> tuple[str, ...]:
    """A long lowercase word of plain narration two slips from a common word (undoubtably,
    dissapearing); in speech, italics and compounds two slips are more often a way of saying it or
    a coinage, and a capitalised word two slips from one is more often a name (Barristan)."""
    if occ.spoken or occ.emphasised or occ.compound or occ.broken_off or not occ.word.islower() \
            or _coined(occ.word):
        return ()
    far = far_suggestion(occ.word)
    return (far,) if far else ()


@cache
def _coining_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(suffixes, prefixes) writers coin words with, from rules/data/common-misspellings.yaml."""
    data = load_data("common-misspellings")
    return tuple(map(str, data["coining_suffixes"])), tuple(map(str, data["coining_prefixes"]))


def _coined(word: str) -> bool:
    """A dictionary word with a prefix or a suffix writers coin with (tormentive, confliction,
    unshirkable, mermaidens): a word made on purpose, not two slips from another."""
    has = lexicon().has
    suffixes, prefixes = _coining_affixes()
    for suffix in suffixes:
        base = word[:-len(suffix)]
        if word.endswith(suffix) and len(base) >= 4 and (has(base) or has(base + "e")):
            return True
    for prefix in prefixes:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 5 and (has(rest) or _coined(rest)):
            return True
    return False


def _slip(word: str, suggestion: str, common: bool) -> bool:
    """In speech, italics and compounds, a typo is a long word one mechanical slip (a neighbouring
    key, a doubled, dropped or swapped letter) from the suggestion, and in italics and compounds
    from a `common` word. A spelling of speech differs in sound (thixty, hanchet, fixin) or is eye
    dialect (parsel, lollypop) or short (offen); italics mark foreign and coined words (_gorver_),
    compounds coinages (addle-pated)."""
    return len(word) >= _MIN_SPOKEN_TYPO_LENGTH and edit_cost(word, suggestion) <= 0.8 \
        and (not common or suggestion in lexicon().rank)


def _diagnostic(occ: Occurrence, found: tuple[str, ...]) -> Diagnostic:
    word = occ.word
    shown = ", ".join(f"\"{keep_case(word, s)}\"" for s in found)
    return Diagnostic(RULE.id, occ.start, occ.end,
                      f"\"{word}\" is not in the dictionary: did you mean {shown}?",
                      (Fix(occ.start, occ.end, keep_case(word, found[0]), safe=False),),
                      confidence=0.8, data={"suggestions": [keep_case(word, s) for s in found]})
