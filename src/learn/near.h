/* SPDX-License-Identifier: MIT */
/*
 * The candidates a learned span is compared with, L->near: the list entries
 * of its types, for their ids, and the spans the rules keep and legislation,
 * which no learned span may overlap.  They are collected once per stretch,
 * sorted by start and indexed by byte: every decoded span, and every pass
 * after decoding, looks up its neighbours there.
 */
#ifndef LX_LEARN_NEAR_H
#define LX_LEARN_NEAR_H

#include <stdbool.h>
#include <stddef.h>

#include "learned.h"

/*
 * The candidates a learned span is compared with: PERSON and ORG gazetteer
 * entries (for their ids), the spans the rules keep and legislation,
 * sorted by start and indexed by byte.
 */
int lx_near_collect(lx_learn_lane *L, const lx_candvec *cands, size_t base, size_t len);

/* Index of the first of L->near starting at or after byte s. */
size_t lx_near_from(const lx_learn_lane *L, size_t s);

/* The candidate with an id (a gazetteer entry, a rule's id) of type `type`
   over exactly [s, e), or NULL. */
const lx_cand *lx_near_entry(const lx_learn_lane *L, size_t s, size_t e, const char *type);

/* The candidate with an id of type `type` that ends at byte e and starts
   before byte s, up to 48 bytes before, or NULL: a list's longer name
   ("Recep Tayyip Erdogan" over "Tayyip Erdogan"). */
const lx_cand *lx_near_entry_ending(const lx_learn_lane *L, size_t s, size_t e,
                                    const char *type);

/* Does x overlap a span the rules keep or legislation?  (No entity is
   longer than the limit.) */
bool lx_near_overlaps_kept(const lx_learn_lane *L, const lx_cand *x);

#endif
