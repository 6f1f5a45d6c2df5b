"""Speech: every quotation of a paragraph, with the narration on either side of it.

What comes after a closing quote is either a speech tag (`she said`), which
belongs to the quotation's sentence, or an action beat (`she grabbed his arm`),
which is a sentence of its own. Telling them apart needs a list of speech
verbs (rules/data/speech-verbs.yaml, which also documents the policy for
borderline verbs such as laughed, sighed and smiled). A quotation also knows
whether it is a phrase quoted inside narration (`called it "nonsense"`), a
label (a sign, a text message, a title), a question, and whether it must start
with a capital. The dialogue family judges these facts; other families (tense,
capitalization) read them too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property

from ficlint.analysis.sentences import ABBREVIATIONS, ends_sentence
from ficlint.analysis.verbforms import AUXILIARIES, verb_forms
from ficlint.document import Document, Region, RegionKind
from ficlint.resources import load_data

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|--|\S")
_TRAILING_MARKUP = "_*"
_CLOSE_NESTED = "'’\"”"
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"”'’]?\s+[\"“‘']?[A-Z]")
# conjunctions that may carry speech on across its tag (`"Bye!" he called, "and thanks!"`)
_JOINERS = frozenset(["and", "but", "or", "nor", "because", "cause", "so", "unless", "then", "yet"])
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_WORD_WITH_MARK = re.compile(r"[\w'’]+[^\w\s]*$")
_LEADING_SPACE = re.compile(r"[ \t\r\n]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_BREAK = re.compile(r"[.!?…]+\s+")
_CLAUSE_END = re.compile(r"[.!?]\s")
CLAUSES = frozenset({"tag", "beat", "subject"})  # what after a quotation has a subject and a verb


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The speech-verb data, as sets for quick look-ups."""

    verbs: frozenset[str]  # speech and borderline verbs: what makes a tag
    speech: frozenset[str]  # plain verbs of saying only
    voice: frozenset[str]  # borderline verbs of the voice (hissed, growled)
    borderline: frozenset[str]  # borderline verbs of the face and breath (smiled, laughed, sighed)
    silent: frozenset[str]  # the borderline verbs of the face, which make no sound (smiled, frowned)
    speech_nouns: frozenset[str]  # nouns that name what is said (reply, silence, remark)
    hearer: frozenset[str]  # verbs of telling, whose object is the person spoken to
    actions: frozenset[str]  # plain actions: a subject followed by one is a beat
    things: frozenset[str]  # subjects that cannot speak (everything, nothing)
    non_speakers: frozenset[str]  # nouns that cannot speak (eyes, words)
    phrases: frozenset[tuple[str, str]]  # verb + particle tags (went on, broke in)
    inverted: frozenset[str]  # verbs that make a tag only when first (came the answer)
    between: frozenset[str]  # words between a tag's subject and verb (had, then)
    manner: frozenset[str]  # words after a tag's verb that keep the clause a bare tag (quietly, back)
    prepositions: frozenset[str]  # words that open a phrase after a tag's verb (to, into, with)
    objects: frozenset[str]  # objects after a speech verb that make the clause narration (it, his)
    pronouns: frozenset[str]
    determiners: frozenset[str]
    titles: frozenset[str]  # words a full stop may follow inside a name: Mr., Dr., St.
    written: frozenset[str]  # tag verbs that make the quotation a written message
    text_speak: frozenset[str]  # words that make it a text message
    introducers: frozenset[str]  # words after which a quotation is a phrase inside the narration
    asking: frozenset[str]  # tag verbs that ask
    thinking: frozenset[str]  # tag verbs that can also start a sentence of their own after ! or ?
    beginning: frozenset[str]  # began, started: a tag only with nothing after them but how
    thought_tags: frozenset[str]  # thought, pondered: a thought's tag after a full stop, when bare
    besides: frozenset[str]  # without, while: after a tag's verb, what the speaker does besides
    valediction: re.Pattern[str]  # how a letter is signed off ("Sincerely,", "With best wishes,")
    # speech verbs that, capitalised after a full stop, mostly narrate (spoke, sang)
    narrating: frozenset[str]
    question_words: frozenset[str]  # words that open a question
    question_subjects: frozenset[str]  # subjects a negative opener asks with: `Don't you`, `Isn't it`


@cache
def vocabulary() -> Vocabulary:
    data = load_data("speech-verbs")

    def forms(key: str) -> frozenset[str]:
        entries = data.get(key, [])
        lines = [entries] if isinstance(entries, str) else entries
        return frozenset(w.lower() for line in lines for w in str(line).split())

    phrases = frozenset(tuple(str(p).lower().split()[:2]) for p in data.get("phrases", []))
    return Vocabulary(
        verbs=forms("speech") | forms("voice") | forms("borderline"), speech=forms("speech"),
        voice=forms("voice"), borderline=forms("borderline"), silent=forms("silent"), hearer=forms("hearer"),
        speech_nouns=forms("speech_nouns"),
        actions=forms("actions"),
        things=forms("things"), non_speakers=forms("non_speakers"), phrases=phrases,
        inverted=forms("inverted_only"), between=forms("between"), manner=forms("manner"),
        prepositions=forms("prepositions"), objects=forms("objects"), pronouns=forms("pronouns"),
        determiners=forms("determiners"), titles=forms("titles") | ABBREVIATIONS, written=forms("written"),
        text_speak=forms("text_speak"), introducers=forms("introducers"), asking=forms("asking"),
        question_words=forms("question_words"),
        question_subjects=forms("question_subjects") | forms("pronouns") | forms("determiners"),
        thinking=forms("thinking"), beginning=forms("beginning"),
        narrating=forms("narrating"), thought_tags=forms("thought_tags"), besides=forms("besides"),
        valediction=_starts_with_any(data.get("valedictions", [])))


