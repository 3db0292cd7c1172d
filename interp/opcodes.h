/*
** opcodes.h -- the instruction set, as one X-macro list (the enum, the disassembler's
** names, the VM's computed-goto table and the compiler's stack effects all come from it).
**
** Instruction format: 32-bit words.
**
**      31                          8 7        0
**     +------------------------------+---------+
**     |            arg (24 bits)     |  opcode |
**     +------------------------------+---------+
**
** Jump arguments are absolute word offsets in the code.  An instruction with inline
** caches is followed by CACHE words the specialising VM uses (they are zero when the
** compiler emits them and never executed).  The stack layout of calls follows CPython
** 3.11: [NULL or method, callable or self, args...] then CALL n (n args, +1 when the first
** slot is a method); KW_NAMES just before CALL names the last len(kwnames) arguments.
**
** Columns: name, stack effect (the fallthrough effect; see compile.c's stack_effect for
** the ones that depend on the argument or differ when jumping), inline cache words.
*/
#ifndef PYHEAP_OPCODES_H
#define PYHEAP_OPCODES_H

#define OPCODES(X)                                                                       \
    X(NOP, 0, 0)                  /* do nothing */                                       \
    X(POP_TOP, -1, 0)             /* drop TOS */                                         \
    X(PUSH_NULL, 1, 0)            /* push NULL (call layout) */                          \
    X(COPY, 1, 0)                 /* push stack[-arg] */                                 \
    X(SWAP, 0, 0)                 /* swap TOS and stack[-arg] */                         \
    X(LOAD_CONST, 1, 0)           /* push consts[arg] */                                 \
    X(LOAD_FAST, 1, 0)            /* push local arg (UnboundLocalError if unset) */      \
    X(STORE_FAST, -1, 0)          /* local arg = pop */                                  \
    X(DELETE_FAST, 0, 0)          /* unbind local arg */                                 \
    X(LOAD_DEREF, 1, 0)           /* push cell/free arg's contents */                    \
    X(STORE_DEREF, -1, 0)         /* cell/free arg's contents = pop */                   \
    X(DELETE_DEREF, 0, 0)         /* empty cell/free arg */                              \
    X(LOAD_CLASSDEREF, 1, 0)      /* class body: locals()[name] or free arg */           \
    X(LOAD_CLOSURE, 1, 0)         /* push the cell object in slot arg */                 \
    X(MAKE_CELL, 0, 0)            /* slot arg := cell(slot arg) */                       \
    X(COPY_FREE_VARS, 0, 0)       /* copy arg closure cells into the free slots */       \
    X(LOAD_GLOBAL, 1, 4)          /* [NULL if arg&1] + globals/builtins[names[arg>>1]] */\
    X(STORE_GLOBAL, -1, 0)        /* globals[names[arg]] = pop */                        \
    X(DELETE_GLOBAL, 0, 0)        /* del globals[names[arg]] */                          \
    X(LOAD_NAME, 1, 0)            /* locals, globals, builtins lookup */                 \
    X(STORE_NAME, -1, 0)          /* locals[names[arg]] = pop */                         \
    X(DELETE_NAME, 0, 0)          /* del locals[names[arg]] */                           \
    X(LOAD_ATTR, 0, 2)            /* TOS = TOS.names[arg] */                             \
    X(STORE_ATTR, -2, 2)          /* TOS.names[arg] = TOS1 */                            \
    X(DELETE_ATTR, -1, 0)         /* del TOS.names[arg] */                               \
    X(LOAD_METHOD, 1, 4)          /* obj -> meth, obj  |  NULL, attr */                  \
    X(BINARY_SUBSCR, -1, 0)       /* TOS = TOS1[TOS] */                                  \
    X(STORE_SUBSCR, -3, 0)        /* TOS1[TOS] = TOS2 */                                 \
    X(DELETE_SUBSCR, -2, 0)       /* del TOS1[TOS] */                                    \
    X(BINARY_OP, -1, 1)           /* TOS = TOS1 <op arg> TOS (NB_* numbering) */         \
    X(UNARY_POSITIVE, 0, 0)                                                              \
    X(UNARY_NEGATIVE, 0, 0)                                                              \
    X(UNARY_NOT, 0, 0)                                                                   \
    X(UNARY_INVERT, 0, 0)                                                                \
    X(COMPARE_OP, -1, 0)          /* CMP_* */                                            \
    X(IS_OP, -1, 0)               /* is / is not (arg 1) */                              \
    X(CONTAINS_OP, -1, 0)         /* in / not in (arg 1) */                              \
    X(BUILD_TUPLE, 1, 0)          /* pop arg items */                                    \
    X(BUILD_LIST, 1, 0)                                                                  \
    X(BUILD_SET, 1, 0)                                                                   \
    X(BUILD_MAP, 1, 0)            /* pop arg key/value pairs */                          \
    X(BUILD_CONST_KEY_MAP, 0, 0)  /* arg values + a tuple of keys */                     \
    X(BUILD_STRING, 1, 0)         /* concatenate arg strs */                             \
    X(BUILD_SLICE, 1, 0)          /* arg = 2 or 3 */                                     \
    X(LIST_APPEND, -1, 0)         /* stack[-arg-1].append(pop) */                        \
    X(SET_ADD, -1, 0)                                                                    \
    X(MAP_ADD, -2, 0)             /* stack[-arg-2][TOS1] = TOS */                        \
    X(LIST_EXTEND, -1, 0)                                                                \
    X(SET_UPDATE, -1, 0)                                                                 \
    X(DICT_UPDATE, -1, 0)                                                                \
    X(DICT_MERGE, -1, 0)          /* **kwargs merge: duplicates are errors */            \
    X(LIST_TO_TUPLE, 0, 0)                                                               \
    X(UNPACK_SEQUENCE, 0, 0)      /* pop seq, push arg items (last first) */             \
    X(UNPACK_EX, 0, 0)            /* arg = before | after << 8 */                        \
    X(FORMAT_VALUE, 0, 0)         /* f-string field: arg&3 conversion, arg&4 spec */     \
    X(GET_ITER, 0, 0)                                                                    \
    X(FOR_ITER, 1, 0)             /* push next(TOS) or pop TOS and jump to arg */        \
    X(JUMP, 0, 0)                 /* to arg */                                           \
    X(POP_JUMP_IF_FALSE, -1, 0)                                                          \
    X(POP_JUMP_IF_TRUE, -1, 0)                                                           \
    X(POP_JUMP_IF_NONE, -1, 0)                                                           \
    X(POP_JUMP_IF_NOT_NONE, -1, 0)                                                       \
    X(JUMP_IF_FALSE_OR_POP, -1, 0) /* jump keeping TOS if false, else pop */             \
    X(JUMP_IF_TRUE_OR_POP, -1, 0)                                                        \
    X(KW_NAMES, 0, 0)             /* the next CALL's keyword names: consts[arg] */       \
    X(CALL, 0, 2)                 /* see the call layout above */                        \
    X(CALL_FUNCTION_EX, 0, 0)     /* [NULL, f, args, kwargs if arg&1] */                 \
    X(MAKE_FUNCTION, 0, 0)        /* code + (closure, annotations, kwdefaults, defaults)*/\
    X(RETURN_VALUE, -1, 0)                                                               \
    X(RETURN_GENERATOR, 0, 0)     /* first instruction of a generator function */        \
    X(YIELD_VALUE, 0, 0)          /* yield TOS; sent value replaces it (arg 1: yield from)*/\
    X(GET_YIELD_FROM_ITER, 0, 0)                                                         \
    X(SEND, 0, 0)                 /* [sub, v] -> [sub, yielded] | [retval], jump arg */  \
    X(RAISE_VARARGS, 0, 0)        /* arg 0: re-raise, 1: raise TOS, 2: raise TOS1 from TOS */\
    X(RERAISE, -1, 0)             /* re-raise TOS (arg: also restore lasti at [-arg]) */ \
    X(PUSH_EXC_INFO, 1, 0)        /* [exc] -> [prev handled exc, exc]; exc handled */    \
    X(POP_EXCEPT, -1, 0)          /* restore the handled exception from TOS */           \
    X(CHECK_EXC_MATCH, 0, 0)      /* [exc, type] -> [exc, isinstance(exc, type)] */      \
    X(WITH_EXCEPT_START, 1, 0)    /* [exit, lasti, prev, exc] -> + exit(type,exc,tb) */  \
    X(BEFORE_WITH, 1, 0)          /* [mgr] -> [mgr.__exit__, mgr.__enter__()] */         \
    X(LOAD_ASSERTION_ERROR, 1, 0)                                                        \
    X(IMPORT_NAME, -1, 0)         /* [level, fromlist] -> module names[arg] */           \
    X(IMPORT_FROM, 1, 0)          /* [mod] -> [mod, mod.names[arg]] */                   \
    X(IMPORT_STAR, -1, 0)                                                                \
    X(LOAD_BUILD_CLASS, 1, 0)                                                            \
    X(SETUP_ANNOTATIONS, 0, 0)                                                           \
    X(PRINT_EXPR, -1, 0)          /* REPL: echo repr(TOS) and bind builtins._ */         \
    X(LOAD_LOCALS, 1, 0)                                                                 \
    /* ---- pseudo instructions: compile time only, removed by the assembler ---- */     \
    X(SETUP_FINALLY, 0, 0)        /* push handler arg (exception handler) */             \
    X(SETUP_CLEANUP, 0, 0)        /* push handler arg (pushes lasti too) */              \
    X(SETUP_WITH, 0, 0)           /* push handler arg (pushes lasti too) */              \
    X(POP_BLOCK, 0, 0)            /* pop the innermost handler */                        \
    /* ---- specialised instructions (the VM rewrites generic ones into these) ---- */   \
    X(LOAD_FAST__LOAD_FAST, 2, 0)                                                        \
    X(LOAD_FAST__LOAD_CONST, 2, 0)                                                       \
    X(LOAD_CONST__LOAD_FAST, 2, 0)                                                       \
    X(STORE_FAST__LOAD_FAST, 0, 0)                                                       \
    X(STORE_FAST__STORE_FAST, -2, 0)                                                     \
    X(LOAD_GLOBAL_MODULE, 1, 4)                                                          \
    X(LOAD_GLOBAL_BUILTIN, 1, 4)                                                         \
    X(LOAD_ATTR_INSTANCE_VALUE, 0, 2)                                                    \
    X(LOAD_ATTR_MODULE, 0, 2)                                                            \
    X(LOAD_ATTR_SLOT, 0, 2)                                                              \
    X(STORE_ATTR_INSTANCE_VALUE, -2, 2)                                                  \
    X(LOAD_METHOD_NO_DICT, 1, 4)                                                         \
    X(LOAD_METHOD_WITH_VALUES, 1, 4)                                                     \
    X(CALL_PY_EXACT_ARGS, 0, 2)                                                          \
    X(CALL_BUILTIN_O, 0, 2)                                                              \
    X(CALL_BUILTIN_FAST, 0, 2)                                                           \
    X(CALL_METHOD_DESCRIPTOR_O, 0, 2)                                                    \
    X(CALL_METHOD_DESCRIPTOR_FAST, 0, 2)                                                 \
    X(CALL_TYPE_1, 0, 2)                                                                 \
    X(CALL_LEN, 0, 2)                                                                    \
    X(CALL_ISINSTANCE, 0, 2)                                                             \
    X(CALL_LIST_APPEND, 0, 2)                                                            \
    /* BINARY_OP of two floats for one operator (the cache word is BINARY_OP's) */       \
    X(BINARY_OP_ADD_FLOAT, -1, 1)                                                        \
    X(BINARY_OP_SUBTRACT_FLOAT, -1, 1)                                                   \
    X(BINARY_OP_MULTIPLY_FLOAT, -1, 1)                                                   \
    X(BINARY_OP_TRUE_DIVIDE_FLOAT, -1, 1)                                                \
    /* ... and of two ints below 2**60 */                                                \
    X(BINARY_OP_ADD_INT, -1, 1)                                                          \
    X(BINARY_OP_SUBTRACT_INT, -1, 1)                                                     \
    X(BINARY_OP_MULTIPLY_INT, -1, 1)                                                     \
    X(BINARY_OP_REMAINDER_INT, -1, 1)                                                    \
    X(BINARY_OP_FLOOR_DIVIDE_INT, -1, 1)                                                 \
    X(BINARY_OP_AND_INT, -1, 1)                                                          \
    X(CACHE, 0, 0)                /* an inline cache word (never executed) */

typedef enum {
#define OPCODE_ENUM(name, effect, cache) OP_##name,
    OPCODES(OPCODE_ENUM)
#undef OPCODE_ENUM
    OP__COUNT
} Opcode;

#define INSTR_OP(w) ((int)((w) & 0xFF))
#define INSTR_ARG(w) ((int)((w) >> 8))
#define MAKE_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define MAX_OPARG ((1 << 24) - 1)

extern const char *const opcode_names[OP__COUNT];
extern const signed char opcode_effect[OP__COUNT];
extern const unsigned char opcode_cache[OP__COUNT];

/* FORMAT_VALUE flags */
enum { FVC_NONE = 0, FVC_STR = 1, FVC_REPR = 2, FVC_ASCII = 3, FVS_HAVE_SPEC = 4 };
/* MAKE_FUNCTION flags */
enum { MF_DEFAULTS = 1, MF_KWDEFAULTS = 2, MF_ANNOTATIONS = 4, MF_CLOSURE = 8 };

#endif
