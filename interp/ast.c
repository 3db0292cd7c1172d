/*
** ast.c -- AST constructors (arena-allocated, see ast.h) and ast_dump_mod(), which
** prints a tree in exactly the format of CPython 3.11's ast.dump(tree) so that tests can
** compare the two strings.
**
** Dump format (Lib/ast.py, dump() without indent): a node is Name(field=value, ...) with
** its fields in Python.asdl order; an optional field whose value is None is left out;
** lists print as [a, b]; identifiers and constants print as repr() of the object.  With
** attributes (ast_dump_mod_attrs, for position tests) lineno, col_offset, end_lineno and
** end_col_offset follow the fields of expr, stmt, excepthandler, arg, keyword and alias
** nodes, as ast.dump(tree, include_attributes=True) does.
**
** The dumper recurses on the tree; it gives up with RecursionError beyond AST_DUMP_MAX
** levels (the parser already refuses deeper trees, see parse.c).
*/
#include "interp/ast.h"
#include "runtime/buf.h"
#include "runtime/error.h"
#include "runtime/strobject.h"
#include <stdio.h>
#include <string.h>

#define AST_DUMP_MAX 3000

Seq *
seq_new(Arena *a, int n)
{
    Seq *s = arena_alloc(a, sizeof(Seq) + (size_t)(n > 0 ? n : 0) * sizeof(void *));
    if (s)
        s->n = n > 0 ? n : 0;
    return s;
}

Expr *
ast_expr(Arena *a, ExprKind kind, int lineno, int col, int end_lineno, int end_col)
{
    Expr *e = arena_alloc(a, sizeof *e);
    if (!e)
        return NULL;
    e->kind = kind;
    e->lineno = lineno;
    e->col_offset = col;
    e->end_lineno = end_lineno;
    e->end_col_offset = end_col;
    return e;
}

Stmt *
ast_stmt(Arena *a, StmtKind kind, int lineno, int col, int end_lineno, int end_col)
{
    Stmt *s = arena_alloc(a, sizeof *s);
    if (!s)
        return NULL;
    s->kind = kind;
    s->lineno = lineno;
    s->col_offset = col;
    s->end_lineno = end_lineno;
    s->end_col_offset = end_col;
    return s;
}

/* ------------------------------------------------------------------------------------
** Dump
*/
typedef struct Dumper {
    Buf b;
    int attrs;
    int depth;
    int failed;
} Dumper;

static void dump_expr(Dumper *d, Expr *e);
static void dump_stmt(Dumper *d, Stmt *s);

static void
dump_puts(Dumper *d, const char *s)
{
    if (!d->failed && buf_puts(&d->b, s) < 0)
        d->failed = 1;
}

static void
dump_int(Dumper *d, int v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%d", v);
    dump_puts(d, tmp);
}

static void
dump_obj(Dumper *d, Object *o)
{
    if (d->failed)
        return;
    Object *r = obj_repr(o);
    if (!r) {
        d->failed = 1;
        return;
    }
    ssize_t n;
    const char *s = str_as_utf8(r, &n);
    if (!s || buf_append(&d->b, s, (size_t)n) < 0)
        d->failed = 1;
    decref(r);
}

/* ", name=" before every field but the first */
static void
dump_field(Dumper *d, int *first, const char *name)
{
    if (!*first)
        dump_puts(d, ", ");
    *first = 0;
    dump_puts(d, name);
    dump_puts(d, "=");
}

static void
dump_pos(Dumper *d, int *first, int lineno, int col, int end_lineno, int end_col)
{
    if (!d->attrs)
        return;
    dump_field(d, first, "lineno");
    dump_int(d, lineno);
    dump_field(d, first, "col_offset");
    dump_int(d, col);
    dump_field(d, first, "end_lineno");
    dump_int(d, end_lineno);
    dump_field(d, first, "end_col_offset");
    dump_int(d, end_col);
}

