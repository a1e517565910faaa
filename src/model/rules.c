/* SPDX-License-Identifier: MIT */
/*
 * Rule-file parser.  Patterns are compiled once with UTF, UCP and
 * MATCH_INVALID_UTF (so arbitrary input bytes are safe to match and never
 * end up inside a match), and JIT-compiled when first needed if the
 * platform supports it (lx_rule_code()).
 * A pattern PCRE2 rejects is reported at the column of the offending
 * character in the rule file.
 *
 * Fragments ("@NAME<TAB>PATTERN", used as {{NAME}}) let one file write a
 * grammar once and compose its rules from it; they are expanded as text
 * before a rule is parsed, so a compiled rule (and a model image) holds the
 * expanded line and needs no fragment table.  An error in an expanded line is
 * reported at its column in the expanded text.
 */
#include "rules.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "candidate.h"
#include "error.h"
#include "tokenizer.h"
#include "vec.h"

#define DEFAULT_WINDOW 160

typedef struct rctx {
    const char *file;
    unsigned lineno;
    const char *line;
    size_t len;
} rctx;

static int fail(lextag_error *err, const rctx *rc, const char *at, const char *msg,
                const char *detail)
{
    unsigned col = (unsigned) (at - rc->line) + 1;
    int code = lx_error_set(err, LEXTAG_ERR_PARSE, rc->file, rc->lineno, col, "%s%s",
                            msg, detail ? detail : "");
    if (err && err->line == rc->lineno && strcmp(err->file, rc->file) == 0) {
        size_t n = rc->len < sizeof(err->context) - 1 ? rc->len : sizeof(err->context) - 1;
        memcpy(err->context, rc->line, n);
        err->context[n] = '\0';
    }
    return code;
}

static void rule_free(lx_rule *r)
{
    free(r->name);
    free(r->type);
    free(r->pattern);
    free(r->source);
    free(r->file);
    free(r->text);
    free(r->id_template);
    for (size_t i = 0; i < r->n_anchors; i++)
        free(r->anchors[i]);
    free(r->anchors);
    for (size_t i = 0; i < r->n_examples; i++)
        free(r->examples[i].text);
    free(r->examples);
    pcre2_code_free(r->code);
}

void lx_ruleset_free(lx_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++)
        rule_free(&rs->v[i]);
    free(rs->v);
    memset(rs, 0, sizeof(*rs));
}

/* Splits "a|b|c" into folded anchor tokens (each must be one token). */
static int parse_anchors(lx_rule *r, const char *v, size_t vl, const rctx *rc,
                         lextag_error *err)
{
    lx_toklist tl = {0};
    int code = 0;
    const char *p = v, *end = v + vl;
    while (p < end) {
        const char *bar = memchr(p, '|', (size_t) (end - p));
        const char *stop = bar ? bar : end;
        if (lx_tokenize(&tl, p, (size_t) (stop - p))) {
            code = LEXTAG_ERR_NOMEM;
            break;
        }
        if (tl.n != 1) {
            code = fail(err, rc, p, "anchor must be exactly one token", NULL);
            break;
        }
        char **a = realloc(r->anchors, (r->n_anchors + 1) * sizeof(*a));
        if (!a || !(a[r->n_anchors] = strndup(lx_tok_fold(&tl, &tl.v[0]), tl.v[0].fold_len))) {
            if (a)
                r->anchors = a;
            code = LEXTAG_ERR_NOMEM;
            break;
        }
        r->anchors = a;
        r->n_anchors++;
        p = bar ? bar + 1 : end;
    }
    lx_toklist_free(&tl);
    return code;
}

static int parse_int(const char *v, size_t vl, long lo, long hi, long *out)
{
    char buf[24];
    char *e;
    if (!vl || vl >= sizeof(buf))
        return -1;
    memcpy(buf, v, vl);
    buf[vl] = '\0';
    long x = strtol(buf, &e, 10);
    if (*e || x < lo || x > hi)
        return -1;
    *out = x;
    return 0;
}