def _starts_with_any(phrases: list[str]) -> re.Pattern[str]:
    """A pattern for text that starts with one of `phrases` (whole words, any case)."""
    words = sorted((re.escape(str(p)).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile("(?:" + "|".join(words) + r")\b", re.I)


# -- the clause after a closing quote ---------------------------------------------------


@dataclass(frozen=True)
class After:
    """What follows a closing quote: its first words and what they are.

    kind: "tag" (she said, said he, the old man asked), "inverted" (came the
    answer), "beat" (she grabbed his arm, the words came out), "subject" (a
    subject and a verb ficlint doesn't know: she crooned), "other" (and then…,
    with a smile), "end" (the paragraph ends) or "glued" (no space after the quote).
    subject: what the clause's subject is: "I", "pronoun" (he, she), "name"
    (Harry, Mr. Smith), "noun" (the old man, her sister), "thing" (everything),
    or "" (none, or the verb comes first: said Harry).
    verb: the index in `words` of the clause's verb (-1: none found).
    bare: a tag and nothing else (subject, speech verb, how it was said), so
    that even with a capital it cannot be a sentence of its own.
    """

    kind: str
    words: tuple[str, ...] = ()
    first_start: int = 0
    first_end: int = 0
    stop: str = ""  # the punctuation that ends the clause ("" if none within reach)
    end: int = 0  # offset just after its last word
    subject: str = ""
    verb: int = -1
    bare: bool = False

    @property
    def start(self) -> int:
        return self.first_start

    @property
    def has_clause(self) -> bool:
        return self.kind in CLAUSES

    @property
    def verb_word(self) -> str:
        return self.words[self.verb].lower() if 0 <= self.verb < len(self.words) else ""


@dataclass(frozen=True, slots=True)
class Reading:
    """How a clause after a quotation reads: its kind, subject and verb (see After)."""

    kind: str
    subject: str = ""
    verb: int = -1


def classify_clause(words: list[str]) -> str:
    """What a clause after a closing quote is (see After.kind)."""
    return read_clause(words).kind


def read_clause(words: list[str], classes: Callable[[], list[str]] | None = None) -> Reading:
    """The kind, subject and verb of the clause after a closing quote. `classes` gives the
    words' word classes (UD UPOS, from the tagger), asked for only when a noun phrase's verb
    lies beyond the words the lexicon reads."""
    vocab = vocabulary()
    lower = [w.lower() for w in words]
    if verb_at(lower, 0):
        return Reading("tag", "", 0)
    if lower[0] in vocab.inverted:
        return Reading("inverted", "", 0)
    subject, subject_end = _subject(words, lower)
    if not subject:
        return Reading("other")
    if subject in ("noun", "thing"):
        return _noun_phrase_clause(lower, subject, classes)
    i = skip_between(lower, subject_end)
    if i >= len(lower):
        return Reading("other", subject)
    return Reading(_verb_reading(lower, i), subject, i)


def _noun_phrase_clause(lower: list[str], subject: str, classes: Callable[[], list[str]] | None) -> Reading:
    """"the old man said", "her eyes were now focused": the verb may come a few words in, or,
    after a phrase the word classes read as part of the noun phrase, further (`a voice from
    behind the inner doorway called`, `the boy in the corner of the room grabbed his bag`)."""
    vocab = vocabulary()
    if len(lower) > _NOUN_PHRASE_WINDOW and classes is not None:
        found = _verb_after_noun_phrase(lower, classes())
        if found >= _NOUN_PHRASE_WINDOW:
            return Reading(_verb_reading(lower, found), subject, found)
    for j in range(1, min(len(lower), _NOUN_PHRASE_WINDOW)):
        i = skip_between(lower, j)
        if verb_at(lower, i):
            if lower[i - 1] in PASSIVE_BE:
                return Reading("other", subject)  # "The honorific was added belatedly": not a tag
            return Reading(_verb_reading(lower, i), subject, i)
        if subject == "thing":
            continue  # everything, nothing: cannot speak, so only a tag verb would make it a tag
        if lower[j] in _DESCRIBED and lower[j - 1] in _SPEAKING_NOUNS:
            return Reading("beat", subject, j)  # what the voice was like: `"Hi," her voice was soft` (not
            # `a voice that was not his called out`)
        if lower[j] in vocab.actions or lower[j] in _LINKING or j >= 2 and is_action(lower, j, finite=True):
            speaks = mentions_speech(lower) or any(w in _SPEAKING_NOUNS for w in lower[1:j])
            return Reading("subject" if speaks else "beat", subject, j)
    if subject == "thing" or any(w in vocab.non_speakers for w in lower[1:3]) and not mentions_speech(lower):
        return Reading("beat", subject)
    return Reading("subject", subject)


_NOUN_PHRASE_WINDOW = 5  # words within which the lexicon alone finds a noun phrase's verb
# Word classes of a noun phrase with its prepositional phrases: the girl with the red hair
_NOUN_PHRASE_CLASSES = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "NUM", "PRON"})


def _verb_after_noun_phrase(lower: list[str], classes: list[str]) -> int:
    """The index of the verb that ends a noun phrase (-1: the words are no noun phrase and a verb)."""
    for j in range(1, len(lower)):
        tag = classes[j] if j < len(classes) else ""
        if tag == "VERB" and lower[j - 1] not in PASSIVE_BE:
            return j
        if tag not in _NOUN_PHRASE_CLASSES:
            return -1
    return -1


# Capitalised words that open a clause without being a name: `"Wait." And Robin shrieked.`
_NOT_NAMES = frozenset(
    ["and", "but", "or", "nor", "so", "yet", "then", "now", "still", "there", "here", "when", "while", "if",
        "though", "although", "as", "because", "once", "soon", "later", "suddenly", "finally", "meanwhile",
        "instead", "also", "even", "just", "only", "perhaps", "maybe", "again"])

# Forms of "be" before a participle that make it passive (`The honorific was added`, `when I am
# asked`): someone else's saying, described; D013 reads the same set.
PASSIVE_BE = frozenset({"was", "were", "been", "being", "is", "are", "am", "be"})

# Subjects that speak whatever their verb: `"Tom?" a sleepy voice sounds from the bed.`
_SPEAKING_NOUNS = frozenset({"voice", "voices"})
# ... but a voice that "was" something is described, not speaking: a sentence of its own
_DESCRIBED = frozenset({"was", "were", "is", "are"})


