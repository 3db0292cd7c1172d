# NAME attempts in parameter lists: after '/' or '*' and before a '/', a parameter is
# tried once when more follow and twice when it ends the list (a default after '/'
# costs two more); sys.getrefcount of the identifiers shows the parser's references.
import sys
if 0:
    def f(a, /, qpaa, *, b): pass
    def f(a, /, qpab): pass
    def f(qpac, /): pass
    def f(qpad, /, b): pass
    def f(a, *args, qpae, **kw): pass
    def f(a, *args, qpaf): pass
    def f(*args, qpag): pass
    def f(*, qpah): pass
    def f(*, a, qpai): pass
    def f(*, qpaj, a): pass
    def f(*, qpak=1, a): pass
    def f(a, *, qpal=1): pass
    def f(a, /, *, qpam): pass
    def f(a, qpan, /): pass
    def f(*qpao): pass
    def f(*qpap: int): pass
    def f(*qpba, a): pass
    def f(**qpbb: int): pass
    def f(a, /, qpbc, b): pass
    def f(a, /, qpbd=1, b=2): pass
    def f(a, /, qpbe=1): pass
    def f(a, /, qpbf, b=2): pass
    def f(qpbg, b, /): pass
    def f(qpbh, b, /, c): pass
    def f(*, a, qpbi: int): pass
    def f(a, /, qpbj: int): pass
    lambda a, /, qpbk: 0
    lambda *, qpbl: 0
    lambda *a, qpbm: 0
    lambda qpbn, /: 0
    lambda *, qpbo=1, a: 0
    def f(qwa=1, /): pass
    def f(a, qwb=1, /): pass
    def f(qwc=1, b=2, /): pass
    def f(a=1, qwd=2, /): pass
    def f(qwe=1, /, b=2): pass
    def f(a, qwf=1, /, b=2): pass
    def f(qwg=1, /, *, b): pass
    def f(qwh, b=1, /): pass
    def f(qwi, b=1, /, c=2): pass
    def f(a=1, qwj=2, /, c=3): pass
    def f(qwk=1, /, *args): pass
for name in ['qpaa', 'qpab', 'qpac', 'qpad', 'qpae', 'qpaf', 'qpag', 'qpah', 'qpai', 'qpaj', 'qpak', 'qpal', 'qpam', 'qpan', 'qpao', 'qpap', 'qpba', 'qpbb', 'qpbc', 'qpbd', 'qpbe', 'qpbf', 'qpbg', 'qpbh', 'qpbi', 'qpbj', 'qpbk', 'qpbl', 'qpbm', 'qpbn', 'qpbo', 'qwa', 'qwb', 'qwc', 'qwd', 'qwe', 'qwf', 'qwg', 'qwh', 'qwi', 'qwj', 'qwk']:
    print(name, sys.getrefcount(name))
