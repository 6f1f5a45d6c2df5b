"""Tense drift (T001, T002): slips in past and present narration, and the many
correct shifts of tense that must be left alone."""

from __future__ import annotations

import pytest

from tests.conftest import flagged, lint, run_cli

PAST_BEFORE = "Karen was tired. She walked into the bar and she ordered a drink. She waited for a while."
PAST_AFTER = "Then she finished her drink and she left."
PRESENT_BEFORE = "Karen is tired. She walks into the bar and she orders a drink. She waits for a while."
PRESENT_AFTER = "Then she finishes her drink and she leaves."


def in_past(sentence: str) -> str:
    return f"{PAST_BEFORE} {sentence} {PAST_AFTER}"


def in_present(sentence: str) -> str:
    return f"{PRESENT_BEFORE} {sentence} {PRESENT_AFTER}"


# -- slips that must be found -------------------------------------------------


@pytest.mark.parametrize(
    "sentence, slip",
    [
        ("She pulled her dress down as the wind blew and check her reflection in the window.", "check"),
        ("There are no velvet ropes at SouthPaw, and that's just the way she liked it.", "are"),
        ("She looked around and sees him at the far end of the room.", "sees"),
        ("He came over, and she smiles at him before she turned away.", "smiles"),
        ("She walks to the window.", "walks"),
        ("Karen smiled when Dev sits down beside her.", "sits"),
        ("The music was loud and her head is pounding.", "is"),
        ("She was tired, and she has no idea what to say.", "has"),
        ("They are camel-men, but they sat their camels like soldiers.", "are"),
        ("They are dreadful beings, indeed, and longed to reach the city.", "are"),
        ("A council of war is being held beside the wells, and the two men waited.", "is"),  # in progress
        ("A small body of men are riding towards them.", "are"),
    ],
)
def test_present_tense_slips_in_past_narration_are_flagged(sentence, slip):
    assert slip in flagged(in_past(sentence), "T001")


@pytest.mark.parametrize(
    "sentence, slip",
    [
        ("She opens the door and walked out into the rain.", "walked"),
        ("He looked at his watch.", "looked"),
        ("She stands up, she turned to the window and stares at the rain.", "turned"),
    ],
)
def test_past_tense_slips_in_present_narration_are_flagged(sentence, slip):
    assert slip in flagged(in_present(sentence), "T002")


def test_the_fix_is_the_form_the_scene_wants():
    text = in_past(
        "She pulled her dress down as the wind blew and check her reflection in the window. "
        "There are no velvet ropes at SouthPaw, and she liked it."
    )
    fixes = {text[d.start : d.end]: d.fixes[0] for d in lint(text, "T001")}
    assert fixes["check"].replacement == "checked"
    assert fixes["are"].replacement == "were"
    assert not fixes["check"].safe


def test_the_message_says_the_scene_tense_and_how_sure():
    [finding] = [d for d in lint(in_past("She walks to the window."), "T001")]
    assert "past tense" in finding.message
    assert "sure" in finding.message
    assert finding.confidence is not None and 0 < finding.confidence < 1


def test_each_scene_has_its_own_tense():
    past_scene = in_past("She looked out of the window.")
    present_scene = in_present("She looks out of the window.")
    text = f"{past_scene}\n\n* * *\n\n{present_scene}\n\n* * *\n\n{in_past('She walks to the window.')}"
    assert flagged(text, "T001") == ["walks"]
    assert flagged(text, "T002") == []


# -- correct text that must be left alone -------------------------------------

PAST_ALLOWED = [
    '"I know you feel it too," she said quietly.',  # present-tense dialogue
    '"Is he here?" she asked. "He never comes on Mondays."',
    "She knew that the earth is round.",  # reported speech / thought
    "He told her that he loves her.",
    "She said she is tired of waiting.",
    "She wondered whether he has any idea.",
    "She would leave in the morning, and he could do nothing about it.",  # futures in the past
    "Tomorrow she would tell him everything.",
    "*He is never going to change,* she thought.",  # italic thoughts
    "_This is the best night of my life,_ she thought.",
    "Men are like that.",  # timeless truths in a sentence of their own
    "Water boils at a hundred degrees.",
    "It is a truth universally acknowledged that a single man wants a wife.",
    "People always say that first love is the hardest.",
    "Where is he? she wondered.",  # free indirect thought
    "She is right, he thought.",
    "He was, as it were, a stranger in his own house.",  # set phrases
    "It seems a pity that he never came back.",
    "It was a small town (the town is still there today) and she loved it.",  # an aside in parentheses
    "She could not remember when the last bus leaves.",
    "She lit a candle, as one does when the power fails.",
    "The phantom of bigness, which London encourages, was laid for ever.",
    "Everything was quiet, as it always is before a storm.",
    "It was taller than he is.",
    "She smiled at the barman, who knows everyone in town.",
    "They are a proud people in the hills.",  # "they" with no past action of theirs
    "Such things are irritating, and she hated them.",  # an -ing adjective, not a progressive
    "Money is not everything.",  # a noun in -thing, not a progressive
]


