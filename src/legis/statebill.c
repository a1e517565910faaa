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
 * rules are read (stateev.c, in one pass) only over a document that holds a
 * bill whose level is open, and there over its top (the dateline) and 8 KB
 * around each such bill, so text without state bills pays nothing for them
 * and a long file of many articles is not read whole for one bill.  Each
 * bill then asks the sorted marks (marks.c) for the nearest evidence by
 * binary search: a page dense with bills settles in linear time.
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
#include "stateev.h"

#define MAX_TYPE 6
#define OPEN LX_STATEEV_OPEN

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
    uint32_t flags = LX_CAND_STATE | (lx_rule_attr(r, "need", &vl) ? LX_CAND_NEED_STATE : 0) |
                     (lx_rule_attr(r, "unless", &vl) ? LX_CAND_NO_CONGRESS : 0);
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

/* ---- settling --------------------------------------------------------- */

typedef struct ctx {
    const lx_stateev *ev;
    const char *t;
    size_t len;
    lx_marks mv;
    lx_sentences sent;
    size_t dateline; /* end of the dateline, 0 when none */
} ctx;

enum { WANT_STATE = LX_MARKS_STATE, WANT_US = LX_MARKS_US };

typedef struct verdict {
    char code[8];    /* "tx", "state", "us", or "" (open) */
    const char *src; /* span, sentence, dateline, document, form, none */
} verdict;

/* The mark within [lo, hi) nearest to the bill t[s..e) that fits; NULL if none. */
static const lx_mark *nearest(const ctx *x, size_t s, size_t e, size_t lo, size_t hi,
                              const char *type, int want)
{
    return lx_marks_nearest(&x->mv, s, e, lo, hi, type, want);
}

static void take(verdict *v, const lx_mark *m, const char *src)
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
    const lx_mark *m = lx_marks_before(&x->mv, x->t, c->start, type);
    if (m) {
        *from = m->s;
        take(v, m, "span");
        return;
    }
    size_t ss, se;
    lx_sentences_of(&x->sent, c->start, c->end, &ss, &se);
    if ((m = nearest(x, c->start, c->end, ss, se, type, want)) != NULL) {
        take(v, m, "sentence");
        return;
    }
    bool in_sent = lx_marks_some_state(&x->mv, ss, se);
    if (in_sent || !dual) /* a state's institutions, or a state-only form: not Congress */
        want = WANT_STATE;
    if (x->dateline && (m = nearest(x, 0, 0, 0, x->dateline, type, WANT_STATE)) != NULL) {
        take(v, m, "dateline");
        return;
    }
    if (want == (WANT_STATE | WANT_US)) /* the level the document speaks of more */
        want = lx_marks_count(&x->mv, type, WANT_US) > lx_marks_count(&x->mv, type, WANT_STATE)
                   ? WANT_US
                   : WANT_STATE;
    if ((m = nearest(x, c->start, c->end, 0, x->len, type, want)) != NULL) {
        take(v, m, "document");
        return;
    }
    bool in_doc = in_sent || lx_marks_some_state(&x->mv, 0, x->len);
    if ((!dual || in_doc) && lx_stateev_only_state(x->ev, type, v->code)) {
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
    lx_sentences_of(&x->sent, c->start, c->end, &ss, &se);
    int year = lx_sentences_year(&x->sent, ss, se, c->start, c->end);
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
           strcmp(v->src, "form") != 0 && lx_marks_count(&x->mv, type, WANT_US) == 0;
}

/*
 * May the bill c take in the state's name written before it at from
 * ("Arizona SB 1070")?  Yes when no entity lies there, or when the one
 * before c (prev) is a person's or an organization's name read over the
 * state's name alone: the name is the bill's, and prev goes (*drop_prev).
 * before_prev is where the entity before prev ends (0 when there is none).
 */
static bool may_widen(const lx_cand *prev, size_t before_prev, size_t from, const lx_cand *c,
                      bool *drop_prev)
{
    if (!prev || prev->end <= from)
        return true;
    *drop_prev = prev->start >= from && prev->end <= c->start && before_prev <= from &&
                 (lx_cand_type_is(prev, "PERSON") || lx_cand_type_is(prev, "ORG"));
    return *drop_prev;
}

static int settle_one(settle_job *j, const lx_cand *prev, size_t before_prev, lx_cand *c,
                      bool *keep, bool *drop_prev)
{
    char type[MAX_TYPE + 1] = "";
    bool dual = (c->flags & LX_CAND_DUAL) != 0, need = (c->flags & LX_CAND_NEED_STATE) != 0;
    bool fed = (c->flags & (LX_CAND_NO_CONGRESS | LX_CAND_STATE)) == LX_CAND_NO_CONGRESS;
    if (!c->attrs || !c->attrs->bill.type)
        return 0;
    long num = c->attrs->bill.number;
    if (fed)
        snprintf(type, sizeof(type), "%s", LX_STATEEV_FED_SENATE);
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
    if (from < c->start && may_widen(prev, before_prev, from, c, drop_prev))
        c->start = from;
    return set_state(&j->x, j->ld, c, type, num, &v, j->a);
}

int lx_statebill_settle(lx_stateev **ev, const lx_legis_doc *ld, const lx_ruleset *rs,
                        lx_cand *ents, size_t *n, const char *text, size_t len, lx_arena *a)
{
    size_t k = 0;
    while (k < *n && !(ents[k].flags & OPEN))
        k++;
    if (k == *n)
        return 0;
    settle_job j = {{NULL, text, len, {0}, {0}, 0}, ld, a, ""};
    j.x.sent.t = text;
    j.x.sent.len = len;
    int rc = lx_stateev_collect(ev, rs, ld, ents, *n, text, len, &j.x.mv, &j.x.sent);
    j.x.ev = *ev;
    j.x.dateline = lx_dateline_end(text, len);
    size_t w = k;
    for (size_t i = k; i < *n && !rc; i++) {
        lx_cand c = ents[i];
        bool keep = true, drop_prev = false;
        if (c.flags & OPEN)
            rc = settle_one(&j, w ? &ents[w - 1] : NULL, w > 1 ? ents[w - 2].end : 0, &c, &keep,
                            &drop_prev);
        if (drop_prev)
            w--;
        if (keep)
            ents[w++] = c;
    }
    if (!rc)
        *n = w;
    lx_marks_free(&j.x.mv);
    lx_sentences_free(&j.x.sent);
    return rc;
}
