"""Grammar (G rules): verb forms after auxiliaries, agreement, possessives, lie/lay, repeated
phrases and double comparisons, judged on the analysis layer's tokens and word classes."""