def _verb_reading(lower: list[str], i: int) -> str:
    """What the clause is, by its verb at `i`: a tag, a beat, or a subject and a verb ficlint can't judge."""
    if verb_at(lower, i):
        return "beat" if _speech_verb_with_object(lower, i) else "tag"
    if mentions_speech(lower):
        return "subject"
    word = lower[i]
    if word in _LINKING and lower[0] not in _IMPERSONAL:
        return "beat"  # how the speaker sounded, not how the words were said: `Draco sounded strangled`
    if word in AUXILIARIES and i + 1 < len(lower):
        j = i + 2 if lower[i + 1] == "not" and i + 2 < len(lower) else i + 1
        action = _verb_after_auxiliary(word, lower[j]) and is_action(lower, j, finite=False)
        return "beat" if action else "subject"
    return "beat" if is_action(lower, i, finite=True) else "subject"


def _verb_after_auxiliary(auxiliary: str, word: str) -> bool:
    """Is `word` the verb an auxiliary goes with: "was standing", "had grabbed", "didn't look"
    (not "was like", "had time")?"""
    forms = verb_forms()
    if auxiliary.startswith(("was", "were", "is", "are", "am")):
        return word in forms.present_participle
    if auxiliary.startswith(("had", "has", "have")):
        return word in forms.participle
    return word in forms.base


def is_action(lower: list[str], i: int, finite: bool) -> bool:
    """Is the verb at `i` an action: a plain action (grabbed, nodded), or any other
    verb that is not one of speech and takes an object (`he touched a rose`, `she let
    herself grin`)? Alone, an unusual verb may be a tag: published fiction writes
    `"Sure," Dick concurred` and `"No good," she condemned`."""
    vocab = vocabulary()
    word = lower[i]
    forms = verb_forms()
    base = forms.base_of.get(word)
    if base is None or word in vocab.verbs or word in AUXILIARIES or word in vocab.inverted \
            or word in _PERCEPTION:
        return False
    if finite and word not in forms.past and (word not in forms.third or word.endswith("ss")):
        return False
    if word in vocab.actions or any(form in vocab.actions for form in forms.forms_of[base]):
        return True
    if any(form in vocab.verbs for form in forms.forms_of[base]):
        return False  # "he was whispering": a speech verb in another form
    if i + 2 < len(lower) and lower[i + 1] in _PARTICLES and _object_follows(lower, i + 2):
        return True  # `Dustin clicked off the walkie`
    if i + 3 < len(lower) and lower[i + 2] in _WHERE and lower[i + 3] in _OBJECT_STARTERS \
            and lower[i + 1] not in vocab.prepositions and lower[i + 1] not in vocab.manner \
            and lower[i + 1] not in _PARTICLES and not lower[i + 1].endswith("ly"):
        return True  # someone and where: `he elbowed Blaise in the ribs`, `she nudged him with her foot`
    return _object_follows(lower, i + 1)


def _object_follows(lower: list[str], i: int) -> bool:
    """Does a noun phrase or a reflexive start at `i` (`a rose`, `his head`, `her eyes`,
    `himself`)? A bare pronoun (`he startled her`, `he put it to her`) is left out:
    published fiction makes tags of such clauses."""
    if i >= len(lower):
        return False
    word = lower[i]
    if word == "her":
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        return bool(nxt) and nxt not in vocabulary().prepositions and not nxt.endswith("ly")
    return word in _OBJECT_STARTERS


# Particles between a verb and its object (`clicked off the walkie`)
_PARTICLES = frozenset(["off", "out", "up", "down", "away"])
# Prepositions that say where an action touches someone (`elbowed Blaise in the ribs`)
_WHERE = frozenset(["in", "on", "with", "across", "into"])
# What opens the object of a verb: `he touched a rose`, `she let herself grin`.
_OBJECT_STARTERS = frozenset(
    ["a", "an", "the", "his", "their", "my", "your", "its", "our", "these", "those", "some", "himself",
        "herself", "themselves", "myself", "itself", "yourself", "ourselves"])


# Verbs that link a subject to how it seems (`Draco sounded almost strangled`, `she seemed
# to agree`): a clause of state, never a tag, whatever follows.
_LINKING = frozenset({"sounded", "sounds", "seemed", "seems", "appeared", "appears", "became", "becomes"})
_IMPERSONAL = frozenset({"it", "this", "that", "there"})  # `"Must you go?" it seemed cruel`

_PERCEPTION = frozenset({
    "heard", "hears", "saw", "sees", "seemed", "seems", "managed", "manages", "wanted", "wants", "meant",
    "means", "added", "went", "goes"})


def _speech_verb_with_object(lower: list[str], i: int) -> bool:
    """A speech verb whose object makes the clause narration: "she said it softly",
    "he snapped his fingers" (not "she told him", "she told the boy": the person spoken to)."""
    vocab = vocabulary()
    verb = lower[i]
    if verb in vocab.hearer or i + 1 >= len(lower):
        return False
    nxt = lower[i + 1]
    if nxt in _POSSESSIVES and i + 3 < len(lower) and lower[i + 3].endswith("ing") \
            and lower[i + 3] in verb_forms().present_participle:
        return False  # its comma left out: `he explained his voice cracking` (, his voice cracking)
    return nxt in vocab.objects or nxt == "her" and i + 2 < len(lower)


_POSSESSIVES = frozenset({"his", "her", "their", "my", "your"})


