/* SPDX-License-Identifier: MIT */
/*
 * Citation ids (see citation.h).  The rule's pattern finds the citation and
 * names its parts (groups t, s, app, sec, sec2); this module reads section
 * lists ("§§ 8344 and 8468"), subsections ("1182(f)" -> usc/8/1182/f) and
 * ranges, where an ambiguous dash ("404o-1(a)") yields every reading.
 */
#include "citation.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "lextag/lextag.h"
#include "scan.h"

#define BUF 192

/* ---- citations -------------------------------------------------------- */

/* Small string builder over a fixed buffer (ids are short). */
typedef struct sbuf {
    char v[BUF];
    size_t n;
    bool over;
} sbuf;

static void sb_putc(sbuf *b, char c)
{
    if (b->n + 1 < sizeof(b->v))
        b->v[b->n++] = c;
    else
        b->over = true;
    b->v[b->n] = '\0';
}

static void sb_put(sbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_putc(b, s[i]);
}

/* One section of a U.S.C./CFR list: its bytes and its readings. */
typedef struct sect {
    size_t start, end;
    sbuf id, alt1, alt2; /* alt*: second/third reading ("" when none) */
    bool range;          /* alt1 is the other end of a range */
} sect;

static bool sec_char(const char *t, size_t i, size_t e)
{
    return i < e && (is_alnum(t[i]) || (t[i] == '.' && i + 1 < e && is_alnum(t[i + 1])) ||
                     (i + 1 < e && (unsigned char) t[i] == 0xC2 &&
                      (unsigned char) t[i + 1] == 0xBD));
}

/* Section number at t[i] ("1182", "612c", "235.3", "167½"); end or i. */
static size_t sec_base(const char *t, size_t i, size_t e, sbuf *b)
{
    while (sec_char(t, i, e)) {
        size_t l = (unsigned char) t[i] == 0xC2 ? 2 : 1;
        sb_put(b, t + i, l);
        i += l;
    }
    return i;
}

/* "(a)(1)(E)" (the first may follow one space) appended as "/a/1/E". */
static size_t sec_subs(const char *t, size_t i, size_t e, sbuf *b)
{
    for (bool first = true;; first = false) {
        size_t j = i;
        if (first && j + 1 < e && t[j] == ' ' && t[j + 1] == '(')
            j++;
        if (j >= e || t[j] != '(')
            return i;
        size_t k = j + 1;
        while (k < e && is_alnum(t[k]) && k - j <= 6)
            k++;
        if (k == j + 1 || k >= e || t[k] != ')')
            return i;
        sb_putc(b, '/');
        sb_put(b, t + j + 1, k - j - 1);
        i = k + 1;
    }
}

static long lead_num(const sbuf *b)
{
    return strtol(b->v, NULL, 10);
}

/* A U.S.C. section, its subsections, a dash reading, "note", "et seq". */
static size_t usc_sect(const char *t, size_t i, size_t e, sect *sc)
{
    sbuf x = {0}, y = {0};
    size_t j = sec_base(t, i, e, &x);
    if (j == i)
        return i;
    bool xsubs = false;
    size_t k = sec_subs(t, j, e, &x);
    xsubs = k > j;
    j = k;
    size_t dl = dash_len(t, j, e);
    sc->start = i;
    if (dl && sec_char(t, j + dl, e)) {
        size_t m = sec_base(t, j + dl, e, &y);
        m = sec_subs(t, m, e, &y);
        long xn = lead_num(&x), yn = lead_num(&y);
        sc->range = xsubs || (yn >= xn && yn > 0 && is_digit(y.v[0]));
        if (sc->range) {
            sc->id = x;
            sc->alt1 = y;
        } else {
            /* "404o-1(a)": the section "404o-1", or "404o" and "1" */
            size_t xb = strcspn(x.v, "/");
            sb_put(&sc->id, x.v, xb);
            sb_putc(&sc->id, '-');
            sb_put(&sc->id, y.v, y.n);
            sb_put(&sc->alt1, x.v, x.n);
            sc->alt2 = y;
        }
        j = m;
    } else {
        sc->id = x;
    }
    size_t w = skip_ws(t, j, e);
    if (word_at(t, w, e, "note") && !(w + 4 < e && is_alpha(t[w + 4]))) {
        sb_put(&sc->id, "/note", 5);
        j = w + 4;
    } else if (word_at(t, w, e, "et seq")) {
        sb_put(&sc->id, "/et-seq", 7);
        j = w + 6;
    }
    sc->end = j;
    return j;
}

