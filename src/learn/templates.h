/* SPDX-License-Identifier: MIT */
/*
 * The feature templates of the learned layer and the codes they share with
 * feat.c (line kinds, candidate summary bits).  Changing what a
 * template computes changes the meaning of trained weights: bump
 * LX_FEATURE_VERSION (weights.h) with it.
 */
#ifndef LX_LEARN_TEMPLATES_H
#define LX_LEARN_TEMPLATES_H

#include <stdbool.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "candidate.h"
#include "feat.h"

enum lx_line_kind {
    LX_LINE_TEXT = 0, /* running text */
    LX_LINE_CAPS,     /* a line in capitals (headline, dateline) */
    LX_LINE_TITLE,    /* a title-case line without closing punctuation */
    LX_LINE_TABLE,    /* a score or table line: mostly numbers */
    LX_LINE_SHORT,    /* up to four tokens, no lowercase word: a byline, a name */
    LX_LINE_BYLINE,   /* "By ..." */
    LX_LINE_WRAP,     /* continues the sentence of the line before */
};

/* Set on the line kind of a region's token that opens a wrapped
   continuation line: its line break is read as a space. */
#define LX_LINE_JOINED 0x80

/* Candidate summary bits of a token. */
enum {
    LX_CM_BPER = 1, LX_CM_IPER = 2, LX_CM_BORG = 4, LX_CM_IORG = 8,
    LX_CM_GPER = 16, LX_CM_GORG = 32, /* from a gazetteer entry */
};

/*
 * Hash of a candidate's type, source and priority, the value of its marks;
 * source_hash is lx_tmpl_source_hash(c->source), which callers keep per
 * source string.
 */
uint64_t lx_tmpl_cand_value(const lx_cand *c, uint64_t source_hash);
uint64_t lx_tmpl_source_hash(const char *source);

/* Characters of a shape, at most. */
#define LX_SHAPE_MAX 12

/*
 * The shape of token k ("Xxx", "X.X.", "d-d": case classes of its
 * characters, runs collapsed, at most LX_SHAPE_MAX) into buf (16 bytes);
 * its length.
 */
size_t lx_tmpl_shape(const char *text, const lx_toklist *tl, long k, char *buf);

/* lx_hash64() of token t's shape, without writing it out. */
uint64_t lx_tmpl_shape_hash(const char *text, const lx_token *t);

#if defined(__SSE2__)
/* The shape hashes of runs of these classes (FNV-1a, as lx_hash64()). */
#define LX_SHAPE_H0 1469598103934665603ull
#define LX_SHAPE_STEP(h, c) (((h) ^ (unsigned char) (c)) * 1099511628211ull)

/*
 * lx_tmpl_shape_hash() of an ASCII token of at most LX_SHAPE_MAX bytes,
 * all 16 bytes from whose start p may be read; false for any other token.
 * Its bytes are classed at once, and a run opens where a class differs
 * from the one before (from 0 before the first, as the byte loop starts):
 * only the runs' classes go through the hash.  No more runs than bytes:
 * none is cut.  A word of letters alone, nearly every word of a region,
 * is read from its case bits, and the three shapes most of them have
 * ("Xx", "x", "X") are constants.
 */
static inline bool lx_tmpl_shape_hash_ascii(const unsigned char *p, size_t len, uint64_t *out)
{
    __m128i b = _mm_loadu_si128((const __m128i *) p);
    unsigned in = (1u << len) - 1;
    /* v in [lo, lo + n), ASCII: moved to start at -128, one signed compare */
#define LX_IN_RANGE(v, lo, n)                                                              \
    _mm_cmplt_epi8(_mm_add_epi8((v), _mm_set1_epi8((char) (0x80 - (lo)))),                 \
                   _mm_set1_epi8((char) (0x80 + (n))))
    __m128i letter = LX_IN_RANGE(_mm_or_si128(b, _mm_set1_epi8(0x20)), 'a', 26);
    unsigned letters = (unsigned) _mm_movemask_epi8(letter) & in;
    uint64_t h = LX_SHAPE_H0;
    if (letters == in && in) {
        /* a letter's case bit (0x20: lowercase) moved to the top of its byte */
        unsigned lower = (unsigned) _mm_movemask_epi8(_mm_slli_epi16(b, 2)) & in;
        if (!lower)
            *out = LX_SHAPE_STEP(h, 'X');
        else if (lower == in)
            *out = LX_SHAPE_STEP(h, 'x');
        else if (lower == in - 1)
            *out = LX_SHAPE_STEP(LX_SHAPE_STEP(h, 'X'), 'x');
        else {
            for (unsigned runs = ((lower ^ lower << 1) | 1) & in; runs; runs &= runs - 1)
                h = LX_SHAPE_STEP(h, 'X' | (lower >> __builtin_ctz(runs) & 1) << 5);
            *out = h;
        }
        return true;
    }
    if ((unsigned) _mm_movemask_epi8(b) & in)
        return false;
    __m128i digit = LX_IN_RANGE(b, '0', 10);
#undef LX_IN_RANGE
    /* a letter's class is 'X' with its case bit: 'x' is 'X' | 0x20 */
    __m128i lc = _mm_or_si128(_mm_and_si128(b, _mm_set1_epi8(0x20)), _mm_set1_epi8('X'));
    __m128i c = _mm_or_si128(_mm_and_si128(digit, _mm_set1_epi8('d')), _mm_andnot_si128(digit, b));
    c = _mm_or_si128(_mm_and_si128(letter, lc), _mm_andnot_si128(letter, c));
    unsigned same = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_slli_si128(c, 1)));
    unsigned char cls[16];
    _mm_storeu_si128((__m128i *) cls, c);
    for (unsigned runs = ~same & in; runs; runs &= runs - 1)
        h = LX_SHAPE_STEP(h, cls[__builtin_ctz(runs)]);
    *out = h;
    return true;
}
#endif

/* lx_tmpl_shape_hash(), where every byte of text before limit may be
   read, past the token's end too. */
static inline uint64_t lx_tmpl_shape_hash_within(const char *text, size_t limit,
                                                 const lx_token *t)
{
#if defined(__SSE2__)
    size_t len = t->end - t->start;
    uint64_t h;
    if (len <= LX_SHAPE_MAX && t->start + 16 <= limit &&
        lx_tmpl_shape_hash_ascii((const unsigned char *) text + t->start, len, &h))
        return h;
#else
    (void) limit;
#endif
    return lx_tmpl_shape_hash(text, t);
}

/* The document-table slot of a word, or NULL. */
static inline const lx_dslot *lx_feat_doc(const lx_feat_scratch *sc, uint64_t hash)
{
    size_t h = lx_feat_doc_probe(sc->doc, sc->doc_cap, hash);
    return sc->doc[h].key ? &sc->doc[h] : NULL;
}

/* The document-table slot of token i of a region (every one has its
   word in the table), as found when the table counted it: no probe. */
static inline const lx_dslot *lx_feat_doc_of_region_token(const lx_feat_scratch *sc, size_t i)
{
    return &sc->doc[sc->dix[i]];
}

#endif