@pytest.mark.parametrize("sentence", PAST_ALLOWED)
def test_correct_sentences_in_past_narration_are_not_flagged(sentence):
    assert flagged(in_past(sentence), "T001") == []


def test_first_person_retrospective_asides_are_not_flagged():
    text = (
        "I was nine that summer. I still remember the smell of the river. We swam every day and "
        "I think we were happy. I know now that it could not last. My father worked at the mill."
    )
    assert flagged(text, "T001") == []


def test_a_marked_flashback_is_not_flagged():
    text = (
        f"{PAST_BEFORE}\n\nFlashback: She is seven and her father lifts her onto the wall.\n\n{PAST_AFTER} "
        "She went home and slept."
    )
    assert flagged(text, "T001") == []


def test_headings_and_authors_notes_are_not_flagged():
    text = (
        "A/N: This is my first fic and I hope you like it! Reviews are welcome.\n\n"
        "Chapter One - Where She Goes\n\n"
        f"{PAST_BEFORE} {PAST_AFTER}\n\nA/N: Thanks for reading, I love you all."
    )
    assert flagged(text, "T001") == []


def test_present_dialogue_in_past_narration_is_not_flagged():
    text = (
        'Karen looked at him for a long time.\n\n"You never listen," she said. "You just don\'t. '
        'Everyone knows it."\n\nHe shrugged and turned away. She picked up her bag and left.'
    )
    assert flagged(text, "T001") == []


PRESENT_ALLOWED = [
    "She reads the letter he wrote the night before he left.",  # earlier events
    "Yesterday she waited for hours, and today she waits again.",
    '"I waited for hours," she says.',
    "She remembers how he smiled at her.",
    "He was her first love, and she knows it.",
]


@pytest.mark.parametrize("sentence", PRESENT_ALLOWED)
def test_correct_sentences_in_present_narration_are_not_flagged(sentence):
    assert flagged(in_present(sentence), "T002") == []


def test_present_tense_narration_is_not_flagged_as_a_slip_of_the_past():
    text = in_present("She looks out of the window. The street is empty and the rain falls.")
    assert flagged(text, "T001") == []


# -- the real command line ---------------------------------------------------


