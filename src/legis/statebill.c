/* SPDX-License-Identifier: MIT */
/*
 * State bills ("HB 2", "Assembly Bill 5", "LB 574") and the level of the
 * forms both Congress and the states write ("House Bill 5").  A federal id on
 * a state bill silently links the wrong law, so the state is read from
 * evidence and nothing is guessed: the span ("Texas House Bill 2"), else the
 * bill's sentence, else the document (its dateline first), else the form
 * itself when a single state numbers bills so ("LB" is Nebraska's).  Words
 * that name some state without saying which ("the Legislature", a
 * governor) give jurisdiction "state" and no id; a both-level form with no
 * evidence either way gets no id at all.
 *
 * The evidence is data (gazetteers/legis/states.rules, kind=state): each
 * rule names a state, its capital, its residents, its dateline forms, and
 * the bill types its chambers use (forms=); a state is evidence only for a
 * bill of one of its forms ("Assembly Bill 5" is never Arizona's).  Those
 * rules run only over a document that holds a bill whose level is open, and
 * there over its top (the dateline) and 8 KB around each such bill, so text
 * without state bills pays nothing for them and a long file of many
 * articles is not read whole for one bill.
 *
 * Ids: <state>-<type><number>-<year> ("tx-hb2-2019"), <state>-<type><number>
 * without a year.  The year is one written in the bill's sentence, else the
 * year of the document date.
 */
#include "statebill.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "lextag/lextag.h"
#include "scan.h"
#include "sentence.h"

#define MAX_TYPE 6
#define EVIDENCE_REACH 8192 /* bytes around a bill its document evidence is read from */
/* a bill whose level is open until the document is read */
#define OPEN (LX_CAND_STATE | LX_CAND_DUAL | LX_CAND_NO_CONGRESS)
/* the pseudo-form of states whose Senate bills are written like Congress's ("S. 5678") */
#define FED_SENATE "s."

/* ---- rule attributes -------------------------------------------------- */

/* Value of KEY=VALUE in the rule's line, or NULL; *n its length. */
static const char *rule_attr(const lx_rule *r, const char *key, size_t *n)
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

/* Is `type` one of the comma-separated forms f[0..n)? */
static bool has_form(const char *f, size_t n, const char *type)
{
    size_t tl = strlen(type);
    for (size_t i = 0; i < n;) {
        size_t k = i;
        while (k < n && f[k] != ',')
            k++;
        if (k - i == tl && memcmp(f + i, type, tl) == 0)
            return true;
        i = k + 1;
    }
    return false;
}

/* ---- emission --------------------------------------------------------- */

/*
 * Bill type from the capitals of the prefix at t[s..): "H.B." -> hb,
 * "Assembly Joint Resolution" -> ajr; "No."/"Number" ends it.  Returns the
 * offset of the first digit, or 0 when the type is empty or too long.
 */
static size_t prefix_type(const char *t, size_t s, size_t e, char *type)
{
    size_t n = 0, i = s;
    for (; i < e && !is_digit(t[i]); i++) {
        if (t[i] == 'N' && i + 1 < e && (t[i + 1] == 'o' || t[i + 1] == 'u'))
            break;
        if (t[i] >= 'A' && t[i] <= 'Z') {
            if (n == MAX_TYPE)
                return 0;
            type[n++] = lower(t[i]);
        }
    }
    type[n] = '\0';
    while (i < e && !is_digit(t[i]))
        i++;
    return n && i < e ? i : 0;
}

/* Number (leading zeros dropped) at t[*i]; 0 when none. */
static long number_at(const char *t, size_t *i, size_t e)
{
    long v = 0;
    size_t d0 = *i;
    while (*i < e && is_digit(t[*i]) && *i - d0 < 6)
        v = v * 10 + (t[(*i)++] - '0');
    return v;
}

/* Start of the next number of a list after t[i] (", ", "and", "through"), or e. */
static size_t next_number(const char *t, size_t i, size_t e)
{
    size_t j = skip_ws(t, i, e);
    if (j < e && (t[j] == ',' || t[j] == '&'))
        j = skip_ws(t, j + 1, e);
    static const char *const glue[] = {"and", "or", "through"};
    for (size_t k = 0; k < sizeof(glue) / sizeof(glue[0]); k++) {
        size_t gl = strlen(glue[k]);
        if (word_at(t, j, e, glue[k]) && j + gl < e && !is_alpha(t[j + gl])) {
            j = skip_ws(t, j + gl, e);
            break;
        }
    }
    return j > i && j < e && is_digit(t[j]) ? j : e;
}

