# A class whose bases are an unparenthesized generator expression.
class A(x for x in ()):
    pass
