# memerr: raising, catching, chaining, finally, custom exception classes
class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 3 == 1:
        return {}["missing"]
    return 1 / 0

out = []
for i in range(6):
    try:
        try:
            risky(i)
        except KeyError as e:
            raise RuntimeError("wrapped") from e
        finally:
            out.append(i)
    except (AppError, RuntimeError, ZeroDivisionError) as e:
        out.append((type(e).__name__, str(e), type(e.__cause__).__name__))
print(out)
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__suppress_context__, repr(e))
