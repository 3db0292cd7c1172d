/*
** symtable.c -- scope analysis; see symtable.h.  The two passes follow CPython's
** symtable.c: symtable_visit_* record flags per name and block, analyze_block decides
** scopes top-down (passing the names bound in enclosing functions and the known
** globals) and bottom-up (collecting the free names of children, turning captured
** locals into cells).
*/
#include "interp/symtable.h"
#include "interp/compile.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/state.h"
#include "runtime/intobject.h"
#include "runtime/strobject.h"
#include "runtime/listobject.h"
#include "runtime/tupleobject.h"
#include "runtime/dictobject.h"
#include <string.h>

#define MAX_NESTING 200

static void ste_free(SymEntry *e);

static SymEntry *
ste_new(SymTable *st, Object *name, BlockType type, void *key, int lineno, int col)
{
    SymEntry *e = heap_calloc(1, sizeof(SymEntry));
    if (!e) {
        err_no_memory();
        return NULL;
    }
    e->type = type;
    e->name = newref(name);
    e->key = key;
    e->lineno = lineno;
    e->col = col;
    e->symbols = dict_new();
    e->varnames = list_new(0);
    if (!e->symbols || !e->varnames) {
        ste_free(e);
        return NULL;
    }
    SymEntry *parent = st->cur;
    e->parent = parent;
    if (parent && (parent->nested || parent->type == BLOCK_FUNCTION))
        e->nested = 1;
    if (parent) {
        if (parent->nchildren == parent->capchildren) {
            int nc = parent->capchildren ? parent->capchildren * 2 : 4;
            SymEntry **ch = heap_realloc(parent->children, sizeof(SymEntry *) * (size_t)nc);
            if (!ch) {
                err_no_memory();
                ste_free(e);
                return NULL;
            }
            parent->children = ch;
            parent->capchildren = nc;
        }
        parent->children[parent->nchildren++] = e;
    }
    return e;
}

static void
ste_free(SymEntry *e)
{
    if (!e)
        return;
    for (int i = 0; i < e->nchildren; i++)
        ste_free(e->children[i]);
    heap_free(e->children);
    xdecref(e->name);
    xdecref(e->symbols);
    xdecref(e->varnames);
    for (int i = 0; i < e->ndirectives; i++)
        decref(e->directives[i].name);
    heap_free(e->directives);
    heap_free(e);
}

void
symtable_free(SymTable *st)
{
    if (!st)
        return;
    ste_free(st->top);
    heap_free(st->stack);
    xdecref(st->private_name);
    heap_free(st);
}

static SymEntry *
find_entry(SymEntry *e, void *key)
{
    if (e->key == key)
        return e;
    for (int i = 0; i < e->nchildren; i++) {
        SymEntry *r = find_entry(e->children[i], key);
        if (r)
            return r;
    }
    return NULL;
}

SymEntry *
symtable_lookup(SymTable *st, void *key)
{
    return find_entry(st->top, key);
}

int
sym_flags(SymEntry *e, Object *name)
{
    Object *v = dict_getitem(e->symbols, name);
    return v ? (int)int_as_long(v) : 0;
}

int
sym_scope(SymEntry *e, Object *name)
{
    return (sym_flags(e, name) >> SCOPE_OFFSET) & 7;
}

Object *
sym_mangle(Object *privateobj, Object *ident)
{
    if (!privateobj || !STR_CHECK(privateobj) || !STR_IS_ASCII(ident) ||
        STR_LEN(ident) < 2)
        return newref(ident);
    const char *p = STR_ASCII(ident);
    ssize_t nlen = STR_LEN(ident);
    if (p[0] != '_' || p[1] != '_')
        return newref(ident);
    /* don't mangle __id__ or names with dots */
    if ((p[nlen - 1] == '_' && p[nlen - 2] == '_') || strchr(p, '.'))
        return newref(ident);
    ssize_t plen;
    const char *priv = str_as_utf8(privateobj, &plen);
    if (!priv)
        return NULL;
    while (*priv == '_') {
        priv++;
        plen--;
    }
    if (plen == 0)
        return newref(ident);
    Object *r = str_from_format("_%s%U", priv, ident);
    if (r)
        str_intern_inplace(&r);
    return r;
}

/* ================================================================ pass 1 */

static int visit_stmt(SymTable *st, Stmt *s);
static int visit_expr(SymTable *st, Expr *e);

static int
st_error(SymTable *st, int lineno, int col, int end_lineno, int end_col, const char *fmt,
         ...)
{
    va_list ap;
    va_start(ap, fmt);
    Object *msg = str_from_vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return 0;
    compile_raise_syntax_error(st->filename, str_as_utf8(msg, NULL), lineno, col, end_lineno,
                               end_col);
    decref(msg);
    return 0;
}

