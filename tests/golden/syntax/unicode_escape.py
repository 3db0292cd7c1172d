# A truncated \x escape in a string.
s = 'abc\x4'
