class Timer:
    def __enter__(self):
        return 1
    def __exit__(self, *exc):
        pass
with Timer() as a:
    prhnt('x')
