import sys
sys.stderr = sys.stdout
print(1)
x = (1,
     2