/* A CFR section: split into subsections unless a dash follows them. */
static size_t cfr_sect(const char *t, size_t i, size_t e, sect *sc)
{
    size_t j = i;
    while (j < e) {
        size_t dl = dash_len(t, j, e);
        if (sec_char(t, j, e) || t[j] == '(' || t[j] == ')')
            j++;
        else if (dl && sec_char(t, j + dl, e))
            j += dl;
        else
            break;
    }
    while (j > i && (t[j - 1] == '(' || t[j - 1] == '.'))
        j--;
    size_t open = i;
    while (open < j && t[open] != '(')
        open++;
    bool verbatim = false;
    for (size_t k = open; k < j; k++)
        verbatim |= t[k] == ')' && k + 1 < j && t[k + 1] != '(';
    sc->start = i;
    if (verbatim) {
        for (size_t k = i; k < j;) {
            size_t dl = dash_len(t, k, j);
            sb_putc(&sc->id, dl ? '-' : t[k]);
            k += dl ? dl : 1;
        }
        sc->end = j;
        return j;
    }
    sb_put(&sc->id, t + i, open - i);
    sc->end = sec_subs(t, open, e, &sc->id);
    return sc->end;
}

/* Copies group `name` into b, dashes as '-'; false when unset or empty. */
static bool group_text(const lx_rule *r, const char *name, const char *t, const PCRE2_SIZE *ov,
                       sbuf *b)
{
    size_t s, e;
    if (!lx_rule_group(r, name, ov, &s, &e) || s >= e)
        return false;
    for (size_t k = s; k < e;) {
        size_t dl = dash_len(t, k, e);
        if (!is_space(t[k]))
            sb_putc(b, dl ? '-' : t[k]);
        k += dl ? dl : 1;
    }
    return !b->over;
}

/* ids: NULL, or n_ids ids (arena) that the span may name, id first. */
static int push_cite(const lx_rule *r, const char *kind, size_t s, size_t e, const char *id,
                     const char *const *ids, size_t n_ids, lx_arena *a, lx_candvec *out)
{
    struct lextag_attrs *x = lx_attrs_new(a, NULL);
    if (!x || !id)
        return LEXTAG_ERR_NOMEM;
    x->citation.kind = kind;
    x->citation.ids = ids;
    x->citation.n_ids = ids ? n_ids : 0;
    lx_cand c = {s, e, r->type, r->source, id, x, r->prio, 0, LX_NONE, LX_NOREF};
    return lx_candvec_push(out, &c);
}

/* Start of the next section of a list ("§§ 8344 and 8468", "1, 2"). */
static size_t next_sect(const char *t, size_t i, size_t e)
{
    size_t j = skip_ws(t, i, e);
    bool sep = false;
    if (j < e && t[j] == ',') {
        sep = true;
        j = skip_ws(t, j + 1, e);
    }
    if ((word_at(t, j, e, "and") || word_at(t, j, e, "or")) && j + 3 < e) {
        sep = true;
        j = skip_ws(t, j + (t[j] == 'o' || t[j] == 'O' ? 2 : 3), e);
    }
    return sep && sec_char(t, j, e) ? j : e;
}

/* U.S.C. and CFR: groups t (title), s (section list), app (appendix). */
static int emit_sections(const lx_rule *r, bool usc, const char *t, size_t ms,
                         const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    sbuf title = {0};
    size_t ss, se, as, ae;
    if (!group_text(r, "t", t, ov, &title) || !lx_rule_group(r, "s", ov, &ss, &se))
        return 0;
    if (lx_rule_group(r, "app", ov, &as, &ae) && ae > as)
        sb_put(&title, "-app", 4);
    const char *pre = usc ? "usc" : "cfr";
    /* "section 552 of title 5": one span, the whole match */
    bool whole = ov[0] < ss && lx_rule_group(r, "t", ov, &as, &ae) && as > ss;
    for (size_t i = ss; i < se;) {
        sect sc;
        memset(&sc, 0, sizeof(sc));
        size_t j = usc ? usc_sect(t, i, se, &sc) : cfr_sect(t, i, se, &sc);
        if (j == i || sc.id.over || sc.alt1.over || sc.alt2.over)
            break;
        const char *id = lx_arena_printf(a, "%s/%s/%s", pre, title.v, sc.id.v);
        const char **ids = NULL;
        size_t n_ids = sc.alt2.n ? 3 : 2;
        if (sc.alt1.n) {
            ids = lx_arena_alloc(a, n_ids * sizeof(*ids));
            if (!ids)
                return LEXTAG_ERR_NOMEM;
            ids[0] = id;
            ids[1] = lx_arena_printf(a, "%s/%s/%s", pre, title.v, sc.alt1.v);
            if (n_ids == 3)
                ids[2] = lx_arena_printf(a, "%s/%s/%s", pre, title.v, sc.alt2.v);
            if (!ids[1] || !ids[n_ids - 1])
                return LEXTAG_ERR_NOMEM;
        }
        size_t ce = whole ? ov[1] : sc.end;
        int rc = push_cite(r, pre, i == ss ? ms : sc.start, ce, id, ids, n_ids, a, out);
        if (rc || whole)
            return rc;
        i = next_sect(t, sc.end, se);
    }
    return 0;
}

