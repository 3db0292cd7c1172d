# How many references CPython 3.11's parser leaves on an attribute name (in the AST
# arena while the script runs), by context: a chain that begins with a literal, a
# display or a group where an assignment target could start has its attributes tried
# by the target rules too, as a name's chain has.  The statements never run.
import sys
y = [0]
def f(*a): return a
if 0:
    x = "abc".zq_attr_0(10)
    "abc".zq_attr_1(10)
    x = "abc".zq_attr_2
    x = (5).zq_attr_3()
    x = 5 .zq_attr_4()
    x = [1].zq_attr_5()
    x = (y).zq_attr_6()
    x = (1, 2).zq_attr_7()
    x = y.zq_attr_8()
    x = "a".zq_attr_9().b
    x = "a".b.zq_attr_10()
    f("a".zq_attr_11())
    x = 1 + "a".zq_attr_12()
    x = b"a".zq_attr_13()
    x = ("a").zq_attr_14()
    "abc".zq_attr_15 = 1
    x = {}.zq_attr_16()
    x = "a".zq_attr_17[0]
    x = ["a"][0].zq_attr_18()
    x = y, "a".zq_attr_19()
    x = "a" "b".zq_attr_20()
    "a".zq_attr_21 += 1
    x = y = "a".zq_attr_22()
    y, "a".zq_attr_23()
    x = y(), "a".zq_attr_24()
    x = y, [1].zq_attr_25()
    x: int = "a".zq_attr_26()
    for i in "a".zq_attr_27(): pass
for n, ctx in [('zq_attr_0', 'x = "abc".N(10)'), ('zq_attr_1', '"abc".N(10)'), ('zq_attr_2', 'x = "abc".N'), ('zq_attr_3', 'x = (5).N()'), ('zq_attr_4', 'x = 5 .N()'), ('zq_attr_5', 'x = [1].N()'), ('zq_attr_6', 'x = (y).N()'), ('zq_attr_7', 'x = (1, 2).N()'), ('zq_attr_8', 'x = y.N()'), ('zq_attr_9', 'x = "a".N().b'), ('zq_attr_10', 'x = "a".b.N()'), ('zq_attr_11', 'f("a".N())'), ('zq_attr_12', 'x = 1 + "a".N()'), ('zq_attr_13', 'x = b"a".N()'), ('zq_attr_14', 'x = ("a").N()'), ('zq_attr_15', '"abc".N = 1'), ('zq_attr_16', 'x = {}.N()'), ('zq_attr_17', 'x = "a".N[0]'), ('zq_attr_18', 'x = ["a"][0].N()'), ('zq_attr_19', 'x = y, "a".N()'), ('zq_attr_20', 'x = "a" "b".N()'), ('zq_attr_21', '"a".N += 1'), ('zq_attr_22', 'x = y = "a".N()'), ('zq_attr_23', 'y, "a".N()'), ('zq_attr_24', 'x = y(), "a".N()'), ('zq_attr_25', 'x = y, [1].N()'), ('zq_attr_26', 'x: int = "a".N()'), ('zq_attr_27', 'for i in "a".N(): pass')]:
    print(ctx.ljust(26), sys.getrefcount(sys.intern(n)))
