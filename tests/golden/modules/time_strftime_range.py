# strftime with a month out of range raises ValueError
import time
print(time.strftime("%Y", (2020, 12, 1, 0, 0, 0, 0, 1, 0)))
time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0))
