/* SPDX-License-Identifier: MIT */
/*
 * Typed entity attributes: allocation in the document's arena and the
 * public accessors.
 */
#include "attrs.h"

#include <string.h>

struct lextag_attrs *lx_attrs_new(lx_arena *a, const struct lextag_attrs *from)
{
    struct lextag_attrs *x = lx_arena_alloc(a, sizeof(*x));
    if (!x)
        return NULL;
    if (from)
        *x = *from;
    else
        memset(x, 0, sizeof(*x));
    return x;
}

const lextag_bill *lextag_entity_bill(const lextag_entity *e)
{
    return e && e->attrs && e->attrs->bill.type ? &e->attrs->bill : NULL;
}

const lextag_citation *lextag_entity_citation(const lextag_entity *e)
{
    return e && e->attrs && e->attrs->citation.kind ? &e->attrs->citation : NULL;
}

const char *lextag_entity_linked_bill(const lextag_entity *e)
{
    return e && e->attrs ? e->attrs->linked_bill : NULL;
}

const lextag_explain *lextag_entity_explain(const lextag_entity *e)
{
    return e && e->attrs ? e->attrs->explain : NULL;
}