def bare_tag(lower: list[str], verb: int, stop: str, then: str = "") -> bool:
    """Is the clause a speech tag and nothing else: its verb followed only by how the
    words were said (quietly, back, into his ear) or by the person spoken to?"""
    vocab = vocabulary()
    said = lower[verb]
    if said in vocab.thought_tags:
        return _bare_thought_tag(lower, verb, stop, then)
    if said in vocab.borderline or said in vocab.thinking:
        return False  # "Thanks." She smiled. "Hmm." He considered. - sentences of their own as much as tags
    i = verb + (2 if verb + 1 < len(lower) and (said, lower[verb + 1]) in vocab.phrases else 1)
    hearer = said in vocab.hearer
    for j in range(i, len(lower)):
        word = lower[j]
        if word == "to" and j + 1 < len(lower) and lower[j + 1] in verb_forms().base:
            return False  # "She began to sob", "he told her to run": an action
        if said in vocab.asking and word in vocab.question_words:
            return False  # "They asked when the train left": a question reported, not a tag
        if word in vocab.prepositions or word == "and":
            # a phrase or a second verb follows: how, where or what next (not "she began with a question")
            return said not in vocab.beginning and not (hearer and j > i and not _meanwhile(lower, j))
        if word in vocab.manner or ly_adverb(word):
            continue
        if hearer and j == i and word in _OBJECT_PRONOUNS \
                and not (word == "her" and _person_spoken_to(lower, j) > j):
            continue  # "told him"; but "her" before a person is hers: "greeted her father"
        if j == i and said in _SELF_CORRECTING and word in _REFLEXIVES:
            hearer = False  # what follows says how or why, as after a bare verb ("at the look")
            continue  # "Luna—" he corrected himself: the speaker mends his own words aloud
        if hearer and j == i and said not in _SUMMONING:
            end = _person_spoken_to(lower, j)
            if end > j:
                return all(w in vocab.manner or ly_adverb(w) for w in lower[end:]) \
                    or _meanwhile(lower, end)
        return False
    return stop in (".", ",", "!", "?", "…", "end", "—", "-", ";", "")


def ly_adverb(word: str) -> bool:
    """An -ly adverb of manner ("quietly", "bitterly"); "only", "fly" and "holy" are too short."""
    return word.endswith("ly") and len(word) > 4


def _leading_adverbs(words: list[str]) -> int:
    """How many -ly adverbs open `words` ("bitterly to himself": 1)."""
    count = 0
    while count < len(words) and ly_adverb(words[count]):
        count += 1
    return count


def _bare_thought_tag(lower: list[str], verb: int, stop: str, then: str) -> bool:
    """Is the clause after the verb of thinking at `verb` only to whom (`to himself`, after an
    adverb too: `bitterly to himself`) or a clause of what the thinker does meanwhile (`as he
    paced`), or nothing before the end of the sentence or before more of the thought (`Dumbledore
    pondered, *'not the...'*`)? `then` is the text after the clause's `stop`. An adverb alone, or
    other narration after a comma, makes it a sentence of its own (`He thought intently.` `The
    cherub pondered, her round eyes searching`)."""
    rest = lower[verb + 1:]
    adverbs = _leading_adverbs(rest)
    after = rest[adverbs:]
    if after[:1] == ["to"] and after[1:2] and after[1] in _REFLEXIVES:
        rest = after[2:]
    elif adverbs:
        return bool(after) and _meanwhile(after, 0)
    if rest:
        return _meanwhile(rest, 0)
    if stop != ",":
        return stop in (".", "!", "?", "…", "end")
    carried = then.strip(" *_")
    # nothing left of the narration: the thought goes on in the paragraph's next quotation; an
    # opening quote left in it: the same, where emphasis kept the quotation from being read as one
    return not carried or carried[:1] in _OPENING_QUOTES or _meanwhile(carried.split()[:2], 0)


_OPENING_QUOTES = frozenset("\"“‘'")


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})
# After the person told, a clause of what the speaker does meanwhile keeps the tag a tag (`Trisha
# greeted her father as she sat down`, `he told her while tying his boots`); "about", "of", "that"
# report what was said instead (`He told her about his day.`)
_MEANWHILE = frozenset({"as", "while", "whilst"})
_NOT_MEANWHILE = frozenset({"much", "well", "such", "many", "soon", "long", "far", "usual"})


def _meanwhile(lower: list[str], j: int) -> bool:
    """Does a clause of what the speaker does meanwhile start at `j` (`as she sat down`; not `as much`)?"""
    return j + 1 < len(lower) and lower[j] in _MEANWHILE and lower[j + 1] not in _NOT_MEANWHILE


# Verbs of speaking whose reflexive object is still speech, not thought (`he corrected himself`;
# not `Carol warned herself`, which is what she thinks)
_SELF_CORRECTING = frozenset({"corrected", "corrects", "correct", "amended", "amends", "interrupted",
                              "interrupts"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "myself", "yourself", "ourselves", "itself"})
_OWNERS = frozenset({"his", "her", "their", "my", "your", "our", "the"})
# Verbs of telling that also summon or ring someone (`She called the dog.`, `He called his mother.`)
_SUMMONING = frozenset({"called", "calls"})


def _person_spoken_to(lower: list[str], j: int) -> int:
    """The end of the person a verb of telling speaks to, when the words from `j` are one: a
    person's noun after a possessive or "the", with up to two words between (`lectured his amused
    husband`, `told the boy`); `j` when they are not. Not a reflexive: what one tells oneself
    (`Carol warned herself.`) is thought, which edited fiction ends with a full stop too."""
    if lower[j] not in _OWNERS:
        return j
    people = _people()
    end = j
    for k in range(j + 1, min(j + 4, len(lower))):
        if lower[k] in people or lower[k].endswith("s") and lower[k][:-1] in people:
            end = k + 1  # the last of them: "her other father", not "her other"
    return end


@cache
def _people() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_data("grammar").get("owners", []))


def mentions_speech(lower: list[str]) -> bool:
    """Does the clause speak of speaking ("she heard Wally say", "he tried to say")?"""
    verbs = vocabulary().speech
    return any(w in verbs or w + "s" in verbs or w + "ed" in verbs or w + "d" in verbs or w.endswith("ing")
               and (w[:-3] + "s" in verbs or w[:-3] + "es" in verbs) for w in lower)


def speech_form(word: str) -> bool:
    """Is the (lowercase) word any form of a verb of speech or of the voice: saying,
    crying, asked, whispers, shouting?"""
    vocab = vocabulary()
    if word in vocab.speech or word in vocab.voice:
        return True
    forms = verb_forms()
    base = forms.base_of.get(word)
    return base is not None and any(form in vocab.speech or form in vocab.voice
                                    for form in forms.forms_of[base])


def verb_at(lower: list[str], i: int) -> bool:
    """Is the word at `i` a speech verb (or the start of a verb + particle tag: went on)?"""
    if i >= len(lower):
        return False
    vocab = vocabulary()
    if lower[i] in vocab.verbs:
        return True
    return i + 1 < len(lower) and (lower[i], lower[i + 1]) in vocab.phrases


