"""Every built-in rule: its id and the module under ficlint/rules/ that defines it.

The one table of ficlint's own rules, like ruff's `codes.rs`: grep an id to
find its code, its documentation and its examples. Id prefixes: M mechanics,
D dialogue, H homophones, V dialect (varieties of English), T tense,
S spelling, G grammar, C capitalization; P is for the shipped YAML packs in
rules/, LT: for the optional LanguageTool backend.
"""

from __future__ import annotations

RULES: dict[str, str] = {
    "M001": "mechanics.m001_two_dot_ellipsis",
    "M002": "mechanics.m002_missing_space_after_punctuation",
    "M003": "mechanics.m003_lowercase_i",
    "M004": "mechanics.m004_lowercase_sentence_start",
    "M005": "mechanics.m005_doubled_word",
    "M006": "mechanics.m006_missing_end_punctuation",
    "M007": "mechanics.m007_doubled_comma",
    "M008": "mechanics.m008_space_before_punctuation",
    "M009": "mechanics.m009_unpaired_bracket",
    "M010": "mechanics.m010_apostrophe_in_plural",
    "D001": "dialogue.d001_speech_tag_after_full_stop",
    "D002": "dialogue.d002_capitalized_speech_tag",
    "D003": "dialogue.d003_missing_comma_before_tag",
    "D004": "dialogue.d004_action_beat_not_capitalized",
    "D005": "dialogue.d005_comma_before_action_beat",
    "D006": "dialogue.d006_lowercase_dialogue_start",
    "D007": "dialogue.d007_dialogue_missing_end_punctuation",
    "D008": "dialogue.d008_space_inside_quote",
    "D009": "dialogue.d009_no_space_around_quote",
    "D010": "dialogue.d010_narration_runs_into_speech",
    "D011": "dialogue.d011_unclosed_quote",
    "D012": "dialogue.d012_american_punctuation_placement",
    "D013": "dialogue.d013_comma_before_new_speech",
    "D014": "dialogue.d014_speech_ends_with_comma",
    "D015": "dialogue.d015_question_without_question_mark",
    "D016": "dialogue.d016_full_stop_outside_speech",
    "D017": "dialogue.d017_comma_after_question_or_exclamation",
    "C001": "capitalization.c001_name_in_lowercase",
    "C002": "capitalization.c002_calendar_word_in_lowercase",
    "C003": "capitalization.c003_title_in_lowercase",
    "C004": "capitalization.c004_family_word_as_name",
    "C005": "capitalization.c005_common_noun_capitalized",
    "T001": "tense.t001_present_tense_in_past_narration",
    "T002": "tense.t002_past_tense_in_present_narration",
    "T003": "tense.t003_present_tense_amid_narrator_present",
    "T004": "tense.t004_past_tense_in_present_narration_weak",
    "V001": "dialect.v001_dialect_spelling",
    "S001": "spelling.s001_possible_typo",
    "S002": "spelling.s002_character_name_near_miss",
    "S003": "spelling.s003_split_compound",
    "S004": "spelling.s004_split_into",
    "S005": "spelling.s005_split_closed_compound",
    "H001": "homophones.h001_homophone_in_context",
    "H002": "homophones.h002_homophone_pattern",
    "H003": "homophones.h003_misheard_phrase",
    "G001": "grammar.g001_past_for_participle",
    "G002": "grammar.g002_base_form_after_auxiliary",
    "G003": "grammar.g003_bare_infinitive",
    "G004": "grammar.g004_subject_verb_agreement",
    "G005": "grammar.g005_possessive_without_apostrophe",
    "G006": "grammar.g006_lie_lay",
    "G007": "grammar.g007_repeated_phrase",
    "G008": "grammar.g008_double_comparison",
    "G009": "grammar.g009_participle_for_past",
    "G010": "grammar.g010_pronoun_case",
    "G011": "grammar.g011_missing_subject",
    "G012": "grammar.g012_infinitive_or_gerund",
    "G013": "grammar.g013_plural_after_one_of",
    "G014": "grammar.g014_missing_article",
    "G015": "grammar.g015_how_looks_like",
    "G016": "grammar.g016_missing_know",
    "G017": "grammar.g017_coordinated_verb",
    "G018": "grammar.g018_plural_possessive",
    "G019": "grammar.g019_adverb_for_adjective",
    "G020": "grammar.g020_regularized_past",
}

# Kinds of YAML pack rule that a family adds beyond substitution, existence and consistency:
# kind -> "module:builder", the builder taking (entry, path) and returning a Check.
PACK_KINDS: dict[str, str] = {
    "glossary": "spelling._glossary:GlossaryRule",
}