int lx_statebill_emit(const lx_rule *r, const char *text, size_t s, size_t e, lx_arena *a,
                      lx_candvec *out)
{
    char type[MAX_TYPE + 1];
    size_t i = prefix_type(text, s, e, type), vl;
    if (!i)
        return 0;
    uint32_t flags = LX_CAND_STATE | (rule_attr(r, "need", &vl) ? LX_CAND_NEED_STATE : 0) |
                     (rule_attr(r, "unless", &vl) ? LX_CAND_NO_CONGRESS : 0);
    const char *ty = lx_arena_strndup(a, type, strlen(type));
    if (!ty)
        return LEXTAG_ERR_NOMEM;
    bool first = true;
    while (i < e) {
        size_t n0 = i;
        long num = number_at(text, &i, e);
        if (num < 1)
            break;
        if (i < e && text[i] >= 'A' && text[i] <= 'Z' && (i + 1 == e || !is_alpha(text[i + 1])))
            i++; /* New York's amendment letter: "A1234B" is a version of A1234 */
        /* the jurisdiction, year and id are settled after resolution */
        struct lextag_attrs *x = lx_attrs_new(a, NULL);
        if (!x)
            return LEXTAG_ERR_NOMEM;
        x->bill.type = ty;
        x->bill.number = num;
        lx_cand c = {first ? s : n0, i, r->type, r->source, NULL, x, r->prio, flags, LX_NONE, LX_NOREF};
        if (lx_candvec_push(out, &c))
            return LEXTAG_ERR_NOMEM;
        first = false;
        i = next_number(text, i, e);
    }
    return 0;
}

/* ---- evidence --------------------------------------------------------- */

typedef struct mark {
    size_t s, e;
    char code[8];      /* "tx", "state" (some state), "us" (Congress) */
    const char *forms; /* in the rule's line; NULL for "state" and "us" */
    size_t forms_len;
} mark;

typedef struct marks {
    mark *v;
    size_t n, cap;
} marks;

static int mark_add(marks *mv, size_t s, size_t e, const char *code, size_t cl,
                    const char *forms, size_t fl)
{
    if (mv->n == mv->cap) {
        size_t cap = mv->cap ? mv->cap * 2 : 32;
        mark *v = realloc(mv->v, cap * sizeof(*v));
        if (!v)
            return LEXTAG_ERR_NOMEM;
        mv->v = v;
        mv->cap = cap;
    }
    mark *m = &mv->v[mv->n++];
    m->s = s;
    m->e = e;
    cl = cl < sizeof(m->code) - 1 ? cl : sizeof(m->code) - 1;
    memcpy(m->code, code, cl);
    m->code[cl] = '\0';
    m->forms = forms;
    m->forms_len = fl;
    return 0;
}

/* "the Senator from Nevada": a state right after a federal mark names no state bill. */
static void drop_members(const char *t, marks *mv)
{
    for (size_t i = 0; i < mv->n; i++) {
        mark *m = &mv->v[i];
        for (size_t k = 0; k < mv->n && m->forms; k++) {
            const mark *u = &mv->v[k];
            if (u->e <= m->s && m->s - u->e <= 2 && skip_ws(t, u->e, m->s) == m->s &&
                strcmp(u->code, "us") == 0)
                m->forms = NULL;
        }
    }
}

/* A stretch of the text evidence is read from. */
typedef struct span {
    size_t lo, hi;
} span;

/*
 * Where evidence is read: the top of the document (its dateline) and
 * EVIDENCE_REACH bytes around each open bill, merged.  A long file of many
 * articles is not read whole for one bill.  *out: malloc'd; NULL when none.
 */
static size_t evidence_spans(const lx_cand *ents, size_t n, size_t len, span **out)
{
    span *v = malloc((n + 1) * sizeof(*v));
    size_t k = 0;
    if (!v)
        return 0;
    v[k++] = (span){0, len < EVIDENCE_REACH ? len : EVIDENCE_REACH};
    for (size_t i = 0; i < n; i++) {
        if (!(ents[i].flags & OPEN))
            continue;
        size_t lo = ents[i].start > EVIDENCE_REACH ? ents[i].start - EVIDENCE_REACH : 0;
        size_t hi = len - ents[i].end > EVIDENCE_REACH ? ents[i].end + EVIDENCE_REACH : len;
        if (lo <= v[k - 1].hi)
            v[k - 1].hi = hi > v[k - 1].hi ? hi : v[k - 1].hi;
        else
            v[k++] = (span){lo, hi};
    }
    *out = v;
    return k;
}

