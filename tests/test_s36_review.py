"""Through the real CLI (stop 36 review): false alarms and inconsistencies found in the session's
merged changes, each confirmed on a minimal text before its fix."""

from __future__ import annotations

from tests.conftest import rule_findings

FIRST_PERSON_PAST = (
    "I was twelve when my father died. I ran out of the house and did not stop until I reached the "
    "river. I sat on the bank until it got dark.\n\n"
    "We spent that whole summer at the lake. {sentence} We looked so happy.\n\n"
    "My mother found me there. She did not say anything. She just sat down beside me and held my hand.\n"
)


def test_a_first_person_narrator_says_what_is_there_in_its_own_now(tmp_path):
    # a narrator telling its past in the first person speaks from a now of its own: "There is a photo"
    # is still pinned to its fridge, no slip for "There was"
    for sentence in ("There is a photo of us from that week, pinned to my fridge.",
                     "It is the one memory I still carry with me."):
        text = FIRST_PERSON_PAST.format(sentence=sentence)
        assert rule_findings(tmp_path, text, "T001") == [], sentence


def test_there_is_between_past_sentences_of_a_third_person_story_is_still_a_slip(tmp_path):
    text = ("She ran into the kitchen and dropped her bag. There is a man at the table, reading her post. "
            "She screamed and grabbed the nearest knife.\n\nHe stood up slowly. He raised his hands and "
            "smiled at her. She did not lower the knife.\n\n\"Who are you?\" she asked. He did not answer.\n")
    assert rule_findings(tmp_path, text, "T001") == [("T001", "is", "was")]
