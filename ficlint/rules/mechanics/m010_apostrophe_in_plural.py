"""M010 apostrophe-in-plural: an apostrophe in a plural (`the Malfoy's`, `their body's`,
`my parents' had`)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.capitals import Capitals, Census
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.resources import data_words, load_data
from ficlint.rule import Rule, examples
from ficlint.rules.capitalization._common import (
    CAPITALS,
    census,
    common_in_dictionary,
    dictionary,
    fiction_names,
    words,
)

RULE = Rule(
    id="M010",
    name="apostrophe-in-plural",
    category="grammar",
    summary="An apostrophe in a plural: a family (`the Malfoy's`, `the Weasley's house`), or a plural with "
            "nothing after it that it could own (`their body's...`, `my parents' had`).",
    why="An apostrophe with s shows possession, not a plural. A family is a plural: the Malfoys came to "
        "dinner; the house that belongs to all of them is the Weasleys' house (apostrophe after the s). A "
        "plural that owns nothing takes no apostrophe: my parents had, their bodies.",
    examples=examples(
        ("They stayed at the Malfoy's for a week.", "They stayed at the Malfoys for a week."),
        ("They met Ginny Weasley there. The Weasley's kitchen was warm.",
         "They met Ginny Weasley there. The Weasleys' kitchen was warm."),
        ("I can still see their body's...", "I can still see their bodies..."),
        ("Even my parents' had doubts.", "Even my parents had doubts."),
    ),
    allows=("They stayed at Draco's for a week.", "The Doctor's hands shook.", "James' wand snapped.",
            "The Weasleys' kitchen was warm.", "Their body's reaction was quick.", "His mind's made up.",
            "The boy's coat was wet.", "Her parents' house was empty.", "They met the Jones's dog.",
            "I smelled the Gaffer's pipe. The Gaffer smiled.",
            "He met the American Ambassador. Give it into the Ambassador's own hands.",
            "The CareBot's marble eyes watched.", "The Magizoologist's untimely death shocked them.",
            "Draco Malfoy smiled at Malfoy Manor. The Manor's dining room was cold.",
            "He read the Daily Prophet, and hated the Prophet's lies.", "He hated the *Prophet's* lies.",
            "A Dementor drifted past. The Dementor's cloak was torn.", "She eyed the Slytherin's robes.",
            "They came back to the Godric's Hollow cottage.", "I told the Abbé. The Abbé said so. He sat in "
            "the Abbé's chair.",
            "Anastasia's the name: four a's.",
            "‘Hit ‘em where it hurts’ were her words.",
        ),
    fix_safety="Unsafe: a singular possessive that owns something unsaid (`at the baker's`) reads the same.",
)
FACTS = CAPITALS
_CLAUSE_END = frozenset([".", ",", "!", "?", "…", "...", ";", ":", "—", "--", ")"])


def _words(key: str) -> frozenset[str]:
    """One of M010's word lists in rules/data/apostrophes.yaml."""
    return data_words("apostrophes", key)


