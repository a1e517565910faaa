/* SPDX-License-Identifier: MIT */
/*
 * The learned layer's weights: an averaged perceptron over hashed features,
 * BIO labels over PER, ORG, LOC and MISC (nine labels), first-order label
 * transitions, Viterbi decoding.
 *
 * Weights are int16 within +-LX_WMAX, quantized with one scale for the
 * whole table.  Only
 * scores relative to O matter (every path has one label per token, so a
 * constant added to all labels of a token changes no decision), so a
 * bucket stores the eight labels other than O, side by side: 16 bytes,
 * one aligned load, four buckets to a cache line.  The same bytes are the weights file
 * (gazetteers/model/ner.weights) and the model image's weight section, so
 * the image maps them in place:
 *
 *   header   magic "LXNERW1\0", feature-set version, labels, bucket bits,
 *            scale (float), payload checksum
 *   trans    (labels + 1) x labels int16: row `labels` is the start row
 *   weights  2^bits x (labels - 1) int16
 */
#ifndef LX_LEARN_WEIGHTS_H
#define LX_LEARN_WEIGHTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lextag/lextag.h"

/* Labels: O, then B and I of each class. */
enum lx_label {
    LX_L_O = 0,
    LX_L_BPER, LX_L_IPER, LX_L_BORG, LX_L_IORG,
    LX_L_BLOC, LX_L_ILOC, LX_L_BMISC, LX_L_IMISC,
    LX_NLABELS
};

enum lx_class { LX_C_NONE = 0, LX_C_PER, LX_C_ORG, LX_C_LOC, LX_C_MISC };

static inline int lx_label_class(int l)
{
    return (l + 1) / 2;
}

/* Is label l (below LX_NLABELS) an I-X?  Its bit of the set of the I-X:
   no branch, where the passes over a region's labels asked two tests. */
static inline bool lx_label_inside(int l)
{
    return (1u << LX_L_IPER | 1u << LX_L_IORG | 1u << LX_L_ILOC | 1u << LX_L_IMISC) >> l & 1;
}

/* May label b follow label a?  (I-X only after B-X or I-X.) */
static inline bool lx_label_allowed(int a, int b)
{
    return !lx_label_inside(b) || (a && lx_label_class(a) == lx_label_class(b));
}

/* Weights stored per bucket: every label but O. */
#define LX_WSTRIDE (LX_NLABELS - 1)

/* A view of weights bytes (image-backed or owned by whoever made them). */
typedef struct lx_weights {
    const int16_t *trans; /* (LX_NLABELS + 1) x LX_NLABELS */
    const int16_t *w;     /* (1 << bits) x LX_WSTRIDE: labels 1.. */
    uint32_t bits;        /* bucket bits; 0 = no weights */
    uint32_t mask;
    float scale;
} lx_weights;

/* Version of the feature templates the weights were trained for. */
#define LX_FEATURE_VERSION 4u

/*
 * Largest stored weight: eight weights sum in an int16 without overflow,
 * so scoring adds eight features with one instruction per feature before
 * widening.  (Twelve bits lose nothing measurable against sixteen.)
 */
#define LX_WMAX 4095

/* Size of a weights blob with 2^bits buckets. */
size_t lx_weights_size(uint32_t bits);

/*
 * Checks a weights blob (magic, version, sizes; with verify, its checksum)
 * and points w into it.  `name` names it in errors.  Errors: LEXTAG_ERR_MODEL.
 */
int lx_weights_attach(lx_weights *w, const void *data, size_t len, const char *name,
                      bool verify, lextag_error *err);

/*
 * Writes the header of a blob of 2^bits buckets at `blob` (whose trans and
 * weights are already filled) and its checksum.
 */
void lx_weights_seal(void *blob, uint32_t bits, float scale);

/* Pointers into a blob being filled. */
int16_t *lx_weights_trans_mut(void *blob);
int16_t *lx_weights_w_mut(void *blob);

/* Adds the weights of features f[0..n) to acc (labels 1.., LX_WSTRIDE int32). */
void lx_weights_sum(const lx_weights *w, const uint32_t *f, size_t n, int32_t *acc);

#if defined(__SSE2__)
#include <emmintrin.h>

/* The row of feature id f. */
static inline __m128i lx_weights_row(const lx_weights *w, uint32_t f)
{
    return _mm_loadu_si128((const __m128i *) (w->w + (size_t) (f & w->mask) * LX_WSTRIDE));
}

/* Adds eight int16 sums to two vectors of int32, sign-extended. */
static inline void lx_weights_widen_add(__m128i sum, __m128i *lo, __m128i *hi)
{
    *lo = _mm_add_epi32(*lo, _mm_srai_epi32(_mm_unpacklo_epi16(sum, sum), 16));
    *hi = _mm_add_epi32(*hi, _mm_srai_epi32(_mm_unpackhi_epi16(sum, sum), 16));
}

