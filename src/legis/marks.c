/* SPDX-License-Identifier: MIT */
/*
 * State evidence marks, sorted and listed per bill type so each query is a
 * binary search and a short walk (see marks.h).  The walks stop as soon as
 * no further mark can be nearer: marks are sorted by start, so a walk
 * forwards stops at the first start past the best distance, and a walk
 * backwards once a start lies further back than the best distance plus
 * the longest mark.
 */
#include "marks.h"

#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"
#include "scan.h"
#include "vec.h"

int lx_marks_add(lx_marks *mv, size_t s, size_t e, uint32_t rank, const char *code, size_t cl,
                 const char *forms, size_t fl)
{
    if (lx_vec_reserve(&mv->v, &mv->cap, mv->n + 1, sizeof(*mv->v), 64))
        return LEXTAG_ERR_NOMEM;
    lx_mark *m = &mv->v[mv->n++];
    m->s = s;
    m->e = e;
    m->rank = rank;
    cl = cl < sizeof(m->code) - 1 ? cl : sizeof(m->code) - 1;
    memcpy(m->code, code, cl);
    m->code[cl] = '\0';
    m->forms = forms;
    m->forms_len = fl;
    return 0;
}

static int list_push(lx_mark_list *l, size_t i)
{
    if (lx_vec_reserve(&l->v, &l->cap, l->n + 1, sizeof(*l->v), 16))
        return LEXTAG_ERR_NOMEM;
    l->v[l->n++] = i;
    return 0;
}

static void list_free(lx_mark_list *l)
{
    free(l->v);
    memset(l, 0, sizeof(*l));
}

void lx_marks_free(lx_marks *mv)
{
    for (size_t k = 0; k < mv->n_types; k++)
        list_free(&mv->types[k]);
    free(mv->types);
    list_free(&mv->us);
    list_free(&mv->some);
    free(mv->v);
    memset(mv, 0, sizeof(*mv));
}

/* The list of bill type ty[0..n); NULL when no mark speaks for it. */
static const lx_mark_list *type_list(const lx_marks *mv, const char *ty, size_t n)
{
    for (size_t k = 0; k < mv->n_types; k++)
        if (strncmp(mv->types[k].type, ty, n) == 0 && mv->types[k].type[n] == '\0')
            return &mv->types[k];
    return NULL;
}

/* Adds mark i to the list of each of its forms. */
static int list_forms(lx_marks *mv, size_t i)
{
    const char *f = mv->v[i].forms;
    size_t n = mv->v[i].forms_len;
    for (size_t a = 0, b; a < n; a = b + 1) {
        for (b = a; b < n && f[b] != ',';)
            b++;
        if (b == a || b - a >= LX_MARK_TYPE)
            continue;
        lx_mark_list *l = (lx_mark_list *) type_list(mv, f + a, b - a);
        if (!l) {
            if (lx_vec_reserve(&mv->types, &mv->types_cap, mv->n_types + 1, sizeof(*l), 8))
                return LEXTAG_ERR_NOMEM;
            l = &mv->types[mv->n_types++];
            memset(l, 0, sizeof(*l));
            memcpy(l->type, f + a, b - a);
        }
        if (list_push(l, i))
            return LEXTAG_ERR_NOMEM;
    }
    return 0;
}

static int by_start(const void *pa, const void *pb)
{
    const lx_mark *a = pa, *b = pb;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return (a->e > b->e) - (a->e < b->e);
}

/* First index of l whose mark starts at or after pos. */
static size_t lower_bound(const lx_marks *mv, const lx_mark_list *l, size_t pos)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (mv->v[l->v[mid]].s < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* "the Senator from Nevada": a state right after a federal mark names no state bill. */
static void drop_members(lx_marks *mv, const char *t, uint32_t members_rank)
{
    for (size_t k = 0; k < mv->n; k++) {
        const lx_mark *u = &mv->v[k];
        if (u->rank >= members_rank || strcmp(u->code, "us") != 0)
            continue;
        size_t lo = 0, hi = mv->n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (mv->v[mid].s < u->e)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i < mv->n && mv->v[i].s - u->e <= 2; i++)
            if (skip_ws(t, u->e, mv->v[i].s) == mv->v[i].s)
                mv->v[i].forms = NULL;
    }
}

