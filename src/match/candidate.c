/* SPDX-License-Identifier: MIT */
/* Growable candidate array; doubling keeps pushes amortized O(1). */
#include "candidate.h"

#include <stdlib.h>

#include "lextag/lextag.h"
#include "vec.h"

int lx_candvec_push(lx_candvec *cv, const lx_cand *c)
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

void lx_candvec_free(lx_candvec *cv)
{
    if (!cv)
        return;
    free(cv->v);
    cv->v = NULL;
    cv->n = cv->cap = 0;
}