def skip_between(lower: list[str], i: int) -> int:
    """Past the words that may stand between a tag's subject and its verb (had, then, softly)."""
    between = vocabulary().between
    for _ in range(3):
        if i < len(lower) and (lower[i] in between or ly_adverb(lower[i])):
            i += 1
    return i


def _subject(words: list[str], lower: list[str]) -> tuple[str, int]:
    """The kind of the clause's subject and the index just past it ("", 0: none)."""
    vocab = vocabulary()
    first = lower[0]
    if words[0] == "I" or first in ("i'd", "i'll", "i've"):
        return "I", 1
    if first in vocab.things:
        return "thing", 1
    if first in vocab.pronouns:
        return "pronoun", 1
    if first in vocab.determiners:
        return "noun", 1
    if not words[0][0].isupper() or first in _NOT_NAMES or first in vocab.prepositions:
        return "", 0
    i = 1  # a name: "Karen", "Mr. Smith", "Aunt Polly", "Karen's mother"
    while i < len(words) and words[i][0].isupper() and i < 4:
        i += 1
    if words[i - 1].endswith(("'s", "’s")) and i < len(words):
        return "noun", i  # "Karen's mother said", "Harry's voice cracked"
    return "name", i


_CLAUSE_WORDS = 12  # words of a clause read at most


def _clause_words(snippet: str, start: int) -> tuple[list[str], list[int], tuple[int, int], str, int]:
    """The words of the clause that starts at snippet[start:], up to its first
    punctuation: the words, where each starts, the first word's span, that punctuation,
    and where the last word ends."""
    words: list[str] = []
    ends: list[int] = []
    starts: list[int] = []
    first = (0, 0)
    titles = vocabulary().titles
    for m in _TOKEN.finditer(snippet, start):
        token = m.group(0)
        if token[0].isalpha():
            if not words:
                first = m.span()
            words.append(token)
            ends.append(m.end())
            starts.append(m.start())
            if len(words) >= _CLAUSE_WORDS:
                return words, starts, first, "", ends[-1]
            continue
        if token == "." and words and words[-1].lower() in titles:
            continue
        if token == "-" and words and snippet[m.start() - 1:m.start()].isalpha():
            words.pop()  # "faked-scolded": a compound ficlint can't read as a verb
            ends.pop()
            starts.pop()
        return words, starts, first if words else (0, 0), token, ends[-1] if ends else start
    return words, starts, first, "end", ends[-1] if ends else start


def _capitalised_words(text: str, shortest: int, most: int) -> int | None:
    """How many words of `shortest` letters or more the text has, if at most `most` and each
    starts with a capital; None if not (read up to the first word that says so: most speech
    has a lowercase word within a few)."""
    count = 0
    for m in _LETTERS.finditer(text):
        word = m.group()
        if len(word) < shortest:
            continue
        if not word[0].isupper():
            return None
        count += 1
        if count > most:
            return None
    return count


def abbreviation_before(text: str, dot: int) -> bool:
    """Is the full stop at `dot` the end of an abbreviation, an initial or a number (a.m., Mr., J.)?"""
    return not ends_sentence(text, dot)