static int parse_attr(lx_rule *r, const char *p, size_t n, const rctx *rc,
                      lextag_error *err)
{
    const char *eq = memchr(p, '=', n);
    if (!eq || eq == p)
        return fail(err, rc, p, "attribute must be KEY=VALUE", NULL);
    size_t kl = (size_t) (eq - p), vl = n - kl - 1;
    const char *v = eq + 1;
    long x;
#define KEY(s) (kl == sizeof(s) - 1 && memcmp(p, s, kl) == 0)
#define VAL(s) (vl == sizeof(s) - 1 && memcmp(v, s, vl) == 0)
    if (KEY("prio")) {
        if (parse_int(v, vl, -1000, 1000, &x))
            return fail(err, rc, v, "prio must be an integer from -1000 to 1000", NULL);
        r->prio = (int) x;
    } else if (KEY("window")) {
        if (parse_int(v, vl, 1, 65536, &x))
            return fail(err, rc, v, "window must be an integer from 1 to 65536", NULL);
        r->window = (size_t) x;
    } else if (KEY("id")) {
        free(r->id_template);
        if (!(r->id_template = strndup(v, vl)))
            return LEXTAG_ERR_NOMEM;
    } else if (KEY("anchor")) {
        return parse_anchors(r, v, vl, rc, err);
    } else if (KEY("kind")) {
        if (VAL("bill"))
            r->kind = LX_RULE_BILL;
        else if (VAL("citation"))
            r->kind = LX_RULE_CITATION;
        else if (VAL("act"))
            r->kind = LX_RULE_ACT;
        else if (VAL("statebill"))
            r->kind = LX_RULE_STATEBILL;
        else if (VAL("state"))
            r->kind = LX_RULE_STATE;
        else
            return fail(err, rc, v, "kind must be bill, statebill, state, citation or act",
                        NULL);
    } else if (KEY("case")) {
        if (!VAL("any") && !VAL("exact"))
            return fail(err, rc, v, "case must be any or exact", NULL);
        r->caseless = VAL("any");
    } else if (KEY("emit")) {
        if (!VAL("yes") && !VAL("no"))
            return fail(err, rc, v, "emit must be yes or no", NULL);
        r->emit = VAL("yes");
    } else if (KEY("country")) {
        if (!VAL("skip"))
            return fail(err, rc, v, "country must be skip", NULL);
        r->skip_country = true;
    } else if (KEY("anchor_case")) {
        if (!VAL("cap") && !VAL("any"))
            return fail(err, rc, v, "anchor_case must be cap or any", NULL);
        r->anchor_cap = VAL("cap");
    }
#undef KEY
#undef VAL
    return 0;
}

/*
 * Does the pattern refer to its groups by number or recurse ("\\1",
 * "(?1)", "(?R)")?  Joined with the other kind=state rules into one
 * pattern, it would refer to another rule's groups.
 */
static bool refers_to_groups(const lx_rule *r)
{
    uint32_t refs = 0;
    pcre2_pattern_info(r->code, PCRE2_INFO_BACKREFMAX, &refs);
    for (const char *p = strstr(r->pattern, "(?"); p && !refs; p = strstr(p + 2, "(?")) {
        char c = p[2] == '+' || p[2] == '-' ? p[3] : p[2];
        refs = (c >= '0' && c <= '9') || c == 'R' || c == '&' || strncmp(p + 2, "P>", 2) == 0;
    }
    return refs != 0;
}

static int compile(lx_rule *r, const char *pat_at, const rctx *rc, lextag_error *err)
{
    int errcode;
    PCRE2_SIZE erroff;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_USE_OFFSET_LIMIT;
    if (r->caseless)
        opts |= PCRE2_CASELESS;
    r->code = pcre2_compile((PCRE2_SPTR) r->pattern, PCRE2_ZERO_TERMINATED, opts,
                            &errcode, &erroff, NULL);
    if (!r->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof(msg));
        return fail(err, rc, pat_at + erroff, "bad pattern: ", (const char *) msg);
    }
    /* compiled to machine code when first matched (lx_rule_code()); state
       evidence runs joined into one pattern (src/legis/stateev.c), compiled
       there when a tagger first needs it */
    atomic_init(&r->jitted, false);
    if (r->kind != LX_RULE_STATE)
        return 0;
    if (refers_to_groups(r))
        return fail(err, rc, pat_at,
                    "a kind=state pattern cannot refer to its groups by number or recurse", NULL);
    return 0;
}