/*
 * Every match of rule r (kind=state) within the spans.  fed_only: the open
 * bills are all federal "S. 5678" forms, which only Congress and the states
 * of form FED_SENATE can claim: the other states' rules are not run.
 */
static int scan_rule(const lx_rule *r, const char *t, const span *sp, size_t n_sp, bool fed_only,
                     marks *mv)
{
    size_t cl, fl = 0;
    const char *code = rule_attr(r, "state", &cl), *forms = rule_attr(r, "forms", &fl);
    if (!code || !r->code)
        return 0;
    bool us = cl == 2 && memcmp(code, "us", 2) == 0;
    if (fed_only && !us && !(forms && has_form(forms, fl, FED_SENATE)))
        return 0;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->code, NULL);
    if (!md)
        return LEXTAG_ERR_NOMEM;
    int rc = 0;
    for (size_t w = 0; w < n_sp && !rc; w++)
        for (size_t pos = sp[w].lo; pos < sp[w].hi && !rc;) {
            if (pcre2_match(r->code, (PCRE2_SPTR) t, sp[w].hi, pos, 0, md, NULL) < 0)
                break;
            const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            rc = mark_add(mv, ov[0], ov[1], code, cl, forms, fl);
            pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
    pcre2_match_data_free(md);
    return rc;
}

/* The evidence around the open bills of ents: kind=state matches, "115th Congress". */
static int collect_marks(const lx_legis_doc *ld, const lx_ruleset *rs, const lx_cand *ents,
                         size_t n, const char *t, size_t len, marks *mv)
{
    span *sp = NULL;
    size_t n_sp = evidence_spans(ents, n, len, &sp);
    if (!sp)
        return LEXTAG_ERR_NOMEM;
    bool fed_only = true;
    for (size_t i = 0; i < n; i++)
        if (ents[i].flags & (LX_CAND_STATE | LX_CAND_DUAL))
            fed_only = false;
    int rc = 0;
    for (size_t k = 0; k < rs->n && !rc; k++)
        if (rs->v[k].kind == LX_RULE_STATE)
            rc = scan_rule(&rs->v[k], t, sp, n_sp, fed_only, mv);
    free(sp);
    if (rc)
        return rc;
    drop_members(t, mv);
    for (size_t i = 0; i < ld->n_marks; i++)
        if (ld->marks[i].congress > 0 &&
            mark_add(mv, ld->marks[i].pos, ld->marks[i].pos + 1, "us", 2, NULL, 0))
            return LEXTAG_ERR_NOMEM;
    return 0;
}

/* ---- settling --------------------------------------------------------- */

typedef struct ctx {
    const lx_ruleset *rs;
    const char *t;
    size_t len;
    marks mv;
    size_t dateline; /* end of the dateline, 0 when none */
} ctx;

enum { WANT_STATE = 1, WANT_US = 2 };

typedef struct verdict {
    char code[8];    /* "tx", "state", "us", or "" (open) */
    const char *src; /* span, sentence, dateline, document, form, none */
} verdict;

static bool fits(const mark *m, const char *type, int want)
{
    if (m->forms)
        return (want & WANT_STATE) && has_form(m->forms, m->forms_len, type);
    return (want & WANT_US) && strcmp(m->code, "us") == 0;
}

/* The mark within [lo, hi) nearest to the bill t[s..e) that fits; NULL if none. */
static const mark *nearest(const ctx *x, size_t s, size_t e, size_t lo, size_t hi,
                           const char *type, int want)
{
    const mark *best = NULL;
    size_t bd = (size_t) -1;
    for (size_t i = 0; i < x->mv.n; i++) {
        const mark *m = &x->mv.v[i];
        if (m->s < lo || m->e > hi || (m->s < e && m->e > s) || !fits(m, type, want))
            continue;
        size_t d = m->e <= s ? s - m->e : m->s - e;
        if (d < bd) {
            bd = d;
            best = m;
        }
    }
    return best;
}

/* Marks in the document that fit a bill of `type`. */
static size_t count(const ctx *x, const char *type, int want)
{
    size_t n = 0;
    for (size_t i = 0; i < x->mv.n; i++)
        n += fits(&x->mv.v[i], type, want);
    return n;
}

static bool some_state(const ctx *x, size_t lo, size_t hi)
{
    for (size_t i = 0; i < x->mv.n; i++)
        if (x->mv.v[i].s >= lo && x->mv.v[i].e <= hi && strcmp(x->mv.v[i].code, "state") == 0)
            return true;
    return false;
}

