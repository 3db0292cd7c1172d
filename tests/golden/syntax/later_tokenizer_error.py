# A generic syntax error followed by an unterminated string: the tokenizer error wins.
x = 1 2
y = 'abc
