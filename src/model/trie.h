/* SPDX-License-Identifier: MIT */
/*
 * Token trie: the gazetteer matcher's data structure.
 *
 * Every distinct folded token of every entry gets a vocabulary id; the trie's
 * edges are keyed by (node, token id) in one open-addressing hash table.  A
 * text token is hashed once (vocabulary lookup) and each step of a walk is a
 * single probe.  All tables are flat arrays of fixed-width integers with no
 * pointers, so a built trie is written to a model image as it is and used
 * straight from an mmap.
 *
 * Per vocabulary entry the trie also keeps the root edge (saves the first
 * probe), evidence bits (first name, title, ...) for the context rules and
 * the list of rules anchored on that token.
 */
#ifndef LX_TRIE_H
#define LX_TRIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "vec.h"

#define LX_BLOOM_BITS (1u << 20)

static inline uint32_t lx_bloom_ix(uint32_t h)
{
    return (h * 0x9E3779B1u) >> 12;
}

/*
 * What the matcher needs of a vocabulary entry, together: with the head of
 * the token, a lookup whose hash matches reads the pool (another cache
 * miss) only for tokens longer than seven bytes.
 */
typedef struct lx_vocab {
    uint32_t str;    /* offset of the folded token in pool */
    uint32_t root;   /* child of the root, LX_NONE if none */
    uint32_t bits;   /* evidence bits (enum lx_evidence_bits) */
    uint32_t anchor; /* offset in anchors[] or LX_NONE */
    uint64_t head;   /* lx_head64() of the folded token */
} lx_vocab;

typedef struct lx_trie {
    /* vocabulary */
    uint32_t n_vocab, vslot_cap; /* vslot_cap: power of two */
    uint64_t *vslots;            /* hash << 32 | (vocab id + 1), 0 = empty */
    lx_vocab *voc;
    /* one bit per hash bucket of LX_BLOOM_BITS: most words of a text are not in
       the vocabulary, and this 128 KiB filter answers that from cache */
    uint64_t *vbloom;
    /* edges */
    uint32_t n_nodes, n_edges, eslot_cap;
    uint64_t *ekeys;             /* (node << 32 | token), UINT64_MAX = empty */
    uint32_t *evals;             /* child node */
    /* entries at a node: node_first[node] .. + node_count[node] in entry_ix */
    uint32_t *node_first, *node_count;
    uint32_t *entry_ix;
    uint32_t n_entry_ix;
    /* anchor lists: [count, rule, rule, ...] */
    uint32_t *anchors;
    uint32_t n_anchors;
    /* folded token strings */
    char *pool;
    uint32_t pool_len;
    /* capacities while building (0 when the trie lives in an image) */
    uint32_t vcap, ncap, acap, pcap, ecap_ix;
    bool owned;
} lx_trie;

/* Initializes an empty, growable trie.  Returns 0 or LEXTAG_ERR_NOMEM. */
int lx_trie_init(lx_trie *t);

/* Frees the trie's arrays when it owns them.  NULL-safe. */
void lx_trie_free(lx_trie *t);

/* Hash of a folded token as the vocabulary uses it. */
uint32_t lx_trie_hash(const char *s, size_t n);

/* Fills the vocabulary's filter; called once the vocabulary is complete. */
int lx_trie_build_bloom(lx_trie *t);

/* lx_trie_vocab_h() past the filter: the probe in the slots. */
uint32_t lx_trie_vocab_probe(const lx_trie *t, const char *s, size_t n, uint32_t h);

/* Vocabulary id of a folded token (no NUL byte in it) whose lx_hash32 is h,
   or LX_NONE.  The filter is asked inline: most words of a text are no
   vocabulary word, and are turned away without a call. */
static inline uint32_t lx_trie_vocab_h(const lx_trie *t, const char *s, size_t n, uint32_t h)
{
    if (t->vbloom) {
        uint32_t b = lx_bloom_ix(h);
        if (!(t->vbloom[b >> 6] & (1ull << (b & 63))))
            return LX_NONE;
    }
    return lx_trie_vocab_probe(t, s, n, h);
}

/* Vocabulary id of a folded token, or LX_NONE. */
uint32_t lx_trie_vocab(const lx_trie *t, const char *s, size_t n);

/* Vocabulary id of s, added when new; LX_NONE when out of memory. */
uint32_t lx_trie_vocab_add(lx_trie *t, const char *s, size_t n);

/* Child of node by token id, or LX_NONE. */
static inline uint32_t lx_trie_child(const lx_trie *t, uint32_t node, uint32_t tok)
{
    if (node == 0)
        return t->voc[tok].root;
    uint64_t key = ((uint64_t) node << 32) | tok;
    uint32_t mask = t->eslot_cap - 1;
    uint32_t h = (uint32_t) ((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    for (;;) {
        uint64_t k = t->ekeys[h];
        if (k == key)
            return t->evals[h];
        if (k == UINT64_MAX)
            return LX_NONE;
        h = (h + 1) & mask;
    }
}

/* Child of node by token id, created when missing; LX_NONE on NOMEM. */
uint32_t lx_trie_child_add(lx_trie *t, uint32_t node, uint32_t tok);

/*
 * Attaches entry indices to nodes: pairs[i] = {node, entry}, in any order
 * (the order entries were added is the cheapest).  Called once after all
 * insertions.  Returns 0 or LEXTAG_ERR_NOMEM.
 */
int lx_trie_set_entries(lx_trie *t, uint64_t *pairs, size_t n);

/* Entries at a node: *count indices into the model's entry table. */
static inline const uint32_t *lx_trie_entries(const lx_trie *t, uint32_t node,
                                              uint32_t *count)
{
    *count = node < t->n_nodes ? t->node_count[node] : 0;
    return *count ? t->entry_ix + t->node_first[node] : NULL;
}

/* Appends an anchor list (rule indices) to vocabulary id tok. */
int lx_trie_add_anchor(lx_trie *t, uint32_t tok, const uint32_t *rules,
                       uint32_t n);

#endif
