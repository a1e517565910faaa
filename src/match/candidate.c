/* SPDX-License-Identifier: MIT */
/* Growable candidate array; doubling keeps pushes amortized O(1). */
#include "candidate.h"

#include <stdbool.h>
#include <stdlib.h>

#include "lextag/lextag.h"
#include "vec.h"

/* lx_candvec_push() when the array is full. */
int lx_candvec_grow_push(lx_candvec *cv, const lx_cand *c)
{
    if (lx_vec_reserve(&cv->v, &cv->cap, cv->n + 1, sizeof(*cv->v), 64))
        return LEXTAG_ERR_NOMEM;
    cv->v[cv->n++] = *c;
    return 0;
}

size_t lx_cands_ending_after(const lx_cand *v, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t lx_cands_starting_from(const lx_cand *v, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Does x come after y, by start, then end? */
static bool after(const lx_cand *x, const lx_cand *y)
{
    return x->start != y->start ? x->start > y->start : x->end > y->end;
}

/* End of the run of candidates in order that starts at i. */
static size_t run_end(const lx_cand *v, size_t n, size_t i)
{
    while (i + 1 < n && !after(&v[i], &v[i + 1]))
        i++;
    return i + 1;
}

int lx_cands_sort(lx_candvec *cv, lx_candvec *scratch)
{
    size_t n = cv->n;
    if (run_end(cv->v, n, 0) >= n)
        return 0;
    if (lx_vec_reserve(&scratch->v, &scratch->cap, n, sizeof(*scratch->v), 64))
        return LEXTAG_ERR_NOMEM;
    lx_cand *src = cv->v, *dst = scratch->v;
    /* merge pairs of neighbouring runs until one is left; on a tie the
       left run's candidate goes first */
    for (;;) {
        size_t i = 0, runs = 0;
        while (i < n) {
            size_t m = run_end(src, n, i), e = m < n ? run_end(src, n, m) : n;
            size_t a = i, b = m, o = i;
            while (a < m && b < e)
                dst[o++] = after(&src[a], &src[b]) ? src[b++] : src[a++];
            while (a < m)
                dst[o++] = src[a++];
            while (b < e)
                dst[o++] = src[b++];
            i = e;
            runs++;
        }
        lx_cand *t = src;
        src = dst;
        dst = t;
        if (runs == 1)
            break;
    }
    if (src != cv->v) {
        /* the sorted candidates are in scratch's array: the two trade */
        lx_cand *t = cv->v;
        size_t cap = cv->cap;
        cv->v = scratch->v;
        cv->cap = scratch->cap;
        scratch->v = t;
        scratch->cap = cap;
    }
    return 0;
}

void lx_candvec_free(lx_candvec *cv)
{
    if (!cv)
        return;
    free(cv->v);
    cv->v = NULL;
    cv->n = cv->cap = 0;
}