/* One lock for every model's first JIT compiles: each rule takes it once. */
static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

const pcre2_code *lx_rule_code(const lx_rule *r)
{
    if (atomic_load_explicit(&r->jitted, memory_order_acquire))
        return r->code;
    /* the rule is the model's, shared and otherwise read-only: its JIT
       state is the one thing matching changes, once, under the lock */
    lx_rule *w = (lx_rule *) r;
    pthread_mutex_lock(&jit_lock);
    if (!atomic_load_explicit(&w->jitted, memory_order_relaxed)) {
        /* JIT is an optimization: without it (unsupported CPU) matching
           still works */
        pcre2_jit_compile(w->code, PCRE2_JIT_COMPLETE);
        atomic_store_explicit(&w->jitted, true, memory_order_release);
    }
    pthread_mutex_unlock(&jit_lock);
    return r->code;
}

/* What an id template's group does to the matched text. */
enum template_mod { MOD_NONE, MOD_DIGITS, MOD_LOWER, MOD_UNKNOWN };

/*
 * The group "{NAME}" or "{NAME:digits|lower}" of an id template, opening
 * at t (t[0] == '{'): its name into name and its modifier into *mod.
 * Returns the byte after its '}', or NULL (why says why) when the brace is
 * not closed or the name is too long.
 */
static const char *template_group(const char *t, char name[64], enum template_mod *mod,
                                  const char **why)
{
    const char *close = strchr(t, '}');
    if (!close) {
        *why = "id template: '{' without '}'";
        return NULL;
    }
    size_t nl = (size_t) (close - t - 1);
    const char *colon = memchr(t + 1, ':', nl);
    *mod = MOD_NONE;
    if (colon) {
        size_t ml = (size_t) (close - colon - 1);
        *mod = ml == 6 && memcmp(colon + 1, "digits", 6) == 0  ? MOD_DIGITS
               : ml == 5 && memcmp(colon + 1, "lower", 5) == 0 ? MOD_LOWER
                                                                : MOD_UNKNOWN;
        nl = (size_t) (colon - t - 1);
    }
    if (nl >= 64) {
        *why = "id template: group name too long";
        return NULL;
    }
    memcpy(name, t + 1, nl);
    name[nl] = '\0';
    return close + 1;
}

/*
 * Checks the rule's id template against its compiled pattern: every group
 * closed, with a known modifier, naming a group the pattern has.  A
 * template naming no group would give every match a null id.
 */
static int check_id_template(const lx_rule *r, const rctx *rc, lextag_error *err)
{
    /* the template as written in the line, for the error's column */
    const char *at = NULL;
    for (size_t i = 0; i + 4 <= rc->len && !at; i++)
        if (rc->line[i] == '\t' && memcmp(rc->line + i + 1, "id=", 3) == 0)
            at = rc->line + i + 4;
    const char *t = r->id_template;
    for (size_t i = 0; t[i]; i++) {
        if (t[i] != '{')
            continue;
        const char *where = at ? at + i : rc->line, *why = NULL;
        char name[64];
        enum template_mod mod;
        const char *next = template_group(t + i, name, &mod, &why);
        if (!next)
            return fail(err, rc, where, why, NULL);
        if (mod == MOD_UNKNOWN)
            return fail(err, rc, where, "id template: a modifier is :digits or :lower", NULL);
        if (pcre2_substring_number_from_name(r->code, (PCRE2_SPTR) name) < 0)
            return fail(err, rc, where, "id template names no group of the pattern: ", name);
        i = (size_t) (next - t) - 1;
    }
    return 0;
}

