# AttributeError with a suggestion for a close attribute name.
class Config:
    def __init__(self):
        self.timeout = 30
c = Config()
print(c.timeout)
print(c.timout)
