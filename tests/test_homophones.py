"""Homophones (H001 context model, H002 patterns): what a writer sees."""

from __future__ import annotations

import pytest

from ficlint.checks.homophones import confusion_sets, features, load_model, padded, tokenize
from tests.conftest import flagged, lint, run_cli

H = ("H001", "H002")


def _findings(text: str) -> list[tuple[str, str]]:
    """(flagged word, suggested word) pairs."""
    return [(text[d.start:d.end], str(d.data.get("intended"))) for d in lint(text, H)]


@pytest.mark.parametrize("text, word, intended", [
    ("Karen starred into her watery eyes.", "starred", "stared"),
    ("They where the kind of tears that made it hard to breathe.", "where", "were"),
    ("The tears where now strolling down her cheeks.", "where", "were"),
    ("Mutual smiles where shared as both walked out.", "where", "were"),
    ("I know deep down you feel it to. We gave it a good shot.", "to", "too"),
    ("People were bustling passed her towards the steps.", "passed", "past"),
    ("She would hesitate with an answer an skip every other offer.", "an", "and"),
    ("He grabbed her hand, delaying the evitable.", "evitable", "inevitable"),
    ("It was to late to go back.", "to", "too"),
    ("Their is no time left.", "Their", "There"),
    ("I no what you mean.", "no", "know"),
    ("She could of been a star.", "of", "have"),
    ("She let out a deep breathe.", "breathe", "breath"),
    ("Its been a long day.", "Its", "It's"),
    ("The dog chased it's own tail.", "it's", "its"),
    ("Your welcome, Derek.", "Your", "You're"),
    ("She was taller then her brother.", "then", "than"),
    # the contractions, learnt also from the novels' "it is", "you are"
    ("She was managing it's business alone after the war.", "it's", "its"),
    ("I think your right about that.", "your", "you're"),
    # "where" wants a clause of its own after it
    ("The jewels where hidden somewhere in the old house.", "where", "were"),
])
def test_flags_the_confusion_and_names_the_intended_word(text, word, intended):
    assert (word, intended) in _findings(text)


@pytest.mark.parametrize("text", [
    "Where were you last night?",
    "They were the kind of tears that made it hard to breathe.",
    "I know deep down you feel it too.",
    "I'll tell you where to go.",
    "You'll go to bed as I told you to.",
    "I don't want to pry if you don't wish me to.",
    "People were bustling past her towards the steps.",
    "Having passed the exam, she went home.",
    "The break-up was hard on both of them.",
    "Will Turner sat down next to Rose.",
    "She read the letter aloud.",
    "We could, of course, leave now.",
    "It must of course be true.",
    "Its limbs starred out across the sand.",
    "The weather was fine, and I wonder whether it will hold.",
    "Then he left; he was older than her.",
    "It was an inevitable end.",
    "\"Bread an' butter,\" said the old man.",
    "\"Ye'll no' be wantin' it,\" he said.",
    "Its own tail wagged.",
    "Your turn, Derek.",
    "She was happier then than now.",
    "Even then, she was older then.",
    "It's a long way to the station from here.",
    "You're the only one who knows where the key is.",
    "They stayed in the garden where the roses grew.",
    "We're going home, and it's late.",
    "The house where they lived had its own well.",
])
def test_leaves_correct_text_alone(text):
    assert _findings(text) == []


def test_capitalised_at_sentence_start_keeps_case_in_fix():
    text = "Their is no time left."
    [d] = [d for d in lint(text, H)]
    assert d.fixes[0].replacement == "There"
    assert d.fixes[0].safe is False


def test_message_names_both_words_and_their_meanings():
    [d] = lint("It was to late to go back.", H)
    assert '"too"' in d.message and "excessively" in d.message
    assert d.category == "homophone"


def test_curly_apostrophes_are_read_as_straight():
    assert ("where", "were") in _findings("They where sure it’s true.")


def test_dialogue_needs_more_evidence_than_narration_but_is_checked():
    assert ("where", "were") in _findings("\"They where here,\" she said.")


def test_json_output_reports_confidence_and_the_intended_word(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("Karen starred into her watery eyes. They where the kind of tears that hurt.\n",
                       encoding="utf-8")
    result = run_cli("check", "--select", "H", "--format", "json", str(chapter))
    data = result.json()
    files = data.get("files", [data])
    diagnostics = [d for f in files for d in f["diagnostics"]]
    rules = {d["rule"] for d in diagnostics}
    assert rules <= {"H001", "H002"} and len(diagnostics) == 2
    for d in diagnostics:
        assert 0.5 < d["confidence"] <= 1.0
        assert "did you mean" in d["message"]


def test_fixes_are_unsafe_and_applied_only_on_request(tmp_path):
    chapter = tmp_path / "chapter.txt"
    chapter.write_text("They where the kind of tears that hurt.\n", encoding="utf-8")
    run_cli("check", "--select", "H", "--fix", str(chapter))
    assert chapter.read_text(encoding="utf-8") == "They where the kind of tears that hurt.\n"
    run_cli("check", "--select", "H", "--fix", "--unsafe-fixes", str(chapter))
    assert chapter.read_text(encoding="utf-8") == "They were the kind of tears that hurt.\n"


def test_data_has_enough_sets_each_with_glosses():
    sets = confusion_sets()
    assert len(sets) >= 80
    for s in sets:
        assert len(s.members) >= 2 and all(s.glosses)


def test_shipped_model_covers_the_sets_and_is_compact():
    model = load_model()
    assert model is not None
    assert {s.name for s in confusion_sets()} <= set(model.sets)
    assert len(model.clusters) > 1000


def test_features_see_punctuation_and_word_classes():
    toks = padded(tokenize("You feel it to. Then go."))
    i = toks.index("to")
    found = features(toks, i, window=False, clusters={"it": "k1"})
    assert ">." in found and "<it" in found and "<ck1" in found


def test_flagged_helper_agrees():
    assert flagged("They where late.", "H002") == ["where"]


def test_a_second_verb_in_a_clause_that_has_one_reads_as_the_preposition():
    assert ("threw", "through") in _findings("Karen stared into her watery eyes threw the vanity.")
    assert _findings("Belmont threw the empty rifle down.") == []


def test_confidence_grows_with_the_margin_over_the_threshold():
    from ficlint.checks.homophones import confidence
    assert confidence(0.0) == 0.51 and confidence(1.0) == 0.73 and confidence(10.0) == 0.99
    [weak, strong] = [confidence(x) for x in (0.5, 3.0)]
    assert 0.5 < weak < strong < 0.99
