/*
** ast.h -- the abstract syntax tree, a C rendering of CPython 3.11's Parser/Python.asdl
** (same node kinds, same field names) for the subset pyheap compiles.
**
** Every node lives in an Arena (arena.h) and is freed with it after compilation; nodes
** carry CPython's four position fields (1-based lines, 0-based *byte* columns, end
** exclusive).  Identifiers and constants are real objects: identifiers are interned str,
** Constant.value is the int/float/complex/str/bytes/bool/None/Ellipsis object the literal
** denotes.  The arena holds one reference to each (arena_add_object), so, as in CPython,
** a script's literals stay referenced by the AST until the main module has finished
** running (sys.getrefcount shows it).
*/
#ifndef PYHEAP_AST_H
#define PYHEAP_AST_H

#include "runtime/object.h"
#include "arena.h"

typedef struct Expr Expr;
typedef struct Stmt Stmt;

/* A sequence of node pointers, arena-allocated (CPython's asdl_seq). */
typedef struct Seq {
    int n;
    void *items[];
} Seq;
#define SEQ_LEN(s) ((s) ? (s)->n : 0)
#define SEQ_GET(s, i) ((s)->items[(i)])
Seq *seq_new(Arena *a, int n);          /* items zeroed */

typedef enum { CTX_LOAD = 1, CTX_STORE, CTX_DEL } ExprContext;
typedef enum { BOOL_AND = 1, BOOL_OR } BoolOpKind;
typedef enum {
    OP_ADD = 1, OP_SUB, OP_MULT, OP_MATMULT, OP_DIV, OP_MOD, OP_POW, OP_LSHIFT,
    OP_RSHIFT, OP_BITOR, OP_BITXOR, OP_BITAND, OP_FLOORDIV
} OperatorKind;
typedef enum { UOP_INVERT = 1, UOP_NOT, UOP_UADD, UOP_USUB } UnaryOpKind;
typedef enum {
    CMP_OP_EQ = 1, CMP_OP_NOTEQ, CMP_OP_LT, CMP_OP_LTE, CMP_OP_GT, CMP_OP_GTE, CMP_OP_IS,
    CMP_OP_ISNOT, CMP_OP_IN, CMP_OP_NOTIN
} CmpOpKind;

typedef enum {
    EXPR_BOOLOP = 1, EXPR_NAMEDEXPR, EXPR_BINOP, EXPR_UNARYOP, EXPR_LAMBDA, EXPR_IFEXP,
    EXPR_DICT, EXPR_SET, EXPR_LISTCOMP, EXPR_SETCOMP, EXPR_DICTCOMP, EXPR_GENERATOREXP,
    EXPR_AWAIT, EXPR_YIELD, EXPR_YIELDFROM, EXPR_COMPARE, EXPR_CALL, EXPR_FORMATTEDVALUE,
    EXPR_JOINEDSTR, EXPR_CONSTANT, EXPR_ATTRIBUTE, EXPR_SUBSCRIPT, EXPR_STARRED,
    EXPR_NAME, EXPR_LIST, EXPR_TUPLE, EXPR_SLICE
} ExprKind;

typedef enum {
    STMT_FUNCTIONDEF = 1, STMT_ASYNCFUNCTIONDEF, STMT_CLASSDEF, STMT_RETURN, STMT_DELETE,
    STMT_ASSIGN, STMT_AUGASSIGN, STMT_ANNASSIGN, STMT_FOR, STMT_ASYNCFOR, STMT_WHILE,
    STMT_IF, STMT_WITH, STMT_ASYNCWITH, STMT_RAISE, STMT_TRY, STMT_ASSERT, STMT_IMPORT,
    STMT_IMPORTFROM, STMT_GLOBAL, STMT_NONLOCAL, STMT_EXPR, STMT_PASS, STMT_BREAK,
    STMT_CONTINUE
} StmtKind;

typedef struct Arg {
    Object *arg;            /* identifier */
    Expr *annotation;       /* may be NULL */
    int lineno, col_offset, end_lineno, end_col_offset;
} Arg;

typedef struct Arguments {
    Seq *posonlyargs;       /* Arg* */
    Seq *args;              /* Arg* */
    Arg *vararg;            /* may be NULL */
    Seq *kwonlyargs;        /* Arg* */
    Seq *kw_defaults;       /* Expr* (NULL entries: no default), parallel to kwonlyargs */
    Arg *kwarg;             /* may be NULL */
    Seq *defaults;          /* Expr*, for the last len(defaults) positional args */
} Arguments;

typedef struct Keyword {
    Object *arg;            /* identifier; NULL for **expr */
    Expr *value;
    int lineno, col_offset, end_lineno, end_col_offset;
} Keyword;

typedef struct Alias {
    Object *name;           /* dotted name as one str ("a.b") */
    Object *asname;         /* may be NULL */
    int lineno, col_offset, end_lineno, end_col_offset;
} Alias;

typedef struct WithItem {
    Expr *context_expr;
    Expr *optional_vars;    /* may be NULL */
} WithItem;

