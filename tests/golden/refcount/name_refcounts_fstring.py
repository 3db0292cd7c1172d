# NAME attempts in f-string replacement fields: 3.11 parses each field as '(' expr ')'
# with a parser of its own, whose group, tuple and genexp alternatives each try a NAME
# that starts the field; sys.getrefcount of the identifiers shows the references.
import sys
if 0:
    x = f'{qfa}'
    x = f'{qfb + 1}'
    x = f'{qfc.a}'
    x = f'{qfd!r}'
    x = f'{qfe:>10}'
    x = f'{1 + qff}'
    print(f'{qfg}')
    x = f'a{qfh}b{qfh}'
    x = f'{qfi(1)}'
    x = f'{qfj[0]}'
    x = f'{(qfk)}'
    x = f'{qfl, 1}'
    x = f'{-qfm}'
    x = f'{qfn=}'
    x = f'{1:{qfo}}'
for name in ['qfa', 'qfb', 'qfc', 'qfd', 'qfe', 'qff', 'qfg', 'qfh', 'qfi', 'qfj', 'qfk', 'qfl', 'qfm', 'qfn', 'qfo']:
    print(name, sys.getrefcount(name))
