# An assignment whose target is a literal.
1 = x
