# A position that runs several times: each execution is compared.
t = 'a b'
for v in ['a b', 'c d', 'a b']:
    print('@4', v is t)

