/* SPDX-License-Identifier: MIT */
/*
 * Token hashes.  The tokenizer hashes each folded token once, while folding
 * it; the vocabulary, the trie and the document pass key on that hash, so no
 * later step reads the token's bytes again to find it.
 */
#ifndef LX_HASH_H
#define LX_HASH_H

#include <stddef.h>
#include <stdint.h>

/* 64-bit FNV-1a of a folded token; the tokenizer computes it while folding. */
static inline uint64_t lx_hash64(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char) s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* The vocabulary's 32-bit hash, derived from the 64-bit one. */
static inline uint32_t lx_hash32(uint64_t h64)
{
    return (uint32_t) (h64 ^ (h64 >> 32));
}

#endif
