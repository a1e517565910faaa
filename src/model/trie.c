/* SPDX-License-Identifier: MIT */
/*
 * Building the token trie.  Tables grow by doubling and rehashing at a load
 * factor of one half; lookups in a finished trie never allocate.
 */
#include "trie.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lextag/lextag.h"
#include "vec.h"

int lx_trie_init(lx_trie *t)
{
    memset(t, 0, sizeof(*t));
    t->owned = true;
    t->vslot_cap = 1024;
    t->eslot_cap = 1024;
    t->vslots = calloc(t->vslot_cap, sizeof(uint64_t));
    t->ekeys = malloc(t->eslot_cap * sizeof(uint64_t));
    /* zeroed: empty slots are written to model images as they are */
    t->evals = calloc(t->eslot_cap, sizeof(uint32_t));
    if (!t->vslots || !t->ekeys || !t->evals) {
        lx_trie_free(t);
        return LEXTAG_ERR_NOMEM;
    }
    memset(t->ekeys, 0xFF, t->eslot_cap * sizeof(uint64_t));
    t->n_nodes = 1; /* the root */
    return 0;
}

void lx_trie_free(lx_trie *t)
{
    if (!t || !t->owned)
        return;
    free(t->vslots);
    free(t->vbloom);
    free(t->voc);
    free(t->ekeys);
    free(t->evals);
    free(t->node_first);
    free(t->node_count);
    free(t->entry_ix);
    free(t->anchors);
    free(t->pool);
    memset(t, 0, sizeof(*t));
}

uint32_t lx_trie_hash(const char *s, size_t n)
{
    return lx_hash32(lx_hash64(s, n));
}

uint32_t lx_trie_vocab(const lx_trie *t, const char *s, size_t n)
{
    return lx_trie_vocab_h(t, s, n, lx_trie_hash(s, n));
}

int lx_trie_build_bloom(lx_trie *t)
{
    free(t->vbloom);
    t->vbloom = calloc(LX_BLOOM_BITS / 64, sizeof(uint64_t));
    if (!t->vbloom)
        return LEXTAG_ERR_NOMEM;
    for (uint32_t k = 0; k < t->vslot_cap; k++)
        if (t->vslots[k]) {
            uint32_t b = lx_bloom_ix((uint32_t) (t->vslots[k] >> 32));
            t->vbloom[b >> 6] |= 1ull << (b & 63);
        }
    return 0;
}

/*
 * The probe for s (hash h) in the slots: its id, or LX_NONE with *end the
 * empty slot the probe stopped at, where s is to go.
 */
static inline uint32_t vocab_probe(const lx_trie *t, const char *s, size_t n, uint32_t h,
                                   uint32_t *end)
{
    uint32_t mask = t->vslot_cap - 1;
    uint64_t head = lx_head64(s, n);
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint64_t slot = t->vslots[i];
        if (!slot) {
            *end = i;
            return LX_NONE;
        }
        if ((uint32_t) (slot >> 32) != h)
            continue;
        uint32_t v = (uint32_t) slot - 1;
        if (t->voc[v].head != head)
            continue;
        if (n < 8)
            return v; /* the zero padding ends both at byte n */
        /* tokens are short and a matching head almost always means the
           same word: a loop here is cheaper than a call to memcmp */
        const char *w = t->pool + t->voc[v].str;
        size_t k = 8;
        while (k < n && w[k] == s[k])
            k++;
        if (k == n && w[n] == '\0')
            return v;
    }
}

uint32_t lx_trie_vocab_probe(const lx_trie *t, const char *s, size_t n, uint32_t h)
{
    uint32_t end;
    return vocab_probe(t, s, n, h, &end);
}

static int vocab_rehash(lx_trie *t)
{
    uint32_t cap = t->vslot_cap * 2, mask = cap - 1;
    uint64_t *slots = calloc(cap, sizeof(uint64_t));
    if (!slots)
        return LEXTAG_ERR_NOMEM;
    for (uint32_t k = 0; k < t->vslot_cap; k++) {
        uint64_t slot = t->vslots[k];
        if (!slot)
            continue;
        uint32_t i = (uint32_t) (slot >> 32) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = slot;
    }
    free(t->vslots);
    t->vslots = slots;
    t->vslot_cap = cap;
    return 0;
}

uint32_t lx_trie_vocab_add(lx_trie *t, const char *s, size_t n)
{
    /* one hash and one probe: a new word goes in the empty slot its lookup
       ended at (a gazetteer's words are mostly new).  With a filter built,
       the lookup is the filtered one, as for any other caller. */
    uint32_t h = lx_trie_hash(s, n), i = 0;
    uint32_t v = t->vbloom ? lx_trie_vocab_h(t, s, n, h) : vocab_probe(t, s, n, h, &i);
    if (v != LX_NONE)
        return v;
    bool moved = t->vbloom != NULL;
    if ((t->n_vocab + 1) * 2 > t->vslot_cap) {
        if (vocab_rehash(t))
            return LX_NONE;
        moved = true;
    }
    if (lx_vec_reserve32(&t->voc, &t->vcap, (size_t) t->n_vocab + 1, sizeof(lx_vocab), 64) ||
        lx_vec_reserve32(&t->pool, &t->pcap, (size_t) t->pool_len + n + 1, 1, 64))
        return LX_NONE;
    v = t->n_vocab++;
    memcpy(t->pool + t->pool_len, s, n);
    t->pool[t->pool_len + n] = '\0';
    t->voc[v] = (lx_vocab){t->pool_len, LX_NONE, 0, LX_NONE, lx_head64(s, n)};
    t->pool_len += (uint32_t) n + 1;
    if (moved) {
        uint32_t mask = t->vslot_cap - 1;
        for (i = h & mask; t->vslots[i];)
            i = (i + 1) & mask;
    }
    t->vslots[i] = ((uint64_t) h << 32) | (v + 1);
    return v;
}