static int parse_rule(lx_ruleset *rs, const rctx *rc, lextag_error *err)
{
    const char *f[3];
    size_t fl[3];
    const char *p = rc->line, *end = rc->line + rc->len;
    for (int i = 0; i < 3; i++) {
        const char *tab = i < 2 ? memchr(p, '\t', (size_t) (end - p)) : NULL;
        if (i < 2 && !tab)
            return fail(err, rc, end,
                        i == 0 ? "missing TYPE column (expected NAME<TAB>TYPE<TAB>PATTERN)"
                               : "missing PATTERN column (expected NAME<TAB>TYPE<TAB>PATTERN)",
                        NULL);
        if (i == 2)
            tab = memchr(p, '\t', (size_t) (end - p));
        f[i] = p;
        fl[i] = (size_t) ((tab ? tab : end) - p);
        p = tab ? tab + 1 : end;
    }
    if (!fl[0])
        return fail(err, rc, f[0], "rule NAME is empty", NULL);
    if (!fl[1] || !(f[1][0] >= 'A' && f[1][0] <= 'Z'))
        return fail(err, rc, f[1], "TYPE must be a label in capitals (A-Z, 0-9, _)", NULL);
    for (size_t i = 0; i < fl[1]; i++)
        if (!((f[1][i] >= 'A' && f[1][i] <= 'Z') || (f[1][i] >= '0' && f[1][i] <= '9') ||
              f[1][i] == '_'))
            return fail(err, rc, f[1] + i, "TYPE must be a label in capitals (A-Z, 0-9, _)", NULL);
    if (!fl[2])
        return fail(err, rc, f[2], "PATTERN is empty", NULL);
    if (lx_vec_reserve(&rs->v, &rs->cap, rs->n + 1, sizeof(*rs->v), 16))
        return LEXTAG_ERR_NOMEM;
    lx_rule *r = &rs->v[rs->n];
    memset(r, 0, sizeof(*r));
    r->prio = LX_PRIO_RULE;
    r->window = DEFAULT_WINDOW;
    r->emit = true;
    r->line = rc->lineno;
    r->name = strndup(f[0], fl[0]);
    r->type = strndup(f[1], fl[1]);
    r->pattern = strndup(f[2], fl[2]);
    r->file = strdup(rc->file);
    r->text = strndup(rc->line, rc->len);
    r->source = malloc(fl[0] + 6);
    int code = 0;
    if (!r->name || !r->type || !r->pattern || !r->file || !r->text || !r->source) {
        code = LEXTAG_ERR_NOMEM;
        goto out;
    }
    memcpy(r->source, "rule:", 5);
    memcpy(r->source + 5, f[0], fl[0]);
    r->source[5 + fl[0]] = '\0';
    while (p < end && !code) {
        const char *tab = memchr(p, '\t', (size_t) (end - p));
        const char *stop = tab ? tab : end;
        code = parse_attr(r, p, (size_t) (stop - p), rc, err);
        p = tab ? tab + 1 : end;
    }
    if (!code)
        code = compile(r, f[2], rc, err);
    if (!code && r->id_template)
        code = check_id_template(r, rc, err);
out:
    if (code) {
        rule_free(r);
        return code;
    }
    rs->n++;
    return 0;
}

static int add_example(lx_ruleset *rs, const rctx *rc, lextag_error *err)
{
    if (!rs->n || rs->v[rs->n - 1].file == NULL ||
        strcmp(rs->v[rs->n - 1].file, rc->file) != 0)
        return fail(err, rc, rc->line, "example line before any rule", NULL);
    lx_rule *r = &rs->v[rs->n - 1];
    lx_rule_example *ex = realloc(r->examples, (r->n_examples + 1) * sizeof(*ex));
    if (!ex)
        return LEXTAG_ERR_NOMEM;
    r->examples = ex;
    const char *t = rc->line + 2;
    size_t n = rc->len - 2;
    if (n && *t == ' ') {
        t++;
        n--;
    }
    if (!(ex[r->n_examples].text = strndup(t, n)))
        return LEXTAG_ERR_NOMEM;
    ex[r->n_examples].positive = rc->line[1] == '>';
    r->n_examples++;
    return 0;
}

