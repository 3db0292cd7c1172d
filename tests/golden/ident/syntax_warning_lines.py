# The warnings of a file's compilation name the file and line and show the source line
# (compile() of syntax_warning.py, with sys.stderr sent to stdout to see them).
import sys
sys.stderr = sys.stdout
code = compile(open('syntax_warning.py').read(), 'syntax_warning.py', 'exec')
print('compiled', code.co_filename)
code = compile('y = 2\nprint(y is 2.0)\n', '<text>', 'exec')
exec(code)
