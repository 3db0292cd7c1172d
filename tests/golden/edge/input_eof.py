# regression (fuzz exec): input() at EOF of an empty stdin, before any read-ahead
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError:", e)
import sys
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
