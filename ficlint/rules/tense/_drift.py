"""Drifts: a stretch of narration that slides into the other tense for a paragraph or more.

A paragraph has drifted when at least two characters' actions in it are in the
other tense than its scene's and its other-tense verbs outnumber the scene's ("The
butler nods and takes the coat and walks to the door." in a past-tense scene). So
has a paragraph right after one told in the scene's tense where the scene's
characters carry on in the other: two of its verbs are a character's (he, she,
they, a name, be and have included; I in a first-person story) in main clauses,
one of them an action, or, between two paragraphs told in the scene's tense, two
of he, she, I or a name without an action ("It is beautiful. He is perfect.").
A narrator's general remark has its people in clauses of their own ("when he
points with a wand", "a man who is tired") and "they" more often than anyone. A
paragraph next to a drifted one, with verbs in the other tense and none in the
scene's, carries the drift on. A stretch is a drift only where a paragraph told
mostly in the scene's tense stands within two paragraphs of it. Every finite verb of a
drifted paragraph in the other tense is a slip, whatever its subject, except the
reader addressed as "you" and a first-person narrator's asides ("I remember"). A
narrator's "we", "our" or "you" makes a paragraph commentary, not a drift, except
"you" in a past-tense second-person story (a reader-insert, where "you" does a
quarter of the scene's actions): the
tense rules hand in the verbs of any subject the tagger sees besides the analysis
layer's (ficlint/rules/tense/_tagged.py), with "will / can / 'll" of a drift into
the present.

A stretch into the present that opens the scene, before any paragraph told in
the past, at the narrator's now ("Currently, I'm in my room"), is a frame the
tale is told from, not a drift; so is one of two paragraphs or more (a scene
begun in the present that changes tense: which part is the slip is not clear). Into the past, a
stretch the next paragraph dates or leaves for the story's now ("That was a few
years ago.") was a memory, and a past verb in a sentence where a character
remembers or pictures it now ("She can almost see … as Jacob stepped") is
remembered. In a present-tense scene, a paragraph that tells of earlier
events is not a drift: one with a pluperfect ("had gone", "she'd seen"), "used
to" or a time word that opens it ("Last summer", "Years ago", "When she was
six"). There a character's past state ("she was tired") counts like an action.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import Verb
from ficlint.analysis.lexicon import PAST, PRESENT, alternatives, lexicon, phrase_pattern, words
from ficlint.analysis.scenes import ParagraphTense, Scene
from ficlint.document import RegionKind
from ficlint.rules.tense._tagged import NAME_ACTS as _NAME_ACTS
from ficlint.rules.tense._tagged import in_relative_clause, names_acting

_MIN_ACTIONS = 2
# paragraphs told wholly in the past, with no one speaking, that make a section of a present-tense
# scene (backstory, a past part after a present one) rather than a drift; into the present no length is
# enough: a past-tense story's present stretches are a narrator's descriptions as often as a writer's
# drifts (measured, see _section)
_SECTION = {PAST: 2, PRESENT: 0}
_RETURN_WITHIN = 2  # paragraphs with verbs: the scene's tense this close before or after a drift
# paragraphs told in the present that open a scene before any told in the past: the writer set out in
# the present and changed tense (which of the two is the slip is not clear), no drift to flag; one such
# paragraph is still a drift, as at the narrator's now it is a frame ("Currently, I'm in my room")
_OPENING_STRETCH = 2
_NARRATOR = re.compile(
    r"\b(?:we|us|our|ours|you|your|yours|one['’]s)\b|\b(?:the|this|our)\s+(?:author|historian)\b", re.I
)
_COUNTERFACTUAL = re.compile(
    r"\b(?:if|wish|wished|wishes|though|rather|unless)\s+(?:[\w’'-]+\s+){0,2}$", re.I
)
_PERSON_ACTS = 3  # actions of "you" (or "I") in the scene's tense: a story told in that person
_PERSON_SHARE = 4  # the person does at least a quarter of the scene's actions
_PERSON = {"you": "you", "your": "you", "yours": "you"}
_CHARACTER_SUBJECTS = frozenset(("he", "she", "they"))
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:when|whenever|if|that|because|as|before|after|while|until|till|since|though|although|where|which"
    r"|who|whom|whose|what|how|why|unless|once|than|whether|like)\s+(?:[A-Z][\w'’-]*|he|she|they|i|it|we)\s+"
    r"(?:(?:[a-z]+ly|not|never|still|also|just|always)\s+)*$", re.I)
_NAME_BEFORE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+)\s+(?:(?:still|never|not|always|already|just|also|[a-z]+ly)\s+)*$")
_LETTER = re.compile(r"[\s*_\"“]*(?:dear|my\s+dear|dearest)\b", re.I)
_SALUTATION = re.compile(  # not in italics: an italic letter is no narration in the first place
    r"[ \t]*(?:(?:[Mm]y\s+)?[Dd]ear(?:est)?\s+)?[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3},"
    r"[ \t*_]*(?:\n|$)")
_SIGN_OFF = re.compile(
    r"[ \t*_]*(?:love|lots\s+of\s+love|all\s+my\s+love|with\s+love|yours|sincerely|regards|best\s+wishes"
    r"|cheers|your\s+\w+|xoxo)\b", re.I)
_SIGN_OFF_WORDS = 5
_POSTSCRIPT = re.compile(r"[ \t*_]*P\.\s?S\.?(?=\s)")
_LETTER_MOST = 12  # paragraphs from a salutation to its sign-off
_QUOTED_BLOCK = re.compile(r"[ \t]*>")  # a markdown quote: a poem, a prophecy, a document
_QUESTION = re.compile(r"\?+[\"”’'*_)]*(?=\s|$)")
_QUESTIONS = 2
_VERSE_LINE = 50
_LINE_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’'*_)]*$")  # a line that ends its sentence
_CITES = re.compile(
    r"(?<![”\"’',]\s)(?<![”\"’',])\b(?:[Hh]e|[Ss]he|[A-Z][a-z]+|[Tt]he\s+(?:same\s+)?(?:historian|author|writer|chronicler|biographer|poet))"
    r"\s+(?:also\s+|even\s+|further\s+)?(?:declares|relates|cites|observes|records|affirms|asserts|maintains"
    r"|acknowledges|mentions|states|remarks|adds|tells\s+us|informs\s+us|complains)\b(?:,|\s+that\b|:)")
_SENTENCE_OPENING = re.compile(r"(?:.*[.!?;:—]|.*\s--)[\"”’'*_)]*\s*", re.S)  # up to the last sentence break
_PRESENT_AUX = r"(?:is|are|does|do|has|have|can|isn['’]t|aren['’]t|doesn['’]t|don['’]t|hasn['’]t|can['’]t)"
_ASKED_NOW = re.compile(  # a question in the present: "How does …", "What is it worth", "Who takes …"
    rf"[\s*_\"“]*(?:(?:what|who|how|where|why|which|when)\s+(?:[\w’'-]+\s+){{0,3}}?{_PRESENT_AUX}\b"
    rf"|(?:who|what)\s+[a-z]+s\b|{_PRESENT_AUX}\s)", re.I)
_LOOK_BACK_RUNS = 3  # paragraphs told in the past alone that a look back carries on through
_MEMORY_FRAME = re.compile(
    r"[ \t*_]*(?:(?:even\s+)?now,?\s+|still,?\s+|sometimes,?\s+)?(?:he|she|they|[A-Z][a-z]+)\s+"
    r"(?:still\s+|often\s+|sometimes\s+)?(?:remembers|recalls|thinks\s+back|looks\s+back\s+on)\b")
_LOOKING_BACK_NOW = re.compile(
    r"\b(?:remembers(?!\s+to\s)|recalls|recollects|thinks\s+back|looks\s+back\s+on|flashes\s+back"
    r"|thinks\s+(?:of|about)\s+the\s+(?:time|day|night|first|last)"
    r"|(?:mind|thoughts?|memory)\s+(?:drifts|wanders|goes|flashes|flits)\s+back)\b",
    re.I)
_RETURN_TO_NOW = re.compile(
    r"[ \t*_\"“]*(?:(?:that|this|it)\s+(?:was|had\s+been)\s+(?:[\w’'-]+\s+){0,4}?(?:ago|before|then)\b"
    r"|(?:now|nowadays|these\s+days|today|presently)\b)", re.I)
_REMEMBERING = re.compile(
    r"\b(?:remembers|recalls|recollects|pictures|imagines|dreams\s+(?:of|about)|thinks\s+(?:of|about|back)"
    r"|can\s+(?:almost\s+|still\s+|just\s+)?(?:see|feel|hear|picture|remember|recall|imagine|taste|smell)"
    r"|remembering|recalling|picturing|imagining)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’'*_)]*\s")
_SENTENCE_REACH = 300
_NOW = re.compile(r"\b(?:now|nowadays|these\s+days|to\s+this\s+day|currently|today|tonight)\b", re.I)
_PERFECT = re.compile(
    r"\b(?:has|have|hasn['’]t|haven['’]t|(?:he|she|it|I|we|they|you|there|that|who)['’](?:s|ve))\s+"
    r"(?:(?:never|not|always|already|just|ever|long|often|still|also|only|[a-z]+ly)\s+)?(?P<participle>[a-z]+)\b",
    re.I,
)
_THING_BEFORE = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y)\s+(?:[a-z][\w’'-]*\s+){0,2}"
                           r"[a-z][\w’'-]*\s+(?:(?:still|not|never|now|also|already|just|[a-z]+ly)\s+)?$")
# "It is probable that", "it is said": the narrator's comment, no thing of the scene
_IMPERSONAL_IT = re.compile(r"\s+(?:not\s+|\w+ly\s+)?(?:probable|possible|likely|unlikely|true|clear|obvious|"
                            r"certain|evident|plain|doubtful|said|known|believed|thought|supposed|taken)\b",
                            re.I)
_MODAL_BEFORE = re.compile(r"\b(?:would|could|should|might|must|may|will|shall|to)\s+$", re.I)
_PLUPERFECT = re.compile(r"\b(?:had|hadn['’]t|['’]d)\s+(?:(?:never|not|already|just|once|long|[a-z]+ly)\s+)?"
                         r"(?P<participle>[a-z]+)\b|\bused\s+to\b", re.I)


def drifted(doc: AnalyzedDocument, scene: Scene, told: Scene | None = None,
            plain: Scene | None = None, sections: set[int] | None = None) -> Iterator[Verb]:
    """The verbs of `told` (the scene with verbs of any subject, ficlint/rules/tense/_tagged.py;
    `scene` itself by default) that are in the other tense in a stretch of `scene` that drifted.
    Whether a stretch drifted is read from the analysis layer's verbs alone. The paragraphs of
    stretches long enough to be a section told in the other tense (_returned_from) are added to
    `sections`: their verbs are that section's tense, no slip."""
    if scene.tense is None:
        return
    told_paragraphs = {p.index: p for p in (told or scene).paragraphs}
    other = PRESENT if scene.tense.tense == PAST else PAST
    paragraphs = scene.paragraphs
    plain_paragraphs = {p.index: p for p in (plain or scene).paragraphs}
    persons = _persons_of_the_story(scene) if other == PRESENT else frozenset()
    marked = [_drifted(doc, p, scene.tense.tense, other, plain_paragraphs.get(p.index), persons)
              for p in paragraphs]
    for i, paragraph in enumerate(paragraphs):
        if not marked[i] and i and _leans(paragraphs[i - 1], scene.tense.tense, other):
            between = i + 1 < len(paragraphs) and _leans(paragraphs[i + 1], scene.tense.tense, other)
            marked[i] = _characters_drift(doc, paragraph, scene.tense.tense, other,
                                          plain_paragraphs.get(paragraph.index), persons, between,
                                          paragraphs[i - 1])
    # a stretch carries on through neighbouring paragraphs told in the other tense alone
    for order in (range(len(paragraphs)), range(len(paragraphs) - 1, -1, -1)):
        step = 1 if order.step == 1 else -1
        for i in order:
            j = i - step
            next_to_drift = 0 <= j < len(paragraphs) and marked[j]
            if not marked[i] and next_to_drift and _carries(doc, paragraphs[i], other, persons):
                marked[i] = True
    stretch = list(_returned_from(doc, paragraphs, marked, scene.tense.tense, other, sections))
    found = [v for paragraph in stretch for v in told_paragraphs[paragraph.index].verbs
             if v.tense == other and _slip(v)]
    found += _edges(doc, paragraphs, {p.index for p in stretch}, told_paragraphs, other, persons)
    yield from (v for v in found if other == PRESENT or not (counterfactual(doc.text, v)
                                                             or remembered(doc.text, v)))


