# sys.stdin/stdout/stderr are held by sys.X and sys.__X__; sys.stderr has one more
# reference: CPython's start-up imports threading (site), whose main thread object keeps
# sys.stderr (Thread._stderr).
import sys

print(sys.getrefcount(sys.stdin), sys.getrefcount(sys.stdout), sys.getrefcount(sys.stderr))
err = sys.stderr
print(sys.getrefcount(sys.stderr))
del err
sys.stderr = sys.stdout
print(sys.getrefcount(sys.__stderr__), sys.getrefcount(sys.stdout))
sys.stderr = sys.__stderr__
print(sys.getrefcount(sys.stderr))