/*
 * lx_weights_sum(), inline: tagging sums the features of every token it
 * decodes, each a few dozen, and the call and its frame cost as much as a
 * group of eight.
 */
static inline void lx_weights_add(const lx_weights *w, const uint32_t *f, size_t n, int32_t *acc)
{
    __m128i lo = _mm_loadu_si128((const __m128i *) acc);
    __m128i hi = _mm_loadu_si128((const __m128i *) (acc + 4));
    /* eight rows at a time in int16 (|w| <= LX_WMAX), then widened; the
       rest after them.  Whole groups of eight take no count of what is
       left within them, which a group cut short at n had to keep. */
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        __m128i sum = lx_weights_row(w, f[k]);
#pragma GCC unroll 7
        for (size_t j = 1; j < 8; j++)
            sum = _mm_add_epi16(sum, lx_weights_row(w, f[k + j]));
        lx_weights_widen_add(sum, &lo, &hi);
    }
    if (k < n) {
        __m128i sum = lx_weights_row(w, f[k]);
        for (k++; k < n; k++)
            sum = _mm_add_epi16(sum, lx_weights_row(w, f[k]));
        lx_weights_widen_add(sum, &lo, &hi);
    }
    _mm_storeu_si128((__m128i *) acc, lo);
    _mm_storeu_si128((__m128i *) (acc + 4), hi);
}

/*
 * The transitions the vector step of Viterbi reads (weights.c): labels
 * split into O, the four B-X and the four I-X, a vector each.
 */
typedef struct lx_split_trans {
    __m128i into_b[LX_NLABELS]; /* from label a into the four B-X */
    __m128i b_to_o, i_to_o;     /* from each B-X and I-X into O */
    __m128i b_to_i, i_to_i;     /* from B-X and from I-X into the same I-X */
    /* from labels 1-4 and 5-8 into the O after the path's end; and the
       same with the start's into each label added (a path of one token) */
    __m128i to_end[2], start_end[2];
    /* into each label from labels 1-4 and 5-8 (a column of the
       transitions: the path read back takes each O's or B-X's predecessor
       over all nine) */
    __m128i from[LX_NLABELS][2];
    int32_t o_to_o;
    int32_t start_end_o;        /* the start's into O, and O's into the end */
} lx_split_trans;
#else
static inline void lx_weights_add(const lx_weights *w, const uint32_t *f, size_t n, int32_t *acc)
{
    for (size_t k = 0; k < n; k++) {
        const int16_t *row = w->w + (size_t) (f[k] & w->mask) * LX_WSTRIDE;
        for (int l = 0; l < LX_WSTRIDE; l++)
            acc[l] += row[l];
    }
}
#endif

/*
 * Emission scores: for each of n tokens, the sum over its features
 * f[off[i]..off[i+1]) of the weights, into em[i * LX_NLABELS + l] (0 for O).
 */
void lx_weights_score(const lx_weights *w, const uint32_t *f, const uint32_t *off,
                      size_t n, int32_t *em);

/* Score that rules a transition out. */
#define LX_TRANS_NEVER (-(1 << 28))

/*
 * Copies transitions (row LX_NLABELS = start) into out as int32, with
 * LX_TRANS_NEVER where a label may not follow another.
 */
void lx_trans_prepare(const int32_t *in, const int16_t *in16, int32_t *out);

/*
 * Viterbi over n tokens with emissions em and transitions trans (both
 * int32, from lx_trans_prepare()); the sequence starts and ends after and
 * before an O.  hist is scratch of n * LX_NLABELS int32.  Writes the best
 * labels into out.
 */
void lx_viterbi(const int32_t *em, const int32_t *trans, size_t n, int32_t *hist,
                uint8_t *out);

/*
 * Transitions prepared once for many sequences: as lx_trans_prepare()
 * makes them, and split as the vector step reads them, which lx_viterbi()
 * gathers again for each sequence of two tokens or more.
 */
typedef struct lx_vtrans {
    int32_t t[(LX_NLABELS + 1) * LX_NLABELS];
#if defined(__SSE2__)
    lx_split_trans split;
#endif
} lx_vtrans;

/* Prepares vt from stored transitions (see lx_trans_prepare()). */
void lx_vtrans_prepare(lx_vtrans *vt, const int16_t *in16);

/* lx_viterbi() with transitions prepared by lx_vtrans_prepare(). */
void lx_viterbi_prepared(const int32_t *em, const lx_vtrans *vt, size_t n, int32_t *hist,
                         uint8_t *out);

#endif