def _edges(doc: AnalyzedDocument, paragraphs: list[ParagraphTense], drifted_at: set[int],
           told: dict[int, ParagraphTense], other: str, persons: frozenset[str]) -> Iterator[Verb]:
    """A drift begins or ends inside a paragraph as often as at its edge ("Lily leans up and kisses
    him. James decides he will propose. He didn't know …"): the verbs in the other tense that a
    drifted paragraph's neighbour ends with before it or opens with after it, up to the first one
    in the scene's tense."""
    for k, paragraph in enumerate(paragraphs):
        if paragraph.index in drifted_at:
            continue
        after_drift = k > 0 and paragraphs[k - 1].index in drifted_at
        before_drift = k + 1 < len(paragraphs) and paragraphs[k + 1].index in drifted_at
        if not (after_drift or before_drift) or _told_apart(doc, paragraph, other, persons):
            continue
        verbs = told[paragraph.index].verbs
        runs = (_run(verbs, other) if after_drift else [], _run(verbs[::-1], other) if before_drift else [])
        for run in runs:
            if any(v.acting for v in run):  # a character's action, not the narrator's remark
                yield from run


def counterfactual(text: str, verb: Verb) -> bool:
    """A past form after "if", "wish", "as though", "rather" is the subjunctive of something
    unreal ("if it were not spoken in troll", "I wish I hadn't"), right in present narration."""
    return _COUNTERFACTUAL.search(text, max(0, verb.start - 40), verb.start) is not None


