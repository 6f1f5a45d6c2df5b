"""C001 name-in-lowercase: a name written in lowercase (`hogwarts`, `luna lovegood`, `Grimmauld place`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.capitals import Capitals, Census, capitalised
from ficlint.analysis.lexicon import lexicon
from ficlint.analysis.verbforms import verb_forms
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.capitalization._common import (
    CAPITALS,
    candidates,
    census,
    common_in_dictionary,
    fan_fiction,
    fiction_names,
    proper_in_dictionary,
    stem,
    word_list,
    words,
)
from ficlint.rules.common import capitalized
from ficlint.rules.mechanics._style import chapter_in_lowercase
from ficlint.rules.spelling._dictionary import lexicon as dictionary
from ficlint.rules.spelling._glossary import shipped_glossaries

RULE = Rule(
    id="C001",
    name="name-in-lowercase",
    category="capitalization",
    summary="A name written in lowercase: one the story capitalises elsewhere or that English always "
            "capitalises (`at hogwarts`, `Luna lovegood`, `Grimmauld place`).",
    why="Names keep their capital wherever they stand. ficlint learns the story's names from the story "
        "itself (the words it capitalises in the middle of a sentence, and names of two words such as "
        "Grimmauld Place) and knows the names the dictionary only has with a capital (London, Hogwarts). "
        "Where a story writes a term both ways as often (the Inferi, inferi), the fandom's canon, from "
        "the glossary ficlint ships for it, decides; and a word the canon capitalises though the "
        "dictionary knows it in lowercase (Muggle, Floo, Snitch) keeps its capital in a story that "
        "capitalises it at least as often as not.",
    examples=examples(
        ("Back at hogwarts, she slept.", "Back at Hogwarts, she slept."),
        ("They met Luna Lovegood, and then Xeno Lovegood. Nobody called on lovegood then.",
         "They met Luna Lovegood, and then Xeno Lovegood. Nobody called on Lovegood then."),
        ("They lived at Grimmauld Place, and loved Grimmauld Place. Back at Grimmauld place, he slept.",
         "They lived at Grimmauld Place, and loved Grimmauld Place. Back at Grimmauld Place, he slept."),
        ("He met Sue there. Then Sue laughed, and Sue left, and Sue came back, and sue smiled.",
         "He met Sue there. Then Sue laughed, and Sue left, and Sue came back, and Sue smiled."),
        ("Then Harry, Hermione and Ron met Draco. Ron and Harry saw the Inferi first, and later Hermione "
         "dreamt of inferi.",
         "Then Harry, Hermione and Ron met Draco. Ron and Harry saw the Inferi first, and later Hermione "
         "dreamt of Inferi."),
        ("Then Harry, Hermione and Ron met Draco. Harry and Ron knew nothing of Muggles, and the muggles "
         "knew nothing.",
         "Then Harry, Hermione and Ron met Draco. Harry and Ron knew nothing of Muggles, and the Muggles "
         "knew nothing."),
    ),
    allows=("He will sue them. Will came later.", "She bought a muggle-born cat.", "They ate french toast.",
            "Harry met the muggles. The muggles left.", "She sent it to @harrypotter at once.",
            "He gave the prima donna carte blanche.", "Oh, boo hoo hoo!",
            "They camped at Traverse des Sioux.",
            "The Vicomte de Portenduere came in. The Vicomte bowed. The Vicomte sat. The Vicomte left. "
            "“Monsieur le vicomte,” she said.",
            "The Inferi rose from the lake, and later she dreamt of inferi.",
            "Then Harry, Hermione and Ron met Draco. Harry and Ron saw the Muggles leave; a muggle came, and "
            "another muggle."),
    fix_safety="Safe for a word the dictionary only knows as a name; unsafe when the lowercase word is also "
               "an ordinary word (sue, harry, will), which the story may mean.",
)
FACTS = CAPITALS

# capitalised uses mid-sentence before an ordinary word written once in lowercase is a name
_MIN_NAME_USES = 4
_MIN_KNOWN_NAME = 5  # letters: shorter first names (alma, abe) are too often parts of other phrases
_MIN_PAIR_USES = 2  # uses of a two-word name capitalised before its lowercase form is a slip
_PAIR_SHARE = 3  # ...and this many times as often as written otherwise


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    """Candidates are found by key, not word by word: a novel has ten times fewer distinct
    words than words, and few of them are ever names."""
    if chapter_in_lowercase(doc):
        return  # a chapter set in lowercase on purpose (`remus hummed a reply.`): its names too
    caps = doc.capitals
    counts = census(doc, ctx)
    found: list[Diagnostic] = []
    reported: set[int] = set()
    fandom = fan_fiction(caps, counts)
    canon, canon_words = _canon_capitals(counts) if fandom else (frozenset(), frozenset())
    for _, indices in _two_word_names(caps, counts):
        if indices[0] not in reported:
            reported.update(indices)
            found.append(_lowercase_pair(caps, counts, indices))
    for indices in _addresses(doc, caps, counts, fandom, canon):
        if indices[0] not in reported:
            reported.update(indices)
            found.append(_lowercase_address(caps, indices))
    for k, indices in caps.positions.items():
        if not _may_be_name(k, counts) or _judged_elsewhere(k):  # the likelier "no" first
            continue
        reason, needs = _key_evidence(k, counts, fandom, canon, canon_words)
        if not reason:
            continue
        for i in indices:
            word = caps.text(i)
            if i in reported or not word[0].islower() or _in_compound(caps, i) or _contraction(word) \
                    or _clipped(caps, i):
                continue
            if needs == "slot" and not _in_name_slot(doc, caps, i) \
                    or needs == "no-article" and (_after_determiner(caps, i)
                                                  or _ends_noun_phrase(doc, caps, i)
                                                  or _modifies_noun(doc, caps, i)) \
                    or needs == "the" and (_after_determiner(caps, i) and caps.keys[caps.before[i]] != "the"
                                           or _modifies_noun(doc, caps, i)) \
                    or needs == "" and _after_indefinite(caps, i):
                continue
            if doc.in_emphasis(caps.start(i)) or k not in canon and _beside_foreign_word(caps, counts, i) \
                    or _after_foreign_article(caps, i):
                continue  # italics and phrases of other languages: "carte blanche", "_Vivent les Anglais!_"
            reported.add(i)
            found.append(_lowercase_name(caps, i, reason, safe=not common_in_dictionary(word)))
    yield from sorted(found, key=lambda d: d.start)


def _may_be_name(k: str, counts: Census) -> bool:
    """Could the key be a name at all (cheap tests first): the story capitalises it, fan fiction
    does, or the dictionary knows it only with a capital."""
    return counts.middle.get(k, 0) > 0 or k in fiction_names() or proper_in_dictionary(k)


def _judged_elsewhere(k: str) -> bool:
    """Months, days, holidays, titles and family words have rules of their own."""
    w = words()
    return k in w.months or k in w.days or k in w.holidays or k in w.titles or k in w.family_names \
        or k in w.ambiguous_months or len(k) < 3


def _in_compound(caps: Capitals, i: int) -> bool:
    """`muggle-born`, `@harrypotter`, `#hashtag`: a word inside something else; `Fr--frieda`,
    `H-harry`: a stammer repeats the name's start, and the capital stays on the first try."""
    if caps.mark_before(i) in ("-", "@", "#", "/") or caps.mark_after(i) in ("-", "/"):
        return True
    start = caps.start(i)
    text = caps.doc_text
    j = start
    while j > 0 and text[j - 1] in "-—–":
        j -= 1
    return j < start and j > 0 and text[j - 1].isalpha()


