# A number directly followed by a name.
x = 1abc
