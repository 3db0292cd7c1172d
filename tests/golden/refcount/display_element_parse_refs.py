# How many references CPython 3.11's parser leaves on a name that starts an element of
# a display or comprehension (in the AST arena while the script runs), by the shape of
# the element and the place of the display: each rule alternative that parses the
# element converts the name again.  The statements never run.
import sys
y = [0]
z = []
def f(*a): return a
if 0:
    x = [zq_el_0 for i in y]
    x = [zq_el_1() for i in y]
    x = [zq_el_2.a for i in y]
    x = [zq_el_3[0] for i in y]
    x = [zq_el_4.a() for i in y]
    x = [zq_el_5() + 1 for i in y]
    x = [zq_el_6 + 1 for i in y]
    x = [zq_el_7(1)(2) for i in y]
    [zq_el_8 for i in y]
    [zq_el_9() for i in y]
    [zq_el_10.a for i in y]
    [zq_el_11[0] for i in y]
    [zq_el_12.a() for i in y]
    [zq_el_13() + 1 for i in y]
    [zq_el_14 + 1 for i in y]
    [zq_el_15(1)(2) for i in y]
    f([zq_el_16 for i in y])
    f([zq_el_17() for i in y])
    f([zq_el_18.a for i in y])
    f([zq_el_19[0] for i in y])
    f([zq_el_20.a() for i in y])
    f([zq_el_21() + 1 for i in y])
    f([zq_el_22 + 1 for i in y])
    f([zq_el_23(1)(2) for i in y])
    x = {zq_el_24 for i in y}
    x = {zq_el_25() for i in y}
    x = {zq_el_26.a for i in y}
    x = {zq_el_27[0] for i in y}
    x = {zq_el_28.a() for i in y}
    x = {zq_el_29() + 1 for i in y}
    x = {zq_el_30 + 1 for i in y}
    x = {zq_el_31(1)(2) for i in y}
    x = {zq_el_32: 1 for i in y}
    x = {zq_el_33(): 1 for i in y}
    x = {zq_el_34.a: 1 for i in y}
    x = {zq_el_35[0]: 1 for i in y}
    x = {zq_el_36.a(): 1 for i in y}
    x = {zq_el_37() + 1: 1 for i in y}
    x = {zq_el_38 + 1: 1 for i in y}
    x = {zq_el_39(1)(2): 1 for i in y}
    x = (zq_el_40 for i in y)
    x = (zq_el_41() for i in y)
    x = (zq_el_42.a for i in y)
    x = (zq_el_43[0] for i in y)
    x = (zq_el_44.a() for i in y)
    x = (zq_el_45() + 1 for i in y)
    x = (zq_el_46 + 1 for i in y)
    x = (zq_el_47(1)(2) for i in y)
    f(zq_el_48 for i in y)
    f(zq_el_49() for i in y)
    f(zq_el_50.a for i in y)
    f(zq_el_51[0] for i in y)
    f(zq_el_52.a() for i in y)
    f(zq_el_53() + 1 for i in y)
    f(zq_el_54 + 1 for i in y)
    f(zq_el_55(1)(2) for i in y)
    x = [zq_el_56]
    x = [zq_el_57()]
    x = [zq_el_58.a]
    x = [zq_el_59[0]]
    x = [zq_el_60.a()]
    x = [zq_el_61() + 1]
    x = [zq_el_62 + 1]
    x = [zq_el_63(1)(2)]
    x = [zq_el_64, 1]
    x = [zq_el_65(), 1]
    x = [zq_el_66.a, 1]
    x = [zq_el_67[0], 1]
    x = [zq_el_68.a(), 1]
    x = [zq_el_69() + 1, 1]
    x = [zq_el_70 + 1, 1]
    x = [zq_el_71(1)(2), 1]
    x = (zq_el_72)
    x = (zq_el_73())
    x = (zq_el_74.a)
    x = (zq_el_75[0])
    x = (zq_el_76.a())
    x = (zq_el_77() + 1)
    x = (zq_el_78 + 1)
    x = (zq_el_79(1)(2))
    x = (zq_el_80, 1)
    x = (zq_el_81(), 1)
    x = (zq_el_82.a, 1)
    x = (zq_el_83[0], 1)
    x = (zq_el_84.a(), 1)
    x = (zq_el_85() + 1, 1)
    x = (zq_el_86 + 1, 1)
    x = (zq_el_87(1)(2), 1)
    [zq_el_88]
    [zq_el_89()]
    [zq_el_90.a]
    [zq_el_91[0]]
    [zq_el_92.a()]
    [zq_el_93() + 1]
    [zq_el_94 + 1]
    [zq_el_95(1)(2)]
    (zq_el_96)
    (zq_el_97())
    (zq_el_98.a)
    (zq_el_99[0])
    (zq_el_100.a())
    (zq_el_101() + 1)
    (zq_el_102 + 1)
    (zq_el_103(1)(2))
    x = {zq_el_104}
    x = {zq_el_105()}
    x = {zq_el_106.a}
    x = {zq_el_107[0]}
    x = {zq_el_108.a()}
    x = {zq_el_109() + 1}
    x = {zq_el_110 + 1}
    x = {zq_el_111(1)(2)}
    f([zq_el_112])
    f([zq_el_113()])
    f([zq_el_114.a])
    f([zq_el_115[0]])
    f([zq_el_116.a()])
    f([zq_el_117() + 1])
    f([zq_el_118 + 1])
    f([zq_el_119(1)(2)])
    x = [y, zq_el_120]
    x = [y, zq_el_121()]
    x = [y, zq_el_122.a]
    x = [y, zq_el_123[0]]
    x = [y, zq_el_124.a()]
    x = [y, zq_el_125() + 1]
    x = [y, zq_el_126 + 1]
    x = [y, zq_el_127(1)(2)]
    f({zq_el_128 for i in y})
    f({zq_el_129() for i in y})
    f({zq_el_130.a for i in y})
    f({zq_el_131[0] for i in y})
    f({zq_el_132.a() for i in y})
    f({zq_el_133() + 1 for i in y})
    f({zq_el_134 + 1 for i in y})
    f({zq_el_135(1)(2) for i in y})
    f(1, [zq_el_136 for i in y])
    f(1, [zq_el_137() for i in y])
    f(1, [zq_el_138.a for i in y])
    f(1, [zq_el_139[0] for i in y])
    f(1, [zq_el_140.a() for i in y])
    f(1, [zq_el_141() + 1 for i in y])
    f(1, [zq_el_142 + 1 for i in y])
    f(1, [zq_el_143(1)(2) for i in y])
    x = [[zq_el_144 for i in y]]
    x = [[zq_el_145() for i in y]]
    x = [[zq_el_146.a for i in y]]
    x = [[zq_el_147[0] for i in y]]
    x = [[zq_el_148.a() for i in y]]
    x = [[zq_el_149() + 1 for i in y]]
    x = [[zq_el_150 + 1 for i in y]]
    x = [[zq_el_151(1)(2) for i in y]]
    x = [y, [zq_el_152 for i in y]]
    x = [y, [zq_el_153() for i in y]]
    x = [y, [zq_el_154.a for i in y]]
    x = [y, [zq_el_155[0] for i in y]]
    x = [y, [zq_el_156.a() for i in y]]
    x = [y, [zq_el_157() + 1 for i in y]]
    x = [y, [zq_el_158 + 1 for i in y]]
    x = [y, [zq_el_159(1)(2) for i in y]]
    x = [zq_el_160 for i in y][0]
    x = [zq_el_161() for i in y][0]
    x = [zq_el_162.a for i in y][0]
    x = [zq_el_163[0] for i in y][0]
    x = [zq_el_164.a() for i in y][0]
    x = [zq_el_165() + 1 for i in y][0]
    x = [zq_el_166 + 1 for i in y][0]
    x = [zq_el_167(1)(2) for i in y][0]
    x = [zq_el_168 for i in y].copy()
    x = [zq_el_169() for i in y].copy()
    x = [zq_el_170.a for i in y].copy()
    x = [zq_el_171[0] for i in y].copy()
    x = [zq_el_172.a() for i in y].copy()
    x = [zq_el_173() + 1 for i in y].copy()
    x = [zq_el_174 + 1 for i in y].copy()
    x = [zq_el_175(1)(2) for i in y].copy()
    x = [zq_el_176 for i in y] + z
    x = [zq_el_177() for i in y] + z
    x = [zq_el_178.a for i in y] + z
    x = [zq_el_179[0] for i in y] + z
    x = [zq_el_180.a() for i in y] + z
    x = [zq_el_181() + 1 for i in y] + z
    x = [zq_el_182 + 1 for i in y] + z
    x = [zq_el_183(1)(2) for i in y] + z
    x = {zq_el_184: 1}
    x = {zq_el_185(): 1}
    x = {zq_el_186.a: 1}
    x = {zq_el_187[0]: 1}
    x = {zq_el_188.a(): 1}
    x = {zq_el_189() + 1: 1}
    x = {zq_el_190 + 1: 1}
    x = {zq_el_191(1)(2): 1}
    f({zq_el_192: 1})
    f({zq_el_193(): 1})
    f({zq_el_194.a: 1})
    f({zq_el_195('a'): 1})
    f({zq_el_196: 1 for i in y})
    f({zq_el_197(): 1 for i in y})
    f({zq_el_198.a: 1 for i in y})
    f({zq_el_199('a'): 1 for i in y})
    f(1, {zq_el_200: 1})
    f(1, {zq_el_201(): 1})
    f(1, {zq_el_202.a: 1})
    f(1, {zq_el_203('a'): 1})
    f({zq_el_204, 1})
    f({zq_el_205(), 1})
    f({zq_el_206.a, 1})
    f({zq_el_207('a'), 1})
