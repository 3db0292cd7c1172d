# An uncaught ValueError from format() with a numeric code on a str.
print(format('abc', '>5'))
print(format('abc', 'd'))
