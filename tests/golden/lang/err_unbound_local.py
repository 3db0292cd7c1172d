# UnboundLocalError message for a local read before assignment.
total = 0
def add(n):
    total += n
    return total
add(1)
