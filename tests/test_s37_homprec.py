"""Stop 37, homophone precision on books and fan fiction (H001's guards in
ficlint/rules/homophones/h001_homophone_in_context.py, H002's pronoun-where pattern, the mined
phrases' names), through the real CLI: text each guard must leave alone, and the slips beside it
that must still be flagged (with the fix)."""

from __future__ import annotations

import pytest
from conftest import rule_findings


@pytest.mark.parametrize(("text", "word", "fix"), [
    # a stranded "to" after no verb is still "too"
    ("I love you to, she said, and he smiled back at her.\n", "to", "too"),
    # "they where" with no subject after it is still "were"
    ("They where all standing by the door when I came in.\n", "where", "were"),
    # a verb of motion and "of" before an object that is not "one's own": still "off"
    ("He jumped of the wall and ran down the street.\n", "of", "off"),
    # a fused pronoun before a noun with its own agreeing verb: still a possessive
    ("The reason they're house is empty is simple.\n", "they're", "their"),
    ("Who's idea was this, anyway?\n", "Who's", "Whose"),
    # short lines of prose, each its own paragraph, are no stanza
    ("He was tired.\n\nI no what you mean.\n\nShe slept.\n", "no", "know"),
    # "the later" with no comparative answering it: "latter"
    ("On the strength of the later of the two you let your pupil go.\n", "later", "latter"),
    ("He was tired.\nI no what you mean.\nShe slept.\n", "no", "know"),
])
def test_slips_beside_the_guards_are_flagged(tmp_path, text, word, fix):
    found = rule_findings(tmp_path, text, "H001,H002")
    assert [(w, f) for _, w, f in found] == [(word, fix)]


@pytest.mark.parametrize("text", [
    # an infinitive's "to" with its verb left out, before a comma
    "\u201cI don\u2019t know where she can have got to, madame. She was on the pavement there.\u201d\n",
    # the subject of a question between its modal and its verb
    "What would life be without a few occasions to laugh at the world and its silly ways?\n",
    # a word mentioned, not used
    "For the wrong placing of the accent, see it on the word _their_ instead of the word _vain_.\n",
    # an index, a glossary
    "_Lending_ money, new mode of, iii. 463.\n_Letter-founding_ effected by Franklin in America, i. 74.\n"
    "_Leutmann_, J. G. extract from, ii. 7.\n",
    "=Earth-shoot=, a landslip.\n=Emprise=, feat, enterprise.\n=Espadon=, a long heavy sword.\n",
    # an adjective after an -ly adverb, or beside another adjective before their noun
    "She began to play with her fan, a mother-of-pearl fan, elaborately gilt.\n",
    "Just at that moment the hoarse and prolonged crowing of a cock sounded through the glass.\n",
    # "of one's own accord" after a verb of motion
    "The larger ones raised their heads and slipped of their own accord into the water.\n",
    # a fused pronoun opening a relative clause before the subject's verb
    "The reason they're friends is because they grew up on the same street in the village.\n",
    # a verb right after a subject pronoun
    "As soon as these bodies are immersed, they weigh no longer on the ship, but on the water.\n",
    # an old book's inversion: "where" opening a clause of its own
    "Let me have your advice, my friends; and for that purpose go we where it may best profit us.\n",
    # a comparative correlative; "then" before "than"
    "Much depended upon the hour. The later they did so the better, and the weather was bad.\n",
    "\"Was your machine more advanced then than when I met you?\"\n",
    # a common noun beside a name's word ("the Knight Bus")
    "They took the night bus back to London after the party had finished at midnight.\n",
])
def test_correct_words_are_left_alone(tmp_path, text):
    assert rule_findings(tmp_path, text, "H001,H002,H003") == []