int lx_marks_index(lx_marks *mv, const char *t, uint32_t members_rank)
{
    if (mv->n)
        qsort(mv->v, mv->n, sizeof(*mv->v), by_start);
    for (size_t i = 0; i < mv->n; i++) {
        const lx_mark *m = &mv->v[i];
        if (m->e - m->s > mv->maxlen)
            mv->maxlen = m->e - m->s;
        if (!m->forms && strcmp(m->code, "us") == 0 && list_push(&mv->us, i))
            return LEXTAG_ERR_NOMEM;
        if (strcmp(m->code, "state") == 0 && list_push(&mv->some, i))
            return LEXTAG_ERR_NOMEM;
    }
    drop_members(mv, t, members_rank);
    for (size_t i = 0; i < mv->n; i++)
        if (mv->v[i].forms && list_forms(mv, i))
            return LEXTAG_ERR_NOMEM;
    return 0;
}

/* Is m at distance d nearer than *best at *bd (ties: lower rank, then earlier)? */
static void consider(const lx_mark *m, size_t d, const lx_mark **best, size_t *bd)
{
    const lx_mark *b = *best;
    if (!b || d < *bd || (d == *bd && (m->rank < b->rank || (m->rank == b->rank && m->s < b->s)))) {
        *best = m;
        *bd = d;
    }
}

static void nearest_in(const lx_marks *mv, const lx_mark_list *l, size_t s, size_t e, size_t lo,
                       size_t hi, const lx_mark **best, size_t *bd)
{
    if (!l)
        return;
    /* after the bill: the distance grows with the start */
    for (size_t i = lower_bound(mv, l, e); i < l->n; i++) {
        const lx_mark *m = &mv->v[l->v[i]];
        if (m->s >= hi || (*best && m->s - e > *bd))
            break;
        if (m->s >= lo && m->e <= hi)
            consider(m, m->s - e, best, bd);
    }
    /* before it: a mark ends at most maxlen after its start */
    for (size_t i = lower_bound(mv, l, s); i-- > 0;) {
        const lx_mark *m = &mv->v[l->v[i]];
        if (m->s < lo || (*best && s - m->s > *bd + mv->maxlen))
            break;
        if (m->e <= s && m->e <= hi)
            consider(m, s - m->e, best, bd);
    }
}

const lx_mark *lx_marks_nearest(const lx_marks *mv, size_t s, size_t e, size_t lo, size_t hi,
                                const char *type, int want)
{
    const lx_mark *best = NULL;
    size_t bd = 0;
    if (want & LX_MARKS_STATE)
        nearest_in(mv, type_list(mv, type, strlen(type)), s, e, lo, hi, &best, &bd);
    if (want & LX_MARKS_US)
        nearest_in(mv, &mv->us, s, e, lo, hi, &best, &bd);
    return best;
}

size_t lx_marks_count(const lx_marks *mv, const char *type, int want)
{
    const lx_mark_list *l = type_list(mv, type, strlen(type));
    return (want & LX_MARKS_STATE && l ? l->n : 0) + (want & LX_MARKS_US ? mv->us.n : 0);
}

bool lx_marks_some_state(const lx_marks *mv, size_t lo, size_t hi)
{
    for (size_t i = lower_bound(mv, &mv->some, lo); i < mv->some.n; i++) {
        const lx_mark *m = &mv->v[mv->some.v[i]];
        if (m->s >= hi)
            break;
        if (m->e <= hi)
            return true;
    }
    return false;
}

const lx_mark *lx_marks_before(const lx_marks *mv, const char *t, size_t pos, const char *type)
{
    const lx_mark_list *l = type_list(mv, type, strlen(type));
    const lx_mark *best = NULL;
    for (size_t i = l ? lower_bound(mv, l, pos) : 0; l && i-- > 0;) {
        const lx_mark *m = &mv->v[l->v[i]];
        if (pos - m->s > 3 + mv->maxlen)
            break;
        if (m->e <= pos && pos - m->e <= 3 && skip_ws(t, m->e, pos) == pos &&
            (!best || m->rank < best->rank || (m->rank == best->rank && m->s < best->s)))
            best = m;
    }
    return best;
}
