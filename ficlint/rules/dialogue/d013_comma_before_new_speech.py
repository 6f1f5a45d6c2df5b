"""D013 comma-before-new-speech: a comma joins narration or a tag to a new sentence of speech."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import inflections
from ficlint.analysis.sentences import ends_sentence
from ficlint.analysis.speech import (
    PASSIVE_BE,
    Quotation,
    is_action,
    ly_adverb,
    speech_form,
    verb_at,
    vocabulary,
)
from ficlint.analysis.tokens import normalize
from ficlint.analysis.verbforms import AUXILIARIES, VerbForms, verb_forms
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import (
    FINITE_XPOS,
    PERIOD_FACTS,
    PERIOD_WHY,
    is_name,
    needs_completion,
    opened,
    period_edition,
    speech_words,
    verse_line_start,
)

if TYPE_CHECKING:
    from ficlint.analysis.tagger import Tag

RULE = Rule(
    id="D013",
    name="comma-before-new-speech",
    category="dialogue",
    summary="A comma joins an action, or a tag, to speech that starts a new sentence "
            "(`Harry shrugged, \"I get that.\"`).",
    why="A comma before a quotation belongs to a speech tag that introduces it (`She said, \"Come in.\"`). "
        "After an action (`Harry shrugged`), or after the tag of a speech, new speech that starts a new "
        "sentence needs a full stop before it: `Harry shrugged. \"I get that.\"`, `\"It's late,\" he said. "
        "\"We should go.\"` (A speech that carries on its sentence after the tag keeps the comma and a "
        "lowercase word: `\"I think,\" she said, \"we should go.\"`) Fiction of a century ago wrote the "
        "comma now and then, so ficlint flags it where it is the chapter's habit: twice or more, and at "
        "least half the time (after an action, a third of the time). After a sound the words are said in "
        "(`Keith chuckled,`), where older novels wrote the comma throughout, it flags the comma where the "
        "chapter writes a full stop there more often, or joins actions with commas by habit." + PERIOD_WHY,
    examples=examples(
        ("Harry shrugged, \"I get that a lot.\" Ron nodded, \"Me too.\"",
         "Harry shrugged. \"I get that a lot.\" Ron nodded. \"Me too.\""),
        ("“It's late,” he said, turning away, “We should go.”\n\n“Fine,” she said, “We go.”",
         "“It's late,” he said, turning away. “We should go.”\n\n“Fine,” she said. “We go.”"),
        ("‘Right,’ said Ron, ‘Let's eat.’ ‘Yes!’ said Harry, ‘Let's.’",
         "‘Right,’ said Ron. ‘Let's eat.’ ‘Yes!’ said Harry. ‘Let's.’"),
    ),
    allows=("As Daniel, when the haughty king he freed\nFrom ire, so look'd Beatrice then.\n\n"
            "\"Well I discern,\" she thus her words address'd,\n\"How contrary desires each way constrain "
            "thee,\nSo that thy anxious thought is in itself\nBound up and stifled.\"",
            "She said, \"Come in.\"", "\"I think,\" she said, \"we should go.\"",
            "\"Well,\" she said, \"I don't know.\"", "He turned to her and whispered, \"Run.\"",
            "\"Yes,\" said Harry, \"Ron knows.\"\n\nHe looked at Ron.",
            "Harry shrugged. \"I get that a lot.\"",
            "\"Stop!\" he cried, \"Stop or I'll shout!\" \"Go.\" She left. \"Now,\" he said. \"Please.\""),
    fix_safety="Unsafe: the comma becomes a full stop; if the narration was meant to introduce the speech, a "
               "speech verb is missing instead.",
)

_SENTENCE_END = re.compile(r"[.!?…;:—]\s")
# Words after which a comma introduces what is said: `the phrase, "in these days"`, `And then, "Go."`
_NAMING_NOUNS = frozenset(
    ["phrase", "words", "word", "motto", "comment", "question", "answer", "reply", "cry", "shout", "whisper",
        "remark", "message", "note", "sign", "legend", "refrain", "chorus"])
# ... and nouns of what is said that the speech stands beside as its content (`the funny-man's line,`
# `her theory,` `trailing pinkish exclamations,`): counted with the chapter's habit, never flagged
_CONTENT_NOUNS = frozenset(["line", "lines", "theory", "exclamation", "exclamations", "slogan", "catchphrase",
                            "formula"])
# ... and words that introduce it only in a clause of their own: `And then,` `Aloud,` `But,`
_NAMING_WORDS = frozenset(["then", "aloud", "again", "except", "and", "but"])
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_FIRST_WORD = re.compile(r"[\s*_]*([^\W\d_]+(?:['’][^\W\d_]+)*)")


FACTS = PERIOD_FACTS


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if period_edition(doc, ctx):
        return  # `She turned her head over her shoulders, "Have you`: the house style of its time
    joined = list(_joined_quotations(doc))
    # the habit shows in the joins of speech without a tag after it, or in all of them (`Tom
    # looked at her, "Wait," he said.`): counting both ways keeps every chapter main flagged
    every = Counter(structure[0] + q.narration_before[-1] for q, _, _, structure in joined)
    untagged = Counter(structure[0] + q.narration_before[-1] for q, _, _, structure in joined
                       if q.follows.kind != "tag")
    voiced = _voice_habit(joined)
    for q, word, at, structure in joined:
        if not q.narration_before.endswith(",") or verse_line_start(doc, q.region.start):
            continue
        if not structure.endswith("~") and (_flagged(structure, untagged) or _flagged(structure, every)) \
                or structure.endswith(_VOICE) and voiced:
            yield _comma_before(q, q.narration_before, at, word)


# The mark of a join whose narration ends in a verb of the voice (`Keith chuckled again,`)
_VOICE = "v~"


def _voice_habit(joined: list[tuple[Quotation, str, int, str]]) -> bool:
    """Is a comma after a verb of the voice before new speech (`Harry laughed nervously, "I`) a
    slip in this chapter? Older novels introduce speech so on purpose (Lewis's *Main Street*: 50
    commas, 2 full stops), and then write it throughout; a writer who ends the voice's sentence
    with a full stop more often, or whose joins after actions and tags are commas by
    habit (flagged above), slips when writing the comma."""
    voice = Counter(q.narration_before[-1] for q, _, _, structure in joined if structure.endswith(_VOICE))
    if voice[","] and voice[","] < voice["."]:
        return True
    plain = Counter(structure[0] + q.narration_before[-1] for q, _, _, structure in joined
                    if not structure.endswith("~"))
    return _flagged("B", plain)


# The comma must be the chapter's habit: at least this share of the places where it joins new
# speech to the narration before, and twice or more. A plain action before new speech
# (`Harry shrugged, "I"`) needs a smaller share than a tag, where an older style used the comma.
_HABIT_SHARE = 0.5
_ACTION_HABIT_SHARE = 0.3
_HABIT_MIN = 2


def _flagged(structure: str, habits: Counter[str]) -> bool:
    """Published fiction of a century ago writes the comma now and then beside the full stop,
    after tags and actions alike; ficlint flags it where the chapter's habit is the comma: a
    writer who joins new speech with commas does it throughout."""
    kind = structure[0]
    counts = [(habits[kind + ","], habits[kind + "."])]
    if kind in "AB":  # one habit: a writer who joins new speech to a tag with a comma does so after an action
        counts.append((habits["A,"] + habits["B,"], habits["A."] + habits["B."]))
    share = _ACTION_HABIT_SHARE if kind == "B" else _HABIT_SHARE
    return any(wrong >= _HABIT_MIN and wrong >= share * (wrong + right) for wrong, right in counts)


def _joined_quotations(doc: AnalyzedDocument) -> Iterator[tuple[Quotation, str, int, str]]:
    """Quotations that start a sentence right after narration ending in a comma or a full stop,
    with the first word, its offset and how they are joined (see _structure)."""
    text = doc.text
    for q in opened(doc):
        narration = q.narration_before
        if not narration or narration[-1] not in ",." or q.glued_before or q.is_label or q.quoted_phrase:
            continue
        first = _FIRST_WORD.match(text, q.region.inner_start, q.region.end)
        if not first or first.group(1)[0].islower():
            continue  # lowercase: the sentence goes on, or a phrase quoted in the narration's
        structure = _structure(q, narration, first.group(1))
        if structure:
            yield q, first.group(1), first.start(1), structure


def _structure(q: Quotation, narration: str, word: str) -> str:
    """How the new speech joins the narration: "A," after the tag of a speech that ended with a
    comma (one sentence interrupted), "A." / "A!" / "A?" after the tag of a finished speech, "B"
    after narration telling an action (`Harry shrugged`), "b" after other narration, either with
    "~" when the narration ends in how the speech is said (`She sighed,`: the habit, not an
    error); "" when the narration introduces the speech (`She said,`), or the speech may carry on
    (`"Well," she said, "I think"`)."""
    body = narration[:-1]
    clause = _last_clause(body)
    words = [w.lower() for w in _WORDS.findall(clause)]
    previous = q.previous
    if clause == body and previous is not None and previous.follows.kind in ("tag", "inverted", "subject") \
            and not _introduced_and_finished(previous):  # the narration is the tag of the speech before
        if sum(1 for i, w in enumerate(words)
               if speech_form(w) and not _a_look(words, i) and not _passive(words, i)) >= 2:
            return ""  # "she said, adding as an afterthought," - the second verb introduces the new speech
        mark = q.previous.last_mark
        if mark == "," and narration.endswith(",") and _may_continue(q, word) \
                and not _finished_clause(q.previous) and not _new_clause_after_tag(q, words, body):
            return ""
        if mark not in (",", ".", "!", "?"):
            return ""
        # `and came up, as he complained,`: counted with the habit, no error
        return "A" + mark + ("~" if _introduced_after_acting(words) else "")
    if clause == body and previous is not None and previous.last_mark == "," and body.lstrip()[:1].islower() \
            and _is_i(word) and needs_completion(previous):
        return ("B" if _acts(words) else "b") + "~"  # `"If there are," and her tone settled it, "I just…"`
    tags = _word_tags(q, words, q.before.start + len(body))
    classes = [tag.upos for tag in tags]
    if _introduces_speech(words):
        return ""
    kind = "B" if _acts(words) else "b"
    if _said_by_manner(words, classes):
        return kind + (_VOICE if _by_the_voice(words, classes) else "~")  # the habit; no error by itself
    if _completed_by_speech(words, classes) or _made_to_sound(words, classes):
        return kind + "~"  # counts towards the chapter's habit, but is no error
    if kind == "b" and classes and not any(c in ("VERB", "AUX") for c in classes):
        return "b~"  # no verb: no sentence a full stop could end (`and simultaneously,` `Then, in a desire,`)
    if kind == "B" and tags and not any(part.xpos in _VERB_NOT_ING for tag in tags for part in tag.parts):
        return "B~"  # a gesture in -ing alone (`Then, smiling excessively,`): a full stop leaves a fragment
    return kind


def _by_the_voice(words: list[str], classes: list[str]) -> bool:
    """Does the clause end in a verb of the voice or the breath (`Keith chuckled again,` `She
    sighed,`), not an unusual verb used alone (`she besought,`) or only adverbs?"""
    i = _verb_end(words, classes)
    return i >= 0 and _voice_verb(words[i])


# Verbs that tell a state, a look or a perception, never how words were said (`Ed was
# dumbfounded,` `The officer looked puzzled,`).
_NOT_SAYING = frozenset([
    "was", "were", "is", "are", "am", "be", "been", "being", "looked", "looks", "looking", "seemed", "seems",
    "appeared", "appears", "became", "becomes", "felt", "feels", "sounded", "sounds", "heard", "hears", "saw",
    "sees", "wanted", "wants", "meant", "means", "went", "goes", "came", "comes", "got", "gets", "had", "has",
    "did", "does", "remained", "remains", "stayed", "stays", "knew", "knows", "thought", "thinks"])
# Words that may stand between that verb and the comma: the one spoken to (`at Carol`,
# `to the farmwife`) or told (`rebuked him`).
_ADDRESSED = frozenset(["at", "to"])
_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "me", "us", "you"])


def _word_classes(q: Quotation, words: list[str], end: int) -> list[str]:
    """The tagger's word class of each of the clause's `words`, which end at `end`; [] when
    the tokens do not line up with them."""
    return [tag.upos for tag in _word_tags(q, words, end)]


def _word_tags(q: Quotation, words: list[str], end: int) -> list[Tag]:
    """The tagger's tags (word class and fine tag) of each of the clause's `words`, which end
    at `end`; [] when the tokens do not line up with them."""
    doc = q.doc
    if not isinstance(doc, AnalyzedDocument):
        return []
    tokens = doc.tokens
    k = bisect.bisect_left(tokens.end, end)
    if not (0 <= k < len(tokens) and tokens.end[k] == end):
        return []
    tags: list[Tag] = []
    for word in reversed(words):
        while k >= 0 and not tokens.is_word[k]:
            k -= 1
        if k < 0 or normalize(tokens.text[k]) != word.replace("’", "'"):
            return []
        tags.append(doc.tags[k])
        k -= 1
    return tags[::-1]


def _new_clause_after_tag(q: Quotation, words: list[str], body: str) -> bool:
    """Does the tag go on to a clause with a subject of its own (`He said at last, but then a bit
    of helplessness slipped out without his permission,`)? The speech after it cannot carry on
    the sentence the tag interrupted: it starts a new one."""
    classes = _word_classes(q, words, q.before.start + len(body))
    for i, c in enumerate(classes):
        if c != "CCONJ" or i < 2:
            continue
        rest = classes[i + 1:i + 8]
        subject = next((j for j, r in enumerate(rest) if r in ("NOUN", "PROPN", "PRON")), -1)
        if subject >= 0 and "VERB" in rest[subject + 1:] and "VERB" not in rest[:subject]:
            return True
    return False


def _introduced_after_acting(words: list[str]) -> bool:
    """Does narration that is a sentence of its own end in a speech verb after doing something
    else first (`"Gosh!" He burrowed beneath the bedclothes and came up, as he complained,`)?
    Its last verb then introduces the new speech; a tag and a gesture after it (`he said,
    turning away,`) does not."""
    forms = verb_forms()
    verbs = [i for i, w in enumerate(words)
             if w in forms.past or w in forms.third or w in forms.present_participle]
    last = len(words) - 1
    while last > 0 and _adverb(words[last]):
        last -= 1
    return len(verbs) >= 2 and verbs[-1] == last and verb_at(words, last) and speech_form(words[last]) \
        and not speech_form(words[verbs[0]])  # ending the clause: not `what he'd called Granger`


def _said_by_manner(words: list[str], classes: list[str]) -> bool:
    """Does the clause end in the verb the new speech is said with: a verb of the voice (`She
    sighed,` `he chuckled at her,`) or an unusual verb used alone (`she besought,` `he
    condescended to Kennicott,`)? Published fiction introduces speech so, as it writes tags
    (`"Sure," Dick concurred`). A gesture, a look or a face stays an action (`Harry shrugged,`
    `Sue nodded,` `I grin,`): new speech after it starts a new sentence."""
    if words and all(_adverb(w) for w in words):
        return True  # only how it is said: `Quietly, "Come here."`
    i = _verb_end(words, classes)
    vocab, forms = vocabulary(), verb_forms()
    bare_after_modal = i > 0 and words[i] in forms.base and _after_a_modal(words, i)
    if i < 0 or not classes or classes[i] != "VERB" and not bare_after_modal:
        return False  # "his lilac robes": a noun
    word = words[i]
    base = forms.base_of.get(word)
    finite = word in forms.past or word in forms.third and not word.endswith("ss") or bare_after_modal
    participle = word in forms.present_participle
    if base is None and word.endswith(("ed", "ing")):
        base = _guessed_base(word, forms)
        if base is None:  # a verb the lexicon lacks (maundered, marveled): an unusual verb used alone
            return i == len(words) - 1 and (i == 0 or words[i - 1] not in AUXILIARIES)
        finite, participle = word.endswith("ed"), word.endswith("ing")
    if base is None or not (finite or participle) or word in _NOT_SAYING:
        return False
    before = words[i - 1] if i > 0 else ""
    if (before in AUXILIARIES or before in _NOT_SAYING) \
            and not (before in _PROGRESSIVE and participle):
        return False  # "could never decipher", "looked puzzled": no verb of saying ("was sobbing" is)
    family = forms.forms_of[base]
    if any(form in vocab.silent or form in vocab.actions for form in family):
        return False
    return any(form in vocab.borderline for form in family) or not is_action(words, i, finite=False)


# Fine tags of a verb that may carry a sentence (the tagger reads many a past tense as VBN)
_VERB_NOT_ING = FINITE_XPOS | {"VBN", "VB"}
_PROGRESSIVE = frozenset(["was", "were", "is", "are", "am"])
_MODALS = frozenset(
    ["would", "could", "will", "can", "might", "may", "should", "must", "shall", "did", "didn't"])


def _after_a_modal(words: list[str], i: int) -> bool:
    """Is the bare verb at `i` the second of two a modal governs (`would pop in and titter,`)?"""
    return i > 1 and words[i - 1] == "and" and any(w in _MODALS for w in words[:i - 1])


def _guessed_base(word: str, forms: VerbForms) -> str | None:
    """The base of an -ed or -ing form the lexicon lacks, from its stem (nodding: nod)."""
    stem = word[:-3] if word.endswith("ing") else word[:-2]
    for base in (stem, stem + "e", stem[:-1]):
        if base in forms.base:
            return base
    return None


def _verb_end(words: list[str], classes: list[str]) -> int:
    """The index of the clause's last word once adverbs of manner (`nervously`), the one
    spoken to (`at Kennicott`, `to Mr. Dawson`, a name: `summoned Bea`) or a pronoun object
    (`him`) are set aside; -1 when nothing is left. The one spoken to is looked for after
    the clause's last verb only (`glanced down at her, and hemmed,`: hemmed)."""
    i = len(words) - 1
    while i > 0 and _adverb(words[i]):
        i -= 1
    for j in range(i, max(i - 4, 0), -1):
        if classes[j:j + 1] == ["VERB"] or words[j] == "and":
            break
        if words[j] in _ADDRESSED:
            return j - 1
        if words[j] in _PLACES and classes[j:j + 1] == ["ADP"] and _voice_verb(words[j - 1]):
            return j - 1  # where the voice is buried: `She was sobbing against his overcoat,`
    while i > 0 and classes[i:i + 1] == ["PROPN"] and classes[i - 1:i] in (["PROPN"], ["VERB"]):
        i -= 1  # the one spoken to, by name: `petitioned Mrs. Jackson Elder`
    if i > 0 and words[i] in _OBJECT_PRONOUNS:
        i -= 1
    return i


