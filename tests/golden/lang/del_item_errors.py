# The TypeError of `del o[k]` on an object that cannot delete items: types with sequence
# methods (str, tuple, bytes, range, sets, every class) given an integer index say
# "doesn't support item deletion", others (and other keys) "does not".
class A:
    def __getitem__(s, k): return 1
class B: pass
for src in ['del (1)[0]', 'del "a"[0]', 'del "a"["x"]', 'del (1,)[0]', 'del A()[0]', 'del A()["x"]',
            'del range(3)[0]', 'del b"a"[0]', 'del frozenset()[0]', 'del None[0]',
            'del (lambda: 0)[0]', 'del B()[0]', 'del B()["x"]', 'del "a"[10**30]', 'del (1,)[True]',
            'del {1}[0]', 'del 1.5[0]', 'del [].append[0]', 'x = (1,); x[0] = 2', 'x = 1; x[0] = 2']:
    try:
        exec(src)
    except Exception as e:
        print(src, '->', type(e).__name__, e)
