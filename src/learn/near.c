/* SPDX-License-Identifier: MIT */
/*
 * The candidates a learned span is compared with (see near.h).
 */
#include "near.h"

#include "vec.h"

/* A bill, a law or a citation: never inside a learned name. */
static bool legislation(const lx_cand *c)
{
    return lx_cand_type_is(c, "BILL") || lx_cand_type_is(c, "LAW") ||
           lx_cand_type_is(c, "CITATION");
}

/* May no learned span overlap c?  (A person's or a body's type is no
   legislation's: one of the two tests is asked.) */
static bool blocks(const lx_cand *c)
{
    return lx_feat_learned_type(c) ? lx_learn_rule_kept(c) : legislation(c);
}

/*
 * Indexes L->near by byte: for each LX_NEAR_BLOCK bytes of the stretch
 * [base, base + len), its first candidate starting there or later.  Every
 * decoded span looks up its neighbours: a binary search over a stretch's
 * thousands of entries was a chain of misses each time.
 */
static int index_near(lx_learn_lane *L, size_t base, size_t len)
{
    size_t blocks = len / LX_NEAR_BLOCK + 1;
    if (lx_vec_reserve(&L->near_ix, &L->near_ix_cap, blocks, sizeof(*L->near_ix), 64))
        return LEXTAG_ERR_NOMEM;
    size_t k = 0;
    for (size_t q = 0; q < blocks; q++) {
        while (k < L->near.n && L->near.v[k].start < base + q * LX_NEAR_BLOCK)
            k++;
        L->near_ix[q] = (uint32_t) k;
    }
    L->near_blocks = blocks;
    L->near_base = base;
    return 0;
}

int lx_near_collect(lx_learn_lane *L, const lx_candvec *cands, size_t base, size_t len)
{
    L->near.n = 0;
    for (size_t k = 0; k < cands->n; k++) {
        const lx_cand *c = &cands->v[k];
        if (((lx_feat_learned_type(c) && (c->entry != LX_NONE || c->id)) || blocks(c)) &&
            lx_candvec_push(&L->near, c))
            return LEXTAG_ERR_NOMEM;
    }
    /* each source's candidates come in order: their runs are merged */
    if (lx_cands_sort(&L->near, &L->sort_scratch))
        return LEXTAG_ERR_NOMEM;
    return index_near(L, base, len);
}

size_t lx_near_from(const lx_learn_lane *L, size_t s)
{
    size_t k = 0;
    if (s > L->near_base) {
        size_t q = (s - L->near_base) / LX_NEAR_BLOCK;
        k = L->near_ix[q < L->near_blocks ? q : L->near_blocks - 1];
    }
    while (k < L->near.n && L->near.v[k].start < s)
        k++;
    return k;
}

/* Is c a candidate with an id (a list's entry, a rule's id) of type
   `type` that ends at byte e? */
static bool entry_ending(const lx_cand *c, size_t e, const char *type)
{
    return c->end == e && (c->entry != LX_NONE || c->id) && lx_cand_type_is(c, type);
}

const lx_cand *lx_near_entry(const lx_learn_lane *L, size_t s, size_t e, const char *type)
{
    for (size_t k = lx_near_from(L, s); k < L->near.n && L->near.v[k].start == s; k++)
        if (entry_ending(&L->near.v[k], e, type))
            return &L->near.v[k];
    return NULL;
}

const lx_cand *lx_near_entry_ending(const lx_learn_lane *L, size_t s, size_t e,
                                    const char *type)
{
    /* a person's name in a list is short: its first words are near */
    size_t from = s > 48 ? s - 48 : 0;
    for (size_t k = lx_near_from(L, from); k < L->near.n && L->near.v[k].start < s; k++)
        if (entry_ending(&L->near.v[k], e, type))
            return &L->near.v[k];
    return NULL;
}

bool lx_near_overlaps_kept(const lx_learn_lane *L, const lx_cand *x)
{
    size_t from = x->start > LX_MAX_ENTITY_BYTES ? x->start - LX_MAX_ENTITY_BYTES : 0;
    for (size_t k = lx_near_from(L, from); k < L->near.n && L->near.v[k].start < x->end; k++)
        if (L->near.v[k].end > x->start && blocks(&L->near.v[k]))
            return true;
    return false;
}
