"""Which narration around speech is a tag, through the real CLI: the mechanisms that tell a
writer's comma habit (`Harry hisses at the room, "I would hate..."`) from the older edited
prose that introduces speech with any verb of saying or sets a beat off like a tag."""

from __future__ import annotations

import pytest
from conftest import dialogue_findings, run_cli

# -- a capital after the tag: a new sentence after a whole clause, the same one after a fragment

HABIT = ("“It’s long past curfew,” Harry hisses threateningly at the room, “I would hate to wake him.”\n\n"
         "“I was too weak,” he admits ashamedly, “I couldn’t do it.”\n\n")


def test_a_capital_after_a_whole_spoken_clause_and_its_tag_starts_a_new_sentence(tmp_path):
    found = dialogue_findings(tmp_path, HABIT)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ","), ("D013", ",")]
    assert "at the room. “I would hate" in found[0][2]
    assert "he admits ashamedly. “I couldn’t" in found[1][2]


def test_an_order_before_the_tag_is_a_whole_sentence(tmp_path):
    text = HABIT + "“Oh, never mind,” Draco said, waving a hand, “I’ll just have them replaced.”\n"
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ",")] * 3
    assert "waving a hand. “I’ll just" in found[2][2]


@pytest.mark.parametrize("fragment", [
    "“Well,” she said, “I don’t know.”",  # an interjection
    "“I think,” she said, “Harry is right.”",  # a subject and verb the speech completes
    "“If you want,” he said, “I can come.”",  # a clause that opens with a subordinator
    "“Harry,” she said, “I need you.”",  # a name called
    "“Look,” he said, “I know what I saw.”",  # one word
    "‘Well,’ she said, ‘I don’t know.’",
    '"If you want," he said, "I can come."',
])
def test_a_capital_after_a_fragment_and_its_tag_carries_the_sentence_on(tmp_path, fragment):
    # the same chapter's comma habit is established, so only the fragment keeps the line quiet
    found = dialogue_findings(tmp_path, HABIT + "He looked at Harry and Ginny.\n\n" + fragment + "\n")
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ","), ("D013", ",")]


# -- a tag with its speech before it: the narration after a finished speech introduces the next


def test_narration_after_a_finished_speech_with_its_own_tag_introduces_the_next(tmp_path):
    text = ("When she inquired, “Exactly what is the method?” he yawned, “Tonsils? Take them out.”\n\n"
            "She raged, “Why don’t you give these away?” he sighed, “Well, you can’t tell.”\n")
    assert dialogue_findings(tmp_path, text) == []


def test_a_tag_after_its_own_speech_before_new_speech_is_still_judged(tmp_path):
    text = ("“It’s late,” he said, “We should go.”\n\n“Fine,” she said, “We go.”\n\n"
            "“Please.” he sighed, “Not again.”\n")
    found = dialogue_findings(tmp_path, text)
    assert [rule for rule, _, _ in found].count("D013") == 3
    assert ("D001", ".” he", "“Please,” he sighed, “Not again.”\n") in \
        [(r, m, f.splitlines()[-1] + "\n") for r, m, f in found]


# -- one comma habit for tags and actions


def test_an_action_joined_to_new_speech_is_flagged_where_tags_show_the_comma_habit(tmp_path):
    text = HABIT + "Tom sighs before turning desperately to Harry, “You say that, but how?”\n"
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ",")] * 3
    assert "desperately to Harry. “You say" in found[2][2]


def test_one_action_comma_among_full_stops_is_no_habit(tmp_path):
    text = ("“It’s late,” he said. “We should go.”\n\n“Fine,” she said. “We go.”\n\n"
            "Tom turned desperately to Harry, “You say that, but how?”\n")
    assert dialogue_findings(tmp_path, text) == []


# -- a beat inside one spoken sentence


@pytest.mark.parametrize("text", [
    '"Did she," he hesitated slightly, "like the playthings you bought her?"\n',
    "“I selected them,” she nodded, “every one of them.”\n",
    "‘There, there,’ Fibsy shut him up, ‘don’t say that again.’\n",
])
def test_a_beat_inside_one_spoken_sentence_is_left_alone(tmp_path, text):
    # a full stop would cut the sentence in two: `"Did she." He hesitated slightly, "like...`
    assert dialogue_findings(tmp_path, text) == []


@pytest.mark.parametrize("text, fixed", [
    ("“I selected them,” she nodded. “Every one of them.”\n", "“I selected them.” She nodded."),
    ('"Yes," Stone nodded, "Yes, and lace too."\n', '"Yes." Stone nodded, "Yes'),
])
def test_a_beat_before_a_new_spoken_sentence_is_still_flagged(tmp_path, text, fixed):
    found = dialogue_findings(tmp_path, text)
    assert [rule for rule, _, _ in found][:1] == ["D005"]
    assert fixed in found[0][2]


# -- a capitalised tag whose speech carries on after it