def _run(verbs: list[Verb], other: str) -> list[Verb]:
    """The leading verbs in `other` tense, slips only, up to the first verb that is not."""
    run = []
    for verb in verbs:
        if verb.tense != other:
            break
        if _slip(verb):
            run.append(verb)
    return run


def _returned_from(doc: AnalyzedDocument, paragraphs: list[ParagraphTense], marked: list[bool], tense: str,
                   other: str, sections: set[int] | None = None) -> Iterator[ParagraphTense]:
    """The paragraphs of the marked stretches told beside the scene's tense: a paragraph told
    mostly in it stands close before the stretch or close after it. A long stretch with none of
    the scene's tense near it on either side is a part told in the other tense (the scene's
    tense is not clear there), not a drift that the narration slides into or out of. Nor is a
    stretch into the present that ends the scene and opens at the narrator's now ("The events
    couldn't be stopped, and now they are the celebrated tale of every household"): an epilogue."""
    leaning = [p.count(tense) > p.count(other) for p in paragraphs]
    i = 0
    while i < len(paragraphs):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(paragraphs) and marked[j + 1]:
            j += 1
        after = any(leaning[j + 1:j + 1 + _RETURN_WITHIN])
        epilogue = other == PRESENT and not any(leaning[j + 1:]) and _opens_at_now(doc, paragraphs[i])
        opens_scene = not any(leaning[:i])
        # into the past, only where the past opens the whole text: the tense the writer set out in
        opens_text = other == PAST and paragraphs[i].index == _first_told(doc)
        prologue = opens_scene and (opens_text or other == PRESENT and (
            j - i + 1 >= _OPENING_STRETCH or _opens_at_now(doc, paragraphs[i])))
        closed = other == PAST and j + 1 < len(paragraphs) and _returns_to_now(doc, paragraphs[j + 1])
        if _section(doc, paragraphs[i:j + 1], tense, other):
            if sections is not None:
                sections.update(p.index for p in paragraphs[i:j + 1])
        elif (any(leaning[max(0, i - _RETURN_WITHIN):i]) or after) and not (epilogue or prologue or closed):
            yield from paragraphs[i:j + 1]
        elif prologue and sections is not None:
            sections.update(p.index for p in paragraphs[i:j + 1])
        i = j + 1