def test_cli_reports_tense_slip_with_unsafe_fix(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("# Chapter One\n\n" + in_past("She walks to the window.") + "\n", encoding="utf-8")
    result = run_cli("check", "--select", "T", "--format", "json", "--no-cache", str(chapter))
    [file] = result.json()["files"]
    [diagnostic] = file["diagnostics"]
    assert diagnostic["rule"] == "T001"
    assert diagnostic["category"] == "tense"
    assert "past tense" in diagnostic["message"]
    text = run_cli("check", "--select", "T", "--no-cache", str(chapter)).stdout
    assert "walked" in text


def test_the_fix_keeps_the_slipped_verbs_case():
    text = ("She pulled her dress down as the wind blew and check her reflection. She smiled at the "
            "mirror and turned away. Then she walked out.\n\nHe LOOKS at the clock, then left the room. "
            "He waited outside for an hour and walked home.\n")
    fixes = {text[d.start:d.end]: d.fixes[0].replacement for d in lint(text, "T") if d.fixes}
    assert fixes == {"check": "checked", "LOOKS": "LOOKED"}


# -- drifts: whole paragraphs that slide into the other tense ---------------------------

PAST_SCENE = (
    "The butler opened the door. He looked at the rain and frowned. Lady Ashcombe came down the stairs "
    "and asked for her coat. She waited by the fire.\n\n"
    "Outside, the carriage stood in the yard. The driver climbed down and opened the door for her. "
    "She thanked him and climbed inside.\n\n"
    "The horses stamped in the cold. She pulled her shawl closer and looked back at the house. She sighed. "
    "He stood on the step and watched her go.\n\n"
)
DRIFTED = "He nods and takes the coat. He walks over and opens the door. She smiles at him.\n\n"
PAST_END = "The carriage rolled away. The butler closed the door and went back to the kitchen.\n"


def test_every_verb_of_a_drifted_paragraph_is_flagged_with_its_fix():
    text = PAST_SCENE + DRIFTED + PAST_END
    found = lint(text, "T001")
    flagged_words = [text[d.start:d.end] for d in found]
    assert flagged_words == ["nods", "takes", "walks", "opens", "smiles"]
    assert all("this paragraph has drifted into the present" in d.message for d in found)
    assert [d.fixes[0].replacement for d in found] == ["nodded", "took", "walked", "opened", "smiled"]


def test_a_drift_in_a_present_tense_story_is_flagged():
    present = (
        "Luna wakes early. She wipes her eyes and slides out of bed. Luna makes her way down to the common "
        "room and avoids the trick step. She hums to herself.\n\n"
        "The common room is empty. She pats the door knocker and steps into the hall. She walks slowly "
        "and looks at the paintings.\n\n"
    )
    drift = "Luna turned a corner and ran into someone. She landed on the floor and gasped.\n\n"
    after = "Harry helps her up. She smiles and thanks him.\n"
    text = present + drift + after
    assert flagged(text, "T002") == ["turned", "ran", "landed", "gasped"]


def test_a_narrators_present_commentary_is_not_a_drift():
    text = (
        PAST_SCENE
        + "We are not concerned with the very poor. They are unthinkable, and one hardly speaks of them. "
        "Our story deals with gentlefolk.\n\n"
        + PAST_END
    )
    assert flagged(text, "T001") == []


def test_a_letter_introduced_with_a_colon_is_not_a_drift():
    text = (
        PAST_SCENE
        + "He opened the letter and read:\n\n"
        + "Dear Tom, I write to you from the coast. He walks on the beach every day "
        + "and she paints the sea.\n\n"
        + PAST_END
    )
    assert flagged(text, "T001") == []


def test_present_tense_backstory_with_a_pluperfect_is_not_a_drift():
    text = (
        "Luna wakes early. She wipes her eyes and slides out of bed. Luna makes her way down to the common "
        "room and avoids the trick step. She hums to herself.\n\n"
        "The common room is empty. She pats the door knocker and steps into the hall. She walks slowly "
        "and looks at the paintings.\n\n"
        "Her mother had taught her the song. She sang it every night and Luna listened.\n\n"
        "Harry helps her up. She smiles and thanks him.\n"
    )
    assert flagged(text, "T002") == []


def test_a_scene_opens_its_tense_after_a_time_skip_line():
    present = (
        "Harry walks to the lake. He sits on the bank and throws a stone. He watches the ripples and sighs. "
        "He picks up another stone and turns it over.\n\n"
    )
    past = (
        "Harry walked to the lake. He sat on the bank and threw a stone. He watched the ripples and sighed. "
        "He picked up another stone and turned it over.\n\n"
    )
    text = present + "Three years later\n\n" + past + past
    assert flagged(text, "T001") == [] and flagged(text, "T002") == []


def test_timeless_statements_of_things_are_left_alone():
    text = in_past("The affections are more reticent than the passions.") + " " + in_past(
        "There are eyes of that particular cut.")
    assert flagged(text, "T001") == []


def test_chat_lines_are_not_narration():
    text = (
        PAST_SCENE
        + "**Draco Malfoy:** He had it coming, he insulted my hair\n\n"
        + "**Ron Weasley:** It reminded me of a blond snape\n\n"
        + PAST_END
    )
    assert flagged(text, "T001") == [] and flagged(text, "T002") == []


def test_scene_tenses_are_facts_of_the_analysis():
    from ficlint.analysis import AnalyzedDocument
    from ficlint.source import Source

    doc = AnalyzedDocument(Source("book.md", PAST_SCENE + PAST_END))
    assert [scene.describe_tense() for scene in doc.narrative] == ["past, not very sure (100% of 14 verbs)"]


# -- the narrator's general remarks in edited prose ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        # a plural noun the tagger reads in its sentence, not an -s verb
        "Workmen came in through the mews and brought ladders with them and tools in queer bags.",
        # a pronoun that opens a relative or "what" clause of a general remark
        "She knelt by the fire and gave him the talents they possess, not merely as ornaments.",
        "He stood on the small island of money upon which he stands, and he looked at her.",
        "The cat ran up and down, seeing no escape from the trap it is caught in.",
        # another subject, a kind of person, in the present: what always happens
        "She laughed at him, for when a millionaire gives carte blanche he usually gets it.",
        # how a thing always is, not what happened in the story's moment
        "Behind all his dignity, the Arab has a good fund of curiosity, and the crowd watched him.",
        "She made many promises, because nothing is so easy as a promise.",
        "She laughed because a monomaniac, even if treated as a joke, is a perilous thing.",
    ],
)
def test_general_remarks_in_past_narration_are_left_alone(sentence):
    assert flagged(in_past(sentence), "T001") == []


