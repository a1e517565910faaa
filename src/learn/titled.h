/* SPDX-License-Identifier: MIT */
/*
 * Lists of names a plural title heads ("Senators Roth, Chafee and Baucus"):
 * found in a stretch before its regions are decoded, their items kept in
 * L->titled in text order.  An item is a person's name where the layer read
 * none there, and a person where it read an organization.
 */
#ifndef LX_LEARN_TITLED_H
#define LX_LEARN_TITLED_H

#include <stdbool.h>
#include <stddef.h>

#include "learned.h"

/*
 * Finds the lists of names a plural title heads ("Senators Roth, Chafee,
 * Grassley, and Baucus", "Reps. Lee and Ortiz", "Senators Burns
 * (Chairman), Hutchison and Reid") and keeps their items in L->titled.  A
 * title is capitalized, so it lies in a region: only their tokens are
 * asked.
 */
int lx_titled_find(lx_learn_lane *L, const lx_fctx *c);

/* Does a list item of L->titled start at token i (the regions come in
   order)?  Then *b is its end. */
static inline bool lx_titled_item_at(lx_learn_lane *L, size_t i, size_t *b)
{
    while (L->titled_at < L->n_titled && L->titled[L->titled_at].s < i)
        L->titled_at++;
    if (L->titled_at == L->n_titled || L->titled[L->titled_at].s != i)
        return false;
    *b = L->titled[L->titled_at].e;
    return true;
}

/*
 * An item of a list a plural title heads that the layer read as an
 * organization ("Senators Moynihan and Baucus", "Senators Ford and Marsh",
 * where lists know Ford and Marsh as firms) is a person: the title says so
 * more surely than a list of names can.  A person's list entry over it
 * gives it its id.
 */
int lx_titled_items_typed(lx_learn_lane *L, const lx_fctx *c, size_t base, lx_arena *arena);

#endif