# Prepositions of the place a sound is made into (`sobbed into his shoulder,`), set aside after
# a verb of the voice: the verb still introduces the speech.
_PLACES = frozenset(["against", "into", "onto", "in", "on"])


def _voice_verb(word: str) -> bool:
    """Is the word a form of a verb of the voice or the breath (sobbing, laughed), not of the face?"""
    vocab, forms = vocabulary(), verb_forms()
    base = forms.base_of.get(word)
    if base is None and word.endswith(("ed", "ing")):
        base = _guessed_base(word, forms)
    if base is None:
        return False
    family = forms.forms_of[base]
    return any(form in vocab.voice or form in vocab.borderline for form in family) \
        and not any(form in vocab.silent for form in family)


def _adverb(word: str) -> bool:
    return word in vocabulary().manner or ly_adverb(word)


def _completed_by_speech(words: list[str], classes: list[str]) -> bool:
    """Is the speech the last word of the narration's phrase: after a preposition (`She
    greeted him with,`) or an adjective whose noun it is (`he cut in with a furious,`), or
    to the one spoken to (`and, to Carol,`)?"""
    if not words:
        return False
    if words[-1] == "with" or words[-1] in vocabulary().speech_nouns or words[-1] in _CONTENT_NOUNS:
        return True  # `She greeted him with,` `Dave had given verdict,`
    if _object_left_open(words, classes):
        return True  # what is heard or meant: `to hear from Uncle Whittier,` `smiles which meant,`
    if words[-1] in _GOVERNING and classes[-1:] == ["ADP"]:
        return True  # the speech is the preposition's object: `to confine herself to,`
    j = 0
    while j < len(words) - 1 and (words[j] in ("and", "but", "then") or _adverb(words[j])):
        j += 1
    if words[j] == "to" and classes[j:j + 1] == ["ADP"] and "VERB" not in classes:
        return True  # only the one spoken to: `and, to Carol,` `Quietly, to the wife,`
    return len(words) >= 2 and words[-2] in ("a", "an") \
        and (classes[-1:] == ["ADJ"] or words[-1] in _comparable_adjectives() or words[-1].endswith("ing"))


