/* SPDX-License-Identifier: MIT */
/*
 * Token hashes.  The tokenizer hashes each folded token once, while folding
 * it; the vocabulary, the trie and the document pass key on that hash, so no
 * later step reads the token's bytes again to find it.
 */
#ifndef LX_HASH_H
#define LX_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/*
 * The first eight bytes of s[0..n), zero-padded, as one word (read without
 * going past s + n).  Folded tokens hold no NUL byte: for n < 8, equal
 * heads are equal tokens.
 */
static inline uint64_t lx_head64(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *) s;
    if (n >= 8) {
        uint64_t x;
        memcpy(&x, s, 8);
        return x;
    }
    if (n >= 4) {
        /* two overlapping loads: the bytes they share are the same */
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        return (uint64_t) a | (uint64_t) b << (8 * (n - 4));
    }
    if (!n)
        return 0;
    return (uint64_t) u[0] | (uint64_t) u[n / 2] << (8 * (n / 2)) |
           (uint64_t) u[n - 1] << (8 * (n - 1));
}

/* Buckets of a filter of heads (a bitmap of LX_HEAD_FILTER_BITS bits). */
#define LX_HEAD_FILTER_BITS 4096

static inline uint32_t lx_head_bucket(uint64_t head)
{
    return (uint32_t) (head * 0x9E3779B97F4A7C15ull >> 52) & (LX_HEAD_FILTER_BITS - 1);
}

static inline bool lx_head_in(const uint64_t *filter, uint64_t head)
{
    uint32_t b = lx_head_bucket(head);
    return filter[b / 64] >> (b % 64) & 1;
}

#endif
