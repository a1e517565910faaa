/* SPDX-License-Identifier: MIT */
/*
 * The resolver: one place where candidates from every source settle their
 * overlaps.  Order: higher priority first, then the longer span, then the
 * leftmost, then the candidate proposed first.  A candidate is accepted when
 * none of its bytes is covered by an already accepted one; the rest are
 * losers, kept for --all-candidates.
 */
#ifndef LX_RESOLVE_H
#define LX_RESOLVE_H

#include <stdint.h>

#include "candidate.h"

typedef struct lx_resolver {
    uint64_t *bits;     /* one bit per byte of the document */
    size_t bits_cap;    /* in 64-bit words */
    uint32_t *order;    /* candidate indices, and room to sort them */
    uint64_t *keys;     /* their sort keys, and room to sort them */
    size_t order_cap;   /* of each half of order and keys */
} lx_resolver;

/*
 * Resolution of one batch (a stretch of a document): settles the batch's
 * candidates among themselves and appends the winners to accepted and, when
 * lost is not NULL, the losers to lost.  The scratch bitmap covers only the
 * batch's span.  lx_resolve_done() sorts both lists by start.
 */
int lx_resolve_add(lx_resolver *rv, const lx_candvec *cands, size_t len,
                   lx_candvec *accepted, lx_candvec *lost);

void lx_resolve_done(lx_resolver *rv, lx_candvec *accepted, lx_candvec *lost);

/*
 * Adds candidates to an accepted set (sorted by start) where they do not
 * overlap it; the others go to lost.  Used by the document pass, whose
 * candidates only fill gaps.  Sorts extra.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_resolve_fill(lx_candvec *accepted, lx_candvec *extra,
                    lx_candvec *lost);

/*
 * The resolver's order: < 0 when x ranks before y (higher priority, then
 * longer, then leftmost), > 0 after, 0 on a tie.
 */
int lx_resolve_rank(const lx_cand *x, const lx_cand *y);

/* Sorts candidates by start, then end. */
void lx_resolve_sort(lx_candvec *cv);

/* Frees the scratch.  NULL-safe. */
void lx_resolver_free(lx_resolver *rv);

#endif
