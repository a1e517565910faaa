/* SPDX-License-Identifier: MIT */
/*
 * Typed entity attributes: what a bill number, a citation or a named act
 * says beyond its id.  The legislation modules fill them, candidates and
 * entities point at them, and only the output layer turns them into JSON.
 * They live in the document's arena, like ids, so a candidate copy is still
 * a struct copy.
 */
#ifndef LX_ATTRS_H
#define LX_ATTRS_H

#include "arena.h"
#include "lextag/lextag.h"

struct lextag_attrs {
    lextag_bill bill;         /* set when bill.type is not NULL */
    lextag_citation citation; /* set when citation.kind is not NULL */
    const char *linked_bill;  /* LAW: id of the bill written beside it, or NULL */
    const lextag_explain *explain; /* PERSON, ORG with explain: why, or NULL */
};

/*
 * A copy of *from (all fields unset when from is NULL) in the arena, to be
 * filled in; NULL when out of memory.
 */
struct lextag_attrs *lx_attrs_new(lx_arena *a, const struct lextag_attrs *from);

#endif