static int
enter_block(SymTable *st, Object *name, BlockType type, void *key, int lineno, int col)
{
    if (st->depth >= MAX_NESTING) {
        err_set(exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return 0;
    }
    if (st->depth == st->cap) {     /* grow first: a new entry is linked at once */
        int nc = st->cap ? st->cap * 2 : 16;
        SymEntry **s = heap_realloc(st->stack, sizeof(SymEntry *) * (size_t)nc);
        if (!s) {
            err_no_memory();
            return 0;
        }
        st->stack = s;
        st->cap = nc;
    }
    SymEntry *e = ste_new(st, name, type, key, lineno, col);
    if (!e)
        return 0;
    st->stack[st->depth++] = st->cur;
    st->cur = e;
    if (type == BLOCK_MODULE)
        st->top = e;
    return 1;
}

static void
exit_block(SymTable *st)
{
    st->cur = st->stack[--st->depth];
}

static int
add_def_helper(SymTable *st, Object *name, int flag, SymEntry *ste, int lineno, int col,
               int end_lineno, int end_col)
{
    Object *mangled = sym_mangle(st->private_name, name);
    if (!mangled)
        return 0;
    Object *o = dict_getitem(ste->symbols, mangled);
    long val = flag;
    if (o) {
        long old = int_as_long(o);
        if ((flag & DEF_PARAM) && (old & DEF_PARAM)) {
            st_error(st, lineno, col, end_lineno, end_col,
                     "duplicate argument '%U' in function definition", name);
            decref(mangled);
            return 0;
        }
        val |= old;
    }
    Object *v = int_from_long(val);
    if (!v || dict_setitem(ste->symbols, mangled, v) < 0) {
        xdecref(v);
        decref(mangled);
        return 0;
    }
    decref(v);
    if (flag & DEF_PARAM) {
        if (list_append(ste->varnames, mangled) < 0) {
            decref(mangled);
            return 0;
        }
    } else if (flag & DEF_GLOBAL) {
        /* record a module-level name */
        Object *g = dict_getitem(st->global, mangled);
        long gv = flag | (g ? int_as_long(g) : 0);
        Object *gvo = int_from_long(gv);
        if (!gvo || dict_setitem(st->global, mangled, gvo) < 0) {
            xdecref(gvo);
            decref(mangled);
            return 0;
        }
        decref(gvo);
    }
    decref(mangled);
    return 1;
}

/* Remember where a global/nonlocal statement named 'name' (CPython's ste_directives):
** errors found later, in the analysis pass, point at it. */
static int
record_directive(SymTable *st, Object *name, Stmt *s)
{
    SymEntry *e = st->cur;
    if (e->ndirectives == e->capdirectives) {
        int nc = e->capdirectives ? e->capdirectives * 2 : 4;
        SymDirective *d = heap_realloc(e->directives, sizeof *d * (size_t)nc);
        if (!d) {
            err_no_memory();
            return 0;
        }
        e->directives = d;
        e->capdirectives = nc;
    }
    Object *mangled = sym_mangle(st->private_name, name);
    if (!mangled)
        return 0;
    e->directives[e->ndirectives++] = (SymDirective){mangled, s->lineno, s->col_offset,
                                                     s->end_lineno, s->end_col_offset};
    return 1;
}

/* A SyntaxError at the first global/nonlocal statement of 'ste' naming 'name' (CPython's
** error_at_directive). */
static int
error_at_directive(SymTable *st, SymEntry *ste, Object *name, const char *fmt)
{
    for (int i = 0; i < ste->ndirectives; i++) {
        SymDirective *d = &ste->directives[i];
        if (str_eq(d->name, name))
            return st_error(st, d->lineno, d->col, d->end_lineno, d->end_col, fmt, name);
    }
    return st_error(st, ste->lineno, ste->col, 0, -1, fmt, name);
}

static int
add_def(SymTable *st, Object *name, int flag, int lineno, int col, int end_lineno, int end_col)
{
    return add_def_helper(st, name, flag, st->cur, lineno, col, end_lineno, end_col);
}

#define ADD_DEF_E(name, flag, e)                                                         \
    add_def(st, name, flag, (e)->lineno, (e)->col_offset, (e)->end_lineno, (e)->end_col_offset)

static int
visit_seq_stmt(SymTable *st, Seq *s)
{
    for (int i = 0; i < SEQ_LEN(s); i++)
        if (!visit_stmt(st, SEQ_GET(s, i)))
            return 0;
    return 1;
}

static int
visit_seq_expr(SymTable *st, Seq *s)
{
    for (int i = 0; i < SEQ_LEN(s); i++) {
        Expr *e = SEQ_GET(s, i);
        if (e && !visit_expr(st, e))
            return 0;
    }
    return 1;
}

static int
visit_params(SymTable *st, Seq *args)
{
    for (int i = 0; i < SEQ_LEN(args); i++) {
        Arg *a = SEQ_GET(args, i);
        if (!add_def(st, a->arg, DEF_PARAM, a->lineno, a->col_offset, a->end_lineno,
                     a->end_col_offset))
            return 0;
    }
    return 1;
}

static int
visit_annotations_of(SymTable *st, Seq *args)
{
    for (int i = 0; i < SEQ_LEN(args); i++) {
        Arg *a = SEQ_GET(args, i);
        if (a->annotation && !visit_expr(st, a->annotation))
            return 0;
    }
    return 1;
}

static int
visit_arguments(SymTable *st, Arguments *a)
{
    if (!visit_params(st, a->posonlyargs) || !visit_params(st, a->args) ||
        !visit_params(st, a->kwonlyargs))
        return 0;
    if (a->vararg) {
        if (!add_def(st, a->vararg->arg, DEF_PARAM, a->vararg->lineno, a->vararg->col_offset,
                     a->vararg->end_lineno, a->vararg->end_col_offset))
            return 0;
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (!add_def(st, a->kwarg->arg, DEF_PARAM, a->kwarg->lineno, a->kwarg->col_offset,
                     a->kwarg->end_lineno, a->kwarg->end_col_offset))
            return 0;
        st->cur->varkeywords = 1;
    }
    return 1;
}

static int
visit_argannotations(SymTable *st, Arguments *a, Expr *returns)
{
    if (!visit_annotations_of(st, a->posonlyargs) || !visit_annotations_of(st, a->args) ||
        !visit_annotations_of(st, a->kwonlyargs))
        return 0;
    if (a->vararg && a->vararg->annotation && !visit_expr(st, a->vararg->annotation))
        return 0;
    if (a->kwarg && a->kwarg->annotation && !visit_expr(st, a->kwarg->annotation))
        return 0;
    if (returns && !visit_expr(st, returns))
        return 0;
    return 1;
}

static int
visit_comprehension_block(SymTable *st, Expr *e, const char *scope_name, Seq *generators,
                          Expr *elt, Expr *value, int is_generator)
{
    Comprehension *outermost = SEQ_GET(generators, 0);
    /* the outermost iterable is evaluated in the enclosing scope */
    st->cur->comp_iter_expr++;
    if (!visit_expr(st, outermost->iter))
        return 0;
    st->cur->comp_iter_expr--;
    Object *name = str_static(scope_name);
    if (!name)
        return 0;
    int ok = enter_block(st, name, BLOCK_FUNCTION, e, e->lineno, e->col_offset);
    decref(name);
    if (!ok)
        return 0;
    st->cur->comprehension = 1;
    if (is_generator)
        st->cur->generator = 1;
    /* the implicit parameter .0 */
    Object *dot0 = str_intern_cstr(".0");
    if (!dot0)
        return 0;
    ok = add_def(st, dot0, DEF_PARAM, e->lineno, e->col_offset, e->end_lineno,
                 e->end_col_offset);
    decref(dot0);
    if (!ok)
        return 0;
    st->cur->comp_iter_target = 1;
    if (!visit_expr(st, outermost->target))
        return 0;
    st->cur->comp_iter_target = 0;
    if (!visit_seq_expr(st, outermost->ifs))
        return 0;
    for (int i = 1; i < SEQ_LEN(generators); i++) {
        Comprehension *c = SEQ_GET(generators, i);
        st->cur->comp_iter_target = 1;
        if (!visit_expr(st, c->target))
            return 0;
        st->cur->comp_iter_target = 0;
        st->cur->comp_iter_expr++;
        if (!visit_expr(st, c->iter))
            return 0;
        st->cur->comp_iter_expr--;
        if (!visit_seq_expr(st, c->ifs))
            return 0;
    }
    if (value && !visit_expr(st, value))
        return 0;
    if (!visit_expr(st, elt))
        return 0;
    exit_block(st);
    return 1;
}

/* 'x := v' inside a comprehension binds x in the nearest enclosing function/module. */
static int
extend_namedexpr_scope(SymTable *st, Expr *target)
{
    Object *name = target->v.Name.id;
    for (int i = st->depth; i >= 0; i--) {
        SymEntry *ste = i == st->depth ? st->cur : st->stack[i];
        if (!ste)
            break;
        if (ste->comprehension) {
            int flags = sym_flags(ste, name);
            if (flags & DEF_COMP_ITER)
                return st_error(st, target->lineno, target->col_offset, target->end_lineno,
                                target->end_col_offset,
                                "assignment expression cannot rebind comprehension iteration "
                                "variable '%U'",
                                name);
            continue;
        }
        if (ste->type == BLOCK_FUNCTION) {
            int flags = sym_flags(ste, name);
            if (flags & DEF_GLOBAL) {
                if (!add_def_helper(st, name, DEF_GLOBAL, st->cur, target->lineno,
                                    target->col_offset, target->end_lineno,
                                    target->end_col_offset))
                    return 0;
            } else if (!add_def_helper(st, name, DEF_NONLOCAL, st->cur, target->lineno,
                                       target->col_offset, target->end_lineno,
                                       target->end_col_offset)) {
                return 0;
            }
            return add_def_helper(st, name, DEF_LOCAL, ste, target->lineno, target->col_offset,
                                  target->end_lineno, target->end_col_offset);
        }
        if (ste->type == BLOCK_MODULE) {
            if (!add_def_helper(st, name, DEF_GLOBAL, st->cur, target->lineno,
                                target->col_offset, target->end_lineno, target->end_col_offset))
                return 0;
            return add_def_helper(st, name, DEF_GLOBAL, ste, target->lineno, target->col_offset,
                                  target->end_lineno, target->end_col_offset);
        }
        if (ste->type == BLOCK_CLASS)
            return st_error(st, target->lineno, target->col_offset, target->end_lineno,
                            target->end_col_offset,
                            "assignment expression within a comprehension cannot be used in a "
                            "class body");
    }
    return 1;
}

static int SymEntry_is(SymEntry *e, const char *name);

static int
visit_expr(SymTable *st, Expr *e)
{
    if (++st->recursion > MAX_NESTING * 5 || rt_check_c_stack() < 0) {
        if (!err_occurred())
            err_set(exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return 0;
    }
    int ok = 1;
    switch (e->kind) {
    case EXPR_NAMEDEXPR:
        if (st->cur->comp_iter_expr > 0) {
            ok = st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                          "assignment expression cannot be used in a comprehension iterable "
                          "expression");
            break;
        }
        ok = visit_expr(st, e->v.NamedExpr.value);
        if (ok && st->cur->comprehension)
            ok = extend_namedexpr_scope(st, e->v.NamedExpr.target);
        if (ok)
            ok = visit_expr(st, e->v.NamedExpr.target);
        break;
    case EXPR_BOOLOP:
        ok = visit_seq_expr(st, e->v.BoolOp.values);
        break;
    case EXPR_BINOP:
        ok = visit_expr(st, e->v.BinOp.left) && visit_expr(st, e->v.BinOp.right);
        break;
    case EXPR_UNARYOP:
        ok = visit_expr(st, e->v.UnaryOp.operand);
        break;
    case EXPR_LAMBDA: {
        Arguments *a = e->v.Lambda.args;
        ok = visit_seq_expr(st, a->defaults) && visit_seq_expr(st, a->kw_defaults);
        if (!ok)
            break;
        Object *name = str_static("<lambda>");
        if (!name)
            return 0;
        ok = enter_block(st, name, BLOCK_FUNCTION, e, e->lineno, e->col_offset);
        decref(name);
        if (!ok)
            break;
        ok = visit_arguments(st, a) && visit_expr(st, e->v.Lambda.body);
        exit_block(st);
        break;
    }
    case EXPR_IFEXP:
        ok = visit_expr(st, e->v.IfExp.test) && visit_expr(st, e->v.IfExp.body) &&
             visit_expr(st, e->v.IfExp.orelse);
        break;
    case EXPR_DICT:
        ok = visit_seq_expr(st, e->v.Dict.keys) && visit_seq_expr(st, e->v.Dict.values);
        break;
    case EXPR_SET:
        ok = visit_seq_expr(st, e->v.Set.elts);
        break;
    case EXPR_GENERATOREXP:
        ok = visit_comprehension_block(st, e, "<genexpr>", e->v.GeneratorExp.generators,
                                       e->v.GeneratorExp.elt, NULL, 1);
        break;
    case EXPR_LISTCOMP:
        ok = visit_comprehension_block(st, e, "<listcomp>", e->v.ListComp.generators,
                                       e->v.ListComp.elt, NULL, 0);
        break;
    case EXPR_SETCOMP:
        ok = visit_comprehension_block(st, e, "<setcomp>", e->v.SetComp.generators,
                                       e->v.SetComp.elt, NULL, 0);
        break;
    case EXPR_DICTCOMP:
        ok = visit_comprehension_block(st, e, "<dictcomp>", e->v.DictComp.generators,
                                       e->v.DictComp.key, e->v.DictComp.value, 0);
        break;
    case EXPR_YIELD:
    case EXPR_YIELDFROM: {
        Expr *v = e->kind == EXPR_YIELD ? e->v.Yield.value : e->v.YieldFrom.value;
        if (v && !visit_expr(st, v))
            return 0;
        if (st->cur->comprehension) {
            const char *what = "list comprehension";
            /* find which comprehension */
            if (SymEntry_is(st->cur, "<genexpr>"))
                what = "generator expression";
            else if (SymEntry_is(st->cur, "<setcomp>"))
                what = "set comprehension";
            else if (SymEntry_is(st->cur, "<dictcomp>"))
                what = "dict comprehension";
            ok = st_error(st, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                          "'yield' inside %s", what);
            break;
        }
        st->cur->generator = 1;
        break;
    }
    case EXPR_AWAIT:
        ok = visit_expr(st, e->v.Await.value);
        st->cur->coroutine = 1;
        break;
    case EXPR_COMPARE:
        ok = visit_expr(st, e->v.Compare.left) && visit_seq_expr(st, e->v.Compare.comparators);
        break;
    case EXPR_CALL: {
        ok = visit_expr(st, e->v.Call.func) && visit_seq_expr(st, e->v.Call.args);
        for (int i = 0; ok && i < SEQ_LEN(e->v.Call.keywords); i++) {
            Keyword *k = SEQ_GET(e->v.Call.keywords, i);
            ok = visit_expr(st, k->value);
        }
        break;
    }
    case EXPR_FORMATTEDVALUE:
        ok = visit_expr(st, e->v.FormattedValue.value);
        if (ok && e->v.FormattedValue.format_spec)
            ok = visit_expr(st, e->v.FormattedValue.format_spec);
        break;
    case EXPR_JOINEDSTR:
        ok = visit_seq_expr(st, e->v.JoinedStr.values);
        break;
    case EXPR_CONSTANT:
        break;
    case EXPR_ATTRIBUTE:
        ok = visit_expr(st, e->v.Attribute.value);
        break;
    case EXPR_SUBSCRIPT:
        ok = visit_expr(st, e->v.Subscript.value) && visit_expr(st, e->v.Subscript.slice);
        break;
    case EXPR_STARRED:
        ok = visit_expr(st, e->v.Starred.value);
        break;
    case EXPR_SLICE:
        if (e->v.Slice.lower)
            ok = visit_expr(st, e->v.Slice.lower);
        if (ok && e->v.Slice.upper)
            ok = visit_expr(st, e->v.Slice.upper);
        if (ok && e->v.Slice.step)
            ok = visit_expr(st, e->v.Slice.step);
        break;
    case EXPR_NAME: {
        int flag = e->v.Name.ctx == CTX_LOAD ? USE : DEF_LOCAL;
        if (st->cur->comp_iter_target && flag == DEF_LOCAL)
            flag |= DEF_COMP_ITER;
        ok = ADD_DEF_E(e->v.Name.id, flag, e);
        /* super() and __class__ in a method need the class cell */
        if (ok && e->v.Name.ctx == CTX_LOAD && st->cur->type == BLOCK_FUNCTION &&
            str_eq_cstr(e->v.Name.id, "super"))
            ok = ADD_DEF_E(ID(__class__), USE, e);
        break;
    }
    case EXPR_LIST:
        ok = visit_seq_expr(st, e->v.List.elts);
        break;
    case EXPR_TUPLE:
        ok = visit_seq_expr(st, e->v.Tuple.elts);
        break;
    }
    st->recursion--;
    return ok;
}

static int
SymEntry_is(SymEntry *e, const char *name)
{
    return str_eq_cstr(e->name, name);
}

static int
check_global_use(SymTable *st, Stmt *s, Object *name, int is_global)
{
    int cur = sym_flags(st->cur, name);
    const char *kw = is_global ? "global" : "nonlocal";
    const char *msg = NULL;
    if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        if (cur & DEF_PARAM)
            msg = "name '%U' is parameter and %s";
        else if (cur & USE)
            msg = "name '%U' is used prior to %s declaration";
        else if (cur & DEF_ANNOT)
            msg = "annotated name '%U' can't be %s";
        else
            msg = "name '%U' is assigned to before %s declaration";
        return st_error(st, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, msg,
                        name, kw);
    }
    return 1;
}

