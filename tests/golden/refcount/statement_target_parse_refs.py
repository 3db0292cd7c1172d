# References CPython 3.11's parser leaves on the name that starts a statement's target
# chain: an assignment's or an augmented assignment's target is parsed as a target
# first; an expression statement's chain is tried by more rules.  Never run.
import sys
def h():
    zq_aug_0[0] += 1
    zq_aug_1.a.b += 1
    zq_aug_2.a().b += 1
    zq_aug_3().a += 1
    zq_aug_4[0][1] += 1
    zq_aug_5.a[0] *= 2
    zq_aug_6 += 1
    zq_aug_7.a = 1
    zq_aug_8.a.b = 1
    zq_aug_9().a = 1
    zq_aug_10.a
    zq_aug_11.a()
    zq_aug_12[0]
for n, ctx in [('zq_aug_0', 'N[0] += 1'), ('zq_aug_1', 'N.a.b += 1'), ('zq_aug_2', 'N.a().b += 1'), ('zq_aug_3', 'N().a += 1'), ('zq_aug_4', 'N[0][1] += 1'), ('zq_aug_5', 'N.a[0] *= 2'), ('zq_aug_6', 'N += 1'), ('zq_aug_7', 'N.a = 1'), ('zq_aug_8', 'N.a.b = 1'), ('zq_aug_9', 'N().a = 1'), ('zq_aug_10', 'N.a'), ('zq_aug_11', 'N.a()'), ('zq_aug_12', 'N[0]')]:
    print(ctx.ljust(16), sys.getrefcount(sys.intern(n)))