static int edges_rehash(lx_trie *t)
{
    uint32_t cap = t->eslot_cap * 2, mask = cap - 1;
    uint64_t *keys = malloc(cap * sizeof(uint64_t));
    uint32_t *vals = calloc(cap, sizeof(uint32_t)); /* zeroed, as in lx_trie_init */
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return LEXTAG_ERR_NOMEM;
    }
    memset(keys, 0xFF, cap * sizeof(uint64_t));
    for (uint32_t i = 0; i < t->eslot_cap; i++) {
        uint64_t k = t->ekeys[i];
        if (k == UINT64_MAX)
            continue;
        uint32_t h = (uint32_t) ((k * 0x9E3779B97F4A7C15ull) >> 32) & mask;
        while (keys[h] != UINT64_MAX)
            h = (h + 1) & mask;
        keys[h] = k;
        vals[h] = t->evals[i];
    }
    free(t->ekeys);
    free(t->evals);
    t->ekeys = keys;
    t->evals = vals;
    t->eslot_cap = cap;
    return 0;
}

uint32_t lx_trie_child_add(lx_trie *t, uint32_t node, uint32_t tok)
{
    uint32_t c = lx_trie_child(t, node, tok);
    if (c != LX_NONE)
        return c;
    c = t->n_nodes++;
    if (node == 0) {
        t->voc[tok].root = c;
        return c;
    }
    if ((t->n_edges + 1) * 2 > t->eslot_cap && edges_rehash(t))
        return LX_NONE;
    uint64_t key = ((uint64_t) node << 32) | tok;
    uint32_t mask = t->eslot_cap - 1;
    uint32_t h = (uint32_t) ((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (t->ekeys[h] != UINT64_MAX)
        h = (h + 1) & mask;
    t->ekeys[h] = key;
    t->evals[h] = c;
    t->n_edges++;
    return c;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
    return x < y ? -1 : x > y;
}

/*
 * Entries in the order of their nodes, and by index within a node: counted
 * out by node (a sort of pairs by value gave the same order, at several
 * times the cost for a list of 100,000 names).  Pairs come in the order
 * the entries were added, so their indexes rise within a node; pairs that
 * do not are sorted in place after the count.
 */
int lx_trie_set_entries(lx_trie *t, uint64_t *pairs, size_t n)
{
    free(t->node_first);
    free(t->node_count);
    free(t->entry_ix);
    t->node_first = calloc(t->n_nodes, sizeof(uint32_t));
    t->node_count = calloc(t->n_nodes, sizeof(uint32_t));
    t->entry_ix = malloc((n ? n : 1) * sizeof(uint32_t));
    if (!t->node_first || !t->node_count || !t->entry_ix)
        return LEXTAG_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        t->node_count[pairs[i] >> 32]++;
    uint32_t at = 0;
    for (uint32_t v = 0; v < t->n_nodes; v++) {
        t->node_first[v] = at;
        at += t->node_count[v];
    }
    /* node_first[v] moves along as v's entries are placed, then is set back
       (to 0 for a node without entries, as the image has always stored it) */
    for (size_t i = 0; i < n; i++)
        t->entry_ix[t->node_first[pairs[i] >> 32]++] = (uint32_t) pairs[i];
    bool sorted = true;
    for (uint32_t v = 0; v < t->n_nodes; v++) {
        t->node_first[v] = t->node_count[v] ? t->node_first[v] - t->node_count[v] : 0;
        const uint32_t *e = t->entry_ix + t->node_first[v];
        for (uint32_t k = 1; k < t->node_count[v]; k++)
            sorted &= e[k - 1] < e[k];
    }
    if (!sorted)
        for (uint32_t v = 0; v < t->n_nodes; v++)
            if (t->node_count[v] > 1)
                qsort(t->entry_ix + t->node_first[v], t->node_count[v], sizeof(uint32_t),
                      cmp_u32);
    t->n_entry_ix = (uint32_t) n;
    return 0;
}

int lx_trie_add_anchor(lx_trie *t, uint32_t tok, const uint32_t *rules, uint32_t n)
{
    size_t need = (size_t) t->n_anchors + n + 1;
    if (lx_vec_reserve32(&t->anchors, &t->acap, need, sizeof(uint32_t), 64))
        return LEXTAG_ERR_NOMEM;
    t->voc[tok].anchor = t->n_anchors;
    t->anchors[t->n_anchors++] = n;
    memcpy(t->anchors + t->n_anchors, rules, n * sizeof(uint32_t));
    t->n_anchors += n;
    return 0;
}
