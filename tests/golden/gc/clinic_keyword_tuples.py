# CPython 3.11's Argument Clinic parsers build their keyword-name tuple (a GC tuple kept
# for ever) on their first call with keywords.  Each call below runs twice after a
# collection: the first keyword call of a parser counts one more than the second.
# bytes and bytearray methods are separate parsers, and so are split and rsplit.
# property's parser is already set up by the interpreter's start-up.
import gc
ba = bytearray(b'a\tb')
def f(x): return x
calls = [
    "b'a'.decode(encoding='utf-8')", "ba.decode(encoding='utf-8')",
    "b'a'.splitlines(keepends=True)", "ba.splitlines(keepends=True)",
    "b'a'.expandtabs(tabsize=4)", "ba.expandtabs(tabsize=4)",
    "b'a'.translate(None, delete=b'')", "ba.translate(None, delete=b'')",
    "b'a'.hex(sep=':')", "ba.hex(sep=':')",
    "'a'.split(sep='a')", "'a'.rsplit(sep='a')",
    "b'a'.split(sep=b'a')", "ba.split(sep=b'a')", "b'a'.rsplit(sep=b'a')", "ba.rsplit(sep=b'a')",
    "bytes(source=b'a')", "bytearray(source=b'a')",
    "property(fget=f)", "sorted([], key=f)", "int('5', base=10)",
    "b'a'.split(b'a')", "ba.hex()",
]
for t in calls:
    code = compile('e = ' + t, 'calls', 'exec')
    for i in range(2):
        e = None
        gc.collect()
        before = gc.get_count()[0]
        exec(code)
        print(t, gc.get_count()[0] - before)