def _made_to_sound(words: list[str], classes: list[str]) -> bool:
    """Does the clause end in the bare verb of a sound someone is heard or made to make (`instead
    of having a librarian sniff,` `she heard him sigh,`)? The speech is that sound's words. Not a
    sound let out (`let out an annoyed groan,`: a noun)."""
    i = len(words) - 1
    while i > 0 and _adverb(words[i]):
        i -= 1
    forms = verb_forms()
    if i < 1 or words[i] not in forms.base or not (speech_form(words[i]) or _voice_verb(words[i])) \
            or classes[i - 1:i] not in (["NOUN"], ["PROPN"], ["PRON"]):
        return False
    return any(w in _CAUSING and words[j + 1] not in ("out", "off")
               for j, w in enumerate(words[:i - 1]) if j >= i - 9)


# Verbs whose object does what a bare verb after it says: `having a librarian sniff`, `heard him sigh`
_CAUSING = frozenset(["have", "having", "had", "hear", "heard", "hearing", "let", "letting", "make", "made",
                      "making", "watch", "watched"])


def _object_left_open(words: list[str], classes: list[str]) -> bool:
    """Does the clause end in a verb whose object is the speech: a verb of meaning with nothing
    after it (`smiles which meant,`), or of hearing with only where it came from after it (`to hear
    from Uncle Whittier,` `heard from behind her,`)?"""
    i = len(words) - 1
    while i > 0 and _adverb(words[i]):
        i -= 1
    base_of = verb_forms().base_of
    if words[i] in _MEANING and classes[i:i + 1] == ["VERB"] or base_of.get(words[i]) == "hear":
        return True
    for j in range(i - 1, max(i - 6, -1), -1):
        if classes[j:j + 1] == ["VERB"]:
            return base_of.get(words[j]) == "hear" and words[j + 1] == "from"
    return False