def looks_like_closer(text: str, at: int) -> bool:
    """A straight double quote hanging on a word or mark, with a space or the end after it."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1:at + 2]
    return (before.isalnum() or before in ".,!?…-—") and (not after or after.isspace())


# -- quotations ----------------------------------------------------------------------------


class Quotation:
    """One quotation of a paragraph with its neighbours, and what it is."""

    def __init__(self, doc: Document, region: Region, before: Region | None, after: Region | None,
                 previous: Quotation | None, index: int) -> None:
        self.doc = doc
        self.region = region
        self.before = before  # narration just before it in the paragraph
        self.after = after  # narration just after it
        self.previous = previous  # the paragraph's previous quotation
        self.next: Quotation | None = None  # the paragraph's next quotation
        self.earlier: Quotation | None = None  # the document's previous quotation, in any paragraph
        self.index = index  # position among the paragraph's quotations

    @property
    def inner(self) -> str:
        return self.doc.text[self.region.inner_start:self.region.inner_end]

    @cached_property
    def follows(self) -> After:
        """What the narration after the closing quote is (a tag, a beat...)."""
        if not self.region.close_quote:
            return After("other")
        text = self.doc.text
        region = self.region
        if self.after is None:
            return After("end" if self._paragraph_ends_here() else "other")
        pos = region.end
        end = self.after.end
        while pos < end and text[pos] in _TRAILING_MARKUP:
            pos += 1  # `"What?"* He asks`: the emphasis closes around the quotation
        if pos < end and text[pos].isalnum():
            return After("glued" if pos == region.end else "other")
        snippet = text[pos:min(end, pos + 100)]
        m = _LEADING_SPACE.match(snippet)
        if not m:
            return After("other")
        words, starts, first, stop, last_end = _clause_words(snippet, m.end())
        if not words:
            rest = snippet[m.end():].strip()
            return After("end" if not rest else "other")
        reading = read_clause(words, lambda: self._word_classes([pos + s for s in starts]))
        lower = [w.lower() for w in words]
        bare = reading.kind == "tag" and bare_tag(lower, reading.verb, stop, text[pos + last_end + 1:end])
        return After(reading.kind, tuple(words), pos + first[0], pos + first[1], stop, pos + last_end,
                     reading.subject, reading.verb, bare)

    def _word_classes(self, offsets: list[int]) -> list[str]:
        """The tagger's word class (UPOS) of the words starting at `offsets` ("" where none)."""
        tags = getattr(self.doc, "tags", None)
        if tags is None:
            return [""] * len(offsets)
        starts = self.doc.tokens.start
        classes = []
        for offset in offsets:
            k = bisect.bisect_left(starts, offset)
            classes.append(tags[k].upos if k < len(starts) and starts[k] == offset else "")
        return classes

    def _paragraph_ends_here(self) -> bool:
        para = self.doc.paragraphs[self.region.paragraph]
        return not self.doc.text[self.region.end:para.end].strip(" \t\r\n*_")

    @cached_property
    def last_mark(self) -> str:
        """The punctuation before the closing quote: '.', ',', '!', '?', '…' (ellipsis),
        '—' (any dash), 'letter' (none), or '' (unclear)."""
        text = self.doc.text
        end = self.region.inner_end
        start = self.region.inner_start
        while end > start and text[end - 1] in _TRAILING_MARKUP:
            end -= 1
        if end > start and text[end - 1] in _CLOSE_NESTED:
            if end - 1 > start and text[end - 2] in ".!?,…-—–":
                end -= 1
            else:
                return ""
        if end <= start:
            return ""
        ch = text[end - 1]
        if ch.isalnum():
            return "letter"
        if ch == "." and end - 2 >= start and (text[end - 2] == "." or text[end - 3:end] == ". ."):
            return "…"  # "..." or a spaced ". . ."
        if ch in "—–-":
            return "—"
        return ch if ch in ".,!?…;:" else ""

    @property
    def mark_offset(self) -> int:
        """Offset of the punctuation mark before the closing quote (past markup and nested quotes)."""
        text = self.doc.text
        end = self.region.inner_end
        while end > self.region.inner_start and text[end - 1] in _TRAILING_MARKUP + _CLOSE_NESTED:
            end -= 1
        return end - 1

    @cached_property
    def narration_before(self) -> str:
        """The narration just before the quotation, without trailing white space and markup."""
        if self.before is None:
            return ""
        return self.doc.text[self.before.start:self.before.end].rstrip(" \t\r\n*_")

    @property
    def opening_misplaced(self) -> bool:
        """A straight quote that, by its place, closes rather than opens: the
        paragraph's straight quotes don't pair up (the unclosed-quote rule says so)."""
        return self.region.open_quote == '"' and self.index > 0 and looks_like_closer(self.doc.text,
                                                                                      self.region.start)

    @property
    def closing_misplaced(self) -> bool:
        """A straight closing quote that looks like an opening one (`word "Next`)."""
        text = self.doc.text
        close = self.region.end - 1
        return self.region.close_quote == '"' and text[close - 1].isspace() \
            and text[close + 1:close + 2].isalnum()

    @cached_property
    def glued_before(self) -> bool:
        """Narration runs into the opening quote with no space (`his arm"Derek!"`, `she said,"Go`)."""
        start = self.region.start
        before_char = self.doc.text[start - 1] if start > 0 else "\n"
        return self.before is not None and (before_char.isalnum() or before_char in ".!?,;:")

    @cached_property
    def speech_like(self) -> bool:
        """Does the quotation read like spoken sentences: more than one, or an
        exclamation or question of two words or more?"""
        inner = self.inner
        for m in _SENTENCE_INSIDE.finditer(inner):
            if inner[m.start()] != "." or not abbreviation_before(inner, m.start()):
                return True
        return self.last_mark in ("!", "?") and len(inner.split()) >= 2

    @cached_property
    def quoted_phrase(self) -> bool:
        """A word or phrase quoted inside a sentence of narration (`called it "nonsense" and left`)."""
        if self.before is None or not self.doc.text[self.region.start - 1].isspace():
            return False  # opens the paragraph, or glued to the narration (a typo)
        narration = self.narration_before
        if not narration or not (narration[-1].isalnum() or narration[-1] in ")'’"):
            return False
        return not self.speech_like

    @cached_property
    def runs_into(self) -> bool:
        """Narration ending in a word and a space, then spoken sentences that a tag
        or a beat follows, or that end the paragraph (not a quoted phrase inside the
        narration's sentence: `He shouted "Fire!" and everyone ran`)."""
        narration = self.narration_before
        if not narration or not narration[-1].isalpha():
            return False
        ends = self.follows.kind == "end" and self.doc.text[self.region.inner_start:][:1].isupper()
        if not (self.follows.has_clause or ends) or not self.speech_like:
            return False
        if not self.follows.has_clause and not _narration_before_speech_ends(narration):
            return False  # `Iris cried out "Win isn't guilty"`, `a dismayed "Am I?"`: an intro, a quoted noun
        if _before_quoted_noun(narration):
            return False  # `he marred it by a half audible "Come here!"`: the speech is the noun
        word = _LAST_WORD.search(narration[-30:])
        if not word:
            return False
        last = word.group(0).lower()
        vocab = vocabulary()
        return last not in vocab.introducers and last not in vocab.verbs and not mentions_speech([last])

    @cached_property
    def starts_sentence(self) -> bool:
        """Must the quotation start with a capital? Yes when it opens the paragraph,
        follows a finished sentence, follows an action beat that interrupts speech
        (`"Wait!" she grabbed his arm, "thank you"`), or is spoken sentences that
        the narration runs into; not when it carries on a sentence a tag interrupted
        or is a phrase quoted inside the narration's sentence."""
        narration = self.narration_before
        previous = self.previous
        previous_ends = previous.last_mark if previous is not None else ""
        if not narration:
            if previous is not None:  # two quotations side by side
                return previous_ends in ("!", "?", ".")
            return self.before is None or not self.doc.text[self.before.start:self.before.end].strip()
        last = narration[-1]
        if last in ".!?" and not narration.endswith(("..", "Mr.", "Mrs.", "Dr.", "St.")):
            return True
        if last.isalpha():
            return self.runs_into
        if last == "," and previous is not None and previous.after is self.before:
            # "Wait!" she grabbed his arm, "thank you" - not "I think," she said, "we should"
            return previous_ends in ("!", "?", ".") and previous.follows.kind == "beat"
        clause = _CLAUSE_END.split(narration)[-1]
        if last == "," and (previous is None or clause != narration):
            # She said, "Stop." - a tag before the speech introduces a sentence (also after an earlier
            # speech and a sentence of narration: `"Hi." She turned. Ginny whispers, "Are you..."`,
            # and after a phrase set before the tag: `Before he can answer, Ginny whispers, "Are..."`)
            return _introduced_by_tag(clause) or self.speech_like and _short_action(clause)
        return False

    @cached_property
    def after_closing_tag(self) -> bool:
        """Does the speech follow a tag, and a comma, after speech that closed with ! or ?
        (`"What?" he asked, "tell me"`)? Today's style starts it with a capital, as a new sentence;
        edited fiction of a century ago carried the sentence on in lowercase (`"Oh!" cried the Rat,
        "this is splendid"`), so the rules decide by the manuscript. Not when it opens with "and",
        "but", "or", "because", "so" and the like, which may carry on what was said (`"Bye!" he
        called, "and thanks!"`); not
        after a full stop, whose fix is a comma (`"I'm fine." He said, "just tired"`)."""
        narration, previous = self.narration_before, self.previous
        if not narration.endswith(",") or previous is None or previous.after is not self.before:
            return False
        return previous.last_mark in ("!", "?") and previous.follows.kind == "tag" \
            and not self._opens_with_joiner()

    def _opens_with_joiner(self) -> bool:
        """Does the speech open with a conjunction ("and", "but", "because", "so"…) that may carry on
        the sentence before (`"Where are you going?" he asked, "because I'm coming too"`)?"""
        first = _WORD.search(self.inner)
        return first is not None and first.group(0).lower() in _JOINERS

    @cached_property
    def asks(self) -> bool:
        """Does the speech ask something: its last sentence opens with a question
        word (`where are you going`), or its tag says so (`he asked`)?"""
        vocab = vocabulary()
        if self.follows.kind == "tag" and any(w.lower() in vocab.asking for w in self.follows.words[:4]):
            return True
        last = _SENTENCE_BREAK.split(self.inner)[-1].lstrip(" \t\"'“‘*_")
        first = _WORD.match(last)
        if not first or first.group(0).lower() not in vocab.question_words:
            return False
        return not first.group(0).lower().endswith("n't") or _subject_follows(last[first.end():])

    @cached_property
    def is_label(self) -> bool:
        """A sign, a text message or a title: `"NO ENTRY"`, a quotation introduced
        by a colon, a title inside narration (`called "The Blue Boar"`), or words
        a tag says were written (`"lol ok," Ron texted`)."""
        inner = self.inner
        narration = self.narration_before
        if narration.endswith(":") or self.is_written or _is_text_speak(inner):
            return True
        if self.follows.kind == "tag":
            return False  # a tag says it was spoken (`"Wait," she said`, `"GET OUT," he yelled`): no sign
        if inner.isupper():
            return True
        if not narration:  # a signature closing a letter, alone in its paragraph: "Your Jack"
            alone = self.after is None or not self.doc.text[self.after.start:self.after.end].strip()
            count = _capitalised_words(inner, 1, 4)
            if self.last_mark == ",":
                # a letter's sign-off ("Sincerely,", "With best wishes,"), else a name called or a word
                # said, its comma where a tag should follow: speech
                signed = inner.strip(" *_,")
                valediction = vocabulary().valediction
                return alone and valediction.match(signed) is not None and (
                    count is not None and count > 0 or valediction.fullmatch(signed) is not None)
            return alone and count is not None and count > 0
        count = _capitalised_words(inner, 4, 6)
        if count == 1 and self.last_mark in (".", "!", "?", "…"):
            return False  # "Fine.", "Wait, Ron!": speech, not a one-word title
        return bool(count)

    @property
    def is_written(self) -> bool:
        """Is the quotation a message someone typed or wrote (`"brb," she texted`)?"""
        if self.follows.kind != "tag":
            return False
        written = vocabulary().written
        return any(w.lower() in written for w in self.follows.words[:4])

    @cached_property
    def introduces_next(self) -> bool:
        """Does the narration after the quotation introduce the next one, with no sentence
        end between them (`"Why?" He answered, "Because."`): a tag that may belong to the
        next speaker's words rather than to this quotation's?"""
        nxt = self.next
        if nxt is None or self.after is None or nxt.before is not self.after:
            return False
        narration = self.doc.text[self.after.start:self.after.end]
        return narration.rstrip()[-1:] in (",", ":") and not _CLAUSE_END.search(narration)

    @property
    def interrupts(self) -> bool:
        """`"I think," she paused, "we should go."`: narration between two parts of one sentence."""
        after = self.after
        if after is None:
            return False
        narration = self.doc.text[after.start:after.end].rstrip()
        return bool(narration) and narration[-1] in ",—–-" \
            and after.end < self.doc.paragraphs[after.paragraph].end

    def last_word_before_close(self) -> str:
        """The speech's last word with any marks after it, as a fix message shows it."""
        close = self.region.end - 1
        text = self.doc.text
        m = _WORD_WITH_MARK.search(text[max(self.region.inner_start, close - 20):close])
        return m.group(0) if m else ""


