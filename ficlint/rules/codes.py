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
    "T001": "tense.t001_present_tense_in_past_narration",
    "T002": "tense.t002_past_tense_in_present_narration",
    "V001": "dialect.v001_dialect_spelling",
    "S001": "spelling.s001_possible_typo",
    "S002": "spelling.s002_character_name_near_miss",
    "H001": "homophones.h001_homophone_in_context",
    "H002": "homophones.h002_homophone_pattern",
    "H003": "homophones.h003_misheard_phrase",
}

# Kinds of YAML pack rule that a family adds beyond substitution, existence and consistency:
# kind -> "module:builder", the builder taking (entry, path) and returning a Check.
PACK_KINDS: dict[str, str] = {
    "glossary": "spelling._glossary:GlossaryRule",
}
