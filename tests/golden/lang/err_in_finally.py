# An exception in a finally block while another propagates: the first becomes __context__.
def work():
    try:
        [][1]
    finally:
        None.missing
work()