static int
visit_alias(SymTable *st, Alias *a, int lineno)
{
    Object *name = a->asname ? a->asname : a->name;
    Object *store = name;
    Object *first = NULL;
    if (!a->asname) {
        ssize_t n;
        const char *s = str_as_utf8(name, &n);
        const char *dot = s ? memchr(s, '.', (size_t)n) : NULL;
        if (dot) {
            first = str_intern_utf8(s, dot - s);
            if (!first)
                return 0;
            store = first;
        }
    }
    int ok;
    if (str_eq_cstr(name, "*")) {
        if (st->cur->type != BLOCK_MODULE)
            ok = st_error(st, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset,
                          "import * only allowed at module level");
        else
            ok = 1;
    } else {
        ok = add_def(st, store, DEF_IMPORT, a->lineno, a->col_offset, a->end_lineno,
                     a->end_col_offset);
    }
    xdecref(first);
    return ok;
}

static int
visit_stmt(SymTable *st, Stmt *s)
{
    if (++st->recursion > MAX_NESTING * 5 || rt_check_c_stack() < 0) {
        if (!err_occurred())
            err_set(exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return 0;
    }
    int ok = 1;
    switch (s->kind) {
    case STMT_FUNCTIONDEF:
    case STMT_ASYNCFUNCTIONDEF: {
        Arguments *a = s->v.FunctionDef.args;
        ok = add_def(st, s->v.FunctionDef.name, DEF_LOCAL, s->lineno, s->col_offset,
                     s->end_lineno, s->end_col_offset) &&
             visit_seq_expr(st, a->defaults) && visit_seq_expr(st, a->kw_defaults) &&
             visit_argannotations(st, a, s->v.FunctionDef.returns) &&
             visit_seq_expr(st, s->v.FunctionDef.decorator_list);
        if (!ok)
            break;
        ok = enter_block(st, s->v.FunctionDef.name, BLOCK_FUNCTION, s, s->lineno,
                         s->col_offset);
        if (!ok)
            break;
        if (s->kind == STMT_ASYNCFUNCTIONDEF)
            st->cur->coroutine = 1;
        ok = visit_arguments(st, a) && visit_seq_stmt(st, s->v.FunctionDef.body);
        exit_block(st);
        break;
    }
    case STMT_CLASSDEF: {
        ok = add_def(st, s->v.ClassDef.name, DEF_LOCAL, s->lineno, s->col_offset,
                     s->end_lineno, s->end_col_offset) &&
             visit_seq_expr(st, s->v.ClassDef.bases);
        for (int i = 0; ok && i < SEQ_LEN(s->v.ClassDef.keywords); i++) {
            Keyword *k = SEQ_GET(s->v.ClassDef.keywords, i);
            ok = visit_expr(st, k->value);
        }
        if (ok)
            ok = visit_seq_expr(st, s->v.ClassDef.decorator_list);
        if (!ok)
            break;
        ok = enter_block(st, s->v.ClassDef.name, BLOCK_CLASS, s, s->lineno, s->col_offset);
        if (!ok)
            break;
        Object *saved = st->private_name;
        st->private_name = newref(s->v.ClassDef.name);
        ok = visit_seq_stmt(st, s->v.ClassDef.body);
        decref(st->private_name);
        st->private_name = saved;
        exit_block(st);
        break;
    }
    case STMT_RETURN:
        if (s->v.Return.value) {
            ok = visit_expr(st, s->v.Return.value);
            st->cur->returns_value = 1;
        }
        break;
    case STMT_DELETE:
        ok = visit_seq_expr(st, s->v.Delete.targets);
        break;
    case STMT_ASSIGN:
        ok = visit_seq_expr(st, s->v.Assign.targets) && visit_expr(st, s->v.Assign.value);
        break;
    case STMT_AUGASSIGN:
        ok = visit_expr(st, s->v.AugAssign.target) && visit_expr(st, s->v.AugAssign.value);
        break;
    case STMT_ANNASSIGN: {
        Expr *t = s->v.AnnAssign.target;
        if (t->kind == EXPR_NAME) {
            int cur = sym_flags(st->cur, t->v.Name.id);
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && st->top != st->cur &&
                s->v.AnnAssign.simple) {
                ok = st_error(st, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset,
                              cur & DEF_GLOBAL ? "annotated name '%U' can't be global"
                                               : "annotated name '%U' can't be nonlocal",
                              t->v.Name.id);
                break;
            }
            if (s->v.AnnAssign.simple)
                ok = ADD_DEF_E(t->v.Name.id, DEF_ANNOT | DEF_LOCAL, t);
            else if (s->v.AnnAssign.value)
                ok = ADD_DEF_E(t->v.Name.id, DEF_LOCAL, t);
        } else {
            ok = visit_expr(st, t);
        }
        if (ok)
            ok = visit_expr(st, s->v.AnnAssign.annotation);
        if (ok && s->v.AnnAssign.value)
            ok = visit_expr(st, s->v.AnnAssign.value);
        break;
    }
    case STMT_FOR:
    case STMT_ASYNCFOR:
        ok = visit_expr(st, s->v.For.target) && visit_expr(st, s->v.For.iter) &&
             visit_seq_stmt(st, s->v.For.body) && visit_seq_stmt(st, s->v.For.orelse);
        break;
    case STMT_WHILE:
        ok = visit_expr(st, s->v.While.test) && visit_seq_stmt(st, s->v.While.body) &&
             visit_seq_stmt(st, s->v.While.orelse);
        break;
    case STMT_IF:
        ok = visit_expr(st, s->v.If.test) && visit_seq_stmt(st, s->v.If.body) &&
             visit_seq_stmt(st, s->v.If.orelse);
        break;
    case STMT_WITH:
    case STMT_ASYNCWITH:
        for (int i = 0; ok && i < SEQ_LEN(s->v.With.items); i++) {
            WithItem *w = SEQ_GET(s->v.With.items, i);
            ok = visit_expr(st, w->context_expr);
            if (ok && w->optional_vars)
                ok = visit_expr(st, w->optional_vars);
        }
        if (ok)
            ok = visit_seq_stmt(st, s->v.With.body);
        break;
    case STMT_RAISE:
        if (s->v.Raise.exc)
            ok = visit_expr(st, s->v.Raise.exc);
        if (ok && s->v.Raise.cause)
            ok = visit_expr(st, s->v.Raise.cause);
        break;
    case STMT_TRY:
        ok = visit_seq_stmt(st, s->v.Try.body) && visit_seq_stmt(st, s->v.Try.orelse);
        for (int i = 0; ok && i < SEQ_LEN(s->v.Try.handlers); i++) {
            ExceptHandler *h = SEQ_GET(s->v.Try.handlers, i);
            if (h->type)
                ok = visit_expr(st, h->type);
            if (ok && h->name)
                ok = add_def(st, h->name, DEF_LOCAL, h->lineno, h->col_offset, h->end_lineno,
                             h->end_col_offset);
            if (ok)
                ok = visit_seq_stmt(st, h->body);
        }
        if (ok)
            ok = visit_seq_stmt(st, s->v.Try.finalbody);
        break;
    case STMT_ASSERT:
        ok = visit_expr(st, s->v.Assert.test);
        if (ok && s->v.Assert.msg)
            ok = visit_expr(st, s->v.Assert.msg);
        break;
    case STMT_IMPORT:
        for (int i = 0; ok && i < SEQ_LEN(s->v.Import.names); i++)
            ok = visit_alias(st, SEQ_GET(s->v.Import.names, i), s->lineno);
        break;
    case STMT_IMPORTFROM:
        for (int i = 0; ok && i < SEQ_LEN(s->v.ImportFrom.names); i++)
            ok = visit_alias(st, SEQ_GET(s->v.ImportFrom.names, i), s->lineno);
        break;
    case STMT_GLOBAL:
        for (int i = 0; ok && i < SEQ_LEN(s->v.Global.names); i++) {
            Object *name = SEQ_GET(s->v.Global.names, i);
            ok = check_global_use(st, s, name, 1) && record_directive(st, name, s) &&
                 add_def(st, name, DEF_GLOBAL, s->lineno, s->col_offset, s->end_lineno,
                         s->end_col_offset);
        }
        break;
    case STMT_NONLOCAL:
        for (int i = 0; ok && i < SEQ_LEN(s->v.Nonlocal.names); i++) {
            Object *name = SEQ_GET(s->v.Nonlocal.names, i);
            ok = check_global_use(st, s, name, 0) && record_directive(st, name, s) &&
                 add_def(st, name, DEF_NONLOCAL, s->lineno, s->col_offset, s->end_lineno,
                         s->end_col_offset);
        }
        break;
    case STMT_EXPR:
        ok = visit_expr(st, s->v.Expr.value);
        break;
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE:
        break;
    }
    st->recursion--;
    return ok;
}