def _first_told(doc: AnalyzedDocument) -> int:
    """The index of the text's first paragraph with a finite narration verb (-1 if none)."""
    return min(doc.memo(verbs_by_paragraph), default=-1)


def _section(doc: AnalyzedDocument, stretch: list[ParagraphTense], tense: str, other: str) -> bool:
    """Is the stretch a section told in the other tense: at least _SECTION paragraphs with no verb in
    the scene's tense, no speech from its first paragraph to its last, and not speech on both sides of
    it? A scene played out drifts with its dialogue ("Harry flushed." between speeches); backstory that
    sums up a period is told in its own tense from start to end with no one speaking."""
    if not _SECTION[other] or len(stretch) < _SECTION[other] or any(p.count(tense) for p in stretch):
        return False
    first, last = stretch[0].index, stretch[-1].index
    if any(_speech(doc, index) for index in range(first, last + 1)):
        return False
    return not (_speech(doc, first - 1) and _speech(doc, last + 1))


def _speech(doc: AnalyzedDocument, index: int) -> bool:
    """Does paragraph `index` hold speech? A stretch with speech on both sides is told in the middle
    of a conversation: the scene's moment, not a section of its own."""
    return 0 <= index < len(doc.paragraphs) and any(
        r.kind is RegionKind.DIALOGUE for r in doc.paragraph_regions(index))


def _drifted(doc: AnalyzedDocument, paragraph: ParagraphTense, tense: str, other: str,
             plain: ParagraphTense | None, persons: frozenset[str] = frozenset()) -> bool:
    slips = [v for v in paragraph.verbs if v.tense == other and _slip(v)]
    actions = sum(1 for v in slips if v.acting or other == PAST and _characters_state(v))
    counted = plain or paragraph
    outnumber = sum(1 for v in counted.verbs if v.tense == other and _slip(v)) > counted.count(tense)
    if actions < _MIN_ACTIONS or not outnumber:
        return False
    return not _told_apart(doc, paragraph, other, persons)


def _leans(paragraph: ParagraphTense, tense: str, other: str) -> bool:
    return paragraph.count(tense) > paragraph.count(other)


def _characters_drift(doc: AnalyzedDocument, paragraph: ParagraphTense, tense: str, other: str,
                      plain: ParagraphTense | None, persons: frozenset[str] = frozenset(),
                      between: bool = False, before: ParagraphTense | None = None) -> bool:
    """Right after a paragraph told in the scene's tense, one where the scene's characters carry on
    in the other: at least two such verbs of a character (he, she, they, a name, I in a first-person
    story; be and have included: "He is relieved to learn", "They have gotten engaged", "Narcissa has
    promised") in main clauses, one of them an action (or, between two paragraphs told in the scene's
    tense, two of he, she, I or a name without one), outnumbering the verbs in the scene's tense; into
    the past, not in a paragraph that looks back (_backstory). The narrator's general remarks make
    their characters kinds of people, in clauses of their own ("a man who is tired", "when he points
    with a wand", "because he is the heir of ancient migrations"), and seldom have one act."""
    slips = [v for v in paragraph.verbs if v.tense == other and _slip(v)]
    counted = plain or paragraph
    if sum(1 for v in counted.verbs if v.tense == other and _slip(v)) <= counted.count(tense):
        return False
    names = doc.memo(names_acting)
    # in present narration a relative clause opened by its pronoun subject ("the twigs he found",
    # "a wineglass they only ever brought out") tells of an earlier time
    main = [v for v in slips if (_of_character(v, persons) or after_name(doc.text, v, names))
            and not _subordinate(doc.text, v) and not (other == PAST and in_relative_clause(doc, v))]
    acts = any(v.acting and _of_character(v, persons) for v in slips)
    if len(main) < _MIN_ACTIONS:
        # beside a character's action in a main clause, the states of the scene's things carry the
        # drift as well: "As he edges around the thing, he is suddenly hit by déjà vu. It is a mirror."
        # Only of a character who acted in the paragraph before: a narrator's general remark has its
        # own kind of person ("The settled citizen believes … he gasps. It is probable that …")
        things = [v for v in slips if _thing_state(doc.text, v) and not _subordinate(doc.text, v)
                  and not (other == PAST and in_relative_clause(doc, v))]
        carried_on = before is not None and any(
            v.subject == m.subject and v.tense == tense for m in main for v in before.verbs)
        if not (acts and carried_on and other == PRESENT and len(main) + len(things) >= _MIN_ACTIONS):
            return False
    # states alone ("It is beautiful. He is perfect.") drift only between two past paragraphs,
    # and of particular characters: "they" is as often a kind of people ("they look down on")
    particular = sum(1 for v in main if v.subject != "they" and v.kind != "aux")
    if not acts and (not between or particular < _MIN_ACTIONS):
        return False
    return not _told_apart(doc, paragraph, other, persons)


