# an uncaught negative sleep ends the script with ValueError
import time
time.sleep(0)
print("slept")
time.sleep(-0.5)