_MEANING = frozenset(["meant", "means", "mean"])


# Prepositions that cannot end a clause as an adverb does (`looked up,` `came in,`).
_GOVERNING = frozenset(["to", "with", "of", "like", "from", "into", "towards", "toward"])


@cache
def _comparable_adjectives() -> frozenset[str]:
    """Adjectives compared with -er (sharp, hearty), which the tagger may read as nouns when
    no noun follows them."""
    return frozenset(inflections().comparatives.values())


def _acts(words: list[str]) -> bool:
    """Does the clause tell an action: a plain action, a look of the face, or a verb with an
    object, finite or in -ing (`Harry shrugged`, `Charlie smiled`, `rubbing the back of his
    neck`)?"""
    forms = verb_forms()
    silent = vocabulary().silent
    return any((w in forms.past or w in forms.third or w in forms.present_participle
                or w in forms.base and i > 0 and words[i - 1] in _DO_SUPPORT)
               and (is_action(words, i, finite=False) or _silent(w, forms, silent))
               for i, w in enumerate(words))


_DO_SUPPORT = frozenset(["did", "does", "do"])  # `but did offer a carrot`: the bare verb is finite


def _silent(word: str, forms: VerbForms, silent: frozenset[str]) -> bool:
    base = forms.base_of.get(word)
    return base is not None and any(form in silent for form in forms.forms_of[base])


