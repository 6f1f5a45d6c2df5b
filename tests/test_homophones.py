"""Homophones (H001 context model, H002 patterns, H003 phrases): what a writer sees."""

from __future__ import annotations

import copy
import gzip
import json
import re

import numpy as np
import pytest

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.confusables import (
    confusion_sets,
    glosses,
    lowered_tokens,
    phrases,
    token_forms,
    word_classes,
)
from ficlint.analysis.slots import (
    AFTER_BE,
    BASE_VERB,
    BEFORE_ARTICLE,
    COMPARISON,
    DEGREE,
    NO_CONTRACTION,
    NO_POSSESSIVE,
    NOUN_HEAD,
    NOUN_PHRASE,
    PARTICLE,
    fits,
    slot_codes,
    tag_codes,
)
from ficlint.resources import data_dir
from ficlint.rules.homophones import _collocations, _ngrams
from ficlint.rules.homophones._model import (
    MODEL_FILE,
    confidence,
    encode,
    load_model,
    model_parts,
    new_sentences,
    occurrences,
    serialize,
    token_ids,
    write_model,
)
from ficlint.rules.homophones.h001_homophone_in_context import model_findings
from tests.conftest import ROOT, flagged, lint, run_cli

H = ("H001", "H002", "H003")


def _findings(text: str, **config: object) -> list[tuple[str, str]]:
    """(flagged word, suggested word) pairs."""
    return [(text[d.start:d.end], str(d.data.get("intended"))) for d in lint(text, H, **config)]


@pytest.mark.parametrize("text, word, intended", [
    ("Karen starred into her watery eyes.", "starred", "stared"),
    ("They where the kind of tears that made it hard to breathe.", "where", "were"),
    ("I know deep down you feel it to. We gave it a good shot.", "to", "too"),
    ("Their is no time left.", "Their", "There"),
    ("I no what you mean.", "no", "know"),
    ("She let out a deep breathe.", "breathe", "breath"),
    ("Its been a long day.", "Its", "It's"),
    ("The dog chased it's own tail.", "it's", "its"),
    ("Your welcome, Derek.", "Your", "You're"),
    ("She was taller then her brother.", "then", "than"),
    ("She wanted to here his voice again.", "here", "hear"),
    ("That is quiet right, my dear.", "quiet", "quite"),
    # pairs the first models lacked, and inflected forms
    ("We'll led them home before dark.", "led", "lead"),
    ("I had learned form experience that it never works.", "form", "from"),
    ("Lets go before the rain starts.", "Lets", "Let's"),
    # phrases heard wrong
    ("She gave us a sneak peak at the chapter.", "peak", "peek"),
    ("He had free reign over the castle.", "reign", "rein"),
    ("I would of faked a smile.", "of", "have"),
    ("It was, for all intensive purposes, the end.", "intensive", "intents and"),
    ("The old radios peaked my interest.", "peaked", "piqued"),
])
def test_flags_the_confusion_and_names_the_intended_word(text, word, intended):
    assert (word, intended) in _findings(text)


@pytest.mark.parametrize("text", [
    "Where were you last night?",
    "They were the kind of tears that made it hard to breathe.",
    "I know deep down you feel it too.",
    "I'll tell you where to go.",
    "You'll go to bed as I told you to.",
    "People were bustling past her towards the steps.",
    "Having passed the exam, she went home.",
    "Will Turner sat down next to Rose.",
    "She read the letter aloud.",
    "We could, of course, leave now.",
    "It must of course be true.",
    "The weather was fine, and I wonder whether it will hold.",
    "Then he left; he was older than her.",
    "\"Bread an' butter,\" said the old man.",
    "Its own tail wagged.",
    "It's a long way to the station from here.",
    "You're the only one who knows where the key is.",
    "The house where they lived had its own well.",
    # correct words in slots only one member fits (the false alarms of the first model)
    "An old witch laughed at the gate.",
    "A cold sweat broke out on his brow.",
    "She knelt by the grate and stirred the embers.",
    "However far you threw it, the dog brought it back.",
    "They too had seen it.",
    "He wiped the sole of his boot on the step.",
    "She paid the cab's fare and stepped out.",
    "He gave them a piece of his mind.",
    "The king's reign in France was long.",
    "She heard what she could of the conversation.",
    "A man in his state must of necessity be patient.",
    "He lets go of the rope.",
    "She lets him in. Lets go of the rope, he thinks.",
])
def test_leaves_correct_text_alone(text):
    assert _findings(text) == []


