"""Dialect: one manuscript, one spelling dialect (British or American English).

`_variants.py` knows the spelling pairs and finds them in a document,
`_facts.py` decides the manuscript's dialect (other families read it as
`ctx.facts("dialect")`), and V001 judges each spelling against it.
"""