/* Public and private laws: t (Congress), s (law number), sec (section). */
static int emit_law(const lx_rule *r, bool pub, const char *t, size_t ms, size_t me,
                    const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    sbuf c = {0}, n = {0}, sec = {0};
    if (!group_text(r, "t", t, ov, &c) || !group_text(r, "s", t, ov, &n))
        return 0;
    const char *kind = pub ? "public_law" : "private_law";
    bool has_sec = group_text(r, "sec", t, ov, &sec) || group_text(r, "sec2", t, ov, &sec);
    const char *id = has_sec
                         ? lx_arena_printf(a, "us-law/%s/%s/%s/%s", pub ? "public" : "private",
                                           c.v, n.v, sec.v)
                         : lx_arena_printf(a, "us-law/%s/%s/%s", pub ? "public" : "private",
                                           c.v, n.v);
    return push_cite(r, kind, ms, me, id, NULL, 0, a, out);
}

/* Statutes at Large and Federal Register: t (volume), s (page). */
static int emit_volume(const lx_rule *r, const char *kind, const char *pre, const char *t,
                       size_t ms, size_t me, const PCRE2_SIZE *ov, lx_arena *a,
                       lx_candvec *out)
{
    sbuf v = {0}, p = {0};
    if (!group_text(r, "t", t, ov, &v) || !group_text(r, "s", t, ov, &p))
        return 0;
    return push_cite(r, kind, ms, me, lx_arena_printf(a, "%s/%s/%s", pre, v.v, p.v), NULL, 0, a,
                     out);
}

/* Roman (I..XXXIX) or arabic number at t[i]; 0 when none. */
static int roman_or_num(const char *t, size_t *i, size_t e)
{
    if (*i < e && is_digit(t[*i]))
        return read_num(t, i, e, 3);
    int v = 0;
    size_t j = *i;
    while (j < e && lower(t[j]) == 'x')
        v += 10, j++;
    if (j + 1 < e && lower(t[j]) == 'i' && lower(t[j + 1]) == 'x')
        v += 9, j += 2;
    else if (j + 1 < e && lower(t[j]) == 'i' && lower(t[j + 1]) == 'v')
        v += 4, j += 2;
    else {
        if (j < e && lower(t[j]) == 'v')
            v += 5, j++;
        while (j < e && lower(t[j]) == 'i' && j - *i < 8)
            v += 1, j++;
    }
    if (!v || (j < e && is_alpha(t[j])))
        return 0;
    *i = j;
    return v;
}

/* The Constitution: "U.S. Const. art. I, § 8, cl. 3", "amend. IV". */
static int emit_const(const lx_rule *r, const char *t, size_t ms, size_t me, lx_arena *a,
                      lx_candvec *out)
{
    static const struct {
        const char *word, *part;
    } P[] = {{"article", "article"}, {"art", "article"},     {"amendment", "amendment"},
             {"amend", "amendment"}, {"section", "section"}, {"sec", "section"},
             {"\xC2\xA7", "section"}, {"\xC2\xB6", "paragraph"}, {"para", "paragraph"},
             {"clause", "clause"},   {"cl", "clause"}};
    sbuf id = {0};
    sb_put(&id, "usconst", 7);
    for (size_t i = ms; i < me;) {
        size_t k, n = 0;
        for (k = 0; k < sizeof(P) / sizeof(P[0]); k++)
            if (word_at(t, i, me, P[k].word) && (i == ms || !is_alpha(t[i - 1])) &&
                !(i + (n = strlen(P[k].word)) < me && is_alpha(t[i + n])))
                break;
        if (k == sizeof(P) / sizeof(P[0])) {
            i++;
            continue;
        }
        size_t j = skip_ws(t, i + n + (i + n < me && t[i + n] == '.'), me);
        int v = roman_or_num(t, &j, me);
        if (v) {
            char num[16];
            snprintf(num, sizeof(num), "/%s-%d", P[k].part, v);
            sb_put(&id, num, strlen(num));
        }
        i = j > i ? j : i + 1;
    }
    if (id.n == 7 || id.over)
        return 0;
    return push_cite(r, "usconst", ms, me, lx_arena_strndup(a, id.v, id.n), NULL, 0, a, out);
}

int lx_citation_emit(const lx_rule *r, const char *t, size_t ms, size_t me,
                     const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    const char *n = r->name;
#define IS(p) (strncmp(n, p, sizeof(p) - 1) == 0)
    if (IS("usconst"))
        return emit_const(r, t, ms, me, a, out);
    if (IS("usc"))
        return emit_sections(r, true, t, ms, ov, a, out);
    if (IS("cfr"))
        return emit_sections(r, false, t, ms, ov, a, out);
    if (IS("publaw"))
        return emit_law(r, true, t, ms, me, ov, a, out);
    if (IS("privlaw"))
        return emit_law(r, false, t, ms, me, ov, a, out);
    if (IS("stat"))
        return emit_volume(r, "stat", "stat", t, ms, me, ov, a, out);
    if (IS("fedreg"))
        return emit_volume(r, "fedreg", "fedreg", t, ms, me, ov, a, out);
#undef IS
    return 0;
}