def _thing_state(text: str, verb: Verb) -> bool:
    """Is the verb a form of be / have of "it" or of a particular thing ("It is a mirror", "the cool
    night air is a welcome reprieve", "her voice has gone")?"""
    if verb.kind == "subject":
        return verb.subject == "it" and not _IMPERSONAL_IT.match(text, verb.end)
    return verb.kind == "aux" and _THING_BEFORE.search(text, max(0, verb.start - 50), verb.start) is not None


def _of_character(verb: Verb, persons: frozenset[str]) -> bool:
    """A name's, he, she or they's verb; I's only in a story told in the first person (a third-person
    story's "I" is the narrator: "I profess not to know how women's hearts are won")."""
    if verb.kind == "name":
        return True
    return verb.kind == "subject" and (verb.subject in _CHARACTER_SUBJECTS or verb.subject in persons)


def after_name(text: str, verb: Verb, names: Counter[str]) -> bool:
    """Is a be / have / do form right after a character's name ("Narcissa has promised", "Sirius
    is happy")? The clause finder leaves those without a subject."""
    if verb.kind != "aux":
        return False
    m = _NAME_BEFORE.search(text, max(0, verb.start - 40), verb.start)
    return m is not None and names[m.group("name")] >= _NAME_ACTS


def _subordinate(text: str, verb: Verb) -> bool:
    """Is the verb's subject pronoun or name opened by a subordinating word ("when he points")?"""
    return _SUBORDINATE_BEFORE.search(text, max(0, verb.start - 60), verb.start) is not None


def _carries(doc: AnalyzedDocument, paragraph: ParagraphTense, other: str, persons: frozenset[str]) -> bool:
    """Verbs in the other tense and none in the scene's."""
    if any(v.tense != other for v in paragraph.verbs) or not any(_slip(v) for v in paragraph.verbs):
        return False
    return not _told_apart(doc, paragraph, other, persons)


def in_parentheses(text: str) -> bool:
    """A paragraph opened by a bracket, or closing one opened before it, is an aside ("(Later, Newt
    finds out Theseus had to knock their heads together...)"): told from another moment than the
    story's, in either tense. One that merely ends with a remark in brackets is not."""
    stripped = text.strip().strip("*_")
    closes_earlier = stripped.count(")") > stripped.count("(")  # a bracket opened paragraphs before
    return stripped.startswith(("(", "[")) or closes_earlier


def _persons_of_the_story(scene: Scene) -> frozenset[str]:
    """In a past-tense scene, "i" when it is told in the first person and "you" when the reader is
    its character: a second-person story, where "you" does things in the scene's tense ("you smiled
    at him and carried on working") as one of its main subjects, not a narrator's "you groped your
    way" now and then. A present-tense scene's "you" is as often an essay's or a play's, and a
    first-person narrator's "we" stays the narrator's voice (journals move into the present)."""
    assert scene.tense is not None
    acts = Counter(v.subject for v in scene.verbs if v.tense == scene.tense.tense and v.kind == "subject"
                   and not v.auxiliary)
    total = acts.total()
    return frozenset(p for p in ("you", "i") if acts[p] >= _PERSON_ACTS and acts[p] * _PERSON_SHARE >= total)


def _told_apart(doc: AnalyzedDocument, paragraph: ParagraphTense, other: str,
                persons: frozenset[str]) -> bool:
    """Is the paragraph told from another moment than the scene's, so no drift: an aside or a
    document (_aside), into the present a frame the past is remembered from (present_frame), into
    the past a look back (_backstory)?"""
    if _aside(doc, paragraph, persons):
        return True
    if other == PRESENT:
        return present_frame(doc, paragraph.index)
    return _backstory(doc, paragraph) or _goes_on_looking_back(doc, paragraph)


def _goes_on_looking_back(doc: AnalyzedDocument, paragraph: ParagraphTense) -> bool:
    """Does a look back begun in the paragraphs before go on here ("Harry hadn't thought much about
    Malfoy since Narcissa wrote him …" / "He walked halfway down that black gleaming brick hall …"),
    or a memory that a paragraph ended on ("She thinks back." / "Mary was her friend first …")?
    The paragraph and those between it and the look back (at most _LOOK_BACK_RUNS) are told in the
    past alone, with no present verb to bring the story back to its now."""
    verbs = doc.memo(verbs_by_paragraph)
    index = paragraph.index
    if _remembered(doc, index):
        return True
    for back in range(_LOOK_BACK_RUNS + 1):
        told = verbs.get(index - back, [])
        if not told or any(v.tense != PAST for v in told):
            return False
        if back and _looked_back(doc, index - back):
            return True
    return False


def _remembered(doc: AnalyzedDocument, index: int) -> bool:
    """Is the paragraph within _LOOK_BACK_RUNS after one where a character looks back in the present
    (_looking_back_now), with only past paragraphs or ones without verbs between ("Lily, though, they
    shut up alone.")? Its past is the memory even where it comes back to the now at its end ("Lily
    thinks she meant it as a kindness")."""
    verbs = doc.memo(verbs_by_paragraph)
    for back in range(1, min(_LOOK_BACK_RUNS, index) + 1):
        if _looking_back_now(doc, index - back):
            return True
        if any(v.tense != PAST for v in verbs.get(index - back, [])):
            return False
    return False