/* ================================================================ pass 2 */

static int
set_add(Object *set, Object *name)
{
    return dict_setitem(set, name, None);
}

static int
set_has(Object *set, Object *name)
{
    return set && dict_getitem(set, name) != NULL;
}

static int
set_discard(Object *set, Object *name)
{
    return dict_delitem_if_present(set, name) < 0 ? -1 : 0;
}

static int
set_update(Object *dst, Object *src)
{
    return src ? dict_merge(dst, src, 1) : 0;
}

static int
set_scope(Object *scopes, Object *name, int scope)
{
    Object *v = int_from_long(scope);
    if (!v)
        return -1;
    int r = dict_setitem(scopes, name, v);
    decref(v);
    return r;
}

static int
analyze_name(SymTable *st, SymEntry *ste, Object *scopes, Object *name, long flags,
             Object *bound, Object *local, Object *free, Object *global)
{
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL)
            return error_at_directive(st, ste, name, "name '%U' is nonlocal and global");
        if (set_scope(scopes, name, SC_GLOBAL_EXPLICIT) < 0 || set_add(global, name) < 0)
            return 0;
        if (bound && set_discard(bound, name) < 0)
            return 0;
        return 1;
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound)
            return error_at_directive(st, ste, name,
                                      "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return error_at_directive(st, ste, name, "no binding for nonlocal '%U' found");
        if (set_scope(scopes, name, SC_FREE) < 0)
            return 0;
        ste->free = 1;
        return set_add(free, name) == 0;
    }
    if (flags & DEF_BOUND) {
        if (set_scope(scopes, name, SC_LOCAL) < 0 || set_add(local, name) < 0 ||
            set_discard(global, name) < 0)
            return 0;
        return 1;
    }
    if (bound && set_has(bound, name)) {
        if (set_scope(scopes, name, SC_FREE) < 0)
            return 0;
        ste->free = 1;
        return set_add(free, name) == 0;
    }
    if (global && set_has(global, name))
        return set_scope(scopes, name, SC_GLOBAL_IMPLICIT) == 0;
    if (ste->nested)
        ste->free = 1;
    return set_scope(scopes, name, SC_GLOBAL_IMPLICIT) == 0;
}

