"""Dialogue: the punctuation of speech, where fan fiction breaks most often.

The rules judge the quotations the analysis layer found (ficlint/analysis/speech.py):
each knows the tag or beat after it, the mark before its closing quote, and
whether it is speech at all (not a quoted phrase, a sign or a text message).
"""
