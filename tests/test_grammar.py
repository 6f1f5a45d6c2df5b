"""Grammar (G001–G012) on text they must flag, with the fix, and text they must leave alone:
characters' dialect in dialogue, fiction's deliberate fragments, refrains, British collective
nouns, participles that describe, and the story's own names."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import flagged, lint, run_cli

from ficlint.diagnostics import Diagnostic


def fixed(text: str, rule: str) -> str:
    """The text with the first fix of each of the rule's findings applied."""
    diags: list[Diagnostic] = [d for d in lint(text, rule) if d.rule == rule and d.fixes]
    for d in sorted(diags, key=lambda d: d.fixes[0].start, reverse=True):
        fix = d.fixes[0]
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text


# -- G001 past for participle -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Harry had saw a glimmer of hope.", "Harry had seen a glimmer of hope."),
        ("She had already went to bed.", "She had already gone to bed."),
        ("It was the room he had just came from.", "It was the room he had just come from."),
        ("They must have ran all the way.", "They must have run all the way."),
        ("Having ate, she slept.", "Having eaten, she slept."),
        ("Ron hasn't spoke to him since.", "Ron hasn't spoken to him since."),
    ],
)
def test_past_after_have_takes_the_participle(text, want):
    assert fixed(text, "G001") == want


@pytest.mark.parametrize(
    "text",
    [
        "Everything he had went to his sister.",
        "All the money they had came from the Ministry.",
        '"I had went there before," Hagrid said.',  # a character's own voice
        "He had woke early and had forgot the time.",  # pasts dictionaries accept as participles
        "She had rose petals in her hair.",
        "He had dreamed of it; she had sprung up.",
    ],
)
def test_past_after_have_left_alone(text):
    assert flagged(text, "G001") == []


def test_fix_is_safe_only_where_the_past_is_no_noun():
    [saw] = lint("Harry had saw a glimmer.", "G001")
    [went] = lint("Harry had went home.", "G001")
    assert not saw.fixes[0].safe and went.fixes[0].safe


# -- G002 base form after modal, do, to --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("It could coiled around his arm.", "It could coil around his arm."),
        ('"Why didn\'t you came earlier?"', '"Why didn\'t you come earlier?"'),
        ("He didn't really wanted to go.", "He didn't really want to go."),
        ("Only then did he realized the truth.", "Only then did he realize the truth."),
        ("Tom has come to known him.", "Tom has come to know him."),
        ("He wanted to spent time with her.", "He wanted to spend time with her."),
        ("She didn't knew the answer.", "She didn't know the answer."),
    ],
)
def test_base_form_after_auxiliaries(text, want):
    assert fixed(text, "G002") == want


@pytest.mark.parametrize(
    "text",
    [
        "What he did changed everything.",
        "Whether he did or didn't mattered little.",
        "He went back to broken glass and spilt wine.",
        "She seemed to bore into his soul.",  # bore: a verb of its own
        "He didn't used to like it.",
        "His will turned to steel. May smiled. The can rolled away.",
        "The sheer force of will required to resist it is rare.",
        "He could have coiled the rope.",
        '"You ought to gone home," said Gran.',  # a speaker's "to have gone"
        "She felt an attraction to grown-up Malfoy.",
        "Whoever it belonged to knew what they were doing.",
    ],
)
def test_base_form_left_alone(text):
    assert flagged(text, "G002") == []


# -- G003 let, make, see + bare infinitive -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He let himself to relax.", "He let himself relax."),
        ("It made his heart to clench.", "It made his heart clench."),
        ("He heard her spoke softly.", "He heard her speak softly."),
        ("It makes Petunia clenches her fists.", "It makes Petunia clench her fists."),
        ("He let his emotion guided him.", "He let his emotion guide him."),
    ],
)
def test_bare_infinitive(text, want):
    assert fixed(text, "G003") == want


@pytest.mark.parametrize(
    "text",
    [
        "He was made to wait outside.",
        "She made it to work on time.",
        "They made an effort to smile.",
        "He made his way to stand beside her.",
        "It made him tired.",
        "I heard you defended my honour.",  # a clause, "that" left out
        "The man who saw him went to the police.",
        "She helped him to stand.",
        "As happy as it made them to see him, they said nothing.",
    ],
)
def test_bare_infinitive_left_alone(text):
    assert flagged(text, "G003") == []


