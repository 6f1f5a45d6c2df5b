"""C003 title-in-lowercase: a title before a name, or used to address someone, in lowercase
(`professor Snape`)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.capitals import Capitals, Census, capitalised
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
    words,
)
from ficlint.rules.common import PERIOD_STYLE_FACTS, capitalized, in_period_style

RULE = Rule(
    id="C003",
    name="title-in-lowercase",
    category="capitalization",
    summary="A title directly before a name in lowercase (`professor Snape`, `miss Potts`, `sir Leon`), or a "
            "rank said to someone in its place (`\"Yes, professor.\"`).",
    why="A title that goes with a name is part of it and takes a capital: Professor Snape, Miss Potts, Sir "
        "Leon, Aunt Petunia. A title that only describes (`the professor`, `his aunt Petunia`, `old aunt "
        "Eliza`) stays lowercase. A rank or office said to someone stands for the name and takes a capital "
        "too (`\"Yes, Professor.\"`, `\"You either, Commander\"`); sir, ma'am, miss and the like stay "
        "lowercase. (Novels of a century ago print `\"Yes, doctor\"`: in a long file that names "
        "nothing of fan fiction's, in one that hyphenates as they did (to-day, to-morrow), and in one "
        "that writes the same title in lowercase three times and never with a capital, the address is "
        "left alone. So is a book's own style of lowercase titles before names (`aunt Belinda` all "
        "through, `queen Anne` and `lady Jane` more often than capitals), and brother, sister, father "
        "and mother, titles only in religious orders, unless the story writes them so: `Brother "
        "Cadfael`.)",
    examples=examples(
        ("They had Potions with professor Snape.", "They had Potions with Professor Snape."),
        ("\"Hi, miss Potts!\" he said.", "\"Hi, Miss Potts!\" he said."),
        ("She asked mrs. Okafor for the key.", "She asked Mrs. Okafor for the key."),
        ("\"You either, commander,\" he said.", "\"You either, Commander,\" he said."),
        ("\"Thank you, professor.\"", "\"Thank you, Professor.\""),
    ),
    allows=("The professor smiled.", "His aunt Petunia shrieked.", "\"Yes, sir,\" he said.",
            "She was a general nuisance.", "I shall miss Jackson.", "Your old aunt Eliza waved.",
            "Trevis' sister Angela laughed.", "They asked the doctor.",
            "He grinned, and grandfather Jonathan Forrest would have nothing on him.",
            "\"Yes, sir,\" he said. \"Thanks, miss.\"", "He was a soldier, captain, and leader.",
            "\"Yes, doctor.\" \"No, doctor.\" \"Thank you, doctor.\"",
            "\"This is my baby sister Astoria.\"", "Our current DADA professor Andrea Shaldon left.",
            "\"Next time I won't miss Potter!\"", "Papa, mamma, and brother George came in."),
    fix_safety="Safe: only the first letter changes.",
)
FACTS = CAPITALS
# the manuscript's period style too, so a chapter of a period edition is judged by its book whatever
# rules are selected
ALSO_FACTS = (PERIOD_STYLE_FACTS,)

_ABBREVIATED = frozenset(["mr", "mrs", "ms", "mx", "dr", "prof", "st"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    caps = doc.capitals
    counts = census(doc, ctx)
    w = words()
    own_titles = _written_as_titles(counts) if w.order_titles & caps.positions.keys() else frozenset()
    before_names: list[int] = []
    for i, k in candidates(caps, w.titles):
        word = caps.text(i)
        if not word[:1].islower() or k not in w.titles or caps.free[i]:
            continue
        if k in w.order_titles and k not in own_titles:
            continue  # "brother George": kin described, a title only in religious orders (Brother Cadfael)
        if _before_name(caps, counts, i) and not _describes(doc, caps, i):
            before_names.append(i)
    house = _house_style(doc, ctx, caps, counts, before_names)
    for i in before_names:
        if caps.keys[i] not in house:
            yield _title(caps, i, "goes with the name after it")
    if fan_fiction(caps, counts) and not in_period_style(doc, ctx):
        yield from _addresses(doc, caps)  # not in a novel of a century ago, which prints "Yes, doctor"


def _addresses(doc: AnalyzedDocument, caps: Capitals) -> Iterator[Diagnostic]:
    """A rank said to someone in place of the name (`"Yes, professor."`, `"Well, captain, I"`):
    inside speech, after a comma, before a comma, a full stop, ! or ?. A title the story writes
    so in lowercase three times and never with a capital is its house style."""
    found = [i for i, _ in candidates(caps, words().address_titles) if _in_address(doc, caps, i)]
    lower: Counter[str] = Counter(caps.keys[i] for i in found if caps.text(i)[:1].islower())
    upper = {caps.keys[i] for i in found if capitalised(caps.text(i))}
    for i in found:
        k = caps.keys[i]
        if caps.text(i)[:1].islower() and (k in upper or lower[k] < _HOUSE_STYLE):
            yield _title(caps, i, "is said to someone in place of a name")


_HOUSE_STYLE = 3  # lowercase addresses of one title, none capitalised: the story's own style
_AFTER_ADDRESS = frozenset([",", ".", "!", "?", "?!", "!?", "…", "...", "!!", "??"])


def _in_address(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """Is the word said to someone: after a comma and before a comma or an end mark, inside speech?"""
    if caps.free[i] or caps.mark_before(i) != "," or caps.mark_after(i) not in _AFTER_ADDRESS \
            or caps.text(i).isupper() or caps.text(i).endswith(("'s", "’s")):
        return False
    a = caps.token[i] + 2
    if caps.mark_after(i) == "," and a < len(caps.tokens) and caps.tokens.text[a].lower() in ("and", "or"):
        return False  # "a soldier, captain, and leader": a list
    if _in_a_list(doc, caps.token[i]):
        return False
    spans = doc.memo(_speech_spans)
    at = caps.start(i)
    k = bisect_right(spans[0], at) - 1
    return k >= 0 and at < spans[1][k]


def _in_a_list(doc: AnalyzedDocument, t: int) -> bool:
    """Is the title at token `t` an adjective (`"Minor, major, it doesn't matter"`) or an item of a
    list of bare words (`"Astronaut, doctor, president."`, `"Lieutenant, captain, commander:"`): the
    word before its comma a noun, an adjective or a title that itself follows a comma or opens the
    speech?"""
    tokens, tags = doc.tokens, doc.tags
    if tags[t].upos == "ADJ":
        return True
    item, before = t - 2, t - 3
    if item < 0 or tokens.sentence[item] != tokens.sentence[t]:
        return False
    if tags[item].upos not in ("NOUN", "ADJ") and tokens.text[item].lower() not in words().address_titles:
        return False
    return before < 0 or tokens.sentence[before] != tokens.sentence[t] or tokens.text[before] in (
        ",", ":", ";", "\"", "“", "‘", "'")


def _speech_spans(doc: AnalyzedDocument) -> tuple[list[int], list[int]]:
    """The starts and ends of the text inside the quotation marks of speech (not a quoted title or
    phrase), in text order."""
    inner = sorted((q.region.inner_start, q.region.inner_end) for q in doc.speech
                   if not q.quoted_phrase and not q.is_label)
    return [s for s, _ in inner], [e for _, e in inner]


def _before_name(caps: Capitals, counts: Census, i: int) -> bool:
    """Is the title directly followed by a name (`professor Snape`, `mrs. Okafor`)?"""
    tokens = caps.tokens
    t = caps.token[i]
    if caps.keys[i] in _ABBREVIATED and t + 2 < len(tokens) and tokens.text[t + 1] == "." \
            and tokens.is_word[t + 2]:
        return capitalised(tokens.text[t + 2])
    a = caps.after[i]
    if a < 0 or not capitalised(caps.text(a)):
        return False
    name = caps.keys[a]
    return counts.middle[name] > counts.lower[name] or not common_in_dictionary(caps.text(a))


def _describes(doc: AnalyzedDocument, caps: Capitals, i: int) -> bool:
    """`his aunt Petunia`, `old aunt Eliza`, `Trevis' sister Angela`, `our current DADA professor
    Andrea`: an article, a possessive or an adjective makes the title a description; after "to",
    "shall", "won't", "you" it is a verb (`I shall miss Jackson`, `unless you count Phyllis`)."""
    if caps.keys[i] in words().kin_titles and _full_name_after(caps, i):
        return True  # "and grandfather Jonathan Forrest would": who he is, not what he is called
    b = caps.before[i]
    if b < 0:
        return caps.mark_before(i) in ("'", "’")  # "Trevis' sister Angela"
    before, key = caps.text(b), caps.keys[b]
    if key in _BEFORE_A_VERB:
        return caps.keys[i] in verb_forms().base  # "to miss Jackson"; never "to professor McGonagall"
    return key in words().determiners or key in _NOT_BEFORE_TITLE or before.endswith(("'", "’", "'s", "’s")) \
        or _determined_phrase(doc, caps, b)


_PHRASE_REACH = 3  # modifiers between a determiner and the title: "a swaggering sergeant Kite"
_MODIFIER_TAGS = frozenset(["ADJ", "NOUN", "PROPN", "NUM"])


def _determined_phrase(doc: AnalyzedDocument, caps: Capitals, b: int) -> bool:
    """Do the words before the title, all modifiers (`current DADA`, `swaggering`, `false`), follow an
    article or a possessive (`our current DADA professor Andrea`, `the false brother Bartholomew`)?
    The title is then the head of a description and the name after it stands in apposition."""
    for _ in range(_PHRASE_REACH):
        if b < 0:
            return False
        if caps.keys[b] in words().determiners or caps.text(b).endswith(("'s", "’s")):
            return True
        tag = doc.tags[caps.token[b]]
        if tag.xpos == "VBG":  # "a swaggering sergeant Kite", not "the class watching professor Snape"
            before = caps.before[b]
            return before >= 0 and caps.keys[before] in words().determiners
        if tag.upos not in _MODIFIER_TAGS and tag.xpos != "VBN":
            return False
        b = caps.before[b]
    return False


def _written_as_titles(counts: Census) -> frozenset[str]:
    """The kin words the manuscript itself writes as titles, with a capital before a capitalised
    word in the middle of a sentence (Sister Mary, Brother Cadfael)."""
    return frozenset(k for k in words().order_titles if counts.before_names[k])


_HOUSE_TITLES = 3  # a title before a name in lowercase this often, never capitalised: the edition's style


def _house_style(doc: AnalyzedDocument, ctx: Context, caps: Capitals, counts: Census,
                 found: list[int]) -> frozenset[str]:
    """The titles an edition of a century ago (`in_period_style`) sets in lowercase before
    names as its own style, counted over the whole manuscript (a novel is linted in parts): one it
    writes so three times and more, and more often than with a capital before a name (`aunt Belinda`
    eleven times in an 1870s novel); or every title, when the book writes titles so more often than
    with capitals (`queen Anne`, `lady Jane`, `earl Hacon`: a hundred and fifty of them beside seventy
    `Sir Walter` in an old edition). Fan fiction's repeated `professor Snape` or `captain Rogers` stays a
    slip, however often: `fan_fiction()` knows few fandoms' names, and a long story of one whose names
    are common (Tony, Rogers) is no book."""
    if not found or not in_period_style(doc, ctx):
        return frozenset()
    titles = sorted(words().titles)
    lower = {k: counts.lower_before_names[k] for k in titles}
    capital = {k: counts.before_names[k] for k in titles}
    if sum(lower.values()) >= _HOUSE_TITLES and sum(lower.values()) > sum(capital.values()):
        return frozenset(titles)
    return frozenset(k for k in titles if lower[k] >= _HOUSE_TITLES and lower[k] > capital[k])


def _full_name_after(caps: Capitals, i: int) -> bool:
    """Two capitalised words after the title (a first name and a surname)."""
    a = caps.after[i]
    a2 = caps.after[a] if a >= 0 else -1
    return a2 >= 0 and capitalised(caps.text(a)) and capitalised(caps.text(a2))


# Words after which a title word is a description, not part of a name.
_NOT_BEFORE_TITLE = frozenset([
    "old", "dear", "poor", "young", "little", "late", "beloved", "great", "own", "dearest", "elderly",
    "kindly"])
# Words after which a title word that is also a verb is that verb (`I shall miss Jackson`).
_BEFORE_A_VERB = frozenset([
    "to", "shall", "will", "would", "could", "should", "might", "must", "can", "may", "did", "didn't",
    "don't", "not", "never", "you", "i", "we", "they", "he", "she", "it", "won't", "wouldn't", "can't",
    "couldn't", "shouldn't", "mustn't", "shan't", "doesn't", "i'll", "you'll", "we'll", "they'll",
    "he'll", "she'll"])


def _title(caps: Capitals, i: int, why: str) -> Diagnostic:
    word = caps.text(i)
    fixed = capitalized(word)
    start = caps.start(i)
    return Diagnostic(RULE.id, start, caps.end(i),
                      f"\"{word}\" is a title that {why}: write \"{fixed}\".",
                      (Fix(start, start + 1, fixed[0]),))