@pytest.mark.parametrize(
    "sentence, slip",
    [
        ("Her voice has gone hoarse from shouting, and she coughed into her sleeve.", "has"),
        ("She looked up, and it is raining again.", "is"),
    ],
)
def test_a_thing_in_the_storys_moment_is_still_a_slip(sentence, slip):
    assert slip in flagged(in_past(sentence), "T001")


def test_a_stretch_with_none_of_the_scenes_tense_near_it_is_not_a_drift():
    # the present-tense opening is a part told in its own tense: the paragraphs after it mix the
    # tenses, and the scene's past only settles in further on, so nothing drifts into or out of it
    opening = (
        "He nods and takes the coat. He walks over and opens the door. She smiles at him.\n\n"
        "She steps outside and looks at the sky. He follows her and closes the door.\n\n"
    )
    mixed = "He waited and she turns. She laughed and he grins.\n\n"
    text = opening + mixed + mixed + PAST_SCENE + PAST_SCENE + PAST_END
    drift = [d for d in lint(text, "T001") if d.data["drift"]]
    assert [text[d.start:d.end] for d in drift] == []


def test_a_drift_beside_the_scenes_tense_on_one_side_is_flagged():
    text = PAST_SCENE + PAST_SCENE + DRIFTED + DRIFTED
    drift = [text[d.start:d.end] for d in lint(text, "T001") if d.data["drift"]]
    assert drift == ["nods", "takes", "walks", "opens", "smiles"] * 2


@pytest.mark.parametrize(
    "sentence",
    [
        "He opens his notebook and lifts the pen he left inside.",
        "She sits by the window and thinks of the town she saw as a child.",
    ],
)
def test_an_earlier_event_in_a_relative_clause_of_present_narration_is_left_alone(sentence):
    assert flagged(in_present(sentence), "T002") == []


# -- verbs of any subject (ficlint/rules/tense/_tagged.py) ----------------------------------


def test_every_verb_of_a_drifted_paragraph_is_flagged_whatever_its_subject(tmp_path):
    drifted = (
        "He nods and takes the coat. He walks over, opens the door and waits. The wind catches the door, "
        "and she will not wait for him.\n\n"
    )
    chapter = tmp_path / "chapter.md"
    chapter.write_text(PAST_SCENE + drifted + PAST_END, encoding="utf-8")
    result = run_cli("check", "--select", "T", "--format", "json", "--no-cache", str(chapter))
    [file] = result.json()["files"]
    text = chapter.read_text(encoding="utf-8")
    found = {text[d["start"]["offset"]:d["end"]["offset"]]: d["fixes"][0]["replacement"]
             for d in file["diagnostics"]}
    # a noun phrase's verb ("The wind catches"), one after a comma with no subject ("opens") and a
    # modal ("will") are verbs of the drift like the pronouns' ones
    assert found == {"nods": "nodded", "takes": "took", "walks": "walked", "opens": "opened",
                     "catches": "caught", "will": "would"}
    assert all(d["rule"] == "T001" for d in file["diagnostics"])


def test_a_drift_into_the_past_flags_things_and_verb_pairs():
    present = (
        "Luna wakes early. She wipes her eyes and slides out of bed. Luna makes her way down to the common "
        "room and avoids the trick step. She hums to herself.\n\n"
        "The common room is empty. She pats the door knocker and steps into the hall. She walks slowly "
        "and looks at the paintings.\n\n"
    )
    drift = ("Luna turned a corner and ran into someone. She landed on the floor. His mouth opened and "
             "closed, and Harry gripped her hand.\n\n")
    after = "Harry helps her up. She smiles and thanks him.\n"
    assert flagged(present + drift + after, "T002") == ["turned", "ran", "landed", "closed", "gripped"]


@pytest.mark.parametrize(
    "sentence, slip, fix",
    [
        ("The dog bites her hand and she pulled away.", "bites", "bit"),  # beside a past verb
        ("The blade catches the light.", "catches", "caught"),  # between sentences told in the past
    ],
)
def test_a_particular_things_present_action_is_a_slip(sentence, slip, fix):
    found = [d for d in lint(in_past(sentence), "T001")]
    text = in_past(sentence)
    assert [(text[d.start:d.end], d.fixes[0].replacement) for d in found] == [(slip, fix)]