# -- G004 agreement in narration ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The medicine weren't working.", "The medicine wasn't working."),
        ("He don't care about Quidditch.", "He doesn't care about Quidditch."),
        ("They was late again.", "They were late again."),
        ("It's not Lily who help their mother.", "It's not Lily who helps their mother."),
        ("His grades has begun to slip.", "His grades have begun to slip."),
    ],
)
def test_agreement_in_narration(text, want):
    assert fixed(text, "G004") == want


@pytest.mark.parametrize(
    "text",
    [
        '"He don\'t know nothing," Hagrid said.',
        '"We was robbed!" shouted Ron.',
        '"Ain\'t nobody here," she says. "They was all gone."',
        "If it were up to him, they would leave. She wished he were here.",
        "She insisted that he go home.",
        "The team were celebrating. The police were called. The sheep were grazing.",
        "He and she were friends.",
        "Did he know? Does she care?",
        "She made it happen.",
        "Where her feet are going, the snowmen were melting.",
        "How dare he come here!",
        "In case she were to find out, he hid it.",
        "He avoided blonde girls in Toronto who claim not to know him.",
        "How'd she even get it? And didnt he do the same before?",
        "She skim-read the letter.",
        "He stood there, wishing, as he did every year, that it weren't made of ice.",
        "It's time he get James home.",
        "It was a half-hearted effort, though James'll admit it.",
        "The condition was that he reach his fifth anniversary.",
        "God bless the Prewetts. Merlin help us all.",
        '"Please?" Dracula and Lisa exchanged looks.',
    ],
)
def test_agreement_left_alone(text):
    assert flagged(text, "G004") == []


def test_agreement_is_quiet_in_italic_thoughts():
    assert flagged("She looked up. *He don't care.* She sighed.", "G004") == []


# -- G005 possessive without apostrophe --------------------------------------------------------------


def test_a_name_the_story_writes_with_an_apostrophe_elsewhere():
    text = (
        "Tom’s nails were bitten. Tom smiled, and Tom laughed at Tom’s joke. "
        "Harry bumped into Toms shoulder, then leaned his head on Toms."
    )
    assert flagged(text, "G005") == ["Toms", "Toms"]
    assert fixed(text, "G005").endswith("bumped into Tom’s shoulder, then leaned his head on Tom’s.")


def test_an_owner_noun_without_its_apostrophe():
    assert flagged("She kissed the boys forehead. He sat at his friends house.", "G005") == [
        "boys",
        "friends",
    ]
    assert fixed("They held each others hands.", "G005") == "They held each other's hands."


@pytest.mark.parametrize(
    "text",
    [
        "They drove the sports car to the Potions class.",
        "Tom's owl hooted. The Toms of this world never learn.",
        "James car was parked outside.",
        "He gave the boys dinner.",
        "Andrews' sister came. Andrews answered the door.",
        "The other teachers gossip about it.",
        "The dogs waiting by the door barked.",
        "Would the students notice?",
    ],
)
def test_possessive_left_alone(text):
    assert flagged(text, "G005") == []


# -- G006 lie / lay, rise / raise -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He found Remus laying on the floor.", "He found Remus lying on the floor."),
        ("She laid down on the bed.", "She lay down on the bed."),
        ("Harry laid awake in his bed.", "Harry lay awake in his bed."),
        ("He rose his eyebrows.", "He raised his eyebrows."),
        ("He lied down on the couch.", "He lay down on the couch."),
    ],
)
def test_lie_lay(text, want):
    assert fixed(text, "G006") == want


@pytest.mark.parametrize(
    "text",
    [
        '"I\'m gonna lay down for a bit," she said.',
        "He laid down his sword.",
        "The hen was laying eggs.",
        "The book was laid on the table.",
        "She rose to her feet.",
        "He lied on his application.",
        "Laying the table, she hummed.",
        "He studied the enchantment he was laying upon the old clock.",
    ],
)
def test_lie_lay_left_alone(text):
    assert flagged(text, "G006") == []


# -- G007 repeated phrases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He caught sight of the sight of Tom's nails.", "He caught sight of Tom's nails."),
        ("He said into the said in to the phone.", "He said into the said in to the phone."),
        ("He said in to the said in to the phone.", "He said in to the phone."),
        ('"Not only was my mother was a despicable woman."', '"Not only was my mother a despicable woman."'),
        ("They will be no doubt be spending the night.", "They will no doubt be spending the night."),
        ("She was silently watching silently.", "She was silently watching."),
    ],
)
def test_repeated_phrase(text, want):
    assert fixed(text, "G007") == want