static int
dump_enter(Dumper *d)
{
    if (++d->depth > AST_DUMP_MAX) {
        if (!d->failed)
            err_set(exc_RecursionError, "maximum recursion depth exceeded during ast dump");
        d->failed = 1;
        return 0;
    }
    return !d->failed;
}

static void
dump_expr_field(Dumper *d, int *first, const char *name, Expr *e, int optional)
{
    if (!e && optional)
        return;
    dump_field(d, first, name);
    if (e)
        dump_expr(d, e);
    else
        dump_puts(d, "None");
}

static void
dump_expr_seq(Dumper *d, int *first, const char *name, Seq *s)
{
    dump_field(d, first, name);
    dump_puts(d, "[");
    for (int i = 0; i < SEQ_LEN(s); i++) {
        if (i)
            dump_puts(d, ", ");
        Expr *e = SEQ_GET(s, i);
        if (e)
            dump_expr(d, e);
        else
            dump_puts(d, "None");
    }
    dump_puts(d, "]");
}

static void
dump_stmt_seq(Dumper *d, int *first, const char *name, Seq *s)
{
    dump_field(d, first, name);
    dump_puts(d, "[");
    for (int i = 0; i < SEQ_LEN(s); i++) {
        if (i)
            dump_puts(d, ", ");
        dump_stmt(d, SEQ_GET(s, i));
    }
    dump_puts(d, "]");
}

static void
dump_ident_field(Dumper *d, int *first, const char *name, Object *id, int optional)
{
    if (!id && optional)
        return;
    dump_field(d, first, name);
    if (id)
        dump_obj(d, id);
    else
        dump_puts(d, "None");
}

static void
dump_ident_seq(Dumper *d, int *first, const char *name, Seq *s)
{
    dump_field(d, first, name);
    dump_puts(d, "[");
    for (int i = 0; i < SEQ_LEN(s); i++) {
        if (i)
            dump_puts(d, ", ");
        dump_obj(d, SEQ_GET(s, i));
    }
    dump_puts(d, "]");
}

static const char *
dump_ctx_name(ExprContext c)
{
    return c == CTX_STORE ? "Store()" : c == CTX_DEL ? "Del()" : "Load()";
}

static void
dump_ctx(Dumper *d, int *first, ExprContext c)
{
    dump_field(d, first, "ctx");
    dump_puts(d, dump_ctx_name(c));
}

static const char *const dump_operators[] = {
    "?", "Add()", "Sub()", "Mult()", "MatMult()", "Div()", "Mod()", "Pow()", "LShift()",
    "RShift()", "BitOr()", "BitXor()", "BitAnd()", "FloorDiv()"
};
static const char *const dump_unaryops[] = { "?", "Invert()", "Not()", "UAdd()", "USub()" };
static const char *const dump_cmpops[] = {
    "?", "Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()", "Is()", "IsNot()", "In()",
    "NotIn()"
};

