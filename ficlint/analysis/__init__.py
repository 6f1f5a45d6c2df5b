"""The analysis layer: what ficlint understands of a text once, for every family to read."""