def _clipped(caps: Capitals, i: int) -> bool:
    """`I could stan' such`, `an'`: an apostrophe right after a word that ends in no s stands for
    letters dialect drops (stand, and), not a possessive (James', the Potters')."""
    t = caps.token[i] + 1
    tokens = caps.tokens
    return t < len(tokens) and tokens.text[t] in ("'", "’") and tokens.start[t] == tokens.end[t - 1] \
        and not caps.keys[i].endswith(("s", "z", "x"))


def _contraction(word: str) -> bool:
    """`don't`, `she's`, `they're`: never a name (a possessive `boy's` is judged by its stem)."""
    inner = word.replace("’", "'")
    return "'" in inner.rstrip("'") and not inner.lower().endswith("'s")


def _after_indefinite(caps: Capitals, i: int) -> bool:
    """After "this", "some", "every" (`This wogglebug was a remarkable creature`, `some frau`): the
    word is a common noun there, whatever the story capitalises as a name or a title. (Not after
    "a": fan fiction writes a Dementor as canon does, and a term the story capitalises keeps "the":
    `the capitol` where it writes the Capitol.)"""
    b = caps.before[i]
    return b >= 0 and caps.keys[b] in word_list("not_names_after")


def _modifies_noun(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """A name the story never capitalises itself, before a lowercase noun it qualifies (`lima beans`,
    `french toast`, `india rubber`): English writes many such compounds in lowercase."""
    a = caps.after[i]
    return a >= 0 and caps.text(a)[:1].islower() and doc.tags[caps.token[a]].xpos in ("NN", "NNS")


def _after_determiner(caps: Capitals, i: int) -> bool:
    """After an article, a possessive or a number (`the victoria`, `two negroes`): names of
    places and people don't take one."""
    b = caps.before[i]
    return b >= 0 and _determiner(caps, b)


def _determiner(caps: Capitals, b: int) -> bool:
    return caps.keys[b] in words().determiners or caps.keys[b] in _NUMBERS


_PHRASE_REACH = 3  # lowercase words between an article and the word: "a dirty little street arab"


def _ends_noun_phrase(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """Does the word end a noun phrase an article or a possessive opens, after a lowercase noun
    and only modifiers before it (`the Parisian street arab`, `a dirty little street arab`)? It is
    then that phrase's last noun, an ordinary one, not a name."""
    b = caps.before[i]
    tags = doc.tags
    if b < 0 or not caps.text(b)[:1].islower() or tags[caps.token[b]].xpos not in ("NN", "NNS"):
        return False
    for _ in range(_PHRASE_REACH):
        b = caps.before[b]
        if b < 0:
            return False
        if _determiner(caps, b):
            return True
        if tags[caps.token[b]].xpos not in ("JJ", "NN", "NNS", "VBG", "VBN", "NNP"):
            return False
    return False


_NUMBERS = frozenset([
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "many", "several",
    "few"])


def _canon_capitals(counts: Census) -> tuple[frozenset[str], frozenset[str]]:
    """What the fandom writes with a capital, whatever the dictionary says (lowercase keys), from
    the shipped fandom glossaries this manuscript belongs to by the signature names it capitalises
    mid-sentence: every capitalised term and canon word (Inferi, Riddle, Muggle for a Harry Potter
    story), and the canon words alone (muggle, floo: the fandom's words that canon capitalises)."""
    found: set[str] = set()
    canon_words: set[str] = set()
    for g in shipped_glossaries():
        uses = {name: counts.middle[name.lower()] for name in g.signature if counts.middle.get(name.lower())}
        if g.belongs(uses, set()):
            found.update(low for low, term in g.by_lower.items() if term[:1].isupper())
            canon_words.update(g.capitals)
    return frozenset(found | canon_words), frozenset(canon_words)


def _key_evidence(k: str, counts: Census, fandom: bool, canon: frozenset[str] = frozenset(),
                  canon_words: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Why a lowercase word with this key is a name, and what its place must show besides
    ("slot": where a subject stands, "no-article": no article before it, "": nothing); ("", "")
    if it may not be one. The dictionary knows it only as a name (London, Hogwarts), fan fiction
    capitalises it (Hogsmeade), or the story capitalises it mid-sentence more often than not;
    an ordinary word (will, sue, harry) only when the story capitalises it on its own (not in a
    longer name such as the Dark Lord) four times and more, and writes it in lowercase once; or a
    word the fandom's canon capitalises (Muggle) that the story capitalises on its own at least as
    often as not (its singular and plural together)."""
    if not common_in_dictionary(k):
        # three letters and never capitalised by the story: "dem", "rep" (dialect, clipped words)
        if proper_in_dictionary(k) and not _plural_of_name(k) and (len(k) > 3 or counts.middle[k]) \
                and (fandom or not _book_word(k, counts)):
            # a name of fan fiction's too (the Jedi, the Sith) takes "the" as a people or an order does
            # (not "a": `in a owen` is a typo of oven, stop 35)
            article = "the" if fandom and k in fiction_names() else "no-article"
            return "English writes it with a capital", article
        if fandom and k in fiction_names() and len(k) >= _MIN_KNOWN_NAME:
            return "fan fiction writes it with a capital", ""
        uses = counts.middle[k]
        if uses > counts.lower[k]:
            return f"the story writes it with a capital {_times(uses)} elsewhere", ""
        if uses and uses == counts.lower[k] and k in canon:
            # written both ways as often (`the Inferi` … `inferi clawing`): the fandom's canon decides
            return f"the story writes it with a capital {_times(uses)} elsewhere, as the canon does", ""
        return "", ""
    if k in canon_words:
        uses = _with_number(counts.alone, k)
        if uses and uses >= _with_number(counts.lower, k):
            return f"the story writes it with a capital {_times(uses)} elsewhere, as the canon does", ""
    uses = counts.alone[k]
    if uses >= _MIN_NAME_USES and counts.lower[k] == 1:
        return f"the story writes it with a capital {_times(uses)}, in lowercase only here", "slot"
    return "", ""


_BOOK_WORD_USES = 3  # lowercase uses of a word a book never capitalises more often: its own word


def _book_word(k: str, counts: Census) -> bool:
    """Does a book (no fan fiction) write the word in lowercase three times and more, more often than
    it capitalises it mid-sentence: an old or foreign word that is also a name (`take ruth on us`,
    `a whig`, Italian `che`), not a slip? (Fan fiction's `hogwarts`, however often, stays one.)"""
    lower = counts.lower[k]
    return lower >= _BOOK_WORD_USES and lower > counts.middle[k]


def _with_number(counted: Counter[str], k: str) -> int:
    """Uses of `k` and of its plural or singular (Muggle and Muggles)."""
    other = k[:-1] if k.endswith("s") else k + "s"
    return counted[k] + counted[other]


def _in_name_slot(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """Does the word stand where a name stands as a subject: before a verb in the past or the
    present, after nothing or a joining word (`"...?" sue questioned`, `and harry saw`), not where
    the ordinary word would (`to sue for`, `a warm muffin`, `the government, is`)?"""
    a = caps.after[i]
    if a < 0 or not _finite_verb(caps.text(a)) and not _tagged_finite_verb(doc, caps, a):
        return False
    b = caps.before[i]
    return b < 0 or caps.keys[b] in _JOINING_WORDS


_JOINING_WORDS = frozenset([
    "and", "but", "or", "nor", "then", "so", "yet", "when", "while", "as", "because", "since", "until",
    "before", "after", "if", "though", "although", "once", "where", "whereas", "that"])


def _finite_verb(word: str) -> bool:
    forms = verb_forms()
    lower = word.lower()
    return (lower in forms.past or lower in forms.third and not lower.endswith("ss")) \
        and lower not in lexicon().noun_like


def _tagged_finite_verb(doc: AnalyzedDocument, caps: Capitals, a: int) -> bool:
    """A past or present verb that is also a noun (saw, saws, ran), read as the verb by the
    tagger where it stands (`and harry saw an open door`)."""
    forms = verb_forms()
    lower = caps.keys[a]
    if not (lower in forms.past or lower in forms.third):
        return False
    return doc.tags[caps.token[a]].xpos in ("VBD", "VBZ", "VBP")


def _beside_foreign_word(caps: Capitals, counts: Census, i: int) -> bool:
    """Is the word part of a phrase of another language or an exclamation, not a name: a
    lowercase word beside it is unknown to the dictionary and to the story's names, or rare in
    English ("carte blanche", "prima donna", "le beau petit", "boo hoo hoo", "bon mot"); or it
    stands lowercase between two capitalised words, a particle of a longer name ("Traverse des
    Sioux")?"""
    before, after = caps.before[i], caps.after[i]
    if before >= 0 and after >= 0 and capitalised(caps.text(before)) and capitalised(caps.text(after)):
        return True
    return any(j >= 0 and (caps.keys[j] == caps.keys[i] or _foreign(caps.text(j), counts, caps.keys[j]))
               for j in (before, after))


# Particles that names of other languages keep in lowercase after a name (Boabdil el Chico, Ludwig
# van Beethoven): a story writing one both ways is no slip of English capitals.
_NAME_PARTICLES = frozenset([
    "el", "la", "le", "les", "los", "las", "de", "del", "della", "di", "da", "du", "des", "van", "von",
    "der", "den", "al", "bin", "ibn", "y"])
# Articles of French, Spanish, Italian and German, which English does not use as words.
_FOREIGN_ARTICLES = frozenset(["le", "la", "les", "el", "il", "los", "las", "der", "die", "das", "den"])


def _after_foreign_article(caps: Capitals, i: int) -> bool:
    """A title in another language's address after a capitalised word and its article
    ("Monsieur le vicomte", "Madame la vicomtesse"): that language's capitals, not a name's."""
    b = caps.before[i]
    if b < 0 or caps.keys[b] not in _FOREIGN_ARTICLES or not caps.text(b)[:1].islower():
        return False
    bb = caps.before[b]
    return bb < 0 and caps.free[b] or bb >= 0 and capitalised(caps.text(bb))  # or `“el santo,”`


def _foreign(word: str, counts: Census, key: str) -> bool:
    """A word of another language or a rare one: in lowercase, unknown or rare in English and no
    name of the story's; capitalised, unknown to the dictionary in any case and to fan fiction,
    and never capitalised mid-sentence by the story ("Wie lang")."""
    if counts.middle[key] or key in fiction_names():
        return False
    if capitalised(word):
        return not common_in_dictionary(word) and stem(word).capitalize() not in dictionary().rank \
            and not dictionary().has(stem(word).capitalize())
    return _foreign_or_rare(word) and not proper_in_dictionary(word)


_RARE_RANK = 8000  # past the dictionary's 8,000 commonest words: carte, prima, beau, boo, mot


def _foreign_or_rare(word: str) -> bool:
    rank = dictionary().rank.get(stem(word))
    return not common_in_dictionary(word) or rank is None or rank > _RARE_RANK


def _plural_of_name(word: str) -> bool:
    """`negroes`, `hottentots`: the plural of a name for a people, which older prose often set in
    lowercase (not a name the dictionary has in the singular only as a plural, Hogwarts)."""
    lower, lex = stem(word), dictionary()
    return lower.endswith("s") and any(lex.has(lower[:-n]) or lex.has(lower[:-n].capitalize())
                                       for n in (1, 2) if lower[-n:] in ("s", "es"))


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _two_word_names(caps: Capitals, counts: Census) -> Iterator[tuple[tuple[str, str], tuple[int, int]]]:
    """Two-word names written with a lowercase word (`Grimmauld place`): the pair of keys and
    the indices of its two words. The story must write the name with capitals at least twice
    and far more often than otherwise (not "the Baptist church" beside "the Baptist Church"),
    and its second word must be one that ends names of places and institutions (Place, Manor,
    Club) or no ordinary word at all (Wall Maria); or fan fiction knows the name."""
    known = fiction_names()
    pairs = {pair for pair, uses in counts.names.items() if uses >= _MIN_PAIR_USES}
    pairs.update(tuple(name.split(" ")) for name in known if " " in name)
    positions = caps.positions
    for first_key, second_key in sorted(pairs):
        if first_key in words().titles or first_key not in positions:
            continue  # "professor McGonagall": the title rule's
        if first_key in _NAME_PARTICLES:
            continue  # "Boabdil el Chico", "Cura de los Palacios": a particle inside a longer name
        written = [(i, caps.after[i]) for i in positions[first_key]
                   if caps.after[i] >= 0 and caps.keys[caps.after[i]] == second_key]
        otherwise = [(i, a) for i, a in written
                     if not caps.free[i] and not (capitalised(caps.text(i)) and capitalised(caps.text(a)))]
        if not otherwise:
            continue
        pair = (first_key, second_key)
        uses = counts.names[pair]
        # the whole manuscript's `Grimmauld place` count, not this part's: a novel is linted in parts
        mixed = max(counts.half_names[pair], sum(1 for i, _ in otherwise if capitalised(caps.text(i))))
        mixed += sum(1 for i, _ in otherwise if not capitalised(caps.text(i)))
        name_known = f"{first_key} {second_key}" in known
        if not name_known and (uses < _MIN_PAIR_USES or uses < _PAIR_SHARE * (mixed - 1)):
            continue
        for i, a in otherwise:
            one, two = caps.text(i), caps.text(a)
            if one.isupper() or two.isupper():
                continue
            if not name_known and not capitalised(one) and common_in_dictionary(one):
                continue  # "early Victorian", "the big house": an ordinary word before a name
            if not name_known and not capitalised(two) and second_key not in words().name_nouns \
                    and common_in_dictionary(two):
                continue  # "the Baptist church": a name and an ordinary word
            yield pair, (i, a)


def _addresses(doc: AnalyzedDocument, caps: Capitals, counts: Census,
               fandom: bool, canon: frozenset[str] = frozenset()) -> Iterator[tuple[int, int]]:
    """A name and a lowercase noun that ends the names of places (`to Grimmauld place`, `at
    Riddle manor`, `Privet drive`): after a preposition or nothing, the pair is the place's name,
    not a description (`the Malfoy manor`, `a dirty London alley`, `Harry's place`). The first word
    must be a name: fan fiction's, or one the story capitalises mid-sentence and never writes in
    lowercase."""
    for a, _ in candidates(caps, words().address_nouns):
        i = caps.before[a]
        if i < 0 or not caps.text(a)[:1].islower() or not capitalised(caps.text(i)):
            continue
        k = caps.keys[i]
        if caps.free[i] and k not in canon:
            continue  # a sentence's first word: its capital says nothing, unless the canon's name
        if not (fandom and k in fiction_names() and not common_in_dictionary(k)
                or counts.middle[k] >= _MIN_PAIR_USES and not counts.lower[k]
                or k in canon and counts.middle[k] and not counts.lower[k]) or k in words().titles:
            continue
        b = caps.before[i]
        if b >= 0 and doc.tags[caps.token[b]].xpos not in ("IN", "TO") \
                or caps.mark_before(i) in ("'", "’", "-") or caps.text(i).endswith(("'s", "’s")):
            continue  # "the Malfoy manor", "a dirty London alley", "Harry's place": a description
        if caps.mark_after(a) == "-" or doc.tags[caps.token[a]].xpos not in ("NN", "NNP") \
                or doc.tags[caps.token[i]].xpos not in ("NNP", "NNPS", "NN"):
            continue  # "let Draco close the door": a verb; "a Chinese place": an adjective
        yield i, a


def _lowercase_address(caps: Capitals, pair: tuple[int, int]) -> Diagnostic:
    first, second = pair
    start, end = caps.start(first), caps.end(second)
    written = caps.doc_text[start:end]
    fixed = caps.text(first) + caps_text_between(caps, first, second) + capitalized(caps.text(second))
    return Diagnostic(RULE.id, start, end,
                      f"\"{written}\" is the name of a place: like Street and Drive, "
                      f"\"{capitalized(caps.text(second))}\" keeps its capital after the name (\"{fixed}\").",
                      (Fix(caps.start(second), caps.start(second) + 1, capitalized(caps.text(second))[0]),))


def _lowercase_name(caps: Capitals, i: int, reason: str, safe: bool) -> Diagnostic:
    word = caps.text(i)
    fixed = capitalized(word)
    start = caps.start(i)
    return Diagnostic(RULE.id, start, caps.end(i),
                      f"\"{word}\" is a name ({reason}): write \"{fixed}\".",
                      (Fix(start, start + 1, fixed[0], safe=safe),))


def _lowercase_pair(caps: Capitals, counts: Census, pair: tuple[int, int]) -> Diagnostic:
    first, second = pair
    start, end = caps.start(first), caps.end(second)
    written = caps.tokens.text[caps.token[first]] + " " + caps.tokens.text[caps.token[second]]
    name = f"{capitalized(caps.text(first))} {capitalized(caps.text(second))}"
    uses = counts.names[(caps.keys[first], caps.keys[second])]
    between = caps_text_between(caps, first, second)
    where = (f"the story writes \"{name}\" {_times(uses)} elsewhere" if uses
             else f"fan fiction writes \"{name}\"")
    return Diagnostic(RULE.id, start, end,
                      f"\"{written}\" is a name ({where}): both words keep their capital.",
                      (Fix(start, end,
                           capitalized(caps.text(first)) + between + capitalized(caps.text(second))),))


def caps_text_between(caps: Capitals, first: int, second: int) -> str:
    """What stands between two adjacent words (a space, a line break)."""
    return caps.doc_text[caps.end(first):caps.start(second)]