@pytest.mark.parametrize(
    "text",
    [
        '"Come on come on come on," she muttered.',
        "What it was was a dream.",
        "The more the merrier.",
        "Over and over and over, the clock ticked.",
        "His chest is heaving, up and down up and down, getting heavier.",
        "It spun round and round and round.",
        "The problem was the car was broken.",
        "From time to time to pass the hours he read.",
        "He laughed and laughed and laughed.",
        "Slowly, slowly, he crept forward.",
        "He tried to quickly work out how quickly he could run.",
        "*Hold on to me 'cause I'm a little unsteady A little unsteady*",
    ],
)
def test_repeated_phrase_left_alone(text):
    assert flagged(text, "G007") == []


# -- G008 double comparison --------------------------------------------------------------------------


def test_double_comparison():
    assert (
        fixed("With the more clearer mind, the most happiest day.", "G008")
        == "With the clearer mind, the happiest day."
    )


@pytest.mark.parametrize(
    "text",
    ['"This one is more better!" the girl said.', "One more stranger came.", "I'll tell you more later."],
)
def test_double_comparison_left_alone(text):
    assert flagged(text, "G008") == []


# -- G009 participle for past ------------------------------------------------------------------------


def test_participle_for_past():
    assert fixed("A worried voice rung out. He drunk his tea. Harry begun to laugh.", "G009") == (
        "A worried voice rang out. He drank his tea. Harry began to laugh."
    )


@pytest.mark.parametrize(
    "text",
    [
        '"I seen him do it," said Stan.',
        "The bell rung by the monks was cracked.",
        "He was drunk by noon.",
        "Her heart sunk.",
        "A wine drunk smile.",
    ],
)
def test_participle_for_past_left_alone(text):
    assert flagged(text, "G009") == []


# -- G010 pronoun case, G011 missing subject, G012 infinitive or gerund ----------------------------------


def test_pronoun_case():
    assert fixed("She knew that her and Harry were done.", "G010") == "She knew that she and Harry were done."
    assert fixed("She shook him shoulders.", "G010") == "She shook his shoulders."
    assert flagged('"Me and him went down the pub," said Stan.', "G010") == []
    assert flagged("She stood between him and Harry. They gave him hands full of sweets.", "G010") == []


def test_missing_subject():
    assert flagged("He sank into the embrace as begins to drift.", "G011") == ["begins"]
    for text in (
        "The list is as follows.",
        "She laughed, as did Harry.",
        "Because isn't that what we are?",
        "He left, as was his habit.",
        "He looked sad, though didn't make a sound.",
        "Because he could. Because nobody stopped him.",
    ):  # deliberate fragments
        assert flagged(text, "G011") == [], text


def test_infinitive_or_gerund():
    assert fixed("They enjoyed to travel.", "G012") == "They enjoyed traveling."
    assert fixed('"I am going apparate us."', "G012") == '"I am going to apparate us."'
    assert flagged("He kept to himself. He was going home. They were going shopping.", "G012") == []


# -- the family as a whole -----------------------------------------------------------------------------


FRAGMENTS = """The door. The dark. Then nothing.

Silence. Footsteps on the stair, slow, slower. A breath held.

"Me and him? Never. We was just mates," Ron said. "He don't care, neither."

Because he could. Because nobody had ever told him no.
"""


def test_deliberate_fragments_and_dialogue_dialect_are_left_alone():
    assert [d.rule for d in lint(FRAGMENTS, "G")] == []


def test_the_cli_reports_and_fixes_grammar(tmp_path: Path):
    chapter = tmp_path / "ch1.md"
    chapter.write_text("Harry had went home. The medicine weren't working.\n", encoding="utf-8")
    result = run_cli("check", "--no-cache", "--select", "G", str(chapter))
    assert "warning[G001]" in result.stdout and "warning[G004]" in result.stdout
    assert run_cli("check", "--no-cache", "--select", "G", "--fix", str(chapter)).code == 0
    assert chapter.read_text(encoding="utf-8") == "Harry had gone home. The medicine wasn't working.\n"