static int analyze_block(SymTable *st, SymEntry *ste, Object *bound, Object *free,
                         Object *global);

static int
analyze_child_block(SymTable *st, SymEntry *entry, Object *bound, Object *free, Object *global,
                    Object *child_free)
{
    Object *tb = dict_copy(bound), *tf = dict_copy(free), *tg = dict_copy(global);
    int ok = tb && tf && tg && analyze_block(st, entry, tb, tf, tg) &&
             set_update(child_free, tf) == 0;
    xdecref(tb);
    xdecref(tf);
    xdecref(tg);
    return ok;
}

static int
update_symbols(SymEntry *ste, Object *scopes, Object *bound, Object *free, int classflag)
{
    Object *symbols = ste->symbols;
    Object *names = dict_keys_list(symbols);
    if (!names)
        return 0;
    for (ssize_t i = 0; i < LIST_LEN(names); i++) {
        Object *name = LIST_GET(names, i);
        long flags = int_as_long(dict_getitem(symbols, name));
        Object *sc = dict_getitem(scopes, name);
        long scope = sc ? int_as_long(sc) : 0;
        Object *v = int_from_long(flags | (scope << SCOPE_OFFSET));
        if (!v || dict_setitem(symbols, name, v) < 0) {
            xdecref(v);
            decref(names);
            return 0;
        }
        decref(v);
    }
    decref(names);
    Object *fnames = dict_keys_list(free);
    if (!fnames)
        return 0;
    for (ssize_t i = 0; i < LIST_LEN(fnames); i++) {
        Object *name = LIST_GET(fnames, i);
        Object *v = dict_getitem(symbols, name);
        if (v) {
            long flags = int_as_long(v);
            if (classflag && (flags & (DEF_BOUND | DEF_GLOBAL))) {
                Object *nv = int_from_long(flags | DEF_FREE_CLASS);
                if (!nv || dict_setitem(symbols, name, nv) < 0) {
                    xdecref(nv);
                    decref(fnames);
                    return 0;
                }
                decref(nv);
            }
            continue;
        }
        if (bound && !set_has(bound, name))
            continue;
        Object *nv = int_from_long((long)SC_FREE << SCOPE_OFFSET);
        if (!nv || dict_setitem(symbols, name, nv) < 0) {
            xdecref(nv);
            decref(fnames);
            return 0;
        }
        decref(nv);
    }
    decref(fnames);
    return 1;
}