def _looking_back_now(doc: AnalyzedDocument, index: int) -> bool:
    """Does the paragraph's narration have a character look back in the present ("She thinks back, to
    the blurred and jerky run", "He remembers the first time", "her mind drifts back")?"""
    return any(r.kind is RegionKind.NARRATION and _LOOKING_BACK_NOW.search(doc.text, r.start, r.end)
               for r in doc.paragraph_regions(index))


def verbs_by_paragraph(doc: AnalyzedDocument) -> dict[int, list[Verb]]:
    out: dict[int, list[Verb]] = {}
    for verb in doc.finite_verbs:
        out.setdefault(verb.paragraph, []).append(verb)
    return out


def _looked_back(doc: AnalyzedDocument, index: int) -> bool:
    """A pluperfect or a look-back cue in the paragraph's text (not a time word at its start: "And
    then, he took his wife to bed." goes on with the story)."""
    para = doc.paragraphs[index]
    text = doc.text[para.start : para.end]
    return _pluperfect(text) or bool(_backstory_cues().search(text)) or look_back_adverbial(text) is not None


def present_frame(doc: AnalyzedDocument, index: int) -> bool:
    """Does the paragraph open with a character remembering in the present ("He remembers the
    feeling of that tight grip", "Albus remembers how fond he was of Gellert, even as they face each
    other now"), in a story that does so more than once or from its first paragraph? A past-tense
    story told from a present frame: the frame's present is right. One such paragraph in the middle
    of a story is as often a slip ("He remembers a time that came, when he feared")."""
    frames = doc.memo(_frame_paragraphs)
    return index in frames and (len(frames) > 1 or index == _first_prose(doc))


def _frame_paragraphs(doc: AnalyzedDocument) -> frozenset[int]:
    return frozenset(p.index for p in doc.paragraphs if p.kind is RegionKind.NARRATION
                     and _MEMORY_FRAME.match(doc.text, p.start, p.end))


def _first_prose(doc: AnalyzedDocument) -> int:
    return next((p.index for p in doc.paragraphs if p.kind is RegionKind.NARRATION), -1)


def _returns_to_now(doc: AnalyzedDocument, paragraph: ParagraphTense) -> bool:
    """Does the paragraph after a stretch in the past open by dating that stretch or by coming back
    to the story's now ("That was a few years ago.", "Now, she sits alone")? Then the stretch was a
    memory told in the past, not a drift."""
    para = doc.paragraphs[paragraph.index]
    return _RETURN_TO_NOW.match(doc.text, para.start, para.end) is not None


def remembered(text: str, verb: Verb) -> bool:
    """Is a past verb in a present-tense story inside what a character remembers or pictures now,
    earlier in its sentence ("She can almost see, in his letters, the tears in his eyes as Jacob
    stepped into the rain", "He remembers how she laughed")? What is remembered is told in the past."""
    start = max(0, verb.start - _SENTENCE_REACH)
    breaks = [m.end() for m in _SENTENCE_END.finditer(text, start, verb.start)]
    return _REMEMBERING.search(text, breaks[-1] if breaks else start, verb.start) is not None


def _opens_at_now(doc: AnalyzedDocument, paragraph: ParagraphTense) -> bool:
    """Does the paragraph's first sentence place itself at the narrator's now ("now they are",
    "these days")?"""
    para = doc.paragraphs[paragraph.index]
    first = next((s for s in doc.sentences if s.paragraph == paragraph.index), None)
    end = first.end if first is not None else para.end
    return _NOW.search(doc.text, para.start, end) is not None


def letter_paragraphs(doc: AnalyzedDocument) -> frozenset[int]:
    """The paragraphs of letters set in the story: from a salutation alone on its line ("Scorpius,",
    "Dear Mum,") to the sign-off ("Love Scorpius.", "Yours, Harry") within a few paragraphs, the
    salutation's paragraph and the next if no sign-off comes; and a postscript ("P.S. I really hope
    dad liked the letter I sent him"). A letter is told from its writer's now, in either tense."""
    found: set[int] = set()
    paragraphs = doc.paragraphs
    for i, para in enumerate(paragraphs):
        if para.kind is not RegionKind.NARRATION:
            continue
        if _POSTSCRIPT.match(doc.text, para.start, para.end):
            found.add(i)
        if not _SALUTATION.match(doc.text, para.start, para.end):
            continue
        last = min(len(paragraphs), i + _LETTER_MOST)
        end = next((j for j in range(i, last) if _signs_off(doc, paragraphs[j])), None)
        found.update(range(i, (end if end is not None else i + 1) + 1))
    return frozenset(found)


def _signs_off(doc: AnalyzedDocument, para) -> bool:  # noqa: ANN001
    lines = doc.text[para.start : para.end].strip().splitlines()
    return any(len(line.split()) <= _SIGN_OFF_WORDS and _SIGN_OFF.match(line) for line in lines[-2:])


