"""Mechanics: the small slips of typing fast (two-dot ellipses, a missing space
after a full stop, a lowercase "i", a sentence that starts lowercase, a doubled
word, a paragraph of narration with no full stop at its end)."""