def _introduced_by_tag(clause: str) -> bool:
    """Does the narration's clause end in a tag that introduces the speech (`She said,`), alone
    or after a subordinate clause (`Before he can answer, Ginny whispers,`)? Not a tag set inside
    a sentence the speech completes (`The club was, Vida promised, "such a cozy group"`, `as
    Peter said, "like a gutter child"`)."""
    segments = [segment.split() for segment in clause.rstrip(",").split(",")]
    words = segments[-1]
    if not words or len(words) > 4 or words[-1].lower() not in vocabulary().speech:
        return False
    if words[0].lower() in _SUBORDINATORS:
        return False
    opening = [w.lower() for w in segments[0] if w.lower() not in _CONJUNCTIONS][:1]
    return len(segments) == 1 or bool(opening) and opening[0] in _SUBORDINATORS


def _short_action(clause: str) -> bool:
    """Is the narration's clause a short sentence of its own, a subject and what it did (`Charlie
    smiled,`), with no word of speaking (`she said quietly, adding,`) and nothing it leaves open
    (`if there was any Mr. Swiftwaite,` `had talked of the convention,`)? Spoken sentences after
    it and a comma start a sentence of their own."""
    words = [w.lower() for w in _WORD.findall(clause)]
    if not 2 <= len(words) <= 6 or "," in clause.rstrip(","):
        return False
    vocab = vocabulary()
    if words[0] in _SUBORDINATORS or words[0] in _NOT_NAMES or words[-1] in vocab.prepositions \
            or words[-1] in vocab.determiners:
        return False
    if not (words[0] in vocab.pronouns or clause.lstrip(" \t\r\n*_\"'“‘")[:1].isupper()):
        return False
    return not any(speech_form(w) or w in vocab.introducers for w in words)