typedef struct Comprehension {
    Expr *target;
    Expr *iter;
    Seq *ifs;               /* Expr* */
    int is_async;
} Comprehension;

typedef struct ExceptHandler {
    Expr *type;             /* may be NULL (bare except) */
    Object *name;           /* may be NULL */
    Seq *body;              /* Stmt* */
    int lineno, col_offset, end_lineno, end_col_offset;
} ExceptHandler;

struct Expr {
    ExprKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct { BoolOpKind op; Seq *values; } BoolOp;
        struct { Expr *target; Expr *value; } NamedExpr;
        struct { Expr *left; OperatorKind op; Expr *right; } BinOp;
        struct { UnaryOpKind op; Expr *operand; } UnaryOp;
        struct { Arguments *args; Expr *body; } Lambda;
        struct { Expr *test; Expr *body; Expr *orelse; } IfExp;
        struct { Seq *keys; Seq *values; } Dict;        /* key NULL: **value */
        struct { Seq *elts; } Set;
        struct { Expr *elt; Seq *generators; } ListComp;        /* Comprehension* */
        struct { Expr *elt; Seq *generators; } SetComp;
        struct { Expr *key; Expr *value; Seq *generators; } DictComp;
        struct { Expr *elt; Seq *generators; } GeneratorExp;
        struct { Expr *value; } Await;
        struct { Expr *value; } Yield;                  /* value may be NULL */
        struct { Expr *value; } YieldFrom;
        struct { Expr *left; int *ops; Seq *comparators; } Compare;  /* ops: CmpOpKind[n] */
        struct { Expr *func; Seq *args; Seq *keywords; } Call;       /* Keyword* */
        struct { Expr *value; int conversion; Expr *format_spec; } FormattedValue;
            /* conversion: -1 none, 's', 'r', 'a'; format_spec: JoinedStr or NULL */
        struct { Seq *values; } JoinedStr;              /* Constant str / FormattedValue */
        struct { Object *value; Object *kind; } Constant;       /* kind: "u" or NULL */
        struct { Expr *value; Object *attr; ExprContext ctx; } Attribute;
        struct { Expr *value; Expr *slice; ExprContext ctx; } Subscript;
        struct { Expr *value; ExprContext ctx; } Starred;
        struct { Object *id; ExprContext ctx; } Name;
        struct { Seq *elts; ExprContext ctx; } List;
        struct { Seq *elts; ExprContext ctx; } Tuple;
        struct { Expr *lower; Expr *upper; Expr *step; } Slice;  /* each may be NULL */
    } v;
};

struct Stmt {
    StmtKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct {
            Object *name; Arguments *args; Seq *body; Seq *decorator_list;
            Expr *returns;
        } FunctionDef;                  /* also AsyncFunctionDef */
        struct {
            Object *name; Seq *bases; Seq *keywords; Seq *body; Seq *decorator_list;
        } ClassDef;
        struct { Expr *value; } Return;                 /* value may be NULL */
        struct { Seq *targets; } Delete;
        struct { Seq *targets; Expr *value; } Assign;   /* a = b = value: targets [a, b] */
        struct { Expr *target; OperatorKind op; Expr *value; } AugAssign;
        struct { Expr *target; Expr *annotation; Expr *value; int simple; } AnnAssign;
        struct { Expr *target; Expr *iter; Seq *body; Seq *orelse; } For;   /* + AsyncFor */
        struct { Expr *test; Seq *body; Seq *orelse; } While;
        struct { Expr *test; Seq *body; Seq *orelse; } If;
        struct { Seq *items; Seq *body; } With;         /* WithItem*; also AsyncWith */
        struct { Expr *exc; Expr *cause; } Raise;       /* both may be NULL */
        struct { Seq *body; Seq *handlers; Seq *orelse; Seq *finalbody; } Try;
        struct { Expr *test; Expr *msg; } Assert;
        struct { Seq *names; } Import;                  /* Alias* */
        struct { Object *module; Seq *names; int level; } ImportFrom;   /* module may be
                                                                           NULL */
        struct { Seq *names; } Global;                  /* identifiers (Object *) */
        struct { Seq *names; } Nonlocal;
        struct { Expr *value; } Expr;
    } v;
};

typedef enum { MOD_MODULE = 1, MOD_INTERACTIVE, MOD_EXPRESSION } ModKind;

typedef struct Mod {
    ModKind kind;
    Seq *body;              /* Stmt* (Module, Interactive) */
    Expr *expr;             /* Expression */
} Mod;

/* Constructors (arena-allocated, fields zeroed, kind and position set). */
Expr *ast_expr(Arena *a, ExprKind kind, int lineno, int col, int end_lineno, int end_col);
Stmt *ast_stmt(Arena *a, StmtKind kind, int lineno, int col, int end_lineno, int end_col);
/* Debug/test dump in the style of CPython's ast.dump() (no positions). */
Object *ast_dump_mod(Mod *m);           /* new str reference */
Object *ast_dump_mod_attrs(Mod *m, int include_attributes); /* with positions */

#endif