def test_capitalised_at_sentence_start_keeps_case_in_fix():
    [d] = [d for d in lint("Their is no time left.", H)]
    assert d.fixes[0].replacement == "There"
    assert d.fixes[0].safe is False


def test_message_names_both_words_and_their_meanings():
    [d] = lint("She let out a deep breathe.", H)
    assert d.rule == "H001" and '"breath"' in d.message and "the air" in d.message
    assert d.category == "homophone"


def test_a_phrase_message_says_what_the_phrase_means():
    [d] = lint("She gave us a sneak peak at the chapter.", H)
    assert d.rule == "H003" and "summit" in d.message


def test_curly_apostrophes_are_read_as_straight():
    assert ("where", "were") in _findings("They where sure it’s true.")


def test_dialogue_is_checked():
    assert ("where", "were") in _findings("\"They where here,\" she said.")


def test_json_output_reports_confidence_and_the_intended_word(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("Karen starred into her watery eyes. They where the kind of tears that hurt.\n",
                       encoding="utf-8")
    result = run_cli("check", "--select", "H", "--format", "json", str(chapter))
    data = result.json()
    files = data.get("files", [data])
    diagnostics = [d for f in files for d in f["diagnostics"]]
    assert {d["rule"] for d in diagnostics} <= set(H) and len(diagnostics) == 2
    for d in diagnostics:
        assert 0.5 < d["confidence"] <= 1.0
        assert "did you mean" in d["message"]


def test_fixes_are_unsafe_and_applied_only_on_request(tmp_path):
    chapter = tmp_path / "chapter.txt"
    chapter.write_text("They where the kind of tears that hurt. She took a sneak peak.\n", encoding="utf-8")
    run_cli("check", "--select", "H", "--fix", str(chapter))
    unchanged = "They where the kind of tears that hurt. She took a sneak peak.\n"
    assert chapter.read_text(encoding="utf-8") == unchanged
    run_cli("check", "--select", "H", "--fix", "--unsafe-fixes", str(chapter))
    assert chapter.read_text(encoding="utf-8") == unchanged.replace("where", "were").replace("peak", "peek")


def test_the_project_word_list_marks_words_of_the_story():
    text = "She let out a deep breathe."
    assert ("breathe", "breath") in _findings(text)
    assert ("breathe", "breath") not in _findings(text, words=("breathe",))


def test_a_word_the_story_uses_again_and_again_is_meant(tmp_path):
    """Manuscript awareness: a member the story uses far more often than books do, in uses the
    model finds natural, needs more evidence before it is called a slip."""
    sentence = "Witch it was, nobody knew.\n"
    alone = tmp_path / "alone.txt"
    alone.write_text(sentence, encoding="utf-8")
    story = tmp_path / "story"
    story.mkdir()
    places = ("hill", "wood", "lake", "moor", "marsh", "glen", "vale", "fen", "heath", "dale")
    witches = " ".join(f"The witch of the {p} waved her wand, and the witch smiled." for p in places)
    (story / "chapter-1.txt").write_text(witches + "\n", encoding="utf-8")
    (story / "chapter-2.txt").write_text(sentence, encoding="utf-8")
    assert _json_findings(alone) == ["H001"]
    assert _json_findings(story) == []


def _json_findings(path) -> list[str]:
    result = run_cli("check", "--select", "H", "--format", "json", str(path))
    return [d["rule"] for f in result.json()["files"] for d in f["diagnostics"]]


# -- the data ---------------------------------------------------------------------------


def test_data_has_three_hundred_sets_each_member_glossed():
    sets = confusion_sets()
    assert len(sets) >= 300
    for s in sets:
        assert len(s.members) >= 2 and all(g.strip() for g in s.glosses), s.name


def test_inflected_forms_are_sets_of_their_own():
    names = {frozenset(s.members) for s in confusion_sets()}
    for forms in ({"reigns", "reins", "rains"}, {"reigned", "reined", "rained"},
                  {"principals", "principles"}, {"affects", "effects"}, {"affected", "effected"},
                  {"losing", "loosing"}, {"poured", "pored"}):
        assert forms in names, forms
    assert "past of \"rein\"" in glosses()["reined"]


def test_data_has_thirty_phrases_each_glossed():
    found = phrases()
    assert len(found) >= 30
    assert all(p.gloss and p.fix for p in found)


def test_word_classes_know_the_members():
    classes = word_classes()
    assert classes["led"] == frozenset({"VBD", "VBN"})
    assert "NN" in classes["witch"] and "NN" not in classes["which"]
    assert "PRP$" in classes["your"] and "PRP+VBP" in classes["you're"]


def test_slots_where_grammar_is_certain():
    doc = AnalyzedDocument.from_text("They'll led the way. I tried to breath. A lose wire. Its been long. "
                                     "The old witch sat.")
    words = lowered_tokens(doc)
    found = slot_codes(words, doc.tokens.sentence, [t.upos for t in doc.tags]).tolist()
    codes = dict(zip(words, found, strict=True))
    assert codes["led"] == BASE_VERB and fits("led", BASE_VERB) is False and fits("lead", BASE_VERB)
    assert codes["breath"] == BASE_VERB and fits("breathe", BASE_VERB)
    assert codes["lose"] == NOUN_PHRASE and fits("lose", NOUN_PHRASE) is False
    assert fits("loose", NOUN_PHRASE)
    assert codes["its"] == NO_POSSESSIVE and fits("its", NO_POSSESSIVE) is False
    assert fits("it's", NO_POSSESSIVE)
    assert codes["witch"] == NOUN_PHRASE and fits("witch", NOUN_PHRASE)
    assert fits("which", NOUN_PHRASE) is False


def test_slots_judged_by_the_word_itself():
    doc = AnalyzedDocument.from_text("She was more careful then I was. That's were it began. He was to late. "
                                     "The cat jumped of the wall.")
    words = lowered_tokens(doc)
    found = slot_codes(words, doc.tokens.sentence, tag_codes(doc.tags)).tolist()
    codes = dict(zip(words, found, strict=False))
    assert codes["then"] == COMPARISON and fits("then", COMPARISON) is False and fits("than", COMPARISON)
    assert codes["were"] == AFTER_BE and fits("were", AFTER_BE) is False and fits("where", AFTER_BE)
    assert codes["to"] == DEGREE and fits("to", DEGREE) is False and fits("too", DEGREE)
    assert codes["of"] == PARTICLE and fits("of", PARTICLE) is False and fits("off", PARTICLE)
    assert fits("that", COMPARISON) is None  # "more likely that": the slot judges "then" alone


def test_slots_before_an_article_after_a_preposition_and_at_a_phrase_end():
    doc = AnalyzedDocument.from_text("Each knew the way. Proud of it's past. All in your mined.")
    words = lowered_tokens(doc)
    codes = dict(zip(words, slot_codes(words, doc.tokens.sentence, [t.upos for t in doc.tags]).tolist(),
                     strict=True))
    assert codes["knew"] == BEFORE_ARTICLE and fits("knew", BEFORE_ARTICLE)
    assert fits("new", BEFORE_ARTICLE) is False  # a bare adjective never stands before "the"
    assert codes["it's"] == NO_CONTRACTION and fits("it's", NO_CONTRACTION) is False
    assert fits("its", NO_CONTRACTION)
    assert codes["mined"] == NOUN_HEAD and fits("mined", NOUN_HEAD) is False and fits("mind", NOUN_HEAD)


def _cli_fixes(tmp_path, text: str) -> list[tuple[str, str]]:
    """(flagged word, replacement) of each homophone finding the real CLI gives on `text`."""
    path = tmp_path / "chapter.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = run_cli("check", "--select", "H", "--format", "json", "--no-cache", str(path))
    diagnostics = [d for f in result.json()["files"] for d in f["diagnostics"]]
    return [(d["text"], d["fixes"][0]["replacement"]) for d in diagnostics]


@pytest.mark.parametrize("text, word, fix", [
    # a past participle after "had"/"has"/"have" before an object, or after "be" before "by"
    ("The captain had lead the men across the river before dawn.", "lead", "led"),
    ("She has past the old mill twice this week.", "past", "passed"),
    ("The horse was lead by the stable boy into the yard.", "lead", "led"),
    # a finite verb after "he"/"she" opening a clause, before an object
    ("She lead the way through the trees.", "lead", "led"),
    ("\"He choose the red one,\" she said.", "choose", "chose"),
    ("When she through the ball, the dog ran after it.", "through", "threw"),
    # a verb of any form after "I", "we", "they", "you" opening a clause, before an object
    ("They no the way home from here.", "no", "know"),
    ("I though that you had gone.", "though", "thought"),
    # after a preposition a possessive, never a pronoun fused with its verb
    ("The town was proud of it's history.", "it's", "its"),
    # the head of a noun phrase before a stop: a noun, never a verb form
    ("It was all in your mined.", "mined", "mind"),
    ("He had a won.", "won", "one"),
    # certain slots: the written word cannot stand there, so a smaller margin will do
    ("Tell me when your ready to leave the house.", "your", "you're"),  # a predicate after "your"
    ("He had to remember to breath slowly in the cold.", "breath", "breathe"),  # a base verb after "to"
    ("Tom past him on the stairs without a word.", "past", "passed"),  # a finite verb after a name
    ("The water was to cold to swim in.", "to", "too"),  # a degree adverb after "be"
    ("She was more careful then I had expected.", "then", "than"),  # "than" after a comparative
    ("The cat jumped of the wall and ran.", "of", "off"),  # the particle after a verb of motion
    ("This is were the road ends.", "were", "where"),  # no finite verb after a finite "be"
])
def test_word_class_slots_flag_the_wrong_form_with_its_fix(tmp_path, text, word, fix):
    assert (word, fix) in _cli_fixes(tmp_path, text)


@pytest.mark.parametrize("text", [
    "The captain had led the men across the river before dawn.",
    "She had one the size of a fist on her forehead.",  # a number as the object
    "The old pipes had lead in them.",  # no object after: "lead" the metal
    "She insisted that he lead the team.",  # a subjunctive after "that"
    "Did she lead the way?",  # a question: the bare verb after "did"
    "He made it past the guards without a sound.",  # "it" the object, not a subject
    "She led the way through the trees.",
    "When she threw the ball, the dog ran after it.",
    "They now have a house by the sea.",  # no object after "now"
    "I gave you the book, though it was late.",
    "Each knew the other's secrets.",  # "each" a pronoun before a verb; no adjective comes before "the"
    "Each knew.",
    "It came to her as new a revelation as any.",  # "as" + adjective + "a"
    "He spoke at your not knowing him, and laughed.",  # after a preposition: a possessive before a gerund
    "The chance of its not being found was small.",
    "They chattered about who's friends with whom.",  # "who's" may open a clause after a preposition
    "He would by then have gone home.",  # a phrase between a modal and its verb
    "\"See you later then,\" she said.",  # "then" after a comparative of time
    "He wanted more then, and less now.",
    "Do your best to win the race.",  # a possessive's phrase may end in "best", "own", "left"
    "Turn to your left.",
    "The plan was to cool the engines first.",  # "to" before a verb after "be"
    "He thought of the old days.",  # "of" after a verb that takes it
    "He had to keep the worst from happening.",  # no certain slot after a determiner
    "She wondered whether that was the real him.",
])
def test_word_class_slots_leave_correct_text_alone(tmp_path, text):
    assert _cli_fixes(tmp_path, text) == []


# -- the model ------------------------------------------------------------------------------


def test_shipped_model_covers_the_sets_and_is_compact():
    model = load_model()
    assert model is not None
    assert {s.name for s in confusion_sets()} == {s.name for s in model.sets}
    assert (data_dir() / MODEL_FILE).stat().st_size <= 5_000_000
    # a model trained on the gzipped layout (until 4 December 2026) and merged beside it would be
    # ignored: write it again with `scripts/train_homophones.py --thresholds-from OLD_FILE`
    assert not (data_dir() / "homophones.bin.gz").exists()


def test_model_file_keeps_the_whole_weight_table_and_reads_the_old_layout():
    import gzip

    import numpy as np

    raw = (data_dir() / MODEL_FILE).read_bytes()
    header, arrays = model_parts(raw)
    assert write_model(header, arrays) == raw  # the used lanes give back the same table
    model = load_model()
    assert np.array_equal(arrays["buckets"], model.buckets)
    assert np.array_equal(arrays["weights"], model.weights)
    lanes = model.buckets.view(np.uint16)
    assert lanes.any() and not lanes.all() and not model.weights[lanes == 0].any()
    old = gzip.compress(serialize(header, arrays), mtime=0)  # the layout shipped until 4 December 2026
    old_header, old_arrays = model_parts(old)
    assert old_header == header and list(old_arrays) == list(arrays)
    for name, array in arrays.items():
        assert np.array_equal(old_arrays[name], array) and old_arrays[name].dtype == array.dtype


def test_ngram_table_round_trips_and_finds_its_keys():
    keys = _ngrams.key_hash(np.arange(1, 2001, dtype=np.int64) * 7919)
    counts = np.arange(2000, dtype=np.float64)
    prior = np.array([[0.9, 0.1, 0.0]])
    table = _ngrams.read_table(gzip.decompress(_ngrams.write_table(keys, counts, prior, 10)))
    assert table.sizes.tolist() == [2]
    assert np.allclose(table.find(keys), counts, rtol=0.05, atol=0.1)  # counts are kept to ~4%
    others = _ngrams.key_hash(np.arange(5001, 7001, dtype=np.int64) * 7919)
    assert (table.find(others[~np.isin(others, keys)]) == 0).all()


def test_ngram_table_keeps_the_sets_it_speaks_for():
    keys = _ngrams.key_hash(np.arange(1, 11, dtype=np.int64))
    prior = np.array([[0.9, 0.1], [0.5, 0.5], [0.7, 0.3]])
    every = _ngrams.read_table(gzip.decompress(_ngrams.write_table(keys, np.ones(10), prior, 10)))
    assert every.counted is None
    some = _ngrams.read_table(gzip.decompress(_ngrams.write_table(keys, np.ones(10), prior, 10, [2, 0])))
    assert some.counted.tolist() == [True, False, True]


def test_shipped_ngrams_fit_the_model_and_both_stay_compact():
    model = load_model()
    table = _ngrams.load_table()
    assert model is not None and table is not None
    assert (table.vocab_size, table.sets) == (len(model.vocab), len(model.sets))
    sizes = [(data_dir() / name).stat().st_size
             for name in (MODEL_FILE, _ngrams.NGRAM_FILE, _collocations.COLLOCATION_FILE)]
    assert sum(sizes) <= 5_000_000
    # the sets chosen on tune (scripts/choose_homophone_count_sets.py), as the build counts them
    chosen = json.loads((ROOT / "scripts" / "homophone-count-sets.json").read_text())
    assert table.counted is not None
    assert sorted(s.name for s in model.sets if table.counted[s.index]) == sorted(chosen)


def _lifts_of(text: str) -> list[tuple[str, tuple[str, ...], np.ndarray]]:
    """(written member, its set, the members' lifts) of each occurrence in `text`."""
    model = load_model()
    assert model is not None
    doc = AnalyzedDocument.from_text(text)
    forms = token_forms(doc)
    ids = token_ids(forms.lowered, model.vocab)[forms.code]
    token, set_index, member = occurrences(model, ids)
    enc = encode(ids, new_sentences(forms.sentence), model.classes)
    found = _ngrams.lifts(model, enc, token, set_index, max(len(s.members) for s in model.sets))
    assert found is not None
    sets = [model.sets[int(s)].members for s in set_index]
    return [(sets[r][int(member[r])], sets[r], found[r]) for r in range(len(token))]


@pytest.mark.parametrize("text, word", [
    # a set whose rarest member is seen fewer than 10,000 times in train (buoy 21 times, tolled 15)
    # backs off to the linear model: that member's absence beside the common one's neighbours proves little
    ("A red buoy marked the channel.", "buoy"),
    ("The bells tolled for the dead.", "tolled"),
    ("They razed the town to the ground.", "razed"),
])
def test_ngram_evidence_is_silent_for_a_set_with_a_thin_member(text, word):
    row = next(lifts for written, _, lifts in _lifts_of(text) if written == word)
    assert not row.any()


@pytest.mark.parametrize("text, written, meant", [
    ("She was to tired to walk.", "to", "too"),
    ("He took his coat of and sat down.", "of", "off"),
    ("I think your going to be late.", "your", "you're"),
])
def test_ngram_evidence_sides_with_the_member_the_neighbours_know(text, written, meant):
    members, lifts = next((members, lifts) for word, members, lifts in _lifts_of(text)
                          if word == written and meant in members)
    assert lifts[members.index(meant)] > lifts[members.index(written)]


@pytest.mark.parametrize("text, fix", [
    # "stay here" and "if it's" are seen thousands of times in the train split, "stay hear", "if its" seldom
    ("I'd rather stay hear with you.", ("hear", "here")),
    ("I wonder if its true.", ("its", "it's")),
])
def test_ngram_evidence_flags_a_slip_the_window_model_alone_let_pass(tmp_path, text, fix):
    assert _cli_fixes(tmp_path, text) == [fix]


@pytest.mark.parametrize("text, fixes", [
    # "an" is never an article before a consonant letter other than h: it was "and"
    ("She hesitated with an answer an skip every offer he made.", [("an", "and")]),
    # not before a vowel, h or an initialism
    ("He was an MP for ten years, an honest man, and an able one.", []),
    # nor where "and" is no clearer than another word: before a determiner ("on"), before a
    # subject pronoun or opening a sentence (old books' "an" = "if")
    ("She put the book an the table by the door.", []),
    ("Take the horse an thou wilt, for I care not.", []),
    ("\"An ye had talked less, we had been home by now.\"", []),
])
def test_an_before_a_consonant_gives_way_to_and(tmp_path, text, fixes):
    assert _cli_fixes(tmp_path, text) == fixes


@pytest.mark.parametrize("text, fixes", [
    # a clause cut short right after the word: speech broken off after a contraction, an
    # infinitive's "to" after its verb with the verb left out
    ('"I just thought I\'d ask how you\'re. You know. How you\'re doing."', []),
    ("They had planned the trip for years, but never got to.", []),
    ("She had meant to write, and wanted to.", []),
    # "to" after a word that is no verb, before a stop: "too"; a contraction where the other
    # member can end the clause: "there"
    ("I love you to.", [("to", "too")]),
    ("She left the keys over they're.", [("they're", "there")]),
])
def test_a_clause_cut_short_after_the_word_is_left_alone(tmp_path, text, fixes):
    assert _cli_fixes(tmp_path, text) == fixes


@pytest.mark.parametrize("text, fixes", [
    # a written word rarer than one use per million, whose other member is far commoner, needs
    # a margin of at most RARE_MARGIN (tune prices its own threshold at a 4-nat floor)
    ("She sat by the door, weighting for the bus to come.", [("weighting", "waiting")]),
    ("The buoy ran down the street to find his mother.", [("buoy", "boy")]),
    # in its own sense the model finds it natural
    ("Her stockings were seamed at the back.", []),
    ("She was weighting the sacks of grain on the scale.", []),
    ("They tied the boat to the buoy in the harbour.", []),
    ("The old mine was mined out years ago.", []),
])
def test_a_rare_word_gives_way_to_a_far_commoner_member_at_a_smaller_margin(tmp_path, text, fixes):
    assert _cli_fixes(tmp_path, text) == fixes


def test_the_rare_word_margin_leaves_the_stricter_levels_alone(tmp_path):
    """Under its direction's tune threshold, the finding is reported below 0.75: min-confidence
    0.75 and 0.9 still keep what tune's stricter thresholds flag."""
    path = tmp_path / "chapter.txt"
    path.write_text("She sat by the door, weighting for the bus to come.\n", encoding="utf-8")
    result = run_cli("check", "--select", "H", "--format", "json", "--no-cache", str(path))
    found = [(d["text"], d["confidence"]) for f in result.json()["files"] for d in f["diagnostics"]]
    assert [text for text, _ in found] == ["weighting"]
    assert 0.5 < found[0][1] < 0.75


@pytest.mark.parametrize("text, fixes", [
    # a neighbour the rarer member keeps far more often than the written one ("asleep" after
    # "fell", "purpose" after "sole"), where the model is near its threshold
    ("By midnight the children had feel asleep on the rug.", [("feel", "fell")]),
    ("He came to the city for the soul purpose of seeing her.", [("soul", "sole")]),
    # the same words where no neighbour speaks for the rival
    ("She could feel the cold through her coat.", []),
    ("Her soul was at peace at last.", []),
    ("The soul of the purpose is kindness.", []),
    ("It was not his sole purpose.", []),
])
def test_a_neighbour_the_rarer_member_keeps_speaks_for_it(tmp_path, text, fixes):
    assert _cli_fixes(tmp_path, text) == fixes


@pytest.mark.parametrize("text, fixes", [
    # two neighbours that each keep the rarer member ("hard to breathe", "breathe freely";
    # "longer than", "than it usually"), where the model leans to it only a little
    ("It was hard to breath freely in the smoke.", [("breath", "breathe")]),
    ("His hair was longer then it usually was.", [("then", "than")]),
    # one such neighbour is not enough at that margin, and the right words stay
    ("It was hard to breath in the smoke.", []),
    ("It was hard to breathe freely in the smoke.", []),
    ("His hair was longer then, and he wore it loose.", []),
    ("His hair was longer than it usually was.", []),
])
def test_two_neighbours_that_keep_the_rarer_member_speak_for_it_together(tmp_path, text, fixes):
    assert _cli_fixes(tmp_path, text) == fixes


def test_collocation_findings_stay_under_the_stricter_levels(tmp_path):
    """The vote flags what the thresholds let pass: its findings report below 0.75."""
    path = tmp_path / "chapter.txt"
    path.write_text("By midnight the children had feel asleep on the rug.\n"
                    "It was hard to breath freely in the smoke.\n", encoding="utf-8")
    result = run_cli("check", "--select", "H", "--format", "json", "--no-cache", str(path))
    found = [(d["text"], d["confidence"]) for f in result.json()["files"] for d in f["diagnostics"]]
    assert [text for text, _ in found] == ["feel", "breath"]
    assert all(0.5 < confidence < 0.75 for _, confidence in found)


def test_shipped_collocations_speak_only_for_rarer_members_of_uncounted_sets():
    model = load_model()
    table = _collocations.load_collocations()
    assert table
    counted = _collocations.counted_sets()
    rate = {}
    for s in model.sets:
        for word, r in zip(s.members, s.rate, strict=True):
            rate[word] = max(rate.get(word, 0.0), r)
    uncounted = {(a, b) for s in model.sets if s.index not in counted for a in s.members for b in s.members}
    paired = _collocations.load_paired()
    for (written, offset, neighbour), rivals in paired.items():
        assert offset in _collocations.OFFSETS and neighbour[:1].isalnum()
        for rival in rivals:
            assert rate[rival] < rate[written] and (written, rival) in uncounted
    # a neighbour that votes alone votes in a pair too; some vote only in a pair
    assert all(set(rivals) <= set(paired[key]) for key, rivals in table.items())
    assert len(paired) > len(table)


@pytest.mark.parametrize("text", [
    "She was dyeing her hair red for the party.",
    "The dyeing of the cloth took all week.",
    "He bought it back from the pawnbroker.",
    "Her mother was dying of a fever.",
    "She was wary of him after that.",
    pytest.param("A red buoy marked the channel.", marks=pytest.mark.xfail(
        strict=True, reason="the model puts 'boy' 3.7 nats ahead here, under the 4-nat floor but over "
                            "RARE_MARGIN: a false alarm the rare-word margin costs")),
    "The bells tolled for the dead.",
    "They razed the town to the ground.",
])
def test_ngram_evidence_leaves_correct_uses_alone(tmp_path, text):
    assert _cli_fixes(tmp_path, text) == []


def test_flagged_helper_agrees():
    assert flagged("They where late.", "H002") == ["where"]


def test_confidence_rises_through_the_stricter_thresholds():
    levels = (2.0, 4.0, 6.0)  # the threshold, then those chosen for fewer false alarms
    assert confidence(2.0, levels) == 0.51  # just flagged
    assert confidence(3.0, levels) == 0.62
    # a level flags margins above it (weights are 16ths of a nat): `min-confidence: 0.75` keeps
    # what the first stricter level flags, and nothing at the level itself
    assert confidence(4.0, levels) == 0.74
    assert confidence(4.0625, levels) == 0.75
    assert confidence(6.0, levels) == 0.89
    assert confidence(6.0625, levels) >= 0.9
    assert 0.9 < confidence(7.0, levels) < confidence(9.0, levels) <= 0.99
    assert confidence(2.0625, (2.0, 2.0, 6.0)) == 0.75  # equal thresholds: the stricter one counts


def _spans(text: str, model, min_confidence: float = 0.0) -> list[tuple[int, str]]:
    doc = AnalyzedDocument.from_text(text)
    return [(d.start, str(d.data["intended"])) for d in model_findings(doc, model)
            if d.confidence is not None and d.confidence >= min_confidence]


def test_min_confidence_of_three_quarters_is_the_model_with_its_stricter_thresholds():
    model = load_model()
    assert model is not None
    stricter = copy.deepcopy(model)
    stricter.memo.clear()
    for s in stricter.sets:
        s.thresholds, s.stricter = s.stricter[0], s.stricter[1:]
    # text with many slips: every "were", "to", "its"... of the seeds swapped for another member
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt")))
    swaps = {"were": "where", "where": "were", "to": "too", "its": "it's", "their": "there",
             "then": "than", "your": "you're", "through": "threw", "past": "passed"}
    slipped = re.sub(r"\b(\w+)\b", lambda m: swaps.get(m.group(1), m.group(1)), text)
    everything = _spans(slipped, model)
    confident = _spans(slipped, model, 0.75)
    assert len(everything) >= len(confident) > 5
    assert confident == _spans(slipped, stricter)
