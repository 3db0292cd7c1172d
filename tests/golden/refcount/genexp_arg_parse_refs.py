# References CPython 3.11's parser leaves on the name starting a generator expression's
# element when the generator is a call's only argument: fewer in a call that could not
# start an assignment target.  Never run.
import sys
y = [0]
def f(*a, **k): return 0
g = f
def h():
    f(zq_ge_0 for j in y)
    f(zq_ge_1() for j in y)
    f(zq_ge_2.a for j in y)
    f(zq_ge_3[0] for j in y)
    f(zq_ge_4[0] < 1 for j in y)
    f(zq_ge_5 + 1 for j in y)
    f(zq_ge_6.a() for j in y)
    g(f(zq_ge_7 for j in y))
    g(f(zq_ge_8() for j in y))
    g(f(zq_ge_9.a for j in y))
    g(f(zq_ge_10[0] for j in y))
    g(f(zq_ge_11[0] < 1 for j in y))
    g(f(zq_ge_12 + 1 for j in y))
    g(f(zq_ge_13.a() for j in y))
    print(all(zq_ge_14 for j in y))
    print(all(zq_ge_15() for j in y))
    print(all(zq_ge_16.a for j in y))
    print(all(zq_ge_17[0] for j in y))
    print(all(zq_ge_18[0] < 1 for j in y))
    print(all(zq_ge_19 + 1 for j in y))
    print(all(zq_ge_20.a() for j in y))
    x = f(zq_ge_21 for j in y)
    x = f(zq_ge_22() for j in y)
    x = f(zq_ge_23.a for j in y)
    x = f(zq_ge_24[0] for j in y)
    x = f(zq_ge_25[0] < 1 for j in y)
    x = f(zq_ge_26 + 1 for j in y)
    x = f(zq_ge_27.a() for j in y)
    x = g(f(zq_ge_28 for j in y))
    x = g(f(zq_ge_29() for j in y))
    x = g(f(zq_ge_30.a for j in y))
    x = g(f(zq_ge_31[0] for j in y))
    x = g(f(zq_ge_32[0] < 1 for j in y))
    x = g(f(zq_ge_33 + 1 for j in y))
    x = g(f(zq_ge_34.a() for j in y))
    f(1, (zq_ge_35 for j in y))
    f(1, (zq_ge_36() for j in y))
    f(1, (zq_ge_37.a for j in y))
    f(1, (zq_ge_38[0] for j in y))
    f(1, (zq_ge_39[0] < 1 for j in y))
    f(1, (zq_ge_40 + 1 for j in y))
    f(1, (zq_ge_41.a() for j in y))
    f((zq_ge_42 for j in y))
    f((zq_ge_43() for j in y))
    f((zq_ge_44.a for j in y))
    f((zq_ge_45[0] for j in y))
    f((zq_ge_46[0] < 1 for j in y))
    f((zq_ge_47 + 1 for j in y))
    f((zq_ge_48.a() for j in y))
    x = [f(zq_ge_49 for j in y)]
    x = [f(zq_ge_50() for j in y)]
    x = [f(zq_ge_51.a for j in y)]
    x = [f(zq_ge_52[0] for j in y)]
    x = [f(zq_ge_53[0] < 1 for j in y)]
    x = [f(zq_ge_54 + 1 for j in y)]
    x = [f(zq_ge_55.a() for j in y)]
for n, ctx in [('zq_ge_0', 'f(E for j in y)  N'), ('zq_ge_1', 'f(E for j in y)  N()'), ('zq_ge_2', 'f(E for j in y)  N.a'), ('zq_ge_3', 'f(E for j in y)  N[0]'), ('zq_ge_4', 'f(E for j in y)  N[0] < 1'), ('zq_ge_5', 'f(E for j in y)  N + 1'), ('zq_ge_6', 'f(E for j in y)  N.a()'), ('zq_ge_7', 'g(f(E for j in y))  N'), ('zq_ge_8', 'g(f(E for j in y))  N()'), ('zq_ge_9', 'g(f(E for j in y))  N.a'), ('zq_ge_10', 'g(f(E for j in y))  N[0]'), ('zq_ge_11', 'g(f(E for j in y))  N[0] < 1'), ('zq_ge_12', 'g(f(E for j in y))  N + 1'), ('zq_ge_13', 'g(f(E for j in y))  N.a()'), ('zq_ge_14', 'print(all(E for j in y))  N'), ('zq_ge_15', 'print(all(E for j in y))  N()'), ('zq_ge_16', 'print(all(E for j in y))  N.a'), ('zq_ge_17', 'print(all(E for j in y))  N[0]'), ('zq_ge_18', 'print(all(E for j in y))  N[0] < 1'), ('zq_ge_19', 'print(all(E for j in y))  N + 1'), ('zq_ge_20', 'print(all(E for j in y))  N.a()'), ('zq_ge_21', 'x = f(E for j in y)  N'), ('zq_ge_22', 'x = f(E for j in y)  N()'), ('zq_ge_23', 'x = f(E for j in y)  N.a'), ('zq_ge_24', 'x = f(E for j in y)  N[0]'), ('zq_ge_25', 'x = f(E for j in y)  N[0] < 1'), ('zq_ge_26', 'x = f(E for j in y)  N + 1'), ('zq_ge_27', 'x = f(E for j in y)  N.a()'), ('zq_ge_28', 'x = g(f(E for j in y))  N'), ('zq_ge_29', 'x = g(f(E for j in y))  N()'), ('zq_ge_30', 'x = g(f(E for j in y))  N.a'), ('zq_ge_31', 'x = g(f(E for j in y))  N[0]'), ('zq_ge_32', 'x = g(f(E for j in y))  N[0] < 1'), ('zq_ge_33', 'x = g(f(E for j in y))  N + 1'), ('zq_ge_34', 'x = g(f(E for j in y))  N.a()'), ('zq_ge_35', 'f(1, (E for j in y))  N'), ('zq_ge_36', 'f(1, (E for j in y))  N()'), ('zq_ge_37', 'f(1, (E for j in y))  N.a'), ('zq_ge_38', 'f(1, (E for j in y))  N[0]'), ('zq_ge_39', 'f(1, (E for j in y))  N[0] < 1'), ('zq_ge_40', 'f(1, (E for j in y))  N + 1'), ('zq_ge_41', 'f(1, (E for j in y))  N.a()'), ('zq_ge_42', 'f((E for j in y))  N'), ('zq_ge_43', 'f((E for j in y))  N()'), ('zq_ge_44', 'f((E for j in y))  N.a'), ('zq_ge_45', 'f((E for j in y))  N[0]'), ('zq_ge_46', 'f((E for j in y))  N[0] < 1'), ('zq_ge_47', 'f((E for j in y))  N + 1'), ('zq_ge_48', 'f((E for j in y))  N.a()'), ('zq_ge_49', 'x = [f(E for j in y)]  N'), ('zq_ge_50', 'x = [f(E for j in y)]  N()'), ('zq_ge_51', 'x = [f(E for j in y)]  N.a'), ('zq_ge_52', 'x = [f(E for j in y)]  N[0]'), ('zq_ge_53', 'x = [f(E for j in y)]  N[0] < 1'), ('zq_ge_54', 'x = [f(E for j in y)]  N + 1'), ('zq_ge_55', 'x = [f(E for j in y)]  N.a()')]:
    print(ctx.ljust(40), sys.getrefcount(sys.intern(n)))