@pytest.mark.parametrize("text, tag, fixed", [
    ("“Lily. . .” He began quietly, “. . .where’s Harry?”\n", "He", "“Lily. . .” he began quietly"),
    ('"Wait..." She said, "...what was that?"\n', "She", '"Wait..." she said'),
])
def test_a_capitalised_tag_is_flagged_when_its_speech_carries_on_in_lowercase(tmp_path, text, tag, fixed):
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D002", tag)]
    assert fixed in found[0][2]


def test_a_capitalised_tag_before_the_next_speakers_capitalised_speech_is_left_alone(tmp_path):
    assert dialogue_findings(tmp_path, "“Why?” He answered, “Because I said so.”\n") == []


# -- the verb that introduces new speech, read with the word classes


@pytest.mark.parametrize("line", [
    "He straightened, glanced down at her, and hemmed, “Got to fix your furnace.”",  # the last verb says it
    "She petitioned Mrs. Jackson Elder, “Don’t you think we ought to go?”",  # the one addressed
    "She sat still and maundered, “I know. The Village Virus.”",  # a verb the lexicon lacks, used alone
    "Dave had given verdict, “What these youngsters need is work.”",  # what is said, named
    "She said it to herself, and simultaneously, “Everybody has noticed.”",  # no verb: no sentence to end
])
def test_narration_that_introduces_speech_in_older_prose_is_left_alone(tmp_path, line):
    found = dialogue_findings(tmp_path, HABIT + line + "\n")
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ","), ("D013", ",")]


@pytest.mark.parametrize("line, fixed", [
    ("She frowned then, “Every witch becomes gifted.”", "She frowned then. “Every"),
    ("Dumbledore closed his eyes, nodding solemnly, “Tell me, do you love her?”", "nodding solemnly. “Tell"),
    ("He pointed his bony finger at Tina, “You wanker.”", "at Tina. “You"),
])
def test_an_action_before_new_speech_is_still_flagged(tmp_path, line, fixed):
    found = dialogue_findings(tmp_path, HABIT + line + "\n")
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ",")] * 3
    assert fixed in found[2][2]


# -- speech inside a subordinate clause: the main clause comes after it


@pytest.mark.parametrize("text", [
    "When Dr. Westlake whispered to her, “Yes, he is modest about it,” she felt uninformed.\n",
    "While Raymie blushed and admitted, “Oh, they don't want to hear me,” he was clearing his throat.\n",
    "Till he bawled, “Aren't you ever coming up to bed?” she sat unmoving.\n",
    'As she passed, "Good luck," he grabbed his coat and left.\n',
])
def test_speech_inside_a_subordinate_clause_is_followed_by_the_main_clause(tmp_path, text):
    assert dialogue_findings(tmp_path, text) == []


@pytest.mark.parametrize("text, rule, fixed", [
    ("He admitted, “Oh, they don't want to hear me,” he was clearing his throat.\n", "D005",
     "“Oh, they don't want to hear me.” He was"),
    ("He bawled, “Aren't you ever coming up to bed?” she sat unmoving.\n", "D004", "bed?” She sat"),
])
def test_speech_after_a_main_clause_is_still_followed_by_a_new_sentence(tmp_path, text, rule, fixed):
    found = dialogue_findings(tmp_path, text)
    assert [r for r, _, _ in found] == [rule]
    assert fixed in found[0][2]


# -- how a quotation is closed


def test_a_speech_closed_with_a_single_quote_is_told_to_turn_the_mark(tmp_path):
    text = "“It doesn’t matter. Why would you dream of the Forbidden Forest?’ He frowned a bit.\n"
    [(rule, marked, fixed)] = dialogue_findings(tmp_path, text)
    assert (rule, marked) == ("D011", "’")
    assert "Forbidden Forest?” He frowned" in fixed


@pytest.mark.parametrize("text", [
    "“She told me ‘run.’ And I ran.\n",  # a quotation inside the open speech
    "“She told me 'run.' And I ran.\n",
])
def test_a_nested_quotation_in_an_open_speech_is_no_single_closer(tmp_path, text):
    [(rule, marked, _)] = dialogue_findings(tmp_path, text)
    assert (rule, marked) == ("D011", "“")


def test_a_single_quote_after_a_spaced_dash_closes_the_speech(tmp_path):
    text = "Remus cleared his throat. 'You're — Remus, you're — '\n\nThey were standing close.\n"
    assert [rule for rule, _, _ in dialogue_findings(tmp_path, text)] == []


# -- speech after a comma: a new sentence after a tag behind a subordinate clause, or a short action


@pytest.mark.parametrize("text, word, fixed", [
    ("He takes a breath. But before he has to find the words, Ginny whispers, “are you still thinking?”\n",
     "are", "Ginny whispers, “Are you"),
    ("“Yes sir.”\n\nCharlie smiled, “and no more of this sir business. Makes me feel old.”\n",
     "and", "Charlie smiled, “And no more"),
])
def test_speech_after_a_comma_that_starts_a_sentence_takes_a_capital(tmp_path, text, word, fixed):
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D006", word)]
    assert fixed in found[0][2]