/* Only spaces and tabs?  (The text is not NUL-terminated: no strspn.) */
static bool blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t')
            return false;
    return true;
}

/* ---- fragments ---------------------------------------------------------- */

/* The fragments a file has defined so far ("@NAME<TAB>PATTERN"). */
typedef struct frag {
    char *name, *text;
} frag;

typedef struct frags {
    frag *v;
    size_t n, cap;
} frags;

static void frags_free(frags *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].name);
        free(f->v[i].text);
    }
    free(f->v);
}

/* The fragment named c[0..n), or NULL. */
static const frag *frag_find(const frags *f, const char *c, size_t n)
{
    for (size_t k = 0; k < f->n; k++)
        if (strlen(f->v[k].name) == n && memcmp(f->v[k].name, c, n) == 0)
            return &f->v[k];
    return NULL;
}

/*
 * Copies rc's line into *out with every "{{NAME}}" replaced by "(?:TEXT)" of
 * an earlier fragment; *out stays NULL when the line uses none.
 */
static int expand(const frags *f, const rctx *rc, char **out, lextag_error *err)
{
    const char *p = rc->line, *end = rc->line + rc->len;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    bool used = false;
    *out = NULL;
    while (p < end) {
        const char *o = end - p >= 4 ? memchr(p, '{', (size_t) (end - p)) : NULL;
        const char *c = o && o + 1 < end && o[1] == '{' ? o + 2 : NULL;
        const char *close = c ? memchr(c, '}', (size_t) (end - c)) : NULL;
        bool ref = close && close + 1 < end && close[1] == '}';
        const frag *fr = ref ? frag_find(f, c, (size_t) (close - c)) : NULL;
        if (ref && !fr) {
            free(buf);
            return fail(err, rc, o, "unknown fragment", NULL);
        }
        const char *lit_end = fr ? o : (o ? o + 1 : end);
        size_t need = n + (size_t) (lit_end - p) + (fr ? strlen(fr->text) : 0) + 5;
        if (lx_vec_reserve(&buf, &cap, need, 1, 256)) {
            free(buf);
            return LEXTAG_ERR_NOMEM;
        }
        memcpy(buf + n, p, (size_t) (lit_end - p));
        n += (size_t) (lit_end - p);
        p = lit_end;
        if (fr) {
            n += (size_t) sprintf(buf + n, "(?:%s)", fr->text);
            p = close + 2;
            used = true;
        }
    }
    if (used) {
        buf[n] = '\0';
        *out = buf;
    } else {
        free(buf);
    }
    return 0;
}

/* "@NAME<TAB>PATTERN": a fragment later lines name as {{NAME}}. */
static int add_fragment(frags *f, const rctx *rc, lextag_error *err)
{
    const char *tab = memchr(rc->line, '\t', rc->len);
    if (!tab || tab == rc->line + 1 || tab + 1 == rc->line + rc->len)
        return fail(err, rc, rc->line, "fragment must be @NAME<TAB>PATTERN", NULL);
    if (lx_vec_reserve(&f->v, &f->cap, f->n + 1, sizeof(*f->v), 8))
        return LEXTAG_ERR_NOMEM;
    char *name = strndup(rc->line + 1, (size_t) (tab - rc->line - 1));
    char *text = strndup(tab + 1, (size_t) (rc->line + rc->len - tab - 1));
    if (!name || !text) {
        free(name);
        free(text);
        return LEXTAG_ERR_NOMEM;
    }
    f->v[f->n++] = (frag){name, text};
    return 0;
}