@cache
def _demonym_endings() -> tuple[str, ...]:
    """Endings of a people's or a house's name: `str.endswith` takes a tuple."""
    return tuple(str(w) for w in load_data("apostrophes")["demonym_endings"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    caps = doc.capitals
    counts = census(doc, ctx)
    texts = caps.tokens.text
    last = len(texts) - 1
    for i, t in [(i, t) for i, t in enumerate(caps.token) if texts[t][-1] == "s"]:
        word = texts[t]
        if word[-2:] in ("'s", "’s"):
            if len(word) == 3:
                continue  # "four a's", "dot your i's": a letter's plural takes the apostrophe
            found = (None if _title_in_emphasis(doc.text, caps.start(i), caps.end(i))
                     else _family(doc, caps, counts, i)) or _plural_owning_nothing(caps, i)
        elif word[-1] == "s" and t < last and texts[t + 1] in ("'", "’") and word[0].islower():
            found = _plural_before_verb(doc, caps, i)
        else:
            continue
        if found:
            yield found


def _title_in_emphasis(text: str, start: int, end: int) -> bool:
    """A word italicised on its own (`the *Prophet's* lies`): the title of a paper or a book, one
    owner."""
    return start > 0 and end < len(text) and text[start - 1] in "*_" and text[end] in "*_"


def _family(doc: AnalyzedDocument, caps: Capitals, counts: Census, i: int) -> Diagnostic | None:
    """`the Malfoy's`: "the" and a surname the story uses as a name, with an 's: the family."""
    b = caps.before[i]
    word = caps.text(i)
    name = word[:-2]
    k = caps.keys[i]
    if b < 0 or caps.keys[b] != "the" or not name[:1].isupper() or name.isupper() or name.endswith("s"):
        return None
    a = caps.after[i]
    owns = a >= 0 and caps.keys[a] not in _words("after_plural")
    if k in words().titles or counts.lower[k]:
        return None  # the Doctor's
    surname = _surname(counts, k)
    if not (surname or _unknown_name(name) and not _compound_common_noun(name) and not _a_kind(caps, k)
            or not owns and _fiction_surname(k)):
        return None  # the German's voice, the Gaffer's pipe, the Slytherin's wand: one person
    if a >= 0 and caps.keys[a] in _words("after_is"):
        return None  # "the Porphyrion's a bad concern": 's is "is"
    if a >= 0 and caps.keys[a] in _words("one_body"):
        return None  # "the Gryffindor's face": what one person has, so one person's
    if a >= 0 and owns and caps.text(a)[:1].isupper() and not caps.free[a]:
        return None  # "the Godric's Hollow", "the Gryffindor's Seeker": the name goes on, one owner
    if _one_titled_person(doc, caps, k):
        return None
    fixed = name + ("s" + word[-2] if owns else "s")
    what = "the house that belongs to all of them is" if owns else "the family is"
    return _fix(caps, i, fixed, f"A family is a plural, not a possessive: {what} \"the {fixed}\"")


_ONE_PERSON_MIN = 2
_AFTER_ONE = frozenset([",", ".", ";", "!", "?", ":"])
_FINITE = frozenset(["VBD", "VBZ", "MD"])


def _one_titled_person(doc: AnalyzedDocument, caps: Capitals, k: str) -> bool:
    """Does the book write "the Landamman" standing alone as one person, before a stop or a verb
    ("the Landamman said", "guest of the Landamman.") at least twice? Then it is a title a
    character goes by (the Landamman, the Nawaub, the Abbé), and "the Landamman's guest" is his.
    A family is written "the Malfoys"; "the Malfoy heir" puts the name before a noun."""
    seen = 0
    for j in caps.positions.get(k, ()):
        b = caps.before[j]
        if b < 0 or caps.keys[b] != "the" or caps.text(j)[-2:] in ("'s", "’s"):
            continue
        a = caps.after[j]
        if caps.mark_after(j) in _AFTER_ONE or a >= 0 and doc.tags[caps.token[a]].xpos in _FINITE:
            seen += 1
            if seen >= _ONE_PERSON_MIN:
                return True
    return False


def _surname(counts: Census, k: str) -> bool:
    """Does the story write the word after a first name or a title (Harry Potter, Mrs Weasley):
    a surname? (Not the German, the Doctor, the Gaffer: one person the story calls by what he is.)"""
    w = words()
    # not after a people's adjective: "the American Ambassador" makes no surname of Ambassador
    firsts = [first for first, second in counts.names
              if second == k and first not in w.determiners and not first.endswith(_demonym_endings())
              and _may_be_first_name(first)]
    if k in w.name_nouns:
        # "Malfoy Manor", "Hogwarts Castle": a place named after a name, not a surname after a first name
        seconds = {second for _, second in counts.names}
        firsts = [first for first in firsts if first not in seconds and first not in fiction_names()]
    if k.endswith(_demonym_endings()) and dictionary().has(k.capitalize()):
        # the Russian, the American, the Frenchman: what someone is; unless the story writes it after
        # a first name it also uses alone, and never in lowercase ("Jana Han" … "Jana smiled")
        return any(counts.alone[first] and not counts.lower[first] for first in firsts)
    return bool(firsts)


def _may_be_first_name(first: str) -> bool:
    """A title, or a word the dictionary knows as a name or not at all (Harry, Rose, Hermione); not an
    ordinary word it knows only in lowercase ("the Daily Prophet's", "the Dark Lord's"), which makes
    the pair a title, not a first name and a surname."""
    if first in words().titles:
        return True
    lex = dictionary()
    return not lex.has(first) or lex.has(first.capitalize())


def _a_kind(caps: Capitals, k: str) -> bool:
    """Does the story write the word after "a", "an", "another" or "every" ("a Dementor", "a Nundu"):
    a kind of creature or thing, whose 's is one of them, where it gives no surname evidence?"""
    before, keys = caps.before, caps.keys
    return any(before[j] >= 0 and keys[before[j]] in _INDEFINITE for j in caps.positions.get(k, ()))


_INDEFINITE = frozenset(["a", "an", "another", "every", "each"])


def _fiction_surname(k: str) -> bool:
    """A name fan fiction writes with a capital (ficlint/data/fiction-names.txt: Weasley, Malfoy), not
    a people (the German): with nothing after it to own, "at the Weasley's for a week" is the family
    even where the story never writes a first name before it."""
    return k in fiction_names() and not k.endswith(_demonym_endings()) and not common_in_dictionary(k)


def _unknown_name(name: str) -> bool:
    """A name the dictionary doesn't know in any case (Malfoy, Weasley): not a word for what
    someone is (the German, the Doctor)."""
    return not common_in_dictionary(name) and not dictionary().has(name)


_MIN_HEAD = 7  # letters: a compound's last word long enough not to end a surname by chance (Longbottom)


def _compound_common_noun(name: str) -> bool:
    """A word made of words, as English makes common nouns (the CareBot, the Magizoologist): a capital
    inside it after a word's worth of lowercase (not McGonagall, DeLuca), or a long dictionary word
    at its end; not a name fan fiction knows (Longbottom)."""
    if name.lower() in fiction_names():
        return False
    if any(c.isupper() and name[j - 3:j].isalpha() and name[j - 3:j].islower()
           for j, c in enumerate(name) if j >= 3):
        return True
    lower = name.lower()
    return any(common_in_dictionary(lower[j:]) for j in range(3, len(lower) - _MIN_HEAD + 1))


def _plural_owning_nothing(caps: Capitals, i: int) -> Diagnostic | None:
    """`their body's...`, `those apple's are`: an 's after a plural owner, with nothing after it to own."""
    b = caps.before[i]
    word = caps.text(i)
    if (b < 0 or caps.keys[b] not in _words("plural_owners") or not word[:1].islower()
            or caps.keys[i] in _words("people")):
        return None  # "their father's, and must be kept": a person's, with the thing owned left unsaid
    a = caps.after[i]
    if a >= 0:
        if caps.keys[a] not in _words("verbs_after_plural"):
            return None
    elif caps.mark_after(i) not in _CLAUSE_END:
        return None
    fixed = _plural(word[:-2])
    return _fix(caps, i, fixed, f"A plural takes no apostrophe when it owns nothing: \"{fixed}\"")


def _plural_before_verb(doc: AnalyzedDocument, caps: Capitals, i: int) -> Diagnostic | None:
    """`my parents' had`: a plural's apostrophe with a verb after it, not a thing it owns."""
    tokens = caps.tokens
    if caps.mark_before(i) in ("'", "‘"):
        return None  # 'ladies' in quotes
    t = caps.token[i] + 2  # the word after the apostrophe
    if (t >= len(tokens) or not tokens.is_word[t]
            or tokens.text[t].lower() not in _words("verbs_after_plural")):
        return None
    apostrophe = tokens.start[t - 1]
    region = doc.region_at(apostrophe)
    if region is not None and region.close_quote and apostrophe == region.end - 1:
        return None  # the closing quote of single-quoted speech, not an apostrophe
    if tokens.text[t - 1] == "’" and _quote_open_before(doc.text, apostrophe):
        return None  # "‘Hit ‘em where it hurts’ were words": it closes a quotation
    start, end = caps.start(i), apostrophe + 1
    fixed = caps.text(i)
    return Diagnostic(RULE.id, start, end,
                      f"\"{fixed}\" owns nothing here (a verb follows), so it takes no apostrophe.",
                      (Fix(apostrophe, end, "", safe=False),))


def _quote_open_before(text: str, at: int) -> bool:
    """Is a curly single quote opened earlier in the paragraph and not closed (more ‘ than ’ before
    `at`)? Then the ’ at `at` may close it: a quotation the speech reader did not take for one."""
    start = text.rfind("\n", 0, at) + 1
    line = text[start:at]
    return line.count("‘") > line.count("’")


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _fix(caps: Capitals, i: int, fixed: str, message: str) -> Diagnostic:
    start, end = caps.start(i), caps.end(i)
    return Diagnostic(RULE.id, start, end, f"{message}.", (Fix(start, end, fixed, safe=False),))
