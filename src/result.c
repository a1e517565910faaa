/* SPDX-License-Identifier: MIT */
/*
 * The public accessors of a result (result.h): its entities, lost
 * candidates and the rules cut off by their limits, all borrowed from the
 * result until lextag_result_free().
 */
#include <stdlib.h>

#include "result.h"

size_t lextag_result_count(const lextag_result *r)
{
    return r ? r->n : 0;
}

const lextag_entity *lextag_result_entity(const lextag_result *r, size_t i)
{
    return r && i < r->n ? &r->ents[i] : NULL;
}

size_t lextag_result_lost_count(const lextag_result *r)
{
    return r ? r->n_lost : 0;
}

const lextag_entity *lextag_result_lost(const lextag_result *r, size_t i)
{
    return r && i < r->n_lost ? &r->lost[i] : NULL;
}

size_t lextag_result_limit_hits(const lextag_result *r)
{
    return r ? r->n_limit : 0;
}

const char *lextag_result_limit_rule(const lextag_result *r, size_t i)
{
    return r && i < r->n_limit ? r->limit_rules[i] : NULL;
}

void lextag_result_free(lextag_result *r)
{
    if (!r)
        return;
    lx_arena_free(&r->arena);
    free(r->limit_rules);
    free(r);
}