@pytest.mark.parametrize("text", [
    "The club was, Vida Sherwin promised, “such a cozy group. You will love it.”\n",
    "It made her look, as Peter said, “like any little gutter child. Truly!”\n",
    "It was said that if there WAS any Mr. Swiftwaite, “it certainly was strange! Very.”\n",
    "Kennicott had talked of the convention, “and then we could do the East. I know New York.”\n",
])
def test_speech_that_completes_the_narrations_sentence_stays_lowercase(tmp_path, text):
    assert dialogue_findings(tmp_path, text) == []


# -- what introduces new speech: a thing given is an action, a verb a modal governs says how

VIAL = "She sighed and offered a vial, “Take it twice a day.”\n\nHe sighed and offered a cup, “Drink this.”\n"


def test_a_speech_verb_whose_object_is_a_thing_given_is_an_action(tmp_path):
    found = dialogue_findings(tmp_path, VIAL)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ","), ("D013", ",")]
    assert "offered a vial. “Take it" in found[0][2]


@pytest.mark.parametrize("line", [
    "She offered a suggestion, “Try the door.”\n",
    "Aunt Bessie would pop in and titter, “Now don't let me disturb you.”\n",
])
def test_what_introduces_speech_among_comma_habits_is_left_alone(tmp_path, line):
    found = dialogue_findings(tmp_path, VIAL + "\n" + line)
    assert [(rule, marked) for rule, marked, _ in found] == [("D013", ","), ("D013", ",")]


# -- a linking verb after the speech: a beat

def test_a_linking_verb_after_the_speech_is_a_beat(tmp_path):
    found = dialogue_findings(tmp_path, "“Sometimes I think it's torture,” Draco sounded almost strangled.\n")
    assert [(rule, marked) for rule, marked, _ in found] == [("D005", ",” Draco")]
    assert "torture.” Draco sounded" in found[0][2]


def test_an_impersonal_linking_clause_carries_the_narration_on(tmp_path):
    assert dialogue_findings(tmp_path, "When she said, “Must you go?” it seemed cruel to desert.\n") == []


# -- a book's house style: gestures set off like tags, among hundreds of tags punctuated right

def _book(tags: int, beats: int) -> str:
    lines = [f"“Line {i} is fine,” he said." for i in range(tags)]
    lines += [f"“Beat {i} is fine,” he nodded." for i in range(beats)]
    return "\n\n".join(lines) + "\n"


def test_a_book_that_sets_gestures_off_like_tags_as_its_convention_is_left_alone(tmp_path):
    assert dialogue_findings(tmp_path, _book(300, 5)) == []


def test_a_chapter_that_sets_gestures_off_like_tags_is_flagged(tmp_path):
    found = dialogue_findings(tmp_path, _book(40, 5))
    assert [rule for rule, _, _ in found] == ["D005"] * 5


def test_a_book_with_few_gestures_set_off_like_tags_is_flagged(tmp_path):
    found = dialogue_findings(tmp_path, _book(300, 2))
    assert [rule for rule, _, _ in found] == ["D005"] * 2


def test_a_kind_of_place_before_a_subordinator_is_an_ordinary_noun(tmp_path):
    chapter = tmp_path / "chapter.txt"
    chapter.write_text("She had wanted him since before University if she was being honest.\n",
                       encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", "C005", str(chapter))
    [file] = result.json()["files"]
    assert [(d["rule"], d["start"]["offset"]) for d in file["diagnostics"]] == [("C005", 32)]


# -- a comma after the closing quote of a question or an exclamation

@pytest.mark.parametrize("text, fixed", [
    ("“Do you want me to move out?”, Al asks.\n", "“Do you want me to move out?” Al asks."),
    ("\"Mate, you should go for a walk!\",\nRon had said.\n",
     "\"Mate, you should go for a walk!\"\nRon had said."),
    ("'Two young ladies after my own heart!', proclaimed Sirius.\n", "heart!' proclaimed Sirius."),
])
def test_a_comma_after_a_question_or_exclamation_is_one_mark_too_many(tmp_path, text, fixed):
    found = dialogue_findings(tmp_path, text)
    assert [(rule, marked) for rule, marked, _ in found] == [("D017", ",")]
    assert fixed in found[0][2]


def test_a_comma_of_the_narration_after_a_quoted_exclamation_is_left_alone(tmp_path):
    assert dialogue_findings(tmp_path, "She shouted “Fire!”, and everyone ran.\n") == []


def test_a_quotation_closed_paragraphs_later_is_told_to_reopen_each_paragraph(tmp_path):
    text = "She was amused to read:\n\n“Miss Peppermint,\n\nBribed dad into brewing this.\n\nYour Hero”\n"
    chapter = tmp_path / "chapter.txt"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", "D011", str(chapter))
    [file] = result.json()["files"]
    [d] = file["diagnostics"]
    assert text[d["start"]["offset"]:d["end"]["offset"]] == "“"
    assert "open each paragraph after the first" in d["message"]
    assert "never closed" not in d["message"]
