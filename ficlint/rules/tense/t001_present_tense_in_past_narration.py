"""T001 present-tense-in-past-narration: a present-tense verb in narration told in the past.

Policy (shared with T002, judged in ficlint/rules/tense/_judge.py; the verbs and
the scenes' tenses come from the analysis layer, ficlint/analysis/clauses.py and
scenes.py). In a past-tense scene a present-tense verb is flagged when:
- it is coordinated with a past verb ("the wind blew and check her");
- a character (he, she, a name, a particular thing: "the bar", "her hands")
  does it in a sentence that also has a past verb ("She looked around and sees
  him"), or in a sentence of its own between sentences told in the past;
- it is "there is / it is / that's" beside a character's past action, or
  "There is another pause." alone between past sentences; "they are" in a
  sentence where they also act in the past; "is / are" + an -ing form as the
  one present verb in a paragraph told in the past, whatever the subject;
- it is a relative clause about a particular character in the progressive or
  perfect ("Gus, who is convulsed with laughter");
- a particular thing does it (a definite noun phrase that opens a clause and
  that the tagger reads as a verb's subject: "The blade catches the light",
  "the horse in the far paddock tosses its head") beside a past verb or between
  past sentences, as the only present subject of its sentence;
- "it" does something ("It takes him two tries", "it seeps between his ribs") as the only
  present verb of a sentence with a past verb or between past sentences (not "it seems / means /
  matters", tense.yaml `impersonal_it_verbs`, nor a maxim "it takes courage to");
- in a past scene told in the first person, "I" acts in the present like "he" would ("I pull the
  box out and opened it"; not the teller's now: "I remember", "I love that", tense.yaml
  `narrator_now_verbs`, nor a future beside will / 'll);
- "is / has" follows the name of a character who acts in the story ("Draco has half a mind to");
- "it is / there are" stands in a main clause joined by and / but / ; / : / a dash to a clause told
  in the past ("It is faint, but it was there", "The term was quiet; there are no attacks");
- an "as / while" clause after a speech or thought tag is narration, not the reported words
  ("Sirius thought as he kicks the shell");
- a character's present state or act reported after a past verb of knowing, alone in the present
  in its sentence ("The day Remus realized he is bisexual"; tense.yaml `backshift_thought_verbs`),
  not after a verb of saying ("he said he is from Ohio" may still hold);
- a thing or a name acts after a subordinating conjunction ("When the silence stretches"), a name
  of two or three words acts ("Draco Malfoy comes in"), or a thing's -s form that may be a plural
  noun is followed by what a verb takes ("The old man looks tired", "Remus says, sounding").
A paragraph that drifted (ficlint/rules/tense/_drift.py) has every finite verb
flagged, whatever its subject: pronouns, names, noun phrases, relative clauses,
verbs after "and" or a comma with no subject of their own, "will / can / 'll".
A paragraph has drifted when two characters act in it in the present, or when,
right after a paragraph told in the past, the scene's characters carry on in the
present in main clauses (he, she, they, a name, be and have included: "He is
relieved. They are going to drive to the city"; beside the action of a character
of the paragraph before, the states of "it" and of particular things count too:
"As he edges around the table, he is hit by a strange feeling. It is a mirror.";
I only in a first-person story, "you" only in a second-person one).
Left alone: dialogue, italic or bold stretches, author's notes, headings,
indented blocks, marked flashbacks; a ">" quoted block (unless the whole text is quoted), verse set
out in short lines, a source cited in the present ("He declares, elsewhere, that", "The same
historian adds that"), a narrator weighing the story's facts with questions in the present ("How
does the evidence support it? What is it worth?"), a songfic's part after a lyric line of its own;
letters (from a salutation such as "James," or
"Dear Mum," to the sign-off, and a P.S.), paragraphs in brackets, a present frame
the story's past is remembered from ("He remembers the feeling of that tight grip",
in two paragraphs or the first), an epilogue that ends the scene at the narrator's
now ("and now they are the celebrated tale of every household"), a present opening
at the narrator's now before any paragraph of the scene told in the past (a
diary-like "Currently, I'm in my room …" before the tale); the timeless present (a sentence with no
past verb, generic subjects and words, several present verbs in one statement,
the narrator speaking to the reader); a present verb of seeming or a reporting
passive before a perfect infinitive, the narrator's judgement now of an earlier event
("Napoleon seems to have got on better", "he is said to have challenged");
reported speech or thought ("She knew the
earth is round"), thought after its tag ("Well, he thought, Remus is going to be mad") and free
indirect thought; first-person asides ("I still
remember"); comparisons, "as if", conditions, impersonal comments, set phrases,
asides in parentheses or dashes, questions; would / could futures in the past;
the narrator's general remarks: a pronoun opening a relative or "what" clause
("the talents they possess", "what he says"), a character's present beside a
kind of person's ("when a millionaire gives carte blanche he usually gets it"),
a thing's or an unclear subject's present that is not in the story's moment
(stative "the Arab has a good fund of curiosity", "nothing is so easy"; but "her
voice has gone hoarse" is a slip); plural nouns the tagger reads as nouns
("ladders and tools"), adverbs it reads after a pronoun ("since they last played"), "they're / it's"
as possessives ("They're destiny was"), and anything the tagger does not read as a verb; a kind
of people's "when they" clause ("used by women when they travel");
generic subjects (a plural without a determiner, "a / every / no" phrases).
A narrator who speaks in the present all through a long text (ficlint/rules/tense/_register.py:
present statements in 30% or more of its stretches of about 2,000 words) is believed to mean a present verb
unless it is a character's verb and the only present one in a paragraph of past events, or a
drifted paragraph stands alone between paragraphs told in the past; the rest of such a text's
findings go to the opt-in rule T003.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import PAST
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.tense._judge import FIX_SAFETY, findings
from ficlint.rules.tense._register import (
    FACTS,
    MIN_STRETCHES,
    present_register,
    split,
    stretches_with_present,
)

RULE = Rule(
    id="T001",
    name="present-tense-in-past-narration",
    category="tense",
    summary="A present-tense verb in narration that is otherwise told in the past tense.",
    why=(
        'Narration that slips from the past into the present ("the wind blew and check her reflection") '
        "jolts the reader out of the story. ficlint takes each scene's tense from the majority of its "
        "narration's finite verbs and flags a present-tense verb in a sentence that also uses the past, or "
        "a character's or a particular thing's present-tense action between past-tense sentences ('The blade "
        "catches the light', 'It takes him two tries'; in a first-person story 'I pull the box out'); "
        "'it is' or 'there are' in a clause joined to a past one ('It is faint, but it was there'); "
        "a character's present state after a past verb of knowing ('Remus realized he is bisexual'); "
        "when a whole paragraph has drifted into the present (characters' actions, or "
        "the characters carrying on in the present right after a paragraph told in the past), "
        "every verb of it is flagged, whatever its subject, modals included. It leaves dialogue, "
        "italic thoughts, chat lines, letters, a narrator's commentary to the reader, timeless statements "
        'about things, reported speech ("She knew the earth is round"), timeless generalisations and the '
        'narrator\'s general remarks ("the talents they possess", "when a millionaire gives carte blanche he '
        'usually gets it"), the narrator\'s judgement now of an earlier event ("she seems to have been '
        'satisfied", "he is said to have challenged"), first-person asides ("I still remember") and '
        'would/could futures alone. In a long text whose narrator speaks in the present all through it '
        "(general truths, portraits, asides, historic-present set pieces), only a character's verb that is "
        "the only present one in a paragraph of past events, or a drifted paragraph alone between past "
        "ones, is flagged; T003 (off by default) has the rest."
    ),
    examples=examples(
        (
            "She was cold. She pulled her dress down as the wind blew and check her reflection in the "
            "window. She smiled at what she saw.",
            "She was cold. She pulled her dress down as the wind blew and checked her reflection in the "
            "window. She smiled at what she saw.",
        ),
        (
            "It was late and she was tired. Karen walked to the bar. There are no velvet ropes at SouthPaw, "
            "and that's just the way she liked it. She ordered a martini.",
            "It was late and she was tired. Karen walked to the bar. There were no velvet ropes at SouthPaw, "
            "and that was just the way she liked it. She ordered a martini.",
        ),
        (
            "He waited by the door for an hour. He was tired and hungry. Then he walks to the car and drove "
            "away. The rain had stopped.",
            "He waited by the door for an hour. He was tired and hungry. Then he walked to the car and drove "
            "away. The rain had stopped.",
        ),
    ),
    allows=(
        "She pulled her dress down as the wind blew and checked her reflection in the window.",
        '"I know you feel it too," she said. She walked away and did not look back.',
        "He knew that the earth is round. He said nothing about it and went home.",
        "I was nine that summer. I still remember the smell of the river. We swam every day.",
        "She would leave in the morning. He could see it in her eyes, and he turned away.",
        "She walked home. *He is never going to change,* she thought. She locked the door.",
    ),
    fix_safety=FIX_SAFETY,
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    return iter(judged(doc, ctx)[0])


def judged(doc: AnalyzedDocument, ctx: Context) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """T001's findings, and those a narrator's present register leaves to T003 (worked out once
    for both rules)."""
    register = ctx.facts(FACTS.name)
    if not isinstance(register, bool):  # no manuscript facts gathered: this text alone
        stretches = int(ctx.config.option("tense", "register-stretches", MIN_STRETCHES))
        register = present_register(stretches_with_present(doc), stretches)
    return doc.memo(_judged_with(register))


@cache
def _judged_with(register: bool) -> Callable[[AnalyzedDocument], tuple[list[Diagnostic], list[Diagnostic]]]:
    def judge(doc: AnalyzedDocument) -> tuple[list[Diagnostic], list[Diagnostic]]:
        return split(doc, list(findings(doc, RULE, PAST)), register)

    return judge