def test_a_particular_things_past_action_in_present_narration_is_a_slip():
    assert flagged(in_present("Her phone rang."), "T002") == ["rang"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sailors fear the sea, and she smiled at the thought.",  # a generic plural: timeless
        "She looked at the lamp that hangs above the door.",  # a relative clause on its own
        "She was like a woman who knows her own mind.",
        '"The blade catches the light," she said.',  # speech
        "*The old radio crackles,* she thought.",  # an italic thought
    ],
)
def test_things_in_timeless_remarks_speech_and_thoughts_are_left_alone(sentence):
    assert flagged(in_past(sentence), "T001") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "She stands at the window with her arms folded.",  # absolute phrases: participles, no verbs
        "She waits at the door, her hood pulled low.",
        "She looks up at him, his face flushed and his hair tangled.",
    ],
)
def test_participles_of_absolute_phrases_in_present_narration_are_left_alone(sentence):
    assert flagged(in_present(sentence), "T002") == []


def test_a_letter_or_a_chat_in_a_drifted_story_is_still_left_alone(tmp_path):
    text = (
        PAST_SCENE
        + "He opened the letter and read:\n\n"
        + "Dear Tom, the sea catches the light every morning, and the gulls wake me early.\n\n"
        + "**Dani:** the car breaks down again, come get me\n\n"
        + PAST_END
    )
    chapter = tmp_path / "chapter.md"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--select", "T", "--no-cache", str(chapter))
    assert result.code == 0
    assert "T00" not in result.stdout


def test_a_misspelt_possessive_its_is_no_present_tense_verb(tmp_path):
    story = tmp_path / "statues.txt"
    story.write_text(
        "Newt had barely noticed that the Headmistress had stopped walking, still thinking about"
        " everything he had read, and nearly walked into her. Thankfully, he had stopped just in time."
        " He nodded at her and stepped out onto the stone knot.\n\nNothing happened.\n\nHe started"
        " getting nervous, thinking he failed some unknown test, but just as he was about to turn his"
        " head to look at the Headmistress, the statues started coming alive. The crystal in the head of"
        " the statue of the Horned Serpent started glowing at the same time as the Thunderbird started"
        " beating it's wings.\n\nA few students murmured excitedly for a moment before an uncomfortable"
        " silence swept into the room.\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--no-cache", "--format", "json", str(story))
    found = [d["rule"] for f in result.json()["files"] for d in f["diagnostics"]]
    assert [rule for rule in found if rule.startswith("T")] == []


PRESENT_FARM = (
    "Ron wakes before the sun. He pulls on his boots and walks down to the kitchen, where his mother"
    " is already frying eggs. She smiles at him and hands him a plate. He eats quickly and heads out"
    " to the shed."
    "\n\n{middle}\n\n"
    "He opens the shed door and looks at the old broom. The bristles are bent and the handle is"
    " cracked. He sighs and picks it up. Outside, the chickens scatter as he walks past them to the"
    " orchard.\n"
)


@pytest.mark.parametrize(
    "opening, drifted", [("It has been a long year.", False), ("It is a long year.", True)]
)
def test_a_look_back_from_the_story_now_is_no_drift_into_the_past(tmp_path, opening, drifted):
    story = tmp_path / "farm.txt"
    story.write_text(PRESENT_FARM.format(middle=(
        f"{opening} She went to Australia and found her parents. She stayed there for a year, and she"
        " wrote to him every week. He kept every letter in a box under his bed.")), encoding="utf-8")
    result = run_cli("check", "--no-cache", "--format", "json", str(story))
    found = [d["rule"] for f in result.json()["files"] for d in f["diagnostics"] if d["rule"] == "T002"]
    assert found == (["T002"] * 5 if drifted else [])


def test_a_past_event_reported_by_a_present_verb_is_no_slip(tmp_path):
    story = tmp_path / "morning.txt"
    story.write_text(
        "James wakes up on the bathroom floor. His head pounds and his mouth tastes like old socks. He"
        " sits up slowly and looks around. There is white paint on the sink and a towel in the bath.\n\n"
        "He knows he washed his face at some point, but the paint is still there. He stands, grips the"
        " sink and stares at the mirror. He groans and turns on the tap. The water is cold, and he"
        " splashes it on his cheeks until they sting.\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--no-cache", "--format", "json", str(story))
    assert [d["rule"] for f in result.json()["files"] for d in f["diagnostics"] if d["rule"] == "T002"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The governess, who has been already mentioned, went out with the children for their walk.",
        "She took up the letter which has been mentioned and read it again.",
    ],
)
def test_the_narrators_remarks_on_the_telling_are_left_alone(sentence):
    assert flagged(in_past(sentence), "T001") == []
