# Concatenating a bytes literal with a str literal.
x = b'abc' 'def'
