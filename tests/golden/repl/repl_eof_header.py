import sys
sys.stderr = sys.stdout
def f():
