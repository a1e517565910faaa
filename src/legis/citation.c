/* SPDX-License-Identifier: MIT */
/*
 * Citation ids (see citation.h).  The rule's pattern finds the citation and
 * names its parts (groups t, s, app, app2, sec, sec2, act); this module reads
 * section lists ("§§ 8344 and 8468", "1001(a), (b)"), subsections ("1182(f)"
 * -> usc/8/1182/f) and ranges ("10a-10c", "101 through 105", "552(b)(6)-(7)"),
 * where an ambiguous dash ("404o-1(a)") yields every reading.  A list whose
 * container comes first gives one candidate per item; one whose container
 * comes last ("sections 101 and 203 of title 18", "section 7 of the Clean
 * Air Act") gives one candidate with every item's id.  The Constitution is
 * read in constitution.c.
 */
#include "citation.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "constitution.h"
#include "legis.h"
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
    if (dl == 1 && j + 1 < e && t[j + 1] == '-') /* "101--105" */
        dl = 2;
    sc->start = i;
    if (dl && xsubs && j + dl < e && t[j + dl] == '(') {
        /* "552(b)(6)-(7)": the other end shares all but the last subsection */
        sb_put(&y, x.v, (size_t) (strrchr(x.v, '/') - x.v));
        size_t m = sec_subs(t, j + dl, e, &y);
        if (m > j + dl) {
            sc->id = x;
            sc->alt1 = y;
            sc->range = true;
            j = m;
        } else {
            sc->id = x;
        }
    } else if (dl && sec_char(t, j + dl, e)) {
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

/*
 * "1910.1000-1910.1450": a CFR range when what follows a dash repeats the
 * part ("1910.") the id starts with; "960.3-1-1" and "1.1-1" are sections.
 */
static void cfr_range(sect *sc)
{
    size_t part = strcspn(sc->id.v, ".");
    if (!sc->id.v[part])
        return;
    for (char *d = strchr(sc->id.v, '-'); d; d = strchr(d + 1, '-'))
        if (strncmp(d + 1, sc->id.v, part + 1) == 0) {
            sb_put(&sc->alt1, d + 1, strlen(d + 1));
            *d = '\0';
            sc->id.n = (size_t) (d - sc->id.v);
            sc->range = true;
            return;
        }
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
    sc->end = verbatim ? j : open;
    for (size_t k = i; k < sc->end;) {
        size_t dl = dash_len(t, k, sc->end);
        sb_putc(&sc->id, dl ? '-' : t[k]);
        k += dl ? dl : 1;
    }
    cfr_range(sc);
    if (verbatim)
        return j;
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

int lx_citation_push(const lx_rule *r, const char *kind, size_t s, size_t e, const char *id,
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

/* The ids a span may name, growing in the arena. */
typedef struct idlist {
    const char **v;
    size_t n, cap;
} idlist;

static int ids_push(lx_arena *a, idlist *l, const char *id)
{
    if (!id)
        return LEXTAG_ERR_NOMEM;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        const char **v = lx_arena_alloc(a, cap * sizeof(*v));
        if (!v)
            return LEXTAG_ERR_NOMEM;
        if (l->n)
            memcpy(v, l->v, l->n * sizeof(*v));
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = id;
    return 0;
}

/* Start of the next item of a list ("§§ 8344 and 8468", "1, 2", "(a) and (b)"). */
static size_t next_sect(const char *t, size_t i, size_t e)
{
    size_t j = skip_ws(t, i, e);
    bool sep = false;
    if (j < e && (t[j] == ',' || t[j] == '&')) {
        sep = true;
        j = skip_ws(t, j + 1, e);
    }
    if ((word_at(t, j, e, "and") || word_at(t, j, e, "or")) && j + 3 < e) {
        sep = true;
        j = skip_ws(t, j + (t[j] == 'o' || t[j] == 'O' ? 2 : 3), e);
    }
    while (sep && j + 1 < e && (unsigned char) t[j] == 0xC2 && (unsigned char) t[j + 1] == 0xA7)
        j = skip_ws(t, j + 2, e); /* "and §§ 1.1-2" */
    return sep && (sec_char(t, j, e) || (j < e && t[j] == '(')) ? j : e;
}

/* "A through B" after an item: B's reading becomes the range's other end. */
static size_t through(const char *t, size_t j, size_t e, bool usc, sect *sc)
{
    size_t k = skip_ws(t, j, e);
    if (sc->alt1.n || !word_at(t, k, e, "through") || k + 7 >= e || !is_space(t[k + 7]))
        return j;
    sect to;
    memset(&to, 0, sizeof(to));
    size_t m = skip_ws(t, k + 7, e);
    size_t n = usc ? usc_sect(t, m, e, &to) : cfr_sect(t, m, e, &to);
    if (n == m || to.id.over)
        return j;
    sc->alt1 = to.id;
    sc->range = true;
    return sc->end = n;
}

/*
 * One item of a list at t[i]: a section ("1182(f)"), or subsections alone
 * that continue the previous item's section ("(b)" after "1001(a)": base
 * holds "1001"), maybe the start of a range "A through B".  Returns the end,
 * or i when there is no item.
 */
static size_t list_item(const char *t, size_t i, size_t e, bool usc, sbuf *base, sect *sc)
{
    memset(sc, 0, sizeof(*sc));
    size_t j;
    if (i < e && t[i] == '(' && base->n) {
        sc->id = *base;
        j = sc->end = sec_subs(t, i, e, &sc->id);
        sc->start = i;
    } else {
        j = usc ? usc_sect(t, i, e, sc) : cfr_sect(t, i, e, sc);
    }
    if (j == i || sc->id.over || sc->alt1.over || sc->alt2.over)
        return i;
    memset(base, 0, sizeof(*base));
    sb_put(base, sc->id.v, strcspn(sc->id.v, "/"));
    return through(t, j, e, usc, sc);
}

/* Appends "PRE/ID" and the other readings of one item to l. */
static int item_ids(lx_arena *a, const char *pre, const sect *sc, idlist *l)
{
    int rc = ids_push(a, l, lx_arena_printf(a, "%s/%s", pre, sc->id.v));
    if (!rc && sc->alt1.n)
        rc = ids_push(a, l, lx_arena_printf(a, "%s/%s", pre, sc->alt1.v));
    if (!rc && sc->alt2.n)
        rc = ids_push(a, l, lx_arena_printf(a, "%s/%s", pre, sc->alt2.v));
    return rc;
}

/*
 * The items of the list t[s..e) under the container `pre` ("usc/5",
 * "us-law/public/113/79", "act:clean-air-act").  whole: one candidate
 * [ms, me) with every item's ids; else one per item (the first from ms), a
 * range or an ambiguous dash with all its readings.
 */
static int emit_list(const lx_rule *r, const char *kind, bool usc, const char *pre,
                     const char *t, size_t s, size_t e, size_t ms, size_t me, bool whole,
                     lx_arena *a, lx_candvec *out)
{
    idlist all = {0};
    sbuf base = {0};
    size_t last = s; /* end of the last item read */
    for (size_t i = s; i < e;) {
        sect sc;
        size_t j = list_item(t, i, e, usc, &base, &sc);
        if (j == i)
            break;
        idlist one = {0};
        int rc = item_ids(a, pre, &sc, whole ? &all : &one);
        if (!rc && !whole)
            rc = lx_citation_push(r, kind, i == s ? ms : sc.start, sc.end, one.v[0],
                           one.n > 1 ? one.v : NULL, one.n, a, out);
        if (rc)
            return rc;
        last = sc.end;
        i = next_sect(t, sc.end, e);
    }
    if (!whole || !all.n)
        return 0;
    /* a list that ends the match ("Pub. L. 104-132, section 204.") ends
       where its last item does, not at a '.' or ')' the pattern took */
    return lx_citation_push(r, kind, ms, e >= me ? last : me, all.v[0], all.n > 1 ? all.v : NULL,
                     all.n, a, out);
}

/*
 * U.S.C., its chapters and CFR: groups t (title), s (the list), app/app2
 * (appendix).  When the container is written after the list ("section 552
 * of title 5") the whole reference is one candidate.
 */
static int emit_sections(const lx_rule *r, const char *kind, const char *t, size_t ms,
                         size_t me, const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    sbuf title = {0};
    size_t ss, se, as, ae;
    if (!group_text(r, "t", t, ov, &title) || !lx_rule_group(r, "s", ov, &ss, &se))
        return 0;
    if ((lx_rule_group(r, "app", ov, &as, &ae) && ae > as) ||
        (lx_rule_group(r, "app2", ov, &as, &ae) && ae > as))
        sb_put(&title, "-app", 4);
    bool usc = strcmp(kind, "cfr") != 0, ch = strcmp(kind, "usc_chapter") == 0;
    const char *pre = lx_arena_printf(a, "%s/%s", ch ? "usc-chapter" : kind, title.v);
    if (!pre)
        return LEXTAG_ERR_NOMEM;
    return emit_list(r, kind, usc, pre, t, ss, se, ms, me, se < me, a, out);
}

/* Public and private laws: t (Congress), s (law number), sec/sec2 (sections). */
static int emit_law(const lx_rule *r, bool pub, const char *t, size_t ms, size_t me,
                    const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    sbuf c = {0}, n = {0};
    size_t ss, se;
    if (!group_text(r, "t", t, ov, &c) || !group_text(r, "s", t, ov, &n))
        return 0;
    const char *kind = pub ? "public_law" : "private_law";
    const char *id = lx_arena_printf(a, "us-law/%s/%s/%s", pub ? "public" : "private", c.v, n.v);
    if (!id)
        return LEXTAG_ERR_NOMEM;
    if ((lx_rule_group(r, "sec", ov, &ss, &se) && se > ss) ||
        (lx_rule_group(r, "sec2", ov, &ss, &se) && se > ss))
        return emit_list(r, kind, true, id, t, ss, se, ms, me, true, a, out);
    return lx_citation_push(r, kind, ms, me, id, NULL, 0, a, out);
}

/* Statutes at Large and Federal Register: t (volume), s (page). */
static int emit_volume(const lx_rule *r, const char *kind, const char *pre, const char *t,
                       size_t ms, size_t me, const PCRE2_SIZE *ov, lx_arena *a,
                       lx_candvec *out)
{
    sbuf v = {0}, p = {0};
    if (!group_text(r, "t", t, ov, &v) || !group_text(r, "s", t, ov, &p))
        return 0;
    return lx_citation_push(r, kind, ms, me, lx_arena_printf(a, "%s/%s/%s", pre, v.v, p.v), NULL, 0, a,
                     out);
}

/*
 * Sections of an act: s (the list), act (its title).  "the Act" alone gets
 * the placeholder container THE_ACT, which lx_citation_link_acts replaces
 * with the act named before it.
 */
#define THE_ACT "act:the-act"

static int emit_act_section(const lx_rule *r, const char *t, size_t ms, size_t me,
                            const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    size_t ss, se, as, ae;
    if (!lx_rule_group(r, "s", ov, &ss, &se) || !lx_rule_group(r, "act", ov, &as, &ae))
        return 0;
    bool bare = ae - as == 3; /* "Act" */
    const char *pre = bare ? THE_ACT : lx_legis_act_id(a, t, as, ae);
    if (!pre)
        return LEXTAG_ERR_NOMEM;
    return emit_list(r, "act_section", true, pre, t, ss, se, ms, me, true, a, out);
}

/* s with every THE_ACT replaced by `act`, in the arena. */
static const char *replace_act(lx_arena *a, const char *s, const char *act)
{
    const char *hit = strstr(s, THE_ACT);
    if (!hit)
        return s;
    const char *rest = replace_act(a, hit + strlen(THE_ACT), act);
    return rest ? lx_arena_printf(a, "%.*s%s%s", (int) (hit - s), s, act, rest) : NULL;
}

/* A copy of e's attributes with THE_ACT replaced by `act` in every id. */
static int relink(lx_cand *e, const char *act, lx_arena *a)
{
    struct lextag_attrs *x = lx_attrs_new(a, e->attrs);
    if (!x)
        return LEXTAG_ERR_NOMEM;
    size_t n = x->citation.n_ids;
    const char **ids = n ? lx_arena_alloc(a, n * sizeof(*ids)) : NULL;
    if (n && !ids)
        return LEXTAG_ERR_NOMEM;
    for (size_t k = 0; k < n; k++)
        if (!(ids[k] = replace_act(a, x->citation.ids[k], act)))
            return LEXTAG_ERR_NOMEM;
    x->citation.ids = ids;
    e->attrs = x;
    e->id = replace_act(a, e->id, act);
    return e->id ? 0 : LEXTAG_ERR_NOMEM;
}

int lx_citation_link_acts(lx_cand *ents, size_t n, lx_arena *a)
{
    const char *act = NULL; /* the last act named, without its sections */
    for (size_t i = 0; i < n; i++) {
        lx_cand *e = &ents[i];
        if (strcmp(e->type, "LAW") != 0 || !e->id || strncmp(e->id, "act:", 4) != 0)
            continue;
        if (strncmp(e->id, THE_ACT "/", sizeof(THE_ACT)) != 0) {
            act = lx_arena_strndup(a, e->id, strcspn(e->id, "/"));
            if (!act)
                return LEXTAG_ERR_NOMEM;
        } else if (act) {
            if (relink(e, act, a))
                return LEXTAG_ERR_NOMEM;
        } else {
            struct lextag_attrs *x = lx_attrs_new(a, e->attrs);
            if (!x)
                return LEXTAG_ERR_NOMEM;
            x->citation.ids = NULL; /* "the Act" with no act before it */
            x->citation.n_ids = 0;
            e->attrs = x;
            e->id = NULL;
        }
    }
    return 0;
}

int lx_citation_emit(const lx_rule *r, const char *t, size_t ms, size_t me,
                     const PCRE2_SIZE *ov, lx_arena *a, lx_candvec *out)
{
    const char *n = r->name;
#define IS(p) (strncmp(n, p, sizeof(p) - 1) == 0)
    if (IS("usconst"))
        return lx_constitution_emit(r, t, ms, me, a, out);
    if (IS("uscchapter"))
        return emit_sections(r, "usc_chapter", t, ms, me, ov, a, out);
    if (IS("usc"))
        return emit_sections(r, "usc", t, ms, me, ov, a, out);
    if (IS("cfr"))
        return emit_sections(r, "cfr", t, ms, me, ov, a, out);
    if (IS("publaw"))
        return emit_law(r, true, t, ms, me, ov, a, out);
    if (IS("privlaw"))
        return emit_law(r, false, t, ms, me, ov, a, out);
    if (IS("stat"))
        return emit_volume(r, "stat", "stat", t, ms, me, ov, a, out);
    if (IS("fedreg"))
        return emit_volume(r, "fedreg", "fedreg", t, ms, me, ov, a, out);
    if (IS("actsection"))
        return emit_act_section(r, t, ms, me, ov, a, out);
#undef IS
    return 0;
}