_CONJUNCTIONS = frozenset(["and", "but", "so", "then", "yet", "or"])
_SUBORDINATORS = frozenset(["as", "if", "when", "while", "before", "after", "since", "until", "till",
                            "though", "although", "because", "once", "whenever", "unless", "whether", "where",
                            "that"])


def _narration_before_speech_ends(narration: str) -> bool:
    """Does the narration's last clause end as a sentence of its own might (`She shrugged`,
    `across the bar`), not as an introduction (`he asked, warily`, `Iris cried out`) or before a
    quoted noun (`with a dismayed`, `Sam Clark's`)?"""
    clause = _CLAUSE_END.split(narration)[-1]
    words = [w.lower() for w in _WORD.findall(clause)]
    said = [i for i, w in enumerate(words) if speech_form(w)]
    if not words or said and not _tag_then_narration(words, said[-1]):
        return False
    last = words[-1]
    determiners = vocabulary().determiners
    if said:  # `said without looking up from his work`: the phrase ends in its noun, not `a dismayed`
        return not (last.endswith(_ADJECTIVE_ENDINGS) or last in determiners or words[-2] in ("a", "an"))
    after_article = len(words) > 1 and words[-2] in determiners  # "a dismayed", "a resolute"
    return not (last.endswith(_ADJECTIVE_ENDINGS) or after_article or last in determiners
                or last.endswith(("'s", "’s")))


_ADJECTIVE_ENDINGS = ("ful", "ant", "ent", "ous", "al", "ive", "ible", "able", "ish", "less", "ly")


def _tag_then_narration(words: list[str], verb: int) -> bool:
    """Does the tag's verb at `verb` go on to three words and more of what the speaker does
    meanwhile (`The healer said without looking up from his work`)? The speech after it starts
    a sentence the narration must end first; a tag right before its speech (`Iris cried out`,
    `he said to her`) introduces it."""
    rest = words[verb + 1:]
    rest = rest[_leading_adverbs(rest):]
    return len(rest) >= 3 and rest[0] in vocabulary().besides


def _before_quoted_noun(narration: str) -> bool:
    """Does the narration end in an article, an adjective or intensifier and the adjective of a
    noun the speech stands for (`by a half audible`, `with a most unpleasant`), words no
    sentence can end in?"""
    words = [w.lower() for w in _WORD.findall(narration[-60:])]
    if len(words) < 3 or words[-3] not in ("a", "an") or not words[-1].endswith(_ADJECTIVE_ENDINGS):
        return False
    return words[-2].endswith(_ADJECTIVE_ENDINGS) or words[-2] in ("half", "very", "most", "more", "rather")


def _is_text_speak(inner: str) -> bool:
    first = _LETTERS.match(inner.lstrip())
    return bool(first) and first.group(0).lower() in vocabulary().text_speak


# -- gathering quotations ---------------------------------------------------------------------


def quotations(doc: Document) -> list[Quotation]:
    """Every quotation that opens in a prose paragraph, in order (indented
    blocks, which are verse, letters and signs, are left out)."""
    found: list[Quotation] = []
    for regions in _prose_by_paragraph(doc):
        found.extend(_paragraph_quotations(doc, _join_markup(regions)))
    for earlier, quotation in zip(found, found[1:], strict=False):
        quotation.earlier = earlier
    return found


def _prose_by_paragraph(doc: Document) -> Iterator[list[Region]]:
    paragraph = -1
    regions: list[Region] = []
    for region in doc.regions:
        if region.paragraph != paragraph:
            if regions:
                yield regions
            paragraph, regions = region.paragraph, []
        if region.kind in (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.MARKUP):
            regions.append(region)
    if regions:
        yield regions


def _join_markup(regions: list[Region]) -> list[Region]:
    """The paragraph's regions with each quotation whole again where inline
    markup (a URL, a comment, `code`) cut it into pieces; markup itself dropped."""
    if all(r.kind is not RegionKind.MARKUP for r in regions):
        return regions
    joined: list[Region] = []
    for region in regions:
        last = joined[-1] if joined else None
        if last is not None and last.kind is RegionKind.DIALOGUE and not last.close_quote \
                and region.kind is not RegionKind.NARRATION:
            close = region.close_quote if region.kind is RegionKind.DIALOGUE else ""
            joined[-1] = Region(RegionKind.DIALOGUE, last.start, region.end, last.paragraph, last.open_quote,
                                close, region.continues)
        elif last is not None and last.kind is RegionKind.NARRATION and region.kind is RegionKind.NARRATION:
            joined[-1] = Region(RegionKind.NARRATION, last.start, region.end, last.paragraph)
        elif region.kind is not RegionKind.MARKUP:
            joined.append(region)
    return joined


def _paragraph_quotations(doc: Document, regions: list[Region]) -> list[Quotation]:
    found: list[Quotation] = []
    if not any(r.kind is RegionKind.DIALOGUE for r in regions):
        return found
    if doc.paragraphs[regions[0].paragraph].indented:
        return found  # verse, letters, signs: set out on their own terms
    previous: Quotation | None = None
    for i, region in enumerate(regions):
        if region.kind is not RegionKind.DIALOGUE or not region.open_quote:
            continue
        before = regions[i - 1] if i > 0 and regions[i - 1].kind is RegionKind.NARRATION else None
        following = regions[i + 1] if i + 1 < len(regions) else None
        after = following if following is not None and following.kind is RegionKind.NARRATION else None
        quotation = Quotation(doc, region, before, after, previous, len(found))
        if previous is not None:
            previous.next = quotation
        previous = quotation
        found.append(quotation)
    return found


def _subject_follows(rest: str) -> bool:
    """Does a subject come right after a negative opener (`Don't **you** see`, `Isn't **it**`,
    `Didn't **Harry** say`)? Straight before a verb it orders or states (`Don't worry`)."""
    word = _WORD.match(rest.lstrip(" \t*_"))
    if not word:
        return False
    text = word.group(0)
    return text[0].isupper() or text.lower() in vocabulary().question_subjects
