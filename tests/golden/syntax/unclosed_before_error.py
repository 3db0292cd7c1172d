# An unclosed parenthesis on an earlier line than the reported error wins.
foo(1,
x = 2
