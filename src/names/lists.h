/* SPDX-License-Identifier: MIT */
/*
 * Lists of names: the items of "Matt Stokoe, Nina Toussaint-White, Ash
 * Tandon and Anjli Mohindra" share one type, so the items no other evidence
 * named take the type the others were given.
 */
#ifndef LX_LISTS_H
#define LX_LISTS_H

#include "candidate.h"
#include "evidence.h"

/*
 * Scans the tokens of one stretch (c->tl, offsets from c->base) for lists
 * whose items are PERSON or ORG where they are named at all, and adds the
 * unnamed items to accepted (sorted by start, spans that do not overlap),
 * keeping it sorted.  c->out is scratch for the new items.  Returns 0 or
 * LEXTAG_ERR_NOMEM.
 */
int lx_lists_scan(const lx_evidence *c, lx_candvec *accepted);

#endif