/* The one state whose chambers number bills of `type` ("lb": ne); false if not one. */
static bool only_state(const ctx *x, const char *type, verdict *v)
{
    int found = 0;
    for (size_t k = 0; k < x->rs->n; k++) {
        const lx_rule *r = &x->rs->v[k];
        size_t fl, cl;
        const char *f = r->kind == LX_RULE_STATE ? rule_attr(r, "forms", &fl) : NULL;
        const char *code = f ? rule_attr(r, "state", &cl) : NULL;
        if (!code || !has_form(f, fl, type) || cl >= sizeof(v->code))
            continue;
        if (found++)
            return false;
        memcpy(v->code, code, cl);
        v->code[cl] = '\0';
    }
    return found == 1;
}

static void take(verdict *v, const mark *m, const char *src)
{
    memcpy(v->code, m->code, sizeof(v->code));
    v->src = src;
}

/*
 * Jurisdiction of the bill c of state type `type`: the span, the sentence,
 * the dateline, the document, the form.  *from: where a state name written
 * before the bill starts ("Texas House Bill 2").
 */
static void decide(const ctx *x, const lx_cand *c, const char *type, bool dual, verdict *v,
                   size_t *from)
{
    int want = WANT_STATE | (dual ? WANT_US : 0);
    v->code[0] = '\0';
    for (size_t i = 0; i < x->mv.n; i++) {
        const mark *m = &x->mv.v[i];
        if (m->forms && m->e <= c->start && skip_ws(x->t, m->e, c->start) == c->start &&
            c->start - m->e <= 3 && has_form(m->forms, m->forms_len, type)) {
            *from = m->s;
            take(v, m, "span");
            return;
        }
    }
    size_t ss, se;
    lx_sentence_of(x->t, x->len, c->start, c->end, &ss, &se);
    const mark *m = nearest(x, c->start, c->end, ss, se, type, want);
    if (m) {
        take(v, m, "sentence");
        return;
    }
    bool in_sent = some_state(x, ss, se);
    if (in_sent || !dual) /* a state's institutions, or a state-only form: not Congress */
        want = WANT_STATE;
    if (x->dateline && (m = nearest(x, 0, 0, 0, x->dateline, type, WANT_STATE)) != NULL) {
        take(v, m, "dateline");
        return;
    }
    if (want == (WANT_STATE | WANT_US)) /* the level the document speaks of more */
        want = count(x, type, WANT_US) > count(x, type, WANT_STATE) ? WANT_US : WANT_STATE;
    if ((m = nearest(x, c->start, c->end, 0, x->len, type, want)) != NULL) {
        take(v, m, "document");
        return;
    }
    bool in_doc = in_sent || some_state(x, 0, x->len);
    if ((!dual || in_doc) && only_state(x, type, v)) {
        v->src = "form";
        return;
    }
    if (!dual || in_doc) {
        strcpy(v->code, "state");
        v->src = in_sent ? "sentence" : in_doc ? "document" : "none";
    }
}

/* Gives c its state id and "bill" members. */
static int set_state(const ctx *x, const lx_legis_doc *ld, lx_cand *c, const char *type,
                     long num, const verdict *v, lx_arena *a)
{
    size_t ss, se;
    lx_sentence_of(x->t, x->len, c->start, c->end, &ss, &se);
    int year = lx_sentence_year(x->t, ss, se, c->start, c->end);
    const char *ysrc = year ? "text" : ld->date_year ? "date" : "none";
    if (!year)
        year = ld->date_year;
    bool named = strcmp(v->code, "state") != 0;
    c->id = !named ? NULL
            : year ? lx_arena_printf(a, "%s-%s%ld-%d", v->code, type, num, year)
                   : lx_arena_printf(a, "%s-%s%ld", v->code, type, num);
    struct lextag_attrs *b = lx_attrs_new(a, NULL);
    const char *ty = lx_arena_strndup(a, type, strlen(type));
    const char *code = lx_arena_strndup(a, v->code, strlen(v->code));
    if ((named && !c->id) || !b || !ty || !code)
        return LEXTAG_ERR_NOMEM;
    b->bill.type = ty;
    b->bill.number = num;
    b->bill.jurisdiction = code;
    b->bill.jurisdiction_source = v->src;
    b->bill.year = year;
    b->bill.year_source = ysrc;
    c->attrs = b;
    return 0;
}