static int
analyze_block(SymTable *st, SymEntry *ste, Object *bound, Object *free, Object *global)
{
    Object *local = dict_new(), *scopes = dict_new(), *newglobal = dict_new(),
           *newfree = dict_new(), *newbound = dict_new(), *allfree = NULL;
    int ok = 0;
    if (!local || !scopes || !newglobal || !newfree || !newbound)
        goto done;
    if (ste->type == BLOCK_CLASS) {
        if (set_update(newglobal, global) < 0 || set_update(newbound, bound) < 0)
            goto done;
    }
    {
        ssize_t pos = 0;
        Object *name, *v;
        Object *names = dict_items_list(ste->symbols);
        if (!names)
            goto done;
        for (ssize_t i = 0; i < LIST_LEN(names); i++) {
            Object *item = LIST_GET(names, i);
            name = TUPLE_GET(item, 0);
            v = TUPLE_GET(item, 1);
            if (!analyze_name(st, ste, scopes, name, int_as_long(v), bound, local, free,
                              global)) {
                decref(names);
                goto done;
            }
        }
        (void)pos;
        decref(names);
    }
    if (ste->type != BLOCK_CLASS) {
        if (ste->type == BLOCK_FUNCTION && set_update(newbound, local) < 0)
            goto done;
        if (set_update(newbound, bound) < 0 || set_update(newglobal, global) < 0)
            goto done;
    } else {
        if (set_add(newbound, ID(__class__)) < 0)
            goto done;
    }
    allfree = dict_new();
    if (!allfree)
        goto done;
    for (int i = 0; i < ste->nchildren; i++) {
        SymEntry *c = ste->children[i];
        if (!analyze_child_block(st, c, newbound, newfree, newglobal, allfree))
            goto done;
        if (c->free || c->child_free)
            ste->child_free = 1;
    }
    if (set_update(newfree, allfree) < 0)
        goto done;
    if (ste->type == BLOCK_FUNCTION) {
        /* analyze_cells: captured locals become cells */
        Object *names = dict_keys_list(scopes);
        if (!names)
            goto done;
        for (ssize_t i = 0; i < LIST_LEN(names); i++) {
            Object *name = LIST_GET(names, i);
            if (int_as_long(dict_getitem(scopes, name)) != SC_LOCAL)
                continue;
            if (!set_has(newfree, name))
                continue;
            if (set_scope(scopes, name, SC_CELL) < 0 || set_discard(newfree, name) < 0) {
                decref(names);
                goto done;
            }
        }
        decref(names);
    } else if (ste->type == BLOCK_CLASS) {
        if (set_has(newfree, ID(__class__))) {
            if (set_discard(newfree, ID(__class__)) < 0)
                goto done;
            ste->needs_class_closure = 1;
        }
    }
    if (!update_symbols(ste, scopes, bound, newfree, ste->type == BLOCK_CLASS))
        goto done;
    if (set_update(free, newfree) < 0)
        goto done;
    ok = 1;
done:
    xdecref(local);
    xdecref(scopes);
    xdecref(newglobal);
    xdecref(newfree);
    xdecref(newbound);
    xdecref(allfree);
    return ok;
}

SymTable *
symtable_build(Mod *mod, const char *filename)
{
    SymTable *st = heap_calloc(1, sizeof(SymTable));
    if (!st) {
        err_no_memory();
        return NULL;
    }
    st->filename = filename;
    Object *top = str_static("top");
    if (!top || !enter_block(st, top, BLOCK_MODULE, mod, 0, 0)) {
        xdecref(top);
        symtable_free(st);
        return NULL;
    }
    decref(top);
    st->global = st->cur->symbols;
    int ok;
    if (mod->kind == MOD_EXPRESSION)
        ok = visit_expr(st, mod->expr);
    else
        ok = visit_seq_stmt(st, mod->body);
    exit_block(st);
    if (ok) {
        Object *free = dict_new(), *global = dict_new();
        ok = free && global && analyze_block(st, st->top, NULL, free, global);
        xdecref(free);
        xdecref(global);
    }
    if (!ok) {
        symtable_free(st);
        return NULL;
    }
    return st;
}
