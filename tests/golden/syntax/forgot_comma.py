# Two expressions side by side in a call.
print(1, 2 3)
