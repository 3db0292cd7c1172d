# try/except/else/finally semantics, return/break/continue in finally, exception chaining
# (__context__, __cause__, __suppress_context__), exception objects and hierarchy.
def order(fail):
    log = []
    try:
        log.append('try')
        if fail:
            raise ValueError('boom')
    except ValueError as e:
        log.append('except ' + str(e))
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
print(order(False), order(True))
def ret_finally():
    try:
        return 'try'
    finally:
        print('finally runs before return')
print(ret_finally())
def finally_overrides():
    try:
        return 'try'
    finally:
        return 'finally'
print(finally_overrides())
def finally_swallows():
    try:
        raise KeyError('lost')
    finally:
        return 'swallowed'
print(finally_swallows())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def nested():
    try:
        try:
            raise TypeError('inner')
        finally:
            print('inner finally')
    except TypeError as e:
        print('caught', e)
    finally:
        print('outer finally')
nested()
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('during handling')
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError as ke:
        raise RuntimeError('explicit') from ke
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        raise OSError('x')
    except OSError:
        raise ValueError('no context') from None
except ValueError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
e_name = 'keep'
try:
    raise IndexError('deleted after')
except IndexError as e_name:
    pass
try:
    e_name
except NameError as err:
    print('NameError:', err)
def reraise():
    try:
        raise ValueError('orig')
    except ValueError:
        print('handling')
        raise
try:
    reraise()
except ValueError as e:
    print('reraised', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
class SubError(MyError):
    pass
try:
    raise SubError(42, 'sub')
except MyError as e:
    print(type(e).__name__, e.code, e.args, str(e), repr(e))
try:
    raise MyError
except TypeError as e:
    print('TypeError:', e)
for exc in (ValueError(), ValueError('one'), ValueError('a', 2), KeyError('k'), KeyError(), OSError(2, 'No such file'), StopIteration(5)):
    print(repr(exc), '|', str(exc), '|', exc.args)
print(StopIteration(5).value, SystemExit(3).code, KeyboardInterrupt.__mro__[1].__name__)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError), issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError), issubclass(ModuleNotFoundError, ImportError), issubclass(FileNotFoundError, OSError), issubclass(NotImplementedError, RuntimeError), issubclass(GeneratorExit, Exception))
try:
    raise (ValueError, TypeError)[1]('from tuple')
except (KeyError, TypeError) as e:
    print('tuple match', e)
def multi(v):
    try:
        if v == 0:
            raise KeyError(v)
        if v == 1:
            raise IndexError(v)
        return 'ok'
    except KeyError:
        return 'key'
    except IndexError:
        return 'index'
    except Exception:
        return 'other'
print(multi(0), multi(1), multi(2))
try:
    raise 5
except TypeError as e:
    print('TypeError:', e)
try:
    try:
        pass
    except 5:
        pass
    print('no exception, bad clause never evaluated')
    try:
        1 / 0
    except 5:
        pass
except TypeError as e:
    print('TypeError:', e)
import sys
def info():
    try:
        raise ValueError('current')
    except ValueError:
        return sys.exc_info()[0].__name__, str(sys.exc_info()[1]), sys.exception() if hasattr(sys, 'exception') else 'n/a'
print(info()[:2], sys.exc_info())
e = Exception('note')
e.add_note('extra info')
print(e.__notes__)
e2 = ValueError('tb')
print(e2.__traceback__, e2.with_traceback(None) is e2)
try:
    raise ValueError('with tb')
except ValueError as caught:
    tb = caught.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next)
def in_handler():
    try:
        raise KeyError('a')
    except KeyError:
        try:
            raise ValueError('b')
        except ValueError as inner:
            return repr(inner.__context__)
print(in_handler())
class Ctx(Exception):
    def __str__(self):
        return 'custom str'
print(str(Ctx()), repr(Ctx('x')), BaseException('a', 'b'))
try:
    raise SystemExit('bye')
except SystemExit as e:
    print('caught SystemExit', e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print('not here')
except BaseException as e:
    print('BaseException catches', type(e).__name__)
