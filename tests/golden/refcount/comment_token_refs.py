# The AST arena keeps every token's bytes while the script runs.  A NEWLINE token is b''
# -- except after a comment, where CPython's token spans the comment's text -- so each
# line that ends with a comment holds one reference to b'' fewer.
import sys
x = 1  # a comment
y = [1,  # inside brackets: no NEWLINE token
     2]
# a comment line: no token at all
if x:  # a compound statement's header
    pass
print(sys.getrefcount(b'') - 1000000000)  # the last line