static void
dump_arg(Dumper *d, Arg *a)
{
    int first = 1;
    dump_puts(d, "arg(");
    dump_ident_field(d, &first, "arg", a->arg, 0);
    dump_expr_field(d, &first, "annotation", a->annotation, 1);
    dump_pos(d, &first, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
    dump_puts(d, ")");
}

static void
dump_arg_seq(Dumper *d, int *first, const char *name, Seq *s)
{
    dump_field(d, first, name);
    dump_puts(d, "[");
    for (int i = 0; i < SEQ_LEN(s); i++) {
        if (i)
            dump_puts(d, ", ");
        dump_arg(d, SEQ_GET(s, i));
    }
    dump_puts(d, "]");
}

static void
dump_arguments(Dumper *d, int *first, Arguments *a)
{
    int f = 1;
    dump_field(d, first, "args");
    dump_puts(d, "arguments(");
    dump_arg_seq(d, &f, "posonlyargs", a->posonlyargs);
    dump_arg_seq(d, &f, "args", a->args);
    if (a->vararg) {
        dump_field(d, &f, "vararg");
        dump_arg(d, a->vararg);
    }
    dump_arg_seq(d, &f, "kwonlyargs", a->kwonlyargs);
    dump_expr_seq(d, &f, "kw_defaults", a->kw_defaults);
    if (a->kwarg) {
        dump_field(d, &f, "kwarg");
        dump_arg(d, a->kwarg);
    }
    dump_expr_seq(d, &f, "defaults", a->defaults);
    dump_puts(d, ")");
}

static void
dump_keywords(Dumper *d, int *first, Seq *s)
{
    dump_field(d, first, "keywords");
    dump_puts(d, "[");
    for (int i = 0; i < SEQ_LEN(s); i++) {
        Keyword *k = SEQ_GET(s, i);
        int f = 1;
        if (i)
            dump_puts(d, ", ");
        dump_puts(d, "keyword(");
        dump_ident_field(d, &f, "arg", k->arg, 1);
        dump_expr_field(d, &f, "value", k->value, 0);
        dump_pos(d, &f, k->lineno, k->col_offset, k->end_lineno, k->end_col_offset);
        dump_puts(d, ")");
    }
    dump_puts(d, "]");
}

static void
dump_generators(Dumper *d, int *first, Seq *s)
{
    dump_field(d, first, "generators");
    dump_puts(d, "[");
    for (int i = 0; i < SEQ_LEN(s); i++) {
        Comprehension *c = SEQ_GET(s, i);
        int f = 1;
        if (i)
            dump_puts(d, ", ");
        dump_puts(d, "comprehension(");
        dump_expr_field(d, &f, "target", c->target, 0);
        dump_expr_field(d, &f, "iter", c->iter, 0);
        dump_expr_seq(d, &f, "ifs", c->ifs);
        dump_field(d, &f, "is_async");
        dump_int(d, c->is_async);
        dump_puts(d, ")");
    }
    dump_puts(d, "]");
}

static void
dump_aliases(Dumper *d, int *first, Seq *s)
{
    dump_field(d, first, "names");
    dump_puts(d, "[");
    for (int i = 0; i < SEQ_LEN(s); i++) {
        Alias *a = SEQ_GET(s, i);
        int f = 1;
        if (i)
            dump_puts(d, ", ");
        dump_puts(d, "alias(");
        dump_ident_field(d, &f, "name", a->name, 0);
        dump_ident_field(d, &f, "asname", a->asname, 1);
        dump_pos(d, &f, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
        dump_puts(d, ")");
    }
    dump_puts(d, "]");
}

static const char *const dump_expr_names[] = {
    "?", "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
    "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
    "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript",
    "Starred", "Name", "List", "Tuple", "Slice"
};

static void
dump_expr(Dumper *d, Expr *e)
{
    if (!dump_enter(d))
        return;
    int f = 1;
    if (e->kind < EXPR_BOOLOP || e->kind > EXPR_SLICE) {
        dump_puts(d, "?");
        d->depth--;
        return;
    }
    dump_puts(d, dump_expr_names[e->kind]);
    dump_puts(d, "(");
    switch (e->kind) {
    case EXPR_BOOLOP:
        dump_field(d, &f, "op");
        dump_puts(d, e->v.BoolOp.op == BOOL_AND ? "And()" : "Or()");
        dump_expr_seq(d, &f, "values", e->v.BoolOp.values);
        break;
    case EXPR_NAMEDEXPR:
        dump_expr_field(d, &f, "target", e->v.NamedExpr.target, 0);
        dump_expr_field(d, &f, "value", e->v.NamedExpr.value, 0);
        break;
    case EXPR_BINOP:
        dump_expr_field(d, &f, "left", e->v.BinOp.left, 0);
        dump_field(d, &f, "op");
        dump_puts(d, dump_operators[e->v.BinOp.op]);
        dump_expr_field(d, &f, "right", e->v.BinOp.right, 0);
        break;
    case EXPR_UNARYOP:
        dump_field(d, &f, "op");
        dump_puts(d, dump_unaryops[e->v.UnaryOp.op]);
        dump_expr_field(d, &f, "operand", e->v.UnaryOp.operand, 0);
        break;
    case EXPR_LAMBDA:
        dump_arguments(d, &f, e->v.Lambda.args);
        dump_expr_field(d, &f, "body", e->v.Lambda.body, 0);
        break;
    case EXPR_IFEXP:
        dump_expr_field(d, &f, "test", e->v.IfExp.test, 0);
        dump_expr_field(d, &f, "body", e->v.IfExp.body, 0);
        dump_expr_field(d, &f, "orelse", e->v.IfExp.orelse, 0);
        break;
    case EXPR_DICT:
        dump_expr_seq(d, &f, "keys", e->v.Dict.keys);
        dump_expr_seq(d, &f, "values", e->v.Dict.values);
        break;
    case EXPR_SET:
        dump_expr_seq(d, &f, "elts", e->v.Set.elts);
        break;
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_GENERATOREXP:
        dump_expr_field(d, &f, "elt", e->v.ListComp.elt, 0);
        dump_generators(d, &f, e->v.ListComp.generators);
        break;
    case EXPR_DICTCOMP:
        dump_expr_field(d, &f, "key", e->v.DictComp.key, 0);
        dump_expr_field(d, &f, "value", e->v.DictComp.value, 0);
        dump_generators(d, &f, e->v.DictComp.generators);
        break;
    case EXPR_AWAIT:
    case EXPR_YIELDFROM:
        dump_expr_field(d, &f, "value", e->v.Await.value, 0);
        break;
    case EXPR_YIELD:
        dump_expr_field(d, &f, "value", e->v.Yield.value, 1);
        break;
    case EXPR_COMPARE: {
        dump_expr_field(d, &f, "left", e->v.Compare.left, 0);
        dump_field(d, &f, "ops");
        dump_puts(d, "[");
        int n = SEQ_LEN(e->v.Compare.comparators);
        for (int i = 0; i < n; i++) {
            if (i)
                dump_puts(d, ", ");
            dump_puts(d, dump_cmpops[e->v.Compare.ops[i]]);
        }
        dump_puts(d, "]");
        dump_expr_seq(d, &f, "comparators", e->v.Compare.comparators);
        break;
    }
    case EXPR_CALL:
        dump_expr_field(d, &f, "func", e->v.Call.func, 0);
        dump_expr_seq(d, &f, "args", e->v.Call.args);
        dump_keywords(d, &f, e->v.Call.keywords);
        break;
    case EXPR_FORMATTEDVALUE:
        dump_expr_field(d, &f, "value", e->v.FormattedValue.value, 0);
        dump_field(d, &f, "conversion");
        dump_int(d, e->v.FormattedValue.conversion);
        dump_expr_field(d, &f, "format_spec", e->v.FormattedValue.format_spec, 1);
        break;
    case EXPR_JOINEDSTR:
        dump_expr_seq(d, &f, "values", e->v.JoinedStr.values);
        break;
    case EXPR_CONSTANT:
        dump_field(d, &f, "value");
        dump_obj(d, e->v.Constant.value);
        dump_ident_field(d, &f, "kind", e->v.Constant.kind, 1);
        break;
    case EXPR_ATTRIBUTE:
        dump_expr_field(d, &f, "value", e->v.Attribute.value, 0);
        dump_ident_field(d, &f, "attr", e->v.Attribute.attr, 0);
        dump_ctx(d, &f, e->v.Attribute.ctx);
        break;
    case EXPR_SUBSCRIPT:
        dump_expr_field(d, &f, "value", e->v.Subscript.value, 0);
        dump_expr_field(d, &f, "slice", e->v.Subscript.slice, 0);
        dump_ctx(d, &f, e->v.Subscript.ctx);
        break;
    case EXPR_STARRED:
        dump_expr_field(d, &f, "value", e->v.Starred.value, 0);
        dump_ctx(d, &f, e->v.Starred.ctx);
        break;
    case EXPR_NAME:
        dump_ident_field(d, &f, "id", e->v.Name.id, 0);
        dump_ctx(d, &f, e->v.Name.ctx);
        break;
    case EXPR_LIST:
    case EXPR_TUPLE:
        dump_expr_seq(d, &f, "elts", e->v.List.elts);
        dump_ctx(d, &f, e->v.List.ctx);
        break;
    case EXPR_SLICE:
        dump_expr_field(d, &f, "lower", e->v.Slice.lower, 1);
        dump_expr_field(d, &f, "upper", e->v.Slice.upper, 1);
        dump_expr_field(d, &f, "step", e->v.Slice.step, 1);
        break;
    }
    dump_pos(d, &f, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    dump_puts(d, ")");
    d->depth--;
}

static const char *const dump_stmt_names[] = {
    "?", "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
    "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
    "Raise", "Try", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass",
    "Break", "Continue"
};

static void
dump_stmt(Dumper *d, Stmt *s)
{
    if (!dump_enter(d))
        return;
    int f = 1;
    if (s->kind < STMT_FUNCTIONDEF || s->kind > STMT_CONTINUE) {
        dump_puts(d, "?");
        d->depth--;
        return;
    }
    dump_puts(d, dump_stmt_names[s->kind]);
    dump_puts(d, "(");
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
    case STMT_ASYNCFUNCTIONDEF:
        dump_ident_field(d, &f, "name", s->v.FunctionDef.name, 0);
        dump_arguments(d, &f, s->v.FunctionDef.args);
        dump_stmt_seq(d, &f, "body", s->v.FunctionDef.body);
        dump_expr_seq(d, &f, "decorator_list", s->v.FunctionDef.decorator_list);
        dump_expr_field(d, &f, "returns", s->v.FunctionDef.returns, 1);
        break;
    case STMT_CLASSDEF:
        dump_ident_field(d, &f, "name", s->v.ClassDef.name, 0);
        dump_expr_seq(d, &f, "bases", s->v.ClassDef.bases);
        dump_keywords(d, &f, s->v.ClassDef.keywords);
        dump_stmt_seq(d, &f, "body", s->v.ClassDef.body);
        dump_expr_seq(d, &f, "decorator_list", s->v.ClassDef.decorator_list);
        break;
    case STMT_RETURN:
        dump_expr_field(d, &f, "value", s->v.Return.value, 1);
        break;
    case STMT_DELETE:
        dump_expr_seq(d, &f, "targets", s->v.Delete.targets);
        break;
    case STMT_ASSIGN:
        dump_expr_seq(d, &f, "targets", s->v.Assign.targets);
        dump_expr_field(d, &f, "value", s->v.Assign.value, 0);
        break;
    case STMT_AUGASSIGN:
        dump_expr_field(d, &f, "target", s->v.AugAssign.target, 0);
        dump_field(d, &f, "op");
        dump_puts(d, dump_operators[s->v.AugAssign.op]);
        dump_expr_field(d, &f, "value", s->v.AugAssign.value, 0);
        break;
    case STMT_ANNASSIGN:
        dump_expr_field(d, &f, "target", s->v.AnnAssign.target, 0);
        dump_expr_field(d, &f, "annotation", s->v.AnnAssign.annotation, 0);
        dump_expr_field(d, &f, "value", s->v.AnnAssign.value, 1);
        dump_field(d, &f, "simple");
        dump_int(d, s->v.AnnAssign.simple);
        break;
    case STMT_FOR:
    case STMT_ASYNCFOR:
        dump_expr_field(d, &f, "target", s->v.For.target, 0);
        dump_expr_field(d, &f, "iter", s->v.For.iter, 0);
        dump_stmt_seq(d, &f, "body", s->v.For.body);
        dump_stmt_seq(d, &f, "orelse", s->v.For.orelse);
        break;
    case STMT_WHILE:
    case STMT_IF:
        dump_expr_field(d, &f, "test", s->v.If.test, 0);
        dump_stmt_seq(d, &f, "body", s->v.If.body);
        dump_stmt_seq(d, &f, "orelse", s->v.If.orelse);
        break;
    case STMT_WITH:
    case STMT_ASYNCWITH:
        dump_field(d, &f, "items");
        dump_puts(d, "[");
        for (int i = 0; i < SEQ_LEN(s->v.With.items); i++) {
            WithItem *w = SEQ_GET(s->v.With.items, i);
            int g = 1;
            if (i)
                dump_puts(d, ", ");
            dump_puts(d, "withitem(");
            dump_expr_field(d, &g, "context_expr", w->context_expr, 0);
            dump_expr_field(d, &g, "optional_vars", w->optional_vars, 1);
            dump_puts(d, ")");
        }
        dump_puts(d, "]");
        dump_stmt_seq(d, &f, "body", s->v.With.body);
        break;
    case STMT_RAISE:
        dump_expr_field(d, &f, "exc", s->v.Raise.exc, 1);
        dump_expr_field(d, &f, "cause", s->v.Raise.cause, 1);
        break;
    case STMT_TRY:
        dump_stmt_seq(d, &f, "body", s->v.Try.body);
        dump_field(d, &f, "handlers");
        dump_puts(d, "[");
        for (int i = 0; i < SEQ_LEN(s->v.Try.handlers); i++) {
            ExceptHandler *h = SEQ_GET(s->v.Try.handlers, i);
            int g = 1;
            if (i)
                dump_puts(d, ", ");
            dump_puts(d, "ExceptHandler(");
            dump_expr_field(d, &g, "type", h->type, 1);
            dump_ident_field(d, &g, "name", h->name, 1);
            dump_stmt_seq(d, &g, "body", h->body);
            dump_pos(d, &g, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
            dump_puts(d, ")");
        }
        dump_puts(d, "]");
        dump_stmt_seq(d, &f, "orelse", s->v.Try.orelse);
        dump_stmt_seq(d, &f, "finalbody", s->v.Try.finalbody);
        break;
    case STMT_ASSERT:
        dump_expr_field(d, &f, "test", s->v.Assert.test, 0);
        dump_expr_field(d, &f, "msg", s->v.Assert.msg, 1);
        break;
    case STMT_IMPORT:
        dump_aliases(d, &f, s->v.Import.names);
        break;
    case STMT_IMPORTFROM:
        dump_ident_field(d, &f, "module", s->v.ImportFrom.module, 1);
        dump_aliases(d, &f, s->v.ImportFrom.names);
        dump_field(d, &f, "level");
        dump_int(d, s->v.ImportFrom.level);
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        dump_ident_seq(d, &f, "names", s->v.Global.names);
        break;
    case STMT_EXPR:
        dump_expr_field(d, &f, "value", s->v.Expr.value, 0);
        break;
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE:
        break;
    }
    dump_pos(d, &f, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    dump_puts(d, ")");
    d->depth--;
}

/* The dump with position attributes, for tests. */

Object *
ast_dump_mod_attrs(Mod *m, int include_attributes)
{
    Dumper d;
    buf_init(&d.b);
    d.attrs = include_attributes;
    d.depth = 0;
    d.failed = 0;
    int f = 1;
    switch (m->kind) {
    case MOD_MODULE:
        dump_puts(&d, "Module(");
        dump_stmt_seq(&d, &f, "body", m->body);
        dump_puts(&d, ", type_ignores=[])");
        break;
    case MOD_INTERACTIVE:
        dump_puts(&d, "Interactive(");
        dump_stmt_seq(&d, &f, "body", m->body);
        dump_puts(&d, ")");
        break;
    case MOD_EXPRESSION:
        dump_puts(&d, "Expression(");
        dump_expr_field(&d, &f, "body", m->expr, 0);
        dump_puts(&d, ")");
        break;
    }
    Object *r = NULL;
    if (!d.failed)
        r = str_from_utf8(d.b.data, (ssize_t)d.b.len);
    else if (!err_occurred())
        err_no_memory();
    buf_free(&d.b);
    return r;
}

Object *
ast_dump_mod(Mod *m)
{
    return ast_dump_mod_attrs(m, 0);
}
