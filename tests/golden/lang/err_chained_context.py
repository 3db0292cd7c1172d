# An uncaught exception raised while handling another: both tracebacks, "During handling".
def parse(text):
    return int(text)
def load(d, key):
    try:
        return parse(d[key])
    except KeyError:
        raise ValueError(f'missing {key!r}')
print('start')
load({'a': '1'}, 'b')