def _aside(doc: AnalyzedDocument, paragraph: ParagraphTense, persons: frozenset[str] = frozenset()) -> bool:
    """A narrator's commentary to the reader ("we", "our", "you") or a document quoted whole: a
    letter, a diary, a song introduced by a line that ends with a colon ("This is what he read:"), a
    paragraph in brackets, a quoted block ("> They fail."); or a narrator reasoning over the story
    in the present (_reasoning).
    "You" is the character, no narrator's, in a story told in the second person (`persons`)."""
    para = doc.paragraphs[paragraph.index]
    text = doc.text[para.start : para.end]
    if _LETTER.match(text) or in_parentheses(text) or paragraph.index in doc.memo(letter_paragraphs):
        return True
    if set_apart(doc, paragraph.index) or _reasoning(doc, paragraph.index):
        return True
    for region in doc.paragraph_regions(paragraph.index):
        if region.kind is not RegionKind.NARRATION:
            continue
        for m in _NARRATOR.finditer(doc.text, region.start, region.end):
            person = _PERSON.get(m.group().lower(), "")
            if person not in persons:
                return True
    previous = doc.paragraphs[paragraph.index - 1] if paragraph.index else None
    return previous is not None and doc.text[previous.start : previous.end].rstrip().endswith(":")


def quoted_block(doc: AnalyzedDocument, index: int) -> bool:
    """A paragraph quoted with ">" (a prophecy, a poem, a document set in the story) is told from its
    own moment, in either tense; not in a text quoted all through (a story posted as one quote)."""
    para = doc.paragraphs[index]
    return _QUOTED_BLOCK.match(doc.text, para.start, para.end) is not None and doc.memo(_quoting_is_rare)


def _quoting_is_rare(doc: AnalyzedDocument) -> bool:
    """Are fewer than half the text's narration paragraphs quoted with ">"?"""
    prose = [p for p in doc.paragraphs if p.kind is RegionKind.NARRATION]
    quoted = sum(1 for p in prose if _QUOTED_BLOCK.match(doc.text, p.start, p.end))
    return 2 * quoted < len(prose)


def set_apart(doc: AnalyzedDocument, index: int) -> bool:
    """Is the paragraph a document or a source set in the narration, told from its own moment: a
    quoted block (quoted_block), verse (_verse), or a source cited in the present (_citing)?"""
    para = doc.paragraphs[index]
    return quoted_block(doc, index) or _verse(doc.text[para.start : para.end]) or _citing(doc, index)


def _verse(text: str) -> bool:
    """Verse or a song set out line by line: two lines or more, none longer than _VERSE_LINE, a sentence
    running on across a line's end ("A virgin soft and young am I, / Not yet fifteen years old;").
    Wrapped prose has long lines but its last; prose broken at its sentences ends every line."""
    lines = [line.strip() for line in text.strip().splitlines()]
    return len(lines) >= 2 and all(0 < len(line) <= _VERSE_LINE for line in lines) \
        and any(not _LINE_ENDS_SENTENCE.search(line) for line in lines[:-1])


def _citing(doc: AnalyzedDocument, index: int) -> bool:
    """Does the paragraph's narration cite a source in the present ("He declares, elsewhere, that",
    "The same historian adds that", "Esdras relates that", "Thomas Warton observes"), not as the tag of a
    speech just before it ("“Fine,” he declares, stomping off")? A historian's or a
    biographer's account of what a writer says: the present of citation, and what is cited is the
    source's, no drift of the story."""
    return any(_CITES.search(doc.text, r.start, r.end) for r in doc.paragraph_regions(index)
               if r.kind is RegionKind.NARRATION)


def _reasoning(doc: AnalyzedDocument, index: int) -> bool:
    """Does the paragraph's narration ask at least _QUESTIONS questions in the present ("How does the
    evidence substantiate it? … What is it worth?", "Who takes the pockets?")? A narrator who weighs
    the story's facts now (an essay on a trial, a biography arguing over its sources) means the
    present; a character's wondering is told in the story's tense ("Was this a joke? Had he lied?") or
    in italics ("*What's going on?*")."""
    asked = 0
    for region in doc.paragraph_regions(index):
        if region.kind is not RegionKind.NARRATION:
            continue
        start = region.start
        for m in _QUESTION.finditer(doc.text, region.start, region.end):
            opening = _SENTENCE_OPENING.search(doc.text, start, m.start())
            at = opening.end() if opening else start
            asked += not doc.in_emphasis(m.start()) and _ASKED_NOW.match(doc.text, at, m.start()) is not None
            start = m.end()
    return asked >= _QUESTIONS


def _characters_state(verb: Verb) -> bool:
    """ "Draco was fair", "she was tired": in a present-tense story a character's past state
    counts toward a drift like an action (a narrator's past comment would be about things)."""
    return verb.kind == "subject" and verb.subject in ("he", "she")


def _slip(verb: Verb) -> bool:
    if not verb.fix or verb.subject == "you":
        return False
    if verb.subject in ("i", "we"):
        return verb.word.lower().replace("’", "'").removesuffix("n't") not in lexicon().aside_verbs
    return True


def _backstory(doc: AnalyzedDocument, paragraph: ParagraphTense) -> bool:
    """Does the paragraph tell of earlier events: a pluperfect, "used to", a time word at its start,
    or a look back from the story's now (_looks_back)?"""
    para = doc.paragraphs[paragraph.index]
    text = doc.text[para.start : para.end]
    participles = lexicon().participles
    return _pluperfect(text) or bool(_time_opening().match(text)) or _looks_back(doc, paragraph, participles)