/* One line of a rule file: a comment, an example, a fragment or a rule. */
static int parse_line(lx_ruleset *rs, frags *f, rctx *rc, lextag_error *err)
{
    const char *p = rc->line;
    if (rc->len >= 2 && p[0] == '#' && (p[1] == '>' || p[1] == '!'))
        return add_example(rs, rc, err);
    if (!rc->len || p[0] == '#' || blank(p, rc->len))
        return 0;
    char *x;
    int code = expand(f, rc, &x, err);
    if (code || !x)
        return code ? code : p[0] == '@' ? add_fragment(f, rc, err) : parse_rule(rs, rc, err);
    /* the expanded line is the rule as written: model images restore it alone */
    rctx xc = {rc->file, rc->lineno, x, strlen(x)};
    code = p[0] == '@' ? add_fragment(f, &xc, err) : parse_rule(rs, &xc, err);
    free(x);
    return code;
}

int lx_rules_parse(lx_ruleset *rs, const char *file, const char *text, size_t len,
                   lextag_error *err)
{
    rctx rc = {file, 0, text, 0};
    frags f = {0};
    int code = 0;
    size_t n0 = rs->n;
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && !code) {
        const char *nl = memchr(p, '\n', (size_t) (end - p));
        const char *stop = nl ? nl : end;
        rc.lineno++;
        rc.line = p;
        rc.len = (size_t) (stop - p);
        if (rc.len && p[rc.len - 1] == '\r')
            rc.len--;
        code = parse_line(rs, &f, &rc, err);
        if (code == LEXTAG_ERR_NOMEM)
            code = lx_error_set(err, code, file, rc.lineno, 0, "out of memory");
        p = nl ? nl + 1 : end;
    }
    frags_free(&f);
    /* a file is added whole or not at all: a caller may skip a bad one */
    if (code)
        while (rs->n > n0)
            rule_free(&rs->v[--rs->n]);
    return code;
}

int lx_rules_parse_line(lx_ruleset *rs, const char *file, unsigned lineno,
                        const char *line, size_t len, lextag_error *err)
{
    rctx rc = {file, lineno, line, len};
    int code = parse_rule(rs, &rc, err);
    if (code == LEXTAG_ERR_NOMEM)
        return lx_error_set(err, code, file, lineno, 0, "out of memory");
    return code;
}

const char *lx_rule_attr(const lx_rule *r, const char *key, size_t *n)
{
    size_t kl = strlen(key);
    for (const char *p = r->text ? strchr(r->text, '\t') : NULL; p; p = strchr(p + 1, '\t'))
        if (strncmp(p + 1, key, kl) == 0 && p[1 + kl] == '=') {
            const char *v = p + 2 + kl;
            *n = strcspn(v, "\t");
            return v;
        }
    return NULL;
}

bool lx_rule_group(const lx_rule *r, const char *name, const PCRE2_SIZE *ov,
                   size_t *start, size_t *end)
{
    int n = pcre2_substring_number_from_name(r->code, (PCRE2_SPTR) name);
    if (n < 0)
        return false;
    /* duplicate names (?J) are not used; take the group as numbered */
    if (ov[2 * n] == PCRE2_UNSET)
        return false;
    *start = ov[2 * n];
    *end = ov[2 * n + 1];
    return true;
}

bool lx_rule_expand_id(const lx_rule *r, const char *subject, const PCRE2_SIZE *ov,
                       char *out, size_t cap)
{
    const char *t = r->id_template;
    size_t o = 0;
    if (!t)
        return false;
    while (*t) {
        if (*t != '{') {
            if (o + 1 >= cap)
                return false;
            out[o++] = *t++;
            continue;
        }
        char name[64];
        enum template_mod mod;
        const char *why;
        const char *next = template_group(t, name, &mod, &why);
        size_t s, e;
        if (!next || !lx_rule_group(r, name, ov, &s, &e))
            return false;
        for (size_t i = s; i < e; i++) {
            char c = subject[i];
            if (mod == MOD_DIGITS && !(c >= '0' && c <= '9'))
                continue;
            if (mod == MOD_LOWER && c >= 'A' && c <= 'Z')
                c = (char) (c + 32);
            if (o + 1 >= cap)
                return false;
            out[o++] = c;
        }
        t = next;
    }
    out[o] = '\0';
    return true;
}