def _last_clause(narration: str) -> str:
    """The narration after its last sentence end (or semicolon, colon, dash)."""
    start = 0
    for m in _SENTENCE_END.finditer(narration):
        if narration[m.start()] != "." or ends_sentence(narration, m.start()):
            start = m.end()
    return narration[start:]


def _introduced_and_finished(previous: Quotation) -> bool:
    """Is the speech before already attributed by narration in front of it (`she inquired,
    "Which way?"`) and finished, or a phrase quoted inside the narration? Then the narration
    after it is no tag of it but introduces the next speech, as a tag before speech does
    (`she inquired, "Which way?" he yawned, "North."`): judged as narration before speech. Not
    when the narration before it is itself an action joined by a comma (`Dumbledore frowned,
    "Give up." Bellatrix snorted, "Never."`): that is the writer's comma habit."""
    if previous.quoted_phrase:
        return True
    narration = previous.narration_before
    if previous.last_mark not in (".", "!", "?") or not narration.endswith((",", ":")):
        return False
    if narration.endswith(":"):
        return True
    body = narration[:-1]
    words = [w.lower() for w in _WORDS.findall(_last_clause(body))]
    classes = _word_classes(previous, words, previous.before.start + len(body))
    if _introduces_speech(words):
        return True
    return _said_by_manner(words, classes) or _completed_by_speech(words, classes)


