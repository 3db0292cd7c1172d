# Helper module imported by modules_import.py (run directly, it is a small test itself:
# __name__ is "__main__" only then).
print('langhelper executing, __name__ =', __name__)
CONSTANT = 42
_private = 'hidden from star-import'
counter = 0
def greet(who):
    return f'hello {who} from {__name__}'
def bump():
    global counter
    counter += 1
    return counter
class Thing:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Thing({self.v!r})'
__all__ = ['CONSTANT', 'greet', 'Thing', 'bump']
if __name__ == '__main__':
    print('run as a script:', greet('main'), Thing(1))