def _pluperfect(text: str) -> bool:
    participles = lexicon().participles
    return any(m.group("participle") is None or m.group("participle").lower() in participles
               or m.group("participle").lower() == "been" for m in _PLUPERFECT.finditer(text))


def _looks_back(doc: AnalyzedDocument, paragraph: ParagraphTense, participles: frozenset[str]) -> bool:
    """Does the paragraph's narration set its past verbs before the story's now: a cue such as "years
    ago", "when he first", "ever since" anywhere in it, or a present perfect before its first past
    verb ("A lot has happened since the war ended. Hermione went to Australia", "It's been a long
    time coming. He was never welcome here")? A drift into the past goes on with the scene's
    moment instead, and one that leaves a present perfect behind leaves it among its past verbs."""
    end = doc.paragraphs[paragraph.index].end
    first_past = next((v.start for v in paragraph.verbs if v.tense == PAST), end)
    for region in doc.paragraph_regions(paragraph.index):
        if region.kind is not RegionKind.NARRATION:
            continue
        if _backstory_cues().search(doc.text, region.start, region.end):
            return True
        # an adverbial of a period or point in the past frames the look back before its past verbs
        # ("For years, I helped him"); after them it dates the scene's own summary ("Remus is calmer
        # than ever; that summer he barely has a scratch")
        at = look_back_adverbial(doc.text, region.start, region.end)
        if at is not None and at <= first_past:
            return True
        for m in _PERFECT.finditer(doc.text, region.start, region.end):
            participle = m.group("participle").lower()
            modal = _MODAL_BEFORE.search(doc.text, max(region.start, m.start() - 12), m.start())
            if m.start() >= first_past or modal:
                continue  # after the past verbs, or "would have been": no present perfect
            if participle in participles or participle in ("been", "gotten"):
                return True
    return False


@cache
def _backstory_cues() -> re.Pattern[str]:
    cues = phrase_pattern(words()["backstory_cues"]).pattern
    return re.compile(cues + r"|\b(?:when|since)\s+(?:[\w’'-]+\s+){1,2}first\b", re.I)


@cache
def _look_back_adverbials() -> re.Pattern[str]:
    return re.compile(_look_back_pattern(), re.I)


_SUBJECT = r"(?:he|she|they|i|we|(?-i:[A-Z][a-z]+))"


def _look_back_pattern() -> str:
    """The look-back adverbials of rules/data/tense.yaml (`look_back`), built from their grammar: a
    preposition of duration before a span ("for years", "over the past few months"), a distal point
    ("that summer", "those first weeks"), a time noun opening a clause in the past ("the summer Petunia
    decided", "the day he left") and an age ("when he was little")."""
    data = words()["look_back"]

    def any_of(key: str) -> str:
        return alternatives(data[key]).replace(r"\ ", r"\s+")

    counts = rf"(?:(?:{any_of('span_counts')})\s+){{0,3}}"
    duration = rf"\b(?:{any_of('duration_prepositions')})\s+{counts}(?:{any_of('spans')})\b"
    distal = (rf"\b(?:{any_of('distal')})\s+(?:(?:{any_of('distal_modifiers')})\s+)?"
              rf"(?:{any_of('time_nouns')})s?\b")
    clause = (rf"\bthe\s+(?:(?:first|last|same|very)\s+)?(?:{any_of('time_nouns')})\s+(?:that\s+|when\s+)?"
              rf"{_SUBJECT}\s+(?:(?:[a-z]+ly|just|first|finally)\s+)?(?P<clause_verb>[a-z]+)\b")
    age = rf"\bwhen\s+{_SUBJECT}\s+(?:was|were)\s+(?:still\s+|just\s+)?(?:{any_of('ages')}|\d+)\b"
    return "|".join((duration, distal, clause, age))


def looks_back_itself(text: str, verb: Verb) -> bool:
    """Is a past verb set before the story's now by an adverb right before it ("he once told me", "what
    she already knew", "the best he ever had"), or by "just" in a clause of its own ("what he just
    saw"; "he just stared" is the scene's)?"""
    m = _earlier_before().search(text, max(0, verb.start - 20), verb.start)
    if m is None:
        return False
    return m.group("adverb").lower() != "just" or _subordinate(text, verb)


@cache
def _earlier_before() -> re.Pattern[str]:
    """An adverb of tense.yaml's look_back.earlier_adverbs, or "just", right before a verb."""
    adverbs = "|".join(re.escape(word) for word in [*words()["look_back"]["earlier_adverbs"], "just"])
    return re.compile(rf"\b(?P<adverb>{adverbs})\s+$", re.I)


def look_back_adverbial(text: str, start: int = 0, end: int | None = None) -> int | None:
    """Where the first look-back adverbial of text[start:end] begins (_look_back_pattern), a time
    noun's clause only with its verb in the past ("the day he left", not "the day he leaves")."""
    past = lexicon().past_forms
    for m in _look_back_adverbials().finditer(text, start, len(text) if end is None else end):
        verb = m.group("clause_verb")
        if verb is None or verb.lower() in past:
            return m.start()
    return None


@cache
def _time_opening() -> re.Pattern[str]:
    cues = phrase_pattern(words()["flashback_markers"] + words()["backstory_openings"])
    return re.compile(r"[\s*_\"“]*(?:[\w’'-]+\s+){0,3}?(?:" + cues.pattern + ")", re.I)
