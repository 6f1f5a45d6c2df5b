"""Tense drift: T001 (present-tense slips in past narration), T002 (past-tense slips in present narration)."""