_SUBJECTS = frozenset({"PRON", "NOUN", "PROPN", "DET", "NUM"})


def _finished_clause(q: Quotation) -> bool:
    """Is the speech's last sentence a whole clause, a subject with a finite verb and more after
    the verb (`"It's long past curfew,"`), not a fragment that the words after the tag complete:
    an interjection or a name (`"Well,"`, `"Harry,"`), a clause that opens with a subordinator
    (`"If you want,"`), or a subject and verb alone (`"I think,"`)? A capital after the tag then
    starts a new sentence (`"It's late," he said. "I must go."`) rather than carrying on."""
    doc = q.doc
    words = speech_words(q)
    if not isinstance(doc, AnalyzedDocument) or words is None:
        return False
    tokens, tags = doc.tokens, doc.tags
    for i, k in enumerate(words):  # the last sentence of the speech only
        if i and tokens.text[k - 1] in (".", "!", "?") and tokens.text[k][0].isupper():
            words = words[i:]
            break
    if len(words) < 2 or tags[words[0]].head.upos in ("SCONJ", "ADP") \
            or tags[words[0]].head.xpos in ("WRB", "WP"):
        return False
    seen_subject = False
    opening = True  # still among interjections and adverbs: a plain verb here is an imperative
    for i, k in enumerate(words):
        for part in tags[k].parts:
            if part.xpos in FINITE_XPOS and seen_subject and i + 1 < len(words):
                return True
            if opening and part.xpos == "VB" and i > 0 or opening and part.xpos == "VB" and len(words) > 2:
                return True  # `"Oh, never mind,"` `"Listen to me,"`: an order is a whole sentence
            opening = opening and part.upos in ("INTJ", "ADV")
            seen_subject = seen_subject or part.upos in _SUBJECTS
    return False