for n, ctx in [('zq_el_0', 'x = [E for i in y]  N'), ('zq_el_1', 'x = [E for i in y]  N()'), ('zq_el_2', 'x = [E for i in y]  N.a'), ('zq_el_3', 'x = [E for i in y]  N[0]'), ('zq_el_4', 'x = [E for i in y]  N.a()'), ('zq_el_5', 'x = [E for i in y]  N() + 1'), ('zq_el_6', 'x = [E for i in y]  N + 1'), ('zq_el_7', 'x = [E for i in y]  N(1)(2)'), ('zq_el_8', '[E for i in y]  N'), ('zq_el_9', '[E for i in y]  N()'), ('zq_el_10', '[E for i in y]  N.a'), ('zq_el_11', '[E for i in y]  N[0]'), ('zq_el_12', '[E for i in y]  N.a()'), ('zq_el_13', '[E for i in y]  N() + 1'), ('zq_el_14', '[E for i in y]  N + 1'), ('zq_el_15', '[E for i in y]  N(1)(2)'), ('zq_el_16', 'f([E for i in y])  N'), ('zq_el_17', 'f([E for i in y])  N()'), ('zq_el_18', 'f([E for i in y])  N.a'), ('zq_el_19', 'f([E for i in y])  N[0]'), ('zq_el_20', 'f([E for i in y])  N.a()'), ('zq_el_21', 'f([E for i in y])  N() + 1'), ('zq_el_22', 'f([E for i in y])  N + 1'), ('zq_el_23', 'f([E for i in y])  N(1)(2)'), ('zq_el_24', 'x = {E for i in y}  N'), ('zq_el_25', 'x = {E for i in y}  N()'), ('zq_el_26', 'x = {E for i in y}  N.a'), ('zq_el_27', 'x = {E for i in y}  N[0]'), ('zq_el_28', 'x = {E for i in y}  N.a()'), ('zq_el_29', 'x = {E for i in y}  N() + 1'), ('zq_el_30', 'x = {E for i in y}  N + 1'), ('zq_el_31', 'x = {E for i in y}  N(1)(2)'), ('zq_el_32', 'x = {E: 1 for i in y}  N'), ('zq_el_33', 'x = {E: 1 for i in y}  N()'), ('zq_el_34', 'x = {E: 1 for i in y}  N.a'), ('zq_el_35', 'x = {E: 1 for i in y}  N[0]'), ('zq_el_36', 'x = {E: 1 for i in y}  N.a()'), ('zq_el_37', 'x = {E: 1 for i in y}  N() + 1'), ('zq_el_38', 'x = {E: 1 for i in y}  N + 1'), ('zq_el_39', 'x = {E: 1 for i in y}  N(1)(2)'), ('zq_el_40', 'x = (E for i in y)  N'), ('zq_el_41', 'x = (E for i in y)  N()'), ('zq_el_42', 'x = (E for i in y)  N.a'), ('zq_el_43', 'x = (E for i in y)  N[0]'), ('zq_el_44', 'x = (E for i in y)  N.a()'), ('zq_el_45', 'x = (E for i in y)  N() + 1'), ('zq_el_46', 'x = (E for i in y)  N + 1'), ('zq_el_47', 'x = (E for i in y)  N(1)(2)'), ('zq_el_48', 'f(E for i in y)  N'), ('zq_el_49', 'f(E for i in y)  N()'), ('zq_el_50', 'f(E for i in y)  N.a'), ('zq_el_51', 'f(E for i in y)  N[0]'), ('zq_el_52', 'f(E for i in y)  N.a()'), ('zq_el_53', 'f(E for i in y)  N() + 1'), ('zq_el_54', 'f(E for i in y)  N + 1'), ('zq_el_55', 'f(E for i in y)  N(1)(2)'), ('zq_el_56', 'x = [E]  N'), ('zq_el_57', 'x = [E]  N()'), ('zq_el_58', 'x = [E]  N.a'), ('zq_el_59', 'x = [E]  N[0]'), ('zq_el_60', 'x = [E]  N.a()'), ('zq_el_61', 'x = [E]  N() + 1'), ('zq_el_62', 'x = [E]  N + 1'), ('zq_el_63', 'x = [E]  N(1)(2)'), ('zq_el_64', 'x = [E, 1]  N'), ('zq_el_65', 'x = [E, 1]  N()'), ('zq_el_66', 'x = [E, 1]  N.a'), ('zq_el_67', 'x = [E, 1]  N[0]'), ('zq_el_68', 'x = [E, 1]  N.a()'), ('zq_el_69', 'x = [E, 1]  N() + 1'), ('zq_el_70', 'x = [E, 1]  N + 1'), ('zq_el_71', 'x = [E, 1]  N(1)(2)'), ('zq_el_72', 'x = (E)  N'), ('zq_el_73', 'x = (E)  N()'), ('zq_el_74', 'x = (E)  N.a'), ('zq_el_75', 'x = (E)  N[0]'), ('zq_el_76', 'x = (E)  N.a()'), ('zq_el_77', 'x = (E)  N() + 1'), ('zq_el_78', 'x = (E)  N + 1'), ('zq_el_79', 'x = (E)  N(1)(2)'), ('zq_el_80', 'x = (E, 1)  N'), ('zq_el_81', 'x = (E, 1)  N()'), ('zq_el_82', 'x = (E, 1)  N.a'), ('zq_el_83', 'x = (E, 1)  N[0]'), ('zq_el_84', 'x = (E, 1)  N.a()'), ('zq_el_85', 'x = (E, 1)  N() + 1'), ('zq_el_86', 'x = (E, 1)  N + 1'), ('zq_el_87', 'x = (E, 1)  N(1)(2)'), ('zq_el_88', '[E]  N'), ('zq_el_89', '[E]  N()'), ('zq_el_90', '[E]  N.a'), ('zq_el_91', '[E]  N[0]'), ('zq_el_92', '[E]  N.a()'), ('zq_el_93', '[E]  N() + 1'), ('zq_el_94', '[E]  N + 1'), ('zq_el_95', '[E]  N(1)(2)'), ('zq_el_96', '(E)  N'), ('zq_el_97', '(E)  N()'), ('zq_el_98', '(E)  N.a'), ('zq_el_99', '(E)  N[0]'), ('zq_el_100', '(E)  N.a()'), ('zq_el_101', '(E)  N() + 1'), ('zq_el_102', '(E)  N + 1'), ('zq_el_103', '(E)  N(1)(2)'), ('zq_el_104', 'x = {E}  N'), ('zq_el_105', 'x = {E}  N()'), ('zq_el_106', 'x = {E}  N.a'), ('zq_el_107', 'x = {E}  N[0]'), ('zq_el_108', 'x = {E}  N.a()'), ('zq_el_109', 'x = {E}  N() + 1'), ('zq_el_110', 'x = {E}  N + 1'), ('zq_el_111', 'x = {E}  N(1)(2)'), ('zq_el_112', 'f([E])  N'), ('zq_el_113', 'f([E])  N()'), ('zq_el_114', 'f([E])  N.a'), ('zq_el_115', 'f([E])  N[0]'), ('zq_el_116', 'f([E])  N.a()'), ('zq_el_117', 'f([E])  N() + 1'), ('zq_el_118', 'f([E])  N + 1'), ('zq_el_119', 'f([E])  N(1)(2)'), ('zq_el_120', 'x = [y, E]  N'), ('zq_el_121', 'x = [y, E]  N()'), ('zq_el_122', 'x = [y, E]  N.a'), ('zq_el_123', 'x = [y, E]  N[0]'), ('zq_el_124', 'x = [y, E]  N.a()'), ('zq_el_125', 'x = [y, E]  N() + 1'), ('zq_el_126', 'x = [y, E]  N + 1'), ('zq_el_127', 'x = [y, E]  N(1)(2)'), ('zq_el_128', 'f({E for i in y})  N'), ('zq_el_129', 'f({E for i in y})  N()'), ('zq_el_130', 'f({E for i in y})  N.a'), ('zq_el_131', 'f({E for i in y})  N[0]'), ('zq_el_132', 'f({E for i in y})  N.a()'), ('zq_el_133', 'f({E for i in y})  N() + 1'), ('zq_el_134', 'f({E for i in y})  N + 1'), ('zq_el_135', 'f({E for i in y})  N(1)(2)'), ('zq_el_136', 'f(1, [E for i in y])  N'), ('zq_el_137', 'f(1, [E for i in y])  N()'), ('zq_el_138', 'f(1, [E for i in y])  N.a'), ('zq_el_139', 'f(1, [E for i in y])  N[0]'), ('zq_el_140', 'f(1, [E for i in y])  N.a()'), ('zq_el_141', 'f(1, [E for i in y])  N() + 1'), ('zq_el_142', 'f(1, [E for i in y])  N + 1'), ('zq_el_143', 'f(1, [E for i in y])  N(1)(2)'), ('zq_el_144', 'x = [[E for i in y]]  N'), ('zq_el_145', 'x = [[E for i in y]]  N()'), ('zq_el_146', 'x = [[E for i in y]]  N.a'), ('zq_el_147', 'x = [[E for i in y]]  N[0]'), ('zq_el_148', 'x = [[E for i in y]]  N.a()'), ('zq_el_149', 'x = [[E for i in y]]  N() + 1'), ('zq_el_150', 'x = [[E for i in y]]  N + 1'), ('zq_el_151', 'x = [[E for i in y]]  N(1)(2)'), ('zq_el_152', 'x = [y, [E for i in y]]  N'), ('zq_el_153', 'x = [y, [E for i in y]]  N()'), ('zq_el_154', 'x = [y, [E for i in y]]  N.a'), ('zq_el_155', 'x = [y, [E for i in y]]  N[0]'), ('zq_el_156', 'x = [y, [E for i in y]]  N.a()'), ('zq_el_157', 'x = [y, [E for i in y]]  N() + 1'), ('zq_el_158', 'x = [y, [E for i in y]]  N + 1'), ('zq_el_159', 'x = [y, [E for i in y]]  N(1)(2)'), ('zq_el_160', 'x = [E for i in y][0]  N'), ('zq_el_161', 'x = [E for i in y][0]  N()'), ('zq_el_162', 'x = [E for i in y][0]  N.a'), ('zq_el_163', 'x = [E for i in y][0]  N[0]'), ('zq_el_164', 'x = [E for i in y][0]  N.a()'), ('zq_el_165', 'x = [E for i in y][0]  N() + 1'), ('zq_el_166', 'x = [E for i in y][0]  N + 1'), ('zq_el_167', 'x = [E for i in y][0]  N(1)(2)'), ('zq_el_168', 'x = [E for i in y].copy()  N'), ('zq_el_169', 'x = [E for i in y].copy()  N()'), ('zq_el_170', 'x = [E for i in y].copy()  N.a'), ('zq_el_171', 'x = [E for i in y].copy()  N[0]'), ('zq_el_172', 'x = [E for i in y].copy()  N.a()'), ('zq_el_173', 'x = [E for i in y].copy()  N() + 1'), ('zq_el_174', 'x = [E for i in y].copy()  N + 1'), ('zq_el_175', 'x = [E for i in y].copy()  N(1)(2)'), ('zq_el_176', 'x = [E for i in y] + z  N'), ('zq_el_177', 'x = [E for i in y] + z  N()'), ('zq_el_178', 'x = [E for i in y] + z  N.a'), ('zq_el_179', 'x = [E for i in y] + z  N[0]'), ('zq_el_180', 'x = [E for i in y] + z  N.a()'), ('zq_el_181', 'x = [E for i in y] + z  N() + 1'), ('zq_el_182', 'x = [E for i in y] + z  N + 1'), ('zq_el_183', 'x = [E for i in y] + z  N(1)(2)'), ('zq_el_184', 'x = {E: 1}  N'), ('zq_el_185', 'x = {E: 1}  N()'), ('zq_el_186', 'x = {E: 1}  N.a'), ('zq_el_187', 'x = {E: 1}  N[0]'), ('zq_el_188', 'x = {E: 1}  N.a()'), ('zq_el_189', 'x = {E: 1}  N() + 1'), ('zq_el_190', 'x = {E: 1}  N + 1'), ('zq_el_191', 'x = {E: 1}  N(1)(2)'), ('zq_el_192', 'f({E: 1})  N'), ('zq_el_193', 'f({E: 1})  N()'), ('zq_el_194', 'f({E: 1})  N.a'), ('zq_el_195', "f({E: 1})  N('a')"), ('zq_el_196', 'f({E: 1 for i in y})  N'), ('zq_el_197', 'f({E: 1 for i in y})  N()'), ('zq_el_198', 'f({E: 1 for i in y})  N.a'), ('zq_el_199', "f({E: 1 for i in y})  N('a')"), ('zq_el_200', 'f(1, {E: 1})  N'), ('zq_el_201', 'f(1, {E: 1})  N()'), ('zq_el_202', 'f(1, {E: 1})  N.a'), ('zq_el_203', "f(1, {E: 1})  N('a')"), ('zq_el_204', 'f({E, 1})  N'), ('zq_el_205', 'f({E, 1})  N()'), ('zq_el_206', 'f({E, 1})  N.a'), ('zq_el_207', "f({E, 1})  N('a')")]:
    print(ctx.ljust(40), sys.getrefcount(sys.intern(n)))