/* A both-level form with no evidence either way: no id, jurisdiction NULL. */
static int set_open(lx_cand *c, lx_arena *a)
{
    struct lextag_attrs *b = lx_attrs_new(a, c->attrs);
    if (!b)
        return LEXTAG_ERR_NOMEM;
    b->bill.jurisdiction = NULL;
    c->attrs = b;
    c->id = NULL;
    return 0;
}

/* State type of a both-level form from its words' initials ("House Bill No." -> hb). */
static bool dual_type(const char *t, size_t s, size_t e, char *type)
{
    size_t n = 0;
    for (size_t i = s; i < e && !is_digit(t[i]); i++) {
        if (!is_alpha(t[i]) || (i > s && is_alpha(t[i - 1])))
            continue;
        if (word_at(t, i, e, "no") || n == MAX_TYPE)
            break;
        type[n++] = lower(t[i]);
    }
    type[n] = '\0';
    return n > 0;
}

typedef struct settle_job {
    ctx x;
    const lx_legis_doc *ld;
    lx_arena *a;
    char prev_type[MAX_TYPE + 1]; /* a list's later numbers carry no prefix */
} settle_job;

/*
 * A form kept to one state only where no Congress is named (unless=congress,
 * and the federal "S. 5678"): does verdict v name such a state?
 */
static bool no_congress_state(const ctx *x, const char *type, const verdict *v)
{
    return v->code[0] && strcmp(v->code, "state") != 0 && strcmp(v->code, "us") != 0 &&
           strcmp(v->src, "form") != 0 && count(x, type, WANT_US) == 0;
}

static int settle_one(settle_job *j, const lx_cand *prev, lx_cand *c, bool *keep)
{
    char type[MAX_TYPE + 1] = "";
    bool dual = (c->flags & LX_CAND_DUAL) != 0, need = (c->flags & LX_CAND_NEED_STATE) != 0;
    bool fed = (c->flags & (LX_CAND_NO_CONGRESS | LX_CAND_STATE)) == LX_CAND_NO_CONGRESS;
    if (!c->attrs || !c->attrs->bill.type)
        return 0;
    long num = c->attrs->bill.number;
    if (fed)
        snprintf(type, sizeof(type), "%s", FED_SENATE);
    else if (!dual)
        snprintf(type, sizeof(type), "%s", c->attrs->bill.type);
    else if (!dual_type(j->x.t, c->start, c->end, type))
        memcpy(type, j->prev_type, sizeof(type));
    memcpy(j->prev_type, type, sizeof(type));
    verdict v = {"", "none"};
    size_t from = c->start;
    decide(&j->x, c, type, dual || fed, &v, &from);
    if ((c->flags & LX_CAND_NO_CONGRESS) && !no_congress_state(&j->x, type, &v)) {
        *keep = fed; /* the federal form stays as it was */
        c->flags &= ~(uint32_t) LX_CAND_NO_CONGRESS;
        return 0;
    }
    if (fed)
        snprintf(type, sizeof(type), "%s", c->attrs->bill.type);
    if (dual && strcmp(v.code, "us") == 0)
        return 0;
    if (dual && !v.code[0])
        return set_open(c, j->a);
    if (need && (!v.code[0] || strcmp(v.code, "state") == 0)) {
        *keep = false;
        return 0;
    }
    c->flags &= ~(uint32_t) (OPEN | LX_CAND_NEED_STATE);
    if (from < c->start && (!prev || prev->end <= from))
        c->start = from;
    return set_state(&j->x, j->ld, c, type, num, &v, j->a);
}

int lx_statebill_settle(const lx_legis_doc *ld, const lx_ruleset *rs, lx_cand *ents,
                        size_t *n, const char *text, size_t len, lx_arena *a)
{
    size_t k = 0;
    while (k < *n && !(ents[k].flags & OPEN))
        k++;
    if (k == *n)
        return 0;
    settle_job j = {{rs, text, len, {NULL, 0, 0}, 0}, ld, a, ""};
    int rc = collect_marks(ld, rs, ents, *n, text, len, &j.x.mv);
    j.x.dateline = lx_dateline_end(text, len);
    size_t w = k;
    for (size_t i = k; i < *n && !rc; i++) {
        lx_cand c = ents[i];
        bool keep = true;
        if (c.flags & OPEN)
            rc = settle_one(&j, w ? &ents[w - 1] : NULL, &c, &keep);
        if (keep)
            ents[w++] = c;
    }
    if (!rc)
        *n = w;
    free(j.x.mv.v);
    return rc;
}