def _may_continue(q: Quotation, word: str) -> bool:
    return _is_i(word) or is_name(q.doc, word)


def _is_i(word: str) -> bool:
    return word == "I" or word.lower().startswith(("i'", "i’"))


def _introduces_speech(lower: list[str]) -> bool:
    """Does the narration's last clause introduce the speech: a verb of speaking in any
    form (`She turned to him and said,`, `saying calmly,`, `he whispered to her,`), or
    a word that names what is said (`the phrase,`, `the words,`, `and then,`)? Not a verb
    whose object is a thing given (`she offered a vial,` `offered a smirk,`): what follows
    such a clause is new speech."""
    if not lower or lower[-1] in _NAMING_NOUNS or lower[-1] in _NAMING_WORDS and len(lower) <= 2:
        return True  # `the phrase,` `And then,` (not `She frowned then,`)
    vocab = vocabulary()
    for i, word in enumerate(lower):
        if not (verb_at(lower, i) and word not in vocab.borderline or speech_form(word)):
            continue
        if _gives_a_thing(lower, i) or _a_look(lower, i):
            continue  # `offered a vial,` `a smirk that bordered on a sneer,` `his sneer now,`: no verb
        return True
    return False


def _a_look(lower: list[str], i: int) -> bool:
    """Is the speech verb's form at `i` the noun of a look or a sound after an article or a
    possessive (`a sneer`, `his sneer`, `Harry's sputters`), not of words said (`a whisper`, `a
    reply`)?"""
    word, forms = lower[i], verb_forms()
    if i == 0 or not (lower[i - 1] in _NOUN_BEFORE or lower[i - 1].endswith(("'s", "’s"))) \
            or word not in forms.base and word not in forms.third:
        return False
    said = word in vocabulary().speech_nouns or word in _NAMING_NOUNS or word in _CONTENT_NOUNS
    return not said or i + 1 < len(lower) and lower[i + 1] == "of"  # `a whisper of a smile`


