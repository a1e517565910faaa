/* SPDX-License-Identifier: MIT */
/*
 * Word clusters (Brown clusters in Liang's wcluster format:
 * BITSTRING<TAB>WORD<TAB>COUNT per line, '#' comments) as a hash table from
 * the 64-bit hash of the folded word to its path: (length << 24) | the
 * path's first 24 bits, left-aligned.  The table is one blob, so a model
 * image maps it in place:
 *
 *   uint64 capacity (power of two), then capacity slots of
 *   { uint64 key (0 = empty), uint32 path, uint32 zero }
 *
 * A key and its path share a slot: a lookup, which misses the cache more
 * often than not, then misses it once.
 */
#ifndef LX_LEARN_CLUSTERS_H
#define LX_LEARN_CLUSTERS_H

#include <stddef.h>
#include <stdint.h>

#include "lextag/lextag.h"

typedef struct lx_cluster_slot {
    uint64_t key;
    uint32_t path, zero;
} lx_cluster_slot;

typedef struct lx_clusters {
    const lx_cluster_slot *slots;
    uint64_t mask; /* capacity - 1; slots == NULL: no clusters */
} lx_clusters;

/*
 * Parses cluster text into a new blob (caller frees) of *len bytes.  hash
 * folds a word as the tokenizer does and returns its hash (0: skip it).
 * Errors: LEXTAG_ERR_PARSE, LEXTAG_ERR_NOMEM.
 */
void *lx_clusters_parse(const char *name, const char *text, size_t n,
                        uint64_t (*hash)(void *arg, const char *w, size_t n), void *arg,
                        size_t *len, lextag_error *err);

/* Checks a blob and points c into it.  Errors: LEXTAG_ERR_MODEL. */
int lx_clusters_attach(lx_clusters *c, const void *blob, size_t len, const char *name,
                       lextag_error *err);

/* Path of a word hash, 0 when the word has none. */
static inline uint32_t lx_clusters_find(const lx_clusters *c, uint64_t h)
{
    if (!c->slots)
        return 0;
    h |= 1;
    for (uint64_t i = (h ^ (h >> 31)) & c->mask;; i = (i + 1) & c->mask) {
        if (c->slots[i].key == h)
            return c->slots[i].path;
        if (!c->slots[i].key)
            return 0;
    }
}

#endif