def _passive(lower: list[str], i: int) -> bool:
    """Is the speech verb's form at `i` a passive participle (`rolls that refused to be coaxed
    down`, `when he was asked`)? Someone else's saying, described: it introduces no speech."""
    return i > 0 and lower[i - 1] in PASSIVE_BE


# Words after which a verb's form is its noun (`a sneer`, `his whisper`)
_NOUN_BEFORE = frozenset(["a", "an", "the", "his", "her", "their", "my", "your", "its", "our"])


def _gives_a_thing(lower: list[str], i: int) -> bool:
    """Is the verb at `i` followed by a thing as its object (`offered a vial`), not by what
    is said (`offered a suggestion`, `told a story`)?"""
    if i + 2 >= len(lower) or lower[i + 1] not in ("a", "an"):
        return False
    said = vocabulary().speech_nouns | _NAMING_NOUNS | _TOLD_NOUNS
    return not any(w in said for w in lower[i + 2:i + 5])


# What is told (besides the speech nouns): `told a story,` `cracked a joke,`
_TOLD_NOUNS = frozenset(["story", "joke", "tale", "prayer", "toast", "greeting", "name", "song", "line"])


def _comma_before(q: Quotation, narration: str, word_at: int, word: str) -> Diagnostic:
    comma = q.before.start + len(narration) - 1
    shown = f".{q.doc.text[comma + 1:word_at]}{word}"
    return Diagnostic(RULE.id, comma, comma + 1,
                      "The speech starts a new sentence, but a comma joins it to the narration before: a "
                      "comma belongs to a tag that introduces the speech (`she said, \"...`). End the "
                      f"narration with a full stop: `{shown.strip()}`.",
                      (Fix(comma, comma + 1, ".", safe=False),))
